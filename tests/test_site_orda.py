"""orda.kz: news sitemaps with bad-path markers and trashed posts, WordPress/Yoast pages whose structured times are
UTC, credits with a literal 'cover' before them, and the EN 'Original Author' line that names the author."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kznews.extract import extract_article, parse_sitemap
from kznews.sites import get_site
from kznews.sites.orda import repair_sitemap_loc

SITE = get_site("orda")
DIR = Path(__file__).parent / "fixtures" / "sites" / "orda"
SPEC = json.loads((DIR / "cases.json").read_text(encoding="utf-8"))
CASES = {c["page"]: c for c in SPEC["cases"]}


def article(page: str):
    case = CASES[page]
    html = (DIR / page).read_text(encoding="utf-8")
    return extract_article(html, case["url"], SITE, SITE.edition_for_url(case["url"]).lang, datetime.fromisoformat(case["fetched_at"]))


def sitemap_urls(page: str) -> list[str]:
    case = CASES[page]
    parsed = parse_sitemap((DIR / page).read_bytes(), "ru", datetime.fromisoformat(case["fetched_at"]), SITE.fix_sitemap_loc)
    return [e.url for e in parsed.entries if SITE.is_article_url(e.url)]


@pytest.mark.parametrize(
    ("loc", "repaired"),
    [
        ("https://orda.kz/%EF%BF%BCzhiteli-almaty-pochuvstvovali-povtornye-tolchki-381703/",
         "https://orda.kz/zhiteli-almaty-pochuvstvovali-povtornye-tolchki-381703/"),
        ("https://en.orda.kz/no-forgiveness%ef%b8%8f-3246/", "https://en.orda.kz/no-forgiveness-3246/"),
        ("https://orda.kz/itogi-2023-top-10-materialov-ordakz-380565", "https://orda.kz/itogi-2023-top-10-materialov-ordakz-380565"),
    ],
)
def test_percent_encoded_bad_path_markers_are_removed(loc, repaired):
    assert repair_sitemap_loc(loc) == repaired


def test_sitemaps_yield_repaired_article_urls_and_skip_trashed_posts():
    ru = sitemap_urls("ru-sitemap_news38.xml")
    assert "https://orda.kz/zhiteli-almaty-pochuvstvovali-povtornye-tolchki-381703/" in ru
    assert not any("__trashed" in url or "%EF" in url.upper() for url in ru)
    assert len(ru) == 3
    # raw U+FFFC and U+FE0F go in the generic repair
    assert sitemap_urls("kk-sitemap_news9.xml")[1] == "https://kaz.orda.kz/almatyda-zher-silkinisine-tozimdi-mektepter-salynady-21850/"
    assert sitemap_urls("en-sitemap_news5.xml")[0] == "https://en.orda.kz/no-forgiveness-reactions-to-bishimbayevs-sentence-3246/"


def test_only_numbered_news_sitemaps_of_the_index_are_followed():
    for resource in SPEC["resources"]:
        index = parse_sitemap((DIR / resource["page"]).read_bytes(), "ru", datetime.fromisoformat(resource["fetched_at"]))
        followed = [c.url for c in index.entries if SITE.sitemap_follow.search(c.url)]
        assert followed and all("/sitemap/sitemap_news" in url for url in followed)
        assert len(followed) == len(index.entries) - 1  # not sitemap_pages.xml


@pytest.mark.parametrize(
    "url",
    [
        "https://orda.kz/net-slov-kak-kazahstanskoe-obschestvo-otreagirovalo-na-prigovor-bishimbaevu-386335/",
        "https://orda.kz/itogi-2023-top-10-materialov-ordakz-380565",
        "https://en.orda.kz/no-forgiveness-reactions-to-bishimbayevs-sentence-3246/",
        "https://en.orda.kz/sherzat-polat-trial-continues-in-taldykorgan-6164",
        "https://kaz.orda.kz/bishimbaevqa-24-zhyl-bas-bostandygynan-aiyru-zhazasy-tagaiyndaldy-21845/",
        # old, without an id
        "https://orda.kz/ruhani-zha%d2%a3%d2%93yru-czentr-molodezh-i-penthaus-kak-skolotil-sostoyanie-otecz-bajbeka-chast-3/",
    ],
)
def test_article_urls(url):
    assert SITE.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://orda.kz/",
        "https://orda.kz/category/obshhestvo/",
        "https://orda.kz/tag/sud/",
        "https://orda.kz/author/aidana-ergalieva/",
        "https://orda.kz/page/2/",
        "https://orda.kz/o-proekte/",
        "https://orda.kz/politika-konfidencialnosti/",
        "https://orda.kz/ruhani-zhangyru-czentr-molodezh-i-penthaus-kak-skolotil-sostoyanie-otecz-bajbeka-chast-3-383101__trashed/",
        "https://orda.kz/sitemap/sitemap_news38.xml",
    ],
)
def test_not_article_urls(url):
    assert not SITE.is_article_url(url)


def test_yoast_utc_times_are_instants_not_wall_clocks():
    # article:published_time 14:42:10+00:00 = 19:42:10 in Almaty (+05), the visible '13 мая 2024, 19:42'
    data = article("ru-386335.html")
    assert data.published_at == datetime(2024, 5, 13, 14, 42, 10, tzinfo=UTC)
    assert "offset_corrected" not in data.notes
    # January 2024: Almaty was +06
    assert article("ru-381703.html").published_at == datetime(2024, 1, 23, 3, 10, tzinfo=UTC)


def test_credits_with_cover_prefix_are_not_body():
    body = article("ru-386335.html").body
    for credit in ("cover", "Коллаж Orda.kz", "Фото: Orda.kz", "Коллаж: Orda.kz", "Поделиться", "Лента новостей"):
        assert credit not in body, credit
    en = article("en-3246.html").body
    for credit in ("cover", "Photo: Orda", "avatars.dzeninfra.ru", "Original Author", "Latest news"):
        assert credit not in en, credit


def test_original_author_line_names_the_author_of_a_translation():
    assert article("en-3246.html").authors == ["Ilya Astakhov"]


def test_desk_account_is_not_an_author():
    assert article("ru-381703.html").authors == []
    assert article("ru-386335.html").authors == ["Айдана Ергалиева"]


def test_relative_date_in_the_text_is_not_the_publication_date():
    data = article("en-3251.html")
    assert "Today, April 28," in data.body
    assert data.published_at.date().isoformat() == "2024-05-14"


# --- URL forms of the archive and service pages (issue 11); [V] seen in evidence (see the site module), [A] assumed ---


@pytest.mark.parametrize(
    ("url", "edition"),
    [
        ('https://orda.kz/net-slov-kak-kazahstanskoe-obschestvo-otreagirovalo-na-prigovor-bishimbaevu-386335/', 'ru'),  # [V]
        ('https://en.orda.kz/no-forgiveness-reactions-to-bishimbayevs-sentence-3246/', 'en'),  # [V]
        ('https://orda.kz/itogi-2023-top-10-materialov-ordakz-380565', 'ru'),  # [V]
    ],
)
def test_archive_url_forms_are_articles_of_their_edition(url, edition):
    assert SITE.is_article_url(url)
    assert SITE.edition_for_url(url).key == edition


@pytest.mark.parametrize(
    "url",
    [
        'https://orda.kz/reklama-2024/',  # [A]
        'https://orda.kz/reklama-na-sajte-1234/',  # [A]
        'https://orda.kz/kontakty-2/',  # [A]
        'https://orda.kz/tag/sud-nad-bishimbaevym-2024/',  # [A]
    ],
)
def test_service_pages_are_not_articles(url):
    assert not SITE.is_article_url(url)
