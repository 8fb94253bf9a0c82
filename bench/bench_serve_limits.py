"""The endpoint's bounds under attack: pathological bodies, a huge declared body, thousands of idle connections.

Starts a real `kg serve` on the seed graph (loopback only) and measures, in
the same run, each attack next to the baseline of a plain query:

- the answer time of 64 KB bodies of the shapes that made the old token
  scan quadratic (the goal: well under a second);
- the answer time of a request declaring a 300 MB body (refused unread);
- the p50 of a small query from a real client, alone and with 3,000 idle
  connections held open (the goal: at most 100 ms slower).

    .venv/bin/python bench/bench_serve_limits.py
"""
from __future__ import annotations

import argparse
import http.client
import socket
import statistics
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.store.helpers import KG, free_port, seed_dataset, start, stop  # noqa: E402

BODIES = {
    '"a." * 32768': "a." * 32768,
    "\"'''a\" * 16384": "'''a" * 16384,
    '"?a=" * 21845': "?a=" * 21845,
    '"<a" * 32768': "<a" * 32768,
    '"{" * 65536': "{" * 65536,
}


def post(port: int, body: bytes, ctype: str = "application/sparql-query") -> tuple[int, float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    t = time.perf_counter()
    conn.request("POST", "/sparql", body=body, headers={"Content-Type": ctype})
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status, time.perf_counter() - t


def p50(port: int, n: int) -> float:
    body = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode()
    return statistics.median(post(port, body, "application/x-www-form-urlencoded")[1] for _ in range(n)) * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--idle", type=int, default=3000, help="idle connections to hold open (default 3000)")
    ap.add_argument("--requests", type=int, default=50, help="requests per latency sample (default 50)")
    args = ap.parse_args(argv)
    print("command: .venv/bin/python bench/bench_serve_limits.py " + " ".join(argv if argv is not None else sys.argv[1:]))
    work = Path(tempfile.mkdtemp(prefix="kg-bench-limits-"))
    graph = work / "seed.trig"
    seed_dataset().serialize(graph, format="trig")
    port = free_port()
    process = start([*KG, "serve", "--graph", str(graph), "--port", str(port), "--workers", "2"], port)
    try:
        p50(port, 5)  # warm both workers
        print("| attack | status | answered in ms |\n|---|---|---|")
        for name, body in BODIES.items():
            status, took = post(port, body.encode())
            print(f"| 64 KB body {name} | {status} | {took * 1000:.0f} |")
        with socket.create_connection(("127.0.0.1", port)) as s:
            t = time.perf_counter()
            s.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                      b"Content-Length: 300000000\r\n\r\n")
            status = s.recv(100).split(b" ")[1].decode()
            print(f"| declared 300 MB body | {status} | {(time.perf_counter() - t) * 1000:.0f} |")
        alone = p50(port, args.requests)
        idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(args.idle)]
        crowded = p50(port, args.requests)
        for s in idle:
            s.close()
        print(f"\np50 of ASK from a real client: alone {alone:.1f} ms, with {args.idle} idle connections {crowded:.1f} ms "
              f"(+{crowded - alone:.1f} ms)")
    finally:
        stop(process)
    return 0


if __name__ == "__main__":
    sys.exit(main())
