"""HTML parsing and small helpers shared by the extractors: one lxml parse per page, compiled selectors."""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urljoin

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector

_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False)
_UTF8_PARSER = lxml.html.HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False
)

# Invisible characters that sites leave inside text, and every kind of space, folded to one plain space.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_HAS_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def parse_html(html: str | bytes, encoding: str | None = None) -> lxml.html.HtmlElement:
    """Parse a page. Text, or UTF-8 bytes with `encoding="utf-8"` (what Scrapy knows of most responses: the
    bytes are parsed as they are, without decoding them to text first); other bytes are decoded by lxml from the
    page's own declaration."""
    if isinstance(html, bytes) and encoding and encoding.replace("_", "-").lower() in ("utf-8", "utf8"):
        if html.startswith(b"\xef\xbb\xbf"):
            html = html[3:]
        parser = _UTF8_PARSER
    elif isinstance(html, str):
        # lxml refuses str input that carries an XML encoding declaration; the text is already decoded.
        if html.startswith("<?xml"):
            html = html[html.find("?>") + 2 :]
        html = html.encode("utf-8")
        parser = _UTF8_PARSER
    else:
        parser = _PARSER
    if not html.strip():
        return lxml.html.fromstring("<html></html>")
    root = etree.fromstring(html, parser)
    if root is None:  # only whitespace or comments
        return lxml.html.fromstring("<html></html>")
    return root


@cache
def selector(css: str) -> CSSSelector:
    """Compiled CSS selector, cached: site definitions use a few dozen selectors over millions of pages."""
    return CSSSelector(css, translator="html")


def select(node, css: str | None) -> list:
    if not css or node is None:
        return []
    return selector(css)(node)


def select_one(node, css: str | None):
    found = select(node, css)
    return found[0] if found else None


def clean_text(text: str | None) -> str:
    """Collapse whitespace and drop invisible characters."""
    if not text:
        return ""
    # str.translate is slow on non-ASCII text (a dict lookup per character): only when there is something to drop.
    # str.split() splits at every kind of space (what str.isspace() calls one: \u00a0, \u2007, \u202f, \u3000...).
    if _HAS_INVISIBLE.search(text):
        text = text.translate(_INVISIBLE)
    return " ".join(text.split())


def node_text(node) -> str:
    if node is None:
        return ""
    return clean_text(node.text_content())


def absolute_url(base: str, href: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith(("javascript:", "mailto:", "tel:", "data:", "#")):
        return None
    try:
        return urljoin(base, href)
    except ValueError:
        return None


def base_url(tree, page_url: str) -> str:
    """The URL relative links resolve against: <base href> when present."""
    found = tree.xpath("//head/base/@href")
    return absolute_url(page_url, found[0]) or page_url if found else page_url


def date_text_of(node, attribute: str | None = None) -> str:
    """The date a node holds: the named attribute first (e.g. "datetime", "data-unixtime", "alt"), then its text,
    then a `datetime` or `content` attribute (a <time> or <meta> with no text)."""
    if node is None:
        return ""
    if attribute:
        value = node.get(attribute)
        if value and value.strip():
            return value.strip()
    return node_text(node) or (node.get("datetime") or node.get("content") or "").strip()
