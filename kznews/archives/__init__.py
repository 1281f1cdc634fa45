"""Public web archives as a source of a site's pages: Common Crawl (its capture index and CC-NEWS) and the Internet
Archive's Wayback Machine. See docs/archives.md.

- `cdx`: the capture indexes (queries and answers, pure);
- `records`: archived HTTP responses from WARC records and `id_` captures, and the checks that drop bad ones (pure);
- `ccnews`: CC-NEWS file lists and the streaming reader of its WARC files (pure);
- `middleware`: the downloader middleware that turns an archive's answer into the site's archived response;
- `spider`: `-a source=archive` on every site spider (ArchiveSourceMixin) and the CC-NEWS reader (CCNewsReader);
- `ccnews_crawl`: `python -m kznews ccnews`, one pass over CC-NEWS files for several sites;
- `audit`: `python -m kznews audit`, the layout audit over the years.

Stats (per site and per archive): `kznews/archive/{site}/{archive}/pages` (archived pages handed to the
parsers), `kznews/archive/{site}/dropped/{reason}` and `kznews/archive/{archive}/dropped/{reason}` (records that
never reach extraction: digest_mismatch, truncated_member, redirect, challenge, ...), `kznews/archive/{archive}/...`
for the indexes (captures, bad_index, no_captures, slowdowns).
"""

from __future__ import annotations

from kznews.archives.cdx import COMMONCRAWL, WAYBACK

CCNEWS = "ccnews"
ARCHIVES = (COMMONCRAWL, CCNEWS, WAYBACK)

# request.meta key of a request for an archived page: the capture it reads (a dict of cdx.Capture's fields)
ARCHIVE_META = "kznews_archive"
ARCHIVED_FLAG = "archived"

# Settings and their defaults (kznews/settings.py reads the environment; these hold when a setting is absent).
DEFAULTS = {
    "KZNEWS_ARCHIVES": "commoncrawl,wayback",
    "KZNEWS_CC_INDEX": "https://index.commoncrawl.org",
    "KZNEWS_CC_DATA": "https://data.commoncrawl.org",
    "KZNEWS_WAYBACK": "https://web.archive.org",
    # concurrent requests per archive endpoint, and seconds between two requests to it
    "KZNEWS_ARCHIVE_CONCURRENCY": 1,
    "KZNEWS_ARCHIVE_DELAYS": {"commoncrawl-index": 1.0, "commoncrawl-data": 1.0, "wayback-cdx": 2.5, "wayback": 1.0},
    "KZNEWS_ARCHIVE_RETRY_TIMES": 5,
    "KZNEWS_ARCHIVE_RECORD_MAXSIZE": 10 * 1024 * 1024,
    "KZNEWS_ARCHIVE_LISTS": True,
    "KZNEWS_WAYBACK_PAGE_SIZE": 5000,
    "KZNEWS_WAYBACK_COLLAPSE": "digest",
    "KZNEWS_CCNEWS_CHUNK": 16 * 1024 * 1024,
    "KZNEWS_CCNEWS_MAX_CHUNK": 128 * 1024 * 1024,
}

# Download slots: each archive endpoint has its own concurrency and delay (KZNEWS_ARCHIVE_*), and its own
# Retry-After cool-down (kznews.retry keys cool-downs by slot).
SLOT_PREFIX = "archive:"
SLOTS = {name: SLOT_PREFIX + name for name in ("commoncrawl-index", "commoncrawl-data", "wayback-cdx", "wayback")}


def setting(settings, name: str):
    """A KZNEWS_ARCHIVE* / endpoint setting, typed like its default."""
    default = DEFAULTS[name]
    if settings is None or settings.get(name) in (None, ""):
        return default
    if isinstance(default, bool):
        return settings.getbool(name)
    if isinstance(default, int):
        return settings.getint(name)
    if isinstance(default, float):
        return settings.getfloat(name)
    if isinstance(default, dict):
        return {**default, **settings.getdict(name)}
    return str(settings.get(name)).rstrip("/")


def parse_archives(value: str | None, default: str = DEFAULTS["KZNEWS_ARCHIVES"]) -> list[str]:
    """`archives=commoncrawl,wayback` as a list; an unknown name is a ValueError that names the known ones."""
    names = [x.strip().lower() for x in (value or default).split(",") if x.strip()]
    unknown = [x for x in names if x not in ARCHIVES]
    if unknown or not names:
        raise ValueError(f"archives: unknown {unknown or names}; known: {', '.join(ARCHIVES)}")
    return list(dict.fromkeys(names))


def download_slots(settings) -> dict[str, dict]:
    """DOWNLOAD_SLOTS entries for the archive endpoints."""
    concurrency = setting(settings, "KZNEWS_ARCHIVE_CONCURRENCY")
    delays = setting(settings, "KZNEWS_ARCHIVE_DELAYS")
    return {
        slot: {"concurrency": concurrency, "delay": float(delays.get(name, 1.0)), "jitter": 0.2}
        for name, slot in SLOTS.items()
    }


def count_drop(stats, site: str, archive: str, reason: str) -> None:
    stats.inc_value(f"kznews/archive/{site}/dropped/{reason}")
    stats.inc_value(f"kznews/archive/{archive}/dropped/{reason}")
