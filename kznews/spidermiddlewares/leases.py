"""LeaseSpiderMiddleware: the spider side of leased requests (kznews.schedulers.leases, the distributed profile).

Counts the items a leased request's callback yields and marks the callback done when its output is consumed, so
the lease is released only when those items are stored too. A request the callback yields is a new request: it
must not carry its parent's lease token (a spider passing `meta=response.meta` would copy it)."""

from __future__ import annotations

from scrapy import Request

from kznews.schedulers.leases import LEASE, ledger_for


class LeaseSpiderMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_spider_output(self, response, result):
        ledger = ledger_for(self.crawler)
        request = getattr(response, "request", None)
        token = request.meta.get(LEASE) if ledger is not None and request is not None else None
        if token is None:
            async for output in result:
                yield output
            return
        try:
            async for output in result:
                if isinstance(output, Request):
                    if output.meta.get(LEASE) == token:
                        del output.meta[LEASE]
                else:
                    ledger.item_yielded(token, output)
                yield output
        finally:
            ledger.callback_done(token)
