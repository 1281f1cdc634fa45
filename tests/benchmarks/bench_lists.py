"""Benchmark: list pages without their layouts (kznews.extract.list_fallback) against what the layouts extract.

Run from the repository root:  python tests/benchmarks/bench_lists.py [--constructed]

For each page the site's list layouts are removed and the page is read again; the entries the layouts find are the
ground truth. Columns: entries the layouts find, entries found without them, how many of the layouts' entries were
found, titles equal, layout entries that carry a date, of those found without layouts dated, dates equal (the same
instant, or the same day when the list shows only a day), and how many entries the fallback puts in the page's main
list (`main`) and how many of those are the layouts' entries. Extra entries (found but not in the layouts) are
other article links of the page: sidebars, menus.

Real pages (tests/fixtures/real/) come first; they were saved by others and not written for these heuristics.
`--constructed` adds every list page of tests/fixtures/sites/ (constructed from evidence, not real markup; a
weaker check). The last line printed is a JSON object with the totals over the real pages and the median CPU time
of the fallback per page (parsing excluded).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kznews.extract import extract_list  # noqa: E402
from kznews.extract.html import parse_html  # noqa: E402
from kznews.sites import get_site  # noqa: E402
from kznews.urls import canonicalize_url  # noqa: E402

REAL = ROOT / "tests" / "fixtures" / "real" / "tengrinews"
# file, URL, fetch time (MANIFEST.tsv gives the day; an Almaty evening as the manifest says)
REAL_LISTS = [
    ("tag-almaty-2023-01-10.html", "https://tengrinews.kz/tag/алматы/", datetime(2023, 1, 10, 14, 0, tzinfo=UTC)),
    ("tag-almaty-2023-01-17.html", "https://tengrinews.kz/tag/Алматы/", datetime(2023, 1, 17, 14, 0, tzinfo=UTC)),
    ("news-2024-10-15.html", "https://tengrinews.kz/news/", datetime(2024, 10, 15, 14, 0, tzinfo=UTC)),
    ("list-article-page1-2024-04-08.html", "https://tengrinews.kz/article/page/1", datetime(2024, 4, 8, 7, 0, tzinfo=UTC)),
    ("home-2024-10-24-dom.html", "https://tengrinews.kz/", datetime(2024, 10, 24, 14, 0, tzinfo=UTC)),
]
COLUMNS = ("truth", "found", "matched", "titles_eq", "truth_dated", "dated", "dates_eq", "main", "main_in_truth")


def compare(html: str, url: str, site_name: str, fetched: datetime) -> tuple[dict, float]:
    site = get_site(site_name)
    bare = dataclasses.replace(site, list_layouts=())
    lang = site.edition_for_url(url).lang
    truth = extract_list(html, url, site, lang, fetched)
    tree = parse_html(html)
    started = time.process_time()  # CPU time: the figure does not depend on what else the machine runs
    got = extract_list(html, url, bare, lang, fetched, tree=tree)
    elapsed = time.process_time() - started
    expected = {canonicalize_url(e.url, site.host_aliases): e for e in truth.entries}
    found = {canonicalize_url(e.url, site.host_aliases): e for e in got.entries}
    common = [key for key in expected if key in found]
    row = {
        "truth": len(expected),
        "found": len(found),
        "matched": len(common),
        "titles_eq": sum(expected[k].title == found[k].title for k in common),
        "truth_dated": sum(e.day is not None for e in expected.values()),
        "dated": sum(found[k].day is not None for k in common if expected[k].day is not None),
        "dates_eq": sum(
            1
            for k in common
            if expected[k].day is not None
            and (expected[k].published_at, expected[k].published_day) == (found[k].published_at, found[k].published_day)
        ),
        "main": sum(not e.secondary for e in found.values()),
        "main_in_truth": sum(not e.secondary and k in expected for k, e in found.items()),
    }
    return row, elapsed


def print_row(name: str, row: dict) -> None:
    print(f"{name:48}" + "".join(f"{row[c]:>14}" for c in COLUMNS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--constructed", action="store_true", help="also the constructed list pages of every site")
    args = parser.parse_args()
    print(f"{'page (layouts removed)':48}" + "".join(f"{c:>14}" for c in COLUMNS))
    totals = dict.fromkeys(COLUMNS, 0)
    times = []
    for name, url, fetched in REAL_LISTS:
        row, elapsed = compare((REAL / name).read_text(encoding="utf-8"), url, "tengrinews", fetched)
        times.append(elapsed)
        print_row(f"real tengrinews/{name}", row)
        for column in COLUMNS:
            totals[column] += row[column]
    print_row("real, total", totals)
    if args.constructed:
        from tests.fixturecases import all_cases

        for case in all_cases():
            if case.kind == "list" and "real" not in str(case.page.parent.parent.name):
                row, _ = compare(case.page.read_text(encoding="utf-8"), case.url, case.site, case.fetched_at)
                print_row(f"constructed {case.id}", row)
    print(json.dumps({"real_pages": len(REAL_LISTS), **totals, "ms_median": round(statistics.median(times) * 1000, 1)}))


if __name__ == "__main__":
    main()
