"""Known-URL lookups (KZNEWS_KNOWN_LOOKUP=batch) run off the reactor's thread: the callbacks await them in lookup
threads, pages parsed together share the lookups in flight, one failure ends the lookups (the store closed once
those in flight return), and a real incremental crawl skips what is stored exactly as before."""

from __future__ import annotations

import asyncio
import json
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from pymongo.errors import ConnectionFailure
from scrapy.utils.test import get_crawler

from kznews.urls import canonicalize_url, url_key
from tests.conftest import run_spider
from tests.tools.gensite import GeneratedSite, GensiteSpider

SPIDER_MODULES = "kznews.spiders,tests.tools.lookupsite"
U1, U2, U3, U4 = (f"https://gen.example.kz/news/{n}-generated-story/" for n in (1, 2, 3, 4))


class GatedStore:
    """last_fetches blocks until the test opens the gate of the lookup's first URL, then answers (URLs in
    `stored` are known) or fails (first URL in `failing`); records the thread of each call and of close()."""

    def __init__(self, stored=(), failing=()):
        self.stored, self.failing = set(stored), set(failing)
        self.gates: dict[str, threading.Event] = {}
        self.calls: list[tuple[list[str], threading.Thread]] = []
        self.closed_on: list[threading.Thread] = []

    def gate(self, url: str) -> threading.Event:
        return self.gates.setdefault(url, threading.Event())

    def last_fetches(self, urls, fetched_since=None):
        self.calls.append((list(urls), threading.current_thread()))
        assert self.gate(urls[0]).wait(60), "gate never opened"
        if urls[0] in self.failing:
            raise ConnectionFailure("database down")
        return {url: 1.0e9 for url in urls if url in self.stored}

    def close(self) -> None:
        self.closed_on.append(threading.current_thread())


def batch_spider(store: GatedStore):
    crawler = get_crawler(GensiteSpider, {"KZNEWS_MAX_PAGES": 5})
    spider = GensiteSpider.from_crawler(crawler)
    crawler.spider = spider
    crawler.stats.open_spider()
    spider.known_store = store  # as load_known sets it up with KZNEWS_KNOWN_LOOKUP=batch
    spider.known_lookups = ThreadPoolExecutor(2, thread_name_prefix="known-test")
    return spider


def known_stats(spider) -> dict[str, int]:
    prefix = f"kznews/known/{spider.name}/"
    return {k[len(prefix):]: v for k, v in spider.crawler.stats.get_stats().items() if k.startswith(prefix)}


async def settle() -> None:
    """Lets the loop run the callbacks already due (no time passes in the assertions)."""
    for _ in range(5):
        await asyncio.sleep(0)


def test_lookups_run_in_lookup_threads_and_pages_share_those_in_flight():
    store = GatedStore(stored={U2, U3})
    spider = batch_spider(store)
    loop_thread = threading.current_thread()

    async def scenario():
        page_a = asyncio.ensure_future(spider.look_up_known([U1, U2]))
        await settle()
        page_b = asyncio.ensure_future(spider.look_up_known([U2, U3]))  # U2 is being looked up for page A
        await settle()
        assert set(spider.known_pending) == {url_key(U1), url_key(U2), url_key(U3)}
        own_lookup_of_b = spider.known_pending[url_key(U3)]
        store.gate(U3).set()
        await asyncio.wait([own_lookup_of_b])
        await settle()
        assert not page_b.done()  # it waits for page A's lookup of U2 too
        assert spider.known == {U3: 1.0e9}
        store.gate(U1).set()
        await asyncio.gather(page_a, page_b)
        await spider.look_up_known([U1, U2, U3])  # all looked up: no query

    asyncio.run(scenario())
    assert sorted(urls for urls, _ in store.calls) == [[U1, U2], [U3]]
    assert all(thread is not loop_thread and thread.name.startswith("known-test") for _, thread in store.calls)
    assert spider.known == {U2: 1.0e9, U3: 1.0e9}
    assert spider.known_pending == {}
    assert known_stats(spider) == {"looked_up": 3, "found": 2}
    spider.check_known([U1, U2, U3])  # the walking code's check finds nothing left to look up
    assert len(store.calls) == 2
    spider.closed("finished")
    spider.known_lookups.shutdown(wait=True)
    assert len(store.closed_on) == 1 and store.closed_on[0] is not loop_thread


def test_one_failed_lookup_ends_lookups_and_the_store_closes_after_those_in_flight():
    store = GatedStore(stored={U2}, failing={U1, U2})
    spider = batch_spider(store)
    loop_thread = threading.current_thread()

    async def scenario():
        page_a = asyncio.ensure_future(spider.look_up_known([U1]))
        page_b = asyncio.ensure_future(spider.look_up_known([U2]))
        await settle()
        store.gate(U1).set()
        await page_a
        assert known_stats(spider) == {"lookup_failed": 1}
        assert spider.known_store is None
        assert store.closed_on == []  # page B's lookup still uses the store
        await spider.look_up_known([U3])  # lookups have ended: no query
        store.gate(U2).set()
        await page_b  # fails too, quietly: the lookups had ended already

    asyncio.run(scenario())
    assert sorted(urls for urls, _ in store.calls) == [[U1], [U2]]
    assert known_stats(spider) == {"lookup_failed": 1}
    assert spider.known == {} and not spider._stored(U2, None)  # unknown: fetched again, stored once
    spider.check_known([U4])
    assert len(store.calls) == 2
    spider.known_lookups.shutdown(wait=True)
    assert len(store.closed_on) == 1 and store.closed_on[0] is not loop_thread
    spider.closed("finished")
    assert len(store.closed_on) == 1


