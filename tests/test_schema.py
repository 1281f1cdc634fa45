"""The article schema is defined once (kznews/schema.py); the item, the spider's copy of an extraction, the coverage
fields and the README's table are derived from it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from kznews import schema
from kznews.cli.schema import replace_table
from kznews.extract.article import ArticleData
from kznews.items import Article
from kznews.monitoring import checks
from kznews.pipelines import dedupe

ROOT = Path(__file__).resolve().parents[1]


def test_the_definition_is_plain_data():
    for field in schema.ARTICLE_FIELDS:
        assert field.type in schema.TYPES and field.doc and field.presence in ("always", "optional")
        assert field.filled_by in ("extract", "spider", "pipeline", "storage")
    assert len(schema.BY_NAME) == len(schema.ARTICLE_FIELDS)


def test_the_item_is_derived_from_the_schema():
    assert tuple(f.name for f in dataclasses.fields(Article)) == schema.ITEM_FIELDS
    item = Article(url="https://tengrinews.kz/news/1", site="tengrinews", lang="ru")
    assert item.authors == [] and item.published_at is None


def test_the_extraction_carries_every_field_the_spider_copies():
    names = {f.name for f in dataclasses.fields(ArticleData)}
    assert set(schema.EXTRACTED_FIELDS) <= names


def test_coverage_is_counted_and_judged_on_the_schemas_fields():
    assert dedupe.COVERAGE_FIELDS is schema.COVERAGE_FIELDS
    assert checks.COVERAGE_FIELDS is schema.COVERAGE_FIELDS
    assert {"title", "body", "published_at", "authors"} <= set(schema.COVERAGE_FIELDS)


def test_the_readme_table_is_generated_from_the_schema():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert schema.markdown_table() in readme
    assert replace_table(readme, schema.markdown_table()) == readme


def test_schema_readme_that_cannot_be_used_gives_one_line(tmp_path):
    import subprocess
    import sys

    (tmp_path / "empty.md").write_text("# nothing here\n")
    for path, said in ((tmp_path / "gone.md", "cannot be read"), (tmp_path / "empty.md", "has no table")):
        done = subprocess.run([sys.executable, "-m", "kznews", "schema", "--readme", str(path)], cwd=ROOT,
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 2 and done.stderr.count("\n") == 1 and said in done.stderr, done.stderr
    assert (tmp_path / "empty.md").read_text() == "# nothing here\n"
