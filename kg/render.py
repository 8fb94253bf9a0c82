"""A networkx graph + styles -> one self-contained, offline HTML page; computes nothing.

Nodes and edges are laid out by pyvis into vis-network's data model; the page
inlines vis-network from the pyvis wheel, embeds the graph as escaped JSON
read with `JSON.parse`, and forbids every network load with a
Content-Security-Policy. Tooltips, legend, filters and search are built by the
page's own script from plain text (`textContent`), never from HTML strings, so
nothing in an article can run or load.

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_node("a", label="<b>A</b>", type="Person", kind="actor")
>>> page = render(g)
>>> "<b>A</b>" in page, "\\\\u003cb\\\\u003eA" in page
(False, True)
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from kg.errors import DataError

VIS_DIR = "lib/vis-9.1.2"
# Largest benchmarked size whose layout stabilises within ~3 s in headless Chromium here (see BENCHMARKS.md, "Render").
DEFAULT_MAX_NODES = 500
CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def vis_assets() -> tuple[str, str]:
    """vis-network's (JavaScript, CSS) as shipped inside the pyvis wheel."""
    root = resources.files("pyvis").joinpath(VIS_DIR)
    try:
        js = root.joinpath("vis-network.min.js").read_text(encoding="utf-8")
        css = root.joinpath("vis-network.css").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError("E060", f"pyvis/{VIS_DIR}", "vis-network is missing from the pyvis package: reinstall pyvis==0.3.2") from exc
    if re.search(r"</(script|style)", js + css, re.I):
        raise DataError("E060", f"pyvis/{VIS_DIR}", "vis-network contains a closing tag and cannot be inlined")
    return js, css


