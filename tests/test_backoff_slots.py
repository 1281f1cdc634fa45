"""Back-off that holds no downloader slot (kznews.schedulers.delayed): while one host waits out a 30 s Retry-After,
its requests are held in the scheduler, so another host's pages all go through long before the cool-down ends."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_spider
from tests.tools import twohosts
from tests.tools.fault_server import Fault, FaultServer
from tests.tools.site_server import Resource

pytestmark = pytest.mark.slow

COOL_DOWN = 30


def _key(url: str) -> str:
    return url.split("://", 1)[1]


def test_a_host_in_a_long_cool_down_does_not_stall_the_other(tmp_path):
    server = FaultServer()
    page = Resource(b"<html><body><p>page</p></body></html>")
    for n in range(twohosts.SLOW_PAGES):
        server.add(twohosts.slow_url(n), page)
        server.fault(twohosts.slow_url(n), Fault("status", 1, status=429, headers={"Retry-After": str(COOL_DOWN)}))
    for n in range(twohosts.FAST_PAGES):
        server.add(twohosts.fast_url(n), page)
    with server:
        stats = run_spider(
            "twohosts", tmp_path=tmp_path,
            env={"KZNEWS_HOST_MAP": json.dumps(server.host_map), "MONGO_URI": ""},
            settings={"SPIDER_MODULES": "tests.tools.twohosts", "CONCURRENT_REQUESTS": "4",
                      "CONCURRENT_REQUESTS_PER_DOMAIN": "4", "KZNEWS_RETRY_AFTER_MAX": str(COOL_DOWN)},
            timeout=240,
        )
        log = {key: list(entries) for key, entries in server.log.items()}
    slow = [log[_key(twohosts.slow_url(n))] for n in range(twohosts.SLOW_PAGES)]
    fast = [log[_key(twohosts.fast_url(n))] for n in range(twohosts.FAST_PAGES)]
    cool_down_began = min(entries[0][0] for entries in slow if entries[0][1] == "status")
    # eventual outcome: every page of both hosts was fetched, the slow host's after its wait
    assert stats["response_received_count"] == twohosts.SLOW_PAGES + twohosts.FAST_PAGES, stats["_log"]
    assert all([outcome for _, outcome in entries] == ["status", "ok"] for entries in slow), slow
    # not retried before the Retry-After bound
    assert all(entries[1][0] - entries[0][0] >= COOL_DOWN - 0.1 for entries in slow), slow
    # the other host's pages all finished long before the cool-down ended (a generous margin, not a window)
    last_fast = max(entries[-1][0] for entries in fast)
    assert last_fast - cool_down_began < COOL_DOWN * 2 / 3, (last_fast - cool_down_began, stats["_log"])
    assert stats["kznews/retry/delayed"] >= twohosts.SLOW_PAGES


def test_held_requests_are_pending_and_go_back_into_the_queue_at_close(tmp_path):
    """In the scheduler: a request that is not due is held (the spider stays open), and a clean stop puts it back
    into the queue Scrapy persists with JOBDIR, so the resumed run sends it."""
    from scrapy import Request, Spider
    from scrapy.utils.test import get_crawler

    from kznews.backoff import NOT_BEFORE, backoff_for
    from kznews.schedulers.journal import JournalScheduler

    class _Spider(Spider):
        name = "held"

    def scheduler():
        # (the downloader-aware queue needs a running engine; the plain priority queue does not)
        crawler = get_crawler(_Spider, {"JOBDIR": str(tmp_path / "job"),
                                        "SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.ScrapyPriorityQueue"})
        crawler.spider = _Spider.from_crawler(crawler)
        instance = JournalScheduler.from_crawler(crawler)
        instance._arm = lambda: None  # no reactor here: nothing is released by a timer
        instance.open(crawler.spider)
        return crawler, instance

    import time

    crawler, first = scheduler()
    backoff_for(crawler).cool_down("slow.example.kz", 60)
    first.enqueue_request(Request("https://slow.example.kz/1/"))
    first.enqueue_request(Request("https://fast.example.kz/1/", meta={NOT_BEFORE: time.time() + 60}))
    first.enqueue_request(Request("https://fast.example.kz/2/"))
    assert first.next_request().url == "https://fast.example.kz/2/"
    assert first.next_request() is None  # both others are held, not handed to the downloader
    assert first.has_pending_requests() and len(first) == 2
    assert crawler.stats.get_value("kznews/retry/delayed") == 2
    first.close("shutdown")

    _, second = scheduler()  # the resumed run: the host's cool-down is over, the retry's own time is not
    urls = set()
    while (request := second.next_request()) is not None:
        urls.add(request.url)
    assert urls == {"https://slow.example.kz/1/"} and len(second) == 1  # the retry is held again, not lost
    second.close("finished")
