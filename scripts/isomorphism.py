"""Fingerprint what a build makes, and say what changed since a previous fingerprint.

A renovation that means to change nothing (a module moved, a query file
reworded, a reader replaced) runs this before and after each step:

    python scripts/isomorphism.py --write /tmp/base.json                      # on the unchanged tree
    python scripts/isomorphism.py --write /tmp/now.json --against /tmp/base.json

It builds the seed (examples/) and the Wikinews dev articles
(../shared/corpus/wikinews, or --wikinews DIR) with `kg build -o X.trig
--store DIR`, each as one batch in a subprocess running this tree's code,
and fingerprints:

- every named graph of the TriG file, as parsed by plain rdflib, and every
  named graph of the store, as read by plain pyoxigraph: a SHA-256 of the
  graph's canonical N-Triples (blank nodes relabelled by
  rdflib.compare.to_canonical_graph), so two fingerprints are equal exactly
  when the graphs are isomorphic;
- what the graph answers: every canned query without a required parameter
  (`kg query NAME --limit 0 --format csv`, over the store and over the file),
  `kg analyze`'s report.json (over the file, over the store, and with date
  filters) and the
  scores of `kg eval` on the seed's gold file.

Only counts, graph ids and OK / DIFF are printed, never the graphs' content.
The exit status is 1 when --against finds a difference.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "https://w3id.org/newskg/id/article/"


def kg(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """`python -m kg ARGS` on this tree's code; its output captured, never shown."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, env=env, capture_output=True, text=True)


def digest_ntriples(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(sorted(lines)).encode("utf-8")).hexdigest()


def graph_digest(graph) -> str:
    """SHA-256 of the canonical N-Triples of an rdflib Graph (blank nodes canonically relabelled)."""
    from rdflib import BNode
    from rdflib.compare import to_canonical_graph

    if any(isinstance(t, BNode) for triple in graph for t in triple):
        graph = to_canonical_graph(graph)
    lines = [line for line in graph.serialize(format="nt").splitlines() if line.strip()]
    return digest_ntriples(lines)


def file_graphs(path: Path) -> dict[str, str]:
    """Graph IRI -> digest, for every non-empty graph of a TriG file read by plain rdflib."""
    from rdflib import Dataset, Graph

    ds = Dataset()
    ds.parse(str(path), format="trig")
    out = {}
    for g in ds.graphs():
        if not len(g):
            continue
        copy = Graph()
        for triple in g:
            copy.add(triple)
        out[str(g.identifier) if not str(g.identifier).startswith("urn:x-rdflib:default") else "(default)"] = graph_digest(copy)
    return out


def store_graphs(path: Path) -> dict[str, str]:
    """Graph IRI -> digest, for every non-empty graph of an Oxigraph store read by plain pyoxigraph."""
    import pyoxigraph as ox
    from rdflib import Graph

    store = ox.Store.read_only(str(path))
    names = [ox.DefaultGraph()] + sorted(store.named_graphs(), key=str)
    out = {}
    for name in names:
        data = ox.serialize((q.triple for q in store.quads_for_pattern(None, None, None, name)), format=ox.RdfFormat.N_TRIPLES)
        if not data:
            continue
        g = Graph().parse(data=data.decode("utf-8"), format="nt")
        out["(default)" if isinstance(name, ox.DefaultGraph) else name.value] = graph_digest(g)
    return out


PATHS = [str(ROOT)]  # taken out of every output before it is hashed (main adds the folder it builds in)


def sha(data: bytes | str) -> str:
    """SHA-256 of an output, this tree's and the build folder's paths taken out: they name files, not answers."""
    data = data.encode("utf-8") if isinstance(data, str) else data
    for path in sorted(PATHS, key=len, reverse=True):
        data = data.replace(path.encode("utf-8"), b"<path>")
    return hashlib.sha256(data).hexdigest()


