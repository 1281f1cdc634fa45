"""Scrapy settings of kznews. Environment variables come first for everything a deployment sets.

Profiles (KZNEWS_PROFILE): "polite" (default, for the live sites), "local" (loopback test servers, WARC replay
and benchmarks: no delays, no robots.txt), "distributed" (scrapy-redis: shared queue and duplicate filter).
"""

import os

BOT_NAME = "kznews"
SPIDER_MODULES = ["kznews.spiders"]
NEWSPIDER_MODULE = "kznews.spiders"

# --- identity and politeness --------------------------------------------------------------------------------
KZNEWS_CONTACT = os.environ.get("KZNEWS_CONTACT", "https://github.com/kznews/kznews")
USER_AGENT = f"kznews/0.1 (+{KZNEWS_CONTACT}; news archive crawler)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
DOWNLOAD_DELAY_JITTER = 0.5  # ±50% around DOWNLOAD_DELAY, so requests do not come in lockstep
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# Pages are bounded: a 10 MB "article" is an error page or an attack, not news.
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
REDIRECT_MAX_TIMES = 10
COOKIES_ENABLED = False
# Items of one response are processed by this many concurrent tasks. Scrapy's default (100) creates 100 asyncio
# tasks per response, which costs more than the work when a callback yields one article or twenty links.
CONCURRENT_ITEMS = 8
TELNETCONSOLE_ENABLED = False
DNS_TIMEOUT = 20

# --- the crawl ------------------------------------------------------------------------------------------
KZNEWS_MAX_PAGES = int(os.environ.get("KZNEWS_MAX_PAGES", "5"))
# Incremental runs skip the articles fetched within this many days (unless -a refresh=1 or they were modified).
KZNEWS_KNOWN_DAYS = int(os.environ.get("KZNEWS_KNOWN_DAYS", "120"))
# Sitemaps list the whole archive; without `-a since=` only this much of it is read.
KZNEWS_SITEMAP_SINCE = os.environ.get("KZNEWS_SITEMAP_SINCE", "2d")
# Test servers and benchmarks: send chosen hosts to a local server ({"tengrinews.kz": "http://127.0.0.1:8080/..."}).
KZNEWS_HOST_MAP = os.environ.get("KZNEWS_HOST_MAP", "")

DOWNLOADER_MIDDLEWARES = {
    "kznews.warc.WarcMiddleware": 950,
    "kznews.middlewares.FetchTimeMiddleware": 960,
}
WARC_RECORD = os.environ.get("WARC_RECORD", "")
WARC_REPLAY = os.environ.get("WARC_REPLAY", "")

EXTENSIONS = {
    "kznews.extensions.StatsFile": 900,
}
KZNEWS_STATS_FILE = os.environ.get("KZNEWS_STATS_FILE", "")

# --- items and storage ------------------------------------------------------------------------------------
ITEM_PIPELINES = {
    "kznews.pipelines.ValidatePipeline": 100,
    "kznews.pipelines.DatesPipeline": 200,
    "kznews.pipelines.DedupePipeline": 300,
    "kznews.pipelines.SyndicationPipeline": 400,
    "kznews.pipelines.MongoPipeline": 900,
}
# Empty MONGO_URI disables storage (feed exports still work: scrapy crawl SITE -O out.jsonl).
MONGO_URI = os.environ.get("MONGO_URI", "mongodb://127.0.0.1:27017")
MONGO_DATABASE = os.environ.get("MONGO_DATABASE", "kznews")
MONGO_BATCH_SIZE = 200
MONGO_FLUSH_SECONDS = 2.0
MONGO_MAX_PENDING_BATCHES = 4

FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORTERS = {
    "json": "kznews.exporters.IsoJsonItemExporter",
    "jsonlines": "kznews.exporters.IsoJsonLinesItemExporter",
    "jsonl": "kznews.exporters.IsoJsonLinesItemExporter",
}

