"""Property-based attacks on the endpoint's request handling and on the query check.

Hypothesis writes SERVICE calls in every disguise the grammar allows (case,
\\u escapes of any letter, comments and odd whitespace between tokens,
prefixed and relative IRIs, nesting in any group) and random bodies and
headers; a loopback listener must receive nothing, and the server must answer
every request with a status it means (never 500).
"""
from __future__ import annotations

import http.client
import urllib.parse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg import query as q
from kg.errors import QueryError
from tests.store.helpers import KG, free_port, start, stop
from tests.store.test_attacks import _assert_untouched

pytestmark = pytest.mark.xdist_group("kg-serve")
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _escaped(word: str, data) -> str:
    """The word with random letters in random case, some written as \\u or \\U escapes."""
    out = []
    for ch in word:
        ch = ch.upper() if data.draw(st.booleans()) else ch.lower()
        style = data.draw(st.sampled_from(["plain", "plain", "u", "U"]))
        out.append(ch if style == "plain" else (f"\\u{ord(ch):04X}" if style == "u" else f"\\U{ord(ch):08x}"))
    return "".join(out)


def _gap(data) -> str:
    return data.draw(st.sampled_from([" ", "\t", "\n", "\r\n", " # a comment ' \" \n", "  ", "\n#\"\n"]))


def service_query(data, port: int) -> str:
    """A query holding a SERVICE to the listener, in a random disguise."""
    endpoint = data.draw(st.sampled_from([
        (f"<http://127.0.0.1:{port}/sparql>", ""),
        ("e:sparql", f"PREFIX e: <http://127.0.0.1:{port}/>"),
        ("<sparql>", f"BASE <http://127.0.0.1:{port}/>"),
        ("?endpoint", ""),
    ]))
    iri, prologue = endpoint
    silent = _gap(data) + _escaped("silent", data) if data.draw(st.booleans()) else ""
    call = f"{_escaped('service', data)}{silent}{_gap(data)}{iri}{_gap(data)}{{ ?a ?b ?c }}"
    wrap = data.draw(st.sampled_from(["{}", "OPTIONAL {{ {} }}", "{{ ?s ?p ?o }} UNION {{ {} }}", "FILTER EXISTS {{ {} }}",
                                      "GRAPH ?g {{ {} }}", "{{ SELECT * WHERE {{ {} }} }}", "MINUS {{ {} }}"]))
    before = data.draw(st.sampled_from(["", "BIND(\" \" AS ?o) FILTER(?o=\" \") ", "BIND('''a'b''' AS ?x) ", "?s ?p \"x\"@en . "]))
    values = f"VALUES ?endpoint {{ <http://127.0.0.1:{port}/sparql> }} " if iri == "?endpoint" else ""
    form = data.draw(st.sampled_from(["SELECT * WHERE", "ASK", "CONSTRUCT { ?a ?b ?c } WHERE", "DESCRIBE ?a WHERE"]))
    tail = data.draw(st.sampled_from(["", " # \"", " LIMIT 1"]))
    return f"{prologue} {_escaped(form.split()[0], data)}{form[len(form.split()[0]):]} {{ {values}{before}{wrap.format(call)} }}{tail}"


@given(data=st.data())
@FUZZ
def test_kg_query_refuses_every_disguised_service(listener, data):
    import pyoxigraph as ox

    text = service_query(data, listener.port)
    with pytest.raises(QueryError) as err:
        list(q.run(ox.Store(), text).rows)
    assert err.value.code in ("E042", "E040"), text
    _assert_untouched(listener, text)


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    graph = tmp_path_factory.mktemp("fuzz") / "g.nq"
    graph.write_text('<https://example.org/s> <https://example.org/p> "o" <https://example.org/g> .\n')
    port = free_port()
    process = start([*KG, "serve", "--graph", str(graph), "--port", str(port), "--workers", "1", "--timeout", "5"], port)
    yield port
    stop(process)


def send(port: int, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


@given(data=st.data())
@FUZZ
def test_kg_serve_refuses_every_disguised_service(endpoint, listener, data):
    text = service_query(data, listener.port)
    how = data.draw(st.sampled_from(["get", "form", "body"]))
    if how == "get":
        status = send(endpoint, "GET", "/sparql?" + urllib.parse.urlencode({"query": text}), None, {})
    elif how == "form":
        status = send(endpoint, "POST", "/sparql", urllib.parse.urlencode({"query": text}).encode(),
                      {"Content-Type": "application/x-www-form-urlencoded"})
    else:
        status = send(endpoint, "POST", "/sparql", text.encode(), {"Content-Type": "application/sparql-query"})
    assert status in (403, 400), (status, text)
    _assert_untouched(listener, text)


header_value = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=60)


@given(
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "OPTIONS", "HEAD", "PATCH"]),
    path=st.sampled_from(["/sparql", "/query", "/", "/sparql/", "/../etc/passwd", "/sparql?query=", "/x?update=DROP+ALL"]),
    body=st.one_of(st.none(), st.binary(max_size=2000), st.text(max_size=500).map(str.encode)),
    headers=st.dictionaries(st.sampled_from(["Content-Type", "Accept", "Origin", "Sec-Fetch-Site", "X-Other", "Content-Language"]),
                            header_value, max_size=4),
)
@FUZZ
def test_random_requests_get_a_meant_answer(endpoint, listener, method, path, body, headers):
    status = send(endpoint, method, path, body, headers)
    assert status != 500 and 200 <= status < 600, status
    _assert_untouched(listener, f"{method} {path}")
