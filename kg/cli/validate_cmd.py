"""Validate a graph file against the newskg SHACL shapes.

Exit status 0 when the graph conforms, 1 with a readable report when it does
not, 2 when the file cannot be read.

    kg validate out/graph.trig
"""
from __future__ import annotations

import argparse
import sys

HELP = "check a graph against the SHACL shapes"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("graph", help="graph file (.trig, .nq, .ttl, .jsonld)")
    p.add_argument("--format", help="graph format, overriding the suffix")


def run(args: argparse.Namespace) -> int:
    from kg.graphio import load
    from kg.validate import validate

    result = validate(load(args.graph, args.format))
    if result.conforms:
        print(f"{args.graph}: conforms to the newskg shapes")
        return 0
    print(f"error: [E021] {args.graph}: {result.violations} violation(s) of the newskg shapes\n{result.report}", file=sys.stderr)
    return 1
