"""Typed spider arguments, declared once (kznews/spiders/arguments.py): one clear line per bad value, exit 2 and no
traceback for `scrapy crawl` and `python -m kznews crawl`; `until` closes the publication window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kznews.dates import ALMATY
from kznews.sites import get_site
from kznews.spiders.arguments import SpiderArgumentError, parse_arguments, split_assignments
from tests.conftest import run_spider
from tests.tools.gensite import GeneratedSite

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 2, 10, 7, 0, tzinfo=UTC)
TENGRINEWS = get_site("tengrinews")


def parse(**raw):
    return parse_arguments(raw, TENGRINEWS, NOW)


def test_values_are_typed():
    arguments = parse(lang="kk,en", max_pages="3", since="2d", until="2026-02-09", sources="lists,feeds", refresh="1")
    assert [e.key for e in arguments.editions] == ["kk", "en"]
    assert arguments.max_pages == 3 and arguments.refresh is True
    assert arguments.since == datetime(2026, 2, 8, 12, 0, tzinfo=ALMATY)
    assert arguments.until == datetime(2026, 2, 9, tzinfo=ALMATY)  # a naive date: midnight in Almaty
    assert arguments.sources == {"lists", "feeds"}
    assert arguments.given == {"lang": "kk,en", "max_pages": "3", "since": "2d", "until": "2026-02-09",
                               "sources": "lists,feeds", "refresh": "1"}
    defaults = parse()
    assert [e.key for e in defaults.editions] == ["ru", "kk", "en"] and defaults.sources == {"lists", "feeds", "sitemaps"}
    assert (defaults.max_pages, defaults.since, defaults.until, defaults.refresh) == (None, None, None, False)
    assert parse(_job="abc", max_pages="").max_pages is None  # scrapyd's own argument passes; empty = not given


@pytest.mark.parametrize(("raw", "message"), [
    ({"max_pages": "abc"}, "max_pages='abc': expected a whole number, 1 or more"),
    ({"max_pages": "0"}, "max_pages='0': expected a whole number, 1 or more"),
    ({"lang": "de"}, "lang='de': tengrinews has no such edition; editions: ru, kk, en"),
    ({"since": "yesterday"}, "since='yesterday': expected an ISO 8601 date or instant"),
    ({"until": "soon"}, "until='soon': expected an ISO 8601 date or instant"),
    ({"since": "2026-02-05", "until": "2026-02-05"}, "until='2026-02-05' is not after since='2026-02-05'"),
    ({"sources": "lists,rss"}, "sources='lists,rss': expected lists, feeds, sitemaps (comma-separated)"),
    ({"refresh": "maybe"}, "refresh='maybe': expected 1 or 0"),
    ({"foo": "1"}, "foo: unknown spider argument; known: lang, max_pages, since, until, sources, refresh"),
])
def test_each_bad_value_has_one_clear_message(raw, message):
    with pytest.raises(SpiderArgumentError) as error:
        parse(**raw)
    assert str(error.value).startswith(message) and "\n" not in str(error.value)


def test_command_line_assignments():
    assert split_assignments(["since=2d", "lang=ru=x"]) == {"since": "2d", "lang": "ru=x"}
    with pytest.raises(SpiderArgumentError, match="-a foo: expected NAME=VALUE"):
        split_assignments(["foo"])


def _run(*command: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MONGO_URI": ""}
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=False)


@pytest.mark.parametrize(("command", "message"), [
    (("scrapy", "crawl", "tengrinews", "-a", "max_pages=abc"), "scrapy crawl tengrinews: max_pages='abc'"),
    (("scrapy", "crawl", "tengrinews", "-a", "lang=de"), "scrapy crawl tengrinews: lang='de'"),
    (("scrapy", "crawl", "tengrinews", "-a", "since=yesterday"), "scrapy crawl tengrinews: since='yesterday'"),
    (("scrapy", "crawl", "tengrinews", "-a", "foo"), "scrapy crawl: Invalid -a value, use -a NAME=VALUE"),
    (("kznews", "crawl", "--sites", "tengrinews", "-a", "foo"), "crawl: -a foo: expected NAME=VALUE"),
    (("kznews", "crawl", "--sites", "tengrinews", "-a", "max_pages=abc"), "crawl tengrinews: max_pages='abc'"),
    (("kznews", "crawl", "--sites", "tengrinews,zakon", "-a", "lang=de"), "crawl tengrinews: lang='de'"),
    (("kznews", "crawl", "-a", "lang=de"), "crawl: lang='de': no site has such an edition"),
    (("kznews", "crawl", "--sites", "liter", "-a", "lang=kk"), "crawl liter: lang='kk': liter has no such edition"),
    (("kznews", "crawl", "--sites", "nope"), "crawl: no site named 'nope'"),
    (("scrapy", "crawl", "nope"), "scrapy crawl: no spider named 'nope'"),
    (("kznews", "crawl", "--sites", "tengrinews", "-a", "bogus=1"), "crawl tengrinews: bogus: unknown spider argument"),
    (("kznews", "crawl", "--sites", "tengrinews", "-a", "since=yesterday"), "crawl tengrinews: since='yesterday'"),
    # settings of the wrong type, on the command line or in the environment (kznews.settings.registry)
    (("scrapy", "crawl", "tengrinews", "-s", "MONGO_BATCH_SIZE=abc"),
     "scrapy crawl: -s MONGO_BATCH_SIZE='abc': expected an integer"),
    (("scrapy", "crawl", "tengrinews", "-s", "ROBOTSTXT_OBEY=maybe"),
     "scrapy crawl: -s ROBOTSTXT_OBEY='maybe': expected true or false"),
    (("kznews", "crawl", "--sites", "tengrinews", "-s", "KZNEWS_PROFILE=nosuch"),
     "crawl: KZNEWS_PROFILE='nosuch': unknown profile"),
    (("kznews", "crawl", "--sites", "tengrinews", "-s", "MONGO_RETRY_MAX_SECONDS=soon"),
     "crawl: -s MONGO_RETRY_MAX_SECONDS='soon': expected a number"),
    (("kznews", "nosuchcommand"), "python -m kznews: argument command: invalid choice: 'nosuchcommand'"),
    (("kznews", "demo", "--sites", "nope"), "demo: --sites: no site named 'nope'"),
    (("kznews", "demo"), "demo: MONGO_URI is empty"),  # _run empties MONGO_URI
])
def test_bad_arguments_exit_2_with_one_line_and_no_traceback(command, message):
    result = _run(*command)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(message), result.stderr
    assert result.stdout == ""


def test_lang_over_every_site_leaves_out_the_sites_without_that_edition():
    from kznews.sites import SITES

    # max_pages=abc stops the crawl before it starts, after the sites are chosen
    result = _run("kznews", "crawl", "-a", "lang=kk", "-a", "max_pages=abc")
    without = sorted(name for name, site in SITES.items() if not site.editions_for("kk"))
    assert without and result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"crawl: lang='kk': {', '.join(without)} left out (no such edition)",
        f"crawl {min(set(SITES) - set(without))}: max_pages='abc': expected a whole number, 1 or more",
    ]


@pytest.mark.parametrize("command", [("scrapy", "crawl", "tengrinews"), ("kznews", "crawl", "--sites", "tengrinews")])
def test_a_mistyped_environment_variable_stops_before_anything_starts(command):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MONGO_URI": "", "KZNEWS_MAX_PAGES": "abc"}
    result = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 2 and result.stdout == "", result.stderr
    assert result.stderr.splitlines() == [
        "kznews settings: environment variable KZNEWS_MAX_PAGES='abc': expected an integer"]


@pytest.mark.slow
def test_until_closes_the_window_the_way_since_opens_it(tmp_path, mongo_uri, mongo_db):
    """Entries published at or after `until` are skipped like entries before `since`; the list walk goes on past
    newer pages to reach the window."""
    site = GeneratedSite(50)  # article n published at 2026-01-01 00:00 UTC + 10 n minutes, 20 per list page
    since, until = site.published(10), site.published(20)  # the window holds articles 10..19
    with site.server:
        stats = run_spider(
            "gensite", tmp_path=tmp_path,
            args={"sources": "lists", "since": since.isoformat(), "until": until.isoformat(), "max_pages": "5"},
            env={"KZNEWS_HOST_MAP": json.dumps(site.server.host_map), "MONGO_URI": mongo_uri,
                 "MONGO_DATABASE": mongo_db.name},
            settings={"SPIDER_MODULES": "kznews.spiders,tests.tools.gensite"},
        )
    stored = {d["url"] for d in mongo_db.articles.find()}
    assert stored == {site.canonical(n) for n in range(10, 20)}, stats["_log"]
    # a backfill: the binary search skipped page 1 (probed, all newer), the walk began on page 2 (11 newer)
    assert stats["kznews/list/gensite/ru/too_new"] == 11 and stats["kznews/list/gensite/ru/too_old"] >= 1
    run = mongo_db.runs.find_one({"_id": stats["kznews/monitor/run_id"]})
    assert run["args"]["until"] == until.isoformat() and run["args"]["since"] == since.isoformat()
