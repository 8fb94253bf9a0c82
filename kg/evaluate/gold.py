"""Score a built graph against a hand-made gold file, as ../shared/gold/README.md defines.

Rules the README leaves open, decided here:

- Article: the gold `article` path is read relative to the gold folder's parent
  (or `shared=`); when that file exists, its content-hash id names the graph.
  Otherwise the graph whose `schema:datePublished` equals the gold `date`, if it
  is the only one; if several, the one whose headline shares the most words
  with the file name. No graph found: every gold item is missed.
- System items come from that article's named graph only (aliases also from the
  shared entities graph). Classes and participant roles are closed over
  rdfs:subClassOf / rdfs:subPropertyOf in the bundled ontology.
- Alignment: a gold entity id stands for every system node whose type and name
  match it (the entity test), whether or not that node won the one-to-one
  entity match; duplicates are penalised once, in the entity section. A gold
  event id stands for every system event that matches it.
- Matching is a maximum bipartite matching, required gold items first, then
  optional ones, so counts do not depend on the order of items.
- Events typed kg:Statement (or a subclass) with a speaker and a quote are
  scored as statements; left unmatched in the events section they are not
  false positives there.
- Event participants: the gold `participants` plus `accept_participants`; with
  `participants_optional` also the finer roles, and an event with no
  participants passes the test.
- Event date: `kg:date` at its granularity, else the `kg:earliest`/`kg:latest`
  period. It must lie inside the period of the gold `date` or of an
  `accept_dates` value; a null gold date accepts anything; with
  `date_optional`, an event without a date also matches.
- Date accuracy counts matched required events with a non-null gold date; an
  event is right when its period equals the period of the gold date or an
  accept_dates value (so "2020-W28-WE" equals "2020-07-11/2020-07-12"). A
  `date_optional` event the system left undated is not counted.
- Finer roles (host, mediator, organizer, target) and the place are secondary
  scores over matched required events.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.namespace import SKOS

from kg.errors import EvalError
from kg.ids import ENTITIES_GRAPH, article_iri, slug
from kg.vocab import KG, SCHEMA, ontology, participant_roles

SECTIONS = ("entities", "roles", "events", "statements", "relations")
ENTITY_TYPES = ("Person", "Organization", "State", "Place")
# gold key -> the finer participant role it scores ("hosts" -> "host"): the ontology's sub-properties of kg:participant
# but kg:speaker, whom statements score
FINER_ROLES = {f"{role}s": role for role in participant_roles() if role not in {"participant", "speaker"}}
QUOTE_MARKS = {**dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'), **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032`", "'")}


# ---------------------------------------------------------------- folding and periods


def fold_name(text: str) -> str:
    """NFKD, no accents, lower case, no punctuation.

    >>> fold_name("Vučić") == fold_name("Vucic")
    True
    >>> fold_name("Kosovo's  Prime-Minister")
    'kosovos primeminister'
    """
    chars = (c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    kept = "".join(c for c in chars if not unicodedata.category(c).startswith("P"))
    return " ".join(kept.lower().split())


def fold_quote(text: str) -> str:
    """Whitespace collapsed and curly quote marks made straight.

    >>> fold_quote("\u201cmeaningless\u201d  if")
    '"meaningless" if'
    """
    return " ".join("".join(QUOTE_MARKS.get(c, c) for c in text).split())


def period(value: str) -> tuple[dt.date, dt.date]:
    """First and last day of an ISO date, month, year, interval `a/b` or week (`2020-W28`, `-WE` weekend, `-N` day).

    >>> period("2020-W28-WE")
    (datetime.date(2020, 7, 11), datetime.date(2020, 7, 12))
    >>> period("2018-11")
    (datetime.date(2018, 11, 1), datetime.date(2018, 11, 30))
    """
    value = value.strip()
    if "/" in value:
        first, last = value.split("/", 1)
        return period(first)[0], period(last)[1]
    if m := re.fullmatch(r"(\d{4})-W(\d{2})(?:-(WE|[1-7]))?", value):
        year, week, day = int(m[1]), int(m[2]), m[3]
        if day == "WE":
            return dt.date.fromisocalendar(year, week, 6), dt.date.fromisocalendar(year, week, 7)
        if day:
            d = dt.date.fromisocalendar(year, week, int(day))
            return d, d
        return dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 7)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        d = dt.date.fromisoformat(value)
        return d, d
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if re.fullmatch(r"\d{4}", value):
        return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    raise ValueError(f"{value!r} is not an ISO date, month, year, interval a/b or week")


def local_name(iri: object) -> str:
    """The part of an IRI after the last # or /."""
    return re.split(r"[#/]", str(iri))[-1]


