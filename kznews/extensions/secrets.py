"""SecretsGuard: scrubs the MONGO_URI password from all log output and from the final stats (kznews.safety)."""

from __future__ import annotations

from scrapy import signals
from scrapy.exceptions import NotConfigured

from kznews.safety import install_log_filter, scrub, secrets_of


class SecretsGuard:
    """Extension: scrubs the MONGO_URI password from all log output and from the final stats."""

    def __init__(self, crawler, secrets: list[str]):
        self.crawler = crawler
        self.secrets = secrets
        install_log_filter(secrets)
        crawler.signals.connect(self.engine_started, signal=signals.engine_started)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        secrets = secrets_of(crawler.settings.get("MONGO_URI"))
        if not secrets:
            raise NotConfigured
        return cls(crawler, secrets)

    def engine_started(self):
        install_log_filter(self.secrets)  # handlers added after start-up (log files) get it too

    def spider_closed(self, spider, reason):
        stats = self.crawler.stats
        for key, value in list(stats.get_stats().items()):
            clean_key = scrub(key, self.secrets)
            if isinstance(value, str):
                value = scrub(value, self.secrets)
            if clean_key != key:
                stats.get_stats().pop(key, None)
            stats.set_value(clean_key, value)
