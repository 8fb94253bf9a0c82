"""Pushing to a real `oxigraph serve` over the Graph Store Protocol: push, query, push again, nothing duplicated."""
from __future__ import annotations

import subprocess
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import StoreError
from kg.store import Auth, load_graphs, named_graphs, open_store, push
from tests.conftest import ROOT
from tests.store.helpers import KG, free_port, seed_store, start, stop

pytestmark = pytest.mark.xdist_group("oxigraph-serve")
OXIGRAPH = ROOT / ".venv" / "bin" / "oxigraph"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not OXIGRAPH.exists():
        pytest.skip("the oxigraph server (PyPI package oxigraph, in the test extras) is not installed")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph") / "db"
    process = start([str(OXIGRAPH), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"], port)
    yield f"http://127.0.0.1:{port}"
    stop(process)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("push") / "store"
    store = seed_store(path)
    del store
    return path


def remote_quads(server: str) -> list[str]:
    """Every quad on the server, as N-Quads lines (a list, so duplicates would show)."""
    text = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    request = urllib.request.Request(f"{server}/query?" + urllib.parse.urlencode({"query": text}),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as r:
        parsed = ox.parse_query_results(r.read(), ox.QueryResultsFormat.JSON)
    return sorted(str(ox.Quad(s["s"], s["p"], s["o"], s["g"])) for s in parsed)


def local_quads(store) -> list[str]:
    return sorted(str(q) for q in store.quads_for_pattern(None, None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph))


def test_push_query_push_again(server, store_path):
    command = [*KG, "push", "--endpoint", f"{server}/store", "--store", str(store_path), "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    store = open_store(store_path, read_only=True)
    first = remote_quads(server)
    assert first == local_quads(store)
    assert push(store, f"{server}/store") == len(named_graphs(store, include_ontology=True))
    assert remote_quads(server) == first  # PUT replaces: pushing twice changes nothing


def test_pushing_a_changed_article_replaces_it_on_the_server(server, store_path, tmp_path):
    source = open_store(store_path, read_only=True)
    local = ox.Store()
    local.extend(source.quads_for_pattern(None, None, None, None))
    article = next(g for g in named_graphs(local) if "/article/" in g)
    load_graphs(local, [(article, b'<https://example.org/only> <https://example.org/p> "changed" .\n')])
    push(local, f"{server}/store")
    remote = remote_quads(server)
    expected = f'<https://example.org/only> <https://example.org/p> "changed" <{article}>'
    assert [q for q in remote if q.endswith(f"<{article}>")] == [expected]
    assert remote == local_quads(local)


def test_push_from_a_graph_file_merges_the_entities_graph(server, tmp_path):
    path = Path(tmp_path / "extra.nq")
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    path.write_text(f'<https://w3id.org/newskg/id/entity/x> {label} "X" <https://w3id.org/newskg/id/graph/entities> .\n')
    before = [q for q in remote_quads(server) if q.endswith("<https://w3id.org/newskg/id/graph/entities>")]
    done = subprocess.run([*KG, "push", "--endpoint", f"{server}/store", "--graph", str(path), "--quiet"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    after = [q for q in remote_quads(server) if q.endswith("<https://w3id.org/newskg/id/graph/entities>")]
    assert set(before) < set(after) and len(after) == len(before) + 1


@pytest.mark.parametrize(("auth", "header"), [
    (Auth(), None),
    (Auth(user="ana", password="s3cret"), "Basic YW5hOnMzY3JldA=="),
    (Auth(token="abc.def"), "Bearer abc.def"),
])
def test_auth_headers(auth, header):
    assert auth.headers().get("Authorization") == header


def test_the_password_can_come_from_the_environment(monkeypatch):
    from kg.store import env_password

    monkeypatch.setenv("KG_PUSH_PASSWORD", "from-env")
    assert env_password() == "from-env"


@pytest.mark.parametrize("path", ["/nope", ""])
def test_a_refusing_or_absent_server_is_e051(server, path):
    store = ox.Store()
    load_graphs(store, [("https://example.org/g", b'<https://example.org/s> <https://example.org/p> "o" .\n')])
    endpoint = f"{server}{path}" if path else f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(StoreError) as err:
        push(store, endpoint, timeout=10)
    assert err.value.code == "E051"



class _Recorder:
    """A Graph Store Protocol listener on loopback that accepts `accept` requests, then answers 500; it records the graphs."""

    def __init__(self, accept: int) -> None:
        import http.server
        import threading

        recorder = self
        self.graphs: list[str] = []
        self.accept = accept

        class Handler(http.server.BaseHTTPRequestHandler):
            def _handle(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query, keep_blank_values=True)
                ok = len(recorder.graphs) < recorder.accept
                recorder.graphs.append(query["graph"][0] if "graph" in query else "default")
                self.send_response(204 if ok else 500)
                self.end_headers()

            do_PUT = do_POST = _handle

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/store"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_the_shared_graphs_go_first_and_a_failed_push_says_how_many_went(store_path):
    store = open_store(store_path, read_only=True)
    articles = [g for g in named_graphs(store) if "/article/" in g]
    assert articles
    recorder = _Recorder(accept=2)
    try:
        with pytest.raises(StoreError) as err:
            push(store, recorder.url, timeout=10)
    finally:
        recorder.close()
    assert recorder.graphs[:2] == ["https://w3id.org/newskg/id/graph/entities", "https://w3id.org/newskg/ontology"]
    assert recorder.graphs[2] in articles and len(recorder.graphs) == 3
    assert err.value.code == "E051" and "2 graph(s) were sent before" in str(err.value) and recorder.graphs[2] in str(err.value)


def test_the_cli_reports_a_failed_push_with_its_count(store_path):
    recorder = _Recorder(accept=1)
    try:
        done = subprocess.run([*KG, "push", "--endpoint", recorder.url, "--store", str(store_path), "--quiet"],
                              capture_output=True, text=True, timeout=120)
    finally:
        recorder.close()
    assert done.returncode == 2 and "[E051]" in done.stderr and "1 graph(s) were sent before" in done.stderr
    assert recorder.graphs[0] == "https://w3id.org/newskg/id/graph/entities"
