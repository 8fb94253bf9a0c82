"""Positions held and political relations on Re-DocRED dev: alignment, matching, mapping, and the real run."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.errors import EvalError
from kg.evaluate.redocred import (
    RELATIONS,
    align,
    baseline_triples,
    cluster_names,
    detokenize,
    format_redocred_report,
    match,
    newskg_triples,
    read_documents,
    score_document,
    score_redocred,
    summarise,
)
from kg.read import make_article
from kg.records import Entity, Evidence, Extraction, Mention, Relation, Role

DOC = {
    "title": "Test",
    "sents": [["Serbian", "President", "Aleksandar", "Vucic", "(", "born", "1970", ")", "met", "Ana", "Brnabic", "."]],
    "vertexSet": [
        [{"name": "Serbian", "sent_id": 0, "pos": [0, 1], "type": "LOC"}, {"name": "Serbia", "sent_id": 0, "pos": [0, 1], "type": "LOC"}],
        [{"name": "Aleksandar Vucic", "sent_id": 0, "pos": [2, 4], "type": "PER"},
         {"name": "Vucic", "sent_id": 0, "pos": [3, 4], "type": "PER"}],
        [{"name": "Ana Brnabic", "sent_id": 0, "pos": [9, 11], "type": "PER"}],
        [{"name": "President", "sent_id": 0, "pos": [1, 2], "type": "MISC"}],
    ],
    "labels": [{"h": 0, "t": 1, "r": "P35", "evidence": [0]}, {"h": 1, "t": 0, "r": "P27", "evidence": [0]},
               {"h": 1, "t": 3, "r": "P39", "evidence": [0]}, {"h": 0, "t": 2, "r": "P6", "evidence": [0]},
               {"h": 1, "t": 2, "r": "P3373", "evidence": [0]}],
}


def test_detokenize_and_align():
    assert detokenize(DOC["sents"][0]) == "Serbian President Aleksandar Vucic (born 1970) met Ana Brnabic."
    clusters = cluster_names(DOC)
    assert align(["the Serbian"], clusters) == {0}
    assert align(["Vucic", "Aleksandar  Vucic"], clusters) == {1}
    assert align(["Belgrade"], clusters) == frozenset()


def test_matching_is_one_to_one():
    one = (frozenset({0}), frozenset({1}), "Serbia -> Vucic")
    assert match([one], {(0, 1)}) == (1, [], [])
    assert match([one, one], {(0, 1)})[0] == 1  # the same cluster pair counts once
    assert match([(frozenset(), frozenset({1}), "Belgrade -> Vucic")], {(0, 1)}) == (0, ["Belgrade -> Vucic"], [(0, 1)])


def test_a_perfect_prediction_scores_1_and_a_wrong_one_0():
    right = {r: [] for r in RELATIONS}
    right["P35"] = [(["Serbia"], ["Aleksandar Vucic"])]
    right["P27"] = [(["Vucic"], ["Serbian"])]
    right["P39"] = [(["Aleksandar Vucic"], ["President"])]
    right["P6"] = [(["Serbia"], ["Ana Brnabic"])]
    wrong = {r: [(["Ana Brnabic"], ["Serbia"])] for r in RELATIONS}
    unit = score_document(DOC, {"newskg": right, "baseline": wrong})
    result = summarise([unit], details=True)
    assert result["newskg"]["micro"] == {"tp": 4, "predicted": 4, "gold": 4, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert result["baseline"]["micro"]["f1"] == 0.0 and result["baseline"]["micro"]["predicted"] == 6
    assert "errors" in result and not result["errors"]
    assert "errors" not in summarise([unit])


def _extraction(text, roles=(), relations=(), entities=()):
    return Extraction(make_article(dt.date(2019, 1, 1), text), entities=tuple(entities), roles=tuple(roles), relations=tuple(relations))


def test_newskg_records_map_to_relations():
    text = "Serbian President Aleksandar Vucic met Ana Brnabic, a member of the Serbian Progressive Party."
    ev = Evidence(0, 10, text, "test")
    vucic = Entity("person-aleksandar-vucic", "Person", "Aleksandar Vucic",
                   mentions=(Mention(18, 34, "Aleksandar Vucic", "Person", "ner"),))
    brnabic = Entity("person-ana-brnabic", "Person", "Ana Brnabic")
    party = Entity("org-serbian-progressive-party", "Organization", "Serbian Progressive Party")
    extraction = _extraction(text, roles=[Role("person-aleksandar-vucic", "President", "state-Q403", dt.date(2019, 1, 1), ev),
                                          Role("person-ana-brnabic", "Chairman", "org-serbian-progressive-party", dt.date(2019, 1, 1), ev)],
                             relations=[Relation("person-ana-brnabic", "memberOf", "org-serbian-progressive-party", ev)],
                             entities=[vucic, brnabic, party])
    triples = newskg_triples(extraction)
    assert (["Aleksandar Vucic"] == triples["P35"][0][1][:1]) and "Serbia" in triples["P35"][0][0]
    assert "Serbian" in triples["P35"][0][0]  # a state's demonyms are its names
    assert triples["P6"] == []  # President is a head of state title, not head of government
    assert "Serbia" in triples["P27"][0][1]
    assert "President" in triples["P39"][0][1] and "President of Serbia" in triples["P39"][0][1]
    assert triples["P488"] == [(["Serbian Progressive Party"], ["Ana Brnabic"])]
    assert triples["P102"] == [(["Ana Brnabic"], ["Serbian Progressive Party"])]


def test_the_baseline_reads_titles_next_to_people():
    """A Doc built by hand with the bare model's labels: title adjacency for P39, co-occurrence for the rest."""
    import spacy
    from spacy.tokens import Doc

    words = ["Serbian", "President", "Aleksandar", "Vucic", "met", "Ana", "Brnabic", "in", "Belgrade", ".",
             "Ana", "Brnabic", ",", "the", "chairman", ",", "spoke", "for", "the", "SNS", "."]
    ents = ["B-NORP", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O",
            "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "B-ORG", "O"]
    starts = [True] + [False] * 9 + [True] + [False] * 10
    spaces = [w not in {",", "."} and nxt not in {",", "."} for w, nxt in zip(words, words[1:] + ["."], strict=True)]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, ents=ents, sent_starts=starts)
    triples = baseline_triples(doc)
    assert triples["P39"] == [(["Aleksandar Vucic"], ["President"]), (["Ana Brnabic"], ["chairman"])]
    assert triples["P35"] == [(["Belgrade"], ["Aleksandar Vucic"]), (["Belgrade"], ["Ana Brnabic"])]
    assert triples["P6"] == []
    assert triples["P488"] == [(["SNS"], ["Ana Brnabic"])]
    assert (["Aleksandar Vucic"], ["Serbian"]) in triples["P27"] and triples["P102"] == []


