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

This module is also the one owner of the crawl's date policy (`decide_published_at`): what the page says, what
the list or feed that linked it says, the raw text when nothing else resolved, and the bounds of a plausible date
(`implausible`: not after the fetch time plus FUTURE_TOLERANCE, not before 1991). The extractor, the spider and
the dates pipeline call it; none decides on its own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from kznews.dates import ALMATY, DateParse, parse_date, to_almaty
from kznews.dates.engine import MAX_YEAR, MIN_YEAR

_KZ_OFFSETS = (timedelta(hours=5), timedelta(hours=6))
# Dates later than the fetch by more than this are wrong (clock skew allowance).
FUTURE_TOLERANCE = timedelta(hours=1)
# Feeds and sitemaps only hint at dates (the article page decides what is stored), and sites print their offsets
# wrong by hours: a hint more than this ahead of the fetch is no date.
HINT_FUTURE_TOLERANCE = timedelta(days=1)
# Kazakhstan's online press begins in the 1990s; anything earlier is a misread number, not a date.
EARLIEST_PLAUSIBLE = datetime(1991, 1, 1, tzinfo=ALMATY)
# A list's date and the page's that differ by this much are worth counting (the page wins).
LIST_DISAGREEMENT = timedelta(minutes=2)
# Structured dates before this year are CMS placeholders ("0001-01-01T00:00:00Z", the Unix epoch): nothing was
# published on the web before it.
FIRST_YEAR = 1995


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
    if value.year < FIRST_YEAR:  # a placeholder (0001-01-01, the Unix epoch), not a publication date
        return None
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


# --- the date policy ----------------------------------------------------------------------------------------------


def implausible(
    value: datetime, fetched_at: datetime | None, tolerance: timedelta = FUTURE_TOLERANCE
) -> str | None:
    """Why an instant cannot be an article's date ("future": after the fetch beyond `tolerance`, FUTURE_TOLERANCE
    for a page and HINT_FUTURE_TOLERANCE for a feed's or sitemap's hint; "too_early": before 1991), or None. A wrong
    date is worse than none: callers drop it and count it."""
    if fetched_at is not None and value > fetched_at + tolerance:
        return "future"
    if value < EARLIEST_PLAUSIBLE:
        return "too_early"
    return None


@dataclass(frozen=True)
class Published:
    """The decision on an article's publication instant."""

    value: datetime | None  # aware, in Almaty; None rather than a guess
    text: str | None  # the raw string it was read from
    source: str  # "page", "list" (the list, feed or sitemap that linked it), "text", or "none"
    events: tuple[str, ...] = ()  # from_list, list_date_disagrees, from_text, implausible_published_at,
    #                                missing_published_at: what the crawl counts


def decide_published_at(
    page: datetime | None,
    page_text: str | None,
    *,
    page_day_only: bool = False,
    listed: datetime | None = None,
    listed_text: str | None = None,
    lang: str = "",
    fetched_at: datetime | None = None,
) -> Published:
    """An article's publication instant from what its page says (the extractor's choice, `page_day_only` when the
    page names only the day) and what the list, feed or sitemap that linked it says (`listed`):

    - the list's instant when the page gives none, or gives only the day the list's instant falls on;
    - otherwise the page's, counting a disagreement with the list of LIST_DISAGREEMENT or more;
    - with no instant from either, the raw text read by the date engine (in the edition's language, against the
      fetch time);
    - an implausible result (`implausible`) is dropped: null, never a wrong date.
    """
    value, text, source, events = page, page_text, "page" if page is not None else "none", []
    if listed is not None and (value is None or (page_day_only and to_almaty(listed).date() == to_almaty(value).date())):
        value, text, source = listed, listed_text, "list"
        events.append("from_list")
    elif listed is not None and value is not None and abs(listed - value) >= LIST_DISAGREEMENT:
        events.append("list_date_disagrees")
    if value is None and text:
        value = parse_date(text, lang, fetched_at) if fetched_at is not None else None
        if value is not None:
            source = "text"
            events.append("from_text")
    if value is not None:
        value = to_almaty(value)
        if implausible(value, fetched_at):
            events.append("implausible_published_at")
            value, source = None, "none"
    if value is None:
        events.append("missing_published_at")
    return Published(value, text, source, tuple(events))
