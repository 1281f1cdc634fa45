"""Small Scrapy extensions.

StatsFile writes the crawl's final stats as JSON to KZNEWS_STATS_FILE (tests, benchmarks and scripts read it
instead of scraping the log); a `{spider}` in the path gives each spider of a multi-spider process its own file."""

from __future__ import annotations

import json
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured

from kznews.exporters import IsoJSONEncoder
from kznews.settings.registry import setting


class StatsFile:
    def __init__(self, crawler, path: str):
        self.crawler = crawler
        self.template = path
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        path = setting(crawler.settings, "KZNEWS_STATS_FILE")
        if not path:
            raise NotConfigured
        return cls(crawler, path)

    def spider_closed(self, spider, reason):
        stats = dict(self.crawler.stats.get_stats())
        stats["finish_reason"] = reason
        path = Path(self.template.replace("{spider}", spider.name))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(stats, cls=IsoJSONEncoder, ensure_ascii=False, indent=1), encoding="utf-8")
