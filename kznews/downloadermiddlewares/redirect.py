"""RedirectMiddleware: Scrapy's, plus loop detection. A redirect back to a URL already in the chain is a loop,
counted (`kznews/failed/{site}/redirect_loop`) and dropped at once instead of silently ending as a "duplicate
request"; a chain over REDIRECT_MAX_TIMES is counted as `redirect_limit`."""

from __future__ import annotations

import logging

from scrapy import Request
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware as ScrapyRedirectMiddleware
from scrapy.exceptions import IgnoreRequest

from kznews.stats import count_failure

logger = logging.getLogger(__name__)


class RedirectMiddleware(ScrapyRedirectMiddleware):
    def process_response(self, request, response):
        try:
            result = super().process_response(request, response)
        except IgnoreRequest:  # Scrapy's only reason here: REDIRECT_MAX_TIMES reached
            count_failure(self.crawler, "redirect_limit")
            raise
        if isinstance(result, Request):
            chain = [*request.meta.get("redirect_urls", []), request.url]
            if result.url in chain:
                count_failure(self.crawler, "redirect_loop")
                logger.info("redirect loop at %s (chain of %d)", request.url, len(chain))
                raise IgnoreRequest("redirect loop")
        return result
