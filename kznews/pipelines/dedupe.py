"""DedupePipeline: one item per canonical URL per run; counts the items per edition and their field coverage."""

from __future__ import annotations

from itemadapter import ItemAdapter

from kznews.pipelines.base import StatsPipeline
from kznews.schema import COVERAGE_FIELDS
from kznews.stats import COVERAGE, ITEMS, ITEMS_TOTAL
from kznews.urls import UrlKeySet, url_key


class DedupePipeline(StatsPipeline):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.seen = UrlKeySet()  # url_key() of the URLs stored in this run

    def process_item(self, item):
        adapter = ItemAdapter(item)
        url = adapter["url"]
        if not self.seen.add(url_key(url)):
            self.drop(adapter, "duplicate_url")
        site, lang = adapter["site"], adapter["lang"]
        self.stats.inc_value(ITEMS_TOTAL())
        self.stats.inc_value(ITEMS(site=site, lang=lang))
        for name in COVERAGE_FIELDS:
            if adapter.get(name):
                self.stats.inc_value(COVERAGE(site=site, field=name))
        return item
