"""Spider arguments (`scrapy crawl SITE -a NAME=VALUE`, `python -m kznews crawl -a NAME=VALUE`), declared once:
name, meaning, and how the text becomes a typed value. A bad value gives one clear line (`SpiderArgumentError`);
`scrapy crawl` and `python -m kznews crawl` print it and exit 2 before any spider starts.

- lang=ru,kk        editions to crawl, by language or edition key such as kk-latn (default: all the site has)
- max_pages=N       list pages to walk per list (default: setting KZNEWS_MAX_PAGES)
- since=2026-01-01T00:00+05:00 | 2026-01-01 | 2d | 6h | 30m
                    skip entries published before this; list walking stops at a page whose entries are all
                    older. Sitemaps default to KZNEWS_SITEMAP_SINCE when not given. Naive times are Almaty time.
- until=...         (same forms) skip entries published at or after this: the exclusive end of the window;
                    must be after `since`. A window with `until` is a backfill:
                    each edition is walked by its backfill route (Site.backfill_route: sitemaps by period, day
                    archive pages, or a binary search on a deep list's page number).
- sources=lists,feeds,sitemaps   which discovery methods to use (default: all the site has)
- refresh=1         request articles again even if already stored
- source=archive    read the site's pages from public web archives instead of the site (needs `since`; the
                    window selects capture times); archives=commoncrawl,wayback,ccnews chooses them (default:
                    setting KZNEWS_ARCHIVES). See kznews/spiders/archive.py and docs/archives.md.

Arguments whose name starts with "_" are scrapyd's (`_job`) and pass through.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from kznews.archives import parse_archives
from kznews.dates import ALMATY, to_almaty

SOURCES = ("lists", "feeds", "sitemaps")
ORIGINS = ("site", "archive")  # `source=`: where pages come from
_RELATIVE = re.compile(r"^\s*(\d+)\s*([dhm])\s*$", re.IGNORECASE)
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


class SpiderArgumentError(ValueError):
    """A spider argument that cannot be used; the message is one line naming the argument and what it expects."""


def parse_instant(text: str, now: datetime) -> datetime:
    """An ISO 8601 date or instant (naive: Almaty time), or an age before `now` (2d, 6h, 30m). Raises ValueError."""
    match = _RELATIVE.match(text)
    if match:
        amount, unit = int(match.group(1)), match.group(2).lower()
        delta = {"d": timedelta(days=amount), "h": timedelta(hours=amount), "m": timedelta(minutes=amount)}[unit]
        return to_almaty(now - delta)
    value = datetime.fromisoformat(text.strip())  # ValueError on anything else
    return to_almaty(value) if value.tzinfo else value.replace(tzinfo=ALMATY)


def parse_since(text: str | None, now: datetime) -> datetime | None:
    """`since` (or `--since` of the commands): None when not given. Raises SpiderArgumentError."""
    return _instant("since", text, now) if text not in (None, "") else None


def _instant(name: str, text: str, now: datetime) -> datetime:
    try:
        return parse_instant(text, now)
    except ValueError:
        raise SpiderArgumentError(
            f"{name}={text!r}: expected an ISO 8601 date or instant (2026-11-01, 2026-11-01T06:00+05:00) "
            f"or an age (2d, 6h, 30m)"
        ) from None


def _positive(name: str, text: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        value = 0
    if value < 1:
        raise SpiderArgumentError(f"{name}={text!r}: expected a whole number, 1 or more")
    return value


def _flag(name: str, text: str) -> bool:
    word = str(text).strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise SpiderArgumentError(f"{name}={text!r}: expected 1 or 0 (true/false, yes/no)")


def _items(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


@dataclass(frozen=True)
class Argument:
    name: str
    example: str
    doc: str


ARGUMENTS: tuple[Argument, ...] = (
    Argument("lang", "ru,kk", "editions to crawl, by language or edition key (default: all the site has)"),
    Argument("max_pages", "3", "list pages to walk per list (default: KZNEWS_MAX_PAGES)"),
    Argument("since", "2d", "skip entries published before this (ISO 8601 date or instant, or an age: 2d, 6h)"),
    Argument("until", "2026-11-01", "skip entries published at or after this (the window's exclusive end)"),
    Argument("sources", "lists,feeds", "discovery methods to use: lists, feeds, sitemaps (default: all)"),
    Argument("refresh", "1", "request articles again even if already stored"),
    Argument("source", "archive", "where pages come from: site (default) or archive (public web archives; "
             "needs since)"),
    Argument("archives", "commoncrawl,wayback", "with source=archive: commoncrawl, wayback, ccnews (default: "
             "KZNEWS_ARCHIVES)"),
)
NAMES = tuple(argument.name for argument in ARGUMENTS)


@dataclass
class SpiderArguments:
    """The typed spider arguments; `given` holds the text of those given (for the runs collection)."""

    editions: list = field(default_factory=list)  # kznews.sites.base.Edition
    max_pages: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    sources: frozenset[str] = frozenset(SOURCES)
    refresh: bool = False
    source: str = "site"
    archives: list[str] = field(default_factory=list)  # empty: the KZNEWS_ARCHIVES setting decides
    # A backfill of a closed date window: `until` given (`since` alone is an incremental run's look-back). The
    # spider then takes each edition's backfill route.
    backfill: bool = False
    given: dict[str, str] = field(default_factory=dict)


def parse_arguments(raw: Mapping[str, Any], site, now: datetime) -> SpiderArguments:
    """Every argument checked, for one site (its editions); the first bad one raises SpiderArgumentError."""
    raw = {name: value for name, value in raw.items() if value is not None}
    unknown = sorted(name for name in raw if name not in NAMES and not name.startswith("_"))
    if unknown:
        raise SpiderArgumentError(f"{unknown[0]}: unknown spider argument; known: {', '.join(NAMES)}")
    text = {name: str(raw[name]) for name in NAMES if name in raw}
    arguments = SpiderArguments(given={k: v for k, v in text.items() if v != ""})
    parsers: dict[str, Callable[[str], None]] = {
        "lang": lambda value: _editions(arguments, site, value),
        "max_pages": lambda value: setattr(arguments, "max_pages", _positive("max_pages", value)),
        "since": lambda value: setattr(arguments, "since", _instant("since", value, now)),
        "until": lambda value: setattr(arguments, "until", _instant("until", value, now)),
        "sources": lambda value: setattr(arguments, "sources", _sources(value)),
        "refresh": lambda value: setattr(arguments, "refresh", _flag("refresh", value)),
        "source": lambda value: setattr(arguments, "source", _origin(value)),
        "archives": lambda value: setattr(arguments, "archives", _archives(value)),
    }
    for name in NAMES:
        if text.get(name, "") != "":
            parsers[name](text[name])
    if not arguments.editions:
        arguments.editions = list(site.editions)
    arguments.backfill = arguments.until is not None
    if arguments.since and arguments.until and arguments.until <= arguments.since:
        raise SpiderArgumentError(f"until={text['until']!r} is not after since={text['since']!r}")
    if arguments.source == "archive" and arguments.since is None:
        raise SpiderArgumentError("source=archive reads a window: give since=... (and until=...)")
    if arguments.archives and arguments.source != "archive":
        raise SpiderArgumentError(f"archives={text['archives']!r}: only with source=archive")
    return arguments


def _editions(arguments: SpiderArguments, site, value: str) -> None:
    keys = _items(value)
    unknown = [key for key in keys if not site.editions_for(key)]
    if unknown or not keys:
        raise SpiderArgumentError(
            f"lang={value!r}: {site.name} has no such edition; editions: {', '.join(site.edition_keys)}"
        )
    arguments.editions = list(dict.fromkeys(e for key in keys for e in site.editions_for(key)))


def _origin(value: str) -> str:
    word = value.strip().lower()
    if word not in ORIGINS:
        raise SpiderArgumentError(f"source={value!r}: expected {' or '.join(ORIGINS)}")
    return word


def _archives(value: str) -> list[str]:
    try:
        return parse_archives(value)
    except ValueError as error:
        raise SpiderArgumentError(f"archives={value!r}: {error}") from None


def _sources(value: str) -> frozenset[str]:
    chosen = _items(value)
    if not chosen or any(name not in SOURCES for name in chosen):
        raise SpiderArgumentError(f"sources={value!r}: expected {', '.join(SOURCES)} (comma-separated)")
    return frozenset(chosen)


def split_assignments(values: list[str] | None, option: str = "-a") -> dict[str, str]:
    """NAME=VALUE pairs of a command line; raises SpiderArgumentError on one without "="."""
    pairs = {}
    for value in values or []:
        name, equals, text = value.partition("=")
        if not equals or not name.strip():
            raise SpiderArgumentError(f"{option} {value}: expected NAME=VALUE")
        pairs[name.strip()] = text
    return pairs
