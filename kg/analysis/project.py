"""Project the RDF graph onto networkx graphs: typed, actor-event, co-participation, state relations.

The graph is read with a handful of SPARQL SELECTs evaluated by Oxigraph
(pyoxigraph): a graph file is parsed straight into an in-memory Oxigraph
store; an rdflib Dataset on oxrdflib's Oxigraph store is queried in place; a
plain rdflib Dataset is copied into Oxigraph first, which measured faster than
rdflib's own SPARQL engine (see BENCHMARKS.md, "Analysis"). Queries see the
union of all named graphs; the article of a fact comes from `kg:reportedIn`
(events) or from its evidence's `prov:wasDerivedFrom`.

Filters shared by every projection:

- ``articles``: article ids (or article IRIs); only their facts, and only
  their evidence sentences, are kept.
- ``start`` / ``end``: ISO dates. An event is kept when its
  ``kg:earliest..kg:latest`` period overlaps ``[start, end]``: an event
  dated only by month or year ("2018-11", "2016") is placed by those bounds.
  An undated event is left out of a date filter (``Facts.left_out`` counts
  it) unless ``include_undated=True``, which keeps it when its article was
  published on or after ``start`` (it happened by then, as far as we know).
  Lasting facts (roles, relations) are kept when stated on or before
  ``end``: "as of a date" is ``end``.

>>> from kg.analysis.examples import example_dataset
>>> g = coparticipation(example_dataset())
>>> sorted(g.nodes[n]["label"] for n in g)
['Alice', 'Bob', 'Borduria', 'Carol']
>>> g.edges["https://w3id.org/newskg/id/entity/alice", "https://w3id.org/newskg/id/entity/bob"]["weight"]
2
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

KG_NS = "https://w3id.org/newskg/ontology#"
ARTICLE_PREFIX = "https://w3id.org/newskg/id/article/"
ENTITIES_GRAPH = "https://w3id.org/newskg/id/graph/entities"
ACTOR_TYPES = ("Person", "Organization", "State")
ENTITY_TYPES = (*ACTOR_TYPES, "Place")
PARTICIPATION = ("participant", "host", "mediator", "organizer", "speaker", "target")
MAX_EVIDENCE = 5

PREFIXES = f"""PREFIX kg: <{KG_NS}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""

QUERIES = {
    "articles": "SELECT DISTINCT ?a ?published ?headline WHERE { ?a a kg:Article . OPTIONAL { ?a schema:datePublished ?published } "
                "OPTIONAL { ?a schema:headline ?headline } }",
    "events": """SELECT DISTINCT ?e ?article ?type ?label ?date ?earliest ?latest ?plover ?status WHERE {
  ?e kg:reportedIn ?article .
  OPTIONAL { ?e a ?type } OPTIONAL { ?e rdfs:label ?label } OPTIONAL { ?e kg:date ?date }
  OPTIONAL { ?e kg:earliest ?earliest } OPTIONAL { ?e kg:latest ?latest }
  OPTIONAL { ?e kg:plover ?plover } OPTIONAL { ?e kg:status ?status } }""",
    "participation": """SELECT DISTINCT ?e ?p ?x WHERE {
  VALUES ?p { kg:participant kg:host kg:mediator kg:organizer kg:speaker kg:target kg:place kg:about }
  ?e ?p ?x . ?e kg:reportedIn ?article }""",
    "types": """SELECT DISTINCT ?x ?type WHERE { VALUES ?type { kg:Person kg:Organization kg:State kg:Place } ?x a ?type }""",
    "labels": "SELECT DISTINCT ?x ?label WHERE { ?x rdfs:label ?label }",
    "canonical": f"""SELECT ?x ?type ?label WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{
  VALUES ?type {{ kg:Person kg:Organization kg:State kg:Place }}
  ?x a ?type . OPTIONAL {{ ?x rdfs:label ?label }} }} }}""",
    "evidence": """SELECT DISTINCT ?x ?sentence ?start ?end ?article WHERE {
  ?x kg:evidence ?ev . ?ev kg:sentence ?sentence .
  OPTIONAL { ?ev kg:start ?start } OPTIONAL { ?ev kg:end ?end } OPTIONAL { ?ev prov:wasDerivedFrom ?article } }""",
    "relations": """SELECT DISTINCT ?r ?s ?p ?o WHERE {
  ?r a kg:RelationStatement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }""",
    "roles": """SELECT DISTINCT ?r ?holder ?name ?of ?asof WHERE {
  ?r a kg:Role ; kg:holder ?holder ; kg:roleOf ?of . OPTIONAL { ?r kg:roleName ?name } OPTIONAL { ?r kg:asOf ?asof } }""",
}


