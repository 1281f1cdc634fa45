"""Word tables for the date engine: months, relative words, units, number words.

Every key is in the *normalised* form the engine looks words up in (see ``engine.normalise``):
lower case, Kazakh Latin diacritics folded (á→a, ǵ→g, ı→i, ń→n, ó→o, ú→u, ý→u), Latin look-alikes inside
Cyrillic words already replaced by their Cyrillic letters, any trailing dot removed. The tables are built
once at import into plain dicts, so a lookup is one hash probe.
"""

from __future__ import annotations

# --- months -------------------------------------------------------------------------------------------------

# Russian: nominative (inform.kz prints "23 Ноябрь 2025"), genitive, prepositional and the abbreviations
# sites use ("февр.", "Июл", "сент.").
_RU_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("январь", "января", "январе", "янв"),
    2: ("февраль", "февраля", "феврале", "фев", "февр"),
    3: ("март", "марта", "марте", "мар"),
    4: ("апрель", "апреля", "апреле", "апр"),
    5: ("май", "мая", "мае"),
    6: ("июнь", "июня", "июне", "июн"),
    7: ("июль", "июля", "июле", "июл"),
    8: ("август", "августа", "августе", "авг"),
    9: ("сентябрь", "сентября", "сентябре", "сен", "сент"),
    10: ("октябрь", "октября", "октябре", "окт"),
    11: ("ноябрь", "ноября", "ноябре", "ноя", "нояб"),
    12: ("декабрь", "декабря", "декабре", "дек"),
}

# Kazakh, Cyrillic script. Stems take case endings ("қазанда", "наурыздан", "шілденің"), generated below.
_KK_CYRILLIC_MONTH_STEMS = (
    "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
    "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
)
# Case endings of Kazakh nouns, both vowel harmonies and all consonant assimilations. Over-generating is
# harmless: a generated form is only looked up right after a day number.
_KK_CYRILLIC_ENDINGS = (
    "", "да", "де", "та", "те", "нда", "нде",
    "ның", "нің", "дың", "дің", "тың", "тің",
    "нан", "нен", "дан", "ден", "тан", "тен",
    "ға", "ге", "қа", "ке", "на", "не",
    "ы", "і", "сы", "сі",
    "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі",
    "ында", "інде", "сында", "сінде",
)

# Kazakh, Latin script (2021 alphabet as on lat.egemen.kz, and the 2017/2018 variants), after diacritic
# folding: Qańtar/Qantar -> qantar, Naýryz/Nauryz -> nauryz, Sáýir/Sauir -> sauir, Qyrkúıek -> qyrkuiek.
_KK_LATIN_MONTH_STEMS = (
    "qantar", "aqpan", "nauryz", "sauir", "mamyr", "mausym",
    "shilde", "tamyz", "qyrkuiek", "qazan", "qarasha", "jeltoqsan",
)
_KK_LATIN_EXTRA_SPELLINGS = {  # further spellings seen in transliterations
    4: ("sauyr", "sawir"),
    6: ("mawsym",),
    9: ("qyrkuyek", "kyrkuiek"),
    10: ("kazan",),
    12: ("zheltoqsan", "jeltoksan"),
}
_KK_LATIN_ENDINGS = (
    "", "da", "de", "ta", "te", "nda", "nde",
    "nyn", "nin", "dyn", "din", "tyn", "tin",
    "nan", "nen", "dan", "den", "tan", "ten",
    "ga", "ge", "qa", "ke", "y", "i",
)

# Kazakh, Arabic script (ar.inform.kz "24 - قازان 2025", ar.egemen.kz "01 ماۋسىم, 2011"). Best effort: the
# hamza sign (U+0674) that marks front-vowel words is removed during normalisation.
_KK_ARABIC_MONTHS = (
    "قاڭتار", "اقپان", "ناۋرىز", "ساۋىر", "مامىر", "ماۋسىم",
    "شىلدە", "تامىز", "قىركۇيەك", "قازان", "قاراشا", "جەلتوقسان",
)

_EN_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan"),
    2: ("february", "feb"),
    3: ("march", "mar"),
    4: ("april", "apr"),
    5: ("may",),
    6: ("june", "jun"),
    7: ("july", "jul"),
    8: ("august", "aug"),
    9: ("september", "sep", "sept"),
    10: ("october", "oct"),
    11: ("november", "nov"),
    12: ("december", "dec"),
}


