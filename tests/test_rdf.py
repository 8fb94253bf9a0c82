"""RDF output: provenance on every fact, formats that round-trip, atomic writes."""
from __future__ import annotations

import pytest
from rdflib import RDF, Dataset
from rdflib.compare import isomorphic

from kg import ids
from kg.graphio import load, save, union, write_atomic
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
    if cls == KG.Person:  # typed once, in the entities graph; the article graph holds their evidence
        shared = seed_dataset.graph(ids.ENTITIES_GRAPH)
        subjects = {s for s in shared.subjects(RDF.type, cls) if (s, KG.evidence, None) in g}
        assert (next(iter(subjects)), RDF.type, cls) not in g
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


def test_kill_9_during_a_write_leaves_no_temporary_file_after_the_next_write(tmp_path):
    """A writer killed mid-write leaves its temporary file; the next write of the same path removes it (issue 14)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    path = tmp_path / "out.trig"
    write_atomic(path, b"old")
    script = f"from kg.graphio import write_atomic; write_atomic({str(path)!r}, b'x' * 100_000_000)"
    for _ in range(5):  # the kill must land while the temporary file exists; try again if the write won the race
        child = subprocess.Popen([sys.executable, "-c", script])
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not [p for p in tmp_path.iterdir() if p.name != "out.trig"]:
            time.sleep(0.001)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        if [p for p in tmp_path.iterdir() if p.name != "out.trig"]:
            break
        write_atomic(path, b"old")
    stale = [p for p in tmp_path.iterdir() if p.name != "out.trig"]
    assert stale, "the writer was never caught mid-write"
    assert path.read_bytes() == b"old"
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.trig"]


def test_a_temporary_file_of_a_running_writer_is_left_alone(tmp_path):
    import os

    from kg.graphio import TEMP_SUFFIX

    path = tmp_path / "out.trig"
    live = tmp_path / f".out.trig.{os.getpid()}.abc{TEMP_SUFFIX}"
    live.write_bytes(b"half")
    write_atomic(path, b"new")
    assert live.exists() and path.read_bytes() == b"new"


def test_an_unknown_output_format_is_a_coded_error(tmp_path, seed_dataset):
    from kg.errors import GraphError

    with pytest.raises(GraphError, match=r"\[E022\].*\.xml"):
        save(seed_dataset, tmp_path / "graph.xml")
    with pytest.raises(GraphError, match=r"\[E022\]"):
        save(seed_dataset, tmp_path / "graph.trig", "rdfxml-ish")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".nq", ".trig"])
def test_streamed_file_is_the_dataset(tmp_path, seed_extraction, suffix):
    """QuadWriter writes its own N-Triples lines; rdflib reads back the same graphs as to_dataset builds."""
    from dataclasses import replace

    from kg.rdf import QuadWriter, to_dataset

    article = replace(seed_extraction.article, text=seed_extraction.article.text + ' A "quoted" \\ back\\slash,\r\na tab\tand ünïcode…')
    extraction = replace(seed_extraction, article=article)
    writer = QuadWriter(tmp_path / f"g{suffix}")
    writer.add(extraction)
    writer.close()
    written = load(tmp_path / f"g{suffix}")
    expected = to_dataset([extraction])
    names = {str(g.identifier) for g in expected.graphs() if len(g)}
    assert names == {str(g.identifier) for g in written.graphs() if len(g)}
    for name in names:
        assert isomorphic(written.graph(name), expected.graph(name)), name


def test_posts_of_places_nationalities_and_retyped_places_conform(tmp_path):
    """A city's mayor and a province's premier are posts of a Place; a nationality is a person's; a venue the
    articles name both as a place and as an organisation ('Chequers', in two team articles, typed one way by identity
    across them) is written as a place only where its node is one: the built graph conforms to the shapes."""
    from kg.pipeline import build
    from kg.rdf import to_dataset
    from tests.conftest import DATA

    (tmp_path / "mayor.txt").write_text(
        " date 2024-03-05 Mayors meet\n\nSadiq Khan, the mayor of London, met Alberta premier Danielle Smith in Calgary on "
        "Monday. Canadian novelist Margaret Atwood attended the meeting.\n", encoding="utf-8")
    paths = [tmp_path / "mayor.txt", DATA / "tune-wire" / "2018-07-09-uk-johnson-resigns-hunt-foreign-secretary.txt",
        DATA / "tune-wire" / "2025-09-18-trump-uk-state-visit-tech-deal.txt"]
    result = build(paths)
    assert not result.errors
    ds = to_dataset(result.extractions)
    quads = list(ds.quads((None, None, None, None)))
    types = {(s, o) for s, p, o, _ in quads if p == RDF.type}
    assert any((o, KG.Place) in types for _, p, o, _ in quads if p == KG.roleOf), "no post of a place was built"
    assert any(p == KG.nationality for _, p, _, _ in quads), "no nationality was built"
    assert not [o for _, p, o, _ in quads if p == KG.place and (o, KG.Organization) in types]
    result = validate(ds)
    assert result.conforms, result.report


def test_triple_set_set_replaces_the_one_value_of_that_subject_and_predicate():
    from rdflib import RDFS, BNode, Literal, URIRef

    from kg.rdf import TripleSet

    a, b = URIRef("https://example.org/a"), BNode("https://example.org/a")  # the same string, not the same node
    triples = TripleSet()
    for triple in ((a, RDFS.label, Literal("old")), (b, RDFS.label, Literal("blank")), (a, RDFS.comment, Literal("kept"))):
        triples.add(triple)
    triples.set((a, RDFS.label, Literal("new")))
    assert list(triples) == [(b, RDFS.label, Literal("blank")), (a, RDFS.comment, Literal("kept")), (a, RDFS.label, Literal("new"))]
