"""Gazetteer entries joined from the bundled data files, ready for matching.

An entry is (id, type, label, wikidata, names, demonyms, extra): `names` are the
surface forms that name it, `demonyms` the adjectives that point to it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from kg import resources


@dataclass(frozen=True)
class Entry:
    """One known actor or place."""

    id: str
    type: str  # State, Place, Organization
    label: str
    wikidata: str
    source: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...] = ()
    capital: str = ""  # entry id of the capital (states)
    country: str = ""  # entry id of the state (places)
    extra: dict = field(default_factory=dict, compare=False, hash=False)



def _column(file: str, key: str) -> frozenset[str]:
    """The values of one field of a kg/data JSONL file, as a set of words."""
    return frozenset(row[key] for row in resources.jsonl(file))

@lru_cache(maxsize=1)
def entries() -> dict[str, Entry]:
    """Every gazetteer entry by id."""
    out: dict[str, Entry] = {}
    language = {row["state"]: row for row in resources.table("state_names.csv")}
    for row in resources.jsonl("states.jsonl"):
        extra = language.get(row["name"], {})
        names = [row["name"], *resources.split(extra.get("other_names", ""))]
        if row["name"].startswith("The "):
            names.append(row["name"][4:])
        names += [n.replace(" of the ", " of ") for n in names if " of the " in n]  # 'Democratic Republic of Congo'
        out[row["id"]] = Entry(
            id=row["id"], type="State", label=row["name"].split(" (")[0], wikidata=row["wikidata"],
            source=row["source"], names=tuple(dict.fromkeys(names)),
            demonyms=tuple(resources.split(extra.get("demonyms", ""))),
            capital=f"place-{row['capital_wikidata']}" if row["capital_wikidata"] else "",
            extra={"recognition": row["recognition"], "iso3": row["iso3"]},
        )
    state_names = {n for e in out.values() for n in e.names}
    city_names = {row["city"]: resources.split(row["other_names"]) for row in resources.table("city_names.csv")}
    for row in resources.jsonl("cities.jsonl"):
        names = [row["name"], *city_names.get(row["name"], [])] if row["name"] not in state_names else []
        out[row["id"]] = Entry(
            id=row["id"], type="Place", label=row["name"], wikidata=row["wikidata"], source=row["source"],
            names=tuple(names), country=f"state-{row['country_wikidata']}",
            extra={"is_capital": row["is_capital"], "population": row["population"]},
        )
    state_ids = {e.label: e.id for e in out.values() if e.type == "State"}
    for row in resources.jsonl("places.jsonl"):
        out[row["id"]] = Entry(
            id=row["id"], type="Place", label=row["name"], wikidata="", source="kg/data/places.jsonl",
            names=tuple(row["names"]), demonyms=tuple(row.get("demonyms", ())), country=state_ids.get(row["country"], ""),
            extra={"seat_of_government": row["seat_of_government"], "seat_of_body": row.get("seat_of_body", False),
                   "body_names": tuple(row.get("body_names", ()))},
        )
    org_names = {row["wikidata"]: resources.split(row["other_names"]) for row in resources.table("organization_names.csv")}
    for row in resources.jsonl("organizations.jsonl"):
        names = [row["name"], *org_names.get(row["wikidata"], [])]
        if row["short_name"] and len(row["short_name"]) > 1:
            names.append(row["short_name"])
        out[row["id"]] = Entry(
            id=row["id"], type="Organization", label=row["name"], wikidata=row["wikidata"],
            source=row["source"], names=tuple(dict.fromkeys(names)),
        )
    _add_armed_groups(out)
    return out


ARMED_GROUP_PREFIX = "org-group-"  # the ids of kg/data/armed_groups.jsonl


def _add_armed_groups(out: dict[str, Entry]) -> None:
    """Armed non-state groups of the Phoenix dictionaries (kg/data/armed_groups.jsonl: 'Islamic State', 'ISIL',
    'Daesh', 'Boko Haram'), without the names an entry above has already."""
    taken = {n for e in out.values() for n in e.names}
    for row in resources.jsonl("armed_groups.jsonl"):
        names = tuple(n for n in row["names"] if n not in taken)
        if names:
            out[row["id"]] = Entry(id=row["id"], type="Organization", label=row["name"], wikidata="", source=row["source"],
                                   names=names)


@lru_cache(maxsize=1)
def group_states() -> dict[str, str]:
    """Armed group id and lower-cased name -> the state its Phoenix codes name, when they name one state: CAMEO codes
    a rebel group by its country ('Hezbollah' LBNREB, "Kurdistan Workers' Party" TURREB); not a group coded by a region
    or as international ('INTREB', 'MEAREB', 'IMGSASMUS').

    >>> group_states()["liberation tigers of tamil eelam"] == state_by_iso3()["LKA"], "islamic state" in group_states()
    (True, False)
    """
    out: dict[str, str] = {}
    for row in resources.jsonl("armed_groups.jsonl"):
        states = {state_by_iso3().get(code[:3], "") for code in row["codes"]}
        if len(states) != 1 or not (state := states.pop()):
            continue
        out[row["id"]] = state
        for name in row["names"]:
            out.setdefault(name.lower(), state)
    return out


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Capital or seat of government place id -> state id: 'Belgrade' and 'the White House' act for their state."""
    out = {e.capital: e.id for e in entries().values() if e.type == "State" and e.capital}
    out.update({e.id: e.country for e in entries().values() if e.extra.get("seat_of_government") and e.country})
    return out


