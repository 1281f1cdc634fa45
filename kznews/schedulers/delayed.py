"""Requests that must wait are held back in the scheduler, not in the downloader.

A retry with a back-off (kznews.backoff: `request.meta[NOT_BEFORE]`) and every request to a host in a cool-down
(Retry-After, a challenge page) must not be sent before its time. Waiting inside a downloader middleware would
keep the request in the downloader's active set, so during a 30-60 s cool-down of one host the parked requests
would fill CONCURRENT_REQUESTS and stall the spider's other hosts. Instead, `DelayingScheduler.next_request` sets
such a request aside in a time-ordered heap and hands out the next one; when the earliest set-aside request is
due, it is given back to the engine (`engine.crawl`, Scrapy's public way to schedule a request), which queues it
again and wakes the downloader. Meanwhile the scheduler reports pending requests, so the spider stays open.

Held requests live in memory: at most the queued requests of the hosts that are cooling down. When the spider
closes (a clean stop with JOBDIR included) they go back into the queue first, so Scrapy persists them; after a
kill, the JOBDIR journal (kznews.schedulers.journal) schedules them again.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import time

from scrapy import Request

from kznews.backoff import backoff_for
from kznews.stats import RETRY

logger = logging.getLogger(__name__)


class DelayingScheduler:
    """Mixin for a Scrapy scheduler (see the module docstring); put it before the scheduler class."""

    crawler = None

    def open(self, spider):
        self._held: list[tuple[float, int, Request]] = []  # (due, order, request): the earliest first
        self._order = itertools.count()
        self._timer = None
        self._backoff = backoff_for(self.crawler) if self.crawler is not None else None
        if self._backoff is not None:
            self._backoff.held_by_scheduler = True  # the retry middleware need not wait itself
        return super().open(spider)

    def next_request(self):
        while True:
            request = super().next_request()
            if request is None or self._backoff is None:
                return request
            wait = self._backoff.wait_for(request)
            if wait <= 0:
                return request
            self._hold(request, wait)

    def _hold(self, request: Request, wait: float) -> None:
        # it passed the duplicate filter once already; handed back, it must not be taken for a duplicate
        held = request if request.dont_filter else request.replace(dont_filter=True)
        heapq.heappush(self._held, (time.monotonic() + wait, next(self._order), held))
        self.crawler.stats.inc_value(RETRY(count="delayed"))
        self._arm()

    def _arm(self) -> None:
        """A timer for the earliest held request."""
        from twisted.internet import reactor

        if self._timer is not None and self._timer.active():
            self._timer.cancel()
        self._timer = None
        if self._held:
            self._timer = reactor.callLater(max(0.0, self._held[0][0] - time.monotonic()), self._release)

    def _release(self) -> None:
        self._timer = None
        engine = getattr(self.crawler, "engine", None)
        now = time.monotonic()
        while self._held and self._held[0][0] <= now:
            _, _, request = heapq.heappop(self._held)
            if engine is not None and engine.spider is not None:
                engine.crawl(request)  # queued again through enqueue_request, and the engine woken
            else:  # the spider is closing: back into the queue, which close() persists
                super().enqueue_request(request)
        self._arm()

    def has_pending_requests(self) -> bool:
        return bool(getattr(self, "_held", None)) or super().has_pending_requests()

    def __len__(self) -> int:
        return len(getattr(self, "_held", ())) + super().__len__()

    def close(self, reason):
        if self._timer is not None and self._timer.active():
            self._timer.cancel()
        self._timer = None
        held, self._held = self._held, []
        for _, _, request in sorted(held):
            super().enqueue_request(request)  # back into the queue Scrapy persists (JOBDIR) before it closes
        if held:
            logger.info("%d delayed requests put back into the queue at close", len(held))
        return super().close(reason)
