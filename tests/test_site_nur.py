"""nur.kz traps: the /latest/ list that grows only in a browser, UTC list times, the promo and read-also blocks in
the body, the hidden "Оригинал статьи" line, the entity-escaped JSON-LD articleBody, which links are articles."""

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from kznews.extract import extract_article, extract_list
from kznews.extract.html import parse_html
from kznews.extract.structured import read_structured
from kznews.sites import nur

FIXTURES = Path(__file__).parent / "fixtures" / "sites" / "nur"
SITE = nur.SITE
NOW = datetime.fromisoformat("2025-08-15T16:30:00+05:00")
JS_ONLY = {
    "https://www.nur.kz/incident/2297102-v-almaty-evakuirovali-torgovyy-tsentr-iz-za-zadymleniya/",
    "https://www.nur.kz/society/2296815-v-astane-otkroyut-novyy-detskiy-reabilitatsionnyy-tsentr/",
}


def page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def article(name: str, url: str, now=NOW):
    return extract_article(page(name), url, SITE, SITE.edition_for_url(url).lang, now)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.nur.kz/politics/kazakhstan/2086925-bolshe-17-mlrd-tenge-hoteli-neratsionalno-potratit-na-borbu-s-pavodkami-v-kazahstane/",
        "https://www.nur.kz/society/2286879-ulicu-v-talgare-hotyat-pereimenovat-v-chest-sherzata-bolata/",
        "https://kaz.nur.kz/society/2297460-almatyda-zhana-velosiped-zholdary-ashyldy/",
        "https://nur.kz/incident/2297102-v-almaty-evakuirovali-torgovyy-tsentr-iz-za-zadymleniya",
    ],
)
def test_article_urls_are_recognised(url):
    assert SITE.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.nur.kz/latest/",
        "https://www.nur.kz/politics/",
        "https://www.nur.kz/politics/kazakhstan/",
        "https://www.nur.kz/politics/?page=2",
        "https://www.nur.kz/authors/kristina-krivcanova/",
        "https://www.nur.kz/about-us.html",
        "https://www.nur.kz/article-index-sitemap.xml",
        "https://www.nur.kz/politics/kazakhstan/2086925-x/extra/",
        "https://example.com/politics/kazakhstan/2086925-bolshe-17-mlrd/",
    ],
)
def test_other_urls_are_not_articles(url):
    assert not SITE.is_article_url(url)


def test_latest_is_a_browser_list_and_the_sections_are_not():
    lists = SITE.edition("ru").lists
    assert [s.path for s in lists if s.js] == ["/latest/"]
    assert lists[0].load_more == "button.js-load-more"
    assert all(s.page and s.page.endswith("?page={n}") for s in lists if not s.js)
    assert SITE.uses_browser


def test_list_times_are_utc_instants_matching_the_printed_local_time():
    html = page("ru-latest.html")
    assert 'datetime="2025-08-15T11:15:00.000Z">Сегодня, 16:15<' in html
    listing = extract_list(html, "https://www.nur.kz/latest/", SITE, "ru", NOW)
    first = listing.entries[0]
    assert first.published_at.isoformat() == "2025-08-15T16:15:00+05:00"
    assert listing.layouts == ["article-card-2025"]


def test_raw_latest_page_lacks_the_items_its_script_adds():
    listing = extract_list(page("ru-latest.html"), "https://www.nur.kz/latest/", SITE, "ru", NOW)
    urls = {e.url for e in listing.entries}
    assert len(urls) == 8 and not urls & JS_ONLY


@pytest.mark.slow
@pytest.mark.browser
def test_chromium_renders_more_items_by_clicking_load_more():
    """The fixture behaves like the site: clicking the declared "load more" button in a real browser appends the
    embedded items, so the rendered list reaches the articles the HTML does not link."""
    assert shutil.which("chromium"), "Debian's chromium is installed by `make setup`"
    from playwright.sync_api import sync_playwright

    load_more = SITE.edition("ru").lists[0].load_more
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        try:
            tab = browser.new_page()
            tab.route("**/*", lambda route: route.abort())  # offline: the page must work from its own HTML
            tab.set_content(page("ru-latest.html"), wait_until="domcontentloaded")
            for _ in range(3):
                tab.evaluate(f"() => {{ const b = document.querySelector({json.dumps(load_more)}); if (b) b.click(); }}")
            rendered = tab.content()
        finally:
            browser.close()
    listing = extract_list(rendered, "https://www.nur.kz/latest/", SITE, "ru", NOW)
    urls = {e.url for e in listing.entries}
    assert len(urls) == 16 and urls >= JS_ONLY
    by_url = {e.url: e for e in listing.entries}
    assert by_url[min(JS_ONLY)].published_at.isoformat() == "2025-08-14T11:22:00+05:00"  # 'Вчера, 11:22'


