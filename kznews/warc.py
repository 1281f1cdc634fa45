"""Recording crawls to WARC and replaying them instead of the network.

- `WARC_RECORD=path` records every response (the raw HTTP headers and body, as received, before decompression)
  with its fetch time as WARC-Date. A directory gets one file per spider run.
- `WARC_REPLAY=path[,path...]` (files or directories of *.warc / *.warc.gz) answers every request from the
  archives. The response carries the recorded fetch time, so relative dates resolve as they did on the day. A URL
  that is not in the archives gets a 404 flagged "replay-miss" and counted (`warc/replay_miss`); the network is
  never used while replaying.

The middleware (kznews.downloadermiddlewares.warc) sits next to the downloader (priority 950): replayed responses still pass through decompression,
redirects and retries exactly like live ones, and they skip the per-domain download delay.

Archives are read without trusting them (docs/reliability.md, "Hostile input"). The index is built by a bounded
reader of its own, not by iterating warcio's records: a gzip member is inflated only as far as its headers declare
(a member that unpacks to gigabytes, a Content-Length that lies, garbage between records, a truncated member or a
header block that never ends are skipped, counted in `WarcArchive.skipped`, and the reader finds the next record
by its gzip and "WARC/" signatures); a record of more than MAX_RECORD_BYTES is not indexed; a replayed payload is
read to at most the request's download_maxsize (DOWNLOAD_MAXSIZE), beyond which the request fails as `too_large`
exactly as a live download would.
"""

from __future__ import annotations

import logging
import zlib
from collections import Counter
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from w3lib.url import canonicalize_url
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kznews.dates.engine import MAX_YEAR

logger = logging.getLogger(__name__)

MISS_FLAG = "replay-miss"
EARLIEST_FETCH = 1991  # the web; a WARC-Date before it (or after MAX_YEAR) is no fetch time


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
            raise ReplayUnavailable(f"WARC_REPLAY: {part} does not exist")
    return files


class ReplayUnavailable(RuntimeError):
    """WARC_REPLAY names no readable archive. Not NotConfigured: Scrapy would then run without the replay middleware
    and fetch the live sites; this stops the crawl before its first request."""


_ARCHIVES: dict[str, WarcArchive] = {}


def open_archive(spec: str) -> WarcArchive:
    """The archive for a WARC_REPLAY value, indexed once per process (several spiders may share it)."""
    if spec not in _ARCHIVES:
        files = warc_files(spec)
        if not files:
            raise ReplayUnavailable(f"WARC_REPLAY: no *.warc or *.warc.gz files in {spec}")
        archive = WarcArchive(files)
        if not len(archive):
            raise ReplayUnavailable(f"WARC_REPLAY: {spec} holds no readable response record")
        _ARCHIVES[spec] = archive
    return _ARCHIVES[spec]


MAX_RECORD_BYTES = 64 * 1024 * 1024  # a recorded page is at most 10 MB, a sitemap 50 MB
MAX_HEADER_BYTES = 64 * 1024  # a WARC header block is a few hundred bytes
GZIP_MAGIC = b"\x1f\x8b\x08"
_BLOCK = 1024 * 1024
_SLACK = 4096  # what a gzip member may hold beyond its record (the blank lines, padding)


class RecordTooLarge(ValueError):
    """A replayed payload longer than the request may download."""


