"""Kazinform traps: datelines in four dash forms, header dates in the nominative with a printed GMT offset (also on
2024 pages shown in today's GMT +5), naive UTC times in the JSON-LD, the title repeated under the photo, caption
name lines, three hosts with the ru edition under /ru/, old and new URL forms."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from kznews.extract import extract_article, extract_list, parse_sitemap
from kznews.sites import inform

FIXTURES = Path(__file__).parent / "fixtures" / "sites" / "inform"
SITE = inform.SITE


def page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def article(name: str, url: str, now: str):
    return extract_article(page(name), url, SITE, SITE.edition_for_url(url).lang, datetime.fromisoformat(now))


@pytest.mark.parametrize(
    "url",
    [
        "https://www.inform.kz/ru/proizoshel-obval-krishi-detskiy-ombudsmen-prokommentirovala-pozhar-v-algabase-7f087e",
        "https://www.inform.kz/ru/silkwaystar-tragediya-v-algabase-gonkongskiy-gripp-glavnoe-za-nedelyu-v-kazahstane-32af94",
        "https://kaz.inform.kz/news/bilk-tranzit-turali-soz-kozgauga-al-erte-kasim-zhomart-tokaev-d06b45/",
        "https://qazinform.com/news/president-tokayev-to-hold-series-of-meetings-with-regional-governors-2863a6",
        "https://en.inform.kz/news/nursultan-nazarbayev-astana-to-become-the-star-of-eurasia_a2980664/",
        "https://en.inform.kz/news/kazakh-pm-criticizes-state-bodies-for-lack-of-accurate-and-timely-quake-information-68b5ed/",
        "https://www.inform.kz/en/new-district-in-astana-to-be-named-nura_a4017622",
        "https://www.inform.kz/ru/some-old-story_a4137890",
        "https://www.inform.kz/kz/eski-habar_a2471636",
    ],
)
def test_new_and_old_article_urls_are_recognised(url):
    assert SITE.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.inform.kz/ru/lenta",
        "https://www.inform.kz/ru/lenta?page=2",
        "https://www.inform.kz/ru/",
        "https://www.inform.kz/ru/incidents",
        "https://kaz.inform.kz/lenta",
        "https://kaz.inform.kz/news/",
        "https://qazinform.com/tag/astana",
        "https://www.inform.kz/ru/author/12345",
        "https://www.inform.kz/en/new-district-in-astana-to-be-named-nura_a4017622/amp",
        "https://www.inform.kz/sitemaps/google-news_ru.xml",
    ],
)
def test_other_urls_are_not_articles(url):
    assert not SITE.is_article_url(url)


def test_editions_by_host_and_prefix():
    assert SITE.edition_for_url("https://www.inform.kz/ru/x-7f087e").key == "ru"
    assert SITE.edition_for_url("https://inform.kz/ru/x-7f087e").key == "ru"
    assert SITE.edition_for_url("https://kaz.inform.kz/news/x-b22b2a/").key == "kk"
    assert SITE.edition_for_url("https://qazinform.com/news/x-58da40").key == "en"
    assert SITE.edition_for_url("https://en.inform.kz/news/x_a2980664/").key == "en"  # the old English host
    assert SITE.edition_for_url("https://www.inform.kz/en/x_a4017622").key == "en"  # the English archive, not ru


@pytest.mark.parametrize(
    "lead",
    [
        "АСТАНА. KAZINFORM – Мемлекет басшысы",  # en dash
        "АЛМАТЫ. KAZINFORM — Мемлекет басшысы",  # em dash
        "ASTANA. KAZINFORM - Мемлекет басшысы",  # hyphen (2016)
        "ASTANA. KAZINFORM Мемлекет басшысы",  # nothing (2022)
        "НҰР-СҰЛТАН. ҚазАқпарат – Мемлекет басшысы",
    ],
)
def test_dateline_forms_are_cut(lead):
    assert SITE.dateline.sub("", lead, count=1) == "Мемлекет басшысы"


@pytest.mark.parametrize("text", ["Алматы. 19 августа. Центр информации.", "Астана стала лидером. KAZINFORM сообщает"])
def test_sentences_are_not_datelines(text):
    assert SITE.dateline.sub("", text, count=1) == text


def test_kazakh_datelines_leave_body_and_summary():
    url = "https://kaz.inform.kz/news/almatiliktarga-zher-slkns-turali-eskertu-keld-7feb9e/"
    assert "АЛМАТЫ. KAZINFORM — " in page("kk-7feb9e.html")
    data = article("kk-7feb9e.html", url, "2025-10-23T12:00:00+05:00")
    assert data.body.startswith("Алматы тұрғындарының") and data.summary.startswith("Алматы тұрғындарының")
    assert "KAZINFORM" not in data.body


def test_header_date_wins_over_naive_utc_json_ld():
    url = "https://www.inform.kz/ru/proizoshel-obval-krishi-detskiy-ombudsmen-prokommentirovala-pozhar-v-algabase-7f087e"
    html = page("ru-7f087e.html")
    assert '"datePublished": "2025-11-18 05:08:00"' in html and "10:08, 18 Ноябрь 2025 | GMT +5" in html
    data = article("ru-7f087e.html", url, "2025-11-18T12:00:00+05:00")
    assert data.published_at.isoformat() == "2025-11-18T10:08:00+05:00"
    assert data.published_at_text == "10:08, 18 Ноябрь 2025 | GMT +5"
    assert "date_sources_disagree" in data.notes


def test_printed_gmt_offset_is_honoured_on_a_2024_page():
    """'16:56, 23 Ақпан 2024 | GMT +5' is 11:56 UTC: 17:56 on Almaty's clock of the day (UTC+6 until March 2024)."""
    url = "https://kaz.inform.kz/news/astanada-zhana-emhana-ashildi-c41e07/"
    data = article("kk-c41e07-2024.html", url, "2026-01-05T13:00:00+05:00")
    assert data.published_at.astimezone(UTC).isoformat() == "2024-02-23T11:56:00+00:00"
    assert data.published_at.isoformat() == "2024-02-23T17:56:00+06:00"


