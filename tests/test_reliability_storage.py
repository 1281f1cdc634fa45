"""Storage faults, unit by unit: conditional upserts for spill files, spill files, load-spill twice, a document the
database refuses (it must not block its batch), close_spider bounded on a dead database, a run reloading its own
spill file. The end-to-end outage, spill, SIGKILL and overlap scenarios are in tests/test_chaos.py."""

import asyncio
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from scrapy import Spider
from scrapy.utils.test import get_crawler

from kznews.items import Article
from kznews.pipelines.store import MongoPipeline
from kznews.storage import ArticleStore, redact_uri
from kznews.storage.spill import SpillFile, load_spill, read_spill

NOW = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


def doc(n: int, fetched: datetime = NOW, title: str | None = None) -> dict:
    return {"url": f"https://site.example.kz/news/{n}", "site": "site", "lang": "ru", "title": title or f"T{n}",
            "body": "Текст " * 20, "fetched_at": fetched, "published_at": fetched - timedelta(hours=1),
            "first_seen_at": fetched, "updated_at": fetched}


def test_upsert_if_newer_is_idempotent_and_never_goes_back(mongo_uri, mongo_db):
    store = ArticleStore(mongo_uri, mongo_db.name)
    try:
        store.ensure_indexes()
        assert store.upsert_if_newer([doc(1), doc(2)]) == {"inserted": 2, "updated": 0, "unchanged": 0, "stale": 0}
        assert store.upsert_if_newer([doc(1), doc(2)]) == {"inserted": 0, "updated": 0, "unchanged": 2, "stale": 0}
        newer = doc(1, NOW + timedelta(hours=2), title="newer")
        store.upsert_articles([newer])
        result = store.upsert_if_newer([doc(1)])  # an old spill file loaded after a newer crawl
        assert result["stale"] == 1 and result["updated"] == 0
        assert mongo_db.articles.find_one({"url": doc(1)["url"]})["title"] == "newer"
        assert mongo_db.articles.count_documents({}) == 2
    finally:
        store.close()


def test_spill_files_keep_exact_instants_and_skip_broken_lines(tmp_path):
    spill = SpillFile(tmp_path, "site")
    assert not spill
    spill.write([doc(1), doc(2)])
    with spill.path.open("a") as stream:
        stream.write('{"url": "https://site.example.kz/news/3", "title": "cut sh')  # killed mid-write
    invalid: list[int] = []
    docs = list(read_spill(spill.path, invalid))
    assert [d["url"] for d in docs] == [doc(1)["url"], doc(2)["url"]]
    assert docs[0]["fetched_at"] == NOW and docs[0]["fetched_at"].tzinfo is not None
    assert invalid == [3]


def test_load_spill_twice_stores_each_article_once(tmp_path, mongo_uri, mongo_db):
    spill = SpillFile(tmp_path, "site")
    spill.write([doc(n) for n in range(1, 8)])
    store = ArticleStore(mongo_uri, mongo_db.name)
    try:
        store.ensure_indexes()
        first = load_spill(store, spill.path, batch_size=3)
        second = load_spill(store, spill.path, batch_size=3)
    finally:
        store.close()
    assert first["inserted"] == 7 and second["inserted"] == 0 and second["unchanged"] == 7
    assert mongo_db.articles.count_documents({}) == 7


class _Spider(Spider):
    name = "site"


def _pipeline(uri: str, database: str, **settings) -> MongoPipeline:
    crawler = get_crawler(_Spider, {"MONGO_URI": uri, "MONGO_DATABASE": database, **settings})
    crawler.spider = _Spider.from_crawler(crawler)
    return MongoPipeline.from_crawler(crawler)


def _item(n: int, title: str | None = None) -> Article:
    return Article(url=f"https://site.example.kz/news/{n}", site="site", lang="ru", title=title or f"Новость {n}",
                   body="Текст новости. " * 10, fetched_at=NOW, published_at=NOW - timedelta(hours=1))


async def _open_and_spill(pipeline: MongoPipeline, numbers: range) -> None:
    """Opens the pipeline, then an outage: these articles arrive while the database is down and are spilled."""
    await pipeline.open_spider()
    pipeline._mark_down(ConnectionError("simulated outage"))
    for n in numbers:
        await pipeline.process_item(_item(n))
    pipeline._spill_waiting()  # past the bound while down


