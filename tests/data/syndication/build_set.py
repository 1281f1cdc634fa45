"""Build the syndication evaluation set (articles.json) from the hand-written sources.

Run from the repository root: ``python tests/data/syndication/build_set.py``. The output is
deterministic (seeded); ``tests/test_syndication.py`` checks that the committed file is current.

Source format (``sources_*.txt``)::

    === <slug> | <lang ru|kk> | <published, local time> | <original site> | <independent site> | <city>
    --- original       one paragraph per line; {DATELINE} and {CREDIT} are filled per site
    --- independent    the same event written independently (same facts, names, numbers)
    --- lead           optional: another first sentence a reprinting site may write
    --- extra          optional: a paragraph a reprinting site may add
    --- followup <site> <hours>   optional: a later, new story on another site that recycles
                       background paragraphs of the original ({PARAGRAPH:n} = its paragraph n)

What is generated:

- the original and the independent article, each with its own site's credit clause or dateline;
- one or two reprints of every original on other sites, each with a *profile* of edits (credit
  styles, light word edits, added/removed/swapped paragraphs, a new lead, site furniture, Latin
  look-alike letters, truncation, dateline changes), cycled so every edit occurs many times;
- for some topics a reprint of the independent article too, so that one topic has two clusters
  that must stay apart;
- follow-up stories (a new development reported a day or more later) that copy one or two
  paragraphs of the original as background: hard negatives, they are not reprints.

Labels per article: ``cluster`` (the id of the article a reprint copies from, directly or not; the
article's own id otherwise), ``source_id``, ``role`` and ``expected_attribution`` (the outlet
credited by a reprint; None for uncredited copies, originals and independent articles).
"""

from __future__ import annotations

import json
import random
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "articles.json"
SEED = 20250416
ALMATY = timezone(timedelta(hours=5))

SITES = [
    "inform", "tengrinews", "nur", "zakon", "kursiv", "vlast", "informburo", "orda", "kapital",
    "khabar", "24kz", "kazpravda", "egemen", "azattyq", "kt", "baq", "sputnik", "liter",
]  # fmt: skip
KAZAKH_SITES = [
    "inform",
    "tengrinews",
    "nur",
    "zakon",
    "egemen",
    "baq",
    "24kz",
    "khabar",
    "kazpravda",
    "azattyq",
]
HOSTS = {
    "inform": "www.inform.kz", "tengrinews": "tengrinews.kz", "nur": "www.nur.kz", "zakon": "www.zakon.kz",
    "kursiv": "kz.kursiv.media", "vlast": "vlast.kz", "informburo": "informburo.kz", "orda": "orda.kz",
    "kapital": "kapital.kz", "khabar": "khabar.kz", "24kz": "24.kz", "kazpravda": "kazpravda.kz",
    "egemen": "egemen.kz", "azattyq": "rus.azattyq.org", "kt": "www.kt.kz", "baq": "baq.kz",
    "sputnik": "ru.sputnik.kz", "liter": "liter.kz",
}  # fmt: skip

