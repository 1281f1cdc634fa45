"""The page constructors (tests/tools/construct_<site>.py) and the constructed fixtures cannot drift apart: each
site's constructor is run in memory and what it builds must be, byte for byte, what is committed under
tests/fixtures/sites/<site>/; every constructed page must say at its top that it is constructed, and by which tool;
and no file in the site's directory may be left over from an older constructor."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from tests.tools.pagebuilder import SITES_DIR, check_citations

TOOLS = Path(__file__).parent / "tools"
CONSTRUCTED = sorted(path.stem.removeprefix("construct_") for path in TOOLS.glob("construct_*.py"))


def _build(site: str) -> tuple[object, dict[str, str]]:
    module = importlib.import_module(f"tests.tools.construct_{site}")
    return module, module.build()


def test_every_fixture_site_has_a_constructor():
    """tests/fixtures/sites/<site>/ holds constructed pages only (real ones live in tests/fixtures/real/)."""
    sites = sorted(path.parent.name for path in SITES_DIR.glob("*/cases.json"))
    assert sites == CONSTRUCTED


@pytest.mark.parametrize("site", CONSTRUCTED)
def test_constructor_rebuilds_the_committed_fixtures(site):
    module, files = _build(site)
    assert files, f"construct_{site}.build() made no files"
    assert module.PAGES.differences(files) == [], (
        f"run: python tests/tools/construct_{site}.py  (and review the diff of tests/fixtures/sites/{site})"
    )


@pytest.mark.parametrize("site", CONSTRUCTED)
def test_constructed_pages_say_so_at_their_top(site):
    _, files = _build(site)
    marker = f"<!-- CONSTRUCTED fixture (tests/tools/construct_{site}.py): "
    for name, text in files.items():
        if name.endswith(".json"):  # JSON cannot carry a comment; cases.json's "about" says what was constructed
            continue
        assert marker in "\n".join(text.split("\n", 2)[:2]), f"{site}/{name} does not say at its top it is constructed"


@pytest.mark.parametrize("site", CONSTRUCTED)
def test_no_stale_constructed_files(site):
    _, files = _build(site)
    committed = {
        path.name
        for path in (SITES_DIR / site).iterdir()
        if not path.name.endswith(".expected.json") and path.name != "cases.json"
    }
    assert committed - set(files) == set(), f"files in tests/fixtures/sites/{site} that construct_{site}.py no longer makes"


@pytest.mark.parametrize("site", CONSTRUCTED)
def test_cases_json_cites_evidence_in_the_repository(site):
    about = json.loads((SITES_DIR / site / "cases.json").read_text(encoding="utf-8"))["about"]
    check_citations(about)  # raises on ../shared/..., bare 'SITES.md' or a row or section that does not exist


@pytest.mark.parametrize("site", CONSTRUCTED)
def test_cases_json_lists_only_pages_the_constructor_makes(site):
    _, files = _build(site)
    spec = json.loads((SITES_DIR / site / "cases.json").read_text(encoding="utf-8"))
    listed = {entry["page"] for entry in [*spec["cases"], *spec.get("resources", [])]}
    constructed = {page for page in listed if "/" not in page}  # real pages are cited as ../../real/<site>/...
    assert constructed - set(files) == set(), f"cases.json of {site} lists pages construct_{site}.py does not make"
