"""Retries that wait (kznews.retry): Retry-After honoured and bounded, back-off, per-host cool-downs, empty and
truncated bodies retried, failures counted per site, redirect loops. The same behaviours run end to end against
the fault server in tests/test_chaos.py."""

import asyncio
import email.utils
import time

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import DownloadCancelledError, DownloadTimeoutError, IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

from kznews.backoff import NOT_BEFORE, Backoff, backoff_for, parse_retry_after, retry_after_date
from kznews.downloadermiddlewares.redirect import RedirectMiddleware
from kznews.downloadermiddlewares.retry import RetryMiddleware, incomplete_html


class _Spider(Spider):
    name = "retrysite"


def _crawler(**settings):
    crawler = get_crawler(_Spider, {"RETRY_TIMES": 2, "KZNEWS_RETRY_BACKOFF_BASE": 1.0, "KZNEWS_RETRY_BACKOFF_MAX": 8.0,
                                    "KZNEWS_RETRY_AFTER_MAX": 5.0, **settings})
    crawler.spider = _Spider.from_crawler(crawler)
    return crawler


def _retry(**settings):
    crawler = _crawler(**settings)
    return crawler, RetryMiddleware.from_crawler(crawler)


def test_parse_retry_after():
    assert parse_retry_after(b"120") == 120.0
    assert parse_retry_after(" 7 ") == 7.0
    now = 1_800_000_000.0
    assert parse_retry_after(email.utils.formatdate(now + 10, usegmt=True), now=now) == 10.0
    assert 0 < parse_retry_after(retry_after_date(10)) <= 10.0  # the tool that writes them
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: at once
    for garbage in (None, b"", "soon", "-5", "1.5e3"):
        assert parse_retry_after(garbage) is None


def test_backoff_grows_with_jitter_and_is_bounded():
    from scrapy.settings import Settings

    backoff = Backoff(Settings({"KZNEWS_RETRY_BACKOFF_BASE": 2.0, "KZNEWS_RETRY_BACKOFF_MAX": 10.0}))
    for _ in range(50):
        assert 1.0 <= backoff.delay(1) <= 2.0
        assert 2.0 <= backoff.delay(2) <= 4.0
        assert 5.0 <= backoff.delay(9) <= 10.0


def test_retry_after_is_honoured_bounded_and_holds_the_host_back():
    crawler, middleware = _retry()
    request = Request("https://site.example.kz/news/1/")
    before = time.time()
    retry = middleware.process_response(request, Response(request.url, status=429, headers={"Retry-After": "2"},
                                                           request=request))
    after = time.time()
    assert isinstance(retry, Request)
    assert before + 2 <= retry.meta[NOT_BEFORE] <= after + 2  # exact bounds, whatever the machine's load
    # the whole host waits, not only this URL
    assert before + 2 <= backoff_for(crawler).cooldowns["site.example.kz"] <= after + 2
    assert 0 < backoff_for(crawler).wait_for(Request("https://site.example.kz/news/2/")) <= 2
    assert backoff_for(crawler).wait_for(Request("https://other.example.kz/")) == 0
    huge = middleware.process_response(request, Response(request.url, status=503, headers={"Retry-After": "86400"},
                                                          request=request))
    assert huge.meta[NOT_BEFORE] - time.time() <= 5.1  # KZNEWS_RETRY_AFTER_MAX
    assert crawler.stats.get_value("kznews/retry/retry_after_honoured") == 2


def test_retry_after_is_ignored_for_other_statuses_and_backoff_applies():
    crawler, middleware = _retry()
    request = Request("https://site.example.kz/news/1/")
    before = time.time()
    retry = middleware.process_response(request, Response(request.url, status=500, headers={"Retry-After": "60"},
                                                           request=request))
    after = time.time()
    assert before + 0.5 <= retry.meta[NOT_BEFORE] <= after + 1.0  # back-off of the first retry, base 1 s
    assert backoff_for(crawler).wait_for(Request("https://site.example.kz/news/2/")) == 0  # no host cool-down


def test_process_request_waits_until_the_retry_time():
    _, middleware = _retry()
    request = Request("https://site.example.kz/news/1/", meta={NOT_BEFORE: time.time() + 0.3})
    started = time.monotonic()
    assert asyncio.run(middleware.process_request(request)) is None
    assert time.monotonic() - started >= 0.28


