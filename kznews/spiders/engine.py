"""The spider engine: one class that crawls any site of the registry.

For each selected edition it walks the site's list pages (with pagination), headline blocks, RSS/Atom feeds
and sitemaps, follows the article links it finds and extracts articles. Everything site-specific comes from
the site definition (kznews/sites/); everything page-specific from the pure extractors (kznews/extract/).

Spider arguments (`scrapy crawl SITE -a name=value`: lang, max_pages, since, until, sources, refresh, and source,
archives to read the site's pages from public web archives, kznews/spiders/archive.py) are declared and checked in
kznews.spiders.arguments.

Incremental runs: the spider looks up the canonical URLs of each list page, feed and sitemap in the database
(KZNEWS_KNOWN_LOOKUP=batch: one indexed query a page, so start-up does not grow with the database; `preload`:
every URL fetched in the last KZNEWS_KNOWN_DAYS days read at start) and does not request again those fetched in the
last KZNEWS_KNOWN_DAYS days, unless `refresh=1` or a list, feed or sitemap shows a modification newer than the
stored fetch. The batch lookups run in threads of their own (look_up_known), never on the reactor's thread: the
callbacks that read lists, feeds and sitemaps are async; each reads its page, awaits the lookup of the page's URLs
(downloads, pipelines and the store's writer go on meanwhile), then walks the page synchronously. List walking
stops at the first page whose entries are all known or older than `since` (not at the first known link: sites
reorder and pin).
With JOBDIR, Scrapy persists the request queue and the seen requests, so a paused run resumes where it stopped.

Backfills: a date window with `until` walks each edition by its route
(Site.backfill_route): the sitemap index's children overlapping the window, day archive pages, or a binary search
on each deep list's page number (doubling until a page reaches the window, then halving; its state travels in the
probe requests, so JOBDIR resumes it) followed by the walk through the window's pages. Known URLs are skipped, and
any stored copy counts, however long ago it was fetched.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from typing import Any

import scrapy

from kznews import stats as keys
from kznews.dates import ALMATY
from kznews.downloadermiddlewares.fetchtime import fetched_at
from kznews.extract import extract_article, extract_json_list, extract_list, parse_feed, parse_sitemap
from kznews.extract.feeds import GZIP_MAGIC
from kznews.extract.html import parse_html
from kznews.extract.timestamps import decide_published_at
from kznews.items import Article
from kznews.schema import EXTRACTED_FIELDS
from kznews.settings.registry import setting
from kznews.sites.base import Edition, ListSource, Site, deep_lists
from kznews.spiders.arguments import SpiderArguments, parse_arguments, parse_since
from kznews.swallowed import counts as swallowed_counts
from kznews.urls import UrlKeySet, canonicalize_url, url_key

logger = logging.getLogger(__name__)

ARTICLE_PRIORITY = 10  # articles before more list pages: results arrive early and memory stays flat
SITEMAP_MAXSIZE = 50 * 1024 * 1024
# Lookups of pages parsed at the same time overlap; each is one or two indexed queries, so a few threads suffice.
KNOWN_LOOKUP_THREADS = 2


def page_tree(response):
    """The parsed page: UTF-8 bytes go to lxml as they are (no decoding to text and back), anything else through
    Scrapy's decoded text."""
    if response.encoding.replace("_", "-").lower() in ("utf-8", "utf8"):
        return parse_html(response.body, encoding="utf-8")
    return parse_html(response.text)


