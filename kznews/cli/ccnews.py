"""`python -m kznews ccnews`: one pass over the CC-NEWS files of a window for several sites at once.

    python -m kznews ccnews --since 2024-03-01 --until 2024-03-08                  # every site of the registry
    python -m kznews ccnews --since 2024-03-01 --until 2024-03-08 --sites tengrinews,nur,zakon

CC-NEWS has no index: finding one site's records means reading whole files (about 1 GB each, hundreds a month).
`-a source=archive -a archives=ccnews` on a site spider does that for its own hosts; run for 18 sites it would read
every file 18 times. This command reads each file once: CCNewsSpider streams the files (the same reader,
kznews.spiders.archive.CCNewsReader) and hands each record of a registry host to that site's own spider, created
inside the crawl, whose callbacks, known-URL skipping and stats (`kznews/archive/{site}/...`) are exactly those of
an archive crawl of that site. Items carry their site; pipelines and storage are the usual ones.

Site monitors (kznews.monitoring) judge one site per run; this run holds several, so it is not recorded in the
`runs` collection (its stats are in the log and in KZNEWS_STATS_FILE).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import scrapy

from kznews.archives import CCNEWS
from kznews.spiders.archive import CCNewsReader
from kznews.spiders.arguments import parse_since
from kznews.spiders.engine import NewsSpider


def site_spiders() -> dict[str, type]:
    """The generated site spider classes by site name."""
    from kznews.spiders import sites

    return {
        value.name: value
        for value in vars(sites).values()
        if isinstance(value, type) and issubclass(value, NewsSpider) and getattr(value, "site", None) is not None
    }


class CCNewsSpider(CCNewsReader, scrapy.Spider):
    name = CCNEWS

    def __init__(self, *args, since: str | None = None, until: str | None = None, sites: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        now = datetime.now(UTC)
        self.since = parse_since(since, now)
        self.until = parse_since(until, now) if until else now
        if self.since is None:
            raise ValueError("ccnews reads a window: give --since (and --until)")
        if self.until <= self.since:
            raise ValueError(f"until ({self.until.isoformat()}) is not after since ({self.since.isoformat()})")
        known = site_spiders()
        self.site_names = [x.strip() for x in sites.split(",") if x.strip()] if sites else sorted(known)
        unknown = [x for x in self.site_names if x not in known]
        if unknown:
            raise ValueError(f"unknown sites {unknown}; sites: {', '.join(sorted(known))}")
        self.targets: dict[str, scrapy.Spider] = {}  # host -> the spider of its site

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.load_archive_settings(crawler.settings)
        classes = site_spiders()
        for name in spider.site_names:
            delegate = classes[name].from_crawler(
                crawler, source="archive", archives=CCNEWS, since=spider.since.isoformat(),
                until=spider.until.isoformat(),
            )
            for host in delegate.ccnews_hosts:
                spider.targets.setdefault(host, delegate)
        return spider

    def ccnews_target(self, host: str):
        return self.targets.get(host.lower())

    async def start(self):
        for delegate in {id(d): d for d in self.targets.values()}.values():
            await delegate.load_known()
        for request in self.ccnews_requests():
            yield request


def run_ccnews(args) -> int:
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    settings.set("SPIDERMON_ENABLED", False, priority="cmdline")  # see the module docstring
    for assignment in args.set or []:
        name, _, value = assignment.partition("=")
        settings.set(name, value, priority="cmdline")
    try:  # the arguments are checked before anything is fetched
        CCNewsSpider(since=args.since, until=args.until, sites=args.sites)
    except ValueError as error:
        print(f"ccnews: {error}", file=sys.stderr)
        return 2
    process = CrawlerProcess(settings)
    process.crawl(CCNewsSpider, since=args.since, until=args.until, sites=args.sites)
    process.start()
    return 0


def add_parser(commands) -> None:
    ccnews = commands.add_parser("ccnews", help="read the CC-NEWS files of a window once for several sites")
    ccnews.add_argument("--since", required=True, help="ISO 8601 (naive: Almaty time) or an age such as 7d")
    ccnews.add_argument("--until", help="exclusive; default: now")
    ccnews.add_argument("--sites", help="comma-separated site names (default: every site)")
    ccnews.add_argument("-s", "--set", action="append", help="Scrapy setting NAME=VALUE")
    ccnews.set_defaults(run=run_ccnews)
