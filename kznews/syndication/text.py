"""Text normalisation for duplicate detection: boilerplate removal, folding, fingerprints, shingles.

The normal form is a list of words that two copies of one article share even when the sites that
publish them differ in typography and page furniture:

1. Boilerplate lines are dropped: source and media credits (``Источник: ...``, ``Фото: ...``,
   ``Сурет: ...``, ``Коллаж: ...``), calls to action (``Читайте также``, ``Подпишитесь на наш
   Telegram-канал...``, ``Біздің Telegram-арнамызға жазылыңыз``), share/ads labels, counters and
   date-only lines. Agency datelines (``АСТАНА. KAZINFORM – ``) and credit clauses
   (``, передает Kazinform.``) are cut out of the sentences that carry them, so the copy that says
   ``передаёт «Казинформ»`` and the original that says ``передает корреспондент агентства Kazinform``
   still agree word for word.
2. A paragraph repeated verbatim (tengrinews prints the lead twice, captions are often doubled) is
   kept once.
3. NFKC, lower case, then a character fold: ``ё``→``е``; Latin look-alikes → Cyrillic (``a``→``а``,
   ``c``→``с``, ``h``→``н``...; baq.kz types ``Бүгiн`` with a Latin ``i``); Kazakh letters → their
   Russian base letters (``ә``→``а``, ``қ``→``к``, ``і``→``и``...; Latin ``i`` ends there too),
   because older pages and careless copies type Kazakh with Russian letters. The fold is applied to
   every text, so it only has to be consistent, not reversible; all-Latin words are folded too.
4. Every run of characters that are not letters or digits becomes one space.

Shingles are hashed word k-grams of that normal form. The hash is a polynomial over stable
(blake2b) word hashes, so values are the same in every process and on every platform (Python's
``hash()`` of a string is salted per process).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from kznews.syndication.outlets import strip_credit_clauses

__all__ = [
    "DEFAULT_SHINGLE_SIZE",
    "body_fingerprint",
    "clean_paragraphs",
    "fold",
    "normalize_words",
    "shingle_hashes",
    "shingles",
]

DEFAULT_SHINGLE_SIZE = 3  # tuned on tests/data/syndication: see benchmarks/bench_syndication.py
MASK64 = (1 << 64) - 1

# ---------------------------------------------------------------------------------------- boilerplate

_LINE_START = r"^[\s•·*\-–—>|]*"
# Lines that credit a source or a picture; never article text.
_CREDIT_LINE = re.compile(
    _LINE_START + r"(?:источник(?:\s+фото)?|первоисточник|source|дереккөз|derekk[oó]z|қайнар\s+көз|"
    r"фото(?:\s+и\s+видео)?|фотография|видео|photos?|video|images?|сурет(?:тер)?|бейне|коллаж|collage|"
    r"иллюстрация|инфографика|скриншот|cover|текст|автор|author|original\s+author)\s*[:|©]"
)
# Short caption-like lines that start with a media word but have no separator ("Фото Ирина Капитанова").
_SHORT_CREDIT_LINE = re.compile(_LINE_START + r"(?:фото|photo|сурет|коллаж|cover|видео|video)\b.{0,60}$")
# Calls to action, related-news headers and copyright notes: the line is dropped when it starts so.
_PROMO_LINE = re.compile(
    _LINE_START + r"(?:читайте\s+(?:также|нас|больше|новости)|ч?итайте\s+нас\s+в|подпишитесь|подписывайтесь|"
    r"присоединяйтесь\s+к|следите\s+за\s+(?:новостями|нами)|наши\s+новости\s+(?:теперь\s+)?в|"
    r"больше\s+новостей\s+в|ещ[её]\s+по\s+теме|новости\s+по\s+теме|свежее\s+из\s+этой\s+рубрики|"
    r"по\s+теме\s*:|читайте\s+по\s+теме|"
    r"more\s+news\s+in\s+our|read\s+also|related\s+news|tell\s+a\s+friend|currently\s+reading|"
    r"this\s+information\s+may\s+not\s+be\s+reproduced|при\s+(?:полном\s+или\s+частичном\s+)?"
    r"(?:использовании|копировании|цитировании)\s+материал|"
    r"посмотреть\s+эту\s+публикацию\s+в|изображение\s+сгенерировано|"
    r"сондай-ақ\s+оқыңыз|тағы\s+оқыңыз|оқи\s+отырыңыз|біздің\s+telegram|telegram-арнамызға|"
    r"жаңалықтарды\s+telegram|толығырақ\s*:|tolyǵymen|sońǵy\s+jańalyqtar|"
    r"теги\s*:|тэги\s*:|tags\s*:)"
)
# Whole lines that are page furniture when they stand alone.
_FURNITURE_LINES = frozenset(
    {
        "поделиться", "подписаться", "реклама", "рассказать друзьям", "главная", "новости",
        "мұқаба", "лента новостей", "latest news", "просматриваемые", "популярное", "popular",
        "жарияланды", "tell a friend", "share", "бөлісу", "срочные новости", "доступность ссылок",
    }
)  # fmt: skip
_HAS_LETTER = re.compile(r"[^\W\d_]")

# Agency datelines at the start of a paragraph: "АСТАНА. KAZINFORM – ", "Атырау. 28 января.
# KAZAKHSTAN TODAY - ", "НҰР-СҰЛТАН. ҚазАқпарат – ", "АЛМАТЫ, 16 апр — Sputnik."
_DATELINE_AGENCIES = (
    r"KAZINFORM|QAZINFORM|ҚАЗАҚПАРАТ|ҚазАқпарат|KAZAKHSTAN\s+TODAY|KAZTAG|КазТАГ|КАЗТАГ|"
    r"ИНТЕРФАКС-КАЗАХСТАН|Интерфакс-Казахстан|INTERFAX-KAZAKHSTAN|Sputnik(?:\s+Казахстан)?|"
    r"РИА\s+Новости|ТАСС|Tengrinews\.kz|Zakon\.kz"
)
DATELINE = re.compile(
    r"^[ \t]*(?:[^\W\d_][\w\-]*(?:[ \-][\w\-]+){0,2})"  # city, up to three words
    r"(?:\.[ \t]+\d{1,2}[ \t]+[^\W\d_]+\.?|,[ \t]+\d{1,2}[ \t]+[^\W\d_]{3,9}\.?(?:[ \t]+\d{4})?|\.)"
    r"[ \t]*(?:[-–—][ \t]*)?(" + _DATELINE_AGENCIES + r")\b\.?[ \t]*(?:[-–—][ \t]*)?",
    re.MULTILINE,
)

# ---------------------------------------------------------------------------------------- folding

# Applied after lower-casing, with str.replace: translate() with a Unicode table costs ~0.1 µs per
# character, a chain of replace() calls over characters that are actually present a few µs per text.
_FOLD_PAIRS = (
    ("ё", "е"),
    # Latin look-alikes -> Cyrillic (Latin i and ı go straight to и, where Kazakh і ends up)
    ("a", "а"), ("b", "в"), ("c", "с"), ("e", "е"), ("h", "н"), ("i", "и"), ("k", "к"), ("m", "м"),
    ("o", "о"), ("p", "р"), ("t", "т"), ("x", "х"), ("y", "у"), ("ə", "а"), ("ɵ", "о"), ("ı", "и"),
    # Kazakh letters -> Russian base letters (copies typed without a Kazakh layout)
    ("ә", "а"), ("ғ", "г"), ("қ", "к"), ("ң", "н"), ("ө", "о"), ("ұ", "у"), ("ү", "у"), ("һ", "х"), ("і", "и"),
    # invisible characters NFKC keeps
    ("\u00ad", ""), ("\u200b", ""), ("\u200c", ""), ("\u200d", ""), ("\ufeff", ""),
)  # fmt: skip
# Compatibility characters common in news text, replaced before the (costly) NFKC check.
_COMPAT_PAIRS = (("\u00a0", " "), ("\u202f", " "), ("\u2009", " "), ("\u2007", " "), ("\u2026", "..."))
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """NFKC, lower case and the character fold described in the module docstring."""
    return _fold_lowered(_nfkc(text).lower())


def _nfkc(text: str) -> str:
    for char, replacement in _COMPAT_PAIRS:
        if char in text:
            text = text.replace(char, replacement)
    if unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


def _fold_lowered(text: str) -> str:
    for char, replacement in _FOLD_PAIRS:
        if char in text:
            text = text.replace(char, replacement)
    return text


def clean_paragraphs(text: str) -> list[str]:
    """The article's paragraphs in normal form (folded words joined by spaces), without boilerplate
    lines, datelines, credit clauses or repeated paragraphs."""
    # Datelines need the capitals ("АСТАНА. KAZINFORM – "); everything after works on lower case.
    lowered = _nfkc(DATELINE.sub("", text)).lower()
    kept: list[str] = []
    for raw_line in lowered.splitlines():
        line = raw_line.strip()
        if not line or not _HAS_LETTER.search(line):
            continue  # blank, counters ("• 3740"), date-only lines, currency widget numbers
        if line.strip(" .:!") in _FURNITURE_LINES:
            continue
        if _CREDIT_LINE.match(line) or _PROMO_LINE.match(line) or _SHORT_CREDIT_LINE.match(line):
            continue
        kept.append(strip_credit_clauses(line))
    paragraphs: list[str] = []
    seen: set[str] = set()
    for line in _fold_lowered("\n".join(kept)).split("\n"):
        paragraph = " ".join(_WORD.findall(line))
        if paragraph and paragraph not in seen:  # tengrinews prints the lead twice, captions repeat
            seen.add(paragraph)
            paragraphs.append(paragraph)
    return paragraphs


def normalize_words(text: str) -> list[str]:
    """The normal form of an article body as a list of words (see the module docstring)."""
    return " ".join(clean_paragraphs(text)).split()


def body_fingerprint(body: str) -> str:
    """Hex blake2b-128 of the normalised body: equal for copies of one text up to page furniture.

    Meant for exact duplicates within a site (the AMP and the desktop page of one article, a
    re-crawl with a different share block). Any change of wording changes the value; use the
    near-duplicate index for reprints on other sites.
    """
    normal_form = " ".join(clean_paragraphs(body))
    return hashlib.blake2b(normal_form.encode("utf-8"), digest_size=16).hexdigest()


# ---------------------------------------------------------------------------------------- shingles

# word -> (h·B^(k-1), ..., h·B, h) mod 2^64 for shingle size k: the polynomial shingle hash is then a
# sum of cached terms, which halves the cost of the hot loop.
_POWERED_WORD_HASHES: dict[int, dict[str, tuple[int, ...]]] = {}
# Entries per shingle size, about 350 bytes each: the frequent words (most of any text) stay cached, while a
# months-long crawl's tail of rare word forms (names, Russian and Kazakh inflections) cannot take 100 MB.
_WORD_CACHE_LIMIT = 50_000
_POLY_BASE = 0x100000001B3  # FNV-1a 64-bit prime: odd, so multiplication is a bijection mod 2^64


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def _powered_word_hash(word: str, k: int, cache: dict[str, tuple[int, ...]]) -> tuple[int, ...]:
    if len(cache) >= _WORD_CACHE_LIMIT:
        cache.clear()
    value = _word_hash(word)
    powered = tuple(value * pow(_POLY_BASE, k - 1 - position, 1 << 64) & MASK64 for position in range(k))
    cache[word] = powered
    return powered


def shingle_hashes(words: list[str], k: int = DEFAULT_SHINGLE_SIZE) -> list[int]:
    """64-bit hashes of the word k-grams of ``words``, in text order (with repeats).

    The hash of (w1..wk) is sum(blake2b64(wi) · B^(k-i)) mod 2^64, xor-folded (x ^ x >> 32) so the low
    bits, which pick MinHash bins, depend on all bits. A text shorter than ``k`` words yields one
    shingle of all its words; an empty text yields none.
    """
    if k < 1:
        raise ValueError("shingle size must be at least 1")
    if not words:
        return []
    k = min(k, len(words))
    cache = _POWERED_WORD_HASHES.setdefault(k, {})
    powered = [cache.get(word) or _powered_word_hash(word, k, cache) for word in words]
    out: list[int] = []
    append = out.append
    # Unrolled for the usual sizes: this loop is the largest cost of a signature.
    if k == 3:
        for a, b, c in zip(powered, powered[1:], powered[2:], strict=False):
            x = (a[0] + b[1] + c[2]) & MASK64
            append(x ^ (x >> 32))
        return out
    if k == 4:
        for a, b, c, d in zip(powered, powered[1:], powered[2:], powered[3:], strict=False):
            x = (a[0] + b[1] + c[2] + d[3]) & MASK64
            append(x ^ (x >> 32))
        return out
    for start in range(len(words) - k + 1):
        x = sum(powered[start + offset][offset] for offset in range(k)) & MASK64
        append(x ^ (x >> 32))
    return out


def shingles(text: str, k: int = DEFAULT_SHINGLE_SIZE) -> set[int]:
    """The set of hashed word k-shingles of the normalised ``text``."""
    return set(shingle_hashes(normalize_words(text), k))
