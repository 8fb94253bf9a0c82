"""A store as a corpus that grows and shrinks: articles added, edited and removed, the rest as one build of them all.

Beside each article's named graph a store keeps, for that article:

- its source, the absolute path of the file it was read from (`path:LINE` for
  a JSON Lines record), as `kg:sourcePath` on the article node in the graph
  graph:sources (its URL is its `schema:url`);
- its build record, in graph:records: the
  extraction before identity across articles, compressed JSON, with a hash of
  the article's metadata (path, title, URL, publisher) and one of the
  extraction its graph was written from. The records graph is bookkeeping:
  it is not listed, exported, validated or pushed.

With the records, identity across articles is redone over the whole corpus
without parsing anything, so the store is always what one build of all its
articles makes, however it was reached: built twice, in halves, or with an
article removed and added back.

`update` takes a build's articles as read and the extraction records of those
the store lacks. An article whose id (the hash of its date and text) the store
holds is unchanged and was not parsed; if its file moved or its title, URL or
publisher changed, its graph is rewritten from its record. An article the
store lacks is new, and it replaces the store's article read from the same
file (or JSON Lines line) or carrying the same URL, when that one is not among
the build's articles: the edited version takes the place of the old. `remove`
retracts articles named by id, path, URL or file stem. Either way the articles
whose graph identity across articles changes are rewritten, and the entities
graph becomes the description of the entities the remaining articles name:
what only the removed articles supported goes.

Atomicity: the changes are one SPARQL update, which Oxigraph applies in one
transaction, so a kill -9 leaves the store as it was or as it is after. Only a
build that adds more new articles than one batch holds (KG_STORE_BATCH_QUADS
quads) lands them first in whole-article bulk batches, as a first build of an
archive does; it marks the store pending before, and the transaction that
ends the build clears the mark. A build or remove that finds the mark redoes
the corpus-wide step, so a build killed between its batches is finished by
the next one, and never duplicates anything.
"""
from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import re
import types
import typing
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kg import ids
from kg.errors import StoreError
from kg.records import Article, Extraction
from kg.vocab import KG_NS

ARTICLE_PREFIX = str(ids.article_iri(""))
RECORD_PREFIX = str(ids.record_iri(""))
SOURCES_GRAPH = str(ids.SOURCES_GRAPH)
RECORDS_GRAPH = str(ids.RECORDS_GRAPH)
ENTITIES_GRAPH = str(ids.ENTITIES_GRAPH)
RECORD_FORMAT = 1
_KG = KG_NS
_SCHEMA_URL = "https://schema.org/url"
_XSD = "http://www.w3.org/2001/XMLSchema#"


# ---------------------------------------------------------------- records as JSON


@functools.cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type, None for any other type (asked once a type)."""
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None


def to_json(value: Any) -> Any:
    """A record (dataclasses of str, int, float, bool, dates, tuples, None) as plain JSON values."""
    if isinstance(value, str | int | float | None):
        return value
    names = _field_names(type(value))
    if names is not None:
        return {name: to_json(getattr(value, name)) for name in names}
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(to_json(v) for v in value)
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def from_json(kind: Any, data: Any) -> Any:
    """The inverse of `to_json`, led by the type hints of the record classes."""
    return _decoder(kind)(data)


def _keep(data: Any) -> Any:
    return data


@functools.cache
def _decoder(kind: Any) -> Callable[[Any], Any]:
    """A function that makes a value of type `kind` from its JSON (built once a type: type hints are slow to read)."""
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        fields_ = tuple((name, _decoder(hints[name])) for name in _field_names(kind))

        def record(data: Any) -> Any:
            return None if data is None else kind(**{name: decode(data[name]) for name, decode in fields_ if name in data})

        return record
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        real = [a for a in args if a is not type(None)]
        inner = _decoder(real[0]) if len(real) == 1 else _keep
        return lambda data: None if data is None else inner(data)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return lambda data: tuple(item(v) for v in data)
        if args:
            items = tuple(_decoder(a) for a in args)
            return lambda data: tuple(d(v) for d, v in zip(items, data, strict=True))
        return tuple
    if origin in (list, set, frozenset):
        item = _decoder(args[0]) if args else _keep
        return lambda data: origin(item(v) for v in data)
    if origin is dict:
        value = _decoder(args[1]) if len(args) == 2 else _keep
        return lambda data: {k: value(v) for k, v in data.items()}
    if kind is dt.date:
        return lambda data: None if data is None else dt.date.fromisoformat(data)
    return _keep


def _canonical(value: Any) -> bytes:
    return json.dumps(to_json(value), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def encode_record(extraction: Extraction) -> str:
    """An extraction record as base64 of compressed JSON (what `kg:record` holds)."""
    data = json.dumps({"format": RECORD_FORMAT, "extraction": to_json(extraction)}, ensure_ascii=False, separators=(",", ":"))
    return base64.b64encode(zlib.compress(data.encode("utf-8"), 6)).decode("ascii")


def decode_record(text: str, where: str = "record") -> Extraction:
    """The Extraction of an encoded record; StoreError E050 when it is not one this version reads."""
    try:
        data = json.loads(zlib.decompress(base64.b64decode(text)))
        if data.get("format") != RECORD_FORMAT:
            raise ValueError(f"record format {data.get('format')!r}, this newskg reads {RECORD_FORMAT}")
        return from_json(Extraction, data["extraction"])
    except (ValueError, TypeError, KeyError, zlib.error) as exc:
        raise StoreError("E050", where, f"the build record cannot be read ({exc}): rebuild the store from the articles") from exc


def meta_hash(article: Article) -> str:
    """A hash of what an article's graph says of it besides its text and date (which its id stands for)."""
    return hashlib.sha256(_canonical(replace(article, text=""))).hexdigest()[:32]


