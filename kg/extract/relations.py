"""Lasting relations between actors stated in the text, from patterns in kg/data/relation_patterns.jsonl.

"Kosovo, a former province of Serbia" -> formerPartOf(Kosovo, Serbia);
"Kosovo and Serbia, which aspire to join the EU" -> aspiresToJoin for both;
"declared independence in a move rejected by Belgrade" -> rejects(Serbia, Kosovo).
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from kg import resources
from kg.extract.context import Context, actor_nouns
from kg.extract.entities import PERSON_KEY_PREFIX
from kg.extract.events import FUTURE_AUX, actors, hypothetical
from kg.nlp import name_head, titled_tokens, tokens_with, word_union
from kg.records import Evidence, Mention, Relation, Role

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJ_DEPS = {"nsubj", "nsubjpass"}
APPOSITIVE_DEPS = frozenset({"appos", "attr"})
NAME_POS = frozenset({"PROPN"})


@lru_cache(maxsize=1)
def patterns() -> dict[str, list[dict]]:
    """Relation patterns by kind."""
    out: dict[str, list[dict]] = {}
    for row in resources.jsonl("relation_patterns.jsonl"):
        out.setdefault(row["kind"], []).append(row)
    return out


STATE_NOUNS = frozenset({"state", "country", "nation", "government"})  # 'the Austrian state', 'the Czech government'


def _end_actors(ctx: Context, token: Token) -> list[str]:
    """The actors a phrase names as an end of a lasting relation: those `actors` finds, less the ones that only modify
    a common noun that is not an actor itself. 'a unit of the Dutch pension fund PGB', 'a subsidiary of the German
    group Lufthansa': the fund is Dutch, the unit is no part of the Netherlands; 'A Slovak member of parliament joined
    X': Slovakia joined nothing; 'opposes Bulgaria's membership of NATO', 'rejected Babaryka's appeal': the stance is
    on the membership or the appeal, not on Bulgaria or Babaryka. A state noun keeps its state ('owned by the Austrian
    state'), an actor noun its owner ('opposes the government's forces' is left to `actors`), a noun of a state of
    being (WordNet noun.state) its owner ('recognised Abkhazia's independence': Abkhazia)."""
    found = actors(ctx, token) or _described_body(ctx, token)
    if ctx.mention(token) is not None or token.pos_ not in {"NOUN", "PROPN"} or token.lemma_.lower() in STATE_NOUNS:
        return found
    if token.pos_ == "PROPN" and ctx.apposed_name(token) is None and not any(
            c.dep_ == "amod" for c in token.children):
        return found
    from kg.gazetteer import state_nouns

    lemma = token.lemma_.lower()
    modifiers = {m.key for c in token.children if (c.dep_ == "amod" or c.dep_ == "poss" and lemma not in actor_nouns()
                                                   and lemma not in state_nouns()) and (m := ctx.mention(c)) is not None}
    kept = {m.key for c in token.children if c.dep_ in {"conj", "appos"} and (m := ctx.mention(c)) is not None}
    return [k for k in found if k not in modifiers or k in kept]


def _described_body(ctx: Context, noun: Token) -> list[str]:
    """The organisation a bare definite noun stands for: the one the article described before with that noun in
    apposition. 'the Collective Security Treaty Organization, the Russian-led military alliance ... Armenia, a founding
    member of the alliance' -> the CSTO; 'Democratic Bulgaria, an alliance of two parties ... the alliance' -> it. Two
    organisations described so, or none: nothing."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or any(
            c.dep_ in {"compound", "poss", "nmod"} for c in noun.children):
        return []
    lemma = noun.lemma_.lower()
    keys = set()
    for t in ctx.doc[:noun.i]:
        if t.lemma_.lower() != lemma or t.pos_ != "NOUN":
            continue
        named = ctx.mention(t.head) if t.dep_ == "appos" else None
        named = named or ctx.apposed_name(t) or _named_before(ctx, t)
        if named is not None and named.type == "Organization":
            keys.add(named.key)
    return list(keys) if len(keys) == 1 else []


def _named_before(ctx: Context, noun: Token) -> Mention | None:
    """The name a noun phrase follows after a comma, whatever the parser hung it on: 'the Collective Security Treaty
    Organization, the Russian-led military alliance' -> the CSTO for 'alliance'."""
    doc = ctx.doc
    j = noun.i - 1
    while j > 0 and noun.i - j < 7 and doc[j].text != "," and (not doc[j].is_punct or doc[j].text == "-") and (
            ctx.mention(doc[j]) is None or ctx.mention(doc[j]).type == "State"):
        j -= 1
    if j < 1 or doc[j].text != "," or doc[j + 1].lower_ not in {"the", "a", "an"}:
        return None
    return ctx.mention(doc[j - 1])


def _conjuncts(token: Token) -> list[Token]:
    """A word and every word coordinated with it, however long the list ('Russia, Belarus, Kazakhstan and Tajikistan')."""
    out, todo = [], [token]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ == "conj"]
    return sorted(out, key=lambda t: t.i)


def _members_are(ctx: Context, verb: Token) -> list[Relation]:
    """Members listed after a present copula: 'The other members of the alliance are Russia, Belarus and Tajikistan',
    'Its members are Brazil, Russia, India, China and South Africa' -> memberOf(each, organisation). A past 'were' tells
    of what is over; names that are not states or organisations are no members here."""
    out: list[Relation] = []
    if verb.lemma_ != "be" or not _states_now(verb):
        return out
    types = _types(ctx)
    for row in patterns().get("members_are", []):
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in row["heads"] and c.tag_ == "NNS"), None)
        if subject is None or _not_of_now(subject):
            continue
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        bodies = _of_objects(ctx, subject) or (actors(ctx, owner) or _its_antecedent(ctx, owner) if owner is not None else [])
        bodies = [b for b in bodies if types.get(b) == "Organization"]
        members = [k for c in verb.children if c.dep_ == "attr" for t in _conjuncts(c) for k in _named(ctx, t, {"State", "Organization"})]
        out += [Relation(m, row["predicate"], b, _evidence(verb, row["id"])) for m in members for b in bodies if m != b]
    return out


def _of_objects(ctx: Context, token: Token) -> list[str]:
    """The actors after 'of' ('a member of NATO'), also after an 'of' coordinated with it ('a member of NATO and of
    the European Union')."""
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
    preps += [c for p in preps for c in p.children if c.dep_ == "conj" and c.lower_ == "of"]
    return [k for prep in preps for pobj in prep.children if pobj.dep_ == "pobj" for k in _end_actors(ctx, pobj)]


def _subjects(ctx: Context, verb: Token) -> list[str]:
    node = verb
    for _ in range(3):
        subjects = [c for c in node.children if c.dep_ in SUBJ_DEPS]
        if subjects:
            return [k for s in subjects for k in _end_actors(ctx, s)]
        if node.dep_ == "relcl":
            return actors(ctx, node.head)
        if node.head.i == node.i:
            break
        node = node.head
    return []


def _evidence(token: Token, rule: str, span: tuple[int, int] | None = None) -> Evidence:
    start, end = span or (token.idx, token.idx + len(token.text))
    return Evidence(start, end, token.sent.text, f"relations/{rule}", 0.8)


def _negated(verb: Token) -> bool:
    """A verb said not to hold: 'is not', 'does not own', 'is no longer', 'no longer owns'."""
    return any(c.dep_ == "neg" or c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children) for c in verb.children)


def _states_now(verb: Token) -> bool:
    """A copula that says what its subject is now: present 'is' / 'are' / 'has been', or 'became' / 'has become', not negated
    ('is not', 'is no longer')."""
    if _negated(verb):
        return False
    if verb.lemma_ == "be":  # 'is', or 'has been' ('had been' is over)
        perfect = any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in verb.children)
        return verb.tag_ in {"VBZ", "VBP"} or verb.tag_ == "VBN" and perfect
    return verb.lemma_ == "become" and (verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(c.dep_ == "aux" for c in verb.children))


