"""The Article item: what a crawl yields for each article, derived from the schema (kznews.schema, the one
definition of every field; documented in README.md, "The articles collection").

Datetimes are aware and expressed in Asia/Almaty; MongoDB stores them as BSON dates (UTC) and the JSON feed
exporters print them as ISO 8601 with the Almaty offset of that instant (kznews.exporters).
"""

from __future__ import annotations

from dataclasses import field, make_dataclass
from datetime import datetime

from kznews.schema import ARTICLE_FIELDS

_REQUIRED = ("url", "site", "lang")  # every item is about one canonical URL of one site's edition
_PYTHON_TYPES = {"string": str, "string[]": list[str], "number": float, "integer": int, "datetime": datetime, "object": dict}


def _fields():
    for spec in ARTICLE_FIELDS:
        if not spec.in_item:
            continue
        kind = _PYTHON_TYPES[spec.type]
        if spec.name in _REQUIRED:
            yield spec.name, kind
        elif spec.type == "string[]":
            yield spec.name, kind, field(default_factory=list)
        else:
            yield spec.name, kind | None, field(default=None)


Article = make_dataclass("Article", list(_fields()))
Article.__module__ = __name__  # pickling and repr find it here (make_dataclass takes `module=` from Python 3.12)
Article.__doc__ = "One article as a crawl yields it: the item fields of kznews.schema.ARTICLE_FIELDS."
