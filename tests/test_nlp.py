"""The newskg pipeline corrects the bare model's errors on news (real spaCy model)."""
from __future__ import annotations

import pytest

from kg.nlp import bare_pipeline, pipeline

SENTENCES = {
    "title_name": "The new push comes after prosecutors in The Hague charged Kosovar President Hashim Thaci with war crimes.",
    "surname": "Josep Borrell spoke. Borrell, who is chairing the talks, called on both sides to compromise.",
    "pair": "Serbian President Aleksandar Vucic met Avdullah Hoti. In those talks, Vucic and Hoti held firm to their positions.",
}


def ents(nlp, text):
    return {(e.text, e.label_) for e in nlp(text).ents}


def test_title_before_name_is_a_person_and_the_demonym_a_state():
    found = ents(pipeline(), SENTENCES["title_name"])
    assert ("Hashim Thaci", "PERSON") in found
    assert ("Kosovar", "NORP") in found
    assert not any(label == "ORG" and "Thaci" in text for text, label in found)


def test_surname_of_a_named_person_is_that_person():
    found = ents(pipeline(), SENTENCES["surname"])
    assert ("Borrell", "PERSON") in found
    assert not any(text == "Borrell" and label in {"GPE", "LOC", "ORG"} for text, label in found)


def test_two_people_joined_by_and_are_two_people():
    found = ents(pipeline(), SENTENCES["pair"])
    assert ("Vucic", "PERSON") in found and ("Hoti", "PERSON") in found
    assert ("Vucic and Hoti", "ORG") not in found


@pytest.mark.parametrize("name", sorted(SENTENCES))
def test_bare_model_is_worse_or_equal(name):
    """The rules only add knowledge: on these sentences the bare model makes the errors named above."""
    bare = ents(bare_pipeline(), SENTENCES[name])
    ours = ents(pipeline(), SENTENCES[name])
    assert {e for e in ours if e[1] == "PERSON"} >= {e for e in bare if e[1] == "PERSON"}


def test_gazetteer_ids_on_states_capitals_and_organizations():
    doc = pipeline()("Serbia, Belgrade and the European Union (EU) met in Pristina.")
    ids = {e.text: e.ent_id_ for e in doc.ents}
    assert ids["Serbia"] == "state-Q403" and ids["Belgrade"] == "place-Q3711"
    assert ids["European Union"] == ids["EU"] == "org-Q458" and ids["Pristina"] == "place-Q25270"
