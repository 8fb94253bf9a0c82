"""Serve the store over the SPARQL 1.1 Protocol, read-only, on localhost.

GET or POST /sparql with a `query` parameter (or an application/sparql-query
body); results in SPARQL JSON, XML, CSV or TSV by the Accept header (or a
`format` parameter), graphs as N-Triples. Updates and SERVICE are refused
(403), read from the query's parse; the query workers are cut off from the
network besides. A query past --timeout gets 503 and is stopped, and so does
one past --max-memory; a result larger than --max-rows gets 422 asking for a
LIMIT (never a silently truncated answer). Requests whose Host is not the
address served (or --allow-host) and pages of other origins (unless --cors)
get 403; bodies over --max-body get 413 unread; idle connections close after
--idle-timeout.

    kg serve --store kgstore --port 7878
    curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' http://127.0.0.1:7878/sparql
"""
from __future__ import annotations

import argparse
import signal
import sys

HELP = "serve the store over the SPARQL 1.1 Protocol (read-only)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    source = p.add_mutually_exclusive_group()
    source.add_argument("--store", default="kgstore", help="store directory (default ./kgstore)")
    source.add_argument("--graph", help="serve a graph file held in memory instead of a store")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=7878, help="port (default 7878)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds a query may run before it is stopped with 503 (default 10)")
    p.add_argument("--queue-timeout", type=float, default=60.0,
                   help="seconds a request may wait for a free query worker before 503 (default 60); not counted in --timeout")
    p.add_argument("--max-rows", type=int, default=10_000, help="largest result answered; larger ones get 422 (default 10000)")
    p.add_argument("--cors", metavar="ORIGIN", help="allow browser pages from ORIGIN (e.g. http://localhost:8888) to query")
    p.add_argument("--workers", type=int, default=0, help="query worker processes (default: one per CPU)")
    p.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                   help="answer requests whose Host header is NAME (besides the address served and localhost); '*' for any. "
                        "Needed behind a proxy or for a LAN name; the check stops DNS-rebinding pages")
    p.add_argument("--max-body", type=int, default=1 << 20, metavar="BYTES",
                   help="largest request body (default 1 MiB); larger: 413 unread")
    p.add_argument("--max-connections", type=int, default=10_000, help="open connections at once (default 10000)")
    p.add_argument("--idle-timeout", type=float, default=30.0, help="seconds an idle connection stays open (default 30)")
    p.add_argument("--max-memory", type=int, default=2048, metavar="MIB",
                   help="data memory a query worker may use (default 2048 MiB); a query past it gets 503; 0: no limit")
    p.add_argument("--verbose", action="store_true", help="log every request to stderr")


def run(args: argparse.Namespace) -> int:
    from kg.offline import METHODS
    from kg.serve import Settings, serve

    settings = Settings(
        store=args.store, graph=args.graph, host=args.host, port=args.port, timeout=args.timeout, queue_timeout=args.queue_timeout,
        max_rows=args.max_rows, cors=args.cors, workers=args.workers, verbose=args.verbose, allow_hosts=tuple(args.allow_host),
        max_body=args.max_body, max_connections=args.max_connections, idle_timeout=args.idle_timeout, max_memory=args.max_memory,
    )

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)

    def ready(address, offline: str) -> None:
        host, port = address[:2]
        print(f"serving {args.graph or args.store} at http://{host}:{port}/sparql (read-only; Ctrl-C stops)", file=sys.stderr, flush=True)
        if offline not in METHODS:
            print(f"warning: query workers are {offline}; SERVICE is still refused by the query parser", file=sys.stderr, flush=True)

    try:
        serve(settings, ready=ready)
    except KeyboardInterrupt:
        return 0
    return 0
