"""Egemen Qazaqstan (egemen.kz), the state daily: kk egemen.kz (Cyrillic), kk-latn lat.egemen.kz (Kazakh in Latin
script), ru ru.egemen.kz, en en.egemen.kz. (ar.egemen.kz, in Arabic script, is left out: kznews has no edition
key for it yet.)

Evidence: docs/evidence/SITES.md row 12 and docs/evidence/site-evidence.md section 13. No real HTML of the site was
available; the fixture pages are constructed (tests/tools/construct_egemen.py).
- Known [V/C]: article URLs /article/<id>-<slug> (slugs cut at 80 characters, e.g. '...-kishkentay-qadamn'); the
  homepage and /articles as lists; ?page=N pagination (lat.egemen.kz/opinion?page=10, /search?...&page=41);
  /sitemap.xml on each subdomain [C]; 'Бүгін, 14:30' on lists [C].
- Known from stored pages (kk and lat only): the header '[Rubric • ]DD <Kazakh month>, YYYY' before the title
  ('Сұхбат • 21 Ақпан, 2025', 'Oqıǵa • 04 Shilde, 2022'): a day, no time, so the instant comes from the page's
  structured date on that day; the counters after the title, split over lines ('4236 рет\\nкөрсетілді\\n24 мин\\n
  оқу үшін', '252 ret\\nkórsetildi\\n1 mın\\noqý úshin'); the title repeated as the image caption; 'Sońǵy
  jańalyqtar' (latest news) and 'Tolyǵymen' (read in full); the attribution 'dep habarlaıdy Egemen.kz.' (article
  text, kept); the collage credit 'كوللاجدى جاساعان – الماس ماناپ, «EQ»' (Arabic script; its Cyrillic and Latin
  forms are removed as boilerplate).
- Archive forms on egemen.kz [V: press links of 2015-2018 in zhenis-m/auezovinstitute.kz
  resources/views/main/mass_media.blade.php]: /article/<id>-<slug> already in 2018 (/article/171372-elorda-...),
  before it /YYYY/MM/DD/<id> (/2016/02/25/26111, /2015/10/29/4413) and WordPress's /YYYY/?p=<id> (/2015/?p=65815).
  Their ids are of another sequence than /article/ ids, and each form keeps its own path, so none merge.
- Not articles: service slugs and sections (SERVICE_SLUG, SERVICE_SECTION) [assumed].
- Assumed: all the markup (class names below); the JSON-LD datePublished without an offset (Almaty wall clock);
  for ru. and en., which no stored page shows, the same templates with Russian and English month names, rubrics
  and counters ('1520 просмотров', '3 мин', 'на чтение'; '312 views', '2 min', 'read'). The homepage is not a
  list source: its block markup is unknown and /articles carries the same stream.
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

_LISTS = (ListSource("/articles", page="/articles?page={n}"),)
_SITEMAPS = ("/sitemap.xml",)

SITE = Site(
    name="egemen",
    title="Egemen Qazaqstan",
    editions=(
        Edition("kk", "https://egemen.kz", lists=_LISTS, sitemaps=_SITEMAPS),
        Edition("kk", "https://lat.egemen.kz", lists=_LISTS, sitemaps=_SITEMAPS, variant="latn"),
        Edition("ru", "https://ru.egemen.kz", lists=_LISTS, sitemaps=_SITEMAPS),
        Edition("en", "https://en.egemen.kz", lists=_LISTS, sitemaps=_SITEMAPS),
    ),
    # /article/382201-asqar-zhumadildaev-akademik-...; not /articles, /opinion?page=10, /search?..., /amp/article/...
    # old: /2016/02/25/26111, /2015/?p=65815
    article_path=re.compile(r"^/article/\d+-[a-z0-9-]+/?$|^/20\d\d/[01]\d/[0-3]\d/\d+/?$|^/20\d\d/\?p=\d+$"),
    not_articles=re.compile(rf"^/{SERVICE_SECTION}/|^/article/\d+-{SERVICE_SLUG}/?$"),
    list_layouts=(
        ListLayout(
            name="news-list-2020",
            item="div.news-list div.news-item",
            link="h3 a",
            date="div.date-info",
        ),
    ),
    article_layouts=(
        ArticleLayout(
            name="main-news-2020",
            detect="div.main-news div.news-body",
            title="div.main-news h1",
            body="div.main-news div.news-body",
            date="div.main-news div.news-info",
            section="div.main-news div.news-info a.category",
            authors="div.author-block a.author-name",
            tags="div.news-tags a",
            summary="div.news-body div.news-lead",
            images="div.news-body img",
            drop=("div.news-stat", "div.img-caption"),
        ),
    ),
    host_aliases={"www.egemen.kz": "egemen.kz"},
    boilerplate=(
        # the counters, one line each: '4236 рет' / 'көрсетілді' / '24 мин' / 'оқу үшін' (and lat., ru., en.)
        re.compile(r"^\d[\d\s]*\s*(рет|ret|просмотр(а|ов)?|views?)(\s+(көрсетілді|kórsetildi))?$", re.IGNORECASE),
        re.compile(r"^(көрсетілді|kórsetildi)$", re.IGNORECASE),
        re.compile(r"^\d+\s*(мин|mın|min)\.?(\s+(оқу үшін|oqý úshin|на чтение|read))?$", re.IGNORECASE),
        re.compile(r"^(оқу үшін|oqý úshin|на чтение|read)$", re.IGNORECASE),
        re.compile(r"^(соңғы жаңалықтар|sońǵy jańalyqtar|последние новости|latest news)$", re.IGNORECASE),
        re.compile(r"^(толығымен|tolyǵymen|подробнее|read more)$", re.IGNORECASE),
        re.compile(r"^(коллажды жасаған|kollajdy jasaǵan|коллаж)\s*[–—-]\s*.{0,80}$", re.IGNORECASE),
    ),
    title_suffix=re.compile(r"\s*[|–—-]\s*(Egemen Qazaqstan|Egemen\.kz|Егемен Қазақстан)\s*$", re.IGNORECASE),
    notes="kk in Cyrillic and Latin script (kk-latn); header dates are days, the instant comes from JSON-LD.",
)
