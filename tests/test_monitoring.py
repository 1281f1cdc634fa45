"""Run monitoring: thresholds as data, the checks on a run's stats, the `runs` documents, `python -m kznews runs`,
and real crawls of the tengrinews mini-site: healthy as served, unhealthy (with the failing checks named) once its
article markup changes."""

import json
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from scrapy.settings import Settings

from kznews.monitoring import runs as monitoring
from kznews.monitoring.checks import DEFAULT_THRESHOLDS, evaluate, thresholds_for
from kznews.monitoring.runs import build_run, format_runs
from kznews.settings.profiles import apply_profile
from kznews.sites import SITES
from kznews.storage import ArticleStore
from tests.conftest import ROOT, run_spider
from tests.tools import minisite
from tests.tools.site_server import Resource

SITE = "tengrinews"


def healthy_stats(site=SITE, items=20, **extra):
    stats = {
        "start_time": datetime(2026, 11, 26, 8, 0, tzinfo=UTC),
        "finish_time": datetime(2026, 11, 26, 8, 2, tzinfo=UTC),
        "finish_reason": "finished",
        "downloader/request_count": items + 5,
        "downloader/response_count": items + 5,
        "downloader/response_status_count/200": items + 5,
        f"kznews/items/{site}/ru": items - 5,
        f"kznews/items/{site}/kk": 5,
        f"kznews/list/{site}/ru/pages": 2,
        f"kznews/list/{site}/ru/entries": 40,
        f"kznews/layout/{site}/list/content_main-2024": 2,
        f"kznews/layout/{site}/article/content_main-2023": items,
        "kznews/mongo/upserted": items,
    }
    for name in ("title", "body", "published_at", "authors"):
        stats[f"kznews/coverage/{site}/{name}"] = items
    stats.update(extra)
    return stats


def by_name(checks):
    return {c.name: c for c in checks}


# --- thresholds -------------------------------------------------------------------------------------------------


def test_thresholds_are_data_merged_defaults_site_json_then_min_items():
    settings = Settings({"KZNEWS_MONITOR_SITES": {"tengrinews": {"coverage": {"authors": 0.5}, "max_errors": 3}}})
    t = thresholds_for(settings, "tengrinews")
    assert t["coverage"] == {**DEFAULT_THRESHOLDS["coverage"], "authors": 0.5}  # deep merge keeps other fields
    assert t["max_errors"] == 3 and t["min_items"] == DEFAULT_THRESHOLDS["min_items"]
    assert thresholds_for(settings, "othersite")["coverage"]["authors"] == DEFAULT_THRESHOLDS["coverage"]["authors"]

    settings.set("KZNEWS_MONITOR_THRESHOLDS", json.dumps({"default": {"max_bans": 0}, "tengrinews": {"max_errors": 7}}))
    settings.set("KZNEWS_MONITOR_MIN_ITEMS", "2")
    t = thresholds_for(settings, "tengrinews")
    assert (t["max_bans"], t["max_errors"], t["min_items"]) == (0, 7, 2)
    assert thresholds_for(settings, "othersite")["max_bans"] == 0


def test_project_settings_wire_spidermon_and_the_local_profile_minimum(monkeypatch):
    from scrapy.utils.project import get_project_settings

    monkeypatch.setenv("KZNEWS_PROFILE", "local")
    monkeypatch.delenv("KZNEWS_MONITOR_MIN_ITEMS", raising=False)
    settings = _fresh_project_settings(get_project_settings)
    apply_profile(settings)  # what the project's add-on does for every crawler
    assert settings.getbool("SPIDERMON_ENABLED")
    assert "kznews.extensions.monitoring.Monitoring" in settings.getdict("EXTENSIONS")
    assert settings.getlist("SPIDERMON_SPIDER_CLOSE_MONITORS") == ["kznews.monitoring.monitors.RunMonitorSuite"]
    assert thresholds_for(settings, SITE)["min_items"] == 1
    assert thresholds_for(settings, SITE)["coverage"]["authors"] == 0.5  # tengrinews' own threshold


