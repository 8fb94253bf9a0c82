"""Identity of events across articles: the same real event reported by several articles is one event node.

`kg.resolve` merges the mentions of one event inside an article. This step
runs once every article of a build is extracted and its entities linked, and
joins reports of one event from different articles, ACLED's rule made
explicit: related types, the same actors, the same day (or a period that
holds it), a place that agrees.

A report joins an event when it agrees with every report the event already
has (complete link: "July 2020" does not chain "July 10" to "July 16") and
one of the rules below holds with at least one of them; an event takes at
most one report per article (the article's own resolution kept them apart);
when two events that cannot be one (two days, two places) are about as good
a match, the report joins neither (two events that may be one, as an article
that reports an event twice makes, are no rivals: the bigger one is joined).

- `same-day`: both dated to the same day; types related (one is the
  other or its subclass: Talks and Meeting) or, with two shared actors,
  of one family (a Summit and a VirtualMeeting); the actors agree.
- `same-day-place`: both dated to the same day, the same type and the same
  place, neither with an actor (an earthquake).
- `same-period`: dated at different or coarser precision, the periods
  overlap (a day lies in its month, a month in its year: the 2008
  declaration of independence); types related; the actors agree.
- `undated`: one report or both undated. Everything else must be strong:
  types related, the actors agree, both name the same place, the dated
  report is not later than the undated one's article when that one says it
  happened, and there is no other event it could be. So "charged Thaci in
  The Hague" joins the one charge of Thaci in The Hague the build knows,
  while "Kosovo's declaration of independence" with no year, or "signed
  agreements" with no date and no place, join nothing.

Actors agree when two of them are shared, or one is shared and one report's
actors are all among the other's; actors count by their canonical keys and,
failing that, by the side they act for (the state or organization a person
holds a role in anywhere in the build: "Vucic and Hoti" meet for "Serbia and
Kosovo"). Places agree when equal, missing on one side, or one lies in the
other by the gazetteer (Brussels in Belgium); two other places are two
events. Statements are not joined: one speaker says many things a day.

The event node is the one of its first report (earliest article, then
article id, then the order in the article), so it does not depend on the
order articles are read or on how the work was spread. Every other report
keeps the event in its own article graph with its own evidence and an
`EventMerge` record (which reports, which articles, which rule and score),
so removing one article's graph leaves the event with the others'.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict, deque
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.extract.events import family, related
from kg.gazetteer import entries
from kg.records import PRECISIONS, EventMerge, Extraction

_family = lru_cache(maxsize=None)(family)
_related = lru_cache(maxsize=None)(related)
MARGIN = 0.05  # a report between two events scoring within this of each other joins neither
RANKS = {p: n for n, p in enumerate(PRECISIONS)}
UNDATED = len(PRECISIONS)


@dataclass(frozen=True, slots=True)
class Report:
    """What identity across articles needs of one article's event: small enough to keep for every event of an archive."""

    article: str
    published: dt.date
    key: str
    number: int  # order in the article
    kind: str
    status: str
    actors: frozenset[str]
    place: str
    earliest: dt.date | None
    latest: dt.date | None
    precision: str  # day, week, month, year; "" undated
    trigger: tuple[int, int, str]

    @property
    def order(self) -> tuple:
        """First report first: the event node is the one of the first report."""
        return self.published, self.article, self.number


@dataclass(frozen=True, slots=True)
class Match:
    """Why two reports are one event: the rule that holds, its score, the actors they share."""

    rule: str
    score: float
    shared: tuple[str, ...]


def reports(extraction: Extraction) -> list[Report]:
    """The events of one article that identity across articles considers (statements are not)."""
    out = []
    for n, event in enumerate(extraction.events):
        if family(event.kind) == "statement":
            continue
        t = event.time
        ev = event.evidence
        out.append(Report(
            article=extraction.article.id, published=extraction.article.date, key=event.key, number=n, kind=event.kind,
            status=event.status, actors=frozenset(k for _, k in event.participants), place=event.place,
            earliest=t.earliest if t else None, latest=t.latest if t else None, precision=t.precision if t else "",
            trigger=(ev.start, ev.end, ev.extractor)))
    return out


def _type(key: str) -> str:
    return key.split("-", 1)[0]


