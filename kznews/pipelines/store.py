"""MongoPipeline: articles into MongoDB in batches, on one writer thread (kznews.storage owns the database; it also
turns same-site duplicate bodies into aliases and links reprints across sites); retried through outages, spilled
to a local file past a bound (kznews.storage.spill)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor

from itemadapter import ItemAdapter
from scrapy.exceptions import NotConfigured

from kznews.compat import wake_engine
from kznews.pipelines.base import StatsPipeline
from kznews.safety import scrub, secrets_of
from kznews.schedulers.leases import ledger_for
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
from kznews.storage.errors import describe, is_auth_error, is_document_error, is_outage, is_slow_answer
from kznews.storage.spill import SpillFile, spill_dir

logger = logging.getLogger(__name__)

# A batch whose writes outlive the socket timeout this many times in a row, on a database that answers pings,
# is treated as an outage after all (spilled past the bound) rather than retried for ever.
SLOW_RETRIES = 3
# Pause before a write loop that ended with a bug is started again.
WRITER_RESTART_SECONDS = 1.0


class MongoPipeline(StatsPipeline):
    """Buffers documents and writes them in batches on one writer thread, so the reactor never waits on the
    database. Back-pressure: while the database is up, an item waits in `process_item` until fewer than
    `MONGO_MAX_PENDING_BATCHES` batches wait for the writer, so a database slower than the crawl slows the crawl
    (Scrapy's scraper holds further responses, SCRAPER_SLOT_MAX_ACTIVE_SIZE) instead of growing memory or
    spilling; `pending_items` is the write lag. Everything is flushed when the spider closes.

    Failure path (docs/reliability.md): a batch that cannot be written stays first in line and is retried with
    back-off (bounded by MONGO_RETRY_MAX_SECONDS) until the database is back; upserts keyed by `url` make the retry
    of a partly applied batch harmless. While the database is down, items are not held back; past
    KZNEWS_SPILL_AFTER unwritten documents they go to a spill file (kznews.storage.spill), so memory stays bounded. At
    close, writing is retried for at most MONGO_CLOSE_TIMEOUT seconds of a database that does not answer, then
    whatever is left is spilled: close never hangs on a dead database and nothing is lost. A slow database is not
    a dead one: past the timeout, a write still in flight (or waiting) on a database that answers a ping on a
    separate connection (MONGO_PING_TIMEOUT_MS) is waited for, and counted when it completes, before the stats
    are written. When the database is back, the writer takes the run's spilled articles back from the spill file,
    a batch at a time, taking turns with fresh batches; what is left at close is taken back then if the database
    answers, and a file taken back whole is renamed `*.loaded`."""

    def __init__(self, crawler, uri: str, database: str, batch_size: int, flush_seconds: float, max_pending: int):
        super().__init__(crawler)
        self.uri = uri
        self.database = database
        self.batch_size = batch_size
        self.flush_seconds = flush_seconds
        self.max_pending = max(1, max_pending)
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
        self.ping_timeout_ms = setting(settings, "MONGO_PING_TIMEOUT_MS")
        self.socket_timeout_ms = setting(settings, "MONGO_SOCKET_TIMEOUT_MS")
        self.spill_after = setting(settings, "KZNEWS_SPILL_AFTER")
        self.spill_directory = spill_dir(setting(settings, "KZNEWS_SPILL_DIR"))
        self.spill: SpillFile | None = None
        self.secrets = secrets_of(uri)
        self.queue: deque[list[dict]] = deque()  # batches waiting for the database, oldest first
        self.inflight: list[dict] | None = None  # the batch the writer thread is writing
        self.down_since: float | None = None
        self.indexed = False
        self.refused = 0  # articles the database refused (dropped as unstorable)
        self.spill_offset = 0  # bytes of the spill file taken back into the database so far
        self.taken_back = 0  # documents taken back from the spill file (written, or refused as unstorable)
        self.reload_stopped = False  # taking back hit a bug or refused credentials: left to load-spill
        self.auth_refused = False  # the credentials were refused: every batch goes to the spill file
        self._writer: asyncio.Task | None = None
        self._closing = False
        self._wake: asyncio.Event | None = None
        self._changed: asyncio.Condition | None = None
        self.most_pending = 0  # the largest write lag seen, in articles (what back-pressure bounds)
        self._holding = 0  # items waiting in _wait_for_room
        self._paused_engine = False  # the engine is paused because too many items wait for room
        self._held_since = 0.0

    @property
    def pending_items(self) -> int:
        """Articles received and not yet written: buffered, waiting in batches and being written (the write lag;
        read-only, for progress lines)."""
        return self._unwritten() + (len(self.inflight) if self.inflight else 0)

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
                self.uri, self.database, timeout_ms=self.timeout_ms, site=spider.name if spider else None,
                socket_timeout_ms=self.socket_timeout_ms,
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
            if is_auth_error(error):  # a wrong password is not an outage: said once, articles go to the spill file
                self._refuse(error)
            elif not is_outage(error):
                raise  # not the database being down: a bug or a configuration to fix, said at start
            else:
                self._mark_down(error)  # down at start: keep crawling, create the indexes before the first write
        self._start_writer()
        self._ticker = asyncio.ensure_future(self._tick())

    def _start_writer(self) -> None:
        self._writer = asyncio.ensure_future(self._write_loop())
        self._writer.add_done_callback(self._writer_ended)

    def _writer_ended(self, task: asyncio.Task) -> None:
        """The write loop only ends when close_spider cancels it. Ended by an exception (a bug outside the guarded
        write, in a hook or in the bookkeeping), it would leave every later item waiting for room that never comes
        and the crawl stalled with no word: say so with the traceback, count it, and start it again after a pause
        (a bug that repeats is logged once a second, not in a tight loop)."""
        if task.cancelled() or self._closing or task.exception() is None:
            return
        logger.error("the MongoDB writer failed (a bug, not an outage); restarting it", exc_info=task.exception())
        self.stats.inc_value(MONGO(count="writer_restarts"))
        if self.inflight is not None:  # first in line again: storing is idempotent
            self.queue.appendleft(self.inflight)
            self.inflight = None
        asyncio.get_running_loop().call_later(WRITER_RESTART_SECONDS, self._restart_writer)

    def _restart_writer(self) -> None:
        if not self._closing:
            self._start_writer()

    async def _tick(self):
        # A slow trickle of items must not sit in the buffer for long.
        while True:
            await asyncio.sleep(self.flush_seconds)
            if self.buffer and time.monotonic() - self.last_flush >= self.flush_seconds:
                self._flush()

    async def process_item(self, item):
        if self.down_since is None and len(self.queue) >= self.max_pending:
            await self._wait_for_room()
        # No await between the wait and the append: each waiter woken sees the queue the previous one left.
        document = ItemAdapter(item).asdict()
        document["first_seen_at"] = document["updated_at"] = now_utc()
        self._lease_hook("stored_as", item, document)
        self.buffer.append(document)
        if len(self.buffer) >= self.batch_size:
            self._flush()
        self.most_pending = max(self.most_pending, self.pending_items)
        if self.down_since is not None and self._unwritten() > self.spill_after:
            self._spill_waiting()
        return item

    async def _wait_for_room(self) -> None:
        """The database is up but slower than the crawl: hold this item (and with it, through Scrapy's scraper,
        the crawl) until a batch is written, or until the database is found down (then the spill bound rules).

        Scrapy's scraper stops taking responses only past SCRAPER_SLOT_MAX_ACTIVE_SIZE bytes of them (5 MB,
        counting at least 1 KB each): with small pages that is thousands of responses, each holding an item
        here. So past one batch of held items the engine is paused (no new requests; those in flight finish) and
        it goes on when half of them have found room: memory stays bounded by items, not by bytes of pages."""
        self.stats.inc_value(MONGO(count="backpressure_waits"))
        if not self._holding:  # wall time items were held, not the sum over the items held at once
            self._held_since = time.monotonic()
        self._holding += 1
        if self._holding > self.batch_size and not self._paused_engine:
            self._pause_engine()
        try:
            async with self._changed:
                await self._changed.wait_for(lambda: len(self.queue) < self.max_pending or self.down_since is not None)
        finally:
            self._holding -= 1
            if self._paused_engine and self._holding <= self.batch_size // 2:
                self._unpause_engine()
            if not self._holding:
                self.stats.inc_value(MONGO(count="backpressure_seconds"), round(time.monotonic() - self._held_since, 3))

    def _pause_engine(self) -> None:
        engine = getattr(self.crawler, "engine", None)
        if engine is None or engine.paused:  # paused by someone else (the telnet console): theirs to resume
            return
        engine.pause()
        self._paused_engine = True
        self.stats.inc_value(MONGO(count="engine_pauses"))

    def _unpause_engine(self) -> None:
        self._paused_engine = False
        engine = getattr(self.crawler, "engine", None)
        if engine is not None:
            engine.unpause()
            wake_engine(engine)

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
        return {"batches": len(self.queue) + (1 if self.inflight else 0), "items": self.pending_items}

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _write_loop(self) -> None:
        failures = 0
        slow = 0  # socket timeouts in a row on a database that answers
        reload_turn = False  # fresh batches and spilled ones take turns, so neither waits behind the other
        while True:
            if self._reload_due() and (reload_turn or not self.queue):
                reload_turn = False
                if await self._take_back_spilled():
                    failures = 0
                    await self._notify()
                else:  # the database is still (or again) down: wait as for a batch
                    failures += 1
                    await self._notify()
                    await asyncio.sleep(min(self.retry_max, 0.25 * 2**failures))
                continue
            reload_turn = True
            if not self.queue:
                self._wake.clear()
                await self._wake.wait()
                continue
            self.inflight = self.queue.popleft()
            try:
                await self._write(self.inflight)
            except Exception as error:
                if is_auth_error(error):  # waiting does not fix credentials: to disk at once, no retries
                    self._refuse(error)
                    self._spill(self.inflight)
                elif not is_outage(error):
                    # not the database: a bug that escaped _write. Keep the articles on disk, say what broke.
                    self._write_bug(self.inflight, "writing", error)
                    self._spill(self.inflight)
                elif (is_slow_answer(error) and self.down_since is None and slow < SLOW_RETRIES
                      and await self._answers()):
                    # slow, not down: the same batch again at once (upserts make a partly applied one harmless)
                    slow += 1
                    self.stats.inc_value(MONGO(count="slow_timeouts"))
                    logger.warning("MongoDB answers but a write of %d articles outlived MONGO_SOCKET_TIMEOUT_MS "
                                   "(%d ms): writing it again (slow, not down)", len(self.inflight),
                                   self.socket_timeout_ms)
                    self.queue.appendleft(self.inflight)
                    self.inflight = None
                    continue
                else:  # the database may be restarting: keep the batch first in line, wait
                    self.queue.appendleft(self.inflight)
                    self.inflight = None
                    slow = 0
                    failures += 1
                    self._mark_down(error)
                    await self._notify()
                    await asyncio.sleep(min(self.retry_max, 0.25 * 2**failures))
                    continue
            self._lease_hook("written", self.inflight)
            self.inflight = None
            failures = slow = 0
            if self.down_since is not None:
                self._mark_up()
            await self._notify()

    async def _write(self, batch: list[dict], spill_bugs: bool = True) -> int:
        """Store a batch, then link its reprints. Outages propagate (the caller waits and retries the batch);
        a document the database refuses is written apart; any other failure is a bug, reported as one, and the
        articles are stored all the same (linking can be redone with `python -m kznews link-reprints`).
        Returns how many documents a bug kept out of the database (spilled, unless `spill_bugs` is false: documents
        taken back from the spill file are there already)."""
        if not self.indexed:
            try:
                await self._in_thread(self.store.ensure_indexes)
            except Exception as error:
                if is_outage(error) or is_auth_error(error):  # the caller decides
                    raise
                self._write_bug(batch, "creating the indexes", error)  # write without them rather than not at all
            self.indexed = True
        try:
            result = await self._in_thread(self.store.store_articles, batch)
        except Exception as error:
            if is_outage(error) or is_auth_error(error):  # the caller decides
                raise
            if not is_document_error(error):
                self._write_bug(batch, "storing", error)
            # A document the database refuses (a lone surrogate from a page's JSON-LD, a huge field) must not
            # hold back the rest of its batch: write one by one, repair or drop (counted) the bad one.
            result = await self._in_thread(self._write_one_by_one, batch, spill_bugs)
        started = time.perf_counter()
        try:
            linked = await self._in_thread(self.store.link_reprints, result["to_link"])
        except Exception as error:
            if is_outage(error) or is_auth_error(error):  # the caller decides
                raise  # the whole batch again: storing is idempotent, and so is linking
            self._write_bug(batch, "linking reprints of", error)
            linked = 0
        link_ms = round((time.perf_counter() - started) * 1000)
        for name, value in (("batches", 1), ("upserted", result["upserted"]), ("modified", result["modified"]),
                            ("aliased", result.get("aliased", 0)), ("store_ms", result.get("store_ms", 0)),
                            ("link_ms", link_ms), ("stale_archived", result.get("stale", 0))):
            self.stats.inc_value(MONGO(count=name), value)
        self.stats.inc_value(LINKED(), linked)
        return result.get("bugs", 0)

    def _write_one_by_one(self, batch: list[dict], spill_bugs: bool = True) -> dict:
        totals = {"upserted": 0, "modified": 0, "aliased": 0, "store_ms": 0, "to_link": [], "bugs": 0}
        for document in batch:
            for attempt in (document, _repaired(document)):
                try:
                    result = self.store.store_articles([attempt])
                except Exception as error:
                    if is_outage(error) or is_auth_error(error):  # the caller decides
                        raise
                    if is_document_error(error):
                        continue
                    # not the document, not the database: keep it on disk for load-spill once the bug is fixed
                    self._write_bug([document], "storing", error)
                    totals["bugs"] += 1
                    if spill_bugs:
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

    def _refuse(self, error: Exception) -> None:
        """The server refused the credentials: one error line (no traceback, no password), counted as a failed
        write; the articles are spilled rather than retried for MONGO_RETRY_MAX_SECONDS."""
        self.stats.inc_value(MONGO(count="write_errors"))
        if not self.auth_refused:
            self.auth_refused = True
            logger.error("%s; articles go to the spill file", scrub(describe(error, redact_uri(self.uri)), self.secrets))

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
        self._lease_hook("written", documents)
        if first:
            logger.warning("MongoDB down: spilling articles to %s", self.spill.path)
        return len(documents)

    # --- taking spilled articles back while the crawl goes on ---

    def _reload_due(self) -> bool:
        """Spilled articles wait in the file and nothing says the database would refuse them."""
        return (self.spill is not None and self.spill.size > self.spill_offset and not self.auth_refused
                and not self.reload_stopped)

    async def _take_back_spilled(self) -> bool:
        """Write the next batch of the spill file into the database, through the same writes (aliases, reprint
        links) as fresh articles; the spill file is only read, never rewritten. This is also how the writer finds
        the database back when nothing fresh waits. False when the database is (still) down."""
        end = self.spill.size  # only whole lines: appends happen on this thread, between awaits
        documents: list[dict] = []
        try:
            documents, offset, invalid = await self._in_thread(self.spill.read_from, self.spill_offset, end,
                                                               self.batch_size)
            bugs = await self._write(documents, spill_bugs=False) if documents else 0
        except Exception as error:
            if is_outage(error) and not is_auth_error(error):
                self._mark_down(error)
                return False
            # refused credentials, or a bug: the rest stays in the file for `python -m kznews load-spill`
            self.reload_stopped = True
            if is_auth_error(error):
                self._refuse(error)
            else:
                self._write_bug(documents, "taking back spilled", error)
            return True
        self.spill_offset = offset
        self.taken_back += len(documents) - bugs
        self.stats.inc_value(SPILL(count="reloaded"), len(documents) - bugs)
        if bugs or invalid:  # left in the file (a bug, a line cut short): the file is not marked loaded
            self.stats.inc_value(SPILL(count="not_taken_back"), bugs + invalid)
        if self.down_since is not None:
            self._mark_up()
        if self.spill_offset >= self.spill.size:
            logger.warning("MongoDB is back: %d spilled articles taken back from %s", self.taken_back,
                           self.spill.path)
        return True

    def _spill(self, documents: list[dict]) -> None:
        self.spill.write(documents)
        self.stats.inc_value(SPILL(count="items"), len(documents))
        self.stats.set_value(SPILL(count="file"), str(self.spill.path))

    # --- leased requests (distributed profile, kznews.schedulers.leases): the only coupling to the scheduler ---

    def _lease_hook(self, event: str, *args) -> None:
        """Tell the ledger of leased requests that an item became a document ("stored_as") or that documents are
        in MongoDB or the spill file ("written"); their requests' leases are released then. Reactor thread only."""
        ledger = ledger_for(self.crawler)
        if ledger is None:
            return
        try:
            getattr(ledger, event)(*args)
        except Exception:  # a bug in the ledger must never stop the writer; the leases expire to other nodes
            logger.exception("leased requests: %s failed", event)

    async def close_spider(self):
        if self._ticker:
            self._ticker.cancel()
        if self._paused_engine:
            self._unpause_engine()
        if self._writer is None:  # never opened
            self.executor.shutdown(wait=False)
            return
        self._flush()
        await self._drain()
        self._closing = True
        self._writer.cancel()
        if self.inflight is not None:  # its thread may still finish; writing it twice is harmless
            self.queue.appendleft(self.inflight)
            self.inflight = None
        spilled = self._spill_waiting()
        if spilled:
            logger.error(
                "%s: %d articles are in %s; load them with `python -m kznews load-spill %s`",
                "MongoDB refused the credentials" if self.auth_refused
                else f"MongoDB still unavailable after {self.close_timeout:.0f}s",
                spilled, self.spill.path, self.spill.path,
            )
        elif self.down_since is None:
            while self._reload_due() and await self._take_back_spilled():
                pass
        # what the `storage` check judges: articles this run did not get into MongoDB
        left_in_spill = self.spill.written - self.taken_back if self.spill else 0
        if self.spill and not left_in_spill:
            self._mark_loaded()
        elif left_in_spill and not spilled:
            logger.error("%d articles of this run are still only in %s; load them with `python -m kznews "
                         "load-spill %s`", left_in_spill, self.spill.path, self.spill.path)
        self.stats.set_value(MONGO_UNSTORED(), left_in_spill + self.refused)
        self.stats.max_value(MONGO(count="most_pending"), self.most_pending)
        loop = asyncio.get_running_loop()
        try:  # not on the writer thread: it may still be waiting for a dead server
            await asyncio.wait_for(loop.run_in_executor(None, self.store.close), timeout=10)
        except Exception as error:
            logger.warning("closing the MongoDB client: %s", self._describe(error))
        self.executor.shutdown(wait=False, cancel_futures=True)

    async def _drain(self) -> None:
        """Wait for the writer to write everything. MONGO_CLOSE_TIMEOUT bounds only the time spent on a database
        that does not answer: when it runs out while the database is not known to be down and answers a ping on
        a separate connection, the writes in flight are slow, not lost, and are waited for another period."""
        deadline = first_deadline = time.monotonic() + self.close_timeout
        waited_from: float | None = None  # when the close timeout first ran out
        while self.queue or self.inflight:
            left = deadline - time.monotonic()
            if left <= 0:
                if waited_from is None:
                    waited_from = time.monotonic()
                if self.down_since is not None or not await self._answers():
                    break
                if deadline == first_deadline:
                    logger.info("MongoDB is slow but answers: waiting past MONGO_CLOSE_TIMEOUT (%gs) for %d "
                                "articles still being written", self.close_timeout, self.pending_items)
                deadline = time.monotonic() + self.close_timeout
                continue
            async with self._changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), timeout=left)
        if waited_from is not None and not (self.queue or self.inflight):  # a slow database, waited for
            self.stats.inc_value(MONGO(count="close_slow_seconds"), round(time.monotonic() - waited_from, 3))

    async def _answers(self) -> bool:
        """A ping on its own client, off the writer thread (which may be inside the slow write)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, self.store.answers, self.ping_timeout_ms)

    def _mark_loaded(self) -> None:
        """Every article of the spill file is in the database: renamed, so nobody loads it again."""
        loaded = self.spill.path.with_name(self.spill.path.name + ".loaded")
        self.spill.path.rename(loaded)
        self.stats.set_value(SPILL(count="file"), str(loaded))

def _repaired(value):
    """A copy with strings made encodable (lone surrogates replaced) and over-long strings cut."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")[:2_000_000]
    if isinstance(value, dict):
        return {k: _repaired(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_repaired(v) for v in value]
    return value
