"""Shared fixtures: a MongoDB-compatible server for the whole session (started here unless MONGO_URI is set;
never skipped). Spiders run in subprocesses through tests.tools.crawl.run_spider (re-exported here)."""

from __future__ import annotations

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

from tests.tools.crawl import run_spider  # noqa: E402

__all__ = ["run_spider"]


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
