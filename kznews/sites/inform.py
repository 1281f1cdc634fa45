"""Kazinform (inform.kz / qazinform.com): ru www.inform.kz/ru/, kk kaz.inform.kz, en qazinform.com.

Evidence: docs/evidence/SITES.md row 4 and docs/evidence/site-evidence.md section 4; list and body selectors of a public
scraper (2025).
- Lists: /ru/lenta?page=N, 24 items a page [C, 2026]; `.allNewsCard` with `.allNewsCard_title` and
  `.allNewsCard_time` '13:51, 15 Август 2025' (nominative month) [C]. The kk and en lists are taken to be /lenta
  on their hosts, the same CMS without the language prefix (assumed).
- Articles: ru /ru/<slug>-<6 hex>, kk /news/<slug>-<6 hex>/, en /news/<slug>-<6 hex> [V]; the old forms
  /ru/<slug>_a4137890, /kz/..._a2471636, en.inform.kz/news/..._a2980664/ and www.inform.kz/en/..._a4017622 still
  circulate [V]. Header date before the title: '10:08, 18 Ноябрь 2025 | GMT +5', kk '16:56, 23 Ақпан 2024 | GMT +5',
  en '12:16, 18 August 2025', 2016 '... | GMT +6' [V]; the printed offset is honoured (a 2024 page shown today
  says GMT +5 for a time Almaty then wrote as +6). Leads open with a dateline 'АСТАНА. KAZINFORM – ' (en dash,
  em dash, hyphen or nothing) [V], cut by `dateline`. Body `.article__description` + `.article__body-text` [C].
  The title comes back as the lead photo's caption, photo credits ('Фото: Акорда', 'Коллаж: Kazinform / ...'),
  'More news in our Telegram channel!', 'Related news' and tag lines are not text [V].
- Sitemaps: cn.inform.kz has /sitemaps/google-news_cn.xml [C]; the same path per language is assumed for ru
  (google-news_ru), kk (google-news_kz) and en (google-news_en). The pre-2023 RSS /rss/*.xml is not used.
- Archive forms [V unless marked]: the hex id has 6 or 8 digits (2026 links ...-6a64cf5e, ...-526520ec in public
  notes); about 2014-2017 articles were /rus/article/<id> and /kaz/article/<id> on www.inform.kz, inform.kz and its
  other name www.kazinform.kz, /kz/article/<id> on m.inform.kz (all in the press links of zhenis-m/auezovinstitute.kz
  resources/views/main/mass_media.blade.php: /rus/article/2874214, /kaz/article/2874217, /kz/article/2825154);
  /eng/article/<id> [assumed]. lenta.inform.kz served the feed and its archive /ru/archive/?date= in 2020-2022
  (several public parsers) with the same paths [assumed]. kazinform.kz, m.inform.kz and lenta.inform.kz are aliases
  of www.inform.kz, where the language segment names the edition: /ru/ and /rus/ ru, /kz/ and /kaz/ kk, /en/ and
  /eng/ en (Edition.archive_prefixes). The numeric and the _a ids are the same CMS's ids and the hex ids are
  another sequence, so no two articles meet under one URL.
- Not articles: author, tag, search and static sections and service slugs (SERVICE_SECTION, SERVICE_SLUG) [assumed].
Assumed (no evidence): the article markup's class names beyond those above, the author and tag blocks, the
JSON-LD (which carries naive UTC times on the constructed pages, a common CMS habit the visible date overrules).
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
    name="inform",
    title="Kazinform",
    editions=(
        Edition(
            "ru",
            "https://www.inform.kz",
            path_prefix="/ru/",
            lists=(ListSource("/ru/lenta", page="/ru/lenta?page={n}"),),
            sitemaps=("/sitemaps/google-news_ru.xml",),
            archive_prefixes=("www.inform.kz/rus/",),
        ),
        Edition(
            "kk",
            "https://kaz.inform.kz",
            lists=(ListSource("/lenta", page="/lenta?page={n}"),),
            sitemaps=("/sitemaps/google-news_kz.xml",),
            archive_prefixes=("www.inform.kz/kz/", "www.inform.kz/kaz/"),
        ),
        Edition(
            "en",
            "https://qazinform.com",
            lists=(ListSource("/lenta", page="/lenta?page={n}"),),
            sitemaps=("/sitemaps/google-news_en.xml",),
            archive_prefixes=("www.inform.kz/en/", "www.inform.kz/eng/"),
        ),
    ),
    # new: <slug>-<6 or 8 hex>; older: <slug>_a<7 digits>; under /ru/, /kz/, /en/ or /news/; oldest: /rus/article/<id>
    article_path=re.compile(
        r"^/(?:(?:ru|kz|en)/)?(?:news/)?[a-z0-9]+(?:-[a-z0-9]+)+(?:-[0-9a-f]{6}|-[0-9a-f]{8}|_a\d{6,8})/?$"
        r"|^/(?:rus|kaz|kz|eng|en)/article/\d{6,8}/?$"
    ),
    not_articles=re.compile(
        rf"^/(?:(?:ru|kz|en|rus|kaz|eng)/)?(?:news/)?{SERVICE_SECTION}/"
        rf"|^/(?:(?:ru|kz|en)/)?(?:news/)?{SERVICE_SLUG}(?:-[0-9a-f]{{6}}|-[0-9a-f]{{8}}|_a\d+)/?$"
    ),
    list_layouts=(
        ListLayout(
            name="allNewsCard-2025",
            item="div.allNewsCard",
            link="a[href]",
            title=".allNewsCard_title",
            date=".allNewsCard_time",
        ),
    ),
    article_layouts=(
        ArticleLayout(
            name="article-2023",
            detect="div.article__body-text",
            title="h1.article__title",
            body=".article__description, div.article__body-text",
            summary=".article__description",
            date=".article__time",
            authors=".article__author-name",
            tags=".article__tags a",
            drop=(".inline-news", ".article__photo-caption"),
        ),
    ),
    host_aliases={
        "inform.kz": "www.inform.kz",
        "m.inform.kz": "www.inform.kz",
        "lenta.inform.kz": "www.inform.kz",
        "kazinform.kz": "www.inform.kz",
        "www.kazinform.kz": "www.inform.kz",
        "en.inform.kz": "qazinform.com",
        "www.qazinform.com": "qazinform.com",
    },
    dateline=re.compile(
        r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ'\- ]{1,30}\.\s+(?:KAZINFORM|QAZINFORM|ҚАЗАҚПАРАТ|ҚазАқпарат)\s*[-–—]?\s*"
    ),
    boilerplate=(re.compile(r"^(больше новостей|көбірек жаңалық|more news).{0,40}(telegram|whatsapp)", re.IGNORECASE),),
    title_suffix=re.compile(r"\s*[-|–—]\s*(Kazinform|Qazinform|ҚазАқпарат)(\s+News Agency)?\s*$", re.IGNORECASE),
    notes="header dates in the nominative ('18 Ноябрь 2025') with '| GMT +5'; datelines cut from the lead",
)
