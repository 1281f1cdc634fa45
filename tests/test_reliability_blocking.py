"""Bot-protection pages: recognised (kznews.blocking.detect_challenge), counted per site, retried later, never
passed to extraction; and never confused with a real article (every real and constructed fixture page)."""

import gzip
import time
from pathlib import Path

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler
from warcio.archiveiterator import ArchiveIterator

from kznews.backoff import NOT_BEFORE
from kznews.blocking import detect_challenge
from kznews.downloadermiddlewares.challenge import ChallengeMiddleware
from tests.tools import chaos
from tests.tools.gensite import GeneratedSite

FIXTURES = Path(__file__).parent / "fixtures"

CHALLENGES = {
    "cloudflare": chaos.CLOUDFLARE,
    "checking": chaos.CHECKING,
    "ddos-guard": chaos.DDOS_GUARD,
    "captcha": chaos.CAPTCHA,
    "js-shell": chaos.JS_SHELL,
    "cloudflare-ru": """<!DOCTYPE html><html lang="ru-RU"><head><title>Один момент…</title></head><body>
        <h1>news.example.kz</h1><p>Проверяем, человек ли вы. Это может занять несколько секунд.</p>
        <script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=1"></script></body></html>""".encode(),
    "turnstile": b"""<html><head><title>Security check</title></head><body><div class="cf-turnstile"
        data-sitekey="0x4AAA"></div></body></html>""",
    "variti": b"""<html><head><script src="/__variti/challenge.js"></script></head><body><p>Loading</p></body></html>""",
    "proverka": """<html><head><title>Проверка браузера</title></head><body><p>Пожалуйста, подождите...</p>
        </body></html>""".encode(),
    "react-shell": b"""<!doctype html><html><head><script defer src="/static/js/main.8f2c.js"></script></head>
        <body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>""",
}
KINDS = {
    "cloudflare": "cloudflare", "checking": "cloudflare", "ddos-guard": "ddos-guard", "captcha": "captcha",
    "js-shell": "js-shell", "cloudflare-ru": "cloudflare", "turnstile": "captcha", "variti": "browser-check",
    "proverka": "browser-check", "react-shell": "js-shell",
}


@pytest.mark.parametrize("name", sorted(CHALLENGES))
def test_challenge_pages_are_recognised(name):
    assert detect_challenge(CHALLENGES[name]) == KINDS[name]
    assert detect_challenge(CHALLENGES[name].decode("utf-8")) == KINDS[name]  # text as well as bytes


def test_cloudflare_header_alone_is_enough():
    assert detect_challenge(b"<html><body>anything</body></html>", {"cf-mitigated": "challenge"}, 403) == "cloudflare"


def _fixture_pages() -> dict[str, bytes]:
    pages = {str(p.relative_to(FIXTURES)): p.read_bytes() for p in FIXTURES.rglob("*.html")}
    with (FIXTURES / "warc" / "demo.warc.gz").open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "response":
                body = record.content_stream().read()
                if body[:2] == b"\x1f\x8b":
                    body = gzip.decompress(body)
                pages["warc:" + record.rec_headers.get_header("WARC-Target-URI")] = body
    return pages


PAGES = _fixture_pages()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_real_or_constructed_page_is_taken_for_a_challenge(name):
    assert detect_challenge(PAGES[name]) is None


def test_real_pages_are_covered():
    assert sum(name.startswith("real/") for name in PAGES) >= 7
    assert sum(name.startswith("sites/") for name in PAGES) >= 9


def test_short_articles_about_protection_are_not_challenges():
    site = GeneratedSite(1, paragraphs=2)
    article = site.article_html(1)
    for words in ("Вы не робот? Как банки проверяют клиентов: captcha и DDoS-Guard",
                  "Just a moment: Cloudflare and DDoS-Guard explained"):
        page = article.replace("<h1>", f"<h1>{words} ").replace("<title>", f"<title>{words} — ")
        page = page.replace("</body>", '<iframe src="https://www.google.com/recaptcha/api2/aframe"></iframe>'
                                        '<script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script></body>')
        assert detect_challenge(page) is None, words
    for row in chaos.ROWS:  # every generated article page of the fault matrix
        if not row.page.binary:
            assert detect_challenge(chaos.article_html(row.name, 1, row.page)) is None, row.name


def test_browser_rendered_shells_are_allowed():
    assert detect_challenge(CHALLENGES["react-shell"], allow_shell=True) is None
    assert detect_challenge(chaos.CLOUDFLARE, allow_shell=True) == "cloudflare"  # a challenge still is one


def test_feeds_json_and_empty_bodies_are_not_challenges():
    assert detect_challenge(b"") is None
    assert detect_challenge(b'<?xml version="1.0"?><rss><channel><title>Just a moment</title></channel></rss>') is None
    assert detect_challenge(b'{"title": "Just a moment..."}') is None


class _Spider(Spider):
    name = "blocksite"


def _middleware(**settings):
    crawler = get_crawler(_Spider, {"KZNEWS_BLOCKED_BACKOFF_BASE": 4.0, "KZNEWS_BLOCKED_RETRY_TIMES": 2, **settings})
    crawler.spider = _Spider.from_crawler(crawler)
    return crawler, ChallengeMiddleware.from_crawler(crawler)


def test_middleware_counts_retries_later_and_never_passes_a_challenge_on():
    crawler, middleware = _middleware()
    request = Request("https://news.example.kz/news/1-story/")
    challenge = HtmlResponse(request.url, body=chaos.CLOUDFLARE, request=request)
    before = time.time()
    retry = middleware.process_response(request, challenge)
    after = time.time()
    assert isinstance(retry, Request) and retry.dont_filter
    assert retry.meta[NOT_BEFORE] > 0
    stats = crawler.stats.get_stats()
    assert stats["kznews/blocked/blocksite"] == 1  # the key monitors read
    assert stats["kznews/blocking/blocksite/cloudflare"] == 1
    # the host is left alone during the back-off (2-4 s for the first retry with base 4)
    from kznews.backoff import backoff_for

    until = backoff_for(crawler).cooldowns["news.example.kz"]
    assert before + 2.0 <= until <= after + 4.0  # exact bounds, whatever the machine's load
    assert backoff_for(crawler).wait_for(Request("https://news.example.kz/other/")) > 0
    second = middleware.process_response(retry, HtmlResponse(request.url, body=chaos.CLOUDFLARE, request=retry))
    assert isinstance(second, Request)
    with pytest.raises(IgnoreRequest):
        middleware.process_response(second, HtmlResponse(request.url, body=chaos.CLOUDFLARE, request=second))
    stats = crawler.stats.get_stats()
    assert stats["kznews/blocked/blocksite"] == 3
    assert stats["kznews/failed/blocksite/blocked"] == 1
    assert stats["kznews/blocking/blocksite/gave_up"] == 1


def test_middleware_passes_real_pages_untouched():
    crawler, middleware = _middleware()
    request = Request("https://gen.example.kz/news/1-generated-story/")
    response = HtmlResponse(request.url, body=GeneratedSite(1).article_html(1).encode(), request=request,
                            headers={"Content-Type": "text/html; charset=utf-8"})
    assert middleware.process_response(request, response) is response
    assert "kznews/blocked/blocksite" not in crawler.stats.get_stats()
