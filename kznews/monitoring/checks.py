"""The checks of a run: evaluated on the crawl's final stats against per-site thresholds when the spider closes
(kznews.monitoring.monitors runs them through spidermon and records the run).

Checks (names as stored in `runs.checks[].name` and `runs.failures[].check`):

  min_items        articles found >= min_items (new items plus those skipped as already stored)
  errors           kznews/log/{site}/ERROR (records of this spider, kznews.extensions.logcount) <= max_errors;
                   never Scrapy's log_count/ERROR, which counts every spider of the process
  blocked          kznews/blocked/{site} (bot-protection/challenge pages) <= max_blocked
  bans             HTTP 403 + 429 responses <= max_bans
  finish_reason    the close reason is one of finish_reasons ("finished")
  coverage/FIELD   share of parsed articles stored with FIELD >= coverage[FIELD]  (title, body, published_at,
                   authors; skipped below coverage_min_articles parsed articles)
  layout/article   share of article pages that no ArticleLayout of the site matched <= max_article_layout_none
  layout/list      share of list pages that no ListLayout of the site matched <= max_list_layout_none
  storage          articles not in MongoDB when the run ended (kznews/mongo/unstored: left in the spill file or
                   refused by the database) <= max_lost_items

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

from kznews import stats as keys
from kznews.schema import COVERAGE_FIELDS
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
BAN_STATUSES = (403, 429)


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


def monitored(site: str) -> dict[str, str]:
    """The stats keys the checks and the run document read for one site: name -> key, or key prefix (ending in
    "/") for a family of keys. Built by kznews.stats, like the producers' keys; tests/test_stats.py checks that
    real crawls produce every one of them."""
    return {
        "items": keys.ITEMS.prefix(site=site),
        "dropped": keys.DROPPED.prefix(site=site),
        "coverage": keys.COVERAGE.prefix(site=site),
        "lists": keys.LIST.prefix(site=site),
        "known": keys.KNOWN(site=site, count="skipped"),
        "stored": keys.MONGO(count="upserted"),
        "modified": keys.MONGO(count="modified"),
        "lost": keys.MONGO_UNSTORED(),
        "write_errors": keys.MONGO(count="write_errors"),
        "write_bugs": keys.MONGO(count="write_bugs"),
        "blocked": keys.BLOCKED(site=site),
        "article_bad_responses": keys.ARTICLE_BAD_RESPONSE(site=site),
        "article_layouts": keys.LAYOUT.prefix(site=site, kind="article"),
        "list_layouts": keys.LAYOUT.prefix(site=site, kind="list"),
        "replayed": keys.WARC(count="replayed"),
        "replay_misses": keys.WARC(count="replay_miss"),
        "errors": keys.LOG(site=site, level="ERROR"),
        "warnings": keys.LOG(site=site, level="WARNING"),
    }


def _num(value) -> int | float:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else 0


def _total(stats: Mapping[str, Any], prefix: str, last: str) -> int | float:
    """Sum of the stats under `prefix` whose key ends in /`last` (e.g. list pages over every edition)."""
    return sum(_num(v) for k, v in stats.items() if k.startswith(prefix) and k.endswith("/" + last))


def run_counts(stats: Mapping[str, Any], site: str) -> dict[str, Any]:
    """The counts of one site's run, from its stats."""
    read = monitored(site)
    items_by_edition = {k: _num(v) for k, v in keys.under(stats, read["items"]).items()}
    items = sum(items_by_edition.values())
    dropped = {k: _num(v) for k, v in keys.under(stats, read["dropped"]).items()}
    status = {k: _num(v) for k, v in keys.under(stats, "downloader/response_status_count/").items()}
    return {
        "items": items,
        "items_by_edition": items_by_edition,
        "known": _num(stats.get(read["known"])),  # listed articles skipped as already stored
        "articles_parsed": items + dropped.get("no_title", 0) + dropped.get("no_body", 0),
        "dropped": dropped,
        "stored": _num(stats.get(read["stored"])),
        "modified": _num(stats.get(read["modified"])),
        "lost": _num(stats.get(read["lost"])),
        "write_errors": _num(stats.get(read["write_errors"])),
        "write_bugs": _num(stats.get(read["write_bugs"])),
        "requests": _num(stats.get("downloader/request_count")),
        "responses": _num(stats.get("downloader/response_count")),
        "status": status,
        "errors": _num(stats.get(read["errors"])),  # this spider's, not the process's (log_count/ERROR)
        "warnings": _num(stats.get(read["warnings"])),
        "spider_exceptions": _num(stats.get("spider_exceptions/count"))
        or sum(_num(v) for k, v in stats.items() if k.startswith("spider_exceptions/")),
        "blocked": _num(stats.get(read["blocked"])),
        "bans": sum(status.get(str(code), 0) for code in BAN_STATUSES),
        "list_pages": _total(stats, read["lists"], "pages"),
        "list_entries": _total(stats, read["lists"], "entries"),
        "bad_responses": _total(stats, read["lists"], "bad_response") + _num(stats.get(read["article_bad_responses"])),
        "replayed": _num(stats.get(read["replayed"])),
        "replay_misses": _num(stats.get(read["replay_misses"])),
    }


def run_coverage(stats: Mapping[str, Any], site: str, counts: Mapping[str, Any] | None = None) -> dict[str, float]:
    """Share of parsed articles stored with each field (3 decimals); empty when nothing was parsed."""
    counts = counts or run_counts(stats, site)
    parsed = counts["articles_parsed"]
    if not parsed:
        return {}
    return {name: round(_num(stats.get(keys.COVERAGE(site=site, field=name))) / parsed, 3) for name in COVERAGE_FIELDS}


def run_layouts(stats: Mapping[str, Any], site: str) -> dict[str, dict[str, int]]:
    read = monitored(site)
    return {kind: {k: _num(v) for k, v in keys.under(stats, read[f"{kind}_layouts"]).items()}
            for kind in ("article", "list")}


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
                            f"{counts['lost']} articles not stored in MongoDB by the end of the run (left in the "
                            f"spill file or refused by the database; maximum {limit})"))
    else:
        checks.append(Check("storage", None, None, limit, "MONGO_URI is empty: nothing stored"))
    return checks
