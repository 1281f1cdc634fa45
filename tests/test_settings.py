"""One registry of settings (kznews/settings/registry.py): the settings module, docs/settings.md, the environment
applied once, the profiles applied by one add-on whether chosen by `-s` or by the environment."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from scrapy.crawler import Crawler
from scrapy.settings import Settings, default_settings

from kznews.settings import docs, profiles, registry
from kznews.spiders.sites import TengrinewsSpider
from tests.conftest import run_spider
from tests.tools import minisite

ROOT = Path(__file__).resolve().parents[1]


def project(environ: dict[str, str], cmdline: dict[str, str] | None = None) -> Settings:
    """The project settings as `scrapy crawl` builds them under this environment, with the add-ons applied."""
    settings = Settings()
    for name, value in registry.project_settings(environ).items():
        settings.set(name, value, priority="project")
    for name, value in (cmdline or {}).items():
        settings.set(name, value, priority="cmdline")
    crawler = Crawler(TengrinewsSpider, settings)
    for name in crawler.settings.getdict("ADDONS"):
        assert name == "kznews.settings.profiles.KznewsAddon"
    profiles.apply_profile(crawler.settings, environ)
    return crawler.settings


def test_docs_settings_md_is_generated_from_the_registry():
    assert (ROOT / "docs" / "settings.md").read_text(encoding="utf-8") == docs.markdown()


def test_the_settings_module_is_the_registry():
    import kznews.settings as module

    for spec in registry.SETTINGS:
        assert hasattr(module, spec.name), spec.name
    own = {name for name in dir(module) if name.isupper()}
    assert own == set(registry.BY_NAME)


def _names_read_by_components() -> set[str]:
    """Every setting name kznews reads: settings.get*("NAME") and setting(settings, "NAME")."""
    names = set()
    for path in (ROOT / "kznews").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            function = node.func
            called = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
            arguments = node.args if called != "setting" else node.args[1:]
            if called in ("get", "getint", "getfloat", "getbool", "getlist", "getdict", "getpriority", "setting"):
                first = arguments[0] if arguments else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value.isupper():
                    names.add(first.value)
    return names


def test_every_setting_kznews_reads_is_registered_or_scrapys():
    scrapy_names = {name for name in dir(default_settings) if name.isupper()}
    unknown = _names_read_by_components() - set(registry.BY_NAME) - scrapy_names
    # read from other places than settings: scrapy-redis' own, and SCRAPY_JOB from scrapyd's environment
    assert unknown <= {"SCHEDULER_SERIALIZER", "SCHEDULER_QUEUE_CLASS", "SCRAPY_JOB"}, unknown


def test_every_own_setting_has_a_meaning_and_a_valid_type():
    for spec in registry.SETTINGS:
        assert spec.type in registry.TYPES, spec
        assert spec.group in registry.GROUPS, spec
        if not spec.scrapy:
            assert spec.doc and spec.env, spec
        assert registry.parse(spec, spec.default) == spec.default


def test_the_environment_is_typed_and_its_mistakes_are_named():
    values = registry.from_environment({"KZNEWS_MAX_PAGES": "7", "KZNEWS_RUNS_ENABLED": "0", "MONGO_URI": "",
                                        "KZNEWS_MONITOR_SITES": '{"zakon": {"max_bans": 0}}', "KZNEWS_LOG_LEVEL": "DEBUG",
                                        "UNRELATED": "x"})
    assert values == {"KZNEWS_MAX_PAGES": 7, "KZNEWS_RUNS_ENABLED": False, "MONGO_URI": "",
                      "KZNEWS_MONITOR_SITES": {"zakon": {"max_bans": 0}}, "LOG_LEVEL": "DEBUG"}
    with pytest.raises(registry.SettingError, match=r"KZNEWS_MAX_PAGES='abc': expected an integer"):
        registry.from_environment({"KZNEWS_MAX_PAGES": "abc"})
    with pytest.raises(registry.SettingError, match="KZNEWS_RUNS_ENABLED='maybe': expected true or false"):
        registry.from_environment({"KZNEWS_RUNS_ENABLED": "maybe"})
    with pytest.raises(registry.SettingError, match="KZNEWS_MONITOR_THRESHOLDS"):
        registry.from_environment({"KZNEWS_MONITOR_THRESHOLDS": "{not json"})


def test_components_get_typed_values_and_the_registry_default():
    assert registry.setting(Settings({"KZNEWS_MAX_PAGES": "3"}), "KZNEWS_MAX_PAGES") == 3  # -s gives text
    assert registry.setting(Settings(), "KZNEWS_MAX_PAGES") == 5  # a crawler built without the project settings
    assert registry.setting(None, "KZNEWS_RETRY_EMPTY") is True


@pytest.mark.parametrize("how", ["environment", "-s"])
def test_a_profile_applies_the_same_from_the_environment_and_from_dash_s(how):
    settings = (project({"KZNEWS_PROFILE": "local"}) if how == "environment"
                else project({}, {"KZNEWS_PROFILE": "local"}))
    assert settings.get("KZNEWS_PROFILE") == "local"
    assert settings.getbool("ROBOTSTXT_OBEY") is False
    assert settings.getfloat("DOWNLOAD_DELAY") == 0
    assert registry.setting(settings, "KZNEWS_RETRY_BACKOFF_BASE") == 0.05
    assert registry.setting(settings, "KZNEWS_MONITOR_MIN_ITEMS") == 1


def test_precedence_default_profile_environment_dash_s():
    assert project({}).getint("RETRY_TIMES") == 3  # default
    assert project({"KZNEWS_PROFILE": "local"}).getint("RETRY_TIMES") == 1  # profile
    environment = {"KZNEWS_PROFILE": "local", "KZNEWS_MONITOR_MIN_ITEMS": "5"}
    assert registry.setting(project(environment), "KZNEWS_MONITOR_MIN_ITEMS") == 5  # environment over profile
    settings = project(environment, {"KZNEWS_MONITOR_MIN_ITEMS": "9", "RETRY_TIMES": "4"})
    assert registry.setting(settings, "KZNEWS_MONITOR_MIN_ITEMS") == 9 and settings.getint("RETRY_TIMES") == 4


def test_distributed_profile_and_derived_settings():
    settings = project({"KZNEWS_PROFILE": "distributed", "KZNEWS_CHROMIUM": "/opt/chromium"},
                       {"KZNEWS_CONTACT": "https://example.kz/contact"})
    assert settings.get("SCHEDULER") == "kznews.schedulers.distributed.Scheduler"
    assert settings.get("DUPEFILTER_CLASS") == "scrapy_redis.dupefilter.RFPDupeFilter"
    assert settings.get("USER_AGENT") == "kznews/0.1 (+https://example.kz/contact; news archive crawler)"
    assert settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS")["executable_path"] == "/opt/chromium"
    assert project({}, {"USER_AGENT": "mine"}).get("USER_AGENT") == "mine"  # an explicit one is kept


def test_an_unknown_profile_is_named():
    with pytest.raises(profiles.ProfileError, match="KZNEWS_PROFILE='lcoal': unknown profile; known: polite"):
        project({}, {"KZNEWS_PROFILE": "lcoal"})


@pytest.mark.slow
@pytest.mark.parametrize("how", ["environment", "-s"])
def test_a_real_crawl_applies_the_profile_either_way(how, tmp_path, mongo_uri, mongo_db):
    """`scrapy crawl` with KZNEWS_PROFILE=local in the environment or as -s: the local profile's settings apply
    (no robots.txt requests) and the run is recorded with the profile it ran under."""
    site = "tengrinews"
    with minisite.server(site) as server:
        env = {"MONGO_URI": mongo_uri, "MONGO_DATABASE": mongo_db.name, "KZNEWS_HOST_MAP": json.dumps(server.host_map)}
        if how == "-s":
            stats = run_spider(site, tmp_path=tmp_path, args={"since": "2000-01-01"}, env={**env, "KZNEWS_PROFILE": None},
                               settings={"KZNEWS_PROFILE": "local"})
        else:
            stats = run_spider(site, tmp_path=tmp_path, args={"since": "2000-01-01"}, env=env)
        hits = dict(server.hits)
    assert not any(path.endswith("robots.txt") for path in hits), hits
    assert "robotstxt/request_count" not in stats
    assert stats["kznews/monitor/healthy"] == 1  # the local profile's min_items (1) judged it
    run = mongo_db.runs.find_one({"_id": stats["kznews/monitor/run_id"]})
    assert run["profile"] == "local"
