"""Queries: canned queries against the seed graph (expected rows from the gold file), parameters, formats, errors."""
from __future__ import annotations

import io
import subprocess

import pyoxigraph as ox
import pytest

from kg import query as q
from kg.errors import QueryError
from kg.ids import article_iri
from kg.store import open_memory_store
from tests.store.helpers import GOLD, KG, fold, gold_name, seed_store

SEED_ARTICLE = "https://w3id.org/newskg/id/article/"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return seed_store(tmp_path_factory.mktemp("seed") / "store")


def rows(store, name: str, **params: str) -> list[dict[str, str]]:
    return q.select(store, q.get(name).render(params))


# ---------------------------------------------------------------- the library of canned queries


def test_every_canned_query_has_a_header():
    queries = q.canned()
    assert {"who-met-whom", "actor-timeline", "events-by-place", "events-in-range", "roles-as-of", "statements",
            "mediators", "state-relations", "evidence"} <= set(queries)
    for c in queries.values():
        assert c.title and c.title != c.name and c.description, c.name
        assert all(p.meaning for p in c.params), c.name


@pytest.mark.parametrize("name", sorted(q.canned()))
def test_every_canned_query_runs_on_an_empty_store(name):
    c = q.get(name)
    params = {p.name: "https://example.org/x" for p in c.params if p.default is None}
    assert q.select(open_memory_store(), c.render(params)) == []


def test_list_shows_every_canned_query():
    out = subprocess.run([*KG, "query", "--list"], capture_output=True, text=True, check=True).stdout
    for name, c in q.canned().items():
        assert name in out and c.title in out


# ---------------------------------------------------------------- answers derived from the gold file


def _gold_events(*types: str):
    return [e for e in GOLD["events"] if set(e["types"]) & set(types) and not e.get("optional")]


@pytest.mark.parametrize("event", _gold_events("Meeting"), ids=lambda e: e["id"])
def test_who_met_whom_has_the_gold_meetings(store, event):
    names = {gold_name(p) for p in event["participants"]}
    found = rows(store, "who-met-whom")
    pairs = [r for r in found if {r["aLabel"], r["bLabel"]} <= names and len(names) > 1 and r["aLabel"] != r["bLabel"]]
    if event.get("participants_optional"):
        names |= {gold_name(h) for h in event.get("hosts", [])}
        pairs = [r for r in found if {r["aLabel"], r["bLabel"]} <= names]
    dates = {event["date"], *[d for d in event.get("accept_dates", []) if "/" not in d and "W" not in d]}
    assert any(r.get("date") in dates for r in pairs), f"no pair of {sorted(names)} on {sorted(dates)} in {found}"


def test_vucic_met_hoti_in_brussels_on_16_july(store):
    found = rows(store, "who-met-whom", actor="Vucic")
    assert any({r["aLabel"], r["bLabel"]} == {"Aleksandar Vucic", "Avdullah Hoti"} and r.get("date") == "2020-07-16"
               and r.get("placeLabel") == "Brussels" for r in found)
    assert all("Aleksandar Vucic" in (r["aLabel"], r["bLabel"]) for r in found)


def test_actor_timeline_is_ordered_and_has_the_brussels_talks(store):
    found = rows(store, "actor-timeline", actor="Vucic")
    dated = [r["date"] for r in found if "date" in r and len(r["date"]) == 10]
    assert dated == sorted(dated)
    gold = [e for e in GOLD["events"] if "vucic" in e["participants"] and e["date"] and len(e["date"]) == 10
            and not e.get("optional") and not e.get("participants_optional")]
    for event in gold:
        assert any(r.get("date") in {event["date"], *event.get("accept_dates", [])} for r in found), event["id"]


@pytest.mark.parametrize("event", [e for e in GOLD["events"] if e.get("place") and not e.get("optional")], ids=lambda e: e["id"])
def test_events_by_place_has_the_gold_events(store, event):
    place = gold_name(event["place"])
    found = rows(store, "events-by-place", place=place)
    people = {gold_name(p) for p in event["participants"]}
    assert any(r["placeLabel"] == place and people & set(r.get("participants", "").split("; ")) for r in found), found


def test_events_in_july_2020_are_the_gold_july_events(store):
    found = rows(store, "events-in-range", **{"from": "2020-07-01", "to": "2020-07-31"})
    dates = {r.get("date") for r in found}
    for event in GOLD["events"]:
        if event["date"] and event["date"].startswith("2020-07") and not event.get("optional"):
            assert event["date"] in dates or set(event.get("accept_dates", [])) & dates, event["id"]
    assert not any((r.get("date") or "").startswith("2018") for r in found)


