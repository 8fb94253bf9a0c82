"""Name mentions on hand-written news sentences (real spaCy model)."""
from __future__ import annotations

import pytest

from kg.extract.entities import extract_mentions
from kg.nlp import pipeline


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Andy Warhol's paintings were sold in New York on Monday.", "Andy Warhol", "Person"),
    ("The Church of Scientology's lawyers filed a complaint.", "Church of Scientology", "Organization"),
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
