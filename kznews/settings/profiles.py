"""Profiles, and the one mechanism that applies them: `KznewsAddon`, a Scrapy add-on (ADDONS).

A profile is a named set of defaults (KZNEWS_PROFILE): `polite` (the default) for the live sites, `local` for
loopback test servers, WARC replays and benchmarks, `distributed` for several nodes sharing one crawl through
Redis. The add-on runs for every crawler after the project settings, the spider's custom settings and `-s` are
known, so `-s KZNEWS_PROFILE=local` and `KZNEWS_PROFILE=local` in the environment behave the same. Precedence,
lowest first: registry default < profile < environment < spider custom settings < `-s`.

It also derives the settings that follow from others, so that `-s` on the source applies too: USER_AGENT from
KZNEWS_CONTACT, the Chromium executable from KZNEWS_CHROMIUM, the web archives' download slots (DOWNLOAD_SLOTS)
from KZNEWS_ARCHIVE_CONCURRENCY and KZNEWS_ARCHIVE_DELAYS.
"""

from __future__ import annotations

import os
from typing import Any

from kznews.settings.registry import BY_NAME, SETTINGS, SettingError, derive, from_environment, parse, setting

PROJECT = 20  # Scrapy's priority of the settings module (scrapy.settings.SETTINGS_PRIORITIES["project"])
CMDLINE = 40  # Scrapy's priority of -s NAME=VALUE (SETTINGS_PRIORITIES["cmdline"])

PROFILES: dict[str, dict[str, Any]] = {
    "polite": {},
    "local": {
        "ROBOTSTXT_OBEY": False,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
        "RETRY_TIMES": 1,
        "KZNEWS_RETRY_BACKOFF_BASE": 0.05,
        "KZNEWS_RETRY_BACKOFF_MAX": 1.0,
        "KZNEWS_RETRY_AFTER_MAX": 5.0,
        "KZNEWS_BLOCKED_BACKOFF_BASE": 0.1,
        "MONGO_CLOSE_TIMEOUT": 10.0,
        # mini-sites and replays are tiny: a healthy run is one that stores any article
        "KZNEWS_MONITOR_MIN_ITEMS": 1,
        # imitation archives on loopback: no pacing
        "KZNEWS_ARCHIVE_DELAYS": {"commoncrawl-index": 0.0, "commoncrawl-data": 0.0, "wayback-cdx": 0.0,
                                  "wayback": 0.0},
        "KZNEWS_ARCHIVE_CONCURRENCY": 4,
    },
    "distributed": {
        "SCHEDULER": "kznews.schedulers.distributed.Scheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",  # article requests first, as on one machine
        # a node's share of a crawl can be small: judge items per crawl, not per node (other checks still apply)
        "KZNEWS_MONITOR_MIN_ITEMS": 0,
    },
}

PROFILE_DOCS = {
    "polite": "the live sites: robots.txt, AutoThrottle, 4 requests per domain, a download delay",
    "local": "loopback servers, WARC replays and benchmarks: no delays, no robots.txt, short back-offs",
    "distributed": "the polite profile plus scrapy-redis' shared request queue and duplicate filter "
    "(REDIS_URL; docs/operations.md)",
}


# Web archives (kznews.archives): each endpoint is a download slot of its own, paced by KZNEWS_ARCHIVE_DELAYS and
# KZNEWS_ARCHIVE_CONCURRENCY (the archives' requests name their slot in request.meta["download_slot"]).
ARCHIVE_SLOT_PREFIX = "archive:"
ARCHIVE_SLOTS = {name: ARCHIVE_SLOT_PREFIX + name
                 for name in ("commoncrawl-index", "commoncrawl-data", "wayback-cdx", "wayback")}


def archive_download_slots(settings) -> dict[str, dict]:
    """DOWNLOAD_SLOTS entries for the archive endpoints, from the archive settings (profile and -s included)."""
    concurrency = setting(settings, "KZNEWS_ARCHIVE_CONCURRENCY")
    delays = {**BY_NAME["KZNEWS_ARCHIVE_DELAYS"].default, **(setting(settings, "KZNEWS_ARCHIVE_DELAYS") or {})}
    return {
        slot: {"concurrency": concurrency, "delay": float(delays.get(name, 1.0)), "jitter": 0.2}
        for name, slot in ARCHIVE_SLOTS.items()
    }


class ProfileError(SettingError):
    pass


def profile_values(name: str) -> dict[str, Any]:
    if name not in PROFILES:
        raise ProfileError(f"KZNEWS_PROFILE={name!r}: unknown profile; known: {', '.join(PROFILES)}")
    return PROFILES[name]


def apply_profile(settings, environ=None) -> str:
    """Apply the profile KZNEWS_PROFILE names to Scrapy `settings` (in place) and derive the dependent settings;
    returns the profile's name. Values the environment gives (environ, default os.environ) or that were set above
    the project level (the spider's custom settings, -s) are left alone."""
    environ = os.environ if environ is None else environ
    name = setting(settings, "KZNEWS_PROFILE")
    from_env = from_environment(environ)
    for key, value in profile_values(name).items():
        if key in from_env:
            continue
        spec = BY_NAME.get(key)
        settings.set(key, parse(spec, value) if spec else value, priority="project")
    # what the settings module derived from the environment, derived again from the final values (-s included)
    derived = derive({name: setting(settings, name) for name in ("KZNEWS_CONTACT", "KZNEWS_CHROMIUM",
                                                                 "PLAYWRIGHT_LAUNCH_OPTIONS")})
    for key in ("USER_AGENT", "PLAYWRIGHT_LAUNCH_OPTIONS"):
        if (settings.getpriority(key) or 0) <= PROJECT:
            settings.set(key, derived[key], priority="project")
    # the archive endpoints' slots; slots given explicitly (DOWNLOAD_SLOTS) win
    slots = {**archive_download_slots(settings), **settings.getdict("DOWNLOAD_SLOTS")}
    settings.set("DOWNLOAD_SLOTS", slots, priority=max(settings.getpriority("DOWNLOAD_SLOTS") or 0, PROJECT))
    return name


def check_settings(settings) -> None:
    """Every registered setting in Scrapy `settings` read as its type, and the profile known: the first bad value
    raises SettingError, one line naming it (`-s NAME` when given on the command line) and what it accepts. The
    commands call this before a crawler exists, so a wrong type stops the run at once instead of inside a
    component's constructor."""
    for spec in SETTINGS:
        value = settings.get(spec.name)
        if value is None:
            continue
        if spec.type == "json" and hasattr(value, "copy_to_dict"):
            value = value.copy_to_dict()
        if spec.type == "json" and isinstance(spec.default, list) and isinstance(value, str):
            continue  # a list given as text: Scrapy's getlist reads "a,b" as well as JSON
        given = (settings.getpriority(spec.name) or 0) >= CMDLINE
        parse(spec, value, label=f"-s {spec.name}" if given else spec.name)
    profile_values(setting(settings, "KZNEWS_PROFILE"))


class KznewsAddon:
    """Scrapy add-on (ADDONS): the profile and the derived settings, for every crawler (see the module docstring)."""

    def update_settings(self, settings) -> None:
        apply_profile(settings)
