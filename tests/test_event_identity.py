"""Identity of events across articles: one node for one real event, each article's evidence on it, every merge recorded."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest
from rdflib import RDF, XSD, Literal, URIRef
from rdflib.compare import to_isomorphic
from rdflib.namespace import PROV, TIME

from kg import ids
from kg.event_identity import link_events
from kg.rdf import to_dataset, union
from kg.read import article_id
from kg.records import Article, Entity, Event, Evidence, Extraction, Mention, Role, TimeValue
from kg.validate import validate
from kg.vocab import KG
from tests.conftest import DATA, SEED

VUCIC, HOTI, MERKEL = "person-aleksandar-vucic", "person-avdullah-hoti", "person-angela-merkel"
SERBIA, KOSOVO, EU = "state-Q403", "state-Q1246", "org-Q458"
BRUSSELS, BELGIUM, BERLIN = "place-Q239", "state-Q31", "place-Q64"
LABELS = {VUCIC: "Aleksandar Vucic", HOTI: "Avdullah Hoti", MERKEL: "Angela Merkel", SERBIA: "Serbia", KOSOVO: "Kosovo",
          EU: "European Union", BRUSSELS: "Brussels", BELGIUM: "Belgium", BERLIN: "Berlin"}
TYPES = {"person": "Person", "state": "State", "org": "Organization", "place": "Place"}


def day(iso: str) -> TimeValue:
    d = dt.date.fromisoformat(iso)
    return TimeValue(iso, "day", d, d)


def month(iso: str) -> TimeValue:
    first = dt.date.fromisoformat(iso + "-01")
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return TimeValue(iso, "month", first, last)


def year(iso: str) -> TimeValue:
    return TimeValue(iso, "year", dt.date(int(iso), 1, 1), dt.date(int(iso), 12, 31))


def event(kind: str, *actors: str, time: TimeValue | None = None, place: str = "", status: str = "occurred") -> dict:
    return {"kind": kind, "actors": actors, "time": time, "place": place, "status": status}


def article(published: str, *events: dict, roles: tuple[tuple[str, str], ...] = ()) -> Extraction:
    """An article whose text names every actor and has one sentence a event, with records pointing into it."""
    keys = sorted({k for e in events for k in (*e["actors"], e["place"]) if k} | {k for pair in roles for k in pair})
    text, mentions = "", {}
    for key in keys:
        mentions[key] = Mention(len(text), len(text) + len(LABELS[key]), LABELS[key], TYPES[key.split("-")[0]], "test", key)
        text += LABELS[key] + ". "
    records = []
    for n, e in enumerate(events, 1):
        sentence = f"{e['kind']} number {n}."
        start = len(text)
        text += sentence + " "
        evidence = Evidence(start, start + len(e["kind"]), sentence, "events/test")
        records.append(Event(key=f"event-{n}", kind=e["kind"], label=e["kind"], evidence=evidence,
                             participants=tuple(("participant", k) for k in e["actors"]), place=e["place"], time=e["time"],
                             status=e["status"]))
    date = dt.date.fromisoformat(published)
    art = Article(id=article_id(date, text), date=date, text=text, sha256="0" * 64)
    entities = tuple(Entity(k, m.type, m.text, mentions=(m,)) for k, m in mentions.items())
    role_records = tuple(Role(holder, "president", of, date, Evidence(0, 1, "x", "roles/test")) for holder, of in roles)
    return Extraction(art, entities=entities, roles=role_records, events=tuple(records))


def nodes(extractions: list[Extraction]) -> dict[tuple[str, str], str]:
    """(article published date, event kind) -> the IRI its event is written as."""
    out = {}
    for x in link_events(extractions):
        merged = {m.key: m.node for m in x.event_merges}
        for e in x.events:
            out[(x.article.date.isoformat(), e.kind)] = str(ids.event_iri(*merged.get(e.key, (x.article.id, e.key))))
    return out


JULY_16 = day("2020-07-16")


def talks(published: str, time: TimeValue | None = JULY_16, *actors: str, place: str = BRUSSELS) -> Extraction:
    return article(published, event("Talks", *(actors or (VUCIC, HOTI)), time=time, place=place))


def test_two_reports_of_one_meeting_are_one_event():
    n = nodes([talks("2020-07-16"), article("2020-07-17", event("Meeting", VUCIC, HOTI, EU, time=day("2020-07-16"), place=BRUSSELS))])
    assert n[("2020-07-16", "Talks")] == n[("2020-07-17", "Meeting")]


def test_the_event_node_is_the_first_report_whatever_the_order():
    reports = [talks("2020-07-16"), talks("2020-07-17"), talks("2020-07-20", day("2020-07-16"), VUCIC, HOTI, EU)]
    first = str(ids.event_iri(reports[0].article.id, "event-1"))
    for order in itertools.permutations(reports):
        assert set(nodes(list(order)).values()) == {first}


@pytest.mark.parametrize("other", [
    event("Talks", VUCIC, HOTI, time=day("2020-09-07"), place=BRUSSELS),  # another day
    event("Attack", VUCIC, HOTI, time=day("2020-07-16"), place=BRUSSELS),  # another family, same day and actors
    event("Agreement", VUCIC, HOTI, time=day("2020-07-16"), place=BRUSSELS),
    event("Talks", VUCIC, HOTI, time=day("2020-07-16"), place=BERLIN),  # another place
    event("Talks", VUCIC, MERKEL, time=day("2020-07-16"), place=BRUSSELS),  # one actor shared, one not
])
def test_other_events_stay_apart(other):
    n = nodes([talks("2020-07-16"), article("2020-07-17", other)])
    assert len(set(n.values())) == 2


def test_a_city_lies_in_its_state():
    n = nodes([talks("2020-07-16"), talks("2020-07-17", day("2020-07-16"), VUCIC, HOTI, place=BELGIUM)])
    assert len(set(n.values())) == 1


def test_a_day_lies_in_its_month_and_year():
    n = nodes([article("2008-02-17", event("DeclarationOfIndependence", KOSOVO, time=day("2008-02-17"))),
               article("2020-07-16", event("DeclarationOfIndependence", KOSOVO, time=year("2008"))),
               article("2020-07-17", event("DeclarationOfIndependence", KOSOVO, SERBIA, time=year("2008"))),
               article("2021-02-17", event("DeclarationOfIndependence", KOSOVO, time=month("2008-02")))])
    assert len(set(n.values())) == 1


def test_a_coarse_date_between_two_events_joins_neither():
    """'met in July': two July meetings of the same leaders are candidates, and a month does not chain them."""
    n = nodes([talks("2020-07-10", day("2020-07-10")), talks("2020-07-16"), talks("2020-08-01", month("2020-07"))])
    assert len(set(n.values())) == 3


def test_undated_joins_only_when_everything_else_is_strong():
    dated = talks("2020-07-16")
    assert len(set(nodes([dated, talks("2020-07-20", None)]).values())) == 1  # same two actors, same place, the one candidate
    assert len(set(nodes([dated, talks("2020-07-20", None, VUCIC, HOTI, place="")]).values())) == 2  # no place
    assert len(set(nodes([dated, talks("2020-07-20", None, VUCIC)]).values())) == 1  # one actor, the same place
    assert len(set(nodes([dated, talks("2020-07-20", None, VUCIC, MERKEL)]).values())) == 2  # actors that disagree
    assert len(set(nodes([talks("2020-07-20", None), talks("2020-07-16")]).values())) == 1
    # published before the meeting, yet says it happened: not that meeting
    assert len(set(nodes([dated, talks("2020-07-01", None)]).values())) == 2
    # two meetings it could be: neither
    two = [dated, talks("2020-09-07", day("2020-09-07")), talks("2020-09-20", None)]
    assert len(set(nodes(two).values())) == 3


def test_one_report_an_article():
    """The article's own resolution kept its two meetings apart: the other report joins one of them at most."""
    both = article("2020-07-17", event("Talks", VUCIC, HOTI, time=day("2020-07-16"), place=BRUSSELS),
                   event("Meeting", VUCIC, HOTI, time=day("2020-07-16")))
    n = nodes([both, talks("2020-07-18")])
    assert len(set(n.values())) == 2


