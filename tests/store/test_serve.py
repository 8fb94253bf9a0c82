"""The endpoint: a real `kg serve` process, queried over HTTP by urllib and by SPARQLWrapper."""
from __future__ import annotations

import json
import subprocess
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest

from kg import query as q
from kg.store import open_store
from tests.store.helpers import KG, free_port, seed_store, start, stop

pytestmark = pytest.mark.xdist_group("kg-serve")
TIMEOUT = 2
MAX_ROWS = 1000
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "store"
    del_store = seed_store(path)
    del del_store  # release the lock for the server
    return path


@pytest.fixture(scope="module")
def endpoint(store_path):
    port = free_port()
    process = start([*KG, "serve", "--store", str(store_path), "--port", str(port), "--timeout", str(TIMEOUT),
                     "--max-rows", str(MAX_ROWS), "--workers", "2"], port)
    yield f"http://127.0.0.1:{port}/sparql"
    stop(process)


def http(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def get(endpoint: str, text: str, accept: str = "application/sparql-results+json"):
    return http(endpoint + "?" + urllib.parse.urlencode({"query": text}), headers={"Accept": accept})


def local(store_path, text: str) -> list[tuple]:
    store = open_store(store_path, read_only=True)
    return [tuple(row) for row in q.run(store, text).rows]


def bindings(body: bytes, fmt: str = "JSON") -> list[tuple]:
    parsed = ox.parse_query_results(body, getattr(ox.QueryResultsFormat, fmt))
    return [tuple(s[v] for v in parsed.variables) for s in parsed]


def canned_texts():
    for name, c in sorted(q.canned().items()):
        params = {"fact": "https://w3id.org/newskg/id/entity/person-josep-borrell"} if name == "evidence" else {}
        yield pytest.param(c.render(params), id=name)


@pytest.mark.parametrize("text", list(canned_texts()))
def test_sparqlwrapper_gets_what_the_store_gives(endpoint, store_path, text):
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(endpoint)
    client.setQuery(text)
    client.setReturnFormat(JSON)
    client.setMethod("POST")
    answer = client.query().convert()
    got = [{k: v["value"] for k, v in b.items()} for b in answer["results"]["bindings"]]
    expected = [{v: t.value for v, t in zip(answer["head"]["vars"], row, strict=True) if t is not None} for row in local(store_path, text)]
    assert got == expected


def test_sparqlwrapper_gets_what_kg_query_prints(endpoint, store_path):
    from SPARQLWrapper import JSON, SPARQLWrapper

    text = q.get("roles-as-of").render({})
    cli = subprocess.run([*KG, "query", "roles-as-of", "--store", str(store_path), "--format", "json"], capture_output=True, check=True)
    client = SPARQLWrapper(endpoint)
    client.setQuery(text)
    client.setReturnFormat(JSON)
    assert client.query().convert() == json.loads(cli.stdout)


@pytest.mark.parametrize(("accept", "fmt", "ctype"), [
    ("application/sparql-results+json", "JSON", "application/sparql-results+json"),
    ("application/sparql-results+xml", "XML", "application/sparql-results+xml"),
    ("text/tab-separated-values", "TSV", "text/tab-separated-values"),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "XML", "application/sparql-results+xml"),
])
def test_results_format_follows_accept(endpoint, store_path, accept, fmt, ctype):
    text = q.get("roles-as-of").render({})
    status, headers, body = get(endpoint, text, accept)
    assert status == 200 and headers["Content-Type"].startswith(ctype)
    assert bindings(body, fmt) == local(store_path, text)


