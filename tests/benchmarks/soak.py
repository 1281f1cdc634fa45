"""`make soak`: a long crawl under faults, to show slow leaks, queue growth and database-side growth (issue 14 item 3).

A generated news site (the pages of tests/tools/gensite.py, made on request so 200,000 of them cost no memory) on
a local fault-injecting server (tests/tools/fault_server.py): 1% of the URLs answer their first request with one
of the fault matrix's transient faults (503, 500, 429 with Retry-After, a connection reset, a body cut short three
ways, an empty 200). One crawler node with the distributed profile (leased requests in a local Redis with an
append-only file) stores into a local MongoDB-compatible server that is restarted, on the same port and storage
path, every --db-restart-every seconds.

Prints the crawler's RSS every --report-every pages, then items expected / stored / lost / duplicated, the sizes of
Redis and the database, and as its last line a JSON object:
{"pages", "lost", "duplicated", "rss_start_mb", "rss_end_mb", "rss_growth_mb_per_100k", ...}.
Target: 0 lost, 0 duplicated, RSS growth under 20 MB per 100,000 pages. RSS growth is measured from the first
report (after warm-up) to the last.

    python tests/benchmarks/soak.py [--pages 200000] [--db-restart-every 180] [--db-restart-every-requests N] [--smoke]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "deploy" / "dev"))

import redis  # noqa: E402
from localdb import start_server  # noqa: E402
from pymongo import MongoClient  # noqa: E402

from tests.tools.fault_server import Fault, FaultServer  # noqa: E402
from tests.tools.gensite import ORIGIN, PER_PAGE  # noqa: E402
from tests.tools.loopback import SETTINGS_MODULE  # noqa: E402
from tests.tools.redis_server import RedisServer  # noqa: E402
from tests.tools.site_server import Resource  # noqa: E402

SPIDER = "gensite"
HOST = ORIGIN.split("//", 1)[1]
ARTICLE = re.compile(r"/news/(\d+)-generated-story")
START = datetime(2026, 1, 1, tzinfo=UTC)
# the fault matrix's transient faults: each hits a URL's first request only, so a retry gets the page
FAULTS = (
    Fault("status", times=1, status=503),
    Fault("status", times=1, status=500),
    Fault("status", times=1, status=429, headers={"Retry-After": "1"}),
    Fault("reset", times=1),
    Fault("truncate-length", times=1),
    Fault("truncate-chunked", times=1),
    Fault("truncate-close", times=1),
    Fault("empty", times=1),
)


def published(number: int) -> datetime:
    return START + timedelta(minutes=10 * number)


def article_html(number: int) -> bytes:
    body = "".join(
        f"<p>Абзац {i} сгенерированной новости номер {number}. В Алматы прошло совещание, на котором обсудили "
        f"вопросы развития города, транспорта и образования.</p>" for i in range(1, 4)
    )
    return (
        f'<!DOCTYPE html><html lang="ru"><head><title>Новость {number}</title>'
        f'<link rel="canonical" href="{ORIGIN}/news/{number}-generated-story/"></head><body>'
        f"<h1>Сгенерированная новость {number}</h1>"
        f'<time class="published" datetime="{published(number).isoformat()}"></time>'
        f'<div class="article-body">{body}</div></body></html>'
    ).encode()


def list_html(page: int, articles: int) -> bytes:
    newest = articles - (page - 1) * PER_PAGE
    cards = "".join(
        f'<div class="card"><a class="card__link" href="/news/{n}-generated-story/">Новость {n}</a>'
        f'<time datetime="{published(n).isoformat()}"></time></div>'
        for n in range(newest, max(0, newest - PER_PAGE), -1)
    )
    pages = (articles + PER_PAGE - 1) // PER_PAGE
    nxt = f'<a class="next" href="/news/page/{page + 1}/">Далее</a>' if page < pages else ""
    return f'<!DOCTYPE html><html lang="ru"><head><title>Новости</title></head><body>{cards}{nxt}</body></html>'.encode()


class GeneratedRoutes(dict):
    """The site's pages, made when asked for (FaultServer looks routes up with `in`, `[]` and `get`)."""

    def __init__(self, articles: int):
        super().__init__()
        self.articles = articles
        self.pages = (articles + PER_PAGE - 1) // PER_PAGE

    def _make(self, key: str) -> Resource | None:
        path = key[len(HOST):] if key.startswith(HOST) else None
        if path is None:
            return None
        if match := re.fullmatch(r"/news/(\d+)-generated-story/?", path):
            number = int(match.group(1))
            return Resource(article_html(number)) if 1 <= number <= self.articles else None
        if path in ("/news/", "/news"):
            return Resource(list_html(1, self.articles))
        if match := re.fullmatch(r"/news/page/(\d+)/?", path):
            page = int(match.group(1))
            return Resource(list_html(page, self.articles)) if 1 <= page <= self.pages else None
        return None

    def __contains__(self, key) -> bool:
        return self._make(key) is not None

    def __getitem__(self, key):
        resource = self._make(key)
        if resource is None:
            raise KeyError(key)
        return resource

    def get(self, key, default=None):
        resource = self._make(key)
        return default if resource is None else resource


