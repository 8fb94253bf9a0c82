"""kg.analysis.project on graphs small enough to check by hand."""
from __future__ import annotations

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from kg.analysis.project import (
    actor_event_graph,
    coparticipation,
    ego,
    facts,
    find_node,
    polarity,
    polarity_table,
    state_relations,
    typed_graph,
)
from kg.errors import GraphError
from kg.graphio import save
from tests.analysis.graphs import article, article_ids, dataset, event

E = "https://w3id.org/newskg/id/entity/"

# July 2020: Alice (Borduria's president) and Bob (Ruritania's PM) meet twice, Carol mediating the second time;
# Bob accuses Borduria (no date); Ruritania sanctions Borduria in 2018-11; Borduria rejects Ruritania.
A1 = article("2020-07-10", events=[
    event("event-talks", "Negotiation", "person-alice", "person-bob", date="2020-07-10", plover="CONSULT", place="place-zenda"),
], roles=[("person-alice", "President", "state-borduria"), ("person-bob", "Prime Minister", "state-ruritania")],
    mentions={"person-alice": 8})
A2 = article("2020-07-20", events=[
    event("event-meeting", "Meeting", "person-alice", "person-bob", date="2020-07-20", plover="CONSULT", mediator=["person-carol"]),
    event("event-accusation", "Statement", date=None, plover="ACCUSE", speaker=["person-bob"], target=["state-borduria"]),
    event("event-tariff", "TradeMeasure", "state-ruritania", date="2018-11", plover="SANCTION", target=["state-borduria"]),
], relations=[("state-borduria", "rejects", "state-ruritania"), ("org-union", "mediates", "event-meeting")])


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return dataset(A1, A2)


def labels(g: nx.Graph, nodes) -> list[str]:
    return sorted(g.nodes[n]["label"] for n in nodes)


def test_typed_graph_nodes_carry_kind_type_date_and_articles(ds):
    g = typed_graph(ds)
    assert {(d["label"], d["kind"], d["type"]) for d in g.nodes.values() if d["kind"] != "event"} == {
        ("Alice", "actor", "Person"), ("Bob", "actor", "Person"), ("Carol", "actor", "Person"), ("Union", "actor", "Organization"),
        ("Borduria", "actor", "State"), ("Ruritania", "actor", "State"), ("Zenda", "place", "Place")}
    events = {d["label"]: d for d in g.nodes.values() if d["kind"] == "event"}
    assert {k: (v["type"], v["date"]) for k, v in events.items()} == {
        "event talks": ("Negotiation", "2020-07-10"), "event meeting": ("Meeting", "2020-07-20"),
        "event accusation": ("Statement", ""), "event tariff": ("TradeMeasure", "2018-11")}
    a1, a2 = article_ids(ds)
    assert g.nodes[E + "person-alice"]["articles"] == [a1, a2]
    assert events["event talks"]["evidence"] == [
        {"sentence": "event-talks happened.", "article": a1, "headline": "", "date": "2020-07-10", "start": 0, "end": 5}]


def test_evidence_is_capped_at_five_per_node(ds):
    assert len(typed_graph(ds).nodes[E + "person-alice"]["evidence"]) == 5


