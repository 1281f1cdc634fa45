"""Vласть (vlast.kz): ru at the root, kk under /kz/, en under /english/, on one host.

Evidence: docs/evidence/SITES.md row 6 and docs/evidence/site-evidence.md section 6; no real HTML.
- Lists: /novosti/?archive=1 with pages /novosti/N/?archive=1 and `<link rel="last" href="/novosti/27/?archive=1">`,
  dates in time[datetime] [C]; /english/?archive=1 the same [C, a 2026 scraper's test].
- Articles: /novosti/<id>-<slug>.html, long reads in rubrics (/kz/obsshestvo/30202-put-musora.html), AMP under
  /amp/ and /kz/amp/ [V]; old news without an id (/novosti/samruk_qazyna_i_bulat...html) [C].
- Article header: time.news-date.js-date-long '11.12.2019, 11:27' inside ul.meta.item-expand-meta with the view
  count in the li holding .icon--view-gray [C]. Long reads print the view count '47785', then '29 октября 2018'
  (no time), then the byline 'Текст: Данияр Молдабеков, Фото: Данияр Мусиров' (the writer is the author, the
  photographer is not), then the title, which the body repeats after the subtitle [V]. News pages print the
  subtitle, the view bullet '• 3740', the title, then a capitalised credit 'ФОТО ИЗ INSTAGRAM ...' [V].
- Boilerplate: 'Еще по теме:' with its links, 'Свежее из этой рубрики', 'Просматриваемые' [V].
- URL forms: the English section's articles /english/<id>-<slug>.html [V: public notes link
  /english/70524-rights-watchdogs-condemn-sentencing-of-kazakhstani-journalist.html]; nothing older than the forms
  above is in the evidence.
- Not articles: the id-less form would also fit pages such as /o_nas.html or /politika_konfidencialnosti.html, so
  service slugs (SERVICE_SLUG, with or without an id) and sections (SERVICE_SECTION) are refused [assumed].
Assumed: the kk list /kz/novosti/?archive=1 (SITES.md's /vlast-qazaqsha/ is a rubric of the Russian site whose
article URLs are not known; Kazakh pages are under /kz/), the class names other than those above, the JSON-LD.
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


def _archive(section: str) -> ListSource:
    return ListSource(f"{section}?archive=1", page=f"{section}{{n}}/?archive=1")


SITE = Site(
    name="vlast",
    title="Vласть",
    editions=(
        Edition("ru", "https://vlast.kz", lists=(_archive("/novosti/"),)),
        Edition("kk", "https://vlast.kz", path_prefix="/kz/", lists=(_archive("/kz/novosti/"),)),
        Edition("en", "https://vlast.kz", path_prefix="/english/", lists=(_archive("/english/"),)),
    ),
    # /novosti/58071-<slug>.html, /kz/obsshestvo/30202-put-musora.html, /english/66402-<slug>.html, AMP
    # /kz/amp/novosti/60059-<slug>.html, old /novosti/samruk_qazyna_i_bulat_utemuratov.html; not /novosti/27/?archive=1
    article_path=re.compile(r"^(?:/kz)?(?:/amp)?/(?:[a-z_-]+/)?(?:\d+-[a-z0-9_-]+|[a-z0-9]+(?:_[a-z0-9]+)+)\.html$"),
    not_articles=re.compile(rf"/(?:\d+-)?{SERVICE_SLUG}\.html$|^(?:/kz|/english)?/{SERVICE_SECTION}/"),
    list_layouts=(
        ListLayout(
            name="news-list",
            item="div.news-list-item",
            link="a.news-list-title",
            date="time.news-date",
            date_attr="datetime",
        ),
    ),
    article_layouts=(
        ArticleLayout(
            name="item-expand",
            detect="article.item-expand",
            title="h1.item-expand-title",
            body="div.item-expand-content",
            date="ul.item-expand-meta time.news-date",
            authors="div.item-expand-author",
            tags="div.item-expand-tags a",
            summary="div.item-expand-subtitle",
            images="div.item-expand-image img, div.item-expand-content img",
            drop=("div.also-block",),
        ),
    ),
    host_aliases={"www.vlast.kz": "vlast.kz", "m.vlast.kz": "vlast.kz"},
    # The site's boilerplate phrases ('Еще по теме:', 'Свежее из этой рубрики', 'Просматриваемые', capitalised
    # 'ФОТО ИЗ ...' credits) are among the generic patterns; the view counts sit in the header, outside the body.
    title_suffix=re.compile(r"\s*[|–—-]\s*(Vласть|Vlast\.kz)\s*$", re.IGNORECASE),
    notes="Editions share one host (ru /, kk /kz/, en /english/); the kk list path is assumed.",
)
