"""Pass rate on the PETRARCH-2 unit-test records (shared/eval/README.md, "PETRARCH-2").

Each <Sentence> of `PETR.UnitTest.records.xml` expects CAMEO codings
(source actor code, target actor code, event code), or no event at all; a
record that expects a parser error is not scored. Its text, dated with the
record's date, goes through newskg's whole pipeline (nlp, extract, resolve).

Our codings: every event with a CAMEO code gives (source, target, code) for
each source participant (any role but target and mediator) and each target
participant; an event without a target gives target "". A participant's
actor code is read from the records' own dictionaries, since the actors are
fictional states: the longest entry of `PETR.Validate.actors.txt` (names and
`+` synonyms, underscores as spaces, the code valid on the record's date)
found as whole words in one of the entity's names (a role holder is also
named "OWNER TITLE NAME"), followed by the code of
the longest agent of `PETR.Validate.agents.txt` in the same name ("~GOV" is
appended to the actor code, "NGO~" put before it; an agent alone gets the
actor "---").

A record passes when every expected coding is among ours (and, for a
no-event record, when we code no event). Partial credit: `type only` (every
expected event code is among our codes), `root` (the same with the two-digit
CAMEO root), `dyad only` (every expected (source, target) pair is among our
dyads). Rates are reported overall and by the CAMEO root of the expected
codings, where each expected coding counts as found or not.
"""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import EvalError
from kg.evaluate.split import HALVES, by_half, half_of, report_head

RECORDS = "PETR.UnitTest.records.xml"
ACTORS = "PETR.Validate.actors.txt"
AGENTS = "PETR.Validate.agents.txt"
NON_SOURCE_ROLES = {"target", "mediator"}


@dataclass(frozen=True)
class Record:
    """One unit-test sentence: expected codings (source, target, event code), or none, or a parser error."""

    id: str
    category: str
    date: dt.date
    text: str
    codings: tuple[tuple[str, str, str], ...] = ()
    no_events: bool = False
    error: bool = False


@dataclass
class Dictionary:
    """Actor names -> dated codes, and agent names -> agent codes ('~GOV', 'NGO~'), upper case, words split by spaces."""

    actors: dict[str, list[tuple[str, dt.date | None, dt.date | None]]] = field(default_factory=dict)
    agents: dict[str, str] = field(default_factory=dict)

    def actor(self, name: str, day: dt.date) -> str:
        """The code of an actor name on a day ('' when the name is unknown or has no code then)."""
        for code, first, last in self.actors.get(name, []):
            if (first is None or day >= first) and (last is None or day <= last):
                return code
        return ""


def _text(el: ET.Element | None) -> str:
    return " ".join((el.text or "").split()) if el is not None else ""


def _day(value: str) -> dt.date:
    """PETRARCH dates: YYYYMMDD or YYMMDD (19YY)."""
    value = value.strip()
    if len(value) == 6:
        value = "19" + value
    return dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))


def read_records(path: str | Path) -> list[Record]:
    """The <Sentence> records in file order; a repeated upstream id gets '#2', '#3' (as in the split)."""
    path = Path(path)
    if not path.is_file():
        raise EvalError("E010", str(path), "no PETRARCH-2 unit records here: give --eval-dir DIR holding petrarch2_unittest/")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalError("E030", str(path), f"not well-formed XML: {exc}") from exc
    seen: Counter = Counter()
    out = []
    for el in root.iter("Sentence"):
        ident = el.get("id", "")
        seen[ident] += 1
        codings, no_events, error = [], False, False
        for c in el.findall("EventCoding"):
            if c.get("noevents") is not None:
                no_events = True
            elif c.get("error") is not None:
                error = True
            else:
                codings.append(tuple((c.get(k) or "").strip().strip('"') for k in ("sourcecode", "targetcode", "eventcode")))
        out.append(Record(ident if seen[ident] == 1 else f"{ident}#{seen[ident]}", el.get("category", ""),
                          _day(el.get("date", "20000101")), _text(el.find("Text")), tuple(codings), no_events, error))
    return out


_DATED = re.compile(r"^\s*([^\s<>]+)\s*(?:<\s*(\d+)|>\s*(\d+)|(\d+)\s*-\s*(\d+))?\s*$")


def _strip(line: str) -> str:
    return re.sub(r"#.*", "", re.sub(r"<!--.*?-->", "", line))


def _name(raw: str) -> str:
    return " ".join(raw.replace("_", " ").upper().split())


