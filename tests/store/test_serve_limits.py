"""The endpoint's bounds, each probed on a real `kg serve` process over loopback: body, headers, idle
connections, per-query memory, Host and Origin, datasets named by the query or the protocol."""
from __future__ import annotations

import json
import socket
import subprocess
import urllib.parse

import pytest

from tests.store.helpers import KG, free_port, seed_dataset, serve_seed, stop
from tests.store.test_serve import http

pytestmark = pytest.mark.xdist_group("kg-serve")
CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i LIMIT 5"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port, process = serve_seed(tmp_path_factory.mktemp("limits"), "--workers", "1", "--timeout", "30", "--max-body", "100000",
                               "--idle-timeout", "2", "--max-memory", "300", "--allow-host", "kg.example")
    yield port, process
    stop(process)


def url(port: int) -> str:
    return f"http://127.0.0.1:{port}/sparql"


def raw(port: int, head: bytes, timeout: float = 20) -> bytes:
    """Send `head` on a fresh connection and read the answer until the server closes or stops sending."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(head)
        chunks = []
        try:
            while chunk := s.recv(65536):
                chunks.append(chunk)
                if b"\r\n\r\n" in b"".join(chunks):
                    break
        except TimeoutError:
            pass
        return b"".join(chunks)


def ask(port: int, **headers: str) -> tuple[int, bytes]:
    status, _, body = http(url(port), data=urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode(),
                           headers={"Content-Type": "application/x-www-form-urlencoded", **headers})
    return status, body


def test_a_huge_body_is_refused_unread(server):
    port, _ = server
    answer = raw(port, b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                       b"Content-Length: 300000000\r\n\r\nASK {}")
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]


def test_oversized_headers_are_refused(server):
    port, _ = server
    answer = raw(port, b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + b"a" * 100_000 + b"\r\n\r\n")
    assert answer.split(b" ")[1] in (b"431", b"400"), answer[:200]


def test_an_idle_connection_is_closed(server):
    port, _ = server
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        s.sendall(b"GET /spar")  # half a request, then silence
        try:
            assert s.recv(100) == b""  # closed by the server (a timeout here fails the test)
        except TimeoutError:
            pytest.fail("the server kept a silent connection open past its idle timeout")


def test_thousands_of_idle_connections_take_no_threads_and_a_client_is_answered(server):
    port, process = server
    idle = []
    try:
        for _ in range(3000):
            s = socket.socket()
            s.setblocking(True)
            s.connect(("127.0.0.1", port))
            idle.append(s)
        status, body = ask(port)
        assert status == 200 and json.loads(body)["boolean"] is True
        with open(f"/proc/{process.pid}/status") as status:
            threads = int(next(line.split()[1] for line in status if line.startswith("Threads:")))
        assert threads < 100, f"{threads} threads for 3000 idle connections"
    finally:
        for s in idle:
            s.close()


def test_a_query_past_its_memory_is_stopped_and_the_server_goes_on(server):
    port, _ = server
    status, _, body = http(url(port), data=CARTESIAN.encode(), headers={"Content-Type": "application/sparql-query"})
    assert status == 503 and b"--max-memory" in body, (status, body[:300])
    assert ask(port)[0] == 200


@pytest.mark.parametrize(("headers", "status"), [
    ({"Host": "evil.example"}, 403),                          # DNS rebinding: a foreign name pointing at 127.0.0.1
    ({"Host": "evil.example:80"}, 403),
    ({"Host": "kg.example"}, 200),                            # --allow-host
    ({"Origin": "http://evil.example"}, 403),                 # a form POSTed by another site's page
    ({"Origin": "null"}, 403),
    ({"Sec-Fetch-Site": "cross-site"}, 403),
    ({"Sec-Fetch-Site": "same-origin"}, 200),
    ({"Host": "localhost"}, 200),
])
def test_host_and_origin_are_checked(server, headers, status):
    port, _ = server
    headers = {**headers}
    if headers.get("Host") == "localhost":
        headers["Host"] = f"localhost:{port}"
    got, body = ask(port, **headers)
    assert got == status, body


def _count(port: int, text: str, **params: str) -> int:
    query = urllib.parse.urlencode({"query": text, **params}, doseq=True)
    status, _, body = http(f"{url(port)}?{query}", headers={"Accept": "application/sparql-results+json"})
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_from_and_the_protocols_graph_parameters_choose_the_dataset(server):
    port, _ = server
    graph = next(str(g.identifier) for g in seed_dataset().graphs() if "/article/" in str(g.identifier))
    union = _count(port, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    only = _count(port, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    assert 0 < only < union
    assert _count(port, f"SELECT (COUNT(*) AS ?n) FROM <{graph}> WHERE {{ ?s ?p ?o }}") == only
    assert _count(port, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", **{"default-graph-uri": graph}) == only
    assert _count(port, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", **{"named-graph-uri": graph}) == only
    assert _count(port, f"SELECT (COUNT(*) AS ?n) FROM NAMED <{graph}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}") == only


def test_an_invalid_graph_parameter_is_400(server):
    port, _ = server
    query = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }", "default-graph-uri": "not an iri"})
    status, _, body = http(f"{url(port)}?{query}")
    assert status == 400 and b"E041" in body, body


def test_serving_a_missing_store_is_an_error_and_creates_nothing(tmp_path):
    missing = tmp_path / "nostore"
    done = subprocess.run([*KG, "serve", "--store", str(missing), "--port", str(free_port())], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "[E050]" in done.stderr and not missing.exists(), done.stderr