# ---------------------------------------------------------------- matching


def bipartite_match(adjacency: Sequence[Sequence[int]], order: Sequence[int] | None = None) -> dict[int, int]:
    """Maximum matching left -> right (Kuhn); left items are tried in `order`, and once matched stay matched.

    >>> bipartite_match([[0, 1], [0]])
    {1: 0, 0: 1}
    """
    owner: dict[int, int] = {}  # right -> left

    def augment(left: int, seen: set[int]) -> bool:
        for right in adjacency[left]:
            if right in seen:
                continue
            seen.add(right)
            if right not in owner or augment(owner[right], seen):
                owner[right] = left
                return True
        return False

    for left in order if order is not None else range(len(adjacency)):
        augment(left, set())
    return {left: right for right, left in owner.items()}


# ---------------------------------------------------------------- gold files


def _fail(where: str, detail: str) -> EvalError:
    return EvalError("E030", where, detail)


def validate(gold: Any, where: str = "gold") -> dict:
    """The gold dict itself, or an EvalError [E030] naming the item and what is wrong."""
    if not isinstance(gold, dict):
        raise _fail(where, "a gold file holds one JSON object")
    for key in ("article", "date"):
        if not isinstance(gold.get(key), str):
            raise _fail(where, f"`{key}` is missing or not a string")
    try:
        dt.date.fromisoformat(gold["date"])
    except ValueError:
        raise _fail(where, f"`date` {gold['date']!r} is not YYYY-MM-DD") from None
    for section in SECTIONS:
        items = gold.get(section, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise _fail(where, f"`{section}` must be a list of objects")
    entity_ids = [e.get("id") for e in gold.get("entities", [])]
    event_ids = [e.get("id") for e in gold.get("events", [])]
    for ids_, kind in ((entity_ids, "entities"), (event_ids, "events")):
        dupes = sorted({i for i in ids_ if ids_.count(i) > 1}, key=str)
        if dupes:
            raise _fail(where, f"{kind}: duplicate id(s) {dupes}")
    known, known_events = set(entity_ids), set(event_ids)

    def need(item: dict, label: str, keys: tuple[str, ...]) -> None:
        for key in keys:
            if not isinstance(item.get(key), str) or not item[key]:
                raise _fail(where, f"{label}: `{key}` is missing or not a non-empty string")

    def refs(label: str, values: Any, allowed: set, what: str = "entity") -> None:
        if not isinstance(values, list):
            raise _fail(where, f"{label}: expected a list of {what} ids")
        unknown = [v for v in values if v not in allowed]
        if unknown:
            raise _fail(where, f"{label}: unknown {what} id(s) {unknown}")

    for i, e in enumerate(gold.get("entities", [])):
        label = f"entities[{i}]"
        need(e, label, ("id", "type", "name"))
        if not isinstance(e.get("mentions", []), list) or not isinstance(e.get("accept_types", []), list):
            raise _fail(where, f"{label} ({e['id']}): `mentions` and `accept_types` must be lists")
    for i, r in enumerate(gold.get("roles", [])):
        label = f"roles[{i}]"
        need(r, label, ("person", "role", "of"))
        refs(label, [r["person"], r["of"]], known)
    for i, ev in enumerate(gold.get("events", [])):
        label = f"events[{i}] ({ev.get('id')})"
        need(ev, label, ("id",))
        if not isinstance(ev.get("types"), list) or not ev["types"]:
            raise _fail(where, f"{label}: `types` must be a non-empty list of class names")
        for value in ([ev["date"]] if ev.get("date") is not None else []) + list(ev.get("accept_dates", [])):
            try:
                period(value)
            except (ValueError, TypeError, AttributeError):
                raise _fail(where, f"{label}: date {value!r} is not an ISO date, month, year, interval a/b or week") from None
        for key in ("participants", "accept_participants", *FINER_ROLES, "accept_places"):
            refs(f"{label} {key}", ev.get(key, []), known)
        if ev.get("place") is not None:
            refs(f"{label} place", [ev["place"]], known)
    for i, s in enumerate(gold.get("statements", [])):
        label = f"statements[{i}]"
        need(s, label, ("speaker", "quote_contains"))
        refs(label, [s["speaker"]], known)
    for i, r in enumerate(gold.get("relations", [])):
        label = f"relations[{i}]"
        need(r, label, ("subject", "relation", "object"))
        refs(label, [r["subject"]], known)
        refs(label, [r["object"]], known | known_events, "entity or event")
    return gold


def load_gold(path: str | Path) -> dict:
    """Read and check one gold JSON file; `_path` records where it came from."""
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _fail(str(path), "no such gold file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _fail(str(path), f"not valid JSON: {exc}") from None
    validate(gold, str(path))
    gold["_path"] = str(path)
    return gold


# ---------------------------------------------------------------- the ontology


@cache
def superclasses(cls: URIRef) -> frozenset[str]:
    """Local names of a class and every class above it."""
    return frozenset(local_name(c) for c in ontology().transitive_objects(cls, RDFS.subClassOf))


@cache
def subproperties(prop: URIRef) -> frozenset[URIRef]:
    """A property and every property below it."""
    return frozenset(ontology().transitive_subjects(RDFS.subPropertyOf, prop))


# ---------------------------------------------------------------- the article and its items


def find_article(ds: Dataset, gold: dict, shared: str | Path | None = None) -> tuple[URIRef | None, str]:
    """The article's graph IRI and the rule that found it (see the module docstring)."""
    from kg.read import read_text_file

    graphs = {g.identifier for g in ds.graphs()}
    base = Path(shared) if shared else Path(gold["_path"]).resolve().parent.parent if gold.get("_path") else None
    if base is not None and (base / gold["article"]).is_file():
        try:
            iri = article_iri(read_text_file(base / gold["article"]).id)
        except Exception:  # an unreadable article file falls back to the date rule
            iri = None
        if iri in graphs:
            return iri, f"content hash of {base / gold['article']}"
    dated = sorted(
        s for s, o, c in ((s, o, c) for s, _, o, c in ds.quads((None, SCHEMA.datePublished, None, None)))
        if str(o) == gold["date"] and c is not None and getattr(c, "identifier", c) == s
    )
    if len(dated) == 1:
        return dated[0], f"the only article dated {gold['date']}"
    if not dated:
        return None, f"no article graph dated {gold['date']}"
    stem = set(slug(Path(gold["article"]).stem).split("-"))
    scored = sorted(((len(stem & set(slug(str(ds.graph(s).value(s, SCHEMA.headline) or "")).split("-"))), s) for s in dated), reverse=True)
    if scored[0][0] > 0 and scored[0][0] > scored[1][0]:
        return scored[0][1], f"headline closest to the file name among {len(dated)} articles dated {gold['date']}"
    return None, f"{len(dated)} articles dated {gold['date']}; give the article file (shared=) to tell them apart"


@dataclass
class _Sys:
    node: URIRef
    kind: str
    label: str
    sentence: str
    data: dict = field(default_factory=dict)

    def describe(self) -> dict:
        return {"node": str(self.node), "type": self.kind, "label": self.label, "evidence": self.sentence, **self.data}


class _View:
    """Read access to one article graph plus the shared entities graph."""

    def __init__(self, ds: Dataset, iri: URIRef | None) -> None:
        self.g = ds.graph(iri) if iri is not None else Graph()
        self.shared = ds.graph(ENTITIES_GRAPH)

    def label(self, node: URIRef) -> str:
        return str(self.g.value(node, RDFS.label) or self.shared.value(node, RDFS.label) or local_name(node))

    def names(self, node: URIRef) -> set[str]:
        out = set()
        for graph in (self.g, self.shared):
            for p in (RDFS.label, SKOS.altLabel):
                out.update(fold_name(str(o)) for o in graph.objects(node, p))
        return out

    def sentence(self, node: URIRef) -> str:
        evidence = sorted(self.g.objects(node, KG.evidence), key=lambda e: (int(self.g.value(e, KG.start) or 0), str(e)))
        return str(self.g.value(evidence[0], KG.sentence) or "") if evidence else ""

    def types(self, node: URIRef) -> list[str]:
        """An entity's types: the canonical ones of the entities graph (an article graph holds only its evidence)."""
        return sorted(t for t in ENTITY_TYPES if (node, RDF.type, KG[t]) in self.g or (node, RDF.type, KG[t]) in self.shared)

    def entities(self) -> list[_Sys]:
        out = []
        for node in sorted({s for s in self.g.subjects(KG.evidence, None) if isinstance(s, URIRef)}):
            types = self.types(node)
            if not types:
                continue
            out.append(_Sys(node, "/".join(types), self.label(node), self.sentence(node), {"types": types, "names": self.names(node)}))
        return out

    def referenced_entities(self, known: set[URIRef]) -> list[_Sys]:
        """Entity nodes the article graph points to or types, beyond `known`."""
        nodes = {o for o in self.g.objects() if isinstance(o, URIRef)} | {s for t in ENTITY_TYPES for s in self.g.subjects(RDF.type, KG[t])}
        out = []
        for node in sorted(nodes - known):
            types = self.types(node)
            if types:
                out.append(_Sys(node, "/".join(types), self.label(node), "", {"types": types, "names": self.names(node)}))
        return out

    def roles(self) -> list[_Sys]:
        out = []
        for node in sorted(self.g.subjects(RDF.type, KG.Role)):
            holder, of = self.g.value(node, KG.holder), self.g.value(node, KG.roleOf)
            name = str(self.g.value(node, KG.roleName) or "")
            label = f"{self.label(holder) if holder else '?'}: {name} of {self.label(of) if of else '?'}"
            out.append(_Sys(node, "Role", label, self.sentence(node), {"holder": holder, "of": of, "role": name}))
        return out

    def time(self, node: URIRef) -> tuple[str, tuple[dt.date, dt.date]] | None:
        date = self.g.value(node, KG.date)
        if date is not None:
            try:
                return str(date), period(str(date))
            except ValueError:
                pass
        first, last = self.g.value(node, KG.earliest), self.g.value(node, KG.latest)
        if first is None and last is None:
            return None
        lo = dt.date.fromisoformat(str(first)[:10]) if first is not None else dt.date.min
        hi = dt.date.fromisoformat(str(last)[:10]) if last is not None else dt.date.max
        return (lo.isoformat() if lo == hi else f"{first or '..'}/{last or '..'}"), (lo, hi)

    def events(self) -> list[_Sys]:
        out = []
        participant_props = [KG[role] for role in participant_roles()]
        for node in sorted({s for s, t in self.g.subject_objects(RDF.type) if "Event" in superclasses(t)}):
            types = sorted(self.g.objects(node, RDF.type))
            classes = frozenset().union(*(superclasses(t) for t in types))
            participants = {o for p in participant_props for o in self.g.objects(node, p)}
            finer = {(role, o) for role in FINER_ROLES.values() for o in self.g.objects(node, KG[role])}
            quote = " ".join(str(q) for q in self.g.objects(node, KG.quote))
            speakers = set(self.g.objects(node, KG.speaker))
            time = self.time(node)
            out.append(_Sys(node, "/".join(local_name(t) for t in types), self.label(node), self.sentence(node), {
                "classes": classes, "participants": participants, "finer": finer, "place": set(self.g.objects(node, KG.place)),
                "date": time[0] if time else None, "period": time[1] if time else None,
                "speakers": speakers, "quote": quote,
                "statement": "Statement" in classes and bool(speakers) and bool(quote),
                "participant_labels": sorted(self.label(p) for p in participants),
            }))
        return out

    def relations(self) -> list[_Sys]:
        props = subproperties(KG.actorRelation)
        out = []
        for s, p, o in sorted(self.g.triples((None, None, None))):
            if p not in props or p == KG.actorRelation:
                continue
            sentence = ""
            for stmt in self.g.subjects(RDF.subject, s):
                if (stmt, RDF.predicate, p) in self.g and (stmt, RDF.object, o) in self.g:
                    sentence = self.sentence(stmt)
            out.append(_Sys(s, local_name(p), f"{self.label(s)} {local_name(p)} {self.label(o)}", sentence,
                            {"subject": s, "predicate": local_name(p).lower(), "object": o}))
        return out


# ---------------------------------------------------------------- the report


@dataclass
class Section:
    """P/R/F1 of one section, with what was missed and what was spurious."""

    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    optional_matched: int = 0
    missed: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "optional_matched": self.optional_matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "missed": self.missed, "spurious": self.spurious}


@dataclass
class Report:
    """The score of one graph against one gold file."""

    gold: str
    article: str | None
    article_rule: str
    sections: dict[str, Section]
    dates_correct: int = 0
    dates_total: int = 0
    wrong_dates: list[dict] = field(default_factory=list)
    wrong_places: list[dict] = field(default_factory=list)
    finer_roles: Section = field(default_factory=lambda: Section("finer roles"))
    places_correct: int = 0
    places_total: int = 0

    @property
    def date_accuracy(self) -> float:
        """Share of matched dated events with the exact gold date (0.0 when none matched)."""
        return self.dates_correct / self.dates_total if self.dates_total else 0.0

    def f1(self, section: str) -> float:
        return self.sections[section].f1


def _tally(name: str, gold: list[dict], system: list[_Sys], ok: Callable[[dict, _Sys], bool],
           describe: Callable[[dict], dict], exempt: Callable[[_Sys], bool] = lambda s: False) -> tuple[Section, dict[int, int]]:
    adjacency = [[j for j, s in enumerate(system) if ok(g, s)] for g in gold]
    required = [i for i, g in enumerate(gold) if not g.get("optional")]
    optional = [i for i, g in enumerate(gold) if g.get("optional")]
    match = bipartite_match(adjacency, required + optional)
    section = Section(name)
    for i, g in enumerate(gold):
        if i in match:
            if g.get("optional"):
                section.optional_matched += 1
            else:
                section.tp += 1
        elif not g.get("optional"):
            section.fn += 1
            section.missed.append(describe(g))
    used = set(match.values())
    for j, s in enumerate(system):
        if j not in used and not exempt(s):
            section.fp += 1
            section.spurious.append(_jsonable(s.describe()))
    return section, match


_INTERNAL = {"names", "classes", "finer", "holder", "of", "subject", "object", "speakers"}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items() if k not in _INTERNAL}
    if isinstance(value, (set, frozenset, tuple, list)):
        items = [_jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, (URIRef, dt.date)):
        return str(value)
    return value