def facts_hash(extraction: Extraction) -> str:
    """A hash of the extraction an article graph is written from."""
    return hashlib.sha256(_canonical(extraction)).hexdigest()[:32]


# ---------------------------------------------------------------- what a store holds


@dataclass(frozen=True)
class Entry:
    """What the store knows of one article without reading its record."""

    id: str
    path: str = ""
    url: str = ""
    meta: str = ""
    facts: str = ""
    date: str = ""


@dataclass
class Catalog:
    """The store's articles with a build record; `pending` when a build left its corpus-wide step undone;
    `unrecorded`: article graphs without a record (loaded by `kg.store.load_dataset`, or by an older newskg)."""

    entries: dict[str, Entry]
    pending: bool = False
    unrecorded: list[str] = field(default_factory=list)
    identity: str = ""  # the identity inputs of the store's last build or removal (decisions, gazetteer), as JSON
    renderer: str = ""  # `renderer_id` of the newskg that wrote the article graphs ('' before it was recorded)


@functools.lru_cache(maxsize=1)
def renderer_id() -> str:
    """What turns records into article graphs: a hash of kg.rdf, kg.ids and kg.vocab and of the ontology. A store
    whose graphs another renderer wrote has them written again from its records at its next build (no parsing)."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in ("rdf.py", "ids.py", "vocab.py", "ontology/kg.ttl"):
        digest.update((package / name).read_bytes())
    return digest.hexdigest()[:16]


def _value(term: Any) -> str:
    return getattr(term, "value", str(term))


def catalog(store: Any) -> Catalog:
    """The store's articles: ids, sources, URLs and record hashes, read without decoding a record."""
    import pyoxigraph as ox

    records, sources = ox.NamedNode(RECORDS_GRAPH), ox.NamedNode(SOURCES_GRAPH)
    fields_: dict[str, dict[str, str]] = {}
    for name in ("metaHash", "factsHash"):  # by predicate: the records themselves are not read
        for quad in store.quads_for_pattern(None, ox.NamedNode(_KG + name), None, records):
            subject = _value(quad.subject)
            if subject.startswith(RECORD_PREFIX):
                fields_.setdefault(subject[len(RECORD_PREFIX):], {})[name] = _value(quad.object)
    paths = {_value(q.subject)[len(ARTICLE_PREFIX):]: _value(q.object)
             for q in store.quads_for_pattern(None, ox.NamedNode(_KG + "sourcePath"), None, sources)}
    urls, dates = {}, {}
    for found, predicate in ((urls, _SCHEMA_URL), (dates, "https://schema.org/datePublished")):
        for quad in store.quads_for_pattern(None, ox.NamedNode(predicate), None, None):
            subject = _value(quad.subject)
            if subject.startswith(ARTICLE_PREFIX) and _value(quad.graph_name) == subject:
                found[subject[len(ARTICLE_PREFIX):]] = _value(quad.object)
    entries = {i: Entry(i, paths.get(i, ""), urls.get(i, ""), f.get("metaHash", ""), f.get("factsHash", ""), dates.get(i, ""))
               for i, f in fields_.items()}
    pending = next(iter(store.quads_for_pattern(records, ox.NamedNode(_KG + "pending"), None, records)), None) is not None
    stated = next(iter(store.quads_for_pattern(records, ox.NamedNode(_KG + "identityInputs"), None, records)), None)
    rendered = next(iter(store.quads_for_pattern(records, ox.NamedNode(_KG + "renderedWith"), None, records)), None)
    graphs = (_value(g) for g in store.named_graphs())
    unrecorded = sorted(g[len(ARTICLE_PREFIX):] for g in graphs if g.startswith(ARTICLE_PREFIX) and g[len(ARTICLE_PREFIX):] not in entries)
    return Catalog(entries, pending, unrecorded, _value(stated.object) if stated is not None else "",
                   _value(rendered.object) if rendered is not None else "")


