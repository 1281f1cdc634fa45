"""Hostile input (issue 14): every case of the corpus in tests/data/hostile through every parser (article and list
pages with two site definitions, feeds, sitemaps, zakon.kz's JSON list hook) and through WARC replay.

No exception escapes; no entity is expanded or fetched (the external entities point at a local file whose content
must not appear anywhere in a result, and at a local server that must see no request); every result keeps its
invariants (tests/data/hostile/parsers.py: types, aware and plausible dates, absolute http(s) URLs of sane length,
no control characters), and an article is either a valid item or a counted drop. Time and memory per case are
measured by `make bench-hostile`, not asserted here.
"""

from __future__ import annotations

import gzip
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from kznews.downloadermiddlewares.compression import HttpCompressionMiddleware
from kznews.downloadermiddlewares.warc import WarcMiddleware
from kznews.extract.html import MAX_ATTRIBUTES, MAX_TAGS, bounded, parse_html
from kznews.sites import SITES
from kznews.warc import WarcArchive
from tests.data.hostile import gzipbomb, warcs
from tests.data.hostile import parsers as P
from tests.data.hostile.cases import CASES, PARAGRAPHS, TITLE, Target

EXPANDED = ("lollollol", "x" * 1000)  # what an expanded billion-laughs or quadratic-blowup entity leaves


