"""Archived HTTP responses: pure functions from archive bytes to the response a site once gave, and the checks
that keep a bad record from ever reaching extraction.

- `gunzip_member(data, limit)`: one gzip member (a Common Crawl record read with a Range request), decompressed to
  at most `limit` bytes: a gzip bomb costs `limit`, never more; a member cut short is `truncated_member`.
- `read_warc_record(raw, limit)`: the WARC response record in those bytes as an `ArchivedResponse` (the original
  URL, the capture time from WARC-Date, the HTTP status and headers, the body decoded from its transfer and content
  encodings with the same bound, the declared WARC-Payload-Digest and the digest of the payload as stored).
- `wayback_response(...)`: the same from a Wayback Machine `id_` capture (original headers are `x-archive-orig-*`).
- `problem(archived, ...)`: why a record must not be used, or None: not a response record, another URL than the
  index said, a digest that does not match, a payload the archive cut (WARC-Truncated), a redirect or another
  status than 200, a bot-protection page (kznews.blocking). Each reason becomes a counted drop.
"""

from __future__ import annotations

import base64
import hashlib
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO

from w3lib.url import canonicalize_url
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader
from warcio.exceptions import ArchiveLoadFailed

from kznews.blocking import detect_challenge

# Hop-by-hop and encoding headers describe the bytes as they were sent, not the decoded body we hand on.
_ENCODING_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})
_ORIG = "x-archive-orig-"
_SLICE = 64 * 1024


class RecordError(Exception):
    """A record that cannot be used; `reason` is the counted drop (kznews/archive/.../dropped/{reason})."""

    def __init__(self, reason: str, message: str = ""):
        super().__init__(message or reason)
        self.reason = reason


@dataclass
class ArchivedResponse:
    url: str  # the original URL
    status: int
    headers: list[tuple[str, str]]  # without the encoding headers: they described the bytes before decoding
    body: bytes  # decoded
    captured_at: datetime
    record_type: str = "response"
    declared_digest: str | None = None  # WARC-Payload-Digest, e.g. "sha1:ABC..."
    declared_matches: bool | None = None  # whether the payload has the declared digest
    # SHA-1 digests ("sha1:BASE32") of the payload as stored, without transfer encoding, and decoded: writers
    # disagree on which form the payload digest covers, so any of them is a match. Empty: not checkable.
    digests: tuple[str, ...] = ()
    truncated: str | None = None  # WARC-Truncated: the archive kept only part of the payload ("length", "time")
    location: str | None = None  # the Location of a redirect
    notes: list[str] = field(default_factory=list)

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((value for key, value in self.headers if key.lower() == name), None)


# --- decompression, bounded ----------------------------------------------------------------------------------


def gunzip_member(data: bytes, limit: int) -> tuple[bytes, int]:
    """The first gzip member of `data` decompressed (at most `limit` bytes) and the number of input bytes it
    took. RecordError: `not_gzip`, `corrupt_member`, `truncated_member` (the input ends inside the member),
    `too_large` (it decompresses to more than `limit`)."""
    if data[:2] != b"\x1f\x8b":
        raise RecordError("not_gzip", "the record is not a gzip member")
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    view = memoryview(data)
    out = bytearray()
    position = 0
    try:
        while position < len(view) and not decompressor.eof:
            piece = view[position : position + _SLICE]
            position += len(piece)
            out += decompressor.decompress(piece, limit + 1 - len(out))
            while decompressor.unconsumed_tail and len(out) <= limit:
                out += decompressor.decompress(decompressor.unconsumed_tail, limit + 1 - len(out))
            if len(out) > limit:
                raise RecordError("too_large", f"the record decompresses to more than {limit} bytes")
    except zlib.error as error:
        raise RecordError("corrupt_member", f"the gzip member is corrupt: {error}") from None
    if not decompressor.eof:
        raise RecordError("truncated_member", f"the gzip member ends early, after {len(data)} bytes")
    consumed = position - len(decompressor.unused_data)
    return bytes(out), consumed


def _bounded(decompress, data: bytes, limit: int) -> bytes:
    out = decompress(data, limit + 1)
    if len(out) > limit:
        raise RecordError("too_large", f"the body decodes to more than {limit} bytes")
    return out


