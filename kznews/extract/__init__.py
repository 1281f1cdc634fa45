"""Extraction: pure functions over HTML (and XML feeds). No Scrapy, no network, no database in here.

- article.py  extract_article(): an article page -> Article fields (structured data, site selectors, heuristics)
- listing.py  extract_list(): a list page -> entries (url, title, date) and pagination links
- jsonlist.py extract_json_list(): a page of a JSON "load more" endpoint, through the site's hook
- feeds.py    parse_feed(), parse_sitemap(): RSS/Atom and sitemaps
- generic.py  the article body of a page whose layout is unknown (content scoring), and its visible date
- page.py     extract_page(): one saved page as `python -m kznews extract` reads it (with or without a site)
- structured.py, timestamps.py, text.py, html.py: the layers they are built from
"""

from kznews.extract.article import ArticleData, extract_article
from kznews.extract.feeds import FeedEntry, SitemapPage, parse_feed, parse_sitemap
from kznews.extract.jsonlist import extract_json_list
from kznews.extract.listing import ListEntry, ListPage, extract_list

__all__ = [
    "ArticleData",
    "FeedEntry",
    "ListEntry",
    "ListPage",
    "SitemapPage",
    "extract_article",
    "extract_json_list",
    "extract_list",
    "parse_feed",
    "parse_sitemap",
]
