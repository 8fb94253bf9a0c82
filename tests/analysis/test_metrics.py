"""kg.analysis.metrics: answers worked out by hand on tiny graphs."""
from __future__ import annotations

import networkx as nx
import pytest

from kg.analysis import metrics
from kg.analysis.project import coparticipation, typed_graph
from tests.analysis.graphs import article, dataset, event

STAR = nx.star_graph(["c", "x", "y", "z"])  # c tied to x, y and z
PATH = nx.path_graph(["a", "b", "c"])


def rounded(scores: dict, digits: int = 4) -> dict:
    return {k: round(v, digits) for k, v in scores.items()}


@pytest.mark.parametrize(("fn", "graph", "expected"), [
    (metrics.degree, PATH, {"a": 0.5, "b": 1.0, "c": 0.5}),
    (metrics.degree, STAR, {"c": 1.0, "x": 0.3333, "y": 0.3333, "z": 0.3333}),
    (metrics.betweenness, PATH, {"a": 0.0, "b": 1.0, "c": 0.0}),  # b is on the one a-c path: 1 of 1 pair
    (metrics.betweenness, STAR, {"c": 1.0, "x": 0.0, "y": 0.0, "z": 0.0}),
    (metrics.eigenvector, PATH, {"a": 0.5, "b": 0.7071, "c": 0.5}),  # eigenvector (1, sqrt 2, 1) normalised
    # x_b = 0.05 + 0.85 (x_a + x_c), x_a = 0.05 + 0.85 x_b / 2  =>  x_a = 0.07125 / 0.2775
    (metrics.pagerank, PATH, {"a": 0.2568, "b": 0.4865, "c": 0.2568}),
    # x_leaf = 0.0375 + 0.85 x_c / 3, x_c = 0.0375 + 0.85 * 3 x_leaf  =>  x_leaf = 0.048125 / 0.2775
    (metrics.pagerank, STAR, {"c": 0.4797, "x": 0.1734, "y": 0.1734, "z": 0.1734}),
])
def test_centralities_by_hand(fn, graph, expected):
    assert rounded(fn(graph)) == expected


def test_pagerank_of_isolated_nodes_is_uniform_and_sums_to_one():
    g = nx.Graph([("a", "b")])
    g.add_node("lone")
    scores = metrics.pagerank(g)
    assert round(sum(scores.values()), 9) == 1.0
    assert scores["a"] == pytest.approx(scores["b"])


def test_weights_count_in_pagerank():
    g = nx.Graph([("hub", "strong", {"weight": 3}), ("hub", "weak", {"weight": 1})])
    scores = metrics.pagerank(g)
    assert scores["strong"] > scores["weak"]


def test_multigraphs_collapse_to_summed_weights():
    g = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("a", "c")])
    s = metrics.simple(g)
    assert (s.edges["a", "b"]["weight"], s.edges["a", "c"]["weight"], s.is_directed()) == (2, 1, False)


TWO_CAMPS = nx.Graph([("a1", "a2"), ("a2", "a3"), ("a1", "a3"), ("b1", "b2"), ("b2", "b3"), ("b1", "b3"), ("a3", "b1")])


