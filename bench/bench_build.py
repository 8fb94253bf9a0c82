"""Extraction throughput: newskg's build against the bare spaCy model on the same texts, in one run.

    .venv/bin/python bench/bench_build.py [--corpus DIR] [--repeat N]

Reports articles per second and words per second for (a) the bare model
(`nlp.pipe`, the baseline) and (b) the whole newskg build (nlp with rule
components, extract, resolve, RDF), their ratio, and the peak resident memory
of each phase (ru_maxrss). Defaults to the bundled examples/ plus the Wikinews
dev corpus in ../shared/corpus/wikinews when present.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _articles(paths):
    from kg.errors import ReadError
    from kg.read import read_paths

    return [a for a in read_paths(paths) if not isinstance(a, ReadError)]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", nargs="*", default=None)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    wikinews = ROOT.parent / "shared" / "corpus" / "wikinews"
    paths = args.corpus or [ROOT / "examples"] + ([wikinews] if wikinews.is_dir() else [])
    articles = _articles(paths) * args.repeat
    words = sum(len(a.text.split()) for a in articles)

    from kg.nlp import bare_pipeline, pipeline
    from kg.pipeline import extract_articles
    from kg.rdf import to_dataset

    bare = bare_pipeline()
    list(bare.pipe(["warm up"]))
    list(pipeline().pipe(["warm up"]))

    def run_bare() -> float:
        t0 = time.perf_counter()
        for _ in bare.pipe(a.text for a in articles):
            pass
        return time.perf_counter() - t0

    def run_ours():
        t0 = time.perf_counter()
        ds = to_dataset(list(extract_articles(articles)))
        return time.perf_counter() - t0, ds

    # interleaved (bare, ours, bare, ours), best of two each, so machine noise hits both alike
    bare_s = run_bare()
    bare_mem = _peak_mb()
    ours_s, ds = run_ours()
    bare_s = min(bare_s, run_bare())
    ours_s = min(ours_s, run_ours()[0])
    ours_mem = _peak_mb()

    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"{len(articles)} articles, {words} words, {len(ds)} triples")
    print(f"{'system':28} {'articles/s':>10} {'words/s':>9} {'peak MB':>8}")
    print(f"{'bare spaCy (nlp.pipe)':28} {len(articles) / bare_s:10.1f} {words / bare_s:9.0f} {bare_mem:8.0f}")
    print(f"{'newskg build (to RDF)':28} {len(articles) / ours_s:10.1f} {words / ours_s:9.0f} {ours_mem:8.0f}")
    print(f"ratio newskg / bare time: {ours_s / bare_s:.2f}x")


if __name__ == "__main__":
    main()