def test_an_article_that_reports_an_event_twice_does_not_split_it_for_the_others():
    twice = article("2020-07-16", event("DeclarationOfIndependence", KOSOVO, time=year("2008")),
                    event("DeclarationOfIndependence", KOSOVO, SERBIA, time=year("2008")))
    others = [article(d, event("DeclarationOfIndependence", KOSOVO, time=year("2008"))) for d in ("2020-07-17", "2020-07-18")]
    n = nodes([twice, *others])
    assert len(set(n.values())) == 2 and n[("2020-07-17", "DeclarationOfIndependence")] == n[("2020-07-18", "DeclarationOfIndependence")]


def test_people_count_for_the_side_they_hold_a_role_in():
    leaders = talks("2020-07-16", day("2020-07-16"), VUCIC, HOTI)
    states = article("2020-07-17", event("Talks", SERBIA, KOSOVO, time=day("2020-07-16")),
                     roles=((VUCIC, SERBIA), (HOTI, KOSOVO)))
    assert len(set(nodes([leaders, states]).values())) == 1


def test_statements_are_not_joined():
    said = [article(d, event("Statement", VUCIC, time=day("2020-07-16"))) for d in ("2020-07-16", "2020-07-17")]
    assert len(set(nodes(said).values())) == 2


@pytest.fixture(scope="module")
def two_reports():
    return link_events([talks("2020-07-16"), talks("2020-07-17", day("2020-07-16"), VUCIC, HOTI, EU)])


