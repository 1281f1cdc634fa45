"""Renderers for every site format the date engine (kznews.dates) claims: instants in, strings out (with the value
they mean). Test support: used by the property tests and the benchmark, so both exercise the same catalogue. Each renderer writes a
string the way a site prints it (see docs/evidence/site-evidence.md and docs/evidence/SITES.md) and returns the value a
correct parser must give back for a given reference instant.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from kznews.dates.engine import ALMATY

RU_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
               "октября", "ноября", "декабря")
RU_NOMINATIVE = ("Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь",
                 "Октябрь", "Ноябрь", "Декабрь")
RU_ABBREVIATED = ("янв", "февр", "мар", "апр", "мая", "июн", "июл", "авг", "сент", "окт", "нояб", "дек")
RU_WEEKDAYS = ("Понедельник", "Вторник", "Среда", "Четверг", "Пятница", "Суббота", "Воскресенье")
RU_WEEKDAYS_SHORT = ("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс")
KK_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
             "қараша", "желтоқсан")
KK_LOCATIVE = ("қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда", "шілдеде", "тамызда",
               "қыркүйекте", "қазанда", "қарашада", "желтоқсанда")
KK_LATIN_MONTHS = ("Qańtar", "Aqpan", "Naýryz", "Sáýir", "Mamyr", "Maýsym", "Shilde", "Tamyz", "Qyrkúıek",
                   "Qazan", "Qarasha", "Jeltoqsan")
KK_ARABIC_MONTHS = ("قاڭتار", "اقپان", "ناۋرىز", "ٴساۋىر", "مامىر", "ماۋسىم", "ٴشىلدە", "تامىز", "قىركۇيەك", "قازان",
                    "قاراشا", "جەلتوقسان")
KK_WEEKDAYS = ("Дүйсенбі", "Сейсенбі", "Сәрсенбі", "Бейсенбі", "Жұма", "Сенбі", "Жексенбі")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

EGEMEN_RUBRICS = ("Қоғам", "Сұхбат", "Экономика", "Саясат")
KT_CITIES = ("Астана", "Алматы", "Атырау", "Рудный")


class Rendered(NamedTuple):
    lang: str
    text: str
    expected: datetime | None  # aware; None: not a date
    has_time: bool
    family: str


def _gmt(local: datetime) -> str:
    return f"GMT +{int(local.utcoffset().total_seconds() // 3600)}"


def _h12(local: datetime) -> str:
    return f"{(local.hour % 12) or 12}:{local.minute:02d} {'AM' if local.hour < 12 else 'PM'}"


def _rfc2822_utc(local: datetime) -> str:
    utc = local.astimezone(UTC)
    return f"{EN_WEEKDAYS[utc.weekday()][:3]}, {utc.day:02d} {EN_MONTHS[utc.month - 1][:3]} {utc:%Y %H:%M:%S} GMT"


# Absolute formats: (family, lang, has_time, render(local Almaty datetime, rng) -> text). The expected value is
# the instant truncated to the minute (or second for formats printing seconds), or Almaty midnight.
AbsoluteRenderer = Callable[[datetime, random.Random], str]
ABSOLUTE_FORMATS: list[tuple[str, str, str, AbsoluteRenderer]] = [
    # (family, lang, precision: "minute" | "second" | "day", renderer)
    ("tengrinews", "ru", "minute", lambda t, r: f"{t.day:02d} {RU_GENITIVE[t.month - 1]} {t.year} | {t:%H:%M}"),
    ("tengrinews-article", "ru", "minute", lambda t, r: f"{t.day:02d} {RU_GENITIVE[t.month - 1]} {t.year} {t:%H:%M}"),
    ("nur", "ru", "minute", lambda t, r: f"{t.day} {RU_GENITIVE[t.month - 1]} {t.year}, {t:%H:%M}"),
    ("zakon-list", "ru", "minute", lambda t, r: f"{t:%H:%M}, {t.day} {RU_GENITIVE[t.month - 1]} {t.year}"),
    ("zakon-caption", "ru", "minute",
     lambda t, r: f"{r.choice(['фото', 'дом, фото', 'Алматы'])} - Новости Zakon.kz от {t:%d.%m.%Y %H:%M} Фото: Zakon.kz"),
    ("inform-ru", "ru", "minute", lambda t, r: f"{t:%H:%M}, {t.day} {RU_NOMINATIVE[t.month - 1]} {t.year} | {_gmt(t)}"),
    ("inform-ru-plain", "ru", "minute", lambda t, r: f"{t:%H:%M}, {t.day} {RU_NOMINATIVE[t.month - 1]} {t.year}"),
    ("kt", "ru", "minute", lambda t, r: f"{t:%d.%m.%Y, %H:%M} {r.randint(1, 99999)}"),
    ("khabar", "ru", "minute", lambda t, r: f"{t:%d.%m.%Y, %H:%M}"),
    ("kazpravda", "ru", "minute",
     lambda t, r: f"{t.day} {RU_GENITIVE[t.month - 1]} {t.year} г. {t.hour}:{t.minute:02d} {r.randint(1, 3000)}"),
    ("vlast", "ru", "day", lambda t, r: f"{t.day} {RU_GENITIVE[t.month - 1]} {t.year}"),
    ("ratel", "ru", "minute",
     lambda t, r: f"{RU_WEEKDAYS[t.weekday()]}, {t.day:02d} {RU_ABBREVIATED[t.month - 1].capitalize()} {t.year}, {t:%H:%M}"),
    ("azattyq-caption", "ru", "day",
     lambda t, r: f"{r.choice(['Уральск', 'Алматы'])}, {t.day} {RU_GENITIVE[t.month - 1]} {t.year} года"),
    ("weekday-short", "ru", "minute",
     lambda t, r: f"{RU_WEEKDAYS_SHORT[t.weekday()]}, {t.day} {RU_GENITIVE[t.month - 1]} {t.year} {t:%H:%M}"),
    ("label-published", "ru", "minute",
     lambda t, r: f"Опубликовано: {t.day} {RU_GENITIVE[t.month - 1]} {t.year}, {t:%H:%M}"),
    ("label-updated", "ru", "minute", lambda t, r: f"Обновлено {t:%d.%m.%Y} в {t:%H:%M}"),
    ("year-word-v", "ru", "minute", lambda t, r: f"{t.day} {RU_GENITIVE[t.month - 1]} {t.year} г. в {t:%H:%M}"),
    ("abbreviated", "ru", "day", lambda t, r: f"{t.day:02d} {RU_ABBREVIATED[t.month - 1]}. {t.year}"),
    ("numeric-date", "ru", "day", lambda t, r: f"{t:%d.%m.%Y}"),
    ("numeric-slash", "ru", "day", lambda t, r: f"{t:%d/%m/%Y}"),
    ("numeric-time", "ru", "minute", lambda t, r: f"{t:%d.%m.%Y %H:%M}"),
    ("inform-kk", "kk", "minute", lambda t, r: f"{t:%H:%M}, {t.day} {KK_MONTHS[t.month - 1].capitalize()} {t.year} | {_gmt(t)}"),
    ("kk-date-time", "kk", "minute", lambda t, r: f"{t.day} {KK_MONTHS[t.month - 1]} {t.year}, {t:%H:%M}"),
    ("kk-year-first", "kk", "day", lambda t, r: f"{t.year} жылғы {t.day} {KK_MONTHS[t.month - 1]}"),
    ("kk-year-first-locative", "kk", "day", lambda t, r: f"{t.year} жылғы {t.day} {KK_LOCATIVE[t.month - 1]}"),
    ("kk-year-abbrev", "kk", "day", lambda t, r: f"{t.day} {KK_MONTHS[t.month - 1]} {t.year} ж."),
    ("egemen", "kk", "day",
     lambda t, r: f"{r.choice(EGEMEN_RUBRICS)} • {t.day:02d} {KK_MONTHS[t.month - 1].capitalize()}, {t.year}"),
    ("egemen-latin", "kk", "day", lambda t, r: f"{t.day:02d} {KK_LATIN_MONTHS[t.month - 1]}, {t.year}"),
    ("egemen-latin-rubric", "kk", "day", lambda t, r: f"Oqıǵa • {t.day:02d} {KK_LATIN_MONTHS[t.month - 1]}, {t.year}"),
    ("inform-arabic", "kk", "minute", lambda t, r: f"{t:%H:%M}, {t.day} - {KK_ARABIC_MONTHS[t.month - 1]} {t.year} | {_gmt(t)}"),
    ("kk-weekday", "kk", "day",
     lambda t, r: f"{KK_WEEKDAYS[t.weekday()]}, {t.day} {KK_MONTHS[t.month - 1]} {t.year}"),
    ("kk-numeric", "kk", "minute", lambda t, r: f"{t:%d.%m.%Y, %H:%M}"),
    ("qazinform", "en", "minute", lambda t, r: f"{t:%H:%M}, {t.day} {EN_MONTHS[t.month - 1]} {t.year}"),
    ("inform-en-2022", "en", "minute", lambda t, r: f"{t.day} {EN_MONTHS[t.month - 1]} {t.year}, {t:%H:%M}"),
    ("inform-en-2016", "en", "minute", lambda t, r: f"{t:%H:%M}, {t.day} {EN_MONTHS[t.month - 1]} {t.year} | {_gmt(t)}"),
    ("en-month-first", "en", "minute", lambda t, r: f"{EN_MONTHS[t.month - 1]} {t.day}, {t.year}, {t:%H:%M}"),
    ("en-abbrev", "en", "day", lambda t, r: f"{EN_MONTHS[t.month - 1][:3]} {t.day}, {t.year}"),
    ("en-day-first", "en", "day", lambda t, r: f"{t.day} {EN_MONTHS[t.month - 1]} {t.year}"),
    ("en-12h", "en", "minute",
     lambda t, r: f"{EN_WEEKDAYS[t.weekday()]}, {EN_MONTHS[t.month - 1]} {t.day}, {t.year} {_h12(t)}"),
    ("kt-en", "en", "day", lambda t, r: f"{t:%d.%m.%Y}"),
    ("iso-offset", "ru", "second", lambda t, r: t.isoformat()),
    ("iso-utc-ms", "ru", "second", lambda t, r: t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")),
    ("iso-date", "ru", "day", lambda t, r: f"{t:%Y-%m-%d}"),
    ("iso-space", "ru", "minute", lambda t, r: f"{t:%Y-%m-%d %H:%M}"),
    ("rfc2822", "en", "second",
     lambda t, r: f"{EN_WEEKDAYS[t.weekday()][:3]}, {t.day:02d} {EN_MONTHS[t.month - 1][:3]} {t:%Y %H:%M:%S} "
     f"{'+0500' if t.utcoffset() == timedelta(hours=5) else '+0600'}"),
    ("rfc2822-gmt", "en", "second", lambda t, r: _rfc2822_utc(t)),
    ("unix", "ru", "second", lambda t, r: str(int(t.timestamp()))),
    ("unix-ms", "ru", "second", lambda t, r: str(int(t.timestamp()) * 1000)),
]

def truncate(local: datetime, precision: str) -> datetime:
    if precision == "day":
        return datetime(local.year, local.month, local.day, tzinfo=ALMATY)
    if precision == "minute":
        return local.replace(second=0, microsecond=0)
    return local.replace(microsecond=0)


def render_absolute(instant: datetime, rng: random.Random, only: str | None = None) -> list[Rendered]:
    """``instant`` in every absolute format (or in the family ``only``)."""
    local = instant.astimezone(ALMATY).replace(microsecond=0)
    out = []
    for family, lang, precision, render in ABSOLUTE_FORMATS:
        if only is not None and family != only:
            continue
        out.append(Rendered(lang, render(local, rng), truncate(local, precision), precision != "day", family))
    return out


# Year-less formats: the expected value is the latest such date/time not after now.
YEARLESS_FORMATS: list[tuple[str, str, bool, Callable[[datetime], str]]] = [
    ("informburo-heading", "ru", False, lambda t: f"{t.day} {RU_GENITIVE[t.month - 1]}"),
    ("yearless-time", "ru", True, lambda t: f"{t.day} {RU_GENITIVE[t.month - 1]}, {t:%H:%M}"),
    ("kt-dateline", "ru", False, lambda t: f"Астана. {t.day} {RU_GENITIVE[t.month - 1]}. KAZAKHSTAN TODAY - "),
    ("kk-yearless", "kk", False, lambda t: f"{t.day} {KK_MONTHS[t.month - 1]}"),
    ("kk-yearless-locative", "kk", False, lambda t: f"{t.day} {KK_LOCATIVE[t.month - 1]}"),
    ("en-yearless", "en", False, lambda t: f"{EN_MONTHS[t.month - 1]} {t.day}"),
]


def expected_year_less(month: int, day: int, hour: int | None, minute: int, now: datetime) -> datetime:
    now_local = now.astimezone(ALMATY)
    for year in range(now_local.year, now_local.year - 9, -1):
        try:
            candidate = datetime(year, month, day, hour or 0, minute if hour is not None else 0, tzinfo=ALMATY)
        except ValueError:
            continue
        if hour is None and candidate.date() <= now_local.date():
            return candidate
        if hour is not None and candidate <= now:
            return candidate
    raise ValueError("no such date")


def render_year_less(instant: datetime, now: datetime) -> list[Rendered]:
    local = instant.astimezone(ALMATY)
    out = []
    for family, lang, has_time, render in YEARLESS_FORMATS:
        expected = expected_year_less(local.month, local.day, local.hour if has_time else None, local.minute, now)
        out.append(Rendered(lang, render(local), expected, has_time, family))
    return out


# Relative-day formats: (family, lang, days_back, has_time, template with {time} and {year}).
RELATIVE_FORMATS: list[tuple[str, str, int, bool, str]] = [
    ("nur-today", "ru", 0, True, "Сегодня, {time}"),
    ("nur-yesterday", "ru", 1, True, "Вчера, {time}"),
    ("liter-today", "ru", 0, True, "Сегодня в {time}"),
    ("liter-yesterday", "ru", 1, True, "вчера, {time}"),
    ("zakon-today", "ru", 0, True, "сегодня, {time}"),
    ("zakon-today-after", "ru", 0, True, "{time}, сегодня"),
    ("zakon-yesterday-after", "ru", 1, True, "{time}, вчера"),
    ("tengrinews-sidebar", "ru", 0, True, "Сегодня | {time}"),
    ("day-before-yesterday", "ru", 2, True, "Позавчера, {time}"),
    ("baq-ru", "ru", 0, True, "Сегодня {year}, {time}"),
    ("tengrinews-list", "ru", 0, False, "Сегодня"),
    ("egemen-today", "kk", 0, True, "Бүгін, {time}"),
    ("baq-today", "kk", 0, True, "Бүгiн {time}"),  # Latin i, as baq.kz prints it
    ("baq-yesterday", "kk", 1, True, "Кеше {time}"),
    ("baq-year", "kk", 0, True, "Бүгiн {year}, {time}"),
    ("kk-yesterday", "kk", 1, True, "кеше, {time}"),
    ("kk-day-before", "kk", 2, True, "алдыңғы күні, {time}"),
    ("kk-latin-today", "kk", 0, True, "Búgin, {time}"),
    ("en-today", "en", 0, True, "Today, {time}"),
    ("en-yesterday", "en", 1, True, "Yesterday at {time}"),
]


def render_relative(now: datetime, rng: random.Random) -> list[Rendered]:
    """Every relative-day format with a random time of day on the day it names, relative to ``now``."""
    now_local = now.astimezone(ALMATY)
    out = []
    for family, lang, days_back, has_time, template in RELATIVE_FORMATS:
        day = now_local.date() - timedelta(days=days_back)
        hour, minute = rng.randrange(24), rng.randrange(60)
        if days_back == 0 and has_time:  # a time printed with "today" is not after now
            limit = now_local.hour * 60 + now_local.minute
            total = rng.randint(0, limit)
            hour, minute = divmod(total, 60)
        text = template.format(time=f"{hour:02d}:{minute:02d}", year=day.year)
        expected = datetime(day.year, day.month, day.day, hour if has_time else 0, minute if has_time else 0,
                            tzinfo=ALMATY)
        out.append(Rendered(lang, text, expected, has_time, family))
    return out


def _ru_plural(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


# "N units ago": (family, lang, unit seconds, render(n) -> text)
AGO_FORMATS: list[tuple[str, str, int, Callable[[int], str]]] = [
    ("ru-minutes-ago", "ru", 60, lambda n: f"{n} {_ru_plural(n, 'минуту', 'минуты', 'минут')} назад"),
    ("ru-hours-ago", "ru", 3600, lambda n: f"{n} {_ru_plural(n, 'час', 'часа', 'часов')} назад"),
    ("kk-minutes-ago", "kk", 60, lambda n: f"{n} минут бұрын"),
    ("kk-hours-ago", "kk", 3600, lambda n: f"{n} сағат бұрын"),
    ("en-minutes-ago", "en", 60, lambda n: f"{n} minute{'s' if n != 1 else ''} ago"),
    ("en-hours-ago", "en", 3600, lambda n: f"{n} hour{'s' if n != 1 else ''} ago"),
]


def render_ago(now: datetime, rng: random.Random) -> list[Rendered]:
    out = []
    for family, lang, seconds, render in AGO_FORMATS:
        n = rng.randint(1, 59 if seconds == 60 else 23)
        expected = (now - timedelta(seconds=n * seconds)).astimezone(ALMATY)
        out.append(Rendered(lang, render(n), expected, True, family))
    for lang, text in (("ru", "только что"), ("kk", "жаңа ғана"), ("en", "just now")):
        out.append(Rendered(lang, text, now.astimezone(ALMATY), True, "just-now"))
    return out


# Strings that are not dates (or are impossible ones): the engine must answer None.
NEGATIVES: list[tuple[str, str]] = [
    ("ru", "Реклама"), ("ru", "Поделиться"), ("ru", "ПОДЕЛИТЬСЯ"), ("ru", "12 345 просмотров"), ("ru", "63001"),
    ("ru", "Читайте также"), ("ru", "Фото: Zakon.kz"), ("ru", "Телефон: +7 (7172) 489-074"), ("ru", "1.2.3"),
    ("ru", "31 февраля 2024"), ("ru", "30.02.2025"), ("ru", "3 февраля 2026, 25:00"), ("ru", "32 января 2026"),
    ("ru", "13.13.2026"), ("kk", "4236 рет көрсетілді"), ("kk", "Мұқаба"), ("en", "Related news"),
    ("en", "Tell a friend"), ("ru", "USD/KZT 0.0"), ("ru", "2018-2019 учебного года"), ("ru", "Главная"),
    ("kk", "Жарияланды"), ("en", "Currently reading"), ("ru", "  • 3740"), ("ru", "47785"),
]


def random_instant(rng: random.Random, start_year: int = 2015, end_year: int = 2030) -> datetime:
    start = datetime(start_year, 1, 1, tzinfo=UTC).timestamp()
    end = datetime(end_year + 1, 1, 1, tzinfo=UTC).timestamp()
    return datetime.fromtimestamp(rng.uniform(start, end), UTC).replace(microsecond=0)
