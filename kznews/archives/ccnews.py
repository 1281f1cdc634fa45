"""CC-NEWS, Common Crawl's news crawl: pure functions to find a window's WARC files and to read them in pieces.

CC-NEWS has no capture index. Each month's files are listed in `crawl-data/CC-NEWS/YYYY/MM/warc.paths.gz`, one path
a line, named by the time the file was begun (`CC-NEWS-20240301013452-00001.warc.gz`); a file is about 1 GB of
gzip members, one member per WARC record. Reading one means decompressing all of it (a gzip member says where it
ends only at its end), so the crawl reads a file with HTTP Range requests of KZNEWS_CCNEWS_CHUNK bytes, one after
the other, and `scan_members` decompresses each piece as a stream:

- a member's first bytes (its WARC headers) decide whether it is wanted (a response of one of our hosts);
- a wanted member's record is kept, up to the record limit (past it the record is dropped as too large); the
  output of every other member is thrown away as it is produced;
- a member that does not end inside the piece is left for the next request, which starts where it begins.

Memory is therefore bounded by one piece (the response body) plus one kept record plus the decompressor's window
and 1 MB of output at a time, whatever the file size; nothing is held between requests but the file offset, so a
request is self-contained (JOBDIR resumes it, a retry repeats it). A member larger than the piece makes the next
request twice as long, up to KZNEWS_CCNEWS_MAX_CHUNK; past that the crawl skips to the next member that starts like
a WARC record (`resync`), counting the skip.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

_FILE_TIME = re.compile(r"CC-NEWS-(\d{14})-\d+\.warc(?:\.gz)?$")
_SLICE = 64 * 1024
_OUTPUT = 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b\x08"


def months(since: datetime, until: datetime) -> list[tuple[int, int]]:
    """(year, month) of every month the window [since, until) touches, in UTC."""
    since, until = since.astimezone(UTC), until.astimezone(UTC)
    found, year, month = [], since.year, since.month
    while (year, month) < (until.year, until.month) or (
        (year, month) == (until.year, until.month) and until > datetime(year, month, 1, tzinfo=UTC)
    ):
        found.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def paths_url(data: str, year: int, month: int) -> str:
    return f"{data.rstrip('/')}/crawl-data/CC-NEWS/{year:04d}/{month:02d}/warc.paths.gz"


def parse_paths(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def file_time(path: str) -> datetime | None:
    match = _FILE_TIME.search(path)
    if not match:
        return None
    return datetime.strptime(match.group(1), "%Y%m%d%H%M%S").replace(tzinfo=UTC)


def files_in_window(paths: list[str], since: datetime, until: datetime) -> list[str]:
    """The files that may hold records fetched in [since, until): a file holds the records from its start time
    until the next file's. Paths without a readable time are kept (reading them costs time, missing them data)."""
    dated = sorted((t, p) for p in paths if (t := file_time(p)) is not None)
    kept = [p for p in paths if file_time(p) is None]
    for index, (start, path) in enumerate(dated):
        end = dated[index + 1][0] if index + 1 < len(dated) else None
        if start < until and (end is None or end > since):
            kept.append(path)
    return kept


def warc_head(head: bytes) -> dict[str, str]:
    """The WARC header fields of a record's first bytes (lower-case names), as far as they go."""
    text = head.split(b"\r\n\r\n", 1)[0].decode("utf-8", "replace")
    fields = {}
    for line in text.split("\r\n")[1:]:
        name, _, value = line.partition(":")
        if name:
            fields[name.strip().lower()] = value.strip()
    return fields


@dataclass
class Member:
    offset: int  # in the file
    length: int  # compressed bytes
    record: bytes | None = None  # the decompressed WARC record, when wanted and not too large
    skipped: str | None = None  # why `record` is None: "unwanted", "too_large"


@dataclass
class Scan:
    members: list[Member]
    consumed: int  # bytes of the piece covered by complete members: the next piece starts here
    corrupt_at: int | None = None  # where a member that cannot be decompressed begins (resync from there)
    largest_output: int = 0  # the most decompressed bytes held at once (for the memory claim's test)
    decompressed: int = 0  # bytes of output of the complete members (what the CPU time goes into)


def scan_members(
    data: bytes, file_offset: int, wanted: Callable[[bytes], bool], limit: int, *, head_bytes: int = 16 * 1024
) -> Scan:
    """The gzip members that begin at the start of `data` and end inside it, decompressed as a stream (see the
    module docstring). `wanted(head)` sees a member's first `head_bytes` of output (or all of its WARC headers,
    whichever ends first) and says whether to keep the record."""
    view = memoryview(data)
    members: list[Member] = []
    position = 0
    largest = total = 0
    while position < len(view):
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        head = bytearray()
        kept: bytearray | None = None
        decided = False
        skipped = None
        cursor = position
        produced = 0
        try:
            while cursor < len(view) and not decompressor.eof:
                piece = view[cursor : cursor + _SLICE]
                cursor += len(piece)
                pending = piece
                while True:
                    out = decompressor.decompress(pending, _OUTPUT)
                    produced += len(out)
                    if out and not decided:
                        head += out
                        if len(head) >= head_bytes or b"\r\n\r\n" in head:
                            decided = True
                            if wanted(bytes(head[:head_bytes])):
                                kept = head
                            else:
                                skipped, head = "unwanted", bytearray()
                    elif out and kept is not None:
                        kept += out
                    if kept is not None and len(kept) > limit:
                        kept, skipped = None, "too_large"
                    held = len(kept) if kept is not None else len(head)
                    largest = max(largest, len(out) + held)
                    pending = decompressor.unconsumed_tail
                    if not pending or decompressor.eof:
                        break
        except zlib.error:
            return Scan(members, position, corrupt_at=position, largest_output=largest, decompressed=total)
        if not decompressor.eof:
            break  # the member goes on past this piece
        end = cursor - len(decompressor.unused_data)
        if not decided:  # a record shorter than its header limit and without a blank line
            if wanted(bytes(head)):
                kept = head
            else:
                skipped = "unwanted"
        members.append(Member(file_offset + position, end - position, bytes(kept) if kept is not None else None,
                              None if kept is not None else skipped))
        position = end
        total += produced
    return Scan(members, position, largest_output=largest, decompressed=total)


def resync(data: bytes, start: int) -> int | None:
    """The position, at or after `start`, of the next gzip member whose output starts like a WARC record."""
    position = start
    while True:
        position = data.find(GZIP_MAGIC, position)
        if position < 0:
            return None
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            if decompressor.decompress(data[position : position + 4096], 16).startswith(b"WARC/"):
                return position
        except zlib.error:
            pass
        position += 1
