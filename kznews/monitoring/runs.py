"""The `runs` document of a run (counts, coverage, layouts, every check and the failed ones), written through
kznews.storage, and the table of recent runs `python -m kznews runs` prints."""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Mapping
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from kznews.monitoring.checks import Check, run_counts, run_coverage, run_layouts
from kznews.storage import redact_uri

logger = logging.getLogger(__name__)


def _safe_key(key: str) -> str:
    # MongoDB field names: no dots, no leading "$".
    return key.replace(".", "\uff0e").lstrip("$")


def _safe_value(value):
    if isinstance(value, str):
        return redact_uri(value) if "://" in value else value
    if isinstance(value, int | float | bool | datetime) or value is None:
        return value
    return str(value)


def _aware(value) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def build_run(
    stats: Mapping[str, Any],
    spider,
    checks: list[Check],
    thresholds: Mapping[str, Any],
    *,
    settings=None,
    monitor_errors: list[str] | None = None,
) -> dict[str, Any]:
    """The `runs` document of one run. Holds no settings values beyond the profile: no URIs, no credentials."""
    site = spider.name
    counts = run_counts(stats, site)
    started = _aware(stats.get("start_time")) or getattr(spider, "started_at", None) or datetime.now(UTC)
    finished = _aware(stats.get("finish_time")) or datetime.now(UTC)
    job = getattr(spider, "_job", None) or os.environ.get("SCRAPY_JOB") or None
    failures = [{"check": c.name, "message": c.message, "value": c.value, "threshold": c.threshold}
                for c in checks if c.failed]
    # A monitor that raised (rather than failed a check) is a failure of its own.
    failures += [{"check": f"monitor/{name}", "message": "the monitor raised an error", "value": None,
                  "threshold": None} for name in monitor_errors or []]
    arguments = getattr(spider, "arguments", None)  # kznews.spiders.arguments.SpiderArguments
    given = getattr(arguments, "given", {})
    args = {"max_pages": getattr(arguments, "max_pages", None), "since": given.get("since"), "until": given.get("until")}
    args.update({
        "lang": ",".join(e.key for e in getattr(spider, "editions", [])) or None,
        "sources": ",".join(sorted(getattr(spider, "sources", []))) or None,
        "refresh": bool(getattr(spider, "refresh", False)),
    })
    if getattr(spider, "archive_mode", False):  # an archive run (kznews.spiders.archive): where pages came from
        args.update({"source": "archive", "archives": ",".join(getattr(spider, "archives", None) or [])})
    get = settings.get if settings is not None else (lambda key, default=None: default)
    return {
        "_id": job or uuid.uuid4().hex,
        "spider": site,
        "site": site,
        "editions": [e.key for e in getattr(spider, "editions", [])],
        "args": {k: v for k, v in args.items() if v not in (None, "")},
        "job": job,
        "node": get("KZNEWS_NODE") or socket.gethostname(),
        "profile": get("KZNEWS_PROFILE"),
        "crawl": getattr(spider, "kznews_crawl_id", None),
        "started_at": started,
        "finished_at": finished,
        "duration_s": round((finished - started).total_seconds(), 3),
        "finish_reason": stats.get("finish_reason"),
        "healthy": not failures,
        "counts": counts,
        "coverage": run_coverage(stats, site, counts),
        "layouts": run_layouts(stats, site),
        "checks": [asdict(c) for c in checks],
        "failures": failures,
        "failed_checks": [f["check"] for f in failures],
        "thresholds": dict(thresholds),
        "stats": {_safe_key(k): _safe_value(v) for k, v in stats.items()},
        "recorded_at": datetime.now(UTC),
    }


def save_run(uri: str, database: str, document: Mapping[str, Any], *, timeout_ms: int = 5_000) -> bool:
    """Writes the run document; a database that cannot be reached is logged (without credentials), not raised."""
    from kznews.storage import ArticleStore

    store = ArticleStore(uri, database, timeout_ms=timeout_ms)
    try:
        store.record_run(document)
        return True
    except Exception as error:  # the crawl is over; losing its record must not fail it
        logger.error("could not record run %s in %s: %s", document.get("_id"), redact_uri(uri), type(error).__name__)
        return False
    finally:
        store.close()


# --- reading runs back (python -m kznews runs) ----------------------------------------------------------------


def _age(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "-"
    seconds = max(0, int((now - _aware(when)).total_seconds()))
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit} ago"
    return f"{seconds}s ago"


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    seconds = int(seconds)
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


def format_runs(runs_by_site: Mapping[str, list[Mapping[str, Any]]], now: datetime | None = None) -> str:
    """A text table of the last runs of each site, newest first."""
    from kznews.dates import to_almaty

    now = now or datetime.now(UTC)
    header = ("site", "started (Almaty)", "age", "took", "items", "new", "errors", "health")
    rows: list[tuple[str, ...]] = []
    for site in sorted(runs_by_site):
        runs = runs_by_site[site]
        if not runs:
            rows.append((site, "-", "-", "-", "-", "-", "-", "no runs"))
            continue
        for run in runs:
            counts = run.get("counts", {})
            started = _aware(run.get("started_at"))
            health = "OK" if run.get("healthy") else "FAIL " + ", ".join(
                f.get("check", "?") for f in run.get("failures", [])
            )
            rows.append((
                site,
                to_almaty(started).strftime("%Y-%m-%d %H:%M") if started else "-",
                _age(started, now),
                _duration(run.get("duration_s")),
                str(counts.get("items", 0)),
                str(counts.get("stored", 0)),
                str(counts.get("errors", 0)),
                health,
            ))
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in [header, *rows]]
    return "\n".join(lines)
