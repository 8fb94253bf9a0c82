"""Mentions of actors and places from a parsed Doc.

Reads `doc.ents` as corrected by the nlp stage and writes Mention records:
names typed Person / Organization / State / Place, demonyms as mentions of
their state, capitals used for a government ("Belgrade rejected") as mentions
of the state, and nominal mentions ("the Serbian president") for coreference.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.gazetteer import capitals, entries, titles
from kg.ids import slug
from kg.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "dobj", "appos"}
ACTOR_PREPS = {"between", "by", "with", "against"}
LOCATIVE_PREPS = {"in", "at", "to", "from", "near", "into", "outside", "inside", "across", "around", "of"}
NOMINAL_HEADS = {"counterpart", "capital"}


def extract_mentions(doc: Doc) -> list[Mention]:
    """Every mention of an actor or place in the doc, in text order."""
    out = []
    title_spans = list(doc.spans["kg_titles"]) if "kg_titles" in doc.spans else []
    for ent in doc.ents:
        if ent.label_ == "ORG" and not ent.ent_id_ and any(t.start <= ent.start and ent.end <= t.end for t in title_spans):
            continue  # "State" in "Secretary of State" is part of a title, not an organization
        mention = _mention(ent)
        if mention is not None:
            out.append(mention)
    out.extend(nominal_mentions(doc))
    out.extend(pair_mentions(doc))
    return sorted(out, key=lambda m: (m.start, m.end))


def _sentence(span: Span) -> str:
    return span.sent.text if span.doc.has_annotation("SENT_START") else span.text


def _mention(ent: Span) -> Mention | None:
    label, gid = ent.label_, ent.ent_id_  # read first: a slice of an entity span is a plain span, with no label
    if len(ent) > 1 and ent[-1].text in {"'s", "\u2019s", "'"}:
        ent = ent[:-1]  # "Civic Passion's": the possessive is not part of the name
    base = {"start": ent.start_char, "end": ent.end_char, "text": ent.text, "sentence": _sentence(ent)}
    if label == "PERSON":
        return Mention(type="Person", rule="ner-person", key=f"person-{slug(ent.text)}", **base)
    if gid:
        entry = entries()[gid]
        if entry.type == "Place" and gid in capitals() and _used_as_actor(ent):
            return Mention(type="State", rule="capital-as-government", key=capitals()[gid], **base)
        rule = "gazetteer-demonym" if label == "NORP" else f"gazetteer-{entry.type.lower()}"
        return Mention(type=entry.type, rule=rule, key=gid, **base)
    if label == "ORG":
        return Mention(type="Organization", rule="ner-org", key=organization_key(ent.text), **base)
    if label in {"GPE", "LOC", "FAC"}:
        return Mention(type="Place", rule=f"ner-{label.lower()}", key=f"place-{slug(_strip_article(ent.text))}", **base)
    return None


CORPORATE_SUFFIX = re.compile(r"[,\s]+(inc|incorporated|corp|corporation|co|ltd|limited|plc|llc|ag|sa|nv|n\.v|se|gmbh)\.?$", re.I)


def organization_key(name: str) -> str:
    """Key of an organization the gazetteer does not know: 'the State Department' -> 'org-state-department'.

    A corporate suffix is not part of the name: 'Apple Inc.' and 'Apple' are one key.

    >>> organization_key("Apple Inc."), organization_key("the Apple")
    ('org-apple', 'org-apple')
    """
    return f"org-{slug(CORPORATE_SUFFIX.sub('', _strip_article(name)))}"


def _strip_article(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _used_as_actor(ent: Span) -> bool:
    """A capital names its government when it acts: subject, agent, 'between X and Y', possessor."""
    head = ent.root
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ in ACTOR_DEPS:
        return True
    if head.dep_ == "pobj":
        prep = head.head
        return prep.lower_ in ACTOR_PREPS or prep.dep_ == "agent"
    return False


def nominal_mentions(doc: Doc) -> list[Mention]:
    """'the Serbian president', "Kosovo's prime minister", 'his Serbian counterpart'.

    A title or 'counterpart' after a demonym or a possessive state, with no
    name following it, refers back to a person; resolve decides which.
    """
    out = []
    heads = [(t.start, t.end, t.label_) for t in doc.spans.get("kg_titles", [])]
    heads += [(t.i, t.i + 1, "") for t in doc if t.lower_ in NOMINAL_HEADS]
    for start, end, title in heads:
        if end < len(doc) and _is_name(doc[end]):
            continue  # 'President Hashim Thaci': a title before a name, not a nominal mention
        owner = _owner_before(doc, start)
        if owner is None:
            continue
        first = owner.start
        if first > 0 and doc[first - 1].lower_ in {"the", "his", "her", "their", "its"}:
            first -= 1
        span = doc[first:end]
        base = {"start": span.start_char, "end": span.end_char, "text": span.text, "sentence": _sentence(span)}
        if doc[start].lower_ == "capital":
            capital = entries()[owner.ent_id_].capital if owner.ent_id_ else ""
            if capital:
                out.append(Mention(type="Place", rule="nominal-capital", key=capital, **base))
            continue
        role = next((r["role"] for r in titles() if r["id"] == title), "")
        if not role and doc[start].lower_ != "counterpart":
            continue
        out.append(Mention(type="Person", rule="nominal-title", key=f"nominal-{span.start_char}", role=role,
                           of=owner.ent_id_ or organization_key(owner.text), **base))
    return out


PAIR_HEADS = {"sides": "Person", "leaders": "Person", "parties": "Person", "men": "Person", "ministers": "Person",
              "presidents": "Person", "diplomats": "Person", "envoys": "Person",
              "countries": "State", "neighbors": "State", "neighbours": "State", "governments": "State", "nations": "State"}


def pair_mentions(doc: Doc) -> list[Mention]:
    """'both sides', 'the two leaders', 'the two countries': the article's main pair; resolve says who."""
    out = []
    for token in doc:
        head = token.lower_
        if head not in PAIR_HEADS or token.i == 0:
            continue
        first = token.i - 1
        while first > 0 and doc[first].pos_ == "ADJ":
            first -= 1  # "the two Balkan neighbors"
        if doc[first].lower_ == "two" and first > 0 and doc[first - 1].lower_ in {"the", "both"}:
            first -= 1
        elif doc[first].lower_ != "both":
            continue
        span = doc[first:token.i + 1]
        out.append(Mention(start=span.start_char, end=span.end_char, text=span.text, type=PAIR_HEADS[head], rule="nominal-pair",
                           key=f"pair-{span.start_char}", sentence=_sentence(span)))
    return out


def _is_name(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and token.text[:1].isupper())


def _owner_before(doc: Doc, start: int) -> Span | None:
    """The state or organization entity just before a title: 'Serbian', "Kosovo's", 'EU'."""
    i = start - 1
    if i >= 0 and doc[i].text in {"'s", "\u2019s", "'"}:
        i -= 1
    for ent in doc.ents:
        if i >= 0 and ent.start <= i < ent.end:
            if ent.ent_id_ and entries()[ent.ent_id_].type in {"State", "Organization"} or (not ent.ent_id_ and ent.label_ == "ORG"):
                return ent
    return None
