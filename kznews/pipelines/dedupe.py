"""DedupePipeline: one item per canonical URL per run; counts the items per edition and their field coverage."""

from __future__ import annotations

from itemadapter import ItemAdapter

from kznews.pipelines.base import StatsPipeline
from kznews.urls import url_key

COVERAGE_FIELDS = ("title", "summary", "body", "authors", "section", "tags", "images", "published_at", "modified_at")


class DedupePipeline(StatsPipeline):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.seen: set[int] = set()  # url_key() of the URLs stored in this run

    def process_item(self, item):
        adapter = ItemAdapter(item)
        url = adapter["url"]
        key = url_key(url)
        if key in self.seen:
            self.drop(adapter, "duplicate_url")
        self.seen.add(key)
        site, lang = adapter["site"], adapter["lang"]
        self.stats.inc_value("kznews/items")
        self.stats.inc_value(f"kznews/items/{site}/{lang}")
        for name in COVERAGE_FIELDS:
            if adapter.get(name):
                self.stats.inc_value(f"kznews/coverage/{site}/{name}")
        return item
