"""kznews.extensions.memory: freed heap pages are handed back to the system, once per interval per process."""

from __future__ import annotations

import ctypes
import ctypes.util

import pytest
from scrapy.utils.test import get_crawler

from kznews import stats as keys
from kznews.extensions import memory


@pytest.fixture(autouse=True)
def _fresh_interval(monkeypatch):
    monkeypatch.setattr(memory, "_last_trim", 0.0)


def test_a_fragmented_heap_is_given_back_and_counted():
    """Blocks malloc'd and freed around a few that stay (what parsing many pages leaves): glibc keeps the freed
    pages until malloc_trim, which the extension calls and counts."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    crawler = get_crawler(settings_dict={"KZNEWS_MALLOC_TRIM_INTERVAL": 60})
    crawler.stats.open_spider()
    extension = memory.MemoryTrim.from_crawler(crawler)
    blocks = [libc.malloc(1024) for _ in range(60_000)]
    for block in blocks:
        ctypes.memset(block, 1, 1024)  # touched: resident
    kept = blocks[::64]
    for index, block in enumerate(blocks):
        if index % 64:
            libc.free(block)
    try:
        released = extension.run()
    finally:
        for block in kept:
            libc.free(block)
    assert released is not None and released > 20, released  # about 58 MB were freed
    stats = crawler.stats.get_stats()
    assert stats[keys.MEMORY(count="trims")] == 1
    assert stats[keys.MEMORY(count="trimmed_mb")] == pytest.approx(released, abs=0.1)
    assert stats[keys.MEMORY(count="rss_mb")] > 0


def test_crawlers_of_one_process_trim_once_per_interval():
    calls = []
    crawlers = [get_crawler(settings_dict={"KZNEWS_MALLOC_TRIM_INTERVAL": 60}) for _ in range(3)]
    extensions = [memory.MemoryTrim(crawler, 60.0, calls.append) for crawler in crawlers]
    for crawler in crawlers:
        crawler.stats.open_spider()
    for extension in extensions:
        extension.run()
    assert calls == [0]
    assert [c.stats.get_value(keys.MEMORY(count="trims")) for c in crawlers] == [1, None, None]


def test_off_with_an_interval_of_zero():
    from scrapy.exceptions import NotConfigured

    with pytest.raises(NotConfigured):
        memory.MemoryTrim.from_crawler(get_crawler(settings_dict={"KZNEWS_MALLOC_TRIM_INTERVAL": 0}))
