"""The gold scorer (gold/README.md) on hand-built graphs, and the seed article's acceptance scores."""
from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

from kg.errors import EvalError
from kg.evaluate.gold import SECTIONS, fold_name, fold_quote, format_report, load_gold, period, score, to_json, validate
from kg.rdf import to_dataset
from kg.read import make_article
from kg.records import Entity, Event, Evidence, Extraction, Mention, Relation, Role, TimeValue
from tests.conftest import DATA, ROOT

SEED = ROOT / "examples" / "2020-07-16-serbia-kosovo-brussels-talks.txt"
SEED_GOLD = DATA / "gold" / "2020-07-16-serbia-kosovo-brussels-talks.json"
DAY = dt.date(2020, 7, 16)
TEXT = "Vucic and Hoti met in Brussels. Borrell said it was a \u201cconstructive\n discussion\u201d."
EV = Evidence(0, 5, "Vucic and Hoti met in Brussels.", "test")

# ---------------------------------------------------------------- hand-built systems


def entity(key: str, type_: str, label: str, *aliases: str) -> Entity:
    mention = Mention(0, 5, label, type_, "test", key, sentence=EV.sentence)
    return Entity(key, type_, label, aliases, mentions=(mention,))


def time(value: str) -> TimeValue:
    first, last = period(value)
    return TimeValue(value, "range" if "/" in value else "day", first, last)


def event(key: str, kind: str, *participants: str, date: str | None = None, roles: tuple = (), quote: str = "") -> Event:
    parts = tuple(("participant", p) for p in participants) + tuple(roles)
    return Event(key, kind, kind, EV, participants=parts, time=time(date) if date else None, quote=quote)


PEOPLE = (
    entity("person-aleksandar-vucic", "Person", "Aleksandar Vu\u010di\u0107", "Vu\u010di\u0107"),
    entity("person-avdullah-hoti", "Person", "Avdullah Hoti", "Hoti"),
    entity("person-josep-borrell", "Person", "Josep Borrell", "Borrell"),
)
ENTITIES = PEOPLE + (
    entity("place-brussels", "Place", "Brussels"),
    entity("state-kosovo", "State", "Kosovo"),
    entity("state-serbia", "State", "Serbia", "Belgrade"),
)


def dataset(entities=ENTITIES, events=(), roles=(), relations=()):
    article = make_article(DAY, TEXT)
    return to_dataset([Extraction(article, tuple(entities), tuple(roles), tuple(events), tuple(relations))])


def gold_with(**sections) -> dict:
    gold = {
        "article": "corpus/seed/hand-built.txt", "date": DAY.isoformat(),
        "entities": [
            {"id": "vucic", "type": "Person", "name": "Aleksandar Vucic", "mentions": ["Vucic"]},
            {"id": "hoti", "type": "Person", "name": "Avdullah Hoti", "mentions": ["Hoti"]},
            {"id": "borrell", "type": "Person", "name": "Josep Borrell", "mentions": ["Borrell"]},
            {"id": "brussels", "type": "Place", "name": "Brussels"},
            {"id": "kosovo", "type": "State", "name": "Kosovo"},
            {"id": "serbia", "type": "State", "name": "Serbia", "mentions": ["Belgrade"]},
        ],
    }
    gold.update(sections)
    return gold


MEETING = {"id": "talks", "types": ["Meeting"], "date": "2020-07-16", "participants": ["vucic", "hoti"]}


def counts(report, section: str) -> tuple[int, int, int]:
    s = report.sections[section]
    return s.tp, s.fp, s.fn


# ---------------------------------------------------------------- folding and periods


@pytest.mark.parametrize("a, b", [("Vu\u010di\u0107", "Vucic"), ("Kosovo\u2019s prime minister", "Kosovo's Prime Minister"),
                                  ("Lajc\u030cak", "LAJCAK"), ("E.U.", "EU")])
def test_names_fold_to_the_same_key(a, b):
    assert fold_name(a) == fold_name(b)


def test_quotes_fold_whitespace_and_quote_marks():
    assert fold_quote("\u201cconstructive\n  discussion\u201d") == fold_quote('"constructive discussion"')


