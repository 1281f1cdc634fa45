"""The fault matrix behind `make chaos` (and tests/test_chaos.py, tests/test_reliability_*.py): every fault of the
reliability issue, injected by local servers, each checked against what a correct crawler stores.

    python tests/tools/chaos.py            # the whole matrix; prints a table and, last, a JSON summary
    python tests/tools/chaos.py --only http,sigkill

HTTP and content faults run in one process, one spider per row (like `python -m kznews crawl` runs every site),
each on its own host of a generated site served by tests.tools.fault_server: three articles behind a list page,
the fault on the article pages (or on the list page, or in the feed or sitemap that lists them). The `hostile-*`
rows are the hostile-input cases of issue 14 (tests/data/hostile): hostile markup around each article, gzip bombs
and broken Content-Encoding, XXE and entity expansion in pages and sitemaps, a gzipped sitemap bomb, absurd dates.
Storage and process faults run real `scrapy crawl` subprocesses: MongoDB stopped mid-crawl and restarted on the
same port and storage, MongoDB down for a whole crawl (spill, then `python -m kznews load-spill` twice), SIGKILL
and resume with the same JOBDIR, two overlapping runs, and a crawl replayed from a WARC file full of gzip bombs.

Columns: items expected (what a correct crawler stores under that fault), stored (distinct canonical URLs of the
row's site in MongoDB), lost (expected URLs not stored), duplicated (documents beyond one per canonical URL,
counted with an aggregation and again in Python over canonicalised URLs), blocked (`kznews/blocked/{site}`),
dropped (`kznews/dropped/{site}/*`), failed (`kznews/failed/{site}/*`), wrong (stored documents that should not
exist or whose title, text or date differ from the page's: mojibake, half bodies, wrong dates, challenge pages; or
that are invalid: control characters, URLs that are not absolute http(s) of sane length, dates outside the date
policy, a local file's content).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "deploy" / "dev") not in sys.path:
    sys.path.insert(0, str(ROOT / "deploy" / "dev"))

from kznews.backoff import retry_after_date  # noqa: E402
from kznews.sites.base import ArticleLayout, Edition, ListLayout, ListSource, Site  # noqa: E402
from kznews.spiders.engine import NewsSpider  # noqa: E402
from kznews.urls import canonicalize_url  # noqa: E402
from tests.tools.fault_server import Fault, FaultServer  # noqa: E402
from tests.tools.loopback import SETTINGS_MODULE  # noqa: E402
from tests.tools.site_server import Resource  # noqa: E402

ALMATY = timezone(timedelta(hours=5))
ARTICLES = 3
# A retry later than this after its fault is a hang, not a loaded machine.
RETRY_HANG_GUARD = 60.0
CHAOS_DOMAIN = "chaos.example.kz"
SPIDER_MODULES = "kznews.spiders,tests.tools.chaos,tests.tools.gensite"
# Settings of the matrix crawl: production retry counts, local-profile waits, short timeouts.
MATRIX_SETTINGS = {
    "RETRY_TIMES": 3,
    "KZNEWS_RETRY_AFTER_MAX": 3.0,
    "KZNEWS_BLOCKED_RETRY_TIMES": 2,
    "KZNEWS_BLOCKED_BACKOFF_BASE": 0.1,
    "MONGO_BATCH_SIZE": 50,
    "MONGO_FLUSH_SECONDS": 0.5,
    "LOG_LEVEL": "INFO",
}
# Each row's spider's own settings: a short timeout (the `timeout` row hangs 5 s), except where large bodies are
# read, which a loaded machine may need more than 3 s for (those rows judge the bound on the size, not the time).
DOWNLOAD_TIMEOUT = 3
SLOW_BODY = {"DOWNLOAD_TIMEOUT": 60}
LARGE = 12 * 1024 * 1024
HUGE_STREAM = 64 * 1024 * 1024  # half of it bounds what was sent: the 10 MB read plus kernel socket buffers under load


# --- pages ------------------------------------------------------------------------------------------------------


@dataclass
class Page:
    """How a row's article pages look (the default: a clean UTF-8 article)."""

    title: bool = True
    body: bool = True
    date: str = "ok"  # ok | none | garbage | future
    encoding: str = "utf-8"
    content_type: str = "text/html; charset=utf-8"
    meta_charset: str | None = None
    bom: bytes = b""
    soup: bool = False
    jsonld: str | None = None  # deep | surrogate
    binary: bool = False
    list_dates: bool = True
    list_titles: bool = True
    inline_css: bool = False  # 10 KB of <style>: Scrapy's charset guess then reads undeclared windows-1251 as cp1250
    hostile: str | None = None  # hostile markup around the article (HOSTILE_PAGES), from tests/data/hostile


def title_of(row: str, n: int) -> str:
    return f"Новость {n} о надёжности «{row}»: в Алматы обсудили транспорт"


def paragraphs_of(n: int) -> list[str]:
    return [
        f"Первый абзац новости номер {n}: в Алматы прошло совещание о развитии городского транспорта и маршрутах.",
        "Второй абзац: участники обсудили «зелёные» автобусы, тарифы — и сроки запуска; решение примут до конца месяца.",
        f"Третий абзац новости {n} рассказывает о реакции жителей, которые ждут перемен уже несколько лет подряд.",
    ]


def published_of(n: int) -> datetime:
    return datetime(2026, 1, 10, 9, 0, tzinfo=ALMATY) + timedelta(hours=n)


NAV = (
    "<nav>Главная Новости Политика Экономика Общество Спорт Культура Происшествия Мир Технологии Авто Недвижимость "
    "Здоровье Образование Погода Курсы валют Афиша Контакты Реклама О проекте</nav>"
)
FOOTER = (
    "<footer>© 2026 Chaos News. Все права защищены. При использовании материалов ссылка обязательна. Редакция не "
    "несёт ответственности за содержание рекламных материалов. Свидетельство о постановке на учёт СМИ № 12345-ИА."
    "</footer>"
)


