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
    ("Japan's Foreign Minister, Akiko Mori, arrived.", ("person-akiko-mori", "Foreign Minister", "state-Q17")),
    ("The president of Chile, Rosa Vidal, arrived.", ("person-rosa-vidal", "President", "state-Q298")),
    ("Tim Cook, chief executive of Apple, said so.", ("person-tim-cook", "Chief Executive", "org-apple")),
    ("Tom Hadley, leader of the Labour Party, spoke.", ("person-tom-hadley", "Leader", "org-labour-party")),
    ("Somchai Wongsa, spokesman for the Thai army, said so.", ("person-somchai-wongsa", "Spokesperson", "state-Q869")),
    ("Indian health minister Ravi Menon opened the hospital.", ("person-ravi-menon", "Health Minister", "state-Q668")),
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


@pytest.mark.parametrize("text", [
    "Colonel Marcus Reyes said the convoy had been attacked.",
    "Gen. Viktor Samoilov of the Russian army led the parade.",
    "Captain Lena Ortiz told reporters the ship was safe.",
])
def test_a_military_rank_is_no_position(text):
    doc = pipeline()(text)
    assert any(e.label_ == "PERSON" for e in doc.ents)
    assert not [r for r in extract_roles(doc, DAY) if r.name.rstrip(".").lower() in {"colonel", "gen", "general", "captain"}]


def test_a_list_after_a_title_is_no_apposition():
    roles = extract_roles(pipeline()("Japan's Foreign Minister, Akiko Mori, Yuki Sato and Hiro Tanaka attended."), DAY)
    assert {r.holder for r in roles} <= {"person-akiko-mori"}


@pytest.mark.parametrize(("day", "expected"), [
    (dt.date(2012, 5, 1), {("person-angela-merkel", "Chancellor", "state-Q183")}),
    (dt.date(2003, 5, 1), set()),  # before her term: the dated codes name no state for that day
])
def test_a_known_office_holder_gives_the_state_the_text_leaves_out(day, expected):
    text = "Chancellor Angela Merkel arrived in Paris to discuss German exports."
    roles = {(r.holder, r.name, r.of) for r in extract_roles(pipeline()(text), day)}
    assert roles == expected


def test_a_known_office_holder_gives_no_state_the_article_does_not_name():
    assert extract_roles(pipeline()("Chancellor Angela Merkel arrived in Paris."), dt.date(2012, 5, 1)) == []


@pytest.mark.parametrize("text", [
    "Senator Barack Obama spoke in Chicago about the United States.",  # his dated code is a government's, not a legislature's
    "Chairman Barack Obama spoke in Chicago about the United States.",  # a chairman's office is no state's
    "Governor Barack Obama spoke in Chicago about the United States.",  # nor is a governor's
])
def test_a_known_holder_gives_a_state_only_to_an_office_of_his_dated_sector(text):
    assert extract_roles(pipeline()(text), dt.date(2012, 5, 1)) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Nigeria's Minister of Information, Bola Adeyemi, spoke.", ("person-bola-adeyemi", "Information Minister", "state-Q1033")),
    ("Australia's Minister for Immigration, Karen Doyle, spoke.", ("person-karen-doyle", "Immigration Minister", "state-Q408")),
    ("Spain's Minister for Foreign Affairs, Arancha Gomez, spoke.", ("person-arancha-gomez", "Foreign Minister", "state-Q29")),
])
def test_a_portfolio_after_minister_names_the_same_office(text, expected):
    assert expected in {(r.holder, r.name, r.of) for r in extract_roles(pipeline()(text), DAY)}


@pytest.mark.parametrize("text", [
    "Carlos Mena will become chief executive of Repsol next year.",
    "Ilse Brandt was the chancellor of Austria from 1999 to 2003.",
    "Paul Becker resigned as chairman of Deutsche Bank on Monday.",
    "Frank Weber is not the chairman of Siemens.",
])
def test_a_clause_states_a_position_only_when_it_is_held_now(text):
    assert extract_roles(pipeline()(text), DAY) == []
