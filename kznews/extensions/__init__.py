"""Scrapy extensions, one per module (EXTENSIONS):

- secrets.SecretsGuard       (100)  the MONGO_URI password scrubbed from logs and stats
- monitoring.Monitoring      (500)  spidermon: kznews' monitors when each spider closes (kznews.monitoring)
- statsfile.StatsFile        (900)  the final stats as JSON (KZNEWS_STATS_FILE)
"""
