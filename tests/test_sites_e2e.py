"""Every site's spider crawls its mini-site (its fixture pages served at their real URLs by a local server) into
the database, and stores exactly the expected articles with the expected fields."""

import json
from datetime import UTC, datetime

import pytest

from tests.conftest import run_spider
from tests.tools import minisite

pytestmark = pytest.mark.slow

COMPARED = ("title", "body", "lang", "authors", "tags", "section", "summary")


@pytest.mark.parametrize("site", minisite.sites())
def test_site_spider_stores_its_expected_articles(site, tmp_path, mongo_uri, mongo_db):
    expected = minisite.expected_articles(site)
    assert expected, f"{site} serves no articles in its mini-site"
    with minisite.server(site) as server:
        stats = run_spider(
            site,
            tmp_path=tmp_path,
            args={"since": "2000-01-01"},
            env={
                "KZNEWS_HOST_MAP": json.dumps(server.host_map),
                "MONGO_URI": mongo_uri,
                "MONGO_DATABASE": mongo_db.name,
            },
        )
    docs = {doc["url"]: doc for doc in mongo_db.articles.find()}
    assert set(docs) == set(expected), f"stats: {stats.get('_log')}"
    for url, want in expected.items():
        doc = docs[url]
        for field in COMPARED:
            if field in want and field != "lang":
                assert doc[field] == want[field], (url, field)
        if want.get("published_at"):
            assert doc["published_at"] == datetime.fromisoformat(want["published_at"]).astimezone(UTC), url
    assert stats.get("log_count/ERROR", 0) == 0, f"errors in {stats['_log']}"
