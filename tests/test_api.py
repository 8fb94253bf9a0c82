"""kg.open: the analyst's desk of DataFrames and graphs, on hand-built graphs and the seed, checked against SPARQL."""
from __future__ import annotations

import re
import subprocess
import sys

import pandas as pd
import pytest

import kg
from kg.api import ACTOR_COLUMNS, EVENT_COLUMNS, TIMELINE_COLUMNS
from kg.errors import QueryError
from kg.query import select
from tests.analysis.graphs import article, dataset, event
from tests.conftest import ROOT

# Borduria and Ruritania: talks on a day, a tariff dated by a month, a treaty by a year, an undated accusation.
A1 = article("2020-07-10", events=[
    event("event-talks", "Talks", "person-alice", "person-bob", date="2020-07-10", plover="CONSULT", place="place-zenda"),
], roles=[("person-alice", "President", "state-borduria")])
A2 = article("2020-07-20", events=[
    event("event-accusation", "Statement", date=None, plover="ACCUSE", speaker=["person-bob"], target=["state-borduria"]),
    event("event-tariff", "TradeMeasure", "state-ruritania", date="2020-06", plover="SANCTION", target=["state-borduria"]),
    event("event-treaty", "Agreement", "state-ruritania", "state-borduria", date="2019"),
])


@pytest.fixture(scope="module")
def desk() -> kg.api.Desk:
    return kg.open(dataset(A1, A2))


def test_import_kg_imports_nothing_heavy():
    code = "import sys, kg; print(sorted(m for m in ('pandas', 'pyoxigraph', 'rdflib', 'networkx', 'spacy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_events_have_the_documented_columns_and_dtypes(desk):
    ev = desk.events()
    assert list(ev.columns) == list(EVENT_COLUMNS)
    assert {c: str(t) for c, t in ev.dtypes.items()} == EVENT_COLUMNS
    rows = {r.label: r for r in ev.itertuples()}
    assert (rows["event talks"].type, rows["event talks"].date, rows["event talks"].precision) == ("Talks", "2020-07-10", "day")
    assert rows["event talks"].place_label == "Zenda" and rows["event talks"].participant == "Alice; Bob"
    assert (rows["event tariff"].precision, rows["event tariff"].earliest, rows["event tariff"].latest) == (
        "month", pd.Timestamp("2020-06-01"), pd.Timestamp("2020-06-30"))
    assert rows["event accusation"].speaker == "Bob" and rows["event accusation"].target == "Borduria"
    assert pd.isna(rows["event accusation"].date) and pd.isna(rows["event accusation"].precision)
    assert rows["event treaty"].plover is pd.NA or pd.isna(rows["event treaty"].plover)


def test_events_sort_by_time_with_undated_last(desk):
    assert list(desk.events()["label"]) == ["event treaty", "event tariff", "event talks", "event accusation"]
    assert list(desk.timeline()["label"]) == ["event treaty", "event tariff", "event talks", "event accusation"]


@pytest.mark.parametrize(("filters", "expected", "left"), [
    ({"start": "2020-06-15", "end": "2020-07-31"}, ["event tariff", "event talks"], {"out of range": 1, "undated": 1}),
    ({"start": "2020-06-15", "end": "2020-07-31", "include_undated": True}, ["event tariff", "event talks", "event accusation"],
     {"out of range": 1}),
    ({"start": "2020-06-30", "end": "2020-06-30"}, ["event tariff"], {"out of range": 2, "undated": 1}),  # a month: its bounds
    ({"start": "2019-12-31", "end": "2020-01-01"}, ["event treaty"], {"out of range": 2, "undated": 1}),  # a year: its bounds
    ({"start": "2020-07-21", "include_undated": True}, [], {"out of range": 4}),  # undated, but its article is older
    ({}, ["event treaty", "event tariff", "event talks", "event accusation"], {}),
])
def test_a_date_filter_leaves_undated_events_out_and_says_so(desk, filters, expected, left):
    ev = desk.events(**filters)
    assert list(ev["label"]) == expected
    assert ev.attrs["left_out"] == left