@lru_cache(maxsize=1)
def by_name() -> dict[str, str]:
    """Lower-cased name or demonym -> entry id (states win over places and organizations)."""
    out: dict[str, str] = {}
    for kind in ("Organization", "Place", "State"):
        for e in entries().values():
            if e.type == kind:
                for name in (*e.names, *e.demonyms):
                    out[name.lower()] = e.id
    return out


@lru_cache(maxsize=1)
def titles() -> tuple[dict, ...]:
    """Political, corporate and military titles: id, canonical role, surface forms, kind.

    kg/data/titles.jsonl first; then the titles derived from the Phoenix agents
    (kg/data/agent_titles.jsonl) for the forms the first file does not have.
    """
    rows = list(resources.jsonl("titles.jsonl"))
    seen = {f.lower() for row in rows for f in row["forms"]}
    for row in resources.jsonl("agent_titles.jsonl"):
        forms = [f for f in row["forms"] if f.lower() not in seen]
        if forms:
            rows.append({**row, "forms": forms})
            seen |= {f.lower() for f in forms}
    return tuple(rows)


@lru_cache(maxsize=1)
def role_of_form() -> dict[str, str]:
    """A title's role or form in lower case -> the role of the first row (`titles`) naming it: 'home affairs minister'
    -> 'Interior Minister', 'chief executive officer' -> 'Chief Executive'."""
    out: dict[str, str] = {}
    for row in titles():
        for form in (row["role"], *row["forms"]):
            out.setdefault(form.lower(), row["role"])
    return out


@lru_cache(maxsize=1)
def title_by_id() -> dict[str, dict]:
    """Title id -> its row (see `titles`); the ids are unique."""
    return {row["id"]: row for row in titles()}