# --- the browser (only for requests that ask for it) ---------------------------------------------------------
PLAYWRIGHT_BROWSER_TYPE = "chromium"
PLAYWRIGHT_LAUNCH_OPTIONS = {
    "executable_path": os.environ.get("KZNEWS_CHROMIUM", "/usr/bin/chromium"),
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
}
PLAYWRIGHT_MAX_CONTEXTS = 2
PLAYWRIGHT_MAX_PAGES_PER_CONTEXT = 4
PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT = 30_000

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = os.environ.get("KZNEWS_LOG_LEVEL", "INFO")

# --- profiles -----------------------------------------------------------------------------------------------
KZNEWS_PROFILE = os.environ.get("KZNEWS_PROFILE", "polite")
if KZNEWS_PROFILE == "local":
    ROBOTSTXT_OBEY = False
    DOWNLOAD_DELAY = 0
    AUTOTHROTTLE_ENABLED = False
    CONCURRENT_REQUESTS_PER_DOMAIN = 16
    RETRY_TIMES = 1
if KZNEWS_HOST_MAP:
    DOWNLOAD_HANDLERS = {
        "http": "kznews.middlewares.LoopbackDownloadHandler",
        "https": "kznews.middlewares.LoopbackDownloadHandler",
    }

# === operations: monitoring (kznews/monitoring.py, docs/operations.md) ================================
# spidermon runs kznews' monitors when each spider closes and records the run in the `runs` collection.
SPIDERMON_ENABLED = True
EXTENSIONS["kznews.monitoring.Monitoring"] = 500  # before StatsFile (900): the stats file shows the run's health
SPIDERMON_SPIDER_CLOSE_MONITORS = ["kznews.monitoring.RunMonitorSuite"]
# Thresholds are data: defaults (kznews.monitoring.DEFAULT_THRESHOLDS, overridable here), per-site overrides,
# then KZNEWS_MONITOR_THRESHOLDS (JSON {"default": {...}, "SITE": {...}}) from the environment or -s.
KZNEWS_MONITOR_DEFAULTS: dict = {}
KZNEWS_MONITOR_SITES = {
    # every tengrinews article carries its author in JSON-LD and in the byline
    "tengrinews": {"coverage": {"authors": 0.5}},
}
KZNEWS_MONITOR_THRESHOLDS = os.environ.get("KZNEWS_MONITOR_THRESHOLDS", "")
# Minimum articles per run for every site; mini-sites and replays are tiny, so the local profile asks for one.
KZNEWS_MONITOR_MIN_ITEMS = os.environ.get("KZNEWS_MONITOR_MIN_ITEMS", "1" if KZNEWS_PROFILE == "local" else "")
KZNEWS_RUNS_ENABLED = os.environ.get("KZNEWS_RUNS_ENABLED", "1") not in ("0", "false", "no", "")
# Shown as `node` in the runs collection (default: the host name).
KZNEWS_NODE = os.environ.get("KZNEWS_NODE", "")

# === operations: several machines (kznews/distributed.py, docs/operations.md) ================================
# KZNEWS_PROFILE=distributed: the polite profile plus scrapy-redis' shared request queue and duplicate filter, so
# the scrapyd nodes that run the same spider share one crawl. Every node needs REDIS_URL and the same database.
if KZNEWS_PROFILE == "distributed":
    SCHEDULER = "kznews.distributed.Scheduler"
    DUPEFILTER_CLASS = "scrapy_redis.dupefilter.RFPDupeFilter"
    SCHEDULER_QUEUE_CLASS = "scrapy_redis.queue.PriorityQueue"  # article requests first, as on one machine
    REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    # Name the crawl the nodes share (default: nodes join the spider's current crawl, or start one).
    KZNEWS_CRAWL_ID = os.environ.get("KZNEWS_CRAWL_ID", "")
    KZNEWS_REDIS_KEEP = int(os.environ.get("KZNEWS_REDIS_KEEP", "3600"))  # keys of a finished crawl, seconds
    KZNEWS_REDIS_NODE_TTL = 30  # a node that stops refreshing its state for this long counts as gone
    KZNEWS_REDIS_MAX_WAIT = float(os.environ.get("KZNEWS_REDIS_MAX_WAIT", "1800"))  # idle node waits for others
    # A node's share of a crawl can be small: judge items per crawl, not per node (other checks still apply).
    KZNEWS_MONITOR_MIN_ITEMS = os.environ.get("KZNEWS_MONITOR_MIN_ITEMS", "0")
