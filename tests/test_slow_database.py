"""A slow database is not a dead one (issue 17). Through a TCP proxy that delays every operation
(tests/tools/slow_proxy.py): writes in flight at close are waited for while the database answers a ping, counted
when they complete, and nothing is spilled; writes falling behind slow the crawl down (bounded pending articles)
instead of growing memory. The same proxy cutting the connections still gives the outage path: spill + error."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from scrapy import Spider
from scrapy.utils.test import get_crawler

from kznews.items import Article
from kznews.pipelines.store import MongoPipeline
from kznews.storage.spill import read_spill
from tests.tools import benchsite
from tests.tools.slow_proxy import SlowProxy

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
ERROR_LINE = re.compile(r"^\S+ \S+ \[[^\]]+\] ERROR: ", re.M)


class _Spider(Spider):
    name = "site"


def _pipeline(uri: str, database: str, **settings) -> MongoPipeline:
    crawler = get_crawler(_Spider, {"MONGO_URI": uri, "MONGO_DATABASE": database, **settings})
    crawler.spider = _Spider.from_crawler(crawler)
    return MongoPipeline.from_crawler(crawler)


def _item(n: int) -> Article:
    return Article(url=f"https://site.example.kz/news/{n}", site="site", lang="ru", title=f"Новость {n}",
                   body=f"Текст новости номер {n}. " * 10, fetched_at=NOW, published_at=NOW - timedelta(hours=1))


def _port(uri: str) -> int:
    return urlsplit(uri).port


def _feed(pipeline: MongoPipeline, count: int) -> list[int]:
    """Open, feed `count` items (recording the write lag after each), close; the lags."""
    lags = []

    async def run():
        await pipeline.open_spider()
        for n in range(1, count + 1):
            await pipeline.process_item(_item(n))
            lags.append(pipeline.pending_items)
        await pipeline.close_spider()

    asyncio.run(asyncio.wait_for(run(), 300))
    return lags


def test_writes_in_flight_on_a_slow_database_are_waited_for_past_the_close_timeout(tmp_path, mongo_uri, mongo_db):
    # every operation takes 0.15 s: a batch (alias lookup, bulk write, reprint linking) takes longer than the
    # whole close timeout, and several are pending at close
    with SlowProxy(_port(mongo_uri), latency=0.15) as proxy:
        pipeline = _pipeline(proxy.uri, mongo_db.name, MONGO_BATCH_SIZE=5, MONGO_MAX_PENDING_BATCHES=2,
                             MONGO_CLOSE_TIMEOUT=0.3, MONGO_PING_TIMEOUT_MS=5000, KZNEWS_SPILL_DIR=str(tmp_path))
        lags = _feed(pipeline, 40)
    stats = pipeline.crawler.stats.get_stats()
    assert mongo_db.articles.count_documents({}) == 40
    assert stats["kznews/mongo/upserted"] == 40  # counted when the late batches completed, before close returned
    assert stats["kznews/mongo/close_slow_seconds"] > 0  # close did wait past MONGO_CLOSE_TIMEOUT
    assert "kznews/spill/items" not in stats and stats["kznews/mongo/unstored"] == 0
    assert "kznews/mongo/outages" not in stats and "kznews/mongo/write_errors" not in stats
    assert not list(tmp_path.iterdir())  # no spill file
    # back-pressure: items waited for the writer, and the lag stayed within (pending batches + 2) batches
    assert stats["kznews/mongo/backpressure_waits"] > 0 and stats["kznews/mongo/backpressure_seconds"] > 0
    assert max(lags) <= (2 + 2) * 5 and stats["kznews/mongo/most_pending"] <= (2 + 2) * 5
    assert pipeline.pending_items == 0


class _Engine:
    """What the store pipeline uses of Scrapy's engine: pause/unpause, and the call that wakes it."""

    def __init__(self):
        self.paused = False
        self.pauses = self.wakes = 0
        self._slot = type("Slot", (), {"nextcall": type("Call", (), {"schedule": self._wake})()})()

    def pause(self):
        self.paused = True
        self.pauses += 1

    def unpause(self):
        self.paused = False

    def _wake(self):
        self.wakes += 1


