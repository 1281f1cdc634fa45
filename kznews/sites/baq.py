"""BAQ.KZ: kk baq.kz, ru rus.baq.kz.

Evidence: docs/evidence/SITES.md row 14 and docs/evidence/site-evidence.md section 16 (text of stored copies of real
pages, no markup), plus a public scraper's selectors [C]: list links `a.item-list__link` with
`span.item-list__title`, tag pages /tag/<slug>/?page=N, article text in `div.news-text`. What is known:
- Article URLs /<slug>-<9-digit id>/ (kk) and /<slug>-<id>/ or /<slug>_<id>/ (ru, the underscore on 2025 ids);
  AMP copies /amp/news/<section>/<slug>-<id> are not taken (they name their canonical page, which is).
- The article header prints only a relative day plus the year and time: 'Бүгiн 2026, 14:14' (kk, with a LATIN
  i, U+0069, inside the Cyrillic word; the date engine repairs the look-alike) and 'Сегодня 2026, 09:44' (ru). No
  day, no month: the date engine resolves it against the fetch time, which is right only on the day the page was
  rendered. So the structured dates (JSON-LD datePublished, article:published_time) are the primary source; the
  visible string confirms their time of day (kznews.extract.timestamps) and is used alone only when the page has
  no structured date.
- The view count is glued onto the photo credit in the header ('46Фото: видеодан алынған кадр'); credits
  'Фото: ©BAQ.KZ/Сырым Рахимбеков' also appear in the text. Both are photo credits, not text.
- Breadcrumbs '• Мұқаба' / '• Главная'; the ru promo 'Подпишитесь на наш Telegram-канал и узнавайте новости
  первыми!' ends the text (and a fragment of it sits in the header); lists print 'Бүгiн 14:30', 'Кеше 14:30'.
- Attribution lines ('..., передает BAQ.KZ.', '..., деп хабарлайды BAQ.KZ тілшісі.') and recap lead-ins ('Напомним,',
  'Ранее мы сообщали о том, что', 'Еске салайық,', 'Айта кетейік,') are article text and stay.

Not articles: service slugs with an id and service sections (SERVICE_SLUG, SERVICE_SECTION) [assumed]. No older
form or host is in the evidence (a public feed list names baq.kz/kk/rss, but no article under /kk/).
Assumed (no evidence): /news/ as the latest-news list with Laravel's ?page=N (the tag pages' pagination [C]),
every class name beyond the scraper's, the JSON-LD. No feed (a third party reports the RSS address answers 404)
and no sitemap is declared: none is evidenced.
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

_LISTS = (ListSource("/news/", page="/news/?page={n}"),)

SITE = Site(
    name="baq",
    title="BAQ.KZ",
    editions=(
        Edition("kk", "https://baq.kz", lists=_LISTS),
        Edition("ru", "https://rus.baq.kz", lists=_LISTS),
    ),
    # /tungi-vandalizm-almatyda-eki-ayaldama-aynegi-shagyldy-320014902/, rus /v-talgare-..._300020861/
    article_path=re.compile(r"^/[a-z0-9-]+[-_]\d{9}/?$"),
    not_articles=re.compile(rf"^/{SERVICE_SLUG}[-_]\d{{9}}/?$|^/{SERVICE_SECTION}/"),
    list_layouts=(
        ListLayout(
            name="item-list-2025",
            item="a.item-list__link",
            link="a.item-list__link",
            title="span.item-list__title",
            date="span.item-list__date",
            next="ul.pagination a[rel=next]",
        ),
    ),
    article_layouts=(
        ArticleLayout(
            name="news-item-2025",
            detect="article.news-item div.news-text",
            title="h1.news-item__title",
            summary="div.news-item__subtitle",
            body="article.news-item div.news-text",
            date="span.news-item__date",
            tags="div.news-item__tags a",
            images="div.news-item__photo img, div.news-text img",
            drop=(".news-text__also", ".tg-subscribe"),
        ),
    ),
    host_aliases={"www.baq.kz": "baq.kz", "m.baq.kz": "baq.kz"},
    boilerplate=(
        # fragments of the Telegram promo when its two lines are split ("Telegram-канал" / "и узнавайте ...")
        re.compile(r"^(подпишитесь на наш )?telegram-канал$", re.IGNORECASE),
        re.compile(r"^и узнавайте новости первыми!?$", re.IGNORECASE),
        re.compile(r"^telegram арнамызға жазылыңыз", re.IGNORECASE),
        # breadcrumbs as the text prints them
        re.compile(r"^[•·]?\s*(мұқаба|главная)$", re.IGNORECASE),
    ),
    junk_summary=re.compile(r"^BAQ\.KZ\s*[-–—:]|Новости Казахстана и мира на BAQ\.KZ", re.IGNORECASE),
    title_suffix=re.compile(r"\s*[-|–—]\s*BAQ\.KZ.*$", re.IGNORECASE),
    notes="Article dates are 'Бүгiн 2026, 14:14' (Latin i): the structured dates are primary.",
)
