"""informburo.kz: list items dated by the day heading above them (no year), a truncated JSON-LD headline, an
editor's note that belongs to the text, "Читайте также" cards inside the body, one sitemap for both editions."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kznews.dates import ALMATY
from kznews.extract import extract_article, extract_list, parse_sitemap
from kznews.sites import get_site

SITE = get_site("informburo")
DIR = Path(__file__).parent / "fixtures" / "sites" / "informburo"
CASES = {c["page"]: c for c in json.loads((DIR / "cases.json").read_text(encoding="utf-8"))["cases"]}


def read(page: str) -> str:
    return (DIR / page).read_text(encoding="utf-8")


def fetched(page: str) -> datetime:
    return datetime.fromisoformat(CASES[page]["fetched_at"])


def article(page: str):
    return extract_article(read(page), CASES[page]["url"], SITE, SITE.edition_for_url(CASES[page]["url"]).lang, fetched(page))


def test_list_items_take_the_day_from_the_heading_above_them():
    page = extract_list(read("ru-novosti.html"), "https://informburo.kz/novosti", SITE, "ru", fetched("ru-novosti.html"))
    dates = [e.published_at for e in page.entries]
    # five items under 'Сегодня', five under '17 мая'
    assert [d.date().isoformat() for d in dates] == ["2024-05-18"] * 5 + ["2024-05-17"] * 5
    assert dates[:2] == [datetime(2024, 5, 18, 16, 20, tzinfo=ALMATY), datetime(2024, 5, 18, 13, 5, tzinfo=ALMATY)]
    assert dates[5] == datetime(2024, 5, 17, 22, 15, tzinfo=ALMATY)
    assert dates[-1] == datetime(2024, 5, 17, 11, 2, tzinfo=ALMATY)


def test_year_less_heading_after_new_year_is_last_year():
    html = read("ru-novosti.html").replace(">17 мая<", ">31 декабря<")
    page = extract_list(html, "https://informburo.kz/novosti", SITE, "ru", datetime(2025, 1, 1, 5, 0, tzinfo=UTC))
    assert page.entries[0].published_at == datetime(2025, 1, 1, 16, 20, tzinfo=ALMATY)
    assert page.entries[-1].published_at == datetime(2024, 12, 31, 11, 2, tzinfo=ALMATY)


def test_kazakh_day_headings():
    page = extract_list(read("kk-newskaz.html"), "https://informburo.kz/kaz/newskaz", SITE, "kk", fetched("kk-newskaz.html"))
    assert [e.published_at.date().isoformat() for e in page.entries] == ["2024-10-08"] * 3 + ["2024-10-07"] * 3


def test_list_title_is_the_link_text_without_its_icon():
    page = extract_list(read("ru-novosti.html"), "https://informburo.kz/novosti", SITE, "ru", fetched("ru-novosti.html"))
    assert page.entries[2].title == "В Астане ввели ограничения на полив газонов"
    assert all(e.title and "camera" not in e.title for e in page.entries)


def test_truncated_jsonld_headline_gives_way_to_the_visible_title():
    data = article("ru-novosti-mama-posmotrite-siuda.html")
    assert data.title.endswith("рассказала его мама")
    assert data.sources["title"] != "jsonld"


def test_body_keeps_the_editors_note_and_drops_read_more_and_caption():
    body = article("ru-novosti-mama-posmotrite-siuda.html").body
    assert "(один из подсудимых. – Авт.)" in body
    assert "Читайте также" not in body and "Суд по делу Шерзата Полата начался" not in body
    assert "Фото: Informburo.kz" not in body and "Поделиться" not in body and "4120" not in body


def test_meta_line_gives_section_and_author():
    data = article("ru-novosti-mama-posmotrite-siuda.html")
    assert data.section == "Общество" and data.authors == ["Алия Иманбаева"]
    assert data.published_at == datetime(2024, 5, 18, 8, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    "url",
    [
        "https://informburo.kz/novosti/mama-posmotrite-siuda-togda-ia-uvidela-nozevoe-ranenie-o-smerti-serzata-polata-rasskazala-ego-mama",
        "https://informburo.kz/novosti/sud-po-delu-serzata-polata-nacalsya-v-taldykorgane.html",
        "https://informburo.kz/kaz/newskaz/ork-referendumnyn-qorytyndy-natizelerin-zariialady",
        "https://informburo.kz/amp/kaz/newskaz/ork-referendumnyn-qorytyndy-natizelerin-zariialady",
        "https://www.informburo.kz/amp/novosti/v-astane-vveli-ogranicheniya-na-poliv",
    ],
)
def test_article_urls(url):
    assert SITE.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://informburo.kz/novosti",
        "https://informburo.kz/novosti?page=2",
        "https://informburo.kz/novosti/obshchestvo",
        "https://informburo.kz/novosti/gorod",
        "https://informburo.kz/kaz/newskaz",
        "https://informburo.kz/kaz/newskaz/qogam",
        "https://informburo.kz/tag/referendum",
        "https://informburo.kz/avtor/aliya-imanbaeva",
        "https://informburo.kz/sitemap.xml?type=articles&page=1",
    ],
)
def test_not_article_urls(url):
    assert not SITE.is_article_url(url)


def test_sitemap_index_follows_only_article_children_and_kazakh_urls_belong_to_kk():
    index = parse_sitemap((DIR / "sitemap-index.xml").read_bytes(), "ru", fetched("sitemap-articles-1.xml"))
    followed = [c.url for c in index.entries if SITE.sitemap_follow.search(c.url)]
    assert followed == ["https://informburo.kz/sitemap.xml?type=articles&page=1"]
    urls = parse_sitemap((DIR / "sitemap-articles-1.xml").read_bytes(), "ru", fetched("sitemap-articles-1.xml")).entries
    langs = {e.url.rsplit("/", 1)[1][:10]: SITE.edition_for_url(e.url).lang for e in urls if SITE.is_article_url(e.url)}
    assert langs == {"mama-posmo": "ru", "v-almaty-z": "ru", "ork-refere": "kk", "astanada-z": "kk"}


# --- URL forms of the archive and service pages (issue 11); [V] seen in evidence (see the site module), [A] assumed ---


@pytest.mark.parametrize(
    ("url", "edition"),
    [
        ('https://informburo.kz/stati/priiut-nadezdy-kak-bliz-almaty-spasaiut-tex-kogo-odnazdy-predali-liudi', 'ru'),  # [V]
        ('https://informburo.kz/interview/kak-kontakt-centr-111-okazyvaet-pomoshh-kazaxstancam', 'ru'),  # [V]
        ('https://informburo.kz/novosti/koronavirus-v-kazahstane-situaciya-na-21-maya-live.html', 'ru'),  # [V]
        ('https://informburo.kz/cards/chto-nuzhno-znat-o-referendume', 'ru'),  # [V] (the /cards/ section)
    ],
)
def test_archive_url_forms_are_articles_of_their_edition(url, edition):
    assert SITE.is_article_url(url)
    assert SITE.edition_for_url(url).key == edition


@pytest.mark.parametrize(
    "url",
    [
        'https://informburo.kz/tags/pozhar?page=1',  # [V]
        'https://informburo.kz/stati/reklama-na-saite',  # [A]
        'https://informburo.kz/novosti/politika-konfidencialnosti',  # [A]
    ],
)
def test_service_pages_are_not_articles(url):
    assert not SITE.is_article_url(url)
