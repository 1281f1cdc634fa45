"""MongoDB storage: the one module that knows the database.

Collections:
- `articles`: one document per canonical URL (unique index on `url`); written by bulk upserts, so two runs that
  overlap, or a run that is resumed, cannot store an article twice.
- `runs`: one document per crawl run (see kznews.monitoring).

Only `MONGO_URI` is configured; a real mongod or any wire-compatible server behind it is the same to this code.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from pymongo import ASCENDING, DESCENDING, MongoClient, UpdateOne
from pymongo.errors import BulkWriteError

logger = logging.getLogger(__name__)

ARTICLES = "articles"
RUNS = "runs"

# Fields set on every write; `first_seen_at` only when the document is created.
_INSERT_ONLY = ("first_seen_at",)


def redact_uri(uri: str) -> str:
    """The URI with its password replaced, for logs and error messages."""
    return re.sub(r"(?<=://)([^:/@]+):([^@/]*)@", r"\1:***@", uri or "")


class ArticleStore:
    def __init__(self, uri: str, database: str, *, timeout_ms: int = 10_000, socket_timeout_ms: int = 60_000):
        self.uri = uri
        self.client: MongoClient = MongoClient(
            uri,
            serverSelectionTimeoutMS=timeout_ms,
            connectTimeoutMS=timeout_ms,
            # A server that stops answering mid-operation must not hold a writer thread forever.
            socketTimeoutMS=socket_timeout_ms,
            tz_aware=True,
            tzinfo=UTC,
            appname="kznews",
        )
        self.db = self.client[database]
        self.articles = self.db[ARTICLES]
        self.runs = self.db[RUNS]

    def __repr__(self) -> str:
        return f"ArticleStore({redact_uri(self.uri)!r}, {self.db.name!r})"

    def ping(self) -> None:
        self.client.admin.command("ping")

    def ensure_indexes(self) -> None:
        self.articles.create_index([("url", ASCENDING)], unique=True, name="url_unique")
        self.articles.create_index([("site", ASCENDING), ("published_at", DESCENDING)], name="site_published")
        self.articles.create_index([("published_at", DESCENDING)], name="published")
        # Loading the recently fetched URLs of one edition for incremental crawls reads only this index.
        self.articles.create_index(
            [("site", ASCENDING), ("lang", ASCENDING), ("fetched_at", DESCENDING), ("url", ASCENDING)],
            name="site_lang_fetched_url",
        )
        self.runs.create_index([("spider", ASCENDING), ("started_at", DESCENDING)], name="spider_started")

    def upsert_articles(self, documents: Iterable[Mapping[str, Any]]) -> dict[str, int]:
        """Insert or update articles keyed by `url`, in one unordered bulk write.

        Two overlapping runs may both try to insert a new URL; the loser gets a duplicate-key error on its
        upsert, which is retried once as an update of the document the winner created."""
        operations = [self._upsert(doc) for doc in documents]
        if not operations:
            return {"upserted": 0, "modified": 0, "matched": 0}
        try:
            result = self.articles.bulk_write(operations, ordered=False)
            details = result.bulk_api_result
        except BulkWriteError as error:
            details = error.details
            duplicates = [e for e in details.get("writeErrors", []) if e.get("code") == 11000]
            others = [e for e in details.get("writeErrors", []) if e.get("code") != 11000]
            if others:
                raise
            retry = [operations[e["index"]] for e in duplicates]
            again = self.articles.bulk_write(retry, ordered=False).bulk_api_result
            details = {
                "nUpserted": details.get("nUpserted", 0) + again.get("nUpserted", 0),
                "nModified": details.get("nModified", 0) + again.get("nModified", 0),
                "nMatched": details.get("nMatched", 0) + again.get("nMatched", 0),
            }
        return {
            "upserted": details.get("nUpserted", 0),
            "modified": details.get("nModified", 0),
            "matched": details.get("nMatched", 0),
        }

    @staticmethod
    def _upsert(doc: Mapping[str, Any]) -> UpdateOne:
        fields = {k: v for k, v in doc.items() if k not in _INSERT_ONLY and k != "_id"}
        on_insert = {k: doc[k] for k in _INSERT_ONLY if k in doc}
        update: dict[str, Any] = {"$set": fields}
        if on_insert:
            update["$setOnInsert"] = on_insert
        return UpdateOne({"url": doc["url"]}, update, upsert=True)

    # --- reliability: loading spill files (kznews.spill) ---------------------------------------------------

    def upsert_if_newer(self, documents: Iterable[Mapping[str, Any]]) -> dict[str, int]:
        """Upsert articles by `url` unless the stored one was fetched later (a spill file loaded late must not
        overwrite a newer crawl). Idempotent: loading the same documents twice changes nothing the second time.
        Returns counts: inserted, updated, unchanged (same fetch already stored), stale (a newer one is stored)."""
        operations = []
        for doc in documents:
            # `updated_at` stays the time the run meant to write it: loading twice then modifies nothing.
            fields = {k: v for k, v in doc.items() if k not in _INSERT_ONLY and k != "_id"}
            update: dict[str, Any] = {"$set": fields}
            on_insert = {k: doc[k] for k in _INSERT_ONLY if k in doc}
            if on_insert:
                update["$setOnInsert"] = on_insert
            query: dict[str, Any] = {"url": doc["url"]}
            if doc.get("fetched_at") is not None:
                query["$or"] = [{"fetched_at": {"$lte": doc["fetched_at"]}}, {"fetched_at": None}]
            operations.append(UpdateOne(query, update, upsert=True))
        if not operations:
            return {"inserted": 0, "updated": 0, "unchanged": 0, "stale": 0}
        stale = 0
        try:
            details = self.articles.bulk_write(operations, ordered=False).bulk_api_result
        except BulkWriteError as error:
            # A duplicate key here means the stored document is newer: the filter did not match, the insert
            # collided with it. Anything else is a real error.
            details = error.details
            errors = details.get("writeErrors", [])
            if any(e.get("code") != 11000 for e in errors):
                raise
            stale = len(errors)
        matched, modified = details.get("nMatched", 0), details.get("nModified", 0)
        return {"inserted": details.get("nUpserted", 0), "updated": modified, "unchanged": matched - modified,
                "stale": stale}

    def known_urls(self, site: str, langs: Iterable[str], fetched_since: datetime) -> dict[str, float]:
        """Canonical URL -> when it was last fetched (Unix seconds), for the articles of these editions fetched
        since `fetched_since`: what an incremental run need not request again. Read from a covering index."""
        query = {"site": site, "lang": {"$in": list(langs)}, "fetched_at": {"$gte": fetched_since}}
        cursor = self.articles.find(query, {"url": 1, "fetched_at": 1, "_id": 0}).hint("site_lang_fetched_url")
        return {doc["url"]: doc["fetched_at"].timestamp() for doc in cursor}

    def close(self) -> None:
        self.client.close()


def now_utc() -> datetime:
    return datetime.now(UTC)
