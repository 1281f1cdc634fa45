#!/usr/bin/env python3
"""Enqueue every kznews spider on scrapyd, on an interval.

Dependency-free (Python 3.11 standard library only), so it runs anywhere: next to scrapyd, in the stock python
image (deploy/docker-compose.yml) or from a systemd unit (deploy/systemd/kznews-scheduler.service).

Each cycle, for each scrapyd node:
  1. listspiders.json?project=P   the spiders to run (the site registry as deployed: never a list kept here)
  2. listjobs.json?project=P      the project's pending and running jobs
  3. schedule.json                for every spider that has no job pending or running on that node; a spider
                                  whose previous job is still queued or crawling is skipped and logged
Then it sleeps for the interval plus a random jitter (so several schedulers, or a restart, do not fire in step).

    python deploy/scheduler.py --once                         # one cycle, then exit (cron, tests)
    python deploy/scheduler.py --interval 3600 --jitter 300   # for ever
    python deploy/scheduler.py --once --spiders tengrinews -a since=2d -s KZNEWS_MAX_PAGES=3

Environment (flags win):
  SCRAPYD_URL                 scrapyd node(s), comma-separated (default http://127.0.0.1:6800)
  SCRAPYD_USERNAME, SCRAPYD_PASSWORD   basic authentication (scrapyd reads the same two variables)
  KZNEWS_SCHEDULE_PROJECT     scrapyd project (default kznews)
  KZNEWS_SCHEDULE_INTERVAL    seconds between cycles (default 3600)
  KZNEWS_SCHEDULE_JITTER      up to this many seconds added to each sleep (default 300)
  KZNEWS_SCHEDULE_SPIDERS     only these spiders, comma-separated (default: all that scrapyd lists)
  KZNEWS_SCHEDULE_ARGS        spider arguments for every job, comma-separated NAME=VALUE (e.g. since=2d)
  KZNEWS_SCHEDULE_SETTINGS    Scrapy settings for every job, comma-separated NAME=VALUE

Exit status of --once/--cycles: 0 when every node answered, 1 when one did not (it is retried next cycle when
running for ever), 2 when a spider of --spiders is not deployed on a node (a mistyped name; the others are still
scheduled). Credentials never appear in the log.
"""

from __future__ import annotations

import argparse
import base64
import json
import logging
import os
import random
import signal
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

log = logging.getLogger("kznews.scheduler")

ACTIVE = ("pending", "running")


class ScrapydError(Exception):
    pass


