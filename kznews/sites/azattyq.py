"""Radio Azattyq (RFE/RL's Kazakh service, Pangea CMS): ru https://rus.azattyq.org, kk https://www.azattyq.org.

Evidence: docs/evidence/SITES.md row 13 and docs/evidence/site-evidence.md section 14. No real HTML of the site was
available; the fixture pages are constructed (tests/tools/construct_azattyq.py).
- Known [V]: article URLs /a/<8-digit id>.html and /a/<slug>/<id>.html (AMP copies under /amp/, not stored);
  news zones /z/<id>?p=N: /z/360 is the Russian news zone and /z/330 the Kazakh one (public scrapers use them).
  The zones are walked through their own "load more" link, so whether ?p counts from 0 or 1 does not matter.
- Known from stored pages: photo and video captions carry dates that are NOT publication dates ('Уральск, 11
  сентября 2023 года', 'Астана, 5 қыркүйек 2014 жыл.'), and the caption is printed twice; the chrome before the
  title ('Доступность ссылок', 'ҚАЗ', 'site logo site logo', 'Срочные новости:', 'Новости'); 'Your browser
  doesn’t support HTML5' in video players. The publication instant is read only from the header's
  time[datetime] (UTC, '...Z') and the JSON-LD; captions and embeds are dropped, and no date is ever read from
  body text.
- Cloudfront mirrors (d1kyuo1xiz5c5j.cloudfront.net/a/<id>.html, d3of116851ncn...) are not crawled: their host
  names change and are unbounded, and the same articles are on the site; they are not host aliases.
- URL forms: before /a/ Pangea sites used /content/<slug>/<id>.html and /content/article/<id>.html [assumed: the
  platform's old form, not in the evidence for Azattyq]; their ids are the same sequence, so they are accepted and
  never merge with another article. Not articles: service slugs under /a/ (SERVICE_SLUG) [assumed]; Pangea's own
  static pages are /p/<id>.html, outside `article_path`.
- Assumed: Pangea's usual markup (h1.pg-title, div.published time, div.intro, #article-content div.wsw with
  wsw__embed media, figcaption span.caption, the media-block list items and the link-showMore button), the
  JSON-LD NewsArticle with 'YYYY-MM-DD HH:MM:SSZ' dates. No RSS: Pangea's /api/<code> feed paths are per-zone
  codes that no evidence gives, and a guessed one would only fail.
"""

import re

from kznews.sites.base import SERVICE_SLUG, ArticleLayout, Edition, ListLayout, ListSource, Site

SITE = Site(
    name="azattyq",
    title="Azattyq (RFE/RL)",
    editions=(
        Edition("ru", "https://rus.azattyq.org", lists=(ListSource("/z/360"),)),
        Edition("kk", "https://www.azattyq.org", lists=(ListSource("/z/330"),)),
    ),
    # /a/32587835.html, /a/pravozaschitnitsu-...-state-/33506042.html; not /amp/..., /z/360, /author/..., /p/...
    article_path=re.compile(r"^/a/(?:[a-z0-9-]+/)?\d{6,9}\.html$|^/content/(?:[a-z0-9-]+/)?\d{6,9}\.html$"),
    not_articles=re.compile(rf"^/(?:a|content)/{SERVICE_SLUG}/\d+\.html$"),
    list_layouts=(
        ListLayout(
            name="pangea-media-block",
            item="ul.archive-list li.archive-list__item div.media-block",
            link="div.media-block__content a[href]",
            title="h4.media-block__title",
            date="span.date",
            next="a.link-showMore",
        ),
    ),
    article_layouts=(
        ArticleLayout(
            name="pangea-article",
            detect="div#article-content div.wsw",
            title="h1.pg-title",
            body="div.intro, div#article-content div.wsw",
            date="div.published time",
            date_attr="datetime",
            authors="div.links ul.links__list a.links__item-link",
            section="div.category a",
            summary="div.intro",
            images="div.cover-media img",
            drop=(".wsw__embed", "figure", ".caption", "div.c-mmp"),
        ),
    ),
    host_aliases={"azattyq.org": "www.azattyq.org"},
    boilerplate=(
        re.compile(r"^(доступность ссылок|срочные новости:?|site logo( site logo)*)$", re.IGNORECASE),
        re.compile(r"^(ҚАЗ|РУС|новости|жаңалықтар)$", re.IGNORECASE),
    ),
    notes="Pangea; captions carry dates that are not publication dates; zones walked through their load-more link.",
)
