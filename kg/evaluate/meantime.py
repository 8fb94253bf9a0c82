"""Event triggers and event dates on MEANTIME dev (Wikinews business news), newskg end to end.

Texts come from the raw-article corpus (shared/corpus/wikinews/), found through
the file -> upstream document table of its SOURCE.md. Gold token anchors are
mapped to character offsets in that text by walking the tokens along the text
with whitespace removed (the corpus builder guarantees the two agree, after its
token map: `` and '' -> ", ` -> ', # before a digit -> £).

- Trigger F1 (type-agnostic): every gold EVENT_MENTION against every trigger
  span of our events (the main one and those merged into it), one-to-one,
  overlapping spans.
- Event-date accuracy: gold events anchored to a date, i.e. with an
  IS_INCLUDED or SIMULTANEOUS TLINK to a timex whose value is a calendar
  date, month or year (the finest one when there are several). Our event on
  the same trigger (an overlapping trigger span, else the same trigger word in
  the same sentence) is right when its time equals the gold value at the
  gold's granularity (`kg.evaluate.dates.is_correct`). Reported over the
  anchored events we found and over all anchored events.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.errors import EvalError
from kg.evaluate import prf
from kg.evaluate.gold import bipartite_match
from kg.evaluate.split import HALVES, by_half, half_of, report_head

ANCHORING = {"IS_INCLUDED", "SIMULTANEOUS"}
CALENDAR = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TOKEN_MAP = {"``": '"', "''": '"', "`": "'"}


def corpus_files(corpus_dir: str | Path) -> dict[str, Path]:
    """MEANTIME doc_name -> article file, from the table in the corpus SOURCE.md."""
    corpus_dir = Path(corpus_dir)
    source = corpus_dir / "SOURCE.md"
    if not source.is_file():
        raise EvalError("E010", str(source), "the raw-article corpus has no SOURCE.md to map MEANTIME documents to files")
    out = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[1].startswith("MEANTIME") and (m := re.search(r"\(([^)]+)\)", cells[2])):
            out[m[1]] = corpus_dir / cells[0]
    return out


def token_offsets(tokens: list[str], text: str) -> list[tuple[int, int]] | None:
    """Character span of each token in `text`, or None when the tokens do not spell the text."""
    forms = []
    for tok in tokens:
        if len(tok) > 2 and tok[:2] in ("``", "''") and tok[2:3].isalnum():
            forms.append('"' + tok[2:])
        else:
            forms.append(TOKEN_MAP.get(tok, tok))
    joined = re.sub(r"#(?=\d)", "\u00a3", "".join(forms))
    where = [i for i, c in enumerate(text) if not c.isspace()]
    if joined != "".join(text[i] for i in where):
        return None
    spans, cursor = [], 0
    for form in forms:
        if not form:
            spans.append((where[cursor] if cursor < len(where) else len(text),) * 2)
            continue
        spans.append((where[cursor], where[cursor + len(form) - 1] + 1))
        cursor += len(form)
    return spans


def parse_document(xml_path: Path, text: str) -> tuple[Any, list, list[tuple[int, int]], dict[str, int]] | None:
    """A MEANTIME document's root, tokens, each token's span in `text` and index by t_id; None if they do not spell it."""
    root = ET.parse(xml_path).getroot()
    tokens = root.findall("token")
    offsets = token_offsets([t.text or "" for t in tokens], text)
    if offsets is None:
        return None
    return root, tokens, offsets, {t.get("t_id"): i for i, t in enumerate(tokens)}


def gold_events(xml_path: Path, flat_rows: list[dict], text: str) -> list[dict] | None:
    """Gold event mentions with character spans, sentence span and anchored date; None if the text does not align."""
    parsed = parse_document(xml_path, text)
    if parsed is None:
        return None
    root, tokens, offsets, index = parsed
    sentences: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(tokens):
        sentences[t.get("sentence")].append(i)
    mentions = [el for el in root.find("Markables").findall("EVENT_MENTION") if el.findall("token_anchor")]
    if len(mentions) != len(flat_rows):
        return None
    out = []
    for el, row in zip(mentions, flat_rows, strict=True):
        ids = [index[a.get("t_id")] for a in el.findall("token_anchor")]
        if " ".join(tokens[i].text or "" for i in ids) != row["trigger"]:
            return None
        sent = sentences[tokens[ids[0]].get("sentence")]
        values = [t["value"] for t in row["time"] if t.get("reltype") in ANCHORING and CALENDAR.match(t.get("value") or "")]
        out.append({
            "start": offsets[ids[0]][0], "end": offsets[ids[-1]][1], "trigger": row["trigger"],
            "sentence": (offsets[sent[0]][0], offsets[sent[-1]][1]),
            "date": max(values, key=len) if values else None,
        })
    return out




def documents(meantime_dir: Path, corpus_dir: str | Path, units: dict[str, dict],
              gold: Callable[[Path, str, str], Any]) -> list[tuple[str, Any, Any]]:
    """(name, article, gold) for each MEANTIME dev document with a corpus text that `gold(xml, name, text)` aligns with.

    A document without one is noted in `units` as skipped, with the reason.
    """
    from kg.read import read_text_file

    files = corpus_files(corpus_dir)
    docs = []
    for xml_path in sorted(meantime_dir.glob("intra_cross-doc_annotation/*/*.xml")):
        name = ET.parse(xml_path).getroot().get("doc_name")
        half_of("meantime", name)
        if name not in files or not files[name].is_file():
            units[name] = {"skipped": f"{name}: no corpus text"}
            continue
        article = read_text_file(files[name])
        found = gold(xml_path, name, article.text)
        if found is None:
            units[name] = {"skipped": f"{name}: gold does not align with the corpus text"}
            continue
        docs.append((name, article, found))
    return docs


def score_meantime(meantime_dir: str | Path, flat_path: str | Path, corpus_dir: str | Path,
                   progress: Callable[[int], None] | None = None, halves=HALVES) -> dict:
    """Trigger F1 and event-date accuracy of newskg on the MEANTIME documents that have a corpus text, per half."""
    from kg.evaluate.dates import is_correct
    from kg.pipeline import extract_articles

    meantime_dir, flat_path = Path(meantime_dir), Path(flat_path)
    for path in (meantime_dir / "intra_cross-doc_annotation", flat_path):
        if not path.exists():
            raise EvalError("E010", str(path), "MEANTIME data missing: give --eval-dir DIR holding meantime_en/ and flat/")
    rows: dict[str, list[dict]] = defaultdict(list)
    with open(flat_path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            rows[row["doc_id"]].append(row)
    units: dict[str, dict] = {}
    docs = documents(meantime_dir, corpus_dir, units, lambda xml_path, name, text: gold_events(xml_path, rows.get(name, []), text))
    extractions = extract_articles([a for _, a, _ in docs])
    for (name, article, gold), extraction in zip(docs, extractions, strict=True):
        if progress is not None:
            progress(1)
        u = units[name] = {"gold": len(gold), "predicted": 0, "tp": 0, "anchored": 0, "found": 0, "correct": 0,
                           "wrong_dates": [], "unfound": []}
        triggers = [(ev, ev.start, ev.end) for e in extraction.events for ev in (e.evidence, *e.mentions)]
        owners = [e for e in extraction.events for _ in (e.evidence, *e.mentions)]
        adjacency = [[j for j, (_, s, t) in enumerate(triggers) if s < g["end"] and g["start"] < t] for g in gold]
        u["tp"] = len(bipartite_match(adjacency))
        u["predicted"] = len(triggers)
        for g, adj in zip(gold, adjacency, strict=True):
            if not g["date"]:
                continue
            u["anchored"] += 1
            candidates = [owners[j] for j in adj]
            if not candidates:  # the same trigger word in the same sentence
                a, b = g["sentence"]
                candidates = [owners[j] for j, (_, s, t) in enumerate(triggers)
                              if a <= s < b and article.text[s:t].lower() == g["trigger"].lower()]
            if not candidates:
                u["unfound"].append(f"{name}: {g['trigger']!r} ({g['date']})")
                continue
            u["found"] += 1
            event = candidates[0]
            if is_correct(event.time, ("point", g["date"])):
                u["correct"] += 1
            else:
                u["wrong_dates"].append(f"{name}: {g['trigger']!r} gold {g['date']} ours {event.time.value if event.time else None}")
    return by_half("meantime", units, summarise, halves)


def summarise(units: list[dict], details: bool = False) -> dict:
    """Trigger P/R/F1 and event-date accuracy over some documents; skipped, wrong and unfound items with `details`."""
    scored = [u for u in units if "skipped" not in u]
    total = {k: sum(u[k] for u in scored) for k in ("gold", "predicted", "tp", "anchored", "found", "correct")}
    anchored, found, correct = total["anchored"], total["found"], total["correct"]
    out = {
        "documents": len(scored), "skipped_documents": len(units) - len(scored),
        "triggers": prf(total["tp"], total["predicted"], total["gold"]),
        "dates": {"anchored": anchored, "found": found, "correct": correct,
                  "accuracy_on_found": round(correct / found, 4) if found else 0.0,
                  "accuracy_on_anchored": round(correct / anchored, 4) if anchored else 0.0,
                  "coverage": round(found / anchored, 4) if anchored else 0.0},
    }
    if details:
        out.update(skipped=[u["skipped"] for u in units if "skipped" in u],
                   wrong_dates=[w for u in scored for w in u["wrong_dates"]], unfound=[w for u in scored for w in u["unfound"]])
    return out


HEADLINE = (("trigger F1", "triggers.f1"), ("trigger precision", "triggers.precision"), ("trigger recall", "triggers.recall"),
            ("event-date accuracy on found", "dates.accuracy_on_found"),
            ("event-date accuracy on anchored", "dates.accuracy_on_anchored"), ("event-date coverage", "dates.coverage"))


def format_half(result: dict, name: str) -> str:
    """One half's trigger P/R/F1 and event-date accuracy."""
    t, d = result["triggers"], result["dates"]
    return "\n".join([
        f"MEANTIME dev [{name}]: {result['documents']} documents ({result['skipped_documents']} skipped)",
        f"  triggers (type-agnostic, overlap) P {t['precision']:.3f} R {t['recall']:.3f} F1 {t['f1']:.3f}"
        f"  (gold {t['gold']}, ours {t['predicted']}, matched {t['tp']})",
        f"  event dates: {d['anchored']} gold events anchored to a date, {d['found']} found by us, {d['correct']} dated right:"
        f" accuracy {d['accuracy_on_found']:.3f} on found, {d['accuracy_on_anchored']:.3f} on all anchored",
    ])


def format_meantime_report(result: dict, details: bool = False, half: str | None = None) -> str:
    """Plain text: tune / check / all side by side, then `tune` (`half`: that half alone); errors for `tune` only."""
    lines = report_head(result, "MEANTIME dev", HEADLINE, format_half, half)
    if details and half in (None, "tune"):
        tune = result["tune"]
        lines += [f"  skipped: {s}" for s in tune["skipped"]]
        lines += [f"  wrong date: {w}" for w in tune["wrong_dates"]]
        lines += [f"  not found: {u}" for u in tune["unfound"]]
    return "\n".join(lines)
