"""Date normalisation and extraction against the public dev gold (GUM news, MEANTIME)."""
from __future__ import annotations

import pytest

from kg.evaluate.dates import combine, format_dates_report, score_dates, score_gum_extents

pytest.importorskip("dateparser")


@pytest.fixture(scope="module")
def halves(eval_dir):
    return combine(score_dates(eval_dir / "flat" / "dates_gold.jsonl"), score_gum_extents(eval_dir / "gum_news"))


@pytest.fixture(scope="module")
def normalisation(halves):
    return halves["all"]["normalisation"]


@pytest.fixture(scope="module")
def extraction(halves):
    return halves["all"]["extraction"]


def test_baseline_replicates_the_reference_scorer(normalisation):
    # README: dateparser 1.5.0 gets 198/251 (GUM points 124/149, ranges 0/12, MEANTIME 74/90)
    base = normalisation["dateparser"]
    assert (base["all"]["correct"], base["all"]["total"]) == (198, 251)
    assert (base["gum points"]["correct"], base["gum ranges"]["correct"], base["meantime"]["correct"]) == (124, 0, 74)


def test_normalisation_accuracy(normalisation):
    ours, base = normalisation["ours"]["all"], normalisation["dateparser"]["all"]
    assert ours["total"] == base["total"]
    assert ours["accuracy"] >= 0.92  # measured 0.956
    assert ours["correct"] > base["correct"]
    for source in ("gum points", "gum ranges", "meantime"):
        assert normalisation["ours"][source]["accuracy"] >= normalisation["dateparser"][source]["accuracy"]


def test_gum_extents(extraction):
    assert extraction["documents"] == 24
    assert extraction["relaxed"]["f1"] >= 0.88  # measured 0.920
    assert extraction["strict"]["f1"] >= 0.83  # measured 0.891
    assert extraction["value"]["f1"] >= 0.85  # measured 0.896


def test_report_names_both_measures(halves):
    text = format_dates_report(halves, half="all")
    assert "dateparser" in text and "relaxed" in text and "198/251" in text


def test_halves_add_up_and_misses_are_for_tune_only(halves):
    tune, check = halves["tune"]["normalisation"]["ours"]["all"], halves["check"]["normalisation"]["ours"]["all"]
    assert tune["total"] + check["total"] == 251
    assert halves["tune"]["extraction"]["documents"] == halves["check"]["extraction"]["documents"] == 12
    assert "misses" in halves["tune"]["normalisation"] and "misses" not in halves["check"]["normalisation"]
    assert "missed" in halves["tune"]["extraction"] and "missed" not in halves["all"]["extraction"]
    assert "our misses" in format_dates_report(halves, details=True)
    for half in ("check", "all"):
        text = format_dates_report(halves, details=True, half=half)
        assert "our misses" not in text and "spurious (" not in text
    assert "gap" in format_dates_report(halves)