def local(iri: str) -> str:
    """The local name of an IRI: after the last '#' or '/'.

    >>> local("https://w3id.org/newskg/ontology#host")
    'host'
    """
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def article_id(value: str) -> str:
    """An article id from an id or an article IRI.

    >>> article_id("https://w3id.org/newskg/id/article/abc")
    'abc'
    """
    return value[len(ARTICLE_PREFIX):] if value.startswith(ARTICLE_PREFIX) else value


# -- reading the graph --------------------------------------------------------------------------


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


def _copy_to_oxigraph(graph: Any) -> Any:
    """An in-memory Oxigraph store holding every quad of an rdflib Graph or Dataset."""
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


def _open_path(path: Path) -> Any:
    import pyoxigraph as ox

    from kg.errors import GraphError

    if path.is_dir():
        try:
            from kg.store import open_store
        except ImportError as exc:
            raise GraphError("E050", str(path), "a store directory needs kg.store, which is not installed; pass a graph file") from exc
        return open_store(path, read_only=True)
    if not path.exists():
        raise GraphError("E010", str(path), "no such graph file or store directory")
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower())
    if fmt is None:
        raise GraphError("E020", str(path), "unknown graph format: use .trig, .nq, .ttl, .nt or .jsonld")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt, lenient=True)
    except (SyntaxError, ValueError, OSError) as exc:
        raise GraphError("E020", str(path), f"cannot parse: {exc}") from exc
    return store


def oxigraph_store(ds: Any) -> Any:
    """An Oxigraph store for a graph source: pyoxigraph Store, rdflib Graph/Dataset, graph file or store directory.

    >>> from kg.analysis.examples import example_dataset
    >>> len(oxigraph_store(example_dataset())) > 0
    True
    """
    import pyoxigraph as ox

    if isinstance(ds, ox.Store):
        return ds
    if isinstance(ds, str | Path):
        return _open_path(Path(ds))
    inner = getattr(getattr(ds, "store", None), "_inner", None)  # oxrdflib's Oxigraph-backed rdflib store
    if isinstance(inner, ox.Store):
        return inner
    if hasattr(ds, "triples"):
        return _copy_to_oxigraph(ds)
    raise TypeError(f"cannot read a graph from {type(ds).__name__}: pass an rdflib Dataset, a pyoxigraph Store or a path")


def _select(store: Any, name: str) -> list[tuple[str | None, ...]]:
    rows = store.query(PREFIXES + QUERIES[name], use_default_graph_as_union=True)
    names = [v.value for v in rows.variables]
    return [tuple(None if sol[v] is None else sol[v].value for v in names) for sol in rows]


def identity_notes(ds: Any) -> dict[str, list[str]]:
    """Entity IRI -> one short line per merge identity across articles recorded (kg:merged: names, rule, score, why,
    in how many articles): what the tooltips and the report show, the records `kg explain` reads in full."""
    store = oxigraph_store(ds)
    query = f"""SELECT ?x ?m ?rule ?score ?detail (GROUP_CONCAT(DISTINCT ?name; separator=" / ") AS ?names)
        (COUNT(DISTINCT ?a) AS ?n) WHERE {{
        GRAPH <{ENTITIES_GRAPH}> {{ ?x kg:merged ?m . ?m kg:rule ?rule ; kg:score ?score . OPTIONAL {{ ?m kg:detail ?detail }}
                                    OPTIONAL {{ ?m kg:mergedName ?name }} }}
        OPTIONAL {{ ?m kg:article ?a }} }} GROUP BY ?x ?m ?rule ?score ?detail ORDER BY ?x DESC(?score) ?m"""
    out: dict[str, list[str]] = defaultdict(list)
    for solution in store.query(PREFIXES + query, use_default_graph_as_union=True):
        x, rule, score, detail, names, n = (solution[v] for v in ("x", "rule", "score", "detail", "names", "n"))
        why = f"{rule.value} {float(score.value):.2f}" + (f": {detail.value}" if detail is not None else "")
        out[x.value].append(f"merged {names.value if names is not None and names.value else '?'} ({why}), {n.value} article(s)")
    return dict(out)


