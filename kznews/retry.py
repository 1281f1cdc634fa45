"""Retries that wait, responses that are checked, failures that are counted.

`RetryMiddleware` replaces Scrapy's (same priority, same settings, same `retry/*` stats) and adds:

- waiting: a retried request is not sent before its back-off has passed (exponential with jitter,
  KZNEWS_RETRY_BACKOFF_BASE doubling up to KZNEWS_RETRY_BACKOFF_MAX); Scrapy retries at once.
- Retry-After: on 429 and 503 the server's Retry-After (seconds or an HTTP date) is honoured, bounded by
  KZNEWS_RETRY_AFTER_MAX, and it holds back every request to that host, not only the one that got it
  (a per-host cool-down, shared with kznews.blocking for challenge pages).
- response checks: an empty 200 and an HTML body cut short without a length (no `</html>` at the end of a
  response that ended at connection close) are retried like a 503, never handed to extraction.
  Bodies cut short against their Content-Length or chunking fail in Scrapy (DOWNLOAD_FAIL_ON_DATALOSS) and are
  retried as exceptions.
- accounting: what finally fails is counted per site as `kznews/failed/{site}/{reason}` (and
  `kznews/failed/{reason}`): http_404, http_403, http_503 (retries exhausted), timeout, connection, truncated,
  empty_response, too_large, redirect_loop, redirect_limit, ... and dropped without reaching the spider.

`RedirectMiddleware` (Scrapy's, plus loop detection): a redirect back to a URL already in the chain is a loop,
counted and dropped at once instead of silently ending as a "duplicate request".

`HttpCompressionMiddleware` (Scrapy's, which unpacks Content-Encoding to at most DOWNLOAD_MAXSIZE): what it
refuses is counted instead of vanishing, `too_large` for a body that unpacks past the bound (a gzip bomb: a few MB
that unpack to gigabytes) and `bad_encoding` for one that does not unpack at all.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import random
import time
import weakref
import zlib
from datetime import UTC, datetime
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.httpcompression import (
    HttpCompressionMiddleware as ScrapyHttpCompressionMiddleware,
)
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware as ScrapyRedirectMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware as ScrapyRetryMiddleware
from scrapy.downloadermiddlewares.retry import get_retry_request
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

logger = logging.getLogger(__name__)

NOT_BEFORE = "kznews_not_before"  # request.meta: wall-clock time before which the request is not sent
RETRY_AFTER_STATUSES = frozenset({429, 503})


def site_of(crawler) -> str:
    return crawler.spider.name if crawler.spider is not None else "unknown"


def count_failure(crawler, reason: str) -> None:
    """A request that ends without a page for the spider, counted per site with its reason."""
    crawler.stats.inc_value(f"kznews/failed/{reason}")
    crawler.stats.inc_value(f"kznews/failed/{site_of(crawler)}/{reason}")


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
        self.base = settings.getfloat("KZNEWS_RETRY_BACKOFF_BASE", 2.0)
        self.maximum = settings.getfloat("KZNEWS_RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_max = settings.getfloat("KZNEWS_RETRY_AFTER_MAX", 60.0)
        self.cooldowns: dict[str, float] = {}  # host -> wall-clock time before which nothing is sent

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
    crawler.stats.inc_value("kznews/retry/waited_seconds", round(delay, 3))
    return retry


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
        self.empty_retry = settings.getbool("KZNEWS_RETRY_EMPTY", True)

    @classmethod
    def from_crawler(cls, crawler):
        middleware = super().from_crawler(crawler)
        middleware.backoff = backoff_for(crawler)
        return middleware

    async def process_request(self, request):
        wait = self.backoff.wait_for(request)
        if wait > 0:
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
                self.crawler.stats.inc_value("kznews/retry/retry_after_honoured")
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


class RedirectMiddleware(ScrapyRedirectMiddleware):
    def _redirect(self, redirected, request, reason):
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if redirected.url in chain:
            count_failure(self.crawler, "redirect_loop")
            logger.info("redirect loop at %s (chain of %d)", request.url, len(chain))
            raise IgnoreRequest("redirect loop")
        try:
            return super()._redirect(redirected, request, reason)
        except IgnoreRequest:
            count_failure(self.crawler, "redirect_limit")
            raise


class HttpCompressionMiddleware(ScrapyHttpCompressionMiddleware):
    def __init__(self, stats=None, *, crawler=None):
        super().__init__(stats, crawler=crawler)
        self.crawler = crawler

    def process_response(self, request, response):
        try:
            return super().process_response(request, response)
        except IgnoreRequest:  # unpacked past download_maxsize: Scrapy logged it; count it
            self.crawler.stats.inc_value(f"kznews/decompression_bomb/{site_of(self.crawler)}")
            count_failure(self.crawler, "too_large")
            raise
        except (OSError, EOFError, ValueError, zlib.error) as error:  # not the encoding it claims
            count_failure(self.crawler, "bad_encoding")
            raise IgnoreRequest(f"undecodable Content-Encoding ({error}): {response.url}") from None


def retry_after_date(seconds: float) -> str:
    """An HTTP date `seconds` from now (for tests and the fault server)."""
    return email.utils.format_datetime(datetime.fromtimestamp(time.time() + seconds, UTC), usegmt=True)
