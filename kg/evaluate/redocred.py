"""Positions held and political relations on Re-DocRED dev (shared/eval/README.md, "Relations / triples").

Gold: the `labels` of `redocred_political/redocred_dev_political.json` with r
in RELATIONS, as (head cluster, relation, tail cluster) over `vertexSet`.
Each document's text is its tokens joined by spaces with the space before
closing punctuation and after opening brackets removed (Re-DocRED has no
dates: the article date is the placeholder DATE).

newskg's output, mapped to the relations (the scorer's choices, not newskg's):

- a Role (holder, roleName, of) gives P39 (holder -> the position): the tail
  is the role name, also read as "NAME of OWNER" and "OWNER NAME" with the
  owner's names;
- a Role whose title (kg/data/titles.jsonl) is of kind head_of_state gives
  P35 (state -> holder), of kind head_of_government P6 (state -> holder),
  when the owner is a State;
- a Role in an Organization whose title kind is in LEADING_KINDS (or is the
  title `title-leader`) gives P488 (organization -> holder);
- a Role in a State gives P27 (holder -> state): an office holder of a state
  is taken to be its citizen;
- a memberOf relation from a Person to an Organization gives P102;
- a nationality ('Canadian politician X') gives P27 (person -> state).

Alignment: a predicted entity aligns with every gold cluster that has a
mention string equal to one of the entity's names (label, aliases, mention
texts, and for a gazetteer entry its names and demonyms), compared
case-insensitively without a leading "the", spaces or punctuation. A
predicted triple is right when its head and tail align with the head and tail
clusters of a gold triple of that relation not yet matched (one-to-one);
predictions that align with the same cluster pair count once. Micro P/R/F1 per
relation and over all of them.

The baseline: the bare spaCy model (`kg.nlp.bare_pipeline`) and trivial rules
with the title forms of kg/data/titles.jsonl: P39 for a PERSON directly after
a title form ("President Obama") or written "PERSON, [the] TITLE"; P35 / P6
for every GPE x PERSON pair in a sentence holding a head-of-state /
head-of-government title form; P488 for every ORG x PERSON pair in a sentence
holding a title of LEADING_KINDS; P27 for every PERSON x GPE/NORP pair in a
sentence; no P102.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from kg.errors import EvalError
from kg.evaluate import prf
from kg.evaluate.split import HALVES, by_half, half_of, report_head

RELATIONS = ("P39", "P35", "P6", "P488", "P102", "P27")
NAMES = {"P39": "position held", "P35": "head of state", "P6": "head of government", "P488": "chairperson",
         "P102": "member of political party", "P27": "country of citizenship"}
LEADING_KINDS = {"executive", "head_of_state", "head_of_government"}
LEADING_TITLES = {"title-leader"}
STATE_KINDS = {"head_of_state": "P35", "head_of_government": "P6"}
SYSTEMS = ("newskg", "baseline")
DATE = dt.date(2019, 1, 1)


def norm(text: str) -> str:
    """The form names are compared in: lower case, no leading 'the', no spaces or punctuation.

    >>> norm("the  United States") == norm("United-States")
    True
    """
    text = re.sub(r"^the\s+", "", text.strip().lower())
    return re.sub(r"[\W_]+", "", text)


def detokenize(tokens: Iterable[str]) -> str:
    """Tokens joined by spaces, without the space before closing punctuation and clitics or after opening brackets.

    >>> detokenize(["Zhou", "(", "born", "1898", ")", "was", "China", "'s", "premier", "."])
    "Zhou (born 1898) was China's premier."
    """
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?%)\]}]|'s\b|n't\b|'\B)", r"\1", text)
    return re.sub(r"([(\[{$]) ", r"\1", text)


def document_text(doc: dict) -> str:
    """The text of a Re-DocRED document: its sentences, detokenized, one space apart."""
    return " ".join(detokenize(s) for s in doc["sents"])


def gold_triples(doc: dict) -> dict[str, set[tuple[int, int]]]:
    """Relation -> the (head cluster, tail cluster) pairs of the document's labels."""
    out: dict[str, set[tuple[int, int]]] = {r: set() for r in RELATIONS}
    for label in doc.get("labels", []):
        if label.get("r") in out:
            out[label["r"]].add((label["h"], label["t"]))
    return out


def cluster_names(doc: dict) -> list[set[str]]:
    """The normalised mention strings of every vertexSet cluster."""
    return [{norm(m["name"]) for m in cluster} - {""} for cluster in doc["vertexSet"]]


def align(names: Iterable[str], clusters: list[set[str]]) -> frozenset[int]:
    """Clusters with a mention string equal to one of `names` (normalised)."""
    keys = {norm(n) for n in names} - {""}
    return frozenset(i for i, c in enumerate(clusters) if keys & c)


