"""DatesPipeline: every datetime exact (aware, in Asia/Almaty), never in the future, never before 1991; read from
`published_at_text` by the date engine when extraction could not resolve it."""

from __future__ import annotations

import logging
from datetime import datetime

from itemadapter import ItemAdapter

from kznews.dates import ALMATY, parse_date, to_almaty
from kznews.extract.article import FUTURE_TOLERANCE
from kznews.pipelines.base import StatsPipeline
from kznews.storage import now_utc

logger = logging.getLogger(__name__)

# Kazakhstan's online press begins in the 1990s; anything earlier is a misread number, not a date.
EARLIEST_PLAUSIBLE = datetime(1991, 1, 1, tzinfo=ALMATY)


class DatesPipeline(StatsPipeline):
    def process_item(self, item):
        adapter = ItemAdapter(item)
        fetched = adapter.get("fetched_at") or now_utc()
        adapter["fetched_at"] = to_almaty(fetched)
        if adapter.get("published_at") is None and adapter.get("published_at_text"):
            adapter["published_at"] = parse_date(adapter["published_at_text"], adapter["lang"], fetched)
            if adapter["published_at"] is not None:
                self.stats.inc_value(f"kznews/dates/{adapter['site']}/from_text")
        for key in ("published_at", "modified_at"):
            value = adapter.get(key)
            if value is None:
                continue
            value = to_almaty(value)
            if value > adapter["fetched_at"] + FUTURE_TOLERANCE or value < EARLIEST_PLAUSIBLE:
                # A wrong date is worse than none: keep the article, drop the date, count it.
                self.stats.inc_value(f"kznews/dates/{adapter['site']}/implausible_{key}")
                logger.warning("implausible %s %s on %s", key, value.isoformat(), adapter.get("url"))
                value = None
            adapter[key] = value
        if adapter.get("published_at") is None:
            self.stats.inc_value(f"kznews/dates/{adapter['site']}/missing_published_at")
        return item
