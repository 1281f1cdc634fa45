"""The articles collection, and the handle on every other collection (kznews.storage owns the database).

Collections:
- `articles`: one document per canonical URL (unique index on `url`); written by bulk upserts, so two runs that
  overlap, or a run that is resumed, cannot store an article twice. The same body under a second URL of the same
  site (an article listed under two sections) is not stored again: the URL joins the first document's `aliases`
  (unique index on site + body_hash). An archived copy (kznews.archives) never replaces a copy of the URL fetched
  later, a live one in particular.
- `signatures`: the MinHash LSH band keys and shingle sets of recent articles, which link reprints across sites
  (see ReprintLinker): articles whose bodies are near copies share a `cluster_id`, the URL of the earliest one.
- `runs`: one document per crawl run (see kznews.monitoring).

Only `MONGO_URI` is configured; a real mongod or any wire-compatible server behind it is the same to this code.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from pymongo import ASCENDING, DESCENDING, MongoClient, UpdateOne
from pymongo.errors import BulkWriteError, PyMongoError

from kznews.schema import SCHEMA_VERSION
from kznews.storage.reprints import SERVER_UPDATED_AT, ReprintLinker

logger = logging.getLogger(__name__)

ARTICLES = "articles"
SIGNATURES = "signatures"
RUNS = "runs"
UPDATED_INDEX = "updated_id"

# Backfills load the known URLs published in their window, with this margin each side (known_urls_published).
WINDOW_MARGIN = timedelta(days=1)
# Fields set on every write; `first_seen_at` only when the document is created.
_INSERT_ONLY = ("first_seen_at",)


def redact_uri(uri: str) -> str:
    """The URI with its password replaced, for logs and error messages."""
    return re.sub(r"(?<=://)([^:/@]+):([^@/]*)@", r"\1:***@", uri or "")


def refused_credentials(uri: str, timeout_ms: int = 3000) -> str | None:
    """One line (without the password) when the server refuses the credentials MONGO_URI carries, else None.
    Commands ask before a crawl starts: a wrong password is a configuration to fix, not an outage to wait out. A
    server that cannot be reached is not judged here (the crawl keeps its articles and spills them)."""
    from kznews.storage.errors import describe, is_auth_error

    if not uri or "@" not in uri.split("://", 1)[-1].split("/", 1)[0]:
        return None  # no user in the URI: nothing to refuse
    try:
        client = MongoClient(uri, serverSelectionTimeoutMS=timeout_ms, connectTimeoutMS=timeout_ms)
    except Exception:  # a malformed URI: the pipeline says so, with the URI redacted
        return None
    try:
        client.admin.command("ping")
    except Exception as error:
        return describe(error, redact_uri(uri)) if is_auth_error(error) else None
    finally:
        client.close()
    return None


class ArticleStore:
    def __init__(self, uri: str, database: str, *, timeout_ms: int = 10_000, site: str | None = None, socket_timeout_ms: int = 60_000):
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
        self.signatures = self.db[SIGNATURES]
        self.runs = self.db[RUNS]
        # `site`: the one site this store writes (a spider's), so reprint linking keeps only other sites in memory
        self.reprints = ReprintLinker(self.articles, self.signatures, site=site)
        self._probe: MongoClient | None = None  # the ping client of `answers`, made when first needed

    def __repr__(self) -> str:
        return f"ArticleStore({redact_uri(self.uri)!r}, {self.db.name!r})"

    def ping(self) -> None:
        self.client.admin.command("ping")

    def answers(self, timeout_ms: int) -> bool:
        """Whether the server answers a ping within `timeout_ms`: slow (alive) or down. On a client of its own
        with one short-timeout connection, because the writer's connections may all be busy with a slow write."""
        if self._probe is None:
            self._probe = MongoClient(
                self.uri, serverSelectionTimeoutMS=timeout_ms, connectTimeoutMS=timeout_ms,
                socketTimeoutMS=timeout_ms, maxPoolSize=1, appname="kznews-ping",
            )
        try:
            self._probe.admin.command("ping")
        except PyMongoError:
            return False
        return True

    def ensure_indexes(self) -> None:
        self.articles.create_index([("url", ASCENDING)], unique=True, name="url_unique")
        self.articles.create_index([("site", ASCENDING), ("published_at", DESCENDING)], name="site_published")
        self.articles.create_index([("published_at", DESCENDING)], name="published")
        # Loading the recently fetched URLs of one edition for incremental crawls reads only this index.
        self.articles.create_index(
            [("site", ASCENDING), ("lang", ASCENDING), ("fetched_at", DESCENDING), ("url", ASCENDING)],
            name="site_lang_fetched_url",
        )
        # One document per body on a site: a second URL with the same body becomes an alias.
        self.articles.create_index(
            [("site", ASCENDING), ("body_hash", ASCENDING)],
            unique=True,
            partialFilterExpression={"body_hash": {"$type": "string"}},
            name="site_body_hash_unique",
        )
        # Alias lookups read this one (a query planner need not prove a query implies the partial filter above).
        self.articles.create_index([("body_hash", ASCENDING)], name="body_hash")
        self.articles.create_index([("cluster_id", ASCENDING)], name="cluster")
        # incremental pulls read changes in this order (kznews.storage.pulls)
        self.articles.create_index([("updated_at", ASCENDING), ("_id", ASCENDING)], name=UPDATED_INDEX)
        # Spiders look URLs up in batches (last_fetches), aliases too.
        self.articles.create_index([("aliases", ASCENDING)], name="aliases", sparse=True)
        self.reprints.ensure_indexes()
        self.runs.create_index([("spider", ASCENDING), ("started_at", DESCENDING)], name="spider_started")

    def upsert_articles(self, documents: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
        """Store articles (`store_articles`), then link their reprints across sites (`link_reprints`)."""
        counts = self.store_articles(documents)
        started = time.perf_counter()
        counts["linked"] = self.link_reprints(counts.pop("to_link"))
        counts["link_ms"] = round((time.perf_counter() - started) * 1000)
        return counts

    def store_articles(self, documents: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
        """Insert or update each article keyed by `url` in one unordered bulk write and turn same-site duplicates
        into aliases. Returns counts (upserted, modified, matched, aliased, store_ms) and `to_link`: the stored
        documents whose reprints `link_reprints` links.

        Two overlapping runs may both try to insert a new URL (or a new body); the loser gets a duplicate-key
        error, and its document is resolved again against what the winner stored and written once more."""
        documents = [dict(doc) for doc in documents]
        started = time.perf_counter()
        counts: dict[str, Any] = {"upserted": 0, "modified": 0, "matched": 0, "aliased": 0, "stale": 0}
        aliased: set[str] = set()
        stale: set[str] = set()
        pending = documents
        for attempt in range(3):
            stored, alias_ops = self._resolve_aliases(pending)
            aliased.update(doc["url"] for _, doc in alias_ops)
            alias_ops = [op for op, _ in alias_ops]
            counts["aliased"] += len(alias_ops)
            operations = [self._upsert(doc) for doc in stored] + alias_ops
            if not operations:
                break
            try:
                details = self.articles.bulk_write(operations, ordered=False).bulk_api_result
                pending = []
            except BulkWriteError as error:
                details = error.details
                errors = details.get("writeErrors", [])
                if any(e.get("code") != 11000 for e in errors):
                    raise
                # An archived copy whose URL is stored with a later fetch finds no document to update, and its
                # insert collides with that one: it is stale, not lost (a race is tried once more first).
                archived = {e["index"] for e in errors if attempt > 0 and e["index"] < len(stored)
                            and is_archived(stored[e["index"]])}
                later = self._fetched_later([stored[i] for i in archived])
                older = {i for i in archived if stored[i]["url"] in later}
                stale.update(stored[i]["url"] for i in older)
                counts["stale"] += len(older)
                errors = [e for e in errors if e["index"] not in older]
                if errors and attempt == 2:
                    raise
                pending = [stored[e["index"]] for e in errors if e["index"] < len(stored)]
            counts["upserted"] += details.get("nUpserted", 0)
            counts["modified"] += details.get("nModified", 0)
            counts["matched"] += details.get("nMatched", 0)
            if not pending:
                break
        # archived copies not stored because a later fetch is (counted `stale`) join no story
        counts["to_link"] = [doc for doc in documents if doc.get("body_hash") and doc["url"] not in aliased | stale]
        # where the database time goes, for the crawl's stats (milliseconds)
        counts["store_ms"] = round((time.perf_counter() - started) * 1000)
        return counts

    def link_reprints(self, documents: list[dict]) -> int:
        """Link stored articles to other sites' near copies (kznews.storage.reprints); how many were linked.
        Idempotent: `python -m kznews link-reprints` does it again for recent articles."""
        return self.reprints.link(documents) if documents else 0

    def _fetched_later(self, documents: list[dict]) -> set[str]:
        """The URLs of these documents that are stored with a later fetch time than theirs."""
        if not documents:
            return set()
        fetched = {doc["url"]: doc.get("fetched_at") for doc in documents}
        later = set()
        for stored in self.articles.find({"url": {"$in": list(fetched)}}, {"url": 1, "fetched_at": 1, "_id": 0}):
            mine = fetched.get(stored["url"])
            if mine is not None and stored.get("fetched_at") is not None and stored["fetched_at"] > mine:
                later.add(stored["url"])
        return later

    def _fetched_same(self, documents: list[dict]) -> set[str]:
        """The URLs of these documents that are stored with the same fetch time as theirs."""
        fetched = {doc["url"]: doc.get("fetched_at") for doc in documents if doc.get("fetched_at") is not None}
        same = set()
        for stored in self.articles.find({"url": {"$in": list(fetched)}}, {"url": 1, "fetched_at": 1, "_id": 0}):
            if stored.get("fetched_at") is not None and _ms(stored["fetched_at"]) == _ms(fetched[stored["url"]]):
                same.add(stored["url"])
        return same

    def _resolve_aliases(self, documents: list[dict]) -> tuple[list[dict], list[tuple[UpdateOne, dict]]]:
        """Split documents into those to store and (alias update, document) pairs for bodies a site already has
        under another URL (stored before, or earlier in this batch)."""
        hashed = [doc for doc in documents if doc.get("body_hash")]
        owners: dict[tuple[str, str], str] = {}
        if hashed:
            # One query on the plain body_hash index, the batch's sites picked out here: an $or of per-site
            # conditions, or a query on the partial unique index, is a collection scan on some servers (the
            # bundled test server: 10.7 s a batch at 20,000 articles, growing with the collection).
            wanted = {(doc["site"], doc["body_hash"]) for doc in hashed}
            query = {"body_hash": {"$in": sorted({body_hash for _, body_hash in wanted})}}
            for existing in self.articles.find(query, {"url": 1, "site": 1, "body_hash": 1, "_id": 0}):
                key = (existing.get("site"), existing.get("body_hash"))
                if key in wanted:
                    owners[key] = existing["url"]
        stored, alias_ops = [], []
        for doc in documents:
            key = (doc.get("site"), doc.get("body_hash"))
            owner = owners.get(key) if doc.get("body_hash") else None
            if owner is None or owner == doc["url"]:
                if doc.get("body_hash"):
                    owners[key] = doc["url"]
                stored.append(doc)
                continue
            alias_ops.append((UpdateOne({"url": owner, "aliases": {"$ne": doc["url"]}},
                                        {"$addToSet": {"aliases": doc["url"]}, **SERVER_UPDATED_AT}), doc))
        return stored, alias_ops

    @staticmethod
    def _upsert(doc: Mapping[str, Any]) -> UpdateOne:
        fields = _stored_fields(doc)
        if fields.get("body_hash") is None:  # no hash, no entry in the unique (site, body_hash) index
            fields.pop("body_hash", None)
        on_insert = {k: doc[k] for k in _INSERT_ONLY if k in doc}
        if "cluster_id" not in fields:  # every article starts as its own story; reprint linking may join it to one
            on_insert["cluster_id"] = doc["url"]
        update: dict[str, Any] = {"$set": fields, **SERVER_UPDATED_AT}
        if on_insert:
            update["$setOnInsert"] = on_insert
        return UpdateOne(_upsert_filter(doc), update, upsert=True)

    # --- reliability: loading spill files (kznews.storage.spill) ---------------------------------------------------

    def upsert_if_newer(self, documents: Iterable[Mapping[str, Any]]) -> dict[str, int]:
        """Upsert articles by `url` unless the stored one was fetched later (a spill file loaded late must not
        overwrite a newer crawl). Idempotent: loading the same documents twice changes nothing the second time.
        Returns counts: inserted, updated, unchanged (same fetch already stored), stale (a newer one is stored)."""
        documents = [dict(doc) for doc in documents]
        # The same fetch already stored: nothing to write (a write would move `updated_at`, and incremental pulls
        # would deliver an unchanged document again), so loading twice changes nothing the second time.
        same = self._fetched_same(documents)
        operations = []
        for doc in documents:
            if doc["url"] in same:
                continue
            fields = _stored_fields(doc)
            update: dict[str, Any] = {"$set": fields, **SERVER_UPDATED_AT}
            on_insert = {k: doc[k] for k in _INSERT_ONLY if k in doc}
            if "cluster_id" not in fields:  # every article starts as its own story, as in _upsert
                on_insert["cluster_id"] = doc["url"]
            if on_insert:
                update["$setOnInsert"] = on_insert
            query: dict[str, Any] = {"url": doc["url"]}
            if doc.get("fetched_at") is not None:
                query["fetched_at"] = not_later_than(doc["fetched_at"])
            operations.append(UpdateOne(query, update, upsert=True))
        if not operations:
            return {"inserted": 0, "updated": 0, "unchanged": len(same), "stale": 0}
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
        # spilled articles join their stories like any other (linking is idempotent)
        self.reprints.link([dict(doc) for doc in documents if doc.get("body")])
        return {"inserted": details.get("nUpserted", 0), "updated": modified,
                "unchanged": matched - modified + len(same), "stale": stale}

    def relink_reprints(self, published_since: datetime, batch_size: int = 200) -> dict[str, int]:
        """Link again the articles published since then, site by site, oldest first: what two processes storing
        matching articles at the same moment could each have missed (linking is idempotent; clusters only merge)."""
        counts = {"articles": 0, "linked": 0}
        for site in sorted(self.articles.distinct("site", {"published_at": {"$gte": published_since}})):
            linker = ReprintLinker(self.articles, self.signatures, site=site)
            cursor = self.articles.find(
                {"site": site, "published_at": {"$gte": published_since}},
                {"url": 1, "site": 1, "body": 1, "published_at": 1, "fetched_at": 1, "_id": 0},
            ).sort("published_at", ASCENDING)
            batch: list[dict] = []
            for doc in cursor:
                batch.append(doc)
                if len(batch) >= batch_size:
                    counts["linked"] += linker.link(batch)
                    counts["articles"] += len(batch)
                    batch = []
            if batch:
                counts["linked"] += linker.link(batch)
                counts["articles"] += len(batch)
        return counts

    def known_urls(self, site: str, langs: Iterable[str], fetched_since: datetime) -> dict[str, float]:
        """Canonical URL -> when it was last fetched (Unix seconds), for the articles of these editions fetched
        since `fetched_since` and their aliases: what an incremental run need not request again."""
        query = {"site": site, "lang": {"$in": list(langs)}, "fetched_at": {"$gte": fetched_since}}
        cursor = self.articles.find(query, {"url": 1, "fetched_at": 1, "_id": 0}).hint("site_lang_fetched_url")
        known = {doc["url"]: doc["fetched_at"].timestamp() for doc in cursor}
        for doc in self.articles.find({**query, "aliases": {"$exists": True}}, {"aliases": 1, "fetched_at": 1}):
            for alias in doc["aliases"]:
                known.setdefault(alias, doc["fetched_at"].timestamp())
        return known

    def known_urls_published(
        self, site: str, langs: Iterable[str], since: datetime | None, until: datetime | None
    ) -> dict[str, float]:
        """Like `known_urls`, for a backfill: the stored articles (and aliases) published in the window, with a day
        of margin each side (a list's date and the page's may differ by the time zone), whenever they were fetched.
        Reads the `site_published` index, so the cost follows the window, not the size of the collection."""
        published: dict[str, Any] = {}
        if since is not None:
            published["$gte"] = since - WINDOW_MARGIN
        if until is not None:
            published["$lt"] = until + WINDOW_MARGIN
        query: dict[str, Any] = {"site": site, "lang": {"$in": list(langs)}}
        if published:
            query["published_at"] = published
        known: dict[str, float] = {}
        projection = {"url": 1, "fetched_at": 1, "aliases": 1, "_id": 0}
        for doc in self.articles.find(query, projection).hint("site_published"):
            fetched = doc["fetched_at"].timestamp() if doc.get("fetched_at") else 0.0
            known[doc["url"]] = fetched
            for alias in doc.get("aliases") or ():
                known.setdefault(alias, fetched)
        return known

    def last_fetches(self, urls: list[str], fetched_since: datetime | None = None, chunk: int = 500) -> dict[str, float]:
        """Canonical URL -> when it was last fetched (Unix seconds), for those of these URLs that are stored (as a
        document's URL or one of its aliases), fetched since `fetched_since` when given: `known_urls` for just
        these URLs, by the url and aliases indexes, so its cost follows the URLs asked about, not the collection."""
        found: dict[str, float] = {}
        projection = {"url": 1, "aliases": 1, "fetched_at": 1, "_id": 0}
        for start in range(0, len(urls), chunk):
            part = urls[start : start + chunk]
            wanted = set(part)
            # two queries, each on its own index (an $or of both, a fetched_at condition or a hint made the test
            # server scan the collection); the fetch time is checked here
            documents = [*self.articles.find({"url": {"$in": part}}, projection),
                         *self.articles.find({"aliases": {"$in": part}}, projection)]
            for doc in documents:
                when = doc.get("fetched_at")
                if when is None or (fetched_since is not None and when < fetched_since):
                    continue
                for url in (doc["url"], *(doc.get("aliases") or ())):
                    if url in wanted:
                        found.setdefault(url, when.timestamp())
        return found

    def stored_urls(self, urls: list[str], chunk: int = 500) -> set[str]:
        """Which of these canonical URLs are stored (one query per `chunk` URLs; the crash-safe JOBDIR asks)."""
        found: set[str] = set()
        for start in range(0, len(urls), chunk):
            part = urls[start : start + chunk]
            found.update(d["url"] for d in self.articles.find({"url": {"$in": part}}, {"url": 1, "_id": 0}))
        return found

    def editions_of(self, site: str) -> dict[str, int]:
        """Articles stored per edition language of a site."""
        rows = self.articles.aggregate([{"$match": {"site": site}}, {"$group": {"_id": "$lang", "n": {"$sum": 1}}}])
        return {row["_id"]: row["n"] for row in rows}

    def latest_articles(self, site: str, limit: int = 3) -> list[dict[str, Any]]:
        """The most recently published articles of a site (published_at, lang, title)."""
        cursor = self.articles.find({"site": site}, {"published_at": 1, "lang": 1, "title": 1, "_id": 0})
        return list(cursor.sort("published_at", DESCENDING).limit(limit))

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
        self, spiders: Iterable[str] | None = None, per_spider: int = 3, *, unhealthy: bool = False,
        full: bool = False, live_only: bool = False,
    ) -> dict[str, list[dict[str, Any]]]:
        """The last `per_spider` runs of each spider (newest first), by the `spider_started` index. Spiders
        without runs map to an empty list; without `spiders`, every spider that has runs. `full`: with their
        checks, thresholds and stats; `live_only`: without archive runs (args.source "archive")."""
        names = list(spiders) if spiders is not None else sorted(self.runs.distinct("spider"))
        query: dict[str, Any] = {"healthy": False} if unhealthy else {}
        if live_only:
            query["args.source"] = {"$ne": "archive"}
        projection = None if full else {"stats": 0, "checks": 0, "thresholds": 0}
        return {
            name: list(
                self.runs.find({"spider": name, **query}, projection)
                .sort("started_at", DESCENDING)
                .limit(per_spider)
            )
            for name in names
        }

    def run_spiders(self) -> list[str]:
        """Every spider that has a run recorded."""
        return sorted(self.runs.distinct("spider"))

    def close(self) -> None:
        if self._probe is not None:
            self._probe.close()
        self.client.close()


def _stored_fields(doc: Mapping[str, Any]) -> dict[str, Any]:
    """What every write of an article sets: the document's fields and the schema version, not the fields only the
    first write sets nor `updated_at` (the server's clock sets it)."""
    fields = {k: v for k, v in doc.items() if k not in _INSERT_ONLY and k not in ("_id", "updated_at")}
    fields["schema_version"] = SCHEMA_VERSION
    return fields


def _ms(moment: datetime) -> datetime:
    """The instant as BSON stores it (milliseconds)."""
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def is_archived(doc: Mapping[str, Any]) -> bool:
    """A copy read from a web archive (kznews.archives), not fetched from the site."""
    source = doc.get("source")
    return isinstance(source, Mapping) and source.get("kind") not in (None, "site")


def _upsert_filter(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Which stored document an upsert may write: any with the URL, except that an archived copy never replaces
    one fetched later (a live copy in particular: archives hold older pages)."""
    query: dict[str, Any] = {"url": doc["url"]}
    if is_archived(doc) and doc.get("fetched_at") is not None:
        query["fetched_at"] = not_later_than(doc["fetched_at"])
    return query


def not_later_than(moment: datetime) -> dict[str, Any]:
    """A condition on `fetched_at`: at or before `moment`, null or missing. Written as one field's condition, not
    as an $or of two, so that with `url` beside it every server answers from the url index (an $or made the
    bundled test server scan the collection on each write)."""
    return {"$not": {"$gt": moment}}


def now_utc() -> datetime:
    return datetime.now(UTC)