def _holds_now(verb: Token) -> bool:
    """A verb that says a stance holds now: present ('opposes', 'oppose'), perfect ('has opposed', 'have been opposing')
    or progressive ('is opposing'); a simple past ('opposed the bill on Monday') tells of one act, a pluperfect ('had
    opposed') of a stance that is over."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if aux & FUTURE_AUX or aux & {"had", "'d"}:
        return False
    return verb.tag_ in {"VBZ", "VBP"} or bool(aux & {"has", "have", "is", "are", "'s", "'ve", "been"})


def _of_which(ctx: Context, verb: Token) -> list[str]:
    """The organisation a relative clause 'of which X are members' hangs on: "the CSTO, a military alliance of which
    both countries are members" -> the CSTO (the noun of the clause, or the name it stands in apposition to)."""
    if verb.dep_ != "relcl" or not any(c.dep_ in {"prep", "dep"} and c.lower_ == "of" and any(
            p.dep_ == "pobj" and p.lower_ == "which" for p in c.children) for c in verb.children):
        return []
    noun = verb.head
    return actors(ctx, noun) or (actors(ctx, noun.head) if noun.dep_ == "appos" else [])


def _appositive(ctx: Context, token: Token) -> list[Relation]:
    """'Kosovo, a former province of Serbia', 'Turkey, a NATO member', 'Senegal, Guinea-Bissau's northern neighbour',
    'X, a member of Y and owner of Z' (a noun coordinated with the apposition), and the same said with a present copula,
    'Indonesia is a member of ASEAN', or with 'became' ('Croatia became the 28th member of the EU': it still is); a past
    'was a member' states nothing of now, nor does a becoming yet to come ('is expected to become a member')."""
    out = []
    if token.dep_ == "appos":
        holder = token.head
    elif token.dep_ == "conj" and token.head.dep_ == "appos" and token.head.pos_ == "NOUN":
        holder = token.head.head  # "Disney, Pixar's distributor and owner of ABC": the second noun of the apposition
    elif token.dep_ == "attr" and _states_now(token.head):
        # the subject that names an actor: a dateline before it ('NEW DELHI, Sept 9 - The AU became') parses as one too
        holder = next((c for c in token.head.children if c.dep_ == "nsubj" and actors(ctx, c)), None)
        if holder is None:
            return out
    else:
        return out
    for row in _matching_rows(token):
        start = min(holder.left_edge.idx, token.idx)
        evidence = _evidence(token, row["id"], (start, token.right_edge.idx + len(token.right_edge.text)))
        objects = (_of_objects(ctx, token) or _organization_modifiers(ctx, token) or _of_which(ctx, token.head)
                   or _owners(ctx, token))
        for subject in actors(ctx, holder):
            for obj in objects:
                if obj.startswith(PERSON_KEY_PREFIX) and row["predicate"] not in PERSON_OBJECTS:
                    continue  # "Maru Campos, a member of Romero's party": of his party, not of Romero
                out.append(_directed(row, subject, obj, evidence))
    return out

PERSON_OBJECTS = {"allyOf"}  # the one appositive relation a person can be the object of ('an ally of Putin')


def _owners(ctx: Context, token: Token) -> list[str]:
    """The actors a relational noun is owned by: 'Senegal, Guinea-Bissau's northern neighbour', 'Turkey, its closest
    ally' (its: the one organisation or state named before)."""
    return [k for c in token.children if c.dep_ == "poss" for k in (actors(ctx, c) or _its_antecedent(ctx, c))]


@lru_cache(maxsize=1)
def _legislator_words() -> frozenset[str]:
    """One-word titles and agent nouns of legislators: the titles of kind legislator (titles.jsonl, LEG in the Phoenix
    agent titles: 'senator', 'sen.') and the Phoenix agents of sector LEG ('lawmaker', 'mp', 'congresswoman')."""
    from kg.gazetteer import agent_sectors, titles

    return frozenset(f.lower() for row in titles() if row.get("kind") in {"legislator", "leg"} for f in row["forms"] if " " not in f) | {
        form for form, sector in agent_sectors().items() if sector == "LEG"}


def _party_title(ctx: Context, token: Token) -> list[Relation]:
    """A party named before a legislator's title: 'Republican Senator John McCain', 'Paul Dewar, an Ottawa New Democrat
    MP' -> memberOf(person, party), when the article names that party as an organisation ending in 'Party' whose
    words start as the modifier's do ('Democrat' / 'New Democratic Party'). No party node is made from the adjective."""

    if token.lower_ not in _legislator_words() or token.dep_ not in {"compound", "appos"}:
        return []
    person = ctx.mention(token.head)
    if person is None or person.type != "Person" or ctx.mention(token) is person and token.dep_ == "appos":
        return []
    words: list[Token] = []
    for t in reversed(ctx.doc[max(0, token.i - 4):token.i]):  # the capitalised words right before the title
        m = ctx.mention(t)
        if not t.text[:1].isupper() or t.pos_ not in {"PROPN", "ADJ", "NOUN"} or m is not None:  # "Senate Speaker": a body
            break
        words.insert(0, t)
    before = ctx.mention(ctx.doc[token.i - 1]) if token.i else None
    if not words and before is not None and before.type == "Organization":  # 'a Labour MP': the parser took 'Labour'
        words = [t for t in ctx.doc[max(0, token.i - 4):token.i] if ctx.mention(t) is before]  # for the party's name
    if not words:
        return []
    stems = [w.lower_[:max(4, len(w.lower_) - 3)] for w in words]
    names = {m.key: m.text.split()[m.text.lower().startswith("the "):] for m in ctx.by_token.values() if m.type == "Organization"}
    found = {k for k, name in names.items() if name[-1] == "Party" and len(name) == len(words) + 1
             and all(w.lower().startswith(st) for w, st in zip(name, stems, strict=False))}
    if not found and (party := _party_of_kind(ctx, words)) is not None:
        found = {party}  # 'Republican Senator NAME' and 'Republicans' named as a body
    if len(found) != 1:
        return []
    span = (min(words[0].idx, person.start), max(token.idx + len(token), person.end))
    return [Relation(person.key, row["predicate"], next(iter(found)), _evidence(token, row["id"], span))
            for row in patterns().get("affiliation", [])]


def _its_antecedent(ctx: Context, pronoun: Token) -> list[str]:
    """'its' / 'their': the one organisation or state named before it in its sentence and the one before, else none."""
    if pronoun.lower_ not in {"its", "their"}:
        return []
    sent = pronoun.sent
    start = sent.start - 1
    first = ctx.doc[start].sent.start if start >= 0 else sent.start
    keys = {m.key for t in ctx.doc[first:pronoun.i] if (m := ctx.mention(t)) is not None and m.type in {"Organization", "State"}}
    return list(keys) if len(keys) == 1 else []


def _matching_rows(token: Token) -> list[dict]:
    """The appositive pattern a relational noun phrase fits, at most one: its head noun or a compound before it
    ('parent company', 'member state') is one of the pattern's heads, with the pattern's modifier when it has one;
    'former' or 'ex' keeps it out of a pattern without a modifier."""
    modifiers = {c.lower_ for c in token.children if c.dep_ in {"amod", "compound"}}
    nouns = {token.lemma_.lower()} | {c.lemma_.lower() for c in token.children if c.dep_ == "compound"}
    for row in patterns().get("appositive", []):
        if not nouns & set(row["heads"]) or (row["modifier"] and row["modifier"] not in modifiers):
            continue
        if not row["modifier"] and modifiers & {"former", "ex"} or modifiers & set(row.get("not_with", ())):
            continue  # 'a former province'; 'its largest trading partner' is a market, no ally
        return [row]
    return []


def _directed(row: dict, named: str, other: str, evidence: Evidence) -> Relation:
    """The relation between the thing a relational noun describes and the other end: 'X, a unit of Y' is
    partOf(X, Y); an `inverse` pattern reads the other way ('X, the parent of Y' is partOf(Y, X))."""
    subject, obj = (other, named) if row.get("inverse") else (named, other)
    return Relation(subject, row["predicate"], obj, evidence)