# How a site credits itself ({CREDIT} in its own article). "" = no credit clause.
OWN_CREDIT = {
    "ru": {
        "inform": [", передает корреспондент агентства Kazinform", ", сообщает Kazinform"],
        "tengrinews": [", передаёт корреспондент Tengrinews.kz"],
        "nur": [", передает NUR.KZ"],
        "zakon": [", сообщает Zakon.kz", ", передает корреспондент Zakon.kz"],
        "kursiv": [", сообщает Kursiv.media"],
        "vlast": [""],
        "informburo": [", сообщает Informburo.kz", ""],
        "orda": [", сообщает Orda.kz", ""],
        "kapital": [", пишет Kapital.kz", ""],
        "khabar": [", передает агентство «Хабар»"],
        "24kz": [", передаёт «Хабар 24»"],
        "kazpravda": [""],
        "egemen": [", сообщает Egemen.kz"],
        "azattyq": [""],
        "kt": [", передает Kazakhstan Today"],
        "baq": [", передает BAQ.KZ", ", передаёт BAQ.KZ"],
        "sputnik": [", сообщает Sputnik Казахстан"],
        "liter": [", передает Liter.kz"],
    },
    "kk": {
        "inform": [""],  # Kazinform's Kazakh service opens with a dateline instead
        "tengrinews": [", деп хабарлайды Tengrinews.kz тілшісі"],
        "nur": [", деп хабарлайды NUR.KZ"],
        "zakon": [", деп хабарлайды Zakon.kz"],
        "egemen": [", деп хабарлайды Egemen.kz"],
        "baq": [", деп хабарлайды BAQ.KZ тілшісі", ", деп хабарлайды BAQ.KZ"],
        "24kz": [", деп хабарлайды «Хабар 24»"],
        "khabar": [", деп хабарлайды «Хабар» агенттігі"],
        "kazpravda": [""],
        "azattyq": [""],
    },
}
# How another site names the source when it reprints: (Russian, Kazakh) display names.
CREDIT_NAME = {
    "inform": ("«Казинформ»", "ҚазАқпарат"), "tengrinews": ("Tengrinews.kz", "Tengrinews.kz"),
    "nur": ("NUR.KZ", "NUR.KZ"), "zakon": ("Zakon.kz", "Zakon.kz"), "kursiv": ("Kursiv.media", "Kursiv.media"),
    "baq": ("BAQ.KZ", "BAQ.KZ"), "kt": ("Kazakhstan Today", "Kazakhstan Today"), "24kz": ("«Хабар 24»", "«Хабар 24»"),
    "egemen": ("Egemen.kz", "Egemen.kz"), "liter": ("Liter.kz", "Liter.kz"), "orda": ("Orda.kz", "Orda.kz"),
    "informburo": ("Informburo.kz", "Informburo.kz"), "sputnik": ("Sputnik Казахстан", "Sputnik Қазақстан"),
    "kapital": ("Kapital.kz", "Kapital.kz"), "vlast": ("Vlast.kz", "Vlast.kz"),
    "azattyq": ("Радио Азаттык", "Азаттық радиосы"), "kazpravda": ("Kazpravda.kz", "Kazpravda.kz"),
    "khabar": ("агентство «Хабар»", "«Хабар» агенттігі"),
}  # fmt: skip
# Kazinform is credited in several spellings.
INFORM_RU_NAMES = ["«Казинформ»", "Kazinform", "МИА «Казинформ»", "агентство Kazinform"]
SOURCE_LINE_NAME = {"inform": ("Казинформ", "ҚазАқпарат")}

MONTHS_GENITIVE = [
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
    "ноября", "декабря",
]  # fmt: skip
KAZAKH_MONTHS = [
    "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
    "қараша", "желтоқсан",
]  # fmt: skip

