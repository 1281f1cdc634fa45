"""The hostile-input corpus: pages, feeds, sitemaps, JSON lists and WARC files that try to break the parsers.

Every case is constructed (provenance: this module; nothing here is a real page) and made on demand, so the
repository holds scripts, not megabytes. A case is a body of bytes; `tests/test_hostile.py` runs every body
through every parser (article, list, feed, sitemap, JSON list) and through WARC replay, and
`tests/benchmarks/bench_hostile.py` measures time and peak memory per case and parser.

    python -m tests.data.hostile.cases                 # list the cases with their sizes
    python -m tests.data.hostile.cases --write DIR     # write every case to DIR (and hostile.warc.gz)

External references point at a `Target`: a local file whose content must never appear in a result and a local
HTTP URL that must never be requested (the tests run a server there). Sizes are module constants: a hundred
thousand levels of nesting, 50 MB on one line, 20 MB of JSON-LD, URLs of 100,000 characters, a WARC record whose
gzip member unpacks to 4 GiB.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kznews.sites.base import ArticleLayout, Edition, ListLayout, ListSource, Site
from tests.data.hostile import gzipbomb

DEEP = 100_000  # levels of nesting
ONE_LINE = 50 * 1024 * 1024  # bytes of the one-line page
JSONLD_BYTES = 4 * 1024 * 1024  # with its graph, a block under the 10 MB a page may have: the page is read
LONG_URL = 100_000  # characters
WARC_BOMB = 4 * 1024**3  # what a bomb record unpacks to
SITEMAP_BOMB = 2 * 1024**3
MANY = 800_000  # entries of an oversized sitemap (about 50 MB, the protocol's size limit)

HOST = "hostile.example.kz"
ORIGIN = f"https://{HOST}"
LIST_URL = f"{ORIGIN}/news/"
FEED_URL = f"{ORIGIN}/rss.xml"
SITEMAP_URL = f"{ORIGIN}/sitemap.xml"
JSON_LIST_URL = "https://www.zakon.kz/news/?handler=LoadMoreNews&p=2&type=list"
FETCHED_AT = datetime(2026, 1, 10, 7, 0, tzinfo=UTC)  # the fetch time every case is parsed at

TITLE = "Враждебная страница: в Алматы обсудили городской транспорт"
PARAGRAPHS = (
    "Первый абзац: в Алматы прошло совещание о развитии городского транспорта, новых маршрутах и тарифах.",
    "Второй абзац: участники обсудили «зелёные» автобусы и сроки запуска; решение примут до конца месяца.",
    "Третий абзац рассказывает о реакции жителей, которые ждут перемен на остановках уже несколько лет.",
)
PUBLISHED = "2026-01-09T10:30:00+05:00"  # the right date of every hostile article page

# Byte sequences that are not UTF-8 (a lone continuation byte, a cut sequence, an overlong "/", an encoded
# surrogate, a 5-byte form, 0xFF) and NUL.
BAD_BYTES = b"\x00\xff\x80\xc3\x28\xe2\x82\xc0\xaf\xed\xa0\x80\xf8\x88\x80\x80\x80\x00"

# Absurd dates: (name, ISO-like text for structured fields, visible text, RFC 2822 for feeds).
ABSURD_DATES = (
    ("year1", "0001-01-01T00:00:00+05:00", "1 января 0001, 10:00", "Mon, 01 Jan 0001 00:00:00 +0500"),
    ("year9999", "9999-12-31T23:59:59-12:00", "31 декабря 9999, 23:59", "Fri, 31 Dec 9999 23:59:59 -1200"),
    ("millis", "253402300799999", "1767225600000", "1767225600000"),
    ("negative", "-0001-01-01T00:00:00Z", "-62135596800", "Mon, 01 Jan -001 00:00:00 +0000"),
    ("december32", "2025-12-32T10:00:00+05:00", "32 декабря 2025, 10:00", "Wed, 32 Dec 2025 10:00:00 +0500"),
    ("zero", "0000-00-00T00:00:00", "00.00.0000 00:00", "Sat, 00 Jan 0000 00:00:00 +0000"),
    ("epoch", "1970-01-01T00:00:00Z", "1 января 1970, 06:00", "Thu, 01 Jan 1970 00:00:00 +0000"),
    ("future", "2099-01-01T10:00:00+05:00", "1 января 2099, 10:00", "Thu, 01 Jan 2099 10:00:00 +0500"),
)


@dataclass(frozen=True)
class Target:
    """Where hostile external references point."""

    secret_path: str = "/etc/hostname"  # a local file: its content must never appear in a result
    canary_url: str = "http://127.0.0.1:9/canary"  # a local URL: it must never be requested

    @property
    def secret_uri(self) -> str:
        return Path(self.secret_path).resolve().as_uri()


@dataclass(frozen=True)
class Case:
    name: str
    kind: str  # what the body pretends to be: html, xml, gz, json
    description: str
    build: Callable[[Target], bytes]

    def body(self, target: Target | None = None) -> bytes:
        return self.build(target or Target())


CASES: dict[str, Case] = {}


def case(name: str, kind: str, description: str):
    def register(build: Callable[[Target], bytes]):
        CASES[name] = Case(name, kind, description, build)
        return build

    return register


def article_url(n: int = 1) -> str:
    return f"{ORIGIN}/news/{n}-hostile-story/"


# The site the cases are written for: its layouts match the markup below, so the site-specific paths of the
# extractors run (the tests also run every case with real site definitions, whose layouts do not match).
SITE = Site(
    name="hostile",
    title="Hostile News",
    editions=(Edition("ru", ORIGIN, lists=(ListSource("/news/"),), feeds=("/rss.xml",), sitemaps=("/sitemap.xml",)),),
    article_path=re.compile(r"^/news/\d+-[a-z-]+/$"),
    list_layouts=(
        ListLayout(name="cards", item="div.card", link="a.card__link", date="time", date_attr="datetime",
                   next="a.next"),
    ),
    article_layouts=(
        ArticleLayout(name="plain", detect="div.article-body", title="h1", body="div.article-body",
                      date="time.published", date_attr="datetime", authors=".author", tags=".tags a",
                      section=".rubric", summary=".lead", images="div.article-body img"),
    ),
)


# --- HTML ----------------------------------------------------------------------------------------------------


def paragraphs_html() -> str:
    return "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def date_html(iso: str = PUBLISHED, text: str = "9 января 2026, 10:30") -> str:
    return f'<time class="published" datetime="{iso}">{text}</time>'


def article_markup(title: str = TITLE, date: str | None = None, body: str | None = None) -> str:
    """The article itself, as the site's layout expects it."""
    return (
        f'<h1>{title}</h1>{date_html() if date is None else date}<span class="author">Айгуль Серикова</span>'
        f'<div class="article-body">{paragraphs_html() if body is None else body}</div>'
        '<div class="tags"><a href="/tag/almaty/">Алматы</a></div>'
    )


