"""A progress line per spider every KZNEWS_PROGRESS_INTERVAL seconds, and a last one when it closes:

  progress tengrinews: 120 pages, 34 articles (30 new), 210 already stored, 3 dropped, 0 blocked, 2 failed;
  database: 1 batch / 40 articles waiting

"new" are articles MongoDB did not hold before (upserted), "already stored" listed articles skipped as known
(incremental runs), and the database line the store pipeline's write lag (kznews.pipelines.store.write_lag).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

from kznews import stats as keys
from kznews.settings.registry import setting

logger = logging.getLogger(__name__)


def _num(value) -> int | float:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else 0


def _sum_under(stats: Mapping[str, Any], prefix: str) -> int | float:
    return sum(_num(v) for v in keys.under(stats, prefix).values())


def progress_counts(stats: Mapping[str, Any], site: str) -> dict[str, int | float]:
    return {
        "pages": _num(stats.get("response_received_count")),
        "articles": _sum_under(stats, keys.ITEMS.prefix(site=site)),
        "new": _num(stats.get(keys.MONGO(count="upserted"))),
        "known": _num(stats.get(keys.KNOWN(site=site, count="skipped"))),
        "dropped": _sum_under(stats, keys.DROPPED.prefix(site=site)),
        "blocked": _num(stats.get(keys.BLOCKED(site=site))),
        "failed": _sum_under(stats, keys.FAILED.prefix(site=site)),
    }


def progress_line(stats: Mapping[str, Any], site: str, lag: Mapping[str, int] | None) -> str:
    """One spider's progress (pure: its stats and the store's write lag in, the line out)."""
    c = progress_counts(stats, site)
    line = (f"progress {site}: {c['pages']} pages, {c['articles']} articles ({c['new']} new), {c['known']} already "
            f"stored, {c['dropped']} dropped, {c['blocked']} blocked, {c['failed']} failed")
    if lag is None:
        return line + "; database: not used"
    return line + f"; database: {lag['batches']} batches / {lag['items']} articles waiting"


class Progress:
    def __init__(self, crawler, interval: float):
        self.crawler = crawler
        self.interval = interval
        self.task = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        interval = setting(crawler.settings, "KZNEWS_PROGRESS_INTERVAL")
        if not interval or interval <= 0:
            raise NotConfigured
        return cls(crawler, float(interval))

    def _store(self):
        """The item pipeline with a write lag (kznews.pipelines.store.MongoPipeline), or None."""
        scraper = getattr(getattr(self.crawler, "engine", None), "scraper", None)
        pipelines = getattr(getattr(scraper, "itemproc", None), "middlewares", ())
        return next((p for p in pipelines if callable(getattr(p, "write_lag", None))), None)

    def log(self, spider) -> None:
        store = self._store()
        lag = store.write_lag() if store is not None and getattr(store, "store", None) is not None else None
        logger.info("%s", progress_line(self.crawler.stats.get_stats(), spider.name, lag),
                    extra={"spider": spider})
        self.crawler.stats.inc_value(keys.PROGRESS(count="lines"))

    def spider_opened(self, spider):
        self.task = create_looping_call(self.log, spider)
        self.task.start(self.interval, now=False)

    def spider_closed(self, spider, reason):
        if self.task is not None and self.task.running:
            self.task.stop()
        self.log(spider)
