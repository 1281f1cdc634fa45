"""`make demo` ends by writing the health report of the replayed data and printing its path."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def test_demo_writes_the_report_of_the_replayed_data(tmp_path, mongo_uri, mongo_db):
    output = tmp_path / "demo-report.html"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MONGO_URI": mongo_uri, "MONGO_DATABASE": mongo_db.name}
    result = subprocess.run(
        [sys.executable, "-m", "kznews", "demo", "--sites", "tengrinews,egemen", "--report", str(output)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().splitlines()[-1] == str(output.resolve())
    html = output.read_text(encoding="utf-8")
    assert re.findall(r'<section id="site-([^"]+)"', html) == ["tengrinews", "egemen"]
    # the replayed articles are charted (the window reaches back to the oldest recording) and each site's run
    for site in ("tengrinews", "egemen"):
        section = html.split(f'<section id="site-{site}"')[1].split("</section>")[0]
        assert section.count('class="bar"') > 0 and 'class="marker"' in section, site
    assert html.count(">OK<") >= 5  # every edition of both sites healthy
    # the replayed articles went through the pipelines with their text's language and script stored
    stored = {(doc["url"], doc["lang"], doc["text_lang"], doc["script"]) for doc in mongo_db.articles.find()}
    assert stored and all(text_lang == lang for _, lang, text_lang, _ in stored), stored
    latin = {url for url, lang, _, script in stored if script == "Latn" and lang == "kk"}
    assert latin and all(url.startswith("https://lat.egemen.kz/") for url in latin), stored
