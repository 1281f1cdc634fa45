"""The crash-safe JOBDIR journal (kznews.journal): records survive a kill, a cut record ends the reading, one JOBDIR
serves one run at a time. The SIGKILL-and-resume crawl itself is in tests/test_chaos.py."""

import pytest
from scrapy import Request, Spider
from scrapy.utils.test import get_crawler

from kznews.schedulers.journal import (
    JOURNAL,
    STATE,
    JobDirInUse,
    Journal,
    JournalScheduler,
    journal_state,
    read_records,
)


class _Spider(Spider):
    name = "jobsite"

    def parse_article(self, response):
        pass


def _crawler(jobdir):
    # ScrapyPriorityQueue: the default downloader-aware queue needs a running engine.
    crawler = get_crawler(_Spider, {"JOBDIR": str(jobdir), "SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.ScrapyPriorityQueue"})
    crawler.spider = _Spider.from_crawler(crawler)
    return crawler


def test_journal_records_and_a_record_cut_by_a_kill(tmp_path):
    crawler = _crawler(tmp_path)
    journal = Journal(tmp_path, crawler)
    journal.open()
    spider = crawler.spider
    first = Request("https://site.example.kz/news/1/", callback=spider.parse_article, cb_kwargs={"hint": {"a": 1}})
    journal.add(first)
    journal.add(first)  # once only
    journal.add(Request("https://site.example.kz/news/2/", callback=spider.parse_article))
    journal.finish(first, ["https://site.example.kz/news/1"])
    journal.close()
    with (tmp_path / JOURNAL).open("ab") as stream:
        stream.write((500).to_bytes(4, "big") + b"\x80\x04partial")  # the process died mid-write
    records = list(read_records(tmp_path / JOURNAL))
    assert [r[0] for r in records] == ["+", "+", "-"]
    assert records[0][2]["cb_kwargs"] == {"hint": {"a": 1}} and records[0][2]["callback"] == "parse_article"
    assert records[2][2] == ["https://site.example.kz/news/1"]


def test_one_jobdir_one_run(tmp_path):
    first = JournalScheduler.from_crawler(_crawler(tmp_path))
    first.open(first.crawler.spider)
    try:
        assert (tmp_path / STATE).read_text().startswith("running")
        second = JournalScheduler.from_crawler(_crawler(tmp_path))
        with pytest.raises(JobDirInUse):
            second.open(second.crawler.spider)
    finally:
        first.close("finished")
    assert journal_state(tmp_path)["state"] == "closed finished"


def test_a_clean_close_compacts_to_the_pending_requests(tmp_path):
    scheduler = JournalScheduler.from_crawler(_crawler(tmp_path))
    spider = scheduler.crawler.spider
    scheduler.open(spider)
    done = Request("https://site.example.kz/news/1/", callback=spider.parse_article)
    pending = Request("https://site.example.kz/news/2/", callback=spider.parse_article)
    assert scheduler.enqueue_request(done) and scheduler.enqueue_request(pending)
    assert not scheduler.enqueue_request(Request("https://site.example.kz/news/1/", callback=spider.parse_article))
    scheduler.next_request()
    scheduler.journal.finish(done, [])
    scheduler.close("shutdown")
    state = journal_state(tmp_path)
    assert state == {"state": "closed shutdown", "scheduled": 1, "finished": 0, "pending": 1}


def test_without_jobdir_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    crawler = get_crawler(_Spider, {"SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.ScrapyPriorityQueue"})
    crawler.spider = _Spider.from_crawler(crawler)
    scheduler = JournalScheduler.from_crawler(crawler)
    scheduler.open(crawler.spider)
    assert scheduler.journal is None
    assert scheduler.enqueue_request(Request("https://site.example.kz/"))
    scheduler.close("finished")
    assert list(tmp_path.iterdir()) == []
