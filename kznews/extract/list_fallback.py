"""List entries of a page no list layout of its site matches: every link the site calls an article, named by its
headline and dated by what its entry shows. A pure function over the parsed page (kznews.extract.listing calls it).

Finding an entry without selectors is finding its container: the largest element around an article link that
holds links to that article and to no other (a card with its image link, title link, date and view count; a
`<li>` of a headline list). Its parent holds the links of other articles: that is how repeated sibling structures
are told apart without knowing their class names. Entries whose containers sit at the same place of the page
(same depth; same tag and first class of the container, its parent and grandparent) form one block. The page's
main list is the block outside sidebars, menus, headers and footers (by tag or class name) with the most articles,
a block of cards (pictures, leads) counting up to twice a block of bare headlines; the others (sidebars, "popular",
tickers) are marked `secondary` so that the walk of a list stops on its own entries, not on the sidebar that every
page of it repeats.

- Title: the text of the article's link that is a headline (inside a heading or an element whose class says
  title, or containing one), else its longest text link. Never an image's alt text, never a photo credit or
  caption ("Фото: Podruga.uz", "©️ Xinhua", text in <figcaption> or in elements whose class says caption or
  credit), never a leading time ("09:27 Дело ..." is the title "Дело ..." dated 09:27), never a view count.
- Date: from the container only: `time[datetime]`, else the most complete date-like text in it (a short string
  made of date words, numbers and separators: "Сегодня | 11:44", "24.08.2025, 10:41 312", "15 января 2023,
  13:49"), read by the date engine in the edition's language. A date with a time beats a day, a day beats a bare
  time. A bare time ("13:51") takes its day from a day heading just before the entry ("Сегодня", "15 августа")
  or else is the latest such time not after the fetch.
- Merging by canonical URL (kznews.urls) is the caller's: http and https, www. and tracking parameters are one
  entry there.

Bounded on hostile pages: at most MAX_LINKS article links are considered and text is only read from small
elements.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kznews.dates import parse_date_detail
from kznews.dates import tables as date_tables
from kznews.dates.engine import normalise
from kznews.extract.html import absolute_url
from kznews.extract.timestamps import Candidate, choose_instant, structured_candidate, visible_candidate
from kznews.sites.base import Site
from kznews.urls import canonicalize_url

MAX_LINKS = 3000  # article links considered on one page (a real list page has a few hundred at most)
MAX_ITEM_CHARS = 1200  # an entry's container is never larger than a card with a lead
MAX_DATE_CHARS = 64  # a date string is short; longer text is a headline or a lead
MAX_TITLE_CHARS = 500  # text read for a headline (real ones are a few hundred characters at most)
MAX_CREDIT_CHARS = 60  # photo credits are short; a headline that opens with "Фото" is usually longer
MAX_HEADING_STEPS = 2  # day headings are looked for among the siblings of the entry and of two ancestors

_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "select", "button", "head"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_MEDIA_TAGS = frozenset({"img", "picture", "video", "figure", "svg"})

# Classes that mark a caption or a credit (never a title, never a date source).
_CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:caption|credits?|copyright|photo-?(?:author|source|credit))(?:$|[\s_-])", re.I)
# Classes that mark a headline.
_TITLE_CLASS = re.compile(r"(?:title|head(?:line|ing)?)(?:$|[\s_-])|(?:^|[\s_-])(?:title|headline)", re.I)
# Photo credits and captions as sites print them under or inside image links.
_CREDIT_TEXT = re.compile(
    r"^(?:[©]|\(c\)|фото|foto|photo|сурет|кадр|скриншот|иллюстратив|изображение сгенерировано|коллаж|images?\s*\||"
    r"видео:|video:|источник фото|автор фото|instagram/|t\.me/|x\.com/)",
    re.IGNORECASE,
)
# A time or a numeric date at the start of a headline link ("09:27 Дело ...", "24.08.2025, 10:41 Текст").
_LEADING_DATE = re.compile(
    r"^\s*((?:\d{1,2}[./]\d{1,2}[./]\d{2,4}[,\s|]*)?(?:\d{1,2}:\d{2})|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
    r"(?:\s*[|,–—-]\s*|\s+)(?=\S)"
)
_BARE_TIME = re.compile(r"(?<![0-9:.])([0-2]?[0-9]:[0-5][0-9])(?![0-9])")
_DIGIT = re.compile(r"[0-9]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_WORD = re.compile(r"[^\W\d_]+")
_ONLY_NUMBERS = re.compile(r"^[\s0-9.,:|/•·()+-]*$")

# Words a date string may be made of besides numbers: months, relative days, units, weekdays, and the glue
# words and labels sites print around dates.
_DATE_WORDS = frozenset(
    {normalise(word).rstrip(".") for word in date_tables.FALLBACK_VOCABULARY}
    | {w for phrase in (*date_tables.RELATIVE_DAYS, *date_tables.JUST_NOW) for w in phrase.split()}
    | {
        "г", "гг", "года", "год", "в", "во", "at", "on", "of", "ж", "жыл", "жылы", "жылғы", "j", "jyl", "jyly",
        "gmt", "utc", "am", "pm", "т", "t", "z",
        "опубликовано", "обновлено", "дата", "жарияланды", "жаңартылды", "published", "updated", "posted",
    }
)  # fmt: skip
_RELATIVE_WORDS = frozenset(w for phrase in date_tables.RELATIVE_DAYS for w in phrase.split())
_TODAY = {"ru": "сегодня", "kk": "бүгін", "en": "today"}
_YESTERDAY = {"ru": "вчера", "kk": "кеше", "en": "yesterday"}


@dataclass
class GenericEntry:
    url: str  # absolute, as first linked
    key: str  # canonical URL
    title: str | None
    date_text: str | None
    published_at: datetime | None
    published_day: date | None
    secondary: bool


@dataclass
class _DateFound:
    text: str
    rank: int  # 3: day and time, 2: day, 1: bare time
    value: datetime | None  # None for a bare time not yet resolved
    has_time: bool
    relative: bool = False  # the day came from the fetch time ("Сегодня, 11:52")


def generic_entries(tree, base: str, site: Site, lang: str, fetched_at: datetime) -> list[GenericEntry]:
    links = _article_links(tree, base, site)
    if not links:
        return []
    owner = _owners(links)
    items: dict = {}  # container element -> (canonical URL, [its links to that article])
    order: list = []
    for link, _, key in links:
        item = _container(link, key, owner)
        if item not in items:
            items[item] = (key, [])
            order.append(item)
        items[item][1].append(link)
    first_url = {}
    for _, url, key in links:
        first_url.setdefault(key, url)
    main_block = _main_block(order, items)
    entries: list[GenericEntry] = []
    for item in order:
        key, item_links = items[item]
        title, lead_date = _title(item, item_links)
        found = _date(item, title, lead_date, lang, fetched_at)
        if found is not None and found.value is None:  # a bare time: find its day
            found = _resolve_bare_time(item, found, items, lang, fetched_at)
        entry = GenericEntry(
            url=first_url[key],
            key=key,
            title=title,
            date_text=found.text if found else None,
            published_at=found.value if found and found.has_time else None,
            published_day=found.value.date() if found and found.value and not found.has_time else None,
            secondary=_signature(item) != main_block,
        )
        entries.append(entry)
    return entries


# --- links and their containers ------------------------------------------------------------------------------


def _article_links(tree, base: str, site: Site) -> list[tuple]:
    found = []
    for link in tree.iter("a"):
        href = absolute_url(base, link.get("href"))
        if href and site.is_article_url(href):
            found.append((link, href, canonicalize_url(href, site.host_aliases)))
            if len(found) >= MAX_LINKS:
                break
    return found


_MIXED = object()


def _owners(links) -> dict:
    """Element -> the canonical URL of the only article it links to, or _MIXED when it links to several."""
    owner: dict = {}
    for link, _, key in links:
        node = link
        while node is not None:
            current = owner.get(node)
            if current is None:
                owner[node] = key
            elif current is _MIXED or current == key:
                break  # the ancestors above were marked by an earlier walk
            else:
                owner[node] = _MIXED
            node = node.getparent()
    return owner


def _container(link, key: str, owner: dict):
    """The largest element around `link` that links to its article and to no other, within size bounds."""
    node = link
    while True:
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html") or owner.get(parent) != key:
            return node
        if len(parent.text_content()) > MAX_ITEM_CHARS:
            return node
        node = parent


def _signature(item) -> tuple:
    """Where an entry's container sits: its depth and the tag and first class of it, its parent and grandparent.
    The containers of one list share it; a sidebar's list has another parent class or depth."""
    parts: list = [sum(1 for _ in item.iterancestors())]
    node = item
    for _ in range(3):
        if node is None:
            break
        classes = (node.get("class") or "").split()
        parts.append((node.tag, classes[0] if classes else ""))
        node = node.getparent()
    return tuple(parts)


