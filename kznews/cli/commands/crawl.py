"""`scrapy crawl SITE -a NAME=VALUE`: Scrapy's crawl command, with the spider's arguments and WARC_REPLAY checked
before the crawl starts (kznews.spiders.arguments). A bad one prints one line and exits 2, no traceback (scrapyd's
jobs run this command too). At the end it prints the site's summary (kznews.monitoring.outcome) and exits 1 when the
run failed its checks, found nothing or left articles unstored."""

from __future__ import annotations

import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError
from scrapy.spiderloader import get_spider_loader

from kznews.settings.profiles import check_settings
from kznews.settings.registry import SettingError
from kznews.spiders.arguments import SpiderArgumentError
from kznews.storage.articles import refused_credentials


def usage_error(message: str) -> None:
    print(message, file=sys.stderr)
    raise SystemExit(2)


class Command(ScrapyCrawlCommand):
    def process_options(self, args, opts):
        # before the crawler process exists: nothing is logged or started for arguments that cannot work
        try:
            super().process_options(args, opts)
        except UsageError as error:  # "-a foo" without "=": Scrapy's message, on one line
            usage_error(f"scrapy crawl: {error}")
        try:
            check_settings(self.settings)
        except SettingError as error:
            usage_error(f"scrapy crawl: {error}")
        if len(args) != 1:
            return  # Scrapy's own usage errors
        try:
            spider = get_spider_loader(self.settings).load(args[0])
        except KeyError:
            usage_error(f"scrapy crawl: no spider named {args[0]!r} (scrapy list shows them)")
        check = getattr(spider, "check_arguments", None)
        if check is not None:
            try:
                check(opts.spargs)
            except SpiderArgumentError as error:
                usage_error(f"scrapy crawl {args[0]}: {error}")
        refused = refused_credentials(self.settings.get("MONGO_URI") or "")
        if refused:  # a wrong password: at once, not after a crawl that spills everything
            usage_error(f"scrapy crawl {args[0]}: {refused}")

        from kznews.cli.crawl import replay_problem

        problem = replay_problem(self.settings)
        if problem:
            usage_error(f"scrapy crawl: {problem}")

    def run(self, args, opts):
        from kznews.monitoring.outcome import exit_code, of_crawler, summary

        if len(args) != 1:
            return super().run(args, opts)
        crawler = self._create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
            return None
        outcome = of_crawler(crawler, args[0])
        print(summary([outcome]), flush=True)
        self.exitcode = exit_code([outcome])
        return None
