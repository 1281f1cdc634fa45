"""A site that cannot be reached stops at once, saying so in one line, instead of retrying every URL with a
traceback each (the machine offline, DNS down, the site gone).

When a spider has had no response at all, its requests have failed UNREACHABLE_AFTER times with connection-type
errors (DNS, refused, timeout) and every host it asked has failed (a dead edition host next to a live one that has
not answered yet is not an outage), it logs one warning naming the host and the reason, records it as
kznews/unreachable/{site}, and closes the spider with the reason "unreachable" (the `finish_reason` check fails, the
crawl exits 1; kznews.monitoring.outcome says the machine looks offline when no site could be reached). The
requests still queued are dropped quietly. One response of any status proves the site reachable: from then on,
connection errors are the retry middleware's business as usual.

"Error downloading" records for connection-type failures keep their traceback only at DEBUG (a log filter): the
exception's one-line description is enough at INFO.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import deferred_from_coro

from kznews.downloadermiddlewares.retry import _exception_reason
from kznews.stats import UNREACHABLE, site_of

logger = logging.getLogger(__name__)

UNREACHABLE_AFTER = 3  # connection failures with no response at all: one flaky request is not an outage
CONNECTION_REASONS = {"dns": "could not be resolved", "connection_refused": "refused the connection",
                      "connection": "could not be connected to", "timeout": "did not answer in time"}
FINISH_REASON = "unreachable"


# the browser's (Chromium's, through Playwright) network errors, by the net:: code in their message
BROWSER_ERRORS = {"ERR_NAME_NOT_RESOLVED": "dns", "ERR_NAME_RESOLUTION_FAILED": "dns",
                  "ERR_INTERNET_DISCONNECTED": "connection", "ERR_CONNECTION_REFUSED": "connection_refused",
                  "ERR_ADDRESS_UNREACHABLE": "connection", "ERR_CONNECTION_TIMED_OUT": "timeout"}


def connection_problem(exception: BaseException) -> str | None:
    """What a connection-type exception says about the host ("could not be resolved", ...), or None."""
    reason = _exception_reason(exception)  # type: ignore[arg-type]
    if reason not in CONNECTION_REASONS:
        text = str(exception)
        reason = next((r for code, r in BROWSER_ERRORS.items() if f"net::{code}" in text), reason)
    return CONNECTION_REASONS.get(reason)


class _QuietConnectionErrors(logging.Filter):
    """Scrapy's "Error downloading" record (and scrapy-playwright's "Closing page due to failed request") for a
    connection-type failure: its traceback only when the crawl logs at DEBUG."""

    keep_tracebacks = False

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if exc is None or self.keep_tracebacks:
            return True
        problem = connection_problem(exc) or connection_problem(exc.__cause__ or exc)
        if problem is not None:
            if record.name == "scrapy.core.scraper":  # scrapy-playwright's message already names the error
                record.msg = f"{record.msg}: {type(exc).__name__}: {str(exc)[:200]}"
            record.exc_info = None
            record.exc_text = None
        return True


_FILTER = _QuietConnectionErrors()
QUIETED_LOGGERS = ("scrapy.core.scraper", "scrapy-playwright")


class UnreachableMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler
        self.responses = 0
        self.failures = 0
        self.hosts_asked: set[str] = set()
        self.hosts_failed: set[str] = set()
        self.stopped = False
        level = crawler.settings.get("LOG_LEVEL") or "DEBUG"
        _FILTER.keep_tracebacks = str(level).upper() == "DEBUG" or level == logging.DEBUG
        for name in QUIETED_LOGGERS:
            if _FILTER not in logging.getLogger(name).filters:
                logging.getLogger(name).addFilter(_FILTER)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request):
        if self.stopped:
            raise IgnoreRequest(f"site unreachable: {request.url}")
        if not self.responses:
            self.hosts_asked.add(urlsplit(request.url).hostname or "")
        return None

    def process_response(self, request, response):
        self.responses += 1
        return response

    def process_exception(self, request, exception):
        problem = connection_problem(exception)
        if problem is None or self.responses:
            return None
        if self.stopped:
            raise IgnoreRequest(f"site unreachable: {request.url}")
        host = urlsplit(request.url).hostname or ""
        self.failures += 1
        self.hosts_failed.add(host)
        if self.failures < UNREACHABLE_AFTER or not self.hosts_asked <= self.hosts_failed:
            return None
        self.stopped = True
        site = site_of(self.crawler)
        why = f"{host} {problem} ({type(exception).__name__})"
        self.crawler.stats.set_value(UNREACHABLE(site=site), why)
        logger.warning("%s: %s; no response from the site at all, so it is stopped (if no site can be reached, "
                       "this machine looks offline: check its network, DNS or proxy)", site, why,
                       extra={"spider": self.crawler.spider})
        self.close_spider(FINISH_REASON)
        raise IgnoreRequest(f"site unreachable: {request.url}")

    def close_spider(self, reason: str) -> None:
        deferred_from_coro(self.crawler.engine.close_spider_async(reason=reason))
