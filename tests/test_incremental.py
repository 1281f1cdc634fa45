"""Incremental crawls on a generated site: a second run fetches what is new and little else; list walking stops at
a page of known entries, not at the first known link; modified articles are fetched again; JOBDIR resumes."""

import json
from collections import Counter

import pytest

from tests.conftest import run_spider
from tests.tools.gensite import GeneratedSite

pytestmark = pytest.mark.slow

SPIDER_MODULES = "kznews.spiders,tests.tools.gensite"


def crawl(site: GeneratedSite, tmp_path, mongo_uri, db, args=None, settings=None):
    return run_spider(
        "gensite",
        tmp_path=tmp_path,
        args={"sources": "lists", **(args or {})},
        env={"KZNEWS_HOST_MAP": json.dumps(site.server.host_map), "MONGO_URI": mongo_uri, "MONGO_DATABASE": db.name},
        settings={"SPIDER_MODULES": SPIDER_MODULES, **(settings or {})},
    )


def article_hits(site: GeneratedSite) -> Counter:
    return Counter({k: v for k, v in site.server.hits.items() if "-generated-story" in k})


def test_second_run_fetches_only_new_articles_and_stops_at_a_known_page(tmp_path, mongo_uri, mongo_db):
    site = GeneratedSite(100)
    with site.server:
        crawl(site, tmp_path, mongo_uri, mongo_db, args={"max_pages": "10"})
        assert mongo_db.articles.count_documents({}) == 100
        site.server.hits.clear()
        new = site.add_new(25)  # 1.25 pages of new articles on top
        site.pin(3)  # an old article pinned on top of page 1: it must not stop (or restart) the walk
        stats = crawl(site, tmp_path, mongo_uri, mongo_db, args={"max_pages": "10"})
        hits = dict(site.server.hits)
    fetched = article_hits(site)
    assert sorted(fetched) == sorted(f"gen.example.kz/news/{n}-generated-story/" for n in new)
    assert all(count == 1 for count in fetched.values())
    # pages 1-2 hold the new ones; page 3 is all known: the walk stops there, page 4 is never asked for
    assert hits.get("gen.example.kz/news/page/3/") == 1 and "gen.example.kz/news/page/4/" not in hits
    # looked up page by page (KZNEWS_KNOWN_LOOKUP=batch): the known ones of pages 1-3 (the pinned one, 14, 20)
    assert stats["kznews/known/gensite/found"] == 35
    assert mongo_db.articles.count_documents({}) == 125


def test_refresh_fetches_known_articles_again(tmp_path, mongo_uri, mongo_db):
    site = GeneratedSite(20)
    with site.server:
        crawl(site, tmp_path, mongo_uri, mongo_db, args={"max_pages": "1"})
        site.server.hits.clear()
        crawl(site, tmp_path, mongo_uri, mongo_db, args={"max_pages": "1", "refresh": "1"})
    assert len(article_hits(site)) == 20
    assert mongo_db.articles.count_documents({}) == 20


def test_modified_article_in_sitemap_is_fetched_again(tmp_path, mongo_uri, mongo_db):
    site = GeneratedSite(20)
    with site.server:
        crawl(site, tmp_path, mongo_uri, mongo_db, args={"sources": "sitemaps", "since": "2000-01-01"})
        assert mongo_db.articles.count_documents({}) == 20
        site.server.hits.clear()
        site.modify(7)
        stats = crawl(site, tmp_path, mongo_uri, mongo_db, args={"sources": "sitemaps", "since": "2000-01-01"})
    assert list(article_hits(site)) == ["gen.example.kz/news/7-generated-story/"]
    assert stats["kznews/known/gensite/modified_refetched"] == 1
    doc = mongo_db.articles.find_one({"url": site.canonical(7)})
    assert doc["title"].endswith("(редакция 1)") and doc["modified_at"] is not None


def test_jobdir_pause_and_resume_loses_and_duplicates_nothing(tmp_path, mongo_uri, mongo_db):
    site = GeneratedSite(60)
    jobdir = tmp_path / "job"
    with site.server:
        # the first run stops early (as if paused), the second resumes the persisted queue
        first = crawl(
            site, tmp_path, mongo_uri, mongo_db,
            args={"max_pages": "3"},
            settings={"JOBDIR": str(jobdir), "CLOSESPIDER_ITEMCOUNT": "15", "CONCURRENT_REQUESTS": "2"},
        )
        assert first["finish_reason"] == "closespider_itemcount"
        stored_after_pause = mongo_db.articles.count_documents({})
        assert 15 <= stored_after_pause < 60
        crawl(site, tmp_path, mongo_uri, mongo_db, args={"max_pages": "3"}, settings={"JOBDIR": str(jobdir)})
    assert mongo_db.articles.count_documents({}) == 60
    assert len({d["url"] for d in mongo_db.articles.find()}) == 60
    fetched = article_hits(site)
    assert sum(fetched.values()) <= 60 + 2 * 2  # at most the requests in flight at the pause are fetched twice


def test_two_lists_with_the_same_entries_do_not_stop_each_other(tmp_path, mongo_uri, mongo_db):
    # /top/ shows the newest 20 and is read first; /news/ page 1 then holds only entries this run already
    # requested. They are new to the database, so the walk goes on to pages 2 and 3.
    site = GeneratedSite(60)
    site.first_page_delay = 1.0
    site.publish_routes()
    with site.server:
        run_spider(
            "gensite_top",
            tmp_path=tmp_path,
            args={"sources": "lists", "max_pages": "5"},
            env={"KZNEWS_HOST_MAP": json.dumps(site.server.host_map), "MONGO_URI": mongo_uri, "MONGO_DATABASE": mongo_db.name},
            settings={"SPIDER_MODULES": SPIDER_MODULES},
        )
        hits = dict(site.server.hits)
    assert hits.get("gen.example.kz/top/") == 1 and hits.get("gen.example.kz/news/page/3/") == 1
    assert mongo_db.articles.count_documents({}) == 60
