"""Score date normalisation and extraction against the public dev gold.

Two measures, both against DCT-relative gold:

* `score_dates`: resolve each gold expression of ``dates_gold.jsonl`` (given its text,
  sentence and DCT) with `kg.extract.timex.normalize` and with the dateparser baseline
  in the same run. The rules are those of ``shared/eval/tools/score_dates_baseline.py``:
  only calendar values are scored (GUM when/from-to, TimeML DATE/TIME); durations, sets,
  GUM notBefore/notAfter bounds and non-ISO values are skipped; rows with a missing or
  malformed DCT are skipped; the dateline is not scored. A point is right when the
  prediction equals the gold at the gold's granularity (gold "2015" needs year 2015); a
  range needs both ends. Our prediction counts as a point only at day, month or year
  granularity; for a range its earliest and latest bounds must equal the gold ends.
* `score_gum_extents`: end to end on the GUM news documents, TempEval-3 style.

dateparser is the baseline only and is imported inside the function that runs it.
"""
from __future__ import annotations

import collections
import datetime as dt
import json
import re
from pathlib import Path

from kg.errors import EvalError
from kg.evaluate import prf
from kg.evaluate.split import HALVES, by_half, gaps, half_of, side_by_side
from kg.extract.timex import find_times, normalize
from kg.records import TimeValue

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SOURCES = {("gum_news", "point"): "gum points", ("gum_news", "range"): "gum ranges",
            ("meantime", "point"): "meantime", ("meantime", "range"): "meantime"}


def gold_target(row: dict) -> tuple[str, object] | None:
    """("point", "2015-09") or ("range", (from, to)) for a scorable gold row, else None.

    GUM rows and the team's written rows (tests/data/dates_written/) give `when` or `from`/`to`;
    MEANTIME rows a TimeML `type` and `value`.
    """
    if row["source"] in ("gum_news", "written"):
        if row.get("when") and _ISO.match(row["when"][:10]):
            return ("point", row["when"][:10])
        if row.get("from") and row.get("to"):
            return ("range", (row["from"], row["to"]))
        return None
    if row.get("type") in ("DATE", "TIME") and row.get("value") and _ISO.match(row["value"][:10]):
        return ("point", row["value"][:10])
    return None


def is_correct(tv: TimeValue | None, target: tuple[str, object]) -> bool:
    """Our value against a gold target, at the gold's granularity."""
    if tv is None:
        return False
    kind, gold = target
    if kind == "point":
        return tv.granularity in ("day", "month", "year") and tv.value[:len(gold)] == gold
    first, last = gold if isinstance(gold, tuple) else (str(gold), str(gold))
    return tv.earliest.isoformat()[:len(first)] == first and tv.latest.isoformat()[:len(last)] == last


