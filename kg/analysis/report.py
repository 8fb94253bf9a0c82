"""An analysis report on disk: report.md, report.json, PNG charts, graph.graphml and graph.gexf for Gephi.

Charts are drawn on matplotlib `Figure` objects with the Agg canvas, so
nothing changes pyplot's global backend (notebooks keep theirs).
"""
from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from kg.analysis import metrics
from kg.analysis.project import coparticipation, facts, state_relations, typed_graph

CENTRALITIES = {"degree": metrics.degree, "betweenness": metrics.betweenness, "eigenvector": metrics.eigenvector,
                "pagerank": metrics.pagerank}


def report(ds: Any, *, top: int = 10, articles: Iterable[str] | None = None, start: str | None = None,
           end: str | None = None) -> tuple[dict[str, Any], nx.MultiDiGraph]:
    """The analysis as a plain dict (what report.json holds) and the typed graph, annotated for export.

    >>> from kg.analysis.examples import example_dataset
    >>> data, _ = report(example_dataset())
    >>> data["summary"]["events"], data["dyads"][0]["labels"], data["centrality"]["betweenness"][0]["label"]
    (3, ['Alice', 'Bob'], 'Bob')
    """
    f = facts(ds, articles=articles, start=start, end=end)
    typed, co, states = typed_graph(f), coparticipation(f), state_relations(f)
    scores = {name: fn(co) for name, fn in CENTRALITIES.items()}
    groups = metrics.communities(co) if co.number_of_nodes() else {}
    members: dict[int, list[str]] = {}
    for node, i in groups.items():
        members.setdefault(i, []).append(co.nodes[node]["label"])
    label = lambda n: co.nodes[n]["label"]  # noqa: E731
    data: dict[str, Any] = {
        "filters": {"articles": sorted(articles) if articles is not None else None, "start": start, "end": end},
        "summary": {
            "articles": len({a for d in typed.nodes.values() for a in d.get("articles", ())}),
            "actors": sum(1 for d in typed.nodes.values() if d["kind"] == "actor"),
            "places": sum(1 for d in typed.nodes.values() if d["kind"] == "place"),
            "events": sum(1 for d in typed.nodes.values() if d["kind"] == "event"),
            "typed_edges": typed.number_of_edges(),
            "coparticipation_actors": co.number_of_nodes(),
            "coparticipation_ties": co.number_of_edges(),
            "event_types": dict(Counter(d["type"] for d in typed.nodes.values() if d["kind"] == "event").most_common()),
        },
        "centrality": {name: [r for r in metrics.ranked(co, s, top) if r["score"] > 1e-6] for name, s in scores.items()},
        "communities": [{"id": i, "size": len(m), "members": sorted(m)} for i, m in sorted(members.items()) if len(m) > 1],
        "isolated": sorted(m[0] for m in members.values() if len(m) == 1),
        "brokers": [{"node": n, "label": label(n), **b} for n, b in metrics.brokers(co, groups=groups, top=top).items()] if groups else [],
        "dyads": metrics.dyads(co, top=top),
        "state_relations": metrics.polarity_balance(states)[:top],
        "timeline": metrics.timeline(typed),
        "activity": {label(n): counts for n, counts in metrics.activity(co, freq="month").items()},
    }
    for node, d in typed.nodes(data=True):
        if node in groups:
            d["community"] = groups[node]
            for name, s in scores.items():
                d[name] = round(float(s[node]), 6)
    return data, typed


def markdown(data: dict[str, Any]) -> str:
    """report.md: the same content as report.json, for people.

    >>> from kg.analysis.examples import example_dataset
    >>> print(markdown(report(example_dataset())[0]).splitlines()[0])
    # Network analysis
    """
    s = data["summary"]
    lines = ["# Network analysis", "",
             f"{s['articles']} article(s), {s['actors']} actors, {s['places']} places, {s['events']} events; "
             f"{s['coparticipation_actors']} actors share at least one event, in {s['coparticipation_ties']} ties.", ""]
    if s["event_types"]:
        lines += ["Event types: " + ", ".join(f"{k} {v}" for k, v in s["event_types"].items()) + ".", ""]
    lines += ["## Top actors", ""]
    for name, rows in data["centrality"].items():
        lines.append(f"- **{name}**: " + (", ".join(f"{r['label']} ({r['score']:.3f})" for r in rows) or "none"))
    lines += ["", "## Communities (Louvain, fixed seed)", ""]
    lines += [f"{c['id']}. {', '.join(c['members'])}" for c in data["communities"]] or ["none"]
    if data["isolated"]:
        lines += ["", f"Alone in their events (no shared event): {', '.join(data['isolated'])}."]
    lines += ["", "## Brokers (ties reaching two or more communities)", ""]
    lines += [f"- {b['label']}: betweenness {b['betweenness']:.3f}, community {b['community']}, reaches {b['bridges']}"
              for b in data["brokers"]] or ["none"]
    lines += ["", "## Busiest dyads", "", "| actors | shared events | mediated by | hosted or organized by |", "|---|---|---|---|"]
    lines += [f"| {' – '.join(d['labels'])} | {d['weight']} | {', '.join(d['mediators'])} | {', '.join(d['hosts'])} |"
              for d in data["dyads"]]
    lines += ["", "## States: cooperation and conflict", "", "| states | cooperation | conflict | neutral |", "|---|---|---|---|"]
    lines += [f"| {' – '.join(r['states'])} | {r['cooperation']} | {r['conflict']} | {r['neutral']} |" for r in data["state_relations"]]
    lines += ["", "## Timeline", "", "| date | event | type | participants | place | evidence |", "|---|---|---|---|---|---|"]
    for r in data["timeline"]:
        sentence = r["sentence"].replace("|", "\\|").replace("\n", " ")
        lines.append(f"| {r['date'] or '?'} | {r['label']} | {r['type']} | {', '.join(r['participants'])} | {r['place']} | {sentence} |")
    return "\n".join(lines) + "\n"