# -- the facts, filtered ------------------------------------------------------------------------


@dataclass
class Facts:
    """What the projections are built from, after the filters: plain strings, no RDF terms."""

    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    # (event, role, entity) with role in PARTICIPATION, "place" or "about"
    links: list[tuple[str, str, str]] = field(default_factory=list)
    # (subject, predicate local name, object, relation node)
    relations: list[tuple[str, str, str, str]] = field(default_factory=list)
    # (holder, role name, of, as of, role node)
    roles: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    evidence: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    published: dict[str, str] = field(default_factory=dict)
    headlines: dict[str, str] = field(default_factory=dict)  # article id -> headline, for people to read
    # events the filters left out, by reason: "undated" (no date, a date filter given), "out of range"
    left_out: dict[str, int] = field(default_factory=dict)
    # entity -> what identity across articles merged into it, one line a merge (kg.explain.identity_notes)
    identity: dict[str, list[str]] = field(default_factory=dict)


def _bounds(date: str, earliest: str, latest: str, published: str) -> tuple[str, str]:
    if not earliest and date:
        earliest = date + ("-01-01" if len(date) == 4 else "-01" if len(date) == 7 else "")
    if not latest and date:
        if len(date) == 10:
            latest = date
        elif len(date) == 7:
            import calendar

            y, m = int(date[:4]), int(date[5:7])
            latest = f"{date}-{calendar.monthrange(y, m)[1]:02d}"
        elif len(date) == 4:
            latest = date + "-12-31"
    return earliest[:10], (latest or published or "9999-12-31")[:10]


