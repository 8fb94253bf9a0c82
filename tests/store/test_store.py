"""The embedded store: opening, atomic per-article replacement, idempotent loads, surviving kill -9."""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import GraphError, StoreError
from kg.store import ONTOLOGY_GRAPH, RECORDS_GRAPH, load_dataset, load_graphs, named_graphs, open_store
from tests.conftest import ROOT
from tests.store.helpers import KG

ENTITIES = URIRef("https://w3id.org/newskg/id/graph/entities")
P = URIRef("https://example.org/p")


def article(ds: Dataset, key: str, values: list[str]) -> URIRef:
    iri = URIRef(f"https://w3id.org/newskg/id/article/{key}")
    g = ds.graph(iri)
    for v in values:
        g.add((iri, P, Literal(v)))
    return iri


def small_dataset(version: str = "1") -> Dataset:
    ds = Dataset()
    article(ds, "a1", [f"one {version}", "two"])
    article(ds, "a2", ["three"])
    ds.graph(ENTITIES).add((URIRef("https://w3id.org/newskg/id/entity/x"), P, Literal(f"entity {version}")))
    return ds


def store_union(store, *, ontology: bool = False) -> Graph:
    """The union of the store's graphs as an rdflib Graph (the ontology left out unless asked, the build records always)."""
    data = ox.serialize(
        (q.triple for q in store.quads_for_pattern(None, None, None, None)
         if (ontology or str(q.graph_name) != f"<{ONTOLOGY_GRAPH}>") and str(q.graph_name) != f"<{RECORDS_GRAPH}>"),
        format=ox.RdfFormat.N_TRIPLES,
    )
    return Graph().parse(data=data or b"", format="nt")


def dataset_union(ds: Dataset) -> Graph:
    from kg.graphio import union

    return union(ds)


def graph_triples(store, iri: str) -> set[str]:
    return {str(q.triple) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(iri))}


def test_load_dataset_matches_the_dataset_and_holds_the_ontology(tmp_path):
    ds = small_dataset()
    load_dataset(ds, tmp_path / "s")
    store = open_store(tmp_path / "s")
    assert isomorphic(store_union(store), dataset_union(ds))
    assert ONTOLOGY_GRAPH in named_graphs(store, include_ontology=True)
    assert ONTOLOGY_GRAPH not in named_graphs(store)


def test_loading_twice_changes_nothing(tmp_path):
    store = open_store(tmp_path / "s")
    load_dataset(small_dataset(), store)
    before = {str(q) for q in store}
    load_dataset(small_dataset(), store)
    assert {str(q) for q in store} == before


def test_a_reloaded_article_replaces_its_graph_and_merges_shared_entities(tmp_path):
    store = open_store(tmp_path / "s")
    load_dataset(small_dataset("1"), store)
    load_dataset(small_dataset("2"), store)
    a1 = graph_triples(store, "https://w3id.org/newskg/id/article/a1")
    assert any('"one 2"' in t for t in a1) and not any('"one 1"' in t for t in a1)
    assert len(graph_triples(store, "https://w3id.org/newskg/id/article/a2")) == 1
    entities = graph_triples(store, str(ENTITIES))
    assert len(entities) == 2  # a set: old and new description, nothing duplicated


@pytest.mark.parametrize("batch_quads", [1, 2, 3, 1000])
def test_batching_does_not_change_the_result(tmp_path, batch_quads):
    def lines(i: int) -> bytes:
        return b"".join(f'<https://example.org/s{j}> <https://example.org/p> "{i}" .\n'.encode() for j in range(i + 1))

    graphs = [(f"https://example.org/g{i}", lines(i)) for i in range(5)]
    store = ox.Store()
    assert load_graphs(store, graphs, batch_quads=batch_quads) == 5
    assert len(store) == sum(range(1, 6))
    assert load_graphs(store, graphs, batch_quads=batch_quads) == 5
    assert len(store) == sum(range(1, 6))


@pytest.mark.parametrize("existing", [False, True], ids=["new-graph", "replaced-graph"])
def test_broken_data_leaves_the_graph_as_it_was(existing):
    store = ox.Store()
    iri = "https://example.org/g"
    good = b'<https://example.org/s> <https://example.org/p> "old" .\n'
    if existing:
        load_graphs(store, [(iri, good)])
    broken = b'<https://example.org/s> <https://example.org/p> "new" .\n<https://example.org/s> <https://example.org/p> "unterminated .\n'
    with pytest.raises(GraphError) as err:
        load_graphs(store, [(iri, broken)])
    assert err.value.code == "E020"
    assert graph_triples(store, iri) == ({'<https://example.org/s> <https://example.org/p> "old"'} if existing else set())


def test_readers_see_the_old_or_the_new_article_never_half(tmp_path):
    store = open_store(tmp_path / "s")
    iri = "https://example.org/article"
    def version(n: int) -> bytes:
        return b"".join(f'<https://example.org/s{i}> <https://example.org/p> "v{n}" .\n'.encode() for i in range(n))

    versions = {n: version(n) for n in (300, 700)}
    load_graphs(store, [(iri, versions[300])])
    seen: set[int] = set()
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            seen.add(len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(iri)))))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for n in (700, 300) * 10:
            load_graphs(store, [(iri, versions[n])])
    finally:
        done.set()
        reader.join()
    assert seen <= {300, 700}, f"a reader saw a half-written article: {sorted(seen)}"


