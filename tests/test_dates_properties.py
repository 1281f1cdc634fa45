"""Property tests: random instants in every claimed format parse back; relative forms; no exceptions."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kznews.dates import ALMATY, engine, parse_date, parse_date_detail
from tests.tools import dateformats as formats

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

instants = st.datetimes(
    min_value=datetime(2015, 1, 1), max_value=datetime(2030, 12, 31, 23, 59, 59), timezones=st.just(UTC)
)
# Reference instants: anywhere in 2015-2030, just after Almaty midnight (where the UTC day is still the previous
# one), and in the days around the 2024-03-01 change from UTC+6 to UTC+5.
around_switch = st.datetimes(
    min_value=datetime(2024, 2, 28), max_value=datetime(2024, 3, 2, 23, 59), timezones=st.just(UTC)
)
after_local_midnight = st.builds(
    lambda day, minutes: datetime(day.year, day.month, day.day, tzinfo=ALMATY).astimezone(UTC)
    + timedelta(minutes=minutes),
    st.dates(min_value=datetime(2015, 1, 2).date(), max_value=datetime(2030, 12, 31).date()),
    st.integers(min_value=0, max_value=90),
)
reference_instants = st.one_of(instants, around_switch, after_local_midnight)


def same_instant(got: datetime | None, expected: datetime) -> bool:
    return got is not None and got.astimezone(UTC) == expected.astimezone(UTC)


@FAST
@given(instant=instants, format_index=st.integers(0, len(formats.ABSOLUTE_FORMATS) - 1), seed=st.integers(0, 99))
def test_absolute_formats_parse_back(instant, format_index, seed):
    family = formats.ABSOLUTE_FORMATS[format_index][0]
    (item,) = formats.render_absolute(instant, random.Random(seed), only=family)
    detail = parse_date_detail(item.text, item.lang, instant + timedelta(days=1))
    assert detail is not None, item
    assert same_instant(detail.value, item.expected), (item, detail)
    assert detail.value.tzinfo is ALMATY
    assert detail.has_time is item.has_time
    assert detail.relative is False
    if not item.has_time:  # date-only: the same Almaty day, at midnight
        assert detail.value.date() == instant.astimezone(ALMATY).date()
        assert (detail.value.hour, detail.value.minute) == (0, 0)


@FAST
@given(instant=instants, now=reference_instants)
def test_year_less_dates_are_never_after_now(instant, now):
    for item in formats.render_year_less(instant, now):
        detail = parse_date_detail(item.text, item.lang, now)
        assert detail is not None, item
        assert same_instant(detail.value, item.expected), (item, detail)
        assert detail.relative is True
        if item.has_time:
            assert detail.value <= now
        else:
            assert detail.value.date() <= now.astimezone(ALMATY).date()
        local = instant.astimezone(ALMATY)
        assert (detail.value.month, detail.value.day) == (local.month, local.day)


@FAST
@given(now=reference_instants, seed=st.integers(0, 10_000))
def test_relative_days_resolve_on_the_almaty_day(now, seed):
    rng = random.Random(seed)
    for item in formats.render_relative(now, rng):
        detail = parse_date_detail(item.text, item.lang, now)
        assert detail is not None, item
        assert same_instant(detail.value, item.expected), (item, now, detail)
        assert detail.relative is True
        assert detail.has_time is item.has_time


@FAST
@given(now=reference_instants, seed=st.integers(0, 10_000))
def test_minutes_and_hours_ago_are_elapsed_time(now, seed):
    for item in formats.render_ago(now, random.Random(seed)):
        detail = parse_date_detail(item.text, item.lang, now)
        assert detail is not None, item
        assert same_instant(detail.value, item.expected), (item, now, detail)
        assert detail.value <= now


@FAST
@given(
    day=st.dates(min_value=datetime(2015, 1, 1).date(), max_value=datetime(2030, 12, 31).date()),
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
)
def test_numeric_day_first_never_month_first(day, hour, minute):
    text = f"{day:%d.%m.%Y}, {hour:02d}:{minute:02d}"
    assert parse_date(text, "ru", datetime(2031, 1, 1, tzinfo=UTC)) == datetime(
        day.year, day.month, day.day, hour, minute, tzinfo=ALMATY
    )


@FAST
@given(day=st.integers(1, 40), month=st.integers(0, 14), year=st.integers(1990, 2040),
       hour=st.integers(0, 30), minute=st.integers(0, 70))
def test_impossible_components_give_none(day, month, year, hour, minute):
    text = f"{day:02d}.{month:02d}.{year} {hour:02d}:{minute:02d}"
    try:
        datetime(year, month, day, hour, minute)
        possible = True
    except ValueError:
        possible = False
    value = parse_date(text, "ru", datetime(2031, 1, 1, tzinfo=UTC))
    assert (value is not None) is possible, text


DATEISH = "0123456789 .,:;/-|•T+Zz()января февраля Ноябрь ақпан қазанда бүгін Бүгiн сегодня вчера назад бұрын ago GMT"


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(st.text(max_size=60), st.text(alphabet=DATEISH, max_size=40)),
       lang=st.sampled_from(["ru", "kk", "en", "xx"]), now=reference_instants)
def test_never_raises(text, lang, now):
    # The internals first (the public functions also swallow surprises, which would hide bugs here).
    reading = engine.analyse(text, lang)
    if reading.kind not in ("reject", "fallback"):
        engine.resolve(reading, now)
    value = parse_date(text, lang, now)
    assert value is None or value.tzinfo is ALMATY
