"""What every extractor looks up in one parsed article: `Context` (mentions by token, quotations, the time each verb
or event noun carries, who can act), and the agent nouns it knows actors by (kg/data/event_actor_nouns.csv).
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kg import resources
from kg.extract.entities import ARMY_KEY, POLICE_KEY, doc_text, quotations
from kg.extract.timex import find_times, joined_ranges
from kg.gazetteer import sectors
from kg.records import Article, Mention, TimeValue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

@lru_cache(maxsize=1)
def armed_nouns() -> frozenset[str]:
    """Agent nouns of armed actors (troops, rebels, police, gunmen), by their Phoenix sector code (kg/data/sectors.csv)."""
    armed = sectors("armed")
    return frozenset(r["noun"] for r in resources.table("event_actor_nouns.csv") if r["sector"].startswith(armed))


@lru_cache(maxsize=1)
def actor_nouns() -> frozenset[str]:
    """Nouns that name people or groups who can act (police, rebels, villagers), from the Phoenix agents and CAMEO sets."""
    return frozenset(r["noun"] for r in resources.table("event_actor_nouns.csv"))


DATELINE_LEAD = re.compile(r"(?:[A-Z][\w.'-]*,? )*\Z")  # 'KYIV, ', 'TBILISI, Georgia, ', 'Friday, ' or nothing
DATELINE_DASH = re.compile(r"\s*(?:\([A-Z][\w .]*\)\s*)?[-\u2013\u2014]\s")  # ' - ', ' (Reuters) - '


def dateline(text: str, start: int, end: int) -> bool:
    """Whether a time is the article's dateline, the day the report was filed, not a time of what it reports: at the
    start of a line after at most a place ('KHARTOUM, May 21 - Sudan's army signed ...', 'KYIV, June 1 (Reuters) - '),
    followed by a dash, or a line of its own under the headline ('July 02, 2008', 'Friday, September 9, 2016').

    >>> text = "KYIV, June 1 - Russia and Ukraine swapped prisoners on Friday.\\n\\nOn June 1, they met."
    >>> dateline(text, 6, 12), dateline(text, 52, 61), dateline(text, 68, 74)
    (True, False, False)
    """
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    if not DATELINE_LEAD.match(text, first, start):
        return False
    return not text[end:last if last >= 0 else len(text)].strip() or bool(DATELINE_DASH.match(text, end))


INTERRUPTION_KINDS = {"NegotiationBreakdown", "Postponement", "Cancellation"}  # acts that break off or put off another
_FINENESS = {"day": 0, "week": 1, "range": 2, "month": 3, "season": 4, "quarter": 4, "year": 5}


def _term_ahead(tv: TimeValue, dct: dt.date, verb: Token) -> bool:
    """'pledged 3.5 trillion yen over the next five years', 'promised to spend it in the coming months': a span that
    runs forward from the report date, on a verb told in the simple past, is the term of what was promised or done,
    not the day it was done."""
    return tv.rule == "span" and tv.earliest == dct and tv.latest > dct and verb.tag_ == "VBD"


def _compared_since(span: Span) -> bool:
    """A 'since' time in a sentence that ranks something with a superlative in the predicate ('The crash is the deadliest
    in France since 1981', 'the strongest quake to hit the country since 1934', 'floods hit X, the worst since 2010'):
    it bounds the comparison."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is None or before.lower_ != "since":
        return False
    near = {before.head.i, before.head.head.i}  # what the 'since' phrase hangs on, and its head
    return any(t.tag_ == "JJS" and t.head.dep_ not in {"nsubj", "nsubjpass"} and near & {t.i, t.head.i, t.head.head.i}
               for t in span.sent)  # not 'the biggest bank has been under investigation since March': its subject


def _when_after(span: Span) -> Token | None:
    """The verb of a 'when' clause written right after a time, after a comma or none ('since July 2009, when six
    people died', 'in 2014 when floods hit'), whatever the parse hung the clause on: the clause tells what happened
    then."""
    doc = span.doc
    i = span.end + (span.end < len(doc) and doc[span.end].text == ",")
    if i >= len(doc) or doc[i].lower_ != "when" or doc[i].dep_ not in {"advmod", "mark"}:
        return None
    verb = doc[i].head
    return verb if verb.pos_ in {"VERB", "AUX"} and verb.i > i and verb.dep_ in {"relcl", "advcl", "acl"} else None


class Context:
    """Lookups over one parsed article, shared by the extractors: mentions by token, quotes, times by token, who can act.

    Two questions go to the event lexicon, which the caller passes in
    (`kg.extract.events.context` makes a Context with its own): `triggers(token)`,
    the lexicon rows a token can trigger (a time attaches to the nearest verb or
    event noun above it), and `speaker(token)`, the speaker a pronoun subject of
    reported speech stands for, or None ("Syria says it is willing": it can act).
    """

    def __init__(self, doc: Doc, article: Article, mentions: list[Mention], *, triggers: Callable[[Token], Sequence[Any]],
                 speaker: Callable[[Token], Token | None]) -> None:
        self.doc, self.article = doc, article
        self.triggers, self.speaker = triggers, speaker
        self.text = doc_text(doc)
        self.by_token: dict[int, Mention] = {}
        self.person_keys = {m.key for m in mentions if m.type == "Person"}
        self._surnames = {m.key: m.text.split()[-1].lower() for m in sorted(mentions, key=lambda m: len(m.text))
                          if m.type == "Person" and m.rule == "ner-person" and m.text.split()}
        for m in sorted(mentions, key=lambda m: m.end - m.start):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, m)
        self.quotes = quotations(self.text)
        self._quote_starts = [s for s, _ in self.quotes]
        self.times: dict[int, TimeValue] = {}  # governing token index -> time
        self.datelines: list[tuple[int, int]] = []  # 'KHARTOUM, May 21': its place is where the report was filed
        self.time_tokens: set[int] = set()
        ranks: dict[int, tuple[bool, int]] = {}
        # the whole text: "the previous day" sees the day named before; "from May 2 to May 5" is one range
        for tv in joined_ranges(self.text, find_times(self.text, article.date)):
            span = doc.char_span(tv.start, tv.end, alignment_mode="expand")
            if span is None or self.in_quote(span.start_char):
                continue
            if any((m := self.by_token.get(t.i)) is not None and m.type in {"Organization", "Person"} and m.start <= span.start_char
                   and span.end_char <= m.end and (m.start, m.end) != (span.start_char, span.end_char) for t in span):
                continue  # "21st Century Fox", "the Sunday Times": a body's name that holds a time word names no time
            when = _when_after(span)
            if when is not None and when.i not in self.times and not dateline(self.text, span.start_char, span.end_char):
                self.times[when.i], ranks[when.i] = replace(tv, start=span.start_char, end=span.end_char), (False, 0)
                self.time_tokens.update(t.i for t in span)  # "since August 2007, when a quake killed 500 people",
                # "in December 2016, when he defeated Jammeh": the time the clause is told at is its own
            if _compared_since(span):
                continue  # "the deadliest since 1981": the years compared over, not when anything happened
            self.time_tokens.update(t.i for t in span)
            if dateline(self.text, span.start_char, span.end_char):
                self.datelines.append((self.text.rfind("\n", 0, span.start_char) + 1, span.end_char))
                continue  # the day the report was filed, not the day of what it reports
            tv = replace(tv, start=span.start_char, end=span.end_char)
            governor = self.governor(span.root).i
            if _term_ahead(tv, article.date, doc[governor]):
                continue  # "pledged $35 billion over the next five years": how long the pledge runs, not when it was made
            # two times on one verb: an adverbial one before a possessive one ("this year's"), then the finer
            rank = (span.root.dep_ == "poss" or span[-1].tag_ == "POS", _FINENESS.get(tv.granularity, 9))
            if governor not in ranks or rank < ranks[governor]:
                self.times[governor], ranks[governor] = tv, rank

    def in_dateline(self, char: int) -> bool:
        """Whether a character offset lies in a dateline, before its date ('KHARTOUM' in 'KHARTOUM, May 21 - ')."""
        return any(start <= char < end for start, end in self.datelines)

    def in_quote(self, char: int) -> bool:
        """Whether a character offset lies inside a quotation (the quotes do not overlap: the last one opened before
        decides)."""
        i = bisect.bisect_left(self._quote_starts, char) - 1
        return i >= 0 and char < self.quotes[i][1]

    def is_person_key(self, key: str) -> bool:
        """Whether a mention of this key in the article is a person's."""
        return key in self.person_keys

    def same_person(self, a: str, b: str) -> bool:
        """Whether two provisional person keys name one person of the article: the same key, or names with the
        same surname ('Professor Cres Eastman', 'Professor Eastman'), as resolution will join them."""
        return a == b or (a in self._surnames and self._surnames.get(a) == self._surnames.get(b))

    def governor(self, token: Token) -> Token:
        """What a time expression modifies: the nearest verb or event noun above it; a participle on a noun
        ('a meeting organized last weekend') passes it to the noun when that names an event, and keeps it when not
        ('rejected the plan drafted in 2023': the drafting, not the rejection; 'Macron, elected in 2017, said': the
        election), nor when it breaks off or puts off that event ('the talks, suspended in October, would resume next
        week': the suspension's time, not the talks')."""
        node = token
        while node.head.i != node.i:
            node = node.head
            if node.pos_ in {"VERB", "AUX"} and node.dep_ not in {"acl", "amod"}:
                return node
            if node.pos_ == "VERB" and node.dep_ == "acl" and node.head.pos_ in {"NOUN", "PROPN"} and (
                    not self.triggers(node.head) or self._interrupts(node)):
                return node
            if node.pos_ == "NOUN" and self.triggers(node):
                return node
        return node

    def _interrupts(self, participle: Token) -> bool:
        """Whether a participle on an event noun breaks it off or puts it off: a trigger row of an interruption for that
        noun as what it acts on or what breaks down ('talks suspended', 'a vote postponed', 'negotiations broken off')."""
        noun = participle.head
        return any(row.kind in INTERRUPTION_KINDS and {noun.lower_, noun.lemma_.lower()} & (row.obj | row.subj)
                   for row in self.triggers(participle))

    def mention(self, token: Token) -> Mention | None:
        """The (smallest) mention a token is part of."""
        return self.by_token.get(token.i)

    def is_armed(self, token: Token) -> bool:
        """A state, its forces or an armed group: whoever it attacks, shells or raids, the act is a political one."""
        m = self.mention(token)
        if m is not None and m.rule not in {POLICE_KEY, ARMY_KEY}:  # 'police', 'army' are armed nouns (below) though mentions now
            return m.type == "State" and m.rule != "capital-as-government"
        if token.lemma_.lower() in armed_nouns() or token.lower_ in armed_nouns():
            return True
        return any(c.dep_ in {"amod", "compound", "poss"} and (cm := self.mention(c)) is not None and cm.type == "State"
                   for c in token.children)  # "Israeli helicopters": a state's forces

    def apposed_name(self, token: Token, depth: int = 0) -> Mention | None:
        """The mention in apposition to a noun, also through a title noun the parser hangs it on: 'her husband, the
        blogger Sergei Tikhanovsky', 'her brother, the journalist Ahmed Mansour'."""
        for c in token.children:
            if c.dep_ == "appos":
                if (m := self.mention(c)) is not None:
                    return m
                if depth < 1 and (m := self.apposed_name(c, depth + 1)) is not None:
                    return m
        return None

    def is_actor(self, token: Token, people: bool = False, depth: int = 0, strict: bool = False) -> bool:
        """Someone who can act: a named actor or place, a person pronoun, an agent noun ('police', 'villagers'),
        or a noun a named actor modifies ('Albanian rebel-held territory'; when `strict`, as for who acts, only a
        state: 'Israeli helicopters' act, an 'Airbus jetliner' does not). With `people`, only persons and groups
        of people ('released the hostages', not 'released the album' nor 'released Windows')."""
        m = self.mention(token)
        if m is not None:
            return m.type == "Person" or not people
        if token.pos_ == "PRON":
            if (speaker := self.speaker(token)) is not None and depth < 2:
                return self.is_actor(speaker, people, depth + 1)  # "Syria says it is willing to withdraw"
            return token.lower_ not in {"it", "this", "that", "what", "which", "something", "anything", "everything", "nothing"}
        if token.ent_type_ in ({"PERSON"} if people else {"PERSON", "ORG", "GPE", "NORP"}):
            return True
        if token.lemma_.lower() in actor_nouns() or token.lower_ in actor_nouns():
            return True
        if token.pos_ == "NUM" and token.dep_ in {"dobj", "nsubjpass"}:
            return True  # "killed ten", "twelve were wounded": a count of people
        if token.pos_ not in {"NOUN", "NUM"}:
            return False
        if (named := self.apposed_name(token)) is not None:
            return named.type == "Person" or not people  # "her husband, the blogger Sergei Tikhanovsky": the name says who
        for c in token.children:
            m = self.mention(c)
            if c.dep_ in {"compound", "amod", "poss", "nmod"} and (m is not None or c.ent_type_ in {"NORP", "GPE"}):
                if not people and not (strict and m is not None and m.type != "State"):
                    return True  # "Albanian rebel-held territory", "Israeli helicopters" (an "Airbus jetliner" does not act)
            if c.dep_ == "prep" and c.lower_ == "of" and depth < 2 and not strict:
                # "positions of the security forces", "one third of the rebels"
                if any(self.is_actor(g, people, depth + 1) for g in c.children if g.dep_ == "pobj"):
                    return True
        return False
