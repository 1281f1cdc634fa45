"""Kursiv Media Kazakhstan (WordPress): ru kz.kursiv.media, kk kz.kursiv.media/kk/, en kz.kursiv.media/en/.

Evidence: docs/evidence/SITES.md row 5 and docs/evidence/site-evidence.md section 5; the selectors of a public scraper (2026).
- One host, editions told apart by the path: "" (ru), "/kk/", "/en/"; the longest prefix wins.
- Articles: /YYYY-MM-DD/<slug>/ (and /kk/..., /en/...): the URL carries the local publication day [V]. The
  'Жарияланды' label stands before the date [V]. Markup: `h1.single-header__title`, `div.single-body` ending at
  `.single-read-also`, `time.single-publishing-time__date[datetime]`, `.author-card__name a` [C].
  WordPress with Yoast SEO: article:published_time and a JSON-LD @graph (Article, WebPage, ImageObject,
  BreadcrumbList, WebSite, Organization, Person) whose dates are in UTC (+00:00), so a story published after
  midnight in Almaty carries the previous day in its structured data [U, Yoast's behaviour].
- Feeds /feed/, /kk/feed/, /en/feed/ [C]; sitemaps /sitemaps/{ru,kk,en}/sitemap.xml, nested indexes [C].
- Archive: before kz.kursiv.media the site was kursiv.kz, with articles at /news/<rubric>/<YYYY-MM>/<slug> [V: a
  public data file links https://kursiv.kz/news/obschestvo/2019-07/kak-poluchit-shengenskuyu-vizu-na-bolee-dolgiy-srok;
  its feeds kursiv.kz/feed/ and /news/StartUp/feed/ are in public feed lists]. kursiv.kz and www.kursiv.kz are
  aliases of kz.kursiv.media (the ru edition: the old site's Kazakh and English forms are not in the evidence); the
  old form has its own path shape, so an old and a new URL never name two different articles.
- Not articles: WordPress's tag, author and category pages never fit the dated forms; no rule is needed.
Assumed (no evidence): the /news/ lists with WordPress's /page/N/ pagination and their card markup, the visible
date formats, the ru/en labels ('Опубликовано', 'Published').
"""

import re

from kznews.sites.base import ArticleLayout, Edition, ListLayout, ListSource, Site


def _edition(lang: str, prefix: str) -> Edition:
    base = prefix.rstrip("/")
    return Edition(
        lang,
        "https://kz.kursiv.media",
        path_prefix=prefix,
        lists=(ListSource(f"{base}/news/", page=f"{base}/news/page/{{n}}/"),),
        feeds=(f"{base}/feed/",),
        sitemaps=(f"/sitemaps/{lang}/sitemap.xml",),
    )


SITE = Site(
    name="kursiv",
    title="Kursiv Media",
    editions=(_edition("ru", ""), _edition("kk", "/kk/"), _edition("en", "/en/")),
    # /2024-04-16/<slug>/; old (kursiv.kz): /news/obschestvo/2019-07/<slug>
    article_path=re.compile(
        r"^/(?:(?:kk|en)/)?20\d\d-[01]\d-[0-3]\d/[^/?#]+/?$|^/news/[A-Za-z0-9_-]+/20\d\d-[01]\d/[a-z0-9-]+/?$"
    ),
    host_aliases={"kursiv.kz": "kz.kursiv.media", "www.kursiv.kz": "kz.kursiv.media"},
    list_layouts=(
        ListLayout(
            name="post-card-2024",
            item="article.post-card",
            link="a.post-card__link",
            title=".post-card__title",
            date="time.post-card__date",
            date_attr="datetime",
            next="a.next.page-numbers",
        ),
    ),
    article_layouts=(
        ArticleLayout(
            name="single-2023",
            detect="div.single-body",
            title="h1.single-header__title",
            body="div.single-body",
            summary=".single-header__lead",
            date="time.single-publishing-time__date",
            date_attr="datetime",
            authors=".author-card__name a",
            tags=".single-footer__tags a",
            section=".single-header__category a",
            drop=(".wp-block-embed",),
            stop=".single-read-also",
        ),
    ),
    title_suffix=re.compile(r"\s*[-|–—]\s*Kursiv(\s+Media)?(\s+(Казахстан|Қазақстан|Kazakhstan))?\s*$", re.IGNORECASE),
    notes="WordPress on one host with /kk/ and /en/ editions; the URL carries the publication day",
)
