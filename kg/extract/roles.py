"""Positions held: 'Serbian President Aleksandar Vucic' -> Role(holder, President, Serbia).

Patterns (titles from kg/data/titles.jsonl and kg/data/agent_titles.jsonl):
- OWNER ['s] TITLE NAME     "Kosovo's Prime Minister Avdullah Hoti", "EU foreign policy chief Josep Borrell"
- OWNER ['s] TITLE, NAME    "Japan's Foreign Minister, Yoko Kamikawa, arrived"
- TITLE of|for OWNER NAME  "President of Serbia Aleksandar Vucic"
- TITLE NAME of OWNER      "Prime Minister Fumio Kishida of Japan"
- [the] TITLE of OWNER, NAME   "the chief executive of Apple, Steve Jobs,"
- NAME, [the|a] OWNER['s] TITLE   "Angela Merkel, the German chancellor", "NAME, the State Department spokesman" (not
  when a name follows the title: in 'NAME1, German Chancellor NAME2 and NAME3' the post is NAME2's only)
- NAME, [the] TITLE of|for OWNER  "Ban Ki-moon, Secretary-General of the United Nations", "X, spokesman for the Thai army"
- NAME, who is [the] ... TITLE ...  (a relative clause in the present)
- over the dependency parse, a title that is the complement of a verb: 'NAME is / has been / remains the
  TITLE of OWNER' (held now), 'NAME became / was appointed / was named / was elected / was sworn in as
  TITLE', 'ORG appointed NAME as its TITLE' (taken, and not in a year before the article's); a negation,
  a modal ('will become') or 'until' states nothing held as of the article's date.

Titles written together share holder and owner ('chairman and chief executive of X', 'President and CEO,
NAME'); a minister's title runs over its portfolio ('Minister for Immigration' is the Immigration Minister);
'head of X' is a position when X is a state or organization, and so is an organisation's 'chief' or 'head' before a
name ('WTO chief NAME', 'NAME, the IAEA chief,'). OWNER is a state or organization: a demonym, a
possessive, an 'of'/'for' phrase, "the country's" / "the company's" / "the party's" (the one such actor just
named), a seat of government ('Kremlin spokesman': Russia); adjectives or body nouns may stand between it
and the title ("Serbia's outgoing president", "Indonesian police spokesman"); 'the' and the last lower-case words of one
organisation named before stand for it ('a spokesperson for the prosecuting authority'). With no owner written,
'TITLE NAME' takes the state whose office of that kind the Phoenix lists say NAME held on the article's
date, if the article names that state.

A sentence that opens 'Speaking for ORG,' / 'Speaking on behalf of ORG,' gives the title or occupation right after its
comma that owner ('Speaking for Apple Corps, manager NAME said').

An occupation (kg/data/occupations.jsonl, from WordNet: 'researcher', 'attorney', 'editor') states a position only
with its organisation written in one of the patterns above ('NAME, a researcher at ORG', 'ORG attorney NAME'; 'at'
and 'with' introduce it too), never from context; with a state as owner only when it also heads a Phoenix agent of a
state's sectors ('a senior North Korean official', 'NAME, a diplomat of X').

A verb from which WordNet derives a leader (kg/data/office_verbs.jsonl) states that post in the present: 'NAME, who
heads ORG', 'NAME chairs ORG', 'presides over ORG', 'ORG, led by NAME', 'ORG, the party led by NAME' (the
noun in apposition stands for the name), 'NAME, who said he heads ORG' (the speaker's pronoun), 'NAME, who heads ORG and
chairs ORG2' (a second office verb coordinated with the first takes its holder).

A company's title ('chief executive', 'chairman': `owner_from_context`) given by a verb of putting someone in a post with
no owner written takes the organisation that is the verb's subject, or whose board is: 'ORG named NAME chief
executive', 'The board of ORG appointed NAME as chairwoman', "ORG's board named NAME interim chief executive".

A government's office written with no owner ('Finance Minister NAME', 'was appointed defence minister') is the office
of the state a dateline reports from ('TOKYO, Oct 5 (Reuters) -'), or of the state the title names by itself ('Secretary
of State': kg/data/state_titles.jsonl), when the article names it and the sentence names no other state; a post written
as a person's ("Erdogan's spokesman NAME") is one of that person's own post's state or organisation, and so is one
whose holder represents, or is represented by, a holder of one state's post ('President NAME, who is represented by
Foreign Minister NAME2').

Around a title (kg/data/title_prefixes.jsonl, agent_titles.jsonl seats, from WordNet and the Phoenix agents):
- a word for the post one rank below runs into it: 'Deputy Foreign Minister', 'vice-chairman' (a post of its own);
- a field in compound between owner and title: 'UN human rights chief NAME', 'Airbus communications director' (named
  with the field unless the field is a body: 'foreign ministry spokeswoman' is a Spokesperson);
- a seat in a legislature or a court ('MP', 'lawmaker', 'Judge'; 'Justice' capitalised right before a name; a 'member'
  of an organisation headed by a Phoenix legislature's noun: 'European Parliament member NAME'); a seat
  named by a city is in the city's state when the article names it ('an Ottawa New Democrat MP');
- 'NAME, Director of X, and Chairman of Y': coordinated titles share the first one's holder; 'NAME, 54, the ...':
  an age in its own apposition; 'NAME, her Finnish counterpart,': the other holder's post;
- 'a lawyer representing ORG', 'an adviser to the Ukrainian president'; "Its chief executive, NAME" after one
  organisation; "the Nigerian army's spokesman"; 'Chinese foreign ministry spokesman' (a body in lower case is its
  state's); "Germany's economy minister" (a portfolio before 'minister'); 'Lieutenant General' is a rank;
- "ORG is claiming ... from ORG2. Its chairman, NAME," ('Its' opening a sentence: the subject of the sentence before);
  'NASA Administrator NAME' (an occupation capitalised right after an organisation's name); 'Airbus chief economist
  NAME' (an occupation modifying the next is one post with it); 'Until then ORG's TITLE NAME' ('then' after a
  preposition opening the sentence is a time, not a past holder's 'then'); '"ORG2 ...," said NAME, the club's
  president' after a sentence naming ORG (`the_body`: not an organisation inside the quotation).

A successor holds the post just left or taken away: 'NAME2 was appointed in his place', 'NAME resigned and was
succeeded by NAME2', 'Interior Minister NAME was sacked. He was replaced by NAME2' (not 'will replace'). 'NAME will succeed
NAME2 as TITLE', announced with no time or condition of its own, names the new holder ('... in August 2023' or '... when he
retires' names none). A noun of a post taken or kept gives its title to the subject: 'NAME moves to / was appointed
to / took up the post of TITLE', 'NAME keeps his post as TITLE'. A naming verb with two objects gives the post to the
name before the title: 'named NAME interior minister and NAME2 foreign minister', a headline's 'names NAME chancellor'
(never the subject's post).

Read from the words next to each other when the parse runs two clauses together: 'NAME [, APPOSITION,] [who] was
appointed / was named / becomes / takes over as / is the new TITLE' (`_written_clause_holder`); 'ORG named NAME its new
TITLE'; 'her French and Polish counterparts, NAME1 and NAME2' and 'Microsoft co-founders NAME1 and NAME2' (a post in
the plural: each name in order); 'NAME, the head of ORG and now TITLE' (two posts of one holder); 'NAME, a senator who
leads ORG' (the noun in apposition stands for the name). A story state's office keeps its state when the other state
named after it is where a new holder served or where the holder goes ('will travel to Beijing'), and is no office of
it when 'of' and a region follow it ('premier of Bavaria').

A military rank ('Colonel X') names a person, never a position; 'former', 'ex-', 'then', 'late' mark a
position no longer held, 'future' and 'incoming' one not yet held: neither is stated as of the article's date.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.attrs import LEMMA, LOWER

from kg.extract.entities import (
    BODY_NOUNS,
    PAST,
    STATE_NOUNS,
    doc_text,
    ents,
    gazetteer_id,
    local_place,
    meeting_name,
    organization_key,
    owner_before_title,
    past_marked,
    place_before_title,
    role_name,
    seat_of_government,
    sentence_text,
    the_body,
    the_country,
    tokens_with,
)
from kg.gazetteer import (
    actor_aliases,
    body_heads,
    body_nouns,
    by_name,
    capitals,
    city_posts,
    country_places,
    entries,
    head_nouns,
    held_on,
    honorifics,
    local_posts,
    motion_verbs,
    occupations,
    office_holders,
    office_holders_horizon,
    office_verbs,
    office_words,
    opposition_prefixes,
    person_nouns,
    place_nouns,
    police_nouns,
    post_nouns,
    role_of_form,
    sectors,
    speech_verbs,
    state_bodies,
    state_by_iso3,
    state_occupations,
    state_of,
    state_titles,
    title_by_id,
    title_kinds,
    title_prefixes,
    titles,
)
from kg.ids import slug
from kg.nlp import NON_NAME_LABELS, OPENING_MARKS, QUOTES, speaks_of_teams, strip_the, title_spans, titled_tokens
from kg.records import Evidence, Role

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span, Token


GOVERNED_PLACE = "GOVERNED_PLACE"  # the label of a place owning a post ('the governor of Sousse'): `_governed_place`


def person_key(name: str) -> str:
    """Key of a person named in full: 'Aleksandar Vucic' -> 'person-aleksandar-vucic'."""
    return f"person-{slug(name)}"


def owner_key(owner: Span) -> str:
    """Key of the state or organization a position belongs to ('' when the span is neither)."""
    gid = gazetteer_id(owner)
    if gid:
        entry = entries().get(gid)  # none: the key of a body a building names ('Pentagon spokesman', `seat_of_government`)
        return gid if entry is None or entry.type in {"State", "Organization"} or owner.label_ == GOVERNED_PLACE else ""
    return organization_key(owner.text) if owner.label_ == "ORG" else ""


def extract_roles(doc: Doc, as_of: dt.date) -> list[Role]:
    """Every position the doc states, as of the article date."""
    from spacy.tokens import Span

    rows = title_by_id()
    out: dict[tuple[str, str, str, int], Role] = {}
    kinds = title_kinds()
    groups = _title_groups(doc, [t for t in title_spans(doc) if kinds.get(t.label_) != "rank" and t.label_ not in _ranks()])
    # no occupation too: 'head of X', and a title's field ('executive' of 'Wikimedia Foundation executive director')
    heads = {i for group in groups for t in group for i in range(t.start, t.end)}
    unowned: list[tuple[Span, str]] = []  # a title no pattern gave an owner: perhaps the article's state's office
    for group in groups:
        start, end = group[0].start, group[-1].end
        names = [_chief_of(doc, t, _post_name(doc, t, rows)) for t in group]
        found = made = False
        # 'the national security adviser to US President NAME': an adviser's 'to' introduces whom the post serves
        advises = any(rows.get(t.label_, {}).get("role", "").lower().endswith(ADVISER_WORDS) for t in group)
        for person, owner, rule, span in _patterns(doc, start, end, as_of, TITLE_PREPOSITIONS + ("to",) * advises):
            found = True
            of = owner_key(owner)
            if person.label_ != "PERSON" or not of or _past_holder(doc, start, owner):
                continue
            if group[0].label_ == "Member" and not _legislature(owner):
                continue  # 'a Portuguese member of the European Parliament': a seat in the legislature, not the state
            made = True
            evidence = Evidence(span.start_char, span.end_char, sentence_text(span), f"roles/{rule}", confidence=0.9)
            for title, name in zip(group, names, strict=True):  # one role per title and holder, whatever the patterns
                if title.start > start and (doc[title.start - 1].lower_ in PAST or (
                        owner.start < start and title.end < len(doc) and doc[title.end].lower_ in {"of", "for"})):
                    continue  # '... and former President NAME': past; "Indonesia's minister and president of X": X's
                name = _in_state(title, name, of)
                out.setdefault((person_key(person.text), name, of, start),
                               Role(holder=person_key(person.text), name=name, of=of, as_of=as_of, evidence=evidence))
        if not found and len(group) == 1 and group[0].label_ in rows:
            role = _known_holder_role(doc, group[0], names[0], as_of)
            if role is not None:
                out.setdefault((role.holder, role.name, role.of, start), role)
                made = True
        if not made and group[0].label_ in rows:
            # 'convicted Vice President and former President NAME': the first post, its holder after the last title;
            # 'became interior minister and deputy prime minister': each post not marked past, read over the group
            held = [(t, n) for k, (t, n) in enumerate(zip(group, names, strict=True)) if t.label_ in rows and (
                k == 0 or doc[t.start - 1].lower_ not in PAST)]
            unowned += [(Span(doc, start, end, label=t.label_) if len(group) > 1 else t, n) for t, n in held]
    for span, name in _occupations(doc, heads):
        noun = span.text.lower()
        row = occupations().get(tuple(noun.split())) or occupations()[tuple(noun.split()[1:])]  # 'chief economist'
        # 'an adviser to the Ukrainian president': an adviser's 'to' introduces whom the post serves (WordNet's advisers)
        prepositions = OCCUPATION_PREPOSITIONS + (("to",) if row["under"] == "adviser" else ())
        field = _field_start(doc, span.start)
        span, name = doc[field:span.end], _field_name(doc, field, span.start) + name
        for person, owner, rule, evidence_span in _patterns(doc, span.start, span.end, as_of, prepositions):
            of = owner_key(owner)
            owner_ok = _organization(of) or (bool(of) and (noun in state_occupations() or _team_post(doc, noun)))
            if rule not in EXPLICIT_RULES or person.label_ != "PERSON" or not owner_ok or _past_holder(doc, span.start, owner):
                continue
            if doc[span.end - 1].tag_ == "NNP" and rule != "title-name-of-owner" and not (
                    rule == "owner-title-name" and owner.label_ == "ORG" and owner.end == span.start):
                # 'Professor NAME of ORG'; a capitalised word before it is part of the title ('Emeritus Professor');
                # an organisation's name right before it is its owner ('NASA Administrator NAME')
                continue
            evidence = Evidence(evidence_span.start_char, evidence_span.end_char, sentence_text(evidence_span),
                                f"roles/occupation-{rule}", confidence=0.8)
            out.setdefault((person_key(person.text), name, of, span.start),
                           Role(holder=person_key(person.text), name=name, of=of, as_of=as_of, evidence=evidence))
    for role in _office_verb_roles(doc, as_of) + _office_noun_roles(doc, as_of):
        out.setdefault((role.holder, role.name, role.of, role.evidence.start), role)
    unowned = _add_principal_roles(doc, unowned, out, as_of)
    for role in _home_state_roles(doc, unowned, list(out.values()), as_of):
        out.setdefault((role.holder, role.name, role.of, role.evidence.start), role)
    for role in _own_country_roles(doc, unowned, list(out.values()), as_of):
        out.setdefault((role.holder, role.name, role.of, role.evidence.start), role)
    # "Prime Minister NAME ... NAME's spokesman, NAME2": the principal's post may come from the story's state
    unowned = _add_principal_roles(doc, unowned, out, as_of)
    for role in _coordinated_roles(doc, unowned, list(out.values()), as_of):
        out.setdefault((role.holder, role.name, role.of, role.evidence.start), role)
    for role in _represented_roles(doc, unowned, list(out.values()), as_of):
        out.setdefault((role.holder, role.name, role.of, role.evidence.start), role)
    for role in _party_tag_roles(doc, unowned, as_of):
        out.setdefault((role.holder, role.name, role.of, role.evidence.start), role)
    for role in _court_roles(doc, unowned, as_of) + _opening_place_roles(doc, unowned, as_of):
        out.setdefault((role.holder, role.name, role.of, role.evidence.start), role)
    held = list(out.values())
    for role in _outgoing_roles(doc, held, as_of) + _in_place_roles(doc, as_of) + _successor_roles(doc, as_of, held):
        out.setdefault((role.holder, role.name, role.of, role.evidence.start), role)
    for role in _plural_title_roles(doc, as_of) + _listed_after_plural_title(doc, list(out.values()), as_of) + _incumbent_roles(doc, as_of):
        out.setdefault((role.holder, role.name, role.of, role.evidence.start), role)
    roles = list(out.values())
    roles += _listed_ellipsis_roles(doc, roles, as_of)
    return roles + _counterparts(doc, roles, as_of)


@lru_cache(maxsize=1)
def _one_word_titles() -> dict[str, dict]:
    """A one-word title form in lower case -> its row ('founder', 'chairman', 'minister'), for titles in the plural."""
    return {f.lower(): row for row in reversed(titles()) for f in row["forms"] if " " not in f and f.isalpha()}


def _plural_title_roles(doc: Doc, as_of: dt.date) -> list[Role]:
    """'Google co-founders Larry Page and Sergey Brin', "Apple's founders, Steve Jobs and Steve Wozniak,": a title in the
    plural with its owner before it, then two or more names joined by commas and 'and': the post of each (no
    'former' before it)."""
    from spacy.attrs import TAG

    rows, out = _one_word_titles(), []
    for token in tokens_with(doc, TAG, frozenset({"NNS"})):  # the plural nouns, over the Doc's array
        if token.lemma_.lower() not in rows or token.lower_ == token.lemma_.lower():
            continue
        owner = owner_before_title(doc, token.i)
        if owner is None or not owner_key(owner) or past_marked(doc[max(0, token.i - 3):token.i]) or _past_holder(doc, token.i, owner):
            continue
        people, j = [], token.i + 1 + (token.i + 1 < len(doc) and doc[token.i + 1].text == ",")
        while j < len(doc):
            person = _ent_at(doc, j)
            if person is None or person.label_ != "PERSON" or person.start != j:
                break
            people.append(person)
            j = person.end + (person.end < len(doc) and doc[person.end].text == ",")
            if j < len(doc) and doc[j].lower_ == "and":
                j += 1
            elif people and doc[person.end].text != ",":
                break
        if len(people) < 2 or doc[people[-1].start - 1].lower_ != "and":
            continue
        name = rows[token.lemma_.lower()]["role"]
        for person in people:
            out.append(_role(doc[owner.start:person.end], person, name, owner_key(owner), as_of, "plural-title", 0.8))
    return out


INCUMBENT = frozenset({"incumbent"})


def _incumbent_roles(doc: Doc, as_of: dt.date) -> list[Role]:
    """'won the country's presidential election, defeating the incumbent, NAME', 'the governorships at stake, including
    Veracruz, where the incumbent NAME cannot stand again': 'the incumbent' with a name in apposition holds the office
    a word of its sentence names before it (`office_words`: 'presidential', 'governorship'), of the place whose
    relative clause holds 'incumbent', else the state the word is written with, else the story's state."""
    out = []
    for t in tokens_with(doc, LOWER, INCUMBENT):  # over the Doc's array: most articles have no such word
        if t.pos_ != "NOUN" or doc[t.i - 1].lower_ in PAST:
            continue
        person = _person_at(doc, t.i + 1 + (t.i + 1 < len(doc) and doc[t.i + 1].text == ","))
        office = next((w for w in reversed(doc[t.sent.start:t.i]) if w.lemma_.lower() in office_words()), None)
        if person is None or office is None:
            continue
        ancestors = set(t.ancestors)  # 'including Veracruz, where the incumbent': the name the relative clause is on
        place = next((e for e in reversed(ents(doc)) if office.i < e.start and e.end <= t.i and e.root in ancestors
                      and e.label_ not in NON_NAME_LABELS), None)
        owner = _governed_place(doc, place) if place is not None else None
        if place is not None and owner is None:
            continue  # 'the governorships at stake, including Nuevo León (read as a person), where the incumbent': unknown
        if owner is None:
            owner = _named_owner(doc, owner_before_title(doc, office.i))
        of = owner_key(owner) if owner is not None else story_state(doc)
        if of:
            name = title_by_id()[office_words()[office.lemma_.lower()]]["role"]
            out.append(_role(doc[min(office.i, t.i):person.end], person, name, of, as_of, "incumbent-of-office", 0.8))
    return out


def _listed_after_plural_title(doc: Doc, roles: list[Role], as_of: dt.date) -> list[Role]:
    """'Ministers NAME1 and NAME2', 'Foreign Ministers NAME1, NAME2 and NAME3': the post read for the first name after a
    title in the plural is the post of each name listed after it."""
    out = []
    for title in title_spans(doc):
        first = _person_at(doc, title.end) if title.text.endswith("Ministers") else None
        if first is None:
            continue
        posts = [r for r in roles if r.holder == person_key(first.text) and title.start_char <= r.evidence.start <= first.start_char]
        i, people = first.end, []
        while i < len(doc) and doc[i].text in {",", "and"}:
            i += 1 + (doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].lower_ == "and")
            person = _person_at(doc, i)
            if person is None:
                break
            people.append(person)
            i = person.end
        for person in people:
            out += [_role(doc[title.start:person.end], person, r.name, r.of, as_of, "plural-title-listed", 0.7) for r in posts]
    return out


def _role(span: Span, person: Span, name: str, of: str, as_of: dt.date, rule: str, confidence: float) -> Role:
    """The post `name` of `of` held by `person`, with the span that states it as its evidence (extractor roles/RULE)."""
    evidence = Evidence(span.start_char, span.end_char, sentence_text(span), f"roles/{rule}", confidence=confidence)
    return Role(holder=person_key(person.text), name=name, of=of, as_of=as_of, evidence=evidence)


def _add_principal_roles(doc: Doc, unowned: list[tuple[Span, str]], out: dict, as_of: dt.date) -> list[tuple[Span, str]]:
    """Add the posts held for a principal (`_principal_roles`) to `out`; the titles still without an owner."""
    principal = _principal_roles(doc, unowned, list(out.values()), as_of)
    for start, role in principal.items():
        out.setdefault((role.holder, role.name, role.of, start), role)
    return [(t, name) for t, name in unowned if t.start not in principal]


def _in_state(title: Span, name: str, of: str) -> str:
    """"Germany's top diplomat": a title whose row names the office it is in a state (kg/data/titles.jsonl `in_state`)
    is that office when its owner is a state ('Foreign Minister'), and itself in an organisation ("the EU's top
    diplomat" is its Foreign Policy Chief)."""
    rows = title_by_id()
    row = rows.get(title.label_)
    if row is None or "in_state" not in row or of not in entries():
        return name
    return rows[row["in_state"]]["role"] if entries()[of].type == "State" else row["role"]


