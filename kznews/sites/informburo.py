"""Informburo.kz: ru at the root, kk under /kaz/, on one host (UIkit markup).

Evidence: docs/evidence/SITES.md row 7 and its scraper table, docs/evidence/site-evidence.md section 7; no real HTML.
- List /novosti: `ul.uk-nav-default > li`, where some items are day headings (`h2.date-heading`: 'Сегодня',
  '15 августа', no year) and the others show only `time.article-time` '13:51' [C]. The entry's date is the
  heading's day plus the item's time; the year is inferred as the latest such date not after the fetch
  (ListLayout.day_heading). The title link in `.uk-width-expand` carries more than the title [C].
- Articles /novosti/<slug> (old /novosti/<slug>.html) [C]; Kazakh /kaz/newskaz/<slug>, AMP /amp/... [V].
  Date `div.article-meta time[datetime]` '1 апреля 2024, 12:16' [C]; a reprint shows '18 мая 2024, 13:05 | Общество'
  [V, third party]; body `.article` without `.read-more`, after the lead `.article-excerpt` [C].
- Sitemap /sitemap.xml, an index whose article children carry 'type=articles' [C]; it lists both editions.
- Editor's notes such as '(один из подсудимых. – Авт.)' are part of the text and stay.
- RSS /rss is listed in SITES.md as unverified [U] and not used: the sitemap covers both editions.
- Articles also live under /stati/ (features), /interview/ and /cards/ (explainer cards) [V: public code links
  /stati/priiut-nadezdy-kak-bliz-almaty-..., /interview/kak-kontakt-centr-111-okazyvaet-pomoshh-kazaxstancam,
  /cards/<slug>]; the old news form with .html [V: /novosti/koronavirus-v-kazahstane-situaciya-na-21-maya-live.html].
- Not articles: tag pages (/tags/pozhar?page=1 [V, a public scraper]) and other service sections, service slugs
  (SERVICE_SECTION, SERVICE_SLUG) [assumed].
Assumed: the kk list /kaz/newskaz, pagination ?page=N, the section link and author link in the meta line.
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
    name="informburo",
    title="Informburo.kz",
    editions=(
        Edition(
            "ru",
            "https://informburo.kz",
            lists=(ListSource("/novosti", page="/novosti?page={n}"),),
            sitemaps=("/sitemap.xml",),
        ),
        Edition(
            "kk",
            "https://informburo.kz",
            path_prefix="/kaz/",
            lists=(ListSource("/kaz/newskaz", page="/kaz/newskaz?page={n}"),),
        ),
    ),
    # /novosti/<slug>[.html], /kaz/newskaz/<slug>, /amp/...; a slug of at least three words, so that rubric pages
    # such as /novosti/obshchestvo are not articles
    article_path=re.compile(
        r"^(?:/amp)?(?:/kaz)?/(?:novosti|newskaz|stati|interview|cards)/[a-z0-9]+(?:-[a-z0-9]+){2,}(?:\.html)?$"
    ),
    not_articles=re.compile(rf"^(?:/amp)?(?:/kaz)?/(?:{SERVICE_SECTION}/|[a-z]+/{SERVICE_SLUG}(?:\.html)?$)"),
    list_layouts=(
        ListLayout(
            name="uk-nav-feed",
            item="ul.uk-nav-default > li",
            link=".uk-width-expand > a",
            date="time.article-time",
            day_heading="ul.uk-nav-default h2.date-heading",
        ),
    ),
    article_layouts=(
        ArticleLayout(
            name="uk-article",
            detect="article.uk-article div.article",
            title="h1.uk-article-title",
            body="article.uk-article div.article",
            date="div.article-meta time",
            authors="div.article-meta a.article-author",
            section="div.article-meta a.article-section",
            summary="div.article-excerpt",
            images="figure.article-image img, div.article img",
            # the '.read-more' cards inside the body go with the generic drops
        ),
    ),
    host_aliases={"www.informburo.kz": "informburo.kz", "m.informburo.kz": "informburo.kz"},
    sitemap_follow=re.compile(r"type=articles"),
    title_suffix=re.compile(r"\s*[-|–—]\s*Informburo\.kz\s*$", re.IGNORECASE),
    notes="List dates are a day heading plus the item's time; the year is inferred.",
)
