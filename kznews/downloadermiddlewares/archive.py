"""The downloader middleware that turns an archive's answer into the response the site once gave.

A request for an archived page (request.meta[ARCHIVE_META], made by kznews.spiders.archive) goes to the archive:
a Range request for one gzip member of a Common Crawl WARC file, or a Wayback Machine `id_` capture. On the way
back, this middleware (priority 588: after redirects and decompression, before encoding repair, challenge
detection and retries) reads the record (kznews.archives.records) and hands on an HtmlResponse with the original
URL, status, headers and body; `fetched_at` becomes the capture time, so relative dates resolve against the day of
the capture. From there the page takes the path of a live one: encoding repair, then the spider's callbacks.

What never reaches the callbacks, each a counted drop (`kznews/archive/{site}/dropped/{reason}`):
a member that is cut short or corrupt, a record larger than KZNEWS_ARCHIVE_RECORD_MAXSIZE, another record than the
index said, a digest that does not match, a payload the archive truncated, a redirect or another status than 200,
a challenge page (captured by the archive: not retried, the site is not blocking us), a Range request answered
with the whole file. The archive's own 429/5xx answers are passed on as plain responses (so they are not taken
for the site's challenge pages) to kznews.downloadermiddlewares.retry, which backs off (Retry-After honoured, per archive slot).
"""

from __future__ import annotations

import logging

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes
from w3lib.url import canonicalize_url

from kznews import stats as keys
from kznews.archives import (
    ARCHIVE_META,
    ARCHIVED_FLAG,
    COMMONCRAWL,
    SLOT_PREFIX,
    WAYBACK,
    count_drop,
    setting,
)
from kznews.archives.cdx import parse_timestamp, parse_wayback_capture_url
from kznews.archives.records import (
    ArchivedResponse,
    RecordError,
    gunzip_member,
    problem,
    read_warc_record,
    wayback_response,
)

logger = logging.getLogger(__name__)

SLOWDOWN_STATUSES = frozenset({429, 500, 502, 503, 504})


def build_response(archived: ArchivedResponse, url: str, request) -> Response:
    """The site's archived response, for the spider: the original URL, headers and body; status 200."""
    headers = Headers()
    for name, value in archived.headers:
        headers.appendlist(name, value)
    response_class = responsetypes.from_args(headers=headers, url=url, body=archived.body)
    request.meta["fetched_at"] = archived.captured_at
    return response_class(
        url=url, status=archived.status, headers=headers, body=archived.body, request=request, flags=[ARCHIVED_FLAG]
    )


def read_commoncrawl(body: bytes, status: int, capture: dict, limit: int) -> ArchivedResponse:
    length = capture.get("length") or len(body)
    if status == 200 and len(body) != length:
        raise RecordError("range_ignored", "the data server answered the whole file instead of the range")
    if len(body) < length:
        raise RecordError("truncated_member", f"{len(body)} of {length} bytes of the record arrived")
    raw, _ = gunzip_member(body[:length], limit)
    return read_warc_record(raw, limit)


def read_wayback(response, capture: dict) -> ArchivedResponse:
    moved = parse_wayback_capture_url(response.url)
    timestamp = moved[0] if moved else capture["timestamp"]
    headers = [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in response.headers.items()
        for value in values
    ]
    return wayback_response(capture["url"], parse_timestamp(timestamp), 200, headers, response.body)


class ArchiveRecordMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.limit = setting(crawler.settings, "KZNEWS_ARCHIVE_RECORD_MAXSIZE")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @property
    def site(self) -> str:
        return self.crawler.spider.name if self.crawler.spider else "unknown"

    def drop(self, capture: dict, reason: str, detail: str = ""):
        count_drop(self.stats, self.site, capture["archive"], reason)
        logger.info("archived %s (%s %s) dropped: %s %s", capture["url"], capture["archive"],
                    capture.get("collection") or capture["timestamp"], reason, detail)
        raise IgnoreRequest(f"archived page dropped ({reason}): {capture['url']}")

    def process_response(self, request, response):
        slot = request.meta.get("download_slot") or ""
        if ARCHIVED_FLAG in response.flags or not slot.startswith(SLOT_PREFIX):
            return response
        status = response.status
        if status in SLOWDOWN_STATUSES:
            # The archive asks us to slow down: kznews.downloadermiddlewares.retry waits (Retry-After honoured) and tries again. A
            # plain Response is never taken for a challenge page of the site by kznews.blocking.
            self.stats.inc_value(keys.ARCHIVE(scope=slot[len(SLOT_PREFIX):].split("-")[0], count="slowdowns"))
            if type(response) is Response:
                return response
            return Response(url=response.url, status=status, headers=response.headers, body=response.body,
                            flags=response.flags, request=request, ip_address=response.ip_address,
                            protocol=response.protocol)
        capture = request.meta.get(ARCHIVE_META)
        if capture is None:
            return response
        archive = capture["archive"]
        if archive == WAYBACK and 300 <= status < 400:
            return self._wayback_redirect(request, response, capture)
        if status not in (200, 206):
            self.drop(capture, f"http_{status}")
        try:
            if archive == COMMONCRAWL:
                archived = read_commoncrawl(response.body, status, capture, self.limit)
                reason = problem(archived, expected_url=capture["url"], index_digest=capture.get("digest"))
            else:
                archived = read_wayback(response, capture)
                reason = problem(archived, index_digest=capture.get("digest"))
        except RecordError as error:
            self.drop(capture, error.reason, str(error))
        if reason:
            self.drop(capture, reason)
        for note in archived.notes:
            self.stats.inc_value(keys.ARCHIVE_NOTES(site=self.site, note=note))
        self.stats.inc_value(keys.ARCHIVE_PAGES(site=self.site, archive=archive, count="pages"))
        return build_response(archived, capture["url"], request)

    def _wayback_redirect(self, request, response, capture: dict):
        """The Wayback Machine answers a timestamp it does not hold exactly with a redirect to the nearest capture
        of the same URL: followed. A redirect to another URL is an archived redirect: dropped."""
        location = response.headers.get(b"Location", b"").decode("latin-1")
        moved = parse_wayback_capture_url(response.urljoin(location)) if location else None
        if moved and _same_url(moved[1], capture["url"]) and moved[0] != capture["timestamp"]:
            self.stats.inc_value(keys.ARCHIVE(scope=WAYBACK, count="moved_to_nearest"))
            follow = request.replace(url=response.urljoin(location))
            follow.meta[ARCHIVE_META] = {**capture, "timestamp": moved[0]}
            return follow
        self.drop(capture, "redirect", location)
        return None


def _same_url(a: str, b: str) -> bool:
    def key(url: str) -> str:
        url = url.split("://", 1)[-1]  # archived http:// and https:// copies are one page
        return canonicalize_url("http://" + url, keep_fragments=False).rstrip("/")

    return key(a) == key(b)