# -- charts -------------------------------------------------------------------------------------


def png(fig: Any) -> bytes:
    """A Figure as PNG bytes (for files, or IPython.display.Image(data=...) in a notebook)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    return buf.getvalue()


def timeline_figure(rows: list[dict[str, Any]], *, title: str = "Events over time") -> Any:
    """A matplotlib Figure: one dot per dated event with its label (monthly bars when there are more than 40)."""
    import datetime as dt

    from matplotlib.figure import Figure

    dated = [r for r in rows if len(r.get("earliest", "")) >= 10]
    fig = Figure(figsize=(10, max(3.0, 0.35 * min(len(dated), 40) + 1.5)))
    ax = fig.add_subplot()
    ax.set_title(title)
    if not dated:
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    if len(dated) > 40:
        counts = Counter(r["earliest"][:7] for r in dated)
        months = sorted(counts)
        ax.bar([dt.date.fromisoformat(m + "-01") for m in months], [counts[m] for m in months], width=25)
        ax.set_ylabel("events per month")
        fig.autofmt_xdate()
        return fig
    days = [dt.date.fromisoformat(r["earliest"][:10]) for r in dated]
    ys = list(range(len(dated)))[::-1]
    ax.scatter(days, ys, zorder=3)
    for day, y, r in zip(days, ys, dated, strict=True):
        who = ", ".join(r["participants"][:4]) + ("…" if len(r["participants"]) > 4 else "")
        ax.annotate(f"{r['date']}  {r['type']}" + (f": {who}" if who else "") + (f" @ {r['place']}" if r["place"] else ""),
                    (day, y), xytext=(6, -3), textcoords="offset points", fontsize=8)
    ax.set_yticks([])
    ax.grid(axis="x", alpha=0.3)
    ax.margins(x=0.05, y=0.08)
    fig.autofmt_xdate()
    return fig


def centrality_figure(centrality: dict[str, list[dict[str, Any]]]) -> Any:
    """A matplotlib Figure: one horizontal bar chart per centrality, top actors first."""
    from matplotlib.figure import Figure

    names = list(centrality)
    fig = Figure(figsize=(11, 2.5 + 0.3 * max((len(v) for v in centrality.values()), default=1) * 2))
    axes = fig.subplots(2, 2).ravel() if len(names) == 4 else [fig.add_subplot(1, len(names), i + 1) for i in range(len(names))]
    for ax, name in zip(axes, names, strict=False):
        rows = centrality[name][::-1]
        ax.barh([r["label"] for r in rows], [r["score"] for r in rows], color="#4477aa")
        ax.set_title(name)
        ax.tick_params(axis="y", labelsize=8)
    fig.suptitle("Top actors by centrality (co-participation graph)")
    fig.tight_layout()
    return fig


# -- export -------------------------------------------------------------------------------------


def _flat(value: Any) -> Any:
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return "|".join(value)
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def exportable(graph: nx.Graph) -> nx.Graph:
    """A copy whose attributes GraphML and GEXF can hold: lists of strings joined by '|', other lists and dicts as JSON.

    >>> g = exportable(nx.Graph([("a", "b", {"events": ["e1", "e2"]})], events={"e1": {}}))
    >>> g.edges["a", "b"]["events"], g.graph
    ('e1|e2', {})
    """
    out = graph.__class__()
    # a key must keep one type on every element for GraphML: make mixed keys strings
    def attrs(items: Iterable[dict[str, Any]]) -> dict[str, type]:
        kinds: dict[str, set[type]] = {}
        for d in items:
            for k, v in d.items():
                kinds.setdefault(k, set()).add(type(_flat(v)))
        return {k: (next(iter(t)) if len(t) == 1 else str) for k, t in kinds.items()}

    node_types = attrs(d for _, d in graph.nodes(data=True))
    edge_types = attrs(d for *_, d in graph.edges(data=True))
    for n, d in graph.nodes(data=True):
        out.add_node(n, **{k: node_types[k](_flat(v)) for k, v in d.items()})
    if graph.is_multigraph():
        for u, v, k, d in graph.edges(keys=True, data=True):
            out.add_edge(u, v, key=k, **{a: edge_types[a](_flat(x)) for a, x in d.items()})
    else:
        for u, v, d in graph.edges(data=True):
            out.add_edge(u, v, **{a: edge_types[a](_flat(x)) for a, x in d.items()})
    return out


def analyze(ds: Any, out_dir: str | Path, *, top: int = 10, articles: Iterable[str] | None = None, start: str | None = None,
            end: str | None = None, progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Write report.md, report.json, timeline.png, centrality.png, graph.graphml and graph.gexf into `out_dir`.

    Returns the report dict, with "files" naming what was written.
    """
    from kg.rdf import write_atomic

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    say = progress or (lambda _msg: None)
    say("projecting and measuring")
    data, typed = report(ds, top=top, articles=articles, start=start, end=end)
    say("drawing charts")
    files = {"timeline.png": png(timeline_figure(data["timeline"])), "centrality.png": png(centrality_figure(data["centrality"]))}
    say("exporting graph.graphml and graph.gexf")
    flat = exportable(typed)
    files["graph.graphml"] = "\n".join(nx.generate_graphml(flat)).encode("utf-8")
    files["graph.gexf"] = "\n".join(nx.generate_gexf(flat)).encode("utf-8")
    data["files"] = sorted([*files, "report.md", "report.json"])
    files["report.md"] = markdown(data).encode("utf-8")
    files["report.json"] = json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8")
    for name, payload in files.items():
        write_atomic(out / name, payload)
    return data
