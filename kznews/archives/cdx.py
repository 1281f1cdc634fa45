"""Capture indexes of the public web archives: pure functions that build CDX queries and read their answers.

Common Crawl (https://index.commoncrawl.org/, a pywb CDX server):
- `collinfo.json` lists the crawls: `{"id": "CC-MAIN-2024-18", "cdx-api": ..., "from": ..., "to": ...}`; older
  answers have no from/to, and then the crawl's dates are read from its id (year and ISO week of the crawl's end).
- `<crawl>-index?url=<host>/<path prefix>*&output=json&from=&to=&filter==status:200&filter=~mime:html` answers one JSON object
  per line (`url`, `timestamp`, `status`, `mime`, `digest`, `filename`, `offset`, `length`); `showNumPages=true`
  answers how many pages the query has, `page=N` one of them. No capture at all is a 404.
The Wayback Machine (https://web.archive.org/cdx/search/cdx):
- `?url=<host>/*&output=json&from=&to=&filter=statuscode:200&filter=mimetype:text/html&collapse=digest&limit=N
  &showResumeKey=true` answers a JSON array: a header row naming the fields, one row per capture, and, when more
  captures follow, an empty row and `[resume key]` (passed back as `resumeKey=` for the next page).
- a capture's raw bytes: `<wayback>/web/<timestamp>id_/<original URL>`.

`from`/`to` are UTC timestamps of 1 to 14 digits (yyyyMMddhhmmss), both inclusive; a window here is
[since, until), so `to` is until minus one second.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlencode

COMMONCRAWL = "commoncrawl"
WAYBACK = "wayback"

_DIGITS = re.compile(r"^\d{4,14}$")
_CRAWL_WEEK = re.compile(r"^CC-MAIN-(\d{4})-(\d{2})$")
_CRAWL_YEARS = re.compile(r"^CC-MAIN-(\d{4})(?:-(\d{4}))?$")
_CAPTURE_URL = re.compile(r"/web/(\d{4,14})(?:[a-z]{2}_)?/(.+)$")


class IndexAnswerError(ValueError):
    """An index answer that is not what the API returns (an HTML error page, a truncated body)."""


@dataclass(frozen=True)
class Crawl:
    """One Common Crawl crawl: its id and the capture times it covers (None where unknown)."""

    id: str
    start: datetime | None = None
    end: datetime | None = None

    def overlaps(self, since: datetime | None, until: datetime | None) -> bool:
        if since is not None and self.end is not None and self.end < since:
            return False
        return not (until is not None and self.start is not None and self.start >= until)


@dataclass(frozen=True)
class Capture:
    """One capture listed by an index: where its bytes are and what the index says about them."""

    archive: str  # COMMONCRAWL or WAYBACK
    url: str  # the original URL
    timestamp: str  # 14 digits, UTC
    digest: str | None = None  # base32 SHA-1 of the payload, as the index gives it
    status: int | None = None
    mime: str | None = None
    collection: str | None = None  # Common Crawl crawl id
    filename: str | None = None  # Common Crawl WARC file (path on the data server)
    offset: int | None = None
    length: int | None = None

    @property
    def captured_at(self) -> datetime:
        return parse_timestamp(self.timestamp)


# --- timestamps -------------------------------------------------------------------------------------------


def timestamp14(moment: datetime) -> str:
    """yyyyMMddhhmmss in UTC (a naive datetime is taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y%m%d%H%M%S")


def parse_timestamp(text: str) -> datetime:
    """A CDX timestamp (4 to 14 digits, UTC; missing parts are the start of the period) as an aware datetime."""
    text = (text or "").strip()
    if not _DIGITS.match(text):
        raise ValueError(f"not a CDX timestamp: {text!r}")
    padded = text + "0101000000"[len(text) - 4 :] if len(text) < 14 else text
    return datetime.strptime(padded, "%Y%m%d%H%M%S").replace(tzinfo=UTC)


def window_params(since: datetime | None, until: datetime | None) -> dict[str, str]:
    """`from`/`to` of a CDX query for the window [since, until)."""
    params = {}
    if since is not None:
        params["from"] = timestamp14(since)
    if until is not None:
        params["to"] = timestamp14(until - timedelta(seconds=1))
    return params


def url_pattern(target: str) -> str:
    """The `url=` of a prefix query: `tengrinews.kz` or `tengrinews.kz/` -> `tengrinews.kz/*`,
    `www.inform.kz/kaz/` -> `www.inform.kz/kaz/*` (every capture under that host and path)."""
    return (target if "/" in target else target + "/") + "*"


def _query(base: str, params: list[tuple[str, str]]) -> str:
    # `/`, `*`, `:`, `=` and `,` are legal in a query and keep the URL readable in logs.
    return base + "?" + urlencode(params, safe="/*:=,~")


# --- Common Crawl -----------------------------------------------------------------------------------------


def _json(text: str | bytes, what: str):
    try:
        return json.loads(text)
    except (ValueError, UnicodeDecodeError) as error:
        head = (text[:80] if isinstance(text, str) else text[:80].decode("utf-8", "replace")).strip()
        raise IndexAnswerError(f"{what} is not JSON ({error.__class__.__name__}): {head!r}") from None


def _iso(value) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def crawl_dates(crawl_id: str) -> tuple[datetime | None, datetime | None]:
    """The capture times a crawl covers, read from its id when collinfo.json does not say: CC-MAIN-YYYY-WW ends
    in ISO week WW and runs for about two weeks before it (six weeks are allowed: a crawl listed too widely costs
    one index query, a crawl missed costs its captures); CC-MAIN-2012, CC-MAIN-2009-2010: whole years."""
    match = _CRAWL_WEEK.match(crawl_id)
    if match:
        year, week = int(match.group(1)), int(match.group(2))
        try:
            end = datetime.combine(date.fromisocalendar(year, week, 7), datetime.min.time(), UTC) + timedelta(days=1)
        except ValueError:
            return None, None
        return end - timedelta(weeks=6), end
    match = _CRAWL_YEARS.match(crawl_id)
    if match:
        first = int(match.group(1))
        last = int(match.group(2) or first)
        return datetime(first, 1, 1, tzinfo=UTC), datetime(last + 1, 1, 1, tzinfo=UTC)
    return None, None


def parse_collinfo(text: str | bytes) -> list[Crawl]:
    """The crawls of collinfo.json, oldest first."""
    data = _json(text, "collinfo.json")
    if not isinstance(data, list):
        raise IndexAnswerError("collinfo.json is not a list of crawls")
    crawls = []
    for entry in data:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            continue
        start, end = _iso(entry.get("from")), _iso(entry.get("to"))
        if start is None or end is None:
            guessed_start, guessed_end = crawl_dates(entry["id"])
            start, end = start or guessed_start, end or guessed_end
        crawls.append(Crawl(entry["id"], start, end))
    return sorted(crawls, key=lambda c: (c.start or datetime.min.replace(tzinfo=UTC), c.id))


def crawls_overlapping(crawls: list[Crawl], since: datetime | None, until: datetime | None) -> list[Crawl]:
    return [crawl for crawl in crawls if crawl.overlaps(since, until)]


def cc_index_query(
    index: str,
    crawl_id: str,
    target: str,
    since: datetime | None,
    until: datetime | None,
    *,
    page: int | None = None,
    num_pages: bool = False,
    limit: int | None = None,
) -> str:
    """The index query for the HTML captures with status 200 under a host (and path, see url_pattern) in one crawl
    and window."""
    params = [("url", url_pattern(target)), ("output", "json"), *window_params(since, until).items()]
    params += [("filter", "=status:200"), ("filter", "~mime:html")]
    if num_pages:
        params.append(("showNumPages", "true"))
    if page is not None:
        params.append(("page", str(page)))
    if limit is not None:
        params.append(("limit", str(limit)))
    return _query(f"{index.rstrip('/')}/{crawl_id}-index", params)


def parse_cc_num_pages(text: str | bytes) -> int:
    """The answer to showNumPages=true: `{"pages": N, ...}` with output=json, or a bare number."""
    data = _json(text, "the page count")
    if isinstance(data, dict):
        data = data.get("pages")
    if isinstance(data, bool) or not isinstance(data, int) or data < 0:
        raise IndexAnswerError(f"the page count is not a number of pages: {str(text)[:80]!r}")
    return data


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def parse_cc_index(text: str | bytes, crawl_id: str) -> tuple[list[Capture], int]:
    """The captures of one index page and how many of its lines were unreadable. An answer with lines of which
    none is a capture is not an index page (IndexAnswerError)."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    captures, bad = [], 0
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            row = json.loads(line)
        except ValueError:
            bad += 1
            continue
        if not isinstance(row, dict) or not row.get("url") or not _DIGITS.match(str(row.get("timestamp", ""))):
            bad += 1
            continue
        offset, length = _int(row.get("offset")), _int(row.get("length"))
        if not row.get("filename") or offset is None or length is None or offset < 0 or length <= 0:
            bad += 1
            continue
        captures.append(
            Capture(
                archive=COMMONCRAWL,
                url=row["url"],
                timestamp=str(row["timestamp"]),
                digest=row.get("digest"),
                status=_int(row.get("status")),
                mime=row.get("mime"),
                collection=crawl_id,
                filename=row["filename"],
                offset=offset,
                length=length,
            )
        )
    if bad and not captures:
        raise IndexAnswerError(f"no line of the index answer is a capture ({bad} unreadable): {text[:80]!r}")
    return captures, bad


def cc_data_url(data: str, filename: str) -> str:
    return f"{data.rstrip('/')}/{filename.lstrip('/')}"


# --- the Wayback Machine ----------------------------------------------------------------------------------------


def wayback_cdx_query(
    wayback: str,
    target: str,
    since: datetime | None,
    until: datetime | None,
    *,
    limit: int,
    resume_key: str | None = None,
    collapse: str | None = "digest",
) -> str:
    params = [("url", url_pattern(target)), ("output", "json"), *window_params(since, until).items()]
    params += [("filter", "statuscode:200"), ("filter", "mimetype:text/html")]
    if collapse:
        params.append(("collapse", collapse))
    params += [("limit", str(limit)), ("showResumeKey", "true")]
    if resume_key:
        params.append(("resumeKey", resume_key))
    return _query(f"{wayback.rstrip('/')}/cdx/search/cdx", params)


def parse_wayback_cdx(text: str | bytes) -> tuple[list[Capture], str | None, int]:
    """The captures of one CDX answer, the resume key for the next page (None at the end) and the number of
    unreadable rows. An empty answer means no captures."""
    if not text.strip():
        return [], None, 0
    data = _json(text, "the CDX answer")
    if not isinstance(data, list):
        raise IndexAnswerError("the CDX answer is not a JSON array")
    if not data:
        return [], None, 0
    header = data[0]
    if not isinstance(header, list) or "original" not in header or "timestamp" not in header:
        raise IndexAnswerError(f"the CDX answer has no header row: {str(header)[:80]!r}")
    fields = {name: index for index, name in enumerate(header)}
    captures, resume_key, bad = [], None, 0
    rows = data[1:]
    for position, row in enumerate(rows):
        if row == []:  # the resume key follows an empty row
            tail = rows[position + 1 : position + 2]
            if tail and isinstance(tail[0], list) and tail[0] and isinstance(tail[0][0], str):
                resume_key = tail[0][0]
            break
        if not isinstance(row, list) or len(row) < len(header):
            bad += 1
            continue
        timestamp = str(row[fields["timestamp"]])
        if not _DIGITS.match(timestamp) or not row[fields["original"]]:
            bad += 1
            continue
        captures.append(
            Capture(
                archive=WAYBACK,
                url=row[fields["original"]],
                timestamp=timestamp,
                digest=row[fields["digest"]] if "digest" in fields else None,
                status=_int(row[fields["statuscode"]]) if "statuscode" in fields else None,
                mime=row[fields["mimetype"]] if "mimetype" in fields else None,
            )
        )
    return captures, resume_key, bad


def wayback_capture_url(wayback: str, timestamp: str, url: str) -> str:
    """The raw capture (`id_`: the archived bytes, no rewriting, no banner)."""
    return f"{wayback.rstrip('/')}/web/{timestamp}id_/{url}"


def parse_wayback_capture_url(url: str) -> tuple[str, str] | None:
    """(timestamp, original URL) of a capture URL, or None."""
    match = _CAPTURE_URL.search(url)
    if not match:
        return None
    return match.group(1), match.group(2)