def test_a_store_locked_by_another_process_says_so(tmp_path):
    path = tmp_path / "s"
    open_store(path).flush()
    code = f"import pyoxigraph, sys; s = pyoxigraph.Store({str(path)!r}); print('held', flush=True); sys.stdin.read()"
    holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == b"held"
        with pytest.raises(StoreError) as err:
            open_store(path)
        assert err.value.code == "E050" and "locked by another process" in str(err.value)
        assert open_store(path, read_only=True) is not None  # a snapshot still reads
    finally:
        holder.stdin.close()
        holder.wait(10)
        holder.stdout.close()


@pytest.mark.parametrize("make", ["missing", "file"])
def test_a_path_that_is_not_a_store_is_a_coded_error(tmp_path, make):
    path = tmp_path / "s"
    if make == "file":
        path.write_text("not a store")
    with pytest.raises(StoreError) as err:
        open_store(path, read_only=True)
    assert err.value.code == "E050"


def _articles(folder, copies: int) -> int:
    """The examples, `copies` times over, each copy with changed text so that it is a distinct article."""
    count = 0
    for n in range(copies):
        for src in sorted((ROOT / "examples").glob("*.txt")):
            lines = src.read_text(encoding="utf-8").split("\n", 1)
            body = lines[1] if len(lines) > 1 else ""
            (folder / f"{n}-{src.name}").write_text(f"{lines[0]}\n{body}\n\nThis is copy {n} of the report.\n", encoding="utf-8")
            count += 1
    return count


def _sst_landed(path) -> bool:
    """True once a bulk batch is surely in: opening writes one table file and each batch eight (one per index),
    linked one by one and committed together, so seventeen files mean the first batch was committed."""
    try:
        return sum(bool(re.fullmatch(r"\d{6}\.sst", name)) for name in os.listdir(path)) >= 17
    except FileNotFoundError:
        return False


def store_quads(path) -> set[str]:
    """Every quad of the store at `path` but the ontology's, as text (the graphs hold no blank nodes)."""
    store = open_store(path, read_only=True)
    return {str(q) for q in store.quads_for_pattern(None, None, None, None) if getattr(q.graph_name, "value", None) != ONTOLOGY_GRAPH}


@pytest.mark.slow
def test_kill_9_during_build_then_rebuild_gives_the_uninterrupted_graph(tmp_path):
    src = tmp_path / "articles"
    src.mkdir()
    total = _articles(src, 2)
    env = {**os.environ, "KG_STORE_BATCH_QUADS": "1000"}  # about one article per batch, so articles land one after another
    reference = tmp_path / "reference"
    build = [*KG, "build", str(src), "--store", str(reference), "--quiet"]
    assert subprocess.run(build, env=env, capture_output=True).returncode == 0
    expected = store_quads(reference)

    store_path = tmp_path / "store"
    build = [*KG, "build", str(src), "-o", str(tmp_path / "first.trig"), "--store", str(store_path), "--quiet"]
    process = subprocess.Popen(build, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while not _sst_landed(store_path) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.001)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(30)
    assert process.returncode == -signal.SIGKILL, "the build finished before it could be killed"

    # the store opens, and every article in it is whole: exactly its graph in the uninterrupted build
    store = open_store(store_path)
    landed = [g for g in named_graphs(store) if "/article/" in g]
    assert landed, "the kill came before any article landed"
    for iri in landed:
        assert graph_triples(store, iri) == {q[: -len(f" <{iri}>")] for q in expected if q.endswith(f" <{iri}>")}, f"{iri} is half-written"
    print(f"killed with {len(landed)} of {total} articles in the store")
    del store

    rebuild = [*KG, "build", str(src), "-o", str(tmp_path / "second.trig"), "--store", str(store_path)]
    done = subprocess.run(rebuild, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"{len(landed)} unchanged" in done.stdout, done.stdout  # what landed is not parsed again
    assert store_quads(store_path) == expected
    final = Dataset()
    final.parse(tmp_path / "second.trig", format="trig")
    assert len([g for g in named_graphs(open_store(store_path)) if "/article/" in g]) == total
    assert isomorphic(store_union(open_store(store_path)), dataset_union(final))
    shutil.rmtree(store_path, ignore_errors=True)


def _sst_files(path) -> int:
    return sum(name.endswith(".sst") for name in os.listdir(path))


def test_a_load_is_compacted_unless_asked_not_to(tmp_path, monkeypatch):
    """Each bulk-loaded batch is its own file until compaction merges them; the quads are the same either way."""
    monkeypatch.setenv("KG_STORE_BATCH_QUADS", "2")  # one batch, so one file set, per article
    ds = Dataset()
    for n in range(12):
        article(ds, f"a{n}", [f"fact {n}", f"other {n}"])
    load_dataset(ds, tmp_path / "compacted")
    load_dataset(ds, tmp_path / "as-loaded", compact=False)
    compacted, as_loaded = open_store(tmp_path / "compacted"), open_store(tmp_path / "as-loaded")
    assert {str(q) for q in compacted} == {str(q) for q in as_loaded}
    assert _sst_files(tmp_path / "compacted") < _sst_files(tmp_path / "as-loaded")
