"""PLOVER event type and dyads on the PLOVER gold-standard dev records."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.errors import EvalError
from kg.evaluate.plover import (
    actor_codes,
    confusion_table,
    format_plover_report,
    gold_codes,
    main_event,
    markup,
    read_records,
    score_plover,
    score_record,
    summarise,
)
from kg.read import make_article
from kg.records import Event, Evidence, Extraction, Role
from kg.resources import eval_split

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


@pytest.mark.parametrize("info, text", [
    ({"markup": "{SRC/TAR Hungary and Romania} {EVT agreed}"}, "{SRC/TAR Hungary and Romania} {EVT agreed}"),
    ("{SRC/TAR Hungary and Romania} {EVT agreed}", "{SRC/TAR Hungary and Romania} {EVT agreed}"),  # upstream allows a plain string
    (None, ""),
])
def test_markup_is_an_object_or_a_string(info, text):
    assert markup({"textInfo": info}) == text


RECORD = {"id": "PLOVER-TEST-0001", "event": "THREATEN", "text": TEXT, "source": {"actorText": "Serbian", "code": "SRB"},
          "target": [{"actorText": "Albania", "code": "ALB"}, {"actorText": "UN", "code": "IGO"}]}


def test_a_record_scores_1_when_type_and_dyad_are_right_and_0_when_not():
    valid = {"SRB", "ALB"}
    right = score_record(RECORD, EXTRACTION, valid)
    assert right["predicted"] == "THREATEN" and right["gold_dyad"] == right["dyad"] == {"source": ["SRB"], "target": ["ALB"]}
    assert right["dropped"] == ["IGO"]
    wrong = score_record({**RECORD, "event": "AGREE", "source": {"code": "ALB"}, "target": {"code": "SRB"}}, EXTRACTION, valid)
    one, zero = summarise([right]), summarise([wrong])
    assert one["accuracy"] == 1.0 and one["dyad"]["f1"] == 1.0 and one["type_and_dyad_exact"] == 1.0
    assert zero["accuracy"] == 0.0 and zero["dyad"]["f1"] == 0.0 and zero["macro_f1"] == 0.0
    reciprocal = score_record({**RECORD, "textInfo": "{SRC/TAR Serbia and Albania} {EVT threatened}"}, EXTRACTION, valid)
    assert reciprocal["reciprocal"] and reciprocal["dyad"]["source"] == reciprocal["dyad"]["target"] == ["ALB", "SRB"]
    assert "rows" in summarise([right], details=True) and "confusion" not in one


def test_a_missing_file_is_e010(tmp_path):
    with pytest.raises(EvalError) as exc:
        read_records(tmp_path / "plover_dev.json")
    assert exc.value.code == "E010" and "plover_dev.json" in str(exc.value)


@pytest.fixture(scope="module")
def plover(eval_dir):
    result = score_plover(eval_dir / "plover_gsr" / "plover_dev.json")
    print(format_plover_report(result))
    return result


@pytest.mark.slow
def test_plover_runs_over_every_dev_record(plover):
    every = plover["all"]
    assert every["records"] == 164 == plover["tune"]["records"] + plover["check"]["records"]
    assert 0.0 <= every["accuracy"] <= 1.0 and 0.0 <= every["macro_f1"] <= 1.0
    assert sum(plover["tune"]["confusion"].values()) == plover["tune"]["records"]
    assert len(plover["tune"]["per_type"]) == 18
    report = format_plover_report(plover, details=True)
    assert "confusion" in report and "tune" in report and "check" in report


@pytest.mark.slow
def test_check_is_reported_as_aggregate_scores_only(plover):
    """The house rule: check items are never printed one by one, nor written to the JSON."""
    for key in ("rows", "confusion", "per_type"):
        assert key in plover["tune"] and key not in plover["check"] and key not in plover["all"]
    check_ids = [i for i, h in eval_split()["plover"].items() if h == "check"]
    for half in (None, "check", "all"):
        text = format_plover_report(plover, details=True, half=half)
        assert not any(i in text for i in check_ids)


@pytest.mark.slow
def test_plover_type_accuracy(plover):
    """The issue asks >= 0.75; measured 0.823 on the dev records (2026-11-27), 0.829 (tune 0.829, check 0.829) 2026-11-30,
    0.835 (tune 0.842, check 0.829) after that session's event typing, 0.842 (tune 0.854, check 0.829) 2026-12-01,
    0.860 (tune 0.866, check 0.854; macro-F1 0.840) after the no-event fallback, later that day."""
    assert plover["all"]["accuracy"] >= 0.83
    assert plover["all"]["macro_f1"] >= 0.80


@pytest.mark.slow
def test_plover_dyads(plover):
    """Dyad F1 (ISO3 sets) measured 0.691 (tune 0.691, check 0.690) before kg.extract.dyads, 0.783 (tune 0.806, check
    0.761) 2026-12-01, 0.794 (tune 0.818, check 0.771) later that day; target recall 0.475 -> 0.624."""
    assert plover["all"]["dyad"]["f1"] >= 0.76
    assert plover["all"]["target"]["recall"] >= 0.58


def test_the_host_of_a_visit_is_its_target_and_the_host_of_a_meeting_its_source():
    """CAMEO 042 'make a visit': the visited is the target; who hosts a meeting (043) acts, a source."""
    from dataclasses import replace

    visit = Event("event-visit", "Visit", "event-visit", Evidence(0, 4, TEXT, "test"), plover="CONSULT",
                  participants=(("participant", "person-vojislav-kostunica"), ("host", "state-Q222")))
    record = {**RECORD, "event": "CONSULT", "source": {"code": "SRB"}, "target": {"code": "ALB"}, "textInfo": ""}
    scored = score_record(record, replace(EXTRACTION, events=(visit,)), {"SRB", "ALB"})
    assert scored["dyad"] == {"source": ["SRB"], "target": ["ALB"]}
    hosted = score_record(record, replace(EXTRACTION, events=(replace(visit, kind="Meeting"),)), {"SRB", "ALB"})
    assert hosted["dyad"] == {"source": ["ALB", "SRB"], "target": []}
