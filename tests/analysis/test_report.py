"""kg.analysis.report and `kg analyze`: the files a person opens, and what they hold."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from kg.analysis.project import typed_graph
from kg.analysis.report import analyze, exportable
from kg.cli import main
from kg.graphio import save
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


def test_kg_analyze_leaves_undated_events_out_of_a_period_and_says_how_many(tmp_path, capsys):
    undated = dataset(article("2016-05-01", events=[event("event-vote", "Election", "person-eve", "person-fay", date=None),
                                                    event("event-deal", "Agreement", "person-eve", "person-fay", date="2016-04")]))
    save(undated, tmp_path / "graph.trig")
    graph, out = str(tmp_path / "graph.trig"), str(tmp_path / "out")
    assert main(["analyze", graph, "-o", out, "--start", "2008-01-01", "--end", "2008-12-31"]) == 0
    assert "left out by the date filter: 1 out of range event(s), 1 undated event(s)" in capsys.readouterr().out
    data = json.loads((tmp_path / "out" / "report.json").read_text())
    assert data["summary"]["events"] == 0 and data["filters"]["left_out"] == {"out of range": 1, "undated": 1}
    assert "Left out by the date filter" in (tmp_path / "out" / "report.md").read_text()
    assert main(["analyze", graph, "-o", out, "--start", "2016-01-01", "--include-undated", "--quiet"]) == 0
    assert json.loads((tmp_path / "out" / "report.json").read_text())["summary"]["events"] == 2


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


def _rows(days: list[str]) -> list[dict]:
    """Timeline rows as kg.analysis.metrics.timeline gives them, one per day (YYYY, YYYY-MM or YYYY-MM-DD)."""
    from tests.analysis.graphs import time as period

    rows = []
    for i, day in enumerate(days):
        t = period(day)
        rows.append({"date": day, "earliest": t.earliest.isoformat(), "latest": t.latest.isoformat(), "label": f"event {i}",
                     "type": "Meeting", "participants": ["Alice"], "place": ""})
    return rows


def _texts(fig) -> str:
    return " ".join(t.get_text() for t in fig.texts)


def test_timeline_chart_of_an_archive_bins_by_span_clips_outliers_and_says_so():
    from kg.analysis.report import timeline_figure

    days = [f"{y}-{m:02d}-{d:02d}" for y in (2008, 2009) for m in range(1, 13) for d in (3, 17)] + ["1980"]  # 48 + 1
    fig = timeline_figure(_rows(days) + [{"date": "", "earliest": "", "latest": "", "label": "undated", "type": "Statement",
                                          "participants": [], "place": ""}])
    ax = fig.axes[0]
    assert ax.get_ylabel() == "events per month"  # two years of data: months, not years nor days
    assert fig.get_figheight() <= 4  # a histogram of fixed height, not one row per event
    assert "1 outlier(s)" in _texts(fig) and "1980" in _texts(fig) and "1 undated event(s) not shown" in _texts(fig)
    from matplotlib.dates import num2date

    assert num2date(ax.get_xlim()[0]).year >= 2007  # the axis starts near 2008, not in 1980
    assert sum(p.get_height() for p in ax.patches) == len(days) - 1


@pytest.mark.parametrize("days, unit", [
    ([f"2020-07-{d:02d}" for d in range(1, 29)] * 2, "day"),
    ([f"2020-{m:02d}-15" for m in range(1, 13)] * 4, "week"),
    ([f"{y}-06-01" for y in range(2000, 2020)] * 3, "year"),
])
def test_timeline_bins_follow_the_span(days, unit):
    from kg.analysis.report import timeline_figure

    assert timeline_figure(_rows(days)).axes[0].get_ylabel() == f"events per {unit}"


def test_a_short_timeline_draws_a_month_as_a_bar_over_its_bounds():
    from kg.analysis.report import timeline_figure

    fig = timeline_figure(_rows(["2020-07-16", "2020-06"]))
    spans = [line.get_xdata() for line in fig.axes[0].lines]
    assert len(spans) == 1 and (spans[0][1] - spans[0][0]).days == 29  # 1 to 30 June


def test_centrality_chart_reads_small_scores_relative_to_the_top():
    from kg.analysis.report import centrality_figure

    fig = centrality_figure({"betweenness": [{"label": "A", "score": 0.0005}, {"label": "B", "score": 0.00025}]})
    widths = sorted(p.get_width() for p in fig.axes[0].patches)
    assert widths == [0.5, 1.0]
    assert "0.0005" in " ".join(t.get_text() for t in fig.axes[0].texts)


def test_fighting_and_accusations_count_as_conflict_in_kg_analyze(tmp_path):
    """PLOVER FIGHT and DISAPPROVE (what the lexicon emits for fighting and accusing) are conflict between the states
    involved, DEMAND and INVESTIGATE neutral, CONSULT cooperation: kg analyze's state relations read them from
    plover_polarity.csv (they once counted fighting and accusations as neutral)."""
    ds = dataset(article("2020-07-10", events=[
        event("event-fighting", "Fighting", "state-borduria", "state-ruritania", date="2020-07-10", plover="FIGHT"),
        event("event-accusation", "Accusation", date="2020-07-10", plover="DISAPPROVE", speaker=["state-borduria"],
              target=["state-ruritania"]),
        event("event-demand", "Demand", date="2020-07-10", plover="DEMAND", speaker=["state-ruritania"], target=["state-borduria"]),
        event("event-investigation", "Investigation", "state-borduria", "state-ruritania", date="2020-07-10", plover="INVESTIGATE"),
        event("event-talks", "Talks", "state-borduria", "state-ruritania", date="2020-07-10", plover="CONSULT"),
    ]))
    graph = tmp_path / "graph.trig"
    save(ds, graph)
    assert main(["analyze", str(graph), "-o", str(tmp_path / "report"), "--quiet"]) == 0
    data = json.loads((tmp_path / "report" / "report.json").read_text())
    assert data["state_relations"] == [{"states": ["Borduria", "Ruritania"], "cooperation": 1, "conflict": 2, "neutral": 2, "total": 5}]
    assert "| Borduria – Ruritania | 1 | 2 | 2 |" in (tmp_path / "report" / "report.md").read_text()
    from kg.analysis.project import state_relations

    polarity = {data["plover"]: data["polarity"] for _, _, data in state_relations(ds).edges(data=True)}
    assert polarity == {"FIGHT": "conflict", "DISAPPROVE": "conflict", "DEMAND": "neutral", "INVESTIGATE": "neutral",
                        "CONSULT": "cooperation"}
