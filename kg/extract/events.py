"""Events as n-ary nodes: trigger, participants with roles, place, time, status.

Reads the dependency parse and the mentions; writes Event records. Triggers
and their argument slots come from kg/data/event_triggers.jsonl (hand-made)
and kg/data/event_triggers_cameo.jsonl (derived from the PETRARCH-2 CAMEO verb
dictionary by scripts/derive_triggers.py), each row with its CAMEO code and
PLOVER type; cooperation, conflict and which acts need an actor as object come
from kg/data/plover_polarity.csv. The steps, each a function:

1. `find_triggers`: verbs and event nouns of the lexicon, outside quotations
   (what a speaker says happened is not a reported event), in the sense the
   lexicon means ("fighting cancer" is no fight: `_sense_holds`).
2. `read_arguments`: participants by slot (subject, object, prepositions,
   "X-backed", "hosted by X"), place, time attached in the parse, status;
   'his/her country' is the state in the title of the person the pronoun stands
   for (`_own_country`); whoever does something at a meeting a noun names
   attends it ("raised the case with NAME at the G20 summit": `_attendees`).
   A visitor's trip whose purpose infinitive names a meeting ("travelled to X
   to meet Y") is that meeting (`_comes_to_meet`).
3. `refer_back`: a definite event noun ("the agreement", "those talks") takes the
   participants (and date) of the event of its kind in an earlier sentence;
   `relative_to_events` dates "on the eve of the summit", "two days after the talks".
   `absorb`: an event noun governed by a trigger of the same family is the
   same event ("meeting ... for talks"); one governed by a postponement or a
   breakdown gives it its subject and status.
4. Statements: `read_statement` gives a speech verb its quote (the quoted words,
   else the reported clause); `quote_sentences`, `statement_noun_quotes` and
   `lead_in_quotes` give quotations without a verb of their own to the speaker
   before them; `continued_speakers` gives 'he added' the speaker before it;
   `attributed_quotes`, `communicated_quotes` and `verbless_lead_ins` give a
   quotation to the person a verb of communication or a verbless lead-in names
   ('"...," Zelensky vowed', 'praised by Jobs as "..."', 'Kurti: "..."');
   `one_act_per_speaker` keeps one statement per speech act. A speech verb's
   subject that names no actor may still stand for one: the body an unnamed
   speaker speaks for ('a spokesperson for Apple', `_spoken_for`), the
   organization 'it' refers back to (`_it_antecedent`), the body 'the ministry'
   refers back to (`_noun_antecedent`). A
   statement is words the text quotes: a paraphrase ('Lavrov said the talks
   would resume') is no statement (`unquoted_speech`), nor are an 'according
   to' source and a request or refusal (`_declaration`, `_attributed_clause`).
5. Which candidates become event nodes (`_keep`): spoken praise, and spoken blame of a
   thing, are reactions to what the report tells ('welcomed the verdict', 'criticised the
   meeting': `_reaction`; 'accused X of', 'condemned Russia', 'denied' stay); a question put
   to the one who answers is no demand (`_interview_question`), refusing to comment no
   refusal (`_no_comment`); what a deal provides ('Under
   the deal, X will ...') is its content (`_agreement_term`); a negated act of cooperation is
   a Rejection (`_refusal_kind`), a negated occurrence ('did not take place') is cancelled.
Mentions of one event across sentences are merged later, by the resolve stage.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from kg import resources
from kg.extract.context import Context, actor_nouns
from kg.extract.entities import (
    BODY_KEY_PREFIXES,
    PERSON_KEY_PREFIX,
    PERSON_PRONOUNS,
    SMALL_CAPITAL,
    new_unnamed_person,
    owner_before_title,
    paragraph_bounds,
)
from kg.extract.timex import FROM_DCT, count, shifted
from kg.gazetteer import (
    abstract_nouns,
    agent_sectors,
    body_heads,
    by_name,
    capitals,
    document_nouns,
    doer_verbs,
    feature_nouns,
    first_body_nouns,
    happening_nouns,
    likelihood_adjectives,
    opinion_nouns,
    person_heads,
    place_nouns,
    speech_verbs,
    state_of,
    structure_nouns,
    title_by_id,
    vehicle_nouns,
    weapon_nouns,
    wrongdoing_nouns,
)
from kg.nlp import ARTICLES, PLACE_LABELS, closing_mark, hyphen_first, score_at, speaks_of_teams, title_spans, tokens_with, word_union
from kg.records import Article, Event, Evidence, Mention, TimeValue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUBJ_DEPS = {"nsubj", "csubj"}
OBJ_DEPS = {"dobj", "attr", "oprd"}
# participles that give a role to the entity inside them: "EU-backed talks", "a summit hosted by X"
PARTICIPLE_ROLES = {
    "host": "host", "organize": "organizer", "organise": "organizer", "sponsor": "organizer", "convene": "organizer",
    "chair": "mediator", "mediate": "mediator", "broker": "mediator", "back": "mediator", "facilitate": "mediator",
    "lead": "organizer", "attend": "participant", "announce": "participant", "sign": "participant",
    "negotiate": "participant", "launch": "participant", "stage": "organizer", "call": "organizer",
    "hold": "participant", "agree": "participant", "reach": "participant", "conclude": "participant",
}
# "organised a strike", "the march was organised by the union": WordNet 3.0 data.verb 01651462 (organize, organise:
# 'arrange by systematic planning and united effort; "organize a strike"'): who organises the act holds it
ORGANISE_VERBS = {"organize", "organise"}
LIGHT_VERBS = {"hold", "attend", "have", "conduct", "join", "open", "start", "begin", "launch", "stage", "convene", "come",
               *ORGANISE_VERBS}
PLANNED_MODIFIERS = {"planned", "proposed", "scheduled", "upcoming", "expected", "future", "possible", "potential"}
INTENT_HEADS = {"plan", "intend", "offer", "promise", "pledge", "vow", "threaten", "prepare", "aim", "hope", "want", "seek",
                "willing", "prepared", "ready", "decide", "expect"}
FUTURE_AUX = {"will", "would", "'ll", "shall"}
HYPOTHETICAL_AUX = {"should", "could", "may", "might", "must", "ought"}
MOTION_VERBS = {"come", "go", "travel", "arrive", "gather", "fly", "head", "return", "stay"}  # "will stay on for a state visit"
ASPECT_VERBS = {"continue", "begin", "start", "keep", "attempt", "try", "manage", "fail", "resume"}
DECISION_VERBS = {"vote"}  # "parliament voted to impeach him": the act voted for is the event, the vote no election
NEGATIONS = {"not", "n't", "never", "no"}
FUNCTION_VERBS = INTENT_HEADS | MOTION_VERBS | ASPECT_VERBS | LIGHT_VERBS
EFFORT_NOUNS = {"effort", "efforts", "bid", "mission", "initiative", "plan", "process", "campaign", "attempt"}
CONTAINER_NOUNS = {"package", "round", "set", "wave", "series", "raft", "batch", "slew", "list", "state"}  # "a state of emergency"
VIRTUAL_MODIFIERS = {"virtual", "video", "online", "phone", "telephone", "remote"}
ANAPHORIC_DETS = {"those", "these", "that", "this", "such", "the same"}
TEMPORAL_PREPS = {"after", "before", "following", "during", "since", "until", "ahead"}
CONTENT_KINDS = {"Agreement", "Rejection", "Threat", "Demand", "Appeal", "Postponement", "Cancellation"}


@dataclass(frozen=True)
class Trigger:
    """A lexicon row."""

    id: str
    kind: str
    cameo: str
    plover: str
    args: dict
    obj: frozenset = frozenset()
    subj: frozenset = frozenset()
    status: str = ""
    speech: bool = False
    declares: bool = False  # a speech verb that announces: an organisation's unquoted words are its declaration
    quoted: bool = False  # holds only with a quotation as its object predicate ("called the plan 'a betrayal'")
    needs: tuple = ()  # (lemma, frozenset of particles) pairs
    pobj: frozenset = frozenset()  # the object of the needed preposition must be one of these ("meet for talks")
    objmod: tuple = ()  # words that must modify the object, each a frozenset of alternatives ("stage" + "war games")
    derived: bool = False  # a row of the CAMEO-derived lexicon
    nominalized: bool = False  # a verb row read as its event noun ("the ban", "the crackdown")
    actorless: bool = False  # a happening, not an act: reported with its place or time alone ("a stampede in Mina")
    subj_sector: str = ""  # the subject must be an agent noun of this Phoenix sector ("the court ruled": JUD)
    patient: bool = False  # a synonym read alone only with an actor it acts on ("castigated Greece", "ousted the president")
    obj_conflict: bool = False  # `obj` also holds any event noun of a conflict type ("lifted its veto", "ended the boycott")
    bodies: bool = False  # its subject and object are states or organisations ("joined NATO"; a person's seat is a role)
    members: bool = False  # its object is a named state or organisation, its subject an actor ("the AU admitted Morocco")
    holder: bool = False  # its subject takes an office: a person, never a state or organisation ("Brazil takes over the G20 presidency")
    visitor: bool = False  # its subject is a named person who comes somewhere ("Amos arrived in Manila"; not "the ship arrived")
    clause: bool = False  # holds only with a clause of what is to be done ("recommended that X replace", "advised X to leave")
    standing: bool = False  # its present tense tells a standing state ("faces 16 charges"), not an act of the report's day
    obj_people: bool = False  # a named person as object stands for the `obj` nouns of people ("received Abbas" as "received the leader")
    obj_weapons: bool = False  # `obj` holds the WordNet weapon nouns: what is fired is a weapon
    obj_places: bool = False  # `obj` holds the WordNet place nouns, and a named place is one: what is taken is ground
    obj_products: bool = False  # `obj` holds the WordNet product, device, craft and vehicle nouns ("recalled 2.5 million phones")
    intransitive: bool = False  # the sense takes no direct object ("demonstrated against the war"; not "demonstrated the phone")
    contest: bool = False  # a match between sides: holds only with a score line or two named sides in a text of teams


@lru_cache(maxsize=1)
def _office_heads() -> frozenset[str]:
    """The head word of every office title of kg/data/titles.jsonl ('prime minister', 'president', 'chief executive';
    not the 'of'/'for' forms, whose last word names the portfolio): what a row with `obj_titles` takes as object."""
    return frozenset(form.split()[-1].lower() for row in resources.jsonl("titles.jsonl") for form in row["forms"]
                     if not {"of", "for", "to"} & set(form.split()) and not form.endswith("."))


@lru_cache(maxsize=1)
def _agreement_nouns() -> frozenset[str]:
    """The nouns of the lexicon's own Agreement rows ('ceasefire', 'truce', 'deal', 'accord'): what a row with
    `subj_agreements` takes as subject ('the truce broke down', 'the accord collapsed' is the agreement's breakdown)."""
    return frozenset(lemma for row in resources.jsonl(LEXICON_FILES[0]) if row["pos"] == "NOUN" and row["kind"] == "Agreement"
                     for lemma in row["lemmas"])


def _needed(row: Trigger, lemma: str) -> frozenset | None:
    """The particles or prepositions a row needs with `lemma` ('break' + 'down'), None when it needs none of it."""
    return next((words for needed, words in row.needs if needed == lemma), None)


BORROWED = re.compile(r"\d-\d+$")  # a derived row id's suffix: its CAMEO pattern was written for another verb of the block
LEXICON_FILES = ("event_triggers.jsonl", "event_triggers_cameo.jsonl")  # hand-made rows first: they win ties


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], list[Trigger]]:
    """(lemma, POS) -> the lexicon rows it can trigger: the hand-made rows, then the CAMEO-derived ones, in file order."""
    out: dict[tuple[str, str], list[Trigger]] = {}
    for name in LEXICON_FILES:
        for row in resources.jsonl(name):
            trigger = Trigger(
                id=row["id"], kind=row["kind"], cameo=row.get("cameo", ""), plover=row.get("plover", ""), args=row.get("args", {}),
                obj=frozenset(row.get("obj", ())) | (_office_heads() if row.get("obj_titles") else frozenset())
                | (weapon_nouns() if row.get("obj_weapons") else frozenset())  # 'fired shells', 'fired mortar rounds'
                | (place_nouns() if row.get("obj_places") else frozenset())  # 'seized the town', 'captured three villages'
                | (_products() if row.get("obj_products") else frozenset())  # 'recalled 2.5 million phones'
                | (structure_nouns() if row.get("obj_structures") else frozenset()),  # 'the collapse of a bridge'
                subj=frozenset(row.get("subj", ())) | (structure_nouns() if row.get("subj_structures") else frozenset())
                | (vehicle_nouns() if row.get("subj_vehicles") else frozenset())  # 'a boat sank'
                | (_agreement_nouns() if row.get("subj_agreements") else frozenset()),  # 'the truce broke down'
                status=row.get("status", ""),
                speech=bool(row.get("speech")), declares=bool(row.get("declares")), quoted=bool(row.get("quoted")),
                derived=name != LEXICON_FILES[0], pobj=frozenset(row.get("pobj", ())),
                actorless=bool(row.get("actorless")), subj_sector=row.get("subj_sector", ""), patient=bool(row.get("patient")),
                obj_conflict=bool(row.get("obj_conflict")), bodies=bool(row.get("bodies")), members=bool(row.get("members")),
                holder=bool(row.get("holder")), visitor=bool(row.get("visitor")), clause=bool(row.get("clause")),
                standing=bool(row.get("standing")), obj_people=bool(row.get("obj_people")), contest=bool(row.get("contest")),
                obj_weapons=bool(row.get("obj_weapons")), obj_places=bool(row.get("obj_places")),
                obj_products=bool(row.get("obj_products")),
                intransitive=bool(row.get("intransitive")),
                objmod=tuple(frozenset(words) for words in row.get("objmod", ())),
                needs=tuple((lemma, frozenset(words)) for lemma, words in row.get("needs", {}).items()),
            )
            for lemma in row["lemmas"]:
                if trigger.derived and lemma in FUNCTION_VERBS and _light(trigger):
                    continue  # "is expected to travel", "attended a meeting": these verbs give the status or carry the event noun
                out.setdefault((lemma, row["pos"]), []).append(trigger)
    return out


@lru_cache(maxsize=1)
def actorless_kinds() -> frozenset[str]:
    """Event classes of happenings the lexicon reports without an actor (accidents, disasters, deaths)."""
    return frozenset(t.kind for rows in lexicon().values() for t in rows if t.actorless)


def _light(trigger: Trigger) -> bool:
    """A derived row that only restates what a function verb does: bare, or with an event noun as its object."""
    words = trigger.obj | trigger.pobj
    words |= {w[:-1] for w in words if w.endswith("s")}  # CAMEO writes the form it matched: HOLD * ELECTIONS
    return not words or bool(words & _hand_nouns())


@lru_cache(maxsize=1)
def _hand_nouns() -> frozenset[str]:
    """Event nouns of the hand-made lexicon ("meeting", "talks", "attack")."""
    return frozenset(lemma for row in resources.jsonl(LEXICON_FILES[0]) if row["pos"] == "NOUN" for lemma in row["lemmas"])


@lru_cache(maxsize=16)  # five pairs are asked for: with room for four, each ask pushed out the next one's set
def plover_types(column: str, value: str) -> frozenset[str]:
    """PLOVER types whose row in kg/data/plover_polarity.csv has `value` in `column`: ('polarity', 'conflict')."""
    return frozenset(r["id"] for r in resources.table("plover_polarity.csv") if r["kind"] == "plover" and r[column] == value)


def cooperative() -> frozenset[str]:
    """PLOVER types of cooperation (a negated one is a rejection, an intended one an agreement)."""
    return plover_types("polarity", "cooperation")


def conflictual() -> frozenset[str]:
    """PLOVER types of conflict (an intended one is a threat)."""
    return plover_types("polarity", "conflict")


def patient_types() -> frozenset[str]:
    """Types of acts done to someone: their object must be an actor ('fighting cancer' is no fight)."""
    return plover_types("object", "actor")


@lru_cache(maxsize=256)
def family(kind: str) -> str:
    """Event family for coreference and absorption: meeting, statement, or the kind itself (from the ontology)."""
    classes = lineage(kind)
    return "meeting" if "Meeting" in classes else "statement" if "Statement" in classes else kind


@lru_cache(maxsize=1024)
def related(a: str, b: str) -> bool:
    """One kind is the other or a subclass of it ('imposed sanctions': TradeMeasure and Sanction)."""
    return a in lineage(b) or b in lineage(a)


def lineage(kind: str) -> list[str]:
    """The kind and its ancestors below kg:Event, read from the ontology: Talks -> Negotiation -> Meeting."""
    from kg.vocab import superclasses

    return [kind, *superclasses(kind)]


# ---------------------------------------------------------------------------- working state


@dataclass
class Draft:
    """An event while it is being read; frozen into an Event at the end."""

    token: Token
    trigger: Trigger
    kind: str
    participants: dict[str, str] = field(default_factory=dict)  # entity key -> role
    place: str = ""
    time: TimeValue | None = None
    status: str = "occurred"
    quote: str = ""
    about: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    absorbed: bool = False
    into: Draft | None = None  # the event this mention was folded into
    intent: bool = False
    conditional: bool = False
    negated: bool = False
    verbatim: bool = False  # the quote holds words in quotation marks, not only a reported clause

    def add(self, key: str, role: str) -> None:
        """Add a participant; a finer role wins over plain participant."""
        if key and (key not in self.participants or self.participants[key] == "participant"):
            self.participants[key] = role


def context(doc: Doc, article: Article, mentions: list[Mention]) -> Context:
    """The extractors' Context over one article, asking this module's trigger lexicon which tokens are events (a time
    attaches to the nearest verb or event noun) and whom a pronoun of reported speech stands for (it can act)."""
    return Context(doc, article, mentions, triggers=_triggers_for, speaker=_reported_speaker)


TRIGGER_POS = {"VERB", "AUX", "NOUN"}  # the parts of speech the lexicon has rows for (AUX read as VERB)
TRIGGER_TAGS = frozenset(TRIGGER_POS)


def _triggers_for(token: Token) -> list[Trigger]:
    if token.pos_ not in TRIGGER_POS:
        return []
    pos = "VERB" if token.pos_ in {"VERB", "AUX"} else token.pos_
    for form in _hyphenated(token):  # "a sit-in", "the cease-fire": the tokenizer splits the word at its hyphen
        if rows := lexicon().get((form, pos)):
            return rows
    if pos == "VERB" and _gerund_subject(token) and (rows := lexicon().get((token.lower_, "NOUN"), [])):
        return rows
    rows = lexicon().get((token.lemma_.lower(), pos), [])
    if not rows and pos == "NOUN":
        rows = lexicon().get((token.lower_, pos), []) or nominal(token.lemma_.lower()) or _object_nominal(token)
    if not rows and pos == "VERB" and token.tag_ in {"VBD", "VBN"} and (word := token.lower_).endswith("ed"):
        # the lemmatizer's guess at a rarer verb ('readmitted' -> 'readmitte'): the stem, its final consonant undoubled
        stems = (word[:-3],) if len(word) > 5 and word[-3] == word[-4] else (word[:-2], word[:-1])
        rows = next((found for stem in stems if (found := lexicon().get((stem, pos)))), [])
    return rows


def _hyphenated(token: Token) -> tuple[str, ...]:
    """The word a token ends when the tokenizer split it at a hyphen ('sit-in' -> 'sit', '-', 'in'), with and without
    the hyphen ('cease-fire', 'ceasefire'); none when the token follows no hyphen inside a word."""
    first = hyphen_first(token)
    if first is None:
        return ()
    first = first.lower_
    return f"{first}-{token.lower_}", f"{first}{token.lower_}", f"{first}-{token.lemma_.lower()}", f"{first}{token.lemma_.lower()}"


def _split_subjects(token: Token) -> list[Token]:
    """'Paul Biya was re-elected in October 2025': the tokenizer splits the verb at its hyphen ('re', '-', 'elected')
    and the parser hangs its subject on the word before the hyphen or on an auxiliary of either instead of on the verb."""
    heads = (token.doc[token.i - 2], token)
    nodes = [*heads, *(c for h in heads for c in h.children if c.dep_ in {"aux", "auxpass"})]
    return [c for node in nodes for c in node.children if c.dep_ in SUBJ_DEPS | {"nsubjpass"}]


def _gerund_subject(token: Token) -> bool:
    """'Fighting between Hamas and Israel erupted', 'Shelling killed ten': an -ing form that is a clause's subject
    with no subject or object of its own is the event noun, read with the noun's slots ('between', 'of')."""
    return (token.tag_ == "VBG" and token.dep_ in {"nsubj", "nsubjpass", "csubj"}
            and not any(c.dep_ in {"dobj", "nsubj", "aux", "auxpass"} for c in token.children))


ADVERB_PARTICLES = {"down", "up", "off", "out", "back", "away"}  # the parser may hang them as prepositions: "voted down the plan"
NOMINAL_SLOTS = {"obj": "of", "subj": "by"}  # "X banned Y" -> "the ban on/of Y by X"


@lru_cache(maxsize=4096)
def nominal(lemma: str) -> list[Trigger]:
    """Event nouns made from trigger verbs: the same word ("the ban on X", "a raid on X"), the act noun WordNet derives
    from it ("the bombardment of Gaza"), or verb and particle
    ("a crackdown", "the pullout"). Only acts done to someone (plover_polarity.csv `object`) qualify, and the noun
    must name its actor or target (`_nominal_holds`): "the fire" alone is no fighting.
    """
    if lemma in actor_nouns():
        return []  # "Serbian forces", "border guards", "a patrol": the noun names who acts, not an act
    # the same word, or the act noun WordNet derives from the verb ("bombardment", "withdrawal"): hand-made verbs only
    # ("the tax", "a fine" are things, though CAMEO codes the verbs)
    verbs = [t for word in (lemma, _nominal_verbs().get(lemma)) if word for t in lexicon().get((word, "VERB"), [])
             if not (t.obj or t.subj or t.pobj or t.derived or _needed(t, word))]  # a particle another verb of
    # the row needs ("pull" out) says nothing of this one ("withdraw": "the withdrawal")
    for cut in range(3, len(lemma) - 1):
        verb, particle = lemma[:cut], lemma[cut:]
        verbs += [t for t in lexicon().get((verb, "VERB"), ()) if not (t.obj or t.pobj) and particle in (_needed(t, verb) or ())]
    acts = patient_types() | plover_types("object", "person") | plover_types("object", "force")  # "the deployment of troops"
    out = []
    for t in verbs:
        if t.plover not in acts:
            continue
        args = {NOMINAL_SLOTS.get(slot, slot): role for slot, role in t.args.items() if slot not in {"dative"}}
        if t.plover in plover_types("object", "force"):
            args["of"] = "participant"  # "the deployment of Russian troops": the forces deployed are who acts
        args.setdefault("on", "target")
        args.setdefault("against", "target")
        out.append(replace(t, id=f"{t.id}-noun", args=args, needs=(), nominalized=True))
    return out


def _object_nominal(noun: Token) -> list[Trigger]:
    """'the closure of the border', 'ordered the closure of all border crossings': the act noun of a verb whose row
    holds only with a named object ('close' + border, airspace, airport) is that act when its 'of' phrase names the
    object (and its modifiers, 'border crossings'); 'the closure of the factory' is none."""
    verb = _nominal_verbs().get(noun.lemma_.lower())
    if verb is None:
        return []
    words = {w for g in _of_objects(noun) for t in (g, *(m for m in g.children if m.dep_ == "compound"))
             for w in (t.lemma_.lower(), t.lower_)}
    if not words:
        return []
    return [replace(t, id=f"{t.id}-noun", obj=frozenset(), objmod=(), nominalized=True,
                    args={"by": t.args.get("subj", "participant"), "with": "target", "on": "target", "against": "target"})
            for t in lexicon().get((verb, "VERB"), ())
            if t.obj & words and all(m & words for m in t.objmod) and not (t.needs or t.pobj or t.subj or t.subj_sector or t.obj_places)]


@lru_cache(maxsize=1)
def _nominal_verbs() -> dict[str, str]:
    """Act noun -> the trigger verb WordNet derives it from (kg/data/event_nominals.jsonl): 'withdrawal' -> 'withdraw'."""
    return {row["noun"]: row["verb"] for row in resources.jsonl("event_nominals.jsonl")}


def _markers(token: Token) -> set[str]:
    """Particles and prepositions of a verb, and 'to' for an infinitive it governs with an object ('pressed Egypt to
    close the tunnels': the 'press X to' of a demand)."""
    out = {c.lower_ for c in token.children if (c.dep_ in {"prt", "prep", "agent"} or _adverb_particle(c, token))
           and not _dating(c)}
    if _for_clause(token) is not None:
        out.add("for")  # "called for Britain to leave": the parser hangs 'for' on the infinitive as its mark
    if any(c.dep_ == "dobj" for c in token.children) and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children) for c in token.children):
        out.add("to")
    return out


def _ground_taken(verb: Token, row: Trigger, actor: Callable[..., bool] | None) -> Trigger | None:
    """'Russia seized Crimea', 'Iraqi forces recaptured Mosul', 'captured the town of Kobani': the row of ground taken
    (`obj_places`) whose type the chosen row has, when the object is a place and an actor the article names takes
    it; its class (a military action) replaces the chosen row's, whose PLOVER type and arguments hold."""
    grounds = [r for r in _triggers_for(verb) if r.obj_places and r.plover == row.plover]
    if not grounds or actor is None or not any(actor(c) for c in _doers(verb)):
        return None  # "The M23 seized Goma", the M23 unknown: nothing says an armed actor took it
    places = [c for c in verb.children if c.dep_ in OBJ_DEPS | {"nsubjpass"}] + _stray_objects(verb)
    return next((r for r in grounds if any(_named_place(c) or c.lemma_.lower() in r.obj for c in places)), None)


def _doers(verb: Token) -> list[Token]:
    """Who does what a verb says: its subject, the agent of a passive ('Crimea was seized by Russia'), else the subject
    it shares with the verb above ('the SDF declared victory after capturing Baghuz')."""
    out = [c for c in verb.children if c.dep_ in SUBJ_DEPS] + _agents(verb)
    return out or [t for t in (_inherited_subject(verb),) if t is not None]


def _named_place(token: Token) -> bool:
    """'Mosul', 'Crimea': a name the model tags as a place, or one the gazetteer knows as a state or place."""
    if token.ent_type_ in PLACE_LABELS:
        return True
    return token.pos_ == "PROPN" and by_name().get(token.lower_, "").startswith(("place-", "state-"))


def _stray_objects(verb: Token) -> list[Token]:
    """'Iraqi forces recaptured Mosul in July': a name right after a verb with no object, which the parser may hang as
    an adverb, is its object."""
    if verb.i + 1 >= len(verb.doc) or any(c.dep_ in OBJ_DEPS for c in verb.children):
        return []
    after = verb.doc[verb.i + 1]
    return [after] if after.head.i == verb.i and after.dep_ in {"advmod", "npadvmod"} and after.pos_ == "PROPN" else []


def _adverb_particle(child: Token, verb: Token) -> bool:
    """'Gates stepped down on Tuesday', 'the rebels backed down': the parser may hang a verb's particle as an adverb;
    a particle word right after the verb is its particle all the same ('prices went down' too: no row needs it)."""
    return child.dep_ == "advmod" and child.i == verb.i + 1 and child.lower_ in ADVERB_PARTICLES


def _for_clause(verb: Token) -> Token | None:
    """The infinitive clause of 'called for Britain to leave', 'pressed for the talks to resume': 'for' + subject + 'to'
    + verb, which the parser reads as a clause marked by 'for' (the subject is whom the call is made to)."""
    return next((c for c in verb.children if c.dep_ in {"advcl", "ccomp", "xcomp"}
                 and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                 and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
                 and any(n.dep_ == "nsubj" for n in c.children)), None)


def _for_clause_subjects(verb: Token) -> list[Token]:
    """Who is to do what a call for 'for X to do Y' asks: the subject of the clause marked by 'for', or the object of
    'for' when the parser hangs the infinitive on the verb ('pressed for Mali to hold elections')."""
    if (clause := _for_clause(verb)) is not None:
        return [n for n in clause.children if n.dep_ == "nsubj"]
    infinitive = next((c for c in verb.children if c.dep_ in {"advcl", "xcomp"} and not any(n.dep_ == "nsubj" for n in c.children)
                       and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)), None)
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" and infinitive is not None and c.i < infinitive.i
            for g in c.children if g.dep_ == "pobj"]


def _dating(prep: Token) -> bool:
    """'on Thursday', 'in June': a preposition whose object is a date says when, not what the verb wants ('called
    Rahmon on Thursday' is no 'call on')."""
    return any(g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in prep.children)


def _choose(token: Token, actor: Callable[..., bool] | None = None, armed: Callable[[Token], bool] | None = None) -> Trigger | None:
    """The lexicon row a token triggers (`_choose_row`); a promise or a release of a sum of money is aid.

    "Britain pledged £10 million", "China offered US$100,000": CAMEO's PROMISE * &CURRENCY [0331] (express intent
    to provide economic aid), which the sum as the parser reads it ("million", "100,000") does not match; the class
    is Aid, the PLOVER type AGREE as CAMEO2PLOVER gives 0331.
    """
    row = _choose_row(token, actor, armed)
    if (row is None or row.plover in VIOLENT_TYPES or row.kind in SANCTION_KINDS or BORROWED.search(row.id)) and (
            struck := _struck_with(token)) is not None:
        return struck
    if row is not None and (ground := _ground_taken(token, row, actor)) is not None:
        return replace(row, kind=ground.kind)
    if (row is None or row.kind in GATHERING_KINDS) and (protest := _doers_act(token)) is not None:
        return protest
    if row is not None and row.kind == "Agreement" and row.cameo.startswith("03") and _promises_money(token):
        return replace(row, kind="Aid", cameo="0331")
    if row is not None and row.kind == "Agreement" and row.cameo.startswith("03") and (aid := _promised_aid(token)):
        return replace(row, kind="Aid", cameo=aid)
    if row is not None and row.kind == "Agreement" and row.cameo.startswith("03") and (aid := _offered_aid(token, actor, armed)):
        return replace(row, kind="Aid", cameo=aid)
    if row is not None and row.id == MEASURE_ROW and (ruling := _court_measure(token)) is not None:
        return ruling
    if row is not None and row.speech and token.lemma_.lower() == "announce" and _announces_product(token):
        return next((r for r in lexicon()[("release", "VERB")] if r.kind == RELEASE_KIND and not r.plover), row)  # "Apple announced the
        # iPhone 3GS": a product made public, as 'unveiled'
    if row is not None and row.kind == RELEASE_KIND and _promises_money(token):
        return replace(row, kind="Aid", cameo="071", plover="AID")  # "the EU released €3 million": funds given (CAMEO
        # 071, provide economic aid), no product released
    if row is not None and row.speech and _answers_to(token):
        return None  # "will stay on as chief executive, reporting to Nadella": whom one answers to, nothing said
    if row is not None and row.kind in ASKING_KINDS and _court_appeal(token):
        return next((r for r in _triggers_for(token) if r.kind == "Lawsuit"), row)
    if (row is None or row.kind in COMPLAINT_KINDS) and (suit := _filed_in_court(token)) is not None:
        return suit
    if row is not None and row.kind == "Lawsuit" and _appeal_for(token):
        return None  # "launched an appeal for $400 million": the noun asks for something, a call ('appeal', Demand)
    return row


SANCTION_KINDS = {"Sanction", "TradeMeasure"}


def _court_measure(verb: Token) -> Trigger | None:
    """'the Constitutional Court suspended the tax', 'a judge froze the assets of NAME', 'the tax, which the court
    halted': a measure of sanction (suspend, freeze, halt) whose subject is a judicial agent (Phoenix sector JUD:
    court, judge, tribunal) is that court's ruling, the Ruling row of the lexicon for courts (ev-ruling-court), not a
    sanction: a court decides on a case, it does not punish a state; 'the government suspended aid' stays a sanction,
    and so does a court's fine (not a row of `MEASURE_ROW`)."""
    if verb.pos_ not in {"VERB", "AUX"} or not any(agent_sectors().get(w) == "JUD" for w in _Said(verb).subjects):
        return None
    return next((r for r in _triggers_for(verb) if r.kind == RULING_KIND and r.subj_sector == "JUD"), None) or next(
        (r for r in lexicon()[("rule", "VERB")] if r.kind == RULING_KIND and r.subj_sector == "JUD"), None)


RULING_KIND = "Ruling"
MEASURE_ROW = "ev-sanction"  # the hand-made verbs of a measure (suspend, halt, freeze); a court's fine or sentence
# ('was fined 50,000 zloty by the court') keeps its CAMEO penalty row, a sanction on the one fined


def _struck_with(verb: Token) -> Trigger | None:
    """'hit Iran with new sanctions', 'slapped Moscow with tariffs', 'Iran was hit with sanctions by the US': a verb of
    striking (a row of a violent PLOVER type in the lexicon) or of imposing, with someone it acts on and a 'with' phrase
    whose noun is a sanction (its own noun row, kg/data/event_triggers.jsonl), is that sanction, done by the verb's
    subject to its object; the sanctions are what is done, not what is attacked ('attack * SANCTION' criticises them).
    'threatened Japan with sanctions' keeps its own verb: a threat names no act done."""
    if verb.pos_ not in {"VERB", "AUX"} or not any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children):
        return None
    rows = lexicon().get((verb.lemma_.lower(), "VERB"), [])
    if not any(r.plover in VIOLENT_TYPES or r.kind in SANCTION_KINDS for r in rows):
        return None
    for noun in (g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"):
        found = next((r for r in lexicon().get((noun.lemma_.lower(), "NOUN"), ()) if r.kind in SANCTION_KINDS), None)
        if found is not None:
            return replace(found, args={"subj": "participant", "obj": "target", "on": "target", "against": "target"})
    return None


def _of_objects(noun: Token) -> list[Token]:
    """The objects of 'of' on a word: 'thousands of protesters' -> protesters, 'the release of 400 prisoners' ->
    prisoners."""
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


GATHERING_KINDS = {"Meeting", "Agreement"}  # 'gathered', 'united', 'converged': CAMEO's senses of coming together


def _doers_act(verb: Token) -> Trigger | None:
    """'Protesters gathered outside parliament', 'rioters occupied the terminals', 'demonstrators surrounded her
    motorcade': a verb no lexicon row makes a protest, done (active, not negated, with no one it meets or agrees
    with) by people named for protesting (a WordNet doer noun of a protest verb, kg/data/doer_nouns.jsonl), is their
    protest."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    if (_negated_verb(verb) or verb.lemma_.lower() in speech_verbs()
            or any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)):
        return None
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.ent_type_ == "CARDINAL" or verb.vocab[subject.lemma_.lower()].like_num:  # "tens of thousands of protesters"
            subject = next(iter(_of_objects(subject)), subject)
        noun = subject.lemma_.lower()
        for act in sorted(v for v in doer_verbs().get(noun, ()) if v != noun):  # not 'forces' (a noun of its own)
            rows = [r for r in lexicon().get((act, "VERB"), [])  # the verb's own sense, not one its object gives
                    if r.plover == "PROTEST" and not (r.obj or r.pobj or r.needs or r.objmod)]
            if rows:
                return rows[0]
    return None


def _announces_product(verb: Token) -> bool:
    """'Apple announced the iPhone 3GS', 'announced its latest iteration of the iPhone, the iPhone 3GS', 'announced a
    new laptop': the direct object (or what it is 'of', or its apposition) is a product, spaCy's PRODUCT entity or a
    WordNet device, craft or product noun; 'announced the purchase of 20 aircraft' (an event noun) is that act."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if _triggers_for(obj):
            return False
        words = [obj] + [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        words += [a for w in words for a in w.children if a.dep_ == "appos"]
        if any(w.lemma_.lower() in weapon_nouns() for w in words):
            return False  # 'would announce a package of Patriot missiles': arms supplied, no product released
        if any(w.ent_type_ == "PRODUCT" or w.lemma_.lower() in _products() or any(  # 'a new operating system': WordNet's
                f"{c.lower_} {w.lemma_.lower()}" in _products() for c in w.children if c.dep_ == "compound") for w in words):
            return True  # two-word nouns too
    return False


@lru_cache(maxsize=1)
def _products() -> frozenset[str]:
    """Things a firm makes and makes public: the WordNet product, device, craft and vehicle nouns ('laptop', 'airliner',
    'car')."""
    from kg.gazetteer import craft_nouns, device_nouns, product_nouns, vehicle_nouns

    return product_nouns() | device_nouns() | craft_nouns() | vehicle_nouns()


def _appeal_for(verb: Token) -> bool:
    """'launched an appeal for funds', 'issued an appeal for calm': an appeal object asking 'for' something is a
    call, not a case taken to a higher court ('filed an appeal against the verdict'), as `_court_appeal` reads the verb."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() == "appeal" and any(p.dep_ == "prep" and p.lower_ == "for" for p in c.children)
               for c in verb.children)


def _answers_to(verb: Token) -> bool:
    """'reporting to Microsoft's chief executive', 'who reports to the board': 'report to' someone with nothing
    reported (no object, no clause) is the line of command in a body, no speech act ('reported to the UN that ...',
    'reported the outbreak to the WHO' say something)."""
    if verb.lemma_.lower() != "report" or verb.pos_ != "VERB":
        return False
    children = list(verb.children)
    return (any(c.dep_ == "prep" and c.lower_ == "to" for c in children)
            and not any(c.dep_ in {"dobj", "ccomp", "xcomp", "nsubjpass", "auxpass", "dative"} for c in children))


def _subject_words(verb: Token) -> list[Token]:
    """The words that say who the subject is, for a row that wants a kind of subject: the subject and the title words
    compounded before a name ('Judge Maria Okafor dismissed the case': a judge), and for a verb joined to another with
    no subject of its own, that verb's ('the Court of Appeal upheld the ruling and dismissed the claim'); for a passive,
    the doer its 'by' phrase names ('the claim was dismissed by the High Court', 'was acquitted by a jury')."""
    subjects = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
    if not subjects and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        subjects = [c for c in verb.head.children if c.dep_ in SUBJ_DEPS]
    subjects += _agents(verb)
    return subjects + [m for s in subjects if s.pos_ == "PROPN" for m in s.children if m.dep_ == "compound" and m.i < s.i]


COMPLAINT_KINDS = {"Accusation"}  # 'lodged a complaint with the ministry': a grievance aired, unless a court receives it
COURT_PREPS = {"with", "at", "before", "in", "to"}  # whom a filing goes to: 'with the High Court', 'before the tribunal'


@lru_cache(maxsize=1)
def _filing_rows() -> dict[str, Trigger]:
    """Verb lemma -> the lexicon's Lawsuit row for a verb of filing: the verbs of the rows whose objects are a suit or a
    complaint ('filed suit', 'lodged a complaint', 'submitted a complaint'), each with the row of 'filing suit'."""
    suit = next(r for rows in lexicon().values() for r in rows if r.kind == "Lawsuit" and "lawsuit" in r.obj)
    return {lemma: suit for (lemma, pos), rows in lexicon().items() if pos == "VERB"
            for r in rows if not r.derived and r.obj & {"lawsuit", "complaint"}}


def _filed_in_court(verb: Token) -> Trigger | None:
    """'filed a complaint with the European Court of Human Rights', 'would file a challenge against the ban at the High
    Court', 'lodged a petition before the tribunal': a verb of filing whose object (no person, no name, no event of a
    kind of its own such as 'charges') goes to a court (a Phoenix agent of the judicial sector: court, tribunal) takes a
    case to it, a Lawsuit (CAMEO 115) whatever the object is called; 'lodged a complaint with the ministry' stays a
    complaint, 'filed the report' nothing, and prosecutors filing with a court charge someone (no suit)."""
    suit = _filing_rows().get(verb.lemma_.lower()) if verb.pos_ == "VERB" else None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and not c.ent_type_]
    if suit is None or not objects or any(r.kind not in {"Lawsuit", "Appeal", "Demand", "Protest", *COMPLAINT_KINDS}
                                          for c in objects for r in _triggers_for(c)):
        return None
    if any(agent_sectors().get(w.lemma_.lower()) == "JUD" for w in _subject_words(verb)):
        return None  # 'prosecutors filed charges with the court': the judiciary's own filing charges, no suit
    reach = [verb, *(t for c in objects for t in c.subtree)]
    if any(p.dep_ == "prep" and p.lower_ in COURT_PREPS and any(
            g.dep_ == "pobj" and agent_sectors().get(g.lemma_.lower()) == "JUD"
            for g in p.children) for t in reach for p in t.children):
        return suit
    return None


def _court_appeal(verb: Token) -> bool:
    """'Samsung plans to appeal', 'will appeal against the verdict', 'appealed to the Supreme Court': a verb 'appeal'
    asking nobody for anything (no 'for', no one appealed to but a court, no clause of what is to be done) takes a
    case to a higher court, a legal act (the lexicon's 'appeal the ruling' row), not a call ('appealed for calm',
    'appealed to the UN to act')."""
    if verb.lemma_.lower() != "appeal" or verb.pos_ != "VERB":
        return False
    children = list(verb.children)
    if any(c.dep_ in {"dobj", "dative", "xcomp", "ccomp", "nsubjpass"} for c in children):
        return False
    for prep in (c for c in children if c.dep_ == "prep"):
        if prep.lower_ == "for" or prep.lower_ == "to" and not any(
                agent_sectors().get(w) == "JUD" for g in prep.children if g.dep_ == "pobj" for w in (g.lemma_.lower(), g.lower_)):
            return False
    return True


def _promises_money(verb: Token) -> bool:
    """Whether a verb's direct object is a sum of money: spaCy's MONEY entity ('pledged £10 million'), or a currency
    counted in the currency of the verb's own CAMEO aid pattern ('pledged one billion euros': PLEDGE * &CURRENCY
    [0331]), which the hand-made row of the verb ('pledge', 030) otherwise hides ('offered a loan' stays an offer)."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(c.ent_type_ == "MONEY" or _aid_of_sum(c) for c in objects):
        return True
    words = {c.lemma_.lower() for c in objects if any(n.dep_ == "nummod" for n in c.children)}  # a sum, not 'a loan'
    return bool(words) and any(row.cameo.startswith("033") and row.obj & words for row in _triggers_for(verb))


def _promised_aid(verb: Token) -> str:
    """The CAMEO code of the aid a verb of promise names as its direct object, whatever the words before the noun:
    'Japan pledged emergency aid', 'pledged humanitarian assistance' are the verb's own CAMEO patterns of intent to
    give aid (PLEDGE * {HUMANITARIAN AID} [0333], * {ECONOMIC ASSISTANCE} [0331]) with another modifier or none; the
    class is Aid, the PLOVER type the pattern's (AGREE); '' when none ('pledged cooperation', 'promised help')."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return ""
    patterns = _aid_patterns().get(verb.lemma_.lower(), {})
    return next((patterns[c.lemma_.lower()] for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in patterns), "")


def _aid_of_sum(obj: Token) -> list[Token]:
    """'2 million euros in humanitarian aid', '$5 million in assistance': a sum counted with an 'in' phrase of an aid
    noun of the hand-made lexicon ('aid', 'assistance') is that aid; its noun says what is given ('killed 40 people in
    Peru', '303 seats in parliament' are no aid)."""
    if not (obj.ent_type_ == "MONEY" or obj.pos_ == "NUM" or any(n.dep_ == "nummod" for n in obj.children)):
        return []
    return [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "in" for g in p.children
            if g.dep_ == "pobj" and g.lemma_.lower() in _aid_nouns()]


@lru_cache(maxsize=1)
def _aid_nouns() -> frozenset[str]:
    """The nouns of the hand-made Aid rows ('aid', 'assistance')."""
    return frozenset(lemma for row in resources.jsonl(LEXICON_FILES[0]) if row["pos"] == "NOUN" and row["kind"] == "Aid"
                     for lemma in row["lemmas"])


def _offered_aid(verb: Token, actor: Callable[..., bool] | None = None, armed: Callable[[Token], bool] | None = None) -> str:
    """'Chile offered to send rescue teams', 'Japan pledged to provide $5 million in aid', 'vowed to deliver food': a
    verb of intent whose infinitive gives aid (its own row is Aid) expresses intent to provide that aid, CAMEO 033*
    (the intent code whose description is the aid code's, `_intent_code`), the class Aid; '' when the infinitive
    is no aid ('offered to mediate', 'promised to hold elections')."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in INTENT_HEADS:
        return ""
    for clause in (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and _to_infinitive(c)):
        content = _choose(clause, actor, armed)
        if content is not None and content.kind == "Aid" and content.plover == "AID":
            return _intent_code(content.cameo)
    return ""


INTENT_PREFIX = "express intent to "  # CAMEO2PLOVER: 0333 'Express intent to provide humanitarian aid' of 073


@lru_cache(maxsize=64)
def _intent_code(cameo: str) -> str:
    """The CAMEO code of the intent to do what `cameo` codes: the 03 code whose description is 'Express intent to ' and
    the description of `cameo` (kg/data/cameo_plover.csv: 073 'Provide humanitarian aid' -> 0333), else 033 for an
    aid code, else 030."""
    rows = resources.table("cameo_plover.csv")
    done = next((r["description"].lower() for r in rows if r["cameo"] == cameo), "")
    return next((r["cameo"] for r in rows if r["cameo"].startswith("03") and done
                 and r["description"].lower() == INTENT_PREFIX + done), "033" if cameo.startswith("07") else "030")


@lru_cache(maxsize=1)
def _aid_patterns() -> dict[str, dict[str, str]]:
    """verb -> {noun of aid -> CAMEO code}: the objects of the CAMEO patterns of intent to give aid (033*,
    kg/data/event_triggers_cameo.jsonl), those `lexicon` leaves out as light ('pledge' * 'aid') among them, kept only
    for the nouns that are aid themselves (the hand-made Aid nouns, 'aid', 'assistance'): 'pledged support for the
    ceasefire' ({FINANCIAL SUPPORT}) is no aid, and 'offered a loan' or 'pledged food' stay offers."""
    aid_nouns = {lemma for row in resources.jsonl(LEXICON_FILES[0]) if row["pos"] == "NOUN" and row["kind"] == "Aid"
                 for lemma in row["lemmas"]}
    out: dict[str, dict[str, str]] = {}
    for row in resources.jsonl(LEXICON_FILES[1]):
        if row["pos"] == "VERB" and row.get("cameo", "").startswith("033") and not BORROWED.search(row["id"]):
            for lemma in row["lemmas"]:
                for noun in row.get("obj", ()):
                    if noun in aid_nouns:
                        out.setdefault(lemma, {}).setdefault(noun, row["cameo"])
    return out


@dataclass(frozen=True)
class _Plan:
    """What `_choose_row` reads of one row list for one lemma (`_row_plan`)."""

    passes: dict[tuple[bool, ...], list[tuple[Trigger, frozenset | None]]]  # derived flags -> (row, particles needed)
    # the CAMEO patterns written for this very verb ('ACCEPT * &PROPOSAL'): one that names the object says more about
    # the sense than a bare hand-made row; a pattern borrowed from another verb of the block, or one of a material act
    # on someone, does not count
    own_patterns: list[Trigger]


_PLANS: dict[tuple[int, str], tuple[list[Trigger], _Plan]] = {}


def _row_plan(rows: list[Trigger], lemma: str) -> _Plan:
    """The rows `_choose_row` reads in each of its passes (hand-made, CAMEO-derived, or both for a phrasal verb), each
    with the particles it needs with `lemma`, and the verb's own CAMEO patterns; rows of ground taken are
    left out of the passes (they only name the class of the row chosen, `_ground_taken`). Worked out once per row list
    and lemma: a common verb has a hundred CAMEO rows."""
    key = (id(rows), lemma)
    kept = _PLANS.get(key)
    if kept is not None and kept[0] is rows:  # the list itself is kept, so its id names no other list meanwhile
        return kept[1]
    if len(_PLANS) > 4096:
        _PLANS.clear()  # the rows of event nouns read from their 'of' phrase are made anew at each token
    usable = [(row, _needed(row, lemma)) for row in rows if not row.obj_places]
    acts = _material_acts()
    plan = _Plan(passes={derived: [(row, needed) for row, needed in usable if row.derived in derived]
                         for derived in ((False, True), (False,), (True,))},
                 own_patterns=[r for r in rows if r.derived and not BORROWED.search(r.id) and r.plover not in acts])
    _PLANS[key] = (rows, plan)
    return plan


def _choose_row(token: Token, actor: Callable[..., bool] | None = None, armed: Callable[[Token], bool] | None = None) -> Trigger | None:
    """The lexicon row a token triggers, constraints first ("impose" + "tax", "break down").

    Hand-made rows come before the CAMEO-derived ones: a derived row speaks only for a
    word or a sense the hand-made rows do not cover. A verb with a particle is read first
    as that phrasal verb, from either lexicon ("backed down" concedes, "backed" supports). `actor` (is this token an actor?)
    guards the senses that need one (see `_sense_holds`).
    """
    rows = _triggers_for(token)
    if token.pos_ == "NOUN" and actor is not None and (act := _act_on_people(token, rows, actor)) is not None:
        return act
    if not rows:
        return _speech_row() if _reports_clause(token) else None
    lemma = token.lemma_.lower()
    noun = token.pos_ == "NOUN"
    children = [(c, c.dep_) for c in token.children]  # read once: spaCy walks the tree and makes new Tokens at each read
    object_deps = OBJ_DEPS | {"nsubjpass", "acomp"} if not noun else {"compound", "amod", "nmod"}  # 'pleaded guilty'
    # (acomp): the adjective a verb predicates, which only a row's obj list of adjectives reads
    heads = [c for c, dep in children if dep in object_deps] + (_small_clause_subjects(token) if not noun else [])
    # what the object is: its title words ("host Prime Minister Meloni") and what it is a package of ("a package of sanctions")
    if not noun:
        heads += [g for c in heads for g in c.children if g.dep_ == "compound"
                  and not _hyphenated(g)]  # not 'long-term' in "won a long-term contract": half of one modifier
    heads += [p for c in heads if c.lemma_.lower() in CONTAINER_NOUNS or c.pos_ == "NUM" or any(n.dep_ == "nummod" for n in c.children)
              for o in c.children if o.dep_ == "prep" and o.lower_ == "of"
              for p in o.children if p.dep_ == "pobj"]  # "a package of sanctions", "700 kg of medicine", "303 of the 543 seats"
    heads += [a for c in heads for a in _aid_of_sum(c)]  # "provide 50 million euros in aid": what is given is aid
    objects = {w for c in heads for w in (c.lemma_.lower(), c.lower_)}
    modifiers = {w for c in heads for m in c.children if m.dep_ in {"compound", "amod", "nmod"} for w in (m.lemma_.lower(), m.lower_)}
    modifiers |= {p.lower_ for c in heads for o in c.children if o.dep_ == "prep" and o.lower_ == "of" for p in o.children
                  if p.dep_ == "pobj" and any(d.lower_ == "no" for d in p.children)}  # "a motion of no confidence": as
    # "a no-confidence motion"
    modifiers |= {w for c in heads if c.lemma_.lower() in first_body_nouns() for o in c.children if o.dep_ == "prep" and o.lower_ == "of"
                  for p in o.children if p.dep_ == "pobj" for m in (p, *(g for g in p.children if g.dep_ == "conj"))
                  for w in (m.lemma_.lower(), m.lower_)}  # "a team of 70 soldiers and engineers": its members say what kind
    # of team it is, as 'a medical team' does (a noun whose first sense is a group, WordNet: kg/data/body_nouns.jsonl)
    by_prep: dict[str, set[str]] = {}
    compounds: dict[str, set[str]] = {}
    for c, dep in children:
        if dep in {"prep", "agent"}:
            by_prep.setdefault(c.lower_, set()).update(w for g in c.children if g.dep_ == "pobj" for w in (g.lemma_.lower(), g.lower_))
            compounds.setdefault(c.lower_, set()).update(
                m.lower_ for g in c.children if g.dep_ == "pobj" for m in g.children
                if m.dep_ == "compound" and not _hyphenated(m))  # "filed for bankruptcy protection": a row's pobj word
            by_prep[c.lower_].update(w for o in c.children if o.dep_ == "prep" for g in o.children if g.dep_ == "pobj"
                                     for w in (g.lemma_.lower(), g.lower_))  # "out of the talks": the object of 'out
            by_prep[c.lower_].update(w for g in c.children if g.dep_ == "pobj" for p in _counted_of(g)
                                     for w in (p.lemma_.lower(), p.lower_))  # "with dozens of shells": what is counted
    # 'takes over as minister', 'retired as ambassador': with no direct object, an 'as' phrase names the role the
    # subject takes, not what the verb acts on ('appointed him as minister' keeps it)
    as_role = not noun and not any(dep in {"dobj", "nsubjpass"} for _, dep in children)
    # 'opened an investigation into the fire', 'launched a probe into the crash': the phrase after an event noun
    # object is that noun's, wherever the parser hangs it, and says nothing of what the verb itself acts on
    # 'the decision was taken by foreign ministers': the agent of a passive is who does it, never what the verb acts on
    # (not CAMEO's 'TAKE * MINISTER', an abduction)
    by_doer = any(dep == "agent" for _, dep in children)
    if noun or not any(dep == "dobj" and c.pos_ == "NOUN" and _triggers_for(c) for c, dep in children):
        objects |= {w for prep, words in by_prep.items() if not (as_role and prep == "as") and not (by_doer and prep == "by")
                    for w in words}
    said = _Said(token)  # its subject words and markers, read when a row asks for them
    particles = {c.lower_ for c, dep in children
                 if dep == "prt" or dep == "prep" and c.lower_ in ADVERB_PARTICLES or _adverb_particle(c, token)}
    plan = _row_plan(rows, lemma)
    for derived in ((False, True), (False,), (True,)) if particles else ((False,), (True,)):
        phrasal = len(derived) == 2  # first the rows of the phrasal verb itself: "backed down", "broke off", "called up"
        fallback, senses = None, []
        for row, needed in plan.passes[derived]:
            if needed is not None and not (needed & said.markers) or phrasal and not (needed and needed & particles):
                continue
            if row.obj and not (row.obj & objects) and not (row.obj_conflict and any(map(_conflict_noun, heads))) and not (
                    row.obj_people and any(c.ent_type_ == "PERSON" for c in heads)):
                continue
            if row.obj_weapons and any(p.lemma_.lower() not in row.obj for c in heads for o in c.children
                                       if o.dep_ == "prep" and o.lower_ == "of" for p in o.children if p.dep_ == "pobj"):
                continue  # "fired 87 rounds of tear gas": what is fired is the gas, no weapon (CAMEO's tear-gas rows)
            if row.objmod and not all(words & modifiers for words in row.objmod):
                continue  # "staged war games", not "started the game"
            if row.pobj and not (row.pobj & {w for m in (needed or ()) for w in by_prep.get(m, set()) | compounds.get(m, set())}):
                continue
            if row.subj and not (row.subj & said.subjects):
                continue
            if row.quoted and not _quoted_predicate(token):
                continue
            if row.clause and not any(c.dep_ in {"ccomp", "xcomp"} and c.pos_ in {"VERB", "AUX"} for c in token.children):
                continue  # "recommended the vaccine", "advised the government": no act asked for
            if row.intransitive and any(dep == "dobj" for _, dep in children):
                continue  # "demonstrated some of the features of its new system": shown, no protest
            if row.contest and not _contest(token):
                continue  # "defeated the rebels", "faced criticism": no match played
            if row.subj_sector and not any(agent_sectors().get(w) == row.subj_sector for w in said.subjects):
                continue
            if row.members and not (actor is not None and _admits_member(token, actor)):
                continue
            if row.holder and _first_to(token):
                continue  # "was due to become the first sitting US president to visit Papua New Guinea": a record
            if row.derived and needed is not None and not (row.obj or row.pobj) and actor is not None and not any(
                    actor(g) for c in token.children if c.dep_ in {"prep", "agent"} and c.lower_ in needed
                    for g in c.children if g.dep_ == "pobj") and not (needed & particles):
                continue  # a CAMEO pattern's bare preposition stands for an actor: "dispatch (TO)" is "dispatch to X"
            if phrasal and not row.obj and (named := _object_sense(rows, objects, said)) is not None:
                return named  # "broke off relations": the pattern naming the object (161) over bare "break off" (130)
            if row.obj or row.subj or row.subj_sector or row.pobj or row.quoted or row.members or row.clause or needed is not None:
                return row
            if actor is None or _sense_holds(token, row, actor, armed):
                fallback = fallback or row
                senses.append(row)
        if len({row.plover for row in senses}) > 1:
            return _one_sense(token, senses, objects, actor, armed)
        if (fallback is not None and not fallback.derived and (named := _object_sense(plan.own_patterns, objects, said))
                and named.plover != fallback.plover):
            if not fallback.plover and named.plover == "CONSULT":
                return named  # "delivered a letter to Trump" (DELIVER * LETTER, 040): no sale, whatever a business row says
            return replace(fallback, cameo=named.cameo, plover=named.plover)  # "accepted the proposal" (032), not the
            # bare hand-made sense "accepted" (080); the hand-made row's class and argument slots still hold
        if fallback is not None:
            return fallback
    return _speech_row() if _reports_clause(token) else None  # "Blinken replied that ...": a verb of communication


def _score_line(verb: Token) -> bool:
    """Whether a verb's own words hold a score (`score_at`), as sports results are written ('Sweden defeated South Korea
    1 \u2013 0', 'lost 1 \u2013 2 to England')."""
    return any(score_at(verb.doc, t.i) for t in verb.subtree
               if not (t.pos_ in {"VERB", "AUX"} and t.head.i == verb.i and t.i != verb.i))


def _contest(verb: Token) -> bool:
    """A match played between sides ('Sweden defeated South Korea 1 \u2013 0', 'Belgium faced Panama at the Fisht
    Stadium'): the verb carries a score line, or, in a text that speaks of teams (`speaks_of_teams`), its subject and
    its object are both named states or organisations (the sides). 'The army defeated the rebels', 'Kenya faced
    criticism' play no match."""
    if _score_line(verb):
        return True
    named = {"GPE", "ORG", "NORP"}
    sides = [c for c in verb.children if c.dep_ in SUBJ_DEPS | {"dobj"} and c.ent_type_ in named]
    return speaks_of_teams(verb.doc) and {c.dep_ for c in sides} >= {"nsubj", "dobj"}


RANK_WORDS = {"only", "last"}  # with ordinals and superlatives: "the first president to visit", "the only leader to attend"


def _first_to(verb: Token) -> bool:
    """'became the first sitting president to visit X', 'is the only leader to attend': an office ranked by an
    ordinal, a superlative or 'only' and an infinitive after it says who first or alone did that act (a record),
    not who took the office ('became prime minister', 'became the youngest president' take it)."""
    for noun in (c for c in verb.children if c.dep_ in {"attr", "dobj", "oprd"}):
        ranked = any(c.ent_type_ == "ORDINAL" or c.tag_ == "JJS" or c.lower_ in RANK_WORDS for c in noun.children
                     if c.dep_ in {"amod", "det", "nummod", "advmod"})
        clauses = [c for c in noun.children if c.dep_ in {"acl", "relcl"}]  # the parser may hang the infinitive on
        clauses += [c for c in verb.children if c.dep_ in {"advcl", "xcomp"} and c.i > noun.i]  # the verb instead
        if ranked and any(_to_infinitive(c) for c in clauses):
            return True
    return False


MEMBER_ENTS = {"GPE", "ORG"}  # spaCy's labels of states and organisations


def _admits_member(verb: Token, actor: Callable[..., bool]) -> bool:
    """'The African Union readmitted Morocco', 'the organisation admitted the SADR': an actor takes in a named state or
    organisation (not 'admitted the mistake', 'admitted two patients')."""
    subjects = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return (bool(subjects) and all(actor(s) for s in subjects) and bool(objects)
            and all(o.ent_type_ in MEMBER_ENTS for o in objects))


def _small_clause_subjects(verb: Token) -> list[Token]:
    """'allowed inspectors to enter', 'let the refugees back': the parser makes the verb's object the subject of the
    infinitive or particle clause it governs; a clause with 'that' or a tensed auxiliary ('said inspectors would
    enter') has a subject of its own."""
    return [s for c in verb.children if c.dep_ in {"ccomp", "xcomp"} and not any(m.dep_ == "mark" for m in c.children)
            and all(a.tag_ == "TO" for a in c.children if a.dep_ in {"aux", "auxpass"}) and c.tag_ in {"VB", "RB", "IN", "RP"}
            for s in c.children if s.dep_ == "nsubj"]


def _act_on_people(noun: Token, rows: list[Trigger], actor: Callable[..., bool]) -> Trigger | None:
    """'the release of 400 prisoners': a noun whose own rows name no political act ('the release of the album', a
    product) is the act its verb does to people when its of-object is people (plover_polarity.csv `object` person)."""
    if any(row.plover for row in rows):
        return None
    people = [t for t in nominal(noun.lemma_.lower()) if t.plover in plover_types("object", "person")]
    objects = _of_objects(noun)
    return people[0] if people and objects and all(actor(g, True) for g in objects) else None


def _object_sense(rows: list[Trigger], objects: set[str], said: _Said) -> Trigger | None:
    """The row whose pattern names the verb's object ('BREAK * RELATIONS'): it says more about the sense than a bare
    phrasal pattern of the same verb ('BREAK (OFF)'), so 'broke off diplomatic relations' cuts relations (161)."""
    return next((r for r in rows if r.obj & objects and not (r.objmod or r.pobj or r.subj or r.subj_sector or r.quoted or r.obj_places)
                 and all(words & said.markers for _, words in r.needs)), None)


class _Said:
    """What a trigger token's rows may ask of it beyond its objects, worked out at the first row that asks: the words of
    its subject (and of the noun a relative clause or participle hangs on) and its markers (`_markers`)."""

    def __init__(self, token: Token) -> None:
        self.token = token

    @cached_property
    def subjects(self) -> set[str]:
        words = {w for c in _subject_words(self.token) for w in (c.lemma_.lower(), c.lower_)}
        if self.token.dep_ in {"relcl", "acl"}:
            words.add(self.token.head.lemma_.lower())
        return words

    @cached_property
    def markers(self) -> set[str]:
        return _markers(self.token)


@lru_cache(maxsize=1)
def _material_acts() -> frozenset[str]:
    """PLOVER types of material acts, which keep the hand-made sense: CAMEO codes 'arrest * JOURNALIST' as violent
    repression (175), the GSR an arrest."""
    return frozenset(patient_types() | plover_types("object", "person"))


def _one_sense(token: Token, senses: list[Trigger], objects: set[str], actor: Callable[..., bool] | None,
               armed: Callable[[Token], bool] | None) -> Trigger:
    """Which of the hand-made senses of an ambiguous verb holds ("vow": agree or threaten; "strike": protest or fight).

    In order: a CAMEO pattern written for this verb that names its object ("vowed revenge": 130); goods for object
    (`_goods`, `_amount_of_things`, or a model the nlp stage tags PRODUCT: 'ordered 20 Airbus A350s') and no clause
    of what is to be done read the sense that acts on no one ("ordered 96 helicopters from the United States" buys them,
    "ordered the army to withdraw" demands); what the verb says will be done ("vowed to retaliate": a conflict act makes
    a threat); an object, or an armed doer, makes it an act on someone
    ("struck targets", not "workers struck"); and a named actor's protest is a complaint, a crowd's a demonstration
    ("Serbia protested to Croatia", "thousands protested in Belgrade").
    """
    types = {row.plover: row for row in senses}
    lemma = token.lemma_.lower()
    for row in lexicon().get((lemma, "VERB"), ()):
        if row.derived and row.obj & objects and row.plover in types and not BORROWED.search(row.id) and not row.needs:
            return types[row.plover]
    if (any(c.dep_ in {"dobj", "nsubjpass"} and (c.lemma_.lower() in _goods() or _amount_of_things(c) or c.ent_type_ == "PRODUCT")
            for c in token.children)
            and not any(c.dep_ in {"xcomp", "ccomp"} for c in token.children)):
        for row in senses:
            if not row.plover and "obj" not in row.args:
                return row
    for clause in (c for c in token.children if c.dep_ == "xcomp"):
        content = _choose(clause, actor, armed)
        for polarity in (conflictual(), cooperative()):
            if content is not None and content.plover in polarity and (found := [t for t in types if t in polarity]):
                return types[found[0]]
    acts = [t for t in types if t in patient_types()]
    doers = [c for c in token.children if c.dep_ in SUBJ_DEPS]
    if (office := _office_taken(token, senses, doers, actor, armed)) is not None:
        return office
    if len(acts) == 1:
        if any(c.dep_ == "dobj" for c in token.children) or armed is not None and any(armed(d) for d in doers):
            return types[acts[0]]
        return next(row for row in senses if row.plover != acts[0])
    if "PROTEST" in types and "REJECT" in types and _act_blocked(token):
        return types["REJECT"]
    if "PROTEST" in types and not any(d.pos_ in {"PROPN", "PRON"} for d in doers):
        return types["PROTEST"]  # a crowd ("farmers", "thousands of Serbs"), not a named actor or one a pronoun stands for
    return senses[0]


def _act_blocked(verb: Token) -> bool:
    """'The regulator blocked the takeover', 'the merger was blocked by the CMA', 'the Senate blocked the bill': what is
    blocked is an act (an event noun of the lexicon) or a written text (`document_nouns`, from WordNet), so blocking it
    is refusing it, whoever blocks (a crowd blocks roads and entrances: a protest)."""
    return any(c.dep_ in {"dobj", "nsubjpass"} and (_triggers_for(c) or c.lemma_.lower() in document_nouns())
               for c in verb.children)


def _office_taken(token: Token, senses: list[Trigger], doers: list[Token], actor: Callable[..., bool] | None,
                  armed: Callable[[Token], bool] | None) -> Trigger | None:
    """'Yahoo fired him in May', 'the company fired its chief executive, Scott Thompson': a verb with an office sense
    beside a violent one ('fire', 'sack') whose object is a person, done by no armed actor, takes the office away;
    'rebels fired rockets', 'soldiers fired tear gas' and 'troops fired him' stay acts of force."""
    office = next((row for row in senses if row.kind in OFFICE_KINDS), None)
    if office is None or actor is None or armed is not None and any(armed(d) for d in doers):
        return None
    return office if any(c.dep_ in {"dobj", "nsubjpass"} and actor(c, True) for c in token.children) else None


def _amount_of_things(obj: Token) -> bool:
    """'ordered US$6 billion in new airliners', 'ordered 18 777s', 'ordered 2 million doses': a sum of money, or a count
    of things that are no people ('ordered 500 troops to the border' sends them); a count 'of' things counts them
    ('ordered 50 of the aircraft', not 'ordered 500 of the troops')."""
    from kg.gazetteer import agent_sectors, person_nouns

    if obj.ent_type_ == "MONEY":
        return True
    if obj.pos_ == "NUM" and (counted := next(iter(_of_objects(obj)), None)) is not None:
        return counted.lemma_.lower() in _goods() or counted.lower_ in _goods()
    lemma = obj.lemma_.lower()
    return (any(c.dep_ == "nummod" for c in obj.children) and obj.ent_type_ not in {"PERSON", "NORP"}
            and lemma not in person_nouns() and lemma not in agent_sectors())


@lru_cache(maxsize=1)
def _goods() -> frozenset[str]:
    """Things a state or a firm buys and sells: the WordNet craft, weapon and device nouns ('helicopter', 'missile')."""
    from kg.gazetteer import craft_nouns, device_nouns

    return craft_nouns() | weapon_nouns() | device_nouns()


def _quoted_predicate(token: Token) -> bool:
    """Whether a quotation opens in the verb's own phrase, after it and before any other verb, on a word the verb
    governs within two steps: 'called the plan "a betrayal"', 'called it the "hottest thing going"', 'was
    branded a "traitor"' (not a quote further down the sentence)."""
    doc = token.doc
    for i in range(token.i + 1, min(token.right_edge.i, token.i + 8)):
        word = doc[i]
        if word.pos_ in {"VERB", "AUX"} and not (word.tag_ == "VBG" and word.head.i == token.i):
            return False  # another clause; a gerund object ('called podcasting "..."') is still this one
        if (word.text == "\u201c" or word.is_quote and word.tag_ == "``") and i + 1 < len(doc):
            node, steps = doc[i + 1], 0
            while node.i != token.i and steps < 3 and node.head.i != node.i:
                node, steps = node.head, steps + 1
            return node.i == token.i
    return False


OFFICE_KINDS = {"Appointment", "Resignation"}  # an office changing hands: done to a person
ACCIDENT_KIND = "Accident"  # a crash, a collision: of a vehicle ("a bus crashed", "the plane crashed into the sea")
RELEASE_KIND = "Release"  # a product or a work made public ("launched the iPod", "released the album")
AGREEMENT_KIND = "Agreement"  # a pledge or an offer ("offered a loan"), not an opinion offered (kg/data/opinion_nouns.jsonl)
PARTNER_PREPS = {"with", "to", "between"}  # "talked with Putin", "talked to the rebels": someone talked with


def _talked_alone_about(verb: Token) -> bool:
    """'He talked about the easiness for developers', 'Merkel talked about the crisis': one speaker on a topic, no one
    talked with (not 'the two leaders talked about trade', 'Obama talked with Putin about Syria')."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return (verb.lemma_.lower() == "talk" and any(c.dep_ == "prep" and c.lower_ == "about" for c in verb.children)
            and not any(c.dep_ == "prep" and c.lower_ in PARTNER_PREPS for c in verb.children)
            and len(subjects) == 1 and subjects[0].tag_ != "NNS" and not any(c.dep_ == "conj" for c in subjects[0].children))


VIOLENT_TYPES = {"ASSAULT", "FIGHT"}  # PLOVER's types of violence: acts on people and things, never on an abstraction
# ('detained', COERCE, is done by who reports it)


def _sense_holds(token: Token, row: Trigger, actor: Callable[..., bool], armed: Callable[[Token], bool] | None = None) -> bool:
    """A material act on someone ("fought the rebels") needs actors, not things ("fighting cancer", "attacking style").

    Applies to a row without object constraints whose PLOVER type acts on its object (kg/data/plover_polarity.csv,
    column `object`: `actor`, or `person` for acts only people undergo, "released the prisoners" and not "released
    the album") and to every CAMEO-derived verb without a pattern: a direct object or what it is 'against', when
    there is one, must be such an actor ("fought back against the allegations" is no fight), and a subject must be
    an actor unless it is itself a conflict event ("a bombing killed ..."; "the crash killed ..." is no assault).
    A state or an armed group acting makes any object a target. A `patient` row needs someone it acts on; one of a
    cooperative type whose object is that someone (args 'obj'), a person or a group of people and no event ('called
    Rahmon', not 'called a meeting'; 'airlifted supplies to the victims' acts on whom 'to' names).
    """
    if token.pos_ not in {"VERB", "AUX"}:
        return True
    if any(c.dep_ == "nsubj" and _happening(c) for c in token.children):
        return False  # "an earthquake struck the coast", "a storm hit the city": a happening acts for no one
    if row.kind == ACCIDENT_KIND and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and not _conveyed(c, actor) for c in token.children):
        return False  # "shares crashed by 40 percent", "the website crashed": no vehicle, no one at its wheel
    if row.plover in VIOLENT_TYPES and _vehicle_blew_up(token):
        return True  # "the shuttle exploded": the vehicle's accident (`find_triggers`), though no actor's doing
    if row.kind == RELEASE_KIND and any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in weapon_nouns()
                                        for c in token.children):
        return False  # "launched a missile": a weapon fired, no product released
    if row.kind == "Protest" and any(c.dep_ == "nsubj" and c.lemma_.lower() in _struck_by() for c in token.children):
        return False  # "shells struck a market", "two rockets struck the base": a weapon or a craft strikes, no one goes
        # on strike
    if row.kind == AGREEMENT_KIND and any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in opinion_nouns()
                                          for c in token.children):
        return False  # "offered a gloomier view", "a contrary view is offered by NAME": an opinion said, no pledge
    if row.kind == AGREEMENT_KIND and any(o.lemma_.lower() in wrongdoing_nouns() for o in _done_things(token)):
        return False  # "soldiers committed war crimes", "atrocities committed by the army", "crimes committed abroad":
        # a wrong perpetrated (kg/data/wrongdoing_nouns.jsonl), no pledge
    if row.plover == "CONSULT" and _talked_alone_about(token):
        return False  # "he talked about the transition": a speaker on a topic, no talks
    if row.kind == RANKED_KIND and _ranked(token):
        return False  # "was named best actor", "named the best young player": an honour, no office
    # "called Rahmon": someone is called; "airlifted supplies to victims" names whom it acts on in a preposition
    calls = row.patient and row.plover in cooperative() and "obj" in row.args
    # "sacked Braverman", "will replace Dlamini-Zuma": an office changes hands between people ("dismissed the claims",
    # "replaced the typewriter" name no one)
    office = row.patient and row.kind in OFFICE_KINDS
    people = calls or office or row.plover in plover_types("object", "person")
    if not (row.derived or people or row.plover in patient_types()):
        return True
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects and not _own_patient(token) and (inherited := _inherited_subject(token)) is not None and inherited.dep_ == "nsubj":
        subjects = [inherited]  # "the jetliner crashed, killing all on board": the jetliner kills
    if token.dep_ == "relcl" and armed is not None and armed(token.head):  # "Russia, which invaded Ukraine": the pronoun
        # stands for the state or armed group its clause hangs on ("a magazine, which attacked defectors" stays unread)
        subjects = [token.head if s.tag_ in {"WDT", "WP"} else s for s in subjects]
    if not all(actor(s, strict=True) or _conflict_noun(s) for s in subjects):
        return False
    doers = subjects + _agents(token)
    if row.patient and not _bare_passive(token) and not any(c.dep_ in {"dobj", "nsubjpass"} or c.dep_ == "prep" and c.lower_ in row.args
                                                        for c in token.children):
        return False  # "determine whether ...", "the president retired": a synonym read alone acts on someone
    if not people and armed is not None and any(armed(d) for d in doers):
        return True  # "troops shelled positions", "the convoy was attacked by rebels": an armed actor's act
    if row.plover in patient_types() & conflictual() and _striving(token, row):
        return False  # "has been fighting to raise production", "shot to fame": a goal, no one fought or shot
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    if datives := _noun_datives(token):
        objects = [o for o in objects if o.dep_ != "dobj"] + datives  # "fined Microsoft 899 million euros": who is fined
    elif any(o.dep_ == "nsubjpass" for o in objects):  # "was fined 2 million euros": the passive's subject is who is
        objects = [o for o in objects if o.dep_ != "dobj" or not _amount_of_things(o)]  # fined, the sum what is paid
    if _bare_passive(token) and (shared := _inherited_subject(token)) is not None:
        objects.append(shared)  # "resigned and was succeeded by Barclay": who resigned is succeeded
    objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "against" for g in c.children if g.dep_ == "pobj"]
    if token.dep_ in {"acl", "relcl"} and token.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in token.children):
        objects += [token.head] if token.dep_ in {"acl", "relcl"} else []  # "a system, to be released in 2011"
    if calls and any(_triggers_for(o) for o in objects):
        return False  # "called a meeting of the cabinet", "called a strike": an event is called, not someone
    if row.patient and not objects:  # "Kenya wrestled with the debt": the one acted on is in a preposition, or no one
        return any(actor(g, people) for c in token.children if c.dep_ == "prep" and c.lower_ in row.args
                   for g in c.children if g.dep_ == "pobj")
    # "attacking Apple's lead", "fighting the market share of Nokia": no one fights an abstract thing an actor owns
    violent = row.plover in VIOLENT_TYPES
    return all((actor(o, people) or _described_defendant(o, row))
               and not (violent and o.pos_ == "NOUN" and o.lemma_.lower() in abstract_nouns()) for o in objects)


RANKED_KIND = "Appointment"
PREDICATE_DEPS = {"oprd", "attr", "xcomp"}


def _ranked(verb: Token) -> bool:
    """'Banderas was named best actor', 'Mbappé was named the best young player', 'the league named him its most
    valuable player': what someone is named as is ranked above others (a superlative, Penn tag JJS or 'most' RBS), an
    honour or a prize and no post ('was named the new finance minister', 'named him chief executive' are posts)."""
    return any(c.dep_ in PREDICATE_DEPS and c.pos_ == "NOUN" and any(
        m.dep_ == "amod" and (m.tag_ == "JJS" or any(a.tag_ == "RBS" for a in m.children)) for m in c.children)
        for c in verb.children)


@lru_cache(maxsize=1)
def _struck_by() -> frozenset[str]:
    """Things that strike without going on strike: the WordNet weapon, vehicle and craft nouns ('shell', 'rocket')."""
    from kg.gazetteer import craft_nouns, vehicle_nouns

    return weapon_nouns() | vehicle_nouns() | craft_nouns()


def _done_things(verb: Token) -> list[Token]:
    """What a verb is done to: its direct object, its passive subject, or the noun a participle hangs on ('crimes
    committed abroad')."""
    things = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(c.dep_ in {"aux", "auxpass", "nsubj", "mark"} for c in verb.children):
        things += [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]  # "to try crimes against humanity
        # committed abroad": the parser hangs the participle on the verb whose object it describes
    return things + ([verb.head] if verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBN" else [])


def _described_defendant(noun: Token, row: Trigger) -> bool:
    """'A former head of finance at Cork City Council was sentenced': the subject of a legal act in the passive that
    describes a person ('a' or 'an' before a noun for people) is someone it is done to, named later (`legal_leads`)."""
    return (noun.dep_ == "nsubjpass" and CASE_KIND in lineage(row.kind) and noun.lemma_.lower() in _person_nouns()
            and any(d.dep_ == "det" and d.lower_ in LEAD_DETS for d in noun.children))


def _noun_datives(verb: Token) -> list[Token]:
    """The first of two objects ('fined Microsoft 899 million euros', 'gave Ukraine weapons'): whom the act is done to
    or for, the second being what is paid or given; a name the parser hangs on the sum as its modifier ('fined Orbis
    Bank 2 million pounds', Bank an nmod of pounds) is that first object."""
    return [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"] + [
        g for c in verb.children if c.dep_ == "dobj" and _amount_of_things(c)
        for g in c.children if g.dep_ == "nmod" and g.pos_ == "PROPN" and g.i < c.i]


def _striving(verb: Token, row: Trigger) -> bool:
    """A verb of force used for effort or sudden rise: no one it acts on (no object, no passive subject, no
    preposition of its own arguments) and a goal, an infinitive or a 'to' phrase ('Boeing has been fighting to win
    back trust', 'battled to save the injured'; an assault verb's 'to' and a bare goal, `_bare_goal`: 'shot to fame'; a
    fight's 'to' phrase stays, where its doer went). An armed doer's fight to a goal is read before this."""
    children = [(c, c.dep_) for c in verb.children]
    if any(dep in {"dobj", "nsubjpass", "auxpass"} or dep == "prep" and c.lower_ in row.args for c, dep in children):
        return False
    return any(dep in {"xcomp", "advcl"} and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
               or row.plover == "ASSAULT" and dep == "prep" and c.lower_ == "to"
               and any(_bare_goal(g) for g in c.children if g.dep_ == "pobj")
               for c, dep in children)


def _bare_goal(noun: Token) -> bool:
    """A bare common noun with no determiner and no name in it, the state reached: 'to fame', 'to prominence', 'to
    victory' (not 'to the outskirts of the city', 'to Kyiv'; not an event of the lexicon, the act's own end: 'shot to
    death')."""
    return (noun.pos_ == "NOUN" and not noun.ent_type_ and not lexicon().get((noun.lemma_.lower(), "NOUN"))
            and not any(c.dep_ in {"det", "poss", "nummod", "compound"} for c in noun.children))


def _vehicle_blew_up(verb: Token) -> bool:
    """'A fuel tanker exploded near Kumasi, killing all seven aboard', 'a gas truck overturned and exploded', 'the space
    shuttle Columbia exploded': a verb of violence with no one it acts on, whose subject (its own, or that of the verb
    it is joined to) is a vehicle (kg/data/vehicle_nouns.jsonl, the noun or the compound before a name), is an accident
    of that vehicle, no one's attack ('a car bomb exploded', 'a bomb exploded on a bus': a weapon, an attack)."""
    if any(c.dep_ in {"dobj", "nsubjpass", "agent"} for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if not subjects and first.dep_ == "acl" and first.tag_ == "VBN":
        subjects = [first.head]  # "a gas truck overturned and exploded": the parser hangs the verbs on the noun
    elif not subjects and first is not verb:
        subjects = [c for c in first.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(_vehicle_noun(s) for s in subjects)


def _vehicle_noun(noun: Token) -> bool:
    """'the tanker', 'a passenger bus', 'the space shuttle Columbia' (a name headed by a vehicle noun's compound)."""
    if noun.pos_ == "PROPN":
        return any(c.dep_ == "compound" and c.i < noun.i and c.lemma_.lower() in vehicle_nouns() for c in noun.children)
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in vehicle_nouns()


def _conveyed(noun: Token, actor: Callable[..., bool]) -> bool:
    """A subject that can crash: a vehicle (kg/data/vehicle_nouns.jsonl: 'the bus', 'a military jet'), or someone at
    its controls ('the pilot crashed the plane'); not a price or a market ('shares crashed', 'the market crashed')."""
    return bool({noun.lemma_.lower(), noun.lower_} & word_union(vehicle_nouns(), _person_nouns())) or actor(noun, strict=True)


def _happening(noun: Token) -> bool:
    """A noun of a happening the lexicon reports without an actor ('earthquake', 'crash', 'stampede'), or the name of
    one, headed by such a noun ('Typhoon Bopha', 'Hurricane Katrina')."""
    if noun.pos_ == "PROPN":
        return any(c.dep_ == "compound" and c.i < noun.i and any(t.actorless for t in lexicon().get((c.lemma_.lower(), "NOUN"), ()))
                   for c in noun.children)
    return noun.pos_ == "NOUN" and any(t.actorless for t in _triggers_for(noun))


def _counted_of(noun: Token) -> list[Token]:
    """'dozens of shells', 'a barrage of rockets', 'hundreds of protesters': the objects of the 'of' after a count or a
    container noun ('a package of sanctions'), which say what there is that much of."""
    if not (noun.ent_type_ == "CARDINAL" or noun.lemma_.lower() in CONTAINER_NOUNS or any(n.dep_ == "nummod" for n in noun.children)):
        return []
    return [p for o in noun.children if o.dep_ == "prep" and o.lower_ == "of" for p in o.children if p.dep_ == "pobj"]


def _conflict_noun(token: Token) -> bool:
    """'a roadside bombing killed ...': an event noun of a conflict type acts through its own actors."""
    return token.pos_ == "NOUN" and any(t.plover in conflictual() for t in _triggers_for(token))


def _agents(verb: Token) -> list[Token]:
    """The names a passive's 'by' phrase gives as doers ('was attacked by rebels')."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _stranded_agents(token: Token) -> list[Token]:
    """'the invasion of Ukraine by Russia', 'the ban on gas imports by the EU': the parser hangs the 'by' phrase of an
    event noun on the object of its 'of' or 'on'; it names the noun's doer."""
    return [a for c in token.children if c.dep_ == "prep" and c.lower_ in {"of", "on"}
            for g in c.children if g.dep_ == "pobj"
            for b in g.children if b.dep_ in {"prep", "agent"} and b.lower_ == "by" for a in b.children if a.dep_ == "pobj"]


def _noun_agents(noun: Token, own_by: bool = True) -> list[Token]:
    """Who does what an event noun names, by its 'by' phrase: 'the acquisition of X by Y', 'the ban on TikTok by India';
    without `own_by`, only a 'by' phrase the parser hung elsewhere (the noun's own is then read as one of its slots)."""
    return _stranded_agents(noun) + _misattached_agents(noun) + ([
        g for c in noun.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
        if own_by else [])


def _misattached_agents(noun: Token) -> list[Token]:
    """'Turkey condemned the invasion of Ukraine by Russia': the parser hangs the 'by' phrase just after an event noun
    on the active verb whose object the noun is; an active verb with a subject of its own has no 'by' agent, so the
    phrase names the noun's doer (not 'responded by closing its borders', a means)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in {"VERB", "AUX"} or any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) \
            or not any(c.dep_ in SUBJ_DEPS for c in verb.children):
        return []
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" and c.i == noun.right_edge.i + 1
            for g in c.children if g.dep_ == "pobj" and g.pos_ in {"PROPN", "NOUN"}]


def _stranded_apposition(ctx: Context, verb: Token) -> list[Token]:
    """'Police arrested the master of the ship, Andriy Kovalenko, a Ukrainian citizen', 'detained the driver of the
    lorry, Jan Novak, near the border': a person's name set off by a comma right after the verb's object phrase, which
    the parser hangs on the verb (npadvmod), is apposed to the object and names it."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    ends = {o.right_edge.i for o in verb.children if o.dep_ == "dobj" and o.pos_ == "NOUN"}
    out = []
    for child in verb.children:
        if child.dep_ != "npadvmod" or child.pos_ != "PROPN" or (m := ctx.mention(child)) is None or m.type != "Person":
            continue
        first = next(t for t in child.subtree if not t.is_punct)
        if first.i >= 2 and ctx.doc[first.i - 1].text == "," and first.i - 2 in ends:
            out.append(child)
    return out


def _stranded_passive_agent(ctx: Context, verb: Token) -> list[Token]:
    """'the religion was banned from conducting public worship at archeological sites by the Greek Ministry of Culture':
    the parser hangs a passive's 'by' phrase, at the end of its clause, on the last noun before it; when that noun is
    neither an event nor an actor and the phrase names one, the phrase is the passive's agent."""
    if verb.pos_ != "VERB" or verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children) or _agents(verb):
        return []
    for by in (t for t in verb.subtree if t.lower_ == "by" and t.dep_ == "prep" and t.i > verb.i):
        noun, end = by.head, by.right_edge.i + 1
        if (noun.pos_ != "NOUN" or noun.dep_ != "pobj" or _triggers_for(noun) or ctx.is_actor(noun)
                or (end < len(verb.doc) and not verb.doc[end].is_punct) or end > verb.right_edge.i + 1):
            continue
        path, node = [], noun
        while node.i != verb.i and node.dep_ in {"pobj", "prep", "pcomp", "dobj"}:
            path.append(node)
            node = node.head
        named = [g for g in by.children if g.dep_ == "pobj" and (m := ctx.mention(g)) is not None and m.type != "Place"]
        if node.i == verb.i and named:
            return named
    return []


TOPIC_PREPS = {"on", "over", "about", "for", "toward", "towards"}  # "talks on a trade agreement"


def _topic_of_talks(noun: Token, trigger: Trigger) -> bool:
    """'paused negotiations on a trade agreement', 'talks over a ceasefire deal': an agreement that talks are about is
    not yet made; the talks are the event, the agreement their subject."""
    if noun.pos_ != "NOUN" or "Agreement" not in lineage(trigger.kind) or noun.dep_ != "pobj":
        return False
    prep, talks = noun.head, noun.head.head
    return (prep.lower_ in TOPIC_PREPS and talks.pos_ == "NOUN"
            and any(family(row.kind) == "meeting" for row in _triggers_for(talks)))


def _demanded_in_modifier(noun: Token) -> bool:
    """'crowds demanding free elections', 'protesters calling for a ceasefire': what a participle on a noun demands has
    not happened; the participle is a modifier, no event (`find_triggers`), and its object none either."""
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" else None
    if noun.pos_ != "NOUN" or verb is None or verb.pos_ != "VERB" or verb.dep_ not in {"acl", "amod"}:
        return False
    row = _choose(verb)
    return row is not None and row.kind in {"Demand", "Appeal"}


def _nominal_holds(ctx: Context, token: Token, trigger: Trigger) -> bool:
    """An event noun made from a verb names its actor or target: "Israel's raid", "the ban on opposition parties", or
    whom it acts on in a preposition the verb gives a target ("the withdrawal of troops from Lebanon"; the parser may
    hang it on the noun's of-object: "the withdrawal of some forces from Panama"); or an actor orders it ("Thailand
    ordered the closure of the border": `_ordered`)."""
    if any(ctx.is_actor(a) for a in _stranded_agents(token)):
        return True
    if (order := _ordering_verb(token)) is not None and any(
            ctx.is_actor(c) for c in (*_agents(order), *order.children) if c.dep_ in SUBJ_DEPS | {"pobj"}):
        return True
    if trigger.plover in plover_types("object", "person") | plover_types("object", "force") and any(
            ctx.is_actor(g, True) for g in _of_objects(token)):
        return True  # "the release of 400 prisoners", "the deployment of 3,000 troops"
    markers = NOMINAL_MARKERS | {p for p, role in trigger.args.items() if role == "target" and p in TARGET_PREPS}
    heads = [token, *_of_objects(token)]
    for c in token.children:
        if c.dep_ in {"poss", "compound", "amod", "nmod"} and ctx.is_actor(c):
            return True
    return any(c.dep_ == "prep" and c.lower_ in markers and any(ctx.is_actor(g) for g in c.children if g.dep_ == "pobj")
               for head in heads for c in head.children)


NOMINAL_MARKERS = {"on", "against", "by"}  # not "of": "a force of 55,000 employees" says what it is made of


def _misread_finite(token: Token) -> bool:
    """"..., and Slovakia's foreign minister, Juraj Blanar, called for ...": a verb in the past tense right after the
    comma closing an apposition, which the parser hangs on the apposed noun as a modifier, is that noun's own verb; so
    is a verb split at its hyphen whose first half the parser made the clause's verb ('Biya, who was re-elected in
    2018': 're' with the relative clause's subject and auxiliary, 'elected' a modifier of the name)."""
    first = hyphen_first(token) if token.dep_ == "acl" else None
    if first is not None:
        return first.head.i == token.head.i and any(c.dep_ in SUBJ_DEPS | {"aux", "auxpass"} for c in first.children)
    if (token.dep_ == "acl" and token.tag_ in {"VBD", "VBN"} and token.head.pos_ == "NOUN" and any(c.dep_ == "dobj" for c in token.children)
            and not any(a.pos_ in {"VERB", "AUX"} for a in token.head.ancestors)):
        return True  # "Mexico's ruling Morena party elected Senator Andrea Chávez as its president": a sentence with no
        # verb but the one the parser hung on its subject noun (under a dateline too); with an object, it is the sentence's own
    return (token.tag_ == "VBD" and token.dep_ == "acl" and token.i > 0 and token.doc[token.i - 1].text == ","
            and any(c.dep_ == "appos" and c.i < token.i for c in token.head.children))


def _misread_happening(token: Token, trigger: Trigger) -> bool:
    """'A lorry overturned on the motorway near Lyon', 'The bus overturned after its brakes failed': the parser reads
    a sentence whose only verb says what befell its subject as a noun with a participle; for a row of a happening
    with no actor and no object, restricted to such subjects (a vehicle overturns, a boat sinks), with nothing done
    to the noun by anyone ('a bus overturned by protesters') and no verb above it, the participle is the sentence's
    verb."""
    head = token.head
    return (token.dep_ == "acl" and token.tag_ in {"VBD", "VBN"} and trigger.actorless and trigger.intransitive
            and head.pos_ == "NOUN" and head.lemma_.lower() in trigger.subj
            and not any(c.dep_ in {"dobj", "agent", "auxpass"} for c in token.children)
            and not any(a.pos_ in {"VERB", "AUX"} for a in head.ancestors))


def _text_verb(token: Token) -> Token | None:
    """'signed a decree recognising Crimea as a sovereign state', 'vetoed a bill banning the party': a participle
    clause on a written text (a WordNet legal document, kg/data/document_nouns.jsonl) that is the object of a verb
    says what the text does; the verb that signs, adopts or rejects it (returned) says whether it was done and by
    whom (`absorb`). Not when the participle's own object
    is the act ('adopted a resolution tightening sanctions': `_enacted_by`)."""
    text = token.head
    if token.dep_ == "advcl" and token.i and token.doc[token.i - 1].dep_ == "dobj" and token.doc[token.i - 1].head.i == text.i:
        text = token.doc[token.i - 1]  # "signed a decree pardoning X": the parser may hang the participle on the verb
    elif token.dep_ != "acl":
        return None
    if token.tag_ != "VBG" or text.dep_ != "dobj" or text.head.pos_ != "VERB" or text.lemma_.lower() not in document_nouns():
        return None
    if any(c.dep_ == "dobj" and _triggers_for(c) for c in token.children):
        return None
    return text.head


def _speech_act(token: Token) -> bool:
    """'a declaration demanding that ...': the participle says what the statement does."""
    return token.tag_ == "VBG" and token.dep_ == "acl" and any(t.kind == "Statement" for t in _triggers_for(token.head))


HABIT_ADVERBS = {"long", "always"}  # "has long opposed", "has always denied": a stance held, not an act done


def _background(ctx: Context, token: Token) -> bool:
    """'Zourabichvili, who has broken with the ruling party, vowed ...': a relative clause in the present perfect with
    no time of its own describes the person; it reports no event. So does one in the simple present ('Pena, who
    denies wrongdoing, filed ...', 'Rashnikov, whose company supplies armour ...'), and a stance held over time ('North
    Korea has long rejected the resolutions', 'Moscow has always opposed sanctions')."""
    if token.pos_ == "NOUN" and token.dep_ == "dobj":
        return _background(ctx, token.head)  # "Moscow has always opposed sanctions on Iran": no sanctions reported
    if token.i in ctx.times or token.pos_ not in {"VERB", "AUX"}:
        return False
    if any(c.dep_ == "advmod" and c.lower_ in HABIT_ADVERBS and c.i < token.i for c in token.children):
        return True
    if token.dep_ != "relcl" or not any(c.dep_ == "punct" and c.text == "," for c in token.head.children if c.i < token.i):
        return False
    perfect = token.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in token.children)
    present = token.tag_ in {"VBZ", "VBP"}
    return perfect or present


def _reason(token: Token) -> bool:
    """'sanctioned a refinery for buying Iranian crude', 'won the prize for ending a border war', 'arrested two men for
    attacking a police station': the act a 'for'-gerund gives as the reason is the charge or the merit, undated and
    not reported as news (nor the event noun it governs); what a verb of speech is 'for' ('blamed X for attacking',
    'called for holding talks') is read with the statement."""
    if token.pos_ == "NOUN" and token.dep_ == "dobj":
        token = token.head
    if token.tag_ != "VBG" or token.dep_ != "pcomp" or token.head.lower_ != "for":
        return False
    verb = token.head.head
    return verb.pos_ in {"VERB", "AUX"} and ((sense := _choose(verb)) is None or family(sense.kind) != "statement")


def _mandated(token: Token) -> bool:
    """'demanded that Russia withdraw its troops', 'a recommendation that the Air Force re-open the competition',
    'proposed that both sides resume talks': a base-form verb with its own subject and no auxiliary (the mandative
    subjunctive) says what someone wants done, not what was done (nor the event noun it governs, nor a verb
    coordinated with it): after 'that', a noun or a verb of speech; 'helped Iran sell oil', 'let them leave' are no
    wish."""
    if token.pos_ == "NOUN" and token.dep_ == "dobj":
        token = token.head
    if token.tag_ != "VB":
        return False
    token = _first_conjunct(token)  # "that the Air Force re-open the competition and allow ...": both wanted
    wanted = (any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children) or token.head.pos_ == "NOUN"
              or (sense := _choose(token.head)) is not None and family(sense.kind) == "statement")
    return (wanted and token.tag_ == "VB" and token.dep_ in {"ccomp", "acl"}
            and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
            and not any(c.dep_ in {"aux", "auxpass"} for c in token.children))


PRESS_WORDS = {"news", "press", "media"}  # 'a news conference', 'a press briefing', 'a media session'


def _for_the_press(noun: Token, row: Trigger) -> bool:
    """'said ... at a news conference', 'told a press conference': a meeting noun of the press is where someone speaks
    to journalists, no meeting between parties (what is said there is the statement); a joint one, or one with
    someone ('at a joint press conference', 'at a news conference with Macron'), follows a meeting and stays one."""
    return (noun.pos_ == "NOUN" and row.kind == "Meeting"
            and any(c.dep_ in {"compound", "amod"} and c.lower_ in PRESS_WORDS for c in noun.children)
            and not any(c.lower_ in {"joint", "with"} for c in noun.children))


TREND_VERBS = {"increase", "grow", "rise", "fall", "decline", "drop", "decrease", "double", "triple", "surge", "soar",
               "intensify", "escalate", "mount"}  # "attacks on civilians have increased": a count that changes
FREQUENCY_WORDS = {"daily", "weekly", "monthly", "annual", "yearly", "regular", "frequent", "routine", "periodic"}


def _generic(noun: Token) -> bool:
    """'Attacks on civilians have increased', 'will hold twice-daily news conferences', 'holds weekly meetings': a
    plural event noun whose number changes, or that recurs at a rate, names a kind of act, not one that happened; so
    does one counted ('has seen four successful coups since 1974', 'has claimed several attacks since 2016', 'has
    enough votes to override the veto'): a tally of acts, none of them told (`_counted`)."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return False
    if noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.lemma_.lower() in TREND_VERBS:
        return True
    if _counted(noun):
        return True
    return any(c.dep_ in {"amod", "compound"} and c.lower_ in FREQUENCY_WORDS
               for node in (noun, *(c for c in noun.children if c.dep_ == "compound")) for c in node.children)


COUNT_WORDS = {"several", "many", "numerous", "multiple", "enough", "countless", "various", "few"}  # quantifiers
ONE_WORDS = {"one", "1"}


def _counted(noun: Token) -> bool:
    """'has seen four successful coups', 'has claimed several attacks', 'has enough votes': a plural noun with a count or
    a quantifier of its own (not a year, 'the 2014 protests'; not the count of something else, 'three days of
    protests'), object of a verb in the present or the present perfect with no time but 'since', is a tally kept
    ('intends to hold two referendums', 'has staged two coups in 2022', 'killed in two attacks on Monday' tell acts
    to come or done)."""
    if not any(c.dep_ in {"amod", "det", "nummod"} and c.lower_ in COUNT_WORDS
               or c.dep_ == "nummod" and c.like_num and c.lower_ not in ONE_WORDS and c.ent_type_ not in {"DATE", "TIME"}
               for c in noun.children):
        return False
    verb = noun.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "four coups and many attempted ones"
    if noun.dep_ not in {"dobj", "conj"} or verb.pos_ not in {"VERB", "AUX"}:
        return False
    preps = [c for node in (verb, noun) for c in node.children if c.dep_ == "prep"]
    if not any(c.lower_ == "since" for c in preps) and any(_dating(c) for c in preps):
        return False  # "has staged two coups in 2022": acts of a time told, not a tally up to now ("since
        # independence in 1974", the year parsed on the verb, still counts up to now)
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return perfect or verb.tag_ in {"VBZ", "VBP"}


def _first_conjunct(token: Token) -> Token:
    """The verb a coordinated verb shares its place with: 'agreed to extend the truce and (to) withdraw heavy
    weapons' -> 'extend'."""
    while token.dep_ == "conj" and token.head.pos_ in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    return token


def _object_conjunct(token: Token) -> Token:
    """The first of coordinated nouns: 'stopped production and sales' -> 'production'."""
    while token.dep_ == "conj" and token.head.pos_ in {"NOUN", "PROPN"}:
        token = token.head
    return token


def _infinitival(token: Token) -> bool:
    """'agreed to resume talks', 'pressure to reboot', 'agreed to extend the truce and to withdraw weapons': the
    content of another verb, not an event of its own (a coordinated infinitive is content as its first one is, and
    so is a gerund an infinitive governs: 'urged them to stop fighting')."""
    first = _first_conjunct(token)
    # 'a candidate to succeed Ballmer': the parser reads an infinitive on a noun as a relative clause too
    if token.pos_ not in {"VERB", "AUX"} or first.dep_ not in {"xcomp", "advcl", "acl", "ccomp", "relcl"}:
        return False
    if first.tag_ == "VBG" and first.dep_ == "xcomp" and first.head.pos_ in {"VERB", "AUX"} and _infinitival(first.head):
        return True  # "called on both governments to stop shooting", "agreed to stop fighting": the gerund an
        # infinitive governs is content as the infinitive is
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for node in {token, first} for c in node.children):
        return False
    token = first
    head = token.head.lemma_.lower()
    if head in INTENT_HEADS and _choose(token.head) is None:
        return False  # "is willing to withdraw", "plans to visit": an intention, kept as a planned event ("plan" is an
        # event of its own only with an object a CAMEO pattern names: "planned joint military operations")
    if _scheduled(token) or head in PLANNED_OCCURRENCE:
        return False  # "Mandela is to visit Britain", "is scheduled to meet", "is set to sign": a planned event
    if _compelled(token.head):
        return False  # "was forced to resign": the resignation happened
    if head in DECISION_VERBS:
        return False  # "the Senate voted to remove him": the vote enacts the act
    if head in CAUSATIVE_VERBS and any(c.dep_ == "dobj" for c in token.head.children):
        return False  # "prompting Apple Corps to file suit", "forced the minister to resign": the act happened
    return head not in MOTION_VERBS | ASPECT_VERBS


def _scheduled(token: Token) -> bool:
    """'Mandela is to visit Britain', 'the ministers are to meet': 'be to' + verb, the news form of an act planned by
    someone (not 'the aim is to visit': the subject names an actor, a name or an actor noun); in a headline, without
    its 'is' (`_headline_infinitive`)."""
    if _headline_infinitive(token):
        return True
    if token.dep_ != "xcomp" or token.head.lemma_ != "be" or token.head.pos_ != "AUX":
        return False
    subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(s.pos_ == "PROPN" or s.lower_ in PERSON_PRONOUNS or s.lemma_.lower() in actor_nouns()
                                  for s in subjects)


def _headline_infinitive(token: Token) -> bool:
    """'Kenya to send police to Haiti, president says': a headline drops the 'is' of 'is to', leaving an infinitive
    with a named subject of its own (not 'for Kenya to send', whose subject a preposition introduces)."""
    return (_to_infinitive(token)
            and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in token.children)
            and not any(c.dep_ == "mark" for c in token.children))


COMPULSION_VERBS = {"force", "compel", "oblige", "pressure", "pressurize", "pressurise"}
ORDER_VERBS = {"order", "authorize", "authorise", "decree"}  # "ordered the evacuation of": who orders it does it
# "the unions called a general strike", "called a meeting", "called snap elections": WordNet 3.0 data.verb 02429810
# (call: 'call a meeting; invite or command to meet'), who calls the act holds it, as with ORDER_VERBS
CONVENE_VERBS = {"call"}
UNDOING_KINDS = {"Retreat", "Cancellation", "Concession"}  # a verb that ends or withdraws what its object names
ANNOUNCE_VERBS = {"announce", "confirm", "agree"}  # "announced his resignation", "agreed sanctions": who announces an act does it
PROMISE_VERBS = {"promise"}  # "Cisco promised a compatible release": an act CAMEO does not code (its intent row is for those it does)
CAUSATIVE_VERBS = {"prompt", "lead", "cause", "spur", "drive", "force", "compel"}  # X VERBed Y to act: Y acted


def _compelled(token: Token) -> bool:
    """'X was forced to resign' with no one named who forced him: the act is X's, the compulsion no event of its own."""
    return (token.lemma_.lower() in COMPULSION_VERBS and any(c.dep_ == "auxpass" for c in token.children)
            and not any(c.dep_ == "agent" for c in token.children) and any(c.dep_ == "xcomp" for c in token.children))


DENIAL_HEADS = {"deny", "refute"}


def _denied(token: Token) -> bool:
    """'denied attacking the hospital', 'denied that it had attacked': what is denied is not reported as having happened."""
    node = token
    for _ in range(2):
        if node.dep_ not in {"xcomp", "ccomp", "pcomp", "pobj", "prep"} or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in DENIAL_HEADS:
            return True
    return False


def hypothetical(token: Token) -> bool:
    """'whether Belgrade should recognize', 'if they could meet', 'if the talks fail': not something that happened.
    An event noun is hypothetical in a condition or judged ahead (`_judged_ahead`); a speaker's own conditional act is
    not (`_conditional_act`)."""
    if token.pos_ == "NOUN":
        return _in_condition(token) or _judged_ahead(token)
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    shared = token.tag_ == "VB" and not any(c.dep_ in {"aux", "auxpass"} for c in token.children)  # 'may dissolve it and
    verb = _first_conjunct(token) if shared else token  # call elections': a bare verb in coordination shares the first one's modal
    modal = any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in verb.children) and not _conditional_act(verb)
    conditional = any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in token.children)
    return modal or conditional or _counterfactual(token)


def _counterfactual(verb: Token) -> bool:
    """'a draft that would have cut oil exports', 'the plan would have banned all deliveries': 'would have' and a
    participle says what did not happen ('would be held', 'will have finished' stay)."""
    aux = [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return verb.tag_ == "VBN" and "would" in aux and "have" in aux


def _judged_ahead(noun: Token) -> bool:
    """'the withdrawal of Eritrean forces would be the hardest test of the truce', 'a ceasefire will be difficult': an
    event noun judged in a clause to come ('will/would/could be' and a complement) is talked of, not reported ('the
    vote will be on Sunday', 'the talks were a success', 'the summit will be held in Delhi' stay)."""
    verb = noun.head
    if noun.dep_ == "nsubj" and any(c.dep_ == "acomp" and c.lower_ in likelihood_adjectives() for c in verb.children):
        return True  # "an arrest was unlikely", "a ceasefire looks possible": its chances judged, in any tense
        # (kg/data/likelihood_adjectives.jsonl)
    return (noun.dep_ == "nsubj" and verb.lemma_ == "be"
            and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX for c in verb.children)
            and any(c.dep_ in {"attr", "acomp"} for c in verb.children))


TERMS_PREPS = {"under"}  # "under the deal, X will ...": what the deal provides


def _agreement_term(token: Token) -> bool:
    """'Under the deal, Tigrayan fighters will disarm within 30 days, and the army will take control of federal
    facilities': what an agreement provides for is its content, not an event of its own (a term to come: a verb with
    'will'/'would', under an agreement noun)."""
    if token.pos_ not in {"VERB", "AUX"} or not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in token.children):
        return False
    first = _first_conjunct(token)
    return any(g.dep_ == "pobj" and any("Agreement" in lineage(row.kind) for row in _triggers_for(g))
               for c in first.children if c.dep_ == "prep" and c.lower_ in TERMS_PREPS for g in c.children)


DEAL_KIND = "Deal"


def _held_deal(noun: Token, trigger: Trigger) -> bool:
    """'Qatar Airways has an order for two A380s', 'Ryanair has a contract with Boeing': an order or contract that an
    actor has (the object of 'have' as a verb of its own) is one it holds, no deal made in the report ('placed an
    order', 'signed a contract', 'the order was announced on Monday' are)."""
    return (noun.pos_ == "NOUN" and trigger.kind == DEAL_KIND and noun.dep_ == "dobj" and noun.head.lemma_.lower() == "have"
            and noun.head.pos_ == "VERB")


CONDITION_MARKS = {"whether", "if", "unless"}
CONDITIONAL_MODALS = {"could", "may", "might"}


def _in_condition(noun: Token) -> bool:
    """'if the talks fail', 'unless the attacks stop': the clause an event noun belongs to is a condition."""
    node = noun
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children)
    return False


def _conditional_act(token: Token) -> bool:
    """'Iraq said it could attack Kuwait if the talks failed': what a speaker says they could do on a condition is an
    announced intent, a threat or a promise (its subject a pronoun standing for the speaker: `_reported_speaker`)."""
    return (any(c.dep_ == "aux" and c.lower_ in CONDITIONAL_MODALS for c in token.children)
            and any(_reported_speaker(c) is not None for c in token.children if c.dep_ in {"nsubj", "nsubjpass"})
            and any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
                    for c in token.children))


# Phoenix agents' sectors whose force is no state's military force (FIGHT, CAMEO 19): unidentified armed forces
# (militants, gunmen, militias) attack (ASSAULT, CAMEO 18); the opposition (protesters, rioters, activists) riots (CAMEO 145)
FORCE_BY_SECTOR = {"UAF": ("Attack", "180", "ASSAULT"), "OPP": ("Protest", "145", "PROTEST")}


def _force_of(token: Token) -> tuple[str, str, str] | None:
    """The event class, CAMEO code and PLOVER type of an armed act by its doers' sector, when they all share one: 'militants
    stormed a police station' is an assault, 'protesters stormed parliament' a riot, 'troops stormed' stays a fight."""
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    doers += _agents(token)
    sectors = {agent_sectors().get(d.lemma_.lower()) for d in doers}
    sector = sectors.pop() if len(sectors) == 1 else None
    if sector == "UAF" and not any(c.dep_ in {"dobj", "agent"} for c in token.children):
        return None  # "fighters fought against IS", "clashed with the army": combat between forces, not an attack on X
    return FORCE_BY_SECTOR.get(sector)


PERSONAL_PRONOUNS = {"he", "she", "him", "her", "i", "you", "we"}


def _bodies(ctx: Context, verb: Token) -> bool:
    """'Finland became a member of NATO', 'ASEAN admitted East Timor as a member': a membership event is between
    states and organisations; 'Nathan Law becomes the youngest council member' is a person's seat (a role)."""
    members = [c for c in verb.children if c.dep_ in SUBJ_DEPS | {"dobj", "nsubjpass"}]
    if not any(c.dep_ in SUBJ_DEPS for c in members) and (inherited := _inherited_subject(verb)) is not None:
        members.append(inherited)  # "Law won a seat and becomes the youngest member"
    for c in members:
        m = ctx.mention(c)
        if c.lower_ in PERSONAL_PRONOUNS or m is not None and (m.type == "Person" or ctx.is_person_key(m.key)):
            return False
    return True


def find_triggers(ctx: Context) -> list[Draft]:
    """Every trigger outside quotations and time expressions."""
    from spacy.attrs import POS

    out = []
    for token in tokens_with(ctx.doc, POS, TRIGGER_TAGS):  # the verbs and nouns, over the Doc's array
        if ctx.in_quote(token.idx) or token.i in ctx.time_tokens or token.i in ctx.by_token:
            continue
        trigger = _choose(token, ctx.is_actor, ctx.is_armed)
        if trigger is None:
            continue
        if token.pos_ == "NOUN" and token.dep_ == "compound" and token.head.lemma_.lower() not in EFFORT_NOUNS:
            continue  # "war crimes", "summit venue": a modifier, not an event ("mediation effort" is one)
        if (token.pos_ == "NOUN" and token.dep_ == "dobj" and trigger.kind == "Coercion" and _ordered(token)
                and getattr(_choose(token.head, ctx.is_actor, ctx.is_armed), "kind", "") == "Ruling"):
            continue  # "the court ordered the seizure of his assets": the court's order is the ruling (ev-ruling-court),
            # the seizure what it rules, no act of force beside it ('The seizure was ordered by a court' names an act
            # told before, which it stays; 'ordered the arrest of NAME' keeps the arrest, a person's)
        if token.dep_ == "pobj" and _offer_verb(token.head.head) is not None:
            continue  # "will go on sale on May 3": a product offered (`_offered_products`), no sale agreed
        if (token.pos_ in {"VERB", "AUX"} and token.dep_ in {"amod", "acl", "compound"} and not _speech_act(token)
                and not _misread_finite(token) and _text_verb(token) is None and not _misread_happening(token, trigger)):
            continue  # "EU-backed talks", "a move rejected by Belgrade": a modifier, not an event
        if (_infinitival(token) or hypothetical(token) or _denied(token) or _compelled(token) or _background(ctx, token)
                or _agreement_term(token) or _reason(token) or _generic(token) or _mandated(token) or _for_the_press(token, trigger)
                or _held_deal(token, trigger)):
            continue
        if token.lemma_.lower() in LIGHT_VERBS and not trigger.obj and any(
                c.dep_ == "dobj" and (c.lemma_.lower() in EFFORT_NOUNS or _triggers_for(c)) for c in token.children):
            continue  # "launched a mediation effort", "launched an investigation": the noun is the event
        if trigger.obj and trigger.kind not in UNDOING_KINDS and any(
                c.dep_ in {"dobj", "nsubjpass"} and (sense := _choose(c)) is not None and sense.obj
                and not sense.derived and sense.plover != trigger.plover for c in token.children):
            continue  # "launched a hunger strike": the noun's modifier gives it a sense of its own, and it is the event
            # ('halted the joint exercises' ends that act: the halt is the event)
        if trigger.plover == "DEMAND" and token.lemma_.lower() in ORDER_VERBS and _orders_event(ctx, token):
            continue  # "ordered the evacuation of 23 villages": the evacuation is the event (`_ordered`); a court's
            # order stays a ruling
        if token.dep_ == "relcl" and (noun := _relative_noun(token)) is not None and _does_noun(token, noun) and \
                getattr(_ordering_verb(noun), "i", -1) == token.i:
            continue  # "the offensive, which was launched by Russia": the offensive is the event, its agent Russia
        if token.lemma_.lower() in ANNOUNCE_VERBS | PROMISE_VERBS and not (trigger.obj or trigger.pobj) and _orders_event(ctx, token):
            continue  # "announced his resignation", "agreed sanctions": the act announced is the event (`_ordered`)
        if token.lemma_.lower() in ASPECT_VERBS | DECISION_VERBS and any(c.dep_ == "xcomp" for c in token.children):
            continue  # "tried to secure", "voted to impeach": the attempt or decision of another act, not an event of its own
        if token.pos_ == "NOUN" and any(c.lower_ in ANAPHORIC_DETS - DEMONSTRATIVES for c in token.children if c.dep_ == "det"):
            continue  # "such talks" refers back; it is not a new event ("those talks": `refer_back`)
        if trigger.nominalized and not _nominal_holds(ctx, token, trigger):
            continue
        if _topic_of_talks(token, trigger) or _demanded_in_modifier(token):
            continue
        if trigger.bodies and not _bodies(ctx, token):
            continue
        if token.pos_ == "VERB" and token.i and getattr(_stranded_clause_verb(ctx.doc[token.i - 1]), "i", -1) == token.i:
            continue  # "after a magnitude 7.1 earthquake struck": the earthquake's doing, not the main subject's
        if trigger.kind in HAPPENING_KINDS and token.pos_ == "NOUN" and _figurative(ctx, token):
            continue  # "won in a landslide", "a storm of criticism": a figure of speech, no disaster
        if trigger.holder and token.pos_ in {"VERB", "AUX"} and any(
                c.dep_ in SUBJ_DEPS and (m := ctx.mention(c)) is not None and m.type in {"State", "Organization"} for c in token.children):
            continue  # "Brazil takes over the rotating G20 presidency": a body's turn in a chair, no person appointed
        if trigger.visitor and not _person_comes(ctx, token):
            continue  # "the first ship arrived in Portsmouth", "aid arrived in Tacloban": a thing comes, no one visits
        if trigger.plover in VIOLENT_TYPES and token.pos_ in {"VERB", "AUX"} and (
                _happening_subject(token, ctx.is_armed) or _happening_cause(token, ctx.is_armed)):
            trigger = replace(trigger, kind=DEATH_KIND, cameo="", plover="")  # "a fire killed twelve people": deaths
        elif trigger.plover == "FIGHT" and token.pos_ in {"VERB", "AUX"} and _fights_happening(token):
            continue  # "firefighters were fighting the blaze", "fought the wildfire": firefighting, no one's fight
        elif trigger.plover in VIOLENT_TYPES and token.pos_ in {"VERB", "AUX"} and _vehicle_blew_up(token):
            trigger = replace(trigger, kind=ACCIDENT_KIND, cameo="", plover="", actorless=True)  # "a tanker exploded"
        if trigger.visitor and _comes_to_meet(token):
            continue  # "travelled to Florida to meet with NAME": the trip is the way to the meeting, one event
        if trigger.plover == "FIGHT" and token.pos_ in {"VERB", "AUX"} and (force := _force_of(token)) is not None:
            trigger = replace(trigger, kind=force[0], cameo=force[1], plover=force[2])  # "militants attacked": CAMEO 18
        kind = trigger.kind
        if kind == "Meeting" and any(c.lower_ in VIRTUAL_MODIFIERS for c in token.children if c.dep_ in {"amod", "compound"}):
            kind = "VirtualMeeting"
        out.append(Draft(token=token, trigger=trigger, kind=kind, status=trigger.status or "occurred"))
    return sorted(out + _named_happenings(ctx) + _offered_products(ctx, {d.token.i for d in out}), key=lambda d: d.token.i)


def _stranded_clause_verb(noun: Token) -> Token | None:
    """'searching for children trapped in the rubble after a magnitude 7.1 earthquake struck central Mexico on Tuesday':
    the parser may read a long subject of a clause after 'after' or 'before' as the preposition's object and hang the
    clause's verb on the main clause, with no subject of its own; the verb right after the noun is then the one the
    noun does, its place and time the noun's (a disaster noun's: what strikes a place)."""
    if (noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ not in TEMPORAL_PREPS
            or noun.i + 1 >= len(noun.doc)):
        return None
    verb = noun.doc[noun.i + 1]
    if (verb.pos_ != "VERB" or verb.tag_ not in {"VBD", "VBZ"} or verb.dep_ not in {"conj", "advcl", "ccomp"}
            or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)):
        return None
    return verb if any(row.kind in HAPPENING_KINDS and row.actorless for row in _triggers_for(noun)) else None


def _named_happenings(ctx: Context) -> list[Draft]:
    """'Typhoon Haiyan struck the central Philippines', 'Hurricane Maria made landfall in Puerto Rico': a name the
    parser heads with a disaster noun of the lexicon as its compound ('Typhoon', 'Hurricane') names that disaster; the
    name, a proper noun, is the event's word, as the common noun is in 'a typhoon struck'."""
    from spacy.attrs import POS

    out = []
    for token in tokens_with(ctx.doc, POS, frozenset({"PROPN"})):
        if token.dep_ == "compound" or ctx.in_quote(token.idx) or token.i in ctx.time_tokens or token.i in ctx.by_token:
            continue
        for noun in (c for c in token.children if c.dep_ == "compound" and c.i < token.i):
            rows = [r for r in lexicon().get((noun.lower_, "NOUN"), []) if r.kind in HAPPENING_KINDS and r.actorless]
            if rows:
                out.append(Draft(token=token, trigger=rows[0], kind=rows[0].kind, status=rows[0].status or "occurred"))
                break
    return out


# "will go on sale", "will be available", "goes live", "will ship": a product offered to buyers; the word after the
# verb (or the verb alone, None) -> the verbs it is said with
OFFER_WORDS = {"sale": {"go", "be", "put"}, "available": {"be", "become"}, "live": {"go"}, None: {"ship"},
               "release": {"schedule", "slate", "set", "plan"}, "launch": {"schedule", "slate", "set", "plan"}}
OFFER_VERBS = frozenset(v for verbs in OFFER_WORDS.values() for v in verbs)
OFFER_PREPOSITIONS = {"on", "for"}


def _offer_verb(token: Token) -> Token | None:
    """The verb of 'the phone will go on sale on September 21', 'iOS 6 will be available on June 21', 'the service goes
    live on July 1', 'the tablet will ship in October' when `token` is it: a thing (no actor, no object) offered to
    buyers at a time the clause names (the time tells a release from 'details were not available'); 'the update is
    scheduled for public release in June', 'the game is slated for launch next spring' likewise."""
    if token.pos_ not in {"VERB", "AUX"} or any(c.dep_ == "dobj" for c in token.children):
        return None
    words = {g.lemma_.lower() for c in token.children if c.dep_ == "prep" and c.lower_ in OFFER_PREPOSITIONS
             for g in c.children if g.dep_ == "pobj"}
    words |= {c.lower_ for c in token.children if c.dep_ in {"acomp", "advmod"}} | {None}
    if not any(token.lemma_.lower() in OFFER_WORDS.get(w, ()) for w in words):
        return None
    dated = any(g.ent_type_ == "DATE" for c in token.children if c.dep_ == "prep" for g in c.subtree)
    return token if dated and not _negated_verb(token) else None


def _offered_products(ctx: Context, read: set[int]) -> list[Draft]:
    """'The phone will go on sale on September 21', 'iPhone 4 will be available on June 24': a product released
    (the product sense of ev-release), its maker found by `product_makers`; a verb already read as another event is
    left to it."""
    from spacy.attrs import LEMMA

    row = next(r for r in lexicon()[("release", "VERB")] if r.kind == RELEASE_KIND and not r.plover)
    return [Draft(token=token, trigger=row, kind=RELEASE_KIND, status=row.status or "occurred")
            for token in tokens_with(ctx.doc, LEMMA, OFFER_VERBS)  # the few verbs of offering, over the Doc's array
            if token.i not in read and not ctx.in_quote(token.idx) and _offer_verb(token) is not None
            and not any(c.dep_ in SUBJ_DEPS and ctx.is_actor(c, strict=True) for c in token.children)]


def _relative_subject(token: Token, deps: frozenset[str] = frozenset({"nsubj", "nsubjpass"})) -> Token | None:
    """The subject of a verb (a child with one of `deps`), or for a relative pronoun the noun its clause hangs on
    ('iAd, which goes live', "Jobs's email, which reads: ...")."""
    subject = next((c for c in token.children if c.dep_ in deps), None)
    if subject is not None and subject.tag_ in {"WDT", "WP"} and token.dep_ == "relcl":
        return token.head
    return subject


def product_makers(ctx: Context, drafts: list[Draft]) -> None:
    """'Apple's new service, iAd, which goes live on July 1', 'Apple said iOS 6 will be released on September 19',
    'Apple unveiled the iPhone 5 ... The phone will go on sale on September 21': a product released with no actor in
    its clause (its subject a thing, or a passive with no agent) is its maker's release: the owner the product's noun
    names, else who says it will be released or announces it ('Apple announced the update, which is scheduled for
    release in June'), else whoever released a product last before it in the article."""
    released: list[Draft] = []
    for draft in drafts:
        if draft.kind != RELEASE_KIND or draft.trigger.plover or draft.token.pos_ not in {"VERB", "AUX"}:
            continue
        if not draft.participants and (subject := _relative_subject(draft.token)) is not None and not ctx.is_actor(subject, strict=True):
            owners = [k for c in subject.children if c.dep_ == "poss" for k in actors(ctx, c)]
            clause = draft.token
            speakers = [k for s in clause.head.children if s.dep_ in SUBJ_DEPS for k in actors(ctx, s)] if (
                clause.dep_ == "ccomp" and _speech_verb(clause.head)) else []
            if subject.dep_ == "dobj" and subject.head.lemma_.lower() in ANNOUNCE_VERBS:
                speakers += [k for s in subject.head.children if s.dep_ in SUBJ_DEPS for k in actors(ctx, s)]
            before = next((d for d in reversed(released) if d.token.i < draft.token.i), None)
            for key in owners or speakers or (list(before.participants) if before is not None else []):
                draft.add(key, "participant")
        if draft.participants:
            released.append(draft)


DEATH_KIND = "Death"
CAUSING_MARKS = {"when", "as"}


def _fights_happening(verb: Token) -> bool:
    """'More than 300 firefighters were fighting the fire', 'crews fought the wildfire': a verb of fighting whose object
    is a happening (`happening_nouns`, from WordNet: 'the fire', 'fires', 'the epidemic', with an article or plural; or
    an actorless disaster of the lexicon), not an enemy; 'fought a war' names a war, not a happening, and stays a fight."""
    return any(c.dep_ in {"dobj", "nsubjpass"} and c.pos_ == "NOUN" and (
        c.lemma_.lower() in happening_nouns() and (c.tag_ == "NNS" or any(d.dep_ == "det" and d.lower_ in ARTICLES for d in c.children))
        or any(t.actorless and t.kind in HAPPENING_KINDS for t in _triggers_for(c)))
        for c in verb.children)  # not 'exchanged fire', 'opened fire': a bare 'fire' is shooting


def _happening_subject(verb: Token, armed: Callable[[Token], bool]) -> bool:
    """'A fire killed twelve people', 'the storm killed ten', 'a gas explosion injured 40': a verb of violence whose
    subject is an event or a natural phenomenon (`happening_nouns`, from WordNet), with no weapon or act of violence
    named beside it ('a bomb explosion', 'a car bomb' stay attacks), is no one's attack; one that kills soldiers or
    police ('an explosion killed five soldiers') is read as an attack on them."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(armed(c) for c in verb.children if c.dep_ == "dobj"):
        return False
    return bool(subjects) and all(
        s.pos_ == "NOUN" and s.lemma_.lower() in happening_nouns()
        and not any(m.lemma_.lower() in weapon_nouns() or any(t.plover in VIOLENT_TYPES for t in _triggers_for(m))
                    for m in s.children if m.dep_ in {"compound", "amod", "nmod"})
        for s in subjects)


def _happening_cause(verb: Token, armed: Callable[[Token], bool]) -> bool:
    """'Two people were killed in the crash', 'five were killed by the flood', 'twelve were killed in the collapse of a
    building': the passive of a verb of violence whose cause, in its 'by' or 'in' phrase, is a happening (a noun of
    `happening_nouns`, from WordNet, or of an actorless accident or disaster of the lexicon), with no weapon or act of
    violence named ('killed in an ambush', 'in clashes', 'in a car bomb explosion' stay attacks), is no one's attack, as
    `_happening_subject` reads the active; soldiers or police killed in an explosion stay an attack on them."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(armed(c) for c in verb.children if c.dep_ == "nsubjpass"):
        return False
    causes = [g for g in _agents(verb) if g.pos_ == "NOUN"]
    causes += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
               if g.dep_ == "pobj" and g.pos_ == "NOUN"]
    causes += [s for c in verb.children if c.dep_ == "advcl"
               and any(m.dep_ in {"mark", "advmod"} and m.lower_ in CAUSING_MARKS for m in c.children)
               for s in c.children if s.dep_ == "nsubj" and s.pos_ == "NOUN"]  # "was killed when the fire reached his
    # orchard", "died as the storm hit the coast": the happening of the clause that tells how it came about

    def violent(noun: Token) -> bool:
        if (noun.lemma_.lower() in happening_nouns() and any(c.dep_ == "det" and c.lower_ in ARTICLES for c in noun.children)
                and not any(t.plover == "ASSAULT" for t in _triggers_for(noun))):
            return False  # "killed in the fire", "when a fire reached": the blaze; "under fire", "gunfire" shoot, and
            # "killed in an explosion" stays a blast of someone's doing
        return noun.lemma_.lower() in weapon_nouns() or any(t.plover in VIOLENT_TYPES for t in _triggers_for(noun))

    def happening(noun: Token) -> bool:
        return ((noun.lemma_.lower() in happening_nouns()
                 or any(t.actorless and t.kind in HAPPENING_KINDS for t in _triggers_for(noun)))
                and not any(violent(m) for m in noun.children if m.dep_ in {"compound", "amod", "nmod"}))

    return any(map(happening, causes)) and not any(map(violent, causes))


def _comes_to_meet(verb: Token) -> bool:
    """'travelled to Warsaw to meet NAME', 'flew to Doha to hold talks with X': a purpose infinitive naming a meeting."""
    return any(c.dep_ in {"advcl", "xcomp"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               and any(family(row.kind) == "meeting" for row in _triggers_for(c)) for c in verb.children)


def _person_comes(ctx: Context, verb: Token) -> bool:
    """Whether the one who comes is a named person: the verb's subject, or the noun a 'who' clause hangs on ('Major
    General Darryl Williams, ..., who arrived in Monrovia')."""
    subjects = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
    subjects += [verb.head for s in subjects if s.tag_ == "WP" and verb.dep_ == "relcl"]
    return any((m := ctx.mention(s)) is not None and m.type == "Person" for s in subjects)


# ---------------------------------------------------------------------------- arguments


def actors(ctx: Context, token: Token, depth: int = 0) -> list[str]:
    """Entity keys a phrase names: the mention itself, its conjuncts, or entities modifying it.

    "Vucic and Hoti" -> both; "EU officials" -> EU; "Russian and Ukrainian
    negotiators" -> Russia, Ukraine; "Leaders of Serbia and Kosovo" -> Serbia,
    Kosovo; "who" in a relative clause -> its antecedent.
    """
    if depth > 3:
        return []
    out: list[str] = []
    m = ctx.mention(token)
    if token.tag_ in {"WP", "WDT"} and token.head.dep_ == "relcl":
        return actors(ctx, _antecedent(ctx, token), depth + 1)
    speaker = _reported_speaker(token, pronouns=True)
    if speaker is not None and (speaker.pos_ != "PRON" or speaker.lower_ == token.lower_ and ctx.mention(speaker) is not None):
        # "Syria says it will not accept ...": it is Syria; "He said he would begin consultations": the one the first
        # 'he' was resolved to (kg.extract.entities), the same pronoun ("He said it would ..." is another); "Kenya's
        # foreign minister, NAME, said he ...": he is NAME, as the one who says it (`_titled_speaker`)
        return _titled_speaker(ctx, speaker) or actors(ctx, speaker, depth + 1)
    if m is not None and m.type != "Place" and not ctx.in_dateline(m.start):  # 'KHARTOUM, May 21 -': no actor
        out.append(m.key)
        for t in token.subtree:  # "Vucic and Kosovo Prime Minister Albin Kurti": the parser hangs Vucic on the title;
            if t.i < token.i and any(c.dep_ == "cc" for c in t.children):  # "North and South Korea": North on Korea
                tm = ctx.mention(t)
                if tm is not None and tm is not m and tm.type in {"Person", "State"}:
                    out.append(tm.key)
    elif m is None and token.pos_ in {"NOUN", "PROPN"}:
        if (named := _misplaced_apposition(ctx, token)) is not None:
            return actors(ctx, named, depth + 1)
        if own := _own_country(ctx, token):
            return [own]
        if owners := _own_forces(ctx, token, depth):
            return owners
        for child in token.children:
            if child.dep_ in {"compound", "amod", "poss", "nmod", "npadvmod"}:
                for modifier in (child, *(c for c in child.children if c.dep_ == "conj")):  # "Russian and Ukrainian negotiators"
                    cm = ctx.mention(modifier)
                    if cm is not None and cm.type != "Place":
                        out.append(cm.key)
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out.extend(actors(ctx, pobj, depth + 1))
            if child.dep_ == "prep" and child.lower_ in {"in", "from"} and token.lemma_.lower() in actor_nouns():
                for pobj in child.children:  # "opposition groups in Zimbabwe", "doctors from Switzerland": a state's own actors
                    out += [k for c in (pobj, *(g for g in pobj.children if g.dep_ == "conj")) if c.dep_ in {"pobj", "conj"}
                            if (k := _home_state(ctx, c) or _home_body(ctx, c, child))]  # "negotiators from Israel and
                    # Syria", "demonstrators in Baghdad", "a group from Leave Means Leave"
    for child in token.children:
        if child.dep_ == "conj" or (child.dep_ == "appos" and ctx.mention(child) is not None and ctx.mention(child) is not m):
            out.extend(actors(ctx, child, depth + 1))
        elif child.dep_ == "appos" and m is None and (named := ctx.apposed_name(child)) is not None and named.type != "Place":
            out.append(named.key)  # "her brother, the journalist Ahmed Mansour": the name hangs on the title apposed
    return list(dict.fromkeys(out))


OWN_COUNTRY_NOUNS = {"country", "nation", "government"}
PERSONAL_POSSESSIVES = {"his", "her"}


def _own_country(ctx: Context, noun: Token) -> str:
    """'US President Donald Trump announced that his country would withdraw': 'his/her country' (or 'government') is the
    state written in the title of the one the pronoun stands for: the person who is the subject of a clause above it,
    or, for the subject of a main clause, of the sentence before ('Estonian Prime Minister Kaja Kallas is ... Her
    government has sent aid'); '' when none."""
    if noun.lemma_.lower() not in OWN_COUNTRY_NOUNS or not any(
            c.dep_ == "poss" and c.lower_ in PERSONAL_POSSESSIVES for c in noun.children):
        return ""
    head = noun
    while head.head.i != head.i:
        head = head.head
        person = next((c for c in head.children if c.dep_ in SUBJ_DEPS and c.i != noun.i
                       and (pm := ctx.mention(c)) is not None and pm.type == "Person"), None)
        if person is not None:
            return _title_state(ctx, person)
    start = noun.sent.start  # 'Estonian Prime Minister Kaja Kallas ... Her government has sent aid': the subject of the
    if start > 0 and noun.dep_ in SUBJ_DEPS and noun.head.i == noun.sent.root.i:  # sentence before, for a main clause's subject
        before = ctx.doc[start - 1].sent.root
        person = next((c for c in before.children if c.dep_ in SUBJ_DEPS
                       and (pm := ctx.mention(c)) is not None and pm.type == "Person"), None)
        if person is not None:
            return _title_state(ctx, person)
    return ""


def _title_state(ctx: Context, person: Token) -> str:
    """The state written in a person's title ('Estonian Prime Minister Kaja Kallas'), '' when none."""
    return next((sm.key for t in person.subtree if t.i < person.i if (sm := ctx.mention(t)) is not None and sm.type == "State"), "")


BODY_POSSESSIVES = {"its", "their"}


def _own_forces(ctx: Context, noun: Token, depth: int) -> list[str]:
    """'Russia said its troops had captured the village', "South Korea's military said its troops fired back": people
    who act for someone (a noun of the Phoenix agents or CAMEO actor sets: troops, forces, police) owned by 'its' or
    'their' act for the state or body that is the subject of a clause above their own, the one the pronoun stands for
    ('Ukraine said Russian forces had shelled its troops': Ukraine's)."""
    if noun.lemma_.lower() not in actor_nouns() and noun.lower_ not in actor_nouns() or not any(
            c.dep_ == "poss" and c.lower_ in BODY_POSSESSIVES for c in noun.children):
        return []
    bodies = {m.key for m in ctx.by_token.values() if m.type in {"State", "Organization"}}
    # the subject of the noun's own clause is not whom 'its' stands for ('Russian forces shelled its troops')
    head, doers, controlled = noun, None, False
    while head.head.i != head.i:
        head = head.head
        if doers is None and head.pos_ in {"VERB", "AUX"}:
            doers = {k for c in head.children if c.dep_ in SUBJ_DEPS and c.i != noun.i for k in actors(ctx, c, depth + 1)}
            controlled = noun.dep_ not in SUBJ_DEPS and not any(c.dep_ in SUBJ_DEPS for c in head.children)
            continue
        for subject in (c for c in head.children if c.dep_ in SUBJ_DEPS and c.i < noun.i and not noun.is_ancestor(c)):
            if keys := [k for k in actors(ctx, subject, depth + 1) if k in bodies]:
                # 'Serbia says it will not withdraw its troops', 'Syria is willing to withdraw its troops': the doer's own
                # troops (its subject's, or the one its verb takes from above), not someone it acts on
                return [] if doers and set(keys) <= doers or controlled else keys
    return []


def _home_state(ctx: Context, token: Token) -> str:
    """The state a named state or city stands for as where people come from ('from Syria', 'in Baghdad')."""
    m = ctx.mention(token)
    if m is None or m.type not in {"State", "Place"}:
        return ""
    return m.key if m.type == "State" else state_of(m.key)


def _home_body(ctx: Context, token: Token, prep: Token) -> str:
    """The organisation people come from ('a group from Leave Means Leave', 'doctors from Medecins Sans Frontieres'):
    they act for it, as people from a state do for the state; 'in' an organisation says nothing of whom they act for."""
    m = ctx.mention(token)
    return m.key if m is not None and m.type == "Organization" and prep.lower_ == "from" else ""


def _titled_speaker(ctx: Context, noun: Token) -> list[str]:
    """Who speaks as a title with an owner and no name of its own ('an EU spokesman') when a name stands in apposition
    to it ('an EU spokesman, Peter Stano, said') or to the body or place after it ('A UN spokesman in Geneva, Rolando
    Gomez, said': `_misplaced_apposition`): that person alone, not the title's owner beside it."""
    m = ctx.mention(noun)
    if m is None or not m.rule.startswith("nominal-title"):
        return []
    named = [c for c in noun.children if c.dep_ == "appos" and (cm := ctx.mention(c)) is not None and cm.type == "Person"]
    name = named[0] if len(named) == 1 else _misplaced_apposition(ctx, noun)
    return actors(ctx, name) if name is not None else []


def _name_before_title(ctx: Context, noun: Token) -> Token | None:
    """'Selma Elloumi Rekik, the tourism minister, said': the name of the one who speaks when the parser hangs it on the
    verb as a modifier and makes the title set off after it by commas the subject; the name is the subject's."""
    left = noun.left_edge
    if (noun.lemma_.lower() not in _person_nouns() or ctx.mention(noun) is not None or left.i < 2
            or ctx.doc[left.i - 1].text != "," or not ctx.text[noun.idx + len(noun):].lstrip().startswith(",")):
        return None
    name = ctx.doc[left.i - 2]
    m = ctx.mention(name)
    if m is None or m.type != "Person" or name.head.i != noun.head.i or name.dep_ not in {"advmod", "npadvmod", "dep", "nmod"}:
        return None
    return name if name.left_edge.i == name.sent.start or ctx.doc[name.left_edge.i - 1].is_punct else None


def _misplaced_apposition(ctx: Context, noun: Token) -> Token | None:
    """The name that describes a noun for a person when the parser hangs it on the body or place after the noun: 'A
    spokesman for the European Commission, Eric Mamer, said', 'A UN spokesman in Geneva, Rolando Gomez, said', 'A
    spokesman for the army in Khartoum, Nabil Abdallah, said' (the name is the spokesman's, not the Commission's or
    Geneva's), down a chain of up to two prepositional phrases after the noun; not past a second person noun ('a
    spokesman for the mayor of London, Sadiq Khan,': the name is the mayor's)."""
    if noun.lemma_.lower() not in _person_nouns() or any(c.dep_ == "appos" for c in noun.children):
        return None
    bodies = [g for c in noun.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    bodies += [g for b in bodies if b.lemma_.lower() not in _person_nouns() for c in b.children if c.dep_ == "prep"
               for g in c.children if g.dep_ == "pobj"]  # 'a spokesman for the mayor of London, Sadiq Khan': the mayor's
    for body in bodies:
        for name in body.children:
            m = ctx.mention(name)
            if (name.dep_ == "appos" and m is not None and m.type == "Person"
                    and ctx.text[body.idx:name.left_edge.idx].rstrip().endswith(",")):
                return name
    return None


def _spoken_for(ctx: Context, noun: Token) -> list[str]:
    """Whom an unnamed speaker speaks for: the body after 'for' or 'at' a noun for a person ('A spokesperson for
    Apple said', 'Officials at the European Commission said'), as in 'an Apple spokesperson said'."""
    if noun.lemma_.lower() not in _person_nouns():
        return []
    return [k for c in noun.children if c.dep_ == "prep" and c.lower_ in {"for", "at"}
            for g in c.children if g.dep_ == "pobj" for k in actors(ctx, g)]


def _it_antecedent(ctx: Context, pronoun: Token) -> list[str]:
    """The body 'it' stands for: the one organization or state that is the subject of the sentence before, in the same
    paragraph ('Amnesty International criticised the verdict. "...," it said in a statement.'; 'Poland raised military
    spending. In 2023 it ordered 96 helicopters')."""
    if pronoun.lower_ != "it":
        return []
    if (speaker := _reported_speaker(pronoun)) is not None and speaker.pos_ == "PROPN":
        return []  # "DJI said that it would ask ...": 'it' is the name that says it, in its own sentence, not the
        # subject of the sentence before (a name no mention holds stays unresolved)
    return _body_subject_before(ctx, pronoun)


def _spokesperson_antecedent(ctx: Context, noun: Token) -> list[str]:
    """Whom 'a spokesman' with no body named beside it speaks for: the one organization or state that is the subject
    of the sentence before, in the same paragraph ('The State Department said it was following the situation. "...,"
    a spokesman said'; 'The European Commission welcomed the vote. "...," a spokeswoman said'), as `_it_antecedent`.
    Only the indefinite noun of the spokesperson title (kg/data/titles.jsonl): 'the spokesman' is someone named before."""
    if noun.pos_ != "NOUN" or noun.lower_ not in _spokesperson_nouns() or not any(
            c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children):
        return []
    if any(c.dep_ in {"prep", "poss", "compound", "amod", "appos"} for c in noun.children):
        return []  # 'a spokesman for X', 'a Kremlin spokesman', 'a senior spokesman': described, not bare
    return _body_subject_before(ctx, noun, person_to_body=False)  # a person's spokesman speaks for that person


@lru_cache(maxsize=1)
def _spokesperson_nouns() -> frozenset[str]:
    """The lower-case one-word forms of the spokesperson title ('spokesman', 'spokeswoman', 'spokesperson')."""
    return frozenset(f.lower() for f in title_by_id()["title-spokesperson"]["forms"] if " " not in f)


def _body_subject_before(ctx: Context, token: Token, person_to_body: bool = True) -> list[str]:
    """The one organization or state that is the subject of the sentence before a token's, in the same paragraph;
    with `person_to_body`, when that subject is a person, the one organization that sentence names."""
    sent = token.sent
    if sent.start == 0:
        return []
    before = ctx.doc[sent.start - 1].sent
    if not _same_paragraph(ctx.text, before.start_char, token.idx):
        return []
    subjects = [c for c in before.root.children if c.dep_ in SUBJ_DEPS]
    keys = {k for c in subjects for k in actors(ctx, c)} or {k for c in subjects for k in _noun_antecedent(ctx, c, named=True)}
    # "The ministry said ... It also said": 'it' is what 'the ministry' stood for, the body named before it
    if keys and all(map(ctx.is_person_key, keys)) and person_to_body:
        # "Judge X heard the case at the Supreme Court ... It said it would rule in April": a person is no 'it'; the
        # one organization the sentence names is
        keys = {m.key for t in before if (m := ctx.mention(t)) is not None and m.type == "Organization"}
    return list(keys) if len(keys) == 1 and not ctx.is_person_key(next(iter(keys))) else []


def _noun_antecedent(ctx: Context, noun: Token, named: bool = False) -> list[str]:
    """Whom 'the ministry', 'the court' (a body noun of the Phoenix agents) speaks for when no mention names it: the
    one actor that the described phrases headed by the same noun name, at most QUOTE_PARAGRAPH_REACH paragraphs
    before it ("Russia's foreign ministry summoned the ambassador. '...,' the ministry said"); nothing when they
    name none or more than one ("Russia's foreign ministry and Ukraine's defence ministry")."""
    from spacy.attrs import LOWER

    if noun.pos_ != "NOUN" or not (_bare_definite(noun) or _bare_noun(noun)):
        return []
    if noun.lemma_.lower() not in body_heads():
        return _named_heads(ctx, noun) if named and _bare_definite(noun) else []  # 'the report said', 'the spokesman
        # said': a document, a person; 'the association demanded': the association named before
    keys = {k for t in tokens_with(ctx.doc, LOWER, frozenset({noun.lower_}))
            if t.i < noun.i and not ctx.in_quote(t.idx) and not _bare_definite(t)
            and ctx.text[t.idx:noun.idx].count("\n\n") <= QUOTE_PARAGRAPH_REACH for k in actors(ctx, t)}
    return list(keys) if len(keys) == 1 else []


def _named_heads(ctx: Context, noun: Token) -> list[str]:
    """'The International Air Transport Association (IATA) said ... The association demanded': the one organisation
    named before whose name ends in the noun, which 'the' and the noun alone refer back to (as 'the ministry' does)."""
    keys = {m.key for t in ctx.doc[:noun.i] if t.lower_ == noun.lower_ and t.pos_ == "PROPN" and not ctx.in_quote(t.idx)
            and (m := ctx.mention(t)) is not None and m.type == "Organization" and m.end == t.idx + len(t.text)}
    return list(keys) if len(keys) == 1 else []


def _group_antecedent(ctx: Context, noun: Token) -> list[str]:
    """Whom 'the ministers', 'the protesters' (a plural noun for people, after 'the' alone) act for: the one actor the
    phrase with that noun before it named ('European Union transport ministers met ... the ministers agreed',
    'Protesters from the Awami League marched ... The protesters demanded'); nothing when they name none or more."""
    from spacy.attrs import LOWER

    if noun.pos_ != "NOUN" or noun.tag_ != "NNS" or not _bare_definite(noun) or not (
            noun.lemma_.lower() in person_heads() or noun.lemma_.lower() in actor_nouns() or noun.lower_ in actor_nouns()):
        return []
    keys = {k for t in tokens_with(ctx.doc, LOWER, frozenset({noun.lower_}))
            if t.i < noun.i and not ctx.in_quote(t.idx) and not _bare_definite(t)
            and ctx.text[t.idx:noun.idx].count("\n\n") <= QUOTE_PARAGRAPH_REACH for k in actors(ctx, t)}
    return list(keys) if len(keys) == 1 else []


def _office_holder(ctx: Context, noun: Token) -> list[str]:
    """Who 'the U.N. chief', 'the NATO boss' is: a noun for a person that is no title of its own, after 'the' and an
    organization or state, names the one person the article introduced before it with a title of that owner
    ('U.N. Secretary-General Antonio Guterres ... the U.N. chief said')."""
    owners = [m.key for c in noun.children if c.dep_ in {"compound", "poss"} and (m := ctx.mention(c)) is not None
              and m.type in {"Organization", "State"}]
    titled = {t.start for t in title_spans(ctx.doc)}
    if (len(owners) != 1 or noun.lemma_.lower() not in _person_nouns() or noun.i in titled
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)):
        return []
    people = set()
    for title in title_spans(ctx.doc):
        owner = owner_before_title(ctx.doc, title.start)
        named = ctx.mention(ctx.doc[title.end]) if title.end < len(ctx.doc) and title.end < noun.i else None
        owned = ctx.mention(owner.root) if owner is not None else None
        if named is not None and named.type == "Person" and owned is not None and owned.key == owners[0]:
            people.add(named.key)
    return list(people) if len(people) == 1 else []


def _bare_noun(noun: Token) -> bool:
    """'police arrested 140 people' after 'the Metropolitan Police': a body noun with no word of its own at all, not
    even an article, is a reference back as 'the police' is."""
    return not any(c.dep_ in {"det", "compound", "amod", "poss", "nmod", "prep", "appos", "conj"} for c in noun.children)


def _bare_definite(noun: Token) -> bool:
    """'the ministry' with no word of its own to describe it: a reference back, not a description."""
    return (any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
            and not any(c.dep_ in {"compound", "amod", "poss", "nmod", "prep", "appos"} for c in noun.children))


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Nouns for people: the Phoenix agents that are people ('spokesman', 'lawyer') and the WordNet occupations."""
    from kg.gazetteer import occupations, person_heads

    return frozenset(person_heads() | {form[-1] for form in occupations()})


def _they_antecedent(ctx: Context, pronoun: Token, people: bool = False) -> list[str]:
    """'Kenya and Somalia sent envoys on Monday. They signed an agreement on Tuesday': 'they' as a subject stands for
    the two or more actors the previous sentence has as its subject, in its paragraph or, when 'they' opens a
    paragraph, the last sentence of the paragraph before (a short news paragraph goes on with the one before); with
    `people`, only a plural noun for people ('Four Chinese engineers'), not the names of states or bodies."""
    if pronoun.lower_ != "they" or pronoun.dep_ not in {"nsubj", "nsubjpass"} or pronoun.sent.start == 0:
        return []
    before = ctx.doc[pronoun.sent.start - 1].sent
    start = paragraph_bounds(ctx.text, pronoun.idx)[0]
    if before.start_char < start and (pronoun.sent.start_char > start or ctx.text.count("\n\n", before.end_char, start) > 1):
        return []
    subjects = [s for s in before.root.children if s.dep_ in {"nsubj", "nsubjpass"}]
    keys = [k for s in subjects for k in actors(ctx, s)]
    if len(keys) == 1 and any(s.tag_ == "NNS" and ctx.mention(s) is None for s in subjects):
        return keys  # "Four Chinese engineers were released. They were freed by X": a plural noun, whose people the
        # one state or body its modifier names stands for
    return keys if len(keys) >= 2 and not people else []


POSSESSOR_TYPES = {"his": {"Person"}, "her": {"Person"}}  # not "its": a state is named as a place as often ("in Phnom Penh, Cambodia")


def _possessor(ctx: Context, pronoun: Token) -> list[str]:
    """Whom 'his' or 'her' on an event noun stands for: the nearest person named before it in its paragraph, outside
    quotations ('Stoyanov was charged in January, and his trial opened in September')."""
    wanted = POSSESSOR_TYPES.get(pronoun.lower_)
    if wanted is None:
        return []
    start = paragraph_bounds(ctx.text, pronoun.idx)[0]
    for token in reversed(ctx.doc[:pronoun.i]):
        if token.idx < start:
            break
        m = ctx.mention(token)
        if m is not None and m.type in wanted and not ctx.in_quote(token.idx) and not ctx.in_dateline(m.start):
            return [m.key]
    return []


def _antecedent(ctx: Context, pronoun: Token) -> Token:
    """What a relative pronoun stands for: the noun its clause hangs on; for 'who', a person that noun belongs to
    when the parser hung the clause on a place or organisation after it ("Charles O'Reilly, an expert at
    Stanford University, who stated ...")."""
    noun = pronoun.head.head
    if pronoun.lower_ not in {"who", "whom"}:
        return noun
    node = noun
    for _ in range(4):
        m = ctx.mention(node)
        if m is not None and m.type == "Person":
            return node
        if node.dep_ not in {"pobj", "prep", "appos"} or node.head.i == node.i:
            break
        node = node.head
    return noun


@lru_cache(maxsize=1)
def _agent_words() -> frozenset[str]:
    """Nouns that name people or bodies who speak: the Phoenix agents and CAMEO actor nouns, the WordNet
    occupations, and the statement nouns of the lexicon ('a government statement said')."""
    from kg.gazetteer import occupations

    words = set(actor_nouns()) | set(agent_sectors()) | body_heads()
    words |= {form[-1] for form in occupations()}
    words |= _statement_nouns()
    return frozenset(words)


def _speaking_noun(ctx: Context, subject: Token) -> bool:
    """Whether a speech verb's subject can speak: a name, a pronoun, or a noun for people or a body ('EU officials',
    'an Airbus spokesman', 'the ministry'); not a thing whose maker names it ('the ACARS data suggests')."""
    if ctx.mention(subject) is not None or subject.pos_ not in {"NOUN"}:
        return True
    return subject.lemma_.lower() in _agent_words() or subject.lower_ in _agent_words()


@lru_cache(maxsize=1)
def _speech_row() -> Trigger:
    """The lexicon's row for saying, for a verb of communication the lexicon has no row of its own for."""
    return replace(next(t for t in lexicon()[("say", "VERB")] if t.speech), id="ev-say-communication")


def _reports_clause(token: Token) -> bool:
    """Whether a verb of communication reports what was said: a finite clause with a subject of its own ('warned
    that Moscow would respond', 'insisted Ukraine would never cede') or a quotation ('"Then recognise Kosovo," Kurti
    replied'); not 'urged them to act' nor 'asked whether they would' (a request, a question)."""
    if token.pos_ != "VERB":
        return False
    lemma, verbs = token.lemma_.lower(), speech_verbs()
    if lemma not in verbs and not any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in verbs for c in token.children):
        return False
    if token.dep_ == "ccomp" and _speech_verb(token.head):
        return False  # "stated that he expected sales to exceed 250": what he stated, not a second statement
    return _after_quotation(token) or any(
        c.dep_ == "ccomp" and (_quoted_clause(c) or any(g.dep_ in {"nsubj", "nsubjpass", "expl"} for g in c.children)
                               and not _question(c)) for c in token.children)


def _after_quotation(token: Token) -> bool:
    """Whether a verb and its subject follow a quotation's closing mark, the attribution after the words ('"Why should
    we pay?" Orban asked'; '"...," replied Kurti'), even when the parser ends the sentence inside the quotation."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    first = min([token.i] + [s.left_edge.i for s in subjects])
    if first == 0 or not subjects:
        return False
    return closing_mark(token.doc[first - 1])


def _quoted_clause(clause: Token) -> bool:
    """Whether a clause opens right after a quotation mark: '"Then recognise Kosovo," Kurti replied'."""
    first = clause.left_edge
    mark = first if first.is_quote else clause.doc[first.i - 1] if first.i > 0 else None
    if mark is None or not mark.is_quote or mark.text == "\u201d":
        return False
    return mark.text == "\u201c" or sum(t.is_quote for t in mark.sent if t.i <= mark.i) % 2 == 1  # it opens a quotation


def _question(clause: Token) -> bool:
    """'asked how the files wound up there', 'asked whether they would come': a question, not what was said."""
    return clause.left_edge.tag_ in {"WRB", "WP", "WDT", "WP$"} or any(g.dep_ == "mark" and g.lower_ in {"whether", "if"}
                                                                      for g in clause.children)


def _speech_verb(token: Token) -> bool:
    """Whether a verb reports speech: a speech row of the lexicon ('said', 'told'), or a verb of communication
    reporting a clause ('warned that ...')."""
    return any(row.speech for row in _triggers_for(token)) or _reports_clause(token)


SPEAKER_PRONOUNS = {"it", "they", "he", "she"}


def _reported_speaker(token: Token, pronouns: bool = False) -> Token | None:
    """The speaker a pronoun subject of reported speech stands for: "X said it/they would ..." -> X; with `pronouns`,
    a pronoun speaker too ("He said he would begin consultations"), for the caller to take only when resolved."""
    if token.lower_ not in SPEAKER_PRONOUNS or token.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    clause = token.head
    while clause.dep_ == "conj" and clause.head.dep_ in {"ccomp", "conj"}:
        clause = clause.head  # "Tokyo says the claims were settled, and it has demanded ...": the parser joins the
        # second clause to the reported one
    if clause.dep_ != "ccomp" or not (_speech_verb(clause.head) or any(t.kind == "Statement" for t in _triggers_for(clause.head))):
        return None
    subjects = [c for c in clause.head.children if c.dep_ in SUBJ_DEPS and (pronouns or c.pos_ != "PRON")]
    return subjects[0] if subjects else None


def _placed(ctx: Context, token: Token) -> bool:
    """Whether a token names its own place in a phrase of its own ('a meeting in Berlin')."""
    return any(c.dep_ == "prep" and c.lower_ in PLACE_PREPS and any(_place(ctx, g) for g in c.children) for c in token.children)


def _place(ctx: Context, token: Token) -> str:
    m = ctx.mention(token)
    if m is not None and m.type in {"Place", "State"} and m.rule != "capital-as-government":
        return m.key
    if m is None and (token.lower_ in place_nouns() or token.lemma_.lower() in feature_nouns()):  # "at the border village of
        # Panmunjom", "off the coast of Libya": the village, the state whose coast
        return next((k for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj" if (k := _place(ctx, g))), "")
    return ""


GERUND_SAME_DOER = {"by"}  # "X responded by closing its borders": X closes them ("accused X of attacking": X attacks)
SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten"}  # "Russia promised Ukraine to withdraw": Russia withdraws


CLOSING_MARKS = {'"', "\u201d", "'", "\u2019"}


def _speaker_going_on(token: Token) -> Token | None:
    """The reporter of a clause, for a second act of speech the parser hangs on that clause's verb: 'Makolo said no
    soldier had "set foot on its soil" and called the accusation "a pretext"' (the reported verb has its auxiliary
    of reported time, 'had', 'will' or 'would'; the second act is in the tense of the verb of saying, and a quotation
    closes the reported clause right before 'and'): Makolo called it so. Not 'said the pilots had reported problems
    and asked to return' (no quotation ends the clause: the pilots asked)."""
    head = token.head
    if (token.dep_ != "conj" or not _reported_speech(head) or token.tag_ != head.head.tag_ or token.i < 2
            or not any(c.dep_ == "aux" and c.lemma_ in {"have", "will", "would"} for c in head.children)):
        return None
    if token.nbor(-1).dep_ != "cc" or token.nbor(-2).text not in CLOSING_MARKS:
        return None
    return next((c for c in head.head.children if c.dep_ in SUBJ_DEPS), None)


def _speaker_after_quote(verb: Token) -> Token | None:
    """The subject of the verb of speech whose reported clause holds a quotation that closes between a conjoined verb
    of saying or asking and the verb it is joined to ('X said that "Bulgaria wants change" and called on voters to turn
    out': X calls), or None when no quotation closes there or no such verb of speech is above it."""
    head = verb.head
    if not any(closing_mark(t) for t in verb.doc[head.i + 1:verb.i]):
        return None
    if not (_speech_verb(verb) or any(r.kind in ASKING_KINDS or family(r.kind) == "statement" for r in _triggers_for(verb))):
        return None  # 'said the protesters "attacked the police" and looted shops': the quoted clause's doers go on
    node = head
    while node.dep_ in {"ccomp", "conj"} and node.head.i != node.i:
        node = node.head
        if _speech_verb(node) and not any(closing_mark(t) for t in verb.doc[node.i + 1:head.i]):
            return next((c for c in node.children if c.dep_ in SUBJ_DEPS), None)
    return None


def _inherited_subject(token: Token) -> Token | None:
    """The subject a verb shares with the verb it depends on ("agreed to resume", "came to talk"); after a verb with
    an object, the object ("persuaded Serbia to resume talks", "prompting Apple Corps to file suit": object control)."""
    node = token
    for _ in range(3):
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.lower_ in GERUND_SAME_DOER:
            verb = node.head.head  # "responded by closing its borders and freezing its assets"
            subjects = [c for c in verb.children if c.dep_ in SUBJ_DEPS | {"nsubjpass"}]
            return subjects[0] if subjects else _inherited_subject(verb)
        if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.dep_ == "prep" and node.head.lower_ in TEMPORAL_PREPS:
            # "has faced criticism since taking office", "flew home after meeting Putin": the clause's doer does what the
            # gerund says; not a passive's subject ("after questioning him, police released him": "after questioning
            # him for hours, the suspect was released" is questioned by others)
            return next((c for c in node.head.head.children if c.dep_ in SUBJ_DEPS), None)
        if (issuer := _statement_issued(node)) is not None:
            return issuer
        if (node.dep_ == "acl" and node.tag_ in {"VBD", "VBZ", "VBP"} and node.head.dep_ == "ROOT" and node.head.i < node.i
                and node.head.pos_ == "PROPN"):
            return node.head  # 'Alcalde, who had led the party since 2024, conceded and said ...': the parser makes the
            # name the root and hangs its finite verb on it as a clause; the name is that verb's subject
        if node.dep_ not in {"xcomp", "conj", "advcl", "ccomp", "acomp"} or node.head.i == node.i:
            return None  # acomp: "Syria is willing to withdraw"
        if node.dep_ == "xcomp" and node.head.lemma_.lower() not in SUBJECT_CONTROL:
            objects = [c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i]
            if objects:
                return objects[0]
        if node.dep_ == "conj" and (speaker := _speaker_after_quote(node)) is not None:
            return speaker  # 'said that the result showed that "Bulgaria wants change" and called on voters to ...': the
            # verb after the closing mark goes on with the speaker's sentence, not with the quoted clause's subject
        if node.dep_ == "conj" and (sibling := _nearer_conjunct(node)) is not None:
            # "the council proclaimed Maduro the winner, but Capriles refused to accept it and demanded a recount": the
            # parser hangs every conjunct on the first verb; a subjectless one shares the subject of the nearest before it
            return next(c for c in sibling.children if c.dep_ in SUBJ_DEPS | {"nsubjpass"})
        node = node.head
        subjects = [c for c in node.children if c.dep_ in SUBJ_DEPS | {"nsubjpass"}]
        if subjects:
            return subjects[0]
    return None


def _statement_issued(verb: Token) -> Token | None:
    """Who does what a statement's participle says: the subject of the verb that has a new statement as its object
    ('the party issued a declaration demanding that ...', 'Hamas released a statement calling on Egypt to ...':
    the party demands, Hamas calls); not a statement named before ('rejected the statement calling for ...') nor one
    someone else made ('welcomed a statement by Serbia urging ...', "read out Serbia's statement urging ...")."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or noun.i >= verb.i or noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return None
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _statement_nouns() or _negated_verb(noun.head):
        return None
    if not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children) or any(
            c.dep_ in {"poss", "prep"} and c.i < verb.i for c in noun.children):
        return None
    return next((c for c in noun.head.children if c.dep_ in SUBJ_DEPS), None)


def _own_patient(verb: Token) -> bool:
    """'She entered the race after her husband was arrested in May': a passive in an adverbial clause ('after',
    'when', 'because') with a subject of its own takes no doer from the clause it hangs on (only its 'by' agent does
    it). A reported passive is not one: 'the ministry said 63 people had been detained' (`_reported_passive`)."""
    return (verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children)
            and any(c.dep_ == "nsubjpass" for c in verb.children))


def _nearer_conjunct(verb: Token) -> Token | None:
    """The conjoined verb with a subject of its own nearest before a conjunct verb, when the parser hung both on the
    same first verb ('A proclaimed X, but B refused Y and demanded Z': 'refused' for 'demanded')."""
    siblings = [c for c in verb.head.children if c.dep_ == "conj" and c.i < verb.i and c.pos_ in {"VERB", "AUX"}]
    if not siblings:
        return None
    nearest = max(siblings, key=lambda c: c.i)
    return nearest if any(c.dep_ in SUBJ_DEPS | {"nsubjpass"} for c in nearest.children) else None


def _no_doer(ctx: Context, noun: Token) -> bool:
    """'the plane', 'the claims': a subject that names no actor, no person and nothing WordNet knows as a body or a
    group of people ('the jury', 'the panel' can act unnamed)."""
    from kg.gazetteer import body_nouns

    lemma = noun.lemma_.lower()
    return not ctx.is_actor(noun) and lemma not in body_nouns() and lemma not in _person_nouns()


def _outer_subject(ctx: Context, verb: Token) -> Token | None:
    """'Moscow said the plane had been carrying prisoners and accused Kyiv of shooting it down': a conjunct verb the
    parser joins to a reported clause whose subject can do nothing ('the plane') is done by the reporting verb's subject
    ('said the jury would rule and proclaim the results': the jury proclaims)."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "ccomp" or node is verb:
        return None
    subject = next((c for c in node.head.children if c.dep_ in SUBJ_DEPS), None)  # 'the ministry said ...': the body
    return subject if subject is not None and (actors(ctx, subject) or _noun_antecedent(ctx, subject, named=True)) else None


def _nearer_clause_subject(ctx: Context, token: Token) -> Token | None:
    """'The crisis began on May 1, when the party withdrew from the government, accusing its partner of ...': a
    participle after a comma that the parser hangs on the sentence's main verb, whose subject is no actor, is done by
    the actor subject of the subordinate clause that ends just before it (the participle's nearer clause)."""
    if token.dep_ != "advcl" or token.tag_ != "VBG" or token.i < 2 or token.nbor(-1).text != ",":
        return None
    clause = next((v for v in token.doc[token.head.i + 1:token.i - 1] if v.dep_ in {"relcl", "advcl"}
                   and v.pos_ in {"VERB", "AUX"} and v.right_edge.i == token.i - 2), None)
    subject = next((c for c in clause.children if c.dep_ in SUBJ_DEPS), None) if clause is not None else None
    return subject if subject is not None and actors(ctx, subject) else None


def _bare_passive(verb: Token) -> bool:
    """'and was succeeded by Y', 'and had been withdrawn': a passive verb whose subject is shared with the verb it is
    joined to, not written in its own clause."""
    return (verb.pos_ in {"VERB", "AUX"} and verb.dep_ in {"conj", "xcomp"} and any(c.dep_ == "auxpass" for c in verb.children)
            and not any(c.dep_ in SUBJ_DEPS | {"nsubjpass"} for c in verb.children))


def _reported_passive(draft: Draft) -> bool:
    """'X said (that) 75 soldiers had been returned', 'X confirmed that 56 detainees were released by Y': a passive
    clause reported by a verb has a subject of its own (what the act was done to); whoever reports it does not do
    it, so the reporter's subject is not inherited (only a 'by' agent takes part). A detention is the exception: the
    authority that reports it holds the detainees ('the Interior Ministry said 63 people had been detained'), unless the
    passive names who held them ('two protesters were detained by police, a police spokeswoman said')."""
    token = draft.token
    return (token.dep_ == "ccomp" and any(c.dep_ == "nsubjpass" for c in token.children)
            and ("Arrest" not in lineage(draft.kind) or bool(_agents(token))))


OBJECT_AGENT_PREPS = {"for", "of"}


def _object_agents(token: Token) -> list[Token]:
    """Who did the act a verb blames, thanks or charges its object for: the object ('blamed the RSF for the shelling',
    'accused Kyiv of shooting it down', 'thanked Qatar for its mediation'); not the verb's subject, who judges it."""
    prep = token.head
    if token.dep_ not in {"pobj", "pcomp"} or prep.lower_ not in OBJECT_AGENT_PREPS or prep.head.pos_ != "VERB":
        return []
    if prep.lower_ == "of" and ((sense := _choose(prep.head)) is None
                                or not ("LegalAction" in lineage(sense.kind) or sense.kind == "Accusation")):
        return []  # "warned Kyiv of an offensive": who is warned does not do it
    return [c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i]


def _after_preposition(token: Token) -> Token | None:
    """Who speaks in 'X justified his choice by saying, "..."', 'X was criticised for saying ...': the subject of the
    verb that 'by' (the act was the saying) or 'for' (the saying was its cause) hangs on; not 'left without saying
    whether ...' (nothing was said), nor the looser 'after', 'in', 'while' (measured: a false statement on check)."""
    if (token.dep_ != "pcomp" or token.head.pos_ != "ADP" or token.head.head.pos_ not in {"VERB", "AUX"}
            or token.head.lower_ not in {"by", "for"}):
        return None
    verb = token.head.head
    return next((c for c in verb.children if c.dep_ in SUBJ_DEPS | {"nsubjpass"}), None) or _inherited_subject(verb)


def _fronted_speaker(token: Token) -> Token | None:
    """Who speaks in 'In Lisbon, Portugal's Prime Minister, NAME, said ...' when the parser reads the title and the name
    set off by commas as part of the opening phrase ('In Lisbon, ... Minister' as a list), leaving the verb no subject:
    a person's name closed by the comma right before the verb, inside a phrase before the verb that hangs on it."""
    if token.i < 3 or token.nbor(-1).text != "," or token.nbor(-2).ent_type_ != "PERSON":
        return None
    name = top = token.nbor(-2)
    while top.head.i not in {top.i, token.i}:
        top = top.head
    return name if top.head.i == token.i and top.dep_ == "prep" and top.i < name.i else None


def _quoted_as_saying(token: Token) -> Token | None:
    """Who speaks in 'X was quoted as saying "..."' (or reported, cited): the passive subject of the verb that
    'as' hangs on; in the active voice ('State media quoted X as saying', 'Interfax cited an official as saying') its
    object, not its subject, which only passes the words on."""
    if token.dep_ != "pcomp" or token.head.lower_ != "as" or token.head.head.pos_ != "VERB":
        return None
    verb = token.head.head
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None) or next(
        (c for c in verb.children if c.dep_ == "dobj" and c.i < token.i), None)


MISREAD_SUBJECT_DEPS = {"advmod", "npadvmod", "dep", "nmod", "compound"}


def _name_after_quote(ctx: Context, token: Token) -> Token | None:
    """Who speaks in '"...," Chelly told reporters' when the parser reads the name between the closing mark and the
    verb as a modifier of the verb, not its subject: a name of an actor right after the quotation, right before
    the verb."""
    if token.i == 0:
        return None
    if (described := _described_name_after_quote(ctx, token)) is not None:
        return described
    name = token.doc[token.i - 1]
    while name.head.i != name.i and name.head.i < token.i and name.dep_ == "compound":
        name = name.head
    if name.head.i != token.i or name.dep_ not in MISREAD_SUBJECT_DEPS or name.pos_ != "PROPN":
        return None
    before = token.doc[name.left_edge.i - 1] if name.left_edge.i > 0 else None
    if before is None or not (before.is_quote or before.text == "," and before.i > 0 and token.doc[before.i - 1].is_quote):
        return None
    return name if actors(ctx, name) else None


DESCRIPTION_WORDS = 8  # the longest description between a quotation and the name it describes ('the group's secretary-general')


def _described_name_after_quote(ctx: Context, token: Token) -> Token | None:
    """Who speaks in '"...," the group's secretary-general, Bilal Ag Acherif, said' when the parser, misled by the
    description, gives the verb no subject: the person named right before the verb, set off by commas, after a
    description of a few words with no verb that follows the quotation's closing mark."""
    doc = token.doc
    j = token.i - 1
    if j < 1 or doc[j].text != ",":
        return None
    m = ctx.mention(doc[j - 1])
    if m is None or m.type != "Person" or doc[j - 1].pos_ != "PROPN":
        return None
    k = j - 1
    while k > 0 and ctx.mention(doc[k - 1]) is m:
        k -= 1
    if k < 2 or doc[k - 1].text != ",":
        return None
    i = k - 2
    while i >= 0 and k - 1 - i <= DESCRIPTION_WORDS and not doc[i].is_quote:
        if doc[i].pos_ in {"VERB", "AUX"} or doc[i].text in {",", ".", ";", ":"}:
            return None
        i -= 1
    if i < 1 or not doc[i].is_quote or i == k - 2 or not (doc[i - 1].text == "," or ctx.in_quote(doc[i - 1].idx)):
        return None
    return doc[j - 1]


def _statement_issuer(ctx: Context, noun: Token) -> Token | None:
    """Who speaks in '"...," the statement said': a statement's owner ('A press release from X stated', "X's statement
    said"); else, when 'the statement' names no one, the statement the text named before,
    in this paragraph or the one before, is someone's: its owner ("the army's statement", "a statement from the
    army"), or the subject of the verb it goes with ("The army said in a statement ...", "In a statement read on
    television, the army declared ...", "The army issued a statement")."""
    press = noun.lemma_.lower() == "release" and any(c.dep_ == "compound" and c.lower_ == "press" for c in noun.children)
    if noun.pos_ != "NOUN" or not (noun.lemma_.lower() in _statement_nouns() or press) or actors(ctx, noun):
        return None
    released = [g for v in noun.children if v.dep_ == "acl" for a in v.children if a.dep_ == "agent"
                for g in a.children if g.dep_ == "pobj"]  # 'A statement released by the ministry said'
    owners = [o for o in _owners(noun)[1:] + released if actors(ctx, o) or _noun_antecedent(ctx, o)]
    if owners:  # 'A press release from the Red Cross stated: "..."'; 'from the ministry': the ministry named before
        return owners[0]
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    lo = paragraph_bounds(ctx.text, paragraph_bounds(ctx.text, noun.idx)[0] - 2)[0] if noun.idx > 2 else 0
    for t in reversed(ctx.doc[:noun.i]):
        if t.idx < lo:
            break
        if t.lemma_.lower() != noun.lemma_.lower() or ctx.in_quote(t.idx):
            continue
        owners = [o for o in _owners(t)[1:] if actors(ctx, o)]
        if owners:
            return owners[0]
        verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "in" else t.head if t.dep_ == "dobj" else None
        while verb is not None and verb.dep_ == "acl" and verb.head.i == t.i:
            verb = None  # 'a statement read on television': the participle is the statement's
        if verb is not None and verb.pos_ in {"VERB", "AUX"}:
            subject = next((c for c in verb.children if c.dep_ in SUBJ_DEPS), None)
            return subject if subject is not None and actors(ctx, subject) else None
        return None
    return None


def _negated_verb(verb: Token) -> bool:
    """'would not attend', 'never joined', 'did not hold': the verb says its act was not done."""
    return any(c.dep_ == "neg" for c in verb.children)


def read_arguments(ctx: Context, draft: Draft) -> None:
    """Participants, place, time and status of one trigger."""
    token, args = draft.token, draft.trigger.args
    subjects = [c for c in token.children if c.dep_ in SUBJ_DEPS]
    patients: list[Token] = []
    passive = token.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)
    if token.pos_ in {"VERB", "AUX"} and not subjects and not (draft.trigger.speech and passive) and not _reported_passive(draft):
        # "as stated on the website", "is claimed to be": a speech verb in the passive has no speaker in the clause it
        # hangs on
        named = _name_after_quote(ctx, token) if draft.trigger.speech else None  # before a subject the parser makes it share
        named = named or (_speaker_going_on(token) if family(draft.kind) == "statement" else None)
        inherited = named or (None if _own_patient(token) else _inherited_subject(token)) or (
            _quoted_as_saying(token) or _after_preposition(token) or _fronted_speaker(token) if draft.trigger.speech else None)
        subjects = [inherited] if inherited is not None and not _reported_violence(draft) else []
        if subjects and _bare_passive(token):  # "Coffey resigned and was succeeded by Barclay": the shared subject is
            patients, subjects = subjects, []  # what the passive is done to; its 'by' agent (read below) does it
        if subjects and not actors(ctx, subjects[0]) and (nearer := _nearer_clause_subject(ctx, token)) is not None:
            subjects = [nearer]
        if subjects and _no_doer(ctx, subjects[0]) and (outer := _outer_subject(ctx, token)) is not None:
            subjects = [outer]
        if token.dep_ in {"relcl", "acl"} and token.head.pos_ in {"NOUN", "PROPN"}:
            subjects = subjects or [token.head]
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and (token.head.head.lemma_ in MOTION_VERBS | LIGHT_VERBS
                                                           or token.head.lower_ == "on" and token.head.head.lemma_ == "be"):
        verb = token.head.head  # "travel to Washington for talks with Pompeo": the traveller takes part; "Macron is on
        # a visit to China", "workers were on strike": who is on it does it
        subjects = [c for c in verb.children if c.dep_ in SUBJ_DEPS] or ([s] if (s := _inherited_subject(verb)) else [])
    elif draft.kind in POLITY_EVENTS and _in_vote(token) and not _negated_verb(verb := token.head.head):
        # "Boric defeated Kast in the run-off", "the party won 26 percent in the election", "he was defeated by Dan in
        # the runoff": who ran in it, and whom the winner beat (a verb with a subject of its own: not what "chose to
        # leave the EU in a referendum" leaves)
        subjects = [c for c in verb.children if c.dep_ in SUBJ_DEPS | {"nsubjpass"}]
        subjects += [c for c in verb.children if c.dep_ == "dobj"] + _agents(verb) if subjects else []
    if not subjects and token.pos_ in {"VERB", "AUX"} and _hyphenated(token):
        subjects = _split_subjects(token)  # "Paul Biya was re-elected in October 2025"
    if draft.trigger.speech and len(subjects) == 1 and (issuer := _statement_issuer(ctx, subjects[0])) is not None:
        subjects = [issuer]  # '"...," the statement said': who issued the statement named before
    if not subjects and _attended(draft):  # "X called for restraint in a telephone call with Y": X takes part
        subjects = [c for c in token.head.head.children if c.dep_ in SUBJ_DEPS]
    effort = token.head if token.dep_ == "compound" and token.head.lemma_.lower() in EFFORT_NOUNS else _spell_of(token)
    if token.pos_ == "NOUN" and effort.dep_ in OBJ_DEPS and (effort.head.lemma_ in LIGHT_VERBS | ASPECT_VERBS or _carrier(effort.head)
                                                             or getattr(_ordering_verb(effort), "i", -1) == effort.head.i):
        # "launched a mediation effort", "resumed talks", "speeded up the withdrawal": who does it takes part;
        # "would not attend the summit": who does not, does not
        verb = effort.head
        subjects = [] if _negated_verb(verb) else (
            [c for c in verb.children if c.dep_ in SUBJ_DEPS] or ([s] if (s := _inherited_subject(verb)) else []))
    if token.pos_ == "NOUN" and token.dep_ == "nsubjpass" and (token.head.lemma_ in LIGHT_VERBS or _carried_out(token.head)
                                                               or _ordered(token)):
        # "the rescue was carried out by the coast guard", "the talks were held by Qatar": the agent does it (not
        # "the summit was overshadowed by the absence of Xi")
        subjects = _agents(token.head) or subjects
    if (prep := _temporal_prep(token)) is not None and draft.kind not in POLITY_EVENTS and not _reacted_to(draft, prep.head):
        clause = prep.head  # "Following a meeting ..., Vucic and Hoti came": they took part; not "moved to the ministry
        # after the election": a state holds its election (`home_elections`), whoever acted after it
        subjects = [c for c in clause.children if c.dep_ in SUBJ_DEPS] or ([s] if (s := _inherited_subject(clause)) else [])
        if _spoken_after(token, clause):
            subjects = []
        if not any(actors(ctx, s) for s in subjects):  # "was signed by envoys of X and Y after talks": the agents
            subjects = _agents(clause) or subjects
    if token.pos_ == "NOUN" and (order := _ordering_verb(token)) is not None and order.dep_ == "relcl":
        subjects = _agents(order) or subjects  # "(fled after) the evacuation of Macomia, which was ordered by the
        # governor": who ordered it carries it out, as in the passive
    subjects = subjects or _object_agents(token)
    subject_role = args.get("subj", "participant") if token.pos_ != "NOUN" else "participant"
    if subject_role == "participant" and family(draft.kind) == "statement":
        subject_role = "speaker"  # "Belgrade rejected the plan": a rejection is said, and who says it is its speaker
    for subj in subjects:
        holder = _titled_speaker(ctx, subj) if draft.trigger.speech or family(draft.kind) == "statement" else []
        holder = holder or (_office_holder(ctx, subj) if draft.trigger.speech else [])
        if not holder and (draft.trigger.speech or family(draft.kind) == "statement") and (
                named := _name_before_title(ctx, subj)) is not None:
            holder = actors(ctx, named)
        keys = holder or actors(ctx, subj) or (_spoken_for(ctx, subj) + _it_antecedent(ctx, subj) + _noun_antecedent(ctx, subj)
                                               + _spokesperson_antecedent(ctx, subj)
                                               if draft.trigger.speech and not _reported_speech(token) else [])
        keys = keys or (_spoken_for(ctx, subj) if family(draft.kind) == "statement" else [])  # "a spokesman for
        # the ministry rejected the proposal": a demand, rejection or accusation is said, for the body the speaker speaks for
        keys = keys or _they_antecedent(ctx, subj) or _it_antecedent(ctx, subj) or (
            [] if draft.trigger.speech else _noun_antecedent(ctx, subj, named=True) or _group_antecedent(ctx, subj))  # "the
        # government rejected the plan", "police arrested 140", "the ministers agreed": the body or the actor named
        # before with that noun (a speech verb has its own guard above)
        if draft.trigger.speech and not _speaking_noun(ctx, subj):  # "the ACARS data suggests": a thing, not its maker,
            # says it; a name beside it still speaks ("an aerospace analyst, Richard Aboulafia, said")
            keys = [k for c in subj.children if c.dep_ in {"appos", "conj"} for k in actors(ctx, c)]
        for key in keys:
            draft.add(key, subject_role)
        own = subj.pos_ == "NOUN" and _triggers_for(subj) and _placed(ctx, token)
        for prep in subj.children if not own else ():  # "prosecutors in The Hague"; not another event's place when the
            # act has its own ('The summit in Paris comes after a meeting in Berlin': the meeting's is Berlin)
            if prep.dep_ == "prep" and prep.lower_ in {"in", "at"}:
                for pobj in prep.children:
                    draft.place = draft.place or _place(ctx, pobj)
    if "obj" in args:
        for key in (k for p in patients for k in actors(ctx, p)):
            draft.add(key, args["obj"])
        for name in _stranded_apposition(ctx, token):
            for key in actors(ctx, name):
                draft.add(key, args["obj"])
    for agent in _stranded_passive_agent(ctx, token):
        for key in actors(ctx, agent):
            draft.add(key, args.get("by") or args.get("subj", "participant"))
    if draft.kind == "Demand" and token.pos_ == "VERB":
        for key in (k for n in _for_clause_subjects(token) for k in actors(ctx, n)):
            draft.add(key, args.get("on", "target"))  # "called for Britain to leave": as "called on Britain to leave"
    for child in token.children:
        if child.dep_ == "dative" and child.pos_ == "ADP":
            continue  # "granted asylum to X": a preposition, read with the others
        if child.dep_ in OBJ_DEPS | {"dative", "nsubjpass"} and token.pos_ in {"VERB", "AUX"}:
            slot = "dative" if child.dep_ == "dative" else "obj"
            if (slot not in args and draft.trigger.plover in patient_types() and child.dep_ != "nsubjpass"
                    and child.ent_type_ in NAMED_AGENTS - {"NORP"}):  # not 'barred Americans from': whom a ban binds
                for key in actors(ctx, child):
                    draft.add(key, "target")  # "fined Microsoft (899 million euros)": the one an act is done to
            if slot in args:
                for key in actors(ctx, child) or (_they_antecedent(ctx, child, people=True) if child.dep_ == "nsubjpass" else []):
                    draft.add(key, args[slot])  # "They were freed by X": the people the sentence before named
                target = ctx.mention(child)
                if args[slot] == "target" and draft.trigger.plover in patient_types() and target is not None and target.type == "Place":
                    draft.place = draft.place or _place(ctx, child)  # "shelled Kharkiv": where the act happened, and
                    draft.add(target.key, "target")  # what it was done to (a place may take part: shapes.ttl)
            if child.dep_ == "dobj" and draft.kind == "Visit" and token.pos_ == "VERB":
                draft.place = draft.place or _place(ctx, child)  # "is due to visit Tacloban": where the visit is
            if child.dep_ in OBJ_DEPS:
                _modifier_roles(ctx, draft, child)
                done = child.pos_ == "NOUN" and bool(_triggers_for(child))  # "blocked the acquisition of X by Y": the
                _prep_roles(ctx, draft, child, exclude={"of", "by"} if done else {"of"})  # 'by' names who acquires,
                for key in (k for a in _noun_agents(child) for k in actors(ctx, a)) if done else ():  # not who blocks:
                    if args.get(slot) == "target" and key not in draft.participants:  # what is done to the act is
                        draft.add(key, "target")  # done to its doer
            if child.dep_ in OBJ_DEPS or (child.dep_ == "nsubjpass" and args.get("obj") == "target"
                                          and not _described_defendant(child, draft.trigger)):  # not the employer of
                _nested_targets(ctx, draft, child)  # "a head of finance at X was sentenced"; "a camp for Congolese
                # refugees was attacked"
            if child.dep_ == "dobj" and args.get("obj") == "target":
                for key in _doers_of(ctx, child):  # "condemned the nuclear test carried out by China"
                    draft.add(key, "target")
        elif child.dep_ in {"compound", "amod", "nmod", "poss"} and token.pos_ == "NOUN":
            m = ctx.mention(child)
            if m is not None and m.type == "Place" and m.rule != "capital-as-government":
                draft.place = draft.place or m.key
                if draft.kind in POLITY_EVENTS:  # "the Hong Kong legislative election": the polity holds it
                    draft.add(m.key, "organizer")
            elif m is not None and (child.dep_ == "poss" or (child.dep_ == "amod" and m.type == "State"
                                                             and draft.trigger.plover in VIOLENT_TYPES | CROWD_TYPES
                                                             and not _hyphen_joined(child))):
                draft.add(m.key, "participant")  # "Israel's invasion", "Israeli airstrikes": the state that strikes;
                # "Kenyan protests", "the Serbian student protests": the state whose people protest (CAMEO codes an
                # unnamed crowd by its country); not "anti-Japanese protests", "pro-Russian rallies" (whom they are about)
            elif m is not None and m.type == "State" and draft.kind in POLITY_EVENTS:
                draft.add(m.key, "organizer")  # "the French presidential election"
            elif m is not None and m.type in {"State", "Organization"} and _aimed_noun(token, args) and child.dep_ != "poss":
                draft.add(m.key, "participant")  # "the US sanctions on Iran", "the EU ban on Russian oil", "Chinese
                # tariffs on Canadian canola": an act aimed at someone is done by the state or body named before it
            elif m is None and child.dep_ == "poss" and child.tag_ == "PRP$":
                for key in _possessor(ctx, child):  # "his trial", "its invasion of Kuwait": as a named possessor
                    draft.add(key, "participant")
    if token.pos_ in {"VERB", "AUX"} and draft.trigger.plover in patient_types():
        for first in (d for d in _noun_datives(token) if d.dep_ == "nmod"):  # "fined Orbis Bank 2 million pounds"
            for key in actors(ctx, first):
                draft.add(key, args.get("dative", "target"))
    _prep_roles(ctx, draft, token)
    for war in (g for c in token.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
                if g.dep_ == "pobj" and _conflict_noun(g)):
        _nested_targets(ctx, draft, war, 1)  # "mobilized reservists for a war against Iraq": whom it is aimed at
    if token.pos_ == "NOUN" or _gerund_subject(token):
        # "the invasion of Ukraine by Russia": whoever does what the noun names takes part in it
        agents = _noun_agents(token, own_by="by" not in args)
        for key in (k for agent in agents for k in actors(ctx, agent)):
            draft.add(key, args.get("by", "participant"))
    if (draft.trigger.actorless and token.pos_ == "NOUN" and token.dep_ in SUBJ_DEPS
            and _choose(token.head, ctx.is_actor, ctx.is_armed) is None):
        for prep in (c for c in token.head.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):  # "floods killed 40 people in Bangladesh"
                draft.place = draft.place or _place(ctx, pobj)
    if token.pos_ == "NOUN" and token.dep_ == "compound" and token.head.lemma_.lower() in EFFORT_NOUNS:
        _prep_roles(ctx, draft, token.head)  # "a mediation effort between the Emirates and Saudi Arabia"
    for verb in _occurrence_verbs(token):  # "the talks began in Geneva"
        for pobj in (g for c in verb.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS for g in c.children if g.dep_ == "pobj"):
            draft.place = draft.place or _place(ctx, pobj)
    if (light := _light_verb(token)) is not token and not draft.place:
        for pobj in (g for c in light.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS for g in c.children if g.dep_ == "pobj"):
            draft.place = draft.place or _place(ctx, pobj)  # "held a meeting in Berlin": the parser hangs the place on
            # the light verb whose object the event noun is
    _modifier_roles(ctx, draft, token)
    if draft.kind == POSTPONEMENT_KIND and not draft.participants:
        for key in _postponers(ctx, token):
            draft.add(key, "participant")
    for key in _attendees(ctx, token, draft.kind):
        draft.add(key, "participant")
    if draft.kind in HAPPENING_KINDS and draft.trigger.actorless:
        _affected_state(ctx, draft)
    _read_time(ctx, draft)
    _read_status(ctx, draft)
    if draft.kind == CROWD_KIND and not draft.participants and draft.status == "planned":
        for key in _announcers(ctx, token):
            draft.add(key, "participant")


POSTPONEMENT_KIND = "Postponement"
CROWD_KIND = "Protest"


def _announcers(ctx: Context, token: Token) -> list[str]:
    """'Hoffmann said members would hold rallies across the country next week', 'NAME said his supporters would take to
    the streets on Tuesday': who announces a protest still to come by people named by no actor (members, supporters,
    the protesters) speaks for its organisers, and takes part; not a protest told as past ('police said protesters
    had marched'), nor one whose marchers are named."""
    verb = _light_verb(token)
    said = _reporting_verb(verb) if verb.pos_ in {"VERB", "AUX"} else None
    if said is None or any(actors(ctx, c) for c in verb.children if c.dep_ in SUBJ_DEPS):
        return []
    return [k for c in said.children if c.dep_ in SUBJ_DEPS for k in actors(ctx, c)]


def _postponers(ctx: Context, verb: Token) -> list[str]:
    """Who puts off a thing the passive names with no doer: who announces it ('Airbus announced that the tour has been
    delayed'), else the organisation whose thing it is, a modifier in the subject's phrase ('The departure of the new
    Airbus A380 on its tour has been delayed', 'the launch of Boeing's new jet was postponed'); a state or a place
    there names where, not whose ('the Malaysia visit was postponed')."""
    if verb.pos_ not in {"VERB", "AUX"} or not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ANNOUNCE_VERBS:
        found = [k for c in verb.head.children if c.dep_ in SUBJ_DEPS for k in actors(ctx, c)]
        if found:
            return found
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.pos_ != "NOUN" or ctx.mention(subject) is not None or subject.lemma_.lower() in _agent_words():
        return []
    return list(dict.fromkeys(m.key for t in subject.subtree if t.dep_ in {"compound", "poss"} and t.head.pos_ in {"NOUN", "PROPN"}
                              and (m := ctx.mention(t)) is not None and m.type == "Organization"))


ATTENDANCE_PREPS = {"at", "during"}


def _attendees(ctx: Context, noun: Token, kind: str) -> list[str]:
    """'NAME raised the case with NAME2 at the G20 summit', 'NAME spoke during the talks': whoever (a person or a
    state) does something at a meeting named by a noun, and whom it is done with, is there; a thing done there, or a
    body's act ('police arrested fifty people at the summit'), names no one who attends."""
    if noun.pos_ != "NOUN" or family(kind) != "meeting" or noun.dep_ != "pobj" or noun.head.lower_ not in ATTENDANCE_PREPS:
        return []
    verb, people = noun.head.head, []
    for _ in range(6):  # 'raised the case with NAME2 at the summit': the parser may hang the phrase on a noun before it
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        people += [verb] if verb.dep_ == "pobj" and verb.head.lower_ == "with" else []
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    people += [c for c in verb.children if c.dep_ in SUBJ_DEPS]
    people += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    types = {m.key: m.type for m in ctx.by_token.values()}
    return [k for p in people if ctx.mention(p) is not None  # a name, not 'Japanese police'
            for k in actors(ctx, p) if types.get(k) in {"Person", "State"}]


HAPPENING_KINDS = {"Disaster", "Accident"}  # what befalls a place: the state it befalls takes part (shapes.ttl: a state
# may be a participant); a death is someone's, not the state's
WHERE_PREPS = {"in", "at", "near", "off", "on"}  # "crashed in Kenya", "capsized on the Meghna river", "derailed near Ogulin"
NESTED_PLACE_PREPS = {"in", "at", "near", "off", "under", "of", "across", "along", "over"}  # "under a glacier in the south of Iceland"


def _affected_state(ctx: Context, draft: Draft) -> None:
    """'An earthquake struck Haiti', 'The eruption, under a glacier in the south of Iceland, began', 'a bus crashed in
    Kenya': a disaster or accident with no actor happens at a place its noun or its verb names (the object of the verb
    it is the subject of or its 'in' phrase, a place phrase of the noun at any depth), and befalls the state of that place, its
    participant."""
    token = draft.token
    stranded = _stranded_clause_verb(token)
    subject = token.head if token.dep_ == "appos" and token.head.dep_ == "nsubj" else token  # "a magnitude 6.9
    # earthquake struck": the parser makes 'magnitude' the subject and the quake its apposition
    region_state = ""
    if not draft.place and (token.pos_ in {"NOUN", "PROPN"} and subject.dep_ == "nsubj" and subject.head.pos_ == "VERB"
                            or stranded is not None):
        verb = stranded or subject.head
        draft.place = next((k for c in verb.children if c.dep_ == "dobj" if (k := _place(ctx, c))), "")
        region = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in place_nouns()), None)
        if region is not None:
            draft.place = draft.place or _nested_place(ctx, region, 1) or next(
                (m.key for c in region.children if c.dep_ == "compound" if (m := ctx.mention(c)) is not None and m.type == "Place"), "")
            region_state = _state_named_on(ctx, region)  # "struck the southern Peruvian region of Arequipa", "hit
            # Chile's Atacama region": the place the place noun names, in the state its modifier names
        holders = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
        draft.place = draft.place or next((k for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in {"in", "across"}
                                           for g in c.children if g.dep_ == "pobj" if (k := _place(ctx, g))), "")
        # "an earthquake killed 40 people in Peru", "a storm cut power across Cuba": the place of what it did
    if not draft.place and token.pos_ in {"NOUN", "PROPN"}:
        draft.place = _nested_place(ctx, token, 0)
    phrases = [g for c in token.children if c.dep_ == "prep" and c.lower_ in WHERE_PREPS for g in c.children if g.dep_ == "pobj"]
    if token.pos_ == "VERB":
        draft.place = draft.place or next((k for g in phrases if (k := _place(ctx, g) or _nested_place(ctx, g, 1))), "")
        # "capsized on the Meghna river in central Bangladesh", "overturned near Nakuru in Kenya": where a vehicle's
        # accident happened, the first place of the verb's place phrase, at any depth
    if draft.participants or not draft.place:
        return
    m = next((m for m in ctx.by_token.values() if m.key == draft.place), None)
    state = draft.place if m is not None and m.type == "State" else state_of(draft.place) or region_state
    if not state and token.pos_ == "VERB":
        named = {m.key for g in phrases for t in g.subtree if (m := ctx.mention(t)) is not None and m.type == "State"}
        state = next(iter(named)) if len(named) == 1 else ""  # "near Nakuru in Kenya": the one state the phrase names
    if state:
        draft.add(state, "participant")
        if token.pos_ in {"NOUN", "PROPN"}:
            for key in _joined_states(ctx, subject, draft.place):
                draft.add(key, "participant")


def _joined_states(ctx: Context, subject: Token, place: str) -> list[str]:
    """'An earthquake struck southern Turkey and northern Syria': the states joined by 'and' to the place the
    happening (the verb's subject) struck, which it befalls too."""
    if subject.dep_ != "nsubj" or subject.head.pos_ != "VERB":
        return []
    joined = [c for o in subject.head.children if o.dep_ == "dobj" and _place(ctx, o) == place for c in o.conjuncts if c.i > o.i]
    return [key for c in joined if (k := _place(ctx, c)) and (key := _place_state(ctx, k))]


def _state_named_on(ctx: Context, noun: Token) -> str:
    """The one state a place noun's modifier names: 'the Peruvian region', "Chile's Atacama region" -> that state."""
    states = {m.key for c in noun.children if c.dep_ in {"amod", "compound", "poss"}
              if (m := ctx.mention(c)) is not None and m.type == "State"}
    return next(iter(states)) if len(states) == 1 else ""


MANNER_PREPS = {"in", "by"}  # "won in a landslide", "re-elected by a landslide"


def _figurative(ctx: Context, token: Token) -> bool:
    """A disaster noun used as a figure of speech: the manner of an election ('the party won in a landslide', 're-elected
    by a landslide': the verb it hangs on is an election trigger), or a measure of something that is neither a place,
    an actor nor a time ('a storm of criticism', 'a flood of complaints'; not 'the eruption of Etna', 'the earthquake
    of 1985', nor a built structure: 'the collapse of a bridge', `structure_nouns`, nor a value on a scale, a noun
    with its number after it: 'an earthquake of magnitude 7.8', 'a hurricane of category 4')."""
    head = token.head
    if (token.dep_ == "pobj" and head.lower_ in MANNER_PREPS and head.head.pos_ in {"VERB", "AUX"}
            and any(row.kind in POLITY_EVENTS for row in _triggers_for(head.head))):
        return True
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            if (pobj.i not in ctx.time_tokens and ctx.mention(pobj) is None and pobj.pos_ == "NOUN"
                    and pobj.lemma_.lower() not in structure_nouns() and not _scale_value(pobj)
                    and not any(ctx.mention(c) is not None for c in pobj.children if c.dep_ == "compound")):
                return True
    return False


def _scale_value(noun: Token) -> bool:
    """'magnitude 7.8', 'category 4', 'force 10': a singular noun with its number written after it names a value on a
    scale ('3,000 complaints' counts things: the number before a plural)."""
    return noun.tag_ == "NN" and any(c.dep_ == "nummod" and c.i > noun.i and c.like_num for c in noun.children)


def _nested_place(ctx: Context, token: Token, depth: int) -> str:
    """The first place named in a chain of place phrases under a noun ('under a glacier in the south of Iceland')."""
    if depth > 3:
        return ""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in NESTED_PLACE_PREPS):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            if (prep.lower_ != "of" or depth) and (key := _place(ctx, pobj)) or (key := _nested_place(ctx, pobj, depth + 1)):
                return key
    return ""


ATTENDING_PREPS = {"in", "during", "at"}  # not 'after', 'before': "said after the meeting" (`_temporal_prep`)


def _to_infinitive(verb: Token) -> bool:
    """'to' marks the verb an infinitive ('agreed to meet', 'threatened to impose')."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)

def _attended(draft: Draft) -> bool:
    """'X called for respect for due process in a telephone call with Y', 'X said during talks with Y', 'X spoke at
    the summit': a meeting noun in a phrase of 'in', 'during' or 'at' on a finite verb is attended by the verb's
    subject ('threatened to impose sanctions in a meeting with X' says what would happen there, not that it met)."""
    token = draft.token
    verb = token.head.head
    return (token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in ATTENDING_PREPS and verb.pos_ == "VERB"
            and not _to_infinitive(verb) and "Meeting" in lineage(draft.kind))


def _spoken_after(noun: Token, clause: Token) -> bool:
    """'Lavrov told reporters after the vote', 'Anwar said after the closing session': a speaker who speaks after an
    event the article has named ('the') is not said to have taken part in it ('after the meeting with Hoti, Vucic
    said': a counterpart named, the speaker is the other party)."""
    return (_speech_verb(clause) and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
            and not any(c.dep_ == "prep" and c.lower_ in COUNTERPART_PREPS for c in noun.children))


COUNTERPART_PREPS = {"with", "between"}


def _carried_out(verb: Token) -> bool:
    """'carried out': the phrasal verb of doing an act."""
    return verb.lemma_.lower() == "carry" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


def _carrier(verb: Token) -> bool:
    """A verb that names no event of its own and carries the event noun it governs ('speeded up the withdrawal',
    'stepped up their attacks'): no sense of the lexicon holds, it is no verb of communication, and it is finite (a
    purpose, 'to reach a verdict', says nothing happened)."""
    return (verb.pos_ == "VERB" and verb.lemma_.lower() not in speech_verbs() and _choose(verb) is None
            and not _to_infinitive(verb))


def _orders_event(ctx: Context, verb: Token) -> bool:
    """A verb of command whose object is an event noun that holds as an event ('ordered the closure of the border')."""
    nouns = list(verb.children)
    if verb.dep_ == "relcl":  # "the evacuation of Macomia, which was ordered by the governor": the noun it hangs on
        head = verb.head
        nouns += [head.head.head] if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.pos_ == "PROPN" else [head]
    return any(getattr(_ordering_verb(c), "i", -1) == verb.i and (sense := _choose(c, ctx.is_actor, ctx.is_armed)) is not None
               and (not sense.nominalized or _nominal_holds(ctx, c, sense)) for c in nouns)


def _ordered(noun: Token) -> bool:
    """'authorities ordered the evacuation of 23 villages', 'the president authorised the release of prisoners': an
    event noun as the object of a verb of command (ORDER_VERBS, not negated, not an infinitive of purpose) is the
    act, and who ordered it carries it out; 'ordered troops into Tigray' (no event noun) stays a demand. In the
    passive the 'by' phrase orders it ('the inquiry was ordered by the president'). A verb of announcing or agreeing
    (ANNOUNCE_VERBS) does the same with an act of its subject ('Morales announced his resignation', 'EU ministers
    agreed sanctions on 21 officials', 'announced a partial mobilisation'); 'announced the death of' (a happening)
    and 'announced a statement' (words) stay what they were."""
    return _ordering_verb(noun) is not None


def _ordering_verb(noun: Token) -> Token | None:
    """The verb of command (or of announcing, promising, convening) that orders the act an event noun names, the noun
    its object, its passive subject with a 'by' agent, or the relative pronoun standing for it in a passive clause
    with one ('the evacuation of Macomia, which was ordered by the governor'); `_ordered` says which."""
    if noun.pos_ != "NOUN":
        return None
    if noun.dep_ == "dobj" or noun.dep_ == "nsubjpass" and _agents(noun.head):
        verbs = [noun.head]
    else:
        verbs = [c for c in _relative_clauses(noun) if _agents(c) and any(s.dep_ == "nsubjpass" for s in c.children)]
        if doer := next((c for c in verbs if _does_noun(c, noun)), None):
            return doer  # "the embargo, which was imposed by the United States in 1962": the agent does it
    for verb in verbs:
        lemma = verb.lemma_.lower()
        if (verb.pos_ == "VERB" and (lemma in ORDER_VERBS or lemma in ANNOUNCE_VERBS and _announced_act(noun)
                                     or lemma in PROMISE_VERBS and _announced_act(noun, uncoded=True)
                                     or lemma in CONVENE_VERBS and _convened(noun)
                                     or lemma in ORGANISE_VERBS and _announced_act(noun))
                and not _negated_verb(verb) and not _to_infinitive(verb)):
            return verb
    return None


def _relative_noun(clause: Token) -> Token | None:
    """The event noun a relative clause stands on: its head, or the noun before the name the parser hung it on
    ('the evacuation of Kherson, which ...'); None for a clause on anything else."""
    head = clause.head
    if head.pos_ == "PROPN" and head.dep_ == "pobj" and head.head.dep_ == "prep":
        head = head.head.head
    return head if head.pos_ == "NOUN" else None


def _relative_clauses(noun: Token) -> list[Token]:
    """The relative clauses on a noun whose subject is the relative pronoun ('the trial, which opened in January');
    the parser often hangs one on the name closing the noun's phrase ('the trial of Andrei Cebotari, which opened in
    January', 'the election in Bulgaria, which took place in October'): 'which' there is not the name's."""
    names = [g for p in noun.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    return [c for n in (noun, *names) for c in n.children if c.dep_ == "relcl" and any(
        s.dep_ in {"nsubj", "nsubjpass"} and (s.tag_ in {"WDT", "WP"} if n is noun else s.lower_ == "which") for s in c.children)]


def _convened(noun: Token) -> bool:
    """'called an indefinite general strike', 'have called a tenth day of strikes': an act someone holds (no happening,
    no words), the object of 'call' in its sense of convening, not 'called the vote a sham' (naming: an object
    predicate), 'called off the strike' (a particle) nor 'called him' (no event noun); a count of days 'of' acts is
    those acts."""
    verb = noun.head
    if any(c.dep_ in {"oprd", "xcomp", "ccomp", "prt"} for c in verb.children):
        return False
    return _announced_act(noun) or (noun.lemma_.lower() in _DISTANCE_UNITS and any(
        _announced_act(g) for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"))


def _announced_act(noun: Token, uncoded: bool = False) -> bool:
    """An event noun that names an act someone does: no happening (a death, an accident), no words (a statement);
    `uncoded`, one CAMEO gives no code (a release, an election): 'promised aid' stays CAMEO's promise (03)."""
    return any(not (t.speech or t.kind in actorless_kinds() | HAPPENING_KINDS or uncoded and t.plover) for t in _triggers_for(noun))


def _reported_violence(draft: Draft) -> bool:
    """'The health ministry said 12 civilians were killed': who reports a killing in the passive is not its doer (the
    army reporting its own strikes says so in the active)."""
    token = draft.token
    return (token.dep_ == "ccomp" and draft.trigger.plover in VIOLENT_TYPES and _speech_verb(token.head)
            and any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children))


FORCE_TYPES = VIOLENT_TYPES | {"PROTEST", "COERCE"}  # acts of force and protest: done to or against others


def _reacted_to(draft: Draft, clause: Token) -> bool:
    """'The EU suspended talks after the coup', 'he dismissed his cabinet after nationwide protests': who acts after an
    act of force or protest is not who staged it, unless the noun points back to them ('after a clash between their
    forces'); a trial's parties stay ('ousted Lugo after a one-day trial'), and so does a clause that only places
    things in time ('the election was before the 2014 protests')."""
    token = draft.token
    return (draft.trigger.plover in FORCE_TYPES and "LegalAction" not in lineage(draft.kind) and clause.lemma_ != "be"
            and not any(t.tag_ == "PRP$" for t in token.subtree))


def _temporal_prep(token: Token) -> Token | None:
    """The 'after' an event noun hangs on, directly or through a span of time: 'following a meeting', 'after two
    weeks of talks'."""
    if token.pos_ != "NOUN" or token.dep_ != "pobj":
        return None
    prep = token.head
    if prep.lower_ == "of" and prep.head.lower_ in _DISTANCE_UNITS and prep.head.dep_ == "pobj":
        prep = prep.head.head
    return prep if prep.lower_ in {"following", "after", "before", "during"} else None


POLITY_EVENTS = {"Election"}  # held by the state or region its modifier names
TARGET_PREPS = {"to", "against", "from", "on", "with", "at"}
PLACE_PREPS = {"in", "at", "near", "off"}  # "rescued off Lampedusa"
ROUTE_PREPS = {"through", "across", "around"}  # where a march goes: "thousands marched through central Bangkok"


def _content_targets(ctx: Context, draft: Draft) -> None:
    """Whom a promise, threat or demand is about: the actors its content acts on.

    "offered to hand over two nationals to Britain" -> Britain; "threatened to ban opposition candidates" ->
    the candidates; "demanded that North Korea forsake ..." and "said Sudan must return ..." -> the subject.
    """
    token = draft.token
    if token.pos_ == "NOUN" and draft.kind in CONTENT_KINDS:
        _noun_content_targets(ctx, draft)
        return
    if draft.trigger.plover == "PROTEST":
        _protest_purpose_targets(ctx, draft)
        return
    if draft.kind == "Ruling" and token.pos_ == "VERB":  # "the jury found that Samsung had infringed ...": whom the
        # ruling is on (a ruling's object, 'ordered the arrest of X', is its own event)
        for key in (k for c in token.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in SUBJ_DEPS | {"nsubjpass"}
                    for k in actors(ctx, s)):
            if key not in draft.participants:
                draft.add(key, "target")
        return
    if token.pos_ not in {"VERB", "AUX"} or not (draft.kind in CONTENT_KINDS or token.lemma_.lower() in INTENT_HEADS):
        return
    if draft.kind == "Demand":  # "demanded an immediate admission by Moscow": who is to act
        for key in (k for c in token.children if c.dep_ == "dobj" for a in c.children if a.dep_ in {"prep", "agent"}
                    and a.lower_ == "by" for g in a.children if g.dep_ == "pobj" for k in actors(ctx, g)):
            draft.add(key, "target")
    for clause in (c for c in token.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {"VERB", "AUX"}):
        keys = []
        if clause.dep_ == "ccomp":  # "demanded that Iran release ...": who is to act is the target
            keys += [k for c in clause.children if c.dep_ in SUBJ_DEPS | {"nsubjpass"} for k in actors(ctx, c)]
            for key in keys:
                if key not in draft.participants:
                    draft.add(key, "target")
            if keys:
                continue
        keys += [k for c in clause.children if c.dep_ in {"dobj", "dative"} and c.pos_ != "ADP" for k in actors(ctx, c)]
        keys += [k for c in clause.children if c.dep_ in {"prep", "dative"} and c.lower_ in TARGET_PREPS
                 for g in c.children if g.dep_ == "pobj" for k in actors(ctx, g)]
        for key in keys or (_content_places(ctx, clause) if draft.trigger.plover in conflictual() else []):
            if key not in draft.participants:
                draft.add(key, "target")
        for obj in (c for c in clause.children if c.dep_ == "dobj"):
            _nested_targets(ctx, draft, obj)


def _protest_purpose_targets(ctx: Context, draft: Draft) -> None:
    """Whom a protest is against, by its purpose: 'marched to denounce the government', 'blocked a road to show their
    disapproval of the United States' policies' (what the purpose acts on, and whom that belongs to)."""
    for clause in (c for c in draft.token.children if c.dep_ in {"advcl", "xcomp"} and c.pos_ == "VERB"
                   and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)):
        for obj in (c for c in clause.children if c.dep_ == "dobj"):
            things = [obj, *(g for p in obj.children if p.dep_ == "prep" and p.lower_ in TARGET_PREPS | {"for", "of"}
                             for g in p.children if g.dep_ == "pobj")]
            for key in (k for t in things for k in actors(ctx, t)):
                if key not in draft.participants:
                    draft.add(key, "target")


def _noun_content_targets(ctx: Context, draft: Draft) -> None:
    """'its demand that Israel ease restrictions', 'a threat that Iran would close the strait': the subject of the
    clause a demand or threat noun states is whom it is made to or about."""
    for clause in (c for c in draft.token.children if c.dep_ in {"acl", "ccomp"} and c.pos_ in {"VERB", "AUX"}
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)):
        for key in (k for c in clause.children if c.dep_ in SUBJ_DEPS | {"nsubjpass"} for k in actors(ctx, c)):
            if key not in draft.participants:
                draft.add(key, "target")


def _content_places(ctx: Context, clause: Token) -> list[str]:
    """Where the act a threat or refusal names is to be done, when it names no one it acts on: 'threatened to impose
    a curfew in Algiers', 'refused to deploy peacekeepers in Iraq' (the place's state bears it; not where an agreed
    meeting is to be held: 'agreed to hold talks in Brussels')."""
    heads = [clause, *(c for c in clause.children if c.dep_ == "dobj")]
    return [k for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "in"
            for g in c.children if g.dep_ == "pobj" if (k := _place(ctx, g))]


def _nested_targets(ctx: Context, draft: Draft, noun: Token, depth: int = 0) -> None:
    """Whom an object acts on: 'boycott all contact with the United States', 'continue military aid to Ukraine',
    'suspended part of an aid program for Bosnia' (through 'of' to the thing acted on, and its beneficiary), and
    through 'for' to the conflict it is for ('mobilized reservists for a war against Iraq')."""
    for c in noun.children:
        if c.dep_ != "prep" or c.lower_ not in TARGET_PREPS | {"for", "of"}:
            continue
        for g in c.children:
            if g.dep_ != "pobj":
                continue
            if c.lower_ == "of" or c.lower_ == "for" and _conflict_noun(g):  # "reservists for a war against Iraq"
                if depth < 2:
                    _nested_targets(ctx, draft, g, depth + 1)
                continue
            for key in actors(ctx, g) or _capital_state(ctx, g):
                if key not in draft.participants:
                    draft.add(key, "target")


def _capital_state(ctx: Context, token: Token) -> list[str]:
    """The state a capital stands for as the one an act is done to: 'imposed sanctions on Tehran', 'sent aid to Kabul',
    'stepped up pressure on Pyongyang' (the government there, as a capital that acts names it: 'Tehran said'); a
    small capital only where the article names its state or none ('Victoria' is the Seychelles' in no article on
    Australia); not a place that is no capital ('sanctions on Crimea')."""
    m = ctx.mention(token)
    if m is None or m.type != "Place" or (state := capitals().get(m.key, "")) == "":
        return []
    from kg.extract.entities import states_named
    from kg.gazetteer import entries

    extra = entries()[m.key].extra
    named = states_named(token.doc)
    if extra.get("seat_of_government") or (extra.get("population") or 0) >= SMALL_CAPITAL or state in named or not named:
        return [state]
    return []


def _doers_of(ctx: Context, noun: Token) -> list[str]:
    """Who did the thing a noun names, by a participle after it: 'the test carried out by China', 'the attack
    claimed by the group' (not a role a participle gives: 'a summit hosted by X', `PARTICIPLE_ROLES`)."""
    return [k for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() not in PARTICIPLE_ROLES
            for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj" for k in actors(ctx, g)]


def _prep_roles(ctx: Context, draft: Draft, token: Token, exclude: frozenset | set = frozenset()) -> None:
    """Roles and place from the prepositions of a token: 'with X', 'between X and Y', 'in Brussels'."""
    args = draft.trigger.args
    for child in token.children:
        if not (child.dep_ in {"prep", "agent"} or (child.dep_ == "dative" and child.pos_ == "ADP")) or child.lower_ in exclude:
            continue
        word = "by" if child.dep_ == "agent" else child.lower_
        for pobj in (g for g in child.children if g.dep_ == "pobj"):
            crowd = draft.kind == "Protest" and word in ROUTE_PREPS | {"to"}
            if word in PLACE_PREPS or crowd or word == "to" and draft.kind == "Visit":
                # "marched through Bangkok", "travelled to Doha"; "arrested at his home in Yaounde": the place under
                # the phrase's noun ('of' aside: "at the request of Ukraine" is no place); where a crowd goes, under
                # its noun too ("took to the streets of Belgrade", "marched to parliament in Tbilisi")
                draft.place = draft.place or _place(ctx, pobj) or (_nested_place(ctx, pobj, 0) if word in PLACE_PREPS or crowd else "")
            role = args.get(word) or (args.get("subj") if word == "by" and token.tag_ == "VBN" else None)
            if word == "of" and role == "target" and _noun_infinitive(token):
                role = "participant"  # 'the refusal of the United States to grant visas': who refuses, as 'X refused to
            if role == "participant" and word in {"by", "of"} and family(draft.kind) == "statement":
                role = "speaker"  # "were denied visas by the United States": a rejection is said, as in the active
            if role:
                own = _owner_keys(ctx, pobj) if word == "of" and draft.kind == RETREAT_KIND and _own_agents(pobj) else []
                if own and (m := ctx.mention(pobj)) is not None:
                    own.append(m.key)  # "the withdrawal of Pakistan's ambassador": the envoy withdrawn, and his state
                for key in actors(ctx, pobj) or (_capital_state(ctx, pobj) if role == "target" else []):
                    # "the withdrawal of Russian troops from Kherson": Russia withdraws them
                    draft.add(key, "participant" if key in own else role)  # (not "forces from Panama": whence, a target)
                for prep in pobj.children:  # "arrested by police in Istanbul", "a crackdown on protesters in Minsk"
                    if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
                        for place in prep.children:
                            draft.place = draft.place or _place(ctx, place)


RETREAT_KIND = "Retreat"


@lru_cache(maxsize=1)
def _own_agent_nouns() -> frozenset[str]:
    """Agent nouns of a side's own armed men and envoys ('troops', 'forces', 'ambassador', 'envoy'): the armed sectors
    and the government's (kg/data/sectors.csv) of kg/data/event_actor_nouns.csv."""
    from kg.gazetteer import sectors

    own = (*sectors("armed"), "GOV")
    return frozenset(r["noun"] for r in resources.table("event_actor_nouns.csv") if r["sector"].startswith(own))


def _owner_keys(ctx: Context, noun: Token) -> list[str]:
    """The states or bodies a noun's modifiers name as its owners: 'Russian troops', 'US forces', 'Pakistan's
    ambassador' (not a place after it: 'forces from Panama')."""
    return [m.key for c in noun.children if c.dep_ in {"amod", "compound", "poss", "nmod"}
            for t in (c, *(g for g in c.children if g.dep_ == "conj"))
            if (m := ctx.mention(t)) is not None and m.type in {"State", "Organization"}]


def _own_agents(noun: Token) -> bool:
    """'the withdrawal of Russian troops', 'the withdrawal of Pakistan's ambassador': what a side withdraws are its own
    armed men or envoys, so the state or group they belong to withdraws them ('the release of hostages' is a Release,
    done to those freed)."""
    return noun.lower_ in _own_agent_nouns() or noun.lemma_.lower() in _own_agent_nouns()


def _noun_infinitive(noun: Token) -> bool:
    """'the refusal of the United States to grant visas', 'the decision of the court to free him': an event noun with an
    infinitive of what is (not) done, whose 'of' phrase then names the doer."""
    return noun.pos_ == "NOUN" and any(c.dep_ in {"acl", "relcl"} and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
                                       for c in noun.children)


CROWD_TYPES = {"PROTEST"}  # acts of an unnamed crowd, which a demonym before the noun places in its state


def _hyphen_joined(word: Token) -> bool:
    """'anti-Japanese', 'pro-Russian': a word the tokenizer split from a prefix at a hyphen."""
    return word.i > 1 and word.doc[word.i - 1].text in {"-", "‑"} and word.doc[word.i - 1].idx + 1 == word.idx


def _modifier_roles(ctx: Context, draft: Draft, token: Token) -> None:
    """'EU-backed talks', 'a summit hosted by X', 'a meeting organized by EU officials'; in a relative clause in the
    passive only its agent ('the investigation, which is led by the NTSB')."""
    for child in token.children:
        lemma = child.lemma_.lower()
        if child.dep_ == "relcl" and lemma in PARTICIPLE_ROLES and _passive_relative(child):
            for g in (g for c in child.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"):
                for key in actors(ctx, g):
                    draft.add(key, PARTICIPLE_ROLES[lemma])
        if child.dep_ in {"amod", "acl", "compound"} and lemma in PARTICIPLE_ROLES:
            role = PARTICIPLE_ROLES[lemma]
            for g in child.subtree:
                if g.i == child.i:
                    continue
                if g.dep_ == "pobj" and g.head.dep_ in {"agent", "prep"} and g.head.lower_ == "by":
                    for key in actors(ctx, g):
                        draft.add(key, role)
                elif (g.dep_ == "pobj" and g.head.dep_ == "prep" and g.head.head.i == child.i
                      and g.head.lower_ in COUNTERPART_PREPS and child.dep_ == "acl"):
                    for key in actors(ctx, g):  # "a peace agreement signed in June between Congo and Rwanda"
                        draft.add(key, "participant")
                elif g.dep_ in {"npadvmod", "compound", "nmod"} and g.head.i == child.i or (g.i < child.i and ctx.mention(g)):
                    m = ctx.mention(g)
                    if m is not None and m.type != "Place":
                        draft.add(m.key, role)


AIMING_PREPS = {"on", "against"}  # "sanctions on Iran", "a ban on TikTok", "strikes against rebel positions"


def _aimed_noun(noun: Token, args: dict[str, str]) -> bool:
    """An event noun with a phrase that says whom or what it is aimed at ('sanctions on Iran'): the modifier before
    such a noun is who aims it ('the US sanctions on Iran'); without the phrase a modifier may be the target ('the Iran
    sanctions', 'Russian oil sanctions')."""
    return any(c.dep_ == "prep" and c.lower_ in AIMING_PREPS and args.get(c.lower_) == "target"
               and any(g.dep_ == "pobj" for g in c.children) for c in noun.children)


def _passive_relative(verb: Token) -> bool:
    """'which is led by', 'that was hosted by': a relative clause in the passive whose subject is the relative pronoun,
    as a participle after the noun ('led by', 'hosted by') says the same."""
    return any(c.dep_ == "auxpass" for c in verb.children) and any(
        c.dep_ == "nsubjpass" and c.tag_ in {"WDT", "WP"} for c in verb.children)


_DISTANCE_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
                   "year": "year", "years": "year"}


def _offset(node: Token) -> tuple[int, str] | None:
    """(signed count, unit) when `node` is X in "N units after/before X": X lies N units before/after what governs it.

    Only a counted distance in days, weeks, months or years counts; "after a summit" keeps the governing date.
    """
    if node.dep_ == "advcl":  # "met on Thursday, a day after forces shelled the city"
        mark = next((c for c in node.children if c.dep_ == "mark"), None)
        word = mark.lower_ if mark is not None else ""
        # the count hangs on the clause or on its 'after' ('eleven days after his coalition defeated ...')
        units = [*node.children, *(mark.children if mark is not None else ())]
    elif node.dep_ == "pobj" and node.head.dep_ == "prep":  # "met on Monday, three days before the election"
        word, units = node.head.lower_, list(node.head.children)
    else:
        return None
    if word not in ("after", "before"):
        return None
    for unit in units:
        if unit.dep_ == "npadvmod" and unit.lower_ in _DISTANCE_UNITS:
            n = next((count(c.text) for c in unit.children if c.dep_ in {"nummod", "det"}), None)
            if n is None:
                return None
            return (-n if word == "after" else n), _DISTANCE_UNITS[unit.lower_]
    return None


def _read_time(ctx: Context, draft: Draft) -> None:
    """The time attached to the trigger, else to the nearest verb above it; present tense means the report date.

    An event in "N days after/before X" takes the governing time moved by that distance.
    """
    token = draft.token
    if token.i in ctx.times:
        draft.time = ctx.times[token.i]
        return
    if (time := _clause_time(ctx, token)) is not None:
        draft.time = time
        return
    if (time := _object_time(ctx, token)) is not None:
        draft.time = time
        return
    if draft.kind in ASKING_KINDS and (time := _asked_act_time(ctx, token)) is not None:
        draft.time = time
        return
    if token.tag_ == "VBN" and any(c.dep_ == "aux" and c.tag_ in {"VBZ", "VBP"} and c.lemma_ == "have" for c in token.children):
        return  # "a move Erdogan has threatened to block": the present perfect is not dated by the clause around it
    for verb in _occurrence_verbs(token):  # "the trial is set to begin on Wednesday"
        if verb.i in ctx.times:
            draft.time = ctx.times[verb.i]
            return
    node, offsets = token, []
    while node.head.i != node.i:
        if (offset := _offset(node)) is not None:
            offsets.append(offset)
        if node is not token and _earlier_relative(node):
            return  # "dropping Kiprono, who had faced criticism over protests": the main clause's time is not theirs
        if token.pos_ == "NOUN" and node.dep_ == "pobj" and node.head.lower_ == "over" and node.head.dep_ == "prep":
            return  # "imposed sanctions on Thursday over the dispersal of protests": a cause came before the act
        if node.lemma_.lower() in ANNIVERSARY_NOUNS:
            # "on the third anniversary of Moscow's invasion": the day marks the event, years after it; "the 20th
            # anniversary of Warhol's death in 1987": a past year written right after the event is the event's own
            draft.time = _anniversary_event_time(ctx, token)
            return
        node = node.head
        # 'announced in a televised address on Wednesday that he was dissolving Congress': the verb above is dated by
        # the occasion it spoke at, as its own time would
        time: TimeValue | None = (ctx.times[node.i] if node.i in ctx.times
                                  else _clause_time(ctx, node) if node.pos_ in {"VERB", "AUX"} else None)
        if node.i in ctx.times or time is not None:
            for n, unit in offsets:
                time = shifted(time, n, unit) if time is not None else None
            if time is not None:
                draft.time = time
            return
    if (time := _when_clause_time(ctx, token) or _conjunct_time(ctx, token)) is not None:
        draft.time = time
        return
    verb = token if token.pos_ in {"VERB", "AUX"} else None
    if verb is not None and _present(verb) and draft.trigger.standing:
        return  # "he faces 16 charges": brought on a day the present does not tell
    if verb is not None and _present(verb) and not _in_headline(ctx, token):  # a headline's present tells the past
        draft.time = _report_date(ctx, "present-tense-is-report-date")
    elif verb is not None and _past(verb) and not _placed_by_event(verb):
        draft.time = _narrated_time(ctx, verb)


def _clause_time(ctx: Context, token: Token) -> TimeValue | None:
    """The time on a clause that describes the event itself: a participle or relative clause on the trigger ('a meeting
    organized by EU officials last weekend'), or on the event noun the trigger happened 'in' ('bought Van Loon in a deal
    completed in 2019', 'in a deal that closed in March 2021'), when that clause is no event of its own."""
    own = [c for c in token.children if c.dep_ in {"acl", "relcl"} and _triggers_for(c) == []]
    # the event noun's own time, or its clause's ('completed', 'closed', 'signed'), even where that clause is a trigger
    own += [c for p in token.children if p.dep_ == "prep" and p.lower_ == "in"
            for n in p.children if n.dep_ == "pobj" and n.pos_ == "NOUN" and _triggers_for(n)
            for c in (n, *n.children) if c is n or c.dep_ in {"acl", "relcl"}]
    return next((ctx.times[c.i] for c in own if c.i in ctx.times), None)


ANNIVERSARY_NOUNS = {"anniversary"}


def _anniversary_event_time(ctx: Context, token: Token) -> TimeValue | None:
    """The time written as 'in'/'on' TIME right after the event an anniversary is of ('the 20th anniversary of Andy
    Warhol's death in 1987', 'the anniversary of the bombing on March 11, 2004'), whatever the parse hung it on, when it
    ends over a year before the report: an anniversary falls years after its event, so such a time is the event's
    ('marks the 50th anniversary of independence in 2024' is the anniversary's own year, and stays undated)."""
    after = token.right_edge.i + 1
    if after + 1 >= len(ctx.doc) or ctx.doc[after].lower_ not in {"in", "on"}:
        return None
    start = ctx.doc[after + 1].idx
    time = next((tv for tv in ctx.times.values() if tv.start == start), None)
    if time is None or time.latest.year >= ctx.article.date.year - 1:
        return None
    return time


def _conjunct_time(ctx: Context, verb: Token) -> TimeValue | None:
    """'Tsikhanouskaya rejected the result and filed a complaint on Monday': verbs joined under one subject share the
    time a later one carries when the first has none of its own (a conjunct with a subject of its own is another
    clause: 'Kiev asked for talks and Moscow agreed on Friday')."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    return next((ctx.times[c.i] for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and c.i in ctx.times
                 and not any(n.dep_ in SUBJ_DEPS | {"nsubjpass"} for n in c.children)), None)


def _earlier_relative(verb: Token) -> bool:
    """'Kiprono, who had faced weeks of criticism': a relative clause in the past perfect tells what came before the
    clause it hangs in, which does not date it."""
    return verb.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _placed_by_event(verb: Token) -> bool:
    """'On the eve of the swap, a strike killed ...', 'two days after the talks, ...': the clause is dated from another
    event (`relative_to_events`), not told on from the sentence before."""
    return any(prep.dep_ == "prep" and (g.lower_ in EVE_NOUNS or _offset(g) is not None)
               for prep in verb.children for g in prep.children if g.dep_ == "pobj") or _counted_from_subject(verb) is not None


def _counted_from_subject(verb: Token) -> tuple[Token, tuple[int, str]] | None:
    """'The visit came a week after Starmer dismissed Mandelson', 'The agreement comes a month after X grounded its
    jets': a clause a counted distance after (or before) the verb it hangs on, whose subject is an event noun: (that
    noun, the distance as `_offset` gives it). The clause's act is dated from that event (`relative_to_events`)."""
    if (offset := _offset(verb)) is None or verb.head.pos_ not in {"VERB", "AUX"}:
        return None
    subject = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and _triggers_for(c)), None)
    return (subject, offset) if subject is not None else None


ASSUMED_REPORT_DATE = "undated-news-is-report-date"  # a guess: another mention's own date replaces it (resolve)


def assumed(time: TimeValue | None) -> bool:
    """A date the text does not give, read from the article's date alone (`_reported_news`)."""
    return time is not None and time.rule == ASSUMED_REPORT_DATE


def story_time(ctx: Context, drafts: list[Draft]) -> None:
    """Undated news told in the simple past takes the day of the story (`_story_date`), once nothing else dated it;
    news told in the past 'later in the day' with no day named near it takes the last day the text named before."""
    for draft in drafts:
        if _same_day_anaphor(ctx, draft) and (day := _day_named_before(ctx, draft.time.start)) is not None:
            draft.time = day
    undated = [d for d in drafts if d.time is None and (verb := _telling_verb(d.token)) is not None and _past(verb)
               and _reported_news(ctx, verb)]
    story = _story_date(ctx) if undated else None
    for draft in undated:
        draft.time = story
    for draft in drafts:  # "Police have arrested several people, the government said on Tuesday": by Tuesday
        if draft.time is None and _took_place(draft) and (verb := _telling_verb(draft.token)) is not None:
            said = _reporting_verb(verb) if not _past_perfect(verb) else None  # 'had arrested': before it, undated
            told = ctx.times.get(said.i) if said is not None else None
            if told is not None and told.granularity == "day" and told.latest <= ctx.article.date:
                draft.time = told
    told = {verb.i: d.time for d in drafts if d.time is not None and (verb := _telling_verb(d.token)) is not None}
    for draft in drafts:
        if draft.time is None and (verb := _ended_by(draft.token)) is not None:
            draft.time = told.get(verb.i) or ctx.times.get(verb.i)


def _took_place(draft: Draft) -> bool:
    """The act itself happened: status "occurred", or the status its trigger gives what it acts on ("the visit has
    been postponed, the palace said today": the putting-off took place; the visit is what is postponed)."""
    return draft.status == "occurred" or (bool(draft.trigger.status) and draft.status == draft.trigger.status)


def _ended_by(noun: Token) -> Token | None:
    """'The agreement was signed after ten days of talks': an event noun counted in units of time after which a verb's
    act came ran until that act, and takes its day; the verb, or None ('after the talks' orders, dates nothing)."""
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return None
    units = noun.head.head
    after = units.head
    if (units.dep_ != "pobj" or units.lower_ not in _DISTANCE_UNITS or after.lower_ != "after"
            or not any(c.dep_ == "nummod" or c.dep_ == "det" and count(c.text) for c in units.children)):
        return None
    return after.head if after.head.pos_ in {"VERB", "AUX"} else None


def _day_named_before(ctx: Context, start: int) -> TimeValue | None:
    """The last past day the text names before `start` outside the headline ('Poland yesterday signed ...')."""
    days = [tv for tv in ctx.times.values() if tv.end <= start and tv.granularity == "day" and tv.rule != FROM_DCT
            and tv.latest <= ctx.article.date
            and not _in_headline(ctx, ctx.doc.char_span(tv.start, tv.end, alignment_mode="expand")[0])]
    return max(days, key=lambda tv: tv.start, default=None)


def _same_day_anaphor(ctx: Context, draft: Draft) -> bool:
    """'He met Nawrocki later in the day.' after no day named nearby: the timex counted from the article's date
    (`FROM_DCT`); told in the past, the day meant is the one the story last named (`_day_named_before`)."""
    time, verb = draft.time, _telling_verb(draft.token)
    if verb is not None and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in DECISION_VERBS:
        verb = verb.head  # "On the same day, the National Assembly voted to dismiss him": the vote enacts the act
        # (`_infinitival`), and tells it as done
    return (time is not None and time.rule == FROM_DCT and time.granularity == "day"
            and time.earliest == ctx.article.date and verb is not None and _past(verb))


def _telling_verb(token: Token) -> Token | None:
    """The verb that tells an event as done: the trigger verb itself, the verb whose object or passive subject the
    event noun is ('held a bilateral meeting', 'a summit was held', 'imposed sanctions'), or a verb of occurrence it is
    the subject of ('the talks ended'; not a planned 'is set to begin'); None for other nouns."""
    if token.pos_ in {"VERB", "AUX"}:
        return token
    if token.pos_ == "NOUN" and token.dep_ in {"dobj", "nsubjpass"} and token.head.pos_ == "VERB":
        return token.head
    verbs = _occurrence_verbs(token)  # "the talks ended without a deal"
    return verbs[0] if verbs and not PLANNED_OCCURRENCE & {v.lemma_.lower() for v in verbs} else None


def _story_date(ctx: Context) -> TimeValue | None:
    """The day of the news the article reports: the first day its lead paragraph dates an act by ('Soldiers seized
    power on Tuesday'); what follows undated in the story is read as of that day. None when the lead dates no day."""
    lead = None
    for tv in sorted(ctx.times.values(), key=lambda t: t.start):
        if lead is None and not _in_headline(ctx, ctx.doc.char_span(tv.start, tv.end, alignment_mode="expand")[0]):
            lead = paragraph_bounds(ctx.text, tv.start)
        if lead is not None and tv.start >= lead[1]:
            break
        if lead is not None and tv.granularity == "day" and tv.latest <= ctx.article.date:
            return replace(tv, text="", start=-1, end=-1, rule=ASSUMED_REPORT_DATE)
    return None


def _report_date(ctx: Context, rule: str) -> TimeValue:
    """The day the article reports."""
    d = ctx.article.date
    return TimeValue(d.isoformat(), "day", d, d, text="", rule=rule)


def _reporting_verb(verb: Token) -> Token | None:
    """The verb of speech in the past whose reported clause `verb` heads ('Police have arrested five people, the
    ministry said on Tuesday'), or None."""
    node = _first_conjunct(verb)
    return node.head if node.dep_ == "ccomp" and _speech_verb(node.head) and _past(node.head) else None


def _past_perfect(verb: Token) -> bool:
    """'had arrested': before the time it is told at."""
    return any(c.lower_ == "had" for c in verb.children if c.dep_ == "aux")


def _reported_news(ctx: Context, verb: Token) -> bool:
    """'The African Union condemned the coup.', 'Kalaba rejected the result.': a main clause in the simple past with no
    time of its own, no time before it in its paragraph and none in its sentence, is news of the day reported (not a
    past perfect, a relative clause 'who defeated Lungu', a headline, or a sentence that dates something else). What a
    main clause's verb of speech reports in the past ('X confirmed that 56 detainees had been released by Y') is news
    of that day too."""
    node = _first_conjunct(verb)
    reported = (said := _reporting_verb(verb)) is not None and said.dep_ == "ROOT"
    if ((node.dep_ != "ROOT" and not reported) or _in_headline(ctx, verb)
            or (not reported and _past_perfect(verb)) or _placed_by_event(verb)):
        return False
    nested = _nested_event_times(ctx, verb)
    return not any(t.i in ctx.time_tokens and t.i not in nested for t in verb.sent)


def _nested_event_times(ctx: Context, verb: Token) -> set[int]:
    """The time tokens that date an event noun inside the verb's object ('ordered an inquiry into the release of water
    from the dam on Friday': Friday is the release's): they are that noun's own time, and leave the verb's act as
    undated as a sentence without them (a time the parser hangs on the verb or on its object itself dates the act)."""
    objects = {c.i for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}}
    out: set[int] = set()
    for i, tv in ctx.times.items():
        noun = ctx.doc[i]
        if (noun.pos_ == "NOUN" and noun.i not in objects and noun.sent == verb.sent and verb.is_ancestor(noun)
                and any(a.i in objects for a in noun.ancestors) and _triggers_for(noun)):
            out.update(t.i for t in noun.sent if tv.start <= t.idx < tv.end)
    return out


def _object_time(ctx: Context, verb: Token) -> TimeValue | None:
    """'will rule on the appeal on April 8', 'criticised the decision on Monday': a time the parser hangs on the verb's
    object, after it (not 'cited the 2008 declaration': a time before the noun dates the noun alone; nor one in a
    clause on the noun, `_in_noun_clause`)."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for noun in objects:
        time = ctx.times.get(noun.i)
        if time is not None and time.start > noun.idx and not _in_noun_clause(ctx, noun, time):
            return time
    return None


ASKING_KINDS = {"Demand", "Appeal"}  # what is asked for comes after the asking


def formation_mandates(drafts: list[Draft]) -> None:
    """'Dan asked Grindeanu to form a new government', 'urged Radev's party to form a cabinet': asking a person to form a
    government is naming them to head it, an Appointment of the one asked (the lexicon's office-taking 'form' row),
    not a demand of something still to come."""
    for draft in drafts:
        token = draft.token
        if draft.kind not in ASKING_KINDS or token.pos_ not in {"VERB", "AUX"}:
            continue
        asked = [c for c in token.children if c.dep_ in {"xcomp", "ccomp"} or c.dep_ == "advcl" and _to_infinitive(c)]
        for act in asked:
            objects = {c.lemma_.lower() for c in act.children if c.dep_ == "dobj"}
            row = next((r for r in _triggers_for(act) if r.kind == "Appointment" and r.holder and r.obj & objects), None)
            if row is not None:
                draft.kind, draft.trigger = row.kind, row
                draft.participants = {key: "participant" for key in draft.participants}
                break


def _asked_act_time(ctx: Context, verb: Token) -> TimeValue | None:
    """'Japan urged China to release the crew on Monday', 'Greenpeace called for a ban on whaling on Monday': a time the
    parser hangs inside what is asked for, after the verb and before the report's day, dates the asking; an act asked
    for is still to come ('called for elections on May 5' after the report's day dates the elections)."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    asked = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp", "dobj"}]
    asked += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
    for root in asked:
        for node in root.subtree:
            time = ctx.times.get(node.i)
            if (time is not None and time.start > verb.idx and time.latest < ctx.article.date
                    and not _in_noun_clause(ctx, root, time) and not _deadline(ctx, time)):  # not 'the crew, detained on Monday'
                return time
    return None


DEADLINE_PREPS = {"by", "until", "till", "before"}  # 'ready for battle by Saturday': when the asked act is due


def _deadline(ctx: Context, time: TimeValue) -> bool:
    """'ordered his troops to be ready for battle by Saturday', 'gave Iran until Friday to respond': a time after a
    preposition of a limit is when the asked act is due, never when it was asked for."""
    before = ctx.doc.char_span(time.start, time.end, alignment_mode="expand")
    return before is not None and before.start > 0 and ctx.doc[before.start - 1].lower_ in DEADLINE_PREPS


def _in_noun_clause(ctx: Context, noun: Token, time: TimeValue) -> bool:
    """'violates an agreement reached in 1991': a time inside a clause on the noun ('reached', 'signed', 'which ...')
    dates the noun, not the verb the noun is the object of."""
    node = ctx.doc.char_span(time.start, time.end, alignment_mode="expand").root
    while node.i != noun.i and node.head.i != node.i:
        if node.dep_ in {"acl", "relcl"}:
            return True
        node = node.head
    return False


def _past(verb: Token) -> bool:
    """'dispersed', 'were arrested': the simple past, active or passive (not 'has said'); the past perfect only as the
    past of reported speech ('the ministry said 63 people had been detained')."""
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if verb.tag_ == "VBD":
        return not aux
    if verb.tag_ != "VBN":
        return False
    if aux and aux[0].lower_ == "had":
        aux = aux[1:] if verb.dep_ == "ccomp" and verb.head.tag_ == "VBD" and _speech_verb(verb.head) else aux
        return not aux or (len(aux) == 1 and aux[0].dep_ == "auxpass" and aux[0].lower_ == "been")
    return len(aux) == 1 and aux[0].dep_ == "auxpass" and aux[0].tag_ == "VBD"


def _narrated_time(ctx: Context, verb: Token) -> TimeValue | None:
    """A story told on in the simple past happens when the sentence before it in its paragraph says it did: 'Late on
    Tuesday, riot police dispersed them with tear gas. Dozens were arrested.' (a sentence opening a paragraph, or one
    after an undated sentence, stays undated)."""
    sent = verb.sent
    if sent.start_char <= paragraph_bounds(ctx.text, verb.idx)[0]:
        return None
    before = ctx.doc[sent.start - 1].sent
    root = before.root
    if ctx.in_quote(root.idx) or not (root.tag_ == "VBD" or _past(root)):
        return None
    return ctx.times.get(root.i)


OCCURRENCE_VERBS = {"begin", "start", "resume", "continue", "open", "end", "conclude", "close", "happen", "occur", "take",
                    "set", "schedule", "hold", "expect", "due", "plan", "erupt"}
OUTBREAK_PARTICLES = {"break": "out"}  # "since the fighting broke out on September 27": when it began
PLANNED_OCCURRENCE = {"set", "schedule", "expect", "due", "plan"}  # "is set to begin": not yet


def _occurrence_verbs(token: Token) -> list[Token]:
    """The verbs that say when and where an event noun happens, the noun their subject: 'the talks began in Geneva',
    'the trial is set to begin on Wednesday', 'the vote will be held on Sunday' (not 'the talks were praised on Monday')."""
    if (stranded := _stranded_clause_verb(token)) is not None:
        return [stranded]  # "after an earthquake struck central Mexico on Tuesday", misread (`_stranded_clause_verb`)
    if token.pos_ == "NOUN" and (own := _occurrence_relatives(token)):
        return own  # "the trial, which opened in January", "talks that began on Monday": the noun's own clause
    if token.pos_ != "NOUN" or token.dep_ not in {"nsubj", "nsubjpass"}:
        return []
    head = token.head
    if head.lemma_ == "be" and head.pos_ == "AUX":  # "the referendum is to be held from November 20": 'be to' + verb
        head = next((c for c in head.children if c.dep_ == "xcomp" and c.lemma_.lower() in OCCURRENCE_VERBS), head)
    outbreak = OUTBREAK_PARTICLES.get(head.lemma_.lower())
    if head.lemma_.lower() not in OCCURRENCE_VERBS and not any(c.dep_ in {"prt", "prep"} and c.lower_ == outbreak for c in head.children):
        return []
    verbs = [head]
    for verb in verbs[:3]:
        verbs += [c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in OCCURRENCE_VERBS]
    return verbs


def _occurrence_relatives(noun: Token) -> list[Token]:
    """The relative clauses on an event noun whose subject is the relative pronoun and whose verb says that the event
    happens ('the trial, which opened in January', 'the talks, which are due to resume on Monday'), with the
    occurrence verbs they lead to; not a clause of what the event did ('the strike, which hit ports on Monday')."""
    out = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > noun.i and _does_noun(c, noun)
           and any(t.lower_ == "," for t in noun.doc[noun.i + 1:c.left_edge.i])]
    # "the sanctions, first imposed in June 2021,", "the deal, signed in 2019,": a participle set off by a comma, of
    # doing the act, dates it (not 'a deal signed in Paris on Monday ended a dispute', a restrictive modifier)
    for clause in _relative_clauses(noun):
        verb = clause
        if any(s.dep_ == "nsubjpass" for s in clause.children) and (_carried_out(clause) or clause.lemma_.lower(
                ) in ORDER_VERBS and not _negated_verb(clause) or _does_noun(clause, noun)):
            out.append(clause)  # "the raid, which was carried out on Friday", "the curfew, which was ordered on Monday",
            continue  # "the sanctions, which were imposed in 2021": the verb of doing the noun's act, in the passive,
            # dates it as `_doing_verbs` does
        if verb.lemma_ == "be" and verb.pos_ == "AUX":  # "which is to be held in May"
            verb = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in OCCURRENCE_VERBS), verb)
        if verb.lemma_.lower() not in OCCURRENCE_VERBS | PLANNED_OCCURRENCE or verb.lemma_.lower() == "take" and not any(
                c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children):
            continue  # 'took place', not 'took three days'
        verbs = [clause, verb] if verb is not clause else [clause]
        for v in verbs[:3]:
            verbs += [c for c in v.children if c.dep_ == "xcomp" and c.lemma_.lower() in OCCURRENCE_VERBS]
        out += verbs
    return out


def _does_noun(verb: Token, noun: Token) -> bool:
    """A verb that does the act an event noun names: a row of the hand-checked lexicon (not CAMEO-derived) for the
    verb that takes the noun as its object and is of the noun's kind ('impose' + 'sanctions', 'sign' + 'deal', 'launch'
    + 'offensive'), not negated; not a verb that undoes or judges it ('lifted', 'extended' are events of their own)."""
    if verb.pos_ != "VERB" or _negated_verb(verb):
        return False
    if noun.dep_ == "nsubj" and any(t.subj and {noun.lemma_.lower(), noun.lower_} & t.subj for t in _triggers_for(noun.head)):
        return False  # "the deal, which was signed in 2015, collapsed": the collapse, whose subject the noun is, is
        # the event, not of 2015
    words = {noun.lemma_.lower(), noun.lower_}
    kinds = {t.kind for t in _triggers_for(noun)}
    return any(not t.derived and t.obj & words and t.kind not in UNDOING_KINDS and any(related(t.kind, k) for k in kinds)
               for t in lexicon().get((verb.lemma_.lower(), "VERB"), ()))


SIMULTANEOUS = {"as", "while"}  # not 'when': 'When X happened on DAY, Y challenged it' says Y followed, not the day
SEQUENCE_MARKS = {"after", "before", "when"}  # they only bound a day, but a year named in them is the year of both


def _when_clause_time(ctx: Context, token: Token) -> TimeValue | None:
    """'As the talks began on Monday, Serbia recalled its ambassador': a clause of the same moment ('as', 'while') dates
    the clause it depends on, when nothing nearer does ('when', 'after', 'before' only bound it: a day named in them is
    not the day of the clause they depend on, a year is taken as its year, 'took control after Spain withdrew in 1975').
    A participle that opens the sentence is of the same moment too: 'Speaking to reporters on Sunday, he accused ...'."""
    for verb in (token, *token.ancestors):
        for clause in verb.children:
            if clause.dep_ == "advcl" and clause.i != token.i and (time := _participle_time(ctx, clause)) is not None:
                return time
            if clause.dep_ != "advcl" or clause.i not in ctx.times or clause.i == token.i:
                continue
            marks = {c.lower_ for c in clause.children if c.dep_ in {"advmod", "mark"}}
            if marks & SIMULTANEOUS or marks & SEQUENCE_MARKS and ctx.times[clause.i].granularity == "year":
                return ctx.times[clause.i]  # "took control after Spain withdrew in 1975": a year holds both
        if verb.pos_ in {"VERB", "AUX"}:
            return None  # the clause's own verb: a time of an outer clause is not this one's
    return None


def _participle_time(ctx: Context, clause: Token) -> TimeValue | None:
    """'Speaking at a rally in Tbilisi on Saturday, X accused ...': a present participle with no subject or mark of its
    own that opens the sentence tells the occasion of its clause, and the time named in it (on the participle or on
    the occasion) is its clause's time; not when it orders times ('Speaking after the vote on Friday')."""
    if (clause.tag_ != "VBG" or clause.i > clause.head.i or clause.left_edge.i != clause.sent.start
            or any(c.dep_ in SUBJ_DEPS | {"mark"} for c in clause.children)):
        return None
    words = list(clause.subtree)
    if any(w.lower_ in SEQUENCE_MARKS | {"since", "until"} for w in words):
        return None
    return next((ctx.times[w.i] for w in words if w.i in ctx.times), None)


def _present(verb: Token) -> bool:
    """'are meeting', 'meets': news in the present tense reports the day of the article."""
    if verb.tag_ in {"VBP", "VBZ"}:
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in {"VBP", "VBZ"} for c in verb.children)


def _light_verb(token: Token) -> Token:
    """The light verb whose object an event noun is ('hold talks', 'stage a protest'), else the token itself."""
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in LIGHT_VERBS:
        return token.head
    return token


def _spell_of(noun: Token) -> Token:
    """'began three days of exercises', 'held a week of talks': the stretch of time the event noun fills stands in its
    place as the light verb's object, else the noun itself."""
    of = noun.head
    if noun.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN" and of.head.ent_type_ in {"DATE", "TIME"}:
        return of.head
    return noun


def _read_status(ctx: Context, draft: Draft) -> None:
    token = draft.token
    draft.negated = _negated_verb(token) or (
        token.dep_ == "xcomp" and token.head.lemma_.lower() in {"fail", "refuse", "decline"})
    kids = {c.lower_ for c in token.children if c.dep_ in {"amod", "compound", "advmod"}}
    aux = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
    if kids & PLANNED_MODIFIERS:
        draft.status = "planned"
    for verb in _occurrence_verbs(token):  # "the vote will be held", "the trial is set to begin", "talks are scheduled"
        if {c.lower_ for c in verb.children if c.dep_ == "aux"} & FUTURE_AUX or verb.lemma_.lower() in PLANNED_OCCURRENCE:
            draft.status = "planned"
    verb = _light_verb(token)  # "is ready to hold talks", "will hold talks": the verb carrying the noun says it is meant
    aux |= {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}} if verb is not token else set()
    first = _first_conjunct(verb)  # "vowed to talk and to withdraw": both intended
    if (aux & FUTURE_AUX or (first.dep_ == "xcomp" and first.head.lemma_.lower() in INTENT_HEADS | PLANNED_OCCURRENCE)
            or _conditional_act(token) or _scheduled(verb)):
        draft.status, draft.intent = "planned", True
        draft.conditional = any(c.dep_ == "advcl" and any(m.lower_ in {"unless", "if"} for m in c.children if m.dep_ == "mark")
                                for c in token.children)
    if draft.time is not None and draft.time.earliest > ctx.article.date and draft.status == "occurred":
        draft.status = "planned"
    if any(_negated_verb(verb) for verb in _occurrence_verbs(token)):
        draft.status = "cancelled"  # "the talks did not take place", "the summit was not held", "never took place"


# ---------------------------------------------------------------------------- statements


def read_statement(ctx: Context, draft: Draft) -> None:
    """Quote and topic of a speech event: the quoted words nearest the verb, else the reported clause.

    Only a speech verb ("said", "told", "stated") reports a clause as someone's words. Another act of the
    statement family ("asked officials how ...", "refused to give details", "urged them to ...") has
    what it asks or refuses as its content, not as a quote: it quotes only a quotation that holds that
    content's verb ("called on both sides to 'approach the talks in a spirit of compromise'").
    """
    token = draft.token
    sent = token.sent
    speech = draft.trigger.speech or _reports_clause(token)  # "warned that ...": a threat, reported as speech
    if speech and _negated_verb(token):
        draft.participants.clear()  # "an independent who does not claim to belong to either camp": nothing was said
        return
    if speech and _in_headline(ctx, token):
        draft.participants.clear()  # "Vucic says Serbia will never recognise Kosovo": the body reports the statement
        return
    near = [(s, e) for s, e in ctx.quotes if _same_paragraph(ctx.text, s, token.idx) and abs(_distance(s, e, token.idx)) < 400
            and not _names_only(ctx, (s, e))]
    complement = next((c for c in token.children if c.dep_ in {"ccomp", "xcomp"}
                       and (c.idx > token.idx or _same_paragraph(ctx.text, c.idx, token.idx))),
                      None)  # a clause the parser hangs on the verb from a paragraph before is not what it reports
    if token.dep_ == "prep" and complement is None:  # "according to X, the suspects were arrested": the clause is what X said
        _attributed_clause(ctx, draft)
        return
    obliged = complement is not None and any(c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in complement.children)
    if obliged and draft.kind == "Statement":
        draft.kind = "Demand"  # "X said Y must ...": a demand, reported as speech
        draft.trigger = next(t for t in lexicon()[("demand", "VERB")] if t.kind == "Demand")
    if complement is not None:
        span = ctx.doc[complement.left_edge.i:complement.right_edge.i + 1]
        if speech:
            draft.quote = span.text.strip(" \"\u201c\u201d.,")
            inside = next(((s, e) for s, e in ctx.quotes if s < complement.idx < e), None)
            if inside is not None:  # 'Rathbun stated,\n\n"Daniel was picked up ...": the quotation is the clause
                draft.quote, draft.verbatim = ctx.text[inside[0] + 1:inside[1] - 1].strip(" ,."), True
                draft.evidence.append(Evidence(inside[0] + 1, inside[1] - 1, sent.text, "statements/quote", 0.9))
        draft.about.extend(m.key for t in span if (m := ctx.mention(t)) is not None)
    near = [q for q in near if not _quote_of_another(ctx, token, q) and not _quoted_modifier(ctx, q)
            and (_in_clause(complement, q[0]) or not _term_in_phrase(ctx, q))]  # 'dismissed talk of a "reset", saying ...'
    if not speech:  # the quotation must hold the content's own verb, not a phrase inside it ('asked how documents
        # stored in "approved security cabinets" wound up on the street'), or a verb coordinated with it ('urged
        # people "not to accept this" and to "protest against the coup"': two quoted parts of one content)
        verbs = [complement, *(c for c in complement.children if c.dep_ == "conj" and c.pos_ == "VERB")] if complement is not None else []
        near = [q for q in near if any(q[0] <= v.idx < q[1] for v in verbs)]
    if near:
        start, end = min(near, key=lambda q: abs(_distance(q[0], q[1], token.idx)))
        before = [q for q in near if q[1] <= token.idx and not re.search(r"[.!?]\s", ctx.text[q[1]:token.idx])
                  and token.idx - q[1] <= ATTRIBUTION_GAP]
        clause = [q for q in near if _in_clause(complement, q[0])] or [
            q for q in near if any(q[0] <= c.idx < q[1] for c in token.children if c.dep_ == "oprd")]
        if clause:  # 'called it "A" and said Cairo "B"': the quote in the verb's own clause or holding its object ('said
            # no soldier had "set foot ..." and called the accusation "a pretext"': its object predicate), not a nearer one before
            start, end = clause[0]
        elif before:  # "'We agree,' he said, 'but not now.'": the quote opens before its attribution
            start, end = before[-1]
        parts = _quote_parts(ctx, (start, end), token)
        if not speech:
            parts = sorted(set(parts) | set(near))  # the content's coordinated parts, each quoted
        quoted = complement is not None and any(s <= complement.idx < e for s, e in parts)  # the complement is the quote itself
        # a quote inside the reported clause leaves the clause as the quote ("said the process will be 'meaningless' if ...")
        within = _in_clause(complement, start)
        draft.verbatim = True
        if not draft.quote or quoted or not within:
            draft.quote = " ... ".join(ctx.text[s + 1:e - 1].strip(" ,.") for s, e in parts)
            draft.evidence = [e for e in draft.evidence if e.extractor != "statements/quote"]  # the words replace the clause's
            draft.evidence.extend(Evidence(s + 1, e - 1, sent.text, "statements/quote", 0.9) for s, e in parts)
    if speech and draft.verbatim and complement is not None:
        _coordinated_quotes(ctx, draft, complement)
    if draft.time is None and re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", draft.quote, re.I):
        d = ctx.article.date  # the speaker says "today": the words were spoken on the day reported
        draft.time = TimeValue(d.isoformat(), "day", d, d, text="", rule="quote-says-today")


def _coordinated_quotes(ctx: Context, draft: Draft, complement: Token) -> None:
    """'Marin said the government had "lost its way" and the opposition was "ready to govern"': the parser hangs the
    second reported clause on the speech verb as its conjunct; a conjunct after the complement, with a subject of its
    own, that is no verb of saying and reports no clause of its own, is more of what is said, and its quotation joins
    the quote ('"...," and Y said "..."' has a speaker of its own)."""
    token = draft.token
    clauses = [c for c in token.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and c.i > complement.i
               and any(g.dep_ in SUBJ_DEPS for g in c.children) and not _speech_verb(c)
               and not any(g.dep_ in {"ccomp", "xcomp"} and _speech_verb(g) for g in c.children)]
    lo, hi = paragraph_bounds(ctx.text, token.idx)
    more = [(s, e) for s, e in ctx.quotes if lo <= s < hi and any(_in_clause(c, s) for c in clauses)
            and not _in_clause(complement, s) and ctx.text[s + 1:e - 1].strip(" ,.") not in draft.quote]
    if more:
        draft.quote = " ... ".join([draft.quote] + [ctx.text[s + 1:e - 1].strip(" ,.") for s, e in more])
        draft.evidence.extend(Evidence(s + 1, e - 1, token.sent.text, "statements/quote", 0.9) for s, e in more)


def _in_clause(complement: Token | None, char: int) -> bool:
    """Whether a character lies in the clause a speech verb reports (its complement's subtree)."""
    return complement is not None and complement.left_edge.idx <= char <= complement.right_edge.idx


def _in_headline(ctx: Context, token: Token) -> bool:
    """Whether a token lies in the article's headline, the title as the text's first line."""
    title = ctx.article.title.strip()
    if re.search(r"[.!?]\s|[,:;]$", title):
        return False  # a first line of sentences, not a headline
    start = ctx.text.find(title) if title else -1
    return 0 <= start <= token.idx < start + len(title) and not ctx.text[:start].strip()


def _names_only(ctx: Context, quote: tuple[int, int]) -> bool:
    """Whether a quotation holds only a name ('barred it from using the "Apple" brand', 'the "iPad" name'): a term set
    off, no one's words; a word in lower case is none, however tagged ('accused the West of "hysteria"')."""
    span = ctx.doc.char_span(quote[0] + 1, quote[1] - 1, alignment_mode="contract")
    words = [t for t in span if t.is_alpha] if span is not None else []
    return 0 < len(words) <= 3 and all(t.pos_ == "PROPN" and not t.is_lower for t in words)


TERM_WORDS = 5  # the longest quotation read as a term set off ('the book "Rivers of Discord"')


def _term_in_phrase(ctx: Context, quote: tuple[int, int]) -> bool:
    """'dismissed talk of a "reset"', 'the so-called "peace plan"', 'the author of the book "Rivers of Discord"': a
    quotation of a few words with no verb that is part of a noun phrase of the narrative names or mocks a thing; it
    quotes no one. Part of a noun phrase: a determiner or adjective before the opening mark belongs to the quoted
    words, or a noun outside governs them that is neither a statement noun nor what a verb of communication names
    ('called the proposal "completely unacceptable"', 'Merkel's verdict: "a historic mistake"' are words said)."""
    span = ctx.doc.char_span(quote[0] + 1, quote[1] - 1, alignment_mode="contract")
    if span is None or not 0 < sum(t.is_alpha for t in span) <= TERM_WORDS or any(t.pos_ in {"VERB", "AUX"} for t in span):
        return False
    root, head = span.root, span.root.head
    while head.dep_ == "prep" and head.head.i != head.i and not span.start <= head.i < span.end:
        head = head.head
    if span.start <= head.i < span.end or _said_by(head) or head.lemma_.lower() in _statement_nouns():
        return False  # 'called the deal the "worst betrayal"', 'warned of "consequences"', 'his words, "a mistake"'
    if any(c.i < span.start and c.dep_ in {"det", "amod", "poss"} for c in root.children):
        return True
    return head.pos_ in {"NOUN", "PROPN"} and head.dep_ != "ROOT" and not _said_by(head.head)


def _quoted_modifier(ctx: Context, quote: tuple[int, int]) -> bool:
    """'the "Yes" side had won', 'would campaign for a "No" vote': one quoted word that modifies a noun outside the
    quotation names an option or a label; it quotes no one's words."""
    span = ctx.doc.char_span(quote[0] + 1, quote[1] - 1, alignment_mode="contract")
    if span is None or [t.is_alpha for t in span].count(True) != 1:
        return False
    word = next(t for t in span if t.is_alpha)
    return (word.dep_ in {"compound", "amod", "nmod"} and word.head.pos_ in {"NOUN", "PROPN"}
            and not span.start <= word.head.i < span.end)


def _said_by(token: Token) -> bool:
    """Whether a token is a verb of communication (`_communicates`): a noun such as 'talk' is none."""
    return token.pos_ == "VERB" and _communicates(token)


def _attributed_clause(ctx: Context, draft: Draft) -> None:
    """What an 'according to X' phrase attributes: a quotation in the rest of its clause, inside its sentence and
    paragraph ('According to Smith, "the plan is dead."'), is X's statement.

    Without quoted words the phrase names the source of the reporter's facts ("over 345 pilgrims have been
    killed, according to the ministry"), and a clause that is itself someone's speech ("According to the
    Herald, Burrows said ...") is that speaker's statement: neither is a statement of X's.
    """
    token, clause = draft.token, draft.token.head
    lo, hi = paragraph_bounds(ctx.text, token.idx)
    if _speech_verb(clause) and any(c.dep_ in SUBJ_DEPS for c in clause.children):
        draft.participants.clear()
        return
    while clause.dep_ == "conj" and clause.head.i != clause.i and ctx.in_quote(clause.idx) and ctx.in_quote(clause.head.idx):
        clause = clause.head  # '"A, but B," according to X': the parser hangs the phrase on the quote's last conjunct
    words = [t for t in clause.subtree if lo <= t.idx < hi and not t.is_space and not token.left_edge.i <= t.i <= token.right_edge.i]
    inside = [(s, e) for s, e in ctx.quotes if words and words[0].idx <= s and e <= words[-1].idx + len(words[-1]) + 1
              and len(re.findall(r"\w+", ctx.text[s:e])) > 1]  # '61 percent voted "No", according to X': a word, X's figures
    if not inside:
        draft.participants.clear()
        return
    draft.quote, draft.verbatim = " ... ".join(ctx.text[s + 1:e - 1].strip(" ,.") for s, e in inside), True
    draft.evidence.extend(Evidence(s + 1, e - 1, token.sent.text, "statements/according-to", 0.8) for s, e in inside)
    draft.about.extend(m.key for t in words if (m := ctx.mention(t)) is not None)


def _quote_of_another(ctx: Context, token: Token, quote: tuple[int, int]) -> bool:
    """Whether a quote belongs to another speech verb: one of its own sentence when the verb is in another
    ("X criticised it. 'We are concerned,' Y said."), or one nearer to it in the same sentence
    ("'...,' said Y, adding that ...": the quote is said, and what is added is the clause)."""
    span = ctx.doc.char_span(quote[0], quote[1], alignment_mode="expand")
    if span is None:
        return False
    sentences = {sent.start for sent in span.sents}  # the sentences the quote is part of (not one Token.sent a token)
    if token.sent.start not in sentences:
        return (_has_own_speaker(ctx, quote) or _speaker_between(ctx, token, quote)
                or quote[1] <= token.idx and _goes_on_quote(ctx, span))
    if any(t.i != token.i and t.idx < quote[0] < token.idx and t.pos_ in {"VERB", "AUX"} and _speech_verb(t)
           and any(c.dep_ in SUBJ_DEPS for c in t.children) and any(c.dep_ == "ccomp" and _in_clause(c, quote[0]) for c in t.children)
           and any(c.dep_ == "ccomp" and not _in_clause(c, quote[0]) for c in token.children) for t in token.sent):
        return True  # 'X said the ban was needed to "restore order" and warned that ...': the quote is in what 'said'
        # reports; 'warned' reports a clause of its own after it
    mine = abs(_distance(quote[0], quote[1], token.idx))
    return any(abs(_distance(quote[0], quote[1], t.idx)) < mine for t in token.sent
               if t.i != token.i and not quote[0] <= t.idx < quote[1] and t.pos_ in {"VERB", "AUX"}
               and _speech_verb(t) and any(c.dep_ in SUBJ_DEPS for c in t.children) and not _reported_in(t, token))


def _goes_on_quote(ctx: Context, span: Span) -> bool:
    """Whether a quotation standing as a sentence of its own goes on with the speaker of the sentence just before it,
    in the same paragraph ('"We have no plans," Brandt said. "None whatsoever."'): a speech verb with a subject outside
    any quote there. A speaker named after it ('... Berg said her government would stay') speaks for himself."""
    first = span[0].sent
    if first.start == 0 or any(not t.is_quote and not t.is_punct and not ctx.in_quote(t.idx) for t in first
                               if t.i < span.start):
        return False  # the quotation opens its sentence
    before = ctx.doc[first.start - 1].sent
    return _same_paragraph(ctx.text, before.end_char, span.start_char) and any(
        t.pos_ in {"VERB", "AUX"} and not ctx.in_quote(t.idx) and _speech_verb(t)
        and any(c.dep_ in SUBJ_DEPS for c in t.children) for t in before)


def _reported_speech(token: Token) -> bool:
    """Whether a speech verb is itself part of what another speaker reports ('Luciani said the court had confirmed')."""
    return token.dep_ == "ccomp" and _speech_verb(token.head)


def _reported_in(verb: Token, token: Token) -> bool:
    """Whether a verb lies in the clause a speech verb reports ('Luciani said the court had confirmed "the largest
    scheme"': what the court confirmed is part of what Luciani said, and the quotation is his)."""
    node = verb
    while node.head.i != node.i and node.head.i != token.i:
        node = node.head
    return node.head.i == token.i and node.i != token.i and node.dep_ == "ccomp"


def _speaker_between(ctx: Context, token: Token, quote: tuple[int, int]) -> bool:
    """Whether a speech verb with a subject stands between a verb and a quote of another sentence: the quote
    goes with that nearer speaker ("EPA says crops may gain. Heald noted the findings. '...'")."""
    lo, hi = (token.idx + len(token), quote[0]) if token.idx < quote[0] else (quote[1], token.idx)
    span = ctx.doc.char_span(lo, hi, alignment_mode="contract")
    return span is not None and any(
        t.pos_ in {"VERB", "AUX"} and not ctx.in_quote(t.idx) and _speech_verb(t)
        and any(c.dep_ in SUBJ_DEPS for c in t.children) for t in span)


ATTRIBUTION_GAP = 120  # characters between two parts of one quote that an attribution ("he said,") can take


def _quote_parts(ctx: Context, first: tuple[int, int], token: Token) -> list[tuple[int, int]]:
    """The quoted parts one attribution speaks for, in text order.

    A quote split by its attribution in the middle of its sentence ("'We agree,' he said, 'but not now.'")
    is one statement. A quotation that opens a new sentence after the attribution ("'...,' Kurti said.
    'There is no other way.'") is the speaker's next statement, made by `quote_sentences`; a part that
    another speech verb attributes belongs to that verb.
    """
    text, quotes = ctx.text, sorted(ctx.quotes)
    parts = [first]
    index = quotes.index(first)
    for nxt in quotes[index + 1:]:
        gap_start = parts[-1][1]
        gap = text[gap_start:nxt[0]]
        attributed_here = gap_start <= token.idx < nxt[0]
        if "\n\n" in gap or len(gap) > ATTRIBUTION_GAP:
            break
        if not attributed_here and (gap.strip() or _has_own_speaker(ctx, nxt)):
            break
        if attributed_here and not gap.rstrip().endswith((",", ":")):
            break  # "'A,' he said. 'B.'": the speaker's next statement (`quote_sentences`); "'A' and said X 'B'": another
        if attributed_here and _speaker_between(ctx, token, nxt):
            break  # "'A,' said X, while Y told reporters: 'B.'": B is Y's
        parts.append(nxt)
    return parts


def _has_own_speaker(ctx: Context, quote: tuple[int, int]) -> bool:
    """Whether a verb outside the quote but in one of its sentences attributes it to someone (the sentences of
    its words: a closing mark the parser puts in the next sentence does not bring that sentence in; and a
    sentence the parser runs on over a paragraph break ends at the break: '"... homes."' NEW PARAGRAPH
    '"...," he said.' gives the first quote no speaker)."""
    span = ctx.doc.char_span(quote[0] + 1, quote[1] - 1, alignment_mode="expand")
    if span is None:
        return False
    lo, hi = paragraph_bounds(ctx.text, quote[0], quote[1])
    for sent in span.sents:  # the sentences of its words, each once (a token's `sent` walks its whole sentence)
        if any(not (quote[0] <= t.idx < quote[1]) and lo <= t.idx < hi and t.pos_ in {"VERB", "AUX"} for t in sent):
            return True  # "'...,' Vucic replied": its own sentence says who speaks
    return False


def _same_paragraph(text: str, a: int, b: int) -> bool:
    lo, hi = sorted((a, b))
    return "\n\n" not in text[lo:hi]


def _distance(start: int, end: int, char: int) -> int:
    if start <= char <= end:
        return 0
    return char - end if char > end else start - char


# ---------------------------------------------------------------------------- absorption and coreference


VIOLENT_PLOVER = frozenset({"FIGHT", "ASSAULT"})  # PLOVER's types of force: an act of one is not told twice


def absorb(drafts: list[Draft]) -> list[Draft]:
    """Fold event nouns into the trigger that governs them; apply postponements and breakdowns."""
    by_token = {d.token.i: d for d in drafts}
    for draft in drafts:
        head = by_token.get(draft.token.head.i)
        if (draft.token.dep_ in {"advcl", "conj", "xcomp"} and draft.token.tag_ == "VBG" and head is not None
                and head.trigger.actorless and not draft.trigger.actorless):
            _donate(draft, head)  # "the jetliner crashed, killing all on board": the toll of the crash, no attack
            draft.absorbed = True
        elif (draft.token.dep_ == "advcl" and draft.token.tag_ == "VBG" and head is not None and not head.absorbed
              and {draft.trigger.plover, head.trigger.plover} <= VIOLENT_PLOVER):
            _donate(draft, head)  # "troops shelled the town, killing 20 people": the toll of the shelling, one act
            draft.absorbed = True
        elif (draft.token.dep_ == "conj" and head is not None and not head.absorbed and draft.kind == head.kind == ACCIDENT_KIND
              and head.token.pos_ == draft.token.pos_ == "VERB" and not any(c.dep_ in SUBJ_DEPS for c in draft.token.children)):
            _donate(head, draft)  # "a ferry collided with a cargo ship and capsized on the Meghna on Sunday": one accident
            head.absorbed = True  # told by two verbs of one subject; the place and time are written after the last
    for draft in drafts:
        if (verb := _text_verb(draft.token)) is None or (host := by_token.get(verb.i)) is None:
            continue
        if "Rejection" in lineage(host.kind) or host.negated:
            draft.absorbed = True  # "vetoed a draft resolution declaring the referendum invalid": nothing declared
            continue
        for key, role in host.participants.items():  # "Putin signed a decree recognising Crimea": Putin recognises it;
            draft.add(key, role)  # the signing is how it was done
        draft.time = draft.time or host.time
        draft.evidence.extend(host.evidence)
        host.absorbed = True
    for draft in drafts:
        if (enacting := _enacted_by(draft, by_token)) is None:
            continue
        if "Rejection" in lineage(enacting.kind):
            draft.absorbed = True  # "Russia vetoed a resolution imposing sanctions on Mali": none were imposed
            continue
        for key, role in enacting.participants.items():  # "the Council adopted a resolution tightening sanctions on
            draft.add(key, role)  # X": one sanction, the Council's; the adoption is how it was done
        draft.time = draft.time or enacting.time
        draft.evidence.extend(enacting.evidence)
        enacting.absorbed = True
    for draft in drafts:
        if (content := _content_of(draft, by_token)) is not None:
            for key in draft.participants:  # "the 1991 agreement was that Apple Computer would not sell music":
                content.add(key, "participant")  # what was agreed, its actors the agreement's
            draft.absorbed = True
    for draft in drafts:
        if (draft.token.pos_ != "NOUN" and not _gerund_subject(draft.token)) or draft.absorbed:
            continue
        host = _governing_trigger(draft, by_token)
        if host is None:
            continue
        while host.into is not None:
            host = host.into
        if _voted_in(draft, host):
            for key in (k for k, role in host.participants.items() if role != "target"):  # "Kenyans rejected an earlier
                draft.add(key, "participant")  # draft in a referendum": the vote is the event, the voters' act its outcome
                # (not whom it acts on: "chose to leave the EU in a referendum")
            draft.place, draft.time = draft.place or host.place, draft.time or host.time
            draft.evidence.extend(host.evidence)
            host.absorbed = True
        elif (obj := _object_conjunct(draft.token)).head.i == host.token.i and (
                obj.dep_ in OBJ_DEPS or obj.dep_ == "nsubjpass" and host.kind in UNDOING_KINDS) and (
                draft.token.lemma_.lower() in host.trigger.obj):
            _donate(draft, host)  # "announced a ban on Polish imports": the verb's sense came from this noun; one event
            # ('stopped production and sales of the phone': a noun joined to the object is as much the verb's; 'sanctions
            # on Venezuela were eased by the US': the passive's subject, as the active's object)
            draft.absorbed, draft.into = True, host
        elif host.trigger.actorless and draft.trigger.actorless and host.kind != draft.kind:
            _donate(host, draft)  # "345 pilgrims died in a stampede": the stampede is the event, the deaths its toll
            host.absorbed = True
        elif _brokered(draft, host):
            for key, role in host.participants.items():  # "the deal was brokered by the EU": one agreement, the EU
                if key not in draft.participants:  # its mediator; the parties to the truce stay its parties
                    draft.add(key, "mediator" if role == "participant" else role)
            draft.evidence.extend(host.evidence)
            host.absorbed = True
        elif host.kind in {"Postponement", "Cancellation"}:
            _called_off(draft, host)
        elif host.kind == "NegotiationBreakdown" or family(host.kind) == family(draft.kind) or related(host.kind, draft.kind):
            _donate(draft, host)
            draft.absorbed, draft.into = True, host
            for earlier in drafts:  # mentions already folded into this one follow it
                if earlier.into is draft:
                    _donate(earlier, host)
                    earlier.into = host
        elif (host.kind == "Agreement" and family(draft.kind) == "meeting" and draft.time is not None
              and draft.status == "planned" and not draft.negated):
            for key in host.participants:  # "Serbia and Kosovo agreed to hold talks in Brussels on Saturday": the
                draft.add(key, "participant")  # agreed meeting, dated after the report, is a planned event of its own
        elif _claimed(draft.token, host.token):
            for key, role in host.participants.items():  # "IS claimed responsibility for the attack": the claimer did it
                draft.add(key, "participant" if role == "speaker" else role)
        elif _means_of(draft.token, host.token) and {draft.trigger.plover, host.trigger.plover} <= conflictual():
            _donate(draft, host)  # "the shelling killed ten people", "were killed in Israeli airstrikes": one attack,
            draft.absorbed, draft.into = True, host  # its doer from the noun, its toll from the verb
        elif (draft.token.dep_ in {"nsubjpass", "dobj"} and draft.token.head.i == host.token.i and draft.participants
              and not host.participants and family(host.kind) != "statement"):
            for key, role in draft.participants.items():  # "that lawsuit was settled in 1991": the parties to the suit
                host.add(key, role if host.kind in UNDOING_KINDS else "participant")  # settled it; "the US sanctions on
                # Iran were lifted": who imposed them lifts them, and whom they were aimed at is whom the lifting is for
        elif draft.participants and draft.token.head.i == host.token.i and host.kind in JUDGING_KINDS:
            pass  # "Turkey condemned Israel's invasion of Gaza", "welcomed the release of X by Y": what is judged happened
        elif draft.participants and _object_agents(draft.token):
            pass  # "blamed the RSF for the shelling": the shelling happened, and the one blamed did it
        elif _reported_subject(draft.token, host.token) and draft.participants:
            pass  # "the expulsion of three diplomats by Poland was announced": the act the report is about happened
        elif _attended(draft) and draft.participants:
            pass  # "called for calm in a telephone call with X": the call where it was said happened, it is no content
        elif family(host.kind) == "statement" or host.kind in CONTENT_KINDS:
            draft.absorbed = True  # "threatened to launch an offensive": what was said or agreed, not an event that happened
        elif draft.token.dep_ in OBJ_DEPS and not draft.participants:
            draft.absorbed = True  # "resume talks": the talks are what was agreed, not a separate event
    return [d for d in drafts if not d.absorbed]


NAMED_AGENTS = {"GPE", "NORP", "ORG", "PERSON"}  # spaCy entity types of a named actor


def _reported_subject(noun: Token, verb: Token) -> bool:
    """'The expulsion of the diplomats was announced', 'the release of the sailors was welcomed in London': an event
    noun that is the passive subject of a verb of communication is the news; the verb only says how it was told. A
    named agent makes the telling news of its own ('the release was welcomed by Norway': Norway's support)."""
    return (noun.dep_ == "nsubjpass" and noun.head.i == verb.i and verb.lemma_.lower() in speech_verbs()
            and not any(g.ent_type_ in NAMED_AGENTS for a in _agents(verb) for g in (a, *a.conjuncts)))


def _enacted_by(noun: Draft, by_token: dict[int, Draft]) -> Draft | None:
    """'adopted a resolution tightening sanctions on X', 'approved a package imposing sanctions': the act of adopting
    a text (an agreement verb) whose participle clause names the event noun it enacts (the participle, when a trigger,
    of the noun's kind: not 'adopted a resolution condemning the coup'); the text itself is no event. Or of rejecting
    it ('vetoed a resolution imposing sanctions'): what it would have enacted did not happen."""
    token = noun.token
    clause = token.head
    if token.pos_ != "NOUN" or token.dep_ != "dobj" or clause.dep_ != "acl" or clause.tag_ != "VBG":
        return None
    text = clause.head
    if text.dep_ not in OBJ_DEPS or text.i in by_token or (host := by_token.get(text.head.i)) is None:
        return None
    sense = _choose(clause)
    if not {"Agreement", "Rejection"} & set(lineage(host.kind)) or (sense is not None and not related(sense.kind, noun.kind)):
        return None
    return host


def _brokered(noun: Draft, verb: Draft) -> bool:
    """'The deal was brokered by the EU', 'the US and Saudi Arabia brokered the truce': a verb of mediation (a
    'mediator' participle, PARTICIPLE_ROLES, read as negotiating) whose object is an agreement names the agreement's
    mediators, not talks of their own ('backed the agreement' is support)."""
    return (noun.token.head.i == verb.token.i and noun.token.dep_ in {"nsubjpass", "dobj"}
            and PARTICIPLE_ROLES.get(verb.token.lemma_.lower()) == "mediator" and "Negotiation" in lineage(verb.kind)
            and "Agreement" in lineage(noun.kind))


MEANS_PREPS = {"in", "by"}  # "killed in an airstrike", "wounded by shelling"


def _means_of(noun: Token, verb: Token) -> bool:
    """Whether an event noun is how a verb's act was done: its subject ('the shelling killed') or its 'in'/'by' phrase
    ('were killed in Israeli airstrikes')."""
    if noun.dep_ in SUBJ_DEPS:
        return noun.head.i == verb.i
    return noun.dep_ == "pobj" and noun.head.lower_ in MEANS_PREPS and noun.head.head.i == verb.i


DEMONSTRATIVES = {"this", "that", "these", "those"}
DEFINITE_DETS = {"the"} | DEMONSTRATIVES
PICKING_DEPS = {"amod", "nummod", "compound", "poss", "nmod", "npadvmod"}  # "the first talks", "the 1991 deal", "Monday's talks"


def _definite(token: Token) -> bool:
    """'the agreement', 'the talks': an event noun with a definite article and nothing that picks out another event."""
    return (token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in token.children)
            and not any(c.dep_ in PICKING_DEPS for c in token.children))


def refer_back(ctx: Context, drafts: list[Draft]) -> None:
    """A definite event noun names the event of its family (a meeting, talks, a summit) reported in an earlier
    sentence, and has its participants:
    'X and Y signed a ceasefire on Saturday ... The agreement was signed by envoys of A and B' is one agreement of
    X, Y, A and B (resolve then merges the two mentions). It may date it: 'X and Y held talks in Geneva. The talks
    on Monday were tense'. A noun with a time of another day or a time to come ('how the ceasefire holds next
    week'), or with no such event before it, stays as it was; 'those talks' with none is no event at all."""
    for draft in drafts:
        if family(draft.kind) == "statement" or not _definite(draft.token):
            continue
        start = draft.token.sent.start
        antecedent = next((d for d in reversed(drafts) if d.token.i < start and (d.participants or d.place and d.time)
                           and _reported_act(d) and (family(d.kind) == family(draft.kind) or _names_verb(draft.token, d.token))
                           and not (d.place and draft.place and d.place != draft.place)), None)  # "the summit in Vienna"
        own = (draft.token, *_occurrence_verbs(draft.token), *_doing_verbs(draft.token))
        if antecedent is not None and not any(t.i in ctx.times for t in own):
            draft.time, draft.status = None, antecedent.status  # "that lawsuit was settled in 1991": the time and
            # the plans of the clause around the noun are not the event's it names ("the talks began on May 6" are)
        if antecedent is not None and _same_time(ctx, antecedent, draft):
            for key, role in antecedent.participants.items():
                draft.add(key, "participant" if role == "speaker" else role)
            draft.time = draft.time or antecedent.time
            draft.place = draft.place or antecedent.place  # "a two-day summit in Kuala Lumpur ... The summit, hosted
            # by Anwar": one summit, known by its place and day when no actor is named with it first
            if not related(draft.kind, antecedent.kind):
                draft.kind = antecedent.kind  # "a video summit ... In those talks": one event, named loosely
        elif any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in draft.token.children):
            draft.absorbed = True  # "that lawsuit" with no lawsuit before it: no event of its own
        elif antecedent is None and not draft.participants:
            _case_parties(draft, drafts)


def befallen_again(drafts: list[Draft]) -> None:
    """A disaster or accident whose place names no state ('The magnitude-7.8 quake struck ... with its epicentre in
    Gorkha district', 'an avalanche on Mount Everest', 'Aftershocks ... on Sunday') befalls the state of the same kind
    of happening reported before it in the article ('Saturday's earthquake in Nepal'): the story's country, its
    participant. One with its own state or actor keeps them."""
    for i, draft in enumerate(drafts):
        if draft.participants or draft.kind not in HAPPENING_KINDS or not draft.trigger.actorless:
            continue
        before = next((d for d in reversed(drafts[:i]) if d.kind == draft.kind and d.trigger.actorless and d.participants), None)
        if before is not None:
            for key, role in before.participants.items():
                draft.add(key, role)


BEFALLEN_KINDS = HAPPENING_KINDS | {"Death", "Rescue"}  # what befalls people where it happens
RESCUE_KIND = "Rescue"
FROM_PREPS = {"from"}  # "were evacuated from eleven villages": where the people were taken from


@lru_cache(maxsize=1)
def _rescue_verbs() -> frozenset[str]:
    """Verbs whose act noun (kg/data/event_nominals.jsonl) the lexicon reads as a rescue: 'evacuate' ('the evacuation
    of 23 villages')."""
    return frozenset(verb for noun, verb in _nominal_verbs().items()
                     if any(row.kind == RESCUE_KIND for row in lexicon().get((noun, "NOUN"), ())))


def passive_rescues(ctx: Context, drafts: list[Draft]) -> None:
    """'About 3,500 people were evacuated from eleven villages', 'More than 60,000 people have been evacuated from their
    homes in Kelantan': a verb whose act noun is a rescue, in the passive with no agent, tells the rescue ('the
    evacuation of 3,500 people'), not aid given by someone; its place is the first one named where they were taken
    from ('from towns on the south coast of New South Wales'), and `befallen_state` says whose. Its codes stay the
    verb's."""
    for draft in drafts:
        token = draft.token
        if (draft.kind == RESCUE_KIND or token.pos_ != "VERB" or token.lemma_.lower() not in _rescue_verbs()
                or draft.participants or not any(c.dep_ == "nsubjpass" for c in token.children)
                or any(c.dep_ == "agent" for c in token.children)):
            continue
        draft.kind = RESCUE_KIND
        if not draft.place:
            wheres = [g for c in token.children if c.dep_ == "prep" and c.lower_ in FROM_PREPS for g in c.children if g.dep_ == "pobj"]
            wheres += [c for c in token.children if c.dep_ == "advmod"]  # "from eleven villages north of Limassol":
            # the parser hangs the direction on the verb
            draft.place = next((k for g in wheres for t in g.subtree if (k := _place(ctx, t))), "")
        if draft.place and (state := _place_state(ctx, draft.place)):
            draft.add(state, "participant")  # told in the perfect ('have been evacuated'), undated: the state of
            # its place takes part, as `befallen_state` would give a dated one


POLICED_KINDS = {"Arrest", "Charge", "Ruling", "Trial"}  # what a state's police, prosecutors and courts do where they are


def befallen_state(ctx: Context, drafts: list[Draft]) -> None:
    """'Two people died ... as a wildfire burned', 'A second man died in hospital in Limassol', 'about 3,500 people were
    evacuated from villages', 'Three other suspects were detained at a warehouse in Gdynia', 'A court in Gdańsk
    ordered': a death, a disaster, an accident or a rescue, and an arrest, charge, trial or ruling at a named place,
    told with no actor, befall or are done by the state where they happen: the state of its place (the gazetteer's, or
    the one written after it, 'Limassol, Cyprus'), else the one state the story's lead names (a place the gazetteer
    does not know, 'near the village of Kellaki'). An arrest or charge with no place that the police or prosecutors
    report ('Police said they had arrested a man') is done by their state (`_policing_agent`, `_agent_state`). It runs
    once the article's events are merged and dated, and only names who takes part in an event kept anyway."""
    lead, lead_at = _story_state(ctx)
    named = {m.key for m in ctx.by_token.values()}
    for draft in drafts:
        if not draft.participants and not draft.place and draft.kind in POLICED_KINDS:
            if (agent := _policing_agent(draft.token)) is not None and (state := _agent_state(ctx, agent, lead)):
                draft.add(state, "participant")
            continue
        if any(k in named for k in draft.participants) or not _keep(draft):
            continue
        if draft.kind not in BEFALLEN_KINDS | POLICED_KINDS or not draft.place:
            continue  # with no place, an event of the story's state may be another's or one told before ('the
            # deadliest stampede during the 1991 Hajj'): giving each the lead's state would make them one
        state = _place_state(ctx, draft.place) or (lead if draft.token.sent.start != lead_at else "")  # in the lead
        # itself a state named outside the place phrase is not the one struck ('the Chilean seismological service said')
        if state:
            draft.add(state, "participant")


POLICING_SECTORS = {"COP", "JUD"}  # Phoenix agent sectors of a state's police, prosecutors and courts


def _policing_noun(noun: Token) -> bool:
    """'police', 'prosecutors', 'a police spokesman', 'the government': a noun of a state's police or prosecution
    (Phoenix agents coded COP or JUD), one that speaks for them, or the government itself (`OWN_COUNTRY_NOUNS`), with
    no actor named before it ('Kenyan police' is Kenya acting)."""
    sectors = agent_sectors()
    if noun.pos_ != "NOUN" or any(c.ent_type_ for c in noun.children if c.i < noun.i):
        return False
    lemma = noun.lemma_.lower()
    return (sectors.get(lemma) in POLICING_SECTORS or lemma in OWN_COUNTRY_NOUNS or lemma in _spokesperson_nouns()
            and any(sectors.get(c.lemma_.lower()) in POLICING_SECTORS for c in noun.children if c.dep_ == "compound"))


def _policing_agent(verb: Token) -> Token | None:
    """Who does an arrest or a charge the text tells with no actor, as the police or prosecutors report it: 'Police said
    they had arrested a man' (the pronoun the reporting subject), '27 people were arrested, a police spokesman said'
    (an agentless passive they report): that police or prosecution noun, else None. Not one they do in the text's own
    voice ('Police arrested 37 people'): an unnamed force the article follows is a body of its own
    (kg.extract.entities.police_mentions), whose acts are not the state's."""
    if verb.pos_ not in {"VERB", "AUX"} or any(c.dep_ == "agent" for c in verb.children):
        return None
    doers = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
    if len(doers) == 1 and doers[0].pos_ == "PRON":
        doers = [s] if (s := _reported_speaker(doers[0])) is not None else []
    elif not doers and any(c.dep_ == "nsubjpass" for c in verb.children):
        clause = _first_conjunct(verb)
        if clause.dep_ == "ccomp" and _speech_verb(clause.head):
            doers = [c for c in clause.head.children if c.dep_ in SUBJ_DEPS]
    else:
        return None
    return doers[0] if len(doers) == 1 and _policing_noun(doers[0]) else None


def _agent_state(ctx: Context, agent: Token, lead: str) -> str:
    """The state whose police or prosecutors an unnamed agent is: that of the place its 'in' phrase names ('Police in
    Pozzallo'), else the one state the story's lead names."""
    places = [k for c in agent.children if c.dep_ == "prep" and c.lower_ == "in"
              for g in c.children if g.dep_ == "pobj" if (k := _place(ctx, g))]
    return _place_state(ctx, places[0]) if places else lead


def _place_state(ctx: Context, place: str) -> str:
    """The state a place mention key is in: itself if a state, the gazetteer's, else the state written right after one
    of its mentions ('Limassol, Cyprus')."""
    mentions = [m for m in ctx.by_token.values() if m.key == place]
    if any(m.type == "State" for m in mentions):
        return place
    if state := state_of(place):
        return state
    for m in mentions:
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.end + 1 < len(ctx.doc) and ctx.doc[span.end].text == ",":
            after = ctx.mention(ctx.doc[span.end + 1])
            if after is not None and after.type == "State":
                return after.key
    return ""


def _story_state(ctx: Context) -> tuple[str, int]:
    """The one state the lead sentence names, the first sentence after the headline that names any state (by name,
    demonym, or a place of the gazetteer): where the story happens, and where that sentence starts. '' when it names two
    or more."""
    for sent in ctx.doc.sents:
        if _in_headline(ctx, sent[0]):
            continue
        states = {m.key if m.type == "State" else state_of(m.key) for t in sent if (m := ctx.mention(t)) is not None
                  and m.type in {"State", "Place"} and not ctx.in_dateline(m.start)}
        states.discard("")
        if states:
            return (next(iter(states)) if len(states) == 1 else ""), sent.start
    return "", -1


def _doing_verbs(noun: Token) -> list[Token]:
    """The verb that orders or carries out the act a noun names, the noun its passive subject ('The seizure was ordered
    on Tuesday by a court', 'the raid was carried out on Friday'): its time is the act's."""
    head = noun.head
    return [head] if noun.pos_ == "NOUN" and noun.dep_ == "nsubjpass" and (_ordered(noun) or _carried_out(head)) else []


LOOSE_VOTES = {"vote", "poll"}  # an election only with an adjective that says which ("the presidential vote")


def home_elections(ctx: Context, drafts: list[Draft]) -> None:
    """A dated election noun that names no polity, no place and no one ('the presidential election held on November
    16', 'the party's defeat in the March election') is an election of the state the story is about: its dateline's,
    headline's or lead's (`kg.extract.roles.story_state`), when the story names it; else it stays without one."""
    from kg.extract.roles import story_state

    home = None
    for draft in drafts:
        token = draft.token
        if token.lemma_.lower() in LOOSE_VOTES and not any(c.dep_ == "amod" for c in token.children):
            continue  # "a confidence vote", "43 percent of the vote", "an opinion poll": no state's election
        if (draft.kind in POLITY_EVENTS and token.pos_ == "NOUN" and not draft.participants and not draft.place
                and draft.time is not None):
            if home is None:
                home = story_state(ctx.doc)
                home = home if any(m.key == home for m in ctx.by_token.values()) else ""  # named in the story, or none
            if home:
                draft.add(home, "organizer")


def one_of_several(drafts: list[Draft]) -> None:
    """'The government intends to hold two referendums ... The first referendum is to be held from November 20': an
    event noun that an ordinal picks out ('the first', 'the second', spaCy's ORDINAL) and that names no actor of its
    own is one of the several events of its family a plural noun named before it, held by the same actors (its own
    time and status stay: the first of two referendums is not the second)."""
    _borrow_sides(drafts, lambda draft: any(c.dep_ == "amod" and c.ent_type_ == "ORDINAL" for c in draft.token.children),
                  lambda draft, d: (d.token.i < draft.token.sent.start and bool(d.participants) and d.token.tag_ == "NNS"
                                    and family(d.kind) == family(draft.kind)))


def same_sides(drafts: list[Draft]) -> None:
    """'Thai troops and Cambodian soldiers exchanged fire ... In July 2025, five days of fighting killed more than 40
    people', 'a clash between their forces ... A similar clash in September 2022 killed about 100 people': a noun of
    fighting (PLOVER FIGHT) that names no side is fought between the two sides the story's fighting had before it
    (the latest earlier fight with two or more actors); with none, it stays without actors."""
    _borrow_sides(drafts, lambda draft: draft.trigger.plover == "FIGHT",
                  lambda draft, d: d.token.i < draft.token.i and d.trigger.plover == "FIGHT" and len(d.participants) >= 2)


AFTER_PREPS = {"after", "following"}


def talks_before_agreement(drafts: list[Draft]) -> None:
    """'Armenia and Azerbaijan agreed to a ceasefire after ten hours of talks mediated by Lavrov', 'The agreement was
    signed after ten days of talks': the talks an agreement came after were held by the parties that agreed; they
    take the agreement's sides, beside the mediator the talks name themselves (talks that name two sides keep theirs)."""
    by_token = {d.token.i: d for d in drafts}
    for draft in drafts:
        token = draft.token
        if token.pos_ != "NOUN" or "Negotiation" not in lineage(draft.kind) and family(draft.kind) != "meeting":
            continue
        prep = token.head
        if prep.lower_ == "of" and prep.head.dep_ == "pobj":  # "after ten days of talks"
            prep = prep.head.head
        if token.dep_ != "pobj" or prep.lower_ not in AFTER_PREPS:
            continue
        agreed = by_token.get(prep.head.i)
        if sum(role == "participant" for role in draft.participants.values()) >= 2:
            continue  # "after talks between Russia and Turkey": the talks name their own sides
        if agreed is None or agreed is draft or "Agreement" not in lineage(agreed.kind) and agreed.trigger.plover != "AGREE":
            continue
        sides = dict(agreed.participants)
        for noun in (c for c in agreed.token.children if c.dep_ in {"nsubjpass", "dobj"} and c.i in by_token):
            sides.update({k: r for k, r in by_token[noun.i].participants.items() if k not in sides})  # "the agreement was signed"
        for key, role in sides.items():
            draft.add(key, role)


def _borrow_sides(drafts: list[Draft], picked: Callable[[Draft], bool], source: Callable[[Draft, Draft], bool]) -> None:
    """Each event noun naming no actor that `picked` accepts takes the participants of the latest draft that is its
    `source` (searched from the article's end back; a draft given sides here may be the source of a later one)."""
    for draft in drafts:
        if draft.participants or draft.token.pos_ != "NOUN" or not picked(draft):
            continue
        found = next((d for d in reversed(drafts) if source(draft, d)), None)
        if found is not None:
            for key, role in found.participants.items():
                draft.add(key, role)


def _names_verb(noun: Token, verb: Token) -> bool:
    """'North Korea launched the missile ... Kim watched the launch', 'Russia vetoed the draft ... the veto': a definite
    noun that is the verb's own word, or the act noun WordNet derives from it, names the act that verb reported, though
    the lexicon reads the two words in different senses."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = noun.lemma_.lower()
    if verb.lemma_.lower() in {lemma, _nominal_verbs().get(lemma)}:
        return True
    kinds = {row.kind for row in _triggers_for(noun)}  # "was convicted ... the verdict": a noun of a kind the verb has a
    return "Ruling" in kinds and any(row.kind in kinds for row in _triggers_for(verb))  # sense of too (a jury convicts)


CASE_KIND = "LegalAction"


def _case_parties(draft: Draft, drafts: list[Draft]) -> None:
    """'Apple Corps sued Apple Computer ... The trial is set to begin on Wednesday': a definite step of a legal case
    with no party of its own is a step of the case reported before it, between its parties (its own kind and time)."""
    if CASE_KIND not in lineage(draft.kind):
        return
    case = next((d for d in reversed(drafts) if d.token.i < draft.token.sent.start and d.participants
                 and CASE_KIND in lineage(d.kind) and _reported_act(d)), None)
    for key, role in (case.participants.items() if case is not None else ()):
        draft.add(key, role)


def case_steps(drafts: list[Draft]) -> None:
    """'Apple Corps sued Apple Computer ... The first lawsuit was settled out of court in 1981', 'A similar suit was
    filed in California': a verb done to a lawsuit (its object or passive subject a noun the lexicon reads as a legal
    action) that names no party is a step of the case reported before it, between that case's parties
    (`_case_parties` does the same for a definite noun: 'the trial')."""
    for draft in drafts:
        token = draft.token
        if draft.participants or token.pos_ not in {"VERB", "AUX"}:
            continue
        if any(c.dep_ in {"dobj", "nsubjpass"} and c.pos_ == "NOUN" and any(CASE_KIND in lineage(t.kind) for t in _triggers_for(c))
               for c in token.children):
            case = next((d for d in reversed(drafts) if d.token.i < token.sent.start and d.participants
                         and CASE_KIND in lineage(d.kind) and _reported_act(d)), None)
            for key, role in (case.participants.items() if case is not None else ()):
                draft.add(key, role)


SEQUEL_SUBJECTS = {"they", "he", "she", "both", "all"}  # "Both were charged with murder": those the report named before


def legal_sequels(ctx: Context, drafts: list[Draft]) -> None:
    """'Police in Paris said they had arrested two men. Both were charged with murder on Wednesday', 'Three opposition
    leaders were arrested by Turkish police. They were charged with terrorism': a legal act in the passive whose subject
    is a pronoun for people the report named no actor for is the next step of the legal act reported just before it (in
    its paragraph or the one before), between that act's parties, as `case_steps` does for 'the lawsuit was settled'."""
    for draft in drafts:
        token = draft.token
        if draft.participants or token.pos_ not in {"VERB", "AUX"} or CASE_KIND not in lineage(draft.kind):
            continue
        if not any(c.dep_ == "nsubjpass" and c.lower_ in SEQUEL_SUBJECTS for c in token.children):
            continue
        case = next((d for d in reversed(drafts) if d.token.i < token.sent.start and d.participants
                     and CASE_KIND in lineage(d.kind) and d.token.pos_ in {"VERB", "AUX"}), None)
        if case is None or ctx.text[case.token.idx:token.idx].count("\n\n") > 1:
            continue
        for key, role in case.participants.items():
            draft.add(key, role)


LEAD_DETS = {"a", "an"}  # "A Sydney cosmetic surgeon was sentenced": someone described, named later


def legal_leads(ctx: Context, drafts: list[Draft]) -> None:
    """'A Sydney cosmetic surgeon was sentenced yesterday to six years ... A jury found Dr Marcus Hale guilty in
    September': the lead of court news describes whom it is about (an indefinite noun for a person, the passive's
    subject) and names them in the next sentence; a legal act so written that names no actor acts on those the next
    sentence's first legal act acts on (its targets), as `legal_sequels` reads 'They were charged' back."""
    for draft in drafts:
        token = draft.token
        if draft.participants or token.pos_ not in {"VERB", "AUX"} or CASE_KIND not in lineage(draft.kind):
            continue
        if not any(_described_defendant(c, draft.trigger) for c in token.children):
            continue
        following = next((t.sent for t in ctx.doc[token.sent.end:] if not t.is_space), None)
        step = next((d for d in drafts if following is not None and following.start <= d.token.i < following.end
                     and CASE_KIND in lineage(d.kind)), None)
        for key, role in (step.participants.items() if step is not None else ()):
            if role == "target":
                draft.add(key, role)


EVE_NOUNS = {"eve"}  # "on the eve of the swap": the day before it
SIDELINE_NOUNS = {"sidelines", "sideline", "margins", "margin", "fringes", "fringe"}  # "met on the sidelines of the summit":
# a meeting of its own, held during the other


FORCE_KINDS = {"Coercion", "Attack"}  # force used on people: 'dispersed', 'used water cannon on'


def dispersed_gatherings(drafts: list[Draft]) -> None:
    """'Police dispersed a protest by supporters of ORG', 'fired tear gas to disperse a protest by X': a coercion whose
    object (or its purpose's, 'to disperse') is a protest acts on the protest's participants, who are its targets (the
    protest's own participants are read from 'by'/'of' on its noun)."""
    by_token = {d.token.i: d for d in drafts}
    for draft in drafts:
        if not FORCE_KINDS & set(lineage(draft.kind)):
            continue
        verbs = [draft.token, *(c for c in draft.token.children if c.dep_ == "advcl" and _to_infinitive(c))]
        for obj in (c for v in verbs for c in v.children if c.dep_ in {"dobj", "nsubjpass"}):
            gathering = by_token.get(obj.i)
            if gathering is None or "Protest" not in lineage(gathering.kind):
                continue
            for key, role in list(gathering.participants.items()):
                if role == "participant" and key not in draft.participants:
                    draft.add(key, "target")


STRUCTURE_COLLAPSE = "ev-structure-collapse"


def _disaster_damage(drafts: list[Draft]) -> list[Draft]:
    """'More than 40 buildings collapsed in Mexico City', 'the Dharahara tower collapsed' in an article on an earthquake:
    a structure that collapses where the article reports a disaster is that disaster's damage, no accident of its own
    (`ev-structure-collapse` holds alone: 'a hotel collapsed in Mecca, killing 76')."""
    if not any(d.kind == "Disaster" for d in drafts):
        return drafts
    return [d for d in drafts if d.trigger.id != STRUCTURE_COLLAPSE]


def relative_to_events(drafts: list[Draft]) -> None:
    """An undated act placed by another event: 'on the eve of the swap' is the day before the swap, 'a day after the
    talks' the day after them, when that event has a date (its own or, for 'the swap', its antecedent's); 'The visit
    came a week after X dismissed Y': the dismissal is a week before the visit."""
    by_token = {d.token.i: d for d in drafts}
    for draft in drafts:
        clause = draft.token if draft.token.pos_ in {"VERB", "AUX"} else _acting_clause(draft.token)
        if draft.time is not None or clause is None:
            continue
        for prep in (c for c in clause.children if c.dep_ == "prep"):
            for noun in (g for g in prep.children if g.dep_ == "pobj"):
                event, n = _placing_event(noun, prep, by_token)
                if event is not None and event.time is not None and event is not draft:
                    draft.time = shifted(event.time, n, "day") if n else event.time
                    break
        counted = _counted_from_subject(clause) if draft.time is None else None
        if counted is not None and (event := by_token.get(counted[0].i)) is not None and event is not draft:
            if event.time is not None and not assumed(event.time):  # 'The visit came a week after ...': the
                draft.time = shifted(event.time, *counted[1])  # visit's date (its own or its antecedent's), moved


def _acting_clause(noun: Token) -> Token | None:
    """The verb an event noun is the subject of ('on the eve of the swap, a missile strike killed seven people'): its
    time is the noun's."""
    return noun.head if noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.pos_ in {"VERB", "AUX"} else None


def _placing_event(noun: Token, prep: Token, by_token: dict[int, Draft]) -> tuple[Draft | None, int]:
    """(event, days from it) for 'on the eve of EVENT' (-1) and 'N days before/after EVENT' (-N, +N)."""
    if prep.lower_ == "on" and noun.lower_ in EVE_NOUNS:
        inner = _of_objects(noun)
        return (_named_event(inner[0], by_token), -1) if inner else (None, 0)
    if (offset := _offset(noun)) is not None and offset[1] == "day":
        return _named_event(noun, by_token), -offset[0]
    return None, 0


def _named_event(noun: Token, by_token: dict[int, Draft]) -> Draft | None:
    """The event a noun names: its own mention, else the last act before it told by the verb of the noun's stem
    ('swapped 75 prisoners ... on the eve of the swap')."""
    if noun.i in by_token:
        return by_token[noun.i]
    lemma = noun.lemma_.lower()
    return next((by_token[i] for i in sorted(by_token, reverse=True)
                 if i < noun.i and by_token[i].token.pos_ in {"VERB", "AUX"} and by_token[i].token.lemma_.lower() == lemma), None)


def _reported_act(draft: Draft) -> bool:
    """Whether a mention reports an act a later noun can name: a verb, or a noun that is not what another verb wants
    or plans ('agreed to resume talks': those talks are not held yet; 'held talks' are)."""
    token = draft.token
    return token.pos_ in {"VERB", "AUX"} or token.dep_ not in OBJ_DEPS or token.head.lemma_.lower() in LIGHT_VERBS


def _same_time(ctx: Context, antecedent: Draft, draft: Draft) -> bool:
    """Whether a definite noun's own time can be its antecedent's: none, or a past time that overlaps it."""
    a, b = antecedent.time, draft.time
    if b is None:
        return True
    if draft.status != "occurred" or b.earliest > ctx.article.date:
        return False
    return a is None or (a.earliest <= b.latest and b.earliest <= a.latest)


def _content_of(draft: Draft, by_token: dict[int, Draft]) -> Draft | None:
    """The agreement, demand or threat a clause spells out after 'was': 'The agreement was that X would not sell'."""
    token = draft.token
    if token.dep_ != "ccomp" or token.head.lemma_ != "be":
        return None
    noun = next((by_token.get(c.i) for c in token.head.children if c.dep_ == "nsubj"), None)
    return noun if noun is not None and noun.kind in CONTENT_KINDS | {"Deal"} else None


JUDGING_KINDS = {"Accusation", "Support"}  # condemning or praising an act presupposes it ('threatened', 'demanded' do not)
CLAIM_VERBS = {"claim"}  # "claimed (responsibility for) the attack": owning an act, not reporting one
CLAIM_NOUNS = {"responsibility", "credit"}


def _claimed(noun: Token, verb: Token) -> bool:
    """Whether an event noun is what its governing verb claims: 'claimed the bombing', 'claimed responsibility for the
    attack' (the act happened, and the claimer did it); not 'claimed that Israel attacked' (a clause, a statement)."""
    if verb.lemma_.lower() not in CLAIM_VERBS:
        return False
    if noun.dep_ == "dobj" and noun.head.i == verb.i:
        return True
    return (noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() in CLAIM_NOUNS
            and noun.head.head.head.i == verb.i)


def _called_off(draft: Draft, host: Draft) -> None:
    """A planned event called off or put off: the event keeps its status ("cancelled", "postponed") and takes the
    doer; the calling-off stays an event of its own, dated by its clause ("Trump called off the summit on May 24").
    In an agentless passive ("a summit between Obama and Putin was called off today", "the state visit of the King
    to France has been postponed") its people are the called-off event's. A noun of calling off ('leading to the
    postponement of a planned summit') only marks the event it governs, as before."""
    draft.status = host.trigger.status
    for key, role in host.participants.items():
        draft.add(key, role)
    if host.token.pos_ not in {"VERB", "AUX"}:
        host.absorbed = True
        return
    if draft.time is not None and draft.time == host.time:
        draft.time = None  # "called off the summit on May 24": the day of the calling-off, not of the summit
    if not host.participants:
        for key in draft.participants:
            host.add(key, "participant")
        host.place = host.place or draft.place


def _governing_trigger(draft: Draft, by_token: dict[int, Draft]) -> Draft | None:
    """The trigger an event noun depends on, through prepositions and infinitives ('threatened to launch an offensive')."""
    node = draft.token
    for _ in range(5):
        if node.head.i == node.i:
            return None
        node = node.head
        if (node.lower_ in TEMPORAL_PREPS and node.dep_ == "prep") or node.lower_ in EVE_NOUNS | SIDELINE_NOUNS:
            return None  # "agreed ... after a video summit", "met on the eve of the summit", "met on the sidelines of
            # the summit": an event of its own, placed in time by the other
        if node.i in by_token and node.i != draft.token.i:
            return by_token[node.i]
        if node.pos_ in {"VERB", "AUX"} and node.i not in by_token and not _infinitival(node):
            return None
    return None


def _in_vote(token: Token) -> bool:
    """Whether a noun is the object of 'in' on a verb ('rejected the draft in a referendum', 'defeated Kast in the
    run-off')."""
    return token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head.pos_ in {"VERB", "AUX"}


def _voted_in(draft: Draft, host: Draft) -> bool:
    """'Kenyans rejected an earlier draft in a referendum', 'voters in Crimea backed joining Russia in a referendum',
    'British voters chose to leave the EU in a referendum': an election noun after 'in' that the verb governs (on the
    verb, or on its object or its margin as parsed: 'approved the treaty by a wide margin in a referendum') is the
    vote the verb's act was done by."""
    token = draft.token
    return (draft.kind in POLITY_EVENTS and host.kind not in POLITY_EVENTS and token.dep_ == "pobj"
            and token.head.lower_ == "in" and host.token.pos_ in {"VERB", "AUX"})


def _donate(source: Draft, target: Draft) -> None:
    for key, role in source.participants.items():
        target.add(key, role)
    target.place = target.place or source.place
    target.time = target.time or source.time
    if target.kind in lineage(source.kind)[1:]:
        target.kind, target.trigger = source.kind, source.trigger  # "reiterated its demand": a demand
    target.evidence.extend(source.evidence)


def _trigger_evidence(draft: Draft) -> Evidence:
    t = draft.token
    return Evidence(t.idx, t.idx + len(t.text), t.sent.text, f"events/{draft.trigger.id}", 0.8)


# ---------------------------------------------------------------------------- the extractor


def _codes(draft: Draft) -> tuple[str, str]:
    cameo, plover = draft.trigger.cameo, draft.trigger.plover
    if draft.negated and plover in cooperative():
        return "120", "REJECT"  # "will not accept refugees", "failed to reach agreement"
    if draft.negated and draft.intent and plover in conflictual():
        return "124", "REJECT"  # "will not halt enrichment": a refusal to yield (`_not_done` drops it but as a best candidate)
    if draft.intent and draft.conditional and plover not in {"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "AID"}:
        return "130", "THREATEN"  # "will withdraw its force unless ...": a conditional promise is a threat
    if draft.intent and plover in cooperative() - {"AGREE"}:
        return (_intent_code(cameo) if cameo.startswith("07") else "03" + cameo[1:2]) if cameo else "030", "AGREE"
    if draft.intent and plover in conflictual():
        return "130", "THREATEN"
    return cameo, plover


PRAISE_CAMEO = {"051", "052"}  # CAMEO: praise or endorse, defend verbally
BLAME_CAMEO = {"110", "111"}  # CAMEO: disapprove, criticize or denounce (not 120 reject: a denial is an event of the news)
DENOUNCE_CAMEO = "111"  # CAMEO: criticize or denounce
BLAME_PREPS = {"of", "for"}  # "accused X of ...", "blamed X for ...": the deed blamed


def _reaction(draft: Draft) -> bool:
    """'welcomed the verdict', 'praised Britain's support', 'thanked the leaders', 'defended the bill', 'criticised the
    meeting': praise, or blame of a thing rather than of an actor, spoken (the verb is one of communication, WordNet)
    is a reaction to what the report tells, commentary and no event of its own (its quotation, if any, is a
    statement, and the act stays when it holds one). 'Backed the bid', 'endorsed the candidate' (support given, not
    spoken), 'condemned Russia' (an actor as target), 'accused the opposition of plotting', 'blamed X for the
    shelling' (blame for a deed) and 'dismissed', 'denied', 'rejected' (a refusal, news of its own) stay events."""
    token = draft.token
    if draft.verbatim or token.pos_ not in {"VERB", "AUX"} or token.lemma_.lower() not in speech_verbs():
        return False
    code = draft.trigger.cameo[:3]
    if code in PRAISE_CAMEO:
        return True
    if draft.trigger.cameo == DENOUNCE_CAMEO and not _participle_clause(token) and any(
            role == "speaker" and key.startswith(BODY_KEY_PREFIXES) for key, role in draft.participants.items()):
        return False  # 'Brazil and Colombia criticised the raid', 'ECOWAS condemned the takeover': a state's or a
        # body's denunciation is an act of its foreign policy, news of its own (CAMEO 111), not a person's comment
    return (code in BLAME_CAMEO and not any(role == "target" for role in draft.participants.values())
            and not any(c.dep_ == "prep" and c.lower_ in BLAME_PREPS  # on the verb, or on its object as parsed
                        for node in (token, *(o for o in token.children if o.dep_ == "dobj")) for c in node.children))


def _participle_clause(token: Token) -> bool:
    """'Rebuked by Eriador, Osgiliath is being drawn into talks': a past participle hung as a clause on another verb,
    whose doer is no subject of its own."""
    return token.tag_ == "VBN" and token.dep_ in {"advcl", "acl"}


def _interview_question(draft: Draft) -> bool:
    """'Asked whether London would copy the deal, the prime minister said ...', 'a journalist asked her about it': a
    question put to the one who answers (a participle with no asker, or asked about a topic) is no demand."""
    token = draft.token
    if draft.kind != "Demand" or token.lemma_.lower() != "ask" or token.pos_ not in {"VERB", "AUX"}:
        return False
    participle = token.tag_ == "VBN" and token.dep_ in {"advcl", "ROOT"} and not any(c.dep_ in SUBJ_DEPS for c in token.children)
    return participle or any(c.dep_ == "prep" and c.lower_ == "about" for c in token.children)


REFUSING_VERBS = {"decline", "refuse"}  # 'declined to comment', 'refused to say'


def _no_comment(draft: Draft) -> bool:
    """'The Commission declined to comment.', 'She refused to say who paid', 'declined to give details': refusing to
    speak (an infinitive of a speech verb of the lexicon, whose objects, if any, a verb of communication names, WordNet:
    'confirm the report'; or giving what such a verb names, 'details') is a non-answer to the reporter, no event
    ('refused to sign the deal', 'declined to attend', 'refused to apologise', 'refused to discuss it with Iran' stay)."""
    token = draft.token
    if token.pos_ not in {"VERB", "AUX"} or token.lemma_.lower() not in REFUSING_VERBS:
        return False
    act = next((c for c in token.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}), None)
    if act is None:
        return False
    dobjs = [o for o in act.children if o.dep_ == "dobj"]
    if any(c.dep_ == "prep" and c.lower_ == "with" for node in (token, act, *dobjs) for c in node.children):
        return False  # 'refused to discuss the plan with the EU': no talks (the phrase as parsed, on either verb)
    objects = [o.lemma_.lower() for o in dobjs]
    said = all(o in speech_verbs() for o in objects)
    if act.lemma_.lower() in GIVING_VERBS:
        return bool(objects) and said
    return any(row.speech for row in _triggers_for(act)) and said


GIVING_VERBS = {"give", "provide", "offer"}  # 'declined to give details': what is given is what is said


def _keep(draft: Draft) -> bool:
    if _reaction(draft) or _interview_question(draft) or _no_comment(draft):
        return False
    if draft.trigger.speech or draft.kind == "Statement":
        return any(role == "speaker" for role in draft.participants.values())
    if draft.kind in {"Postponement", "Cancellation"}:
        return bool(draft.participants)
    if draft.trigger.actorless:
        return bool(draft.participants or draft.place or draft.time)
    return bool(draft.participants) or bool(draft.place and draft.time)


def _drafts(ctx: Context) -> list[Draft]:
    drafts = find_triggers(ctx)
    for draft in drafts:
        read_arguments(ctx, draft)
        if draft.trigger.speech or family(draft.kind) == "statement":
            read_statement(ctx, draft)
            _declaration(ctx, draft)
        _content_targets(ctx, draft)
    formation_mandates(drafts)
    product_makers(ctx, drafts)
    refer_back(ctx, drafts)
    befallen_again(drafts)
    one_of_several(drafts)
    same_sides(drafts)
    talks_before_agreement(drafts)
    home_elections(ctx, drafts)
    case_steps(drafts)
    legal_sequels(ctx, drafts)
    legal_leads(ctx, drafts)
    drafts = _disaster_damage(drafts)
    relative_to_events(drafts)
    dispersed_gatherings(drafts)
    drafts = [d for d in absorb(drafts) if not _not_done(d)]
    story_time(ctx, drafts)
    passive_rescues(ctx, drafts)
    befallen_state(ctx, drafts)
    continued_speakers(ctx, drafts)
    drafts += statement_noun_quotes(ctx, drafts)
    drafts += stance_lead_quotes(ctx, drafts)
    drafts += quote_sentences(ctx, drafts)
    drafts += lead_in_quotes(ctx, drafts)
    drafts += attributed_quotes(ctx, drafts)
    drafts += communicated_quotes(ctx, drafts)
    drafts += verbless_lead_ins(ctx, drafts)
    drafts += text_that_reads(ctx, drafts)
    return unquoted_speech(reported_within(ctx, [d for d in one_act_per_speaker(ctx, drafts) if not _says_nothing(ctx, d)]))


def _says_nothing(ctx: Context, draft: Draft) -> bool:
    """'The list adds 48 people', 'both sides reported sporadic gunfire': a verb of saying whose direct object is a
    thing, neither words (the lexicon's statement nouns), nor whom it is told to ('told reporters'), nor an act
    claimed ('Hamas claimed the attack': `_claimed`), and that quotes or reports no clause, says nothing; it is no statement (a verb that
    declares, 'announced the closure', stays its act)."""
    token = draft.token
    if draft.kind != "Statement" or draft.trigger.declares or draft.verbatim or draft.quote or token.pos_ not in {"VERB", "AUX"}:
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return bool(objects) and not any(o.pos_ in {"PRON", "PROPN"} or ctx.is_actor(o) or o.lemma_.lower() in _statement_nouns()
                                     or token.lemma_.lower() in CLAIM_VERBS and bool(_triggers_for(o)) for o in objects)


def reported_within(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """'The ministry said that it welcomed the decision and stressed "Q"': a speech verb of the speaker inside the
    clause the speaker's own speech verb reports, quoting words that clause's quote holds, is part of that one act,
    not a second statement; another speaker's words reported in the clause ('said that NAME had called for "Q"') stay
    that speaker's."""
    said = [d for d in drafts if d.quote and d.verbatim and _speaker(d) is not None]
    inner = {id(d) for d in said for o in said if o is not d and d.kind == "Statement"  # not 'said X and urged Y to
             # "Q"': an appeal or a demand is an act of its own, whose words the report quotes with the rest
             and o.token in d.token.ancestors and d.quote in o.quote
             and len(d.quote) < len(o.quote) and ctx.same_person(_speaker(o) or "", _speaker(d) or "")}
    return [d for d in drafts if id(d) not in inner]


def unquoted_speech(drafts: list[Draft]) -> list[Draft]:
    """A speech act reported without quotation marks ('Lavrov said the talks would resume') is no statement: a
    statement's quote is the words the text quotes (kg:quote), and what a reporter paraphrases is their account.

    Runs after the statements are all found, because the paraphrase still names the speaker that a pronoun or
    a quotation paragraph after it goes on with ('X said Y. NEW PARAGRAPH "..."'). A plain 'said' with no
    quotation is then dropped; another act ('warned that ...', 'announced ...', a demand) stays an event,
    without a quote.
    """
    out = []
    for draft in drafts:
        if draft.quote and not draft.verbatim:
            if draft.kind == "Statement" and (not draft.trigger.declares or _person_speaks(draft)):
                continue  # 'Jobs announced that there were 3,800 attendees': a person's paraphrased words, as 'said'
                # (a state's or a body's announcement is its declaration)
            draft.quote = ""
        out.append(draft)
    return out


def _person_speaks(draft: Draft) -> bool:
    """Every speaker of the draft is a person."""
    speakers = [key for key, role in draft.participants.items() if role == "speaker"]
    return bool(speakers) and all(key.startswith(PERSON_KEY_PREFIX) for key in speakers)


def communicated_quotes(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A quotation that is an argument of a verb of communication whose subject (or agent) is a person is that
    person's statement, whatever act the lexicon reads the verb as: 'The new iPhone was praised by Jobs as "the
    biggest leap"', 'Orban described the sanctions as "a shot in the foot"', 'she expressed "deep concern"'. With no
    person there, one state or organization as the subject speaks when the quotation is what the verb judges its object
    to be ('Egypt condemned the attack as "barbaric"', 'the ministry called the move "a violation"': `_judged_as`); not
    a quoted name or a content ('was introduced by Apple as "iPhone OS"' has an agent, 'committed to "work toward"').

    The verb is the first one above the quotation's own head; a quotation inside a question ('asked how documents
    kept in "secure cabinets" wound up there') or under another verb hangs on that verb instead.
    """
    out, text = [], ctx.text
    held = [d.quote for d in drafts if d.quote]
    for start, end in ctx.quotes:
        words = text[start + 1:end - 1].strip(" ,.")
        span = ctx.doc.char_span(start + 1, end - 1, alignment_mode="contract")
        if (not words or span is None or not len(span) or _names_only(ctx, (start, end)) or _title_of_work(words)
                or _term_in_phrase(ctx, (start, end)) or any(words[:40] in q for q in held)):
            continue  # 'published his memoir "A Promised Land"': a work's title; 'dismissed talk of a "reset"
        verb = span.root.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ != "VERB" or start <= verb.idx < end or ctx.in_quote(verb.idx):
            continue
        doers = [c for c in verb.children if c.dep_ == "nsubj"] or [g for c in verb.children if c.dep_ == "agent"
                                                                     for g in c.children if g.dep_ == "pobj"]
        if _communicates(verb):  # "Turkey's foreign minister, NAME, accused ...": the title and the name are one speaker
            named = [k for c in doers for k in actors(ctx, c)]
            speakers = _named_first([k for k in named if ctx.is_person_key(k)]) or (
                named if len(set(named)) == 1 and named[0].startswith(BODY_KEY_PREFIXES) and _judged_as(span, verb)
                else [])  # 'Egypt condemned the attack as "barbaric"': one body, no person, judging a thing in words
        else:  # 'A statement from Josep Borrell reads, "..."': the statement's author speaks, a person or a body
            # ('"We condemn this attack," read a statement from the French foreign ministry')
            nouns = [c for c in doers + [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]  # 'read a statement from X'
                     if c.lemma_.lower() in _statement_nouns()]
            authors = [o for c in nouns for o in _owners(c)[1:]] + [g for c in verb.children if nouns and c.dep_ == "prep"
                                                                     and c.lower_ in {"from", "by"} for g in c.children if g.dep_ == "pobj"]
            speakers = [k for o in authors for k in actors(ctx, o)]
        if len(set(speakers)) != 1:
            continue
        quote = ctx.doc.char_span(start, end, alignment_mode="expand")
        noun = next((d for d in drafts if d.token in doers and d.kind == "Statement" and not d.quote), None)
        if noun is not None:  # the statement noun's own event says it
            noun.add(speakers[0], "speaker")
            noun.quote, noun.verbatim = words, True
            noun.evidence.append(Evidence(quote.start_char + 1, quote.end_char - 1, quote.sent.text, "statements/communicated", 0.7))
        else:
            out.append(_quoted_statement(ctx, verb, speakers[0], words, quote, "communicated"))
        held.append(words)
    return out


def _judged_as(span: Span, verb: Token) -> bool:
    """Whether a quotation is the object predicate of a verb with a subject: 'called the move "a violation"' (oprd),
    'condemned the attack as "barbaric"' (the object of 'as' on the verb; 'as "groundless"' may be parsed as its modifier)."""
    root = span.root
    predicate = root.dep_ == "oprd" and root.head.i == verb.i or (
        root.head.lower_ == "as" and root.head.dep_ == "prep" and (root.head.head.i == verb.i or (
            root.head.head.dep_ == "dobj" and root.head.head.head.i == verb.i)))  # the parser may hang 'as' on the object
    return predicate and any(c.dep_ == "nsubj" for c in verb.children) and any(c.dep_ == "dobj" for c in verb.children)


def _named_first(keys: list[str]) -> list[str]:
    """The people named among person keys, without the title phrases beside them ('nominal-...': "Turkey's foreign
    minister" in apposition to the name); the title phrases when no one is named."""
    return [k for k in keys if not k.startswith("nominal-")] or keys


@lru_cache(maxsize=1)
def _statement_nouns() -> frozenset[str]:
    """The lexicon's statement nouns ('statement', 'speech', 'remarks', 'interview')."""
    return frozenset(lemma for (lemma, pos), rows in lexicon().items() if pos == "NOUN" and any(r.id == "ev-statement-noun" for r in rows))


def _owners(noun: Token) -> list[Token]:
    """Whose a noun is: the noun itself, its possessor, and the object of its 'from', 'by' or 'of' ("Merkel's
    verdict", "a statement from Borrell")."""
    return [noun] + [c for c in noun.children if c.dep_ == "poss"] + [
        g for c in noun.children if c.dep_ == "prep" and c.lower_ in {"from", "by", "of"} for g in c.children if g.dep_ == "pobj"]


READ_FORMS = frozenset({"read", "reads", "reading"})


def text_that_reads(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A text that 'reads:' gives, after the colon to the end of its sentence, the words of whose text it is ("Apple
    released the text of Jobs's email, which reads: Team, At my request, ...", "Merkel's letter read: Germany
    stands with its allies"), quote marks or not: its possessor's or the one it is 'from' ('a letter from NAME reads:');
    a statement written with 'the' and no owner is the one the text named before (`_statement_issuer`)."""
    from spacy.attrs import LOWER

    held = [d.quote for d in drafts if d.quote]
    out = []
    for verb in tokens_with(ctx.doc, LOWER, READ_FORMS):  # "read" the parser may tag as a noun ("statement read:")
        colon = verb.i + 1
        if colon + 1 >= len(ctx.doc) or ctx.doc[colon].text != ":" or ctx.in_quote(verb.idx):
            continue
        text = _relative_subject(verb, frozenset({"nsubj"}))  # "Jobs's email, which reads: ..."
        if text is None or text.pos_ != "NOUN":
            continue
        owners = [k for o in _owners(text)[1:] for k in actors(ctx, o)]
        issuer = _statement_issuer(ctx, text) if not owners else None
        owners = owners or (actors(ctx, issuer) if issuer is not None else [])
        start, end = ctx.doc[colon + 1].idx, verb.sent.end_char
        words = ctx.text[start:end].strip(" \"\u201c\u201d")
        if len(set(owners)) != 1 or not words or any(words[:40] in q or q[:40] in words for q in held):
            continue
        draft = Draft(token=verb, trigger=lexicon()[("say", "VERB")][0], kind="Statement")
        draft.add(owners[0], "speaker")
        draft.quote, draft.verbatim = words, True
        draft.evidence.append(Evidence(start, end, verb.sent.text, "statements/text-that-reads", 0.7))
        _read_time(ctx, draft)
        out.append(draft)
    return out


VERBLESS_LEAD = re.compile(r"[:\u2013\u2014]\s*$")  # "Kurti's answer: '...'", "Jobs — '...'"


def verbless_lead_ins(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A quotation after a colon or dash that closes a phrase without a verb, headed by a person or by a noun of
    theirs ('Kurti: "We are ready."', 'The message from Josep Borrell: "Both sides must move."', "Merkel's verdict
    — 'a historic mistake'"), is that person's statement: the phrase introduces the words as theirs. Not a title
    of a work ('The new book by Barack Obama: "A Promised Land"'), nor a person further down the phrase ('On the
    agenda for Emmanuel Macron: "..."')."""
    out, text = [], ctx.text
    held = [d.quote for d in drafts if d.quote]
    for start, end in ctx.quotes:
        words = text[start + 1:end - 1].strip(" ,.")
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if (not words or span is None or any(words[:40] in q for q in held) or _names_only(ctx, (start, end))
                or _in_headline(ctx, span[0])):
            continue  # 'Zelensky: "We will win"' as a headline: the body reports it
        lead = ctx.doc.char_span(span.sent.start_char, start, alignment_mode="contract") if start > span.sent.start_char else None
        if lead is None or not len(lead) or not VERBLESS_LEAD.search(text[lead.start_char:start]):
            continue
        if any(t.pos_ == "VERB" or ctx.in_quote(t.idx) for t in lead) or _title_of_work(words):
            continue
        people = {m.key for t in _owners(lead.root) if (m := ctx.mention(t)) is not None and m.type == "Person"}
        if len(people) == 1:
            out.append(_quoted_statement(ctx, span[0], people.pop(), words, span, "verbless-lead-in"))
    return out


def _title_of_work(words: str) -> bool:
    """'A Promised Land', 'Servant of the People': a quotation whose words all begin with capitals (short function
    words aside) names a work, it quotes no one."""
    tokens = re.findall(r"[A-Za-z']+", words)
    return bool(tokens) and len(tokens) <= 8 and all(w[0].isupper() or len(w) <= 3 for w in tokens) and tokens[0][0].isupper()


def _communicates(verb: Token) -> bool:
    """A verb of communication (kg/data/speech_verbs.jsonl, the lexicon's speech rows), not in a question."""
    lemma = verb.lemma_.lower()
    return ((lemma in speech_verbs() or any(row.speech for row in _triggers_for(verb)))
            and not (verb.dep_ in {"ccomp", "advcl"} and _question(verb)))


def attributed_quotes(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A quotation attributed by a verb of communication that the lexicon reads as another act ('"We will win,"
    Zelensky vowed', a promise; '"...," she conceded', a concession) is also the person's statement: the act stays
    what it is, and the quotation is what was said."""
    out, text = [], ctx.text
    held = [d.quote for d in drafts if d.quote]
    ends = {e: (s, e) for s, e in ctx.quotes}
    for draft in drafts:
        token = draft.token
        if (family(draft.kind) == "statement" or not _after_quotation(token) or not _reports_clause(token)
                or ctx.in_quote(token.idx)):
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        first = min([token.i] + [c.left_edge.i for c in subjects])
        quote = ends.get(ctx.doc[first - 1].idx + 1)
        speakers = [k for c in subjects for k in actors(ctx, c) if ctx.is_person_key(k)]
        if quote is None or len(set(speakers)) != 1:
            continue
        words = text[quote[0] + 1:quote[1] - 1].strip(" ,.")
        span = ctx.doc.char_span(quote[0], quote[1], alignment_mode="expand")
        if words and span is not None and not any(words[:40] in q for q in held):
            out.append(_quoted_statement(ctx, token, speakers[0], words, span, "attribution"))
    return out


def _not_done(draft: Draft) -> bool:
    """'Israel did not attack Iran', 'failed to capture the town': a negated act of conflict did not happen (a negated
    act of cooperation stays, as a refusal: `_codes`); nor did a negated act no PLOVER type codes, which has no
    refusal to become ('he would not resign', 'the minister did not resign')."""
    plover = draft.trigger.plover
    return draft.negated and plover not in cooperative() and family(draft.kind) != "statement"


def one_act_per_speaker(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A speaker's words reported without quotation marks next to their own quotations are one speech act
    with them, the reporter's account of it: the quotations are its record, and take what the paraphrase is
    about ("Professor Eastman says manufacturers could remedy it. 'I suspect they won't,' he said."; "X told
    CBC the department will look into it." then '"We take security seriously," she said').

    Next means: the statements of one speaker that follow each other in the text with no other speaker's
    statement between them, each at most QUOTE_PARAGRAPH_REACH paragraphs from the one before. And a
    quotation is one statement, whichever verbs of its speaker reach it: a statement whose quoted parts
    another statement of the speaker holds too is dropped.
    """
    text = ctx.text
    said = sorted((d for d in drafts if d.quote and not d.absorbed and _speaker(d) is not None), key=lambda d: d.token.idx)
    runs: list[list[Draft]] = []
    for draft in said:
        if (runs and ctx.same_person(_speaker(runs[-1][-1]) or "", _speaker(draft) or "")
                and text[runs[-1][-1].token.idx:draft.token.idx].count("\n\n") <= QUOTE_PARAGRAPH_REACH):
            runs[-1].append(draft)
        else:
            runs.append([draft])
    dropped: set[int] = set()
    for run in runs:
        quoted = [d for d in run if d.verbatim]
        if not quoted or not ctx.is_person_key(_speaker(run[0]) or ""):
            continue
        for draft in run:
            if not draft.verbatim:  # what the act was about; the paraphrase itself goes (`unquoted_speech`)
                nearest = min(quoted, key=lambda d: abs(d.token.idx - draft.token.idx))
                nearest.about.extend(k for k in draft.about if k not in nearest.about)
    for draft in said:  # one quotation, one statement: a statement whose quoted parts another of the speaker holds
        parts = _parts(draft)
        if parts and any(other is not draft and id(other) not in dropped and parts <= _parts(other)
                         and (parts < _parts(other) or other.token.idx < draft.token.idx)
                         and ctx.same_person(_speaker(other) or "", _speaker(draft) or "") for other in said):
            dropped.add(id(draft))
    return [d for d in drafts if id(d) not in dropped]


def continued_speakers(ctx: Context, drafts: list[Draft]) -> None:
    """'he' or 'she' attributing a quotation goes on with the person who spoke last: 'Scholz said: "A.' NEW
    PARAGRAPH '"B," he added.' The pronoun's sentence names no speaker, the statement before it is a person's, at
    most QUOTE_PARAGRAPH_REACH paragraphs back, and no other person is named (outside quotations) in between.
    """
    text, said = ctx.text, []
    for draft in sorted(drafts, key=lambda d: d.token.idx):
        if family(draft.kind) != "statement" or draft.absorbed:
            continue
        speaker = _speaker(draft)
        if speaker is not None:
            if draft.quote and ctx.is_person_key(speaker):
                said.append(draft)
            continue
        subjects = [c for c in draft.token.children if c.dep_ == "nsubj" and c.lower_ in PERSON_PRONOUNS]
        if not draft.quote or not draft.verbatim or not subjects or not said:
            continue
        last, pronoun = said[-1], subjects[0]
        person = _speaker(last) or ""
        between = ctx.doc.char_span(last.token.idx, pronoun.idx, alignment_mode="expand")
        if between is None or text[last.token.idx:pronoun.idx].count("\n\n") > QUOTE_PARAGRAPH_REACH:
            continue
        others = {m.key for t in between if not ctx.in_quote(t.idx) and (m := ctx.mention(t)) is not None
                  and m.type == "Person" and not ctx.same_person(m.key, person)}
        unnamed = any(new_unnamed_person(t) and t.idx > last.token.idx and not ctx.in_quote(t.idx) and ctx.mention(t) is None
                      for t in between)
        if not others and not unnamed:  # 'A senior official told the BBC ... "...," he said': he is the official
            draft.add(person, "speaker")
            said.append(draft)


def _parts(draft: Draft) -> frozenset[tuple[int, int]]:
    """The quoted parts a statement holds (its quote evidence)."""
    return frozenset((e.start, e.end) for e in draft.evidence if e.extractor.startswith("statements/"))


def _speaker(draft: Draft) -> str | None:
    return next((key for key, role in draft.participants.items() if role == "speaker"), None)


def _declaration(ctx: Context, draft: Draft) -> None:
    """Words of an organisation or a state reported without quotation marks are no statement: a statement is
    something a person said, or words the text quotes.

    What it announces or confirms ("Airbus has confirmed that there was a glitch", "the government announced
    the start of a process") and what it demands ("Moscow said Kyiv must withdraw") stay events of its; what
    it says, claims or argues ("Apple Corps argued that the store was a breach") is its position, not an act.

    A source named after what it reports ("X and Y swapped prisoners, the two countries said") says nothing the
    clause before it does not: with no words of its own (no quotation in its sentence) it is no event either.
    """
    if draft.verbatim or any(role == "speaker" and ctx.is_person_key(key) for key, role in draft.participants.items()):
        return
    if not draft.quote:
        if _bare_source(ctx, draft):
            draft.participants.clear()
        return
    if draft.kind != "Statement" or draft.trigger.declares:
        draft.quote = ""
    else:
        draft.participants.clear()


def _names_event(noun: Token) -> bool:
    """Whether an object names an event, itself or through its preposition: 'the attack', 'responsibility for the attack'."""
    return bool(_triggers_for(noun)) or any(_triggers_for(g) for p in noun.children if p.dep_ == "prep"
                                            for g in p.children if g.dep_ == "pobj")


def _bare_source(ctx: Context, draft: Draft) -> bool:
    """'..., the two countries said', 'Tajik authorities reported four dead': a plain speech verb with no words of its
    own, no event as its object ('claimed (responsibility for) the attack' is an act; 'four dead' is a figure it
    sources) and no quotation in its sentence."""
    sent = draft.token.sent
    return (draft.kind == "Statement" and not draft.trigger.declares
            and not any(_names_event(c) for c in draft.token.children if c.dep_ == "dobj")
            and not any(s < sent.end_char and sent.start_char < e for s, e in ctx.quotes))


LEAD_IN = re.compile(r"[:,\u2013\u2014-]\s*$")  # "... to the record label, '...'", "... is not - '...'", "said: '...'"


def lead_in_quotes(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A quote that a clause leads into ("Jobs extended an invitation to the label, 'we have always loved ...'",
    "the judge agreed with the defence - 'I conclude ...'") is said by that clause's subject, a person.

    Only quotes no statement holds, right after a colon, comma or dash that ends the clause before them in
    the same sentence; the subject is the clause's own (its root's), not one inside it.
    """
    text, out = ctx.text, []
    held = [d.quote for d in drafts if d.quote]
    for start, end in ctx.quotes:
        words = text[start + 1:end - 1].strip(" ,.")
        if not words or any(words[:40] in q for q in held):
            continue
        sentence_start = text.rfind("\n", 0, start) + 1
        if not LEAD_IN.search(text[sentence_start:start]):
            continue
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        before = ctx.doc.char_span(sentence_start, start, alignment_mode="contract") if start > sentence_start else None
        if span is None or before is None or not len(before):
            continue
        clause = [t for t in before if t.sent.start == before[-1].sent.start]
        verbs = sorted((t for t in clause if t.pos_ in {"VERB", "AUX"}), key=lambda t: len(list(t.ancestors)))
        root, speakers = None, []
        for verb in verbs:  # the outermost verb before the quote with a person as its subject
            subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < span.start]
            speakers = [k for c in subjects for k in actors(ctx, c) if ctx.is_person_key(k)]
            if subjects:
                root = verb
                break
        if root is None or len(set(speakers)) != 1:
            continue
        out.append(_quoted_statement(ctx, root, speakers[0], words, span, "lead-in"))
    return out


def _quoted_statement(ctx: Context, token: Token, speaker: str, words: str, quote: Span, rule: str) -> Draft:
    """A statement of `speaker` whose words are the quotation `quote` (its quote marks included), found by `rule`."""
    draft = Draft(token=token, trigger=lexicon()[("say", "VERB")][0], kind="Statement")
    draft.add(speaker, "speaker")
    draft.quote, draft.verbatim = words, True
    draft.evidence.append(Evidence(quote.start_char + 1, quote.end_char - 1, quote.sent.text, f"statements/{rule}", 0.7))
    _read_time(ctx, draft)
    return draft


def _quotes_after_a_sentence(ctx: Context, drafts: list[Draft]) -> Iterator[tuple[int, int, str, Span, Span]]:
    """The quotations no statement holds yet that stand in a sentence after another: (start, end, their words, their
    span, the sentence before)."""
    held = [d.quote for d in drafts if d.quote]
    for start, end in ctx.quotes:
        words = ctx.text[start + 1:end - 1].strip(" ,.")
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if not words or span is None or span.sent.start == 0 or any(words[:40] in q for q in held):
            continue
        yield start, end, words, span, ctx.doc[span.sent.start - 1].sent


def statement_noun_quotes(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A quotation that opens the sentence after one where a person issues a statement, gives an interview or
    makes remarks ("Senator John Cornyn issued a statement regarding the decision. 'Like many Texans, I am
    disappointed ...'") is that person's statement.

    The statement word is the object of the sentence's verb (a noun of the lexicon's statement row) and the
    verb's subject is one person; the quotation's own sentence has no verb outside it.
    """
    text, out = ctx.text, []
    nouns = _statement_nouns()
    for start, end, words, span, previous in _quotes_after_a_sentence(ctx, drafts):
        if (text[span.sent.start_char:start].strip() or "\n\n" in text[previous.start_char:start]
                or not SENTENCE_END.search(text[previous.start_char:start]) or _has_own_speaker(ctx, (start, end))):
            continue
        speakers = []
        for noun in previous:
            if noun.lemma_.lower() in nouns and noun.dep_ == "dobj" and not ctx.in_quote(noun.idx):
                subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
                speakers = [k for c in subjects for k in actors(ctx, c) if ctx.is_person_key(k)]
                break
        if len(set(speakers)) != 1:
            continue
        out.append(_quoted_statement(ctx, span[0], speakers[0], words, span, "statement-noun"))
    return out


def stance_lead_quotes(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A sentence that only says how a person stood ('Kenya's foreign minister, Raychelle Omamo, was blunt.', 'Vucic was
    defiant.') leads into the quotation right after it, the next sentence of its paragraph or the whole next
    paragraph, when that quotation has no attribution of its own: the person's statement.

    The lead's main verb is a form of 'be' with an adjective as its complement and nothing else to report (no
    clause, no object), and its subject names one person.
    """
    text, out = ctx.text, []
    for start, end, words, span, previous in _quotes_after_a_sentence(ctx, drafts):
        gap = text[previous.end_char:start]
        para_start, para_end = paragraph_bounds(text, start, end)
        if (gap.strip() or gap.count("\n\n") > 1 or text[span.sent.start_char:start].strip()
                or ("\n\n" in gap and text[end:para_end].strip(" .\n")) or _has_own_speaker(ctx, (start, end))):
            continue  # the quotation opens the sentence after the lead; across a paragraph break it is the paragraph
        root = previous.root
        if (root.lemma_ != "be" or not any(c.dep_ == "acomp" for c in root.children)
                or any(c.dep_ in {"ccomp", "xcomp", "advcl", "conj", "dobj", "attr"} for c in root.children)):
            continue
        subjects = [c for c in root.children if c.dep_ == "nsubj"]
        speakers = {k for c in subjects for k in _titled_speaker(ctx, c) or actors(ctx, c)}
        if len(speakers) != 1 or not ctx.is_person_key(next(iter(speakers))):
            continue
        out.append(_quoted_statement(ctx, span[0], next(iter(speakers)), words, span, "stance-lead"))
    return out


QUOTE_PARAGRAPH_REACH = 2  # paragraphs back to the statement whose speaker a quote paragraph continues
SENTENCE_END = re.compile(r"[.!?][\"\u201d']?\s*$")


def quote_sentences(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A quotation that stands as a sentence of its own goes on with the speaker of the statement just before it.

    News gives a speaker's next words as a quotation with no attribution of its own: in the same paragraph,
    right after the sentence that attributes the first ("'A,' Kurti said. 'B.'"), or in a paragraph of its
    own after the paragraph that names the speaker ("Professor X said ... ." then a paragraph '"If ... ."').
    Each such quotation is a statement of its own. The statement before must be a person's (within its
    paragraph, also a body's quoted words: '"A," the ministry said. "B."'); within a
    paragraph its sentence must be the one just before the quotation, across paragraphs it lies at most
    QUOTE_PARAGRAPH_REACH paragraphs back and the quotation is the whole paragraph. A quotation whose
    sentence has a verb of its own outside the quote is not one.
    """
    text, out = ctx.text, []
    said = [d for d in drafts if family(d.kind) == "statement" and d.quote and not d.absorbed
            and any(role == "speaker" and (ctx.is_person_key(key) or d.verbatim) for key, role in d.participants.items())]
    for start, end in ctx.quotes:
        words = text[start + 1:end - 1].strip(" ,.")
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if not words or span is None or any(d.quote and words[:40] in d.quote for d in said + out):
            continue  # a quote a statement already holds
        before = sorted((d for d in said + out if d.token.idx < start), key=lambda d: d.token.idx)
        going_on = _runs_on_into(ctx, said, start, end)  # '"A.' NEW PARAGRAPH '"B," said X': X's words
        if not before and going_on is None or any(start <= d.token.idx < end for d in drafts):
            continue
        last = going_on if going_on is not None else before[-1]
        para_start, para_end = paragraph_bounds(text, start, end)
        rule = "quote-paragraph" if going_on is None else "quote-runs-on"
        if rule == "quote-runs-on":
            pass
        elif last.token.idx >= para_start:  # the same paragraph: the sentence just before names the speaker
            rule = "quote-sentence"
            previous = ctx.doc[span.sent.start - 1].sent if span.sent.start > 0 else None
            if (previous is None or not previous.start_char <= last.token.idx < previous.end_char
                    or text[span.sent.start_char:start].strip() or not SENTENCE_END.search(text[previous.start_char:start])
                    or _has_own_speaker(ctx, (start, end))):
                continue
        elif (text[para_start:start].strip() or text[end:para_end].strip(" .\n") or not ctx.is_person_key(_speaker(last) or "")
              or text[last.token.idx:para_start].count("\n\n") > QUOTE_PARAGRAPH_REACH):
            continue  # the paragraph holds more than the quote, or the speaker is too far back or no person
        speaker = next(key for key, role in last.participants.items() if role == "speaker")
        draft = Draft(token=span[0], trigger=lexicon()[("say", "VERB")][0], kind="Statement", status=last.status, time=last.time)
        draft.add(speaker, "speaker")
        draft.quote, draft.verbatim = words, True
        draft.evidence.append(Evidence(start + 1, end - 1, span.sent.text, f"statements/{rule}", 0.7))
        out.append(draft)
    return out


def _runs_on_into(ctx: Context, said: list[Draft], start: int, end: int, reach: int = QUOTE_PARAGRAPH_REACH) -> Draft | None:
    """The statement a quotation paragraph left open goes on into: news leaves a quotation that runs over paragraphs
    without its closing mark and opens the next paragraph with a mark ('"The border was drawn by colonial powers.'
    NEW PARAGRAPH '"We will go to court," said Mohamud.'); the quotation that opens the next paragraph, or the one
    after when that one runs on too (at most `reach` paragraphs), is attributed there, and its speaker's words
    these are. None when the quotation is not the whole of its paragraph, is closed, or nothing attributed follows."""
    text = ctx.text
    para_start, para_end = paragraph_bounds(text, start, end)
    if text[para_start:start].strip() or text[end - 1] in QUOTE_CHARS or text[end:para_end].strip() or reach <= 0:
        return None
    following = next(((s, e) for s, e in ctx.quotes if s >= para_end), None)
    if following is None or text[para_end:following[0]].strip():
        return None  # the next paragraph does not open with a quotation
    s, e = following
    held = next((d for d in said if (s + 1, e - 1) in _parts(d)), None)
    if held is not None:
        return held if _speaker(held) is not None and held.token.idx < paragraph_bounds(text, s, e)[1] else None
    return _runs_on_into(ctx, said, s, e, reach - 1)


QUOTE_CHARS = "\"\u201c\u201d'\u2019"


def extract_events(ctx: Context) -> list[Event]:
    """Every event mention the article reports with a known actor (resolve merges mentions of one event)."""
    kept = [d for d in _drafts(ctx) if _keep(d)]
    kept += [again for d in kept for again in _done_again(ctx, d)]
    acts = {d.token.i for d in kept if d.kind != "Statement"}
    return _records([d for d in kept if not _announces_event(d, acts)])


def _done_again(ctx: Context, draft: Draft) -> list[Draft]:
    """'García Linera quit, as did the president of the Senate, Adriana Salvatierra', 'Britain expelled two Russian
    diplomats, as did Poland': an 'as did' clause with a subject of its own is the act done again by that subject,
    another event of the kind, time and place of the verb's; its subject takes the role the verb's doer has, whom it
    acts on stays. Not after a negated verb ('did not attend, as did Brazil' says nothing sure)."""
    token = draft.token
    if token.pos_ not in {"VERB", "AUX"} or draft.negated or _negated_verb(token) or draft.absorbed:
        return []
    doers = {k for s in token.children if s.dep_ in SUBJ_DEPS for k in actors(ctx, s)}
    role = next((r for k, r in draft.participants.items() if k in doers), "participant")
    out = []
    for did in (c for c in token.children if c.dep_ == "advcl" and c.lemma_.lower() == "do"
                and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)):
        keys = [k for s in did.children if s.dep_ == "nsubj" for k in actors(ctx, s)]
        if keys:
            kept = {k: r for k, r in draft.participants.items() if r == "target"}
            out.append(replace(draft, token=did, participants={**kept, **dict.fromkeys(keys, role)}, evidence=[]))
    return out


def _announces_event(draft: Draft, acts: set[int]) -> bool:
    """'Joly announced that Canada had expelled the diplomat', 'he announced the closure of the borders', 'confirmed
    that 56 Eritreans had been released': an announcement the text reports without the speaker's words, whose content
    (its reported clause or its object) holds an act the article reports (`acts`, token indices), is how that act
    became known; the act is the event, the announcement none of its own. One with words quoted stays a statement,
    and so does one whose content holds no act ('announced that it would begin filling the dam')."""
    if draft.kind != "Statement" or not draft.trigger.declares or draft.verbatim or draft.token.pos_ not in {"VERB", "AUX"}:
        return False
    return any(n.i in acts for c in draft.token.children if c.dep_ in {"ccomp", "dobj"} for n in c.subtree)


def typed_events(ctx: Context) -> list[Event]:
    """Every event the text types, actors known or not, main clause first: what event typing is scored on.

    >>> # "Palestinians rejected the plan": typed REJECT even when the actor is not in a gazetteer
    """
    drafts = _drafts(ctx)
    if not any(_codes(d)[1] for d in drafts) and (best := _best_candidate(ctx, drafts)) is not None:
        drafts.append(best)
    drafts.sort(key=lambda d: d.token.i)  # the order _records numbers them in
    pairs = zip(drafts, _records(drafts), strict=True)
    return [event for draft, event in sorted(pairs, key=lambda p: (_clause_depth(p[0].token), p[0].token.i))]


def _best_candidate(ctx: Context, drafts: list[Draft]) -> Draft | None:
    """A news sentence of the PLOVER set always reports an event: when no reading survives, the word nearest the root
    (`_clause_depth`) whose sense holds with its actors stands for it ('Serbia says it will not withdraw its troops':
    a refusal, `_codes`). A word already read as an untyped event ('signed a contract'), a modifier ('the attacking
    midfielder') and an act that did not happen ('did not attack') are never the event."""
    read = {d.token.i for d in drafts}
    candidates = []
    for token in ctx.doc:
        if (token.pos_ not in TRIGGER_POS or ctx.in_quote(token.idx) or token.i in ctx.time_tokens or token.i in read
                or token.dep_ in {"amod", "acl", "compound"}):
            continue
        row = _choose(token, ctx.is_actor, ctx.is_armed)
        if row is not None and row.nominalized and not _nominal_holds(ctx, token, row):
            continue  # "the withdrawal of funds": an act noun that names no one it acts on is no act
        if row is not None and row.plover:
            candidates.append((0, _clause_depth(token), token.i, token, row))
        elif (row := next((r for r in _triggers_for(token) if r.plover and not r.derived), None)) is not None:
            candidates.append((1, _clause_depth(token), token.i, token, row))
    for loose, _, _, token, row in sorted(candidates, key=lambda c: c[:3]):
        draft = Draft(token=token, trigger=row, kind=row.kind, status=row.status or "occurred")
        read_arguments(ctx, draft)
        if _not_done(draft) and not draft.intent or loose and not _political_doer(ctx, token, draft):
            continue
        return draft
    return None


def _political_doer(ctx: Context, verb: Token, draft: Draft) -> bool:
    """Whether a verb read outside its lexicon constraints has a political doer: its subject a named actor or an agent
    noun ('Georgia returned the ships', 'riot police beat demonstrators'; not 'the Australian swimmer broke the
    record', whose actor is only a demonym), and one of its participants a state or a place."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(ctx.mention(s) is not None or s.lemma_.lower() in actor_nouns() for s in subjects) and any(
        map(state_of, draft.participants))


def _clause_depth(token: Token) -> int:
    """How deep the event sits, in half steps: twice its depth, or for an event noun that is its verb's subject or
    object ('went on strike', 'held talks', 'the arrest sparked riots'; not 'after years of occupation'), one more than
    twice its verb's: 'Workers went on strike to demand wages' is mainly a strike, not the demand of its purpose clause;
    the passive subject of a verb of communication comes before the verb ('the release was welcomed': `_reported_subject`)."""
    verb = token.head
    if token.pos_ == "NOUN" and _reported_subject(token, verb):
        return 2 * _depth(verb) - 1
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ not in TEMPORAL_PREPS:
        verb = verb.head
    elif not (token.pos_ == "NOUN" and token.dep_ in {"dobj", "nsubj", "nsubjpass"}):
        return 2 * _depth(token)
    return 2 * _depth(verb) + 1 if verb.pos_ in {"VERB", "AUX"} else 2 * _depth(token)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


REFUSAL_KIND = "Rejection"


def _refusal_kind(draft: Draft, plover: str) -> str:
    """'did not reach an agreement', 'failed to agree', 'will not accept refugees': a negated act of cooperation is a
    refusal (`_codes` types it REJECT), not the act it denies: its class is Rejection, not Agreement."""
    if draft.negated and draft.trigger.plover in cooperative() and plover == "REJECT" and family(draft.kind) != "statement":
        return REFUSAL_KIND
    return draft.kind


# WordNet 3.0 data.verb 00884029 promise (commit oneself to do something) and its troponyms 00884558 pledge ('promise
# solemnly and formally') and 00886777 vow ('make a vow; promise'): verbs of one side's undertaking
UNDERTAKING_VERBS = {"promise", "pledge", "vow"}
UNDERTAKING_KIND = "Statement"
UNDERTAKING_CLAUSES = {"xcomp", "ccomp"}


def _undertaking_kind(draft: Draft, kind: str) -> str:
    """'Mahama promised to cut the cabinet', 'Tusk promised that the government would restore the rule of law', 'she
    vowed to present a plan': one side's promise of what it will do (its own clause, no one it agrees with) is what it
    says it will do, a statement of intent (CAMEO 030 and PLOVER AGREE kept), not an agreement made. A promise of a
    thing stays ('Russia promised a response', 'Norway pledged food'), and so do one made by sides together ('Iran
    and Iraq pledged to reopen the border'), one made with or to someone ('pledged with Ankara to ...', 'pledged to
    help Moldova') and one made under an accord ('Under the agreement, Sweden pledged to ...')."""
    verb = draft.token
    if kind != "Agreement" or verb.pos_ != "VERB" or verb.lemma_.lower() not in UNDERTAKING_VERBS:
        return kind
    if "target" in draft.participants.values():
        return kind  # 'Germany pledged to help Moldova': a promise to another side is cooperation offered it
    children = list(verb.children)
    if not any(c.dep_ in UNDERTAKING_CLAUSES for c in children) or any(c.dep_ in {"dobj", "dative"} for c in children):
        return kind
    subjects = [c for c in children if c.dep_ in SUBJ_DEPS] or [c for c in _first_conjunct(verb).children if c.dep_ in SUBJ_DEPS]
    if not subjects or any(c.dep_ == "conj" for s in subjects for c in s.children):
        return kind
    shared = [c for c in _first_conjunct(verb).children if c.dep_ == "prep"] if verb.dep_ == "conj" else []
    if any(c.dep_ == "prep" and c.lower_ in {"with", "under"} for c in children + shared):
        return kind
    return UNDERTAKING_KIND


def _records(drafts: list[Draft]) -> list[Event]:
    events = []
    for n, draft in enumerate(sorted(drafts, key=lambda d: d.token.i), 1):
        cameo, plover = _codes(draft)
        trigger = _trigger_evidence(draft)
        kind = _undertaking_kind(draft, _refusal_kind(draft, plover))
        events.append(Event(
            key=f"event-{n}", kind=kind, label=kind, evidence=trigger,  # resolve names the event once its actors are known
            participants=tuple(("speaker" if kind != draft.kind and role == "participant" else role, key)  # who refuses
                               for key, role in draft.participants.items()), place=draft.place, time=draft.time,
            status=draft.status, cameo=cameo, plover=plover, quote=draft.quote,
            about=tuple(dict.fromkeys(k for k in draft.about if k not in draft.participants)),
            mentions=tuple(dict.fromkeys(e for e in draft.evidence if e != trigger)),
        ))
    return events

