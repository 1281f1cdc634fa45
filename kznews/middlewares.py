"""Downloader middlewares and the loopback download handler.

- FetchTimeMiddleware stamps `request.meta["fetched_at"]`: the reference instant for relative dates
  ("Сегодня, 11:16") in everything extracted from that response. Replayed responses keep the recorded time.
- WarcMiddleware (kznews.warc) records to / replays from WARC files.
- LoopbackDownloadHandler sends requests for chosen hosts to a local server instead (tests, demo servers and
  benchmarks serve real site URLs from 127.0.0.1); the response keeps the site's URL.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from urllib.parse import urlsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler

REPLAY_FLAG = "replay"


class FetchTimeMiddleware:
    def process_response(self, request, response):
        if REPLAY_FLAG not in response.flags:
            request.meta["fetched_at"] = datetime.now(UTC)
        return response


def fetched_at(response) -> datetime:
    """When this response was fetched (the recorded time for replayed responses)."""
    value = response.meta.get("fetched_at")
    return value if isinstance(value, datetime) else datetime.now(UTC)


def load_host_map(value) -> dict[str, str]:
    """KZNEWS_HOST_MAP: {"tengrinews.kz": "http://127.0.0.1:8080/tengrinews.kz", "*": "http://127.0.0.1:8080/{host}"}
    as a dict or its JSON text (environment)."""
    if not value:
        return {}
    if isinstance(value, str):
        value = json.loads(value)
    return {str(k).lower(): str(v).rstrip("/") for k, v in dict(value).items()}


def map_url(url: str, host_map: dict[str, str]) -> str | None:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    target = host_map.get(host) or host_map.get("*")
    if not target:
        return None
    target = target.replace("{host}", host)
    tail = parts.path or "/"
    if parts.query:
        tail += "?" + parts.query
    return target + tail


class LoopbackDownloadHandler(HTTP11DownloadHandler):
    """HTTP handler that fetches mapped hosts from a local server (KZNEWS_HOST_MAP)."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.host_map = load_host_map(crawler.settings.get("KZNEWS_HOST_MAP"))

    async def download_request(self, request):
        mapped = map_url(request.url, self.host_map) if self.host_map else None
        if mapped is None:
            return await super().download_request(request)
        response = await super().download_request(request.replace(url=mapped))
        return response.replace(url=request.url)


# --- reliability: callback errors are counted drops (docs/reliability.md) ------------------------------------


class CallbackErrorMiddleware:
    """Spider middleware: a page that makes a callback raise (markup the extractors choke on) is a counted drop,
    `kznews/dropped/{site}/callback_error`, logged with its traceback, and the crawl goes on."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_spider_exception(self, response, exception):
        import logging

        from scrapy.exceptions import CloseSpider

        if isinstance(exception, CloseSpider):
            return None  # control flow, not a broken page: Scrapy closes the spider
        site = self.crawler.spider.name if self.crawler.spider else "unknown"
        stats = self.crawler.stats
        stats.inc_value("kznews/dropped/callback_error")
        stats.inc_value(f"kznews/dropped/{site}/callback_error")
        stats.inc_value(f"kznews/errors/{site}/{type(exception).__name__}")
        logging.getLogger(__name__).error(
            "%s: %s while parsing %s; page dropped", site, type(exception).__name__, response.url,
            exc_info=(type(exception), exception, exception.__traceback__),
        )
        return []
