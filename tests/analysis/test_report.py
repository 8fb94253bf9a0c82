"""kg.analysis.report and `kg analyze`: the files a person opens, and what they hold."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from kg.analysis.project import typed_graph
from kg.analysis.report import analyze, exportable
from kg.cli import main
from kg.rdf import save
from tests.analysis.graphs import article, dataset, event

DS = dataset(
    article("2020-07-10", events=[event("event-talks", "Negotiation", "person-alice", "person-bob", date="2020-07-10",
                                        plover="CONSULT", place="place-zenda")],
            roles=[("person-alice", "President", "state-borduria")]),
    article("2020-07-20", events=[event("event-meeting", "Meeting", "person-alice", "person-bob", date="2020-07-20",
                                        mediator=["person-carol"]),
                                  event("event-visit", "Visit", "person-carol", "person-dan", date="2020-07-21")]),
)
FILES = ["centrality.png", "graph.gexf", "graph.graphml", "report.json", "report.md", "timeline.png"]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    path = tmp_path_factory.mktemp("report")
    analyze(DS, path, top=3)
    return path


def test_every_file_is_written(out):
    assert sorted(p.name for p in out.iterdir()) == FILES
    for png in ("centrality.png", "timeline.png"):
        assert (out / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_report_json_holds_every_section(out):
    data = json.loads((out / "report.json").read_text())
    assert data["summary"]["events"] == 3
    # Carol is tied to Alice, Bob and Dan (3 of 3); Alice and Bob to two others each
    assert [(r["label"], round(r["score"], 3)) for r in data["centrality"]["degree"]] == [("Carol", 1.0), ("Alice", 0.667), ("Bob", 0.667)]
    assert data["centrality"]["betweenness"][0]["label"] == "Carol"  # the only tie between Alice-Bob and Dan
    assert data["dyads"][0] == {"actors": data["dyads"][0]["actors"], "labels": ["Alice", "Bob"], "weight": 2,
                                "events": data["dyads"][0]["events"], "mediators": ["Carol"], "hosts": []}
    assert sorted(m for c in data["communities"] for m in c["members"]) == ["Alice", "Bob", "Carol", "Dan"]
    assert [r["date"] for r in data["timeline"]] == ["2020-07-10", "2020-07-20", "2020-07-21"]
    assert data["files"] == FILES


def test_report_md_tells_the_same_story(out):
    text = (out / "report.md").read_text()
    assert "| Alice – Bob | 2 | Carol |  |" in text
    assert "| 2020-07-10 | event talks | Negotiation | Alice, Bob | Zenda |" in text


@pytest.mark.parametrize(("name", "read"), [("graph.graphml", nx.read_graphml), ("graph.gexf", nx.read_gexf)])
def test_gephi_files_reopen_with_every_node_and_edge(out, name, read):
    typed = typed_graph(DS)
    g = read(out / name)
    assert (g.number_of_nodes(), g.number_of_edges()) == (typed.number_of_nodes(), typed.number_of_edges())
    alice = next(d for d in g.nodes.values() if d.get("label") == "Alice")
    assert alice["kind"] == "actor" and "community" in alice and json.loads(alice["evidence"])[0]["sentence"]


def test_exportable_turns_lists_into_strings():
    g = nx.MultiDiGraph()
    g.add_node("n", articles=["a1", "a2"], evidence=[{"sentence": "s"}], score=0.5, date=None)
    g.add_edge("n", "n", key="k", events=["e"])
    flat = exportable(g)
    assert flat.nodes["n"] == {"articles": "a1|a2", "evidence": '[{"sentence": "s"}]', "score": 0.5, "date": ""}
    assert flat.edges["n", "n", "k"] == {"events": "e"}


def test_kg_analyze_on_a_graph_file(tmp_path, capsys):
    save(DS, tmp_path / "graph.trig")
    assert main(["analyze", str(tmp_path / "graph.trig"), "-o", str(tmp_path / "out"), "--end", "2020-07-15", "--quiet"]) == 0
    data = json.loads((tmp_path / "out" / "report.json").read_text())
    assert (data["summary"]["events"], data["filters"]["end"]) == (1, "2020-07-15")


@pytest.mark.parametrize("argv", [["analyze", "{tmp}/missing.trig", "-o", "{tmp}/out"],
                                  ["analyze", "{tmp}/graph.trig", "-o", "{tmp}/out", "--start", "July"]])
def test_kg_analyze_refuses_bad_input_with_status_2(tmp_path, argv, capsys):
    save(DS, tmp_path / "graph.trig")
    argv = [a.format(tmp=tmp_path) for a in argv]
    try:
        status = main(argv)
    except SystemExit as exc:  # argparse rejects the date
        status = exc.code
    assert status == 2
    assert "error" in capsys.readouterr().err


def test_kg_analyze_has_help(capsys):
    with pytest.raises(SystemExit):
        main(["analyze", "--help"])
    assert "report.md" in capsys.readouterr().out
