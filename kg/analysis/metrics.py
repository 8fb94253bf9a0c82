"""Network metrics over the projections: plain functions, graph first, plain dicts out.

Multigraphs and directed graphs are first collapsed to a simple undirected
graph whose `weight` is the sum of the parallel edges' weights (1 each when
unweighted). Scores are keyed by node (IRI); use `ranked` for labelled tops.

>>> import networkx as nx
>>> path = nx.path_graph(["a", "b", "c"])
>>> degree(path)
{'a': 0.5, 'b': 1.0, 'c': 0.5}
>>> betweenness(path)
{'a': 0.0, 'b': 1.0, 'c': 0.0}
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

SEED = 42


def simple(graph: nx.Graph) -> nx.Graph:
    """An undirected simple graph: parallel and reverse edges merged, weights summed, node attributes kept.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("a", "b")])
    >>> simple(g).edges["a", "b"]["weight"]
    3
    """
    if not graph.is_multigraph() and not graph.is_directed():
        return graph
    out = nx.Graph()
    out.add_nodes_from(graph.nodes(data=True))
    for u, v, data in graph.edges(data=True):
        if u == v:
            continue
        w = data.get("weight", 1)
        if out.has_edge(u, v):
            out.edges[u, v]["weight"] += w
        else:
            out.add_edge(u, v, weight=w)
    return out


def degree(graph: nx.Graph) -> dict[str, float]:
    """Degree centrality: the share of the other nodes a node is tied to."""
    return dict(nx.degree_centrality(simple(graph)))


def betweenness(graph: nx.Graph, *, weight: str | None = None) -> dict[str, float]:
    """Normalised betweenness centrality: how often a node lies on shortest paths between two others.

    `weight`, when given, is read as a distance.
    """
    return dict(nx.betweenness_centrality(simple(graph), weight=weight, normalized=True))


def eigenvector(graph: nx.Graph, *, weight: str | None = "weight") -> dict[str, float]:
    """Eigenvector centrality (ties to well-tied nodes count more); empty for an edgeless graph.

    >>> {k: round(v, 3) for k, v in eigenvector(nx.path_graph(["a", "b", "c"])).items()}
    {'a': 0.5, 'b': 0.707, 'c': 0.5}
    """
    g = simple(graph)
    if g.number_of_edges() == 0:
        return {n: 0.0 for n in g}
    return dict(nx.eigenvector_centrality(g, max_iter=1000, tol=1e-9, weight=weight))


def pagerank(graph: nx.Graph, *, alpha: float = 0.85, weight: str | None = "weight", tol: float = 1e-10) -> dict[str, float]:
    """PageRank by power iteration on the undirected graph (networkx's own needs scipy, which newskg does not install).

    Isolated nodes spread their rank uniformly, as in networkx.

    >>> {k: round(v, 4) for k, v in pagerank(nx.path_graph(["a", "b", "c"])).items()}
    {'a': 0.2568, 'b': 0.4865, 'c': 0.2568}
    """
    g = simple(graph)
    n = g.number_of_nodes()
    if n == 0:
        return {}
    strength = {u: sum(d.get(weight, 1) if weight else 1 for _, _, d in g.edges(u, data=True)) for u in g}
    x = dict.fromkeys(g, 1.0 / n)
    for _ in range(1000):
        dangling = alpha * sum(x[u] for u in g if strength[u] == 0) / n
        new = dict.fromkeys(g, (1.0 - alpha) / n + dangling)
        for u in g:
            if strength[u]:
                share = alpha * x[u] / strength[u]
                for v, d in g[u].items():
                    new[v] += share * (d.get(weight, 1) if weight else 1)
        if sum(abs(new[u] - x[u]) for u in g) < n * tol:
            return new
        x = new
    return x


def communities(graph: nx.Graph, *, weight: str | None = "weight", resolution: float = 1.0, seed: int = SEED) -> dict[str, int]:
    """Louvain communities with a fixed seed: node -> community number, 0 the largest.

    >>> g = nx.barbell_graph(3, 0)
    >>> communities(g)
    {0: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1}
    """
    g = simple(graph)
    parts = nx.community.louvain_communities(g, weight=weight, resolution=resolution, seed=seed)
    parts = sorted(parts, key=lambda c: (-len(c), min(map(str, c))))
    return {node: i for i, part in enumerate(parts) for node in sorted(part, key=str)}


def brokers(graph: nx.Graph, *, groups: dict[str, int] | None = None, top: int | None = None) -> dict[str, dict[str, Any]]:
    """Who sits between others: nodes on shortest paths (betweenness > 0) that tie two communities or hold their component together.

    A broker either has neighbours in two or more communities or is a cut
    vertex: without it, its component falls apart (in the sparse, star-like
    networks news gives, Louvain finds one community per component, and the
    go-between is the actor whose removal splits it). Returns node ->
    {"betweenness", "community", "bridges" (the communities its ties reach),
    "splits" (the pieces its component falls into without it, 1 if none)},
    highest betweenness first.

    >>> g = nx.barbell_graph(3, 0)  # triangles 0-1-2 and 3-4-5 joined by the edge 2-3
    >>> {k: v["bridges"] for k, v in brokers(g).items()}
    {2: [0, 1], 3: [0, 1]}
    >>> star = nx.Graph([("hub", "a"), ("hub", "b"), ("hub", "c")])  # one community, one go-between
    >>> {k: (v["bridges"], v["splits"]) for k, v in brokers(star).items()}
    {'hub': ([0], 3)}
    """
    g = simple(graph)
    groups = groups if groups is not None else communities(g)
    scores = betweenness(g)
    cuts = set(nx.articulation_points(g)) if g.number_of_nodes() else set()
    out: dict[str, dict[str, Any]] = {}
    for node in sorted(g, key=lambda n: (-scores[n], str(n))):
        reach = sorted({groups[m] for m in g[node]} | {groups[node]})
        if scores[node] > 0 and (len(reach) > 1 or node in cuts):
            rest = g.subgraph(set(nx.node_connected_component(g, node)) - {node})
            out[node] = {"betweenness": scores[node], "community": groups[node], "bridges": reach,
                         "splits": nx.number_connected_components(rest) if node in cuts else 1}
    return dict(list(out.items())[:top]) if top else out


def ego_network(graph: nx.Graph, node: str, radius: int = 1) -> dict[str, int]:
    """Nodes within `radius` hops of `node` -> their distance (direction ignored).

    >>> ego_network(nx.path_graph(["a", "b", "c", "d"]), "b")
    {'b': 0, 'a': 1, 'c': 1}
    """
    g = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    return dict(nx.single_source_shortest_path_length(g, node, cutoff=radius))


def ranked(graph: nx.Graph, scores: dict[str, float], top: int = 10) -> list[dict[str, Any]]:
    """The `top` nodes by score, with labels: [{"node", "label", "score"}], ties broken by label.

    >>> ranked(nx.Graph([("a", "b")]), {"a": 1.0, "b": 2.0}, top=1)
    [{'node': 'b', 'label': 'b', 'score': 2.0}]
    """
    def label(n: str) -> str:
        return str(graph.nodes[n].get("label", n)) if n in graph else str(n)

    order = sorted(scores, key=lambda n: (-scores[n], label(n)))
    return [{"node": n, "label": label(n), "score": scores[n]} for n in order[:top]]


def _events_of(graph: nx.Graph) -> tuple[dict[str, dict[str, Any]], dict[str, set[str]]]:
    """(event -> attributes, actor -> its events) from a co-participation, actor-event or typed graph."""
    if "events" in graph.graph:  # co-participation: events listed on the edges
        by_actor: dict[str, set[str]] = defaultdict(set)
        for u, v, data in graph.edges(data=True):
            for e in data.get("events", ()):
                by_actor[u].add(e)
                by_actor[v].add(e)
        return graph.graph["events"], by_actor
    events = {n: d for n, d in graph.nodes(data=True) if d.get("kind") == "event"}
    by_actor = defaultdict(set)
    g = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    for e in events:
        for x in g[e]:
            if graph.nodes[x].get("kind") == "actor":
                by_actor[x].add(e)
    return events, by_actor


def _period(day: str, freq: str) -> str:
    if freq == "month":
        return day[:7]
    if freq == "week":
        y, w, _ = dt.date.fromisoformat(day[:10]).isocalendar()
        return f"{y}-W{w:02d}"
    if freq == "year":
        return day[:4]
    raise ValueError(f"unknown period {freq!r}: use week, month or year")


def activity(graph: nx.Graph, *, freq: str = "month") -> dict[str, dict[str, int]]:
    """Events per actor per period ("week" -> 2020-W29, "month" -> 2020-07, "year"); events with no date are left out.

    An event is counted in the period of its earliest possible day.

    >>> from kg.analysis.examples import example_dataset
    >>> from kg.analysis.project import coparticipation
    >>> activity(coparticipation(example_dataset()), freq="week")["https://w3id.org/newskg/id/entity/alice"]
    {'2020-W28': 1, '2020-W30': 1}
    """
    events, by_actor = _events_of(graph)
    out: dict[str, dict[str, int]] = {}
    for actor in sorted(by_actor):
        days = [events[e].get("earliest") or events[e].get("date", "") for e in by_actor[actor]]
        counts = Counter(_period(d, freq) for d in days if len(d) >= 10)
        if counts:
            out[actor] = dict(sorted(counts.items()))
    return out


def dyads(graph: nx.Graph, *, top: int = 10) -> list[dict[str, Any]]:
    """The busiest pairs of a co-participation graph: shared events, who mediated them, who hosted or organized them.

    >>> from kg.analysis.examples import example_dataset
    >>> from kg.analysis.project import coparticipation
    >>> d = dyads(coparticipation(example_dataset()), top=1)[0]
    >>> d["labels"], d["weight"], d["mediators"]
    (['Alice', 'Bob'], 2, ['Carol'])
    """
    def label(n: str) -> str:
        return str(graph.nodes[n].get("label", n))

    rows = []
    for u, v, data in graph.edges(data=True):
        pair = sorted((u, v), key=label)
        rows.append({"actors": pair, "labels": [label(n) for n in pair], "weight": data.get("weight", 1),
                     "events": list(data.get("events", ())), "mediators": sorted(label(m) for m in data.get("mediators", ())),
                     "hosts": sorted(label(m) for m in data.get("hosts", ()))})
    rows.sort(key=lambda r: (-r["weight"], r["labels"]))
    return rows[:top]


def _event_row(events: dict[str, dict[str, Any]], e: str) -> dict[str, Any]:
    ev = events.get(e, {})
    evidence = ev.get("evidence") or [{}]
    return {"event": e, "label": ev.get("label", e), "type": ev.get("type", ""), "date": ev.get("date", ""),
            "sentence": evidence[0].get("sentence", ""), "article": evidence[0].get("article", "")}


def explained_path(ds_or_graph: Any, a: str, b: str, **filters: Any) -> dict[str, Any]:
    """The shortest chain of shared events linking two actors, each hop with its events, dates and evidence sentences.

    `a` and `b` are IRIs or names. Among equally short chains the one with the
    most shared events wins. Returns {"source", "target", "found", "hops":
    [{"from", "to", "from_label", "to_label", "events": [{"event", "label",
    "type", "date", "sentence", "article"}]}]}.

    >>> from kg.analysis.examples import example_dataset
    >>> p = explained_path(example_dataset(), "Carol", "Borduria")
    >>> [(h["from_label"], h["to_label"], [e["label"] for e in h["events"]]) for h in p["hops"]]
    [('Carol', 'Bob', ['meeting mediated by Carol']), ('Bob', 'Borduria', ['Bob accuses Borduria'])]
    """
    from kg.analysis.project import coparticipation, find_node

    g = ds_or_graph if isinstance(ds_or_graph, nx.Graph) else coparticipation(ds_or_graph, **filters)
    if "events" not in g.graph:
        raise ValueError("explained_path needs a co-participation graph (kg.analysis.project.coparticipation) or a dataset")
    source, target = find_node(g, a), find_node(g, b)
    out: dict[str, Any] = {"source": source, "target": target, "found": False, "hops": []}
    try:
        paths = []
        for path in nx.all_shortest_paths(g, source, target):
            paths.append(path)
            if len(paths) >= 1000:
                break
    except nx.NetworkXNoPath:
        return out

    def strength(path: list[str]) -> tuple[int, list[str]]:
        return (-sum(g.edges[u, v]["weight"] for u, v in nx.utils.pairwise(path)), [str(g.nodes[n].get("label", n)) for n in path])

    best = min(paths, key=strength)
    events = g.graph["events"]
    for u, v in nx.utils.pairwise(best):
        rows = sorted((_event_row(events, e) for e in g.edges[u, v]["events"]), key=lambda r: (r["date"], r["label"]))
        out["hops"].append({"from": u, "to": v, "from_label": g.nodes[u].get("label", u),
                            "to_label": g.nodes[v].get("label", v), "events": rows})
    out["found"] = True
    return out


def bulk_span(days: list[Any]) -> tuple[Any, Any]:
    """The (first, last) day of the bulk of some dates: beyond three interquartile ranges (and a year) of the quartiles is an outlier.

    >>> import datetime as dt
    >>> days = [dt.date(1980, 1, 1)] + [dt.date(2008, m, 1) for m in range(1, 13)]
    >>> [d.isoformat() for d in bulk_span(days)]
    ['2008-01-01', '2008-12-01']
    """
    ordered = sorted(days)
    q1, q3 = ordered[len(ordered) // 4], ordered[(3 * len(ordered)) // 4]
    reach = max((q3 - q1) * 3, dt.timedelta(days=365))
    inside = [d for d in ordered if q1 - reach <= d <= q3 + reach]
    return inside[0], inside[-1]


def precision(date: str) -> str:
    """How precise an event date is: "day", "month", "year", or "" when undated.

    >>> [precision(d) for d in ("2020-07-16", "2018-11", "2016", "")]
    ['day', 'month', 'year', '']
    """
    return {10: "day", 7: "month", 4: "year"}.get(len(date[:10]), "") if date else ""


def timeline(graph: nx.Graph, *, actors: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Events in date order (undated last) with participants, roles, place, what they are about and first evidence sentence.

    Each row has the event's `date` as the text gives it, its `precision`
    (day, month, year, period when only bounds are known, or "") and the
    `earliest`/`latest` days it may have happened on ("" when undated): a
    month or a year is placed by its bounds.

    `graph` is a typed graph (kg.analysis.project.typed_graph); `actors`
    (IRIs or names), when given, keeps the events any of them took part in.

    >>> from kg.analysis.examples import example_dataset
    >>> from kg.analysis.project import typed_graph
    >>> [(r["date"], r["label"], r["place"]) for r in timeline(typed_graph(example_dataset()), actors=["Carol", "Zenda"])]
    [('2020-07-10', 'talks in Zenda', 'Zenda'), ('2020-07-20', 'meeting mediated by Carol', '')]
    """
    from kg.analysis.project import find_node

    wanted = None if actors is None else {find_node(graph, a) for a in actors}
    rows = []
    for e, data in graph.nodes(data=True):
        if data.get("kind") != "event":
            continue
        roles: dict[str, list[str]] = defaultdict(list)
        place = ""
        about: list[str] = []
        linked = set()
        for _, x, key in graph.out_edges(e, keys=True) if graph.is_multigraph() else ((e, x, "participant") for x in graph[e]):
            linked.add(x)
            label = str(graph.nodes[x].get("label", x))
            if key == "place":
                place = label
            elif key == "about":
                about.append(label)
            elif graph.nodes[x].get("kind") == "actor":
                roles[key].append(label)
        if wanted is not None and not (wanted & linked):
            continue
        evidence = data.get("evidence") or [{}]
        date = str(data.get("date", "") or "")
        first = str(data.get("earliest", "") or "")  # a period known only by its bounds (the 1980s) has no date but is placed
        rows.append({"event": e, "date": date, "precision": precision(date) or ("period" if first else ""), "earliest": first,
                     "latest": data.get("latest", "") if first else "", "label": data.get("label", e),
                     "type": data.get("type", ""), "status": data.get("status", ""), "plover": data.get("plover", ""),
                     "participants": sorted({n for names in roles.values() for n in names}),
                     "roles": {k: sorted(v) for k, v in sorted(roles.items())}, "place": place, "about": sorted(about),
                     "sentence": evidence[0].get("sentence", ""), "article": evidence[0].get("article", "")})
    rows.sort(key=lambda r: (not r["earliest"], r["earliest"], r["label"]))
    return rows


def polarity_balance(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Per pair of states in a state_relations graph: counts of cooperation, conflict and neutral ties, busiest first.

    >>> from kg.analysis.examples import example_dataset
    >>> from kg.analysis.project import state_relations
    >>> polarity_balance(state_relations(example_dataset()))
    [{'states': ['Borduria', 'Ruritania'], 'cooperation': 2, 'conflict': 1, 'neutral': 1, 'total': 4}]
    """
    counts: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for u, v, data in graph.edges(data=True):
        pair = tuple(sorted((str(graph.nodes[u].get("label", u)), str(graph.nodes[v].get("label", v)))))
        counts[pair][data.get("polarity", "neutral")] += 1
    rows = [{"states": list(pair), "cooperation": c["cooperation"], "conflict": c["conflict"], "neutral": c["neutral"],
             "total": sum(c.values())} for pair, c in counts.items()]
    return sorted(rows, key=lambda r: (-r["total"], r["states"]))
