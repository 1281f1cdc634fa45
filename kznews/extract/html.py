"""HTML parsing and small helpers shared by the extractors: one lxml parse per page, compiled selectors.

Pages come from sites we do not control, so parsing is bounded before lxml sees a byte (docs/reliability.md,
"Hostile input"): at most MAX_PAGE_BYTES and MAX_TAGS are parsed (the rest of a bigger page is cut), a tag with
more than MAX_ATTRIBUTES attributes keeps the first ones (libxml2 checks duplicates in quadratic time: 100,000
attributes take minutes), and markup nested deeper than libxml2's limit (it stops parsing there and drops the rest
of the page) is parsed again with the tags below MAX_DEPTH left out and their text kept. Text helpers drop control
characters and lone surrogates; URL helpers return only absolute http(s) URLs of at most MAX_URL_LENGTH.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import quote, urljoin, urlsplit

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector

from kznews.urls import MAX_URL_LENGTH

# The downloader hands over at most DOWNLOAD_MAXSIZE (10 MB); the extractors read no more than that of any page.
MAX_PAGE_BYTES = 10 * 1024 * 1024
# Tags parsed per page: seven times the largest real page we keep (6,700 on tengrinews' home page). lxml holds
# about 300 bytes per node, so a page of nothing but tiny tags stays near 30 MB, and the extractors' work per
# element (about 0.1-0.2 ms per list card) stays near a second.
MAX_TAGS = 50_000
MAX_ATTRIBUTES = 1000
# libxml2 stops at 2,048 levels (with huge_tree; 256 without); deeper tags are left out below this.
MAX_DEPTH = 1024

# huge_tree: text nodes over 10 MB and nesting past 256 levels (a thousand unclosed <font> in an old page) are
# parsed instead of ending the document; the bounds above keep that safe.
_PARSER = lxml.html.HTMLParser(
    remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False, huge_tree=True
)
_UTF8_PARSER = lxml.html.HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False, huge_tree=True
)

# Invisible characters that sites leave inside text and control characters (NUL above all) are dropped; every
# kind of space is folded to one plain space; lone surrogates (from JSON "\ud800" escapes) become U+FFFD.
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u3000]+")
_SURROGATES = re.compile(r"[\ud800-\udfff]")

# A start tag of more than 8 KB: the only place where thousands of attributes can be.
_LONG_TAG = re.compile(rb"<[A-Za-z][^<>]{8192,}>")
_ATTRIBUTE = re.compile(rb"""[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?""")
_TAG = re.compile(rb"<!--|<(/?)([A-Za-z][^\s/>]*)[^>]*?(/?)>")
_VOID = frozenset(b"area base br col embed hr img input link meta param source track wbr keygen".split())
_RAW_TEXT = frozenset((b"script", b"style", b"textarea", b"title", b"xmp", b"iframe", b"noembed", b"noframes"))


def parse_html(html: str | bytes, encoding: str | None = None) -> lxml.html.HtmlElement:
    """Parse a page. Text, or UTF-8 bytes with `encoding="utf-8"` (what Scrapy knows of most responses: the
    bytes are parsed as they are, without decoding them to text first); other bytes are decoded by lxml from the
    page's own declaration. Bounded as the module docstring says."""
    if isinstance(html, bytes) and encoding and encoding.replace("_", "-").lower() in ("utf-8", "utf8"):
        if html.startswith(b"\xef\xbb\xbf"):
            html = html[3:]
        parser = _UTF8_PARSER
    elif isinstance(html, str):
        # lxml refuses str input that carries an XML encoding declaration; the text is already decoded.
        if html.startswith("<?xml"):
            html = html[html.find("?>") + 2 :]
        html = html[: MAX_PAGE_BYTES].encode("utf-8", errors="replace")
        parser = _UTF8_PARSER
    else:
        parser = _PARSER
    html = bounded(html)
    if not html.strip():
        return lxml.html.fromstring("<html></html>")
    root = etree.fromstring(html, parser)
    last = parser.error_log.last_error
    if last is not None and "Excessive depth" in last.message:
        root = etree.fromstring(flatten(html), parser)
    if root is None:  # only whitespace or comments
        return lxml.html.fromstring("<html></html>")
    return root


def bounded(html: bytes) -> bytes:
    """The part of a page that is parsed: at most MAX_PAGE_BYTES and MAX_TAGS, no tag with more than
    MAX_ATTRIBUTES attributes. Pages within the bounds (every real page) come back unchanged."""
    html = html[:MAX_PAGE_BYTES]
    if html.count(b"<") > MAX_TAGS:
        cut = -1
        for _ in range(MAX_TAGS):
            cut = html.find(b"<", cut + 1)
        html = html[:cut]
    if _LONG_TAG.search(html):
        html = _LONG_TAG.sub(_fewer_attributes, html)
    return html


def _fewer_attributes(match: re.Match[bytes]) -> bytes:
    tag = match.group()
    if tag.count(b"=") <= MAX_ATTRIBUTES:  # a long attribute, or text after a stray "<" (script code, prose)
        return tag
    name_end = 1
    while name_end < len(tag) and not tag[name_end : name_end + 1].isspace() and tag[name_end] not in b"/>":
        name_end += 1
    attributes = _ATTRIBUTE.finditer(tag, name_end, len(tag) - 1)
    end = name_end
    for count, attribute in enumerate(attributes):
        if count == MAX_ATTRIBUTES:
            return tag[:end] + b">"
        end = attribute.end()
    return tag


def flatten(html: bytes) -> bytes:
    """The page without the tags nested deeper than MAX_DEPTH (their text stays): what libxml2 could not parse.
    A simple tokenizer (comments and raw-text elements skipped, void elements not nested), used only for pages
    libxml2 gave up on."""
    lower = html.lower()
    out: list[bytes] = []
    stack: list[bytes] = []
    open_count: dict[bytes, int] = {}
    dropped: dict[bytes, int] = {}
    kept_from = pos = 0
    while True:
        match = _TAG.search(html, pos)
        if match is None:
            break
        pos = match.end()
        if match.group(0) == b"<!--":
            end = html.find(b"-->", pos)
            pos = len(html) if end < 0 else end + 3
            continue
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        drop = False
        if not closing:
            if name in _RAW_TEXT:
                end = lower.find(b"</" + name, pos)
                pos = len(html) if end < 0 else end
            elif name not in _VOID and not self_closing:
                if len(stack) >= MAX_DEPTH:
                    drop = True
                    dropped[name] = dropped.get(name, 0) + 1
                else:
                    stack.append(name)
                    open_count[name] = open_count.get(name, 0) + 1
        elif dropped.get(name):
            drop = True
            dropped[name] -= 1
        elif open_count.get(name):
            while stack:
                top = stack.pop()
                open_count[top] -= 1
                if top == name:
                    break
        if drop:
            out.append(html[kept_from : match.start()])
            kept_from = match.end()
    out.append(html[kept_from:])
    return b"".join(out)


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
    """Collapse whitespace and drop invisible and control characters; a lone surrogate becomes U+FFFD."""
    if not text:
        return ""
    # Most text has nothing to drop: search before substituting. str.split() splits at every kind of space (what
    # str.isspace() calls one: \u00a0, \u2007, \u202f, \u3000...).
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    if _SURROGATES.search(text):
        text = _SURROGATES.sub("\ufffd", text)
    return " ".join(text.split())


def node_text(node) -> str:
    if node is None:
        return ""
    return clean_text(node.text_content())


def http_url(url: str | None) -> str | None:
    """`url` when it is an absolute http(s) URL with a host, of at most MAX_URL_LENGTH characters, without
    spaces or control characters; otherwise None."""
    if not url or len(url) > MAX_URL_LENGTH or _URL_JUNK.search(url):
        return None
    match = _HTTP_NETLOC.match(url)
    if match is None or not match.group(1).rpartition("@")[2]:
        return None
    if "[" in match.group(1) or ":" in match.group(1):  # a port or an IPv6 literal: let urlsplit judge
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises ValueError on a bad port
            if not parts.hostname:
                return None
        except ValueError:
            return None
    return url


def absolute_url(base: str, href: str | None) -> str | None:
    """`href` resolved against `base`, when that is an http(s) URL (see http_url)."""
    if not href:
        return None
    href = href.strip()
    if not href or len(href) > MAX_URL_LENGTH or href.startswith(("javascript:", "mailto:", "tel:", "data:", "#")):
        return None
    try:
        href = _URL_SPACE.sub(lambda space: quote(space.group()), _URL_WHITESPACE.sub("", href))
        return http_url(urljoin(base, href))
    except ValueError:
        return None


_URL_WHITESPACE = re.compile(r"[\t\r\n]")  # browsers remove these inside URLs, and encode other spaces
_URL_SPACE = re.compile(r"\s")
_HTTP_NETLOC = re.compile(r"https?://([^/?#]+)", re.IGNORECASE)
_URL_JUNK = re.compile(r"[\x00-\x20\x7f\ud800-\udfff]|\s")


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
        value = clean_text(node.get(attribute))
        if value:
            return value
    return node_text(node) or clean_text(node.get("datetime") or node.get("content"))