class WarcArchive:
    """An index of response records (URL -> file, offset, fetch time) over one or more WARC files (gzipped one
    member per record, or plain). Records that cannot be trusted are left out and counted in `skipped` by reason:
    too_large, over_length (a member unpacks to more than its record declares), bad_header, bad_length,
    truncated, not_warc (bytes that are no record: the reader resynchronises), no_uri, bad_date."""

    def __init__(self, files: list[Path], max_record_bytes: int = MAX_RECORD_BYTES):
        self.index: dict[str, tuple[Path, int, datetime]] = {}
        self.skipped: Counter[str] = Counter()
        self.max_record_bytes = max_record_bytes
        for path in files:
            with path.open("rb") as stream:
                gzipped = stream.read(3) == GZIP_MAGIC
                reader = self._gzip_records if gzipped else self._plain_records
                for offset, headers in reader(stream):
                    self._add(path, offset, headers)

    def __len__(self) -> int:
        return len(self.index)

    def _add(self, path: Path, offset: int, headers: dict[str, str]) -> None:
        if headers.get("warc-type") != "response":
            return
        uri = headers.get("warc-target-uri", "").strip().removeprefix("<").removesuffix(">")
        date = _parse_warc_date(headers.get("warc-date"))
        if not uri:
            self.skipped["no_uri"] += 1
        elif date is None:
            self.skipped["bad_date"] += 1
        else:
            try:
                self.index[_key(uri)] = (path, offset, date)
            except ValueError:
                self.skipped["no_uri"] += 1

    # --- .warc.gz: one gzip member per record ---------------------------------------------------------------

    def _gzip_records(self, stream):
        size = stream.seek(0, 2)
        offset = 0
        while offset < size:
            stream.seek(offset)
            if stream.read(3) != GZIP_MAGIC:
                self.skipped["not_warc"] += 1
                offset = _resync_gzip(stream, offset + 1, size)
                continue
            headers, end, problem = self._inflate_member(stream, offset)
            if problem is not None:
                self.skipped[problem] += 1
            elif headers is not None:
                yield offset, headers
            offset = end if end is not None else _resync_gzip(stream, offset + 1, size)

    def _inflate_member(self, stream, offset: int) -> tuple[dict | None, int | None, str | None]:
        """(headers, offset after the member, problem). The member is inflated only as far as its record may
        reach; the offset is None when the reader must resynchronise."""
        stream.seek(offset)
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        header = bytearray()
        headers: dict | None = None
        budget = MAX_HEADER_BYTES
        produced = fed = 0
        problem = None
        while True:
            raw = stream.read(_BLOCK)
            if not raw:
                return headers, None, "truncated"
            fed += len(raw)
            data = raw
            while data:
                try:
                    out = decompressor.decompress(data, _BLOCK)
                except zlib.error:
                    return headers, None, "truncated"
                data = decompressor.unconsumed_tail
                produced += len(out)
                if headers is None:
                    header += out[: MAX_HEADER_BYTES + 4 - len(header)]
                    end = header.find(b"\r\n\r\n")
                    if end >= 0:
                        headers = _parse_headers(bytes(header[:end]))
                        if headers is None:
                            return None, None, "bad_header"
                        length = _content_length(headers)
                        if length is None:
                            problem, budget = "bad_length", self.max_record_bytes
                        elif length > self.max_record_bytes:
                            return headers, None, "too_large"
                        else:
                            budget = end + 4 + length + _SLACK
                    elif len(header) > MAX_HEADER_BYTES:
                        return None, None, "bad_header"
                if produced > budget:
                    return headers, None, problem or "over_length"
                if decompressor.eof:
                    end_offset = offset + fed - len(decompressor.unused_data)
                    return headers, end_offset, problem if headers is not None else "bad_header"

    # --- plain .warc --------------------------------------------------------------------------------------------

    def _plain_records(self, stream):
        size = stream.seek(0, 2)
        offset = 0
        while offset < size:
            stream.seek(offset)
            block = stream.read(MAX_HEADER_BYTES)
            start = len(block) - len(block.lstrip(b"\r\n"))
            if start == len(block):
                return  # blank lines to the end
            if not block.startswith(b"WARC/", start):
                self.skipped["not_warc"] += 1
                offset = _resync_plain(stream, offset + start + 1, size)
                continue
            end = block.find(b"\r\n\r\n", start)
            headers = _parse_headers(block[start:end]) if end >= 0 else None
            if headers is None:
                self.skipped["bad_header"] += 1
                offset = _resync_plain(stream, offset + start + 1, size)
                continue
            body_start = offset + end + 4
            length = _content_length(headers)
            record_end = body_start + length if length is not None else -1
            stream.seek(max(record_end, 0))
            if length is None or record_end > size or stream.read(4) not in (b"\r\n\r\n", b"\r\n", b""):
                # The declared length does not end at a record boundary: a lie, or a cut file.
                self.skipped["bad_length"] += 1
                offset = _resync_plain(stream, body_start, size)
                continue
            if length > self.max_record_bytes:
                self.skipped["too_large"] += 1
            else:
                yield offset + start, headers
            offset = record_end

    # --- reading one record ---------------------------------------------------------------------------------

    def get(self, url: str, max_bytes: int | None = None):
        """(status, headers list, body, fetched_at) of the latest record for `url`, or None. Raises
        RecordTooLarge when its payload is longer than `max_bytes`."""
        entry = self.index.get(_key(url))
        if entry is None:
            return None
        path, offset, fetched = entry
        limit = self.max_record_bytes if max_bytes is None else max_bytes
        with path.open("rb") as stream:
            stream.seek(offset)
            record = next(iter(ArchiveIterator(stream)))
            status = int(record.http_headers.get_statuscode() or 200)
            headers = record.http_headers.headers
            body = record.raw_stream.read(limit + 1)
        if len(body) > limit:
            raise RecordTooLarge(f"{url}: payload over {limit} bytes")
        return status, headers, body, fetched


def _parse_headers(block: bytes) -> dict[str, str] | None:
    """The named fields of a WARC header block (lower-cased names), or None when it is not one."""
    lines = block.decode("utf-8", errors="replace").split("\r\n")
    if not lines or not lines[0].startswith("WARC/"):
        return None
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if colon:
            headers.setdefault(name.strip().lower(), value.strip())
    return headers


def _content_length(headers: dict[str, str]) -> int | None:
    value = headers.get("content-length", "")
    return int(value) if value.isdigit() and len(value) < 16 else None


def _resync_gzip(stream, start: int, size: int) -> int:
    """The offset of the next gzip member at or after `start` that holds a WARC record (or the end)."""
    position = start
    while position < size:
        stream.seek(position)
        block = stream.read(_BLOCK + 2)
        found = block.find(GZIP_MAGIC)
        while found >= 0:
            candidate = position + found
            stream.seek(candidate)
            try:
                head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(stream.read(4096), 16)
            except zlib.error:
                head = b""
            if head.startswith(b"WARC/"):
                return candidate
            found = block.find(GZIP_MAGIC, found + 1)
        position += _BLOCK
    return size


def _resync_plain(stream, start: int, size: int) -> int:
    """The offset of the next line that starts a WARC record at or after `start` (or the end)."""
    position = start
    while position < size:
        stream.seek(position)
        block = stream.read(_BLOCK + 8)
        found = block.find(b"\nWARC/1.")
        if found >= 0:
            return position + found + 1
        position += _BLOCK
    return size


def _parse_warc_date(text: str | None) -> datetime | None:
    """The record's fetch time (aware), or None when it is missing, unreadable or not a plausible fetch time."""
    try:
        value = datetime.fromisoformat((text or "").strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value if EARLIEST_FETCH <= value.year <= MAX_YEAR else None


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
