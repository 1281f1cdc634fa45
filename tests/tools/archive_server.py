"""A local imitation of the public web archives, for offline tests: Common Crawl's index server (collinfo.json and
`<crawl>-index` with showNumPages / page=N, filters, from/to), its data server (WARC files of one gzip member per
record, served with HTTP Range; CC-NEWS `warc.paths.gz` lists) and the Wayback Machine (the CDX API with filters,
collapse, limit and resume keys; raw `id_` captures with `x-archive-orig-*` headers, and redirects to the nearest
capture when a timestamp is not exact).

Requests arrive as GET /<archive host>/<path> through KZNEWS_HOST_MAP, so spiders ask for the real archive URLs.
Every request is logged (`hits`); requests for any other host are logged in `escaped` (a crawl reading archives
must never reach the site). Faults: `bursts` answers the first N requests to an archive host with 503 and
Retry-After; an index can answer an HTML error page instead of JSON.

The WARC files are written with warcio from the pages handed in. `tengrinews_scenario()` builds the archives the
end-to-end tests read: real pages from tests/fixtures/real/tengrinews (provenance in MANIFEST.tsv there), the
constructed pages of tests/fixtures/sites/tengrinews (they say so at their top), and pages constructed here, each
marked `provenance="constructed: ..."`: a page dated relatively ("Вчера, 21:40"), a bot-protection page (from
tests/tools/chaos.py), a redirect, a gzip bomb, pages of other hosts for CC-NEWS. Bad records are made by changing
the bytes, not the pages: a wrong WARC-Payload-Digest, a gzip member cut in half, an index row saying 200 for a
redirect record.
"""

from __future__ import annotations

import base64
import gzip
import json
import re
import threading
import time
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "fixtures" / "real" / "tengrinews"
CONSTRUCTED = ROOT / "tests" / "fixtures" / "sites" / "tengrinews"

CC_INDEX = "index.commoncrawl.org"
CC_DATA = "data.commoncrawl.org"
WAYBACK = "web.archive.org"
ARCHIVE_HOSTS = (CC_INDEX, CC_DATA, WAYBACK)
REASONS = {200: "OK", 301: "Moved Permanently", 302: "Found", 404: "Not Found"}


