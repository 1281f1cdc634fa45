"""Structured data of a page: JSON-LD, OpenGraph / article:* / name / itemprop meta, the canonical link.

This is the first layer of extraction (see kznews.extract.article). Nothing here is trusted blindly: the
article extractor cross-checks it with the site's own selectors (dates above all, see timestamps.py).
"""

from __future__ import annotations

import html as html_lib
import json
import re
from dataclasses import dataclass, field

from lxml import etree

from kznews.extract.html import absolute_url, clean_text

ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "liveblogposting",
        "report",
        "webpage",  # some sites put the article's fields on a WebPage; used only after the real article types
    }
)
_ARTICLE_PRIORITY = {"webpage": 1}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
# A JSON-LD block larger than this is not an article's metadata (a long-read's articleBody is ~100 KB): it is
# skipped unread, as json would hold tens of bytes of objects per byte of a block like [{},{},...].
MAX_JSONLD_CHARS = 1_000_000
# JSON-LD objects looked at per page (a real @graph holds about ten).
MAX_JSONLD_OBJECTS = 10_000
# Elements with an itemprop read per page, and the longest text kept from one (an author or a date, not a body).
MAX_ITEMPROPS = 200
MAX_ITEMPROP_CHARS = 1000


@dataclass
class Structured:
    """What a page declares about itself."""

    article: dict = field(default_factory=dict)  # the JSON-LD article object (merged), or {}
    breadcrumbs: list[str] = field(default_factory=list)  # names, home first
    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased property/name/itemprop -> contents
    canonical: str | None = None
    html_lang: str | None = None
    notes: list[str] = field(default_factory=list)  # what was skipped: "jsonld_too_large", "jsonld_unreadable"

    def first(self, *keys: str) -> str | None:
        for key in keys:
            for value in self.meta.get(key, ()):
                value = clean_text(value)
                if value:
                    return value
        return None

    def all(self, key: str) -> list[str]:
        return [v for v in (clean_text(x) for x in self.meta.get(key, ())) if v]


def _load_json(text: str):
    text = text.strip()
    if text.startswith("<!--"):
        text = text[4:]
    if text.endswith("-->"):
        text = text[:-3]
    text = text.strip().removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
    text = _CONTROL.sub(" ", text)
    # A block that is not JSON, or is nested too deep to read (a hostile page), is ignored: the other layers
    # still extract the article.
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        pass
    try:  # the commonest hand-written JSON-LD mistake
        return json.loads(_TRAILING_COMMA.sub(r"\1", text), strict=False)
    except (ValueError, RecursionError):
        return None


def _objects(data, limit: int = MAX_JSONLD_OBJECTS):
    """Flatten lists and @graph containers into the JSON-LD objects they hold, in document order (a container's
    graph before the container); iterative, as a page may nest them as deep as json reads, and bounded to
    `limit` containers."""
    stack: list = [data]
    seen = 0
    while stack and seen < limit:
        item = stack.pop()
        if isinstance(item, _Emit):
            yield item.obj
            continue
        seen += 1
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            if "@type" in item:
                stack.append(_Emit(item))
            if "@graph" in item:
                stack.append(item["@graph"])


class _Emit:
    __slots__ = ("obj",)

    def __init__(self, obj: dict):
        self.obj = obj


