"""Name mentions on hand-written news sentences (real spaCy model)."""
from __future__ import annotations

import pytest

from kg.extract.entities import extract_mentions
from kg.nlp import pipeline


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Andy Warhol's paintings were sold in New York on Monday.", "Andy Warhol", "Person"),
    ("The Church of Scientology's lawyers filed a complaint.", "Church of Scientology", "Organization"),
    ("Valencia drew 2-2 with Sevilla on Sunday, and Valencia's coach resigned.", "Valencia", "Organization"),
    ("Kevin De Bruyne\u2019s goal decided the match.", "Kevin De Bruyne", "Person"),
])
def test_a_possessive_name_is_kept_without_its_possessive(text, name, kind):
    mentions = {(m.text, m.type) for m in extract_mentions(pipeline()(text))}
    assert any(t.endswith(name) and k == kind and not t.endswith(("'s", "\u2019s")) for t, k in mentions), mentions


def test_a_word_of_a_title_is_not_an_organization():
    """'State' in 'Secretary of State' is part of the title; the person and the organization named elsewhere stay."""
    doc = pipeline()("U.S. Secretary of State Antony Blinken will travel to Israel on Thursday, the State Department said.")
    mentions = {(m.text, m.type) for m in extract_mentions(doc)}
    assert ("State", "Organization") not in mentions
    assert ("Antony Blinken", "Person") in mentions and ("the State Department", "Organization") in mentions


def _pronouns(text):
    return [(m.text, m.key) for m in extract_mentions(pipeline()(text)) if m.rule in {"nominal-pronoun", "nominal-body"}]


@pytest.mark.parametrize(("text", "expected"), [
    ("Anna Whitfield arrived in Brussels on Monday. She said the talks were useful.", [("She", "person-anna-whitfield")]),
    ("Northwind Logistics reported profits. The company said it would hire workers.", [("The company", "org-northwind-logistics")]),
    ("Officials at the Interior Ministry met police chiefs. The ministry said the border would close.",
     [("The ministry", "org-interior-ministry")]),
])
def test_a_pronoun_or_a_body_word_refers_to_the_one_candidate(text, expected):
    assert _pronouns(text) == expected


@pytest.mark.parametrize("text", [
    "Anna Whitfield met Olaf Brenner in Brussels. He said the talks were useful.",  # two people: gender is not known
    "Police questioned Maria Lopez on Monday. She said she was innocent.",  # the only person is no subject
    'Daniel Roy spoke in Ottawa. "He has no plan," Roy said.',  # the speaker's own words
    "Northwind Logistics and Eastfield Freight opened depots. The company said it would hire workers.",
])
def test_no_referent_is_guessed_when_the_text_leaves_a_doubt(text):
    assert _pronouns(text) == []


@pytest.mark.parametrize(("text", "unit", "owner"), [
    ("Siemens Mobility Solutions delivered the trains on Tuesday. Siemens said more would follow. Siemens shares rose.",
     "Siemens Mobility Solutions", "org-siemens"),
    ("Apple said on Monday it would hold the Apple Worldwide Developers Conference in June. Apple shares rose.",
     "Apple Worldwide Developers Conference", "org-apple"),
])
def test_a_name_running_on_with_common_words_is_a_unit_of_the_short_name(text, unit, owner):
    """The article says the short name more often: the longer one is a unit or event of it, not its full name."""
    found = [m for m in extract_mentions(pipeline()(text)) if m.text.endswith(unit)]
    assert found and all(m.of == owner for m in found)


@pytest.mark.parametrize("text", [
    "Northrop Grumman won the contract. Northrop said on Monday it was pleased.",  # a name after the short one
    "AirTran Airways cut fares. AirTran Airways said on Monday that AirTran would add flights.",  # the long name is the usual one
    "The Labour Party won the vote. Labour said on Monday that Labour would govern alone.",  # one word: the kind of body
])
def test_a_full_name_is_no_unit_of_its_short_form(text):
    assert all(not m.of for m in extract_mentions(pipeline()(text)) if m.rule == "ner-org")


@pytest.mark.parametrize(("text", "words", "key"), [
    ("Apple Computer CEO Steve Jobs gave the opening keynote.", "Apple Computer CEO", "person-steve-jobs"),
    ("Airbus chief executive Tom Enders said the plane would fly in May.", "Airbus chief executive", "person-tom-enders"),
])
def test_an_organization_and_title_before_a_name_are_a_mention_of_the_person(text, words, key):
    mentions = extract_mentions(pipeline()(text))
    assert [(m.text, m.key) for m in mentions if m.rule == "nominal-before-name"] == [(words, key)]
    assert any(m.type == "Organization" and words.startswith(m.text) for m in mentions)  # the organization keeps its own


def test_a_states_title_before_a_name_is_left_as_it_is():
    mentions = extract_mentions(pipeline()("Serbian President Aleksandar Vucic arrived in Brussels on Monday."))
    assert not [m for m in mentions if m.rule == "nominal-before-name"]
