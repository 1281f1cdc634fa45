"""One saved page read as the crawler would read it: the pure entry point behind `python -m kznews extract` and
the generic-extraction benchmark.

    extract_page(html, url, now, site=None, kind=None, use_layouts=True) -> dict (JSON-ready but for datetimes)

With a site, the page is read with the site's knowledge (its layouts, boilerplate, URL rules); `use_layouts=False`
removes the site's article and list layouts, which shows what the fallback alone makes of the page (what a
redesign would leave). Without a site, the page is read with no site knowledge at all: a generic site that owns
the page's host, takes any path as a candidate, and has no layouts.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from kznews.extract.article import MAX_MARKUP, extract_article
from kznews.extract.generic import find_article
from kznews.extract.html import parse_html
from kznews.extract.listing import extract_list
from kznews.extract.structured import ARTICLE_TYPES, read_structured
from kznews.sites.base import Edition, Site

GENERIC = "generic"
# The path of an article: a slug of three words or more, a numeric id of five digits or more, a /yyyy/mm/ date.
_ARTICLE_URL = re.compile(r"[^/]*\w[-_]\w[^/]*[-_]\w|\d{5,}|/(19|20)\d\d/[01]?\d/")
_LANG = re.compile(r"^[a-z]{2,3}(?=$|[-_])", re.IGNORECASE)


# Bytes no HTML page opens with: C0 control characters other than whitespace (a NUL above all).
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_BINARY_HEAD = 1024


def not_html_reason(data: bytes) -> str | None:
    """Why saved bytes are not an HTML page (empty, gzip-compressed, binary), or None for text. The extractor
    itself reads anything without raising; this is for tools that should say so rather than print an empty
    article."""
    if not data.strip():
        return "the file is empty"
    if data[:2] == b"\x1f\x8b":
        return "the file is gzip-compressed (gunzip it first)"
    head = data[:_BINARY_HEAD]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its BOM is text
        return None
    if _BINARY_BYTES.search(head):
        return "the file is binary data, not text"
    return None


def without_layouts(site: Site) -> Site:
    """The site as a redesign would leave it: its URL rules, boilerplate and hosts, none of its selectors."""
    return dataclasses.replace(site, article_layouts=(), list_layouts=())


def generic_site(url: str, lang: str = "") -> Site:
    """A site that knows nothing: it owns the page's host (with and without www.), any path but the home page
    is an article candidate, and it has no layouts. `lang` "" lets the date engine try every language."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url!r}")
    host = parts.hostname.lower()
    bare = host.removeprefix("www.")
    other = bare if host != bare else "www." + bare
    return Site(
        name=GENERIC,
        title="",
        editions=(Edition(lang=lang, origin=f"{parts.scheme}://{host}"),),
        article_path=re.compile(r"^/[^?#]*[^/?#]"),
        host_aliases={other: host},
    )


def page_lang(tree) -> str:
    """The page's own language code (<html lang="en-US"> -> "en"), or ""."""
    found = tree.xpath("/html/@lang")
    match = _LANG.match(found[0].strip()) if found else None
    return match.group(0).lower() if match else ""


def guess_kind(tree, url: str) -> str:
    """Article or list, with no site knowledge: an article when the page's JSON-LD declares one, or when the URL
    has an article's shape (a slug of several words, a long numeric id, a /yyyy/mm/ date) and the page holds text;
    a list otherwise. (og:type is no help: tengrinews.kz declares "article" on its lists too.)"""
    structured = read_structured(tree, url)
    declared = {k.lower() for k in _types(structured.article.get("@type"))}
    if declared & (ARTICLE_TYPES - {"webpage"}):
        return "article"
    if _ARTICLE_URL.search(urlsplit(url).path) and find_article(tree).paragraphs:
        return "article"
    return "list"


def _types(value) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str)]


def extract_page(
    html: str | bytes,
    url: str,
    now: datetime,
    *,
    site: Site | None = None,
    kind: str | None = None,
    use_layouts: bool = True,
) -> dict:
    """What the extractors make of one page, as `python -m kznews extract` prints it.

    Raises ValueError when the URL is not one of the site's (or, without a site, not an http(s) URL)."""
    truncated = len(html) > MAX_MARKUP
    html = html[:MAX_MARKUP]  # as extract_article does when it parses the page itself
    tree = parse_html(html)
    if site is None:
        site = generic_site(url, page_lang(tree))
    elif not use_layouts:
        site = without_layouts(site)
    edition = site.edition_for_url(url)
    if edition is None:
        raise ValueError(f"{url} is not on {site.name} ({', '.join(sorted(site.hosts))})")
    if kind is None:
        kind = guess_kind(tree, url) if site.name == GENERIC else ("article" if site.is_article_url(url) else "list")
    if kind == "list":
        page = extract_list(html, url, site, edition.lang, now, tree=tree)
        return {
            "kind": "list",
            "layouts": page.layouts,
            "entries": [
                {
                    "url": e.url,
                    "title": e.title,
                    "published_at": e.published_at,
                    "published_day": e.published_day,
                    "date_text": e.date_text,
                    # in another block than the page's own list (a sidebar): requested, but not a reason to walk on
                    "secondary": e.secondary,
                }
                for e in page.entries
            ],
            "next": page.next,
        }
    if kind != "article":
        raise ValueError(f"unknown kind {kind!r}: list or article")
    data = extract_article(html, url, site, edition.lang, now, tree=tree)
    if truncated:
        data.notes.append("truncated")
    return {"kind": "article", **data.__dict__}


def extract_batch(lines, base: Path, now: datetime, *, encoding: str = "utf-8", **options) -> Iterator[dict]:
    """`extract_page` over the lines `URL<TAB>PATH` of a list, in order: one result per line (blank lines and
    #-comments skipped). A line that cannot be read gives `{"line", "url", "path", "error"}`, never an abort."""
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        url, _, path = line.partition("\t")
        url, path = url.strip(), path.strip()
        try:
            if not url or not path:
                raise ValueError("expected URL<TAB>PATH")
            data = (base / path).read_bytes()
            reason = not_html_reason(data)
            if reason:
                raise ValueError(f"not an HTML page: {reason}")
            html = data.decode(encoding, errors="replace")
            result = extract_page(html, url, now, **options)
        except Exception as error:  # one bad line (missing file, foreign URL) never stops the batch
            yield {"line": number, "url": url or None, "path": path or None, "error": f"{type(error).__name__}: {error}"}
            continue
        yield {"line": number, "path": path, **result}
