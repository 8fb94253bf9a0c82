"""Event dyads: the states an event's actors stand for, and its source and target states, as event data codes them.

CAMEO and PLOVER code an event between states (GDELT, ICEWS, POLECAT): an actor
counts as the state it belongs to. Reads mentions, roles and events; writes
nothing but the mapping. A state is its own; a place stands for its state; a
person for the state of a role the article gives them ("Serbian President
Vojislav Kostunica"), of a nominal mention ("the president of Armenia",
"Taiwan's vice foreign minister"), or of the Phoenix office holder a name or a
short name of the actor dictionaries names ("President Obama"); an
organisation for the state its name opens with ("the Latvian Constitutional
Court", "the Nigerian Union of Teachers"); an armed group of the Phoenix
dictionaries for the one state its codes name, as CAMEO codes a rebel group by
its country ("Hizbollah" LBNREB, "the Liberation Tigers of Tamil Eelam" LKAREB).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kg.gazetteer import actor_aliases, group_states, held_on, office_holders, opening_state, state_by_iso3, state_of
from kg.records import Event, Mention, Role

NON_SOURCE_ROLES = {"target", "mediator"}
TARGET_ROLES = {"target"}  # and the host of a Visit: CAMEO 042 'make a visit' has the visited as its target


def actor_states(mentions: Iterable[Mention], roles: Iterable[Role], as_of: dt.date) -> dict[str, str]:
    """Entity key -> the state id it stands for: gazetteer entries, role holders, then what a mention's words say.

    >>> from kg.records import Mention
    >>> actor_states([Mention(0, 9, "the Latvian Constitutional Court", "Organization", "ner-org", "org-lcc")], [],
    ...              dt.date(2000, 1, 1))
    {'org-lcc': 'state-Q211'}
    """
    mentions = list(mentions)
    out = {m.key: s for m in mentions if (s := state_of(m.key))}
    bodies = {m.key: named_state(m.text) for m in mentions if m.type == "Organization" and m.key not in out}
    for role in roles:  # a body's post is that body's state, or none: "U.N. mediator Diego Cordovez" acts for no state
        out.setdefault(role.holder, role.of if state_of(role.of) == role.of else bodies.get(role.of, ""))
    for m in mentions:
        if m.key not in out and (state := _mention_state(m, as_of)):
            out[m.key] = state
    return {k: s for k, s in out.items() if s}


def _mention_state(m: Mention, as_of: dt.date) -> str:
    """The state a person or organisation mention names in its own words (see the module docstring)."""
    if m.of and state_of(m.of) == m.of:
        return m.of  # "the president of Armenia", "Taiwan's Vice Foreign Minister"
    if m.type == "Person":
        return holder_state(m.text, as_of)
    if m.type == "Organization":
        return named_state(m.text) or group_state(m.key, m.text)
    return ""


def group_state(key: str, name: str) -> str:
    """The state of an armed group of the Phoenix dictionaries (`kg.gazetteer.group_states`), by its entry or its name.

    >>> group_state("org-x", "the Kurdistan Workers' Party") == group_state("org-group-61", "PKK") != ""
    True
    >>> group_state("org-x", "the Red Cross")
    ''
    """
    words = name.split()
    name = " ".join(words[1:] if words[:1] and words[0].lower() == "the" else words)
    return group_states().get(key) or group_states().get(name.lower(), "")


def holder_state(name: str, as_of: dt.date) -> str:
    """The state of the Phoenix office holder a person's name, or a short name of the lists, names ('Putin',
    'President Obama'): the country of the codes valid on the date, else of all their codes, when it is one state.

    >>> holder_state("President Obama", dt.date(2010, 1, 1))
    'state-Q30'
    >>> holder_state("Obama", dt.date(2010, 1, 1)), holder_state("Alphonse Obama", dt.date(2010, 1, 1))
    ('state-Q30', 'state-Q971')
    >>> holder_state("John Smith", dt.date(2010, 1, 1)), holder_state("Peter Obama", dt.date(2010, 1, 1))
    ('', '')
    """
    name = name.removesuffix("'s").removesuffix("\u2019s").strip().lower()
    found = [office_holders()[name]] if name in office_holders() else list(actor_aliases().get(name, ()))
    day = as_of.isoformat()
    states = set()
    for codes in found:
        valid = [c for c in codes if held_on(c, day)] or codes
        states |= {state_by_iso3().get(c["country"], "") for c in valid}
    states.discard("")
    return states.pop() if len(states) == 1 else ""


def named_state(name: str) -> str:
    """The state an organisation's name opens with, by its name or demonym: 'Kenya Anti-Corruption Commission',
    'the Rwandan Patriotic Front'; not 'the United Nations' nor 'the Arab League' (no state's name).

    >>> named_state("the Nigerian Union of Teachers"), named_state("the United Nations")
    ('state-Q1033', '')
    """
    return opening_state(name)[0]


def dyad(event: Event, states: dict[str, str]) -> tuple[set[str], set[str]]:
    """The source and target state ids of an event: sources are its participants in any role but target and mediator,
    targets its `target` role (and the host of a Visit, CAMEO 042: the visited), else `implied_targets`."""
    targets_roles = TARGET_ROLES | ({"host"} if event.kind == "Visit" else set())
    sources = {s for role, k in event.participants if role not in NON_SOURCE_ROLES | targets_roles if (s := states.get(k) or state_of(k))}
    targets = {s for role, k in event.participants if role in targets_roles if (s := states.get(k) or state_of(k))}
    return sources, targets or implied_targets(event, sources)


def implied_targets(event: Event, sources: set[str]) -> set[str]:
    """The target of an event whose text names none: the state where an act done to someone happened ('tanks fired
    at targets in Jericho', 'lifted a curfew in Montenegro': plover_polarity.csv `object` actor; not a retreat, whose
    place says where forces stand down, 'declared a ceasefire in south Lebanon'), else for coercion and
    assault the doers' own state (domestic: 'police arrested students', 'the government outlawed the group'; not
    military force, CAMEO 19, fought between armed forces, mostly of two states);
    for a protest, the protesters' own state, else the state where it is held (a demonstration addresses its own
    government: 'Nigerian students rallied', 'thousands rallied in Lagos'); for aid, the state where it is delivered
    when that is not the giver's own."""
    from kg.extract.events import conflictual, plover_types

    acts = plover_types("object", "actor")
    if event.plover in acts and (place := state_of(event.place)):
        return {place}
    if event.plover in acts & conflictual() - {"FIGHT"}:
        return set(sources)
    if event.plover == "PROTEST":
        return set(sources) or ({place} if (place := state_of(event.place)) else set())
    if event.plover == "AID" and (place := state_of(event.place)) and place not in sources:
        return {place}  # 'sent food aid to flood victims in Pakistan': aid goes to the state where it is delivered
    return set()