def script_json(value: Any) -> str:
    """JSON safe inside a <script> element: `<`, `>`, `&` written as \\u escapes.

    >>> script_json({"q": "</script><b>&"})
    '{"q": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, default=_text)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _local(value: Any) -> str:
    """The local name of a class IRI (`...#Meeting` -> `Meeting`); plain names pass through."""
    return re.split(r"[#/]", _text(value))[-1]


def style_for(attrs: Mapping[str, Any], styles: Mapping[str, Any]) -> dict[str, Any]:
    """The [[node]] style of a node: by its type's local name, else the fallback for its kind.

    >>> style_for({"type": "https://w3id.org/newskg/ontology#Summit"}, load_styles())["id"]
    'meeting'
    >>> style_for({"type": "Zeppelin", "kind": "event"}, load_styles())["id"]
    'event'
    """
    kind = _text(attrs.get("kind"))
    types = attrs.get("type")
    for name in types if isinstance(types, list | tuple | set) else [types]:
        for style in styles["node"]:
            if _local(name) in style["types"]:
                return style
    for style in styles["node"]:
        if style.get("fallback") == (kind or "actor"):
            return style
    return styles["node"][0]


def load_styles() -> dict[str, Any]:
    """kg/data/styles.toml."""
    from kg.resources import toml

    return toml("styles.toml")


def _evidence(value: Any, limit: int) -> tuple[list[dict[str, str]], int]:
    fields = ("sentence", "article", "headline", "date", "start", "end")
    rows = [{k: _text(ev.get(k)) for k in fields} for ev in (value or []) if isinstance(ev, Mapping)]
    return rows[:limit], max(0, len(rows) - limit)


def _dates(attrs: Mapping[str, Any], evidence: list[dict[str, str]]) -> list[str]:
    found = [_text(attrs.get("date"))] + [ev["date"] for ev in evidence]
    return sorted({d for d in found if re.match(r"\d{4}", d)})


def _short(label: str, max_chars: int) -> str:
    """A label cut to `max_chars` for drawing (the tooltip shows it whole).

    >>> _short("Talks: Leaders of Serbia and Kosovo are meeting", 20)
    'Talks: Leaders of S…'
    """
    return label if len(label) <= max_chars else label[: max_chars - 1].rstrip() + "…"


def _event_name(event: Any, events: Mapping[Any, Mapping[str, Any]]) -> str:
    """An event named on an edge: its label and date when the graph describes it, else its IRI."""
    attrs = events.get(event) or {}
    label = _text(attrs.get("label")) or _text(event)
    return f"{label} ({_text(attrs['date'])})" if attrs.get("date") else label


def _edge_label(attrs: Mapping[str, Any]) -> str:
    for key in ("label", "relation", "role", "predicate", "type"):
        if attrs.get(key):
            return _local(attrs[key])
    if attrs.get("weight"):
        return str(attrs["weight"])
    return ""


def _select(graph: Any, centrality: Mapping[Hashable, float] | None, max_nodes: int | None, keep: Iterable[Hashable]) -> list[Hashable]:
    """The nodes to draw: all, or `keep` then the most central (by degree when no centrality is given) up to `max_nodes`."""
    if not max_nodes or graph.number_of_nodes() <= max_nodes:
        return list(graph.nodes)
    score = centrality if centrality is not None else dict(graph.degree)
    pinned = list(dict.fromkeys(n for n in keep if n in graph))
    pinned_set = set(pinned)
    ranked = sorted((n for n in graph.nodes if n not in pinned_set), key=lambda n: (-float(score.get(n, 0.0)), str(n)))
    return (pinned + ranked)[:max(max_nodes, len(pinned))]


def _sizes(nodes: list[Hashable], centrality: Mapping[Hashable, float] | None, styles: Mapping[str, Any]) -> dict[Hashable, float]:
    lo_size, hi_size = styles["size"]["min"], styles["size"]["max"]
    if not centrality:
        return {n: (lo_size + hi_size) / 2 for n in nodes}
    values = [float(centrality.get(n, 0.0)) for n in nodes]
    lo, hi = min(values, default=0.0), max(values, default=0.0)
    span = (hi - lo) or 1.0
    return {n: round(lo_size + (hi_size - lo_size) * (float(centrality.get(n, 0.0)) - lo) / span, 2) for n in nodes}


def timeline_layout(graph: Any, *, width: float = 1600.0, lane_height: float = 80.0) -> Any:
    """A copy of a lanes graph (kg.analysis.project.timeline_lanes) placed on a time axis: x by date, y by lane.

    An event sits at the middle of its earliest..latest period; a month or a
    year spans its bounds. Undated events stand in a column right of the
    axis, after the dated ones; dates outside the bulk of the data are
    pinned to the axis' ends (kg.analysis.metrics.bulk_span) and their tooltip keeps their date. Axis ticks
    (years, or months for a short span) are text nodes along the top; lane
    heads are the actors' names at the left.
    """
    from kg.analysis.metrics import bulk_span

    out = graph.copy()
    lanes = list(out.graph.get("lanes") or [])

    def day(text: str) -> dt.date:
        return dt.date.fromisoformat(text[:10])

    mids = {}
    for n, d in out.nodes(data=True):
        if not d.get("lane_head") and len(str(d.get("earliest") or "")) >= 10:
            lo, hi = day(d["earliest"]), day(d.get("latest") or d["earliest"])
            mids[n] = lo + (hi - lo) / 2
    first, last = bulk_span(list(mids.values())) if mids else (dt.date.today(), dt.date.today())
    span = max((last - first).days, 1)
    first, last = first - dt.timedelta(days=max(1, span // 40)), last + dt.timedelta(days=max(1, span // 40))
    span = (last - first).days

    def x_of(d: dt.date) -> float:
        return width * (min(max(d, first), last) - first).days / span

    rows: dict[tuple[int, int], int] = {}
    undated: dict[int, int] = {}
    for n in sorted((n for n in out if not out.nodes[n].get("lane_head")), key=lambda n: (mids.get(n, dt.date.max), str(n))):
        d = out.nodes[n]
        lane = int(d.get("lane", 0))
        if n in mids:
            x = x_of(mids[n])
            slot = int(x // 14)
            k = rows.get((lane, slot), 0)
            rows[(lane, slot)] = k + 1
            y = lane * lane_height + (k % 4) * 14 - 21
        else:
            k = undated.get(lane, 0)
            undated[lane] = k + 1
            x, y = width + 60 + (k // 4) * 18, lane * lane_height + (k % 4) * 14 - 21
        d["x"], d["y"] = x, y
        d["size"] = 7
    for i, x in enumerate(lanes):
        d = out.nodes[x]
        d.update(x=-20.0, y=i * lane_height, shape="text", always_label=True, size=1)
        d["label"] = _short(_text(d.get("label")), 24)
    outside = sum(1 for m in mids.values() if not first <= m <= last)
    if outside:
        out.graph["folded"] = {**(out.graph.get("folded") or {}),
                               f"event(s) dated outside {first.year}..{last.year}, drawn at the axis' ends": outside}
    ticks = _ticks(first, last)
    top = -lane_height * 0.75
    for t in ticks:
        out.add_node(f"tick:{t.isoformat()}", label=t.isoformat()[: 4 if len(ticks) > 2 and t.month == 1 else 7], kind="axis",
                     type="Axis", x=x_of(t), y=top, shape="text", always_label=True, size=1)
    if undated:
        out.add_node("tick:undated", label="undated", kind="axis", type="Axis", x=width + 80, y=top, shape="text",
                     always_label=True, size=1)
    return out


def _ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    """Axis ticks: January of each year (every few years over a long span), or the first of each month over a short one."""
    years = last.year - first.year
    if years >= 2:
        step = max(1, years // 12)
        return [dt.date(y, 1, 1) for y in range(first.year + 1, last.year + 1, step)]
    out, d = [], dt.date(first.year, first.month, 1)
    while d <= last:
        if d >= first:
            out.append(d)
        d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return out[:: max(1, len(out) // 12)]


def _communities(graph: Any, kept: list[Hashable], order: list[Hashable], palette: list[str]) -> list[dict[str, Any]]:
    """The coloured communities of the drawn nodes (those with a `community` attribute): colour, size, best-known members."""
    members: dict[int, list[Hashable]] = {}
    for n in order:
        c = graph.nodes[n].get("community")
        if c is not None and graph.nodes[n].get("kind") != "event":
            members.setdefault(int(c), []).append(n)
    return [{"id": c, "color": palette[c], "size": len(ms), "members": [_text(graph.nodes[m].get("label")) or _local(m) for m in ms[:3]]}
            for c, ms in sorted(members.items()) if c < len(palette)]


def page_data(
    graph: Any,
    *,
    centrality: Mapping[Hashable, float] | None = None,
    title: str = "",
    subtitle: str = "",
    max_nodes: int | None = DEFAULT_MAX_NODES,
    keep: Iterable[Hashable] = (),
    styles: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """What the page shows, as plain JSON-ready data: vis nodes and edges (laid out by pyvis), legend, what was left out."""
    from pyvis.network import Network

    styles = styles or load_styles()
    limit = int(styles["tooltip"]["max_evidence"])
    max_chars = int(styles["tooltip"]["max_label_chars"])
    edge_style = styles["edge"]
    kept = _select(graph, centrality, max_nodes, keep)
    kept_set = set(kept)
    sizes = _sizes(kept, centrality, styles)
    score = centrality if centrality is not None else dict(graph.degree)
    pinned = [n for n in dict.fromkeys(keep) if n in kept_set]
    order = pinned + sorted((n for n in kept if n not in set(pinned)), key=lambda n: (-float(score.get(n, 0.0)), str(n)))
    rank = {n: i for i, n in enumerate(order)}
    palette = list(styles.get("community", {}).get("palette", []))
    other = styles.get("community", {}).get("other", "#c8c8c8")
    communities = _communities(graph, kept, order, palette)
    net = Network(directed=True, cdn_resources="in_line", heading=title)
    net.options = dict(styles.get("vis", {}))
    ids = {n: _text(n) for n in kept}
    counts: Counter[str] = Counter()
    for n in kept:
        attrs = graph.nodes[n]
        style = style_for(attrs, styles)
        counts[style["id"]] += 1
        evidence, more = _evidence(attrs.get("evidence"), limit)
        label = _text(attrs.get("label")) or _local(n)
        info = {
            "label": label,
            "iri": ids[n],
            "group": style["id"],
            "type": _local(attrs.get("type")) or style["label"],
            "kind": _text(attrs.get("kind")) or style["kind"],
            "date": _text(attrs.get("date")),
            "dates": _dates(attrs, evidence),
            "articles": sorted({_text(a) for a in attrs.get("articles") or []}),
            "evidence": evidence,
            "more_evidence": more,
            "identity": [_text(line) for line in (attrs.get("identity") or [])][:limit],
            "centrality": round(float(centrality.get(n, 0.0)), 6) if centrality else None,
            "rank": rank[n],
            "short": _short(label, max_chars),
            "community": attrs.get("community"),
            "lane": attrs.get("lane"),
        }
        if "more_evidence" in attrs:
            info["more_evidence"] += int(attrs["more_evidence"])
        fill = style["color"]
        if communities and attrs.get("community") is not None:
            fill = palette[attrs["community"]] if attrs["community"] < len(palette) else other
        color = {"background": fill, "border": style["color"], "highlight": {"background": fill, "border": "#222222"}}
        extra: dict[str, Any] = {}
        if "x" in attrs and "y" in attrs:
            extra = {"x": float(attrs["x"]), "y": float(attrs["y"]), "fixed": True, "physics": False}
        if attrs.get("shape"):
            extra["shape"] = attrs["shape"]
            extra["font"] = {"size": 14, "color": "#444444", "align": "left"}
        net.add_node(ids[n], label=_short(label, max_chars), shape=extra.pop("shape", style["shape"]), color=color,
                     size=sizes[n] if not attrs.get("size") else float(attrs["size"]), borderWidth=2 if communities else 1,
                     kg=info, **extra)
    directed = graph.is_directed()
    events = graph.graph.get("events") or {}
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else ((u, v, None, d) for u, v, d in graph.edges(data=True))
    left_edges = 0
    for number, (u, v, _key, attrs) in enumerate(edges):
        if u not in kept_set or v not in kept_set:
            left_edges += 1
            continue
        evidence, more = _evidence(attrs.get("evidence"), limit)
        weight = attrs.get("weight")
        width = edge_style["width"]
        if weight and not directed:
            width = min(edge_style["max_width"], edge_style["width"] + edge_style["width_per_weight"] * (float(weight) - 1))
        info = {
            "relation": _edge_label(attrs),
            "date": _text(attrs.get("date")),
            "dates": _dates(attrs, evidence),
            "weight": weight,
            "events": [_event_name(e, events) for e in attrs.get("events") or []][:limit],
            "evidence": evidence,
            "more_evidence": more,
        }
        net.add_edge(ids[u], ids[v], id=f"e{number}", label=_edge_label(attrs), width=width,
                     arrows={"to": {"enabled": directed}}, font={"size": edge_style["font_size"], "align": "middle"},
                     color={"color": edge_style["color"], "highlight": edge_style["highlight"]}, kg=info)
    nodes, vis_edges, _heading, _height, _width, options = net.get_network_data()
    fixed = all("x" in graph.nodes[n] for n in kept) and bool(kept)
    options = json.loads(options)
    if fixed:
        options["physics"] = {"enabled": False}
        options.setdefault("edges", {})["smooth"] = False
    left = Counter(style_for(graph.nodes[n], styles)["id"] for n in graph.nodes if n not in kept_set)
    labels = {s["id"]: s["label"] for s in styles["node"]}
    return {
        "title": title,
        "subtitle": subtitle,
        "nodes": nodes,
        "edges": vis_edges,
        "options": options,
        "legend": [{"id": s["id"], "label": s["label"], "color": s["color"], "shape": s["shape"], "count": counts[s["id"]]}
                   for s in styles["node"] if counts[s["id"]]],
        "total": {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()},
        "omitted": {"nodes": sum(left.values()), "edges": left_edges, "by_type": {labels[k]: c for k, c in left.most_common()}},
        "max_nodes": max_nodes,
        "folded": dict(graph.graph.get("folded") or {}),
        "left_out": dict(graph.graph.get("left_out") or {}),
        "communities": communities,
        "labels": {"at_fit": int(styles.get("labels", {}).get("at_fit", 40)), "font": int(styles.get("labels", {}).get("font", 13)),
                   "always": [ids[n] for n in kept if graph.nodes[n].get("always_label")]},
        "fixed": fixed,
    }


def render(
    graph: Any,
    path: str | Path | None = None,
    *,
    centrality: Mapping[Hashable, float] | None = None,
    title: str = "newskg graph",
    subtitle: str = "",
    max_nodes: int | None = DEFAULT_MAX_NODES,
    keep: Iterable[Hashable] = (),
    styles: Mapping[str, Any] | None = None,
) -> str:
    """The HTML page of `graph`, written atomically to `path` if given.

    Nodes are sized by `centrality`; beyond `max_nodes` only the most central
    are drawn (`keep` always is) and the page lists what was left out.
    """
    data = page_data(graph, centrality=centrality, title=title, subtitle=subtitle, max_nodes=max_nodes, keep=keep, styles=styles)
    js, css = vis_assets()
    parts = {"CSP": html.escape(CSP), "TITLE": html.escape(title), "VIS_CSS": css, "PAGE_CSS": PAGE_CSS,
             "VIS_JS": js, "PAGE_JS": PAGE_JS, "DATA": script_json(data)}
    page = re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], PAGE)
    if path is not None:
        from kg.rdf import write_atomic

        write_atomic(path, page.encode("utf-8"))
    return page


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="@@CSP@@">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@@TITLE@@</title>
<style>@@VIS_CSS@@</style>
<style>@@PAGE_CSS@@</style>
</head>
<body>
<header><h1 id="kg-title"></h1><p id="kg-subtitle"></p><p id="kg-summary"></p></header>
<main>
<aside id="kg-panel">
  <section><h2>Search</h2><input id="kg-search" type="search" placeholder="name contains…" autocomplete="off">
    <span id="kg-search-result"></span></section>
  <section><h2>Types</h2><div id="kg-types"></div></section>
  <section><h2>Dates</h2>
    <label>from <input id="kg-from" type="date"></label>
    <label>to <input id="kg-to" type="date"></label>
    <p class="kg-note">Undated items stay visible.</p></section>
  <section><h2>Layout</h2><label><input id="kg-physics" type="checkbox" checked> keep moving (physics)</label></section>
  <section><h2>Legend</h2><ul id="kg-legend"></ul>
    <p class="kg-note">Size: centrality. Labels: the most central nodes that fit without overlapping; zoom in for more.
      Click a node to highlight its neighbours.</p></section>
  <section id="kg-communities" hidden><h2>Communities</h2><ul id="kg-community-list"></ul>
    <p class="kg-note">Fill: community (Louvain); border and shape: type.</p></section>
  <section id="kg-omitted" hidden><h2>Left out</h2><p id="kg-omitted-text"></p><ul id="kg-omitted-list"></ul></section>
  <section id="kg-folded" hidden><h2>Folded away</h2><ul id="kg-folded-list"></ul></section>
</aside>
<div id="kg-network"></div>
</main>
<div id="kg-tooltip" role="tooltip" hidden></div>
<script type="application/json" id="kg-data">@@DATA@@</script>
<script>@@VIS_JS@@</script>
<script>@@PAGE_JS@@</script>
</body>
</html>
"""