def facts(ds: Any, *, articles: Iterable[str] | None = None, start: str | None = None, end: str | None = None,
          include_undated: bool = False) -> Facts:
    """Read events, participation, entities, relations, roles and evidence, keeping what the filters allow.

    >>> from kg.analysis.examples import example_dataset
    >>> f = facts(example_dataset(), end="2020-07-11")
    >>> sorted(e["label"] for e in f.events.values()), f.left_out
    (['talks in Zenda'], {'out of range': 1, 'undated': 1})
    >>> f = facts(example_dataset(), end="2020-07-11", include_undated=True)  # it may have happened by then
    >>> sorted(e["label"] for e in f.events.values())
    ['Bob accuses Borduria', 'talks in Zenda']
    """
    store = oxigraph_store(ds)
    keep_articles = None if articles is None else {article_id(str(a)) for a in articles}
    out = Facts(identity=identity_notes(store))
    for a, published, headline in _select(store, "articles"):
        out.published[article_id(a)] = (published or "")[:10]
        if headline:
            out.headlines[article_id(a)] = headline

    def article_ok(article: str | None) -> bool:
        return keep_articles is None or (article is not None and article_id(article) in keep_articles)

    def stated_ok(article: str | None) -> bool:
        if not article_ok(article):
            return False
        when = out.published.get(article_id(article or ""), "")
        return end is None or not when or when <= end

    for e, article, type_, label, date, earliest, latest, plover, status in _select(store, "events"):
        if not article_ok(article):
            continue
        aid = article_id(article or "")
        ev = out.events.get(e)
        if ev is None:
            ev = out.events[e] = {"types": set(), "label": label or local(e), "date": date or "", "article": aid,
                                  "earliest": earliest or "", "latest": latest or "", "plover": plover or "", "status": status or ""}
        if type_:
            ev["types"].add(local(type_))
    dated_filter = start is not None or end is not None
    left: dict[str, int] = defaultdict(int)
    for e in list(out.events):
        ev = out.events[e]
        undated = not (ev["date"] or ev["earliest"] or ev["latest"])
        lo, hi = _bounds(ev["date"], ev.pop("earliest"), ev.pop("latest"), out.published.get(ev["article"], ""))
        if undated and dated_filter and not include_undated:
            left["undated"] += 1
            del out.events[e]
            continue
        if (end is not None and lo and lo > end) or (start is not None and hi < start):
            left["out of range"] += 1
            del out.events[e]
            continue
        types = sorted(ev.pop("types") - {"Event"}) or ["Event"]
        ev.update(type=types[0], types=types, earliest=lo, latest=hi)
    out.left_out = dict(sorted(left.items()))
    for e, p, x in _select(store, "participation"):
        if e in out.events:
            out.links.append((e, local(p), x))
    for r, s, p, o in _select(store, "relations"):
        out.relations.append((s, local(p), o, r))
    for r, holder, name, of, asof in _select(store, "roles"):
        out.roles.append((holder, name or "", of, (asof or "")[:10], r))
    seen: set[tuple[str, ...]] = set()
    for x, sentence, s, e_, article in _select(store, "evidence"):
        key = (x, sentence, s or "", e_ or "", article or "")
        if key in seen:
            continue
        seen.add(key)
        aid = article_id(article or "")
        if keep_articles is not None and aid not in keep_articles:
            continue  # one article's view shows that article's sentences only
        out.evidence.setdefault(x, []).append({"sentence": sentence, "article": aid, "headline": out.headlines.get(aid, ""),
                                                "date": out.published.get(aid, ""), "start": int(s) if s else -1,
                                                "end": int(e_) if e_ else -1})
    for items in out.evidence.values():
        items.sort(key=lambda d: (d["date"], d["article"], d["start"], d["sentence"]))
    # lasting facts: stated in a kept article on or before `end`
    def first_ok(node: str) -> bool:
        return any(stated_ok(ARTICLE_PREFIX + d["article"]) for d in out.evidence.get(node, ())) or (
            node not in out.evidence and keep_articles is None)

    out.relations = [r for r in out.relations if first_ok(r[3]) and (r[2] in out.events or not r[2].startswith(_EVENT_PREFIX))]
    out.roles = [r for r in out.roles if first_ok(r[4]) and (end is None or not r[3] or r[3] <= end)]
    # entities: typed by the shared entities graph first, then by the article graphs
    types: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"types": set(), "labels": set()})
    for x, type_ in _select(store, "types"):
        types[x]["types"].add(local(type_))
    for x, label in _select(store, "labels"):
        if x in types and label:
            types[x]["labels"].add(label)
    canonical = {x: (local(t), label) for x, t, label in _select(store, "canonical")}
    used = {x for _, _, x in out.links} | {r[0] for r in out.relations} | {r[2] for r in out.relations}
    used |= {r[0] for r in out.roles} | {r[2] for r in out.roles}
    for x, seen_as in types.items():
        mentioned = [d for d in out.evidence.get(x, ()) if stated_ok(ARTICLE_PREFIX + d["article"])
                     and (start is None or not d["date"] or d["date"] >= start)]
        if x not in used and not mentioned:
            continue
        t, label = canonical.get(x, (None, None))
        t = t or min(seen_as["types"], key=ENTITY_TYPES.index)
        label = label or (sorted(seen_as["labels"])[0] if seen_as["labels"] else local(x))
        out.entities[x] = {"type": t, "label": label, "articles": sorted({d["article"] for d in mentioned})}
    out.links = [link for link in out.links if link[2] in out.entities or link[2] in out.events]
    out.relations = [r for r in out.relations if r[0] in out.entities and (r[2] in out.entities or r[2] in out.events)]
    out.roles = [r for r in out.roles if r[0] in out.entities and r[2] in out.entities]
    return out


_EVENT_PREFIX = "https://w3id.org/newskg/id/event/"


def _evidence(f: Facts, node: str) -> list[dict[str, Any]]:
    return [dict(d) for d in f.evidence.get(node, ())[:MAX_EVIDENCE]]


def _kind(entity_type: str) -> str:
    return "place" if entity_type == "Place" else "actor"


def _entity_attrs(f: Facts, x: str) -> dict[str, Any]:
    ent = f.entities[x]
    return {"label": ent["label"], "type": ent["type"], "kind": _kind(ent["type"]), "date": "",
            "evidence": _evidence(f, x), "articles": list(ent["articles"]), "identity": list(f.identity.get(x, ()))}


def _event_attrs(f: Facts, e: str) -> dict[str, Any]:
    ev = f.events[e]
    return {"label": ev["label"], "type": ev["type"], "kind": "event", "date": ev["date"], "earliest": ev["earliest"],
            "latest": ev["latest"], "plover": ev["plover"], "status": ev["status"], "evidence": _evidence(f, e),
            "articles": [ev["article"]]}


