"""Run health: spidermon monitors on every run and a record of each run in the `runs` collection.

When a spider closes, the checks below are evaluated on the crawl's final stats against per-site thresholds,
spidermon runs one monitor per family of checks, and the `RecordRun` action stores the run (counts, coverage,
layouts, every check and the failed ones) through kznews.storage. `python -m kznews runs` reads them back.

Checks (names as stored in `runs.checks[].name` and `runs.failures[].check`):

  min_items        articles found >= min_items (new items plus those skipped as already stored)
  errors           log_count/ERROR <= max_errors
  blocked          kznews/blocked/{site} (bot-protection/challenge pages; missing = 0) <= max_blocked
  bans             HTTP 403 + 429 responses <= max_bans
  finish_reason    the close reason is one of finish_reasons ("finished")
  coverage/FIELD   share of parsed articles stored with FIELD >= coverage[FIELD]  (title, body, published_at,
                   authors; skipped below coverage_min_articles parsed articles)
  layout/article   share of article pages that no ArticleLayout of the site matched <= max_article_layout_none
  layout/list      share of list pages that no ListLayout of the site matched <= max_list_layout_none
  storage          articles lost after the database retries (kznews/mongo/lost_items) <= max_lost_items

"Parsed articles" are the items plus the pages dropped for having no title or no body, so a markup change that
empties bodies lowers body coverage instead of silently shrinking the run.

Thresholds are data: KZNEWS_MONITOR_DEFAULTS, overridden per site by KZNEWS_MONITOR_SITES[site], then by the
JSON in KZNEWS_MONITOR_THRESHOLDS ({"default": {...}, "SITE": {...}}; environment or -s), then by
KZNEWS_MONITOR_MIN_ITEMS for min_items (tiny replays and mini-sites; the local profile sets it to 1).
"""

from __future__ import annotations

import copy
import json
import logging
import os
import socket
import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from spidermon import Monitor, MonitorSuite, monitors
from spidermon.contrib.scrapy.extensions import Spidermon
from spidermon.contrib.scrapy.runners import SpiderMonitorResult, SpiderMonitorRunner
from spidermon.core.actions import Action

from kznews.storage import redact_uri

logger = logging.getLogger(__name__)

DEFAULT_THRESHOLDS: dict[str, Any] = {
    "min_items": 10,
    "max_errors": 10,
    "max_blocked": 0,
    "max_bans": 10,
    "finish_reasons": ["finished"],
    "coverage": {"title": 0.95, "body": 0.95, "published_at": 0.8, "authors": 0.0},
    "coverage_min_articles": 3,
    "max_article_layout_none": 0.25,
    "max_list_layout_none": 0.5,
    "max_lost_items": 0,
}
COVERED_FIELDS = ("title", "summary", "body", "authors", "section", "tags", "images", "published_at", "modified_at")
BAN_STATUSES = (403, 429)
SPIDER_ARGS = ("lang", "max_pages", "since", "sources", "refresh")


# --- thresholds ------------------------------------------------------------------------------------------------


def _merge(base: dict, override: Mapping | None) -> dict:
    result = copy.deepcopy(base)
    for key, value in (override or {}).items():
        if isinstance(value, Mapping) and isinstance(result.get(key), dict):
            result[key] = _merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def _json_setting(value) -> dict:
    if not value:
        return {}
    if isinstance(value, str):
        value = json.loads(value)
    return dict(value)


def thresholds_for(settings, site: str) -> dict[str, Any]:
    """The thresholds of a site: defaults < KZNEWS_MONITOR_SITES[site] < KZNEWS_MONITOR_THRESHOLDS (JSON)
    < KZNEWS_MONITOR_MIN_ITEMS."""
    result = _merge(DEFAULT_THRESHOLDS, _json_setting(settings.get("KZNEWS_MONITOR_DEFAULTS")))
    result = _merge(result, _json_setting(settings.get("KZNEWS_MONITOR_SITES")).get(site))
    extra = _json_setting(settings.get("KZNEWS_MONITOR_THRESHOLDS"))
    result = _merge(_merge(result, extra.get("default")), extra.get(site))
    min_items = settings.get("KZNEWS_MONITOR_MIN_ITEMS")
    if min_items not in (None, ""):
        result["min_items"] = int(min_items)
    return result


# --- reading the stats -------------------------------------------------------------------------------------------


