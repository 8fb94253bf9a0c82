"""Mentions of actors and places from a parsed Doc.

Reads `doc.ents` as corrected by the nlp stage and writes Mention records:
names typed Person / Organization / State / Place, demonyms as mentions of
their state, capitals used for a government ("Belgrade rejected") as mentions
of the state, and nominal mentions ("the Serbian president", "the president of
Serbia") for coreference. Referring words are resolved here when the text
leaves no doubt: "he"/"she" as a subject to the one named person of the
previous sentence and this one, "the company"/"the ministry" to the one
organization of the last sentences that the word fits.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from kg import resources
from kg.gazetteer import body_heads, capitals, entries, titles
from kg.ids import slug
from kg.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "dobj", "appos"}
ACTOR_PREPS = {"between", "by", "with", "against"}
LOCATIVE_PREPS = {"in", "at", "to", "from", "near", "into", "outside", "inside", "across", "around", "of"}
NOMINAL_HEADS = {"counterpart", "capital"}



_LAST_ENTS: list = [None, ()]


def ents(doc: Doc) -> tuple[Span, ...]:
    """doc.ents, built once per Doc (spaCy builds the spans anew at each access, and extractors ask per title).

    Only the last Doc's spans are kept, outside the Doc: spans kept on the Doc
    itself would tie it in a reference cycle and keep every parsed article
    alive until a full garbage collection.
    """
    if _LAST_ENTS[0] is not doc:
        _LAST_ENTS[:] = [doc, tuple(doc.ents)]
    return _LAST_ENTS[1]

def extract_mentions(doc: Doc) -> list[Mention]:
    """Every mention of an actor or place in the doc, in text order."""
    out = []
    title_spans = list(doc.spans["kg_titles"]) if "kg_titles" in doc.spans else []
    for ent in ents(doc):
        if ent.label_ == "ORG" and not ent.ent_id_ and any(t.start <= ent.start and ent.end <= t.end for t in title_spans):
            continue  # "State" in "Secretary of State" is part of a title, not an organization
        mention = _mention(ent)
        if mention is not None:
            out.append(mention)
    out.extend(nominal_mentions(doc))
    out.extend(pair_mentions(doc))
    out.extend(pronoun_mentions(doc, out))
    out.extend(body_mentions(doc, out))
    return sorted(out, key=lambda m: (m.start, m.end))


def sentence_text(span: Span) -> str:
    """The text of the sentence a span is in (the span's own text when the Doc has no sentences): an evidence's sentence."""
    return span.sent.text if span.doc.has_annotation("SENT_START") else span.text


def _mention(ent: Span) -> Mention | None:
    label, gid = ent.label_, ent.ent_id_  # read first: a slice of an entity span is a plain span, with no label
    if len(ent) > 1 and ent[-1].text in {"'s", "\u2019s", "'"}:
        ent = ent[:-1]  # "Civic Passion's": the possessive is not part of the name
    base = {"start": ent.start_char, "end": ent.end_char, "text": ent.text, "sentence": sentence_text(ent)}
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
        owner = owner_before_title(doc, start)
        if owner is None:
            owner = _owner_of(doc, start, end)  # 'the president of Serbia'
            if owner is None or doc[start].lower_ == "capital":
                continue
            span = doc[start - 1:owner.end]
        else:
            first = owner.start
            if first > 0 and doc[first - 1].lower_ in {"the", "his", "her", "their", "its"}:
                first -= 1
            span = doc[first:end]
        base = {"start": span.start_char, "end": span.end_char, "text": span.text, "sentence": sentence_text(span)}
        if doc[start].lower_ == "capital":
            capital = entries()[gazetteer_id(owner)].capital if gazetteer_id(owner) else ""
            if capital:
                out.append(Mention(type="Place", rule="nominal-capital", key=capital, **base))
            continue
        role = next((r["role"] for r in titles() if r["id"] == title), "")
        if not role and doc[start].lower_ != "counterpart":
            continue
        rule = "nominal-title" if owner.start < start else "nominal-title-of"
        out.append(Mention(type="Person", rule=rule, key=f"nominal-{span.start_char}", role=role,
                           of=gazetteer_id(owner) or organization_key(owner.text), **base))
    return out


def _owner_of(doc: Doc, start: int, end: int) -> Span | None:
    """The state or organization in 'the TITLE of [the] OWNER' when no name follows ('the president of Serbia said')."""
    if start == 0 or doc[start - 1].lower_ != "the" or end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    i = end + 1 + (doc[end + 1].lower_ == "the")
    owner = next((e for e in ents(doc) if e.start <= i < e.end), None)
    if owner is None or owner.start not in {end + 1, i}:
        return None
    if not (owner.ent_id_ and entries()[owner.ent_id_].type in {"State", "Organization"} or (not owner.ent_id_ and owner.label_ == "ORG")):
        return None
    if owner.end < len(doc) and (_is_name(doc[owner.end]) or doc[owner.end].text == ","):
        return None  # 'the president of Serbia Aleksandar Vucic', 'the president of Serbia, Aleksandar Vucic,': a role, not a reference
    return owner


@lru_cache(maxsize=1)
def pair_heads() -> dict[str, str]:
    """Plural nouns of a pair ('both sides', 'the two countries') -> the type of the pair's members (kg/data/pair_heads.csv)."""
    return {row["head"]: row["type"] for row in resources.table("pair_heads.csv")}


def pair_mentions(doc: Doc) -> list[Mention]:
    """'both sides', 'the two leaders', 'the two countries': the article's main pair; resolve says who."""
    out = []
    for token in doc:
        head = token.lower_
        if head not in pair_heads() or token.i == 0:
            continue
        first = token.i - 1
        while first > 0 and doc[first].pos_ == "ADJ":
            first -= 1  # "the two Balkan neighbors"
        if doc[first].lower_ == "two" and first > 0 and doc[first - 1].lower_ in {"the", "both"}:
            first -= 1
        elif doc[first].lower_ != "both":
            continue
        span = doc[first:token.i + 1]
        out.append(Mention(start=span.start_char, end=span.end_char, text=span.text, type=pair_heads()[head], rule="nominal-pair",
                           key=f"pair-{span.start_char}", sentence=sentence_text(span)))
    return out


PERSON_PRONOUNS = {"he", "she"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def _quote_spans(doc: Doc) -> list[tuple[int, int]]:
    spans, opened = [], None
    for m in re.finditer(r"[\"\u201c\u201d]", doc.text):
        if opened is None and m.group() in "\"\u201c":
            opened = m.start()
        elif opened is not None and m.group() in "\"\u201d":
            spans.append((opened, m.end()))
            opened = None
    return spans


def pronoun_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'he' / 'she' as a subject: the one named person of the previous sentence and this one, when it is their subject.

    Conservative: gender is not known, so a second named person anywhere in that window blocks it;
    pronouns inside quotes (the speaker's own words) are left alone.
    """
    if not doc.has_annotation("SENT_START"):
        return []
    quotes = _quote_spans(doc)
    people = [m for m in mentions if m.type == "Person" and m.rule == "ner-person"]
    sents = list(doc.sents)
    out = []
    for n, sent in enumerate(sents):
        for token in sent:
            if token.lower_ not in PERSON_PRONOUNS or token.dep_ not in SUBJECT_DEPS:
                continue
            if any(s < token.idx < e for s, e in quotes):
                continue
            start = sents[n - 1].start_char if n else sent.start_char
            window = [m for m in people if start <= m.start and m.end <= token.idx]
            if not window:
                continue
            names = {_person_name(m, people) for m in window}
            if len(names) != 1:
                continue
            subject = any(_is_subject(doc, m) for m in window)
            if not subject:
                continue
            antecedent = window[-1]
            out.append(Mention(start=token.idx, end=token.idx + len(token), text=token.text, type="Person",
                               rule="nominal-pronoun", key=antecedent.key, sentence=sent.text))
    return out


def _person_name(m: Mention, people: list[Mention]) -> str:
    """The full name a mention shortens ('Vucic' -> 'Aleksandar Vucic' when the text has it), else its text."""
    full = [p.text for p in people if len(p.text.split()) > 1 and m.text in p.text.split()]
    return full[0] if len(set(full)) == 1 else m.text


def _is_subject(doc: Doc, m: Mention) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ in {"compound", "appos", "conj"} and root.head.i != root.i and root.head.i not in range(span.start, span.end):
        if root.dep_ == "conj":
            return False  # 'Vucic and Hoti said': a pair, not one antecedent
        root = root.head
    return root.dep_ in SUBJECT_DEPS


def body_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'the ministry', 'the company' as an actor: the one organization of the last sentences that it names.

    'the ministry' goes to an organization whose name ends in that word ('the Interior Ministry');
    a business word ('the company', 'the airline') to the one organization the window names.
    """
    if not doc.has_annotation("SENT_START"):
        return []
    orgs = [m for m in mentions if m.type == "Organization" and not m.rule.startswith("nominal")]
    sents = list(doc.sents)
    index = {s.start: n for n, s in enumerate(sents)}
    out = []
    for token in doc:
        if token.lower_ not in body_heads() or token.pos_ != "NOUN" or token.dep_ not in SUBJECT_DEPS | {"dobj", "pobj", "poss"}:
            continue
        if token.i == 0 or doc[token.i - 1].lower_ != "the" or token.ent_type_:
            continue
        if any(c.dep_ in {"compound", "amod", "prep"} for c in token.children):
            continue  # 'the state company', 'the company of ...': a description, not a reference
        n = index[token.sent.start]
        start = sents[max(0, n - 2)].start_char
        window = [m for m in orgs if start <= m.start and m.end <= token.idx]
        named = {m.key for m in window if m.text.lower().split()[-1] in {token.lower_, token.lower_ + "s"}}
        if not named and _business_word(token.lower_):
            named = {m.key for m in window if not m.key.startswith("org-Q")}
        if len(named) != 1:
            continue
        span = doc[token.i - 1:token.i + 1]
        out.append(Mention(start=span.start_char, end=span.end_char, text=span.text, type="Organization",
                           rule="nominal-body", key=next(iter(named)), sentence=token.sent.text))
    return out


def _business_word(word: str) -> bool:
    from kg.gazetteer import agent_sectors

    return agent_sectors().get(word) == "BUS"


def _is_name(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and token.text[:1].isupper())


def owner_before_title(doc: Doc, start: int) -> Span | None:
    """The state or organization entity just before a title starting at token `start`: 'Serbian', "Kosovo's", 'EU',
    "the country's"; None when there is none."""
    i = start - 1
    skipped = 0
    while i >= 0 and skipped < 2 and _title_modifier(doc, i):
        i -= 1  # "Kosovo's new prime minister", 'Indonesian police spokesman', "Apple's senior vice president"
        skipped += 1
    if i >= 0 and doc[i].text in {"'s", "\u2019s", "'"}:
        i -= 1
    for ent in ents(doc):
        if i >= 0 and ent.start <= i < ent.end:
            if ent.ent_id_ and entries()[ent.ent_id_].type in {"State", "Organization"} or (not ent.ent_id_ and ent.label_ == "ORG"):
                return ent
    if i > 0 and doc[i].lower_ in STATE_NOUNS and doc[i - 1].lower_ == "the" and i < start - 1:
        return _the_country(doc, i - 1)
    return None


STATE_NOUNS = {"country", "nation"}


def _title_modifier(doc: Doc, i: int) -> bool:
    """A word between an owner and its title: an adjective or participle ('new', 'acting', 'former', 'senior')
    or a body noun of the Phoenix agents ('police', 'army', 'ministry'), outside every entity."""
    token = doc[i]
    if token.ent_type_ or not token.is_alpha:
        return False
    if token.pos_ == "ADJ" or token.tag_ in {"VBN", "VBG"}:
        return True
    return token.pos_ == "NOUN" and token.lower_ in _agent_words()


def _agent_words() -> frozenset[str]:
    from kg.gazetteer import agent_sectors

    return frozenset(agent_sectors())


def gazetteer_id(span: Span) -> str:
    """The gazetteer id of an entity span, or of a span standing for one ("the country's" -> its state)."""
    return span.ent_id_ or span.id_


def _the_country(doc: Doc, i: int) -> Span | None:
    """"the country's" in a title: the one state named in this sentence before it, or in the previous sentence."""
    from spacy.tokens import Span

    sent = doc[i].sent
    previous = doc[sent.start - 1].sent if sent.start > 0 else None
    lo = previous.start if previous is not None else sent.start
    states = {e.ent_id_ for e in ents(doc) if lo <= e.start and e.end <= i and e.ent_id_ and entries()[e.ent_id_].type == "State"}
    if len(states) != 1:
        return None
    return Span(doc, i, i + 2, label="GPE", span_id=states.pop())