@pytest.mark.parametrize("role", GOLD["roles"], ids=lambda r: r["person"])
def test_roles_as_of_the_article_date(store, role):
    found = rows(store, "roles-as-of", date=GOLD["date"])
    names = {role["role"], *role.get("accept_roles", [])}
    wanted = (gold_name(role["person"]), gold_name(role["of"]))
    assert any((r["holderLabel"], r["ofLabel"]) == wanted and r["roleName"] in names for r in found)


def test_roles_as_of_an_earlier_date_leave_out_later_reports(store):
    assert rows(store, "roles-as-of", date="2019-12-31") == []
    merkel = rows(store, "roles-as-of", date="2020-07-16", actor="Merkel")
    assert [(r["holderLabel"], r["roleName"], r["ofLabel"]) for r in merkel] == [("Angela Merkel", "Chancellor", "Germany")]


@pytest.mark.parametrize("statement", GOLD["statements"], ids=lambda s: s["quote_contains"][:20])
def test_statements_by_the_speaker(store, statement):
    speaker = gold_name(statement["speaker"])
    found = rows(store, "statements", actor=speaker.split()[-1])
    assert any(r["relation"] == "by" and r.get("speakerLabel") == speaker and fold(statement["quote_contains"]) in fold(r.get("quote", ""))
               and r.get("date", statement.get("date")) == statement.get("date", r.get("date")) for r in found), found


def _mediators():
    event = next(e for e in GOLD["events"] if e.get("mediators"))
    for key in event["mediators"]:
        yield pytest.param(event, key, id=key)


@pytest.mark.parametrize(("event", "mediator"), list(_mediators()))
def test_mediators_of_the_dyad(store, event, mediator):
    a, b = (gold_name(p).split()[-1] for p in event["participants"])
    assert gold_name(mediator) in {r["mediatorLabel"] for r in rows(store, "mediators", a=a, b=b)}


def test_mediators_of_the_states_through_roles(store):
    assert {"Josep Borrell", "Miroslav Lajcak"} <= {r["mediatorLabel"] for r in rows(store, "mediators", a="Serbia", b="Kosovo")}


@pytest.mark.parametrize("rel", [r for r in GOLD["relations"] if not r.get("optional")
                                 and all(e["type"] == "State" for e in GOLD["entities"] if e["id"] in (r["subject"], r["object"]))
                                 and {r["subject"], r["object"]} <= {e["id"] for e in GOLD["entities"] if e["type"] == "State"}],
                         ids=lambda r: r["relation"])
def test_state_relations_have_the_gold_relations(store, rel):
    names = {rel["relation"].lower(), *(x.lower() for x in rel.get("accept_relations", []))}
    found = rows(store, "state-relations")
    wanted = (gold_name(rel["subject"]), gold_name(rel["object"]))
    assert any((r["aLabel"], r["bLabel"]) == wanted and r["relation"].lower() in names for r in found)


def test_state_relations_count_co_participation(store):
    found = rows(store, "state-relations", state="Serbia")
    assert any(r["relation"] == "co-participation" and {r["aLabel"], r["bLabel"]} == {"Serbia", "Kosovo"} for r in found)


def test_evidence_behind_the_brussels_talks(store):
    talks = next(r for r in rows(store, "who-met-whom", actor="Hoti") if r.get("date") == "2020-07-16")
    found = rows(store, "evidence", fact=talks["event"])
    gold = next(e for e in GOLD["events"] if e["id"] == "brussels_talks")["evidence"]
    assert any(fold(gold) in fold(r["sentence"]) for r in found)
    assert all(r["article"].startswith(SEED_ARTICLE) for r in found)


def test_evidence_behind_an_entity(store):
    borrell = next(r["holder"] for r in rows(store, "roles-as-of", actor="Borrell"))
    found = rows(store, "evidence", fact=borrell)
    assert any("constructive discussion" in r["sentence"] for r in found)
    assert all(int(r["start"]) < int(r["end"]) for r in found if "start" in r)


def test_article_restricts_to_its_graph(store):
    seed = q.get("roles-as-of").render({})
    graphs = [g.value for g in store.named_graphs() if "/article/" in g.value]
    assert len(graphs) == 1
    article_id = graphs[0].rsplit("/", 1)[1]
    assert q.select(store, seed, article=article_id) == q.select(store, seed)
    with pytest.raises(QueryError) as err:
        q.run(store, seed, article="0000000000000000")
    assert err.value.code == "E041"
    assert str(article_iri(article_id)) == graphs[0]


