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
    problem = replay_problem(settings)
    if problem:
        print(f"crawl: {problem}", file=sys.stderr)
        return 2
    return crawl_and_judge(CrawlerProcess(settings), names, per_site)


def replay_problem(settings) -> str | None:
    """Why WARC_REPLAY cannot be replayed (kznews.warc), or None; checked before anything starts, so a replay
    never falls back to the live sites."""
    from kznews.settings.registry import setting

    return archive_problem(setting(settings, "WARC_REPLAY"))


def archive_problem(spec: str | None) -> str | None:
    """Why the WARC files `spec` names cannot be replayed, or None (also None for no replay at all)."""
    from kznews.warc import ReplayUnavailable, open_archive

    if not spec:
        return None
    try:
        open_archive(spec)
    except ReplayUnavailable as error:
        return str(error)
    return None


def crawl_and_judge(process, names: list[str], spider_args: dict[str, dict[str, str]]) -> int:
    """Run the spiders in one process, print the per-site summary and return the exit status
    (kznews.monitoring.outcome: 1 when a site failed, nothing was found or articles were left unstored).
    `spider_args`: each spider's arguments, by name."""
    import logging

    from kznews.monitoring.outcome import exit_code as outcome_code
    from kznews.monitoring.outcome import of_crawler, summary

    logger = logging.getLogger("kznews.crawl")
    crawlers = []
    errors: dict[str, str] = {}
    for name in names:
        crawler = process.create_crawler(name)
        crawlers.append((name, crawler))

        def failed(failure, name=name):
            # a spider that cannot start: one line, the traceback at DEBUG
            errors[name] = f"{failure.type.__name__}: {failure.getErrorMessage()}"
            logger.error("%s did not start: %s", name, errors[name])
            logger.debug("%s", failure.getTraceback())

        process.crawl(crawler, **spider_args[name]).addErrback(failed)
    process.start()
    outcomes = [of_crawler(crawler, name, errors.get(name)) for name, crawler in crawlers]
    print(summary(outcomes), flush=True)
    return outcome_code(outcomes)
