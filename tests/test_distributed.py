"""Several machines, one crawl: two crawler processes with the distributed profile share Redis (Debian's
redis-server on loopback) and crawl the tengrinews mini-site; every URL is fetched exactly once and the union of
their items is the whole site."""

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter

import pytest
import redis

from tests.conftest import ROOT
from tests.tools import minisite
from tests.tools.loopback import SETTINGS_MODULE

pytestmark = pytest.mark.slow

SITE = "tengrinews"
REDIS_PASSWORD = f"redis-pw-{uuid.uuid4().hex[:10]}"
FAST = {  # the polite profile's delays are for the live sites, not for a loopback server
    "ROBOTSTXT_OBEY": "False",
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "2",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    assert os.path.exists(binary), "redis-server is missing: `make system-packages` installs Debian's redis-server"
    port = free_port()
    workdir = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
         "--dir", str(workdir), "--protected-mode", "yes", "--requirepass", REDIS_PASSWORD],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True,
    )
    url = f"redis://:{REDIS_PASSWORD}@127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + 20
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.1)
    yield url
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def gate(server, redis_url, nodes: int, seconds: float):
    """Hold every response until `nodes` nodes have joined the crawl, then answer each after `seconds`: both
    nodes are then certain to find work in the shared queue, whichever process started faster."""
    lookup = server.lookup
    ready = threading.Event()

    def held(key):
        ready.wait(timeout=90)
        time.sleep(seconds)
        return lookup(key)

    def watch():
        client = redis.Redis.from_url(redis_url, decode_responses=True)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not ready.is_set():
            if any(client.scard(key) >= nodes for key in client.scan_iter(f"kznews:{SITE}:*:nodes")):
                break
            time.sleep(0.05)
        ready.set()

    server.lookup = held
    threading.Thread(target=watch, daemon=True).start()


def start_node(name, tmp_path, env, settings):
    stats_file = tmp_path / f"stats-{name}.json"
    out = tmp_path / f"items-{name}.jsonl"
    command = [sys.executable, "-m", "scrapy", "crawl", SITE, "-a", "since=2000-01-01",
               "-s", "FEEDS=" + json.dumps({str(out): {"format": "jsonlines"}})]
    for key, value in settings.items():
        command += ["-s", f"{key}={value}"]
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "KZNEWS_PROFILE": "distributed",
                   "SCRAPY_SETTINGS_MODULE": SETTINGS_MODULE,
                   "KZNEWS_STATS_FILE": str(stats_file), "KZNEWS_NODE": name, **env}
    log = open(tmp_path / f"node-{name}.log", "w")  # noqa: SIM115 - closed after the process ends
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT)
    return process, log, stats_file, out


def run_nodes(names, tmp_path, env, settings=FAST, timeout=180, exit_status=0):
    """`exit_status`: 0, or 1 for a run expected to find no article (docs/operations.md, exit statuses)."""
    nodes = [start_node(name, tmp_path, env, settings) for name in names]
    results = {}
    for name, (process, log, stats_file, out) in zip(names, nodes, strict=True):
        code = process.wait(timeout=timeout)
        log.close()
        assert code == exit_status, (tmp_path / f"node-{name}.log").read_text()[-3000:]
        stats = json.loads(stats_file.read_text())
        items = [json.loads(line) for line in out.read_text().splitlines()] if out.exists() else []
        results[name] = (stats, items)
    return results


