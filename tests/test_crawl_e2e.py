"""The real tengrinews spider against a local server, into the database; then the same crawl recorded to WARC
and replayed with the network off."""

import json
from datetime import UTC, datetime

import pytest

from tests.conftest import run_spider
from tests.tools import minisite

pytestmark = pytest.mark.slow

VOLATILE = {"_id", "first_seen_at", "updated_at"}


ARTICLES = minisite.expected_articles("tengrinews")


def mini_site():
    return minisite.server("tengrinews")


def crawl_env(server_map: dict, mongo_uri: str, database: str, **extra) -> dict:
    return {
        "KZNEWS_HOST_MAP": json.dumps(server_map),
        "MONGO_URI": mongo_uri,
        "MONGO_DATABASE": database,
        **extra,
    }


def stored(db) -> dict[str, dict]:
    return {doc["url"]: {k: v for k, v in doc.items() if k not in VOLATILE} for doc in db.articles.find()}


def test_crawl_stores_every_edition_with_exact_dates(tmp_path, mongo_uri, mongo_db):
    out = tmp_path / "out.jsonl"
    with mini_site() as server:
        stats = run_spider(
            "tengrinews",
            tmp_path=tmp_path,
            args={"since": "2023-01-01"},
            env=crawl_env(server.host_map, mongo_uri, mongo_db.name),
            settings={"FEEDS": json.dumps({str(out): {"format": "jsonlines"}})},
        )
        hits = dict(server.hits)

    docs = stored(mongo_db)
    assert set(docs) == set(ARTICLES) and len(docs) == 8
    for url, expected in ARTICLES.items():
        assert docs[url]["published_at"] == datetime.fromisoformat(expected["published_at"]).astimezone(UTC), url
        assert docs[url]["title"] == expected["title"] and docs[url]["body"] == expected["body"], url
    assert {d["lang"] for d in docs.values()} == {"ru", "kk", "en"}
    ludomania = docs["https://tengrinews.kz/article/ludomaniya-chemu-mogut-privesti-azartnyie-igryi-kak-2185"]
    assert ludomania["authors"] == ["Айнаш Ондирис"] and ludomania["tags"][0] == "Азартные игры"
    assert "Наши новости теперь" not in docs["https://tengrinews.kz/kazakhstan_news/preduprejdaem-antikor-obratilsya-k-kazahstantsam-550643"]["body"]

    # each article fetched once, although it is linked from a list, the feed and the sitemap
    article_hits = {k: v for k, v in hits.items() if "-5506" in k or "-2362" in k or "-2185" in k or "-5890" in k or "-332" in k}
    assert article_hits and all(count == 1 for count in article_hits.values()), article_hits
    assert mongo_db.articles.count_documents({}) == len(docs)  # the unique index holds
    assert {"url_unique", "site_published", "published"} <= set(mongo_db.articles.index_information())

    # feed exports work alongside MongoDB, with ISO dates in Almaty time
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(docs)
    by_url = {line["url"]: line for line in lines}
    assert by_url["https://tengrinews.kz/article/ludomaniya-chemu-mogut-privesti-azartnyie-igryi-kak-2185"]["published_at"] == "2023-09-27T06:41:00+06:00"
    assert stats["kznews/items"] == len(docs)
    assert stats.get("kznews/mongo/upserted") == len(docs)

    # the extractor's notes and the origin of published_at reach MongoDB and the feed (kznews/schema.py)
    assert all(isinstance(d["notes"], list) for d in docs.values())
    assert all(d["published_at_source"] for d in docs.values() if d["published_at"] is not None)
    corrected = [url for url, d in docs.items() if "offset_corrected" in d["notes"]]
    assert corrected, {url: d["notes"] for url, d in docs.items()}
    for url in corrected:  # the page printed +06:00 after Almaty moved to +05:00: the note explains the hour
        assert docs[url]["published_at_text"].endswith("+06:00") and docs[url]["published_at_source"] == "jsonld"
        assert "offset_corrected" in by_url[url]["notes"] and by_url[url]["published_at_source"] == "jsonld"


def test_second_run_is_idempotent(tmp_path, mongo_uri, mongo_db):
    with mini_site() as server:
        env = crawl_env(server.host_map, mongo_uri, mongo_db.name)
        run_spider("tengrinews", tmp_path=tmp_path, args={"lang": "en"}, env=env)
        first = stored(mongo_db)
        run_spider("tengrinews", tmp_path=tmp_path, args={"lang": "en", "refresh": "1"}, env=env)
    second = stored(mongo_db)
    assert set(first) == set(second) and len(second) == 2
    assert all(doc["lang"] == "en" for doc in second.values())


def test_recorded_crawl_replays_offline_to_the_same_documents(tmp_path, mongo_uri, mongo_db):
    warc_dir = tmp_path / "warc"
    with mini_site() as server:
        run_spider(
            "tengrinews",
            tmp_path=tmp_path,
            args={"lang": "ru,kk"},
            env=crawl_env(server.host_map, mongo_uri, mongo_db.name, WARC_RECORD=str(warc_dir) + "/"),
        )
    live = stored(mongo_db)
    assert len(live) == 6
    assert list(warc_dir.glob("*.warc.gz"))

    replay_db = mongo_db.client[mongo_db.name + "_replay"]
    try:
        # The host map points at a closed port: any request that escaped the archive would fail the crawl.
        stats = run_spider(
            "tengrinews",
            tmp_path=tmp_path,
            args={"lang": "ru,kk"},
            env=crawl_env({"*": "http://127.0.0.1:9/{host}"}, mongo_uri, replay_db.name, WARC_REPLAY=str(warc_dir)),
        )
        replayed = stored(replay_db)
    finally:
        mongo_db.client.drop_database(replay_db.name)
    assert replayed == live  # including fetched_at: the recorded time, not the replay's
    assert stats.get("warc/replayed", 0) > 0
    assert stats.get("downloader/request_count", 0) == stats.get("warc/replayed", 0) + stats.get("warc/replay_miss", 0)