@lru_cache(maxsize=1)
def _ranks() -> frozenset[str]:
    """Military titles that end in a rank ('Lieutenant General', 'Brig. Gen.'): ranks too, no posts (an 'Attorney
    General' is no soldier: military titles only)."""
    words = {f.lower() for row in titles() if row.get("kind") == "rank" for f in row["forms"]}
    return frozenset(row["id"] for row in titles() if row.get("sector", "").startswith("MIL") and row["role"].split()[-1].lower() in words)


def _chief_of(doc: Doc, title: Span, name: str) -> str:
    """'Chief Cabinet Secretary', 'the chief cabinet secretary': 'chief' before a government body's office (a Phoenix
    GOV agent title: kind 'gov') names the post above it, a post of its own."""
    chief = title.start > 0 and doc[title.start - 1].lower_ == "chief" and title_kinds().get(title.label_) == "gov"
    return f"Chief {name}" if chief and not name.lower().startswith("chief") else name


def _post_name(doc: Doc, title: Span, rows: dict[str, dict]) -> str:
    """The post a title names: 'Minister of Information' -> 'Information Minister', 'Deputy Foreign Minister' and
    'vice-chairman' keep their prefix ('Vice Chairman': the post one rank below is a post of its own)."""
    if len(title) > 2 and title[-1].lower_ == "elect" and title[-2].text == "-":  # 'President-elect': not yet in office
        return _post_name(doc, title[:-2], rows) + "-elect"

    def named(start: int) -> str:
        if title.label_ not in rows or title.text == "Justice":  # 'the head of X', 'Justice NAME': the noun as written
            return " ".join(t.text.capitalize() for t in doc[start:title.end])
        return role_name(doc[start:title.end].text, rows[title.label_]["role"])

    matched = min((t.start for t in title_spans(doc) if title.start <= t.start < title.end), default=title.start)
    start = title.start
    while start < matched and doc[start].lower_ not in title_prefixes():
        start += 1  # past the field ('press secretary'; a state's office keeps its name: 'caretaker Prime Minister')
    field = _field_name(doc, title.start, start) if title_kinds().get(title.label_) not in STATE_OFFICE_SECTORS else ""
    if start == matched and title.label_ in rows and rows[title.label_]["role"].lower() in PORTFOLIO_HEADS:
        field = _field_name(doc, _portfolio_start(doc, start), start)  # 'economy minister': the portfolio
        known = role_of_form().get(f"{field}{doc[start:title.end].text}".lower())
        if known:
            return known  # 'home affairs minister' is a form of the Interior Minister's title
    if doc[title.end - 1].text.endswith("Ministers"):  # 'Foreign Ministers NAME and NAME': each holds the post
        return _post_name(doc, title[:-1], rows) + " Minister" if len(title) > 1 else "Minister"
    name, first = named(start), doc[start]
    if first.lower_ not in title_prefixes() or name.lower().startswith(first.lower_) or start + 1 >= title.end:
        return field + name  # no prefix, or one the title's own row names ('Vice President', 'Deputy Prime Minister')
    return f"{field}{first.text[:1].upper()}{first.text[1:].lower()} {named(start + 1 + (doc[start + 1].text == '-'))}"



PORTFOLIO_HEADS = {"minister", "secretary"}  # titles that take a portfolio: 'Minister for Immigration', 'economy minister'


def _portfolio_start(doc: Doc, start: int) -> int:
    """Where a portfolio written before 'minister' starts: 'home affairs minister', 'economy minister' ('junior minister'
    has none); capitalised as a capitalised title is ('Economy Minister', 'Digital Transformation Minister'), also over
    a word the model read as an organisation no list knows ('UK Health Secretary', `_portfolio_read_as_owner`)."""
    i = _compound_start(doc, start, 3, capitalised=doc[start].is_title, adjective_last=False)
    model = _ent_at(doc, start - 1) if i == start and start > 0 else None
    if (model is not None and len(model) == 1 and model.label_ == "ORG" and doc[start].is_title
            and model[0].dep_ == "compound" and _portfolio_word(model[0])):
        return model.start
    return i


