"""`-a source=archive`: every site spider reads the site's pages from public web archives instead of the site.

    scrapy crawl tengrinews -a source=archive -a since=2019-01-01 -a until=2020-01-01
    scrapy crawl tengrinews -a source=archive -a archives=wayback -a since=2019-03-01 -a until=2019-04-01
    python -m kznews crawl --sites tengrinews,nur -a source=archive -a since=2021-01-01 -a until=2021-02-01
    scrapy crawl tengrinews -a source=archive -a archives=ccnews -a since=2024-03-01 -a until=2024-03-08
    (for CC-NEWS and several sites, `python -m kznews ccnews` reads each file once: kznews.cli.ccnews)

Why spider arguments and not a separate command: the archived page must take exactly the path of a live one (the
same callbacks, encoding repair, pipelines, known-URL skipping, JOBDIR, monitors and stats), and a site's spider
already is that path; the archive only changes where the responses come from. So `ArchiveSourceMixin` (placed
before NewsSpider in every generated site spider) replaces the start requests by the archives' indexes and sends
each capture to the spider's own `parse_article` / `parse_list`:

- commoncrawl: collinfo.json -> the crawls overlapping [since, until) -> per crawl and edition (host and path
  prefix, and those of its archived forms) the index query
  (showNumPages, then page=0..N-1 one after the other) -> a Range request per capture on the data server;
- wayback: per edition the CDX query, paged with its resume key -> the `id_` capture of each;
- ccnews: the month's warc.paths.gz -> the files of the window, read in Range pieces (kznews.archives.ccnews),
  keeping the responses of the site's hosts captured inside the window.

Article captures are requested (one capture per URL per run: the first the index lists, which is the earliest in
the window); so are captures of the edition's list pages (page one of each list source: their layouts are checked
and counted like live ones; their links are not followed, since the indexes list the articles themselves).
`fetched_at` is the capture time and each item records `source` (kind, crawl or capture id, digest). A URL already
stored with a fetch time inside the window (or within KZNEWS_KNOWN_DAYS) is not requested again, as in incremental
runs (an index page's captures are looked up together, in a lookup thread: look_up_claims). Requests go to per-archive download slots (concurrency KZNEWS_ARCHIVE_CONCURRENCY, KZNEWS_ARCHIVE_DELAYS)
and are retried KZNEWS_ARCHIVE_RETRY_TIMES with back-off, Retry-After honoured.
"""

from __future__ import annotations

import logging
import re
from dataclasses import asdict
from datetime import UTC, datetime
from urllib.parse import urlsplit

import scrapy

from kznews import stats as keys
from kznews.archives import (
    ARCHIVE_META,
    CCNEWS,
    COMMONCRAWL,
    SLOTS,
    WAYBACK,
    cdx,
    count_drop,
    parse_archives,
    setting,
)
from kznews.archives.ccnews import (
    files_in_window,
    months,
    parse_paths,
    paths_url,
    resync,
    scan_members,
    warc_head,
)
from kznews.archives.records import RecordError, problem, read_warc_record
from kznews.downloadermiddlewares.archive import build_response
from kznews.items import Article
from kznews.safety import bounded_gunzip
from kznews.sites.base import Edition, ListSource
from kznews.spiders.engine import ARTICLE_PRIORITY
from kznews.urls import canonicalize_url, url_key

logger = logging.getLogger(__name__)

INDEX_MAXSIZE = 64 * 1024 * 1024  # a Common Crawl index page is up to 15,000 lines of JSON
_CONTENT_RANGE_TOTAL = re.compile(r"/\s*(\d+)\s*$")


def _trimmed_path(path: str) -> str:
    return path.rstrip("/") or "/"


def list_source_for(url: str, edition: Edition) -> tuple[ListSource, int] | None:
    """The edition's list source a URL is a page of, and the page number."""
    parts = urlsplit(url)
    path = _trimmed_path(parts.path or "/") + ("?" + parts.query if parts.query else "")
    for source in edition.lists:
        first = urlsplit(edition.absolute(source.path))
        if path == _trimmed_path(first.path or "/") + ("?" + first.query if first.query else ""):
            return source, 1
        if source.page:
            template = urlsplit(edition.absolute(source.page))
            pattern = re.escape(_trimmed_path(template.path) + ("?" + template.query if template.query else ""))
            match = re.fullmatch(pattern.replace(re.escape("{n}"), r"(\d+)"), path)
            if match:
                return source, int(match.group(1))
    return None