def test_each_article_graph_keeps_its_own_evidence_for_the_shared_event(two_reports):
    first, second = two_reports
    node = ids.event_iri(first.article.id, "event-1")
    ds = to_dataset(two_reports)
    for x in two_reports:
        g = ds.graph(ids.article_iri(x.article.id))
        assert (node, KG.reportedIn, ids.article_iri(x.article.id)) in g
        evidence = set(g.objects(node, KG.evidence))
        assert evidence and all((e, KG.sentence, None) in g for e in evidence)
    assert validate(ds).conforms
    ds.remove_graph(ds.graph(ids.article_iri(first.article.id)))
    left = union(ds)
    assert set(left.objects(node, KG.reportedIn)) == {ids.article_iri(second.article.id)}
    assert len(set(left.objects(node, KG.evidence))) == 1 and (node, RDF.type, KG.Talks) in left
    assert validate(ds).conforms  # the merge record of the second article names a report that is gone: still valid


def test_the_merge_is_recorded_in_the_joining_article(two_reports):
    first, second = two_reports
    ds = to_dataset(two_reports)
    g = ds.graph(ids.article_iri(second.article.id))
    (record,) = g.subjects(RDF.type, KG.EventMerge)
    node = ids.event_iri(first.article.id, "event-1")
    assert g.value(record, KG.mergedEvent) == node
    assert g.value(record, KG.matchedArticle) == ids.article_iri(first.article.id)
    assert g.value(record, KG.eventMergeRule) == Literal("same-day")
    assert set(g.objects(record, KG.sharedActor)) == {ids.entity_iri(VUCIC), ids.entity_iri(HOTI)}
    mine, theirs = g.value(record, KG.mergedReport), g.value(record, KG.matchedReport)
    assert (node, KG.evidence, mine) in g
    assert (node, KG.evidence, theirs) in ds.graph(ids.article_iri(first.article.id))
    assert not set(ds.graph(ids.article_iri(first.article.id)).subjects(RDF.type, KG.EventMerge))
    rows = union(ds).query("""SELECT ?rule ?score WHERE { ?m a kg:EventMerge ; kg:eventMergeRule ?rule ; kg:eventMergeScore ?score }""",
                           initNs={"kg": KG._NS})
    assert [(str(r), float(s)) for r, s in rows] == [("same-day", 0.99)]


@pytest.mark.parametrize(("time", "unit"), [(day("2020-07-16"), TIME.unitDay), (month("2020-07"), TIME.unitMonth),
                                            (year("2008"), TIME.unitYear),
                                            (TimeValue("2020-W28", "week", dt.date(2020, 7, 6), dt.date(2020, 7, 12)), TIME.unitWeek),
                                            (TimeValue("2020-06-27/2020-07-01", "range", dt.date(2020, 6, 27),
                                                       dt.date(2020, 7, 1)), TIME.unitWeek),
                                            (TimeValue("1990/1999", "range", dt.date(1990, 1, 1), dt.date(1999, 12, 31)),
                                             TIME.unitYear)])
def test_every_dated_event_says_how_precise_its_date_is(time, unit):
    x = talks("2020-07-16", time)
    g = union(to_dataset([x]))
    assert g.value(ids.event_iri(x.article.id, "event-1"), KG.datePrecision) == unit


def test_a_dated_event_without_its_precision_does_not_conform():
    x = talks("2020-07-16")
    ds = to_dataset([x])
    node = ids.event_iri(x.article.id, "event-1")
    ds.graph(ids.article_iri(x.article.id)).remove((node, KG.datePrecision, None))
    result = validate(ds)
    assert not result.conforms and "datePrecision" in result.report
    ds.graph(ids.article_iri(x.article.id)).add((node, KG.datePrecision, URIRef("http://www.w3.org/2006/time#unitHour")))
    assert not validate(ds).conforms