def _gold_item(item: dict) -> dict:
    return {k: v for k, v in item.items() if k not in {"note"}}


def score(ds: Dataset, gold: dict, *, shared: str | Path | None = None) -> Report:
    """Score the article graph of `gold` in `ds`; see the module docstring and the gold README."""
    validate(gold, gold.get("_path", "gold"))
    iri, rule = find_article(ds, gold, shared)
    view = _View(ds, iri)
    report = Report(gold=gold.get("_path", ""), article=str(iri) if iri else None, article_rule=rule, sections={})

    # entities
    gold_entities = gold.get("entities", [])
    system_entities = view.entities()

    def entity_ok(g: dict, s: _Sys) -> bool:
        types = {g["type"], *g.get("accept_types", [])}
        names = {fold_name(n) for n in (g["name"], *g.get("mentions", []))}
        return bool(types & set(s.data["types"])) and bool(names & s.data["names"])

    report.sections["entities"], _ = _tally("entities", gold_entities, system_entities, entity_ok, _gold_item)
    # participants and role holders may be nodes without evidence of their own in this graph
    candidates = system_entities + view.referenced_entities({s.node for s in system_entities})
    align = {g["id"]: {s.node for s in candidates if entity_ok(g, s)} for g in gold_entities}

    def aligned(ids_: list[str]) -> set[URIRef]:
        return set().union(*(align.get(i, set()) for i in ids_)) if ids_ else set()

    # roles
    def role_ok(g: dict, s: _Sys) -> bool:
        names = {fold_name(n) for n in (g["role"], *g.get("accept_roles", []))}
        return s.data["holder"] in align[g["person"]] and s.data["of"] in align[g["of"]] and fold_name(s.data["role"]) in names

    report.sections["roles"], _ = _tally("roles", gold.get("roles", []), view.roles(), role_ok, _gold_item)

    # events
    gold_events = gold.get("events", [])
    system_events = view.events()

    def date_ok(g: dict, s: _Sys) -> bool:
        if g.get("date") is None:
            return True
        if s.data["period"] is None:
            return bool(g.get("date_optional"))
        lo, hi = s.data["period"]
        return any(a <= lo and hi <= b for a, b in (period(v) for v in (g["date"], *g.get("accept_dates", []))))

    def event_ok(g: dict, s: _Sys) -> bool:
        if not set(g["types"]) & s.data["classes"] or not date_ok(g, s):
            return False
        pool = [*g.get("participants", []), *g.get("accept_participants", [])]
        if g.get("participants_optional"):
            if not s.data["participants"]:
                return True
            pool += [e for key in FINER_ROLES for e in g.get(key, [])]
        return bool(aligned(pool) & s.data["participants"])

    section, match = _tally("events", gold_events, system_events, event_ok, _gold_item, exempt=lambda s: s.data["statement"])
    report.sections["events"] = section
    event_align = {g["id"]: {s.node for s in system_events if event_ok(g, s)} for g in gold_events}
    for gi, sj in sorted(match.items()):
        g, s = gold_events[gi], system_events[sj]
        if g.get("optional"):
            continue
        if g.get("date") is not None and not (g.get("date_optional") and s.data["period"] is None):
            report.dates_total += 1
            if s.data["period"] in {period(v) for v in (g["date"], *g.get("accept_dates", []))}:
                report.dates_correct += 1
            else:
                report.wrong_dates.append({"gold": g["id"], "date": g["date"], "accept_dates": g.get("accept_dates", []),
                                           "system": str(s.node), "system_date": s.data["date"]})
        gold_pairs = [(role, e) for key, role in FINER_ROLES.items() for e in g.get(key, [])]
        for role, e in gold_pairs:
            if any(r == role and n in align.get(e, set()) for r, n in s.data["finer"]):
                report.finer_roles.tp += 1
            else:
                report.finer_roles.fn += 1
                report.finer_roles.missed.append({"event": g["id"], "role": role, "entity": e})
        for role, n in sorted(s.data["finer"]):
            if not any(r == role and n in align.get(e, set()) for r, e in gold_pairs):
                report.finer_roles.fp += 1
                report.finer_roles.spurious.append({"event": str(s.node), "role": role, "entity": view.label(n)})
        if g.get("place"):
            report.places_total += 1
            if aligned([g["place"], *g.get("accept_places", [])]) & s.data["place"]:
                report.places_correct += 1
            else:
                report.wrong_places.append({"gold": g["id"], "place": g["place"], "system": str(s.node),
                                            "system_place": sorted(view.label(p) for p in s.data["place"])})

    # statements
    def statement_ok(g: dict, s: _Sys) -> bool:
        return bool(s.data["speakers"] & align[g["speaker"]]) and fold_quote(g["quote_contains"]) in fold_quote(s.data["quote"])

    statements = [s for s in system_events if s.data["statement"]]
    report.sections["statements"], _ = _tally("statements", gold.get("statements", []), statements, statement_ok, _gold_item)

    # relations
    def relation_ok(g: dict, s: _Sys) -> bool:
        names = {n.lower() for n in (g["relation"], *g.get("accept_relations", []))}
        objects = align.get(g["object"], set()) | event_align.get(g["object"], set())
        return s.data["predicate"] in names and s.data["subject"] in align[g["subject"]] and s.data["object"] in objects

    report.sections["relations"], _ = _tally("relations", gold.get("relations", []), view.relations(), relation_ok, _gold_item)
    return report