def read_dictionary(folder: str | Path) -> Dictionary:
    """The validation actor and agent dictionaries of the unit-test records."""
    folder = Path(folder)
    for name in (ACTORS, AGENTS):
        if not (folder / name).is_file():
            raise EvalError("E010", str(folder / name), "the PETRARCH-2 validation dictionaries are missing from petrarch2_unittest/")
    d = Dictionary()
    entries: list[tuple[list[str], list]] = []  # (names, dated codes): a head line, its + synonyms, its [code] blocks
    for line in (folder / ACTORS).read_text(encoding="utf-8", errors="replace").splitlines():
        line = _strip(line)
        if not line.strip():
            continue
        if line.lstrip().startswith("+"):
            if entries:
                entries[-1][0].append(_name(line.strip()[1:]))
            continue
        head, _, rest = line.partition("[")
        if head.strip() and not line[0].isspace():
            entries.append(([_name(head)], []))
        for block in re.findall(r"([^\[\]]*)\]", "[" + rest if rest else ""):
            m = _DATED.match(block)
            if not m or not entries:
                continue
            code, before, after, first, last = m.groups()
            span = (None, _day(before)) if before else (_day(after), None) if after else \
                (_day(first), _day(last)) if first else (None, None)
            entries[-1][1].append((code, *span))
    for names, codes in entries:
        for n in names:
            d.actors.setdefault(n, []).extend(codes)
    for line in (folder / AGENTS).read_text(encoding="utf-8", errors="replace").splitlines():
        line = _strip(line)
        m = re.match(r"^([^\s\[{=!][^\[{=]*?)\s*(\{([^}]*)\})?\s*\[\s*([^\]]+?)\s*\]", line)
        if not m:
            continue
        code = m[4].replace(" ", "")
        forms = [m[1]] + [p for p in (m[3] or "").split(",") if p.strip()]
        if m[2] is not None and not m[3]:
            forms.append(m[1].strip() + "S")  # {} = the regular plural
        for form in forms:
            if "!" not in form:
                d.agents[_name(form)] = code
    return d


def _longest(table: dict, words: list[str]) -> tuple[str, int] | None:
    """The longest name of `table` found as consecutive whole words, with its start."""
    best = None
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            if " ".join(words[i:j]) in table:
                if best is None or j - i > best[2]:
                    best = (" ".join(words[i:j]), i, j - i)
                break
    return (best[0], best[1]) if best else None


def code_name(name: str, d: Dictionary, day: dt.date) -> str:
    """Actor code (+ agent code) of one name: 'Arnorian foreign minister' -> 'ARNGOVFRM' when the dictionaries say so."""
    words = re.sub(r"[^\w\s.'-]", " ", name.upper()).replace("'S ", " ").split()
    words = [w[:-2] if w.endswith("'S") else w for w in words]
    actor = _longest(d.actors, words)
    agent = _longest(d.agents, words)
    if actor and agent and agent[0] in actor[0]:
        agent = None
    actor_code = d.actor(actor[0], day) if actor else ""
    if agent is None:
        return actor_code
    code = d.agents[agent[0]]
    base = actor_code or "---"
    return base + code[1:] if code.startswith("~") else code[:-1] + base if code.endswith("~") else base + code


def our_codings(extraction, d: Dictionary, day: dt.date) -> set[tuple[str, str, str]]:
    """(source, target, CAMEO code) of every coded event, actors coded through the validation dictionaries."""
    names: dict[str, list[str]] = {}
    for e in extraction.entities:
        names[e.key] = [e.label, *e.aliases, *(m.text for m in e.mentions)]
    labels = {e.key: e.label for e in extraction.entities}
    for role in extraction.roles:  # "Bree Prime Minister Romendacil": the owner and the title code the holder
        if role.holder in names:
            names[role.holder].append(f"{labels.get(role.of, '')} {role.name} {labels[role.holder]}")

    def codes(key: str) -> set[str]:
        found = {c for n in names.get(key, []) if (c := code_name(n, d, day))}
        return found or {""}

    out = set()
    for event in extraction.events:
        if not event.cameo:
            continue
        sources = {c for role, k in event.participants if role not in NON_SOURCE_ROLES for c in codes(k)} or {""}
        targets = {c for role, k in event.participants if role == "target" for c in codes(k)} or {""}
        out |= {(s, t, event.cameo) for s in sources for t in targets}
    return out


def root(code: str) -> str:
    """CAMEO root: the first two digits ('0411' -> '04')."""
    return code[:2]


def score_record(record: Record, ours: set[tuple[str, str, str]]) -> dict:
    """Pass, partial credit and per-coding results of one record."""
    types = {c for _, _, c in ours}
    dyads = {(s, t) for s, t, _ in ours}
    expected = record.codings
    if record.no_events:
        ok = not ours
        return {"id": record.id, "category": record.category, "no_events": True, "pass": ok, "type": ok, "root": ok,
                "dyad": ok, "codings": [], "ours": sorted(ours), "text": record.text}
    found = [c in ours for c in expected]
    return {"id": record.id, "category": record.category, "no_events": False, "pass": all(found),
            "type": all(c in types for _, _, c in expected), "root": all(root(c) in {root(t) for t in types} for _, _, c in expected),
            "dyad": all((s, t) in dyads for s, t, _ in expected),
            "codings": [{"expected": list(c), "found": f} for c, f in zip(expected, found, strict=True)],
            "ours": sorted(ours), "text": record.text}


