"""The spider engine: one class that crawls any site of the registry.

For each selected edition it walks the site's list pages (with pagination), headline blocks, RSS/Atom feeds
and sitemaps, follows the article links it finds and extracts articles. Everything site-specific comes from
the site definition (kznews/sites/); everything page-specific from the pure extractors (kznews/extract/).

Spider arguments (`scrapy crawl SITE -a name=value`):
- lang=ru,kk        editions to crawl, by language or edition key such as kk-latn (default: all)
- max_pages=N       list pages to walk per list (default: setting KZNEWS_MAX_PAGES)
- since=2026-01-01T00:00+05:00 | 2d | 6h
                    ignore entries published before this; list walking stops at a page whose entries are
                    all older. Sitemaps default to KZNEWS_SITEMAP_SINCE when not given.
- sources=lists,feeds,sitemaps   which discovery methods to use (default: all the site has)
- refresh=1         request articles again even if already stored

Incremental runs: at start the spider loads the canonical URLs of its editions fetched in the last
KZNEWS_KNOWN_DAYS days (kznews.storage, one covering-index read) and does not request them again, unless
`refresh=1` or a list, feed or sitemap shows a modification newer than the stored fetch. List walking stops at the
first page whose entries are all known or older than `since` (not at the first known link: sites reorder and pin).
With JOBDIR, Scrapy persists the request queue and the seen requests, so a paused run resumes where it stopped.
"""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import scrapy

from kznews.dates import ALMATY, to_almaty
from kznews.extract import extract_article, extract_list, parse_feed, parse_sitemap
from kznews.extract.feeds import GZIP_MAGIC
from kznews.extract.html import parse_html
from kznews.items import Article
from kznews.middlewares import fetched_at
from kznews.sites.base import Edition, ListSource, Site
from kznews.urls import canonicalize_url, url_key

logger = logging.getLogger(__name__)

SOURCES = ("lists", "feeds", "sitemaps")
ARTICLE_PRIORITY = 10  # articles before more list pages: results arrive early and memory stays flat
SITEMAP_MAXSIZE = 50 * 1024 * 1024
_SINCE_RELATIVE = re.compile(r"^\s*(\d+)\s*([dhm])\s*$", re.IGNORECASE)


def parse_since(text: str | None, now: datetime) -> datetime | None:
    """`since` argument: ISO 8601 (naive means Almaty time), or a relative age: 2d, 6h, 30m."""
    if not text:
        return None
    match = _SINCE_RELATIVE.match(text)
    if match:
        amount, unit = int(match.group(1)), match.group(2).lower()
        delta = {"d": timedelta(days=amount), "h": timedelta(hours=amount), "m": timedelta(minutes=amount)}[unit]
        return to_almaty(now - delta)
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"since={text!r}: expected ISO 8601 or Nd/Nh/Nm") from None
    return to_almaty(value) if value.tzinfo else value.replace(tzinfo=ALMATY)


def page_tree(response):
    """The parsed page: UTF-8 bytes go to lxml as they are (no decoding to text and back), anything else through
    Scrapy's decoded text."""
    if response.encoding.replace("_", "-").lower() in ("utf-8", "utf8"):
        return parse_html(response.body, encoding="utf-8")
    return parse_html(response.text)


def _flag(value: Any) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "on")