def _office_verb_roles(doc: Doc, as_of: dt.date) -> list[Role]:
    """'NAME, who heads ORG', 'NAME chairs ORG', 'NAME presides over ORG', 'ORG, led by NAME' (in the present, not
    negated): the post the verb's leader noun names (kg/data/office_verbs.jsonl). The verb of a title held for an act
    once done (kg/data/titles.jsonl `act`) states it in the past too: 'ORG, which was founded by NAME', 'NAME founded
    ORG' (each of 'NAME1 and NAME2')."""
    verbs, acts = office_verbs(), _act_titles()
    out = []
    for token in tokens_with(doc, LEMMA, frozenset(verbs) | frozenset(acts)):
        lemma = token.lemma_.lower()
        act = acts.get(lemma) if token.pos_ == "VERB" and not any(c.tag_ == "MD" for c in token.children) else None
        role = act or (verbs.get(lemma) if token.pos_ == "VERB" and token.tag_ in {"VBZ", "VBP"} else None)
        passive = _past_passive(token) if act else role is None and _present_passive(token)
        role = verbs.get(lemma) if passive and not act else role
        if role is None or any(c.dep_ == "neg" for c in token.children):
            continue
        if passive:  # 'ORG, led by NAME', 'ORG is headed by NAME'
            holder = next((g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            objects = [token.head] if token.dep_ == "acl" else [c for c in token.children if c.dep_ == "nsubjpass"]
        else:
            holder = next((c for c in token.children if c.dep_ == "nsubj"), None)
            objects = [c for c in token.children if c.dep_ == "dobj"]
        if token.dep_ == "relcl" and any(o.tag_ == "WDT" for o in objects):
            objects = [token.head]  # 'ORG, which was founded by NAME', 'ORG, which NAME founded'
        verb = token
        if holder is None and not passive and token.dep_ == "conj" and token.head.pos_ == "VERB" \
                and token.head.lemma_.lower() in verbs:  # 'NAME, who heads ORG and chairs ORG2': the first verb's holder
            verb = token.head
            holder = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if holder is not None and holder.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
            holder = verb.head
            if holder.dep_ == "appos" and holder.pos_ == "NOUN" and _ent_at(doc, holder.i) is None:
                holder = holder.head  # 'NAME, a senator who leads ORG': the noun in apposition stands for the name
            elif _ent_at(doc, holder.i) is None:  # 'the former defence minister NAME, who leads ORG': the clause hung on
                holder = next((c for c in holder.children if c.dep_ == "appos" and c.i < verb.i  # the title, the name's
                               and (_ent_at(doc, c.i) is not None and _ent_at(doc, c.i).label_ == "PERSON")), holder)
        holder = _speaker_of(holder, verb)
        person = _ent_at(doc, holder.i) if holder is not None else None
        objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "over" for g in c.children if g.dep_ == "pobj"]
        # 'heads the UN human rights office': the body named inside the object when the object is no name of its own
        objects += [c for o in objects if _ent_at(doc, o.i) is None for c in o.children
                    if c.dep_ in {"nmod", "compound", "poss"} and c.ent_type_ == "ORG"]
        holders = [person]
        if act and person is not None:  # 'founded by NAME1 and NAME2', 'NAME founded ORG with NAME2': each a founder
            holders += [_ent_at(doc, c.i) for c in holder.children if c.dep_ == "conj"]
            holders += [_ent_at(doc, g.i) for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
                        for g in c.children if g.dep_ == "pobj"]
        for obj in objects:
            owner = _ent_at(doc, obj.i) or _apposed_name(doc, obj) or _unit_of_body(doc, obj) or _the_body_object(doc, obj)
            of = owner_key(owner) if owner is not None else ""
            if act and (not _organization(of) or owner.start > _compound_start_of(owner.root)):
                continue  # 'founded the city' (no organisation), 'Alianza para [el Progreso]' (a name cut short)
            for person in holders:
                if person is None or person.label_ != "PERSON" or not of:
                    continue
                span = doc[min(person.start, token.i):max(person.end, owner.end)]
                out.append(_role(span, person, role, of, as_of, "act-verb" if act else "office-verb", 0.8))
    return out


def _compound_start_of(token) -> int:
    """The first capitalised word of the compound a name's head word ends: 'Alianza' of 'Alianza para el Progreso' for
    'Progreso'; 'Pixar' of 'the animation company Pixar'."""
    words = [token]
    while (first := next((c for c in words[-1].children if c.dep_ == "compound" and c.i < words[-1].i), None)) is not None:
        words.append(first)
    return min((w.i for w in words if w.is_title), default=token.i)


@lru_cache(maxsize=1)
def _act_titles() -> dict[str, str]:
    """The verb of a title held for an act once done -> the title ('found' -> Founder: kg/data/titles.jsonl `act`)."""
    return {row["act"]: row["role"] for row in titles() if row.get("act")}


def _past_passive(token) -> bool:
    """'ORG was founded by NAME', 'ORG, founded by NAME in 1975': a participle with an agent, in any tense."""
    return token.tag_ == "VBN" and any(c.dep_ == "agent" for c in token.children)


# a noun of holding an office and the title it is formed from: 'chairmanship' (chairman), 'leadership' (leader),
# 'presidency' (president); English derivational suffixes, the title checked against the title forms
OFFICE_SUFFIXES = (("ship", ""), ("ency", "ent"))
TAKE_OFFICE_VERBS = {"take", "assume"}  # 'took over the union's rotating chairmanship', 'assumed the presidency of ORG'


def _office_title(noun: str) -> str:
    """The role a noun of holding an office is formed from ('chairmanship' -> 'Chairman'); '' for other nouns."""
    for suffix, ending in OFFICE_SUFFIXES:
        if noun.endswith(suffix) and len(noun) > len(suffix) + 3:
            return role_of_form().get(noun[:-len(suffix)] + ending, "")
    return ""


def _office_noun_roles(doc: Doc, as_of: dt.date) -> list[Role]:
    """'Guinean President NAME took over the union's rotating chairmanship', 'NAME assumed the presidency of ORG': the
    subject of a verb of taking office whose object is a noun of holding an office, written with its owner (a
    possessive before it or 'of ORG' after it), holds the title that noun is formed from; not in the future, negated
    or with a year before the article's."""
    from spacy.attrs import DEP

    out = []
    for token in tokens_with(doc, DEP, frozenset({"dobj"})):  # the direct objects, over the Doc's array
        name = _office_title(token.lower_) if token.pos_ == "NOUN" else ""
        if not name:
            continue
        verb = token.head
        if verb.lemma_.lower() not in TAKE_OFFICE_VERBS or verb.pos_ != "VERB":
            continue
        kids = list(verb.children)
        if any(c.dep_ == "neg" or c.tag_ == "MD" or c.lower_ == "to" for c in kids) or verb.dep_ == "xcomp" \
                or _earlier_year(verb, as_of):
            continue
        if verb.lemma_.lower() == "take" and not any(c.dep_ == "prt" and c.lower_ == "over" for c in kids):
            continue  # 'took the chairmanship seriously'
        holder = next((c for c in kids if c.dep_ == "nsubj"), None)
        if holder is not None and holder.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
            holder = verb.head
        person = _ent_at(doc, holder.i) if holder is not None else None
        owner = owner_before_title(doc, token.i)
        if owner is None and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of":
            owner = _owner_after(doc, token.i + 2)
        of = owner_key(owner) if owner is not None else ""
        if person is None or person.label_ != "PERSON" or not of:
            continue
        span = doc[min(person.start, owner.start):max(person.end, token.i + 1, owner.end)]
        out.append(_role(span, person, name, of, as_of, "office-noun", 0.8))
    return out


def _speaker_of(holder, verb):
    """'NAME, who said he heads ORG', 'NAME says she leads ORG': a pronoun subject of a verb reported by 'say' stands
    for the speaker (not by every verb of speaking: 'denied that he leads'); any other subject is itself."""
    speech = verb.head
    if holder is None or holder.lower_ not in {"he", "she"} or verb.dep_ != "ccomp" or speech.lemma_.lower() != "say":
        return holder
    speaker = next((c for c in speech.children if c.dep_ == "nsubj"), None)
    if speaker is not None and speaker.tag_ == "WP" and speech.dep_ == "relcl":
        speaker = speech.head
    return speaker


def _apposed_name(doc: Doc, obj) -> Span | None:
    """'Fuerza Popular, the party led by NAME': a noun in apposition to an organisation's name stands for it."""
    if obj.dep_ != "appos" or not obj.is_lower:
        return None
    owner = _ent_at(doc, obj.head.i)
    return owner if owner is not None and owner.label_ == "ORG" and _organization(owner_key(owner)) else None


def _unit_of_body(doc: Doc, obj) -> Span | None:
    """'NAME, who chairs the religious affairs commission of the House of Representatives', 'who heads the audit
    committee of FIFA': a body noun in lower case (no name of its own; WordNet's organisations and social groups,
    `body_nouns`) followed by 'of ORG' is a unit of that organisation, and its post is held in it, not in whatever
    body the text named before ('the commission' read as the one just named). Not a noun of no body ('who chairs the
    inquiry of the Senate')."""
    if not obj.is_lower or obj.pos_ != "NOUN" or obj.lower_ not in body_nouns():
        return None
    of = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
    owner = _ent_at(doc, of.i) if of is not None else None
    return owner if owner is not None and owner.label_ == "ORG" and _organization(owner_key(owner)) else None


def _the_body_object(doc: Doc, obj) -> Span | None:
    """'NAME, who leads the party', 'the company, led by NAME': a body noun after 'the' is the one such body just named."""
    det = next((c for c in obj.children if c.dep_ == "det" and c.lower_ == "the"), None)
    if det is None or not obj.is_lower or obj.pos_ != "NOUN" or obj.lower_ in STATE_NOUNS:
        return None
    return the_body(doc, det.i, obj.i)


def _present_passive(token) -> bool:
    """'the Patriotic Front, led by NAME' (a participle after a noun), 'the mission is headed by NAME' (a passive in the
    present): the verb's agent holds the post now; 'was led by' says nothing of now."""
    if token.tag_ != "VBN" or not any(c.dep_ == "agent" for c in token.children):
        return False
    aux = [c for c in token.children if c.dep_ == "auxpass"]
    if aux:
        return all(a.tag_ in {"VBZ", "VBP"} for a in aux) and not any(c.dep_ == "aux" for c in token.children)
    return token.dep_ == "acl" and token.head.pos_ in {"NOUN", "PROPN"}


# an occupation ('researcher', 'attorney', kg/data/occupations.jsonl) states a position only with its organisation written:
# 'NAME, a researcher at ORG', 'ORG attorney NAME', 'the editor of ORG, NAME'; never from context or a known holder
EXPLICIT_RULES = {"owner-title-name", "title-name-of-owner", "speaking-for", "owner-title-appositive", "title-of-owner-name",
                  "title-of-owner-appositive", "name-title-of-owner", "name-owner-title"}
# 'representing' introduces whom a post serves as 'for' does ('a lawyer representing ORG')
# 'at' introduces an organisation only: 'chief financial officer at ORG' (a post 'at' a state is none: 'minister at Japan');
# after an occupation 'from' does too ('a researcher from the University of X'; 'a lawyer from Texas' names a place)
TITLE_PREPOSITIONS = ("of", "for", "representing", "at")
ADVISER_WORDS = ("adviser", "advisor")  # WordNet's adviser: one who serves the one 'to' names
OCCUPATION_PREPOSITIONS = TITLE_PREPOSITIONS + ("with", "from")


def _occupations(doc: Doc, heads: set[int] = frozenset()) -> list[tuple[Span, str]]:
    """Occupation nouns outside titles and names, longest first, each with its role name: 'senior researcher' ->
    (researcher, 'Researcher'). A plural ('lawyers') or a word inside a name ('Tim Cook') is none; one capitalised
    right before a person's name is written as a title ('Professor NAME of ORG').

    Candidates are the last words of occupations tagged NN, found over the Doc's array (`tokens_with`)."""
    from spacy.tokens import Span

    table = occupations()
    ends = [t.i + 1 for t in tokens_with(doc, LOWER, _occupation_last_words())
            if t.tag_ == "NN" or (t.tag_ == "NNP" and t.is_title and _person_at(doc, t.i + 1) is not None)]
    if not ends:
        return []
    taken = {i for t in title_spans(doc) if not _team_rank(doc, t) for i in range(t.start, t.end)} | set(heads)
    out: list[tuple[Span, str]] = []
    for j in ends:
        for n in (3, 2, 1):
            i = j - n
            if i < 0 or (out and i < out[-1][0].end) or (words := tuple(t.lower_ for t in doc[i:j])) not in table:
                continue
            if any(k in taken or doc[k].ent_type_ or not (doc[k].is_lower or doc[k].is_title) for k in range(i, j)):
                continue
            out.append((Span(doc, i, j), table[words]["role"]))
            break
    merged: list[tuple[Span, str]] = []
    for span, name in out:  # 'chief economist', 'chief engineer': an occupation modifying the next is one post with it
        if merged and merged[-1][0].end == span.start and len(merged[-1][0]) == 1 and merged[-1][0].root.head.i == span.root.i:
            first, first_name = merged.pop()
            span, name = Span(doc, first.start, span.end), f"{first_name} {name}"
        merged.append((span, name))
    return merged


def _team_rank(doc: Doc, title: Span) -> bool:
    """'Swedish captain NAME', 'the team's captain': in a text that speaks of teams (`speaks_of_teams`), a rank written
    in lower case is a post in a team, read as an occupation; 'Captain NAME' stays a rank."""
    return title_kinds().get(title.label_) == "rank" and all(t.is_lower for t in title) and speaks_of_teams(doc)


def _team_post(doc: Doc, noun: str) -> bool:
    """'Panama coach NAME', 'Tunisia's coach NAME': in a text that speaks of teams, an occupation of the sport domain
    (WordNet's 'coach': '(sports) someone in charge of training an athlete or a team') is held in a state's team."""
    row = occupations().get(tuple(noun.split()))
    return row is not None and row.get("domain") == "sport" and speaks_of_teams(doc)


@lru_cache(maxsize=1)
def _occupation_last_words() -> frozenset[str]:
    """The last words of the occupations."""
    return frozenset(words[-1] for words in occupations())


def _portfolio_end(doc: Doc, end: int) -> int:
    """Past a field written after a title and closed by a comma ("Microsoft's director of research, NAME"), followed
    by 'at' and the organisation ('vice president of marketing at ORG', 'a professor of physics at ORG') or by the
    holder's name ('Microsoft vice president of marketing NAME'): 'of'/'for' and one to three lower-case words, no name
    among them; past 'at large' ('editor at large at ORG', 'ambassador-at-large for X'); else `end`."""
    if [t.lower_ for t in doc[end:end + 4] if t.text != "-"][:2] == ["at", "large"]:
        return next(j for j in range(end, len(doc)) if doc[j].lower_ == "large") + 1
    if end + 1 >= len(doc) or doc[end].lower_ not in {"of", "for"}:
        return end
    j = end + 1
    while (j < len(doc) and j - end <= 3 and doc[j].is_lower and doc[j].is_alpha and not doc[j].ent_type_
           and doc[j].lower_ not in {"the", "at", "for"}):
        j += 1
    return j if j > end + 1 and j < len(doc) and (doc[j].lower_ in {",", "at", "for"} or _person_at(doc, j) is not None) else end


def _organization(key: str) -> bool:
    """Whether an owner key names an organisation (not a state or a place)."""
    if not key:
        return False
    entry = entries().get(key)
    return entry.type == "Organization" if entry is not None else key.startswith("org-")




def _title_groups(doc: Doc, spans: list[Span]) -> list[list[Span]]:
    """Titles as written together: 'chairman and chief executive of X', 'President and CEO, NAME' share holder and owner.

    A minister's title takes the portfolio written after it ('Minister for Immigration'); 'head of X'
    is a title of its own when X is a state or organization.
    """
    from spacy.tokens import Span

    spans = [_with_field(doc, _with_prefix(doc, _with_portfolio(doc, t))) for t in spans]
    taken = {i for t in spans for i in range(t.start, t.end)}
    for token in tokens_with(doc, LOWER, head_nouns()):
        if (token.pos_ == "NOUN" and token.i not in taken and token.i + 2 < len(doc)
                and doc[token.i + 1].lower_ == "of" and _head_owner(doc, token.i + 1) is not None):
            spans.append(_with_prefix(doc, Span(doc, token.i, token.i + 1, label="Head")))  # 'deputy head of X'
        elif token.i not in taken and _organization_head(doc, token.i):
            spans.append(Span(doc, token.i, token.i + 1, label="Head"))  # 'WTO chief NAME', 'NAME, the SIU head,'
    spans += _justice_titles(doc, taken)
    spans += _member_titles(doc, taken)
    spans += _coordinated_posts(doc, spans)
    spans.sort(key=lambda t: t.start)
    groups: list[list[Span]] = []
    for span in spans:
        last = groups[-1][-1] if groups else None
        if last is not None and doc[last.end].lower_ in {"and", "&"} and (
                span.start == last.end + 1 or (span.start == last.end + 2 and doc[last.end + 1].lower_ in PAST)):
            groups[-1].append(span)  # 'Vice President and former President NAME': one holder, the second post past
        elif last is not None and _listed_title(doc, last, span, spans):
            groups[-1].append(span)  # "Boeing's chairman, president and chief executive, NAME,": one holder, three posts
        else:
            groups.append([span])
    return groups


def _listed_title(doc: Doc, last: Span, span: Span, spans: list[Span]) -> bool:
    """'chairman, president and chief executive': a title right after the comma that closes another is one more post of
    the same holder when the titles run on, each after a comma, to a last one joined by 'and' ('chairman, president,
    and CEO'); 'NAME, chairman, said' or 'the president, NAME, said' is no list."""
    if doc[last.end].text != ",":
        return False
    if span.start == last.end + 2 and doc[last.end + 1].lower_ == "and":
        # the list's last title, after its comma and 'and', when a title and a comma stand before `last` too
        return last.start >= 2 and doc[last.start - 1].text == "," and any(t.end == last.start - 1 for t in spans)
    if span.start != last.end + 1:
        return False
    starts = {t.start: t for t in spans}
    while span.end + 1 < len(doc):
        joiner = doc[span.end].lower_
        if joiner in {"and", "&"}:
            return span.end + 1 in starts
        if joiner != ",":
            return False
        k = span.end + 1 + (doc[span.end + 1].lower_ == "and")
        if k not in starts:
            return False
        if k > span.end + 1:
            return True
        span = starts[k]
    return False


def _coordinated_posts(doc: Doc, spans: list[Span]) -> list[Span]:
    """'chief financial officer and treasurer at ORG', 'curator and director of exhibits at ORG': a noun of a person
    (kg/data/person_nouns.jsonl, WordNet) joined by 'and' to a title is one more post of the same holder and owner,
    named as written. Only a lower-case common noun right before 'of'/'at'/'for' (the owner) or right after a comma
    or an article that opens the apposition ('NAME, curator and director of X'); 'the chairman and his wife' is none."""
    from spacy.tokens import Span

    taken = {i for t in spans for i in range(t.start, t.end)}
    words = person_nouns()

    def post(i: int) -> bool:
        return (0 <= i < len(doc) and i not in taken and doc[i].tag_ == "NN" and doc[i].is_lower
                and not doc[i].ent_type_ and doc[i].lower_ in words)

    out = []
    for t in spans:
        after = t.end + 1
        if (after + 1 < len(doc) and doc[t.end].lower_ == "and" and post(after)
                and doc[after + 1].lower_ in TITLE_PREPOSITIONS):
            out.append(Span(doc, after, after + 1, label="Post"))
        before = t.start - 2
        if before >= 1 and doc[t.start - 1].lower_ == "and" and post(before) and doc[before - 1].lower_ in {",", "the", "a", "an"}:
            out.append(Span(doc, before, before + 1, label="Post"))
    return out


def _member_titles(doc: Doc, taken: set[int]) -> list[Span]:
    """'European Parliament member NAME', 'NAME, a member of the European Parliament', 'becomes the youngest Legislative
    Council member': a member of a legislature (an organisation headed by a legislature's noun, `_legislature_nouns`)
    holds a seat in it; a member of any other body (a party, a club) holds none."""
    from spacy.tokens import Span

    out = []
    for t in tokens_with(doc, LOWER, frozenset({"member"})):
        if t.i in taken or t.tag_ != "NN" or t.ent_type_:
            continue
        before = _ent_at(doc, t.i - 1)
        after = _owner_after(doc, t.i + 2) if t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "of" else None
        if any(o is not None and o.label_ == "ORG" and _legislature(o) for o in (before, after)):
            out.append(Span(doc, t.i, t.i + 1, label="Member"))
    return out


def _legislature(owner: Span) -> bool:
    """Whether an organisation's name is headed by a legislature's noun ('European Parliament', 'Legislative Council',
    'National Assembly of Kenya')."""
    cut = next((k for k, t in enumerate(owner) if k and t.lower_ in {"of", "on", "for"}), len(owner))
    return owner[cut - 1].lower_ in _legislature_nouns()


@lru_cache(maxsize=1)
def _legislature_nouns() -> frozenset[str]:
    """The nouns that head the Phoenix agents' legislatures (sector LEG): one-word bodies ('parliament', 'senate',
    'legislature') and the last word of two or more ('assembly', 'council', 'house'), body nouns of WordNet; no
    'coalition' ('left wing coalition'), whose members hold no seat, nor 'assemblage' (a gathering)."""
    from collections import Counter

    forms = [form.split() for form, sector in state_bodies().items() if sector == "LEG"]
    last = Counter(words[-1] for words in forms)
    one = {words[0] for words in forms if len(words) == 1}
    return frozenset(w for w in last if (last[w] > 1 or w in one) and w in body_nouns()) - {"coalition", "assemblage"}


def _justice_titles(doc: Doc, taken: set[int]) -> list[Span]:
    """'Mr Justice Anthony Mann', 'Justice Sonia Sotomayor': 'Justice' capitalised right before a person's name is a
    judge's seat (WordNet's judge.n.01 has the lemma 'justice', a title only there: 'the Justice Department' is none)."""
    from spacy.tokens import Span

    judge = _court_seat_ids()
    if not judge:
        return []
    label = min(judge)
    return [Span(doc, t.i, t.i + 1, label=label) for t in tokens_with(doc, LOWER, frozenset({"justice"}))
            if t.text == "Justice" and t.i not in taken and not t.ent_type_ and _person_at(doc, t.i + 1) is not None]


def _organization_head(doc: Doc, i: int) -> bool:
    """'WTO chief Ngozi Okonjo-Iweala', 'SIU head NAME said', 'NAME, the IAEA chief,': a head noun in lower case right
    after an organisation's name (no state's: 'Russia's spy chief' names a field), before a name or closing an
    apposition ('the IMF chief economist' is another post)."""
    token = doc[i]
    if not token.is_lower or i == 0 or (i + 1 < len(doc) and doc[i + 1].is_lower and doc[i + 1].is_alpha):
        return False
    owner = _ent_at(doc, i - 1)
    if owner is None or owner.end != i or not _organization(owner_key(owner)):
        return False
    return _person_at(doc, _name_start(doc, i + 1)) is not None or (
        i + 1 < len(doc) and doc[i + 1].text in {",", ")"} and _appositive_person(doc, owner.start) is not None)


def _head_owner(doc: Doc, i: int) -> Span | None:
    """The state or organization a 'head' heads, 'of' at token `i`: 'head of the IAEA', 'head of research at ORG' (a
    field, then 'at' and an organisation)."""
    end = _portfolio_end(doc, i)
    if end == i:
        return _owner_after(doc, i + 1)
    owner = _owner_after(doc, end + 1) if doc[end].lower_ == "at" and end + 1 < len(doc) else None
    return owner if owner is not None and _organization(owner_key(owner)) else None


FIELD_WORDS = 2  # 'human rights chief', 'press secretary'; longer runs are descriptions ('migration pact vote leader')


def _compound_start(doc: Doc, start: int, most: int, capitalised: bool = False, adjective_last: bool = True) -> int:
    """Where the words in compound before token `start` begin: lower-case nouns and adjectives (capitalised too with
    `capitalised`; without `adjective_last`, an adjective only before a noun: 'human rights', not 'junior'), no entity
    or modifier ('new', 'former'), at most `most` words."""
    i = start
    while (i > 0 and start - i < most and (doc[i - 1].is_lower or (capitalised and doc[i - 1].is_title)) and doc[i - 1].is_alpha
           and not doc[i - 1].ent_type_ and doc[i - 1].lower_ not in MODIFIERS and doc[i - 1].dep_ in {"compound", "amod", "nmod"}
           and (doc[i - 1].pos_ in {"NOUN", "PROPN"} or (doc[i - 1].pos_ == "ADJ" and (adjective_last or i < start)))):
        i -= 1
    return i


def _field_start(doc: Doc, start: int) -> int:
    """'UN human rights chief', 'Senate Majority Leader': where the field written between an owner and its title starts
    (capitalised only as the title is); `start` when no owner stands before it, or one stands right before the title."""
    i = _compound_start(doc, start, FIELD_WORDS, capitalised=doc[start].is_title)
    chief = 0 < i < start and doc[i - 1].lower_ == "chief" and doc[i - 1].head.i == start
    if chief:
        i -= 1  # "Mozilla's chief technology officer": 'chief' opens the post's name (the post above the field's officer)
    # "Airbus's chief commercial officer": the owner's possessive reaches over adjectives to the title, yet the words
    # from 'chief' are the post's name
    owner = owner_before_title(doc, i) if i < start and (chief or owner_before_title(doc, start) is None) else None
    if owner is None:
        return start  # a seat of power owns the field's post too: 'White House press secretary' (`seat_of_government`)
    return i


def _with_field(doc: Doc, title: Span) -> Span:
    """A title run back over the field written before it ('press secretary'), when an owner stands before the field, or
    over words that make one occupation with it ('executive director')."""
    from spacy.tokens import Span

    i = _field_start(doc, title.start)
    if i == title.start:  # 'the executive director of ORG': words that make one occupation with the title (WordNet's)
        j = _compound_start(doc, title.start, FIELD_WORDS, capitalised=doc[title.start].is_title)
        i = next((k for k in range(j, title.start) if tuple(t.lower_ for t in doc[k:title.end]) in occupations()), i)
    return title if i == title.start else Span(doc, i, title.end, label=title.label_)


def _field_name(doc: Doc, start: int, core: int) -> str:
    """'Press ' for 'press secretary', 'Managing Associate General ' for '... general counsel': the field's words,
    capitalised, are part of the post's name; none when they name a body of the owner ('foreign ministry spokeswoman'
    is the ministry's Spokesperson)."""
    words = doc[start:core]
    if any(t.lower_ in body_heads() for t in words):
        return ""
    return "".join(f"{t.text[:1].upper()}{t.text[1:]} " for t in words)


def _with_prefix(doc: Doc, title: Span) -> Span:
    """'Deputy Foreign Minister', 'vice-chairman', 'Assistant Secretary': a word for the post one rank below
    (kg/data/title_prefixes.jsonl) runs the title back over it, a hyphen written close between them."""
    from spacy.tokens import Span

    i = title.start - 1
    if i >= 1 and doc[i].text == "-" and not doc[i].whitespace_ and not doc[i - 1].whitespace_:
        i -= 1
    if i < 0 or doc[i].lower_ not in title_prefixes() or doc[i].ent_type_ == "PERSON" or doc[i].lower_ == doc[title.start].lower_:
        return title
    return Span(doc, i, title.end, label=title.label_)


def _with_portfolio(doc: Doc, title: Span) -> Span:
    """'Minister for Immigration', 'Minister for Foreign Affairs and Trade': a minister's title runs over its portfolio
    (an official's is followed by its owner: 'general secretary of the Socialist Party')."""
    from spacy.tokens import Span

    words = [t.lower_ for t in title]
    if title_kinds().get(title.label_) == "official":
        return title
    if words[-1] in {"minister", "secretary"} and title.end + 1 < len(doc) and doc[title.end].lower_ in {"of", "for"}:
        i = title.end + 1
    elif words[0] in PORTFOLIO_HEADS and words[1:] == ["of", "state"] and title.end + 1 < len(doc) \
            and doc[title.end].lower_ == "for":
        i = title.end + 1  # 'Minister of State for Sport', 'Secretary of State for Health': a junior rank, its portfolio
    elif len(words) > 2 and words[0] in {"minister", "secretary"} and words[1] in {"of", "for"}:
        i = title.end  # a form of the lists that is the start of a portfolio ('Minister for Foreign')
    else:
        return title
    if i < len(doc) and doc[i].lower_ == "the" and i > title.end:
        i += 1
    lower = title[-1].is_lower  # 'the minister for immigration': a portfolio written in lower case as its title is
    j = i
    # 'and' may open the rest of a portfolio the form has begun ('Minister for Foreign Affairs' + 'and Trade')
    while j < len(doc) and (_portfolio_word(doc[j], lower) or (doc[j].lower_ in {"and", "&"} and (j > i or i == title.end)
                                                             and j + 1 < len(doc) and _portfolio_word(doc[j + 1], lower))):
        j += 1
    if j == i or doc[j - 1].lower_ in {"and", "&"} or (lower and j - i > 3):
        return title
    return Span(doc, title.start, j, label=title.label_)


def _portfolio_word(token, lower: bool = False) -> bool:
    """A capitalised word of a portfolio: no name of a person, state or place ('Minister of Foreign Affairs of Spain');
    with `lower`, a lower-case noun outside every entity ('minister for immigration', 'secretary of state')."""
    if lower and token.is_lower:
        return token.is_alpha and token.pos_ in {"NOUN", "ADJ"} and not token.ent_type_
    return token.is_title and token.is_alpha and not token.ent_id_ and token.ent_type_ not in {"PERSON", "GPE", "NORP", "DATE"}


HOLDER_SECTORS = frozenset(sectors("office"))  # kg/data/sectors.csv
# the office-list sector a title of a state's office belongs to; other titles (a chief executive, a governor or a
# mayor, whose office is not the state's, a party leader, a spokesperson) take no state from the lists
STATE_OFFICE_SECTORS = {"head_of_state": {"GOV"}, "head_of_government": {"GOV"}, "minister": {"GOV"}, "diplomat": {"GOV"},
                        "legislator": {"LEG"}, "gov": {"GOV"}, "leg": {"LEG"}, "jud": {"JUD"}, "mil": {"MIL"}}
STATE_EXECUTIVES = {"title-vice-president", "title-deputy-prime-minister"}


def _office_sectors(row: dict) -> set[str]:
    """The office-list sectors whose dated codes can tell whose office the title is ('Senator' LEG, 'President' GOV)."""
    if row["id"] in STATE_EXECUTIVES:
        return {"GOV"}
    found = STATE_OFFICE_SECTORS.get(row.get("kind", ""), set())
    if row.get("sector"):  # a Phoenix agent title: its own codes ('GOVJUD' is a government and a judiciary post)
        found = {row["sector"][k:k + 3] for k in range(0, len(row["sector"]), 3)} & HOLDER_SECTORS & (found or HOLDER_SECTORS)
    return found


def _known_holder_role(doc: Doc, title: Span, name: str, as_of: dt.date) -> Role | None:
    """'Prime Minister NAME' with no state written: the state whose office NAME held on the article's date.

    The text states the position, written right before the name; the Phoenix office holders' dated codes only
    say whose it is: a code of the sector that office belongs to ('Senator' a legislature's, 'Prime Minister' a
    government's), valid on the article's date, naming one state, which the article also names. A title that
    is no state's office (chief executive, governor, mayor, party leader, spokesperson) takes nothing from the
    lists, and neither do 'former' and 'late' holders.
    """
    row = title_by_id().get(title.label_)
    sectors = _office_sectors(row) if row is not None else set()
    if not sectors:
        return None
    start = _name_start(doc, title)
    person, rule = _person_at(doc, start), "title-name-known-holder"
    if person is None and title.start > 0 and doc[title.start - 1].lower_ == "the":
        person, rule = _appositive_person(doc, title.start), "name-title-known-holder"  # 'NAME, the chancellor of ...,'
    if person is None:
        return None
    window = doc[max(0, title.start - 2):title.start]
    if past_marked(window) or _opposition_post(doc, title) or owner_before_title(doc, title.start) is not None:
        return None
    day, codes = as_of.isoformat(), [c for c in _holder_codes(person.text) if c["sector"] in sectors and (c["from"] or c["to"])]
    states = {state_by_iso3().get(c["country"]) for c in codes if (not c["from"] or c["from"] <= day)
              and (day <= c["to"] if c["to"] else day <= office_holders_horizon())}  # open terms end with the lists
    if not states and day > office_holders_horizon():
        # past the lists' last date, where they are stale ('Prime Minister Giorgia Meloni' in 2024, in the lists as a
        # minister from 2008; 'Prime Minister Shinzo Abe' in 2017, whose term in them ended in 2007): the text says the
        # name holds the title, and the state whose offices of that sector the name has held says whose it is
        states = {state_by_iso3().get(c["country"]) for c in codes if not c["from"] or c["from"] <= day}
    states.discard(None)
    if len(states) != 1 or not any(e.ent_id_ in states for e in ents(doc)):
        return None  # one state, and one the article names: the role points to a node the article has
    span = doc[min(title.start, person.start):max(title.end, person.end)]
    return _role(span, person, name, states.pop(), as_of, rule, 0.7)


# a dateline: 'TOKYO, Oct 5 (Reuters) -', 'LUSAKA (AP) --', 'WASHINGTON -' at the start of a line near the text's top
DATELINE = re.compile(r"^[ \t]*(?:date \d{4}-\d\d-\d\d[ \t]+)?"  # after the corpus's date line when on its line
                      r"([A-Z][A-Z.'\- ]{1,30}[A-Z])"  # the place, in capitals
                      r"(?:,[^\n(\-\u2013\u2014]{1,25})?[ \t]*(?:\([^)\n]{1,30}\))?"  # ', Oct 5', '(Reuters)'
                      r"[ \t]*[-\u2013\u2014]{1,2}[ \t]", re.M)  # the dash, then a space
DATELINE_CHARS = 400  # a dateline opens the story: after the headline, within its first lines


def story_state(doc: Doc) -> str:
    """The state a story is about, whose offices it writes with no state: the state of its dateline's place
    ('TOKYO, Oct 5 (Wire) -': Japan), else the one state its headline names ('Kenyan President reshuffles cabinet',
    "Portugal's Socialists elect new leader"), else the one state its first paragraph names; '' with none."""
    found = DATELINE.search(doc_text(doc)[:DATELINE_CHARS])
    entry = entries().get(by_name().get(found.group(1).lower(), "")) if found is not None else None
    if entry is not None:
        return entry.id if entry.type == "State" else entry.country
    return _headline_state(doc) or _lead_state(doc)


PROSE_ENDS = (".", '"', "\u201d")  # a paragraph of prose ends a sentence; a headline, a date line or 'Sources' do not


def _headline_state(doc: Doc) -> str:
    """The one state (or its demonym, or a place in it, `_place_state`) named on a headline line that opens the text
    ('Kenyan President Mwangi reshuffles cabinet', 'Christchurch mayor ...' over paragraphs): '' when it names none or
    two states, or the text opens with prose."""
    first = doc_text(doc).lstrip().split("\n", 1)[0]
    if "\n" not in doc_text(doc).strip() or first.rstrip().endswith(PROSE_ENDS):
        return ""
    end = doc_text(doc).find(first) + len(first)
    named = [e for e in ents(doc) if e.end_char <= end and _place_state(e)]
    states = {_place_state(e) for e in named}
    if len(states) > 1:  # 'New Zealand foreign minister visits Beijing': the state of the headline's subject
        states = {_place_state(e) for e in named if _in_subject(e)} or _opening_state(doc, named)
    return states.pop() if len(states) == 1 else ""


HEADLINE_DATE = re.compile(r"\s*(?:date \d{4}-\d\d-\d\d\s+)?")  # the corpus's date line, when on the headline's line


def _opening_state(doc: Doc, named: list[Span]) -> set[str]:
    """'United States sanctions Iran's state oil company' read with no subject (a headline's verb parsed as a noun): the
    state named first, when it opens the headline and no other name is joined to it ('Egypt and Ethiopia trade ...')."""
    first = min(named, key=lambda e: e.start, default=None)
    if first is None or first.start_char != HEADLINE_DATE.match(doc_text(doc)).end():
        return set()
    if first.end < len(doc) and doc[first.end].lower_ in {"and", "&", ",", "'s", "\u2019s"}:
        return set()
    return {_place_state(first)}


def _lead_state(doc: Doc) -> str:
    """The one state (or its demonym, or a place in it) the story's first paragraph of prose names ('Army officers in
    Guinea-Bissau announced ... in the capital, Bissau.' under a headline naming none): '' when it names none or two."""
    text = doc_text(doc)[:DATELINE_CHARS * 4]
    start = 0
    for block in text.split("\n\n"):
        lead = block.strip()
        if lead.endswith(PROSE_ENDS) and start + len(block) < len(text):
            states = {_place_state(e) for e in ents(doc) if start <= e.start_char < start + len(block)}
            states.discard("")
            return states.pop() if len(states) == 1 else ""
        start += len(block) + 2
    return ""


def _place_state(ent: Span) -> str:
    """The state an entity of the gazetteers stands for (`state_of`), or of a city or region the gazetteers do not
    hold that the Phoenix Countries dictionary places in one state (`country_places`: 'Christchurch', 'Davao'); ''
    for any other."""
    if ent.ent_id_:
        return state_of(ent.ent_id_)
    if ent.label_ not in {"GPE", "LOC"}:
        return ""
    return state_by_iso3().get(country_places().get(strip_the(ent.text).lower(), ""), "")


def _in_subject(span: Span) -> bool:
    """Whether `span` lies in the subject of its sentence's main verb ('New Zealand foreign minister' of 'New Zealand
    foreign minister visits Beijing'), not in a coordinated subject ('Egypt and Ethiopia trade accusations')."""
    token = span.root
    while token.dep_ not in {"nsubj", "nsubjpass", "ROOT"} and token.head.i != token.i:
        token = token.head
    return token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ROOT" and not any(
        child.dep_ == "conj" for child in token.children)


def _principal_roles(doc: Doc, unowned: list[tuple[Span, str]], roles: list[Role], as_of: dt.date) -> dict[int, Role]:
    """"Erdogan's spokesman Ibrahim Kalin", "NAME, Putin's foreign minister", 'NAME, a spokesman for President NAME2': a
    post written as a person's, whose one state or organisation the article gives (his own post's owner), is a post of
    that owner. By title start."""
    owners: dict[str, set[str]] = {}
    for role in roles:
        owners.setdefault(role.holder.rsplit("-", 1)[-1], set()).add(role.of)
    out = {}
    for title, name in unowned:
        i = title.start - 1
        while i > 0 and doc[i].lower_ in MODIFIERS - {"its", "their", "former", "then"}:
            i -= 1
        principal = (_ent_at(doc, i - 1) if i > 0 and doc[i].text in {"'s", "\u2019s"} else _pronoun_principal(doc, i)
                     or _principal_after(doc, title))
        if principal is None or principal.label_ != "PERSON":
            continue
        of = owners.get(person_key(principal.text).rsplit("-", 1)[-1], set())
        person, rule = _unowned_holder(doc, title, as_of) if len(of) == 1 else (None, "")
        if person is None and len(of) == 1 and not any(t.lower_ in PAST for t in doc[i:title.start]):
            person, rule = _appositive_person(doc, principal.start), "name-title"  # "NAME, Putin's foreign minister"
        after = principal.start > title.end and principal.end + 1 < len(doc) and doc[principal.end].text == ","
        if person is None and len(of) == 1 and after:
            person, rule = _person_at(doc, principal.end + 1), "title-appositive"  # 'a spokesman for NAME2, NAME,'
            person = person if person is not None and _closes_apposition(doc, person) else None
        if person is None or person_key(person.text) == person_key(principal.text):
            continue
        span = doc[min(person.start, principal.start):max(person.end, title.end)]
        out[title.start] = _role(span, person, name, next(iter(of)), as_of, f"principal-{rule}", 0.7)
    return out


def _pronoun_principal(doc: Doc, i: int) -> Span | None:
    """"His spokeswoman, NAME, said", 'NAME2 condemned it, his spokesman, NAME, said': 'his' or 'her' right before a post
    stands for the one person named before it in its sentence, or in the sentence before when its own names none (by the
    last word of the name: 'Donald Trump' ... 'Trump' is one person); None when two people are named there."""
    if i < 0 or doc[i].tag_ != "PRP$" or doc[i].lower_ not in {"his", "her"}:
        return None
    sent = doc[i].sent
    named = [e for e in ents(doc) if e.label_ == "PERSON" and sent.start <= e.start and e.end <= i]
    if not named and sent.start > 0:
        before = doc[sent.start - 1].sent
        named = [e for e in ents(doc) if e.label_ == "PERSON" and before.start <= e.start and e.end <= before.end]
    if len({e[-1].lower_ for e in named}) != 1:
        return None
    return named[-1]


