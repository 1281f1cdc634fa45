"""Sputnik Казахстан's traps: dates as Unix timestamps in data-unixtime (lists and articles), the
basic-ISO article:published_time and a JSON-LD in Moscow time, 'Подписаться' after the title, embedded cards of
other articles inside the text, the edition naming itself the author, the nested article sitemaps."""

import re
from datetime import UTC, datetime, timedelta

import pytest

from kznews.dates import ALMATY, parse_date_detail
from kznews.extract import extract_article, extract_list, parse_sitemap
from kznews.sites.sputnik import SITE
from tests.fixturecases import all_cases

CASES = {case.page.name: case for case in all_cases() if case.site == "sputnik"}


def page(name: str) -> str:
    return CASES[name].page.read_text(encoding="utf-8")


def extract(name: str, html: str | None = None):
    case = CASES[name]
    lang = SITE.edition_for_url(case.url).lang
    html = page(name) if html is None else html
    if case.kind == "list":
        return extract_list(html, case.url, SITE, lang, case.fetched_at)
    return extract_article(html, case.url, SITE, lang, case.fetched_at)


@pytest.mark.parametrize(
    "url",
    [
        "https://ru.sputnik.kz/20240416/roditelyam-pogibshey-saltanat-nukenovoy-stalo-plokho-v-zale-suda-prodolzhenie-translyatsii-43698034.html",
        "https://sputnik.kz/20240416/su-tasqyny-oral-ozenindegi-su-dengeyi-syni-belgige-zhaqyndady-43702245.html",
        "https://ru.sputnik.kz/20240416/43698034.html",
        "https://www.sputnik.kz/20240416/saltanat-nukenova-isi-43699310.html",
    ],
)
def test_article_path_accepts_dated_article_urls(url):
    assert SITE.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://ru.sputnik.kz/news/",
        "https://ru.sputnik.kz/20240416/",
        "https://ru.sputnik.kz/keyword_sud/",
        "https://ru.sputnik.kz/incidents/",
        "https://ru.sputnik.kz/amp/20240416/roditelyam-43698034.html",
        "https://ru.sputnik.kz/export/rss2/archive/index.xml",
        "https://ru.sputnik.kz/sitemap_article.xml?date_start=20240416&date_end=20240416",
        "https://ru.sputnik.kz/services/news/more.html?id=43684457",
        "https://sputnik.kg/20240416/bishkek-43698034.html",
    ],
)
def test_article_path_rejects_lists_keywords_feeds(url):
    assert not SITE.is_article_url(url)


def test_editions_assume_sputnik_kz_is_the_kazakh_one():
    assert SITE.edition_for_url("https://sputnik.kz/20240416/x-1.html").lang == "kk"
    assert SITE.edition_for_url("https://ru.sputnik.kz/20240416/x-1.html").lang == "ru"


def test_list_dates_come_from_data_unixtime():
    listing = extract("ru-news.html")
    first = listing.entries[0]
    assert first.date_text == str(int(datetime(2024, 4, 16, 17, 45, tzinfo=ALMATY).timestamp()))
    assert first.published_at == datetime(2024, 4, 16, 17, 45, tzinfo=ALMATY)
    # the visible text is a bare time, which names no day on its own
    assert '>17:45</div>' in page("ru-news.html")
    assert parse_date_detail("17:45", "ru", CASES["ru-news.html"].fetched_at) is None
    assert listing.entries[-1].published_at == datetime(2024, 4, 15, 19, 40, tzinfo=ALMATY)


def test_article_dates_unixtime_basic_iso_and_moscow_json_ld_agree():
    html = page("ru-20240416-43698034.html")
    assert '<meta property="article:published_time" content="20240416T1205+0500">' in html
    assert '"datePublished": "2024-04-16T10:05+03:00"' in html
    data = extract("ru-20240416-43698034.html")
    assert data.published_at == datetime(2024, 4, 16, 12, 5, tzinfo=ALMATY)
    assert data.modified_at == datetime(2024, 4, 16, 13, 30, tzinfo=ALMATY)
    assert "offset_corrected" not in data.notes  # +03:00 is a true instant, not a Kazakh offset gone stale
    # the URL's day agrees with the instant
    assert data.url.split("/")[3] == data.published_at.strftime("%Y%m%d")


def test_visible_unixtime_alone_gives_the_instant():
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", page("kk-20240416-43699310.html"),
                  flags=re.DOTALL)
    html = re.sub(r'<meta property="article:(published|modified)_time"[^>]*>', "", html)
    data = extract("kk-20240416-43699310.html", html)
    assert data.published_at == datetime(2024, 4, 16, 12, 40, tzinfo=ALMATY)
    assert data.sources["published_at"] == "layout"
    assert data.modified_at == datetime(2024, 4, 16, 13, 5, tzinfo=ALMATY)