def archive_targets(editions) -> list[str]:
    """What to ask the indexes for: `host/path-prefix/` of each edition, and of the places its older pages live
    (Edition.url_prefixes, where the site definition has them), without prefixes another one already covers."""
    targets = []
    for edition in editions:
        pairs = getattr(edition, "url_prefixes", None) or ((edition.host, edition.path_prefix),)
        for host, prefix in pairs:
            targets.append(host.lower() + "/" + (prefix or "/").lstrip("/"))
    targets = list(dict.fromkeys(targets))
    return [t for t in targets if not any(t != other and t.startswith(other) for other in targets)]


class ArchiveRequests:
    """What every archive reader shares: the archive settings, requests to the archive slots, counters."""

    def load_archive_settings(self, settings) -> None:
        self.cc_index = setting(settings, "KZNEWS_CC_INDEX")
        self.cc_data = setting(settings, "KZNEWS_CC_DATA")
        self.wayback = setting(settings, "KZNEWS_WAYBACK")
        self.archive_retry_times = setting(settings, "KZNEWS_ARCHIVE_RETRY_TIMES")
        self.record_limit = setting(settings, "KZNEWS_ARCHIVE_RECORD_MAXSIZE")
        self.archive_lists = setting(settings, "KZNEWS_ARCHIVE_LISTS")
        self.ccnews_chunk = setting(settings, "KZNEWS_CCNEWS_CHUNK")
        self.ccnews_max_chunk = max(self.ccnews_chunk, setting(settings, "KZNEWS_CCNEWS_MAX_CHUNK"))

    def _archive_request(self, url: str, slot: str, callback, *, cb_kwargs=None, priority: int = 0, **meta):
        return scrapy.Request(
            url,
            callback=callback,
            cb_kwargs=cb_kwargs or {},
            priority=priority,
            meta={
                "download_slot": SLOTS[slot],
                "max_retry_times": self.archive_retry_times,
                "autothrottle_dont_adjust_delay": True,  # the archives' pace is set by KZNEWS_ARCHIVE_DELAYS
                "download_maxsize": INDEX_MAXSIZE,
                **meta,
            },
        )

    def _count(self, scope: str, count: str, value: int = 1) -> None:
        self.crawler.stats.inc_value(keys.ARCHIVE(scope=scope, count=count), value)

    def _count_site(self, archive: str, count: str, value: int = 1) -> None:
        self.crawler.stats.inc_value(keys.ARCHIVE_PAGES(site=self.name, archive=archive, count=count), value)

    def _drop(self, site: str, archive: str, reason: str) -> None:
        if site == archive:  # the all-sites CC-NEWS reader, before a record's site is known
            self.crawler.stats.inc_value(keys.ARCHIVE_DROPPED(scope=archive, reason=reason))
        else:
            count_drop(self.crawler.stats, site, archive, reason)

    def _bad_index(self, archive: str, response, error: Exception) -> None:
        self._count(archive, "bad_index")
        logger.warning("%s: unreadable %s index answer from %s: %s", self.name, archive, response.url, error)


