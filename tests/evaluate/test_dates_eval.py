"""Date normalisation and extraction against the public dev gold (GUM news, MEANTIME)."""
from __future__ import annotations

import pytest

from kg.evaluate.dates import format_dates_report, score_dates, score_gum_extents

pytest.importorskip("dateparser")


@pytest.fixture(scope="module")
def normalisation(eval_dir):
    return score_dates(eval_dir / "flat" / "dates_gold.jsonl")


@pytest.fixture(scope="module")
def extraction(eval_dir):
    return score_gum_extents(eval_dir / "gum_news")


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


def test_report_names_both_measures(normalisation, extraction):
    text = format_dates_report({"normalisation": normalisation, "extraction": extraction})
    assert "dateparser" in text and "relaxed" in text and "198/251" in text
