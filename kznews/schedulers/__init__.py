"""Schedulers (SCHEDULER):

- journal.JournalScheduler   the default: Scrapy's scheduler with a crash-safe JOBDIR journal
- distributed.Scheduler      the `distributed` profile: scrapy-redis' shared queue with a crawl lifecycle
"""
