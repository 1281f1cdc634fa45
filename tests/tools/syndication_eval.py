"""Score a :class:`NearDuplicateIndex` on a labelled set of articles (used by tests and the benchmark).

The run plays the part of the item pipeline: articles are added in publication order, each gets
the ``cluster_id`` the index returns (its own doc_id when there is no match), and superseded
cluster ids are rewritten the way the pipeline would rewrite stored items. The result is scored
over pairs of articles: a pair is *linked* when both end in one cluster and *true* when the labels
put them in one cluster (a reprint and what it copies, directly or via another reprint).

- true positives: true pairs that are linked; false negatives: true pairs that are not;
- false links: linked pairs that are not true (across any topics: the strict count);
- same-topic non-pairs: pairs of one topic in different true clusters (independent reports of
  one event, and their reprints); ``distractor_links`` counts how many of them were linked.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from kznews.syndication.attribution import detect_attribution
from kznews.syndication.index import NearDuplicateIndex

__all__ = ["EvaluationReport", "evaluate", "load_articles", "root_of"]


@dataclass
class EvaluationReport:
    articles: int = 0
    pairs: int = 0
    true_positives: int = 0
    false_links: int = 0
    false_negatives: int = 0
    same_topic_non_pairs: int = 0
    distractor_links: int = 0
    reprints: int = 0
    reprints_with_correct_original: int = 0
    attribution_correct: int = 0
    us_per_signature: float = 0.0
    us_per_add: float = 0.0
    missed_pairs: list[tuple[str, str]] = field(default_factory=list)
    false_link_pairs: list[tuple[str, str]] = field(default_factory=list)
    attribution_errors: list[tuple[str, str | None, str | None]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        linked = self.true_positives + self.false_links
        return self.true_positives / linked if linked else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.pairs if self.pairs else 1.0

    @property
    def attribution_accuracy(self) -> float:
        return self.attribution_correct / self.articles if self.articles else 1.0

    def summary(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "pairs": self.pairs,
            "true_positives": self.true_positives,
            "false_links": self.false_links,
            "false_negatives": self.false_negatives,
            "same_topic_non_pairs": self.same_topic_non_pairs,
            "distractor_links": self.distractor_links,
            "articles": self.articles,
            "reprints": self.reprints,
            "reprints_with_correct_original": self.reprints_with_correct_original,
            "attribution_accuracy": round(self.attribution_accuracy, 4),
            "us_per_signature": round(self.us_per_signature, 1),
            "us_per_add": round(self.us_per_add, 1),
        }


def load_articles(path: Path) -> list[dict]:
    """The labelled set: a JSON list of articles (see tests/data/syndication/build_set.py)."""
    articles = json.loads(path.read_text("utf-8"))
    for article in articles:
        article["published_at"] = datetime.fromisoformat(article["published_at"])
    return sorted(articles, key=lambda article: (article["published_at"], article["id"]))


def evaluate(
    articles: Iterable[dict], make_index: Callable[[], NearDuplicateIndex] = NearDuplicateIndex
) -> EvaluationReport:
    articles = sorted(articles, key=lambda article: (article["published_at"], article["id"]))
    index = make_index()
    report = EvaluationReport(articles=len(articles))

    started = time.perf_counter()
    signatures = {article["id"]: index.hasher.signature(article["text"]) for article in articles}
    report.us_per_signature = (time.perf_counter() - started) / max(1, len(articles)) * 1e6

    stored_cluster: dict[str, str] = {}  # what the pipeline would have written per item
    started = time.perf_counter()
    for article in articles:
        index.expire(article["published_at"])
        match = index.add_signature(
            article["id"], signatures[article["id"]], article["published_at"], article["site"]
        )
        if match is None:
            stored_cluster[article["id"]] = article["id"]
            continue
        stored_cluster[article["id"]] = match.cluster_id
        if match.superseded_cluster_ids:
            superseded = set(match.superseded_cluster_ids)
            for doc_id, cluster_id in stored_cluster.items():
                if cluster_id in superseded:
                    stored_cluster[doc_id] = match.cluster_id
    report.us_per_add = (time.perf_counter() - started) / max(1, len(articles)) * 1e6

    by_id = {article["id"]: article for article in articles}
    true_root = {article["id"]: root_of(article["id"], by_id) for article in articles}
    for first, second in itertools.combinations(sorted(by_id), 2):
        truly_same = true_root[first] == true_root[second]
        linked = stored_cluster[first] == stored_cluster[second]
        same_topic = by_id[first]["topic"] == by_id[second]["topic"]
        if truly_same:
            report.pairs += 1
            if linked:
                report.true_positives += 1
            else:
                report.false_negatives += 1
                report.missed_pairs.append((first, second))
        elif linked:
            report.false_links += 1
            report.false_link_pairs.append((first, second))
        if same_topic and not truly_same:
            report.same_topic_non_pairs += 1
            report.distractor_links += linked

    for article in articles:
        if article["role"] == "reprint":
            report.reprints += 1
            report.reprints_with_correct_original += stored_cluster[article["id"]] == true_root[article["id"]]
        found = detect_attribution(article["text"], article["lang"], own_site=article["site"])
        if found == article["expected_attribution"]:
            report.attribution_correct += 1
        else:
            report.attribution_errors.append((article["id"], article["expected_attribution"], found))
    return report


def root_of(doc_id: str, by_id: dict[str, dict]) -> str:
    """The article a chain of reprints starts from (its true cluster id)."""
    seen = set()
    while by_id[doc_id].get("source_id") and doc_id not in seen:
        seen.add(doc_id)
        doc_id = by_id[doc_id]["source_id"]
    return doc_id
