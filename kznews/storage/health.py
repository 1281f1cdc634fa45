"""What the health report (kznews.report, `python -m kznews report`) reads: runs of a window, the last healthy run
and the start of the current failure of each site, and articles counted per site, edition and day.

Counting is done by the database (aggregations grouped by day in Asia/Almaty), so a report over a large
collection moves a few rows per site and day, never the articles.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from pymongo import ASCENDING, DESCENDING

from kznews.storage.articles import ArticleStore

# What the report shows of a run; the raw stats and every check stay in the database.
RUN_FIELDS = ("spider", "site", "editions", "started_at", "finished_at", "duration_s", "finish_reason", "healthy",
              "counts", "coverage", "layouts", "failed_checks", "failures")


def _present(expression: dict) -> dict:
    return {"$sum": {"$cond": [expression, 1, 0]}}


# Per group: articles, and how many have each field the report charts ("exact date": a publication instant).
_COUNTS = {
    "articles": {"$sum": 1},
    "title": _present({"$gt": [{"$strLenCP": {"$ifNull": ["$title", ""]}}, 0]}),
    "body": _present({"$gt": [{"$strLenCP": {"$ifNull": ["$body", ""]}}, 0]}),
    "exact_date": _present({"$ne": [{"$ifNull": ["$published_at", None]}, None]}),
    "authors": _present({"$gt": [{"$size": {"$ifNull": ["$authors", []]}}, 0]}),
}


class HealthReader:
    def __init__(self, store: ArticleStore):
        self.store = store

    def run_sites(self) -> list[str]:
        return sorted(set(self.store.runs.distinct("spider")))

    def article_sites(self) -> list[str]:
        return sorted(set(self.store.articles.distinct("site")))

    def oldest_article(self, sites: Iterable[str]) -> datetime | None:
        """The earliest publication (or fetch, for undated articles) of the sites' articles."""
        pipeline = [{"$match": {"site": {"$in": list(sites)}}},
                    {"$group": {"_id": None, "published": {"$min": "$published_at"},
                                "fetched": {"$min": "$fetched_at"}}}]
        found = next(iter(self.store.articles.aggregate(pipeline)), None)
        dates = [found[key] for key in ("published", "fetched") if found and found.get(key)] if found else []
        return min(dates) if dates else None

    def runs_between(self, start: datetime, end: datetime, sites: Iterable[str]) -> list[dict[str, Any]]:
        """Runs started in [start, end) of the given sites, oldest first."""
        query = {"spider": {"$in": list(sites)}, "started_at": {"$gte": start, "$lt": end}}
        projection = dict.fromkeys(RUN_FIELDS, 1)
        return list(self.store.runs.find(query, projection).sort("started_at", ASCENDING))

    def last_healthy_run(self, site: str, before: datetime) -> dict[str, Any] | None:
        return self.store.runs.find_one(
            {"spider": site, "healthy": True, "started_at": {"$lt": before}},
            {"started_at": 1, "finished_at": 1}, sort=[("started_at", DESCENDING)],
        )

    def first_run_after(self, site: str, after: datetime | None, before: datetime) -> dict[str, Any] | None:
        """The first run of a site after `after` (None: its first run ever): where a failure that lasts began."""
        started = {"$lt": before} if after is None else {"$gt": after, "$lt": before}
        return self.store.runs.find_one(
            {"spider": site, "started_at": started}, {"started_at": 1, "healthy": 1},
            sort=[("started_at", ASCENDING)],
        )

    def latest_run(self, site: str, before: datetime) -> dict[str, Any] | None:
        return self.store.runs.find_one(
            {"spider": site, "started_at": {"$lt": before}}, dict.fromkeys(RUN_FIELDS, 1),
            sort=[("started_at", DESCENDING)],
        )

    def articles_per_day(self, start: datetime, end: datetime, sites: Iterable[str]) -> list[dict[str, Any]]:
        """Articles per site, edition and day of publication in Almaty (the fetch day when an article has no
        publication date), with field counts: rows {site, lang, day "YYYY-MM-DD", articles, title, ...}."""
        match = {"site": {"$in": list(sites)}, "$or": [
            {"published_at": {"$gte": start, "$lt": end}},
            {"published_at": None, "fetched_at": {"$gte": start, "$lt": end}},
        ]}
        return self._per_day(match, {"$ifNull": ["$published_at", "$fetched_at"]})

    def coverage_per_day(self, start: datetime, end: datetime, sites: Iterable[str]) -> list[dict[str, Any]]:
        """The same counts by the day the articles were fetched: how the crawler's extraction fared over time."""
        match = {"site": {"$in": list(sites)}, "fetched_at": {"$gte": start, "$lt": end}}
        return self._per_day(match, "$fetched_at")

    def _per_day(self, match: dict, date: Any) -> list[dict[str, Any]]:
        day = {"$dateToString": {"format": "%Y-%m-%d", "date": date, "timezone": "Asia/Almaty"}}
        pipeline = [{"$match": match},
                    {"$group": {"_id": {"site": "$site", "lang": "$lang", "day": day}, **_COUNTS}}]
        rows = []
        for group in self.store.articles.aggregate(pipeline):
            key = group.pop("_id")
            rows.append({**key, **group})
        rows.sort(key=lambda row: (row["site"], row["lang"], row["day"]))
        return rows
