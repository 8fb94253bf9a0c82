"""Project the RDF graph onto networkx graphs: typed, actor-event, co-participation, state relations.

The graph is read with a handful of SPARQL SELECTs (kg/queries/project/*.rq,
asked through `kg.query`) evaluated by Oxigraph (pyoxigraph), from any source
`kg.graphio.oxigraph` reads: a store directory is queried in place, a graph
file is parsed straight into an in-memory Oxigraph store, an rdflib Graph or
Dataset is copied into Oxigraph first, which measured faster than rdflib's
own SPARQL engine (see BENCHMARKS.md, "Analysis"). Queries see the union of
all named graphs; the article of a fact comes from `kg:reportedIn` (events)
or from its evidence's `prov:wasDerivedFrom`.

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
from typing import Any

import networkx as nx

from kg import query as q
from kg.vocab import ID, participant_roles

ARTICLE_PREFIX = f"{ID}article/"
ACTOR_TYPES = ("Person", "Organization", "State")
ENTITY_TYPES = (*ACTOR_TYPES, "Place")
MAX_EVIDENCE = 5
QUERIES = ("articles", "events", "participation", "types", "labels", "canonical", "evidence", "relations", "roles")  # kg/queries/project/


def local(iri: str) -> str:
    """The local name of an IRI: after the last '#' or '/'.

    >>> from kg.vocab import KG
    >>> local(KG.host), local("https://example.org/a/b")
    ('host', 'b')
    """
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def article_id(value: str) -> str:
    """An article id from an id or an article IRI.

    >>> article_id("https://w3id.org/newskg/id/article/abc")
    'abc'
    """
    return value[len(ARTICLE_PREFIX):] if value.startswith(ARTICLE_PREFIX) else value


# -- reading the graph --------------------------------------------------------------------------


def _select(store: Any, name: str) -> list[tuple[str | None, ...]]:
    """Rows of the projection's question kg/queries/project/NAME.rq, asked through kg.query."""
    return q.rows(store, f"project/{name}")


def identity_notes(ds: Any) -> dict[str, list[str]]:
    """Entity IRI -> one short line per merge identity across articles recorded (kg:merged: names, rule, score, why,
    in how many articles): what the tooltips and the report show, the records `kg explain` reads in full."""
    from kg.graphio import oxigraph

    out: dict[str, list[str]] = defaultdict(list)
    for x, _, rule, score, detail, names, n in _select(oxigraph(ds, lenient=True), "identity"):
        why = f"{rule} {float(score):.2f}" + (f": {detail}" if detail is not None else "")
        out[x].append(f"merged {names or '?'} ({why}), {n} article(s)")
    return dict(out)


# -- the facts, filtered ------------------------------------------------------------------------


@dataclass
class Facts:
    """What the projections are built from, after the filters: plain strings, no RDF terms."""

    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    # (event, role, entity) with role a participant role (vocab.participant_roles()), "place" or "about"
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


@dataclass(frozen=True)
class _Filters:
    """The filters of `facts`, and what they say of an article (given its IRI; None is no article)."""

    articles: frozenset[str] | None  # article ids, or None for all
    start: str | None
    end: str | None
    include_undated: bool
    published: dict[str, str]  # article id -> its publication day

    def article_ok(self, article: str | None) -> bool:
        """A kept article."""
        return self.articles is None or (article is not None and article_id(article) in self.articles)

    def stated_ok(self, article: str | None) -> bool:
        """A kept article, published by `end` (or of no known date)."""
        if not self.article_ok(article):
            return False
        when = self.published.get(article_id(article or ""), "")
        return self.end is None or not when or when <= self.end


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
    from kg.graphio import oxigraph

    store = oxigraph(ds, lenient=True)
    out = Facts(identity=identity_notes(store))
    _read_articles(store, out)
    keep = _Filters(None if articles is None else frozenset(article_id(str(a)) for a in articles), start, end, include_undated,
                    out.published)
    _read_events(store, out, keep)
    _filter_events_by_date(out, keep)
    _read_links(store, out)
    _read_lasting(store, out)
    _read_evidence(store, out, keep)
    _keep_lasting(out, keep)
    _read_entities(store, out, keep)
    _drop_dangling(out)
    return out


def _read_articles(store: Any, out: Facts) -> None:
    """Each article's publication day and headline."""
    for a, published, headline in _select(store, "articles"):
        out.published[article_id(a)] = (published or "")[:10]
        if headline:
            out.headlines[article_id(a)] = headline


def _read_events(store: Any, out: Facts, keep: _Filters) -> None:
    """The events of the kept articles, their classes gathered (still with their raw bounds)."""
    for e, article, type_, label, date, earliest, latest, plover, status in _select(store, "events"):
        if not keep.article_ok(article):
            continue
        ev = out.events.get(e)
        if ev is None:
            ev = out.events[e] = {"types": set(), "label": label or local(e), "date": date or "", "article": article_id(article or ""),
                                  "earliest": earliest or "", "latest": latest or "", "plover": plover or "", "status": status or ""}
        if type_:
            ev["types"].add(local(type_))


