"""One module of stats keys (kznews/stats.py): producers and monitors build keys with the same objects; every key
a monitor reads is produced by real crawls, and every key real crawls produce is a registered one."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from kznews import stats as keys
from kznews.monitoring.checks import monitored
from tests.conftest import run_spider
from tests.tools.fault_server import Fault, FaultServer
from tests.tools.faulty_storage import item_pipelines
from tests.tools.gensite import GeneratedSite
from tests.tools.site_server import Resource

ROOT = Path(__file__).resolve().parents[1]
SPIDER_MODULES = "kznews.spiders,tests.tools.gensite"
CHALLENGE = (b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
             b"<p>Checking your browser before accessing gen.example.kz.</p></body></html>")


def test_keys_build_names_prefixes_and_patterns():
    assert keys.ITEMS(site="zakon", lang="ru") == "kznews/items/zakon/ru"
    assert keys.ITEMS.prefix(site="zakon") == "kznews/items/zakon/"
    assert keys.LAYOUT.prefix(site="zakon", kind="list") == "kznews/layout/zakon/list/"
    assert keys.ITEMS.matches("kznews/items/zakon/ru") and not keys.ITEMS.matches("kznews/items/zakon")
    assert keys.key_of("kznews/failed/zakon/http_404") is keys.FAILED
    assert keys.key_of("kznews/failed/http_404") is keys.FAILED_TOTAL
    assert keys.key_of("kznews/made/up") is None


def _literals(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append(node.value)
        elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
            found.append(str(node.values[0].value))
    return found


def test_no_stats_key_is_written_outside_the_stats_module():
    offenders = []
    for path in (ROOT / "kznews").rglob("*.py"):
        if path.name == "stats.py" and path.parent.name == "kznews":
            continue
        offenders += [f"{path.relative_to(ROOT)}: {text!r}" for text in _literals(path)
                      if text.startswith(("kznews/", "warc/")) and not text.startswith("kznews/0.")]
    assert offenders == []


@pytest.fixture(scope="module")
def crawls(tmp_path_factory, mongo_uri):
    """Real crawls of a generated site that, between them, meet every situation a monitor counts: articles,
    a challenge page, a page without a body, a response that is no page, an incremental second run, a WARC replay
    with a URL missing from the archive, a bug in reprint linking, and a database that is down."""
    from pymongo import MongoClient

    tmp = tmp_path_factory.mktemp("stats")
    database = "kznews_test_stats_keys"
    site = GeneratedSite(6)
    server = FaultServer(site.server.routes)
    server.fault(site.url(1), Fault("challenge", None, status=200, body=CHALLENGE))
    server.add(site.url(2), Resource('<html><head><title>Новость</title></head><body><h1>Заголовок без текста</h1>'
                                     '<div class="article-body"><p>Коротко.</p></div></body></html>'.encode()))
    server.add(site.url(3), Resource(b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"))
    base = {"MONGO_URI": mongo_uri, "MONGO_DATABASE": database, "KZNEWS_HOST_MAP": json.dumps(server.host_map)}
    settings = {"SPIDER_MODULES": SPIDER_MODULES}
    lists = {"sources": "lists", "since": "2000-01-01"}
    archive = tmp / "warc"
    results = {}
    try:
        with server:
            results["first"] = run_spider("gensite", tmp_path=tmp, args=lists, env={**base, "WARC_RECORD": f"{archive}/"},
                                          settings=settings)
            results["incremental"] = run_spider("gensite", tmp_path=tmp, args=lists, env=base, settings=settings)
            results["bug"] = run_spider("gensite", tmp_path=tmp, args={**lists, "refresh": "1"}, env=base,
                                        settings={**settings, "ITEM_PIPELINES": item_pipelines()})
            results["outage"] = run_spider(
                "gensite", tmp_path=tmp, args={**lists, "refresh": "1"},
                env={**base, "MONGO_URI": "mongodb://127.0.0.1:9/", "KZNEWS_SPILL_DIR": str(tmp / "spill")},
                settings={**settings, "MONGO_TIMEOUT_MS": "300", "MONGO_CLOSE_TIMEOUT": "1"})
        # the sitemap was not recorded: a replay miss
        results["replay"] = run_spider("gensite", tmp_path=tmp, args={"since": "2000-01-01", "refresh": "1"},
                                       env={**base, "WARC_REPLAY": str(archive)}, settings=settings)
    finally:
        with MongoClient(mongo_uri) as client:
            client.drop_database(database)
    return results


@pytest.mark.slow
def test_every_key_a_monitor_reads_is_produced_by_a_real_crawl(crawls):
    produced = set().union(*(stats.keys() for stats in crawls.values()))
    missing = {name: key for name, key in monitored("gensite").items()
               if not (any(k.startswith(key) for k in produced) if key.endswith("/") else key in produced)}
    assert missing == {}


@pytest.mark.slow
def test_every_key_a_real_crawl_produces_is_registered(crawls):
    produced = set().union(*(stats.keys() for stats in crawls.values()))
    unknown = sorted(k for k in produced if k.startswith(("kznews/", "warc/")) and keys.key_of(k) is None)
    assert unknown == []


@pytest.mark.slow
def test_the_crawls_met_what_they_were_built_for(crawls):
    first, incremental, bug, outage, replay = (crawls[name] for name in ("first", "incremental", "bug", "outage",
                                                                           "replay"))
    assert first[keys.BLOCKED(site="gensite")] >= 1
    assert first[keys.DROPPED(site="gensite", reason="no_body")] == 1
    assert first[keys.ARTICLE_BAD_RESPONSE(site="gensite")] == 1
    assert first[keys.MONGO_UNSTORED()] == 0 and first[keys.MONGO(count="upserted")] == 3
    assert incremental[keys.KNOWN(site="gensite", count="skipped")] >= 3
    # a bug in linking is a bug, not an outage: counted per site, the articles stored all the same
    assert bug[keys.MONGO_WRITE_BUGS(site="gensite", exception="RuntimeError")] >= 1
    assert keys.MONGO(count="outages") not in bug and bug[keys.MONGO_UNSTORED()] == 0
    assert bug["log_count/ERROR"] >= 1 and keys.MONITOR_FAILED(check="storage") not in bug
    log = Path(bug["_log"]).read_text()
    assert "injected bug in reprint linking" in log and "Traceback" in log and "unavailable" not in log
    # a database that never answers: outages, and the articles left in the spill file fail the storage check
    assert outage[keys.MONGO(count="outages")] == 1 and outage[keys.MONGO_UNSTORED()] == 3
    assert outage[keys.MONITOR_FAILED(check="storage")] == 1
    assert replay[keys.WARC(count="replayed")] >= 1 and replay[keys.WARC(count="replay_miss")] >= 1


def test_exceptions_pure_functions_catch_on_purpose_are_logged_counted_and_reach_the_stats(caplog):
    from scrapy.utils.test import get_crawler

    from kznews import swallowed
    from kznews.dates import parse_date_detail
    from kznews.spiders.sites import TengrinewsSpider
    from kznews.urls import canonicalize_url

    before = swallowed.counts()
    with caplog.at_level("DEBUG"):
        assert canonicalize_url(12345) == 12345  # not a string: returned as it is, never raised
        assert canonicalize_url(12345) == 12345
    after = swallowed.counts()
    assert after[("canonicalize_url", "AttributeError")] == before.get(("canonicalize_url", "AttributeError"), 0) + 2
    records = [r for r in caplog.records if "canonicalize_url caught AttributeError" in r.getMessage()]
    assert records and all(r.exc_info for r in records)
    assert parse_date_detail("19 августа 2025", "ru", None) is not None  # a naive fetch time is not an error

    crawler = get_crawler(TengrinewsSpider)
    spider = TengrinewsSpider.from_crawler(crawler)
    crawler.spider = spider
    spider.closed("finished")
    assert crawler.stats.get_value("kznews/swallowed/canonicalize_url/AttributeError") >= 2


def test_dedupe_pipeline_drops_a_second_item_of_a_url_and_counts_it_once():
    from scrapy.exceptions import DropItem
    from scrapy.utils.test import get_crawler

    from kznews.items import Article
    from kznews.pipelines.dedupe import DedupePipeline

    crawler = get_crawler()
    crawler.stats.open_spider()
    pipeline = DedupePipeline(crawler)

    def article(url):
        return Article(url=url, site="tengrinews", lang="ru", title="Заголовок", body="Текст новости.")

    pipeline.process_item(article("https://tengrinews.kz/news/a-1/"))
    pipeline.process_item(article("https://tengrinews.kz/news/a-2/"))
    with pytest.raises(DropItem, match="duplicate_url"):
        pipeline.process_item(article("https://tengrinews.kz/news/a-1/"))
    values = crawler.stats.get_stats()
    assert values[keys.ITEMS_TOTAL()] == 2
    assert values[keys.DROPPED_TOTAL(reason="duplicate_url")] == 1
    assert values[keys.DROPPED(site="tengrinews", reason="duplicate_url")] == 1
