"""Every fixture page of every site parses to its expected JSON (see tests/fixturecases.py)."""

import json

import pytest

from tests.fixturecases import all_cases, run_case

CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_fixture_page_parses_to_expected(case):
    assert case.page.exists(), f"missing page {case.page}"
    assert case.expected_path.exists(), f"no expected JSON: run tests/tools/make_expected.py and review {case.expected_path}"
    expected = json.loads(case.expected_path.read_text(encoding="utf-8"))
    assert run_case(case) == expected


def test_every_site_has_lists_and_articles():
    kinds: dict[str, set[str]] = {}
    for case in CASES:
        kinds.setdefault(case.site, set()).add(case.kind)
    assert kinds, "no fixture cases found"
    for site, found in kinds.items():
        assert {"list", "article"} <= found, f"{site} lacks list or article fixtures"


def test_docs_sites_table_is_generated_from_the_registry():
    from pathlib import Path

    from kznews.cli.sites import sites_table

    table = Path(__file__).resolve().parents[1] / "docs" / "sites.md"
    assert table.read_text(encoding="utf-8").rstrip() == sites_table().rstrip(), "run `make docs` after changing kznews/sites/"
