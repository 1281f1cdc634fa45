"""ChallengeMiddleware: bot-protection pages (kznews.blocking.detect_challenge) are counted, retried after a long
back-off during which the whole host is left alone, then dropped; they never reach extraction."""

from __future__ import annotations

import logging

from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse

from kznews.backoff import backoff_for, retry_later
from kznews.blocking import detect_challenge
from kznews.settings.registry import setting
from kznews.stats import BLOCKED, BLOCKING, count_failure, site_of

logger = logging.getLogger(__name__)


class ChallengeMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        settings = crawler.settings
        self.retry_times = setting(settings, "KZNEWS_BLOCKED_RETRY_TIMES")
        self.backoff_base = setting(settings, "KZNEWS_BLOCKED_BACKOFF_BASE")
        self.backoff = backoff_for(crawler)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request, response):
        if not isinstance(response, HtmlResponse):
            return response
        kind = detect_challenge(
            response.text,
            {k.decode("latin-1"): b",".join(v).decode("latin-1") for k, v in response.headers.items()},
            response.status,
            allow_shell=bool(request.meta.get("playwright")),
        )
        if kind is None:
            return response
        site = site_of(self.crawler)
        self.stats.inc_value(BLOCKED(site=site))
        self.stats.inc_value(BLOCKING(site=site, kind=kind))
        attempt = request.meta.get("retry_times", 0) + 1
        delay = self.backoff.delay(attempt, base=self.backoff_base)
        logger.warning("%s challenge (%s) at %s; retrying in %.1fs", site, kind, response.url, delay)
        retry = retry_later(
            request, self.crawler, f"blocked_{kind}", delay, max_retry_times=self.retry_times, cool_down=True
        )
        if retry is not None:
            return retry
        self.stats.inc_value(BLOCKING(site=site, kind="gave_up"))
        count_failure(self.crawler, "blocked")
        raise IgnoreRequest(f"blocked by {kind}: {response.url}")