def test_a_missing_file_is_e010(tmp_path):
    with pytest.raises(EvalError) as exc:
        read_documents(tmp_path / "redocred_dev_political.json")
    assert exc.value.code == "E010" and "redocred_dev_political.json" in str(exc.value)
    bad = tmp_path / "bad.json"
    bad.write_text('[{"title": "x"}]', encoding="utf-8")
    with pytest.raises(EvalError) as exc:
        read_documents(bad)
    assert exc.value.code == "E030"


@pytest.fixture(scope="module")
def redocred(eval_dir):
    result = score_redocred(eval_dir / "redocred_political" / "redocred_dev_political.json")
    print(format_redocred_report(result))
    return result


@pytest.mark.slow
def test_redocred_runs_over_both_halves(redocred):
    assert redocred["all"]["documents"] == 91 == redocred["tune"]["documents"] + redocred["check"]["documents"]
    gold = {r: redocred["all"]["newskg"][r]["gold"] for r in RELATIONS}
    assert gold["P35"] == 63 and gold["P6"] == 78 and gold["P488"] == 40 and gold["P102"] == 54 and gold["P39"] == 8
    assert all(redocred["tune"]["newskg"][r]["gold"] + redocred["check"]["newskg"][r]["gold"] == gold[r] for r in RELATIONS)
    assert "errors" in redocred["tune"] and "errors" not in redocred["check"]
    text = format_redocred_report(redocred, details=True, half="check")
    assert "false positive" not in text and "missed" not in text


@pytest.mark.slow
def test_redocred_floors(redocred):
    """Measured 2026-11-30 on all 91 documents: newskg micro F1 0.028 (P488 0.140), baseline micro F1 0.172.
    2026-12-05, with nationalities ('Canadian politician X' -> P27): newskg micro 0.199 (tune 0.158, check 0.239), P27
    0.244 (precision 0.905 on tune), P488 0.320; baseline unchanged."""
    assert redocred["all"]["newskg"]["micro"]["f1"] >= 0.15
    assert redocred["all"]["newskg"]["P27"]["f1"] >= 0.18
    assert redocred["all"]["newskg"]["P488"]["f1"] >= 0.10
    assert redocred["all"]["baseline"]["micro"]["f1"] >= 0.15
