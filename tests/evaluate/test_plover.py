"""PLOVER event type and dyads on the PLOVER gold-standard dev records."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.evaluate.plover import actor_codes, confusion_table, format_plover_report, gold_codes, main_event, score_plover
from kg.read import make_article
from kg.records import Event, Evidence, Extraction, Role

TEXT = "Serbian President Vojislav Kostunica said he would meet Kosovo leaders, then threatened Albania."


def _event(key: str, start: int, plover: str, *participants: tuple[str, str]) -> Event:
    return Event(key, "Event", key, Evidence(start, start + 4, TEXT, "test"), participants=participants, plover=plover)


EXTRACTION = Extraction(
    make_article(dt.date(2000, 1, 1), TEXT),
    roles=(Role("person-vojislav-kostunica", "President", "state-Q403", dt.date(2000, 1, 1), Evidence(0, 7, TEXT, "test")),),
    events=(_event("event-threat", 77, "THREATEN", ("speaker", "person-vojislav-kostunica"), ("target", "state-Q222")),
            _event("event-said", 37, ""),
            _event("event-meet", 50, "CONSULT", ("participant", "person-vojislav-kostunica"), ("participant", "org-kosovo-leaders"))),
)


def test_the_main_event_is_the_first_with_a_plover_type():
    """typed_events lists the main clause first; a plain statement has no PLOVER type and is passed over."""
    assert main_event(EXTRACTION).key == "event-threat"
    assert main_event(Extraction(EXTRACTION.article, events=EXTRACTION.events[1:])).key == "event-meet"
    assert main_event(Extraction(EXTRACTION.article, events=EXTRACTION.events[1:2])) is None


@pytest.mark.parametrize("keys, codes", [
    ({"state-Q403"}, {"SRB"}),
    ({"person-vojislav-kostunica"}, {"SRB"}),  # through the role the article gives him
    ({"place-Q3711"}, {"SRB"}),  # Belgrade, through its state
    ({"org-kosovo-leaders", "person-nobody"}, set()),
])
def test_actors_map_to_iso3(keys, codes):
    assert actor_codes(EXTRACTION, keys) == codes


@pytest.mark.parametrize("value, codes", [
    ([{"actorText": "Hungarian", "code": "HUN"}, {"actorText": "Romanian", "code": "ROU"}], ["HUN", "ROU"]),
    ({"actorText": "Libya", "code": "LBY"}, ["LBY"]),
    ("", []),
    (None, []),
])
def test_gold_codes(value, codes):
    assert gold_codes(value) == codes


def test_confusion_table_rows_are_gold_and_columns_predicted():
    table = confusion_table({"confusion": {"AGREE|AGREE": 3, "AGREE|-": 1, "REJECT|AGREE": 2}})
    head, agree, reject = table.splitlines()
    assert head.split() == ["AGREE", "-"]
    assert agree.split() == ["AGREE", "3", "1"] and reject.split() == ["REJECT", "2", "."]


@pytest.fixture(scope="module")
def plover(eval_dir):
    result = score_plover(eval_dir / "plover_gsr" / "plover_dev.json")
    print(format_plover_report(result))
    return result


@pytest.mark.slow
def test_plover_runs_over_every_dev_record(plover):
    assert plover["records"] == 164
    assert 0.0 <= plover["accuracy"] <= 1.0 and 0.0 <= plover["macro_f1"] <= 1.0
    assert sum(plover["confusion"].values()) == 164
    assert len(plover["per_type"]) == 18
    assert "confusion" in format_plover_report(plover)


@pytest.mark.slow
def test_plover_type_accuracy(plover):
    """The issue asks >= 0.75; measured 0.823 on the dev records (2026-11-27)."""
    assert plover["accuracy"] >= 0.78
    assert plover["macro_f1"] >= 0.75
