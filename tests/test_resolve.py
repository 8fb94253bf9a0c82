"""kg.resolve on hand-made records: coreference inside an article (and, through kg.identity, identity across
articles), without spaCy."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import replace

from kg.identity import corpus_identity
from kg.records import Article, Entity, Event, Evidence, Extraction, Mention, Role, TimeValue
from kg.resolve import (
    build_entities,
    merge_events,
    nominal_referents,
    organization_aliases,
    person_aliases,
    resolve,
    same_event,
    same_name_types,
)

SERBIA, KOSOVO, BRUSSELS = "state-Q403", "state-Q1246", "place-Q239"
DAY = dt.date(2020, 7, 16)


def person(text: str, start: int = 0, rule: str = "ner-person", **kw) -> Mention:
    return Mention(start, start + len(text), text, "Person", rule, key=kw.pop("key", "person-" + text.lower().replace(" ", "-")), **kw)


def org(text: str, start: int = 0) -> Mention:
    return Mention(start, start + len(text), text, "Organization", "ner-org", key="org-" + text.lower().replace(" ", "-"))


def nominal(text: str, start: int, of: str, role: str = "", rule: str = "nominal-title") -> Mention:
    return Mention(start, start + len(text), text, "Person", rule, key=f"nominal-{start}", role=role, of=of)


def evidence(start: int, extractor: str = "test") -> Evidence:
    return Evidence(start, start + 5, "a sentence", extractor)


def role(holder: str, name: str, of: str, start: int = 0) -> Role:
    return Role(holder, name, of, DAY, evidence(start))


def day(value: str) -> TimeValue:
    d = dt.date.fromisoformat(value)
    return TimeValue(value, "day", d, d)


def month(value: str) -> TimeValue:
    first = dt.date.fromisoformat(value + "-01")
    return TimeValue(value, "month", first, (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1))


def event(kind: str, start: int, *participants: tuple[str, str], place: str = "", time: TimeValue | None = None, **kw) -> Event:
    return Event(f"e{start}", kind, kind, evidence(start), participants=participants, place=place, time=time, **kw)


def test_resolve_needs_no_spacy():
    code = "import sys, kg.resolve; print('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


# ---------------------------------------------------------------- people and organizations in one article


def test_a_surname_or_first_name_is_the_one_full_name_that_has_it():
    mentions = [person("Aleksandar Vucic"), person("Vucic", 40), person("Aleksandar", 80), person("Hoti", 90)]
    assert person_aliases(mentions) == {"person-vucic": "person-aleksandar-vucic", "person-aleksandar": "person-aleksandar-vucic"}


def test_a_surname_two_full_names_share_is_the_one_named_first():
    """News writes the surname alone for the person it introduced first ('President Donald Trump and the First Lady,
    Melania Trump ... Trump said')."""
    mentions = [person("Bill Clinton"), person("Hillary Clinton", 20), person("Clinton", 50)]
    assert person_aliases(mentions) == {"person-clinton": "person-bill-clinton"}
    mentions = [person("Hillary Clinton"), person("Bill Clinton", 20), person("Clinton", 50)]
    assert person_aliases(mentions) == {"person-clinton": "person-hillary-clinton"}


def test_a_surname_two_full_names_share_before_either_stays_itself():
    mentions = [person("Clinton"), person("Bill Clinton", 20), person("Hillary Clinton", 50)]
    assert person_aliases(mentions) == {}


def test_only_names_the_model_read_as_people_are_aliased():
    mentions = [person("Aleksandar Vucic"), person("Vucic", 40, rule="nominal-pronoun")]
    assert person_aliases(mentions) == {}


def test_an_organization_is_its_first_word_or_its_initials():
    mentions = [org("Northrop Grumman"), org("European Aeronautic Defence and Space", 30), org("Northrop", 80), org("EADS", 90),
                org("Airbus", 99)]
    assert organization_aliases(mentions) == {"org-northrop": "org-northrop-grumman",
                                              "org-eads": "org-european-aeronautic-defence-and-space"}


def test_a_first_word_two_organizations_share_names_neither():
    mentions = [org("General Electric"), org("General Motors", 20), org("General", 40)]
    assert organization_aliases(mentions) == {}


def test_a_nominal_mention_is_the_holder_of_the_role_it_names():
    mentions = [person("Aleksandar Vucic"), nominal("the Serbian president", 40, SERBIA, "president")]
    roles = [role("person-aleksandar-vucic", "president", SERBIA)]
    assert nominal_referents(mentions, roles, {}) == {"nominal-40": "person-aleksandar-vucic"}


def test_a_role_holder_named_by_surname_is_followed_through_the_key_map():
    mentions = [person("Vucic"), nominal("the Serbian president", 40, SERBIA, "president")]
    roles = [role("person-vucic", "president", SERBIA)]
    assert nominal_referents(mentions, roles, {"person-vucic": "person-aleksandar-vucic"}) == {"nominal-40": "person-aleksandar-vucic"}


def test_his_counterpart_holds_the_possessors_own_role():
    """'Hoti met his Serbian counterpart': of Serbia's two office holders, the one with Hoti's office."""
    roles = [role("person-aleksandar-vucic", "president", SERBIA), role("person-ana-brnabic", "prime minister", SERBIA),
             role("person-avdullah-hoti", "prime minister", KOSOVO)]
    mentions = [person("Avdullah Hoti"), nominal("his Serbian counterpart", 30, SERBIA)]
    assert nominal_referents(mentions, roles, {}) == {"nominal-30": "person-ana-brnabic"}
    alone = [nominal("his Serbian counterpart", 30, SERBIA)]  # nobody named before it: two candidates, no referent
    assert nominal_referents(alone, roles, {}) == {}


# ---------------------------------------------------------------- events of one article


def test_two_mentions_of_one_meeting_are_one_event():
    first = event("Meeting", 10, ("participant", "person-a"), ("participant", "person-b"), time=month("2020-07"))
    second = event("Talks", 200, ("host", "person-a"), ("participant", "person-c"), place=BRUSSELS, time=day("2020-07-12"))
    assert same_event(first, second) and same_event(second, first)
    (merged,) = merge_events([first, second])
    assert merged.key == "event-1"
    assert merged.kind == "Talks"  # the finer class of the two
    assert merged.time == day("2020-07-12") and merged.place == BRUSSELS  # the narrower date, the place one of them names
    assert dict((k, r) for r, k in merged.participants) == {"person-a": "host", "person-b": "participant", "person-c": "participant"}
    assert merged.mentions == (second.evidence,)


def test_what_keeps_two_events_apart():
    a = event("Meeting", 10, ("participant", "person-a"), place=BRUSSELS, time=day("2020-07-12"))
    assert not same_event(a, event("Meeting", 90, ("participant", "person-a"), time=day("2020-08-01")))  # dates apart
    assert not same_event(a, event("Meeting", 90, ("participant", "person-a"), place="place-Q1"))  # places apart
    assert not same_event(a, event("Meeting", 90, ("participant", "person-z")))  # nothing shared
    assert not same_event(a, event("Agreement", 90, ("participant", "person-a")))  # other families
    statement = event("Statement", 10, ("speaker", "person-a"))
    assert not same_event(statement, event("Statement", 90, ("speaker", "person-a")))  # each statement is its own
    assert [e.key for e in merge_events([a, statement, event("Meeting", 300, ("participant", "person-z"))])] == [
        "event-1", "event-2", "event-3"]


# ---------------------------------------------------------------- entities


def test_a_gazetteer_entity_is_labelled_by_the_gazetteer():
    mentions = [Mention(0, 6, "Serbia", "State", "gazetteer-state", key=SERBIA),
                Mention(20, 27, "Serbian", "State", "gazetteer-demonym", key=SERBIA),
                Mention(40, 43, "its", "State", "nominal-pronoun", key=SERBIA)]
    (serbia,) = build_entities(mentions)
    assert (serbia.key, serbia.type, serbia.label, serbia.wikidata) == (SERBIA, "State", "Serbia", "Q403")
    assert serbia.aliases == ("Serbian",)  # a pronoun is evidence of the entity, not a name of it
    assert serbia.mentions == tuple(mentions)


def test_an_entity_the_gazetteer_does_not_know_takes_its_fullest_name():
    mentions = [person("Vucic", key="person-aleksandar-vucic"), person("Aleksandar Vucic", 20),
                nominal("the Serbian president", 40, SERBIA, "president")]
    mentions[2] = replace(mentions[2], key="person-aleksandar-vucic")
    (vucic,) = build_entities(mentions)
    assert (vucic.type, vucic.label, vucic.wikidata) == ("Person", "Aleksandar Vucic", "")
    assert vucic.aliases == ("Vucic", "the Serbian president")
    (department,) = build_entities([org("the State Department")])
    assert department.label == "State Department"


# ---------------------------------------------------------------- one article, end to end


def _article(aid: str) -> Article:
    return Article(aid, DAY, "x" * 400)


def test_resolve_rewrites_every_record_with_the_canonical_keys():
    mentions = [person("Aleksandar Vucic", 0), person("Vucic", 100), nominal("the Serbian president", 200, SERBIA, "president"),
                Mention(300, 306, "Kosovo", "State", "gazetteer-state", key=KOSOVO)]
    extraction = Extraction(
        _article("a1"),
        roles=(role("person-vucic", "president", SERBIA),),
        events=(event("Meeting", 120, ("participant", "person-vucic"), ("participant", KOSOVO), time=day("2020-07-16")),
                event("Statement", 210, ("speaker", "nominal-200")),
                event("Statement", 250, ("speaker", "person-nobody"))),  # a speaker nobody names: dropped
    )
    out = resolve(extraction, mentions)
    assert sorted(e.key for e in out.entities) == ["person-aleksandar-vucic", KOSOVO]
    assert [(r.holder, r.of) for r in out.roles] == [("person-aleksandar-vucic", SERBIA)]
    assert [e.participants for e in out.events] == [(("participant", "person-aleksandar-vucic"), ("participant", KOSOVO)),
                                                     (("speaker", "person-aleksandar-vucic"),)]
    assert out.events[0].label == "Meeting 2020-07-16: Aleksandar Vucic, Kosovo"


# ---------------------------------------------------------------- identity across articles


def _named(aid: str, *people: str) -> Extraction:
    entities = tuple(Entity("person-" + p.lower().replace(" ", "-"), "Person", p, mentions=(person(p),)) for p in people)
    events = (event("Meeting", 10, *(("participant", e.key) for e in entities)),)
    return Extraction(_article(aid), entities=entities, events=events,
                      roles=tuple(role(e.key, "president", SERBIA) for e in entities))


def test_a_surname_alone_in_one_article_is_the_full_name_of_another():
    full, short = corpus_identity([_named("a1", "Aleksandar Vucic"), _named("a2", "Vucic", "Hoti")])
    assert full == _named("a1", "Aleksandar Vucic")  # nothing to change
    assert [e.key for e in short.entities] == ["person-aleksandar-vucic", "person-hoti"]
    assert short.events[0].participants == (("participant", "person-aleksandar-vucic"), ("participant", "person-hoti"))
    assert [r.holder for r in short.roles] == ["person-aleksandar-vucic", "person-hoti"]
    assert short.events[0].label == "Meeting: Aleksandar Vucic, Hoti"  # labelled by the canonical names


def test_a_surname_two_people_of_the_batch_share_is_left_alone():
    batch = [_named("a1", "Bill Clinton"), _named("a2", "Hillary Clinton"), _named("a3", "Clinton")]
    assert corpus_identity(batch)[2] == batch[2]


def test_a_unit_of_an_organization_is_not_its_full_name():
    """'Boeing Commercial Airplanes' marked by the extractor as a unit of 'Boeing': 'Boeing' stays Boeing."""
    unit = replace(org("Boeing Commercial Airplanes"), of="org-boeing")
    assert organization_aliases([unit, org("Boeing", 40)]) == {}
    unmarked = organization_aliases([org("Boeing Commercial Airplanes"), org("Boeing", 40)])
    assert unmarked == {"org-boeing": "org-boeing-commercial-airplanes"}


def _products(aid: str, *names: str) -> Extraction:
    def product(name: str) -> Entity:
        return Entity("product-" + name.lower().replace(" ", "-"), "Product", name,
                      mentions=(Mention(0, len(name), name, "Product", "model", key="product-" + name.lower().replace(" ", "-")),))
    return Extraction(_article(aid), entities=tuple(product(n) for n in names))


def test_a_model_code_alone_is_the_one_makers_model_of_that_code():
    a1, a2 = corpus_identity([_products("a1", "Airbus A380"), _products("a2", "A380", "787")])
    assert [e.key for e in a2.entities] == ["product-airbus-a380", "product-787"]  # no maker's 787 in the corpus


def test_a_model_code_two_makers_share_joins_neither():
    batch = [_products("a1", "Airbus 320"), _products("a2", "Fokker 320"), _products("a3", "320")]
    assert [e.key for e in corpus_identity(batch)[2].entities] == ["product-320"]


def test_an_acronym_defined_with_letters_from_inside_the_words_joins_its_name():
    """'Singapore Airlines (SIA)': S, I and A in order from the name, not only its initials."""
    text = "Airbus delivered the plane to Singapore Airlines (SIA) on Monday."
    start = text.index("Singapore")
    name = Mention(start, start + 18, "Singapore Airlines", "Organization", "ner-org", key="org-singapore-airlines")
    defined = Extraction(Article("a1", DAY, text), entities=(Entity("org-singapore-airlines", "Organization", "Singapore Airlines",
                                                                     mentions=(name,)),))
    used = Extraction(_article("a2"), entities=(Entity("org-sia", "Organization", "SIA", mentions=(org("SIA"),)),))
    assert [e.key for e in corpus_identity([defined, used])[1].entities] == ["org-singapore-airlines"]


def test_a_one_word_name_typed_two_ways_is_no_person_even_when_the_model_says_person_more_often():
    """'Ryanair' tagged a person twice and an organisation once in one article is the airline."""
    mentions = [person("Ryanair", 0), person("Ryanair", 50), org("Ryanair", 100)]
    assert same_name_types(mentions, {}) == {"person-ryanair": ("org-ryanair", "Organization")}


def test_a_full_name_typed_two_ways_takes_the_type_of_most_of_its_mentions():
    mentions = [person("Sue Gardner", 0), person("Sue Gardner", 50), org("Sue Gardner", 100)]
    assert same_name_types(mentions, {}) == {"org-sue-gardner": ("person-sue-gardner", "Person")}


def test_a_one_word_known_surname_typed_two_ways_takes_the_type_of_most_of_its_mentions():
    """'Karzai' (a surname of the Phoenix office holders) tagged a person twice and an organisation once is the man."""
    mentions = [person("Karzai", 0), person("Karzai", 50), org("Karzai", 100)]
    assert same_name_types(mentions, {}) == {"org-karzai": ("person-karzai", "Person")}


def test_headline_event_restated_by_a_body_sentence_naming_its_actors():
    """'First Embraer E2 handed over' over 'The first E2, built by Embraer, was handed over today to Widerøe': the
    headline's undated hand-over is the body's, whose sentence names the headline's actor though its parse made the
    buyer alone a participant; a body event of another kind, or whose sentence names someone else, leaves it."""
    from kg.resolve import _headline_alone

    head = Event("h", "Deal", "Deal", Evidence(0, 5, "First Embraer E2 handed over", "t"), participants=(("participant", "org-embraer"),))
    body = Event("b", "Deal", "Deal", Evidence(40, 47, "The first E2, built by Embraer, was handed over today to Wideroe.", "t"),
                 participants=(("target", "org-wideroe"),), time=day("2024-03-05"))
    named = {"org-embraer": {"Embraer"}, "org-wideroe": {"Wideroe"}}
    assert _headline_alone(head, [head, body], (0, 30), named)
    other = replace(body, kind="Meeting")
    assert not _headline_alone(head, [head, other], (0, 30), named)
    elsewhere = replace(body, evidence=Evidence(40, 47, "The first E2 was handed over today to Wideroe.", "t"))
    assert not _headline_alone(head, [head, elsewhere], (0, 30), named)
