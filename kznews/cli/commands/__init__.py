"""Scrapy commands of the project (COMMANDS_MODULE): `scrapy crawl` with kznews' spider arguments checked first."""
