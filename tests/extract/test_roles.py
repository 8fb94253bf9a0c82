"""Role patterns on hand-written news sentences (real spaCy model)."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.roles import extract_roles
from kg.nlp import pipeline

DAY = dt.date(2021, 3, 1)

CASES = [
    ("Serbian President Aleksandar Vucic arrived.", ("person-aleksandar-vucic", "President", "state-Q403")),
    ("Kosovo's Prime Minister Avdullah Hoti arrived.", ("person-avdullah-hoti", "Prime Minister", "state-Q1246")),
    ("EU foreign policy chief Josep Borrell said so.", ("person-josep-borrell", "Foreign Policy Chief", "org-Q458")),
    ("Talks were led by Angela Merkel, the German chancellor, on Monday.", ("person-angela-merkel", "Chancellor", "state-Q183")),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_role_patterns(text, expected):
    roles = {(r.holder, r.name, r.of) for r in extract_roles(pipeline()(text), DAY)}
    assert expected in roles


@pytest.mark.parametrize("text", [
    "Former French President Nicolas Sarkozy was convicted.",
    "The late Yugoslav President Slobodan Milosevic died in 2006.",
])
def test_past_holders_hold_no_role_as_of_the_article(text):
    assert extract_roles(pipeline()(text), DAY) == []
