"""Kazakhstan Today (kt.kz): ru www.kt.kz/rus/, en www.kt.kz/eng/ (one host, editions told apart by the path).

Evidence: docs/evidence/SITES.md row 14 ("Others worth a spider") and docs/evidence/site-evidence.md section 15, both
from stored copies of real pages (text only, no markup); the markup itself is assumed. What is known:
- Article URLs /rus/<section>/<slug>_<10-digit id>.html and /eng/<section>/<slug>_<id>.html [V]; ids of 2011
  pages have 10 digits too (..._1153538413.html). A public scraper started at /rus/all and skipped /video/,
  /gallery/ and /pisma_v_redakciu/ [C]; it read the title from `header.page-heading h1`, the date from
  `div.page-meta span` ('%d.%m.%Y, %H:%M') and the text from `div.page-content` [C, old]. Tag pages are
  /rus/archive_tags/<tag> [C].
- The article header starts with 'DD.MM.YYYY, HH:MM <views>' ('23.08.2025, 09:53 63001'), then the title, some
  with the label 'Эксклюзив КТ' on the title line (stripped as a title suffix, also from the visible h1).
- The ru lead starts with a dateline '<City>. <D> <genitive month>. KAZAKHSTAN TODAY - '. It has no year and is
  never read as the date. It stays in the body: it is how the agency prints the first sentence, it names the
  place, and dropping it would cut the sentence. Reprint credits ('..., сообщает tengrinews.kz.', EN 'Source:
  Kazinform') also stay: the syndication layer reads them.
- THE TRAP: pages run several following articles below the current one, each with its own date line, title and
  text. The body stops at the first of them (`stop`), and the tags, images and section selectors are anchored
  to the current article so nothing of the next ones leaks in.
- Boilerplate: 'Рассказать друзьям' / 'Tell a friend' (share block), 'новости по теме' (related block), photo
  credits ('Фото: gov.kz', EN 'Images | instagram/nurtasadambay'), the EN copyright sentence.
- EN list items may carry only a day ('15.04.2025'); the article page supplies the time.

Not articles [assumed]: the issue reports six service pages on a real kt.kz home page of March 2018 (advertising
terms, contacts, the agency page, the press centre, the copyright notice) whose URLs end in the same 10-digit id
as articles; their exact URLs are not in the evidence. They are refused by name (a whole slug from SERVICE_SLUG:
/rus/about/kontakty_1153500001.html, .../usloviya_razmescheniya_reklamy_..., .../ob_agentstve_..., .../press_centr_...,
.../avtorskie_prava_...) and under service sections (/rus/about/, /rus/agency/, /rus/reklama/, /rus/press_center/).
URL forms: the same form back to 2011 (/rus/society/v_kazahstane_razrabotan_pervij_vetrovoj_atlas_1153500682.html,
/rus/society/bolee_700_rabotnikov_kbm_..._1153538413.html in public notes [V]). A Kazakh section /kaz/ had an RSS
feed (www.kt.kz/kaz/rss/ in a public feed list) but no Kazakh article URL is in the evidence: no kk edition.
Assumed (no evidence): the markup class names beyond those above, /eng/all as the EN counterpart of /rus/all, the
pagination (followed from the page's own next link, so the template does not matter), the JSON-LD with the
server's stale +06:00 offset. No kk edition: nothing in the evidence shows a Kazakh edition of kt.kz (no /kaz/
URL was seen), so none is declared. No feed or sitemap is declared: none is evidenced (a third-party list names
/eng/rss, unverified).
"""

import re

from kznews.sites.base import SERVICE_SLUG, ArticleLayout, Edition, ListLayout, ListSource, Site

# The current article's own nodes; the following articles sit inside `div.page-content > div.page-next`.
_CURRENT = "article.page-article"

SITE = Site(
    name="kt",
    title="Kazakhstan Today",
    editions=(
        Edition("ru", "https://www.kt.kz", path_prefix="/rus/", lists=(ListSource("/rus/all"),)),
        Edition("en", "https://www.kt.kz", path_prefix="/eng/", lists=(ListSource("/eng/all"),)),
    ),
    # /rus/society/sinoptiki_..._1377981327.html; not the video, gallery and readers' letters sections
    article_path=re.compile(
        r"^/(rus|eng)/(?!video/|gallery/|pisma_v_redakciu/)[a-z_]+/[0-9a-z_-]+_\d{10}\.html$"
    ),
    not_articles=re.compile(
        r"^/(?:rus|eng)/(?:about|agency|company|reklama|advertising|contacts|kontakty|press_?cent(?:er|r)|pages?)/"
        rf"|^/(?:rus|eng)/[a-z_]+/{SERVICE_SLUG}_\d{{10}}\.html$"
    ),
    list_layouts=(
        ListLayout(
            name="news-list-2025",
            item="div.news-list-item",
            link="a.news-list-title",
            # 'DD.MM.YYYY, HH:MM' with the view count glued on, or only 'DD.MM.YYYY' (EN)
            date="div.news-list-meta",
            next="a.pagination-next",
        ),
    ),
    article_layouts=(
        ArticleLayout(
            name="page-article-2025",
            detect=f"{_CURRENT} div.page-content",
            title=f"{_CURRENT} > header.page-heading h1",
            body=f"{_CURRENT} > div.page-content",
            date=f"{_CURRENT} > header.page-heading div.page-meta > span",
            section=f"{_CURRENT} > header.page-heading .page-rubric a",
            tags=f"{_CURRENT} > div.page-content > div.page-tags a",
            images=f"{_CURRENT} > div.page-image img, {_CURRENT} > div.page-content > p img",
            drop=(".page-share", ".page-tags", ".page-related", ".page-views"),
            # the next article below this one: its block, or without the block its rubric or date line (the
            # current article's own rubric and date line are in the header, above the body)
            stop="div.page-next, div.page-rubric, div.page-meta",
        ),
    ),
    host_aliases={"kt.kz": "www.kt.kz", "m.kt.kz": "www.kt.kz"},
    boilerplate=(
        re.compile(r"^эксклюзив кт$", re.IGNORECASE),
        re.compile(r"^this information may not be reproduced without reference to kazakhstan today", re.IGNORECASE),
        re.compile(r"^copyright of materials of news agency kazakhstan today", re.IGNORECASE),
    ),
    junk_summary=re.compile(r"^(Kazakhstan Today|Казахстан Сегодня)\s*[-:–—]|новости Казахстана и мира", re.IGNORECASE),
    title_suffix=re.compile(r"(\s*[-|–—.]?\s*(Эксклюзив КТ|Kazakhstan Today))+\s*$", re.IGNORECASE),
    notes="Runs the following articles below each article: the body stops at the first of them.",
)