def period_bounds(match) -> tuple[datetime, datetime]:
    """The Almaty month or day a sitemap's name says it holds (named groups year, month, day): [start, end)."""
    year, month = int(match.group("year")), int(match.group("month"))
    day = match.groupdict().get("day")
    start = datetime(year, month, int(day) if day else 1, tzinfo=ALMATY)
    end = start + timedelta(days=1) if day else datetime(year + month // 12, month % 12 + 1, 1, tzinfo=ALMATY)
    return start, end


class NewsSpider(scrapy.Spider):
    site: Site  # set on each generated subclass (kznews/spiders/sites.py)

    def __init__(self, *args, **kwargs):
        # scrapyd's own arguments (_job) are kept as attributes, as Scrapy does with any argument
        super().__init__(*args, **{name: value for name, value in kwargs.items() if name.startswith("_")})
        self.started_at = datetime.now(UTC)
        self.arguments = self.check_arguments(kwargs, self.started_at)
        self.editions: list[Edition] = self.arguments.editions
        self.sources = set(self.arguments.sources)
        self.refresh = self.arguments.refresh
        self.since = self.arguments.since
        self.until = self.arguments.until
        self.backfill = self.arguments.backfill
        self.known: dict[str, float] = {}  # canonical URL -> last fetch (Unix seconds), loaded at start
        # KZNEWS_KNOWN_LOOKUP=batch: `known` fills as each page's URLs are looked up in the database
        self.known_store = None
        self.known_checked = UrlKeySet()  # url_key() of the URLs looked up
        self.known_fetched_after: datetime | None = None
        self.known_pending: dict[int, asyncio.Future] = {}  # url_key() -> the lookup in flight that covers it
        self.known_lookups: ThreadPoolExecutor | None = None  # where the lookups run (off the reactor's thread)
        self.known_lookups_in_flight = 0
        self.known_store_ended = None  # the store of ended lookups, closed once those in flight have returned
        self.requested = UrlKeySet()  # url_key() of the canonical URLs of articles requested in this run

    @classmethod
    def check_arguments(cls, raw, now: datetime | None = None) -> SpiderArguments:
        """The typed spider arguments (kznews.spiders.arguments); raises SpiderArgumentError, one line."""
        return parse_arguments(raw, cls.site, now or datetime.now(UTC))

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.max_pages = spider.arguments.max_pages or setting(settings, "KZNEWS_MAX_PAGES")
        spider.sitemap_since = spider.since or parse_since(setting(settings, "KZNEWS_SITEMAP_SINCE"), spider.started_at)
        return spider

    def closed(self, reason) -> None:
        self.end_lookups()
        if self.known_lookups is not None:
            self.known_lookups.shutdown(wait=False)  # the store's closing, if queued, still runs
        # what the pure functions caught on purpose (kznews.swallowed) goes into the stats, where it is seen
        for (where, exception), count in swallowed_counts().items():
            self.crawler.stats.set_value(keys.SWALLOWED(where=where, exception=exception), count)

    # --- start ---------------------------------------------------------------------------------------------

    async def start(self):
        await self.load_known()
        for request in self.start_requests():
            yield request

    async def load_known(self) -> None:
        """The URLs this run need not fetch again (see the module docstring)."""
        uri = self.settings.get("MONGO_URI")
        if self.refresh or not uri:
            return
        from kznews.storage import ArticleStore, redact_uri

        since = self.known_fetched_since()
        langs = sorted({e.lang for e in self.editions})
        if setting(self.settings, "KZNEWS_KNOWN_LOOKUP") == "batch":
            # Nothing read at start: each page's URLs are looked up when it is parsed (check_known), so start-up
            # does not grow with the database. A backfill counts any stored copy as known, whenever fetched.
            self.known_store = ArticleStore(uri, setting(self.settings, "MONGO_DATABASE"), timeout_ms=5000)
            self.known_lookups = ThreadPoolExecutor(KNOWN_LOOKUP_THREADS, thread_name_prefix=f"known-{self.name}")
            backfill = self.backfill and not getattr(self, "archive_mode", False)
            self.known_fetched_after = None if backfill else since
            return

        def load() -> dict[str, float]:
            store = ArticleStore(uri, setting(self.settings, "MONGO_DATABASE"), timeout_ms=5000)
            try:
                if self.backfill and not getattr(self, "archive_mode", False):
                    # a backfill meets only its window's articles: load those, however old or many the rest
                    return store.known_urls_published(self.name, langs, self.since, self.until)
                return store.known_urls(self.name, langs, since)
            finally:
                store.close()

        try:
            self.known = await asyncio.get_running_loop().run_in_executor(None, load)
        except Exception as error:  # no database: a full crawl is slower, not wrong
            logger.warning("known URLs not loaded from %s (%s): crawling without them", redact_uri(uri), error)
            self.crawler.stats.set_value(keys.KNOWN(site=self.name, count="load_failed"), 1)
            return
        self.crawler.stats.set_value(keys.KNOWN(site=self.name, count="loaded"), len(self.known))
        logger.info("%d known URLs of %s loaded", len(self.known), self.name)

    async def look_up_known(self, canonicals) -> None:
        """KZNEWS_KNOWN_LOOKUP=batch: look up in the database, in one query in a lookup thread, those of these
        canonical URLs neither looked up nor being looked up yet, and wait for that and for the lookups in flight
        (of pages parsed meanwhile) that cover the others. The reactor goes on meanwhile; afterwards check_known
        finds nothing left to look up. A database that fails the lookup makes them unknown (fetched again, stored
        once)."""
        if self.known_store is None:
            return
        todo, waiting = [], set()
        for url in dict.fromkeys(canonicals):
            key = url_key(url)
            if key in self.known_checked:
                continue
            if key in self.known_pending:
                waiting.add(self.known_pending[key])
            else:
                todo.append(url)
        if todo:
            store = self.known_store
            lookup = asyncio.get_running_loop().run_in_executor(
                self.known_lookups, store.last_fetches, todo, self.known_fetched_after
            )
            self.known_lookups_in_flight += 1
            for url in todo:
                self.known_pending[url_key(url)] = lookup
            # added before anyone waits for it, so it runs before the waiters resume: they find the URLs known
            lookup.add_done_callback(partial(self._looked_up, store, todo))
            waiting.add(lookup)
        if waiting:
            await asyncio.wait(waiting)  # never raises: a failed lookup ends the lookups instead (_looked_up)

    def _looked_up(self, store, todo: list[str], lookup: asyncio.Future) -> None:
        """A lookup has returned (on the reactor's thread): its URLs are known, or the lookups end."""
        self.known_lookups_in_flight -= 1
        for url in todo:
            self.known_pending.pop(url_key(url), None)
        error = None if lookup.cancelled() else lookup.exception()
        if lookup.cancelled() or error is not None:
            if error is not None and self.known_store is store:  # the first failure; those in flight with it are
                # quiet. One failure ends the lookups, so a database that is down does not hold every page for a
                # timeout.
                self._lookup_failed(error)
        else:
            self._add_known(todo, lookup.result())
        self._close_ended_store()

    def check_known(self, canonicals) -> None:
        """KZNEWS_KNOWN_LOOKUP=batch: look up in the database, in one query, those of these canonical URLs not
        looked up yet, here and now: for callers that did not await look_up_known first (after it, nothing is left
        to look up)."""
        if self.known_store is None:
            return
        todo = [url for url in dict.fromkeys(canonicals) if url_key(url) not in self.known_checked]
        if not todo:
            return
        try:
            found = self.known_store.last_fetches(todo, self.known_fetched_after)
        except Exception as error:  # no database: a full crawl is slower, not wrong
            self._lookup_failed(error)
            return
        self._add_known(todo, found)

    def _add_known(self, looked_up: list[str], found: dict[str, float]) -> None:
        self.known_checked.update(url_key(url) for url in looked_up)
        self.known.update(found)
        self.crawler.stats.inc_value(keys.KNOWN(site=self.name, count="looked_up"), len(looked_up))
        self.crawler.stats.inc_value(keys.KNOWN(site=self.name, count="found"), len(found))

    def _lookup_failed(self, error: BaseException) -> None:
        logger.warning("known URLs not looked up (%s): crawling without them", error)
        self.crawler.stats.inc_value(keys.KNOWN(site=self.name, count="lookup_failed"))
        self.end_lookups()

    def end_lookups(self) -> None:
        """No more lookups (one failed, or the spider closes). The store is closed in a lookup thread (closing a
        client talks to the server) once the lookups in flight have returned: they are still using it."""
        store, self.known_store = self.known_store, None
        if store is not None:
            self.known_store_ended = store
            self._close_ended_store()

    def _close_ended_store(self) -> None:
        store = self.known_store_ended
        if store is None or self.known_lookups_in_flight:
            return
        self.known_store_ended = None
        if self.known_lookups is None:
            store.close()
            return
        try:
            self.known_lookups.submit(store.close)
        except RuntimeError:  # the lookup threads are shut down: the spider closed with lookups in flight
            store.close()

    def known_fetched_since(self) -> datetime:
        """Stored articles fetched since then are known (archived runs reach further back: kznews.archives)."""
        return datetime.now(UTC) - timedelta(days=setting(self.settings, "KZNEWS_KNOWN_DAYS"))

    def start_requests(self):
        if self.backfill:
            yield from self.backfill_requests()
            return
        for edition in self.editions:
            yield from self.edition_requests(edition)

    def edition_requests(self, edition: Edition):
        """The first requests of the usual discovery of an edition: lists, JSON lists, feeds, sitemaps."""
        if "lists" in self.sources:
            for source in edition.lists:
                yield self.list_request(edition, source, 1)
            if self.site.json_list is not None:
                for template in edition.json_lists:
                    yield self.json_list_request(edition, template, 1)
        if "feeds" in self.sources:
            for feed in edition.feeds:
                yield scrapy.Request(
                    edition.absolute(feed), callback=self.parse_feed, cb_kwargs={"edition": edition.key}
                )
        if "sitemaps" in self.sources:
            for sitemap in edition.sitemaps:
                yield self.sitemap_request(edition.absolute(sitemap), edition.key)

    def list_request(self, edition: Edition, source: ListSource, page: int) -> scrapy.Request:
        url = edition.absolute(source.path if page == 1 or not source.page else source.page.format(n=page))
        return self._list_request(url, edition, source, page)

    def _list_request(self, url: str, edition: Edition, source: ListSource, page: int) -> scrapy.Request:
        meta: dict[str, Any] = {}
        if source.js:
            meta.update(self.browser_meta(source))
        return scrapy.Request(
            url,
            callback=self.parse_list,
            cb_kwargs={"edition": edition.key, "source_path": source.path, "page": page},
            meta=meta,
        )

    def browser_meta(self, source: ListSource) -> dict[str, Any]:
        """Request meta that renders a list in Chromium through scrapy-playwright (kznews.browser)."""
        from kznews.browser import list_page_meta

        return list_page_meta(source, self.settings)

    def sitemap_request(self, url: str, edition: str) -> scrapy.Request:
        return scrapy.Request(
            url, callback=self.parse_sitemap, cb_kwargs={"edition": edition}, meta={"download_maxsize": SITEMAP_MAXSIZE}
        )

    def _source(self, key: str, path: str) -> tuple[Edition, ListSource]:
        edition = self.site.edition(key)
        for source in edition.lists:
            if source.path == path:
                return edition, source
        raise KeyError(path)

    # --- backfills: a date window, by each edition's route (Site.backfill_route) ------------------------------

    def backfill_requests(self):
        for edition in self.editions:
            route = self.site.backfill_route(edition, self.sources)
            logger.info("backfill of %s %s from %s until %s: route %s", self.name, edition.key, self.since,
                        self.until, route)
            if route == "sitemaps":
                for sitemap in edition.sitemaps:
                    yield self.sitemap_request(edition.absolute(sitemap), edition.key)
            elif route == "days" and self.since is not None:
                for day in self._window_days():
                    yield self.day_request(edition, day, 1)
            elif route == "pages":
                for source in deep_lists(edition):
                    yield self.probe_request(edition, source, 1, 0, None)
            else:  # the usual discovery, with the window applied to entries and list walks
                yield from self.edition_requests(edition)

    def _window_days(self) -> list[date]:
        """The Almaty days the window touches (`until` exclusive; no `until`: up to today)."""
        if self.since is None:
            return []
        last = (self.until - timedelta(microseconds=1)) if self.until else self.started_at
        first, last = self.since.astimezone(ALMATY).date(), last.astimezone(ALMATY).date()
        return [first + timedelta(days=n) for n in range((last - first).days + 1)]

    def day_request(self, edition: Edition, day: date, page: int, url: str | None = None) -> scrapy.Request:
        return scrapy.Request(
            url or edition.absolute(edition.day_archive.format(day=day)),
            callback=self.parse_day,
            cb_kwargs={"edition": edition.key, "day": day.isoformat(), "page": page},
        )

    async def parse_day(self, response, edition: str, day: str, page: int):
        """A dated archive page (Edition.day_archive): its entries, and its next pages within the day."""
        edition = self.site.edition(edition)
        if response.status != 200 or not hasattr(response, "text"):
            self.crawler.stats.inc_value(self._list_key(edition, "bad_response"))
            return
        listing = extract_list(response.body, response.url, self.site, edition.lang, fetched_at(response),
                               tree=page_tree(response))
        self.crawler.stats.inc_value(keys.BACKFILL(site=self.name, edition=edition.key, count="days"))
        self.crawler.stats.inc_value(self._list_key(edition, "entries"), len(listing.entries))
        canonicals = self.entry_canonicals(listing.entries)
        await self.look_up_known(canonicals)
        for request in self.day_requests(listing, edition, date.fromisoformat(day), page, canonicals):
            yield request

    def day_requests(self, listing, edition: Edition, day: date, page: int, canonicals: list[str]):
        """The article requests of a dated archive page, and its next page within the day."""
        requests, _ = self.entry_requests(listing.entries, edition, canonicals)
        yield from requests
        if listing.entries and listing.next:
            yield self.day_request(edition, day, page + 1, listing.next[0])

    def probe_request(self, edition: Edition, source: ListSource, page: int, low: int, high: int | None):
        """A page of the deep list fetched by the binary search for the first page reaching the window: `low` is
        the highest page known to be all newer than the window (0: none yet), `high` the lowest known to reach it
        (None: not found yet, so the search doubles the page number). The state travels in the request, so a
        JOBDIR run resumes the search where it stopped."""
        url = edition.absolute(source.path if page == 1 else source.page.format(n=page))
        return scrapy.Request(
            url,
            callback=self.parse_probe,
            cb_kwargs={"edition": edition.key, "source_path": source.path, "page": page, "low": low, "high": high},
            # probes are not the walk: the walk may ask for the found page again
            dont_filter=True,
            meta={"handle_httpstatus_list": [404, 410]},
        )

    async def parse_probe(self, response, edition: str, source_path: str, page: int, low: int, high: int | None):
        edition, source = self._source(edition, source_path)
        stats = self.crawler.stats
        stats.inc_value(keys.BACKFILL(site=self.name, edition=edition.key, count="probes"))
        listing = None
        if response.status == 200 and hasattr(response, "text"):
            listing = extract_list(response.body, response.url, self.site, edition.lang, fetched_at(response),
                                   tree=page_tree(response))
        own = [e for e in listing.entries if not e.secondary] if listing else []
        dates = [e.published_at or e.published_day for e in own if (e.published_at or e.published_day) is not None]
        if own and not dates:  # nothing to decide by: the plain walk from the first page
            stats.inc_value(keys.BACKFILL(site=self.name, edition=edition.key, count="undated_probe"))
            yield self.list_request(edition, source, 1)
            return
        # Newest first: a page reaches the window when its oldest entry is before `until`; past the end of the
        # list (no entries) counts as reaching it, so the search always ends.
        reaches = not dates or not all(self._too_new(value) for value in dates)
        if reaches:
            high = page
        else:
            low = page
        if high is None:
            yield self.probe_request(edition, source, page * 2, low, None)
            return
        if high - low > 1:
            yield self.probe_request(edition, source, (low + high) // 2, low, high)
            return
        stats.set_value(keys.BACKFILL(site=self.name, edition=edition.key, count="found_page"), high)
        logger.info("backfill of %s %s: the window starts on page %d of %s", self.name, edition.key, high, source.path)
        if not own:
            return  # the list ends before the window: nothing in it
        if page == high:  # this very page starts the walk
            canonicals = self.entry_canonicals(listing.entries)
            await self.look_up_known(canonicals)
            for output in self.walk_list_page(response, listing, edition, source, page, canonicals):
                yield output
        else:
            yield self.list_request(edition, source, high)

    # --- lists -----------------------------------------------------------------------------------------------

    def _too_old(self, day_or_instant, since: datetime | None) -> bool:
        if since is None or day_or_instant is None:
            return False
        if isinstance(day_or_instant, datetime):
            return day_or_instant < since
        return day_or_instant < since.date()  # a day is too old only when all of it is before `since`

    def _too_new(self, day_or_instant) -> bool:
        """Published at or after `until` (a day: all of it is)."""
        until = self.until
        if until is None or day_or_instant is None:
            return False
        if isinstance(day_or_instant, datetime):
            return day_or_instant >= until
        return datetime.combine(day_or_instant, time(0), ALMATY) >= until

    async def parse_list(self, response, edition: str, source_path: str, page: int):
        edition, source = self._source(edition, source_path)
        listing = self.read_list_page(response, edition)
        if listing is None:
            return
        canonicals = self.entry_canonicals(listing.entries)
        await self.look_up_known(canonicals)
        for output in self.walk_list_page(response, listing, edition, source, page, canonicals):
            yield output

    def read_list_page(self, response, edition: Edition):
        """The entries of a list page (None: not a page), with its layouts counted."""
        stats = self.crawler.stats
        if response.status != 200 or not hasattr(response, "text"):
            stats.inc_value(self._list_key(edition, "bad_response"))
            return None
        tree = page_tree(response)
        listing = extract_list(response.body, response.url, self.site, edition.lang, fetched_at(response), tree=tree)
        stats.inc_value(self._list_key(edition, "pages"))
        stats.inc_value(self._list_key(edition, "entries"), len(listing.entries))
        for name in listing.layouts:
            stats.inc_value(keys.LAYOUT(site=self.name, kind="list", layout=name))
        if not listing.layouts:
            stats.inc_value(keys.LAYOUT(site=self.name, kind="list", layout="none"))
            # how well the fallback reads the page: entries it could date (kznews.extract.list_fallback)
            stats.inc_value(self._list_key(edition, "fallback_dated"), sum(1 for e in listing.entries if e.day is not None))
            logger.warning("no list layout of %s matched %s; took its article links", self.name, response.url)
        return listing

    def walk_list_page(self, response, listing, edition: Edition, source: ListSource, page: int,
                       canonicals: list[str] | None = None):
        """The article requests of a list page, and the next page while the walk goes on."""
        stats = self.crawler.stats
        requests, fresh = self.entry_requests(listing.entries, edition, canonicals)
        yield from requests
        if self.backfill:
            # A backfill walks until the window ends: a page whose own entries are all older than `since` (known
            # entries do not stop it: an interrupted backfill of the same window goes on past them).
            own = [e for e in listing.entries if not e.secondary] or listing.entries
            inside = any(not self._too_old(e.published_at or e.published_day, self.since) for e in own)
            if source.kind == "headlines" or not inside:
                return
        # A page with nothing new or recent ends the walk: sites reorder and pin items, so one known link
        # proves nothing, but a whole page of them does.
        elif source.kind == "headlines" or not fresh or page >= self.max_pages:
            if listing.entries and not fresh:
                stats.inc_value(self._list_key(edition, "stopped_nothing_new"))
            return
        if source.page:
            yield self.list_request(edition, source, page + 1)
        elif listing.next:
            yield self._list_request(listing.next[0], edition, source, page + 1)

    def _list_key(self, edition: Edition, count: str) -> str:
        return keys.LIST(site=self.name, edition=edition.key, count=count)

    def entry_canonicals(self, entries) -> list[str]:
        """The canonical URLs of list entries, in their order (what entry_requests looks up)."""
        return [canonicalize_url(entry.url, self.site.host_aliases) for entry in entries]

    def entry_requests(self, entries, edition: Edition, canonicals: list[str] | None = None
                       ) -> tuple[list[scrapy.Request], int]:
        """Article requests for the list entries that are recent enough and not yet requested or stored, and how
        many entries were new: recent and not stored. An entry another source of this run already requested is
        new too (a JSON list and an HTML list showing the same items must not stop each other's walk); only what
        is stored or too old says the walk has reached what previous runs covered. Entries of a page's other blocks
        (`secondary`: a sidebar every page of the list repeats) are requested but do not count as new.
        `canonicals`: entry_canonicals(entries), when the caller has them already."""
        requests, new = [], 0
        own_entries = any(not entry.secondary for entry in entries)
        if canonicals is None:
            canonicals = self.entry_canonicals(entries)
        self.check_known(canonicals)
        for entry, canonical in zip(entries, canonicals, strict=True):
            if self._too_old(entry.published_at or entry.published_day, self.since):
                self.crawler.stats.inc_value(self._list_key(edition, "too_old"))
                continue
            if self._too_new(entry.published_at or entry.published_day):
                # newer than the window: skipped, but the walk goes on towards it (lists run newest first)
                self.crawler.stats.inc_value(self._list_key(edition, "too_new"))
                new += 1
                continue
            hint = {
                "published_at": entry.published_at,
                "published_day": entry.published_day,
                "date_text": entry.date_text,
                "title": entry.title,
                "modified_at": entry.modified_at,
            }
            if self._stored(canonical, hint):
                self.crawler.stats.inc_value(keys.KNOWN(site=self.name, count="skipped"))
                continue
            if not (own_entries and entry.secondary):
                new += 1
            request = self.article_request(entry.url, edition, hint=hint, canonical=canonical)
            if request is not None:
                requests.append(request)
        return requests, new

    def _stored(self, canonical: str, hint: dict | None) -> bool:
        """Already stored by an earlier run, and not modified since (so not worth fetching again)."""
        if self.refresh:
            return False
        self.check_known([canonical])
        last_fetch = self.known.get(canonical)
        if last_fetch is None:
            return False
        modified = (hint or {}).get("modified_at")
        return modified is None or modified.timestamp() <= last_fetch

    def json_list_request(self, edition: Edition, template: str, page: int) -> scrapy.Request:
        return scrapy.Request(
            edition.absolute(template.format(n=page)),
            callback=self.parse_json_list,
            cb_kwargs={"edition": edition.key, "template": template, "page": page},
        )

    async def parse_json_list(self, response, edition: str, template: str, page: int):
        """A page of a JSON "load more" endpoint (zakon.kz), read by the site's `json_list` hook."""
        edition = self.site.edition(edition)
        listing = self.read_json_list(response, edition)
        if listing is None:
            return
        canonicals = self.entry_canonicals(listing.entries)
        await self.look_up_known(canonicals)
        for request in self.json_list_requests(listing, edition, template, page, canonicals):
            yield request

    def read_json_list(self, response, edition: Edition):
        """The entries of a JSON list page (None: not one)."""
        stats = self.crawler.stats
        if response.status != 200:
            stats.inc_value(self._list_key(edition, "bad_response"))
            return None
        try:
            listing = extract_json_list(response.text, response.url, self.site, edition.lang, fetched_at(response))
        except (ValueError, RecursionError) as error:  # not JSON (or nested too deep to read), or not the JSON
            # the hook knows: the endpoint changed, or the answer is hostile
            stats.inc_value(keys.LAYOUT(site=self.name, kind="json_list", layout="unreadable"))
            logger.warning("unreadable JSON list %s: %s", response.url, error)
            return None
        stats.inc_value(self._list_key(edition, "pages"))
        stats.inc_value(self._list_key(edition, "entries"), len(listing.entries))
        return listing

    def json_list_requests(self, listing, edition: Edition, template: str, page: int, canonicals: list[str]):
        """The article requests of a JSON list page, and its next page while it has new entries."""
        stats = self.crawler.stats
        requests, new = self.entry_requests(listing.entries, edition, canonicals)
        yield from requests
        if new and page < self.max_pages:
            yield self.json_list_request(edition, template, page + 1)
        elif listing.entries and not new:
            stats.inc_value(self._list_key(edition, "stopped_nothing_new"))

    # --- feeds and sitemaps ------------------------------------------------------------------------------

    async def parse_feed(self, response, edition: str):
        edition = self.site.edition(edition)
        entries = parse_feed(response.body, edition.lang, fetched_at(response))
        self.crawler.stats.inc_value(keys.FEED(site=self.name, edition=edition.key), len(entries))
        for reason, count in entries.skipped.items():
            self.crawler.stats.inc_value(keys.FEED_SKIPPED(site=self.name, reason=reason), count)
        canonicals = self.feed_canonicals(entries)
        await self.look_up_known(url for url in canonicals if url is not None)
        for request in self.feed_requests(entries, edition, canonicals):
            yield request

    def feed_canonicals(self, entries) -> list[str | None]:
        """The canonical URLs of a feed's entries, in their order; None for those that are not articles."""
        return [canonicalize_url(e.url, self.site.host_aliases) if self.site.is_article_url(e.url) else None
                for e in entries]

    def feed_requests(self, entries, edition: Edition, canonicals: list[str | None]):
        """The article requests of a feed's entries (canonicals: feed_canonicals(entries))."""
        self.check_known(url for url in canonicals if url is not None)
        for entry, canonical in zip(entries, canonicals, strict=True):
            if canonical is None or self._too_old(entry.published_at, self.since):
                continue
            if self._too_new(entry.published_at):
                continue
            request = self.article_request(
                entry.url,
                edition,
                hint={"published_at": entry.published_at, "date_text": entry.date_text, "modified_at": entry.modified_at},
                canonical=canonical,
            )
            if request is not None:
                yield request

    async def parse_sitemap(self, response, edition: str):
        edition = self.site.edition(edition)
        stats = self.crawler.stats
        # A gzipped sitemap is unpacked as it is parsed, to at most 50 MB (kznews.extract.feeds).
        sitemap = parse_sitemap(response.body, edition.lang, fetched_at(response), self.site.fix_sitemap_loc)
        if sitemap is None:
            problem = "bad_gzip" if response.body[:2] == GZIP_MAGIC else "unreadable"
            stats.inc_value(keys.SITEMAP_PROBLEM(site=self.name, problem=problem))
            return
        for reason, count in sitemap.skipped.items():
            stats.inc_value(keys.SITEMAP_SKIPPED(site=self.name, reason=reason), count)
        since = self.sitemap_since
        if sitemap.kind == "index":
            children = [c for c in sitemap.entries
                        if not self.site.sitemap_follow or self.site.sitemap_follow.search(c.url)]
            if self.backfill:
                wanted = self.window_children(children)
                counted = keys.BACKFILL(site=self.name, edition=edition.key, count="sitemaps_skipped")
                stats.inc_value(counted, len(children) - len(wanted))
                stats.inc_value(keys.BACKFILL(site=self.name, edition=edition.key, count="sitemaps_fetched"),
                                len(wanted))
                children = wanted
            for child in children:
                # A child sitemap last modified before `since` holds nothing newer.
                if child.published_at and since and child.published_at < since:
                    continue
                yield self.sitemap_request(child.url, edition.key)
            return
        self.crawler.stats.inc_value(keys.SITEMAP(site=self.name, edition=edition.key), len(sitemap.entries))
        canonicals = self.sitemap_canonicals(sitemap.entries)
        await self.look_up_known(url for url in canonicals if url is not None)
        for request in self.sitemap_requests(sitemap.entries, edition, canonicals):
            yield request

    def sitemap_canonicals(self, entries) -> list[str | None]:
        """The canonical URLs of a sitemap's entries, in their order; None for those it does not request: not
        articles, or outside the window."""
        since = self.sitemap_since
        return [canonicalize_url(e.url, self.site.host_aliases)
                if self.site.is_article_url(e.url) and not self._too_old(e.published_at, since)
                and not self._too_new(e.published_at) else None
                for e in entries]

    def sitemap_requests(self, entries, edition: Edition, canonicals: list[str | None]):
        """The article requests of a sitemap's entries (canonicals: sitemap_canonicals(entries))."""
        self.check_known(url for url in canonicals if url is not None)
        for entry, canonical in zip(entries, canonicals, strict=True):
            if canonical is None:
                continue
            request = self.article_request(
                entry.url,
                edition,
                hint={"published_at": entry.published_at, "title": entry.title, "modified_at": entry.modified_at},
                canonical=canonical,
            )
            if request is not None:
                yield request

    def window_children(self, children: list) -> list:
        """The children of a sitemap index that may hold entries of the window: by the period in their URL
        (Site.sitemap_period) or, for consecutive children (Site.sitemap_chronological), by their lastmods.
        A child whose period cannot be told is kept."""
        pattern, kept = self.site.sitemap_period, []
        previous_lastmod = None
        ordered = children
        if self.site.sitemap_chronological:
            ordered = sorted(children, key=lambda c: (c.published_at is None, c.published_at or 0))
        for child in ordered:
            match = pattern.search(child.url) if pattern else None
            if match:
                start, end = period_bounds(match)
            elif self.site.sitemap_chronological and child.published_at is not None:
                # after the previous child's lastmod, up to its own (inclusive)
                start, end = previous_lastmod, child.published_at + timedelta(microseconds=1)
                previous_lastmod = child.published_at
            else:
                kept.append(child)
                continue
            if (self.until is None or start is None or start < self.until) and (self.since is None or end > self.since):
                kept.append(child)
        return kept

    # --- articles ----------------------------------------------------------------------------------------------

    def article_request(
        self, url: str, edition: Edition, hint: dict | None = None, canonical: str | None = None
    ) -> scrapy.Request | None:
        """A request for an article, or None when it is already requested in this run or already stored.
        `canonical`: the URL's canonical form, when the caller has it already."""
        canonical = canonical or canonicalize_url(url, self.site.host_aliases)
        key = url_key(canonical)
        if key in self.requested:
            return None
        if self._stored(canonical, hint):
            self.crawler.stats.inc_value(keys.KNOWN(site=self.name, count="skipped"))
            return None
        if canonical in self.known and not self.refresh:
            self.crawler.stats.inc_value(keys.KNOWN(site=self.name, count="modified_refetched"))
        self.requested.add(key)
        # An article belongs to the edition its URL is on (a list may link to another edition).
        edition = self.site.edition_for_url(url) or edition
        return scrapy.Request(
            url,
            callback=self.parse_article,
            cb_kwargs={"edition": edition.key, "hint": hint or {}},
            priority=ARTICLE_PRIORITY,
        )

    def parse_article(self, response, edition: str, hint: dict):
        lang = self.site.edition(edition).lang
        stats = self.crawler.stats
        if response.status != 200 or not hasattr(response, "text"):
            stats.inc_value(keys.ARTICLE_BAD_RESPONSE(site=self.name))
            return
        tree = page_tree(response)
        data = extract_article(response.body, response.url, self.site, lang, fetched_at(response), tree=tree)
        stats.inc_value(keys.LAYOUT(site=self.name, kind="article", layout=data.layout or "none"))
        for field_name, source in data.sources.items():
            stats.inc_value(keys.SOURCE(site=self.name, field=field_name, source=source))
        for note in data.notes:
            stats.inc_value(keys.NOTES(site=self.name, note=note.split(":")[0]))
        published = decide_published_at(
            data.published_at,
            data.published_at_text,
            page_day_only="published_day_only" in data.notes,
            listed=hint.get("published_at"),
            listed_text=hint.get("date_text"),
            lang=lang,
            fetched_at=data.fetched_at,
        )
        self._count_date_events(published.events)
        fields = {name: getattr(data, name) for name in EXTRACTED_FIELDS}
        fields.update(
            site=self.name,
            lang=lang,
            title=data.title or hint.get("title"),
            published_at=published.value,
            published_at_text=published.text,
            published_at_source=_published_source(published.source, data.sources),
            notes=[*data.notes, *(e for e in published.events if e == "list_date_disagrees")],
            fetched_at=data.fetched_at,
            fetched_url=response.url,
        )
        yield Article(**fields)

    def _count_date_events(self, events) -> None:
        stats = self.crawler.stats
        for event in events:
            if event == "from_list":
                stats.inc_value(keys.SOURCE(site=self.name, field="published_at", source="list"))
            elif event == "list_date_disagrees":  # the page wins, but the disagreement is worth seeing
                stats.inc_value(keys.NOTES(site=self.name, note=event))
            else:
                stats.inc_value(keys.DATES(site=self.name, event=event))


def _published_source(decided: str, sources: dict[str, str]) -> str | None:
    """The `published_at_source` field: the extractor's source when the page's date won, else the decision's."""
    if decided == "page":
        return sources.get("published_at", "page")
    return None if decided == "none" else decided
