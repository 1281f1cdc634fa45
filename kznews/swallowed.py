"""Exceptions that pure functions catch on purpose, still reported.

A few pure functions promise never to raise on hostile input (a URL or a date string must not take the crawl
down): `canonicalize_url`, `parse_date_detail`, ... When they catch an unexpected exception they call `swallowed`:
the first of each kind (where, exception class) is logged with its traceback at WARNING, later ones at DEBUG,
and every one is counted here. Each spider copies the counts into its stats when it closes (kznews/swallowed/
{where}/{exception}; counts of this process, which may run several spiders). Pure: no Scrapy, nothing but the
standard library.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter

COUNTS: Counter[tuple[str, str]] = Counter()
_LOCK = threading.Lock()


def swallowed(where: str, error: BaseException, logger: logging.Logger, detail: str = "") -> None:
    """Record an exception caught on purpose in `where` (a function's name)."""
    key = (where, type(error).__name__)
    with _LOCK:
        COUNTS[key] += 1
        first = COUNTS[key] == 1
    logger.log(logging.WARNING if first else logging.DEBUG,
               "%s caught %s%s (counted in kznews/swallowed/%s/%s)", where, type(error).__name__,
               f" on {detail[:200]!r}" if detail else "", *key, exc_info=(type(error), error, error.__traceback__))


def counts() -> dict[tuple[str, str], int]:
    with _LOCK:
        return dict(COUNTS)
