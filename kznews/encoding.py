"""Encoding repair for HTML pages: windows-1251 without any declaration, mislabelled UTF-8, BOMs.

Scrapy decides a page's encoding from the BOM, then the Content-Type charset, then the <meta> charset, and only
when none is given guesses with charset_normalizer. Kazakhstan's older sites break all three: windows-1251 pages
sent with no charset (the guess is often cp1250, cp1125, big5 or shift_jis for short Cyrillic texts), UTF-8 pages
still labelled windows-1251 by a template (the text turns into "РќРѕРІРѕСЃС‚Рё"), windows-1251 pages labelled
UTF-8 (every letter becomes U+FFFD). `detect_encoding` decides from the bytes themselves:

1. a BOM wins (UTF-8, UTF-16, UTF-32), as in browsers;
2. a body that is UTF-8 (all of it, or all but a few stray bytes) is UTF-8 whatever the label says: Cyrillic
   windows-1251 or KOI8-R text is practically never valid UTF-8;
3. otherwise the single-byte candidates (the declared one, windows-1251, KOI8-R, KZ-1048) are scored by how much of
   their non-ASCII text reads as lower-case Cyrillic letters and Russian punctuation; the declared encoding is kept
   when it reads well, the best candidate wins when it does not, and windows-1252 is the last resort (a Latin page).

`EncodingMiddleware` (kznews.downloadermiddlewares.encoding) applies it to every HTML response and, when Scrapy chose differently, hands the page on with
the right encoding (counted as `kznews/encoding/{site}/repaired`).
"""

from __future__ import annotations

import codecs
import logging
import re

from w3lib.encoding import read_bom

logger = logging.getLogger(__name__)

# Only the head of a huge page is needed to judge its encoding.
SAMPLE_BYTES = 512 * 1024
# A page is UTF-8 when its valid multi-byte characters outnumber its broken bytes this many times.
UTF8_MAJORITY = 20
# A single-byte decoding "reads well" when at least this share of its non-ASCII characters are lower-case
# Cyrillic letters or Cyrillic-text punctuation.
PLAUSIBLE = 0.5
CYRILLIC_CANDIDATES = ("cp1251", "koi8_r", "kz1048")
_PUNCTUATION = frozenset("«»—–№…“”„’‘\u00a0•·°")
_LOWER_CYRILLIC = frozenset(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя" "әғқңөұүһі" "ўєїґ"  # Russian, Kazakh, Belarusian/Ukrainian
)
_UPPER_CYRILLIC = frozenset(ch.upper() for ch in _LOWER_CYRILLIC)
# A preferred candidate keeps its place unless another one reads this much better.
PRIOR_MARGIN = 0.25


def normalize(name: str | None) -> str | None:
    """Python's canonical codec name ("windows-1251" -> "cp1251"), or None for an unknown label."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return None


def utf8_verdict(sample: bytes) -> bool | None:
    """True: the bytes are UTF-8 (maybe with a few broken bytes); False: they are not; None: pure ASCII."""
    if sample.isascii():
        return None
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError:
        # The sample may end in the middle of a character: decode leniently and weigh the damage.
        text = sample.decode("utf-8", errors="replace")
        broken = text.count("\ufffd")
        valid = len(text) - len(text.encode("ascii", "ignore")) - broken
        return valid >= UTF8_MAJORITY * broken and valid >= 8
    return True


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# Enough non-ASCII characters to judge an encoding; more only costs time.
SCORE_CHARS = 5_000


def _glued(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def cyrillic_score(sample: bytes, encoding: str) -> float:
    """How much the non-ASCII characters of `sample` decoded as `encoding` look like Cyrillic prose: lower-case
    letters count 1, capitals 0.5 (the wrong one of windows-1251 and KOI8-R swaps the cases), Russian punctuation
    1; a letter glued to a Latin one counts nothing (a Latin page read as windows-1251 gives "cafй")."""
    try:
        text = sample.decode(encoding, errors="replace")
    except LookupError:
        return 0.0
    high = 0
    good = 0.0
    for match in _NON_ASCII_RUN.finditer(text):
        run = match.group()
        start, end = match.span()
        high += len(run)
        good += sum(map(_LOWER_CYRILLIC.__contains__, run)) + sum(map(_PUNCTUATION.__contains__, run))
        good += 0.5 * sum(map(_UPPER_CYRILLIC.__contains__, run))
        # The letters at either end of a run that touch a Latin letter are not Cyrillic words.
        for index, neighbour in ((0, text[start - 1] if start else " "), (-1, text[end] if end < len(text) else " ")):
            if _glued(neighbour) and run[index] not in _PUNCTUATION:
                good -= 1 if run[index] in _LOWER_CYRILLIC else 0.5 if run[index] in _UPPER_CYRILLIC else 0
        if high >= SCORE_CHARS:
            break
    return max(0.0, good) / high if high else 0.0


def detect_encoding(body: bytes, header: str | None = None, meta: str | None = None) -> str | None:
    """The encoding `body` is really in, given the Content-Type charset (`header`) and <meta> charset (`meta`)
    it declares. None: nothing to decide (pure ASCII and nothing declared)."""
    bom, _ = read_bom(body)
    if bom:
        return normalize(bom)
    declared = normalize(header) or normalize(meta)
    sample = body[:SAMPLE_BYTES]
    verdict = utf8_verdict(sample)
    if verdict is None:  # ASCII only: any ASCII-compatible label decodes it the same
        return declared
    if verdict:
        return "utf-8"
    # Not UTF-8: a single-byte encoding.
    if declared and declared not in ("utf-8", "utf-16", "utf-32") and cyrillic_score(sample, declared) >= PLAUSIBLE:
        return declared
    scores = {name: cyrillic_score(sample, name) for name in CYRILLIC_CANDIDATES}
    best = max(scores, key=lambda name: scores[name])
    # windows-1251 is by far the most common; KZ-1048 (Kazakh letters) and KOI8-R must read clearly better.
    if best != "cp1251" and scores[best] - scores["cp1251"] < (PRIOR_MARGIN if best == "koi8_r" else 1e-9):
        best = "cp1251"
    if scores[best] >= PLAUSIBLE:
        return best
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        return declared
    return "cp1252"
