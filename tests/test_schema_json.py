"""docs/schema.json (the JSON Schema of an article document) is generated from kznews/schema.py, and what a real
crawl stores and what `python -m kznews export` writes are valid against it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from kznews.cli.schema import json_text
from kznews.export.columns import json_value
from kznews.schema import ARTICLE_FIELDS, SCHEMA_VERSION, json_schema
from tests.conftest import run_spider
from tests.tools import minisite

ROOT = Path(__file__).resolve().parents[1]


def validator() -> Draft202012Validator:
    schema = json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_the_committed_schema_json_is_generated_from_the_schema():
    assert (ROOT / "docs" / "schema.json").read_text(encoding="utf-8") == json_text(), (
        "docs/schema.json is stale: python -m kznews schema --json docs/schema.json")


def test_the_schema_rejects_what_is_not_an_article():
    check = validator()
    good = {"url": "https://tengrinews.kz/news/1/", "site": "tengrinews", "lang": "ru", "title": "t", "summary": None,
            "body": "b", "authors": [], "section": None, "tags": [], "images": [],
            "published_at": "2026-11-01T02:30:00+05:00", "modified_at": None, "published_at_text": None,
            "fetched_at": "2026-11-01T02:31:00+05:00", "fetched_url": "https://tengrinews.kz/news/1/",
            "layout": None, "credited_source": None, "text_lang": "ru", "script": "Cyrl", "body_hash": "h", "cluster_id": "https://tengrinews.kz/news/1/",
            "first_seen_at": "2026-11-01T02:31:00+05:00", "updated_at": "2026-11-01T02:31:00+05:00",
            "schema_version": SCHEMA_VERSION}
    optional = {name for name in json_schema()["properties"] if name not in json_schema()["required"]}
    good = {key: value for key, value in good.items() if key not in optional}
    samples = {"string": "x", "string[]": [], "number": 0.5, "integer": 1, "datetime": "2026-11-01T02:31:00+05:00",
               "object": {"kind": "site"}}
    for field in ARTICLE_FIELDS:  # a field added to the schema since this test was written
        if field.presence == "always" and field.name not in good:
            good[field.name] = samples[field.type]
    assert list(check.iter_errors(good)) == []
    for bad in ({**good, "published_at": "2026-11-01T02:30:00"},  # naive: no offset
                {**good, "authors": "Айгерим"}, {**good, "unknown_field": 1}, {**good, "schema_version": "1"},
                {key: value for key, value in good.items() if key != "url"}):
        assert list(check.iter_errors(bad)), bad


@pytest.mark.slow
def test_a_crawl_stores_and_export_writes_valid_documents(tmp_path, mongo_uri, mongo_db):
    with minisite.server("tengrinews") as server:
        env = {"KZNEWS_HOST_MAP": json.dumps(server.host_map), "MONGO_URI": mongo_uri,
               "MONGO_DATABASE": mongo_db.name}
        run_spider("tengrinews", tmp_path=tmp_path, args={"since": "2023-01-01"}, env=env)
    check = validator()
    stored = list(mongo_db.articles.find({}, {"_id": 0}))
    assert len(stored) == 8
    for doc in stored:
        assert doc["schema_version"] == SCHEMA_VERSION
        errors = [error.message for error in check.iter_errors(json_value(doc))]
        assert errors == [], (doc["url"], errors)

    out = tmp_path / "export.jsonl"
    done = subprocess.run([sys.executable, "-m", "kznews", "export", "--uri", mongo_uri, "--database",
                           mongo_db.name, "-o", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(exported) == 8
    for doc in exported:
        errors = [error.message for error in check.iter_errors(doc)]
        assert errors == [], (doc["url"], errors)
