"""Coreference inside an article and identity across articles.

Extractors give mentions provisional keys: a person's key is the slug of the
name as written, a nominal mention ("the Serbian president") has a key of its
own. `resolve` maps each to one canonical key: a surname to the full name it
shortens, a nominal mention to the person holding that role in the article,
and rewrites every record to use the canonical keys. Keys of gazetteer
entries and full names are the same in every article; which keys of different
articles name one real thing is decided over the whole corpus by `kg.identity`.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from kg.extract.entities import ARMY_KEY, POLICE_KEY
from kg.extract.events import actorless_kinds, assumed, conflictual, family, lineage
from kg.gazetteer import (
    body_nouns,
    by_name,
    entries,
    feature_nouns,
    given_names,
    known_surnames,
    name_particles,
    party_kinds,
    role_of_form,
    state_bodies,
    state_of_body,
)
from kg.nlp import name_head, strip_the, word_union
from kg.records import Article, Entity, Event, Extraction, Mention, Role, TimeValue

MIDDLE_INITIAL = re.compile(r"(?:[A-Z]\.)+")  # 'W.', 'H.W.'


def person_aliases(mentions: list[Mention]) -> dict[str, str]:
    """Provisional person key -> canonical key: 'Vucic' -> 'Aleksandar Vucic', the last words of a longer name
    ('Lula da Silva' -> 'Luiz Inacio Lula da Silva', 'von der Leyen' -> 'Ursula von der Leyen'), an inner word of a name
    of three words or more ('Lula', 'Faki' -> 'Moussa Faki Mahamat'), a name without its
    middle initial ('George Bush' -> 'George W. Bush', and then 'Bush' to the same), and a surname joined to
    its particle by a hyphen with or without it ('Al-Sisi', 'Sisi' -> 'Abdel Fattah al-Sisi'), when unambiguous."""
    full: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        parts = m.text.split()
        if m.type == "Person" and m.rule == "ner-person" and len(parts) > 1:
            full[parts[-1]].add(m.key)
            full[parts[0]].add(m.key)
            full[m.text].add(m.key)
            particle, _, surname = parts[-1].partition("-")
            if surname and particle in name_particles():  # 'al-Sisi': 'Al-Sisi' at a sentence's start, 'Sisi'
                full[surname].add(m.key)
                full[parts[-1][:1].upper() + parts[-1][1:]].add(m.key)
            for i in range(1, len(parts) - 1):
                full[" ".join(parts[i:]).lower()].add(m.key)
                if parts[i][:1].isupper() and parts[i] not in name_particles() and not MIDDLE_INITIAL.fullmatch(parts[i]):
                    full[parts[i]].add(m.key)  # 'Lula' of 'Luiz Inacio Lula da Silva', 'Faki' of 'Moussa Faki Mahamat',
                    # 'Hasina' of 'Sheikh Hasina Wazed': a name written alone may be any inner word of a longer one
            bare = [p for p in parts if not MIDDLE_INITIAL.fullmatch(p)]
            if 1 < len(bare) < len(parts):  # 'George Bush' -> 'George W. Bush'
                full[" ".join(bare).lower()].add(m.key)
    out: dict[str, str] = {}
    people = [m for m in mentions if m.type == "Person" and m.rule == "ner-person"]
    for m in sorted(people, key=lambda m: len(m.text.split()) == 1):  # full names first: a surname then finds one key
        if len(m.text.split()) == 1:
            candidates = {out.get(k, k) for k in full.get(m.text, set())}
            if len(candidates) > 1:  # 'President Donald Trump and the First Lady, Melania Trump ... Trump said'
                candidates = _named_first(people, candidates, out, m.start)
        else:
            candidates = full.get(m.text.lower(), set()) - {m.key}
        if len(candidates) == 1:
            out[m.key] = next(iter(candidates))
    return out


def _named_first(people: list[Mention], candidates: set[str], out: dict[str, str], before: int) -> set[str]:
    """Of two or more people named in full who share a surname, the one named first, when named before the bare
    surname: news writes the surname alone for the person it introduced first and the full name for the other."""
    first = sorted((p.start, out.get(p.key, p.key)) for p in people if len(p.text.split()) > 1 and out.get(p.key, p.key) in candidates)
    return {first[0][1]} if first and first[0][0] < before else candidates


OWNED_TITLES = {"nominal-title", "nominal-title-of"}  # an office named with its owner, no holder named
# "she", "the company", "the minister": evidence of the entity, not names of it
REFERRING_RULES = {"nominal-pronoun", "nominal-body", "nominal-back-title", "nominal-before-name"}
POSSESSIVE = re.compile(r"\w['\u2019]s? ")
STOP_INITIALS = {"and", "of", "the", "for", "de", "&"}


def organization_aliases(mentions: list[Mention]) -> dict[str, str]:
    """Short forms of an organization named in full in the article: 'Northrop' and 'EADS' for their full names, and
    its head noun alone ('the Commission' for the European Commission, kg/data/body_nouns.jsonl).

    A longer name the extractor marked as a unit of the short one (`of`: 'Boeing Commercial Airplanes' of
    'Boeing') is not its full name.
    """
    full = [m for m in mentions if m.rule == "ner-org" and len(m.text.split()) > 1]
    named = full + [m for m in mentions if m.rule == "gazetteer-organization" and len(m.text.split()) > 1]
    # what depends on one mention alone, worked out once, not once per pair of mentions
    organizations = [(f.key, strip_the(f.text)) for f in mentions if f.type == "Organization"]
    portfolios = [(f.key, _portfolio_form(f.text).lower()) for f in full]
    found: dict[tuple[str, str, str], set[str]] = {}  # a mention's key, text and type -> its candidates (they decide them)
    last = {m.key: m.start for m in sorted(mentions, key=lambda m: m.start)}  # where each key is named last
    out = {}
    for m in mentions:
        if m.rule != "ner-org":
            continue
        if (m.key, m.text, m.type) in found:
            candidates = found[m.key, m.text, m.type]
            if len(candidates) == 1:
                out[m.key] = next(iter(candidates))
            continue
        # 'the Air Force' after 'the United States Air Force', 'the Navy' after 'the Indonesian Navy', 'the World Food
        # Programme' after 'the United Nations World Food Programme': the state or body it belongs to dropped
        candidates = {f.key for f in named if f.key != m.key and _owner_named_before(f.text, m.text)}
        described = _described_name(strip_the(m.text), m.type)  # 'the ruling Georgian Dream party' and 'Georgian Dream'
        candidates |= {key for key, text in organizations if key != m.key and text in described}
        short = strip_the(m.text).lower()  # 'the Defence Ministry' after the Ministry of Defence
        candidates |= {key for key, form in portfolios if key != m.key and form == short}
        if " " in short:  # 'Pheu Thai' for the Pheu Thai Party, 'Standard Chartered' for Standard Chartered Bank: the
            # name without the capitalised kind of body that ends it (one word: the first-word rule below)
            candidates |= {f.key for f in named if f.key != m.key and _without_kind(f.text).lower() == short}
        candidates |= {f.key for f in named if f.key != m.key and (_initials_opening(m.text, f.text)
                                                                     or _initials_closing(m.text, f.text))}
        if len(m.text.split()) == 1:
            candidates |= {f.key for f in full
                           if (_strip_the(f.text).split()[0] == m.text and f.of != m.key) or _initials(f.text) == m.text
                           or _clipped(m.text, f.text)}
            candidates |= {f.key for f in named if f.key != m.key and _mixed_initials(m.text, f.text)}
            if m.text.isupper():  # 'al-Qaeda in the Islamic Maghreb (AQIM)': bracketed right after the name, fitting it
                candidates |= {f.key for f in full if f.key != m.key and f"{f.text} ({m.text})" in f.sentence
                               and _capital_initials(f.text) == m.text}
            if m.text.lower() in body_nouns():  # 'the Commission' after the European Commission, 'the Council' after the Council of the EU
                candidates |= {f.key for f in named if f.key != m.key and _head_noun(f.text) == m.text}
            # 'Congress' after the Indian National Congress: the last word of a name of three words or more, named before
            # one of the word's mentions (a headline may use the short name first: 'UEFA fines Marseille')
            candidates |= {f.key for f in full if f.key != m.key and f.start < last.get(m.key, m.start)
                           and len(f.text.split()) > 2 and f.text.split()[-1] == m.text and f.of != m.key}
        found[m.key, m.text, m.type] = candidates
        if len(candidates) == 1:
            out[m.key] = next(iter(candidates))
    out.update({key: to for key, to in party_aliases(mentions).items() if key not in out})
    return _one_way(out, {m.key: _strip_the(m.text) for m in reversed(mentions)})


def party_aliases(mentions: list[Mention]) -> dict[str, str]:
    """'Social Democrat leader NAME' and 'the Social Democrats', 'the Democratic leader' and 'House Democrats', 'the
    Greens' after 'the Scottish Greens': names of a party ending in a word for its members or its kind
    (kg/data/party_words.jsonl) are one party when the words before agree, or when one has none and one other
    party of the kind is named."""
    kinds = party_kinds()
    parties: dict[str, tuple[str, str]] = {}  # key -> (the words before, the kind)
    for m in mentions:
        words = _strip_the(m.text).split()
        if m.type == "Organization" and m.rule == "ner-org" and words and words[-1] in kinds:
            parties.setdefault(m.key, (" ".join(words[:-1]), kinds[words[-1]]))
    out = {}
    for key, (before, kind) in parties.items():
        same = sorted(k for k, (b, c) in parties.items() if k != key and c == kind and (b == before or not before and b))
        if len(same) == 1 and not (before and parties[same[0]][0] != before):
            out[key] = same[0]
        elif same and all(parties[k][0] == before for k in same):
            out[key] = same[0]
    return out


def _one_way(aliases: dict[str, str], texts: dict[str, str]) -> dict[str, str]:
    """Aliases that end where they point: of two names each taken for the other ('the Chadema party' for 'Chadema' by
    its describing word, 'Chadema' for 'the Chadema party' by its first word), the longer points at the shorter, so the
    two are one node and not two with their keys swapped; 'a -> b -> c' is 'a -> c'.

    >>> _one_way({"a": "b", "b": "a", "c": "a"}, {"a": "the Chadema party", "b": "Chadema", "c": "CHADEMA"})
    {'a': 'b', 'c': 'b'}
    """
    out = dict(aliases)
    for key, target in aliases.items():
        if out.get(target) == key and key in out:  # a pair pointing at each other: the longer name gives way
            longer, shorter = (key, target) if len(texts.get(key, "")) >= len(texts.get(target, "")) else (target, key)
            out.pop(shorter, None)
            out[longer] = shorter
    return {key: end for key in out if (end := _settled(out, key)) != key}


def _settled(key_map: dict[str, str], key: str) -> str:
    """The key `key` ends at, followed through `key_map` ('a Labour spokesman' speaks for Labour, and Labour is the
    Labour Party); a cycle stops where it comes back.

    >>> _settled({"a": "b", "b": "c"}, "a"), _settled({"a": "b", "b": "a"}, "a"), _settled({}, "x")
    ('c', 'a', 'x')
    """
    seen = {key}
    while (key := key_map.get(key, key)) not in seen:
        seen.add(key)
    return key


OF_BODY = re.compile(r"^(?:the\s+)?(?P<owner>(?:\S+\s+)*?)(?P<head>Ministry|Department)\s+of\s+(?P<the>the\s+)?(?P<what>.+)$", re.I)


def _portfolio_form(name: str) -> str:
    """The other way news writes a ministry's name: 'Ministry of Defence' -> 'Defence Ministry', 'German Ministry of
    Defence' -> 'German Defence Ministry', 'Department of State' -> 'State Department'; 'Department of the Treasury'
    -> 'Treasury' (the office named alone); '' for any other name.

    >>> _portfolio_form("the Ministry of Defence"), _portfolio_form("Department of the Treasury"), _portfolio_form("Bank of China")
    ('Defence Ministry', 'Treasury', '')
    """
    hit = OF_BODY.match(name)
    if hit is None or len(hit["what"].split()) > 2:
        return ""
    return hit["what"] if hit["the"] else f"{hit['owner']}{hit['what']} {hit['head']}"


def bracketed_places(mentions: list[Mention]) -> dict[str, str]:
    """'the Masjid Al-Haram (Grand Mosque)', 'Kyiv (Kiev)': a place's other name in brackets right after it names the same
    place."""
    places = [m for m in mentions if m.type == "Place" and not m.rule.startswith("nominal")]
    by_end = {m.end: m for m in places}
    return {m.key: by_end[m.start - 2].key for m in places if m.start - 2 in by_end and by_end[m.start - 2].key != m.key
            and f"{by_end[m.start - 2].text} ({m.text})" in m.sentence}


GAZETTEER_PLACE = re.compile(r"^(?:place|state)-Q\d+$")


def feature_places(mentions: list[Mention]) -> dict[str, str]:
    """'the Natuna Islands ... off Natuna', 'the Golan Heights ... the Golan': a one-word place the gazetteer does not
    know that opens the one two-word place of the article ending in a capitalised plural noun of a landform, a water or
    a road (kg/data/feature_nouns.jsonl, from WordNet) is that group of places written short. A singular one names a
    feature after a town ('the Suez Canal' and the city of Suez are two places)."""
    places = [m for m in mentions if m.type == "Place" and not m.rule.startswith("nominal")]
    nouns = feature_nouns()
    longer: dict[str, set[str]] = defaultdict(set)
    for f in places:
        words = strip_the(f.text).split()
        last = words[-1] if len(words) == 2 else ""
        if last[:1].isupper() and last.lower().endswith("s") and last.lower()[:-1] in nouns:
            longer[words[0]].add(f.key)
    return {m.key: next(iter(longer[m.text])) for m in places
            if len(longer.get(m.text, ())) == 1 and m.key not in longer[m.text] and not GAZETTEER_PLACE.match(m.key)}


def housed_bodies(mentions: list[Mention]) -> dict[str, str]:
    """'the Pentagon said' where the article also names the Defense Department: the building acting is that body
    (its names: the place's `body_names`, kg/data/places.jsonl), one node, under the body's own name; the building
    named as a place in the same article ('officials at the Pentagon') is the same node: one real thing. The body
    named several ways ('the Defense Department', 'the US Department of Defense') is that one node too, under its
    fullest name; a name led by another state ('the Polish Department of Defense') is not it."""
    out = {}
    keys = {m.key for m in mentions}
    for seat in {m.key for m in mentions if m.rule == "seat-as-body"}:
        places = [e for place, office in _seats() if office == seat and (e := entries()[place]).extra.get("seat_of_body")]
        names = {n.lower() for e in places for n in e.extra["body_names"]}
        states = {n.lower() for e in places if (state := entries().get(e.country)) for n in (*state.names, *state.demonyms)}
        bodies = {m.key: strip_the(m.text) for m in mentions if m.rule == "ner-org" and _housed_name(m.text, names, states)}
        body = max(sorted(bodies), key=lambda k: len(bodies[k])) if bodies else seat
        out.update({e.id: body for e in places if e.id in keys})  # 'at the Pentagon' too: one node, typed by most mentions
        out.update({k: body for k in (*bodies, seat) if k != body})
    return out


def _housed_name(text: str, names: set[str], states: set[str]) -> bool:
    """The housed body's name, bare or led by its own state's name ('US Department of Defense')."""
    text = strip_the(text).lower()
    return any(text == n or (text.endswith(" " + n) and text[: -len(n) - 1].removesuffix("'s") in states) for n in names)


def seat_offices(mentions: list[Mention], roles: list[Role]) -> dict[str, tuple[str, str]]:
    """'Kremlin spokesman Dmitry Peskov', 'a spokesman for the White House, NAME': the post is held in the office that
    sits in the seat of power (an organization under the seat's name, `kg.extract.entities.seat_of_government`); the
    seat named as a place in the same article ('at the White House', 'a spokesman for the White House') is that node
    too, an organization: one real thing (place id -> (key, type)). The seat acting alone ('the Kremlin said') stays
    its state."""
    owners = {r.of for r in roles} | {m.key for m in mentions if m.rule == "seat-as-office"}
    keys = {m.key for m in mentions}
    return {place: (office, "Organization") for place, office in _seats() if place in keys and office in owners}


@lru_cache(maxsize=1)
def _seats() -> tuple[tuple[str, str], ...]:
    """The gazetteer's seats of power (of a government or of a body) as (place id, the office's organization key), in
    the gazetteer's order, found once: not by a pass over every entry for each article."""
    from kg.extract.entities import organization_key

    return tuple((e.id, organization_key(e.label)) for e in entries().values()
                 if e.extra.get("seat_of_government") or e.extra.get("seat_of_body"))


ARMED_SERVICE = "MIL"  # the sector of 'Air Force', 'Navy', 'Army', 'Coast Guard' among the Phoenix agents
DOMINANT = 2  # the home state is named at least twice, and at least twice as often as any other state


def home_state_services(mentions: list[Mention], roles: list[Role], key_map: dict[str, str]) -> dict[str, tuple[str, str]]:
    """'the Air Force', 'the Navy' named with no state anywhere in the article: the armed service of the article's
    home state, when the article fixes one; mention key -> (key and name of 'STATE SERVICE': 'org-united-states-air-force',
    'United States Air Force').

    The home state is the one state whose own bodies or officials the article names (a role or an owned title of
    that state, 'U.S. Senator', "Iran's foreign minister"; an organisation of a state's sector named after it, 'U.S.
    Congress'); when none are named, the state named at least twice and at least twice as often as any other. Two
    states' officials, or no clear state, leave the service unlinked.
    """
    services = [m for m in mentions if m.rule == "ner-org" and m.key not in key_map and _service(m.text)]
    if not services:
        return {}
    state = home_state(mentions, roles)
    if not state:
        return {}
    name = entries()[state].label
    from kg.extract.entities import organization_key

    return {m.key: (organization_key(f"{name} {_strip_the(m.text)}"), f"{name} {_strip_the(m.text)}") for m in services}


def home_state(mentions: list[Mention], roles: list[Role]) -> str:
    """The state whose government the article is about (see `home_state_services`), '' when it fixes none."""
    owners = {r.of for r in roles if _is_state(r.of)} | {m.of for m in mentions if _is_state(m.of)}
    owners |= {s for m in mentions if m.rule == "ner-org" and (s := state_of_body(m.text))}
    if owners:
        return next(iter(owners)) if len(owners) == 1 else ""
    counts = Counter(m.key for m in mentions if _is_state(m.key) and not m.rule.startswith("nominal")).most_common(2)
    if not counts or counts[0][1] < DOMINANT or (len(counts) > 1 and counts[0][1] < DOMINANT * counts[1][1]):
        return ""
    return counts[0][0]


def police_force(mentions: list[Mention], roles: list[Role], article_id: str) -> tuple[str, str] | None:
    """Key and name of the police the article names unnamed ('riot police fired tear gas'): the police of the
    article's home state ('Cameroon police'), else of this article alone, named 'police'; None when the article has
    no such mention (kg.extract.entities.police_mentions)."""
    return _unnamed_force(mentions, roles, article_id, POLICE_KEY, "police")


def army_force(mentions: list[Mention], roles: list[Role], article_id: str) -> tuple[str, str] | None:
    """Key and name of the armed forces the article names unnamed ('the army said it had seized power'): the army of
    the article's home state ('Burkina Faso army'), else of this article alone, named 'army'; None when the article
    has no such mention (kg.extract.entities.army_mentions)."""
    return _unnamed_force(mentions, roles, article_id, ARMY_KEY, "army")


def _unnamed_force(mentions: list[Mention], roles: list[Role], article_id: str, key: str, noun: str) -> tuple[str, str] | None:
    """The key and name of the home state's force `noun` the mentions with `key` stand for ('Cameroon police'), or
    the article's own ('police' of this article) when it has no home state; None when no mention has the key."""
    from kg.extract.entities import organization_key

    if not any(m.key == key for m in mentions):
        return None
    state = home_state(mentions, roles)
    if not state:
        return organization_key(f"{noun} {article_id}"), noun
    name = f"{entries()[state].label} {noun}"
    return organization_key(name), name


def _is_state(key: str) -> bool:
    entry = entries().get(key)
    return entry is not None and entry.type == "State"


def _strip_the(name: str) -> str:
    return re.sub(r"^the\s+", "", name, flags=re.I)


def _service(name: str) -> bool:
    """'Air Force', 'the Navy' written as a name: a state's armed service with no state named."""
    name = _strip_the(name)
    return name[:1].isupper() and state_bodies().get(name.lower()) == ARMED_SERVICE


def _owner_named_before(full: str, short: str) -> bool:
    """'United States Air Force', 'U.S. Air Force', 'Indonesian Navy' are 'Air Force' / 'Navy' with a state named
    before; 'United Nations World Food Programme', 'UN Security Council' are 'World Food Programme' / 'Security
    Council' with the organisation they belong to named before (a gazetteer state or organisation, by any of its names).

    >>> _owner_named_before("the United Nations World Food Programme", "World Food Programme")
    True
    >>> _owner_named_before("UN Security Council", "the Security Council"), _owner_named_before("Goldman Sachs", "Sachs")
    (True, False)
    """
    full, short = _strip_the(full), _strip_the(short)
    if not full.endswith(" " + short):
        return False
    return by_name().get(full[: -len(short)].strip().lower(), "").startswith(("state-", "org-"))


def _head_noun(name: str) -> str:
    """The head noun of a body's name: the word before 'of' ('Council of the EU'), else the last ('European Commission')."""
    return name_head(_strip_the(name).split())


CLIP = re.compile(r"[A-Z][a-z]+")  # 'Phil', 'Health': the pieces of a short name written in camel case


def _clipped(short: str, name: str) -> bool:
    """A one-word short name in camel case made of the openings of the full name's capitalised words, in order from
    the first: 'PhilHealth' of the Philippine Health Insurance Corporation, 'FedEx' of Federal Express (not 'PetroChina'
    of the China National Petroleum Corporation, nor any short name of one piece: 'Phil' is no clip).

    >>> _clipped("PhilHealth", "the Philippine Health Insurance Corporation"), _clipped("FedEx", "Federal Express")
    (True, True)
    >>> _clipped("PetroChina", "China National Petroleum Corporation"), _clipped("HealthPhil", "Philippine Health Insurance")
    (False, False)
    """
    pieces = CLIP.findall(short)
    words = [w for w in _strip_the(name).split() if w[:1].isupper()]
    if len(pieces) < 2 or "".join(pieces) != short or not words or not words[0].startswith(pieces[0]):
        return False
    at = 1
    for piece in pieces[1:]:
        at = next((i + 1 for i in range(at, len(words)) if words[i].startswith(piece)), 0)
        if not at:
            return False
    return True


def _initials_opening(short: str, name: str) -> bool:
    """A body's name whose opening words are written as their initials: 'UN Security Council' of the United Nations
    Security Council, 'AU Commission' of the African Union Commission (not 'UN Security Council' of the United
    Nations Human Rights Council, nor 'AU Commission' of the European Union Commission).

    >>> _initials_opening("UN Security Council", "The United Nations Security Council")
    True
    >>> _initials_opening("AU Commission", "European Union Commission"), _initials_opening("UN", "United Nations")
    (False, False)
    """
    words, full = strip_the(short).split(), strip_the(name).split()
    rest = len(words) - 1
    if rest < 1 or len(words[0]) < 2 or not words[0].isupper() or len(full) <= rest + 1 or full[-rest:] != words[1:]:
        return False
    return _initials(" ".join(full[:-rest])) == words[0]


def _initials_closing(short: str, name: str) -> bool:
    """A body's name whose closing words are written as their initials after its opening words: 'Scottish FA' of the
    Scottish Football Association, 'Irish FA' of the Irish Football Association (not 'Scottish FA' of the Scottish
    Fishermen's Federation Association, nor 'Scottish' alone).

    >>> _initials_closing("Scottish FA", "the Scottish Football Association"), _initials_closing("FA", "Football Association")
    (True, False)
    >>> _initials_closing("Scottish FA", "Scottish Rugby Union")
    False
    """
    words, full = strip_the(short).split(), strip_the(name).split()
    keep = len(words) - 1
    if keep < 1 or len(words[-1]) < 2 or not words[-1].isalpha() or not words[-1].isupper() or len(full) <= keep + 1:
        return False
    return full[:keep] == words[:keep] and _initials(" ".join(full[keep:])) == words[-1]


def _mixed_initials(short: str, name: str) -> bool:
    """An acronym in mixed case whose pieces open the full name's words in order: 'AfDB' of the African Development
    Bank, 'IsDB' of the Islamic Development Bank (not 'AfDB' of the Asian Development Bank, nor an acronym all in
    capitals: `_initials` reads those).

    >>> _mixed_initials("AfDB", "the African Development Bank"), _mixed_initials("IsDB", "Islamic Development Bank")
    (True, True)
    >>> _mixed_initials("ADB", "African Development Bank"), _mixed_initials("AfDB", "Asian Development Bank")
    (False, False)
    """
    pieces = ACRONYM_PIECE.findall(short)
    words = [w for w in _strip_the(name).replace("-", " ").split() if w.lower() not in STOP_INITIALS and w not in name_particles()]
    return (short.isalpha() and "".join(pieces) == short and short != short.upper() and len(pieces) == len(words) > 1
            and all(w.lower().startswith(p.lower()) for p, w in zip(pieces, words, strict=True)))


ACRONYM_PIECE = re.compile(r"[A-Z][a-z]*")  # 'Af', 'D', 'B': the pieces of a mixed-case acronym


def _initials(name: str) -> str:
    """'TPLF' of "the Tigray People's Liberation Front", 'HTS' of 'Hayat Tahrir al-Sham' (a name's lower-case particle
    has no letter in it, kg/data/name_particles.jsonl)."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in STOP_INITIALS and w not in name_particles()]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


def _capital_initials(name: str) -> str:
    """The initials of a name's capitalised words, with a lower-case particle joined by a hyphen: 'ISGS' of 'Islamic
    State in the Greater Sahara', 'AQIM' of 'al-Qaeda in the Islamic Maghreb'.

    >>> _capital_initials("al-Qaeda in the Islamic Maghreb"), _capital_initials("the Islamic State in the Greater Sahara")
    ('AQIM', 'ISGS')
    """
    pieces = [p for w in name.split() for p in (w.split("-") if re.match(r"^[a-z]+-[A-Z]", w) else [w])]
    return "".join(p[0] for p in pieces if p[:1].isupper() or (p.islower() and f"{p}-" in name)).upper()


LEADER = "Leader"  # the role of the title 'leader' (kg/data/titles.jsonl), said of whoever heads what owns it
MONARCH = "Monarch"  # the role of the title 'monarch': whoever is the head of state of what owns it ('the Moroccan monarch')


@lru_cache(maxsize=2)
def _top_posts(state_only: bool = False) -> frozenset[str]:
    """Role names of the titles of a head of state or of government (kg/data/titles.jsonl kinds); of a head of state
    alone for 'the monarch'."""
    from kg.gazetteer import titles

    kinds = {"head_of_state"} if state_only else {"head_of_state", "head_of_government"}
    return frozenset(row["role"] for row in titles() if row.get("kind") in kinds)


def nominal_referents(mentions: list[Mention], roles: list[Role], key_map: dict[str, str]) -> dict[str, str]:
    """Nominal mention key -> the person holding the role it names in this article."""
    holders: dict[str, list[Role]] = defaultdict(list)
    for role in roles:
        holders[role.of].append(role)
    out = {}
    last_person_role: str = ""
    role_of_person = {key_map.get(r.holder, r.holder): r.name for r in roles}
    for m in mentions:
        if m.type != "Person":
            continue
        if not m.rule.startswith("nominal-title"):
            last_person_role = role_of_person.get(key_map.get(m.key, m.key), "")
            continue
        candidates = [r for r in holders.get(m.of, []) if not m.role or r.name == m.role]
        heads = [r for r in holders.get(m.of, []) if r.name in _top_posts(m.role == MONARCH)] if (
            not candidates and m.role in {LEADER, MONARCH}) else []
        candidates = candidates or heads  # 'the Japanese leader': the one head of state or government named; 'the
        # Moroccan monarch': the one head of state
        if len({r.holder for r in candidates}) > 1 and last_person_role and not heads:
            # "his Serbian counterpart": the holder of the possessor's own role
            candidates = [r for r in candidates if r.name == last_person_role] or candidates
        if len({key_map.get(r.holder, r.holder) for r in candidates}) == 1:
            out[m.key] = key_map.get(candidates[0].holder, candidates[0].holder)
    return out


def resolve(extraction: Extraction, mentions: list[Mention]) -> Extraction:
    """Canonical keys for every mention and record; entities built from the mentions."""
    key_map = person_aliases(mentions) | organization_aliases(mentions) | bracketed_places(mentions) | housed_bodies(mentions)
    short_places = feature_places(mentions)
    services = home_state_services(mentions, list(extraction.roles), key_map)
    key_map.update({k: key for k, (key, _) in services.items()})
    forces = {key: force for key, force in ((POLICE_KEY, police_force(mentions, list(extraction.roles), extraction.article.id)),
                                            (ARMY_KEY, army_force(mentions, list(extraction.roles), extraction.article.id)))
              if force}
    key_map.update({key: force[0] for key, force in forces.items()})
    key_map.update(nominal_referents(mentions, list(extraction.roles), key_map))
    # 'the president of Serbia', "Iran's foreign minister" with no holder named in the article still speak for their state
    stand_ins = {m.key: m.of for m in mentions if m.rule in OWNED_TITLES and m.key not in key_map and m.of}
    key_map.update(stand_ins)

    aliased = stated_aliases(mentions, extraction.article.text, key_map)
    key_map.update({k: key for k, (key, _) in aliased.items()})
    retyped = same_name_types(mentions, key_map) | short_state_names(mentions) | aliased | seat_offices(mentions, list(extraction.roles))
    key_map.update({k: retyped[v][0] for k, v in key_map.items() if v in retyped} | {k: key for k, (key, _) in retyped.items()})
    # 'off Natuna' after the Natuna Islands, with the name's other types ('the Natuna task force' as an organisation)
    key_map.update({k: short_places[v] for k, v in key_map.items() if v in short_places})
    key_map.update({k: v for k, v in short_places.items() if k not in key_map})

    def canon(key: str) -> str:
        return _settled(key_map, key)

    resolved = [replace(m, key=canon(m.key), type=retyped[m.key][1] if m.key in retyped else m.type)
                for m in mentions if not m.key.startswith(("nominal-", "pair-")) or m.key in key_map]
    entities = build_entities(resolved)
    if services or forces:  # 'the Air Force' of the home state: the node is named with its state ('United States Air Force')
        named = dict(services.values()) | dict(forces.values())
        entities = [_named(e, named[e.key]) if e.key in named else e for e in entities]
    known = {e.key for e in entities}
    roles = _one_name_per_post(_unique(replace(r, holder=canon(r.holder), of=canon(r.of)) for r in extraction.roles))
    sides = office_states(roles, {e.key: e.type for e in entities})
    places = {e.key for e in entities if e.type in PLACE_TYPES}
    pairs = pair_referents(mentions, [_canon_event(e, canon, known, places) for e in extraction.events], entities, sides)
    events = [_canon_event(_expand_pairs(e, pairs), canon, known, places) for e in extraction.events]
    names = {e.key: e.label for e in entities}
    merged = fold_tolls(merge_events([e for e in events if _still_grounded(e)], sides))
    headline = _headline_span(extraction.article)
    named = {e.key: {e.label, *e.aliases} for e in entities}
    merged = [e for e in merged if not _headline_alone(e, merged, headline, named)]
    events = [replace(e, label=event_label(e, names)) for e in merged]
    relations = _unique(
        replace(r, subject=canon(r.subject), object=canon(r.object)) for r in extraction.relations
        if canon(r.subject) in known and (canon(r.object) in known or r.object.startswith("event-"))
        and canon(r.subject) != canon(r.object)  # two names found to be one thing: a relation of it to itself says nothing
        and r.subject not in stand_ins and r.object not in stand_ins  # 'a Slovak lawmaker joined X' with no one named:
    )  # the state speaks through its unnamed official in an event, but holds none of the official's own memberships
    return replace(extraction, entities=tuple(entities), roles=tuple(roles), events=tuple(events), relations=tuple(relations))


ALSO_KNOWN = re.compile(r"^\)?\s*,?\s*\(?(?:also\s+|better\s+|widely\s+|commonly\s+)?known\s+"
                        r"(?:as|by\s+(?:its|his|her|their|the)\s+(?:\w+\s+)?names?)\s+(?:the\s+)?$", re.I)
ALSO_OR = re.compile(r"^\s*,?\s*(?:or|and)\s+(?:the\s+)?$")


def stated_aliases(mentions: list[Mention], text: str, key_map: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Provisional key -> (key, type) of a name the article gives as another name of the actor right before it:
    'the Islamic State, also known as ISIS or Daesh', 'ARSA, also known by its earlier name Harakah al-Yaqin',
    'Amadou Toumani Touré, known as ATT': one thing, of the first name's type, whatever the model made of the other
    ('a former name': 'Meta, formerly known as Facebook' is a rename, `kg.identity.stated_renames`)."""
    spans = sorted((m for m in mentions if not m.rule.startswith("nominal")), key=lambda m: m.start)
    out: dict[str, tuple[str, str]] = {}
    target = None
    for prev, cur in zip(spans, spans[1:], strict=False):
        between = text[prev.end:cur.start]
        if ALSO_KNOWN.match(between) and prev.type != "Place":  # 'Diabaté, known as MD': the model's 'Maryland' too
            target = (key_map.get(prev.key, prev.key), out.get(prev.key, (None, prev.type))[1])
        elif not (target and prev.key in out and ALSO_OR.match(between)):
            target = None
            continue
        if target and key_map.get(cur.key, cur.key) != target[0]:
            out[cur.key] = target
    return out


def short_state_names(mentions: list[Mention]) -> dict[str, tuple[str, str]]:
    """'the Democratic Republic of the Congo ... eastern Congo': a place the gazetteer does not know, named by the
    last words of the one state of the article whose name ends 'of (the) NAME', is that state (key, type).

    >>> from kg.records import Mention
    >>> m = [Mention(0, 4, "Democratic Republic of the Congo", "State", "gazetteer-state", key="state-Q974"),
    ...      Mention(9, 10, "Congo", "Place", "ner-gpe", key="place-congo")]
    >>> short_state_names(m)
    {'place-congo': ('state-Q974', 'State')}
    """
    states = {(m.key, m.text) for m in mentions if m.type == "State" and m.rule.startswith("gazetteer")}
    out = {}
    for m in mentions:
        if m.type != "Place" or m.rule != "ner-gpe" or m.key in out:
            continue
        ends = re.compile(rf"\bof (?:the )?{re.escape(_strip_the(m.text))}$")
        keys = {key for key, name in states if ends.search(name)}
        if len(keys) == 1:
            out[m.key] = (next(iter(keys)), "State")
    return out


def same_name_types(mentions: list[Mention], key_map: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Provisional key -> (key, type) of one name the model typed two ways in one article ('Ryanair' a person in one
    sentence, an organisation in another): one thing, of the type the text's own words give it ('Ryanair CEO'), else
    of the type of most of its mentions, else no person's; a one-word name that no office holder of the Phoenix lists
    has as a given name or surname is no person's either way (news names a person in full before it shortens the
    name: a lone 'Ryanair' the model calls a person is the airline). Gazetteer
    names and names already resolved (a surname of a full name) are left alone."""
    keys: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if m.rule.startswith("ner-") and m.key not in key_map and m.key not in entries():
            keys[m.text][m.key] += 1
    evidence = {key_map.get(m.key, m.key) for m in mentions if not m.rule.startswith("ner-")}
    types = {m.key: m.type for m in mentions}
    out = {}
    for text, counts in keys.items():
        if len({types[k] for k in counts}) < 2:
            continue
        one_word = " " not in text.strip() and text.strip().lower() not in word_union(known_surnames(), given_names())
        best = max(counts, key=lambda k: (k in evidence, one_word and types[k] != "Person", counts[k], types[k] != "Person"))
        out.update({k: (best, types[best]) for k in counts if k != best})
    return out


def _named(entity: Entity, label: str) -> Entity:
    """The entity under `label`, the name it had an alias."""
    if entity.label == label:
        return entity
    return replace(entity, label=label, aliases=tuple(sorted({*entity.aliases, entity.label} - {label})))


def _unique(items) -> list:
    return list(dict.fromkeys(items))


def _one_name_per_post(roles: list[Role]) -> list[Role]:
    """'Apple Inc. CEO Steve Jobs' and 'Steve Jobs, the chief executive officer of Apple Inc.': one post written in two
    forms of one title ('Chief Executive', 'Chief Executive Officer') is one role of its holder in its owner, the first."""
    forms = role_of_form()
    seen: dict[tuple[str, str, str], str] = {}
    out = []
    for r in roles:
        post = (r.holder, r.of, forms.get(r.name.lower(), r.name))
        if seen.setdefault(post, r.name) == r.name:
            out.append(r)
    return out


def pair_referents(mentions: list[Mention], events: list[Event], entities: list[Entity],
                   sides: dict[str, str] | None = None) -> dict[str, tuple[str, str]]:
    """'both sides' -> the pair of people (or states, for 'the two countries') who share the most events so far; for
    states with no such pair, the states two people who share events hold offices of ('NZ Foreign Minister NAME met
    Chinese Foreign Minister NAME2 ... The two countries signed': `sides`, person -> state); else the two actors of
    any kind who do."""
    types = {e.key: e.type for e in entities}
    out = {}
    for m in mentions:
        if m.rule != "nominal-pair":
            continue
        if (named := _states_sharing_name(m, entities)) is not None:
            out[m.key] = named
            continue
        counts = _pair_counts(events, types, m, {m.type})
        if not counts and m.type == "State" and sides:
            people = _pair_counts(events, types, m, {"Person"})
            counts = Counter({tuple(sorted((sides[a], sides[b]))): n for (a, b), n in people.items()
                              if a in sides and b in sides and sides[a] != sides[b]})
        counts = counts or _pair_counts(events, types, m, ACTOR_TYPES)
        if counts:
            (pair, n), *rest = counts.most_common(2) + [((), 0)]
            if n > rest[0][1]:  # a clear main pair, or nothing
                out[m.key] = pair
    return out


ACTOR_TYPES = {"Person", "State", "Organization"}


def _states_sharing_name(m: Mention, entities: list[Entity]) -> tuple[str, str] | None:
    """'the two Koreas' in an article that names North Korea and South Korea: the two states whose names end in the
    singular of the pair's plural name; None for any other pair ('the two countries'), or when not two such are named."""
    word = m.text.split()[-1].lower()
    if not word.endswith("s") or not m.text.split()[-1][:1].isupper():
        return None
    named = sorted(e.key for e in entities if e.type == "State" and e.label.lower().split()[-1] == word[:-1])
    return (named[0], named[1]) if len(named) == 2 else None


def _pair_counts(events: list[Event], types: dict[str, str], m: Mention, wanted: set[str]) -> Counter:
    """How many events before a pair mention each two actors of the wanted types share; with no two people, 'the
    two sides' are the two states or groups that act together ('Russia and Ukraine swapped ... the two sides')."""
    counts: Counter = Counter()
    for event in events:
        if event.evidence.start >= m.start:
            continue
        actors = sorted({k for _, k in event.participants if types.get(k) in wanted})
        counts.update((a, b) for i, a in enumerate(actors) for b in actors[i + 1:])
    return counts


def _expand_pairs(event: Event, pairs: dict[str, tuple[str, str]]) -> Event:
    if not any(k in pairs for _, k in event.participants):
        return event
    expanded = tuple((role, key) for role, k in event.participants for key in pairs.get(k, (k,)))
    return replace(event, participants=expanded)


def event_label(event: Event, names: dict[str, str]) -> str:
    """A short readable name: 'Summit 2020-06-27: Hashim Thaci, Aleksandar Vucic @ White House'."""
    who = [names[k] for _, k in event.participants if k in names]
    when = f" {event.time.value}" if event.time is not None else ""
    where = f" @ {names[event.place]}" if event.place in names else ""
    more = f" +{len(who) - 3}" if len(who) > 3 else ""
    return f"{event.kind}{when}: {', '.join(who[:3])}{more}{where}"


def _still_grounded(event: Event) -> bool:
    """After resolution an event still needs a known actor (a speaker for statements), or a place and a date."""
    if family(event.kind) == "statement":
        return any(role == "speaker" for role, _ in event.participants)
    if event.kind in actorless_kinds():
        return bool(event.participants or event.place or event.time)  # "a stampede in Mina", "the 1991 stampede"
    return bool(event.participants) or bool(event.place and event.time)


PLACE_TYPES = frozenset({"Place", "State"})  # what an event's place can be (the shapes: kg:place is a Place or a State)


def _canon_event(event: Event, canon, known: set[str], places: set[str]) -> Event:
    """An event with canonical keys, without the actors and the place the article does not keep; a place resolved to a
    node that is no place ('at Chequers', the name taken for an organisation) is dropped, not written as one."""
    participants = tuple(dict.fromkeys((role, canon(k)) for role, k in event.participants if canon(k) in known))
    about = tuple(dict.fromkeys(canon(k) for k in event.about if canon(k) in known or k.startswith("event-")))
    place = canon(event.place) if canon(event.place) in places else ""
    return replace(event, participants=participants, about=about, place=place)


def placed_events(events: Iterable[Event], types: dict[str, str]) -> tuple[Event, ...]:
    """The events with their place dropped where its node, typed again across articles, is no place."""
    return tuple(e if not e.place or types.get(e.place, "Place") in PLACE_TYPES else replace(e, place="") for e in events)


def build_entities(mentions: list[Mention]) -> list[Entity]:
    """One Entity a canonical key, labelled by the gazetteer or the fullest name."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[m.key].append(m)
    out = []
    for key, group in groups.items():
        entry = entries().get(key)
        types = Counter(m.type for m in group if not m.rule.startswith("nominal")) or Counter(m.type for m in group)
        if entry is not None:
            label, etype, wikidata = entry.label, entry.type, entry.wikidata
        else:
            names = [m.text for m in group if not m.rule.startswith("nominal") and m.rule != "place-demonym"]
            names = [m.text for m in group if m.rule == "model-of-maker"] or names  # a model with its maker's name
            names = [n for n in names if not POSSESSIVE.search(n)] or names  # 'Boeing 747' before "Boeing's 747"
            label = max(names or [group[0].text], key=lambda n: (len(n.split()), len(n)))
            label = strip_the(label)
            etype, wikidata = types.most_common(1)[0][0], ""
        aliases = {m.text for m in group if m.rule not in REFERRING_RULES and m.type == etype} | _described_name(label, etype)
        aliases = tuple(sorted(aliases - {label}))
        out.append(Entity(key=key, type=etype, label=label, aliases=aliases, wikidata=wikidata, mentions=tuple(group)))
    return out



def _without_kind(name: str) -> str:
    """A body's name without the capitalised kind of body that ends it ('Pheu Thai Party' -> 'Pheu Thai'); '' when it
    ends in none (kg/data/body_nouns.jsonl) or would leave one word.

    >>> _without_kind("the Pheu Thai Party"), _without_kind("Standard Chartered Bank"), _without_kind("Labour Party")
    ('Pheu Thai', 'Standard Chartered', '')
    """
    words = _strip_the(name).split()
    return " ".join(words[:-1]) if len(words) > 2 and words[-1].istitle() and words[-1].lower() in body_nouns() else ""


def _described_name(label: str, etype: str) -> set[str]:
    """'the ruling Georgian Dream party': the name without the lower-case kind after it ('Georgian Dream'), the
    name the party goes by; a capitalised 'Party' is part of the name ('Labour Party').

    >>> _described_name("Georgian Dream party", "Organization"), _described_name("Labour Party", "Organization")
    ({'Georgian Dream'}, set())
    """
    name, _, kind = label.rpartition(" ")
    return {name} if etype == "Organization" and kind == "party" and name else set()


def _other_pair(a: Event, b: Event) -> bool:
    """'Biden held talks with Modi on Friday ... Sunak met Modi': two acts of two sides each, one side in common, the
    other not, told of different days (one may be the article's guess), are two acts: one actor meeting several others.
    A month and a day in it are not different days ('A met B in July ... A hosted C on July 12' may be one meeting)."""
    pa, pb = ({k for _, k in e.participants} for e in (a, b))
    return (len(pa) == len(pb) == 2 and len(pa & pb) == 1 and a.time is not None and b.time is not None
            and a.time.granularity == b.time.granularity == "day" and a.time.value != b.time.value)


def _other_purchase(a: Event, b: Event) -> bool:
    """'Calder Rail's takeover of Westmoor Freight ... Last year, Calder bought Humber Rail': a buyer buys many
    companies; two acquisitions that each name what is bought (their targets), with no one bought in common, are two
    deals, whoever the buyer."""
    if not a.kind == b.kind == "Acquisition":
        return False
    bought_a, bought_b = ({k for r, k in e.participants if r == "target"} for e in (a, b))
    return bool(bought_a) and bool(bought_b) and not bought_a & bought_b


def _visit_and_meeting(visit: Event, meeting: Event) -> bool:
    """'Tusk arrived in Kyiv on Friday. Later that day, Tusk met Zelensky': one person's visit and a meeting held
    during it with someone else are two events (the visit has its visitor alone; the meeting is no visit)."""
    visitors = {k for _, k in visit.participants}
    return (visit.kind == "Visit" and meeting.kind != "Visit" and len(visitors) == 1
            and any(k not in visitors for _, k in meeting.participants))


def _released_and_planned(done: Event, planned: Event) -> bool:
    """'Apple released the SDK ... The company also announced the update, which is scheduled for release in June': an
    release the text tells as done, with no date, and one it tells as planned for a time it names are two products
    released, not one (a maker releases many; the undated one would otherwise take the planned one's date)."""
    return (done.kind == planned.kind == "Release" and done.status == "occurred" and done.time is None
            and planned.status == "planned" and planned.time is not None and not assumed(planned.time))


def _compatible_time(a: TimeValue | None, b: TimeValue | None) -> bool:
    """Overlapping periods; a date assumed from the article's date alone agrees with any of its year (a guess of the
    day, not of the year: 'The two ministers signed an agreement' is not the agreement 'signed in 2008')."""
    if a is None or b is None:
        return True
    if assumed(a) or assumed(b):
        guess, other = (a, b) if assumed(a) else (b, a)
        return assumed(other) or other.earliest.year <= guess.earliest.year <= other.latest.year
    return a.earliest <= b.latest and b.earliest <= a.latest


def office_states(roles: list[Role], types: dict[str, str]) -> dict[str, str]:
    """Person key -> the one state the person holds an office of in the article: 'Kyrgyz Defence Minister Ruslan
    Mukambetov' acts for Kyrgyzstan."""
    held: dict[str, set[str]] = defaultdict(set)
    for role in roles:
        if types.get(role.of) == "State":
            held[role.holder].add(role.of)
    return {holder: next(iter(states)) for holder, states in held.items() if len(states) == 1}


def _same_sides(a: Event, b: Event, sides: dict[str, str]) -> bool:
    """'The defence ministers of Kyrgyzstan and Tajikistan met ... Mukambetov and his Tajik counterpart, Sobirzoda,
    held talks': two mentions of one event whose actors are named once by state and once by office holder; at least
    two states in common, the states of one mention all among the other's."""
    a_sides, b_sides = ({sides.get(k, k) for _, k in e.participants} for e in (a, b))
    return len(a_sides & b_sides) >= 2 and (a_sides <= b_sides or b_sides <= a_sides)


def _same_vote(a: Event, b: Event, sides: dict[str, str]) -> bool:
    """'last month's presidential election' (organised by Madagascar) and 'Rajoelina had won 54 percent in the November
    22 election' (won by its president): a state holds one vote at a time, so two elections the text dates itself
    (no date guessed from the article's), at times that overlap, held by one state or by its office holders, are one."""
    if not a.kind == b.kind == "Election" or a.time is None or b.time is None or assumed(a.time) or assumed(b.time):
        return False
    a_sides, b_sides = ({sides.get(k, k) for _, k in e.participants} for e in (a, b))
    return bool(a_sides & b_sides)


def same_event(a: Event, b: Event, sides: dict[str, str] | None = None) -> bool:
    """Two mentions of one event: related kinds, compatible dates and places, a shared participant or place, or
    the same two states acting through their office holders (`_same_sides`)."""
    if family(a.kind) != family(b.kind) or family(a.kind) == "statement":
        return False
    if not (a.kind in lineage(b.kind) or b.kind in lineage(a.kind)):
        return False
    if not _compatible_time(a.time, b.time) or (a.place and b.place and a.place != b.place):
        return False
    if (_other_pair(a, b) or _visit_and_meeting(a, b) or _visit_and_meeting(b, a)
            or _released_and_planned(a, b) or _released_and_planned(b, a) or _other_purchase(a, b)):
        return False
    shared = {k for _, k in a.participants} & {k for _, k in b.participants}
    return (bool(shared) or bool(a.place and a.place == b.place)
            or bool(sides) and (_same_sides(a, b, sides) or _same_vote(a, b, sides)))


def _merge_pair(a: Event, b: Event) -> Event:
    roles = dict((k, r) for r, k in a.participants)
    for r, k in b.participants:
        if roles.get(k, "participant") == "participant":
            roles[k] = r
    time = a.time
    if b.time is not None and (time is None or assumed(time) and not assumed(b.time) or not assumed(b.time)
                               and b.time.latest - b.time.earliest < time.latest - time.earliest):
        time = b.time  # the narrower date the text gives, over one assumed from the article's date
    kind = b.kind if a.kind in lineage(b.kind)[1:] else a.kind
    status = b.status if a.status == "occurred" else a.status
    mentions = tuple(dict.fromkeys((*a.mentions, b.evidence, *b.mentions)))
    return replace(a, kind=kind, time=time, place=a.place or b.place, status=status, mentions=mentions,
                   participants=tuple((r, k) for k, r in roles.items()), about=tuple(dict.fromkeys(a.about + b.about)))


def merge_events(events: list[Event], sides: dict[str, str] | None = None) -> list[Event]:
    """One event for all its mentions in the article ('a virtual meeting last weekend' = 'another virtual meeting on
    July 12'); `sides` maps office holders to their states (`office_states`)."""
    out: list[Event] = []
    for event in events:
        index = next((i for i, e in enumerate(out) if same_event(e, event, sides)), None)
        if index is None:
            out.append(event)
        else:
            out[index] = _merge_pair(out[index], event)
    return [replace(e, key=f"event-{n}") for n, e in enumerate(out, 1)]


def _headline_alone(event: Event, events: list[Event], span: tuple[int, int] | None,
                    named: dict[str, set[str]] | None = None) -> bool:
    """A headline restates news the body tells with its date: an undated event read in the headline alone, that no
    body event merged with while the body goes on with one of its actors, is the headline's wording of the body's
    news read as another act or one that cannot be placed ('New Czech government sworn in seven weeks after election'
    read as a threat and an election of no date, 'ECOWAS imposes sanctions' a trade measure when the body tells the
    sanctions, 'African Union leaders call for ceasefire in eastern Congo' placed in Congo when the body's call was
    made in Addis Ababa), not a further event. A headline event whose actors the body does not go on with ('Vucic
    meets Kurti in Brussels' over 'The two leaders discussed ...', none of its events naming them) stays. `span`: where
    the headline stands in the text (`_headline_span`), read once per article. A body event of the same kind whose
    sentence names every actor of the headline's is its news too, whoever the parse made its participants ('First
    Airbus A380 delivered' over 'The first A380, made by Airbus, was delivered today to Singapore Airlines'): `named`,
    entity key -> its label and aliases."""
    if event.time is not None or event.mentions:
        return False
    if span is None or not span[0] <= event.evidence.start < span[1]:
        return False
    actors = {k for _, k in event.participants}
    return any(not span[0] <= e.evidence.start < span[1] and (actors & {k for _, k in e.participants}
                                                              or e.kind == event.kind and _all_named_in(actors, e, named))
               for e in events)


def _all_named_in(actors: set[str], event: Event, named: dict[str, set[str]] | None) -> bool:
    """Whether the sentence of `event` writes a name of every one of `actors` (entity keys), as a whole word."""
    if not actors or not named:
        return False
    text = event.evidence.sentence
    return all(any(re.search(rf"\b{re.escape(n)}\b", text) for n in named.get(k, ())) for k in actors)


def _headline_span(article: Article) -> tuple[int, int] | None:
    """Where the article's title stands as the first line of its text."""
    title = article.title.strip()
    start = article.text.find(title) if title else -1
    return (start, start + len(title)) if start >= 0 and not article.text[:start].strip() else None


def _toll_host(death: Event, events: list[Event]) -> int | None:
    """The index of the fight, attack, accident or disaster of the same day that an unattributed death belongs to."""
    if death.kind != "Death" or death.participants or death.place or death.time is None:
        return None
    hosts = actorless_kinds() - {"Death"}
    return next((i for i, e in enumerate(events) if e is not death and e.time is not None and e.time.value == death.time.value
                 and (e.plover in conflictual() or e.kind in hosts)), None)


def fold_tolls(events: list[Event]) -> list[Event]:
    """'Fighting broke out on Tuesday ... The health ministry said seven had died': deaths with no one named and no
    place, dated the day of a fight, an attack, an accident or a disaster the article reports, are its toll, one event
    with it (the sentence is kept among its mentions)."""
    out, folded = list(events), set()
    for n, event in enumerate(events):
        host = _toll_host(event, events)
        if host is not None and host not in folded:
            out[host] = replace(out[host], mentions=tuple(dict.fromkeys((*out[host].mentions, event.evidence, *event.mentions))))
            folded.add(n)
    return [replace(e, key=f"event-{n}") for n, e in enumerate((e for i, e in enumerate(out) if i not in folded), 1)]


def rekey(extraction: Extraction, key_map: dict[str, str]) -> Extraction:
    """One article's records with every key (entities, role holders and owners, event participants and places,
    relations) moved to its canonical key; entities built again from the moved mentions."""
    def canon(key: str) -> str:
        return _settled(key_map, key)

    mentions = [replace(m, key=canon(m.key)) for e in extraction.entities for m in e.mentions]
    entities = build_entities(mentions)
    names = {e.key: e.label for e in entities}
    events = [replace(e, participants=tuple(dict.fromkeys((r, canon(k)) for r, k in e.participants)),
                      place=canon(e.place) if e.place else e.place,
                      about=tuple(dict.fromkeys(canon(k) for k in e.about))) for e in extraction.events]
    return replace(
        extraction,
        entities=tuple(entities),
        roles=tuple(_unique(replace(r, holder=canon(r.holder), of=canon(r.of)) for r in extraction.roles)),
        events=tuple(replace(e, label=event_label(e, names)) for e in events),
        relations=tuple(_unique(replace(r, subject=canon(r.subject), object=canon(r.object)) for r in extraction.relations
                                if canon(r.subject) != canon(r.object))),
    )