# Containers of blocks that are not a page's own list: sidebars, menus, headers and footers, "most read".
_ASIDE_TAGS = frozenset({"aside", "nav", "header", "footer"})
_ASIDE_NAME = re.compile(
    r"sidebar|aside|widget|footer|header|menu|navbar|popular|most-?read|most-?viewed|top-?read|banner|ticker|related",
    re.IGNORECASE,
)


def _aside(item) -> bool:
    for node in item.iterancestors():
        if node.tag in _ASIDE_TAGS:
            return True
        if _ASIDE_NAME.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
    return False


def _rich(item) -> bool:
    """A card rather than a bare headline: a picture or a lead beside the title."""
    return any(node.tag in _MEDIA_TAGS for node in item.iter()) or any(
        next(node.iterdescendants("a"), None) is None and len(node.text_content()) >= 80
        for node in item.iter("p", "div", "span")
    )


def _main_block(order: list, items: dict) -> tuple | None:
    """The signature of the page's main list: outside sidebars, menus, headers and footers when there is such a
    block, then the most articles, counting a block of cards (pictures, leads) up to twice a block of bare
    headlines ("most read" lists are headlines); the first block wins ties."""
    blocks: dict[tuple, list] = {}
    for item in order:
        blocks.setdefault(_signature(item), []).append(item)
    if not blocks:
        return None

    def score(signature: tuple) -> tuple:
        members = blocks[signature]
        articles = len({items[item][0] for item in members})
        richness = sum(map(_rich, members)) / len(members)
        return (not _aside(members[0]), articles * (1 + richness))

    return max(blocks, key=score)  # max keeps the first of equals