def _principal_after(doc: Doc, title: Span) -> Span | None:
    """'a spokesman for President NAME', 'an adviser to NAME': the person a post serves, written after it."""
    if title.end + 1 >= len(doc) or doc[title.end].lower_ not in {"for", "to"}:
        return None
    return _person_at(doc, _name_start(doc, title.end + 1))


# the office-list sectors of a state's own offices that a story writes with no state: its government's ('Finance
# Minister'), its legislature's ('Senator') and its judiciary's ('Chief Justice'; a 'judge' sits in a court: _court_roles)
HOME_SECTORS = {"GOV", "LEG", "JUD"}


def _service_chief(row: dict) -> bool:
    """'Army chief General NAME', 'Chief of the Air Force NAME', 'The national police chief, General NAME': a military
    office-list title (sector MIL) that is a chief of a state's armed service, or a police one (COP) of its national
    force, written with no state, is that office of the story's state as a minister's is; no rank, unit commander or
    spokesman ('Colonel', 'Brigade Commander'), nor a city's police chief."""
    words = row["role"].lower().split()
    sector = row.get("sector", "")
    return "chief" in words and (sector.startswith("MIL") or (sector.startswith("COP") and "national" in words))


def _home_state_roles(doc: Doc, unowned: list[tuple[Span, str]], roles: list[Role], as_of: dt.date) -> list[Role]:
    """'Finance Minister Takeshi Ono said', 'NAME was appointed defence minister', 'the new interior minister, NAME,': a
    state's office (whose office-list sector is its government's, legislature's or judiciary's: a minister, a president,
    a senator, a chief justice; not a mayor or a spokesperson, nor a judge, whose seat is in a court) written with
    no state is the office of the article's state (`story_state`), or of the one state the title names by itself
    ('Secretary of State NAME': the United States), when the article names that state (a role points to a node the
    article has: 'BRUSSELS -' over a NATO meeting that names no Belgium is no Belgian story). Not in a sentence that
    names another state or a place in one (a demonym in a compound modifier, 'Chinese-owned', or a name in a quotation
    names none), not for a
    holder the article gives another state's post, not for a post inside a body (`_field_post`), and not for 'former'
    or 'late' holders."""
    rows = title_by_id()
    unowned = [(t, name) for t, name in unowned if (_office_sectors(rows[t.label_]) & HOME_SECTORS or _state_written(doc, t.start)
                                                    or _service_chief(rows[t.label_]))
               and t.label_ not in _court_seat_ids()]
    if not unowned:
        return []
    home, named = story_state(doc), {e.ent_id_ for e in ents(doc) if e.ent_id_}
    out = []
    for title, name in unowned:
        if _field_post(doc, title, rows):
            continue
        own = _title_states().get(title.label_, "")  # 'Secretary of State NAME' names its state by itself
        if title.end < len(doc) and doc[title.end].lower_ in {"for", "of"}:
            own = ""  # 'Secretary of State for Health': another state's office of the same name
        state = own or home
        before = _states_before_quote(doc, title) if not own else set()
        quoted = len(before) == 1 and before != {home} and not _other_state_named(doc, title, next(iter(before)))
        if quoted:
            state = next(iter(before))  # '..." Foreign Secretary NAME said' after 'Mexico's Foreign Ministry'
        if (not state or state not in named or _possessive_name_before(doc, title.start) or place_before_title(doc, title.start)
                or _place_after(doc, title.end)):
            continue
        person, rule = _unowned_holder(doc, title, as_of)
        chamber = _speakers_chamber(doc, title, name, state)  # a chamber the story names: no other state's speaker
        if (person is None or _held_elsewhere(person, state, roles) or (not (own or quoted or chamber)
                                                     and _other_state_named(doc, title, state))
                or _known_states(person.text, as_of) - {state}):
            continue
        span = doc[min(person.start, title.start):max(person.end, title.end)]
        kind = "state-title" if own else "quote-state" if quoted else "home-state"
        if chamber:
            out.append(_role(span, person, name, chamber, as_of, f"chamber-{rule}", 0.7))
            continue
        out.append(_role(span, person, name, state, as_of, f"{kind}-{rule}", 0.7))
    return out


def _field_post(doc: Doc, title: Span, rows: dict[str, dict]) -> bool:
    """'NAME, senior vice president of marketing,', 'vice president of sales at ORG': a title followed by a field in
    lower case (`_portfolio_end`) is a post inside a body (a function of a company), no office of a state; a minister's
    field is its portfolio ('minister of finance'), an office of the state still."""
    return rows[title.label_].get("kind") != "minister" and _portfolio_end(doc, title.end) > title.end


def _speakers_chamber(doc: Doc, title: Span, name: str, state: str) -> str:
    """'Deputy Speaker NAME', 'The Speaker, NAME,', 'The Speaker of Parliament, NAME' in a story that names one chamber
    of its state's legislature ('the National Assembly', 'Parliament'; a senate, whose presiding officer is its
    president or chairman, aside): a speaker presides over a chamber, whose post it is, not the state's. '' when the
    story names no such chamber or two."""
    if "speaker" not in name.lower().split():
        return ""
    titled = titled_tokens(doc)
    chambers = {owner_key(e) for e in ents(doc) if e.label_ == "ORG" and _legislature(e) and e[-1].lower_ != "senate"
                and (not e.ent_id_ or state_of(e.ent_id_) in {"", state}) and e.start not in titled}
    chambers.discard("")
    return chambers.pop() if len(chambers) == 1 else ""


def _state_written(doc: Doc, start: int) -> bool:
    """"the government's spokeswoman", "the country's envoy": a post the text gives a state with a state's noun, whose
    state the sentences around it leave open (other states named paragraphs before): the story's state, as for a
    state's office."""
    i = start - 1
    while i > 0 and doc[i].lower_ in MODIFIERS - {"the", "a", "an", "its", "their"}:
        i -= 1
    return i >= 2 and doc[i].text in {"'s", "\u2019s"} and doc[i - 1].lower_ in STATE_NOUNS and doc[i - 2].lower_ == "the"


def _own_country_roles(doc: Doc, unowned: list[tuple[Span, str]], roles: list[Role], as_of: dt.date) -> list[Role]:
    """'said Peters, the country's deputy prime minister' after 'New Zealand Foreign Minister Winston Peters' and
    'Chinese Foreign Minister Wang Yi': "the country's" that the sentences around it leave open is the one state whose
    post the article already gives the holder."""
    out = []
    for title, name in unowned:
        i = title.start - 1
        while i > 0 and doc[i].lower_ in MODIFIERS - {"the", "a", "an", "its", "their", "former", "then"}:
            i -= 1
        if i < 2 or doc[i].text not in {"'s", "\u2019s"} or doc[i - 1].lower_ not in STATE_NOUNS or doc[i - 2].lower_ != "the":
            continue
        person = _appositive_person(doc, i - 2)
        if person is None:
            person, _ = _unowned_holder(doc, title, as_of)
        if person is None:
            continue
        states = _held_states(person, roles)
        if len(states) == 1:
            span = doc[min(person.start, title.start):max(person.end, title.end)]
            out.append(_role(span, person, name, states.pop(), as_of, "own-country", 0.7))
    return out


def _court_roles(doc: Doc, unowned: list[tuple[Span, str]], as_of: dt.date) -> list[Role]:
    """'The case was heard in the High Court. ... Judge NAME rejected the motion': a judge's seat written with no court
    (one word the Phoenix agents write after a court's noun: 'court judge'; no 'Chief Justice', a state's office) is in
    the one court the article names before it (an organisation whose name holds a
    court's body noun of the Phoenix agents: 'High Court', 'Court of Appeal', 'tribunal'); none when it names two or none."""
    unowned = [(t, name) for t, name in unowned if len(t) == 1 and t.label_ in _court_seat_ids()]
    if not unowned:
        return []
    out = []
    for title, name in unowned:
        courts = {owner_key(e) for e in ents(doc)
                  if e.end <= title.start and e.label_ == "ORG" and any(t.lower_ in _court_nouns() for t in e)}
        person, rule = _unowned_holder(doc, title, as_of)
        if person is None or len(courts) != 1 or "" in courts:
            continue
        span = doc[min(person.start, title.start):max(person.end, title.end)]
        out.append(_role(span, person, name, courts.pop(), as_of, f"court-{rule}", 0.7))
    return out


def _opening_place_roles(doc: Doc, unowned: list[tuple[Span, str]], as_of: dt.date) -> list[Role]:
    """'In Morelos, where 73 people died, Governor NAME said': a city's or region's post (`local_posts`) written with no
    owner in a sentence that opens 'In PLACE,' is the office of that place, when the sentence names no other place
    before the title (`_governed_place`)."""
    out = []
    for title, name in unowned:
        if len(title) != 1 or title.text.lower() not in local_posts():
            continue
        sent = title.sent
        places = [e for e in ents(doc) if sent.start < e.start and e.end <= title.start and e.label_ in {"GPE", "LOC", "FAC"}]
        if (doc[sent.start].lower_ != "in" or len(places) != 1 or places[0].start != sent.start + 1
                or places[0].end >= len(doc) or doc[places[0].end].text != ","):
            continue
        owner = _governed_place(doc, places[0])
        person, rule = _unowned_holder(doc, title, as_of)
        if owner is None or person is None:
            continue
        span = doc[sent.start:max(person.end, title.end)]
        out.append(_role(span, person, name, owner.id_, as_of, f"opening-place-{rule}", 0.7))
    return out


@lru_cache(maxsize=1)
def _court_seats() -> frozenset[str]:
    """The judicial titles (kind 'jud') the Phoenix agents write after a court's noun ('court judge'): 'judge'."""
    jud = {form.lower() for row in titles() if row.get("kind") == "jud" for form in row["forms"]}
    return jud & frozenset(words[-1] for words in (form.split() for form, sector in state_bodies().items() if sector == "JUD")
                           if len(words) > 1 and words[-2] in _court_nouns())


@lru_cache(maxsize=1)
def _court_seat_ids() -> frozenset[str]:
    """The ids of the titles whose form is a court's seat (`_court_seats`): 'title-seat-judge'."""
    return frozenset(row["id"] for row in titles() if {f.lower() for f in row["forms"]} & _court_seats())


@lru_cache(maxsize=1)
def _court_nouns() -> frozenset[str]:
    """The Phoenix agents' judicial bodies of one word that are body nouns (kg/data/body_nouns.jsonl, from WordNet):
    'court', 'tribunal'."""
    return frozenset(form for form, sector in state_bodies().items() if sector == "JUD" and " " not in form) & body_nouns()


def _coordinated_roles(doc: Doc, unowned: list[tuple[Span, str]], roles: list[Role], as_of: dt.date) -> list[Role]:
    """'Israeli Prime Minister NAME and Defense Minister NAME2', 'met Indonesian President NAME and Foreign Minister
    NAME2': a title with no owner written right after 'and' and a holder of another post of this sentence is a post of
    the same state or organisation (not the same title: 'Kenyan President NAME and President NAME2' are two states')."""
    held: dict[str, list[Role]] = {}
    for role in roles:
        held.setdefault(role.holder, []).append(role)
    out = []
    for title, name in unowned:
        if title.start < 2 or doc[title.start - 1].lower_ != "and" or _replaced(doc, title.start):
            continue
        before = _ent_at(doc, title.start - 2)
        sent = doc[title.start].sent
        mates = [r for r in held.get(person_key(before.text), []) if sent.start_char <= r.evidence.start < sent.end_char
                 and r.name != name] if before is not None and before.label_ == "PERSON" else []
        person = _person_at(doc, _name_start(doc, title))
        if len({r.of for r in mates}) != 1 or person is None or person_key(person.text) == person_key(before.text):
            continue
        span = doc[before.start:person.end]
        out.append(_role(span, person, name, mates[0].of, as_of, "coordinated-title-name", 0.7))
    return out


def _listed_ellipsis_roles(doc: Doc, roles: list[Role], as_of: dt.date) -> list[Role]:
    """'Argentine President NAME1, Bolivia's president, NAME2, and Peru's NAME3': in a list of holders of one post in
    several states, a last item written "STATE's NAME" (after ', and' or 'and') leaves the title out: the same post, of
    that state. Only when at least two holders listed just before it hold that one post, each of another state."""
    out = []
    for token in tokens_with(doc, LOWER, frozenset({"'s", "\u2019s"})):
        state = _ent_at(doc, token.i - 1)
        person = _ent_at(doc, token.i + 1)
        if (state is None or person is None or person.label_ != "PERSON" or person.start != token.i + 1
                or not state.ent_id_ or entries()[state.ent_id_].type != "State" or state.start < 2):
            continue
        i = state.start - 1
        if doc[i].lower_ != "and":
            continue
        sent = doc[i].sent
        before = [r for r in roles if sent.start_char <= r.evidence.start < doc[i].idx and r.of in entries()
                  and entries()[r.of].type == "State" and r.evidence.end >= doc[i].idx - 60]
        names, states = {r.name for r in before}, {r.of for r in before}
        if len(before) < 2 or len(names) != 1 or len(states) != len(before) or state.ent_id_ in states:
            continue
        out.append(_role(doc[state.start:person.end], person, names.pop(), state.ent_id_, as_of, "listed-ellipsis", 0.7))
    return out


def _represented_roles(doc: Doc, unowned: list[tuple[Span, str]], roles: list[Role], as_of: dt.date) -> list[Role]:
    """'Rwandan Foreign Minister NAME, who represented President NAME2', 'Russian President NAME, who is represented by
    Foreign Minister NAME2': a state's office written with no state, whose holder represents, or is represented by, a
    holder of one state's post, is an office of that state (one who stands in for a head of state at a summit is of
    his government)."""
    rows = title_by_id()
    out = []
    for title, name in unowned:
        if "GOV" not in _office_sectors(rows[title.label_]):
            continue
        person, rule = _unowned_holder(doc, title, as_of)
        if person is None or rule != "title-name":
            continue
        other = _represented(doc, person)
        states = _held_states(other, roles) if other is not None else set()
        if len(states) != 1 or person_key(other.text) == person_key(person.text) or _held_elsewhere(person, next(iter(states)), roles):
            continue
        span = doc[min(person.start, title.start, other.start):max(person.end, other.end)]
        out.append(_role(span, person, name, states.pop(), as_of, "represented", 0.7))
    return out


def _represented(doc: Doc, person: Span) -> Span | None:
    """The person the one at `person` represents ('who represented NAME', 'NAME represents NAME2') or is represented by
    ('NAME2, who is represented by NAME'), read over the parse: the object and the subject of 'represent', in any tense
    (the summit the article reports)."""
    token = person.root
    if token.dep_ == "dobj" and token.head.lemma_ == "represent":
        verb, role = token.head, {"nsubj"}
    elif token.dep_ == "pobj" and token.head.dep_ == "agent" and token.head.head.lemma_ == "represent":
        verb, role = token.head.head, {"nsubjpass"}
    else:
        return None
    subject = next((c for c in verb.children if c.dep_ in role), None)
    if subject is not None and subject.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
        subject = verb.head
    other = _ent_at(doc, subject.i) if subject is not None else None
    return other if other is not None and other.label_ == "PERSON" else None


US_PARTY_LETTERS = {"R", "D", "I"}  # the party letter of the US Congress's tag after a member's name: '(R-AZ)', ', D-Wash.,'


def _party_tag_roles(doc: Doc, unowned: list[tuple[Span, str]], as_of: dt.date) -> list[Role]:
    """'Senator John McCain (R-AZ)', 'Rep. Norm Dicks, D-Wash.,': a seat in a legislature whose holder's name is followed
    by a party letter and a state ('R-AZ') is a seat in the United States Congress, when the article names the United
    States."""
    seats = [(t, name) for t, name in unowned if title_kinds().get(t.label_) in SEAT_KINDS]
    usa = state_by_iso3().get("USA", "")
    if not seats or not any(e.ent_id_ == usa for e in ents(doc)):
        return []  # a role points to a node the article has
    out = []
    for title, name in seats:
        person = _person_at(doc, _name_start(doc, title))
        i = person.end if person is not None else len(doc)
        if i < len(doc) and doc[i].text in {"(", ","}:
            i += 1
        if not (i + 2 < len(doc) and doc[i].text in US_PARTY_LETTERS and doc[i + 1].text == "-" and doc[i + 2].text[:1].isupper()):
            continue
        span = doc[title.start:i + 3]
        out.append(_role(span, person, name, usa, as_of, "party-tag", 0.8))
    return out


@lru_cache(maxsize=1)
def _title_states() -> dict[str, str]:
    """Title id -> the state whose office one of its forms names by itself (kg/data/state_titles.jsonl)."""
    own = state_titles()
    return {row["id"]: own[f.lower()] for row in titles() for f in row["forms"] if f.lower() in own}


def _held_states(person: Span, roles: list[Role]) -> set[str]:
    """The states whose posts the article gives the person (by surname)."""
    return {r.of for r in roles if _same_person(r.holder, person_key(person.text)) and r.of in entries()
            and entries()[r.of].type == "State"}


def _same_person(key: str, other: str) -> bool:
    """Whether two person keys may name one person: one name ends the other ('Fernández' after 'Alberto Fernández',
    'Wilson-Raybould' after 'Jody Wilson-Raybould'); two names in full that differ before the surname are two people
    ('Maya Fernández' is not 'Alberto Fernández')."""
    a, b = key.removeprefix("person-").split("-"), other.removeprefix("person-").split("-")
    short, long = sorted((a, b), key=len)
    return long[len(long) - len(short):] == short


def _held_elsewhere(person: Span, state: str, roles: list[Role]) -> bool:
    """Whether the article gives the person (by surname) a post of another state."""
    return bool(_held_states(person, roles) - {state})


def _known_states(name: str, as_of: dt.date) -> set[str]:
    """The states whose offices the Phoenix office holders' dated codes say NAME held on the date ('KYIV - ... Defence
    Minister Andrei Belousov' is Russia's minister, not the dateline's)."""
    day = as_of.isoformat()
    return {state_by_iso3().get(c["country"]) for c in _holder_codes(name) if held_on(c, day)} - {None}


def _holder_codes(name: str) -> list[dict]:
    """The dated office codes the Phoenix lists give a name: a full name's own, else those of every holder a short
    name stands for ('Bush' of 'President Bush': both presidents, whom the article's date tells apart)."""
    found = office_holders().get(name.lower())
    if found is not None:
        return list(found)
    return [c for codes in actor_aliases().get(name.lower(), ()) for c in codes]


def _unowned_holder(doc: Doc, title: Span, as_of: dt.date) -> tuple[Span | None, str]:
    """Who holds a title written with no owner, and how the text says it: 'TITLE NAME', '[the] TITLE, NAME,', 'NAME,
    [the] TITLE' or a clause ('was appointed TITLE', 'named NAME as TITLE'); none after 'former', 'late', 'ex-'."""
    window = doc[max(0, title.start - 3):title.start]
    if past_marked(window) or _opposition_post(doc, title) or _replaced(doc, title.start):
        return None, ""
    person = _person_at(doc, _name_start(doc, title))
    if person is not None:
        return person, "title-name"
    if title.end + 1 < len(doc) and doc[title.end].text == ",":
        person = _person_at(doc, _name_start(doc, title.end + 1))
        if person is not None and _closes_apposition(doc, person):
            return person, "title-appositive"
    person = _appositive_person(doc, title.start)
    if person is not None:
        return person, "name-title"
    person, verb = _clause_holder(doc, title.start, as_of)
    return (person, f"clause-{verb}") if person is not None else (None, "")


def _opposition_post(doc: Doc, title: Span) -> bool:
    """'Shadow sports minister NAME' (a field may stand between): a post of the opposition's shadow cabinet
    (`opposition_prefixes`, from WordNet), whose owner is a party, never the state's office of that title."""
    return any(t.lower_ in opposition_prefixes() for t in doc[max(0, title.start - FIELD_WORDS - 1):title.start + 1])


def _place_after(doc: Doc, end: int) -> bool:
    """'premier of Bavaria', 'the governor of the state of Miranda': a title followed by 'of' and a city or region is
    that place's office, no post of the story's state."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return False
    place = _ent_at(doc, end + 1 + (doc[end + 1].lower_ == "the"))
    return place is not None and local_place(doc, place)


def _possessive_name_before(doc: Doc, start: int) -> bool:
    """"East Timor's Prime Minister NAME", "Tuvalu's new prime minister": an owner written as a name in the possessive
    before the title, whether or not it is read as a state, is no post of the story's state; nor is one written as a
    body's noun ("the party's president", "the company's chairman"), whatever body it stands for."""
    i = start - 1
    while i > 0 and doc[i].lower_ in MODIFIERS:
        i -= 1
    return i > 0 and doc[i].text in {"'s", "\u2019s"} and (doc[i - 1].pos_ == "PROPN" or (
        doc[i - 1].lower_ in BODY_NOUNS and not doc[i - 1].ent_type_))  # "The party's president, NAME": a body's post


def _other_state_named(doc: Doc, title: Span, home: str) -> bool:
    """Whether the title's sentence names a state other than `home`, or a place in one ('In Beijing, Foreign Minister
    X said' in a story from Tokyo)."""
    sent = doc[title.start].sent
    new = title.start > 0 and doc[title.start - 1].lower_ in {"new", "newly"}
    opens = title.start - sent.start <= 1 and not any(t.text == "," for t in doc[sent.start:title.start])
    for ent in ents(doc):
        if new and ent.start >= title.end:
            continue  # 'NAME, 45, the new defence minister, served in Afghanistan': the story's new office, named first
        if opens and ent.start >= title.end and _destination(ent):
            continue  # 'Trade Minister NAME will join Abbott in Jakarta': where the story's minister goes, not whose
        if ent.end < len(doc) and doc[ent.end].text == "-" and not doc[ent.end - 1].whitespace_:
            continue  # 'a Chinese-owned consortium', 'US-led': the state describes something else
        if sent.start <= ent.start < sent.end and _quoted(doc, sent, ent):
            continue  # 'Finance Minister NAME said: "Tehran continues ..."': what the holder says names no owner
        if ent.start >= title.end and _in_holders_relative(ent, title):
            continue  # 'Prime Minister NAME, who was returning from a summit in Indonesia,': where the holder was
        if _reported_partner(doc, sent, title, ent):
            continue  # 'The operation was planned with Chad and Cameroon, President NAME said': whom the holder speaks of
        if sent.start <= ent.start < sent.end and ent.ent_id_:
            state = state_of(ent.ent_id_)
            if state and state != home:
                return True
    return bool(_states_before_quote(doc, title) - {home})


