"""`python -m kznews audit`: sampling a site's archived pages month by month (tests/tools/archive_server.py imitates
the archives), the report per year and layout, and the pages saved as fixture candidates with their MANIFEST."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from kznews.cli import main
from kznews.cli.audit import format_report, month_windows, parse_month, spread, summarize
from kznews.sites import get_site
from tests.tools.archive_server import OLD_LAYOUT_PAGE, ROOT, audit_scenario

MANIFEST = ROOT / "tests" / "fixtures" / "real" / "MANIFEST.tsv"


def test_window_and_sampling():
    assert parse_month("2016") == datetime(2016, 1, 1, tzinfo=UTC)
    assert parse_month("2026", end=True) == datetime(2027, 1, 1, tzinfo=UTC)
    assert parse_month("2024-12", end=True) == datetime(2025, 1, 1, tzinfo=UTC)
    assert parse_month("2024-02-29", end=True) == datetime(2024, 3, 1, tzinfo=UTC)
    with pytest.raises(ValueError):
        parse_month("March 2016")
    months = month_windows(parse_month("2023-11"), parse_month("2024-01", end=True))
    assert [start.month for start, _ in months] == [11, 12, 1] and months[-1][1] == datetime(2024, 2, 1, tzinfo=UTC)
    assert spread(list(range(100)), 4) == [12, 37, 62, 87] and spread([1, 2], 5) == [1, 2]


def test_report_per_year_and_layout():
    rows = [
        {"kind": "article", "year": "2019", "layout": "(none)", "title": True, "body": True, "published_at": False,
         "authors": False},
        {"kind": "article", "year": "2024", "layout": "new", "title": True, "body": True, "published_at": True,
         "authors": True},
        {"kind": "article", "year": "2024", "layout": "new", "title": True, "body": False, "published_at": True,
         "authors": False},
        {"kind": "list", "year": "2024", "layout": "news", "entries": 20, "dated": 15},
    ]
    summary = summarize(rows)
    assert summary["article"][1] == {"year": "2024", "layout": "new", "pages": 2, "title": 2, "body": 1,
                                     "published_at": 2, "authors": 1}
    report = format_report(get_site("tengrinews"), rows, since=parse_month("2019"), until=parse_month("2024", end=True),
                           archives=["wayback"], per_month=5, dropped={"challenge": 2})
    lines = report.splitlines()
    assert lines[0].startswith("Tengrinews.kz: 2019-01 to 2024-12") and "challenge 2" in lines[1]
    assert any(line.split() == ["2024", "new", "2", "100%", "50%", "100%", "50%"] for line in lines)
    assert any(line.split() == ["2024", "news", "1", "20", "75%"] for line in lines)


def test_bad_arguments_are_refused_before_any_request(capsys):
    base = ["audit", "--site", "tengrinews", "--from", "2019", "--to", "2024"]
    assert main([*base, "--archives", "wayback,archive.today"]) == 2
    assert "unknown ['archive.today']" in capsys.readouterr().err
    assert main([*base, "--archives", "ccnews"]) == 2
    assert "no capture index" in capsys.readouterr().err
    assert main(["audit", "--site", "tengrinews", "--from", "2024", "--to", "2019"]) == 2
    assert "before --from" in capsys.readouterr().err
    assert main(["audit", "--site", "nosuchsite", "--from", "2019", "--to", "2024"]) == 2


@pytest.mark.slow
def test_audit_samples_the_years_and_saves_the_pages_that_fell_back(tmp_path):
    scenario = audit_scenario()
    save = tmp_path / "audit"
    with scenario.server as server:
        env = {**os.environ, "KZNEWS_PROFILE": "local", "KZNEWS_HOST_MAP": json.dumps(server.host_map),
               "PYTHONPATH": str(ROOT), "SCRAPY_SETTINGS_MODULE": "tests.tools.settings"}
        command = [sys.executable, "-m", "kznews", "audit", "--site", "tengrinews", "--from", "2019", "--to", "2024",
                   "--per-month", "2", "--archives", "wayback,commoncrawl", "--save", str(save), "--json"]
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=240, check=False)
        escaped = list(server.escaped)
        months_asked = {h[1].split("from=")[1][:6] for h in server.hits if "/cdx/search/cdx" in h[1]}
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)
    assert escaped == []
    assert len(months_asked) == 72  # every month of 2019..2024 was sampled

    articles = {(g["year"], g["layout"]): g for g in report["summary"]["article"]}
    assert articles[("2019", "(none)")]["pages"] == 1  # the old markup: no layout matched
    # the generic layer reads the date printed by the headline ("14 июня 2019, 10:20") on a page no layout knows
    assert articles[("2019", "(none)")]["published_at"] == 1
    assert articles[("2023", "content_main-2023")] == {"year": "2023", "layout": "content_main-2023", "pages": 1,
                                                       "title": 1, "body": 1, "published_at": 1, "authors": 1}
    # March: 2362; October: two of three captures spread over the month (550643 and the challenge page, dropped)
    # and the Common Crawl capture
    assert articles[("2024", "content_main-2023")]["pages"] == 3
    lists = {(g["year"], g["layout"]): g for g in report["summary"]["list"]}
    assert lists[("2024", "content_main-2024")]["pages"] == 2 and lists[("2024", "content_main-2024")]["entries"] > 0
    assert ("2024", "home-top-2024+home-super-2024") in lists
    assert report["dropped"] == {"challenge": 1}
    urls = [page["url"] for page in report["pages"]]
    assert len(urls) == len(set(urls)) and sum("2185" in url for url in urls) == 1  # captured twice, sampled once
    assert not any("/tag/" in url for url in urls)

    # the pages that fell back, as fixture candidates in the format of tests/fixtures/real/MANIFEST.tsv
    manifest = (save / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    assert manifest[0] == MANIFEST.read_text(encoding="utf-8").splitlines()[0]
    rows = [line.split("\t") for line in manifest[1:]]
    assert all(len(row) == 7 for row in rows)
    saved = {row[3]: row for row in rows}
    old = saved["https://tengrinews.kz/kazakhstan_news/staraya-verstka-novost-2019-goda-370001/"]
    assert old[1] == "tengrinews.kz (ru)" and old[2] == "article" and old[4] == "2019-06-14T14:00:00+06:00"
    assert old[5].startswith("Wayback Machine @20190614080000") and "sha1:" in old[5]
    assert "layout (none)" in old[6] and "published_at" in old[6]
    assert (save / old[0]).read_bytes() == OLD_LAYOUT_PAGE  # the archived bytes, as they were
    relative = [row for url, row in saved.items() if "550699" in url]
    assert relative and relative[0][5].startswith("Common Crawl CC-MAIN-2024-42")
    # pages where every field came from the site's layout are not saved
    assert not any("ludomaniya" in url for url in saved)
