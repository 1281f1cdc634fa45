"""Zakon.kz: ru www.zakon.kz, kk kaz.zakon.kz.

Evidence: docs/evidence/SITES.md row 3 and docs/evidence/site-evidence.md section 3; selectors of two public scrapers (2025-2026).
- Lists: /news/ and its "load more" endpoint /news/?handler=LoadMoreNews&p=N&type=list, which answers JSON whose
  strings carry HTML chunks of list items [C, tested code]; `json_list` below takes them out. List markup: 2025
  `div.newscard` > `a.newscard_link` with `.newscard__title` and `span.newscard__date` ('сегодня, 13:51',
  '13:51, сегодня', '13:51, 15 августа 2025') [C]; 2023 `.zmainCard_item` with `time[datetime]` [C]. After
  midnight /news/ still shows yesterday's items ('вчера, 23:47').
- Articles: /<7-digit id>-<slug>.html, also under a section (/sobytiia/6498201-...html) [V]. The only timestamp
  on the page is at the end of the lead photo's alt text, repeated as its caption: '<SEO keywords> - Новости
  Zakon.kz от 27.02.2026 09:12' then 'Фото: Zakon.kz' [V]. JSON-LD articleBody holds only the lead [C]. Body:
  the lead (`.description`) and `div.article__block div.content`, which ends at .willShare /
  .google-news-follow / .tags.newsTags [C]; the author block after it prints the avatar's alt
  'Фото Ирина Капитанова' and the name [V]. Above the title: a trending hashtag ('#Референдум-2026') and the
  rubric ('Происшествия') [V]; the hashtag is not a tag of the article.
- Sitemap index /sitemap/index.xml with numeric children N.xml [C]; RSS /rss.xml [V, 2018].
URL forms: the same /<id>-<slug>.html back to 2020 (/5003300-v-kostanayskoy-oblasti-pogib.html in a public script
[V]). Not articles: service slugs with an id and service sections (SERVICE_SLUG, SERVICE_SECTION) [assumed].
Assumed (no evidence): that the structured data carry no dates (the scrapers read none), the kk caption wording
('- Zakon.kz жаңалықтары, 04.03.2026 11:20'), the JSON endpoint's field names (only "strings holding HTML" is
relied on), the kk sitemap path.
"""

from __future__ import annotations

import json
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

_LOAD_MORE = "/news/?handler=LoadMoreNews&p={n}&type=list"


def _html_chunks(value) -> list[str]:
    """Every string in the JSON that holds markup, in document order."""
    if isinstance(value, str):
        return [value] if "<" in value and ">" in value else []
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [chunk for item in value for chunk in _html_chunks(item)]
    return []


def json_list(text: str) -> str:
    """The list items of a page of /news/?handler=LoadMoreNews (JSON whose strings are HTML chunks of list items)
    as one piece of markup, read with the site's list layouts. Raises ValueError when the answer is not JSON or
    holds no markup (the endpoint changed)."""
    chunks = _html_chunks(json.loads(text))
    if not chunks:
        raise ValueError("no HTML in the LoadMoreNews answer")
    return "<div>" + "\n".join(chunks) + "</div>"


_LISTS = (ListSource("/news/"),)

SITE = Site(
    name="zakon",
    title="Zakon.kz",
    editions=(
        Edition(
            "ru",
            "https://www.zakon.kz",
            lists=_LISTS,
            json_lists=(_LOAD_MORE,),
            feeds=("/rss.xml",),
            sitemaps=("/sitemap/index.xml",),
        ),
        Edition("kk", "https://kaz.zakon.kz", lists=_LISTS, json_lists=(_LOAD_MORE,), sitemaps=("/sitemap/index.xml",)),
    ),
    # /sitemap/index.xml -> numeric children N.xml [C], assumed filled in order: their lastmods bound them (for
    # backfills; children without a lastmod are all read)
    sitemap_chronological=True,
    # /<7-digit id>-<slug>.html, also under a section; not the AMP copies under /amp/
    article_path=re.compile(r"^/(?!amp/)(?:[a-z0-9-]+/)?\d{7,8}-[a-z0-9-]+\.html$"),
    not_articles=re.compile(rf"^/{SERVICE_SECTION}/|/\d{{7,8}}-{SERVICE_SLUG}\.html$"),
    list_layouts=(
        ListLayout(
            name="newscard-2025",
            item="div.newscard",
            link="a.newscard_link",
            title=".newscard__title",
            date=".newscard__date",
        ),
        ListLayout(
            name="zmainCard-2023",
            item=".zmainCard_item",
            link="a.zmainCard_link",
            title=".zmainCard_title",
            date="time",
            date_attr="datetime",
        ),
    ),
    article_layouts=(
        ArticleLayout(
            name="article-block-2025",
            detect="div.article__block div.content",
            title="h1.article__title",
            body="div.article__block > .description, div.article__block > div.content",
            summary="div.article__block > .description",
            date="div.article__block .article__photo img",
            date_attr="alt",
            authors=".article__author .author__name",
            tags=".tags.newsTags a",
            section=".article__rubric a",
            images="div.article__block img.article__photo-img, div.article__block div.content figure img",
            drop=(".zakon-inline-news",),  # "Читайте также" / "Оқи отырыңыз" with a linked headline
            stop=".willShare, .google-news-follow, .tags.newsTags",
        ),
    ),
    host_aliases={"zakon.kz": "www.zakon.kz", "m.zakon.kz": "www.zakon.kz"},
    boilerplate=(
        re.compile(r"^нашли ошибку\?.{0,80}$", re.IGNORECASE),
        re.compile(r"^беттегі қате.{0,80}$", re.IGNORECASE),
        re.compile(r"^жаңалықтар телефоныңда.{0,120}$", re.IGNORECASE),
        re.compile(r"^(поделитесь новостью|следите за новостями zakon\.kz).{0,80}$", re.IGNORECASE),
    ),
    title_suffix=re.compile(r"\s*[-|–—]\s*(Новости\s+Zakon\.kz|Zakon\.kz(\s+жаңалықтары)?)\s*$", re.IGNORECASE),
    json_list=json_list,
    notes="the only article timestamp is in the lead photo's alt/caption; /news/ continues as a JSON endpoint",
)
