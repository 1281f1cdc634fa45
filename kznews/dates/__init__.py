"""Interim date parsing (dateparser-backed); replaced by the fast date engine on the `dates` branch."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time
from typing import NamedTuple
from zoneinfo import ZoneInfo

import dateparser

ALMATY = ZoneInfo("Asia/Almaty")


class DateParse(NamedTuple):
    value: datetime
    has_time: bool
    relative: bool


def to_almaty(dt: datetime) -> datetime:
    if dt.tzinfo is None:
        return dt.replace(tzinfo=ALMATY)
    return dt.astimezone(ALMATY)


_TIME = re.compile(r"\d{1,2}:\d{2}")
_RELATIVE = re.compile(r"сегодня|вчера|бүгін|кеше|today|yesterday|назад|бұрын|ago", re.I)


def parse_date_detail(text: str | None, lang: str, now: datetime) -> DateParse | None:
    if not text or not text.strip():
        return None
    text = text.strip().replace("|", " ")
    try:
        iso = datetime.fromisoformat(text)
        return DateParse(to_almaty(iso), "T" in text or " " in text, False)
    except ValueError:
        pass
    now_local = (now if now.tzinfo else now.replace(tzinfo=UTC)).astimezone(ALMATY)
    languages = ["ru", "kk"] if lang == "kk" else [lang if lang in ("ru", "en") else "ru"]
    parsed = dateparser.parse(
        text,
        languages=languages,
        settings={
            "TIMEZONE": "Asia/Almaty",
            "RETURN_AS_TIMEZONE_AWARE": False,
            "RELATIVE_BASE": now_local.replace(tzinfo=None),
            "PREFER_DATES_FROM": "past",
            "DATE_ORDER": "DMY",
        },
    )
    if parsed is None:
        return None
    has_time = bool(_TIME.search(text)) or "назад" in text.lower()
    value = parsed if has_time else datetime.combine(parsed.date(), time())
    return DateParse(to_almaty(value), has_time, bool(_RELATIVE.search(text)))


def parse_date(text: str | None, lang: str, now: datetime) -> datetime | None:
    parsed = parse_date_detail(text, lang, now)
    return parsed.value if parsed else None
