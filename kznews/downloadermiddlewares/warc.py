"""WarcMiddleware: records every response to WARC (WARC_RECORD) or answers every request from WARC files
(WARC_REPLAY) instead of the network; see kznews.warc. It sits next to the downloader (priority 950): replayed
responses still pass through decompression, redirects and retries exactly like live ones."""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Headers
from scrapy.responsetypes import responsetypes
from warcio.warcwriter import WARCWriter

from kznews.downloadermiddlewares.fetchtime import REPLAY_FLAG
from kznews.settings.registry import setting
from kznews.stats import WARC, WARC_SKIPPED, count_failure
from kznews.warc import MISS_FLAG, RecordTooLarge, WarcArchive, open_archive, write_response_record

logger = logging.getLogger(__name__)


class WarcMiddleware:
    def __init__(self, crawler, record: str | None, replay: str | None):
        self.crawler = crawler
        self.stats = crawler.stats
        self.archive: WarcArchive | None = None
        self.maxsize = crawler.settings.getint("DOWNLOAD_MAXSIZE", 10 * 1024 * 1024)
        self.writer: WARCWriter | None = None
        self._stream = None
        self._record_path = record
        if replay:
            self.archive = open_archive(replay)
            logger.info("replaying %d recorded responses from %s", len(self.archive), replay)
            # records the bounded reader left out (gzip bombs, lying lengths, garbage; kznews.warc)
            for reason, count in self.archive.skipped.items():
                self.stats.set_value(WARC_SKIPPED(reason=reason), count)
            if self.archive.skipped:
                logger.warning("records left out of %s: %s", replay, dict(self.archive.skipped))
        if record:
            crawler.signals.connect(self._open_record, signals.spider_opened)
            crawler.signals.connect(self._close_record, signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        record = setting(settings, "WARC_RECORD") or None
        replay = setting(settings, "WARC_REPLAY") or None
        if not record and not replay:
            raise NotConfigured
        return cls(crawler, record, replay)

    def _open_record(self, spider):
        path = Path(self._record_path)
        if path.is_dir() or self._record_path.endswith(os.sep):
            path.mkdir(parents=True, exist_ok=True)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            path = path / f"{spider.name}-{stamp}-{os.getpid()}.warc.gz"
        path.parent.mkdir(parents=True, exist_ok=True)
        self._stream = path.open("ab")
        self.writer = WARCWriter(self._stream, gzip=True, warc_version="1.1")
        logger.info("recording responses to %s", path)

    def _close_record(self, spider):
        if self._stream:
            self._stream.close()
            self._stream = None

    def process_request(self, request):
        if self.archive is None:
            return None
        try:
            # download_maxsize 0 means no limit, as in Scrapy (the archive's own record bound still holds)
            found = self.archive.get(request.url, request.meta.get("download_maxsize", self.maxsize) or None)
        except RecordTooLarge:
            # As a live download over DOWNLOAD_MAXSIZE: counted and dropped, never held in memory.
            self.stats.inc_value(WARC(count="too_large"))
            count_failure(self.crawler, "too_large")
            raise IgnoreRequest(f"recorded response over the size limit: {request.url}") from None
        if found is None:
            self.stats.inc_value(WARC(count="replay_miss"))
            logger.debug("not in the archive: %s", request.url)
            miss_class = responsetypes.from_args(url=request.url)
            return miss_class(url=request.url, status=404, body=b"", request=request, flags=[REPLAY_FLAG, MISS_FLAG])
        status, headers, body, fetched = found
        request.meta["fetched_at"] = fetched
        scrapy_headers = Headers()
        for name, value in headers:
            scrapy_headers.appendlist(name, value)
        response_class = responsetypes.from_args(headers=scrapy_headers, url=request.url, body=body)
        self.stats.inc_value(WARC(count="replayed"))
        return response_class(
            url=request.url, status=status, headers=scrapy_headers, body=body, request=request, flags=[REPLAY_FLAG]
        )

    def process_response(self, request, response):
        if self.writer is None or REPLAY_FLAG in response.flags:
            return response
        headers = [
            (name.decode("latin-1"), value.decode("latin-1"))
            for name, values in response.headers.items()
            for value in values
        ]
        fetched = request.meta.get("fetched_at") or datetime.now(UTC)
        write_response_record(self.writer, response.url, response.status, headers, response.body, fetched)
        self.stats.inc_value(WARC(count="recorded"))
        return response
