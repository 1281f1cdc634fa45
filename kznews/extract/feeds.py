"""RSS/Atom feeds and sitemaps, parsed without trusting them: no entities resolved, no network, broken XML
recovered, and broken <loc> values repaired by the site's own hook (tengrinews prints
"https://tengrinews.kzhttps://tengrisport.kz/...").

Bounded (docs/reliability.md, "Hostile input"): the XML is read as a stream and each entry is discarded once
read, so a 50 MB sitemap never becomes a 500 MB tree; at most MAX_SITEMAP_ENTRIES entries are read from a sitemap
(the protocol's limit) and MAX_FEED_ENTRIES from a feed; a gzipped sitemap is unpacked as it is parsed, to at most MAX_XML_BYTES; entries whose URL is
not an absolute http(s) URL of sane length are skipped and dates that do not read or fall outside the date policy
are dropped, both counted in `skipped`.
"""

from __future__ import annotations

import email.utils
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from lxml import etree

from kznews.dates import parse_date_detail, to_almaty
from kznews.dates.engine import MAX_YEAR, MIN_YEAR
from kznews.extract.html import clean_text, http_url
from kznews.extract.timestamps import HINT_FUTURE_TOLERANCE, implausible, parse_structured

# The sitemap protocol allows 50,000 URLs per file; a news feed holds a few hundred (each entry costs ~40 µs).
MAX_SITEMAP_ENTRIES = 50_000
MAX_FEED_ENTRIES = 10_000
# What a sitemap may unpack to (the spider downloads no more than SITEMAP_MAXSIZE, 50 MB, either).
MAX_XML_BYTES = 50 * 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"
# "Tue, 15 Oct 2024 11:34:00 +0500" (the weekday optional): group 1 is the year as written.
_RFC2822 = re.compile(r"\s*(?:[A-Za-z]{3},\s*)?[0-9]{1,2}\s+[A-Za-z]{3}[A-Za-z]*\s+([+-]?[0-9]+)\s")
# Root elements of RSS 2.0, RSS 1.0 (rdf:RDF), Atom; a document with another root is not read as a feed.
FEED_ROOTS = ("rss", "rdf", "feed", "channel")
_FEED_BLOCK = 1024 * 1024


def _xml_parser() -> etree.XMLPullParser:
    # huge_tree stays off: libxml2's limits on nesting, text size and entity amplification stay on.
    return etree.XMLPullParser(
        events=("end",), resolve_entities=False, no_network=True, load_dtd=False, recover=True, huge_tree=False,
        remove_comments=True, remove_pis=True,
    )


@dataclass
class FeedEntry:
    url: str
    title: str | None = None
    published_at: datetime | None = None
    date_text: str | None = None
    summary: str | None = None
    modified_at: datetime | None = None  # <lastmod> of a sitemap, <updated> of an Atom entry


class FeedEntries(list):
    """The entries of a feed (a list), with what was skipped: {"bad_url": n, "bad_date": n, "over_limit": 1}."""

    def __init__(self, entries=()):
        super().__init__(entries)
        self.skipped: Counter[str] = Counter()


@dataclass
class SitemapPage:
    kind: str  # "index" or "urlset"
    entries: list[FeedEntry] = field(default_factory=list)  # for an index: the child sitemaps
    skipped: Counter = field(default_factory=Counter)  # as FeedEntries.skipped


def _chunks(body: bytes) -> Iterator[bytes]:
    """The XML of `body` in blocks: gzip (one or more members) unpacked as it is read, to MAX_XML_BYTES.
    Raises zlib.error for a body that starts like gzip and is not."""
    if body[:2] != GZIP_MAGIC:
        for start in range(0, min(len(body), MAX_XML_BYTES), _FEED_BLOCK):
            yield body[start : min(start + _FEED_BLOCK, MAX_XML_BYTES)]
        return
    left = MAX_XML_BYTES
    pending = body
    while pending[:2] == GZIP_MAGIC and left > 0:
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        while pending and left > 0 and not decompressor.eof:
            out = decompressor.decompress(pending, min(_FEED_BLOCK, left))
            pending = decompressor.unconsumed_tail
            left -= len(out)
            if out:
                yield out
            elif not pending:
                break
        pending = decompressor.unused_data.lstrip(b"\0") if decompressor.eof else b""


