"""UrlSafetyMiddleware: refuses unsafe URLs (kznews.safety.check_url) before robots.txt, cache or network; every
request, redirects and links taken from pages included."""

from __future__ import annotations

import logging

from scrapy.exceptions import IgnoreRequest

from kznews.safety import check_url
from kznews.settings.registry import setting
from kznews.stats import UNSAFE_URL, count_failure, site_of

logger = logging.getLogger(__name__)


class UrlSafetyMiddleware:
    """Downloader middleware: refuses unsafe URLs (see check_url) before robots.txt, cache or network."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.allow_private = setting(crawler.settings, "KZNEWS_ALLOW_PRIVATE_URLS")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request):
        reason = check_url(request.url, allow_private=self.allow_private)
        if reason is None:
            return None
        self.stats.inc_value(UNSAFE_URL(site=site_of(self.crawler), reason=reason))
        count_failure(self.crawler, "unsafe_url")
        logger.warning("refused unsafe URL (%s): %s", reason, request.url[:300])
        raise IgnoreRequest(f"unsafe URL ({reason})")
