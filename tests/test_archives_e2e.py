"""`-a source=archive` end to end: the real tengrinews spider reads the local imitation of Common Crawl, CC-NEWS and
the Wayback Machine (tests/tools/archive_server.py) into the test database. The real articles are stored with the
capture time as `fetched_at` and their `source`; every bad record is a counted drop; the archives' 503s are waited
out; the site itself is never asked for anything."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime

import pytest

from kznews.sites import get_site
from kznews.urls import canonicalize_url
from tests.conftest import run_spider
from tests.tools import minisite
from tests.tools.archive_server import (
    ARTICLE_2185,
    ARTICLE_2362,
    CC_DATA,
    NEWS_550644,
    NUR_2086925,
    RELATIVE,
    ROOT,
    canonical,
    ccnews_scenario,
    tengrinews_scenario,
)

pytestmark = pytest.mark.slow

RECORD_LIMIT = str(2 * 1024 * 1024)  # the imitation's gzip bomb decompresses to 3 MB


def crawl(scenario, tmp_path, mongo_uri, database, *, args=None, settings=None):
    return run_spider(
        "tengrinews",
        tmp_path=tmp_path,
        args={"source": "archive", "since": scenario.since, "until": scenario.until, **(args or {})},
        env={"KZNEWS_HOST_MAP": json.dumps(scenario.server.host_map), "MONGO_URI": mongo_uri,
             "MONGO_DATABASE": database},
        settings={"KZNEWS_ARCHIVE_RECORD_MAXSIZE": RECORD_LIMIT, **(settings or {})},
    )


def dropped(stats: dict, site: str = "tengrinews") -> dict[str, int]:
    prefix = f"kznews/archive/{site}/dropped/"
    return {k[len(prefix):]: v for k, v in stats.items() if k.startswith(prefix)}


def test_archive_crawl_stores_the_real_articles_with_capture_time_and_source(tmp_path, mongo_uri, mongo_db):
    scenario = tengrinews_scenario()
    with scenario.server as server:
        stats = crawl(scenario, tmp_path, mongo_uri, mongo_db.name)
        escaped, hits = list(server.escaped), list(server.hits)

    docs = {doc["url"]: doc for doc in mongo_db.articles.find()}
    assert set(docs) == set(scenario.stored)
    expected = minisite.expected_articles("tengrinews")
    for url, (captured_at, kind) in scenario.stored.items():
        doc = docs[url]
        assert doc["fetched_at"] == captured_at, url  # the capture time, not the time of the crawl
        assert doc["source"]["kind"] == kind and doc["source"]["digest"].startswith("sha1:"), url
        if url in expected:  # the same article as parsed from the page itself
            assert doc["title"] == expected[url]["title"] and doc["body"] == expected[url]["body"], url
            assert doc["published_at"] == datetime.fromisoformat(expected[url]["published_at"]), url
    # "Вчера, 21:40" on a page captured on 2024-10-20 at 08:00 Almaty time is the evening of the 19th
    assert docs[canonical(RELATIVE)]["published_at"] == datetime.fromisoformat("2024-10-19T21:40:00+05:00")
    ludomania = docs[canonical(ARTICLE_2185)]["source"]
    assert ludomania["id"] == "CC-MAIN-2024-15" and ludomania["file"].endswith(".warc.gz") and ludomania["length"] > 0
    wayback = docs[canonical("https://tengrinews.kz/kazakhstan_news/tokaev-kazahstan-gotov-uchastvovat-"
                             "razrabotke-mestorojdeniy-550644/")]["source"]
    assert wayback["id"] == "20241015153002" and "/web/20241015153002id_/" in wayback["url"]  # the nearest capture

    # every bad record is a counted drop, and none of them is stored
    assert dropped(stats) == scenario.dropped
    assert stats["kznews/archive/commoncrawl/bad_index"] == 3  # a crawl whose index answers HTML, per host
    assert stats["kznews/archive/wayback/bad_index"] == 1
    assert stats["kznews/archive/tengrinews/commoncrawl/more_captures"] == 1  # one capture per URL and run
    assert stats["finish_reason"] == "finished" and "log_count/ERROR" not in stats
    assert stats["kznews/items"] == len(scenario.stored) == stats["kznews/mongo/upserted"]
    run = mongo_db.runs.find_one({"spider": "tengrinews"})  # an archive run says so in the runs collection
    assert run["args"]["source"] == "archive" and run["args"]["archives"] == "commoncrawl,wayback"

    # the site was never asked; the old crawl outside the window was never queried
    assert escaped == []
    assert not [h for h in hits if "CC-MAIN-2019-35" in h[1]]
    # the 503 bursts were waited out (Retry-After: 1) and every record arrived in the end
    data = [h for h in hits if h[1].startswith(CC_DATA)]
    assert [h[2] for h in data[:2]] == [503, 503] and stats["kznews/archive/commoncrawl/slowdowns"] == 2
    for when, target, _ in data[:2]:  # each refused request was asked again only after the second asked for
        again = next(h for h in data if h[1] == target and h[0] > when)
        assert again[0] - when >= 0.9 and again[2] == 206
    assert stats["kznews/archive/wayback/slowdowns"] == 1
    assert Counter(h[1] for h in data if h[2] == 206).most_common(1)[0][1] == 1  # each record read once


def test_a_second_archive_run_skips_what_is_stored_and_never_overwrites_later_copies(tmp_path, mongo_uri, mongo_db):
    scenario = tengrinews_scenario()
    with scenario.server as server:
        crawl(scenario, tmp_path, mongo_uri, mongo_db.name)
        first_hits = len(server.hits)
        second = crawl(scenario, tmp_path, mongo_uri, mongo_db.name)
        second_hits = server.hits[first_hits:]
        # A live copy fetched later than the capture: a run that fetches again (refresh=1) finds it newer.
        url = canonical(ARTICLE_2185)
        mongo_db.articles.update_one({"url": url}, {"$set": {
            "source": {"kind": "site"}, "fetched_at": datetime.fromisoformat("2025-01-10T10:00:00+05:00"),
            "title": "live title"}})
        third = crawl(scenario, tmp_path, mongo_uri, mongo_db.name, args={"refresh": "1"})
    assert second["kznews/known/tengrinews/skipped"] >= len(scenario.stored)
    assert not any(h[2] == 206 and "2185" in h[1] for h in second_hits)
    assert "kznews/items" not in second
    assert third["kznews/mongo/stale_archived"] == 1
    doc = mongo_db.articles.find_one({"url": url})
    assert doc["title"] == "live title" and doc["source"] == {"kind": "site"}
    assert mongo_db.articles.count_documents({}) == len(scenario.stored)


def test_a_paused_archive_crawl_resumes_from_its_jobdir(tmp_path, mongo_uri, mongo_db):
    scenario = tengrinews_scenario()
    jobdir = tmp_path / "job"
    with scenario.server as server:
        first = crawl(scenario, tmp_path, mongo_uri, mongo_db.name,
                      settings={"JOBDIR": str(jobdir), "CLOSESPIDER_ITEMCOUNT": "1", "CONCURRENT_REQUESTS": "1"})
        assert first["finish_reason"] == "closespider_itemcount"
        paused = mongo_db.articles.count_documents({})
        crawl(scenario, tmp_path, mongo_uri, mongo_db.name, settings={"JOBDIR": str(jobdir)})
        records = Counter(h[1] for h in server.hits if h[1].startswith(CC_DATA) and h[2] == 206)
    assert 1 <= paused < len(scenario.stored)
    assert {d["url"] for d in mongo_db.articles.find()} == set(scenario.stored)
    assert sum(records.values()) <= len(records) + 1  # at most the one request in flight at the pause twice


def test_ccnews_is_streamed_in_pieces_keeping_only_the_sites_records(tmp_path, mongo_uri, mongo_db):
    scenario = ccnews_scenario()
    with scenario.server as server:
        stats = crawl(scenario, tmp_path, mongo_uri, mongo_db.name, args={"archives": "ccnews"},
                      settings={"KZNEWS_CCNEWS_CHUNK": "16384", "KZNEWS_CCNEWS_MAX_CHUNK": "262144"})
        hits, escaped = list(server.hits), list(server.escaped)
    docs = {doc["url"]: doc for doc in mongo_db.articles.find()}
    assert set(docs) == set(scenario.stored)
    for url, (captured_at, kind) in scenario.stored.items():
        assert docs[url]["fetched_at"] == captured_at and docs[url]["source"]["kind"] == kind
        assert docs[url]["source"]["id"] == "CC-NEWS"
    assert dropped(stats) == scenario.dropped
    assert stats["kznews/archive/tengrinews/ccnews/outside_window"] == 1
    assert stats["kznews/archive/ccnews/files"] == 2 and stats["kznews/archive/ccnews/files_read"] == 2
    assert stats["kznews/archive/tengrinews/notes/stale_encoding_header"] == 1
    assert escaped == [] and stats["finish_reason"] == "finished" and "log_count/ERROR" not in stats
    # read in pieces: no request asked for more than the longest piece
    sizes = []
    for _, target, _status in hits:
        if "CC-NEWS-" in target and " bytes=" in target:
            start, end = target.rsplit("bytes=", 1)[1].split("-")
            sizes.append(int(end) - int(start) + 1)
    assert sizes and max(sizes) <= 262144 and min(sizes) == 16384
    assert not any("20240407000000" in h[1] or "20240410000000" in h[1] for h in hits)  # outside the window


def test_one_ccnews_pass_for_several_sites(tmp_path, mongo_uri, mongo_db):
    import os
    import subprocess
    import sys

    scenario = ccnews_scenario()
    with scenario.server as server:
        env = {**os.environ, "KZNEWS_PROFILE": "local", "KZNEWS_HOST_MAP": json.dumps(server.host_map),
               "MONGO_URI": mongo_uri, "MONGO_DATABASE": mongo_db.name, "PYTHONPATH": str(ROOT), "SCRAPY_SETTINGS_MODULE": "tests.tools.settings",
               "KZNEWS_STATS_FILE": str(tmp_path / "stats.json")}
        command = [sys.executable, "-m", "kznews", "ccnews", "--since", "2024-04-08T00:00:00+00:00",
                   "--until", "2024-04-19T00:00:00+00:00", "--sites", "tengrinews,nur",
                   "-s", "KZNEWS_CCNEWS_CHUNK=16384", "-s", "KZNEWS_CCNEWS_MAX_CHUNK=262144"]
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=240, check=False)
        pieces = Counter(h[1] for h in server.hits if "CC-NEWS-" in h[1])
    assert result.returncode == 0, result.stderr[-3000:]
    stats = json.loads((tmp_path / "stats.json").read_text(encoding="utf-8"))
    docs = {doc["url"]: doc for doc in mongo_db.articles.find()}
    nur = canonicalize_url(NUR_2086925, get_site("nur").host_aliases)
    assert {url: doc["site"] for url, doc in docs.items()} == {
        canonical(ARTICLE_2185): "tengrinews", canonical(ARTICLE_2362): "tengrinews",
        canonical(NEWS_550644): "tengrinews", nur: "nur"}
    assert docs[nur]["fetched_at"] == datetime.fromisoformat("2024-04-18T07:00:00+00:00")
    assert all(doc["source"]["id"] == "CC-NEWS" for doc in docs.values())
    assert stats["kznews/items/tengrinews/ru"] == 3 and stats["kznews/items/nur/ru"] == 1
    assert stats["kznews/archive/tengrinews/dropped/challenge"] == 1
    assert stats["kznews/archive/ccnews/files"] == 4  # 0408, 0409, 0410, 0418: each read once for both sites
    assert max(pieces.values()) == 1
    # a window that ends before it starts is refused before anything is fetched
    command[command.index("--until") + 1] = "2024-04-01"
    refused = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert refused.returncode == 2 and "is not after since" in refused.stderr
