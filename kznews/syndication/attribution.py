"""Which outlet a republished article credits as its source.

:func:`detect_attribution` reads credit phrases, not topics. It recognises, in order of strength:

1. a source line: ``Источник: Казинформ``, ``Source: Kazinform``, ``Дереккөз: ...``;
2. an agency dateline opening a paragraph: ``АСТАНА. KAZINFORM – `` (en dash, em dash, hyphen or
   nothing), ``Атырау. 28 января. KAZAKHSTAN TODAY - ``, ``АЛМАТЫ, 16 апр — Sputnik.``;
3. a credit verb next to an outlet name: ``передаёт «Казинформ»``, ``передает корреспондент
   агентства Kazinform``, ``сообщает местное издание «Информбюро»``, ``деп хабарлайды BAQ.KZ
   тілшісі``, ``dep habarlaıdy Egemen.kz``, ``Kazinform News Agency reports``, ``Orda.kz reports``;
4. a citation: ``со ссылкой на РИА Новости``, ``по данным Kazinform``, ``according to Reuters``.

The strongest non-self credit wins; among equals, the first in the text. An outlet crediting itself
(``передаёт корреспондент Tengrinews.kz`` on tengrinews, given ``own_site="tengrinews"``) is not
syndication. Past-tense mentions (``как ранее сообщал Tengrinews.kz``) are references to earlier
stories, not credits, and are ignored; so are press services and government sites (``со ссылкой
на пресс-службу МВД``, ``akorda.kz``), which are sources of information, not outlets.

Latin look-alike letters inside Cyrillic words (``передает корреспондент aгентcтвa Kazinform``,
``«Хaбap 24»``) are folded back to Cyrillic before matching.

Photo credits are not text credits: ``Фото: Kazinform`` (also ``Сурет:``, ``Коллаж:``, ``Видео:``,
``Photo:``, inline ``(фото: ...)``) is removed before the search, so a story that only borrowed a
picture is not counted as a reprint.

Outlet names are normalised (see :mod:`kznews.syndication.outlets`): registry names for our sites
(``inform``, ``tengrinews``, ``nur``, ``zakon``, ``kursiv``, ``vlast``, ``informburo``, ``orda``,
``kapital``, ``khabar``, ``24kz``, ``kazpravda``, ``egemen``, ``azattyq``, ``kt``, ``baq``,
``sputnik``, ``liter``), short slugs for well-known others (``ria``, ``tass``, ``interfax``,
``reuters``...), and for unknown outlets the domain label (``ulysmedia.kz`` -> ``ulysmedia``) or
the lower-cased quoted name after an outlet noun (``издание «Время»`` -> ``время``).
"""

from __future__ import annotations

import re

from kznews.syndication.outlets import (
    CITE_BEFORE,
    CREDIT_AFTER_VERB,
    CREDIT_OR_CITE_VERB,
    NAME_FIRST_VERB,
    OUTLET_BEFORE_VERB,
    OUTLET_PATTERN,
    UNKNOWN_BY_DOMAIN,
    UNKNOWN_BY_QUOTED_NAME,
    canonical_outlet,
    matched_outlet,
    outlet_from_domain,
)
from kznews.syndication.text import DATELINE

__all__ = ["detect_attribution"]

# "Источник: ..." at the start of a line or after a sentence (extracted bodies often join lines).
_SOURCE_LINE = re.compile(
    r"(?=[ипsдdқ])(?<![\w-])(?:источник|первоисточник|source|дереккөз|derekk[oó]z|қайнар\s+көз)"
    r"\s*[:：\-–—]\s*(?P<value>.+?)\s*$",
    re.MULTILINE,
)
_OUTLET_IN_VALUE = re.compile(OUTLET_PATTERN)
_DOMAIN_IN_VALUE = re.compile(r"(?P<domain>(?:[a-z0-9-]+\.)+[a-z]{2,6})\b")
_QUOTED_IN_VALUE = re.compile(r"^[«\"“„](?P<name>[^»\"”\n]{2,40})[»\"”“]")
# Media credits, as a line or inline in parentheses; removed before looking for text credits.
_MEDIA_CREDIT_LINE = re.compile(
    r"^[\s•·*\-–—>|]*(?:фото(?:\s+и\s+видео)?|фотография|видео|photos?|video|images?|сурет(?:тер)?|бейне|"
    r"коллаж|collage|иллюстрация|инфографика|скриншот|cover)\b.*$",
    re.MULTILINE,
)
_MEDIA_CREDIT_INLINE = re.compile(
    r"(?=[(\[фpсквi])(?:[(\[]\s*(?:фото|photo|сурет|коллаж|видео|video|images?|иллюстрация)\b[^)\]\n]*[)\]]"
    r"|\b(?:фото|photo|сурет|коллаж|images?)\s*[:|©]\s*[^\n.;]*)",
)