def _under(stats: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    """{rest: value} of the stats whose key is prefix + rest, rest without further slashes."""
    return {k[len(prefix) :]: v for k, v in stats.items() if k.startswith(prefix) and "/" not in k[len(prefix) :]}


def _num(value) -> int | float:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else 0


def run_counts(stats: Mapping[str, Any], site: str) -> dict[str, Any]:
    """The counts of one site's run, from its stats."""
    items_by_edition = {k: _num(v) for k, v in _under(stats, f"kznews/items/{site}/").items()}
    items = sum(items_by_edition.values())
    dropped = {k: _num(v) for k, v in _under(stats, f"kznews/dropped/{site}/").items()}
    lists = [k for k in stats if k.startswith(f"kznews/list/{site}/")]
    status = {k: _num(v) for k, v in _under(stats, "downloader/response_status_count/").items()}
    return {
        "items": items,
        "items_by_edition": items_by_edition,
        # listed articles skipped as already stored (`kznews/known/{site}`; `.../skipped` in the incremental layer)
        "known": _num(stats.get(f"kznews/known/{site}")) + _num(stats.get(f"kznews/known/{site}/skipped")),
        "articles_parsed": items + dropped.get("no_title", 0) + dropped.get("no_body", 0),
        "dropped": dropped,
        "stored": _num(stats.get("kznews/mongo/upserted")),
        "modified": _num(stats.get("kznews/mongo/modified")),
        "lost": _num(stats.get("kznews/mongo/lost_items")),
        "write_errors": _num(stats.get("kznews/mongo/write_errors")),
        "requests": _num(stats.get("downloader/request_count")),
        "responses": _num(stats.get("downloader/response_count")),
        "status": status,
        "errors": _num(stats.get("log_count/ERROR")),
        "warnings": _num(stats.get("log_count/WARNING")),
        "spider_exceptions": _num(stats.get("spider_exceptions/count"))
        or sum(_num(v) for k, v in stats.items() if k.startswith("spider_exceptions/")),
        "blocked": _num(stats.get(f"kznews/blocked/{site}")),
        "bans": sum(status.get(str(code), 0) for code in BAN_STATUSES),
        "list_pages": sum(_num(stats[k]) for k in lists if k.endswith("/pages")),
        "list_entries": sum(_num(stats[k]) for k in lists if k.endswith("/entries")),
        "bad_responses": sum(_num(stats[k]) for k in lists if k.endswith("/bad_response"))
        + _num(stats.get(f"kznews/article/{site}/bad_response")),
        "replayed": _num(stats.get("warc/replayed")),
        "replay_misses": _num(stats.get("warc/replay_miss")),
    }


def run_coverage(stats: Mapping[str, Any], site: str, counts: Mapping[str, Any] | None = None) -> dict[str, float]:
    """Share of parsed articles stored with each field (3 decimals); empty when nothing was parsed."""
    counts = counts or run_counts(stats, site)
    parsed = counts["articles_parsed"]
    if not parsed:
        return {}
    return {
        name: round(_num(stats.get(f"kznews/coverage/{site}/{name}")) / parsed, 3) for name in COVERED_FIELDS
    }


def run_layouts(stats: Mapping[str, Any], site: str) -> dict[str, dict[str, int]]:
    return {
        kind: {k: _num(v) for k, v in _under(stats, f"kznews/layout/{site}/{kind}/").items()}
        for kind in ("article", "list")
    }


# --- the checks ----------------------------------------------------------------------------------------------


@dataclass
class Check:
    name: str
    ok: bool | None  # None: skipped (not enough data, or not applicable)
    value: Any
    threshold: Any
    message: str

    @property
    def failed(self) -> bool:
        return self.ok is False


def _share(part: int | float, whole: int | float) -> float:
    return round(part / whole, 3) if whole else 0.0


def evaluate(
    stats: Mapping[str, Any],
    site: str,
    thresholds: Mapping[str, Any],
    *,
    article_layouts: bool = True,
    list_layouts: bool = True,
    storage: bool = True,
) -> list[Check]:
    """Every check of one site's run (pure: stats and thresholds in, checks out)."""
    counts = run_counts(stats, site)
    coverage = run_coverage(stats, site, counts)
    layouts = run_layouts(stats, site)
    checks: list[Check] = []

    found = counts["items"] + counts["known"]
    minimum = thresholds["min_items"]
    checks.append(Check("min_items", found >= minimum, found, minimum,
                        f"{counts['items']} items + {counts['known']} already stored = {found} (minimum {minimum})"))

    for name, value, key, what in (
        ("errors", counts["errors"], "max_errors", "errors logged"),
        ("blocked", counts["blocked"], "max_blocked", "pages detected as bot protection or challenges"),
        ("bans", counts["bans"], "max_bans", "HTTP 403/429 responses"),
    ):
        limit = thresholds[key]
        checks.append(Check(name, value <= limit, value, limit, f"{value} {what} (maximum {limit})"))

    reason = stats.get("finish_reason")
    allowed = list(thresholds["finish_reasons"])
    checks.append(Check("finish_reason", reason in allowed, reason, allowed, f"finish reason {reason!r}"))

    parsed = counts["articles_parsed"]
    enough = parsed >= thresholds["coverage_min_articles"]
    for name, minimum in thresholds["coverage"].items():
        if not enough:
            checks.append(Check(f"coverage/{name}", None, None, minimum,
                                f"{parsed} articles parsed: too few to judge {name} coverage"))
            continue
        share = coverage.get(name, 0.0)
        checks.append(Check(f"coverage/{name}", share >= minimum, share, minimum,
                            f"{name} on {share:.0%} of {parsed} articles (minimum {minimum:.0%})"))

    pages = sum(layouts["article"].values())
    limit = thresholds["max_article_layout_none"]
    if article_layouts and pages:
        share = _share(layouts["article"].get("none", 0), pages)
        checks.append(Check("layout/article", share <= limit, share, limit,
                            f"no article layout matched {share:.0%} of {pages} article pages (maximum {limit:.0%})"))
    else:
        checks.append(Check("layout/article", None, None, limit, "no article pages or no article layouts"))

    pages = counts["list_pages"]
    limit = thresholds["max_list_layout_none"]
    if list_layouts and pages:
        share = min(1.0, _share(layouts["list"].get("none", 0), pages))
        checks.append(Check("layout/list", share <= limit, share, limit,
                            f"no list layout matched {share:.0%} of {pages} list pages (maximum {limit:.0%})"))
    else:
        checks.append(Check("layout/list", None, None, limit, "no list pages or no list layouts"))

    limit = thresholds["max_lost_items"]
    if storage:
        checks.append(Check("storage", counts["lost"] <= limit, counts["lost"], limit,
                            f"{counts['lost']} articles lost after database retries (maximum {limit})"))
    else:
        checks.append(Check("storage", None, None, limit, "MONGO_URI is empty: nothing stored"))
    return checks


def _site_flags(crawler, site: str) -> dict[str, bool]:
    from kznews.sites import SITES

    definition = SITES.get(site)
    return {
        "article_layouts": bool(definition and definition.article_layouts),
        "list_layouts": bool(definition and definition.list_layouts),
        "storage": bool(crawler.settings.get("MONGO_URI")),
    }


def checks_for(data) -> list[Check]:
    """The checks of the run spidermon is looking at, evaluated once and shared by the monitors and the action."""
    meta = data.meta
    if "kznews_checks" not in meta:
        crawler, name = data.crawler, data.spider.name
        thresholds = thresholds_for(crawler.settings, name)
        meta["kznews_thresholds"] = thresholds
        meta["kznews_checks"] = evaluate(data.stats, name, thresholds, **_site_flags(crawler, name))
    return meta["kznews_checks"]


# --- spidermon: monitors, the suite, the action ------------------------------------------------------------------


class _ChecksMonitor(Monitor):
    prefixes: tuple[str, ...] = ()

    def assert_checks(self):
        checks = [c for c in checks_for(self.data) if c.name in self.prefixes or c.name.startswith(self.prefixes)]
        failed = [c for c in checks if c.failed]
        if failed:
            self.fail("; ".join(f"{c.name}: {c.message}" for c in failed))
        if checks and all(c.ok is None for c in checks):
            self.skipTest("; ".join(c.message for c in checks))


@monitors.name("Items")
class ItemsMonitor(_ChecksMonitor):
    prefixes = ("min_items",)

    @monitors.name("Minimum items per site")
    def test_min_items(self):
        self.assert_checks()


@monitors.name("Errors and bans")
class ErrorsMonitor(_ChecksMonitor):
    prefixes = ("errors", "blocked", "bans")

    @monitors.name("Errors, blocked pages and ban responses")
    def test_errors_and_bans(self):
        self.assert_checks()


@monitors.name("Finish reason")
class FinishReasonMonitor(_ChecksMonitor):
    prefixes = ("finish_reason",)

    @monitors.name("Finished normally")
    def test_finish_reason(self):
        self.assert_checks()


@monitors.name("Field coverage")
class CoverageMonitor(_ChecksMonitor):
    prefixes = ("coverage/",)

    @monitors.name("Share of articles with title, body, published_at, authors")
    def test_coverage(self):
        self.assert_checks()


@monitors.name("Layouts")
class LayoutMonitor(_ChecksMonitor):
    prefixes = ("layout/",)

    @monitors.name("Pages parsed by a known layout")
    def test_layouts(self):
        self.assert_checks()


@monitors.name("Storage")
class StorageMonitor(_ChecksMonitor):
    prefixes = ("storage",)

    @monitors.name("No articles lost")
    def test_storage(self):
        self.assert_checks()


class RecordRun(Action):
    """Stores the run in the `runs` collection, puts its health into the stats and logs a one-line summary."""

    def run_action(self):
        crawler, spider = self.data.crawler, self.data.spider
        checks = checks_for(self.data)
        monitor_errors = [r.monitor.name for r in self.result.monitors_failed_results if r.status == "ERROR"]
        document = build_run(
            dict(self.data.stats),
            spider,
            checks,
            self.data.meta.get("kznews_thresholds", {}),
            settings=crawler.settings,
            monitor_errors=monitor_errors,
        )
        stats = crawler.stats
        stats.set_value("kznews/monitor/healthy", int(document["healthy"]))
        stats.set_value("kznews/monitor/failed", len(document["failures"]))
        for failure in document["failures"]:
            stats.set_value(f"kznews/monitor/failed/{failure['check']}", 1)
        stats.set_value("kznews/monitor/run_id", document["_id"])
        if document["healthy"]:
            logger.info("run %s of %s is healthy", document["_id"], spider.name)
        else:
            logger.warning(
                "run %s of %s is UNHEALTHY: %s",
                document["_id"],
                spider.name,
                "; ".join(f"{f['check']}: {f['message']}" for f in document["failures"]),
            )
        uri = crawler.settings.get("MONGO_URI")
        if uri and crawler.settings.getbool("KZNEWS_RUNS_ENABLED", True):
            save_run(uri, crawler.settings.get("MONGO_DATABASE", "kznews"), document)


@monitors.name("kznews run")
class RunMonitorSuite(MonitorSuite):
    """The monitors of every kznews run (SPIDERMON_SPIDER_CLOSE_MONITORS)."""

    monitors = [ItemsMonitor, ErrorsMonitor, FinishReasonMonitor, CoverageMonitor, LayoutMonitor, StorageMonitor]
    monitors_finished_actions = [RecordRun]


class _QuietResult(SpiderMonitorResult):
    # A failed check is the crawled site's problem, recorded in `runs`; as a log ERROR it would also count in
    # log_count/ERROR, which is kept for the crawl's own errors.
    def log_error(self, msg):
        self.log(msg, level=logging.WARNING)

    # spidermon 1.27 logs through Spider.log(), deprecated in Scrapy 2.19.
    def log(self, msg, level=logging.DEBUG):
        self.spider.logger.log(level, "[Spidermon] %s", msg)


class _Runner(SpiderMonitorRunner):
    def create_result(self):
        return _QuietResult(self.spider)


class Monitoring(Spidermon):
    """spidermon's extension, with monitor failures logged as warnings (see _QuietResult)."""

    def _run_suites(self, spider, suites):
        data = self._generate_data_for_spider(spider)
        for suite in suites:
            _Runner(spider=spider).run(suite, **data)


# --- the run document ---------------------------------------------------------------------------------------------


def _safe_key(key: str) -> str:
    # MongoDB field names: no dots, no leading "$".
    return key.replace(".", "\uff0e").lstrip("$")


def _safe_value(value):
    if isinstance(value, str):
        return redact_uri(value) if "://" in value else value
    if isinstance(value, int | float | bool | datetime) or value is None:
        return value
    return str(value)


def _text(value) -> str | None:
    return value.isoformat() if isinstance(value, datetime) else (str(value) if value else None)


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
    args = {name: getattr(spider, f"{name}_arg", None) for name in ("max_pages", "since")}
    args.update({
        "lang": ",".join(e.key for e in getattr(spider, "editions", [])) or None,
        "sources": ",".join(sorted(getattr(spider, "sources", []))) or None,
        "refresh": bool(getattr(spider, "refresh", False)),
        # archive runs (kznews.archives): where the pages came from, and the end of the window
        "source": getattr(spider, "source", None) if getattr(spider, "archive_mode", False) else None,
        "archives": ",".join(getattr(spider, "archives", None) or []) if getattr(spider, "archive_mode", False) else None,
        "until": _text(getattr(spider, "until", None)) if getattr(spider, "archive_mode", False) else None,
    })
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