# ---------------------------------------------------------------- parameters are terms, never text

NASTY = ['plain', 'O\'Brien', 'say "hi"', 'back\\slash', 'line\nbreak', '} ; DROP ALL ; #', '"""', 'Vučić', "tab\there", "?x }"]


@pytest.mark.parametrize("value", NASTY)
def test_a_parameter_value_comes_back_exactly(value):
    c = q.parse_canned("echo", "# title: echo\n# description: d\n# param v: anything\nSELECT ?x WHERE { BIND(STR(?v) AS ?x) }\n")
    assert q.select(open_memory_store(), c.render({"v": value})) == [{"x": value.strip()}]


def test_a_parameter_is_the_same_value_in_every_clause():
    """Substituted in patterns, filters and sub-selects; still a variable where the grammar needs one."""
    store = open_memory_store()
    ex = "https://example.org/"
    store.update(f"INSERT DATA {{ GRAPH <{ex}g> {{ <{ex}a> <{ex}p> 1 , 2 , 3 . <{ex}b> <{ex}p> 2 }} }}")
    c = q.parse_canned("t", f"""# param v: a number
        SELECT ?s ?v (COUNT(*) AS ?n) WHERE {{
          ?s <{ex}p> ?v .
          OPTIONAL {{ ?s <{ex}p> ?o FILTER(?o > ?v) }}
          {{ SELECT ?s WHERE {{ ?s <{ex}p> ?w FILTER(?w >= ?v) }} GROUP BY ?s }}
        }} GROUP BY ?s ?v ORDER BY ?v ?s""")
    text = c.render({"v": "2"})
    assert "VALUES" in text  # ?v is projected and grouped on, so it is also bound
    rows = q.select(store, text)
    assert rows == [{"s": f"{ex}a", "v": "2", "n": "1"}, {"s": f"{ex}b", "v": "2", "n": "1"}]


def test_select_star_still_shows_a_parameter():
    c = q.parse_canned("t", "# param v: anything\nSELECT * WHERE { BIND(STR(?v) AS ?x) }\n")
    assert q.select(open_memory_store(), c.render({"v": "a"})) == [{"x": "a", "v": "a"}]


@pytest.mark.parametrize(("value", "datatype"), [("2020-07-16", "date"), ("42", "integer"), ("https://w3id.org/newskg/id/entity/x", None)])
def test_parameter_types(value, datatype):
    c = q.parse_canned("t", "# param v: v\nSELECT ?v WHERE { }\n")
    result = q.run(open_memory_store(), c.render({"v": value}))
    (term,) = next(result.rows)
    if datatype:
        assert term.datatype.value.endswith("#" + datatype)
    else:
        assert isinstance(term, ox.NamedNode)


@pytest.mark.parametrize(("params", "message"), [({"nope": "1"}, "unknown parameter"), ({}, "required")])
def test_parameter_mistakes_are_coded(params, message):
    with pytest.raises(QueryError) as err:
        q.get("evidence").render(params)
    assert err.value.code == "E041" and message in str(err.value)


def test_an_iri_parameter_with_a_bad_character_is_refused():
    with pytest.raises(QueryError):
        q.term("https://example.org/a>b{}")


# ---------------------------------------------------------------- refusals, errors and formats


@pytest.mark.parametrize(("text", "expected"), [
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "E042"),
    ("select * where { service silent <http://example.org/> { ?s ?p ?o } }", "E042"),
    ("SELECT * WHERE { ?s ?p ?o } # SERVICE <http://example.org/>", "SELECT"),
    ("SELECT * WHERE { ?s ?p 'SERVICE <x>' }", "SELECT"),
    ('SELECT * WHERE { ?s ?p """a\nSERVICE""" }', "SELECT"),
    ("SELECT ?service WHERE { ?service <http://example.org/SERVICE> ?o }", "SELECT"),
    ("PREFIX service: <http://example.org/> SELECT * WHERE { ?s service:SERVICE ?o }", "SELECT"),
    ("ASK { ?s ?p ?o }", "ASK"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ("INSERT DATA { <http://a> <http://b> <http://c> }", "E042"),
    ("PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }", "E042"),
    ("SELECT * WHERE { ?s ?p ?o FILTER(?o != 'DROP') }", "SELECT"),
    ("SELECT * WHERE { ?s ?p }", "E040"),
])
def test_inspect_reads_the_parse_not_the_text(text, expected):
    try:
        got = q.inspect(text).form
    except QueryError as exc:
        got = exc.code
    assert got == expected


