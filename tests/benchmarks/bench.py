"""`make bench`: kznews measured against Scrapy itself, trafilatura and dateparser, in one run on one machine.

1. Crawl throughput: a generated archive of article pages of five sites (100-200 KB each, made from the sites' own
   fixture pages by tests/tools/benchsite.py) plus their list pages, replayed from WARC through the real spiders,
   extraction, pipelines and MongoDB writes (the local MongoDB-compatible server, a separate process); pages per
   second and the crawl process's peak RSS. Then `scrapy bench` for the same length of time, and the ratio.
2. Extraction cost per article page, kznews against trafilatura on the same pages (every article fixture), with
   each one's field accuracy against the fixtures' expected values.
3. The date engine against tuned dateparser (tests/benchmarks/bench_dates.py).
4. Memory over a long run: RSS sampled through a 20,000-page replay; its growth per 10,000 pages.

Prints a table and, as its last line, a JSON object. Run from the repository root:
    python tests/benchmarks/bench.py [--articles-per-site 1040] [--long-pages 20000] [--quick | --smoke]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "deploy" / "dev"))

from localdb import start_server  # noqa: E402

from tests.tools import benchsite  # noqa: E402

PYTHON = sys.executable
ERROR_LINE = re.compile(r"\S+ \S+ \[[^\]]+\] ERROR: ")  # Scrapy's log format: date time [logger] LEVEL: message


# --- measuring a process ---------------------------------------------------------------------------------------


class RssSampler(threading.Thread):
    """Samples a process's resident memory (VmRSS) and peak (VmHWM) from /proc, with timestamps."""

    def __init__(self, pid: int, interval: float = 0.2):
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.samples: list[tuple[float, float]] = []  # (Unix time, MB): comparable with the log's timestamps
        self.peak_mb = 0.0
        self._done = threading.Event()

    def run(self) -> None:
        status = Path(f"/proc/{self.pid}/status")
        while not self._done.is_set():
            try:
                text = status.read_text()
            except OSError:
                return
            rss = re.search(r"VmRSS:\s+(\d+) kB", text)
            hwm = re.search(r"VmHWM:\s+(\d+) kB", text)
            if rss:
                self.samples.append((time.time(), int(rss.group(1)) / 1024))
            if hwm:
                self.peak_mb = max(self.peak_mb, int(hwm.group(1)) / 1024)
            self._done.wait(self.interval)

    def stop(self) -> None:
        self._done.set()
        self.join(timeout=5)


def run_crawl(archive: Path, sites: list[str], max_pages: int, uri: str, database: str, workdir: Path) -> dict:
    """Replay the archive through the real spiders in one process; throughput, memory and progress."""
    stats_template = str(workdir / f"stats-{database}-{{spider}}.json")
    command = [
        PYTHON, "-m", "kznews", "crawl", "--sites", ",".join(sites),
        "-a", "since=2000-01-01", "-a", f"max_pages={max_pages}", "-a", "sources=lists",
        "-s", "LOGSTATS_INTERVAL=1", "-s", "LOG_LEVEL=INFO",
    ]
    env = {
        **os.environ,
        "KZNEWS_PROFILE": "local",
        "WARC_REPLAY": str(archive),
        "MONGO_URI": uri,
        "MONGO_DATABASE": database,
        "KZNEWS_STATS_FILE": stats_template,
        "PYTHONPATH": str(ROOT),
    }
    log_path = workdir / f"crawl-{database}.log"
    started = time.monotonic()
    with log_path.open("w") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        sampler = RssSampler(process.pid)
        sampler.start()
        process.wait()
        sampler.stop()
    wall = time.monotonic() - started
    if process.returncode not in (0, 1):  # 1: a site failed its checks (kznews.monitoring.outcome), not a crash
        raise RuntimeError(f"crawl failed ({process.returncode}); see {log_path}")
    stats = [json.loads(Path(stats_template.replace("{spider}", s)).read_text()) for s in sites]
    begin = min(datetime.fromisoformat(s["start_time"]) for s in stats)
    end = max(datetime.fromisoformat(s["finish_time"]) for s in stats)
    seconds = (end - begin).total_seconds()
    pages = sum(s.get("warc/replayed", 0) for s in stats)
    # every ERROR line of the run's log, the process's own included, not only those a spider's stats counted
    error_lines = sum(1 for line in log_path.read_text(encoding="utf-8", errors="replace").splitlines()
                      if ERROR_LINE.match(line))
    return {
        "pages": pages,
        "items": sum(s.get("kznews/items", 0) for s in stats),
        "stored": sum(s.get("kznews/mongo/upserted", 0) for s in stats),
        "errors": sum(s.get("log_count/ERROR", 0) for s in stats),
        "error_lines": error_lines,
        "spilled": sum(s.get("kznews/spill/items", 0) for s in stats),
        "seconds": seconds,
        "wall_seconds": wall,
        "pages_per_s": pages / seconds if seconds else 0.0,
        "peak_rss_mb": sampler.peak_mb,
        "samples": sampler.samples,
        "log": log_path,
    }


