"""PLOVER event type and dyad on the PLOVER gold-standard dev records (shared/eval/README.md, "Events").

Each record's sentence is built as an article dated with the record's date
(the upstream placeholder 2000-01-01) and run through the whole newskg
pipeline's nlp and extract stages. Typing is scored on every event the text
types (`kg.extract.events.typed_events`), known actors or not; the event the
sentence is mainly about is the one nearest the root of the parse that carries
a PLOVER type (a plain "said" Statement has none). No such event is a wrong
type and empty dyads.

Dyads are sets of ISO3 codes, of the source and target states
`kg.extract.dyads.dyad` gives the event (an actor counts as the state it
stands for: `kg.extract.dyads.actor_states`). Gold codes that are
not a state's ISO3 code (IGO, NGO, IMG ...) are left out of both sides and
counted. A record whose markup reads SRC/TAR ("X and Y agreed") is unordered:
its gold and predicted source and target sets are both the union of the two.
Source, target and dyad (both together) F1 are micro-averaged over records.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from kg.errors import EvalError
from kg.evaluate import prf
from kg.evaluate.split import HALVES, by_half, half_of, report_head
from kg.records import Extraction


@lru_cache(maxsize=1)
def _iso3() -> dict[str, str]:
    """State id -> ISO3 code."""
    from kg.gazetteer import entries

    return {k: e.extra["iso3"] for k, e in entries().items() if e.type == "State" and e.extra.get("iso3")}


def actor_codes(extraction: Extraction, keys: set[str], states: dict[str, str] | None = None) -> set[str]:
    """ISO3 codes of entity keys through the states they stand for (`kg.extract.dyads.actor_states`; without `states`,
    those of the gazetteer entries and of the extraction's roles)."""
    from kg.extract.dyads import actor_states
    from kg.gazetteer import state_of

    if states is None:
        states = actor_states((), extraction.roles, extraction.article.date)
    return {code for key in keys if (code := _iso3().get(states.get(key) or state_of(key)))}


def main_event(extraction: Extraction):
    """The first event with a PLOVER type in the extraction's order (main clause first), or None."""
    return next((e for e in extraction.events if e.plover), None)


def typed_extractions(articles):
    """Per article: the roles and every typed event, main clause first (see `typed_events`), and the state each actor
    stands for (`kg.extract.dyads.actor_states`)."""
    from kg.extract.dyads import actor_states
    from kg.extract.entities import extract_mentions
    from kg.extract.events import context, typed_events
    from kg.extract.roles import extract_roles
    from kg.nlp import pipeline

    for article, doc in zip(articles, pipeline().pipe(a.text for a in articles), strict=True):
        mentions = extract_mentions(doc)
        events = typed_events(context(doc, article, mentions))
        roles = tuple(extract_roles(doc, article.date))
        yield Extraction(article=article, roles=roles, events=tuple(events)), actor_states(mentions, roles, article.date)


def gold_codes(value) -> list[str]:
    """Codes of a gold source/target field (a list of actors, one actor, '' or None)."""
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return []
    return [a["code"] for a in value if isinstance(a, dict) and a.get("code")]


def read_records(path: str | Path) -> list[dict]:
    """The event records of a PLOVER GSR JSON file (DOCUMENT records skipped); a missing file is E010."""
    path = Path(path)
    if not path.is_file():
        raise EvalError("E010", str(path), "no PLOVER records here: give --eval-dir DIR holding plover_gsr/plover_dev.json")
    return [r for r in json.loads(path.read_text(encoding="utf-8")) if isinstance(r, dict) and r.get("event") != "DOCUMENT"]


def markup(record: dict) -> str:
    """The record's event markup: `textInfo` is an object with `markup`, or (upstream allows it) the markup string itself."""
    info = record.get("textInfo")
    if isinstance(info, dict):
        return str(info.get("markup") or "")
    return info if isinstance(info, str) else ""


def score_record(record: dict, extraction: Extraction, valid: set[str], states: dict[str, str] | None = None) -> dict:
    """One record's gold and predicted type and ISO3 dyad sets (reciprocal records made unordered); `states` as in
    `actor_codes`."""
    from kg.extract.dyads import actor_states, dyad

    event = main_event(extraction)
    if states is None:
        states = actor_states((), extraction.roles, extraction.article.date)
    gold, dropped = {}, []
    for side in ("source", "target"):
        codes = gold_codes(record.get(side))
        dropped += [c for c in codes if c not in valid]
        gold[side] = {c for c in codes if c in valid}
    system: dict[str, set[str]] = {"source": set(), "target": set()}
    if event is not None:
        sources, targets = dyad(event, states)
        system = {"source": {c for s in sources if (c := _iso3().get(s))}, "target": {c for s in targets if (c := _iso3().get(s))}}
    reciprocal = "SRC/TAR" in markup(record)
    if reciprocal:
        gold = dict.fromkeys(gold, gold["source"] | gold["target"])
        system = dict.fromkeys(system, system["source"] | system["target"])
    return {"id": record["id"], "gold": record["event"], "predicted": event.plover if event else None,
            "trigger": extraction.article.text[event.evidence.start:event.evidence.end] if event else "",
            "gold_dyad": {k: sorted(v) for k, v in gold.items()}, "dyad": {k: sorted(v) for k, v in system.items()},
            "reciprocal": reciprocal, "dropped": dropped, "text": record["text"]}


def summarise(rows: list[dict], details: bool = False) -> dict:
    """Type accuracy, macro-F1 over the gold types, ISO3 dyad F1 of scored records; confusion and rows with `details`."""
    confusion: Counter = Counter((r["gold"], r["predicted"] or "-") for r in rows)
    tally = {side: [0, 0, 0] for side in ("source", "target")}  # tp, predicted, gold
    for r in rows:
        for side in tally:
            system, gold = set(r["dyad"][side]), set(r["gold_dyad"][side])
            tally[side][0] += len(system & gold)
            tally[side][1] += len(system)
            tally[side][2] += len(gold)
    types = sorted({r["gold"] for r in rows})
    per_type = {}
    for t in types:
        tp = confusion[(t, t)]
        per_type[t] = prf(tp, sum(n for (_, p), n in confusion.items() if p == t), sum(n for (g, _), n in confusion.items() if g == t))
    correct = sum(confusion[(t, t)] for t in types)
    dyad = [sum(tally[s][i] for s in tally) for i in range(3)]
    exact = sum(1 for r in rows if r["predicted"] == r["gold"] and r["dyad"] == r["gold_dyad"])
    out = {
        "records": len(rows), "correct": correct, "accuracy": round(correct / len(rows), 4) if rows else 0.0,
        "macro_f1": round(sum(p["f1"] for p in per_type.values()) / len(per_type), 4) if per_type else 0.0,
        "no_event": sum(1 for r in rows if r["predicted"] is None),
        "source": prf(*tally["source"]), "target": prf(*tally["target"]), "dyad": prf(*dyad),
        "type_and_dyad_exact": round(exact / len(rows), 4) if rows else 0.0,
        "non_state_codes_left_out": dict(Counter(c for r in rows for c in r["dropped"]).most_common()),
    }
    if details:
        out.update(per_type=per_type, confusion={f"{g}|{p}": n for (g, p), n in sorted(confusion.items())}, rows=rows)
    return out


def score_plover(path: str | Path, progress: Callable[[int], None] | None = None, halves=HALVES) -> dict:
    """newskg on PLOVER records, per half of the split (tune, check, all): see `summarise`."""
    from kg.read import make_article

    records = read_records(path)
    for r in records:  # every record is in the split before any work
        half_of("plover", r["id"])
    articles = []
    for r in records:
        try:
            date = dt.date.fromisoformat(r.get("date") or "")
        except ValueError:
            date = dt.date(2000, 1, 1)
        articles.append(make_article(date, r["text"], title=r["id"]))
    valid = set(_iso3().values())
    units = {}
    for record, (extraction, states) in zip(records, typed_extractions(articles), strict=True):
        if progress is not None:
            progress(1)
        units[record["id"]] = score_record(record, extraction, valid, states)
    return by_half("plover", units, summarise, halves)


def confusion_table(result: dict) -> str:
    """Gold types as rows, predicted types as columns ('-' = no event)."""
    cells = {tuple(k.split("|")): n for k, n in result["confusion"].items()}
    gold = sorted({g for g, _ in cells})
    predicted = sorted({p for _, p in cells} - {"-"}) + ["-"]
    width = max(len(t) for t in gold + predicted) + 1
    head = " " * width + "".join(f"{p[:5]:>6}" for p in predicted)
    lines = [head] + [f"{g:<{width}}" + "".join(f"{cells.get((g, p), 0) or '.':>6}" for p in predicted) for g in gold]
    return "\n".join(lines)


HEADLINE = (("type accuracy", "accuracy"), ("type macro-F1", "macro_f1"), ("dyad F1", "dyad.f1"),
            ("source F1", "source.f1"), ("target F1", "target.f1"), ("type and dyad exact", "type_and_dyad_exact"))


def format_half(r: dict, name: str) -> str:
    """One half's aggregate scores; per type, the confusion table and (with rows) every error when it is `tune`."""
    lines = [
        f"PLOVER GSR dev [{name}]: {r['records']} records, type accuracy {r['correct']}/{r['records']} = "
        f"{r['accuracy']:.3f}, macro-F1 {r['macro_f1']:.3f}, no event {r['no_event']}",
        "  dyads (ISO3 sets): " + ", ".join(f"{k} P {r[k]['precision']:.3f} R {r[k]['recall']:.3f} F1 {r[k]['f1']:.3f}"
                                            for k in ("source", "target", "dyad")),
        f"  type and dyad both exact: {r['type_and_dyad_exact']:.3f}; non-state gold codes left out: "
        + (", ".join(f"{k} {v}" for k, v in r["non_state_codes_left_out"].items()) or "none"),
    ]
    if "per_type" in r:
        lines.append("  per type F1: " + ", ".join(f"{t} {p['f1']:.2f}" for t, p in r["per_type"].items()))
        lines.append("  confusion (rows gold, columns predicted):")
        lines += ["    " + line for line in confusion_table(r).splitlines()]
    return "\n".join(lines)


def format_plover_report(result: dict, details: bool = False, half: str | None = None) -> str:
    """Plain text: tune, check and all side by side; `tune` alone carries per-type scores, confusion and (details) errors.

    `half` prints that half alone (aggregate scores only unless it is `tune`).
    """
    lines = report_head(result, "PLOVER GSR dev", HEADLINE, format_half, half)
    tune = result.get("tune") if half in (None, "tune") else None
    if details and tune:
        for r in tune["rows"]:
            if r["predicted"] != r["gold"] or r["dyad"] != r["gold_dyad"]:
                lines.append(f"  {r['id']}: gold {r['gold']} {r['gold_dyad']} predicted {r['predicted']} {r['dyad']} "
                             f"trigger {r['trigger']!r}: {r['text'][:120]}")
    return "\n".join(lines)


def score_written(path: str | Path) -> dict:
    """Type accuracy and dyads on a file of team-written sentences (tests/data/plover_written/*.jsonl, the construction
    line format with a `dyad` expectation): see `summarise`. A line expecting no typed event (`"plover": null`) has the
    gold type '-'; a side the line leaves out has no gold state, and source and target equal mean an unordered dyad."""
    from kg.read import make_article

    cases = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    articles = [make_article(dt.date.fromisoformat(c.get("date", "2024-03-05")), c["text"], title=c["id"]) for c in cases]
    valid = set(_iso3().values())
    rows = []
    for case, (extraction, states) in zip(cases, typed_extractions(articles), strict=True):
        want = case["expect"]["dyad"]
        record = {"id": case["id"], "event": want.get("plover") or "-", "text": case["text"],
                  **{side: [{"code": c} for c in want.get(side, ())] for side in ("source", "target")},
                  "textInfo": {"markup": "SRC/TAR" if want.get("source") and want.get("source") == want.get("target") else ""}}
        rows.append(score_record(record, extraction, valid, states))
    return summarise(rows, details=True)
