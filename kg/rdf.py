"""Records -> RDF: one named graph per article, canonical entities in a shared graph.

Every fact in an article graph carries `kg:evidence` nodes (sentence, offsets
into the article text, confidence, extractor). Files are written by
kg.graphio, atomically: a reader sees the old file or the new one, never half
of it.
"""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, SKOS

from kg import ids
from kg.gazetteer import entries
from kg.graphio import atomic_file, format_for, load, save, union, write_atomic  # noqa: F401 - kg.graphio owns them; kept importable here
from kg.records import Article, Entity, Event, Evidence, Extraction, Relation, Role, TimeValue
from kg.vocab import KG, KG_NS, SCHEMA, WD, participant_roles


def time_literal(value: str) -> Literal | None:
    """An ISO value at its granularity: xsd:date, xsd:gYearMonth or xsd:gYear; None for ranges and weeks."""
    if len(value) == 10:
        return Literal(value, datatype=XSD.date)
    if len(value) == 7 and value[4] == "-":
        return Literal(value, datatype=XSD.gYearMonth)
    if len(value) == 4 and value.isdigit():
        return Literal(value, datatype=XSD.gYear)
    return None


def _evidence(g: Graph, article: Article, fact: URIRef, ev: Evidence, key: str = "") -> None:
    node = ids.evidence_iri(article.id, ev.start, ev.end, ev.extractor, key or str(fact))
    g.add((fact, KG.evidence, node))
    g.add((node, RDF.type, KG.Evidence))
    g.add((node, KG.sentence, Literal(ev.sentence)))
    g.add((node, KG.start, Literal(ev.start)))
    g.add((node, KG.end, Literal(ev.end)))
    g.add((node, KG.anchor, Literal(article.text[ev.start:ev.end])))
    g.add((node, KG.confidence, Literal(Decimal(str(round(ev.confidence, 3))), datatype=XSD.decimal)))
    g.add((node, KG.extractor, Literal(ev.extractor)))
    g.add((node, PROV.wasDerivedFrom, ids.article_iri(article.id)))


