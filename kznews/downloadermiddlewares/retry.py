"""RetryMiddleware: retries that wait, responses that are checked, failures that are counted.

It replaces Scrapy's (same priority, same settings, same `retry/*` stats) and adds:

- waiting: a retried request is not sent before its back-off has passed (exponential with jitter,
  KZNEWS_RETRY_BACKOFF_BASE doubling up to KZNEWS_RETRY_BACKOFF_MAX); Scrapy retries at once. The scheduler
  holds it back until then (kznews.schedulers.delayed), so waiting takes no downloader slot.
- Retry-After: on 429 and 503 the server's Retry-After (seconds or an HTTP date) is honoured, bounded by
  KZNEWS_RETRY_AFTER_MAX, and it holds back every request to that host, not only the one that got it
  (a per-host cool-down, shared with the challenge middleware; kznews.backoff).
- response checks: an empty 200 and an HTML body cut short without a length (no `</html>` at the end of a
  response that ended at connection close) are retried like a 503, never handed to extraction.
  Bodies cut short against their Content-Length or chunking fail in Scrapy (DOWNLOAD_FAIL_ON_DATALOSS) and are
  retried as exceptions.
- accounting: what finally fails is counted per site as `kznews/failed/{site}/{reason}` (and
  `kznews/failed/{reason}`): http_404, http_403, http_503 (retries exhausted), timeout, connection, truncated,
  empty_response, too_large, dns, ... and dropped without reaching the spider.
"""

from __future__ import annotations

import asyncio
import logging

from scrapy.downloadermiddlewares.retry import RetryMiddleware as ScrapyRetryMiddleware
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import HtmlResponse
from twisted.internet import error as twisted_error

from kznews.backoff import RETRY_AFTER_STATUSES, backoff_for, parse_retry_after, retry_later
from kznews.settings.registry import setting
from kznews.stats import RETRY, count_failure

logger = logging.getLogger(__name__)


def _exception_reason(exception: Exception) -> str:
    if isinstance(exception, DownloadTimeoutError | twisted_error.TimeoutError):
        return "timeout"
    if isinstance(exception, ResponseDataLossError):
        return "truncated"
    if isinstance(exception, DownloadCancelledError):
        # Scrapy cancels a download when the body outgrows DOWNLOAD_MAXSIZE (declared or while streaming).
        return "too_large"
    if isinstance(exception, CannotResolveHostError):
        return "dns"
    if isinstance(exception, DownloadConnectionRefusedError | twisted_error.ConnectionRefusedError):
        return "connection_refused"
    if isinstance(exception, twisted_error.ConnectionLost | twisted_error.ConnectionDone | twisted_error.ConnectError):
        return "connection"
    return type(exception).__name__


def incomplete_html(response) -> bool:
    """An HTML body that ended at connection close (no Content-Length, no chunking: Scrapy flags it "partial")
    or with data loss tolerated ("dataloss") and lacks its closing tag: cut short, not a page."""
    if not isinstance(response, HtmlResponse):
        return False
    if "partial" not in response.flags and "dataloss" not in response.flags:
        return False
    return b"</html" not in response.body[-4096:].lower()


class RetryMiddleware(ScrapyRetryMiddleware):
    def __init__(self, settings):
        super().__init__(settings)
        self.empty_retry = setting(settings, "KZNEWS_RETRY_EMPTY")

    @classmethod
    def from_crawler(cls, crawler):
        middleware = super().from_crawler(crawler)
        middleware.backoff = backoff_for(crawler)
        return middleware

    async def process_request(self, request):
        # The scheduler holds a request back until it is due (kznews.schedulers.delayed), so no downloader slot
        # waits. Only with another SCHEDULER does the request wait here, in the downloader.
        wait = self.backoff.wait_for(request)
        if wait > 0 and not self.backoff.held_by_scheduler:
            await asyncio.sleep(wait)
        return None

    def _attempt(self, request) -> int:
        return request.meta.get("retry_times", 0) + 1

    def _retry_with_delay(self, request, reason, delay: float, cool_down: bool = False):
        max_retry_times = request.meta.get("max_retry_times", self.max_retry_times)
        return retry_later(request, self.crawler, reason, delay, max_retry_times=max_retry_times, cool_down=cool_down)

    def process_response(self, request, response):
        if request.meta.get("dont_retry", False):
            return self._final(request, response)
        status = response.status
        if status == 200 and self.empty_retry and not response.body.strip():
            return self._check_failed(request, response, "empty_response")
        if status == 200 and incomplete_html(response):
            return self._check_failed(request, response, "truncated")
        if status in self.retry_http_codes:
            retry_after = parse_retry_after(response.headers.get(b"Retry-After")) if status in RETRY_AFTER_STATUSES else None
            if retry_after is not None:
                delay = self.backoff.bounded_retry_after(retry_after)
                self.crawler.stats.inc_value(RETRY(count="retry_after_honoured"))
            else:
                delay = self.backoff.delay(self._attempt(request))
            # 429 is about the whole host; so is a 503 that names a time to come back.
            cool_down = status == 429 or retry_after is not None
            retry = self._retry_with_delay(request, f"{status}", delay, cool_down=cool_down)
            if retry is not None:
                return retry
        return self._final(request, response)

    def _check_failed(self, request, response, reason: str):
        retry = self._retry_with_delay(request, reason, self.backoff.delay(self._attempt(request)))
        if retry is not None:
            return retry
        count_failure(self.crawler, reason)
        raise IgnoreRequest(f"{reason}: {response.url}")

    def _final(self, request, response):
        # robots.txt requests are Scrapy's own (a 404 there means "no rules"), not pages of the site.
        if response.status >= 400 and not request.meta.get("dont_obey_robotstxt"):
            count_failure(self.crawler, f"http_{response.status}")
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, IgnoreRequest):
            return None  # counted where it was raised (robots.txt, URL safety, ...)
        retryable = isinstance(exception, self.exceptions_to_retry) and not request.meta.get("dont_retry", False)
        if retryable:
            retry = self._retry_with_delay(request, exception, self.backoff.delay(self._attempt(request)))
            if retry is not None:
                return retry
        if not request.meta.get("dont_obey_robotstxt"):
            count_failure(self.crawler, _exception_reason(exception))
        return None


