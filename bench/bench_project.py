"""Projecting a large graph to the co-participation graph: kg.analysis.project against rdflib's own networkx bridge.

A synthetic graph in newskg's shape (one named graph per article: article
node, entities with evidence, events with participants, finer roles, dates
and PLOVER codes, a role and a relation with evidence) is written as
N-Quads (bench/generate.py is used when present). Each method runs in a fresh
subprocess; time is wall clock, memory is the child's peak RSS.

- kg-path: coparticipation(path): pyoxigraph parses the file, SPARQL SELECTs, networkx.
- kg-rdflib: kg.graphio.load (rdflib parses), then coparticipation(ds), which copies into Oxigraph.
- rdflib-sparql: kg.graphio.load, then the same SELECTs run by rdflib's SPARQL engine (no graph built):
  the alternative the projection did not choose.
- rdflib-networkx: rdflib parses, then rdflib.extras.external_graph_libs.rdflib_to_networkx_multidigraph
  (every triple an edge; no co-participation, no filters): the baseline.

    .venv/bin/python bench/bench_project.py                       # 1,000,000 triples
    .venv/bin/python bench/bench_project.py --triples 100000 --methods kg-path rdflib-sparql
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ID = "https://w3id.org/newskg/id/"
KG = "https://w3id.org/newskg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"
EVENT_TYPES = [("Meeting", "CONSULT"), ("Statement", "SUPPORT"), ("Agreement", "AGREE"), ("Sanction", "SANCTION"),
               ("Charge", "ACCUSE"), ("Talks", "CONSULT"), ("Threat", "THREATEN"), ("Visit", "CONSULT")]
METHODS = ("kg-path", "kg-rdflib", "rdflib-sparql", "rdflib-networkx")


def _lit(value: str, datatype: str = "") -> str:
    value = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{value}"^^<{XSD}{datatype}>' if datatype else f'"{value}"'


def _evidence(lines: list[tuple[str, str, str]], a: int, art: str, fact: str, k: int) -> None:
    ev = f"<{ID}evidence/a{a}-{k}>"
    lines.extend([(fact, f"<{KG}evidence>", ev), (ev, f"<{RDF_TYPE}>", f"<{KG}Evidence>"),
                  (ev, f"<{KG}sentence>", _lit(f"Sentence {k} of article {a}.")), (ev, f"<{KG}start>", _lit(str(k * 40), "integer")),
                  (ev, f"<{KG}end>", _lit(str(k * 40 + 9), "integer")), (ev, f"<{KG}anchor>", _lit("anchor")),
                  (ev, f"<{KG}confidence>", _lit("0.9", "decimal")), (ev, f"<{KG}extractor>", _lit("bench")),
                  (ev, "<http://www.w3.org/ns/prov#wasDerivedFrom>", f"<{art}>")])


def generate(path: Path, triples: int, seed: int = 7) -> int:
    """Write an N-Quads file of at least `triples` triples in newskg's shape; returns the count."""
    rng = random.Random(seed)
    n_entities = max(200, triples // 200)
    kinds = ["Person"] * 6 + ["Organization"] * 2 + ["State"] * 2
    entities = [(f"{ID}entity/{k.lower()}-{i}", k, f"{k} {i}") for i, k in enumerate(rng.choice(kinds) for _ in range(n_entities))]
    weights = [1 / (k + 1) ** 0.9 for k in range(n_entities)]  # a few actors are in the news a lot
    count = 0
    with path.open("w", encoding="utf-8") as out:
        a = 0
        while count < triples:
            art = f"{ID}article/a{a}"
            day = f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            lines: list[tuple[str, str, str]] = [
                (f"<{art}>", f"<{RDF_TYPE}>", f"<{KG}Article>"), (f"<{art}>", "<https://schema.org/datePublished>", _lit(day, "date")),
                (f"<{art}>", "<https://schema.org/headline>", _lit(f"Headline {a}")), (f"<{art}>", f"<{KG}sha256>", _lit(f"{a:064x}")),
                (f"<{art}>", f"<{KG}text>", _lit(f"Text of article {a}."))]

            named = list({e[0]: e for e in rng.choices(entities, weights=weights, k=8)}.values())
            k = 0
            for iri, kind, label in named:
                lines.extend([(f"<{iri}>", f"<{RDF_TYPE}>", f"<{KG}{kind}>"), (f"<{iri}>", f"<{LABEL}>", _lit(label))])
                _evidence(lines, a, art, f"<{iri}>", k)
                k += 1
            for j in range(3):
                e = f"<{ID}event/a{a}-e{j}>"
                kind, plover = rng.choice(EVENT_TYPES)
                lines.extend([(e, f"<{RDF_TYPE}>", f"<{KG}{kind}>"), (e, f"<{LABEL}>", _lit(f"{kind} {a}-{j}")),
                              (e, f"<{KG}trigger>", _lit(kind.lower())), (e, f"<{KG}reportedIn>", f"<{art}>"),
                              (e, f"<{KG}status>", _lit("occurred")), (e, f"<{KG}date>", _lit(day, "date")),
                              (e, f"<{KG}earliest>", _lit(day, "date")), (e, f"<{KG}latest>", _lit(day, "date")),
                              (e, f"<{KG}plover>", _lit(plover))])
                actors = [x for x in named if x[1] != "Place"]
                for n, (iri, _, _) in enumerate(rng.sample(actors, min(len(actors), rng.randint(2, 4)))):
                    lines.append((e, f"<{KG}participant>", f"<{iri}>"))
                    if n == 0 and rng.random() < 0.3:
                        lines.append((e, f"<{KG}{rng.choice(['host', 'mediator', 'speaker'])}>", f"<{iri}>"))
                _evidence(lines, a, art, e, k)
                k += 1
            holder, of = named[0][0], named[-1][0]
            role = f"<{ID}role/a{a}-r>"
            lines.extend([(role, f"<{RDF_TYPE}>", f"<{KG}Role>"), (role, f"<{KG}holder>", f"<{holder}>"),
                          (role, f"<{KG}roleName>", _lit("President")), (role, f"<{KG}roleOf>", f"<{of}>"),
                          (role, f"<{KG}asOf>", _lit(day, "date"))])
            _evidence(lines, a, art, role, k)
            k += 1
            s, o = named[1][0], named[2][0]
            rel = f"<{ID}relation/a{a}-x>"
            lines.extend([(f"<{s}>", f"<{KG}supports>", f"<{o}>"), (rel, f"<{RDF_TYPE}>", f"<{KG}RelationStatement>"),
                          (rel, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject>", f"<{s}>"),
                          (rel, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate>", f"<{KG}supports>"),
                          (rel, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#object>", f"<{o}>")])
            _evidence(lines, a, art, rel, k)
            out.write("".join(f"{s} {p} {o} <{art}> .\n" for s, p, o in lines))
            count += len(lines)
            a += 1
    return count


def run(method: str, path: str) -> dict:
    """One measurement, in this (fresh) process."""
    t0 = time.perf_counter()
    out: dict = {"method": method}
    if method == "kg-path":
        from kg.analysis.project import coparticipation

        g = coparticipation(path)
    elif method in ("kg-rdflib", "rdflib-sparql"):
        from kg.graphio import load

        ds = load(path)
        out["parse_s"] = time.perf_counter() - t0
        if method == "kg-rdflib":
            from kg.analysis.project import coparticipation

            g = coparticipation(ds)
        else:
            from kg import query as q
            from kg.analysis.project import QUERIES

            ds.default_union = True
            rows = 0
            for name in QUERIES:
                rows += len(list(ds.query(q.bundled(f"project/{name}"))))
            out["rows"] = rows
            g = None
    else:
        import warnings

        from rdflib import ConjunctiveGraph, Dataset
        from rdflib.extras.external_graph_libs import rdflib_to_networkx_multidigraph

        ds = Dataset()
        ds.parse(path, format="nquads")
        out["parse_s"] = time.perf_counter() - t0
        # the bridge iterates triples: hand it the union of the named graphs, a view over the same store
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            g = rdflib_to_networkx_multidigraph(ConjunctiveGraph(store=ds.store))
    out["total_s"] = time.perf_counter() - t0
    if "parse_s" in out:
        out["project_s"] = out["total_s"] - out["parse_s"]
    if g is not None:
        out["nodes"], out["edges"] = g.number_of_nodes(), g.number_of_edges()
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph (default 1,000,000)")
    p.add_argument("--methods", nargs="+", choices=METHODS, default=list(METHODS))
    p.add_argument("--graph", help="use this N-Quads file instead of generating one")
    p.add_argument("--child", nargs=2, metavar=("METHOD", "PATH"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        print(json.dumps(run(*args.child)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.graph) if args.graph else Path(tmp) / "graph.nq"
        if not args.graph:
            t0 = time.perf_counter()
            try:
                from bench.generate import generate as realistic  # another engineer's generator, when present
                count = realistic(path, args.triples)
            except ImportError:
                count = generate(path, args.triples)
            print(f"generated {count:,} triples ({path.stat().st_size / 1e6:.0f} MB N-Quads) in {time.perf_counter() - t0:.1f} s",
                  file=sys.stderr)
        for method in args.methods:
            proc = subprocess.run([sys.executable, __file__, "--child", method, str(path)], capture_output=True, text=True, check=False)
            if proc.returncode:
                print(f"{method}: failed\n{proc.stderr[-2000:]}", file=sys.stderr)
                continue
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            extra = f"parse {r['parse_s']:.1f} s + project {r['project_s']:.1f} s, " if "parse_s" in r else ""
            shape = f", {r['nodes']:,} nodes / {r['edges']:,} edges" if "nodes" in r else f", {r.get('rows', 0):,} rows"
            print(f"{method:16s} {r['total_s']:7.1f} s ({extra}peak RSS {r['peak_rss_mb']:,.0f} MB{shape})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
