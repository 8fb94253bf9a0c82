"""Every file of kg/data has a schema, and what the extractors read from it agrees with the code and the ontology.

A schema names each field of a row with its check: a type, a tuple of the
values it may take, or a function; a field named "?name" may be absent. The
cross-checks read the loaded tables and the code that emits from them (the
trigger lexicon, the rewrites of `events._codes`, the kinds the code assigns),
never a copy of either.
"""
from __future__ import annotations

import ast
import datetime as dt
import inspect
import itertools
import re
import tomllib

import pytest
from rdflib import RDFS

from kg import resources
from kg.vocab import KG, ontology, participant_roles
from tests.conftest import ROOT

ACTOR_TYPES = ("Person", "Organization", "State")


def text(value) -> bool:
    """A non-empty string without outer spaces."""
    return isinstance(value, str) and bool(value) and value == value.strip()


def words(value) -> bool:
    return isinstance(value, list) and bool(value) and all(text(v) for v in value)


def qid(value) -> bool:
    return isinstance(value, str) and re.fullmatch(r"Q\d+", value) is not None


def day_or_empty(value) -> bool:
    if value == "":
        return True
    try:
        return dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def sector(value) -> bool:
    """A CAMEO sector code: 3-letter codes of kg/data/sectors.csv, one after another ('GOVMIL')."""
    known = {row["code"] for row in resources.table("sectors.csv")}
    return isinstance(value, str) and len(value) % 3 == 0 and all(value[i:i + 3] in known for i in range(0, len(value), 3))


def sector_or_empty(value) -> bool:
    return value == "" or sector(value)


def cameo(value) -> bool:
    return isinstance(value, str) and re.fullmatch(r"\d{2,4}", value) is not None


def cameo_or_empty(value) -> bool:
    return value == "" or cameo(value)


def plover(value) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[A-Z]+", value) is not None


def pipe_list(value) -> bool:
    return isinstance(value, str) and all(text(v) for v in value.split("|")) if value else True


def office_terms(value) -> bool:
    """Phoenix dated codes of an actor: {code, country, sector, from, to}, the days ISO or empty."""
    keys = {"code", "country", "sector", "from", "to"}
    return isinstance(value, list) and all(
        set(c) == keys and isinstance(c["code"], str) and day_or_empty(c["from"]) and day_or_empty(c["to"]) for c in value)


def arguments(value) -> bool:
    """Trigger slots (subject, object, prepositions) -> the participant role the slot's filler takes."""
    return isinstance(value, dict) and all(text(k) and v in participant_roles() for k, v in value.items())


def needs(value) -> bool:
    return isinstance(value, dict) and all(text(k) and isinstance(v, list) for k, v in value.items())


def wordnet_source(value) -> bool:
    return isinstance(value, str) and value.startswith("WordNet 3.0 data.noun ")


def noun_schema(prefix: str, kinds: tuple[str, ...] | None = None) -> dict:
    """A WordNet-derived list of one-word lower-case nouns, ids '<prefix>-noun-...', with its root as `kind` if given."""
    schema = {"id": lambda v: text(v) and v.startswith(f"{prefix}-noun-"),
              "noun": lambda v: text(v) and v.isalpha() and v.islower(), "source": wordnet_source}
    return schema if kinds is None else {**schema, "kind": kinds}


TITLE = {"id": lambda v: text(v) and v.startswith("title-"), "role": text, "forms": words, "kind": text, "?owner_from_context": bool,
         "?act": text, "?in_state": lambda v: text(v) and v.startswith("title-"), "?source": text}
TRIGGER = {"id": text, "lemmas": words, "pos": ("VERB", "NOUN"), "kind": text, "cameo": cameo_or_empty,
           "plover": lambda v: v == "" or plover(v), "args": arguments, "?obj": words, "?subj": words, "?needs": needs, "?pobj": words,
           "?objmod": lambda v: isinstance(v, list) and all(words(w) for w in v), "?status": ("postponed", "cancelled"),
           "?speech": bool, "?declares": bool, "?quoted": bool, "?source": text, "?actorless": bool,
           "?patient": bool, "?obj_conflict": bool, "?bodies": bool, "?members": bool, "?holder": bool, "?visitor": bool, "?clause": bool,
           "?standing": bool, "?obj_titles": bool, "?obj_weapons": bool,
           "?obj_products": bool, "?obj_places": bool, "?obj_people": bool, "?contest": bool,
           "?intransitive": bool, "?subj_vehicles": bool, "?subj_agreements": bool, "?obj_structures": bool,
           "?lends": bool, "?subj_structures": bool, "?subj_sector": lambda v: re.fullmatch(r"[A-Z]{3}", v) is not None}
