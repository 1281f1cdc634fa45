"""A sliding-window index that links reprints on other sites into clusters.

Candidates come from LSH banding of the MinHash signature (``bands`` bands of ``rows`` bins each:
two texts share a bucket with probability 1 - (1 - J^rows)^bands, about 0.999 at Jaccard 0.3 and
0.15 at Jaccard 0.05 for the default 64 x 2). Every candidate is then verified on the shingle sets
the signatures carry (exact containment and Jaccard; MinHash estimates when a signature was made
without them): the link needs containment >= ``threshold`` *and* Jaccard >= ``min_jaccard``.
Containment (the share of the shorter text's shingles found in the longer one) lets "original plus
an extra paragraph" and "the first half of the original" through; the Jaccard floor keeps a short
text from being "contained" in a much longer one. Only articles of *other* sites published within
``window`` of each other are linked (same-site copies are the job of URL canonicalisation and
:func:`body_fingerprint`).

The defaults (3-word shingles, containment 0.55, Jaccard 0.15) sit in the middle of the gap measured
on tests/data/syndication: the weakest reprint-to-source pair has containment 0.63, the strongest
unrelated pair of one topic (a follow-up story that recycles two background paragraphs) 0.44.

Clusters. Every indexed article belongs to one cluster; its ``cluster_id`` is the doc_id of its
earliest member (the original; ties go to the one added first). An article with no near-duplicate
is a cluster of one whose id is its own doc_id. When a new article links to one or more clusters,
they merge; if the new article is earlier than their originals (a late crawl of the original), it
becomes the original and the old cluster ids are *superseded*: :attr:`Match.superseded_cluster_ids`
lists them so the caller can rewrite the stored items.

Typical use in an item pipeline (MongoDB; doc_id is the canonical URL)::

    match = index.add(url, body, published_at, site)
    if match is None:
        item["cluster_id"] = url                   # a cluster of one
    else:
        item["cluster_id"] = match.cluster_id
        item["original_url"] = match.cluster_id    # doc_ids are URLs
        item["syndicated_from"] = detect_attribution(body, own_site=site) or match.original_site
        if match.superseded_cluster_ids:
            articles.update_many({"cluster_id": {"$in": list(match.superseded_cluster_ids)}},
                                 {"$set": {"cluster_id": match.cluster_id,
                                           "original_url": match.cluster_id}})
    index.expire(now)                              # now and then

``published_at`` values must be all timezone-aware (or all naive) so they can be compared.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from kznews.syndication.minhash import MinHasher, Signature

__all__ = ["Cluster", "Match", "NearDuplicateIndex"]


@dataclass(frozen=True, slots=True)
class Match:
    """Result of :meth:`NearDuplicateIndex.add` for an article that has a near-duplicate.

    ``doc_id`` is the most similar indexed article from another site published no later than the
    new one; when every match is later (the new article predates them), it is the most similar of
    those and ``is_original`` is True. ``similarity`` is the estimated containment and ``jaccard``
    the estimated Jaccard similarity between the new article and ``doc_id``.
    """

    doc_id: str
    similarity: float
    cluster_id: str
    jaccard: float = 0.0
    is_original: bool = False
    original_site: str = ""
    superseded_cluster_ids: tuple[str, ...] = ()

    @property
    def original_id(self) -> str:
        """The doc_id of the earliest article of the cluster (the same as ``cluster_id``)."""
        return self.cluster_id


@dataclass(frozen=True, slots=True)
class Cluster:
    """A cluster's original and its members still in the window."""

    cluster_id: str
    original_site: str
    original_published_at: datetime
    member_ids: tuple[str, ...]

    @property
    def original_id(self) -> str:
        return self.cluster_id


@dataclass(slots=True)
class _Doc:
    doc_id: str
    site: str
    published_at: datetime
    sequence: int
    signature: Signature
    cluster_id: str
    best_link: tuple[str, float, float] | None = None  # (doc_id, containment, jaccard) at add time