def to_json(report: Report) -> dict:
    """The report as plain JSON-ready data."""
    return {
        "gold": report.gold, "article": report.article, "article_rule": report.article_rule,
        "sections": {name: s.to_json() for name, s in report.sections.items()},
        "dates": {"correct": report.dates_correct, "total": report.dates_total,
                  "accuracy": round(report.date_accuracy, 4), "wrong": report.wrong_dates},
        "finer_roles": report.finer_roles.to_json(),
        "places": {"correct": report.places_correct, "total": report.places_total, "wrong": report.wrong_places},
    }


def _line(name: str, s: Section) -> str:
    return (f"  {name:<12} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}"
            f"   (tp {s.tp}, fp {s.fp}, fn {s.fn}" + (f", optional matched {s.optional_matched})" if s.optional_matched else ")"))


def _item(d: dict) -> str:
    if "node" in d:
        extra = ""
        if d.get("date") is not None or "participant_labels" in d:
            extra = f" date={d.get('date')} participants={d.get('participant_labels', [])}"
        if d.get("quote"):
            extra += f" quote={d['quote'][:80]!r}"
        return f"{d['type']} {d['label']!r}{extra}  <- {d.get('evidence', '')[:160]!r}"
    return json.dumps(d, ensure_ascii=False)


def format_report(report: Report, summary: bool = False) -> str:
    """Plain text: P/R/F1 per section and date accuracy, then (unless `summary`) every miss and false positive."""
    lines = [f"gold {report.gold or '(dict)'}", f"article {report.article} ({report.article_rule})"]
    for name in SECTIONS:
        lines.append(_line(name, report.sections[name]))
    dates = "n/a (no matched dated event)"
    if report.dates_total:
        dates = f"{report.dates_correct}/{report.dates_total} = {report.date_accuracy:.3f}"
    lines.append(f"  date accuracy {dates}")
    finer = report.finer_roles
    lines.append((_line("finer roles", finer) if finer.tp + finer.fp + finer.fn else "  finer roles  n/a") + "  [secondary]")
    lines.append(f"  places       {report.places_correct}/{report.places_total}  [secondary]")
    if summary:
        return "\n".join(lines)
    for name in SECTIONS:
        s = report.sections[name]
        if s.missed:
            lines.append(f"{name}: missed ({len(s.missed)})")
            lines.extend(f"  - {_item(d)}" for d in s.missed)
        if s.spurious:
            lines.append(f"{name}: unmatched system items ({len(s.spurious)})")
            lines.extend(f"  + {_item(d)}" for d in s.spurious)
    if report.wrong_dates:
        lines.append(f"dates: wrong ({len(report.wrong_dates)})")
        lines.extend(f"  ! {w['gold']}: gold {w['date']} {w['accept_dates'] or ''} system {w['system_date']}" for w in report.wrong_dates)
    if report.wrong_places:
        lines.append(f"places: wrong or missing ({len(report.wrong_places)}) [secondary]")
        lines.extend(f"  ! {w['gold']}: gold {w['place']} system {', '.join(w['system_place']) or 'none'}" for w in report.wrong_places)
    for d in report.finer_roles.missed:
        lines.append(f"finer roles: missed {d['event']} {d['role']} {d['entity']}")
    for d in report.finer_roles.spurious:
        lines.append(f"finer roles: unmatched {d['role']} {d['entity']} on {d['event']}")
    return "\n".join(lines)
