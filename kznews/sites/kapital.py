"""Kapital.kz, the business news site (ru only).

Evidence is thin: docs/evidence/SITES.md row 8, docs/evidence/site-evidence.md section 9, and two public scrapers of
2026 (a Scrapy spider reading the site's Next.js data, and a script walking /news/period/today?page=N).
- Articles /<section>/<id>/<slug>.html (/economic/145210/..., /business/136156/...), AMP /amp/<section>/<id>/<slug>.html
  [V]. The title is followed by a subtitle line [V], read as the summary.
- The site is a Next.js application (`__NEXT_DATA__` with react-query state; article `published_at` in UTC such as
  '2026-01-28T06:43:04.000Z') [C]; its JSON data URLs carry a build id that changes with every deploy, so the
  HTML list is walked instead: /news/period/today with ?page=N, dates '09.04.2026 · 15:37' [C].
- RSS /rss [U: seen in SITES.md and a feed list, not verified].
URL forms: the same /<section>/<id>/<slug>.html with older ids (/business/69854/biznesmen-vlozhit-200-mln-tenge-v-
shkolnye-stadiony.html linked from a public data file [V]). Not articles: service sections and slugs (SERVICE_SECTION,
SERVICE_SLUG) [assumed].
Assumed: the markup. Next.js CSS modules give class names like `ArticlePage_title__q1w2e` whose hash suffix changes
with builds, so the selectors match the stable prefix (`[class*="ArticlePage_title__"]`). JSON-LD with the UTC
time, the author and tag blocks, the "Читайте также" card in the body; the AMP markup.
"""

import re

from kznews.sites.base import (
    SERVICE_SECTION,
    SERVICE_SLUG,
    ArticleLayout,
    Edition,
    ListLayout,
    ListSource,
    Site,
)


def _module(name: str) -> str:
    """A CSS-module class selector that survives the build hash: "ArticlePage_title" -> [class*="ArticlePage_title__"]."""
    return f'[class*="{name}__"]'


SITE = Site(
    name="kapital",
    title="Kapital.kz",
    editions=(
        Edition(
            "ru",
            "https://kapital.kz",
            lists=(ListSource("/news/period/today", page="/news/period/today?page={n}"),),
            feeds=("/rss",),
            deep_lists=(),  # today's news only: no route back in time (a backfill walks it as usual)
        ),
    ),
    # /economic/145210/<slug>.html, /amp/gosudarstvo/97911/<slug>.html; not /news/period/today, /tags/<tag>
    article_path=re.compile(r"^(?:/amp)?/[a-z_-]+/\d+/[a-z0-9_-]+\.html$"),
    not_articles=re.compile(rf"^(?:/amp)?/{SERVICE_SECTION}/|/\d+/{SERVICE_SLUG}\.html$"),
    list_layouts=(
        ListLayout(
            name="next-news-list",
            item=_module("NewsList_item"),
            link=f"a{_module('NewsList_title')}",
            date=_module("NewsList_date"),
        ),
    ),
    article_layouts=(
        ArticleLayout(
            name="next-article",
            detect=_module("ArticleBody_root"),
            title=f"h1{_module('ArticlePage_title')}",
            body=_module("ArticleBody_root"),
            date=_module("ArticleMeta_date"),
            authors=_module("ArticleAuthor_name"),
            tags=_module("ArticleTags_tag"),
            section=f"{_module('ArticlePage_breadcrumbs')} a:last-child",
            summary=_module("ArticlePage_subtitle"),
            images=f"{_module('ArticlePage_cover')} img, {_module('ArticleBody_root')} img",
            drop=(_module("ReadAlso_root"),),
        ),
        ArticleLayout(
            name="amp",
            detect="article.amp-article",
            title="h1.amp-title",
            body="div.amp-body",
            date="span.amp-date",
            summary="p.amp-subtitle",
        ),
    ),
    host_aliases={"www.kapital.kz": "kapital.kz"},
    title_suffix=re.compile(r"\s*[|–—-]\s*Kapital\.kz\s*$", re.IGNORECASE),
    notes="Next.js site: CSS-module selectors match the class prefix; evidence is thin (markup assumed).",
)