# Latin look-alikes inside Cyrillic words ("aгентcтвa", "Хaбap") are folded back to Cyrillic so the
# credit phrases still match; all-Latin words ("kazinform") are left alone. Latin runs are rare in
# Cyrillic text, so finding them and checking their neighbours is cheap.
_CYRILLIC_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі")
_LATIN_RUN = re.compile(r"[a-z]+")
_LATIN_TO_CYRILLIC = str.maketrans("aceopxykmthbi", "асеорхукмтнві")


def _fold_mixed_script_words(lowered: str) -> str:
    pieces: list[str] = []
    last = 0
    for run in _LATIN_RUN.finditer(lowered):
        start, end = run.span()
        if (start and lowered[start - 1] in _CYRILLIC_LETTERS) or (
            end < len(lowered) and lowered[end] in _CYRILLIC_LETTERS
        ):
            pieces.append(lowered[last:start])
            pieces.append(run.group().translate(_LATIN_TO_CYRILLIC))
            last = end
    if not pieces:
        return lowered
    pieces.append(lowered[last:])
    return "".join(pieces)


_RANK_SOURCE_LINE = 0
_RANK_DATELINE = 1
_RANK_CREDIT = 2
_RANK_CITATION = 3
_NAME_WINDOW = 80  # characters searched before a name-first verb ("Kazinform News Agency reports")


def detect_attribution(text: str, lang: str | None = None, own_site: str | None = None) -> str | None:
    """The outlet a republished article credits as its source, or None.

    ``own_site`` (a registry name like ``"tengrinews"`` or a host like ``"tengrinews.kz"``) is the
    site the text was crawled from; crediting it is not syndication. ``lang`` is accepted for API
    stability but not needed: phrases of all three languages are tried, because a Russian text often
    carries a Latin-script credit (``Source: Kazinform``) and vice versa.
    """
    del lang  # see docstring
    if not text:
        return None
    own = canonical_outlet(own_site)
    candidates: list[tuple[int, int, str]] = []

    def consider(rank: int, position: int, outlet: str | None) -> None:
        if outlet and outlet != own:
            candidates.append((rank, position, outlet))

    # The phrase patterns expect lower case (see outlets.py); the dateline needs the capitals.
    lowered = _fold_mixed_script_words(text.lower())
    for match in _SOURCE_LINE.finditer(lowered):
        consider(_RANK_SOURCE_LINE, match.start(), _outlet_in_source_value(match.group("value")))

    for match in DATELINE.finditer(text):
        consider(_RANK_DATELINE, match.start(), canonical_outlet(match.group(1)))

    # Photo and video credits must not count: blank them (keeping offsets) before the other searches.
    body = _MEDIA_CREDIT_LINE.sub(lambda m: " " * len(m.group()), lowered)
    body = _MEDIA_CREDIT_INLINE.sub(lambda m: " " * len(m.group()), body)

    for verb in CREDIT_OR_CITE_VERB.finditer(body):
        start = verb.start()
        if match := CREDIT_AFTER_VERB.match(body, start):
            consider(_RANK_CREDIT, start, matched_outlet(match))
        elif match := UNKNOWN_BY_QUOTED_NAME.match(body, start):
            consider(_RANK_CREDIT, start, canonical_outlet(match.group("name")))
        elif match := UNKNOWN_BY_DOMAIN.match(body, start):
            consider(_RANK_CREDIT, start, outlet_from_domain(match.group("domain")))
        elif match := CITE_BEFORE.match(body, start):
            consider(_RANK_CITATION, start, matched_outlet(match))
    for verb in NAME_FIRST_VERB.finditer(body):
        window_start = max(0, verb.start() - _NAME_WINDOW)
        if match := OUTLET_BEFORE_VERB.search(body, window_start, verb.start()):
            consider(_RANK_CREDIT, match.start(), matched_outlet(match))

    if not candidates:
        return None
    return min(candidates)[2]


def _outlet_in_source_value(value: str) -> str | None:
    """The outlet named after ``Источник:``; None for a press service, a person or a ministry."""
    match = _OUTLET_IN_VALUE.search(value)
    if match:
        return matched_outlet(match)
    match = _DOMAIN_IN_VALUE.search(value)
    if match:
        return outlet_from_domain(match.group("domain"))
    match = _QUOTED_IN_VALUE.match(value.strip())
    if match:
        return canonical_outlet(match.group("name"))
    return None
