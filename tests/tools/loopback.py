"""Test support: crawl the news sites' real URLs from a local server (tests, benchmarks and `make chaos`).

Spiders run with SCRAPY_SETTINGS_MODULE=tests.tools.settings (the project's settings plus `LoopbackAddon`) and
KZNEWS_HOST_MAP, JSON `{"tengrinews.kz": "http://127.0.0.1:8080/tengrinews.kz", "*": "http://127.0.0.1:8080/{host}"}`:
requests for those hosts go to the local server, and the responses keep the site's URL. `loopback_env(host_map)`
gives the environment for a crawl subprocess. Nothing in the kznews package knows about this.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.utils.misc import load_object

from kznews.browser import BrowserDownloadHandler, abort_predicate

SETTINGS_MODULE = "tests.tools.settings"
HTTP_HANDLER = "tests.tools.loopback.LoopbackDownloadHandler"
BROWSER_HANDLER = "tests.tools.loopback.LoopbackBrowserHandler"


def loopback_env(host_map: dict[str, str]) -> dict[str, str]:
    """Environment entries for a crawl subprocess that fetches the mapped hosts from local servers."""
    return {"KZNEWS_HOST_MAP": json.dumps(host_map), "SCRAPY_SETTINGS_MODULE": SETTINGS_MODULE}


def load_host_map(value) -> dict[str, str]:
    """KZNEWS_HOST_MAP as a dict or its JSON text."""
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
    """Scrapy's HTTP handler, fetching mapped hosts from a local server."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.host_map = load_host_map(crawler.settings.get("KZNEWS_HOST_MAP"))

    async def download_request(self, request):
        mapped = map_url(request.url, self.host_map) if self.host_map else None
        if mapped is None:
            return await super().download_request(request)
        response = await super().download_request(request.replace(url=mapped))
        return response.replace(url=request.url)


class LoopbackBrowserHandler(BrowserDownloadHandler):
    """kznews' browser handler, fetching (and rendering) mapped hosts from a local server; the page's own
    sub-requests to that server are allowed."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.host_map = load_host_map(crawler.settings.get("KZNEWS_HOST_MAP"))
        origins = tuple(f"{parts.scheme}://{parts.netloc}" for parts in map(urlsplit, self.host_map.values()))
        self.abort_request = abort_predicate(crawler.settings.getbool("KZNEWS_ALLOW_PRIVATE_URLS"), origins)

    async def download_request(self, request):
        mapped = map_url(request.url, self.host_map) if self.host_map else None
        if mapped is None:
            return await super().download_request(request)
        response = await super().download_request(request.replace(url=mapped))
        return response.replace(url=request.url)


def _is_browser_handler(path) -> bool:
    if not path:
        return False
    handler = load_object(path) if isinstance(path, str) else path
    return isinstance(handler, type) and issubclass(handler, BrowserDownloadHandler)


class LoopbackAddon:
    """Swaps the download handlers for their loopback forms when KZNEWS_HOST_MAP is set: Scrapy's HTTP handler
    for LoopbackDownloadHandler, the browser handler (spiders of JavaScript sites) for LoopbackBrowserHandler."""

    def update_settings(self, settings):
        if not settings.get("KZNEWS_HOST_MAP"):
            return
        handlers = dict(settings.getdict("DOWNLOAD_HANDLERS"))
        uses_browser = any(_is_browser_handler(handlers.get(scheme)) for scheme in ("http", "https"))
        handler = BROWSER_HANDLER if uses_browser else HTTP_HANDLER
        handlers.update({"http": handler, "https": handler})
        # above the spider's own DOWNLOAD_HANDLERS (custom_settings), which name the browser handler
        priority = max(settings.getpriority("DOWNLOAD_HANDLERS") or 0, 30)
        settings.set("DOWNLOAD_HANDLERS", handlers, priority=priority)
