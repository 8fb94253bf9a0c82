"""Seed-style gold on Wikinews dev articles: the gold files themselves, and `kg eval --wikinews` over the real corpus."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF

from kg.errors import EvalError
from kg.evaluate.gold import ENTITY_TYPES, FINER_ROLES, load_gold, period
from kg.evaluate.split import HALVES
from kg.evaluate.wikinews import default_gold_dir, format_wikinews_report, gold_files, public, score_wikinews
from kg.resources import eval_split
from kg.vocab import KG, ontology

from .test_split import HELD_OUT_LIKE  # the maintainers' held-out articles: no gold here may name them

GOLD_DIR = default_gold_dir()
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))
TOP_KEYS = {"article", "date", "format", "source", "annotator", "note", "entities", "roles", "events", "statements", "relations"}
ENTITY_KEYS = {"id", "type", "name", "mentions", "accept_types", "wikidata", "optional", "note"}
ROLE_KEYS = {"person", "role", "of", "accept_roles", "optional", "note", "evidence"}
EVENT_KEYS = {"id", "types", "date", "accept_dates", "date_optional", "participants", "accept_participants", "participants_optional",
              *FINER_ROLES, "place", "accept_places", "status", "optional", "evidence", "note"}
STATEMENT_KEYS = {"speaker", "date", "quote_contains", "optional", "note"}
RELATION_KEYS = {"subject", "relation", "object", "accept_relations", "about", "optional", "evidence", "note"}

# Measured 2026-11-30 on the 14 tune and 14 check gold files (F1; event dates: accuracy), floors about 0.05 under.
# First, before any rule work against this gold:
# tune  entities 0.814 roles 0.387 events 0.360 statements 0.513 relations 0.000 event dates 0.833 (5/6)
# check entities 0.816 roles 0.471 events 0.496 statements 0.395 relations 0.000 event dates 1.000 (12/12)
# after the construction rules of the same day (tune debugged, check read as aggregates only):
# tune  entities 0.839 roles 0.606 events 0.491 statements 0.636 relations 0.747 event dates 0.900 (9/10)
# check entities 0.818 roles 0.462 events 0.483 statements 0.427 relations 0.000 event dates 1.000 (12/12)
# the next session (occupations, office verbs, places, statements as the gold counts them, identity merges):
# tune  entities 0.851 roles 0.647 events 0.518 statements 0.952 relations 0.747 event dates 0.917 (11/12)
# check entities 0.822 roles 0.509 events 0.475 statements 0.564 relations 0.000 event dates 1.000 (12/12)
# the session after (roles, events, statements, dates and entity typing worked as constructions; merged):
# tune  entities 0.893 roles 0.757 events 0.545 statements 0.952 relations 0.773 event dates 0.917 (11/12)
# check entities 0.837 roles 0.536 events 0.488 statements 0.590 relations 0.000 event dates 1.000 (12/12)
# 2026-12-01 (five stages worked on their own political tune articles and on tune; merged):
# tune  entities 0.926 roles 0.757 events 0.623 statements 0.923 relations 0.773 event dates 1.000 (15/15)
# check entities 0.847 roles 0.536 events 0.535 statements 0.633 relations 0.182 event dates 1.000
# 2026-12-01, second session, after its first five branches (paraphrases no statements, reactions no events, ...):
# tune  entities 0.926 roles 0.757 events 0.641 statements 0.984 relations 0.773 event dates 1.000 (16/16)
# check entities 0.847 roles 0.536 events 0.556 statements 0.714 relations 0.182 event dates 1.000 (15/15)
# and at its end (three more branches: entity precision, company and field posts, the story day of event nouns):
# tune  entities 0.940 roles 0.811 events 0.667 statements 0.984 relations 0.773 event dates 0.941 (16/17)
# check entities 0.856 roles 0.561 events 0.560 statements 0.714 relations 0.182 event dates 1.000 (15/15)
# s4-evr (event recall): tune events 0.686 (tp 36, fp 8, fn 25), event dates 0.889 (16/18): the newly found 'first
# referendum is to be held from November 20 to December 11' is dated by its first day, the range not read as one;
# with `timex.joined_ranges` it is the range: event dates 0.944 (17/18).
# relations branch (s4-rel: a party's person noun by a name, 'ORG's NAME and NAME', 'NAME from the ORG', an
# organisation's body, capitals named with their state, admission, ownership, bids to join): tune relations 0.831
# (P 1.000), check relations 0.167 (tp 1, fp 2: one more false body relation), the other sections unchanged
# End of the third session of 2026-12-01: tune entities 0.961 roles 0.842 events 0.692 statements 0.984 relations 0.861
# event dates 0.944 (17/18); check entities 0.856 roles 0.597 events 0.560 statements 0.714 relations 0.167 dates 1.000.
# End of the fifth session (2026-12-02): tune entities 0.961 roles 0.977 events 0.710 statements 0.984 relations 0.861
# event dates 0.947 (18/19); check entities 0.862 roles 0.597 events 0.576 statements 0.714 relations 0.167 dates 1.000.
# End of the sixth session (2026-12-02): tune entities 0.961 roles 0.977 events 0.717 statements 0.984 relations 0.861
# event dates 0.947 (18/19); check entities 0.865 roles 0.597 events 0.581 statements 0.714 relations 0.167 dates 1.000
# (16/16); check floors raised to about 0.05 under (entities 0.81, events 0.53).
# End of the seventh session (2026-12-02): tune entities 0.961 roles 0.977 events 0.729 statements 0.984 relations 0.861
# event dates 0.947 (18/19); check entities 0.876 roles 0.597 events 0.581 statements 0.714 relations 0.167 dates 1.000
# (16/16); floors raised to about 0.05 under (tune events 0.68, check entities 0.82).
# End of the eighth session (2026-12-02): tune entities 0.961 roles 0.977 events 0.741 statements 0.984 relations 0.875
# event dates 0.947 (18/19); check entities 0.882 roles 0.597 events 0.585 statements 0.714 relations 0.167 dates 1.000
# (16/16); floors raised to about 0.03 under (tune events 0.71, relations 0.84; check entities 0.85, events 0.55).
# End of the thirteenth session (2026-12-03), twelve tune golds added blind (37 tune, 14 check): tune entities 0.883
# roles 0.931 events 0.700 statements 0.952 relations 0.814 event dates 0.978; check entities 0.882 roles 0.597
# events 0.597 statements 0.714 relations 0.167 dates 1.000. Tune floors set about 0.03 under the larger tune half
# (entities 0.85, events 0.67, relations 0.78): the new golds, not a regression, lowered them.
# s19-wn (2026-12-03): the last four tune golds written blind (41 tune, 14 check); at first (before any rule) tune
# entities 0.882 roles 0.889 events 0.669 statements 0.935 relations 0.795 event dates 0.978; after its rules (a match
# between sides, 'demonstrate' with an object, posts in a team, exercised options, "O' Leary"): tune entities 0.884
# roles 0.919 events 0.694 statements 0.948 relations 0.795 event dates 0.980; check unchanged (entities 0.882 roles
# 0.597 events 0.597 statements 0.714 relations 0.167 dates 1.000). Tune floors set about 0.03 under these (roles 0.89,
# events 0.66, statements 0.92, relations 0.77, dates 0.95): the new golds, not a regression, lowered them.
FLOORS = {
    "tune": {"entities": 0.85, "roles": 0.89, "events": 0.66, "statements": 0.92, "relations": 0.77, "dates": 0.95},
    "check": {"entities": 0.85, "roles": 0.55, "events": 0.55, "statements": 0.66, "relations": 0.13, "dates": 0.95},
}


def _ontology_events() -> set[str]:
    """Local names of kg:Event and its subclasses."""
    from rdflib import RDFS

    g = ontology()
    return {str(c).split("#")[-1] for c in g.transitive_subjects(RDFS.subClassOf, KG.Event)}


def test_there_are_gold_files_for_both_halves():
    halves = [eval_split()["wikinews"].get(Path(json.loads(p.read_text(encoding="utf-8"))["article"]).name) for p in GOLD_FILES]
    assert halves.count("tune") >= 6 and halves.count("check") >= 6, halves


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_a_gold_file_follows_the_readme_and_names_a_dev_article(path):
    gold = load_gold(path)  # the scorer's own checks: ids, references, dates
    assert set(gold) - {"_path"} <= TOP_KEYS, set(gold) - TOP_KEYS
    article = gold["article"]
    assert re.fullmatch(r"corpus/wikinews/[^/]+\.txt", article), article
    name = Path(article).name
    assert path.stem == Path(name).stem, "a gold file is named after its article"
    assert not name.startswith(HELD_OUT_LIKE), f"{name} is one of the maintainers' held-out articles"
    assert eval_split()["wikinews"].get(name) in ("tune", "check"), f"{name} is not a Wikinews item of the split"
    assert gold["date"] == name[:10] and dt.date.fromisoformat(gold["date"])
    assert "blind to system output" in gold["annotator"] and "hand-made" in gold["source"]
    events = _ontology_events()
    for e in gold["entities"]:
        assert set(e) <= ENTITY_KEYS, (e["id"], set(e) - ENTITY_KEYS)
        assert e["type"] in ENTITY_TYPES and set(e.get("accept_types", [])) <= set(ENTITY_TYPES), e["id"]
        assert e["mentions"] and all(isinstance(m, str) and m for m in e["mentions"]), e["id"]
    for r in gold["roles"]:
        assert set(r) <= ROLE_KEYS, set(r) - ROLE_KEYS
    for ev in gold["events"]:
        assert set(ev) <= EVENT_KEYS, (ev["id"], set(ev) - EVENT_KEYS)
        assert set(ev["types"]) <= events, (ev["id"], set(ev["types"]) - events)
        assert "date" in ev, f"{ev['id']}: give `date` (null when the text gives none)"
        if ev.get("participants_optional"):
            assert ev.get("participants") is not None
        else:
            assert ev["participants"], f"{ev['id']}: an event needs participants unless participants_optional"
        for value in ([ev["date"]] if ev["date"] else []) + ev.get("accept_dates", []):
            period(value)
    for s in gold["statements"]:
        assert set(s) <= STATEMENT_KEYS, set(s) - STATEMENT_KEYS
    for r in gold["relations"]:
        assert set(r) <= RELATION_KEYS, set(r) - RELATION_KEYS
        relation = r["relation"][0].lower() + r["relation"][1:]
        assert (KG[relation], RDF.type, OWL.ObjectProperty) in ontology(), r["relation"]


def test_a_missing_article_is_e010_naming_it(tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / GOLD_FILES[0].name).write_bytes(GOLD_FILES[0].read_bytes())
    with pytest.raises(EvalError) as exc:
        score_wikinews(gold_dir, tmp_path / "corpus")
    name = Path(json.loads(GOLD_FILES[0].read_text(encoding="utf-8"))["article"]).name
    assert exc.value.code == "E010" and str(tmp_path / "corpus" / name) in str(exc.value)


def test_an_article_outside_the_split_is_e030(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "2020-01-01-elsewhere.txt").write_text(" date 2020-01-01 Elsewhere\n\nText.\n", encoding="utf-8")
    gold = {"article": "corpus/wikinews/2020-01-01-elsewhere.txt", "date": "2020-01-01", "entities": []}
    (tmp_path / "gold" / "2020-01-01-elsewhere.json").write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(EvalError) as exc:
        score_wikinews(tmp_path / "gold", tmp_path / "corpus")
    assert exc.value.code == "E030" and "2020-01-01-elsewhere.txt" in str(exc.value)


def test_an_empty_gold_folder_is_e010(tmp_path):
    with pytest.raises(EvalError) as exc:
        gold_files(tmp_path)
    assert exc.value.code == "E010"


@pytest.fixture(scope="module")
def wikinews_result(corpus_dir):
    return score_wikinews(GOLD_DIR, corpus_dir / "wikinews")


@pytest.mark.slow
def test_wikinews_runs_per_half_with_floors(wikinews_result):
    result = wikinews_result
    print(format_wikinews_report(result))
    assert result["all"]["articles"] == result["tune"]["articles"] + result["check"]["articles"] == len(GOLD_FILES)
    for half in HALVES:
        for section in ("entities", "roles", "events", "statements", "relations"):
            s = result[half]["sections"][section]
            assert all(0.0 <= s[k] <= 1.0 for k in ("precision", "recall", "f1"))
    for half, floors in FLOORS.items():
        got = {name: result[half]["sections"][name]["f1"] for name in ("entities", "roles", "events", "statements", "relations")}
        got["dates"] = result[half]["dates"]["accuracy"]
        low = {k: (got[k], floor) for k, floor in floors.items() if got[k] < floor}
        assert not low, f"{half} below its floor (got, floor): {low}"


@pytest.mark.slow
def test_check_half_is_aggregate_only(wikinews_result):
    result = wikinews_result
    assert "reports" in result["tune"] and "reports" not in result["check"]
    shown = public(result)
    assert "reports" in shown["tune"] and "reports" not in shown["check"] and "_text" not in shown["tune"]
    text = format_wikinews_report(result, details=True, half="check")
    assert "[check]" in text and "missed" not in text and "unmatched" not in text
    text = format_wikinews_report(result, details=True)
    assert "gap" in text and "[tune]" in text and "gold " in text
