"""Seed-style gold on Wikinews dev articles: the gold scorer (kg.evaluate.gold) per half of the split.

The gold files (kg/data/gold/wikinews/*.json, or --gold-dir) follow the gold
README (../shared/gold/README.md), one file per article, hand-made from the
article text alone, blind to system output. Each names its article as
`corpus/wikinews/FILE`; FILE is read from the corpus folder (default
EVAL_DIR/../corpus/wikinews), a missing one is error E010 naming it, and FILE
must be a Wikinews item of kg/data/eval_split.jsonl (else E030).

Each article is built on its own (`kg.pipeline.build` of that one file, as
`kg build FILE` does), so an article's score does not depend on which other
gold files exist, and scored against its gold file with `kg.evaluate.gold.score`.
Scores are micro-aggregated over the articles of a half: true positives,
false positives and misses summed per section (entities, roles, events,
statements, relations), then P/R/F1; event-date accuracy is the dated matched
events with the exact gold date over all dated matched events. Only `tune`
keeps the per-article reports (misses and unmatched system items).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.errors import EvalError
from kg.evaluate.gold import SECTIONS, Report, Section, format_report, load_gold, score, to_json
from kg.evaluate.split import HALVES, by_half, half_of, report_head

RESOURCE = "wikinews"
HEADLINE = tuple((f"{name} F1", f"sections.{name}.f1") for name in SECTIONS) + (("event-date accuracy", "dates.accuracy"),)


def default_gold_dir() -> Path:
    """The packaged gold folder, kg/data/gold/wikinews."""
    from importlib import resources

    return Path(str(resources.files("kg.data").joinpath("gold", "wikinews")))


def gold_files(gold_dir: str | Path) -> list[Path]:
    """The gold JSON files of a folder, by name; a folder that is missing or holds none is E010."""
    gold_dir = Path(gold_dir)
    files = sorted(gold_dir.glob("*.json")) if gold_dir.is_dir() else []
    if not files:
        raise EvalError("E010", str(gold_dir), "no Wikinews gold files (*.json) here: give --gold-dir DIR")
    return files


def article_file(gold: dict, corpus_dir: Path) -> Path:
    """The corpus file a gold file names (its `article` basename in `corpus_dir`); E010 when it is not there."""
    path = corpus_dir / Path(gold["article"]).name
    if not path.is_file():
        raise EvalError("E010", str(path), f"the article of gold file {gold.get('_path', '?')} is not in the corpus folder:"
                                           " give --corpus-dir DIR (the raw Wikinews articles)")
    return path


def score_wikinews(gold_dir: str | Path, corpus_dir: str | Path, progress: Callable[[int], None] | None = None,
                   halves=HALVES) -> dict:
    """Score newskg against every gold file of `gold_dir`, article by article, and aggregate per half."""
    from kg.pipeline import build
    from kg.rdf import to_dataset

    corpus_dir = Path(corpus_dir)
    golds = [load_gold(path) for path in gold_files(gold_dir)]  # every gold file is checked before anything is built
    files = {}
    for gold in golds:
        path = article_file(gold, corpus_dir)
        half_of(RESOURCE, path.name)
        if path.name in files:
            raise EvalError("E030", gold["_path"], f"a second gold file for {path.name}")
        files[path.name] = path
    units: dict[str, Report] = {}
    for gold in golds:
        path = files[Path(gold["article"]).name]
        result = build([path])
        if result.errors:
            raise result.errors[0]
        # the gold `article` is read relative to `shared`: an absolute path points it at the corpus file itself
        units[path.name] = score(to_dataset(result.extractions), {**gold, "article": str(path.resolve())}, shared="/")
        if progress is not None:
            progress(1)
    return by_half(RESOURCE, units, summarise, halves)


def summarise(reports: list[Report], details: bool = False) -> dict:
    """Micro P/R/F1 per section and event-date accuracy over some articles; their full reports with `details`."""
    out: dict[str, Any] = {"articles": len(reports), "sections": {}}
    for name in SECTIONS:
        s = Section(name, *(sum(getattr(r.sections[name], k) for r in reports) for k in ("tp", "fp", "fn")))
        out["sections"][name] = {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": round(s.precision, 4),
                                 "recall": round(s.recall, 4), "f1": round(s.f1, 4)}
    correct, total = sum(r.dates_correct for r in reports), sum(r.dates_total for r in reports)
    out["dates"] = {"correct": correct, "total": total, "accuracy": round(correct / total, 4) if total else 0.0}
    finer = Section("finer roles", *(sum(getattr(r.finer_roles, k) for r in reports) for k in ("tp", "fp", "fn")))
    out["finer_roles"] = {"tp": finer.tp, "fp": finer.fp, "fn": finer.fn, "f1": round(finer.f1, 4)}
    out["places"] = {"correct": sum(r.places_correct for r in reports), "total": sum(r.places_total for r in reports)}
    if details:
        out["reports"] = [to_json(r) for r in reports]
        out["_text"] = [format_report(r) for r in reports]
    return out


def format_half(result: dict, name: str) -> str:
    """One half's micro P/R/F1 per section and event-date accuracy."""
    lines = [f"Wikinews gold [{name}]: {result['articles']} articles (micro over articles)"]
    for section in SECTIONS:
        s = result["sections"][section]
        lines.append(f"  {section:<12} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
                     f"   (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")
    d = result["dates"]
    lines.append(f"  event dates  {d['correct']}/{d['total']} matched dated events with the gold date = {d['accuracy']:.3f}")
    f, p = result["finer_roles"], result["places"]
    lines.append(f"  finer roles  F1 {f['f1']:.3f} (tp {f['tp']}, fp {f['fp']}, fn {f['fn']});"
                 f" places {p['correct']}/{p['total']}  [secondary]")
    return "\n".join(lines)


def format_wikinews_report(result: dict, details: bool = False, half: str | None = None) -> str:
    """Plain text: tune / check / all side by side, then `tune` (`half`: that half alone); per-article reports for `tune` only."""
    lines = report_head(result, "Wikinews gold", HEADLINE, format_half, half)
    if details and half in (None, "tune"):
        lines += ["", *result["tune"].get("_text", [])]
    return "\n".join(lines)


def public(result: dict) -> dict:
    """The result for --json: without the report text, and without per-article reports outside `tune`."""
    def keep(half: str, key: str) -> bool:
        return key != "_text" and (half == "tune" or key != "reports")

    return {h: ({k: v for k, v in r.items() if keep(h, k)} if isinstance(r, dict) and h in HALVES else r) for h, r in result.items()}