@pytest.mark.parametrize("value, first, last", [
    ("2020-07-12", "2020-07-12", "2020-07-12"),
    ("2018-11", "2018-11-01", "2018-11-30"),
    ("2008", "2008-01-01", "2008-12-31"),
    ("2020-07-11/2020-07-12", "2020-07-11", "2020-07-12"),
    ("2020-W28", "2020-07-06", "2020-07-12"),
    ("2020-W28-WE", "2020-07-11", "2020-07-12"),
    ("2020-W28-3", "2020-07-08", "2020-07-08"),
    ("2018/2020-02", "2018-01-01", "2020-02-29"),
])
def test_periods(value, first, last):
    assert period(value) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


# ---------------------------------------------------------------- entities


def test_a_perfect_system_scores_one():
    report = score(dataset(), gold_with())
    assert counts(report, "entities") == (6, 0, 0)
    assert report.sections["entities"].f1 == 1.0


def test_two_nodes_for_one_person_are_one_hit_and_one_false_positive():
    twice = ENTITIES + (entity("person-vucic", "Person", "Vucic"),)
    report = score(dataset(twice), gold_with())
    assert counts(report, "entities") == (6, 1, 0)
    assert [s["label"] for s in report.sections["entities"].spurious] in (["Vucic"], ["Aleksandar Vu\u010di\u0107"])


def test_type_must_be_compatible():
    wrong = PEOPLE + (entity("org-brussels", "Organization", "Brussels"), entity("state-kosovo", "State", "Kosovo"),
                      entity("state-serbia", "State", "Serbia"))
    report = score(dataset(wrong), gold_with())
    assert counts(report, "entities") == (5, 1, 1)
    assert report.sections["entities"].missed[0]["id"] == "brussels"
    gold = gold_with()
    gold["entities"][3]["accept_types"] = ["Organization"]
    assert counts(score(dataset(wrong), gold), "entities") == (6, 0, 0)


def test_a_name_or_alias_must_equal_a_gold_name_or_mention():
    gold = gold_with()
    gold["entities"][5] = {"id": "serbia", "type": "State", "name": "Republic of Serbia", "mentions": ["Belgrade"]}
    assert counts(score(dataset(), gold), "entities") == (6, 0, 0)  # by the alias "Belgrade"
    gold["entities"][5]["mentions"] = ["Serbian"]
    assert counts(score(dataset(), gold), "entities") == (5, 1, 1)


@pytest.mark.parametrize("present, expected", [(True, (6, 0, 0, 1)), (False, (6, 0, 0, 0))])
def test_optional_items_neither_cost_recall_nor_count_as_false_positives(present, expected):
    gold = gold_with()
    gold["entities"].append({"id": "eu", "type": "Organization", "name": "European Union", "optional": True})
    system = ENTITIES + ((entity("org-eu", "Organization", "European Union"),) if present else ())
    s = score(dataset(system), gold).sections["entities"]
    assert (s.tp, s.fp, s.fn, s.optional_matched) == expected


def test_matching_is_maximal_not_greedy():
    # gold "serbia" could take either node; only the maximum matching also gives "belgrade" one
    gold = gold_with()
    gold["entities"][5]["mentions"] = ["Belgrade", "Serbian state"]
    gold["entities"].append({"id": "belgrade", "type": "Place", "name": "Belgrade", "accept_types": ["State"]})
    system = PEOPLE + (entity("place-brussels", "Place", "Brussels"), entity("state-kosovo", "State", "Kosovo"),
                       entity("state-a", "State", "Belgrade"), entity("state-b", "State", "Serbian state"))
    assert counts(score(dataset(system), gold), "entities") == (7, 0, 0)


# ---------------------------------------------------------------- roles


def test_roles_match_holder_position_and_owner():
    roles = (Role("person-aleksandar-vucic", "President", "state-serbia", DAY, EV),
             Role("person-avdullah-hoti", "President", "state-kosovo", DAY, EV))
    gold = gold_with(roles=[{"person": "vucic", "role": "President", "of": "serbia"},
                            {"person": "hoti", "role": "Prime Minister", "of": "kosovo", "accept_roles": ["Premier"]}])
    report = score(dataset(roles=roles), gold)
    assert counts(report, "roles") == (1, 1, 1)


