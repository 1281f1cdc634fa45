"""Orda.kz: ru orda.kz, kk kaz.orda.kz, en en.orda.kz (WordPress).

Evidence: docs/evidence/SITES.md row 9 and docs/evidence/site-evidence.md section 8; no real HTML.
- Articles /<slug>-<id>/ (6-digit ids on orda.kz, short ones on en.orda.kz: /no-forgiveness-...-3246/); older ones
  without an id [V]. WordPress, as the '__trashed' slugs in a scraper's bad-path list show [C].
- Discovery: numbered news sitemaps /sitemap/sitemap_news{N}.xml, N = 1.. [C]; their locs carry bad-path markers
  U+FFFC / U+FE0F, raw or percent-encoded, and trashed posts [C]. The raw characters go in the generic repair;
  the percent-encoded ones here (fix_sitemap_loc); '__trashed' slugs fail `article_path`.
- The 'Лента новостей' / 'Latest news' block [V, as a sidebar] is read as the news list of each home page.
- Credits 'Фото: Orda.kz', 'Коллаж: Orda.kz', 'cover Коллаж Orda.kz', EN 'cover Photo: Orda', 'Photo: avatars...'
  (generic patterns); EN translations end with 'Original Author: Ilya Astakhov', the article's author [V].
Not articles: WordPress pages that fit the article form, such as a service page with a number (/reklama-2024/) or
a long one (/politika-konfidencialnosti-...), and WordPress's tag, author and category sections (SERVICE_SLUG,
SERVICE_SECTION) [assumed]. No older host or form than those above is in the evidence.
Assumed: the sitemap index /sitemap.xml (with lastmods, so only recent children are read), Yoast SEO's JSON-LD and
article:* meta (times in UTC), the visible date line, the widget and card markup, the kk widget's heading, the
'Original Author' line as a theme field at the end of the content.
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

_HOME = (ListSource("/", kind="headlines"),)
_SITEMAPS = ("/sitemap.xml",)
# Percent-encoded U+FFFC (object replacement) and U+FE0F (emoji variation selector) left in slugs.
_BAD_PATH_MARKERS = re.compile(r"%EF%BF%BC|%EF%B8%8F", re.IGNORECASE)


def repair_sitemap_loc(loc: str) -> str:
    return _BAD_PATH_MARKERS.sub("", loc)


SITE = Site(
    name="orda",
    title="Orda.kz",
    editions=(
        Edition("ru", "https://orda.kz", lists=_HOME, sitemaps=_SITEMAPS),
        Edition("kk", "https://kaz.orda.kz", lists=_HOME, sitemaps=_SITEMAPS),
        Edition("en", "https://en.orda.kz", lists=_HOME, sitemaps=_SITEMAPS),
    ),
    # /<slug>-<id>/, or an old id-less slug of at least five words (so that pages such as /o-proekte/ or
    # /politika-konfidencialnosti/ are not articles); one path segment only, no "__trashed"
    article_path=re.compile(r"^/(?:(?:[a-z0-9%]+-)+\d{3,7}|(?:[a-z0-9%]+-){4,}[a-z0-9%]+)/?$"),
    not_articles=re.compile(rf"^/{SERVICE_SLUG}(?:-\d+)?/?$|^/{SERVICE_SECTION}/"),
    list_layouts=(
        ListLayout(
            name="news-feed-widget",
            item="ul.news-feed > li",
            link="a.news-feed__link",
            date="time.news-feed__time",
            date_attr="datetime",
        ),
        ListLayout(name="home-cards", item="article.card", link="a.card__link", title="h2.card__title"),
    ),
    article_layouts=(
        ArticleLayout(
            name="wp-single",
            detect="article.type-post div.entry-content",
            title="h1.entry-title",
            body="article.type-post div.entry-content",
            date="div.entry-meta time.published",
            authors="div.entry-meta .byline a, div.entry-original-author",
            tags="footer.entry-footer a[rel=tag]",
            section="div.entry-category a",
            images="div.post-thumbnail img, div.entry-content img",
        ),
    ),
    host_aliases={"www.orda.kz": "orda.kz"},
    boilerplate=(re.compile(r"^original author:", re.IGNORECASE),),
    title_suffix=re.compile(r"\s*[-|–—]\s*Orda\.kz\s*$", re.IGNORECASE),
    sitemap_follow=re.compile(r"/sitemap/sitemap_news\d+\.xml"),
    # numbered children sitemap_news1.xml, 2... filled one after the other [C]: their lastmods bound them (children
    # without a lastmod are all read)
    sitemap_chronological=True,
    fix_sitemap_loc=repair_sitemap_loc,
    notes="News sitemaps /sitemap/sitemap_news{N}.xml behind an assumed index; the home page's news feed block.",
)
