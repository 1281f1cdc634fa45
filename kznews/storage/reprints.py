"""Linking reprints across sites in MongoDB: the `signatures` collection (used by ArticleStore).

Every stored article gets a MinHash signature (kznews.syndication: word 3-shingles, 128 bins) in the
`signatures` collection: its 64 LSH band keys (2 rows each), its exact shingle set, its site, publication time and
cluster. A new article's band keys find candidate articles of OTHER sites published within the window (3 days
either side); each candidate is verified on the exact shingle sets (containment >= 0.55 and Jaccard >= 0.15, the
thresholds tuned on the labelled set in tests/data/syndication). Verified matches join one cluster whose
`cluster_id` is the URL of its earliest article (the original); a late-crawled original, or an article bridging
two clusters, re-points every member. Both documents are always kept; `cluster_id == url` marks an original (or an
article with no reprints), and is what an article gets when it is first stored.

The candidate search runs in memory, against the other sites' signatures this process has read: those published
around the articles it stores (read once per day of publication, by an index on `published_at`), then, before
every batch, whatever other processes stored since (an index on `stored_at`). So every process (several spiders,
several scrapy-redis nodes) links against the same history, with range reads instead of one index lookup per band
key (which a multikey index answers slowly, and would make every insert write 64 index entries). Memory stays
small and bounded: per known article one row of 64 band keys in a numpy matrix and a few fields (about 1 KB); the
shingle sets of the few LSH candidates are read from the database when a candidate needs verifying; a store that
writes one site (a spider's) keeps only other sites' articles; past MAX_KNOWN articles the oldest are forgotten.
"""

from __future__ import annotations

import hashlib
import struct
from array import array
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
from bson import Binary
from pymongo import ASCENDING, DESCENDING, UpdateMany, UpdateOne

from kznews.syndication import MinHasher, Signature

WINDOW = timedelta(days=3)
CONTAINMENT = 0.55
MIN_JACCARD = 0.15
MIN_SHINGLES = 25  # shorter bodies (a photo caption, a one-line notice) are not compared
ROWS = 2
HASHER = MinHasher(num_bins=128, keep_shingles=True)
BANDS = HASHER.num_bins // ROWS
# Every write of an article (here and in kznews.storage.articles) sets `updated_at` from the database server's
# clock ($currentDate), never the writer's: incremental pulls (kznews.storage.pulls) order documents by it, and a
# writer with a skewed clock must not put a change behind a consumer's cursor. A document's own `updated_at` is ignored.
SERVER_UPDATED_AT = {"$currentDate": {"updated_at": True}}
# `stored_at` is the database server's clock ($currentDate), the same for every process; signatures are read again
# from this much before the latest one seen, for writes that were in flight during the previous read.
CLOCK_SLACK = timedelta(seconds=2)
READ_CHUNK = 500  # signatures asked for by _id in one query
MAX_KNOWN = 60_000  # other sites' articles kept in memory (about 60 MB); the oldest go first


def band_keys(signature: Signature) -> list[int]:
    """Stable 64-bit LSH band keys (the same in every process and Python version)."""
    values = signature.values
    keys = []
    for band in range(BANDS):
        packed = struct.pack("<H2Q", band, *values[band * ROWS : band * ROWS + ROWS])
        keys.append(int.from_bytes(hashlib.blake2b(packed, digest_size=8).digest(), "little", signed=True))
    return keys


@dataclass
class _Known:
    """Another site's article, as this process knows it."""

    row: int  # its row in the band matrix
    site: str
    published_at: datetime | None
    cluster_id: str


