"""kg.extract.dyads: the states actors stand for, and an event's source and target states (no model: hand-made records)."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.dyads import actor_states, dyad, holder_state, named_state
from kg.records import Event, Evidence, Mention, Role

DAY = dt.date(2000, 1, 1)
TEXT = "a sentence"


def _mention(text: str, kind: str, key: str, of: str = "") -> Mention:
    return Mention(0, len(text), text, kind, "test", key, of=of)


def _event(plover: str, *participants: tuple[str, str], kind: str = "Event", place: str = "") -> Event:
    return Event("event-1", kind, "event-1", Evidence(0, 4, TEXT, "test"), participants=participants, plover=plover, place=place)


def test_actor_states_read_each_kind_of_actor():
    mentions = [
        _mention("Serbia", "State", "state-Q403"),
        _mention("Belgrade", "Place", "place-Q3711"),
        _mention("the president of Armenia", "Person", "nominal-1", of="state-Q399"),
        _mention("President Obama", "Person", "person-obama"),
        _mention("the Latvian Constitutional Court", "Organization", "org-lcc"),
        _mention("the United Nations", "Organization", "org-un"),
        _mention("Diego Cordovez", "Person", "person-diego-cordovez"),
    ]
    roles = [Role("person-diego-cordovez", "mediator", "org-un", DAY, Evidence(0, 4, TEXT, "test"))]
    states = actor_states(mentions, roles, DAY)
    assert states == {"state-Q403": "state-Q403", "place-Q3711": "state-Q403", "nominal-1": "state-Q399",
                      "person-obama": "state-Q30", "org-lcc": "state-Q211"}  # a UN post is no state's


@pytest.mark.parametrize("name, state", [
    ("Putin", "state-Q159"),  # a short name the Phoenix lists give alone
    ("Reagan", "state-Q30"),  # the surname of 'President Reagan'
    ("Vladimir Putin", "state-Q159"),
    ("Peter Obama", ""),  # no given name guessed
    ("Obama's", "state-Q30"),
])
def test_holder_state(name, state):
    assert holder_state(name, DAY) == state


@pytest.mark.parametrize("name, state", [
    ("the Nigerian Union of Teachers", "state-Q1033"),
    ("Kenya Anti-Corruption Commission", "state-Q114"),
    ("the Arab League", ""),
    ("Serbia", ""),  # the state's own name is the state, not a body of it
])
def test_named_state(name, state):
    assert named_state(name) == state


def test_dyad_roles_and_implied_targets():
    states = {"state-Q801": "state-Q801", "state-Q79": "state-Q79", "place-Q41183": "state-Q858"}
    attack = _event("ASSAULT", ("participant", "state-Q801"), ("target", "state-Q79"))
    assert dyad(attack, states) == ({"state-Q801"}, {"state-Q79"})
    in_place = _event("FIGHT", ("participant", "state-Q801"), place="place-Q41183")
    assert dyad(in_place, states) == ({"state-Q801"}, {"state-Q858"})  # where the act was done
    domestic = _event("COERCE", ("participant", "state-Q79"))
    assert dyad(domestic, states) == ({"state-Q79"}, {"state-Q79"})  # police arrested students
    force = _event("FIGHT", ("participant", "state-Q79"))
    assert dyad(force, states) == ({"state-Q79"}, set())  # military force: no own-state target
    protest = _event("PROTEST", ("participant", "state-Q79"))
    assert dyad(protest, states) == ({"state-Q79"}, {"state-Q79"})
    agreement = _event("AGREE", ("participant", "state-Q79"))
    assert dyad(agreement, states) == ({"state-Q79"}, set())
    visit = _event("CONSULT", ("participant", "state-Q79"), ("host", "state-Q801"), kind="Visit")
    assert dyad(visit, states) == ({"state-Q79"}, {"state-Q801"})
