"""Kursiv Media traps: three editions on one host told apart by the longest path prefix, the URL date, Yoast's UTC
dates (a story after midnight carries the previous day), Yoast's cut headline, graph references (@id) for the image
and the author, the body that ends at the read-also block, the nested sitemaps."""

from datetime import datetime
from pathlib import Path

import pytest

from kznews.extract import extract_article, parse_sitemap
from kznews.sites import kursiv

FIXTURES = Path(__file__).parent / "fixtures" / "sites" / "kursiv"
SITE = kursiv.SITE
NOW = datetime.fromisoformat("2025-04-10T18:00:00+05:00")


def page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def article(name: str, url: str):
    return extract_article(page(name), url, SITE, SITE.edition_for_url(url).lang, NOW)


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://kz.kursiv.media/2024-04-16/dlzh-bish-nuk-roditeli/", "ru"),
        ("https://kz.kursiv.media/kk/2025-04-10/sbn-sherzat-sputnik/", "kk"),
        ("https://kz.kursiv.media/kk/2022-06-06/aza-standy-tardy-77-18-pajyzy-konstituciya-a-zgeris-engizudi-olda-an", "kk"),
        ("https://kz.kursiv.media/en/2025-04-10/kazakhstans-new-car-sales/", "en"),
    ],
)
def test_article_urls_and_their_edition(url, key):
    assert SITE.is_article_url(url)
    assert SITE.edition_for_url(url).key == key


@pytest.mark.parametrize(
    "url",
    [
        "https://kz.kursiv.media/news/",
        "https://kz.kursiv.media/news/page/2/",
        "https://kz.kursiv.media/kk/feed/",
        "https://kz.kursiv.media/2024-04-16/dlzh-bish-nuk-roditeli/amp",
        "https://kz.kursiv.media/author/d-shumaeva/",
        "https://kz.kursiv.media/kk/tag/benzin/",
        "https://kz.kursiv.media/sitemaps/ru/2025/04.xml",
        "https://kz.kursiv.media/2025-13-40/not-a-date/",
        "https://kz.kursiv.media/?p=312847",
    ],
)
def test_other_urls_are_not_articles(url):
    assert not SITE.is_article_url(url)


def test_longest_prefix_wins_and_paths_that_only_start_like_one_do_not():
    assert SITE.edition_for_url("https://kz.kursiv.media/kk/news/").key == "kk"
    assert SITE.edition_for_url("https://kz.kursiv.media/en/feed/").key == "en"
    assert SITE.edition_for_url("https://kz.kursiv.media/energy-prices/").key == "ru"  # "/en" without the slash
    assert [e.absolute(e.feeds[0]) for e in SITE.editions] == [
        "https://kz.kursiv.media/feed/", "https://kz.kursiv.media/kk/feed/", "https://kz.kursiv.media/en/feed/"]


def test_after_midnight_the_utc_dates_name_the_previous_day_but_the_instant_is_right():
    url = "https://kz.kursiv.media/2025-04-10/kazahstan-narastil-eksport-pshenicy-v-kitaj-v-1-5-raza/"
    html = page("ru-2025-04-10-eksport-pshenicy.html")
    assert 'content="2025-04-09T19:20:00+00:00"' in html  # article:published_time, like the Yoast graph
    data = article("ru-2025-04-10-eksport-pshenicy.html", url)
    assert data.published_at.isoformat() == "2025-04-10T00:20:00+05:00"
    assert data.published_at.date().isoformat() == "2025-04-10" == url.split("/")[3]  # the URL's local day


def test_cut_yoast_headline_gives_way_to_the_full_title():
    url = "https://kz.kursiv.media/en/2025-04-10/kazakhstans-annual-inflation-slows-for-the-first-time-in-eight-months/"
    assert '"headline": "Kazakhstan\'s annual inflation slows for the first time in eight months as food prices' in page(
        "en-2025-04-10-inflation.html")
    data = article("en-2025-04-10-inflation.html", url)
    assert data.title.endswith("across most regions of the country")
    assert "Kursiv" not in data.title and "…" not in data.title