class OnePercentFaults(dict):
    """A fault for 1% of the URLs, chosen by a hash of the URL (the same on every run), kinds in turn."""

    def __init__(self, share: float):
        super().__init__()
        self.buckets = round(share * 10_000)

    def get(self, key, default=None):
        digest = int.from_bytes(hashlib.blake2b(key.rstrip("/").encode(), digest_size=8).digest(), "big")
        if digest % 10_000 < self.buckets:
            return FAULTS[(digest // 10_000) % len(FAULTS)]
        return default


class RestartGate(dict):
    """Wraps the faults (the server asks them once or twice per request, on its handler threads): at every
    `every`-th request one answer is held until the database has been restarted, so a restart lands mid-crawl
    however fast the crawl runs (the smoke run once finished in less than its 8-second restart period)."""

    def __init__(self, faults: dict, every: int):
        super().__init__()
        self.faults, self.every, self.requests = faults, every, 0
        self.due, self.done = threading.Event(), threading.Event()
        self._lock = threading.Lock()

    def get(self, key, default=None):
        with self._lock:
            self.requests += 1
            hold = self.every > 0 and self.requests % self.every == 0
        if hold:
            self.done.clear()
            self.due.set()
            self.done.wait(timeout=120)
        return self.faults.get(key, default)


def rss_mb(pid: int) -> float:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    match = re.search(r"VmRSS:\s+(\d+) kB", text)
    return int(match.group(1)) / 1024 if match else 0.0


def pages_served(server: FaultServer) -> int:
    with server._lock:  # the handler threads add keys meanwhile
        return sum(server.hits.values())


def dir_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200_000, help="articles on the site (list pages come on top)")
    parser.add_argument("--fault-share", type=float, default=0.01)
    parser.add_argument("--db-restart-every", type=float, default=180.0, help="seconds between database restarts")
    parser.add_argument("--db-restart-every-requests", type=int, default=0,
                        help="also restart the database at every N-th request to the site, holding that answer "
                        "until it is back (0: by time only)")
    parser.add_argument("--report-every", type=int, default=10_000, help="pages between RSS lines")
    parser.add_argument("--stall-after", type=float, default=600.0,
                        help="seconds without a page served before the crawl counts as stalled: its threads' "
                        "Python stacks are dumped into the crawl log (faulthandler, SIGABRT) and it is stopped")
    parser.add_argument("--smoke", action="store_true", help="a few hundred pages and one database restart")
    args = parser.parse_args()
    if args.smoke:
        args.pages, args.report_every, args.db_restart_every = 300, 100, 8.0
        args.db_restart_every_requests = 200  # at least one restart mid-crawl, however fast the crawl

    routes = GeneratedRoutes(args.pages)
    site = FaultServer(routes)
    gate = RestartGate(OnePercentFaults(args.fault_share), args.db_restart_every_requests)
    site.faults = gate
    list_pages = routes.pages
    print(f"soak: {args.pages} articles + {list_pages} list pages, {args.fault_share:.0%} faulty, "
          f"database restart every {args.db_restart_every:.0f}s", flush=True)

    with tempfile.TemporaryDirectory(dir=ROOT / ".local" if (ROOT / ".local").exists() else None) as tmp:
        workdir = Path(tmp)
        storage = workdir / "db"
        database, uri = start_server(storage, log=workdir / "db.log")
        port = int(uri.rsplit(":", 1)[1])
        redis_server = RedisServer(workdir / "redis").start()
        stats_file = workdir / "stats.json"
        log_path = workdir / "crawl.log"
        command = [
            sys.executable, "-m", "scrapy", "crawl", SPIDER, "-a", "sources=lists", "-a", f"max_pages={list_pages}",
            "-a", "since=2000-01-01",
        ]
        settings = {
            "SPIDER_MODULES": "kznews.spiders,tests.tools.gensite", "ROBOTSTXT_OBEY": "False",
            "DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False", "CONCURRENT_REQUESTS": "16",
            "CONCURRENT_REQUESTS_PER_DOMAIN": "16", "RETRY_TIMES": "3", "KZNEWS_RETRY_BACKOFF_BASE": "0.05",
            "KZNEWS_RETRY_BACKOFF_MAX": "1.0", "KZNEWS_RETRY_AFTER_MAX": "2.0", "MONGO_CLOSE_TIMEOUT": "60",
            "LOG_LEVEL": "INFO", "LOGSTATS_INTERVAL": "30", "KZNEWS_MONITOR_MIN_ITEMS": "1",
        }
        for key, value in settings.items():
            command += ["-s", f"{key}={value}"]
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("KZNEWS_", "MONGO_", "SCRAPY_"))},
            "PYTHONPATH": str(ROOT), "KZNEWS_PROFILE": "distributed", "SCRAPY_SETTINGS_MODULE": SETTINGS_MODULE,
            "KZNEWS_HOST_MAP": json.dumps(site.host_map), "KZNEWS_STATS_FILE": str(stats_file),
            "REDIS_URL": redis_server.url, "MONGO_URI": uri, "MONGO_DATABASE": "soak", "KZNEWS_NODE": "soak",
            "KZNEWS_SPILL_DIR": str(workdir / "spill"), "PYTHONFAULTHANDLER": "1",
        }
        reports: list[tuple[int, float]] = []  # (pages served, crawler RSS MB)
        restarts = 0
        started = time.monotonic()
        with site, log_path.open("w") as log:
            process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
            next_report = args.report_every
            next_restart = time.monotonic() + args.db_restart_every
            last_pages, last_progress, stalled = -1, time.monotonic(), False
            while process.poll() is None:
                time.sleep(0.5)
                pages = pages_served(site)
                if pages != last_pages:
                    last_pages, last_progress = pages, time.monotonic()
                elif time.monotonic() - last_progress > args.stall_after and not stalled:
                    stalled = True
                    print(f"STALLED: no page served for {args.stall_after:.0f}s at {pages} pages; thread stacks "
                          f"dumped into {log_path}", flush=True)
                    process.send_signal(signal.SIGABRT)  # faulthandler writes every thread's stack, then it dies
                while pages >= next_report:
                    rss = rss_mb(process.pid)
                    reports.append((pages, rss))
                    print(f"pages {pages:>8d}  rss {rss:7.1f} MB  {time.monotonic() - started:7.0f}s", flush=True)
                    next_report += args.report_every
                if time.monotonic() >= next_restart or gate.due.is_set():
                    database.terminate()
                    database.wait(timeout=60)
                    time.sleep(1)
                    database, _ = start_server(storage, port=port, log=workdir / "db.log")
                    restarts += 1
                    print(f"database restarted ({restarts}) at {pages} pages", flush=True)
                    next_restart = time.monotonic() + args.db_restart_every
                    gate.due.clear()
                    gate.done.set()
            gate.done.set()
            code = process.returncode
        seconds = time.monotonic() - started
        stats = json.loads(stats_file.read_text()) if stats_file.exists() else {}

        client = MongoClient(uri, serverSelectionTimeoutMS=30_000)
        stored = Counter(int(m.group(1)) for doc in client.soak.articles.find({}, {"url": 1})
                         if (m := ARTICLE.search(doc["url"])))
        try:
            db_stats = client.soak.command("dbStats")
            db_size = f"{db_stats.get('dataSize', 0) / 1024 / 1024:.1f} MB data, {db_stats.get('objects', 0)} objects"
        except Exception as error:  # not every MongoDB-compatible server answers dbStats
            db_size = f"dbStats unavailable ({type(error).__name__})"
        client.close()
        db_disk = dir_mb(storage)
        r = redis.Redis.from_url(redis_server.url)
        redis_keys, redis_memory = r.dbsize(), r.info("memory").get("used_memory", 0) / 1024 / 1024
        r.close()
        redis_server.stop()
        database.terminate()
        database.wait(timeout=60)
        if code != 0:
            print(log_path.read_text()[-6000:], file=sys.stderr)

    expected = set(range(1, args.pages + 1))
    lost = len(expected - set(stored))
    duplicated = sum(1 for count in stored.values() if count > 1)
    pages = stats.get("downloader/response_count", pages_served(site))
    faults = sum(1 for outcomes in site.log.values() for _, outcome in outcomes if outcome not in ("ok", "404"))
    if reports:
        (p0, rss_start), (p1, rss_end) = reports[0], reports[-1]
    else:
        p0 = p1 = 0
        rss_start = rss_end = 0.0
    growth = (rss_end - rss_start) / (p1 - p0) * 100_000 if p1 > p0 else 0.0
    print(f"crawl exit code {code}, {seconds:.0f}s, {pages} responses, {faults} faulty answers served, "
          f"{restarts} database restarts, retries {stats.get('retry/count', 0)}, "
          f"mongo outages {stats.get('kznews/mongo/outages', 0)}")
    spilled, taken_back = stats.get("kznews/spill/items", 0), stats.get("kznews/spill/reloaded", 0)
    # spilled articles taken back by the run are stored; what stays in the spill file is not (it counts as lost)
    print(f"spilled during outages {spilled}, taken back by the run {taken_back}, left in the spill file "
          f"{spilled - taken_back}")
    print(f"items expected {len(expected)}, stored {len(stored)}, lost {lost}, duplicated {duplicated}")
    print(f"leases: leased {stats.get('kznews/distributed/leased', 0)}, released "
          f"{stats.get('kznews/distributed/released', 0)}, handed back {stats.get('kznews/distributed/handed_back', 0)}")
    print(f"redis at the end: {redis_keys} keys, {redis_memory:.1f} MB used; database: {db_size}, "
          f"{db_disk:.1f} MB on disk")
    print(json.dumps({
        "pages": pages, "lost": lost, "duplicated": duplicated, "rss_start_mb": round(rss_start, 1),
        "rss_end_mb": round(rss_end, 1), "rss_growth_mb_per_100k": round(growth, 1), "articles": args.pages,
        "stored": len(stored), "faults_served": faults, "db_restarts": restarts, "seconds": round(seconds),
        "exit_code": code, "stalled": stalled, "redis_keys": redis_keys, "redis_mb": round(redis_memory, 1),
        "db_disk_mb": round(db_disk, 1), "spilled": spilled, "taken_back": taken_back,
        "heap_trims": stats.get("kznews/memory/trims", 0), "heap_trimmed_mb": stats.get("kznews/memory/trimmed_mb", 0),
    }))
    # The soak's own verdict: nothing lost or stored twice, no stall, a crawl that finished. Exit 1 from the crawl
    # is a finished run whose checks failed, as they may under injected 429s and 503s (the `bans` check).
    sys.exit(0 if lost == 0 and duplicated == 0 and not stalled and code in (0, 1) else 1)


if __name__ == "__main__":
    main()