def _build_month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for month, forms in _RU_MONTHS.items():
        for form in forms:
            table[form] = month
    for month, forms in _EN_MONTHS.items():
        for form in forms:
            table[form] = month
    for index, stem in enumerate(_KK_CYRILLIC_MONTH_STEMS, start=1):
        for ending in _KK_CYRILLIC_ENDINGS:
            table.setdefault(stem + ending, index)
    for index, stem in enumerate(_KK_LATIN_MONTH_STEMS, start=1):
        for ending in _KK_LATIN_ENDINGS:
            table.setdefault(stem + ending, index)
    for month, spellings in _KK_LATIN_EXTRA_SPELLINGS.items():
        for spelling in spellings:
            table.setdefault(spelling, month)
    for index, name in enumerate(_KK_ARABIC_MONTHS, start=1):
        table[name] = index
    return table


MONTHS: dict[str, int] = _build_month_table()

# Month words that read month-first in English ("February 3, 2026", "Feb 3 2026").
EN_MONTHS: dict[str, int] = {form: month for month, forms in _EN_MONTHS.items() for form in forms}

# --- relative day words -------------------------------------------------------------------------------------

# word -> how many days back from the reference day. Multi-word keys are matched as phrases.
RELATIVE_DAYS: dict[str, int] = {
    "сегодня": 0, "вчера": 1, "позавчера": 2,
    "бүгін": 0, "кеше": 1, "алдыңғы күні": 2,
    "bugin": 0, "keshe": 1, "aldyngy kuni": 2,
    "today": 0, "yesterday": 1, "the day before yesterday": 2,
}

# Phrases meaning "just now".
JUST_NOW = ("только что", "жаңа ғана", "jana gana", "just now", "right now")

# --- "N units ago" --------------------------------------------------------------------------------------------

# unit word -> unit code: s, min, h, d, w, mo, y
UNITS: dict[str, str] = {}
for _unit, _words in {
    "s": ("секунду", "секунды", "секунд", "сек", "секунд", "second", "seconds", "sec", "secs", "sekund"),
    "min": ("минуту", "минуты", "минут", "мин", "minute", "minutes", "min", "mins", "minut"),
    "h": ("час", "часа", "часов", "ч", "сағат", "сағ", "hour", "hours", "hr", "hrs", "sagat"),
    "d": ("день", "дня", "дней", "дн", "күн", "day", "days", "kun"),
    "w": ("неделю", "недели", "недель", "нед", "апта", "week", "weeks", "wk", "wks"),
    "mo": ("месяц", "месяца", "месяцев", "мес", "ай", "month", "months", "ai"),
    "y": ("год", "года", "лет", "жыл", "year", "years", "yr", "yrs", "jyl"),
}.items():
    for _word in _words:
        UNITS[_word] = _unit

AGO_WORDS = ("назад", "бұрын", "ago", "buryn", "burun")

# Spelled-out small numbers before a unit ("два часа назад", "бір сағат бұрын", "an hour ago").
NUMBER_WORDS: dict[str, int] = {
    "один": 1, "одна": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5,
    "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9, "он": 10,
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10,
}

# "полчаса назад" (half an hour ago).
HALF_HOUR_WORDS = ("полчаса", "жарты сағат", "half an hour")

# --- weekdays (only used to decide whether the dateparser fallback is worth calling) ---------------------------

WEEKDAYS = (
    "понедельник", "вторник", "среда", "среду", "четверг", "пятница", "пятницу", "суббота", "субботу",
    "воскресенье", "пн", "вт", "ср", "чт", "пт", "сб", "вс",
    "дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі",
    "duisenbi", "seisenbi", "sarsenbi", "beisenbi", "juma", "senbi", "jeksenbi",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
)

# Words that make a string worth handing to dateparser when the fast path could not read it.
FALLBACK_VOCABULARY: frozenset[str] = frozenset(
    [*MONTHS, *WEEKDAYS, *UNITS, *AGO_WORDS, *(w for phrase in RELATIVE_DAYS for w in phrase.split()),
     "завтра", "ертең", "tomorrow", "сейчас", "now", "прошлый", "прошлую", "прошлом", "last"]
)

# --- Latin look-alikes inside Cyrillic words -----------------------------------------------------------------

# baq.kz writes "Бүгiн" with a Latin i; Cyrillic text typed on mixed keyboards has Latin a/c/e/o/p/x/y...
# Applied only to words that also contain Cyrillic letters, so Latin-script Kazakh and English are untouched.
LATIN_LOOKALIKES = str.maketrans({
    "a": "а", "b": "в", "c": "с", "e": "е", "h": "н", "i": "і", "k": "к", "m": "м",
    "o": "о", "p": "р", "t": "т", "x": "х", "y": "у",
})