def test_many_items_held_by_a_slow_database_pause_the_engine_until_half_found_room(tmp_path, mongo_uri, mongo_db):
    """Scrapy's scraper bounds held responses by bytes (5 MB), so small pages could each hold an item waiting for
    the database by the thousand: past a batch of held items the engine is paused, and resumed (and woken) when
    half have found room."""
    with SlowProxy(_port(mongo_uri), latency=0.05) as proxy:
        pipeline = _pipeline(proxy.uri, mongo_db.name, MONGO_BATCH_SIZE=5, MONGO_MAX_PENDING_BATCHES=1,
                             KZNEWS_SPILL_DIR=str(tmp_path))
        engine = pipeline.crawler.engine = _Engine()
        held_while_paused = []

        async def item(n):
            await pipeline.process_item(_item(n))
            if engine.paused:
                held_while_paused.append(pipeline._holding)

        async def run():
            await pipeline.open_spider()
            await asyncio.gather(*(item(n) for n in range(1, 61)))  # 60 responses' items at once
            await pipeline.close_spider()

        asyncio.run(asyncio.wait_for(run(), 300))
    assert mongo_db.articles.count_documents({}) == 60
    assert engine.pauses >= 1 and not engine.paused and engine.wakes >= engine.pauses
    assert pipeline.crawler.stats.get_value("kznews/mongo/engine_pauses") == engine.pauses
    assert held_while_paused and min(held_while_paused) > 5 // 2  # resumed once no more than half a batch waited


def test_a_cut_connection_is_still_an_outage_spilled_at_close(tmp_path, mongo_uri, mongo_db, caplog):
    with SlowProxy(_port(mongo_uri), latency=0.01) as proxy:
        pipeline = _pipeline(proxy.uri, mongo_db.name, MONGO_BATCH_SIZE=5, MONGO_CLOSE_TIMEOUT=1.0,
                             MONGO_TIMEOUT_MS=500, MONGO_PING_TIMEOUT_MS=500, MONGO_RETRY_MAX_SECONDS=0.2,
                             KZNEWS_SPILL_DIR=str(tmp_path))

        async def run():
            await pipeline.open_spider()
            for n in range(1, 11):
                await pipeline.process_item(_item(n))
            async with pipeline._changed:  # the first batches reach the database
                await pipeline._changed.wait_for(lambda: not pipeline.queue and not pipeline.inflight)
            proxy.cut()
            for n in range(11, 31):
                await pipeline.process_item(_item(n))
            await pipeline.close_spider()

        with caplog.at_level("WARNING"):
            asyncio.run(asyncio.wait_for(run(), 120))
    stats = pipeline.crawler.stats.get_stats()
    spilled = [d["url"] for f in tmp_path.glob("site-*.jsonl") for d in read_spill(f)]
    stored = {d["url"] for d in mongo_db.articles.find({}, {"url": 1})}
    assert stats["kznews/mongo/outages"] == 1 and stats["kznews/spill/items"] == len(spilled) > 0
    assert stored | set(spilled) == {f"https://site.example.kz/news/{n}" for n in range(1, 31)}  # nothing lost
    assert stats["kznews/mongo/unstored"] == len(spilled)
    assert "kznews/mongo/close_slow_seconds" not in stats  # a dead database is not waited for
    assert any("still unavailable" in r.getMessage() for r in caplog.records if r.levelname == "ERROR")


async def _until(predicate, seconds: float = 120) -> None:
    """Wait (polling) until predicate() holds; a hang guard, not a timed assertion."""
    for _ in range(int(seconds * 20)):
        if predicate():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("never happened")


@pytest.mark.parametrize("recovers", [True, False])
def test_a_write_outliving_the_socket_timeout_on_a_database_that_answers_is_written_again(
        recovers, tmp_path, mongo_uri, mongo_db):
    """Slow, not down: the batch is written again (not spilled, no outage). A database that stays that slow for
    SLOW_RETRIES attempts in a row is taken for down after all: outage path, spilled at close."""
    from kznews.pipelines.store import SLOW_RETRIES

    with SlowProxy(_port(mongo_uri)) as proxy:
        pipeline = _pipeline(proxy.uri, mongo_db.name, MONGO_BATCH_SIZE=5, MONGO_SOCKET_TIMEOUT_MS=300,
                             MONGO_TIMEOUT_MS=5000, MONGO_PING_TIMEOUT_MS=5000, MONGO_CLOSE_TIMEOUT=1.0,
                             MONGO_RETRY_MAX_SECONDS=0.2, KZNEWS_SPILL_DIR=str(tmp_path))
        stats = pipeline.crawler.stats

        async def run():
            await pipeline.open_spider()
            proxy.latency = 0.5  # every operation now outlives the 300 ms socket timeout; a ping (5 s) does not
            for n in range(1, 6):
                await pipeline.process_item(_item(n))
            if recovers:
                await _until(lambda: stats.get_value("kznews/mongo/slow_timeouts"))
                proxy.latency = 0
            else:
                await _until(lambda: stats.get_value("kznews/mongo/outages"))
            await pipeline.close_spider()

        asyncio.run(asyncio.wait_for(run(), 240))
    values = stats.get_stats()
    if recovers:
        assert mongo_db.articles.count_documents({}) == 5
        assert values["kznews/mongo/slow_timeouts"] >= 1 and "kznews/mongo/outages" not in values
        assert "kznews/spill/items" not in values and values["kznews/mongo/unstored"] == 0
    else:
        assert values["kznews/mongo/slow_timeouts"] == SLOW_RETRIES and values["kznews/mongo/outages"] == 1
        assert values["kznews/spill/items"] == 5 and values["kznews/mongo/unstored"] == 5