@pytest.mark.parametrize(
    ("name", "absent"),
    [
        ("ru-20240416-43698034.html",
         ["Подписаться", "Суд по делу Бишимбаева: что известно на данный момент", "© Sputnik / Жанара Каримова",
          "Поделиться"]),
        ("kk-20240416-43699310.html", ["Жазылу", "Бишімбаев ісі: сот процесі туралы не белгілі", "© Sputnik"]),
    ],
)
def test_subscribe_button_cards_and_credits_are_not_text(name, absent):
    html, data = page(name), extract(name)
    for phrase in absent:
        assert phrase in html
        assert phrase not in data.body
    assert data.body.startswith("АСТАНА, 16 ")  # the dateline opens the lead and stays


def test_the_edition_naming_itself_author_names_no_person():
    assert '"author": {"@type": "Organization", "name": "Sputnik Қазақстан"}' in page("kk-20240416-43702245.html")
    assert extract("kk-20240416-43702245.html").authors == []


def test_title_suffix_of_the_html_title_is_stripped():
    html = re.sub(r'<script type="application/ld\+json">.*?</script>|<meta property="og:title"[^>]*>|<h1.*?</h1>',
                  "", page("ru-20240416-43701122.html"), flags=re.DOTALL)
    assert "<title>Паводки в Казахстане: в каких регионах ожидается подъем воды - 16.04.2024, Sputnik Казахстан</title>" in html
    assert extract("ru-20240416-43701122.html", html).title == "Паводки в Казахстане: в каких регионах ожидается подъем воды"


def test_sitemap_index_children_are_followed_by_pattern():
    index = parse_sitemap(CASES["ru-sitemap-index.xml"].page.read_bytes(), "ru", datetime(2024, 4, 16, tzinfo=UTC))
    assert index.kind == "index"
    assert all(SITE.sitemap_follow.search(child.url) for child in index.entries)
    assert not SITE.sitemap_follow.search("https://ru.sputnik.kz/sitemap_video.xml?date_start=20240416")
    assert index.entries[0].url == "https://ru.sputnik.kz/sitemap_article.xml?date_start=20240416&date_end=20240416"
    assert index.entries[0].published_at.utcoffset() == timedelta(hours=5)


# --- URL forms of the archive and service pages (issue 11); [V] seen in evidence (see the site module), [A] assumed ---


@pytest.mark.parametrize(
    ("url", "edition"),
    [
        ('https://sputniknews.kz/society/20190520/10197904/Sakhnany-syylauy-kerek-Belgili-galym-Qabatovtyn-soyleu-manerin-synga-aldy.html', 'kk'),  # [V]
        ('https://ru.sputniknews.kz/society/20190520/10197905/Vlasti-rasskazali.html', 'ru'),  # [A] (host [V])
        ('https://m.ru.sputniknews.kz/politics/20200311/13263484.html', 'ru'),  # [A] (host [V])
        ('https://kaz.sputniknews.kz/society/20190520/10197906/Qogam.html', 'kk'),  # [A]
        ('https://m.ru.sputnik.kz/20240416/roditelyam-pogibshey-saltanat-nukenovoy-stalo-plokho-v-zale-suda-prodolzhenie-translyatsii-43698034.html', 'ru'),  # [V]
    ],
)
def test_archive_url_forms_are_articles_of_their_edition(url, edition):
    assert SITE.is_article_url(url)
    assert SITE.edition_for_url(url).key == edition


@pytest.mark.parametrize(
    "url",
    [
        'https://ru.sputniknews.kz/archive/',  # [V]
        'https://ru.sputniknews.kz/export/rss2/archive/index.xml',  # [V]
        'https://ru.sputnik.kz/tags/20240416/43698035.html',  # [A]
    ],
)
def test_service_pages_are_not_articles(url):
    assert not SITE.is_article_url(url)


def test_old_hosts_canonicalise_to_their_edition_and_never_merge_two_articles():
    from kznews.urls import canonicalize_url

    old = "https://sputniknews.kz/society/20190520/10197904/Sakhnany-syylauy-kerek.html"
    assert canonicalize_url(old, SITE.host_aliases) == "https://sputnik.kz/society/20190520/10197904/Sakhnany-syylauy-kerek.html"
    ru = canonicalize_url("https://m.ru.sputniknews.kz/politics/20200311/13263484.html", SITE.host_aliases)
    assert ru == "https://ru.sputnik.kz/politics/20200311/13263484.html"
    # a Kazakh and a Russian article under the same path stay two keys (the editions keep their hosts)
    assert canonicalize_url("https://sputniknews.kz/politics/20200311/13263484.html", SITE.host_aliases) != ru
