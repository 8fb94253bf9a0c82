"""Positions held: 'Serbian President Aleksandar Vucic' -> Role(holder, President, Serbia).

Patterns (titles from kg/data/titles.jsonl and kg/data/agent_titles.jsonl):
- OWNER ['s] TITLE NAME     "Kosovo's Prime Minister Avdullah Hoti", "EU foreign policy chief Josep Borrell"
- OWNER ['s] TITLE, NAME    "Japan's Foreign Minister, Yoko Kamikawa, arrived"
- TITLE of|for OWNER NAME  "President of Serbia Aleksandar Vucic"
- NAME, [the|a] OWNER['s] TITLE   "Angela Merkel, the German chancellor"
- NAME, [the] TITLE of|for OWNER  "Ban Ki-moon, Secretary-General of the United Nations", "X, spokesman for the Thai army"

OWNER may be "the country's" (the one state just named), and adjectives or body nouns may stand
between it and the title ("Serbia's outgoing president", "Indonesian police spokesman"). With no
owner written, 'TITLE NAME' takes the state whose office the Phoenix lists say NAME held on the
article's date, if the article names that state.

A military rank ('Colonel X') names a person, never a position; 'former', 'ex-' and 'late' mark a
position no longer held, which is not stated as of the article's date.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from kg.extract.entities import ents, gazetteer_id, organization_key
from kg.extract.entities import owner_before_title as _owner_before
from kg.extract.entities import sentence_text as _sentence
from kg.gazetteer import entries, office_holders, office_holders_horizon, sectors, state_by_iso3, title_kinds, titles
from kg.ids import slug
from kg.records import Evidence, Role

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def person_key(name: str) -> str:
    """Key of a person named in full: 'Aleksandar Vucic' -> 'person-aleksandar-vucic'."""
    return f"person-{slug(name)}"


def owner_key(owner: Span) -> str:
    """Key of the state or organization a position belongs to ('' when the span is neither)."""
    gid = gazetteer_id(owner)
    if gid:
        return gid if entries()[gid].type in {"State", "Organization"} else ""
    return organization_key(owner.text) if owner.label_ == "ORG" else ""


def extract_roles(doc: Doc, as_of: dt.date) -> list[Role]:
    """Every position the doc states, as of the article date."""
    role_names = {row["id"]: row["role"] for row in titles()}
    out = []
    kinds = title_kinds()
    for title in doc.spans.get("kg_titles", []):
        if kinds.get(title.label_) == "rank":
            continue
        name = role_names[title.label_]
        found = False
        for person, owner, rule, span in _patterns(doc, title):
            found = True
            of = owner_key(owner)
            if person.label_ != "PERSON" or not of or _past_holder(doc, title, owner):
                continue
            evidence = Evidence(span.start_char, span.end_char, _sentence(span), f"roles/{rule}", confidence=0.9)
            out.append(Role(holder=person_key(person.text), name=name, of=of, as_of=as_of, evidence=evidence))
        if not found:
            role = _known_holder_role(doc, title, name, as_of)
            if role is not None:
                out.append(role)
    return out + _counterparts(doc, out, as_of)


HOLDER_SECTORS = frozenset(sectors("office"))  # kg/data/sectors.csv


def _known_holder_role(doc: Doc, title: Span, name: str, as_of: dt.date) -> Role | None:
    """'Prime Minister NAME' with no state written: the state whose office NAME held on the article's date.

    The text states the position; the Phoenix office holders' dated codes only say whose it is, and only
    when they name one state for that day that the article also names ('former' and 'late' holders state nothing).
    """
    start = _name_start(doc, title)
    person = _ent_at(doc, start)
    if person is None or person.start != start or person.label_ != "PERSON":
        return None
    window = doc[max(0, title.start - 2):title.start]
    if any(t.lower_ in PAST or t.lower_.startswith("ex-") for t in window) or _owner_before(doc, title.start) is not None:
        return None
    day = as_of.isoformat()
    states = {state_by_iso3().get(c["country"]) for c in office_holders().get(person.text.lower(), ())
              if c["sector"] in HOLDER_SECTORS and (c["from"] or c["to"]) and (not c["from"] or c["from"] <= day)
              and (day <= c["to"] if c["to"] else day <= office_holders_horizon())}  # open terms end with the lists
    states.discard(None)
    if len(states) != 1 or not any(e.ent_id_ in states for e in ents(doc)):
        return None  # one state, and one the article names: the role points to a node the article has
    span = doc[title.start:person.end]
    evidence = Evidence(span.start_char, span.end_char, _sentence(span), "roles/title-name-known-holder", confidence=0.7)
    return Role(holder=person_key(person.text), name=name, of=states.pop(), as_of=as_of, evidence=evidence)


def _counterparts(doc: Doc, roles: list[Role], as_of: dt.date) -> list[Role]:
    """'Lavrov met his Turkish counterpart Mevlut Cavusoglu': the same position, in the other state."""
    if "counterpart" not in doc.text.lower():
        return []  # iterating a Doc's tokens is costly; most articles have no counterpart
    held = {r.holder: r.name for r in roles}
    out = []
    for token in doc:
        if token.lower_ != "counterpart":
            continue
        owner = _owner_before(doc, token.i)
        person = _ent_at(doc, token.i + 1 + (token.i + 1 < len(doc) and doc[token.i + 1].text == ","))
        if owner is None or person is None or person.label_ != "PERSON" or not owner_key(owner):
            continue
        earlier = [e for e in ents(doc) if e.label_ == "PERSON" and e.sent == token.sent and e.end <= owner.start]
        name = next((held[person_key(e.text)] for e in reversed(earlier) if person_key(e.text) in held), "")
        if name:
            span = doc[owner.start:person.end]
            evidence = Evidence(span.start_char, span.end_char, _sentence(span), "roles/counterpart", confidence=0.8)
            out.append(Role(holder=person_key(person.text), name=name, of=owner_key(owner), as_of=as_of, evidence=evidence))
    return out


PAST = {"former", "ex", "then", "late"}


def _past_holder(doc: Doc, title: Span, owner: Span) -> bool:
    """'former U.S. President Bill Clinton': not a position held as of the article's date."""
    window = doc[max(0, min(title.start, owner.start) - 2):title.end]
    return any(t.lower_ in PAST or t.lower_.startswith("ex-") for t in window)