def test_a_document_the_database_refuses_does_not_hold_back_its_batch(mongo_uri, mongo_db):
    pipeline = _pipeline(mongo_uri, mongo_db.name, MONGO_BATCH_SIZE=10)

    async def run():
        await pipeline.open_spider()
        for n in range(1, 10):
            title = "Плохой \ud800 заголовок" if n == 5 else None  # a lone surrogate from a page's JSON-LD
            await pipeline.process_item(_item(n, title))
        await pipeline.close_spider()

    asyncio.run(asyncio.wait_for(run(), 60))
    assert mongo_db.articles.count_documents({}) == 9
    assert mongo_db.articles.find_one({"url": "https://site.example.kz/news/5"})["title"] == "Плохой ? заголовок"
    stats = pipeline.crawler.stats.get_stats()
    assert stats["kznews/mongo/repaired/site"] == 1
    assert "kznews/mongo/write_errors" not in stats  # not mistaken for an outage


def test_close_is_bounded_and_spills_when_the_database_never_comes_back(tmp_path):
    from localdb import free_port

    dead = f"mongodb://127.0.0.1:{free_port()}"
    pipeline = _pipeline(dead, "kznews", MONGO_TIMEOUT_MS=200, MONGO_CLOSE_TIMEOUT=1.0, MONGO_BATCH_SIZE=4,
                         KZNEWS_SPILL_AFTER=6, KZNEWS_SPILL_DIR=str(tmp_path), MONGO_RETRY_MAX_SECONDS=0.2)

    async def run():
        await pipeline.open_spider()
        for n in range(1, 21):
            await pipeline.process_item(_item(n))
        started = time.monotonic()
        await pipeline.close_spider()
        return time.monotonic() - started

    closing = asyncio.run(asyncio.wait_for(run(), 60))
    assert closing < 30  # bounded (MONGO_CLOSE_TIMEOUT plus one write attempt), not forever: a hang guard
    files = list(tmp_path.glob("site-*.jsonl"))
    assert len(files) == 1
    urls = [d["url"] for d in read_spill(files[0])]
    assert sorted(urls) == sorted(f"https://site.example.kz/news/{n}" for n in range(1, 21))  # all, once
    stats = pipeline.crawler.stats.get_stats()
    assert stats["kznews/spill/items"] == 20 and stats["kznews/mongo/outages"] == 1


def test_a_run_that_spilled_loads_its_file_when_the_database_is_back(tmp_path, mongo_uri, mongo_db):
    pipeline = _pipeline(mongo_uri, mongo_db.name, KZNEWS_SPILL_DIR=str(tmp_path), MONGO_BATCH_SIZE=100)

    async def run():
        await _open_and_spill(pipeline, range(1, 6))
        pipeline._mark_up()
        for n in range(6, 9):
            await pipeline.process_item(_item(n))
        await pipeline.close_spider()

    asyncio.run(asyncio.wait_for(run(), 60))
    assert mongo_db.articles.count_documents({}) == 8
    assert not list(tmp_path.glob("*.jsonl")) and len(list(tmp_path.glob("*.jsonl.loaded"))) == 1
    assert pipeline.crawler.stats.get_value("kznews/spill/reloaded") == 5


