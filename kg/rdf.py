"""Records -> RDF: one named graph per article, canonical entities in a shared graph.

Every fact in an article graph carries `kg:evidence` nodes (sentence, offsets
into the article text, confidence, extractor). Files are written by
kg.graphio, atomically: a reader sees the old file or the new one, never half
of it.
"""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, SKOS, TIME

from kg import ids
from kg.gazetteer import entries
from kg.graphio import atomic_file, format_for, load, save, union, write_atomic  # noqa: F401 - kg.graphio owns them; kept importable here
from kg.records import Article, Entity, Event, EventMerge, Evidence, Extraction, Relation, Role, TimeValue
from kg.vocab import KG, KG_NS, SCHEMA, WD, participant_roles
from kg.vocab import SCHEMA as SCHEMA_NS
from kg.vocab import WD as WD_NS


class _Terms:
    """A namespace whose terms are each made once: rdflib makes a new URIRef at every attribute read of a namespace
    (through Python's __getattr__), which writing an article's facts does some 200 times an article."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace
        self._items: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):
            raise AttributeError(name)
        term = getattr(self._namespace, name)
        setattr(self, name, term)  # read as a plain attribute from now on
        return term

    def __getitem__(self, name: str) -> URIRef:
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = self._namespace[name]
        return term


# below, these names are the namespaces' terms made once (`_Terms`); `new_dataset` binds the namespaces themselves
KG, RDF, RDFS, XSD, OWL, PROV, SKOS, SCHEMA, WD = (_Terms(ns) for ns in (KG, RDF, RDFS, XSD, OWL, PROV, SKOS, SCHEMA, WD))
EVIDENCE, SENTENCE, START, END, ANCHOR, CONFIDENCE, EXTRACTOR = (
    KG.evidence, KG.sentence, KG.start, KG.end, KG.anchor, KG.confidence, KG.extractor)  # looked up once, not per fact
PRECISION_UNITS = {"day": TIME.unitDay, "week": TIME.unitWeek, "month": TIME.unitMonth, "year": TIME.unitYear}


def time_literal(value: str) -> Literal | None:
    """An ISO value at its granularity: xsd:date, xsd:gYearMonth or xsd:gYear; None for ranges and weeks."""
    if len(value) == 10:
        return Literal(value, datatype=XSD.date)
    if len(value) == 7 and value[4] == "-":
        return Literal(value, datatype=XSD.gYearMonth)
    if len(value) == 4 and value.isdigit():
        return Literal(value, datatype=XSD.gYear)
    return None


@lru_cache(maxsize=1 << 15, typed=True)
def _literal(value: str | int) -> Literal:
    """Literal(value), made once: an evidence node's offsets, extractor and sentence recur across an article's facts,
    and building an rdflib Literal is the costliest step of writing them."""
    return Literal(value)


@lru_cache(maxsize=1 << 12)
def _typed(value: str, datatype: URIRef) -> Literal:
    """Literal(value, datatype=datatype), made once: an article's dates recur across its events and roles."""
    return Literal(value, datatype=datatype)


@lru_cache(maxsize=1024)
def _confidence(value: float) -> Literal:
    return Literal(Decimal(str(round(value, 3))), datatype=XSD.decimal)


def _evidence(g: Graph, article: Article, fact: URIRef, ev: Evidence, key: str = "") -> None:
    node = ids.evidence_iri(article.id, ev.start, ev.end, ev.extractor, key or str(fact))
    g.add((fact, EVIDENCE, node))
    g.add((node, RDF.type, KG.Evidence))
    g.add((node, SENTENCE, _literal(ev.sentence)))
    g.add((node, START, _literal(ev.start)))
    g.add((node, END, _literal(ev.end)))
    g.add((node, ANCHOR, _literal(article.text[ev.start:ev.end])))
    g.add((node, CONFIDENCE, _confidence(ev.confidence)))
    g.add((node, EXTRACTOR, _literal(ev.extractor)))
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
    """An entity's evidence in this article, and which of its mentions a merge across articles joined.

    Its type and label are the canonical description, written once in the entities graph
    (`entity_descriptions`), not again in every article that names it.
    """
    node = ids.entity_iri(entity.key)
    for m in entity.mentions:
        _evidence(g, article, node, Evidence(m.start, m.end, m.sentence, f"entities/{m.rule}", 0.9 if m.key else 0.7))
    for key, _names, rule, score, _detail, spans in entity.merged:
        merge = ids.merge_iri(entity.key, key, rule, score)
        g.add((merge, KG.article, ids.article_iri(article.id)))
        for start, end, mrule in spans:
            g.add((merge, KG.mention, ids.evidence_iri(article.id, start, end, f"entities/{mrule}", str(node))))