def _fresh_project_settings(get_project_settings):
    saved = sys.modules.pop("kznews.settings", None)  # the environment is applied when the module is imported
    try:
        return get_project_settings()
    finally:
        if saved is not None:
            sys.modules["kznews.settings"] = saved


# --- checks -----------------------------------------------------------------------------------------------------


def test_a_healthy_run_passes_every_check():
    checks = evaluate(healthy_stats(), SITE, thresholds_for(Settings(), "othersite"))
    assert not [c for c in checks if c.failed], checks
    names = by_name(checks)
    assert names["blocked"].value == 0  # the detector's key is missing: 0
    assert names["coverage/authors"].ok and names["coverage/authors"].threshold == 0.0  # by default not required
    assert names["layout/article"].value == 0.0 and names["layout/list"].value == 0.0


@pytest.mark.parametrize(
    ("extra", "failing"),
    [
        ({f"kznews/blocked/{SITE}": 3}, "blocked"),
        ({"downloader/response_status_count/429": 6, "downloader/response_status_count/403": 5}, "bans"),
        ({f"kznews/log/{SITE}/ERROR": 11}, "errors"),
        ({"finish_reason": "shutdown"}, "finish_reason"),
        ({f"kznews/coverage/{SITE}/published_at": 10}, "coverage/published_at"),
        ({"kznews/mongo/unstored": 200}, "storage"),
        ({f"kznews/layout/{SITE}/article/none": 20, f"kznews/layout/{SITE}/article/content_main-2023": 0},
         "layout/article"),
        ({f"kznews/layout/{SITE}/list/none": 2}, "layout/list"),
    ],
)
def test_each_check_fails_on_its_own_stat(extra, failing):
    checks = evaluate(healthy_stats(**extra), SITE, thresholds_for(Settings(), SITE))
    assert [c.name for c in checks if c.failed] == [failing]


def test_minimum_items_counts_known_articles_and_body_coverage_counts_dropped_pages():
    thresholds = thresholds_for(Settings(), SITE)
    few = healthy_stats(items=4)
    assert by_name(evaluate(few, SITE, thresholds))["min_items"].failed
    few[f"kznews/known/{SITE}/skipped"] = 30  # a quiet hour: everything listed is already stored
    assert by_name(evaluate(few, SITE, thresholds))["min_items"].ok
    assert by_name(evaluate(few, SITE, thresholds))["min_items"].value == 34

    # 20 stored, 20 dropped for an empty body: half the parsed pages had a body
    broken = healthy_stats(**{f"kznews/dropped/{SITE}/no_body": 20})
    body = by_name(evaluate(broken, SITE, thresholds))["coverage/body"]
    assert body.failed and body.value == 0.5


def test_coverage_is_not_judged_on_too_few_articles_and_layouts_only_where_the_site_has_them():
    thresholds = thresholds_for(Settings({"KZNEWS_MONITOR_MIN_ITEMS": 1}), SITE)
    one = healthy_stats(items=2, **{f"kznews/coverage/{SITE}/published_at": 0})
    checks = by_name(evaluate(one, SITE, thresholds))
    assert checks["coverage/published_at"].ok is None and not checks["min_items"].failed
    nolayout = healthy_stats(**{f"kznews/layout/{SITE}/article/none": 20})
    assert by_name(evaluate(nolayout, SITE, thresholds, article_layouts=False))["layout/article"].ok is None


