"""EncodingMiddleware: the encoding of every HTML response decided from its bytes (kznews.encoding), after
decompression; when Scrapy chose differently the page goes on with the right one (`kznews/encoding/{site}/repaired`)."""

from __future__ import annotations

import logging

from scrapy.http import HtmlResponse
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding

from kznews.encoding import detect_encoding, normalize
from kznews.stats import ENCODING, site_of

logger = logging.getLogger(__name__)


class EncodingMiddleware:
    """Downloader middleware: fixes the encoding Scrapy chose for an HTML response (after decompression)."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request, response):
        if not isinstance(response, HtmlResponse) or not response.body:
            return response
        header = http_content_type_encoding(response.headers.get(b"Content-Type", b"").decode("latin-1"))
        meta = html_body_declared_encoding(response.body[:4096])
        right = detect_encoding(response.body, header, meta)
        if right is None or normalize(response.encoding) == right:
            return response
        site = site_of(self.crawler)
        self.stats.inc_value(ENCODING(site=site, change="repaired"))
        self.stats.inc_value(ENCODING(site=site, change=f"{normalize(response.encoding)}->{right}"))
        logger.debug("encoding of %s: %s, not %s", response.url, right, response.encoding)
        return response.replace(encoding=right)