def test_spilled_articles_are_taken_back_during_the_run_once_the_database_answers(tmp_path, mongo_uri, mongo_db):
    """An outage long enough to spill, then the database back while the crawl goes on: the writer takes the spilled
    articles back from the file before the run ends (a long crawl with many outages must not end with thousands of
    articles on disk), taking turns with fresh batches, and the file taken back whole is marked loaded at close."""
    from pymongo.errors import AutoReconnect

    pipeline = _pipeline(mongo_uri, mongo_db.name, KZNEWS_SPILL_DIR=str(tmp_path), MONGO_BATCH_SIZE=5,
                         KZNEWS_SPILL_AFTER=7, MONGO_RETRY_MAX_SECONDS=0.2, MONGO_FLUSH_SECONDS=0.1)
    down = True
    seen_during_run: dict[str, int] = {}

    async def run():
        await pipeline.open_spider()
        real = pipeline.store.store_articles

        def store_articles(batch):
            if down:
                raise AutoReconnect("simulated restart")
            return real(batch)

        pipeline.store.store_articles = store_articles
        for n in range(1, 31):
            await pipeline.process_item(_item(n))
        assert pipeline.spill.written >= 20 and mongo_db.articles.count_documents({}) == 0
        nonlocal down
        down = False
        for n in range(31, 41):  # the crawl goes on: fresh batches and spilled ones take turns
            await pipeline.process_item(_item(n))
        for _ in range(300):
            if not pipeline._reload_due() and not pipeline.pending_items:
                break
            await asyncio.sleep(0.05)
        seen_during_run["stored"] = mongo_db.articles.count_documents({})
        seen_during_run["reloaded"] = pipeline.crawler.stats.get_value("kznews/spill/reloaded")
        await pipeline.close_spider()

    asyncio.run(asyncio.wait_for(run(), 90))
    spilled = pipeline.crawler.stats.get_value("kznews/spill/items")
    assert seen_during_run == {"stored": 40, "reloaded": spilled}, seen_during_run
    assert mongo_db.articles.count_documents({}) == 40
    assert not list(tmp_path.glob("*.jsonl")) and len(list(tmp_path.glob("*.jsonl.loaded"))) == 1
    stats = pipeline.crawler.stats.get_stats()
    assert stats["kznews/mongo/unstored"] == 0 and stats["kznews/mongo/outages"] >= 1
    assert "kznews/spill/not_taken_back" not in stats


def test_a_spilled_article_a_bug_keeps_out_stays_in_the_file_once(tmp_path, mongo_uri, mongo_db):
    """Taking back goes past an article a bug keeps out of the database (not appended again, not retried in a
    loop); the file keeps it and is not marked loaded, and the run counts it as not stored."""
    pipeline = _pipeline(mongo_uri, mongo_db.name, KZNEWS_SPILL_DIR=str(tmp_path), MONGO_BATCH_SIZE=100)

    async def run():
        await _open_and_spill(pipeline, range(1, 7))
        real = pipeline.store.store_articles

        def store_articles(batch):
            if any(doc["url"].endswith("/news/3") for doc in batch):
                raise KeyError("injected bug")
            return real(batch)

        pipeline.store.store_articles = store_articles
        pipeline._mark_up()
        await pipeline.close_spider()

    asyncio.run(asyncio.wait_for(run(), 60))
    assert mongo_db.articles.count_documents({}) == 5
    files = list(tmp_path.glob("*.jsonl"))
    assert len(files) == 1 and len(list(read_spill(files[0]))) == 6  # nothing appended again
    stats = pipeline.crawler.stats.get_stats()
    assert stats["kznews/spill/reloaded"] == 5 and stats["kznews/spill/not_taken_back"] == 1
    assert stats["kznews/mongo/unstored"] == 1


def test_reading_a_spill_file_from_an_offset_stops_at_whole_lines(tmp_path):
    spill = SpillFile(tmp_path, "site")
    spill.write([doc(n) for n in range(1, 6)])
    end = spill.size
    first, offset, invalid = spill.read_from(0, end, 2)
    assert [d["url"] for d in first] == [doc(1)["url"], doc(2)["url"]] and invalid == 0
    spill.write([doc(6)])  # appended after `end` was taken: not read in this pass
    rest, offset, _ = spill.read_from(offset, end, 100)
    assert [d["url"][-1] for d in rest] == ["3", "4", "5"] and offset == end
    last, offset, _ = spill.read_from(offset, spill.size, 100)
    assert [d["url"] for d in last] == [doc(6)["url"]] and offset == spill.size == spill.path.stat().st_size