def _aware(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


class ReprintLinker:
    def __init__(self, articles, signatures, window: timedelta = WINDOW, site: str | None = None):
        self.articles = articles
        self.signatures = signatures
        self.window = window
        self.site = site  # the one site this store writes (a spider's), whose own articles need no memory
        self._forget_all()

    def _forget_all(self) -> None:
        self.known: dict[str, _Known] = {}
        self.urls: list[str | None] = []  # row -> URL (None once forgotten)
        self.bands = np.empty((1024, BANDS), dtype=np.int64)
        self.loaded_days: set = set()  # publication days whose signatures have been read
        self.cursor: datetime | None = None  # stored_at up to which other processes' signatures have been read

    def ensure_indexes(self) -> None:
        self.signatures.create_index([("published_at", DESCENDING)], name="published")
        self.signatures.create_index([("stored_at", ASCENDING)], name="stored")
        self.signatures.create_index([("cluster_id", ASCENDING)], name="cluster")

    # --- what this process knows of other sites ------------------------------------------------------------

    def _remember(self, doc: dict) -> None:
        url = doc["_id"]
        known = self.known.get(url)
        if known is not None:
            known.cluster_id = doc.get("cluster_id") or url
            return
        row = len(self.urls)
        if row == len(self.bands):
            self.bands = np.concatenate([self.bands, np.empty_like(self.bands)])
        self.bands[row] = np.frombuffer(bytes(doc["bands"]), dtype="<i8")
        self.urls.append(url)
        self.known[url] = _Known(row, doc["site"], _aware(doc.get("published_at")), doc.get("cluster_id") or url)

    def _read(self, query: dict) -> None:
        if self.site:
            query = {**query, "site": {"$ne": self.site}}
        projection = {"site": 1, "published_at": 1, "bands": 1, "cluster_id": 1, "stored_at": 1}
        for doc in self.signatures.find(query, projection):
            stored_at = _aware(doc.get("stored_at"))
            if stored_at is not None and (self.cursor is None or stored_at > self.cursor):
                self.cursor = stored_at
            if doc["_id"] not in self.known:
                self._remember(doc)
        if len(self.known) > MAX_KNOWN:
            self._forget_oldest()

    def _read_stored_since(self, since: datetime) -> None:
        """Other sites' signatures stored since then. The stored_at index is read first without the bands, all
        sites, so the cursor moves on with this site's own writes too: filtered by site in the query, a process
        that is the only writer (a one-site backfill, the soak) read back its own whole run at every batch, a cost
        growing with the run (the soak fell from 63 to 23 pages a second by 30,000 pages)."""
        if self.site is None:
            self._read({"stored_at": {"$gte": since}})
            return
        others = []
        for doc in self.signatures.find({"stored_at": {"$gte": since}}, {"site": 1, "stored_at": 1}):
            stored_at = _aware(doc.get("stored_at"))
            if stored_at is not None and (self.cursor is None or stored_at > self.cursor):
                self.cursor = stored_at
            if doc.get("site") != self.site:
                others.append(doc["_id"])
        for start in range(0, len(others), READ_CHUNK):
            self._read({"_id": {"$in": others[start : start + READ_CHUNK]}})

    def _forget_oldest(self) -> None:
        """Keep the most recently published three quarters; forgotten days are read again if needed."""
        keep = sorted(self.known.items(), key=lambda item: item[1].published_at or datetime.min.replace(tzinfo=UTC))
        keep = keep[len(keep) // 4 :]
        old_bands, cursor = self.bands, self.cursor
        self._forget_all()
        self.cursor = cursor  # what other processes stored since is still to be read
        for url, known in keep:
            row = len(self.urls)
            if row == len(self.bands):
                self.bands = np.concatenate([self.bands, np.empty_like(self.bands)])
            self.bands[row] = old_bands[known.row]
            self.urls.append(url)
            self.known[url] = _Known(row, known.site, known.published_at, known.cluster_id)

    def _catch_up(self, times: list[datetime]) -> None:
        """Read other sites' signatures around these publication times (once per day) and everything stored by
        other processes since the last batch."""
        if self.cursor is not None:
            self._read_stored_since(self.cursor - CLOCK_SLACK)
        else:
            self.cursor = datetime.now(UTC) - CLOCK_SLACK  # the first batch: from now on (its days are read below)
        days = {(moment - self.window).date() + timedelta(days=offset) for moment in times
                for offset in range((2 * self.window).days + 1)}
        missing = sorted(days - self.loaded_days)
        if missing:
            start = datetime.combine(missing[0], datetime.min.time(), UTC)
            end = datetime.combine(missing[-1], datetime.min.time(), UTC) + timedelta(days=1)
            self._read({"published_at": {"$gte": start, "$lt": end}})
            self.loaded_days.update(missing)

    def _candidates(self, batch_keys: np.ndarray) -> list[np.ndarray]:
        """Rows sharing at least one band (same band, same key) with each article of the batch."""
        count = len(self.urls)
        if not count:
            return [np.empty(0, dtype=np.int64)] * len(batch_keys)
        known = self.bands[:count]
        rows = np.flatnonzero(np.isin(known, batch_keys.ravel()).any(axis=1))
        if not rows.size:
            return [rows] * len(batch_keys)
        subset = known[rows]
        return [rows[(subset == keys).any(axis=1)] for keys in batch_keys]

    # --- linking ------------------------------------------------------------------------------------------------

    def link(self, documents: list[dict]) -> int:
        """Sign, match and cluster a batch of stored articles; returns how many were linked to another site's."""
        prepared = []
        for doc in documents:
            if not doc.get("body"):
                continue
            signature = HASHER.signature(doc["body"])
            when = _aware(doc.get("published_at") or doc.get("fetched_at"))
            prepared.append((doc, signature, band_keys(signature), when))
        if not prepared:
            return 0
        self._catch_up([when for *_, when in prepared if when is not None])
        candidate_rows = self._candidates(np.array([keys for _, _, keys, _ in prepared], dtype=np.int64))
        shingles = self._shingles_of({self.urls[row] for rows in candidate_rows for row in rows} - {None})
        signature_ops, article_ops, merge_ops = [], [], []
        linked = 0
        for (doc, signature, keys, when), rows in zip(prepared, candidate_rows, strict=True):
            url = doc["url"]
            candidates = [self.urls[row] for row in rows if self.urls[row] is not None]
            matches = self._verified(signature, candidates, shingles, when, doc["site"])
            cluster_id = url
            if matches:
                linked += 1
                self._refresh_clusters([candidate for candidate, _, _ in matches])
                cluster_ids = {self.known[candidate].cluster_id for candidate, _, _ in matches}
                cluster_id = self._original(cluster_ids, url, when)
                superseded = sorted(cluster_ids - {cluster_id})
                if superseded:
                    merge_ops.append((superseded, cluster_id))
                    for known in self.known.values():
                        if known.cluster_id in superseded:
                            known.cluster_id = cluster_id
                fields: dict[str, Any] = {"cluster_id": cluster_id}
                # `similar_to` points from the later article of a pair to the earlier one it copies.
                earlier = [m for m in matches if not _is_later(self.known[m[0]].published_at, when)]
                if earlier:
                    best, containment, _ = max(earlier, key=lambda m: m[1])
                    fields.update(similar_to=best, similarity=round(containment, 4))
                article_ops.extend(_relink(url, fields))
                for candidate, containment, _ in matches:
                    if _is_later(self.known[candidate].published_at, when):
                        article_ops.append(
                            UpdateOne(
                                {"url": candidate, "similar_to": {"$exists": False}},
                                {"$set": {"similar_to": url, "similarity": round(containment, 4)},
                                 **SERVER_UPDATED_AT},
                            )
                        )
            signature_ops.append(
                UpdateOne(
                    {"_id": url},
                    {
                        "$set": {
                            "site": doc["site"],
                            "published_at": when,
                            # 64 little-endian int64 in one binary value: far cheaper to encode and read than
                            # an array of 64 numbers (the keys are compared in memory, never queried)
                            "bands": Binary(np.asarray(keys, dtype="<i8").tobytes()),
                            "shingles": Binary(signature.shingles.tobytes()),
                            "shingle_count": signature.shingle_count,
                        },
                        "$currentDate": {"stored_at": True},  # the server's clock: one for every process
                        # a re-stored article keeps the cluster it is in; a new one starts its own
                        "$setOnInsert": {"cluster_id": cluster_id},
                    },
                    upsert=True,
                )
            )
            if matches:
                signature_ops.append(UpdateOne({"_id": url}, {"$set": {"cluster_id": cluster_id}}))
        if signature_ops:
            self.signatures.bulk_write(signature_ops, ordered=True)
        for superseded, cluster_id in merge_ops:
            self.signatures.bulk_write([UpdateMany({"cluster_id": {"$in": superseded}}, {"$set": {"cluster_id": cluster_id}})])
            self.articles.bulk_write([UpdateMany({"cluster_id": {"$in": superseded}},
                                                 {"$set": {"cluster_id": cluster_id}, **SERVER_UPDATED_AT})])
        if article_ops:
            self.articles.bulk_write(article_ops, ordered=True)
        return linked

    def _shingles_of(self, urls: set[str]) -> dict[str, array]:
        found = {}
        if urls:
            for doc in self.signatures.find({"_id": {"$in": sorted(urls)}}, {"shingles": 1}):
                shingles = array("I")
                shingles.frombytes(bytes(doc["shingles"]))
                found[doc["_id"]] = shingles
        return found

    def _verified(self, signature: Signature, candidates, shingles, when: datetime | None, site: str):
        if signature.shingle_count < MIN_SHINGLES or not candidates:
            return []
        own_set = set(signature.shingles)
        verified = []
        for url in candidates:
            known = self.known[url]
            if known.site == site or url not in shingles:
                continue
            if when is not None and known.published_at is not None and abs(known.published_at - when) > self.window:
                continue
            containment, jaccard = signature.similarity(Signature(array("Q"), 0, shingles[url]), own_set)
            if containment >= CONTAINMENT and jaccard >= MIN_JACCARD:
                verified.append((url, containment, jaccard))
        return verified

    def _refresh_clusters(self, urls: list[str]) -> None:
        """Clusters may have been re-pointed by another process since this one read them."""
        for doc in self.signatures.find({"_id": {"$in": urls}}, {"cluster_id": 1}):
            self.known[doc["_id"]].cluster_id = doc.get("cluster_id") or doc["_id"]

    def _original(self, cluster_ids: set[str], url: str, when: datetime | None) -> str:
        """The URL of the earliest article among this one and the originals of the clusters it joins."""
        originals = {
            doc["_id"]: _aware(doc.get("published_at"))
            for doc in self.signatures.find({"_id": {"$in": list(cluster_ids)}}, {"published_at": 1})
        }
        choices = [(when, url)] + [(originals.get(cid), cid) for cid in cluster_ids]
        # undated articles sort last; equal times fall back to the URL so every process picks the same one
        return min(choices, key=lambda choice: (choice[0].timestamp() if choice[0] else float("inf"), choice[1]))[1]


def _relink(url: str, fields: dict[str, Any]) -> list[UpdateOne]:
    """Set an article's cluster fields, only when one of them changes: linking again (a sweep, a reloaded spill
    file) must not move `updated_at` of an article whose story did not change, or pulls deliver it again.

    One update per field, run in order: the first whose field differs sets them all, and the ones after it then
    match nothing. The same effect as one update filtered by an $or of the fields, but each filter is `url` and one
    field's condition, which every server answers from the url index (the $or made the bundled test server scan
    the collection: 123 ms an update at 5,000 articles, growing with the collection)."""
    update = {"$set": fields, **SERVER_UPDATED_AT}
    return [UpdateOne({"url": url, name: {"$ne": value}}, update) for name, value in fields.items()]


def _is_later(moment: datetime | None, than: datetime | None) -> bool:
    return moment is not None and than is not None and moment > than