def _types(obj: dict) -> list[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return [k.lower() for k in kinds if isinstance(k, str)]


def read_structured(tree, page_url: str) -> Structured:
    found = Structured()
    articles: list[tuple[int, dict]] = []
    nodes: dict[str, dict] = {}  # @id -> object, to resolve references
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        text = script.text or ""
        if len(text) > MAX_JSONLD_CHARS:
            found.notes.append("jsonld_too_large")
            continue
        data = _load_json(text)
        if data is None and text.strip():
            found.notes.append("jsonld_unreadable")
        for obj in _objects(data):
            if isinstance(obj.get("@id"), str):
                nodes.setdefault(obj["@id"], obj)
            kinds = _types(obj)
            if "breadcrumblist" in kinds and not found.breadcrumbs:
                found.breadcrumbs = _breadcrumb_names(obj)
            article_kinds = [k for k in kinds if k in ARTICLE_TYPES]
            if article_kinds:
                priority = min(_ARTICLE_PRIORITY.get(k, 0) for k in article_kinds)
                articles.append((priority, obj))
    if articles:
        articles.sort(key=lambda pair: pair[0])
        best = articles[0][1]
        # A WebPage object may carry fields the article object lacks; never the other way round.
        merged = {}
        for _, obj in reversed(articles):
            merged.update({k: v for k, v in obj.items() if v not in (None, "", [])})
        merged.update({k: v for k, v in best.items() if v not in (None, "", [])})
        for key in _REFERENCED:
            if key in merged:
                merged[key] = _resolve(merged[key], nodes)
        found.article = merged

    meta: dict[str, list[str]] = {}
    for node in tree.xpath("//meta[@content]"):
        key = node.get("property") or node.get("name") or node.get("itemprop")
        if key:
            meta.setdefault(key.strip().lower(), []).append(node.get("content"))
    # Microdata nests one or two levels (an author's name inside the author); deeper nesting is no value.
    for node in tree.xpath("//*[@itemprop][not(self::meta)][count(ancestor::*[@itemprop]) < 2]")[:MAX_ITEMPROPS]:
        key = "itemprop:" + node.get("itemprop").strip().lower()
        value = node.get("datetime") or node.get("content") or _short_text(node)
        meta.setdefault(key, []).append(value)
    found.meta = meta

    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    if canonical:
        found.canonical = absolute_url(page_url, canonical[0])
    lang = tree.xpath("/html/@lang")
    if lang:
        found.html_lang = lang[0].strip().lower() or None
    return found


def _short_text(node) -> str:
    """The first MAX_ITEMPROP_CHARS of an element's text, cut in libxml2 (nested itemprop elements around a long
    text would otherwise make a Python string of all of it once per level)."""
    return _SHORT_TEXT(node)


_SHORT_TEXT = etree.XPath(f"substring(string(.), 1, {MAX_ITEMPROP_CHARS})", smart_strings=False)


# Fields that graphs (Yoast's WordPress @graph above all) give as references to other nodes: {"@id": "...#primaryimage"}.
_REFERENCED = ("image", "author")


def _resolve(value, nodes: dict[str, dict]):
    """A reference {"@id": ...} (maybe with a name) replaced by the node it names, when the page holds it; in a
    list, each item (one level: a list of lists names nothing)."""
    if isinstance(value, list):
        return [_resolve_one(item, nodes) for item in value]
    return _resolve_one(value, nodes)


def _resolve_one(value, nodes: dict[str, dict]):
    if isinstance(value, dict) and set(value) <= {"@id", "name"} and isinstance(value.get("@id"), str):
        node = nodes.get(value["@id"])
        if node is not None:
            return {**node, **{k: v for k, v in value.items() if k == "name"}}
    return value


def _breadcrumb_names(obj: dict) -> list[str]:
    items = obj.get("itemListElement") or []
    if not isinstance(items, list):
        return []
    ordered = sorted((i for i in items if isinstance(i, dict)), key=lambda i: _int(i.get("position")))
    names = []
    for item in ordered:
        name = item.get("name")
        inner = item.get("item")
        if not name and isinstance(inner, dict):
            name = inner.get("name")
        if isinstance(name, str) and clean_text(name):
            names.append(clean_text(name))
    return names


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


# --- reading fields of the JSON-LD article object --------------------------------------------------------


def ld_text(article: dict, key: str) -> str | None:
    value = article.get(key)
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    if not isinstance(value, str):
        return None
    return clean_text(html_lib.unescape(value)) or None


def ld_names(value) -> list[str]:
    """Names from a Person/Organization (or a list of them, or strings)."""
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    names = []
    for item in values:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str):
            names.extend(clean_text(html_lib.unescape(part)) for part in item.split(","))
    return [n for n in names if n]


def ld_urls(value, page_url: str) -> list[str]:
    """URLs from an ImageObject (or a list of them, or strings). A node reference such as Yoast's
    {"@id": "https://site/post/#primaryimage"} names a graph node, not an image: it is skipped."""
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    urls = []
    for item in values:
        if isinstance(item, dict):
            node_id = item.get("@id")
            # an @id with a fragment names a node of the graph ("...#primaryimage"), not an image file
            node_id = node_id if isinstance(node_id, str) and "#" not in node_id else None
            item = item.get("url") or item.get("contentUrl") or node_id
        if isinstance(item, str):
            url = absolute_url(page_url, item)
            if url:
                urls.append(url)
    return urls


def ld_keywords(value) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return []
    return [k for k in (clean_text(html_lib.unescape(v)) for v in value if isinstance(v, str)) if k]


def ld_article_body(article: dict) -> str | None:
    """articleBody, unescaped. Some sites put HTML (or entity-escaped HTML) in it: that is read as text."""
    value = article.get("articleBody")
    if not isinstance(value, str) or not value.strip():
        return None
    text = html_lib.unescape(value)
    if "<" in text and ">" in text:
        from kznews.extract.html import parse_html
        from kznews.extract.text import paragraphs_of

        return "\n\n".join(paragraphs_of(parse_html("<div>" + text + "</div>")))
    paragraphs = [clean_text(p) for p in text.splitlines()]
    return "\n\n".join(p for p in paragraphs if p) or None
