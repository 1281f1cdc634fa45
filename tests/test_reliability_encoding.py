"""Encoding repair (kznews.encoding): windows-1251 with and without a declaration, mislabelled UTF-8, BOMs, on the
real tengrinews pages re-encoded and on short texts."""

import html
import re
from pathlib import Path

import pytest
from scrapy import Request, Spider
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from kznews.downloadermiddlewares.encoding import EncodingMiddleware
from kznews.encoding import cyrillic_score, detect_encoding, utf8_verdict

FIXTURES = Path(__file__).parent / "fixtures"
REAL = sorted((FIXTURES / "real" / "tengrinews").glob("*.html")) + sorted((FIXTURES / "sites" / "tengrinews").glob("*.html"))
META = re.compile(r"<meta[^>]*charset[^>]*>", re.IGNORECASE)


def _undeclared(path: Path) -> str:
    return META.sub("", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_pages_in_every_encoding_and_label(path):
    text = path.read_text(encoding="utf-8")
    plain = _undeclared(path)
    cp1251 = plain.encode("cp1251", errors="xmlcharrefreplace")
    assert detect_encoding(cp1251) == "cp1251"  # no declaration at all
    assert detect_encoding(cp1251, header="utf-8") == "cp1251"  # labelled UTF-8
    assert detect_encoding(cp1251, header="windows-1251") == "cp1251"
    assert detect_encoding(cp1251, meta="windows-1251") == "cp1251"
    assert detect_encoding(text.encode(), header="windows-1251") == "utf-8"  # UTF-8 labelled windows-1251
    assert detect_encoding(text.encode(), meta="windows-1251") == "utf-8"
    assert detect_encoding(b"\xef\xbb\xbf" + text.encode(), header="windows-1251") == "utf-8"
    assert detect_encoding(plain.encode("koi8_r", errors="xmlcharrefreplace")) == "koi8_r"
    # A UTF-8 page with a stray broken byte is still UTF-8.
    assert detect_encoding(text.encode()[:-200] + b"\xd0" + text.encode()[-200:]) == "utf-8"


def test_real_pages_decode_to_the_same_text_through_a_response():
    crawler = get_crawler(Spider)
    crawler.spider = Spider("x")
    middleware = EncodingMiddleware.from_crawler(crawler)
    wrong_before = 0
    for path in REAL:
        plain = _undeclared(path)
        request = Request("https://tengrinews.kz/news/x/")
        response = HtmlResponse(request.url, body=plain.encode("cp1251", errors="xmlcharrefreplace"), request=request,
                                headers={"Content-Type": "text/html"})
        title = re.search(r"<h1[^>]*>(.*?)</h1>", plain, re.S)
        if title is None:
            continue
        wrong_before += title.group(1) not in html.unescape(response.text)
        fixed = middleware.process_response(request, response)
        assert title.group(1) in html.unescape(fixed.text), path.name
    # Scrapy's own guess (charset_normalizer) reads several of these as cp1125/cp1250/cp1006: why this exists.
    assert wrong_before >= 1


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("<title>Алматы</title>", "cp1251"),
        ("<title>Путин и Токаев</title><p>Ещё одна встреча</p>", "cp1251"),
        ("<p>Қазақстан жаңалықтары: Ақорда хабарлады</p>", "kz1048"),
        ("<p>Café olé, naïve résumé</p>", "cp1252"),
    ],
)
def test_short_texts(text, encoding):
    assert detect_encoding(text.encode(encoding)) == encoding


def test_boms_win_and_ascii_needs_no_decision():
    body = "<p>Привет</p>"
    assert detect_encoding(body.encode("utf-16")) == "utf-16-le"
    assert detect_encoding(b"\xef\xbb\xbf" + body.encode(), header="windows-1251") == "utf-8"
    assert detect_encoding(b"<p>plain</p>") is None
    assert detect_encoding(b"<p>plain</p>", header="windows-1251") == "cp1251"
    assert utf8_verdict(b"ascii only") is None


def test_latin_text_read_as_cyrillic_scores_low():
    assert cyrillic_score("résumé café".encode("cp1252"), "cp1251") < 0.5
    assert cyrillic_score("новости дня".encode("cp1251"), "cp1251") > 0.9
