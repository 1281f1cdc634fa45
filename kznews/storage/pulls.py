"""Reads for the people who use the data (`python -m kznews export`, docs/exports.md): articles by site, edition
and publication window, stories (one per reprint cluster), and incremental pulls by cursor. Each is a stream of
documents read in batches, so an export of any size holds one batch in memory.

Incremental pulls: every write of an article sets `updated_at` from the database server's clock (storage's
SERVER_UPDATED_AT), and a pull returns the documents whose (`updated_at`, `_id`) is after the cursor, in that order
(the `updated_id` index). A write that took its `updated_at` from the clock can become visible a moment later, after
a write with a later `updated_at` has been read; the cursor would then be past it and the write lost. So a pull stops
at the server's "now" minus SETTLE: a write is only missed if it becomes visible more than SETTLE after the server
stamped it, which a single-document write does not take. The cost: a change reaches consumers SETTLE late.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import bson
from pymongo import ASCENDING

from kznews.schema import ARTICLE_FIELDS
from kznews.storage.articles import UPDATED_INDEX, ArticleStore

SETTLE = timedelta(seconds=2)
BATCH = 1000
_CURSOR_PREFIX = "k1."


class CursorError(ValueError):
    """A cursor string that no pull printed."""


@dataclass(frozen=True)
class Cursor:
    """Where a pull stopped: the last document's `updated_at` and `_id`. Printed as an opaque, URL-safe string."""

    updated_at: datetime
    id: Any

    def encode(self) -> str:
        packed = bson.encode({"t": self.updated_at, "i": self.id})
        return _CURSOR_PREFIX + base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, text: str) -> Cursor:
        if not text.startswith(_CURSOR_PREFIX):
            raise CursorError(f"cursor {text!r} is not one an export printed")
        body = text[len(_CURSOR_PREFIX):]
        try:
            raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
            value = bson.decode(raw, codec_options=bson.CodecOptions(tz_aware=True, tzinfo=UTC))
            moment = value["t"]
            if not isinstance(moment, datetime) or "i" not in value:
                raise KeyError("t")
        except (binascii.Error, ValueError, KeyError, bson.errors.BSONError, IndexError):
            raise CursorError(f"cursor {text!r} is not one an export printed") from None
        return cls(moment, value["i"])


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles: sites, edition languages, publication window [since, until). Empty: all."""

    sites: tuple[str, ...] = ()
    langs: tuple[str, ...] = ()
    since: datetime | None = None
    until: datetime | None = None

    def query(self) -> dict[str, Any]:
        query: dict[str, Any] = {}
        if self.sites:
            query["site"] = {"$in": list(self.sites)}
        if self.langs:
            query["lang"] = {"$in": list(self.langs)}
        window = {}
        if self.since is not None:
            window["$gte"] = self.since
        if self.until is not None:
            window["$lt"] = self.until
        if window:
            query["published_at"] = window
        return query


# what a reader gets: the schema's fields, never the database's own `_id`
PROJECTION = {field.name: 1 for field in ARTICLE_FIELDS}
COPY_FIELDS = ("url", "site", "lang", "title", "published_at", "similarity")


class ArticleReader:
    def __init__(self, store: ArticleStore, batch_size: int = BATCH):
        self.articles = store.articles
        self.client = store.client
        self.batch_size = batch_size

    def ensure_indexes(self) -> None:
        """The index pulls read (a crawl creates it too; a database written by an older kznews may lack it)."""
        self.articles.create_index([("updated_at", ASCENDING), ("_id", ASCENDING)], name=UPDATED_INDEX)

    def server_now(self) -> datetime:
        """The database server's clock (what `$currentDate` writes)."""
        local = self.client.admin.command("hello")["localTime"]
        return local.replace(tzinfo=UTC) if local.tzinfo is None else local.astimezone(UTC)

    def articles_matching(self, where: ArticleFilter, grouped: bool = False) -> Iterator[dict]:
        """The articles; `grouped`: by site and newest first within a site (the `site_published` index), so a
        partitioned export keeps few files open (unordered reads are cheaper for a single file)."""
        cursor = self.articles.find(where.query(), {**PROJECTION, "_id": 0}, batch_size=self.batch_size)
        if grouped:
            cursor = cursor.sort([("site", ASCENDING), ("published_at", -1)])
        yield from cursor

    def stories(self, where: ArticleFilter, grouped: bool = False) -> Iterator[dict]:
        """One document per reprint cluster whose original (`cluster_id == url`) the filter selects: the original
        with `copies`, the other articles of its cluster (url, site, lang, title, published_at, similarity), oldest
        first. Articles that copy another outlet are in their original's story, not stories of their own."""
        batch: list[dict] = []
        for doc in self.articles_matching(where, grouped):
            if doc.get("cluster_id", doc["url"]) != doc["url"]:
                continue
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from self._with_copies(batch)
                batch = []
        if batch:
            yield from self._with_copies(batch)

    def _with_copies(self, originals: list[dict]) -> Iterator[dict]:
        urls = [doc["url"] for doc in originals]
        copies: dict[str, list[dict]] = {}
        query = {"cluster_id": {"$in": urls}, "url": {"$nin": urls}}
        projection = {**{name: 1 for name in COPY_FIELDS}, "cluster_id": 1, "_id": 0}
        for copy in self.articles.find(query, projection).hint("cluster"):
            cluster = copy.pop("cluster_id")
            copies.setdefault(cluster, []).append({name: copy.get(name) for name in COPY_FIELDS})
        for doc in originals:
            found = copies.get(doc["url"], [])
            found.sort(key=lambda c: (c["published_at"] is None, c["published_at"] or 0, c["url"]))
            yield {**doc, "copies": found}

    def changes(self, where: ArticleFilter, after: Cursor | None, limit: int | None = None,
                settle: timedelta = SETTLE) -> Pull:
        """The documents written after `after` (None: from the first), oldest write first; see the module doc."""
        return Pull(self, where, after, limit, self.server_now() - settle)


class Pull:
    """An incremental pull: iterate it for the documents; `cursor` is then where the next pull starts (the
    cursor it was given when nothing new was written)."""

    def __init__(self, reader: ArticleReader, where: ArticleFilter, after: Cursor | None, limit: int | None,
                 horizon: datetime):
        self.reader, self.where, self.after, self.limit, self.horizon = reader, where, after, limit, horizon
        self.cursor = after
        self.count = 0

    def __iter__(self) -> Iterator[dict]:
        window: dict[str, Any] = {"$lte": self.horizon}
        if self.after is not None:
            window["$gte"] = self.after.updated_at  # equal times are told apart by `_id` below
        query = {**self.where.query(), "updated_at": window}
        found = self.reader.articles.find(query, {**PROJECTION, "_id": 1}, batch_size=self.reader.batch_size)
        found = found.sort([("updated_at", ASCENDING), ("_id", ASCENDING)]).hint(UPDATED_INDEX)
        for doc in found:
            if self.limit is not None and self.count >= self.limit:
                break
            if self.after is not None and doc["updated_at"] == self.after.updated_at and doc["_id"] <= self.after.id:
                continue
            self.cursor = Cursor(doc["updated_at"], doc["_id"])
            self.count += 1
            del doc["_id"]
            yield doc
        found.close()
