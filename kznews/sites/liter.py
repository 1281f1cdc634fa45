"""Liter.kz: ru liter.kz (the site is Russian; no Kazakh edition is evidenced, so none is declared).

Evidence: docs/evidence/SITES.md row 14 ("liter.kz: 'Сегодня в 14:30', 'вчера, 14:30'") and
docs/evidence/site-evidence.md section 18 (two stored pages, text only), plus a public scraper that reads the
news sitemap https://liter.kz/sitemap.news.xml [C] and a search configuration /search/?search_text= [C]. What
is known:
- Article URLs /<slug>-<10 digits>/ and their AMP copies /<slug>-<10 digits>/amp (not taken: they name their
  canonical page). The ten digits look like a Unix time near publication (1739700925 = 2025-02-16 10:15 UTC),
  an unverified inference. They are NOT read as the publication date: the page's structured and visible dates
  are. (Nothing here falls back to the suffix; a page without any date gets none rather than a guess.)
- Lists print 'Сегодня в 14:30' and 'вчера, 14:30'.
- The article header is title, subtitle, then the author's name on its own line ('Мира Алипинова'); the text
  credits '..., передает Liter.kz.' (kept). The in-text project label 'LITER' is content.
- A third party reports that /feed/ answers 404 or redirects, so no feed is declared.

URL forms: articles without the numeric suffix exist too [V: /almatinczy-massovo-zhaluyutsya-na-nerabotayushhie-fonari/
linked from public notes]; they are taken when the slug has at least four words, since the rubric pages are short
single segments (/glavnye-novosti/, /kazakhstan-news/, /world-news/, /policy/, /economy/, /exclusive/, /sport/ in a
public scraper's configuration [V]), which are refused by name as are service slugs (SERVICE_SLUG) [assumed].
Assumed (no evidence): the home page's news line as the list (its headline block; the news sitemap gives the
rest of the last days), every class name, the article page printing its date in the list's relative forms (and
'16 февраля 2025, 15:32' for older days), JSON-LD with a naive datePublished (no offset: Almaty wall clock).
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
    name="liter",
    title="Liter.kz",
    editions=(
        Edition(
            "ru",
            "https://liter.kz",
            lists=(ListSource("/", kind="headlines"),),
            sitemaps=("/sitemap.news.xml",),
        ),
    ),
    # /ubiistvo-sherzata-bolata-podozrevaemye-veseliatsia-v-ivs-1739700925/
    article_path=re.compile(r"^/[a-z0-9-]+-\d{10}/?$|^/(?:[a-z0-9]+-){3,}[a-z0-9]+/?$"),
    not_articles=re.compile(
        r"^/(?:glavnye-novosti|kazakhstan-news|world-news|policy|economy|exclusive|sport"
        rf"|{SERVICE_SLUG})(?:-\d{{10}})?/?$|^/{SERVICE_SECTION}/"
    ),
    list_layouts=(
        ListLayout(
            name="news-line-2025",
            item="div.news-line__item",
            link="a.news-line__title",
            date="span.news-line__date",
        ),
        ListLayout(
            name="main-cards-2025",
            item="div.main-card",
            link="a.main-card__title",
            date="span.main-card__date",
        ),
    ),
    article_layouts=(
        ArticleLayout(
            name="article-2025",
            detect="article.article div.article__content",
            title="h1.article__title",
            summary="div.article__subtitle",
            body="article.article div.article__content",
            date="div.article__meta span.article__date",
            authors="div.article__author a",
            tags="div.article__tags a",
            section="div.article__category a",
            images="figure.article__image img, div.article__content img",
            drop=(".article__also", ".article__banner"),
        ),
    ),
    host_aliases={"www.liter.kz": "liter.kz", "m.liter.kz": "liter.kz"},
    junk_summary=re.compile(r"^Liter\.kz\s*[-–—:]|Последние новости Казахстана", re.IGNORECASE),
    title_suffix=re.compile(r"\s*[-|–—]\s*Liter\.kz.*$", re.IGNORECASE),
    notes="The 10-digit URL suffix looks like a Unix time; it is not used as the date.",
)
