"""Validate a graph file, or a store's graph, against the newskg SHACL shapes.

Exit status 0 when the graph conforms, 1 with a readable report when it does
not, 2 when the file cannot be read. A store directory is read as a snapshot
(every graph but the ontology and the build records).

    kg validate out/graph.trig
    kg validate out/kgstore
"""
from __future__ import annotations

import argparse
import sys

HELP = "check a graph against the SHACL shapes"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("graph", metavar="GRAPH_OR_STORE", help="graph file (.trig, .nq, .ttl, .jsonld) or store directory")
    p.add_argument("--format", help="graph format, overriding the suffix")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kg.graphio import load
    from kg.validate import validate

    if Path(args.graph).is_dir():
        from kg.store import open_store, store_dataset

        ds = store_dataset(open_store(args.graph, read_only=True))
    else:
        ds = load(args.graph, args.format)
    result = validate(ds)
    if result.conforms:
        print(f"{args.graph}: conforms to the newskg shapes")
        return 0
    print(f"error: [E021] {args.graph}: {result.violations} violation(s) of the newskg shapes\n{result.report}", file=sys.stderr)
    return 1
