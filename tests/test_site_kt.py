"""kt.kz's traps: the following articles run below each article, the header date with the view count glued on,
the yearless ru dateline that opens the lead, the 'Эксклюзив КТ' label on the title line, EN day-only lists."""

import dataclasses
import re
from datetime import datetime

import pytest

from kznews.dates import ALMATY
from kznews.extract import extract_article, extract_list
from kznews.sites.kt import SITE
from tests.fixturecases import all_cases

CASES = {case.page.name: case for case in all_cases() if case.site == "kt"}


def extract(name: str, html: str | None = None, site=SITE):
    case = CASES[name]
    html = case.page.read_text(encoding="utf-8") if html is None else html
    lang = site.edition_for_url(case.url).lang
    if case.kind == "list":
        return extract_list(html, case.url, site, lang, case.fetched_at)
    return extract_article(html, case.url, site, lang, case.fetched_at)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.kt.kz/rus/society/sinoptiki_prognoziruyut_zharu_na_zapade_i_dozhdi_na_vostoke_1377981327.html",
        "https://www.kt.kz/rus/society/v_atyrauskoy_oblasti_uvolili_akima_iz-za_popytki_vyrubki_1377987071.html",
        "https://www.kt.kz/rus/state/pripiski_dvoynoe_finansirovanie_i_uslugi_umershim_fsms_1377986548.html",
        "https://www.kt.kz/eng/politics/tokayev_puts_forward_nazarbayev_s_candidacy_for_head_of_1377922873.html",
        "https://www.kt.kz/rus/society/v_kazahstane_razrabotan_pervij_vetrovoj_atlas_1153500682.html",  # 2011
        "https://kt.kz/rus/society/sinoptiki_prognoziruyut_zharu_na_zapade_i_dozhdi_na_vostoke_1377981327.html",
    ],
)
def test_article_path_accepts_article_urls(url):
    assert SITE.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.kt.kz/rus/all",
        "https://www.kt.kz/rus/all?page=2",
        "https://www.kt.kz/rus/",
        "https://www.kt.kz/eng/",
        "https://www.kt.kz/rus/society/",
        "https://www.kt.kz/rus/archive_tags/%D0%9D%D0%B5%D1%84%D1%82%D1%8C",
        "https://www.kt.kz/rus/video/kak_v_astane_gotovyatsya_ko_dnyu_konstitutsii_1377981299.html",
        "https://www.kt.kz/rus/gallery/osen_v_astane_1377981200.html",
        "https://www.kt.kz/rus/society/sinoptiki_1377981327.html?print=1",
        "https://www.kt.kz/rus/society/page_2.html",
        "https://tengrinews.kz/rus/society/sinoptiki_prognoziruyut_1377981327.html",
    ],
)
def test_article_path_rejects_lists_tags_and_media(url):
    assert not SITE.is_article_url(url)


def test_editions_are_told_apart_by_path_and_there_is_no_kazakh_one():
    assert SITE.edition_keys == ("ru", "en")
    assert SITE.edition_for_url("https://www.kt.kz/eng/incidents/x_1377976731.html").lang == "en"
    assert SITE.edition_for_url("https://kt.kz/rus/society/x_1377981327.html").lang == "ru"
    assert SITE.edition_for_url("https://www.kt.kz/kaz/qogam/x_1377981327.html") is None


def test_the_next_articles_below_are_not_glued_on():
    html = CASES["ru-society-1377981327.html"].page.read_text(encoding="utf-8")
    # the page really runs two more articles below, each with its own date line and dateline
    assert html.count('class="page-next"') == 2
    assert "Рудный. 24 августа" in html and "24.08.2025, 09:23" in html
    data = extract("ru-society-1377981327.html")
    assert data.body.count("KAZAKHSTAN TODAY") == 1
    assert "Рудный" not in data.body and "Жандосова" not in data.body
    assert data.body.endswith("Жителей призывают соблюдать правила пожарной безопасности на природе.")
    assert data.tags == ["Погода", "Казгидромет", "Жара"]  # not the next articles' tags
    assert data.images == ["https://www.kt.kz/uploads/news/2025/08/23/1377981327_big.jpg"]


def test_without_the_stop_the_next_article_would_be_glued_on():
    layout = dataclasses.replace(SITE.article_layouts[0], stop=None)
    unstopped = dataclasses.replace(SITE, article_layouts=(layout,))
    data = extract("ru-society-1377981327.html", site=unstopped)
    assert "Рудный. 24 августа. KAZAKHSTAN TODAY" in data.body


def test_a_bare_date_line_also_stops_the_body():
    """If the next article comes without its wrapper, its date line is where the current one ends."""
    case = CASES["ru-society-1377981390.html"]
    html = case.page.read_text(encoding="utf-8").replace('<div class="page-next"', '<div class="feed-item"')
    data = extract("ru-society-1377981390.html", html)
    assert "Алматы. 22 августа" not in data.body
    assert data.body.endswith("назначена пожарно-техническая экспертиза.")


def test_header_date_with_views_and_stale_offset():
    html = CASES["ru-society-1377981327.html"].page.read_text(encoding="utf-8")
    header = re.search(r'<div class="page-meta">(.*?)</div>', html).group(1)
    assert re.sub(r"<[^>]+>", "", header) == "23.08.2025, 09:53 63001"
    data = extract("ru-society-1377981327.html")
    assert data.published_at == datetime(2025, 8, 23, 9, 53, tzinfo=ALMATY)
    assert data.published_at.utcoffset().total_seconds() == 5 * 3600
    assert "offset_corrected" in data.notes  # the JSON-LD printed +06:00 for a 2025 wall clock


