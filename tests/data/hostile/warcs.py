"""Hostile WARC files for kznews/warc.py replay (and any later WARC reader): gzip members that unpack to
gigabytes, records with broken headers, garbage between records; every bad record is followed by a good one, which
a reader must still find. Constructed (provenance: this module).

`write_bomb_warc(path)`: a .warc.gz (one gzip member per record, as WARC writers make them):

    good-1, bomb-honest (declares 4 GiB and holds it), good-2, bomb-lying (declares 2,000 bytes, unpacks to 4 GiB),
    good-3, a member of 2 GiB of NUL bytes (not a record), good-4, http-gzip-bomb (a 4 MB record whose HTTP body
    is Content-Encoding: gzip and unpacks to 4 GiB), good-5, then broken headers (Content-Length "abc", -5, a
    WARC-Date in year 1, 9999 and "yesterday", no target URI, a header block that never ends), a truncated member,
    bytes that are not gzip, a 100,000-character target URI, and good-6 last.

`write_plain_warc(path)`: the same idea uncompressed, with Content-Lengths that lie.
`write_corpus_warc(path, records)`: every case of the corpus as a response record (replay then parse).
"""

from __future__ import annotations

import gzip
import uuid
from datetime import UTC, datetime
from pathlib import Path

from warcio.warcwriter import WARCWriter

from kznews.warc import write_response_record
from tests.data.hostile import gzipbomb
from tests.data.hostile.cases import FETCHED_AT, LONG_URL, ORIGIN, PARAGRAPHS, TITLE, WARC_BOMB, page

GOOD = [f"{ORIGIN}/news/{n}-good-story/" for n in range(1, 7)]
LONG_URI = f"{ORIGIN}/news/7-good-story/?q=" + "a" * LONG_URL
BOMB_HONEST = f"{ORIGIN}/news/101-bomb-honest/"
BOMB_LYING = f"{ORIGIN}/news/102-bomb-lying/"
HTTP_BOMB = f"{ORIGIN}/news/103-http-gzip-bomb/"
BROKEN = {  # URL -> what is wrong with its record
    f"{ORIGIN}/news/201-length-abc/": "Content-Length: abc",
    f"{ORIGIN}/news/202-length-negative/": "Content-Length: -5",
    f"{ORIGIN}/news/203-date-year1/": "WARC-Date: 0001-01-01T00:00:00Z",
    f"{ORIGIN}/news/204-date-year9999/": "WARC-Date: 9999-12-31T23:59:59Z",
    f"{ORIGIN}/news/205-date-words/": "WARC-Date: yesterday",
}
STAMP = FETCHED_AT.strftime("%Y-%m-%dT%H:%M:%SZ")


def good_body(url: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return page(f'<h1>{TITLE}</h1><div class="article-body">{paragraphs}<p>{url}</p></div>').encode()


def warc_headers(url: str | None, length: int | str, date: str = STAMP, extra: str = "") -> bytes:
    lines = ["WARC/1.1", "WARC-Type: response"]
    if url is not None:
        lines.append(f"WARC-Target-URI: {url}")
    lines += [f"WARC-Date: {date}", f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>",
              "Content-Type: application/http; msgtype=response", f"Content-Length: {length}"]
    return ("\r\n".join(lines) + extra + "\r\n\r\n").encode()


HTTP_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"


def record(url: str | None, body: bytes, length: int | str | None = None, date: str = STAMP) -> bytes:
    """One uncompressed response record (headers, HTTP message, the two CRLFs that end a record)."""
    payload = HTTP_HEAD + body
    return warc_headers(url, len(payload) if length is None else length, date) + payload + b"\r\n\r\n"


def good_member(writer_stream, url: str) -> None:
    writer = WARCWriter(writer_stream, gzip=True, warc_version="1.1")
    write_response_record(writer, url, 200, [("Content-Type", "text/html; charset=utf-8")], good_body(url), FETCHED_AT)


def write_bomb_warc(path: Path, bomb_bytes: int = WARC_BOMB) -> Path:
    path = Path(path)
    with path.open("wb") as out:
        good_member(out, GOOD[0])
        payload = HTTP_HEAD
        out.write(gzipbomb.zeros(bomb_bytes, warc_headers(BOMB_HONEST, len(payload) + bomb_bytes) + payload, b"\r\n\r\n"))
        good_member(out, GOOD[1])
        out.write(gzipbomb.zeros(bomb_bytes, warc_headers(BOMB_LYING, 2000) + HTTP_HEAD))
        good_member(out, GOOD[2])
        out.write(gzipbomb.zeros(bomb_bytes // 2))
        good_member(out, GOOD[3])
        writer = WARCWriter(out, gzip=True, warc_version="1.1")
        write_response_record(writer, HTTP_BOMB, 200, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                              gzipbomb.zeros(bomb_bytes), FETCHED_AT)
        good_member(out, GOOD[4])
        for url, problem in BROKEN.items():
            name, _, value = problem.partition(": ")
            if name == "Content-Length":
                out.write(gzip.compress(record(url, good_body(url), length=value)))
            else:
                out.write(gzip.compress(record(url, good_body(url), date=value)))
        out.write(gzip.compress(record(None, good_body("no uri"))))
        out.write(gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\nX-Endless: " + b"a" * 300_000))
        out.write(gzip.compress(record(f"{ORIGIN}/news/206-truncated/", good_body("cut")))[:200])
        out.write(b"this is not gzip " * 1000)
        out.write(gzip.compress(record(LONG_URI, good_body(LONG_URI))))
        good_member(out, GOOD[5])
    return path


def write_plain_warc(path: Path) -> Path:
    """Uncompressed: Content-Lengths that claim too much (4 GiB, past the next record) and too little."""
    path = Path(path)
    with path.open("wb") as out:
        out.write(record(GOOD[0], good_body(GOOD[0])))
        out.write(record(BOMB_HONEST, good_body(BOMB_HONEST), length=WARC_BOMB))
        out.write(record(GOOD[1], good_body(GOOD[1])))
        out.write(record(BOMB_LYING, good_body(BOMB_LYING) * 3, length=2000))
        out.write(record(GOOD[2], good_body(GOOD[2])))
        out.write(b"\r\n garbage between records \r\n" * 100)
        out.write(record(GOOD[3], good_body(GOOD[3])))
    return path


def write_corpus_warc(path: Path, records: dict[str, tuple[str, bytes]]) -> Path:
    """records: URL -> (Content-Type, body), written as kznews records them."""
    path = Path(path)
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True, warc_version="1.1")
        for url, (content_type, body) in records.items():
            write_response_record(writer, url, 200, [("Content-Type", content_type)], body,
                                  datetime.fromtimestamp(FETCHED_AT.timestamp(), UTC))
    return path
