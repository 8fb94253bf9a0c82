"""Store benchmark: bulk load rate and canned query latency on a generated graph of over a million triples.

Loads (each in a fresh child process, so its peak RSS is its own, read with
resource.getrusage(RUSAGE_CHILDREN).ru_maxrss):
- pyoxigraph's Store.bulk_load on the N-Quads (the baseline);
- kg.store.load_graphs on the same graphs (what load_dataset uses: atomic batches of whole articles);
- kg.store.load_graphs again on the full store (every article replaced, one transaction each);
- kg.store.load_dataset end to end from an rdflib Dataset (rdflib's serialisation included) on a 100k-triple slice.
Queries: the p50 of every canned query (default parameters) on the on-disk
store, next to rdflib's memory store (rdflib.Dataset, default union) on a
100k-triple slice, and pyoxigraph on that same slice.

    .venv/bin/python bench/bench_store.py            # about 1.0 million triples
    .venv/bin/python bench/bench_store.py --articles 300 --runs 5   # a quick look
    .venv/bin/python bench/bench_store.py --store /tmp/store --runs 5   # queries only, on a store already loaded
"""
from __future__ import annotations

import argparse
import multiprocessing
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import EVENT, QUESTIONS, graphs, nquads  # noqa: E402


def _load(kind: str, data_path: str, store_path: str, articles: int, seed: int, out) -> None:
    import pyoxigraph as ox

    from kg import store as kgs

    items = list(graphs(articles, seed))
    if kind == "bulk_load":
        data = Path(data_path).read_bytes()
        st = ox.Store(store_path)
        t = time.perf_counter()
        st.bulk_load(data, ox.RdfFormat.N_QUADS)
        st.flush()
    elif kind in ("load_graphs", "replace"):
        st = ox.Store(store_path)
        if kind == "replace":
            kgs.load_graphs(st, items[:-1])
        t = time.perf_counter()
        kgs.load_graphs(st, items[:-1])
        kgs.add_triples(st, *items[-1])
        st.flush()
    else:  # load_dataset from rdflib
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(data=nquads(items).decode(), format="nquads")
        t = time.perf_counter()
        kgs.load_dataset(ds, store_path)
    seconds = time.perf_counter() - t
    quads = sum(d.count(b"\n") for _, d in items)
    out.send((quads, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def measure_load(kind: str, data_path: Path, store_path: Path, articles: int, seed: int) -> tuple[int, float, int]:
    """(quads, seconds, peak RSS in KiB) of one load in a fresh process."""
    shutil.rmtree(store_path, ignore_errors=True)
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    p = ctx.Process(target=_load, args=(kind, str(data_path), str(store_path), articles, seed, child))
    p.start()
    result = parent.recv()
    p.join()
    return result


def _rdflib_worker(data: bytes, runs: int, conn) -> None:
    from rdflib import Dataset

    ds = Dataset(default_union=True)
    ds.parse(data=data.decode(), format="nquads")
    conn.send("ready")
    while True:
        text = conn.recv()
        conn.send(p50(lambda text=text: list(ds.query(text)), runs))


class Rdflib:
    """rdflib's memory store in a child process, so that a query past the time limit can be stopped."""

    def __init__(self, data: bytes, runs: int, limit: float) -> None:
        self.data, self.runs, self.limit = data, runs, limit
        self._start()

    def _start(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_rdflib_worker, args=(self.data, self.runs, child), daemon=True)
        self.process.start()
        self.conn.recv()

    def p50(self, text: str) -> float | None:
        """The p50 in seconds, or None when a run passed the limit."""
        self.conn.send(text)
        if self.conn.poll(self.limit * self.runs):
            return self.conn.recv()
        self.process.kill()
        self.process.join()
        self._start()
        return None

    def close(self) -> None:
        self.process.kill()


def p50(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def cases(questions: bool) -> list[tuple[str, Any, dict[str, str]]]:
    """(label, canned query, parameters), by label: every canned query with its defaults, evidence asked for
    Borrell and for one event; with `questions`, also the load test's questions where they differ from the defaults."""
    from kg import query as q

    out = []
    for name, c in q.canned().items():
        if name == "evidence":
            out += [("evidence, an entity (Borrell)", c, QUESTIONS["evidence"]), ("evidence, an event", c, {"fact": EVENT})]
            continue
        out.append((name, c, {}))
        if questions and name in QUESTIONS:
            out.append((name, c, QUESTIONS[name]))
    return sorted(out, key=lambda case: case[0])


def queries_only(path: Path, runs: int) -> int:
    """p50 of every canned query on an existing store: default parameters, plus the load test's parameters where they differ."""
    from kg import query as q
    from kg.store import open_store

    store = open_store(path, read_only=True)
    print(f"store: {path}, {len(store):,} quads, {runs} runs per query\n")
    print("| canned query | parameters | rows | p50 (ms) |")
    print("|---|---|---:|---:|")
    for label, c, params in cases(questions=True):
        text = c.render(params)
        rows = len(q.select(store, text))
        t = p50(lambda text=text: q.select(store, text), runs)
        shown = ", ".join(f"{k}={v}" for k, v in params.items()) or "defaults"
        print(f"| {label} | {shown} | {rows} | {t * 1000:.1f} |", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2450, help="generated articles (2450 give about 1.03 million triples)")
    ap.add_argument("--slice", type=int, default=100_000, help="triples in the slice for rdflib (default 100000)")
    ap.add_argument("--runs", type=int, default=20, help="runs per query on the store (p50)")
    ap.add_argument("--rdflib-runs", type=int, default=3, help="runs per query on rdflib")
    ap.add_argument("--rdflib-limit", type=float, default=120.0, help="seconds an rdflib run may take before it is stopped (default 120)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--store", type=Path, help="only time the canned queries on this already-loaded store (no loads, no rdflib)")
    ap.add_argument("--queries", help="comma-separated canned query names to time (default: all)")
    args = ap.parse_args(argv)
    print("command: .venv/bin/python bench/bench_store.py " + " ".join(argv if argv is not None else sys.argv[1:]))

    import pyoxigraph as ox

    from kg import query as q
    from kg.store import ONTOLOGY_GRAPH, finish, load_graphs, ontology_ntriples, open_store

    if args.store:
        return queries_only(args.store, args.runs)
    work = Path(tempfile.mkdtemp(prefix="kg-bench-store-"))
    try:
        items = list(graphs(args.articles, args.seed))
        data_path = work / "graph.nq"
        data_path.write_bytes(nquads(items))
        total = sum(d.count(b"\n") for _, d in items)
        slice_articles, n = 0, 0
        while n < args.slice and slice_articles < len(items) - 1:
            n += items[slice_articles][1].count(b"\n")
            slice_articles += 1
        print(f"graph: {args.articles} articles, {total:,} triples; slice: {slice_articles} articles, {n:,} triples")

        print("\n| load | triples | seconds | triples/s | vs bulk_load | peak RSS (MiB, ru_maxrss of the loading process) |")
        print("|---|---:|---:|---:|---:|---:|")
        base = None
        for kind, label in [("bulk_load", "pyoxigraph Store.bulk_load (N-Quads)"), ("load_graphs", "kg.store.load_graphs, new graphs"),
                            ("replace", "kg.store.load_graphs, every graph replaced")]:
            quads, seconds, rss = measure_load(kind, data_path, work / kind, args.articles, args.seed)
            rate = quads / seconds
            base = base or rate
            print(f"| {label} | {quads:,} | {seconds:.2f} | {rate:,.0f} | {rate / base:.2f} | {rss / 1024:.0f} |")
        quads, seconds, rss = measure_load("dataset", data_path, work / "dataset", slice_articles, args.seed)
        label = f"kg.store.load_dataset from rdflib.Dataset ({slice_articles} articles)"
        print(f"| {label} | {quads:,} | {seconds:.2f} | {quads / seconds:,.0f} | {quads / seconds / base:.2f} | {rss / 1024:.0f} |")

        store = open_store(work / "load_graphs")
        t = time.perf_counter()
        finish(store)  # what kg build --store does at the end of a load: the ontology graph, flush, compaction
        seconds = time.perf_counter() - t
        print(f"| kg.store.finish after the load_graphs load (ontology, flush, compaction) | {len(store):,} | {seconds:.2f} | | | |")
        slice_items = items[:slice_articles] + [items[-1], (ONTOLOGY_GRAPH, ontology_ntriples())]
        small = ox.Store()
        load_graphs(small, slice_items)
        rdflib = Rdflib(nquads(slice_items), args.rdflib_runs, args.rdflib_limit)

        print(f"\n| canned query | rows (store) | p50 store, {total / 1e6:.2f}M triples (ms) | p50 pyoxigraph, slice (ms) | "
              f"p50 rdflib.Dataset, slice (ms) | rdflib slice / store |")
        print("|---|---:|---:|---:|---:|---:|")
        wanted = set(args.queries.split(",")) if args.queries else None
        for name, c, params in cases(questions=False):
            if wanted is not None and c.name not in wanted:
                continue
            text = c.render(params)
            rows = len(q.select(store, text))
            t_store = p50(lambda text=text: q.select(store, text), args.runs)
            t_small = p50(lambda text=text: q.select(small, text), args.runs)
            t_rdflib = rdflib.p50(text)
            if t_rdflib is None:
                slow, ratio = f"> {args.rdflib_limit * 1000:.0f}", f"> {args.rdflib_limit / t_store:.0f}x"
            else:
                slow, ratio = f"{t_rdflib * 1000:.0f}", f"{t_rdflib / t_store:.0f}x"
            print(f"| {name} | {rows} | {t_store * 1000:.1f} | {t_small * 1000:.1f} | {slow} | {ratio} |")
        rdflib.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
