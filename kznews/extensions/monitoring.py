"""Monitoring: spidermon's extension, running kznews' monitors (kznews.monitoring.monitors) when each spider
closes, with monitor failures logged as warnings."""

from __future__ import annotations

import logging

from spidermon.contrib.scrapy.extensions import Spidermon
from spidermon.contrib.scrapy.runners import SpiderMonitorResult, SpiderMonitorRunner

from kznews.compat import spidermon_data


class _QuietResult(SpiderMonitorResult):
    # A failed check is the crawled site's problem, recorded in `runs`; as a log ERROR it would also count in
    # log_count/ERROR, which is kept for the crawl's own errors.
    # A failed check's report is a unittest traceback; its one-line summary is RecordRun's "UNHEALTHY" warning, so
    # the report goes to DEBUG. A monitor that raised (status ERROR) is a bug: its traceback stays visible.
    def log_error(self, msg):
        failed_check = any(line.startswith("FAIL: ") for line in str(msg).splitlines())
        self.log(msg, level=logging.DEBUG if failed_check else logging.WARNING)

    # spidermon 1.27 logs through Spider.log(), deprecated in Scrapy 2.19.
    def log(self, msg, level=logging.DEBUG):
        self.spider.logger.log(level, "[Spidermon] %s", msg)


class _Runner(SpiderMonitorRunner):
    def create_result(self):
        return _QuietResult(self.spider)


class Monitoring(Spidermon):
    """spidermon's extension, with monitor failures logged as warnings (see _QuietResult)."""

    # spidermon's signal handlers run the suites through this private method (kznews.compat; its name and
    # arguments are checked against the installed spidermon by tests/test_compat.py)
    def _run_suites(self, spider, suites):
        data = spidermon_data(self, spider)
        # a fresh meta per spider: spidermon's runner would otherwise hand every run of the process one shared dict
        data["meta"] = {}
        for suite in suites:
            _Runner(spider=spider).run(suite, **data)
