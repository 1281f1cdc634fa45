"""Per-spider log counts (kznews/log/{site}/{level}): what the `errors` check reads.

Scrapy's log_count/ERROR counts every record of the process in every crawler's stats, so with several spiders in
one process each would be charged the errors of all. Here a record counts for a crawler only when it belongs to its
spider: Scrapy's records and `spider.logger`'s carry the spider (`extra={"spider": ...}`); a record without one is
charged only while a single spider is open in the process (`scrapy crawl`), since it cannot be told apart otherwise.
One handler serves the whole process and finds the counter by the record's spider, so a process of many spiders
does not pass every record through a handler per spider.
"""

from __future__ import annotations

import logging

from scrapy import signals

from kznews.stats import LOG

COUNTED_LEVELS = ("WARNING", "ERROR", "CRITICAL")


class _ProcessLogHandler(logging.Handler):
    """The one root handler: spider -> its counter, for the spiders open in this process."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.counters: dict[int, SpiderLogCounter] = {}

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelname not in COUNTED_LEVELS:
            return
        owner = getattr(record, "spider", None)
        if owner is not None:
            counter = self.counters.get(id(owner))
            if counter is not None and counter.spider is owner:
                counter.count(record.levelname)
        elif len(self.counters) == 1:
            next(iter(self.counters.values())).count(record.levelname)

    def add(self, counter: SpiderLogCounter) -> None:
        self.counters[id(counter.spider)] = counter
        if self not in logging.getLogger().handlers:
            logging.getLogger().addHandler(self)

    def remove(self, counter: SpiderLogCounter) -> None:
        if self.counters.get(id(counter.spider)) is counter:
            del self.counters[id(counter.spider)]
        if not self.counters:
            logging.getLogger().removeHandler(self)


_HANDLER = _ProcessLogHandler()


class SpiderLogCounter:
    def __init__(self, crawler):
        self.crawler = crawler
        self.spider = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        # counted until the engine stops: the records of spider_closed (monitors, the store's flush) still count
        crawler.signals.connect(self.engine_stopped, signal=signals.engine_stopped)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def spider_opened(self, spider):
        self.spider = spider
        for level in COUNTED_LEVELS:  # present in every run's stats, 0 when nothing was logged
            self.crawler.stats.set_value(LOG(site=spider.name, level=level), 0)
        _HANDLER.add(self)

    def engine_stopped(self):
        if self.spider is not None:
            _HANDLER.remove(self)

    def count(self, level: str) -> None:
        self.crawler.stats.inc_value(LOG(site=self.spider.name, level=level))