def list_markup(n: int = 3) -> str:
    return "".join(
        f'<div class="card"><a class="card__link" href="/news/{i}-hostile-story/">Новость {i}</a>'
        f'<time datetime="{PUBLISHED}"></time></div>'
        for i in range(1, n + 1)
    )


def page(body: str, head: str = "", title: str = TITLE, doctype: str = "<!DOCTYPE html>") -> str:
    return (
        f'{doctype}<html lang="ru"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
        f"<body>{body}</body></html>"
    )


def jsonld(obj) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj, ensure_ascii=False)}</script>'


@case("html-deep-div", "html", "the article inside 100,000 nested <div> (closed)")
def _deep_div(target: Target) -> bytes:
    return page("<div>" * DEEP + article_markup() + "</div>" * DEEP + list_markup()).encode()


@case("html-deep-unclosed", "html", "100,000 unclosed <font>/<b>/<span>/<i> before the article (old archives)")
def _deep_unclosed(target: Target) -> bytes:
    return page("<font><b><span><i>" * (DEEP // 4) + article_markup() + list_markup()).encode()


@case("html-deep-table", "html", "the article inside 100,000 nested tables")
def _deep_table(target: Target) -> bytes:
    return page("<table><tr><td>" * DEEP + article_markup() + "</td></tr></table>" * DEEP).encode()


@case("html-deep-after", "html", "a normal article, then 100,000 nested <div> and a list")
def _deep_after(target: Target) -> bytes:
    return page(article_markup() + "<div>" * DEEP + list_markup() + "</div>" * DEEP).encode()


@case("html-one-line", "html", "50 MB on one line: 20 MB of text, a 10 MB data: URI, a 10 MB script, 10 MB of tags")
def _one_line(target: Target) -> bytes:
    mib = 1024 * 1024
    words = "слово " * (20 * mib // 12)  # 2 bytes per Cyrillic letter
    data_uri = "data:image/png;base64," + "A" * (10 * mib)
    script = "var x=" + "1+" * (5 * mib) + "1;"
    spans = "<span>x</span><b>y</b>" * (10 * mib // 22)
    body = (
        article_markup() + list_markup() + f"<div>{words}</div>" + f'<img src="{data_uri}">'
        + f"<script>{script}</script>" + f"<div>{spans}</div>"
    )
    text = page(body, head=jsonld({"@type": "NewsArticle", "headline": TITLE, "datePublished": PUBLISHED}))
    return text.encode()


@case("html-many-attributes", "html", "one tag with 100,000 attributes (1 MB)")
def _many_attributes(target: Target) -> bytes:
    attributes = " ".join(f'a{i}="x"' for i in range(100_000))
    return page(f"<div {attributes}>" + article_markup() + "</div>").encode()


@case("html-jsonld-huge", "html", "a 7 MB JSON-LD block (a 4 MB articleBody and a graph of 60,000 nodes)")
def _jsonld_huge(target: Target) -> bytes:
    graph = [{"@type": "Thing", "@id": f"#n{i}", "name": "x"} for i in range(60_000)]
    body_text = ("Абзац статьи из JSON-LD. " * (JSONLD_BYTES // 40))
    block = jsonld({"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "headline": TITLE, "datePublished": PUBLISHED, "articleBody": body_text,
         "author": [{"@id": f"#n{i}"} for i in range(1000)]}, *graph]})
    return page(article_markup(), head=block).encode()


@case("html-jsonld-many", "html", "2,000 JSON-LD blocks of 5 KB (10 MB) and one of 100,000 empty objects")
def _jsonld_many(target: Target) -> bytes:
    small = jsonld({"@type": "NewsArticle", "headline": TITLE, "description": "x" * 5000})
    empties = '<script type="application/ld+json">[' + ",".join(["{}"] * 100_000) + "]</script>"
    return page(article_markup(), head=small * 2000 + empties).encode()


@case("html-jsonld-deep", "html", "JSON-LD nested 100,000 levels (arrays and objects)")
def _jsonld_deep(target: Target) -> bytes:
    arrays = '<script type="application/ld+json">' + "[" * DEEP + "]" * DEEP + "</script>"
    objects = '<script type="application/ld+json">' + '{"@graph":' * DEEP + "{}" + "}" * DEEP + "</script>"
    return page(article_markup(), head=arrays + objects).encode()


@case("html-jsonld-deep-readable", "html", "JSON-LD nested 900 levels: readable by json, deep for Python code")
def _jsonld_deep_readable(target: Target) -> bytes:
    inner = {"@type": "NewsArticle", "headline": TITLE, "datePublished": PUBLISHED,
             "author": {"@id": "#a"}, "image": [[[["https://x.kz/a.jpg"]]]]}
    graph = '{"@graph":[' * 900 + json.dumps(inner) + "]}" * 900
    authors = '{"@type":"NewsArticle","author":' + "[" * 900 + '{"@id":"#a"}' + "]" * 900 + "}"
    return page(article_markup(), head=f'<script type="application/ld+json">{graph}</script>'
                f'<script type="application/ld+json">{authors}</script>').encode()


def _bad(text: str, bad: bytes = BAD_BYTES) -> bytes:
    """`text` as UTF-8 with every "§" replaced by bytes that are not UTF-8 (and NUL)."""
    return text.encode().replace("§".encode(), bad)


FOOTER = (
    "<footer>" + "© 2026 Hostile News. Все права защищены. При использовании материалов ссылка обязательна. Редакция "
    "не несёт ответственности за содержание рекламных материалов. Свидетельство о постановке на учёт СМИ. " * 12
    + "</footer>"
)


@case("html-bad-bytes", "html", "NUL and a byte that is not UTF-8 in every field (title, body, dates, URLs, "
      "JSON-LD, meta) of a page that is otherwise UTF-8")
def _bad_bytes(target: Target) -> bytes:
    return _bad(_bad_bytes_page(), b"\x00\xff")


@case("html-bad-bytes-heavy", "html", "18 bytes of NUL and invalid UTF-8 (cut, overlong, surrogate, 5-byte forms) in "
      "every field: the page no longer reads as UTF-8")
def _bad_bytes_heavy(target: Target) -> bytes:
    return _bad(_bad_bytes_page())


def _bad_bytes_page() -> str:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Заго§ловок \\u0000 \\ud800 '
          'конец", "datePublished": "2026-01-09T10:30:00+05:00§", "author": {"name": "Ай§гуль"}, '
          '"articleBody": "Текст§ \\u0000 статьи \\udfff", "image": "https://hostile.example.kz/§.jpg", '
          '"keywords": "а§, б\\u0000"}</script>')
    head = (
        ld + '<meta property="og:title" content="Ти§тул">'
        '<meta property="article:published_time" content="2026-01-09T10:30:00+05:00§">'
        '<meta name="description" content="Опи§сание \x01\x02">'
        '<link rel="canonical" href="https://hostile.example.kz/news/1-hostile-story/§">'
        '<meta property="og:url" content="https://hostile.example.kz/§/">'
        '<meta property="og:image" content="https://hostile.example.kz/i§.jpg">'
    )
    body = (
        "<h1>" + TITLE.replace(" ", " § ", 1) + "</h1>"
        + '<time class="published" datetime="2026-01-09T10:30:00+05:00§">9 января§ 2026, 10:30</time>'
        + '<span class="author">Ай§гуль</span><div class="rubric">Об§щество</div>'
        + '<div class="article-body">' + "".join(f"<p>{p.replace(' ', ' § ', 2)}</p>" for p in PARAGRAPHS)
        + '<img src="/img/§.jpg"></div>'
        + '<div class="tags"><a href="/tag/§/">Ал§маты</a></div>'
        + '<div class="card"><a class="card__link" href="/news/2-hostile-§story/">Но§вость</a>'
        + '<time datetime="2026-01-09T10:30:00+05:00§"></time></div>'
        + '<div class="card"><a class="card__link" href="/news/3-hostile-story/">Но§вость 3</a></div>' + FOOTER
    )
    return page(body, head=head, title="Ти§тул")


@case("html-nul-only", "html", "1 MB of NUL bytes")
def _nul_only(target: Target) -> bytes:
    return b"\x00" * (1024 * 1024)


@case("html-empty", "html", "an empty body")
def _empty(target: Target) -> bytes:
    return b""


@case("html-not-utf8", "html", "1 MB of bytes that are not UTF-8 (0x80-0xFF), labelled nothing")
def _not_utf8(target: Target) -> bytes:
    return bytes(0x80 + (i * 37) % 128 for i in range(1024 * 1024))


@case("html-long-urls", "html", "URLs of 100,000 characters in links, canonical, og:url, images, base, next, JSON-LD")
def _long_urls(target: Target) -> bytes:
    same = f"{ORIGIN}/news/1-hostile-story/?q=" + "a" * LONG_URL
    path = "/news/" + "9" * LONG_URL + "-hostile-story/"
    host = "https://" + "a" * LONG_URL + ".kz/news/1-hostile-story/"
    head = (
        f'<link rel="canonical" href="{same}"><meta property="og:url" content="{path}">'
        f'<meta property="og:image" content="{host}"><link rel="next" href="{same}">'
        + jsonld({"@type": "NewsArticle", "headline": TITLE, "url": same, "image": [same, {"url": path}],
                  "mainEntityOfPage": host})
    )
    cards = "".join(f'<div class="card"><a class="card__link" href="{u}">Новость</a></div>' for u in (same, path, host))
    body = (
        article_markup(body=paragraphs_html() + f'<img src="{path}"><img src="{host}">') + cards
        + f'<a href="{path}">ссылка</a><a class="next" href="{path}">дальше</a>'
    )
    return page(body, head=f'<base href="{host}">' + head).encode()


def _absurd_html(iso: str, visible: str) -> bytes:
    head = (
        jsonld({"@type": "NewsArticle", "headline": TITLE, "datePublished": iso, "dateModified": iso})
        + f'<meta property="article:published_time" content="{iso}">'
        + f'<meta property="article:modified_time" content="{iso}">'
        + f'<meta itemprop="datePublished" content="{iso}">'
    )
    cards = f'<div class="card"><a class="card__link" href="/news/2-hostile-story/">Новость</a><time datetime="{iso}">{visible}</time></div>'
    body = article_markup(date=f'<time class="published" datetime="{iso}">{visible}</time>') + cards
    return page(body, head=head).encode()


for _name, _iso, _visible, _rfc in ABSURD_DATES:
    case(f"html-dates-{_name}", "html", f"absurd dates ({_name}: {_iso}, {_visible!r}) in every date field")(
        lambda target, iso=_iso, visible=_visible: _absurd_html(iso, visible)
    )


@case("html-xxe", "html", "a DOCTYPE with external entities (file:// and http://), XInclude, external resources")
def _html_xxe(target: Target) -> bytes:
    doctype = (
        f'<!DOCTYPE html SYSTEM "{target.canary_url}/dtd" [<!ENTITY xxe SYSTEM "{target.secret_uri}">'
        f'<!ENTITY net SYSTEM "{target.canary_url}/entity"><!ENTITY % pe SYSTEM "{target.canary_url}/pe"> %pe;]>'
    )
    body = article_markup(title=f"{TITLE} &xxe;&net;") + (
        f'<p>&xxe;</p><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{target.secret_uri}" parse="text"/>'
        f'<iframe src="{target.secret_uri}"></iframe><img src="{target.canary_url}/img">'
        f'<link rel="stylesheet" href="{target.canary_url}/css"><script src="{target.canary_url}/js"></script>'
    )
    return page(body, doctype=doctype).encode()


@case("html-billion-laughs", "html", "an HTML DOCTYPE defining the billion-laughs entities, used in the body")
def _html_laughs(target: Target) -> bytes:
    return page(article_markup(body=paragraphs_html() + "<p>&lol9;</p>"), doctype="<!DOCTYPE html " + _laughs_subset() + ">").encode()


@case("html-entity-flood", "html", "1 MB of broken, out-of-range and unknown character references")
def _entity_flood(target: Target) -> bytes:
    flood = "&#0;&#xD800;&#x110000;&#99999999999;&nbsp;&bogus;&amp;&#x;&#;&" * 16_000
    return page(article_markup(body=paragraphs_html() + f"<p>{flood}</p>")).encode()


@case("html-nested-itemprop", "html", "2,000 nested itemprop elements around 5 MB of text")
def _nested_itemprop(target: Target) -> bytes:
    text = "текст " * (5 * 1024 * 1024 // 11)
    return page(article_markup() + '<div itemprop="author">' * 2000 + text + "</div>" * 2000).encode()


@case("html-many-links", "html", "200,000 article links and 50,000 list cards")
def _many_links(target: Target) -> bytes:
    links = "".join(f'<a href="/news/{i}-hostile-story/">Новость {i}</a>' for i in range(200_000))
    return page(article_markup() + list_markup(50_000) + links).encode()


@case("html-dots-title", "html", "titles of 100,000 dots (a trailing-ellipsis regex goes quadratic)")
def _dots_title(target: Target) -> bytes:
    dots = "." * 100_000
    head = f'<meta property="og:title" content="{dots}x">' + jsonld({"@type": "NewsArticle", "headline": dots + "z"})
    return page(article_markup(title=dots + "y" + dots[:10]), head=head).encode()


@case("html-whitespace", "html", "256K-character runs of spaces, no-break and zero-width spaces in title, date and body")
def _whitespace(target: Target) -> bytes:
    run = " \u00a0\u200b\t\n\u3000" * (256 * 1024 // 6)
    body = article_markup(
        title=f"{run}{TITLE}{run}",
        date=f'<time class="published" datetime="{run}{PUBLISHED}{run}">{run}9 января 2026{run}</time>',
        body=f"<p>{run}</p>" + paragraphs_html() + f"<p>{run}Подписывайтесь на наш Telegram{run}</p>",
    )
    return page(body, head=f'<meta property="og:title" content="{run}">').encode()


@case("html-long-fields", "html", "a 5 MB headline, byline, rubric and tag")
def _long_fields(target: Target) -> bytes:
    long = "Очень длинный заголовок " * (5 * 1024 * 1024 // 45)
    body = (
        f'<h1>{long}</h1>{date_html()}<span class="author">{long}</span><div class="rubric">{long}</div>'
        f'<div class="article-body">{paragraphs_html()}</div><div class="tags"><a href="/t/">{long}</a></div>'
    )
    return page(body, head=f'<meta property="og:title" content="{long}">').encode()


# --- XML: feeds and sitemaps ----------------------------------------------------------------------------------


def _laughs_subset() -> str:
    entities = ['<!ENTITY lol "lol">']
    entities += [f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)]
    return "[" + "".join(entities) + "]"


def _xxe_subset(target: Target) -> str:
    return (
        f'[<!ENTITY xxe SYSTEM "{target.secret_uri}"><!ENTITY net SYSTEM "{target.canary_url}/entity">'
        f'<!ENTITY % pe SYSTEM "{target.canary_url}/pe"> %pe;]'
    )


def _doctype(root: str, subset: str, system: str | None = None) -> str:
    external = f' SYSTEM "{system}"' if system else ""
    return f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE {root}{external} {subset}>'


def rss(items: str, prolog: str = '<?xml version="1.0" encoding="utf-8"?>') -> str:
    return f'{prolog}<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Hostile</title>{items}</channel></rss>'


def rss_item(link: str, title: str = TITLE, date: str = "Fri, 09 Jan 2026 10:30:00 +0500", extra: str = "") -> str:
    return f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>{extra}</item>"


def atom(entries: str, prolog: str = '<?xml version="1.0" encoding="utf-8"?>') -> str:
    return f'{prolog}<feed xmlns="http://www.w3.org/2005/Atom"><title>Hostile</title>{entries}</feed>'


def atom_entry(link: str, title: str = TITLE, date: str = PUBLISHED) -> str:
    return (f'<entry><title>{title}</title><link rel="alternate" href="{link}"/><published>{date}</published>'
            f"<updated>{date}</updated></entry>")


NEWS_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


def urlset(urls: str, prolog: str = '<?xml version="1.0" encoding="utf-8"?>') -> str:
    return f"{prolog}<urlset {NEWS_NS}>{urls}</urlset>"


def url_entry(loc: str, lastmod: str = PUBLISHED, news_date: str | None = None, title: str = TITLE) -> str:
    news = (f"<news:news><news:publication_date>{news_date}</news:publication_date><news:title>{title}</news:title>"
            "</news:news>") if news_date is not None else ""
    return f"<url><loc>{loc}</loc><lastmod>{lastmod}</lastmod>{news}</url>"


def sitemapindex(children: str, prolog: str = '<?xml version="1.0" encoding="utf-8"?>') -> str:
    return f'{prolog}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{children}</sitemapindex>'


def child(loc: str, lastmod: str = PUBLISHED) -> str:
    return f"<sitemap><loc>{loc}</loc><lastmod>{lastmod}</lastmod></sitemap>"


def _laughs(kind: str) -> str:
    prolog = {"rss": "rss", "atom": "feed", "sitemap": "urlset", "sitemapindex": "sitemapindex"}[kind]
    prolog = _doctype(prolog, _laughs_subset())
    url = article_url(1) + "&lol9;"
    return {
        "rss": lambda: rss(rss_item(url, title="&lol9;", date="&lol9;", extra="<description>&lol9;</description>"), prolog),
        "atom": lambda: atom(atom_entry(url, title="&lol9;", date="&lol9;"), prolog),
        "sitemap": lambda: urlset(url_entry(url, lastmod="&lol9;", news_date="&lol9;", title="&lol9;"), prolog),
        "sitemapindex": lambda: sitemapindex(child(f"{ORIGIN}/sitemap-1.xml&lol9;", lastmod="&lol9;"), prolog),
    }[kind]()


def _xxe(kind: str, target: Target) -> str:
    root = {"rss": "rss", "atom": "feed", "sitemap": "urlset", "sitemapindex": "sitemapindex"}[kind]
    prolog = _doctype(root, _xxe_subset(target), system=f"{target.canary_url}/dtd")
    include = f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{target.secret_uri}" parse="text"/>'
    url = article_url(1)
    return {
        "rss": lambda: rss(rss_item(url + "&xxe;", title="&xxe;&net;", date="&xxe;", extra=include)
                           + rss_item("&xxe;", title=include), prolog),
        "atom": lambda: atom(atom_entry(url + "&net;", title="&xxe;&net;", date="&xxe;") + include, prolog),
        "sitemap": lambda: urlset(url_entry(url + "&xxe;", lastmod="&xxe;", news_date="&net;", title="&xxe;")
                                  + f"<url><loc>{include}</loc></url>", prolog),
        "sitemapindex": lambda: sitemapindex(child(f"{ORIGIN}/sitemap-1.xml&xxe;", lastmod="&net;") + include, prolog),
    }[kind]()


for _kind in ("rss", "atom", "sitemap", "sitemapindex"):
    case(f"{_kind}-billion-laughs", "xml", f"{_kind}: ten levels of entities that expand to 10^9 'lol's")(
        lambda target, kind=_kind: _laughs(kind).encode()
    )
    case(f"{_kind}-xxe", "xml", f"{_kind}: external entities (file:// and http://), an external DTD, a parameter "
         "entity, XInclude")(lambda target, kind=_kind: _xxe(kind, target).encode())


@case("rss-quadratic-blowup", "xml", "one 100 KB entity referenced 10,000 times (1 GB if expanded)")
def _quadratic(target: Target) -> bytes:
    prolog = _doctype("rss", f'[<!ENTITY big "{"x" * 100_000}">]')
    return rss(rss_item(article_url(1), title="&big;" * 10_000), prolog).encode()


@case("sitemap-gz-bomb", "gz", "a 7 MB gzipped sitemap that unpacks to 2 GiB of <url> entries")
def _sitemap_bomb(target: Target) -> bytes:
    entry = f"<url><loc>{article_url(1)}</loc></url>".encode()
    chunk = entry * (1024 * 1024 // len(entry))
    prefix = urlset("").encode().split(b"</urlset>")[0]
    return gzipbomb.bomb(chunk, SITEMAP_BOMB // len(chunk), prefix, b"</urlset>")


@case("sitemap-gz-zeros", "gz", "a gzipped 'sitemap' that unpacks to 2 GiB of NUL bytes")
def _sitemap_zeros(target: Target) -> bytes:
    return gzipbomb.zeros(SITEMAP_BOMB)


@case("sitemap-gz-xxe", "gz", "the sitemap XXE case, gzipped")
def _sitemap_gz_xxe(target: Target) -> bytes:
    return gzip.compress(_xxe("sitemap", target).encode())


@case("sitemapindex-gz-billion-laughs", "gz", "the sitemap-index billion-laughs case, gzipped")
def _index_gz_laughs(target: Target) -> bytes:
    return gzip.compress(_laughs("sitemapindex").encode())


@case("sitemap-gz-corrupt", "gz", "a gzip header followed by garbage")
def _gz_corrupt(target: Target) -> bytes:
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + bytes(range(256)) * 64


@case("sitemap-many-urls", "xml", f"{MANY:,} <url> entries (50 MB; the protocol allows 50,000)")
def _many_urls(target: Target) -> bytes:
    entries = "".join(f"<url><loc>{article_url(i)}</loc></url>" for i in range(MANY))
    return urlset(entries).encode()


@case("rss-many-items", "xml", "500,000 feed items (50 MB)")
def _many_items(target: Target) -> bytes:
    return rss("".join(f"<item><link>{article_url(i)}</link><title>N{i}</title></item>" for i in range(500_000))).encode()


@case("rss-huge-text", "xml", "a 20 MB <description> (over libxml2's 10 MB text limit) and a 5 MB title")
def _huge_text(target: Target) -> bytes:
    return rss(rss_item(article_url(1), title="т" * (5 * 1024 * 1024),
                        extra=f"<description>{'описание ' * (20 * 1024 * 1024 // 17)}</description>")
               + rss_item(article_url(2))).encode()


@case("xml-deep", "xml", "feed and sitemap elements nested 100,000 levels")
def _xml_deep(target: Target) -> bytes:
    return rss(rss_item(article_url(1), extra="<x>" * DEEP + "</x>" * DEEP) + "<item>" * DEEP).encode()


@case("sitemap-deep", "xml", "a sitemap whose <url> holds 100,000 nested elements, then a normal entry")
def _sitemap_deep(target: Target) -> bytes:
    return urlset("<url>" + "<loc>" * DEEP + article_url(1) + "</loc>" * DEEP + "</url>" + url_entry(article_url(2))).encode()


@case("rss-bad-bytes", "xml", "NUL and invalid UTF-8 in every field of an RSS feed")
def _rss_bad(target: Target) -> bytes:
    return _bad(rss(rss_item(article_url(1) + "§", title="Заго§ловок", date="Fri, 09 Jan 2026 10:30:00 +0500§",
                             extra="<description>Опи§сание</description>") + rss_item(article_url(2))))


@case("sitemap-bad-bytes", "xml", "NUL and invalid UTF-8 in every field of a news sitemap")
def _sitemap_bad(target: Target) -> bytes:
    return _bad(urlset(url_entry(article_url(1) + "§", lastmod=PUBLISHED + "§", news_date="2026-01-09§", title="Т§")
                       + url_entry(article_url(2))))


@case("feed-long-urls", "xml", "100,000-character URLs in RSS links and guids, Atom hrefs")
def _feed_long(target: Target) -> bytes:
    long = f"{ORIGIN}/news/1-hostile-story/?q=" + "a" * LONG_URL
    return rss(rss_item(long) + f"<item><guid>{long}</guid></item>" + rss_item(article_url(2))).encode()


@case("sitemap-long-urls", "xml", "100,000-character <loc>s in a sitemap and a sitemap index")
def _sitemap_long(target: Target) -> bytes:
    long = f"{ORIGIN}/news/{'1' * LONG_URL}-hostile-story/"
    return urlset(url_entry(long) + url_entry(article_url(2))).encode()


@case("sitemapindex-long-urls", "xml", "100,000-character child sitemap <loc>s")
def _index_long(target: Target) -> bytes:
    return sitemapindex(child(f"{ORIGIN}/sitemap-{'1' * LONG_URL}.xml") + child(f"{ORIGIN}/sitemap-2.xml")).encode()


def _feeds_absurd(kind: str) -> str:
    if kind == "rss":
        return rss("".join(rss_item(article_url(i), date=rfc, extra=f"<dc:date>{iso}</dc:date>")
                           for i, (_, iso, _v, rfc) in enumerate(ABSURD_DATES, 1)))
    if kind == "atom":
        return atom("".join(atom_entry(article_url(i), date=iso) for i, (_, iso, _v, _r) in enumerate(ABSURD_DATES, 1)))
    return urlset("".join(url_entry(article_url(i), lastmod=iso, news_date=visible)
                          for i, (_, iso, visible, _r) in enumerate(ABSURD_DATES, 1)))


for _kind in ("rss", "atom", "sitemap"):
    case(f"{_kind}-absurd-dates", "xml", f"{_kind}: every absurd date (year 1, 9999, milliseconds, negative, "
         "32 December, zero, 1970, 2099)")(lambda target, kind=_kind: _feeds_absurd(kind).encode())


# --- JSON lists (zakon.kz's "load more" endpoint, read by its site hook) -------------------------------------


def zakon_card(href: str = "/6509000-test-novost.html", title: str = "Новость", date: str = "13:51, сегодня") -> str:
    return (f'<div class="newscard"><a class="newscard_link" href="{href}"><div class="newscard__title">{title}</div>'
            f'<span class="newscard__date">{date}</span></a></div>')


@case("json-deep", "json", "a JSON list nested 100,000 levels")
def _json_deep(target: Target) -> bytes:
    return ("[" * DEEP + json.dumps(zakon_card()) + "]" * DEEP).encode()


@case("json-deep-readable", "json", "a JSON list nested 900 levels (readable by json, deep for Python code)")
def _json_deep_readable(target: Target) -> bytes:
    return ('{"a":' * 900 + json.dumps({"html": zakon_card()}) + "}" * 900).encode()


@case("json-huge", "json", "a 10 MB JSON list: 20,000 cards and 200,000 other strings")
def _json_huge(target: Target) -> bytes:
    cards = [zakon_card(f"/{6_500_000 + i}-test-novost.html") for i in range(20_000)]
    return json.dumps({"html": cards, "noise": ["x" * 20] * 200_000}).encode()


@case("json-bad-bytes", "json", "NUL and invalid UTF-8 in a JSON list, and \\u0000 / lone-surrogate escapes")
def _json_bad(target: Target) -> bytes:
    text = json.dumps({"html": zakon_card("/6509000-test-§novost.html", "Но§вость \u0000", "13:51§, сегодня")})
    return _bad(text.replace("\\u0000", "\\u0000\\ud800"))


@case("json-long-urls", "json", "100,000-character links in a JSON list")
def _json_long(target: Target) -> bytes:
    return json.dumps({"html": zakon_card("/6509000-" + "a" * LONG_URL + ".html") + zakon_card()}).encode()


@case("json-absurd-dates", "json", "absurd list dates in a JSON list")
def _json_dates(target: Target) -> bytes:
    cards = [zakon_card(f"/{6_500_000 + i}-test-novost.html", date=visible)
             for i, (_, _iso, visible, _r) in enumerate(ABSURD_DATES)]
    return json.dumps({"html": cards}).encode()


# --- running as a script ----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The hostile-input corpus: list or write the cases.")
    parser.add_argument("--write", metavar="DIR", help="write every case (and hostile.warc.gz) to DIR")
    parser.add_argument("--only", default="", help="comma-separated case names")
    args = parser.parse_args(argv)
    names = [n for n in args.only.split(",") if n] or list(CASES)
    out = Path(args.write) if args.write else None
    if out:
        out.mkdir(parents=True, exist_ok=True)
    for name in names:
        body = CASES[name].body()
        suffix = {"html": ".html", "xml": ".xml", "gz": ".xml.gz", "json": ".json"}[CASES[name].kind]
        if out:
            (out / (name + suffix)).write_bytes(body)
        print(f"{name:32} {len(body):>12,} bytes  {CASES[name].description}")
    if out and not args.only:
        from tests.data.hostile.warcs import write_bomb_warc

        path = write_bomb_warc(out / "hostile.warc.gz")
        print(f"{path.name:32} {path.stat().st_size:>12,} bytes  WARC records that are gzip bombs, then good ones")
    return 0


if __name__ == "__main__":
    sys.exit(main())
