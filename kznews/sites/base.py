"""The shapes a site definition is made of.

A site is data: its editions (one per language, each with an origin), where its lists, feeds and sitemaps
are, which links are articles, and the CSS selectors of each markup version of its list and article pages.
The spider engine (kznews.spiders.engine) and the extractors (kznews.extract) read these and nothing else,
so adding a site is one module in kznews/sites/ plus its fixture pages.

Markup versions live side by side: a site lists several `ListLayout`s / `ArticleLayout`s, newest first.
Every list layout that matches a page contributes entries (a home page carries several headline blocks); for
articles, the first layout whose `detect` selector matches is used, so archived pages in old markup still parse.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from kznews.urls import without_tracking

# The names of the service pages news sites publish beside their articles, as whole URL slugs ("-" or "_"
# between words), in the transliterations Kazakh sites use: advertising and its terms, contacts, about the
# site/agency/paper/channel, the press centre, copyright and reprint rules, privacy, terms of use, vacancies,
# the editorial board. Sites combine it with their own URL structure in `not_articles`. A whole slug, never a
# prefix: "reklama-alkogolya-zapretyat-123456" is an article.
SERVICE_SLUG = (
    r"(?:reklam[a-z]*(?:[-_]na[-_]sa[ijy]te)?|usloviya[-_]razme(?:shch|sch|shh|sh)eniya[-_]reklamy|reklamodatel[a-z]*|"
    r"advertis[a-z]*|kontakt[a-z]*|contacts?|contact[-_]us|about(?:[-_]us)?|"
    r"o[-_](?:nas|proekte|kompanii|sa[ijy]te|kanale|gazete|redakcii|agentstve)|ob[-_]agentstve|agentstv[a-z]*|"
    r"agency|biz[-_]turaly|press[-_]?(?:c|ts)ent(?:er|r)[a-z]*|press[-_]?rel[iy]z[a-z]*|copyright|kopirajt|"
    r"avtorsk[a-z]*[-_]prav[a-z]*|pravoobladatel[a-z]*|pravila[-_](?:perepechatki|ispolzovaniya[-_]materialov|"
    r"citirovaniya)|privacy(?:[-_]policy)?|politika[-_]konfidencial[a-z]*|terms(?:[-_]of[-_](?:use|service))?|"
    r"polzovatelsk[a-z]*[-_]soglashen[a-z]*|vakansi[a-z]*|vacanc[a-z]*|redakci[a-z]*|redkollegi[a-z]*|"
    r"editorial[-_]board|sitemap|karta[-_]sa[ijy]ta)"
)
# First path segments of listing and service sections: tags, authors, search, static pages.
SERVICE_SECTION = r"(?:tags?|authors?|avtory?|search|poisk|category|page|pages|static|about|reklama|contacts|kontakty)"


@dataclass(frozen=True)
class ListSource:
    """A list page to walk: a news feed page, a section, a tag, or a page with headline blocks."""

    path: str  # origin-relative ("/news/") or absolute URL
    # Pagination template with {n} for the page number (page 1 is `path` itself). None: follow the `next`
    # links the list layout finds, if any.
    page: str | None = None
    # True when the list only renders in a browser (scrapy-playwright is used for this source only).
    js: bool = False
    # How a browser-rendered list reveals more entries: CSS of a "load more" button to click, or None to scroll.
    load_more: str | None = None
    # What the list is; "headlines" marks a block of latest news on a page that is not itself a list.
    kind: str = "list"


@dataclass(frozen=True)
class Edition:
    """One language edition of a site."""

    lang: str  # "ru", "kk" or "en"
    origin: str  # scheme://host of the edition, no trailing slash
    # Editions that share a host are told apart by the path ("/ru/", "/kz/" on inform.kz).
    path_prefix: str = ""
    lists: tuple[ListSource, ...] = ()
    feeds: tuple[str, ...] = ()  # RSS/Atom, origin-relative or absolute
    sitemaps: tuple[str, ...] = ()  # sitemap or sitemap index, origin-relative or absolute
    # JSON "load more" endpoints (zakon.kz): a URL template with {n}; the site's `json_list` hook reads them.
    json_lists: tuple[str, ...] = ()
    # Tells apart two editions in one language (egemen.kz in Cyrillic and lat.egemen.kz in Latin script, both
    # "kk"): the edition's key becomes "kk-latn". Empty for the usual one edition per language.
    variant: str = ""
    # Where the edition's older pages live besides origin + path_prefix: "host/path-prefix" forms, after the
    # site's host_aliases ("www.inform.kz/kaz/": Kazinform's Kazakh pages before kaz.inform.kz). Never crawled as
    # lists; they make archived links and pages belong to the edition (edition_for_url, is_article_url).
    archive_prefixes: tuple[str, ...] = ()
    # Backfills (a date window, kznews.spiders.engine): a list of the edition's pages of one day, a URL template
    # formatted with the day ({day:%Y/%m/%d}), when the site has dated archive pages.
    day_archive: str | None = None
    # The paths of the paginated lists (of `lists`, with a {n} template) that reach back through the archive
    # newest first, for the binary search on their page numbers; None: every paginated list; (): none (a list of
    # today's news only).
    deep_lists: tuple[str, ...] | None = None

    @property
    def key(self) -> str:
        return f"{self.lang}-{self.variant}" if self.variant else self.lang

    @property
    def host(self) -> str:
        return urlsplit(self.origin).hostname or ""

    @property
    def url_prefixes(self) -> tuple[tuple[str, str], ...]:
        """(host, path prefix) of the edition itself, then of its archive."""
        archived = tuple(
            (form.split("/", 1)[0].lower(), "/" + form.split("/", 1)[1] if "/" in form else "/")
            for form in self.archive_prefixes
        )
        return ((self.host, self.path_prefix), *archived)

    def absolute(self, path: str) -> str:
        return path if "://" in path else self.origin + path


ROUTE_SOURCES = ("lists", "sitemaps")
# What each backfill route is, for docs/sites.md and the spider's log.
BACKFILL_ROUTES = {
    "sitemaps": "sitemaps by period: only the index's children overlapping the window",
    "days": "dated archive pages, one URL per day of the window",
    "pages": "binary search on the page number of a deep list, then the window's pages",
    "walk": "no complete route: the usual lists, feeds and sitemaps, with the window applied to their entries",
}


def deep_lists(edition: Edition) -> tuple[ListSource, ...]:
    """The paginated lists a backfill binary-searches (Edition.deep_lists; by default every one with a {n} page
    template that needs no browser)."""
    return tuple(
        source for source in edition.lists
        if source.page is not None and "{n}" in source.page and source.kind == "list" and not source.js
        and (edition.deep_lists is None or source.path in edition.deep_lists)
    )


@dataclass(frozen=True)
class ListLayout:
    """Selectors of one markup version of a list (or headline block)."""

    name: str
    item: str  # CSS of each entry's container
    link: str = "a[href]"  # CSS, inside the item, of the article link (first match)
    title: str | None = None  # CSS of the title inside the item (default: the link's text)
    date: str | None = None  # CSS of the element holding the date text
    date_attr: str | None = None  # read the date from this attribute (e.g. "datetime") before the text
    next: str | None = None  # CSS, on the whole page, of pagination links
    # CSS, on the whole page, of day headings that date the items below them (informburo.kz: "Сегодня",
    # "15 августа", then items showing only "13:51"). An item's date text becomes the text of the last
    # heading before its date element plus its own date text ("15 августа 13:51"); the date engine infers
    # the missing year (the latest such date not after the fetch).
    day_heading: str | None = None


@dataclass(frozen=True)
class ArticleLayout:
    """Selectors of one markup version of an article page. All selectors are CSS; None means "not on this
    layout", and the extractor falls back to structured data or generic heuristics for that field."""

    name: str
    detect: str  # CSS that must match for this layout to apply
    title: str | None = None
    body: str | None = None  # container(s) of the article text
    date: str | None = None  # visible publication date text
    date_attr: str | None = None  # read the date from this attribute of `date` first
    modified: str | None = None
    authors: str | None = None  # one element per author
    tags: str | None = None  # one element per tag
    section: str | None = None
    summary: str | None = None  # the lead, when the page marks it
    images: str | None = None  # <img> elements of the article
    # Nodes removed from the body before its text is read: ads, related links, share buttons, tag lists.
    drop: tuple[str, ...] = ()
    # The body ends before the first node matching this (kt.kz runs the next article below the current one).
    stop: str | None = None