# --- crawls: five spiders in one process, replaying a generated archive, storing through the proxy --------------


def _crawl(archive: Path, built: dict, uri: str, database: str, tmp: Path, settings: dict[str, str],
           exit_status: int = 0) -> dict:
    """`exit_status`: 0 when everything is stored, 1 when articles were left in a spill file (docs/operations.md)."""
    stats_template = str(tmp / "stats-{spider}.json")
    command = [sys.executable, "-m", "kznews", "crawl", "--sites", ",".join(built["sites"]),
               "-a", "since=2000-01-01", "-a", f"max_pages={built['max_pages']}", "-a", "sources=lists",
               "-s", "LOG_LEVEL=INFO"]
    for name, value in settings.items():
        command += ["-s", f"{name}={value}"]
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("KZNEWS_", "MONGO_", "SCRAPY_"))},
           "KZNEWS_PROFILE": "local", "WARC_REPLAY": str(archive), "MONGO_URI": uri, "MONGO_DATABASE": database,
           "KZNEWS_STATS_FILE": stats_template, "KZNEWS_SPILL_DIR": str(tmp / "spill"), "PYTHONPATH": str(ROOT)}
    log = tmp / "crawl.log"
    with log.open("w") as stream:
        result = subprocess.run(command, cwd=ROOT, env=env, stdout=stream, stderr=subprocess.STDOUT, timeout=900,
                                check=False)
    text = log.read_text(encoding="utf-8", errors="replace")
    assert result.returncode == exit_status, text[-3000:]
    per_site = {site: json.loads(Path(stats_template.replace("{spider}", site)).read_text()) for site in built["sites"]}
    return {"stats": per_site, "log": text, "errors": ERROR_LINE.findall(text),
            "spilled": sum(s.get("kznews/spill/items", 0) for s in per_site.values()),
            "stored": sum(s.get("kznews/mongo/upserted", 0) for s in per_site.values())}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("slowdb") / "crawl.warc"
    built = benchsite.build_archive(path, 60, target_kb=20)
    return path, built


@pytest.mark.slow
def test_a_multi_spider_crawl_on_a_slow_database_stores_everything_and_spills_nothing(archive, tmp_path, mongo_uri,
                                                                                    mongo_db):
    path, built = archive
    batch, pending = 10, 1
    with SlowProxy(_port(mongo_uri), latency=0.03) as proxy:
        crawl = _crawl(path, built, proxy.uri, mongo_db.name, tmp_path,
                       {"MONGO_BATCH_SIZE": str(batch), "MONGO_MAX_PENDING_BATCHES": str(pending),
                        "MONGO_CLOSE_TIMEOUT": "0.5"})
    assert crawl["errors"] == []
    assert crawl["spilled"] == 0 and not (tmp_path / "spill").exists()
    assert crawl["stored"] == built["articles"] == mongo_db.articles.count_documents({})
    for site, stats in crawl["stats"].items():
        assert stats["kznews/mongo/unstored"] == 0, site
        assert "kznews/mongo/outages" not in stats, site
        # memory bounded: the write lag never went past the pending batches, the one being written and the buffer
        assert stats["kznews/mongo/most_pending"] <= (pending + 2) * batch, site
    assert sum(s.get("kznews/mongo/backpressure_waits", 0) for s in crawl["stats"].values()) > 0
    assert sum(s.get("kznews/mongo/close_slow_seconds", 0) for s in crawl["stats"].values()) > 0


@pytest.mark.slow
def test_a_multi_spider_crawl_whose_database_goes_down_spills_and_says_so(archive, tmp_path, mongo_uri, mongo_db):
    path, built = archive
    # the database goes away after a few dozen operations: early batches are stored, the rest is spilled
    with SlowProxy(_port(mongo_uri), latency=0.01, cut_after=60) as proxy:
        crawl = _crawl(path, built, proxy.uri, mongo_db.name, tmp_path,
                       {"MONGO_BATCH_SIZE": "10", "MONGO_CLOSE_TIMEOUT": "1", "MONGO_TIMEOUT_MS": "500",
                        "MONGO_PING_TIMEOUT_MS": "500", "MONGO_RETRY_MAX_SECONDS": "0.5"}, exit_status=1)
    spilled = {d["url"] for f in (tmp_path / "spill").glob("*.jsonl") for d in read_spill(f)}
    stored = {d["url"] for d in mongo_db.articles.find({}, {"url": 1})}
    assert crawl["spilled"] == len(spilled) > 0
    assert len(stored | spilled) == built["articles"]  # nothing lost
    assert any("still unavailable" in line for line in crawl["log"].splitlines() if " ERROR: " in line)
    assert sum(s.get("kznews/mongo/outages", 0) for s in crawl["stats"].values()) >= 1