def _zlib_bounded(wbits: int):
    def decompress(data: bytes, maximum: int) -> bytes:
        decompressor = zlib.decompressobj(wbits)
        out = bytearray(decompressor.decompress(data, maximum))
        while decompressor.unconsumed_tail and len(out) < maximum:
            out += decompressor.decompress(decompressor.unconsumed_tail, maximum - len(out))
        if not decompressor.eof and len(out) < maximum:
            raise zlib.error("the compressed body ends early")  # a body cut short is never half stored
        return bytes(out)

    return decompress


def _brotli_bounded(data: bytes, maximum: int) -> bytes:
    import brotli

    decompressor = brotli.Decompressor()
    out = bytearray(decompressor.process(data, output_buffer_limit=maximum))
    while len(out) < maximum and not decompressor.is_finished() and not decompressor.can_accept_more_data():
        out += decompressor.process(b"", output_buffer_limit=maximum - len(out))
    return bytes(out)


def decode_payload(raw: bytes, headers: list[tuple[str, str]], limit: int) -> tuple[bytes, bytes, list[str]]:
    """(payload without transfer encoding, body, notes) from the payload as stored: chunked transfer encoding
    removed, then gzip/deflate/br content encoding, each bounded by `limit`.

    Common Crawl stores payloads decoded and renames the headers (X-Crawler-Transfer-Encoding, ...); CC-NEWS before
    May 2019 stored them decoded but kept the literal headers; recorded WARCs, ours included, store the raw bytes.
    So a body that does not decode as its header says is taken as already decoded (noted), unless it starts like
    the encoding it claims and still fails (corrupt: RecordError `bad_content_encoding`)."""
    lowered = {name.lower(): value.lower() for name, value in headers}
    notes: list[str] = []
    unchunked = raw
    if "chunked" in lowered.get("transfer-encoding", ""):
        # A body that is not really chunked is read as it is (warcio's fallback).
        unchunked = ChunkedDataReader(BytesIO(raw), decomp_type=None).read(limit + 1)
        if len(unchunked) > limit:
            raise RecordError("too_large", f"the body is larger than {limit} bytes")
    encoding = lowered.get("content-encoding", "").strip()
    body = unchunked
    try:
        if encoding in ("gzip", "x-gzip"):
            if unchunked[:2] == b"\x1f\x8b":
                body = _bounded(_zlib_bounded(16 + zlib.MAX_WBITS), unchunked, limit)
            else:
                notes.append("stale_encoding_header")
        elif encoding == "deflate":
            try:
                body = _bounded(_zlib_bounded(zlib.MAX_WBITS), unchunked, limit)
            except zlib.error:  # raw deflate without the zlib header, as some servers send it
                body = _bounded(_zlib_bounded(-zlib.MAX_WBITS), unchunked, limit)
        elif encoding == "br":
            body = _bounded(_brotli_bounded, unchunked, limit)
    except RecordError:
        raise
    except Exception as error:  # zlib.error, brotli.error
        if encoding in ("gzip", "x-gzip"):
            raise RecordError("bad_content_encoding", f"the body does not decode as {encoding}: {error}") from None
        notes.append("stale_encoding_header")
        body = unchunked
    return unchunked, body, notes


# --- digests ----------------------------------------------------------------------------------------------------


def sha1_digest(payload: bytes) -> str:
    """The digest as WARC writers and CDX indexes write it: "sha1:" and the base32 SHA-1."""
    return "sha1:" + base64.b32encode(hashlib.sha1(payload).digest()).decode("ascii")


def _digest_value(digest: str) -> tuple[str, bytes | None]:
    """(algorithm, raw digest bytes) of "sha1:BASE32", "sha256:hex", or a bare base32 SHA-1 (CDX)."""
    algorithm, _, value = digest.strip().rpartition(":")
    algorithm = (algorithm or "sha1").lower().replace("-", "")
    value = value.strip()
    for decode in (lambda v: base64.b32decode(v.upper()), bytes.fromhex):
        try:
            return algorithm, decode(value)
        except (ValueError, base64.binascii.Error):
            continue
    return algorithm, None


def digest_matches(payload: bytes, declared: str) -> bool:
    algorithm, expected = _digest_value(declared)
    if expected is None or algorithm not in hashlib.algorithms_available:
        return False
    return hashlib.new(algorithm, payload).digest() == expected


def same_digest(a: str, b: str) -> bool:
    return _digest_value(a) == _digest_value(b)


# --- reading records -----------------------------------------------------------------------------------------


