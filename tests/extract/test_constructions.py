"""Construction sentences written by the team, one construction of English news a line, with the expected output.

Each `tests/data/constructions/*.jsonl` line is a JSON object::

    {"id": "role-apposition-after", "construction": "NAME, the ORG TITLE",
     "date": "2024-03-05", "text": "...", "expect": {...}}

`expect` may hold (every key optional; labels compare case-insensitively
against an entity's label or its aliases):

- "entities": [[label, type], ...] must exist (type Person, Organization, State, Place);
- "not_entities": [label or [label, type], ...] must not exist;
- "same_entity": [[label, label, ...], ...]: one entity bears every label (its label or aliases): one node, not two;
- "not_same_entity": [[label, label], ...]: no entity bears both labels: two things, not one;
- "roles": [[holder, role name (a substring), of-label or null], ...] must exist;
- "no_roles": [[holder, role name or null], ...] must not exist;
- "events": [{"kind": class name, "plover": type, "participants": [labels],
  "date": ISO value or null (no date), "status": ..., "place": label, "not_participants": [labels]}, ...] each
  matched by one event (only the keys given are checked; participants is a subset, not_participants disjoint);
- "no_events": true (no event at all) or [kind or PLOVER type, ...] that must not appear;
- "event_count": {kind or PLOVER type: N, ...}: exactly N events of that kind (one real event, one node);
- "statements": [{"speaker": label, "quote": substring}, ...];
- "no_statement_speakers": [label, ...] must speak in no statement;
- "no_quotes": [substring, ...] must be in no statement's quote;
- "statement_count": N events hold a quote (one speech act, one statement);
- "relations": [[subject label, predicate, object label], ...] must exist; "no_relations": the same, must not.
- "dyad": {"plover": type, "source": [ISO3, ...], "target": [ISO3, ...]}: the main event of the PLOVER view
  (`kg.evaluate.plover.main_event` over `typed_events`) has that type and exactly those source and target states
  (`kg.extract.dyads.dyad`); `"plover": null` expects no typed event.

These sentences are separate from every dev set: a rule is a construction,
and these lines are its variants.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

DIR = Path(__file__).resolve().parent.parent / "data" / "constructions"


def _cases() -> list[dict]:
    cases = []
    for path in sorted(DIR.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and not line.lstrip().startswith("#"):
                case = json.loads(line)
                case["where"] = f"{path.name}:{n}"
                cases.append(case)
    return cases


CASES = _cases()


@pytest.fixture(scope="module")
def built() -> dict[str, object]:
    """Every construction text built once (real spaCy model), by case id."""
    from kg.pipeline import extract_articles
    from kg.read import make_article

    articles = [make_article(dt.date.fromisoformat(c.get("date", "2024-03-05")), c["text"]) for c in CASES]
    return {c["id"]: x for c, x in zip(CASES, extract_articles(articles), strict=True)}


@pytest.fixture(scope="module")
def typed() -> dict[str, tuple]:
    """The PLOVER view of the constructions that expect a dyad: (Extraction of typed events, actor states) by case id."""
    from kg.evaluate.plover import typed_extractions
    from kg.read import make_article

    cases = [c for c in CASES if "dyad" in c["expect"]]
    articles = [make_article(dt.date.fromisoformat(c.get("date", "2024-03-05")), c["text"]) for c in cases]
    return {c["id"]: pair for c, pair in zip(cases, typed_extractions(articles), strict=True)}


def _check_dyad(pair: tuple, want: dict, where: str) -> None:
    from kg.evaluate.plover import main_event
    from kg.extract.dyads import dyad
    from kg.gazetteer import entries

    extraction, states = pair
    event = main_event(extraction)
    typed = [(e.plover, e.participants) for e in extraction.events]
    if want.get("plover", "") is None:
        assert event is None, f"{where}: expected no typed event; got {typed}"
        return
    assert event is not None, f"{where}: no typed event; got {typed}"
    assert want.get("plover", event.plover) == event.plover, f"{where}: main event {event.plover}; got {typed}"
    iso = {k: e.extra.get("iso3") for k, e in entries().items() if e.type == "State"}
    got = dict(zip(("source", "target"), (sorted(iso.get(s) or s for s in side) for side in dyad(event, states)), strict=True))
    for side in ("source", "target"):
        if side in want:
            assert got[side] == sorted(want[side]), f"{where}: {side} {got[side]}, expected {want[side]}; {event.participants}"


def _names(entity) -> set[str]:
    return {entity.label.lower(), *(a.lower() for a in entity.aliases)}


def _label_of(extraction, key: str) -> set[str]:
    for entity in extraction.entities:
        if entity.key == key:
            return _names(entity)
    return {key.lower()}


def _has(extraction, key: str, label: str | None) -> bool:
    return label is None or label.lower() in _label_of(extraction, key)


def _event_matches(x, event, want: dict) -> bool:
    if "kind" in want and event.kind != want["kind"]:
        return False
    if "plover" in want and event.plover != want["plover"]:
        return False
    if "status" in want and event.status != want["status"]:
        return False
    if "date" in want and (event.time.value if event.time else None) != want["date"]:
        return False  # a null date: the event has none
    if "place" in want and not (event.place and _has(x, event.place, want["place"])):
        return False
    labels = [_label_of(x, key) for _, key in event.participants]
    if any(p.lower() in names for names in labels for p in want.get("not_participants", ())):
        return False
    return all(any(p.lower() in names for names in labels) for p in want.get("participants", ()))


def test_file_is_well_formed():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "construction ids must be unique"
    for case in CASES:
        assert {"id", "construction", "text", "expect"} <= set(case), case["where"]
        assert set(case["expect"]) <= EXPECT_KEYS, f"{case['where']}: unknown expectation {set(case['expect']) - EXPECT_KEYS}"


# times: dates.jsonl, read by test_timex
EXPECT_KEYS = {"entities", "not_entities", "same_entity", "not_same_entity", "roles", "no_roles", "events", "no_events", "event_count",
               "statements", "no_statement_speakers", "no_quotes", "statement_count", "relations", "no_relations", "times", "dyad"}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_construction(case, built, typed):
    x, want, where = built[case["id"]], case["expect"], f"{case['where']} ({case['construction']})"
    if "dyad" in want:
        _check_dyad(typed[case["id"]], want["dyad"], where)
    entities = {(n, e.type) for e in x.entities for n in _names(e)}
    for label, kind in want.get("entities", ()):
        assert (label.lower(), kind) in entities, f"{where}: no {kind} {label!r}; got {sorted(entities)}"
    for item in want.get("not_entities", ()):
        label, kind = (item, None) if isinstance(item, str) else item
        wrong = [k for n, k in entities if n == label.lower() and kind in (None, k)]
        assert not wrong, f"{where}: {label!r} should not be an entity ({wrong})"
    for labels in want.get("same_entity", ()):
        ok = any({n.lower() for n in labels} <= _names(e) for e in x.entities)
        assert ok, f"{where}: no one entity named {labels}; got {sorted(sorted(_names(e)) for e in x.entities)}"
    for labels in want.get("not_same_entity", ()):
        bad = [sorted(_names(e)) for e in x.entities if {n.lower() for n in labels} <= _names(e)]
        assert not bad, f"{where}: {labels} should name two entities; got {bad}"
    roles = [(r, _label_of(x, r.holder)) for r in x.roles]
    for holder, name, of in want.get("roles", ()):
        ok = any(holder.lower() in h and name.lower() in r.name.lower() and _has(x, r.of, of) for r, h in roles)
        assert ok, f"{where}: no role {name!r} of {of!r} for {holder!r}; got {[(sorted(h), r.name, r.of) for r, h in roles]}"
    for holder, name in want.get("no_roles", ()):
        bad = [r for r, h in roles if holder.lower() in h and (name is None or name.lower() in r.name.lower())]
        assert not bad, f"{where}: unexpected roles {bad}"
    got = [(e.kind, e.plover, e.status, e.time.value if e.time else None, e.participants) for e in x.events]
    for wanted in want.get("events", ()):
        assert any(_event_matches(x, e, wanted) for e in x.events), f"{where}: no event {wanted}; got {got}"
    none = want.get("no_events")
    if none is True:
        assert not x.events, f"{where}: expected no event; got {got}"
    elif none:
        bad = [e for e in x.events if e.kind in none or e.plover in none]
        assert not bad, f"{where}: unexpected events {[(e.kind, e.plover, e.label) for e in bad]}"
    for kind, n in want.get("event_count", {}).items():
        found = [e.label for e in x.events if kind in (e.kind, e.plover)]
        assert len(found) == n, f"{where}: {n} {kind} events expected; got {found}"
    for wanted in want.get("statements", ()):
        ok = any(e.quote and wanted.get("quote", "").lower() in e.quote.lower()
                 and any(r == "speaker" and _has(x, k, wanted["speaker"]) for r, k in e.participants) for e in x.events)
        assert ok, f"{where}: no statement {wanted}; got {[(e.quote[:40], e.participants) for e in x.events if e.quote]}"
    for label in want.get("no_statement_speakers", ()):
        bad = [e.quote for e in x.events if e.quote and any(r == "speaker" and _has(x, k, label) for r, k in e.participants)]
        assert not bad, f"{where}: {label!r} should speak in no statement; got {bad}"
    if "statement_count" in want:
        quoted = [e.quote for e in x.events if e.quote]
        assert len(quoted) == want["statement_count"], f"{where}: {want['statement_count']} statements expected; got {quoted}"
    for words in want.get("no_quotes", ()):
        bad = [e.quote for e in x.events if e.quote and words.lower() in e.quote.lower()]
        assert not bad, f"{where}: no statement should quote {words!r}; got {bad}"
    stated = [(_label_of(x, r.subject), r.predicate, _label_of(x, r.object)) for r in x.relations]
    for subject, predicate, obj in want.get("relations", ()):
        ok = any(subject.lower() in s and predicate == p and obj.lower() in o for s, p, o in stated)
        assert ok, f"{where}: no relation {(subject, predicate, obj)}; got {stated}"
    for subject, predicate, obj in want.get("no_relations", ()):
        bad = [r for r in stated if subject.lower() in r[0] and predicate == r[1] and obj.lower() in r[2]]
        assert not bad, f"{where}: unexpected relation {bad}"