def _records(body: bytes, roots: tuple[str, ...], names: tuple[str, ...], top_level: bool):
    """(root element name, element) for every element named one of `names` (only the root's children when
    `top_level`), in document order, read as a stream: each is yielded once complete and then cleared with the
    siblings before it, and so is everything outside such elements. A document whose root is not one of `roots`
    is not read further. Ends with (root name, None); stops quietly where the XML becomes unreadable."""
    parser = _xml_parser()
    root = None
    root_name = ""

    def wanted(element) -> bool:
        return _local(element.tag) in names and (not top_level or element.getparent() is root)

    def events():
        nonlocal root, root_name
        for _, element in parser.read_events():
            if root is None:
                root = element.getroottree().getroot()
                root_name = _local(root.tag)
                if root_name not in roots:
                    return
            if wanted(element):
                yield root_name, element
            elif element is root:
                continue
            else:
                parent = element.getparent()  # None for a stray element after the root (recovered XML)
                if parent is not None and (wanted(parent) or any(map(wanted, parent.iterancestors()))):
                    continue  # part of a record still being read
            element.clear(keep_tail=False)
            parent = element.getparent()
            if parent is not None:
                while element.getprevious() is not None:
                    del parent[0]

    try:
        for chunk in _chunks(body.lstrip() if body[:2] != GZIP_MAGIC else body):
            parser.feed(chunk)
            yield from events()
            if root is not None and root_name not in roots:
                break
        else:
            parser.close()
            yield from events()
    except (etree.XMLSyntaxError, zlib.error):
        pass
    if root is not None:
        yield root_name, None


def _local(tag) -> str:
    return _local_name(tag) if isinstance(tag, str) else ""


@cache
def _local_name(tag: str) -> str:
    """"{http://www.sitemaps.org/schemas/sitemap/0.9}url" -> "url" (a feed has a handful of distinct tags)."""
    return tag.rpartition("}")[2].lower()


def _text(node) -> str:
    """The text of an element. Recovered XML may keep bytes that are not UTF-8, which lxml cannot decode: then
    they are read as bytes and replaced."""
    try:
        return "".join(node.itertext())
    except UnicodeDecodeError:
        raw = etree.tostring(node, method="text", encoding="utf-8", with_tail=False)
        return raw.decode("utf-8", errors="replace")


def _attribute(node, name: str) -> str | None:
    try:
        return node.get(name)
    except UnicodeDecodeError:
        return None


def _children(node) -> dict[str, str]:
    """Local name -> the first non-empty text of the children of that name (one pass over an entry)."""
    found: dict[str, str] = {}
    for child in node:
        name = _local(child.tag)
        if name and name not in found:
            text = clean_text(_text(child))
            if text:
                found[name] = text
    return found


def _first(children: dict[str, str], *names: str) -> str | None:
    return next((children[name] for name in names if name in children), None)


def _feed_date(text: str | None, lang: str, now: datetime, skipped: Counter) -> datetime | None:
    """The instant a feed's date string names, if it passes the date policy (kznews.extract.timestamps); a date
    that does not, or does not read at all, is counted as a bad_date."""
    if not text:
        return None
    value = None
    rfc = _RFC2822.match(text)
    if rfc:  # RFC 2822, what RSS prints; a year as written outside 1900-2100 ("0001") is no date
        year = rfc.group(1)
        if len(year) == 2 or MIN_YEAR <= int(year) <= MAX_YEAR:
            try:  # email.utils would read the year 0001 as 2001: hence the check above
                parsed = email.utils.parsedate_to_datetime(text)
                value = to_almaty(parsed) if parsed.tzinfo is not None else None
            except (TypeError, ValueError, IndexError, OverflowError):
                pass
            if value is None:  # no offset, or refused: the date engine reads it in Almaty time
                parsed_text = parse_date_detail(text, lang, now)
                value = parsed_text.value if parsed_text else None
    else:
        structured = parse_structured(text)
        if structured:
            value = structured[0]
        else:
            parsed_text = parse_date_detail(text, lang, now)
            value = parsed_text.value if parsed_text else None
    if value is None or implausible(value, now, HINT_FUTURE_TOLERANCE):
        skipped["bad_date"] += 1
        return None
    return value