def score_petrarch(folder: str | Path, progress: Callable[[int], None] | None = None, halves=HALVES) -> dict:
    """newskg on the PETRARCH-2 unit records of `folder` (petrarch2_unittest/), per half of the split."""
    from kg.pipeline import extract_articles
    from kg.read import make_article

    folder = Path(folder)
    records = read_records(folder / RECORDS)
    d = read_dictionary(folder)
    for r in records:
        half_of("petrarch", r.id)
    units: dict[str, dict] = {}
    scored = [r for r in records if not r.error and r.text and (r.codings or r.no_events)]
    for r in records:
        if r not in scored:
            units[r.id] = {"id": r.id, "skipped": True}
    articles = [make_article(r.date, r.text, title=r.id) for r in scored]
    for record, extraction in zip(scored, extract_articles(articles), strict=True):
        if progress is not None:
            progress(1)
        units[record.id] = score_record(record, our_codings(extraction, d, record.date))
    order = {r.id: i for i, r in enumerate(records)}
    return by_half("petrarch", dict(sorted(units.items(), key=lambda kv: order[kv[0]])), summarise, halves)


def _rate(n: int, total: int) -> float:
    return round(n / total, 4) if total else 0.0


def summarise(units: list[dict], details: bool = False) -> dict:
    """Pass rates overall, partial credit, and by CAMEO root of the expected codings; every failure with `details`."""
    rows = [u for u in units if not u.get("skipped")]
    n = len(rows)
    out: dict = {"records": n, "skipped": len(units) - n, "passed": sum(r["pass"] for r in rows),
                 "pass_rate": _rate(sum(r["pass"] for r in rows), n),
                 "type_only": _rate(sum(r["type"] for r in rows), n), "root_only": _rate(sum(r["root"] for r in rows), n),
                 "dyad_only": _rate(sum(r["dyad"] for r in rows), n)}
    codings = [c for r in rows for c in r["codings"]]
    out["codings"] = {"expected": len(codings), "found": sum(c["found"] for c in codings),
                      "rate": _rate(sum(c["found"] for c in codings), len(codings))}
    no_events = [r for r in rows if r["no_events"]]
    out["no_event_records"] = {"records": len(no_events), "passed": sum(r["pass"] for r in no_events),
                               "rate": _rate(sum(r["pass"] for r in no_events), len(no_events))}
    by_root: dict[str, list[int]] = {}
    for c in codings:
        tally = by_root.setdefault(root(c["expected"][2]), [0, 0])
        tally[0] += c["found"]
        tally[1] += 1
    out["by_root"] = {k: {"found": f, "expected": t, "rate": _rate(f, t)} for k, (f, t) in sorted(by_root.items())}
    if details:
        out["failures"] = [r for r in rows if not r["pass"]]
    return out


HEADLINE = (("pass rate (records)", "pass_rate"), ("type only", "type_only"), ("CAMEO root only", "root_only"),
            ("dyad only", "dyad_only"), ("expected codings found", "codings.rate"), ("no-event records right", "no_event_records.rate"))


def format_half(result: dict, name: str) -> str:
    """One half: pass rate, partial credit, and the rate by CAMEO root."""
    c, ne = result["codings"], result["no_event_records"]
    lines = [f"PETRARCH-2 unit records [{name}]: {result['records']} records ({result['skipped']} expecting a parser error"
             f" not scored), passed {result['passed']} = {result['pass_rate']:.3f}",
             f"  partial: type only {result['type_only']:.3f}, CAMEO root only {result['root_only']:.3f}, "
             f"dyad only {result['dyad_only']:.3f}; expected codings found {c['found']}/{c['expected']}; "
             f"no-event records right {ne['passed']}/{ne['records']}",
             "  by CAMEO root of the expected coding: " + ", ".join(
                 f"{k} {v['found']}/{v['expected']}" for k, v in result["by_root"].items())]
    return "\n".join(lines)


def format_petrarch_report(result: dict, details: bool = False, half: str | None = None) -> str:
    """Plain text: tune / check / all side by side, then `tune` (`half`: that half alone); failures for `tune` only."""
    lines = report_head(result, "PETRARCH-2 unit records", HEADLINE, format_half, half)
    if details and half in (None, "tune"):
        for r in result["tune"]["failures"]:
            expected = "no event" if r["no_events"] else ", ".join("/".join(c["expected"]) for c in r["codings"])
            ours = ", ".join("/".join(c) for c in r["ours"]) or "none"
            lines.append(f"  {r['id']}: expected {expected}; ours {ours}: {r['text'][:120]}")
    return "\n".join(lines)

