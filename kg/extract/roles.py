"""Positions held: 'Serbian President Aleksandar Vucic' -> Role(holder, President, Serbia).

Patterns (titles from kg/data/titles.jsonl):
- OWNER ['s] TITLE NAME     "Kosovo's Prime Minister Avdullah Hoti", "EU foreign policy chief Josep Borrell"
- TITLE of OWNER NAME      "President of Serbia Aleksandar Vucic"
- NAME, [the|a] OWNER['s] TITLE   "Angela Merkel, the German chancellor"
- NAME, [the] TITLE of OWNER      "Ban Ki-moon, Secretary-General of the United Nations"
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from kg.extract.entities import _owner_before, _sentence, organization_key
from kg.gazetteer import entries, titles
from kg.ids import slug
from kg.records import Evidence, Role

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def person_key(name: str) -> str:
    """Key of a person named in full: 'Aleksandar Vucic' -> 'person-aleksandar-vucic'."""
    return f"person-{slug(name)}"


def owner_key(owner: Span) -> str:
    """Key of the state or organization a position belongs to ('' when the span is neither)."""
    if owner.ent_id_:
        return owner.ent_id_ if entries()[owner.ent_id_].type in {"State", "Organization"} else ""
    return organization_key(owner.text) if owner.label_ == "ORG" else ""


def extract_roles(doc: Doc, as_of: dt.date) -> list[Role]:
    """Every position the doc states, as of the article date."""
    role_names = {row["id"]: row["role"] for row in titles()}
    out = []
    for title in doc.spans.get("kg_titles", []):
        name = role_names[title.label_]
        for person, owner, rule, span in _patterns(doc, title):
            of = owner_key(owner)
            if person.label_ != "PERSON" or not of or _past_holder(doc, title, owner):
                continue
            evidence = Evidence(span.start_char, span.end_char, _sentence(span), f"roles/{rule}", confidence=0.9)
            out.append(Role(holder=person_key(person.text), name=name, of=of, as_of=as_of, evidence=evidence))
    return out + _counterparts(doc, out, as_of)


def _counterparts(doc: Doc, roles: list[Role], as_of: dt.date) -> list[Role]:
    """'Lavrov met his Turkish counterpart Mevlut Cavusoglu': the same position, in the other state."""
    held = {r.holder: r.name for r in roles}
    out = []
    for token in doc:
        if token.lower_ != "counterpart":
            continue
        owner = _owner_before(doc, token.i)
        person = _ent_at(doc, token.i + 1 + (token.i + 1 < len(doc) and doc[token.i + 1].text == ","))
        if owner is None or person is None or person.label_ != "PERSON" or not owner_key(owner):
            continue
        earlier = [e for e in doc.ents if e.label_ == "PERSON" and e.sent == token.sent and e.end <= owner.start]
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
        for ent in doc.ents:
            if ent.start <= i < ent.end:
                return ent
    return None


def _patterns(doc: Doc, title: Span):
    after = _ent_at(doc, title.end)
    if after is not None and after.start == title.end and after.label_ == "PERSON":
        owner = _owner_before(doc, title.start)
        if owner is not None:
            yield after, owner, "owner-title-name", doc[owner.start:after.end]
    # TITLE of OWNER NAME
    if title.end + 1 < len(doc) and doc[title.end].lower_ == "of":
        owner = _ent_at(doc, title.end + 1 + (doc[title.end + 1].lower_ == "the"))
        if owner is not None and owner.ent_id_:
            person = _ent_at(doc, owner.end)
            if person is not None and person.start == owner.end:
                yield person, owner, "title-of-owner-name", doc[title.start:person.end]
            # NAME, [the] TITLE of OWNER
            person = _appositive_person(doc, title.start)
            if person is not None:
                yield person, owner, "name-title-of-owner", doc[person.start:owner.end]
    # NAME, [the|a] OWNER['s] TITLE
    owner = _owner_before(doc, title.start)
    if owner is not None:
        person = _appositive_person(doc, owner.start)
        if person is not None:
            yield person, owner, "name-owner-title", doc[person.start:title.end]


def _appositive_person(doc: Doc, i: int) -> Span | None:
    """The person in 'NAME, [the|a] ...' ending just before token i."""
    if i > 0 and doc[i - 1].lower_ in {"the", "a", "an"}:
        i -= 1
    if i < 2 or doc[i - 1].text != ",":
        return None
    person = _ent_at(doc, i - 2)
    return person if person is not None and person.label_ == "PERSON" else None
