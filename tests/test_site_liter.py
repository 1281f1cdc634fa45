"""Liter.kz's traps: the 10-digit URL suffix that looks like the publication time (and is not read as it), the
author's name on its own line, the list's relative dates, a naive JSON-LD datePublished."""

import re
from datetime import datetime

import pytest

from kznews.dates import ALMATY
from kznews.extract import extract_article, extract_list
from kznews.sites.liter import SITE
from tests.fixturecases import all_cases

CASES = {case.page.name: case for case in all_cases() if case.site == "liter"}


def page(name: str) -> str:
    return CASES[name].page.read_text(encoding="utf-8")


def extract(name: str, html: str | None = None):
    case = CASES[name]
    html = page(name) if html is None else html
    if case.kind == "list":
        return extract_list(html, case.url, SITE, "ru", case.fetched_at)
    return extract_article(html, case.url, SITE, "ru", case.fetched_at)


def url_suffix_time(url: str) -> datetime:
    return datetime.fromtimestamp(int(url.rstrip("/").rsplit("-", 1)[1]), ALMATY)


@pytest.mark.parametrize(
    "url",
    [
        "https://liter.kz/ubiistvo-sherzata-bolata-podozrevaemye-veseliatsia-v-ivs-1739700925",
        "https://liter.kz/megapolis-perspektiv-1769446000/",
        "https://liter.kz/novye-pravila-dlia-ksk-i-osi-chto-delat-esli-net-otcheta-1761582792/",
        "https://www.liter.kz/megapolis-perspektiv-1769446000/",
    ],
)
def test_article_path_accepts_suffixed_slugs(url):
    assert SITE.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://liter.kz/megapolis-perspektiv-1769446000/amp",
        "https://liter.kz/",
        "https://liter.kz/news/",
        "https://liter.kz/author/mira-alipinova/",
        "https://liter.kz/tag/almaty/",
        "https://liter.kz/category/obshchestvo/",
        "https://liter.kz/search/?search_text=%D0%B0%D0%BB%D0%BC%D0%B0%D1%82%D1%8B",
        "https://liter.kz/putin_priehal",
        "https://liter.kz/chuvstvuesh-sebya-odinoko/",
        "https://liter.kz/storage/images/2026/01/1769446000-cover.jpg",
    ],
)
def test_article_path_rejects_amp_authors_tags_search_and_old_urls(url):
    assert not SITE.is_article_url(url)


@pytest.mark.parametrize("name", ["article-1739700925.html", "article-1769446000.html", "article-1769490845.html"])
def test_url_suffix_is_not_the_publication_date(name):
    data = extract(name)
    suffix = url_suffix_time(data.url)
    assert data.published_at is not None
    assert data.published_at > suffix  # the page's own date, later than the draft's creation
    assert data.sources["published_at"] == "jsonld"


def test_the_suffix_is_not_a_fallback_either():
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", page("article-1739700925.html"),
                  flags=re.DOTALL)
    html = re.sub(r'<span class="article__date">.*?</span>', '<span class="article__date"></span>', html)
    assert extract("article-1739700925.html", html).published_at is None


def test_naive_json_ld_date_is_almaty_wall_clock_and_agrees_with_the_visible_date():
    html = page("article-1769446000.html")
    assert '"datePublished": "2026-01-27 09:00:00"' in html
    assert '<span class="article__date">Сегодня в 09:00</span>' in html
    data = extract("article-1769446000.html")
    assert data.published_at == datetime(2026, 1, 27, 9, 0, tzinfo=ALMATY)
    older = extract("article-1739700925.html")
    assert '<span class="article__date">16 февраля 2025, 15:32</span>' in page("article-1739700925.html")
    assert older.published_at == datetime(2025, 2, 16, 15, 32, tzinfo=ALMATY)


def test_author_on_its_own_line_is_the_author():
    data = extract("article-1739700925.html")
    assert data.authors == ["Мира Алипинова"]
    assert data.summary.startswith("В сети распространилось видео")
    assert "Мира Алипинова" not in data.body


def test_credit_and_project_label_stay_read_also_goes():
    sherzat = extract("article-1739700925.html")
    assert "передает Liter.kz." in sherzat.body
    assert "Читайте также" in page("article-1739700925.html")
    assert "Читайте также" not in sherzat.body
    assert "Дело Шерзата Болата: что известно" not in sherzat.body
    assert "Фото: кадр из видео" not in sherzat.body
    megapolis = extract("article-1769446000.html")
    assert megapolis.body.startswith("LITER разобрался")


def test_home_page_relative_dates():
    listing = extract("home.html")
    dates = {e.url.rsplit("-", 1)[1].strip("/"): e.published_at for e in listing.entries}
    assert dates["1769490845"] == datetime(2026, 1, 27, 10, 20, tzinfo=ALMATY)  # "Сегодня в 10:20"
    assert dates["1769443512"] == datetime(2026, 1, 26, 21, 15, tzinfo=ALMATY)  # "вчера, 21:15"
    assert "вчера, 21:15" in page("home.html")


# --- URL forms of the archive and service pages (issue 11); [V] seen in evidence (see the site module), [A] assumed ---


@pytest.mark.parametrize(
    ("url", "edition"),
    [
        ('https://liter.kz/almatinczy-massovo-zhaluyutsya-na-nerabotayushhie-fonari/', 'ru'),  # [V]
        ('https://liter.kz/ubiistvo-sherzata-bolata-podozrevaemye-veseliatsia-v-ivs-1739700925', 'ru'),  # [V]
    ],
)
def test_archive_url_forms_are_articles_of_their_edition(url, edition):
    assert SITE.is_article_url(url)
    assert SITE.edition_for_url(url).key == edition


@pytest.mark.parametrize(
    "url",
    [
        'https://liter.kz/glavnye-novosti/',  # [V]
        'https://liter.kz/kazakhstan-news/',  # [V]
        'https://liter.kz/world-news/',  # [V]
        'https://liter.kz/reklama-1739700926/',  # [A]
        'https://liter.kz/tag/almaty-novosti-segodnya-vse/',  # [A]
    ],
)
def test_service_pages_are_not_articles(url):
    assert not SITE.is_article_url(url)
