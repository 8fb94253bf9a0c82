"""Extraction on the seed article, checked against the hand-made gold file."""
from __future__ import annotations

from kg.gazetteer import entries


def _by_key(extraction):
    return {e.key: e for e in extraction.entities}


def test_one_node_per_real_thing(seed_extraction):
    labels = [e.label for e in seed_extraction.entities]
    assert len(labels) == len(set(labels)), labels


def test_gold_entities_found_with_their_mentions(seed_extraction, seed_gold):
    names = {}
    for e in seed_extraction.entities:
        for n in (e.label, *e.aliases):
            names[n.lower()] = e
    for gold in seed_gold["entities"]:
        if gold.get("optional"):
            continue
        entity = names.get(gold["name"].lower())
        assert entity is not None, gold["name"]
        assert entity.type in {gold["type"], *gold.get("accept_types", [])}
        if "wikidata" in gold and entity.key in entries():
            assert entity.wikidata == gold["wikidata"]


def test_nominal_mentions_and_capitals_resolve(seed_extraction):
    by_label = {e.label: e for e in seed_extraction.entities}
    assert "The Serbian president" in by_label["Aleksandar Vucic"].aliases
    assert "his Serbian counterpart" in by_label["Aleksandar Vucic"].aliases
    assert "Kosovo’s prime minister" in by_label["Avdullah Hoti"].aliases
    assert "Belgrade" in by_label["Serbia"].aliases and "Pristina" in by_label["Kosovo"].aliases
    assert "the Belgian capital" in by_label["Brussels"].aliases


def test_gold_roles(seed_extraction, seed_gold):
    keys = {g["id"]: g for g in seed_gold["entities"]}
    labels = {e.key: e.label for e in seed_extraction.entities}
    found = {(labels[r.holder], r.name.lower(), labels[r.of]) for r in seed_extraction.roles}
    for gold in seed_gold["roles"]:
        names = {gold["role"].lower(), *(n.lower() for n in gold.get("accept_roles", []))}
        assert any((keys[gold["person"]]["name"], n, keys[gold["of"]]["name"]) in found for n in names), gold
    assert all(r.as_of.isoformat() == seed_gold["date"] for r in seed_extraction.roles)


def test_background_events_keep_their_own_dates(seed_extraction):
    dated = {e.kind: e.time.value for e in seed_extraction.events if e.time is not None}
    assert dated["DeclarationOfIndependence"] == "2008"
    assert dated["NegotiationBreakdown"] == "2018-11"


def test_one_event_for_the_weekend_meeting(seed_extraction):
    virtual = [e for e in seed_extraction.events if e.kind == "VirtualMeeting"]
    assert len(virtual) == 1 and virtual[0].time.value == "2020-07-12"
    assert len(virtual[0].mentions) >= 1  # 'last weekend' and 'on July 12' both point to it


def test_postponed_summit(seed_extraction):
    labels = {e.key: e.label for e in seed_extraction.entities}
    (summit,) = [e for e in seed_extraction.events if e.time is not None and e.time.value == "2020-06-27"]
    assert summit.status == "postponed"
    assert {labels[k] for _, k in summit.participants} == {"Hashim Thaci", "Aleksandar Vucic"}


def test_relations(seed_extraction):
    labels = {e.key: e.label for e in seed_extraction.entities}
    found = {(labels[r.subject], r.predicate, labels.get(r.object, r.object)) for r in seed_extraction.relations}
    assert ("Kosovo", "formerPartOf", "Serbia") in found
    assert ("Kosovo", "aspiresToJoin", "European Union") in found
    assert ("Serbia", "aspiresToJoin", "European Union") in found


def test_evidence_offsets_point_at_the_mention(seed_extraction):
    text = seed_extraction.article.text
    for entity in seed_extraction.entities:
        for m in entity.mentions:
            assert text[m.start:m.end] == m.text
    for event in seed_extraction.events:
        ev = event.evidence
        assert ev.start < ev.end and text[ev.start:ev.end] in ev.sentence