def test_run_document_has_counts_coverage_failures_and_no_credentials():
    spider = SimpleNamespace(
        name=SITE, editions=[SimpleNamespace(key="ru"), SimpleNamespace(key="kk")], sources={"lists"},
        refresh=False, arguments=SimpleNamespace(max_pages=2, given={"since": "2d", "max_pages": "2"}), _job="job123",
    )
    stats = healthy_stats(**{
        f"kznews/blocked/{SITE}": 1,
        "downloader/exception_type_count/twisted.internet.error.DNSLookupError": 2,
        "some/url": "mongodb://crawler:s3cret@db:27017/kznews",
    })
    thresholds = thresholds_for(Settings(), SITE)
    doc = build_run(stats, spider, evaluate(stats, SITE, thresholds), thresholds,
                    settings=Settings({"KZNEWS_PROFILE": "polite", "MONGO_URI": "mongodb://crawler:s3cret@db"}))
    assert doc["_id"] == doc["job"] == "job123"
    assert (doc["spider"], doc["editions"], doc["healthy"]) == (SITE, ["ru", "kk"], False)
    assert doc["failed_checks"] == ["blocked"] and doc["failures"][0]["value"] == 1
    assert doc["counts"]["items"] == 20 and doc["counts"]["items_by_edition"] == {"ru": 15, "kk": 5}
    assert doc["coverage"]["authors"] == 1.0 and doc["duration_s"] == 120
    assert doc["args"] == {"max_pages": 2, "since": "2d", "lang": "ru,kk", "sources": "lists", "refresh": False}
    assert "downloader/exception_type_count/twisted．internet．error．DNSLookupError" in doc["stats"]
    assert "s3cret" not in json.dumps(doc, default=str)


def test_format_runs_shows_health_and_sites_without_runs():
    now = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    runs = {
        "tengrinews": [
            {"started_at": now - timedelta(hours=1), "duration_s": 75, "healthy": False,
             "counts": {"items": 3, "stored": 3, "errors": 0}, "failures": [{"check": "layout/article"}]},
            {"started_at": now - timedelta(hours=2), "duration_s": 12, "healthy": True,
             "counts": {"items": 30, "stored": 30, "errors": 0}, "failures": []},
        ],
        "zakon": [],
    }
    text = format_runs(runs, now=now)
    lines = text.splitlines()
    assert lines[0].split()[:2] == ["site", "started"]
    assert "13:00" in lines[1] and "1h ago" in lines[1] and "1m15s" in lines[1] and "FAIL layout/article" in lines[1]
    assert lines[2].endswith("OK") and lines[3].startswith("zakon") and lines[3].endswith("no runs")


def test_storage_keeps_runs_and_reads_the_latest_per_spider(mongo_uri, mongo_db):
    store = ArticleStore(mongo_uri, mongo_db.name)
    base = datetime(2026, 11, 26, tzinfo=UTC)
    try:
        for i in range(5):
            store.record_run({"_id": f"t{i}", "spider": "tengrinews", "started_at": base + timedelta(hours=i),
                              "healthy": i != 4, "stats": {"x": 1}})
        store.record_run({"_id": "t4", "spider": "tengrinews", "started_at": base + timedelta(hours=4),
                          "healthy": False, "stats": {}})  # the same run again replaces it
        store.record_run({"_id": "z0", "spider": "zakon", "started_at": base, "healthy": True})
        latest = store.latest_runs(per_spider=2)
        assert [r["_id"] for r in latest["tengrinews"]] == ["t4", "t3"] and "stats" not in latest["tengrinews"][0]
        assert [r["_id"] for r in latest["zakon"]] == ["z0"]
        assert store.latest_runs(["tengrinews", "nosuch"], 5, unhealthy=True) == {
            "tengrinews": [{k: v for k, v in store.runs.find_one({"_id": "t4"}).items() if k != "stats"}],
            "nosuch": [],
        }
        assert mongo_db.runs.count_documents({}) == 6
        assert {"spider_started", "started", "healthy_started"} <= set(mongo_db.runs.index_information())
    finally:
        store.close()


def test_an_unreachable_database_does_not_fail_the_run(caplog):
    document = {"_id": "x", "spider": SITE}
    assert monitoring.save_run("mongodb://crawler:s3cret@127.0.0.1:9/", "kz", document, timeout_ms=300) is False
    assert "could not record run x" in caplog.text and "s3cret" not in caplog.text


# --- real crawls --------------------------------------------------------------------------------------------


def runs_cli(mongo_uri, database, *args):
    return subprocess.run(
        [sys.executable, "-m", "kznews", "runs", "--uri", mongo_uri, "--database", database, *args],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )


