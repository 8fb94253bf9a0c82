"""Fit the learned filter of entity nodes (kg/data/entity_filter.json) on the tune articles only.

    PYTHONPATH=. python scripts/train_entity_filter.py [--types Organization,Person,Place,State] [--report]

Each node the pipeline builds for a tune article (tests/data/tune-wire, the Wikinews `tune` half of
kg/data/eval_split.jsonl) is one example: its features are `kg.extract.entities.node_features`, its label whether one
of its names is a name of a gold entity of the article (any type, the scorer's folding). A logistic regression with a
small L2 penalty is fitted by Newton's method; the threshold is the one that gives the best entities F1 (the scorer's
matching) when each article is scored by a model fitted without it (leave one article out). The file is written with
rounded weights, so a rerun on the same data writes the same bytes.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.evaluate.gold import _Sys, _tally, fold_name, load_gold  # noqa: E402
from kg.evaluate.split import half_of  # noqa: E402
from kg.evaluate.wikinews import article_file, default_gold_dir  # noqa: E402
from kg.extract import extract  # noqa: E402
from kg.extract.entities import NODE_FEATURES, node_features  # noqa: E402
from kg.nlp import parse, pipeline  # noqa: E402
from kg.read import read_text_file  # noqa: E402
from kg.resolve import resolve  # noqa: E402

TUNE_WIRE = ROOT / "tests" / "data" / "tune-wire"
WIKINEWS = Path("/work/shared/corpus/wikinews")
OUT = ROOT / "kg" / "data" / "entity_filter.json"
PENALTY = 1.0  # L2 on every weight but the bias
THRESHOLDS = [round(0.05 * i, 2) for i in range(0, 20)]  # 0.0 keeps every node: the pipeline without the filter


def tune_pairs() -> list[tuple[Path, dict, str]]:
    """(article file, gold, source name) of every tune article, in a fixed order."""
    pairs = [(TUNE_WIRE / f"{p.stem}.txt", load_gold(p), f"tests/data/tune-wire/{p.name}") for p in sorted(TUNE_WIRE.glob("*.json"))]
    for p in sorted(default_gold_dir().glob("*.json")):
        gold = load_gold(p)
        art = article_file(gold, WIKINEWS)
        if half_of("wikinews", art.name) == "tune":
            pairs.append((art, gold, f"kg/data/gold/wikinews/{p.name}"))
    return pairs


def examples(path: Path, gold: dict) -> list[dict]:
    """Every node of one article: its features, its names and type, whether the filter judges it, its label."""
    article = read_text_file(path)
    judged = {}

    def record(entity, text, acting):
        judged[entity.key] = node_features(entity, text, acting)
        return True

    extraction, mentions = extract(article, parse(pipeline(), article.text))
    resolved = resolve(extraction, mentions, keep=record)
    gold_names = {fold_name(n) for g in gold.get("entities", []) for n in (g["name"], *g.get("mentions", []))}
    out = []
    for e in resolved.entities:
        names = {fold_name(n) for n in (e.label, *e.aliases)}
        out.append({"key": e.key, "type": e.type, "names": names, "features": judged.get(e.key),
                    "label": int(bool(names & gold_names))})
    return out


def fit(x: np.ndarray, y: np.ndarray, penalty: float = PENALTY) -> np.ndarray:
    """Logistic regression by Newton's method, L2 on all weights but the first (the bias)."""
    w = np.zeros(x.shape[1])
    ridge = np.full(x.shape[1], penalty)
    ridge[0] = 1e-6
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) + ridge * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(ridge)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return w


