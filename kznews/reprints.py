"""Linking reprints across sites in MongoDB (used by kznews.storage, which owns the collections).

Every stored article gets a MinHash signature (kznews.syndication: word 3-shingles, 128 bins) kept in the
`signatures` collection with its 64 LSH band keys (2 rows each) under a multikey index. A new article's band keys
find candidate articles of OTHER sites published within the window (3 days either side); each candidate is
verified on the exact shingle sets (containment >= 0.55 and Jaccard >= 0.15, the thresholds tuned on the labelled
set in tests/data/syndication). Verified matches join one cluster whose `cluster_id` is the URL of its earliest
article (the original); a late-crawled original, or an article bridging two clusters, re-points every member.
Both documents are always kept; `cluster_id == url` marks an original (or an article with no reprints).

Because the index lives in the database, every process (several spiders, several scrapy-redis nodes) links
against the same history, and a crawler restart loses nothing.
"""

from __future__ import annotations

import hashlib
import struct
from array import array
from datetime import datetime, timedelta
from typing import Any

from bson import Binary, Int64
from pymongo import ASCENDING, DESCENDING, UpdateOne

from kznews.syndication import MinHasher, Signature

WINDOW = timedelta(days=3)
CONTAINMENT = 0.55
MIN_JACCARD = 0.15
MIN_SHINGLES = 25  # shorter bodies (a photo caption, a one-line notice) are not compared
ROWS = 2
HASHER = MinHasher(num_bins=128, keep_shingles=True)
BANDS = HASHER.num_bins // ROWS


def band_keys(signature: Signature) -> list[int]:
    """Stable 64-bit LSH band keys (the same in every process and Python version)."""
    values = signature.values
    keys = []
    for band in range(BANDS):
        packed = struct.pack("<H2Q", band, *values[band * ROWS : band * ROWS + ROWS])
        keys.append(int.from_bytes(hashlib.blake2b(packed, digest_size=8).digest(), "little", signed=True))
    return keys


def _is_later(moment: datetime | None, than: datetime | None) -> bool:
    return moment is not None and than is not None and moment > than


def _shingles_of(document: dict) -> array:
    shingles = array("I")
    shingles.frombytes(bytes(document["shingles"]))
    return shingles


