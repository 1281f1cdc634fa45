"""Waiting before a request is sent again: back-off delays, Retry-After, per-host cool-downs.

One `Backoff` per crawler (`backoff_for(crawler)`) holds the cool-downs shared by the components that decide a
wait (the retry and challenge middlewares) and the one that enforces it (the delaying scheduler).
"""

from __future__ import annotations

import email.utils
import random
import time
import weakref
from datetime import UTC, datetime
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.retry import get_retry_request

from kznews.settings.registry import setting
from kznews.stats import RETRY

NOT_BEFORE = "kznews_not_before"  # request.meta: wall-clock time before which the request is not sent
RETRY_AFTER_STATUSES = frozenset({429, 503})


def slot_of(request) -> str:
    return request.meta.get("download_slot") or (urlsplit(request.url).hostname or "").lower()


def parse_retry_after(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); None when absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


class Backoff:
    """Per-crawler waiting state: back-off delays and per-host cool-downs."""

    def __init__(self, settings):
        self.base = setting(settings, "KZNEWS_RETRY_BACKOFF_BASE")
        self.maximum = setting(settings, "KZNEWS_RETRY_BACKOFF_MAX")
        self.retry_after_max = setting(settings, "KZNEWS_RETRY_AFTER_MAX")
        self.cooldowns: dict[str, float] = {}  # host -> wall-clock time before which nothing is sent
        # True when the scheduler holds waiting requests back (kznews.schedulers.delayed): nothing else must wait
        self.held_by_scheduler = False

    def delay(self, attempt: int, base: float | None = None) -> float:
        """Exponential back-off with jitter for the `attempt`-th retry (1, 2, ...)."""
        base = self.base if base is None else base
        ceiling = min(self.maximum, base * 2 ** max(0, attempt - 1))
        return ceiling / 2 + random.uniform(0, ceiling / 2)

    def bounded_retry_after(self, seconds: float) -> float:
        return max(0.0, min(seconds, self.retry_after_max))

    def cool_down(self, slot: str, seconds: float) -> None:
        until = time.time() + seconds
        if until > self.cooldowns.get(slot, 0.0):
            self.cooldowns[slot] = until

    def wait_for(self, request) -> float:
        now = time.time()
        until = max(request.meta.get(NOT_BEFORE, 0.0), self.cooldowns.get(slot_of(request), 0.0))
        return max(0.0, until - now)


_BACKOFFS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def backoff_for(crawler) -> Backoff:
    backoff = _BACKOFFS.get(crawler)
    if backoff is None:
        backoff = _BACKOFFS[crawler] = Backoff(crawler.settings)
    return backoff


def retry_later(
    request, crawler, reason: str, delay: float, *, max_retry_times: int | None = None, cool_down: bool = False
):
    """A copy of `request` to be sent again after `delay` seconds (and the host held back that long when
    `cool_down`), or None when its retries are exhausted (Scrapy's get_retry_request does the counting)."""
    retry = get_retry_request(request, spider=crawler.spider, reason=reason, max_retry_times=max_retry_times)
    if retry is None:
        return None
    retry.meta[NOT_BEFORE] = time.time() + delay
    if cool_down:
        backoff_for(crawler).cool_down(slot_of(request), delay)
    crawler.stats.inc_value(RETRY(count="waited_seconds"), round(delay, 3))
    return retry



def retry_after_date(seconds: float) -> str:
    """An HTTP date `seconds` from now (for tests and the fault server)."""
    return email.utils.format_datetime(datetime.fromtimestamp(time.time() + seconds, UTC), usegmt=True)
