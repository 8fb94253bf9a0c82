"""Load test of `kg serve`: concurrent clients sending canned queries for a while; failures, p50/p99 latency.

Builds a store from the generated graph (bench/generate.py), starts a real
`kg serve` process on a free port, and runs `--clients` threads, each with
its own keep-alive HTTP connection, sending the canned queries (default
parameters) round-robin for `--seconds`. A failed request is any answer
other than 200 or any connection error; the goal is none.

    .venv/bin/python bench/load_serve.py                 # 16 clients, 60 s
    .venv/bin/python bench/load_serve.py --seconds 10
"""
from __future__ import annotations

import argparse
import http.client
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import QUESTIONS, graphs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def client(port: int, bodies: list[bytes], until: float, offset: int, latencies: list[float], failures: list[str]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"}
    n = offset
    while time.monotonic() < until:
        body = bodies[n % len(bodies)]
        n += 1
        t = time.perf_counter()
        try:
            conn.request("POST", "/sparql", body=body, headers=headers)
            response = conn.getresponse()
            answer = response.read()
            if response.status != 200:
                failures.append(f"HTTP {response.status} after {time.perf_counter() - t:.1f} s: {answer[:120]!r}")
        except (OSError, http.client.HTTPException) as exc:
            failures.append(f"{exc!r} after {time.perf_counter() - t:.1f} s, request {n - offset} of this client")
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            continue
        latencies.append(time.perf_counter() - t)
    conn.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--articles", type=int, default=2450, help="generated articles in the store (2450 give about 1.03 million triples)")
    ap.add_argument("--workers", type=int, default=0, help="kg serve --workers (default: one per CPU)")
    ap.add_argument("--store", type=Path, help="serve this store (already loaded) instead of generating one")
    args = ap.parse_args(argv)
    print("command: .venv/bin/python bench/load_serve.py " + " ".join(argv if argv is not None else sys.argv[1:]))

    from kg import query as q
    from kg.store import add_triples, finish, load_graphs, open_store

    work = Path(tempfile.mkdtemp(prefix="kg-bench-serve-"))
    process = None
    try:
        path = args.store or work / "store"
        store = open_store(path)
        if not args.store:
            items = list(graphs(args.articles))
            load_graphs(store, items[:-1])
            add_triples(store, *items[-1])
            finish(store)  # what kg build --store does at the end
        triples = len(store)
        del store
        port = free_port()
        command = [sys.executable, "-m", "kg", "serve", "--store", str(path), "--port", str(port), "--timeout", "30", "--verbose"]
        if args.workers:
            command += ["--workers", str(args.workers)]
        log = (work / "serve.log").open("wb")
        process = subprocess.Popen(command, cwd=ROOT, stderr=log, stdout=subprocess.DEVNULL)
        end = time.monotonic() + 60
        while time.monotonic() < end:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        bodies = [urllib.parse.urlencode({"query": c.render(QUESTIONS.get(n, {}))}).encode() for n, c in sorted(q.canned().items())]
        latencies: list[float] = []
        failures: list[str] = []
        until = time.monotonic() + args.seconds
        threads = [threading.Thread(target=client, args=(port, bodies, until, i, latencies, failures)) for i in range(args.clients)]
        start = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - start
        lat = sorted(latencies)
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] if lat else float("nan")
        where = str(args.store) if args.store else f"{args.articles} generated articles"
        print(f"\nstore: {where}, {triples:,} quads; kg serve workers: {args.workers or os.cpu_count()}")
        print("\n| clients | seconds | requests | failed | requests/s | p50 (ms) | p99 (ms) |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        print(f"| {args.clients} | {elapsed:.0f} | {len(lat) + len(failures)} | {len(failures)} | {len(lat) / elapsed:.1f} | "
              f"{statistics.median(lat) * 1000:.1f} | {p99 * 1000:.1f} |")
        if failures:
            print("failures:", sorted(set(failures))[:5])
            lines = [line for line in (work / "serve.log").read_text(errors="replace").splitlines() if '" 200 ' not in line]
            print("kg serve said (other than 200):", *lines[-20:], sep="\n  ")
        return 1 if failures else 0
    finally:
        if process is not None:
            process.terminate()
            process.wait(30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
