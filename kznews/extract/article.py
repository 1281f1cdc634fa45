"""Article extraction: a pure function from an article page's HTML to the Article fields.

Layers, per field: structured data first (JSON-LD, OpenGraph / article:* meta, <time datetime>), then the site's
selectors (the first `ArticleLayout` whose `detect` matches), then generic heuristics. No layer is trusted
blindly: truncated JSON-LD headlines give way to the visible title, SEO templates are not summaries, structured
dates are checked against the visible date (kznews.extract.timestamps). A layout that stopped matching after a
redesign costs the fields only it could supply, never the article; `ArticleData.sources` says where each field
came from, so the crawl's stats show a site falling back to heuristics the day it changes its markup.

When the layout gives no body (none matched, or its body selector found almost nothing), the generic extractor
(kznews.extract.generic) reads the page as any page; on such pages the date shown by the headline counts when no
structured date exists. Bad input never raises: binary data gives an empty article (note "binary"), markup
beyond 5 MB is not parsed (note "truncated").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from kznews.dates import parse_date_detail, to_almaty
from kznews.extract.generic import date_elements, find_article
from kznews.extract.html import (
    absolute_url,
    base_url,
    clean_text,
    date_text_of,
    node_text,
    parse_html,
    select,
    select_one,
)
from kznews.extract.structured import (
    Structured,
    ld_article_body,
    ld_keywords,
    ld_names,
    ld_text,
    ld_urls,
    read_structured,
)
from kznews.extract.text import clean_paragraphs, join_paragraphs, paragraphs_of
from kznews.extract.timestamps import (
    FIRST_YEAR,
    Candidate,
    choose_instant,
    implausible,
    structured_candidate,
    visible_candidate,
)
from kznews.sites.base import ArticleLayout, Site
from kznews.urls import canonical_from_page

# A body shorter than this from the site's selectors is a sign the layout no longer fits.
LAYOUT_BODY_MIN_CHARS = 200
# In a body found by the generic extractor, paragraphs shorter than this may repeat (list items, table cells);
# longer ones are kept once (the lead printed twice).
REPEAT_MIN_CHARS = 100

_URLISH = re.compile(r"https?://|www\.|\.(kz|ru|com|org|media)\b", re.IGNORECASE)
# Role labels in a byline ("Текст: Данияр Молдабеков, Фото: Данияр Мусиров", "Original Author: Ilya Astakhov").
_BYLINE_ROLE = re.compile(
    r"(?:^|(?<=[\s,;.]))(текст|автор|авторы|мәтін|авторлар|(?:original\s+)?author|text|written\s+by|"
    r"(?:автор\s+)?(?:фото|фотограф|сурет|суреттер|photo|photos|видео|video|оператор|монтаж|коллаж|инфографика|дизайн))\s*:\s*",
    re.IGNORECASE,
)
_WRITING_ROLES = re.compile(r"^(текст|автор|авторы|мәтін|авторлар|(original\s+)?author|text|written\s+by)$", re.IGNORECASE)
_NAME_SEPARATOR = re.compile(r"\s*(?:,|;|\bи\b|\bжәне\b|\band\b)\s*")
_IMAGE_SKIP = re.compile(r"\.svg(\?|$)|^data:|/(pixel|spacer|blank)\.|counter|logo", re.IGNORECASE)


@dataclass
class ArticleData:
    url: str  # canonical
    fetched_url: str
    site: str
    lang: str
    title: str | None = None
    summary: str | None = None
    body: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    modified_at: datetime | None = None
    published_at_text: str | None = None
    fetched_at: datetime | None = None
    layout: str | None = None  # name of the ArticleLayout used, None when only heuristics applied
    sources: dict[str, str] = field(default_factory=dict)  # field -> "jsonld" | "meta" | "layout" | ...
    notes: list[str] = field(default_factory=list)  # anomalies worth counting (offset corrected, ...)


def choose_layout(tree, site: Site) -> ArticleLayout | None:
    for layout in site.article_layouts:
        if select_one(tree, layout.detect) is not None:
            return layout
    return None


def extract_article(html: str | bytes, url: str, site: Site, lang: str, fetched_at: datetime, tree=None) -> ArticleData:
    """All Article fields of one page. `fetched_at` resolves relative dates ("Сегодня, 11:16")."""
    truncated = tree is None and len(html) > MAX_MARKUP
    if truncated:
        html = html[:MAX_MARKUP]
    tree = parse_html(html) if tree is None else tree
    if _looks_binary(tree):
        # Not a page (an image or an archive served as text/html): nothing in it is an article's field.
        return ArticleData(
            url=canonical_from_page(url, None, site.host_aliases), fetched_url=url, site=site.name, lang=lang,
            fetched_at=to_almaty(fetched_at), notes=["binary"],
        )
    base = base_url(tree, url)
    structured = read_structured(tree, base)
    layout = choose_layout(tree, site)
    data = ArticleData(
        url=canonical_from_page(url, structured.canonical, site.host_aliases),
        fetched_url=url,
        site=site.name,
        lang=lang,
        fetched_at=to_almaty(fetched_at),
        layout=layout.name if layout else None,
    )
    data.notes.extend(structured.notes)
    if truncated:
        data.notes.append("truncated")
    visible_title = _visible_title(tree, layout, site)
    data.title = _title(data, tree, structured, visible_title, site, layout)
    article_elements = _body(data, tree, structured, layout, site)
    _summary(data, tree, structured, layout, site)
    _authors(data, tree, structured, layout, site)
    _tags(data, tree, structured, layout)
    _section(data, tree, structured, layout)
    _images(data, tree, structured, layout, base, article_elements)
    _dates(data, tree, structured, layout, lang, article_elements)
    return data


# Markup read at most when the extractor parses the page itself: a page the crawler fetches is at most 10 MB
# (DOWNLOAD_MAXSIZE) and real articles are far smaller (the benchmark's largest is 0.5 MB); 20 MB of hostile
# markup would cost seconds of parsing for nothing.
MAX_MARKUP = 5_000_000
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
# Share of control characters (or decoding replacements) in the first 8 KB of a page's text, and in its first
# 256 characters, above which it is binary data: text has none; random bytes parsed as HTML have about 11%, from their
# first byte on. A page that opens as text and carries garbage further down (a paragraph of broken character
# references) is a page.
BINARY_SHARE = 0.05
BINARY_HEAD = 256


def _looks_binary(tree) -> bool:
    """The page's text, as parsed (so a UTF-16 page decoded from its BOM is text), begins with control
    characters or decoding replacements: binary data."""
    pieces, size = [], 0
    for text in tree.itertext():
        pieces.append(text)
        size += len(text)
        if size >= 8192:
            break
    sample = "".join(pieces)[:8192]
    if not sample:
        return False
    return all(len(_CONTROL.findall(text)) > BINARY_SHARE * len(text) for text in (sample, sample[:BINARY_HEAD]))


# --- fields ------------------------------------------------------------------------------------------------


def _visible_title(tree, layout: ArticleLayout | None, site: Site) -> str | None:
    """The headline as the page shows it, without the label some sites print on the title line ("Эксклюзив
    КТ" on kt.kz): the site's title suffix applies here as well as to the structured titles."""
    text = node_text(select_one(tree, layout.title)) if layout and layout.title else ""
    text = text or node_text(select_one(tree, "h1"))
    return _strip_suffix(text, site) or None


def _strip_suffix(title: str, site: Site) -> str:
    if site.title_suffix:
        title = site.title_suffix.sub("", title).strip()
    return title


def _truncated(candidate: str, full: str | None) -> bool:
    if not full or len(full) <= len(candidate):
        return False
    return full.startswith(_strip_ellipsis(candidate))


def _strip_ellipsis(text: str) -> str:
    """`text` without trailing dots, ellipses and spaces (a loop: the regex `[.…\\s]+$` is quadratic on a
    title of many dots that does not end in one)."""
    end = len(text)
    while end and (text[end - 1] in ".…" or text[end - 1].isspace()):
        end -= 1
    return text[:end]


def _title(
    data: ArticleData, tree, structured: Structured, visible: str | None, site: Site, layout: ArticleLayout | None
) -> str | None:
    options = (
        ("jsonld", ld_text(structured.article, "headline") or ld_text(structured.article, "name")),
        ("meta", structured.first("og:title", "twitter:title")),
    )
    # A site without its own suffix rule (an unknown site): the name the page gives itself is cut instead.
    names = set() if site.title_suffix else _site_names(structured, data.fetched_url)
    for source, value in options:
        if value:
            value = _without_site_name(_strip_suffix(value, site), names)
            if value and not _truncated(value, visible):
                data.sources["title"] = source
                return value
    page_title = _without_site_name(_strip_suffix(node_text(select_one(tree, "title")), site), names)
    # On an unknown layout, an <h1> that the page's <title> does not contain is a logo, not the headline.
    if visible and (layout is not None or not page_title or _normal(visible) in _normal(page_title)):
        data.sources["title"] = "layout"
        return visible
    if page_title:
        data.sources["title"] = "heuristic"
    return page_title or None


_TITLE_PARTS = re.compile(r"\s+[|\-–—:·»«/]\s+")
_NOT_ALNUM = re.compile(r"\W+")


def _normal(text: str) -> str:
    return _NOT_ALNUM.sub("", text.casefold())


def _site_names(structured: Structured, url: str) -> set[str]:
    """The names a page may give itself in its title: og:site_name, application-name, its host's first label."""
    names = {_normal(n) for n in (structured.first("og:site_name"), structured.first("application-name")) if n}
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    names.add(_normal(host.split(".")[0]))
    names.add(_normal(host))
    return names - {""}


def _without_site_name(title: str, names: set[str]) -> str:
    """"Headline | TheHill" -> "Headline": a first or last part of the title that is the site's name."""
    if not names or not title:
        return title
    parts = _TITLE_PARTS.split(title)
    if len(parts) < 2:
        return title
    separators = _TITLE_PARTS.findall(title)
    if _normal(parts[-1]) in names:
        return title[: len(title) - len(parts[-1]) - len(separators[-1])].strip()
    if _normal(parts[0]) in names:
        return title[len(parts[0]) + len(separators[0]) :].strip()
    return title


def _body(data: ArticleData, tree, structured: Structured, layout: ArticleLayout | None, site: Site) -> list:
    """Sets the body; returns the elements the generic extractor took it from ([] when the layout gave it)."""
    drop_texts = [data.title] if data.title else []
    paragraphs: list[str] = []
    if layout and layout.body:
        for container in select(tree, layout.body):
            paragraphs.extend(paragraphs_of(container, layout.drop, layout.stop))
        paragraphs = clean_paragraphs(paragraphs, site.boilerplate, drop_texts)
        if paragraphs:
            data.sources["body"] = "layout"
    body = join_paragraphs(paragraphs)
    elements: list = []
    if len(body) < LAYOUT_BODY_MIN_CHARS:
        # The layout gave no body (a redesign, an archived page, a site without selectors): the generic
        # extractor over the page, checked against the body the page declares in JSON-LD.
        found = find_article(tree, layout.drop if layout else ())
        elements = found.elements
        heuristic = join_paragraphs(clean_paragraphs(found.paragraphs, site.boilerplate, drop_texts, REPEAT_MIN_CHARS))
        ld_body = ld_article_body(structured.article)
        declared = join_paragraphs(clean_paragraphs(ld_body.split("\n\n"), site.boilerplate, drop_texts)) if ld_body else ""
        source, candidate = _fallback_body(heuristic, declared)
        if len(candidate) > len(body):
            body = candidate
            data.sources["body"] = source
    data.body = _cut_dateline(body, site) or None
    return elements


_WORD = re.compile(r"\w+")


def _fallback_body(heuristic: str, declared: str) -> tuple[str, str]:
    """The page's text as the generic extractor found it, or the JSON-LD articleBody when that says more.

    articleBody is the publisher's own word but often a teaser (the first paragraph) or one unbroken block; the
    page's text has paragraphs. So the page's text wins when it holds nearly all of the declared body; the declared
    body wins when the extractor missed a good part of it and found less text overall (the wrong element)."""
    if not declared:
        return "heuristic", heuristic
    if not heuristic:
        return "jsonld", declared
    found = Counter(_WORD.findall(heuristic.casefold()))
    said = Counter(_WORD.findall(declared.casefold()))
    covered = sum((found & said).values()) / max(1, sum(said.values()))
    if covered >= 0.9 or sum(found.values()) >= sum(said.values()):
        return "heuristic", heuristic
    return "jsonld", declared


def _cut_dateline(text: str, site: Site) -> str:
    return site.dateline.sub("", text, count=1).lstrip() if site.dateline and text else text


def _summary(data: ArticleData, tree, structured: Structured, layout: ArticleLayout | None, site: Site) -> None:
    options = []
    if layout and layout.summary:
        options.append(("layout", node_text(select_one(tree, layout.summary))))
    options += [
        ("jsonld", ld_text(structured.article, "description")),
        ("meta", structured.first("og:description", "description", "twitter:description")),
    ]
    for source, value in options:
        if not value or value == data.title:
            continue
        if site.junk_summary and site.junk_summary.search(value):
            continue
        data.summary = _cut_dateline(value, site)
        data.sources["summary"] = source
        return


def _is_person_name(name: str, site: Site) -> bool:
    if not name or len(name) > 80 or _URLISH.search(name):
        return False
    lowered = name.casefold()
    return lowered not in {site.title.casefold(), site.name.casefold()}


def _unique(values) -> list[str]:
    seen: set[str] = set()
    out = []
    for value in values:
        key = value.casefold()
        if value and key not in seen:
            seen.add(key)
            out.append(value)
    return out


def _ld_people(value) -> list:
    """JSON-LD authors minus the organisations: a site (or its edition under another name, "Sputnik Қазақстан")
    naming itself the author names no person."""
    values = value if isinstance(value, list) else [value]
    return [v for v in values if not (isinstance(v, dict) and str(v.get("@type", "")).endswith("Organization"))]


def byline_names(text: str) -> list[str]:
    """The writers named by a byline. Without role labels the text is one name; with them, only the names after
    writing roles count ("Текст: A, B, Фото: C" -> [A, B]): photographers and video editors are not authors."""
    parts = _BYLINE_ROLE.split(text)
    if len(parts) == 1:
        return [text]
    names = [n for n in _NAME_SEPARATOR.split(parts[0].strip(" ,;.")) if n] if parts[0].strip(" ,;.") else []
    for role, names_text in zip(parts[1::2], parts[2::2], strict=True):
        if _WRITING_ROLES.match(role):
            names += [n.strip(" .") for n in _NAME_SEPARATOR.split(names_text.strip(" ,;.")) if n.strip(" .")]
    return names


def _authors(data: ArticleData, tree, structured: Structured, layout: ArticleLayout | None, site: Site) -> None:
    options = [("jsonld", ld_names(_ld_people(structured.article.get("author"))))]
    if layout and layout.authors:
        options.append(("layout", [node_text(n) for n in select(tree, layout.authors)]))
    options.append(
        ("meta", structured.all("author") + structured.all("article:author") + structured.all("itemprop:author"))
    )
    for source, names in options:
        names = _unique(n for text in names for n in byline_names(text) if _is_person_name(n, site))
        if names:
            data.authors = names
            data.sources["authors"] = source
            return


def _tags(data: ArticleData, tree, structured: Structured, layout: ArticleLayout | None) -> None:
    options = [
        ("meta", structured.all("article:tag")),
        ("jsonld", ld_keywords(structured.article.get("keywords"))),
    ]
    if layout and layout.tags:
        options.insert(0, ("layout", [node_text(n) for n in select(tree, layout.tags)]))
    for source, tags in options:
        tags = _unique(t.lstrip("#").strip() for t in tags)
        if tags:
            data.tags = tags
            data.sources["tags"] = source
            return


def _section(data: ArticleData, tree, structured: Structured, layout: ArticleLayout | None) -> None:
    options = []
    if layout and layout.section:
        options.append(("layout", node_text(select_one(tree, layout.section))))
    crumbs = [c for c in structured.breadcrumbs[1:] if c != data.title]
    if crumbs:
        options.append(("jsonld", crumbs[-1]))
    section = structured.article.get("articleSection")
    if isinstance(section, list):
        section = next((s for s in section if isinstance(s, str)), None)
    options.append(("jsonld", clean_text(section) if isinstance(section, str) else None))
    options.append(("meta", structured.first("article:section")))
    for source, value in options:
        if value:
            data.section = value
            data.sources["section"] = source
            return


def _images(
    data: ArticleData, tree, structured: Structured, layout: ArticleLayout | None, base: str, article_elements: list
) -> None:
    urls = []
    urls += [absolute_url(base, u) for u in structured.all("og:image")]
    urls += ld_urls(structured.article.get("image"), base)
    nodes: list = []
    if layout:
        nodes = select(tree, layout.images) if layout.images else []
        if not nodes and layout.body:
            nodes = [img for container in select(tree, layout.body) for img in container.iter("img")]
    else:  # an unknown layout: the pictures inside the elements the generic extractor took the text from
        nodes = [img for element in article_elements for img in element.iter("img")]
    for node in nodes:
        src = node.get("data-src") or node.get("data-original") or node.get("src")
        urls.append(absolute_url(base, src))
    data.images = _unique(u for u in urls if u and not _IMAGE_SKIP.search(u))[:50]
    if data.images:
        data.sources["images"] = "mixed"


def _dates(
    data: ArticleData, tree, structured: Structured, layout: ArticleLayout | None, lang: str, article_elements: list
) -> None:
    fetched = data.fetched_at

    def plausible(candidate: Candidate | None) -> bool:
        # the date policy's bounds (kznews.extract.timestamps): another source may hold the right date
        if candidate is None:
            return False
        if implausible(candidate.value, fetched) == "future":
            data.notes.append(f"future_date:{candidate.source}")
            return False
        if implausible(candidate.value, fetched) == "too_early":
            data.notes.append(f"ancient_date:{candidate.source}")
            return False
        return True

    published = [
        structured_candidate("jsonld", _ld_date(structured, "datePublished")),
        structured_candidate("meta", structured.first("article:published_time", "og:article:published_time")),
        structured_candidate(
            "meta", structured.first("itemprop:datepublished", "datepublished", "pubdate", "publish-date")
        ),
    ]
    # The first <time datetime> of the article itself (never the page's: sidebars print the fetch day's times);
    # on an unknown layout, the first one inside <article>.
    containers = select(tree, layout.body)[:1] if layout and layout.body else select(tree, "article")[:1]
    for container in containers:
        for node in container.iter("time"):
            published.append(structured_candidate("time", node.get("datetime")))
            break
    published = [c for c in published if plausible(c)]

    visible = None
    if layout and layout.date:
        node = select_one(tree, layout.date)
        if node is not None:
            text = date_text_of(node, layout.date_attr)
            candidate = visible_candidate("layout", text, parse_date_detail(text, lang, fetched))
            visible = candidate if plausible(candidate) else None
            if visible is None and text:
                data.notes.append("unparsed_date")
    elif layout is None and not published:
        # An unknown layout and no structured date: the date the page shows by its headline, if any.
        visible = _shown_date(tree, data, article_elements, lang, plausible)

    chosen = choose_instant(published, visible)
    if chosen is not None:
        data.published_at = chosen.value
        data.published_at_text = chosen.text
        data.sources["published_at"] = chosen.source
        if chosen.corrected:
            data.notes.append("offset_corrected")
        if not chosen.has_time:
            data.notes.append("published_day_only")
        disagreeing = [c for c in published if c.has_time and abs((c.value - chosen.value).total_seconds()) >= 60]
        if disagreeing and chosen.has_time:
            data.notes.append("date_sources_disagree")

    modified = [
        structured_candidate("jsonld", _ld_date(structured, "dateModified")),
        structured_candidate("meta", structured.first("article:modified_time", "og:updated_time")),
    ]
    visible_modified = None
    if layout and layout.modified:
        text = date_text_of(select_one(tree, layout.modified), layout.date_attr)
        visible_modified = visible_candidate("layout", text, parse_date_detail(text, lang, fetched))
        visible_modified = visible_modified if plausible(visible_modified) else None
    chosen_modified = choose_instant([c for c in modified if plausible(c)], visible_modified)
    if chosen_modified is not None:
        data.modified_at = chosen_modified.value
        data.sources["modified_at"] = chosen_modified.source


def _shown_date(tree, data: ArticleData, article_elements: list, lang: str, plausible) -> Candidate | None:
    for node in date_elements(tree, data.title, article_elements):
        text = date_text_of(node, "datetime")
        candidate = visible_candidate("visible", text, parse_date_detail(text[:200], lang, data.fetched_at))
        if candidate is not None and candidate.value.year >= FIRST_YEAR and plausible(candidate):
            return candidate
    return None


def _ld_date(structured: Structured, key: str) -> str | None:
    value = structured.article.get(key)
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) else None
