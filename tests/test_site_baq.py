"""baq.kz's traps: 'Бүгiн 2026, 14:14' (a Latin i, no day, no month) as the only visible date, structured dates
as the primary source, the view count glued onto the photo credit, the Telegram promo, truncated JSON-LD
headlines, two URL forms on rus.baq.kz."""

import re
from datetime import datetime

import pytest

from kznews.dates import ALMATY, parse_date_detail
from kznews.extract import extract_article, extract_list
from kznews.extract.text import clean_paragraphs
from kznews.extract.timestamps import Candidate, choose_instant
from kznews.sites.baq import SITE
from tests.fixturecases import all_cases

CASES = {case.page.name: case for case in all_cases() if case.site == "baq"}
LATIN_TODAY = "Бүг\u0069н"  # as baq.kz prints it
CYRILLIC_TODAY = "Бүг\u0456н"


def page(name: str) -> str:
    return CASES[name].page.read_text(encoding="utf-8")


def extract(name: str, html: str | None = None, fetched_at: datetime | None = None):
    case = CASES[name]
    lang = SITE.edition_for_url(case.url).lang
    html = page(name) if html is None else html
    fetched_at = fetched_at or case.fetched_at
    if case.kind == "list":
        return extract_list(html, case.url, SITE, lang, fetched_at)
    return extract_article(html, case.url, SITE, lang, fetched_at)


def without_structured_dates(html: str) -> str:
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.DOTALL)
    return re.sub(r'<meta property="article:published_time"[^>]*>', "", html)


@pytest.mark.parametrize(
    "url",
    [
        "https://baq.kz/tungi-vandalizm-almatyda-eki-ayaldama-aynegi-shagyldy-320014902/",
        "https://baq.kz/alemde-perude-tikushaq-apaty-meksikada-qandy-qaqtygys-2028-saylauda-tramptyn-murageri-kim-320015786/",
        "https://rus.baq.kz/semya-pogibshih-pri-pozhare-v-schuchinske-vyplatyat-po-2-mln-tenge-320016273/",
        "https://rus.baq.kz/v-talgare-seme-ubitogo-sherzata-polata-postroyat-novyy-dom_300020861/",
        "https://rus.baq.kz/12-pogibshih-v-algabase-mchs-nazval-vozmozhnuyu-prichinu-pozhara_300027445",
        "https://www.baq.kz/tungi-vandalizm-almatyda-eki-ayaldama-aynegi-shagyldy-320014902/",
    ],
)
def test_article_path_accepts_both_url_forms(url):
    assert SITE.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://baq.kz/amp/news/othernews/schuchinsk-zharylys-qurbandaryn-eske-aluda-qaygyly-oqiga-ornynan-ekinshi-kun-320016461",
        "https://rus.baq.kz/amp/news/tragediya-v-schuchinsk-video-ochevidtsev-320016240",
        "https://baq.kz/news/",
        "https://baq.kz/news/?page=2",
        "https://baq.kz/news/othernews/",
        "https://baq.kz/tag/qorshagan-orta/?page=2",
        "https://rus.baq.kz/teg/ulytau/",
        "https://baq.kz/search/pagen2/?q=%D0%B6%D0%B0%D1%80%D1%8B%D0%BB%D1%8B%D1%81",
        "https://baq.kz/storage/news/2026/02/320016461/mainphoto/1200x800.jpg",
    ],
)
def test_article_path_rejects_amp_lists_tags_search(url):
    assert not SITE.is_article_url(url)


def test_the_fixtures_print_today_with_a_latin_i():
    html = page("kk-news-320016461.html")
    assert f"{LATIN_TODAY} 2026, 14:14" in html
    assert CYRILLIC_TODAY not in html
    listing = extract("kk-news.html")
    assert listing.entries[1].date_text == f"{LATIN_TODAY} 14:14"
    assert listing.entries[1].published_at == datetime(2026, 2, 28, 14, 14, tzinfo=ALMATY)
    assert listing.entries[-1].date_text == "Кеше 07:15"
    assert listing.entries[-1].published_at == datetime(2026, 2, 27, 7, 15, tzinfo=ALMATY)


def test_structured_date_is_primary_and_survives_a_later_reading():
    data = extract("kk-news-320016461.html")
    assert data.published_at == datetime(2026, 2, 28, 14, 14, 37, tzinfo=ALMATY)
    assert data.sources["published_at"] == "jsonld"
    # Read months later (a replay, a cache): "today" now means another day, the structured date still holds.
    later = extract("kk-news-320016461.html", fetched_at=datetime(2026, 11, 26, 18, 0, tzinfo=ALMATY))
    assert later.published_at == datetime(2026, 2, 28, 14, 14, 37, tzinfo=ALMATY)