def _redact(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.username or parts.password:
        host = parts.hostname or ""
        if parts.port:
            host += f":{parts.port}"
        parts = parts._replace(netloc=host)
    return urllib.parse.urlunsplit(parts)


class Scrapyd:
    """A scrapyd node's JSON API over urllib, with basic authentication."""

    def __init__(self, url: str, username: str = "", password: str = "", timeout: float = 30.0):
        parts = urllib.parse.urlsplit(url.strip())
        # credentials in the URL are accepted, but the URL is kept (and logged) without them
        username = username or urllib.parse.unquote(parts.username or "")
        password = password or urllib.parse.unquote(parts.password or "")
        self.url = _redact(url.strip()).rstrip("/")
        self.timeout = timeout
        self.headers = {"Accept": "application/json", "User-Agent": "kznews-scheduler"}
        if username:
            token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
            self.headers["Authorization"] = f"Basic {token}"

    def __str__(self) -> str:
        return self.url

    def call(self, endpoint: str, params: list[tuple[str, str]] | None = None, *, post: bool = False) -> dict:
        query = urllib.parse.urlencode(params or [])
        url = f"{self.url}/{endpoint}"
        data = None
        if post:
            data = query.encode()
        elif query:
            url += "?" + query
        request = urllib.request.Request(url, data=data, headers=self.headers, method="POST" if post else "GET")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as error:
            if error.code == 401:
                raise ScrapydError(f"{endpoint}: 401 unauthorized (check SCRAPYD_USERNAME/SCRAPYD_PASSWORD)") from None
            raise ScrapydError(f"{endpoint}: HTTP {error.code}") from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise ScrapydError(f"{endpoint}: {type(reason).__name__}: {reason}") from None
        try:
            result = json.loads(body)
        except ValueError:
            raise ScrapydError(f"{endpoint}: not JSON") from None
        if result.get("status") != "ok":
            raise ScrapydError(f"{endpoint}: {result.get('message', result)}")
        return result

    def spiders(self, project: str) -> list[str]:
        return list(self.call("listspiders.json", [("project", project)])["spiders"])

    def active_jobs(self, project: str) -> dict[str, list[str]]:
        """spider -> ids of its pending or running jobs in `project`."""
        jobs = self.call("listjobs.json", [("project", project)])
        active: dict[str, list[str]] = {}
        for state in ACTIVE:
            for job in jobs.get(state, []):
                if job.get("project", project) == project:
                    active.setdefault(job["spider"], []).append(f"{job['id']} ({state})")
        return active

    def schedule(self, project: str, spider: str, args: dict[str, str], settings: dict[str, str]) -> str:
        params = [("project", project), ("spider", spider)]
        params += [("setting", f"{k}={v}") for k, v in settings.items()]
        params += list(args.items())
        return self.call("schedule.json", params, post=True)["jobid"]


@dataclass
class CycleResult:
    scheduled: dict[str, dict[str, str]] = field(default_factory=dict)  # node -> spider -> job id
    skipped: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # node -> spider -> active jobs
    errors: dict[str, str] = field(default_factory=dict)  # node -> error
    unknown: dict[str, list[str]] = field(default_factory=dict)  # node -> asked-for spiders it does not have

    @property
    def ok(self) -> bool:
        return not self.errors


def run_cycle(nodes: list[Scrapyd], project: str, *, only: list[str] | None = None,
              args: dict[str, str] | None = None, settings: dict[str, str] | None = None) -> CycleResult:
    result = CycleResult()
    for node in nodes:
        scheduled, skipped = result.scheduled.setdefault(str(node), {}), result.skipped.setdefault(str(node), {})
        try:
            spiders = node.spiders(project)
            if only:
                unknown = sorted(set(only) - set(spiders))
                if unknown:  # a mistyped name: an error, so that cron notices (exit status 2)
                    result.unknown[str(node)] = unknown
                    log.error("%s: project %s has no spider %s; its spiders: %s", node, project, ", ".join(unknown),
                              ", ".join(sorted(spiders)))
                spiders = [s for s in spiders if s in only]
            active = node.active_jobs(project)
            order = list(spiders)
            random.shuffle(order)  # no spider always waits at the end of scrapyd's queue
            for spider in order:
                if spider in active:
                    skipped[spider] = active[spider]
                    log.info("%s: skip %s: previous job %s", node, spider, ", ".join(active[spider]))
                    continue
                scheduled[spider] = node.schedule(project, spider, args or {}, settings or {})
                log.info("%s: scheduled %s as job %s", node, spider, scheduled[spider])
        except ScrapydError as error:
            result.errors[str(node)] = str(error)
            log.error("%s: %s", node, error)
    log.info(
        "cycle done: %d scheduled, %d skipped, %d node errors",
        sum(len(v) for v in result.scheduled.values()),
        sum(len(v) for v in result.skipped.values()),
        len(result.errors),
    )
    return result


def _pairs(values: list[str] | None, what: str) -> dict[str, str]:
    pairs = {}
    for value in values or []:
        for part in filter(None, (p.strip() for p in value.split(","))):
            if "=" not in part:
                raise SystemExit(f"{what}: expected NAME=VALUE, got {part!r}")
            name, text = part.split("=", 1)
            pairs[name.strip()] = text.strip()
    return pairs


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    env = os.environ.get
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1], formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--url", action="append", help="scrapyd URL, repeatable (env SCRAPYD_URL, comma-separated)")
    parser.add_argument("--project", default=env("KZNEWS_SCHEDULE_PROJECT", "kznews"))
    parser.add_argument("--interval", type=float, default=float(env("KZNEWS_SCHEDULE_INTERVAL", "3600")))
    parser.add_argument("--jitter", type=float, default=float(env("KZNEWS_SCHEDULE_JITTER", "300")))
    parser.add_argument("--spiders", default=env("KZNEWS_SCHEDULE_SPIDERS", ""), help="only these, comma-separated")
    parser.add_argument("-a", "--arg", action="append", default=[env("KZNEWS_SCHEDULE_ARGS", "")],
                        help="spider argument NAME=VALUE for every job, repeatable")
    parser.add_argument("-s", "--set", action="append", default=[env("KZNEWS_SCHEDULE_SETTINGS", "")],
                        help="Scrapy setting NAME=VALUE for every job, repeatable")
    parser.add_argument("--once", action="store_true", help="one cycle, then exit")
    parser.add_argument("--cycles", type=int, default=0, help="stop after this many cycles (0: never)")
    parser.add_argument("--timeout", type=float, default=30.0, help="HTTP timeout, seconds")
    parser.add_argument("--log-level", default=env("KZNEWS_LOG_LEVEL", "INFO"))
    return parser.parse_args(argv)


def main(argv: list[str] | None = None, stop: threading.Event | None = None) -> int:
    options = parse_args(argv)
    logging.basicConfig(level=options.log_level.upper(), format="%(asctime)s %(name)s %(levelname)s: %(message)s")
    urls = options.url or os.environ.get("SCRAPYD_URL", "http://127.0.0.1:6800").split(",")
    user, password = os.environ.get("SCRAPYD_USERNAME", ""), os.environ.get("SCRAPYD_PASSWORD", "")
    nodes = [Scrapyd(url, user, password, options.timeout) for url in urls if url.strip()]
    only = [s.strip() for s in options.spiders.split(",") if s.strip()] or None
    args, settings = _pairs(options.arg, "--arg"), _pairs(options.set, "--set")
    cycles = 1 if options.once else options.cycles
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
    log.info("scheduling project %s on %s every %.0fs (+ up to %.0fs jitter)%s", options.project,
             ", ".join(map(str, nodes)), options.interval, options.jitter, " once" if cycles == 1 else "")
    done, ok, unknown = 0, True, {}
    while not stop.is_set():
        result = run_cycle(nodes, options.project, only=only, args=args, settings=settings)
        ok, unknown = result.ok, result.unknown
        done += 1
        if cycles and done >= cycles:
            break
        stop.wait(options.interval + random.uniform(0, max(0.0, options.jitter)))
    if not ok:
        return 1
    return 2 if unknown else 0


if __name__ == "__main__":
    sys.exit(main())