def _url(text: str | None, skipped: Counter) -> str | None:
    if not text:
        return None
    url = http_url(text.strip())
    if url is None:
        skipped["bad_url"] += 1
    return url


def parse_feed(body: bytes, lang: str, fetched_at: datetime) -> FeedEntries:
    """Entries of an RSS 2.0, RSS 1.0 or Atom feed."""
    entries = FeedEntries()
    skipped = entries.skipped
    fetched_at = to_almaty(fetched_at)

    for _, node in _records(body, FEED_ROOTS, ("item", "entry"), top_level=False):
        if node is None:
            break
        if len(entries) >= MAX_FEED_ENTRIES:
            skipped["over_limit"] += 1
            break
        children = _children(node)
        if _local(node.tag) == "item":
            url = children.get("link") or children.get("guid")
            date_text = _first(children, "pubdate", "date", "published", "updated")
            modified_text = None
        else:
            url = None
            for link in node:
                if _local(link.tag) == "link" and (_attribute(link, "rel") or "alternate") == "alternate":
                    url = _attribute(link, "href")
                    break
            date_text = _first(children, "published", "updated")
            modified_text = children.get("updated")
        if not url or not url.strip().startswith(("http://", "https://")):
            continue
        url = _url(url, skipped)
        if url is None:
            continue
        entries.append(
            FeedEntry(
                url=url,
                title=children.get("title"),
                published_at=_feed_date(date_text, lang, fetched_at, skipped),
                date_text=date_text,
                summary=_first(children, "description", "summary"),
                modified_at=_feed_date(modified_text, lang, fetched_at, skipped),
            )
        )
    return entries


def repair_loc(loc: str) -> str:
    """Generic <loc> repairs: a doubled scheme and host ("https://tengrinews.kzhttps://tengrisport.kz/x")
    keeps the last URL; surrounding whitespace and stray control characters go."""
    loc = loc.strip().replace("\ufffc", "").replace("\ufe0f", "")
    last = max(loc.rfind("https://"), loc.rfind("http://"))
    return loc[last:] if last > 0 else loc


def parse_sitemap(
    body: bytes, lang: str, fetched_at: datetime, fix_loc: Callable[[str], str] | None = None
) -> SitemapPage | None:
    """A sitemap index (child sitemaps) or a url set (pages, with lastmod and Google News fields); the body may
    be gzipped. None when it is neither (or not XML, or not gzip after a gzip header)."""
    fetched_at = to_almaty(fetched_at)
    page: SitemapPage | None = None

    for kind, node in _records(body, ("sitemapindex", "urlset"), ("sitemap", "url"), top_level=True):
        if kind not in ("sitemapindex", "urlset"):
            return None
        if page is None:
            page = SitemapPage("index" if kind == "sitemapindex" else "urlset")
        if node is None:
            break
        if len(page.entries) >= MAX_SITEMAP_ENTRIES:
            page.skipped["over_limit"] += 1
            break
        children = _children(node)
        loc = children.get("loc")
        if not loc:
            continue
        loc = repair_loc(loc)
        if fix_loc:
            loc = fix_loc(loc)
        loc = _url(loc, page.skipped)
        if loc is None:
            continue
        title = None
        lastmod = children.get("lastmod")
        date_text = lastmod
        for child in node:
            if _local(child.tag) == "news":  # Google News sitemap: the publication date beats lastmod
                news = _children(child)
                date_text = news.get("publication_date") or date_text
                title = news.get("title")
        modified_at = _feed_date(lastmod, lang, fetched_at, page.skipped)
        published_at = modified_at if date_text is lastmod else _feed_date(date_text, lang, fetched_at, page.skipped)
        page.entries.append(
            FeedEntry(url=loc, title=title, published_at=published_at, date_text=date_text, modified_at=modified_at)
        )
    return page