# --- reliability and security (docs/reliability.md) ----------------------------------------------------------
DOWNLOADER_MIDDLEWARES.update(
    {
        "kznews.safety.UrlSafetyMiddleware": 40,  # every request, redirects and page links included
        "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
        "kznews.retry.RetryMiddleware": 550,  # back-off, Retry-After, empty/truncated bodies, failure counts
        "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
        "kznews.retry.RedirectMiddleware": 600,  # + redirect loops counted
        "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
        "kznews.retry.HttpCompressionMiddleware": 590,  # + gzip bombs and broken encodings counted
        "kznews.encoding.EncodingMiddleware": 587,  # after decompression
        "kznews.blocking.ChallengeMiddleware": 585,  # after encoding repair, before meta refresh and retries
    }
)
SPIDER_MIDDLEWARES = {
    **globals().get("SPIDER_MIDDLEWARES", {}),
    "kznews.journal.JournalSpiderMiddleware": 10,  # engine side: sees the final output
    "kznews.middlewares.CallbackErrorMiddleware": 15,  # after HttpErrorMiddleware (50) has taken its errors
}
# A crash-safe JOBDIR (the same as Scrapy's scheduler without JOBDIR), unless a profile chose another scheduler.
SCHEDULER = globals().get("SCHEDULER") or "kznews.journal.JournalScheduler"
EXTENSIONS["kznews.safety.SecretsGuard"] = 100
# Host names resolving to private addresses are refused.
TWISTED_DNS_RESOLVER = globals().get("TWISTED_DNS_RESOLVER") or "kznews.safety.SafeResolver"
DOWNLOAD_FAIL_ON_DATALOSS = True  # a body cut short is an error (retried), never a page
KZNEWS_ALLOW_PRIVATE_URLS = os.environ.get("KZNEWS_ALLOW_PRIVATE_URLS", "") in ("1", "true", "yes")
KZNEWS_RETRY_BACKOFF_BASE = 2.0  # seconds before the first retry, doubling
KZNEWS_RETRY_BACKOFF_MAX = 60.0
KZNEWS_RETRY_AFTER_MAX = 60.0  # Retry-After (429, 503) is honoured up to this
KZNEWS_BLOCKED_RETRY_TIMES = 2  # challenge pages: retries before giving up
KZNEWS_BLOCKED_BACKOFF_BASE = 30.0
MONGO_TIMEOUT_MS = 10_000  # one write attempt (server selection)
MONGO_RETRY_MAX_SECONDS = 10.0  # longest pause between write attempts during an outage
MONGO_CLOSE_TIMEOUT = 30.0  # at close, retry writing this long, then spill
KZNEWS_SPILL_AFTER = 2000  # unwritten articles held in memory while MongoDB is down, then spilled to a file
KZNEWS_SPILL_DIR = os.environ.get("KZNEWS_SPILL_DIR", "")  # default .local/spill
if KZNEWS_PROFILE == "local":
    KZNEWS_RETRY_BACKOFF_BASE = 0.05
    KZNEWS_RETRY_BACKOFF_MAX = 1.0
    KZNEWS_RETRY_AFTER_MAX = 5.0
    KZNEWS_BLOCKED_BACKOFF_BASE = 0.1
    MONGO_CLOSE_TIMEOUT = 10.0