SCHEMAS: dict[str, dict] = {
    "actors.jsonl": {"id": text, "type": ("Person", "Organization"), "name": text, "names": words, "codes": office_terms, "source": text},
    "actor_aliases.jsonl": {"id": text, "alias": text, "actor": text, "source": text},
    "armed_groups.jsonl": {"id": lambda v: text(v) and v.startswith("org-group-"), "name": text, "names": words,
                           "codes": lambda v: isinstance(v, list) and all(re.fullmatch(r"[A-Z]{3,}", c) for c in v), "source": text},
    "agent_titles.jsonl": {**TITLE, "sector": sector_or_empty, "source": text},
    "agents.jsonl": {"id": text, "form": text, "head": text, "sector": sector_or_empty, "codes": str, "person": bool, "before_names": bool,
                     "source": text},
    "cameo_plover.csv": {"cameo": cameo, "plover": plover, "category_2021": plover, "mode": str, "context": str, "description": str,
                         "source": text},
    "cities.jsonl": {"id": text, "wikidata": qid, "name": text, "country_wikidata": qid, "is_capital": bool,
                     "population": lambda v: v is None or isinstance(v, int), "source": text},
    "city_names.csv": {"city": text, "other_names": pipe_list},
    "eval_split.jsonl": {"id": text, "resource": text, "item": text, "half": ("tune", "check"), "unit": text, "source": text},
    "event_actor_nouns.csv": {"noun": text, "sector": sector, "source": text},
    "event_triggers.jsonl": TRIGGER,
    "event_triggers_cameo.jsonl": TRIGGER,
    "nicknames.jsonl": {"id": text, "name": text, "nickname": text, "source": text},
    "known_entities.jsonl": {"id": text, "type": ("Person", "Organization"), "name": text, "?aliases": list, "?former_names": list,
                             "?wikidata": lambda v: v == "" or qid(v), "source": text},
    "nonactor_codes.jsonl": {"id": text, "code": text, "kind": ("currency", "timezone"), "name": text, "source": text},
    "organization_names.csv": {"wikidata": qid, "other_names": pipe_list},
    "organizations.jsonl": {"id": text, "wikidata": qid, "name": text, "short_name": str, "source": text},
    "pair_heads.csv": {"head": text, "type": ACTOR_TYPES},
    "places.jsonl": {"id": text, "name": text, "names": words, "country": str, "seat_of_government": bool, "?demonyms": words,
                     "?seat_of_body": lambda v: v is True, "?body_names": words, "?source": text},
    "plover_polarity.csv": {"id": text, "kind": ("plover", "relation"), "polarity": ("cooperation", "conflict", "neutral"),
                            "object": ("", "actor", "person", "force"), "source": text},
    "relation_patterns.jsonl": {"id": text, "kind": text, "predicate": text, "?heads": words, "?modifier": str, "?verbs": words,
                                "?infinitives": words, "?forms": words, "?inverse": lambda v: v is True, "?nouns": words,
                                "?objects": words, "?given_up": words, "?preps": words, "?modifiers": words,
                                "?party_nouns": words, "?bloc_nouns": words, "?lasting": lambda v: v is True,
                                "?not_with": words},
    "country_places.jsonl": {"id": lambda v: text(v) and v.startswith("country-place-"), "name": text,
                             "country": lambda v: re.fullmatch(r"[A-Z]{3}", v) is not None,
                             "source": lambda v: isinstance(v, str) and v.startswith("petrarch2/Phoenix.Countries.actors.txt:")},
    "state_titles.jsonl": {"id": lambda v: text(v) and v.startswith("state-title-"), "form": text,
                           "country": lambda v: re.fullmatch(r"[A-Z]{3}", v) is not None, "source": text},
    "sectors.csv": {"code": lambda v: re.fullmatch(r"[A-Z]{3}", v) is not None, "meaning": str, "armed": ("", "yes"),
                    "office": ("", "yes"), "source": text},
    "state_names.csv": {"state": text, "demonyms": pipe_list, "other_names": pipe_list},
    "states.jsonl": {"id": text, "wikidata": qid, "name": text, "iso2": str, "iso3": str, "capital": str, "capital_wikidata": str,
                     "recognition": ("un_member", "partial", "observer"), "source": text},
    "titles.jsonl": TITLE,
    "nonactor_names.jsonl": {"id": lambda v: text(v) and v.startswith("nonactor-"), "name": lambda v: text(v) and v[:1].isupper(),
                             "kind": ("spiritual_being", "religion", "holiday"),
                             "source": wordnet_source},
    "place_nouns.jsonl": {"id": lambda v: text(v) and v.startswith("place-noun-"),
                          "noun": lambda v: text(v) and v.isalpha() and v.islower(),
                          "under": ("geographical_area", "district", "port", "region"), "source": wordnet_source},
    "title_prefixes.jsonl": {"id": lambda v: text(v) and v.startswith("title-prefix-"),
                             "prefix": lambda v: text(v) and v.isalpha() and v.islower(), "rank": ("below", "opposition"),
                             "source": wordnet_source},
    "craft_nouns.jsonl": {**noun_schema("craft"),  # two-word crafts too: "aircraft carrier"
                          "noun": lambda v: text(v) and all(w.isalpha() and w.islower() for w in v.split(" "))},
    "device_nouns.jsonl": noun_schema("device"),
    "product_nouns.jsonl": {**noun_schema("product", ("software", "electronic_equipment", "computer")),  # 'web browser'
                            "noun": lambda v: text(v) and all(w.isalpha() and w.islower() for w in v.split(" ")),
                            "?first": lambda v: v is False},  # 'browser': a person first, software second
    "vehicle_nouns.jsonl": noun_schema("vehicle"),
    "document_nouns.jsonl": noun_schema("document", ("written_agreement", "legal_document", "agreement")),
    "team_nouns.jsonl": noun_schema("team", ("team", "league")),
    "event_name_nouns.jsonl": noun_schema("event-name", ("contest", "show", "exhibition")),
    "facility_nouns.jsonl": noun_schema("facility", ("facility", "structure", "room")),
    "abstract_nouns.jsonl": noun_schema("abstract", ("attribute", "cognition", "communication", "feeling", "motive",
                                                     "possession", "quantity", "relation", "state", "time")),
    "happening_nouns.jsonl": noun_schema("happening", ("event", "phenomenon")),
    "weapon_nouns.jsonl": noun_schema("weapon"),
    "structure_nouns.jsonl": noun_schema("structure"),
    "creation_nouns.jsonl": noun_schema("creation", ("musical_composition", "movie", "show", "publication", "writing", "work")),
    "system_nouns.jsonl": noun_schema("system", ("system", "software", "database")),
    "honorifics.jsonl": {"id": lambda v: text(v) and v.startswith("honorific-"), "form": lambda v: text(v) and v[:1].isupper(),
                         "source": wordnet_source},
    "body_nouns.jsonl": {"id": lambda v: text(v) and v.startswith("body-noun-"),
                         "noun": lambda v: text(v) and v.isalpha() and v.islower(), "kind": ("organization", "social_group"), "first": bool,
                         "source": wordnet_source},
    "trade_body_nouns.jsonl": noun_schema("trade-body", ("enterprise", "financial_institution")),
    "trade_words.jsonl": {"id": lambda v: text(v) and v.startswith("trade-word-"),
                          "word": lambda v: text(v) and v.isalpha() and v.islower(),
                          "kind": ("company", "industry", "enterprise", "financial_institution"), "source": wordnet_source},
    "work_nouns.jsonl": noun_schema("work", ("investigation", "undertaking", "plan")),
    "post_nouns.jsonl": noun_schema("post", ("position", "occupation", "function", "capacity")),
    "head_nouns.jsonl": noun_schema("head", ("head", "boss", "supremo")),
    "opinion_nouns.jsonl": noun_schema("opinion", ("opinion", "view")),
    "likelihood_adjectives.jsonl": {"id": lambda v: text(v) and v.startswith("likelihood-adj-"),
                                    "adjective": lambda v: text(v) and v.isalpha() and v.islower(),
                                    "source": lambda v: text(v) and v.startswith("WordNet 3.0 data.adj "),
                                    "kind": ("likely", "unlikely", "probable", "improbable", "possible", "impossible")},
    "wrongdoing_nouns.jsonl": noun_schema("wrongdoing", ("wrongdoing", "cruelty", "killing", "mistake")),
    "person_nouns.jsonl": noun_schema("person"),
    "name_particles.jsonl": {"id": lambda v: text(v) and v.startswith("name-particle-"),
                             "particle": lambda v: text(v) and v.isalpha() and v.islower(), "source": wordnet_source},
    "feature_nouns.jsonl": noun_schema("feature", ("road", "body_of_water", "geological_formation", "land", "building", "tower")),
    "event_nominals.jsonl": {"id": lambda v: text(v) and v.startswith("nominal-"), "noun": lambda v: text(v) and v.isalpha(),
                             "verb": text, "source": lambda v: isinstance(v, str) and v.startswith("WordNet 3.0 data.verb ")},
    "doer_nouns.jsonl": {"id": lambda v: text(v) and v.startswith("doer-noun-"),
                         "noun": lambda v: text(v) and v.isalpha() and v.islower(), "verb": lambda v: text(v) and v.isalpha(),
                         "source": lambda v: isinstance(v, str) and v.startswith("WordNet 3.0 data.verb ")},
    "office_words.jsonl": {"id": lambda v: text(v) and v.startswith("office-word-"),
                           "word": lambda v: text(v) and v.isalpha() and v.islower(), "pos": ("adj", "noun"),
                           "title": lambda v: text(v) and v.startswith("title-"),
                           "source": lambda v: isinstance(v, str) and v.startswith("WordNet 3.0 data.")},
    "party_words.jsonl": {"id": lambda v: text(v) and v.startswith("party-word-"),
                          "word": lambda v: text(v) and v[0].isupper(), "form": ("member", "members", "name"),
                          "party": lambda v: text(v) and v.endswith(" Party"),
                          "source": lambda v: isinstance(v, str) and v.startswith("WordNet 3.0 data.noun ")},
    "office_verbs.jsonl": {"id": lambda v: text(v) and v.startswith("office-verb-"), "verb": text, "role": text,
                           "source": lambda v: isinstance(v, str) and v.startswith("WordNet 3.0 data.verb ")},
    "motion_verbs.jsonl": {"id": lambda v: text(v) and v.startswith("motion-verb-"),
                           "verb": lambda v: isinstance(v, str) and v.isalpha() and v.islower(),
                           "source": lambda v: isinstance(v, str) and v.startswith("WordNet 3.0 data.verb ")},
    "speech_verbs.jsonl": {"id": lambda v: text(v) and v.startswith("speech-verb-"),
                           "verb": lambda v: isinstance(v, str) and re.fullmatch(r"[a-z]+( [a-z]+)?", v) is not None,
                           "source": lambda v: isinstance(v, str) and v.startswith("WordNet 3.0 data.verb ")},
    "occupations.jsonl": {"id": text, "role": text, "forms": lambda v: words(v) and all(f.islower() for f in v),
                          "kind": ("occupation",), "under": text, "?domain": ("sport",), "source": wordnet_source},
}