# ---------------------------------------------------------------- real articles, real model

EVENTS = DATA / "identity" / "events"
SECOND_REPORT = EVENTS / "2020-07-17-vucic-hoti-brussels-dialogue.txt"  # another outlet's report of the seed's talks
SECOND_ROUND = EVENTS / "2020-09-07-vucic-hoti-second-round.txt"  # the same leaders in Brussels again, on another day


def _events_of(ds, kind) -> dict[URIRef, set[URIRef]]:
    """Event node of a class -> the articles reporting it."""
    g = union(ds)
    return {e: set(g.objects(e, KG.reportedIn)) for e in g.subjects(RDF.type, kind)}


@pytest.fixture(scope="module")
def seed_and_second_report():
    from kg.pipeline import build

    result = build([SEED, SECOND_REPORT])
    assert not result.errors
    return result.extractions, to_dataset(result.extractions)


def test_the_brussels_talks_are_one_event_with_evidence_from_both_reports(seed_and_second_report):
    extractions, ds = seed_and_second_report
    articles = {ids.article_iri(x.article.id) for x in extractions}
    g = union(ds)
    on_july_16 = {e for e in _events_of(ds, KG.Talks) if Literal("2020-07-16", datatype=XSD.date) in set(g.objects(e, KG.date))}
    (talks_node,) = on_july_16
    assert set(g.objects(talks_node, KG.reportedIn)) == articles
    assert ids.entity_iri("place-Q239") in set(g.objects(talks_node, KG.place))
    for x in extractions:  # each report's evidence, in its own article's graph
        own = ds.graph(ids.article_iri(x.article.id))
        assert {own.value(e, PROV.wasDerivedFrom) for e in own.objects(talks_node, KG.evidence)} == {ids.article_iri(x.article.id)}
    assert validate(ds).conforms


def test_the_2008_declaration_of_independence_is_one_node(seed_and_second_report):
    extractions, ds = seed_and_second_report
    declarations = _events_of(ds, KG.DeclarationOfIndependence)
    assert list(declarations.values()) == [{ids.article_iri(x.article.id) for x in extractions}]
    (node,) = declarations
    assert set(union(ds).objects(node, KG.datePrecision)) == {TIME.unitYear}


def test_the_merges_say_why(seed_and_second_report):
    _, ds = seed_and_second_report
    rows = union(ds).query("""SELECT ?type ?rule WHERE { ?m a kg:EventMerge ; kg:mergedEvent ?e ; kg:eventMergeRule ?rule .
                              ?e a ?type }""", initNs={"kg": KG._NS})
    found = {(str(t).rsplit("#", 1)[-1], str(r)) for t, r in rows}
    assert {("Talks", "same-day"), ("DeclarationOfIndependence", "same-period")} <= found


def test_two_meetings_of_the_same_leaders_on_different_days_stay_two():
    from kg.pipeline import build

    result = build([SEED, SECOND_ROUND])
    assert not result.errors
    ds = to_dataset(result.extractions)
    talks = _events_of(ds, KG.Talks)
    assert len(talks) == 2 and all(len(articles) == 1 for articles in talks.values())
    assert not set(union(ds).subjects(RDF.type, KG.EventMerge))


def _graphs(ds) -> dict[str, object]:
    return {str(g.identifier): to_isomorphic(g) for g in ds.graphs() if len(g)}


@pytest.mark.slow
def test_one_worker_two_workers_and_the_streamed_build_make_one_graph(tmp_path, monkeypatch):
    from functools import partial

    from kg import pipeline
    from kg.rdf import load

    inputs = [SEED, EVENTS]
    one = pipeline.build(inputs, workers=1)
    monkeypatch.setattr(pipeline, "extract_parallel", partial(pipeline.extract_parallel, chunk=1))  # a chunk an article
    two = pipeline.build(inputs, workers=2)
    stream = pipeline.build_stream(inputs, tmp_path / "journal", workers=2)
    pipeline.write_stream(stream, tmp_path / "g.nq", None, None)
    expected = _graphs(to_dataset(one.extractions))
    assert sum(len(x.event_merges) for x in one.extractions) >= 3
    assert _graphs(to_dataset(two.extractions)) == expected
    assert _graphs(load(tmp_path / "g.nq")) == expected