def _ent_at(doc: Doc, i: int) -> Span | None:
    if 0 <= i < len(doc):
        for ent in ents(doc):
            if ent.start <= i < ent.end:
                return ent
    return None


def _name_start(doc: Doc, title: Span) -> int:
    """Where a name after a title starts: past a chained title or rank ('spokesman Colonel X', 'Prime Minister General Y')."""
    starts = {t.start: t.end for t in doc.spans.get("kg_titles", [])}
    i = title.end
    while i in starts:
        i = starts[i]
    return i


def _patterns(doc: Doc, title: Span):
    start = _name_start(doc, title)
    after = _ent_at(doc, start)
    owner_before = _owner_before(doc, title.start)
    if after is not None and after.start == start and after.label_ == "PERSON":
        if owner_before is not None:
            yield after, owner_before, "owner-title-name", doc[owner_before.start:after.end]
    # OWNER's TITLE, NAME[,]
    if owner_before is not None and title.end + 1 < len(doc) and doc[title.end].text == ",":
        person = _ent_at(doc, title.end + 1)
        if person is not None and person.start == title.end + 1 and person.label_ == "PERSON" and _closes_apposition(doc, person):
            yield person, owner_before, "owner-title-appositive", doc[owner_before.start:person.end]
    # TITLE of|for OWNER ...
    if title.end + 1 < len(doc) and doc[title.end].lower_ in {"of", "for"}:
        owner = _owner_after(doc, title.end + 1)
        if owner is not None:
            person = _ent_at(doc, owner.end)
            if person is not None and person.start == owner.end and person.label_ == "PERSON":
                yield person, owner, "title-of-owner-name", doc[title.start:person.end]
            # [the] TITLE of OWNER, NAME[,]   "the president of Serbia, Aleksandar Vucic, arrived"
            person = _ent_at(doc, owner.end + 1) if owner.end + 1 < len(doc) and doc[owner.end].text == "," else None
            if person is not None and person.start == owner.end + 1 and person.label_ == "PERSON" and _closes_apposition(doc, person):
                yield person, owner, "title-of-owner-appositive", doc[title.start:person.end]
            # NAME, [the] TITLE of OWNER
            person = _appositive_person(doc, title.start)
            if person is not None:
                yield person, owner, "name-title-of-owner", doc[person.start:owner.end]
    # NAME, [the|a] OWNER['s] TITLE
    if owner_before is not None:
        person = _appositive_person(doc, owner_before.start)
        if person is not None:
            yield person, owner_before, "name-owner-title", doc[person.start:title.end]


def _closes_apposition(doc: Doc, person: Span) -> bool:
    """'..., NAME,' or '..., NAME said': the name closes an apposition, it does not start a list ('X, Y and Z')."""
    if person.end == len(doc):
        return True
    nxt = doc[person.end]
    return nxt.text in {",", ".", ";", ")"} or nxt.pos_ in {"VERB", "AUX"}


def _owner_after(doc: Doc, i: int) -> Span | None:
    """The state or organization after 'of'/'for': 'of Serbia', 'of the United Nations', 'for the Thai army' (Thailand)."""
    first = i
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    owner = _ent_at(doc, i)
    if owner is None or owner.start not in {first, i} or not owner_key(owner):
        return None
    return owner


def _appositive_person(doc: Doc, i: int) -> Span | None:
    """The person in 'NAME, [the|a] ...' ending just before token i."""
    if i > 0 and doc[i - 1].lower_ in {"the", "a", "an"}:
        i -= 1
    if i < 2 or doc[i - 1].text != ",":
        return None
    person = _ent_at(doc, i - 2)
    return person if person is not None and person.label_ == "PERSON" else None
