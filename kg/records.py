"""Plain records passed between stages: no spaCy, no rdflib.

Every record that states a fact carries the character offsets of its
evidence in the article text and the id of the rule that produced it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One news article: `text` is everything after the date header."""

    id: str
    date: dt.date
    text: str
    title: str = ""
    url: str = ""
    source: str = ""
    path: str = ""
    sha256: str = ""


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: `text[start:end]` is the mention or trigger."""

    start: int
    end: int
    sentence: str
    extractor: str
    confidence: float = 0.9


@dataclass(frozen=True)
class Mention:
    """A span naming an actor or place, with the type the rules gave it."""

    start: int
    end: int
    text: str
    type: str  # Person, Organization, State, Place, Product
    rule: str
    key: str = ""  # canonical key once known (gazetteer id or name key)
    sentence: str = ""
    role: str = ""  # nominal mentions ("the Serbian president"): the role named
    of: str = ""  # ... and the key of the state or organization it belongs to


@dataclass(frozen=True)
class Entity:
    """One real thing named in an article; `key` is stable across articles."""

    key: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    wikidata: str = ""
    mentions: tuple[Mention, ...] = ()
    # identity across articles (kg.identity) fills these in when it links the article to the corpus:
    source: str = ""  # where the Wikidata link came from
    # (local key, its names, rule, score, detail, ((start, end, mention rule), ...)): what this article's node merged
    merged: tuple[tuple, ...] = ()
    former: tuple[tuple[str, str, str], ...] = ()  # dated former names: (name, until YYYY-MM-DD or '', source)
    # known office holders (Phoenix): (state key, sector, CAMEO actor code, from, to, source)
    affiliations: tuple[tuple[str, str, str, str, str, str], ...] = ()
    apart: tuple[tuple[str, str], ...] = ()  # (key of another node, the user's decision that keeps them apart)


@dataclass(frozen=True)
class TimeValue:
    """A normalised time: `value` is ISO 8601 at the text's granularity.

    granularity is one of day, month, year, week, range; `earliest` and
    `latest` bound the period (inclusive).
    """

    value: str
    granularity: str
    earliest: dt.date
    latest: dt.date
    text: str = ""
    start: int = -1
    end: int = -1
    rule: str = ""

    @property
    def precision(self) -> str:
        """How precisely the date is known, as ACLED's time_precision: day, week, month or year.

        A range has the precision of the shortest of these its period fits in
        ("June 27 to July 1": week); a period longer than a month is a year.
        """
        if self.granularity in PRECISIONS:
            return self.granularity
        days = (self.latest - self.earliest).days + 1
        return "day" if days <= 1 else "week" if days <= 7 else "month" if days <= 31 else "year"


PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class Role:
    """A position held: holder and `of` are entity keys."""

    holder: str
    name: str
    of: str
    as_of: dt.date
    evidence: Evidence


@dataclass(frozen=True)
class Event:
    """An event as an n-ary node: participants are (role, entity key) pairs."""

    key: str
    kind: str
    label: str
    evidence: Evidence
    participants: tuple[tuple[str, str], ...] = ()
    place: str = ""
    time: TimeValue | None = None
    status: str = "occurred"
    cameo: str = ""
    plover: str = ""
    quote: str = ""
    about: tuple[str, ...] = ()
    mentions: tuple[Evidence, ...] = field(default=())


@dataclass(frozen=True)
class Relation:
    """A lasting relation between two actors (or an actor and an event)."""

    subject: str
    predicate: str
    object: str
    evidence: Evidence


@dataclass(frozen=True)
class EventMerge:
    """One article's event found to be an event another article reports too (`kg.event_identity`).

    The event is written as the node of its first report (`node`: article id
    and event key); `matched` is the report it was joined to, by `rule` with
    `score`, sharing the actors `shared`.
    """

    key: str  # the event's key in this article
    node: tuple[str, str]  # (article id, event key) of the event node
    matched: tuple[str, str]  # (article id, event key) of the report it was matched to
    matched_trigger: tuple[int, int, str]  # start, end and extractor of the matched report's trigger evidence
    rule: str
    score: float
    shared: tuple[str, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything read from one article, ready for the rdf stage."""

    article: Article
    entities: tuple[Entity, ...] = ()
    roles: tuple[Role, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    event_merges: tuple[EventMerge, ...] = ()  # identity across articles, set once every article is read
