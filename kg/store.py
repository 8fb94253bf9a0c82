"""The embedded store (pyoxigraph on disk) and remote SPARQL 1.1 servers: open, load, push.

An article's facts live in its named graph, so loading an article replaces
that graph as one operation. New graphs go in through pyoxigraph's bulk
loader in batches of whole articles, each batch below the loader's one-million
quad chunk, so each batch lands in one atomic RocksDB ingestion; graphs that
are already in the store are replaced by one SPARQL update (drop, then insert)
that runs in one transaction. A reader sees an article's old state or its new
one, never half, and a build killed at any point leaves a store that opens
and that the same build repairs: loading is a set operation, so nothing is
ever duplicated. The environment variable KG_STORE_BATCH_QUADS bounds a
batch (default 400,000 quads) and so the memory a load holds.

>>> store = open_memory_store()
>>> load_graphs(store, [("https://example.org/a1", b'<https://example.org/s> <https://example.org/p> "v1" .\\n')])
1
>>> load_graphs(store, [("https://example.org/a1", b'<https://example.org/s> <https://example.org/p> "v2" .\\n')])
1
>>> [str(q.object) for q in store.quads_for_pattern(None, None, None, None)]
['"v2"']
"""
from __future__ import annotations

import base64
import os
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import GraphError, StoreError
from kg.vocab import ENTITIES_GRAPH, ID, ONTOLOGY_GRAPH

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib import Dataset

DEFAULT_STORE = "kgstore"
BATCH_QUADS = 400_000  # below pyoxigraph's bulk-load chunk (1,000,000), so one batch is one ingestion
SOURCES_GRAPH = f"{ID}graph/sources"
RECORDS_GRAPH = f"{ID}graph/records"  # build records (kg.corpus): never listed, exported or pushed
SHARED_GRAPHS = frozenset({ENTITIES_GRAPH, ONTOLOGY_GRAPH, SOURCES_GRAPH})
WRITE_LOCK = threading.Lock()  # one writer per process (kg.corpus takes it too)


def open_store(path: str | Path = DEFAULT_STORE, read_only: bool = False) -> pyoxigraph.Store:
    """The store in directory `path` (created when writable and absent); StoreError E050 when it cannot be opened.

    A read-only store is a snapshot that does not take the lock, so `kg query`
    works while `kg serve` holds the store; it must not be opened while a
    build is writing (RocksDB leaves that undefined).
    """
    import pyoxigraph as ox

    path = Path(path)
    if read_only and not (path / "CURRENT").is_file():
        raise StoreError("E050", str(path), "no store here: build one with `kg build ARTICLES -o graph.trig --store PATH`")
    if path.exists() and not path.is_dir():
        raise StoreError("E050", str(path), "is a file, not a store directory")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)  # as a file output's folder is made
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as exc:
        message = str(exc)
        if "lock" in message.lower():
            detail = f"locked by another process (a `kg build --store` or `kg serve` is using it): wait for it or stop it ({message})"
            raise StoreError("E050", str(path), detail) from exc
        raise StoreError("E050", str(path), f"cannot open the store: {message}") from exc


def open_memory_store() -> pyoxigraph.Store:
    """An empty in-memory store."""
    import pyoxigraph as ox

    return ox.Store()


def _as_store(target: str | Path | pyoxigraph.Store) -> pyoxigraph.Store:
    import pyoxigraph as ox

    return target if isinstance(target, ox.Store) else open_store(target)


def _has_graph(store: pyoxigraph.Store, iri: str) -> bool:
    import pyoxigraph as ox

    node = ox.NamedNode(iri)
    return store.contains_named_graph(node) or next(iter(store.quads_for_pattern(None, None, None, node)), None) is not None


def _as_nquads(iri: str, ntriples: bytes) -> bytes | None:
    """N-Triples of one graph as N-Quads, or None when a line is not in the one-statement-a-line form."""
    if not ntriples:
        return b""
    if not ntriples.endswith(b" .\n") or ntriples.count(b"\n") != ntriples.count(b" .\n"):
        return None  # a literal cannot hold a raw newline in N-Triples, so every newline ends a statement
    return ntriples.replace(b" .\n", b" <" + iri.encode("utf-8") + b"> .\n")


def _replace(store: pyoxigraph.Store, iri: str, ntriples: bytes) -> None:
    """Drop a graph and insert its new triples in one transaction."""
    import pyoxigraph as ox

    ox.NamedNode(iri)  # validates the IRI before it enters the update text
    body = ntriples.decode("utf-8")
    try:
        store.update(f"DROP SILENT GRAPH <{iri}> ;\nINSERT DATA {{ GRAPH <{iri}> {{\n{body}\n}} }}")
    except SyntaxError as exc:
        raise GraphError("E020", iri, f"graph data cannot be parsed: {exc}") from exc


def _bulk(store: pyoxigraph.Store, data: bytes, where: str) -> None:
    import pyoxigraph as ox

    try:
        store.bulk_load(data, ox.RdfFormat.N_QUADS)
    except SyntaxError as exc:
        raise GraphError("E020", where, f"graph data cannot be parsed: {exc}") from exc


