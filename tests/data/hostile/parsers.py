"""Every parser of kznews as the crawler calls it, and the invariants a result must keep (shared by
tests/test_hostile.py, tests/test_fuzz_extract.py and tests/benchmarks/bench_hostile.py).

Parsers: `article` and `list` (the page decoded as the encoding middleware decides, then the extractors),
`feed`, `sitemap` (gzip bounded as the spider does it), `json_list` (zakon.kz's hook), and, for articles, the
item pipelines that validate an article and apply the date policy (a counted drop or a valid item).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, is_dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from kznews.dates import ALMATY
from kznews.encoding import detect_encoding
from kznews.extract import extract_article, extract_json_list, extract_list, parse_feed, parse_sitemap
from kznews.extract.html import parse_html
from kznews.items import Article
from kznews.sites import tengrinews, zakon
from kznews.urls import MAX_URL_LENGTH
from tests.data.hostile.cases import FETCHED_AT, JSON_LIST_URL, LIST_URL, SITE, article_url

EARLIEST = datetime(1991, 1, 1, tzinfo=ALMATY)  # the date policy (kznews.extract.timestamps.EARLIEST_PLAUSIBLE)
ARTICLE_AHEAD = timedelta(hours=1)  # how far past the fetch an article's date may be; feed and sitemap hints a day
HINT_AHEAD = timedelta(days=1)
# Characters no text field may hold: C0 controls other than the line feed of paragraph breaks, and lone surrogates.
_FORBIDDEN = re.compile(r"[\x00-\x09\x0b-\x1f\x7f\ud800-\udfff]")

# (site, article URL, list URL) the HTML parsers run with: the corpus' own site (its layouts match) and a real one.
SITES = {
    "hostile": (SITE, article_url(1), LIST_URL),
    "tengrinews": (tengrinews.SITE, "https://tengrinews.kz/kazakhstan_news/hostile-page-600003/", "https://tengrinews.kz/news/"),
}


def tree_of(body: bytes):
    """The page as the crawler parses it: UTF-8 bytes as they are, other encodings decoded first."""
    encoding = detect_encoding(body, "utf-8") or "utf-8"
    if encoding == "utf-8":
        return parse_html(body, encoding="utf-8")
    return parse_html(body.decode(encoding, errors="replace"))


def run_article(body: bytes, site_key: str = "hostile"):
    site, url, _ = SITES[site_key]
    return extract_article(body, url, site, "ru", FETCHED_AT, tree=tree_of(body))


def run_list(body: bytes, site_key: str = "hostile"):
    site, _, url = SITES[site_key]
    return extract_list(body, url, site, "ru", FETCHED_AT, tree=tree_of(body))


def run_feed(body: bytes):
    return parse_feed(body, "ru", FETCHED_AT)


def run_sitemap(body: bytes):
    """As the spider: gzip is unpacked by the parser, None is the counted 'unreadable' (or 'bad_gzip') drop."""
    return parse_sitemap(body, "ru", FETCHED_AT) or "unreadable"


def run_json_list(body: bytes):
    """zakon's hook as the spider calls it: a ValueError or RecursionError is the counted 'unreadable' drop."""
    try:
        return extract_json_list(body.decode("utf-8", errors="replace"), JSON_LIST_URL, zakon.SITE, "ru", FETCHED_AT)
    except (ValueError, RecursionError):
        return "unreadable"


PARSERS = {
    "article": run_article,
    "list": run_list,
    "feed": run_feed,
    "sitemap": run_sitemap,
    "json_list": run_json_list,
}


# --- the pipelines' verdict on an extracted article --------------------------------------------------------------


class _Stats:
    def __init__(self):
        self.values: dict[str, int] = {}

    def inc_value(self, key, count=1, start=0):
        self.values[key] = self.values.get(key, start) + count

    def get_value(self, key, default=None):
        return self.values.get(key, default)


@dataclass
class Verdict:
    item: Article | None  # the item as it would be stored, or None
    dropped: str | None  # the drop reason, counted as kznews/dropped/{site}/{reason}
    stats: dict[str, int]


