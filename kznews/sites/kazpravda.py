"""Казахстанская правда (kazpravda.kz), the state daily (ru only).

Evidence: docs/evidence/SITES.md row 11, docs/evidence/site-evidence.md section 12, public scrapers' selectors
(Kutepov/fresh, martin-chen-tw, arystan01); no real HTML.
- Articles /n/<slug>/, old /articles/view/<slug> [V]. Header, as text: the title, rubric tokens without a space
  ('Статьи,Президент'), '21 января 2026 г. 6:00' (un-padded hour), the view count '1', the authors
  'Лилия Сыздыкова, Алибек Байшуленов', and on a 2017 page the photo credit 'фото Игоря Бургандинова' glued after
  them: not an author [V]. One header had no date at all; the structured data dates such pages [V].
  Selectors h1.article__title, time.article__date, div.article__views, div.article__body, div.article__tags,
  a swiper gallery with 'фото ...' captions [C].
- Lists: rubric pages /r/prezident/, /r/politika... with <article>s in main.app__main, div.news__title and a <time>
  in the article's date form [C]; the home page's news feed prints day headings and times '9:05' [C]
  (ListLayout.day_heading).
- Sitemap index /sitemap.xml -> children [C]; all children are read (their names are unknown), non-article URLs
  fail `article_path`.
- Archive forms, all in the press links (2014-2018) of zhenis-m/auezovinstitute.kz
  resources/views/main/mass_media.blade.php [V]: www.kazpravda.kz/articles/view/<slug>/ and /articles/view/<id>,
  /fresh/view/<slug>/ (2017), /news/<rubric>/<slug>/ (2018), /rubric/<rubric>/<slug>/ (2015-2016),
  /archives/view/<id>, /ida.php?ida=<id> (2014), and the mobile host www.m.kazpravda.kz with /news/view/<id>/ and
  /news/<rubric>/<slug>/. www.m. and m. [assumed] are aliases of kazpravda.kz; /pdf/ and /media/ files are not
  articles. Slugs carry a hyphen, so the rubric pages /news/<rubric>/ stay lists.
- Not articles: service slugs and sections (SERVICE_SLUG, SERVICE_SECTION) [assumed].
Assumed: pagination ?page=N, the rubric/author/subtitle markup, the feed markup, the JSON-LD.
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

_RUBRICS = ("prezident", "politika", "ekonomika", "obshchestvo", "proisshestviya", "v-mire")

SITE = Site(
    name="kazpravda",
    title="Казахстанская правда",
    editions=(
        Edition(
            "ru",
            "https://kazpravda.kz",
            lists=(
                ListSource("/", kind="headlines"),
                *(ListSource(f"/r/{rubric}", page=f"/r/{rubric}?page={{n}}") for rubric in _RUBRICS),
            ),
            sitemaps=("/sitemap.xml",),
        ),
    ),
    # /n/<slug>/ and the old /articles/view/<slug>; not /r/<rubric>, /a/<author>, /t/<tag>; the archive's forms
    article_path=re.compile(
        r"^/(?:n|articles/view|fresh/view)/[a-z0-9-]+/?$"
        r"|^/(?:archives|news)/view/\d+/?$"
        r"|^/(?:news|rubric)/[a-z0-9-]+/[a-z0-9]+(?:-+[a-z0-9]+)+/?$"
        r"|^/ida\.php\?ida=\d+$"
    ),
    not_articles=re.compile(rf"^/{SERVICE_SECTION}/|^/(?:n|articles/view|fresh/view|news/[a-z0-9-]+)/{SERVICE_SLUG}/?$"),
    list_layouts=(
        ListLayout(
            name="home-feed",
            item="div.feed__list > a.feed__item",
            title="span.feed__title",
            date="time.feed__time",
            day_heading="div.feed__list > div.feed__day",
        ),
        ListLayout(name="home-daynews", item="article.daynews__item", title="div.daynews__title", date="time"),
        ListLayout(name="rubric-news", item="section.news-list article.news", title="div.news__title", date="time"),
    ),
    article_layouts=(
        ArticleLayout(
            name="article-bem",
            detect="article.article div.article__body",
            title="h1.article__title",
            body="article.article div.article__body",
            date="time.article__date",
            authors="div.article__authors a.article__author",
            tags="div.article__tags a",
            section="div.article__rubrics a:last-child",
            summary="div.article__subtitle",
            images="div.article__image img, div.article__body img",
            drop=("div.swiper",),
        ),
    ),
    host_aliases={"www.kazpravda.kz": "kazpravda.kz", "www.m.kazpravda.kz": "kazpravda.kz", "m.kazpravda.kz": "kazpravda.kz"},
    title_suffix=re.compile(r"\s*[-|–—]\s*Казахстанская правда\s*$", re.IGNORECASE),
    notes="Home feed dated by day headings; rubric lists; sitemap index; ru only.",
)
