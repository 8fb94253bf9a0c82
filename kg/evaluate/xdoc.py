"""Cross-document identity on MEANTIME dev: do mentions of one real entity or event in different articles share a node?

MEANTIME links every entity and event mention to an instance whose id is the
same in every document of a topic (`REFERS_TO` -> `ENTITY` / `EVENT`
`instance_id`). Scored pairwise, as cross-document coreference usually is:
over all pairs of gold mentions of a half, precision and recall of "same
instance" against "same cluster". A gold mention is given the cluster of the
predicted mention (entity mention or event trigger) it overlaps most; one we
did not find is a cluster of its own. Three clusterings, side by side:

- `string`: mentions with the same text (lower-cased) are one thing, the
  usual baseline, needing no system at all;
- `article keys`: newskg's entity and event keys before identity across
  articles (`kg.identity`, then `kg.event_identity.link_events`); an
  event key is the article's own (its IRI: article id and key);
- `newskg`: the keys after it, as the graph has them (an event joined to
  another article's report takes that report's node).

Entity mentions are scored all together and named ones (`NAM`) alone, since
newskg reads names, not pronouns or common nouns.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from kg.errors import EvalError
from kg.evaluate.meantime import documents, parse_document
from kg.evaluate.split import HALVES, by_half, side_by_side

METHODS = ("string", "article keys", "newskg")
KINDS = ("entities", "named entities", "events")


def gold_mentions(xml_path: Path, text: str) -> dict[str, list[dict]] | None:
    """Entity and event mentions of one document: span, text, syntactic type and instance id; None if it does not align."""
    parsed = parse_document(xml_path, text)
    if parsed is None:
        return None
    root, _, offsets, index = parsed
    markables = root.find("Markables")
    instances = {el.get("m_id"): el.get("instance_id") for el in markables if el.get("instance_id")}
    refers = {}
    relations = root.find("Relations")
    for rel in (relations.findall("REFERS_TO") if relations is not None else []):
        target = rel.find("target").get("m_id")
        for source in rel.findall("source"):
            refers[source.get("m_id")] = instances.get(target)
    name = root.get("doc_name")
    out: dict[str, list[dict]] = {"entities": [], "events": []}
    for tag, kind in (("ENTITY_MENTION", "entities"), ("EVENT_MENTION", "events")):
        for el in markables.findall(tag):
            ids = [index[a.get("t_id")] for a in el.findall("token_anchor") if a.get("t_id") in index]
            if not ids:
                continue
            start, end = offsets[ids[0]][0], offsets[ids[-1]][1]
            instance = refers.get(el.get("m_id")) or f"{name}#{el.get('m_id')}"  # unlinked: a thing of its own
            out[kind].append({"start": start, "end": end, "text": text[start:end], "named": el.get("syntactic_type") == "NAM",
                              "instance": instance})
    return out


def _assign(gold: list[dict], spans: list[tuple[int, int, str]], unfound: str) -> list[str]:
    """For each gold mention, the key of the predicted span overlapping it most, else a cluster of its own.

    Of predicted spans that overlap it equally, the tightest: 'Boeing' inside "Boeing's 747" is the maker's
    mention, not the model's, whichever was listed first.
    """
    keys = []
    for n, g in enumerate(gold):
        best, overlap, size = None, 0, 0
        for start, end, key in spans:
            shared = min(end, g["end"]) - max(start, g["start"])
            if shared > overlap or (shared == overlap and shared > 0 and end - start < size):
                best, overlap, size = key, shared, end - start
        keys.append(best if best is not None else f"{unfound}#{n}")
    return keys


def _spans(extraction) -> dict[str, list[tuple[int, int, str]]]:
    entities = [(m.start, m.end, e.key) for e in extraction.entities for m in e.mentions]
    nodes = {m.key: m.node for m in extraction.event_merges}
    events = [(ev.start, ev.end, "/".join(nodes.get(e.key, (extraction.article.id, e.key))))
              for e in extraction.events for ev in (e.evidence, *e.mentions)
              if ev.extractor.startswith("events/")]  # triggers: not the words a statement quotes
    return {"entities": entities, "events": events}


def score_xdoc(meantime_dir: str | Path, corpus_dir: str | Path, progress: Callable[[int], None] | None = None,
               halves=HALVES) -> dict:
    """Pairwise cross-document identity of entity and event mentions on MEANTIME dev, per half."""
    from kg.event_identity import link_events
    from kg.identity import corpus_identity
    from kg.pipeline import extract_articles

    meantime_dir = Path(meantime_dir)
    if not (meantime_dir / "intra_cross-doc_annotation").is_dir():
        raise EvalError("E010", str(meantime_dir / "intra_cross-doc_annotation"), "MEANTIME data missing: give --eval-dir DIR")
    units: dict[str, dict] = {}
    docs = documents(meantime_dir, corpus_dir, units, lambda xml_path, name, text: gold_mentions(xml_path, text))
    local = []
    for extraction in extract_articles([a for _, a, _ in docs]):
        local.append(extraction)
        if progress is not None:
            progress(1)
    linked = link_events(corpus_identity(local))
    for (name, _, gold), before, after in zip(docs, local, linked, strict=True):
        unit = units[name] = {}
        for kind in ("entities", "events"):
            rows = gold[kind]
            clusters = {"string": [g["text"].lower() for g in rows],
                        "article keys": _assign(rows, _spans(before)[kind], f"{name}:{kind}"),
                        "newskg": _assign(rows, _spans(after)[kind], f"{name}:{kind}")}
            unit[kind] = [(g["instance"], g["named"], {m: clusters[m][n] for m in METHODS}) for n, g in enumerate(rows)]
    return by_half("meantime", units, summarise, halves)


def _pairs(counts: Counter) -> int:
    return sum(math.comb(n, 2) for n in counts.values())


def pairwise(mentions: list[tuple[str, str]]) -> dict:
    """Pairwise P/R/F1 of (gold instance, predicted cluster) per mention.

    >>> pairwise([("a", "x"), ("a", "x"), ("b", "y"), ("b", "x")])
    {'precision': 0.3333, 'recall': 0.5, 'f1': 0.4, 'gold_pairs': 2, 'predicted_pairs': 3}
    """
    gold = _pairs(Counter(g for g, _ in mentions))
    predicted = _pairs(Counter(p for _, p in mentions))
    both = _pairs(Counter(mentions))
    precision = both / predicted if predicted else 0.0
    recall = both / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "gold_pairs": gold,
            "predicted_pairs": predicted}


def summarise(units: list[dict], details: bool = False) -> dict:
    """Pairwise scores per kind of mention and per clustering over some documents."""
    scored = [u for u in units if "skipped" not in u]
    out: dict = {"documents": len(scored), "skipped_documents": len(units) - len(scored)}
    for kind in KINDS:
        source = "events" if kind == "events" else "entities"
        rows = [r for u in scored for r in u[source] if kind != "named entities" or r[1]]
        out[kind] = {"mentions": len(rows), **{m: pairwise([(g, c[m]) for g, _, c in rows]) for m in METHODS}}
    if details:
        out["skipped"] = [u["skipped"] for u in units if "skipped" in u]
    return out


HEADLINE = tuple((f"{kind}: {method} F1", f"{kind}.{method}.f1") for kind in KINDS for method in METHODS)


def format_xdoc_report(result: dict, details: bool = False, half: str | None = None) -> str:
    """Plain text: pairwise P/R/F1 per kind and clustering, tune / check / all side by side (or one half)."""
    lines = ["MEANTIME dev, cross-document identity (pairwise over gold mentions)"]
    if half is None:
        lines += [side_by_side(result, HEADLINE), ""]
    shown = result[half or "all"]
    lines.append(f"[{half or 'all'}] {shown['documents']} documents ({shown['skipped_documents']} skipped)")
    for kind in KINDS:
        k = shown[kind]
        lines.append(f"  {kind} ({k['mentions']} mentions)")
        for method in METHODS:
            s = k[method]
            lines.append(f"    {method:<13} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
                         f"  (gold pairs {s['gold_pairs']}, predicted pairs {s['predicted_pairs']})")
    if details and half in (None, "tune"):
        lines += [f"  skipped: {s}" for s in result["tune"].get("skipped", [])]
    return "\n".join(lines)