def article_html(row: str, n: int, page: Page) -> str:
    title = title_of(row, n)
    paragraphs = paragraphs_of(n)
    head = []
    if page.meta_charset:
        head.append(f'<meta charset="{page.meta_charset}">')
    if page.title:
        head.append(f"<title>{title} — Chaos News</title>")
    if page.jsonld == "deep":
        head.append('<script type="application/ld+json">' + "[" * 20000 + "]" * 20000 + "</script>")
    if page.jsonld == "surrogate":
        headline = json.dumps(title, ensure_ascii=True)[:-1] + '\\ud800"'
        head.append(f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": {headline}}}</script>')
    head.append('<script src="/static/app.js"></script>')
    if page.inline_css:
        head.append("<style>" + "body{margin:0;padding:0} .a{color:red}" * 300 + "</style>")
    when = published_of(n)
    date = {
        "ok": f'<time class="published" datetime="{when.isoformat()}">{when.day} января 2026, {when:%H:%M}</time>',
        "none": "",
        "garbage": '<time class="published" datetime="2026-13-45T25:61:00+05:00">32 тринадцатября 20999, 25:99</time>'
        '<meta property="article:published_time" content="0000-00-00T00:00:00">',
        "future": '<time class="published" datetime="2099-01-01T10:00:00+05:00">1 января 2099, 10:00</time>',
    }[page.date]
    h1 = f"<h1>{title}</h1>" if page.title else ""
    if page.soup:
        body = (
            f'<div class="article-body"><p>{paragraphs[0]}<p><b><i>{paragraphs[1]}</b></i>'
            f"<p>{paragraphs[2]}</td></tr></span></div></div></div><table><tr><td>хвост <b>без конца"
            '<script>var s = "</div>";</script> &bogus; &#0; \x00 <div <p class=">сломанный тег'
        )
        return f"<html><head>{''.join(head)}<body>{NAV}<h1>{title}</b></i></h1></td>{date}{body}"
    body = "".join(f"<p>{p}</p>" for p in paragraphs) if page.body else ""
    doctype, extra_head, extra_body = "<!DOCTYPE html>", "", ""
    if page.hostile:
        doctype, extra_head, extra_body, date = hostile_parts(page.hostile, n, date, when)
    return (
        f'{doctype}<html lang="ru"><head>{"".join(head)}{extra_head}</head><body>{NAV}{h1}{date}'
        f'<div class="article-body">{body}</div>{extra_body}{FOOTER}'
        "<script>window.dataLayer = window.dataLayer || [];</script></body></html>"
    )


# Where the hostile rows' external references point (set by serve_matrix): a local file whose content must not
# reach a stored document, and a path of the fault server that must never be requested.
LEAK = {"secret": "", "secret_uri": "file:///nonexistent", "canary": "http://127.0.0.1:9/canary"}
CANARY_PATH = "canary/"


def hostile_parts(kind: str, n: int, date: str, when: datetime) -> tuple[str, str, str, str]:
    """(doctype, extra head, extra body after the article, date markup) of a hostile row's article page: the
    article stays as it is, the hostile markup comes from the cases of tests/data/hostile."""
    from tests.data.hostile import cases

    doctype, head, body = "<!DOCTYPE html>", "", ""
    if kind == "deep":
        body = "<div>" * cases.DEEP + "<p>глубоко</p>" + "</div>" * cases.DEEP
    elif kind == "one-line":  # 8 MB with no line break, under the 10 MB bound
        mib = 1024 * 1024
        body = ("<div>" + "слово " * (3 * mib // 11) + f'</div><img src="data:image/png;base64,{"A" * (2 * mib)}">'
                + "<script>var x=" + "1+" * mib + "1;</script>" + "<span>x</span>" * (mib // 14))
    elif kind == "attributes":
        body = "<div " + " ".join(f'a{i}="x"' for i in range(100_000)) + ">хвост</div>"
    elif kind == "itemprop":
        body = '<div itemprop="author">' * 2000 + "текст " * (1024 * 1024 // 11) + "</div>" * 2000
    elif kind == "jsonld-huge":
        head = cases.jsonld({"@type": "Thing", "description": "описание " * (5 * 1024 * 1024 // 17)})
    elif kind == "jsonld-deep":
        head = '<script type="application/ld+json">' + '{"@graph":[' * 900 + "{}" + "]}" * 900 + "</script>"
    elif kind == "bad-bytes":  # "§": NUL and invalid UTF-8 bytes (article_bytes), in all but what the row checks
        head = ('<meta name="description" content="Опи§сание">'
                '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "Ай§гуль \\u0000 '
                '\\ud800"}, "keywords": "а§, б"}</script><meta property="og:image" content="/i§.jpg">')
        body = '<p>Хвост § с байтами</p><a href="/news/§/">ссылка</a>'
    elif kind == "dates":  # the date the row's page shows is gone: every source is absurd
        head = (cases.jsonld({"@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00+05:00",
                              "dateModified": "9999-12-31T23:59:59-12:00"})
                + '<meta property="article:published_time" content="253402300799999">'
                + '<meta itemprop="datePublished" content="-0001-01-01T00:00:00Z">')
        date = '<time class="published" datetime="9999-12-31T23:59:59-12:00">32 декабря 9999, 25:61</time>'
    elif kind == "long-urls":
        long = "a" * cases.LONG_URL
        head = (f'<link rel="canonical" href="/news/{n}-chaos-story/?q={long}">'
                f'<meta property="og:url" content="/news/{long}/"><meta property="og:image" content="/{long}.jpg">')
        body = f'<a href="/news/{n}-{long}/">ссылка</a><img src="https://{long}.kz/i.jpg">'
    elif kind == "xxe":
        doctype = (f'<!DOCTYPE html SYSTEM "{LEAK["canary"]}dtd" [<!ENTITY xxe SYSTEM "{LEAK["secret_uri"]}">'
                   f'<!ENTITY net SYSTEM "{LEAK["canary"]}entity"><!ENTITY % pe SYSTEM "{LEAK["canary"]}pe"> %pe;'
                   '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>')
        body = f"<p>&xxe; &net; &lol2;</p><img src=\"{LEAK['secret_uri']}\"><img src=\"{LEAK['canary']}img\">"
    else:
        raise ValueError(kind)
    return doctype, head, body, date


def article_bytes(row: str, n: int, page: Page) -> bytes:
    if page.binary:
        return bytes(random.Random(n).randrange(256) for _ in range(20000))
    data = page.bom + article_html(row, n, page).encode(page.encoding, errors="xmlcharrefreplace")
    if page.hostile == "bad-bytes":
        from tests.data.hostile.cases import BAD_BYTES

        data = data.replace("§".encode(), BAD_BYTES[:6])  # NUL, 0xFF, a lone continuation byte, a cut sequence
    return data


def list_html(row: str, page: Page) -> str:
    cards = []
    for n in range(1, ARTICLES + 1):
        text = f"Новость {n}" if page.list_titles else '<img src="/i.png">'
        date = f'<time datetime="{published_of(n).isoformat()}"></time>' if page.list_dates else ""
        cards.append(f'<div class="card"><a class="card__link" href="/news/{n}-chaos-story/">{text}</a>{date}</div>')
    if page.hostile == "long-urls":
        cards.append(f'<div class="card"><a class="card__link" href="/news/9-{"a" * 100_000}/">Новость</a></div>')
    return f'<!DOCTYPE html><html lang="ru"><head><title>Новости</title></head><body>{NAV}{"".join(cards)}{FOOTER}</body></html>'


# --- challenge pages ----------------------------------------------------------------------------------------------

CLOUDFLARE = b"""<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="robots" content="noindex,nofollow">
<meta http-equiv="refresh" content="390"></head><body class="no-js"><div class="main-wrapper" role="main">
<div class="main-content"><noscript><div id="challenge-error-title"><span id="challenge-error-text">Enable JavaScript
and cookies to continue</span></div></noscript></div></div><script>(function(){window._cf_chl_opt={cvId: '3',
cZone: "chaos.example.kz",cType: 'managed',cRay: '8c1f2b3a4d5e6f70'};var cpo = document.createElement('script');
cpo.src = '/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8c1f2b3a4d5e6f70';
document.getElementsByTagName('head')[0].appendChild(cpo);}());</script></body></html>"""

CHECKING = b"""<!DOCTYPE HTML><html><head><title>Please Wait... | Cloudflare</title><meta charset="UTF-8"></head>
<body><div id="cf-wrapper"><h1>Checking your browser before accessing chaos.example.kz.</h1>
<p>This process is automatic. Your browser will redirect to your requested content shortly.</p>
<p>Please allow up to 5 seconds...</p><div class="attribution">DDoS protection by Cloudflare</div></div></body></html>"""

DDOS_GUARD = b"""<!DOCTYPE html><html><head><title>DDoS-Guard</title><meta charset="utf-8">
<script src="/.well-known/ddos-guard/check?context=free_splash"></script></head><body>
<div class="ddg-wrapper"><h1>Checking your browser before accessing</h1><p>DDoS protection by DDoS-Guard</p></div>
<script>var ddg_check = true;</script></body></html>"""

CAPTCHA = """<!DOCTYPE html><html lang="ru"><head><title>Вы не робот?</title><meta charset="utf-8"></head><body>
<div class="CheckboxCaptcha"><h1>Подтвердите, что запросы отправляли вы, а не робот</h1>
<form method="post" action="/checkcaptcha"><div class="smart-captcha" data-sitekey="ysc1_x"></div>
<button type="submit">Отправить</button></form></div></body></html>""".encode()

JS_SHELL = b"""<!DOCTYPE html><html><head><meta charset="utf-8">
<script>document.cookie="__js_p_=712,1800,0,0,0;path=/";location.reload();</script>
<script src="/static/js/app.3f2a9c.js"></script></head><body><div id="app"></div></body></html>"""


# --- the rows ------------------------------------------------------------------------------------------------------


@dataclass
class Row:
    name: str  # spider and host label
    fault: str  # the table's description
    expected: int
    article_fault: Fault | None = None
    list_fault: Fault | None = None
    page: Page = field(default_factory=Page)
    expect_date: bool = True  # stored documents carry the page's date (else: null, never a wrong one)
    title_prefix: bool = False  # the stored title starts with the page's title (a repaired character follows)
    stats: dict[str, int] = field(default_factory=dict)  # stat suffix (after kznews/) -> exact count
    stats_min: dict[str, int] = field(default_factory=dict)  # stat suffix -> minimum
    retry_after: float | None = None  # seconds between the fault and the retry, at least
    max_bytes_sent: int | None = None  # the server could send at most this much per page (bounded download)
    sources: str = "lists"  # the spider's discovery methods
    discovery: str | None = None  # a hostile feed or sitemap (DISCOVERY) that lists the articles
    no_leak: bool = False  # external entities point at LEAK: no request to the canary, the file never stored
    settings: dict = field(default_factory=dict)  # the row's spider's own settings (custom_settings)


def _rows() -> list[Row]:
    r = Row
    ok = ARTICLES
    blocked_all = ARTICLES * 3  # first try + KZNEWS_BLOCKED_RETRY_TIMES (2)
    return [
        # HTTP status codes
        r("http-500", "500 x2, then the page", ok, Fault("status", 2, status=500)),
        r("http-502", "502 x2, then the page", ok, Fault("status", 2, status=502)),
        r("http-503", "503 x2 (no Retry-After), then the page", ok, Fault("status", 2, status=503)),
        r("http-503-ra", "503 + Retry-After: 1, then the page", ok,
          Fault("status", 1, status=503, headers={"Retry-After": "1"}), retry_after=0.95),
        r("http-429-ra", "429 + Retry-After: 2, then the page", ok,
          Fault("status", 1, status=429, headers={"Retry-After": "2"}), retry_after=1.95),
        r("http-429-date", "429 + Retry-After: <HTTP date +2 s>", ok,
          Fault("status", 1, status=429, headers={"Retry-After": lambda: retry_after_date(2.0)}),
          retry_after=0.9),
        r("http-429-day", "429 + Retry-After: 86400 (bounded to 3 s)", ok,
          Fault("status", 1, status=429, headers={"Retry-After": "86400"}), retry_after=2.9),
        r("http-429", "429 x2 (no Retry-After)", ok, Fault("status", 2, status=429)),
        r("http-403", "403 Forbidden (no challenge), permanent", 0, Fault("status", None, status=403),
          stats={"failed/http-403/http_403": ARTICLES}),
        r("http-404", "404 Not Found, permanent", 0, Fault("status", None, status=404),
          stats={"failed/http-404/http_404": ARTICLES}),
        r("list-503", "503 x2 on the list page", ok, list_fault=Fault("status", 2, status=503)),
        # the connection
        r("timeout", "no answer for 5 s (timeout 3 s) x1", ok, Fault("hang", 1, seconds=5)),
        r("reset", "connection reset x2", ok, Fault("reset", 2)),
        r("cut-length", "body cut short (Content-Length) x1", ok, Fault("truncate-length", 1)),
        r("cut-chunked", "body cut short (chunked) x1", ok, Fault("truncate-chunked", 1)),
        r("cut-close", "body cut short (no length, close) x1", ok, Fault("truncate-close", 1)),
        r("redirect-loop", "redirect loop A -> B -> A, permanent", 0, Fault("redirect", None, status=302),
          stats={"failed/redirect-loop/redirect_loop": ARTICLES}),
        r("empty", "empty 200 x1", ok, Fault("empty", 1)),
        r("empty-always", "empty 200, permanent", 0, Fault("empty", None),
          stats={"failed/empty-always/empty_response": ARTICLES}),
        r("large-length", "12 MB page with Content-Length", 0, Fault("large", None, size=LARGE),
          stats={"failed/large-length/too_large": ARTICLES}, max_bytes_sent=LARGE // 2, settings=SLOW_BODY),
        r("large-stream", "64 MB page, chunked (no length)", 0,
          Fault("large", None, size=HUGE_STREAM, chunked=True),
          stats={"failed/large-stream/too_large": ARTICLES}, max_bytes_sent=HUGE_STREAM // 2, settings=SLOW_BODY),
        r("large-ok", "3 MB page (under the 10 MB bound)", ok, Fault("large", None, size=3 * 1024 * 1024),
          settings=SLOW_BODY),
        # encodings
        r("cp1251-header", "windows-1251, charset header only", ok,
          page=Page(encoding="cp1251", content_type="text/html; charset=windows-1251")),
        r("cp1251-meta", "windows-1251, <meta charset> only", ok,
          page=Page(encoding="cp1251", content_type="text/html", meta_charset="windows-1251")),
        r("cp1251-none", "windows-1251, no declaration at all", ok,
          page=Page(encoding="cp1251", content_type="text/html")),
        # Scrapy's own guess (charset_normalizer 3) reads this one as cp1250; kznews.encoding repairs it.
        r("cp1251-css", "windows-1251, undeclared, inline CSS", ok,
          page=Page(encoding="cp1251", content_type="text/html", inline_css=True)),
        r("utf8-as-1251", "UTF-8 labelled windows-1251 (header)", ok,
          page=Page(content_type="text/html; charset=windows-1251"), stats={"encoding/utf8-as-1251/repaired": ARTICLES}),
        r("utf8-as-1251-meta", "UTF-8 labelled windows-1251 (<meta>)", ok,
          page=Page(content_type="text/html", meta_charset="windows-1251"),
          stats={"encoding/utf8-as-1251-meta/repaired": ARTICLES}),
        r("cp1251-as-utf8", "windows-1251 labelled UTF-8 (header)", ok,
          page=Page(encoding="cp1251", content_type="text/html; charset=utf-8"),
          stats={"encoding/cp1251-as-utf8/repaired": ARTICLES}),
        r("utf8-bom", "UTF-8 with BOM, no declaration", ok, page=Page(content_type="text/html", bom=b"\xef\xbb\xbf")),
        r("utf8-bom-1251", "UTF-8 with BOM, header says windows-1251", ok,
          page=Page(content_type="text/html; charset=windows-1251", bom=b"\xef\xbb\xbf")),
        r("utf16-bom", "UTF-16 with BOM", ok, page=Page(encoding="utf-16", content_type="text/html")),
        # bot protection answering 200
        r("cloudflare", "Cloudflare 'Just a moment...' (200) x2", ok, Fault("challenge", 2, body=CLOUDFLARE),
          stats={"blocked/cloudflare": ARTICLES * 2}),
        r("cloudflare-403", "Cloudflare challenge 403 + cf-mitigated x1", ok,
          Fault("challenge", 1, status=403, body=CLOUDFLARE, headers={"cf-mitigated": "challenge"}),
          stats={"blocked/cloudflare-403": ARTICLES}),
        r("checking-browser", "'Checking your browser' (200) x1", ok, Fault("challenge", 1, body=CHECKING),
          stats={"blocked/checking-browser": ARTICLES}),
        r("ddos-guard", "DDoS-Guard page (200), permanent", 0, Fault("challenge", None, body=DDOS_GUARD),
          stats={"blocked/ddos-guard": blocked_all, "failed/ddos-guard/blocked": ARTICLES}),
        r("captcha", "captcha page (200) x1", ok, Fault("challenge", 1, body=CAPTCHA),
          stats={"blocked/captcha": ARTICLES}),
        r("js-shell", "empty JavaScript shell (200), permanent", 0, Fault("challenge", None, body=JS_SHELL),
          stats={"blocked/js-shell": blocked_all, "failed/js-shell/blocked": ARTICLES}),
        # pages
        r("no-title", "no title anywhere", 0, page=Page(title=False, list_titles=False),
          stats={"dropped/no-title/no_title": ARTICLES}),
        r("no-body", "no body", 0, page=Page(body=False), stats={"dropped/no-body/no_body": ARTICLES}),
        r("no-date", "no date (page or list)", ok, page=Page(date="none", list_dates=False), expect_date=False),
        r("garbage-date", "garbage dates (page; none in list)", ok, page=Page(date="garbage", list_dates=False),
          expect_date=False),
        r("future-date", "date in 2099 (page; none in list)", ok, page=Page(date="future", list_dates=False),
          expect_date=False),
        r("soup", "markup soup (unclosed, misnested, NUL)", ok, page=Page(soup=True)),
        r("binary", "random bytes as text/html", 0, page=Page(binary=True, content_type="text/html"),
          stats_min={"dropped/binary/no_body": ARTICLES}),
        r("jsonld-deep", "JSON-LD nested 20 000 deep (ignored; the page's markup still gives the article)", ok,
          page=Page(jsonld="deep")),
        r("surrogate", "JSON-LD title with an unpaired surrogate", ok, page=Page(jsonld="surrogate"),
          title_prefix=True),
        # hostile input (tests/data/hostile): the article is stored as the page shows it, or the page is a counted drop
        r("hostile-deep", "article, then 100,000 nested <div>", ok, page=Page(hostile="deep")),
        r("hostile-one-line", "8 MB page on one line (text, data: URI, script, tags)", ok,
          page=Page(hostile="one-line")),
        r("hostile-attributes", "a tag with 100,000 attributes", ok, page=Page(hostile="attributes")),
        r("hostile-itemprop", "2,000 nested itemprop around 1 MB of text", ok, page=Page(hostile="itemprop")),
        r("hostile-jsonld-huge", "5 MB JSON-LD block (skipped unread)", ok, page=Page(hostile="jsonld-huge"),
          stats={"notes/hostile-jsonld-huge/jsonld_too_large": ARTICLES}),
        r("hostile-jsonld-deep", "JSON-LD nested 900 levels", ok, page=Page(hostile="jsonld-deep")),
        r("hostile-bad-bytes", "NUL, lone surrogates, invalid UTF-8 in meta, JSON-LD, links, text", ok,
          page=Page(hostile="bad-bytes")),
        r("hostile-dates", "year 1, 9999, milliseconds, '32 декабря' in every date field", ok,
          page=Page(hostile="dates", list_dates=False), expect_date=False),
        r("hostile-long-urls", "100,000-character canonical, og:url, images, links", ok,
          page=Page(hostile="long-urls")),
        r("hostile-xxe", "XXE (file://, http://) and entity expansion in the page", ok, page=Page(hostile="xxe"),
          no_leak=True),
        r("hostile-gzip-bomb", "Content-Encoding: gzip, 1 MB unpacking to 1 GiB", 0,
          Fault("gzip-bomb", None, size=1024**3), stats={"failed/hostile-gzip-bomb/too_large": ARTICLES}),
        r("hostile-bad-encoding", "Content-Encoding: gzip that is not gzip", 0, Fault("bad-encoding", None),
          stats={"failed/hostile-bad-encoding/bad_encoding": ARTICLES}),
        r("hostile-sitemap-xxe", "sitemap with XXE and billion laughs", ok, sources="sitemaps",
          discovery="sitemap-xxe", no_leak=True),
        r("hostile-sitemap-bomb", "7 MB .xml.gz sitemap unpacking to 2 GiB", ok, sources="sitemaps",
          discovery="sitemap-gz-bomb", stats={"sitemap/hostile-sitemap-bomb/skipped/over_limit": 1}),
        r("hostile-feed-dates", "RSS of absurd dates (year 1, 9999, 32 Dec)", ok, sources="feeds",
          discovery="feed-dates", stats={"feed/hostile-feed-dates/skipped/bad_date": ARTICLES}),
    ]


ROWS = _rows()
ROW = {row.name: row for row in ROWS}


def origin(row: str) -> str:
    return f"https://{row}.{CHAOS_DOMAIN}"


def article_url(row: str, n: int) -> str:
    return f"{origin(row)}/news/{n}-chaos-story/"


DISCOVERY_PATH = {"sitemap-xxe": "/sitemap.xml", "sitemap-gz-bomb": "/sitemap.xml.gz", "feed-dates": "/rss.xml"}


def make_site(row: str) -> Site:
    discovery = ROW[row].discovery if row in ROW else None
    path = DISCOVERY_PATH.get(discovery or "")
    feeds = (path,) if path and discovery.startswith("feed") else ()
    sitemaps = (path,) if path and discovery.startswith("sitemap") else ()
    return Site(
        name=row,
        title=f"Chaos {row}",
        editions=(Edition("ru", origin(row), lists=(ListSource("/news/"),), feeds=feeds, sitemaps=sitemaps),),
        article_path=re.compile(r"^/news/\d+-[a-z-]+/$"),
        list_layouts=(ListLayout(name="cards", item="div.card", link="a.card__link", date="time", date_attr="datetime"),),
        article_layouts=(
            ArticleLayout(name="plain", detect="div.article-body", title="h1", body="div.article-body",
                          date="time.published", date_attr="datetime"),
        ),
    )


def _spider(row: Row):
    name = "Chaos" + "".join(part.capitalize() for part in row.name.replace("-", "_").split("_")) + "Spider"
    return type(name, (NewsSpider,), {"name": row.name, "site": make_site(row.name), "__module__": __name__,
                                      "custom_settings": {"DOWNLOAD_TIMEOUT": DOWNLOAD_TIMEOUT, **row.settings}})


for _row in ROWS:
    _cls = _spider(_row)
    globals()[_cls.__name__] = _cls
del _row, _cls

WARC_SITE = "hostile-warc"  # the spider of the WARC replay scenario (its pages come from an archive only)
ChaosHostileWarcSpider = type("ChaosHostileWarcSpider", (NewsSpider,),
                              {"name": WARC_SITE, "site": make_site(WARC_SITE), "__module__": __name__})


def discovery_body(row: Row) -> tuple[bytes, str]:
    """The hostile feed or sitemap of a row, listing its articles."""
    from tests.data.hostile import cases, gzipbomb

    urls = [article_url(row.name, n) for n in range(1, ARTICLES + 1)]
    if row.discovery == "sitemap-xxe":
        subset = (f'[<!ENTITY xxe SYSTEM "{LEAK["secret_uri"]}"><!ENTITY net SYSTEM "{LEAK["canary"]}entity">'
                  '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]')
        prolog = f'<?xml version="1.0"?><!DOCTYPE urlset SYSTEM "{LEAK["canary"]}dtd" {subset}>'
        entries = "".join(cases.url_entry(url, lastmod="&xxe;", news_date="&net;", title="&lol2;") for url in urls)
        return cases.urlset(entries + "<url><loc>&xxe;</loc></url>", prolog).encode(), "application/xml"
    if row.discovery == "sitemap-gz-bomb":
        entries = "".join(f"<url><loc>{url}</loc></url>" for url in urls).encode()
        chunk = entries * (1024 * 1024 // len(entries))
        prefix = cases.urlset("").encode().split(b"</urlset>")[0]
        return gzipbomb.bomb(chunk, 2 * 1024**3 // len(chunk), prefix, b"</urlset>"), "application/x-gzip"
    if row.discovery == "feed-dates":
        dates = ("Mon, 01 Jan 0001 00:00:00 +0500", "Fri, 31 Dec 9999 23:59:59 -1200", "Wed, 32 Dec 2025 10:00:00 +0500")
        return cases.rss("".join(cases.rss_item(url, date=date) for url, date in zip(urls, dates, strict=True))).encode(), \
            "application/rss+xml"
    raise ValueError(row.discovery)


def serve_matrix(rows: list[Row]) -> FaultServer:
    server = FaultServer()
    if any(row.no_leak for row in rows):
        secret = Path(tempfile.mkdtemp(prefix="kznews-chaos-secret-")) / "secret.txt"
        LEAK["secret"] = f"KZNEWS-SECRET-{uuid.uuid4().hex}"
        secret.write_text(LEAK["secret"] + "\n")
        LEAK["secret_uri"] = secret.as_uri()
        LEAK["canary"] = f"http://127.0.0.1:{server.port}/{CANARY_PATH}"
    for row in rows:
        if row.discovery:
            body, content_type = discovery_body(row)
            server.add(origin(row.name) + DISCOVERY_PATH[row.discovery], Resource(body, content_type))
        server.add(f"{origin(row.name)}/news/", Resource(list_html(row.name, row.page).encode()))
        if row.list_fault:
            server.fault(f"{origin(row.name)}/news/", row.list_fault)
        for n in range(1, ARTICLES + 1):
            url = article_url(row.name, n)
            server.add(url, Resource(article_bytes(row.name, n, row.page), row.page.content_type))
            fault = row.article_fault
            if fault is None:
                continue
            if fault.kind == "redirect":  # A -> B -> A
                other = f"{origin(row.name)}/news/{n}-chaos-story-b/"
                server.fault(url, Fault("redirect", None, status=302, location=other))
                server.fault(other, Fault("redirect", None, status=302, location=url))
                continue
            server.fault(url, fault)
    return server


# --- results -----------------------------------------------------------------------------------------------------


@dataclass
class Result:
    fault: str
    expected: int
    stored: int = 0
    lost: int = 0
    duplicated: int = 0
    blocked: int = 0
    dropped: int = 0
    failed: int = 0
    wrong: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems and not self.lost and not self.duplicated and not self.wrong

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in (
            "fault", "expected", "stored", "lost", "duplicated", "blocked", "dropped", "failed", "wrong", "seconds",
            "problems")} | {"ok": self.ok}


def duplicates(collection, query: dict) -> tuple[int, int]:
    """(documents beyond one per `url` by aggregation, beyond one per canonicalised URL in Python)."""
    grouped = collection.aggregate(
        [{"$match": query}, {"$group": {"_id": "$url", "n": {"$sum": 1}}}, {"$match": {"n": {"$gt": 1}}}]
    )
    by_aggregation = sum(group["n"] - 1 for group in grouped)
    canonical = Counter(canonicalize_url(d["url"]) for d in collection.find(query, {"url": 1}))
    return by_aggregation, sum(n - 1 for n in canonical.values() if n > 1)


def site_stats(stats: dict, site: str, kind: str) -> int:
    prefix = f"kznews/{kind}/{site}/"
    return int(sum(v for k, v in stats.items() if k.startswith(prefix) and isinstance(v, int | float)))


def evaluate_row(row: Row, collection, stats: dict, server: FaultServer) -> Result:
    result = Result(row.fault, row.expected)
    docs = list(collection.find({"site": row.name}))
    by_url = {canonicalize_url(d["url"]): d for d in docs}
    expected_urls = {canonicalize_url(article_url(row.name, n)): n for n in range(1, ARTICLES + 1)}
    if row.expected == 0:
        expected_urls = {}
    result.stored = len(by_url)
    result.lost = len(set(expected_urls) - set(by_url))
    result.duplicated = max(duplicates(collection, {"site": row.name}))
    result.blocked = int(stats.get(f"kznews/blocked/{row.name}", 0))
    result.dropped = site_stats(stats, row.name, "dropped")
    result.failed = site_stats(stats, row.name, "failed")
    for url, doc in by_url.items():
        n = expected_urls.get(url)
        if n is None:
            result.wrong += 1
            result.problems.append(f"stored {url}, which should not be")
            continue
        problem = content_problem(row, n, doc)
        if problem:
            result.wrong += 1
            result.problems.append(f"{url}: {problem}")
    for key, count in row.stats.items():
        got = stats.get(f"kznews/{key}", 0)
        if got != count:
            result.problems.append(f"kznews/{key} = {got}, expected {count}")
    for key, count in row.stats_min.items():
        got = stats.get(f"kznews/{key}", 0)
        if got < count:
            result.problems.append(f"kznews/{key} = {got}, expected at least {count}")
    if row.retry_after:
        # not retried before the Retry-After bound, and retried in the end; the upper bound only guards against a
        # hang (a loaded machine may retry late, never early)
        for n in range(1, ARTICLES + 1):
            times = server.times_for(article_url(row.name, n))
            gaps = [b[0] - a[0] for a, b in itertools.pairwise(times) if a[1] == "status"]
            if not gaps or not row.retry_after <= gaps[0] <= RETRY_HANG_GUARD:
                result.problems.append(f"article {n}: retried after {gaps[:1]} s, expected not before "
                                       f"{row.retry_after} s (and within {RETRY_HANG_GUARD} s)")
    if row.max_bytes_sent is not None:
        for n in range(1, ARTICLES + 1):
            sent = server.bytes_sent_for(article_url(row.name, n))
            if sent > row.max_bytes_sent:
                result.problems.append(f"article {n}: the crawler read {sent} bytes (bound {row.max_bytes_sent})")
    for url, doc in by_url.items():
        problem = document_problem(doc)
        if problem and url in expected_urls:
            result.wrong += 1
            result.problems.append(f"{url}: {problem}")
    if row.no_leak:
        canary = sum(count for key, count in server.hits.items() if key.startswith(CANARY_PATH))
        if canary:
            result.problems.append(f"the crawl requested the canary {canary} times (an external entity was fetched)")
        if LEAK["secret"] and any(LEAK["secret"] in json.dumps(doc, default=str) for doc in docs):
            result.wrong += 1
            result.problems.append("a stored document holds the local file's content")
    if stats.get("finish_reason") != "finished":
        result.problems.append(f"finish_reason {stats.get('finish_reason')!r}")
    return result


_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


def document_problem(doc: dict) -> str | None:
    """What makes a stored article invalid (None: nothing): text with control characters or lone surrogates, URLs
    that are not absolute http(s) of sane length, dates outside the date policy."""
    from kznews.extract.html import http_url
    from kznews.extract.timestamps import EARLIEST_PLAUSIBLE, FUTURE_TOLERANCE

    for key in ("title", "summary", "body", "section", "published_at_text", "authors", "tags"):
        values = doc.get(key)
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, str) and _CONTROL_CHARACTERS.search(value):
                return f"{key} holds a control character or a lone surrogate"
    for key in ("url", "fetched_url", "images"):
        values = doc.get(key)
        for value in values if isinstance(values, list) else [values]:
            if value is not None and http_url(value) is None:
                return f"{key} {str(value)[:80]!r} is no absolute http(s) URL of sane length"
    fetched = doc.get("fetched_at")
    for key in ("published_at", "modified_at"):
        value = doc.get(key)
        if value is not None and (value < EARLIEST_PLAUSIBLE or (fetched and value > fetched + FUTURE_TOLERANCE)):
            return f"{key} {value} outside the date policy"
    return None


def content_problem(row: Row, n: int, doc: dict) -> str | None:
    title = title_of(row.name, n)
    if row.title_prefix:
        if not (doc.get("title") or "").startswith(title) or "\ud800" in (doc.get("title") or ""):
            return f"title {doc.get('title')!r}"
    elif doc.get("title") != title:
        return f"title {doc.get('title')!r}"
    body = doc.get("body") or ""
    for paragraph in paragraphs_of(n):
        if paragraph not in body:
            return f"body lacks {paragraph[:30]!r}… (body: {body[:60]!r})"
    published = doc.get("published_at")
    if row.expect_date:
        if published is None or published != published_of(n):
            return f"published_at {published}, expected {published_of(n)}"
    elif published is not None:
        return f"published_at {published}, expected none"
    return None


# --- running crawls -------------------------------------------------------------------------------------------------


def crawl_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "KZNEWS_STATS_FILE"}
    env.update({"KZNEWS_PROFILE": "local", "PYTHONPATH": str(ROOT), "KZNEWS_LOG_LEVEL": "INFO",
                "SCRAPY_SETTINGS_MODULE": SETTINGS_MODULE})
    env.update(extra or {})
    return env


def start_crawl(spider: str, workdir: Path, *, args=None, settings=None, env=None, tag: str = "") -> tuple:
    """`scrapy crawl` in a subprocess with the local profile; returns (process, stats file, log file)."""
    tag = tag or uuid.uuid4().hex[:6]
    stats_file = workdir / f"stats-{spider}-{tag}.json"
    log_file = workdir / f"crawl-{spider}-{tag}.log"
    command = [sys.executable, "-m", "scrapy", "crawl", spider]
    for name, value in (args or {}).items():
        command += ["-a", f"{name}={value}"]
    for name, value in {"SPIDER_MODULES": SPIDER_MODULES, **(settings or {})}.items():
        command += ["-s", f"{name}={value}"]
    environment = crawl_env({"KZNEWS_STATS_FILE": str(stats_file), **(env or {})})
    log = log_file.open("w")
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    return process, stats_file, log_file


def finish_crawl(started: tuple, timeout: float = 180) -> dict:
    process, stats_file, log_file = started
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise RuntimeError(f"crawl did not finish in {timeout:.0f}s; log: {log_file}") from None
    # 1: the run finished but failed its checks (kznews.monitoring.outcome); the scenarios judge its stats
    if process.returncode not in (0, 1) or not stats_file.exists():
        raise RuntimeError(f"crawl failed ({process.returncode}); log: {log_file}\n{log_file.read_text()[-3000:]}")
    stats = json.loads(stats_file.read_text(encoding="utf-8"))
    stats["_log"] = str(log_file)
    return stats


def run_many(names: list[str], settings: dict, out: Path) -> None:
    """In this process: run the named spiders side by side (CrawlerProcess), write every crawler's stats."""
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from kznews.exporters import IsoJSONEncoder

    project = get_project_settings()
    for key, value in settings.items():
        project.set(key, value, priority="cmdline")
    process = CrawlerProcess(project)
    crawlers = []
    for name in names:
        crawler = process.create_crawler(name)
        crawlers.append((name, crawler))
        process.crawl(crawler, sources=ROW[name].sources if name in ROW else "lists", max_pages="1")
    process.start()
    result = {name: dict(crawler.stats.get_stats()) for name, crawler in crawlers}  # incl. finish_reason
    out.write_text(json.dumps(result, cls=IsoJSONEncoder, ensure_ascii=False), encoding="utf-8")


def run_matrix(uri: str, database: str, workdir: Path, rows: list[Row] | None = None) -> list[Result]:
    """The HTTP and content faults: one process, one spider per row. The hostile-input rows run in a second
    process after the others: parsing their pages keeps the reactor busy for seconds, which would otherwise delay
    the timing-sensitive rows (Retry-After, timeouts) beyond what they check."""
    from pymongo import MongoClient

    rows = rows or ROWS
    started = time.monotonic()
    server = serve_matrix(rows).start()
    env = crawl_env({"KZNEWS_HOST_MAP": json.dumps(server.host_map), "MONGO_URI": uri, "MONGO_DATABASE": database})
    groups = [[r for r in rows if not r.name.startswith("hostile-")], [r for r in rows if r.name.startswith("hostile-")]]
    all_stats: dict[str, dict] = {}
    try:
        for index, group in enumerate(g for g in groups if g):
            out = workdir / f"matrix-stats-{index}.json"
            log_file = workdir / f"matrix-{index}.log"
            settings = {**MATRIX_SETTINGS, "SPIDER_MODULES": SPIDER_MODULES}
            if group[0].name.startswith("hostile-"):
                settings["DOWNLOAD_TIMEOUT"] = 60  # no timeout is tested here; parsing stalls the reactor a while
            command = [sys.executable, str(Path(__file__)), "run-many", "--out", str(out), "--settings",
                       json.dumps(settings), ",".join(r.name for r in group)]
            with log_file.open("w") as log:
                completed = subprocess.run(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                           timeout=600, check=False)
            if completed.returncode != 0 or not out.exists():
                raise RuntimeError(f"matrix crawl failed ({completed.returncode}); log: {log_file}\n"
                                   f"{log_file.read_text()[-3000:]}")
            all_stats.update(json.loads(out.read_text(encoding="utf-8")))
    finally:
        server.stop()
    seconds = round(time.monotonic() - started, 1)
    client = MongoClient(uri, tz_aware=True)
    try:
        collection = client[database].articles
        results = []
        for row in rows:
            result = evaluate_row(row, collection, all_stats.get(row.name, {}), server)
            result.seconds = seconds
            results.append(result)
    finally:
        client.close()
    return results


# --- storage and process faults ----------------------------------------------------------------------------------


def _gensite(count: int, latency: float):
    from tests.tools.gensite import GeneratedSite

    site = GeneratedSite(count)
    return site, FaultServer(site.server.routes, latency=latency)


def _stored_result(fault: str, site, collection, stats_list: list[dict], expected: int) -> Result:
    result = Result(fault, expected)
    urls = {canonicalize_url(d["url"]) for d in collection.find({"site": "gensite"}, {"url": 1})}
    wanted = {canonicalize_url(site.url(n)) for n in site.articles}
    result.stored = len(urls)
    result.lost = len(wanted - urls)
    result.wrong = len(urls - wanted)
    result.duplicated = max(duplicates(collection, {"site": "gensite"}))
    for stats in stats_list:
        result.blocked += int(stats.get("kznews/blocked/gensite", 0))
        result.dropped += site_stats(stats, "gensite", "dropped")
        result.failed += site_stats(stats, "gensite", "failed")
    return result


def scenario_mongo_outage(workdir: Path, down_seconds: float = 4.0) -> Result:
    """MongoDB (its own server process) is stopped after some articles are stored, stays down longer than one
    write attempt, and is started again on the same port and storage; the crawl goes on meanwhile."""
    from localdb import free_port, start_server
    from pymongo import MongoClient

    started_at = time.monotonic()
    storage, port = workdir / "outage-db", free_port()
    db_log = workdir / "outage-db.log"
    database, uri = start_server(storage, port, log=db_log)
    site, server = _gensite(60, latency=0.12)
    server.start()
    problems = []
    try:
        crawl = start_crawl(
            "gensite", workdir, tag="outage",
            args={"sources": "lists", "max_pages": "3"},
            settings={"CONCURRENT_REQUESTS": "2", "MONGO_BATCH_SIZE": "5", "MONGO_FLUSH_SECONDS": "0.2",
                      "MONGO_TIMEOUT_MS": "800", "MONGO_RETRY_MAX_SECONDS": "0.5"},
            env={"KZNEWS_HOST_MAP": json.dumps(server.host_map), "MONGO_URI": uri, "MONGO_DATABASE": "outage",
                 "KZNEWS_SPILL_DIR": str(workdir / "outage-spill")},
        )
        with MongoClient(uri, serverSelectionTimeoutMS=2000) as client:
            deadline = time.monotonic() + 60
            while client.outage.articles.count_documents({}) < 10:
                if time.monotonic() > deadline or crawl[0].poll() is not None:
                    raise RuntimeError("the crawl stored nothing before the outage")
                time.sleep(0.05)
            stored_before = client.outage.articles.count_documents({})
        os.killpg(database.pid, signal.SIGTERM)  # the server stops (cleanly: its storage stays intact)
        database.wait(timeout=30)
        stopped = time.monotonic()
        time.sleep(down_seconds)
        hits_during = sum(server.hits.values())
        database, uri = start_server(storage, port, log=db_log)
        down_for = time.monotonic() - stopped
        stats = finish_crawl(crawl)
        with MongoClient(uri, tz_aware=True) as client:
            result = _stored_result(
                f"MongoDB stopped {down_for:.0f} s mid-crawl, restarted", site, client.outage.articles, [stats], 60
            )
        if not stored_before < 60:
            problems.append("the outage did not happen mid-crawl")
        if stats.get("kznews/mongo/outages", 0) < 1 or stats.get("kznews/mongo/write_errors", 0) < 1:
            problems.append("the crawl never saw the outage (no write errors)")
        if hits_during <= 0:
            problems.append("nothing was crawled during the outage")
        if stats.get("finish_reason") != "finished":
            problems.append(f"finish_reason {stats.get('finish_reason')}")
        result.problems += problems
    finally:
        server.stop()
        os.killpg(database.pid, signal.SIGTERM)
        database.wait(timeout=30)
    result.seconds = round(time.monotonic() - started_at, 1)
    return result


def load_spill_command(files: list[str], uri: str, database: str) -> list[dict]:
    completed = subprocess.run(
        [sys.executable, "-m", "kznews", "load-spill", *files], cwd=ROOT, capture_output=True, text=True,
        env=crawl_env({"MONGO_URI": uri, "MONGO_DATABASE": database}), timeout=120, check=False,
    )
    # 1 with its JSON lines: loaded, but lines of a file (one cut short by SIGKILL) could not be read; the scenarios
    # count what was loaded
    if completed.returncode not in (0, 1) or not completed.stdout.lstrip().startswith("{"):
        raise RuntimeError(f"load-spill failed ({completed.returncode}): {completed.stdout}{completed.stderr}")
    return [json.loads(line) for line in completed.stdout.splitlines() if line.startswith("{")]


def scenario_spill(uri: str, database: str, workdir: Path) -> Result:
    """MongoDB is down for the whole crawl (nothing listens on its port) and the buffer is small: the articles
    end up in the spill file, close_spider ends in bounded time, and `load-spill` loads them, twice."""
    from localdb import free_port
    from pymongo import MongoClient

    started_at = time.monotonic()
    spill_dir = workdir / "spill"
    site, server = _gensite(30, latency=0.0)
    dead = f"mongodb://127.0.0.1:{free_port()}"
    with server:
        crawl = start_crawl(
            "gensite", workdir, tag="spill",
            args={"sources": "lists", "max_pages": "2"},
            settings={"KZNEWS_SPILL_AFTER": "5", "MONGO_BATCH_SIZE": "5", "MONGO_FLUSH_SECONDS": "0.2",
                      "MONGO_TIMEOUT_MS": "500", "MONGO_CLOSE_TIMEOUT": "2", "MONGO_RETRY_MAX_SECONDS": "0.5"},
            env={"KZNEWS_HOST_MAP": json.dumps(server.host_map), "MONGO_URI": dead, "MONGO_DATABASE": database,
                 "KZNEWS_SPILL_DIR": str(spill_dir)},
        )
        stats = finish_crawl(crawl, timeout=120)
    crawl_seconds = time.monotonic() - started_at
    files = sorted(str(p) for p in spill_dir.glob("*.jsonl"))
    problems = []
    if len(files) != 1:
        problems.append(f"spill files: {files}")
    spilled = sum(1 for f in files for line in Path(f).read_text().splitlines() if line.strip())
    if spilled != 30 or stats.get("kznews/spill/items") != 30:
        problems.append(f"spilled {spilled} lines, stats say {stats.get('kznews/spill/items')}, expected 30")
    first = load_spill_command(files, uri, database) if files else []
    second = load_spill_command(files, uri, database) if files else []
    if sum(r["inserted"] for r in first) != 30:
        problems.append(f"first load: {first}")
    if sum(r["inserted"] + r["updated"] for r in second) != 0:
        problems.append(f"second load changed documents: {second}")
    with MongoClient(uri, tz_aware=True) as client:
        result = _stored_result(
            "MongoDB down all crawl: spill, load-spill x2", site, client[database].articles, [stats], 30
        )
    if crawl_seconds > 60:
        problems.append(f"the crawl took {crawl_seconds:.0f}s with the database down (close must be bounded)")
    result.problems += problems
    result.seconds = round(time.monotonic() - started_at, 1)
    return result


def scenario_sigkill(uri: str, database: str, workdir: Path) -> Result:
    """`scrapy crawl` with JOBDIR is killed with SIGKILL while articles sit in the write buffer, then resumed with
    the same JOBDIR."""
    from pymongo import MongoClient

    started_at = time.monotonic()
    jobdir = workdir / "job-sigkill"
    site, server = _gensite(60, latency=0.04)
    problems = []
    with server:
        settings = {"JOBDIR": str(jobdir), "CONCURRENT_REQUESTS": "4"}  # default batching: 200 items or 2 s
        env = {"KZNEWS_HOST_MAP": json.dumps(server.host_map), "MONGO_URI": uri, "MONGO_DATABASE": database}
        args = {"sources": "lists", "max_pages": "3"}
        first = start_crawl("gensite", workdir, tag="killed", args=args, settings=settings, env=env)
        deadline = time.monotonic() + 60
        while sum(v for k, v in server.hits.items() if "-generated-story" in k) < 25:
            if time.monotonic() > deadline or first[0].poll() is not None:
                raise RuntimeError(f"the crawl ended before the kill; log: {first[2]}")
            time.sleep(0.005)
        first[0].send_signal(signal.SIGKILL)
        first[0].wait()
        with MongoClient(uri) as client:
            at_kill = client[database].articles.count_documents({"site": "gensite"})
        fetched_at_kill = sum(v for k, v in server.hits.items() if "-generated-story" in k)
        stats = finish_crawl(start_crawl("gensite", workdir, tag="resumed", args=args, settings=settings, env=env))
    with MongoClient(uri, tz_aware=True) as client:
        result = _stored_result("SIGKILL mid-crawl, resumed (JOBDIR)", site, client[database].articles, [stats], 60)
    if at_kill >= fetched_at_kill:
        problems.append(f"nothing was waiting in the write buffer at the kill ({at_kill} stored)")
    if stats.get("kznews/journal/recovered") != 1:
        problems.append("the resumed run did not recover from the journal")
    result.problems += problems
    result.seconds = round(time.monotonic() - started_at, 1)
    return result


def scenario_overlap(uri: str, database: str, workdir: Path) -> Result:
    """Two processes of the same spider crawl the same site into the same database at the same time."""
    from pymongo import MongoClient

    started_at = time.monotonic()
    site, server = _gensite(60, latency=0.01)
    with server:
        env = {"KZNEWS_HOST_MAP": json.dumps(server.host_map), "MONGO_URI": uri, "MONGO_DATABASE": database}
        args = {"sources": "lists", "max_pages": "3"}
        settings = {"MONGO_BATCH_SIZE": "10", "MONGO_FLUSH_SECONDS": "0.2"}
        runs = [start_crawl("gensite", workdir, tag=f"overlap{i}", args=args, settings=settings, env=env)
                for i in (1, 2)]
        stats = [finish_crawl(run) for run in runs]
    with MongoClient(uri, tz_aware=True) as client:
        result = _stored_result("two overlapping runs", site, client[database].articles, stats, 60)
    written = [s.get("kznews/mongo/upserted", 0) + s.get("kznews/mongo/modified", 0) for s in stats]
    scraped = [s.get("item_scraped_count", 0) for s in stats]
    if min(scraped) == 0:
        result.problems.append(f"the runs did not overlap (items per run: {scraped}, written: {written})")
    result.seconds = round(time.monotonic() - started_at, 1)
    return result


def scenario_warc_bombs(uri: str, database: str, workdir: Path) -> Result:
    """A crawl replayed from a WARC file (WARC_REPLAY, the network never used) whose archive holds gzip bombs
    between the good records: a record that declares 4 GiB, one whose member unpacks to 4 GiB behind a small
    Content-Length, a member of 2 GiB of NUL bytes and garbage bytes, and the third article recorded with a
    Content-Encoding body that unpacks to 1 GiB. The index skips the bombs (counted), the two good articles are
    stored, the third is a counted too_large failure, and the crawl stays small and quick."""
    import gzip as gzip_module

    from pymongo import MongoClient
    from warcio.warcwriter import WARCWriter

    from kznews.warc import write_response_record
    from tests.data.hostile import gzipbomb, warcs

    started_at = time.monotonic()
    page = Page()
    fetched = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)
    path = workdir / "bombs.warc.gz"
    html = "text/html; charset=utf-8"
    with path.open("wb") as out:
        def record(url: str, body: bytes, headers=(("Content-Type", html),)) -> None:
            write_response_record(WARCWriter(out, gzip=True, warc_version="1.1"), url, 200, list(headers), body,
                                  fetched)

        record(f"{origin(WARC_SITE)}/news/", list_html(WARC_SITE, page).encode())
        record(article_url(WARC_SITE, 1), article_bytes(WARC_SITE, 1, page))
        bomb_url = f"{origin(WARC_SITE)}/news/101-bomb-honest/"
        out.write(gzipbomb.zeros(warcs.WARC_BOMB, warcs.warc_headers(bomb_url, warcs.WARC_BOMB) + warcs.HTTP_HEAD))
        out.write(gzipbomb.zeros(warcs.WARC_BOMB, warcs.warc_headers(article_url(WARC_SITE, 2) + "?lying", 2000)))
        record(article_url(WARC_SITE, 2), article_bytes(WARC_SITE, 2, page))
        out.write(gzipbomb.zeros(warcs.WARC_BOMB // 2) + b"garbage between records " * 100)
        record(article_url(WARC_SITE, 3), gzipbomb.zeros(1024**3, b"<html><body>"),
               (("Content-Type", html), ("Content-Encoding", "gzip")))
        out.write(gzip_module.compress(b"WARC/1.1\r\nWARC-Type: response\r\nX-Endless: " + b"a" * 200_000))
    stats = finish_crawl(start_crawl(
        WARC_SITE, workdir, tag="warc", args={"sources": "lists", "max_pages": "1"},
        settings={"WARC_REPLAY": str(path)},
        env={"KZNEWS_HOST_MAP": json.dumps({"*": "http://127.0.0.1:9/{host}"}), "MONGO_URI": uri,
             "MONGO_DATABASE": database},
    ))
    result = Result("WARC replay: gzip bombs between records", 2)
    with MongoClient(uri, tz_aware=True) as client:
        docs = list(client[database].articles.find({"site": WARC_SITE}))
        by_url = {canonicalize_url(d["url"]): d for d in docs}
        wanted = {canonicalize_url(article_url(WARC_SITE, n)): n for n in (1, 2)}
        result.stored = len(by_url)
        result.lost = len(set(wanted) - set(by_url))
        result.duplicated = max(duplicates(client[database].articles, {"site": WARC_SITE}))
        for url, doc in by_url.items():
            problem = content_problem(Row(WARC_SITE, "", 2), wanted[url], doc) if url in wanted else "unexpected"
            problem = problem or document_problem(doc)
            if problem:
                result.wrong += 1
                result.problems.append(f"{url}: {problem}")
    result.dropped = site_stats(stats, WARC_SITE, "dropped")
    result.failed = site_stats(stats, WARC_SITE, "failed")
    expected = {"kznews/failed/hostile-warc/too_large": 1, "kznews/decompression_bomb/hostile-warc": 1,
                "warc/skipped/too_large": 1, "warc/skipped/over_length": 1, "warc/skipped/bad_header": 2}
    for key, count in expected.items():
        if stats.get(key, 0) != count:
            result.problems.append(f"{key} = {stats.get(key, 0)}, expected {count}")
    if stats.get("finish_reason") != "finished":
        result.problems.append(f"finish_reason {stats.get('finish_reason')!r}")
    if stats.get("downloader/request_count", 0) != stats.get("warc/replayed", 0) + stats.get("warc/replay_miss", 0):
        result.problems.append("a request went past the archive")
    result.seconds = round(time.monotonic() - started_at, 1)
    return result


# --- the table -------------------------------------------------------------------------------------------------------

COLUMNS = ("fault", "expected", "stored", "lost", "duplicated", "blocked", "dropped", "failed", "wrong", "ok")


def table(results: list[Result]) -> str:
    header = ["fault", "items expected", "stored", "lost", "duplicated", "blocked", "dropped", "failed", "wrong", "ok"]
    rows = [[r.fault, r.expected, r.stored, r.lost, r.duplicated, r.blocked, r.dropped, r.failed, r.wrong,
             "yes" if r.ok else "NO"] for r in results]
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows, strict=False)]
    lines = []
    for index, values in enumerate([header, *rows]):
        cells = [str(v).ljust(w) if i == 0 else str(v).rjust(w) for i, (v, w) in enumerate(zip(values, widths,
                                                                                              strict=False))]
        lines.append(" | ".join(cells))
        if index == 0:
            lines.append("-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def summary(results: list[Result], seconds: float) -> dict:
    return {
        "faults": len(results),
        "items_expected": sum(r.expected for r in results),
        "items_stored": sum(r.stored for r in results),
        "lost": sum(r.lost for r in results),
        "duplicates": sum(r.duplicated for r in results),
        "blocked": sum(r.blocked for r in results),
        "dropped": sum(r.dropped for r in results),
        "failed": sum(r.failed for r in results),
        "wrong": sum(r.wrong for r in results),
        "rows_not_ok": [r.fault for r in results if not r.ok],
        "seconds": round(seconds, 1),
        "ok": all(r.ok for r in results),
    }


SCENARIOS = ("http", "outage", "spill", "sigkill", "overlap", "warc")


def run_all(uri: str, workdir: Path, only: tuple[str, ...] = SCENARIOS) -> list[Result]:
    from pymongo import MongoClient

    database = f"kznews_chaos_{uuid.uuid4().hex[:8]}"
    results: list[Result] = []
    client = MongoClient(uri)
    try:
        if "http" in only:
            results += run_matrix(uri, database, workdir)
        if "outage" in only:
            results.append(scenario_mongo_outage(workdir))
        if "spill" in only:
            results.append(scenario_spill(uri, database + "_spill", workdir))
        if "sigkill" in only:
            results.append(scenario_sigkill(uri, database + "_kill", workdir))
        if "overlap" in only:
            results.append(scenario_overlap(uri, database + "_overlap", workdir))
        if "warc" in only:
            results.append(scenario_warc_bombs(uri, database + "_warc", workdir))
    finally:
        for suffix in ("", "_spill", "_kill", "_overlap", "_warc"):
            client.drop_database(database + suffix)
        client.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command")
    many = sub.add_parser("run-many", help=argparse.SUPPRESS)
    many.add_argument("--out", required=True)
    many.add_argument("--settings", default="{}")
    many.add_argument("names")
    parser.add_argument("--only", default=",".join(SCENARIOS), help=f"comma-separated: {', '.join(SCENARIOS)}")
    parser.add_argument("--keep", action="store_true", help="keep the work directory (logs, stats)")
    args = parser.parse_args(argv)
    if args.command == "run-many":
        run_many(args.names.split(","), json.loads(args.settings), Path(args.out))
        return 0
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="kznews-chaos-"))
    database = None
    uri = os.environ.get("MONGO_URI")
    try:
        if not uri:
            from localdb import start_server

            database, uri = start_server(workdir / "mongo", log=workdir / "mongo.log")
        results = run_all(uri, workdir, tuple(x.strip() for x in args.only.split(",") if x.strip()))
    finally:
        if database is not None:
            os.killpg(database.pid, signal.SIGTERM)
            database.wait(timeout=30)
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print(table(results))
    for result in results:
        for problem in result.problems:
            print(f"  {result.fault}: {problem}")
    if args.keep:
        print(f"work directory: {workdir}")
    print(json.dumps(summary(results, time.monotonic() - started), ensure_ascii=False))
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