def ts14(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%d%H%M%S")


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def b32sha1(data: bytes) -> str:
    import hashlib

    return base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def surt(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    return ",".join(reversed(host.split("."))) + ")" + (parts.path or "/") + ("?" + parts.query if parts.query else "")


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


@dataclass
class Page:
    """A page as an archive captured it."""

    url: str
    captured_at: datetime
    body: bytes
    status: int = 200
    headers: list[tuple[str, str]] = field(default_factory=lambda: [("Content-Type", "text/html; charset=utf-8")])
    provenance: str = ""
    # how the bytes are stored: None (decoded, as Common Crawl stores them), "gzip" (raw gzip content encoding,
    # as recorded WARCs store it), "stale-gzip" (decoded but the header still says gzip: CC-NEWS before 2019)
    encoding: str | None = None
    # a fault in the archive's bytes or index: "digest_mismatch", "truncated", "index_says_200"
    fault: str | None = None
    # Wayback: the capture is held at this timestamp, not the one the index lists (answered with a redirect)
    held_at: str | None = None


@dataclass
class Row:
    """An index row of a Common Crawl capture."""

    url: str
    timestamp: str
    status: str
    mime: str
    digest: str
    filename: str
    offset: int
    length: int

    def as_json(self) -> dict:
        return {"urlkey": surt(self.url), "timestamp": self.timestamp, "url": self.url, "mime": self.mime,
                "mime-detected": self.mime, "status": self.status, "digest": self.digest, "length": str(self.length),
                "offset": str(self.offset), "filename": self.filename, "languages": "rus", "encoding": "UTF-8"}


def warc_member(page: Page) -> tuple[bytes, str]:
    """One gzip member holding the page's response record, and the payload digest its header declares."""
    headers = [(k, v) for k, v in page.headers]
    payload = page.body
    if page.encoding == "gzip":
        payload = gzip.compress(page.body, mtime=0)
        headers.append(("Content-Encoding", "gzip"))
    elif page.encoding == "stale-gzip":
        headers.append(("Content-Encoding", "gzip"))
    headers.append(("Content-Length", str(len(payload))))
    http = StatusAndHeaders(f"{page.status} {REASONS.get(page.status, 'Status')}", headers, protocol="HTTP/1.1")
    warc_headers = {"WARC-Date": page.captured_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=False, warc_version="1.0")
    record = writer.create_warc_record(page.url, "response", payload=BytesIO(payload), http_headers=http,
                                       warc_headers_dict=warc_headers)
    writer.write_record(record)
    raw = buffer.getvalue()
    declared = record.rec_headers.get_header("WARC-Payload-Digest") or ""
    if page.fault == "digest_mismatch":  # the writer computes digests itself: the header is changed afterwards
        wrong = "sha1:" + b32sha1(b"not this payload")
        raw = raw.replace(f"WARC-Payload-Digest: {declared}".encode(), f"WARC-Payload-Digest: {wrong}".encode(), 1)
        declared = wrong
    member = gzip.compress(raw, mtime=0)
    if page.fault == "truncated":
        member = member[: len(member) // 2]
    return member, declared


def warc_file(pages: list[Page], filename: str) -> tuple[bytes, list[Row]]:
    """A WARC file of one member per record, and the index rows of its records."""
    data, rows = bytearray(), []
    for page in pages:
        member, declared = warc_member(page)
        status = "200" if page.fault == "index_says_200" else str(page.status)
        mime = next((v.split(";")[0].strip() for k, v in page.headers if k.lower() == "content-type"), "text/html")
        rows.append(Row(page.url, ts14(page.captured_at), status, mime, declared.split(":", 1)[-1], filename,
                        len(data), len(member)))
        data += member
    return bytes(data), rows


# --- the server ------------------------------------------------------------------------------------------------


def _match_filter(value: str, spec: str) -> bool:
    """pywb / Wayback filters: `=field:value` exact, `~field:value` contains, `field:regex` (full match), `!` negates."""
    negate = spec.startswith("!")
    spec = spec.lstrip("!")
    if spec.startswith("="):
        ok = value == spec[1:].split(":", 1)[1]
    elif spec.startswith("~"):
        ok = spec[1:].split(":", 1)[1] in value
    else:
        ok = re.fullmatch(spec.split(":", 1)[1], value) is not None
    return ok != negate


def _under(url: str, pattern: str) -> bool:
    """Whether a capture's URL is under a prefix query's `url=` (`host/path*`; www. is the same host, as in SURT)."""
    target = pattern.removesuffix("*")
    host, _, path = target.partition("/")
    return host_of(url) == host.lower().removeprefix("www.") and (urlsplit(url).path or "/").startswith("/" + path)


def _filter_field(spec: str) -> str:
    return spec.lstrip("!=~").split(":", 1)[0]


def _in_window(timestamp: str, start: str | None, end: str | None) -> bool:
    if start and timestamp < start.ljust(14, "0"):
        return False
    return not (end and timestamp > end.ljust(14, "9"))


class ArchiveServer:
    def __init__(
        self,
        *,
        collinfo: list[dict] | None = None,
        cc_crawls: dict[str, list[Page]] | None = None,
        garbage_indexes: tuple[str, ...] = (),
        wayback: list[Page] | None = None,
        garbage_cdx_hosts: tuple[str, ...] = (),
        ccnews: dict[str, list[Page]] | None = None,
        cc_page_size: int = 3,
        bursts: dict[str, int] | None = None,
        retry_after: str = "1",
    ):
        self.collinfo = collinfo or []
        self.garbage_indexes = set(garbage_indexes)
        self.garbage_cdx_hosts = set(garbage_cdx_hosts)
        self.cc_page_size = cc_page_size
        self.files: dict[str, bytes] = {}
        self.cc_rows: dict[str, list[Row]] = {}
        for crawl, pages in (cc_crawls or {}).items():
            filename = f"crawl-data/{crawl}/segments/1700000000000.00/warc/{crawl}-20240101000000-00000.warc.gz"
            data, rows = warc_file(pages, filename)
            self.files[filename] = data
            self.cc_rows[crawl] = sorted(rows, key=lambda r: (surt(r.url), r.timestamp))
        self.ccnews_paths: dict[str, list[str]] = {}
        for path, pages in (ccnews or {}).items():
            self.files[path], _ = warc_file(pages, path)
            month = "/".join(path.split("/")[:4])  # crawl-data/CC-NEWS/YYYY/MM
            self.ccnews_paths.setdefault(month, []).append(path)
        self.wayback = sorted(wayback or [], key=lambda p: (surt(p.url), ts14(p.captured_at)))
        self.bursts = dict(bursts or {})
        self.retry_after = retry_after
        self.hits: list[tuple[float, str, int]] = []  # (monotonic time, host + path [+ " " + Range], status)
        self.escaped: list[str] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                status, headers, body = server.answer(self.path, self.headers)
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    # --- plumbing ---

    @property
    def host_map(self) -> dict[str, str]:
        return {"*": f"http://127.0.0.1:{self.port}/{{host}}"}

    def start(self) -> ArchiveServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def requests_to(self, host: str, path_prefix: str = "") -> list[tuple[float, str, int]]:
        with self._lock:
            return [hit for hit in self.hits if hit[1].startswith(host + path_prefix)]

    # --- answers ---

    def answer(self, raw_path: str, headers) -> tuple[int, list[tuple[str, str]], bytes]:
        target = raw_path.lstrip("/")
        host, _, rest = target.partition("/")
        path, _, query = rest.partition("?")
        status, out_headers, body = self._answer(host, "/" + path, query, headers)
        ranged = f" {headers.get('Range')}" if headers.get("Range") else ""
        with self._lock:
            self.hits.append((time.monotonic(), host + "/" + rest + ranged, status))
            if host not in ARCHIVE_HOSTS:
                self.escaped.append(target)
        return status, out_headers, body

    def _answer(self, host: str, path: str, query: str, headers):
        if host not in ARCHIVE_HOSTS:
            return 404, [("Content-Type", "text/plain")], b"not an archive"
        with self._lock:
            if self.bursts.get(host, 0) > 0:
                self.bursts[host] -= 1
                return 503, [("Retry-After", self.retry_after), ("Content-Type", "text/plain")], b"Slow Down"
        params = parse_qsl(query, keep_blank_values=True)
        if host == CC_INDEX:
            return self._cc_index(path, params)
        if host == CC_DATA:
            return self._cc_data(unquote(path), headers)
        if path.startswith("/cdx/search/cdx"):
            return self._wayback_cdx(params)
        return self._wayback_capture(path, query)

    def _cc_index(self, path: str, params):
        if path == "/collinfo.json":
            return 200, [("Content-Type", "application/json")], json.dumps(self.collinfo).encode()
        match = re.fullmatch(r"/(.+)-index", path)
        crawl = match.group(1) if match else None
        if crawl is None or (crawl not in self.cc_rows and crawl not in self.garbage_indexes):
            return 404, [("Content-Type", "text/plain")], b"No such index"
        if crawl in self.garbage_indexes:
            return 200, [("Content-Type", "text/html")], b"<html><body><h1>Internal Server Error</h1></body></html>"
        values: dict[str, list[str]] = {}
        for name, value in params:
            values.setdefault(name, []).append(value)
        prefix = values["url"][0]
        rows = [
            row for row in self.cc_rows[crawl]
            if _under(row.url, prefix)
            and _in_window(row.timestamp, values.get("from", [None])[0], values.get("to", [None])[0])
            and all(_match_filter(row.as_json().get(_filter_field(f), ""), f) for f in values.get("filter", []))
        ]
        if "limit" in values:
            rows = rows[: int(values["limit"][0])]
        pages = -(-len(rows) // self.cc_page_size)
        if values.get("showNumPages") == ["true"]:
            body = {"pages": pages, "pageSize": self.cc_page_size, "blocks": pages}
            return 200, [("Content-Type", "text/x-ndjson")], json.dumps(body).encode() + b"\n"
        if "page" in values:
            page = int(values["page"][0])
            rows = rows[page * self.cc_page_size : (page + 1) * self.cc_page_size]
        if not rows:
            return 404, [("Content-Type", "text/plain")], b"No Captures found for: " + prefix.encode()
        lines = "".join(json.dumps(row.as_json()) + "\n" for row in rows)
        return 200, [("Content-Type", "text/x-ndjson")], lines.encode()

    def _cc_data(self, path: str, headers):
        name = path.lstrip("/")
        if name.endswith("warc.paths.gz"):
            month = name.removesuffix("/warc.paths.gz")
            if month not in self.ccnews_paths:
                return 404, [("Content-Type", "text/plain")], b"NoSuchKey"
            listing = "".join(p + "\n" for p in sorted(self.ccnews_paths[month]))
            return 200, [("Content-Type", "application/octet-stream")], gzip.compress(listing.encode(), mtime=0)
        data = self.files.get(name)
        if data is None:
            return 404, [("Content-Type", "text/plain")], b"NoSuchKey"
        ranged = re.fullmatch(r"bytes=(\d+)-(\d*)", (headers.get("Range") or "").strip())
        if not ranged:
            return 200, [("Content-Type", "application/octet-stream")], data
        start = int(ranged.group(1))
        end = min(int(ranged.group(2)) if ranged.group(2) else len(data) - 1, len(data) - 1)
        if start >= len(data):
            return 416, [("Content-Range", f"bytes */{len(data)}")], b""
        return 206, [("Content-Type", "application/octet-stream"),
                     ("Content-Range", f"bytes {start}-{end}/{len(data)}")], data[start : end + 1]

    def _wayback_cdx(self, params):
        values: dict[str, list[str]] = {}
        for name, value in params:
            values.setdefault(name, []).append(value)
        prefix = values["url"][0]
        if prefix.split("/")[0].removeprefix("www.") in self.garbage_cdx_hosts:
            return 200, [("Content-Type", "text/html")], b"<html><body>Wayback Machine is over capacity</body></html>"
        header = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]
        rows = []
        for page in self.wayback:
            row = [surt(page.url), ts14(page.captured_at), page.url,
                   next((v.split(";")[0] for k, v in page.headers if k.lower() == "content-type"), "text/html"),
                   "200" if page.fault == "index_says_200" else str(page.status),
                   b32sha1(b"not this payload") if page.fault == "digest_mismatch" else b32sha1(page.body),
                   str(len(page.body))]
            fields = dict(zip(header, row, strict=True))
            if not _under(page.url, prefix):
                continue
            if not _in_window(row[1], values.get("from", [None])[0], values.get("to", [None])[0]):
                continue
            if not all(_match_filter(fields.get(_filter_field(f), ""), f) for f in values.get("filter", [])):
                continue
            if values.get("collapse") == ["digest"] and rows and rows[-1][5] == row[5]:
                continue
            rows.append(row)
        start = int(base64.b64decode(values["resumeKey"][0]).decode()) if "resumeKey" in values else 0
        limit = int(values.get("limit", [len(rows) or 1])[0])
        chosen = rows[start : start + limit]
        answer: list = [header, *chosen]
        if values.get("showResumeKey") == ["true"] and start + limit < len(rows):
            answer += [[], [base64.b64encode(str(start + limit).encode()).decode()]]
        return 200, [("Content-Type", "application/json")], json.dumps(answer).encode()

    def _wayback_capture(self, path: str, query: str):
        match = re.fullmatch(r"/web/(\d{14})id_/(.+)", path)
        if not match:
            return 404, [("Content-Type", "text/plain")], b"not a capture URL"
        timestamp, original = match.group(1), match.group(2) + ("?" + query if query else "")
        original = re.sub(r"^(https?):/(?!/)", r"\1://", original)  # a path may lose one slash of "//"
        for page in self.wayback:
            if _same(page.url, original) and (ts14(page.captured_at) == timestamp or page.held_at == timestamp):
                if page.held_at and page.held_at != timestamp:
                    location = f"https://{WAYBACK}/web/{page.held_at}id_/{page.url}"
                    return 302, [("Location", location), ("Content-Type", "text/plain")], b""
                headers = [("x-archive-orig-" + k, v) for k, v in page.headers if k.lower() != "content-type"]
                headers += [(k, v) for k, v in page.headers if k.lower() == "content-type"]
                headers += [("Memento-Datetime", page.captured_at.strftime("%a, %d %b %Y %H:%M:%S GMT"))]
                if page.status != 200:
                    location = next((v for k, v in page.headers if k.lower() == "location"), "")
                    return page.status, [("Location", f"https://{WAYBACK}/web/{timestamp}id_/{location}")], b""
                return 200, headers, page.body
        return 404, [("Content-Type", "text/plain")], b"Wayback Machine has not archived that URL."


def _same(a: str, b: str) -> bool:
    def key(url: str) -> str:
        parts = urlsplit(url)
        return host_of(url) + unquote(parts.path).rstrip("/") + ("?" + parts.query if parts.query else "")

    return key(a) == key(b)


# --- the scenario the end-to-end tests read --------------------------------------------------------------------

RU = "https://tengrinews.kz"


def real(name: str) -> bytes:
    return (REAL / name).read_bytes()


def constructed_fixture(name: str) -> bytes:
    return (CONSTRUCTED / name).read_bytes()


RELATIVE_DATE_PAGE = """<!DOCTYPE html>
<!-- constructed (tests/tools/archive_server.py): an article whose only date is relative ("Вчера, 21:40"), in the
     markup of the real tengrinews articles; it resolves against the capture time, not the day of the crawl -->
<html lang="ru"><head><meta charset="utf-8"><title>Архивная новость с относительной датой</title></head>
<body><h1 class="head-single">Архивная новость с относительной датой</h1>
<div class="date-time">Вчера, 21:40</div>
<div class="content_main_text"><p>Этот текст собран для проверки: дата статьи указана относительно дня, когда
страницу сохранил архив, поэтому «вчера» означает день перед снимком, а не перед обходом.</p>
<p>Второй абзац нужен, чтобы текст был похож на новость и прошёл проверку длины тела статьи при сохранении.</p>
</div></body></html>""".encode()

REDIRECT_BODY = b"<html><body>Moved</body></html>"


def gzip_bomb(size: int) -> bytes:
    """A page that compresses to almost nothing and decompresses to `size` bytes (constructed)."""
    return b"<html><body>" + b"0" * size + b"</body></html>"


def other_host_page(host: str, number: int) -> Page:
    body = (f"<!-- constructed: a page of another site in CC-NEWS --><html><head><title>Other {number}</title></head>"
            f"<body><p>{'Lorem ipsum dolor sit amet. ' * 40}</p></body></html>").encode()
    return Page(f"https://{host}/news/{number}", utc("2024-04-08T11:00:00+00:00"), body,
                provenance="constructed: another host")


def _challenge() -> bytes:
    from tests.tools.chaos import CLOUDFLARE

    return CLOUDFLARE


ARTICLE_2185 = f"{RU}/article/ludomaniya-chemu-mogut-privesti-azartnyie-igryi-kak-2185/"
ARTICLE_2362 = f"{RU}/article/skolko-stoit-postroit-shkolu-v-astane-2362/"
NEWS_550643 = f"{RU}/kazakhstan_news/preduprejdaem-antikor-obratilsya-k-kazahstantsam-550643/"
NEWS_550644 = f"{RU}/kazakhstan_news/tokaev-kazahstan-gotov-uchastvovat-razrabotke-mestorojdeniy-550644/"
RELATIVE = f"{RU}/kazakhstan_news/arhivnaya-novost-s-otnositelnoy-datoy-550699/"
NUR_2086925 = ("https://www.nur.kz/politics/kazakhstan/2086925-bolshe-17-mlrd-tenge-hoteli-neratsionalno-potratit-na-"
               "borbu-s-pavodkami-v-kazahstane/")


@dataclass
class Scenario:
    server: ArchiveServer
    since: str
    until: str
    # canonical URL -> (capture time, source kind) of every article the crawl must store
    stored: dict[str, tuple[datetime, str]]
    # kznews/archive/{site}/dropped/{reason} -> count
    dropped: dict[str, int]


def canonical(url: str) -> str:
    from kznews.urls import canonicalize_url

    return canonicalize_url(url)


def tengrinews_scenario(*, bomb_size: int = 3 * 1024 * 1024) -> Scenario:
    """Common Crawl and Wayback copies of tengrinews.kz between 2024-04-01 and 2024-11-01, good and bad."""
    at = utc
    crawls = {
        "CC-MAIN-2024-15": [
            Page(ARTICLE_2185, at("2024-04-08T07:00:00+00:00"), real("article-2023-09-27-2185.html"),
                 provenance="real"),
            # a second capture of a URL already read in this run: not requested again
            Page(ARTICLE_2185, at("2024-04-10T07:00:00+00:00"), real("article-2023-09-27-2185.html"),
                 provenance="real"),
            # stored raw with its gzip content encoding, as recorded WARCs are
            Page(ARTICLE_2362, at("2024-04-08T07:05:00+00:00"), real("article-2024-03-18-2362.html"),
                 provenance="real", encoding="gzip"),
            Page(f"{RU}/article/", at("2024-04-08T07:10:00+00:00"), real("list-article-page1-2024-04-08.html"),
                 provenance="real"),
            Page(f"{RU}/tag/алматы/", at("2024-04-08T07:11:00+00:00"), real("tag-almaty-2023-01-10.html"),
                 provenance="real: a tag page, not one of the edition's lists"),
            Page(f"{RU}/kazakhstan_news/digest-broken-550700/", at("2024-04-08T07:20:00+00:00"),
                 constructed_fixture("ru-news-550643.html"), provenance="constructed", fault="digest_mismatch"),
            Page(f"{RU}/kazakhstan_news/cut-short-550701/", at("2024-04-08T07:21:00+00:00"),
                 constructed_fixture("ru-news-550644.html"), provenance="constructed", fault="truncated"),
            Page(f"{RU}/kazakhstan_news/old-address-550702/", at("2024-04-08T07:22:00+00:00"), REDIRECT_BODY,
                 status=301, headers=[("Content-Type", "text/html"), ("Location", NEWS_550643)],
                 provenance="constructed: a redirect", fault="index_says_200"),
            Page(f"{RU}/kazakhstan_news/challenged-550703/", at("2024-04-08T07:23:00+00:00"), _challenge(),
                 provenance="constructed: a Cloudflare challenge page (tests/tools/chaos.py)"),
            Page(f"{RU}/kazakhstan_news/bomb-550704/", at("2024-04-08T07:24:00+00:00"), gzip_bomb(bomb_size),
                 provenance="constructed: a gzip bomb"),
        ],
        "CC-MAIN-2024-42": [
            Page(f"{RU}/news/", at("2024-10-15T14:00:00+00:00"), real("news-2024-10-15.html"), provenance="real"),
            Page(f"{RU}/", at("2024-10-24T06:00:00+00:00"), real("home-2024-10-24-dom.html"), provenance="real"),
            Page(RELATIVE, at("2024-10-20T03:00:00+00:00"), RELATIVE_DATE_PAGE, provenance="constructed"),
        ],
    }
    collinfo = [
        {"id": "CC-MAIN-2024-42", "name": "October 2024 Index", "cdx-api": f"https://{CC_INDEX}/CC-MAIN-2024-42-index",
         "from": "2024-10-01T00:00:00", "to": "2024-10-31T23:59:59"},
        {"id": "CC-MAIN-2024-22", "name": "May 2024 Index", "cdx-api": f"https://{CC_INDEX}/CC-MAIN-2024-22-index",
         "from": "2024-05-15T00:00:00", "to": "2024-05-30T00:00:00"},
        {"id": "CC-MAIN-2024-15", "name": "April 2024 Index", "cdx-api": f"https://{CC_INDEX}/CC-MAIN-2024-15-index",
         "from": "2024-04-01T00:00:00", "to": "2024-04-15T00:00:00"},
        # older collinfo entries have no from/to: dated by their id (outside the window: never queried)
        {"id": "CC-MAIN-2019-35", "name": "August 2019 Index", "cdx-api": f"https://{CC_INDEX}/CC-MAIN-2019-35-index"},
    ]
    wayback = [
        Page(NEWS_550643, at("2024-10-15T15:00:00+00:00"), constructed_fixture("ru-news-550643.html"),
             provenance="constructed"),
        # listed at :00, held at :02: the capture URL redirects to the nearest capture
        Page(NEWS_550644, at("2024-10-15T15:30:00+00:00"), constructed_fixture("ru-news-550644.html"),
             provenance="constructed", held_at="20241015153002"),
        Page(f"{RU}/kazakhstan_news/blocked-550705/", at("2024-10-15T16:00:00+00:00"), _challenge(),
             provenance="constructed: a Cloudflare challenge page (tests/tools/chaos.py)"),
        Page(f"{RU}/kazakhstan_news/wrong-digest-550706/", at("2024-10-15T16:10:00+00:00"),
             constructed_fixture("ru-news-550643.html"), provenance="constructed", fault="digest_mismatch"),
    ]
    server = ArchiveServer(
        collinfo=collinfo,
        cc_crawls=crawls,
        garbage_indexes=("CC-MAIN-2024-22",),
        wayback=wayback,
        garbage_cdx_hosts=("en.tengrinews.kz",),
        cc_page_size=3,
        bursts={CC_DATA: 2, WAYBACK: 1},
    )
    stored = {
        canonical(ARTICLE_2185): (at("2024-04-08T07:00:00+00:00"), "commoncrawl"),
        canonical(ARTICLE_2362): (at("2024-04-08T07:05:00+00:00"), "commoncrawl"),
        canonical(RELATIVE): (at("2024-10-20T03:00:00+00:00"), "commoncrawl"),
        canonical(NEWS_550643): (at("2024-10-15T15:00:00+00:00"), "wayback"),
        canonical(NEWS_550644): (at("2024-10-15T15:30:02+00:00"), "wayback"),
    }
    dropped = {"digest_mismatch": 2, "truncated_member": 1, "redirect": 1, "challenge": 2, "too_large": 1}
    return Scenario(server, "2024-04-01T00:00:00+00:00", "2024-11-01T00:00:00+00:00", stored, dropped)


def ccnews_scenario() -> Scenario:
    """CC-NEWS files of April 2024 around the window [2024-04-08, 2024-04-10)."""
    at = utc
    base = "crawl-data/CC-NEWS/2024/04/CC-NEWS-{}-0000{}.warc.gz"
    stale = Page(ARTICLE_2362, at("2024-04-09T13:00:00+00:00"), real("article-2024-03-18-2362.html"),
                 provenance="real; stored decoded with a stale Content-Encoding header (CC-NEWS before 2019)",
                 encoding="stale-gzip")
    files = {
        base.format("20240407000000", 1): [other_host_page("example.org", 1),
                                            Page(NEWS_550643, at("2024-04-07T12:00:00+00:00"),
                                                 constructed_fixture("ru-news-550643.html"),
                                                 provenance="constructed: before the window")],
        base.format("20240408000000", 2): [
            other_host_page("example.org", 2),
            Page(ARTICLE_2185, at("2024-04-08T10:00:00+00:00"), real("article-2023-09-27-2185.html"),
                 provenance="real"),
            other_host_page("news.example.com", 3),
            Page(f"{RU}/kazakhstan_news/challenged-550703/", at("2024-04-08T11:00:00+00:00"), _challenge(),
                 provenance="constructed: a challenge page"),
            other_host_page("example.org", 4),
        ],
        base.format("20240409120000", 3): [
            stale,
            other_host_page("example.org", 5),
            Page(NEWS_550644, at("2024-04-10T01:00:00+00:00"), constructed_fixture("ru-news-550644.html"),
                 provenance="constructed: after the window"),
            Page(RELATIVE, at("2024-04-09T20:00:00+00:00"), RELATIVE_DATE_PAGE, provenance="constructed",
                 fault="truncated"),
        ],
        base.format("20240410000000", 4): [other_host_page("example.org", 6)],
        # another site of the registry (for `python -m kznews ccnews`, which reads the files once for all sites)
        base.format("20240418000000", 5): [
            other_host_page("example.org", 7),
            Page(NUR_2086925, at("2024-04-18T07:00:00+00:00"),
                 (ROOT / "tests" / "fixtures" / "sites" / "nur" / "ru-politics-2086925-2024.html").read_bytes(),
                 provenance="constructed (tests/fixtures/sites/nur)"),
        ],
    }
    server = ArchiveServer(ccnews=files)
    stored = {
        canonical(ARTICLE_2185): (at("2024-04-08T10:00:00+00:00"), "commoncrawl"),
        canonical(ARTICLE_2362): (at("2024-04-09T13:00:00+00:00"), "commoncrawl"),
    }
    dropped = {"challenge": 1, "truncated_member": 1}
    return Scenario(server, "2024-04-08T00:00:00+00:00", "2024-04-10T00:00:00+00:00", stored, dropped)


def decompress_member(data: bytes) -> bytes:
    return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data)


OLD_LAYOUT_PAGE = """<!DOCTYPE html>
<!-- constructed (tests/tools/archive_server.py): an article in a markup none of the site's layouts knows (as after
     a redesign, or in an old year), so extraction falls back to structured data and heuristics -->
<html lang="ru"><head><meta charset="utf-8"><title>Старая вёрстка: новость 2019 года - Tengrinews.kz</title></head>
<body><div class="old-news"><h1 class="old-title">Старая вёрстка: новость 2019 года</h1>
<span class="old-date">14 июня 2019, 10:20</span>
<div class="old-text"><p>Этот абзац собран для проверки аудита: вёрстка страницы не совпадает ни с одной из известных,
и поля статьи приходят из общих эвристик, а не из селекторов сайта.</p>
<p>Второй абзац делает текст достаточно длинным, чтобы тело статьи набрало больше двухсот знаков и было похоже на
настоящую новость.</p></div></div></body></html>""".encode()


def audit_scenario() -> Scenario:
    """Wayback captures of tengrinews.kz over several years (and one Common Crawl crawl), for the layout audit."""
    at = utc
    wayback = [
        Page(f"{RU}/kazakhstan_news/staraya-verstka-novost-2019-goda-370001/", at("2019-06-14T08:00:00+00:00"),
             OLD_LAYOUT_PAGE, provenance="constructed: an old layout"),
        Page(f"{RU}/tag/алматы/", at("2023-01-10T14:00:00+00:00"), real("tag-almaty-2023-01-10.html"),
             provenance="real: a tag page (not sampled: not one of the edition's lists)"),
        Page(ARTICLE_2185, at("2023-09-28T04:00:00+00:00"), real("article-2023-09-27-2185.html"), provenance="real"),
        Page(ARTICLE_2362, at("2024-03-19T04:00:00+00:00"), real("article-2024-03-18-2362.html"), provenance="real"),
        Page(f"{RU}/article/", at("2024-04-08T07:10:00+00:00"), real("list-article-page1-2024-04-08.html"),
             provenance="real"),
        Page(ARTICLE_2185, at("2023-09-29T07:00:00+00:00"), real("article-2023-09-27-2185.html"),
             provenance="real: a second capture in the month, sampled once"),
        Page(f"{RU}/news/", at("2024-10-15T14:00:00+00:00"), real("news-2024-10-15.html"), provenance="real"),
        Page(f"{RU}/", at("2024-10-24T06:00:00+00:00"), real("home-2024-10-24-dom.html"), provenance="real"),
        Page(NEWS_550643, at("2024-10-15T15:00:00+00:00"), constructed_fixture("ru-news-550643.html"),
             provenance="constructed"),
        Page(NEWS_550644, at("2024-10-15T15:30:00+00:00"), constructed_fixture("ru-news-550644.html"),
             provenance="constructed"),
        Page(f"{RU}/kazakhstan_news/blocked-550705/", at("2024-10-16T16:00:00+00:00"), _challenge(),
             provenance="constructed: a Cloudflare challenge page (tests/tools/chaos.py)"),
    ]
    crawls = {"CC-MAIN-2024-42": [
        Page(RELATIVE, at("2024-10-20T03:00:00+00:00"), RELATIVE_DATE_PAGE, provenance="constructed"),
    ]}
    collinfo = [{"id": "CC-MAIN-2024-42", "cdx-api": f"https://{CC_INDEX}/CC-MAIN-2024-42-index",
                 "from": "2024-10-01T00:00:00", "to": "2024-10-31T23:59:59"}]
    server = ArchiveServer(collinfo=collinfo, cc_crawls=crawls, wayback=wayback)
    return Scenario(server, "2019", "2024", {}, {"challenge": 1})
