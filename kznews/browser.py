"""Chromium through scrapy-playwright, for the few list pages that only render in a browser.

Only requests whose meta says `playwright: True` use the browser (list sources with `js=True`); everything else
goes through Scrapy's HTTP handler. Pages are closed after use and browser contexts are rotated after
KZNEWS_BROWSER_PAGES_PER_CONTEXT pages, so a long run does not grow the browser's memory without bound.
"""

from __future__ import annotations

import itertools

from scrapy_playwright.page import PageMethod

CHROMIUM = "/usr/bin/chromium"

# Settings merged into the spiders of sites that need the browser (kznews/spiders/sites.py).
BROWSER_SETTINGS = {
    "DOWNLOAD_HANDLERS": {
        "http": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
        "https": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
    },
}

_context_counter = itertools.count()


def list_page_meta(source, settings) -> dict:
    """Meta for a browser-rendered list: scroll, or click the "load more" button, a bounded number of times."""
    rounds = settings.getint("KZNEWS_BROWSER_ROUNDS", 5)
    wait_ms = settings.getint("KZNEWS_BROWSER_WAIT_MS", 700)
    methods = [PageMethod("wait_for_load_state", "domcontentloaded")]
    for _ in range(rounds):
        if source.load_more:
            # Clicking through JS: a missing button (the list is exhausted) is not an error.
            script = f"() => {{ const b = document.querySelector({source.load_more!r}); if (b) b.click(); }}"
        else:
            script = "() => window.scrollTo(0, document.body.scrollHeight)"
        methods.append(PageMethod("evaluate", script))
        methods.append(PageMethod("wait_for_timeout", wait_ms))
    per_context = settings.getint("KZNEWS_BROWSER_PAGES_PER_CONTEXT", 20)
    context = f"kznews-{next(_context_counter) // per_context}"
    return {"playwright": True, "playwright_page_methods": methods, "playwright_context": context}
