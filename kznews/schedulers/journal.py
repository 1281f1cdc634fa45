"""A crash-safe JOBDIR: a run killed with SIGKILL resumes with nothing lost and nothing stored twice.

Why Scrapy's JOBDIR alone is not enough: Scrapy writes its queue state (requests.queue/active.json) and the last
fingerprints of requests.seen only when the spider closes. After SIGKILL the queue is gone or corrupt, while the
fingerprints already written make the resumed run skip every request it ever scheduled. And a request leaves the
queue when it is *sent*, long before the article it produced is in MongoDB (the pipeline batches writes on a
thread), so even a perfect queue would forget articles that were still in the write buffer.

The journal (`JOBDIR/kznews-journal.bin`) records, one unbuffered append per event, so a killed process loses
nothing it wrote:
- `+ fp request`: a request was scheduled (written before the request is handed on, in particular before the
  response that yielded it is marked finished);
- `- fp urls`: the callback of that request ran to its end, having yielded items with these `url`s.

A request is acknowledged only when its results are durable: `-` without items (a list page: its links were
journaled first), or `-` with items that are all in MongoDB. On the next start after a crash (the state file says
"running"), the scheduler drops Scrapy's unreliable queue, marks every journaled fingerprint as seen, and schedules
again every request that is not acknowledged: the ones queued or in flight when the process died, and the ones
whose articles never reached the database (checked with one query per 500 URLs). The articles that were stored
are not fetched again, and the ones that were not are fetched and upserted by URL: none is lost, none duplicated.

After a clean stop (CLOSESPIDER_*, SIGINT/SIGTERM) Scrapy's own queue is valid and the journal is compacted to the
requests still pending. A lock file keeps two runs from sharing one JOBDIR (the second refuses to start).

Enabled by SCHEDULER = "kznews.schedulers.journal.JournalScheduler" and the spider middleware
kznews.spidermiddlewares.journal.JournalSpiderMiddleware; without JOBDIR both do nothing.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import pickle
import shutil
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from scrapy import Request
from scrapy.core.scheduler import Scheduler
from scrapy.utils.job import job_dir
from scrapy.utils.request import request_from_dict

from kznews.compat import flush_seen, mark_seen, seen_fingerprints
from kznews.schedulers.delayed import DelayingScheduler
from kznews.settings.registry import setting
from kznews.stats import JOURNAL as JOURNAL_STATS

logger = logging.getLogger(__name__)

JOURNAL = "kznews-journal.bin"
STATE = "kznews-journal.state"
LOCK = "kznews-journal.lock"
_JOURNALS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # crawler -> Journal


class JobDirInUse(RuntimeError):
    pass


def journal_for(crawler) -> Journal | None:
    """The journal of a crawler's JOBDIR, or None without JOBDIR."""
    return _JOURNALS.get(crawler)


