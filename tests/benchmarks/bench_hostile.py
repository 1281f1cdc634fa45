"""Benchmark the parsers on the hostile-input corpus (tests/data/hostile): time and peak memory per case and parser.

Run from the repository root: ``python tests/benchmarks/bench_hostile.py`` (``make bench-hostile``), optionally
``--only html-deep-div,sitemap-gz-bomb`` and ``--parsers article,feed``. Each case runs through every parser the
crawler has (article and list with two site definitions, feed, sitemap, zakon.kz's JSON list hook) and through WARC
replay (the case written as a record, the archive indexed and the record read back as replay reads it, bounded by
DOWNLOAD_MAXSIZE); the WARC file of gzip bombs is indexed as one more row. Every run is a forked child of this
process, so its peak memory is its own: the figure is the child's peak resident set (the interpreter, the case's
bytes and the parse), compared with the 300 MB target; time is CPU time (this machine is shared; wall time is
printed too) compared with 2 s. Nothing is asserted: a row over a target is marked and listed in the JSON last line
(`over_2s`, `over_300mb`, `errors`, and the worst figures).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import dateparser  # noqa: E402, F401 - imported here, not in every child

import kznews.pipelines  # noqa: E402, F401
from kznews.warc import WarcArchive  # noqa: E402
from tests.data.hostile import parsers as P  # noqa: E402
from tests.data.hostile import warcs  # noqa: E402
from tests.data.hostile.cases import CASES, Target  # noqa: E402

TIME_TARGET = 2.0  # seconds of CPU per page and parser
MEMORY_TARGET = 300  # MB, peak resident set of the parsing process
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
HANG_GUARD = 300  # seconds: a child still parsing then is killed and reported
PARSER_NAMES = ("article", "list", "feed", "sitemap", "json_list", "warc")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run(parser: str, body: bytes, warc: Path | None):
    if parser in ("article", "list"):
        for site in P.SITES:
            P.PARSERS[parser](body, site)
    elif parser == "warc":
        archive = WarcArchive([warc])
        with contextlib.suppress(ValueError):  # over DOWNLOAD_MAXSIZE: a counted too_large in the crawl
            archive.get(f"{warcs.ORIGIN}/replay/", DOWNLOAD_MAXSIZE)
    elif parser == "warc-bombs":
        archive = WarcArchive([warc])
        for url in warcs.GOOD:
            archive.get(url, DOWNLOAD_MAXSIZE)
    else:
        P.PARSERS[parser](body)


def measure(parser: str, body: bytes, warc: Path | None = None) -> dict:
    """Run one parser on one body in a forked child; its wall and CPU seconds and peak memory."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        signal.alarm(HANG_GUARD)
        started, cpu = time.perf_counter(), time.process_time()
        error = None
        try:
            _run(parser, body, warc)
        except BaseException as exc:  # reported, not raised: the benchmark goes on
            error = f"{type(exc).__name__}: {exc}"[:300]
            traceback.print_exc()
        result = {"wall_s": round(time.perf_counter() - started, 3), "cpu_s": round(time.process_time() - cpu, 3),
                  "peak_mb": round(_peak_mb(), 1), "error": error}
        os.write(write, json.dumps(result).encode())
        os._exit(0)
    os.close(write)
    data = b""
    while chunk := os.read(read, 65536):
        data += chunk
    os.close(read)
    _, status = os.waitpid(pid, 0)
    if not data:
        return {"wall_s": None, "cpu_s": None, "peak_mb": None,
                "error": f"child ended without a result (signal {os.WTERMSIG(status)}: hang guard or memory)"}
    return json.loads(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="", help="comma-separated case names (default: all)")
    parser.add_argument("--parsers", default=",".join(PARSER_NAMES), help="comma-separated parsers")
    args = parser.parse_args(argv)
    names = [n for n in args.only.split(",") if n] or list(CASES)
    parsers = [p for p in args.parsers.split(",") if p]
    workdir = Path(tempfile.mkdtemp(prefix="kznews-bench-hostile-"))
    rows = []
    print(f"{'case':32} {'parser':10} {'bytes':>12} {'cpu s':>7} {'wall s':>7} {'peak MB':>8}  note")
    started = time.monotonic()

    def report(case: str, parser: str, size: int, result: dict) -> None:
        notes = []
        if result["error"]:
            notes.append("ERROR " + result["error"])
        if result["cpu_s"] is not None and result["cpu_s"] > TIME_TARGET:
            notes.append(f"over {TIME_TARGET:g} s")
        if result["peak_mb"] is not None and result["peak_mb"] > MEMORY_TARGET:
            notes.append(f"over {MEMORY_TARGET} MB")
        rows.append({"case": case, "parser": parser, "bytes": size, **result})
        cpu = "-" if result["cpu_s"] is None else f"{result['cpu_s']:.2f}"
        wall = "-" if result["wall_s"] is None else f"{result['wall_s']:.2f}"
        peak = "-" if result["peak_mb"] is None else f"{result['peak_mb']:.0f}"
        print(f"{case:32} {parser:10} {size:>12,} {cpu:>7} {wall:>7} {peak:>8}  {'; '.join(notes)}", flush=True)

    try:
        for name in names:
            body = CASES[name].body(Target())
            warc = None
            if "warc" in parsers:
                warc = warcs.write_corpus_warc(workdir / f"{name}.warc.gz",
                                               {f"{warcs.ORIGIN}/replay/": ("text/html; charset=utf-8", body)})
            for parser_name in parsers:
                report(name, parser_name, len(body), measure(parser_name, body, warc))
            if warc is not None:
                warc.unlink()
            del body
        if "warc" in parsers and not args.only:
            bombs = warcs.write_bomb_warc(workdir / "bombs.warc.gz")
            report("warc-bombs (4 GiB members)", "warc-index", bombs.stat().st_size, measure("warc-bombs", b"", bombs))
    finally:
        for path in workdir.iterdir():
            path.unlink()
        workdir.rmdir()

    measured = [r for r in rows if r["cpu_s"] is not None]
    worst_cpu = max(measured, key=lambda r: r["cpu_s"], default=None)
    worst_wall = max(measured, key=lambda r: r["wall_s"], default=None)
    worst_peak = max(measured, key=lambda r: r["peak_mb"], default=None)
    over_time = [f"{r['case']}/{r['parser']}" for r in measured if r["cpu_s"] > TIME_TARGET]
    over_memory = [f"{r['case']}/{r['parser']}" for r in measured if r["peak_mb"] > MEMORY_TARGET]
    errors = [f"{r['case']}/{r['parser']}: {r['error']}" for r in rows if r["error"]]
    summary = {
        "cases": len(names),
        "runs": len(rows),
        "worst_cpu_s": worst_cpu and worst_cpu["cpu_s"],
        "worst_cpu_run": worst_cpu and f"{worst_cpu['case']}/{worst_cpu['parser']}",
        "worst_wall_s": worst_wall and worst_wall["wall_s"],
        "worst_wall_run": worst_wall and f"{worst_wall['case']}/{worst_wall['parser']}",
        "worst_peak_mb": worst_peak and worst_peak["peak_mb"],
        "worst_peak_run": worst_peak and f"{worst_peak['case']}/{worst_peak['parser']}",
        "time_target_s": TIME_TARGET,
        "memory_target_mb": MEMORY_TARGET,
        "over_2s": over_time,
        "over_300mb": over_memory,
        "errors": errors,
        "seconds": round(time.monotonic() - started, 1),
        "ok": not over_time and not over_memory and not errors,
    }
    print()
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
