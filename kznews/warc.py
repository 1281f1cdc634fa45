"""Recording crawls to WARC and replaying them instead of the network.

- `WARC_RECORD=path` records every response (the raw HTTP headers and body, as received, before decompression)
  with its fetch time as WARC-Date. A directory gets one file per spider run.
- `WARC_REPLAY=path[,path...]` (files or directories of *.warc / *.warc.gz) answers every request from the
  archives. The response carries the recorded fetch time, so relative dates resolve as they did on the day. A URL
  that is not in the archives gets a 404 flagged "replay-miss" and counted (`warc/replay_miss`); the network is
  never used while replaying.

The middleware (kznews.downloadermiddlewares.warc) sits next to the downloader (priority 950): replayed responses still pass through decompression,
redirects and retries exactly like live ones, and they skip the per-domain download delay.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from scrapy.exceptions import NotConfigured
from w3lib.url import canonicalize_url
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

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
