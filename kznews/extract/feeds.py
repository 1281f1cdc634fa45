"""RSS/Atom feeds and sitemaps, parsed without trusting them: no entities resolved, no network, broken XML
recovered, and broken <loc> values repaired by the site's own hook (tengrinews prints
"https://tengrinews.kzhttps://tengrisport.kz/...")."""

from __future__ import annotations

import email.utils
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from lxml import etree

from kznews.dates import parse_date_detail, to_almaty
from kznews.extract.html import clean_text
from kznews.extract.timestamps import parse_structured

_XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, recover=True, huge_tree=False, remove_comments=True, remove_pis=True
)


@dataclass
class FeedEntry:
    url: str
    title: str | None = None
    published_at: datetime | None = None
    date_text: str | None = None
    summary: str | None = None
    modified_at: datetime | None = None  # <lastmod> of a sitemap, <updated> of an Atom entry


@dataclass
class SitemapPage:
    kind: str  # "index" or "urlset"
    entries: list[FeedEntry] = field(default_factory=list)  # for an index: the child sitemaps


def _parse_xml(body: bytes):
    body = body.lstrip()
    if not body:
        return None
    try:
        return etree.fromstring(body, _XML_PARSER)
    except etree.XMLSyntaxError:
        return None


def _local(tag) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _child_text(node, *names: str) -> str | None:
    for child in node:
        if _local(child.tag) in names:
            text = clean_text("".join(child.itertext()))
            if text:
                return text
    return None


def _feed_date(text: str | None, lang: str, now: datetime) -> datetime | None:
    if not text:
        return None
    try:  # RFC 2822, what RSS prints
        value = email.utils.parsedate_to_datetime(text)
        if value.tzinfo is not None:
            return to_almaty(value)
    except (TypeError, ValueError, IndexError):
        pass
    structured = parse_structured(text)
    if structured:
        return structured[0]
    parsed = parse_date_detail(text, lang, now)
    return parsed.value if parsed else None


def parse_feed(body: bytes, lang: str, fetched_at: datetime) -> list[FeedEntry]:
    """Entries of an RSS 2.0, RSS 1.0 or Atom feed."""
    root = _parse_xml(body)
    if root is None:
        return []
    entries = []
    for node in root.iter():
        name = _local(node.tag)
        if name == "item":
            url = _child_text(node, "link") or _child_text(node, "guid")
            date_text = _child_text(node, "pubdate", "date", "published", "updated")
            modified_text = None
        elif name == "entry":
            url = None
            for link in node:
                if _local(link.tag) == "link" and link.get("rel", "alternate") == "alternate":
                    url = link.get("href")
                    break
            date_text = _child_text(node, "published", "updated")
            modified_text = _child_text(node, "updated")
        else:
            continue
        if not url or not url.strip().startswith(("http://", "https://")):
            continue
        entries.append(
            FeedEntry(
                url=url.strip(),
                title=_child_text(node, "title"),
                published_at=_feed_date(date_text, lang, fetched_at),
                date_text=date_text,
                summary=_child_text(node, "description", "summary"),
                modified_at=_feed_date(modified_text, lang, fetched_at),
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
    """A sitemap index (child sitemaps) or a url set (pages, with lastmod and Google News fields)."""
    root = _parse_xml(body)
    if root is None:
        return None
    kind = _local(root.tag)
    if kind not in ("sitemapindex", "urlset"):
        return None
    page = SitemapPage("index" if kind == "sitemapindex" else "urlset")
    for node in root:
        if _local(node.tag) not in ("sitemap", "url"):
            continue
        loc = _child_text(node, "loc")
        if not loc:
            continue
        loc = repair_loc(loc)
        if fix_loc:
            loc = fix_loc(loc)
        title = None
        lastmod = _child_text(node, "lastmod")
        date_text = lastmod
        for child in node:
            if _local(child.tag) == "news":  # Google News sitemap: the publication date beats lastmod
                date_text = _child_text(child, "publication_date") or date_text
                title = _child_text(child, "title")
        page.entries.append(
            FeedEntry(
                url=loc,
                title=title,
                published_at=_feed_date(date_text, lang, fetched_at),
                date_text=date_text,
                modified_at=_feed_date(lastmod, lang, fetched_at),
            )
        )
    return page
