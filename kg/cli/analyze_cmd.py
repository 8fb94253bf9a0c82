"""Analyse the actor network of a graph: centralities, communities, brokers, dyads, timeline.

Writes into DIR: report.md and report.json (top actors by degree,
betweenness, eigenvector and PageRank centrality; Louvain communities;
brokers; busiest dyads; cooperation and conflict between states; a timeline
of events), timeline.png and centrality.png, and graph.graphml / graph.gexf
for Gephi.

    kg analyze out/graph.trig -o out/analysis
    kg analyze out/graph.trig -o out/july --start 2020-07-01 --end 2020-07-31

A date filter leaves undated events out and says how many; --include-undated
keeps those whose article was published on or after --start.
"""
from __future__ import annotations

import argparse
import sys

from kg.cli import day

HELP = "network analysis of a graph file or store: report.md, report.json, charts, GraphML and GEXF"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", metavar="GRAPH_OR_STORE", help="graph file (.trig, .nq, .ttl, .nt, .jsonld) or store directory")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="directory to write the report into")
    p.add_argument("--top", type=int, default=10, help="how many actors, brokers and dyads to list (default 10)")
    p.add_argument("--start", type=day, metavar="YYYY-MM-DD", help="keep events whose period ends on or after this day")
    p.add_argument("--end", type=day, metavar="YYYY-MM-DD", help="keep events and facts up to this day (the graph 'as of' it)")
    p.add_argument("--include-undated", action="store_true",
                   help="with --start/--end, keep undated events (left out by default, and counted) whose article allows them")
    p.add_argument("--article", action="append", metavar="ID", help="keep only this article's facts (repeatable)")
    p.add_argument("--quiet", action="store_true", help="no progress or summary")


def run(args: argparse.Namespace) -> int:
    from kg.analysis.report import analyze

    def say(msg: str) -> None:
        if not args.quiet:
            print(f"{msg}…", file=sys.stderr)

    data = analyze(args.source, args.output, top=args.top, articles=args.article, start=args.start, end=args.end,
                   include_undated=args.include_undated, progress=say)
    if not args.quiet:
        s = data["summary"]
        print(f"analysed {s['actors']} actors and {s['events']} events into {args.output}: {', '.join(data['files'])}")
        left = data["filters"]["left_out"]
        if left:
            hint = " (add --include-undated to keep the undated ones)" if left.get("undated") else ""
            print("left out by the date filter: " + ", ".join(f"{n} {why} event(s)" for why, n in left.items()) + hint)
    return 0
