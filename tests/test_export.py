"""`python -m kznews export` (docs/exports.md): formats, filters, stories, the partitioned directory read as one
table, atomic output, bad input, and incremental pulls that lose and repeat nothing while writers run."""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import json
import os
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kznews.cli import main
from kznews.export import columns, export_to_directory, export_to_file
from kznews.schema import ARTICLE_FIELDS, SCHEMA_VERSION
from kznews.storage import ArticleStore
from kznews.storage.pulls import ArticleFilter, ArticleReader, Cursor

ROOT = Path(__file__).resolve().parents[1]
BASE = datetime(2026, 10, 31, 21, 30, tzinfo=UTC)  # 02:30 on Nov 1 in Almaty: the month differs by zone


def article(n: int, site: str = "tengrinews", lang: str = "ru", published: datetime | None = BASE, **extra) -> dict:
    doc = {
        "url": f"https://{site}.kz/news/{n}/", "site": site, "lang": lang, "title": f"Заголовок {n}",
        "summary": None, "body": f"Текст новости номер {n}. " * 20, "authors": ["Айгерим Сапарова"],
        "section": "Общество", "tags": ["Астана"], "images": [f"https://{site}.kz/i/{n}.jpg"],
        "published_at": published + timedelta(hours=n) if published else None, "modified_at": None,
        "published_at_text": "вчера", "fetched_at": BASE + timedelta(days=5), "fetched_url": f"https://{site}.kz/news/{n}/",
        "layout": "v1", "credited_source": None, "body_hash": f"{site}-{n}", "source": {"kind": "site"},
        "first_seen_at": BASE + timedelta(days=5), "updated_at": datetime(1999, 1, 1, tzinfo=UTC),
    }
    doc.update(extra)
    return doc


@pytest.fixture
def store(mongo_uri, mongo_db):
    store = ArticleStore(mongo_uri, mongo_db.name)
    store.ensure_indexes()
    yield store
    store.close()


def export(store, *args: str) -> tuple[int, str, str]:
    """Run the command in this process; (exit status, stdout, stderr)."""
    out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["export", "--uri", store.uri, "--database", store.db.name, *args])
        out.flush()
    return status, out.buffer.getvalue().decode("utf-8"), err.getvalue()


def test_jsonl_gzip_csv_and_parquet_files_carry_every_schema_column(store, tmp_path):
    import pyarrow.parquet as pq

    store.store_articles([article(n) for n in range(3)] + [article(9, published=None)])
    names = [field.name for field in ARTICLE_FIELDS]

    assert export(store, "-o", str(tmp_path / "a.jsonl.gz"))[0] == 0
    lines = [json.loads(line) for line in gzip.decompress((tmp_path / "a.jsonl.gz").read_bytes()).splitlines()]
    assert len(lines) == 4
    first = next(line for line in lines if line["url"].endswith("/0/"))
    assert list(first) == [name for name in names if name in first]  # the schema's order
    assert first["published_at"] == "2026-11-01T02:30:00+05:00"  # aware, the Almaty offset
    assert first["schema_version"] == SCHEMA_VERSION and first["source"] == {"kind": "site"}

    assert export(store, "-o", str(tmp_path / "a.csv"))[0] == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "a.csv").read_text(encoding="utf-8"), newline="")))
    assert list(rows[0]) == names and len(rows) == 4
    row = next(row for row in rows if row["url"].endswith("/0/"))
    assert row["published_at"] == "2026-11-01T02:30:00+05:00" and json.loads(row["authors"]) == ["Айгерим Сапарова"]
    assert next(row for row in rows if row["url"].endswith("/9/"))["published_at"] == ""

    assert export(store, "-o", str(tmp_path / "a.parquet"))[0] == 0
    table = pq.read_table(tmp_path / "a.parquet")
    assert table.column_names == names and table.num_rows == 4
    assert str(table.schema.field("published_at").type) == "timestamp[ms, tz=UTC]"
    published = {row["url"]: row["published_at"] for row in table.to_pylist()}
    assert published["https://tengrinews.kz/news/0/"] == BASE