def read_records(path: Path) -> Iterator[tuple]:
    """The records of a journal; a record cut short by a kill ends the reading."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return
    offset = 0
    while offset + 4 <= len(data):
        size = int.from_bytes(data[offset : offset + 4], "big")
        payload = data[offset + 4 : offset + 4 + size]
        if len(payload) < size:
            return
        try:
            record = pickle.loads(payload)  # our own file, written by this module
        except Exception as error:  # a damaged record: what follows it cannot be trusted either
            logger.warning("journal %s: record at byte %d unreadable (%s); the rest is ignored", path, offset,
                           type(error).__name__)
            return
        offset += 4 + size
        yield record


def _frame(record: tuple) -> bytes:
    payload = pickle.dumps(record, protocol=4)
    return len(payload).to_bytes(4, "big") + payload


class Journal:
    def __init__(self, directory: Path, crawler, seen=None):
        self.path = directory / JOURNAL
        self.crawler = crawler
        self.fingerprinter = crawler.request_fingerprinter
        self.seen = seen or (lambda fp: False)  # whether Scrapy's dupefilter already knows a fingerprint
        self.added: set[bytes] = set()
        self.finished: set[bytes] = set()
        self._fd: int | None = None

    def open(self) -> None:
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _append(self, record: tuple) -> None:
        if self._fd is not None:
            os.write(self._fd, _frame(record))  # one unbuffered write: in the kernel once it returns

    def add(self, request: Request, *, scheduled: bool = False) -> None:
        """Journal a request before it is handed on. `scheduled`: the scheduler has accepted it (it is new)."""
        fp = self.fingerprinter.fingerprint(request)
        if fp in self.added or fp in self.finished:
            return
        if not scheduled and not request.dont_filter and self.seen(fp):
            return  # a duplicate: the scheduler will drop it
        try:
            frame = _frame(("+", fp, request.to_dict(spider=self.crawler.spider)))
        except (ValueError, TypeError, AttributeError, pickle.PicklingError):
            # A callback that is not a spider method, or meta that cannot be pickled: Scrapy keeps such a
            # request in memory only, and so does the journal.
            self.crawler.stats.inc_value(JOURNAL_STATS(count="unserializable"))
            return
        self.added.add(fp)
        if self._fd is not None:
            os.write(self._fd, frame)

    def finish(self, request: Request, urls: list[str]) -> None:
        fp = self.fingerprinter.fingerprint(request)
        self.finished.add(fp)
        self._append(("-", fp, urls))

    def rewrite(self, records: list[tuple]) -> None:
        """Replace the journal with these records (compaction), atomically."""
        self.close()
        temporary = self.path.with_suffix(".tmp")
        with temporary.open("wb") as stream:
            for record in records:
                stream.write(_frame(record))
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, self.path)
        self.added = {record[1] for record in records if record[0] == "+"}
        self.finished = set()
        self.open()


def summarize(path: Path) -> tuple[dict[bytes, dict], dict[bytes, list[str]]]:
    """(scheduled requests by fingerprint, in journal order; finished fingerprints with their item URLs)."""
    scheduled: dict[bytes, dict] = {}
    finished: dict[bytes, list[str]] = {}
    for record in read_records(path):
        kind, fp, value = record
        if kind == "+":
            scheduled.setdefault(fp, value)
        elif kind == "-":
            finished.setdefault(fp, []).extend(value)
    return scheduled, finished


def stored_urls(settings, urls: list[str]) -> set[str] | None:
    """Which of these article URLs are in MongoDB; None when that cannot be known (no database, or down)."""
    uri = settings.get("MONGO_URI")
    if not uri:
        return None
    from kznews.storage import ArticleStore, redact_uri

    try:
        store = ArticleStore(uri, setting(settings, "MONGO_DATABASE"), timeout_ms=5000)
    except Exception as error:  # a malformed URI: the articles are fetched again, which is safe
        logger.warning("journal: cannot use %s (%s): fetching the articles again", redact_uri(uri), type(error).__name__)
        return None
    try:
        return store.stored_urls(urls)
    except Exception as error:
        logger.warning("journal: cannot check stored articles in %s (%s): fetching them again",
                       redact_uri(uri), type(error).__name__)
        return None
    finally:
        store.close()


class JournalScheduler(DelayingScheduler, Scheduler):
    """Scrapy's scheduler with the crash-safe journal (without JOBDIR: Scrapy's scheduler) and requests that must
    wait held back outside the downloader (kznews.schedulers.delayed)."""

    journal: Journal | None = None
    _lock = None

    def open(self, spider):
        directory = job_dir(self.crawler.settings) if self.crawler else None
        if not directory:
            return super().open(spider)
        directory = Path(directory)
        self._lock = (directory / LOCK).open("a")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self._lock.close()
            self._lock = None
            raise JobDirInUse(f"JOBDIR {directory} is in use by another run") from None
        state = directory / STATE
        crashed = state.exists() and state.read_text().startswith("running")
        if crashed:
            # Scrapy's queue was not saved: its files are stale or half-written. The journal replaces it.
            shutil.rmtree(directory / "requests.queue", ignore_errors=True)
        result = super().open(spider)
        self.journal = Journal(directory, self.crawler, seen=self._seen)
        _JOURNALS[self.crawler] = self.journal
        if crashed:
            self._recover(spider)
        else:
            self.journal.open()
        state.write_text(f"running {os.getpid()}\n")
        return result

    def _seen(self, fp: bytes) -> bool:
        fingerprints = seen_fingerprints(self.df)
        return fingerprints is not None and fp in fingerprints

    def _recover(self, spider) -> None:
        journal = self.journal
        scheduled, finished = summarize(journal.path)
        with_items = {fp: urls for fp, urls in finished.items() if urls and fp in scheduled}
        urls = sorted({url for item_urls in with_items.values() for url in item_urls})
        stored = stored_urls(self.crawler.settings, urls) if urls else set()
        again = [fp for fp in scheduled if fp not in finished]
        unstored = []
        if stored is None and not self.crawler.settings.get("MONGO_URI"):
            pass  # no database: a finished request is done
        else:
            unstored = [fp for fp, item_urls in with_items.items() if not stored or not set(item_urls) <= stored]
        for fp in list(scheduled) + list(finished):
            mark_seen(self.df, fp)
        flush_seen(self.df)
        replay = again + [fp for fp in unstored if fp not in again]
        journal.rewrite([("+", fp, scheduled[fp]) for fp in replay])
        for fp in replay:
            request = request_from_dict(scheduled[fp], spider=spider)
            request.dont_filter = True
            super().enqueue_request(request)
        stats = self.crawler.stats
        stats.set_value(JOURNAL_STATS(count="recovered"), 1)
        stats.set_value(JOURNAL_STATS(count="replayed"), len(replay))
        stats.set_value(JOURNAL_STATS(count="replayed_unstored"), len(unstored))
        logger.warning(
            "JOBDIR %s was not closed cleanly: %d requests scheduled again (%d unfinished, %d whose articles are "
            "not in MongoDB)", journal.path.parent, len(replay), len(again), len(unstored),
        )

    def enqueue_request(self, request: Request) -> bool:
        added = super().enqueue_request(request)
        if added and self.journal is not None:
            self.journal.add(request, scheduled=True)
        return added

    def close(self, reason: str):
        result = super().close(reason)  # Scrapy saves its queue and closes requests.seen
        journal = self.journal
        if journal is not None:
            journal.close()
            scheduled, finished = summarize(journal.path)
            # Items are durable now (written, or in a spill file): only unfinished requests matter any more.
            journal.rewrite([("+", fp, data) for fp, data in scheduled.items() if fp not in finished])
            journal.close()
            (journal.path.parent / STATE).write_text(f"closed {reason}\n")
            _JOURNALS.pop(self.crawler, None)
        lock = getattr(self, "_lock", None)
        if lock is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(lock, fcntl.LOCK_UN)
            lock.close()
        return result


def journal_state(directory: Path | str) -> dict[str, Any]:
    """What a JOBDIR's journal holds (for tests and operators)."""
    directory = Path(directory)
    scheduled, finished = summarize(directory / JOURNAL)
    state = (directory / STATE).read_text().strip() if (directory / STATE).exists() else ""
    return {"state": state, "scheduled": len(scheduled), "finished": len(finished),
            "pending": len([fp for fp in scheduled if fp not in finished])}
