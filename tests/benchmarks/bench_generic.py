"""`make bench-generic`: what the article extractor makes of pages whose layout it does not know.

1. Real pages: tests/data/aeb-dev, 88 pages of the public article-extraction benchmark with hand-made bodies.
   kznews reads them with no site knowledge at all (`extract_article` with the generic site of
   kznews.extract.page: no layouts, no boilerplate rules, no URL rules); trafilatura 2.3.1 reads the same pages in
   the same process with the call of the benchmark's own trafilatura entry, `trafilatura.extract(html,
   include_comments=False)` (its defaults otherwise: fallback extractors on, neither precision nor recall
   favoured). Bodies are scored with the benchmark's rule (tests/aebscore.py), for all pages and for each half
   (dev: the half the extractor was developed on; check: sites it was not tuned to).
2. Our sites without their layouts: every article fixture of every site (tests/fixtures/sites/*/cases.json),
   extracted by the site with its article and list layouts removed, body F1 (the same shingle scoring) against
   the expected body: what a redesign would cost each site.
3. Bad input: empty, text-less, binary, 20 MB and deeply nested pages through `extract_article`: time and outcome.

Cost per page: the median of --repeat runs on the page's text, parse included, ours and trafilatura interleaved
page by page (so a busy machine slows both alike); ms_median is the median over pages of wall time, cpu_ms_median
the same in process CPU time (what the work costs whatever else runs on the machine).
Prints tables and, as its last line, a JSON object. Run from the repository root:
    python tests/benchmarks/bench_generic.py [--repeat 3] [--pages N]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kznews.extract import extract_article  # noqa: E402
from kznews.extract.page import generic_site, without_layouts  # noqa: E402
from kznews.sites import get_site  # noqa: E402
from tests.aebscore import aeb_pages, aggregate, page_counts, page_f1  # noqa: E402
from tests.fixturecases import all_cases  # noqa: E402

# The benchmark's pages were fetched in November 2019; the fetch time only bounds dates ("not in the future").
AEB_FETCHED = datetime(2019, 12, 1, tzinfo=UTC)


def _timed(function, repeat: int):
    """The result, and the median wall and CPU milliseconds of `repeat` runs."""
    wall, cpu, result = [], [], None
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = function()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return result, statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def bench_aeb(repeat: int, limit: int | None) -> dict:
    import trafilatura

    pages = aeb_pages()[:limit] if limit else aeb_pages()
    ours: dict[str, str] = {}
    theirs: dict[str, str] = {}
    ours_ms, theirs_ms, ours_cpu, theirs_cpu = [], [], [], []
    # One-time costs (imports, trafilatura's stop lists) are not a page's: both read one page before timing.
    extract_article(pages[0].html(), pages[0].url, generic_site(pages[0].url), "", AEB_FETCHED)
    for page in pages[:3]:
        trafilatura.extract(page.html(), include_comments=False)
    for page in pages:
        html = page.html()
        site = generic_site(page.url)
        data, ms, cpu = _timed(
            lambda html=html, site=site, page=page: extract_article(html, page.url, site, "", AEB_FETCHED), repeat
        )
        ours[page.key] = data.body or ""
        ours_ms.append(ms)
        ours_cpu.append(cpu)
        text, ms, cpu = _timed(lambda html=html: trafilatura.extract(html, include_comments=False), repeat)
        theirs[page.key] = text or ""
        theirs_ms.append(ms)
        theirs_cpu.append(cpu)

    def scores(bodies: dict[str, str], half: str | None) -> dict:
        chosen = [p for p in pages if half is None or p.half == half]
        return aggregate([page_counts(p.expected, bodies[p.key]) for p in chosen])

    return {
        "pages": len(pages),
        "ours": {half or "all": scores(ours, half) for half in (None, "dev", "check")},
        "trafilatura": {half or "all": scores(theirs, half) for half in (None, "dev", "check")},
        "ours_ms_median": statistics.median(ours_ms),
        "trafilatura_ms_median": statistics.median(theirs_ms),
        "ours_cpu_ms_median": statistics.median(ours_cpu),
        "trafilatura_cpu_ms_median": statistics.median(theirs_cpu),
        "ours_ms_p90": statistics.quantiles(ours_ms, n=10)[-1],
        "trafilatura_ms_p90": statistics.quantiles(theirs_ms, n=10)[-1],
        "worst": sorted(
            (page_f1(p.expected, ours[p.key]), page_f1(p.expected, theirs[p.key]), p.half, p.host) for p in pages
        )[:8],
    }


def bench_sites_without_layouts() -> dict:
    per_site: dict[str, list[float]] = {}
    for case in all_cases():
        if case.kind != "article":
            continue
        site = without_layouts(get_site(case.site))
        expected = json.loads(case.expected_path.read_text(encoding="utf-8"))
        lang = site.edition_for_url(case.url).lang
        data = extract_article(case.page.read_text(encoding="utf-8"), case.url, site, lang, case.fetched_at)
        per_site.setdefault(case.site, []).append(page_f1(expected.get("body"), data.body))
    return {
        "per_site": {site: statistics.fmean(values) for site, values in sorted(per_site.items())},
        "pages": sum(len(v) for v in per_site.values()),
        "mean": statistics.fmean(v for values in per_site.values() for v in values),
    }


def bad_inputs() -> dict[str, str | bytes]:
    """Hostile or broken pages, constructed here (mechanics, not content)."""
    paragraph = "<p>" + "Слово за словом, предложение за предложением, текст статьи. " * 5 + "</p>"
    return {
        "empty": "",
        "no text": "<html><head><title></title></head><body><div><img src='a.jpg'></div></body></html>",
        "binary, 2 MB": random.Random(0).randbytes(2_000_000),
        "20 MB of paragraphs": "<html><body><div>" + paragraph * (20_000_000 // len(paragraph)) + "</div></body></html>",
        "20 MB of empty divs": "<html><body>" + "<div><span>x</span></div>" * 800_000 + "</body></html>",
        "20 MB in one text node": "<html><body><p>" + "слово " * 3_400_000 + "</p></body></html>",
        "nested 100,000 deep": "<html><body>" + "<div>" * 100_000 + paragraph + "</div>" * 100_000 + "</body></html>",
        "unclosed tags, 200,000": "<html><body>" + "<p>текст <div>" * 200_000,
    }


def bench_bad_inputs() -> list[dict]:
    site = generic_site("https://example.kz/news/some-article-123456/")
    rows = []
    for name, html in bad_inputs().items():
        started, cpu = time.perf_counter(), time.process_time()
        try:
            data = extract_article(html, "https://example.kz/news/some-article-123456/", site, "ru", AEB_FETCHED)
            outcome = f"body {len(data.body or '')} chars" + (f", notes {','.join(data.notes)}" if data.notes else "")
        except Exception as error:  # reported, not raised: the point is to see it
            outcome = f"EXCEPTION {type(error).__name__}: {error}"[:120]
        rows.append({
            "input": name, "seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu,
            "outcome": outcome,
        })
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per page for the timing (median)")
    parser.add_argument("--pages", type=int, help="only the first N benchmark pages (a quick look)")
    args = parser.parse_args()

    import trafilatura

    aeb = bench_aeb(args.repeat, args.pages)
    sites = bench_sites_without_layouts()
    bad = bench_bad_inputs()

    print(f"article bodies without site knowledge: {aeb['pages']} pages of tests/data/aeb-dev "
          f"(trafilatura {trafilatura.__version__}, extract(html, include_comments=False))")
    print(f"{'':24} {'F1':>7} {'precision':>10} {'recall':>8} {'pages':>6}")
    for who in ("ours", "trafilatura"):
        for half, s in aeb[who].items():
            print(f"{who + ' ' + half:24} {s['f1']:7.3f} {s['precision']:10.3f} {s['recall']:8.3f} {s['pages']:6}")
    print(f"{'ms/page median (p90)':24} ours {aeb['ours_ms_median']:.1f} ({aeb['ours_ms_p90']:.1f}), "
          f"trafilatura {aeb['trafilatura_ms_median']:.1f} ({aeb['trafilatura_ms_p90']:.1f}); "
          f"ratio {aeb['ours_ms_median'] / aeb['trafilatura_ms_median']:.2f}")
    print(f"{'CPU ms/page median':24} ours {aeb['ours_cpu_ms_median']:.1f}, "
          f"trafilatura {aeb['trafilatura_cpu_ms_median']:.1f}; "
          f"ratio {aeb['ours_cpu_ms_median'] / aeb['trafilatura_cpu_ms_median']:.2f}")
    print("weakest pages (page F1 ours, trafilatura, half, site):")
    for ours_f1, theirs_f1, half, host in aeb["worst"]:
        print(f"  {ours_f1:.2f} {theirs_f1:.2f} {half:5} {host}")
    print()
    print(f"site fixtures without layouts: body F1 against the expected body ({sites['pages']} article pages)")
    for site, value in sites["per_site"].items():
        print(f"  {site:12} {value:.3f}")
    print(f"  {'mean':12} {sites['mean']:.3f}")
    print()
    print("bad input through extract_article (generic site): wall s, CPU s, outcome")
    for row in bad:
        print(f"  {row['input']:26} {row['seconds']:6.2f} {row['cpu_seconds']:6.2f}  {row['outcome']}")
    print(json.dumps({
        "pages": aeb["pages"],
        "f1": round(aeb["ours"]["all"]["f1"], 4),
        "precision": round(aeb["ours"]["all"]["precision"], 4),
        "recall": round(aeb["ours"]["all"]["recall"], 4),
        "ms_median": round(aeb["ours_ms_median"], 2),
        "trafilatura_f1": round(aeb["trafilatura"]["all"]["f1"], 4),
        "trafilatura_ms_median": round(aeb["trafilatura_ms_median"], 2),
        "site_fixtures_body_f1_no_layouts": round(sites["mean"], 4),
        "cpu_ms_median": round(aeb["ours_cpu_ms_median"], 2),
        "trafilatura_cpu_ms_median": round(aeb["trafilatura_cpu_ms_median"], 2),
        "f1_dev": round(aeb["ours"]["dev"]["f1"], 4),
        "f1_check": round(aeb["ours"]["check"]["f1"], 4),
        "trafilatura_f1_dev": round(aeb["trafilatura"]["dev"]["f1"], 4),
        "trafilatura_f1_check": round(aeb["trafilatura"]["check"]["f1"], 4),
        "bad_input_max_s": round(max(r["seconds"] for r in bad), 2),
        "bad_input_max_cpu_s": round(max(r["cpu_seconds"] for r in bad), 2),
    }))


if __name__ == "__main__":
    main()
