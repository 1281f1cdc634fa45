"""Incremental crawl benchmark (make bench-incremental).

A generated site of 2,000 articles (tests/tools/gensite.py) on a local server is crawled once in full; then 5% new
articles are published on top of its lists and the spider runs again as a scheduled run would (known URLs loaded
from the database, list walking stopping at the first page with nothing new). Prints the second run's requests
per new article, against a naive re-crawl of everything; the last line is a JSON object.

Run from the repository root: python tests/benchmarks/bench_incremental.py [--articles 2000] [--new-share 0.05]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "deploy" / "dev"))

from localdb import start_server  # noqa: E402

from tests.tools.crawl import run_spider  # noqa: E402
from tests.tools.gensite import PER_PAGE, GeneratedSite  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--new-share", type=float, default=0.05)
    parser.add_argument("--smoke", action="store_true", help="a tiny site: checks the script, measures nothing")
    args = parser.parse_args()
    if args.smoke:
        args.articles, args.new_share = 40, 0.1

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        database, uri = start_server(tmp_path / "db")
        try:
            site = GeneratedSite(args.articles, paragraphs=8)
            env = {
                "KZNEWS_HOST_MAP": json.dumps(site.server.host_map),
                "MONGO_URI": uri,
                "MONGO_DATABASE": "bench_incremental",
            }
            settings = {"SPIDER_MODULES": "kznews.spiders,tests.tools.gensite", "LOG_LEVEL": "WARNING"}
            full_pages = (args.articles + PER_PAGE - 1) // PER_PAGE
            with site.server:
                started = time.monotonic()
                first = run_spider(
                    "gensite", tmp_path=tmp_path, env=env, settings=settings,
                    args={"sources": "lists", "max_pages": str(full_pages)}, timeout=1800,
                )
                first_seconds = time.monotonic() - started
                new = site.add_new(int(args.articles * args.new_share))
                started = time.monotonic()
                second = run_spider(
                    "gensite", tmp_path=tmp_path, env=env, settings=settings,
                    args={"sources": "lists", "max_pages": str(full_pages)}, timeout=1800,
                )
                second_seconds = time.monotonic() - started
        finally:
            database.terminate()
            database.wait(timeout=30)

    first_requests = first["downloader/request_count"]
    second_requests = second["downloader/request_count"]
    naive_requests = len(site.articles) + (len(site.articles) + PER_PAGE - 1) // PER_PAGE
    per_new = second_requests / len(new)
    print(f"site: {args.articles} articles, {PER_PAGE} per list page; new on top: {len(new)}")
    print(f"first run  (full):        {first_requests:6d} requests, {first.get('kznews/items', 0):5d} items, {first_seconds:6.1f} s")
    print(f"second run (incremental): {second_requests:6d} requests, {second.get('kznews/items', 0):5d} items, {second_seconds:6.1f} s")
    print(f"known URLs looked up: {second.get('kznews/known/gensite/looked_up', 0)}, found: {second.get('kznews/known/gensite/found', 0)}; skipped as known: {second.get('kznews/known/gensite/skipped', 0)}")
    print(f"requests per new article: {per_new:.2f} (naive re-crawl: {naive_requests / len(new):.1f})")
    print(json.dumps({
        "articles": args.articles,
        "new_articles": len(new),
        "first_run_requests": first_requests,
        "second_run_requests": second_requests,
        "second_run_items": second.get("kznews/items", 0),
        "requests_per_new_article": round(per_new, 3),
        "naive_requests_per_new_article": round(naive_requests / len(new), 2),
    }))


if __name__ == "__main__":
    main()
