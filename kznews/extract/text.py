"""Clean body text: paragraphs from the article container, minus everything that is not the article.

Two passes. First the markup: the container is walked once (iteratively, so markup soup cannot exhaust the
stack); scripts, ads, share buttons, related-link blocks, tag lists, captions and the site's own `drop`
selectors are skipped, and every block element or <br> ends a paragraph. Then the text: paragraphs that are
promos, subscription prompts, photo credits or widget labels are removed, promo tails glued onto a paragraph
are cut, and repeated paragraphs (sites print the lead twice) are kept once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from kznews.extract.html import clean_text, select

# Inline elements continue the current paragraph; every other element starts and ends one.
_INLINE = frozenset(
    ["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "del", "nobr"]
)
# Never text of the article.
_SKIP = frozenset(
    ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "video", "audio", "source", "picture", "img", "button", "input", "select", "textarea", "form", "nav", "aside", "figcaption", "head", "title", "link", "meta", "map", "area", "math"]
)

# Generic containers of non-article content, by class or id, used on top of the site's drop selectors.
GENERIC_DROP = (
    "[class*=share]",
    "[class*=social]",
    "[class*=related]",
    "[class*=read-also]",
    "[class*=readmore]",
    "[class*=read-more]",
    "[class*=tags]",
    "[class*=banner]",
    "[class*=advert]",
    "[class*=subscribe]",
    "[class*=comments]",
    "[id*=adfox]",
    "[id*=yandex_rtb]",
    "ins.adsbygoogle",
)

# Whole paragraphs that are never article text (matched case-insensitively against the cleaned paragraph).
GENERIC_BOILERPLATE = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # promos and subscription prompts (ru, kk, en)
        r"^(наши новости|новости) теперь (и )?в (whatsapp|telegram|дзен|instagram)",
        r"^(подпис(ыва)?йтесь|подпишитесь|присоединяйтесь|следите за (нами|новостями)) .{0,120}"
        r"(telegram|whatsapp|instagram|youtube|tiktok|facebook|канал|соцсет|дзен)",
        r"^(біздің|жаңалықтарымызды|жазылыңыз).{0,80}(telegram|whatsapp|instagram|арна)",
        r"^(subscribe|follow us|join us|more news in our)\b.{0,100}(telegram|whatsapp|channel|instagram)",
        r"^читайте (также|еще|ещё|нас)\b",
        r"^(еще|ещё) по теме:?$",
        r"^(свежее из этой рубрики|просматриваемые|популярное|новости по теме|похожие новости|другие новости)$",
        r"^(related news|read also|see also|currently reading|tell a friend|latest news)$",
        r"^(поделиться|рассказать друзьям|share|бөлісу|реклама|жарнама|advertisement)$",
        r"^(теги|тэги|tags|тегтер):",
        r"^посмотреть эту публикацию в instagram",
        r"^your browser doesn.t support html5",
        r"^если вы стали свидетелем интересного события.{0,200}",
        r"^(самые (важные|главные) новости|главные новости).{0,60}(telegram|whatsapp|канал)",
        # photo, video and illustration credits (a view count may be glued in front: "46Фото: ...")
        r"^\d*\s*(фото|фотоснимок|сурет|photo|images?|коллаж|kollaj|видео|кадр|иллюстрация|инфографика|графика)"
        r"\s*(:|\||©|—|–|-).{0,160}$",
        r"^\d*\s*(фото|сурет|photo|коллаж)\s+(из|с|©|[А-ЯЁA-Z][\w-]+\s[А-ЯЁA-Z][\w-]+).{0,80}$",
        r"^cover\s+(коллаж|фото|photo|orda)",
        r"^©\s*\S.{0,120}$",  # "© Sputnik / Жанара Каримова": a credit line
        # an embed the page did not render, left as its bare address ("https://t.me/kursivkz/48213")
        r"^https?://(t\.me|(www\.)?(instagram|twitter|x|facebook|tiktok|youtube)\.com|youtu\.be)/\S*$",
        # end-of-article bylines ("Текст подготовила Айгерим Абилмажитова. Фото Турара Казангапова.")
        r"^((текст|материал) подготовил[аи]?|подготовил[аи]?)\s.{0,120}$",
        r"^(текст|автор|авторы)\s*:.{0,120}$",
    )
)

# Promo tails glued onto the end of a real paragraph: cut from the match to the end.
PROMO_TAIL = re.compile(
    r"\s*(наши новости теперь (и )?в (whatsapp|telegram)|подпишитесь на наш telegram|"
    r"подписывайтесь на наш (telegram|whatsapp|канал)).*$",
    re.IGNORECASE,
)


def paragraphs_of(container, drop: Iterable[str] = (), stop: str | None = None) -> list[str]:
    """Paragraph texts of the container, in order, without the dropped nodes."""
    if container is None:
        return []
    # One selector group, evaluated once (compiled and cached): every drop rule in a single pass over the tree.
    dropped = {node for node in select(container, ", ".join((*GENERIC_DROP, *drop))) if node is not container}
    stop_node = None
    if stop:
        found = select(container, stop)
        stop_node = found[0] if found else None

    paragraphs: list[str] = []
    pieces: list[str] = []

    def flush() -> None:
        if pieces:
            text = clean_text("".join(pieces))
            if text:
                paragraphs.append(text)
            pieces.clear()

    walker = etree.iterwalk(container, events=("start", "end"))
    for event, node in walker:
        tag = node.tag
        if not isinstance(tag, str):  # comments and processing instructions
            if event == "end" and node.tail:
                pieces.append(node.tail)
            continue
        tag = tag.lower()
        if event == "start":
            if node is stop_node:
                break
            if tag in _SKIP or node in dropped or "-" in tag:  # custom elements are widgets
                walker.skip_subtree()
                continue
            if tag == "br" or tag not in _INLINE:
                flush()
            if node.text:
                pieces.append(node.text)
        else:
            skipped = tag in _SKIP or node in dropped or "-" in tag
            if not skipped and tag not in _INLINE:
                flush()
            if node is not container and node.tail:
                pieces.append(node.tail)
    flush()
    return paragraphs


def clean_paragraphs(
    paragraphs: Iterable[str],
    boilerplate: Iterable[re.Pattern[str]] = (),
    drop_texts: Iterable[str] = (),
    repeat_min_chars: int = 0,
) -> list[str]:
    """Remove boilerplate paragraphs, cut promo tails, and keep repeated paragraphs once.

    `drop_texts` are exact texts that must not reappear in the body (the title, repeated as a caption).
    `repeat_min_chars`: only paragraphs at least this long are kept once (a lead printed twice); shorter ones may
    repeat (list items of a recipe, table cells) when the text comes from a whole page rather than a known body."""
    patterns = (*GENERIC_BOILERPLATE, *boilerplate)
    unwanted = {clean_text(t).casefold() for t in drop_texts if t}
    kept: list[str] = []
    seen: set[str] = set()
    for paragraph in paragraphs:
        paragraph = PROMO_TAIL.sub("", paragraph).strip()
        if not paragraph:
            continue
        key = paragraph.casefold()
        if (key in seen and len(key) >= repeat_min_chars) or key in unwanted:
            continue
        if any(p.search(paragraph) for p in patterns):
            continue
        seen.add(key)
        kept.append(paragraph)
    return kept


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    return "\n\n".join(paragraphs)
