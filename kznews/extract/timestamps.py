"""Choosing an article's publication instant from sources that disagree.

Kazakh sites print their local wall-clock time everywhere, but the offsets in their structured data are often
wrong: tengrinews's meta says +05:00 for 2023 articles (Almaty was UTC+6 then) while its JSON-LD says +06:00
for 2024 articles (UTC+5 since 2024-03-01). The wall clock in each is right. So:

- A structured timestamp whose offset is a Kazakhstan offset (+05:00/+06:00) that Asia/Almaty did not have at
  that wall-clock time is read as Almaty wall-clock time ("offset-corrected"). UTC ("Z") and foreign offsets
  are true instants and are kept.
- The visible date on the page, parsed by the date engine in Almaty time, is the reference when it has a time:
  a structured value that agrees with it to the minute wins (it carries seconds); otherwise the visible one.
  A relative visible date ("Бүгiн 2026, 14:14" on baq.kz) took its day from the fetch time, so it only
  vouches for the time of day: a structured value with that wall-clock time wins even on another day (the
  page was rendered that day and read later: a replay, a cache, a crawl past midnight).
- A visible date without a time only names the day: a structured value on that day supplies the instant.
- Without a visible date, structured sources vote by instant; ties go to the more reliable source order
  (JSON-LD, then article:published_time, then other meta, then <time datetime>).

The date policy has its owner here (`plausible`): an instant before EARLIEST_PLAUSIBLE or later than the fetch by
more than FUTURE_TOLERANCE is not a publication date. Extraction skips such candidates (another source may hold the
right date), feeds and sitemaps drop them, and the dates pipeline applies the same rule before storing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from kznews.dates import ALMATY, DateParse, to_almaty
from kznews.dates.engine import MAX_YEAR, MIN_YEAR

_KZ_OFFSETS = (timedelta(hours=5), timedelta(hours=6))
# Kazakhstan's online press begins in the 1990s; anything earlier is a misread number, not a date.
EARLIEST_PLAUSIBLE = datetime(1991, 1, 1, tzinfo=ALMATY)
# Dates later than the fetch by more than this are wrong (clock skew allowance).
FUTURE_TOLERANCE = timedelta(hours=1)


# Feeds and sitemaps only hint at dates (the article page decides what is stored), and sites print their offsets
# wrong by hours: a hint more than this ahead of the fetch is no date.
HINT_FUTURE_TOLERANCE = timedelta(days=1)


def plausible(value: datetime, fetched_at: datetime | None, tolerance: timedelta = FUTURE_TOLERANCE) -> bool:
    """Whether `value` can be a publication instant of a page fetched at `fetched_at`."""
    if value < EARLIEST_PLAUSIBLE:
        return False
    return fetched_at is None or value <= fetched_at + tolerance


@dataclass(frozen=True)
class Candidate:
    source: str  # "jsonld", "meta", "time", "visible", "list", ...
    value: datetime  # aware, in Almaty
    has_time: bool
    corrected: bool = False  # the structured offset was wrong and the wall clock was kept
    text: str | None = None
    relative: bool = False  # a visible date whose day came from the fetch time ("Сегодня", a year-less date)


def parse_structured(text: str | None) -> tuple[datetime, bool, bool] | None:
    """An ISO 8601 timestamp from structured data -> (instant in Almaty, has_time, offset_corrected)."""
    if not text:
        return None
    text = text.strip()
    if not text or len(text) > 40:
        return None
    candidate = text.replace(" ", "T", 1) if len(text) > 10 and text[10] == " " else text
    try:
        value = datetime.fromisoformat(candidate)
    except ValueError:
        return None
    if not MIN_YEAR <= value.year <= MAX_YEAR:  # year 1 or 9999: not a date, and no offset can be applied
        return None
    has_time = len(candidate) > 10
    if value.tzinfo is None:
        return value.replace(tzinfo=ALMATY), has_time, False
    offset = value.utcoffset()
    if offset in _KZ_OFFSETS:
        wall = value.replace(tzinfo=None)
        local = wall.replace(tzinfo=ALMATY)
        if local.utcoffset() != offset:
            return local, has_time, True
    return value.astimezone(ALMATY), has_time, False


def structured_candidate(source: str, text: str | None) -> Candidate | None:
    parsed = parse_structured(text)
    if parsed is None:
        return None
    value, has_time, corrected = parsed
    return Candidate(source, value, has_time, corrected, text)


def visible_candidate(source: str, text: str | None, parsed: DateParse | None) -> Candidate | None:
    if parsed is None:
        return None
    return Candidate(source, to_almaty(parsed.value), parsed.has_time, False, text, parsed.relative)


def _same_minute(a: datetime, b: datetime) -> bool:
    return abs((a - b).total_seconds()) < 60


def _same_wall_clock_minute(a: datetime, b: datetime) -> bool:
    a, b = to_almaty(a), to_almaty(b)
    return (a.hour, a.minute) == (b.hour, b.minute)


def choose_instant(structured: list[Candidate], visible: Candidate | None) -> Candidate | None:
    """The publication instant, by the rules in the module docstring."""
    timed = [c for c in structured if c.has_time]
    if visible is not None and visible.has_time:
        for candidate in timed:
            if _same_minute(candidate.value, visible.value):
                return candidate
        if visible.relative:
            for candidate in timed:
                if _same_wall_clock_minute(candidate.value, visible.value):
                    return candidate
        return visible
    if visible is not None:  # a day only
        day = visible.value.date()
        for candidate in timed:
            if candidate.value.astimezone(ALMATY).date() == day:
                return candidate
        return visible
    if not structured:
        return None
    if not timed:
        return structured[0]
    votes = Counter(c.value.astimezone(UTC).replace(second=0, microsecond=0) for c in timed)
    best, count = votes.most_common(1)[0]
    if count == 1:
        return timed[0]
    return next(c for c in timed if c.value.astimezone(UTC).replace(second=0, microsecond=0) == best)
