"""Named-entity spans and types on the 24 GUM news articles: newskg against the bare spaCy model.

Gold (shared/eval/README.md, "Entities and links"): the rows of
`flat/gum_news_entities.jsonl` typed person, organization or place that are
named (`has_propn` or a non-null `wikipedia`). GUM types by role, so an
organization or place whose Wikipedia identity is a state (a name in the
bundled state gazetteer: "United States", "North Korea") is a State.

Classes compared: Person, Organization and Location. Place and State are one
class, Location, because the bare model has one label (GPE) for both and GUM
itself types "North Korea" as organization or place by its role; a finer
four-class score (State apart from Place) is reported for newskg only.

Systems, both run on the same text, rebuilt from `dep/*.conllu` (GUM's own
sentence strings; a blank line between paragraphs) so that gold word spans map
to character offsets:

- bare: `kg.nlp.bare_pipeline()` ents; PERSON -> Person, ORG -> Organization,
  GPE/LOC/FAC -> Location; NORP and the rest ignored.
- newskg: `kg.nlp.pipeline()` + `extract_mentions`; nominal mentions ("the
  Serbian president") and demonyms ("Afghan") are left out, as GUM named
  mentions are names and the bare baseline ignores NORP.

The headline gold follows the README (pronouns linked to Wikipedia count as
named, and no system finds them); the scores on gold mentions holding a proper
noun are reported beside it.

A match is one-to-one (maximum matching) with the same class and the same
character span (exact) or overlapping spans (overlap).
"""
from __future__ import annotations

import json
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import EvalError
from kg.evaluate import prf
from kg.evaluate.gold import bipartite_match
from kg.evaluate.split import HALVES, by_half, half_of, report_head

CLASSES = ("Person", "Organization", "Location")
FINE = ("Person", "Organization", "State", "Place")
BARE_LABELS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Location", "LOC": "Location", "FAC": "Location"}
SYSTEMS = ("bare", "newskg")


@dataclass(frozen=True)
class Span:
    """A typed character span of one document."""

    start: int
    end: int
    type: str  # Person, Organization, State, Place (gold and newskg) or Location (bare)
    text: str = ""

    @property
    def cls(self) -> str:
        return "Location" if self.type in {"State", "Place"} else self.type


@dataclass
class Document:
    """A GUM document's text and the character span of every word, by sentence id."""

    name: str
    text: str
    words: dict[str, list[tuple[int, int]]]


def read_conllu(path: str | Path) -> Document:
    """Text from the `# text` lines (paragraphs split by a blank line) and word offsets per sentence."""
    path = Path(path)
    text, words = "", {}
    sent_id, sentence, new_par, rows = "", None, False, []

    def flush() -> None:
        nonlocal text
        if text:
            text += "\n\n" if new_par else " "
        base, cursor, spans = len(text), 0, []
        text += sentence
        mwt: tuple[int, int, int] | None = None  # last word id, start, end of a multiword token
        for kind, form, ident in rows:
            at = sentence.find(form, cursor)
            if at < 0 or (mwt and ident <= mwt[0] and at >= mwt[2]):
                at = mwt[1] if mwt and ident <= mwt[0] else cursor + len(sentence[cursor:]) - len(sentence[cursor:].lstrip())
                end = mwt[2] if mwt and ident <= mwt[0] else at + len(form)
            else:
                end = at + len(form)
            if kind == "mwt":
                mwt = (ident, at, end)
                continue
            spans.append((base + at, base + end))
            cursor = end
        words[sent_id] = spans

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar"):
            new_par = True
        elif line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("# text = "):
            sentence = line[len("# text = "):]
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            if "-" in cols[0]:
                rows.append(("mwt", cols[1], int(cols[0].split("-")[1])))
            elif "." not in cols[0]:
                rows.append(("word", cols[1], int(cols[0])))
        elif not line and sentence is not None:
            flush()
            sentence, new_par, rows = None, False, []
    if sentence is not None:
        flush()
    return Document(path.stem, text, words)


@lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    from kg.gazetteer import entries

    return frozenset(n.lower() for e in entries().values() if e.type == "State" for n in e.names)


def gold_type(row: dict) -> str | None:
    """Our type for a named GUM mention, or None when it is not a named person, organization or place."""
    if row["etype"] not in {"person", "organization", "place"} or not (row.get("has_propn") or row.get("wikipedia")):
        return None
    if row["etype"] == "person":
        return "Person"
    identity = urllib.parse.unquote(row.get("wikipedia") or "").replace("_", " ").lower()
    if identity in _state_names():
        return "State"
    return "Organization" if row["etype"] == "organization" else "Place"