def _possessed(ctx: Context, token: Token) -> list[Relation]:
    """A relational noun with an owner and a name after it: "its parent company, EADS" -> partOf(Airbus, EADS);
    "Serbia's neighbour Hungary" -> neighborOf(Hungary, Serbia); "its subsidiary, Iberia" -> partOf(Iberia, it).

    The name is the noun's apposition, or (the parser often hangs it elsewhere) the mention that starts right
    after the noun phrase, a comma between. An `inverse` pattern ('parent') points from the owner to the name.
    """
    owners = [c for c in token.children if c.dep_ == "poss"]
    if not owners:
        return []
    doc = ctx.doc
    named = [m for c in token.children if c.dep_ == "appos" and (m := ctx.mention(c)) is not None]
    if not named:
        after = token.i + 1 + (token.i + 1 < len(doc) and doc[token.i + 1].text == ",")
        m = ctx.mention(doc[after]) if after < len(doc) else None
        named = [m] if m is not None and m.start == doc[after].idx else []
    named = [m for m in named if m.type in {"Organization", "State"}]
    if not named:
        return []
    out = []
    for row in _matching_rows(token):
        span = (min(o.idx for o in owners), max(m.end for m in named))
        for owner in (k for o in owners for k in (actors(ctx, o) or _its_antecedent(ctx, o))):
            for m in named:
                out.append(_directed(row, m.key, owner, _evidence(token, row["id"], span)))
    return out


def _organization_modifiers(ctx: Context, token: Token) -> list[str]:
    """Organisations named before the noun, or before a compound of it: 'a NATO member', 'an EU member state'."""
    nouns = [c for c in token.children if c.dep_ in {"compound", "nmod"}]
    found = [ctx.mention(c) for c in nouns + [g for c in nouns for g in c.children if g.dep_ in {"compound", "nmod"}]]
    return [m.key for m in found if m is not None and m.type == "Organization"]


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    """Every relational noun an appositive pattern reads."""
    return frozenset(h for row in patterns().get("appositive", []) for h in row["heads"])


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """Every verb a verbal pattern reads."""
    kinds = ("infinitive", "object", "passive_modifier", "admission", "ownership", "inclusion")
    return frozenset(v for kind in kinds for row in patterns().get(kind, []) for v in row["verbs"])


def _in_hypothetical_clause(verb: Token) -> bool:
    """A gerund after a preposition of a clause yet to be, or one set on a condition: 'Serbia will join the EU only
    after recognising Kosovo', 'could be admitted without recognising it' state no recognition."""
    node = verb
    while node.dep_ in {"pcomp", "pobj", "prep"} and node.head.i != node.i:
        node = node.head
    return node is not verb and node.pos_ in {"VERB", "AUX"} and (
        hypothetical(node) or any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in node.children))