PAGE_CSS = """
html, body { margin: 0; height: 100%; font: 14px/1.4 sans-serif; color: #222; }
body { display: flex; flex-direction: column; }
header { padding: 6px 12px; border-bottom: 1px solid #ddd; }
header h1 { font-size: 18px; margin: 0; }
header p { margin: 2px 0; color: #555; }
main { flex: 1; display: flex; min-height: 0; }
#kg-panel { width: 260px; overflow-y: auto; padding: 6px 12px; border-right: 1px solid #ddd; }
#kg-panel h2 { font-size: 13px; text-transform: uppercase; color: #666; margin: 10px 0 4px; }
#kg-panel label { display: block; margin: 2px 0; }
#kg-panel ul { list-style: none; margin: 0; padding: 0; }
#kg-search { width: 100%; box-sizing: border-box; }
#kg-network { flex: 1; position: relative; min-height: 400px; }
.kg-swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: middle; border: 1px solid #0003; }
.kg-swatch.dot, .kg-swatch.hexagon { border-radius: 50%; }
.kg-swatch.diamond { transform: rotate(45deg) scale(0.8); }
.kg-swatch.triangle { clip-path: polygon(50% 0, 100% 100%, 0 100%); border: 0; }
.kg-swatch.triangleDown { clip-path: polygon(0 0, 100% 0, 50% 100%); border: 0; }
.kg-swatch.star { clip-path: polygon(50% 0, 61% 35%, 98% 35%, 68% 57%, 79% 91%, 50% 70%, 21% 91%, 32% 57%, 2% 35%, 39% 35%); border: 0; }
.kg-note { color: #666; font-size: 12px; margin: 4px 0; }
#kg-tooltip { position: fixed; z-index: 10; max-width: 420px; max-height: 60vh; overflow: hidden; background: #fffff4;
  border: 1px solid #999; border-radius: 4px; padding: 6px 8px; box-shadow: 0 2px 6px #0003; pointer-events: none; font-size: 13px; }
#kg-tooltip .kg-tip-title { font-weight: bold; }
#kg-tooltip .kg-tip-meta { color: #555; margin-bottom: 4px; }
#kg-tooltip .kg-tip-ev { margin: 4px 0; padding-left: 6px; border-left: 3px solid #ccc; white-space: pre-wrap; word-break: break-word; }
#kg-tooltip .kg-tip-src { color: #777; font-size: 11px; }
"""