def test_filters_select_sites_editions_and_the_publication_window(store, tmp_path):
    store.store_articles([article(n) for n in range(6)] + [article(n, site="nur", lang="kk") for n in range(3)])
    status, out, _ = export(store, "--sites", "tengrinews", "--since", "2026-11-01T04:30+05:00",
                            "--until", "2026-11-01T06:30+05:00")
    assert status == 0
    assert sorted(json.loads(line)["url"] for line in out.splitlines()) == [
        "https://tengrinews.kz/news/2/", "https://tengrinews.kz/news/3/"]
    status, out, _ = export(store, "--lang", "kk")
    assert {json.loads(line)["site"] for line in out.splitlines()} == {"nur"} and len(out.splitlines()) == 3


def test_stories_give_one_document_per_cluster_with_its_copies(store):
    original = article(1)
    copies = [article(2, site="nur", cluster_id=original["url"], similar_to=original["url"], similarity=0.9),
              article(3, site="zakon", cluster_id=original["url"], similar_to=original["url"], similarity=0.8)]
    store.store_articles([original, *copies, article(4, site="kursiv")])
    status, out, _ = export(store, "--stories")
    stories = {json.loads(line)["url"]: json.loads(line) for line in out.splitlines()}
    assert status == 0 and set(stories) == {original["url"], "https://kursiv.kz/news/4/"}
    assert [copy["url"] for copy in stories[original["url"]]["copies"]] == [c["url"] for c in copies]
    assert stories[original["url"]]["copies"][0]["similarity"] == 0.9
    assert stories["https://kursiv.kz/news/4/"]["copies"] == []
    # a filter selects stories by their original: nur's copy is in tengrinews' story, not a story of its own
    assert export(store, "--stories", "--sites", "nur")[1] == ""


def test_the_partitioned_directory_reads_as_one_table_in_duckdb_and_pandas(store, tmp_path):
    import duckdb

    docs = [article(n) for n in range(4)] + [article(n, site="nur", lang="kk") for n in range(30, 33)]
    store.store_articles([*docs, article(50, published=None)])
    target = tmp_path / "dataset"
    assert export(store, "-o", f"{target}/", "--stories")[0] == 0
    assert export(store, "-o", str(target))[0] == 0  # a second export adds its own part files
    parts = sorted(str(p.relative_to(target).parent) for p in target.rglob("part-*.parquet"))
    assert "site=tengrinews/lang=ru/month=2026-11" in parts  # the Almaty month (in UTC still October)
    assert "site=tengrinews/lang=ru/month=unknown" in parts and "site=nur/lang=kk/month=2026-11" in parts
    assert not list(target.glob("_tmp-*"))

    glob = f"{target}/*/*/*/*.parquet"
    rows = duckdb.sql(f"select site, lang, month, count(*) n, count(distinct url) urls from read_parquet('{glob}', "
                      "hive_partitioning=true, union_by_name=true) group by all order by all").fetchall()
    assert rows == [("nur", "kk", "2026-11", 6, 3), ("tengrinews", "ru", "2026-11", 8, 4),
                    ("tengrinews", "ru", "unknown", 2, 1)]
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_parquet(target / "site=nur")
    assert len(frame) == 6