def add_triples(store: pyoxigraph.Store, iri: str, ntriples: bytes) -> None:
    """Merge triples into a shared graph (the entities graph): a set, so adding twice changes nothing."""
    nquads = _as_nquads(iri, ntriples)
    if nquads is None:
        import pyoxigraph as ox

        store.load(ntriples, ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(iri))
    elif nquads:
        _bulk(store, nquads, iri)


def load_graphs(
    store: pyoxigraph.Store,
    graphs: Iterable[tuple[str, bytes]],
    *,
    batch_quads: int = BATCH_QUADS,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Load (graph IRI, N-Triples bytes) pairs, each replacing that graph; returns how many graphs were loaded.

    Graphs already in the store are replaced one transaction each; new graphs
    are bulk loaded in batches of whole graphs. `progress(n)` is called with
    the number of graphs that landed.
    """
    count = 0
    batch: list[bytes] = []
    batch_lines = 0
    batch_graphs = 0

    def flush() -> None:
        nonlocal batch, batch_lines, batch_graphs
        if batch:
            _bulk(store, b"".join(batch), f"batch of {batch_graphs} graph(s)")
            if progress is not None:
                progress(batch_graphs)
        batch, batch_lines, batch_graphs = [], 0, 0

    with WRITE_LOCK:  # one writer per process: the existence check and the write must not interleave
        for iri, ntriples in graphs:
            count += 1
            nquads = None if _has_graph(store, iri) else _as_nquads(iri, ntriples)
            if nquads is None:
                _replace(store, iri, ntriples)
                if progress is not None:
                    progress(1)
                continue
            lines = nquads.count(b"\n")
            if batch and batch_lines + lines > batch_quads:
                flush()
            if lines > batch_quads:  # one graph larger than a batch: keep it atomic with a transaction
                _replace(store, iri, ntriples)
                if progress is not None:
                    progress(1)
                continue
            batch.append(nquads)
            batch_lines += lines
            batch_graphs += 1
        flush()
    return count


def ntriples(graph) -> bytes:
    """An rdflib Graph as N-Triples bytes: what `load_graphs` and `add_triples` take."""
    return graph.serialize(format="nt", encoding="utf-8")


def ontology_ntriples() -> bytes:
    """The bundled ontology (kg/ontology/kg.ttl) as N-Triples, so queries can follow rdfs:subClassOf."""
    import pyoxigraph as ox

    from kg.resources import ontology_text

    text = ontology_text("kg.ttl").encode("utf-8")
    return ox.serialize(ox.parse(text, ox.RdfFormat.TURTLE), format=ox.RdfFormat.N_TRIPLES)


def load_ontology(store: pyoxigraph.Store) -> None:
    """Put the ontology in its own named graph, replacing an older version."""
    with WRITE_LOCK:
        _replace(store, ONTOLOGY_GRAPH, ontology_ntriples())


def load_dataset(
    ds: Dataset,
    path: str | Path | pyoxigraph.Store = DEFAULT_STORE,
    *,
    progress: Callable[[int], None] | None = None,
    compact: bool = True,
) -> None:
    """Write a built Dataset into the store at `path`: each article graph replaced, shared graphs merged, the ontology refreshed.

    Loading the same dataset twice, or again after a crash, leaves the store
    exactly as one load does. The store is compacted at the end unless `compact` is false.
    """
    from rdflib import Graph, URIRef
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    store = _as_store(path)
    articles: list[tuple[str, bytes]] = []
    shared: list[tuple[str, bytes]] = []
    default = Graph()
    for graph in ds.graphs():
        if graph.identifier == DATASET_DEFAULT_GRAPH_ID:
            for triple in graph:
                default.add(triple)
            continue
        if not len(graph) or not isinstance(graph.identifier, URIRef):
            continue
        iri = str(graph.identifier)
        (shared if iri in SHARED_GRAPHS else articles).append((iri, ntriples(graph)))
    batch = int(os.environ.get("KG_STORE_BATCH_QUADS") or BATCH_QUADS)
    load_graphs(store, articles, batch_quads=batch, progress=progress)
    for iri, data in shared:
        add_triples(store, iri, data)
    if len(default):
        import pyoxigraph as ox

        store.load(ntriples(default), ox.RdfFormat.N_TRIPLES)
    finish(store, compact=compact)


def finish(store: pyoxigraph.Store, *, compact: bool = True) -> None:
    """End a load: refresh the ontology graph, flush, and compact the bulk-loaded files (queries run about 2x faster)."""
    load_ontology(store)
    store.flush()
    if compact:
        store.optimize()


def named_graphs(store: pyoxigraph.Store, *, include_ontology: bool = False) -> list[str]:
    """IRIs of the named graphs in the store, sorted; the build records' graph is bookkeeping and never listed."""
    names = sorted(g.value for g in store.named_graphs() if hasattr(g, "value"))
    return [n for n in names if (include_ontology or n != ONTOLOGY_GRAPH) and n != RECORDS_GRAPH]


def graph_ntriples(store: pyoxigraph.Store, iri: str | None) -> bytes:
    """One graph of the store as N-Triples; None is the default graph."""
    import pyoxigraph as ox

    graph = ox.DefaultGraph() if iri is None else ox.NamedNode(iri)
    triples = (q.triple for q in store.quads_for_pattern(None, None, None, graph))
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def iter_graphs(store: pyoxigraph.Store, *, include_ontology: bool = False) -> Iterator[tuple[str | None, bytes]]:
    """(graph IRI, N-Triples) for every non-empty graph: the shared graphs first, then the default graph as None, then the rest."""
    named = named_graphs(store, include_ontology=include_ontology)
    for iri in (ENTITIES_GRAPH, ONTOLOGY_GRAPH, SOURCES_GRAPH):
        if iri in named:
            yield iri, graph_ntriples(store, iri)
    default = graph_ntriples(store, None)
    if default:
        yield None, default
    for iri in named:
        if iri not in SHARED_GRAPHS:
            yield iri, graph_ntriples(store, iri)


def published_quads(store: pyoxigraph.Store):
    """Every quad of the store but the ontology's and the build records'."""
    left_out = {ONTOLOGY_GRAPH, RECORDS_GRAPH}
    return (q for q in store.quads_for_pattern(None, None, None, None) if getattr(q.graph_name, "value", None) not in left_out)


def store_dataset(store: pyoxigraph.Store) -> Dataset:
    """The store's graph as an rdflib Dataset: every graph but the ontology and the build records."""
    import pyoxigraph as ox

    ds = _dataset()
    ds.parse(data=ox.serialize(published_quads(store), format=ox.RdfFormat.N_QUADS) or b"", format="nquads")
    return ds


def _dataset() -> Dataset:
    """An empty rdflib Dataset with the usual prefixes bound (kg.vocab.PREFIXES)."""
    from rdflib import Dataset

    from kg.vocab import PREFIXES

    ds = Dataset()
    for prefix, iri in PREFIXES.items():
        ds.bind(prefix, iri)
    return ds


# ---------------------------------------------------------------- remote stores (SPARQL 1.1 Graph Store Protocol)


@dataclass(frozen=True)
class Auth:
    """Credentials for a remote server: HTTP Basic (user, password) or a bearer token."""

    user: str = ""
    password: str = ""
    token: str = ""

    def headers(self) -> dict[str, str]:
        if self.token:
            return {"Authorization": f"Bearer {self.token}"}
        if self.user:
            pair = f"{self.user}:{self.password}".encode()
            return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
        return {}


def _graph_url(endpoint: str, iri: str | None) -> str:
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise StoreError("E051", endpoint, "the endpoint must be an http(s) URL such as http://127.0.0.1:7878/store")
    query = "default" if iri is None else urllib.parse.urlencode({"graph": iri})
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, (parts.query + "&" if parts.query else "") + query, ""))


