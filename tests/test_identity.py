"""Identity across the corpus: one node per real person, organisation and state; merges recorded, explained, overridable.

tests/data/identity/entities/ holds five articles written for these tests: a person written 'Timothy R. Hale', 'Tim Hale'
and 'T. Hale'; 'Thomas Enders' and 'Tom Enders'; 'Aleksandar Vučić' and 'Aleksandar Vucic'; an acronym the article
defines ('Union of Rationalist Atheists and Agnostics (UAAR)') and used alone in another article; a company
renamed ('Acme Robotics Inc. (formerly Acme Automation Inc.)'); and two people named Porter in different contexts
(Sarah Porter of Acme Robotics, John Porter of the US Senate), one article naming 'Porter' alone beside Acme.
"""
from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Literal

from kg.identity import Decision, fold, person_variant, read_decisions
from kg.vocab import KG
from tests.conftest import DATA

CORPUS = DATA / "identity" / "entities"
FACTORY = "2024-05-20-acme-robotics-factory.txt"


def test_names_fold_for_case_diacritics_and_transliteration():
    assert fold("Aleksandar Vučić") == fold("ALEKSANDAR VUCIC") == "aleksandar vucic"
    assert fold("Владимир Путин") == "vladimir putin"
    assert fold("the U.S. Air Force") == fold("US Air Force")


def test_person_variants_need_a_surname_and_compatible_given_names():
    assert person_variant("Tim Cook", "Timothy D. Cook").startswith("nickname")
    assert person_variant("Tom Enders", "Thomas Enders") == "nickname Tom/Thomas"
    assert person_variant("T. Hale", "Timothy R. Hale").startswith("initial")
    assert person_variant("John Porter", "Sarah Porter") == ""
    assert person_variant("George W. Bush", "George H. W. Bush") == ""


def test_nicknames_come_from_the_derived_list_with_their_source():
    from kg import resources

    rows = [r for r in resources.jsonl("nicknames.jsonl") if (r["name"], r["nickname"]) == ("timothy", "tim")]
    assert rows and rows[0]["source"].startswith("pypi nicknames==")


def test_a_bad_decisions_line_is_an_error_naming_it(tmp_path):
    from kg.errors import IdentityError

    path = tmp_path / "decisions.txt"
    path.write_text("# mine\nsame | Tim Cook | Timothy D. Cook\nmaybe | A | B\n", encoding="utf-8")
    with pytest.raises(IdentityError) as err:
        read_decisions(path)
    assert err.value.code == "E061" and "decisions.txt:3" in str(err.value)


def _build(decisions=()):
    from kg.pipeline import build
    from kg.rdf import to_dataset

    result = build([CORPUS], decisions=list(decisions))
    assert not result.errors
    return result, to_dataset(result.extractions)


@pytest.fixture(scope="module")
def built():
    return _build()


def _nodes(ds, etype: str) -> dict[str, str]:
    from kg.ids import ENTITIES_GRAPH

    g = ds.graph(ENTITIES_GRAPH)
    return {str(g.value(s, RDFS.label)): str(s) for s in g.subjects(RDF.type, KG[etype])}


def test_one_node_per_real_person_organisation_and_state(built):
    _, ds = built
    people = _nodes(ds, "Person")
    for name in ("Timothy R. Hale", "Thomas Enders", "Aleksandar Vucic", "Sarah Porter", "John Porter"):
        assert name in people, sorted(people)
    for variant in ("Tim Hale", "T. Hale", "Tom Enders", "Aleksandar Vučić", "Porter"):
        assert variant not in people, f"{variant} is a node of its own"
    orgs = _nodes(ds, "Organization")
    assert "Acme Robotics" in orgs and "Acme Automation" not in orgs, sorted(orgs)
    assert "UAAR" not in orgs and any(n.startswith("Union of Rationalist") for n in orgs), sorted(orgs)
    assert sorted(_nodes(ds, "State")) == ["Serbia", "United States"]  # Serbian, Serbia; the United States Senate


