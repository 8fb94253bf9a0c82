"""Draw a graph as one interactive HTML page that works offline.

Views: `full` (actors, places and events with their roles and relations),
`actors` (who took part in events with whom), `ego` (one actor's
neighbourhood, --actor), `article` (one article's facts, --article). Nodes
are coloured and shaped by type and sized by centrality; beyond --max-nodes
only the most central are drawn and the page says what was left out.

    kg render out/graph.trig -o out/graph.html
    kg render out/graph.trig -o vucic.html --view ego --actor Vucic
"""
from __future__ import annotations

import argparse
import sys
from typing import Any

HELP = "draw a graph as one self-contained interactive HTML page"
VIEWS = ("full", "actors", "ego", "article")
SIZE_BY = ("degree", "pagerank", "betweenness")


def add_arguments(p: argparse.ArgumentParser) -> None:
    from kg.render import DEFAULT_MAX_NODES

    p.add_argument("graph", metavar="GRAPH", help="graph file (.trig, .nq, .ttl, .jsonld) or store directory")
    p.add_argument("-o", "--output", required=True, metavar="FILE.html", help="HTML file to write")
    p.add_argument("--view", choices=VIEWS, default="full", help="what to draw (default: full)")
    p.add_argument("--actor", metavar="NAME_OR_IRI", help="the actor of --view ego (IRI or name, e.g. Vucic)")
    p.add_argument("--radius", type=int, default=2, help="hops around the actor in --view ego (default 2: its events and their actors)")
    p.add_argument("--article", metavar="ID", help="the article of --view article (id or article IRI)")
    p.add_argument("--start", metavar="YYYY-MM-DD", help="only facts on or after this date")
    p.add_argument("--end", metavar="YYYY-MM-DD", help="only facts on or before this date")
    p.add_argument("--max-nodes", type=int, default=DEFAULT_MAX_NODES,
                   help=f"draw at most this many nodes, the most central (default {DEFAULT_MAX_NODES}; 0: all)")
    p.add_argument("--size-by", choices=SIZE_BY, default="degree", help="centrality that sizes and ranks the nodes (default degree)")
    p.add_argument("--quiet", action="store_true", help="no summary")


def centrality(graph: Any, measure: str) -> dict[Any, float]:
    """The centrality (degree, pagerank, betweenness) of every node, by kg.analysis.metrics."""
    from kg.analysis import metrics

    return dict(getattr(metrics, measure)(graph)) if graph.number_of_nodes() else {}


def run(args: argparse.Namespace) -> int:
    from kg.analysis import project
    from kg.errors import QueryError
    from kg.render import render

    if args.view == "ego" and not args.actor:
        raise QueryError("E041", "--view ego", "needs --actor NAME_OR_IRI")
    if args.view == "article" and not args.article:
        raise QueryError("E041", "--view article", "needs --article ID")
    articles = [project.article_id(args.article)] if args.view == "article" else None
    facts = project.facts(args.graph, articles=articles, start=args.start, end=args.end)
    keep: list[str] = []
    if args.view == "article":
        if articles[0] not in facts.published:
            known = ", ".join(sorted(facts.published)[:5]) + (", ..." if len(facts.published) > 5 else "")
            raise QueryError("E041", f"--article {args.article}", f"no such article in the graph (it holds {known})")
        title = f"Article {articles[0]}"
    else:
        title = {"full": "Actors, places and events", "actors": "Actor co-participation", "ego": "Ego network"}[args.view]
    graph = project.coparticipation(facts) if args.view == "actors" else project.typed_graph(facts)
    if args.view == "ego":
        try:
            node = project.find_node(graph, args.actor)
        except KeyError as exc:
            raise QueryError("E041", f"--actor {args.actor}", f"{exc.args[0]}: give an IRI or a more precise name") from exc
        graph = project.ego(graph, node, radius=args.radius)
        keep = [node]
        title = f"Ego network of {graph.nodes[node].get('label', node)} ({args.radius} hops)"
    subtitle = " · ".join(x for x in (args.graph, f"from {args.start}" if args.start else "", f"to {args.end}" if args.end else "") if x)
    scores = centrality(graph, args.size_by)
    render(graph, args.output, centrality=scores, title=title, subtitle=subtitle, max_nodes=args.max_nodes or None, keep=keep)
    if not args.quiet:
        shown = min(graph.number_of_nodes(), args.max_nodes or graph.number_of_nodes())
        print(f"wrote {args.output}: {shown} of {graph.number_of_nodes()} nodes, view {args.view}", file=sys.stderr)
    return 0