def _verbal(ctx: Context, token: Token) -> list[Relation]:
    out = []
    lemma = token.lemma_.lower()
    if lemma not in _verbs() or any(c.dep_ == "neg" for c in token.children):
        return out  # "Serbia does not recognise Kosovo", "does not seek to join": nothing stated
    for row in patterns().get("infinitive", []):
        if lemma in row["verbs"]:
            for xcomp in (c for c in token.children if c.dep_ == "xcomp" and c.lemma_.lower() in row["infinitives"]):
                objects = [k for c in xcomp.children if c.dep_ == "dobj" for k in _end_actors(ctx, c)]
                out += [Relation(s, row["predicate"], o, _evidence(xcomp, row["id"])) for s in _subjects(ctx, token) for o in objects]
    if hypothetical(token) or token.dep_ == "xcomp" or _in_hypothetical_clause(token):
        return out
    for row in patterns().get("object", []):
        if lemma in row["verbs"] and token.dep_ not in {"acl", "amod"} and (not row.get("lasting") or _holds_now(token)):
            objects = [k for c in token.children if c.dep_ == "dobj" for k in _end_actors(ctx, c)]
            out += [Relation(s, row["predicate"], o, _evidence(token, row["id"])) for s in _subjects(ctx, token) for o in objects]
    for row in patterns().get("passive_modifier", []):
        if lemma in row["verbs"] and token.dep_ == "acl" and token.tag_ == "VBN":
            agents = [k for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj" for k in actors(ctx, p)]
            clause = token.head
            while clause.head.i != clause.i and clause.pos_ not in {"VERB", "AUX"}:
                clause = clause.head
            targets = _subjects(ctx, clause)
            out += [Relation(a, row["predicate"], t, _evidence(token, row["id"])) for a in agents for t in targets if a != t]
    return out


def _named(ctx: Context, token: Token, types: set[str]) -> list[str]:
    """The key of the state or organisation a token names itself (not one modifying a noun: 'Poland's concerns')."""
    m = ctx.mention(token)
    return [m.key] if m is not None and m.type in types else []


def _state_noun(ctx: Context, noun: Token) -> list[str]:
    """The state a state noun with a demonym names: 'the Austrian state', 'the Czech government' -> the state."""
    if noun.lemma_.lower() not in STATE_NOUNS:
        return []
    return [m.key for c in noun.children if c.dep_ in {"amod", "compound"} and (m := ctx.mention(c)) is not None and m.type == "State"]


def _stated_rows(verb: Token, rows: list[dict]) -> list[dict]:
    """The pattern rows whose verbs include this verb, when the verb states a fact: not negated, hypothetical or yet
    to come ('will be admitted', 'would own'); the lemma is looked up first, the clause read after."""
    rows = [row for row in rows if verb.lemma_.lower() in row["verbs"]]
    if not rows or _negated(verb) or hypothetical(verb) or _in_hypothetical_clause(verb) or any(
            c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
        return []
    return rows


def _admitted(ctx: Context, verb: Token) -> list[Relation]:
    """An organisation admitting a state or body: "ASEAN admitted East Timor", "Sweden was admitted to NATO", "was
    admitted into the WTO" -> memberOf(new member, organisation); both ends must be named ('admitted the charges',
    'admitted to taking bribes' are confessions). Not negated, hypothetical or yet to come ('will be admitted')."""
    out: list[Relation] = []
    for row in _stated_rows(verb, patterns().get("admission", [])):
        members = [k for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} for k in _named(ctx, c, {"State", "Organization"})]
        bodies = [k for c in verb.children if c.dep_ == "nsubj" for k in _named(ctx, c, {"Organization"})] + [
            k for c in verb.children if c.dep_ == "prep" and c.lower_ in row["preps"]
            for p in c.children if p.dep_ == "pobj" for k in _named(ctx, p, {"Organization"})]
        out += [Relation(m, row["predicate"], b, _evidence(verb, row["id"])) for m in members for b in bodies if m != b]
    return out


def _types(ctx: Context) -> dict[str, str]:
    return {m.key: m.type for m in ctx.by_token.values()}


def _including_body(ctx: Context, subject: Token) -> list[str]:
    """The organisation a verb of inclusion has for subject: named itself ('The CSTO includes ...'), through the relative
    pronoun ('the CSTO, which includes', 'a bloc that comprises': the name the noun stands in apposition to), or as the
    owner of its members ('the SCO, whose members include', 'Its members include')."""
    if subject.lemma_.lower() == "member":
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is None:
            return []
        if owner.tag_ == "WP$" and subject.head.dep_ == "relcl":
            noun = subject.head.head
            return actors(ctx, noun) or (actors(ctx, noun.head) if noun.dep_ == "appos" else [])
        return actors(ctx, owner) or _its_antecedent(ctx, owner)
    if subject.tag_ in {"WDT", "WP"} and subject.head.dep_ == "relcl":
        noun = subject.head.head
        return actors(ctx, noun) or (actors(ctx, noun.head) if noun.dep_ == "appos" else [])
    return actors(ctx, subject)


def _included(ctx: Context, verb: Token) -> list[Relation]:
    """States an organisation is said to include now: "the CSTO, which includes Russia and Armenia", "the SCO, whose
    members include China", "a bloc that comprises Egypt and Jordan" -> memberOf(state, organisation). Only states
    are read as members ('the deal includes Boeing' names no member), and only a present or perfect verb ('the bloc
    included Britain' tells of the past); not negated."""
    out: list[Relation] = []
    rows = _stated_rows(verb, patterns().get("inclusion", []))
    if not rows or not _holds_now(verb):
        return out
    types = _types(ctx)
    bodies = [k for c in verb.children if c.dep_ == "nsubj" for k in _including_body(ctx, c) if types.get(k) == "Organization"]
    members = [k for c in verb.children if c.dep_ == "dobj" for k in actors(ctx, c) if types.get(k) == "State"]
    for row in rows:
        out += [Relation(m, row["predicate"], b, _evidence(verb, row["id"])) for m in members for b in bodies if m != b]
    return out


def _members_such_as(ctx: Context, token: Token) -> list[Relation]:
    """States given as examples of an organisation's members: 'EU member states such as Hungary and Slovakia', 'NATO
    members including Poland' -> memberOf(state, organisation). The organisation must modify the noun (a bare 'member
    states such as Hungary' leaves the body to the story); 'former EU members such as Britain' states nothing of now."""
    out: list[Relation] = []
    for row in patterns().get("examples", []):
        nouns = {token.lemma_.lower()} | {c.lemma_.lower() for c in token.children if c.dep_ == "compound"}
        if not nouns & set(row["heads"]) or _not_of_now(token, *(c for c in token.children if c.dep_ == "compound")):
            continue
        bodies = _organization_modifiers(ctx, token)
        examples = [p for c in token.children if c.dep_ == "prep" and (
            c.lower_ == "including" or c.lower_ == "as" and any(a.lower_ == "such" for a in c.children)
            or c.lower_ == "as" and c.i and ctx.doc[c.i - 1].lower_ == "such")
            for p in c.children if p.dep_ == "pobj"]
        types = _types(ctx)
        members = [k for p in examples for k in actors(ctx, p) if types.get(k) == "State"]
        out += [Relation(m, row["predicate"], b, _evidence(token, row["id"])) for m in members for b in bodies if m != b]
    return out


def _owner(subject: Token) -> Token:
    """The word naming the subject of 'owns': itself, or for 'who' / 'which' the noun the clause hangs on, or the name
    that noun stands in apposition to ('Hamid Rostami, a businessman who owns ...')."""
    if subject.tag_ not in {"WP", "WDT"} or subject.head.dep_ != "relcl":
        return subject
    noun = subject.head.head
    return noun.head if noun.dep_ == "appos" and noun.pos_ == "NOUN" else noun


def _owned(ctx: Context, verb: Token) -> list[Relation]:
    """An organisation said to be owned: "Sea Crest Marine, owned by Hamid Rostami", "Rostami, who owns Sea Crest
    Marine", "the Beatles own Apple Corps", "Gazprom-owned Sibur" -> partOf(organisation, owner). The owned thing must
    be a named organisation ('owns a house' is not read); not negated, hypothetical or yet to come."""
    out: list[Relation] = []
    for row in _stated_rows(verb, patterns().get("ownership", [])):
        subject_dep = "nsubj" if verb.dep_ == "acomp" and verb.head.lemma_ == "be" else "nsubjpass"
        clause = verb.head if subject_dep == "nsubj" else verb  # 'X is majority-owned by Y': the parser's adjective
        passive = verb.tag_ == "VBN" and any(c.dep_ == subject_dep for c in clause.children)
        fronted = verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i < verb.head.i  # 'PhonePe, owned by Walmart, plans'
        if verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod"} or passive or fronted:  # 'X, owned by Y', 'Y-owned X',
            if passive and not (_holds_now(clause) if clause is not verb else any(  # 'X is owned by Y'
                    c.dep_ == "auxpass" and c.tag_ in {"VBZ", "VBP"} for c in verb.children) or _holds_now(verb)):
                continue  # 'X was owned by Y until 2018': over
            if any(c.dep_ == "advmod" and c.lower_ in {"once", "formerly", "previously"} for c in verb.children):
                continue  # 'Jaguar, once owned by Ford': over
            if passive:
                owned = [k for c in clause.children if c.dep_ == subject_dep for k in _named(ctx, _owner(c), {"Organization"})]
            elif fronted:
                owned = [k for c in verb.head.children if c.dep_ == "nsubj" and c.i < verb.i for k in _named(ctx, c, {"Organization"})]
            else:  # 'Mandiant, a cybersecurity company owned by Google': the name the noun is apposed to
                head = verb.head
                owned = _named(ctx, head, {"Organization"}) or (
                    _named(ctx, head.head, {"Organization"}) if head.dep_ == "appos" and head.pos_ == "NOUN" else [])
            owners = [k for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                      for k in _named(ctx, p, {"Organization", "Person", "State"}) or _state_noun(ctx, p) or [
                          m.key for m in [ctx.apposed_name(p)] if m is not None and m.type in {"Organization", "Person", "State"}]]
            owners += [k for c in verb.children if c.dep_ in {"npadvmod", "compound"}
                       for k in _named(ctx, c, {"Organization", "State"})]
        else:  # 'Y owns X', 'Y, who owns X'
            owned = [k for c in verb.children if c.dep_ == "dobj" for k in _named(ctx, c, {"Organization"})]
            owners = [k for c in verb.children if c.dep_ == "nsubj" for k in _named(ctx, _owner(c), {"Organization", "Person", "State"})]
        out += [Relation(o, row["predicate"], w, _evidence(verb, row["id"])) for o in owned for w in owners if o != w]
    return out


def _affiliation(ctx: Context, token: Token) -> list[Relation]:
    """A person named with an organisation and no title between: "Civic Party's Alvin Yeung" (and the one named with
    him: "DAB's Starry Lee and Holden Chow"), "Jane Roe of Greenpeace", "Cyd Ho from the Labour Party", "John Doe
    (Labour)" -> memberOf(person, organisation).

    Only organisations the gazetteer does not hold: a state or an intergovernmental body named with a person
    ("the EU's Borrell") stands for the office he holds, which is a role, not a membership.
    """
    person = ctx.mention(token)
    if person is None or person.type != "Person" or person.rule != "ner-person" or token.idx != person.start:
        return []
    doc, i = ctx.doc, token.i
    last = i
    while last + 1 < len(doc) and ctx.mention(doc[last + 1]) is person:
        last += 1
    candidates = []
    first = i
    if i >= 2 and doc[i - 1].lower_ == "and" and (before := ctx.mention(doc[i - 2])) is not None and before.type == "Person":
        first = next(t.i for t in doc[max(0, i - 8):i - 1] if ctx.mention(t) is before)  # "DAB's Starry Lee and Holden Chow"
    if first >= 2 and doc[first - 1].text in {"'s", "\u2019s"}:
        candidates.append(doc[first - 2])  # "Civic Party's Alvin Yeung"
    after = doc[last + 1] if last + 1 < len(doc) else None
    if after is not None and after.text == "," and last + 2 < len(doc) and doc[last + 2].lower_ == "of":
        last, after = last + 1, doc[last + 2]  # "Gabriela Costa, of the Social Democratic Party,"
    if after is not None and after.lower_ in {"of", "from"} and last + 2 < len(doc):  # "Cyd Ho from the Labour Party"
        at = first = last + 2 + (doc[last + 2].lower_ == "the")
        while at + 1 < len(doc) and at < first + 2 and ctx.mention(doc[at]) is None and doc[at].is_lower and (
                doc[at].pos_ in {"NOUN", "ADJ"} or doc[at].tag_ == "VBG"):
            at += 1  # "of the opposition Social Democratic Party", "of the ruling X": a word or two before the name
        candidates.append(doc[at] if at < len(doc) else doc[last + 2])
    if after is not None and after.text == "(" and last + 2 < len(doc):
        candidates.append(doc[last + 2])  # "John Doe (Labour)"
    out = []
    for cand in candidates:
        org = ctx.mention(cand)
        if org is None or org.type != "Organization" or org.rule != "ner-org":
            continue
        end = next((t.i for t in doc[cand.i:min(len(doc), cand.i + 8)] if ctx.mention(t) is not org), len(doc))
        if after is not None and after.text == "(" and cand is doc[last + 2] and (end == len(doc) or doc[end].text != ")"):
            continue  # "John Doe (Labour, Leeds)" or an unclosed bracket: not a bare affiliation
        if cand.i > i and end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].is_lower:
            continue  # "Shiu Ka-chun of the Social Welfare constituency": the name modifies a noun, no membership
        span = (min(token.idx, org.start), max(person.end, org.end))
        out += [Relation(person.key, row["predicate"], org.key, _evidence(token, row["id"], span))
                for row in patterns().get("affiliation", [])]
    return out


