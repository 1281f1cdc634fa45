"""LeaseDownloaderMiddleware: a leased request whose download failed for good is done (kznews.schedulers.leases).

Placed next to the engine, so it sees an exception only when no middleware closer to the downloader (the retry
middleware, above all) turned it into a response or a new request: the request will not be tried again here."""

from __future__ import annotations

from kznews.schedulers.leases import LEASE, ledger_for


class LeaseDownloaderMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_exception(self, request, exception):
        ledger = ledger_for(self.crawler)
        if ledger is not None and LEASE in request.meta:
            ledger.callback_done(request.meta[LEASE])
        return None
