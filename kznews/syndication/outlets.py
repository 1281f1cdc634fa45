"""Outlet names and the credit phrases that name them (Russian, Kazakh, English).

``OUTLET_ALIASES`` maps a normalised outlet name to the spellings seen in bylines and credit
lines. Our own sites use their registry names (``inform``, ``tengrinews``, ``24kz``...); other
outlets get a short Latin slug (``ria``, ``tass``, ``interfax``). Aliases that are also common
words ("Власть", "Курсив", "Орда", "Хабар", "Литер", "Капитал") only count inside quotes
(«Власть»), which is how Russian and Kazakh text names a publication.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "CITE_BEFORE",
    "CREDIT_AFTER_VERB",
    "CREDIT_OR_CITE_VERB",
    "NAME_FIRST_VERB",
    "OUTLET_ALIASES",
    "OUTLET_BEFORE_VERB",
    "OUTLET_PATTERN",
    "canonical_outlet",
    "matched_outlet",
    "outlet_from_alias",
    "outlet_from_domain",
    "strip_credit_clauses",
]

OUTLET_ALIASES: dict[str, tuple[str, ...]] = {
    # our sites (registry names)
    "inform": (
        "kazinform", "qazinform", "казинформ", "қазинформ", "қазақпарат", "казахпарат", "inform.kz",
        "kaz.inform.kz", "en.inform.kz", "qazinform.com", "kazinform news agency", "qazinform news agency",
        "миа казинформ", "мия казинформ", "ма казинформ", "мемлекеттік ақпарат агенттігі казинформ",
        "qazaqparat", "kazakparat",
    ),
    "tengrinews": ("tengrinews.kz", "kaz.tengrinews.kz", "en.tengrinews.kz", "tengrinews", "tengri news", "тенгриньюс"),
    "nur": ("nur.kz", "kaz.nur.kz", "нур.кз"),
    "zakon": ("zakon.kz", "kaz.zakon.kz", "закон.кз"),
    "kursiv": ("kursiv.media", "kz.kursiv.media", "kursiv.kz", "kursiv media", "kursiv", "курсив"),
    "vlast": ("vlast.kz", "vласть", "власть"),
    "informburo": ("informburo.kz", "informburo", "информбюро", "информбюро.kz"),
    "orda": ("orda.kz", "en.orda.kz", "орда.kz", "орда"),
    "kapital": ("kapital.kz", "центр деловой информации kapital.kz", "капитал"),
    "khabar": ("khabar.kz", "агентство хабар", "хабар"),
    "24kz": ("24.kz", "хабар 24", "khabar 24", "24kz", "24 kz"),
    "kazpravda": ("kazpravda.kz", "казахстанская правда", "казправда", "kazpravda"),
    "egemen": ("egemen.kz", "lat.egemen.kz", "егемен қазақстан", "egemen qazaqstan", "egemen", "егемен"),
    "azattyq": ("azattyq.org", "rus.azattyq.org", "радио азаттык", "азаттык", "азаттық", "azattyq", "radio azattyq"),
    "kt": ("kt.kz", "kazakhstan today", "казахстан сегодня"),
    "baq": ("baq.kz", "rus.baq.kz"),
    "sputnik": ("sputnik казахстан", "sputnik kazakhstan", "спутник казахстан", "sputnik.kz", "ru.sputnik.kz", "sputnik"),
    "liter": ("liter.kz", "литер.кз", "литер"),
    # other outlets
    "ria": ("риа новости", "риа «новости»", "ria novosti", "ria.ru", "риа"),
    "tass": ("тасс", "итар-тасс", "tass"),
    "interfax": ("интерфакс-казахстан", "интерфакс", "interfax-kazakhstan", "interfax.kz", "interfax"),
    "reuters": ("reuters", "рейтер", "рейтерс"),
    "ap": ("associated press", "ассошиэйтед пресс"),
    "afp": ("afp", "франс пресс", "франс-пресс", "agence france-presse"),
    "bbc": ("русская служба би-би-си", "би-би-си", "bbc"),
    "bloomberg": ("bloomberg", "блумберг"),
    "xinhua": ("синьхуа", "xinhua"),
    "kaztag": ("казтаг", "kaztag"),
    "rbc": ("рбк", "rbc"),
    "kommersant": ("коммерсантъ", "коммерсант", "kommersant"),
    "akipress": ("akipress", "акипресс"),
    "24kg": ("24.kg",),
    "kunuz": ("kun.uz",),
    "astanatv": ("astana tv", "астана тв"),
    "ktk": ("ктк", "ktk"),
    "caravan": ("caravan.kz", "караван"),
    "ulysmedia": ("ulysmedia.kz", "ulysmedia"),
    "exclusive": ("exclusive.kz",),
    "forbes": ("forbes.kz", "forbes kazakhstan", "forbes"),
    "inbusiness": ("inbusiness.kz",),
    "lsm": ("lsm.kz",),
    "qazaqstan": ("qazaqstan tv", "qazaqstan телеарнасы"),
    "jibekjoly": ("jibek joly",),
}  # fmt: skip

# Aliases that are ordinary words: they name an outlet only inside quotes.
_QUOTED_ONLY = frozenset(
    {"власть", "курсив", "орда", "хабар", "литер", "капитал", "караван", "егемен", "kursiv", "риа"}
)

# Domains that are sources of information but not outlets (government, social networks).
_NOT_OUTLET_DOMAINS = frozenset(
    {"gov.kz", "akorda.kz", "primeminister.kz", "egov.kz", "parlam.kz", "zan.kz", "kase.kz",
     "nationalbank.kz", "instagram.com", "facebook.com", "t.me", "telegram.org", "youtube.com",
     "x.com", "twitter.com", "vk.com", "tiktok.com", "ok.ru", "threads.net"}
)  # fmt: skip


def _alias_key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().replace("ё", "е")
    text = re.sub(r"[«»\"“”„']", "", text)
    return " ".join(text.split()).strip(" .,:;")


_ALIAS_TO_OUTLET: dict[str, str] = {
    _alias_key(alias): outlet for outlet, aliases in OUTLET_ALIASES.items() for alias in aliases
}


def _alias_regex(alias: str) -> str:
    # words may be separated by quotes too: РИА «Новости»
    return r"\s+[«\"“„]?".join(re.escape(part) for part in alias.split())


# All patterns below expect lower-cased text (str.lower()): case-insensitive matching of Unicode
# alternations is several times slower in the re module, and one lower() call is cheap.
_OPEN_QUOTE = r"[«\"“„]"
_CLOSE_QUOTE = r"[»\"”“]"
_all_aliases = sorted(_ALIAS_TO_OUTLET, key=len, reverse=True)
_plain = "|".join(_alias_regex(alias) for alias in _all_aliases if alias not in _QUOTED_ONLY)
_quoted = "|".join(_alias_regex(alias) for alias in _all_aliases if alias in _QUOTED_ONLY)
# Kazakh case endings glued to a name ("ҚазАқпараттың", "Kazinform-ға").
_KAZAKH_SUFFIX = r"(?:[-’']?(?:тың|тің|ның|нің|дың|дің|қа|ке|ға|ге|на|не|а|е))?"


def _outlet_pattern(tag: str = "") -> str:
    """An outlet name, quoted or bare; the spelling is captured in group quoted<tag> or plain<tag>."""
    return (
        r"(?:(?:миа|мия|иа|ма)\s+)?"
        rf"(?:{_OPEN_QUOTE}\s*(?P<quoted{tag}>{_quoted}|{_plain})\s*{_CLOSE_QUOTE}"
        rf"|(?<![\w.@/-])(?P<plain{tag}>{_plain}){_KAZAKH_SUFFIX}(?![\w]))"
    )


OUTLET_PATTERN = _outlet_pattern()

# Words that may stand between a credit verb and the outlet name.
_FILLER_WORD = (
    r"(?:собственн\w*|специальн\w*|местн\w*|казахстанск\w*|российск\w*|информационн\w*|новостн\w*|"
    r"интернет-издани\w*|корреспондент\w*|журналист\w*|редакци\w*|агентств\w*|информагентств\w*|"
    r"издани\w*|портал\w*|сайт\w*|телеканал\w*|газет\w*|радио|русская\s+служба|служб\w*|"
    r"news\s+agency|agency|correspondent|the|[^\W\d_]+(?:дағы|дегі|тағы|тегі))"
)
_FILLERS = rf"(?:{_FILLER_WORD}\s+){{0,3}}"
_CREDIT_VERBS = (
    r"(?:передает|передаёт|сообщает|пишет|информирует|уточняет|деп\s+хабарлайды|хабарлайды|"
    r"деп\s+жазады|dep\s+habarla[ıi]dy|habarla[ıi]dy|dep\s+jazady|reports|writes|reported\s+by)"
)
_CITE_VERBS = (
    r"(?:со\s+ссылкой\s+на|ссылаясь\s+на|по\s+(?:данным|информации|сообщению|сведениям)|"
    r"according\s+to|citing)"
)
_NAME_FIRST_VERBS = (
    r"(?:reports|learned|writes|cites|сообщает|передает|передаёт|пишет|хабарлайды|жазады|"
    r"тілшісінің\s+хабарлауынша|хабарлауынша|(?:агенттігіне\s+|сайтына\s+)?сілтеме\s+жаса\w*)"
)

CREDIT_AFTER_VERB = re.compile(rf"\b{_CREDIT_VERBS}\s+{_FILLERS}{OUTLET_PATTERN}")
CITE_BEFORE = re.compile(rf"\b{_CITE_VERBS}\s+{_FILLERS}{OUTLET_PATTERN}")
# Name-first credits are found from the verb backwards: scanning for the outlet alternation at every
# position of a text is ten times slower than finding the few verbs and looking behind them.
# The (?=[...]) prefixes list the first letters of the alternatives: with them the re module skips
# most positions with one set test instead of trying every alternative (2-3 times faster).
NAME_FIRST_VERB = re.compile(rf"(?=[rlwcспхжтас])\b{_NAME_FIRST_VERBS}\b")
OUTLET_BEFORE_VERB = re.compile(
    rf"{OUTLET_PATTERN}\s+(?:news\s+agency\s+|correspondent\s+|тілшісі\s+|агенттігі\s+)?$"
)
CREDIT_OR_CITE_VERB = re.compile(rf"(?=[пиусдхжhdrwac])\b(?:{_CREDIT_VERBS}|{_CITE_VERBS})")

# Outlets we do not know, named by a domain or by a quoted name after an outlet noun.
_DOMAIN = r"(?P<domain>(?:[a-z0-9-]+\.)+(?:kz|ru|kg|uz|com|org|net|media|info|news|by|ua|az|tj|am|ge|tm|cn))"
UNKNOWN_BY_DOMAIN = re.compile(rf"\b(?:{_CREDIT_VERBS}|{_CITE_VERBS})\s+{_FILLERS}{_DOMAIN}\b")
UNKNOWN_BY_QUOTED_NAME = re.compile(
    rf"\b(?:{_CREDIT_VERBS}|{_CITE_VERBS})\s+(?:[^\W\d_]+\s+){{0,2}}?"
    r"(?:издание|интернет-издание|агентство|информагентство|телеканал|портал|газета|сайт|журнал|радио)\s+"
    r"«(?P<name>[^»\n]{2,40})»",
)

# A whole credit clause, with its comma and an optional "со ссылкой на ...", for cutting out of text.
_CREDIT_CLAUSE_VERB_FIRST = re.compile(
    r"(?=[,кпиусдхжhdrwac])"
    rf"(?:,\s*|\b)(?:как\s+)?(?:{_CREDIT_VERBS}|{_CITE_VERBS})\s+{_FILLERS}{_outlet_pattern('1')}"
    r"(?:\s+(?:тілшісі|correspondent))?(?:\s+(?:со\s+ссылкой\s+на|citing)\s+[^.,;\n]{1,60})?",
)
_CREDIT_CLAUSE_NAME_FIRST = re.compile(
    rf"(?:,\s*|\b){_outlet_pattern('2')}\s+(?:news\s+agency\s+|correspondent\s+)?(?:reports|learned)\b"
    r"(?:\s+(?:from|citing)\s+[^.,;\n]{1,60})?",
)
# Cheap pre-check so most paragraphs skip the name-first clause regex.
_MAYBE_NAME_FIRST_CREDIT = re.compile(r"reports|learned")
_CLAUSE_LEAD_IN = 8  # ", как " may stand before the verb


def matched_outlet(match: re.Match[str]) -> str | None:
    """The outlet named in a match of one of the credit patterns above."""
    for name, value in match.groupdict().items():
        if value and (name.startswith("quoted") or name.startswith("plain")):
            return outlet_from_alias(value)
    return None


def outlet_from_alias(text: str) -> str | None:
    """The normalised outlet for a matched alias spelling, or None when unknown."""
    return _ALIAS_TO_OUTLET.get(_alias_key(text))


def outlet_from_domain(domain: str) -> str | None:
    """The outlet named by a domain (``ulysmedia.kz`` -> ``ulysmedia``); None for non-outlets."""
    domain = domain.lower().strip(". ")
    known = outlet_from_alias(domain)
    if known:
        return known
    labels = domain.split(".")
    if len(labels) < 2:
        return None
    registrable = (
        ".".join(labels[-3:]) if labels[-2] in {"gov", "com", "org", "edu"} else ".".join(labels[-2:])
    )
    if registrable in _NOT_OUTLET_DOMAINS or domain.endswith(".gov.kz") or registrable.endswith("gov.kz"):
        return None
    return outlet_from_alias(registrable) or registrable.split(".")[0]


def canonical_outlet(name: str | None) -> str | None:
    """Normalise a registry name, alias or host (``Tengrinews.kz``) to an outlet name."""
    if not name:
        return None
    key = _alias_key(name)
    if key in OUTLET_ALIASES:
        return key
    return outlet_from_alias(key) or (outlet_from_domain(key) if "." in key else key)


def strip_credit_clauses(text: str) -> str:
    """Cut credit clauses (", передает kazinform", "деп хабарлайды ...") out of a lower-cased sentence."""
    verb = CREDIT_OR_CITE_VERB.search(text)
    if verb:  # the clause regex only needs to scan from just before the first credit verb
        cut = max(0, verb.start() - _CLAUSE_LEAD_IN)
        text = text[:cut] + _CREDIT_CLAUSE_VERB_FIRST.sub("", text[cut:])
    if _MAYBE_NAME_FIRST_CREDIT.search(text):
        text = _CREDIT_CLAUSE_NAME_FIRST.sub("", text)
    return text
