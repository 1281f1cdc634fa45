"""CC-NEWS reader benchmark (make bench-archives): the cost of finding a site's records in a CC-NEWS file.

A CC-NEWS-like WARC file is generated in memory (constructed: the real tengrinews pages of tests/fixtures/real/ as
the site's records, one in RECORD_EVERY, and the same real HTML under other hosts for the records of other sites,
one gzip member per record, as in CC-NEWS), then read the way the crawl reads it: in pieces of
KZNEWS_CCNEWS_CHUNK bytes, each decompressed as a stream by kznews.archives.ccnews.scan_members, the next piece
starting at the first member that did not end in this one. Prints the throughput (compressed and decompressed
MB per CPU second), the records kept, and the peak memory the scan allocated (tracemalloc) next to the size of the
piece it was handed: the claim is that memory is one piece plus one kept record, whatever the file size. The
last line is a JSON object.

Run from the repository root: python tests/benchmarks/bench_archives.py [--records 3000] [--chunk-mb 16]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kznews.archives.ccnews import scan_members, warc_head  # noqa: E402
from tests.tools.archive_server import Page, real, warc_file  # noqa: E402

RECORD_EVERY = 50  # one record of ours in this many (CC-NEWS holds thousands of sites)


def build(records: int) -> tuple[bytes, int]:
    pages_html = [real(name) for name in ("article-2023-09-27-2185.html", "article-2024-03-18-2362.html",
                                          "news-2024-10-15.html", "list-article-page1-2024-04-08.html")]
    at = datetime(2024, 4, 8, tzinfo=UTC)
    pages, kept = [], 0
    for i in range(records):
        body = pages_html[i % len(pages_html)] + f"<!-- {i} -->".encode()
        if i % RECORD_EVERY == 0:
            pages.append(Page(f"https://tengrinews.kz/news/story-{i}/", at, body))
            kept += 1
        else:  # other sites' pages: real HTML stands in for them, so the file compresses as HTML does
            pages.append(Page(f"https://other{i % 97}.example.org/news/{i}", at, body))
    data, _ = warc_file(pages, "bench.warc.gz")
    return data, kept


def wanted(head: bytes) -> bool:
    fields = warc_head(head)
    return fields.get("warc-type") == "response" and "tengrinews.kz" in fields.get("warc-target-uri", "")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--chunk-mb", type=float, default=16)
    args = parser.parse_args()
    data, expected = build(args.records)
    chunk = int(args.chunk_mb * 1024 * 1024)
    limit = 10 * 1024 * 1024

    tracemalloc.start()
    started = time.process_time()
    offset, found, decompressed, pieces, peak_over_piece = 0, 0, 0, 0, 0
    size = chunk
    while offset < len(data):
        piece = data[offset : offset + size]  # what one Range response holds
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        scan = scan_members(piece, offset, wanted, limit)
        peak_over_piece = max(peak_over_piece, tracemalloc.get_traced_memory()[1] - before)
        pieces += 1
        found += sum(1 for m in scan.members if m.record)
        decompressed += scan.decompressed
        if scan.consumed == 0:
            size *= 2
            continue
        offset, size = offset + scan.consumed, chunk
    seconds = time.process_time() - started
    tracemalloc.stop()

    compressed_mb = len(data) / 1e6
    print(f"file: {args.records} records, {compressed_mb:.1f} MB compressed, {expected} of them the site's")
    print(f"read in {pieces} pieces of {args.chunk_mb:g} MB: {found} records kept, {seconds:.2f} s CPU for "
          f"{decompressed / 1e6:.0f} MB decompressed: {decompressed / 1e6 / seconds:.0f} MB/s decompressed, "
          f"{compressed_mb / seconds:.1f} MB/s compressed (this file compresses {decompressed / len(data):.1f}x)")
    print(f"peak memory allocated by the scan beyond the piece itself: {peak_over_piece / 1e6:.1f} MB "
          f"(the piece: {chunk / 1e6:.1f} MB; the record limit: {limit / 1e6:.1f} MB)")
    per_gb = 1000 / (compressed_mb / seconds)  # CC-NEWS files are about 1 GB of gzipped HTML like this one
    print(f"a 1 GB CC-NEWS file at this rate: about {per_gb:.0f} s CPU (plus downloading 1 GB)")
    assert found == expected
    print(json.dumps({
        "records": args.records, "compressed_mb": round(compressed_mb, 1), "kept": found,
        "cpu_s": round(seconds, 2), "decompressed_mb_per_cpu_s": round(decompressed / 1e6 / seconds),
        "compressed_mb_per_cpu_s": round(compressed_mb / seconds, 1),
        "peak_scan_mb": round(peak_over_piece / 1e6, 1), "piece_mb": round(chunk / 1e6, 1),
        "cpu_s_per_ccnews_file": round(per_gb),
    }))


if __name__ == "__main__":
    main()