def match(predicted: list[tuple[frozenset[int], frozenset[int], str]], gold: set[tuple[int, int]]) -> tuple[int, list, list]:
    """One-to-one matching of aligned predictions to gold pairs: (tp, unmatched predictions, unmatched gold).

    A prediction is (head clusters, tail clusters, description); predictions
    aligned with the same cluster sets count once.

    >>> match([(frozenset({0}), frozenset({1}), "a"), (frozenset({0}), frozenset({1}), "a again")], {(0, 1), (0, 2)})
    (1, [], [(0, 2)])
    """
    seen, free, fps, tp = set(), set(gold), [], 0
    for heads, tails, text in predicted:
        ident = (heads, tails) if heads and tails else text
        if ident in seen:
            continue
        seen.add(ident)
        hit = next((pair for pair in sorted(free) if pair[0] in heads and pair[1] in tails), None)
        if hit is None:
            fps.append(text)
        else:
            free.discard(hit)
            tp += 1
    return tp, fps, sorted(free)


def _title_kinds() -> tuple[dict[str, dict], list[tuple[str, dict]]]:
    from kg.gazetteer import titles

    rows = titles()
    by_role = {row["role"]: row for row in rows}
    forms = sorted(((form, row) for row in rows for form in row["forms"]), key=lambda x: -len(x[0]))
    return by_role, forms


def _leading(row: dict | None) -> bool:
    return row is not None and (row.get("kind") in LEADING_KINDS or row.get("id") in LEADING_TITLES)


def newskg_triples(extraction) -> dict[str, list[tuple[list[str], list[str]]]]:
    """Relation -> (head names, tail names) of every triple newskg's records give (see the module docstring)."""
    from kg.gazetteer import entries

    table = entries()
    by_role, _ = _title_kinds()
    names: dict[str, list[str]] = {}
    types: dict[str, str] = {}
    for e in extraction.entities:
        entry = table.get(e.key)
        names[e.key] = [e.label, *e.aliases, *(m.text for m in e.mentions), *(entry.names + entry.demonyms if entry else ())]
        types[e.key] = e.type
    for key, entry in table.items():
        types.setdefault(key, entry.type)

    def of(key: str) -> list[str]:
        if key not in names and key in table:
            names[key] = [table[key].label, *table[key].names, *table[key].demonyms]
        return names.get(key, [])

    out: dict[str, list[tuple[list[str], list[str]]]] = {r: [] for r in RELATIONS}
    for role in extraction.roles:
        holder, owner, row = of(role.holder), of(role.of), by_role.get(role.name)
        owner_type = types.get(role.of, "")
        position = [role.name, *(f"{role.name} of {o}" for o in owner), *(f"{o} {role.name}" for o in owner)]
        out["P39"].append((holder, position))
        if owner_type == "State":
            out["P27"].append((holder, owner))
            if row is not None and row.get("kind") in STATE_KINDS:
                out[STATE_KINDS[row["kind"]]].append((owner, holder))
        elif owner_type == "Organization" and _leading(row):
            out["P488"].append((owner, holder))
    for rel in extraction.relations:
        if rel.predicate == "memberOf" and types.get(rel.subject) == "Person" and types.get(rel.object) == "Organization":
            out["P102"].append((of(rel.subject), of(rel.object)))
        elif rel.predicate == "nationality":
            out["P27"].append((of(rel.subject), of(rel.object)))
    return out


def baseline_triples(doc) -> dict[str, list[tuple[list[str], list[str]]]]:
    """Relation -> (head names, tail names) by the bare model's entities and the trivial rules of the module docstring."""
    _, forms = _title_kinds()
    out: dict[str, list[tuple[list[str], list[str]]]] = {r: [] for r in RELATIONS}
    text = doc.text
    for sent in doc.sents:
        ents = [e for e in doc.ents if sent.start <= e.start < sent.end]
        people = [e for e in ents if e.label_ == "PERSON"]
        found = []  # (start, end, title row) of title forms in the sentence, longest first, no overlaps
        for form, row in forms:
            for m in re.finditer(rf"\b{re.escape(form)}\b", sent.text):
                a, b = sent.start_char + m.start(), sent.start_char + m.end()
                if all(b <= s or a >= t for s, t, _ in found):
                    found.append((a, b, row))
        kinds = {row.get("kind") for _, _, row in found}
        for a, b, _ in found:
            for p in people:
                after = text[b:p.start_char]
                before = text[p.end_char:a]
                if after.strip() == "" or re.fullmatch(r",\s*(the\s+)?", before or "x"):
                    out["P39"].append(([p.text], [text[a:b]]))
        for kind, relation in STATE_KINDS.items():
            if kind in kinds:
                out[relation] += [([g.text], [p.text]) for g in ents if g.label_ == "GPE" for p in people]
        if any(_leading(row) for _, _, row in found):
            out["P488"] += [([o.text], [p.text]) for o in ents if o.label_ == "ORG" for p in people]
        out["P27"] += [([p.text], [g.text]) for p in people for g in ents if g.label_ in {"GPE", "NORP"}]
    return out