REPORTED_DEPS = {"pobj", "dobj"}  # a state the reported words take as an object ('with Chad', 'attacked Chad'), no subject


def _reported_partner(doc: Doc, sent: Span, title: Span, ent: Span) -> bool:
    """'The operation was planned with Chad and Cameroon, President NAME said', 'Talks with Kenya would resume next
    week, Foreign Minister NAME told reporters': the words before ', TITLE NAME said' are what the holder reports, as a
    quotation is, and a state they take as an object (or the conjuncts of one) is whom the holder speaks of, no owner
    of the title. A state that is the reported clause's subject or a possessor ('Russia will not withdraw, Foreign
    Minister NAME said', "Ukraine's army ...") may be the holder's own and still names an owner."""
    if not (sent.start <= ent.start and ent.end <= title.start and doc[title.start - 1].text == ","):
        return False
    verb = sent.root
    if verb.i < title.end or verb.lemma_.lower() not in speech_verbs() or not any(
            t.dep_ == "ccomp" and t.i < ent.start for t in verb.children) and not any(
            t.dep_ == "ccomp" and ent.start <= t.i < title.start for t in verb.children):
        return False
    root = ent.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    return root.dep_ in REPORTED_DEPS and not any(t.text == "," for t in doc[ent.end:title.start - 1])


def _states_before_quote(doc: Doc, title: Span) -> set[str]:
    """'Mexico's Foreign Ministry called on both sides to talk. "We remain ready," Foreign Secretary NAME said': a
    quotation's attribution carries on the sentence before it, so the states (or states of bodies) that sentence names
    outside a quotation are named for the title too (it is Mexico's secretary); none for a sentence that is no
    quotation's attribution."""
    sent = doc[title.start].sent
    if sent.start == 0 or sent[0].text not in OPENING_MARKS or not any(
            t.text in QUOTES for t in doc[sent.start + 1:title.start]):
        return set()
    before = doc[sent.start - 1].sent
    found = set()
    for ent in ents(doc):
        if not (before.start <= ent.start < before.end) or not ent.ent_id_ or _quoted(doc, before, ent):
            continue
        if ent.end < len(doc) and doc[ent.end].text == "-" and not doc[ent.end - 1].whitespace_:
            continue
        found.add(state_of(ent.ent_id_))
    return found - {""}


def _in_holders_relative(ent: Span, title: Span) -> bool:
    """Whether `ent` lies in a relative clause ('who was returning from a summit in Indonesia') on the name right
    after the title: it says what the holder did, not whose office the title is."""
    token = ent.root
    while token.head.i != token.i:
        if token.dep_ == "relcl":
            return title.end <= token.head.i <= title.end + 3 and token.head.pos_ == "PROPN"
        token = token.head
    return False


DESTINATION_PREPOSITIONS = {"to", "in"}  # 'travel to X', 'arrived in X': a place the sentence's subject goes to or is in


def _destination(ent: Span) -> bool:
    """'will travel to Beijing', 'arrived in Jakarta', 'will join NAME in Jakarta': a place after 'to' or 'in' of a verb
    of motion (WordNet's, kg/data/motion_verbs.jsonl) or of a verb in the future: where someone goes, not where the
    holder is from ('announced new rules in London' is neither)."""
    prep = ent.root.head
    if ent.root.dep_ != "pobj" or prep.lower_ not in DESTINATION_PREPOSITIONS or prep.head.pos_ not in {"VERB", "AUX"}:
        return False
    verb = prep.head
    return verb.lemma_.lower() in motion_verbs() or any(c.dep_ == "aux" and c.lower_ in {"will", "shall"} for c in verb.children)
QUOTE_MARKS = ('"', "\u201c", "\u201d")


def _quoted(doc: Doc, sent: Span, ent: Span) -> bool:
    """Whether `ent` stands inside a quotation that opens in its sentence (an odd number of quote marks before it)."""
    return sum(doc_text(doc)[sent.start_char:ent.start_char].count(q) for q in QUOTE_MARKS) % 2 == 1


def _counterparts(doc: Doc, roles: list[Role], as_of: dt.date) -> list[Role]:
    """'Lavrov met his Turkish counterpart Mevlut Cavusoglu', 'NAME, her Finnish counterpart, met X, the Swedish foreign
    minister': the same position, in the other state."""
    if "counterpart" not in doc_text(doc).lower():
        return []  # iterating a Doc's tokens is costly; most articles have no counterpart
    held = _held_posts(roles)
    out = _plural_counterparts(doc, held, as_of)
    for token in tokens_with(doc, LOWER, frozenset({"counterpart"})):
        owner = owner_before_title(doc, token.i)
        if owner is None or not owner_key(owner):
            continue
        person = _ent_at(doc, token.i + 1 + (token.i + 1 < len(doc) and doc[token.i + 1].text == ","))
        if person is not None and person.label_ == "PERSON":
            others = [e for e in ents(doc) if e.label_ == "PERSON" and e.sent == token.sent and e.end <= owner.start][::-1]
        else:  # 'NAME, her Finnish counterpart, ...': the one other holder of the sentence
            person = _appositive_person(doc, owner.start - (owner.start > 0 and doc[owner.start - 1].lower_ in {"his", "her", "their"}))
            others = [e for e in ents(doc) if e.label_ == "PERSON" and e.sent == token.sent and person is not None
                      and person_key(e.text) != person_key(person.text) and person_key(e.text) in held]
            others = others if len({person_key(e.text) for e in others}) == 1 else []
        name = next((held[person_key(e.text)] for e in others if person_key(e.text) in held), "") if person is not None else ""
        if name:
            span = doc[min(owner.start, person.start):max(token.i + 1, person.end)]
            out.append(_role(span, person, name, owner_key(owner), as_of, "counterpart", 0.8))
    return out


def _plural_counterparts(doc: Doc, held: dict[str, str], as_of: dt.date) -> list[Role]:
    """'met her French and Polish counterparts, NAME1 and NAME2': states joined before 'counterparts' and as many
    names joined after it, in the same order, each the post in its state that the sentence's one holder named before
    holds (whose 'her' it is)."""
    out = []
    for token in tokens_with(doc, LOWER, frozenset({"counterparts"})):
        owners, i = [], token.i - 1
        while i >= 0:
            owner = _ent_at(doc, i)
            if owner is None or not owner_key(owner):
                break
            owners.insert(0, owner)
            i = owner.start - 1
            if i >= 0 and doc[i].text == ",":
                i -= 1
            if i < 0 or doc[i].lower_ not in {"and", ","}:
                break
            i -= 1
        people, j = [], token.i + 1 + (token.i + 1 < len(doc) and doc[token.i + 1].text == ",")
        while j < len(doc) and len(people) < len(owners):
            person = _ent_at(doc, j)
            if person is None or person.label_ != "PERSON" or person.start != j:
                break
            people.append(person)
            j = person.end + (person.end < len(doc) and doc[person.end].text == ",")
            j += j < len(doc) and doc[j].lower_ == "and"
        if len(owners) < 2 or len(people) < len(owners):
            continue
        first = owners[0].start
        before = {person_key(e.text) for e in ents(doc) if e.label_ == "PERSON" and e.sent == token.sent and e.end <= first}
        posts = {held[k] for k in before if k in held}
        if len(posts) != 1:
            continue
        name = posts.pop()
        for owner, person in zip(owners, people, strict=True):
            span = doc[first:person.end]
            out.append(_role(span, person, name, owner_key(owner), as_of, "counterparts", 0.8))
    return out


def _held_posts(roles: list[Role]) -> dict[str, str]:
    """Holder key -> the post the article gives them, under their full name's key and under each word of it that one
    holder alone bears ('Anutin and his Cambodian counterpart' after 'Thai Prime Minister Anutin Charnvirakul')."""
    held = {r.holder: r.name for r in roles}
    words: dict[str, set[str]] = {}
    for holder in held:
        for word in holder.removeprefix("person-").split("-"):
            words.setdefault(f"person-{word}", set()).add(holder)
    short = {key: held[next(iter(owners))] for key, owners in words.items() if len(owners) == 1 and key not in held}
    return held | short


def _past_holder(doc: Doc, start: int, owner: Span) -> bool:
    """'former U.S. President Bill Clinton', 'NAME, a former Swedish ambassador', 'replacing Kenyan Finance Minister
    NAME': no position as of the article's date."""
    i = min(start, owner.start)
    if _replaced(doc, i):
        return True
    # before the owner and before the title: 'ORG appointed NAME, a former banker, as its chairman' holds it now
    window = [*doc[max(0, i - 3):i], *doc[max(i, start - 3):start]]
    return any((t.lower_ in PAST and not _time_then(doc, t) and (t.lower_ != "then" or t.i + 1 in {i, start} or doc[t.i + 1].text == "-"
                                      or (doc[t.i + 1].lower_ in {"the", "a", "an"} and t.i + 2 in {i, start}
                                          and t.i > 0 and doc[t.i - 1].text == ",")))  # 'NAME, then the head of X'
               or t.lower_.startswith("ex-") for t in window)


def _time_then(doc: Doc, t) -> bool:
    """'Until then ORG's TITLE NAME', 'Since then ...', 'By then ...': 'then' after a preposition opening the sentence is a
    time, not 'the then-holder' ('signed by then Foreign Minister NAME' is)."""
    return t.lower_ == "then" and t.i > 0 and doc[t.i - 1].tag_ == "IN" and doc[t.i - 1].is_sent_start


def _sentence_before_start(token) -> int:
    """Where the sentence before the token's starts (its own start when it opens the doc): a window of two sentences."""
    sent = token.sent
    return token.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start


def _ent_at(doc: Doc, i: int) -> Span | None:
    if 0 <= i < len(doc):
        for ent in ents(doc):
            if ent.start <= i < ent.end:
                return ent
    return None


def _name_start(doc: Doc, title: Span | int) -> int:
    """Where a name after a title starts: past a chained title or rank ('spokesman Colonel X', 'Prime Minister General Y')
    and past a form of address the name's entity left out ('the medical director of X, Dr NAME,')."""
    starts = {t.start: t.end for t in title_spans(doc)}
    i = title if isinstance(title, int) else title.end
    while i in starts or (i + 1 < len(doc) and doc[i].text in honorifics() and _person_at(doc, i + 1) is not None):
        i = starts.get(i, i + 1)
    return i


def _person_at(doc: Doc, i: int) -> Span | None:
    """The person entity that starts at token i."""
    person = _ent_at(doc, i)
    return person if person is not None and person.start == i and person.label_ == "PERSON" else None


def _portfolio_read_as_owner(doc: Doc, owner: Span, start: int, end: int) -> bool:
    """'the new Interior Cabinet Secretary', 'Treasury Secretary NAME': one capitalised word read as an organisation
    no list knows, right before a minister's or secretary's title, is the title's portfolio, not its owner."""
    return (len(owner) == 1 and owner.end == start and owner.label_ == "ORG" and not (owner.ent_id_ or owner.id_)
            and _portfolio_word(owner[0]) and doc[end - 1].lower_ in {"minister", "secretary"})


def _past_name(doc: Doc, end: int, prep: str, named: Callable[[Span], bool]) -> int:
    """Past 'PREP [the] NAME' right after a title, when the name is of the kind `named` accepts; else `end`."""
    if end + 1 < len(doc) and doc[end].lower_ == prep:
        i = end + 1 + (doc[end + 1].lower_ == "the")
        name = _ent_at(doc, i)
        if name is not None and name.start in {end + 1, i} and named(name):
            return name.end
    return end


SCOPE_PREPOSITIONS = ("for", "on")  # 'envoy for Syria', 'special envoy on Myanmar', 'special rapporteur on Iran'


def _scope_end(doc: Doc, end: int) -> int:
    """Past 'for STATE' or 'on STATE' after an organisation's title ("the IMF's mission chief for Sri Lanka, NAME", 'UN
    special envoy for Syria NAME', 'the UN special envoy on Myanmar, NAME'): the state the post deals with, not its
    owner."""
    for prep in SCOPE_PREPOSITIONS:
        past = _past_name(doc, end, prep, lambda e: bool(e.ent_id_) and entries()[e.ent_id_].type == "State")
        if past > end:
            return past
    return end


def _seat_of_power(owner: Span) -> bool:
    """A seat of government read as the office that sits there ('Kremlin spokesman', `seat_of_government`): the building
    itself after 'at' or 'from' ('head of security at the White House') is a place."""
    entry = entries().get(owner.ent_id_) if owner.ent_id_ else None
    return entry is not None and bool(entry.extra.get("seat_of_government"))


def _destination_end(doc: Doc, end: int) -> int:
    """Past 'to STATE' after a title ('ambassador to France', 'envoy to the United Nations'): what follows it."""
    return _past_name(doc, end, "to", lambda e: e.label_ in {"GPE", "ORG", "NORP", "LOC"})


def _patterns(doc: Doc, start: int, end: int, as_of: dt.date, prepositions: tuple[str, ...] = TITLE_PREPOSITIONS):
    """(person, owner, rule, evidence span) for the titles written from token start to end; `prepositions` may
    introduce the owner after the title ('of'/'for'/'representing'; an occupation also 'at'/'with': 'a researcher at ORG')."""
    end = _portfolio_end(doc, end if "to" in prepositions else _destination_end(doc, end))
    owner_before = (_possessor_over_field(doc, start) or _named_owner(doc, owner_before_title(doc, start)) or _body_possessive(doc, start)
                    or _seat_place(doc, start, end) or _place_office(doc, start, end) or _its_body(doc, start, end)
                    or _whose_owner(doc, start) or _bare_body(doc, start, end) or _body_over_title(doc, start))
    if owner_before is not None and _portfolio_read_as_owner(doc, owner_before, start, end):
        owner_before = _named_owner(doc, owner_before_title(doc, owner_before.start))  # 'UK Health Secretary': UK's
    if owner_before is not None and _organization(owner_key(owner_before)):
        end = _scope_end(doc, end)
    owner_after = _owner_after(doc, end + 1) if end + 1 < len(doc) and doc[end].lower_ in prepositions else None
    if owner_after is not None and doc[end].lower_ in {"at", "from"} and (
            not _organization(owner_key(owner_after)) or _seat_of_power(owner_after)):
        owner_after = None  # 'the prime minister at the White House', 'a lawyer from Texas': a place, no owner
    if owner_after is not None and doc[end].lower_ == "at" and doc[end - 1].lower_ == "minister":
        owner_after = None  # 'sworn in as Finance Minister at the Presidential Secretariat': a minister is a state's
    after = _person_at(doc, _name_start(doc, end))
    # OWNER ['s] TITLE NAME
    if after is not None and owner_before is not None:
        yield after, owner_before, "owner-title-name", doc[owner_before.start:after.end]
    # TITLE NAME [,] of OWNER   "Prime Minister Fumio Kishida of Japan", "Senior researcher Mu Li, of the University of X"
    of_at = after.end + (after.end < len(doc) and doc[after.end].text == ",") if after is not None else 0
    if after is not None and owner_before is None and of_at + 1 < len(doc) and doc[of_at].lower_ in prepositions[:1]:
        owner = _owner_after(doc, of_at + 1)
        if owner is not None and not (of_at > after.end and doc[end - 1].lower_ == "minister" and _organization(owner_key(owner))):
            # 'Justice Minister David van Weel, of the VVD,': a minister's party set off by commas, not the office's owner
            yield after, owner, "title-name-of-owner", doc[start:owner.end]
    # OWNER's TITLE, NAME[,]
    named_after = None
    comma = _remit_end(doc, end) if owner_before is not None and _organization(owner_key(owner_before)) else end
    # an organisation's post only: a state's ('Britain's ambassador in Washington') reads the place apart
    comma = _area_end(doc, comma) if owner_before is not None and _organization(owner_key(owner_before)) else comma
    if owner_before is not None and comma + 1 < len(doc) and doc[comma].text == ",":
        person = _person_at(doc, _name_start(doc, comma + 1))
        if person is not None and _closes_apposition(doc, person):
            named_after = person
            yield person, owner_before, "owner-title-appositive", doc[owner_before.start:person.end]
    if owner_after is not None:
        # where the owner's words end as written: one named before by its last words ('for the prosecuting authority':
        # `_short_name`) is written as 'the' and lower-case words
        short = owner_after.start < end and _short_name(doc, end + 1) is not None
        written = _lower_phrase_end(doc, end + 1) if short else owner_after.end
        # TITLE of OWNER NAME
        person = _person_at(doc, written)
        if person is not None:
            yield person, owner_after, "title-of-owner-name", doc[start:person.end]
        # [the] TITLE of OWNER [BODY], NAME[,]   "the president of Serbia, Aleksandar Vucic, arrived", "the spokesman for the
        # Indonesian military, Colonel Ahmad Yani, said" (the owner's body nouns stand before the comma)
        close = written + (written < len(doc) and doc[written].text in {"'s", "\u2019s"})
        if owner_after.start < end and _contextual(doc, start, end):
            close = _lower_phrase_end(doc, end + 1)  # 'a spokesman for the company, NAME,': the one company named before
        body = close  # "the head of Ukraine's military intelligence, NAME": the state's body, in the possessive
        while close < len(doc) and close - body < 3 and doc[close].is_lower and doc[close].pos_ in {"NOUN", "ADJ"}:
            close += 1
        if close + 1 < len(doc) and doc[close].text == ",":
            person = _person_at(doc, _name_start(doc, close + 1))
            if person is not None and _closes_apposition(doc, person):
                yield person, owner_after, "title-of-owner-appositive", doc[start:person.end]
        # NAME, [the] TITLE of OWNER / NAME, who is the TITLE of OWNER
        person = _appositive_person(doc, start)
        if person is not None:
            yield person, owner_after, "name-title-of-owner", doc[person.start:written]
    # NAME, [the|a] OWNER['s] TITLE / NAME, who is OWNER's TITLE
    if owner_before is not None:
        person = _appositive_person(doc, _owner_written_at(doc, owner_before, start))
        if person is not None and not (named_after is not None and _titled(doc, person)) and after is None:
            # 'Argentine President NAME, Bolivia's president, NAME2, and ...': a list of titled names, the post NAME2's;
            # 'NAME, German Chancellor NAME2 and ...': a title with its own name after it is that name's, not NAME's
            yield person, owner_before, "name-owner-title", doc[person.start:end]
    # NAME is / has been / was appointed / became ... TITLE [of OWNER]
    for owner in (owner_before, owner_after):
        if owner is not None:
            person, verb = _clause_holder(doc, start, as_of)
            if person is not None:
                lo, hi = min(person.start, owner.start, start), max(person.end, owner.end, end)
                yield person, owner, f"clause-{verb}", doc[lo:hi]
    owner_unread = end < len(doc) and doc[end].lower_ in prepositions  # 'the chairperson of the opposition coalition'
    if (owner_before is None and owner_after is None and _contextual(doc, start, end) and not owner_unread
            and not _unread_name_before(doc, start)):
        owner = _organization_nearby(doc, start) or _story_organization(doc, start)
        if owner is not None and _police_field(doc, start) and not any(t.lower_ in police_nouns() for t in owner):
            owner = None  # 'PTI supporters rallied ... Police spokesman NAME said': the police's, not the party's
        if owner is not None and after is not None:  # 'Airbus said ... Chief executive Thomas Enders': the one company
            yield after, owner, "title-name-owner-nearby", doc[start:after.end]
        person = _appositive_person(doc, start) if owner is not None and after is None else None
        if person is not None and doc[start - 1].lower_ in {"the", "its"}:  # 'Airbus said ... NAME, the chief executive,'
            yield person, owner, "name-title-owner-nearby", doc[person.start:end]
        named = _the_title_appositive(doc, start, end) if owner is not None and after is None and person is None else None
        if named is not None:  # 'Airbus said ... The new chief operating officer, NAME, will': the one company
            yield named, owner, "title-appositive-owner-nearby", doc[start:named.end]
        holder, verb = _clause_holder(doc, start, as_of) if owner is not None and after is None and person is None else (None, "")
        if holder is not None:  # 'Apple shares fell. NAME has been serving as interim chief executive': the one company
            yield holder, owner, f"clause-{verb}", doc[min(holder.start, start):max(holder.end, end)]
    if owner_before is None and owner_after is None:
        owner = _its_owner(doc, start) or (_subject_owner(doc, start) if _contextual(doc, start, end) else None)
        person, verb = _clause_holder(doc, start, as_of) if owner is not None else (None, "")
        if person is not None:
            yield person, owner, f"clause-{verb}", doc[min(person.start, owner.start):max(person.end, end)]
        owner = _spoken_for(doc, start)
        if owner is not None and after is not None:  # 'Speaking for Apple Corps, manager NAME said'
            yield after, owner, "speaking-for", doc[owner.start:after.end]


FIELD_NAMES = 2  # 'the UN's Syria envoy', "the EU's chief Brexit negotiator": the capitalised words of a field


def _possessor_over_field(doc: Doc, start: int) -> Span | None:
    """"the UN's Syria envoy", "the European Union's chief Brexit negotiator": a state or organisation in the possessive,
    then one or two capitalised words (a place or a matter the post deals with; 'chief' before or after), then the title:
    the possessor owns the post; the words between are its field, not its owner (an organisation named there owns it:
    "Britain's Conservative Party leader")."""
    i = start - 1
    if i > 0 and doc[i].lower_ in {"chief", "special", "top"}:
        i -= 1
    field = i
    while i >= 0 and field - i < FIELD_NAMES and doc[i].is_title and doc[i].pos_ == "PROPN" and doc[i].ent_type_ != "ORG":
        i -= 1
    if i < field and i > 0 and doc[i].lower_ in {"chief", "special", "top"}:
        i -= 1
    if i == field or i < 1 or doc[i].text not in {"'s", "\u2019s"}:
        return None
    owner = _ent_at(doc, i - 1)
    if owner is None or owner.end != i or not owner_key(owner) or (doc[field].ent_type_ and _ent_at(doc, field).start <= i):
        return None
    return owner


