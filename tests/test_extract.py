"""The extraction layers, and the traps of the real tengrinews pages."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from kznews.dates import ALMATY
from kznews.extract import extract_article, extract_list, parse_feed, parse_sitemap
from kznews.extract.feeds import repair_loc
from kznews.extract.html import parse_html
from kznews.extract.structured import ld_article_body, read_structured
from kznews.extract.text import clean_paragraphs, paragraphs_of
from kznews.extract.timestamps import Candidate, choose_instant, parse_structured
from kznews.sites import get_site

REAL = Path(__file__).parent / "fixtures" / "real" / "tengrinews"
TENGRI = get_site("tengrinews")
FETCHED = datetime(2024, 4, 8, 7, 0, tzinfo=UTC)


def article(name: str, url: str):
    return extract_article((REAL / name).read_text(encoding="utf-8"), url, TENGRI, "ru", FETCHED)


# --- the real pages' traps ------------------------------------------------------------------------------------


def test_2023_article_keeps_wall_clock_when_meta_offset_is_wrong():
    # visible '27 сентября 2023 06:41', meta +05:00 (wrong: Almaty was UTC+6), JSON-LD +06:00
    data = article("article-2023-09-27-2185.html", "https://tengrinews.kz/article/ludomaniya-chemu-mogut-privesti-azartnyie-igryi-kak-2185/")
    assert data.published_at == datetime(2023, 9, 27, 0, 41, tzinfo=UTC)
    assert data.published_at.utcoffset().total_seconds() == 6 * 3600


def test_2024_article_keeps_wall_clock_when_jsonld_offset_is_wrong():
    # visible '18 марта 2024 06:16', meta +05:00, JSON-LD +06:00 (wrong: UTC+5 since 2024-03-01)
    data = article("article-2024-03-18-2362.html", "https://tengrinews.kz/article/skolko-stoit-postroit-shkolu-v-astane-2362/")
    assert data.published_at == datetime(2024, 3, 18, 1, 16, 1, tzinfo=UTC)
    assert "offset_corrected" in data.notes


def test_sidebar_times_of_the_fetch_day_are_not_the_article_date():
    # the page carries dozens of <time>Сегодня 20:15</time> from the day it was fetched
    data = article("article-2024-03-18-2362.html", "https://tengrinews.kz/article/skolko-stoit-postroit-shkolu-v-astane-2362/")
    assert data.published_at.date().isoformat() == "2024-03-18"


def test_real_article_body_is_clean():
    data = article("article-2023-09-27-2185.html", "https://tengrinews.kz/article/ludomaniya-chemu-mogut-privesti-azartnyie-igryi-kak-2185/")
    body = data.body
    assert body.startswith("На днях казахстанцев потрясла история лудомана")
    assert body.rstrip().endswith("и ему обязательно помогут.")
    for junk in ("Азартные игры", "Психология", "adfox", "Ya.adfoxCode", "Подготовила Айнаш Ондирис", "window."):
        assert junk not in body, junk
    assert data.tags == ["Азартные игры", "Психология", "игорный бизнес"]
    assert data.authors == ["Айнаш Ондирис"]
    assert data.summary is None  # the description is an SEO template, not a summary


def test_news_list_with_only_a_day_gives_no_invented_time():
    page = extract_list(
        (REAL / "news-2024-10-15.html").read_text(encoding="utf-8"),
        "https://tengrinews.kz/news/",
        TENGRI,
        "ru",
        datetime(2024, 10, 15, 15, 0, tzinfo=UTC),
    )
    assert len(page.entries) == 20
    assert all(e.published_at is None and e.published_day.isoformat() == "2024-10-15" for e in page.entries)
    # the sidebar's "Сегодня | 19:40" headlines are not entries of the list
    assert all("content_sidebar" not in (e.title or "") for e in page.entries)


def test_relative_list_dates_resolve_in_almaty_not_utc():
    # fetched at 2023-01-10 21:30 UTC = 2023-01-11 03:30 in Almaty: "Сегодня" is the 11th there
    page = extract_list(
        (REAL / "tag-almaty-2023-01-10.html").read_text(encoding="utf-8"),
        "https://tengrinews.kz/tag/алматы/",
        TENGRI,
        "ru",
        datetime(2023, 1, 10, 21, 30, tzinfo=UTC),
    )
    first = page.entries[0]
    assert first.date_text == "Сегодня, 17:49"
    assert first.published_at == datetime(2023, 1, 11, 17, 49, tzinfo=ALMATY)


def test_unknown_list_layout_degrades_to_article_links():
    html = """<html><body><div class="brand-new-markup">
      <a href="/kazakhstan_news/novaya-vyorstka-600001/">Новая вёрстка</a>
      <a href="/page/about/">О проекте</a><a href="https://tengrisport.kz/x-5/">sport</a></div></body></html>"""
    page = extract_list(html, "https://tengrinews.kz/news/", TENGRI, "ru", FETCHED)
    assert page.layouts == []
    assert [e.url for e in page.entries] == ["https://tengrinews.kz/kazakhstan_news/novaya-vyorstka-600001/"]


def test_unknown_article_layout_degrades_to_structured_data_and_heuristics():
    paragraph = "Это достаточно длинный абзац текста новости, чтобы эвристика признала его телом статьи. " * 3
    html = f"""<html><head><title>Заголовок - Tengrinews.kz</title>
      <meta property="article:published_time" content="2025-05-05T10:00:00+05:00"></head>
      <body><div class="redesign"><h1>Заголовок</h1><div class="story"><p>{paragraph}</p><p>{paragraph}</p></div></div></body></html>"""
    data = extract_article(html, "https://tengrinews.kz/kazakhstan_news/zagolovok-600002/", TENGRI, "ru", FETCHED.replace(year=2025, month=6))
    assert data.layout is None
    assert data.title == "Заголовок"
    assert data.sources["body"] == "heuristic" and data.body.startswith("Это достаточно длинный")
    assert data.published_at == datetime(2025, 5, 5, 10, 0, tzinfo=ALMATY)


# --- layers ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "corrected"),
    [
        ("2023-09-27T06:41:00+05:00", datetime(2023, 9, 27, 6, 41, tzinfo=ALMATY), True),
        ("2023-09-27T06:41:00+06:00", datetime(2023, 9, 27, 6, 41, tzinfo=ALMATY), False),
        ("2024-03-18T06:16:01+06:00", datetime(2024, 3, 18, 6, 16, 1, tzinfo=ALMATY), True),
        ("2025-08-15T11:15:00.000Z", datetime(2025, 8, 15, 16, 15, tzinfo=ALMATY), False),  # a true instant
        ("2025-08-15T09:15:00+03:00", datetime(2025, 8, 15, 11, 15, tzinfo=ALMATY), False),  # foreign offset kept
    ],
)
def test_structured_timestamps(text, expected, corrected):
    value, has_time, was_corrected = parse_structured(text)
    assert value == expected and has_time and was_corrected is corrected


def test_structured_garbage_is_none():
    for text in ("", "вчера", "2024-13-45T00:00:00", "NaN", "1" * 60, "0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z"):
        assert parse_structured(text) is None


def test_choose_instant_prefers_structured_seconds_when_it_matches_the_visible_minute():
    visible = Candidate("layout", datetime(2024, 3, 18, 6, 16, tzinfo=ALMATY), True)
    ld = Candidate("jsonld", datetime(2024, 3, 18, 6, 16, 1, tzinfo=ALMATY), True)
    assert choose_instant([ld], visible) is ld
    other = Candidate("jsonld", datetime(2024, 3, 18, 9, 0, tzinfo=ALMATY), True)
    assert choose_instant([other], visible) is visible


def test_choose_instant_day_only_visible_takes_the_structured_time_of_that_day():
    visible = Candidate("layout", datetime(2024, 3, 18, tzinfo=ALMATY), False)
    ld = Candidate("meta", datetime(2024, 3, 18, 6, 16, tzinfo=ALMATY), True)
    assert choose_instant([ld], visible) is ld
    assert choose_instant([], visible) is visible


def test_paragraphs_skip_scripts_ads_and_split_on_breaks():
    tree = parse_html(
        """<div id="b"><p>Первый абзац.<br><br>Второй <strong>абзац</strong> с <a href="#">ссылкой</a>.</p>
        <script>var x = 1;</script><div id="adfox_1">реклама</div><figure><img src="a.jpg"><figcaption>Подпись</figcaption></figure>
        <p>Третий.</p><div class="tags"><a>тег</a></div><tn-comments>widget</tn-comments></div>"""
    )
    container = tree.get_element_by_id("b")
    assert paragraphs_of(container) == ["Первый абзац.", "Второй абзац с ссылкой.", "Третий."]


def test_boilerplate_paragraphs_and_promo_tails_are_removed():
    paragraphs = [
        "Текст новости.",
        "Текст новости.",
        "ПОДЕЛИТЬСЯ",
        "Фото: Depositphotos",
        "46Фото: ©BAQ.KZ коллажы",
        "Последний абзац. Наши новости теперь в WhatsApp! Подписывайтесь",
        "Читайте также: Мошенники начали звонить",
        "Подпишитесь на наш Telegram-канал и узнавайте новости первыми!",
        "Фото с места событий опубликовали очевидцы, которые находились рядом с домом в момент пожара и снимали на телефоны.",
        "© Sputnik / Жанара Каримова",
        "https://t.me/kursivkz/48213",
        "Подробности на сайте https://t.me/kursivkz/48213",
    ]
    assert clean_paragraphs(paragraphs) == [
        "Текст новости.",
        "Последний абзац.",
        "Фото с места событий опубликовали очевидцы, которые находились рядом с домом в момент пожара и снимали на телефоны.",
        "Подробности на сайте https://t.me/kursivkz/48213",
    ]


def test_repeats_of_short_paragraphs_can_be_kept():
    # a meal plan or a table repeats its short lines; a lead printed twice is long
    lead = "Длинный лид новости, который сайт печатает дважды: над фотографией и в начале текста статьи."
    paragraphs = [lead, lead, "Завтрак", "Овсянка", "Обед", "Завтрак", "Овсянка"]
    assert clean_paragraphs(paragraphs, repeat_min_chars=80) == [lead, "Завтрак", "Овсянка", "Обед", "Завтрак", "Овсянка"]
    assert clean_paragraphs(paragraphs) == [lead, "Завтрак", "Овсянка", "Обед"]


def test_jsonld_graph_entities_and_trailing_commas():
    html = """<html><head><script type="application/ld+json">{"@graph": [
        {"@type": "WebPage", "name": "page"},
        {"@type": ["NewsArticle"], "headline": "Заголовок &quot;в кавычках&quot;",
         "articleBody": "Первый &amp; абзац.\\nВторой абзац.", "author": {"@type": "Person", "name": "Айгуль Орынбек"},},
        {"@type": "BreadcrumbList", "itemListElement": [{"position": 1, "name": "Главная"}, {"position": 2, "name": "Общество"}]}
    ]}</script></head><body></body></html>"""
    found = read_structured(parse_html(html), "https://example.kz/")
    assert found.article["headline"] == "Заголовок &quot;в кавычках&quot;"
    assert ld_article_body(found.article) == "Первый & абзац.\n\nВторой абзац."
    assert found.breadcrumbs == ["Главная", "Общество"]


def test_sitemap_loc_repair_and_feed_dates():
    assert repair_loc("https://tengrinews.kzhttps://tengrisport.kz/football/x-1/") == "https://tengrisport.kz/football/x-1/"
    assert repair_loc(" https://tengrinews.kz/a-1/ ") == "https://tengrinews.kz/a-1/"
    feed = b"""<rss version="2.0"><channel><item><title>T</title><link>https://tengrinews.kz/a/b-1/</link>
        <pubDate>Tue, 15 Oct 2024 11:34:00 +0500</pubDate></item></channel></rss>"""
    (entry,) = parse_feed(feed, "ru", datetime(2024, 10, 16, tzinfo=UTC))
    assert entry.published_at == datetime(2024, 10, 15, 6, 34, tzinfo=UTC)
    (entry,) = parse_feed(feed, "ru", FETCHED)  # fetched months before that date: a date from the future is none
    assert entry.published_at is None
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title>
        <link rel="alternate" href="https://tengrinews.kz/a/c-2/"/><published>2024-10-15T11:34:00Z</published></entry></feed>"""
    assert parse_feed(atom, "ru", FETCHED)[0].url == "https://tengrinews.kz/a/c-2/"


