"""DatesPipeline: every datetime of an item exact (aware, in Asia/Almaty) and plausible.

The publication instant is decided by the date policy (kznews.extract.timestamps.decide_published_at, applied by
the spider, which counts its outcome); this pipeline normalises the time zone and, as the last guard, drops a
date the policy's bounds (`implausible`) reject: a modification date after the fetch, or a date before 1991."""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter

from kznews.dates import to_almaty
from kznews.extract.timestamps import implausible
from kznews.pipelines.base import StatsPipeline
from kznews.stats import DATES
from kznews.storage import now_utc

logger = logging.getLogger(__name__)


class DatesPipeline(StatsPipeline):
    def process_item(self, item):
        adapter = ItemAdapter(item)
        adapter["fetched_at"] = fetched = to_almaty(adapter.get("fetched_at") or now_utc())
        for key in ("published_at", "modified_at"):
            value = adapter.get(key)
            if value is None:
                continue
            value = to_almaty(value)
            if implausible(value, fetched):
                # A wrong date is worse than none: keep the article, drop the date, count it.
                self.stats.inc_value(DATES(site=adapter["site"], event=f"implausible_{key}"))
                logger.warning("implausible %s %s on %s", key, value.isoformat(), adapter.get("url"))
                value = None
            adapter[key] = value
        return item