def _filter_events_by_date(out: Facts, keep: _Filters) -> None:
    """Drop the events outside [start, end] (and the undated ones, unless kept), counting them; settle each kept event's
    type and bounds."""
    dated_filter = keep.start is not None or keep.end is not None
    left: dict[str, int] = defaultdict(int)
    for e in list(out.events):
        ev = out.events[e]
        undated = not (ev["date"] or ev["earliest"] or ev["latest"])
        lo, hi = _bounds(ev["date"], ev.pop("earliest"), ev.pop("latest"), out.published.get(ev["article"], ""))
        if undated and dated_filter and not keep.include_undated:
            left["undated"] += 1
            del out.events[e]
            continue
        if (keep.end is not None and lo and lo > keep.end) or (keep.start is not None and hi < keep.start):
            left["out of range"] += 1
            del out.events[e]
            continue
        types = sorted(ev.pop("types") - {"Event"}) or ["Event"]
        ev.update(type=types[0], types=types, earliest=lo, latest=hi)
    out.left_out = dict(sorted(left.items()))


def _read_links(store: Any, out: Facts) -> None:
    """(event, role, node) for the kept events."""
    for e, p, x in _select(store, "participation"):
        if e in out.events:
            out.links.append((e, local(p), x))


def _read_lasting(store: Any, out: Facts) -> None:
    """Every relation statement and role, unfiltered."""
    for r, s, p, o in _select(store, "relations"):
        out.relations.append((s, local(p), o, r))
    for r, holder, name, of, asof in _select(store, "roles"):
        out.roles.append((holder, name or "", of, (asof or "")[:10], r))


def _read_evidence(store: Any, out: Facts, keep: _Filters) -> None:
    """Each node's evidence sentences from the kept articles (an article's view shows its sentences only), by date."""
    seen: set[tuple[str, ...]] = set()
    for x, sentence, s, e, article in _select(store, "evidence"):
        key = (x, sentence, s or "", e or "", article or "")
        if key in seen:
            continue
        seen.add(key)
        aid = article_id(article or "")
        if keep.articles is not None and aid not in keep.articles:
            continue
        out.evidence.setdefault(x, []).append({"sentence": sentence, "article": aid, "headline": out.headlines.get(aid, ""),
                                                "date": out.published.get(aid, ""), "start": int(s) if s else -1,
                                                "end": int(e) if e else -1})
    for items in out.evidence.values():
        items.sort(key=lambda d: (d["date"], d["article"], d["start"], d["sentence"]))


def _keep_lasting(out: Facts, keep: _Filters) -> None:
    """Relations and roles stated in a kept article on or before `end` (a role as of `end` at the latest); a relation to
    an event only when the event is kept."""
    def stated(node: str) -> bool:
        return any(keep.stated_ok(ARTICLE_PREFIX + d["article"]) for d in out.evidence.get(node, ())) or (
            node not in out.evidence and keep.articles is None)

    out.relations = [r for r in out.relations if stated(r[3]) and (r[2] in out.events or not r[2].startswith(_EVENT_PREFIX))]
    out.roles = [r for r in out.roles if stated(r[4]) and (keep.end is None or not r[3] or r[3] <= keep.end)]


def _read_entities(store: Any, out: Facts, keep: _Filters) -> None:
    """The actors and places the kept facts use or the kept articles mention: typed and labelled by the shared entities
    graph first, then by the article graphs."""
    seen_as: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"types": set(), "labels": set()})
    for x, type_ in _select(store, "types"):
        seen_as[x]["types"].add(local(type_))
    for x, label in _select(store, "labels"):
        if x in seen_as and label:
            seen_as[x]["labels"].add(label)
    canonical = {x: (local(t), label) for x, t, label in _select(store, "canonical")}
    used = {x for _, _, x in out.links} | {r[0] for r in out.relations} | {r[2] for r in out.relations}
    used |= {r[0] for r in out.roles} | {r[2] for r in out.roles}
    for x, seen in seen_as.items():
        mentioned = [d for d in out.evidence.get(x, ()) if keep.stated_ok(ARTICLE_PREFIX + d["article"])
                     and (keep.start is None or not d["date"] or d["date"] >= keep.start)]
        if x not in used and not mentioned:
            continue
        t, label = canonical.get(x, (None, None))
        t = t or min(seen["types"], key=ENTITY_TYPES.index)
        label = label or (sorted(seen["labels"])[0] if seen["labels"] else local(x))
        out.entities[x] = {"type": t, "label": label, "articles": sorted({d["article"] for d in mentioned})}


def _drop_dangling(out: Facts) -> None:
    """Links, relations and roles whose ends were filtered away."""
    out.links = [link for link in out.links if link[2] in out.entities or link[2] in out.events]
    out.relations = [r for r in out.relations if r[0] in out.entities and (r[2] in out.entities or r[2] in out.events)]
    out.roles = [r for r in out.roles if r[0] in out.entities and r[2] in out.entities]


_EVENT_PREFIX = f"{ID}event/"


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
        if role in participant_roles() and x in f.entities and _kind(f.entities[x]["type"]) == "actor":
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
        if role in ("place", "about") or (role in participant_roles() and x in f.entities and f.entities[x]["type"] == "Place"):
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