def _article(g: Graph, article: Article) -> URIRef:
    node = ids.article_iri(article.id)
    g.add((node, RDF.type, KG.Article))
    g.add((node, SCHEMA.datePublished, Literal(article.date.isoformat(), datatype=XSD.date)))
    if article.title:
        g.add((node, SCHEMA.headline, Literal(article.title)))
    if article.url:
        g.add((node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.source:
        g.add((node, SCHEMA.publisher, Literal(article.source)))
    g.add((node, KG.sha256, Literal(article.sha256)))
    if article.path:
        g.add((node, KG.file, Literal(Path(article.path).name)))
    g.add((node, KG.text, Literal(article.text)))
    return node


def _entity(g: Graph, article: Article, entity: Entity) -> None:
    node = ids.entity_iri(entity.key)
    g.add((node, RDF.type, KG[entity.type]))
    g.add((node, RDFS.label, Literal(entity.label)))
    for alias in entity.aliases:
        g.add((node, SKOS.altLabel, Literal(alias)))
    for m in entity.mentions:
        _evidence(g, article, node, Evidence(m.start, m.end, m.sentence, f"entities/{m.rule}", 0.9 if m.key else 0.7))


def _role(g: Graph, article: Article, role: Role) -> None:
    node = ids.role_iri(article.id, role.holder, role.name, role.of)
    g.add((node, RDF.type, KG.Role))
    g.add((node, KG.holder, ids.entity_iri(role.holder)))
    g.add((node, KG.roleName, Literal(role.name)))
    g.add((node, KG.roleOf, ids.entity_iri(role.of)))
    g.add((node, KG.asOf, Literal(role.as_of.isoformat(), datatype=XSD.date)))
    _evidence(g, article, node, role.evidence)


def add_time(g: Graph, node: URIRef, time: TimeValue) -> None:
    """kg:date at the text's granularity, with kg:earliest / kg:latest bounds."""
    literal = time_literal(time.value)
    if literal is not None:
        g.add((node, KG.date, literal))
    g.add((node, KG.earliest, Literal(time.earliest.isoformat(), datatype=XSD.date)))
    g.add((node, KG.latest, Literal(time.latest.isoformat(), datatype=XSD.date)))
    if time.text:
        g.add((node, KG.timeText, Literal(time.text)))


def _event(g: Graph, article: Article, event: Event) -> None:
    node = ids.event_iri(article.id, event.key)
    g.add((node, RDF.type, KG[event.kind]))
    g.add((node, RDFS.label, Literal(event.label)))
    g.add((node, KG.trigger, Literal(article.text[event.evidence.start:event.evidence.end])))
    g.add((node, KG.reportedIn, ids.article_iri(article.id)))
    g.add((node, KG.status, Literal(event.status)))
    for role, key in event.participants:
        g.add((node, KG[role] if role in participant_roles() else KG.participant, ids.entity_iri(key)))
        if role != "participant":
            g.add((node, KG.participant, ids.entity_iri(key)))
    if event.place:
        g.add((node, KG.place, ids.entity_iri(event.place)))
    if event.time is not None:
        add_time(g, node, event.time)
    if event.cameo:
        g.add((node, KG.cameo, Literal(event.cameo)))
    if event.plover:
        g.add((node, KG.plover, Literal(event.plover)))
    if event.quote:
        g.add((node, KG.quote, Literal(event.quote)))
    for key in event.about:
        g.add((node, KG.about, ids.event_iri(article.id, key) if key.startswith("event-") else ids.entity_iri(key)))
    for ev in (event.evidence, *event.mentions):
        _evidence(g, article, node, ev)


def _relation(g: Graph, article: Article, rel: Relation) -> None:
    subject = ids.entity_iri(rel.subject)
    obj = ids.event_iri(article.id, rel.object) if rel.object.startswith("event-") else ids.entity_iri(rel.object)
    g.add((subject, KG[rel.predicate], obj))
    node = ids.relation_iri(article.id, rel.subject, rel.predicate, rel.object)
    g.add((node, RDF.type, KG.RelationStatement))
    g.add((node, RDF.subject, subject))
    g.add((node, RDF.predicate, KG[rel.predicate]))
    g.add((node, RDF.object, obj))
    _evidence(g, article, node, rel.evidence)


def article_graph(extraction: Extraction, graph: Graph | None = None) -> Graph:
    """All facts of one article, each with its evidence."""
    g = graph if graph is not None else Graph(identifier=ids.article_iri(extraction.article.id))
    article = extraction.article
    _article(g, article)
    for entity in extraction.entities:
        _entity(g, article, entity)
    for role in extraction.roles:
        _role(g, article, role)
    for event in extraction.events:
        _event(g, article, event)
    for rel in extraction.relations:
        _relation(g, article, rel)
    return g


def entity_descriptions(g: Graph, extractions: Iterable[Extraction]) -> Graph:
    """Canonical descriptions (type, label, Wikidata link with its source) for the shared graph."""
    for extraction in extractions:
        for entity in extraction.entities:
            node = ids.entity_iri(entity.key)
            g.add((node, RDF.type, KG[entity.type]))
            g.set((node, RDFS.label, Literal(entity.label)))
            entry = entries().get(entity.key)
            if entry is not None and entry.wikidata:
                g.add((node, OWL.sameAs, WD[entry.wikidata]))
                g.add((node, KG.source, Literal(entry.source)))
                for name in entry.names:
                    if name != entity.label:
                        g.add((node, SKOS.altLabel, Literal(name)))
    return g


def new_dataset() -> Dataset:
    """An empty Dataset with newskg's prefixes bound."""
    ds = Dataset()
    ds.bind("kg", KG_NS)
    ds.bind("schema", SCHEMA)
    ds.bind("wd", WD)
    return ds


def to_dataset(extractions: Iterable[Extraction]) -> Dataset:
    """A Dataset with one named graph per article and the shared entities graph."""
    ds = new_dataset()
    extractions = list(extractions)
    for extraction in extractions:
        article_graph(extraction, ds.graph(ids.article_iri(extraction.article.id)))
    entity_descriptions(ds.graph(ids.ENTITIES_GRAPH), extractions)
    return ds


class QuadWriter:
    """Writes a quad file (TriG or N-Quads) one article graph at a time, so memory does not grow with the archive.

    The graphs go to a temporary file beside `path` (named as `write_atomic`
    names its own, so one left by a killed process is removed by the next
    write); `close()` adds the shared entities graph, described from every
    article added, and renames the file into place. Nothing replaces `path`
    unless `close()` is reached.
    """

    def __init__(self, path: str | Path, fmt: str | None = None) -> None:
        self.name = format_for(path, fmt)
        if self.name not in ("trig", "nquads"):
            raise ValueError(f"QuadWriter writes TriG or N-Quads, not {self.name}")
        self._file = atomic_file(path)
        self.fh = self._file.__enter__()
        self._open = True
        self.entities = Graph()
        self.triples = 0

    def add(self, extraction: Extraction) -> Graph:
        """Write one article's named graph; returns it (for a store to load)."""
        ds = new_dataset()
        graph = article_graph(extraction, ds.graph(ids.article_iri(extraction.article.id)))
        entity_descriptions(self.entities, [extraction])
        self.fh.write(ds.serialize(format=self.name, encoding="utf-8"))
        self.triples += len(graph)
        return graph

    def close(self) -> Graph:
        """Write the entities graph and put the file in place; returns the entities graph."""
        try:
            ds = new_dataset()
            shared = ds.graph(ids.ENTITIES_GRAPH)
            for triple in self.entities:
                shared.add(triple)
            self.fh.write(ds.serialize(format=self.name, encoding="utf-8"))
            self.triples += len(shared)
        except BaseException:
            self.abort()
            raise
        self._open = False
        self._file.__exit__(None, None, None)
        return self.entities

    def abort(self) -> None:
        """Drop the temporary file; `path` stays as it was."""
        if self._open:
            self._open = False
            stop = RuntimeError("the quad file was not finished")
            self._file.__exit__(RuntimeError, stop, None)