def _remit_end(doc: Doc, end: int) -> int:
    """"Boeing's senior vice president of commercial sales and marketing, NAME,": a company post's remit written after
    'of' in lower-case words (and 'and') runs to the comma before the name; `end` when none is written."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return end
    j = end + 1
    while j < len(doc) and j - end <= 6 and doc[j].is_alpha and doc[j].is_lower and not doc[j].ent_type_ and doc[j].lower_ != "the":
        j += 1
    return j if j > end + 1 and j < len(doc) and doc[j].text == "," else end


AREA_WORDS = 5  # 'in Sri Lanka', 'in the Democratic Republic of Congo'


def _area_end(doc: Doc, end: int) -> int:
    """"The organisation's representative in Thailand, NAME", "the IMF's senior resident representative in Sri Lanka,
    NAME": the area an owned post serves, written after 'in' as a place (a state, a city, a region the model tagged;
    'the', 'of' and capitalised words between), runs to the comma before the name; `end` when none is written. Only
    'in': after 'for' a place may be what the post deals with or the owner ('the minister for Wales')."""
    if end >= len(doc) or doc[end].lower_ != "in":
        return end
    j, place = end + 1, False
    while j < len(doc) and j - end <= AREA_WORDS:
        token = doc[j]
        if token.ent_type_ in {"GPE", "LOC"}:
            place = True
        elif not (token.lower_ in {"the", "of"} or (token.is_alpha and token.is_title and not token.ent_type_)):
            break
        j += 1
    return j if place and j < len(doc) and doc[j].text == "," else end


def _police_field(doc: Doc, start: int) -> bool:
    """'Police spokesman NAME', 'the police chief': a police force's noun (Phoenix COP agents: `police_nouns`) right
    before a title, in any case, says whose post it is: no other organisation named nearby owns it."""
    return start > 0 and doc[start - 1].lower_ in police_nouns() and not doc[start - 1].ent_type_


def _titled(doc: Doc, person: Span) -> bool:
    """Whether a title is written right before the person's name ('Argentine President NAME')."""
    return any(t.end == person.start for t in title_spans(doc))


SPEAKING_FOR = (("speaking", "for"), ("speaking", "on", "behalf", "of"))


def _spoken_for(doc: Doc, start: int) -> Span | None:
    """'Speaking for Apple Corps, manager NAME said', 'Speaking on behalf of ORG, TITLE NAME': the organisation a
    sentence opens by saying its speaker speaks for, when the title at `start` is the first title after its comma."""
    sent = doc[start].sent
    words = [t.lower_ for t in doc[sent.start:sent.start + 4]]
    lead = next((w for w in SPEAKING_FOR if tuple(words[:len(w)]) == w), None)
    if lead is None:
        return None
    owner = _owner_after(doc, sent.start + len(lead))
    if owner is None or not _organization(owner_key(owner)) or owner.end >= start or doc[owner.end].text != ",":
        return None
    between = doc[owner.end + 1:start]
    return owner if all(t.is_lower and t.is_alpha for t in between) and len(between) <= 2 else None


def _owner_written_at(doc: Doc, owner: Span, start: int) -> int:
    """Where the owner of the title at token `start` is written: its name right before the title ('NAME, the German
    chancellor'), or, for a body or state named earlier, the words that point back to it: "NAME, the party's deputy
    leader", "NAME, the country's interior minister", 'NAME, its spokesman' ('the'/'its' before the title)."""
    if owner.end <= start and owner.sent == doc[start].sent and all(t.text != "," for t in doc[owner.end:start]):
        return owner.start
    i = start - 1
    while i >= 0 and start - i <= 4 and doc[i].lower_ not in {"the", "its", "their"}:
        i -= 1
    return i if i >= 0 and doc[i].lower_ in {"the", "its", "their"} else start


def _bare_body(doc: Doc, start: int, end: int) -> Span | None:
    """'company CEO NAME', 'said party spokesman NAME', 'Party leader NAME': a body noun written bare right before a
    title, or as a title's first word, is "the company's", the one such body this sentence or the one before names
    ('a company spokesman' is some company's)."""
    i = start - 1
    if i >= 1 and doc[i].is_lower and doc[i].lower_ in BODY_NOUNS and not doc[i].ent_type_ and doc[i - 1].lower_ not in {"a", "an"}:
        return the_body(doc, i - 1)
    if 1 <= start < end - 1 and doc[start].lower_ in BODY_NOUNS and doc[start - 1].lower_ not in {"a", "an"} \
            and not doc[start].ent_type_:  # 'The Labour Party leader, NAME': the name the noun ends owns it (`_body_over_title`)
        return the_body(doc, start - 1)
    return None


def _body_over_title(doc: Doc, start: int) -> Span | None:
    """'Centre Party leader NAME', 'Green Party spokesman NAME': an organisation whose name ends in the body noun a title
    opens with ('Party leader') owns the title."""
    body = _ent_at(doc, start)
    if body is None or body.start >= start or body.end != start + 1 or doc[start].lower_ not in BODY_NOUNS:
        return None
    return body if _organization(owner_key(body)) else None


def _body_possessive(doc: Doc, start: int) -> Span | None:
    """"the Nigerian army's spokesman", "the Thai police's chief": a body noun in the possessive takes the owner
    written before it."""
    i = start
    while i > start - 2 and i > 0 and doc[i - 1].pos_ == "ADJ" and not doc[i - 1].ent_type_:
        i -= 1  # "the army's new spokesman"
    if i >= 2 and doc[i - 1].text in {"'s", "\u2019s"} and not doc[i - 2].ent_type_ and doc[i - 2].is_lower:
        return owner_before_title(doc, i - 1)
    return None


def _named_owner(doc: Doc, owner: Span | None) -> Span | None:
    """'Chinese foreign ministry spokesman': a body written in lower case (no name of its own) is its state's, the state
    named right before it. 'Party spokesman NAME said' at a sentence's start: a body noun read as a name is the one
    such body just named ("the party's"), or none."""
    if (owner is not None and len(owner) == 1 and owner[0].is_title and owner[0].is_sent_start
            and owner[0].lower_ in BODY_NOUNS and not (owner.ent_id_ or owner.id_)):
        return the_body(doc, owner.start - 1) if owner.start > 0 else None
    if owner is None or not owner.text.islower() or owner.ent_id_ or owner.id_:
        return owner
    return owner_before_title(doc, owner.start) or owner


SEAT_KINDS = {"legislator", "leg"}  # kg/data titles of a seat in a legislature ('MP', 'Senator', 'lawmaker')


def _seat_place(doc: Doc, start: int, end: int) -> Span | None:
    """'an Ottawa New Democrat MP', 'Paris lawmaker X': the state of the city or region a legislator's seat is named
    by, written before the title with at most three capitalised words (a party's name) between them, when the article
    names that state."""
    from spacy.tokens import Span

    kinds = title_kinds()
    if not any(kinds.get(t.label_) in SEAT_KINDS for t in title_spans(doc) if start <= t.start < end):
        return None
    i = start - 1
    while i >= 0 and start - i <= 4 and doc[i].is_alpha and doc[i].text[:1].isupper():
        ent = _ent_at(doc, i)
        entry = entries().get(ent.ent_id_) if ent is not None and ent.ent_id_ else None
        if entry is not None and entry.type == "Place" and entry.country:
            if not any(e.ent_id_ == entry.country for e in ents(doc)):
                return None  # the role points to a state the article names, a node it has
            return Span(doc, ent.start, ent.end, label="GPE", span_id=entry.country)
        i = ent.start - 1 if ent is not None else i - 1
    return None


def _its_body(doc: Doc, start: int, end: int) -> Span | None:
    """"Airbus said ... Its chief executive, NAME": 'its' before a company's or a body's title (a chief executive, a
    spokesperson) is the one organisation of this sentence or the one before; before any other title ('The Labour
    Party met ... NAME, its deputy leader') when those sentences name no state, which 'its' could stand for too; before
    any title, the organisation that is the subject of its sentence (`_subject_organization`)."""
    i = _compound_start(doc, start, FIELD_WORDS) - 1  # 'Its foreign affairs spokesperson, NAME': past the field
    while i >= 0 and doc[i].lower_ in MODIFIERS - {"its", "their"}:
        i -= 1
    if i < 0 or doc[i].lower_ != "its":
        return None
    subject = _subject_organization(doc, i)
    if subject is not None or not (_contextual(doc, start, end) or not _state_nearby(doc, i)):
        return subject
    return _organization_nearby(doc, i)


def _the_title_appositive(doc: Doc, start: int, end: int) -> Span | None:
    """'the new chief operating officer, NAME,': the name set off after a title that 'the' opens (words of a present
    post may stand between: 'new', 'acting', 'interim'; never 'former' or 'then')."""
    k = start - 1
    while k >= 0 and doc[k].lower_ in MODIFIERS - {"the", "a", "an", "its", "their", "former", "then"}:
        k -= 1
    if k < 0 or doc[k].lower_ != "the" or end + 1 >= len(doc) or doc[end].text != ",":
        return None
    person = _person_at(doc, _name_start(doc, end + 1))
    return person if person is not None and _closes_apposition(doc, person) else None


def _whose_owner(doc: Doc, start: int) -> Span | None:
    """'the Supreme Court, whose chief justice, NAME, said', 'Nordfond, whose head of equities is NAME': 'whose' right
    before a title stands for the state or organisation the relative clause follows (a comma between them)."""
    i = _compound_start(doc, start, FIELD_WORDS) - 1  # 'whose foreign affairs spokesman': past the field
    while i >= 0 and doc[i].lower_ in MODIFIERS - {"its", "their"}:
        i -= 1
    if i < 2 or doc[i].lower_ != "whose" or doc[i - 1].text != ",":
        return None
    owner = _ent_at(doc, i - 2)
    if owner is None or owner.end != i - 1 or not owner_key(owner):
        return None
    return owner


