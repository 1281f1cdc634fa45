"""Dates as Kazakhstan's news sites print them, resolved to aware datetimes in Asia/Almaty.

    parse_date(text, lang, now)         -> datetime | None
    parse_date_detail(text, lang, now)  -> DateParse(value, has_time, relative) | None
    explain_none(text, lang, now)       -> why a string gives None, one line (`kznews dates --explain`)
    to_almaty(dt)                       -> the same instant in Asia/Almaty (naive = Almaty wall clock)

``lang`` is the edition's language: "ru", "kk" or "en" (any other string: every table is tried, and the
fallback asks dateparser about all three). ``now`` is the reference instant, normally the fetch time (naive is
taken as UTC). Results are always expressed in ``ALMATY`` = ZoneInfo("Asia/Almaty"): UTC+6 until 2024-03-01,
UTC+5 since; never a fixed offset.

Families the fast path reads (precompiled patterns, dict lookups, the string normalised once):

- Day-month-year with month words in Russian (genitive "3 февраля", nominative "23 Ноябрь", abbreviations
  "февр.", "Июл"), Kazakh Cyrillic with case endings ("3 ақпанда", "2024 жылғы 15 қазан", "ж."), Kazakh Latin
  (2021 alphabet and its 2017/2018 variants: "04 Shilde, 2022", "09 Sáýir, 2023"), Kazakh Arabic script (best
  effort) and English ("3 February 2026", "February 3, 2026", "Feb 3 2026"). "г.", "года", "жылы" are skipped.
- Day-first numeric dates: 03.02.2026, 3.2.2026, 03/02/2026; two-digit years ("03.02.26") mean 20YY.
- Year-first numeric dates and ISO 8601 (T or space, seconds, fractions, Z or offsets): 2026-02-03T10:00:00+05:00.
- RFC 2822 (RSS pubDate): "Tue, 03 Feb 2026 10:00:00 +0500".
- Unix timestamps in seconds or milliseconds, only as the whole string and only for instants in 2000..2100.
- Time of day before or after the date, with ",", "|", "в", "at", "г." between; "10:00 AM" style.
- Relative days: сегодня/вчера/позавчера, бүгін/кеше/алдыңғы күні, today/yesterday, with the time before or
  after and with baq.kz's year in between ("Бүгiн 2026, 14:14"); "только что", "жаңа ғана", "just now";
  "N минут/часов/дней/недель/месяцев/лет назад", "N минут/сағат/күн бұрын", "N hours ago", "час назад".
- Printed offsets ("| GMT +5", "+0500", "Z") are honoured as written; otherwise Almaty's offset for that date.

Rules:

- Date-only strings resolve to Almaty midnight (has_time=False), "Сегодня" included.
- Year-less dates resolve to the latest such date (and time) not after ``now``; they count as relative
  (relative=True means the value depended on ``now``).
- "N минут/часов назад" is exact elapsed time from ``now``; "N дней/недель/месяцев назад" keeps ``now``'s Almaty
  wall-clock time N calendar units earlier, as dateparser does (has_time=True for every "ago" form).
- A relative day printed with a year that contradicts ``now`` ("Сегодня 2025" read in 2026) gives None.
- A bare time ("13:51") is not a date: None. So is a bare year, a month without a day, a view count.
- Impossible components (31 February, 25:00, month 13, years outside 1900..2100) give None, never a guess.
- The wall-clock hour 23:00-24:00 on 2024-02-29 happened twice in Almaty (the clock went from UTC+6 back to
  UTC+5 at midnight). Such times resolve to fold=0, the earlier instant (+06:00).
  Compare results as instants (``a.astimezone(UTC) == b.astimezone(UTC)`` or ``.timestamp()``): by PEP 495,
  ``==`` between a datetime in such a repeated hour and one in another zone is always False.
- Prefix labels ("Опубликовано:", "Жарияланды:"), rubrics ("Қоғам • "), datelines ("Алматы. 19 августа.") and
  trailing noise (view counts) are ignored: the first date in the string wins, and only a time adjacent to it
  is taken. "KAZAKHSTAN TODAY" (kt.kz's name) is not "today".
- Latin look-alikes inside Cyrillic words (baq.kz's "Бүгiн" with a Latin i) are repaired first.

Layout: ``tables`` (month and relative-word tables, built once into dicts), ``engine`` (normalise, read into a
``Reading`` that does not depend on ``now`` and is LRU-cached, resolve against ``now``). The renderers of every
claimed site format, shared by the property tests and ``tests/benchmarks/bench_dates.py``, are test support
(``tests/tools/dateformats.py``); the command line is ``kznews.cli.dates``.

Fallback policy: when the fast path finds neither a date nor a reason to reject, and the string is short and
contains a date word (a month, weekday, unit or relative word), dateparser 1.5 is asked with explicit
languages (ru: ru; kk: kk+ru; en: en) and the settings in ``DATEPARSER_SETTINGS`` plus RELATIVE_BASE = ``now``
as Almaty wall-clock time and REQUIRE_PARTS=["day"] (so a weekday or a month alone is not turned into a
guessed date). Its answer is kept only for years 2000..now+1. Strings the fast path rejects (impossible
dates, bare numbers, no date words) never reach dateparser.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from typing import NamedTuple

from kznews.dates.engine import ALMATY, REJECT, Reading, analyse, resolve
from kznews.dates.engine import explain_none as _explain_none
from kznews.swallowed import swallowed

logger = logging.getLogger(__name__)

__all__ = ["ALMATY", "DATEPARSER_SETTINGS", "LANGUAGES", "DateParse", "dateparser_languages", "explain_none",
           "parse_date", "parse_date_detail", "to_almaty"]

# The edition languages the tables and the fallback know.
LANGUAGES = ("ru", "kk", "en")

# dateparser settings used by the fallback (and by the benchmark's "tuned dateparser"); RELATIVE_BASE is
# added per call as ``now`` in Almaty wall-clock time (naive), which keeps "today" on the Almaty day.
DATEPARSER_SETTINGS = {
    "TIMEZONE": "Asia/Almaty",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "PREFER_DATES_FROM": "past",
    "DATE_ORDER": "DMY",
}
_DATEPARSER_LANGUAGES = {"ru": ["ru"], "kk": ["kk", "ru"], "en": ["en"]}
_HAS_TIME_RE = re.compile(r"[0-9]:[0-9]{2}|[0-9]\s*[ap]\.?m\b|минут|час|сағат|minute|hour", re.IGNORECASE)
_HAS_YEAR_RE = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")


class DateParse(NamedTuple):
    value: datetime  # aware, tzinfo=ALMATY
    has_time: bool  # False: date-only string, value is Almaty midnight
    relative: bool  # True: the value depended on ``now`` (relative words, "ago", a year inferred from now)


def dateparser_languages(lang: str) -> list[str]:
    """The languages dateparser is given for an edition language."""
    return _DATEPARSER_LANGUAGES.get(lang, ["ru", "kk", "en"])


def to_almaty(dt: datetime) -> datetime:
    """Aware: the same instant in Asia/Almaty. Naive: read as Almaty wall-clock time."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        return dt.replace(tzinfo=ALMATY)
    return dt.astimezone(ALMATY)