def read_record(store: Any, article_id: str) -> Extraction:
    """An article's build record from the store."""
    import pyoxigraph as ox

    iri = ids.record_iri(article_id)
    quad = next(iter(store.quads_for_pattern(ox.NamedNode(str(iri)), ox.NamedNode(_KG + "record"), None,
                                             ox.NamedNode(RECORDS_GRAPH))), None)
    if quad is None:
        raise StoreError("E050", str(iri), "the store has no build record of this article: rebuild it from its file")
    return decode_record(_value(quad.object), str(iri))


# ---------------------------------------------------------------- finding articles by name


def source_file(path: str) -> str:
    """The file part of a source: a JSON Lines record's `file.jsonl:LINE` without the line."""
    match = re.fullmatch(r"(.*\.jsonl):\d+", path, flags=re.IGNORECASE)
    return match.group(1) if match else path


def absolute(path: str) -> str:
    """A source made absolute against the working directory (symbolic links left as they are)."""
    if not path:
        return ""
    file = source_file(path)
    return os.path.abspath(file) + path[len(file):]


def find(cat: Catalog, name: str) -> list[str]:
    """The ids of the store's articles that `name` means: an article id or IRI, a URL, a file path (a JSON Lines
    file: all its records), or a file name or stem when no path matches. StoreError E053 for none, or for a name or
    stem that fits the files of several folders."""
    entries = cat.entries
    text = name.strip()
    match = re.fullmatch(re.escape(ARTICLE_PREFIX) + r"([0-9a-f]{16})|([0-9a-f]{16})", text)
    if match and (match.group(1) or match.group(2)) in entries:
        return [match.group(1) or match.group(2)]
    if re.match(r"https?://", text):
        found = sorted(i for i, e in entries.items() if e.url and e.url.rstrip("/") == text.rstrip("/"))
    else:
        full = absolute(text)
        found = sorted(i for i, e in entries.items() if full in (e.path, source_file(e.path)))
        if not found:
            by_file: dict[str, list[str]] = {}
            for i, e in entries.items():
                file = Path(source_file(e.path))
                if e.path and text in (file.name, file.stem):
                    by_file.setdefault(str(file), []).append(i)
            if len(by_file) > 1:
                raise StoreError("E053", name, f"names {len(by_file)} files in the store: give the path of one of "
                                               f"{', '.join(sorted(by_file))}")
            found = sorted(i for group in by_file.values() for i in group)
    if not found:
        kinds = "id, file path, URL or file name" if cat.entries else "anything: the store holds no built article"
        raise StoreError("E053", name, f"no article in the store matches this {kinds}; nothing was removed")
    return found


# ---------------------------------------------------------------- one change to the corpus