def send_graph(endpoint: str, iri: str | None, ntriples: bytes, *, method: str = "PUT", auth: Auth = Auth(), timeout: float = 60.0) -> int:
    """PUT (replace) or POST (merge) one graph to a Graph Store Protocol endpoint; returns the HTTP status."""
    url = _graph_url(endpoint, iri)
    request = urllib.request.Request(url, data=ntriples, method=method, headers={"Content-Type": "application/n-triples", **auth.headers()})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        body = exc.read(500).decode("utf-8", "replace").strip()
        hint = " (check --user/--password or --token)" if exc.code in (401, 403) else ""
        raise StoreError("E051", url, f"HTTP {exc.code} {exc.reason}{hint}: {body}") from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise StoreError("E051", url, f"cannot reach the server: {reason}") from exc


def push(
    store: pyoxigraph.Store,
    endpoint: str,
    *,
    auth: Auth = Auth(),
    progress: Callable[[int], None] | None = None,
    timeout: float = 60.0,
) -> int:
    """Send every graph to a Graph Store Protocol endpoint; returns the number of graphs sent.

    The shared graphs go first (entities, then the ontology), so a push cut
    short leaves the remote able to describe whatever articles reached it.
    Article graphs are PUT (replaced, so pushing twice is harmless); the
    shared entities graph and the default graph are POSTed (merged), since
    other pushes share them; the ontology graph is PUT. A failure is E051
    saying how many graphs were sent before it.
    """
    sent = 0
    for iri, data in iter_graphs(store, include_ontology=True):
        method = "POST" if iri is None or (iri in SHARED_GRAPHS and iri != ONTOLOGY_GRAPH) else "PUT"
        try:
            send_graph(endpoint, iri, data, method=method, auth=auth, timeout=timeout)
        except StoreError as exc:
            graph = "the default graph" if iri is None else f"graph <{iri}>"
            raise StoreError(exc.code, exc.where, f"{exc.detail}; {sent} graph(s) were sent before {graph} failed "
                                                  "(pushing again is safe)") from exc
        sent += 1
        if progress is not None:
            progress(1)
    return sent


def env_password() -> str:
    """The password from KG_PUSH_PASSWORD (empty when unset)."""
    return os.environ.get("KG_PUSH_PASSWORD", "")