def _rows(name: str) -> tuple[dict, ...]:
    return resources.jsonl(name) if name.endswith(".jsonl") else resources.table(name)


def test_every_data_file_has_a_schema():
    assert set(SCHEMAS) | {"styles.toml"} == set(resources.data_files())


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_row_follows_its_files_schema(name):
    schema = SCHEMAS[name]
    required = {k for k in schema if not k.startswith("?")}
    fields = {k.lstrip("?"): check for k, check in schema.items()}
    if name.endswith(".csv"):
        assert list(_rows(name)[0]) == list(fields), f"{name}: the header is not the schema's"
    bad = []
    for row in _rows(name):
        if not required <= set(row) <= set(fields):
            bad.append((row.get("id", row), "fields", sorted(set(row) ^ required - set(fields)) or sorted(required - set(row))))
            continue
        for key, value in row.items():
            check = fields[key]
            ok = value in check if isinstance(check, tuple) else isinstance(value, check) if isinstance(check, type) else check(value)
            if not ok:
                bad.append((next(iter(row.values())), key, value))
    assert not bad, f"{name}: {len(bad)} rows break the schema: {bad[:5]}"


# ---------------------------------------------------------------- the trigger lexicon against the code and the ontology


def _event_classes() -> set[str]:
    g = ontology()
    return {str(c).rsplit("#", 1)[1] for c in g.transitive_subjects(RDFS.subClassOf, KG.Event)}


