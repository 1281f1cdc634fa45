"""List extraction: a pure function from a list page (news feed page, section, tag, headline blocks) to its
article entries and its pagination links.

Every `ListLayout` of the site that matches the page contributes entries (a home page holds several headline
blocks; a site mid-redesign may hold both markups). When none matches, every link on the page that the site
calls an article is taken, named by its headline and dated by what its entry shows (kznews.extract.list_fallback):
the crawl goes on, and can still stop at old pages, while the stats show the list layout is gone.

Entries are merged by canonical URL (kznews.urls): an http and an https link, or one with tracking parameters,
to the same article are one entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from kznews.dates import parse_date_detail
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
from kznews.extract.list_fallback import generic_entries
from kznews.sites.base import Site
from kznews.urls import canonicalize_url


@dataclass
class ListEntry:
    url: str  # absolute, as linked
    title: str | None = None
    published_at: datetime | None = None  # when the list shows a date and a time
    published_day: date | None = None  # when the list shows only a day ("Сегодня")
    date_text: str | None = None
    modified_at: datetime | None = None  # when the list says the article was updated
    # True for entries of a page's other blocks (sidebars, "popular") when no layout matched: the walk of a list
    # decides whether to go on by the entries of the list itself (kznews.spiders.engine).
    secondary: bool = False

    @property
    def day(self) -> date | None:
        return self.published_at.date() if self.published_at else self.published_day


@dataclass
class ListPage:
    entries: list[ListEntry] = field(default_factory=list)
    next: list[str] = field(default_factory=list)  # pagination links found on the page
    layouts: list[str] = field(default_factory=list)  # names of the layouts that matched; [] = generic links


def _link_title(link) -> str | None:
    text = node_text(link)
    if text:
        return text
    if link is None:
        return None
    title = link.get("title") or ""
    if not title:
        img = next(link.iter("img"), None)
        title = img.get("alt", "") if img is not None else ""
    return clean_text(title) or None


def extract_list(html: str | bytes, url: str, site: Site, lang: str, fetched_at: datetime, tree=None) -> ListPage:
    tree = parse_html(html) if tree is None else tree
    base = base_url(tree, url)
    page = ListPage()
    by_url: dict[str, ListEntry] = {}

    def add(entry: ListEntry, key: str | None = None) -> None:
        key = key or canonicalize_url(entry.url, site.host_aliases)
        known = by_url.get(key)
        if known is None:
            by_url[key] = entry
            page.entries.append(entry)
            return
        # The same article in two blocks: keep the first, fill what it lacks.
        known.title = known.title or entry.title
        if known.published_at is None and entry.published_at is not None and known.published_day in (
            None,
            entry.published_at.date(),
        ):
            known.published_at, known.date_text = entry.published_at, entry.date_text
        if known.published_at is None and known.published_day is None and entry.published_day is not None:
            known.published_day, known.date_text = entry.published_day, entry.date_text
        known.secondary = known.secondary and entry.secondary

    for layout in site.list_layouts:
        items = select(tree, layout.item)
        if not items:
            continue
        page.layouts.append(layout.name)
        date_nodes = {item: select_one(item, layout.date) for item in items}
        headings = _day_headings(tree, layout.day_heading, date_nodes.values())
        for item in items:
            link = select_one(item, layout.link)
            href = absolute_url(base, link.get("href")) if link is not None else None
            if not href or not site.is_article_url(href):
                continue
            title = node_text(select_one(item, layout.title)) if layout.title else None
            entry = ListEntry(url=href, title=title or _link_title(link))
            date_node = date_nodes[item]
            if date_node is not None:
                text = date_text_of(date_node, layout.date_attr)
                if date_node in headings:
                    text = f"{headings[date_node]} {text}".strip()
                parsed = parse_date_detail(text, lang, fetched_at)
                entry.date_text = text or None
                if parsed is not None:
                    if parsed.has_time:
                        entry.published_at = parsed.value
                    else:
                        entry.published_day = parsed.value.date()
            add(entry)
        if layout.next:
            for node in select(tree, layout.next):
                _add_next(page, base, node.get("href"), site)

    if not page.layouts:
        for found in generic_entries(tree, base, site, lang, fetched_at):
            entry = ListEntry(
                url=found.url,
                title=found.title,
                published_at=found.published_at,
                published_day=found.published_day,
                date_text=found.date_text,
                secondary=found.secondary,
            )
            add(entry, found.key)
    for link in tree.iter("link"):  # a quarter of the cost of an XPath over a large page
        if "next" in (link.get("rel") or "").lower().split():
            _add_next(page, base, link.get("href"), site)
    return page


def _day_headings(tree, css: str | None, date_nodes) -> dict:
    """Date element -> text of the last day heading before it in document order (ListLayout.day_heading)."""
    if not css:
        return {}
    heading_nodes = set(select(tree, css))
    wanted = {node for node in date_nodes if node is not None}
    found = {}
    current = ""
    for node in tree.iter():
        if node in heading_nodes:
            current = node_text(node)
        elif node in wanted and current:
            found[node] = current
    return found


def _add_next(page: ListPage, base: str, href: str | None, site: Site) -> None:
    url = absolute_url(base, href)
    if url and url not in page.next and site.edition_for_url(url) is not None:
        page.next.append(url)