def test_service_is_refused_by_run():
    with pytest.raises(QueryError) as err:
        q.run(open_memory_store(), "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }")
    assert err.value.code == "E042"


@pytest.mark.parametrize("text", ["SELECT * WHERE { ?s ?p }", "SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o = ) }", "ASK"])
def test_a_malformed_query_is_e040_with_its_position(text):
    with pytest.raises(QueryError) as err:
        q.run(open_memory_store(), text)
    assert err.value.code == "E040" and "error at" in str(err.value)


def test_the_cli_reports_a_malformed_query_without_a_traceback(tmp_path, store):
    graph = tmp_path / "g.nq"
    graph.write_text('<https://example.org/s> <https://example.org/p> "o" <https://example.org/g> .\n')
    done = subprocess.run([*KG, "query", "SELECT * WHERE { ?s ?p }", "--graph", str(graph)], capture_output=True, text=True)
    assert done.returncode == 2 and "[E040]" in done.stderr and "1:" in done.stderr and "Traceback" not in done.stderr


def test_kg_query_declares_the_usual_prefixes_a_query_leaves_out(tmp_path, store):
    """kg query adds PREFIX kg:, rdfs:, ... when a query uses them undeclared; an error still points at the user's own line."""
    text = "SELECT ?label WHERE { GRAPH ?g { ?s a kg:State ; rdfs:label ?label } }"
    assert q.select(store, text, add_prefixes=True) == q.select(store, q.with_prefixes(text))
    assert {"label": "Serbia"} in q.select(store, text, add_prefixes=True)
    with pytest.raises(QueryError) as err:
        q.run(store, text)  # the engine itself knows no prefixes
    assert err.value.code == "E040"
    with pytest.raises(QueryError) as err:
        q.run(store, "SELECT ?label WHERE {\n  ?s a kg:State ;\n     rdfs:label }", add_prefixes=True)
    assert "error at 3:" in str(err.value)


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_results_formats_parse_back_to_the_same_rows(store, fmt):
    text = q.get("roles-as-of").render({})
    out = io.BytesIO()
    q.write_results(q.run(store, text), fmt, out)
    parsed = ox.parse_query_results(out.getvalue(), getattr(ox.QueryResultsFormat, fmt.upper()))
    direct = list(q.run(store, text).rows)
    assert [tuple(s[v] for v in parsed.variables) for s in parsed] == direct


def test_csv_and_table(store):
    text = q.get("roles-as-of").render({"actor": "Merkel"})
    out = io.BytesIO()
    q.write_results(q.run(store, text), "csv", out)
    lines = out.getvalue().decode().split("\r\n")
    assert lines[0].startswith("holderLabel,roleName,ofLabel") and lines[1].startswith("Angela Merkel,Chancellor,Germany,2020-07-16")
    out = io.BytesIO()
    q.write_results(q.run(store, text), "table", out)
    assert "Angela Merkel" in out.getvalue().decode() and "(1 row)" in out.getvalue().decode()


def test_the_cli_runs_a_query_file_on_a_graph_file(tmp_path):
    from kg.graphio import save
    from tests.store.helpers import seed_dataset

    save(seed_dataset(), tmp_path / "seed.trig")
    (tmp_path / "roles.rq").write_text(q.get("roles-as-of").render({"actor": "Merkel"}))
    done = subprocess.run([*KG, "query", str(tmp_path / "roles.rq"), "--graph", str(tmp_path / "seed.trig"), "--format", "csv"],
                          capture_output=True, text=True, check=True)
    assert "Angela Merkel,Chancellor,Germany" in done.stdout


# ---------------------------------------------------------------- canned queries on any corpus


@pytest.mark.parametrize("name", sorted(n for n, c in q.canned().items() if all(p.default is not None for p in c.params)))
def test_without_parameters_a_canned_query_answers_for_the_whole_store(store, name):
    c = q.get(name)
    assert all(p.default == "" for p in c.params), f"{name}: a default names something ({[p.default for p in c.params]})"
    assert rows(store, name), f"{name} answers nothing without parameters"


def test_limit_caps_a_canned_query_and_the_cli_says_so(store, tmp_path):
    assert len(q.select(store, q.get("actor-timeline").render({}, limit=3))) == 3
    graph = tmp_path / "seed.nq"
    graph.write_bytes(store.dump(format=ox.RdfFormat.N_QUADS) or b"")
    done = subprocess.run([*KG, "query", "actor-timeline", "--graph", str(graph), "--limit", "2", "--format", "csv"],
                          capture_output=True, text=True, check=True)
    assert len(done.stdout.strip().splitlines()) == 3 and "--limit 0" in done.stderr


