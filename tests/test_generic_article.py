"""The article fallback (kznews.extract.generic) on real pages: the benchmark's 88 pages, the real tengrinews
articles with their layouts removed, every site's fixtures without layouts; bad input; purity."""

import json
import random
import statistics
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from kznews.extract import extract_article
from kznews.extract.generic import MAX_ELEMENTS, find_article
from kznews.extract.html import clean_text, parse_html
from kznews.extract.page import generic_site, without_layouts
from kznews.sites import get_site
from tests.aebscore import aeb_pages, aggregate, page_counts, page_f1
from tests.fixturecases import all_cases

REAL = Path(__file__).parent / "fixtures" / "real" / "tengrinews"
FETCHED = datetime(2024, 4, 8, 7, 0, tzinfo=UTC)
AEB_FETCHED = datetime(2019, 12, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def aeb_scores():
    pages = aeb_pages()
    counts = {}
    for page in pages:
        data = extract_article(page.html(), page.url, generic_site(page.url), "", AEB_FETCHED)
        counts[page.key] = page_counts(page.expected, data.body)
    return {
        half: aggregate([counts[p.key] for p in pages if half == "all" or p.half == half])
        for half in ("all", "dev", "check")
    }


def test_benchmark_pages_floor(aeb_scores):
    # Measured 0.971 (dev 0.978, check 0.964) when this floor was set; trafilatura 2.3.1 scores 0.961 on the same
    # pages (make bench-generic). The floor is well below: it catches a fallback that got clearly worse.
    assert aeb_scores["all"]["f1"] >= 0.94, aeb_scores
    assert aeb_scores["dev"]["f1"] >= 0.95, aeb_scores
    assert aeb_scores["check"]["f1"] >= 0.93, aeb_scores
    assert aeb_scores["all"]["precision"] >= 0.92 and aeb_scores["all"]["recall"] >= 0.93, aeb_scores


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("article-2023-09-27-2185.html", "https://tengrinews.kz/article/ludomaniya-chemu-mogut-privesti-azartnyie-igryi-kak-2185/"),
        ("article-2024-03-18-2362.html", "https://tengrinews.kz/article/skolko-stoit-postroit-shkolu-v-astane-2362/"),
    ],
)
def test_real_tengrinews_articles_without_layouts_give_the_layout_body(name, url):
    html = (REAL / name).read_text(encoding="utf-8")
    site = get_site("tengrinews")
    with_layout = extract_article(html, url, site, "ru", FETCHED)
    fallback = extract_article(html, url, without_layouts(site), "ru", FETCHED)
    assert with_layout.sources["body"] == "layout" and fallback.sources["body"] == "heuristic"
    assert fallback.body == with_layout.body
    assert fallback.images == with_layout.images  # the pictures inside the article's elements
    assert (fallback.title, fallback.published_at, fallback.authors) == (
        with_layout.title, with_layout.published_at, with_layout.authors
    )
    # and with no site knowledge at all the text is the same; only the site's boilerplate rules are missing
    generic = extract_article(html, url, generic_site(url, "ru"), "ru", FETCHED)
    assert page_f1(with_layout.body, generic.body) >= 0.97


def test_site_fixtures_without_layouts_keep_most_of_the_body():
    # What a redesign would cost: every site's article fixtures read with the site's layouts removed
    # (per site in `make bench-generic`; 0.966 on average when this floor was set).
    scores = []
    for case in all_cases():
        if case.kind != "article":
            continue
        site = without_layouts(get_site(case.site))
        expected = json.loads(case.expected_path.read_text(encoding="utf-8"))
        data = extract_article(case.page.read_text(encoding="utf-8"), case.url, site,
                               site.edition_for_url(case.url).lang, case.fetched_at)
        assert data.body, case.id
        scores.append(page_f1(expected["body"], data.body))
    assert statistics.fmean(scores) >= 0.93
    # the lowest (0.53): constructed tengrinews kk/en pages that keep the real ru page's lead paragraph beside
    # the replaced body; the fallback reads it as the lead, the layout's body selector leaves it out
    assert min(scores) >= 0.45


def _aeb_article(key_prefix: str):
    page = next(p for p in aeb_pages() if p.key.startswith(key_prefix))
    assert page.half == "dev"
    return extract_article(page.html(), page.url, generic_site(page.url), "", AEB_FETCHED)


def test_titles_of_unknown_sites_come_without_the_site_name():
    data = _aeb_article("6ebac05f")  # thehill.com: JSON-LD headline "... | TheHill", og:site_name TheHill
    assert data.title == "New York man pleads guilty to threatening to kill Omar" and data.sources["title"] == "jsonld"
    data = _aeb_article("0ec95c72")  # entermedia.co.kr: no structured title; its only <h1> is the logo
    assert data.title == "엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유" and data.sources["title"] == "heuristic"


def test_dates_of_unknown_layouts_come_from_structured_data_then_the_date_shown_by_the_headline():
    data = _aeb_article("6ebac05f")  # JSON-LD datePublished 2019-11-18T23:04:24-05:00
    assert data.sources["published_at"] == "jsonld"
    assert data.published_at == datetime(2019, 11, 19, 4, 4, 24, tzinfo=UTC)
    data = _aeb_article("1ee91d1f")  # polygraph.info: no structured date; "November 18, 2019" under the headline
    assert data.sources["published_at"] == "visible" and data.published_at_text == "November 18, 2019"
    assert data.published_at.date().isoformat() == "2019-11-18" and "published_day_only" in data.notes
    data = _aeb_article("7de52419")  # detroitnews.com: JSON-LD says 0001-01-01 (a placeholder)
    assert data.sources["published_at"] == "visible" and data.published_at.year == 2019
    data = _aeb_article("7916ecca")  # aljazeera.com: "Wed Nov 20 2019 08:00:58 GMT+0000" in the byline
    assert data.published_at == datetime(2019, 11, 20, 8, 0, 58, tzinfo=UTC)


