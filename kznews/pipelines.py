"""Item pipelines, one job each, in this order (see ITEM_PIPELINES in settings.py):

1. ValidatePipeline  drops what is not an article (no title, no body, foreign URL), counting the reason.
2. DatesPipeline     makes every datetime exact: aware, in Asia/Almaty, never in the future, read from
                     `published_at_text` by the date engine when extraction could not resolve it.
3. DedupePipeline    one item per canonical URL per run.
4. SyndicationPipeline  the credited source of a reprint and the body's hash (kznews.syndication).
5. MongoPipeline     batched bulk upserts on a writer thread, flushed on close (kznews.storage owns the DB;
                     it also turns same-site duplicate bodies into aliases and links reprints across sites).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem, NotConfigured

from kznews.dates import ALMATY, parse_date, to_almaty
from kznews.storage import ArticleStore, now_utc, redact_uri
from kznews.syndication import body_fingerprint, detect_attribution

logger = logging.getLogger(__name__)

COVERAGE_FIELDS = ("title", "summary", "body", "authors", "section", "tags", "images", "published_at", "modified_at")
MIN_BODY_CHARS = 50
# Kazakhstan's online press begins in the 1990s; anything earlier is a misread number, not a date.
EARLIEST_PLAUSIBLE = datetime(1991, 1, 1, tzinfo=ALMATY)
FUTURE_TOLERANCE = timedelta(hours=1)


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
        self.seen: set[str] = set()

    def process_item(self, item):
        adapter = ItemAdapter(item)
        url = adapter["url"]
        if url in self.seen:
            self.drop(adapter, "duplicate_url")
        self.seen.add(url)
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
    database; at most `MONGO_MAX_PENDING_BATCHES` batches are in flight before item processing waits
    (back-pressure instead of unbounded memory). Everything is flushed when the spider closes."""

    def __init__(self, crawler, uri: str, database: str, batch_size: int, flush_seconds: float, max_pending: int):
        super().__init__(crawler)
        self.uri = uri
        self.database = database
        self.batch_size = batch_size
        self.flush_seconds = flush_seconds
        self.max_pending = max_pending
        self.store: ArticleStore | None = None
        self.buffer: list[dict] = []
        self.pending: deque[asyncio.Future] = deque()
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kznews-mongo")
        self.last_flush = time.monotonic()
        self._ticker: asyncio.Task | None = None

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
        self.store = ArticleStore(self.uri, self.database)
        logger.info("storing articles in %s, database %s", redact_uri(self.uri), self.database)
        await self._in_thread(self.store.ensure_indexes)
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
        while len(self.pending) > self.max_pending:
            await self.pending.popleft()
        return item

    def _flush(self) -> None:
        batch, self.buffer = self.buffer, []
        self.last_flush = time.monotonic()
        if batch:
            future = asyncio.ensure_future(self._write(batch))
            self.pending.append(future)

    async def _write(self, batch: list[dict]) -> None:
        attempt = 0
        while True:
            try:
                result = await self._in_thread(self.store.upsert_articles, batch)
                break
            except Exception as error:  # the database may be restarting: retry, then report
                attempt += 1
                self.stats.inc_value("kznews/mongo/write_errors")
                if attempt >= 5:
                    logger.error("could not store %d articles: %s", len(batch), type(error).__name__)
                    self.stats.inc_value("kznews/mongo/lost_items", len(batch))
                    return
                await asyncio.sleep(min(2**attempt, 30))
        self.stats.inc_value("kznews/mongo/batches")
        self.stats.inc_value("kznews/mongo/upserted", result["upserted"])
        self.stats.inc_value("kznews/mongo/modified", result["modified"])
        self.stats.inc_value("kznews/mongo/aliased", result["aliased"])
        self.stats.inc_value("kznews/reprints/linked", result.get("linked", 0))

    async def close_spider(self):
        if self._ticker:
            self._ticker.cancel()
        self._flush()
        while self.pending:
            await self.pending.popleft()
        if self.store:
            await self._in_thread(self.store.close)
        self.executor.shutdown(wait=True)