class EventIndex:
    """The events of a build, added an article at a time; `merges()` decides which are one, once all are in.

    >>> index = EventIndex()
    >>> index.merges()
    {}
    """

    def __init__(self) -> None:
        self.reports: list[Report] = []
        self.roles: dict[str, set[str]] = defaultdict(set)  # person key -> states and organizations they hold a role in

    def add(self, extraction: Extraction) -> None:
        """Keep what identity needs of one article: its events' reports and its roles."""
        self.reports.extend(reports(extraction))
        for role in extraction.roles:
            if _type(role.of) in ("state", "org"):
                self.roles[role.holder].add(role.of)

    def side(self, key: str) -> str:
        """The state (else the organization) a person acts for by their roles; anyone else acts for themselves."""
        held = self.roles.get(key)
        if not held:
            return key
        return min(held, key=lambda k: (_type(k) != "state", k))

    def merges(self) -> dict[str, tuple[EventMerge, ...]]:
        """Article id -> the merge records of its events that are the node of another article's report.

        Reports are taken finest date first (so a month meets the days it
        holds), undated last, then first report first. A report is compared
        with the events found so far that share an actor, side or place with it
        in one of its months (undated: its place), and with one report of each
        kind an event has (`_Event.alike`): time grows with the archive, not
        with its square.
        """
        events: list[_Event] = []
        blocks: dict[tuple, set[int]] = defaultdict(set)
        for r in sorted(self.reports, key=lambda r: (RANKS.get(r.precision, UNDATED), r.order)):
            sides = frozenset(self.side(k) for k in r.actors)
            keys = _keys(r, sides)
            found = []
            for n in sorted({n for k in keys for n in blocks.get(k, ())}):
                event = events[n]
                if not event.admits(r):
                    continue
                fired = [(why, m) for m in event.alike.values() if (why := match(r, m, sides, event.sides[m])) is not None]
                if fired:
                    why, m = min(fired, key=lambda f: (-f[0].score, f[1].order))
                    found.append((why.score, n, why, m))
            found.sort(key=lambda f: (-f[0], -len(events[f[1]].members), f[1]))
            best = found[0][1] if found else None
            rivals = [f for f in found[1:] if not events[best].could_be(events[f[1]])]  # events it might be instead
            clear = found and not (rivals and (found[0][2].rule == "undated" or rivals[0][0] >= found[0][0] - MARGIN))
            if clear:
                _, n, why, m = found[0]
                events[n].edges.append((r, m, why))
            else:
                n = len(events)
                events.append(_Event())
            events[n].add(r, sides)
            for k in keys:
                blocks[k].add(n)
        out: dict[str, list[EventMerge]] = defaultdict(list)
        for event in events:
            if not event.edges:
                continue
            node = min(event.members, key=lambda r: r.order)
            for member, parent, why in _toward_first(event.members, event.edges):
                out[member.article].append(EventMerge(
                    key=member.key, node=(node.article, node.key), matched=(parent.article, parent.key),
                    matched_trigger=parent.trigger, rule=why.rule, score=why.score, shared=why.shared))
        return {a: tuple(sorted(ms, key=lambda m: m.key)) for a, ms in sorted(out.items())}


MONTHS = 24  # a longer period (the 1990s) is looked up in its first two years only


def _keys(r: Report, sides: frozenset[str]) -> set[tuple]:
    """Where to look for the events a report may join: its actors, sides and place in each of its months; undated, its place."""
    fam = _family(r.kind)
    if r.earliest is None:  # the undated rule needs the same place
        return {(fam, "@" + r.place, "*")} if r.place else set()
    names = r.actors | sides | ({"@" + r.place} if r.place else set())
    first = r.earliest.year * 12 + r.earliest.month - 1
    months = range(first, min(r.latest.year * 12 + r.latest.month - 1, first + MONTHS - 1) + 1)
    return {(fam, x, m) for x in names for m in months} | ({(fam, "@" + r.place, "*")} if r.place else set())


class _Event:
    """An event while identity is assembling it: its reports, and what every new report must agree with."""

    def __init__(self) -> None:
        self.members: list[Report] = []
        self.edges: list[tuple[Report, Report, Match]] = []  # (report, report it joined, why)
        self.articles: set[str] = set()
        self.places: set[str] = set()
        self.period: tuple[dt.date, dt.date] | None = None  # what every dated report's period holds
        self.alike: dict[tuple, Report] = {}  # one report (the first) of each kind of report: the rest would match alike
        self.sides: dict[Report, frozenset[str]] = {}

    def add(self, r: Report, sides: frozenset[str]) -> None:
        self.members.append(r)
        self.articles.add(r.article)
        if r.place:
            self.places.add(r.place)
        if r.earliest is not None:
            lo, hi = self.period or (r.earliest, r.latest)
            self.period = (max(lo, r.earliest), min(hi, r.latest))
        self.alike.setdefault((r.kind, r.status, r.actors, r.place, r.earliest, r.latest, r.precision), r)
        self.sides[r] = sides

    def could_be(self, other: _Event) -> bool:
        """Two events found so far that may be one (an article reported it twice): not rivals for a report."""
        if self.period is not None and other.period is not None and not (
                self.period[0] <= other.period[1] and other.period[0] <= self.period[1]):
            return False
        return all(_places_agree(a, b) for a in self.places for b in other.places)

    def admits(self, r: Report) -> bool:
        """Compatible with every report (`compatible`), and no report of its article yet.

        Periods that overlap pairwise share a day, so overlapping that common
        period is overlapping each of them.
        """
        if r.article in self.articles:
            return False
        if r.earliest is not None and self.period is not None and not (r.earliest <= self.period[1] and self.period[0] <= r.latest):
            return False
        return all(_places_agree(r.place, p) for p in self.places)