def test_communities_split_two_camps_with_a_fixed_seed():
    groups = metrics.communities(TWO_CAMPS)
    assert groups == metrics.communities(TWO_CAMPS)
    camps = {frozenset(n for n, c in groups.items() if c == i) for i in set(groups.values())}
    assert camps == {frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2", "b3"})}


def test_brokers_are_the_bridgeheads_between_camps():
    found = metrics.brokers(TWO_CAMPS)
    assert set(found) == {"a3", "b1"}
    # a3 lies on every path from a1 or a2 to b1, b2, b3: 6 pairs, normalised by (n-1)(n-2)/2 = 10
    assert found["a3"]["betweenness"] == pytest.approx(6 / 10)
    assert found["a3"]["bridges"] == [0, 1]


def test_in_a_single_community_the_go_between_is_the_broker():
    # one community: b ties nothing across camps, but without it a and c are cut off
    assert {n: (b["bridges"], b["splits"]) for n, b in metrics.brokers(PATH).items()} == {"b": ([0], 2)}


def test_a_clique_has_no_broker():
    assert metrics.brokers(nx.complete_graph(["a", "b", "c", "d"])) == {}


def test_ego_network_distances():
    assert metrics.ego_network(TWO_CAMPS, "a1", radius=2) == {"a1": 0, "a2": 1, "a3": 1, "b1": 2}


def test_ranked_breaks_ties_by_label():
    g = nx.Graph()
    g.add_nodes_from([("n1", {"label": "Zed"}), ("n2", {"label": "Amy"})])
    assert [r["label"] for r in metrics.ranked(g, {"n1": 1.0, "n2": 1.0})] == ["Amy", "Zed"]


# A and D are linked through B (one shared event each) or through C (two each): the stronger chain wins.
DIAMOND = dataset(article("2021-03-01", events=[
    event("event-ab", "Meeting", "person-a", "person-b", date="2021-03-01", sentence="A met B."),
    event("event-bd", "Meeting", "person-b", "person-d", date="2021-03-02", sentence="B met D."),
    event("event-ac1", "Meeting", "person-a", "person-c", date="2021-02-01", sentence="A met C in February."),
    event("event-ac2", "Meeting", "person-a", "person-c", date="2021-02-20", sentence="A met C again."),
    event("event-cd1", "Meeting", "person-c", "person-d", date="2021-02-03", sentence="C met D."),
    event("event-cd2", "Talks", "person-c", "person-d", date="2021-02-28", sentence="C called D."),
    event("event-lone", "Statement", "person-e", date="2021-03-05"),
]))


def test_explained_path_prefers_the_strongest_of_the_shortest_chains():
    p = metrics.explained_path(DIAMOND, "A", "D")
    assert p["found"]
    assert [(h["from_label"], h["to_label"]) for h in p["hops"]] == [("A", "C"), ("C", "D")]
    assert [(e["date"], e["sentence"]) for e in p["hops"][0]["events"]] == [("2021-02-01", "A met C in February."),
                                                                           ("2021-02-20", "A met C again.")]
    assert [e["type"] for e in p["hops"][1]["events"]] == ["Meeting", "Talks"]


def test_explained_path_accepts_a_coparticipation_graph():
    assert metrics.explained_path(coparticipation(DIAMOND), "A", "B")["hops"][0]["events"][0]["sentence"] == "A met B."


def test_no_chain_is_not_found():
    g = coparticipation(DIAMOND)
    g.add_node("https://w3id.org/newskg/id/entity/person-z", label="Z")
    p = metrics.explained_path(g, "A", "Z")
    assert (p["found"], p["hops"]) == (False, [])


def test_explained_path_refuses_unknown_actors():
    with pytest.raises(KeyError):
        metrics.explained_path(DIAMOND, "A", "Nobody")


@pytest.mark.parametrize(("freq", "expected"), [
    ("month", {"A": {"2021-02": 2, "2021-03": 1}, "C": {"2021-02": 4}}),
    ("week", {"A": {"2021-W05": 1, "2021-W07": 1, "2021-W09": 1}, "C": {"2021-W05": 2, "2021-W07": 1, "2021-W08": 1}}),
    ("year", {"A": {"2021": 3}, "C": {"2021": 4}}),
])
def test_activity_per_period(freq, expected):
    for graph in (coparticipation(DIAMOND), typed_graph(DIAMOND)):
        by_label = {graph.nodes[n]["label"]: c for n, c in metrics.activity(graph, freq=freq).items()}
        assert {k: by_label[k] for k in expected} == expected


def test_activity_refuses_unknown_periods():
    with pytest.raises(ValueError):
        metrics.activity(coparticipation(DIAMOND), freq="fortnight")


def test_dyads_busiest_first():
    rows = metrics.dyads(coparticipation(DIAMOND))
    assert [(r["labels"], r["weight"]) for r in rows] == [(["A", "C"], 2), (["C", "D"], 2), (["A", "B"], 1), (["B", "D"], 1)]


def test_timeline_in_date_order_undated_last():
    ds = dataset(article("2021-03-01", events=[
        event("event-late", "Meeting", "person-a", date="2021-03-01", place="place-rome"),
        event("event-undated", "Statement", speaker=["person-a"]),
        event("event-early", "Summit", "person-b", date="2020", host=["person-c"]),
    ]))
    rows = metrics.timeline(typed_graph(ds))
    assert [(r["label"], r["date"], r["place"], r["participants"]) for r in rows] == [
        ("event early", "2020", "", ["B", "C"]), ("event late", "2021-03-01", "Rome", ["A"]), ("event undated", "", "", ["A"])]
    assert rows[0]["roles"] == {"host": ["C"], "participant": ["B"]}
    assert [r["label"] for r in metrics.timeline(typed_graph(ds), actors=["C"])] == ["event early"]