def test_typed_graph_edges_are_keyed_by_relation_and_finer_roles_hide_participant(ds):
    g = typed_graph(ds)
    edges = {(g.nodes[u]["label"], k, g.nodes[v]["label"]) for u, v, k in g.edges(keys=True)}
    assert edges == {
        ("event talks", "participant", "Alice"), ("event talks", "participant", "Bob"), ("event talks", "place", "Zenda"),
        ("event meeting", "participant", "Alice"), ("event meeting", "participant", "Bob"), ("event meeting", "mediator", "Carol"),
        ("event accusation", "speaker", "Bob"), ("event accusation", "target", "Borduria"),
        ("event tariff", "participant", "Ruritania"), ("event tariff", "target", "Borduria"),
        ("Alice", "roleOf", "Borduria"), ("Bob", "roleOf", "Ruritania"),
        ("Borduria", "rejects", "Ruritania"), ("Union", "mediates", "event meeting"),
    }
    assert g.edges[E + "person-bob", E + "state-ruritania", "roleOf"]["label"] == "Prime Minister"
    assert g.edges[E + "state-borduria", E + "state-ruritania", "rejects"]["evidence"][0]["sentence"] == "Borduria rejects state-ruritania."


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, ["event accusation", "event meeting", "event talks", "event tariff"]),
    ({"end": "2020-07-15"}, ["event talks", "event tariff"]),  # a date filter leaves the undated accusation out
    ({"end": "2020-07-15", "include_undated": True}, ["event accusation", "event talks", "event tariff"]),  # no lower bound
    ({"start": "2020-07-11"}, ["event meeting"]),
    ({"start": "2020-07-11", "include_undated": True}, ["event accusation", "event meeting"]),  # bounded by its article (07-20)
    ({"start": "2018-11-30", "end": "2018-12-31"}, ["event tariff"]),  # the month 2018-11 overlaps: placed by its bounds
    ({"start": "2018-12-01", "end": "2018-12-31"}, []),
    ({"start": "2018-12-01", "end": "2018-12-31", "include_undated": True}, ["event accusation"]),
    ({"start": "2020-07-21", "include_undated": True}, []),
    ({"articles": "first"}, ["event talks"]),
])
def test_time_and_article_filters(ds, filters, expected):
    if filters.get("articles") == "first":
        filters = {"articles": article_ids(ds)[:1]}
    g = typed_graph(ds, **filters)
    assert sorted(d["label"] for d in g.nodes.values() if d["kind"] == "event") == expected


def test_a_date_filter_says_how_many_events_it_left_out(ds):
    assert facts(ds).left_out == {}
    assert facts(ds, start="2018-12-01", end="2018-12-31").left_out == {"out of range": 3, "undated": 1}
    assert facts(ds, start="2018-12-01", end="2018-12-31", include_undated=True).left_out == {"out of range": 3}
    assert typed_graph(ds, end="2020-07-15").graph["left_out"] == {"out of range": 1, "undated": 1}


def test_as_of_a_date_drops_later_relations_and_roles(ds):
    g = typed_graph(ds, end="2020-07-15")
    assert sorted(k for *_, k in g.edges(keys=True) if k in ("rejects", "mediates", "roleOf")) == ["roleOf", "roleOf"]


def test_article_filter_accepts_iris(ds):
    first = article_ids(ds)[0]
    assert typed_graph(ds, articles=[f"https://w3id.org/newskg/id/article/{first}"]).number_of_nodes() == typed_graph(
        ds, articles=[first]).number_of_nodes()


def test_actor_event_graph_is_bipartite(ds):
    g = actor_event_graph(ds)
    actors = {n for n, d in g.nodes(data=True) if d["bipartite"] == 0}
    assert labels(g, actors) == ["Alice", "Bob", "Borduria", "Carol", "Ruritania"]
    assert nx.is_bipartite(g)
    assert g.edges[E + "person-carol", next(n for n in g if n.endswith("event-meeting"))]["roles"] == ["mediator"]


def test_coparticipation_weights_events_and_mediators(ds):
    g = coparticipation(ds)
    ties = {tuple(labels(g, (u, v))): d["weight"] for u, v, d in g.edges(data=True)}
    assert ties == {("Alice", "Bob"): 2, ("Alice", "Carol"): 1, ("Bob", "Carol"): 1, ("Bob", "Borduria"): 1, ("Borduria", "Ruritania"): 1}
    ab = g.edges[E + "person-alice", E + "person-bob"]
    assert [e.rsplit("-", 1)[-1] for e in ab["events"]] == ["talks", "meeting"]  # by date
    assert ab["mediators"] == [E + "org-union", E + "person-carol"]  # a kg:mediates relation, and a role
    assert set(g.graph["events"]) == {e for _, _, d in g.edges(data=True) for e in d["events"]}


def test_state_relations_lift_people_to_their_states_with_polarity(ds):
    g = state_relations(ds)
    rows = sorted((g.nodes[u]["label"], g.nodes[v]["label"], d["kind"], d["label"], d["polarity"]) for u, v, d in g.edges(data=True))
    assert rows == [
        ("Borduria", "Ruritania", "event", "event accusation", "conflict"),
        ("Borduria", "Ruritania", "event", "event meeting", "cooperation"),
        ("Borduria", "Ruritania", "event", "event talks", "cooperation"),
        ("Borduria", "Ruritania", "event", "event tariff", "conflict"),
        ("Borduria", "Ruritania", "relation", "rejects", "conflict"),
    ]
    talks = next(d for *_, d in g.edges(data=True) if d["label"] == "event talks")
    assert labels(g, []) == [] and sorted(talks["via"]) == [E + "person-alice", E + "person-bob"]