@dataclass
class Report:
    """What a build or a removal did to the store, counted in articles."""

    read: int = 0       # articles the build read (failed ones not counted)
    parsed: int = 0     # of those, extracted by this run (the rest the store or an interrupted build's journal had)
    unchanged: int = 0  # already in the store as they are
    added: int = 0      # new to the store
    replaced: int = 0   # new versions that took the place of an article from the same file or URL
    rewritten: int = 0  # articles the store kept whose graph was written again (moved, retitled, identity across articles)
    removed: int = 0    # articles retracted (removed, or replaced by a new version)
    articles: int = 0   # articles in the store afterwards
    unrecorded: int = 0  # article graphs in the store without a build record (not part of the corpus)
    changed: bool = False
    unused: list = field(default_factory=list)  # identity decisions that named no entity of the corpus

    def summary(self) -> str:
        parts = [f"{self.read} read", f"{self.parsed} parsed", f"{self.unchanged} unchanged", f"{self.added} added",
                 f"{self.replaced} replaced", f"{self.rewritten} rewritten", f"{self.removed} removed"]
        return ", ".join(parts) + f"; {self.articles} article(s) in the store" + ("" if self.changed else " (nothing changed)")


class _Records:
    """Reads the extraction records of a corpus: new ones from the build, the others from the store."""

    def __init__(self, store: Any, new: Callable[[str], Extraction] | None, inputs: dict[str, Article], fresh: set[str]) -> None:
        self.store, self.new, self.inputs, self.fresh = store, new, inputs, fresh

    def read(self, key: tuple[bool, str]) -> Extraction:
        is_new, article_id = key
        record = self.new(article_id) if is_new else read_record(self.store, article_id)
        if is_new or article_id in self.fresh:  # the article node as read now: its absolute path, new metadata
            record = replace(record, article=replace(self.inputs[article_id], text=record.article.text))
        return record


def identity_json(decisions: Iterable[Any], gazetteer: Iterable[Any]) -> str:
    """The identity inputs of a build (kg.identity Decisions and Known entries), as the store keeps them."""
    return json.dumps({"decisions": to_json(list(decisions)), "gazetteer": to_json(list(gazetteer))}, ensure_ascii=False,
                      sort_keys=True, separators=(",", ":"))


def identity_read(text: str) -> tuple[list, list]:
    """(decisions, gazetteer entries) from `identity_json`."""
    from kg.identity import Decision, Known

    data = json.loads(text)
    return from_json(list[Decision], data["decisions"]), from_json(list[Known], data["gazetteer"])


def _nt(graph: Any) -> str:
    return graph.serialize(format="nt", encoding="utf-8").decode("utf-8")


def _book(extraction: Extraction, facts: str) -> tuple[str, str]:
    """(sources graph N-Triples, records graph N-Triples) of one article."""
    article = extraction.article
    node, record = ids.article_iri(article.id), ids.record_iri(article.id)
    sources = f'<{node}> <{_KG}sourcePath> {json.dumps(article.path, ensure_ascii=False)} .\n' if article.path else ""
    records = (f'<{record}> <{_KG}record> "{encode_record(extraction)}"^^<{_XSD}base64Binary> .\n'
               f'<{record}> <{_KG}metaHash> "{meta_hash(article)}" .\n'
               f'<{record}> <{_KG}factsHash> "{facts}" .\n')
    return sources, records


def _triples(text: str) -> set[str]:
    import pyoxigraph as ox

    return {str(t) for t in ox.parse(text.encode("utf-8"), ox.RdfFormat.N_TRIPLES)} if text else set()


