"""The spidermon side of run health: one monitor per family of checks (kznews.monitoring.checks), the suite
every run gets (SPIDERMON_SPIDER_CLOSE_MONITORS), and the action that records the run."""

from __future__ import annotations

import logging

from spidermon import Monitor, MonitorSuite, monitors
from spidermon.core.actions import Action

from kznews.monitoring.checks import Check, evaluate, thresholds_for
from kznews.monitoring.runs import build_run, save_run
from kznews.settings.registry import setting
from kznews.stats import MONITOR, MONITOR_FAILED

logger = logging.getLogger(__name__)


def _site_flags(crawler, site: str) -> dict[str, bool]:
    from kznews.sites import SITES

    definition = SITES.get(site)
    return {
        "article_layouts": bool(definition and definition.article_layouts),
        "list_layouts": bool(definition and definition.list_layouts),
        "storage": bool(crawler.settings.get("MONGO_URI")),
    }


def _evaluated(data) -> tuple[dict, list[Check]]:
    """The thresholds and checks of the run spidermon is looking at, evaluated once and shared by the monitors and
    the action. Cached per crawler: spidermon's data.meta may be one dict for the whole process (its runner's
    default), and several spiders of one process must each be judged on their own stats."""
    cache = data.meta.setdefault("kznews_runs", {})
    crawler, name = data.crawler, data.spider.name
    key = (id(crawler), name)
    if key not in cache:
        thresholds = thresholds_for(crawler.settings, name)
        cache[key] = (thresholds, evaluate(data.stats, name, thresholds, **_site_flags(crawler, name)))
    return cache[key]


def checks_for(data) -> list[Check]:
    return _evaluated(data)[1]


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

    @monitors.name("Every article stored in MongoDB (none left in a spill file or refused)")
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
            _evaluated(self.data)[0],
            settings=crawler.settings,
            monitor_errors=monitor_errors,
        )
        crawler.kznews_run = document  # for the end-of-crawl summary and exit status (kznews.monitoring.outcome)
        stats = crawler.stats
        stats.set_value(MONITOR(result="healthy"), int(document["healthy"]))
        stats.set_value(MONITOR(result="failed"), len(document["failures"]))
        for failure in document["failures"]:
            stats.set_value(MONITOR_FAILED(check=failure["check"]), 1)
        stats.set_value(MONITOR(result="run_id"), document["_id"])
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
        if uri and setting(crawler.settings, "KZNEWS_RUNS_ENABLED"):
            save_run(uri, setting(crawler.settings, "MONGO_DATABASE"), document)


@monitors.name("kznews run")
class RunMonitorSuite(MonitorSuite):
    """The monitors of every kznews run (SPIDERMON_SPIDER_CLOSE_MONITORS)."""

    monitors = [ItemsMonitor, ErrorsMonitor, FinishReasonMonitor, CoverageMonitor, LayoutMonitor, StorageMonitor]
    monitors_finished_actions = [RecordRun]