def _role(g: Graph, article: Article, role: Role) -> None:
    node = ids.role_iri(article.id, role.holder, role.name, role.of)
    g.add((node, RDF.type, KG.Role))
    g.add((node, KG.holder, ids.entity_iri(role.holder)))
    g.add((node, KG.roleName, _literal(role.name)))
    g.add((node, KG.roleOf, ids.entity_iri(role.of)))
    g.add((node, KG.asOf, _typed(role.as_of.isoformat(), XSD.date)))
    _evidence(g, article, node, role.evidence)


def add_time(g: Graph, node: URIRef, time: TimeValue) -> None:
    """kg:date at the text's granularity, with kg:earliest / kg:latest bounds and kg:datePrecision (an OWL-Time unit)."""
    literal = time_literal(time.value)
    if literal is not None:
        g.add((node, KG.date, literal))
    g.add((node, KG.datePrecision, PRECISION_UNITS[time.precision]))
    g.add((node, KG.earliest, _typed(time.earliest.isoformat(), XSD.date)))
    g.add((node, KG.latest, _typed(time.latest.isoformat(), XSD.date)))
    if time.text:
        g.add((node, KG.timeText, _literal(time.text)))


def event_nodes(extraction: Extraction) -> dict[str, URIRef]:
    """Event key -> IRI of the event node, for the article's events that are the node of another article's report."""
    return {m.key: ids.event_iri(*m.node) for m in extraction.event_merges}


def _event_node(article: Article, key: str, nodes: dict[str, URIRef]) -> URIRef:
    return nodes.get(key) or ids.event_iri(article.id, key)


def _event(g: Graph, article: Article, event: Event, nodes: dict[str, URIRef]) -> None:
    node = _event_node(article, event.key, nodes)
    g.add((node, RDF.type, KG[event.kind]))
    g.add((node, RDFS.label, _literal(event.label)))
    g.add((node, KG.trigger, _literal(article.text[event.evidence.start:event.evidence.end])))
    g.add((node, KG.reportedIn, ids.article_iri(article.id)))
    g.add((node, KG.status, _literal(event.status)))
    for role, key in event.participants:
        g.add((node, KG[role] if role in participant_roles() else KG.participant, ids.entity_iri(key)))
        if role != "participant":
            g.add((node, KG.participant, ids.entity_iri(key)))
    if event.place:
        g.add((node, KG.place, ids.entity_iri(event.place)))
    if event.time is not None:
        add_time(g, node, event.time)
    if event.cameo:
        g.add((node, KG.cameo, _literal(event.cameo)))
    if event.plover:
        g.add((node, KG.plover, _literal(event.plover)))
    if event.quote:
        g.add((node, KG.quote, _literal(event.quote)))
    for key in event.about:
        g.add((node, KG.about, _event_node(article, key, nodes) if key.startswith("event-") else ids.entity_iri(key)))
    for ev in (event.evidence, *event.mentions):
        _evidence(g, article, node, ev)


def _event_merge(g: Graph, article: Article, event: Event, merge: EventMerge) -> None:
    """The record of one report joined to an event another article reports: which reports, which articles, rule and score."""
    node = ids.event_iri(*merge.node)
    record = ids.event_merge_iri(article.id, merge.key)
    g.add((record, RDF.type, KG.EventMerge))
    g.add((record, KG.mergedEvent, node))
    ev = event.evidence
    g.add((record, KG.mergedReport, ids.evidence_iri(article.id, ev.start, ev.end, ev.extractor, str(node))))
    start, end, extractor = merge.matched_trigger
    g.add((record, KG.matchedReport, ids.evidence_iri(merge.matched[0], start, end, extractor, str(node))))
    g.add((record, KG.matchedArticle, ids.article_iri(merge.matched[0])))
    for key in merge.shared:
        g.add((record, KG.sharedActor, ids.entity_iri(key)))
    g.add((record, KG.eventMergeRule, _literal(merge.rule)))
    g.add((record, KG.eventMergeScore, Literal(Decimal(str(round(merge.score, 3))), datatype=XSD.decimal)))
    g.add((record, PROV.wasDerivedFrom, ids.article_iri(article.id)))


def _relation(g: Graph, article: Article, rel: Relation, nodes: dict[str, URIRef]) -> None:
    subject = ids.entity_iri(rel.subject)
    obj = _event_node(article, rel.object, nodes) if rel.object.startswith("event-") else ids.entity_iri(rel.object)
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
    nodes = event_nodes(extraction)
    for event in extraction.events:
        _event(g, article, event, nodes)
    events = {e.key: e for e in extraction.events}
    for merge in extraction.event_merges:
        _event_merge(g, article, events[merge.key], merge)
    for rel in extraction.relations:
        _relation(g, article, rel, nodes)
    return g