def update(store: Any, inputs: Iterable[Article], records: Callable[[str], Extraction] | None = None, *,
           remove: Iterable[str] = (), identity: tuple[list, list] | None = None, compact: bool = True,
           batch_quads: int | None = None) -> Report:
    """Bring a build's articles into the store and retract `remove` (article ids), as described in the module.

    `inputs`: every article the build read (the text may be left out: an
    article's id stands for it); `records(id)`: the extraction record of an
    input the store lacks, called up to three times for each. `identity`:
    (decisions, gazetteer entries) for identity across articles
    (`kg.identity`), which the store keeps; None keeps the store's own (those
    of its last build). Nothing is parsed here. Returns what changed; a build
    that brings nothing new, edited or moved, with the same identity inputs,
    into a store without a pending mark, writes nothing at all.
    """
    from kg.event_identity import EventIndex
    from kg.event_identity import apply as apply_events
    from kg.identity import Index
    from kg.rdf import article_ntriples
    from kg.store import BATCH_QUADS, WRITE_LOCK, finish

    limit = batch_quads or int(os.environ.get("KG_STORE_BATCH_QUADS") or BATCH_QUADS)
    with WRITE_LOCK:
        cat = catalog(store)
        entries = cat.entries
        given: dict[str, Article] = {}
        for article in inputs:
            given.setdefault(article.id, replace(article, path=absolute(article.path)))
        dropped = set(remove)
        unknown = sorted(dropped - entries.keys())
        if unknown:
            raise StoreError("E053", ", ".join(unknown), "no such article in the store; nothing was removed")
        new = {i for i in given if i not in entries}
        fresh = {i for i in given if i in entries and meta_hash(given[i]) != entries[i].meta}
        by_path = {a.path: i for i, a in given.items() if a.path}
        by_url = {a.url: i for i, a in given.items() if a.url}
        superseded: dict[str, str] = {}  # old id -> the new version's id
        for i, entry in entries.items():
            if i in given:
                continue
            successor = (by_path.get(entry.path) if entry.path else None) or (by_url.get(entry.url) if entry.url else None)
            if successor is not None:  # its file or URL now holds another article: an edit, or a JSON Lines file rewritten
                superseded[i] = successor
        gone = dropped | superseded.keys()
        report = Report(read=len(given), unchanged=len([i for i in given if i in entries and i not in fresh]),
                        unrecorded=len(cat.unrecorded))
        dates = {i: e.date for i, e in entries.items()} | {i: a.date.isoformat() for i, a in given.items()}
        corpus = sorted((entries.keys() - gone) | given.keys(), key=lambda i: (dates.get(i, ""), i))
        report.articles = len(corpus)
        stated = identity_json(*identity) if identity is not None else (cat.identity or identity_json([], []))
        inputs_now = identity_read(stated)
        rerender = cat.renderer != renderer_id()  # graphs written by another newskg: written again from the records
        if not (new or fresh or gone or cat.pending or stated != cat.identity or (rerender and entries)):
            return report
        if new and records is None:
            raise ValueError("update() needs the records of the articles the store lacks")

        reader = _Records(store, records, given, fresh)
        # identity of entities, then of events, across the corpus, as a streamed build does it (kg.pipeline.Stream),
        # the articles in the order of their dates: the first report of an event names it
        people = Index()
        for i in corpus:
            people.add(reader.read((i in new, i)))
        decided = people.resolve(*inputs_now)
        report.unused = list(decided.unused)
        events = EventIndex()
        for i in corpus:
            events.add(decided.apply(reader.read((i in new, i))))
        merges = events.merges()

        graphs = {_value(g) for g in store.named_graphs()}
        successors = set(superseded.values()) & new  # new versions: they land with the removal of the old, in one step
        entities = _EntitiesGraph()
        bulk: list[str] = []       # N-Quads of new articles not yet landed, when the build lands in batches
        bulk_quads = 0
        batched = False
        inserts: list[str] = []    # INSERT DATA blocks of the final transaction
        inserted_quads = 0
        drops: list[str] = []      # article ids whose graph and bookkeeping the final transaction removes first
        for i in corpus:
            raw = reader.read((i in new, i))
            linked = apply_events(decided.apply(raw), merges)
            entities.add(linked)
            facts = facts_hash(linked)
            if i in entries and i not in fresh and facts == entries[i].facts and not rerender:
                continue
            iri = str(ids.article_iri(i))
            graph = article_ntriples(linked)
            sources, book = _book(raw, facts)
            lines = graph.count("\n") + sources.count("\n") + book.count("\n")
            if i in new:
                report.added += 1
            else:
                report.rewritten += 1
            if i in entries or i in graphs:
                drops.append(i)
            if i in new and i not in successors and i not in graphs:
                quads = _quads(iri, graph) + _quads(SOURCES_GRAPH, sources) + _quads(RECORDS_GRAPH, book)
                if batched or inserted_quads + lines > limit:
                    if not batched:  # the mark lands with the first batch, in the same ingestion
                        bulk.append(f'<{RECORDS_GRAPH}> <{_KG}pending> "true"^^<{_XSD}boolean> <{RECORDS_GRAPH}> .\n')
                        batched = True
                    if bulk and bulk_quads + lines > limit:
                        _bulk(store, bulk)
                        bulk, bulk_quads = [], 0
                    bulk.append(quads)
                    bulk_quads += lines
                    continue
            inserts.append(f"GRAPH <{iri}> {{\n{graph}}}\nGRAPH <{SOURCES_GRAPH}> {{\n{sources}}}\nGRAPH <{RECORDS_GRAPH}> {{\n{book}}}\n")
            inserted_quads += lines
        if bulk:
            _bulk(store, bulk)
        report.replaced = len(successors)
        report.removed = len(gone)
        report.added -= report.replaced
        drops.extend(sorted(gone))
        parts = []
        for i in drops:
            parts.append(f"DROP SILENT GRAPH <{ids.article_iri(i)}>")
            parts.append(f"DELETE WHERE {{ GRAPH <{SOURCES_GRAPH}> {{ <{ids.article_iri(i)}> ?p ?o }} }}")
            parts.append(f"DELETE WHERE {{ GRAPH <{RECORDS_GRAPH}> {{ <{ids.record_iri(i)}> ?p ?o }} }}")
        if inserts:
            parts.append("INSERT DATA {\n" + "".join(inserts) + "}")
        old, now = _graph_triples(store, ENTITIES_GRAPH), _triples(entities.ntriples())
        if old - now:
            parts.append(f"DELETE DATA {{ GRAPH <{ENTITIES_GRAPH}> {{\n" + " .\n".join(sorted(old - now)) + " .\n} }")
        if now - old:
            parts.append(f"INSERT DATA {{ GRAPH <{ENTITIES_GRAPH}> {{\n" + " .\n".join(sorted(now - old)) + " .\n} }")
        parts.append(f"DELETE WHERE {{ GRAPH <{RECORDS_GRAPH}> {{ <{RECORDS_GRAPH}> <{_KG}pending> ?done }} }}")
        parts.append(f"DELETE WHERE {{ GRAPH <{RECORDS_GRAPH}> {{ <{RECORDS_GRAPH}> <{_KG}identityInputs> ?was }} }}")
        parts.append(f"INSERT DATA {{ GRAPH <{RECORDS_GRAPH}> {{ <{RECORDS_GRAPH}> <{_KG}identityInputs> "
                     f"{json.dumps(stated, ensure_ascii=False)} }} }}")
        parts.append(f"DELETE WHERE {{ GRAPH <{RECORDS_GRAPH}> {{ <{RECORDS_GRAPH}> <{_KG}renderedWith> ?was }} }}")
        parts.append(f'INSERT DATA {{ GRAPH <{RECORDS_GRAPH}> {{ <{RECORDS_GRAPH}> <{_KG}renderedWith> "{renderer_id()}" }} }}')
        store.update(" ;\n".join(parts))  # one transaction: the store as it was, or as it is now
        report.changed = True
    finish(store, compact=compact)
    return report