def _subject_organization(doc: Doc, i: int) -> Span | None:
    """'The Central Bank of Congo warned ..., and its governor, NAME, asked': 'its' after an organisation that is the
    subject of its sentence's main verb stands for that organisation, when no other organisation or state is named
    between them."""
    sent = doc[i].sent
    subject = next((c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < i), None)
    before = subject is None and i == sent.start and i > 0
    if before:  # 'ORG is claiming ... from ORG2. Its chairman, NAME, said': the subject of the sentence before
        subject = next((c for c in doc[i - 1].sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    owner = _ent_at(doc, subject.i) if subject is not None else None
    if owner is None and subject is not None:  # 'The main opposition party, the ORG, said its leader, NAME,': the name
        owner = next((_ent_at(doc, c.i) for c in subject.children if c.dep_ == "appos" and _ent_at(doc, c.i) is not None), None)
    if owner is None or owner.label_ != "ORG" or not _organization(owner_key(owner)) or any(
            c.dep_ == "conj" for c in subject.children):
        return None  # 'Airbus and Boeing said ... Its chief executive': which one is not said
    others = [e for e in ents(doc) if owner.end <= e.start and e.end <= i and (e.label_ == "ORG" or e.ent_id_)
              and not (before and e.label_ == "ORG" and not (e.ent_id_ and state_of(e.ent_id_) == e.ent_id_))]
    return None if others else owner


def _state_nearby(doc: Doc, start: int) -> bool:
    """Whether this sentence before `start`, or the sentence before it, names a state (or its demonym)."""
    lo = _sentence_before_start(doc[start])
    return any(lo <= e.start and e.end <= start and e.ent_id_ and state_of(e.ent_id_) == e.ent_id_ for e in ents(doc))


def _contextual(doc: Doc, start: int, end: int) -> bool:
    """Whether the titles written here are positions in a company or body named around them, not in a state
    (kg/data/titles.jsonl `owner_from_context`: chief executive, chairman, founder, spokesperson ...)."""
    rows = title_by_id()
    spans = [t for t in title_spans(doc) if start <= t.start and t.end <= end]
    return bool(spans) and all(rows.get(t.label_, {}).get("owner_from_context") for t in spans)


def _unread_name_before(doc: Doc, start: int) -> bool:
    """'Yahoo! chief executive NAME': a capitalised word outside every entity right before the title (past its field,
    a 'chief' or a punctuation mark of the name) is an owner the text names and the model missed, not the organisation
    named nearby."""
    i = _field_start(doc, start) - 1
    while i >= 0 and doc[i].lower_ in {"chief", "!"}:
        i -= 1
    return i >= 0 and doc[i].pos_ == "PROPN" and doc[i].is_title and not doc[i].ent_type_


def _organization_nearby(doc: Doc, start: int) -> Span | None:
    """The one organisation named in this sentence before `start` or in the sentence before it (a meeting is none)."""
    lo = _sentence_before_start(doc[start])
    found = {owner_key(e): e for e in ents(doc) if lo <= e.start and e.end <= start and e.label_ == "ORG" and owner_key(e)}
    found = {k: e for k, e in found.items() if (not e.ent_id_ or entries()[e.ent_id_].type == "Organization") and not meeting_name(e)}
    return next(iter(found.values())) if len(found) == 1 else None


def _story_organization(doc: Doc, start: int) -> Span | None:
    """'Apple Inc. CEO on medical leave' over '... He left chief operating officer NAME in charge': a company's title
    with no organisation and no state named in its sentence or the one before is a post in the one organisation the
    headline names (the story's company); none when the headline names two, or a state."""
    lo = _sentence_before_start(doc[start])
    if _state_nearby(doc, start) or any(lo <= e.start and e.end <= start and e.label_ == "ORG" for e in ents(doc)):
        return None
    first = doc_text(doc).lstrip().split("\n", 1)[0]
    if "\n" not in doc_text(doc).strip() or first.rstrip().endswith(PROSE_ENDS):
        return None
    end = doc_text(doc).find(first) + len(first)
    named = [e for e in ents(doc) if e.end_char <= end and e.label_ in {"ORG", "GPE", "NORP"}]
    found = {owner_key(e): e for e in named if e.label_ == "ORG" and owner_key(e) and not meeting_name(e)
             and (not e.ent_id_ or entries()[e.ent_id_].type == "Organization")}
    return next(iter(found.values())) if len(found) == 1 and len(named) == 1 and end < doc[start].idx else None


def _closes_apposition(doc: Doc, person: Span) -> bool:
    """'..., NAME,' or '..., NAME said': the name closes an apposition, it does not start a list ('X, Y and Z'); so
    does the name with the state it is from ('the President of the General Assembly, Peter Thomson of Fiji,')."""
    if person.end == len(doc):
        return True
    nxt = doc[person.end]
    if nxt.lower_ == "of" and (state := _ent_at(doc, person.end + 1)) is not None and state.start == person.end + 1 \
            and state.ent_id_ and entries()[state.ent_id_].type == "State":
        return _closes_apposition(doc, state)
    return nxt.text in {",", ".", ";", ")", ":"} or nxt.pos_ in {"VERB", "AUX"}


def _lower_phrase_end(doc: Doc, i: int) -> int:
    """The end of 'the' and the lower-case words after it from token i ('the prosecuting authority')."""
    j = i + (i < len(doc) and doc[i].lower_ == "the")
    while j < len(doc) and doc[j].is_lower and doc[j].is_alpha:
        j += 1
    return j


def _short_name(doc: Doc, i: int) -> Span | None:
    """'a spokesperson for the prosecuting authority' after 'the National Prosecuting Authority': 'the' and lower-case
    words that are the last words of one organisation the article named before stand for it."""
    from spacy.tokens import Span

    if i >= len(doc) or doc[i].lower_ != "the":
        return None
    j = i + 1
    while j < len(doc) and j - i <= 3 and doc[j].is_lower and doc[j].is_alpha and not doc[j].ent_type_:
        j += 1
    words = [t.lower_ for t in doc[i + 1:j]]
    if not words or doc[j - 1].pos_ != "NOUN" or _describes_name(doc, j):
        return None
    found = {owner_key(e): e for e in ents(doc) if e.end <= i and e.label_ == "ORG" and len(e) > len(words)
             and [t.lower_ for t in e[len(e) - len(words):]] == words and _organization(owner_key(e))}
    if len(found) != 1:
        return None
    ent = next(iter(found.values()))
    return ent if ent.ent_id_ else Span(doc, ent.start, ent.end, label="ORG")


OWNING_PRONOUNS = {"his", "her", "its", "their"}  # before a body's name: the body the holder's own ('of his X Party')


def _owner_after(doc: Doc, i: int) -> Span | None:
    """The state or organization after 'of'/'for': 'of Serbia', 'of the United Nations', 'for the Thai army' (Thailand),
    'of the far-right Freedom Party' (words that describe it may stand between 'the' and the name)."""
    first = i
    if i + 1 < len(doc) and doc[i].lower_ == "the" and doc[i + 1].lower_ in BODY_NOUNS | STATE_NOUNS and not _describes_name(doc, i + 2):
        # 'a spokesman for the company', 'an adviser to the government': the one body or state just named
        return the_country(doc, i) if doc[i + 1].lower_ in STATE_NOUNS else the_body(doc, i)
    short = _short_name(doc, i)
    if short is not None:
        return short
    if i < len(doc) and doc[i].lower_ in {"the"} | OWNING_PRONOUNS:  # 'the chief of staff of his Anti-Corruption Foundation'
        i += 1
        skipped = 0
        while i < len(doc) and skipped < 4 and _describing_word(doc[i]):
            i += 1
            skipped += 1
    else:
        described = _bare_description_owner(doc, i)
        if described is not None:
            return described
    owner = _ent_at(doc, i)
    if owner is None or owner.start not in {first, i}:
        return None
    if _describes_a_name(doc, owner):
        return _described_organization(doc, owner)
    after = owner.end + (owner.end < len(doc) and doc[owner.end].text in {"'s", "\u2019s", "'"})
    state = owner.ent_id_ and entries()[owner.ent_id_].type == "State"
    if state and _name_runs_on(doc, owner):
        return None  # 'leader of the Sweden Democrats': the state's name begins another's (a party the model left untagged)
    body = _ent_at(doc, after) if state or after > owner.end else None
    if body is not None and body.start == after and body.label_ == "ORG" and owner_key(body) and (not body.ent_id_ or after > owner.end):
        return body  # 'of the U.S. District Court', "of Russia's Rosneft", "of the army's Eastern Command": the body named after
    if not owner_key(owner):
        return seat_of_government(doc, owner) or _governed_place(doc, owner)
    return owner


def _name_runs_on(doc: Doc, owner: Span) -> bool:
    """'the Sweden Democrats', 'the Kenya Kwanza alliance': a capitalised word in no entity (or read as a people's name)
    right after a state's name, that the name is parsed in compound with, makes the state's name the first words of
    another name."""
    nxt = owner.end
    return (nxt < len(doc) and doc[nxt].is_title and doc[nxt].pos_ == "PROPN" and doc[nxt].ent_type_ in {"", "NORP"}
            and owner.root.dep_ == "compound" and owner.root.head.i >= nxt
            and not any(t.start == nxt for t in title_spans(doc)))  # 'to US President-elect NAME': its title


def _place_office(doc: Doc, start: int, end: int) -> Span | None:
    """'Paris mayor NAME', 'Milan prosecutor NAME': a city or region written in compound right before a title
    (`place_before_title`) is the place whose office it is, as after the title's 'of' (`_governed_place`), and so is
    one in the possessive ("Catalonia's regional president, NAME", "Crimea's prime minister NAME"), but a capital's
    only for a city's post ("Rome's mayor", not "Moscow's envoy"; "the city's mayor" after one place: `city_posts`)."""
    place = place_before_title(doc, start)
    city_post = any(t.lower_ in city_posts() for t in doc[start:end])
    if place is None:
        return _the_city(doc, start) if city_post else None
    if any(t.text in {"'s", "\u2019s", "'"} for t in doc[place.end:start]) and not city_post and place.ent_id_ in capitals():
        return None  # "Moscow's envoy": a capital in the possessive stands for its government, no city's post
    return _governed_place(doc, place)


def _the_city(doc: Doc, start: int) -> Span | None:
    """"the city's mayor, NAME": 'the' and a place noun in the possessive (`place_nouns`) right before a city's post stand
    for the one city or region named before it in this sentence, or in the previous one when this one names none
    (`_governed_place`)."""
    from spacy.tokens import Span

    i = start - 2
    if i < 1 or doc[i + 1].text not in {"'s", "\u2019s"} or doc[i].lower_ not in place_nouns() or doc[i - 1].lower_ != "the":
        return None
    sent = doc[i].sent
    places: list[Span] = []
    for lo in (sent.start, doc[sent.start - 1].sent.start if sent.start > 0 else sent.start):
        places = places or [p for p in (_governed_place(doc, e) for e in ents(doc)
                                        if lo <= e.start and e.end < i - 1 and local_place(doc, e)) if p is not None]
    if len({p.id_ for p in places}) != 1:
        return None
    return Span(doc, i - 1, i + 1, label=GOVERNED_PLACE, span_id=places[0].id_)


def _governed_place(doc: Doc, place: Span) -> Span | None:
    """'Governor NAME of Veracruz', 'the governor of Sousse, NAME', 'NAME, the mayor of Kyiv': a place below a state
    after a title's 'of' is the place whose office it is (its entity's key: the gazetteer's or the place's own)."""
    from spacy.tokens import Span

    if place.label_ == "FAC" or not local_place(doc, place):
        return None
    if place.end < len(doc) and doc[place.end].pos_ == "PROPN" and _person_at(doc, place.end) is None:
        return None  # 'secretary-general of the Hong Kong Federation of Students': the place begins a body's name
    key = place.ent_id_ or f"place-{slug(strip_the(place.text))}"
    return Span(doc, place.start, place.end, label=GOVERNED_PLACE, span_id=key)


def _description_end(doc: Doc, demonym: Span) -> int:
    """The end of the lower-case words after a demonym ('German carmaker', 'Afghan software company')."""
    j = demonym.end
    while j < len(doc) and j - demonym.end < 3 and doc[j].is_lower and doc[j].pos_ in {"NOUN", "ADJ"}:
        j += 1
    return j


def _describes_a_name(doc: Doc, demonym: Span) -> bool:
    """'the German carmaker Volkswagen', 'the Afghan software company Citadel', 'the Swedish bank SEB': a demonym and a
    description in lower case before a capitalised name or initials describe that name; the state is not the owner."""
    j = _description_end(doc, demonym)
    return demonym.label_ == "NORP" and demonym.end < j < len(doc) and (
        doc[j].is_title and doc[j].pos_ == "PROPN" or doc[j].is_upper and doc[j].ent_type_ == "ORG")


def _described_organization(doc: Doc, demonym: Span) -> Span | None:
    """The organisation a demonym and a description introduce ('of the German carmaker Volkswagen': Volkswagen); None
    when the name after them is no organisation the text recognises."""
    j = _description_end(doc, demonym)
    named = _ent_at(doc, j)
    return named if named is not None and named.start == j and named.label_ == "ORG" and owner_key(named) else None


BARE_DESCRIPTION_WORDS = 3  # 'garment maker', 'investment bank', 'oil services group': a trade's words before a name


def _bare_description_owner(doc: Doc, i: int) -> Span | None:
    """'chief executive of garment maker Lanka Weaving Mills', 'an analyst at brokerage CT CLSA': lower-case words with
    no article that end in a noun, right before an organisation's name, describe it; the organisation is the owner."""
    j = i
    while j < len(doc) and j - i < BARE_DESCRIPTION_WORDS and doc[j].is_lower and doc[j].is_alpha and not doc[j].ent_type_ \
            and doc[j].pos_ in {"NOUN", "ADJ"}:
        j += 1
    if j == i or doc[j - 1].pos_ != "NOUN":
        return None
    named = _ent_at(doc, j)
    return named if named is not None and named.start == j and named.label_ == "ORG" and owner_key(named) else None


def _describes_name(doc: Doc, i: int) -> bool:
    """'the company Apple', 'the party of ...': the noun is followed by what it names."""
    return i < len(doc) and (doc[i].ent_type_ != "" or doc[i].lower_ == "of")


def _describing_word(token) -> bool:
    """A lower-case word before a name: 'far-right', 'opposition', 'state-owned', 'ruling' (no entity, no function word),
    or a place's name before '-based' ('the Britain-based Syrian Observatory', 'the New York-based ORG')."""
    if token.ent_type_:
        doc, end = token.doc, token.i
        while end < len(doc) and doc[end].ent_type_ == token.ent_type_ and (end == token.i or doc[end].ent_iob_ == "I"):
            end += 1
        return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based"
    return token.text == "-" or (token.is_lower and token.pos_ in {"ADJ", "NOUN", "VERB", "ADV"})


MODIFIERS = {"the", "a", "an", "current", "new", "acting", "interim", "outgoing", "incumbent", "longtime", "long-time", "then",
             "former", "deputy", "senior", "chief", "newly", "appointed", "elected", "its", "their"}
RELATIVE_VERBS = (("who", "is"), ("who", "'s"), ("who", "has", "been"), ("who", "remains"), ("who", "is", "now"),
                  ("who", "now", "is"), ("who", "currently", "is"), ("who", "is", "currently"), ("who", "serves", "as"),
                  ("who", "is", "also"), ("who", "also", "is"))


def _field_noun(word: Token, title: int) -> bool:
    """'NAME, a currency strategist at Nomura', 'NAME, a defence analyst at ORG': a lower-case common noun compounded
    with the title after it names the field the post covers, as an adjective would ('a senior economist')."""
    return word.dep_ == "compound" and word.pos_ == "NOUN" and word.is_lower and word.is_alpha and word.head.i >= title \
        and not word.ent_type_


def _appositive_person(doc: Doc, i: int) -> Span | None:
    """The person in 'NAME, [the|a] ...', 'NAME (...' or 'NAME, who is [the] ...' ending just before token i."""
    steps, title = 0, i
    while i > 0 and steps < 3 and (doc[i - 1].lower_ in MODIFIERS | title_prefixes()
                                   or (doc[i - 1].pos_ in {"ADJ", "ADV"} and not doc[i - 1].ent_type_)
                                   or _field_noun(doc[i - 1], i) or _hyphen_prefix(doc, i)):
        i -= 2 if _hyphen_prefix(doc, i) else 1  # 'NAME, co-CEO of X' ('ex-' marks a past post: _past_holder)
        steps += 1
    if i >= 2 and doc[i - 1].lower_ == "and" and all(t.lower_ != "the" for t in doc[i:title]):
        # 'NAME, Director of X, and Chairman of Y': a second title of the first's holder, no verb or clause between
        # ('..., and the spokesman of Y' is someone else)
        j = i - 1 - (doc[i - 2].text == ",")
        sent = doc[j].sent.start
        prev = max([(t.start, t.end) for t in title_spans(doc) if sent <= t.start and t.end <= j]
                   + [(k, k + 1) for k in range(sent, j) if doc[k].lower_ in head_nouns() and doc[k + 1].lower_ == "of"
                      and _head_owner(doc, k + 1) is not None],
                   default=None)  # 'NAME, the head of the FDP and now finance minister': 'head of ORG' too
        own = min((t.end for t in title_spans(doc) if t.start >= title), default=None)
        if own is not None and _person_at(doc, _name_start(doc, own)) is not None:
            return None  # '..., and Labour leader NAME': the second title has a holder of its own
        if prev is not None and all(doc[k].pos_ not in {"VERB", "AUX"} and doc[k].text not in {",", ";", "and"}
                                    for k in range(prev[1], j)):
            return _appositive_person(doc, prev[0])
    for words in RELATIVE_VERBS:
        n = len(words)
        if i - n >= 0 and tuple(t.lower_ for t in doc[i - n:i]) == words:
            i -= n
            break
    if i < 2 or doc[i - 1].text not in {",", "("}:  # 'NAME (Yemen's foreign minister) said': a title in brackets
        return None
    if i >= 4 and doc[i - 2].is_digit and len(doc[i - 2]) <= 3 and doc[i - 3].text == ",":
        i -= 2  # 'NAME, 54, the chief executive of X': the age in its own apposition
    person = _ent_at(doc, i - 2)
    return person if person is not None and person.label_ == "PERSON" else None


def _hyphen_prefix(doc: Doc, i: int) -> bool:
    """A lower-case word joined by a close hyphen to the word at token i: 'co-' in 'co-CEO', 'ex-' in 'ex-chairman'."""
    return (i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
            and doc[i - 2].is_alpha and doc[i - 2].is_lower and not doc[i - 2].ent_type_)


# a position held now: 'is', 'has been', 'remains', 'serves as'; one taken: 'became', 'was appointed', 'was sworn in as'
HOLD_VERBS = {"be", "remain", "serve", "stay", "continue"}
CONTINUE_VERBS = {"remain", "stay", "continue"}  # 'will remain X': X now, and after
START_VERBS = {"become", "appoint", "name", "elect", "reelect", "re-elect", "swear", "choose", "select", "install", "make",
               "promote", "confirm", "designate", "succeed"}
ENDED = {"until", "till", "before"}
REPLACE_VERBS = {"replace", "succeed"}  # 'replacing Finance Minister NAME': the post's holder until now
# a verb and particle of putting someone in a post: 'brought back NAME as foreign secretary', 'brought in NAME as coach'
PHRASAL_STARTS = {("bring", "back"), ("bring", "in")}


def _replaced(doc: Doc, start: int) -> bool:
    """'replacing Finance Minister NAME', 'succeeds Kenyan Interior Minister NAME': a title that is the object of a verb
    of taking someone's place names a holder who leaves the post (the title at token `start`, or its owner's start);
    not 'will replace' or 'to succeed', whose object holds the post still."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in {"the", "outgoing"}:
        i -= 1
    if i < 0 or doc[i].pos_ != "VERB" or doc[i].lemma_.lower() not in REPLACE_VERBS | _removal_verbs():
        return False
    if doc[i].lemma_.lower() not in REPLACE_VERBS:
        person = next((e for e in ents(doc) if e.label_ == "PERSON" and start <= e.start <= start + 5), None)
        if person is None or (person.end < len(doc) and doc[person.end].text in {"'s", "\u2019s"}):
            return False  # 'dismissed President NAME's remarks': the remarks, not the holder, are dismissed
    return not any(c.dep_ == "aux" and c.lower_ in NOT_HELD for c in doc[i].children)  # 'will replace NAME': holds it now


@lru_cache(maxsize=1)
def _removal_verbs() -> frozenset[str]:
    """Verbs of taking a holder's post away ('Congress removes President NAME', 'ousted Prime Minister NAME', 'sacked
    Finance Minister NAME'): the lemmas of the rows of kg/data/event_triggers.jsonl for dismissing from office and for
    overthrowing (WordNet's 'fire, dismiss, sack' and 'overthrow, oust, depose, remove')."""
    from kg import resources

    return frozenset(lemma for row in resources.jsonl("event_triggers.jsonl") if row["id"] in REMOVAL_TRIGGERS
                     for lemma in row["lemmas"])


REMOVAL_TRIGGERS = {"ev-dismiss-office", "ev-overthrow"}


def _clause_holder(doc: Doc, start: int, as_of: dt.date) -> tuple[Span | None, str]:
    """The person a clause says holds the title at token `start` as of the article's date, and the verb's lemma: read
    over the parse, or from the words when the parse misses the verb ('named NAME, a former trade minister, as
    foreign minister')."""
    person, verb = _gapped_as_holder(doc, start, as_of)
    if person is None:
        person, verb = _written_clause_holder(doc, start, as_of)
    if person is None:
        person, verb = _parsed_clause_holder(doc, start, as_of)
    return (person, verb) if person is not None else _named_as_holder(doc, start, as_of)


def _gapped_as_holder(doc: Doc, start: int, as_of: dt.date) -> tuple[Span | None, str]:
    """'named NAME1 as finance minister and NAME2 as interior minister': a name after 'and' (or a comma) and before
    'as TITLE', following a first 'VERB NAME1 as TITLE1' of taking office (`_named_as_holder`) in its sentence, holds
    the second title (the verb is left out, not the name)."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in MODIFIERS:
        i -= 1
    bare = i >= 2 and _ent_at(doc, i) is not None and _ent_at(doc, i).end == i + 1  # 'and NAME2 foreign minister'
    if i < 2 or doc[i].lower_ != "as" and not bare:
        return None, ""
    person = _ent_at(doc, i if bare else i - 1)
    if person is None or person.label_ != "PERSON" or person.end != i + bare or person.start < 2 or doc[person.start - 1].lower_ not in {
            "and", ","}:
        return None, ""
    sent = doc[i].sent
    # the list's first 'as' (or, with none, its first title), past 'NAME2 as TITLE2,' before this one
    firsts = [j + 1 for j in range(person.start - 2, sent.start, -1) if doc[j].lower_ == "as"] if not bare else sorted(
        (t.start for t in title_spans(doc) if sent.start < t.start < person.start), reverse=True)
    for first in firsts:
        holder, verb = _named_as_holder(doc, first, as_of)
        if holder is not None:
            return (person, verb) if holder.start != person.start else (None, "")
    return None, ""


PASSIVE_AUX = {"was", "were", "is", "are", "been"}  # 'was appointed', 'has been named', 'is appointed'
PRESENT_BE = {"is", "'s", "\u2019s"}


def _written_clause_holder(doc: Doc, start: int, as_of: dt.date) -> tuple[Span | None, str]:
    """'NAME [, APPOSITION,] [who] was appointed / was named / becomes / takes over as / is the new TITLE', read from the
    words next to each other, whatever the parse ('Giorgetti was appointed Economy Minister, and Crosetto, a co-founder
    of X, is the new defence minister' is parsed as one subject): the verb of taking or holding the post right before the
    title (past 'as' and 'the new'), the person right before the verb or before an apposition set off by commas; not
    after a modal, 'to' or a negation ('will become'), nor with a year before the article's."""
    i = start - 1
    while i >= 0 and start - i <= 2 and doc[i].is_title and doc[i].dep_ == "compound" and doc[i].head.i >= start:
        i -= 1  # 'was appointed Economy Minister': a capitalised portfolio before the title
    while i >= 0 and doc[i].lower_ in {"the", "new", "acting", "interim"}:
        i -= 1
    has_as = i >= 0 and doc[i].lower_ == "as"
    i -= has_as
    if i < 1:
        return None, ""
    if doc[i].lower_ == "over" and doc[i - 1].lemma_.lower() == "take" and has_as:
        verb, lemma, first = doc[i - 1], "take", i - 1  # 'takes over as'
    elif doc[i].lower_ == "in" and doc[i - 1].lemma_.lower() == "swear" and has_as:
        verb, lemma, first = doc[i - 1], "swear", i - 1  # 'was sworn in as'
    elif doc[i].tag_ == "VBN" and doc[i].lemma_.lower() in START_VERBS - REPLACE_VERBS - {"become"}:
        verb, lemma, first = doc[i], doc[i].lemma_.lower(), i  # 'was appointed', 'has been named'
        if doc[first - 1].lower_ not in PASSIVE_AUX:
            return None, ""
    elif doc[i].lemma_.lower() == "become" and doc[i].tag_ in {"VBZ", "VBD", "VBN"}:
        verb, lemma, first = doc[i], "become", i  # 'becomes', 'became', 'has become'
    elif doc[i].lower_ in PRESENT_BE and doc[i].pos_ in {"AUX", "VERB"} and not has_as:
        verb, lemma, first = doc[i], "be", i  # 'is the new defence minister'
    else:
        return None, ""
    while first > 0 and doc[first - 1].lower_ in PASSIVE_AUX | {"has", "have", "had", "also", "now"}:
        first -= 1
    if first < 1 or any(t.lower_ in NOT_HELD for t in doc[max(0, first - 2):i]) or _earlier_year(verb, as_of):
        return None, ""
    k = first - 1
    who = doc[k].lower_ == "who"
    k -= who
    if who and doc[k].text == "," and _ent_at(doc, k - 1) is not None and _ent_at(doc, k - 1).label_ == "PERSON":
        k -= 1  # 'NAME, who was named TITLE': the comma before 'who' closes the name, no apposition
    elif doc[k].text == ",":  # past an apposition: ', a former journalist,' (within the sentence)
        k = next((j for j in range(k - 1, max(k - 15, doc[k].sent.start - 1, 0), -1) if doc[j].text == ","), -1) - 1
    person = _ent_at(doc, k) if k >= 0 else None
    if person is None or person.label_ != "PERSON" or person.end != k + 1:
        return None, ""
    return person, lemma


def _named_as_holder(doc: Doc, start: int, as_of: dt.date) -> tuple[Span | None, str]:
    """'VERB NAME [, apposition,] as [its|the|new] TITLE' or 'VERB NAME its TITLE' with a verb of taking office ('named',
    'appointed', 'elected') written right before the name, in no future or negated clause and with no year before the article's."""
    i = start - 1
    while (i >= 0 and start - i <= 2 and doc[i].is_title and doc[i].dep_ == "compound" and doc[i].head.i >= start
           and doc[i].ent_type_ != "PERSON"):
        i -= 1  # 'as the new Interior Cabinet Secretary': a capitalised portfolio before the title
    while i >= 0 and doc[i].lower_ in MODIFIERS:
        i -= 1
    bare = i >= 2 and _ent_at(doc, i) is not None and _ent_at(doc, i).end == i + 1  # 'named NAME Home Secretary'
    if i < 2 or doc[i].lower_ != "as" and doc[i + 1].lower_ not in {"its", "their"} and not bare:
        return None, ""
    k = i - 1 if doc[i].lower_ == "as" else i  # 'named NAME its chairman': the name right before 'its'
    if doc[k].text == "," and not bare:  # past an apposition: ', a former trade minister,', ', leader of the opposition X (ABC),'
        k = next((j for j in range(k - 1, max(k - 20, 0), -1) if doc[j].text == ","), -1) - 1
    person = _ent_at(doc, k) if k > 0 else None
    if person is None or person.label_ != "PERSON" or person.end != k + 1 or person.start < 1:
        return None, ""
    verb = doc[person.start - 1]
    lemma = verb.lemma_.lower()
    before = {t.lower_ for t in doc[max(verb.sent.start, verb.i - 3):verb.i]}
    # a headline's 'names NAME TITLE': the verb the tagger read as a plural noun
    verbal = verb.pos_ in {"VERB", "AUX"} or (bare and verb.tag_ == "NNS" and verb.lower_ == f"{lemma}s")
    if bare and lemma not in NAMING_VERBS:
        return None, ""
    if (lemma not in START_VERBS - REPLACE_VERBS or not verbal or before & NOT_HELD
            or _earlier_year(verb.sent.root, as_of)):  # 'succeeded NAME as TITLE': NAME left the post
        return None, ""
    return person, lemma


NOT_HELD = {"will", "would", "could", "may", "might", "should", "to", "not", "never", "n't"}  # 'will name X as ...'
NAMING_VERBS = {"name", "appoint", "elect", "reelect", "re-elect", "make", "designate"}  # 'named NAME chancellor': two objects


def _parsed_clause_holder(doc: Doc, start: int, as_of: dt.date) -> tuple[Span | None, str]:
    """The person a clause, read over the parse, says holds the title at token `start`, and the verb's lemma.

    Read over the dependency parse: the title is the complement of a verb ('is the president of', 'was named
    chief executive', 'was sworn in as prime minister', 'appointed NAME as its chairman'). A verb of holding
    must be in the present ('is', 'has been', 'remains'); a verb of taking office any tense but the future
    and no year before the article's; a negation, a modal or 'until' states nothing.
    """
    head = doc[start:start + 1].root
    while head.head.i != head.i and head.head.i >= start and head.dep_ in {"compound", "amod"} and head.head.i - start < 5:
        head = head.head  # 'chief executive': the noun
    while head.dep_ == "conj" and head.head.i != head.i:
        if any(c.dep_ in {"compound", "nmod"} and c.ent_type_ == "PERSON" and c.i < head.i for c in head.children):
            return None, ""  # '... becomes prime minister, names Javid chancellor and NAME2 ...': posts of the names
        head = head.head
    if head.dep_ == "nsubj" and head.head.lemma_ == "be" and head.head.tag_ in {"VBZ", "VBP"}:
        return _copula_holder(doc, head.head)  # "Japan's new foreign minister is NAME"
    if head.dep_ == "appos" and head.head.dep_ == "dobj" and any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in head.children):
        return _object_named(doc, head.head, as_of)  # 'ORG named NAME its new president': the title parsed as apposed
    if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.lemma_.lower() in post_nouns():
        return _post_owner(doc, head.head.head, as_of)  # 'from his position as chairman', "in Cook's role as chief executive"
    if head.dep_ == "pobj" and head.head.lower_ in {"of", "as"}:
        person, lemma = _post_phrase_holder(doc, head.head, as_of)  # 'moves to the post of TITLE', 'keeps his post as TITLE'
        if person is not None:
            return person, lemma
    if head.dep_ in {"attr", "oprd", "acomp"}:
        verb = head.head
    elif head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.i != head.head.i:
        verb = head.head.head
        if verb.dep_ == "dobj" and verb.head.lemma_.lower() in START_VERBS | REPLACE_VERBS:
            verb = verb.head  # 'will succeed NAME as TITLE': the 'as' parsed under the object
    else:
        return None, ""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if lemma in REPLACE_VERBS and _announced_succession(verb):
        children = [c for c in children if c.tag_ != "MD"]  # 'NAME will succeed NAME2 as TITLE': taken, as announced
    # 'brought back NAME as TITLE' (the parser may read the particle as an adverb): NAME was put in the post
    taken = any((lemma, c.lower_) in PHRASAL_STARTS for c in children if c.dep_ in {"prt", "advmod"})
    aux = [c for c in children if c.dep_ in {"aux", "auxpass"}]
    # 'will remain chief executive', 'would stay on as chairman': the post is held now and goes on being held
    goes_on = lemma in CONTINUE_VERBS and bool(aux) and all(a.lower_ in {"will", "would", "'ll"} for a in aux)
    if (any(c.dep_ == "neg" for c in children) or any(c.tag_ == "MD" or c.lower_ == "to" for c in aux) and not goes_on
            or verb.dep_ == "xcomp"):
        return None, ""
    if any(c.dep_ == "prep" and c.lower_ in ENDED for c in children):
        return None, ""
    if lemma in HOLD_VERBS:
        present = goes_on or verb.tag_ in {"VBZ", "VBP"} or any(a.tag_ in {"VBZ", "VBP"} for a in aux)
        if not present:
            return None, ""
    elif lemma == "take" and any(c.dep_ == "dobj" and c.lower_ in {"office", "oath"} or c.dep_ == "prt" and c.lower_ == "over"
                                 for c in children):
        if _earlier_year(verb, as_of):  # 'took office', 'took over as chief executive'
            return None, ""
    elif lemma not in START_VERBS | REPLACE_VERBS and not taken:
        return None, ""
    elif _earlier_year(verb, as_of):
        return None, ""
    subjects = [c for c in children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and verb.dep_ == "conj":  # 'NAME won the seat and becomes the youngest member': the first verb's
        subjects = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    # 'named NAME as the country's new TITLE', 'named NAME chief executive': the name may be parsed as the verb's
    # predicate (beside the title's own), the object all the same
    objects = [c for c in children if c.dep_ == "dobj" or (c.dep_ == "oprd" and c.i != head.i and head.dep_ in {"pobj", "oprd"}
                                                           and _ent_at(doc, c.i) is not None and _ent_at(doc, c.i).label_ == "PERSON")]
    # 'appointed NAME as TITLE': the object; 'NAME succeeded / replaced NAME2 as TITLE': the subject, the object left it
    holder = objects[0] if objects and (lemma in START_VERBS - REPLACE_VERBS or taken) and not subjects[:1] == objects[:1] else None
    if holder is not None and _ent_at(doc, holder.i) is None:
        # "elected Chad's foreign minister, NAME, as chairperson": the person in apposition to the object
        holder = next((c for c in holder.children if c.dep_ == "appos" and _ent_at(doc, c.i) is not None
                       and _ent_at(doc, c.i).label_ == "PERSON"), holder)
    if holder is None or _ent_at(doc, holder.i) is None or _ent_at(doc, holder.i).label_ != "PERSON":
        # 'The former Chief Operating Officer, NAME will be succeeding ...': the title in apposition parsed as a subject too
        holder = next((c for c in subjects if c.ent_type_ == "PERSON"), subjects[0] if subjects else None)
    if lemma in REPLACE_VERBS and holder is not None and holder.dep_ == "nsubjpass":
        # 'NAME2 was succeeded / replaced as TITLE by NAME': the one who left is the subject, the holder the agent
        holder = next((o for c in children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)
    if holder is not None and holder.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
        holder = verb.head  # 'NAME, who was appointed ...'
    if lemma in START_VERBS and not objects and head.dep_ == "oprd":
        # 'the command named Sanha transitional president': the name parsed inside the title's phrase, before it
        holder = next((c for c in head.children if c.dep_ in {"nmod", "compound"} and c.i < start
                       and _person_at(doc, _ent_at(doc, c.i).start if _ent_at(doc, c.i) is not None else -1) is not None), holder)
    person = _ent_at(doc, holder.i) if holder is not None else None
    if person is None or person.label_ != "PERSON":
        return None, ""
    return person, lemma


# a time or a condition set on a succession still to come: 'will succeed NAME as TITLE in August', '... when he retires'
SUCCESSION_WAITS = {"when", "after", "once", "upon", "following", "if", "until", "from", "in", "on", "at", "by", "next", "later"}


def _announced_succession(verb) -> bool:
    """'NAME will succeed NAME2 as TITLE', 'NAME will be succeeding NAME2 as TITLE': a succession announced with no time
    or condition of its own, the news's way of naming a new holder, states the post as taken; one set at a time to come
    ('will succeed NAME2 as prime minister in August 2023', 'next year', 'when she retires') or negated states nothing."""
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if not aux or aux[0].lower_ not in {"will", "'ll"} or any(c.dep_ == "neg" for c in verb.children):
        return False
    return not any(t.ent_type_ in {"DATE", "TIME"} or t.lower_ in SUCCESSION_WAITS and t.i > verb.i for t in verb.subtree)


KEEP_VERBS = {"keep", "retain"}  # 'keeps his post as TITLE': held until now and still
POST_TAKING_VERBS = {"move", "take", "assume", "return"}  # 'moves to the post of TITLE', 'took up the post of TITLE'


def _post_phrase_holder(doc: Doc, prep, as_of: dt.date) -> tuple[Span | None, str]:
    """'NAME moves to / was appointed to / took up the post of TITLE', 'NAME keeps / retained his post as TITLE': a noun of
    a post (kg/data/post_nouns.jsonl) that a verb of taking office goes to or takes, or that a verb of keeping holds as
    the person's own, gives the TITLE after its 'of' or 'as' to the verb's subject; not in the future, negated, 'until'
    or with a year before the article's ('moved to the post of minister in 2019')."""
    if prep.lower_ == "of" and prep.head.lemma_.lower() in post_nouns():
        post = prep.head
        verb = post.head.head if post.dep_ == "pobj" and post.head.lower_ == "to" else post.head if post.dep_ == "dobj" else post
        if verb.lemma_.lower() not in POST_TAKING_VERBS | START_VERBS - REPLACE_VERBS:
            return None, ""
    elif prep.lower_ == "as" and prep.head.lemma_.lower() in KEEP_VERBS:
        verb = prep.head
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in post_nouns() and any(
                p.dep_ == "poss" and p.lower_ in {"his", "her", "their"} for p in c.children) for c in verb.children):
            return None, ""  # 'kept the talks going as chairman': no post of one's own kept
    else:
        return None, ""
    kids = list(verb.children)
    if (verb.pos_ != "VERB" or verb.dep_ == "xcomp" or any(c.dep_ == "neg" or c.tag_ == "MD" for c in kids)
            or any(c.dep_ == "prep" and c.lower_ in ENDED for c in kids) or _earlier_year(verb, as_of)):
        return None, ""
    subject = next((c for c in kids if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None and subject.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
        subject = verb.head  # 'NAME, who moves to the post of ...'
    person = _ent_at(doc, subject.i) if subject is not None else None
    return (person, verb.lemma_.lower()) if person is not None and person.label_ == "PERSON" else (None, "")


def _post_owner(doc: Doc, post, as_of: dt.date) -> tuple[Span | None, str]:
    """'NAME will keep steering the company from his position as chairman', 'in his role as chief executive, NAME said',
    "Cook's job as CEO": the owner of a noun of a post (kg/data/post_nouns.jsonl, from WordNet) holds the title after
    its 'as': a person named as the owner, or the person subject of the clause for 'his' or 'her'. Not a former or
    previous post, nor one left ('resigned from his post as', 'was removed from her post as'), nor in a negated clause
    or one with a year before the article's ('in his role as finance minister in 2005')."""
    if any(c.dep_ == "amod" and c.lower_ in PAST | {"previous"} for c in post.children):
        return None, ""
    owner = next((c for c in post.children if c.dep_ == "poss"), None)
    if owner is None:
        return None, ""
    verb = post
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if post.head.lower_ == "from" and (verb.lemma_.lower() in _leave_verbs() or any(c.dep_ == "auxpass" for c in verb.children)):
        return None, ""
    clause = verb
    while (clause.dep_ == "xcomp" or clause.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in clause.children)) \
            and clause.head.i != clause.i:
        clause = clause.head  # 'will continue to steer ... from his position': the subject of 'continue'; a verb joined
        # by 'and' with a subject of its own ('... are under development and Jobs will continue ...') keeps it
    if (any(c.dep_ == "neg" for v in (verb, clause) for c in v.children) or verb.lemma_.lower() in _leave_verbs()
            or _earlier_year(clause, as_of) or _told_past(clause)):
        return None, ""
    if owner.pos_ == "PRON":
        if owner.lower_ not in {"his", "her"}:
            return None, ""
        owner = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    person = _ent_at(doc, owner.i) if owner is not None else None
    return (person, post.lemma_.lower()) if person is not None and person.label_ == "PERSON" else (None, "")


def _told_past(verb) -> bool:
    """A verb in the past tense, with no present or future auxiliary ('led the talks in his role as', not 'has led', 'will
    continue'): what it tells of a post was so then, not said of now."""
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return verb.tag_ == "VBD" and not aux or bool(aux) and all(a.tag_ == "VBD" for a in aux)


def _object_named(doc: Doc, obj, as_of: dt.date) -> tuple[Span | None, str]:
    """'ORG named NAME its new TITLE': the object of a verb of putting someone in a post (not negated, after no modal,
    with no year before the article's), when it is a person."""
    verb = obj.head
    lemma = verb.lemma_.lower()
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if (lemma not in START_VERBS - REPLACE_VERBS or any(c.dep_ == "neg" for c in verb.children)
            or any(c.tag_ == "MD" or c.lower_ == "to" for c in aux) or _earlier_year(verb, as_of)):
        return None, ""
    person = _ent_at(doc, obj.i)
    return (person, lemma) if person is not None and person.label_ == "PERSON" else (None, "")


TAKING_RULES = ("roles/clause-", "roles/home-state-clause-")  # a post the text says someone was given


@lru_cache(maxsize=1)
def _leave_verbs() -> frozenset[str]:
    """Verbs of leaving a post: the lemmas of the Resignation rows of kg/data/event_triggers.jsonl ('resign', 'quit')."""
    from kg import resources

    return frozenset(lemma for row in resources.jsonl("event_triggers.jsonl") if row["kind"] == "Resignation"
                     for lemma in row["lemmas"])


def _outgoing_roles(doc: Doc, roles: list[Role], as_of: dt.date) -> list[Role]:
    """'The summit elected NAME2 as chairperson of ORG. He will replace NAME': the object of a verb of taking someone's
    place in the future ('will replace', 'is to succeed') holds now the post that the subject (a pronoun or NAME2) was
    just given, in this sentence or the one before (the one post a clause of taking office gave; past or negated
    replacing says nothing of now), unless the text gives the one replaced another post in the same body (the new
    deputy who will succeed the chief executive)."""
    from spacy.attrs import LEMMA

    out = []
    for verb in tokens_with(doc, LEMMA, frozenset(REPLACE_VERBS)):
        kids = list(verb.children)
        future = any(c.lower_ in {"will", "shall"} or c.lower_ == "to" and c.dep_ == "aux" for c in kids)
        if verb.pos_ != "VERB" or not future or any(c.dep_ == "neg" for c in kids) or any(
                c.dep_ == "prep" and c.lower_ == "as" for c in kids):
            continue  # 'will replace NAME as TITLE' names its own post
        subject = next((c for c in kids if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ in {"xcomp", "conj"}:  # 'NAME2 is to succeed NAME', 'He won and will replace'
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        person = _ent_at(doc, obj.i) if obj is not None else None
        if subject is None or person is None or person.label_ != "PERSON" or any(
                c.dep_ == "relcl" and c.lemma_.lower() in _leave_verbs() for c in obj.children):
            continue  # 'will succeed NAME, who resigned in October': the post is empty
        window = _sentence_before_start(verb)
        given = _ent_at(doc, subject.i)
        surname = person_key(given.text).rsplit("-", 1)[-1] if given is not None and given.label_ == "PERSON" else ""
        if not surname and subject.lower_ not in {"he", "she"}:
            continue
        posts = {(r.name, r.of) for r in roles if r.evidence.extractor.startswith(TAKING_RULES)
                 and window <= _token_at(doc, r.evidence.start) < verb.sent.end
                 and (not surname or r.holder.rsplit("-", 1)[-1] == surname)}
        if len(posts) != 1:
            continue
        name, of = posts.pop()
        key = person_key(person.text)
        if any(_same_person(r.holder, key) and r.of == of and r.name != name for r in roles):
            continue  # 'NAME, the chief executive ... appointed NAME2 as deputy chief executive. He will succeed NAME'
        span = doc[min(subject.i, person.start):max(subject.i + 1, person.end)]
        out.append(_role(span, person, name, of, as_of, "outgoing-holder", 0.7))
    return out


def _in_place_roles(doc: Doc, as_of: dt.date) -> list[Role]:
    """'NAME resigned as Britain's foreign secretary. NAME2 was appointed in his place', 'removed the governor of ORG,
    NAME, and appointed his deputy, NAME2, in his place': the person a verb of putting someone in a post puts 'in
    his/her place' (its object, else its passive subject) holds the post the text says was just left or taken away,
    the nearest title after a verb of leaving or removing in this sentence or the one before (not 'will appoint')."""
    out = []
    for place in tokens_with(doc, LOWER, frozenset({"place"})):
        verb = place.head.head
        if (place.dep_ != "pobj" or place.head.lower_ != "in" or verb.pos_ != "VERB"
                or verb.lemma_.lower() not in START_VERBS - REPLACE_VERBS
                or not any(c.dep_ == "poss" and c.lower_ in {"his", "her"} for c in place.children)
                or any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in NOT_HELD for c in verb.children)):
            continue
        holder = next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
            (c for c in verb.children if c.dep_ == "nsubjpass"), None)
        person = _ent_at(doc, holder.i) if holder is not None else None
        if person is None and holder is not None:  # 'appointed his deputy, NAME, in his place'
            person = next((_ent_at(doc, c.i) for c in holder.children if c.dep_ == "appos" and _ent_at(doc, c.i) is not None), None)
        if person is not None and person.label_ == "PERSON":
            out += _left_post_role(doc, verb, person, as_of, "in-place")
    return out


def _left_post_role(doc: Doc, verb, person: Span, as_of: dt.date, rule: str, vacated: Span | None = None) -> list[Role]:
    """The post just left or taken away (`_left_title`, before `verb`; else the title `vacated`), held now by `person`,
    when its owner is written."""
    rows, left = title_by_id(), _left_title(doc, verb) or vacated
    if left is None or left.label_ not in rows:
        return []
    start = _portfolio_start(doc, left.start) if rows[left.label_]["role"].lower() in PORTFOLIO_HEADS else left.start
    owner = _named_owner(doc, owner_before_title(doc, start)) or (
        _owner_after(doc, left.end + 1) if left.end + 1 < len(doc) and doc[left.end].lower_ == "of" else None)
    of = owner_key(owner) if owner is not None else ""
    if not of and vacated is not None and left is vacated and title_kinds().get(left.label_) in STATE_OFFICE_SECTORS:
        of = story_state(doc)  # 'NAME, who had been health minister, was replaced by NAME2' in a story of one state
    if not of:
        return []
    name = _in_state(left, _chief_of(doc, left, _post_name(doc, left, rows)), of)
    return [_role(doc[min(left.start, person.start):max(verb.i, person.end)], person, name, of, as_of, rule, 0.7)]


def _successor_roles(doc: Doc, as_of: dt.date, roles: list[Role]) -> list[Role]:
    """'NAME resigned as Peru's foreign minister and was succeeded by NAME2', 'Kenya sacked Interior Minister NAME.
    He was replaced by NAME2', 'NAME2, who replaced her': the successor a verb of replacing names (its subject, the
    passive's agent, or the person a relative clause hangs on) holds the post the text says was just left or taken
    away (`_left_title`), when the one replaced is a person (a name or a personal pronoun) and nothing marks the
    replacing as unreal ('will replace', 'did not succeed'); with no such post written near the verb, the one post
    `roles` gave the person replaced, named, earlier ('dismissing the interior minister, NAME. NAME was replaced by
    NAME2': `_replaced_post`)."""
    out = []
    for verb in tokens_with(doc, LEMMA, frozenset(REPLACE_VERBS)):
        if verb.pos_ != "VERB" or any(c.dep_ == "neg" or c.dep_ in {"aux", "auxpass"} and c.lower_ in NOT_HELD
                                      for c in verb.children):
            continue
        kids = {c.dep_: c for c in verb.children}
        if "nsubjpass" in kids or "auxpass" in kids:
            # 'NAME resigned and was succeeded by NAME2': a passive joined to the first verb shares its subject
            shared = {c.dep_: c for c in verb.head.children} if verb.dep_ == "conj" else {}
            replaced = kids.get("nsubjpass") or shared.get("nsubj") or shared.get("nsubjpass")
            agent = kids.get("agent")
            successor = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        else:
            replaced, successor = kids.get("dobj"), kids.get("nsubj")
            if successor is not None and successor.tag_ == "WP" and verb.dep_ == "relcl":
                successor = verb.head  # 'NAME2, who replaced her'
        if replaced is None or successor is None or not (replaced.tag_ == "PRP" or replaced.pos_ == "PROPN"):
            continue
        person = _ent_at(doc, successor.i)
        if person is not None and person.label_ == "PERSON":
            found = _left_post_role(doc, verb, person, as_of, "successor", _vacated_title(doc, verb, replaced))
            out += found or _replaced_post(doc, verb, replaced, person, roles, as_of)
    return out


def _replaced_post(doc: Doc, verb, replaced, person: Span, roles: list[Role], as_of: dt.date) -> list[Role]:
    """The one post (name and owner) that `roles` state, before `verb`, for the person named `replaced`: its
    successor `person` holds it now, unless the verb names a post of its own ('as') or an earlier year."""
    named = _ent_at(doc, replaced.i)
    if named is None or named.label_ != "PERSON" or _same_person(person_key(named.text), person_key(person.text)):
        return []
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in [*verb.children, *person.root.children]) or _earlier_year(verb, as_of):
        return []  # 'was replaced by NAME2 as party treasurer': a post of its own; 'replaced in 2019': another time
    key = person_key(named.text)
    posts = {(r.name, r.of) for r in roles if _same_person(r.holder, key) and r.evidence.start < verb.idx}
    if len(posts) != 1:
        return []
    (name, of), = posts
    return [_role(doc[min(named.start, person.start):max(named.end, person.end)], person, name, of, as_of, "successor-of-post", 0.7)]


def _vacated_title(doc: Doc, verb, replaced) -> Span | None:
    """The title written right before the name of the person `verb` replaces ('Interior Minister NAME was sacked ...
    was replaced by'), or, for a pronoun, before the name of the one who left ('NAME resigned') or was removed ('sacked
    NAME', 'NAME was sacked') in this sentence or the one before."""
    if replaced.ent_type_ == "PERSON":
        named = [replaced]
    else:
        lo = _sentence_before_start(verb)
        leave, removal = _leave_verbs(), _removal_verbs()
        named = [t for t in doc[lo:verb.i] if t.dep_ in {"nsubj", "nsubjpass", "dobj"}
                 and t.head.lemma_.lower() in (leave if t.dep_ == "nsubj" else removal)]
    for token in named:  # the name, or the title it stands in apposition to ('Interior Minister NAME was sacked')
        person = _ent_at(doc, token.i)
        start = person.start if person is not None and person.label_ == "PERSON" else None
        title = next((t for t in title_spans(doc) if t.end == start or t.start <= token.i < t.end), None) or (
            _relative_title(doc, token) if start is not None else None)
        if title is not None and (start is not None or any(_ent_at(doc, c.i) is not None for c in token.children if c.dep_ == "appos")):
            return title
    return None


def _relative_title(doc: Doc, name) -> Span | None:
    """'NAME, who had been health minister since 2024, was replaced by NAME2', 'NAME, who was appointed interior
    minister in June, was replaced': the title a relative clause on the name gives as what the name was (the
    complement of 'be', of a verb of naming to a post, or after 'served as')."""
    for clause in (c for c in name.children if c.dep_ == "relcl"):
        heads = [c for c in clause.children if c.dep_ in {"attr", "oprd"}]
        heads += [g for c in clause.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
        title = next((t for t in title_spans(doc) for h in heads if t.start <= h.i < t.end), None)
        if title is not None:
            return title
    return None


def _left_title(doc: Doc, verb) -> Span | None:
    """The title nearest before `verb`, in its sentence or the one before, that a verb of leaving a post ('resigned
    as', 'quit as') or of removing its holder ('removed the governor of') governs within a few words."""
    lo = _sentence_before_start(verb)
    titles = [t for t in title_spans(doc) if lo <= t.start < verb.i]
    left = []
    for title in reversed(titles):
        verbs = [t for t in doc[max(lo, title.start - 6):title.start] if t.pos_ in {"VERB", "AUX"}]
        if verbs and verbs[-1].lemma_.lower() in _leave_verbs() | _removal_verbs():
            left.append((title, verbs[-1]))
    # 'NAME resigned as TITLE, a day after NAME2 quit as TITLE2': the main clause's post, not the earlier one
    main = [t for t, v in left if not any(a.dep_ == "advcl" or any(c.dep_ == "mark" for c in a.children) for a in [v, *v.ancestors])]
    return next(iter(main or [t for t, _ in left]), None)


def _token_at(doc: Doc, char: int) -> int:
    """The index of the token at character offset `char`."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else -1


def _copula_holder(doc: Doc, verb) -> tuple[Span | None, str]:
    """"The party's new secretary-general is NAME": the person a present copula, not negated, names after it."""
    if any(c.dep_ == "neg" for c in verb.children):
        return None, ""
    attr = next((c for c in verb.children if c.dep_ == "attr"), None)
    person = _ent_at(doc, attr.i) if attr is not None else None
    return (person, "be") if person is not None and person.label_ == "PERSON" else (None, "")


def _earlier_year(verb, as_of: dt.date) -> bool:
    """'was elected president in 1996': a year before the article's, so the text does not say the office is held now."""
    for token in verb.subtree:
        if token.ent_type_ == "DATE" and re.fullmatch(r"(1[89]|20)\d\d", token.text) and int(token.text) < as_of.year:
            if not _in_other_clause(token, verb):
                return True
    return False


def _in_other_clause(token, verb) -> bool:
    """Whether `token` belongs to a clause of its own under `verb` ('sworn in as Finance Minister, taking over from NAME,
    who had held the post since 2024': the year is the predecessor's, not the swearing-in's)."""
    while token.i != verb.i and token.head.i != token.i:
        token = token.head
        if token.i != verb.i and token.pos_ in {"VERB", "AUX"}:
            return True
    return False


def _subject_owner(doc: Doc, start: int) -> Span | None:
    """'ORG named NAME chief executive', 'The board of ORG appointed NAME as chairwoman', "ORG's board named NAME
    TITLE", "the carmaker's board named NAME as TITLE": with no owner written at a company's title, the organisation that
    is the subject of the verb of putting someone in the post (or whose board, or other body noun, is) gives it."""
    head = doc[start:start + 1].root
    while head.head.i != head.i and head.head.i >= start and head.dep_ in {"compound", "amod"} and head.head.i - start < 5:
        head = head.head  # 'chief executive': the noun
    if head.dep_ == "oprd":
        verb = head.head
    elif head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.i != head.head.i:
        verb = head.head.head
    else:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "acl" and verb.head.lower_ in BODY_NOUNS:
        subject = verb.head  # "ORG's board named NAME TITLE" parsed as a participle after 'board'
    if verb.lemma_.lower() not in START_VERBS - REPLACE_VERBS or subject is None:
        return None
    owner = _ent_at(doc, subject.i)
    if owner is None and subject.is_lower and subject.lower_ in BODY_NOUNS:
        for child in subject.children:
            if child.dep_ == "poss" and _ent_at(doc, child.i) is not None:
                owner = _ent_at(doc, child.i)  # "ORG's board"
            elif child.dep_ == "poss" and child.is_lower and child.i > 0 and doc[child.i - 1].lower_ == "the":
                owner = the_body(doc, child.i - 1)  # "the carmaker's board": the company just named
            elif child.dep_ == "prep" and child.lower_ == "of":
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                owner = _ent_at(doc, obj.i) if obj is not None else None  # 'the board of ORG'
    return owner if owner is not None and owner.label_ == "ORG" and _organization(owner_key(owner)) else None


def _its_owner(doc: Doc, start: int) -> Span | None:
    """'ORG appointed NAME as its chairman': the organization or state that is the clause's subject."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in MODIFIERS - {"its", "their"}:
        i -= 1
    if i < 0 or doc[i].lower_ not in {"its", "their"}:
        return None
    verb = doc[i].head
    while verb.dep_ not in {"ROOT", "relcl", "ccomp", "advcl", "conj"} and verb.head.i != verb.i:
        verb = verb.head
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            owner = _ent_at(doc, child.i)
            if owner is not None and owner_key(owner):
                return owner
    return _written_subject(doc, i)


def _written_subject(doc: Doc, its: int) -> Span | None:
    """'ORG [on DAY] named NAME its TITLE' read from the words, whatever the parse ('Apple named' read as a noun and
    its participle): the organization or state named last before the verb of taking office right before the name,
    past times and words but no punctuation or other person."""
    person = _ent_at(doc, its - 1)
    if person is None or person.label_ != "PERSON" or person.end != its or person.start < 2:
        return None
    verb = doc[person.start - 1]
    if verb.lemma_.lower() not in START_VERBS - REPLACE_VERBS or verb.pos_ not in {"VERB", "AUX"}:
        return None
    for j in range(verb.i - 1, verb.sent.start - 1, -1):
        ent = _ent_at(doc, j)
        if ent is not None and ent.label_ not in {"DATE", "TIME"}:
            return ent if ent.label_ != "PERSON" and owner_key(ent) else None
        if doc[j].is_punct:
            return None
    return None
