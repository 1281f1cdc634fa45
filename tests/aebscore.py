"""Body scoring of the article-extraction benchmark (tests/data/aeb-dev, README there), implemented once here and
used by the benchmark (tests/benchmarks/bench_generic.py) and the tests.

The benchmark's rule: both texts are split into `\\w+` tokens (case kept); every run of 4 consecutive tokens is a
shingle (a text of fewer tokens is one shorter shingle; an empty text has none). Per page, the shingles are compared
as multisets: tp = shared, fp = predicted only, fn = true only, then normalised to sum 1 so that long pages weigh no
more than short ones. Precision is the mean over pages that predicted something (tp + fp > 0), recall the mean over
pages with a true body (tp + fn > 0), and F1 is computed from those two means (not averaged per page).
An empty prediction is therefore left out of the precision mean and counts recall 0.

Also here: reading the 88 pages, and their split into two halves by site (a development half and a check half), so
that a heuristic tuned on one half can be judged on pages of sites it never saw.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

AEB_DIR = Path(__file__).parent / "data" / "aeb-dev"

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str | None, n: int = SHINGLE) -> Counter:
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def page_counts(true: str | None, pred: str | None) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page, normalised to sum 1 (all zero when both texts are empty)."""
    true_shingles, pred_shingles = shingles(true), shingles(pred)
    tp = sum((true_shingles & pred_shingles).values())
    fp = sum((pred_shingles - true_shingles).values())
    fn = sum((true_shingles - pred_shingles).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def aggregate(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Precision, recall (means over pages, as the benchmark takes them) and F1 of the two means."""
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall, "pages": len(counts)}


def page_f1(true: str | None, pred: str | None) -> float:
    """F1 of one page (for tables and per-page comparisons)."""
    return aggregate([page_counts(true, pred)])["f1"]


# --- the pages ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AebPage:
    key: str
    url: str
    expected: str  # the hand-made article body

    @property
    def path(self) -> Path:
        return AEB_DIR / "html" / f"{self.key}.html.gz"

    def html(self) -> str:
        return gzip.decompress(self.path.read_bytes()).decode("utf-8")

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").removeprefix("www.")

    @property
    def half(self) -> str:
        return _HALVES[self.host]


_HALVES: dict[str, str] = {}


def aeb_pages() -> list[AebPage]:
    truth = json.loads((AEB_DIR / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [AebPage(key, item["url"], item.get("articleBody") or "") for key, item in sorted(truth.items())]
    # Halves by site, never splitting one site's pages: sites in the order of a hash of their host, each put in
    # the half with fewer pages so far. Deterministic and blind to content.
    per_host = Counter(p.host for p in pages)
    sizes = {"dev": 0, "check": 0}
    for host in sorted(per_host, key=lambda h: hashlib.sha1(h.encode()).hexdigest()):
        half = "dev" if sizes["dev"] <= sizes["check"] else "check"
        _HALVES[host] = half
        sizes[half] += per_host[host]
    return pages