class _EntitiesGraph:
    """The entities graph of a corpus, described one linked extraction at a time (as `kg.rdf.to_dataset` does)."""

    def __init__(self) -> None:
        from rdflib import Graph

        self.graph = Graph()

    def add(self, extraction: Extraction) -> None:
        from kg.rdf import entity_descriptions

        entity_descriptions(self.graph, [extraction])

    def ntriples(self) -> str:
        return _nt(self.graph)


def _quads(iri: str, ntriples: str) -> str:
    return ntriples.replace(" .\n", f" <{iri}> .\n")


def _bulk(store: Any, quads: list[str]) -> None:
    import pyoxigraph as ox

    store.bulk_load("".join(quads).encode("utf-8"), ox.RdfFormat.N_QUADS)


def _graph_triples(store: Any, iri: str) -> set[str]:
    import pyoxigraph as ox

    return {str(q.triple) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(iri))}


def remove(store: Any, names: Iterable[str], *, compact: bool = True) -> tuple[list[str], Report]:
    """Retract the articles `names` mean (ids, IRIs, file paths, URLs, file names or stems: see `find`) and everything
    only they supported; returns the ids removed and the report. Every name is looked up before anything changes: an
    unknown or ambiguous one is StoreError E053 and the store is left as it was."""
    cat = catalog(store)
    found: list[str] = []
    for name in names:
        found.extend(i for i in find(cat, name) if i not in found)
    return found, update(store, [], None, remove=found, compact=compact)
