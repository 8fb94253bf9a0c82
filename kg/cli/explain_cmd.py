"""Explain a node: what it merged, from which mentions and articles, and why.

Reads the merges identity across articles recorded in the graph (kg:Merge):
the names and keys each article gave it, the rule that joined them (with its
score and reason), the articles and mentions, and its former names, known
affiliations and what a user's `not same` keeps apart from it. NAME is a name
as written (folded for case and diacritics: 'vucic' finds 'Vučić'), a key
(person-tim-cook) or an IRI (id:entity/person-tim-cook); a name that fits
several nodes explains each.

    kg explain "Tim Cook" --store out/kgstore
    kg explain id:entity/org-apple --graph out/graph.trig
"""
from __future__ import annotations

import argparse
import json
import sys

HELP = "explain a node: what it merged, from which mentions and articles, and why"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", metavar="NAME|IRI", help="a name, a key (person-tim-cook) or an IRI (id:entity/...)")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--store", metavar="DIR", help="the store to read")
    where.add_argument("--graph", metavar="FILE", help="a graph file to read (.trig, .nq, ...)")
    p.add_argument("--json", action="store_true", help="print the record as JSON instead of text")
    p.add_argument("--mentions", type=int, default=3, metavar="N", help="mentions shown per merge (default 3)")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kg.explain import explain, format_explanation

    nodes = explain(Path(args.store or args.graph), args.name)
    if args.json:
        print(json.dumps(nodes, indent=2, ensure_ascii=False))
    else:
        print("\n\n".join(format_explanation(n, args.mentions) for n in nodes))
    if len(nodes) > 1:
        print(f"\n({len(nodes)} nodes fit {args.name!r}: give a key or an IRI for one)", file=sys.stderr)
    return 0