def test_only_the_visible_string_resolves_against_the_fetch_time():
    html = without_structured_dates(page("kk-news-320016461.html"))
    same_day = extract("kk-news-320016461.html", html)
    assert same_day.published_at == datetime(2026, 2, 28, 14, 14, tzinfo=ALMATY)
    assert same_day.published_at_text == f"{LATIN_TODAY} 2026, 14:14"
    # Read on another day the string names that day: the page itself is all there is (a known limit).
    next_day = extract("kk-news-320016461.html", html, fetched_at=datetime(2026, 3, 1, 18, 0, tzinfo=ALMATY))
    assert next_day.published_at == datetime(2026, 3, 1, 14, 14, tzinfo=ALMATY)
    # ... and before that time of day it would lie in the future: no date.
    morning = extract("kk-news-320016461.html", html, fetched_at=datetime(2026, 3, 1, 9, 0, tzinfo=ALMATY))
    assert morning.published_at is None
    # Read in another year the printed year contradicts "today": no date rather than a wrong one.
    next_year = extract("kk-news-320016461.html", html, fetched_at=datetime(2027, 1, 5, 9, 0, tzinfo=ALMATY))
    assert next_year.published_at is None
    ru = extract("ru-news-320016273.html", without_structured_dates(page("ru-news-320016273.html")))
    assert ru.published_at == datetime(2026, 2, 27, 9, 44, tzinfo=ALMATY)


@pytest.mark.parametrize("word", [LATIN_TODAY, CYRILLIC_TODAY])
def test_both_spellings_of_today_parse(word):
    parsed = parse_date_detail(f"{word} 2026, 14:14", "kk", datetime(2026, 2, 28, 18, 0, tzinfo=ALMATY))
    assert parsed.value == datetime(2026, 2, 28, 14, 14, tzinfo=ALMATY) and parsed.relative


def test_relative_visible_date_vouches_only_for_the_time_of_day():
    relative = Candidate("layout", datetime(2026, 11, 26, 14, 14, tzinfo=ALMATY), True, relative=True)
    absolute = Candidate("layout", datetime(2026, 11, 26, 14, 14, tzinfo=ALMATY), True)
    structured = Candidate("jsonld", datetime(2026, 2, 28, 14, 14, 37, tzinfo=ALMATY), True)
    other_time = Candidate("jsonld", datetime(2026, 2, 28, 9, 0, tzinfo=ALMATY), True)
    assert choose_instant([structured], relative) is structured
    assert choose_instant([structured], absolute) is absolute  # a printed day is not overruled
    assert choose_instant([other_time], relative) is relative


def test_view_count_glued_onto_the_credit_is_not_text():
    html = page("kk-news-320016461.html")
    header = re.search(r'<div class="news-item__info">(.*?)</div>', html).group(1)
    assert re.sub(r"<[^>]+>", "", header).endswith("46Фото: видеодан алынған кадр")
    paragraphs = [
        "46Фото: видеодан алынған кадр",
        "154Фото: ©BAQ.KZ коллажы",
        "Фото: ©BAQ.KZ/Сырым Рахимбеков",
        "  • Мұқаба",
        "Telegram-канал",
        "и узнавайте новости первыми!",
        "46 адам зардап шекті, деп хабарлайды BAQ.KZ.",
    ]
    assert clean_paragraphs(paragraphs, SITE.boilerplate) == ["46 адам зардап шекті, деп хабарлайды BAQ.KZ."]


@pytest.mark.parametrize(
    ("name", "absent", "kept"),
    [
        ("kk-news-320016461.html", ["Фото: ©BAQ.KZ/Сырым Рахимбеков", "Тақырыпқа қатысты", "Мұқаба"],
         ["деп хабарлайды BAQ.KZ тілшісі.", "Еске салайық,"]),
        ("ru-news-320016273.html", ["Подпишитесь на наш Telegram-канал", "Читайте также", "Главная"],
         ["передает BAQ.KZ со ссылкой на акимат", "Ранее мы сообщали о том, что"]),
        ("ru-news-320016240.html", ["Подпишитесь", "Фото: кадр из видео"], ["передаёт BAQ.KZ.", "Напомним,"]),
    ],
)
def test_promos_credits_and_breadcrumbs_go_attributions_and_recaps_stay(name, absent, kept):
    html, body = page(name), extract(name).body
    for phrase in absent:
        assert phrase in html
        assert phrase not in body
    for phrase in kept:
        assert phrase in body


def test_truncated_json_ld_headline_gives_way_to_the_full_title():
    assert '"headline": "Щучинск жарылыс құрбандарын еске алуда: қайғылы оқиға орнына..."' in page("kk-news-320016461.html")
    data = extract("kk-news-320016461.html")
    assert data.title == "Щучинск жарылыс құрбандарын еске алуда: қайғылы оқиға орнынан екінші күн"
    assert data.section == "Оқиға"


# --- URL forms of the archive and service pages (issue 11); [V] seen in evidence (see the site module), [A] assumed ---


@pytest.mark.parametrize(
    ("url", "edition"),
    [
        ('https://rus.baq.kz/v-talgare-seme-ubitogo-sherzata-polata-postroyat-novyy-dom_300020861/', 'ru'),  # [V]
        ('https://baq.kz/tungi-vandalizm-almatyda-eki-ayaldama-aynegi-shagyldy-320014902/', 'kk'),  # [V]
    ],
)
def test_archive_url_forms_are_articles_of_their_edition(url, edition):
    assert SITE.is_article_url(url)
    assert SITE.edition_for_url(url).key == edition


@pytest.mark.parametrize(
    "url",
    [
        'https://baq.kz/reklama-320000001/',  # [A]
        'https://rus.baq.kz/kontakty_300000002/',  # [A]
        'https://baq.kz/tag/almaty-320000003/',  # [A]
        'https://rus.baq.kz/amp/news/tragediya-v-schuchinsk-video-ochevidtsev-320016240',  # [V]
    ],
)
def test_service_pages_are_not_articles(url):
    assert not SITE.is_article_url(url)
