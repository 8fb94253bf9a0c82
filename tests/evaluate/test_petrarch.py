"""Pass rate on the PETRARCH-2 unit records: reading records and dictionaries, coding actors, scoring."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.errors import EvalError
from kg.evaluate.petrarch import (
    code_name,
    format_petrarch_report,
    our_codings,
    read_dictionary,
    read_records,
    score_petrarch,
    score_record,
    summarise,
)
from kg.read import make_article
from kg.records import Entity, Event, Evidence, Extraction, Role

RECORDS = """<Validation><Sentences>
<Sentence date="19950101" id="T-01" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore full diplomatic ties
with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date="19950101" id="T-02" category="DEMO"><EventCoding noevents = "True"></EventCoding><Text>Nothing happened.</Text></Sentence>
<Sentence date="19950101" id="T-02" category="DEMO"><EventCoding error="parse"></EventCoding><Text>Broken.</Text></Sentence>
<Sentence date="950101" id="T-03" category="AGENT">
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"></EventCoding>
<EventCoding sourcecode="GONGOV" targetcode="OSG" eventcode="1721"></EventCoding><Text>Gondor's government hit Osgiliath.</Text></Sentence>
</Sentences></Validation>
"""

ACTORS = """<!-- comment -->
ARNOR_  [ARN] # a comment
GONDOR [GON]
+MINAS_TIRITH
OSGILIATH  [OSG]
GOLLUM  # pas
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
"""

AGENTS = """!PERSON! = MAN, MEN
GOVERNMENT  [~GOV] # ems
FOREIGN_MINISTER [~GOVFRM]
POLICE {} [ ~COP]
HUMAN_RIGHTS_BODY  [NGO~] # BNL
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
"""


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "PETR.UnitTest.records.xml").write_text(RECORDS, encoding="utf-8")
    (tmp_path / "PETR.Validate.actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "PETR.Validate.agents.txt").write_text(AGENTS, encoding="utf-8")
    return tmp_path


def test_records_are_read_with_their_codings(folder):
    records = read_records(folder / "PETR.UnitTest.records.xml")
    assert [r.id for r in records] == ["T-01", "T-02", "T-02#2", "T-03"]
    first = records[0]
    assert first.text == "Arnor is about to restore full diplomatic ties with Gondor." and first.date == dt.date(1995, 1, 1)
    assert first.codings == (("ARN", "GON", "064"),)
    assert records[1].no_events and records[2].error
    assert records[3].codings == (("INJURY TOLL", "OSG", "223"), ("GONGOV", "OSG", "1721")) and records[3].date == dt.date(1995, 1, 1)


@pytest.mark.parametrize("name, day, code", [
    ("Arnor", dt.date(1995, 1, 1), "ARN"),
    ("Minas Tirith", dt.date(1995, 1, 1), "GON"),  # a + synonym takes its entry's code
    ("Smeagol", dt.date(1995, 1, 1), "HOB"),
    ("Gollum", dt.date(1997, 1, 1), "HOBGOV"),  # dated codes
    ("Gollum", dt.date(2001, 1, 1), "HOBREB"),
    ("the Gondor government", dt.date(1995, 1, 1), "GONGOV"),
    ("Arnor's foreign minister", dt.date(1995, 1, 1), "ARNGOVFRM"),
    ("Gondor police", dt.date(1995, 1, 1), "GONCOP"),  # {} = the regular plural, and the singular
    ("Osgiliath human rights body", dt.date(1995, 1, 1), "NGOOSG"),  # NGO~ goes before the actor
    ("attorneys general", dt.date(1995, 1, 1), "---JUD"),  # an agent alone
    ("Rivendell", dt.date(1995, 1, 1), ""),
])
def test_names_are_coded_by_the_validation_dictionaries(folder, name, day, code):
    assert code_name(name, read_dictionary(folder), day) == code


TEXT = "Arnor is about to restore full diplomatic ties with Gondor."


def _entity(key, label):
    return Entity(key, "State", label)


def _extraction(*events, roles=()):
    return Extraction(make_article(dt.date(1995, 1, 1), TEXT), entities=(_entity("x-arnor", "Arnor"), _entity("x-gondor", "Gondor")),
                      roles=tuple(roles), events=tuple(events))


def _event(cameo, *participants):
    return Event("event-1", "Event", "ties", Evidence(18, 25, TEXT, "test"), participants=participants, cameo=cameo)


def test_a_record_passes_only_with_every_expected_coding(folder):
    d = read_dictionary(folder)
    record = read_records(folder / "PETR.UnitTest.records.xml")[0]
    right = our_codings(_extraction(_event("064", ("participant", "x-arnor"), ("target", "x-gondor"))), d, record.date)
    assert right == {("ARN", "GON", "064")}
    good = score_record(record, right)
    assert good["pass"] and good["type"] and good["dyad"]
    wrong = our_codings(_extraction(_event("111", ("participant", "x-gondor"), ("target", "x-arnor"))), d, record.date)
    bad = score_record(record, wrong)
    assert not (bad["pass"] or bad["type"] or bad["dyad"] or bad["root"])
    type_only = score_record(record, {("GON", "", "064")})
    assert type_only["type"] and not type_only["pass"] and not type_only["dyad"]
    assert score_record(record, {("ARN", "GON", "060")})["root"]  # same CAMEO root 06
    summary = summarise([good, bad, {"id": "x", "skipped": True}], details=True)
    assert (summary["records"], summary["skipped"], summary["pass_rate"]) == (2, 1, 0.5)
    assert summary["by_root"] == {"06": {"found": 1, "expected": 2, "rate": 0.5}}
    assert [f["id"] for f in summary["failures"]] == ["T-01"] and "failures" not in summarise([good, bad])
    assert summarise([bad])["pass_rate"] == 0.0 and summarise([good])["pass_rate"] == 1.0


def test_no_event_records_pass_only_without_a_coded_event(folder):
    record = read_records(folder / "PETR.UnitTest.records.xml")[1]
    assert score_record(record, set())["pass"]
    assert not score_record(record, {("ARN", "", "010")})["pass"]


def test_a_role_names_its_holder_with_the_owner_and_title(folder):
    """'Arnor Foreign Minister Elendil' codes Elendil as ARNGOVFRM."""
    d = read_dictionary(folder)
    holder = Entity("person-elendil", "Person", "Elendil")
    extraction = Extraction(make_article(dt.date(1995, 1, 1), TEXT),
                            entities=(holder, _entity("x-arnor", "Arnor"), _entity("x-gondor", "Gondor")),
                            roles=(Role("person-elendil", "Foreign Minister", "x-arnor", dt.date(1995, 1, 1), Evidence(0, 5, TEXT, "t")),),
                            events=(_event("064", ("participant", "person-elendil"), ("target", "x-gondor")),))
    assert our_codings(extraction, d, dt.date(1995, 1, 1)) == {("ARNGOVFRM", "GON", "064")}


def test_missing_files_are_e010(tmp_path):
    with pytest.raises(EvalError) as exc:
        read_records(tmp_path / "PETR.UnitTest.records.xml")
    assert exc.value.code == "E010" and "PETR.UnitTest.records.xml" in str(exc.value)
    with pytest.raises(EvalError) as exc:
        read_dictionary(tmp_path)
    assert exc.value.code == "E010" and "PETR.Validate" in str(exc.value)


@pytest.fixture(scope="module")
def petrarch(eval_dir):
    result = score_petrarch(eval_dir / "petrarch2_unittest")
    print(format_petrarch_report(result))
    return result


@pytest.mark.slow
def test_petrarch_runs_over_both_halves(petrarch):
    assert petrarch["all"]["items"] == 284 == petrarch["tune"]["items"] + petrarch["check"]["items"]
    assert petrarch["all"]["records"] + petrarch["all"]["skipped"] == 284
    assert petrarch["all"]["codings"]["expected"] > 300
    assert "failures" in petrarch["tune"] and "failures" not in petrarch["check"]
    check = format_petrarch_report(petrarch, details=True, half="check")
    assert "; ours " not in check and "; ours " in format_petrarch_report(petrarch, details=True)


@pytest.mark.slow
def test_petrarch_floor(petrarch):
    """Measured 2026-11-30 on all records: pass rate 0.043, CAMEO root only 0.091."""
    assert petrarch["all"]["pass_rate"] >= 0.03
    assert petrarch["all"]["root_only"] >= 0.07