def entity_descriptions(g: Graph, extractions: Iterable[Extraction]) -> Graph:
    """Canonical descriptions for the shared graph, written once per entity however many articles name it: type, label,
    other names, Wikidata link with its source, dated former names, known affiliations, and the merges that made it."""
    for extraction in extractions:
        for entity in extraction.entities:
            describe_entity(g, entity)
    return g


def describe_entity(g: Graph, entity: Entity) -> None:
    """One entity's canonical description (see `entity_descriptions`)."""
    node = ids.entity_iri(entity.key)
    g.add((node, RDF.type, KG[entity.type]))
    g.set((node, RDFS.label, _literal(entity.label)))
    names = set(entity.aliases)
    entry = entries().get(entity.key)
    wikidata, source = entity.wikidata, entity.source
    if entry is not None and entry.wikidata:
        wikidata, source = entry.wikidata, entry.source
        names.update(entry.names)
    if wikidata:
        g.add((node, OWL.sameAs, WD[wikidata]))
        g.add((node, KG.source, _literal(source)))
    for name, until, origin in entity.former:
        former = URIRef(f"{node}/former/{ids.slug(name)}")
        g.add((node, KG.formerName, former))
        g.add((former, RDF.type, KG.FormerName))
        g.add((former, KG.name, _literal(name)))
        if until:
            g.add((former, KG.until, Literal(until, datatype=XSD.date)))
        g.add((former, KG.source, _literal(origin)))
        names.add(name)
    for name in sorted(names - {entity.label}):
        g.add((node, SKOS.altLabel, _literal(name)))
    for state, sector, code, start, end, origin in entity.affiliations:
        aff = URIRef(f"{node}/affiliation/{ids.digest(state, sector, code, start, end)}")
        g.add((node, KG.affiliation, aff))
        g.add((aff, RDF.type, KG.Affiliation))
        g.add((aff, KG.affiliatedWith, ids.entity_iri(state)))
        g.add((aff, KG.sector, _literal(sector)))
        g.add((aff, KG.actorCode, _literal(code)))
        if start:
            g.add((aff, KG.since, Literal(start, datatype=XSD.date)))
        if end:
            g.add((aff, KG.until, Literal(end, datatype=XSD.date)))
        g.add((aff, KG.source, _literal(origin)))
    for key, names_, rule, score, detail, _spans in entity.merged:
        merge = ids.merge_iri(entity.key, key, rule, score)
        g.add((node, KG.merged, merge))
        g.add((merge, RDF.type, KG.Merge))
        g.add((merge, KG.mergedKey, _literal(key)))
        for name in names_:
            g.add((merge, KG.mergedName, _literal(name)))
        g.add((merge, KG.rule, _literal(rule)))
        g.add((merge, KG.score, Literal(Decimal(str(round(score, 3))), datatype=XSD.decimal)))
        if detail:
            g.add((merge, KG.detail, _literal(detail)))
    for other, why in entity.apart:
        g.add((node, KG.distinctFrom, ids.entity_iri(other)))
        split = URIRef(f"{node}/apart/{ids.slug(other)}")
        g.add((node, KG.keptApart, split))
        g.add((split, RDF.type, KG.KeptApart))
        g.add((split, KG.other, ids.entity_iri(other)))
        g.add((split, KG.rule, Literal("user-not-same")))
        g.add((split, KG.detail, Literal(why)))


def new_dataset() -> Dataset:
    """An empty Dataset with newskg's prefixes bound."""
    ds = Dataset()
    ds.bind("kg", KG_NS)
    ds.bind("schema", SCHEMA_NS)
    ds.bind("wd", WD_NS)
    return ds


def to_dataset(extractions: Iterable[Extraction]) -> Dataset:
    """A Dataset with one named graph per article and the shared entities graph."""
    ds = new_dataset()
    extractions = list(extractions)
    for extraction in extractions:
        article_graph(extraction, ds.graph(ids.article_iri(extraction.article.id)))
    entity_descriptions(ds.graph(ids.ENTITIES_GRAPH), extractions)
    return ds


