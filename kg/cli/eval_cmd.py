"""Score a graph against gold files, or run one benchmark on the public evaluation data.

    kg eval out/graph.trig ../shared/gold/*.json [--json scores.json] [--summary]
    kg eval --dates | --gum | --plover | --meantime | --xdoc | --redocred | --petrarch | --wikinews
            [--eval-dir DIR] [--half tune|check|all] [--json FILE] [--details]
    kg eval --wikinews [--gold-dir DIR] [--corpus-dir DIR] [--half tune|check|all] [--json FILE] [--details]

Gold files follow the gold README (../shared/gold/README.md): the report gives
precision, recall and F1 for entities, roles, events, statements and
relations, the date accuracy of matched events, then every missed gold item
and every unmatched system item. A gold file that cannot be used is error
E030 (exit 2).

The benchmarks read DIR: --eval-dir, else $KG_EVAL_DIR, else ../shared/eval
from the current directory, in the layout of the shared README (flat/,
gum_news/, meantime_en/, plover_gsr/, redocred_political/,
petrarch2_unittest/); a missing file is error E010 naming it. --meantime also
reads the raw articles in --corpus-dir (default DIR/../corpus/wikinews).
--wikinews builds each Wikinews dev article that has a seed-style gold file
(--gold-dir, default the packaged kg/data/gold/wikinews) from --corpus-dir
(default DIR/../corpus/wikinews; a missing article is E010 naming it), scores
it with the gold scorer above and reports micro P/R/F1 per section and the
event-date accuracy.
--dates needs dateparser (pip install newskg[eval]) for its baseline.

Every benchmark scores the fixed `tune` and `check` halves of the split
(kg/data/eval_split.jsonl) and `all`, side by side with the gap; --half
prints one. Item-by-item detail (--details: misses, false positives,
confusion) is printed for `tune` only: `check` is read as aggregate scores.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

HELP = "score a graph against gold files, or run a benchmark on the evaluation data"
BENCHMARKS = ("dates", "gum", "plover", "meantime", "xdoc", "redocred", "petrarch", "wikinews")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("graph", nargs="?", metavar="GRAPH", help="graph file to score (.trig, .nq, .ttl, .jsonld)")
    p.add_argument("gold", nargs="*", metavar="GOLD", help="gold JSON files (see the gold README)")
    bench = p.add_mutually_exclusive_group()
    bench.add_argument("--dates", action="store_true", help="date normalisation and extraction (flat/dates_gold.jsonl, GUM news)")
    bench.add_argument("--gum", action="store_true", help="named entities on GUM news: newskg against the bare spaCy model")
    bench.add_argument("--plover", action="store_true", help="PLOVER event type and dyads (plover_gsr/plover_dev.json)")
    bench.add_argument("--meantime", action="store_true", help="event triggers and event dates on MEANTIME dev")
    bench.add_argument("--xdoc", action="store_true",
                       help="cross-document identity of entity and event mentions on MEANTIME dev (pairwise P/R/F1)")
    bench.add_argument("--redocred", action="store_true",
                       help="positions held and political relations (P39 P35 P6 P488 P102 P27) on Re-DocRED dev, with a baseline")
    bench.add_argument("--petrarch", action="store_true", help="pass rate on the PETRARCH-2 unit-test records (source, target, CAMEO code)")
    bench.add_argument("--wikinews", action="store_true",
                       help="seed-style gold on Wikinews dev articles: each article built alone and scored with the gold scorer,"
                            " micro P/R/F1 per section (entities, roles, events, statements, relations) and event-date accuracy")
    p.add_argument("--half", choices=("tune", "check", "all"),
                   help="benchmarks: print this half of the split alone (default: tune, check and all side by side)")
    p.add_argument("--eval-dir", metavar="DIR", help="evaluation data folder (default: $KG_EVAL_DIR, else ../shared/eval)")
    p.add_argument("--corpus-dir", metavar="DIR",
                   help="raw Wikinews articles for --meantime, --xdoc and --wikinews (default: DIR/../corpus/wikinews)")
    p.add_argument("--gold-dir", metavar="DIR", help="--wikinews: folder of gold JSON files (default: the packaged kg/data/gold/wikinews)")
    p.add_argument("--shared", metavar="DIR", help="folder the gold `article` paths are relative to (default: the gold folder's parent)")
    p.add_argument("--json", metavar="FILE", help="also write the scores as JSON to FILE")
    p.add_argument("--summary", action="store_true", help="gold reports: scores only, without the missed and unmatched items")
    p.add_argument("--details", action="store_true", help="benchmarks: also list every error of the tune half")
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def eval_dir(value: str | None) -> Path:
    """--eval-dir, else $KG_EVAL_DIR, else ../shared/eval relative to the current directory."""
    from kg.errors import EvalError

    path = Path(value or os.environ.get("KG_EVAL_DIR") or Path.cwd() / ".." / "shared" / "eval")
    if not path.is_dir():
        raise EvalError("E010", str(path), "no evaluation data folder here: give --eval-dir DIR or set KG_EVAL_DIR")
    return path


def _write_json(path: str, data: object) -> None:
    from kg.rdf import write_atomic

    write_atomic(path, json.dumps(data, indent=2, ensure_ascii=False, default=str).encode("utf-8"))


def _benchmark(args: argparse.Namespace, name: str) -> int:
    from tqdm import tqdm

    # --wikinews needs the evaluation folder only to find the corpus beside it
    root = eval_dir(args.eval_dir) if name != "wikinews" or not args.corpus_dir else None
    half = args.half
    with tqdm(desc=name, unit="doc", disable=args.quiet, file=sys.stderr) as bar:
        if name == "dates":
            try:
                from kg.evaluate.dates import combine, format_dates_report, score_dates, score_gum_extents

                result = combine(score_dates(root / "flat" / "dates_gold.jsonl"), score_gum_extents(root / "gum_news"))
            except ModuleNotFoundError as exc:
                if exc.name != "dateparser":
                    raise
                print("error: --dates needs dateparser for its baseline: pip install newskg[eval]", file=sys.stderr)
                return 2
            text = format_dates_report(result, details=args.details, half=half)
        elif name == "gum":
            from kg.evaluate.gum import format_gum_report, score_gum

            result = score_gum(root / "gum_news", root / "flat" / "gum_news_entities.jsonl", progress=bar.update)
            text = format_gum_report(result, details=args.details, half=half)
        elif name == "plover":
            from kg.evaluate.plover import format_plover_report, score_plover

            result = score_plover(root / "plover_gsr" / "plover_dev.json", progress=bar.update)
            text = format_plover_report(result, details=args.details, half=half)
        elif name == "meantime":
            from kg.evaluate.meantime import format_meantime_report, score_meantime

            corpus = Path(args.corpus_dir) if args.corpus_dir else root.parent / "corpus" / "wikinews"
            result = score_meantime(root / "meantime_en", root / "flat" / "meantime_events.jsonl", corpus, progress=bar.update)
            text = format_meantime_report(result, details=args.details, half=half)
        elif name == "xdoc":
            from kg.evaluate.xdoc import format_xdoc_report, score_xdoc

            corpus = Path(args.corpus_dir) if args.corpus_dir else root.parent / "corpus" / "wikinews"
            result = score_xdoc(root / "meantime_en", corpus, progress=bar.update)
            text = format_xdoc_report(result, details=args.details, half=half)
        elif name == "redocred":
            from kg.evaluate.redocred import format_redocred_report, score_redocred

            result = score_redocred(root / "redocred_political" / "redocred_dev_political.json", progress=bar.update)
            text = format_redocred_report(result, details=args.details, half=half)
        elif name == "wikinews":
            from kg.evaluate.wikinews import default_gold_dir, format_wikinews_report, public, score_wikinews

            corpus = Path(args.corpus_dir) if args.corpus_dir else root.parent / "corpus" / "wikinews"
            result = score_wikinews(Path(args.gold_dir) if args.gold_dir else default_gold_dir(), corpus, progress=bar.update)
            text = format_wikinews_report(result, details=args.details, half=half)
            result = public(result)
        else:
            from kg.evaluate.petrarch import format_petrarch_report, score_petrarch

            result = score_petrarch(root / "petrarch2_unittest", progress=bar.update)
            text = format_petrarch_report(result, details=args.details, half=half)
    print(text)
    if args.json:
        _write_json(args.json, {h: result[h] for h in (half,)} if half else result)
    return 0


def _total(reports) -> str:
    from kg.evaluate.gold import SECTIONS, Section

    lines = [f"total over {len(reports)} gold files (micro)"]
    for name in SECTIONS:
        s = Section(name, *(sum(getattr(r.sections[name], k) for r in reports) for k in ("tp", "fp", "fn")))
        lines.append(f"  {name:<12} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}")
    correct, total = sum(r.dates_correct for r in reports), sum(r.dates_total for r in reports)
    lines.append(f"  date accuracy {correct}/{total}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    chosen = [name for name in BENCHMARKS if getattr(args, name)]
    if chosen:
        if args.graph or args.gold:
            print(f"error: GRAPH and GOLD are not used with --{chosen[0]}", file=sys.stderr)
            return 2
        return _benchmark(args, chosen[0])
    if not args.graph or not args.gold:
        print("error: give a GRAPH and at least one GOLD file, or one of " + ", ".join(f"--{b}" for b in BENCHMARKS), file=sys.stderr)
        return 2
    from kg.evaluate.gold import format_report, load_gold, score, to_json
    from kg.rdf import load

    golds = [load_gold(path) for path in args.gold]  # every gold file is checked before the graph is read
    ds = load(args.graph)
    reports = [score(ds, gold, shared=args.shared) for gold in golds]
    print("\n\n".join(format_report(r, summary=args.summary) for r in reports))
    if len(reports) > 1:
        print("\n" + _total(reports))
    if args.json:
        _write_json(args.json, [to_json(r) for r in reports])
    return 0