# ---------------------------------------------------------------- events


def test_one_meeting_reported_twice_is_one_hit_and_one_false_positive():
    events = (event("event-a", "Meeting", "person-aleksandar-vucic", "person-avdullah-hoti", date="2020-07-16"),
              event("event-b", "Meeting", "person-avdullah-hoti", date="2020-07-16"))
    report = score(dataset(events=events), gold_with(events=[MEETING]))
    assert counts(report, "events") == (1, 1, 0)


@pytest.mark.parametrize("kind, matches", [("Meeting", True), ("Talks", True), ("VirtualMeeting", True),
                                           ("Negotiation", True), ("Statement", False), ("Agreement", False)])
def test_a_subclass_of_a_gold_type_counts(kind, matches):
    events = (event("event-a", kind, "person-avdullah-hoti", date="2020-07-16"),)
    assert counts(score(dataset(events=events), gold_with(events=[MEETING])), "events") == ((1, 0, 0) if matches else (0, 1, 1))


@pytest.mark.parametrize("gold_date, accept, system_date, matches, exact", [
    ("2020-07-12", [], "2020-07-12", True, True),
    ("2020-07", [], "2020-07-12", True, False),
    ("2020-07-12", [], "2020-07", False, None),
    ("2020-07-12", [], "2020-07-13", False, None),
    ("2020-07-12", ["2020-W28-WE"], "2020-07-11/2020-07-12", True, True),
    ("2020-07-12", ["2020-07-11/2020-07-12"], "2020-07-11", True, False),
    ("2018-11", [], "2018-11", True, True),
    ("2008", [], "2008-02-17", True, False),
    (None, [], "1999", True, None),
    (None, [], None, True, None),
    ("2020-07-12", [], None, False, None),
])
def test_event_dates_fall_inside_the_gold_period(gold_date, accept, system_date, matches, exact):
    gold_event = {**MEETING, "date": gold_date, "accept_dates": accept}
    events = (event("event-a", "Meeting", "person-avdullah-hoti", date=system_date),)
    report = score(dataset(events=events), gold_with(events=[gold_event]))
    assert report.sections["events"].tp == int(matches)
    if exact is None:
        assert report.dates_total == 0
    else:
        assert (report.dates_correct, report.dates_total) == (int(exact), 1)


@pytest.mark.parametrize("system_date, matches, counted", [(None, True, False), ("2018-11", True, True), ("2019", False, False)])
def test_date_optional_events(system_date, matches, counted):
    gold_event = {"id": "tax", "types": ["Sanction"], "date": "2018-11", "date_optional": True, "participants": ["kosovo"]}
    events = (event("event-tax", "TradeMeasure", "state-kosovo", date=system_date),)
    report = score(dataset(events=events), gold_with(events=[gold_event]))
    assert (report.sections["events"].tp, report.dates_total) == (int(matches), int(counted))


def test_an_event_must_share_a_participant():
    events = (event("event-a", "Meeting", "person-josep-borrell", date="2020-07-16"),)
    assert counts(score(dataset(events=events), gold_with(events=[MEETING])), "events") == (0, 1, 1)
    gold_event = {**MEETING, "accept_participants": ["borrell"]}
    assert counts(score(dataset(events=events), gold_with(events=[gold_event])), "events") == (1, 0, 0)


def test_finer_roles_are_a_secondary_score():
    events = (event("event-a", "Meeting", "person-aleksandar-vucic", date="2020-07-16",
                    roles=(("mediator", "person-josep-borrell"), ("host", "person-avdullah-hoti"))),)
    gold_event = {**MEETING, "mediators": ["borrell"], "place": "brussels"}
    report = score(dataset(events=events), gold_with(events=[gold_event]))
    finer = report.finer_roles
    assert (finer.tp, finer.fp, finer.fn) == (1, 1, 0)
    assert (report.places_correct, report.places_total) == (0, 1)
    assert [(w["gold"], w["place"], w["system_place"]) for w in report.wrong_places] == [("talks", "brussels", [])]
    assert "! talks: gold brussels system none" in format_report(report)