@pytest.fixture(scope="module")
def canary():
    """A local HTTP server that records every request: external entities point here."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            body = b'<!ENTITY leaked "CANARY-FETCHED">'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/canary", hits
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def target(tmp_path_factory, canary):
    secret = tmp_path_factory.mktemp("secret") / "secret.txt"
    token = f"KZNEWS-SECRET-{uuid.uuid4().hex}"
    secret.write_text(token + "\n")
    return Target(secret_path=str(secret), canary_url=canary[0]), token


def _results(body: bytes) -> dict[str, object]:
    results = {}
    for parser in ("article", "list"):
        for site in P.SITES:
            results[f"{parser}/{site}"] = P.PARSERS[parser](body, site)
    for parser in ("feed", "sitemap", "json_list"):
        results[parser] = P.PARSERS[parser](body)
    return results


def _protocol_limit(results, parser: str) -> None:
    from kznews.extract.feeds import MAX_FEED_ENTRIES, MAX_SITEMAP_ENTRIES

    found = results[parser] if parser == "feed" else results[parser].entries
    skipped = results[parser].skipped
    assert len(found) == (MAX_FEED_ENTRIES if parser == "feed" else MAX_SITEMAP_ENTRIES)
    assert skipped["over_limit"] == 1


# What some cases must give besides the invariants (checked on the same results).
EXPECTED = {
    "sitemap-many-urls": lambda results: _protocol_limit(results, "sitemap"),
    "sitemap-gz-bomb": lambda results: _protocol_limit(results, "sitemap"),
    "rss-many-items": lambda results: _protocol_limit(results, "feed"),
    "sitemap-gz-zeros": lambda results: results["sitemap"] == "unreadable" or pytest.fail("read"),
    "sitemap-gz-corrupt": lambda results: results["sitemap"] == "unreadable" or pytest.fail("read"),
    "json-deep": lambda results: results["json_list"] == "unreadable" or pytest.fail("read"),
    # 20,000 cards, read up to the tag budget of a page (kznews.extract.html.MAX_TAGS: 8 tags a card)
    "json-huge": lambda results: len(results["json_list"].entries) == 6_250 or pytest.fail("cards lost"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_every_parser_survives_the_case(name, target, canary):
    corpus_target, token = target
    body = CASES[name].body(corpus_target)
    results = _results(body)  # no exception escapes
    if name in EXPECTED:
        EXPECTED[name](results)
    for key, result in results.items():
        parser = key.split("/")[0]
        assert P.problems(parser, result) == [], (name, key)
        text = P.flatten_text(result)
        assert token not in text, f"{name} {key}: the local file's content leaked"
        assert "CANARY-FETCHED" not in text
        for expansion in EXPANDED:
            assert expansion not in text or expansion in body.decode("utf-8", "replace"), f"{name} {key}: expanded"
    assert canary[1] == [], f"{name}: the parsers fetched {canary[1]}"


def _verdict(name: str, site: str = "hostile"):
    return P.pipeline_verdict(P.run_article(CASES[name].body(), site))


def test_an_article_survives_nul_and_invalid_utf8_in_every_field():
    data = P.run_article(CASES["html-bad-bytes"].body())
    # The JSON-LD headline "Заго<NUL><0xFF>ловок \u0000 \ud800 конец": damaged bytes and the lone surrogate
    # become U+FFFD, the escaped NUL is dropped.
    assert data.title == "Заго\ufffd\ufffdловок \ufffd конец"
    assert data.published_at.isoformat() == "2026-01-09T10:30:00+05:00"
    for paragraph in PARAGRAPHS:
        assert paragraph.split()[0] in data.body
    assert _verdict("html-bad-bytes").item is not None


@pytest.mark.parametrize("name", ["html-deep-after", "html-one-line", "html-xxe", "html-billion-laughs",
                                  "html-entity-flood", "html-nested-itemprop", "html-jsonld-huge",
                                  "html-jsonld-deep", "html-jsonld-deep-readable", "html-whitespace"])
def test_the_article_is_still_read(name):
    """Hostile markup around a normal article costs nothing of the article: title, body and date."""
    data = P.run_article(CASES[name].body())
    assert data.title == (TITLE + " &xxe;&net;" if name == "html-xxe" else TITLE), name  # unknown entities stay text
    assert all(p in data.body for p in PARAGRAPHS), name
    assert data.published_at is not None and data.published_at.isoformat() == "2026-01-09T10:30:00+05:00", name


@pytest.mark.parametrize("name", ["html-deep-div", "html-deep-unclosed", "html-deep-table"])
def test_deep_nesting_gives_an_article_or_a_counted_drop(name):
    verdict = _verdict(name)
    assert (verdict.item is None) != (verdict.dropped is None)
    if verdict.item is not None:
        assert verdict.item.title and len(verdict.item.body) >= 50


@pytest.mark.parametrize("name", [n for n in CASES if n.startswith("html-dates-")])
def test_absurd_dates_are_never_kept(name):
    data = P.run_article(CASES[name].body())
    verdict = P.pipeline_verdict(data)
    assert verdict.item is not None
    assert verdict.item.published_at is None and verdict.item.modified_at is None, verdict.item


def test_feeds_and_sitemaps_drop_absurd_dates_and_count_them():
    feed = P.run_feed(CASES["rss-absurd-dates"].body())
    # Only "1767225600000" reads as an instant: 2026-01-01 in milliseconds, before the fetch.
    assert [e.published_at and e.published_at.isoformat() for e in feed] == [
        None, None, "2026-01-01T05:00:00+05:00", None, None, None, None, None]
    assert feed.skipped["bad_date"] >= 4
    for name in ("atom-absurd-dates", "sitemap-absurd-dates"):
        entries = (P.run_feed if name.startswith("atom") else P.run_sitemap)(CASES[name].body())
        entries = entries if isinstance(entries, list) else entries.entries
        assert len(entries) == 8 and all(e.modified_at is None for e in entries), name
        assert all(e.published_at is None for e in entries if e.date_text != "1767225600000"), name


def test_long_urls_are_not_taken():
    data = P.run_article(CASES["html-long-urls"].body())
    assert data.url == "https://hostile.example.kz/news/1-hostile-story"  # the 100,000-character canonical ignored
    assert all(len(u) < 3000 for u in data.images)
    listing = P.run_list(CASES["html-long-urls"].body())
    assert all(len(e.url) < 3000 for e in listing.entries) and all(len(u) < 3000 for u in listing.next)
    assert P.run_feed(CASES["feed-long-urls"].body()).skipped["bad_url"] == 2
    assert P.run_sitemap(CASES["sitemap-long-urls"].body()).skipped["bad_url"] == 1


def test_page_bounds_cut_only_hostile_pages():
    normal = (b"<html><body>" + b"<p>x</p>" * 1000 + b"</body></html>")
    assert bounded(normal) == normal
    flood = b"<b>" * (MAX_TAGS + 10)
    assert bounded(flood).count(b"<") == MAX_TAGS - 1
    attributes = b"<div " + b" ".join(b'a%d="x"' % i for i in range(5000)) + b">t</div>"
    tamed = bounded(attributes)
    assert tamed.count(b"=") == MAX_ATTRIBUTES and tamed.endswith(b">t</div>")
    started = time.process_time()
    tree = parse_html(CASES["html-many-attributes"].body(), encoding="utf-8")
    assert time.process_time() - started < 60  # a hang guard: unbounded, this page takes minutes
    assert tree.xpath("string(//h1)") == TITLE


@pytest.mark.parametrize("site", [SITES[name] for name in sorted(SITES)], ids=lambda s: s.name)
def test_small_cases_through_every_site(site):
    """Every site's own regexes and selectors (datelines, title suffixes, boilerplate) on the small HTML cases."""
    from kznews.extract import extract_article, extract_list

    origin = site.editions[0].origin
    for name, body in SMALL_HTML.items():
        data = extract_article(body, origin + "/news/hostile-page-600003/", site, "ru", P.FETCHED_AT,
                               tree=P.tree_of(body))
        assert P.problems("article", data) == [], (site.name, name)
        listing = extract_list(body, origin + "/news/", site, "ru", P.FETCHED_AT, tree=P.tree_of(body))
        assert P.problems("list", listing) == [], (site.name, name)


class _SmallHtml(dict):
    """The HTML cases of a few kilobytes, made on first use."""

    PREFIXES = ("html-dates-", "html-bad-bytes", "html-xxe", "html-billion-laughs", "html-dots-title", "html-empty",
                "html-jsonld-deep-readable")

    def items(self):
        if not self:
            self.update({name: CASES[name].body() for name in CASES if name.startswith(self.PREFIXES)})
        return super().items()


