"""CallbackErrorMiddleware: a page that makes a callback raise is a counted drop, never the end of the crawl."""

from __future__ import annotations

import logging

from scrapy.exceptions import CloseSpider

from kznews.stats import ERRORS, count_drop, site_of

logger = logging.getLogger(__name__)


class CallbackErrorMiddleware:
    """Spider middleware: a page that makes a callback raise (markup the extractors choke on) is a counted drop,
    `kznews/dropped/{site}/callback_error`, logged with its traceback, and the crawl goes on."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_spider_exception(self, response, exception):
        if isinstance(exception, CloseSpider):
            return None  # control flow, not a broken page: Scrapy closes the spider
        site = site_of(self.crawler)
        count_drop(self.crawler.stats, site, "callback_error")
        self.crawler.stats.inc_value(ERRORS(site=site, exception=type(exception).__name__))
        logger.error(
            "%s: %s while parsing %s; page dropped", site, type(exception).__name__, response.url,
            exc_info=(type(exception), exception, exception.__traceback__),
            extra={"spider": self.crawler.spider},  # counted for this spider (kznews.extensions.logcount)
        )
        return []
