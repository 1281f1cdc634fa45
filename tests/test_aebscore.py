"""The benchmark's body scoring (tests/aebscore.py) against cases computed by hand."""

import pytest

from tests.aebscore import aeb_pages, aggregate, page_counts, page_f1, shingles


def test_shingles_are_runs_of_four_word_tokens_case_kept():
    assert shingles("a, b. c! d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("don't") == {("don", "t"): 1}  # fewer than four tokens: one shorter shingle
    assert shingles("") == {} and shingles(None) == {}
    assert shingles("x x x x x") == {("x", "x", "x", "x"): 2}  # a multiset
    assert shingles("Казахстан и Астана, 2024 год") == {
        ("Казахстан", "и", "Астана", "2024"): 1, ("и", "Астана", "2024", "год"): 1
    }


def test_identical_texts():
    assert page_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    assert aggregate([page_counts("a b c d e", "a b c d e")]) == {"f1": 1.0, "precision": 1.0, "recall": 1.0, "pages": 1}


def test_one_word_changed_at_the_end():
    # true {abcd, bcde}, predicted {abcd, bcdx}: tp 1, fp 1, fn 1, normalised to thirds
    counts = page_counts("a b c d e", "a b c d x")
    assert counts == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert aggregate([counts])["precision"] == pytest.approx(0.5)
    assert aggregate([counts])["recall"] == pytest.approx(0.5)


def test_multisets_count_repeats():
    # true has (x,x,x,x) twice, the prediction once: all it says is right, half is missing
    result = aggregate([page_counts("x x x x x", "x x x x")])
    assert result["precision"] == 1.0
    assert result["recall"] == pytest.approx(0.5)


def test_case_is_kept():
    assert page_f1("A b c d", "a b c d") == 0.0


def test_empty_prediction_is_left_out_of_precision_and_counts_recall_zero():
    pages = [page_counts("a b c d e", "a b c d x"), page_counts("a b c d", "")]
    result = aggregate(pages)
    assert result["precision"] == pytest.approx(0.5)  # the mean of [0.5]: the empty page is left out
    assert result["recall"] == pytest.approx(0.25)  # the mean of [0.5, 0]
    assert result["f1"] == pytest.approx(2 * 0.5 * 0.25 / 0.75)  # F1 of the means, not a mean of F1s


def test_f1_comes_from_the_means_not_from_per_page_f1():
    # page 1: P 1, R 0.5; page 2: P 0.5, R 1. Per-page F1 would be 2/3 each; F1 of the means is 0.75.
    pages = [page_counts("x x x x x", "x x x x"), page_counts("x x x x", "x x x x x")]
    result = aggregate(pages)
    assert result["precision"] == pytest.approx(0.75)
    assert result["recall"] == pytest.approx(0.75)
    assert result["f1"] == pytest.approx(0.75)


def test_nothing_to_find_and_nothing_found_counts_for_neither_mean():
    assert page_counts("", "") == (0.0, 0.0, 0.0)
    result = aggregate([page_counts("", ""), page_counts("a b c d", "a b c d")])
    assert result["precision"] == 1.0 and result["recall"] == 1.0


def test_development_set_and_its_halves():
    pages = aeb_pages()
    assert len(pages) == 88
    assert all(p.expected and p.path.exists() for p in pages)
    halves = {p.half for p in pages}
    assert halves == {"dev", "check"}
    # a site's pages are never split between the halves
    by_host: dict[str, set[str]] = {}
    for page in pages:
        by_host.setdefault(page.host, set()).add(page.half)
    assert all(len(h) == 1 for h in by_host.values())
    assert abs(sum(p.half == "dev" for p in pages) - 44) <= 2