def test_a_bug_in_reprint_linking_is_reported_as_a_bug_and_the_batch_is_still_stored(mongo_uri, mongo_db, caplog):
    """Only connection-type errors are outages. Anything else raised while writing (here: a bug injected into reprint
    linking) is logged with its traceback and counted per site; the articles are stored, nothing is spilled."""
    pipeline = _pipeline(mongo_uri, mongo_db.name, MONGO_BATCH_SIZE=3)

    def broken(documents):
        raise KeyError("injected bug")

    async def run():
        await pipeline.open_spider()
        pipeline.store.link_reprints = broken
        for n in range(1, 8):
            await pipeline.process_item(_item(n))
        await pipeline.close_spider()

    with caplog.at_level("ERROR"):
        asyncio.run(asyncio.wait_for(run(), 60))
    assert mongo_db.articles.count_documents({}) == 7
    stats = pipeline.crawler.stats.get_stats()
    assert stats["kznews/mongo/write_bugs/site/KeyError"] == 3  # three batches of 3, 3 and 1
    assert "kznews/mongo/outages" not in stats and "kznews/mongo/write_errors" not in stats
    assert "kznews/spill/items" not in stats and stats["kznews/mongo/unstored"] == 0
    bugs = [r for r in caplog.records if "linking reprints" in r.getMessage()]
    assert bugs and bugs[0].exc_info and "not a database outage" in bugs[0].getMessage()
    assert not [r for r in caplog.records if "unavailable" in r.getMessage()]


def test_outages_are_connection_type_errors_only():
    from bson.errors import InvalidDocument
    from pymongo.errors import AutoReconnect, NetworkTimeout, OperationFailure, ServerSelectionTimeoutError

    from kznews.storage.errors import describe, is_auth_error, is_document_error, is_outage

    for error in (AutoReconnect("x"), NetworkTimeout("x"), ServerSelectionTimeoutError("x")):
        assert is_outage(error) and not is_document_error(error) and not is_auth_error(error), error
    # a wrong password or a missing privilege is not an outage: waiting does not fix it
    handshake = ServerSelectionTimeoutError(
        "authentication failed, full error: {'ok': 0.0, 'errmsg': 'authentication failed', 'code': 18, "
        "'codeName': 'AuthenticationFailed'}, Timeout: 3.0s, Topology Description: <...>")
    for error in (OperationFailure("Authentication failed.", code=18), OperationFailure("not authorized", code=13),
                  handshake):
        assert is_auth_error(error) and not is_outage(error) and not is_document_error(error), error
    line = describe(OperationFailure("Authentication failed.", code=18), redact_uri("mongodb://kz:secret@db:27017/"))
    assert "refused the credentials" in line and "secret" not in line and "\n" not in line
    for error in (KeyError("bug"), TypeError("bug"), OperationFailure("bad value", code=2), ValueError("x")):
        assert not is_outage(error), error
    assert is_document_error(InvalidDocument("x")) and not is_outage(InvalidDocument("x"))


def test_link_reprints_with_the_database_down_says_so_in_one_line_and_exits_1():
    import socket
    import subprocess
    import sys

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "MONGO_URI": f"mongodb://kz:pw@127.0.0.1:{port}", "MONGO_TIMEOUT_MS": "500"}
    done = subprocess.run([sys.executable, "-m", "kznews", "link-reprints"], cwd=Path(__file__).resolve().parents[1],
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1 and done.stdout == "", done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert f"127.0.0.1:{port} cannot be reached" in done.stderr and "kz:***@" in done.stderr and ":pw@" not in done.stderr


def test_a_bug_that_ends_the_write_loop_is_logged_and_the_loop_starts_again(mongo_uri, mongo_db, caplog):
    """A bug outside the guarded write (here: in the bookkeeping after a batch, as a broken lease hook once did in
    a soak) must not leave the crawl waiting for room that never comes: logged with its traceback, counted, and
    every article still stored."""
    pipeline = _pipeline(mongo_uri, mongo_db.name, MONGO_BATCH_SIZE=2, MONGO_MAX_PENDING_BATCHES=1)
    failures = []

    def broken_once(event, *args):
        if event == "written" and not failures:
            failures.append(event)
            raise RuntimeError("injected bug after a write")

    async def run():
        await pipeline.open_spider()
        pipeline._lease_hook = broken_once
        for n in range(1, 11):
            await pipeline.process_item(_item(n))
        await pipeline.close_spider()

    with caplog.at_level("ERROR"):
        asyncio.run(asyncio.wait_for(run(), 120))
    assert failures == ["written"]
    assert mongo_db.articles.count_documents({}) == 10
    stats = pipeline.crawler.stats.get_stats()
    assert stats["kznews/mongo/writer_restarts"] == 1 and stats["kznews/mongo/unstored"] == 0
    ended = [r for r in caplog.records if "writer failed" in r.getMessage()]
    assert len(ended) == 1 and ended[0].exc_info
