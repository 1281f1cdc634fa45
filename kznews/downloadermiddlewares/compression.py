"""HttpCompressionMiddleware: Scrapy's, which unpacks Content-Encoding to at most DOWNLOAD_MAXSIZE, with what it
refuses counted instead of vanishing: `too_large` for a body that unpacks past the bound (a gzip bomb: a few MB that
unpack to gigabytes; also `kznews/decompression_bomb/{site}`) and `bad_encoding` for one that does not unpack at
all (`kznews/failed/{site}/{reason}`)."""

from __future__ import annotations

import zlib

from scrapy.downloadermiddlewares.httpcompression import (
    HttpCompressionMiddleware as ScrapyHttpCompressionMiddleware,
)
from scrapy.exceptions import IgnoreRequest

from kznews.stats import DECOMPRESSION_BOMB, count_failure, site_of


class HttpCompressionMiddleware(ScrapyHttpCompressionMiddleware):
    def __init__(self, stats=None, *, crawler=None):
        super().__init__(stats, crawler=crawler)
        self.crawler = crawler

    def process_response(self, request, response):
        try:
            return super().process_response(request, response)
        except IgnoreRequest:  # unpacked past download_maxsize: Scrapy logged it; count it
            self.crawler.stats.inc_value(DECOMPRESSION_BOMB(site=site_of(self.crawler)))
            count_failure(self.crawler, "too_large")
            raise
        except (OSError, EOFError, ValueError, zlib.error) as error:  # not the encoding it claims
            count_failure(self.crawler, "bad_encoding")
            raise IgnoreRequest(f"undecodable Content-Encoding ({error}): {response.url}") from None
