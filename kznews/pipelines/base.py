"""What every kznews pipeline shares: the crawler, its stats, and counted drops."""

from __future__ import annotations

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from kznews.stats import count_drop


class StatsPipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def drop(self, adapter: ItemAdapter, reason: str) -> None:
        count_drop(self.stats, adapter.get("site") or "unknown", reason)
        raise DropItem(f"{reason}: {adapter.get('url')}")
