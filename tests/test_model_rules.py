"""The model's attribute ruler and lemmatizer as table look-ups (kg.model_rules): the same Docs as spaCy's own
components give, on real articles and on token shapes the tables must not get wrong."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kg.model_rules import AttributeTable, LemmaTable, install
from kg.nlp import bare_pipeline
from kg.read import read_paths
from tests.conftest import DATA

# what the ruler's patterns turn on: contractions over two tokens ("ca n't"), negations, auxiliaries in several
# dependencies, spaces, 'that' as determiner and conjunction, lemmas the ruler itself sets ("'s" as 'be')
WRITTEN = [
    "They can't and won't agree: it's not what we've been told, he'd said, and that's that.",
    "Nothin' was signed.  Y'all know it.\n\nThe minister, who is in Brussels, says that that deal is dead.",
    "She ain't going; I'm staying. Is it over? Were they there? Does he, or doesn't he?",
    "UPDATED 14:00   The talks -- which had been cut short -- resume at 9 a.m.",
    # the Matcher's few-token patterns ('gonna', 'gotta', "let's", "c'mon", "y'all", "ain't", expletive 'there'), one
    # cut by the end of the text
    "There is time, there were talks and there's a deal: we're gonna sign, let's go, c'mon, y'all gotta see it. Gon",
    "",
]


@pytest.fixture(scope="module")
def models():
    return bare_pipeline(), install(bare_pipeline())


def _texts() -> list[str]:
    articles = [a.text for folder in ("tune-wire", "articles") for a in read_paths([DATA / folder]) if hasattr(a, "text")]
    return WRITTEN + articles[:40]


def _attrs(token) -> tuple:
    return token.tag_, token.pos_, str(token.morph), token.lemma_, token.dep_


def test_the_tables_replace_the_rule_components_under_their_names(models):
    spacy_nlp, ours = models
    assert ours.pipe_names == spacy_nlp.pipe_names
    assert isinstance(ours.get_pipe("attribute_ruler"), AttributeTable)
    assert isinstance(ours.get_pipe("lemmatizer"), LemmaTable)
    assert ours.get_pipe("lemmatizer").lookups.has_table("lemma_index")  # what kg.nlp's word lists read


def test_docs_are_byte_identical_to_the_models_own(models):
    spacy_nlp, ours = models
    texts = _texts()
    for theirs, mine in zip(spacy_nlp.pipe(texts), ours.pipe(texts), strict=True):
        assert mine.to_bytes() == theirs.to_bytes(), next(
            ((t.text, _attrs(t), _attrs(u)) for t, u in zip(theirs, mine, strict=True) if _attrs(t) != _attrs(u)),
            "the same tokens' attributes, other data differs")


def test_a_later_rule_wins_over_an_earlier_one_on_one_token(models):
    """Applied twice to the same Doc (the second time every token is decided from its kept decision), and with its
    memory cleared: the same result each time."""
    spacy_nlp, _ = models
    table = AttributeTable(spacy_nlp.get_pipe("attribute_ruler"))
    with spacy_nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        parsed = spacy_nlp(WRITTEN[0] + " " + WRITTEN[2])
    expected = spacy_nlp.get_pipe("attribute_ruler")(Doc(spacy_nlp.vocab).from_bytes(parsed.to_bytes())).to_bytes()
    for _ in range(2):
        assert table(Doc(spacy_nlp.vocab).from_bytes(parsed.to_bytes())).to_bytes() == expected
        table.kept.clear()
