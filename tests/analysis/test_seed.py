"""The seed article (examples/, gold in tests/data/gold): the dialogue's network, as a careful analyst reads it.

Each check runs twice: on the gold facts written as a graph by kg.rdf (the
analysis must get the analyst's answers from the analyst's facts), and on
the graph `kg.pipeline.build` extracts from the article (the whole chain).
"""
from __future__ import annotations

import pytest

from kg.analysis import metrics
from kg.analysis.project import coparticipation, find_node
from kg.rdf import to_dataset
from tests.analysis.graphs import SEED_TEXT, dataset, gold_extraction


@pytest.fixture(scope="module")
def gold_graph():
    return coparticipation(dataset(gold_extraction()))


@pytest.fixture(scope="module")
def built_graph():
    from kg.pipeline import build

    result = build([SEED_TEXT])
    return coparticipation(to_dataset(result.extractions))



@pytest.fixture(params=["gold", "built"])
def graph(request):
    return request.getfixturevalue(f"{request.param}_graph")


def test_vucic_and_hoti_share_the_most_events(graph):
    top = metrics.dyads(graph, top=2)
    assert top[0]["labels"] == ["Aleksandar Vucic", "Avdullah Hoti"]
    assert len(top) == 1 or top[0]["weight"] > top[1]["weight"]


def test_the_eu_mediates_their_dyad(graph):
    vucic, hoti, eu = (find_node(graph, n) for n in ("Aleksandar Vucic", "Avdullah Hoti", "European Union"))
    assert eu in graph.edges[vucic, hoti]["mediators"]


def test_merkel_reaches_thaci_through_the_july_10_summit_and_vucic(graph):
    path = metrics.explained_path(graph, "Angela Merkel", "Hashim Thaci")
    assert [(h["from_label"], h["to_label"]) for h in path["hops"]] == [("Angela Merkel", "Aleksandar Vucic"),
                                                                       ("Aleksandar Vucic", "Hashim Thaci")]
    summit = path["hops"][0]["events"]
    assert [e["date"] for e in summit] == ["2020-07-10"]
    assert "video summit hosted by French President Emmanuel Macron and German Chancellor Angela Merkel" in summit[0]["sentence"]
    assert "White House summit" in path["hops"][1]["events"][0]["sentence"]
