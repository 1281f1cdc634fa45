"""Fixture cases in the fundus style: for every site, tests/fixtures/sites/<site>/cases.json lists pages (with the
URL and fetch time they were captured at) and each page has an expected JSON beside it (<page>.expected.json).
One generic test (tests/test_fixtures.py) checks every case; tests/tools/make_expected.py writes the expected
files for review when a case is added."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kznews.exporters import IsoJSONEncoder
from kznews.extract import extract_article, extract_json_list, extract_list, parse_feed, parse_sitemap
from kznews.sites import get_site

SITES_DIR = Path(__file__).parent / "fixtures" / "sites"

ARTICLE_FIELDS = (
    "url", "title", "summary", "body", "authors", "section", "tags", "images",
    "published_at", "modified_at", "published_at_text", "layout",
)


@dataclass
class Case:
    site: str
    page: Path
    kind: str
    url: str
    fetched_at: datetime

    @property
    def id(self) -> str:
        return f"{self.site}/{self.page.name}"

    @property
    def expected_path(self) -> Path:
        return SITES_DIR / self.site / (self.page.name + ".expected.json")


def all_cases() -> list[Case]:
    cases = []
    for index in sorted(SITES_DIR.glob("*/cases.json")):
        spec = json.loads(index.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            cases.append(
                Case(
                    site=spec["site"],
                    page=(index.parent / case["page"]).resolve(),
                    kind=case["kind"],
                    url=case["url"],
                    fetched_at=datetime.fromisoformat(case["fetched_at"]),
                )
            )
    return cases


def run_case(case: Case) -> dict:
    """What the extractors make of the case's page, as plain JSON data."""
    site = get_site(case.site)
    edition = site.edition_for_url(case.url)
    raw = case.page.read_bytes()
    if case.kind == "article":
        data = extract_article(raw.decode("utf-8"), case.url, site, edition.lang, case.fetched_at)
        result = {name: getattr(data, name) for name in ARTICLE_FIELDS}
    elif case.kind == "list":
        page = extract_list(raw.decode("utf-8"), case.url, site, edition.lang, case.fetched_at)
        result = {
            "layouts": page.layouts,
            "entries": [
                {"url": e.url, "title": e.title, "published_at": e.published_at, "published_day": e.published_day}
                for e in page.entries
            ],
            "next": page.next,
        }
    elif case.kind == "json_list":  # a page of a JSON "load more" endpoint, read by the site's hook
        page = extract_json_list(raw.decode("utf-8"), case.url, site, edition.lang, case.fetched_at)
        result = {
            "entries": [
                {"url": e.url, "title": e.title, "published_at": e.published_at, "published_day": e.published_day}
                for e in page.entries
            ],
        }
    elif case.kind == "feed":
        entries = parse_feed(raw, edition.lang, case.fetched_at)
        result = {"entries": [{"url": e.url, "title": e.title, "published_at": e.published_at} for e in entries]}
    elif case.kind == "sitemap":
        sitemap = parse_sitemap(raw, edition.lang, case.fetched_at, site.fix_sitemap_loc)
        result = {
            "kind": sitemap.kind,
            "entries": [{"url": e.url, "title": e.title, "published_at": e.published_at} for e in sitemap.entries],
        }
    else:
        raise ValueError(f"unknown case kind {case.kind!r}")
    return json.loads(json.dumps(result, cls=IsoJSONEncoder, ensure_ascii=False))