SMALL_HTML = _SmallHtml()


# --- WARC ------------------------------------------------------------------------------------------------------


def test_warc_bombs_are_skipped_and_every_good_record_is_found(tmp_path):
    path = warcs.write_bomb_warc(tmp_path / "bombs.warc.gz")
    assert path.stat().st_size < 20 * 1024 * 1024  # three members unpack to 10 GiB
    started = time.process_time()
    archive = WarcArchive([path])
    assert time.process_time() - started < 60  # a hang guard: inflating the bombs takes minutes
    for url in warcs.GOOD:
        status, _headers, body, fetched = archive.get(url)
        assert status == 200 and url.encode() in body and fetched == warcs.FETCHED_AT
    for url in (warcs.BOMB_HONEST, warcs.BOMB_LYING, warcs.LONG_URI, *warcs.BROKEN):
        assert archive.get(url) is None, url
    assert archive.skipped == {"too_large": 1, "over_length": 1, "bad_header": 3, "bad_length": 2, "bad_date": 3,
                               "no_uri": 1, "truncated": 1}
    # The record whose HTTP body is a gzip bomb is small: it is replayed, and decompression is bounded later.
    assert len(archive.get(warcs.HTTP_BOMB)[2]) < 10 * 1024 * 1024


def test_plain_warc_with_lying_lengths(tmp_path):
    archive = WarcArchive([warcs.write_plain_warc(tmp_path / "plain.warc")])
    assert {url for url in warcs.GOOD[:4] if archive.get(url)} == set(warcs.GOOD[:4])
    assert archive.get(warcs.BOMB_HONEST) is None and archive.get(warcs.BOMB_LYING) is None
    assert archive.skipped == {"bad_length": 2, "not_warc": 1}


def test_every_case_replays_from_warc_byte_for_byte(tmp_path):
    records = {}
    for name, case in CASES.items():
        body = case.body()
        if len(body) <= 10 * 1024 * 1024 or name == "html-one-line":
            records[f"https://hostile.example.kz/replay/{name}/"] = ("text/html; charset=utf-8", body)
    archive = WarcArchive([warcs.write_corpus_warc(tmp_path / "corpus.warc.gz", records)])
    assert archive.skipped == {}
    for url, (_, body) in records.items():
        if len(body) > 10 * 1024 * 1024:
            with pytest.raises(ValueError):
                archive.get(url, 10 * 1024 * 1024)
        else:
            assert archive.get(url, 10 * 1024 * 1024)[2] == body, url


class _Spider(Spider):
    name = "hostile"


def test_replay_of_an_oversized_record_is_a_counted_failure(tmp_path):
    big = b"<html><body>" + b"x" * (2 * 1024 * 1024) + b"</body></html>"
    path = warcs.write_corpus_warc(tmp_path / "big.warc.gz", {"https://hostile.example.kz/big/": ("text/html", big)})
    crawler = get_crawler(_Spider, {"WARC_REPLAY": str(path), "DOWNLOAD_MAXSIZE": 1024 * 1024})
    crawler.spider = _Spider.from_crawler(crawler)
    middleware = WarcMiddleware.from_crawler(crawler)
    with pytest.raises(IgnoreRequest):
        middleware.process_request(Request("https://hostile.example.kz/big/"))
    assert crawler.stats.get_value("kznews/failed/hostile/too_large") == 1
    assert crawler.stats.get_value("warc/too_large") == 1
    response = middleware.process_request(Request("https://hostile.example.kz/big/", meta={"download_maxsize": 0}))
    assert response.body == big  # download_maxsize 0: no limit, as in Scrapy


def test_content_encoding_bombs_and_broken_encodings_are_counted():
    crawler = get_crawler(_Spider, {"DOWNLOAD_MAXSIZE": 10 * 1024 * 1024})
    crawler.spider = _Spider.from_crawler(crawler)
    middleware = HttpCompressionMiddleware.from_crawler(crawler)
    bomb = gzipbomb.zeros(1024**3)  # 1 MB that unpacks to 1 GiB
    request = Request("https://hostile.example.kz/news/1-hostile-story/")
    with pytest.raises(IgnoreRequest):
        middleware.process_response(request, Response(request.url, body=bomb, headers={"Content-Encoding": "gzip"},
                                                      request=request))
    broken = Response(request.url, body=b"\x1f\x8b\x08 not gzip", headers={"Content-Encoding": "gzip"}, request=request)
    with pytest.raises(IgnoreRequest):
        middleware.process_response(request, broken)
    fine = Response(request.url, body=gzip.compress(b"<html>ok</html>"), headers={"Content-Encoding": "gzip"},
                    request=request)
    assert middleware.process_response(request, fine).body == b"<html>ok</html>"
    stats = crawler.stats.get_stats()
    assert stats["kznews/failed/hostile/too_large"] == 1 and stats["kznews/failed/hostile/bad_encoding"] == 1
    assert stats["kznews/decompression_bomb/hostile"] == 1
