"""The date engine: normalise once, read the string with precompiled patterns, resolve against ``now``.

Reading and resolving are split. ``analyse(text, lang)`` turns a string into a small ``Reading`` that does not
depend on the reference instant (a calendar date, a relative day, "N units ago", an instant, a rejection, or
"ask dateparser"); it is pure and kept in a small LRU cache. ``resolve(reading, now)`` turns a reading into an
aware datetime in Asia/Almaty, which is cheap arithmetic. See ``kznews/dates/__init__.py`` for the families
and the fallback policy.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

from kznews.dates import tables

ALMATY = ZoneInfo("Asia/Almaty")

# Years accepted in printed dates; anything else is a number that only looks like a year.
MIN_YEAR, MAX_YEAR = 1900, 2100
# Unix timestamps are accepted only as the whole string and only for instants in 2000..2100.
UNIX_MIN, UNIX_MAX = 946_684_800, 4_102_444_800
# dateparser is only asked about short strings; long text is not a date string.
FALLBACK_MAX_CHARS = 80


class Time(NamedTuple):
    hour: int
    minute: int
    second: int
    microsecond: int


class Reading(NamedTuple):
    """What the text says, independent of the reference instant.

    kind is one of:
      "date"      year (None when not printed), month, day, time (or None), utc_offset (or None)
      "days_ago"  amount = days back from the reference day (0 today, 1 yesterday), time, year (printed or None)
      "ago"       amount units ago (unit in tables.UNITS values)
      "instant"   instant: an aware datetime (Unix timestamps)
      "reject"    not a date, or an impossible one: answer None without asking dateparser
      "fallback"  has date words the fast path does not read: ask dateparser
    """

    kind: str
    year: int | None = None
    month: int = 0
    day: int = 0
    time: Time | None = None
    utc_offset: timedelta | None = None
    amount: float = 0
    unit: str = ""
    instant: datetime | None = None
    text: str = ""


REJECT = Reading("reject")

# --- normalisation --------------------------------------------------------------------------------------------

_SPACE_CHARS = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\n\r\v\f"
_NORMALISE_TABLE = str.maketrans(
    {
        **dict.fromkeys(_SPACE_CHARS, " "),
        # invisible characters, the combining dot of "İ".lower(), the Arabic-script hamza, apostrophes
        **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad\u0307\u0674'’ʼ`", None),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        **dict.fromkeys("•·●▪∙⋅◦", "|"),
        "ё": "е",
        # Kazakh Latin (2021 and 2017/2018 alphabets) folded to plain letters
        "á": "a", "ä": "a", "ǵ": "g", "ğ": "g", "ı": "i", "í": "i", "ń": "n", "ñ": "n", "ó": "o", "ö": "o",
        "ú": "u", "ü": "u", "ý": "u", "ş": "sh", "ç": "ch",
    }
)
_CYRILLIC_RE = re.compile(r"[а-яәіңғүұқөһ]")
_ASCII_LETTER_RE = re.compile(r"[a-z]")
_WORD_RE = re.compile(r"[^\W\d_]+")


def _fix_mixed_word(match: re.Match[str]) -> str:
    word = match.group()
    if _CYRILLIC_RE.search(word) and _ASCII_LETTER_RE.search(word):
        return word.translate(tables.LATIN_LOOKALIKES)
    return word


def normalise(text: str) -> str:
    """Lower-case, unify spaces/dashes/bullets, fold Kazakh Latin, repair Latin look-alikes in Cyrillic words."""
    s = text.lower().translate(_NORMALISE_TABLE)
    if _ASCII_LETTER_RE.search(s) and _CYRILLIC_RE.search(s):
        s = _WORD_RE.sub(_fix_mixed_word, s)
    if "kazakhstan today" in s:  # kt.kz dateline "Астана. 23 августа. KAZAKHSTAN TODAY - ": a name, not "today"
        s = s.replace("kazakhstan today", " ")
    return s


# --- patterns -------------------------------------------------------------------------------------------------
# Digits are [0-9], not \d: other scripts' digits are not something these sites print.

_NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
_NOT_LETTER_AFTER = r"(?![^\W\d_])"

# Time of day: "10:00", "6:00", "10:00:15", "11:15:00.000", "10:00 AM", "10 p.m.". Ranges checked later.
_TIME = (
    r"(?<![0-9:.])([0-9]{1,2})"
    r"(?::([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]{1,9}))?)?(?:\s?([ap])\.?\s?m\b\.?)?|\s?([ap])\.?\s?m\b\.?)"
    r"(?![0-9]|:[0-9])"
)
_TIME_RE = re.compile(_TIME)
# A time that ends right before a date: "10:00, 3 февраля", "15:00, 23 Ноябрь 2025", "11:51, сегодня".
_TIME_BEFORE_RE = re.compile(_TIME + r"(?=[\s,|/-]*(?:в\s*)?$)")
_TIME_BEFORE_WINDOW = 32

# What may stand between a date and the time after it: "2026 г. в 10:00", "2025, 09:53", "2024 | 20:10",
# "2026-02-03T10:00", "February 3, 2026 at 10:00".
_GAP_AFTER_DATE_RE = re.compile(
    r"[\s,]*(?:(?:г|года|год|ж|жыл|жылы|y|jyl|jyly)" + _NOT_LETTER_AFTER + r"\.?)?"
    r"[\s,|/-]*(?:(?:в|во|at|сағат|сағ|sagat|t)" + _NOT_LETTER_AFTER + r"\.?\s*)?"
)
# Between a relative day word and its time, baq.kz puts the year: "Сегодня 2026, 09:44".
_GAP_AFTER_RELATIVE_RE = re.compile(
    r"[\s,|/-]*(?:([0-9]{4})" + r"[\s,|]*)?(?:(?:в|во|at|сағат|сағ|sagat)" + _NOT_LETTER_AFTER + r"\.?\s*)?"
)

# A UTC offset right after the time: "+0500", "+05:00", "Z", "GMT", "UTC+5", "(GMT +5)".
_OFFSET_AFTER_TIME_RE = re.compile(
    r"\s*(?:(z)" + _NOT_LETTER_AFTER
    + r"|\(?(?:gmt|utc|ut)" + _NOT_LETTER_AFTER + r"(?:\s*([+-])\s*([0-9]{1,2})(?::?([0-9]{2}))?)?\)?"
    r"|([+-])([0-9]{2})(?::?([0-9]{2}))?(?![0-9]))"
)
# An offset elsewhere in the string: inform.kz "10:08, 18 Ноябрь 2025 | GMT +5".
_OFFSET_ANYWHERE_RE = re.compile(
    _NOT_LETTER_BEFORE + r"(?:gmt|utc)" + _NOT_LETTER_AFTER + r"(?:\s*([+-])\s*([0-9]{1,2})(?::?([0-9]{2}))?)?"
)

# Day-first numeric dates: 03.02.2026, 3.2.2026, 03/02/2026, 03-02-2026, 03.02.26.
_NUMERIC_DMY_RE = re.compile(
    r"(?<![0-9])(?<![0-9][.:/-])([0-9]{1,2})([./-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})(?![0-9]|[.:/-][0-9])"
)
# Year-first numeric dates: 2026-02-03 (ISO 8601), 2026/02/03, 2026.02.03.
_NUMERIC_YMD_RE = re.compile(
    r"(?<![0-9])(?<![0-9][.:/-])([0-9]{4})([./-])([0-9]{1,2})\2([0-9]{1,2})(?![0-9]|[.:/-][0-9])"
)
# Day then month word: "3 февраля", "23 Ноябрь", "04 Shilde", "3-ақпанда", "3rd February", "24 - قازان".
_DAY_MONTH_RE = re.compile(
    r"(?<![0-9])(?<![0-9][.,:/])([0-9]{1,2})(?:st|nd|rd|th|-го|-е|-ші|-шы)?[\s-]*([^\W\d_]+)(\.?)"
)
# Month word then day (English): "February 3, 2026", "Feb. 3 2026", "August 20th".
_MONTH_DAY_RE = re.compile(
    _NOT_LETTER_BEFORE + r"([a-z]{3,9})\.?\s*([0-9]{1,2})(?:st|nd|rd|th)?(?![0-9]|:[0-9]|[.,][0-9])"
)
# A year right after the month: "3 февраля 2026", "21 Ақпан, 2025", "February 3, 2026".
_YEAR_AFTER_RE = re.compile(r"[\s,]*([0-9]{4})(?![0-9]|:[0-9])")
# A year right before the day, with a year word: "2024 жылғы 15 қазан", "2026 ж. 3 ақпан", "2022 jylgy 4 shilde",
# "в 2024 году 15 марта". Without a year word a number before the day is noise (a view count).
_YEAR_BEFORE_RE = re.compile(
    r"(?<![0-9])([0-9]{4})\s*(?:жылғы|жылдың|жылы|ж\.?|jylgy|jyldyn|jyly|j\.|г\.|года|году|год)[\s,]*$"
)
_YEAR_BEFORE_WINDOW = 20
# What follows a four-digit number after the month when that number is the date's year (the end, a time, a year
# word): then a number outside MIN_YEAR..MAX_YEAR makes the date impossible ("31 декабря 9999, 23:59"), while a
# number followed by anything else is noise after a year-less date (a view count).
_IMPOSSIBLE_YEAR_TAIL = re.compile(
    r"[\s,|]*(?:$|(?:(?:в|at|сағат)\s*)?[0-9]{1,2}:[0-9]{2}|(?:г|года|год|ж|жыл|жылы|y|jyl|jyly)(?![^\W\d_]))"
)

_RELATIVE_DAY_RE = re.compile(
    _NOT_LETTER_BEFORE
    + "(" + "|".join(sorted(map(re.escape, tables.RELATIVE_DAYS), key=len, reverse=True)) + ")"
    + _NOT_LETTER_AFTER
)
_JUST_NOW_RE = re.compile(
    _NOT_LETTER_BEFORE + "(?:" + "|".join(map(re.escape, tables.JUST_NOW)) + ")" + _NOT_LETTER_AFTER
)
_HALF_HOUR_AGO_RE = re.compile(
    _NOT_LETTER_BEFORE + "(?:" + "|".join(map(re.escape, tables.HALF_HOUR_WORDS)) + r")\s*(?:"
    + "|".join(tables.AGO_WORDS) + ")" + _NOT_LETTER_AFTER
)
# "2 часа назад", "15 минут бұрын", "час назад", "an hour ago", "5 мин. назад".
_AGO_RE = re.compile(
    r"(?:(?<![0-9.,])([0-9]{1,5})|" + _NOT_LETTER_BEFORE + r"([^\W\d_]+))?\s*"
    + _NOT_LETTER_BEFORE + r"([^\W\d_]+)\.?\s*(" + "|".join(tables.AGO_WORDS) + ")" + _NOT_LETTER_AFTER
)
_UNIX_RE = re.compile(r"\s*([0-9]{9,10}|[0-9]{12,13})(?:\.[0-9]{1,6})?\s*")
_HAS_DIGIT_RE = re.compile(r"[0-9]")

_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February: in some year


# --- reading --------------------------------------------------------------------------------------------------


class _Bad(Exception):
    """A component is out of range: the string is rejected, not guessed. The message (for `explain`) says which."""


_MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")


def _read_time(match: re.Match[str]) -> Time:
    hour_text, minute, second, fraction, meridiem, bare_meridiem = match.groups()[:6]
    hour = int(hour_text)
    meridiem = meridiem or bare_meridiem
    minute_value = int(minute) if minute else 0
    second_value = int(second) if second else 0
    if meridiem:
        if not 1 <= hour <= 12:
            raise _Bad(f"no such time of day: {hour_text} {meridiem}m")
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    if hour > 23 or minute_value > 59 or second_value > 59:
        raise _Bad(f"no such time of day: {hour:02d}:{minute_value:02d}:{second_value:02d}")
    microsecond = int((fraction or "0")[:6].ljust(6, "0"))
    return Time(hour, minute_value, second_value, microsecond)


def _offset(sign: str | None, hours: str | None, minutes: str | None) -> timedelta:
    if not sign:
        return timedelta(0)
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if delta > timedelta(hours=14):
        raise _Bad(f"no such UTC offset: {sign}{hours}:{minutes or '00'} (at most 14 hours)")
    return -delta if sign == "-" else delta


def _time_near(s: str, start: int, end: int) -> tuple[Time | None, int]:
    """The time printed right after (preferred) or right before the span s[start:end]; (None, -1) if none.

    Returns the time and the index where the time ends, for reading an offset after it.
    """
    gap = _GAP_AFTER_DATE_RE.match(s, end)
    time_match = _TIME_RE.match(s, gap.end()) if gap else None
    if time_match is None:
        time_match = _TIME_BEFORE_RE.search(s, max(0, start - _TIME_BEFORE_WINDOW), start)
    if time_match is None:
        return None, -1
    return _read_time(time_match), time_match.end()


def _read_offset(s: str, time_end: int) -> timedelta | None:
    match = _OFFSET_AFTER_TIME_RE.match(s, time_end)
    if match:
        z, gmt_sign, gmt_hours, gmt_minutes, sign, hours, minutes = match.groups()
        if z:
            return timedelta(0)
        if sign:
            return _offset(sign, hours, minutes)
        return _offset(gmt_sign, gmt_hours, gmt_minutes)
    match = _OFFSET_ANYWHERE_RE.search(s)
    if match:
        return _offset(*match.groups())
    return None


def _valid_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _check_date(year: int | None, month: int, day: int) -> None:
    if not 1 <= month <= 12:
        raise _Bad(f"no such month: {month}")
    if not 1 <= day <= _DAYS_IN_MONTH[month]:
        raise _Bad(f"no such day: {day} {_MONTH_NAMES[month]}")
    if year is not None:
        if not _valid_year(year):
            raise _Bad(f"year {year} is outside {MIN_YEAR}..{MAX_YEAR}")
        try:
            date(year, month, day)
        except ValueError:  # 29 February in a common year
            raise _Bad(f"no such day: {day} {_MONTH_NAMES[month]} {year}") from None


def _find_date(s: str) -> tuple[int, int, int | None, int, int] | None:
    """The earliest date in s as (start, end, year, month, day); None when there is none."""
    best: tuple[int, int, int | None, int, int] | None = None

    match = _NUMERIC_DMY_RE.search(s)
    if match:
        day, _, month, year_text = match.groups()
        year = int(year_text)
        if len(year_text) == 2:
            year += 2000  # two-digit years are 20YY: these sites print nothing older
        best = (match.start(), match.end(), year, int(month), int(day))

    match = _NUMERIC_YMD_RE.search(s)
    if match and (best is None or match.start() < best[0]):
        year_text, _, month, day = match.groups()
        best = (match.start(), match.end(), int(year_text), int(month), int(day))

    for match in _DAY_MONTH_RE.finditer(s):
        if best is not None and match.start() >= best[0]:
            break
        month = tables.MONTHS.get(match.group(2))
        if month is None:
            continue
        end = match.end()
        year = None
        year_match = _YEAR_AFTER_RE.match(s, end)
        if year_match and _valid_year(int(year_match.group(1))):
            year, end = int(year_match.group(1)), year_match.end()
        elif year_match and _IMPOSSIBLE_YEAR_TAIL.match(s, year_match.end()):
            # "31 декабря 9999, 23:59": the date's own year is impossible, not a view count
            raise _Bad(f"year {year_match.group(1)} is outside {MIN_YEAR}..{MAX_YEAR}")
        else:
            before = _YEAR_BEFORE_RE.search(s, max(0, match.start() - _YEAR_BEFORE_WINDOW), match.start())
            if before:
                year = int(before.group(1))
        best = (match.start(), end, year, month, int(match.group(1)))
        break

    if best is None or best[0] > 0:
        for match in _MONTH_DAY_RE.finditer(s):
            if best is not None and match.start() >= best[0]:
                break
            month = tables.EN_MONTHS.get(match.group(1))
            if month is None:
                continue
            end = match.end()
            year = None
            year_match = _YEAR_AFTER_RE.match(s, end)
            if year_match and _valid_year(int(year_match.group(1))):
                year, end = int(year_match.group(1)), year_match.end()
            elif year_match and _IMPOSSIBLE_YEAR_TAIL.match(s, year_match.end()):
                raise _Bad(f"year {year_match.group(1)} is outside {MIN_YEAR}..{MAX_YEAR}")
            best = (match.start(), end, year, month, int(match.group(2)))
            break
    return best


def _read_ago(s: str) -> Reading | None:
    if _HALF_HOUR_AGO_RE.search(s):
        return Reading("ago", amount=30, unit="min")
    for match in _AGO_RE.finditer(s):
        number, number_word, unit_word, _ = match.groups()
        unit = tables.UNITS.get(unit_word)
        if unit is None:
            continue
        if number:
            amount = int(number)
        elif number_word:
            amount = tables.NUMBER_WORDS.get(number_word)
            if amount is None:
                amount = 1  # "Новость час назад": the word before the unit is not a number
        else:
            amount = 1  # "час назад", "минуту назад"
        return Reading("ago", amount=amount, unit=unit)
    return None


def _read(s: str) -> Reading:
    stripped = s.strip()
    if not stripped:
        return REJECT
    has_digit = _HAS_DIGIT_RE.search(s) is not None

    if has_digit:
        unix = _UNIX_RE.fullmatch(s)
        if unix:
            seconds = int(unix.group(1))
            if len(unix.group(1)) > 10:
                seconds //= 1000
            if not UNIX_MIN <= seconds < UNIX_MAX:
                return REJECT
            return Reading("instant", instant=datetime.fromtimestamp(seconds, UTC))

        found = _find_date(s)
        if found is not None:
            start, end, year, month, day = found
            _check_date(year, month, day)
            time, time_end = _time_near(s, start, end)
            utc_offset = _read_offset(s, time_end) if time is not None else None
            return Reading("date", year=year, month=month, day=day, time=time, utc_offset=utc_offset)

    if _JUST_NOW_RE.search(s):
        return Reading("ago", amount=0, unit="min")

    match = _RELATIVE_DAY_RE.search(s)
    if match:
        days_back = tables.RELATIVE_DAYS[match.group(1)]
        time = utc_offset = year = None
        if has_digit:
            gap = _GAP_AFTER_RELATIVE_RE.match(s, match.end())
            if gap.group(1):
                year = int(gap.group(1))
            time_match = _TIME_RE.match(s, gap.end()) or _TIME_BEFORE_RE.search(
                s, max(0, match.start() - _TIME_BEFORE_WINDOW), match.start()
            )
            if time_match:
                time = _read_time(time_match)
                utc_offset = _read_offset(s, time_match.end())
        return Reading("days_ago", amount=days_back, time=time, year=year, utc_offset=utc_offset)

    ago = _read_ago(s)
    if ago is not None:
        return ago

    if len(stripped) <= FALLBACK_MAX_CHARS and any(
        word in tables.FALLBACK_VOCABULARY for word in _WORD_RE.findall(s)
    ):
        return Reading("fallback", text=stripped)
    return REJECT


@lru_cache(maxsize=4096)
def analyse(text: str, lang: str) -> Reading:
    """Read ``text`` without a reference instant. Never raises. ``lang`` only matters for the fallback."""
    try:
        return _read(normalise(text))
    except (_Bad, ValueError, OverflowError):
        return REJECT


# --- resolving ------------------------------------------------------------------------------------------------


def _local(day: date, time: Time | None, utc_offset: timedelta | None) -> datetime:
    """Wall-clock day+time in Almaty (or at the printed offset), as an aware datetime in Almaty.

    Ambiguous wall times (23:00-24:00 on 2024-02-29, printed twice when the clock went from UTC+6 back to
    UTC+5 at midnight) resolve to fold=0: the earlier instant, +06:00.
    """
    if time is None:
        return datetime(day.year, day.month, day.day, tzinfo=ALMATY)
    if utc_offset is not None:
        value = datetime(day.year, day.month, day.day, *time, tzinfo=timezone(utc_offset))
        return value.astimezone(ALMATY)
    return datetime(day.year, day.month, day.day, *time, tzinfo=ALMATY)


def _year_less(month: int, day: int, time: Time | None, utc_offset: timedelta | None, now: datetime) -> datetime:
    """The latest such date (and time) that is not after ``now``."""
    now_local = now.astimezone(ALMATY)
    for year in range(now_local.year, now_local.year - 9, -1):
        try:
            candidate_day = date(year, month, day)
        except ValueError:  # 29 February outside leap years
            continue
        value = _local(candidate_day, time, utc_offset)
        if time is None:
            if candidate_day <= now_local.date():
                return value
        elif value <= now:
            return value
    raise _Bad(f"no {day} {_MONTH_NAMES[month]} in the nine years up to the reference instant")


def _add_months(value: datetime, months: int) -> datetime:
    month_index = value.year * 12 + value.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    day = min(value.day, 29 if month == 2 else _DAYS_IN_MONTH[month])
    if month == 2 and day == 29:
        try:
            date(year, 2, 29)
        except ValueError:
            day = 28
    return value.replace(year=year, month=month, day=day)


def resolve(reading: Reading, now: datetime) -> tuple[datetime, bool, bool] | None:
    """(value in Almaty, has_time, relative) for a reading, or None. ``now`` must be aware."""
    try:
        return _resolve(reading, now)
    except (_Bad, ValueError, OverflowError):  # e.g. "30 февраля" without a year, "99999 лет назад"
        return None


def _resolve(reading: Reading, now: datetime) -> tuple[datetime, bool, bool] | None:
    kind = reading.kind
    if kind == "date":
        if reading.year is None:
            value = _year_less(reading.month, reading.day, reading.time, reading.utc_offset, now)
            return value, reading.time is not None, True
        value = _local(date(reading.year, reading.month, reading.day), reading.time, reading.utc_offset)
        return value, reading.time is not None, False
    if kind == "days_ago":
        day = now.astimezone(ALMATY).date() - timedelta(days=int(reading.amount))
        if reading.year is not None and reading.year != day.year:
            return None  # "Сегодня 2025" read in 2026: the string contradicts the reference instant
        return _local(day, reading.time, reading.utc_offset), reading.time is not None, True
    if kind == "ago":
        unit, amount = reading.unit, reading.amount
        if unit in ("s", "min", "h"):
            # Elapsed time: exact instant arithmetic, also across the 2024-03-01 clock change.
            seconds = amount * {"s": 1, "min": 60, "h": 3600}[unit]
            return (now - timedelta(seconds=seconds)).astimezone(ALMATY), True, True
        # Calendar units: the same Almaty wall-clock time N days/weeks/months/years earlier (as dateparser).
        wall = now.astimezone(ALMATY).replace(tzinfo=None)
        if unit == "d":
            wall -= timedelta(days=amount)
        elif unit == "w":
            wall -= timedelta(weeks=amount)
        else:
            wall = _add_months(wall, -int(amount) * (12 if unit == "y" else 1))
        return wall.replace(tzinfo=ALMATY), True, True
    if kind == "instant":
        return reading.instant.astimezone(ALMATY), True, False
    return None


def explain_none(text: str, now: datetime) -> str:
    """Why ``text`` gives no date (for `kznews dates --explain`): one line. ``now`` must be aware."""
    if not text.strip():
        return "empty string"
    try:
        reading = _read(normalise(text))
    except _Bad as error:
        return str(error) or "an impossible component (day, month, time or year)"
    except (ValueError, OverflowError) as error:
        return f"an impossible component ({error})"
    if reading.kind == "reject":
        return "no date in it (a bare time, a year or a number alone, or no day and month)"
    if reading.kind == "fallback":
        return (f"the fast path reads no date in it and dateparser finds no day (or a year outside "
                f"2000..{now.astimezone(ALMATY).year + 1})")
    if reading.kind == "days_ago" and reading.year is not None:
        return (f"it names a relative day with the year {reading.year}, which contradicts the reference instant "
                f"({now.isoformat()})")
    try:
        _resolve(reading, now)
    except _Bad as error:
        return str(error)
    except (ValueError, OverflowError) as error:
        return f"out of range ({error})"
    return "it is a date"
