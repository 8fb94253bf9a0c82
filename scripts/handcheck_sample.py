"""Draw a fixed-seed sample of Person, Organization, State and Place nodes from a built graph, for checking by hand.

Reads a graph file written by `kg build` (TriG, N-Quads, ...), lists the
distinct nodes of each type (the typed nodes of the entities graph, with
their rdfs:label) and the mentions the graph records for them (kg:evidence:
article file, anchor, sentence), and writes one CSV per type with a sample of
up to --n nodes drawn with random.Random(SEED) from the nodes sorted by IRI.
Each row carries the first mention (by article file, then offset) as its
evidence, the node's article and mention counts, the eval-split half of its
first article (kg/data/eval_split.jsonl), and empty `verdict` and `why`
columns to fill in by hand.

    python scripts/handcheck_sample.py /tmp/hc-before.trig --corpus /tmp/hc-corpus --prefix docs/handcheck/before --seed newskg-handcheck-1
    python scripts/handcheck_sample.py /tmp/hc-after.trig --prefix docs/handcheck/after --seed newskg-handcheck-1
    python scripts/handcheck_sample.py /tmp/hc-after.trig --list docs/handcheck/after-labels.tsv  # every node, no sample

Only pyoxigraph and the standard library are used, so the same script reads
graphs written by older versions of kg.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

import pyoxigraph as ox

KG = "https://w3id.org/newskg/ontology#"
ENTITIES = "https://w3id.org/newskg/id/graph/entities"
TYPES = ("Person", "Organization", "State", "Place")
PREFIXES = (f"PREFIX kg: <{KG}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            "PREFIX prov: <http://www.w3.org/ns/prov#>\n")
FIELDS = ["type", "iri", "label", "article", "half", "anchor", "sentence", "n_articles", "n_mentions", "verdict", "why"]
SPLIT = Path(__file__).resolve().parent.parent / "kg" / "data" / "eval_split.jsonl"


def rows(store: ox.Store, query: str) -> list[dict[str, str]]:
    result = store.query(PREFIXES + query, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return [{n: ("" if s[n] is None else s[n].value) for n in names} for s in result]


def halves() -> dict[str, str]:
    out = {}
    for line in SPLIT.read_text(encoding="utf-8").splitlines():
        if line.startswith("{"):
            d = json.loads(line)
            if d["resource"] == "wikinews":
                out[d["unit"]] = d["half"]
    return out


def article_files(store: ox.Store, corpus: str | None) -> dict[str, str]:
    """Article IRI -> file name: kg:file, or (graphs of older versions, which do not write it) the file of --corpus whose
    name starts with the article's date and whose first line holds its headline."""
    arts = rows(store, "PREFIX schema: <https://schema.org/>\nSELECT ?a ?file ?date ?title WHERE { ?a a kg:Article . "
                       "OPTIONAL { ?a kg:file ?file } OPTIONAL { ?a schema:datePublished ?date } OPTIONAL { ?a schema:headline ?title } }")
    first = {}
    if corpus:
        for f in sorted(Path(corpus).glob("*.txt")):
            first[f.name] = f.read_text(encoding="utf-8").split("\n", 1)[0]
    out = {}
    for r in arts:
        if r["file"]:
            out[r["a"]] = r["file"]
            continue
        hits = [n for n, line in first.items() if n.startswith(r["date"][:10]) and r["title"] and r["title"] in line]
        if len(hits) == 1:
            out[r["a"]] = hits[0]
    return out


def nodes(path: str, corpus: str | None = None) -> dict[str, list[dict]]:
    """Type -> nodes: {iri, label, mentions: [(file, start, anchor, sentence)]}, sorted by IRI."""
    store = ox.Store()
    fmt = ox.RdfFormat.from_extension(Path(path).suffix.lstrip("."))
    store.bulk_load(path=path, format=fmt, lenient=True)
    files = article_files(store, corpus)
    out: dict[str, list[dict]] = {}
    for t in TYPES:
        labels = rows(store, f"SELECT ?x ?l WHERE {{ GRAPH <{ENTITIES}> {{ ?x a kg:{t} . OPTIONAL {{ ?x rdfs:label ?l }} }} }}")
        found: dict[str, dict] = {}
        for r in labels:
            found.setdefault(r["x"], {"iri": r["x"], "label": r["l"], "mentions": set()})
        ev = rows(store, f"""SELECT ?x ?a ?start ?anchor ?sentence WHERE {{ GRAPH <{ENTITIES}> {{ ?x a kg:{t} }}
            ?x kg:evidence ?e . ?e prov:wasDerivedFrom ?a ; kg:start ?start .
            OPTIONAL {{ ?e kg:anchor ?anchor }} OPTIONAL {{ ?e kg:sentence ?sentence }} }}""")
        for r in ev:
            found[r["x"]]["mentions"].add((files.get(r["a"], r["a"].rsplit("/", 1)[-1]), int(r["start"]), r["anchor"],
                                           " ".join(r["sentence"].split())))
        for n in found.values():
            n["mentions"] = sorted(n["mentions"])
        out[t] = [found[k] for k in sorted(found)]
    return out


