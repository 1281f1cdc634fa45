"""The Playwright path with the real browser (Debian's Chromium): lists that only render in JavaScript are
crawled, pages are closed, and browser contexts are recycled."""

import json
import shutil

import pytest

from tests.conftest import run_spider
from tests.tools import jsdemo_site
from tests.tools.site_server import Resource, SiteServer

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_js_rendered_lists_are_crawled_with_chromium(tmp_path, mongo_uri, mongo_db):
    assert shutil.which("chromium"), "Debian's chromium is installed by `make setup`"
    server = SiteServer({})
    for url, html in jsdemo_site.pages().items():
        server.add(url, Resource(html.encode("utf-8")))
    with server:
        stats = run_spider(
            "jsdemo",
            tmp_path=tmp_path,
            env={
                "KZNEWS_HOST_MAP": json.dumps(server.host_map),
                "MONGO_URI": mongo_uri,
                "MONGO_DATABASE": mongo_db.name,
            },
            settings={
                "SPIDER_MODULES": "kznews.spiders,tests.tools.jsdemo_site",
                "KZNEWS_BROWSER_PAGES_PER_CONTEXT": "1",
                "KZNEWS_BROWSER_WAIT_MS": "150",
            },
        )
        hits = dict(server.hits)
    titles = sorted(doc["title"] for doc in mongo_db.articles.find())
    # 1-2 are in the HTML; 3-5 appear only after clicks; 6 only after scrolling
    assert titles == [f"Новость номер {n}" for n in range(1, 7)], stats["_log"]
    assert stats["kznews/browser/pages"] == 2
    assert stats.get("kznews/browser/contexts_recycled", 0) >= 1
    assert stats["playwright/page_count/closed"] == stats["playwright/page_count"] == 2  # every page closed
    # articles come over plain HTTP (each once); the lists through the browser
    assert all(hits[f"js.example.kz/news/{n}-novost/"] == 1 for n in range(1, 7)), hits


def test_pages_cannot_make_the_browser_reach_private_addresses():
    from types import SimpleNamespace

    from kznews.browser import abort_predicate

    abort = abort_predicate(allow_private=False, allowed_origins=("http://127.0.0.1:8123",))

    def request(url, kind="script"):
        return SimpleNamespace(url=url, resource_type=kind)

    assert abort(request("http://169.254.169.254/latest/meta-data/"))
    assert abort(request("http://10.0.0.5/admin"))
    assert abort(request("http://localhost:6379/"))
    assert abort(request("file:///etc/passwd"))
    assert abort(request("https://www.nur.kz/photo.jpg", kind="image"))  # heavy resources are never fetched
    assert not abort(request("http://127.0.0.1:8123/www.nur.kz/static/app.js"))  # the mapped test server
    assert not abort(request("https://www.nur.kz/api/latest?page=2", kind="fetch"))
    assert not abort(request("data:text/javascript,1"))