def test_the_lexicon_reads_every_field_of_a_trigger_row():
    """A field the code does not read is a rule nobody applies."""
    from kg.extract import events

    source = inspect.getsource(events.lexicon)
    read = set(re.findall(r'row\["(\w+)"\]', source)) | set(re.findall(r'row\.get\("(\w+)"', source))
    for name in ("event_triggers.jsonl", "event_triggers_cameo.jsonl"):
        unread = {k for row in resources.jsonl(name) for k in row} - read - {"source", "lends"}  # `lends`: the deriving script's
        assert not unread, f"{name}: no code reads {sorted(unread)}"


def _assigned_kinds() -> set[str]:
    """Event classes kg/extract/events.py assigns in code: `kind = "X"`, `draft.kind = "X"`."""
    tree = ast.parse((ROOT / "kg" / "extract" / "events.py").read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for target in node.targets:
                name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
                if name == "kind":
                    out.add(node.value.value)
    return out


def test_every_event_class_the_lexicon_and_the_code_emit_is_an_ontology_event():
    from kg.extract.events import lexicon

    emitted = {t.kind for rows in lexicon().values() for t in rows} | _assigned_kinds()
    assert {"VirtualMeeting", "Demand"} <= _assigned_kinds()  # the scan finds what the code assigns
    assert emitted <= _event_classes(), sorted(emitted - _event_classes())


def test_every_plover_code_the_lexicon_can_emit_has_a_polarity():
    """Cooperation and conflict come from plover_polarity.csv: every type a trigger has, or that `_codes` rewrites a
    negated, intended or conditional act into, needs its row."""
    from kg.extract.events import Draft, _codes, lexicon

    triggers = list({id(t): t for rows in lexicon().values() for t in rows}.values())
    emitted = {t.plover for t in triggers if t.plover}
    for t, (negated, intent, conditional) in itertools.product(triggers, itertools.product((False, True), repeat=3)):
        code = _codes(Draft(token=None, trigger=t, kind=t.kind, negated=negated, intent=intent, conditional=conditional))[1]
        if code:
            emitted.add(code)
    polar = {r["id"] for r in resources.table("plover_polarity.csv") if r["kind"] == "plover"}
    assert {"REJECT", "THREATEN", "AGREE"} <= emitted  # the rewrites were reached
    assert emitted <= polar, sorted(emitted - polar)


def test_the_roles_a_trigger_or_a_participle_gives_are_participant_roles():
    from kg.extract.events import PARTICIPLE_ROLES, lexicon

    given = {role for rows in lexicon().values() for t in rows for role in t.args.values()} | set(PARTICIPLE_ROLES.values())
    assert given <= set(participant_roles()), sorted(given - set(participant_roles()))


def test_derived_triggers_take_their_plover_type_from_the_cameo_table():
    table = {row["cameo"]: row["plover"] for row in resources.table("cameo_plover.csv")}
    polar = {r["id"] for r in resources.table("plover_polarity.csv") if r["kind"] == "plover"}
    assert set(table.values()) <= polar
    for row in resources.jsonl("event_triggers_cameo.jsonl"):
        code = row["cameo"] if row["cameo"] in table else row["cameo"][:2]  # a code the 2021 table lacks: its parent's
        assert code in table, row["id"]


# ---------------------------------------------------------------- relations, titles, office holders, sectors, styles


def _actor_relations() -> set[str]:
    g = ontology()
    return {str(p).rsplit("#", 1)[1] for p in g.transitive_subjects(RDFS.subPropertyOf, KG.actorRelation)}


def test_relation_predicates_are_actor_relations_of_the_ontology():
    emitted = {row["predicate"] for row in resources.jsonl("relation_patterns.jsonl")}
    polar = {row["id"] for row in resources.table("plover_polarity.csv") if row["kind"] == "relation"}
    assert emitted | polar <= _actor_relations(), sorted((emitted | polar) - _actor_relations())


def test_every_relation_pattern_kind_is_one_the_extractor_reads():
    tree = ast.parse((ROOT / "kg" / "extract" / "relations.py").read_text(encoding="utf-8"))
    read = {node.args[0].value for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get" and node.args and isinstance(node.args[0], ast.Constant)}
    kinds = {row["kind"] for row in resources.jsonl("relation_patterns.jsonl")}
    assert kinds <= read, sorted(kinds - read)


def test_every_role_title_row_parses():
    """The titles the nlp matcher and the role extractor read (kg.gazetteer.titles: titles.jsonl, then the Phoenix
    agent titles for forms it lacks): one id a title, and an id both files use is one title (one role name); each form
    belongs to one title; every title has a role name and a kind, and ranks name people, not positions of states."""
    from kg.gazetteer import title_kinds, titles

    own = {row["id"]: row for row in resources.jsonl("titles.jsonl")}
    for row in resources.jsonl("agent_titles.jsonl"):
        assert row["id"] not in own or own[row["id"]]["role"] == row["role"], row["id"]
    loaded = titles()
    ids = [row["id"] for row in loaded]
    assert len(ids) == len(set(ids)) and set(own) <= set(ids)
    owners: dict[str, set[str]] = {}
    for row in loaded:
        for form in row["forms"]:
            owners.setdefault(form.lower(), set()).add(row["id"])
    assert not {form: ids for form, ids in owners.items() if len(ids) > 1}
    assert all(row["role"] and row["forms"] and row["kind"] for row in loaded)
    assert set(title_kinds()) == set(ids) and "rank" in set(title_kinds().values())


def test_office_holder_terms_are_ordered_periods():
    source_errors = {("actor-4718", "EGYGOV", "2012-12-07")}  # [EGYGOV 20121207-20120802] in Phoenix.Countries.actors.txt:14190
    reversed_terms = {(row["id"], c["code"], c["from"]) for row in resources.jsonl("actors.jsonl") for c in row["codes"]
                      if c["from"] and c["to"] and c["from"] > c["to"]}
    assert reversed_terms == source_errors


def test_the_sectors_the_code_consults_are_in_the_sector_table():
    from kg.extract.roles import HOLDER_SECTORS
    from kg.gazetteer import sectors

    assert set(sectors("armed")) >= {"MIL", "REB", "COP"} and HOLDER_SECTORS == set(sectors("office")) >= {"GOV", "MIL"}
    used = {row["sector"][:3] for row in resources.table("event_actor_nouns.csv")}
    assert set(sectors("armed")) <= used  # every armed code names some agent noun


def test_pair_heads_name_actor_classes():
    actors = {str(c).rsplit("#", 1)[1] for c in ontology().subjects(RDFS.subClassOf, KG.Actor)}
    assert {row["type"] for row in resources.table("pair_heads.csv")} <= set(ACTOR_TYPES) <= actors


def test_the_styles_name_ontology_classes():
    """kg render's node styles group ontology classes (its own time axis aside); each group is of one kind."""
    styles = tomllib.loads((ROOT / "kg" / "data" / "styles.toml").read_text(encoding="utf-8"))
    classes = {str(c).rsplit("#", 1)[1] for c in ontology().subjects() if str(c).startswith(str(KG))}
    kinds = {"actor", "place", "event"}
    for style in styles["node"]:
        assert style.get("fallback", style["kind"]) == style["kind"]
        if style["kind"] in kinds:
            assert set(style["types"]) <= classes, style["id"]
        else:
            assert style["types"] == ["Axis"], style["id"]  # the timeline's ticks (kg.render)
    assert {style.get("fallback") for style in styles["node"]} >= kinds  # every kind of node has a fallback


def test_the_name_tables_name_entries_of_the_gazetteers():
    cities = {row["name"] for row in resources.jsonl("cities.jsonl")}
    states = {row["name"] for row in resources.jsonl("states.jsonl")}
    state_ids = {row["wikidata"] for row in resources.jsonl("states.jsonl")}
    assert {row["city"] for row in resources.table("city_names.csv")} <= cities
    assert {row["state"] for row in resources.table("state_names.csv")} <= states
    organizations = {row["wikidata"] for row in resources.jsonl("organizations.jsonl")}
    assert {row["wikidata"] for row in resources.table("organization_names.csv")} <= organizations
    assert {row["country"] for row in resources.jsonl("places.jsonl")} - {""} <= states
    assert {row["country_wikidata"] for row in resources.jsonl("cities.jsonl")} <= state_ids
