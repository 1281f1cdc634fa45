"""Tengrinews.kz: ru tengrinews.kz, kk kaz.tengrinews.kz, en en.tengrinews.kz.

Evidence: real pages in tests/fixtures/real/tengrinews (see MANIFEST.tsv there) and docs/evidence/SITES.md.
- Lists: /news/ with /news/page/N/ and /article/ (long-reads) with /article/page/N/ in the 2024 `content_main_*`
  markup; tag and section pages (/tag/алматы/page/N/) in the 2023 `tn-*` markup; the home page's headline blocks.
  The /news/ list prints only "Сегодня" (no time), so the article page supplies the instant.
- Articles: `h1.head-single`, `div.date-time` ("18 марта 2024 06:16"), body `div.content_main_text` which also
  holds ad scripts, an (often empty) source line and the tag list. The structured dates carry wrong fixed offsets
  (meta +05:00 in 2023, JSON-LD +06:00 in 2024); kznews.extract.timestamps keeps the wall clock.
- Sitemaps carry broken locs such as "https://tengrinews.kzhttps://tengrisport.kz/..." (repaired generically).
- Not articles, though they fit /<section>/<slug>-<id>/: tag pages whose tag ends in a number (/tag/послание-2022/
  is linked from the real 2023 tag pages [V]), and any page under /tag/, /author/ (author lists /author/389/page/20
  [V, docs/evidence/site-evidence.md section 1]), /search/, /page/ [assumed], and service slugs (SERVICE_SLUG) [assumed].
- URL forms: the article form above is the only one in the evidence back to 2019 (public code links
  /kazakhstan_news/stoit-udivlyatsya-...-369526/ [V]). test.tengrinews.kz, a staging copy seen in stored pages
  [V], is not an alias: its pages are copies, not the archive. www. and m. are aliases [assumed].
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

_LISTS = (
    ListSource("/news/", page="/news/page/{n}/"),
    ListSource("/article/", page="/article/page/{n}/"),
    ListSource("/", kind="headlines"),
)

SITE = Site(
    name="tengrinews",
    title="Tengrinews.kz",
    editions=(
        Edition(
            "ru",
            "https://tengrinews.kz",
            lists=_LISTS,
            feeds=("/news.rss",),
            sitemaps=("/sitemap-index.xml",),
        ),
        Edition("kk", "https://kaz.tengrinews.kz", lists=_LISTS, sitemaps=("/kk-sitemap-index.xml",)),
        Edition("en", "https://en.tengrinews.kz", lists=_LISTS, sitemaps=("/en-sitemap-index.xml",)),
    ),
    # /<section>/<slug>-<id>/ e.g. /kazakhstan_news/vyisokih-tsenah-...-578502/, /article/ludomaniya-...-2185/
    article_path=re.compile(r"^/[a-z_]+/[^/?#]+-\d+/?$"),
    not_articles=re.compile(rf"^/{SERVICE_SECTION}/|^/[a-z_]+/{SERVICE_SLUG}-\d+/?$"),
    list_layouts=(
        ListLayout(
            name="content_main-2024",
            item="div.content_main_item",
            link="span.content_main_item_title a",
            date="div.content_main_item_meta > span:first-child",
            next="a.page-link",
        ),
        ListLayout(
            name="tn-2023",
            item="div.tn-news-author-list-item",
            link="a.tn-link",
            title="span.tn-news-author-list-title",
            date="ul.tn-data-list time",
            next=".tn-pagination a",
        ),
        ListLayout(
            name="home-top-2024",
            item="div.main-news_top_item",
            link="span.main-news_top_item_title a",
            date="div.main-news_top_item_meta time",
        ),
        ListLayout(
            name="home-super-2024",
            item="div.main-news_super_item",
            link="span.main-news_super_item_title a",
            date="div.main-news_super_item_meta time",
        ),
    ),
    article_layouts=(
        ArticleLayout(
            name="content_main-2023",
            detect="div.content_main_text",
            title="h1.head-single",
            body="div.content_main_text",
            date="div.date-time",
            authors=".content_main_meta_author_item_name > a",
            tags=".content_main_text_tags a",
            drop=(".content_main_text_tags", ".content_main_text_source:empty"),
        ),
    ),
    host_aliases={"www.tengrinews.kz": "tengrinews.kz", "m.tengrinews.kz": "tengrinews.kz"},
    sitemap_follow=re.compile(r"sitemap-news|news-sitemap|sitemap_news"),
    boilerplate=(
        re.compile(r"^изображение сгенерировано (нейросетью|при помощи нейросети)", re.IGNORECASE),
        re.compile(r"^(оцените работу акима|референдум по аэс)", re.IGNORECASE),
    ),
    junk_summary=re.compile(r"Интересная и полезная статья|Читайте онлайн|[✅⚡]"),
    title_suffix=re.compile(r"\s*[-|–—]\s*(Tengrinews\.kz|Главные новости Казахстана).*$", re.IGNORECASE),
)