@dataclass(frozen=True)
class Site:
    name: str  # spider name, e.g. "tengrinews"
    title: str  # human name, e.g. "Tengrinews.kz"
    editions: tuple[Edition, ...]
    # Which links are articles: matched against the URL path (plus query, if any, without tracking parameters).
    article_path: re.Pattern[str]
    list_layouts: tuple[ListLayout, ...] = ()
    article_layouts: tuple[ArticleLayout, ...] = ()
    # Extra host forms that belong to the site, mapped to the preferred host (m., www., old domains).
    host_aliases: Mapping[str, str] = field(default_factory=dict)
    # Body paragraphs to remove (promos, subscription prompts, credits), on top of the generic ones.
    boilerplate: tuple[re.Pattern[str], ...] = ()
    # Descriptions that are SEO templates, not summaries.
    junk_summary: re.Pattern[str] | None = None
    # Title suffixes the site appends ("... - Новости Zakon.kz").
    title_suffix: re.Pattern[str] | None = None
    # The dateline the site opens its leads with ("АСТАНА. KAZINFORM – "), anchored with ^: cut from the start
    # of the body and the summary (it is part of the first paragraph, so no paragraph pattern can remove it).
    dateline: re.Pattern[str] | None = None
    # Which child sitemaps of a sitemap index to follow (default: all), matched against their URL.
    sitemap_follow: re.Pattern[str] | None = None
    # Sitemaps by period, for backfills: a pattern on a child sitemap's URL with named groups `year`, `month` and
    # optionally `day`, the period the child holds ("sitemap-2024-03.xml").
    sitemap_period: re.Pattern[str] | None = None
    # The index's children hold consecutive stretches of time in order (numbered children filled one after the
    # other), so their `lastmod`s bound them: a child holds entries after the previous child's lastmod up to its own.
    sitemap_chronological: bool = False
    # Repairs a broken <loc> of the site's sitemaps beyond the generic repairs in kznews.extract.feeds.
    fix_sitemap_loc: Callable[[str], str] | None = None
    # Takes the list items out of one answer of a JSON list endpoint (Edition.json_lists): text -> HTML markup
    # read with the site's list layouts (kznews.extract.jsonlist); raises ValueError on an answer it cannot read.
    # zakon.kz's "load more" JSON carries HTML chunks of list items.
    json_list: Callable[[str], str] | None = None
    # Service pages that share the article pattern (advertising terms, contacts, the agency, tags, authors...):
    # matched like `article_path`; a match means "not an article" (see SERVICE_SLUG for the usual names).
    not_articles: re.Pattern[str] | None = None
    # Free-form notes shown in the generated docs table.
    notes: str = ""

    def backfill_route(self, edition: Edition, sources: frozenset[str] | set[str] = frozenset(ROUTE_SOURCES)) -> str:
        """The cheapest complete route a backfill takes through an edition's past (BACKFILL_ROUTES), among the
        discovery methods allowed (`sources`): a sitemap per period is one request a month or day, a day archive one
        page or a few a day, a binary search on a deep list about 2*log2(pages) requests plus the window's pages."""
        if "sitemaps" in sources and edition.sitemaps and (self.sitemap_period or self.sitemap_chronological):
            return "sitemaps"
        if "lists" in sources and edition.day_archive:
            return "days"
        if "lists" in sources and deep_lists(edition):
            return "pages"
        return "walk"

    def edition(self, key: str) -> Edition:
        """The edition with this key ("ru", "kk-latn"); a bare language picks its first edition."""
        for edition in self.editions:
            if edition.key == key:
                return edition
        for edition in self.editions:
            if edition.lang == key:
                return edition
        raise KeyError(f"{self.name} has no {key!r} edition")

    def editions_for(self, key: str) -> list[Edition]:
        """Editions selected by `-a lang=`: a key selects one, a language all editions in it."""
        exact = [e for e in self.editions if e.key == key]
        return exact or [e for e in self.editions if e.lang == key]

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.lang for e in self.editions))

    @property
    def edition_keys(self) -> tuple[str, ...]:
        return tuple(e.key for e in self.editions)

    @property
    def hosts(self) -> frozenset[str]:
        """Every host whose pages belong to the site."""
        return frozenset(
            {host for e in self.editions for host, _ in e.url_prefixes}
            | set(self.host_aliases)
            | set(self.host_aliases.values())
        )

    @property
    def uses_browser(self) -> bool:
        return any(source.js for e in self.editions for source in e.lists)

    def edition_for_url(self, url: str) -> Edition | None:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        host = self.host_aliases.get(host, host)
        path = parts.path or "/"
        best, best_length = None, -1
        for edition in self.editions:  # the longest matching prefix wins; the first edition on ties
            for prefix_host, prefix in edition.url_prefixes:
                if prefix_host == host and path.startswith(prefix) and len(prefix) > best_length:
                    best, best_length = edition, len(prefix)
        return best

    def is_article_url(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or (parts.hostname or "").lower() not in self.hosts:
            return False
        query = without_tracking(parts.query)  # "?utm_source=main" does not make an article something else
        target = parts.path + ("?" + query if query else "")
        if not self.article_path.search(target):
            return False
        return self.not_articles is None or not self.not_articles.search(target)
