"""Per-spider log counts (kznews/log/{site}/{level}): what the `errors` check reads.

Scrapy's log_count/ERROR counts every record of the process in every crawler's stats, so with several spiders in
one process each would be charged the errors of all. This handler counts a record for a crawler only when the
record belongs to its spider: Scrapy's records and `spider.logger`'s carry the spider (`extra={"spider": ...}`);
a record without one is charged only while this is the only spider open in the process (`scrapy crawl`), since
it cannot be told apart otherwise.
"""

from __future__ import annotations

import logging
from typing import ClassVar

from scrapy import signals

from kznews.stats import LOG

COUNTED_LEVELS = ("WARNING", "ERROR", "CRITICAL")


class _SpiderLogHandler(logging.Handler):
    def __init__(self, counter: SpiderLogCounter):
        super().__init__(level=logging.WARNING)
        self.counter = counter

    def emit(self, record: logging.LogRecord) -> None:
        self.counter.record(record)


class SpiderLogCounter:
    # the crawlers whose spider is open in this process: a record naming no spider is charged only when alone
    _open: ClassVar[list] = []

    def __init__(self, crawler):
        self.crawler = crawler
        self.spider = None
        self.handler = _SpiderLogHandler(self)
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        # the handler stays until the engine stops: the records of spider_closed (monitors, the store's flush)
        # still count
        crawler.signals.connect(self.engine_stopped, signal=signals.engine_stopped)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def spider_opened(self, spider):
        self.spider = spider
        for level in COUNTED_LEVELS:  # present in every run's stats, 0 when nothing was logged
            self.crawler.stats.set_value(LOG(site=spider.name, level=level), 0)
        SpiderLogCounter._open.append(self)
        logging.getLogger().addHandler(self.handler)

    def engine_stopped(self):
        logging.getLogger().removeHandler(self.handler)
        if self in SpiderLogCounter._open:
            SpiderLogCounter._open.remove(self)

    def belongs(self, record: logging.LogRecord) -> bool:
        owner = getattr(record, "spider", None)
        if owner is not None:
            return owner is self.spider
        return SpiderLogCounter._open == [self]

    def record(self, record: logging.LogRecord) -> None:
        if self.spider is None or record.levelname not in COUNTED_LEVELS or not self.belongs(record):
            return
        self.crawler.stats.inc_value(LOG(site=self.spider.name, level=record.levelname))
