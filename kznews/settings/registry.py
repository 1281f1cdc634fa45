"""Every setting kznews defines or changes, once: name, type, default and meaning.

`kznews.settings` (Scrapy's SETTINGS_MODULE) is built from this registry: the defaults, then the environment
applied once on top (`from_environment`: every kznews setting may be given by the environment variable of its
name; LOG_LEVEL by KZNEWS_LOG_LEVEL). `-s NAME=VALUE` overrides both, as in any Scrapy project. Profiles
(kznews.settings.profiles) change some defaults; `docs/settings.md` is generated from this module
(`python -m kznews settings`, `make docs`), and a test keeps the two in sync.

Components read a value with `setting(settings, NAME)`: the typed value, or the registry default when the
settings at hand do not hold it (a crawler built without the project settings, in tests).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# Groups, in the order docs/settings.md shows them.
GROUPS = {
    "identity": "Identity and politeness",
    "crawl": "The crawl",
    "storage": "Storage (MongoDB)",
    "reliability": "Retries, back-off, bot protection, URL safety",
    "records": "Records: stats files, WARC",
    "browser": "The browser (scrapy-playwright, Debian's Chromium)",
    "monitoring": "Monitoring (spidermon, the `runs` collection)",
    "distributed": "Several machines (the `distributed` profile)",
    "archives": "Web archives as a source (`-a source=archive`, docs/archives.md)",
    "components": "Scrapy components and engine",
}

TYPES = ("str", "int", "float", "bool", "json", "optional int")


@dataclass(frozen=True)
class Setting:
    name: str
    type: str  # one of TYPES; "json": a dict or list, given as JSON text by the environment or -s
    default: Any
    doc: str
    group: str
    # The environment variable that sets it (applied once, on top of the default and the profile); None: only
    # the settings module, a profile or -s set it. kznews' own settings default to their own name.
    env: str | None = None
    scrapy: bool = False  # a Scrapy (or scrapy-playwright, spidermon, scrapy-redis) setting kznews changes


def _own(name, type_, default, doc, group, env: str | None = "", **kwargs) -> Setting:
    return Setting(name, type_, default, doc, group, env=name if env == "" else env, **kwargs)


def _scrapy(name, type_, default, doc, group, env: str | None = None) -> Setting:
    return Setting(name, type_, default, doc, group, env=env, scrapy=True)


DEFAULT_CONTACT = "https://github.com/kznews/kznews"
CHROMIUM = "/usr/bin/chromium"


def user_agent(contact: str) -> str:
    return f"kznews/0.1 (+{contact}; news archive crawler)"


SETTINGS: tuple[Setting, ...] = (
    # --- identity and politeness ------------------------------------------------------------------------------
    _own("KZNEWS_PROFILE", "str", "polite",
         "`polite` (the live sites), `local` (loopback servers, WARC replays, benchmarks) or `distributed` (several "
         "nodes sharing one crawl through Redis); see Profiles", "identity"),
    _own("KZNEWS_CONTACT", "str", DEFAULT_CONTACT, "contact URL in the User-Agent", "identity"),
    _scrapy("BOT_NAME", "str", "kznews", "", "identity"),
    _scrapy("USER_AGENT", "str", user_agent(DEFAULT_CONTACT),
            "`kznews/0.1 (+KZNEWS_CONTACT; news archive crawler)` unless set explicitly", "identity"),
    _scrapy("ROBOTSTXT_OBEY", "bool", True, "robots.txt is obeyed on the live sites", "identity"),
    _scrapy("CONCURRENT_REQUESTS", "int", 32, "", "identity"),
    _scrapy("CONCURRENT_REQUESTS_PER_DOMAIN", "int", 4, "", "identity"),
    _scrapy("DOWNLOAD_DELAY", "float", 0.25, "", "identity"),
    _scrapy("DOWNLOAD_DELAY_JITTER", "float", 0.5,
            "±50% around DOWNLOAD_DELAY, so requests do not come in lockstep", "identity"),
    _scrapy("AUTOTHROTTLE_ENABLED", "bool", True, "", "identity"),
    _scrapy("AUTOTHROTTLE_START_DELAY", "float", 1.0, "", "identity"),
    _scrapy("AUTOTHROTTLE_MAX_DELAY", "float", 30.0, "", "identity"),
    _scrapy("AUTOTHROTTLE_TARGET_CONCURRENCY", "float", 2.0, "", "identity"),
    _scrapy("COOKIES_ENABLED", "bool", False, "", "identity"),
    # --- the crawl ---------------------------------------------------------------------------------------------
    _own("KZNEWS_MAX_PAGES", "int", 5, "list pages walked per list (spider argument `max_pages` overrides)", "crawl"),
    _own("KZNEWS_KNOWN_DAYS", "int", 120,
         "incremental runs skip the articles fetched within this many days (unless `refresh=1` or modified)",
         "crawl"),
    _own("KZNEWS_KNOWN_LOOKUP", "str", "batch",
         "how a spider learns which URLs are stored: `batch` asks the database about each list page's (feed's, "
         "sitemap's) article URLs in one query, so start-up does not grow with the database; `preload` reads all "
         "known URLs of the run at start (one read, then no queries; slow to start on a large database)", "crawl"),
    _own("KZNEWS_SITEMAP_SINCE", "str", "2d",
         "sitemaps list the whole archive: without `-a since=` only entries this recent are read", "crawl"),
    _scrapy("DOWNLOAD_TIMEOUT", "int", 30, "", "crawl"),
    _scrapy("DOWNLOAD_MAXSIZE", "int", 10 * 1024 * 1024,
            "pages are bounded: a 10 MB \"article\" is an error page or an attack, not news", "crawl"),
    _scrapy("DOWNLOAD_WARNSIZE", "int", 2 * 1024 * 1024, "", "crawl"),
    _scrapy("REDIRECT_MAX_TIMES", "int", 10, "", "crawl"),
    _scrapy("DNS_TIMEOUT", "int", 20, "", "crawl"),
    _scrapy("CONCURRENT_ITEMS", "int", 8,
            "items of one response processed concurrently; Scrapy's 100 asyncio tasks per response cost more than "
            "the work when a callback yields one article or twenty links", "crawl"),
    _scrapy("FEED_EXPORT_ENCODING", "str", "utf-8", "", "crawl"),
    # --- storage -----------------------------------------------------------------------------------------------
    _own("MONGO_URI", "str", "mongodb://127.0.0.1:27017",
         "where articles go; empty disables storage (feed exports still work). The password is never logged",
         "storage"),
    _own("MONGO_DATABASE", "str", "kznews", "database name", "storage"),
    _own("MONGO_BATCH_SIZE", "int", 200, "articles per bulk write", "storage"),
    _own("MONGO_FLUSH_SECONDS", "float", 2.0, "a partly filled batch is written after this long", "storage"),
    _own("MONGO_MAX_PENDING_BATCHES", "int", 4,
         "batches waiting for a database that is up but slower than the crawl before item processing waits",
         "storage"),
    _own("MONGO_TIMEOUT_MS", "int", 10_000, "one write attempt (server selection)", "storage"),
    _own("MONGO_RETRY_MAX_SECONDS", "float", 10.0, "longest pause between write attempts during an outage",
         "storage"),
    _own("MONGO_CLOSE_TIMEOUT", "float", 30.0,
         "at close, retry writing this long while the database does not answer (MONGO_PING_TIMEOUT_MS), then "
         "spill; writes still in flight on a database that answers a ping are waited for (slow is not down)",
         "storage"),
    _own("MONGO_SOCKET_TIMEOUT_MS", "int", 60_000,
         "longest wait for one database operation's answer; one that outlives it on a database that still answers "
         "a ping is written again (slow, not down; 3 times in a row, then an outage)", "storage"),
    _own("MONGO_PING_TIMEOUT_MS", "int", 5_000,
         "at close, how long a ping on a separate connection may take for the database to count as slow but alive",
         "storage"),
    _own("KZNEWS_SPILL_AFTER", "int", 2000,
         "unwritten articles held in memory while MongoDB is down, then spilled to a file", "storage"),
    _own("KZNEWS_SPILL_DIR", "str", "",
         "where spill files go (default `.local/spill`); load them with `python -m kznews load-spill FILE`",
         "storage"),
    # --- reliability ---------------------------------------------------------------------------------------------
    _scrapy("RETRY_ENABLED", "bool", True, "", "reliability"),
    _scrapy("RETRY_TIMES", "int", 3, "", "reliability"),
    _scrapy("RETRY_HTTP_CODES", "json", [500, 502, 503, 504, 522, 524, 408, 429], "", "reliability"),
    _scrapy("DOWNLOAD_FAIL_ON_DATALOSS", "bool", True, "a body cut short is an error (retried), never a page",
            "reliability"),
    _own("KZNEWS_RETRY_BACKOFF_BASE", "float", 2.0, "seconds before the first retry, doubling with jitter",
         "reliability"),
    _own("KZNEWS_RETRY_BACKOFF_MAX", "float", 60.0, "longest back-off before a retry", "reliability"),
    _own("KZNEWS_RETRY_AFTER_MAX", "float", 60.0,
         "Retry-After (429, 503) is honoured up to this many seconds; the whole host waits", "reliability"),
    _own("KZNEWS_RETRY_EMPTY", "bool", True, "retry empty 200 responses", "reliability"),
    _own("KZNEWS_BLOCKED_RETRY_TIMES", "int", 2, "retries of a request answered by a challenge page",
         "reliability"),
    _own("KZNEWS_BLOCKED_BACKOFF_BASE", "float", 30.0,
         "back-off after a challenge page, doubling; the whole host waits", "reliability"),
    _own("KZNEWS_ALLOW_PRIVATE_URLS", "bool", False,
         "tests only: allow private and loopback addresses, which are otherwise refused", "reliability"),
    # --- records -------------------------------------------------------------------------------------------------
    _own("KZNEWS_STATS_FILE", "str", "",
         "write the crawl's final stats as JSON to this file (`{spider}` in the path: one file per spider)",
         "records"),
    _own("WARC_RECORD", "str", "", "record every response to this WARC file (or a directory: one file per run)",
         "records"),
    _own("WARC_REPLAY", "str", "",
         "answer requests from these WARC files/directories (comma-separated) instead of the network; unknown "
         "URLs are counted 404s (`warc/replay_miss`)", "records"),
    _scrapy("LOG_LEVEL", "str", "INFO", "", "records", env="KZNEWS_LOG_LEVEL"),
    # --- browser -----------------------------------------------------------------------------------------------
    _own("KZNEWS_CHROMIUM", "str", CHROMIUM, "the Chromium executable (Debian's package)", "browser"),
    _own("KZNEWS_BROWSER_PAGES_PER_CONTEXT", "int", 20,
         "pages rendered in one browser context before a fresh one takes over (memory stays bounded)", "browser"),
    _own("KZNEWS_BROWSER_ROUNDS", "int", 5,
         "times a browser-rendered list is scrolled or its \"load more\" button clicked", "browser"),
    _own("KZNEWS_BROWSER_WAIT_MS", "int", 700, "wait after each scroll or click, milliseconds", "browser"),
    _scrapy("PLAYWRIGHT_BROWSER_TYPE", "str", "chromium", "", "browser"),
    _scrapy("PLAYWRIGHT_LAUNCH_OPTIONS", "json", {
        "executable_path": CHROMIUM,  # KZNEWS_CHROMIUM
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }, "`executable_path` is KZNEWS_CHROMIUM", "browser"),
    _scrapy("PLAYWRIGHT_MAX_CONTEXTS", "int", 2, "", "browser"),
    _scrapy("PLAYWRIGHT_MAX_PAGES_PER_CONTEXT", "int", 4, "", "browser"),
    _scrapy("PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT", "int", 30_000, "", "browser"),
    # --- monitoring ----------------------------------------------------------------------------------------------
    _scrapy("SPIDERMON_ENABLED", "bool", True, "spidermon runs kznews' monitors when each spider closes",
            "monitoring"),
    _scrapy("SPIDERMON_SPIDER_CLOSE_MONITORS", "json", ["kznews.monitoring.monitors.RunMonitorSuite"], "",
            "monitoring"),
    _own("KZNEWS_MONITOR_DEFAULTS", "json", {},
         "threshold changes for every site, over kznews.monitoring.checks.DEFAULT_THRESHOLDS", "monitoring"),
    _own("KZNEWS_MONITOR_SITES", "json", {
        # every tengrinews article carries its author in JSON-LD and in the byline
        "tengrinews": {"coverage": {"authors": 0.5}},
    }, "per-site threshold changes, merged key by key", "monitoring"),
    _own("KZNEWS_MONITOR_THRESHOLDS", "json", {},
         "JSON `{\"default\": {...}, \"SITE\": {...}}` applied last (operators: environment or -s)", "monitoring"),
    _own("KZNEWS_MONITOR_MIN_ITEMS", "optional int", None,
         "minimum articles per run for every site (empty: the thresholds' `min_items`)", "monitoring"),
    _own("KZNEWS_RUNS_ENABLED", "bool", True, "record every run in the `runs` collection", "monitoring"),
    _own("KZNEWS_PROGRESS_INTERVAL", "float", 60.0,
         "seconds between progress lines per spider (pages, new, known, dropped, blocked, database write lag); "
         "0: none", "monitoring"),
    _own("KZNEWS_MALLOC_TRIM_INTERVAL", "float", 60.0,
         "seconds between handing freed heap memory back to the system (glibc malloc_trim; without it a long "
         "crawl's resident memory grows with the heap's free space); 0: never", "monitoring"),
    _own("KZNEWS_NODE", "str", "", "shown as `node` in the `runs` collection (default: the host name)",
         "monitoring"),
    # --- distributed -----------------------------------------------------------------------------------------------
    _own("REDIS_URL", "str", "redis://127.0.0.1:6379/0", "the Redis the nodes share (distributed profile)",
         "distributed"),
    _own("KZNEWS_CRAWL_ID", "str", "",
         "name of the crawl the nodes share (default: join the spider's current crawl, or start one)",
         "distributed"),
    _own("KZNEWS_REDIS_KEEP", "int", 3600, "seconds the keys of a finished crawl are kept", "distributed"),
    _own("KZNEWS_REDIS_NODE_TTL", "int", 30,
         "a node that stops refreshing its state for this long counts as gone, and the other nodes put the "
         "requests it leased back into the queue; it refreshes every third of it", "distributed"),
    _own("KZNEWS_REDIS_MAX_WAIT", "float", 1800.0, "how long an idle node waits for the others", "distributed"),
    # --- web archives ------------------------------------------------------------------------------------------
    _own("KZNEWS_ARCHIVES", "str", "commoncrawl,wayback",
         "the archives `-a source=archive` reads when `-a archives=` is not given (commoncrawl, wayback, ccnews)",
         "archives"),
    _own("KZNEWS_CC_INDEX", "str", "https://index.commoncrawl.org", "Common Crawl's index server", "archives"),
    _own("KZNEWS_CC_DATA", "str", "https://data.commoncrawl.org",
         "Common Crawl's data server (WARC files read by Range requests)", "archives"),
    _own("KZNEWS_WAYBACK", "str", "https://web.archive.org", "the Wayback Machine (CDX API and captures)",
         "archives"),
    _own("KZNEWS_ARCHIVE_CONCURRENCY", "int", 1, "concurrent requests per archive endpoint", "archives"),
    _own("KZNEWS_ARCHIVE_DELAYS", "json",
         {"commoncrawl-index": 1.0, "commoncrawl-data": 1.0, "wayback-cdx": 2.5, "wayback": 1.0},
         "seconds between two requests to each archive endpoint (the Wayback CDX API allows about one query every "
         "2.5 s; Common Crawl asks for about one request per second and client); given keys override these",
         "archives"),
    _own("KZNEWS_ARCHIVE_RETRY_TIMES", "int", 5,
         "retries of an archive request answered 429/5xx (archives answer 503 in bursts)", "archives"),
    _own("KZNEWS_ARCHIVE_RECORD_MAXSIZE", "int", 10 * 1024 * 1024,
         "one decompressed archived record at most (a gzip bomb costs this)", "archives"),
    _own("KZNEWS_ARCHIVE_LISTS", "bool", True,
         "also read the captures of the editions' list pages (their layouts are checked as on live pages)",
         "archives"),
    _own("KZNEWS_WAYBACK_PAGE_SIZE", "int", 5000, "captures per page of the Wayback CDX API", "archives"),
    _own("KZNEWS_WAYBACK_COLLAPSE", "str", "digest",
         "the Wayback CDX `collapse` field (one capture per distinct payload)", "archives"),
    _own("KZNEWS_CCNEWS_CHUNK", "int", 16 * 1024 * 1024, "CC-NEWS files are read in Range pieces of this size",
         "archives"),
    _own("KZNEWS_CCNEWS_MAX_CHUNK", "int", 128 * 1024 * 1024,
         "the largest piece, when one record is larger than a piece", "archives"),
    # --- components ----------------------------------------------------------------------------------------------
    _scrapy("SPIDER_MODULES", "json", ["kznews.spiders"], "", "components"),
    _scrapy("NEWSPIDER_MODULE", "str", "kznews.spiders", "", "components"),
    _scrapy("COMMANDS_MODULE", "str", "kznews.cli.commands",
            "`scrapy crawl` checks the spider arguments before the crawl starts", "components"),
    _scrapy("ADDONS", "json", {"kznews.settings.profiles.KznewsAddon": 0},
            "applies the profile and the settings derived from others (kznews.settings.profiles)", "components"),
    _scrapy("DOWNLOADER_MIDDLEWARES", "json", {
        # engine side: a leased request that failed for good is done (distributed profile)
        "kznews.downloadermiddlewares.leases.LeaseDownloaderMiddleware": 10,
        "kznews.downloadermiddlewares.urlsafety.UrlSafetyMiddleware": 40,  # every request, redirects included
        "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
        "kznews.downloadermiddlewares.retry.RetryMiddleware": 550,
        # before the retries (process_exception runs from the downloader's side): a site with no answer stops early
        "kznews.downloadermiddlewares.unreachable.UnreachableMiddleware": 560,
        "kznews.downloadermiddlewares.challenge.ChallengeMiddleware": 585,  # after encoding repair
        "kznews.downloadermiddlewares.encoding.EncodingMiddleware": 587,  # after decompression
        # archived pages (WARC records, raw captures) read after decompression, before encoding repair
        "kznews.downloadermiddlewares.archive.ArchiveRecordMiddleware": 588,
        "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
        "kznews.downloadermiddlewares.redirect.RedirectMiddleware": 600,
        "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
        # Scrapy's, with gzip bombs and broken encodings counted
        "kznews.downloadermiddlewares.compression.HttpCompressionMiddleware": 590,
        "kznews.downloadermiddlewares.warc.WarcMiddleware": 950,
        "kznews.downloadermiddlewares.fetchtime.FetchTimeMiddleware": 960,
    }, "URL safety first; retries with back-off, unreachable sites stopped early, challenge pages, decompression "
       "bombs, encoding repair, redirect loops; WARC next to the downloader", "components"),
    _scrapy("SPIDER_MIDDLEWARES", "json", {
        "kznews.spidermiddlewares.leases.LeaseSpiderMiddleware": 5,  # the final output of a leased request
        "kznews.spidermiddlewares.journal.JournalSpiderMiddleware": 10,  # engine side: sees the final output
        "kznews.spidermiddlewares.callbackerrors.CallbackErrorMiddleware": 15,  # after HttpErrorMiddleware (50)
    }, "", "components"),
    _scrapy("ITEM_PIPELINES", "json", {
        "kznews.pipelines.validate.ValidatePipeline": 100,
        "kznews.pipelines.dates.DatesPipeline": 200,
        "kznews.pipelines.dedupe.DedupePipeline": 300,
        "kznews.pipelines.syndication.SyndicationPipeline": 400,
        "kznews.pipelines.store.MongoPipeline": 900,
    }, "", "components"),
    _scrapy("EXTENSIONS", "json", {
        "kznews.extensions.secrets.SecretsGuard": 100,
        "kznews.extensions.logcount.SpiderLogCounter": 150,  # the per-spider log counts the `errors` check reads
        "kznews.extensions.progress.Progress": 400,
        "kznews.extensions.memory.MemoryTrim": 450,
        "kznews.extensions.monitoring.Monitoring": 500,  # before StatsFile: the stats file shows the run's health
        "kznews.extensions.statsfile.StatsFile": 900,
    }, "", "components"),
    _scrapy("SCHEDULER", "str", "kznews.schedulers.journal.JournalScheduler",
            "a crash-safe JOBDIR (the same as Scrapy's scheduler without JOBDIR)", "components"),
    _scrapy("TWISTED_DNS_RESOLVER", "str", "kznews.resolver.SafeResolver",
            "host names resolving to private addresses are refused", "components"),
    _scrapy("TWISTED_REACTOR", "str", "twisted.internet.asyncioreactor.AsyncioSelectorReactor", "", "components"),
    _scrapy("TELNETCONSOLE_ENABLED", "bool", False, "", "components"),
    _scrapy("WARN_ON_GENERATOR_RETURN_VALUE", "bool", False,
            "off: Scrapy would read and parse a callback's source on every response (its cache is keyed by the "
            "short-lived bound method), about a tenth of the crawl's CPU; tests/test_layout.py runs the same check "
            "over every spider callback once instead", "components"),
    _scrapy("FEED_EXPORTERS", "json", {
        "json": "kznews.exporters.IsoJsonItemExporter",
        "jsonlines": "kznews.exporters.IsoJsonLinesItemExporter",
        "jsonl": "kznews.exporters.IsoJsonLinesItemExporter",
    }, "datetimes as ISO 8601 with the Asia/Almaty offset of the instant", "components"),
)

BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}
assert len(BY_NAME) == len(SETTINGS), "a setting is registered twice"


class SettingError(ValueError):
    """A setting's value is not of its type (the message names the setting and what was expected)."""


