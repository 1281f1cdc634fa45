"""A node of a distributed crawl dies (issue 14, item 1): three `scrapy crawl` nodes with the distributed profile share
one Redis (Debian's redis-server on loopback, started here) and one database and crawl a generated site of 2,000
articles; one node is SIGKILLed in the middle and another stopped with SIGTERM. The survivors reclaim what the dead
node had leased: every article is stored exactly once, and pages fetched twice are bounded by what the stopped
nodes held. Redis restarting in the middle of a crawl: the nodes wait and go on, nothing is lost."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest
import redis

from tests.conftest import ROOT
from tests.tools.gensite import PER_PAGE, GeneratedSite
from tests.tools.loopback import SETTINGS_MODULE
from tests.tools.redis_server import RedisServer

SPIDER = "gensite"
TTL = 6  # seconds without a heartbeat before a node's leases are reclaimed (small, for the test)
FAST = {
    "ROBOTSTXT_OBEY": "False",
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS": "8",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
    "SPIDER_MODULES": "kznews.spiders,tests.tools.gensite",
    "KZNEWS_REDIS_NODE_TTL": str(TTL),
    "LOG_LEVEL": "INFO",
}
ARTICLE = re.compile(r"/news/(\d+)-generated-story")


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.stop()


def start_node(name: str, tmp_path: Path, env: dict, pages: int) -> tuple[subprocess.Popen, Path, Path]:
    stats_file = tmp_path / f"stats-{name}.json"
    out = tmp_path / f"items-{name}.jsonl"
    command = [sys.executable, "-m", "scrapy", "crawl", SPIDER, "-a", "sources=lists", "-a", f"max_pages={pages}",
               "-a", "since=2000-01-01", "-s", "FEEDS=" + json.dumps({str(out): {"format": "jsonlines"}})]
    for key, value in FAST.items():
        command += ["-s", f"{key}={value}"]
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "KZNEWS_PROFILE": "distributed",
                   "SCRAPY_SETTINGS_MODULE": SETTINGS_MODULE, "KZNEWS_STATS_FILE": str(stats_file),
                   "KZNEWS_NODE": name, **env}
    log = open(tmp_path / f"node-{name}.log", "w")  # noqa: SIM115 - the child owns it; closed with the test
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT)
    return process, stats_file, out


def hold_until_joined(site: GeneratedSite, redis_url: str, nodes: int) -> None:
    """Answer nothing until `nodes` nodes have joined the crawl, so every node takes part whichever starts first."""
    lookup = site.server.lookup
    ready = threading.Event()

    def held(key):
        ready.wait(timeout=120)
        return lookup(key)

    def watch():
        client = redis.Redis.from_url(redis_url, decode_responses=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not ready.is_set():
            if any(client.scard(key) >= nodes for key in client.scan_iter(f"kznews:{SPIDER}:*:nodes")):
                break
            time.sleep(0.05)
        ready.set()

    site.server.lookup = held
    threading.Thread(target=watch, daemon=True).start()


def article_hits(site: GeneratedSite) -> int:
    return sum(1 for key in list(site.server.hits) if ARTICLE.search("/" + key))


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def leases_held(redis_url: str, node: str) -> int:
    client = redis.Redis.from_url(redis_url)
    return sum(client.hlen(key) for key in client.scan_iter(f"kznews:{SPIDER}:*:lease:{node}-*"))


def stats_of(stats_file: Path) -> dict:
    return json.loads(stats_file.read_text()) if stats_file.exists() else {}


def stored_numbers(mongo_db) -> Counter:
    return Counter(int(ARTICLE.search(doc["url"]).group(1)) for doc in mongo_db.articles.find({}, {"url": 1}))


@pytest.mark.slow
@pytest.mark.timeout(900)  # a hang guard: about 3.5 minutes on this 2-core machine under the usual load
def test_a_node_killed_and_a_node_stopped_lose_nothing(tmp_path, redis_server, mongo_uri, mongo_db):
    articles = 2000
    pages = (articles + PER_PAGE - 1) // PER_PAGE
    site = GeneratedSite(articles, paragraphs=2)
    env = {"REDIS_URL": redis_server.url, "KZNEWS_HOST_MAP": json.dumps(site.server.host_map),
           "MONGO_URI": mongo_uri, "MONGO_DATABASE": mongo_db.name}
    with site.server:
        hold_until_joined(site, redis_server.url, nodes=3)
        nodes = {name: start_node(name, tmp_path, env, pages) for name in ("node-a", "node-b", "node-c")}
        try:
            wait_for(lambda: article_hits(site) >= articles * 0.3, 400, "a third of the crawl")
            wait_for(lambda: leases_held(redis_server.url, "node-c") > 0, 120, "node-c to hold leases")
            nodes["node-c"][0].send_signal(signal.SIGKILL)  # dies with requests in flight and items unwritten
            killed_at = article_hits(site)
            wait_for(lambda: article_hits(site) >= articles * 0.55, 400, "half of the crawl")
            nodes["node-b"][0].send_signal(signal.SIGTERM)  # a clean stop: finishes or returns what it holds
            codes = {name: process.wait(timeout=600) for name, (process, _, _) in nodes.items()}
        finally:
            for process, _, _ in nodes.values():
                if process.poll() is None:
                    process.kill()
        hits = Counter(site.server.hits)

    stats = {name: stats_of(stats_file) for name, (_, stats_file, _) in nodes.items()}
    reclaimed = sum(s.get("kznews/distributed/reclaimed", 0) for s in stats.values())
    returned = stats["node-b"].get("kznews/distributed/returned", 0)
    twice = {key: count for key, count in hits.items() if count > 1}
    stored = stored_numbers(mongo_db)
    print(f"\nkilled node-c after {killed_at} article fetches; exit codes {codes}")
    print(f"fetches per node: { {n: s.get('downloader/request_count', 0) for n, s in stats.items()} }")
    print(f"leases reclaimed from the killed node: {reclaimed}; returned by the stopped node: {returned}")
    print(f"pages fetched more than once: {len(twice)}; articles stored: {len(stored)} of {articles}")

    assert codes["node-a"] == 0, (tmp_path / "node-node-a.log").read_text()[-3000:]
    assert codes["node-c"] == -signal.SIGKILL
    # nothing lost, nothing stored twice
    assert set(stored) == set(range(1, articles + 1)) and max(stored.values()) == 1
    # the dead node held requests (in flight or unwritten) and the survivors took them back
    assert reclaimed > 0
    # a page is fetched again only if a stopped node held it: bounded by what the killed node had leased and the
    # stopped node handed back
    assert len(twice) <= reclaimed + returned, sorted(twice)[:20]
    assert stats["node-a"].get("log_count/ERROR", 0) == 0
    # the crawl is over and nothing is left leased or queued
    client = redis.Redis.from_url(redis_server.url, decode_responses=True)
    crawl = stats["node-a"]["kznews/distributed/crawl"]
    assert client.get(f"kznews:{SPIDER}:current") is None
    assert client.zcard(f"kznews:{SPIDER}:{crawl}:requests") == 0
    assert not [key for key in client.scan_iter(f"kznews:{SPIDER}:{crawl}:lease:*") if client.hlen(key)]


@pytest.mark.slow
@pytest.mark.timeout(600)  # a hang guard: about 1.5 minutes under the usual load
def test_redis_restarting_mid_crawl_loses_nothing(tmp_path, redis_server, mongo_uri, mongo_db):
    articles = 600
    pages = (articles + PER_PAGE - 1) // PER_PAGE
    site = GeneratedSite(articles, paragraphs=2)
    env = {"REDIS_URL": redis_server.url, "KZNEWS_HOST_MAP": json.dumps(site.server.host_map),
           "MONGO_URI": mongo_uri, "MONGO_DATABASE": mongo_db.name}
    with site.server:
        hold_until_joined(site, redis_server.url, nodes=2)
        nodes = {name: start_node(name, tmp_path, env, pages) for name in ("node-a", "node-b")}
        try:
            wait_for(lambda: article_hits(site) >= articles * 0.3, 400, "a third of the crawl")
            redis_server.stop()
            time.sleep(2)  # less than the heartbeat TTL: no node counts as gone
            redis_server.start()
            codes = {name: process.wait(timeout=600) for name, (process, _, _) in nodes.items()}
        finally:
            for process, _, _ in nodes.values():
                if process.poll() is None:
                    process.kill()
        hits = Counter(site.server.hits)

    stats = {name: stats_of(stats_file) for name, (_, stats_file, _) in nodes.items()}
    outages = sum(s.get("kznews/distributed/redis_outages", 0) for s in stats.values())
    twice = {key: count for key, count in hits.items() if count > 1}
    stored = stored_numbers(mongo_db)
    print(f"\nRedis outages seen by the nodes: {outages}; pages fetched more than once: {len(twice)}; "
          f"articles stored: {len(stored)} of {articles}")
    assert codes == {"node-a": 0, "node-b": 0}, (tmp_path / "node-node-a.log").read_text()[-3000:]
    assert outages > 0  # the restart was noticed, not slept through
    assert set(stored) == set(range(1, articles + 1)) and max(stored.values()) == 1
    assert not twice, sorted(twice)[:20]
    for name, node_stats in stats.items():  # every lease taken was released (directly or by a request replacing it)
        done = sum(node_stats.get(f"kznews/distributed/{k}", 0) for k in ("released", "handed_back", "returned"))
        assert node_stats["kznews/distributed/leased"] == done, (name, node_stats)


def test_a_lease_moves_a_request_is_released_when_done_and_reclaimed_when_its_node_dies(redis_server):
    """The lease scripts without Scrapy processes: a pop moves, a release drops, a dead node's leases go back into
    the queue past the duplicate filter, a retry replaces its lease, a close returns what is left, and a Redis
    restart is waited out."""
    from scrapy import Request
    from scrapy.settings import Settings

    from kznews.schedulers.distributed import Scheduler
    from kznews.schedulers.leases import LEASE

    class FakeSpider:
        name = f"unit{uuid.uuid4().hex[:6]}"
        settings = Settings()

    class FakeCrawler:
        settings = Settings({"REDIS_URL": redis_server.url, "KZNEWS_REDIS_NODE_TTL": 30})
        stats = None

        class signals:
            @staticmethod
            def connect(*args, **kwargs):
                pass

    spider = FakeSpider()
    a, b = Scheduler.from_crawler(FakeCrawler()), Scheduler.from_crawler(FakeCrawler())
    a.open(spider)
    b.open(spider)
    client = redis.Redis.from_url(redis_server.url)
    queued = lambda: client.zcard(a.keys["requests"])  # noqa: E731
    leased = lambda node: client.hlen(a.keys["lease"] + node.node)  # noqa: E731
    try:
        for n in range(3):
            assert a.enqueue_request(Request(f"https://gen.example.kz/news/{n}-x/"))
        assert not a.enqueue_request(Request("https://gen.example.kz/news/0-x/"))  # the duplicate filter
        first, second = b.next_request(), b.next_request()
        assert queued() == 1 and leased(b) == 2  # moved, not copied
        b.ledger.callback_done(first.meta[LEASE])  # its callback is done and it yielded no item
        assert leased(b) == 1
        client.delete(a.keys["node"] + b.node)  # b's heartbeat expires: b is dead
        assert a.reclaim() == 1 and queued() == 2 and leased(b) == 0
        mine = [a.next_request(), a.next_request()]
        assert second.url in {r.url for r in mine} and a.next_request() is None  # reclaimed, not taken as seen
        # a retry (a copy with the same meta) replaces its lease: queued once, no longer leased
        retried = mine[0].replace(dont_filter=True)
        assert a.enqueue_request(retried) and queued() == 1 and leased(a) == 1
        # Redis restarting: nothing raises, requests wait on the node, and go on once it is back
        redis_server.stop()
        assert a.enqueue_request(Request("https://gen.example.kz/news/9-x/"))
        assert a.next_request() is None and a.has_pending_requests()
        redis_server.start()
        popped = {a.next_request().url, a.next_request().url}
        assert "https://gen.example.kz/news/9-x/" in popped and leased(a) == 3
    finally:
        a.close("finished")
        b.close("finished")
    assert queued() == 3 and leased(a) == 0  # a's unfinished leases went back into the queue at close