# --- real crawls: the generated site, a database filled by a first run ---------------------------------------------


def crawl(site: GeneratedSite, tmp_path, mongo_uri, db, env=None):
    log = tmp_path / "lookups.json"
    stats = run_spider(
        "gensite_watched",
        tmp_path=tmp_path,
        args={"sources": "lists", "max_pages": "10"},
        env={"KZNEWS_HOST_MAP": json.dumps(site.server.host_map), "MONGO_URI": mongo_uri, "MONGO_DATABASE": db.name,
             "KZNEWS_TEST_LOOKUP_LOG": str(log), **(env or {})},
        settings={"SPIDER_MODULES": SPIDER_MODULES},
    )
    return stats, json.loads(log.read_text())


def article_hits(site: GeneratedSite) -> Counter:
    return Counter({k: v for k, v in site.server.hits.items() if "-generated-story" in k})


@pytest.mark.slow
def test_crawl_looks_up_off_the_reactor_thread_and_skips_what_is_stored(tmp_path, mongo_uri, mongo_db):
    site = GeneratedSite(100)
    with site.server:
        crawl(site, tmp_path, mongo_uri, mongo_db)
        assert mongo_db.articles.count_documents({}) == 100
        site.server.hits.clear()
        new = site.add_new(25)
        stats, watched = crawl(site, tmp_path, mongo_uri, mongo_db)
        hits = dict(site.server.hits)
    fetched = article_hits(site)
    assert sorted(fetched) == sorted(f"gen.example.kz/news/{n}-generated-story/" for n in new)
    assert all(count == 1 for count in fetched.values())
    # pages 1-2 hold the 25 new ones and 15 stored; page 3 is all stored: the walk stops there
    assert hits.get("gen.example.kz/news/page/3/") == 1 and "gen.example.kz/news/page/4/" not in hits
    known = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("kznews/known/gensite_watched/")}
    assert known == {"looked_up": 60, "found": 35, "skipped": 35}
    # one lookup a page, each in a lookup thread, never on the thread the callbacks (the reactor) run on
    assert len(watched["lookup_threads"]) == 3
    assert all(name.startswith("known-gensite_watched") for name in watched["lookup_threads"])
    assert watched["callback_threads"] == [watched["main_thread"]]
    assert watched["store_closed_on"].startswith("known-gensite_watched")
    assert mongo_db.articles.count_documents({}) == 125


@pytest.mark.slow
def test_crawl_whose_lookup_fails_fetches_everything_again_and_stores_it_once(tmp_path, mongo_uri, mongo_db):
    site = GeneratedSite(60)
    with site.server:
        crawl(site, tmp_path, mongo_uri, mongo_db)
        site.server.hits.clear()
        stats, watched = crawl(site, tmp_path, mongo_uri, mongo_db, env={"KZNEWS_TEST_LOOKUP_FAIL": "1"})
    assert stats["kznews/known/gensite_watched/lookup_failed"] == 1
    assert "kznews/known/gensite_watched/looked_up" not in stats
    assert len(watched["lookup_threads"]) == 1  # the first failure ended the lookups
    assert watched["lookup_threads"][0].startswith("known-gensite_watched")  # it failed off the reactor's thread
    assert watched["store_closed_on"].startswith("known-gensite_watched")
    assert sum(article_hits(site).values()) == 60
    assert mongo_db.articles.count_documents({}) == 60


# --- archive runs: an index page's captures are looked up together, off the reactor's thread -------------------


def test_an_archive_index_page_is_looked_up_in_one_query_off_the_reactor_thread():
    from scrapy.http import TextResponse

    from kznews.spiders.sites import TengrinewsSpider

    crawler = get_crawler(TengrinewsSpider, {})
    spider = TengrinewsSpider.from_crawler(crawler, source="archive", archives="wayback", since="2024-01-01",
                                           until="2024-05-01", lang="ru")
    crawler.spider = spider
    crawler.stats.open_spider()
    stored, new = "https://tengrinews.kz/news/almaty-589011/", "https://tengrinews.kz/news/astana-589012/"
    store = GatedStore(stored={canonicalize_url(stored, spider.site.host_aliases)})
    for url in (stored, new):
        store.gate(canonicalize_url(url, spider.site.host_aliases)).set()
    spider.known_store = store
    spider.known_lookups = ThreadPoolExecutor(2, thread_name_prefix="known-test")
    rows = [["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]]
    for n, url in enumerate([stored, "http://www.tengrinews.kz/news/almaty-589011/", new,
                             "https://tengrinews.kz/tag/алматы/"]):
        rows.append(["key", f"2024040807000{n}", url, "text/html", "200", f"D{n}", "10"])
    index = "https://web.archive.org/cdx/search/cdx?url=tengrinews.kz/*"
    response = TextResponse(index, body=json.dumps(rows).encode(), encoding="utf-8")
    loop_thread = threading.current_thread()

    async def parse() -> list:
        return [output async for output in spider.parse_wayback_cdx(response, target="tengrinews.kz/")]

    requests = asyncio.run(parse())
    canonical = [canonicalize_url(url, spider.site.host_aliases) for url in (stored, new)]
    assert [(sorted(urls), thread is loop_thread) for urls, thread in store.calls] == [(sorted(canonical), False)]
    assert [r.url for r in requests] == [f"https://web.archive.org/web/20240408070002id_/{new}"]
    assert known_stats(spider) == {"looked_up": 2, "found": 1, "skipped": 2}  # both captures of the stored one
    spider.known_lookups.shutdown(wait=True)
