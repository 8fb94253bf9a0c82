"""Make a large typed graph readable: statements grouped per speaker, one-off statements and isolates folded, communities marked.

A graph of a thousand news articles is mostly noise for the eye: hundreds of
"Statement: NAME" nodes, one per quote, and entities mentioned in no event.
`readable` returns a smaller graph whose every node says something about
structure, and counts what it folded away so the page can say so.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("p", label="Ann", kind="actor", type="Person")
>>> g.add_node("q", label="Bo", kind="actor", type="Person")
>>> g.add_node("lonely", label="Cy", kind="actor", type="Person")
>>> for i in range(3):
...     g.add_node(f"s{i}", label=f"Statement {i}", kind="event", type="Statement", date=f"2020-07-1{i}", evidence=[])
...     _ = g.add_edge(f"s{i}", "p", key="speaker")
>>> _ = g.add_edge("s0", "q", key="target")
>>> out = readable(g)
>>> sorted(d["label"] for d in out.nodes.values())
['Ann', 'Bo', 'Statements of Ann (3)']
>>> out.graph["folded"]
{'isolated Person': 1}
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import networkx as nx

GROUPED_TYPES = ("Statement",)  # plain statements; their subclasses (Demand, Accusation, ...) stay events of their own
MAX_EVIDENCE = 5


def group_statements(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """One node per speaker for their plain statements: "Statements of NAME (n)", tied to everyone those statements involve.

    Statements without a speaker stay as they are. The group keeps the dates
    (`dates`), the first evidence sentences and the member event IRIs (`members`).
    """
    out = graph.copy()
    by_speaker: dict[str, list[str]] = defaultdict(list)
    for e, d in graph.nodes(data=True):
        if d.get("kind") == "event" and d.get("type") in GROUPED_TYPES and "statements" not in d:  # not a group already
            speakers = sorted(x for _, x, k in graph.out_edges(e, keys=True) if k == "speaker")
            if speakers:
                by_speaker[speakers[0]].append(e)
    for speaker, events in by_speaker.items():
        events.sort(key=lambda e: (graph.nodes[e].get("earliest") or "9999", str(e)))
        name = graph.nodes[speaker].get("label", speaker)
        group = f"{speaker}#statements"
        dates = sorted({graph.nodes[e].get("date", "") for e in events} - {""})
        evidence = [ev for e in events for ev in graph.nodes[e].get("evidence") or []]
        articles = sorted({a for e in events for a in graph.nodes[e].get("articles") or []})
        label = f"Statements of {name} ({len(events)})" if len(events) > 1 else f"Statement of {name}"
        out.add_node(group, label=label, kind="event", type="Statement", date=dates[-1] if dates else "",
                     dates=dates, earliest=graph.nodes[events[0]].get("earliest", ""), evidence=evidence[:MAX_EVIDENCE],
                     more_evidence=max(0, len(evidence) - MAX_EVIDENCE), articles=articles, members=list(events), statements=len(events))
        ties: Counter[tuple[str, str]] = Counter()
        for e in events:
            for _, x, k in graph.out_edges(e, keys=True):
                ties[(x, k)] += 1
            for x, _, k in graph.in_edges(e, keys=True):
                ties[(x, f"in:{k}")] += 1
        out.remove_nodes_from(events)
        for (x, k), n in sorted(ties.items()):
            if k.startswith("in:"):
                out.add_edge(x, group, key=k[3:], label=k[3:], weight=n)
            else:
                out.add_edge(group, x, key=k, label=k if n == 1 else f"{k} ×{n}", weight=n)
    return out


def _one_off(graph: nx.MultiDiGraph, node: str) -> bool:
    """A statement (or a group of one) tied to its speaker and nobody else."""
    d = graph.nodes[node]
    if d.get("kind") != "event" or d.get("type") not in GROUPED_TYPES or d.get("statements", 1) > 1:
        return False
    return len(set(nx.all_neighbors(graph, node))) <= 1


def readable(graph: nx.MultiDiGraph, *, group: bool = True, keep: Any = ()) -> nx.MultiDiGraph:
    """Statements grouped per speaker, one-off statements and then isolated nodes folded, each node's `community` set.

    ``out.graph["folded"]`` counts what was folded ("one-off statements",
    "isolated Person", ...); nodes in `keep` are never folded. Communities
    are Louvain's on the undirected graph (0 the largest), so the page can
    colour them.
    """
    from kg.analysis import metrics

    keep = set(keep)
    out = group_statements(graph) if group else graph.copy()
    folded: Counter[str] = Counter()
    one_offs = [n for n in out if n not in keep and _one_off(out, n)]
    out.remove_nodes_from(one_offs)
    if one_offs:
        folded["one-off statements"] = len(one_offs)
    isolates = [n for n in nx.isolates(out) if n not in keep]
    for n in isolates:
        folded[f"isolated {out.nodes[n].get('type') or 'node'}"] += 1
    out.remove_nodes_from(isolates)
    if out.number_of_nodes():
        for n, c in metrics.communities(out).items():
            out.nodes[n]["community"] = c
    out.graph["folded"] = dict(sorted(folded.items(), key=lambda kv: (-kv[1], kv[0])))
    return out
