"""The fixed tune/check split of the dev evaluation data, and scores reported per half."""
from __future__ import annotations

import importlib.util
import json
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from kg.errors import EvalError
from kg.evaluate.split import by_half, gaps, half_of, side_by_side
from kg.resources import eval_split, jsonl

from ..conftest import ROOT

HELD_OUT_LIKE = ("2007-12-20-indonesia-", "2015-05-18-over-900-", "2015-08-02-local-", "2015-08-21-north-korea-",
                 "2017-07-21-after-visa-", "2023-02-23-")


@pytest.fixture(scope="module")
def make_split():
    spec = importlib.util.spec_from_file_location("make_split", ROOT / "scripts" / "make_split.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rows():
    return jsonl("eval_split.jsonl")


def test_the_committed_split_is_what_the_script_writes(make_split, eval_dir, corpus_dir, rows):
    """Deterministic: the script, run again on the same data, writes exactly the committed rows."""
    assert make_split.rows(eval_dir, corpus_dir / "wikinews") == list(rows)


def test_assign_is_deterministic_balanced_and_honours_the_forced(make_split):
    strata = {"a": [f"u{i}" for i in range(7)], "b": [f"v{i}" for i in range(5)]}
    first = make_split.assign("r", strata, {"u3", "u5"})
    assert first == make_split.assign("r", {k: list(reversed(v)) for k, v in strata.items()}, {"u3", "u5"})
    assert first["u3"] == first["u5"] == "check"
    halves = Counter(first.values())
    assert abs(halves["tune"] - halves["check"]) <= 1 and sum(halves.values()) == 12
    assert make_split.assign("other seed text", strata, set()) != make_split.assign("r", strata, set())
    everything_forced = make_split.assign("r", {"a": ["x", "y", "z"]}, {"x", "y", "z"})
    assert set(everything_forced.values()) == {"check"}


def test_every_row_is_one_item_in_one_half(rows):
    assert {r["half"] for r in rows} == {"tune", "check"}
    assert len({(r["resource"], r["item"]) for r in rows}) == len(rows)
    assert all(r["source"] for r in rows)
    for resource, items in eval_split().items():
        halves = Counter(items.values())
        assert abs(halves["tune"] - halves["check"]) <= 1, resource


def _items(eval_dir, corpus_dir) -> dict[str, set[str]]:
    """Every dev item of every resource, read the way the benchmarks read them."""
    from kg.evaluate.petrarch import read_records as petrarch_records
    from kg.evaluate.plover import read_records as plover_records
    from kg.evaluate.redocred import read_documents

    meantime = {ET.parse(p).getroot().get("doc_name")
                for p in (eval_dir / "meantime_en" / "intra_cross-doc_annotation").glob("*/*.xml")}
    return {
        "wikinews": {p.name for p in (corpus_dir / "wikinews").glob("*.txt")},
        "gum": {p.stem for p in (eval_dir / "gum_news" / "dep").glob("GUM_news_*.conllu")},
        "meantime": meantime,
        "plover": {r["id"] for r in plover_records(eval_dir / "plover_gsr" / "plover_dev.json")},
        "redocred": {d["title"] for d in read_documents(eval_dir / "redocred_political" / "redocred_dev_political.json")},
        "petrarch": {r.id for r in petrarch_records(eval_dir / "petrarch2_unittest" / "PETR.UnitTest.records.xml")},
    }


def test_the_split_is_complete(eval_dir, corpus_dir):
    """Every item of every dev resource is in the split (in exactly one half), and nothing else is."""
    expected = _items(eval_dir, corpus_dir)
    split = eval_split()
    assert set(split) == set(expected)
    for resource, items in expected.items():
        assert set(split[resource]) == items, resource
    assert {k: len(v) for k, v in expected.items()} == {"wikinews": 82, "gum": 24, "meantime": 60, "plover": 164,
                                                         "redocred": 91, "petrarch": 284}


def test_date_and_event_rows_belong_to_split_documents(eval_dir):
    for name in ("dates_gold.jsonl", "meantime_events.jsonl", "gum_news_entities.jsonl"):
        with open(eval_dir / "flat" / name, encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                half_of("gum" if row["source"] == "gum_news" else "meantime", row["doc_id"])


def test_the_held_out_like_articles_are_in_check_with_their_documents(rows):
    named = [r for r in rows if r["resource"] == "wikinews" and r["item"].startswith(HELD_OUT_LIKE)]
    assert len(named) == 6 and {r["half"] for r in named} == {"check"}
    units = {r["item"] for r in named}
    linked = [r for r in rows if r["resource"] in {"gum", "meantime"} and r["unit"] in units]
    assert len(linked) == 6 and {r["half"] for r in linked} == {"check"}  # 5 GUM documents, 1 MEANTIME


def test_an_article_and_its_documents_share_a_half(rows):
    """The split is by document: a GUM or MEANTIME document is in the half of its Wikinews article."""
    article = {r["item"]: r["half"] for r in rows if r["resource"] == "wikinews"}
    for r in rows:
        if r["resource"] in {"gum", "meantime"} and r["unit"] in article:
            assert r["half"] == article[r["unit"]], r["id"]


def test_an_unknown_item_is_a_coded_error():
    with pytest.raises(EvalError) as exc:
        half_of("plover", "PLOVER-NOT-A-RECORD")
    assert exc.value.code == "E030" and "make_split" in str(exc.value)
    with pytest.raises(EvalError):
        half_of(None, "gum:GUM_news_nowhere")


def test_by_half_gives_tune_check_all_and_details_for_tune_only():
    split = eval_split()["plover"]
    tune = [i for i, h in split.items() if h == "tune"][:3]
    check = [i for i, h in split.items() if h == "check"][:2]
    units = {i: (1.0 if i in tune else 0.0) for i in tune + check}

    def summarise(values, details=False):
        out = {"rate": sum(values) / len(values) if values else 0.0}
        if details:
            out["rows"] = values
        return out

    result = by_half("plover", units, summarise)
    assert (result["tune"]["items"], result["check"]["items"], result["all"]["items"]) == (3, 2, 5)
    assert result["tune"]["rate"] == 1.0 and result["check"]["rate"] == 0.0 and result["all"]["rate"] == 0.6
    assert "rows" in result["tune"] and "rows" not in result["check"] and "rows" not in result["all"]
    assert result["gap"] == {"rate": -1.0}
    text = side_by_side(result, [("rate", "rate")])
    assert text.splitlines()[-1].split() == ["rate", "1.000", "0.000", "0.600", "-1.000", "!"]


def test_gaps_pair_the_rates_of_both_halves():
    assert gaps({"a": {"f1": 0.5}, "n": 3, "b": 0.25}, {"a": {"f1": 0.75}, "n": 9, "b": 0.25}) == {"a.f1": 0.25, "b": 0.0}


def test_no_held_out_like_article_is_bundled():
    """examples/ and notebooks/data hold tune articles only: what the demo shows must not be the held-out ones."""
    from tests.conftest import ROOT

    bundled = [p.name for folder in ("examples", "notebooks/data") for p in (ROOT / folder).rglob("*.txt")]
    assert bundled and not [n for n in bundled if n.startswith(HELD_OUT_LIKE)]
