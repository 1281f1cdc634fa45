"""Khabar Agency (khabar.kz): ru https://khabar.kz/ru/, kk https://khabar.kz/kk/ (one host, editions by path).

Evidence: docs/evidence/SITES.md row 10 and docs/evidence/site-evidence.md section 10. No real HTML of the site was
available; the fixture pages are constructed (tests/tools/construct_khabar.py) and every selector below that the
evidence does not name is an assumption about a Joomla 3 site.
- Known [C]: the news list /ru/news?start=N (Joomla counts entries, 20 per page), article URLs
  /ru/news/<section>/<id of 5+ digits>-<slug>, the Joomla XML maps /ru/xml-karta and /kk/xml-karta.
- Known from stored pages: the header under the title is two bullets, the view count and then the date:
  '  • 11\\n  • 05.09.2025, 18:22'; URLs like /ru/aktualno/item/36673-<slug>; the kk title suffix
  ': Қазақстан және әлемнің соңғы жаңалықтары'.
- Archive forms [V: press links in zhenis-m/auezovinstitute.kz resources/views/main/mass_media.blade.php]:
  /ru/news/obshchestvo/item/48182-<slug> (2016, K2's item segment after the section) and, on www.khabar.kz,
  /ru/novosti/obshchestvo/2251-<slug> (2014, four-digit ids). Both keep their ids, so nothing merges.
- Not articles: service sections and slugs (/ru/o-kompanii/..., SERVICE_SLUG after the id) [assumed].
- Pagination: `?start=N` counts entries, so the page-number template of ListSource cannot express it; the list
  layout follows the `next` link of Joomla's pagination block (li.pagination-next) instead.
- Assumed: Joomla's core markup (item-page, itemprop=articleBody, time[itemprop=datePublished], the tags list and
  the breadcrumb module); the Russian title suffix ': Последние новости Казахстана и мира' (mirrors the kk one);
  the kk section slugs; no JSON-LD (Joomla emits none by itself), only OpenGraph from an SEO plugin. The
  `datetime` of the date is written in +06:00 even after 2024-03-01 (a PHP with old tzdata would do that);
  kznews.extract.timestamps keeps its wall clock, which matches the visible date.
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

SITE = Site(
    name="khabar",
    title="Khabar.kz",
    editions=(
        Edition(
            "ru",
            "https://khabar.kz",
            path_prefix="/ru/",
            lists=(ListSource("/ru/news"),),
            sitemaps=("/ru/xml-karta",),
        ),
        Edition(
            "kk",
            "https://khabar.kz",
            path_prefix="/kk/",
            lists=(ListSource("/kk/news"),),
            sitemaps=("/kk/xml-karta",),
        ),
    ),
    # /ru/news/proisshestviya/172047-delo-sherzata-..., /ru/aktualno/item/36673-glava-gosudarstva-...
    # old: /ru/news/obshchestvo/item/48182-<slug> (2016), /ru/novosti/obshchestvo/2251-<slug> (2014)
    article_path=re.compile(
        r"^/(?:ru|kk)/(?:news/[a-z0-9-]+(?:/item)?|[a-z0-9-]+/item)/\d{5,}-[a-z0-9-]+/?$"
        r"|^/(?:ru|kk)/novosti/[a-z0-9-]+/\d{4,}-[a-z0-9-]+/?$"
    ),
    not_articles=re.compile(
        rf"^/(?:ru|kk)/(?:{SERVICE_SECTION}|o-kompanii|o-nas|kontakty|vakansii|reklama)/|/\d+-{SERVICE_SLUG}/?$"
    ),
    list_layouts=(
        ListLayout(
            name="joomla-blog",
            item="div.blog div[itemprop=blogPost]",
            link="h2 a",
            date="time",
            next="div.pagination li.pagination-next a",
        ),
    ),
    article_layouts=(
        ArticleLayout(
            name="joomla-item-page",
            detect="div.item-page",
            title="div.item-page h1",
            body="div.item-page div[itemprop=articleBody]",
            date="ul.article-info li.published",
            tags="ul.tags li a",
            section="ul.breadcrumb li:nth-last-child(2) a.pathway",
            images="div.item-page div.item-image img",
            drop=("div.item-image", "div.pagenavigation"),
        ),
    ),
    host_aliases={"www.khabar.kz": "khabar.kz"},
    title_suffix=re.compile(
        r"\s*[:|–—-]\s*(Қазақстан және әлемнің соңғы жаңалықтары|Последние новости Казахстана и мира|"
        r"Хабар|Khabar\.kz)\s*$",
        re.IGNORECASE,
    ),
    notes="Joomla; lists follow the pagination's next link (?start=N counts entries).",
)
