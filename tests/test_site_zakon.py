"""zakon.kz traps: the only timestamp sits in the lead photo's alt/caption, the JSON "load more" endpoint, the body
that ends at the share block (the author's avatar alt and name below it), the trending hashtag above the title that
is not a tag, the lead-only JSON-LD articleBody, which links are articles."""

import json
from datetime import datetime
from pathlib import Path

import pytest

from kznews.extract import extract_article, extract_json_list, extract_list
from kznews.sites import zakon

FIXTURES = Path(__file__).parent / "fixtures" / "sites" / "zakon"
SITE = zakon.SITE
NOW = datetime.fromisoformat("2026-02-27T10:30:00+05:00")
BLAST_URL = "https://www.zakon.kz/proisshestviia/6509315-poyavilis-kadry-moshchnogo-vzryva-i-pozhara-v-kafe-v-shchuchinske.html"
LOAD_MORE_URL = "https://www.zakon.kz/news/?handler=LoadMoreNews&p=1&type=list"


def page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def blast(html: str | None = None):
    return extract_article(html or page("ru-6509315.html"), BLAST_URL, SITE, "ru", NOW)


@pytest.mark.parametrize(
    "url",
    [
        BLAST_URL,
        "https://www.zakon.kz/6509342-v-astane-s-1-marta-izmenyat-skhemu-dvizheniya-avtobusov.html",
        "https://kaz.zakon.kz/6015850-kostanaida-ksipkerlerge-eskertu-zhasaldy.html",
        "https://zakon.kz/sobytiia/6498201-tragediya-v-sele-algabas-ozvuchena-aktualnaya-informatsiya.html",
    ],
)
def test_article_urls_are_recognised(url):
    assert SITE.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.zakon.kz/news/",
        "https://www.zakon.kz/proisshestviia/",
        LOAD_MORE_URL,
        "https://www.zakon.kz/authors/irina-kapitanova/",
        "https://www.zakon.kz/tags/trend/",
        "https://www.zakon.kz/sitemap/649.xml",
        "https://www.zakon.kz/amp/6509342-v-astane.html",
        "https://www.zakon.kz/proisshestviia/6509315-poyavilis-kadry",  # no .html
    ],
)
def test_other_urls_are_not_articles(url):
    assert not SITE.is_article_url(url)


def test_the_date_comes_from_the_photo_alt_only():
    html = page("ru-6509315.html")
    assert "datePublished" not in html and "published_time" not in html  # no structured date at all
    data = blast(html)
    assert data.published_at.isoformat() == "2026-02-27T09:12:00+05:00"
    assert data.published_at_text.endswith("- Новости Zakon.kz от 27.02.2026 09:12")
    # without the alt there is no date: the sidebar times ('09:58, сегодня') and the caption credit are not taken
    stripped = html.replace('alt="взрыв в кафе в Щучинске, пожар, кадры - Новости Zakon.kz от 27.02.2026 09:12"', 'alt=""')
    assert stripped != html
    assert blast(stripped).published_at is None


def test_kazakh_caption_date():
    url = "https://kaz.zakon.kz/okiga/6077655-karagandyda-kop-kabatty-uydin-zhertolesinde-ort-shykty.html"
    data = extract_article(page("kk-6077655.html"), url, SITE, "kk", datetime.fromisoformat("2026-03-04T12:30:00+05:00"))
    assert data.published_at.isoformat() == "2026-03-04T12:05:00+05:00"


def test_body_is_lead_and_content_up_to_the_share_block():
    html = page("ru-6509315.html")
    data = blast(html)
    assert data.body.startswith("Утром 27 февраля")  # the lead (.description) opens the body
    assert data.body.endswith("полиция начала досудебное расследование.")
    for trap in ("Поделитесь", "Google News", "Нашли ошибку", "Капитанова", "Читайте также", "Взрыв газа в частном",
                 "Фото:", "Новости Zakon.kz от"):
        assert trap not in data.body, trap
    # the JSON-LD articleBody is the lead only; the page's body is much longer
    ld_body = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])["articleBody"]
    assert len(data.body) > 3 * len(ld_body)


