"""The checks of a run: evaluated on the crawl's final stats against per-site thresholds when the spider closes
(kznews.monitoring.monitors runs them through spidermon and records the run).

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
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kznews.settings.registry import setting

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
    result = _merge(DEFAULT_THRESHOLDS, _json_setting(setting(settings, "KZNEWS_MONITOR_DEFAULTS")))
    result = _merge(result, _json_setting(setting(settings, "KZNEWS_MONITOR_SITES")).get(site))
    extra = _json_setting(setting(settings, "KZNEWS_MONITOR_THRESHOLDS"))
    result = _merge(_merge(result, extra.get("default")), extra.get(site))
    min_items = setting(settings, "KZNEWS_MONITOR_MIN_ITEMS")
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