# --- titles ----------------------------------------------------------------------------------------------------


def _title(item, item_links) -> tuple[str | None, str | None]:
    """(headline, a date or time the headline link started with)."""
    best, best_rank, lead_date = None, None, None
    for link in item_links:
        # a link around a whole card (rubric, headline, date): its headline element names it
        inner = _inner_headline(link)
        text = _joined(_title_pieces(inner)) if inner is not None else ""
        text = text or _joined(_title_pieces(link))
        leading = _LEADING_DATE.match(text)
        if leading:
            lead_date = lead_date or leading.group(1)
            text = text[leading.end() :]
        if not text or _ONLY_NUMBERS.match(text):
            continue
        credit = _is_credit(text)
        rank = (not credit, _is_headline(link, item), not _has_media(link), len(text))
        if best_rank is None or rank > best_rank:
            best, best_rank = text, rank
    if best is not None and best_rank[0]:
        return best, lead_date
    heading = _heading_text(item)
    if heading:
        return heading, lead_date
    for link in item_links:  # the link's own title attribute, never an image's alt text
        text = _clean(link.get("title"))
        if text and not _is_credit(text):
            return text, lead_date
    return None, lead_date


def _clean(text: str | None) -> str:
    """kznews.extract.html.clean_text (invisible characters dropped, every kind of space collapsed), written for
    speed: the fallback reads the text of every entry of a page, some of it hostile."""
    if not text:
        return ""
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    return " ".join(text.split())


def _joined(pieces: Iterator[str]) -> str:
    """The pieces' text, whitespace collapsed, read up to MAX_TITLE_CHARS (a megabyte "headline" costs nothing)."""
    taken, size = [], 0
    for piece in pieces:
        taken.append(piece)
        size += len(piece)
        if size > 4 * MAX_TITLE_CHARS:
            break
    return _clean(" ".join(taken)[: 4 * MAX_TITLE_CHARS])[:MAX_TITLE_CHARS]