def _member_before(ctx: Context, token: Token) -> list[Relation]:
    """A state named after 'member' and the organisation: 'fellow NATO member Poland', 'EU member state Hungary' ->
    memberOf(state, organisation); 'former EU member Britain' states nothing of now."""
    m = ctx.mention(token)
    if m is None or m.type != "State" or token.idx != m.start:
        return []
    nouns = [c for c in token.children if c.dep_ == "compound" and ctx.mention(c) is None]
    if token.dep_ == "appos" and token.head.i == token.i - 1 and ctx.mention(token.head) is None:
        nouns.append(token.head)  # the parser's other reading: 'member' heads, the name in apposition right after it
    out = []
    for noun in nouns:
        for row in _matching_rows(noun):
            evidence = _evidence(token, row["id"], (noun.left_edge.idx, m.end))
            out += [_directed(row, m.key, org, evidence) for org in _organization_modifiers(ctx, noun)]
    return out


def _party_words(name: str) -> tuple[str, str] | None:
    """The words before and the kind of party of a name ending in a word for a party's members or kind ('Social
    Democrats' -> ('Social', 'Democratic Party'); kg/data/party_words.jsonl), None for another name."""
    from kg.gazetteer import party_kinds

    words = name.split()[name.lower().startswith("the "):]
    if not words or words[-1] not in party_kinds():
        return None
    return " ".join(words[:-1]), party_kinds()[words[-1]]


def _is_party(name: str) -> bool:
    """A party's name: its head word is 'party' ('Party of Venezuela'), or it names the party by its members ('the
    Social Democrats', 'Scottish Greens')."""
    return _name_head(name) == "party" or _party_words(name) is not None


def _party_of_kind(ctx: Context, words: list[Token]) -> str | None:
    """The one party of the article named by members of the kind the capitalised `words` say ('Republican' ->
    'Republicans', 'Social Democrat' -> 'the Social Democrats'): the words before the kind's word must agree when
    both name some."""
    found = _party_words(" ".join(t.text for t in words))
    if found is None:
        return None
    before, kind = found
    keys: dict[str, str] = {}
    for m in ctx.by_token.values():
        other = _party_words(m.text) if m.type == "Organization" else None
        if other is not None and other[1] == kind and (other[0] == before or not other[0] or not before):
            keys[m.key] = other[0]
    # 'the Democratic leader' and 'Democrats': one party named twice, which resolving makes one node
    return min(keys) if keys and len(set(keys.values()) - {""}) <= 1 else None


def _party_member_noun(ctx: Context, token: Token) -> list[Relation]:
    """'Lars Brenner, a Social Democrat,', 'Paula Renner, a Democrat from Colorado', 'Tom Garvey is a Republican' ->
    memberOf(person, party) when the article names that party as a body ('the Social Democrats', 'Republicans'); a
    party word alone makes no party node. 'a former Republican' states nothing of now."""
    from kg.gazetteer import party_words

    if party_words().get(token.text) != "member" or token.dep_ not in {"appos", "attr"}:
        return []
    if not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children) or any(
            c.lower_ in {"former", "ex"} for c in token.children):
        return []
    holder = token.head if token.dep_ == "appos" else next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if token.dep_ == "attr" and not _states_now(token.head):
        return []
    person = ctx.mention(holder) if holder is not None else None
    if person is None or person.type != "Person":
        return []
    words = [token]
    while words[0].i > 0 and ctx.doc[words[0].i - 1].is_title and ctx.doc[words[0].i - 1].pos_ in {"PROPN", "ADJ"} \
            and ctx.doc[words[0].i - 1].lower_ not in {"a", "an"}:
        words.insert(0, ctx.doc[words[0].i - 1])
    party = _party_of_kind(ctx, words)
    if party is None:
        return []
    span = (min(person.start, words[0].idx), max(person.end, token.idx + len(token)))
    return [Relation(person.key, row["predicate"], party, _evidence(token, row["id"], span))
            for row in patterns().get("affiliation", [])]


def _name_head(name: str) -> str:
    """The head word of an organisation's name, lower-cased: its last word, or the word before 'of' ('Party of
    Venezuela')."""
    return name_head(name.split()).lower()


def _party_of_possessor(ctx: Context, token: Token) -> list[Relation]:
    """A party named with a person's possessive: "Prime Minister Shinzo Abe's Liberal Democratic Party", "Maduro's
    United Socialist Party of Venezuela" -> memberOf(person, party). A party is an organisation whose name's head
    word is 'Party' ('Party of Venezuela': the word before 'of')."""
    m = ctx.mention(token)
    if m is None or m.type != "Organization" or token.idx != m.start or token.i < 2 or ctx.doc[token.i - 1].tag_ != "POS":
        return []
    person = ctx.mention(ctx.doc[token.i - 2])
    if not (_is_party(m.text) or _party(ctx, token) is not None) or person is None or person.type != "Person":
        return []  # 'Fico's Smer party': the noun after the name says it is a party
    span = (person.start, m.end)
    return [Relation(person.key, row["predicate"], m.key, _evidence(token, row["id"], span))
            for row in patterns().get("affiliation", [])]


@lru_cache(maxsize=1)
def _member_nouns() -> frozenset[str]:
    """The nouns of people a party's name can stand before: WordNet's person nouns and the legislators' titles."""
    from kg.gazetteer import person_nouns

    return person_nouns() | _legislator_words()


NATIONALITY = "nationality"  # a person -> the state whose national the text calls them (schema:nationality)
NOT_NATIONALITY_AFTER = frozenset({"born", "based", "backed", "funded", "owned", "led", "made", "speaking", "trained", "educated",
                                   "registered", "flagged", "controlled", "allied", "occupied", "held"})
NOT_NATIONALITY_BEFORE = frozenset({"pro", "anti", "ex"})


def _demonym_states(ctx: Context, words: list[Token]) -> list[Mention]:
    """The states named by the modifiers among `words` as nationalities: 'Canadian', 'British-Iranian' (both), 'US';
    not 'Russian-born', 'Iranian-backed', 'pro-Russian' (where someone was born, who backs or funds them, a stance)."""
    doc, out = ctx.doc, []
    for t in words:
        m = ctx.mention(t)
        if m is None or m.type != "State" or m.start != t.idx or m.rule == "capital-as-government":
            continue
        end = next((u.i for u in doc[t.i:min(len(doc), t.i + 6)] if ctx.mention(u) is not m), len(doc))
        if end + 1 < len(doc) and doc[end].text in {"-", "–"} and doc[end + 1].lower_ in NOT_NATIONALITY_AFTER:
            continue
        if t.i >= 2 and doc[t.i - 1].text in {"-", "–"} and doc[t.i - 2].lower_ in NOT_NATIONALITY_BEFORE:
            continue
        out.append(m)
    return out


def _person_word(ctx: Context, token: Token) -> bool:
    """A noun saying what a person is: a person noun of WordNet or a legislator's word ('politician', 'actor',
    'lawmaker'), or a word of a title the pipeline marked ('President', 'Foreign Minister')."""
    return token.lemma_.lower() in _member_nouns() or token.lower_ in _member_nouns() or token.i in titled_tokens(ctx.doc)


