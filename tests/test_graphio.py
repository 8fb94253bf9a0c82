"""kg.graphio: one table of formats, read and written the same way by rdflib and by Oxigraph; any source into Oxigraph."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg import graphio
from kg.analysis.examples import example_dataset
from kg.errors import GraphError


@pytest.fixture(scope="module")
def ds():
    return example_dataset()


def _quads(store: ox.Store) -> int:
    return len(store)


def _count(ds) -> int:
    return sum(len(g) for g in ds.graphs())


@pytest.mark.parametrize("suffix", sorted(graphio.FORMATS))
def test_every_format_of_the_table_is_written_and_read_back_by_rdflib_and_by_oxigraph(ds, tmp_path, suffix):
    path = tmp_path / f"graph{suffix}"
    graphio.save(ds, path)
    quads = graphio.FORMATS[suffix].quads
    expected = _count(ds) if quads else len(graphio.union(ds))
    assert len(graphio.union(graphio.load(path))) == len(graphio.union(ds))
    assert _quads(graphio.read_file(path)) == expected
    assert _quads(graphio.oxigraph(str(path))) == expected
    with_ontology = graphio.read_file(path, ontology=True)
    assert _quads(with_ontology) > expected


def test_one_table_of_formats():
    """No module of kg but graphio names graph file suffixes or asks pyoxigraph for a format by extension."""
    from tests.conftest import ROOT

    for path in (ROOT / "kg").rglob("*.py"):
        if path.name != "graphio.py":
            text = path.read_text(encoding="utf-8")
            assert not any(s in text for s in ('".trig"', '".nq"', '".ttl"', "from_extension")), path


@pytest.mark.parametrize("name", ["graph.xml", "graph", "graph.TRIGX"])
def test_an_unknown_suffix_is_e022_to_write_and_e020_to_read(ds, tmp_path, name):
    path = tmp_path / name
    with pytest.raises(GraphError) as err:
        graphio.save(ds, path)
    assert err.value.code == "E022"
    path.write_text("<a> <b> <c> .\n")
    for read in (graphio.load, graphio.read_file, graphio.oxigraph):
        with pytest.raises(GraphError) as err:
            read(path)
        assert err.value.code == "E020", read
    assert [p.name for p in tmp_path.iterdir()] == [name]  # the refused write left nothing behind


def test_a_missing_file_is_e010(tmp_path):
    for read in (graphio.load, graphio.read_file, graphio.oxigraph):
        with pytest.raises(GraphError) as err:
            read(tmp_path / "missing.trig")
        assert err.value.code == "E010"


def test_an_explicit_format_overrides_the_suffix(ds, tmp_path):
    path = tmp_path / "graph.data"
    graphio.save(ds, path, "nquads")
    assert graphio.format_for(path, "nq") == graphio.format_for("x.nq") == "nquads"
    assert _count(graphio.load(path, "nquads")) == _count(ds)


def test_any_source_into_oxigraph(ds, tmp_path):
    from kg.store import load_dataset

    given = ox.Store()
    assert graphio.oxigraph(given) is given
    copied = graphio.oxigraph(ds)
    assert len(copied) == _count(ds)
    assert len(graphio.oxigraph(ds, ontology=True)) > _count(ds)
    load_dataset(ds, tmp_path / "store")
    opened = graphio.oxigraph(tmp_path / "store")
    assert {g.value for g in opened.named_graphs()} >= {str(g.identifier) for g in ds.graphs() if len(g)}
    with pytest.raises(TypeError):
        graphio.oxigraph(42)