def _short_text(node, limit: int) -> str | None:
    """The node's text when it can be a date string or a day heading, None when it is longer than that."""
    raw = node.text_content()
    if len(raw) > 8 * limit and len(raw.strip()) > 8 * limit:  # indentation aside, far too long: not read
        return None
    text = _clean(raw)
    return text if len(text) <= limit else None


def _title_pieces(node) -> Iterator[str]:
    """The text of a link without its captions, credits, dates and counters."""
    if node.text:
        yield node.text
    for child in node:
        if isinstance(child.tag, str) and not _skipped_in_title(child):
            yield from _title_pieces(child)
            if child.tail:
                yield child.tail
        elif child.tail:
            yield child.tail


def _skipped_in_title(node) -> bool:
    if node.tag in _SKIP_TAGS or node.tag in ("time", "figcaption"):
        return True
    if _CAPTION_CLASS.search(node.get("class") or ""):
        return True
    if len(node) > 8:
        return False
    text = _short_text(node, MAX_DATE_CHARS)
    return bool(text) and (_ONLY_NUMBERS.match(text) is not None or _looks_like_date(text))


def _is_credit(text: str) -> bool:
    """A photo credit or caption: opens like one and is short ("Фото пресс-службы МВД", "©️ Xinhua"); a long
    headline that opens with "Фото" ("Фото на память и вид из президентского кортежа. Как прошел ...") is not."""
    return _CREDIT_TEXT.match(text) is not None and (len(text) <= MAX_CREDIT_CHARS or text.startswith("©"))


def _is_headline(link, item) -> bool:
    """The link is, holds or sits in a heading or an element whose class says title."""
    node = link
    while node is not None:
        if node.tag in _HEADING_TAGS or _TITLE_CLASS.search(node.get("class") or ""):
            return True
        if node is item:
            break
        node = node.getparent()
    for inner in link.iter():
        if inner is not link and (inner.tag in _HEADING_TAGS or _TITLE_CLASS.search(inner.get("class") or "")):
            return True
    return False


def _inner_headline(link):
    """A heading inside the link, else an element inside it whose class says title; None when there is none."""
    for node in link.iterdescendants(*_HEADING_TAGS):
        return node
    for node in link.iterdescendants():
        if isinstance(node.tag, str) and _TITLE_CLASS.search(node.get("class") or ""):
            return node
    return None


def _has_media(link) -> bool:
    return any(node.tag in _MEDIA_TAGS for node in link.iter())


def _heading_text(item) -> str | None:
    for node in item.iter(*_HEADING_TAGS):
        text = _joined(_title_pieces(node))
        if text and not _is_credit(text):
            return text
    return None


# --- dates -------------------------------------------------------------------------------------------------------


def _looks_like_date(text: str) -> bool:
    """A short string made of date words, numbers and separators (labels such as "Опубликовано:" allowed)."""
    if not text or len(text) > MAX_DATE_CHARS:
        return False
    s = normalise(text)
    words = _WORD.findall(s)
    if not _DIGIT.search(s) and not any(word in _RELATIVE_WORDS for word in words):
        return False
    unknown = [word for word in words if word not in _DATE_WORDS]
    # one unknown word may be a rubric or label printed with the date ("Қоғам • 30 Сәуір, 2020")
    return len(unknown) <= 1 and sum(map(len, unknown)) <= 16


