"""ValidatePipeline: drops what is not an article (no URL, no title, no body), counting the reason."""

from __future__ import annotations

from itemadapter import ItemAdapter

from kznews.pipelines.base import StatsPipeline
from kznews.schema import ARTICLE_MIN_BODY_CHARS


class ValidatePipeline(StatsPipeline):
    def process_item(self, item):
        adapter = ItemAdapter(item)
        for key in ("title", "summary", "body", "section", "published_at_text"):
            value = adapter.get(key)
            if isinstance(value, str):
                adapter[key] = value.strip() or None
        if not adapter.get("url") or not adapter.get("site") or not adapter.get("lang"):
            self.drop(adapter, "no_url")
        if not adapter.get("title"):
            self.drop(adapter, "no_title")
        body = adapter.get("body") or ""
        if len(body) < ARTICLE_MIN_BODY_CHARS:
            self.drop(adapter, "no_body")
        return item
