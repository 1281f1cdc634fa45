"""Property-based fuzzing of the extractors (issue 14): the real pages of tests/fixtures/real/, damaged at random
(bytes flipped, cut short, tags deleted or duplicated, encoding damage, hostile snippets from the corpus inserted),
then parsed as the crawler parses them. No exception may escape, and every result keeps its invariants
(tests/data/hostile/parsers.py: types, aware dates within the date policy, absolute http(s) URLs of sane length,
text without NUL or other control characters; an article is a valid item or a counted drop).

Reproducible: hypothesis runs derandomized (the examples are a function of the test) with no example database, and
a bounded number of examples keeps the run to seconds. Feeds and sitemaps are fuzzed the same way from the
constructed fixtures of tests/fixtures/sites (there are no real ones).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kznews.extract import extract_article, extract_list, parse_feed, parse_sitemap
from kznews.sites import tengrinews
from tests.data.hostile import parsers as P

ROOT = Path(__file__).resolve().parent
REAL = ROOT / "fixtures" / "real"
# file -> (URL, fetch time): tests/fixtures/real/MANIFEST.tsv, fetch times at the end of the day it names.
PAGES = {
    "tengrinews/tag-almaty-2023-01-10.html": ("https://tengrinews.kz/tag/алматы/", datetime(2023, 1, 10, 17, tzinfo=UTC)),
    "tengrinews/news-2024-10-15.html": ("https://tengrinews.kz/news/", datetime(2024, 10, 15, 17, tzinfo=UTC)),
    "tengrinews/tag-almaty-2023-01-17.html": ("https://tengrinews.kz/tag/Алматы/", datetime(2023, 1, 17, 17, tzinfo=UTC)),
    "tengrinews/list-article-page1-2024-04-08.html": ("https://tengrinews.kz/article/page/1",
                                                      datetime(2024, 4, 8, 17, tzinfo=UTC)),
    "tengrinews/home-2024-10-24-dom.html": ("https://tengrinews.kz/", datetime(2024, 10, 24, 17, tzinfo=UTC)),
    "tengrinews/article-2023-09-27-2185.html": (
        "https://tengrinews.kz/article/ludomaniya-chemu-mogut-privesti-azartnyie-igryi-kak-2185/",
        datetime(2024, 4, 8, 17, tzinfo=UTC)),
    "tengrinews/article-2024-03-18-2362.html": (
        "https://tengrinews.kz/article/skolko-stoit-postroit-shkolu-v-astane-2362/", datetime(2024, 4, 8, 17, tzinfo=UTC)),
}
BYTES = {name: (REAL / name).read_bytes() for name in PAGES}
FEEDS = {path.name: path.read_bytes() for path in sorted((ROOT / "fixtures" / "sites").glob("*/*.xml"))}
FEED_FETCHED = datetime(2026, 3, 1, tzinfo=UTC)

# Snippets of the hostile corpus, small enough to insert anywhere.
SNIPPETS = [
    b"\x00", b"\xff\xfe", b"\xc3", b"\xed\xa0\x80", b"\xef\xbb\xbf", b"<!--", b"<![CDATA[", b"</html>", b"<html>",
    b"<body>", b"</body>", b"<script>", b"</script>", b"<div>" * 3000, b"<font>" * 1500, b"</div>" * 500,
    b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>&b;&b;',
    b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>&xxe;',
    b'<script type="application/ld+json">' + b"[" * 5000 + b"</script>",
    b'<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"0001-01-01T00:00:00+05:00",'
    b'"headline":"\\u0000\\ud800","author":' + b"[" * 900 + b"]" * 900 + b"}</script>",
    b'<meta property="article:published_time" content="9999-12-31T23:59:59-12:00">',
    b'<time datetime="253402300799999">32 \xd0\xb4\xd0\xb5\xd0\xba\xd0\xb0\xd0\xb1\xd1\x80\xd1\x8f 9999, 25:61</time>',
    b'<link rel="canonical" href="https://tengrinews.kz/' + b"a" * 5000 + b'/">',
    b'<a href="/kazakhstan_news/' + b"x" * 3000 + b'-600003/">link</a>',
    b'<img src="javascript:alert(1)"><img src="ftp://tengrinews.kz/x.jpg"><img src="http://[::1">',
    b'<base href="mailto:x@y">', b"&#0;&#xD800;&#x110000;&bogus;", b" \xc2\xa0\xe2\x80\x8b" * 200,
    b'<div itemprop="author">' * 50, b'<p>' + "Ж".encode() * 2000 + b"</p>",
]
_TAG = re.compile(rb"<[^<>]{0,200}>")

positions = st.floats(min_value=0, max_value=1, allow_nan=False)
mutation = st.one_of(
    st.tuples(st.just("flip"), positions, st.integers(1, 255), st.integers(1, 64)),
    st.tuples(st.just("truncate"), positions),
    st.tuples(st.just("delete_tags"), positions, st.integers(1, 200)),
    st.tuples(st.just("duplicate"), positions, st.integers(1, 20_000), positions),
    st.tuples(st.just("cp1251"), positions, st.integers(1, 5000)),
    st.tuples(st.just("cut_characters"), positions, st.integers(1, 500)),
    st.tuples(st.just("insert"), positions, st.integers(0, len(SNIPPETS) - 1)),
)


def mutate(data: bytes, steps) -> bytes:
    """Apply the mutations in order; each reads its positions as fractions of the current length."""
    for step in steps:
        kind, where = step[0], int(step[1] * len(data))
        if kind == "flip":  # a run of bytes XORed with one value
            _, _, value, length = step
            data = data[:where] + bytes(b ^ value for b in data[where : where + length]) + data[where + length :]
        elif kind == "truncate":
            data = data[:where]
        elif kind == "delete_tags":  # the next N tags from there removed
            tags = list(_TAG.finditer(data, where))[: step[2]]
            for tag in reversed(tags):
                data = data[: tag.start()] + data[tag.end() :]
        elif kind == "duplicate":  # a slice copied to another place (tags and text doubled, nesting broken)
            _, _, length, target = step
            piece = data[where : where + length]
            at = int(target * len(data))
            data = data[:at] + piece + data[at:]
        elif kind == "cp1251":  # a slice re-encoded as windows-1251 inside a UTF-8 page
            length = step[2]
            piece = data[where : where + length].decode("utf-8", "ignore").encode("cp1251", "replace")
            data = data[:where] + piece + data[where + length :]
        elif kind == "cut_characters":  # the last byte of every multi-byte character in a slice dropped
            length = step[2]
            piece = re.sub(rb"[\xc0-\xf4][\x80-\xbf]", lambda m: m.group()[:1], data[where : where + length])
            data = data[:where] + piece + data[where + length :]
        elif kind == "insert":
            data = data[:where] + SNIPPETS[step[2]] + data[where:]
    return data


FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(page=st.sampled_from(sorted(PAGES)), steps=st.lists(mutation, min_size=1, max_size=4))
def test_damaged_real_pages_through_the_article_extractor(page, steps):
    url, fetched = PAGES[page]
    body = mutate(BYTES[page], steps)
    data = extract_article(body, url, tengrinews.SITE, "ru", fetched, tree=P.tree_of(body))
    assert P.problems("article", data, fetched) == []


@FUZZ
@given(page=st.sampled_from(sorted(PAGES)), steps=st.lists(mutation, min_size=1, max_size=4))
def test_damaged_real_pages_through_the_list_extractor(page, steps):
    url, fetched = PAGES[page]
    body = mutate(BYTES[page], steps)
    listing = extract_list(body, url, tengrinews.SITE, "ru", fetched, tree=P.tree_of(body))
    assert P.problems("list", listing, fetched) == []
    assert all(tengrinews.SITE.is_article_url(entry.url) for entry in listing.entries)


@settings(FUZZ, max_examples=30)
@given(feed=st.sampled_from(sorted(FEEDS)), steps=st.lists(mutation, min_size=1, max_size=4))
@example(feed="sitemap-articles-1.xml", steps=[("flip", 0.578125, 1, 8)])  # an element after the root (found here)
@example(feed="en-feed.xml", steps=[("insert", 0.3125, 26)])  # bytes lxml cannot decode in recovered XML (found here)
def test_damaged_feeds_and_sitemaps(feed, steps):
    body = mutate(FEEDS[feed], steps)
    assert P.problems("feed", parse_feed(body, "ru", FEED_FETCHED), FEED_FETCHED) == []
    sitemap = parse_sitemap(body, "ru", FEED_FETCHED)
    if sitemap is not None:
        assert P.problems("sitemap", sitemap, FEED_FETCHED) == []


def test_the_mutations_do_damage():
    """The fuzzer is only as good as its mutations: each kind changes the page (and none is a no-op)."""
    page = BYTES["tengrinews/article-2024-03-18-2362.html"]
    cyrillic = page.find("Школ".encode()) / len(page)
    for step in [("flip", 0.5, 7, 10), ("truncate", 0.5), ("delete_tags", 0.3, 5), ("duplicate", 0.2, 500, 0.7),
                 ("cp1251", cyrillic, 3000), ("cut_characters", cyrillic, 300), ("insert", 0.5, 0)]:
        assert mutate(page, [step]) != page, step
