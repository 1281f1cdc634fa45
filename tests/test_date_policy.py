"""The date policy has one owner (kznews.extract.timestamps.decide_published_at): the page, the list that linked
it, the raw text, the bounds. The spider and the dates pipeline call it; none decides on its own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kznews.dates import ALMATY
from kznews.extract.timestamps import FUTURE_TOLERANCE, decide_published_at, implausible

FETCHED = datetime(2026, 2, 10, 7, 0, tzinfo=UTC)  # 12:00 in Almaty
PAGE = datetime(2026, 2, 10, 9, 30, tzinfo=ALMATY)


def test_the_page_wins_and_a_disagreeing_list_is_noted():
    decision = decide_published_at(PAGE, "10.02.2026 09:30", listed=PAGE + timedelta(minutes=5), fetched_at=FETCHED)
    assert (decision.value, decision.source, decision.events) == (PAGE, "page", ("list_date_disagrees",))
    near = decide_published_at(PAGE, "x", listed=PAGE + timedelta(seconds=90), fetched_at=FETCHED)
    assert near.events == ()


def test_the_list_fills_in_a_missing_date_or_a_day_only_page():
    listed = datetime(2026, 2, 10, 8, 15, tzinfo=ALMATY)
    missing = decide_published_at(None, None, listed=listed, listed_text="08:15", fetched_at=FETCHED)
    assert (missing.value, missing.text, missing.source, missing.events) == (listed, "08:15", "list", ("from_list",))
    day_only = decide_published_at(datetime(2026, 2, 10, tzinfo=ALMATY), "10 февраля", page_day_only=True,
                                   listed=listed, fetched_at=FETCHED)
    assert day_only.value == listed and day_only.source == "list"
    other_day = decide_published_at(datetime(2026, 2, 9, tzinfo=ALMATY), "9 февраля", page_day_only=True,
                                    listed=listed, fetched_at=FETCHED)
    assert other_day.source == "page" and "list_date_disagrees" in other_day.events


def test_the_raw_text_is_read_when_nothing_else_resolved():
    decision = decide_published_at(None, "Сегодня, 11:16", lang="ru", fetched_at=FETCHED)
    assert decision.value == datetime(2026, 2, 10, 11, 16, tzinfo=ALMATY)
    assert (decision.source, decision.events) == ("text", ("from_text",))


def test_an_implausible_date_is_dropped_never_kept():
    future = decide_published_at(FETCHED + FUTURE_TOLERANCE + timedelta(minutes=1), "x", fetched_at=FETCHED)
    assert future.value is None and future.events == ("implausible_published_at", "missing_published_at")
    assert decide_published_at(FETCHED + FUTURE_TOLERANCE, "x", fetched_at=FETCHED).value is not None
    early = decide_published_at(datetime(1970, 1, 1, tzinfo=UTC), "0", fetched_at=FETCHED)
    assert early.value is None and "implausible_published_at" in early.events
    assert implausible(datetime(1990, 12, 31, tzinfo=ALMATY), FETCHED) == "too_early"
    assert implausible(FETCHED + timedelta(hours=2), FETCHED) == "future"
    assert decide_published_at(None, None, fetched_at=FETCHED).events == ("missing_published_at",)


def test_the_result_is_in_almaty_time():
    decision = decide_published_at(datetime(2026, 2, 10, 4, 30, tzinfo=UTC), "x", fetched_at=FETCHED)
    assert decision.value.utcoffset() == timedelta(hours=5) and decision.value.hour == 9
