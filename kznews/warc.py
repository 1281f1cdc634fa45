"""Recording crawls to WARC and replaying them instead of the network.

- `WARC_RECORD=path` records every response (the raw HTTP headers and body, as received, before decompression)
  with its fetch time as WARC-Date. A directory gets one file per spider run.
- `WARC_REPLAY=path[,path...]` (files or directories of *.warc / *.warc.gz) answers every request from the
  archives. The response carries the recorded fetch time, so relative dates resolve as they did on the day. A URL
  that is not in the archives gets a 404 flagged "replay-miss" and counted (`warc/replay_miss`); the network is
  never used while replaying.

The middleware sits next to the downloader (priority 950): replayed responses still pass through decompression,
redirects and retries exactly like live ones, and they skip the per-domain download delay.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Headers
from scrapy.responsetypes import responsetypes
from w3lib.url import canonicalize_url
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kznews.middlewares import REPLAY_FLAG

logger = logging.getLogger(__name__)

MISS_FLAG = "replay-miss"


def _key(url: str) -> str:
    return canonicalize_url(url, keep_fragments=False)


def warc_files(spec: str) -> list[Path]:
    files: list[Path] = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        path = Path(part)
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.name.endswith((".warc", ".warc.gz")))
        elif path.exists():
            files.append(path)
        else:
            raise NotConfigured(f"WARC_REPLAY: {part} does not exist")
    return files


_ARCHIVES: dict[str, WarcArchive] = {}


def open_archive(spec: str) -> WarcArchive:
    """The archive for a WARC_REPLAY value, indexed once per process (several spiders may share it)."""
    if spec not in _ARCHIVES:
        _ARCHIVES[spec] = WarcArchive(warc_files(spec))
    return _ARCHIVES[spec]


class WarcArchive:
    """An index of response records (URL -> file, offset, fetch time) over one or more WARC files."""

    def __init__(self, files: list[Path]):
        self.index: dict[str, tuple[Path, int, datetime]] = {}
        for path in files:
            with path.open("rb") as stream:
                iterator = ArchiveIterator(stream)
                for record in iterator:
                    if record.rec_type != "response":
                        continue
                    uri = record.rec_headers.get_header("WARC-Target-URI")
                    date = record.rec_headers.get_header("WARC-Date")
                    offset = iterator.get_record_offset()
                    self.index[_key(uri)] = (path, offset, _parse_warc_date(date))

    def __len__(self) -> int:
        return len(self.index)

    def get(self, url: str):
        """(status, headers list, body, fetched_at) of the latest record for `url`, or None."""
        entry = self.index.get(_key(url))
        if entry is None:
            return None
        path, offset, fetched = entry
        with path.open("rb") as stream:
            stream.seek(offset)
            record = next(iter(ArchiveIterator(stream)))
            status = int(record.http_headers.get_statuscode() or 200)
            headers = record.http_headers.headers
            body = record.raw_stream.read()
        return status, headers, body, fetched


def _parse_warc_date(text: str | None) -> datetime:
    if not text:
        return datetime.now(UTC)
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def write_response_record(writer: WARCWriter, url: str, status: int, headers, body: bytes, fetched: datetime) -> None:
    """Append one response record. `headers` is a list of (name, value) strings."""
    reason = {200: "OK", 301: "Moved Permanently", 302: "Found", 404: "Not Found"}.get(status, "Status")
    http_headers = StatusAndHeaders(f"{status} {reason}", list(headers), protocol="HTTP/1.1")
    # WARC/1.1 dates may carry fractions of a second; the fetch time is kept exactly.
    stamp = fetched.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    record = writer.create_warc_record(
        url, "response", payload=BytesIO(body), http_headers=http_headers, warc_headers_dict={"WARC-Date": stamp}
    )
    writer.write_record(record)


class WarcMiddleware:
    def __init__(self, crawler, record: str | None, replay: str | None):
        self.crawler = crawler
        self.stats = crawler.stats
        self.archive: WarcArchive | None = None
        self.writer: WARCWriter | None = None
        self._stream = None
        self._record_path = record
        if replay:
            self.archive = open_archive(replay)
            logger.info("replaying %d recorded responses from %s", len(self.archive), replay)
        if record:
            crawler.signals.connect(self._open_record, signals.spider_opened)
            crawler.signals.connect(self._close_record, signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        record = settings.get("WARC_RECORD") or None
        replay = settings.get("WARC_REPLAY") or None
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
        found = self.archive.get(request.url)
        if found is None:
            self.stats.inc_value("warc/replay_miss")
            logger.debug("not in the archive: %s", request.url)
            miss_class = responsetypes.from_args(url=request.url)
            return miss_class(url=request.url, status=404, body=b"", request=request, flags=[REPLAY_FLAG, MISS_FLAG])
        status, headers, body, fetched = found
        request.meta["fetched_at"] = fetched
        scrapy_headers = Headers()
        for name, value in headers:
            scrapy_headers.appendlist(name, value)
        response_class = responsetypes.from_args(headers=scrapy_headers, url=request.url, body=body)
        self.stats.inc_value("warc/replayed")
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
        self.stats.inc_value("warc/recorded")
        return response