def test_an_interrupted_export_leaves_nothing_under_its_final_name(tmp_path):
    def documents():
        for n in range(3000):
            if n == 2500:
                raise KeyboardInterrupt
            yield article(n)

    for fmt, name in (("jsonl.gz", "out.jsonl.gz"), ("parquet", "out.parquet"), ("csv", "out.csv")):
        with pytest.raises(KeyboardInterrupt):
            export_to_file(documents(), tmp_path / name, fmt, columns(), BASE)
    with pytest.raises(KeyboardInterrupt):
        export_to_directory(documents(), tmp_path / "dataset", "parquet", columns(), BASE)
    assert list(tmp_path.iterdir()) == []
    # an existing dataset keeps what it had, and gets no part of the failed export
    (tmp_path / "dataset").mkdir()
    export_to_directory((article(n) for n in range(3)), tmp_path / "dataset", "parquet", columns(), BASE)
    before = sorted(tmp_path.rglob("*"))
    with pytest.raises(KeyboardInterrupt):
        export_to_directory(documents(), tmp_path / "dataset", "parquet", columns(), BASE)
    assert sorted(tmp_path.rglob("*")) == before


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--sites", "tengrinews,nosuchsite"], "'nosuchsite'"),
        (["--after", "k1.bm90IGEgY3Vyc29y"], "'k1.bm90IGEgY3Vyc29y'"),
        (["--after", "garbage"], "'garbage'"),
        (["--since", "2026-11-02", "--until", "2026-11-01"], "--until='2026-11-01'"),
        (["--until", "yesterday"], "'yesterday'"),
        (["-o", "{file}/out.jsonl"], "out.jsonl"),
        (["--lang", "de"], "'de'"),
    ],
)
def test_bad_input_gives_one_line_and_exit_status_2(tmp_path, args, named):
    a_file = tmp_path / "file"
    a_file.write_text("")
    args = [arg.replace("{file}", str(a_file)) for arg in args]
    env = {**os.environ, "MONGO_URI": "mongodb://127.0.0.1:9"}  # never reached: the input is checked first
    done = subprocess.run([sys.executable, "-m", "kznews", "export", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and named in lines[0] and "Traceback" not in done.stderr, done.stderr
    assert done.stdout == ""


def test_a_pull_prints_the_next_cursor_last_and_pulls_continue_from_it(store, tmp_path):
    store.store_articles([article(n) for n in range(5)])
    before = ArticleReader(store).server_now()
    stored = list(store.articles.find())
    # `updated_at` is the server's clock, whatever the writer's document said (1999 here)
    assert all(abs(doc["updated_at"] - before) < timedelta(minutes=5) for doc in stored)
    assert all(doc["schema_version"] == SCHEMA_VERSION for doc in stored)

    cursor, seen = "", []
    pulls = 0
    while len(seen) < 5 and pulls < 60:
        status, out, _ = export(store, "--after", cursor, "--limit", "2")
        assert status == 0
        *lines, cursor = out.splitlines()
        assert cursor.replace("-", "").replace("_", "").replace(".", "").isalnum()  # URL-safe
        seen += [json.loads(line)["url"] for line in lines]
        pulls += 1
        if not lines:
            threading.Event().wait(0.5)  # the settle margin has not passed yet
    assert sorted(seen) == sorted(a["url"] for a in (article(n) for n in range(5)))
    # an update is a change: pulled again, once
    store.store_articles([article(3, title="Новый заголовок")])
    again = []
    for _ in range(60):
        status, out, _ = export(store, "--after", cursor)
        *lines, cursor = out.splitlines()
        again += [json.loads(line)["title"] for line in lines]
        if again:
            break
        threading.Event().wait(0.5)
    assert again == ["Новый заголовок"]


def test_concurrent_writers_and_repeated_pulls_lose_and_repeat_nothing(store, mongo_uri):
    """Writer threads insert, update and re-link articles (each its own store, as separate crawls would) while a
    consumer pulls repeatedly; every write's final state is pulled, and no (url, updated_at) twice."""
    writers, per_writer, batch = 4, 150, 5
    errors: list[BaseException] = []

    def write(number: int):
        own = ArticleStore(mongo_uri, store.db.name)
        try:
            for start in range(0, per_writer, batch):
                docs = [article(number * 1000 + n, site=("nur", "zakon", "kursiv", "orda")[number])
                        for n in range(start, start + batch)]
                own.store_articles(docs)
                if start % 20 == 0:  # an update and a re-link of earlier articles
                    own.store_articles([{**docs[0], "title": "обновлено"}])
                    own.articles.update_one({"url": docs[1]["url"]}, {"$set": {"cluster_id": "x"},
                                                                      "$currentDate": {"updated_at": True}})
        except BaseException as error:  # the test fails on it below
            errors.append(error)
        finally:
            own.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    reader = ArticleReader(store, batch_size=50)
    pulled: list[tuple[str, datetime]] = []
    cursor_text = ""
    pulls = 0
    writers_done_at = None  # the server's clock once every writer has finished
    while True:
        if writers_done_at is None and not any(thread.is_alive() for thread in threads):
            writers_done_at = reader.server_now()
        cursor = Cursor.decode(cursor_text) if cursor_text else None
        pull = reader.changes(ArticleFilter(), cursor, limit=40)
        got = [(doc["url"], doc["updated_at"]) for doc in pull]
        pulled += got
        cursor_text = pull.cursor.encode() if pull.cursor else ""
        pulls += 1
        if writers_done_at is not None and pull.horizon > writers_done_at and len(got) < 40:
            break  # this pull saw everything written
        threading.Event().wait(0.3)
    assert not errors, errors
    final = {doc["url"]: doc["updated_at"] for doc in store.articles.find({}, {"url": 1, "updated_at": 1})}
    lost = [url for url, at in final.items() if (url, at) not in set(pulled)]
    repeated = len(pulled) - len(set(pulled))
    print(f"\nconcurrent pulls: {pulls} pulls, {len(pulled)} documents pulled, {len(final)} stored, "
          f"lost {len(lost)}, repeated {repeated}")
    assert len(final) == writers * per_writer
    assert lost == [] and repeated == 0


@pytest.mark.slow
@pytest.mark.timeout(2400)  # the test database server inserts and sorts 100,000 documents slowly (minutes)
def test_an_export_of_100000_articles_streams_in_bounded_memory(mongo_uri, mongo_db, tmp_path):
    """Peak RSS of the export process, measured by a parent of its own (only that child counts), under 300 MB:
    the partitioned Parquet export (the most open files and buffers)."""
    sites = ("tengrinews", "nur", "zakon", "kursiv")
    # only the index the partitioned export reads by: every other index slows the 100,000 inserts down
    mongo_db.articles.create_index([("site", 1), ("published_at", -1)], name="site_published")
    batch = []
    for n in range(100_000):
        doc = article(n, site=sites[n % 4], lang=("ru", "kk")[n % 2], published=BASE - timedelta(days=n % 400))
        doc["schema_version"] = SCHEMA_VERSION
        doc["cluster_id"] = doc["url"]
        batch.append(doc)
        if len(batch) == 5000:
            mongo_db.articles.insert_many(batch)  # generated rows go in directly: the export is what is measured
            batch = []
    measure = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]); "
               "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    figures = {}
    for name, output in (("parquet directory", f"{tmp_path}/dataset/"),):
        done = subprocess.run(
            [sys.executable, "-c", measure, sys.executable, "-m", "kznews", "export", "--uri", mongo_uri,
             "--database", mongo_db.name, "-o", output],
            cwd=ROOT, capture_output=True, text=True, timeout=1800)
        status, peak_kb = done.stdout.split()
        assert status == "0", done.stderr
        figures[name] = int(peak_kb) // 1024
        assert "export: 100000 articles" in done.stderr
    print("\nexport of 100,000 articles, peak RSS: " + ", ".join(f"{k} {v} MB" for k, v in figures.items()))
    assert all(peak < 300 for peak in figures.values()), figures
    import duckdb

    count = duckdb.sql(f"select count(*) from read_parquet('{tmp_path}/dataset/*/*/*/*.parquet', "
                       "hive_partitioning=true)").fetchall()[0][0]
    assert count == 100_000
