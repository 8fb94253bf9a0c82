"""Send named graphs to any SPARQL 1.1 Graph Store Protocol server.

The shared entities graph goes first, merged with POST (other pushes share
it), then the ontology (PUT); each article graph is then sent with HTTP PUT to
ENDPOINT?graph=<article graph IRI>, replacing it, so pushing twice is
harmless. A failed push (E051, exit 2) says how many graphs were sent. Auth:
--user with --password (or the KG_PUSH_PASSWORD environment variable) for
HTTP Basic, or --token for a bearer token.

    oxigraph serve --location db --bind 127.0.0.1:7879 &
    kg push --endpoint http://127.0.0.1:7879/store --store kgstore
"""
from __future__ import annotations

import argparse
import sys

HELP = "push named graphs to a SPARQL 1.1 Graph Store Protocol server"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--endpoint", required=True, help="Graph Store Protocol URL, e.g. http://127.0.0.1:7879/store")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--graph", help="graph file to push (.trig, .nq, ...)")
    source.add_argument("--store", help="store directory to push (default ./kgstore)")
    p.add_argument("--user", default="", help="user name for HTTP Basic auth")
    p.add_argument("--password", default=None, help="password for HTTP Basic auth (default: $KG_PUSH_PASSWORD)")
    p.add_argument("--token", default="", help="bearer token (instead of --user/--password)")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for each request (default 60)")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary")


def run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from kg.graphio import read_file
    from kg.store import DEFAULT_STORE, Auth, env_password, named_graphs, open_store, push

    store = read_file(args.graph, ontology=True) if args.graph else open_store(args.store or DEFAULT_STORE, read_only=True)
    auth = Auth(args.user, args.password if args.password is not None else env_password(), args.token)
    total = len(named_graphs(store, include_ontology=True))
    with tqdm(total=total, desc="graphs", unit="graph", disable=args.quiet, file=sys.stderr) as bar:
        sent = push(store, args.endpoint, auth=auth, progress=bar.update, timeout=args.timeout)
    if not args.quiet:
        print(f"pushed {sent} graph(s) to {args.endpoint}", file=sys.stderr)
    return 0
