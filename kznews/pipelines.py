"""Item pipelines, one job each, in this order (see ITEM_PIPELINES in settings.py):

1. ValidatePipeline  drops what is not an article (no title, no body, foreign URL), counting the reason.
2. DatesPipeline     makes every datetime exact: aware, in Asia/Almaty, never in the future, read from
                     `published_at_text` by the date engine when extraction could not resolve it.
3. DedupePipeline    one item per canonical URL per run.
4. SyndicationPipeline  the credited source of a reprint and the body's hash (kznews.syndication).
5. MongoPipeline     batched bulk upserts on a writer thread, flushed on close (kznews.storage owns the DB;
                     it also turns same-site duplicate bodies into aliases and links reprints across sites);
                     retried through outages, spilled to a local file past a bound (kznews.spill).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor

from bson.errors import InvalidDocument
from itemadapter import ItemAdapter
from pymongo.errors import BulkWriteError, DocumentTooLarge
from scrapy.exceptions import DropItem, NotConfigured

from kznews.dates import parse_date, to_almaty
from kznews.extract.timestamps import EARLIEST_PLAUSIBLE, FUTURE_TOLERANCE
from kznews.safety import scrub, secrets_of
from kznews.spill import SpillFile, load_spill, spill_dir
from kznews.storage import ArticleStore, now_utc, redact_uri
from kznews.syndication import body_fingerprint, detect_attribution
from kznews.urls import url_key

logger = logging.getLogger(__name__)

COVERAGE_FIELDS = ("title", "summary", "body", "authors", "section", "tags", "images", "published_at", "modified_at")
MIN_BODY_CHARS = 50


class _StatsMixin:
    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def drop(self, adapter: ItemAdapter, reason: str) -> None:
        site = adapter.get("site") or "unknown"
        self.stats.inc_value(f"kznews/dropped/{reason}")
        self.stats.inc_value(f"kznews/dropped/{site}/{reason}")
        raise DropItem(f"{reason}: {adapter.get('url')}")


class ValidatePipeline(_StatsMixin):
    def process_item(self, item):
        adapter = ItemAdapter(item)
        for key in ("title", "summary", "body", "section", "published_at_text"):
            value = adapter.get(key)
            if isinstance(value, str):
                adapter[key] = value.strip() or None
        if not adapter.get("url") or not adapter.get("site") or not adapter.get("lang"):
            self.drop(adapter, "no_url")
        if not adapter.get("title"):
            self.drop(adapter, "no_title")
        body = adapter.get("body") or ""
        if len(body) < MIN_BODY_CHARS:
            self.drop(adapter, "no_body")
        return item


class DatesPipeline(_StatsMixin):
    def process_item(self, item):
        adapter = ItemAdapter(item)
        fetched = adapter.get("fetched_at") or now_utc()
        adapter["fetched_at"] = to_almaty(fetched)
        if adapter.get("published_at") is None and adapter.get("published_at_text"):
            adapter["published_at"] = parse_date(adapter["published_at_text"], adapter["lang"], fetched)
            if adapter["published_at"] is not None:
                self.stats.inc_value(f"kznews/dates/{adapter['site']}/from_text")
        for key in ("published_at", "modified_at"):
            value = adapter.get(key)
            if value is None:
                continue
            value = to_almaty(value)
            if value > adapter["fetched_at"] + FUTURE_TOLERANCE or value < EARLIEST_PLAUSIBLE:
                # A wrong date is worse than none: keep the article, drop the date, count it.
                self.stats.inc_value(f"kznews/dates/{adapter['site']}/implausible_{key}")
                logger.warning("implausible %s %s on %s", key, value.isoformat(), adapter.get("url"))
                value = None
            adapter[key] = value
        if adapter.get("published_at") is None:
            self.stats.inc_value(f"kznews/dates/{adapter['site']}/missing_published_at")
        return item


class DedupePipeline(_StatsMixin):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.seen: set[int] = set()  # url_key() of the URLs stored in this run

    def process_item(self, item):
        adapter = ItemAdapter(item)
        url = adapter["url"]
        key = url_key(url)
        if key in self.seen:
            self.drop(adapter, "duplicate_url")
        self.seen.add(key)
        site, lang = adapter["site"], adapter["lang"]
        self.stats.inc_value("kznews/items")
        self.stats.inc_value(f"kznews/items/{site}/{lang}")
        for name in COVERAGE_FIELDS:
            if adapter.get(name):
                self.stats.inc_value(f"kznews/coverage/{site}/{name}")
        return item


class SyndicationPipeline(_StatsMixin):
    def process_item(self, item):
        adapter = ItemAdapter(item)
        body = adapter.get("body") or ""
        adapter["body_hash"] = body_fingerprint(body)
        adapter["credited_source"] = detect_attribution(body, adapter.get("lang"), own_site=adapter.get("site"))
        if adapter["credited_source"]:
            self.stats.inc_value(f"kznews/reprints/{adapter['site']}/credited")
        return item


class MongoPipeline(_StatsMixin):
    """Buffers documents and writes them in batches on one writer thread, so the reactor never waits on the
    database; while the database keeps up, at most `MONGO_MAX_PENDING_BATCHES` batches wait before item
    processing waits (back-pressure instead of unbounded memory). Everything is flushed when the spider closes.

    Failure path (docs/reliability.md): a batch that cannot be written stays first in line and is retried with
    back-off (bounded by MONGO_RETRY_MAX_SECONDS) until the database is back; upserts keyed by `url` make the retry
    of a partly applied batch harmless. While the database is down, items are not held back; past
    KZNEWS_SPILL_AFTER unwritten documents they go to a spill file (kznews.spill), so memory stays bounded. At
    close, writing is retried for at most MONGO_CLOSE_TIMEOUT seconds, then whatever is left is spilled: close
    never hangs on a dead database and nothing is lost. A run that spilled and sees the database back at close
    loads its own spill file."""

    def __init__(self, crawler, uri: str, database: str, batch_size: int, flush_seconds: float, max_pending: int):
        super().__init__(crawler)
        self.uri = uri
        self.database = database
        self.batch_size = batch_size
        self.flush_seconds = flush_seconds
        self.max_pending = max_pending
        self.store: ArticleStore | None = None
        self.buffer: list[dict] = []
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kznews-mongo")
        self.last_flush = time.monotonic()
        self._ticker: asyncio.Task | None = None
        # --- reliability: outages and spill (kznews.spill) ---
        settings = crawler.settings
        self.timeout_ms = settings.getint("MONGO_TIMEOUT_MS", 10_000)
        self.retry_max = settings.getfloat("MONGO_RETRY_MAX_SECONDS", 10.0)
        self.close_timeout = settings.getfloat("MONGO_CLOSE_TIMEOUT", 30.0)
        self.spill_after = settings.getint("KZNEWS_SPILL_AFTER", 2000)
        self.spill_directory = spill_dir(settings.get("KZNEWS_SPILL_DIR"))
        self.spill: SpillFile | None = None
        self.secrets = secrets_of(uri)
        self.queue: deque[list[dict]] = deque()  # batches waiting for the database, oldest first
        self.inflight: list[dict] | None = None  # the batch the writer thread is writing
        self.down_since: float | None = None
        self.indexed = False
        self._writer: asyncio.Task | None = None
        self._wake: asyncio.Event | None = None
        self._changed: asyncio.Condition | None = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        uri = settings.get("MONGO_URI")
        if not uri:
            raise NotConfigured("MONGO_URI is empty: articles are not stored in MongoDB")
        return cls(
            crawler,
            uri,
            settings.get("MONGO_DATABASE", "kznews"),
            settings.getint("MONGO_BATCH_SIZE", 200),
            settings.getfloat("MONGO_FLUSH_SECONDS", 2.0),
            settings.getint("MONGO_MAX_PENDING_BATCHES", 4),
        )

    async def _in_thread(self, function, *args):
        return await asyncio.get_running_loop().run_in_executor(self.executor, function, *args)

    async def open_spider(self):
        try:
            spider = getattr(self.crawler, "spider", None)
            self.store = ArticleStore(
                self.uri, self.database, timeout_ms=self.timeout_ms, site=spider.name if spider else None
            )
        except Exception as error:  # a malformed URI: say which, never with its password
            raise NotConfigured(f"MONGO_URI {redact_uri(self.uri)} is unusable: {self._describe(error)}") from None
        logger.info("storing articles in %s, database %s", redact_uri(self.uri), self.database)
        self._wake, self._changed = asyncio.Event(), asyncio.Condition()
        self.spill = SpillFile(self.spill_directory, self.crawler.spider.name if self.crawler.spider else "kznews")
        try:
            await self._in_thread(self.store.ensure_indexes)
            self.indexed = True
        except Exception as error:  # down at start: keep crawling, create the indexes before the first write
            self._mark_down(error)
        self._writer = asyncio.ensure_future(self._write_loop())
        self._ticker = asyncio.ensure_future(self._tick())

    async def _tick(self):
        # A slow trickle of items must not sit in the buffer for long.
        while True:
            await asyncio.sleep(self.flush_seconds)
            if self.buffer and time.monotonic() - self.last_flush >= self.flush_seconds:
                self._flush()

    async def process_item(self, item):
        document = ItemAdapter(item).asdict()
        document["first_seen_at"] = document["updated_at"] = now_utc()
        self.buffer.append(document)
        if len(self.buffer) >= self.batch_size:
            self._flush()
        if self.down_since is not None:
            if self._unwritten() > self.spill_after:
                self._spill_waiting()
        elif len(self.queue) > self.max_pending:
            # The database is up but slower than the crawl: wait for it (or for it to go down).
            async with self._changed:
                await self._changed.wait_for(lambda: len(self.queue) <= self.max_pending or self.down_since is not None)
        return item

    def _flush(self) -> None:
        batch, self.buffer = self.buffer, []
        self.last_flush = time.monotonic()
        if batch:
            self.queue.append(batch)
            self._wake.set()

    def _unwritten(self) -> int:
        return sum(len(batch) for batch in self.queue) + len(self.buffer)

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _write_loop(self) -> None:
        failures = 0
        while True:
            if not self.queue:
                self._wake.clear()
                await self._wake.wait()
                continue
            self.inflight = self.queue.popleft()
            try:
                await self._write(self.inflight)
            except Exception as error:  # the database may be restarting: keep the batch first in line, wait
                self.queue.appendleft(self.inflight)
                self.inflight = None
                failures += 1
                self._mark_down(error)
                await self._notify()
                await asyncio.sleep(min(self.retry_max, 0.25 * 2**failures))
                continue
            self.inflight = None
            failures = 0
            if self.down_since is not None:
                self._mark_up()
            await self._notify()

    async def _write(self, batch: list[dict]) -> None:
        if not self.indexed:
            await self._in_thread(self.store.ensure_indexes)
            self.indexed = True
        try:
            result = await self._in_thread(self.store.upsert_articles, batch)
        except Exception as error:
            if not _document_error(error):
                raise  # the database is down or refusing us: the caller waits and retries
            # A document the database refuses (a lone surrogate from a page's JSON-LD, a huge field) must not
            # hold back the rest of its batch: write one by one, repair or drop (counted) the bad one.
            result = await self._in_thread(self._write_one_by_one, batch)
        self.stats.inc_value("kznews/mongo/batches")
        self.stats.inc_value("kznews/mongo/upserted", result["upserted"])
        self.stats.inc_value("kznews/mongo/modified", result["modified"])
        self.stats.inc_value("kznews/mongo/aliased", result.get("aliased", 0))
        self.stats.inc_value("kznews/reprints/linked", result.get("linked", 0))
        self.stats.inc_value("kznews/mongo/store_ms", result.get("store_ms", 0))
        self.stats.inc_value("kznews/mongo/link_ms", result.get("link_ms", 0))

    def _write_one_by_one(self, batch: list[dict]) -> dict[str, int]:
        totals = {"upserted": 0, "modified": 0, "aliased": 0, "linked": 0}
        for document in batch:
            for attempt in (document, _repaired(document)):
                try:
                    result = self.store.upsert_articles([attempt])
                except Exception as error:
                    if not _document_error(error):
                        raise
                    continue
                for key in totals:
                    totals[key] += result.get(key, 0)
                if attempt is not document:
                    self.stats.inc_value(f"kznews/mongo/repaired/{document.get('site')}")
                break
            else:
                site = document.get("site") or "unknown"
                self.stats.inc_value("kznews/dropped/unstorable")
                self.stats.inc_value(f"kznews/dropped/{site}/unstorable")
                logger.error("the database refuses the article %s; dropped", document.get("url"))
        return totals

    def _describe(self, error: Exception) -> str:
        return f"{type(error).__name__}: {scrub(str(error), self.secrets)[:300]}"

    def _mark_down(self, error: Exception) -> None:
        self.stats.inc_value("kznews/mongo/write_errors")
        if self.down_since is None:
            self.down_since = time.monotonic()
            self.stats.inc_value("kznews/mongo/outages")
            logger.warning(
                "MongoDB at %s unavailable (%s); keeping articles, spilling past %d",
                redact_uri(self.uri), self._describe(error), self.spill_after,
            )

    def _mark_up(self) -> None:
        seconds = time.monotonic() - self.down_since
        self.down_since = None
        self.stats.inc_value("kznews/mongo/outage_seconds", round(seconds, 3))
        logger.warning("MongoDB back after %.1fs", seconds)

    def _spill_waiting(self) -> int:
        """Move every document not being written right now to the spill file."""
        documents = [doc for batch in self.queue for doc in batch] + self.buffer
        self.queue.clear()
        self.buffer = []
        if not documents:
            return 0
        first = not self.spill
        self.spill.write(documents)
        self.stats.inc_value("kznews/spill/items", len(documents))
        self.stats.set_value("kznews/spill/file", str(self.spill.path))
        if first:
            logger.warning("MongoDB down: spilling articles to %s", self.spill.path)
        return len(documents)

    async def close_spider(self):
        if self._ticker:
            self._ticker.cancel()
        if self._writer is None:  # never opened
            self.executor.shutdown(wait=False)
            return
        self._flush()
        deadline = time.monotonic() + self.close_timeout
        while self.queue or self.inflight:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            async with self._changed:
                try:
                    await asyncio.wait_for(self._changed.wait(), timeout=left)
                except TimeoutError:
                    break
        self._writer.cancel()
        if self.inflight is not None:  # its thread may still finish; writing it twice is harmless
            self.queue.appendleft(self.inflight)
            self.inflight = None
        spilled = self._spill_waiting()
        if spilled:
            logger.error(
                "MongoDB still unavailable after %.0fs: %d articles are in %s; load them with "
                "`python -m kznews load-spill %s`", self.close_timeout, spilled, self.spill.path, self.spill.path,
            )
        elif self.spill and self.down_since is None:
            await self._reload_spill()
        loop = asyncio.get_running_loop()
        try:  # not on the writer thread: it may still be waiting for a dead server
            await asyncio.wait_for(loop.run_in_executor(None, self.store.close), timeout=10)
        except Exception as error:
            logger.warning("closing the MongoDB client: %s", self._describe(error))
        self.executor.shutdown(wait=False, cancel_futures=True)

    async def _reload_spill(self) -> None:
        """The database came back: load this run's spill file now instead of leaving it for an operator."""
        try:
            result = await self._in_thread(load_spill, self.store, self.spill.path)
        except Exception as error:
            logger.error("could not load %s back: %s; load it with `python -m kznews load-spill`",
                         self.spill.path, self._describe(error))
            return
        self.stats.inc_value("kznews/spill/reloaded", result["read"])
        loaded = self.spill.path.with_name(self.spill.path.name + ".loaded")
        self.spill.path.rename(loaded)
        self.stats.set_value("kznews/spill/file", str(loaded))
        logger.warning("MongoDB is back: %d spilled articles loaded from %s", result["read"], loaded)


def _document_error(error: Exception) -> bool:
    """Whether a write failed because of the documents themselves (not the database being unreachable)."""
    if isinstance(error, BulkWriteError):
        return any(e.get("code") != 11000 for e in error.details.get("writeErrors", []))
    return isinstance(error, InvalidDocument | DocumentTooLarge | UnicodeError | OverflowError)


def _repaired(value):
    """A copy with strings made encodable (lone surrogates replaced) and over-long strings cut."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")[:2_000_000]
    if isinstance(value, dict):
        return {k: _repaired(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_repaired(v) for v in value]
    return value
