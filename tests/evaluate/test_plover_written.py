"""The team-written PLOVER sentences (tests/data/plover_written/) keep their type accuracy: a floor per batch."""
from __future__ import annotations

from pathlib import Path

import pytest

DIR = Path(__file__).resolve().parent.parent / "data" / "plover_written"
FLOORS = {"batch1.jsonl": 0.87, "batch2.jsonl": 0.90, "batch3.jsonl": 0.82, "batch4.jsonl": 0.85}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_written_type_accuracy(name):
    from kg.evaluate.plover import score_written

    result = score_written(DIR / name)
    wrong = [(r["id"], r["gold"], r["predicted"]) for r in result["rows"]
             if (r["predicted"] or "-") != r["gold"]]
    assert result["accuracy"] >= FLOORS[name], f"{name}: type accuracy {result['accuracy']}; wrong {wrong}"


def test_every_batch_has_a_floor():
    assert sorted(p.name for p in DIR.glob("*.jsonl")) == sorted(FLOORS)
