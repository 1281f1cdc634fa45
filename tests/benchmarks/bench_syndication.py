"""Benchmark the reprint detector on the labelled set in tests/data/syndication/.

Run from the repository root: ``python tests/benchmarks/bench_syndication.py [--smoke]``. Prints a table of pair
counts, a threshold sweep, recall per kind of edit, timings, and as the last line a JSON object
with ``precision``, ``recall``, ``pairs``, ``false_links`` and ``us_per_signature`` (and more).
"""

from __future__ import annotations

import itertools
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from kznews.syndication import MinHasher, NearDuplicateIndex, detect_attribution  # noqa: E402
from tests.tools.syndication_eval import evaluate, load_articles, root_of  # noqa: E402

DATA = REPO / "tests" / "data" / "syndication" / "articles.json"
SWEEP = [0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8]


def timed_signatures(texts: list[str], hasher: MinHasher, repeats: int = 5) -> float:
    """Best-of-``repeats`` mean time per signature, in microseconds (the machine is shared)."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for text in texts:
            hasher.signature(text)
        best = min(best, time.perf_counter() - started)
    return best / len(texts) * 1e6


def bodies_of_about(articles: list[dict], size: int = 3000) -> list[str]:
    """Article-like bodies of about ``size`` characters, made of whole paragraphs of the set."""
    paragraphs = [
        p for article in articles if article["role"] != "reprint" for p in article["text"].splitlines()
    ]
    bodies, current = [], []
    for paragraph in paragraphs:
        current.append(paragraph)
        if sum(len(p) + 1 for p in current) >= size:
            bodies.append("\n".join(current)[: size + 200])
            current = []
    return bodies


def similarity_margins(articles: list[dict], hasher: MinHasher) -> tuple[float, float, float]:
    """Exact containment: weakest reprint-to-source pair, strongest same-topic non-pair, and their gap."""
    by_id = {article["id"]: article for article in articles}
    signatures = {article["id"]: hasher.signature(article["text"]) for article in articles}
    weakest_reprint = min(
        signatures[a["id"]].similarity(signatures[a["source_id"]])[0]
        for a in articles
        if a["role"] == "reprint"
    )
    strongest_other = 0.0
    for first, second in itertools.combinations(articles, 2):
        if first["topic"] == second["topic"] and root_of(first["id"], by_id) != root_of(second["id"], by_id):
            strongest_other = max(
                strongest_other, signatures[first["id"]].similarity(signatures[second["id"]])[0]
            )
    return weakest_reprint, strongest_other, weakest_reprint - strongest_other


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--smoke", action="store_true", help="one threshold, one timing round: checks the script")
    args = parser.parse_args(argv)
    sweep, repeats = ([NearDuplicateIndex().threshold], 1) if args.smoke else (SWEEP, 5)
    articles = load_articles(DATA)
    report = evaluate(articles)
    roles = Counter(article["role"] for article in articles)

    print(f"Syndication benchmark: {len(articles)} articles from {DATA.relative_to(REPO)}")
    print(f"  {roles['original']} originals, {roles['reprint']} reprints, {roles['independent']} independent "
          f"same-topic reports, {roles['followup']} follow-up stories; "
          f"languages: {dict(Counter(a['lang'] for a in articles))}")  # fmt: skip
    print()
    rows = [
        ("true pairs (same cluster)", report.pairs),
        ("  linked (true positives)", report.true_positives),
        ("  missed (false negatives)", report.false_negatives),
        ("false links (any two articles)", report.false_links),
        ("same-topic non-pairs", report.same_topic_non_pairs),
        ("  of which linked", report.distractor_links),
        ("precision", f"{report.precision:.4f}"),
        ("recall", f"{report.recall:.4f}"),
        (
            "reprints whose cluster_id is the true original",
            f"{report.reprints_with_correct_original}/{report.reprints}",
        ),
        ("attribution correct (all articles)", f"{report.attribution_correct}/{report.articles}"),
    ]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")

    print("\nThreshold sweep (containment threshold; min_jaccard 0.15):")
    print(f"  {'threshold':>9}  {'precision':>9}  {'recall':>7}  {'false links':>11}  {'missed':>6}")
    for threshold in sweep:
        swept = evaluate(articles, lambda threshold=threshold: NearDuplicateIndex(threshold=threshold))
        marker = "  <- default" if threshold == NearDuplicateIndex().threshold else ""
        print(f"  {threshold:>9.2f}  {swept.precision:>9.4f}  {swept.recall:>7.4f}  {swept.false_links:>11}  "
              f"{swept.false_negatives:>6}{marker}")  # fmt: skip
    estimated = evaluate(articles, lambda: NearDuplicateIndex(hasher=MinHasher(keep_shingles=False)))
    print(f"  verification by MinHash estimate only (no stored shingles): precision {estimated.precision:.4f}, "
          f"recall {estimated.recall:.4f}, false links {estimated.false_links}")  # fmt: skip

    weakest, strongest, gap = similarity_margins(articles, MinHasher())
    print(f"\nExact containment: weakest reprint->source {weakest:.3f}, strongest same-topic non-pair "
          f"{strongest:.3f} (follow-ups recycling background paragraphs), gap {gap:.3f}")  # fmt: skip

    print("\nReprints in the right cluster, by edit:")
    by_transform: Counter[str] = Counter()
    correct_by_transform: Counter[str] = Counter()
    index = NearDuplicateIndex()
    stored: dict[str, str] = {}
    for article in articles:
        index.expire(article["published_at"])
        match = index.add(article["id"], article["text"], article["published_at"], article["site"])
        stored[article["id"]] = match.cluster_id if match else article["id"]
        if match and match.superseded_cluster_ids:
            for doc_id, cluster_id in stored.items():
                if cluster_id in match.superseded_cluster_ids:
                    stored[doc_id] = match.cluster_id
    by_id = {article["id"]: article for article in articles}
    for article in articles:
        if article["role"] != "reprint":
            continue
        correct = stored[article["id"]] == stored[root_of(article["id"], by_id)]
        for transform in article["transforms"]:
            by_transform[transform] += 1
            correct_by_transform[transform] += correct
    for transform, count in sorted(by_transform.items()):
        print(f"  {transform:<30} {correct_by_transform[transform]:>3}/{count}")

    hasher = MinHasher()
    texts = [article["text"] for article in articles]
    us_per_signature = timed_signatures(texts, hasher, repeats)
    bodies = bodies_of_about(articles)
    us_per_3000 = timed_signatures(bodies, hasher, repeats)
    started = time.perf_counter()
    for article in articles:
        detect_attribution(article["text"], article["lang"], own_site=article["site"])
    us_per_attribution = (time.perf_counter() - started) / len(articles) * 1e6
    mean_chars = statistics.mean(len(text) for text in texts)
    print(f"\nTimings (best of {repeats}, shared machine):")
    print(f"  signature, articles of the set (mean {mean_chars:,.0f} chars): {us_per_signature:,.0f} µs")
    print(f"  signature, {len(bodies)} bodies of ~3,000 chars:                 {us_per_3000:,.0f} µs")
    print(f"  index add (candidates + verification), per article:        {report.us_per_add:,.0f} µs")
    print(f"  detect_attribution, per article:                           {us_per_attribution:,.0f} µs")

    summary = report.summary()
    summary.update(
        {
            "us_per_signature": round(us_per_signature, 1),
            "us_per_signature_3000_chars": round(us_per_3000, 1),
            "us_per_attribution": round(us_per_attribution, 1),
            "threshold": NearDuplicateIndex().threshold,
            "min_jaccard": NearDuplicateIndex().min_jaccard,
            "shingle_size": hasher.shingle_size,
            "num_bins": hasher.num_bins,
            "containment_gap": round(gap, 4),
        }
    )
    print()
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
