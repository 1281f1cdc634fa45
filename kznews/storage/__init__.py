"""Storage: the only package that knows MongoDB. Every collection is read and written here.

- articles.py  `ArticleStore`: the `articles` collection (upserts, aliases, incremental reads), and the handle on
               every other collection
- reprints.py  `ReprintLinker`: the `signatures` collection and reprint clusters across sites
- spill.py     spill files: articles kept on local disk while MongoDB is down, loaded back later
- health.py    what the health report reads (`python -m kznews report`): runs of a window, articles per day
- pulls.py     what exports read (`python -m kznews export`): filtered articles, stories, incremental pulls by cursor

Only `MONGO_URI` is configured; a real mongod or any wire-compatible server behind it is the same to this code.
"""

from kznews.storage.articles import ArticleStore, now_utc, redact_uri

__all__ = ["ArticleStore", "now_utc", "redact_uri"]