class ReprintLinker:
    def __init__(self, articles, signatures, window: timedelta = WINDOW):
        self.articles = articles
        self.signatures = signatures
        self.window = window

    def ensure_indexes(self) -> None:
        self.signatures.create_index([("bands", ASCENDING)], name="bands")
        self.signatures.create_index([("cluster_id", ASCENDING)], name="cluster")
        self.signatures.create_index([("published_at", DESCENDING)], name="published")

    def link(self, documents: list[dict]) -> int:
        """Sign, match and cluster a batch of stored articles; returns how many were linked to another site's."""
        prepared = []
        for doc in documents:
            if not doc.get("body"):
                continue
            signature = HASHER.signature(doc["body"])
            when = doc.get("published_at") or doc.get("fetched_at")
            prepared.append((doc, signature, band_keys(signature), when))
        if not prepared:
            return 0
        candidates = self._candidates(prepared)
        remapped: dict[str, str] = {}  # cluster ids superseded while linking this batch
        signature_ops, article_ops = [], []
        linked = 0
        for doc, signature, keys, when in prepared:
            url = doc["url"]
            matches = self._verified(signature, keys, when, doc["site"], url, candidates)
            cluster_ids = {remapped.get(c["cluster_id"], c["cluster_id"]) for c, _, _ in matches}
            previous = self.signatures.find_one({"_id": url}, {"cluster_id": 1}) if not matches else None
            if previous and previous.get("cluster_id") not in (None, url):
                cluster_ids.add(remapped.get(previous["cluster_id"], previous["cluster_id"]))  # keep an old link
            cluster_id = self._original(cluster_ids, url, when)
            superseded = cluster_ids - {cluster_id}
            if superseded:
                for old in superseded:
                    remapped[old] = cluster_id
                self.signatures.update_many({"cluster_id": {"$in": list(superseded)}}, {"$set": {"cluster_id": cluster_id}})
                self.articles.update_many({"cluster_id": {"$in": list(superseded)}}, {"$set": {"cluster_id": cluster_id}})
                for entry in candidates.values():
                    if entry["cluster_id"] in superseded:
                        entry["cluster_id"] = cluster_id
            signature_ops.append(
                UpdateOne(
                    {"_id": url},
                    {
                        "$set": {
                            "site": doc["site"],
                            "published_at": when,
                            "bands": [Int64(k) for k in keys],
                            "shingles": Binary(signature.shingles.tobytes()),
                            "shingle_count": signature.shingle_count,
                            "cluster_id": cluster_id,
                        }
                    },
                    upsert=True,
                )
            )
            fields: dict[str, Any] = {"cluster_id": cluster_id}
            if matches:
                linked += 1
                # `similar_to` points from the later article of a pair to the earlier one it copies.
                earlier = [m for m in matches if not _is_later(m[0].get("published_at"), when)]
                if earlier:
                    best, containment, _ = max(earlier, key=lambda m: m[1])
                    fields.update(similar_to=best["_id"], similarity=round(containment, 4))
                for candidate, containment, _ in matches:
                    if _is_later(candidate.get("published_at"), when):
                        article_ops.append(
                            UpdateOne(
                                {"url": candidate["_id"], "similar_to": {"$exists": False}},
                                {"$set": {"similar_to": url, "similarity": round(containment, 4)}},
                            )
                        )
            article_ops.append(UpdateOne({"url": url}, {"$set": fields}))
        if signature_ops:
            self.signatures.bulk_write(signature_ops, ordered=False)
        if article_ops:
            self.articles.bulk_write(article_ops, ordered=False)
        return linked

    def _candidates(self, prepared) -> dict[str, dict]:
        """Signatures that share a band with any article of the batch, within the batch's time window."""
        keys = {key for _, _, doc_keys, _ in prepared for key in doc_keys}
        times = [when for _, _, _, when in prepared if when is not None]
        query: dict[str, Any] = {"bands": {"$in": [Int64(k) for k in keys]}}
        if times:
            query["published_at"] = {"$gte": min(times) - self.window, "$lte": max(times) + self.window}
        projection = {"site": 1, "published_at": 1, "shingles": 1, "cluster_id": 1, "bands": 1}
        return {c["_id"]: c for c in self.signatures.find(query, projection)}

    def _verified(self, signature: Signature, keys, when, site: str, url: str, candidates: dict[str, dict]):
        if signature.shingle_count < MIN_SHINGLES:
            return []
        own_keys = set(keys)
        own_set = set(signature.shingles)
        verified = []
        for candidate in candidates.values():
            if candidate["_id"] == url or candidate["site"] == site or own_keys.isdisjoint(candidate["bands"]):
                continue
            published = candidate.get("published_at")
            if when is not None and published is not None and abs(published - when) > self.window:
                continue
            other = Signature(array("Q"), 0, _shingles_of(candidate))
            containment, jaccard = signature.similarity(other, own_set)
            if containment >= CONTAINMENT and jaccard >= MIN_JACCARD:
                verified.append((candidate, containment, jaccard))
        return verified

    def _original(self, cluster_ids: set[str], url: str, when: datetime | None) -> str:
        """The URL of the earliest article among this one and the originals of the clusters it joins."""
        if not cluster_ids:
            return url
        originals = {doc["_id"]: doc.get("published_at") for doc in self.signatures.find(
            {"_id": {"$in": list(cluster_ids)}}, {"published_at": 1}
        )}
        choices = [(when, url)] + [(originals.get(cid), cid) for cid in cluster_ids]
        # undated articles sort last; equal times fall back to the URL so every process picks the same one
        return min(choices, key=lambda choice: (choice[0].timestamp() if choice[0] else float("inf"), choice[1]))[1]
