"""The team-written date expressions (tests/data/dates_written/) keep their normalisation accuracy: a floor per batch."""
from __future__ import annotations

from pathlib import Path

import pytest

DIR = Path(__file__).resolve().parent.parent / "data" / "dates_written"
FLOORS = {"batch1.jsonl": 0.95, "batch2.jsonl": 0.96, "batch3.jsonl": 0.93,
          "batch4.jsonl": 0.94, "batch5.jsonl": 0.94, "batch6.jsonl": 0.95}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_written_date_accuracy(name):
    pytest.importorskip("dateparser")
    from kg.evaluate.dates import score_written

    result = score_written(DIR / name)
    wrong = [(r["id"], r["text"], r["gold"], r["predicted"]) for r in result["rows"] if not r["ok"]]
    assert result["ours"]["accuracy"] >= FLOORS[name], f"{name}: accuracy {result['ours']['accuracy']}; wrong {wrong}"


def test_every_batch_has_a_floor():
    assert sorted(p.name for p in DIR.glob("*.jsonl")) == sorted(FLOORS)