def test_csv(endpoint):
    status, headers, body = get(endpoint, q.get("roles-as-of").render({"actor": "Merkel"}), "text/csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.decode().split("\r\n")[1].startswith("Angela Merkel,Chancellor,Germany")


@pytest.mark.parametrize("how", ["get", "post-form", "post-body"])
def test_get_and_both_posts_agree(endpoint, store_path, how):
    text = "SELECT ?s WHERE { ?s a <https://w3id.org/newskg/ontology#State> } ORDER BY ?s"
    accept = {"Accept": "application/sparql-results+json"}
    if how == "get":
        status, _, body = get(endpoint, text)
    elif how == "post-form":
        status, _, body = http(endpoint, data=urllib.parse.urlencode({"query": text}).encode(),
                               headers={**accept, "Content-Type": "application/x-www-form-urlencoded"})
    else:
        status, _, body = http(endpoint, data=text.encode(), headers={**accept, "Content-Type": "application/sparql-query"})
    assert status == 200 and bindings(body) == local(store_path, text)


@pytest.mark.parametrize(("data", "ctype"), [
    (urllib.parse.urlencode({"update": "INSERT DATA { <http://a> <http://b> <http://c> }"}), "application/x-www-form-urlencoded"),
    ("INSERT DATA { <http://a> <http://b> <http://c> }", "application/sparql-update"),
    (urllib.parse.urlencode({"query": "DELETE WHERE { ?s ?p ?o }"}), "application/x-www-form-urlencoded"),
], ids=["update-param", "update-body", "update-as-query"])
def test_updates_are_refused(endpoint, store_path, data, ctype):
    before = local(store_path, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    status, _, body = http(endpoint, data=data.encode(), headers={"Content-Type": ctype})
    assert status == 403 and b"read-only" in body
    assert local(store_path, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == before


def test_service_is_refused_but_not_in_a_comment(endpoint):
    status, _, body = get(endpoint, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status == 403 and b"SERVICE" in body
    status, _, _ = get(endpoint, "SELECT * WHERE { ?s ?p 'SERVICE' } LIMIT 1 # SERVICE <http://127.0.0.1:9/sparql>")
    assert status == 200


def test_a_query_past_the_timeout_gets_503_and_the_server_keeps_answering(endpoint):
    status, _, body = get(endpoint, EXPENSIVE)
    assert status == 503 and b"timeout" in body
    status, _, body = get(endpoint, "ASK { ?s ?p ?o }")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_the_worker_that_replaces_a_stopped_one_starts_up_outside_the_next_query_s_time(store_path):
    """A worker takes longer to start (a new interpreter, the graph loaded: 0.2-0.4 s here) than this 0.1 s timeout,
    and a one-pattern ASK takes a few milliseconds: the query after a stopped one waits for its worker's start-up as
    for a free worker and then has its whole timeout."""
    port = free_port()
    process = start([*KG, "serve", "--graph", str(_seed_file(store_path)), "--port", str(port), "--workers", "1",
                     "--timeout", "0.1"], port)
    try:
        url = f"http://127.0.0.1:{port}/sparql"
        for _ in range(2):
            assert get(url, EXPENSIVE)[0] == 503
            status, _, body = get(url, "ASK { ?s ?p ?o }")
            assert status == 200 and json.loads(body)["boolean"] is True, body
    finally:
        stop(process)


def test_a_result_over_max_rows_is_an_error_asking_for_limit(endpoint):
    status, _, body = get(endpoint, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 422 and b"LIMIT" in body
    status, _, body = get(endpoint, f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS}")
    assert status == 200 and len(bindings(body)) == MAX_ROWS


def test_a_malformed_query_is_400_with_the_position(endpoint):
    status, _, body = get(endpoint, "SELECT * WHERE { ?s ?p }")
    assert status == 400 and b"E040" in body and b"1:" in body


def test_construct_gives_n_triples(endpoint):
    text = "CONSTRUCT WHERE { ?s a <https://w3id.org/newskg/ontology#State> } LIMIT 3"
    status, headers, body = get(endpoint, text, "application/n-triples")
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    triples = [str(t) for t in ox.parse(body, ox.RdfFormat.N_TRIPLES)]
    assert 1 <= len(triples) <= 3 and len(set(triples)) == len(triples)


def test_no_cors_by_default(endpoint):
    _, headers, _ = get(endpoint, "ASK { }")
    assert "Access-Control-Allow-Origin" not in headers


def test_cors_for_the_given_origin(store_path, endpoint):
    port = free_port()
    process = start([*KG, "serve", "--graph", str(_seed_file(store_path)), "--port", str(port), "--workers", "1",
                     "--cors", "http://localhost:8888"], port)
    try:
        status, headers, _ = get(f"http://127.0.0.1:{port}/sparql", "ASK { }")
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "http://localhost:8888"
        status, headers, _ = http(f"http://127.0.0.1:{port}/sparql", method="OPTIONS")
        assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]
    finally:
        stop(process)


def _seed_file(store_path):
    path = store_path.parent / "seed.nq"
    if not path.exists():
        store = open_store(store_path, read_only=True)
        path.write_bytes(store.dump(format=ox.RdfFormat.N_QUADS) or b"")
    return path


def test_a_second_writer_is_told_the_store_is_locked(endpoint, store_path):
    from kg.errors import StoreError

    with pytest.raises(StoreError) as err:
        open_store(store_path)
    assert "locked by another process" in str(err.value)


def test_the_endpoint_knows_the_prefixes_kg_query_knows(endpoint, store_path):
    text = "SELECT ?label WHERE { GRAPH ?g { ?s a kg:State ; rdfs:label ?label } } ORDER BY ?label"
    status, _, body = get(endpoint, text)
    assert status == 200, body
    over_http = [row[0].value for row in bindings(body)]
    store = open_store(store_path, read_only=True)
    assert over_http == [r["label"] for r in q.select(store, text, add_prefixes=True)] and "Serbia" in over_http