def _nationality(ctx: Context, token: Token) -> list[Relation]:
    """A person called a national of a state: 'Canadian politician Rod Sykes', 'Kenyan President William Ruto',
    'Rod Sykes, a Canadian politician,', 'Rod Sykes was a Canadian politician' -> nationality(person, state).

    The state is a demonym or a state's name modifying a noun that says what the person is (a person noun or a
    title), right before the name, in apposition to it, or predicated of it; not 'Russian-born', 'Iranian-backed' or
    'pro-Russian'. Nationality is a person's attribute, not a relation between actors (no kg:actorRelation)."""
    person = ctx.mention(token)
    if person is None or person.type != "Person" or token.idx != person.start:
        return []
    doc = ctx.doc
    described: list[Token] = []  # nouns saying what the person is
    names = {t.i for t in doc[token.i:min(len(doc), token.i + 8)] if ctx.mention(t) is person}
    head = doc[max(names)] if names else token
    titled = titled_tokens(doc)
    # the words of the noun phrase right before the name: 'the Canadian politician', 'US Secretary of State', 'the
    # Nigerian author' (the parser often hangs the name on that noun in apposition)
    members, run = set(names), []
    for i in range(token.i - 1, max(-1, token.i - 10), -1):
        t = doc[i]
        if t.text in {",", "(", ")", '"', ":"}:
            break
        noun_before = head.dep_ == "appos" and head.head.i == i and i == token.i - 1
        if not (i in titled or noun_before or t.dep_ in {"compound", "amod", "nmod", "punct"} and t.head.i in members):
            break
        run.append(t)
        members.add(i)
    described += [t for t in run if _person_word(ctx, t)]
    for c in head.children:  # 'Rod Sykes, a Canadian politician'
        if c.dep_ == "appos" and c.pos_ == "NOUN" and _person_word(ctx, c):
            described.append(c)
    if head.dep_ in {"nsubj", "nsubjpass"} and head.head.lemma_ == "be" and not any(
            c.dep_ == "neg" for c in head.head.children):  # 'Rod Sykes was a Canadian politician'
        described += [c for c in head.head.children if c.dep_ == "attr" and c.pos_ == "NOUN" and _person_word(ctx, c)]
    # the noun phrase before the name is read whole, once ('US Secretary of State': 'US' modifies the title's first word)
    states = _demonym_states(ctx, run) if any(noun in run for noun in described) else []
    for noun in (n for n in described if n not in run):
        if any(c.lower_ in {"former", "ex"} for c in noun.children):
            continue  # 'X, a former Kenyan diplomat': what the person was, left out (a run before the name keeps it)
        words = [noun] + [c for c in noun.children if c.dep_ in {"amod", "compound", "nmod"}]
        words += [g for c in list(words[1:]) for g in c.children if g.dep_ in {"amod", "compound", "nmod"}]
        states += _demonym_states(ctx, words)
    out, seen = [], set()
    for m in states:
        if m.key in seen:
            continue
        seen.add(m.key)
        span = (min(m.start, person.start), max(m.end, person.end))
        out.append(Relation(person.key, NATIONALITY, m.key, _evidence(token, "nationality", span)))
    return out


def _party_before(ctx: Context, last: int) -> Mention | None:
    """The party named right before a person noun (and the one or two lower-case words before it) that ends at token
    `last`: 'Socialist Party lawmaker', 'Socialist Party presidential candidate', 'the Green Party's candidate'."""
    doc = ctx.doc
    if last < 1 or doc[last].lemma_.lower() not in _member_nouns():
        return None
    i = last
    title = ctx.mention(doc[last])  # the mention of the person the noun stands before, if it holds the noun
    while i > last - 3 and i > 0 and doc[i].is_lower and doc[i].pos_ in {"NOUN", "ADJ"} and ctx.mention(doc[i]) is title:
        i -= 1
    if i < last and doc[i].tag_ == "POS":  # 'the Green Party's candidate'
        i -= 1
    party = ctx.mention(doc[i])
    if i == last or party is None or party.type != "Organization" or not _is_party(party.text):
        return None
    return party


def _party_noun(ctx: Context, token: Token) -> list[Relation]:
    """A person named with a party's person noun: before the name ('Socialist Party lawmaker Maria Lopez', 'Labour
    Party leader Jane Roe') or after it ('Maria Lopez, a Socialist Party lawmaker,', '..., the Socialist Party
    candidate.') -> memberOf(person, party). 'A former Socialist Party lawmaker' states nothing of now."""
    person = ctx.mention(token)
    doc = ctx.doc
    if person is None or person.type != "Person":
        return []
    if token.i and doc[token.i - 1].pos_ == "PROPN" and ctx.mention(doc[token.i - 1]) is person:
        return []  # the first name of the person, after the title words the mention may hold ('lawmaker Maria Lopez')
    last = token.i
    while last + 1 < len(doc) and ctx.mention(doc[last + 1]) is person:
        last += 1
    found = [(_party_before(ctx, token.i - 1), token.i - 1)]
    if last + 3 < len(doc) and doc[last + 1].text == "," and doc[last + 2].lower_ in {"a", "an", "the"}:
        end = next((t.i for t in doc[last + 3:min(len(doc), last + 12)] if t.is_punct), None)
        if end is not None and doc[end].text in {",", ".", ";", ")"}:
            found.append((_party_before(ctx, end - 1), end - 1))
    out = []
    for party, noun in found:
        if party is None or any(t.lower_ in {"former", "ex"} for t in doc[noun - 3:noun]):
            continue
        span = (min(person.start, party.start), max(person.end, doc[noun].idx + len(doc[noun])))
        out += [Relation(person.key, row["predicate"], party.key, _evidence(token, row["id"], span))
                for row in patterns().get("affiliation", [])]
    return out


def _first_word(span) -> int:
    """The index of a name's first word, past its article: a pattern on a name is read once, there."""
    return next((t.i for t in span if t.pos_ != "DET"), -1)


def _party_of_person(ctx: Context, token: Token) -> list[Relation]:
    """A party named as a person's in apposition: 'the Brothers of Italy, the far-right party of Giorgia Meloni',
    'Renewal, the party of former premier Tomas Novak' -> memberOf(person, party). 'the party of Lenin' in the past is
    still read: the apposition states what the party is now."""
    m = ctx.mention(token)
    span = _tokens(ctx, m) if m is not None and m.type == "Organization" else None
    if span is None or token.i != _first_word(span):
        return []
    parties, _ = _party_nouns()
    out = []
    for noun in (c for c in span.root.children if c.dep_ == "appos" and c.lemma_.lower() in parties):
        for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            person = next((ctx.mention(c) for c in of.children if c.dep_ == "pobj"), None)
            if person is not None and person.type == "Person":
                out += [Relation(person.key, row["predicate"], m.key, _evidence(token, row["id"], (m.start, person.end)))
                        for row in patterns().get("affiliation", [])]
    return out


def _tokens(ctx: Context, m: Mention):
    return ctx.doc.char_span(m.start, m.end, alignment_mode="expand")


def _party(ctx: Context, token: Token) -> Mention | None:
    """The organisation named at `token` when it is named as a party: its name's head word is 'party' ('Party of
    Venezuela'), or the noun 'party' follows it in lower case ('the Demosisto party') or governs it in apposition ('his
    party, the NSC')."""
    m = ctx.mention(token)
    if m is None or m.type != "Organization":
        return None
    span = _tokens(ctx, m)
    if span is None or not len(span):
        return None
    after = ctx.doc[span.end] if span.end < len(ctx.doc) else None
    root = span.root
    if _name_head(m.text) == "party" or (after is not None and after.lower_ == "party") or (
            root.dep_ == "appos" and root.head.lower_ == "party") or _listed_as_party(root):
        return m
    return None


@lru_cache(maxsize=1)
def _party_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """The nouns that name parties ('party') and the nouns of the blocs parties form ('coalition'), from the post row
    of the relation patterns."""
    row = next(iter(patterns().get("post", [])), {})
    return frozenset(row.get("party_nouns", ())), frozenset(row.get("bloc_nouns", ()))


