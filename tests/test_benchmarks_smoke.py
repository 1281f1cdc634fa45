"""Every benchmark script runs, at a tiny size, inside the test suite: an import error or a renamed function fails
here instead of at the next `make bench`. Nothing is measured (the figures of a smoke run mean nothing)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow

SMOKE_RUNS = {
    "bench.py": (["--smoke"], {"crawl_pages_per_s", "crawl_items_stored", "spilled", "error_lines", "extract_ms_median",
                               "dates_speedup_vs_dateparser", "rss_growth_mb_per_10k_pages"}),
    "bench_dates.py": (["--n", "50"], {"n", "engine_us_median", "dateparser_us_median", "speedup"}),
    "bench_incremental.py": (["--smoke"], {"articles", "requests_per_new_article", "second_run_items"}),
    "bench_syndication.py": (["--smoke"], {"precision", "recall", "false_links", "us_per_signature"}),
    "bench_generic.py": (["--pages", "2", "--repeat", "1"],
                         {"pages", "f1", "trafilatura_f1", "ms_median", "site_fixtures_body_f1_no_layouts"}),
    "bench_lists.py": ([], {"real_pages", "truth", "titles_eq", "dates_eq"}),
    "bench_archives.py": (["--records", "50", "--chunk-mb", "1"], {"records", "kept", "peak_scan_mb"}),
    "bench_hostile.py": (["--only", "html-entity-flood,rss-quadratic-blowup", "--parsers", "article,feed"],
                         {"cases", "runs", "worst_cpu_s", "worst_peak_mb", "errors", "ok"}),
    "bench_scale.py": (["--smoke"], {"cpu_ms_per_article_10k", "cpu_ms_per_article_300k", "growth_ratio",
                                     "startup_s_300k_known"}),
}


def test_every_benchmark_script_has_a_smoke_run():
    assert {p.name for p in (ROOT / "tests" / "benchmarks").glob("bench*.py")} == set(SMOKE_RUNS)


@pytest.mark.parametrize("script", sorted(SMOKE_RUNS))
def test_benchmark_smoke_run(script):
    arguments, keys = SMOKE_RUNS[script]
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("KZNEWS_", "MONGO_", "SCRAPY_"))}
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "benchmarks" / script), *arguments], cwd=ROOT,
                            env=environment, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    summary = json.loads(result.stdout.strip().splitlines()[-1])  # every script ends with one JSON line
    assert keys <= set(summary), sorted(summary)