def _toward_first(members: list[Report], edges: list[tuple[Report, Report, Match]]) -> list[tuple[Report, Report, Match]]:
    """The joins of one event as a tree hanging from its first report: each other report with the one it hangs from."""
    near: dict[Report, list[tuple[Report, Match]]] = defaultdict(list)
    for a, b, why in edges:
        near[a].append((b, why))
        near[b].append((a, why))
    root = min(members, key=lambda r: r.order)
    out, seen, todo = [], {root}, deque([root])
    while todo:
        parent = todo.popleft()
        for child, why in sorted(near[parent], key=lambda x: x[0].order):
            if child not in seen:
                seen.add(child)
                out.append((child, parent, why))
                todo.append(child)
    return out


def _contains(outer: str, inner: str) -> bool:
    entry = entries().get(inner)
    return entry is not None and bool(entry.country) and entry.country == outer


def _places_agree(a: str, b: str) -> bool:
    return not a or not b or a == b or _contains(a, b) or _contains(b, a)


def compatible(a: Report, b: Report) -> bool:
    """Nothing says two reports are two events: one family, overlapping periods, places that agree."""
    if _family(a.kind) != _family(b.kind):
        return False
    if a.earliest is not None and b.earliest is not None and not (a.earliest <= b.latest and b.earliest <= a.latest):
        return False
    return _places_agree(a.place, b.place)


def _agree(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = a & b
    return len(shared) >= 2 or (len(shared) == 1 and (a <= b or b <= a))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def match(a: Report, b: Report, sides_a: frozenset[str] = frozenset(), sides_b: frozenset[str] = frozenset()) -> Match | None:
    """The rule by which two compatible reports of different articles are one event, or None (see the module doc)."""
    if a.article == b.article or not compatible(a, b):
        return None
    same_kind, lineage = a.kind == b.kind, _related(a.kind, b.kind)
    shared = a.actors & b.actors
    agree = _agree(a.actors, b.actors) or len(sides_a & sides_b) >= 2
    same_place = bool(a.place) and a.place == b.place
    dated = a.earliest is not None and b.earliest is not None
    same_day = dated and a.precision == b.precision == "day" and a.earliest == b.earliest
    rule = ""
    if same_day and agree and (lineage or len(shared) >= 2):
        rule = "same-day"
    elif same_day and same_kind and same_place and not a.actors and not b.actors:
        rule = "same-day-place"
    elif dated and not same_day and lineage and agree:
        rule = "same-period"
    elif not dated and lineage and _agree(a.actors, b.actors) and same_place:
        undated, other = (a, b) if a.earliest is None else (b, a)
        if undated.status == "occurred" and other.earliest is not None and other.earliest > undated.published:
            return None  # an article does not report as done what happens after it
        rule = "undated"
    if not rule:
        return None
    kind_score = 1.0 if same_kind else 0.8 if lineage else 0.5
    actor_score = max(_overlap(a.actors, b.actors), 0.8 * _overlap(sides_a, sides_b))
    if same_day:
        time_score = 1.0
    elif dated:
        time_score = 0.8 if (a.earliest, a.latest) == (b.earliest, b.latest) else 0.5
    else:
        time_score = 0.0
    place_score = 1.0 if same_place else 0.7 if a.place and b.place else 0.5
    # at most 0.99: two reports are never certainly one event (and an integral xsd:decimal reads back as "1.0" from
    # TriG but "1" from a store)
    score = round(min(0.99, 0.25 * kind_score + 0.4 * actor_score + 0.2 * time_score + 0.15 * place_score), 3)
    return Match(rule, score, tuple(sorted(shared)))


def link_events(extractions: list[Extraction]) -> list[Extraction]:
    """Identity of events across articles for a batch in memory: each extraction with its event merges."""
    index = EventIndex()
    for extraction in extractions:
        index.add(extraction)
    merges = index.merges()
    return [apply(extraction, merges) for extraction in extractions]


def apply(extraction: Extraction, merges: dict[str, tuple[EventMerge, ...]]) -> Extraction:
    """One article's extraction with the merge records of its events (none: as it was)."""
    found = merges.get(extraction.article.id, ())
    return replace(extraction, event_merges=found) if found or extraction.event_merges else extraction
