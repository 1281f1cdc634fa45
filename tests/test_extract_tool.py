"""`python -m kznews extract` end to end: --no-layouts, no --site, --batch; and extract_page itself."""

import gzip
import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kznews.extract.page import extract_page, generic_site, without_layouts
from kznews.sites import get_site

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "fixtures" / "real" / "tengrinews"
ARTICLE = REAL / "article-2024-03-18-2362.html"
ARTICLE_URL = "https://tengrinews.kz/article/skolko-stoit-postroit-shkolu-v-astane-2362/"
LIST = REAL / "news-2024-10-15.html"
LIST_URL = "https://tengrinews.kz/news/"
NOW = "2024-10-15T15:00:00Z"


def run_extract(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kznews", "extract", "--now", NOW, *args],
        cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=120, check=False,
    )


def test_no_layouts_prints_what_the_fallback_alone_makes_of_a_page():
    with_layouts = json.loads(run_extract("--site", "tengrinews", "--url", ARTICLE_URL, str(ARTICLE)).stdout)
    done = run_extract("--site", "tengrinews", "--no-layouts", "--url", ARTICLE_URL, str(ARTICLE))
    assert done.returncode == 0, done.stderr
    fallback = json.loads(done.stdout)
    assert with_layouts["layout"] == "content_main-2023" and with_layouts["sources"]["body"] == "layout"
    assert fallback["kind"] == "article" and fallback["layout"] is None
    assert fallback["sources"]["body"] == "heuristic"
    assert fallback["body"] == with_layouts["body"]
    assert fallback["title"] == with_layouts["title"]
    assert fallback["published_at"] == with_layouts["published_at"] == "2024-03-18T06:16:01+05:00"


def test_without_site_the_page_is_read_with_no_site_knowledge():
    done = run_extract("--url", ARTICLE_URL, str(ARTICLE))
    assert done.returncode == 0, done.stderr
    article = json.loads(done.stdout)
    assert article["kind"] == "article" and article["site"] == "generic" and article["lang"] == "ru"
    assert article["body"].startswith("Каждый год в правительстве отчитываются")
    listing = json.loads(run_extract("--url", LIST_URL, str(LIST)).stdout)
    assert listing["kind"] == "list" and listing["layouts"] == []
    assert any("/news/" in e["url"] for e in listing["entries"])


def test_batch_prints_one_object_per_line_in_order_and_errors_for_bad_lines(tmp_path):
    shutil.copy(ARTICLE, tmp_path / "a.html")
    shutil.copy(LIST, tmp_path / "l.html")
    (tmp_path / "pages.tsv").write_text(
        f"{ARTICLE_URL}\ta.html\n"
        "no tab on this line\n"
        "\n"
        f"{LIST_URL}\tl.html\n"
        f"{ARTICLE_URL}\tmissing.html\n"
        "https://example.com/elsewhere-on-the-web-123456/\ta.html\n",
        encoding="utf-8",
    )
    done = run_extract("--site", "tengrinews", "--no-layouts", "--batch", str(tmp_path / "pages.tsv"))
    assert done.returncode == 1  # some lines failed; every line was still answered
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["line"] for r in results] == [1, 2, 4, 5, 6]
    assert results[0]["kind"] == "article" and results[0]["layout"] is None and results[0]["path"] == "a.html"
    assert results[0]["body"].startswith("Каждый год")
    assert "error" in results[1] and results[1]["path"] is None
    assert results[2]["kind"] == "list" and results[2]["layouts"] == []
    assert "FileNotFoundError" in results[3]["error"]
    assert "not on tengrinews" in results[4]["error"]