@dataclass(slots=True)
class _Cluster:
    original_id: str
    original_site: str
    original_key: tuple[datetime, int]
    members: set[str] = field(default_factory=set)


class NearDuplicateIndex:
    """Sliding time window of recent articles; LSH candidates verified by shingle similarity."""

    def __init__(
        self,
        window: timedelta = timedelta(days=3),
        threshold: float = 0.55,
        *,
        min_jaccard: float = 0.15,
        hasher: MinHasher | None = None,
        rows: int = 2,
        min_shingles: int = 25,
    ):
        self.window = window
        self.threshold = threshold
        self.min_jaccard = min_jaccard
        self.hasher = hasher or MinHasher()
        if self.hasher.num_bins % rows:
            raise ValueError("rows must divide the number of signature bins")
        self.rows = rows
        self.bands = self.hasher.num_bins // rows
        self.min_shingles = min_shingles
        self._docs: dict[str, _Doc] = {}
        # band key -> doc_id, or a list of doc_ids when several share it (most buckets hold one
        # article; a bare str instead of a one-element list saves ~4 KB per indexed article)
        self._buckets: dict[int, str | list[str]] = {}
        self._clusters: dict[str, _Cluster] = {}
        self._by_time: list[tuple[datetime, int, str]] = []  # heap for expiry
        self._sequence = 0

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._docs

    def add(self, doc_id: str, body: str, published_at: datetime, site: str) -> Match | None:
        """Index an article; return its near-duplicate link and cluster, or None when it has none.

        Bodies too short to compare (fewer than ``min_shingles`` distinct shingles) are not indexed
        and return None. Adding a doc_id that is already indexed changes nothing: the answer is the
        link found at its first add with the current ``cluster_id`` (None if it is still alone).
        """
        if doc_id in self._docs:
            return self._describe(self._docs[doc_id])
        return self.add_signature(doc_id, self.hasher.signature(body), published_at, site)

    def add_signature(
        self, doc_id: str, signature: Signature, published_at: datetime, site: str
    ) -> Match | None:
        """Like :meth:`add`, for a signature computed elsewhere with the same hasher."""
        if doc_id in self._docs:
            return self._describe(self._docs[doc_id])
        if signature.shingle_count < self.min_shingles:
            return None
        band_keys = self._band_keys(signature)
        verified = self._verified_matches(signature, band_keys, published_at, site)

        self._sequence += 1
        doc = _Doc(doc_id, site, published_at, self._sequence, signature, cluster_id=doc_id)
        self._docs[doc_id] = doc
        for key in band_keys:
            bucket = self._buckets.get(key)
            if bucket is None:
                self._buckets[key] = doc_id
            elif isinstance(bucket, str):
                self._buckets[key] = [bucket, doc_id]
            else:
                bucket.append(doc_id)
        heapq.heappush(self._by_time, (published_at, doc.sequence, doc_id))

        if not verified:
            self._clusters[doc_id] = _Cluster(doc_id, site, (published_at, doc.sequence), {doc_id})
            return None
        cluster_id, superseded = self._merge(doc, {self._docs[other].cluster_id for other, _, _ in verified})

        earlier = [link for link in verified if self._docs[link[0]].published_at <= published_at]
        best = max(earlier or verified, key=lambda link: (link[1], link[2]))
        doc.best_link = best
        return Match(
            doc_id=best[0],
            similarity=round(best[1], 4),
            cluster_id=cluster_id,
            jaccard=round(best[2], 4),
            is_original=cluster_id == doc_id,
            original_site=self._clusters[cluster_id].original_site,
            superseded_cluster_ids=superseded,
        )

    def expire(self, now: datetime) -> None:
        """Drop articles published before ``now - window``. Cluster ids of the rest do not change."""
        cutoff = now - self.window
        while self._by_time and self._by_time[0][0] < cutoff:
            _, _, doc_id = heapq.heappop(self._by_time)
            doc = self._docs.pop(doc_id, None)
            if doc is None:
                continue
            for key in self._band_keys(doc.signature):  # recomputed: cheaper than storing 64 keys
                bucket = self._buckets.get(key)
                if bucket == doc_id:
                    del self._buckets[key]
                elif isinstance(bucket, list) and doc_id in bucket:
                    bucket.remove(doc_id)
                    if len(bucket) == 1:
                        self._buckets[key] = bucket[0]
            cluster = self._clusters.get(doc.cluster_id)
            if cluster is not None:
                cluster.members.discard(doc_id)
                if not cluster.members:
                    del self._clusters[doc.cluster_id]

    def cluster(self, doc_id: str) -> Cluster | None:
        """The cluster of an indexed article, or None when the article is not in the window."""
        doc = self._docs.get(doc_id)
        if doc is None:
            return None
        cluster = self._clusters[doc.cluster_id]
        return Cluster(
            cluster.original_id,
            cluster.original_site,
            cluster.original_key[0],
            tuple(sorted(cluster.members)),
        )

    # ----------------------------------------------------------------------------------- internals

    def _band_keys(self, signature: Signature) -> list[int]:
        values, rows = signature.values, self.rows
        # tuple hashes of ints are deterministic; the band number keeps equal rows of different bands apart
        return [hash((band, *values[band * rows : band * rows + rows])) for band in range(self.bands)]

    def _verified_matches(
        self, signature: Signature, band_keys: list[int], published_at: datetime, site: str
    ) -> list[tuple[str, float, float]]:
        candidates: set[str] = set()
        for key in band_keys:
            bucket = self._buckets.get(key)
            if isinstance(bucket, str):
                candidates.add(bucket)
            elif bucket:
                candidates.update(bucket)
        own_set = set(signature.shingles) if signature.shingles is not None and candidates else None
        verified = []
        for candidate_id in candidates:
            candidate = self._docs[candidate_id]
            if candidate.site == site or abs(candidate.published_at - published_at) > self.window:
                continue
            containment, jaccard = signature.similarity(candidate.signature, own_set)
            if containment >= self.threshold and jaccard >= self.min_jaccard:
                verified.append((candidate_id, containment, jaccard))
        return verified

    def _merge(self, doc: _Doc, cluster_ids: set[str]) -> tuple[str, tuple[str, ...]]:
        """Merge ``cluster_ids`` and the new ``doc``; return the surviving id and the superseded ids."""
        clusters = [self._clusters[cluster_id] for cluster_id in cluster_ids]
        doc_key = (doc.published_at, doc.sequence)
        earliest = min(clusters, key=lambda cluster: cluster.original_key)
        if doc_key < earliest.original_key:
            survivor = _Cluster(doc.doc_id, doc.site, doc_key, set())
            self._clusters[doc.doc_id] = survivor
        else:
            survivor = earliest
        superseded = []
        for cluster in clusters:
            if cluster is survivor:
                continue
            superseded.append(cluster.original_id)
            for member_id in cluster.members:
                self._docs[member_id].cluster_id = survivor.original_id
            survivor.members |= cluster.members
            del self._clusters[cluster.original_id]
        survivor.members.add(doc.doc_id)
        doc.cluster_id = survivor.original_id
        return survivor.original_id, tuple(sorted(superseded))

    def _describe(self, doc: _Doc) -> Match | None:
        """The answer to a repeated add: the link stored at the first add, with the current cluster."""
        cluster = self._clusters[doc.cluster_id]
        if len(cluster.members) == 1:
            return None
        # An article that matched nothing when it was added (later ones linked to it) has no link of
        # its own: point at the cluster's original, with similarity 0.0 meaning "not measured".
        linked_id, containment, jaccard = doc.best_link or (cluster.original_id, 0.0, 0.0)
        return Match(
            doc_id=linked_id,
            similarity=round(containment, 4),
            cluster_id=cluster.original_id,
            jaccard=round(jaccard, 4),
            is_original=cluster.original_id == doc.doc_id,
            original_site=cluster.original_site,
        )
