"""kapital.kz: a Next.js site whose class names carry build hashes, dates printed as '09.04.2026 · 15:37' and
structured in UTC, a subtitle line that is the summary, an AMP copy whose canonical is the article."""

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kznews.extract import extract_article, extract_list
from kznews.sites import get_site

SITE = get_site("kapital")
DIR = Path(__file__).parent / "fixtures" / "sites" / "kapital"
CASES = {c["page"]: c for c in json.loads((DIR / "cases.json").read_text(encoding="utf-8"))["cases"]}


def read(page: str) -> str:
    return (DIR / page).read_text(encoding="utf-8")


def article(page: str, html: str | None = None):
    case = CASES[page]
    return extract_article(html or read(page), case["url"], SITE, "ru", datetime.fromisoformat(case["fetched_at"]))


def test_selectors_survive_a_new_build_hash():
    rebuilt = read("economic-145210.html")
    for old, new in (("__q1w2e", "__Zz81k"), ("__Hg5Fd", "__x0x0x"), ("__R7tY0", "__n3w00"), ("__T6yU1", "__d4t3x")):
        rebuilt = rebuilt.replace(old, new)
    before, after = article("economic-145210.html"), article("economic-145210.html", rebuilt)
    assert after.layout == "next-article"
    assert (after.title, after.body, after.summary, after.published_at) == (before.title, before.body, before.summary, before.published_at)


def test_subtitle_line_is_the_summary_not_body():
    data = article("economic-145210.html")
    assert data.summary == "Минфин ужесточил требования к консультантам по государственно-частному партнерству"
    assert data.summary not in data.body


def test_body_without_read_also_promo_caption_and_counters():
    body = article("economic-145210.html").body
    for junk in ("Читайте также", "Правила ГЧП изменятся", "Telegram", "Shutterstock", "1 284", "Поделиться", "Главное"):
        assert junk not in body, junk


def test_utc_structured_time_agrees_with_the_visible_wall_clock():
    data = article("economic-145210.html")
    assert data.published_at == datetime(2026, 4, 9, 10, 37, tzinfo=UTC)
    assert data.published_at.isoformat() == "2026-04-09T15:37:00+05:00"
    assert "offset_corrected" not in data.notes and "date_sources_disagree" not in data.notes


def test_list_dates_with_a_middle_dot():
    page = extract_list(read("news-today.html"), "https://kapital.kz/news/period/today", SITE, "ru",
                        datetime.fromisoformat(CASES["news-today.html"]["fetched_at"]))
    assert [e.published_at.strftime("%H:%M") for e in page.entries] == ["17:05", "15:37", "14:10", "12:40", "11:02", "10:15", "09:30"]
    assert {e.published_at.date().isoformat() for e in page.entries} == {"2026-04-09"}
    assert SITE.editions[0].lists[0].page.format(n=2) == "/news/period/today?page=2"


def test_amp_copy_canonicalises_to_the_article_and_keeps_the_2021_offset():
    data = article("amp-gosudarstvo-97911.html")
    assert data.url == "https://kapital.kz/gosudarstvo/97911/pyat-interesnykh-statey-nedeli-na-kapital-kz-2.html"
    assert data.layout == "amp"
    assert data.published_at.isoformat() == "2021-08-14T10:00:00+06:00"
    assert data.summary == "Что читали на этой неделе"
    assert "центра деловой информации Kapital.kz" in data.body  # the site's self-reference is text


@pytest.mark.parametrize(
    "url",
    [
        "https://kapital.kz/economic/145210/tolko-tri-kompanii-poluchili-akkreditaciyu-dlya-raboty-s-proektami-gchp.html",
        "https://kapital.kz/business/136156/koncert-dzhennifer-lopes-timur-turlov-rasskazal-o-poteryah-freedom-ticketon-iz-za-sboya.html",
        "https://kapital.kz/amp/gosudarstvo/97911/pyat-interesnykh-statey-nedeli-na-kapital-kz-2.html",
        "https://www.kapital.kz/gosudarstvo/70847/kak-reshit-problemy-kazahstanskih-avtovokzalov.html",
    ],
)
def test_article_urls(url):
    assert SITE.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://kapital.kz/news/period/today",
        "https://kapital.kz/news/period/today?page=2",
        "https://kapital.kz/economic",
        "https://kapital.kz/project/investments",
        "https://kapital.kz/tags/гчп",
        "https://kapital.kz/author/7",
        "https://kapital.kz/rss",
        "https://finance.kapital.kz/economic/145210/x.html",
    ],
)
def test_not_article_urls(url):
    assert not SITE.is_article_url(url)


def test_without_jsonld_the_og_title_loses_the_site_suffix():
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", read("economic-145210.html"), flags=re.DOTALL)
    data = article("economic-145210.html", html)
    assert data.sources["title"] == "meta"
    assert data.title == "Только три компании получили аккредитацию для работы с проектами ГЧП"


# --- URL forms of the archive and service pages (issue 11); [V] seen in evidence (see the site module), [A] assumed ---


@pytest.mark.parametrize(
    ("url", "edition"),
    [
        ('https://kapital.kz/business/69854/biznesmen-vlozhit-200-mln-tenge-v-shkolnye-stadiony.html', 'ru'),  # [V]
        ('https://kapital.kz/economic/145210/tolko-tri-kompanii-poluchili-akkreditaciyu-dlya-raboty-s-proektami-gchp.html', 'ru'),  # [V]
    ],
)
def test_archive_url_forms_are_articles_of_their_edition(url, edition):
    assert SITE.is_article_url(url)
    assert SITE.edition_for_url(url).key == edition


@pytest.mark.parametrize(
    "url",
    [
        'https://kapital.kz/news/period/today',  # [V]
        'https://kapital.kz/tags/123/kaspi.html',  # [A]
        'https://kapital.kz/info/1/reklama.html',  # [A]
        'https://kapital.kz/info/2/kontakty.html',  # [A]
    ],
)
def test_service_pages_are_not_articles(url):
    assert not SITE.is_article_url(url)