def pipeline_verdict(data) -> Verdict:
    """ValidatePipeline and DatesPipeline on the article the spider would yield."""
    from scrapy.exceptions import DropItem

    from kznews.pipelines.dates import DatesPipeline
    from kznews.pipelines.validate import ValidatePipeline

    crawler = type("Crawler", (), {"stats": _Stats()})()
    item = Article(url=data.url, site=data.site, lang=data.lang, title=data.title, summary=data.summary,
                   body=data.body, authors=data.authors, section=data.section, tags=data.tags, images=data.images,
                   published_at=data.published_at, modified_at=data.modified_at,
                   published_at_text=data.published_at_text, fetched_at=data.fetched_at, fetched_url=data.fetched_url,
                   layout=data.layout)
    try:
        for pipeline in (ValidatePipeline(crawler), DatesPipeline(crawler)):
            item = pipeline.process_item(item)
    except DropItem:
        reason = next(k.rsplit("/", 1)[1] for k in crawler.stats.values if k.startswith(f"kznews/dropped/{data.site}/"))
        return Verdict(None, reason, crawler.stats.values)
    return Verdict(item, None, crawler.stats.values)


# --- invariants -------------------------------------------------------------------------------------------------


def url_problem(url) -> str | None:
    if not isinstance(url, str):
        return f"URL of type {type(url).__name__}"
    if len(url) > MAX_URL_LENGTH:
        return f"URL of {len(url)} characters"
    if _FORBIDDEN.search(url) or any(ch.isspace() for ch in url):
        return f"URL with control or space characters {url[:80]!r}"
    try:
        parts = urlsplit(url)
    except ValueError:
        return f"unparsable URL {url[:80]!r}"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"not an absolute http(s) URL: {url[:80]!r}"
    return None


def text_problem(name: str, value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        return f"{name} of type {type(value).__name__}"
    found = _FORBIDDEN.search(value)
    if found:
        return f"{name} holds {found.group()!r}"
    return None


def date_problem(name: str, value, bounded: bool = True, latest: datetime = FETCHED_AT + ARTICLE_AHEAD) -> str | None:
    if value is None:
        return None
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        return f"{name} is not an aware datetime: {value!r}"
    if bounded and not EARLIEST <= value <= latest:
        return f"{name} out of the plausible range: {value.isoformat()}"
    return None


def problems(parser: str, result, fetched_at: datetime = FETCHED_AT) -> list[str]:
    """What is wrong with a parser's result for a page fetched at `fetched_at` (empty: it keeps every invariant)."""
    found: list[str] = []
    latest, latest_hint = fetched_at + ARTICLE_AHEAD, fetched_at + HINT_AHEAD
    if isinstance(result, str):  # a counted drop: "unreadable", "bad_gzip"
        return found
    if parser == "article":
        data = result
        for name in ("url", "fetched_url"):
            found.append(url_problem(getattr(data, name)))
        for name in ("title", "summary", "body", "section", "published_at_text"):
            found.append(text_problem(name, getattr(data, name)))
        for name in ("authors", "tags", "images"):
            values = getattr(data, name)
            if not isinstance(values, list):
                found.append(f"{name} of type {type(values).__name__}")
                continue
            for value in values:
                found.append(url_problem(value) if name == "images" else text_problem(name, value))
        for name in ("published_at", "modified_at"):
            found.append(date_problem(name, getattr(data, name), latest=latest))
        found.append(date_problem("fetched_at", data.fetched_at, bounded=False))
        verdict = pipeline_verdict(data)
        if verdict.item is not None:
            for name in ("published_at", "modified_at"):
                found.append(date_problem(f"stored {name}", getattr(verdict.item, name), latest=latest))
    elif parser in ("list", "json_list"):
        for entry in result.entries:
            found.append(url_problem(entry.url))
            found.append(text_problem("title", entry.title))
            found.append(text_problem("date_text", entry.date_text))
            found.append(date_problem("published_at", entry.published_at, bounded=False))
        found += [url_problem(url) for url in result.next]
    elif parser in ("feed", "sitemap"):
        entries = result if parser == "feed" else result.entries
        for entry in entries:
            found.append(url_problem(entry.url))
            for name in ("title", "summary", "date_text"):
                found.append(text_problem(name, getattr(entry, name)))
            for name in ("published_at", "modified_at"):
                found.append(date_problem(name, getattr(entry, name), latest=latest_hint))
    return [p for p in found if p]


def flatten_text(result, limit: int = 200_000_000) -> str:
    """Every string a result holds, joined (to look for leaked file content or expanded entities)."""
    out: list[str] = []
    stack = [result]
    seen = 0
    while stack and seen < limit:
        value = stack.pop()
        if isinstance(value, str):
            out.append(value)
            seen += len(value)
        elif value is None or isinstance(value, datetime | float | int):
            continue
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list | tuple | set):
            stack.extend(value)
        elif is_dataclass(value):
            stack.extend(getattr(value, f.name) for f in fields(value))
        else:
            out.append(repr(value))
    return "\n".join(out)
