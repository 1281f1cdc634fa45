"""The health report (`python -m kznews report`): statuses from seeded runs and articles, the page opened in
headless Chromium (every site with data has a drawn chart; nothing is fetched), bad input, atomic writing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kznews.cli.report import write_atomically, write_report

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def _run(site, started, *, healthy=True, items_by_edition=None, blocked=0, errors=0, layouts=None):
    items_by_edition = items_by_edition or {}
    return {
        "_id": f"{site}-{started.isoformat()}", "spider": site, "site": site, "editions": sorted(items_by_edition),
        "started_at": started, "finished_at": started + timedelta(minutes=5), "duration_s": 300.0,
        "finish_reason": "finished", "healthy": healthy,
        "counts": {"items": sum(items_by_edition.values()), "items_by_edition": items_by_edition,
                   "blocked": blocked, "errors": errors, "bans": 0},
        "coverage": {}, "layouts": layouts or {"article": {"main-2024": 9, "none": 1}, "list": {"list-2024": 3}},
        "failed_checks": [] if healthy else ["blocked"], "failures": [],
    }


def _article(site, lang, n, published, *, authors=True, dated=True):
    return {
        "url": f"https://{site}.example.kz/{lang}/{n}", "site": site, "lang": lang, "title": f"title {n}",
        "body": "text " * 30, "authors": ["A. B."] if authors else [],
        "published_at": published if dated else None, "fetched_at": published + timedelta(hours=1),
    }


def seed(db):
    runs, articles = [], []
    for day in range(20):  # one run a day, oldest first
        started = NOW - timedelta(days=20 - day, hours=1)
        runs.append(_run("tengrinews", started, items_by_edition={"ru": 3, "kk": 2, "en": 1}))
        # nur: blocked from the 17th day on
        failing = day >= 17
        runs.append(_run("nur", started, healthy=not failing, items_by_edition={} if failing else {"ru": 2, "kk": 1},
                         blocked=12 if failing else 0, errors=3 if failing else 0))
        # zakon: its Kazakh edition yields nothing from the 15th day on
        runs.append(_run("zakon", started, items_by_edition={"ru": 2, "kk": 0 if day >= 15 else 2}))
        for n in range(3):
            articles.append(_article("tengrinews", "ru", f"{day}-{n}", started, authors=n != 0))
        articles.append(_article("tengrinews", "kk", f"{day}", started, dated=day % 2 == 0))
        if not failing:
            articles.append(_article("nur", "ru", f"{day}", started))
    articles.append(_article("orda", "en", "1", NOW - timedelta(days=2)))  # articles without any run
    db.runs.insert_many(runs)
    db.articles.insert_many(articles)
    return runs


@pytest.mark.slow
@pytest.mark.browser
def test_report_statuses_and_charts_in_chromium(tmp_path, mongo_uri, mongo_db, capsys):
    runs = seed(mongo_db)
    output = tmp_path / "report.html"
    assert write_report(mongo_uri, mongo_db.name, days="30", until=None, sites=None, output=output, now=NOW) == 0
    assert capsys.readouterr().out.strip() == str(output.resolve())
    html = output.read_text(encoding="utf-8")
    # self-contained: nothing to fetch
    assert not re.search(r"<script|<link|<img|@import|url\(|src=", html)

    rows = {(site, lang): row for site, lang, row in
            re.findall(r'<tr class="[^"]+" data-site="([^"]+)" data-lang="([^"]+)">(.*?)</tr>', html)}
    first_blocked = next(r for r in runs if r["spider"] == "nur" and not r["healthy"])["started_at"]
    last_healthy = [r for r in runs if r["spider"] == "nur" and r["healthy"]][-1]["started_at"]
    assert "FAILING" in rows[("nur", "ru")] and "FAILING" in rows[("nur", "kk")]
    assert "2026-11-27 13:00" in rows[("nur", "ru")]  # since the first blocked run (Almaty time)
    assert first_blocked.astimezone(UTC).strftime("%H:%M") == "08:00"
    assert last_healthy == first_blocked - timedelta(days=1)
    assert "2026-11-26 13:00" in rows[("nur", "ru")]  # its last healthy run
    assert "SILENT" in rows[("zakon", "kk")] and "OK" in rows[("zakon", "ru")]
    assert "2026-11-25 13:00" in rows[("zakon", "kk")]  # the first run after the last one with Kazakh articles
    assert all("OK" in rows[("tengrinews", lang)] for lang in ("ru", "kk", "en"))
    assert "NO RUNS" in rows[("orda", "en")]
    statuses = re.findall(r'<tr class="([^"]+)" data-site=', html)
    assert statuses[:2] == ["failing", "failing"]  # the failing ones on top

    assert shutil.which("chromium"), "Debian's chromium is installed by `make setup`"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            requested = []
            page.on("request", lambda request: requested.append(request.url))
            page.goto(output.as_uri())
            sections = page.eval_on_selector_all("section[data-site]", """sections => sections.map(s => ({
                site: s.dataset.site, hasData: s.dataset.hasData === 'true',
                charts: [...s.querySelectorAll('svg.chart')].map(svg => ({
                    kind: svg.classList[1],
                    drawn: [...svg.querySelectorAll('rect.bar, circle.point, circle.marker, path.line')]
                        .filter(m => { const b = m.getBBox(); return b.width > 0 && b.height > 0; }).length,
                    width: svg.getBoundingClientRect().width,
                })),
            }))""")
            page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        finally:
            browser.close()
    assert requested == [output.as_uri()]
    by_site = {s["site"]: s for s in sections}
    assert set(by_site) == {"tengrinews", "nur", "zakon", "orda"}
    for site, section in by_site.items():
        assert section["hasData"], site
        assert all(chart["width"] > 0 for chart in section["charts"]), site
        drawn = {}
        for chart in section["charts"]:  # one coverage chart per edition: their marks add up
            drawn[chart["kind"]] = drawn.get(chart["kind"], 0) + chart["drawn"]
        assert sum(drawn.values()) > 0, site
        if site != "zakon":  # zakon has runs but no articles
            assert drawn["articles"] > 0 and drawn["coverage"] > 0, (site, drawn)
        if site != "orda":
            assert drawn["runs"] >= 20, (site, drawn)
    assert (tmp_path / "report.png").stat().st_size > 10_000


def _cli(*args, uri="mongodb://127.0.0.1:9/"):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MONGO_URI": uri}
    return subprocess.run([sys.executable, "-m", "kznews", "report", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize(("args", "message"), [
    (["--days", "0"], "--days '0': expected a whole number of days, 1 or more"),
    (["--days", "soon"], "--days 'soon': expected a whole number of days, 1 or more"),
    (["--days", "99999999"], "--days '99999999': at most 36525"),
    (["--until", "yesterday"], "--until 'yesterday': expected an ISO 8601 date"),
    (["-o", "{tmp}/missing/report.html"], "directory {tmp}/missing does not exist"),
    (["-o", "{tmp}"], "is a directory"),
    (["--sites", "nosuchsite"], "--sites: unknown site 'nosuchsite' (known: "),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, mongo_uri, args, message):
    result = _cli(*(a.replace("{tmp}", str(tmp_path)) for a in args), "-o" if "-o" not in args else "--days",
                  str(tmp_path / "r.html") if "-o" not in args else "30", uri=mongo_uri)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert message.replace("{tmp}", str(tmp_path)) in lines[0]
    assert not (tmp_path / "r.html").exists()


def test_an_unreachable_database_is_one_line(tmp_path):
    result = _cli("-o", str(tmp_path / "r.html"), "--days", "7")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "cannot read" in result.stderr, result.stderr


def test_a_failed_write_leaves_the_previous_report_and_no_temporary_file(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("previous", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomically(target, "<html>" + "\ud800")  # fails half way, after the temporary file was opened
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
    write_atomically(target, "<html>new</html>")
    assert target.read_text(encoding="utf-8") == "<html>new</html>"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_time_bins_follow_the_window():
    from datetime import date

    from kznews.report.model import bin_size, bins_between

    assert bin_size(date(2026, 11, 1), date(2026, 11, 30)) == "day"
    assert bin_size(date(2025, 11, 1), date(2026, 11, 30)) == "week"
    assert bin_size(date(2021, 1, 1), date(2026, 11, 30)) == "month"
    assert bins_between(date(2026, 1, 31), date(2026, 3, 1), "month") == [date(2026, 1, 1), date(2026, 2, 1),
                                                                            date(2026, 3, 1)]
    weeks = bins_between(date(2026, 11, 4), date(2026, 11, 30), "week")
    assert weeks[0] == date(2026, 11, 2) and weeks[-1] == date(2026, 11, 30) and len(weeks) == 5


def test_a_site_that_never_had_a_healthy_run_fails_since_its_first_run():
    from kznews.report.model import edition_statuses

    first = _run("kt", NOW - timedelta(days=3), healthy=False)
    latest = _run("kt", NOW - timedelta(days=1), healthy=False)
    (status,) = edition_statuses("kt", ["ru"], [first, latest], latest, None, first, {"ru": 0})
    assert (status.status, status.since, status.last_healthy) == ("failing", first["started_at"], None)
    assert status.failed_checks == ["blocked"]
