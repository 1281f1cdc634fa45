"""egemen.kz traps: two Kazakh editions (Cyrillic and Latin script) told apart by the edition key, a header date
that names only the day, the view/reading-time counters split over lines, the title repeated as the image
caption, the collage credit."""

import dataclasses
import re
from datetime import datetime
from pathlib import Path

import pytest

from kznews.extract import extract_article
from kznews.extract.text import clean_paragraphs
from kznews.sites import get_site
from kznews.spiders.sites import EgemenSpider

SITE = get_site("egemen")
FIXTURES = Path(__file__).parent / "fixtures" / "sites" / "egemen"
FEB = datetime.fromisoformat("2025-02-21T18:00:00+05:00")
JULY = datetime.fromisoformat("2022-07-04T18:00:00+06:00")
INTERVIEW = "https://egemen.kz/article/382214-gulnar-seyitova-auyl-mughalimi-iri-ister-kishkentay-qadamnan-bastalady"
BOMB = "https://lat.egemen.kz/article/317103-almatyda-sauda-ortalyghyna-taghy-bomba-qoyyldy"


def page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_two_kazakh_editions_have_their_own_keys():
    assert SITE.edition_keys == ("kk", "kk-latn", "ru", "en")
    assert SITE.edition_for_url(BOMB).key == "kk-latn"
    assert SITE.edition_for_url(BOMB).lang == "kk"
    assert SITE.edition_for_url(INTERVIEW).key == "kk"
    # "kk" is also the Cyrillic edition's key, so it selects that edition alone; both Kazakh editions by default.
    assert [e.key for e in EgemenSpider(lang="kk").editions] == ["kk"]
    assert [e.key for e in EgemenSpider(lang="kk-latn").editions] == ["kk-latn"]
    assert [e.key for e in EgemenSpider().editions] == ["kk", "kk-latn", "ru", "en"]


@pytest.mark.parametrize(
    "url",
    [
        INTERVIEW,
        BOMB,
        "https://egemen.kz/article/382201-asqar-zhumadildaev-akademik-qazaqstannynh-enhbek-eri-iri-ister-kishkentay-qadamn",
        "https://egemen.kz/article/31808-botanikalyq-baq",
        "https://ru.egemen.kz/article/51230-uchitelyam-selskikh-shkol-uvelichat-nadbavki",
        "https://en.egemen.kz/article/9120-astana-opens-new-public-library",
    ],
)
def test_article_urls_are_articles(url):
    assert SITE.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://egemen.kz/articles",
        "https://egemen.kz/articles?page=2",
        "https://lat.egemen.kz/opinion?page=10",
        "https://egemen.kz/search?month=4&page=41&year=2020",
        "https://egemen.kz/amp/article/382214-gulnar-seyitova",  # AMP copy: the canonical page is the one to store
        "https://egemen.kz/category/6",
        "https://egemen.kz/tag/білім",
        "https://egemen.kz/author/4",
        "https://ar.egemen.kz/article/12761-something",  # Arabic-script edition: not crawled
    ],
)
def test_lists_search_amp_and_other_urls_are_not_articles(url):
    assert not SITE.is_article_url(url)


def test_lists_are_paginated_with_page_parameter():
    for edition in SITE.editions:
        (source,) = edition.lists
        assert source.page.format(n=2) == "/articles?page=2"


@pytest.mark.parametrize(
    "text",
    ["4236 рет", "көрсетілді", "24 мин", "оқу үшін", "252 ret", "kórsetildi", "1 mın", "oqý úshin", "Sońǵy jańalyqtar",
     "Tolyǵymen", "Толығымен", "Коллажды жасаған – Алмас Манап, «EQ»", "1520 просмотров", "312 views", "3 мин"],
)
def test_counter_and_widget_lines_are_boilerplate(text):
    assert clean_paragraphs([text], SITE.boilerplate) == []


@pytest.mark.parametrize(
    "text",
    ["Ол 24 мин бойы сөйледі.", "Кітапхана 1187 рет жаңартылды деп хабарланды.", "Read the full statement below."],
)
def test_sentences_with_those_words_stay(text):
    assert clean_paragraphs([text], SITE.boilerplate) == [text]


def test_counters_and_repeated_title_stay_out_even_without_the_drop_selectors():
    (layout,) = SITE.article_layouts
    bare = dataclasses.replace(SITE, article_layouts=(dataclasses.replace(layout, drop=()),))
    for site in (SITE, bare):
        data = extract_article(page("kk-article-382214.html"), INTERVIEW, site, "kk", FEB)
        assert "рет" not in data.body.split() and "көрсетілді" not in data.body
        assert "оқу үшін" not in data.body and "Коллаж" not in data.body
        assert data.body.count(data.title) == 0  # the caption repeating the title
        lat = extract_article(page("kk-latn-article-317103.html"), BOMB, site, "kk", JULY)
        assert "kórsetildi" not in lat.body and "oqý úshin" not in lat.body


def test_header_day_takes_the_time_from_structured_data_on_that_day_only():
    html = page("kk-article-382214.html")
    data = extract_article(html, INTERVIEW, SITE, "kk", FEB)
    assert data.published_at.isoformat() == "2025-02-21T09:14:37+05:00"
    # A structured date on another day does not move the article off the day its header names.
    shifted = html.replace('"datePublished": "2025-02-21 09:14:37"', '"datePublished": "2025-02-19 09:14:37"')
    assert shifted != html
    data = extract_article(shifted, INTERVIEW, SITE, "kk", FEB)
    assert data.published_at.isoformat() == "2025-02-21T00:00:00+05:00"
    assert "published_day_only" in data.notes


def test_latin_script_page_is_read_in_latin():
    data = extract_article(page("kk-latn-article-317103.html"), BOMB, SITE, "kk", JULY)
    assert data.title == "Almatyda saýda ortalyǵyna taǵy bomba qoıyldy"
    assert data.section == "Oqıǵa"
    assert data.published_at.isoformat() == "2022-07-04T11:37:00+06:00"
    assert not re.search("[а-яәғқңөұүһі]", data.body.lower())
    assert data.body.count("dep habarlaıdy Egemen.kz.") == 1  # the attribution is article text


# --- URL forms of the archive and service pages (issue 11); [V] seen in evidence (see the site module), [A] assumed ---


@pytest.mark.parametrize(
    ("url", "edition"),
    [
        ('https://egemen.kz/article/171372-elorda-ulttynh-rukhani-zhanhghyru-astanasy', 'kk'),  # [V]
        ('http://egemen.kz/2016/02/25/26111', 'kk'),  # [V]
        ('http://egemen.kz/2015/10/29/4413', 'kk'),  # [V]
        ('http://egemen.kz/2015/?p=65815', 'kk'),  # [V]
    ],
)
def test_archive_url_forms_are_articles_of_their_edition(url, edition):
    assert SITE.is_article_url(url)
    assert SITE.edition_for_url(url).key == edition


@pytest.mark.parametrize(
    "url",
    [
        'https://egemen.kz/article/123-reklama',  # [A]
        'https://egemen.kz/article/124-kontakty',  # [A]
        'https://egemen.kz/search?month=4&page=41&year=2020',  # [V]
        'http://egemen.kz/2015/',  # [A]
    ],
)
def test_service_pages_are_not_articles(url):
    assert not SITE.is_article_url(url)
