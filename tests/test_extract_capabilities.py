"""Small generic extraction capabilities: list items dated by a day heading above them (ListLayout.day_heading:
informburo.kz, kazpravda.kz), bylines that name roles (article.byline_names: "Текст: ..., Фото: ..." on vlast.kz,
"Original Author: ..." on en.orda.kz), and JSON-LD image references that are graph nodes, not images (Yoast)."""

import re
from datetime import UTC, datetime

import pytest

from kznews.extract import extract_article, extract_list
from kznews.extract.article import byline_names
from kznews.extract.structured import ld_urls
from kznews.sites.base import ArticleLayout, Edition, ListLayout, Site

SITE = Site(
    name="example",
    title="Example.kz",
    editions=(Edition("ru", "https://example.kz"),),
    article_path=re.compile(r"^/news/[a-z0-9-]+$"),
    list_layouts=(
        ListLayout(
            name="feed",
            item="ul.feed > li",
            link="a[href]",
            date="time.item-time",
            day_heading="h2.day",
        ),
    ),
    article_layouts=(ArticleLayout(name="page", detect="div.text", body="div.text", authors=".byline"),),
)

FEED = """<html><body>
<ul class="feed">
  <li><h2 class="day">Сегодня</h2></li>
  <li><a href="/news/one">One</a> <time class="item-time">13:51</time></li>
  <li><a href="/news/two">Two</a> <time class="item-time">00:05</time></li>
  <li><h2 class="day">31 декабря</h2></li>
  <li><a href="/news/three">Three</a> <time class="item-time">23:40</time></li>
  <li><div><h2 class="day">30 декабря</h2></div><a href="/news/four">Four</a> <time class="item-time">9:05</time></li>
</ul>
<ul class="feed"><li><a href="/news/five">Five</a> <time class="item-time">8:00</time></li></ul>
</body></html>"""

# 2026-01-01 14:00 in Almaty
FETCHED = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


def entries(html: str, site: Site = SITE) -> dict[str, datetime | None]:
    page = extract_list(html, "https://example.kz/news", site, "ru", FETCHED)
    return {e.url.rsplit("/", 1)[1]: e.published_at for e in page.entries}


def almaty(*parts: int) -> datetime:
    from kznews.dates import ALMATY

    return datetime(*parts, tzinfo=ALMATY)


def test_items_take_the_day_of_the_heading_above_them_and_the_year_is_inferred():
    dates = entries(FEED)
    assert dates["one"] == almaty(2026, 1, 1, 13, 51)
    assert dates["two"] == almaty(2026, 1, 1, 0, 5)
    # "31 декабря" read on 1 January is last year's
    assert dates["three"] == almaty(2025, 12, 31, 23, 40)
    # a heading inside the item, before its time, dates it too
    assert dates["four"] == almaty(2025, 12, 30, 9, 5)
    # the heading carries over into a following block
    assert dates["five"] == almaty(2025, 12, 30, 8, 0)


def test_without_the_day_heading_selector_a_bare_time_is_no_date():
    plain = Site(
        name="example",
        title="Example.kz",
        editions=SITE.editions,
        article_path=SITE.article_path,
        list_layouts=(ListLayout(name="feed", item="ul.feed > li", date="time.item-time"),),
    )
    assert set(entries(FEED, plain).values()) == {None}


def test_items_before_any_heading_keep_their_own_date_text():
    html = '<ul class="feed"><li><a href="/news/one">One</a> <time class="item-time">13:51</time></li></ul>'
    assert entries(html) == {"one": None}


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Данияр Молдабеков", ["Данияр Молдабеков"]),
        ("Зарина Нокрабекова, Лаура Тусупбекова", ["Зарина Нокрабекова, Лаура Тусупбекова"]),  # no roles: as is
        ("Текст: Данияр Молдабеков, Фото: Данияр Мусиров", ["Данияр Молдабеков"]),
        ("Текст: Айгерим Абилмажитова и Дана Есимова, Фото: Турар Казангапов", ["Айгерим Абилмажитова", "Дана Есимова"]),
        ("Фото: Данияр Мусиров, Текст: Данияр Молдабеков", ["Данияр Молдабеков"]),
        ("Мәтін: Әсел Сәтбаева. Сурет: Ержан Нұрланұлы", ["Әсел Сәтбаева"]),
        ("Original Author: Ilya Astakhov", ["Ilya Astakhov"]),
        ("Автор фото: Игорь Бургандинов", []),
        ("Фото: Orda.kz", []),
    ],
)
def test_byline_roles(byline, names):
    assert byline_names(byline) == names


def test_photographer_in_the_byline_is_not_an_author():
    html = (
        '<html><body><h1>Title</h1><div class="byline">Текст: Данияр Молдабеков, Фото: Данияр Мусиров</div>'
        '<div class="text"><p>' + "Текст статьи. " * 30 + "</p></div></body></html>"
    )
    data = extract_article(html, "https://example.kz/news/one", SITE, "ru", FETCHED)
    assert data.authors == ["Данияр Молдабеков"]


def test_jsonld_image_node_references_are_not_image_urls():
    page = "https://orda.kz/post-386335/"
    assert ld_urls({"@id": page + "#primaryimage"}, page) == []
    assert ld_urls({"@type": "ImageObject", "@id": page + "#primaryimage", "url": "https://orda.kz/a.jpg"}, page) == [
        "https://orda.kz/a.jpg"
    ]
    assert ld_urls({"@type": "ImageObject", "@id": "https://orda.kz/b.jpg"}, page) == ["https://orda.kz/b.jpg"]
