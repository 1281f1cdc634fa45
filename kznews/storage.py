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
    def __init__(self, uri: str, database: str, *, timeout_ms: int = 10_000):
        self.uri = uri
        self.client: MongoClient = MongoClient(
            uri,
            serverSelectionTimeoutMS=timeout_ms,
            connectTimeoutMS=timeout_ms,
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
        # Loading the known URLs of one edition for incremental crawls reads only this index.
        self.articles.create_index(
            [("site", ASCENDING), ("lang", ASCENDING), ("url", ASCENDING)], name="site_lang_url"
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

    def known_urls(self, site: str, lang: str | None = None) -> set[str]:
        """Canonical URLs already stored for a site (and edition), read from the covering index."""
        query: dict[str, Any] = {"site": site}
        if lang:
            query["lang"] = lang
        cursor = self.articles.find(query, {"url": 1, "_id": 0}).hint("site_lang_url")
        return {doc["url"] for doc in cursor}

    # --- runs: one document per crawl run, written by kznews.monitoring ---------------------------------------

    def ensure_run_indexes(self) -> None:
        self.runs.create_index([("spider", ASCENDING), ("started_at", DESCENDING)], name="spider_started")
        self.runs.create_index([("started_at", DESCENDING)], name="started")
        self.runs.create_index([("healthy", ASCENDING), ("started_at", DESCENDING)], name="healthy_started")

    def record_run(self, run: Mapping[str, Any]) -> None:
        """Insert or replace one run document (keyed by its `_id`, the scrapyd job id when there is one)."""
        self.ensure_run_indexes()
        self.runs.replace_one({"_id": run["_id"]}, dict(run), upsert=True)

    def latest_runs(
        self, spiders: Iterable[str] | None = None, per_spider: int = 3, *, unhealthy: bool = False
    ) -> dict[str, list[dict[str, Any]]]:
        """The last `per_spider` runs of each spider (newest first), by the `spider_started` index. Spiders
        without runs map to an empty list; without `spiders`, every spider that has runs."""
        names = list(spiders) if spiders is not None else sorted(self.runs.distinct("spider"))
        query: dict[str, Any] = {"healthy": False} if unhealthy else {}
        projection = {"stats": 0, "checks": 0, "thresholds": 0}
        return {
            name: list(
                self.runs.find({"spider": name, **query}, projection)
                .sort("started_at", DESCENDING)
                .limit(per_spider)
            )
            for name in names
        }

    def close(self) -> None:
        self.client.close()


def now_utc() -> datetime:
    return datetime.now(UTC)
