"""Cost as the database grows (make bench-scale).

Stores the same new articles into databases already holding 10,000 and 300,000 generated articles of the crawled
site (plus their reprint copies on other sites, one cluster per `--cluster-every` articles) and prints the crawl
process's CPU milliseconds per stored article at each size: ArticleStore.store_articles (upserts, same-site
duplicates turned into aliases) and link_reprints (MinHash signatures, candidate search, cluster updates) in
batches of MONGO_BATCH_SIZE, as the store pipeline's writer thread calls them. Process CPU time (time.process_time)
is this process's only: the database server's own work is not in it. It includes the client's background threads
(pymongo's monitors), whose cost grows with the wall time, so a slow server inflates it: the CPU time of the calling
thread alone (time.thread_time; the store calls are synchronous in it) is printed beside it, `thread CPU`. Then the spider start-up cost with all those
URLs known: with KZNEWS_KNOWN_LOOKUP=batch (the default) a spider reads nothing at start and looks each list page's
URLs up when it parses it (ArticleStore.last_fetches): start-up is opening the store and the first page's lookup,
and each page costs one indexed query (run in a lookup thread while the page's callback awaits it, so the crawl goes
on meanwhile; the per-page figure here is the query's own latency). With `preload` it reads every known URL at
start (ArticleStore.known_urls over KZNEWS_KNOWN_DAYS; a backfill reads its window's, known_urls_published):
measured up to --preload-max, as it grows with the database (about 1 ms per URL on SecantusDB).

The history is generated with bulk inserts at a steady 400 articles a day ending now, so a larger database is a
longer history, not a denser week: the new articles' days hold the same articles in both databases. Older
articles get short bodies and random LSH band keys (the code measured never reads them); the last 10 days get real
bodies and real signatures, and the new articles include reprints of them, so reprint linking does real work.
The database is the bundled SecantusDB server (deploy/dev/localdb.py), slower than mongod; the CPU figures are the
client's, so they depend less on it than the wall times.

Run from the repository root: python tests/benchmarks/bench_scale.py [--sizes 10000,300000] [--new 1000]
Last line: {"cpu_ms_per_article_10k", "cpu_ms_per_article_300k", "growth_ratio", "startup_s_300k_known"}.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "deploy" / "dev"))

import numpy as np  # noqa: E402
from bson import Binary  # noqa: E402
from localdb import start_server  # noqa: E402

from kznews.storage import ArticleStore  # noqa: E402
from kznews.storage.reprints import BANDS, HASHER, band_keys  # noqa: E402

SITE = "tengrinews"
OTHER_SITES = ("nur", "zakon", "inform", "kursiv", "vlast", "orda", "kapital", "khabar", "kazpravda", "liter")
PER_DAY = 400
REAL_DAYS = 10  # the newest days get real bodies and signatures
BATCH = 200  # MONGO_BATCH_SIZE's default
VOCABULARY = (
    "Алматы Астана правительство министр заявил сегодня области развития вопросы проект строительство граждан "
    "программа бюджета регионе компании году рынок цены население решение совещание акимат школы больницы дороги "
    "транспорт энергетика экспорт зерно нефть газ тенге банк инфляция закон депутаты мажилис сенат выборы суд "
    "полиция пожар авария погода снег жара спорт футбол чемпионат олимпиада культура театр музей фестиваль"
)
WORDS = VOCABULARY.split()


def body(rng: random.Random, words: int) -> str:
    return " ".join(rng.choices(WORDS, k=words)) + "."  # one draw call a body: the generator makes 300,000


def fingerprint(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def article(site: str, number: int, text: str, published: datetime, fetched: datetime, cluster: str | None = None):
    url = f"https://{site}.example.kz/news/{number}-story"
    return {
        "url": url, "site": site, "lang": "ru", "title": f"Новость {number}", "body": text,
        "body_hash": fingerprint(text), "published_at": published, "fetched_at": fetched, "first_seen_at": fetched,
        "updated_at": fetched, "cluster_id": cluster or url,
    }


def signature_doc(doc: dict, real: bool, rng: np.random.Generator) -> dict:
    if real:
        signature = HASHER.signature(doc["body"])
        bands = np.asarray(band_keys(signature), dtype="<i8").tobytes()
        shingles = signature.shingles.tobytes()
    else:  # never read by the measured code: outside every article's window
        bands = rng.integers(-(2**62), 2**62, size=BANDS, dtype=np.int64).astype("<i8").tobytes()
        shingles = b""
    return {"_id": doc["url"], "site": doc["site"], "published_at": doc["published_at"], "cluster_id": doc["cluster_id"],
            "bands": Binary(bands), "shingles": Binary(shingles), "stored_at": doc["fetched_at"]}


def generate(store: ArticleStore, size: int, now: datetime, cluster_every: int, seed: int) -> dict:
    """`size` articles of SITE, one a 400th of a day apart ending now, and a reprint on another site of every
    `cluster_every`-th one; bulk inserts, then the collections' indexes. Returns counts and the seconds it took."""
    started = time.monotonic()
    rng, nrng = random.Random(seed), np.random.default_rng(seed)
    step = timedelta(days=1) / PER_DAY
    real_since = now - timedelta(days=REAL_DAYS)
    articles, signatures, copies = [], [], 0

    def flush():
        if articles:
            store.articles.insert_many(articles, ordered=False)
            store.signatures.insert_many(signatures, ordered=False)
            articles.clear()
            signatures.clear()

    for number in range(size):
        published = now - step * (number + 1)
        real = published >= real_since
        text = body(rng, 220 if real else 40)
        original = article(SITE, number, text, published, now - timedelta(days=rng.random() * 60))
        articles.append(original)
        signatures.append(signature_doc(original, real, nrng))
        if number % cluster_every == 0:
            site = OTHER_SITES[number // cluster_every % len(OTHER_SITES)]
            copy = article(site, number, text + " Источник: Tengrinews.kz", published + timedelta(minutes=40),
                           original["fetched_at"], cluster=original["url"])
            articles.append(copy)
            signatures.append(signature_doc(copy, real, nrng))
            copies += 1
        if len(articles) >= 5000:
            flush()
    flush()
    # After the load: SecantusDB maintains every index document by document on insert (the unique ones checked
    # first), about twice the server's work of building each once from the loaded collection (measured: 98 s
    # against 46 s for 40,000 articles). The client's socket timeout (15 minutes) outlasts each build.
    store.ensure_indexes()
    return {"site_articles": size, "reprint_copies": copies, "generate_s": round(time.monotonic() - started, 1)}


def new_articles(count: int, now: datetime, cluster_every: int, seed: int) -> list[dict]:
    """The articles the crawl stores: another site's, published over the last 2 days; every `cluster_every`-th
    reprints one of SITE's recent articles (the same text as the generator's, same seed)."""
    rng = random.Random(seed + 1)
    history = random.Random(seed)
    step = timedelta(days=1) / PER_DAY
    recent = []  # SITE's articles 0.. of the last 2 days: the generator's draws (a body, then a fetch time)
    for _ in range(2 * PER_DAY):
        recent.append(body(history, 220))
        history.random()
    docs = []
    for number in range(count):
        published = now - timedelta(days=2) * (number + 0.5) / count
        if number % cluster_every == 0:
            source = int((now - published) / step) - 1
            text = recent[max(0, min(source, len(recent) - 1))] + " Перепечатка."
        else:
            text = body(rng, 220)
        docs.append(article("bench", 10_000_000 + number, text, published, now))
    return docs


def store_cpu_ms(store: ArticleStore, docs: list[dict]) -> dict:
    cpu = thread_cpu = wall = 0.0
    linked = 0
    for start in range(0, len(docs), BATCH):
        batch = [dict(doc) for doc in docs[start : start + BATCH]]
        cpu_started, thread_started, wall_started = time.process_time(), time.thread_time(), time.perf_counter()
        counts = store.store_articles(batch)
        linked += store.link_reprints(counts.pop("to_link"))
        cpu += time.process_time() - cpu_started
        thread_cpu += time.thread_time() - thread_started
        wall += time.perf_counter() - wall_started
    return {"cpu_ms_per_article": round(cpu * 1000 / len(docs), 3), "wall_ms_per_article": round(wall * 1000 / len(docs), 3),
            "thread_cpu_ms_per_article": round(thread_cpu * 1000 / len(docs), 3), "linked": linked}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,300000", help="articles of the crawled site already stored")
    parser.add_argument("--new", type=int, default=1000, help="articles stored at each size")
    parser.add_argument("--cluster-every", type=int, default=10)
    parser.add_argument("--preload-max", type=int, default=30000, help="measure the preload up to this size")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes: checks the script, measures nothing")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    if args.smoke:
        sizes, args.new = [500, 1500], 100
    small, large = sizes[0], sizes[-1]
    now = datetime.now(UTC).replace(microsecond=0)
    results: dict[int, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        process, uri = start_server(Path(tmp) / "db")
        try:
            for size in sizes:
                database = f"bench_scale_{size}"
                store = ArticleStore(uri, database, site="bench", socket_timeout_ms=900_000)
                row = generate(store, size, now, args.cluster_every, seed=7)
                row.update(store_cpu_ms(store, new_articles(args.new, now, args.cluster_every, seed=7)))
                # batch lookups: start-up is the store and the first page's 20 URLs (10 stored, 10 not)
                page = [f"https://{SITE}.example.kz/news/{n}-story" for n in range(size - 10, size + 10)]
                started = time.perf_counter()
                loader = ArticleStore(uri, database)
                found = loader.last_fetches(page, now - timedelta(days=120))
                row["startup_s_known"] = round(time.perf_counter() - started, 3)
                assert len(found) == 10, found
                pages = [[f"https://{SITE}.example.kz/news/{n}-story" for n in range(k, k + 20)]
                         for k in range(0, size, max(20, size // 20))][:20]
                started = time.perf_counter()
                for urls in pages:
                    loader.last_fetches(urls, now - timedelta(days=120))
                row["lookup_ms_per_page"] = round((time.perf_counter() - started) * 1000 / len(pages), 1)
                row["known"] = row["preload_s"] = row["known_window_3d"] = row["preload_s_window_3d"] = None
                if size <= args.preload_max:
                    started = time.perf_counter()
                    row["known"] = len(loader.known_urls(SITE, ["ru"], now - timedelta(days=120)))
                    row["preload_s"] = round(time.perf_counter() - started, 2)
                    started = time.perf_counter()
                    window = loader.known_urls_published(SITE, ["ru"], now - timedelta(days=5), now - timedelta(days=2))
                    row["preload_s_window_3d"] = round(time.perf_counter() - started, 2)
                    row["known_window_3d"] = len(window)
                loader.close()
                store.close()
                results[size] = row
                print(f"{size:>8} stored articles (+{row['reprint_copies']} reprint copies, generated in "
                      f"{row['generate_s']} s): {row['cpu_ms_per_article']} CPU ms per stored article "
                      f"(thread CPU {row['thread_cpu_ms_per_article']} ms, {row['wall_ms_per_article']} ms wall, {row['linked']} linked of {args.new}); "
                      f"start-up (batch lookups) {row['startup_s_known']} s, then {row['lookup_ms_per_page']} ms per "
                      f"list page; preload: {row['known']} known URLs in {row['preload_s']} s, a 3-day backfill "
                      f"window's {row['known_window_3d']} in {row['preload_s_window_3d']} s", flush=True)
        finally:
            process.terminate()
            process.wait(timeout=60)
    first, last = results[small], results[large]
    summary = {
        "sizes": sizes,
        "new_articles": args.new,
        "cpu_ms_per_article_10k": first["cpu_ms_per_article"],
        "cpu_ms_per_article_300k": last["cpu_ms_per_article"],
        "growth_ratio": round(last["cpu_ms_per_article"] / first["cpu_ms_per_article"], 2),
        "thread_cpu_ms_per_article_10k": first["thread_cpu_ms_per_article"],
        "thread_cpu_ms_per_article_300k": last["thread_cpu_ms_per_article"],
        "thread_growth_ratio": round(last["thread_cpu_ms_per_article"] / max(first["thread_cpu_ms_per_article"], 1e-9), 2),
        "startup_s_300k_known": last["startup_s_known"],
        "lookup_ms_per_page_300k": last["lookup_ms_per_page"],
        "preload_s_by_size": {size: row["preload_s"] for size, row in results.items()},
        "database": "SecantusDB (bundled test server; slower than mongod)",
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