def _aware_now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None or now.utcoffset() is None:
        return now.replace(tzinfo=UTC)
    return now


def _ask_dateparser(text: str, lang: str, now: datetime) -> DateParse | None:
    import dateparser  # imported on first use: most runs never need it

    now_local = now.astimezone(ALMATY)
    settings = {**DATEPARSER_SETTINGS, "RELATIVE_BASE": now_local.replace(tzinfo=None), "REQUIRE_PARTS": ["day"]}
    value = dateparser.parse(text, languages=dateparser_languages(lang), settings=settings)
    if value is None or not 2000 <= value.year <= now_local.year + 1:
        return None
    return DateParse(
        to_almaty(value), _HAS_TIME_RE.search(text) is not None, _HAS_YEAR_RE.search(text) is None
    )


def parse_date_detail(text: str | None, lang: str, now: datetime) -> DateParse | None:
    """Read a date string; None when it is not a date. Never raises on a str."""
    if not isinstance(text, str) or not text:
        return None
    try:
        now = _aware_now(now)
        reading: Reading = analyse(text[:2000], lang if isinstance(lang, str) else "")
        if reading is REJECT or reading.kind == "reject":
            return None
        if reading.kind == "fallback":
            return _ask_dateparser(reading.text, lang, now)
        resolved = resolve(reading, now)
    except Exception as error:  # a date string must never take the crawl down; the fast path raises nothing known
        swallowed("parse_date_detail", error, logger, text)
        return None
    return DateParse(*resolved) if resolved else None


def parse_date(text: str | None, lang: str, now: datetime) -> datetime | None:
    """Aware datetime in Asia/Almaty, or None when the text is not a date."""
    detail = parse_date_detail(text, lang, now)
    return detail.value if detail else None


def explain_none(text: str | None, lang: str, now: datetime | None) -> str | None:
    """Why ``text`` gives no date, one line; None when it gives one."""
    if parse_date_detail(text, lang, now) is not None:
        return None
    if not isinstance(text, str):
        return "not a string"
    return _explain_none(text[:2000], _aware_now(now))
