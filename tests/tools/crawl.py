"""Running a real spider the way users do (`scrapy crawl` in its own process: Scrapy's reactor runs once per
process), with the local profile, returning the crawl's final stats. Used by the tests and the benchmarks.

The crawl runs with the test settings module (tests/tools/settings.py): pass KZNEWS_HOST_MAP in `env` to fetch the
sites' URLs from local servers (tests/tools/loopback.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

from tests.tools.loopback import SETTINGS_MODULE

ROOT = Path(__file__).resolve().parents[2]


def run_spider(
    spider: str,
    *,
    tmp_path: Path,
    args: dict[str, str] | None = None,
    env: dict[str, str | None] | None = None,
    settings: dict[str, str] | None = None,
    timeout: float = 240,
) -> dict:
    """`scrapy crawl` in a subprocess with the local profile; returns the crawl's final stats. A None value in
    `env` removes that variable."""
    stats_file = tmp_path / f"stats-{uuid.uuid4().hex[:8]}.json"
    command = [sys.executable, "-m", "scrapy", "crawl", spider]
    for name, value in (args or {}).items():
        command += ["-a", f"{name}={value}"]
    for name, value in (settings or {}).items():
        command += ["-s", f"{name}={value}"]
    environment = {
        **os.environ,
        "KZNEWS_PROFILE": "local",
        "KZNEWS_STATS_FILE": str(stats_file),
        "KZNEWS_LOG_LEVEL": "INFO",
        "PYTHONPATH": str(ROOT),
        "SCRAPY_SETTINGS_MODULE": SETTINGS_MODULE,
        **(env or {}),
    }
    environment = {name: value for name, value in environment.items() if value is not None}
    result = subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=timeout, check=False
    )
    log_file = tmp_path / f"crawl-{spider}-{stats_file.stem}.log"
    log_file.write_text(result.stdout + result.stderr, encoding="utf-8")
    # 1 is a run that finished but failed its checks (kznews.monitoring.outcome): tests read its stats
    assert result.returncode in (0, 1), f"crawl failed ({result.returncode}); log: {log_file}\n{result.stderr[-3000:]}"
    assert stats_file.exists(), f"no stats written; log: {log_file}\n{result.stderr[-3000:]}"
    stats = json.loads(stats_file.read_text(encoding="utf-8"))
    stats["_log"] = str(log_file)
    stats["_exit_status"] = result.returncode
    return stats
