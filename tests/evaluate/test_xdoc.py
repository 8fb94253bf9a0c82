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
    assert every["named entities"]["newskg"]["f1"] >= 0.55  # 0.616 when measured
    assert every["entities"]["string"]["precision"] > every["entities"]["string"]["recall"]
    assert "check" in result and "skipped" not in result["check"]