# Site furniture a reprint may carry: (lines before the text, lines after the text).
FURNITURE = {
    "ru": {
        "tengrinews": (["ПОДЕЛИТЬСЯ", "Фото: Tengrinews.kz/Турар Казангапов"], ["Реклама", "Реклама"]),
        "zakon": (["#АЭС в Казахстане", "Фото: Zakon.kz"], ["Фото Ирина Капитанова", "Ирина Капитанова"]),
        "nur": (["Фото: pexels.com"], ["Читайте также: В Астане открыли новый парк"]),
        "baq": (
            ["  • Главная", "46Фото: ©BAQ.KZ/Сырым Рахимбеков"],
            ["Подпишитесь на наш Telegram-канал и узнавайте новости первыми!"],
        ),
        "kt": (["23.08.2025, 09:53 63001"], ["Рассказать друзьям", "Фото: depositphotos.com"]),
        "liter": (["Мира Алипинова"], []),
        "vlast": (
            ["  • 3740", "Текст: Данияр Молдабеков, Фото: Данияр Мусиров"],
            ["Еще по теме:", "Нацбанк меняет систему расчетов по курсу тенге"],
        ),
        "kursiv": (["Жарияланды"], ["Читайте больше новостей в нашем Telegram-канале"]),
        "sputnik": (["Подписаться"], []),
        "orda": (
            ["cover Коллаж Orda.kz"],
            ["Лента новостей", "- Жители Алматы почувствовали повторные толчки"],
        ),
        "informburo": ([], ["Подписывайтесь на наш Instagram"]),
        "kapital": (["Подробности – в материале центра деловой информации"], []),
        "kazpravda": (["Статьи,Президент", "1"], ["фото Игоря Бургандинова"]),
        "azattyq": (["Доступность ссылок", "Срочные новости:"], []),
        "khabar": (["  • 11", "  • 05.09.2025, 18:22"], []),
        "24kz": ([], ["Читайте также: Погода на выходные"]),
        "egemen": ([], []),
        "inform": (["РУ", "Тренды:"], ["Больше новостей в нашем Telegram-канале"]),
    },
    "kk": {
        "tengrinews": (["БӨЛІСУ", "Фото: Tengrinews.kz"], []),
        "zakon": (["Сурет: Zakon.kz"], ["Сондай-ақ оқыңыз: Алматыда жаңа саябақ ашылды"]),
        "nur": (["Фото: pexels.com"], []),
        "baq": (["  • Мұқаба", "154Фото: ©BAQ.KZ коллажы"], ["Біздің Telegram-арнамызға жазылыңыз!"]),
        "egemen": (["4236 рет", "көрсетілді", "24 мин", "оқу үшін"], ["Tolyǵymen"]),
        "24kz": ([], ["Тағы оқыңыз: Ауа райы болжамы"]),
        "khabar": (["  • 11"], []),
        "kazpravda": ([], ["фото Аманкула Дюсенбаева"]),
        "azattyq": (["Your browser doesn’t support HTML5"], []),
        "inform": (["ҚАЗ", "Трендтер:"], ["Telegram-арнамызға жазылыңыз"]),
    },
}
UNRELATED_HEADLINES = {
    "ru": [
        "Сотрудники МЧС спасли лошадь, упавшую в колодец",
        "В Исламабаде начался бизнес-форум «Казахстан – Пакистан»",
        "Бюро нацстатистики переходит на новый подход к расчету инфляции",
        "На вокзалах внедрена новая услуга сопровождения пассажиров",
    ],
    "kk": [
        "Елордада жаңа саябақ ашылды",
        "Түркістанда халықаралық фестиваль өтеді",
        "Ауа райы: алдағы үш күнге болжам",
    ],
}

# Light edits: (pattern, replacement) pairs applied to some of their occurrences.
LIGHT_EDITS = {
    "ru": [
        (r"\bсообщили\b", "рассказали"), (r"\bотметил\b", "подчеркнул"), (r"\bзаявил\b", "сказал"),
        (r"\bоколо\b", "порядка"), (r"\bболее\b", "свыше"), (r"\bмиллиардов\b", "млрд"),
        (r"\bмиллиарда\b", "млрд"), (r"\bмиллиона\b", "млн"), (r"\bтысяч\b", "тыс."), (r"\bгоду\b", "г."),
        (r"\bкилометров\b", "км"), (r"\bв настоящее время\b", "сейчас"), (r"\bоднако\b", "но"),
        (r"\bв том числе\b", "включая"), (r"\bтакже\b", "еще"), (r"\bсоставила\b", "достигла"),
        (r"\bсоставит\b", "будет"), (r"\bпроизошло\b", "случилось"), (r"\bнеобходимо\b", "нужно"),
    ],
    "kk": [
        (r"\bдеді\b", "атап өтті"), (r"\bсондай-ақ\b", "сонымен қатар"), (r"\bСондай-ақ\b", "Сонымен қатар"),
        (r"\bмәліметінше\b", "деректерінше"), (r"\bхабарлады\b", "мәлімдеді"), (r"\bмиллиард\b", "млрд"),
        (r"\bмиллион\b", "млн"), (r"\bшақырым\b", "км"), (r"\bжоспарланған\b", "көзделген"),
    ],
}  # fmt: skip
LOOKALIKES = {
    "а": "a",
    "о": "o",
    "е": "e",
    "с": "c",
    "р": "p",
    "х": "x",
    "у": "y",
    "і": "i",
    "К": "K",
    "А": "A",
}