def _baseline_resolver():
    import dateparser  # the baseline only: heavy, and not a dependency of the package

    def resolve(text: str, dct: str) -> str | None:
        base = dt.datetime.fromisoformat(dct[:10])
        d = dateparser.parse(text, languages=["en"],
                             settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
        return d.date().isoformat() if d else None
    return resolve


def _tally() -> dict:
    return {"correct": 0, "total": 0}


def _finish(t: dict) -> dict:
    t["accuracy"] = round(t["correct"] / t["total"], 4) if t["total"] else 0.0
    return t


RESOURCE = {"gum_news": "gum", "meantime": "meantime"}


def score_dates(dates_gold_path: str | Path, halves=HALVES) -> dict:
    """Accuracy of `normalize` and of dateparser on the scorable rows of a dates_gold.jsonl, per half of the split.

    A row belongs to the half of its document (GUM or MEANTIME).
    """
    path = Path(dates_gold_path)
    if not path.is_file():
        raise EvalError("E010", str(path), "no date gold here: give --eval-dir DIR holding flat/dates_gold.jsonl")
    resolve = _baseline_resolver()
    units: dict[str, list[dict]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            doc = f"{RESOURCE.get(row['source'], row['source'])}:{row.get('doc_id')}"
            out = units.setdefault(doc, [])
            half_of(None, doc)
            if row.get("is_dateline"):
                out.append({"skipped": "dateline"})
                continue
            target = gold_target(row)
            if not row.get("dct") or not re.match(r"^\d{4}-\d{2}-\d{2}", row["dct"]):
                out.append({"skipped": "missing_or_malformed_dct"})
                continue
            if target is None:
                out.append({"skipped": "not_a_calendar_value"})
                continue
            kind, gold = target
            dct = dt.date.fromisoformat(row["dct"][:10])
            ours = normalize(row["text"], dct, row.get("sentence") or "")
            pred = resolve(row["text"], row["dct"])
            out.append({"source": _SOURCES.get((row["source"], kind), row["source"]), "ok": is_correct(ours, target),
                        "base_ok": kind == "point" and pred is not None and pred[:len(gold)] == gold,
                        "doc_id": row.get("doc_id"), "text": row["text"], "dct": row["dct"][:10],
                        "gold": gold if kind == "point" else "/".join(gold), "sentence": row.get("sentence", ""),
                        "predicted": ours.value if ours else None, "rule": ours.rule if ours else "", "base_predicted": pred})
    return by_half(None, units, summarise_dates, halves)


def summarise_dates(units: list[list[dict]], details: bool = False) -> dict:
    """Accuracy of ours and of dateparser per subset over some documents' rows; the misses with `details`."""
    rows = [r for doc in units for r in doc]
    skipped = collections.Counter(r["skipped"] for r in rows if "skipped" in r)
    systems = {name: {"all": _tally(), **{s: _tally() for s in ("gum points", "gum ranges", "meantime")}}
               for name in ("ours", "dateparser")}
    scored = [r for r in rows if "skipped" not in r]
    for r in scored:
        for name, good in (("ours", r["ok"]), ("dateparser", r["base_ok"])):
            for key in ("all", r["source"]):
                systems[name].setdefault(key, _tally())
                systems[name][key]["total"] += 1
                systems[name][key]["correct"] += int(good)
    for tallies in systems.values():
        for t in tallies.values():
            _finish(t)
    out = {"ours": systems["ours"], "dateparser": systems["dateparser"], "skipped": dict(skipped)}
    if details:
        keep = ("doc_id", "text", "dct", "gold", "sentence")
        out["misses"] = [{**{k: r[k] for k in keep}, "predicted": r["predicted"], "rule": r["rule"]} for r in scored if not r["ok"]]
        out["baseline_misses"] = [{**{k: r[k] for k in keep}, "predicted": r["base_predicted"]} for r in scored if not r["base_ok"]]
    return out


def score_written(path: str | Path) -> dict:
    """Accuracy of `normalize` and of dateparser on a file of team-written rows (tests/data/dates_written/).

    Rows with a calendar value are scored as the dev gold is (`gold_target`, `is_correct`); a row
    without one (a duration, a set, an open bound) is right for us when `normalize` gives nothing,
    and is not counted for dateparser. Accuracies overall, per `kind`, and every row's outcome.
    """
    resolve = _baseline_resolver()
    rows, kinds = [], collections.defaultdict(_tally)
    ours_t, base_t, none_t = _tally(), _tally(), _tally()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        target = gold_target(row)
        ours = normalize(row["text"], dt.date.fromisoformat(row["dct"]), row["sentence"])
        if target is None:
            ok, base_ok = ours is None, None
            none_t["total"] += 1
            none_t["correct"] += int(ok)
        else:
            pred = resolve(row["text"], row["dct"])
            ok = is_correct(ours, target)
            base_ok = target[0] == "point" and pred is not None and pred[:len(target[1])] == target[1]
            base_t["total"] += 1
            base_t["correct"] += int(base_ok)
        for t in (ours_t, kinds[row["kind"]]):
            t["total"] += 1
            t["correct"] += int(ok)
        gold = None if target is None else target[1] if target[0] == "point" else "/".join(target[1])
        rows.append({"id": row["doc_id"], "kind": row["kind"], "text": row["text"], "gold": gold, "ok": ok,
                     "base_ok": base_ok, "predicted": ours.value if ours else None, "rule": ours.rule if ours else ""})
    return {"ours": _finish(ours_t), "dateparser": _finish(base_t), "no_value": _finish(none_t),
            "kinds": {k: _finish(t) for k, t in sorted(kinds.items())}, "rows": rows}


# ---------------------------------------------------------------------------
# GUM end to end


def _conllu_text(path: Path) -> tuple[str, list[tuple[int, int]]]:
    """The document text (GUM's own sentence strings) and the character span of every word, in order."""
    from kg.evaluate.gum import read_conllu

    document = read_conllu(path)
    return document.text, [span for spans in document.words.values() for span in spans]


def _gum_gold(xml_path: Path) -> tuple[list[dict], str]:
    """Gold <date> spans as word-index ranges with their attributes, and the document's dateline."""
    dates, stack, n, sent_start, records = [], [], 0, 0, []
    for line in xml_path.read_text(encoding="utf-8").splitlines():
        if line.startswith("<s ") or line == "<s>":
            sent_start = n
        elif line.startswith("</s>"):
            for r in records:
                r["whole_sentence"] = r["first"] == sent_start and r["last"] == n
            records = []
        elif line.startswith("<date"):
            stack.append((dict(re.findall(r'(\w+)="([^"]*)"', line)), n))
        elif line.startswith("</date>"):
            attrs, first = stack.pop()
            rec = {"attrs": attrs, "first": first, "last": n}
            dates.append(rec)
            records.append(rec)
        elif "\t" in line and not line.startswith("<"):
            n += 1
    dateline = next((d for d in dates[:3] if d["attrs"].get("when") and d.get("whole_sentence")), None)
    dct = dateline["attrs"]["when"] if dateline else re.search(
        r'dateCreated="([^"]+)"', xml_path.read_text(encoding="utf-8")).group(1)
    for d in dates:
        d["is_dateline"] = d is dateline
    return dates, dct


def _target_of(attrs: dict) -> tuple[str, object] | None:
    return gold_target({"source": "gum_news", **attrs})




def score_gum_extents(gum_dir: str | Path, halves=HALVES) -> dict:
    """End-to-end `find_times` on the GUM news documents, TempEval-3 style, per half of the split.

    The text is rebuilt from the CoNLL-U ``# text`` lines (sentences joined by a space,
    paragraphs by a blank line) and the ``xml/`` <date> spans are mapped onto it word by
    word. As in the flat gold, the dateline (the first <date> forming a whole sentence) is
    the DCT and is not scored: it is dropped from the gold, and predictions overlapping it
    are dropped too. Strict = exact extent, relaxed = overlap (one-to-one, in text order).
    Value F1 counts a relaxed match whose value is right at the gold's granularity
    (`is_correct`); gold spans without a calendar value (bounds such as "the past few
    days") and the predictions matched to them are left out of the value scores.
    """
    gum_dir = Path(gum_dir)
    if not (gum_dir / "xml").is_dir():
        raise EvalError("E010", str(gum_dir / "xml"), "no GUM news xml here: give --eval-dir DIR holding gum_news/")
    units = {}
    for xml_path in sorted((gum_dir / "xml").glob("GUM_news_*.xml")):
        doc = xml_path.stem
        half_of("gum", doc)
        units[doc] = _gum_extents_doc(xml_path, gum_dir / "dep" / f"{doc}.conllu")
    return by_half("gum", units, summarise_extents, halves)


def _gum_extents_doc(xml_path: Path, conllu: Path) -> dict:
    """One GUM document's counts and errors (see `score_gum_extents`)."""
    doc = xml_path.stem
    text, spans = _conllu_text(conllu)
    dates, dct_s = _gum_gold(xml_path)
    dct = dt.date.fromisoformat(dct_s[:10])
    gold, dateline_span = [], None
    for d in dates:
        span = (spans[d["first"]][0], spans[d["last"] - 1][1])
        if d["is_dateline"]:
            dateline_span = span
            continue
        gold.append({"span": span, "target": _target_of(d["attrs"]), "text": text[span[0]:span[1]]})
    preds = [tv for tv in find_times(text, dct)
             if not (dateline_span and tv.start < dateline_span[1] and tv.end > dateline_span[0])]
    u = {"doc": doc, "gold": len(gold), "predicted": len(preds), "strict": 0, "relaxed": 0,
         "value_gold": sum(1 for g in gold if g["target"]), "value_pred": 0, "value_ok": 0, "value_matched": 0,
         "missed": [], "spurious": [], "wrong_value": []}
    used: set[int] = set()
    matched_pred: set[int] = set()
    for g in gold:
        a, b = g["span"]
        hit = next((i for i, tv in enumerate(preds) if i not in used and tv.start < b and tv.end > a), None)
        if hit is None:
            u["missed"].append({"doc": doc, "text": g["text"]})
            continue
        used.add(hit)
        tv = preds[hit]
        u["relaxed"] += 1
        u["strict"] += int((tv.start, tv.end) == (a, b))
        if g["target"]:
            matched_pred.add(hit)
            u["value_matched"] += 1
            if is_correct(tv, g["target"]):
                u["value_ok"] += 1
            else:
                gv = g["target"][1] if g["target"][0] == "point" else "/".join(g["target"][1])
                u["wrong_value"].append({"doc": doc, "text": tv.text, "gold": gv, "predicted": tv.value})
    u["value_pred"] = sum(1 for i in range(len(preds)) if i not in used or i in matched_pred)
    u["spurious"] = [{"doc": doc, "text": tv.text, "value": tv.value} for i, tv in enumerate(preds) if i not in used]
    return u


def summarise_extents(units: list[dict], details: bool = False) -> dict:
    """Strict, relaxed and value P/R/F1 over some GUM documents; missed, spurious and wrong values with `details`."""
    t = {k: sum(u[k] for u in units) for k in ("gold", "predicted", "strict", "relaxed", "value_gold", "value_pred",
                                               "value_ok", "value_matched")}
    value = prf(t["value_ok"], t["value_pred"], t["value_gold"])
    value["accuracy_on_relaxed_matches"] = round(t["value_ok"] / t["value_matched"], 4) if t["value_matched"] else 0.0
    out = {"documents": len(units), "gold": t["gold"], "predicted": t["predicted"],
           "strict": prf(t["strict"], t["predicted"], t["gold"]), "relaxed": prf(t["relaxed"], t["predicted"], t["gold"]),
           "value": value}
    if details:
        for key in ("missed", "spurious", "wrong_value"):
            out[key] = [x for u in units for x in u[key]]
        out["per_doc"] = {u["doc"]: {"gold": u["gold"], "predicted": u["predicted"], "relaxed": u["relaxed"]} for u in units}
    return out


# ---------------------------------------------------------------------------
# report


HEADLINE = (("normalisation accuracy, ours", "normalisation.ours.all.accuracy"),
            ("normalisation, dateparser", "normalisation.dateparser.all.accuracy"),
            ("  gum points, ours", "normalisation.ours.gum points.accuracy"),
            ("  gum ranges, ours", "normalisation.ours.gum ranges.accuracy"),
            ("  meantime, ours", "normalisation.ours.meantime.accuracy"),
            ("extraction strict F1 (GUM)", "extraction.strict.f1"), ("extraction relaxed F1 (GUM)", "extraction.relaxed.f1"),
            ("extraction value F1 (GUM)", "extraction.value.f1"))


def format_half(result: dict, name: str, details: bool = False) -> str:
    """One half of {"normalisation": ..., "extraction": ...}: scores, and with `details` (tune only) every error."""
    norm, ext = result.get("normalisation"), result.get("extraction")
    lines: list[str] = []
    if norm:
        lines.append(f"Date normalisation [{name}] (gold spans, DCT-relative)")
        lines.append(f"  {'subset':<12} {'ours':>16} {'dateparser':>16}")
        for key in ("gum points", "gum ranges", "meantime", "all"):
            o, b = norm["ours"].get(key), norm["dateparser"].get(key)
            if not o:
                continue
            lines.append(f"  {key:<12} {o['correct']:>4}/{o['total']:<4} {o['accuracy']:.3f}"
                         f"   {b['correct']:>4}/{b['total']:<4} {b['accuracy']:.3f}")
        lines.append("  skipped: " + ", ".join(f"{k} {v}" for k, v in sorted(norm["skipped"].items())))
        if details and "misses" in norm:
            lines.append(f"  our misses ({len(norm['misses'])}):")
            for m in norm["misses"]:
                lines.append(f"    {m['text']!r} dct={m['dct']} gold={m['gold']} ours={m['predicted']}")
    if ext:
        if lines:
            lines.append("")
        lines.append(f"Date extraction end to end [{name}] (GUM news, {ext['documents']} documents, dateline excluded)")
        lines.append(f"  gold {ext['gold']}, predicted {ext['predicted']}")
        for key in ("strict", "relaxed", "value"):
            s = ext[key]
            lines.append(f"  {key:<8} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
        lines.append(f"  value accuracy on relaxed matches {ext['value']['accuracy_on_relaxed_matches']:.3f}")
        if details and "missed" in ext:
            for title, key in (("missed", "missed"), ("spurious", "spurious"), ("wrong value", "wrong_value")):
                items = ext[key]
                lines.append(f"  {title} ({len(items)}): " + "; ".join(
                    f"{i['doc'][9:]}:{i['text']!r}" + (f"={i.get('predicted') or i.get('value')}"
                                                         + (f" (gold {i['gold']})" if "gold" in i else "")
                                                         if key != "missed" else "") for i in items))
    return "\n".join(lines)


def combine(normalisation: dict, extraction: dict) -> dict:
    """Per half: {"normalisation": ..., "extraction": ...}, with the gaps of both."""
    out = {h: {"normalisation": normalisation[h], "extraction": extraction[h],
               "items": normalisation[h]["items"] + extraction[h]["items"]} for h in HALVES}
    out["gap"] = gaps(out["tune"], out["check"])
    return out


def format_dates_report(result: dict, details: bool = False, half: str | None = None) -> str:
    """Plain text of `combine`d results: tune / check / all side by side, then `tune` (`half`: that half alone).

    Misses, spurious and wrong values (with `details`) are listed for `tune` only.
    """
    if half is not None:
        return format_half(result[half], half, details and half == "tune")
    return "\n".join(["Dates: tune / check / all (gap = check - tune; items = documents, counted once per measure)",
                      side_by_side(result, HEADLINE), "", format_half(result["tune"], "tune", details)])