def _listed_as_party(root: Token) -> bool:
    """A name listed under a party noun or in a bloc: 'three parties of his coalition, the Five Star Movement, the
    League and Forza Italia', 'a coalition of the SPD, the Greens and the FDP', 'a coalition with the League'. The
    names of a list hang on each other as conjuncts; the first hangs on the noun as its apposition (or conjunct, as
    the parser often reads it), or on the bloc noun's 'of' / 'with'."""
    parties, blocs = _party_nouns()
    node = root
    while node.dep_ == "conj" and node.head.pos_ == "PROPN":
        node = node.head
    head = node.head
    if node.dep_ in {"appos", "conj"}:  # 'the two parties' alone may be the sides of a lawsuit: a modifier says which
        return head.tag_ == "NNS" and head.lemma_.lower() in parties and any(
            c.dep_ in {"amod", "compound", "prep"} for c in head.children)
    return node.dep_ == "pobj" and head.lower_ in {"of", "with"} and head.head.lemma_.lower() in blocs


def _not_of_now(*tokens: Token) -> bool:
    """'his former party', 'the ex-leader of': a modifier that puts what follows in the past."""
    return any(c.lower_ in {"former", "ex", "onetime", "erstwhile", "late"} for t in tokens for c in t.children
               if c.dep_ in {"amod", "compound", "advmod"})


def _pronoun_person(ctx: Context, pronoun: Token) -> str:
    """Whom 'his' / 'her' stands for: the person that is the subject of the nearest verb above it whose subject does
    not hold the pronoun ('Modi said his party would win', 'Hassan had quit his party'); for a pronoun in the subject
    of its sentence's main verb with no such person, the subject of the sentence before ('Ruto met X. His party ...').
    No person found: ''."""
    node = pronoun
    while node.head.i != node.i:
        node = node.head
        if node.pos_ not in {"VERB", "AUX"}:
            continue
        for subject in (c for c in node.children if c.dep_ in SUBJ_DEPS):
            if subject.left_edge.i <= pronoun.i <= subject.right_edge.i:
                continue
            m = ctx.mention(subject)
            if m is not None and m.type == "Person":
                return m.key
            if subject.pos_ == "PRON" and subject.lower_ not in {"it", "this", "that", "which", "there"}:
                return ""  # 'he said his party ...': whom 'he' stands for is left to resolution
    sent = pronoun.sent
    before = {m.key for t in ctx.doc[sent.start:pronoun.i] if (m := ctx.mention(t)) is not None and m.type == "Person"}
    if len(before) == 1:  # 'the government of Prime Minister Gagan Thapa, accusing his Nepali Congress party', 'It is
        return next(iter(before))  # Modi's first visit since his party won': the one person named before it
    subject = next((c for c in sent.root.children if c.dep_ in SUBJ_DEPS), None)
    if sent.start == 0 or subject is None or not subject.left_edge.i <= pronoun.i <= subject.right_edge.i:
        return ""
    before = ctx.doc[sent.start - 1].sent.root
    m = next((ctx.mention(c) for c in before.children if c.dep_ in SUBJ_DEPS), None)
    return m.key if m is not None and m.type == "Person" else ""


def _pronoun_party(ctx: Context, token: Token) -> list[Relation]:
    """A party named with 'his' or 'her': 'Modi said his Bharatiya Janata Party would win', 'his Nepali Congress
    party', 'His party, the United Democratic Alliance, ...' -> memberOf(the person the pronoun stands for, party);
    'his former party' states nothing of now."""
    m = _party(ctx, token)
    span = _tokens(ctx, m) if m is not None else None
    if span is None or token.i != _first_word(span):
        return []
    root = span.root
    owners = [root] + ([root.head] if root.dep_ in {"compound", "appos"} and root.head.pos_ == "NOUN" else [])
    pronoun = next((c for t in owners for c in t.children if c.dep_ == "poss" and c.lower_ in {"his", "her"}), None)
    if pronoun is None or _not_of_now(*owners):
        return []
    person = _pronoun_person(ctx, pronoun)
    if not person:
        return []
    span = (min(pronoun.idx, m.start), m.end)
    return [Relation(person, row["predicate"], m.key, _evidence(token, row["id"], span))
            for row in patterns().get("affiliation", [])]


@lru_cache(maxsize=1)
def _bid_nouns() -> frozenset[str]:
    """Every noun of a bid to join a pattern reads."""
    return frozenset(n for row in patterns().get("nominal", []) for n in row["nouns"])


def _bid(ctx: Context, token: Token) -> list[Relation]:
    """A bid owned by a state: "Georgia's bid to join the EU", "Ukraine pressed its application to join NATO",
    "Moldova's bid for membership in the EU" / "for EU membership" -> aspiresToJoin(owner, organisation); a failed
    or former bid, or one given up ("Georgia abandoned its bid"), states no aim of now."""
    out = []
    for row in patterns().get("nominal", []):
        if token.lemma_.lower() not in row["nouns"] or token.head.lemma_.lower() in row["given_up"] or any(
                c.lower_ in row["given_up"] for c in token.children if c.dep_ in {"amod", "compound"}):
            continue
        owners = [k for c in token.children if c.dep_ == "poss" for k in actors(ctx, c) or _its_antecedent(ctx, c)]
        joins = [c for c in token.children if c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in row["infinitives"]]
        targets = [k for j in joins for c in j.children if c.dep_ == "dobj" for k in actors(ctx, c)]
        for member in (p for c in token.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
                       if p.dep_ == "pobj" and p.lemma_.lower() in row["objects"]):
            targets += _organization_modifiers(ctx, member) or [
                k for c in member.children if c.dep_ == "prep" and c.lower_ in {"of", "in"}
                for pobj in c.children if pobj.dep_ == "pobj" for k in actors(ctx, pobj)]
        out += [Relation(o, row["predicate"], t, _evidence(token, row["id"])) for o in owners for t in targets]
    return out


def _clause(token: Token, skip: frozenset[str] = frozenset()) -> Token:
    """The verb of the clause a word stands in: its nearest verb head (not one of `skip`: 'neighbouring', parsed as a
    verb at times), or the sentence root."""
    node = token
    while (node.pos_ not in {"VERB", "AUX"} or node.lower_ in skip) and node.head.i != node.i:
        node = node.head
    return node


def _neighbouring(ctx: Context, token: Token) -> list[Relation]:
    """A state called neighbouring beside the one other state its clause names: "Sierra Leone closed its border with
    neighbouring Guinea", "refugees fled Sudan for neighbouring Chad" -> neighborOf(Guinea, Sierra Leone). With no
    other state in the clause, or more than one, whose neighbour it is is left to the story ("Soldiers in neighbouring
    Guinea seized power, and the army in Mali ...": Mali is in another clause)."""
    m = ctx.mention(token)
    if m is None or m.type != "State" or token.idx != m.start or token.i == 0:
        return []
    out = []
    for row in patterns().get("neighbouring", []):
        if ctx.doc[token.i - 1].lower_ not in row["modifiers"]:
            continue
        skip = frozenset(row["modifiers"])
        clause = _clause(token, skip)
        others = {o.key for t in token.sent if (o := ctx.mention(t)) is not None and o.type == "State" and o.key != m.key
                  and _clause(t, skip).i == clause.i}
        if len(others) == 1:
            span = (ctx.doc[token.i - 1].idx, m.end)
            out.append(Relation(m.key, row["predicate"], others.pop(), _evidence(token, row["id"], span)))
    return out


def _owned_body(ctx: Context, token: Token) -> list[Relation]:
    """An organisation named after a state's or an organisation's possessive: "The Treasury's Office of Foreign Assets
    Control", "France's investigative agency BEA", "Iran's Foreign Ministry" -> partOf(body, owner). A party is not
    part of the state it runs in ("Britain's Labour Party"), and a person's possessive reads a membership instead."""
    m = ctx.mention(token)
    described = [token] + [c for c in token.children if c.dep_ == "compound" and ctx.mention(c) is None]  # 'agency BEA'
    owners = [o for t in described for o in t.children if o.dep_ == "poss"]
    if m is None or m.type != "Organization" or not owners or _name_head(m.text) == "party":
        return []
    types = {x.key: x.type for x in ctx.by_token.values()}
    keys = [k for o in owners for k in actors(ctx, o) if types.get(k) == "Organization"]
    span = (min(o.idx for o in owners), m.end)
    relational = [row for t in described[1:] for row in _matching_rows(t)]
    if relational:  # "Google's parent company Alphabet": the noun says how the two stand ('parent' points the other way)
        return [_directed(row, m.key, k, _evidence(token, row["id"], span)) for row in relational[:1] for k in keys if k != m.key]
    return [Relation(m.key, row["predicate"], k, _evidence(token, row["id"], span))
            for row in patterns().get("possessive", []) for k in keys if k != m.key]