def test_xml_entities_are_not_expanded():
    bomb = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://tengrinews.kz/x-1/&b;</loc></url></urlset>"""
    sitemap = parse_sitemap(bomb, "ru", FETCHED)
    assert sitemap is None or all("aaaaaaaaaa" not in e.url for e in sitemap.entries)


def test_unknown_layout_takes_the_article_time_and_microdata_author_but_not_the_sidebar():
    paragraph = "Абзац новости, достаточно длинный, чтобы эвристика признала текст телом статьи. " * 3
    html = f"""<html><head><title>Новость</title></head><body>
      <aside><time datetime="2026-11-26T10:00:00+05:00">Сегодня 10:00</time></aside>
      <article><h1>Новость</h1><time datetime="2025-05-05T09:30:00+05:00">5 мая</time>
        <span itemprop="author">Айгуль Серикова</span><div class="text"><p>{paragraph}</p><p>{paragraph}</p></div>
      </article></body></html>"""
    data = extract_article(html, "https://tengrinews.kz/kazakhstan_news/novost-600003/", TENGRI, "ru", FETCHED.replace(year=2026))
    assert data.layout is None
    assert data.published_at == datetime(2025, 5, 5, 9, 30, tzinfo=ALMATY)
    assert data.authors == ["Айгуль Серикова"]