PAGE_JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var state = {started: performance.now(), iterationsDone: null, stabilized: null, iterations: null, highlighted: [],
               labelled: [], fitScale: null};
  var always = {};
  (data.labels.always || []).forEach(function (id) { always[id] = true; });
  // Labels are placed by placeLabels() once the layout is known: none while it settles.
  data.nodes.forEach(function (n) { n.label = always[n.id] ? n.kg.short : ""; });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  var tip = document.getElementById("kg-tooltip");
  window.kgRender = {data: data, nodes: nodes, edges: edges, network: network, state: state, applyFilters: applyFilters,
                     placeLabels: placeLabels};

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function text(id, value) { document.getElementById(id).textContent = value; }

  text("kg-title", data.title);
  text("kg-subtitle", data.subtitle);
  document.title = data.title;
  text("kg-summary", data.nodes.length + " nodes, " + data.edges.length + " edges shown of " +
       data.total.nodes + " nodes, " + data.total.edges + " edges.");

  var legend = document.getElementById("kg-legend");
  var types = document.getElementById("kg-types");
  data.legend.forEach(function (s) {
    var li = el("li");
    var sw = el("span", "kg-swatch " + s.shape);
    sw.style.background = s.color;
    li.appendChild(sw);
    li.appendChild(document.createTextNode(s.label + " (" + s.count + ")"));
    legend.appendChild(li);
    var label = el("label");
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.value = s.id; box.className = "kg-type";
    box.addEventListener("change", applyFilters);
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + s.label));
    types.appendChild(label);
  });

  if (data.communities.length) {
    document.getElementById("kg-communities").hidden = false;
    var clist = document.getElementById("kg-community-list");
    data.communities.forEach(function (c) {
      var li = el("li");
      var sw = el("span", "kg-swatch dot");
      sw.style.background = c.color;
      li.appendChild(sw);
      li.appendChild(document.createTextNode(c.members.join(", ") + (c.size > c.members.length ? " +" + (c.size - c.members.length) : "")));
      clist.appendChild(li);
    });
  }
  var folded = Object.keys(data.folded || {}), leftOut = Object.keys(data.left_out || {});
  if (folded.length || leftOut.length) {
    document.getElementById("kg-folded").hidden = false;
    var flist = document.getElementById("kg-folded-list");
    folded.forEach(function (k) { flist.appendChild(el("li", null, data.folded[k] + " " + k)); });
    leftOut.forEach(function (k) { flist.appendChild(el("li", null, data.left_out[k] + " " + k + " event(s), by the date filter")); });
  }

  if (data.omitted.nodes > 0) {
    document.getElementById("kg-omitted").hidden = false;
    text("kg-omitted-text", "Showing the " + data.nodes.length + " most central of " + data.total.nodes +
         " nodes; left out " + data.omitted.nodes + " nodes and " + data.omitted.edges + " edges:");
    var list = document.getElementById("kg-omitted-list");
    Object.keys(data.omitted.by_type).forEach(function (k) { list.appendChild(el("li", null, k + ": " + data.omitted.by_type[k])); });
  }

  // Tooltips: a DOM element built from plain text, never from HTML strings.
  function showTip(item, pointer) {
    if (!item) { return; }
    var info = item.kg || {};
    tip.replaceChildren();
    tip.appendChild(el("div", "kg-tip-title", info.label || item.label || info.relation || info.iri || ""));
    var meta = [];
    if (info.type) { meta.push(info.type); }
    if (info.relation) { meta.push(info.relation); }
    if (info.date) { meta.push("date " + info.date); }
    var dates = info.dates || [];
    if (dates.length) { meta.push("dates " + dates[0] + (dates.length > 1 ? " to " + dates[dates.length - 1] : "")); }
    if (info.weight) { meta.push(info.weight + " shared event(s)"); }
    if (info.centrality !== null && info.centrality !== undefined) { meta.push("centrality " + info.centrality); }
    tip.appendChild(el("div", "kg-tip-meta", meta.join(" · ")));
    if (info.iri) { tip.appendChild(el("div", "kg-tip-src", info.iri)); }
    (info.identity || []).forEach(function (m) { tip.appendChild(el("div", "kg-tip-src", m)); });
    (info.events || []).forEach(function (e) { tip.appendChild(el("div", "kg-tip-src", "event: " + e)); });
    (info.evidence || []).forEach(function (ev) {
      var box = el("div", "kg-tip-ev", String(ev.sentence).trim());
      box.appendChild(el("div", "kg-tip-src", [ev.headline || ev.article, ev.date].filter(Boolean).join(" · ")));
      tip.appendChild(box);
    });
    if (info.more_evidence) { tip.appendChild(el("div", "kg-tip-src", "+" + info.more_evidence + " more evidence")); }
    var rect = container.getBoundingClientRect();
    tip.style.left = Math.min(rect.left + pointer.DOM.x + 14, window.innerWidth - 430) + "px";
    tip.style.top = (rect.top + pointer.DOM.y + 14) + "px";
    tip.hidden = false;
    if (tip.getBoundingClientRect().bottom > window.innerHeight) {
      tip.style.top = Math.max(4, rect.top + pointer.DOM.y - 14 - tip.offsetHeight) + "px";
    }
  }
  function hideTip() { tip.hidden = true; }
  network.on("hoverNode", function (p) { showTip(nodes.get(p.node), p.pointer); });
  network.on("hoverEdge", function (p) { showTip(edges.get(p.edge), p.pointer); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);

  // Selecting a node dims everything outside its neighbourhood.
  var DIM = "rgba(200,200,200,0.35)";
  function restore() {
    if (!state.highlighted.length) { return; }
    var size = data.labels.font / network.getScale();
    nodes.update(data.nodes.map(function (n) { return {id: n.id, color: n.color, font: {color: "#343434", size: size}}; }));
    edges.update(data.edges.map(function (e) { return {id: e.id, color: e.color}; }));
    state.highlighted = [];
  }
  network.on("selectNode", function (p) {
    restore();
    var keep = {};
    p.nodes.forEach(function (id) {
      keep[id] = true;
      network.getConnectedNodes(id).forEach(function (n) { keep[n] = true; });
    });
    nodes.update(data.nodes.filter(function (n) { return !keep[n.id]; })
      .map(function (n) { return {id: n.id, color: DIM, font: {color: DIM, size: data.labels.font / network.getScale()}}; }));
    edges.update(data.edges.filter(function (e) { return !(keep[e.from] && keep[e.to]); })
      .map(function (e) { return {id: e.id, color: DIM}; }));
    state.highlighted = Object.keys(keep);
  });
  network.on("deselectNode", restore);

  // Filters: type checkboxes and a date range over each item's dates (partial ISO dates cover their span).
  function low(d) { return (d + "-01-01").slice(0, 10); }
  function high(d) { return d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d.slice(0, 10); }
  function inRange(dates, from, to) {
    if ((!from && !to) || !dates || !dates.length) { return true; }
    return dates.some(function (d) { return (!from || high(d) >= from) && (!to || low(d) <= to); });
  }
  function applyFilters() {
    var on = {};
    document.querySelectorAll("input.kg-type").forEach(function (b) { on[b.value] = b.checked; });
    var from = document.getElementById("kg-from").value, to = document.getElementById("kg-to").value;
    nodes.update(data.nodes.map(function (n) {
      return {id: n.id, hidden: !(on[n.kg.group] !== false && inRange(n.kg.dates, from, to))};
    }));
    edges.update(data.edges.map(function (e) { return {id: e.id, hidden: !inRange(e.kg.dates, from, to)}; }));
    var shown = nodes.get({filter: function (n) { return !n.hidden; }}).length;
    placeLabels();
    text("kg-summary", shown + " of " + data.nodes.length + " drawn nodes visible (" + data.total.nodes + " in the graph).");
  }
  document.getElementById("kg-from").addEventListener("change", applyFilters);
  document.getElementById("kg-to").addEventListener("change", applyFilters);

  // Search: select and fit the nodes whose label contains the text.
  document.getElementById("kg-search").addEventListener("input", function (ev) {
    var q = ev.target.value.trim().toLowerCase();
    if (!q) { network.unselectAll(); restore(); text("kg-search-result", ""); return; }
    var ids = data.nodes.filter(function (n) { return String(n.kg.label).toLowerCase().indexOf(q) >= 0; })
      .map(function (n) { return n.id; });
    text("kg-search-result", ids.length + " match(es)");
    network.selectNodes(ids);
    if (ids.length) { network.fit({nodes: ids, animation: false}); }
  });

  // Labels: the most central visible nodes first, each only where it overlaps no label already placed
  // (boxes in canvas units, at a constant size on screen); more of them as one zooms in.
  var measure = document.createElement("canvas").getContext("2d");
  function placeLabels() {
    var scale = network.getScale();
    if (!state.fitScale) { state.fitScale = scale; }
    var font = data.labels.font / scale;
    measure.font = data.labels.font + "px sans-serif";
    var cap = Math.max(data.labels.at_fit, Math.round(data.labels.at_fit * Math.pow(scale / state.fitScale, 2)));
    var ids = nodes.getIds({filter: function (n) { return !n.hidden; }});
    var ranked = ids.map(function (id) { return nodes.get(id); })
      .sort(function (a, b) { return (always[b.id] ? 1 : 0) - (always[a.id] ? 1 : 0) || a.kg.rank - b.kg.rank; });
    var pos = network.getPositions(ids);
    var placed = [], boxes = [], pad = 3 / scale;
    ranked.forEach(function (n) {
      if (placed.length >= cap && !always[n.id]) { return; }
      var body = network.body.nodes[n.id];
      var w = measure.measureText(n.kg.short).width / scale, h = font * 1.25;
      var p = pos[n.id], r = body && body.shape && body.shape.height ? body.shape.height / 2 : (n.size || 10);
      var top = n.shape === "text" ? p.y - h / 2 : p.y + r + 2 / scale;
      var left = n.shape === "text" && n.font && n.font.align === "left" ? p.x - w : p.x - w / 2;
      var box = [left - pad, top - pad, left + w + pad, top + h + pad];
      for (var i = 0; i < boxes.length; i++) {
        var o = boxes[i];
        if (box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3] && !always[n.id]) { return; }
      }
      boxes.push(box);
      placed.push(n.id);
    });
    var on = {};
    placed.forEach(function (id) { on[id] = true; });
    nodes.update(nodes.get().map(function (n) {
      return {id: n.id, label: on[n.id] ? n.kg.short : "", font: {size: font, color: (n.font && n.font.color) || "#343434"}};
    }));
    state.labelled = placed;
    state.labelScale = scale;
  }
  var pending = null;
  function relabel() {
    if (pending) { return; }
    pending = window.setTimeout(function () { pending = null; placeLabels(); }, 60);
  }
  network.on("zoom", relabel);
  network.on("dragEnd", relabel);

  // A fixed layout (the timeline) has no physics: it is ready once drawn.
  if (data.fixed) {
    document.getElementById("kg-physics").checked = false;
    document.getElementById("kg-physics").disabled = true;
    network.once("afterDrawing", function () {
      network.fit({animation: false});
      placeLabels();
      state.iterationsDone = state.stabilized = performance.now();
      state.iterations = 0;
    });
  }

  // The layout is time-boxed: after the stabilization iterations the physics stops (a checkbox restarts it).
  var physics = document.getElementById("kg-physics");
  network.once("stabilizationIterationsDone", function () {
    state.iterationsDone = performance.now();
    network.setOptions({physics: {enabled: false}});
    physics.checked = false;
  });
  physics.addEventListener("change", function () { network.setOptions({physics: {enabled: physics.checked}}); });
  network.on("stabilized", function (p) {
    if (state.stabilized === null && !data.fixed) {
      network.fit({animation: false});
      placeLabels();
      state.stabilized = performance.now(); state.iterations = p.iterations;
    }
  });
})();
"""