# Reprint profiles: each reprint gets one, cycled so every edit occurs many times in the set.
PROFILES = [
    ["verbatim", "furniture"],
    ["light_edits", "furniture"],
    ["add_paragraph", "new_lead"],
    ["remove_paragraph", "light_edits"],
    ["swap_paragraphs", "add_paragraph", "furniture"],
    ["truncate", "furniture"],
    ["lookalikes", "light_edits"],
    ["new_lead", "remove_paragraph", "add_paragraph", "light_edits", "furniture"],
    ["dateline_change", "swap_paragraphs", "light_edits"],
    ["related_headlines", "furniture", "punctuation"],
    ["new_lead", "excerpt", "add_paragraph", "light_edits"],
    ["heavy_edits", "swap_paragraphs", "furniture"],
]
CREDIT_STYLES = [
    "keep",
    "clause",
    "source_line",
    "clause_and_source_line",
    "clause",
    "uncredited",
    "keep",
    "clause",
]


def parse_sources() -> list[dict]:
    topics = []
    for path in sorted(HERE.glob("sources_*.txt")):
        text = "\n".join(line for line in path.read_text("utf-8").splitlines() if not line.startswith("#"))
        for block in re.split(r"(?m)^=== ", text)[1:]:
            header, _, rest = block.partition("\n")
            slug, lang, when, original_site, independent_site, city = (
                part.strip() for part in header.split("|")
            )
            sections = {}
            followups = []
            for name, arguments, body in re.findall(r"(?ms)^--- (\w+)([^\n]*)\n(.*?)(?=^--- |\Z)", rest):
                if name == "followup":
                    site, hours = arguments.split()
                    followups.append({"site": site, "hours": float(hours), "paragraphs": _paragraphs(body)})
                else:
                    sections[name] = body
            topics.append(
                {
                    "slug": slug,
                    "lang": lang,
                    "published_at": datetime.fromisoformat(when).replace(tzinfo=ALMATY),
                    "original_site": original_site,
                    "independent_site": independent_site,
                    "city": city,
                    "original": _paragraphs(sections["original"]),
                    "independent": _paragraphs(sections["independent"]),
                    "lead": sections.get("lead", "").strip() or None,
                    "extra": sections.get("extra", "").strip() or None,
                    "followups": followups,
                }
            )
    return topics


def _paragraphs(section: str) -> list[str]:
    return [line.strip() for line in section.strip().splitlines() if line.strip()]


def dateline(site: str, lang: str, city: str, when: datetime, rng: random.Random) -> str:
    if site == "inform":
        return f"{city.upper()}. KAZINFORM {rng.choice(['–', '—', '-'])} "
    if site == "kt" and lang == "ru":
        return f"{city}. {when.day} {MONTHS_GENITIVE[when.month - 1]}. KAZAKHSTAN TODAY - "
    return ""


def render(paragraphs: list[str], dateline_text: str, credit: str) -> list[str]:
    return [p.replace("{DATELINE}", dateline_text).replace("{CREDIT}", credit) for p in paragraphs]


