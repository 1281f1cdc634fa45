"""The private parts of Scrapy, spidermon and scrapy-playwright kznews relies on (kznews/compat.py), checked against
the installed versions: an upgrade that changes one fails here, naming the library, instead of in a crawl."""

from __future__ import annotations

import dataclasses
import inspect

from scrapy import Request, Spider
from scrapy.dupefilters import RFPDupeFilter
from scrapy.utils.test import get_crawler

from kznews import compat


class _Spider(Spider):
    name = "compat"


def test_scrapy_rfpdupefilter_keeps_a_set_of_fingerprints_and_the_requests_seen_file(tmp_path):
    crawler = get_crawler(_Spider, {"JOBDIR": str(tmp_path)})
    dupefilter = RFPDupeFilter.from_crawler(crawler)
    dupefilter.open()
    request = Request("https://tengrinews.kz/news/1/")
    assert dupefilter.request_seen(request) is False
    fingerprints = compat.seen_fingerprints(dupefilter)
    assert fingerprints == {crawler.request_fingerprinter.fingerprint(request)}, "Scrapy: RFPDupeFilter._fingerprints"
    other = crawler.request_fingerprinter.fingerprint(Request("https://tengrinews.kz/news/2/"))
    compat.mark_seen(dupefilter, other)
    compat.flush_seen(dupefilter)
    dupefilter.close("finished")
    reopened = RFPDupeFilter.from_crawler(crawler)
    reopened.open()
    assert compat.seen_fingerprints(reopened) == fingerprints | {other}, "Scrapy: the requests.seen record format"
    assert reopened.request_seen(Request("https://tengrinews.kz/news/2/")) is True
    reopened.close("finished")
    assert compat.seen_fingerprints(object()) is None


def test_spidermon_runs_its_suites_through_the_methods_kznews_overrides():
    from spidermon.contrib.scrapy.extensions import Spidermon

    from kznews.extensions.monitoring import Monitoring

    assert list(inspect.signature(Spidermon._run_suites).parameters) == ["self", "spider", "suites"], "spidermon"
    assert list(inspect.signature(Spidermon._generate_data_for_spider).parameters) == ["self", "spider"], "spidermon"
    handlers = inspect.getsource(Spidermon.spider_closed) + inspect.getsource(Spidermon.spider_opened)
    assert "self._run_suites(" in handlers, "spidermon: the signal handlers no longer call _run_suites"
    assert Monitoring._run_suites is not Spidermon._run_suites


def test_scrapy_playwright_keeps_its_browser_contexts_by_name():
    from scrapy_playwright.handler import BrowserContextWrapper, ScrapyPlaywrightDownloadHandler

    assert "context" in {f.name for f in dataclasses.fields(BrowserContextWrapper)}, "scrapy-playwright"
    source = inspect.getsource(ScrapyPlaywrightDownloadHandler)
    assert "self.context_wrappers" in source, "scrapy-playwright: the handler's context_wrappers"

    class Handler:
        context_wrappers = {"kznews-0": BrowserContextWrapper(context="the context", semaphore=None, persistent=False)}

    assert compat.browser_contexts(Handler()) == {"kznews-0": "the context"}


def test_no_other_private_attribute_of_a_library_is_used():
    """kznews' own code reaches into libraries only through kznews.compat (overridden private hooks aside)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "kznews"
    allowed = {"_run_suites", "_generate_data_for_spider", "_fingerprints"}
    found = []
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                base = node.value
                if isinstance(base, ast.Call) and getattr(base.func, "id", "") == "super":
                    found.append(f"{path.name}: super().{node.attr}")
            literal = isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in allowed
            if literal and path.name != "compat.py":
                found.append(f"{path.name}: {node.value!r}")
    assert found == []


def test_scrapy_engine_slot_has_the_next_call_the_store_pipeline_wakes():
    from scrapy.core import engine
    from scrapy.utils.reactor import CallLaterOnce

    parameters = inspect.signature(engine._Slot.__init__).parameters
    assert "nextcall" in parameters, "Scrapy's engine slot no longer takes `nextcall`: update kznews.compat.wake_engine"
    assert callable(getattr(CallLaterOnce, "schedule", None))
    calls = []
    fake = type("Engine", (), {"_slot": type("Slot", (), {"nextcall": type("C", (), {"schedule": lambda s: calls.append(1)})()})()})()
    compat.wake_engine(fake)
    compat.wake_engine(object())  # no slot (closed engine): nothing to wake, no error
    assert calls == [1]
