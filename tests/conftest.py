"""Shared fixtures: a MongoDB-compatible server for the whole session (started here unless MONGO_URI is set;
never skipped), and a helper that runs a real spider in a subprocess (Scrapy's reactor runs once per process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from pymongo import MongoClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "deploy" / "dev"))

from localdb import start_server  # noqa: E402


@pytest.fixture(scope="session")
def mongo_uri(tmp_path_factory):
    uri = os.environ.get("MONGO_URI")
    if uri:
        yield uri
        return
    process, uri = start_server(tmp_path_factory.mktemp("mongo"), log=tmp_path_factory.getbasetemp() / "mongo.log")
    yield uri
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def mongo_db(mongo_uri):
    """A fresh database name, dropped afterwards."""
    name = f"kznews_test_{uuid.uuid4().hex[:10]}"
    client = MongoClient(mongo_uri, tz_aware=True)
    yield client[name]
    client.drop_database(name)
    client.close()


def run_spider(
    spider: str,
    *,
    tmp_path: Path,
    args: dict[str, str] | None = None,
    env: dict[str, str] | None = None,
    settings: dict[str, str] | None = None,
    timeout: float = 240,
) -> dict:
    """`scrapy crawl` in a subprocess with the local profile; returns the crawl's final stats."""
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
        **(env or {}),
    }
    result = subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=timeout, check=False
    )
    log_file = tmp_path / f"crawl-{spider}-{stats_file.stem}.log"
    log_file.write_text(result.stdout + result.stderr, encoding="utf-8")
    assert result.returncode == 0, f"crawl failed ({result.returncode}); log: {log_file}\n{result.stderr[-3000:]}"
    assert stats_file.exists(), f"no stats written; log: {log_file}\n{result.stderr[-3000:]}"
    stats = json.loads(stats_file.read_text(encoding="utf-8"))
    stats["_log"] = str(log_file)
    return stats
