"""Azattyq traps: caption dates that are not publication dates (a caption date must never win), the caption printed
twice, the video player's fallback text, UTC instants that fall on the next Almaty day, www./bare host forms,
cloudfront mirrors and AMP copies that are not crawled."""

import dataclasses
import re
from datetime import datetime
from pathlib import Path

import pytest

from kznews.extract import extract_article
from kznews.extract.text import clean_paragraphs
from kznews.sites import get_site
from kznews.urls import canonicalize_url

SITE = get_site("azattyq")
FIXTURES = Path(__file__).parent / "fixtures" / "sites" / "azattyq"
FETCHED = datetime.fromisoformat("2023-09-12T20:00:00+06:00")
DORM = "https://rus.azattyq.org/a/32587835.html"
METRO = "https://rus.azattyq.org/a/v-almaty-snova-perenesli-sroki-stroitelstva-metro-/32587990.html"
KK_DORM = "https://www.azattyq.org/a/32587902.html"
PUBLISHED = "2023-09-12T10:31:24+06:00"


def page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def without_jsonld(html: str) -> str:
    stripped = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.DOTALL)
    assert stripped != html
    return stripped


def without_header_time(html: str) -> str:
    stripped = re.sub(r"<time pubdate[^>]*>.*?</time>", "", html, flags=re.DOTALL)
    assert stripped != html
    return stripped


@pytest.mark.parametrize(
    "url",
    [
        DORM,
        METRO,
        KK_DORM,
        "https://rus.azattyq.org/a/pravozaschitnitsu-toregozhinu-doprashivali-v-politsii-v-almaty-po-ekstremistskoy-state-/33506042.html",
        "https://azattyq.org/a/29842384.html",
    ],
)
def test_article_urls_are_articles(url):
    assert SITE.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://rus.azattyq.org/z/360",
        "https://rus.azattyq.org/z/360?p=1",
        "https://www.azattyq.org/amp/26568511.html",
        "https://azattyq.org/amp/kazakhstan-azattyq-history-audio-episode-24/32583977.html",
        "https://rus.azattyq.org/author/aygul-mukhambetova/ugqmo.html",
        "https://rus.azattyq.org/p/5573.html",
        "https://d3of116851ncn.cloudfront.net/a/33159501.html",
        "https://d1kyuo1xiz5c5j.cloudfront.net/a/32587835.html",
    ],
)
def test_zones_amp_authors_static_pages_and_mirrors_are_not_articles(url):
    assert not SITE.is_article_url(url)


def test_bare_and_www_hosts_are_one_kazakh_edition():
    assert SITE.edition_for_url("https://azattyq.org/a/32587902.html").lang == "kk"
    assert SITE.edition_for_url(DORM).lang == "ru"
    assert SITE.edition_for_url("https://d3of116851ncn.cloudfront.net/a/33159501.html") is None
    assert canonicalize_url("https://azattyq.org/a/32587902.html", SITE.host_aliases) == KK_DORM


def test_publication_instant_comes_from_the_header_and_jsonld_not_the_caption():
    data = extract_article(page("ru-a-32587835.html"), DORM, SITE, "ru", FETCHED)
    assert data.published_at.isoformat() == PUBLISHED
    assert "11 сентября 2023" not in data.body and "Уральск, 11" not in data.body
    assert data.body.count("Участники протеста") == 0


def test_without_jsonld_the_header_time_still_wins_over_the_caption():
    data = extract_article(without_jsonld(page("ru-a-32587835.html")), DORM, SITE, "ru", FETCHED)
    assert data.published_at.isoformat() == PUBLISHED


def test_a_caption_date_never_becomes_the_publication_date():
    # With neither the JSON-LD nor the header time left, the page's only dates are its captions: the article
    # gets no date rather than the day of the photo.
    html = without_header_time(without_jsonld(page("ru-a-32587835.html")))
    assert "Уральск, 11 сентября 2023 года" in html
    data = extract_article(html, DORM, SITE, "ru", FETCHED)
    assert data.published_at is None
    # Even a caption typed into the text as a paragraph of its own (which no selector can drop) is not read
    # for dates: no date comes from body text.
    typed = html.replace('<div class="wsw">', '<div class="wsw">\n<p>Здание общежития. Уральск, 11 сентября 2023 года</p>', 1)
    data = extract_article(typed, DORM, SITE, "ru", FETCHED)
    assert "Уральск, 11 сентября 2023 года" in data.body
    assert data.published_at is None
    # And with the drop selectors gone, the page's own dates still win over its captions.
    (layout,) = SITE.article_layouts
    careless = dataclasses.replace(SITE, article_layouts=(dataclasses.replace(layout, drop=()),))
    data = extract_article(page("kk-a-32587902.html"), KK_DORM, careless, "kk", FETCHED)
    assert data.published_at.isoformat() == "2023-09-12T11:10:00+06:00"


def test_kazakh_video_caption_and_player_text_are_dropped():
    data = extract_article(page("kk-a-32587902.html"), KK_DORM, SITE, "kk", FETCHED)
    assert "қыркүйек 2014" not in data.body
    assert "Видео авторы" not in data.body
    assert "HTML5" not in data.body


def test_utc_evening_is_the_next_day_in_almaty():
    data = extract_article(page("ru-a-32587990.html"), METRO, SITE, "ru", FETCHED)
    assert data.published_at_text == "2023-09-11 19:40:00Z"
    assert data.published_at.isoformat() == "2023-09-12T01:40:00+06:00"


@pytest.mark.parametrize(
    "text",
    ["Доступность ссылок", "ҚАЗ", "site logo site logo", "Срочные новости:", "Новости", "Your browser doesn’t support HTML5"],
)
def test_page_chrome_lines_are_boilerplate(text):
    assert clean_paragraphs([text], SITE.boilerplate) == []


# --- URL forms of the archive and service pages (issue 11); [V] seen in evidence (see the site module), [A] assumed ---


@pytest.mark.parametrize(
    ("url", "edition"),
    [
        ('https://rus.azattyq.org/a/pravozaschitnitsu-toregozhinu-doprashivali-v-politsii-v-almaty-po-ekstremistskoy-state-/33506042.html', 'ru'),  # [V]
        ('https://rus.azattyq.org/content/kazakhstan-elections/25012345.html', 'ru'),  # [A] Pangea's old form
        ('https://www.azattyq.org/content/article/24958000.html', 'kk'),  # [A]
    ],
)
def test_archive_url_forms_are_articles_of_their_edition(url, edition):
    assert SITE.is_article_url(url)
    assert SITE.edition_for_url(url).key == edition


@pytest.mark.parametrize(
    "url",
    [
        'https://rus.azattyq.org/a/reklama/12345678.html',  # [A]
        'https://rus.azattyq.org/p/1234.html',  # [A]
        'https://rus.azattyq.org/z/360',  # [V]
    ],
)
def test_service_pages_are_not_articles(url):
    assert not SITE.is_article_url(url)
