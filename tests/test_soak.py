"""`make soak` at a few hundred pages (its --smoke mode): the same site, faults, database restarts, Redis and
checks as the long run, so the script keeps working; its figures at this size mean nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def test_the_soak_smoke_run_loses_and_duplicates_nothing():
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("KZNEWS_", "MONGO_", "SCRAPY_"))}
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "benchmarks" / "soak.py"), "--smoke"], cwd=ROOT,
                            env=environment, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    lines = result.stdout.strip().splitlines()
    summary = json.loads(lines[-1])
    assert {"pages", "lost", "duplicated", "rss_start_mb", "rss_end_mb", "rss_growth_mb_per_100k"} <= set(summary)
    assert summary["articles"] == summary["stored"] == 300 and summary["pages"] >= 300
    assert summary["lost"] == 0 and summary["duplicated"] == 0
    assert summary["faults_served"] > 0 and summary["db_restarts"] > 0  # the faults and restarts did happen
    assert any(line.startswith("pages ") and " rss " in line for line in lines)
