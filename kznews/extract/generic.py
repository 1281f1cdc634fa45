"""The article body of a page whose layout we do not know: a content-scoring extractor over the lxml tree.

One pass over the page cuts its text into blocks (a paragraph, a heading, a list item, a run of text between
<br>s) and weighs each: prose counts for (its characters outside links), link text and short labels count against.
Then, as readability does, the article's core is the element that directly holds the most prose (the parent of the
paragraphs gets their full weight, the grandparent half; an element marked as the body, itemprop=articleBody or a
class ending in body/content/text, half again). From the core the article grows, level by level up to the page's
root, to the siblings that hold prose of their own: an element holding a fifth of the core's prose (the rest of a
body cut into chunks by ads), or one paragraph of prose (a lead printed apart), with whatever lies between them
that is not chrome (a subheading). Teaser lists and comment threads next to the article do not qualify: their
prose is spread thin over many small holders, or sits behind a chrome name. Inside, what is not article text is
left out: lines of links in lists, cards of links without prose (a related article with its date), and the
headings, labels, bylines and dates before the first paragraph and after the last.

Class and id names are read as names whose last word says what an element is ("article__photo-caption" is a
caption, "story-body" a body). Elements named as chrome (share, related, comments, newsletter, caption, meta,
next...) are barriers, not holes: they and what they hold can still be the article (pages wrap everything in
<div class="page-ad-margins">), but their text never counts for an element around them. Hidden elements
(hidden, aria-hidden, display:none, tooltips, screen-reader text), scripts, navigation, asides, footers and
captions never count.

The tree is read, never modified (the other fields are read from the same tree); the pass is iterative (deep
markup cannot exhaust the stack) and reads at most MAX_ELEMENTS elements (20 MB of markup costs a fraction of a
second). `date_elements` gives the elements that may show the publication date, by the headline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from kznews.extract.html import clean_text, select

# Elements whose text is never article text.
_SKIP = frozenset(
    ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "video", "audio", "source", "picture", "img", "button", "input", "select", "textarea", "option", "nav", "aside", "footer", "figcaption", "head", "title", "link", "meta", "map", "area", "math", "dialog", "menu", "label"]
)
# Inline elements continue the current block; every other element starts and ends one.
_INLINE = frozenset(
    ["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "del", "ins", "nobr", "big", "strike"]
)
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])



def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Class/id words of page chrome (matched as whole words of the class and id, split at -, _ and case changes).
_CHROME_WORDS = _words(
    """share sharing social sociallinks related relatedposts recommended recommendations recirc outbrain taboola
    newsletter newsletters subscribe subscription signup promo promotion promoted sponsor sponsored advert
    advertisement advertising ad ads adv dfp gpt banner comment comments disqus breadcrumb breadcrumbs
    nav navbar navigation menu sidebar widget widgets footer masthead toolbar tags topics popup modal overlay
    cookie cookies consent paywall login register rating byline author authors bio caption credit credits
    trending popular mostread readmore pagination pager next prev previous copyright meta views counter
    date dateline timestamp published updated"""
)
# Words run together in class names ("commentlist", "sharebar", "relatedposts", "advertisement300").
_CHROME_PREFIX = re.compile(
    r"^(comment|share|social|related|advert|sponsor|newsletter|subscri|promo|recommend|breadcrumb|sidebar|widget|"
    r"footer|cookie|popup|banner|disqus|outbrain|taboola)"
)
# Words that keep an element even when it also names chrome ("story-body-share" no, "article-body" yes).
_CONTENT_WORDS = _words("article body content entry main post story text blog embed")
# Class/id words of elements shown only on demand (hover cards, tooltips) or only to screen readers.
_ON_DEMAND_WORDS = _words("tooltip tooltips popover rollover hovercard")
_ON_DEMAND_CLASSES = _words(
    "sr-only visually-hidden visuallyhidden screen-reader-text screen-reader-only screenreader-only"
)
_WORD_SPLIT = re.compile(r"[^a-zA-Z]+|(?<=[a-z])(?=[A-Z])")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;\"”»)\]]$")

# A sibling joins the article when it holds at least this share of the core's prose...
SIBLING_SHARE = 0.2
# ...or is one paragraph of prose this long with few links (a lead printed apart from the body).
SIBLING_PARAGRAPH = 80
# Elements read at most: real article pages have a few thousand (the benchmark's largest, 1,600); a page of
# millions (hostile or broken markup) is read up to here, so it costs a fraction of a second, not a minute.
MAX_ELEMENTS = 20_000
# A run of text longer than this is not a paragraph (the longest in the benchmark's bodies has 2,071).
MAX_PARAGRAPH = 50_000


def _class_words(node) -> set[str]:
    names = (node.get("class") or "") + " " + (node.get("id") or "")
    if not names.strip():
        return set()
    return {w.lower() for w in _WORD_SPLIT.split(names) if w}


def _is_hidden(node) -> bool:
    """Not shown with the page: hidden by attribute or inline style, or shown only on demand."""
    if node.get("hidden") is not None or node.get("aria-hidden") == "true":
        return True
    style = node.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    classes = node.get("class")
    return bool(
        classes
        and (any(c in _ON_DEMAND_CLASSES for c in classes.lower().split()) or _class_words(node) & _ON_DEMAND_WORDS)
    )


def _is_chrome(node) -> bool:
    """Named as page chrome. Each class (and the id) is read as a name whose last word says what the element is and
    whose first says where: "article__photo-caption" is a caption, "sidebar-content" is in a sidebar, both chrome;
    "article-body" is the text, and so is an embed from anywhere ("social-media-embed": a post the author quotes).
    A name that says the text wins over another class that says chrome ("ArticlePage-content paywall"); else any
    name with a chrome word makes the element chrome."""
    chrome = False
    for name in [*(node.get("class") or "").split(), node.get("id") or ""]:
        words = [w.lower() for w in _WORD_SPLIT.split(name) if w]
        if not words:
            continue
        first, last = _is_chrome_word(words[0]), _is_chrome_word(words[-1])
        if words[-1] in _CONTENT_WORDS and (not first or words[-1] == "embed"):
            return False
        if first or last or (any(_is_chrome_word(w) for w in words) and not _CONTENT_WORDS.intersection(words)):
            chrome = True
    return chrome


def _is_chrome_word(word: str) -> bool:
    return word in _CHROME_WORDS or bool(_CHROME_PREFIX.match(word))


@dataclass(slots=True)
class Block:
    text: str
    chars: int  # characters of text
    link_chars: int  # of which inside links
    tag: str  # the element the block ends in ("p", "h2", "li", "div" for text between <br>s)
    frame: int  # index of that element's frame
    chrome: int  # how many chrome-named elements it is inside
    weight: float = 0.0
    prose: float = 0.0  # characters of prose it holds (0 for labels, links, headings)

    @property
    def link_density(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0


def _weigh(block: Block) -> None:
    """How much a block says "article": prose counts for, link text and short labels against."""
    own = block.chars - block.link_chars
    if block.chars > MAX_PARAGRAPH or not _has_words(block.text):  # not written: a dump, a blob, binary data
        block.weight = -10.0
    elif block.tag in _HEADINGS and block.link_chars * 2 <= block.chars:
        block.weight = 0.0
    elif block.link_chars * 2 <= block.chars and (own >= 40 or (own >= 15 and _SENTENCE_END.search(block.text))):
        block.prose = float(own - block.link_chars)
        block.weight = block.prose
    else:
        block.weight = -10.0 - 2.0 * block.link_chars


_CJK_PUNCTUATION = re.compile("[\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f]")
# Text has a word break (a space, or CJK punctuation where words are not spaced) every this many characters at
# least: English words average 5 characters, a Chinese sentence runs about 15 between commas; a blob (base64,
# minified code, a run of one byte) has none.
MAX_WORD = 50


def _has_words(text: str) -> bool:
    if len(text) < 2 * MAX_WORD:
        return True
    breaks = text.count(" ")
    if breaks * MAX_WORD < len(text):
        breaks += len(_CJK_PUNCTUATION.findall(text))
    return breaks * MAX_WORD >= len(text)


@dataclass(slots=True)
class Frame:
    """A non-inline element and what its subtree holds."""

    node: object
    parent: int  # index of the parent frame, -1 for the root
    chrome: int  # chrome-named elements open, this one included
    is_chrome: bool
    first_block: int
    end_block: int = 0
    value: float = 0.0  # sum of block weights (chrome subtrees add nothing positive)
    direct: float = 0.0  # prose of its paragraphs (children: full, grandchildren: half)
    strongest: float = 0.0  # the most `direct` prose of one element in its subtree (chrome-named ones left out)
    children: list[int] = field(default_factory=list)


def page_blocks(root, dropped: frozenset | set = frozenset()) -> tuple[list[Block], list[Frame]]:
    """Every text block of the page in order, and every non-inline element as a frame (index 0: the root).
    `dropped`: elements to leave out as well (a site's own drop selectors)."""
    blocks: list[Block] = []
    frames: list[Frame] = [Frame(root, -1, 0, False, 0)]
    stack: list[int] = [0]  # open frames
    pieces: list[str] = []  # text of the current block
    link_pieces: list[str] = []  # the part of it inside links
    link_depth = 0
    skipped: set = set()  # the end event of a skipped subtree still comes
    elements = 0

    def flush() -> None:
        if not pieces:
            return
        text = clean_text("".join(pieces))
        links = clean_text("".join(link_pieces)) if link_pieces else ""
        pieces.clear()
        link_pieces.clear()
        if not text:
            return
        index = stack[-1]
        frame = frames[index]
        tag = frame.node.tag
        block = Block(text, len(text), min(len(links), len(text)), tag.lower(), index, frame.chrome)
        _weigh(block)
        blocks.append(block)
        frame.value += block.weight
        if block.prose:
            # The paragraph's holder: the parent of the element the text is in (a <p>'s <div>), or that element
            # itself when the text is loose in it (text between <br>s in a <div>).
            holder = frame.parent if frame.node.tag in _PARAGRAPH_TAGS and frame.parent >= 0 else index
            frames[holder].direct += block.prose
            grand = frames[holder].parent
            if grand >= 0 and not frames[holder].is_chrome:
                frames[grand].direct += block.prose / 2

    def add(text: str | None) -> None:
        if text:
            pieces.append(text)
            if link_depth:
                link_pieces.append(text)

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, node in walker:
        tag = node.tag
        if not isinstance(tag, str):  # comments, processing instructions
            if event == "end":
                add(node.tail)
            continue
        tag = tag.lower()
        inline = tag in _INLINE
        if event == "start":
            if node is root:
                add(node.text)
                continue
            elements += 1
            if elements > MAX_ELEMENTS:  # 20 MB of markup: the article is in what came before, if anywhere
                break
            if tag in _SKIP or _is_hidden(node) or node in dropped:
                walker.skip_subtree()
                skipped.add(node)
                continue
            if tag == "a":
                link_depth += 1
            if not inline:
                flush()
                if tag != "br":
                    chrome = _is_chrome(node)
                    parent = stack[-1]
                    frames.append(Frame(node, parent, frames[parent].chrome + chrome, chrome, len(blocks)))
                    frames[parent].children.append(len(frames) - 1)
                    stack.append(len(frames) - 1)
            add(node.text)
            continue
        # end
        if node in skipped:
            add(node.tail)
            continue
        if tag == "a":
            link_depth = max(0, link_depth - 1)
        if node is root or (not inline and tag != "br"):
            flush()
            index = stack.pop()
            frame = frames[index]
            frame.end_block = len(blocks)
            _close(frames, index)
            if stack:
                frames[stack[-1]].value += min(frame.value, 0.0) if frame.is_chrome else frame.value
        if node is not root:
            add(node.tail)
    flush()
    while stack:  # only when the walk stopped early: close what is open, as its end events would
        index = stack.pop()
        frame = frames[index]
        frame.end_block = len(blocks)
        _close(frames, index)
        if stack:
            frames[stack[-1]].value += min(frame.value, 0.0) if frame.is_chrome else frame.value
    return blocks, frames


# Elements that are a paragraph: their holder is their parent.
_PARAGRAPH_TAGS = frozenset(["p", "blockquote", "pre", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "td", "th"])


def _declares_body(node) -> bool:
    """Marked as the article's text: schema.org's itemprop="articleBody", or a name whose last word is content's
    ("article-body", "post-content", "story-text")."""
    if (node.get("itemprop") or "").lower() in ("articlebody", "text"):
        return True
    for name in (node.get("class") or "").split():
        words = [w.lower() for w in _WORD_SPLIT.split(name) if w]
        if len(words) >= 2 and words[-1] in _BODY_WORDS:
            return True
    return False


_BODY_WORDS = _words("body content text")


def _core(frames: list[Frame]) -> int:
    """The frame that directly holds the most prose (chrome-named holders count half)."""
    best, best_score = -1, 0.0
    for index, frame in enumerate(frames):
        score = frame.direct * (0.5 if frame.chrome else 1.0)
        if score and _declares_body(frame.node):
            score *= 1.5
        if score > best_score:
            best, best_score = index, score
    return best


def _close(frames: list[Frame], index: int) -> None:
    """At an element's end, everything inside it is known: the most prose one element of its subtree holds."""
    frame = frames[index]
    frame.strongest = max([frame.direct] + [frames[c].strongest for c in frame.children if not frames[c].is_chrome])


def _joins(frames: list[Frame], blocks: list[Block], index: int, core_direct: float) -> bool:
    """Whether a sibling of the article belongs to it."""
    frame = frames[index]
    if frame.is_chrome or frame.value <= 0:
        return False
    if frame.strongest >= SIBLING_SHARE * core_direct:
        return True
    own = blocks[frame.first_block : frame.end_block]
    return len(own) == 1 and own[0].prose >= SIBLING_PARAGRAPH and own[0].link_density < 0.25


def article_region(blocks: list[Block], frames: list[Frame]) -> tuple[list[int], list[int]]:
    """The article: indices of its blocks, and of the frames (elements) they were taken from."""
    core = _core(frames)
    if core < 0:
        return [], []
    core_direct = frames[core].direct
    # The article: a run of siblings at some level, from the first to the last that belongs (what lies between
    # them, a subheading, a short paragraph, is kept unless it is chrome).
    members = [core]
    node = core
    while frames[node].parent >= 0:  # up to the page's root: at each level, only siblings that qualify join
        parent = frames[node].parent
        siblings = frames[parent].children
        joined = {i for i in siblings if i == node or _joins(frames, blocks, i, core_direct)}
        if len(joined) > 1:
            ordered = [i for i in siblings if i in joined]
            first, last = siblings.index(ordered[0]), siblings.index(ordered[-1])
            grown: list[int] = []
            for i in siblings[first : last + 1]:
                if i == node:
                    grown += members
                elif i in joined or not frames[i].is_chrome:
                    grown.append(i)
            members = grown
        node = parent
    # Cards inside the article (a related article's headline with its date, a gallery's link and counter): an
    # element of two blocks or more, none of them prose, one of them a link.
    prose_before, links_before = [0], [0]
    for block in blocks:
        prose_before.append(prose_before[-1] + (block.prose > 0))
        links_before.append(links_before[-1] + (block.link_chars * 2 > block.chars))
    chosen: list[int] = []
    for index in members:
        frame = frames[index]
        cut = [False] * (frame.end_block - frame.first_block)
        pending = list(frame.children)
        while pending:
            inner = frames[pending.pop()]
            first, end = inner.first_block, inner.end_block
            card = end - first >= 2 and prose_before[end] == prose_before[first] and links_before[end] > links_before[first]
            if card and inner.node.tag not in _PARAGRAPH_TAGS:
                cut[first - frame.first_block : end - frame.first_block] = [True] * (end - first)
                continue
            if end > first:
                pending.extend(inner.children)
        chosen += [
            i
            for i in range(frame.first_block, frame.end_block)
            if blocks[i].chrome == frame.chrome and not cut[i - frame.first_block]
        ]
    # Loose text of the parent between the members (text between <br>s next to a <p>) is not kept: rare.
    return chosen, members


def _keep(block: Block) -> bool:
    """Inside the article: which blocks are its text."""
    return block.link_chars * 2 <= block.chars or block.tag not in ("li", "div", "td", "dd", "dt")


@dataclass
class FoundArticle:
    paragraphs: list[str]  # the article's text, in order
    elements: list  # the elements it was taken from, in order (images, links of the article are inside them)


def find_article(tree, drop: Iterable[str] = ()) -> FoundArticle:
    """The page's article text; no paragraphs when the page has no element worth taking.
    `drop`: CSS selectors of elements that are not article text (a site's own, when its layout is gone)."""
    body = tree.find("body")
    root = body if body is not None else tree
    selectors = ", ".join(drop)
    blocks, frames = page_blocks(root, set(select(root, selectors)) if selectors else frozenset())
    indices, members = article_region(blocks, frames)
    chosen = [blocks[i] for i in indices if _keep(blocks[i])]
    # Before the first paragraph of prose and after the last: headings (the title), labels, bylines, date lines,
    # "Advertisement", "Related articles" - not text.
    while chosen and chosen[0].weight <= 0:
        chosen.pop(0)
    while chosen and chosen[-1].weight <= 0:
        chosen.pop()
    return FoundArticle([b.text for b in chosen], [frames[i].node for i in members])


def article_paragraphs(tree, drop: Iterable[str] = ()) -> list[str]:
    return find_article(tree, drop).paragraphs


# --- the visible date of an article on an unknown layout -------------------------------------------------------

_DATE_WORDS = _words("date time published pubdate timestamp dateline posted datetime")
_DATE_ITEMPROPS = frozenset(["datepublished", "datecreated"])


def _names_a_date(node) -> bool:
    if node.tag == "time" or (node.get("itemprop") or "").lower() in _DATE_ITEMPROPS:
        return True
    return bool(_class_words(node) & _DATE_WORDS)


def date_elements(tree, title: str | None, elements: list) -> list:
    """Elements that may show the article's publication date, in document order: a <time>, an itemprop date, an
    element whose class or id names a date, from the headline (the <h1> that reads as the title; the article's
    first element when there is none) to the end of the article. Never the page's others (a sidebar's list of
    the day's news, the masthead's today): they lie outside that span."""
    if not elements:
        return []
    body = tree.find("body")
    root = body if body is not None else tree
    wanted = clean_text(title).casefold() if title else ""
    start = elements[0]
    for heading in root.iter("h1"):
        text = clean_text(heading.text_content()).casefold()
        if text and wanted and (text == wanted or wanted.startswith(text) or text.startswith(wanted)):
            start = heading
            break
    found, started, seen = [], False, 0
    end = elements[-1]
    for event, node in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            if node is end:
                break
            continue
        seen += 1
        if seen > MAX_ELEMENTS:
            break
        if node is start:
            started = True
        if started and isinstance(node.tag, str) and _names_a_date(node):
            found.append(node)
    return found