@lru_cache(maxsize=1)
def occupations() -> dict[tuple[str, ...], dict]:
    """Words of an occupation ('researcher', 'managing editor') -> its row (kg/data/occupations.jsonl, from WordNet):
    nouns that state a position only with the organisation written beside them (kg.extract.roles)."""
    return {tuple(form.split()): row for row in resources.jsonl("occupations.jsonl") for form in row["forms"]}


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Verbs of communication, phrasal ones as 'verb particle' ('warn', 'insist', 'reply', 'point out';
    kg/data/speech_verbs.jsonl, from WordNet's verb.communication)."""
    return _column("speech_verbs.jsonl", "verb")


@lru_cache(maxsize=1)
def office_verbs() -> dict[str, str]:
    """Verb lemma -> the position it states ('chair' -> 'Chairman', 'head' -> 'Head'; kg/data/office_verbs.jsonl, from
    WordNet's derivations of leaders): 'NAME, who chairs ORG'."""
    return {row["verb"]: row["role"] for row in resources.jsonl("office_verbs.jsonl")}


@lru_cache(maxsize=1)
def title_prefixes() -> frozenset[str]:
    """Words for the post one rank below the title after them ('deputy', 'vice'; kg/data/title_prefixes.jsonl, from
    WordNet): 'Deputy Foreign Minister' is a post of its own."""
    return _column("title_prefixes.jsonl", "prefix")


@lru_cache(maxsize=1)
def opposition_prefixes() -> frozenset[str]:
    """Words for the opposition's post of the title after them ('shadow', from WordNet's 'shadow cabinet'; rank
    'opposition' in kg/data/title_prefixes.jsonl): 'shadow chancellor NAME' holds no state's office."""
    return frozenset(row["prefix"] for row in resources.jsonl("title_prefixes.jsonl") if row["rank"] == "opposition")


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Nouns of a geographical area or district ('village', 'province'; kg/data/place_nouns.jsonl, from WordNet)."""
    return _column("place_nouns.jsonl", "noun")


AREA_ROOTS = {"district", "region", "port"}  # 'province', 'region', 'port'; not 'campus', 'park' ('the Apple campus')


@lru_cache(maxsize=1)
def area_nouns() -> frozenset[str]:
    """Place nouns of a district, a region or a port ('province', 'region', 'state', 'port'; kg/data/place_nouns.jsonl):
    written after a name, they say the name is a place's ('the Tigray region', 'Idlib province')."""
    return frozenset(row["noun"] for row in resources.jsonl("place_nouns.jsonl") if row["under"] in AREA_ROOTS)


@lru_cache(maxsize=1)
def way_nouns() -> frozenset[str]:
    """Road and water nouns of kg/data/feature_nouns.jsonl ('crossing', 'highway', 'river'): written lower-case after
    a name, they say the name is a place's ('the Rafah crossing', 'the Dnipro river')."""
    return frozenset(row["noun"] for row in resources.jsonl("feature_nouns.jsonl") if row["kind"] in {"road", "body_of_water"})


@lru_cache(maxsize=1)
def feature_nouns() -> frozenset[str]:
    """Nouns of a road, a body of water, a landform, dry land or a building ('street', 'gulf', 'hill', 'hotel'; kg/data/feature_nouns.jsonl,
    from WordNet): the last word of a place's name ('Castlefrank Road'), or 'the Plains of X'."""
    return _column("feature_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    """Abbreviated forms of address, with and without a full stop ('Mr', 'Mr.', 'Ms'; kg/data/honorifics.jsonl, from
    WordNet): 'Ms Buchtmann' names the person 'Buchtmann'."""
    return _column("honorifics.jsonl", "form")


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns whose most frequent sense is a kind of person ('sheriff', 'emeritus', 'fellow'; kg/data/person_nouns.jsonl,
    from WordNet): capitalised before a title or a name, such a word says what someone is and names nothing."""
    return _column("person_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def office_words() -> dict[str, str]:
    """Word naming a title's office without its holder -> the title's id ('presidential', 'governorship' ->
    title-president, title-governor; kg/data/office_words.jsonl, from WordNet): 'the presidential election ... the
    incumbent, NAME' says NAME's post."""
    return {row["word"]: row["title"] for row in resources.jsonl("office_words.jsonl")}


@lru_cache(maxsize=1)
def party_words() -> dict[str, str]:
    """Word naming a political party by its members or its kind -> 'member', 'members' or 'name' ('Democrat',
    'Greens', 'Social Democratic'; kg/data/party_words.jsonl, from WordNet): 'the Social Democrats won', 'Green
    co-leader NAME' name the party as a body."""
    out: dict[str, str] = {}
    for row in resources.jsonl("party_words.jsonl"):
        out.setdefault(row["word"], row["form"])
    return out


@lru_cache(maxsize=1)
def party_kinds() -> dict[str, str]:
    """Word naming a party by its members or its kind -> the kind of party ('Democrats', 'Democrat', 'Democratic' ->
    'Democratic Party'; kg/data/party_words.jsonl): 'Liberal Democrat leader NAME' and 'the Liberal Democrats' name one party."""
    out: dict[str, str] = {}
    for row in resources.jsonl("party_words.jsonl"):
        out.setdefault(row["word"].split()[-1], row["party"])
    return out


@lru_cache(maxsize=1)
def post_nouns() -> frozenset[str]:
    """Nouns of a post or a job ('position', 'post', 'role', 'job'; kg/data/post_nouns.jsonl, from WordNet): 'his
    position as chairman' says its owner is chairman."""
    return _column("post_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def head_nouns() -> frozenset[str]:
    """Nouns of a person in charge ('head', 'chief', 'boss', 'supremo'; kg/data/head_nouns.jsonl, from WordNet): 'the
    head of the IAEA', 'Ryanair boss NAME' state a post only with the organisation written beside them."""
    return _column("head_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def doer_verbs() -> dict[str, frozenset[str]]:
    """A person noun -> the verbs WordNet derives it from ('protester' -> protest, 'rioter' -> riot;
    kg/data/doer_nouns.jsonl): who is named so does what the verb says."""
    out: dict[str, set[str]] = {}
    for row in resources.jsonl("doer_nouns.jsonl"):
        out.setdefault(row["noun"], set()).add(row["verb"])
    return {noun: frozenset(verbs) for noun, verbs in out.items()}


@lru_cache(maxsize=1)
def opinion_nouns() -> frozenset[str]:
    """Nouns whose most frequent sense is an opinion or a way of regarding things ('view', 'opinion', 'perspective';
    kg/data/opinion_nouns.jsonl, from WordNet): one offered is said, not pledged."""
    return _column("opinion_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def likelihood_adjectives() -> frozenset[str]:
    """Adjectives of likelihood and possibility ('likely', 'unlikely', 'possible', 'feasible';
    kg/data/likelihood_adjectives.jsonl, from WordNet): an event judged so is talked of, not reported."""
    return _column("likelihood_adjectives.jsonl", "adjective")


@lru_cache(maxsize=1)
def wrongdoing_nouns() -> frozenset[str]:
    """Nouns whose most frequent sense is a wrongdoing, a cruel act, a killing or a mistake ('crime', 'fraud',
    'murder', 'mistake'; kg/data/wrongdoing_nouns.jsonl, from WordNet): one committed is perpetrated, not pledged."""
    return _column("wrongdoing_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def work_nouns() -> frozenset[str]:
    """Nouns whose most frequent sense is an investigation, an undertaking or a plan ('study', 'survey', 'project';
    kg/data/work_nouns.jsonl, from WordNet): capitalised words before one name the study, no actor."""
    return _column("work_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def body_nouns() -> frozenset[str]:
    """Nouns one of whose senses is an organisation or a social group ('front', 'airline', 'union'; kg/data/body_nouns.jsonl,
    from WordNet): the last word of a body's name."""
    return _column("body_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def trade_body_nouns() -> frozenset[str]:
    """Nouns one of whose senses is a business or a financial institution ('bank', 'carrier', 'maker';
    kg/data/trade_body_nouns.jsonl, from WordNet): 'the Dutch bank X' names a business."""
    return _column("trade_body_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def financial_nouns() -> frozenset[str]:
    """The financial institutions of kg/data/trade_body_nouns.jsonl ('bank', 'insurer', 'brokerage'; from WordNet)."""
    return frozenset(row["noun"] for row in resources.jsonl("trade_body_nouns.jsonl") if row["kind"] == "financial_institution")


@lru_cache(maxsize=1)
def trade_words() -> frozenset[str]:
    """The trades WordNet names companies and industries by ('food' of food company, 'shipping', 'steel';
    kg/data/trade_words.jsonl): 'Arla Foods', 'Halvard Shipping' end with a company's trade."""
    return _column("trade_words.jsonl", "word")


@lru_cache(maxsize=1)
def first_body_nouns() -> frozenset[str]:
    """Nouns whose most frequent sense is an organisation or a social group ('company', 'party'; not 'host'): 'NAME, the
    state energy company,' is a body's name."""
    return frozenset(row["noun"] for row in resources.jsonl("body_nouns.jsonl") if row["first"])


@lru_cache(maxsize=1)
def police_nouns() -> frozenset[str]:
    """Nouns of a state's police force as one body: Phoenix agents coded COP that are no person and are one word
    whose first WordNet sense is an organisation ('police', 'gendarmery'; not 'detective' nor 'prison')."""
    return frozenset(r["form"] for r in resources.jsonl("agents.jsonl") if r["codes"] == "COP" and not r["person"]
                     and " " not in r["form"] and r["form"] in _first_organizations())


# WordNet 3.0 senses of a nation's armed forces as one body: military.n.01 ('the military forces of a nation'),
# army.n.01 and navy.n.01 (its services, 'of a nation or state', 'belonging to a country')
ARMED_FORCE_SENSES = ("08199025", "08191230", "08191701")


@lru_cache(maxsize=1)
def army_nouns() -> frozenset[str]:
    """Nouns of a state's armed forces as one body: Phoenix agents coded MIL that are no person and are one word
    whose first WordNet sense is the nation's military or one of its services ('army', 'military', 'navy'; not
    'regiment', 'troop' nor 'paramilitary')."""
    first = _first_organizations()
    return frozenset(r["form"] for r in resources.jsonl("agents.jsonl") if r["codes"] == "MIL" and not r["person"]
                     and any(sense in first.get(r["form"], "") for sense in ARMED_FORCE_SENSES))


# WordNet 3.0 senses of bodies named after the person who leads them or whose kin they are ('the Assad government',
# 'the Smith family'): a name before them stays a person's
GOVERNMENT_SENSE = "08050678"  # WordNet 3.0 government.n.01, 'the organization that is the governing authority of a political unit'
PERSONAL_BODY_SENSES = (GOVERNMENT_SENSE, "08078020")


@lru_cache(maxsize=1)
def party_nouns() -> frozenset[str]:
    """Nouns whose first sense is an organisation that a name before them names ('the Kadima party', 'the Kataib
    Hezbollah militia'), not one named after its leader or kin ('the Assad government', 'the Smith family')."""
    return frozenset(noun for noun, source in _first_organizations().items() if not any(s in source for s in PERSONAL_BODY_SENSES))


@lru_cache(maxsize=1)
def _first_organizations() -> dict[str, str]:
    """Noun -> WordNet source of the body nouns whose first sense is an organisation (kg/data/body_nouns.jsonl)."""
    return {row["noun"]: row["source"] for row in resources.jsonl("body_nouns.jsonl") if row["first"] and row["kind"] == "organization"}


@lru_cache(maxsize=1)
def disaster_nouns() -> frozenset[str]:
    """The nouns of natural disasters in the event lexicon (kg/data/event_triggers.jsonl, kind Disaster): 'typhoon',
    'cyclone', 'earthquake'. A name they open ('Typhoon Haiyan') names the disaster, no actor."""
    return frozenset(lemma for row in resources.jsonl("event_triggers.jsonl") if row["kind"] == "Disaster"
                     and row["pos"] == "NOUN" for lemma in row["lemmas"])


@lru_cache(maxsize=1)
def country_places() -> dict[str, str]:
    """Lower-cased name -> ISO3 of the one country the Phoenix Countries dictionary codes it as: the country's regions,
    cities and landmarks ('Tacloban', 'Leyte', 'Gezi Park') and its older or misspelt names (kg/data/country_places.jsonl,
    from scripts/derive_country_places.py)."""
    return {row["name"].lower(): row["country"] for row in resources.jsonl("country_places.jsonl")}


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    """Lower-case words inside people's names before a capitalised part ('von', 'de', 'bin', 'da'; kg/data/name_particles.jsonl,
    from WordNet): 'Ursula von der Leyen' is one name."""
    return _column("name_particles.jsonl", "particle")


@lru_cache(maxsize=1)
def craft_nouns() -> frozenset[str]:
    """Nouns of a ship, a plane or a spacecraft ('tanker', 'destroyer'; kg/data/craft_nouns.jsonl, from WordNet): 'the
    tanker Stena Impero' names a vessel."""
    return _column("craft_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def vehicle_nouns() -> frozenset[str]:
    """Nouns of a conveyance ('car', 'bus', 'train', 'plane', 'rocket'; kg/data/vehicle_nouns.jsonl, from WordNet): what
    crashes in an accident."""
    return _column("vehicle_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def product_nouns() -> frozenset[str]:
    """Nouns of software, electronic equipment or a computer, one word or two ('operating system', 'web browser',
    'handset'; kg/data/product_nouns.jsonl, from WordNet, their most frequent sense): 'its web browser, Firefox'
    names a product."""
    return frozenset(row["noun"] for row in resources.jsonl("product_nouns.jsonl") if row.get("first", True))


@lru_cache(maxsize=1)
def software_nouns() -> frozenset[str]:
    """Nouns with a sense of software, first or later ('operating system', 'browser', 'os': WordNet's OS of operating
    system; kg/data/product_nouns.jsonl, kind software)."""
    return frozenset(row["noun"] for row in resources.jsonl("product_nouns.jsonl") if row["kind"] == "software")


@lru_cache(maxsize=1)
def product_sense_nouns() -> frozenset[str]:
    """Nouns with a sense of software, electronic equipment or a computer, first or later ('browser', 'console',
    'application'; kg/data/product_nouns.jsonl): "Microsoft's Edge browser" names a product."""
    return _column("product_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def device_nouns() -> frozenset[str]:
    """Nouns of a device ('computer', 'phone'; kg/data/device_nouns.jsonl, from WordNet): 'its Macintosh computers'."""
    return _column("device_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def document_nouns() -> frozenset[str]:
    """Nouns of a written agreement or a legal document ('treaty', 'act', 'charter'; kg/data/document_nouns.jsonl, from
    WordNet): 'the Lisbon Treaty', 'the Treaty of Lisbon' name a document, no actor and no place."""
    return _column("document_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def happening_nouns() -> frozenset[str]:
    """Nouns whose most frequent sense is an event or a natural phenomenon ('fire', 'explosion', 'storm', 'accident';
    kg/data/happening_nouns.jsonl, from WordNet): what kills as one of them kills is no one's attack."""
    return _column("happening_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def abstract_nouns() -> frozenset[str]:
    """Nouns whose most frequent sense is abstract: a quality, an idea, a message, a holding, a state ('share', 'lead',
    'proposal', 'cancer'; kg/data/abstract_nouns.jsonl, from WordNet): no material act's target."""
    return _column("abstract_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def state_nouns() -> frozenset[str]:
    """The abstract nouns whose most frequent sense is a state ('independence', 'sovereignty'; the noun.state rows of
    kg/data/abstract_nouns.jsonl, from WordNet): 'recognised Abkhazia's independence' recognises Abkhazia."""
    return frozenset(row["noun"] for row in resources.jsonl("abstract_nouns.jsonl") if row.get("kind") == "state")


@lru_cache(maxsize=1)
def event_name_nouns() -> frozenset[str]:
    """Nouns of a contest, a show or an exhibition ('championship', 'tournament', 'show', 'expo'; kg/data/event_name_nouns
    .jsonl, from WordNet): a name ending in one ('Paris Air Show') names an event, no actor or place."""
    return _column("event_name_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def facility_nouns() -> frozenset[str]:
    """Nouns of a facility, a built structure or a room ('terminal', 'gate', 'hall'; kg/data/facility_nouns.jsonl, from
    WordNet): such a noun and a number ('Terminal 3') name a part of a site, a place."""
    return _column("facility_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def site_nouns() -> frozenset[str]:
    """The nouns of facility_nouns.jsonl of a facility ('airport', 'station', 'terminal', 'museum'): a name written
    before one ('John F. Kennedy airport') names the site, whoever it is named after."""
    return frozenset(row["noun"] for row in resources.jsonl("facility_nouns.jsonl") if row["kind"] == "facility")


@lru_cache(maxsize=1)
def team_nouns() -> frozenset[str]:
    """Nouns of a team or a sports league ('team', 'club', 'league'; kg/data/team_nouns.jsonl, from WordNet): an article
    that uses one speaks of teams, and 'Real Madrid' there is a club."""
    return _column("team_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def weapon_nouns() -> frozenset[str]:
    """Nouns of a weapon ('missile', 'rifle'; kg/data/weapon_nouns.jsonl, from WordNet): 'launched a missile'."""
    return _column("weapon_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def building_nouns() -> frozenset[str]:
    """Nouns of a building or another built structure, one word ('palace', 'residence', 'tower', 'camp'): the
    structures of kg/data/structure_nouns.jsonl and the building and tower nouns of kg/data/feature_nouns.jsonl (both
    from WordNet). Written lower-case after a name, they say the name is a place's ('the Akorda presidential palace')."""
    rows = resources.jsonl("feature_nouns.jsonl")
    built = {row["noun"] for row in rows if row["kind"] in {"building", "tower"}}
    return frozenset(n for n in structure_nouns() | built if " " not in n)


@lru_cache(maxsize=1)
def structure_nouns() -> frozenset[str]:
    """Nouns of a built structure ('building', 'bridge', 'dam'; kg/data/structure_nouns.jsonl, from WordNet): 'the
    bridge collapsed' is an accident, 'the talks collapsed' a breakdown."""
    return _column("structure_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def motion_verbs() -> frozenset[str]:
    """Verbs of motion or fighting ('enter', 'reach', 'attack'; kg/data/motion_verbs.jsonl, from WordNet): a capital
    as their object is the city, not its government."""
    return _column("motion_verbs.jsonl", "verb")


@lru_cache(maxsize=1)
def creation_nouns() -> frozenset[str]:
    """Nouns of a created work ('song', 'film', 'novel'; kg/data/creation_nouns.jsonl, from WordNet): the name in
    apposition after one is a title."""
    return _column("creation_nouns.jsonl", "noun")


@lru_cache(maxsize=1)
def performed_work_nouns() -> frozenset[str]:
    """The nouns of creation_nouns.jsonl of a film, a show or a piece of music ('film', 'documentary', 'sitcom',
    'song'): no body is named with one, where a publication's noun ('magazine', 'weekly') names a publisher too."""
    kinds = {"movie", "show", "musical_composition"}
    return frozenset(row["noun"] for row in resources.jsonl("creation_nouns.jsonl") if row["kind"] in kinds)


@lru_cache(maxsize=1)
def system_nouns() -> frozenset[str]:
    """Nouns of a system of parts, software or a database ('system', 'database'; kg/data/system_nouns.jsonl, from
    WordNet): 'the Electronic Claims Information System' names a thing, no actor."""
    return _column("system_nouns.jsonl", "noun")


STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "IGO"})  # CAMEO sectors of a state's own agents


@lru_cache(maxsize=1)
def state_occupations() -> frozenset[str]:
    """Occupations that also head a Phoenix agent of a state's sectors ('official' of 'government official', 'lawmaker',
    'diplomat'): they hold a post in a state too ('a senior North Korean official'), not only in an organisation.
    A learned profession is not one ('a Lebanese lawyer' names a nationality, WordNet's 'professional')."""
    heads = {r["head"] for r in resources.jsonl("agents.jsonl") if r["sector"] in STATE_SECTORS}
    return frozenset(" ".join(words) for words, row in occupations().items()
                     if " ".join(words) in heads and row["under"] not in TRADE_ROOTS)


CITY_NOUN = "city"  # WordNet's city (kg/data/place_nouns.jsonl): the Phoenix agents it opens are a city's posts


@lru_cache(maxsize=1)
def city_posts() -> frozenset[str]:
    """Heads of the Phoenix person agents a city holds ('city mayor' in kg/data/agents.jsonl): 'mayor'; no WordNet
    occupation ('city manager': a club has a manager too). Written after a city's possessive ("Florence's mayor") the
    post is the city's, not its state's."""
    return frozenset(r["head"] for r in resources.jsonl("agents.jsonl") if r["person"] and r["form"].split()[0] == CITY_NOUN
                     and CITY_NOUN in place_nouns() and (r["head"],) not in occupations())


REGION_WORD = "regional"  # the Phoenix agents it opens ('regional governor') are a region's posts


@lru_cache(maxsize=1)
def local_posts() -> frozenset[str]:
    """A city's posts (`city_posts`) and the heads of the Phoenix person agents a region holds ('regional governor' in
    kg/data/agents.jsonl), no WordNet occupation ('regional representative'): 'mayor', 'governor'."""
    return city_posts() | frozenset(r["head"] for r in resources.jsonl("agents.jsonl") if r["person"]
                                    and r["form"].split()[0] == REGION_WORD and (r["head"],) not in occupations())


@lru_cache(maxsize=1)
def state_bodies() -> dict[str, str]:
    """A state's own bodies among the Phoenix agents that are no person -> their sector: 'air force', 'navy', 'army',
    'coast guard' (MIL), 'parliament' (LEG), 'police' (COP). Named alone ('the Air Force') they are a state's."""
    return {r["form"]: r["sector"] for r in resources.jsonl("agents.jsonl") if r["sector"] in STATE_SECTORS - {"IGO"}
            and not r["person"]}


@lru_cache(maxsize=1)
def government_nouns() -> frozenset[str]:
    """Nouns of a government itself: a Phoenix agent coded GOV and no person whose WordNet sense is the government of
    a political unit ('government', 'regime'; not 'ministry' or 'embassy'): 'the Government of India' is India acting."""
    senses = {r["noun"] for r in resources.jsonl("body_nouns.jsonl") if GOVERNMENT_SENSE in r["source"]}
    return frozenset(r["form"] for r in resources.jsonl("agents.jsonl") if r["codes"] == "GOV" and not r["person"]
                     and r["form"] in senses)


TRADE_ROOTS = frozenset({"professional", "scientist"})  # WordNet roots of occupations that are trades, not posts


@lru_cache(maxsize=1)
def title_kinds() -> dict[str, str]:
    """Title id -> kind ('rank' for military ranks: 'Colonel X' names a person, not a position of a state)."""
    return {row["id"]: row.get("kind", "") for row in titles()}


@lru_cache(maxsize=1)
def body_heads() -> frozenset[str]:
    """Head nouns of bodies among the Phoenix agents: 'ministry', 'company', 'airline', 'court', 'parliament'."""
    return frozenset(r["head"] for r in resources.jsonl("agents.jsonl")
                     if not r["person"] and " " not in r["form"] and r["head"] not in person_heads())


@lru_cache(maxsize=1)
def person_heads() -> frozenset[str]:
    """Head nouns of the Phoenix agents that are people ('spokesman', 'official', 'soldier')."""
    return frozenset(r["head"] for r in resources.jsonl("agents.jsonl") if r["person"])


@lru_cache(maxsize=4)
def sectors(flag: str) -> tuple[str, ...]:
    """CAMEO sector codes whose row in kg/data/sectors.csv says yes in column `flag`: "armed" (military, rebels, police,
    ...: whom they attack is a political act), "office" (whose dated codes say which state's office a person held).

    >>> sectors("office")
    ('GOV', 'JUD', 'LEG', 'MIL')
    """
    return tuple(r["code"] for r in resources.table("sectors.csv") if r[flag] == "yes")


@lru_cache(maxsize=1)
def agent_sectors() -> dict[str, str]:
    """One-word Phoenix agent -> its sector code ('company' -> 'BUS', 'ministry' -> 'GOV')."""
    return {r["form"]: r["sector"] for r in resources.jsonl("agents.jsonl") if " " not in r["form"]}


@lru_cache(maxsize=1)
def business_nouns() -> frozenset[str]:
    """One-word Phoenix agents of the business sector ('company', 'carmaker', 'manufacturer')."""
    return frozenset(form for form, sector in agent_sectors().items() if sector == "BUS")


@lru_cache(maxsize=1)
def known_actors() -> dict[str, str]:
    """Lower-cased full name -> 'Person' or 'Organization', from the Phoenix actor dictionaries.

    Office holders are evidence that a name is a person, never a role the text does not state.
    """
    out: dict[str, str] = {}
    for row in resources.jsonl("actors.jsonl"):
        for name in row["names"]:
            out.setdefault(name.lower(), row["type"])
    return out


@lru_cache(maxsize=1)
def office_holders() -> dict[str, tuple[dict, ...]]:
    """Lower-cased name of a Phoenix office holder -> the dated codes of their offices ({country, sector, from, to})."""
    out: dict[str, tuple[dict, ...]] = {}
    for row in resources.jsonl("actors.jsonl"):
        if row["type"] == "Person":
            for name in row["names"]:
                out.setdefault(name.lower(), tuple(row["codes"]))
    return out


def held_on(code: dict, day: str) -> bool:
    """Whether a dated Phoenix code (`from`, `to`: ISO dates, '' when open) was valid on the ISO day."""
    return (not code["from"] or code["from"] <= day) and (not code["to"] or day <= code["to"])


@lru_cache(maxsize=1)
def actor_aliases() -> dict[str, tuple[tuple[dict, ...], ...]]:
    """Lower-cased short name the Phoenix actor lists give an office holder ('putin', 'president obama', and the surname
    a title precedes in one, 'reagan' of 'President Reagan') -> the dated codes of each holder it names
    (kg/data/actor_aliases.jsonl)."""
    rows = {row["id"]: row for row in resources.jsonl("actors.jsonl")}
    out: dict[str, tuple[tuple[dict, ...], ...]] = {}
    for row in resources.jsonl("actor_aliases.jsonl"):
        actor = rows[row["actor"]]
        alias = row["alias"].lower()
        surname = actor["name"].lower().rsplit(" ", 1)[-1]
        names = {alias} | ({surname} if alias.endswith(f" {surname}") else set())  # 'President Reagan': 'Reagan' too
        for name in names:
            if tuple(actor["codes"]) not in out.get(name, ()):
                out[name] = (*out.get(name, ()), tuple(actor["codes"]))
    return out


@lru_cache(maxsize=1)
def office_holders_horizon() -> str:
    """The last date the Phoenix office holder lists know of: an open-ended term says nothing after it."""
    return max(d for codes in office_holders().values() for c in codes for d in (c["from"], c["to"]) if d)


@lru_cache(maxsize=1)
def state_titles() -> dict[str, str]:
    """A title form (lower case) that names one state's office by itself -> that state's entry id ('secretary of state':
    the United States; kg/data/state_titles.jsonl, from the Phoenix Countries actors)."""
    return {r["form"]: state_by_iso3()[r["country"]] for r in resources.jsonl("state_titles.jsonl") if r["country"] in state_by_iso3()}


def state_of(key: str) -> str:
    """The state id an entity key of the gazetteers stands for: a state itself, a place its state; '' for any other key."""
    entry = entries().get(key)
    if entry is None:
        return ""
    return entry.id if entry.type == "State" else entry.country if entry.type == "Place" else ""


def names_state_body(words: list[str]) -> bool:
    """Whether a body's name words hold a state's body of the Phoenix agents (`state_bodies`) as a run of them:
    'Defence Ministry', 'National Defense Force' ('defense force'), 'Police Service' ('police')."""
    low = [w.lower() for w in words]
    return any(" ".join(low[i:j]) in state_bodies() for i in range(len(low)) for j in range(i + 1, len(low) + 1))


def opening_state(name: str) -> tuple[str, list[str]]:
    """The state a name opens with, by the state's name or demonym, and the words after it: 'the Kenya Anti-Corruption
    Commission' -> (Kenya, ['Anti-Corruption', 'Commission']); ('', []) when none does, or when the state's own name
    is the whole name (it is the state, not a body of it)."""
    words = name.split()
    words = words[1:] if words[:1] and words[0].lower() == "the" else words
    for n in (3, 2, 1):
        if len(words) > n and (state := by_name().get(" ".join(words[:n]).lower(), "")).startswith("state-"):
            return state, words[n:]
    return "", []


def state_of_body(name: str) -> str:
    """The state of 'U.S. Congress', 'Indonesian Navy', 'Serbian Interior Ministry', 'Ethiopian National Defense
    Force': a state's name or demonym opening a body's name (`opening_state`), the rest naming a state's body; ''
    otherwise ('American Airlines', 'Air France' are companies)."""
    state, rest = opening_state(name)
    return state if state and names_state_body(rest) else ""


@lru_cache(maxsize=1)
def state_by_iso3() -> dict[str, str]:
    """ISO 3166 alpha-3 code (the country part of a CAMEO actor code) -> state entry id."""
    return {e.extra["iso3"]: e.id for e in entries().values() if e.type == "State" and e.extra.get("iso3")}


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-cased first words of the office holders' names in the Phoenix actor lists ('valeska' is not there; 'maria' is)."""
    return frozenset(n.split()[0] for n, kind in known_actors().items() if kind == "Person")


@lru_cache(maxsize=1)
def known_surnames() -> frozenset[str]:
    """Lower-cased last words of the office holders' names in the Phoenix actor lists."""
    return frozenset(n.split()[-1] for n, kind in known_actors().items() if kind == "Person")


@lru_cache(maxsize=1)
def nonactor_names() -> frozenset[str]:
    """Proper names of deities, religions and holidays (kg/data/nonactor_names.jsonl, from WordNet): 'Allah', 'Judaism'
    name no actor and no place."""
    return _column("nonactor_names.jsonl", "name")


@lru_cache(maxsize=1)
def nonactor_codes() -> frozenset[str]:
    """Currency codes (ISO 4217) and time-zone abbreviations: 'USD', 'UTC', 'CEST' name no actor."""
    return _column("nonactor_codes.jsonl", "code")