class CCNewsReader(ArchiveRequests):
    """Reads the CC-NEWS files of the window [since, until) in Range pieces (kznews.archives.ccnews) and hands each
    response record of a wanted host to the spider that owns the host (`ccnews_target`): the site spider itself
    with `-a archives=ccnews`, or one of the site spiders of `python -m kznews ccnews` (kznews.cli.ccnews),
    which reads every file once for all the sites it is given."""

    def ccnews_target(self, host: str):
        """The spider whose site has this host, or None."""
        raise NotImplementedError

    def ccnews_requests(self):
        for year, month in months(self.since, self.until):
            yield self._archive_request(
                paths_url(self.cc_data, year, month), "commoncrawl-data", self.parse_ccnews_paths,
                cb_kwargs={"year": year, "month": month},
            )

    def parse_ccnews_paths(self, response, year: int, month: int):
        try:
            text = bounded_gunzip(response.body, 16 * 1024 * 1024).decode("utf-8", "replace")
        except (OSError, EOFError) as error:
            self._bad_index(CCNEWS, response, error)
            return
        paths = files_in_window(parse_paths(text), self.since, self.until)
        self._count(CCNEWS, "files", len(paths))
        logger.info("%s: %d CC-NEWS files of %04d-%02d hold the window", self.name, len(paths), year, month)
        for path in paths:
            yield self._ccnews_chunk_request(path, 0, self.ccnews_chunk)

    def _ccnews_chunk_request(self, path: str, offset: int, size: int):
        url = f"{cdx.cc_data_url(self.cc_data, path)}#{offset}-{size}"  # the Range, for fingerprints
        request = self._archive_request(
            url, "commoncrawl-data", self.parse_ccnews_chunk, cb_kwargs={"path": path, "offset": offset, "size": size},
            verbatim_url=True, download_maxsize=size + 4096,
        )
        request.headers["Range"] = f"bytes={offset}-{offset + size - 1}"
        request.headers["Accept-Encoding"] = "identity"
        return request

    def _ccnews_wanted(self, head: bytes) -> bool:
        fields = warc_head(head)
        if fields.get("warc-type") != "response":
            return False
        return self.ccnews_target(urlsplit(fields.get("warc-target-uri", "")).hostname or "") is not None

    async def parse_ccnews_chunk(self, response, path: str, offset: int, size: int):
        body = response.body
        if response.status == 200 and offset > 0:
            self._drop(self.name, CCNEWS, "range_ignored")
            return
        match = _CONTENT_RANGE_TOTAL.search(response.headers.get(b"Content-Range", b"").decode("latin-1"))
        total = int(match.group(1)) if match else (len(body) if response.status == 200 else None)
        at_end = len(body) < size or (total is not None and offset + len(body) >= total)
        scan = scan_members(body, offset, self._ccnews_wanted, self.record_limit)
        self._count(CCNEWS, "members", len(scan.members))
        self._count(CCNEWS, "bytes", scan.consumed)
        for member in scan.members:
            if member.record is None:
                if member.skipped == "too_large":
                    self._drop(self.name, CCNEWS, "too_large")
                continue
            async for output in self._ccnews_record(member, path):
                yield output
        next_offset, next_size = offset + scan.consumed, self.ccnews_chunk
        if scan.corrupt_at is not None:  # a member that does not decompress: go on at the next record
            self._drop(self.name, CCNEWS, "corrupt_member")
            found = resync(body, scan.corrupt_at + 1)
            next_offset = offset + (found if found is not None else max(scan.corrupt_at + 1, len(body) - 2))
        elif at_end and scan.consumed < len(body):  # the file ends inside a member
            self._drop(self.name, CCNEWS, "truncated_member")
            next_offset = offset + len(body)
        elif scan.consumed == 0 and size < self.ccnews_max_chunk:
            next_size = min(size * 2, self.ccnews_max_chunk)  # one member is longer than the piece
        elif scan.consumed == 0:  # longer than the longest piece: skipped
            self._drop(self.name, CCNEWS, "too_large")
            found = resync(body, 1)
            next_offset = offset + (found if found is not None else len(body) - 2)
        if at_end and next_offset >= offset + len(body):
            self._count(CCNEWS, "files_read")
            return
        yield self._ccnews_chunk_request(path, next_offset, next_size)

    async def _ccnews_record(self, member, path: str):
        """One wanted record, handed to the spider of its site as the response the site once gave."""
        try:
            archived = read_warc_record(member.record, self.record_limit)
        except RecordError as error:
            self._drop(self.name, CCNEWS, error.reason)
            return
        target = self.ccnews_target(urlsplit(archived.url).hostname or "")
        if target is None:
            return
        stats, site = self.crawler.stats, target.name
        if not (self.since <= archived.captured_at < self.until):
            self.crawler.stats.inc_value(keys.ARCHIVE_PAGES(site=site, archive=CCNEWS, count="outside_window"))
            return
        reason = problem(archived)
        if reason:
            self._drop(site, CCNEWS, reason)
            logger.info("archived %s (CC-NEWS %s@%d) dropped: %s", archived.url, path, member.offset, reason)
            return
        canonicals = await target.look_up_claims([archived.url])  # off the reactor's thread, as an index page's
        page = target._claim(archived.url, CCNEWS, canonicals.get(archived.url))
        if page is None:
            return
        edition, kind, source, number = page
        capture = cdx.Capture(
            archive=COMMONCRAWL, url=archived.url, timestamp=cdx.timestamp14(archived.captured_at),
            digest=archived.declared_digest, collection="CC-NEWS", filename=path, offset=member.offset,
            length=member.length,
        )
        request = scrapy.Request(archived.url, meta={ARCHIVE_META: asdict(capture)}, dont_filter=True)
        response = self._encoding.process_response(request, build_response(archived, archived.url, request))
        for note in archived.notes:
            stats.inc_value(keys.ARCHIVE_NOTES(site=site, note=note))
        stats.inc_value(keys.ARCHIVE_PAGES(site=site, archive=CCNEWS, count="pages"))
        if kind == "article":
            for output in target.parse_article(response, edition.key, {}):
                yield output
        else:
            async for output in target.parse_archived_list(response, edition.key, source.path, number):
                yield output

    @property
    def _encoding(self):
        if not hasattr(self, "_encoding_middleware"):
            from kznews.downloadermiddlewares.encoding import EncodingMiddleware

            self._encoding_middleware = EncodingMiddleware(self.crawler)
        return self._encoding_middleware


