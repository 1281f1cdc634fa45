"""Every stats key kznews writes, defined once. Producers (spiders, middlewares, pipelines, extensions) and the
monitors (kznews.monitoring) build keys with the same objects, so a key a monitor reads is a key something writes
(tests/test_stats.py checks that against real crawls).

A `Key` is a template: `ITEMS(site="zakon", lang="ru")` is "kznews/items/zakon/ru"; `ITEMS.prefix(site="zakon")`
is "kznews/items/zakon/", what a monitor reads a family of keys by. Per-site keys carry the spider's name even
though each crawler has its own stats: one process may run several spiders, and stats files and the `runs`
collection keep the key as written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_FIELD = re.compile(r"\{(\w+)\}")


class Key:
    def __init__(self, template: str, doc: str, *, open_end: bool = False):
        self.template = template
        self.doc = doc
        self.fields = tuple(_FIELD.findall(template))
        # a field is one segment of the key; with open_end the last one may hold slashes (check names)
        escaped = re.escape(template).replace(r"\{", "{").replace(r"\}", "}")
        pattern = _FIELD.sub(lambda m: r"[^/]+", escaped)
        if open_end:
            pattern = pattern[: pattern.rindex(r"[^/]+")] + ".+"
        self.pattern = re.compile("^" + pattern + "$")

    def __call__(self, **parts: Any) -> str:
        return self.template.format(**parts)

    def prefix(self, **parts: Any) -> str:
        """The key up to the first field not given: the prefix of a family of keys ("kznews/items/zakon/")."""
        for name in self.fields:
            if name not in parts:
                return self.template[: self.template.index("{" + name + "}")].format(**parts)
        return self(**parts)

    def matches(self, key: str) -> bool:
        return bool(self.pattern.match(key))

    def __repr__(self) -> str:
        return f"Key({self.template!r})"


# --- items and drops (pipelines) ----------------------------------------------------------------------------------
ITEMS_TOTAL = Key("kznews/items", "articles that passed validation, dates and deduplication")
ITEMS = Key("kznews/items/{site}/{lang}", "the same, per site and edition language")
COVERAGE = Key("kznews/coverage/{site}/{field}", "articles stored with this field (title, body, authors, ...)")
DROPPED_TOTAL = Key("kznews/dropped/{reason}", "pages or items that ended without an article, by reason")
DROPPED = Key("kznews/dropped/{site}/{reason}",
              "the same per site: no_url, no_title, no_body, duplicate_url, unstorable, callback_error")
ERRORS = Key("kznews/errors/{site}/{exception}", "callbacks that raised, by exception class")
DATES = Key("kznews/dates/{site}/{event}",
            "from_text (published_at read from its text), implausible_published_at, implausible_modified_at, "
            "missing_published_at")
CREDITED = Key("kznews/reprints/{site}/credited", "articles that credit another outlet as their source")
LINKED = Key("kznews/reprints/linked", "articles linked to another site's article as reprints")

# --- storage (pipelines.store) ---------------------------------------------------------------------------------------
MONGO = Key("kznews/mongo/{count}",
            "batches, upserted (new articles), modified, aliased, store_ms, link_ms, write_errors, outages, "
            "outage_seconds, write_bugs (writes that failed for another reason than the database), stale_archived "
            "(archived copies not stored because the URL is stored from a later fetch), backpressure_waits and "
            "backpressure_seconds (items held because writes fell behind the crawl; seconds of wall time), engine_pauses "
            "(times the engine was paused because more than a batch of items were held), most_pending (the largest "
            "write lag, articles), close_slow_seconds (close waited past MONGO_CLOSE_TIMEOUT for a database that "
            "was slow but answered), slow_timeouts (writes that outlived MONGO_SOCKET_TIMEOUT_MS on a database "
            "that answered a ping: written again, not an outage), writer_restarts (the write loop ended by a bug "
            "and was started again)")
MONGO_UNSTORED = Key("kznews/mongo/unstored",
                     "articles not in MongoDB when the run ended: left in the spill file or refused by the database "
                     "(written at close; the `storage` check reads it)")
MONGO_REPAIRED = Key("kznews/mongo/repaired/{site}", "documents the database refused until repaired")
MONGO_WRITE_BUGS = Key("kznews/mongo/write_bugs/{site}/{exception}",
                       "writes that failed for another reason than the database (a bug, e.g. in reprint linking): "
                       "logged with the traceback; the articles are stored, linking is redone by link-reprints")
SPILL = Key("kznews/spill/{count}", "items (articles written to the spill file), reloaded (taken back into the database by the run), not_taken_back (left in the file by a bug or a cut line), file (its path)")

# --- discovery (spiders.engine) ----------------------------------------------------------------------------------
LIST = Key("kznews/list/{site}/{edition}/{count}",
           "list pages: pages, entries, too_old (before `since`), too_new (at or after `until`), "
           "stopped_nothing_new, bad_response, fallback_dated (entries the list fallback could date on pages no "
           "list layout matched)")
BACKFILL = Key("kznews/backfill/{site}/{edition}/{count}",
               "backfills (a date window): probes (list pages the binary search fetched), found_page (the first "
               "page reaching the window), undated_probe (a probed page without dates: walked from page 1), "
               "sitemaps_fetched and sitemaps_skipped (index children overlapping the window or not), days (day "
               "archive pages)")
FEED = Key("kznews/feed/{site}/{edition}/entries", "feed entries read")
SITEMAP = Key("kznews/sitemap/{site}/{edition}/entries", "sitemap entries read")
SITEMAP_PROBLEM = Key("kznews/sitemap/{site}/{problem}", "bad_gzip, unreadable")
FEED_SKIPPED = Key("kznews/feed/{site}/skipped/{reason}",
                   "feed entries left out: bad_url (not http(s), too long), bad_date (absurd or far in the future), "
                   "over_limit (past the bound of entries per feed)")
SITEMAP_SKIPPED = Key("kznews/sitemap/{site}/skipped/{reason}",
                      "sitemap entries left out: bad_url, bad_date, over_limit (past the bound of entries per sitemap)")
KNOWN = Key("kznews/known/{site}/{count}",
            "incremental runs: loaded (known URLs read at start, KZNEWS_KNOWN_LOOKUP=preload), load_failed, "
            "looked_up and found (URLs looked up in the database page by page, KZNEWS_KNOWN_LOOKUP=batch, and how "
            "many were stored), lookup_failed, skipped (listed but stored), modified_refetched")
ARTICLE_BAD_RESPONSE = Key("kznews/article/{site}/bad_response", "article responses that were not pages")
LAYOUT = Key("kznews/layout/{site}/{kind}/{layout}",
             "pages per markup version: kind article or list, `none` when no layout of the site matched; "
             "json_list/unreadable")
SOURCE = Key("kznews/source/{site}/{field}/{source}", "where each field came from (jsonld, meta, layout, ...)")
NOTES = Key("kznews/notes/{site}/{note}", "anomalies: offset_corrected, list_date_disagrees, future_date, ...")

# --- web archives as a source (spiders.archive, downloadermiddlewares.archive; docs/archives.md) ----------------------
ARCHIVE = Key("kznews/archive/{scope}/{count}",
              "per archive (commoncrawl, wayback, ccnews): crawls, index_pages, captures, bad_index (an index answer "
              "that is not JSON), bad_index_lines, no_captures, slowdowns (429/5xx answers), moved_to_nearest, "
              "files, files_read, members, bytes (CC-NEWS); per site: list_links_not_followed")
ARCHIVE_DROPPED = Key("kznews/archive/{scope}/dropped/{reason}",
                      "archived records that never reach extraction, per site and per archive: digest_mismatch, "
                      "truncated_member, redirect, status, challenge, too_large, not_html, wrong_record, ...")
ARCHIVE_PAGES = Key("kznews/archive/{site}/{archive}/{count}",
                    "per site and archive: pages (archived pages handed to the parsers), outside_window, "
                    "other_pages (captures that are neither articles nor list pages), more_captures (another capture "
                    "of a URL the run reads)")
ARCHIVE_NOTES = Key("kznews/archive/{site}/notes/{note}",
                    "archived responses read with a caveat (e.g. a digest that cannot be checked)")

# --- downloads (downloadermiddlewares) -----------------------------------------------------------------------------
FAILED_TOTAL = Key("kznews/failed/{reason}", "requests that ended without a page for the spider, by reason")
FAILED = Key("kznews/failed/{site}/{reason}",
             "the same per site: http_404, http_503, timeout, connection, truncated, empty_response, too_large, "
             "redirect_loop, blocked, unsafe_url, bad_encoding (a Content-Encoding that does not unpack), ...")
RETRY = Key("kznews/retry/{count}", "waited_seconds (back-off scheduled), retry_after_honoured, delayed "
            "(requests held back outside the downloader until due)")
UNREACHABLE = Key("kznews/unreachable/{site}",
                  "why the spider was stopped as unreachable (e.g. `connection refused by tengrinews.kz`): no response "
                  "at all and only connection errors (kznews.downloadermiddlewares.unreachable)")
DECOMPRESSION_BOMB = Key("kznews/decompression_bomb/{site}",
                         "responses whose Content-Encoding unpacks past DOWNLOAD_MAXSIZE (also failed too_large)")
BLOCKED = Key("kznews/blocked/{site}", "challenge pages received (the `blocked` check reads it)")
BLOCKING = Key("kznews/blocking/{site}/{kind}", "challenge pages by kind (cloudflare, captcha, ...), gave_up")
UNSAFE_URL = Key("kznews/unsafe_url/{site}/{reason}", "refused URLs by reason")
ENCODING = Key("kznews/encoding/{site}/{change}", "repaired, and each repair as `declared->right`")
BROWSER = Key("kznews/browser/{count}", "pages (rendered), contexts_recycled")
WARC = Key("warc/{count}", "replayed, replay_miss (counted 404s), recorded, too_large (a recorded payload over "
           "DOWNLOAD_MAXSIZE: failed as a live download would)")
WARC_SKIPPED = Key("warc/skipped/{reason}",
                   "records of a replayed archive the bounded reader left out: gzip bombs, lying lengths, garbage, "
                   "broken headers (kznews.warc)")

# --- the crawl's process (schedulers, extensions) ------------------------------------------------------------------
JOURNAL = Key("kznews/journal/{count}", "recovered, replayed, replayed_unstored, unserializable")
DISTRIBUTED = Key("kznews/distributed/{count}", "crawl, node (ids), waits; leases: leased, released, handed_back, "
                  "reclaimed (from stopped nodes), returned (at close), redis_outages")
LOG = Key("kznews/log/{site}/{level}",
          "log records at WARNING or above that belong to this spider (its own logger, or Scrapy's and kznews' "
          "records naming it; with one spider in the process, every record): the `errors` check reads ERROR, "
          "not Scrapy's process-wide log_count/ERROR (kznews.extensions.logcount)")
MEMORY = Key("kznews/memory/{count}", "trims (heap memory handed back to the system, kznews.extensions.memory), "
             "trimmed_mb (resident MB those trims gave back), rss_mb (resident MB after the last trim)")
PROGRESS = Key("kznews/progress/{count}", "lines (periodic progress lines logged; kznews.extensions.progress)")
MONITOR = Key("kznews/monitor/{result}", "healthy (1/0), failed (count), run_id")
MONITOR_FAILED = Key("kznews/monitor/failed/{check}", "1 for each failed check (coverage/body, ...)", open_end=True)

SWALLOWED = Key("kznews/swallowed/{where}/{exception}",
                "exceptions pure functions caught on purpose (kznews.swallowed), in this process")

KEYS: tuple[Key, ...] = tuple(value for value in globals().values() if isinstance(value, Key))

# Scrapy's own keys the monitors read.
SCRAPY_KEYS = ("downloader/request_count", "downloader/response_count", "downloader/response_status_count/",
               "log_count/ERROR", "log_count/WARNING", "spider_exceptions/", "finish_reason", "start_time",
               "finish_time")


def site_of(crawler) -> str:
    """The site a crawler's stats are about: its spider's name."""
    return crawler.spider.name if getattr(crawler, "spider", None) is not None else "unknown"


def count_failure(crawler, reason: str) -> None:
    """A request that ends without a page for the spider, counted per site with its reason."""
    crawler.stats.inc_value(FAILED_TOTAL(reason=reason))
    crawler.stats.inc_value(FAILED(site=site_of(crawler), reason=reason))


def count_drop(stats, site: str, reason: str) -> None:
    """A page or item that ends without an article, counted per site with its reason."""
    stats.inc_value(DROPPED_TOTAL(reason=reason))
    stats.inc_value(DROPPED(site=site, reason=reason))


def under(stats: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    """{rest: value} of the stats whose key is prefix + rest, rest without further slashes."""
    return {k[len(prefix) :]: v for k, v in stats.items() if k.startswith(prefix) and "/" not in k[len(prefix) :]}


def key_of(name: str) -> Key | None:
    """The Key a stats key was built by, or None (Scrapy's own keys)."""
    return next((key for key in KEYS if key.matches(name)), None)
