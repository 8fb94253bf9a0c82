"""Cross-document identity on MEANTIME dev: pairwise scoring, gold mentions, and the floors held."""
from __future__ import annotations

import pytest

from kg.evaluate.xdoc import _assign, format_xdoc_report, pairwise, score_xdoc


@pytest.mark.parametrize(("mentions", "f1"), [
    ([("a", "x"), ("a", "x"), ("b", "y"), ("b", "y")], 1.0),   # the gold clusters exactly
    ([("a", "x"), ("a", "y"), ("b", "z"), ("b", "w")], 0.0),   # nothing joined
    ([("a", "x"), ("b", "x"), ("c", "x")], 0.0),               # everything joined, nothing is the same
])
def test_pairwise_scores_the_extremes(mentions, f1):
    assert pairwise(mentions)["f1"] == f1


def test_a_gold_mention_takes_the_key_it_overlaps_most_or_its_own():
    gold = [{"start": 0, "end": 10}, {"start": 20, "end": 25}, {"start": 40, "end": 45}]
    spans = [(0, 4, "k1"), (2, 10, "k2"), (22, 30, "k3")]
    assert _assign(gold, spans, "doc") == ["k2", "k3", "doc#2"]


@pytest.mark.slow
def test_xdoc_runs_and_holds_its_floors(eval_dir, corpus_dir):
    result = score_xdoc(eval_dir / "meantime_en", corpus_dir / "wikinews")
    print(format_xdoc_report(result))
    every = result["all"]
    assert every["documents"] == 58 and every["events"]["mentions"] == 1258
    assert every["named entities"]["newskg"]["f1"] >= 0.83  # 0.881 when measured (the goal: 0.80)
    assert every["entities"]["string"]["precision"] > every["entities"]["string"]["recall"]
    assert "check" in result and "skipped" not in result["check"]


def test_of_spans_overlapping_a_gold_mention_equally_the_tightest_takes_it():
    """A maker inside its model's mention ("Boeing's 747" holding 'Boeing'): gold 'Boeing' is the maker's."""
    gold = [{"start": 0, "end": 6}, {"start": 0, "end": 12}]
    for spans in ([(0, 12, "model"), (0, 6, "maker")], [(0, 6, "maker"), (0, 12, "model")]):
        assert _assign(gold, spans, "doc") == ["maker", "model"]
