"""Chromium through scrapy-playwright, for the few list pages that only render in a browser.

Only requests whose meta says `playwright: True` use the browser (list sources declared with `js=True`); every
other request of the same spider goes through Scrapy's HTTP handler. Memory stays bounded on long runs:
- pages are closed as soon as their response is read (scrapy-playwright does this when the page is not handed
  to the callback, which kznews never does);
- browser contexts are recycled: after KZNEWS_BROWSER_PAGES_PER_CONTEXT pages a new context takes over and the old
  one is closed once its last page is, so cookies, caches and leaked JS heaps die with it;
- images, media and fonts are never downloaded, and the page's own sub-requests are checked like every request
  of the crawl (kznews.safety: no private or loopback addresses).

The tests render pages served by a local server at their real URLs with a subclass of the handler
(tests/tools/loopback.py).
"""

from __future__ import annotations

import logging

from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler
from scrapy_playwright.page import PageMethod

from kznews.compat import browser_contexts
from kznews.safety import check_url
from kznews.settings.registry import setting
from kznews.stats import BROWSER

logger = logging.getLogger(__name__)

CHROMIUM = "/usr/bin/chromium"
_SKIPPED_RESOURCES = frozenset({"image", "media", "font"})


def skip_heavy_resources(request) -> bool:
    """PLAYWRIGHT_ABORT_REQUEST: lists need the DOM and scripts, not pictures."""
    return request.resource_type in _SKIPPED_RESOURCES


def abort_predicate(allow_private: bool, allowed_origins: tuple[str, ...] = ()):
    """Which requests of a rendered page to abort: heavy resources, and URLs kznews would not fetch itself
    (private or loopback addresses, other schemes), except those under `allowed_origins` (scheme://host:port)."""
    mapped = tuple(allowed_origins)

    def abort(request) -> bool:
        if skip_heavy_resources(request):
            return True
        url = request.url
        if url.startswith(("data:", "blob:")) or (mapped and url.startswith(mapped)):
            return False
        return check_url(url, allow_private=allow_private) is not None

    return abort


# Settings merged into the spiders of sites that need the browser (kznews/spiders/sites.py).
BROWSER_SETTINGS = {
    "DOWNLOAD_HANDLERS": {
        "http": "kznews.browser.BrowserDownloadHandler",
        "https": "kznews.browser.BrowserDownloadHandler",
    },
    "PLAYWRIGHT_ABORT_REQUEST": skip_heavy_resources,
}


class BrowserDownloadHandler(ScrapyPlaywrightDownloadHandler):
    """scrapy-playwright's handler with context recycling."""

    def __init__(self, crawler):
        super().__init__(crawler)
        settings = crawler.settings
        self.pages_per_context = max(1, setting(settings, "KZNEWS_BROWSER_PAGES_PER_CONTEXT"))
        self.generation = 0
        self.pages_in_generation = 0
        self.stats = crawler.stats
        # what scrapy-playwright asks of every request a page makes
        self.abort_request = abort_predicate(setting(settings, "KZNEWS_ALLOW_PRIVATE_URLS"))

    def _context_name(self) -> str:
        return f"kznews-{self.generation}"

    async def download_request(self, request):
        if not request.meta.get("playwright"):
            return await super().download_request(request)
        if self.pages_in_generation >= self.pages_per_context:
            self.generation += 1
            self.pages_in_generation = 0
        self.pages_in_generation += 1
        request.meta["playwright_context"] = self._context_name()
        try:
            response = await super().download_request(request)
        finally:
            await self._close_retired_contexts()
        self.stats.inc_value(BROWSER(count="pages"))
        return response

    async def _close_retired_contexts(self) -> None:
        current = self._context_name()
        for name, context in browser_contexts(self).items():
            if name != current and name.startswith("kznews-") and not context.pages:
                await context.close()
                self.stats.inc_value(BROWSER(count="contexts_recycled"))
                logger.debug("closed browser context %s", name)


def list_page_meta(source, settings) -> dict:
    """Meta for a browser-rendered list: scroll, or click the "load more" button, a bounded number of times."""
    rounds = setting(settings, "KZNEWS_BROWSER_ROUNDS")
    wait_ms = setting(settings, "KZNEWS_BROWSER_WAIT_MS")
    methods = [PageMethod("wait_for_load_state", "domcontentloaded")]
    for _ in range(rounds):
        if source.load_more:
            # Clicking through JS: a missing button (the list is exhausted) is not an error.
            script = f"() => {{ const b = document.querySelector({source.load_more!r}); if (b) b.click(); }}"
        else:
            script = "() => window.scrollTo(0, document.body.scrollHeight)"
        methods.append(PageMethod("evaluate", script))
        methods.append(PageMethod("wait_for_timeout", wait_ms))
    return {"playwright": True, "playwright_page_methods": methods}
