"""The language (`kk`, `ru`, `en`) and script (`Cyrl`, `Latn`) of an article's text, from the text alone.

Editions do not say what a text is written in: Kazakh editions carry Russian texts (a quoted statement, an official
release) and the other way round. Detection is by counting, with no model and no network:

- script: Cyrillic against Latin letters (the majority; names in the other script do not change it);
- Cyrillic kk against ru: words with a Kazakh-only letter (ә ғ қ ң ө ұ ү һ і) and frequent Kazakh words against
  frequent Russian words and Russian inflections (a Russian text naming "Қасым-Жомарт Тоқаев" stays Russian);
- Latin kk against en: the letters of the 2021 Latin Kazakh alphabet (á ǵ ı ń ó ş ú ý, and ç) and frequent words of
  Latin Kazakh against frequent English words. A Latin text that is neither (German, Portuguese...) has no language
  (None): a wrong label is worse than none.

`detect_text(body, title)` reads the body and falls back on the title when the body is empty or says nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LANGS = ("kk", "ru", "en")
SCRIPTS = ("Cyrl", "Latn")

KAZAKH_CYRILLIC_LETTERS = frozenset("әғқңөұүһі")
# The 2021 Latin alphabet's own letters (and the dotless ı of the 2018-2021 drafts Egemen's Latin edition uses).
# á, ó, ú also occur in Spanish or Portuguese, so letters alone never make a text Kazakh: words decide.
KAZAKH_LATIN_LETTERS = frozenset("áǵıńóşúýç")

KK_CYRILLIC_WORDS = frozenset({
    "және", "мен", "бұл", "деп", "үшін", "бойынша", "осы", "бір", "да", "де", "та", "те", "туралы", "болып",
    "болды", "болса", "еді", "емес", "қазір", "жыл", "жылы", "жылдың", "арқылы", "кейін", "дейін", "бар", "жоқ",
    "сол", "олар", "оның", "онда", "біз", "біздің", "сіз", "ол", "ал", "бірақ", "тағы", "дейді", "деді", "атап",
    "өтті", "екен", "сондай", "сияқты", "барлық", "көп", "аса", "ең", "енді", "бері", "соң", "қатысты", "тиіс",
    "керек", "мүмкін", "алды", "жатыр", "жүр", "берді", "келді", "шықты", "басталды", "қала", "облысы", "ауданы",
    "тұрғындары", "елімізде", "еліміздің", "бүгін", "кеше", "ертең", "мұнда", "барысында", "жөнінде", "жүзеге",
    "асырылады", "болады", "бастады"
})
RU_WORDS = frozenset({
    "и", "в", "во", "не", "на", "что", "с", "со", "по", "как", "это", "для", "из", "к", "ко", "от", "о", "об", "а",
    "за", "его", "ее", "её", "их", "он", "она", "они", "было", "был", "была", "были", "который", "которая",
    "которые", "которых", "при", "года", "году", "будет", "также", "уже", "или", "но", "же", "бы", "только", "если",
    "так", "после", "до", "между", "более", "чем", "все", "всех", "этого", "этом", "этой", "эти", "свой", "своих",
    "может", "могут", "когда", "где", "кроме", "однако", "сообщает", "сообщили", "заявил", "отметил",
    "пресс-служба", "ранее", "сегодня", "вчера", "тысяч", "миллионов", "млн", "млрд", "тенге", "человек", "области",
    "города", "района", "время"
})
EN_WORDS = frozenset({
    "the", "and", "of", "to", "is", "that", "for", "on", "with", "was", "as", "by", "it", "at", "from", "up", "has",
    "are", "be", "this", "have", "said", "were", "which", "will", "its", "their", "an", "not", "but", "or", "who",
    "been", "after", "had", "more", "than", "about", "also", "they", "he", "she", "his", "her", "would", "new",
    "into", "over", "last", "year", "years"
})
# (not the particles da/de/ta/te, which Portuguese, Spanish and French spell the same)
KK_LATIN_WORDS = frozenset({
    "jáne", "men", "bul", "dep", "úshin", "boıynsha", "osy", "bir", "týraly", "bolyp", "boldy", "bolsa", "edi",
    "emes", "qazir", "jyl", "jyly", "jyldyń", "arqyly", "keıin", "deıin", "bar", "joq", "sol", "olar", "onyń",
    "onda", "biz", "bizdiń", "siz", "ol", "al", "biraq", "taǵy", "deıdi", "dedi", "atap", "ótti", "eken", "sondaı",
    "sıaqty", "barlyq", "kóp", "asa", "eń", "endi", "beri", "soń", "qatysty", "tıis", "kerek", "múmkin", "aldy",
    "jatyr", "berdi", "keldi", "shyqty", "qala", "oblysy", "aýdany", "turǵyndary", "elimizde", "búgin", "keshe",
    "munda", "barysynda", "jóninde", "bolady", "bastady", "qazaqstan", "respýblıkasy"
})
# Frequent words of the Latin-script languages kznews does not label (Italian, German, Portuguese, Spanish,
# French, Indonesian): a text full of them is not English, whatever English words it quotes.
OTHER_LATIN_WORDS = frozenset({
    "il", "la", "le", "che", "per", "non", "una", "gli", "della", "delle", "und", "der", "die", "das", "ist",
    "nicht", "mit", "auf", "den", "dem", "sich", "que", "não", "em", "um", "uma", "para", "com", "os", "las", "los",
    "del", "por", "como", "est", "les", "des", "une", "pas", "dans", "yang", "dan", "ini", "itu", "dengan", "untuk",
    "tidak"
})

# Inflections frequent in Russian and rare at the end of Kazakh words (nouns and adjectives, reflexive verbs).
RU_ENDINGS = ("ого", "его", "ому", "ыми", "ими", "ться", "ется", "ются", "ение", "ения", "ости", "ский", "ская",
              "ские", "ских", "ской", "ного", "ными", "ющих", "ящих", "ались", "ился", "лась", "шей")
# Kazakh inflections without a Kazakh-only letter (plural, past tense, locative of long words).
KK_ENDINGS = ("лар", "лер", "дар", "дер", "тар", "тер", "ларды", "лерді", "ған", "ген", "қан", "кен", "ады",
              "еді", "йды", "йді", "ында", "інде", "ынан", "інен", "мыз", "міз")

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")

# Fewer scored words than this in the body: it says too little, the title decides (if it says more).
MIN_EVIDENCE = 2


@dataclass(frozen=True)
class TextLanguage:
    lang: str | None  # kk | ru | en | None (not one of ours, or nothing to judge)
    script: str | None  # Cyrl | Latn | None (no letters)
    evidence: int = 0  # words that counted for the winning language


def script_of(text: str) -> str | None:
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if not cyrillic and not latin:
        return None
    return "Cyrl" if cyrillic >= latin else "Latn"


def _cyrillic_language(words: list[str]) -> TextLanguage:
    kk = ru = 0.0
    for word in words:
        if not _CYRILLIC.match(word):
            continue
        if KAZAKH_CYRILLIC_LETTERS.intersection(word) or word in KK_CYRILLIC_WORDS:
            kk += 1
        elif word in RU_WORDS or (len(word) > 4 and word.endswith(RU_ENDINGS)):
            ru += 1
        elif len(word) > 5 and word.endswith(KK_ENDINGS):
            kk += 0.5
    # Ties (a short headline without any marker) go to Russian: a Kazakh text of any length has Kazakh letters.
    lang = "kk" if kk > ru else "ru"
    return TextLanguage(lang, "Cyrl", round(max(kk, ru)))


_KK_LATIN_ENDINGS = ("ǵa", "ǵe", "da", "de", "ta", "te", "dy", "di", "ty", "ti", "lar", "ler", "nyń", "niń", "dyń",
                     "diń", "ǵan", "gen", "qan", "ken", "ady", "edi", "ly", "li")


def _latin_language(words: list[str]) -> TextLanguage:
    kk = en = other = 0
    for word in words:
        if word in EN_WORDS:
            en += 1
        elif word in KK_LATIN_WORDS or "ǵ" in word or "ń" in word:  # ǵ and ń: letters only Latin Kazakh has
            kk += 1
        elif word in OTHER_LATIN_WORDS:
            other += 1
        elif KAZAKH_LATIN_LETTERS.intersection(word) and word.endswith(_KK_LATIN_ENDINGS):
            kk += 1  # a Kazakh inflection on a word spelt with a Kazakh letter
    total = max(1, len(words))
    # English function words are a fifth or more of an English text; a foreign text quoting English has more of
    # its own language's.
    if en > kk and en > 2 * other and en / total >= 0.04:
        return TextLanguage("en", "Latn", en)
    if kk > en and kk > other and kk / total >= 0.05:
        return TextLanguage("kk", "Latn", kk)
    if not kk and not other and total <= 12 and all(word.isascii() for word in words):
        # A short plain-ASCII line without a marker of another language (an English headline of few words)
        return TextLanguage("en", "Latn", 0)
    return TextLanguage(None, "Latn")


def detect(text: str | None) -> TextLanguage:
    """The language and script of one text."""
    text = text or ""
    script = script_of(text)
    if script is None:
        return TextLanguage(None, None)
    words = [w.lower() for w in WORD.findall(text)]
    if script == "Cyrl":
        return _cyrillic_language(words)
    return _latin_language(words)


def detect_text(body: str | None, title: str | None = None) -> TextLanguage:
    """The language of an article: its body's, or its title's when the body is empty or too short to say."""
    found = detect(body)
    if found.lang is not None and found.evidence >= MIN_EVIDENCE:
        return found
    from_title = detect(title)
    if from_title.lang is not None and (found.lang is None or from_title.evidence > found.evidence):
        return from_title
    if found.script is None:
        return TextLanguage(found.lang, from_title.script, found.evidence)
    return found