def test_graph_references_resolve_to_the_image_and_the_author():
    url = "https://kz.kursiv.media/2025-04-10/ceny-na-vtorichnoe-zhile-v-almaty-vyrosli-na-2-1-za-mart/"
    data = article("ru-2025-04-10-tseny-zhile.html", url)
    assert data.images[0] == "https://kz.kursiv.media/wp-content/uploads/2025/04/almaty-housing.jpg"
    assert not any("#" in image for image in data.images)
    assert data.authors == ["Динара Шумаева"]
    assert data.section == "Недвижимость" and data.tags == ["Алматы", "жилье", "недвижимость"]


def test_body_ends_before_read_also_without_embeds_and_prompts():
    url = "https://kz.kursiv.media/2025-04-10/ceny-na-vtorichnoe-zhile-v-almaty-vyrosli-na-2-1-za-mart/"
    data = article("ru-2025-04-10-tseny-zhile.html", url)
    for trap in ("t.me/", "Подписывайтесь", "Читайте также", "Выдачи ипотеки", "Инфографика", "Тенге укрепился"):
        assert trap not in data.body, trap
    assert "(Бюро национальной статистики АСПиР РК. — прим. ред.)" in data.body  # the editor's note is text
    assert data.body.endswith("ужесточения условий кредитования.")
    assert data.summary.startswith("Квадратный метр")  # the standfirst, outside the body


def test_kazakh_page_label_and_date():
    url = "https://kz.kursiv.media/kk/2025-04-10/nauryzda-zhanarmaj-ba-asy-1-2-pajyz-a-ymbattady/"
    assert "Жарияланды</span>" in page("kk-2025-04-10-zhanarmaj.html")
    data = article("kk-2025-04-10-zhanarmaj.html", url)
    assert data.published_at.isoformat() == "2025-04-10T11:30:00+05:00"
    assert "Telegram" not in data.body


def test_nested_sitemaps():
    root = parse_sitemap((FIXTURES / "ru-sitemap.xml").read_bytes(), "ru", NOW)
    year = parse_sitemap((FIXTURES / "ru-sitemap-2025.xml").read_bytes(), "ru", NOW)
    month = parse_sitemap((FIXTURES / "ru-sitemap-2025-04.xml").read_bytes(), "ru", NOW)
    assert root.kind == year.kind == "index" and month.kind == "urlset"
    assert root.entries[0].url == "https://kz.kursiv.media/sitemaps/ru/2025/sitemap.xml"
    assert year.entries[0].url == "https://kz.kursiv.media/sitemaps/ru/2025/04.xml"
    assert all(SITE.is_article_url(e.url) for e in month.entries)
    assert [e.sitemaps for e in SITE.editions] == [("/sitemaps/ru/sitemap.xml",), ("/sitemaps/kk/sitemap.xml",),
                                                   ("/sitemaps/en/sitemap.xml",)]


# --- URL forms of the archive and service pages (issue 11); [V] seen in evidence (see the site module), [A] assumed ---


@pytest.mark.parametrize(
    ("url", "edition"),
    [
        ('https://kursiv.kz/news/obschestvo/2019-07/kak-poluchit-shengenskuyu-vizu-na-bolee-dolgiy-srok', 'ru'),  # [V]
        ('https://www.kursiv.kz/news/finansy/2019-07/tenge-oslab', 'ru'),  # [A]
        ('https://kz.kursiv.media/kk/2025-04-10/sbn-sherzat-sputnik', 'kk'),  # [V]
    ],
)
def test_archive_url_forms_are_articles_of_their_edition(url, edition):
    assert SITE.is_article_url(url)
    assert SITE.edition_for_url(url).key == edition


@pytest.mark.parametrize(
    "url",
    [
        'https://kursiv.kz/news/StartUp/feed/',  # [V]
        'https://kz.kursiv.media/author/2024-04-16/ivanov/',  # [A]
        'https://kz.kursiv.media/kk/tag/2024-04-16/sputnik/',  # [A]
    ],
)
def test_service_pages_are_not_articles(url):
    assert not SITE.is_article_url(url)


def test_the_old_host_canonicalises_to_the_new_one():
    from kznews.urls import canonicalize_url

    old = "https://kursiv.kz/news/obschestvo/2019-07/kak-poluchit-shengenskuyu-vizu-na-bolee-dolgiy-srok"
    assert canonicalize_url(old, SITE.host_aliases) == (
        "https://kz.kursiv.media/news/obschestvo/2019-07/kak-poluchit-shengenskuyu-vizu-na-bolee-dolgiy-srok"
    )