def test_two_namesakes_stay_two_and_a_surname_joins_by_context(built):
    result, ds = built
    people = _nodes(ds, "Person")
    assert people["Sarah Porter"] != people["John Porter"]
    factory = next(e for e in result.extractions if e.article.path.endswith(FACTORY))
    porter = next(e for e in factory.entities if any(m.text == "Porter" for m in e.mentions))
    assert porter.label == "Sarah Porter"  # 'Porter' speaking for Acme Robotics is Acme's CFO, not the senator


def test_type_and_label_are_written_once(built):
    _, ds = built
    from kg.graphio import oxigraph

    store = oxigraph(ds)
    rows = list(store.query("PREFIX kg: <https://w3id.org/newskg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                            "SELECT ?label WHERE { ?x a kg:Person ; rdfs:label ?label }", use_default_graph_as_union=True))
    labels = [r["label"].value for r in rows]
    assert len(labels) == len(set(labels)) == len(_nodes(ds, "Person"))


def test_every_merge_is_recorded_with_rule_score_articles_and_mentions(built):
    _, ds = built
    from kg.graphio import oxigraph

    store = oxigraph(ds)
    q = """PREFIX kg: <https://w3id.org/newskg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?label ?name ?rule ?score (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?ev) AS ?mentions) WHERE {
      ?x rdfs:label ?label ; kg:merged ?m . ?m kg:mergedName ?name ; kg:rule ?rule ; kg:score ?score ; kg:article ?a ; kg:mention ?ev }
    GROUP BY ?label ?name ?rule ?score"""
    merges = {(r["label"].value, r["name"].value): (r["rule"].value, float(r["score"].value), int(r["articles"].value))
              for r in store.query(q, use_default_graph_as_union=True)}
    assert merges[("Thomas Enders", "Tom Enders")][0] == "name-variant"
    assert merges[("Timothy R. Hale", "T. Hale")][0] == "name-variant"
    assert next(v for k, v in merges.items() if k[1] == "UAAR")[0] == "acronym-defined"
    assert next(v for k, v in merges.items() if k[1] == "UAAR")[2] == 2
    assert merges[("Acme Robotics", "Acme Automation")][0] == "former-name"
    assert merges[("Sarah Porter", "Porter")][0] == "surname-context"
    assert all(0 < score <= 1 for _, score, _ in merges.values())


def test_a_renamed_company_keeps_its_former_name_dated(built):
    _, ds = built
    from kg.ids import ENTITIES_GRAPH

    g = ds.graph(ENTITIES_GRAPH)
    acme = next(s for s in g.subjects(RDFS.label, Literal("Acme Robotics")))
    former = [g.value(f, KG.name) for f in g.objects(acme, KG.formerName)]
    assert Literal("Acme Automation") in former


def test_decisions_override_the_rules_and_undo_a_merge(tmp_path):
    decisions = [Decision(False, "Tom Enders", "Thomas Enders", "two people", "test:1"),
                 Decision(True, f"Porter @ {FACTORY}", "John Porter", "", "test:2")]
    result, ds = _build(decisions)
    people = _nodes(ds, "Person")
    assert "Tom Enders" in people and "Thomas Enders" in people and people["Tom Enders"] != people["Thomas Enders"]
    factory = next(e for e in result.extractions if e.article.path.endswith(FACTORY))
    assert next(e for e in factory.entities if any(m.text == "Porter" for m in e.mentions)).label == "John Porter"
    from kg.ids import ENTITIES_GRAPH

    g = ds.graph(ENTITIES_GRAPH)
    tom = next(s for s in g.subjects(RDFS.label, Literal("Tom Enders")))
    assert (tom, KG.distinctFrom, next(s for s in g.subjects(RDFS.label, Literal("Thomas Enders")))) in g
    # the same file without its lines: the rules again
    _, again = _build([])
    assert "Tom Enders" not in _nodes(again, "Person")


def test_a_decisions_file_is_read_by_kg_build_and_kg_explain_names_rule_and_articles(tmp_path, capsys):
    from kg.cli import main

    decisions = tmp_path / "decisions.txt"
    decisions.write_text("# my decisions\nnot same | Tom Enders | Thomas Enders | two men\nsame | Nobody Here | Thomas Enders\n",
                         encoding="utf-8")
    out = tmp_path / "g.trig"
    assert main(["build", str(CORPUS), "-o", str(out), "--workers", "1", "--quiet", "--identity", str(decisions)]) == 0
    err = capsys.readouterr().err
    assert "names no entity" in err and "decisions.txt:3" in err
    assert main(["explain", "Tom Enders", "--graph", str(out)]) == 0
    text = capsys.readouterr().out
    assert "kept apart from Thomas Enders" in text and "decisions.txt:2" in text
    assert main(["build", str(CORPUS), "-o", str(out), "--workers", "1", "--quiet"]) == 0
    capsys.readouterr()
    assert main(["explain", "Tim Hale", "--graph", str(out)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Timothy R. Hale (Person)")
    assert "rule name-variant" in text and "2024-05-20-acme-robotics-factory.txt" in text and "2019-11-02" in text


def test_explain_is_a_library_function_for_the_tooltip_and_the_report(built):
    from kg.explain import explain, identity_notes

    _, ds = built
    (node,) = explain(ds, "UAAR")
    assert node["merges"][0]["rule"] == "acronym-defined" and len(node["merges"][0]["articles"]) == 2
    notes = identity_notes(ds)
    assert any("acronym-defined" in line for lines in notes.values() for line in lines)


def test_streamed_build_decides_as_the_build_in_memory(built, tmp_path):
    from kg.pipeline import build_stream

    result, _ = built
    stream = build_stream([CORPUS], tmp_path / "journal")
    streamed = {(e.article.id, x.key, x.label) for e in stream.extractions() for x in e.entities}
    assert streamed == {(e.article.id, x.key, x.label) for e in result.extractions for x in e.entities}


def test_rekeying_moves_every_reference_to_the_canonical_key():
    """A role's holder and owner, an event's participants and place: all follow an organisation's canonical key."""
    import datetime as dt

    from kg.records import Article, Entity, Event, Evidence, Extraction, Mention, Role
    from kg.resolve import rekey

    ev = Evidence(0, 5, "s", "test", 1.0)
    old = Mention(0, 14, "Apple Computer", "Organization", "ner-org", key="org-apple-computer")
    city = Mention(20, 29, "Cupertino", "Place", "ner-gpe", key="place-cupertino")
    jobs = Mention(30, 40, "Steve Jobs", "Person", "ner-person", key="person-steve-jobs")
    x = Extraction(
        article=Article(id="a1", date=dt.date(2006, 1, 1), text="x" * 50),
        entities=(Entity("org-apple-computer", "Organization", "Apple Computer", mentions=(old,)),
                  Entity("place-cupertino", "Place", "Cupertino", mentions=(city,)),
                  Entity("person-steve-jobs", "Person", "Steve Jobs", mentions=(jobs,))),
        roles=(Role("person-steve-jobs", "Chief Executive", "org-apple-computer", dt.date(2006, 1, 1), ev),),
        events=(Event("event-1", "Release", "Release", ev, participants=(("participant", "org-apple-computer"),),
                      place="place-cupertino"),),
    )
    y = rekey(x, {"org-apple-computer": "org-apple", "place-cupertino": "place-cupertino-ca"})
    assert [r.of for r in y.roles] == ["org-apple"]
    assert y.events[0].participants == (("participant", "org-apple"),)
    assert y.events[0].place == "place-cupertino-ca"
    assert {e.key for e in y.entities} == {"org-apple", "place-cupertino-ca", "person-steve-jobs"}


@pytest.mark.parametrize(("text", "acronym", "defined"), [
    ("the Polish Armaments Group (PGZ) said", "PGZ", True),  # initials of the name in Polish
    ("Doctors Without Borders (MSF) said", "MSF", True),
    ("the Polish Armaments Group, or PGZ, said", "PGZ", False),  # 'or': the letters must fit
    ("the Polish Armaments Group Board (PGZ) said", "PGZ", False),  # the name runs on past the mention
])
def test_an_acronym_bracketed_right_after_the_name_is_defined_whatever_its_letters(text, acronym, defined):
    from kg.identity import ACRONYM_AFTER, _bracketed_right_after

    end = text.index(" Group") + len(" Group") if "Group" in text else text.index("Borders") + len("Borders")
    hit = ACRONYM_AFTER.match(text, end)
    assert hit is not None and hit.group(2) == acronym
    assert _bracketed_right_after(text, end, hit) is defined