def answers(trig: Path, store: Path, work: Path, gold: list[Path]) -> dict[str, str]:
    """Digests of what the graph answers: canned queries, the analysis report, the eval scores."""
    out: dict[str, str] = {}
    listing = kg("query", "--list")
    names = [line.split(":")[0] for line in listing.stdout.splitlines() if line and not line.startswith(" ")]
    for name in names:
        for flag, source in (("--store", store), ("--graph", trig)):
            run = kg("query", name, flag, str(source), "--limit", "0", "--format", "csv")
            if run.returncode == 2 and "E041" in run.stderr:  # a required parameter: not asked
                continue
            out[f"query {name} {flag}"] = sha(f"{run.returncode}\n{run.stdout}")
    analyses = {"file": (trig,), "store": (store,), "file --end 2010-12-31": (trig, "--end", "2010-12-31"),
                "file --start 2012-01-01 --include-undated": (trig, "--start", "2012-01-01", "--include-undated")}
    for n, (label, (source, *options)) in enumerate(analyses.items()):
        report = work / f"report-{n}"
        run = kg("analyze", str(source), "-o", str(report), "--quiet", *options)
        data = (report / "report.json").read_bytes() if (report / "report.json").is_file() else b""
        out[f"analyze {label}"] = sha(f"{run.returncode}\n".encode() + data)
    if gold:
        scores = work / "scores.json"
        run = kg("eval", str(trig), *map(str, gold), "--summary", "--json", str(scores))
        out["eval"] = sha(f"{run.returncode}\n".encode() + (scores.read_bytes() if scores.is_file() else b""))
    return out


def fingerprint(name: str, inputs: Path, work: Path, gold: list[Path], workers: int) -> dict:
    """Build `inputs` as one batch and fingerprint the file, the store and their answers."""
    trig, store = work / f"{name}.trig", work / f"{name}-store"
    run = kg("build", str(inputs), "-o", str(trig), "--store", str(store), "--quiet", "--workers", str(workers))
    if not trig.is_file():
        sys.exit(f"{name}: kg build wrote no graph (exit {run.returncode}); its stderr ends:\n{run.stderr[-2000:]}")
    return {"build_exit": run.returncode, "file": file_graphs(trig), "store": store_graphs(store),
            "answers": answers(trig, store, work / name, gold)}


def short(iri: str) -> str:
    return iri[len(ARTICLE):] if iri.startswith(ARTICLE) else iri


def compare(now: dict, before: dict) -> int:
    """Print per build and graph OK / DIFF (added, removed); returns the number of differences."""
    diffs = 0
    for build in sorted(set(now) | set(before)):
        a, b = now.get(build, {}), before.get(build, {})
        if a.get("build_exit") != b.get("build_exit"):
            print(f"{build}: DIFF build exit {b.get('build_exit')} -> {a.get('build_exit')}")
            diffs += 1
        for part in ("file", "store", "answers"):
            x, y = a.get(part, {}), b.get(part, {})
            same = 0
            for key in sorted(set(x) | set(y)):
                if key not in y:
                    state = "ADDED"
                elif key not in x:
                    state = "REMOVED"
                else:
                    state = "OK" if x[key] == y[key] else "DIFF"
                if state == "OK":
                    same += 1
                else:
                    diffs += 1
                print(f"{build} {part} {state} {short(key)}")
            print(f"{build} {part}: {same} of {len(set(x) | set(y))} identical")
    print("ISOMORPHIC: every graph and every answer is the same" if not diffs else f"DIFFERENT: {diffs} difference(s)")
    return diffs


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--write", required=True, metavar="FILE", help="fingerprint file to write (JSON)")
    p.add_argument("--against", metavar="FILE", help="a previous fingerprint file: report what differs from it")
    p.add_argument("--seed", default=str(ROOT / "examples"), help="seed articles (default examples/)")
    p.add_argument("--wikinews", default=str(ROOT.parent / "shared" / "corpus" / "wikinews"),
                   help="Wikinews dev articles (default ../shared/corpus/wikinews)")
    p.add_argument("--gold", nargs="*", default=sorted(map(str, (ROOT / "tests" / "data" / "gold").glob("*.json"))),
                   help="gold files scored against the seed build (default tests/data/gold/*.json)")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    p.add_argument("--keep", metavar="DIR", help="build into DIR and keep it (default: a temporary folder, removed)")
    args = p.parse_args(argv)
    builds = {"seed": (Path(args.seed), [Path(g) for g in args.gold])}
    if Path(args.wikinews).is_dir():
        builds["wikinews"] = (Path(args.wikinews), [])
    else:
        print(f"no Wikinews folder at {args.wikinews}: the seed only", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="isomorphism-") as tmp:
        work = Path(args.keep or tmp)
        PATHS.append(str(work))
        result = {}
        for name, (inputs, gold) in builds.items():
            result[name] = fingerprint(name, inputs, work, gold, args.workers)
            print(f"{name}: built with exit {result[name]['build_exit']}: {len(result[name]['file'])} graphs in the file, "
                  f"{len(result[name]['store'])} in the store, {len(result[name]['answers'])} answers")
    Path(args.write).write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"fingerprint written to {args.write}")
    if args.against:
        return 1 if compare(result, json.loads(Path(args.against).read_text(encoding="utf-8"))) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