_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


def parse(spec: Setting, value: Any, label: str = "") -> Any:
    """`value` (text from the environment or -s, or a Python value) as the setting's type. `label` names where
    it came from in the error message (default: the setting's name)."""
    if value is None:
        return None
    kind = spec.type
    try:
        if kind == "str":
            return str(value)
        if kind == "bool":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
            raise ValueError
        if kind in ("int", "optional int"):
            if kind == "optional int" and str(value).strip() == "":
                return None
            if isinstance(value, bool):
                raise ValueError
            return int(str(value).strip()) if isinstance(value, str) else int(value)
        if kind == "float":
            return float(str(value).strip()) if isinstance(value, str) else float(value)
        if kind == "json":
            return json.loads(value) if isinstance(value, str) else value
    except (TypeError, ValueError):
        expected = {"bool": "true or false", "int": "an integer", "optional int": "an integer or nothing",
                    "float": "a number", "json": "JSON"}[kind]
        raise SettingError(f"{label or spec.name}={value!r}: expected {expected}") from None
    raise AssertionError(f"unknown type {kind!r} of {spec.name}")


def defaults() -> dict[str, Any]:
    """Every registered setting with its default (what the settings module starts from)."""
    import copy

    return {spec.name: copy.deepcopy(spec.default) for spec in SETTINGS}


