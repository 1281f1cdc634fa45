"""Sputnik Казахстан: ru ru.sputnik.kz, kk sputnik.kz.

Evidence: docs/evidence/SITES.md row 14 ('sputnik.kz: data-unixtime, sitemap_article_index.xml') and
docs/evidence/site-evidence.md section 17 (one stored ru page, text only). What is known:
- Article URLs /YYYYMMDD/<slug>-<id>.html (the URL carries the day) [V]; other sites of the same platform also
  use /YYYYMMDD/<id>.html [C], which the pattern accepts.
- Lists carry the publication instant as a Unix timestamp in `data-unixtime` [C]; the date engine reads it.
- Sitemaps: /sitemap_article_index.xml, an index of per-period children 'sitemap_article.xml?date_start=...'
  (a public scraper follows the children containing 'sitemap_article.xml') [C]. RSS:
  /export/rss2/archive/index.xml, the platform's feed path, listed for ru.sputnik.kz by several public
  projects [C].
- 'Подписаться' stands on its own line right after the title (a subscribe button in the article header, outside
  the text; dropped also as a paragraph). Third-party reprints credit 'сообщает Sputnik Казахстан.'.
- The platform's article markup (other Sputnik sites, public scrapers [C]): h1.article__title,
  div.article__announce-text (the lead), div.article__body made of div.article__block[data-type] blocks, where
  data-type="text" is text and data-type="article" an embedded card of another article; tags a.tag__text; the
  date link with data-unixtime in div.article__info-date; article:published_time in basic ISO form
  ('20240416T1205+0500'). The lead's 'АСТАНА, 16 апр - Sputnik.' dateline is part of the first sentence.

Archive: until about 2021 Sputnik Kazakhstan lived at sputniknews.kz, Russian on ru.sputniknews.kz (its RSS
/export/rss2/archive/index.xml and archive page m.ru.sputniknews.kz/archive/ are in several public projects [V]),
Kazakh on sputniknews.kz itself, with articles at /<rubric>/<YYYYMMDD>/<id>/<Slug>.html [V: recoilme/clean
clean_test.go links https://sputniknews.kz/society/20190520/10197904/Sakhnany-syylauy-kerek-...-aldy.html, a
Kazakh title in mixed case]. The same form on ru.sputniknews.kz and the form without the slug are assumed; so is
kaz.sputniknews.kz (named in the issue, not seen in the evidence). The old hosts are aliases of the new ones
(ru.sputniknews.kz -> ru.sputnik.kz, sputniknews.kz -> sputnik.kz): the edition follows the host, and ids are
unique on the platform, so an old and a new URL never name two different articles. m.ru.sputnik.kz is the
mobile host [V: an AdGuard filter list entry, 2021].
Not articles: the tag, author and search sections (SERVICE_SECTION) [assumed].
Assumed: the Kazakh edition is sputnik.kz (no Kazakh Sputnik page was in the evidence) with the same paths as the
Russian one; /news/ as the news list (the platform's "more" button is a script, so the list is not paginated
here: the feed and the sitemaps give the depth); the JSON-LD, which prints Moscow time (+03:00, a true instant).
"""

import re

from kznews.sites.base import SERVICE_SECTION, ArticleLayout, Edition, ListLayout, ListSource, Site

_LISTS = (ListSource("/news/"),)
_FEEDS = ("/export/rss2/archive/index.xml",)
_SITEMAPS = ("/sitemap_article_index.xml",)

SITE = Site(
    name="sputnik",
    title="Sputnik Казахстан",
    editions=(
        Edition("ru", "https://ru.sputnik.kz", lists=_LISTS, feeds=_FEEDS, sitemaps=_SITEMAPS),
        Edition("kk", "https://sputnik.kz", lists=_LISTS, feeds=_FEEDS, sitemaps=_SITEMAPS),
    ),
    # /20240416/roditelyam-pogibshey-...-43698034.html; old /society/20190520/10197904/Sakhnany-syylauy-....html
    article_path=re.compile(
        r"^/20\d{6}/([0-9a-z-]+-)?\d+\.html$|^/[a-z_-]+/20\d{6}/\d+(?:/[A-Za-z0-9_-]+)?\.html$"
    ),
    not_articles=re.compile(rf"^/{SERVICE_SECTION}/"),
    list_layouts=(
        ListLayout(
            name="list-2024",
            item="div.list__item",
            link="a.list__title",
            date="div.list__date",
            date_attr="data-unixtime",
        ),
    ),
    article_layouts=(
        ArticleLayout(
            name="article-2024",
            detect="div.article__body",
            title="h1.article__title",
            summary="div.article__announce-text",
            body="div.article__body",
            date="div.article__info-date > a",
            date_attr="data-unixtime",
            modified="div.article__info-date-modified",
            tags="ul.tags a.tag__text",
            images="div.article__announce img, div.article__body div.article__block[data-type=media] img",
            drop=(
                "div.article__block[data-type=article]",
                "div.article__block[data-type=banner]",
                "div.article__block[data-type=media] .media__copyright",
            ),
        ),
    ),
    host_aliases={
        "www.sputnik.kz": "sputnik.kz",
        "m.sputnik.kz": "sputnik.kz",
        "m.ru.sputnik.kz": "ru.sputnik.kz",
        # the archive's hosts (see the module docstring)
        "sputniknews.kz": "sputnik.kz",
        "www.sputniknews.kz": "sputnik.kz",
        "kaz.sputniknews.kz": "sputnik.kz",
        "ru.sputniknews.kz": "ru.sputnik.kz",
        "m.ru.sputniknews.kz": "ru.sputnik.kz",
    },
    sitemap_follow=re.compile(r"sitemap_article\.xml"),
    boilerplate=(re.compile(r"^(подписаться|жазылу)$", re.IGNORECASE),),
    junk_summary=re.compile(r"^Sputnik (Казахстан|Қазақстан)\s*[-–—:]|Последние новости Казахстана", re.IGNORECASE),
    # <title>: "... - 16.04.2024, Sputnik Казахстан"
    title_suffix=re.compile(r"\s*[-–—]\s*(\d{2}\.\d{2}\.\d{4},\s*)?Sputnik (Казахстан|Қазақстан)\s*$", re.IGNORECASE),
    notes="Lists and articles give the instant as a Unix timestamp (data-unixtime).",
)