def test_author_tags_and_section():
    data = blast()
    assert data.authors == ["Ирина Капитанова"]  # not the avatar alt 'Фото Ирина Капитанова', not "Zakon.kz"
    assert data.tags == ["Щучинск", "взрыв", "ДЧС"]  # '#' stripped; not the trending '#Референдум-2026'
    assert data.section == "Происшествия"
    assert data.title == "Появились кадры мощного взрыва и пожара в кафе в Щучинске"


def test_title_suffix():
    assert SITE.title_suffix.sub("", "Заголовок - Новости Zakon.kz") == "Заголовок"
    assert SITE.title_suffix.sub("", "Тақырып - Zakon.kz жаңалықтары") == "Тақырып"


def test_news_list_after_midnight_mixes_today_and_yesterday():
    listing = extract_list(page("ru-news.html"), "https://www.zakon.kz/news/", SITE, "ru", NOW)
    assert listing.layouts == ["newscard-2025"]
    assert listing.entries[-1].date_text == "вчера, 23:47"
    assert listing.entries[-1].published_at.isoformat() == "2026-02-26T23:47:00+05:00"


def test_json_list_reads_the_html_chunks():
    listing = extract_json_list(page("ru-loadmore-p1.json"), LOAD_MORE_URL, SITE, "ru", NOW)
    assert listing.entries[0].url == "https://www.zakon.kz/sobytiia/6509270-v-karagande-otkrylsya-novyy-ledovyy-dvorets.html"
    assert listing.entries[0].date_text == "21:40, 26 февраля 2026"
    assert listing.entries[0].published_at.isoformat() == "2026-02-26T21:40:00+05:00"
    assert len(listing.entries) == 4


def test_json_list_does_not_depend_on_field_names():
    card = ('<div class="newscard"><a class="newscard_link" href="/6509000-test-novost.html">'
            '<div class="newscard__title">Тест</div><span class="newscard__date">13:51, сегодня</span></a></div>')
    listing = extract_json_list(json.dumps({"html": card, "page": 3}), LOAD_MORE_URL, SITE, "ru", NOW)
    assert [(e.url, e.published_at.isoformat()) for e in listing.entries] == [
        ("https://www.zakon.kz/6509000-test-novost.html", "2026-02-27T13:51:00+05:00")
    ]


@pytest.mark.parametrize("text", ["<html>Service Unavailable</html>", '{"success": false, "data": {"items": []}}'])
def test_json_list_rejects_answers_it_cannot_read(text):
    with pytest.raises(ValueError):
        extract_json_list(text, LOAD_MORE_URL, SITE, "ru", NOW)


def test_2023_list_markup_still_parses():
    listing = extract_list(page("ru-news-2023.html"), "https://www.zakon.kz/news/", SITE, "ru",
                           datetime.fromisoformat("2023-11-10T12:00:00+06:00"))
    assert listing.layouts == ["zmainCard-2023"]
    assert listing.entries[0].published_at.isoformat() == "2023-11-10T11:42:00+06:00"


# --- URL forms of the archive and service pages (issue 11); [V] seen in evidence (see the site module), [A] assumed ---


@pytest.mark.parametrize(
    ("url", "edition"),
    [
        ('https://www.zakon.kz/5003300-v-kostanayskoy-oblasti-pogib.html', 'ru'),  # [V]
        ('https://kaz.zakon.kz/6015850-kostanaida-ksipkerlerge-eskertu-zhasaldy.html', 'kk'),  # [V]
        ('https://www.zakon.kz/proisshestviia/6509315-poyavilis-kadry-moshchnogo-vzryva-i-pozhara-v-kafe-v-shchuchinske.html', 'ru'),  # [V]
    ],
)
def test_archive_url_forms_are_articles_of_their_edition(url, edition):
    assert SITE.is_article_url(url)
    assert SITE.edition_for_url(url).key == edition


@pytest.mark.parametrize(
    "url",
    [
        'https://www.zakon.kz/6509315-reklama.html',  # [A]
        'https://www.zakon.kz/6509316-kontakty.html',  # [A]
        'https://www.zakon.kz/tags/6509317-almaty.html',  # [A]
        'https://www.zakon.kz/news/',  # [V]
    ],
)
def test_service_pages_are_not_articles(url):
    assert not SITE.is_article_url(url)