def row(t: str, n: dict, half: dict[str, str]) -> dict:
    first = n["mentions"][0] if n["mentions"] else ("", 0, "", "")
    return {"type": t, "iri": n["iri"].rsplit("/", 1)[-1], "label": n["label"], "article": first[0],
            "half": half.get(first[0], ""), "anchor": first[2], "sentence": first[3],
            "n_articles": len({m[0] for m in n["mentions"]}), "n_mentions": len(n["mentions"]), "verdict": "", "why": ""}


def follow(by_type: dict[str, list[dict]], prefix: str) -> None:
    """Per type: of the judged sample's nodes (PREFIX-TYPE.csv), how many judged wrong and right are still nodes of
    that type: a wrong one gone is an error fixed, a right one gone is one lost. Then every sampled node gone, by name."""
    print("| type | sampled | judged wrong | still there | judged right | still there |\n|---|---|---|---|---|---|")
    gone: list[str] = []
    for t, ns in by_type.items():
        there = {n["iri"].rsplit("/", 1)[-1] for n in ns}
        with open(f"{prefix}-{t.lower()}.csv", encoding="utf-8") as f:
            judged = list(csv.DictReader(f))
        wrong = [r["iri"] for r in judged if r["verdict"] == "wrong"]
        right = [r["iri"] for r in judged if r["verdict"] != "wrong"]
        kept = [sum(i in there for i in ids) for ids in (wrong, right)]
        print(f"| {t} | {len(judged)} | {len(wrong)} | {kept[0]} | {len(right)} | {kept[1]} |")
        gone.extend(f"{t} judged {r['verdict'] or 'right'}, gone: {r['label']!r} ({r['iri']})" for r in judged
                    if r["iri"] not in there)
    print("\n".join(gone))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("graph", help="graph file written by kg build")
    p.add_argument("--prefix", help="write PREFIX-person.csv, PREFIX-organization.csv, PREFIX-state.csv, PREFIX-place.csv")
    p.add_argument("--corpus", help="the article files built, to name the article of graphs that do not record its file")
    p.add_argument("--seed", default="newskg-handcheck-1")
    p.add_argument("--n", type=int, default=100, help="sample size per type (default 100)")
    p.add_argument("--list", help="write every node (type, iri, label, articles, anchors) to this TSV instead of sampling")
    p.add_argument("--follow", help="PREFIX of judged sample files: count how many of the nodes judged wrong and right "
                                    "are still in the graph with the same IRI and type")
    a = p.parse_args(argv)
    half = halves()
    by_type = nodes(a.graph, a.corpus)
    if a.follow:
        follow(by_type, a.follow)
    for t, ns in by_type.items():
        print(f"{t}: {len(ns)} nodes, {sum(1 for n in ns if not n['mentions'])} without evidence", file=sys.stderr)
    if a.list:
        with open(a.list, "w", encoding="utf-8") as f:
            f.write("type\tlabel\tiri\tn_articles\tarticles\tanchors\n")
            for t, ns in by_type.items():
                for n in sorted(ns, key=lambda n: (n["label"].lower(), n["iri"])):
                    files = sorted({m[0] for m in n["mentions"]})
                    anchors = sorted({" ".join(m[2].split()) for m in n["mentions"]})
                    label = " ".join(n["label"].split())
                    f.write(f"{t}\t{label}\t{n['iri'].rsplit('/', 1)[-1]}\t{len(files)}\t{' '.join(files)}\t{' | '.join(anchors)}\n")
    if a.prefix:
        for t, ns in by_type.items():
            rng = random.Random(f"{a.seed}:{t}")
            sample = rng.sample(ns, min(a.n, len(ns)))
            with open(f"{a.prefix}-{t.lower()}.csv", "w", encoding="utf-8", newline="") as f:
                w = csv.DictWriter(f, FIELDS)
                w.writeheader()
                for n in sample:
                    w.writerow(row(t, n, half))
    return 0


if __name__ == "__main__":
    sys.exit(main())