def _participants(f: Facts) -> dict[str, dict[str, set[str]]]:
    """event -> actor -> the roles it plays (finer roles hide the generic 'participant')."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for e, role, x in f.links:
        if role in PARTICIPATION and x in f.entities and _kind(f.entities[x]["type"]) == "actor":
            out[e][x].add(role)
    for actors in out.values():
        for roles in actors.values():
            if len(roles) > 1:
                roles.discard("participant")
    return out


# -- projections --------------------------------------------------------------------------------


def typed_graph(ds: Any, **filters: Any) -> nx.MultiDiGraph:
    """The full typed multigraph: actors, places and events as nodes; roles, places and relations as keyed edges.

    Edges follow the RDF direction (event -> actor for participation, subject
    -> object for relations, holder -> state or organization for roles); the
    key is the relation's local name ("host", "place", "formerPartOf",
    "roleOf"; a role's name is the edge label).

    >>> from kg.analysis.examples import example_dataset
    >>> g = typed_graph(example_dataset())
    >>> sorted(k for _, _, k in g.edges(keys=True))[:4]
    ['formerPartOf', 'mediator', 'participant', 'participant']
    """
    f = ds if isinstance(ds, Facts) else facts(ds, **filters)
    g = nx.MultiDiGraph(left_out=dict(f.left_out))
    for x in f.entities:
        g.add_node(x, **_entity_attrs(f, x))
    for e in f.events:
        g.add_node(e, **_event_attrs(f, e))
    for e, actors in _participants(f).items():
        for x, roles in actors.items():
            for role in sorted(roles):
                g.add_edge(e, x, key=role, label=role, date=f.events[e]["date"], evidence=_evidence(f, e))
    for e, role, x in f.links:
        if role in ("place", "about") or (role in PARTICIPATION and x in f.entities and f.entities[x]["type"] == "Place"):
            key = role if role in ("place", "about") else "place"
            g.add_edge(e, x, key=key, label=key, date=f.events[e]["date"], evidence=_evidence(f, e))
    for s, p, o, r in f.relations:
        ev = _evidence(f, r)
        g.add_edge(s, o, key=p, label=p, date=ev[0]["date"] if ev else "", evidence=ev)
    for holder, name, of, asof, r in sorted(f.roles, key=lambda r: (r[0], r[2], r[3], r[1])):
        if g.has_edge(holder, of, "roleOf"):
            data = g.edges[holder, of, "roleOf"]
            if name and name not in data["roles"]:
                data["roles"].append(name)
                data["label"] = " / ".join(data["roles"])
            data["evidence"] = (data["evidence"] + _evidence(f, r))[:MAX_EVIDENCE]
            continue
        g.add_edge(holder, of, key="roleOf", label=name or "roleOf", roles=[name] if name else [], date=asof, evidence=_evidence(f, r))
    return g


def actor_event_graph(ds: Any, **filters: Any) -> nx.Graph:
    """Bipartite actors (bipartite=0) and events (bipartite=1); `roles` on each edge.

    >>> from kg.analysis.examples import example_dataset
    >>> g = actor_event_graph(example_dataset())
    >>> sorted(d["bipartite"] for _, d in g.nodes(data=True))
    [0, 0, 0, 0, 1, 1, 1]
    """
    f = ds if isinstance(ds, Facts) else facts(ds, **filters)
    g = nx.Graph()
    for e, actors in _participants(f).items():
        g.add_node(e, bipartite=1, **_event_attrs(f, e))
        for x, roles in actors.items():
            if x not in g:
                g.add_node(x, bipartite=0, **_entity_attrs(f, x))
            g.add_edge(x, e, roles=sorted(roles), label="/".join(sorted(roles)), date=f.events[e]["date"])
    return g


def coparticipation(ds: Any, **filters: Any) -> nx.Graph:
    """Actor-actor graph: `weight` is the number of shared events, `events` their IRIs (by date).

    Each edge also lists `mediators` (actors that mediated one of the shared
    events, as a role or by a `kg:mediates` relation to it) and `hosts`
    (hosts and organizers). ``graph.graph["events"]`` describes
    every event named on an edge (label, type, date, evidence).

    >>> from kg.analysis.examples import example_dataset
    >>> g = coparticipation(example_dataset())
    >>> a, b = "https://w3id.org/newskg/id/entity/alice", "https://w3id.org/newskg/id/entity/bob"
    >>> [g.nodes[x]["label"] for x in g.edges[a, b]["mediators"]]
    ['Carol']
    """
    f = ds if isinstance(ds, Facts) else facts(ds, **filters)
    g = nx.Graph(events={})
    stated = defaultdict(set)  # kg:mediates from an actor to an event counts as mediating it
    for s, p, o, _ in f.relations:
        if p == "mediates" and o in f.events:
            stated[o].add(s)
    for e, actors in sorted(_participants(f).items(), key=lambda item: (f.events[item[0]]["earliest"], item[0])):
        g.graph["events"][e] = _event_attrs(f, e)
        members = sorted(actors)
        for x in members:
            if x not in g:
                g.add_node(x, **_entity_attrs(f, x))
        third = {"mediators": {x for x in members if "mediator" in actors[x]} | stated[e],
                 "hosts": {x for x in members if actors[x] & {"host", "organizer"}}}
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if not g.has_edge(a, b):
                    g.add_edge(a, b, weight=0, events=[], mediators=[], hosts=[])
                data = g.edges[a, b]
                data["weight"] += 1
                data["events"].append(e)
                for name, who in third.items():
                    data[name] = sorted(set(data[name]) | (who - {a, b}))
    return g


def _states_of(f: Facts) -> dict[str, set[str]]:
    """actor -> the states it stands for: itself if a State, else the states it holds a role of."""
    out: dict[str, set[str]] = {x: {x} for x, ent in f.entities.items() if ent["type"] == "State"}
    for holder, _, of, _, _ in f.roles:
        if f.entities.get(of, {}).get("type") == "State":
            out.setdefault(holder, set()).add(of)
    return out


def polarity_table() -> dict[tuple[str, str], str]:
    """(kind, code) -> cooperation / conflict / neutral, from kg/data/plover_polarity.csv.

    >>> polarity_table()[("plover", "ASSAULT")], polarity_table()[("relation", "mediates")]
    ('conflict', 'cooperation')
    """
    from kg.resources import table

    return {(row["kind"], row["id"]): row["polarity"] for row in table("plover_polarity.csv")}


def polarity(code: str, kind: str = "plover") -> str:
    """The polarity of a PLOVER type ("CONSULT", "consult", "CONSULT.meet") or a relation predicate.

    >>> polarity("consult"), polarity("rejects", "relation"), polarity("")
    ('cooperation', 'conflict', 'neutral')
    """
    if kind == "plover":
        import re

        code = (re.split(r"[^A-Za-z]", code.strip()) or [""])[0].upper()
    return polarity_table().get((kind, code), "neutral")


def state_relations(ds: Any, **filters: Any) -> nx.MultiDiGraph:
    """State-state graph: one edge per shared event (key = event IRI) and per stated relation (key = predicate).

    People and organizations stand for the states they hold a role of (the
    Serbian president's meeting is Serbia's meeting). Every edge has
    `polarity` (cooperation, conflict, neutral), `kind` ("event" or
    "relation"), `label`, `date`, `evidence` and `via` (the actors involved).
    Event edges run from the lower IRI to the higher one.

    >>> from kg.analysis.examples import example_dataset
    >>> g = state_relations(example_dataset())
    >>> for u, v, k, d in sorted(g.edges(keys=True, data=True)):
    ...     print(g.nodes[u]["label"], g.nodes[v]["label"], local(k), d["polarity"])
    Borduria Ruritania formerPartOf neutral
    Borduria Ruritania a1-talks cooperation
    Borduria Ruritania a2-accusation conflict
    Borduria Ruritania a2-meeting cooperation
    """
    f = ds if isinstance(ds, Facts) else facts(ds, **filters)
    states = _states_of(f)
    g = nx.MultiDiGraph()

    def node(x: str) -> None:
        if x not in g:
            g.add_node(x, **_entity_attrs(f, x))

    for e, actors in _participants(f).items():
        by_state: dict[str, set[str]] = defaultdict(set)
        for x in actors:
            for s in states.get(x, ()):
                by_state[s].add(x)
        ev = f.events[e]
        members = sorted(by_state)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                node(a)
                node(b)
                g.add_edge(a, b, key=e, kind="event", label=ev["label"], type=ev["type"], plover=ev["plover"],
                           polarity=polarity(ev["plover"]), date=ev["date"], evidence=_evidence(f, e),
                           via=sorted(by_state[a] | by_state[b]))
    for s, p, o, r in f.relations:
        if o in f.events:
            continue
        for a in sorted(states.get(s, ())):
            for b in sorted(states.get(o, ())):
                node(a)
                node(b)
                ev = _evidence(f, r)
                g.add_edge(a, b, key=p, kind="relation", label=p, polarity=polarity(p, "relation"),
                           date=ev[0]["date"] if ev else "", evidence=ev, via=sorted({s, o}))
    return g


def ego(graph: nx.Graph, node: str, radius: int = 1) -> nx.Graph:
    """The subgraph within `radius` hops of `node` (direction ignored), attributes kept.

    >>> from kg.analysis.examples import example_dataset
    >>> g = coparticipation(example_dataset())
    >>> sorted(ego(g, "https://w3id.org/newskg/id/entity/carol").nodes[n]["label"] for n in ego(g, "https://w3id.org/newskg/id/entity/carol"))
    ['Alice', 'Bob', 'Carol']
    """
    return nx.ego_graph(graph, node, radius=radius, undirected=True)


def find_node(graph: nx.Graph, name: str) -> str:
    """A node by IRI, exact label, or label ignoring case and accents; KeyError if none or ambiguous.

    >>> from kg.analysis.examples import example_dataset
    >>> find_node(coparticipation(example_dataset()), "alice")
    'https://w3id.org/newskg/id/entity/alice'
    """
    if name in graph:
        return name
    from kg.ids import slug

    for match in (lambda lab: lab == name, lambda lab: slug(lab) == slug(name), lambda lab: slug(name) in slug(lab).split("-")):
        found = sorted(n for n, d in graph.nodes(data=True) if d.get("kind") != "event" and match(str(d.get("label", ""))))
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise KeyError(f"{name!r} names {len(found)} nodes: {', '.join(found)}")
    raise KeyError(f"no node named {name!r}")


def timeline_lanes(ds: Any, *, actors: Iterable[str] | None = None, top: int = 12, **filters: Any) -> nx.Graph:
    """Events on a time axis by actor: one lane per actor (the `top` busiest, or `actors`), one node per event in each lane.

    Lane heads are the actors (``lane``, ``lane_head=True``); an event taking
    part in several lanes has a node in each (``event`` names it), tied by a
    "same event" edge. Each event node keeps ``earliest``/``latest`` (empty
    when undated), which a drawing maps to the time axis.

    >>> from kg.analysis.examples import example_dataset
    >>> g = timeline_lanes(example_dataset(), top=2)  # Bob took part in three events, Alice in two
    >>> [g.nodes[n]["label"] for n in g.graph["lanes"]]
    ['Bob', 'Alice']
    >>> sorted((d["lane"], d["label"]) for d in g.nodes.values() if not d.get("lane_head"))  # doctest: +NORMALIZE_WHITESPACE
    [(0, 'Bob accuses Borduria'), (0, 'meeting mediated by Carol'), (0, 'talks in Zenda'),
     (1, 'meeting mediated by Carol'), (1, 'talks in Zenda')]
    """
    from collections import Counter

    f = ds if isinstance(ds, Facts) else facts(ds, **filters)
    parts = _participants(f)
    counts = Counter(x for members in parts.values() for x in members)
    if actors is not None:
        probe = nx.Graph()
        probe.add_nodes_from((x, {"label": f.entities[x]["label"], "kind": "actor"}) for x in f.entities)
        lanes = [find_node(probe, a) for a in actors]
    else:
        lanes = [x for x, _ in sorted(counts.items(), key=lambda kv: (-kv[1], f.entities[kv[0]]["label"]))[:top]]
    g = nx.Graph(lanes=lanes, left_out=dict(f.left_out))
    for i, x in enumerate(lanes):
        g.add_node(x, **_entity_attrs(f, x), lane=i, lane_head=True, events=counts.get(x, 0))
    for e, members in parts.items():
        on = [(i, x) for i, x in enumerate(lanes) if x in members]
        previous = None
        for i, _ in on:
            node = f"{e}@{i}"
            attrs = _event_attrs(f, e)
            if not attrs["earliest"]:  # undated: the article's date bounds it above, but it has no place on the axis
                attrs["latest"] = ""
            g.add_node(node, **attrs, lane=i, event=e)
            if previous is not None:
                g.add_edge(previous, node, label="", kind="same event")
            previous = node
    return g