def test_body_drops_promo_read_also_and_the_hidden_original_link():
    url = "https://www.nur.kz/politics/kazakhstan/2297451-v-mazhilise-predlozhili-zapretit-smartfony-na-urokah/"
    html = page("ru-politics-2297451.html")
    for trap in ("WhatsApp-канале", "Читайте также", "Оригинал статьи"):
        assert trap in html
    data = article("ru-politics-2297451.html", url)
    for trap in ("WhatsApp", "Читайте также", "ящики для телефонов", "Оригинал статьи"):
        assert trap not in data.body
    assert data.body.startswith("Депутаты Мажилиса")  # the bold lead is the first paragraph
    assert data.body.endswith("педагогические советы.")  # "Ранее ..." is the story's own text
    assert data.authors == ["Кристина Кривцанова"]
    assert data.section == "Казахстан"  # the breadcrumb starts at the rubric; the sub-rubric is the section


def test_kazakh_whatsapp_promo_is_boilerplate():
    url = "https://kaz.nur.kz/society/2297460-almatyda-zhana-velosiped-zholdary-ashyldy/"
    assert "WhatsApp арнамыздан" in page("kk-society-2297460.html")
    assert "WhatsApp" not in article("kk-society-2297460.html", url).body


def test_archived_2024_page_body_comes_from_the_markup_not_the_escaped_articlebody():
    url = "https://www.nur.kz/politics/kazakhstan/2086925-bolshe-17-mlrd-tenge-hoteli-neratsionalno-potratit-na-borbu-s-pavodkami-v-kazahstane/"
    html = page("ru-politics-2086925-2024.html")
    ld_body = read_structured(parse_html(html), url).article["articleBody"]
    assert "&quot;" in ld_body and not ld_body.startswith("В Антикоррупционной службе")  # escaped, lead missing
    data = article("ru-politics-2086925-2024.html", url, datetime.fromisoformat("2024-04-18T12:00:00+05:00"))
    assert data.body.startswith("В Антикоррупционной службе")
    assert "&quot;" not in data.body and "\"окрашивания денег\"" in data.body
    assert data.published_at.isoformat() == "2024-04-18T10:35:00+05:00"
    assert data.modified_at.isoformat() == "2024-04-18T11:50:12+05:00"


def test_2024_list_markup_still_parses():
    listing = extract_list(page("ru-latest-2024.html"), "https://www.nur.kz/latest/", SITE, "ru",
                           datetime.fromisoformat("2024-04-18T12:00:00+05:00"))
    assert listing.layouts == ["preview-category-2024"]
    titles = [e.title for e in listing.entries]
    assert "Госорганы хотели нерационально потратить 17 млрд тенге в Казахстане" in titles  # the h2, not the card text


# --- URL forms of the archive and service pages (issue 11); [V] seen in evidence (see the site module), [A] assumed ---


@pytest.mark.parametrize(
    ("url", "edition"),
    [
        ('https://www.nur.kz/1795089-cinovnika-izbili-do-komy-v-stepnogorske-napadavsego-ne-nasli-spusta-poltora-goda.html', 'ru'),  # [V]
        ('http://www.nur.kz/1011115-propavshaya-v-almatinskoy-oblasti-devu.html', 'ru'),  # [V]
        ('https://www.nur.kz/1276590-rypakova-stala-pervoy-v-istorii-kazakh.html', 'ru'),  # [V]
        ('https://nur.kz/1661333-arestovan-figurant-krovavoy-draki-vo.html', 'ru'),  # [V] (host alias)
        ('https://kaz.nur.kz/1795089-ulttyq-quramanyn-jana-bapkeri.html', 'kk'),  # [A]
    ],
)
def test_archive_url_forms_are_articles_of_their_edition(url, edition):
    assert SITE.is_article_url(url)
    assert SITE.edition_for_url(url).key == edition


@pytest.mark.parametrize(
    "url",
    [
        'https://www.nur.kz/politics/',  # [V]
        'https://www.nur.kz/tags/1795089-almaty/',  # [A]
        'https://www.nur.kz/author/2086925-ivan-ivanov/',  # [A]
        'https://www.nur.kz/1795089-something.html/amp',  # [A]
    ],
)
def test_service_pages_are_not_articles(url):
    assert not SITE.is_article_url(url)
