"""Draw a graph as one interactive HTML page that works offline.

Views: `full` (actors, places and events with their roles and relations),
`actors` (who took part in events with whom), `ego` (one actor's
neighbourhood, --actor), `article` (one article's facts and only its
sentences, --article), `timeline` (events on a time axis, one lane per
actor: the --lanes busiest, or the --actor given). Nodes are shaped by type,
filled by community and sized by centrality; only the most central get a
label until one zooms in. The graph views fold what carries no structure:
a speaker's plain statements become one node, statements tied to nobody but
their speaker and nodes tied to nothing are folded away, and the page counts
them (--no-fold draws everything). Beyond --max-nodes only the most central
are drawn and the page says what was left out.

    kg render out/graph.trig -o out/graph.html
    kg render out/graph.trig -o vucic.html --view ego --actor Vucic
    kg render out/graph.trig -o timeline.html --view timeline --start 2020-01-01
"""
from __future__ import annotations

import argparse
import sys
from typing import Any

from kg.cli import day

HELP = "draw a graph as one self-contained interactive HTML page"
VIEWS = ("full", "actors", "ego", "article", "timeline")
SIZE_BY = ("degree", "pagerank", "betweenness")


def add_arguments(p: argparse.ArgumentParser) -> None:
    from kg.render import DEFAULT_MAX_NODES

    p.add_argument("graph", metavar="GRAPH", help="graph file (.trig, .nq, .ttl, .jsonld) or store directory")
    p.add_argument("-o", "--output", required=True, metavar="FILE.html", help="HTML file to write")
    p.add_argument("--view", choices=VIEWS, default="full", help="what to draw (default: full)")
    p.add_argument("--actor", action="append", metavar="NAME_OR_IRI",
                   help="the actor of --view ego; the lanes of --view timeline (repeatable; IRI or name, e.g. Vucic)")
    p.add_argument("--radius", type=int, default=2, help="hops around the actor in --view ego (default 2: its events and their actors)")
    p.add_argument("--article", metavar="ID", help="the article of --view article: its id or IRI, file name or stem, or headline")
    p.add_argument("--start", type=day, metavar="YYYY-MM-DD", help="only events whose period ends on or after this date")
    p.add_argument("--end", type=day, metavar="YYYY-MM-DD",
                   help="only events whose period starts on or before this date, facts stated by then")
    p.add_argument("--include-undated", action="store_true", help="with --start/--end, keep undated events (default: left out, counted)")
    p.add_argument("--lanes", type=int, default=12, help="--view timeline: how many of the busiest actors get a lane (default 12)")
    p.add_argument("--no-fold", action="store_true", help="draw every statement and isolated node (folded away by default)")
    p.add_argument("--max-nodes", type=int, default=DEFAULT_MAX_NODES,
                   help=f"draw at most this many nodes, the most central (default {DEFAULT_MAX_NODES}; 0: all)")
    p.add_argument("--size-by", choices=SIZE_BY, default="degree", help="centrality that sizes and ranks the nodes (default degree)")
    p.add_argument("--quiet", action="store_true", help="no summary")


def centrality(graph: Any, measure: str) -> dict[Any, float]:
    """The centrality (degree, pagerank, betweenness) of every node, by kg.analysis.metrics."""
    from kg.analysis import metrics

    return dict(getattr(metrics, measure)(graph)) if graph.number_of_nodes() else {}


ARTICLES = """SELECT ?article ?headline ?file WHERE { ?article a kg:Article .
  OPTIONAL { ?article schema:headline ?headline } OPTIONAL { ?article kg:file ?file } }"""