@lru_cache(maxsize=1)
def _capital_heads() -> frozenset[str]:
    """The nouns that name a state's capital."""
    return frozenset(h for row in patterns().get("capital", []) for h in row["heads"])


def _capital(ctx: Context, token: Token) -> list[Relation]:
    """A capital named as the capital of a state named with it: "Lima, the capital of Peru", "Ghana's capital Accra",
    "Accra, Ghana's capital", 'the Ghanaian capital, Accra' -> capitalOf(city, state), when the gazetteer holds the city
    as that state's capital; 'in the capital, Freetown', its state left to the story, when the article names the state
    whose capital the gazetteer says it is ('the capital, Kampala' in a story naming Kenya alone states nothing)."""
    from kg.gazetteer import entries

    if token.pos_ != "NOUN" or token.lemma_.lower() not in _capital_heads():
        return []
    doc = ctx.doc
    states = {k for k in _of_objects(ctx, token) + [k for c in token.children if c.dep_ in {"poss", "amod"} for k in actors(ctx, c)]}
    if not states and any(c.lower_ == "the" for c in token.children) and len(list(token.children)) <= 3:
        states = {m.key for m in ctx.by_token.values() if m.type == "State"}  # 'the capital, Freetown': the story's
    named = [c for c in token.children if c.dep_ == "appos"] + ([token.head] if token.dep_ == "appos" else [])
    if token.i + 1 < len(doc) and not named:  # 'Ghana's capital Accra': the name right after
        named = [doc[token.i + 1 + (doc[token.i + 1].text == "," and token.i + 2 < len(doc))]]
    out = []
    for t in named:
        m = ctx.mention(t)
        entry = entries().get(m.key) if m is not None and m.type == "Place" else None
        if entry is None or not entry.extra.get("is_capital") or entry.country not in states:
            continue
        span = (min(token.left_edge.idx, m.start), max(token.right_edge.idx + len(token.right_edge), m.end))
        out += [Relation(m.key, row["predicate"], entry.country, _evidence(token, row["id"], span))
                for row in patterns().get("capital", [])]
    return out


def _place_of_state(ctx: Context, token: Token) -> list[Relation]:
    """A place named as one of a state's: 'the Italian city of Bari', 'the Sudanese town of Kassala', "Thailand's Surin
    province", "Ukraine's Donetsk region" -> partOf(place, state); a place the gazetteer puts in another state states
    nothing of that one."""
    from kg.gazetteer import entries, place_nouns

    m = ctx.mention(token)
    if m is None or m.type != "Place":
        return []
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in place_nouns():
        noun = token.head.head  # 'the Italian city of Bari'
    elif token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.lemma_.lower() in place_nouns():
        noun = token.head  # "Thailand's Surin province"
    else:
        return []
    named = [ctx.mention(c) for c in noun.children if c.dep_ in {"amod", "compound", "poss"} and c.i != token.i]
    states = {n.key for n in named if n is not None and n.type == "State"}
    entry = entries().get(m.key)
    if len(states) != 1 or (entry is not None and entry.country and entry.country not in states):
        return []
    state = next(iter(states))
    span = (min(noun.left_edge.idx, m.start), max(noun.idx + len(noun), m.end))
    return [Relation(m.key, row["predicate"], state, _evidence(token, row["id"], span))
            for row in patterns().get("place_of_state", [])]


def _parties(ctx: Context) -> set[str]:
    """The organisations the article names as parties (`_party`: 'the Conservative Party', 'the ZANU-PF party', 'his
    party, the NSC') or as the ruling or the opposition one ('the opposition Movement for Democratic Change')."""
    doc = ctx.doc
    return {m.key for i, m in ctx.by_token.items() if m.type == "Organization" and doc[i].idx == m.start
            and (_party(ctx, doc[i]) is not None or _is_party(m.text) or _opposition_or_ruling(doc, i))}


def _opposition_or_ruling(doc, i: int) -> bool:
    """A name said to rule or to oppose right before it, a bloc noun between or not: 'the ruling ZANU-PF', 'the
    opposition alliance Podemos', 'the opposition Movement for Democratic Change' (kg/data/relation_patterns.jsonl,
    the post row's party and bloc nouns)."""
    parties, blocs = _party_nouns()
    j = i - 1
    if j > 0 and doc[j].is_lower and doc[j].lemma_.lower() in parties | blocs:
        j -= 1
    return j >= 0 and doc[j].lower_ in {"ruling", "opposition"}


def party_posts(ctx: Context, roles: list[Role]) -> list[Relation]:
    """A post held in a party makes its holder a member: 'NAME, the leader of the opposition Conservative Party', 'the
    ZANU-PF party named NAME its leader', 'FDP chairman NAME' -> memberOf(person, party). The roles are current posts
    (kg.extract.roles reads a former one as none), so the membership is of now."""
    parties = _parties(ctx) if roles else set()
    return [Relation(r.holder, row["predicate"], r.of, replace(r.evidence, extractor=f"relations/{row['id']}", confidence=0.8))
            for r in roles if r.of in parties for row in patterns().get("post", [])]


def extract_relations(ctx: Context) -> list[Relation]:
    """Every lasting relation the article states."""
    from spacy.attrs import DEP, LEMMA, LOWER, POS

    doc = ctx.doc
    candidates = {t.i for t in tokens_with(doc, DEP, APPOSITIVE_DEPS)} | {t.i for t in tokens_with(doc, LEMMA, _verbs())}
    candidates |= {t.i for t in tokens_with(doc, POS, NAME_POS)}  # what a pattern can start from, found over the arrays
    candidates |= {t.i for t in tokens_with(doc, LOWER, _legislator_words())}
    candidates |= {t.i for t in tokens_with(doc, LEMMA, word_union(_capital_heads(), _bid_nouns(), frozenset({"be"})))}
    for t in tokens_with(doc, LEMMA, _heads()):  # relational nouns, and the noun a 'parent' or 'member' compound hangs on
        candidates |= {t.i, t.head.i} if t.dep_ == "compound" else {t.i}
    out: list[Relation] = []
    for token in (doc[i] for i in sorted(candidates)):
        if ctx.in_quote(token.idx):
            continue
        out += _appositive(ctx, token) + _possessed(ctx, token) + _party_title(ctx, token) + _capital(ctx, token)
        out += _party_member_noun(ctx, token)
        if token.pos_ == "NOUN":
            out += _bid(ctx, token) + _members_such_as(ctx, token)
        if token.pos_ in {"VERB", "AUX"}:
            out += _verbal(ctx, token) + _admitted(ctx, token) + _owned(ctx, token) + _included(ctx, token)
            out += _members_are(ctx, token)
        elif token.pos_ == "PROPN":
            out += _affiliation(ctx, token) + _member_before(ctx, token) + _party_of_possessor(ctx, token)
            out += _owned_body(ctx, token) + _party_noun(ctx, token) + _neighbouring(ctx, token) + _pronoun_party(ctx, token)
            out += _place_of_state(ctx, token) + _party_of_person(ctx, token)
            out += _nationality(ctx, token)
    types = _types(ctx)
    return [r for r in dict.fromkeys(out) if r.subject != r.object
            and (r.predicate not in ORGANIZATION_RANGE or types.get(r.object, "Organization") == "Organization")]


ORGANIZATION_RANGE = frozenset({"memberOf", "aspiresToJoin"})
"""Relations whose object is an organisation: one is a member of or seeks to join a body, never a person or a state
('Robb will join Abbott in Jakarta' goes with him; 'Kestrel plans to enter France' opens a market; 'the first Arab party
to join an Israeli government' joins a cabinet)."""