def gold_spans(flat_path: str | Path, documents: dict[str, Document], propn_only: bool = False) -> dict[str, list[Span]]:
    """Named gold mentions of each document as character spans (`propn_only`: those with a proper noun)."""
    out: dict[str, list[Span]] = {name: [] for name in documents}
    with open(flat_path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            doc = documents.get(row["doc_id"])
            kind = gold_type(row)
            if doc is None or kind is None or (propn_only and not row.get("has_propn")):
                continue
            words = doc.words[row["sent_id"]]
            first, last = row["token_span"]
            start, end = words[first][0], words[last - 1][1]
            out[row["doc_id"]].append(Span(start, end, kind, doc.text[start:end]))
    return out


def bare_spans(doc) -> list[Span]:
    """The bare model's entities in our classes."""
    return [Span(e.start_char, e.end_char, BARE_LABELS[e.label_], e.text) for e in doc.ents if e.label_ in BARE_LABELS]


def newskg_spans(doc) -> list[Span]:
    """newskg's name mentions: no nominal mentions, no demonyms that are not also names."""
    from kg.extract.entities import extract_mentions
    from kg.gazetteer import entries

    out = []
    for m in extract_mentions(doc):
        if m.rule.startswith("nominal"):
            continue
        if m.rule == "gazetteer-demonym" and m.text not in entries()[m.key].names:
            continue
        out.append(Span(m.start, m.end, m.type, m.text))
    return out




def match_count(gold: list[Span], pred: list[Span], exact: bool, key: Callable[[Span], str]) -> int:
    """Size of a one-to-one matching of same-class spans (exact extent or overlap)."""
    adjacency = [[j for j, p in enumerate(pred) if key(p) == key(g) and
                  ((p.start, p.end) == (g.start, g.end) if exact else p.start < g.end and g.start < p.end)]
                 for g in gold]
    return len(bipartite_match(adjacency))


def span_scores(gold: dict[str, list[Span]], pred: dict[str, list[Span]], classes: Iterable[str], key: Callable[[Span], str]) -> dict:
    """Micro P/R/F1, exact and overlap, per class and overall."""
    out: dict = {}
    classes = tuple(classes)
    for mode in ("exact", "overlap"):
        out[mode] = {}
        for cls in (*classes, "overall"):
            tp = n_pred = n_gold = 0
            for name, gold_doc in gold.items():
                g = [s for s in gold_doc if cls == "overall" or key(s) == cls]
                p = [s for s in pred.get(name, []) if (key(s) in classes) and (cls == "overall" or key(s) == cls)]
                tp += match_count(g, p, mode == "exact", key)
                n_pred += len(p)
                n_gold += len(g)
            out[mode][cls] = prf(tp, n_pred, n_gold)
    return out


def score_gum(gum_dir: str | Path, flat_path: str | Path, progress: Callable[[int], None] | None = None, halves=HALVES) -> dict:
    """Span + type scores of the bare model and of newskg on the GUM news documents, per half of the split."""
    from kg.nlp import bare_pipeline, pipeline

    gum_dir, flat_path = Path(gum_dir), Path(flat_path)
    for path in (gum_dir / "dep", flat_path):
        if not path.exists():
            raise EvalError("E010", str(path), "GUM news data missing: give --eval-dir DIR holding gum_news/dep and flat/")
    documents = {p.stem: read_conllu(p) for p in sorted(Path(gum_dir, "dep").glob("GUM_news_*.conllu"))}
    for name in documents:
        half_of("gum", name)
    gold = gold_spans(flat_path, documents)
    propn = gold_spans(flat_path, documents, propn_only=True)
    texts = [d.text for d in documents.values()]
    units = {name: {"name": name, "gold": gold[name], "propn": propn[name]} for name in documents}
    for system, nlp, read in (("bare", bare_pipeline(), bare_spans), ("newskg", pipeline(), newskg_spans)):
        for name, doc in zip(documents, nlp.pipe(texts), strict=True):
            units[name][system] = read(doc)
            if progress is not None:
                progress(1)
    return by_half("gum", units, summarise, halves)


def summarise(units: list[dict], details: bool = False) -> dict:
    """Scores over some documents (`units` of `score_gum`); newskg's misses and spurious spans with `details`."""
    gold = {u["name"]: u["gold"] for u in units}
    propn = {u["name"]: u["propn"] for u in units}
    pred = {system: {u["name"]: u[system] for u in units} for system in SYSTEMS}
    result = {
        "documents": len(units), "gold_mentions": sum(len(g) for g in gold.values()),
        "bare": span_scores(gold, pred["bare"], CLASSES, lambda s: s.cls),
        "newskg": span_scores(gold, pred["newskg"], CLASSES, lambda s: s.cls),
        "newskg_fine": span_scores(gold, pred["newskg"], FINE, lambda s: s.type),
        "propn_only": {"gold_mentions": sum(len(g) for g in propn.values()),
                       **{system: span_scores(propn, pred[system], CLASSES, lambda s: s.cls) for system in SYSTEMS}},
    }
    if details:
        result["misses"] = _errors(gold, pred["newskg"])
    return result


def _errors(gold: dict[str, list[Span]], pred: dict[str, list[Span]]) -> dict:
    """newskg's gold mentions with no overlapping same-class prediction, and predictions with no such gold."""
    missed, spurious = [], []
    for name, g in gold.items():
        p = pred.get(name, [])
        adjacency = [[j for j, s in enumerate(p) if s.cls == x.cls and s.start < x.end and x.start < s.end] for x in g]
        match = bipartite_match(adjacency)
        missed += [f"{name[9:]}: {x.type} {x.text!r}" for i, x in enumerate(g) if i not in match]
        used = set(match.values())
        spurious += [f"{name[9:]}: {s.type} {s.text!r}" for j, s in enumerate(p) if j not in used]
    return {"missed": missed, "spurious": spurious}


HEADLINE = (("newskg overlap F1", "newskg.overlap.overall.f1"), ("newskg exact F1", "newskg.exact.overall.f1"),
            ("newskg Person overlap F1", "newskg.overlap.Person.f1"), ("newskg Organization overlap F1", "newskg.overlap.Organization.f1"),
            ("newskg Location overlap F1", "newskg.overlap.Location.f1"),
            ("bare overlap F1", "bare.overlap.overall.f1"), ("bare exact F1", "bare.exact.overall.f1"))


def format_half(result: dict, name: str) -> str:
    """One half: per-class and overall P/R/F1 for both systems, exact and overlap."""
    lines = [f"GUM news named entities [{name}]: {result['documents']} documents, {result['gold_mentions']} gold mentions "
             "(Person, Organization, Location = Place or State)"]
    for mode in ("exact", "overlap"):
        lines.append(f"  {mode} span + type")
        lines.append(f"    {'class':<13} {'bare P/R/F1':>22}   {'newskg P/R/F1':>22}")
        for cls in (*CLASSES, "overall"):
            b, n = result["bare"][mode][cls], result["newskg"][mode][cls]
            lines.append(f"    {cls:<13} {b['precision']:.3f} {b['recall']:.3f} {b['f1']:.3f}        "
                         f"{n['precision']:.3f} {n['recall']:.3f} {n['f1']:.3f}")
    lines.append("  newskg, State apart from Place (overlap): " + ", ".join(
        f"{cls} F1 {result['newskg_fine']['overlap'][cls]['f1']:.3f}" for cls in FINE))
    p = result["propn_only"]
    lines.append(f"  gold mentions with a proper noun only ({p['gold_mentions']}), overall F1 exact / overlap: "
                 f"bare {p['bare']['exact']['overall']['f1']:.3f} / {p['bare']['overlap']['overall']['f1']:.3f}, "
                 f"newskg {p['newskg']['exact']['overall']['f1']:.3f} / {p['newskg']['overlap']['overall']['f1']:.3f}")
    return "\n".join(lines)


def format_gum_report(result: dict, details: bool = False, half: str | None = None) -> str:
    """Plain text: tune / check / all side by side, then the `tune` half in full (`half`: that half alone).

    Misses and spurious spans (with `details`) are listed for `tune` only.
    """
    lines = report_head(result, "GUM news named entities", HEADLINE, format_half, half)
    if details and half in (None, "tune"):
        misses = result["tune"]["misses"]
        lines.append(f"  newskg missed ({len(misses['missed'])}): " + "; ".join(misses["missed"]))
        lines.append(f"  newskg spurious ({len(misses['spurious'])}): " + "; ".join(misses["spurious"]))
    return "\n".join(lines)