def entities_f1(articles: list[tuple[dict, list[dict]]], drop: list[set[str]]) -> tuple[float, int, int, int]:
    """The scorer's entities F1 over the articles with the keys of `drop` left out of each."""
    tp = fp = fn = 0
    for (gold, nodes), dropped in zip(articles, drop, strict=True):
        system = [_Sys(n["key"], n["type"], n["key"], "", {"types": [n["type"]], "names": n["names"]})
                  for n in nodes if n["key"] not in dropped]

        def ok(g: dict, s: _Sys) -> bool:
            return bool({g["type"], *g.get("accept_types", [])} & set(s.data["types"])) and bool(
                {fold_name(n) for n in (g["name"], *g.get("mentions", []))} & s.data["names"])

        section, _ = _tally("entities", gold.get("entities", []), system, ok, dict)
        tp, fp, fn = tp + section.tp, fp + section.fp, fn + section.fn
    return (2 * tp / (2 * tp + fp + fn) if tp else 0.0), tp, fp, fn


def matrix(nodes: list[dict], types: set[str]) -> tuple[np.ndarray, np.ndarray]:
    judged = [n for n in nodes if n["features"] is not None and n["type"] in types]
    x = np.array([[n["features"][f] for f in NODE_FEATURES] for n in judged]).reshape(-1, len(NODE_FEATURES))
    return x, np.array([n["label"] for n in judged], dtype=float)


def cross_validate(articles: list[tuple[dict, list[dict]]], types: set[str]) -> dict[float, tuple[float, int, int, int]]:
    """Leave one article out: each article's nodes scored by a model fitted on the others; F1 at every threshold."""
    scores = []
    for i in range(len(articles)):
        x, y = matrix([n for j, (_, nodes) in enumerate(articles) if j != i for n in nodes], types)
        w = fit(x, y)
        nodes = articles[i][1]
        scores.append({n["key"]: 1 / (1 + np.exp(-np.dot(w, [n["features"][f] for f in NODE_FEATURES])))
                       for n in nodes if n["features"] is not None and n["type"] in types})
    return {t: entities_f1(articles, [{k for k, p in s.items() if p < t} for s in scores]) for t in THRESHOLDS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--types", default="Organization", help="entity types the filter judges, comma-separated")
    parser.add_argument("--report", action="store_true", help="print the cross-validated figures and the weights")
    parser.add_argument("--cache", help="keep the examples in this JSON file and read them from it when it exists")
    args = parser.parse_args()
    types = set(args.types.split(","))
    pairs = tune_pairs()
    cache = Path(args.cache) if args.cache else None
    if cache is not None and cache.exists():
        rows = json.loads(cache.read_text())
        articles = [(gold, [{**n, "names": set(n["names"])} for n in rows[src]]) for _, gold, src in pairs]
    else:
        articles = [(gold, examples(path, gold)) for path, gold, _ in pairs]
        if cache is not None:
            cache.write_text(json.dumps({src: [{**n, "names": sorted(n["names"])} for n in nodes]
                                         for (_, _, src), (_, nodes) in zip(pairs, articles, strict=True)}))
    curve = cross_validate(articles, types)
    best = max(THRESHOLDS, key=lambda t: (round(curve[t][0], 4), -t))
    x, y = matrix([n for _, nodes in articles for n in nodes], types)
    w = fit(x, y)
    if args.report:
        print(f"{len(pairs)} articles, {len(y)} judged nodes, {int(len(y) - y.sum())} match no gold entity")
        for t in THRESHOLDS:
            f1, tp, fp, fn = curve[t]
            print(f"threshold {t:.2f}: F1 {f1:.4f} (tp {tp} fp {fp} fn {fn}){'  <- chosen' if t == best else ''}")
        for name, weight in zip(NODE_FEATURES, w, strict=True):
            print(f"  {name:18s} {weight:+.3f}")
    model = {
        "features": list(NODE_FEATURES),
        "weights": [round(float(v), 4) for v in w],
        "threshold": best,
        "types": sorted(types),
        "cross_validated": {"threshold": best, "f1": round(curve[best][0], 4), "f1_without_filter": round(curve[0.0][0], 4)},
        "source": {"script": "scripts/train_entity_filter.py", "date": "2026-12-01",
                   "training": [src for _, _, src in pairs]},
    }
    OUT.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
