"""Graph I/O: the one table of RDF formats, any graph source read into Oxigraph, files written atomically.

Every graph file newskg reads or writes goes through here, by the suffix's
row in `FORMATS` (or an explicit format name):

- `save` writes an rdflib Dataset (`kg build`'s Turtle and JSON-LD outputs;
  the streamed TriG and N-Quads writer, `kg.rdf.QuadWriter`, uses
  `format_for` and `atomic_file`); `load` reads a file into an rdflib Dataset
  (`kg validate`, `kg eval`);
- `oxigraph` reads any source (a pyoxigraph Store, a store directory, a graph
  file, an rdflib Graph or Dataset) into Oxigraph, and `read_file` a graph
  file alone (`kg query --graph`, `kg serve --graph`, `kg push --graph`,
  `kg render`, `kg analyze`, `kg.open`);
- `atomic_file` and `write_atomic` write any output (graphs, reports, tables,
  pages): a reader sees the old file or the new one, never half of it.

An unknown suffix is GraphError E022 when writing and E020 when reading; a
missing file is E010.

>>> format_for("out/graph.trig"), format_for("x", "nq"), FORMATS[".nq"].oxigraph
('trig', 'nquads', 'N_QUADS')
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from kg.errors import GraphError

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib import Dataset, Graph


@dataclass(frozen=True)
class Format:
    """One RDF syntax: its rdflib plugin name, its pyoxigraph.RdfFormat member, and whether it holds named graphs."""

    rdflib: str
    oxigraph: str
    quads: bool


FORMATS: dict[str, Format] = {
    ".trig": Format("trig", "TRIG", True),
    ".nq": Format("nquads", "N_QUADS", True),
    ".jsonld": Format("json-ld", "JSON_LD", True),
    ".json": Format("json-ld", "JSON_LD", True),
    ".ttl": Format("turtle", "TURTLE", False),
    ".nt": Format("nt", "N_TRIPLES", False),
    ".rdf": Format("xml", "RDF_XML", False),
}


def _by_name(fmt: str) -> Format | None:
    """The row of a suffix ("nq", ".nq") or an rdflib name ("nquads")."""
    row = FORMATS.get("." + fmt.lower().lstrip("."))
    return row or next((f for f in FORMATS.values() if f.rdflib == fmt), None)


def format_of(path: str | Path, fmt: str | None = None, *, code: str = "E022") -> Format:
    """The row of FORMATS for an explicit format name or the path's suffix; GraphError `code` for any other."""
    if fmt:
        row = _by_name(fmt)
        if row is None:
            names = ", ".join(sorted({f.rdflib for f in FORMATS.values()}))
            raise GraphError(code, fmt, f"unknown graph format: use one of {names}")
        return row
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise GraphError(code, str(path), f"unknown graph format {suffix or '(no suffix)'!r}: use a file name ending in one of "
                                          f"{', '.join(sorted(FORMATS))}" + (", or --format" if code == "E022" else ""))
    return FORMATS[suffix]


def format_for(path: str | Path, fmt: str | None = None) -> str:
    """The rdflib format name to write a path in (by suffix) or an explicit name; GraphError E022 for any other."""
    return format_of(path, fmt).rdflib


# ---------------------------------------------------------------- rdflib: load and save


def load(path: str | Path, fmt: str | None = None) -> Dataset:
    """Read a graph file into an rdflib Dataset (triples formats land in the default graph)."""
    from rdflib import Dataset

    name = format_of(path, fmt, code="E020").rdflib
    ds = Dataset()
    try:
        ds.parse(str(path), format=name)
    except FileNotFoundError as exc:
        raise GraphError("E010", str(path), "no such graph file") from exc
    except Exception as exc:  # rdflib raises many parser-specific types
        raise GraphError("E020", str(path), f"cannot parse: {exc}") from exc
    return ds


def save(ds: Dataset, path: str | Path, fmt: str | None = None) -> None:
    """Serialise a dataset atomically; formats without named graphs (Turtle, N-Triples, RDF/XML) get the union of all graphs."""
    row = format_of(path, fmt)
    data = (ds if row.quads else union(ds)).serialize(format=row.rdflib, encoding="utf-8")
    write_atomic(path, data)


def union(ds: Dataset) -> Graph:
    """All quads of a dataset as one graph, with the dataset's prefixes."""
    from rdflib import Graph

    g = Graph()
    for prefix, ns in ds.namespaces():
        g.bind(prefix, ns)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


# ---------------------------------------------------------------- Oxigraph: any source


