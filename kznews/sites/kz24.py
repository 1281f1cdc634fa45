"""24.kz (Khabar 24, the news channel of the Khabar Agency; Joomla with K2): spider "24kz" (a Python module name
cannot start with a digit, hence kz24.py). ru https://24.kz/ru/, kk https://24.kz/kz/ (one host, editions by path).

Evidence: docs/evidence/SITES.md row 10 and docs/evidence/site-evidence.md section 11. No real HTML of the site was
available; the fixture pages are constructed (tests/tools/construct_24kz.py).
- Known [C] (the Kutepov/fresh scraper): lists /ru/news/<category> with `div.itemContainer` and `h2 a`, list dates
  in `time[datetime]`, article body `article.view-article div.itemBody`. RSS /ru/rss is [U]: declared for ru only.
- Known from stored pages: article URLs /ru/news/social/item/601535-<slug> and
  /kz/zha-aly-tar/o-am/item/635954-<slug>; the attribution '..., передаёт «Хабар 24».' (article text, kept); titles
  ending in '. LIVE'. That suffix is kept: it is in the URL slug ('...-pozhar-v-rezervate-live'), so it is part of
  the headline the editors wrote (a story with a live broadcast), not a template suffix like ' | 24KZ'.
- The list sources are the two categories the evidence shows (ru social, kk Жаңалықтар/Қоғам); other categories
  exist but their paths are not known.
- URL forms: the same item form in 2016 on 24.kz and www.24.kz (/ru/news/culture/item/107834-<slug>,
  /ru/news/in-the-world/item/105923-<slug> in the press links of zhenis-m/auezovinstitute.kz
  resources/views/main/mass_media.blade.php) [V]. Not articles: K2 items that are static pages of the channel
  (/ru/o-kanale/item/..., service slugs such as /item/123-kontakty) [assumed].
- Assumed: K2's default item markup inside that article (itemHeader with itemDateCreated, itemImageBlock with the
  caption and credits, itemIntroText as the lead, itemFullText, then itemLinks/tags, related items and the
  prev/next navigation after the body); Joomla's ?start=N pagination, walked through its next link as on
  khabar.kz; the visible date in K2's weekday form ('Суббота, 10 июня 2023 11:32'); the ' | 24KZ' title suffix;
  a JSON-LD NewsArticle from an SEO plugin whose headline is cut at 110 characters.
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
    name="24kz",
    title="24.kz",
    editions=(
        Edition(
            "ru",
            "https://24.kz",
            path_prefix="/ru/",
            lists=(ListSource("/ru/news/social"),),
            feeds=("/ru/rss",),
        ),
        Edition("kk", "https://24.kz", path_prefix="/kz/", lists=(ListSource("/kz/zha-aly-tar/o-am"),)),
    ),
    # /ru/news/social/item/601535-<slug>, /kz/zha-aly-tar/o-am/item/635954-<slug>; K2's own list URLs
    # (/ru/news/itemlist/tag/..., /itemlist/user/45-name) have no "item/<id>-" segment.
    article_path=re.compile(r"^/(?:ru|kz)/(?:[a-z0-9-]+/)+item/\d+-[a-z0-9-]+/?$"),
    not_articles=re.compile(
        rf"^/(?:ru|kz)/(?:{SERVICE_SECTION}|o-kanale|o-nas|kontakty|reklama|vakansii)/|/item/\d+-{SERVICE_SLUG}/?$"
    ),
    list_layouts=(
        ListLayout(
            name="k2-category",
            item="div.itemContainer",
            link="h2 a",
            date="time",
            date_attr="datetime",
            next="div.k2Pagination li.pagination-next a",
        ),
    ),
    article_layouts=(
        ArticleLayout(
            name="k2-view-article",
            detect="article.view-article div.itemBody",
            title="article.view-article h1.itemTitle",
            body="article.view-article div.itemBody",
            date="article.view-article span.itemDateCreated",
            tags="ul.itemTags li a",
            section="span.itemCategory a",
            summary="div.itemIntroText",
            images="div.itemImageBlock img",
            drop=("div.itemImageBlock", "div.itemExtraFields", "div.itemVideoBlock"),
        ),
    ),
    host_aliases={"www.24.kz": "24.kz"},
    title_suffix=re.compile(r"\s*[|–—-]\s*(24\s?KZ|24\.kz|Хабар\s?24|Khabar\s?24)\s*$", re.IGNORECASE),
    notes="Joomla/K2; '. LIVE' is part of some headlines and kept; RSS /ru/rss unverified.",
)
