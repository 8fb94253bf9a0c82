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
           end: str | None = None, include_undated: bool = False) -> tuple[dict[str, Any], nx.MultiDiGraph]:
    """The analysis as a plain dict (what report.json holds) and the typed graph, annotated for export.

    >>> from kg.analysis.examples import example_dataset
    >>> data, _ = report(example_dataset())
    >>> data["summary"]["events"], data["dyads"][0]["labels"], data["centrality"]["betweenness"][0]["label"]
    (3, ['Alice', 'Bob'], 'Bob')
    """
    f = facts(ds, articles=articles, start=start, end=end, include_undated=include_undated)
    typed, co, states = typed_graph(f), coparticipation(f), state_relations(f)
    scores = {name: fn(co) for name, fn in CENTRALITIES.items()}
    groups = metrics.communities(co) if co.number_of_nodes() else {}
    members: dict[int, list[str]] = {}
    for node, i in groups.items():
        members.setdefault(i, []).append(co.nodes[node]["label"])
    label = lambda n: co.nodes[n]["label"]  # noqa: E731
    data: dict[str, Any] = {
        "filters": {"articles": sorted(articles) if articles is not None else None, "start": start, "end": end,
                    "include_undated": include_undated, "left_out": dict(f.left_out)},
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
        "identity": sorted(({"node": n, "label": d["label"], "type": d["type"], "merged": list(d["identity"])}
                            for n, d in typed.nodes(data=True) if d.get("identity")),
                           key=lambda r: (-len(r["merged"]), r["label"]))[:max(top * 3, 30)],
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
    left = data.get("filters", {}).get("left_out") or {}
    if left:
        lines += ["Left out by the date filter: " + ", ".join(f"{v} {k} event(s)" for k, v in left.items())
                  + (" (--include-undated keeps the undated ones)." if left.get("undated") else "."), ""]
    if s["event_types"]:
        lines += ["Event types: " + ", ".join(f"{k} {v}" for k, v in s["event_types"].items()) + ".", ""]
    lines += ["## Top actors", ""]
    for name, rows in data["centrality"].items():
        lines.append(f"- **{name}**: " + (", ".join(f"{r['label']} ({r['score']:.3g})" for r in rows) or "none"))
    lines += ["", "## Communities (Louvain, fixed seed)", ""]
    lines += [f"{c['id']}. {', '.join(c['members'])}" for c in data["communities"]] or ["none"]
    if data["isolated"]:
        lines += ["", f"Alone in their events (no shared event): {', '.join(data['isolated'])}."]
    lines += ["", "## Brokers (ties reaching two or more communities, or holding a group together)", ""]
    lines += [f"- {b['label']}: betweenness {b['betweenness']:.3g}, community {b['community']}, reaches {b['bridges']}"
              + (f", without them their group falls into {b['splits']} pieces" if b.get("splits", 1) > 1 else "")
              for b in data["brokers"]] or ["none"]
    lines += ["", "## Busiest dyads", "", "| actors | shared events | mediated by | hosted or organized by |", "|---|---|---|---|"]
    lines += [f"| {' – '.join(d['labels'])} | {d['weight']} | {', '.join(d['mediators'])} | {', '.join(d['hosts'])} |"
              for d in data["dyads"]]
    lines += ["", "## States: cooperation and conflict", "", "| states | cooperation | conflict | neutral |", "|---|---|---|---|"]
    lines += [f"| {' – '.join(r['states'])} | {r['cooperation']} | {r['conflict']} | {r['neutral']} |" for r in data["state_relations"]]
    if data.get("identity"):
        lines += ["", "## Identity: what nodes merged across articles (kg explain NAME tells more)", ""]
        lines += [f"- {r['label']} ({r['type']}): " + "; ".join(r["merged"]) for r in data["identity"]]
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


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _bins(first: Any, last: Any) -> tuple[str, Any]:
    """Bins chosen by the data's span: days up to 10 weeks, weeks up to a year, months up to 6 years, then years."""
    span = (last - first).days
    return ("day", 1) if span <= 70 else ("week", 7) if span <= 366 else ("month", 30) if span <= 6 * 366 else ("year", 365)


def _bin_start(day: Any, unit: str) -> Any:
    import datetime as dt

    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return day.replace(month=1, day=1)
    return day


def timeline_figure(rows: list[dict[str, Any]], *, title: str = "Events over time", max_dots: int = 40) -> Any:
    """A matplotlib Figure of dated events; what it leaves out (undated events, outliers) is said under it.

    Up to `max_dots` events: one row each, a dot for a day, a bar over the
    month or year an event is dated by. More: a histogram of a fixed height
    whose bins follow the data's span (days, weeks, months or years); an event
    dated by a month or year counts in the bin of its middle day. Dates more
    than three interquartile ranges (and a year) from the bulk are clipped
    and named in the note.
    """
    import datetime as dt

    from matplotlib.figure import Figure

    def day(text: str) -> dt.date:
        return dt.date.fromisoformat(text[:10])

    dated = [r for r in rows if len(r.get("earliest", "")) >= 10]
    undated = len(rows) - len(dated)
    notes = [f"{undated} undated event(s) not shown"] if undated else []
    fig = Figure(figsize=(10, 3.2))
    ax = fig.add_subplot()
    ax.set_title(title)
    if not dated:
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        if notes:
            fig.text(0.01, 0.01, "; ".join(notes), fontsize=8, color="#555555")
        return fig
    mid = {id(r): day(r["earliest"]) + (day(r.get("latest") or r["earliest"]) - day(r["earliest"])) / 2 for r in dated}
    first, last = metrics.bulk_span(list(mid.values()))
    clipped = [r for r in dated if not first <= mid[id(r)] <= last]
    if clipped:
        first_three = sorted(clipped, key=lambda r: mid[id(r)])[:3]
        shown = ", ".join(f"{r['date'] or r['earliest'][:4]}: {_cut(r['label'], 40)}" for r in first_three)
        notes.append(f"{len(clipped)} outlier(s) outside {first}..{last} clipped ({shown}{', ...' if len(clipped) > 3 else ''})")
        dated = [r for r in dated if first <= mid[id(r)] <= last]
    if len(dated) > max_dots:
        unit, width = _bins(first, last)
        counts = Counter(_bin_start(mid[id(r)], unit) for r in dated)
        bins = sorted(counts)
        ax.bar(bins, [counts[b] for b in bins], width=width * 0.85, align="edge", color="#4477aa")
        ax.set_ylabel(f"events per {unit}")
        ax.grid(axis="y", alpha=0.3)
        fig.autofmt_xdate()
    else:
        fig.set_size_inches(10, max(3.0, 0.32 * len(dated) + 1.5))
        ys = list(range(len(dated)))[::-1]
        for y, r in zip(ys, dated, strict=True):
            lo, hi = day(r["earliest"]), day(r.get("latest") or r["earliest"])
            if hi > lo:  # dated by a month or a year: a bar over its bounds
                ax.plot([lo, hi], [y, y], color="#88aacc", linewidth=5, solid_capstyle="butt", zorder=2)
            ax.scatter([mid[id(r)]], [y], color="#4477aa", zorder=3, s=18)
            who = ", ".join(r["participants"][:4]) + ("…" if len(r["participants"]) > 4 else "")
            ax.annotate(f"{r['date']}  {r['type']}" + (f": {who}" if who else "") + (f" @ {r['place']}" if r["place"] else ""),
                        (mid[id(r)], y), xytext=(6, -3), textcoords="offset points", fontsize=8)
        ax.set_yticks([])
        ax.grid(axis="x", alpha=0.3)
        ax.margins(x=0.05, y=0.08)
        fig.autofmt_xdate()
    if notes:
        fig.text(0.01, -0.02, "; ".join(notes), fontsize=8, color="#555555", wrap=True)
    return fig


def centrality_figure(centrality: dict[str, list[dict[str, Any]]]) -> Any:
    """A matplotlib Figure: one horizontal bar chart per centrality, top actors first.

    Bars are each score relative to the measure's top score (1.0 = the top
    actor), so measures of very different magnitudes (betweenness is often
    below 0.001 in a sparse news network) read alike; the raw score is
    written at the end of each bar.
    """
    from matplotlib.figure import Figure

    names = list(centrality)
    fig = Figure(figsize=(11, 2.5 + 0.3 * max((len(v) for v in centrality.values()), default=1) * 2))
    axes = fig.subplots(2, 2).ravel() if len(names) == 4 else [fig.add_subplot(1, len(names), i + 1) for i in range(len(names))]
    for ax, name in zip(axes, names, strict=False):
        rows = centrality[name][::-1]
        top = max((r["score"] for r in rows), default=0.0) or 1.0
        bars = ax.barh([r["label"][:28] for r in rows], [r["score"] / top for r in rows], color="#4477aa")
        for bar, r in zip(bars, rows, strict=True):
            ax.text(bar.get_width() + 0.01, bar.get_y() + bar.get_height() / 2, f"{r['score']:.3g}", va="center", fontsize=7)
        ax.set_xlim(0, 1.18)
        ax.set_title(f"{name} (relative to the top)" if rows else f"{name}: no actor scores above 0")
        ax.tick_params(axis="y", labelsize=8)
    fig.suptitle("Top actors by centrality (co-participation graph); bar = score / top score, raw score at the bar's end")
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
            end: str | None = None, include_undated: bool = False, progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Write report.md, report.json, timeline.png, centrality.png, graph.graphml and graph.gexf into `out_dir`.

    Returns the report dict, with "files" naming what was written.
    """
    from kg.rdf import write_atomic

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    say = progress or (lambda _msg: None)
    say("projecting and measuring")
    data, typed = report(ds, top=top, articles=articles, start=start, end=end, include_undated=include_undated)
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