def test_the_desk_agrees_with_the_projection_on_what_a_filter_keeps(desk):
    filters = {"start": "2020-06-15", "end": "2020-07-31"}
    g = desk.graph("typed", **filters)
    assert sorted(d["label"] for d in g.nodes.values() if d["kind"] == "event") == sorted(desk.events(**filters)["label"])
    assert g.graph["left_out"] == desk.events(**filters).attrs["left_out"]


def test_an_empty_store_gives_empty_tables_of_the_same_shape():
    import pyoxigraph as ox

    empty = kg.open(ox.Store())
    assert {c: str(t) for c, t in empty.events().dtypes.items()} == EVENT_COLUMNS
    assert (len(empty.events()), len(empty.actors()), list(empty.timeline().columns)) == (0, 0, list(TIMELINE_COLUMNS))


def test_actors_have_the_documented_columns(desk):
    a = desk.actors()
    assert list(a.columns) == list(ACTOR_COLUMNS)
    assert {c: str(t) for c, t in a.dtypes.items()} == ACTOR_COLUMNS
    counts = dict(zip(a["label"], a["events"], strict=True))
    assert counts == {"Alice": 1, "Bob": 2, "Borduria": 3, "Ruritania": 2}
    assert "Zenda" not in counts and "Zenda" in set(desk.actors(types=["Place"])["label"])


def test_timeline_of_an_actor(desk):
    tl = desk.timeline("Bob")
    assert list(tl.columns) == list(TIMELINE_COLUMNS)
    assert list(tl["label"]) == ["event talks", "event accusation"]
    assert tl.iloc[1]["participant"] == "Bob; Borduria"
    with pytest.raises(QueryError, match="E041"):
        desk.timeline("Nobody Known")


def test_query_puts_labels_beside_iris_and_types_values(desk):
    q = desk.query("SELECT ?e ?d ?n WHERE { ?e kg:date ?d . BIND(STRLEN(STR(?d)) AS ?n) } ORDER BY ?e")
    assert list(q.columns) == ["e", "e_label", "d", "n"]
    assert str(q["n"].dtype) == "Int64" and sorted(q["e_label"]) == ["event talks", "event tariff", "event treaty"]
    days = desk.query("SELECT ?d WHERE { ?e kg:earliest ?d }")
    assert str(days["d"].dtype).startswith("datetime64")
    canned = desk.query("event-actors", actor="Alice")
    assert set(canned["actorNode_label"]) == {"Alice"}
    with pytest.raises(QueryError, match="E041"):
        desk.query("no-such-query")


@pytest.mark.parametrize("kind", ["actors", "typed", "actor-event", "states"])
def test_graph_kinds(desk, kind):
    assert desk.graph(kind).number_of_nodes() > 0


def test_seed_events_round_trip_against_sparql(seed_dataset):
    desk = kg.open(seed_dataset)
    n = select(desk.store, "PREFIX kg: <https://w3id.org/newskg/ontology#> SELECT (COUNT(DISTINCT ?e) AS ?n) "
                           "WHERE { ?e kg:reportedIn ?a }")[0]["n"]
    ev = desk.events()
    assert len(ev) == int(n) and ev["event"].is_unique
    assert "Aleksandar Vucic" in set(desk.actors()["label"])


def test_the_readme_example_runs(tmp_path, seed_dataset):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Python API"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    assert len(code.strip().splitlines()) <= 6
    from kg.graphio import save

    (tmp_path / "out").mkdir()
    save(seed_dataset, tmp_path / "out" / "graph.trig")
    done = subprocess.run([sys.executable, "-c", code.replace("out/kgstore", "out/graph.trig")], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Aleksandar Vucic" in done.stdout