def test_two_nodes_fetch_every_url_once_and_together_store_the_whole_site(tmp_path, redis_url, mongo_uri, mongo_db):
    expected = set(minisite.expected_articles(SITE))
    with minisite.server(SITE) as server:
        gate(server, redis_url, nodes=2, seconds=0.1)
        env = {"REDIS_URL": redis_url, "KZNEWS_HOST_MAP": json.dumps(server.host_map),
               "MONGO_URI": mongo_uri, "MONGO_DATABASE": mongo_db.name}
        # at most two requests in flight per node, so neither node takes the whole queue into its downloader
        results = run_nodes(["node-a", "node-b"], tmp_path, env, settings={**FAST, "CONCURRENT_REQUESTS": "2"})
        hits = Counter(server.hits)

    (stats_a, items_a), (stats_b, items_b) = results["node-a"], results["node-b"]
    fetched = {n: s.get("downloader/request_count", 0) for n, (s, _) in results.items()}
    print(f"\nfetches per node: {fetched}; distinct URLs: {len(hits)}; items: a={len(items_a)} b={len(items_b)}")

    # every URL fetched exactly once across both nodes, and nothing fetched that nobody asked for
    assert hits and max(hits.values()) == 1, [k for k, v in hits.items() if v > 1]
    assert sum(fetched.values()) == len(hits)
    # both nodes worked on the one crawl, and the union of their items is the whole site, without overlap
    assert stats_a["kznews/distributed/crawl"] == stats_b["kznews/distributed/crawl"]
    assert all(count > 0 for count in fetched.values()), fetched
    urls_a, urls_b = {i["url"] for i in items_a}, {i["url"] for i in items_b}
    assert urls_a | urls_b == expected and not urls_a & urls_b
    assert {d["url"] for d in mongo_db.articles.find()} == expected
    assert stats_a.get("log_count/ERROR", 0) == stats_b.get("log_count/ERROR", 0) == 0
    # each node recorded its run, under the shared crawl id
    runs = list(mongo_db.runs.find())
    assert len(runs) == 2 and {r["crawl"] for r in runs} == {stats_a["kznews/distributed/crawl"]}
    assert {r["node"] for r in runs} == {"node-a", "node-b"}

    # the password in REDIS_URL is nowhere in the logs, the stats or the runs
    for path in tmp_path.iterdir():
        assert REDIS_PASSWORD not in path.read_text(), path
    assert REDIS_PASSWORD not in json.dumps(runs, default=str)

    # the crawl is over: no current crawl, and its keys expire
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    crawl = stats_a["kznews/distributed/crawl"]
    assert client.get(f"kznews:{SITE}:current") is None
    assert 0 < client.ttl(f"kznews:{SITE}:{crawl}:dupefilter") <= 3600


def test_the_next_scheduled_run_is_a_new_crawl_and_a_named_crawl_is_not_repeated(tmp_path, redis_url):
    with minisite.server(SITE) as server:
        env = {"REDIS_URL": redis_url, "KZNEWS_HOST_MAP": json.dumps(server.host_map), "MONGO_URI": ""}
        runs = []
        for step, environment in enumerate((env, env, named := {**env, "KZNEWS_CRAWL_ID": f"named-{uuid.uuid4().hex[:6]}"},
                                            named)):
            (tmp_path / str(step)).mkdir()
            # the named crawl run again finds everything seen: no article, which a crawl reports with exit 1
            runs.append(run_nodes(["solo"], tmp_path / str(step), environment, exit_status=1 if step == 3 else 0))
    first, second, third, fourth = runs
    crawls = [r["solo"][0]["kznews/distributed/crawl"] for r in (first, second, third, fourth)]
    items = [len(r["solo"][1]) for r in (first, second, third, fourth)]
    assert crawls[0] != crawls[1] and crawls[2] == crawls[3]
    # a new crawl fetches everything again; the same named crawl again finds everything already seen
    assert items[0] == items[1] == items[2] == 8 and items[3] == 0


def test_an_idle_node_waits_for_a_busy_one(redis_url):
    """The end of a crawl, without Scrapy: a node with nothing to do stays open while another is busy."""
    from scrapy.exceptions import DontCloseSpider
    from scrapy.settings import Settings

    from kznews.schedulers.distributed import Scheduler, crawl_keys

    class FakeSpider:
        name = f"unit{uuid.uuid4().hex[:6]}"
        settings = Settings()

    class FakeCrawler:
        settings = Settings({"REDIS_URL": redis_url, "KZNEWS_REDIS_NODE_TTL": 5})
        stats = None

        class signals:
            @staticmethod
            def connect(*args, **kwargs):
                pass

    spider = FakeSpider()
    a, b = Scheduler.from_crawler(FakeCrawler()), Scheduler.from_crawler(FakeCrawler())
    a.open(spider)  # the heartbeat's LoopingCall only waits for a reactor that never runs here
    b.open(spider)
    try:
        assert a.crawl_id == b.crawl_id and a.node != b.node
        with pytest.raises(DontCloseSpider):
            a.spider_idle(spider)  # b is busy
        b.spider_idle(spider)  # a is idle, the queue is empty: b may close
        a.spider_idle(spider)  # and so may a now
        assert set(a._live_nodes()) == {a.node, b.node}
    finally:
        a.close("finished")
        b.close("finished")
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    assert client.get(crawl_keys(spider.name, a.crawl_id)["current"]) is None