def _warc_date(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def read_warc_record(raw: bytes, limit: int) -> ArchivedResponse:
    """The first record of uncompressed WARC bytes. RecordError `not_warc` when they are not a WARC record."""
    try:
        iterator = iter(ArchiveIterator(BytesIO(raw), ensure_http_headers=True))
        record = next(iterator)
    except (ArchiveLoadFailed, StopIteration, ValueError) as error:
        raise RecordError("not_warc", f"not a WARC record: {error}") from None
    warc = record.rec_headers
    captured = _warc_date(warc.get_header("WARC-Date"))
    archived = ArchivedResponse(
        url=warc.get_header("WARC-Target-URI") or "",
        status=0,
        headers=[],
        body=b"",
        captured_at=captured or datetime.now(UTC),
        record_type=record.rec_type or "",
        declared_digest=warc.get_header("WARC-Payload-Digest"),
        truncated=warc.get_header("WARC-Truncated"),
    )
    if captured is None:
        archived.notes.append("no_warc_date")
    if record.rec_type != "response" or record.http_headers is None:
        return archived
    http = record.http_headers
    try:
        archived.status = int(http.get_statuscode() or 0)
    except ValueError:
        archived.status = 0
    headers = [(name, value) for name, value in http.headers]
    payload = record.raw_stream.read(limit + 1)
    if len(payload) > limit:
        raise RecordError("too_large", f"the payload is larger than {limit} bytes")
    unchunked, archived.body, notes = decode_payload(payload, headers, limit)
    archived.notes += notes
    forms = list(dict.fromkeys((payload, unchunked, archived.body)))
    archived.digests = tuple(sha1_digest(form) for form in forms)
    if archived.declared_digest:
        archived.declared_matches = any(digest_matches(form, archived.declared_digest) for form in forms)
    archived.location = next((v for k, v in headers if k.lower() == "location"), None)
    archived.headers = [(k, v) for k, v in headers if k.lower() not in _ENCODING_HEADERS]
    return archived


def wayback_response(
    url: str, captured_at: datetime, status: int, headers: list[tuple[str, str]], body: bytes
) -> ArchivedResponse:
    """A Wayback Machine `id_` capture as received (after the HTTP client removed the transfer's own encoding).
    The original headers come back as `x-archive-orig-*`; Content-Type is passed through as it was."""
    original: list[tuple[str, str]] = []
    content_type = None
    encoded = False
    for name, value in headers:
        lower = name.lower()
        if lower.startswith(_ORIG):
            bare = name[len(_ORIG) :]
            if bare.lower() in ("content-encoding", "transfer-encoding"):
                encoded = True
            if bare.lower() not in _ENCODING_HEADERS and bare.lower() != "content-type":
                original.append((bare, value))
        elif lower == "content-type":
            content_type = value
    if content_type:
        original.append(("Content-Type", content_type))
    archived = ArchivedResponse(url=url, status=status, headers=original, body=body, captured_at=captured_at)
    # The index's digest is over the payload as archived; with a content or transfer encoding the bytes we
    # receive are not those, so the digest cannot be checked (counted, not dropped).
    archived.digests = () if encoded else (sha1_digest(body),)
    if encoded:
        archived.notes.append("digest_unverifiable")
    return archived


def _same_url(a: str, b: str) -> bool:
    return canonicalize_url(a, keep_fragments=False) == canonicalize_url(b, keep_fragments=False)


def problem(archived: ArchivedResponse, *, expected_url: str | None = None, index_digest: str | None = None) -> str | None:
    """Why this archived response must not be used, or None. Reasons are stats keys."""
    if archived.record_type != "response":
        return "not_response" if archived.record_type != "revisit" else "revisit"
    if expected_url and not _same_url(archived.url, expected_url):
        return "record_mismatch"  # the index pointed at another record: a stale or wrong offset
    if archived.declared_matches is False:
        return "digest_mismatch"  # the record is not what was archived (damaged, or tampered with)
    if index_digest and archived.digests and not any(same_digest(d, index_digest) for d in archived.digests):
        return "digest_mismatch"
    if archived.truncated:
        return "truncated_payload"  # the archive kept only part of the page: never stored half
    if 300 <= archived.status < 400:
        return "redirect"
    if archived.status != 200:
        return f"status_{archived.status}"
    if detect_challenge(archived.body, dict(archived.headers), archived.status):
        return "challenge"
    return None