def test_body_without_title_repeat_captions_promo_and_inline_links():
    url = "https://www.inform.kz/ru/proizoshel-obval-krishi-detskiy-ombudsmen-prokommentirovala-pozhar-v-algabase-7f087e"
    data = article("ru-7f087e.html", url, "2025-11-18T12:00:00+05:00")
    paragraphs = data.body.split("\n\n")
    assert data.title not in paragraphs
    assert "Динара Закиева" not in paragraphs  # the caption's name line
    for trap in ("Фото:", "Коллаж:", "Telegram", "Читайте также", "объявлен траур", "Теги", "Новости по теме"):
        assert trap not in data.body, trap
    assert data.authors == ["Айгерим Сапарова"]  # not the person in the photo, not "Kazinform"
    assert data.tags == ["Алгабас", "Пожар", "Омбудсмен"]


def test_english_page_without_gmt_and_with_telegram_promo():
    url = "https://qazinform.com/news/turkistan-region-fire-survivors-condition-reported-58da40"
    assert "More news in our Telegram channel!" in page("en-58da40.html")
    data = article("en-58da40.html", url, "2025-11-18T15:00:00+05:00")
    assert data.published_at.isoformat() == "2025-11-18T11:37:00+05:00"
    assert "Telegram" not in data.body and "Related news" not in data.body
    assert data.body.endswith("a day of mourning was declared in Turkistan region.")


def test_list_titles_are_cut_and_dates_are_nominative():
    now = datetime.fromisoformat("2025-11-18T12:00:00+05:00")
    listing = extract_list(page("ru-lenta.html"), "https://www.inform.kz/ru/lenta", SITE, "ru", now)
    assert len(listing.entries) == 24
    entry = next(e for e in listing.entries if e.url.endswith("-7f087e"))
    assert entry.title == "Произошел обвал крыши: детский омбудсмен прокомментировала пожар в"
    assert entry.date_text == "10:08, 18 Ноябрь 2025"
    assert entry.published_at.isoformat() == "2025-11-18T10:08:00+05:00"


