"""The generated site's spider with its known-URL lookups watched (tests/test_known_lookups.py). Loaded with
-s SPIDER_MODULES=kznews.spiders,tests.tools.lookupsite.

Each lookup (ArticleStore.last_fetches) records the thread it runs on, and with KZNEWS_TEST_LOOKUP_FAIL=1 every
lookup fails as a database that is down does. At close the spider writes to the JSON file KZNEWS_TEST_LOOKUP_LOG
the threads of the lookups, the threads the callbacks awaiting them ran on, and the thread the store was closed on."""

from __future__ import annotations

import json
import os
import threading
from dataclasses import replace
from pathlib import Path

from pymongo.errors import ServerSelectionTimeoutError

from tests.tools.gensite import SITE, GensiteSpider


class WatchedStore:
    """An ArticleStore's lookups and closing, with the threads they run on recorded."""

    def __init__(self, store, fail: bool):
        self.store = store
        self.fail = fail
        self.lookup_threads: list[str] = []
        self.closed_on: str | None = None

    def last_fetches(self, urls, fetched_since=None):
        self.lookup_threads.append(threading.current_thread().name)
        if self.fail:
            raise ServerSelectionTimeoutError("no server (KZNEWS_TEST_LOOKUP_FAIL)")
        return self.store.last_fetches(urls, fetched_since)

    def close(self) -> None:
        self.closed_on = threading.current_thread().name
        self.store.close()


class GensiteWatchedSpider(GensiteSpider):
    name = "gensite_watched"
    site = replace(SITE, name="gensite_watched")

    async def load_known(self) -> None:
        await super().load_known()
        self.watched = None
        self.callback_threads: set[str] = set()
        if self.known_store is not None:
            self.known_store = self.watched = WatchedStore(self.known_store, os.environ.get("KZNEWS_TEST_LOOKUP_FAIL") == "1")

    async def look_up_known(self, canonicals) -> None:
        self.callback_threads.add(threading.current_thread().name)
        await super().look_up_known(canonicals)

    def closed(self, reason) -> None:
        super().closed(reason)
        if self.known_lookups is not None:
            self.known_lookups.shutdown(wait=True)  # the store's closing, queued by closed(), has run
        watched = self.watched
        Path(os.environ["KZNEWS_TEST_LOOKUP_LOG"]).write_text(json.dumps({
            "lookup_threads": watched.lookup_threads if watched else [],
            "callback_threads": sorted(self.callback_threads),
            "main_thread": threading.main_thread().name,
            "store_closed_on": watched.closed_on if watched else None,
        }))
