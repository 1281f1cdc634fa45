"""JournalSpiderMiddleware: the spider side of the crash-safe JOBDIR (kznews.schedulers.journal).

Journals the requests a callback yields before they reach the scheduler, and the callback's end with the URLs of
its items, so a request counts as done only when its results are durable."""

from __future__ import annotations

from itemadapter import ItemAdapter, is_item
from scrapy import Request

from kznews.schedulers.journal import journal_for


class JournalSpiderMiddleware:
    """Journals the requests a callback yields before they reach the scheduler, and the callback's end with the
    URLs of its items (see the module docstring)."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_spider_output(self, response, result):
        journal = journal_for(self.crawler)
        if journal is None:
            async for output in result:
                yield output
            return
        urls: list[str] = []
        async for output in result:
            if isinstance(output, Request):
                journal.add(output)
            elif is_item(output):
                url = ItemAdapter(output).get("url")
                if isinstance(url, str):
                    urls.append(url)
            yield output
        journal.finish(response.request, urls)
