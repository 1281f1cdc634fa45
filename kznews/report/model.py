"""The health report's content, computed from what kznews.storage.health reads: which site and edition is failing
and since when, and per site the series the charts draw. Pure: rows in, dataclasses out; time is passed in."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from kznews.dates import to_almaty

COVERAGE = ("title", "body", "exact_date", "authors")
STATUS_ORDER = {"failing": 0, "silent": 1, "no runs": 2, "ok": 3}


@dataclass
class EditionStatus:
    site: str
    lang: str
    status: str  # failing | silent (the edition yields nothing any more) | no runs | ok
    since: datetime | None  # when the failure (or the silence) began: the first run after the last good one
    last_healthy: datetime | None  # the last healthy run of the site (any age)
    latest_run: datetime | None
    failed_checks: list[str]
    articles: int  # in the window


@dataclass
class RunRow:
    started_at: datetime
    healthy: bool
    items: int
    blocked: int
    errors: int
    bans: int
    failed_checks: list[str]
    article_layout: str | None  # the layout that parsed most article pages
    list_layout: str | None
    article_fallback: float | None  # share of article pages no layout matched (generic extraction)
    list_fallback: float | None


@dataclass
class SiteSection:
    site: str
    langs: list[str]
    bins: list[str]  # labels of the chart's time bins
    articles: dict[str, list[int]]  # lang -> articles per bin (publication day)
    coverage: dict[str, dict[str, list[float | None]]]  # lang -> field -> share of the bin's fetched articles
    runs: list[RunRow]

    @property
    def has_data(self) -> bool:
        return any(any(values) for values in self.articles.values()) or bool(self.runs)


@dataclass
class Report:
    start: datetime
    end: datetime
    generated_at: datetime
    bin_size: str  # day | week | month
    statuses: list[EditionStatus]
    sections: list[SiteSection] = field(default_factory=list)


def bin_size(start: date, end: date) -> str:
    days = (end - start).days
    return "day" if days <= 92 else "week" if days <= 731 else "month"


def bin_of(day: date, size: str) -> date:
    if size == "week":
        return day - timedelta(days=day.weekday())
    if size == "month":
        return day.replace(day=1)
    return day


def bins_between(start: date, end: date, size: str) -> list[date]:
    """The bins covering the days [start, end]."""
    found, day = [], bin_of(start, size)
    while day <= end:
        found.append(day)
        if size == "month":
            day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        else:
            day += timedelta(days=7 if size == "week" else 1)
    return found


def _top(layouts: Mapping[str, Any]) -> tuple[str | None, float | None]:
    """The most used layout and the share of pages no layout matched (`none`)."""
    total = sum(v for v in layouts.values() if isinstance(v, int | float))
    if not total:
        return None, None
    named = {k: v for k, v in layouts.items() if k != "none"}
    top = max(named, key=named.get) if named else None
    return top, round(layouts.get("none", 0) / total, 3)


def run_row(run: Mapping[str, Any]) -> RunRow:
    counts = run.get("counts") or {}
    layouts = run.get("layouts") or {}
    article, article_fallback = _top(layouts.get("article") or {})
    listing, list_fallback = _top(layouts.get("list") or {})
    return RunRow(
        started_at=_aware(run["started_at"]), healthy=bool(run.get("healthy")), items=int(counts.get("items", 0)),
        blocked=int(counts.get("blocked", 0)), errors=int(counts.get("errors", 0)), bans=int(counts.get("bans", 0)),
        failed_checks=list(run.get("failed_checks") or []), article_layout=article, list_layout=listing,
        article_fallback=article_fallback, list_fallback=list_fallback,
    )


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def edition_statuses(site: str, langs: list[str], runs: list[Mapping[str, Any]], latest: Mapping[str, Any] | None,
                     last_healthy: Mapping[str, Any] | None, failing_since: Mapping[str, Any] | None,
                     articles: Mapping[str, int]) -> list[EditionStatus]:
    """One row per edition. A site whose latest run is unhealthy fails in every edition, since the first run after
    its last healthy one; an edition the latest run found nothing for, while an earlier run of the window did, is
    silent since the first run after that one."""
    rows = []
    healthy_at = _aware(last_healthy["started_at"]) if last_healthy else None
    latest_at = _aware(latest["started_at"]) if latest else None
    for lang in langs:
        since, checks = None, []
        if latest is None:
            status = "no runs"
        elif not latest.get("healthy"):
            status, checks = "failing", list(latest.get("failed_checks") or [])
            since = _aware(failing_since["started_at"]) if failing_since else latest_at
        else:
            status = "ok"
            by_edition = (latest.get("counts") or {}).get("items_by_edition") or {}
            if lang in (latest.get("editions") or [lang]) and not by_edition.get(lang):
                productive = [r for r in runs if ((r.get("counts") or {}).get("items_by_edition") or {}).get(lang)]
                if productive:
                    after = [r for r in runs if _aware(r["started_at"]) > _aware(productive[-1]["started_at"])]
                    status = "silent"
                    since = _aware(after[0]["started_at"]) if after else latest_at
        rows.append(EditionStatus(site, lang, status, since, healthy_at, latest_at, checks, articles.get(lang, 0)))
    return rows


def build_report(
    *,
    sites: list[str],
    start: datetime,
    end: datetime,
    now: datetime,
    runs: list[Mapping[str, Any]],
    latest: Mapping[str, Mapping[str, Any] | None],
    last_healthy: Mapping[str, Mapping[str, Any] | None],
    failing_since: Mapping[str, Mapping[str, Any] | None],
    articles_per_day: list[Mapping[str, Any]],
    coverage_per_day: list[Mapping[str, Any]],
    site_langs: Mapping[str, list[str]],
) -> Report:
    """The report of the window [start, end): `runs` of the window (oldest first), per site its latest run, its
    last healthy run and the first run after that one, and the day rows of kznews.storage.health."""
    first_day, last_day = to_almaty(start).date(), to_almaty(end - timedelta(microseconds=1)).date()
    size = bin_size(first_day, last_day)
    bins = bins_between(first_day, last_day, size)
    index = {day: i for i, day in enumerate(bins)}
    published: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0] * len(bins)))
    in_window: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in articles_per_day:
        i = index.get(bin_of(date.fromisoformat(row["day"]), size))
        if i is None:
            continue
        published[row["site"]][row["lang"]][i] += row["articles"]
        in_window[row["site"]][row["lang"]] += row["articles"]
    fetched: dict[tuple[str, str], list[dict[str, int]]] = defaultdict(lambda: [defaultdict(int) for _ in bins])
    for row in coverage_per_day:
        i = index.get(bin_of(date.fromisoformat(row["day"]), size))
        if i is None:
            continue
        for name in ("articles", *COVERAGE):
            fetched[row["site"], row["lang"]][i][name] += row[name]
    runs_by_site: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for run in runs:
        runs_by_site[run["spider"]].append(run)

    statuses, sections = [], []
    for site in sites:
        langs = sorted(set(site_langs.get(site, [])) | set(published[site])
                       | {lang for (name, lang) in fetched if name == site})
        statuses += edition_statuses(site, langs, runs_by_site[site], latest.get(site), last_healthy.get(site),
                                     failing_since.get(site), in_window[site])
        coverage = {lang: {name: [(b[name] / b["articles"]) if b["articles"] else None for b in fetched[site, lang]]
                           for name in COVERAGE} for lang in langs}
        sections.append(SiteSection(
            site=site, langs=langs, bins=[_label(day, size) for day in bins],
            articles={lang: published[site][lang] for lang in langs}, coverage=coverage,
            runs=[run_row(run) for run in runs_by_site[site]],
        ))
    statuses.sort(key=lambda s: (STATUS_ORDER[s.status], s.since or now, s.site, s.lang))
    return Report(start=start, end=end, generated_at=now, bin_size=size, statuses=statuses, sections=sections)


def _label(day: date, size: str) -> str:
    return day.strftime("%Y-%m") if size == "month" else day.isoformat()