def find_article(graph: str, value: str) -> tuple[str, str]:
    """(id, headline) of the article named by its id, IRI, file name or stem, or (part of) its headline; E041 if none or many."""
    from kg import query as q
    from kg.analysis.project import article_id
    from kg.errors import QueryError
    from kg.store import graph_file_store

    rows = q.select(graph_file_store(graph), ARTICLES, add_prefixes=True)
    wanted = value.strip().lower()
    for test in (lambda r: article_id(r["article"]) == article_id(value),
                 lambda r: r.get("file", "").lower() in (wanted, wanted + ".txt") or r.get("file", "").lower().rsplit(".", 1)[0] == wanted,
                 lambda r: r.get("headline", "").lower() == wanted,
                 lambda r: wanted in r.get("headline", "").lower()):
        found = {r["article"]: r for r in rows if test(r)}
        if len(found) == 1:
            row = next(iter(found.values()))
            return article_id(row["article"]), row.get("headline", "")
        if len(found) > 1:
            names = "; ".join(sorted(r.get("headline") or r.get("file") or r["article"] for r in found.values())[:5])
            raise QueryError("E041", f"--article {value}", f"{len(found)} articles match: {names}; give the file name or id")
    known = ", ".join(sorted(r.get("file") or article_id(r["article"]) for r in rows)[:5]) + (", ..." if len(rows) > 5 else "")
    raise QueryError("E041", f"--article {value}", f"no article with that id, file name or headline in the graph (it holds {known})")


def run(args: argparse.Namespace) -> int:
    from kg.analysis import fold, project
    from kg.errors import QueryError
    from kg.render import render, timeline_layout

    if args.view == "ego" and not args.actor:
        raise QueryError("E041", "--view ego", "needs --actor NAME_OR_IRI")
    if args.view == "article" and not args.article:
        raise QueryError("E041", "--view article", "needs --article ID")
    headline = ""
    if args.view == "article":
        article, headline = find_article(args.graph, args.article)
    articles = [article] if args.view == "article" else None
    facts = project.facts(args.graph, articles=articles, start=args.start, end=args.end, include_undated=args.include_undated)
    keep: list[str] = []
    if args.view == "article":
        if articles[0] not in facts.published:
            known = ", ".join(sorted(facts.published)[:5]) + (", ..." if len(facts.published) > 5 else "")
            raise QueryError("E041", f"--article {args.article}", f"no such article in the graph (it holds {known})")
        title = headline or f"Article {articles[0]}"
    else:
        title = {"full": "Actors, places and events", "actors": "Actor co-participation", "ego": "Ego network",
                 "timeline": "Events over time, by actor"}[args.view]
    if args.view == "timeline":
        try:
            graph = project.timeline_lanes(facts, actors=args.actor, top=args.lanes)
        except KeyError as exc:
            raise QueryError("E041", f"--actor {args.actor}", f"{exc.args[0]}: give an IRI or a more precise name") from exc
        graph = timeline_layout(graph)
        keep = [n for n, d in graph.nodes(data=True) if d.get("always_label")]
    else:
        graph = project.coparticipation(facts) if args.view == "actors" else project.typed_graph(facts)
        graph.graph["left_out"] = dict(facts.left_out)
        if args.view == "ego":
            try:
                node = project.find_node(graph, args.actor[0])
            except KeyError as exc:
                raise QueryError("E041", f"--actor {args.actor[0]}", f"{exc.args[0]}: give an IRI or a more precise name") from exc
            if not args.no_fold:
                graph = fold.group_statements(graph)
            graph = project.ego(graph, node, radius=args.radius)
            keep = [node]
            title = f"Ego network of {graph.nodes[node].get('label', node)} ({args.radius} hops)"
        if not args.no_fold:
            graph = fold.readable(graph, group=args.view in ("full", "article"), keep=keep)
    subtitle = " · ".join(x for x in (args.graph, f"from {args.start}" if args.start else "", f"to {args.end}" if args.end else "") if x)
    scores = centrality(graph, args.size_by) if args.view != "timeline" else {
        n: float(d.get("events", 0) if d.get("lane_head") else 0) for n, d in graph.nodes(data=True)}
    max_nodes = args.max_nodes or None
    if args.view == "timeline":
        max_nodes = None  # every event of the lanes has its place on the axis
    render(graph, args.output, centrality=scores, title=title, subtitle=subtitle, max_nodes=max_nodes, keep=keep)
    if not args.quiet:
        shown = min(graph.number_of_nodes(), max_nodes or graph.number_of_nodes())
        folded = sum((graph.graph.get("folded") or {}).values())
        note = f", {folded} folded away" if folded else ""
        left = graph.graph.get("left_out") or {}
        if left:
            note += "; left out by the date filter: " + ", ".join(f"{n} {why}" for why, n in left.items())
        print(f"wrote {args.output}: {shown} of {graph.number_of_nodes()} nodes, view {args.view}{note}", file=sys.stderr)
    return 0
