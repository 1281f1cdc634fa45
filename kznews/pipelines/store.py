"""MongoPipeline: articles into MongoDB in batches, on one writer thread (kznews.storage owns the database; it also
turns same-site duplicate bodies into aliases and links reprints across sites); retried through outages, spilled
to a local file past a bound (kznews.storage.spill)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor

from itemadapter import ItemAdapter
from scrapy.exceptions import NotConfigured

from kznews.pipelines.base import StatsPipeline
from kznews.safety import scrub, secrets_of
from kznews.settings.registry import setting
from kznews.stats import (
    LINKED,
    MONGO,
    MONGO_REPAIRED,
    MONGO_UNSTORED,
    MONGO_WRITE_BUGS,
    SPILL,
    count_drop,
    site_of,
)
from kznews.storage import ArticleStore, now_utc, redact_uri
from kznews.storage.errors import is_document_error, is_outage
from kznews.storage.spill import SpillFile, load_spill, spill_dir

logger = logging.getLogger(__name__)


class MongoPipeline(StatsPipeline):
    """Buffers documents and writes them in batches on one writer thread, so the reactor never waits on the
    database; while the database keeps up, at most `MONGO_MAX_PENDING_BATCHES` batches wait before item
    processing waits (back-pressure instead of unbounded memory). Everything is flushed when the spider closes.

    Failure path (docs/reliability.md): a batch that cannot be written stays first in line and is retried with
    back-off (bounded by MONGO_RETRY_MAX_SECONDS) until the database is back; upserts keyed by `url` make the retry
    of a partly applied batch harmless. While the database is down, items are not held back; past
    KZNEWS_SPILL_AFTER unwritten documents they go to a spill file (kznews.storage.spill), so memory stays bounded. At
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
        # --- reliability: outages and spill (kznews.storage.spill) ---
        settings = crawler.settings
        self.timeout_ms = setting(settings, "MONGO_TIMEOUT_MS")
        self.retry_max = setting(settings, "MONGO_RETRY_MAX_SECONDS")
        self.close_timeout = setting(settings, "MONGO_CLOSE_TIMEOUT")
        self.spill_after = setting(settings, "KZNEWS_SPILL_AFTER")
        self.spill_directory = spill_dir(setting(settings, "KZNEWS_SPILL_DIR"))
        self.spill: SpillFile | None = None
        self.secrets = secrets_of(uri)
        self.queue: deque[list[dict]] = deque()  # batches waiting for the database, oldest first
        self.inflight: list[dict] | None = None  # the batch the writer thread is writing
        self.down_since: float | None = None
        self.indexed = False
        self.refused = 0  # articles the database refused (dropped as unstorable)
        self.reloaded = False  # this run's spill file was loaded back
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
            setting(settings, "MONGO_DATABASE"),
            setting(settings, "MONGO_BATCH_SIZE"),
            setting(settings, "MONGO_FLUSH_SECONDS"),
            setting(settings, "MONGO_MAX_PENDING_BATCHES"),
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
        except Exception as error:
            if not is_outage(error):
                raise  # not the database being down: a bug or a configuration to fix, said at start
            self._mark_down(error)  # down at start: keep crawling, create the indexes before the first write
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

    def write_lag(self) -> dict[str, int]:
        """What waits for the database now: batches queued or being written, and their articles plus the buffer's
        (read by the progress line, kznews.extensions.progress)."""
        inflight = len(self.inflight) if self.inflight else 0
        return {"batches": len(self.queue) + (1 if self.inflight else 0), "items": self._unwritten() + inflight}

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
            except Exception as error:
                if not is_outage(error):
                    # not the database: a bug that escaped _write. Keep the articles on disk, say what broke.
                    self._write_bug(self.inflight, "writing", error)
                    self._spill(self.inflight)
                else:  # the database may be restarting: keep the batch first in line, wait
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
        """Store a batch, then link its reprints. Outages propagate (the caller waits and retries the batch);
        a document the database refuses is written apart; any other failure is a bug, reported as one, and the
        articles are stored all the same (linking can be redone with `python -m kznews link-reprints`)."""
        if not self.indexed:
            try:
                await self._in_thread(self.store.ensure_indexes)
            except Exception as error:
                if is_outage(error):
                    raise
                self._write_bug(batch, "creating the indexes", error)  # write without them rather than not at all
            self.indexed = True
        try:
            result = await self._in_thread(self.store.store_articles, batch)
        except Exception as error:
            if is_outage(error):
                raise
            if not is_document_error(error):
                self._write_bug(batch, "storing", error)
            # A document the database refuses (a lone surrogate from a page's JSON-LD, a huge field) must not
            # hold back the rest of its batch: write one by one, repair or drop (counted) the bad one.
            result = await self._in_thread(self._write_one_by_one, batch)
        started = time.perf_counter()
        try:
            linked = await self._in_thread(self.store.link_reprints, result["to_link"])
        except Exception as error:
            if is_outage(error):
                raise  # the whole batch again: storing is idempotent, and so is linking
            self._write_bug(batch, "linking reprints of", error)
            linked = 0
        link_ms = round((time.perf_counter() - started) * 1000)
        for name, value in (("batches", 1), ("upserted", result["upserted"]), ("modified", result["modified"]),
                            ("aliased", result.get("aliased", 0)), ("store_ms", result.get("store_ms", 0)),
                            ("link_ms", link_ms), ("stale_archived", result.get("stale", 0))):
            self.stats.inc_value(MONGO(count=name), value)
        self.stats.inc_value(LINKED(), linked)

    def _write_one_by_one(self, batch: list[dict]) -> dict:
        totals = {"upserted": 0, "modified": 0, "aliased": 0, "store_ms": 0, "to_link": []}
        for document in batch:
            for attempt in (document, _repaired(document)):
                try:
                    result = self.store.store_articles([attempt])
                except Exception as error:
                    if is_outage(error):
                        raise
                    if is_document_error(error):
                        continue
                    # not the document, not the database: keep it on disk for load-spill once the bug is fixed
                    self._write_bug([document], "storing", error)
                    self._spill([document])
                    break
                for key in totals:
                    totals[key] += result.get(key, 0)
                if attempt is not document:
                    self.stats.inc_value(MONGO_REPAIRED(site=document.get("site")))
                break
            else:
                count_drop(self.stats, document.get("site") or "unknown", "unstorable")
                self.refused += 1
                logger.error("the database refuses the article %s; dropped", document.get("url"))
        return totals

    def _write_bug(self, batch: list[dict], doing: str, error: Exception) -> None:
        """A write that failed for another reason than the database: logged with its traceback, counted per site."""
        site = next((doc.get("site") for doc in batch if doc.get("site")), None) or site_of(self.crawler)
        self.stats.inc_value(MONGO(count="write_bugs"))
        self.stats.inc_value(MONGO_WRITE_BUGS(site=site, exception=type(error).__name__))
        logger.error(
            "%s: %s while %s a batch of %d articles (not a database outage): %s",
            site, type(error).__name__, doing, len(batch), self._describe(error),
            exc_info=(type(error), error, error.__traceback__),
        )

    def _describe(self, error: Exception) -> str:
        return f"{type(error).__name__}: {scrub(str(error), self.secrets)[:300]}"

    def _mark_down(self, error: Exception) -> None:
        self.stats.inc_value(MONGO(count="write_errors"))
        if self.down_since is None:
            self.down_since = time.monotonic()
            self.stats.inc_value(MONGO(count="outages"))
            logger.warning(
                "MongoDB at %s unavailable (%s); keeping articles, spilling past %d",
                redact_uri(self.uri), self._describe(error), self.spill_after,
            )

    def _mark_up(self) -> None:
        seconds = time.monotonic() - self.down_since
        self.down_since = None
        self.stats.inc_value(MONGO(count="outage_seconds"), round(seconds, 3))
        logger.warning("MongoDB back after %.1fs", seconds)

    def _spill_waiting(self) -> int:
        """Move every document not being written right now to the spill file."""
        documents = [doc for batch in self.queue for doc in batch] + self.buffer
        self.queue.clear()
        self.buffer = []
        if not documents:
            return 0
        first = not self.spill
        self._spill(documents)
        if first:
            logger.warning("MongoDB down: spilling articles to %s", self.spill.path)
        return len(documents)

    def _spill(self, documents: list[dict]) -> None:
        self.spill.write(documents)
        self.stats.inc_value(SPILL(count="items"), len(documents))
        self.stats.set_value(SPILL(count="file"), str(self.spill.path))

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
        # what the `storage` check judges: articles this run did not get into MongoDB
        left_in_spill = self.spill.written if self.spill and not self.reloaded else 0
        self.stats.set_value(MONGO_UNSTORED(), left_in_spill + self.refused)
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
        self.stats.inc_value(SPILL(count="reloaded"), result["read"])
        self.reloaded = True
        loaded = self.spill.path.with_name(self.spill.path.name + ".loaded")
        self.spill.path.rename(loaded)
        self.stats.set_value(SPILL(count="file"), str(loaded))
        logger.warning("MongoDB is back: %d spilled articles loaded from %s", result["read"], loaded)


def _repaired(value):
    """A copy with strings made encodable (lone surrogates replaced) and over-long strings cut."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")[:2_000_000]
    if isinstance(value, dict):
        return {k: _repaired(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_repaired(v) for v in value]
    return value