def test_a_wrong_place_is_listed_with_the_system_place():
    events = (Event("event-a", "Meeting", "Meeting", EV, participants=(("participant", "person-aleksandar-vucic"),),
                    place="state-kosovo", time=time("2020-07-16")),)
    report = score(dataset(events=events), gold_with(events=[{**MEETING, "place": "brussels"}]))
    assert (report.places_correct, report.places_total) == (0, 1)
    assert report.wrong_places[0]["system_place"] == ["Kosovo"]
    right = (Event("event-a", "Meeting", "Meeting", EV, participants=(("participant", "person-aleksandar-vucic"),),
                   place="place-brussels", time=time("2020-07-16")),)
    report = score(dataset(events=right), gold_with(events=[{**MEETING, "place": "brussels"}]))
    assert (report.places_correct, report.places_total, report.wrong_places) == (1, 1, [])


# ---------------------------------------------------------------- statements and relations


def test_statements_match_speaker_and_folded_quote():
    said = event("event-said", "Statement", roles=(("speaker", "person-josep-borrell"),),
                 quote="Today I expect a \u201cconstructive\n  discussion\u201d on it")
    gold = gold_with(statements=[{"speaker": "borrell", "quote_contains": '"constructive discussion"'},
                                 {"speaker": "vucic", "quote_contains": "constructive discussion"}])
    report = score(dataset(events=(said,)), gold)
    assert counts(report, "statements") == (1, 0, 1)
    assert counts(report, "events") == (0, 0, 0)  # a statement is not a spurious event


def test_relations_compare_local_names_case_insensitively():
    relations = (Relation("state-kosovo", "formerPartOf", "state-serbia", EV), Relation("state-serbia", "rejects", "state-kosovo", EV))
    gold = gold_with(relations=[{"subject": "kosovo", "relation": "FORMERPROVINCEOF", "object": "serbia",
                                 "accept_relations": ["formerpartof"]},
                                {"subject": "kosovo", "relation": "aspiresToJoin", "object": "serbia"}])
    report = score(dataset(relations=relations), gold)
    assert counts(report, "relations") == (1, 1, 1)
    assert report.sections["relations"].spurious[0]["type"] == "rejects"


# ---------------------------------------------------------------- report and errors


def test_the_report_shows_every_miss_and_every_false_positive():
    events = (event("event-a", "Agreement", "person-avdullah-hoti", date="2020-07-16"),)
    report = score(dataset(events=events), gold_with(events=[MEETING]))
    text = format_report(report)
    for section in ("entities", "roles", "events", "statements", "relations", "date accuracy"):
        assert section in text
    assert '"id": "talks"' in text and "Agreement" in text and "Vucic and Hoti met in Brussels." in text
    assert "talks" not in format_report(report, summary=True).split("\n", 2)[2]
    data = json.loads(json.dumps(to_json(report)))
    assert data["sections"]["events"]["missed"][0]["id"] == "talks"
    assert data["sections"]["events"]["spurious"][0]["type"] == "Agreement"


def test_no_article_of_that_date_misses_everything():
    report = score(dataset(), {**gold_with(events=[MEETING]), "date": "2021-01-01"})
    assert report.article is None and counts(report, "entities") == (0, 0, 6) and counts(report, "events") == (0, 0, 1)


