"""`python -m kznews crawl`: several spiders in one process (the main job of `make run`)."""

from __future__ import annotations


def add_parser(commands) -> None:
    crawl = commands.add_parser("crawl", help="run spiders in one process")
    crawl.add_argument("--sites", help="comma-separated site names (default: all)")
    crawl.add_argument("-a", "--arg", action="append", help="spider argument NAME=VALUE, for every spider")
    crawl.add_argument("-s", "--set", action="append", help="Scrapy setting NAME=VALUE, as with scrapy crawl -s")
    crawl.set_defaults(run=run)


def run(args) -> int:
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from kznews.sites import SITES

    names = args.sites.split(",") if args.sites else sorted(SITES)
    settings = get_project_settings()
    for assignment in args.set or []:
        name, _, value = assignment.partition("=")
        settings.set(name, value, priority="cmdline")
    process = CrawlerProcess(settings)
    spider_args = dict(a.split("=", 1) for a in args.arg or [])
    for name in names:
        process.crawl(name, **spider_args)
    process.start()
    return 0
