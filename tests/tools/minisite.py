"""Each site's mini-site: the fixture pages of tests/fixtures/sites/<site>/cases.json at their real URLs, with the
time each was captured. The end-to-end tests serve it from a local server; the demo WARC is recorded from it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tests.tools.site_server import Resource, SiteServer

SITES_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "sites"


@dataclass
class Page:
    url: str
    path: Path
    content_type: str
    fetched_at: datetime


def content_type(path: Path) -> str:
    if path.suffix == ".rss":
        return "application/rss+xml; charset=utf-8"
    if path.suffix == ".xml":
        return "application/xml; charset=utf-8"
    if path.suffix == ".json":
        return "application/json; charset=utf-8"
    return "text/html; charset=utf-8"


def _spec(site: str) -> dict:
    return json.loads((SITES_DIR / site / "cases.json").read_text(encoding="utf-8"))


def sites() -> list[str]:
    return sorted(p.parent.name for p in SITES_DIR.glob("*/cases.json"))


def pages(site: str) -> list[Page]:
    spec = _spec(site)
    found = []
    for entry in [*spec["cases"], *spec.get("resources", [])]:
        if entry.get("serve", True) is False:
            continue
        path = (SITES_DIR / site / entry["page"]).resolve()
        found.append(Page(entry["url"], path, content_type(path), datetime.fromisoformat(entry["fetched_at"])))
    return found


def expected_articles(site: str) -> dict[str, dict]:
    """Canonical URL -> expected article JSON, for the articles of the mini-site."""
    spec = _spec(site)
    articles = {}
    for case in spec["cases"]:
        if case["kind"] != "article" or case.get("serve", True) is False:
            continue
        expected_path = SITES_DIR / site / (Path(case["page"]).name + ".expected.json")
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        articles[expected["url"]] = expected
    return articles


def server(*site_names: str) -> SiteServer:
    local = SiteServer()
    for site in site_names or sites():
        for page in pages(site):
            local.add(page.url, Resource(page.path.read_bytes(), page.content_type))
    return local
