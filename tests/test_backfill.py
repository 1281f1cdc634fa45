"""Backfills of a date window (`-a since=... -a until=...`) on a generated site, by each route a site may offer:
a binary search on a deep list's page number, a sitemap index by month, dated archive pages. Each stores exactly
the window's articles; the binary search's request count is printed and bounded; only the sitemap children
overlapping the window are fetched; a backfill stopped with JOBDIR resumes and completes."""

import json
import math
import re
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from kznews.dates import ALMATY
from kznews.extract.feeds import FeedEntry
from kznews.sites import SITES
from kznews.sites.base import BACKFILL_ROUTES
from tests.conftest import run_spider
from tests.tools.gensite import ORIGIN, PER_PAGE, SITE, SITE_DAYS, SITE_MONTHS, GeneratedSite, GensiteSpider

SPIDER_MODULES = "kznews.spiders,tests.tools.gensite"


def crawl(spider, site: GeneratedSite, tmp_path, mongo_uri, db, args, settings=None):
    return run_spider(
        spider,
        tmp_path=tmp_path,
        args=args,
        env={"KZNEWS_HOST_MAP": json.dumps(site.server.host_map), "MONGO_URI": mongo_uri, "MONGO_DATABASE": db.name},
        settings={"SPIDER_MODULES": SPIDER_MODULES, **(settings or {})},
    )


def window_numbers(site: GeneratedSite, since: datetime, until: datetime) -> set[int]:
    return {n for n in site.articles if since <= site.published(n) < until}


def stored_urls(db) -> set[str]:
    return {d["url"] for d in db.articles.find({}, {"url": 1})}


def hits(site: GeneratedSite, pattern: str) -> Counter:
    return Counter({k: v for k, v in site.server.hits.items() if re.search(pattern, k)})


def test_each_site_declares_a_route_and_the_generated_sites_take_theirs():
    for site in SITES.values():
        for edition in site.editions:
            assert site.backfill_route(edition) in BACKFILL_ROUTES
    assert SITE.backfill_route(SITE.editions[0]) == "pages"
    assert SITE_MONTHS.backfill_route(SITE_MONTHS.editions[0]) == "sitemaps"
    assert SITE_MONTHS.backfill_route(SITE_MONTHS.editions[0], {"lists"}) == "pages"  # sources=lists
    assert SITE_DAYS.backfill_route(SITE_DAYS.editions[0]) == "days"


def _spider(site, **arguments):
    class Spider(GensiteSpider):
        pass

    Spider.site = site
    return Spider(**arguments)


def test_sitemap_children_by_name_or_by_consecutive_lastmods():
    months = _spider(SITE_MONTHS, since="2026-02-15", until="2026-04-01")
    children = [FeedEntry(f"{ORIGIN}/sitemap-2026-{m:02d}.xml") for m in range(1, 6)] + [FeedEntry(f"{ORIGIN}/x.xml")]
    kept = [c.url.rsplit("/", 1)[1] for c in months.window_children(children)]
    assert kept == ["sitemap-2026-02.xml", "sitemap-2026-03.xml", "x.xml"]  # a child of no known period is kept
    # numbered children filled in order: child n holds what came after child n-1's lastmod, up to its own
    numbered = _spider(replace(SITE, sitemap_chronological=True), since="2026-03-10", until="2026-03-20")
    lastmods = {1: "2026-02-28T23:00", 2: "2026-03-09T12:00", 3: "2026-03-15T00:00", 4: "2026-03-25T00:00",
                5: "2026-04-30T00:00"}
    children = [FeedEntry(f"{ORIGIN}/{n}.xml", published_at=datetime.fromisoformat(f"{when}+05:00"))
                for n, when in reversed(lastmods.items())]
    assert [c.url.rsplit("/", 1)[1] for c in numbered.window_children(children)] == ["3.xml", "4.xml"]


def test_a_window_with_until_is_a_backfill():
    assert _spider(SITE, since="2026-01-01", until="2026-02-01").backfill and _spider(SITE, until="2026-01-01").backfill
    # `since` alone is an incremental run's look-back, however far
    assert not _spider(SITE, since="2026-01-01").backfill and not _spider(SITE, since="2d").backfill


@pytest.mark.slow
def test_binary_search_reaches_a_deep_window_in_log_requests(tmp_path, mongo_uri, mongo_db):
    site = GeneratedSite(2000, step=timedelta(hours=1))  # 100 list pages over 83 days, newest first
    since, until = datetime(2026, 1, 20, tzinfo=ALMATY), datetime(2026, 1, 22, tzinfo=ALMATY)
    expected = window_numbers(site, since, until)
    with site.server:
        stats = crawl("gensite", site, tmp_path, mongo_uri, mongo_db,
                      {"since": since.date().isoformat(), "until": until.date().isoformat()})
    assert stored_urls(mongo_db) == {site.canonical(n) for n in expected}, stats["_log"]
    pages = math.ceil(len(site.articles) / PER_PAGE)
    window_pages = math.ceil(len(expected) / PER_PAGE) + 1  # the window may straddle one more page
    list_requests = sum(hits(site, r"/news/(page/\d+/)?$").values())
    bound = 2 * math.ceil(math.log2(pages)) + window_pages + 1
    print(f"binary search: {list_requests} list requests for a window of {len(expected)} articles on "
          f"{window_pages} pages of {pages} (bound {bound}); probes {stats['kznews/backfill/gensite/ru/probes']}, "
          f"first page in the window {stats['kznews/backfill/gensite/ru/found_page']}")
    assert list_requests <= bound
    # the article requests are exactly the window's: nothing outside it was fetched
    assert sum(hits(site, r"-generated-story/$").values()) == len(expected)