def oxigraph(source: Any, *, ontology: bool = False, lenient: bool = False) -> pyoxigraph.Store:
    """An Oxigraph store for a graph source: a pyoxigraph Store (as is), a store directory (opened read-only), a graph
    file or an rdflib Graph or Dataset (copied into a new in-memory store).

    `ontology` adds the bundled ontology to a store made here, so queries can
    follow rdfs:subClassOf; `lenient` parses a file without validating IRIs
    and language tags (faster). A path that does not exist is E010.

    >>> from kg.analysis.examples import example_dataset
    >>> len(oxigraph(example_dataset())) > 0
    True
    """
    import pyoxigraph as ox

    if isinstance(source, ox.Store):
        return source
    if isinstance(source, str | Path):
        path = Path(source)
        if path.is_dir():
            from kg.store import open_store

            return open_store(path, read_only=True)
        if not path.exists():
            raise GraphError("E010", str(path), "no such graph file or store directory")
        return read_file(path, ontology=ontology, lenient=lenient)
    if hasattr(source, "triples"):  # an rdflib Graph or Dataset, whatever store it is kept in
        store = copy(source)
        if ontology:
            _add_ontology(store)
        return store
    raise TypeError(f"cannot read a graph from {type(source).__name__}: pass an rdflib Dataset, a pyoxigraph Store or a path")


def read_file(path: str | Path, *, ontology: bool = False, lenient: bool = False) -> pyoxigraph.Store:
    """A new in-memory store holding a graph file (TriG, N-Quads, Turtle, ...), and the ontology if asked (see `oxigraph`)."""
    import pyoxigraph as ox

    path = Path(path)
    if not path.is_file():
        raise GraphError("E010", str(path), "no such graph file")
    row = format_of(path, code="E020")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=getattr(ox.RdfFormat, row.oxigraph), lenient=lenient)
    except (SyntaxError, ValueError, OSError) as exc:
        raise GraphError("E020", str(path), f"cannot parse: {exc}") from exc
    if ontology:
        _add_ontology(store)
    return store


def _add_ontology(store: pyoxigraph.Store) -> None:
    from kg.store import load_ontology

    load_ontology(store)


def _ox_term(term: Any) -> Any:
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    return None


def copy(graph: Any) -> pyoxigraph.Store:
    """A new in-memory Oxigraph store holding every quad of an rdflib Graph or Dataset (a Graph's triples in the default graph)."""
    import pyoxigraph as ox

    store = ox.Store()
    default = ox.DefaultGraph()
    quads = graph.quads((None, None, None, None)) if hasattr(graph, "quads") else ((s, p, o, None) for s, p, o in graph)
    batch = []
    for s, p, o, g in quads:
        name = getattr(g, "identifier", g)
        ctx = default if name is None or str(name).startswith("urn:x-rdflib:default") else _ox_term(name)
        batch.append(ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), ctx))
        if len(batch) >= 100_000:
            store.extend(batch)
            batch = []
    store.extend(batch)
    return store


# ---------------------------------------------------------------- atomic writes


TEMP_SUFFIX = ".kgtmp"


@contextlib.contextmanager
def atomic_file(path: str | Path) -> Iterator[IO[bytes]]:
    """A binary file that becomes `path` only when the block ends without an error (a temporary beside it, then a rename).

    The temporary file is named `.NAME.PID.RANDOM.kgtmp`; one left behind by a
    process that no longer runs (killed with -9) is removed by the next write
    to the same path. On an error the temporary file is removed and `path`
    stays as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)  # mkstemp makes 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write bytes to path through a temporary file in the same directory and a rename (see `atomic_file`)."""
    with atomic_file(path) as fh:
        fh.write(data)


def remove_stale_temps(path: Path) -> list[Path]:
    """Remove the temporary files of `write_atomic(path, ...)` whose writing process is gone; returns them."""
    prefix = f".{path.name}."
    removed = []
    for candidate in path.parent.iterdir():
        name = candidate.name
        if not (name.startswith(prefix) and name.endswith(TEMP_SUFFIX)):
            continue
        pid = name[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            candidate.unlink(missing_ok=True)
            removed.append(candidate)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: someone else's process, alive
        return True
    return True


def save_store(store: pyoxigraph.Store, path: str | Path, fmt: str | None = None) -> int:
    """Write the store's graph to a file, atomically: every graph but the ontology and the build records; TriG and
    N-Quads keep the named graphs and are written a quad at a time, other formats get their union. Returns the count
    of quads (TriG, N-Quads) or triples written."""
    import pyoxigraph as ox

    from kg.store import published_quads, store_dataset
    from kg.vocab import PREFIXES

    form = format_of(path, fmt)
    name = form.rdflib
    quads = published_quads(store)
    if name in ("trig", "nquads"):
        count = 0

        def counted():
            nonlocal count
            for quad in quads:
                count += 1
                yield quad

        wanted = ("kg", "schema", "wd", "rdf", "rdfs", "xsd", "skos", "owl", "prov")
        prefixes = {p: iri for p, iri in PREFIXES.items() if p in wanted}
        with atomic_file(path) as fh:
            ox.serialize(counted(), fh, ox.RdfFormat.TRIG if name == "trig" else ox.RdfFormat.N_QUADS,
                         **({"prefixes": prefixes} if name == "trig" else {}))
        return count
    ds = store_dataset(store)
    save(ds, path, fmt)
    return len(ds) if form.quads else len(union(ds))
