"""Build a knowledge graph from news articles.

Reads article files (` date YYYY-MM-DD ` header, then text), directories of
them and JSON Lines files; writes one named graph per article. The format
follows the output suffix: .trig, .nq, .ttl, .jsonld; any other is refused
before any work (E022, exit 2), and so is a store another build holds (E050).
Inputs that cannot be read, articles that are not English (E012, unless
--allow-non-english) and articles whose extraction fails (E013) are reported
with a coded error; the rest of the batch is still built, and the exit status
is 1. When no article at all is built, the output file and the store are left
as they were.

With --store, the store holds a corpus that grows: articles it already
holds (same date and text) are not parsed again, new ones are added, and an
article whose file (or URL) the store knows with other text replaces that
old version; identity across articles is redone over the whole store, in one
transaction. Running the same build again changes nothing. -o is then
optional, and the file receives the store's graph after the build. `kg
remove` retracts articles.

Extraction runs in --workers processes (default: one per core), or on a
Dask cluster with --scheduler; the graph is the same either way. Each
finished article is recorded in a journal beside the output
(.OUTPUT.journal, or .STORE.journal beside a store), so a build that was
killed continues with --resume instead of starting over; a finished build
removes its journal.

    kg build examples/ -o out/graph.trig
    kg build archive/ --store out/kgstore --workers 2      # again later: only new or edited articles are parsed
    kg build archive/ -o out/archive.nq --resume          # after an interruption
    kg build archive/ -o out/archive.nq --scheduler tcp://scheduler:8786
    kg build archive/ -o out/archive.nq --identity decisions.txt --gazetteer people.jsonl

Identity across articles runs after the extraction (README: Identity): names
folded for case, diacritics and transliteration, initials, middle names and
short first names, acronyms an article defines, former names, surnames by
context; every merge is recorded in the graph (`kg explain NAME`), and
--identity decisions override the rules.
"""
from __future__ import annotations

import argparse
import sys

HELP = "build a graph from article files, saved web pages, directories or JSON Lines; add to a store"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="article files (.txt), saved web pages (.html, .htm), directories or .jsonl files")
    p.add_argument("-o", "--output",
                   help="graph file to write (.trig, .nq, .ttl, .jsonld); optional with --store, whose graph it then receives")
    p.add_argument("--format", help="output format, overriding the suffix (trig, nquads, turtle, json-ld)")
    p.add_argument("--max-bytes", type=int, default=None, help="skip article files larger than this (default 5 MB)")
    p.add_argument("--store", help="add the articles to this embedded store directory: only new or edited ones are parsed")
    p.add_argument("--no-compact", action="store_true",
                   help="skip compacting the store after the load (2-3 s per million triples; queries run about 2x faster "
                        "on a compacted store): for many small loads into a large store, compact with the last one")
    p.add_argument("--allow-non-english", action="store_true",
                   help="build articles that read as another language too (by default they are skipped with E012)")
    p.add_argument("--workers", type=int, default=0,
                   help="extraction processes (default: one per core); each loads the model once; the graph is the same")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run the extraction on a Dask distributed cluster (tcp://HOST:8786) instead of local processes")
    p.add_argument("--resume", action="store_true",
                   help="continue an interrupted build of the same output: articles already done are not extracted again")
    p.add_argument("--identity", metavar="FILE",
                   help="your `same | A | B` / `not same | A | B` decisions on which entities are one (README: Identity); "
                        "they override the rules, and building again with a line removed or turned undoes it")
    p.add_argument("--gazetteer", metavar="FILE", action="append", default=[],
                   help="a gazetteer of people and organisations (JSON Lines, README: Identity) added to the shipped one: "
                        "names, aliases, dated former names, Wikidata ids; repeatable")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary")


def run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from kg.errors import ArticleSkipped, GraphError
    from kg.graphio import format_for
    from kg.pipeline import identity_inputs

    if not args.output and not args.store:
        raise GraphError("E022", "kg build", "nothing to write: give -o FILE, --store DIR, or both")
    if args.output:
        format_for(args.output, args.format)  # an unknown format is refused before the work, not after it
    decisions, known = identity_inputs(args.identity, args.gazetteer)  # a bad decisions or gazetteer file too
    store = None
    if args.store:
        from kg.store import open_store

        store = open_store(args.store)  # takes the store's lock now: a second build fails here, before extracting
    import os
    from pathlib import Path

    target = Path(args.output or args.store)
    journal = target.with_name(f".{target.name}.journal")
    if not args.resume:
        journal.unlink(missing_ok=True)
    elif journal.exists() and not args.quiet:
        from kg.journal import Journal

        print(f"resuming: {len(Journal(journal).done())} article(s) already extracted ({journal})", file=sys.stderr)
    workers = args.workers or os.cpu_count() or 1
    options = dict(max_bytes=args.max_bytes, allow_non_english=args.allow_non_english, workers=workers, scheduler=args.scheduler)
    with tqdm(desc="articles", unit="art", disable=args.quiet, file=sys.stderr) as bar:
        options.update(progress=bar.update, total=lambda n: setattr(bar, "total", n))
        if store is not None:
            from kg.pipeline import build_store

            given = args.identity is not None or bool(args.gazetteer)  # else the store's own identity inputs
            stream, report = build_store(args.inputs, store, journal, compact=not args.no_compact,
                                         decisions=decisions if given else None, gazetteers=[known] if given else None, **options)
        else:
            from kg.pipeline import build_stream

            stream = build_stream(args.inputs, journal, decisions=decisions, gazetteers=[known], **options)
            report = None
    for error in stream.errors:
        print(f"{'warning' if isinstance(error, ArticleSkipped) else 'error'}: {error}", file=sys.stderr)
    unused = report.unused if report is not None else stream.identity.unused
    for decision in unused:
        print(f"warning: {decision.where}: '{decision.text}' names no entity of this build", file=sys.stderr)
    if not stream.read:
        kept = " and ".join(x for x in (args.output, args.store) if x)
        print(f"error: no article was built ({len(stream.errors)} input(s) failed): {kept} left as it was", file=sys.stderr)
        return 1
    failed = f"; {len(stream.errors)} input(s) failed" if stream.errors else ""
    if report is not None:
        if args.output:
            from kg.graphio import save_store

            triples = save_store(store, args.output, args.format)
            if not args.quiet:
                print(f"wrote the store's graph to {args.output}: {triples} triples", file=sys.stderr)
        journal.unlink(missing_ok=True)
        if not args.quiet:
            print(f"store {args.store}: {report.summary()}{failed}")
            if report.unrecorded:
                print(f"warning: {report.unrecorded} article graph(s) in {args.store} have no build record (loaded by an older "
                      "newskg, or by kg.store.load_dataset): they are not part of the corpus; rebuild them from their files",
                      file=sys.stderr)
        return 1 if stream.errors else 0
    from kg.pipeline import write_stream

    counts = write_stream(stream, args.output, args.format)
    journal.unlink(missing_ok=True)  # the build is whole: nothing to resume
    if not args.quiet:
        print(f"built {len(stream.order)} article(s) into {args.output}: {counts['triples']} triples, {counts['entities']} entities, "
              f"{counts['roles']} roles, {counts['events']} events, {counts['relations']} relations{failed}")
    return 1 if stream.errors else 0