def test_undated_events_come_last_in_a_timeline(store):
    found = rows(store, "actor-timeline")
    dated = [bool(r.get("date")) for r in found]
    assert dated == sorted(dated, reverse=True) and dated[0] and not dated[-1]


@pytest.mark.parametrize(("query", "param"), [("actor-timeline", "actor"), ("events-by-place", "place"), ("statements", "actor"),
                                              ("mediators", "a")])
def test_an_unknown_name_is_a_clear_error_with_close_names(store, query, param):
    with pytest.raises(QueryError) as err:
        q.check_names(store, q.get(query), {param: "Vucik"})
    assert err.value.code == "E041" and "'Vucik'" in str(err.value)
    if param != "place":
        assert "Aleksandar Vucic" in str(err.value)
    q.check_names(store, q.get(query), {param: "Vucic" if param != "place" else "Brussels"})  # a known name passes


def test_a_prefixed_name_parameter_is_the_iri(store):
    iri = next(r["actorNode"] for r in rows(store, "actor-timeline", actor="Vucic"))
    short = "id:" + iri.removeprefix("https://w3id.org/newskg/id/")
    assert rows(store, "actor-timeline", actor=short) == rows(store, "actor-timeline", actor=iri)
    assert q.term("kg:Meeting") == "<https://w3id.org/newskg/ontology#Meeting>"
    assert q.term("nope:x") == '"nope:x"'


def test_prefixed_names_inside_property_paths_need_no_prefix_lines(store):
    text = "SELECT DISTINCT ?name WHERE { ?role kg:holder/rdfs:label ?name . ?event (kg:host|kg:mediator|kg:speaker) ?who }"
    assert {"Aleksandar Vucic"} <= {r["name"] for r in q.select(store, text, add_prefixes=True)}
    assert q.with_prefixes("SELECT * WHERE { ?s ^kg:a/(rdfs:b|skos:c)* ?o }").count("PREFIX") == 3


# ---------------------------------------------------------------- messages a newcomer reads


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, "query", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def graph_file(store, tmp_path_factory):
    path = tmp_path_factory.mktemp("graphfile") / "seed.nq"
    path.write_bytes(store.dump(format=ox.RdfFormat.N_QUADS) or b"")
    return str(path)


def test_an_unknown_canned_name_is_named_with_the_close_ones(graph_file):
    done = _cli("who-met-who", "--graph", graph_file)
    assert done.returncode == 2 and "[E041]" in done.stderr and "who-met-whom" in done.stderr and "expected" not in done.stderr
    done = _cli("nosuchquery", "--graph", graph_file)
    assert done.returncode == 2 and "no canned query" in done.stderr and "--list" in done.stderr


def test_a_canned_query_has_its_own_help():
    done = _cli("mediators", "--help")
    c = q.get("mediators")
    assert done.returncode == 0 and c.description in done.stdout and "example:" in done.stdout
    assert all(f"  {p.name} " in done.stdout for p in c.params) and "default any" in done.stdout
    assert "usage: kg query" in _cli("--help").stdout


def test_a_syntax_error_shows_the_line_a_caret_and_a_short_reason(graph_file):
    done = _cli("SELECT ?x WHERE {\n  ?s rdfs:label ?x\n  FILTER(?x = ) }", "--graph", graph_file)
    lines = done.stderr.splitlines()
    assert done.returncode == 2 and "[E040]" in lines[0] and "error at 3:" in lines[0] and len(lines[0]) < 120
    assert lines[1].strip() == "FILTER(?x = ) }" and lines[2].strip() == "^"
    assert "'\\u{" not in done.stderr and "..=" not in done.stderr  # the parser's raw list only with --verbose
    verbose = _cli("SELECT ?x WHERE {\n  ?s rdfs:label ?x\n  FILTER(?x = ) }", "--graph", graph_file, "--verbose")
    assert "the parser said" in verbose.stderr


def test_tables_show_labels_and_iris_one_flag_away(graph_file):
    labelled = _cli("roles-as-of", "--graph", graph_file, "--param", "actor=Borrell").stdout
    raw = _cli("roles-as-of", "--graph", graph_file, "--param", "actor=Borrell", "--iris").stdout
    assert "id:entity/" not in labelled and "Josep Borrell" in labelled
    assert "id:entity/person-josep-borrell" in raw
