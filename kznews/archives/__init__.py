"""Public web archives as a source of a site's pages: Common Crawl (its capture index and CC-NEWS) and the Internet
Archive's Wayback Machine. See docs/archives.md.

- `cdx`: the capture indexes (queries and answers, pure);
- `records`: archived HTTP responses from WARC records and `id_` captures, and the checks that drop bad ones (pure);
- `ccnews`: CC-NEWS file lists and the streaming reader of its WARC files (pure);
- the downloader middleware that turns an archive's answer into the archived response: kznews.downloadermiddlewares.archive;
- `-a source=archive` on every site spider: kznews.spiders.archive (ArchiveSourceMixin, CCNewsReader);
- `python -m kznews ccnews` (kznews.cli.ccnews), one pass over CC-NEWS files for several sites;
- `python -m kznews audit` (kznews.cli.audit), the layout audit over the years.

Stats (per site and per archive): `kznews/archive/{site}/{archive}/pages` (archived pages handed to the
parsers), `kznews/archive/{site}/dropped/{reason}` and `kznews/archive/{archive}/dropped/{reason}` (records that
never reach extraction: digest_mismatch, truncated_member, redirect, challenge, ...), `kznews/archive/{archive}/...`
for the indexes (captures, bad_index, no_captures, slowdowns).
"""

from __future__ import annotations

from kznews import stats as keys
from kznews.archives.cdx import COMMONCRAWL, WAYBACK
from kznews.settings import profiles, registry

CCNEWS = "ccnews"
ARCHIVES = (COMMONCRAWL, CCNEWS, WAYBACK)

# request.meta key of a request for an archived page: the capture it reads (a dict of cdx.Capture's fields)
ARCHIVE_META = "kznews_archive"
ARCHIVED_FLAG = "archived"

# Download slots: each archive endpoint has its own concurrency and delay (KZNEWS_ARCHIVE_*), set for every
# crawler by the settings add-on (kznews.settings.profiles, after the profile), and its own Retry-After cool-down
# (kznews.downloadermiddlewares.retry keys cool-downs by slot).
SLOT_PREFIX, SLOTS = profiles.ARCHIVE_SLOT_PREFIX, profiles.ARCHIVE_SLOTS


def setting(settings, name: str):
    """An archive setting (kznews.settings.registry), typed; endpoint URLs without a trailing slash, the delays
    of the endpoints not given kept at their defaults."""
    value = registry.setting(settings, name)
    if name == "KZNEWS_ARCHIVE_DELAYS":
        return {**registry.BY_NAME[name].default, **(value or {})}
    return value.rstrip("/") if isinstance(value, str) else value


def parse_archives(value: str | None, default: str = registry.BY_NAME["KZNEWS_ARCHIVES"].default) -> list[str]:
    """`archives=commoncrawl,wayback` as a list; an unknown name is a ValueError that names the known ones."""
    names = [x.strip().lower() for x in (value or default).split(",") if x.strip()]
    unknown = [x for x in names if x not in ARCHIVES]
    if unknown or not names:
        raise ValueError(f"archives: unknown {unknown or names}; known: {', '.join(ARCHIVES)}")
    return list(dict.fromkeys(names))


def count_drop(stats, site: str, archive: str, reason: str) -> None:
    stats.inc_value(keys.ARCHIVE_DROPPED(scope=site, reason=reason))
    stats.inc_value(keys.ARCHIVE_DROPPED(scope=archive, reason=reason))