# --- bad input: empty fields, never an exception ----------------------------------------------------------------
# Constructed inputs (mechanics: sizes, bytes, nesting), not articles.

PARAGRAPH = "<p>" + "Слово за словом, предложение за предложением, текст статьи. " * 5 + "</p>"
URL = "https://example.kz/news/some-article-123456/"


@pytest.mark.parametrize(
    "html",
    [
        "",
        b"",
        "   \n ",
        "<html><head><title></title></head><body><div><img src='a.jpg'></div></body></html>",
        random.Random(0).randbytes(200_000),
        random.Random(1).randbytes(100_000).decode("latin-1"),
        "\x00" * 5000 + PARAGRAPH,
        "<html><body>" + "<div>" * 100_000 + PARAGRAPH + "</div>" * 100_000 + "</body></html>",
        "<html><body><p>" + "<b>" * 50_000 + "текст" + "</b>" * 50_000 + "</p></body></html>",
        "<html><body>" + "<p>текст <div>" * 100_000,
        "<html><body><p>" + "слово " * 3_400_000 + "</p></body></html>",  # 20 MB in one text node
        b"D" * 20_000,  # one byte repeated (what the fault matrix serves as "random bytes")
        "<html><body><div>" + "QUJDREVGR0g=" * 2000 + "</div></body></html>",  # a base64 blob
    ],
    ids=["empty", "empty-bytes", "blank", "no-text", "binary", "binary-as-text", "nul", "nested", "nested-inline",
         "unclosed", "20MB-text", "one-byte", "base64"],
)
def test_bad_input_gives_an_article_with_empty_fields(html):
    for site in (generic_site(URL, "ru"), get_site("tengrinews")):
        data = extract_article(html, URL, site, "ru", FETCHED)
        assert data.body is None
        assert data.title is None
        assert data.published_at is None


def test_twenty_megabytes_of_markup_are_read_up_to_a_bound():
    html = "<html><body><div>" + PARAGRAPH * (20_000_000 // len(PARAGRAPH)) + "</div></body></html>"
    data = extract_article(html, URL, generic_site(URL, "ru"), "ru", FETCHED)
    assert "truncated" in data.notes
    assert data.body.startswith("Слово за словом")  # the repeated paragraph, kept once
    html = "<html><body>" + "<div><span>x</span></div>" * 800_000 + "</body></html>"
    data = extract_article(html, URL, generic_site(URL, "ru"), "ru", FETCHED)
    assert data.body is None and "truncated" in data.notes


def test_binary_input_is_noted():
    data = extract_article(random.Random(0).randbytes(10_000), URL, generic_site(URL, "ru"), "ru", FETCHED)
    assert data.notes == ["binary"] and data.url == "https://example.kz/news/some-article-123456"
    # already parsed by the caller (the spider passes its tree): judged on the parsed text
    garbage = random.Random(2).randbytes(10_000)
    data = extract_article(garbage, URL, generic_site(URL, "ru"), "ru", FETCHED, tree=parse_html(garbage))
    assert data.notes == ["binary"] and data.body is None


def test_a_utf16_page_is_text_not_binary():
    html = ("<html><body><div>" + PARAGRAPH * 3 + "</div></body></html>").encode("utf-16")
    data = extract_article(html, URL, generic_site(URL, "ru"), "ru", FETCHED)
    assert "binary" not in data.notes and data.body.startswith("Слово за словом")


# --- purity and mechanics ---------------------------------------------------------------------------------------


def test_the_tree_is_read_not_changed_and_the_result_is_deterministic():
    page = next(p for p in aeb_pages() if p.half == "dev")
    tree = parse_html(page.html())
    before = etree.tostring(tree)
    first = find_article(tree).paragraphs
    assert etree.tostring(tree) == before
    assert find_article(tree).paragraphs == first
    assert find_article(parse_html(page.html())).paragraphs == first


# Constructed markup below tests mechanics only (the walk's bound, the meaning of hidden), not what an article
# looks like: that is measured on the real pages above.


def test_the_walk_stops_after_max_elements():
    html = "<html><body>" + "<div>x</div>" * (MAX_ELEMENTS + 10) + "<div>" + PARAGRAPH * 3 + "</div></body></html>"
    assert find_article(parse_html(html)).paragraphs == []  # the text after the bound is not read
    html = "<html><body><div>" + PARAGRAPH * 3 + "</div>" + "<div>x</div>" * (MAX_ELEMENTS + 10) + "</body></html>"
    assert len(find_article(parse_html(html)).paragraphs) == 3


def test_hidden_text_is_not_read():
    hidden = "<p>" + "Скрытый текст, который читатель не видит на странице. " * 4 + "</p>"
    for wrapper in ('<div hidden>{}</div>', '<div style="display: none">{}</div>', '<div aria-hidden="true">{}</div>',
                    '<span class="tooltip">{}</span>'):
        html = "<html><body><div>" + PARAGRAPH * 3 + wrapper.format(hidden) + "</div></body></html>"
        text = " ".join(find_article(parse_html(html)).paragraphs)
        assert "Скрытый" not in text and "Слово за словом" in text


def test_clean_text_folds_every_space_and_drops_invisible_characters():
    assert clean_text("\u00a0a\u2007b\u202fc\u3000d\u200b e\n\t x\u00ad\ufeff ") == "a b c d e x"
    assert clean_text(None) == "" and clean_text(" \u200b ") == ""