def test_final_failures_are_counted_per_site():
    crawler, middleware = _retry()
    request = Request("https://site.example.kz/news/1/", meta={"retry_times": 2})
    for status in (404, 403, 503):
        response = Response(request.url, status=status, request=request)
        assert middleware.process_response(request, response) is response
    stats = crawler.stats.get_stats()
    assert stats["kznews/failed/retrysite/http_404"] == 1
    assert stats["kznews/failed/retrysite/http_403"] == 1
    assert stats["kznews/failed/retrysite/http_503"] == 1  # retries exhausted
    assert stats["kznews/failed/http_404"] == 1
    robots = Request("https://site.example.kz/robots.txt", meta={"dont_obey_robotstxt": True})
    middleware.process_response(robots, Response(robots.url, status=404, request=robots))
    assert crawler.stats.get_value("kznews/failed/retrysite/http_404") == 1  # no rules is not a failure


def test_exceptions_are_retried_with_backoff_then_counted():
    crawler, middleware = _retry()
    request = Request("https://site.example.kz/news/1/")
    retry = middleware.process_exception(request, DownloadTimeoutError("timeout"))
    assert isinstance(retry, Request) and retry.meta[NOT_BEFORE] > time.time()
    last = Request(request.url, meta={"retry_times": 2})
    assert middleware.process_exception(last, DownloadTimeoutError("timeout")) is None
    assert middleware.process_exception(request, DownloadCancelledError("too big")) is None  # never retried
    stats = crawler.stats.get_stats()
    assert stats["kznews/failed/retrysite/timeout"] == 1
    assert stats["kznews/failed/retrysite/too_large"] == 1


def test_empty_and_truncated_bodies_are_retried_never_passed_on():
    crawler, middleware = _retry()
    request = Request("https://site.example.kz/news/1/")
    assert isinstance(middleware.process_response(request, HtmlResponse(request.url, body=b"  \n", request=request)),
                      Request)
    half = HtmlResponse(request.url, body=b"<html><body><p>half of the", flags=["partial"], request=request)
    assert incomplete_html(half)
    assert isinstance(middleware.process_response(request, half), Request)
    whole = HtmlResponse(request.url, body=b"<html><body><p>all</p></body></html>", flags=["partial"], request=request)
    assert middleware.process_response(request, whole) is whole  # ended at close, but complete
    exhausted = Request(request.url, meta={"retry_times": 2})
    with pytest.raises(IgnoreRequest):
        middleware.process_response(exhausted, HtmlResponse(request.url, body=b"", request=exhausted))
    assert crawler.stats.get_value("kznews/failed/retrysite/empty_response") == 1


def test_redirect_loops_are_counted_and_dropped():
    crawler = _crawler()
    middleware = RedirectMiddleware.from_crawler(crawler)
    a, b = "https://site.example.kz/a/", "https://site.example.kz/b/"
    request = Request(b, meta={"redirect_urls": [a], "redirect_times": 1})
    response = Response(b, status=302, headers={"Location": a}, request=request)
    with pytest.raises(IgnoreRequest):
        middleware.process_response(request, response)
    assert crawler.stats.get_value("kznews/failed/retrysite/redirect_loop") == 1
    # an ordinary redirect still works
    fine = middleware.process_response(Request(a), Response(a, status=301, headers={"Location": b}))
    assert isinstance(fine, Request) and fine.url == b


def test_callback_errors_are_counted_drops_but_close_spider_still_closes():
    from scrapy.exceptions import CloseSpider

    from kznews.spidermiddlewares.callbackerrors import CallbackErrorMiddleware

    crawler = _crawler()
    middleware = CallbackErrorMiddleware.from_crawler(crawler)
    response = HtmlResponse("https://site.example.kz/news/1/", body=b"<html></html>")
    assert middleware.process_spider_exception(response, RecursionError("deep JSON-LD")) == []
    assert crawler.stats.get_value("kznews/dropped/retrysite/callback_error") == 1
    assert crawler.stats.get_value("kznews/errors/retrysite/RecursionError") == 1
    assert middleware.process_spider_exception(response, CloseSpider("done")) is None