def changed_markup(server):
    """The site's redesign: new class names on article pages and no structured data (JSON-LD) any more."""
    site = SITES[SITE]
    for key, resource in list(server.routes.items()):
        if site.is_article_url("https://" + key):
            html = resource.body.decode("utf-8")
            html = re.sub(r"<script[^>]*application/ld\+json.*?</script>", "", html, flags=re.S)
            for old, new in (("content_main_text", "story-text"), ("content_main_meta_author", "byline"),
                             ("head-single", "story-title")):
                html = html.replace(old, new)
            server.routes[key] = Resource(html.encode("utf-8"), resource.content_type)


@pytest.mark.slow
def test_crawls_record_healthy_then_unhealthy_runs_after_a_markup_change(tmp_path, mongo_uri, mongo_db):
    env = {"MONGO_URI": mongo_uri, "MONGO_DATABASE": mongo_db.name}
    with minisite.server(SITE) as server:
        env["KZNEWS_HOST_MAP"] = json.dumps(server.host_map)
        good = run_spider(SITE, tmp_path=tmp_path, args={"since": "2000-01-01"}, env=env)
        changed_markup(server)
        bad = run_spider(SITE, tmp_path=tmp_path, args={"since": "2000-01-01", "refresh": "1"}, env=env)

    assert good["kznews/monitor/healthy"] == 1 and bad["kznews/monitor/healthy"] == 0
    assert bad.get("log_count/ERROR", 0) == 0  # an unhealthy site is recorded and warned about, not an error
    runs = {r["_id"]: r for r in mongo_db.runs.find()}
    assert len(runs) == 2
    first, second = runs[good["kznews/monitor/run_id"]], runs[bad["kznews/monitor/run_id"]]

    assert first["healthy"] is True and first["failures"] == [] and first["finish_reason"] == "finished"
    assert first["spider"] == SITE and first["editions"] == ["ru", "kk", "en"]
    assert first["counts"]["items"] == 8 and first["counts"]["stored"] == 8
    assert first["coverage"]["title"] == first["coverage"]["authors"] == 1.0
    assert first["layouts"]["article"] == {"content_main-2023": 8}
    assert first["started_at"] <= first["finished_at"] and first["thresholds"]["min_items"] == 1
    assert {c["name"] for c in first["checks"]} >= {"min_items", "errors", "blocked", "finish_reason",
                                                   "coverage/title", "coverage/body", "coverage/published_at",
                                                   "coverage/authors", "layout/article", "storage"}

    # the first run after the redesign fails, and says which checks
    assert second["healthy"] is False
    assert set(second["failed_checks"]) == {"layout/article", "coverage/authors"}
    failure = {f["check"]: f for f in second["failures"]}
    assert failure["layout/article"]["value"] == 1.0 and failure["coverage/authors"]["value"] == 0.0
    assert second["counts"]["items"] == 8  # the articles themselves still arrived (heuristics)
    assert "mongodb://" not in json.dumps(second, default=str)

    listing = runs_cli(mongo_uri, mongo_db.name, "--site", SITE)
    assert listing.returncode == 0, listing.stderr
    rows = listing.stdout.splitlines()
    assert rows[1].startswith(SITE) and "FAIL coverage/authors, layout/article" in rows[1]
    assert rows[2].startswith(SITE) and rows[2].endswith("OK")

    check = runs_cli(mongo_uri, mongo_db.name, "--site", SITE, "--check", "--json")
    assert check.returncode == 1  # the latest run is unhealthy
    assert [r["healthy"] for r in json.loads(check.stdout)[SITE]] == [False, True]


def test_runs_command_reports_an_unreachable_database_without_its_password(capsys):
    from kznews.cli import main

    code = main(["runs", "--uri", "mongodb://crawler:s3cret@127.0.0.1:9/", "--database", "kz", "--site", SITE])
    err = capsys.readouterr().err
    assert code == 2 and "cannot read runs from mongodb://crawler:***@127.0.0.1:9/" in err and "s3cret" not in err