@pytest.mark.slow
def test_monthly_sitemap_index_fetches_only_the_overlapping_months(tmp_path, mongo_uri, mongo_db):
    site = GeneratedSite(2000, step=timedelta(hours=6))  # 500 days: 17 monthly sitemaps
    since, until = datetime(2026, 5, 25, tzinfo=ALMATY), datetime(2026, 6, 3, 12, tzinfo=ALMATY)
    expected = window_numbers(site, since, until)
    with site.server:
        stats = crawl("gensite_months", site, tmp_path, mongo_uri, mongo_db,
                      {"since": since.isoformat(), "until": until.isoformat()})
    assert stored_urls(mongo_db) == {site.canonical(n) for n in expected}, stats["_log"]
    fetched = hits(site, r"/sitemap-\d{4}-\d{2}\.xml$")
    assert sorted(fetched) == ["gen.example.kz/sitemap-2026-05.xml", "gen.example.kz/sitemap-2026-06.xml"]
    assert stats["kznews/backfill/gensite_months/ru/sitemaps_skipped"] == len(site.month_sitemaps()) - 2
    assert not hits(site, r"/news/(page/\d+/)?$")  # the sitemaps alone: no list pages


@pytest.mark.slow
def test_day_archive_pages_cover_the_window(tmp_path, mongo_uri, mongo_db):
    site = GeneratedSite(300, step=timedelta(hours=2))  # 25 days
    since, until = datetime(2026, 1, 5, tzinfo=ALMATY), datetime(2026, 1, 8, tzinfo=ALMATY)
    expected = window_numbers(site, since, until)
    with site.server:
        stats = crawl("gensite_days", site, tmp_path, mongo_uri, mongo_db,
                      {"since": since.date().isoformat(), "until": until.date().isoformat()})
    assert stored_urls(mongo_db) == {site.canonical(n) for n in expected}, stats["_log"]
    assert sorted(hits(site, r"/news/archive/")) == [f"gen.example.kz/news/archive/2026-01-0{d}/" for d in (5, 6, 7)]


@pytest.mark.slow
def test_a_backfill_skips_known_articles_and_resumes_from_jobdir(tmp_path, mongo_uri, mongo_db):
    site = GeneratedSite(1000, step=timedelta(hours=1))
    since, until = datetime(2026, 1, 10, tzinfo=ALMATY), datetime(2026, 1, 13, tzinfo=ALMATY)
    expected = window_numbers(site, since, until)
    args = {"since": since.date().isoformat(), "until": until.date().isoformat()}
    jobdir = tmp_path / "job"
    with site.server:
        first = crawl("gensite", site, tmp_path, mongo_uri, mongo_db, args,
                      {"JOBDIR": str(jobdir), "CLOSESPIDER_ITEMCOUNT": "20", "CONCURRENT_REQUESTS": "2"})
        assert first["finish_reason"] == "closespider_itemcount"
        assert 20 <= mongo_db.articles.count_documents({}) < len(expected)
        crawl("gensite", site, tmp_path, mongo_uri, mongo_db, args, {"JOBDIR": str(jobdir)})
        assert stored_urls(mongo_db) == {site.canonical(n) for n in expected}
        fetched = hits(site, r"-generated-story/$")
        assert sum(fetched.values()) <= len(expected) + 2 * 2  # only requests in flight at the pause run twice
        # the same window again, without JOBDIR: every article is known, none is fetched
        site.server.hits.clear()
        again = crawl("gensite", site, tmp_path, mongo_uri, mongo_db, args)
    assert not hits(site, r"-generated-story/$")
    assert again["kznews/known/gensite/found"] == len(expected)  # looked up page by page (KZNEWS_KNOWN_LOOKUP)
    assert again["kznews/known/gensite/skipped"] >= len(expected)


def test_last_fetches_finds_urls_and_aliases_fetched_since(mongo_uri, mongo_db):
    from kznews.storage import ArticleStore

    store = ArticleStore(mongo_uri, mongo_db.name)
    store.ensure_indexes()
    recent, old = datetime(2026, 3, 1, tzinfo=ALMATY), datetime(2025, 1, 1, tzinfo=ALMATY)
    mongo_db.articles.insert_many([
        {"url": "https://a.kz/1", "site": "a", "fetched_at": recent, "aliases": ["https://a.kz/1-copy"]},
        {"url": "https://a.kz/2", "site": "a", "fetched_at": old},
    ])
    asked = ["https://a.kz/1", "https://a.kz/1-copy", "https://a.kz/2", "https://a.kz/3"]
    assert store.last_fetches(asked) == {url: (recent if url != "https://a.kz/2" else old).timestamp()
                                         for url in asked[:3]}
    assert set(store.last_fetches(asked, datetime(2026, 1, 1, tzinfo=ALMATY))) == {"https://a.kz/1", "https://a.kz/1-copy"}
    store.close()