@pytest.mark.parametrize("change, problem", [
    (lambda g: g.pop("date"), "`date`"),
    (lambda g: g.update(date="16 July 2020"), "YYYY-MM-DD"),
    (lambda g: g.update(entities={"vucic": {}}), "list of objects"),
    (lambda g: g["entities"].append({"id": "vucic", "type": "Person", "name": "X"}), "duplicate id"),
    (lambda g: g.update(roles=[{"person": "tito", "role": "President", "of": "serbia"}]), "unknown entity id(s) ['tito']"),
    (lambda g: g.update(events=[{**MEETING, "date": "2020-13"}]), "'2020-13'"),
    (lambda g: g.update(events=[{**MEETING, "types": []}]), "`types`"),
    (lambda g: g.update(statements=[{"speaker": "vucic"}]), "`quote_contains`"),
])
def test_a_bad_gold_file_is_an_eval_error_naming_the_problem(change, problem, tmp_path):
    gold = copy.deepcopy(gold_with())
    change(gold)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(EvalError) as exc:
        load_gold(path)
    assert exc.value.code == "E030" and str(path) in str(exc.value) and problem in str(exc.value)


def test_gold_that_is_not_json_is_an_eval_error(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(EvalError, match=r"\[E030\] .*broken.json: not valid JSON"):
        load_gold(path)


def test_the_bundled_gold_file_is_valid():
    assert validate(load_gold(SEED_GOLD))["date"] == "2020-07-16"


# ---------------------------------------------------------------- acceptance: the seed article


@pytest.fixture(scope="module")
def seed_report():
    from kg.pipeline import build

    result = build([SEED])
    assert not result.errors
    report = score(to_dataset(result.extractions), load_gold(SEED_GOLD))
    print(format_report(report))
    return report


def test_seed_entities(seed_report):
    assert seed_report.article is not None
    assert seed_report.f1("entities") >= 0.95


def test_seed_roles(seed_report):
    assert seed_report.f1("roles") >= 0.90


def test_seed_events(seed_report):
    assert seed_report.f1("events") >= 0.85


def test_seed_event_dates(seed_report):
    assert seed_report.dates_total and seed_report.date_accuracy >= 0.90


def test_seed_statements(seed_report):
    assert seed_report.f1("statements") >= 0.90


def test_seed_relations(seed_report):
    assert seed_report.sections["relations"].recall >= 0.80


def test_seed_is_whole(seed_report):
    """Above the issue's floors, the article newskg was built for is kept whole: a second report of one meeting, a
    lost statement or a date one day off shows here first."""
    assert {name: round(seed_report.f1(name), 3) for name in SECTIONS} == {name: 1.0 for name in SECTIONS}
    assert seed_report.dates_correct == seed_report.dates_total > 0


# ---------------------------------------------------------------- the command


def test_kg_eval_prints_the_report_and_writes_json(tmp_path, capsys):
    from kg.cli import main
    from kg.graphio import save

    events = (event("event-a", "Meeting", "person-aleksandar-vucic", date="2020-07-16"),)
    save(dataset(events=events), tmp_path / "graph.trig")
    (tmp_path / "gold.json").write_text(json.dumps(gold_with(events=[MEETING])), encoding="utf-8")
    code = main(["eval", str(tmp_path / "graph.trig"), str(tmp_path / "gold.json"), "--json", str(tmp_path / "scores.json")])
    out = capsys.readouterr().out
    assert code == 0
    assert "entities     P 1.000  R 1.000  F1 1.000" in out and "date accuracy 1/1" in out
    scores = json.loads((tmp_path / "scores.json").read_text(encoding="utf-8"))
    assert scores[0]["sections"]["events"]["tp"] == 1


@pytest.mark.parametrize("argv, message", [
    (["eval"], "give a GRAPH"),
    (["eval", "graph.trig"], "give a GRAPH"),
    (["eval", "--gum", "--eval-dir", "no-such-dir"], "[E010]"),
    (["eval", "graph.trig", "gold.json", "--plover"], "not used with --plover"),
])
def test_kg_eval_usage_errors_exit_2(argv, message, capsys, tmp_path, monkeypatch):
    from kg.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_kg_eval_names_a_bad_gold_file(tmp_path, capsys):
    from kg.cli import main

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**gold_with(), "roles": [{"person": "tito", "role": "Marshal", "of": "serbia"}]}), encoding="utf-8")
    assert main(["eval", str(tmp_path / "graph.trig"), str(bad)]) == 2
    err = capsys.readouterr().err
    assert "[E030]" in err and str(bad) in err and "tito" in err
