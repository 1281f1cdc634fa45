"""A generated news site for incremental-crawl tests and benchmarks: N articles behind a paginated list
(/news/ and /news/page/N/, newest first, 20 per page), a news sitemap, and knobs to publish new articles on top,
pin an old one, or modify one. Loaded with -s SPIDER_MODULES=kznews.spiders,tests.tools.gensite.

For backfills (date windows) it also serves a sitemap index with one child per month (/sitemap-index.xml ->
/sitemap-2026-01.xml) and a dated archive page per day (/news/archive/2026-01-05/); the spiders gensite_months and
gensite_days take those routes, gensite itself the binary search on /news/page/N/."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from kznews.dates import ALMATY
from kznews.sites.base import ArticleLayout, Edition, ListLayout, ListSource, Site
from kznews.spiders.engine import NewsSpider
from tests.tools.site_server import Resource, SiteServer

ORIGIN = "https://gen.example.kz"
PER_PAGE = 20

SITE = Site(
    name="gensite",
    title="Generated site",
    editions=(
        Edition("ru", ORIGIN, lists=(ListSource("/news/", page="/news/page/{n}/"),), sitemaps=("/sitemap-news.xml",)),
    ),
    article_path=re.compile(r"^/news/\d+-[a-z-]+/$"),
    list_layouts=(
        ListLayout(name="cards", item="div.card", link="a.card__link", date="time", date_attr="datetime", next="a.next"),
    ),
    article_layouts=(
        ArticleLayout(
            name="plain", detect="div.article-body", title="h1", body="div.article-body", date="time.published",
            date_attr="datetime", modified="time.modified",
        ),
    ),
)


class GensiteSpider(NewsSpider):
    name = "gensite"
    site = SITE


# The same site with a second, shorter list of the same items (the newest 20, no pagination), as zakon.kz's
# /news/ page beside its JSON "load more" pages: two sources showing the same entries must not stop each other.
SITE_WITH_TOP = replace(
    SITE,
    name="gensite_top",
    editions=(replace(SITE.editions[0], lists=(ListSource("/top/"), *SITE.editions[0].lists)),),
)


class GensiteTopSpider(NewsSpider):
    name = "gensite_top"
    site = SITE_WITH_TOP


# Backfill routes: a monthly sitemap index, dated archive pages.
SITE_MONTHS = replace(
    SITE,
    name="gensite_months",
    editions=(replace(SITE.editions[0], sitemaps=("/sitemap-index.xml",)),),
    sitemap_period=re.compile(r"/sitemap-(?P<year>\d{4})-(?P<month>\d{2})\.xml$"),
)
SITE_DAYS = replace(
    SITE, name="gensite_days", editions=(replace(SITE.editions[0], day_archive="/news/archive/{day:%Y-%m-%d}/"),)
)


class GensiteMonthsSpider(NewsSpider):
    name = "gensite_months"
    site = SITE_MONTHS


class GensiteDaysSpider(NewsSpider):
    name = "gensite_days"
    site = SITE_DAYS


class GeneratedSite:
    """The site's state: article numbers newest first, each with a publication time and a revision."""

    def __init__(self, count: int, start: datetime | None = None, paragraphs: int = 4, step: timedelta | None = None):
        self.start = start or datetime(2026, 1, 1, tzinfo=UTC)
        self.step = step or timedelta(minutes=10)  # between two articles' publication times
        self.paragraphs = paragraphs
        self.articles: list[int] = list(range(count, 0, -1))
        self.revisions: dict[int, tuple[int, datetime]] = {}  # number -> (revision, modified at)
        self.pinned: int | None = None
        self.first_page_delay = 0.0
        self.server = SiteServer()
        self.publish_routes()

    def published(self, number: int) -> datetime:
        return self.start + self.step * number

    def url(self, number: int) -> str:
        return f"{ORIGIN}/news/{number}-generated-story/"

    def canonical(self, number: int) -> str:
        return self.url(number).rstrip("/")

    def add_new(self, count: int) -> list[int]:
        """Publish `count` new articles on top of the list."""
        top = max(self.articles)
        new = list(range(top + count, top, -1))
        self.articles = new + self.articles
        self.publish_routes()
        return new

    def pin(self, number: int) -> None:
        self.pinned = number
        self.publish_routes()

    def modify(self, number: int) -> None:
        """Edit an article now: its page and the sitemap's <lastmod> say so."""
        revision = self.revisions.get(number, (0, None))[0] + 1
        self.revisions[number] = (revision, datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=1))
        self.publish_routes()

    def modified(self, number: int) -> datetime | None:
        return self.revisions[number][1] if number in self.revisions else None

    def article_html(self, number: int) -> str:
        body = "\n".join(
            f"<p>Абзац {i} сгенерированной новости номер {number}. В Алматы прошло совещание, на котором обсудили "
            f"вопросы развития города, транспорта и образования; участники договорились о новых мерах.</p>"
            for i in range(1, self.paragraphs + 1)
        )
        modified = self.modified(number)
        modified_tag = f'<time class="modified" datetime="{modified.isoformat()}"></time>' if modified else ""
        revision = self.revisions.get(number, (0, None))[0]
        return (
            f'<!DOCTYPE html><html lang="ru"><head><title>Новость {number}</title>'
            f'<link rel="canonical" href="{self.canonical(number)}/"></head><body>'
            f"<h1>Сгенерированная новость {number} (редакция {revision})</h1>"
            f'<time class="published" datetime="{self.published(number).isoformat()}"></time>{modified_tag}'
            f'<div class="article-body">{body}</div></body></html>'
        )

    def list_html(self, page: int, paginated: bool = True) -> str:
        order = list(self.articles)
        if self.pinned is not None:
            order.remove(self.pinned)
            order.insert(0, self.pinned)
        chunk = order[(page - 1) * PER_PAGE : page * PER_PAGE]
        cards = "".join(
            f'<div class="card"><a class="card__link" href="/news/{n}-generated-story/">Новость {n}</a>'
            f'<time datetime="{self.published(n).isoformat()}"></time></div>'
            for n in chunk
        )
        pages = (len(order) + PER_PAGE - 1) // PER_PAGE
        nxt = f'<a class="next" href="/news/page/{page + 1}/">Далее</a>' if paginated and page < pages else ""
        return f'<!DOCTYPE html><html lang="ru"><head><title>Новости</title></head><body>{cards}{nxt}</body></html>'

    def sitemap_xml(self) -> str:
        urls = "".join(
            f"<url><loc>{self.url(n)}</loc><lastmod>{(self.modified(n) or self.published(n)).isoformat()}</lastmod></url>"
            for n in self.articles[:100]
        )
        return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'

    def month_sitemaps(self) -> dict[str, list[int]]:
        """"2026-01" -> the numbers of the articles published that month (UTC+5, the site's time)."""
        months: dict[str, list[int]] = {}
        for number in self.articles:
            months.setdefault(self.local(number).strftime("%Y-%m"), []).append(number)
        return months

    def local(self, number: int) -> datetime:
        return self.published(number).astimezone(ALMATY)

    def sitemap_index_xml(self) -> str:
        children = "".join(
            f"<sitemap><loc>{ORIGIN}/sitemap-{month}.xml</loc></sitemap>" for month in sorted(self.month_sitemaps())
        )
        return f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{children}</sitemapindex>'

    def urlset_xml(self, numbers: list[int]) -> str:
        urls = "".join(
            f"<url><loc>{self.url(n)}</loc><lastmod>{self.published(n).isoformat()}</lastmod></url>" for n in numbers
        )
        return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'

    def cards_html(self, numbers: list[int]) -> str:
        cards = "".join(
            f'<div class="card"><a class="card__link" href="/news/{n}-generated-story/">Новость {n}</a>'
            f'<time datetime="{self.published(n).isoformat()}"></time></div>'
            for n in numbers
        )
        return f'<!DOCTYPE html><html lang="ru"><head><title>Новости</title></head><body>{cards}</body></html>'

    def publish_routes(self) -> None:
        routes = self.server.routes
        routes.clear()
        pages = (len(self.articles) + PER_PAGE - 1) // PER_PAGE
        # /news/ answers late, so the short /top/ list (its first page's items) is read first
        self.server.add(f"{ORIGIN}/news/", Resource(self.list_html(1).encode(), delay=self.first_page_delay))
        self.server.add(f"{ORIGIN}/top/", Resource(self.list_html(1, paginated=False).encode()))
        for page in range(1, pages + 1):
            self.server.add(f"{ORIGIN}/news/page/{page}/", Resource(self.list_html(page).encode()))
        for number in self.articles:
            self.server.add(self.url(number), Resource(self.article_html(number).encode()))
        self.server.add(f"{ORIGIN}/sitemap-news.xml", Resource(self.sitemap_xml().encode(), "application/xml"))
        self.server.add(f"{ORIGIN}/sitemap-index.xml", Resource(self.sitemap_index_xml().encode(), "application/xml"))
        days: dict[str, list[int]] = {}
        for month, numbers in self.month_sitemaps().items():
            self.server.add(f"{ORIGIN}/sitemap-{month}.xml", Resource(self.urlset_xml(numbers).encode(), "application/xml"))
            for number in numbers:
                days.setdefault(self.local(number).strftime("%Y-%m-%d"), []).append(number)
        for day, numbers in days.items():
            self.server.add(f"{ORIGIN}/news/archive/{day}/", Resource(self.cards_html(numbers).encode()))