def reprint(
    topic: dict, source: dict, site: str, profile: list[str], credit_style: str, rng: random.Random
) -> dict:
    """A reprint of ``source`` (an article dict) on ``site``; returns text, transforms, attribution."""
    lang = topic["lang"]
    source_site = source["site"]
    template = source["template"]
    has_placeholder = any("{CREDIT}" in p for p in template)
    has_dateline = any("{DATELINE}" in p for p in template)
    transforms = list(profile)
    ru_name, kk_name = CREDIT_NAME.get(source_site, (source_site, source_site))
    name = ru_name if lang == "ru" else kk_name
    if source_site == "inform" and lang == "ru":
        name = rng.choice(INFORM_RU_NAMES)
    if lang == "ru":
        clause = rng.choice([f", передаёт {name}", f", сообщает {name}", f", передает {name}"])
    else:
        clause = f", деп хабарлайды {name}"
    source_line_name = SOURCE_LINE_NAME.get(source_site, (name.strip("«»"), name.strip("«»")))[lang == "kk"]
    source_line = f"Источник: {source_line_name}" if lang == "ru" else f"Дереккөз: {source_line_name}"

    own_dateline = source["dateline"]
    if not has_placeholder and not (has_dateline and own_dateline):
        # the source's credit is written into its text ("передает BAQ.KZ"): a copy keeps it
        credit_style = rng.choice(["keep", "keep_and_source_line"])
    credited = credit_style != "uncredited"
    if credit_style == "keep" and not source["credit"] and not own_dateline:
        credit_style = "clause"  # nothing to keep: credit in the reprint's own words
    if credit_style in ("keep", "keep_and_source_line"):
        paragraphs = list(source["paragraphs"])
    else:
        credit = clause if credit_style in ("clause", "clause_and_source_line") else ""
        keep_it = credit_style != "uncredited" and "dateline_change" not in profile and rng.random() < 0.3
        kept_dateline = own_dateline if keep_it else ""
        paragraphs = render(template, kept_dateline, credit)
    transforms.insert(0, f"credit:{credit_style}")

    if "dateline_change" in profile:
        when = source["published_at"]
        local = (
            f"{topic['city']}. {when.day} {MONTHS_GENITIVE[when.month - 1]}. "
            if lang == "ru"
            else f"{topic['city']}. {when.day} {KAZAKH_MONTHS[when.month - 1]}. "
        )
        first = paragraphs[0]
        if own_dateline and first.startswith(own_dateline):
            first = first[len(own_dateline) :]
            if credit_style == "keep" and not source["credit"]:
                credit_style = "keep_and_source_line"  # the agency dateline was the only credit
        paragraphs[0] = local + first
    if "new_lead" in profile and topic["lead"] and source["role"] == "original":
        first = paragraphs[0]
        prefix = ""
        if own_dateline and first.startswith(own_dateline):
            prefix, first = own_dateline, first[len(own_dateline) :]
        sentence_end = first.find(". ")
        old_lead = first[:sentence_end] if sentence_end > 0 else first
        rest = first[sentence_end + 2 :] if sentence_end > 0 else ""
        lead = topic["lead"].rstrip(".")
        if credit_style in ("clause", "clause_and_source_line"):
            lead += clause
        elif credit_style in ("keep", "keep_and_source_line"):
            lead += _credit_clause_in(old_lead.rstrip("."))  # the rewritten lead keeps the source's credit
        paragraphs[0] = (prefix + lead + ". " + rest).strip()
    if "remove_paragraph" in profile and len(paragraphs) >= 5:
        del paragraphs[rng.randrange(2, len(paragraphs) - 1)]
    if "swap_paragraphs" in profile and len(paragraphs) >= 4:
        index = rng.randrange(1, len(paragraphs) - 2)
        paragraphs[index], paragraphs[index + 1] = paragraphs[index + 1], paragraphs[index]
    if "add_paragraph" in profile and topic["extra"] and source["role"] == "original":
        paragraphs.insert(rng.choice([len(paragraphs), len(paragraphs) - 1, 2]), topic["extra"])
    if "truncate" in profile:
        keep = max(2, round(len(paragraphs) * rng.uniform(0.55, 0.7)))
        paragraphs = paragraphs[:keep]
        if credited and lang == "ru":
            paragraphs.append(f"Подробнее читайте на сайте {source_line_name}.")
    if "excerpt" in profile and len(paragraphs) >= 4:
        # the first paragraph and about half of the others, in order
        rest = sorted(rng.sample(range(1, len(paragraphs)), k=max(1, (len(paragraphs) - 1) // 2)))
        paragraphs = [paragraphs[0], *(paragraphs[i] for i in rest)]
    if "light_edits" in profile:
        paragraphs = [_light_edits(p, lang, rng) for p in paragraphs]
    if "heavy_edits" in profile:
        paragraphs = [_light_edits(p, lang, rng, rate=0.95, typos=2) for p in paragraphs]
    if "lookalikes" in profile:
        paragraphs = [_lookalikes(p, rng) for p in paragraphs]
    if "punctuation" in profile:
        paragraphs = [_punctuation(p) for p in paragraphs]
    if credit_style in ("source_line", "clause_and_source_line", "keep_and_source_line"):
        paragraphs.append(source_line)
    head: list[str] = []
    tail: list[str] = []
    if "furniture" in profile:
        head, tail = FURNITURE[lang].get(site, ([], []))
        head, tail = list(head), list(tail)
        if site == "tengrinews" and paragraphs:
            paragraphs = [paragraphs[0], *head, *paragraphs]  # tengrinews prints the lead twice
            head = []
    if "related_headlines" in profile:
        tail = [*tail, *rng.sample(UNRELATED_HEADLINES[lang], 2)]
    text = "\n".join([*head, *paragraphs, *tail])
    return {"text": text, "transforms": transforms, "attribution": source_site if credited else None}


def _credit_clause_in(sentence: str) -> str:
    match = re.search(r",\s*(?:передает|передаёт|сообщает|пишет|деп хабарлайды)\s[^.]+$", sentence)
    return match.group() if match else ""


# Typos are never made in credit verbs or outlet names: the labels say the credit survives.
PROTECTED_WORDS = re.compile(
    r"передает|передаёт|сообщает|хабарлайды|корреспондент|казинформ|kazinform|қазақпарат|tengrinews|"
    r"zakon|kazakhstan|today|хабар",
    re.IGNORECASE,
)


def _light_edits(paragraph: str, lang: str, rng: random.Random, rate: float = 0.5, typos: int = 0) -> str:
    for pattern, replacement in LIGHT_EDITS[lang]:
        paragraph = re.sub(
            pattern, lambda m, r=replacement: r if rng.random() < rate else m.group(), paragraph
        )
    for _ in range(typos if typos else int(rng.random() < 0.3)):  # typos: two letters swapped in a long word
        words = [w for w in re.finditer(r"[^\W\d_]{7,}", paragraph) if not PROTECTED_WORDS.search(w.group())]
        if words:
            word = rng.choice(words)
            i = rng.randrange(word.start() + 1, word.end() - 2)
            paragraph = paragraph[:i] + paragraph[i + 1] + paragraph[i] + paragraph[i + 2 :]
    return paragraph.replace("ё", "е")


def _lookalikes(paragraph: str, rng: random.Random) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group()
        if rng.random() > 0.15:
            return word
        return "".join(LOOKALIKES.get(char, char) if rng.random() < 0.5 else char for char in word)

    return re.sub(r"[^\W\d_]+", swap, paragraph)


def _punctuation(paragraph: str) -> str:
    return paragraph.replace("«", '"').replace("»", '"').replace(" – ", " - ").replace(" — ", " - ")


def own_article(
    topic: dict, role: str, site: str, paragraphs: list[str], published_at: datetime, rng: random.Random
) -> dict:
    """An article as its own site prints it: own credit clause, own dateline."""
    lang = topic["lang"]
    credit = rng.choice(OWN_CREDIT[lang].get(site, [""]))
    has_dateline = "{DATELINE}" in paragraphs[0]
    own_dateline = dateline(site, lang, topic["city"], published_at, rng) if has_dateline else ""
    return {
        "id": f"{topic['slug']}/{role}",
        "site": site,
        "role": role,
        "published_at": published_at,
        "template": paragraphs,
        "credit": credit,
        "dateline": own_dateline,
        "paragraphs": render(paragraphs, own_dateline, credit),
    }


def build() -> list[dict]:
    rng = random.Random(SEED)
    articles: list[dict] = []
    profile_counter = 0
    style_counter = 0
    for topic_number, topic in enumerate(parse_sources()):
        lang, slug, when = topic["lang"], topic["slug"], topic["published_at"]
        sites_pool = SITES if lang == "ru" else KAZAKH_SITES

        original = own_article(topic, "original", topic["original_site"], topic["original"], when, rng)
        independent_time = when + timedelta(minutes=rng.randint(-180, 180))
        independent = own_article(
            topic, "independent", topic["independent_site"], topic["independent"], independent_time, rng
        )
        topic_articles = [original, independent]

        taken = {original["site"], independent["site"]}
        reprint_count = 2 if topic_number % 2 == 0 else 1
        sources = [original] * reprint_count
        if topic_number % 4 == 1:  # a second cluster on the same topic: the independent story is reprinted
            sources.append(independent)
        for number, source in enumerate(sources, start=1):
            site = rng.choice([s for s in sites_pool if s not in taken])
            taken.add(site)
            profile = PROFILES[profile_counter % len(PROFILES)]
            profile_counter += 1
            credit_style = CREDIT_STYLES[style_counter % len(CREDIT_STYLES)]
            style_counter += 1
            made = reprint(topic, source, site, profile, credit_style, rng)
            topic_articles.append(
                {
                    "id": f"{slug}/reprint-{number}-{site}",
                    "site": site,
                    "role": "reprint",
                    "source_id": source["id"],
                    "published_at": source["published_at"] + timedelta(minutes=rng.randint(8, 480)),
                    "text": made["text"],
                    "transforms": made["transforms"],
                    "expected_attribution": made["attribution"],
                }
            )
        for followup in topic["followups"]:
            background = render(topic["original"], "", "")
            paragraphs = [
                re.sub(
                    r"\{PARAGRAPH:(\d+)\}",
                    lambda m, background=background: background[int(m.group(1))],
                    paragraph,
                )
                for paragraph in followup["paragraphs"]
            ]
            topic_articles.append(
                {
                    "id": f"{slug}/followup-{followup['site']}",
                    "site": followup["site"],
                    "role": "followup",
                    "published_at": when + timedelta(hours=followup["hours"]),
                    "paragraphs": paragraphs,
                }
            )
        for article in topic_articles:
            article.setdefault("text", "\n".join(article.get("paragraphs", [])))
            article.setdefault("source_id", None)
            article.setdefault("transforms", [])
            article.setdefault("expected_attribution", None)
            article["cluster"] = article["source_id"] or article["id"]
            articles.append(
                {
                    "id": article["id"],
                    "topic": slug,
                    "lang": lang,
                    "site": article["site"],
                    "url": f"https://{HOSTS[article['site']]}/{slug}-{abs(hash_id(article['id'])) % 10**6}",
                    "role": article["role"],
                    "published_at": article["published_at"].isoformat(),
                    "source_id": article["source_id"],
                    "cluster": article["cluster"],
                    "expected_attribution": article["expected_attribution"],
                    "transforms": article["transforms"],
                    "text": article["text"],
                }
            )
    articles.sort(key=lambda a: (a["published_at"], a["id"]))
    return articles


def hash_id(text: str) -> int:
    """A stable small number for fake URLs (Python's hash() of str is salted per process)."""
    value = 0
    for char in text:
        value = (value * 131 + ord(char)) % 1_000_003
    return value


def render_json(articles: list[dict]) -> str:
    lines = ",\n".join(json.dumps(article, ensure_ascii=False) for article in articles)
    return "[\n" + lines + "\n]\n"


def main() -> None:
    articles = build()
    OUTPUT.write_text(render_json(articles), "utf-8")
    roles = [a["role"] for a in articles]
    print(f"{OUTPUT.name}: {len(articles)} articles, {roles.count('reprint')} reprints, "
          f"{roles.count('original')} originals, {roles.count('independent')} independent, "
          f"{roles.count('followup')} follow-ups")  # fmt: skip


if __name__ == "__main__":
    main()
