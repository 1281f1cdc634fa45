"""Benchmark: the kznews date engine against tuned dateparser on the same strings.

Run from the repository root:  python tests/benchmarks/bench_dates.py [--n 20000] [--seed 1]

Strings: the dev corpus, then every site format from tests/tools/dateformats.py rendered with seeded random
instants (2015-2030) and reference instants (some just after Almaty midnight, some around 2024-03-01), plus
non-dates. Each string carries its true value. Both parsers see each string once; the engine's LRU cache is
cleared before every call, so its figures are uncached.

"Tuned dateparser" is dateparser.parse with languages=[lang] (kk: ["kk", "ru"]) and the settings
TIMEZONE=Asia/Almaty, RETURN_AS_TIMEZONE_AWARE=True, PREFER_DATES_FROM=past, DATE_ORDER=DMY and
RELATIVE_BASE = the reference instant as Almaty wall-clock time (kznews.dates.DATEPARSER_SETTINGS).

The last line printed is a JSON object with the headline figures.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import dateparser  # noqa: E402

from kznews.dates import ALMATY, DATEPARSER_SETTINGS, dateparser_languages, engine  # noqa: E402
from kznews.dates import parse_date as engine_parse_date  # noqa: E402
from tests.tools import dateformats as formats  # noqa: E402

DEV_CORPUS = ROOT / "tests" / "data" / "dates-dev.tsv"


class Case:
    __slots__ = ("expected", "family", "lang", "now", "text")

    def __init__(self, lang: str, now: datetime, text: str, expected: datetime | None, family: str):
        self.lang, self.now, self.text, self.expected, self.family = lang, now, text, expected, family


def dev_cases() -> list[Case]:
    cases = []
    for line in DEV_CORPUS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("lang\t") or not line.strip():
            continue
        lang, now, text, expected = line.split("\t")
        cases.append(Case(lang, datetime.fromisoformat(now.replace("Z", "+00:00")), text,
                          None if expected == "none" else datetime.fromisoformat(expected), "dev-corpus"))
    return cases


def generated_cases(n: int, seed: int) -> list[Case]:
    rng = random.Random(seed)
    cases: list[Case] = []
    while len(cases) < n:
        instant = formats.random_instant(rng)
        now = instant + timedelta(seconds=rng.randint(60, 5 * 86400))
        for item in formats.render_absolute(instant, rng):
            cases.append(Case(item.lang, now, item.text, item.expected, item.family))
        reference = formats.random_instant(rng)
        roll = rng.random()
        if roll < 0.3:  # just after Almaty midnight, when the UTC day is still the previous one
            local = reference.astimezone(ALMATY)
            reference = local.replace(hour=0, minute=rng.randrange(60)).astimezone(UTC)
        elif roll < 0.4:  # the days around the change from UTC+6 to UTC+5
            reference = datetime(2024, 2, 28, tzinfo=UTC) + timedelta(seconds=rng.randrange(3 * 86400))
        rendered = (formats.render_year_less(formats.random_instant(rng), reference)
                    + formats.render_relative(reference, rng) + formats.render_ago(reference, rng))
        for item in rendered:
            cases.append(Case(item.lang, reference, item.text, item.expected, item.family))
        lang, text = rng.choice(formats.NEGATIVES)
        cases.append(Case(lang, reference, text, None, "not-a-date"))
    rng.shuffle(cases)
    return cases[:n]


def same_value(got: datetime | None, expected: datetime | None) -> bool:
    if got is None or expected is None:
        return got is expected
    return got.astimezone(UTC) == expected.astimezone(UTC)  # PEP 495: compare instants, not mixed-zone ==


def tuned_dateparser(case: Case) -> datetime | None:
    settings = {**DATEPARSER_SETTINGS, "RELATIVE_BASE": case.now.astimezone(ALMATY).replace(tzinfo=None)}
    return dateparser.parse(case.text, languages=dateparser_languages(case.lang), settings=settings)


def run(cases: list[Case]) -> dict:
    clock = time.perf_counter_ns
    clear_cache = engine.analyse.cache_clear
    # Warm up both (imports, dateparser's language data) outside the measurement.
    for case in cases[:50]:
        engine_parse_date(case.text, case.lang, case.now)
        tuned_dateparser(case)

    engine_ns, engine_results = [], []
    for case in cases:
        clear_cache()
        start = clock()
        value = engine_parse_date(case.text, case.lang, case.now)
        engine_ns.append(clock() - start)
        engine_results.append(value)

    dateparser_ns, dateparser_results = [], []
    for case in cases:
        start = clock()
        try:
            value = tuned_dateparser(case)
        except Exception:  # dateparser raising counts as no answer
            value = None
        dateparser_ns.append(clock() - start)
        dateparser_results.append(value)

    engine_right = [same_value(v, c.expected) for v, c in zip(engine_results, cases, strict=True)]
    dateparser_right = [same_value(v, c.expected) for v, c in zip(dateparser_results, cases, strict=True)]
    dateparser_only = [
        (c, e, d) for c, e, d, er, dr in
        zip(cases, engine_results, dateparser_results, engine_right, dateparser_right, strict=True) if dr and not er
    ]
    engine_median = statistics.median(engine_ns) / 1000
    dateparser_median = statistics.median(dateparser_ns) / 1000
    return {
        "n": len(cases),
        "engine_us_median": round(engine_median, 2),
        "engine_us_p90": round(statistics.quantiles(engine_ns, n=10)[-1] / 1000, 2),
        "engine_us_mean": round(statistics.fmean(engine_ns) / 1000, 2),
        "dateparser_us_median": round(dateparser_median, 1),
        "dateparser_us_p90": round(statistics.quantiles(dateparser_ns, n=10)[-1] / 1000, 1),
        "speedup": round(dateparser_median / engine_median, 1),
        "engine_correct": sum(engine_right),
        "dateparser_correct": sum(dateparser_right),
        "dateparser_right_engine_wrong": len(dateparser_only),
        "_dateparser_only": dateparser_only,
        "_wrong_by_family": (
            Counter(c.family for c, ok in zip(cases, engine_right, strict=True) if not ok),
            Counter(c.family for c, ok in zip(cases, dateparser_right, strict=True) if not ok),
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="number of strings (default 20000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    cases = dev_cases()
    cases += generated_cases(max(0, args.n - len(cases)), args.seed)
    cases = cases[: args.n]
    families = Counter(c.family for c in cases)
    print(f"{len(cases)} strings, {len(families)} families, "
          f"{sum(c.expected is None for c in cases)} non-dates; langs {dict(Counter(c.lang for c in cases))}")
    result = run(cases)

    print(f"engine:     median {result['engine_us_median']:8.2f} µs/string   p90 {result['engine_us_p90']:8.2f}   "
          f"correct {result['engine_correct']}/{result['n']}")
    print(f"dateparser: median {result['dateparser_us_median']:8.1f} µs/string   p90 {result['dateparser_us_p90']:8.1f}   "
          f"correct {result['dateparser_correct']}/{result['n']}")
    print(f"speedup (median dateparser / median engine): {result['speedup']}x")
    engine_wrong, dateparser_wrong = result.pop("_wrong_by_family")
    if engine_wrong:
        print("engine wrong by family:", dict(engine_wrong.most_common()))
    print("dateparser wrong by family:", dict(dateparser_wrong.most_common(12)))
    dateparser_only = result.pop("_dateparser_only")
    print(f"strings dateparser gets right and the engine gets wrong: {len(dateparser_only)}")
    for case, ours, theirs in dateparser_only[:50]:
        print(f"  {case.lang} {case.text!r} now={case.now.isoformat()} expected={case.expected} "
              f"engine={ours} dateparser={theirs}")
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