@pytest.mark.parametrize(("code", "kind", "expected"), [
    ("AGREE", "plover", "cooperation"), ("consult", "plover", "cooperation"), ("RETREAT", "plover", "cooperation"),
    ("REQUEST", "plover", "neutral"), ("ASSAULT", "plover", "conflict"), ("SANCTION.tariff", "plover", "conflict"),
    ("", "plover", "neutral"), ("UNKNOWN", "plover", "neutral"),
    ("rejects", "relation", "conflict"), ("opposes", "relation", "conflict"), ("mediates", "relation", "cooperation"),
    ("supports", "relation", "cooperation"), ("allyOf", "relation", "cooperation"), ("formerPartOf", "relation", "neutral"),
])
def test_polarity(code, kind, expected):
    assert polarity(code, kind) == expected


def test_every_plover_type_has_a_polarity():
    plover = {code for kind, code in polarity_table() if kind == "plover"}
    gsr_labels = {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"}  # the PLOVER 0.x labels the event lexicon emits
    assert plover == {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
                      "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"} | gsr_labels


def _edges(g: nx.Graph) -> set[tuple[str, str, int]]:
    return {(*sorted((u, v)), d["weight"]) for u, v, d in g.edges(data=True)}


@pytest.mark.parametrize("source", ["dataset", "trig", "nq", "ttl", "jsonld", "pyoxigraph", "oxrdflib"])
def test_every_source_gives_the_same_projection(ds, tmp_path, source):
    if source in ("trig", "nq", "ttl", "jsonld"):
        path = tmp_path / f"graph.{source}"
        save(ds, path)
        given = str(path)
    elif source == "pyoxigraph":
        given = ox.Store()
        given.load(ds.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)
    elif source == "oxrdflib":
        given = Dataset(store="Oxigraph")
        given.parse(data=ds.serialize(format="nquads"), format="nquads")
    else:
        given = ds
    assert _edges(coparticipation(given)) == _edges(coparticipation(ds))


def test_a_store_directory(ds, tmp_path):
    store = pytest.importorskip("kg.store")
    store.load_dataset(ds, tmp_path / "store")
    assert _edges(coparticipation(tmp_path / "store")) == _edges(coparticipation(ds))


def test_a_plain_graph_of_triples(ds):
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    assert _edges(coparticipation(g)) == _edges(coparticipation(ds))


@pytest.mark.parametrize(("name", "content", "code"), [("missing.trig", None, "E010"), ("broken.trig", "<a> <b> .", "E020"),
                                                       ("graph.xyz", "", "E020")])
def test_unusable_paths_are_coded_errors(tmp_path, name, content, code):
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(GraphError) as err:
        facts(path)
    assert err.value.code == code


def test_an_unknown_source_type_is_a_type_error():
    with pytest.raises(TypeError):
        facts(42)


def test_ego_keeps_nodes_within_the_radius(ds):
    g = coparticipation(ds)
    assert labels(g, ego(g, E + "person-carol")) == ["Alice", "Bob", "Carol"]
    assert labels(g, ego(g, E + "person-carol", radius=2)) == ["Alice", "Bob", "Borduria", "Carol"]
    assert labels(g, ego(g, E + "state-ruritania", radius=3)) == ["Alice", "Bob", "Borduria", "Carol", "Ruritania"]


@pytest.mark.parametrize(("name", "expected"), [("Alice", "person-alice"), ("alice", "person-alice"), ("ÁLICE", "person-alice"),
                                                (E + "person-bob", "person-bob"), ("Ruritania", "state-ruritania")])
def test_find_node(ds, name, expected):
    assert find_node(typed_graph(ds), name) == E + expected


def test_find_node_refuses_unknown_names(ds):
    with pytest.raises(KeyError):
        find_node(typed_graph(ds), "Zorro")


def test_an_empty_dataset_projects_to_empty_graphs():
    assert typed_graph(Dataset()).number_of_nodes() == coparticipation(Dataset()).number_of_nodes() == 0