def run_scrapy_bench(seconds: float, workdir: Path) -> dict:
    """`scrapy bench` (its own local server and spider) for about `seconds`: plain Scrapy, outside the project
    (a directory with no scrapy.cfg above it), with Scrapy's default settings."""
    bench_dir = Path(tempfile.mkdtemp(prefix="scrapy-bench-"))
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("SCRAPY_", "KZNEWS_"))}
    result = subprocess.run(
        [PYTHON, "-m", "scrapy", "bench", "-s", f"CLOSESPIDER_TIMEOUT={max(5, round(seconds))}"],
        cwd=bench_dir, env=environment, capture_output=True, text=True, timeout=seconds + 120, check=False,
    )
    output = result.stdout + result.stderr
    pages = re.search(r"'response_received_count': (\d+)", output)
    elapsed = re.search(r"'elapsed_time_seconds': ([\d.]+)", output)
    if not pages or not elapsed:
        raise RuntimeError("scrapy bench printed no stats:\n" + output[-2000:])
    return {"pages": int(pages.group(1)), "seconds": float(elapsed.group(1)),
            "pages_per_s": int(pages.group(1)) / float(elapsed.group(1))}


def rss_growth_per_10k(run: dict) -> float:
    """Slope of RSS against pages crawled over the second half of the run (after warm-up), MB per 10,000 pages.
    Pages crawled over time come from Scrapy's LogStats lines (one a second)."""
    progress = []
    for line in run["log"].read_text().splitlines():
        match = re.match(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) \[scrapy\.extensions\.logstats\] INFO: Crawled (\d+) pages", line)
        if match:
            progress.append((datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S").timestamp(), int(match.group(2))))
    if len(progress) < 4 or len(run["samples"]) < 8:
        return float("nan")
    points = []  # (pages crawled by then, RSS)
    for moment, rss in run["samples"]:
        before = [p for p in progress if p[0] <= moment]
        if before:
            points.append((before[-1][1], rss))
    half = [p for p in points if p[0] >= points[-1][0] / 2]
    if len(half) < 4:
        return float("nan")
    xs, ys = [p[0] for p in half], [p[1] for p in half]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    var = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / var if var else 0.0
    return slope * 10_000


# --- extraction against trafilatura ----------------------------------------------------------------------------


def _tokens(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def body_f1(found: str | None, expected: str | None) -> float:
    a, b = _tokens(found), _tokens(expected)
    if not a or not b:
        return 0.0
    from collections import Counter

    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    precision, recall = common / len(a), common / len(b)
    return 2 * precision * recall / (precision + recall)


def compare_extraction(repeat: int = 5, pages: int | None = None) -> dict:
    import trafilatura

    from kznews.dates import to_almaty
    from kznews.extract import extract_article
    from kznews.sites import get_site
    from tests.fixturecases import all_cases

    cases = [c for c in all_cases() if c.kind == "article"][:pages]
    ours_ms, theirs_ms = [], []
    right = {"ours": {}, "trafilatura": {}}
    f1 = {"ours": [], "trafilatura": []}

    def score(who: str, field: str, ok: bool) -> None:
        right[who].setdefault(field, 0)
        right[who][field] += bool(ok)

    for case in cases:
        html = case.page.read_text(encoding="utf-8")
        expected = json.loads(case.expected_path.read_text(encoding="utf-8"))
        site = get_site(case.site)
        lang = site.edition_for_url(case.url).lang
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            ours = extract_article(html, case.url, site, lang, case.fetched_at)
            times.append(time.perf_counter() - started)
        ours_ms.append(statistics.median(times) * 1000)
        times = []
        for _ in range(max(1, repeat // 2)):
            started = time.perf_counter()
            theirs = trafilatura.bare_extraction(html, url=case.url, with_metadata=True, date_extraction_params=None)
            times.append(time.perf_counter() - started)
        theirs_ms.append(statistics.median(times) * 1000)
        theirs = theirs if isinstance(theirs, dict) else (theirs.as_dict() if theirs is not None else {})

        expected_day = (
            to_almaty(datetime.fromisoformat(expected["published_at"])).date().isoformat()
            if expected.get("published_at") else None
        )
        expected_authors = {a.casefold() for a in expected.get("authors") or []}
        score("ours", "title", ours.title == expected.get("title"))
        score("trafilatura", "title", (theirs.get("title") or "").strip() == expected.get("title"))
        score("ours", "date (day)", bool(ours.published_at) and ours.published_at.date().isoformat() == expected_day)
        score("trafilatura", "date (day)", (theirs.get("date") or None) == expected_day)
        score("ours", "date (exact instant)", (ours.published_at.isoformat() if ours.published_at else None) == expected.get("published_at"))
        score("trafilatura", "date (exact instant)", False)  # trafilatura gives a day, not an instant
        their_authors = {a.strip().casefold() for a in re.split(r"[;,]", theirs.get("author") or "") if a.strip()}
        score("ours", "authors", {a.casefold() for a in ours.authors} == expected_authors)
        score("trafilatura", "authors", their_authors == expected_authors)
        for who, text in (("ours", ours.body), ("trafilatura", theirs.get("text"))):
            value = body_f1(text, expected.get("body"))
            f1[who].append(value)
            score(who, "body (F1 >= 0.9)", value >= 0.9)
    count = len(cases)
    return {
        "pages": count,
        "ours_ms_median": statistics.median(ours_ms),
        "trafilatura_ms_median": statistics.median(theirs_ms),
        "accuracy": {who: {field: hits / count for field, hits in fields.items()} for who, fields in right.items()},
        "body_f1_mean": {who: statistics.fmean(values) for who, values in f1.items()},
    }


def run_dates_bench(n: int) -> dict:
    result = subprocess.run(
        [PYTHON, str(ROOT / "tests" / "benchmarks" / "bench_dates.py"), "--n", str(n)],
        cwd=ROOT, capture_output=True, text=True, timeout=1800, check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- main --------------------------------------------------------------------------------------------------------


def _stop(server) -> None:
    server.terminate()
    try:
        server.wait(timeout=120)
    except subprocess.TimeoutExpired:
        server.kill()


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) / 1024 / 1024
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, {platform.platform()}, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles-per-site", type=int, default=1040)
    parser.add_argument("--long-pages", type=int, default=20_000)
    parser.add_argument("--dates", type=int, default=20_000)
    parser.add_argument("--quick", action="store_true", help="small sizes, to check the benchmark itself")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, seconds: checks the script (make test)")
    args = parser.parse_args()
    if args.quick:
        args.articles_per_site, args.long_pages, args.dates = 100, 2_000, 2_000
    extraction_pages = None
    if args.smoke:
        args.articles_per_site, args.long_pages, args.dates, extraction_pages = 3, 40, 50, 3

    results: dict = {"machine": machine()}
    with tempfile.TemporaryDirectory(dir=ROOT / ".local" if (ROOT / ".local").exists() else None) as tmp:
        workdir = Path(tmp)
        sites = [spec.site for spec in benchsite.SPECS]
        archive = workdir / "crawl.warc"
        built = benchsite.build_archive(archive, args.articles_per_site)
        server, uri = start_server(workdir / "db", log=workdir / "db.log")
        try:
            crawl = run_crawl(archive, sites, built["max_pages"], uri, "bench_crawl", workdir)
        finally:
            _stop(server)
        archive.unlink()
        # scrapy bench on a quiet machine: the database (which may still be writing out) is stopped first
        scrapy_bench = run_scrapy_bench(crawl["seconds"], workdir)

        long_archive = workdir / "long.warc"
        long_built = benchsite.build_archive(long_archive, args.long_pages, specs=benchsite.SPECS[:1])
        server, uri = start_server(workdir / "db-long", log=workdir / "db-long.log")
        try:
            long_run = run_crawl(
                long_archive, [benchsite.SPECS[0].site], long_built["max_pages"], uri, "bench_long", workdir
            )
        finally:
            _stop(server)
        long_archive.unlink()
        growth = rss_growth_per_10k(long_run)
    extraction = compare_extraction(repeat=1 if args.smoke else 5, pages=extraction_pages)
    dates = run_dates_bench(args.dates)

    ratio = crawl["pages_per_s"] / scrapy_bench["pages_per_s"]
    print(f"machine: {results['machine']}")
    print()
    print(f"{'measure':<52} {'kznews':>14} {'reference':>14}")
    print(f"{'crawl pages/s (' + str(crawl['pages']) + ' pages, ' + str(round(built['bytes'] / crawl['pages'] / 1024)) + ' KB avg)':<52} {crawl['pages_per_s']:>14.1f} {scrapy_bench['pages_per_s']:>14.1f}  (scrapy bench)")
    print(f"{'crawl / scrapy bench':<52} {ratio:>14.2f}")
    print(f"{'articles stored / expected':<52} {crawl['stored']:>14d} {built['articles']:>14d}")
    print(f"{'articles spilled; ERROR lines of the run (both 0)':<52} {crawl['spilled']:>14d} {crawl['error_lines']:>14d}")
    print(f"{'peak RSS of the crawl process, MB':<52} {crawl['peak_rss_mb']:>14.0f}")
    print(f"{'long run: pages, peak RSS MB':<52} {long_run['pages']:>14d} {long_run['peak_rss_mb']:>14.0f}")
    print(f"{'long run: RSS growth, MB per 10k pages':<52} {growth:>14.2f}")
    print(f"{'long run: articles spilled; ERROR lines (both 0)':<52} {long_run['spilled']:>14d} {long_run['error_lines']:>14d}")
    print(f"{'extraction ms/page, median (' + str(extraction['pages']) + ' fixture pages)':<52} {extraction['ours_ms_median']:>14.2f} {extraction['trafilatura_ms_median']:>14.2f}  (trafilatura)")
    for field in extraction["accuracy"]["ours"]:
        ours, theirs = extraction["accuracy"]["ours"][field], extraction["accuracy"]["trafilatura"][field]
        print(f"{'  accuracy: ' + field:<52} {ours:>14.1%} {theirs:>14.1%}")
    print(f"{'  body token F1, mean':<52} {extraction['body_f1_mean']['ours']:>14.3f} {extraction['body_f1_mean']['trafilatura']:>14.3f}")
    print(f"{'dates µs/string, median (' + str(dates['n']) + ' strings)':<52} {dates['engine_us_median']:>14.1f} {dates['dateparser_us_median']:>14.1f}  (dateparser)")
    print(f"{'dates speedup; dateparser right, engine wrong':<52} {dates['speedup']:>14.1f} {dates['dateparser_right_engine_wrong']:>14d}")
    print(json.dumps({
        "crawl_pages_per_s": round(crawl["pages_per_s"], 1),
        "scrapy_bench_pages_per_s": round(scrapy_bench["pages_per_s"], 1),
        "crawl_vs_scrapy_bench": round(ratio, 3),
        "crawl_pages": crawl["pages"],
        "crawl_items_stored": crawl["stored"],
        "crawl_items_expected": built["articles"],
        # both crawls (the 5-site one and the long one): a database that is only slow must cost neither
        "spilled": crawl["spilled"] + long_run["spilled"],
        "error_lines": crawl["error_lines"] + long_run["error_lines"],
        "peak_rss_mb": round(max(crawl["peak_rss_mb"], long_run["peak_rss_mb"]), 1),
        "long_run_pages": long_run["pages"],
        "rss_growth_mb_per_10k_pages": round(growth, 2),
        "extract_ms_median": round(extraction["ours_ms_median"], 2),
        "trafilatura_ms_median": round(extraction["trafilatura_ms_median"], 2),
        "extract_accuracy": extraction["accuracy"]["ours"],
        "trafilatura_accuracy": extraction["accuracy"]["trafilatura"],
        "dates_speedup_vs_dateparser": dates["speedup"],
        "dates_dateparser_right_engine_wrong": dates["dateparser_right_engine_wrong"],
    }))


if __name__ == "__main__":
    main()
