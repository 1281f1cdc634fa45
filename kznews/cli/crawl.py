"""`python -m kznews crawl`: several spiders in one process (the main job of `make run`). Spider arguments are
checked for every spider before any starts (kznews.spiders.arguments): a bad one prints one line, exit 2."""

from __future__ import annotations

import sys


def add_parser(commands) -> None:
    crawl = commands.add_parser("crawl", help="run spiders in one process")
    crawl.add_argument("--sites", help="comma-separated site names (default: all)")
    crawl.add_argument("-a", "--arg", action="append", help="spider argument NAME=VALUE, for every spider")
    crawl.add_argument("-s", "--set", action="append", help="Scrapy setting NAME=VALUE, as with scrapy crawl -s")
    crawl.set_defaults(run=run)


def run(args) -> int:
    from scrapy.crawler import CrawlerProcess
    from scrapy.spiderloader import get_spider_loader
    from scrapy.utils.project import get_project_settings

    from kznews.settings.profiles import check_settings
    from kznews.settings.registry import SettingError
    from kznews.sites import SITES
    from kznews.spiders.arguments import SpiderArgumentError, split_assignments
    from kznews.storage.articles import refused_credentials

    names = [name.strip() for name in args.sites.split(",") if name.strip()] if args.sites else sorted(SITES)
    unknown = [name for name in names if name not in SITES]
    if unknown:
        print(f"crawl: no site named {unknown[0]!r}; sites: {', '.join(sorted(SITES))}", file=sys.stderr)
        return 2
    try:
        spider_args = split_assignments(args.arg, "-a")
        assignments = split_assignments(args.set, "-s")
    except SpiderArgumentError as error:
        print(f"crawl: {error}", file=sys.stderr)
        return 2
    settings = get_project_settings()
    for name, value in assignments.items():
        settings.set(name, value, priority="cmdline")
    try:
        check_settings(settings)
    except SettingError as error:
        print(f"crawl: {error}", file=sys.stderr)
        return 2
    per_site = {name: dict(spider_args) for name in names}
    if spider_args.get("lang") and not args.sites:
        # every site: `lang` chooses editions among the sites that have them; the others are left out, said once
        keys = [key.strip() for key in spider_args["lang"].split(",") if key.strip()]
        for name in names:
            have = [key for key in keys if SITES[name].editions_for(key)]
            if have:
                per_site[name]["lang"] = ",".join(have)
            else:
                del per_site[name]
        if not per_site:
            print(f"crawl: lang={spider_args['lang']!r}: no site has such an edition (ru, kk, en)", file=sys.stderr)
            return 2
        left_out = [name for name in names if name not in per_site]
        if left_out:
            print(f"crawl: lang={spider_args['lang']!r}: {', '.join(left_out)} left out (no such edition)",
                  file=sys.stderr)
        names = list(per_site)
    loader = get_spider_loader(settings)
    for name in names:  # every spider's arguments, before anything starts or logs
        try:
            loader.load(name).check_arguments(per_site[name])
        except SpiderArgumentError as error:
            print(f"crawl {name}: {error}", file=sys.stderr)
            return 2
    refused = refused_credentials(settings.get("MONGO_URI") or "")
    if refused:  # a wrong password: at once, not after a crawl that spills everything
        print(f"crawl: {refused}", file=sys.stderr)
        return 2
    process = CrawlerProcess(settings)
    for name in names:
        process.crawl(name, **per_site[name])
    process.start()
    return 0