def from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    """The settings the environment gives, typed: {name: value} for each registered variable that is set."""
    values = {}
    for spec in SETTINGS:
        if spec.env and spec.env in environ:
            values[spec.name] = parse(spec, environ[spec.env], label=f"environment variable {spec.env}")
    return values


def derive(values: dict[str, Any]) -> dict[str, Any]:
    """The settings that follow from others (in place): USER_AGENT from KZNEWS_CONTACT, the Chromium executable in
    PLAYWRIGHT_LAUNCH_OPTIONS from KZNEWS_CHROMIUM."""
    values["USER_AGENT"] = user_agent(values["KZNEWS_CONTACT"])
    values["PLAYWRIGHT_LAUNCH_OPTIONS"] = {**values["PLAYWRIGHT_LAUNCH_OPTIONS"],
                                           "executable_path": values["KZNEWS_CHROMIUM"]}
    return values


def project_settings(environ: Mapping[str, str]) -> dict[str, Any]:
    """What the settings module holds: every default, the environment on top, the derived settings."""
    return derive({**defaults(), **from_environment(environ)})


def setting(settings, name: str) -> Any:
    """The typed value of a registered setting from Scrapy settings (or any mapping), the registry default when
    the settings do not hold it."""
    spec = BY_NAME[name]
    value = settings.get(name) if settings is not None else None
    if value is None:
        return spec.default
    if spec.type == "json" and hasattr(value, "copy_to_dict"):
        value = value.copy_to_dict()
    return parse(spec, value)
