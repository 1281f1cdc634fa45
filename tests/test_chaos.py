"""The fault matrix of `make chaos` (tests/tools/chaos.py), run inside the test suite: every HTTP, encoding,
bot-protection and content fault in one crawl (one spider per fault), then the storage and process faults: MongoDB
stopped mid-crawl and restarted, MongoDB down for a whole crawl (spill, load-spill twice), SIGKILL and resume with
the same JOBDIR, two overlapping runs, a WARC replay whose archive holds gzip bombs. Each row must lose nothing,
duplicate nothing and store nothing wrong (and no stored document may be invalid: hostile-input rows)."""

import json

import pytest

from tests.tools import chaos

pytestmark = pytest.mark.slow


def _explain(result: chaos.Result) -> str:
    return json.dumps(result.as_dict(), ensure_ascii=False, indent=1)


@pytest.fixture(scope="module")
def matrix(mongo_uri, tmp_path_factory):
    from pymongo import MongoClient

    database = "kznews_test_chaos_matrix"
    client = MongoClient(mongo_uri)
    client.drop_database(database)
    try:
        yield {r.fault: r for r in chaos.run_matrix(mongo_uri, database, tmp_path_factory.mktemp("chaos"))}
    finally:
        client.drop_database(database)
        client.close()


@pytest.mark.parametrize("row", chaos.ROWS, ids=lambda row: row.name)
def test_fault_matrix_row(matrix, row):
    result = matrix[row.fault]
    assert result.ok, _explain(result)
    assert result.stored == row.expected and result.lost == 0 and result.duplicated == 0 and result.wrong == 0


def test_every_fault_of_the_issue_is_in_the_matrix():
    names = {row.name for row in chaos.ROWS}
    required = {
        "http-500", "http-502", "http-503", "http-503-ra", "http-429-ra", "http-403", "http-404", "timeout", "reset",
        "cut-length", "cut-chunked", "cut-close", "redirect-loop", "empty", "large-length", "large-stream",
        "cp1251-header", "cp1251-meta", "cp1251-none", "utf8-as-1251", "utf8-bom", "cloudflare", "checking-browser",
        "ddos-guard", "captcha", "js-shell", "no-title", "no-body", "no-date", "garbage-date", "soup",
    }
    assert required <= names


def test_mongodb_stopped_mid_crawl_and_restarted(tmp_path):
    result = chaos.scenario_mongo_outage(tmp_path)
    assert result.ok, _explain(result)
    assert result.stored == 60


def test_mongodb_down_for_the_whole_crawl_spills_then_load_spill_twice(tmp_path, mongo_uri, mongo_db):
    result = chaos.scenario_spill(mongo_uri, mongo_db.name, tmp_path)
    assert result.ok, _explain(result)
    assert mongo_db.articles.count_documents({}) == 30


def test_sigkill_and_resume_with_the_same_jobdir(tmp_path, mongo_uri, mongo_db):
    result = chaos.scenario_sigkill(mongo_uri, mongo_db.name, tmp_path)
    assert result.ok, _explain(result)
    assert mongo_db.articles.count_documents({}) == 60


def test_two_overlapping_runs(tmp_path, mongo_uri, mongo_db):
    result = chaos.scenario_overlap(mongo_uri, mongo_db.name, tmp_path)
    assert result.ok, _explain(result)
    assert mongo_db.articles.count_documents({}) == 60


def test_every_hostile_input_of_issue_14_is_in_the_matrix():
    names = {row.name for row in chaos.ROWS}
    required = {
        "hostile-deep", "hostile-one-line", "hostile-attributes", "hostile-itemprop", "hostile-jsonld-huge",
        "hostile-jsonld-deep", "hostile-bad-bytes", "hostile-dates", "hostile-long-urls", "hostile-xxe",
        "hostile-gzip-bomb", "hostile-bad-encoding", "hostile-sitemap-xxe", "hostile-sitemap-bomb",
        "hostile-feed-dates",
    }
    assert required <= names


def test_warc_replay_with_gzip_bombs_between_records(tmp_path, mongo_uri, mongo_db):
    result = chaos.scenario_warc_bombs(mongo_uri, mongo_db.name, tmp_path)
    assert result.ok, _explain(result)
    assert result.stored == 2 and result.failed == 1
