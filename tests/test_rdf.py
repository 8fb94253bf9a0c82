"""RDF output: provenance on every fact, formats that round-trip, atomic writes."""
from __future__ import annotations

import pytest
from rdflib import RDF, Dataset
from rdflib.compare import isomorphic

from kg import ids
from kg.rdf import load, save, union, write_atomic
from kg.validate import validate
from kg.vocab import KG


def test_every_evidence_offset_is_the_mention(seed_dataset, seed_extraction):
    text = seed_extraction.article.text
    g = seed_dataset.graph(ids.article_iri(seed_extraction.article.id))
    nodes = set(g.subjects(RDF.type, KG.Evidence))
    assert len(nodes) > 50
    for node in nodes:
        start, end = int(g.value(node, KG.start)), int(g.value(node, KG.end))
        assert text[start:end] == str(g.value(node, KG.anchor))
        assert text[start:end].strip() and str(g.value(node, KG.extractor))


@pytest.mark.parametrize("cls", [KG.Person, KG.Role, KG.Meeting, KG.Statement, KG.RelationStatement])
def test_facts_carry_evidence(seed_dataset, seed_extraction, cls):
    g = seed_dataset.graph(ids.article_iri(seed_extraction.article.id))
    subjects = set(g.subjects(RDF.type, cls)) | {s for sub in (KG.VirtualMeeting, KG.Summit, KG.Talks) if cls == KG.Meeting
                                                 for s in g.subjects(RDF.type, sub)}
    assert subjects
    assert all(g.value(s, KG.evidence) is not None for s in subjects)


def test_seed_graph_conforms(seed_dataset):
    assert validate(seed_dataset).conforms


def test_broken_graph_does_not_conform(seed_dataset):
    broken = Dataset()
    for quad in seed_dataset.quads((None, None, None, None)):
        if quad[1] != KG.holder:
            broken.add(quad)
    result = validate(broken)
    assert not result.conforms and "holder" in result.report


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".jsonld"])
def test_quad_formats_round_trip(tmp_path, seed_dataset, suffix):
    path = tmp_path / f"g{suffix}"
    save(seed_dataset, path)
    back = load(path)
    assert isomorphic(union(back), union(seed_dataset))
    assert {str(g.identifier) for g in back.graphs() if len(g)} >= {str(g.identifier) for g in seed_dataset.graphs() if len(g)}


def test_turtle_is_the_union(tmp_path, seed_dataset):
    path = tmp_path / "g.ttl"
    save(seed_dataset, path)
    assert isomorphic(union(load(path)), union(seed_dataset))


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path):
    path = tmp_path / "out.trig"
    write_atomic(path, b"old")

    with pytest.raises(TypeError):
        write_atomic(path, "not bytes: the write fails half-way")  # type: ignore[arg-type]
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.trig"]


def test_unparseable_graph_is_a_coded_error(tmp_path):
    from kg.errors import GraphError

    bad = tmp_path / "bad.trig"
    bad.write_text("<a> <b> .")
    with pytest.raises(GraphError, match=r"\[E020\].*bad.trig"):
        load(bad)