def test_google_news_sitemap():
    sitemap = parse_sitemap((FIXTURES / "ru-google-news.xml").read_bytes(), "ru",
                            datetime.fromisoformat("2025-11-18T12:00:00+05:00"))
    assert sitemap.kind == "urlset" and len(sitemap.entries) == 5
    first = sitemap.entries[0]
    assert first.url.endswith("-7f087e") and first.title.startswith("Произошел обвал крыши")
    assert first.published_at.isoformat() == "2025-11-18T10:08:00+05:00"
    assert SITE.edition("ru").sitemaps == ("/sitemaps/google-news_ru.xml",)


# --- URL forms of the archive and service pages (issue 11); [V] seen in evidence (see the site module), [A] assumed ---


@pytest.mark.parametrize(
    ("url", "edition"),
    [
        ('http://www.inform.kz/rus/article/2874214', 'ru'),  # [V]
        ('http://inform.kz/rus/article/2874196', 'ru'),  # [V]
        ('http://www.kazinform.kz/kaz/article/2874217', 'kk'),  # [V]
        ('http://m.inform.kz/kz/article/2825154', 'kk'),  # [V]
        ('https://www.inform.kz/kz/asyl-mura-abaydyn-ekinshi-kara-sozi_a2471636', 'kk'),  # [V]
        ('https://www.inform.kz/en/new-district-in-astana-to-be-named-nura_a4017622', 'en'),  # [V]
        ('https://www.inform.kz/eng/article/2980664', 'en'),  # [A]
        ('https://www.inform.kz/ru/bolee-11-mln-zelenih-nasazhdeniy-visadyat-v-astane-v-2026-godu-6a64cf5e', 'ru'),  # [V]
        ('https://inform.kz/ru/kakkazahstan-vgod-iizhivet-podvum-raznim-standartam-ikto-neset-zaeto-otvetstvenn-526520ec', 'ru'),  # [V]
        ('https://lenta.inform.kz/ru/zavershena-akciya-protesta-chlenov-profsoyuza-rabotnikov-ao-karazhanbasmunay_a2380062', 'ru'),  # [A] (host [V])
    ],
)
def test_archive_url_forms_are_articles_of_their_edition(url, edition):
    assert SITE.is_article_url(url)
    assert SITE.edition_for_url(url).key == edition


@pytest.mark.parametrize(
    "url",
    [
        'https://www.inform.kz/ru/archive?date=01.01.2020',  # [V]
        'https://lenta.inform.kz/ru/archive/?date=01.01.2020',  # [V]
        'https://www.inform.kz/ru/reklama-na-saite-7f087e',  # [A]
        'https://www.inform.kz/ru/o-nas_a1234567',  # [A]
        'https://kaz.inform.kz/news/biz-turaly-4f2a1c/',  # [A]
        'https://www.inform.kz/ru/tag/astana-v-2026-godu-6a64cf5e',  # [A]
    ],
)
def test_service_pages_are_not_articles(url):
    assert not SITE.is_article_url(url)


def test_old_hosts_canonicalise_to_www_inform_kz_keeping_each_article_apart():
    from kznews.urls import canonicalize_url

    aliases = SITE.host_aliases
    assert canonicalize_url("http://www.kazinform.kz/kaz/article/2874217", aliases) == (
        "https://www.inform.kz/kaz/article/2874217"
    )
    assert canonicalize_url("http://m.inform.kz/kz/article/2825154", aliases) == "https://www.inform.kz/kz/article/2825154"
    assert canonicalize_url("http://www.inform.kz/rus/article/2874214", aliases) != canonicalize_url(
        "http://www.kazinform.kz/kaz/article/2874214", aliases
    )