def test_batch_from_stdin_without_site(tmp_path):
    shutil.copy(ARTICLE, tmp_path / "a.html")
    done = subprocess.run(
        [sys.executable, "-m", "kznews", "extract", "--now", NOW, "--batch", "-"],
        cwd=tmp_path, input=f"{ARTICLE_URL}\ta.html\n", capture_output=True, text=True, timeout=120, check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    (result,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert result["site"] == "generic" and result["body"].startswith("Каждый год")


def test_extract_needs_a_page_or_a_batch():
    done = run_extract("--site", "tengrinews")
    assert done.returncode == 2 and "--batch" in done.stderr


# --- extract_page, the pure entry point ------------------------------------------------------------------------


NOW_DT = datetime(2024, 10, 15, 15, 0, tzinfo=UTC)


def test_extract_page_kinds():
    html = ARTICLE.read_text(encoding="utf-8")
    site = get_site("tengrinews")
    assert extract_page(html, ARTICLE_URL, NOW_DT, site=site)["layout"] == "content_main-2023"
    assert extract_page(html, ARTICLE_URL, NOW_DT, site=site, use_layouts=False)["layout"] is None
    assert extract_page(html, ARTICLE_URL, NOW_DT, site=site, kind="list")["kind"] == "list"
    with pytest.raises(ValueError, match="not on tengrinews"):
        extract_page(html, "https://example.com/a/", NOW_DT, site=site)
    with pytest.raises(ValueError, match="http"):
        extract_page(html, "file:///tmp/a.html", NOW_DT)


def test_without_layouts_keeps_the_rest_of_the_site():
    site = get_site("tengrinews")
    bare = without_layouts(site)
    assert bare.article_layouts == () and bare.list_layouts == ()
    assert bare.article_path == site.article_path and bare.boilerplate == site.boilerplate
    assert bare.hosts == site.hosts


def test_generic_site_owns_the_page_host_and_any_path_but_the_home_page():
    site = generic_site("https://www.example.com/news/some-story-123/", "en")
    assert site.edition_for_url("https://example.com/x/").lang == "en"
    assert site.is_article_url("https://example.com/world/2019/a-story")
    assert not site.is_article_url("https://example.com/")
    assert not site.is_article_url("https://other.org/a-story")


def _one_line_without_traceback(done: subprocess.CompletedProcess, code: int, *parts: str) -> None:
    assert done.returncode == code, done.stderr
    assert done.stdout == "" and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    for part in parts:
        assert part in done.stderr, done.stderr


def test_bad_arguments_give_one_line_and_exit_2(tmp_path):
    _one_line_without_traceback(run_extract("--site", "tengrinews", "--url", LIST_URL, str(tmp_path / "gone.html")),
                                2, "gone.html", "no such file")
    _one_line_without_traceback(run_extract("--site", "nosuch", "--url", LIST_URL, str(LIST)),
                                2, "--site 'nosuch'", "tengrinews")
    done = subprocess.run([sys.executable, "-m", "kznews", "extract", "--now", "yesterday", "--site", "tengrinews",
                           "--url", LIST_URL, str(LIST)], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)
    _one_line_without_traceback(done, 2, "--now 'yesterday'", "ISO 8601")
    _one_line_without_traceback(run_extract("--site", "tengrinews", "--url", "https://example.com/x", str(LIST)),
                                2, "not on tengrinews")
    _one_line_without_traceback(run_extract("--batch", str(tmp_path / "gone.tsv")), 2, "--batch", "no such file")
    _one_line_without_traceback(run_extract("--kind", "neither", "--url", LIST_URL, str(LIST)), 2, "--kind")
    _one_line_without_traceback(run_extract("--encoding", "klingon", "--url", LIST_URL, str(LIST)), 2,
                                "--encoding 'klingon'")


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty"),
    (b" \n\t\n", "empty"),
    (gzip.compress(b"<html><body><p>text</p></body></html>"), "gzip"),
    (bytes(range(256)) * 4, "binary"),
])
def test_a_file_that_is_not_an_html_page_is_said_to_be_one_and_exits_1(tmp_path, content, reason):
    page = tmp_path / "page.html"
    page.write_bytes(content)
    _one_line_without_traceback(run_extract("--site", "tengrinews", "--url", ARTICLE_URL, str(page)),
                                1, "not an HTML page", reason)


def test_batch_line_with_a_file_that_is_not_an_html_page_fails_that_line(tmp_path):
    (tmp_path / "z.html").write_bytes(gzip.compress(b"<html></html>"))
    shutil.copy(ARTICLE, tmp_path / "a.html")
    (tmp_path / "pages.tsv").write_text(f"{ARTICLE_URL}\tz.html\n{ARTICLE_URL}\ta.html\n")
    done = run_extract("--site", "tengrinews", "--batch", str(tmp_path / "pages.tsv"))
    assert done.returncode == 1
    first, second = (json.loads(line) for line in done.stdout.splitlines())
    assert "not an HTML page" in first["error"] and "gzip" in first["error"]
    assert second["kind"] == "article"