def score_document(doc: dict, triples: dict[str, dict[str, list]]) -> dict:
    """Per system and relation: tp, predicted, gold, and the false positives and misses (as text)."""
    clusters = cluster_names(doc)
    gold = gold_triples(doc)
    first = [cluster[0]["name"] for cluster in doc["vertexSet"]]
    out: dict = {"title": doc["title"]}
    for system, by_relation in triples.items():
        out[system] = {}
        for relation in RELATIONS:
            predicted = [(align(h, clusters), align(t, clusters), f"{(h or ['?'])[0]} -> {(t or ['?'])[0]}")
                         for h, t in by_relation.get(relation, [])]
            tp, fps, missed = match(predicted, gold[relation])
            n_pred = tp + len(fps)
            out[system][relation] = {"tp": tp, "predicted": n_pred, "gold": len(gold[relation]), "false_positives": fps,
                                     "missed": [f"{first[h]} -> {first[t]}" for h, t in missed]}
    return out


def read_documents(path: str | Path) -> list[dict]:
    """The documents of a Re-DocRED JSON file; a missing file is E010, a document without title or vertexSet E030."""
    path = Path(path)
    if not path.is_file():
        raise EvalError("E010", str(path), "no Re-DocRED data here: give --eval-dir DIR holding redocred_political/")
    docs = json.loads(path.read_text(encoding="utf-8"))
    for i, doc in enumerate(docs):
        if not isinstance(doc, dict) or not {"title", "sents", "vertexSet"} <= doc.keys():
            raise EvalError("E030", f"{path}: document {i}", "a Re-DocRED document needs title, sents and vertexSet")
    return docs


def score_redocred(path: str | Path, progress: Callable[[int], None] | None = None, halves=HALVES) -> dict:
    """newskg and the bare-model baseline on Re-DocRED documents, per relation and half of the split."""
    from kg.nlp import bare_pipeline
    from kg.pipeline import extract_articles
    from kg.read import make_article

    docs = read_documents(path)
    for doc in docs:
        half_of("redocred", doc["title"])
    texts = [document_text(doc) for doc in docs]
    articles = [make_article(DATE, text, title=doc["title"]) for doc, text in zip(docs, texts, strict=True)]
    units = {}
    bare = bare_pipeline().pipe(texts)
    for doc, extraction, bare_doc in zip(docs, extract_articles(articles), bare, strict=True):
        if progress is not None:
            progress(1)
        units[doc["title"]] = score_document(doc, {"newskg": newskg_triples(extraction), "baseline": baseline_triples(bare_doc)})
    return by_half("redocred", units, summarise, halves)


def summarise(units: list[dict], details: bool = False) -> dict:
    """Micro P/R/F1 per system and relation (and over all relations); false positives and misses with `details`."""
    out: dict = {"documents": len(units)}
    for system in SYSTEMS:
        out[system] = {}
        for relation in (*RELATIONS, "micro"):
            chosen = RELATIONS if relation == "micro" else (relation,)
            counts = [sum(u[system][r][k] for u in units for r in chosen) for k in ("tp", "predicted", "gold")]
            out[system][relation] = prf(*counts)
    if details:
        out["errors"] = {u["title"]: {r: {k: u["newskg"][r][k] for k in ("false_positives", "missed") if u["newskg"][r][k]}
                                      for r in RELATIONS if u["newskg"][r]["false_positives"] or u["newskg"][r]["missed"]}
                         for u in units}
        out["errors"] = {t: e for t, e in out["errors"].items() if e}
    return out


HEADLINE = tuple((f"{system} {r} F1", f"{system}.{r}.f1") for system in SYSTEMS for r in (*RELATIONS, "micro"))


def format_half(result: dict, name: str) -> str:
    """One half: P/R/F1 and counts per relation, newskg beside the baseline."""
    lines = [f"Re-DocRED dev [{name}]: {result['documents']} documents; micro P/R/F1 on (head cluster, relation, tail cluster)",
             f"  {'relation':<30} {'gold':>5} {'newskg P/R/F1 (pred)':>28} {'baseline P/R/F1 (pred)':>30}"]
    for r in (*RELATIONS, "micro"):
        n, b = result["newskg"][r], result["baseline"][r]
        label = f"{r} {NAMES.get(r, 'all six')}"
        lines.append(f"  {label:<30} {n['gold']:>5}   {n['precision']:.3f} {n['recall']:.3f} {n['f1']:.3f} ({n['predicted']:>4})"
                     f"     {b['precision']:.3f} {b['recall']:.3f} {b['f1']:.3f} ({b['predicted']:>5})")
    return "\n".join(lines)


def format_redocred_report(result: dict, details: bool = False, half: str | None = None) -> str:
    """Plain text: tune / check / all side by side, then `tune` (`half`: that half alone); errors for `tune` only."""
    lines = report_head(result, "Re-DocRED dev", HEADLINE, format_half, half)
    if details and half in (None, "tune"):
        for title, errors in result["tune"]["errors"].items():
            for r, e in errors.items():
                lines += [f"  {title}: {r} false positive {fp}" for fp in e.get("false_positives", [])]
                lines += [f"  {title}: {r} missed {m}" for m in e.get("missed", [])]
    return "\n".join(lines)