class NewsSpider(scrapy.Spider):
    site: Site  # set on each generated subclass (kznews/spiders/sites.py)

    def __init__(self, *args, lang: str | None = None, max_pages=None, since=None, sources=None, refresh=None, **kwargs):
        super().__init__(*args, **kwargs)
        keys = [x.strip() for x in lang.split(",") if x.strip()] if lang else list(self.site.edition_keys)
        unknown = [x for x in keys if not self.site.editions_for(x)]
        if unknown:
            raise ValueError(f"{self.name} has no edition {unknown}; editions: {', '.join(self.site.edition_keys)}")
        self.editions: list[Edition] = list(dict.fromkeys(e for x in keys for e in self.site.editions_for(x)))
        self.max_pages_arg = int(max_pages) if max_pages not in (None, "") else None
        self.since_arg = since
        self.sources = set(sources.split(",")) if sources else set(SOURCES)
        if self.sources - set(SOURCES):
            raise ValueError(f"sources: unknown {sorted(self.sources - set(SOURCES))}; known: {', '.join(SOURCES)}")
        self.refresh = _flag(refresh)
        self.started_at = datetime.now(UTC)
        self.since = parse_since(since, self.started_at)
        self.known: dict[str, float] = {}  # canonical URL -> last fetch (Unix seconds), loaded at start
        self.requested: set[int] = set()  # url_key() of the canonical URLs of articles requested in this run

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.max_pages = spider.max_pages_arg or settings.getint("KZNEWS_MAX_PAGES", 5)
        spider.sitemap_since = spider.since or parse_since(settings.get("KZNEWS_SITEMAP_SINCE"), spider.started_at)
        return spider

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

        days = self.settings.getint("KZNEWS_KNOWN_DAYS", 120)
        since = datetime.now(UTC) - timedelta(days=days)
        langs = sorted({e.lang for e in self.editions})

        def load() -> dict[str, float]:
            store = ArticleStore(uri, self.settings.get("MONGO_DATABASE", "kznews"), timeout_ms=5000)
            try:
                return store.known_urls(self.name, langs, since)
            finally:
                store.close()

        try:
            self.known = await asyncio.get_running_loop().run_in_executor(None, load)
        except Exception as error:  # no database: a full crawl is slower, not wrong
            logger.warning("known URLs not loaded from %s (%s): crawling without them", redact_uri(uri), error)
            self.crawler.stats.set_value(f"kznews/known/{self.name}/load_failed", 1)
            return
        self.crawler.stats.set_value(f"kznews/known/{self.name}/loaded", len(self.known))
        logger.info("%d known URLs of %s loaded", len(self.known), self.name)

    def start_requests(self):
        for edition in self.editions:
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

    # --- lists -----------------------------------------------------------------------------------------------

    def _too_old(self, day_or_instant, since: datetime | None) -> bool:
        if since is None or day_or_instant is None:
            return False
        if isinstance(day_or_instant, datetime):
            return day_or_instant < since
        return day_or_instant < since.date()  # a day is too old only when all of it is before `since`

    def parse_list(self, response, edition: str, source_path: str, page: int):
        edition, source = self._source(edition, source_path)
        lang = edition.lang
        stats = self.crawler.stats
        prefix = f"kznews/list/{self.name}/{edition.key}"
        if response.status != 200 or not hasattr(response, "text"):
            stats.inc_value(f"{prefix}/bad_response")
            return
        tree = page_tree(response)
        listing = extract_list(response.body, response.url, self.site, lang, fetched_at(response), tree=tree)
        stats.inc_value(f"{prefix}/pages")
        stats.inc_value(f"{prefix}/entries", len(listing.entries))
        for name in listing.layouts:
            stats.inc_value(f"kznews/layout/{self.name}/list/{name}")
        if not listing.layouts:
            stats.inc_value(f"kznews/layout/{self.name}/list/none")
            logger.warning("no list layout of %s matched %s; took its article links", self.name, response.url)
        requests, fresh = self.entry_requests(listing.entries, edition, prefix)
        yield from requests
        # A page with nothing new or recent ends the walk: sites reorder and pin items, so one known link
        # proves nothing, but a whole page of them does.
        if source.kind == "headlines" or not fresh or page >= self.max_pages:
            if listing.entries and not fresh:
                stats.inc_value(f"{prefix}/stopped_nothing_new")
            return
        if source.page:
            yield self.list_request(edition, source, page + 1)
        elif listing.next:
            yield self._list_request(listing.next[0], edition, source, page + 1)

    def entry_requests(self, entries, edition: Edition, prefix: str) -> tuple[list[scrapy.Request], int]:
        """Article requests for the list entries that are recent enough and not yet requested or stored, and how
        many entries were new: recent and not stored. An entry another source of this run already requested is
        new too (a JSON list and an HTML list showing the same items must not stop each other's walk); only what
        is stored or too old says the walk has reached what previous runs covered."""
        requests, new = [], 0
        for entry in entries:
            if self._too_old(entry.published_at or entry.published_day, self.since):
                self.crawler.stats.inc_value(f"{prefix}/too_old")
                continue
            hint = {
                "published_at": entry.published_at,
                "published_day": entry.published_day,
                "date_text": entry.date_text,
                "title": entry.title,
                "modified_at": entry.modified_at,
            }
            canonical = canonicalize_url(entry.url, self.site.host_aliases)
            if self._stored(canonical, hint):
                self.crawler.stats.inc_value(f"kznews/known/{self.name}/skipped")
                continue
            new += 1
            request = self.article_request(entry.url, edition, hint=hint, canonical=canonical)
            if request is not None:
                requests.append(request)
        return requests, new

    def _stored(self, canonical: str, hint: dict | None) -> bool:
        """Already stored by an earlier run, and not modified since (so not worth fetching again)."""
        last_fetch = self.known.get(canonical)
        if last_fetch is None or self.refresh:
            return False
        modified = (hint or {}).get("modified_at")
        return modified is None or modified.timestamp() <= last_fetch

    def json_list_request(self, edition: Edition, template: str, page: int) -> scrapy.Request:
        return scrapy.Request(
            edition.absolute(template.format(n=page)),
            callback=self.parse_json_list,
            cb_kwargs={"edition": edition.key, "template": template, "page": page},
        )

    def parse_json_list(self, response, edition: str, template: str, page: int):
        """A page of a JSON "load more" endpoint (zakon.kz), read by the site's `json_list` hook."""
        edition = self.site.edition(edition)
        lang = edition.lang
        stats = self.crawler.stats
        prefix = f"kznews/list/{self.name}/{edition.key}"
        if response.status != 200:
            stats.inc_value(f"{prefix}/bad_response")
            return
        try:
            listing = self.site.json_list(response.text, response.url, lang, fetched_at(response))
        except (ValueError, RecursionError) as error:  # not JSON (or nested too deep to read), or not the JSON
            # the hook knows: the endpoint changed, or the answer is hostile
            stats.inc_value(f"kznews/layout/{self.name}/json_list/unreadable")
            logger.warning("unreadable JSON list %s: %s", response.url, error)
            return
        stats.inc_value(f"{prefix}/pages")
        stats.inc_value(f"{prefix}/entries", len(listing.entries))
        requests, new = self.entry_requests(listing.entries, edition, prefix)
        yield from requests
        if new and page < self.max_pages:
            yield self.json_list_request(edition, template, page + 1)
        elif listing.entries and not new:
            stats.inc_value(f"{prefix}/stopped_nothing_new")

    # --- feeds and sitemaps ------------------------------------------------------------------------------

    def parse_feed(self, response, edition: str):
        edition = self.site.edition(edition)
        entries = parse_feed(response.body, edition.lang, fetched_at(response))
        self.crawler.stats.inc_value(f"kznews/feed/{self.name}/{edition.key}/entries", len(entries))
        for reason, count in entries.skipped.items():
            self.crawler.stats.inc_value(f"kznews/feed/{self.name}/skipped/{reason}", count)
        for entry in entries:
            if not self.site.is_article_url(entry.url) or self._too_old(entry.published_at, self.since):
                continue
            request = self.article_request(
                entry.url,
                edition,
                hint={"published_at": entry.published_at, "date_text": entry.date_text, "modified_at": entry.modified_at},
            )
            if request is not None:
                yield request

    def parse_sitemap(self, response, edition: str):
        edition = self.site.edition(edition)
        stats = self.crawler.stats
        # A gzipped sitemap is unpacked as it is parsed, to at most 50 MB (kznews.extract.feeds).
        sitemap = parse_sitemap(response.body, edition.lang, fetched_at(response), self.site.fix_sitemap_loc)
        if sitemap is None:
            reason = "bad_gzip" if response.body[:2] == GZIP_MAGIC else "unreadable"
            stats.inc_value(f"kznews/sitemap/{self.name}/{reason}")
            return
        for reason, count in sitemap.skipped.items():
            stats.inc_value(f"kznews/sitemap/{self.name}/skipped/{reason}", count)
        since = self.sitemap_since
        if sitemap.kind == "index":
            for child in sitemap.entries:
                if self.site.sitemap_follow and not self.site.sitemap_follow.search(child.url):
                    continue
                # A child sitemap last modified before `since` holds nothing newer.
                if child.published_at and since and child.published_at < since:
                    continue
                yield self.sitemap_request(child.url, edition.key)
            return
        self.crawler.stats.inc_value(f"kznews/sitemap/{self.name}/{edition.key}/entries", len(sitemap.entries))
        for entry in sitemap.entries:
            if not self.site.is_article_url(entry.url) or self._too_old(entry.published_at, since):
                continue
            request = self.article_request(
                entry.url,
                edition,
                hint={"published_at": entry.published_at, "title": entry.title, "modified_at": entry.modified_at},
            )
            if request is not None:
                yield request

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
            self.crawler.stats.inc_value(f"kznews/known/{self.name}/skipped")
            return None
        if canonical in self.known and not self.refresh:
            self.crawler.stats.inc_value(f"kznews/known/{self.name}/modified_refetched")
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
            stats.inc_value(f"kznews/article/{self.name}/bad_response")
            return
        tree = page_tree(response)
        data = extract_article(response.body, response.url, self.site, lang, fetched_at(response), tree=tree)
        stats.inc_value(f"kznews/layout/{self.name}/article/{data.layout or 'none'}")
        for field_name, source in data.sources.items():
            stats.inc_value(f"kznews/source/{self.name}/{field_name}/{source}")
        for note in data.notes:
            stats.inc_value(f"kznews/notes/{self.name}/{note.split(':')[0]}")
        published_at, published_text = data.published_at, data.published_at_text
        listed = hint.get("published_at")
        day_only = "published_day_only" in data.notes
        if listed is not None and (
            published_at is None or (day_only and to_almaty(listed).date() == published_at.date())
        ):
            published_at, published_text = listed, hint.get("date_text")
            stats.inc_value(f"kznews/source/{self.name}/published_at/list")
        elif listed is not None and published_at is not None and abs((listed - published_at).total_seconds()) >= 120:
            # The list and the page disagree: the page wins, but the disagreement is worth seeing.
            stats.inc_value(f"kznews/notes/{self.name}/list_date_disagrees")
        yield Article(
            url=data.url,
            site=self.name,
            lang=lang,
            title=data.title or hint.get("title"),
            summary=data.summary,
            body=data.body,
            authors=data.authors,
            section=data.section,
            tags=data.tags,
            images=data.images,
            published_at=published_at,
            modified_at=data.modified_at,
            published_at_text=published_text,
            fetched_at=data.fetched_at,
            fetched_url=response.url,
            layout=data.layout,
        )