def test_the_yearless_dateline_is_never_the_date():
    """Without the header date and the JSON-LD only the dateline 'Астана. 23 августа.' names a day: no date."""
    html = CASES["ru-society-1377981327.html"].page.read_text(encoding="utf-8")
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.DOTALL)
    html = html.replace("<span>23.08.2025, 09:53</span>", "<span></span>", 1)
    data = extract("ru-society-1377981327.html", html)
    assert data.body.startswith("Астана. 23 августа. KAZAKHSTAN TODAY - Синоптики")
    assert data.published_at is None


def test_dateline_and_reprint_credits_stay_in_the_text():
    interview = extract("ru-interview-1377981307.html")
    assert interview.body.startswith("Алматы. 22 августа. KAZAKHSTAN TODAY - В управлении")
    fire = extract("ru-society-1377981390.html")
    assert "сообщает tengrinews.kz." in fire.body
    assets = extract("en-government-1377976708.html")
    assert assets.body.endswith("Source: Kazinform")


def test_exclusive_label_is_not_part_of_the_title():
    html = CASES["ru-interview-1377981307.html"].page.read_text(encoding="utf-8")
    assert '<span class="page-exclusive">Эксклюзив КТ</span></h1>' in html
    assert '"headline": "В акимате Алматы назвали благоустройством вызвавшие споры работы в сквере Эксклюзив КТ"' in html
    data = extract("ru-interview-1377981307.html")
    assert data.title == "В акимате Алматы назвали благоустройством вызвавшие споры работы в сквере"
    # the visible h1 alone (no structured titles) loses the label too
    bare = re.sub(r'<script type="application/ld\+json">.*?</script>|<meta property="og:title"[^>]*>', "", html,
                  flags=re.DOTALL)
    assert extract("ru-interview-1377981307.html", bare).title == data.title


@pytest.mark.parametrize(
    ("name", "absent"),
    [
        ("ru-society-1377981327.html", ["Рассказать друзьям", "новости по теме", "Фото: Depositphotos", "63001"]),
        ("ru-society-1377981390.html", ["Фото: скриншот из видео в соцсетях", "Рассказать друзьям"]),
        ("en-incidents-1377976731.html", ["Tell a friend", "Images | instagram/nurtasadambay", "reproduced"]),
        ("en-government-1377976708.html", ["This information may not be reproduced", "Copyright", "Related news"]),
    ],
)
def test_boilerplate_is_stripped(name, absent):
    html = CASES[name].page.read_text(encoding="utf-8")
    body = extract(name).body
    for phrase in absent:
        assert phrase in html
        assert phrase not in body


def test_lists_read_dates_with_glued_views_and_day_only_en_dates():
    ru = extract("ru-all.html")
    first = ru.entries[0]
    assert first.published_at == datetime(2025, 8, 24, 10, 41, tzinfo=ALMATY)
    assert first.date_text == "24.08.2025, 10:41 312"
    assert all("/video/" not in e.url for e in ru.entries)
    assert ru.next == ["https://www.kt.kz/rus/all?page=2"]
    en = extract("en-all.html")
    assert {e.published_at for e in en.entries} == {None}
    assert en.entries[0].published_day.isoformat() == "2025-04-16"


def test_a_2024_offset_that_was_right_is_kept():
    """Before 2024-03-01 Almaty was on UTC+6: the same JSON-LD habit is correct then and nothing is corrected."""
    data = extract("en-incidents-1377960279.html")
    assert data.published_at.isoformat() == "2024-01-23T00:14:00+06:00"
    assert "offset_corrected" not in data.notes
    assert "Frosts of up to minus 35" not in data.body  # the article run below it


# --- URL forms of the archive and service pages (issue 11); [V] seen in evidence (see the site module), [A] assumed ---


@pytest.mark.parametrize(
    ("url", "edition"),
    [
        ('https://www.kt.kz/rus/society/v_kazahstane_razrabotan_pervij_vetrovoj_atlas_1153500682.html', 'ru'),  # [V]
        ('https://www.kt.kz/rus/society/bolee_700_rabotnikov_kbm_ats_i_tms_prekratili_rabotu_i_prinjali_uchastie_v_nesankcionirovannoj_zabastovke_1153538413.html', 'ru'),  # [V]
        ('https://www.kt.kz/eng/government/government_allocates_over_16_billion_tenge_for_astana_1377994792.html', 'en'),  # [V]
        ('https://www.kt.kz/rus/society/reklama_alkogolya_zapreschena_v_efire_1153500684.html', 'ru'),  # [A] a service word inside a headline
    ],
)
def test_archive_url_forms_are_articles_of_their_edition(url, edition):
    assert SITE.is_article_url(url)
    assert SITE.edition_for_url(url).key == edition


@pytest.mark.parametrize(
    "url",
    [
        'https://www.kt.kz/rus/about/kontakty_1153500001.html',  # [A] the 2018 home page's service pages
        'https://www.kt.kz/rus/info/usloviya_razmescheniya_reklamy_1153500002.html',  # [A]
        'https://www.kt.kz/rus/society/ob_agentstve_1153500003.html',  # [A]
        'https://www.kt.kz/rus/agency/press_centr_1153500004.html',  # [A]
        'https://www.kt.kz/rus/info/avtorskie_prava_1153500005.html',  # [A]
        'https://www.kt.kz/rus/info/copyright_1153500006.html',  # [A]
        'https://www.kt.kz/rus/archive_tags/%D0%9D%D0%B5%D1%84%D1%82%D1%8C',  # [V]
    ],
)
def test_service_pages_are_not_articles(url):
    assert not SITE.is_article_url(url)
