"""Gives freed heap memory back to the operating system every KZNEWS_MALLOC_TRIM_INTERVAL seconds (glibc only).

A long crawl parses hundreds of thousands of pages: lxml trees, page bodies and JSON come and go in C's heap, and
glibc keeps the pages it freed between long-lived allocations as its own free space. The soak (tests/benchmarks/
soak.py) saw the heap's free space grow from 3.9 to 11.9 MB over 80,000 pages while what was in use stayed at
30 MB: resident memory that grows with the run with nothing leaking. `malloc_trim(0)` hands those free pages back
(it takes milliseconds). The process's RSS before and after each trim is counted, so the effect is observable in
the run's stats. Elsewhere (macOS, musl) there is nothing to call and the extension is off.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import time

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

from kznews import stats as keys
from kznews.settings.registry import setting

logger = logging.getLogger(__name__)

_PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 1024 / 1024 if hasattr(os, "sysconf") else 4096 / 1024 / 1024
_last_trim = 0.0  # process-wide: several crawlers in one process (python -m kznews crawl) trim once per interval


def malloc_trim():
    """glibc's malloc_trim, or None where the C library has none."""
    name = ctypes.util.find_library("c")
    try:
        function = ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None
    if function is not None:
        function.argtypes, function.restype = [ctypes.c_size_t], ctypes.c_int
    return function


def rss_mb() -> float | None:
    """This process's resident memory (Linux /proc), or None elsewhere."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * _PAGE_MB
    except (OSError, ValueError, IndexError):
        return None


class MemoryTrim:
    def __init__(self, crawler, interval: float, trim):
        self.crawler = crawler
        self.interval = interval
        self.trim = trim
        self.task = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        interval = setting(crawler.settings, "KZNEWS_MALLOC_TRIM_INTERVAL")
        if not interval or interval <= 0:
            raise NotConfigured
        trim = malloc_trim()
        if trim is None:
            raise NotConfigured("no malloc_trim in this C library")
        return cls(crawler, float(interval), trim)

    def run(self) -> float | None:
        """Trim once (unless another crawler of this process did within the interval); the MB given back."""
        global _last_trim
        now = time.monotonic()
        if now - _last_trim < self.interval * 0.9:
            return None
        _last_trim = now
        before = rss_mb()
        self.trim(0)
        after = rss_mb()
        stats = self.crawler.stats
        stats.inc_value(keys.MEMORY(count="trims"))
        if before is None or after is None:
            return None
        released = max(0.0, before - after)
        stats.inc_value(keys.MEMORY(count="trimmed_mb"), round(released, 1))
        stats.set_value(keys.MEMORY(count="rss_mb"), round(after, 1))
        return released

    def spider_opened(self, spider):
        self.task = create_looping_call(self.run)
        self.task.start(self.interval, now=False)

    def spider_closed(self, spider, reason):
        if self.task is not None and self.task.running:
            self.task.stop()
