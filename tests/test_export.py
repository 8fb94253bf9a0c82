"""kg export: flat tables that open in pandas with the README's columns and count what SPARQL counts."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from kg.cli import main
from kg.graphio import read_file
from kg.query import select
from tests.conftest import ROOT

KG = "PREFIX kg: <https://w3id.org/newskg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "


def documented(table: str) -> list[str]:
    """The column names of the README's Export table for `--events` or `--actors`, in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Export"):]
    block = section[section.index(f"\n`{table}` writes"):].split("\n\n")[1]
    return re.findall(r"^\| `([a-z_]+)` \|", block, re.M)


@pytest.fixture(scope="module")
def graph(tmp_path_factory, seed_dataset):
    from kg.graphio import save

    path = tmp_path_factory.mktemp("export") / "graph.trig"
    save(seed_dataset, path)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_export_opens_in_pandas_with_the_documented_columns_and_sparql_counts(graph, tmp_path, suffix):
    events, actors = tmp_path / f"events{suffix}", tmp_path / f"actors{suffix}"
    assert main(["export", str(graph), "--events", str(events), "--actors", str(actors), "--quiet"]) == 0
    read = pd.read_csv if suffix == ".csv" else pd.read_parquet
    ev, ac = read(events), read(actors)
    assert list(ev.columns) == documented("--events") and len(ev.columns) > 15
    assert list(ac.columns) == documented("--actors")
    store = read_file(graph, ontology=True)
    n_events = int(select(store, KG + "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e kg:reportedIn ?a }")[0]["n"])
    n_actors = int(select(store, KG + "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH <https://w3id.org/newskg/id/graph/entities> "
                                      "{ VALUES ?t { kg:Person kg:Organization kg:State } ?x a ?t } }")[0]["n"])
    assert (len(ev), len(ac)) == (n_events, n_actors)
    # every event's evidence count and every speaker agree with the store
    n_evidence = int(select(store, KG + "SELECT (COUNT(*) AS ?n) WHERE { ?e kg:reportedIn ?a ; kg:evidence ?v }")[0]["n"])
    assert ev["evidence"].sum() == n_evidence
    speakers = {r["l"] for r in select(store, KG + "SELECT DISTINCT ?l WHERE { ?e kg:speaker ?x . "
                                                   "GRAPH <https://w3id.org/newskg/id/graph/entities> { ?x rdfs:label ?l } }")}
    assert {s for cell in ev["speaker"].dropna() for s in cell.split("; ")} == speakers
    dated = ev.dropna(subset=["date"])
    assert set(dated["precision"]) <= {"day", "month", "year"} and len(dated) > 0
    assert not list(tmp_path.glob(".*.tmp"))  # written through a temporary file and a rename


def test_export_says_what_a_date_filter_left_out(graph, tmp_path, capsys):
    out = tmp_path / "july.csv"
    assert main(["export", str(graph), "--events", str(out), "--start", "2020-07-16", "--end", "2020-07-16"]) == 0
    err = capsys.readouterr().err
    assert re.search(r"left out \d+ out of range, \d+ undated", err) or re.search(r"left out \d+ undated", err), err
    ev = pd.read_csv(out)
    assert ev["earliest"].notna().all()
    assert main(["export", str(graph), "--events", str(out), "--start", "2020-07-16", "--end", "2020-07-16", "--include-undated",
                 "--quiet"]) == 0
    assert pd.read_csv(out)["earliest"].isna().any()


def test_export_refuses_an_unknown_format_without_writing(graph, tmp_path, capsys):
    assert main(["export", str(graph), "--events", str(tmp_path / "events.xlsx")]) == 2
    assert "E060" in capsys.readouterr().err and not list(tmp_path.iterdir())
    assert main(["export", str(graph)]) == 2