class TripleSet(dict):
    """Triples in the order added, each once, with a Graph's `add` and `set`: what `article_graph` and
    `describe_entity` write into when the triples only go on to a file or a store, without a Graph's indexes."""

    add = dict.setdefault  # add(triple): the triple as a key (value None), once, where it was first added

    def set(self, triple: tuple) -> None:
        """As Graph.set: the one value of (subject, predicate)."""
        subject, predicate, _ = triple
        # rdflib's equality of IRIs and blank nodes (same type, same string; a subject or a predicate is never a
        # literal), without its Python __eq__ for every triple held: an article's labels are set one entity at a time
        same = str.__eq__
        kinds = type(subject), type(predicate)
        for old in [t for t in self if same(t[1], predicate) and same(t[0], subject) and (type(t[0]), type(t[1])) == kinds]:
            del self[old]
        self[triple] = None


def nt_term(term) -> str:
    """A term in N-Triples: <iri>, _:label or a quoted literal with its language or datatype (RDF 1.1 N-Triples)."""
    if type(term) is URIRef:  # most terms: tested first, by exact type (rdflib's isinstance goes through its ABCs)
        return f"<{term}>"
    if isinstance(term, Literal):
        text = str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        if term.language:
            return f'"{text}"@{term.language}'
        datatype = term.datatype  # an IRI: compared as a string, not through rdflib's Python __ne__ (a call a literal)
        if datatype is not None and not str.__eq__(datatype, XSD.string):
            return f'"{text}"^^<{datatype}>'
        return f'"{text}"'
    if isinstance(term, BNode):
        return f"_:{term}"
    return f"<{term}>"


def ntriples_lines(triples: Iterable[tuple]) -> list[str]:
    """Each triple as an N-Triples statement, without its closing ' .'."""
    iri = URIRef  # most terms, written here without a call of nt_term
    return [f"{f'<{s}>' if type(s) is iri else nt_term(s)} {f'<{p}>' if type(p) is iri else nt_term(p)} "
            f"{f'<{o}>' if type(o) is iri else nt_term(o)}" for s, p, o in triples]


def ntriples_document(lines: Iterable[str]) -> str:
    """Statements of `ntriples_lines` as an N-Triples document."""
    return "".join(f"{line} .\n" for line in lines)


def render_article(extraction: Extraction) -> tuple[str, list[str], list[str]]:
    """What a quad file holds of one article, apart from any writer (so worker processes can compute it, and send
    back plain strings): its graph IRI, its triples as N-Triples statements (`ntriples_lines`), and its entities'
    canonical descriptions for the shared graph (`describe_entity`), as statements too."""
    lines = ntriples_lines(article_graph(extraction, TripleSet()))
    return str(ids.article_iri(extraction.article.id)), lines, ntriples_lines(entity_descriptions(TripleSet(), [extraction]))


def article_ntriples(extraction: Extraction) -> str:
    """One article's graph (`article_graph`) as an N-Triples document, without an rdflib Graph."""
    return ntriples_document(ntriples_lines(article_graph(extraction, TripleSet())))


_LABEL = nt_term(RDFS.label)


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
        self.entities: dict[str | tuple[str, str], str] = {}  # the shared graph's statements, each once; one label a node
        self.triples = 0

    def add(self, extraction: Extraction) -> tuple[str, bytes]:
        """Write one article's named graph; returns its IRI and its N-Triples (for a store to load).

        The triples are written as N-Triples lines (inside a graph block for TriG), not
        through an rdflib Graph: indexing and serialising each graph cost an article
        about a fifth of the model's own time.
        """
        return self.add_rendered(*render_article(extraction))

    def add_rendered(self, iri: str, lines: list[str], descriptions: Iterable[str]) -> tuple[str, bytes]:
        """`add` for an article `render_article` has made (here or in another process)."""
        for line in descriptions:
            subject, predicate, _ = line.split(" ", 2)
            if predicate == _LABEL:  # as Graph.set: the last label written is the node's one label
                self.entities.pop((subject, predicate), None)
                self.entities[subject, predicate] = line
            else:
                self.entities[line] = line
        self._write(iri, lines)
        return iri, ntriples_document(lines).encode("utf-8")

    def _write(self, iri: str, lines: list[str]) -> None:
        if self.name == "nquads":
            self.fh.write("".join(f"{line} <{iri}> .\n" for line in lines).encode("utf-8"))
        else:
            self.fh.write(f"<{iri}> {{\n{ntriples_document(lines)}}}\n".encode())
        self.triples += len(lines)

    def close(self) -> None:
        """Write the entities graph and put the file in place."""
        try:
            self._write(str(ids.ENTITIES_GRAPH), list(self.entities.values()))
        except BaseException:
            self.abort()
            raise
        self._open = False
        self._file.__exit__(None, None, None)

    def abort(self) -> None:
        """Drop the temporary file; `path` stays as it was."""
        if self._open:
            self._open = False
            stop = RuntimeError("the quad file was not finished")
            self._file.__exit__(RuntimeError, stop, None)