class ArchiveSourceMixin(CCNewsReader):
    """Spider arguments `source=site|archive` and `archives=commoncrawl,wayback,ccnews` (see the module)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # checked with the other spider arguments (kznews.spiders.arguments): source=archive has a `since`
        self.source = self.arguments.source
        self.archive_mode = self.source == "archive"
        self.archives: list[str] = list(self.arguments.archives)

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.archive_mode:
            settings = crawler.settings
            spider.archives = spider.archives or parse_archives(setting(settings, "KZNEWS_ARCHIVES"))
            spider.until = spider.until or datetime.now(UTC)
            spider.load_archive_settings(settings)
            spider.archive_targets = archive_targets(spider.editions)
            hosts = {target.split("/", 1)[0] for target in spider.archive_targets}
            spider.ccnews_hosts = hosts | {alias for alias, host in spider.site.host_aliases.items() if host in hosts}
        return spider

    # --- start --------------------------------------------------------------------------------------------

    async def start(self):
        if not self.archive_mode:
            async for request in super().start():
                yield request
            return
        await self.load_known()
        logger.info("%s: reading %s from %s to %s", self.name, ",".join(self.archives), self.since.isoformat(),
                    self.until.isoformat())
        for request in self.archive_start_requests():
            yield request

    def ccnews_target(self, host: str):
        return self if host.lower() in self.ccnews_hosts else None

    def known_fetched_since(self) -> datetime:
        """Archived runs also skip what is stored with a fetch time inside their window (see the module)."""
        since = super().known_fetched_since()
        return min(since, self.since) if self.archive_mode else since

    def archive_start_requests(self):
        if COMMONCRAWL in self.archives:
            yield self._archive_request(f"{self.cc_index}/collinfo.json", "commoncrawl-index", self.parse_cc_collinfo)
        if WAYBACK in self.archives:
            for target in self.archive_targets:
                yield self._wayback_cdx_request(target, None)
        if CCNEWS in self.archives:
            yield from self.ccnews_requests()

    def parse_cc_collinfo(self, response):
        try:
            crawls = cdx.parse_collinfo(response.body)
        except cdx.IndexAnswerError as error:
            self._bad_index(COMMONCRAWL, response, error)
            return
        chosen = cdx.crawls_overlapping(crawls, self.since, self.until)
        self._count(COMMONCRAWL, "crawls", len(chosen))
        logger.info("%s: %d of %d Common Crawl crawls overlap the window: %s", self.name, len(chosen), len(crawls),
                    ", ".join(c.id for c in chosen))
        for crawl in chosen:
            for target in self.archive_targets:
                url = cdx.cc_index_query(self.cc_index, crawl.id, target, self.since, self.until, num_pages=True)
                yield self._archive_request(
                    url, "commoncrawl-index", self.parse_cc_num_pages, cb_kwargs={"crawl": crawl.id, "target": target},
                    handle_httpstatus_list=[404],
                )

    def parse_cc_num_pages(self, response, crawl: str, target: str):
        if response.status == 404:  # pywb's answer to a query without captures
            self._count(COMMONCRAWL, "no_captures")
            return
        try:
            pages = cdx.parse_cc_num_pages(response.body)
        except cdx.IndexAnswerError as error:
            self._bad_index(COMMONCRAWL, response, error)
            return
        if pages:
            yield self._cc_index_page(crawl, target, 0, pages)
        else:
            self._count(COMMONCRAWL, "no_captures")

    def _cc_index_page(self, crawl: str, target: str, page: int, pages: int):
        url = cdx.cc_index_query(self.cc_index, crawl, target, self.since, self.until, page=page)
        return self._archive_request(
            url, "commoncrawl-index", self.parse_cc_index,
            cb_kwargs={"crawl": crawl, "target": target, "page": page, "pages": pages}, handle_httpstatus_list=[404],
        )

    async def parse_cc_index(self, response, crawl: str, target: str, page: int, pages: int):
        # Pages are read one after the other: the records of a page are queued before the next page is asked
        # for, so the queue holds about one page of captures, and the index server sees one query at a time.
        if page + 1 < pages:
            yield self._cc_index_page(crawl, target, page + 1, pages)
        if response.status == 404:
            self._count(COMMONCRAWL, "no_captures")
            return
        try:
            captures, bad = cdx.parse_cc_index(response.body, crawl)
        except cdx.IndexAnswerError as error:
            self._bad_index(COMMONCRAWL, response, error)
            return
        self._count(COMMONCRAWL, "index_pages")
        self._count(COMMONCRAWL, "captures", len(captures))
        if bad:
            self._count(COMMONCRAWL, "bad_index_lines", bad)
        canonicals = await self.look_up_claims(capture.url for capture in captures)
        for capture in captures:
            request = self.capture_request(capture, canonical=canonicals.get(capture.url))
            if request is not None:
                yield request

    # --- the Wayback Machine's CDX ---------------------------------------------------------------------------

    def _wayback_cdx_request(self, target: str, resume_key: str | None):
        url = cdx.wayback_cdx_query(
            self.wayback, target, self.since, self.until,
            limit=setting(self.settings, "KZNEWS_WAYBACK_PAGE_SIZE"),
            resume_key=resume_key,
            collapse=setting(self.settings, "KZNEWS_WAYBACK_COLLAPSE") or None,
        )
        return self._archive_request(url, "wayback-cdx", self.parse_wayback_cdx, cb_kwargs={"target": target})

    async def parse_wayback_cdx(self, response, target: str):
        try:
            captures, resume_key, bad = cdx.parse_wayback_cdx(response.body)
        except cdx.IndexAnswerError as error:
            self._bad_index(WAYBACK, response, error)
            return
        self._count(WAYBACK, "index_pages")
        self._count(WAYBACK, "captures", len(captures))
        if bad:
            self._count(WAYBACK, "bad_index_lines", bad)
        if resume_key:
            yield self._wayback_cdx_request(target, resume_key)
        canonicals = await self.look_up_claims(capture.url for capture in captures)
        for capture in captures:
            request = self.capture_request(capture, canonical=canonicals.get(capture.url))
            if request is not None:
                yield request

    # --- captures ------------------------------------------------------------------------------------------

    def archive_page(self, url: str) -> tuple[Edition, str, ListSource | None, int] | None:
        """(edition, "article" or "list", list source, page) of a captured URL, or None for other pages."""
        edition = self.site.edition_for_url(url)
        if edition is None or edition not in self.editions:  # another site, or an edition not asked for (lang=)
            return None
        if self.site.is_article_url(url):
            return edition, "article", None, 0
        found = list_source_for(url, edition)
        if found is None:
            return None
        return edition, "list", found[0], found[1]

    def readable_page(self, url: str) -> tuple[Edition, str, ListSource | None, int] | None:
        """archive_page(url) when the run reads such pages: an article, or page one of a list."""
        page = self.archive_page(url)
        if page is None or (page[1] == "list" and (not self.archive_lists or page[3] != 1)):
            return None
        return page

    async def look_up_claims(self, urls) -> dict[str, str]:
        """The canonical URLs of those of these captured URLs that _claim may read (see readable_page; not
        requested yet in this run), after looking them up in the database in one query in a lookup thread
        (look_up_known), so that _claim finds them looked up and queries nothing on the reactor's thread."""
        canonicals: dict[str, str] = {}
        for url in urls:
            if url not in canonicals and self.readable_page(url) is not None:
                canonicals[url] = canonicalize_url(url, self.site.host_aliases)
        await self.look_up_known(c for c in canonicals.values() if url_key(c) not in self.requested)
        return canonicals

    def _claim(self, url: str, archive: str, canonical: str | None = None) -> tuple | None:
        """The page a capture is (see archive_page) if this run should read it: a page of the site, an article or
        a list page one, not read yet in this run, not stored already. `canonical`: the URL's canonical form,
        when the caller has it already (look_up_claims)."""
        page = self.readable_page(url)
        if page is None:
            self._count_site(archive, "other_pages")
            return None
        canonical = canonical or canonicalize_url(url, self.site.host_aliases)
        key = url_key(canonical)
        if key in self.requested:
            self._count_site(archive, "more_captures")  # another capture of a URL this run reads
            return None
        if self._stored(canonical, None):
            self.crawler.stats.inc_value(keys.KNOWN(site=self.name, count="skipped"))
            return None
        self.requested.add(key)
        return page

    def capture_request(self, capture: cdx.Capture, *, page=None, canonical: str | None = None
                        ) -> scrapy.Request | None:
        """The request for one capture, with the spider's own callback; None when it is not read (see _claim)."""
        page = page or self._claim(capture.url, capture.archive, canonical)
        if page is None:
            return None
        edition, kind, source, number = page
        meta = {ARCHIVE_META: asdict(capture), "dont_redirect": True}
        if capture.archive == COMMONCRAWL:
            # One URL per WARC file, one Range per record: the fragment (never sent) keeps the fingerprints of the
            # records of one file apart, for the duplicate filter and the JOBDIR journal.
            url = f"{cdx.cc_data_url(self.cc_data, capture.filename)}#{capture.offset}-{capture.length}"
            request = self._archive_request(
                url, "commoncrawl-data", None, priority=ARTICLE_PRIORITY, verbatim_url=True,
                download_maxsize=capture.length + 4096, **meta,
            )
            request.headers["Range"] = f"bytes={capture.offset}-{capture.offset + capture.length - 1}"
            request.headers["Accept-Encoding"] = "identity"
        else:
            url = cdx.wayback_capture_url(self.wayback, capture.timestamp, capture.url)
            request = self._archive_request(url, "wayback", None, priority=ARTICLE_PRIORITY, **meta)
            request.meta["download_maxsize"] = self.settings.getint("DOWNLOAD_MAXSIZE")
        if kind == "article":
            return request.replace(callback=self.parse_article, cb_kwargs={"edition": edition.key, "hint": {}})
        return request.replace(
            callback=self.parse_archived_list,
            cb_kwargs={"edition": edition.key, "source_path": source.path, "page": number},
        )

    # --- callbacks: the spider's own, with provenance ------------------------------------------------------

    def document_source(self, response) -> dict:
        """Where a stored document came from (the `source` field)."""
        capture = response.meta.get(ARCHIVE_META) if response.request is not None else None
        if not capture:
            return {"kind": "site"}
        archive = capture["archive"]
        digest = capture.get("digest")
        if digest and ":" not in digest:
            digest = "sha1:" + digest
        if archive == WAYBACK:
            return {
                "kind": WAYBACK,
                "id": capture["timestamp"],
                "url": cdx.wayback_capture_url(self.wayback, capture["timestamp"], capture["url"]),
                "digest": digest,
            }
        return {
            "kind": COMMONCRAWL,
            "id": capture.get("collection"),
            "file": capture.get("filename"),
            "offset": capture.get("offset"),
            "length": capture.get("length"),
            "digest": digest,
        }

    def parse_article(self, response, edition: str, hint: dict):
        source = self.document_source(response)
        for output in super().parse_article(response, edition, hint):
            if isinstance(output, Article):
                output.source = source
            yield output

    async def parse_archived_list(self, response, edition: str, source_path: str, page: int):
        """An archived list page through the spider's parse_list (layouts, entries and dates counted as for a
        live page); what it would request next (its articles, the next page) comes from the archive's index
        instead, so requests are not passed on."""
        async for output in self.parse_list(response, edition, source_path, page):
            if isinstance(output, scrapy.Request):
                self._count(self.name, "list_links_not_followed")
                continue
            yield output

    def article_request(self, url, edition, hint=None, canonical=None):
        if self.archive_mode:  # a list's entry: read from the archive's index, not from the site
            return None
        return super().article_request(url, edition, hint=hint, canonical=canonical)
