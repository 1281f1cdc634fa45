"""Every stats key kznews writes, built by one function each; producers and monitors use the same functions."""

from __future__ import annotations


def site_of(crawler) -> str:
    """The site a crawler's stats are about: its spider's name."""
    return crawler.spider.name if getattr(crawler, "spider", None) is not None else "unknown"


def count_failure(crawler, reason: str) -> None:
    """A request that ends without a page for the spider, counted per site with its reason."""
    crawler.stats.inc_value(f"kznews/failed/{reason}")
    crawler.stats.inc_value(f"kznews/failed/{site_of(crawler)}/{reason}")
