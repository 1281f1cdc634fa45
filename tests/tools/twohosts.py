"""Test support: a spider of two hosts (loaded with -s SPIDER_MODULES=tests.tools.twohosts), for the back-off test:
one host answers its first requests with 429 and a long Retry-After, the other must keep its throughput."""

from __future__ import annotations

import scrapy

SLOW, FAST = "https://slow.example.kz", "https://fast.example.kz"
SLOW_PAGES, FAST_PAGES = 4, 40


def slow_url(n: int) -> str:
    return f"{SLOW}/page/{n}/"


def fast_url(n: int) -> str:
    return f"{FAST}/page/{n}/"


class TwoHostsSpider(scrapy.Spider):
    name = "twohosts"

    async def start(self):
        for n in range(SLOW_PAGES):
            yield scrapy.Request(slow_url(n), callback=self.parse)
        for n in range(FAST_PAGES):
            yield scrapy.Request(fast_url(n), callback=self.parse)

    def parse(self, response):
        pass  # the server's log is what the test reads
