"""NUR.KZ: ru www.nur.kz, kk kaz.nur.kz.

Evidence: docs/evidence/SITES.md row 2 and docs/evidence/site-evidence.md section 2, plus a real article page saved in April 2024
(the NewsArticle JSON-LD with entity-escaped articleBody, `time.datetime--publication`, `formatted-body` markup,
`address.author-item`) that a public repository kept as a template; that page is the model of the article fixtures.
- Lists: /latest/ is an infinite scroll. Its first items are server-rendered, the rest arrive only in a browser,
  so it is a `js` source (clicked through its "load more" button). The sections (/politics/, /society/, ...) are
  server-rendered with ?page=N [C], so the site is crawled without the browser too.
  List markup: 2025 `article.article-card` with `time.article-card__date[datetime='2025-08-15T11:15:00.000Z']`
  (UTC, text 'Сегодня, 16:15') [C]; 2024 `a.article-preview-category__content` with `time[datetime]` [C].
- Articles: JSON-LD NewsArticle and article:published_time '2024-04-18T10:35:00+05:00' [V]; the body is
  `div.formatted-body__content--wrapper` (the hidden "Оригинал статьи: <url>" line sits outside it) with ads,
  "Читайте также" blocks and a WhatsApp promo inside. The BreadcrumbList starts at the rubric, not at home, so the
  section is the sub-rubric ("Казахстан"), as the JSON-LD articleSection says.
- Sitemap index /article-index-sitemap.xml on both hosts [C, 2026; said to be "frozen"]; the old RSS
  /rss/all.rss is not used (only pre-2020 scrapers mention it).
- URL forms: before its rubric paths nur.kz published articles at /<7-digit id>-<slug>.html on www.nur.kz [V: public
  code links /1011115-propavshaya-v-almatinskoy-oblasti-devu.html and /1011255-... (a Scrapy spider's start URLs),
  /1276590-..., /1661333-..., /1749446-..., /1795089-... and /1795094-...html (recoilme/clean clean_test.go,
  2019)]; the same form on kaz.nur.kz [assumed]. Ids are unique across both forms, so no two articles merge.
- Not articles: tag, author, search and static sections (SERVICE_SECTION) [assumed; none of them carries an id].
Assumed (no evidence): the kk edition's section paths and date words, the "load more" button's class, the promo
wording, the sitemap children's names.
"""

import re

from kznews.sites.base import (
    SERVICE_SECTION,
    ArticleLayout,
    Edition,
    ListLayout,
    ListSource,
    Site,
)

_SECTIONS = ("/politics/", "/society/", "/incident/", "/world/")
_LISTS = (
    ListSource("/latest/", js=True, load_more="button.js-load-more"),
    *(ListSource(path, page=path + "?page={n}") for path in _SECTIONS),
)

SITE = Site(
    name="nur",
    title="NUR.KZ",
    editions=(
        Edition("ru", "https://www.nur.kz", lists=_LISTS, sitemaps=("/article-index-sitemap.xml",)),
        Edition("kk", "https://kaz.nur.kz", lists=_LISTS, sitemaps=("/article-index-sitemap.xml",)),
    ),
    # /<rubric>/[<sub-rubric>/]<7-digit id>-<slug>/, e.g. /politics/kazakhstan/2086925-bolshe-17-mlrd-.../
    # old (to 2019): /1795089-<slug>.html
    article_path=re.compile(r"^/(?:[a-z0-9-]+/){1,2}\d{6,8}-[a-z0-9-]+/?$|^/\d{6,8}-[a-z0-9-]+\.html$"),
    not_articles=re.compile(rf"^/{SERVICE_SECTION}/"),
    list_layouts=(
        ListLayout(
            name="article-card-2025",
            item="article.article-card",
            link="a.article-card__title",
            date="time.article-card__date",
            date_attr="datetime",
        ),
        ListLayout(
            name="preview-category-2024",
            item="a.article-preview-category__content",
            title="h2.article-preview-category__subhead",
            date="time",
            date_attr="datetime",
        ),
    ),
    article_layouts=(
        ArticleLayout(
            name="formatted-body-2023",
            detect="div.formatted-body",
            title="h1.main-headline",
            body="div.formatted-body__content--wrapper",
            date="time.datetime--publication",
            date_attr="datetime",
            authors="address.author-item .author-item__link",
            images="img.inline-picture",
        ),
    ),
    host_aliases={"nur.kz": "www.nur.kz", "m.nur.kz": "www.nur.kz"},
    boilerplate=(
        re.compile(r"^(больше|все|самые|главные|важные).{0,40}новост.{0,50}(whatsapp|telegram)", re.IGNORECASE),
        re.compile(r"^.{0,80}(whatsapp|telegram).{0,15}арна(мыз|сы)", re.IGNORECASE),
    ),
    title_suffix=re.compile(r"\s*[-|–—]\s*NUR\.KZ\s*$", re.IGNORECASE),
    notes="/latest/ needs the browser; sections are server-rendered with ?page=N",
)