def _date(item, title: str | None, lead_date: str | None, lang: str, now: datetime) -> _DateFound | None:
    """The entry's date: its `time[datetime]` and its visible date text reconciled as on article pages
    (kznews.extract.timestamps: a Kazakhstan offset the date did not have keeps its wall clock; a visible date
    with a time that disagrees wins), else the visible date alone."""
    best: _DateFound | None = None

    def consider(text: str | None) -> None:
        nonlocal best
        if not text or len(text) > 8 * MAX_DATE_CHARS:
            return
        text = _clean(text)
        if not text or (best is not None and best.rank == 3) or not _looks_like_date(text):
            return
        if title and text in title:
            return
        parsed = parse_date_detail(text, lang, now)
        if parsed is not None:
            found = _DateFound(text, 3 if parsed.has_time else 2, parsed.value, parsed.has_time, parsed.relative)
        elif _BARE_TIME.search(text):
            found = _DateFound(text, 1, None, True)
        else:
            return
        if best is None or found.rank > best.rank:
            best = found

    for node in _date_nodes(item):
        consider(_short_text(node, MAX_DATE_CHARS))
        if best is not None and best.rank == 3:
            break
    else:
        for piece in _text_pieces(item):
            consider(piece)
        if lead_date:
            consider(lead_date)
    structured = _time_attribute(item, lang, now)
    if structured is None:
        return best
    visible = None
    if best is not None and best.value is not None:
        visible = Candidate("visible", best.value, best.has_time, text=best.text, relative=best.relative)
    chosen = choose_instant([structured], visible)
    return _DateFound(chosen.text or "", 3 if chosen.has_time else 2, chosen.value, chosen.has_time)


def _time_attribute(item, lang: str, now: datetime) -> Candidate | None:
    """The first `time[datetime]` of the entry that reads as a date."""
    for node in item.iter("time"):
        value = (node.get("datetime") or "").strip()
        if not value:
            continue
        candidate = structured_candidate("time", value)
        if candidate is None:  # not ISO 8601: a date string in the attribute ("15.01.2023 13:49")
            candidate = visible_candidate("time", value, parse_date_detail(value, lang, now))
        if candidate is not None:
            return candidate
    return None


def _date_nodes(item) -> Iterator:
    """The elements of the entry, captions left out, children before their parent (so the first full date found
    is the smallest element holding it: "Сегодня | 19:40", not the meta line with the view counts after it)."""
    stack = [(item, False)]
    while stack:  # iterative post-order: no recursion limit on deeply nested markup
        node, children_done = stack.pop()
        if children_done:
            yield node
            continue
        if not isinstance(node.tag, str) or node.tag in _SKIP_TAGS or node.tag == "figcaption":
            continue
        if _CAPTION_CLASS.search(node.get("class") or ""):
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))


def _text_pieces(item) -> Iterator[str]:
    """Each text node of the entry on its own: dates printed as bare text beside a link ("<a>...</a> 13:51")."""
    for node in _date_nodes(item):
        if node.text and node.text.strip():
            yield node.text
        for child in node:
            if child.tail and child.tail.strip():
                yield child.tail


def _resolve_bare_time(item, found: _DateFound, items: dict, lang: str, now: datetime) -> _DateFound | None:
    """A time without a day: the day heading printed before the entry, else the latest such time not after now."""
    time = _BARE_TIME.search(found.text).group(1)
    heading = _day_heading(item, items, lang, now)
    if heading is not None:
        parsed = parse_date_detail(f"{heading} {time}", lang, now)
        if parsed is not None and parsed.has_time:
            return _DateFound(f"{heading} {time}", 3, parsed.value, True)
    today = parse_date_detail(f"{_TODAY.get(lang, 'today')} {time}", lang, now)
    if today is None:
        return None
    value = today.value
    if value > now + timedelta(minutes=5):  # not yet today: it was yesterday's
        value = parse_date_detail(f"{_YESTERDAY.get(lang, 'yesterday')} {time}", lang, now).value
    return _DateFound(found.text, 3, value, True)


def _day_heading(item, items: dict, lang: str, now: datetime) -> str | None:
    """The nearest day heading ("Сегодня", "15 августа") among the preceding siblings of the entry or of one of
    its nearest ancestors, skipping other entries."""
    node = item
    for _ in range(MAX_HEADING_STEPS + 1):
        for sibling in node.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str) or sibling.tag in _SKIP_TAGS or sibling in items:
                continue
            text = _short_text(sibling, MAX_DATE_CHARS)
            if not text or not _looks_like_date(text):
                continue
            parsed = parse_date_detail(text, lang, now)
            if parsed is not None and not parsed.has_time:
                return text
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            break
    return None
