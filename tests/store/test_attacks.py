"""SSRF and parser attacks: no query in the corpus makes `kg query` or `kg serve` call another server.

`tests/data/attacks/service.jsonl` keeps every disguised SERVICE, LOAD and
update form found so far, with the refusal expected (E042: refused by
meaning, 403; E040: malformed, 400; answered: harmless, 200); `{port}` is a
loopback listener that must receive nothing, whatever the answer.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.parse

import pytest

from kg import query as q
from kg.errors import QueryError
from tests.conftest import DATA
from tests.store.helpers import KG, serve_seed, stop
from tests.store.test_serve import http

pytestmark = pytest.mark.xdist_group("kg-serve")
ATTACKS = [json.loads(line) for line in (DATA / "attacks" / "service.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
STATUS = {"E042": 403, "E040": 400, "answered": 200}  # "answered": a harmless query that must fetch nothing


def _text(attack: dict, port: int) -> str:
    return attack["query"].replace("{port}", str(port))


def _assert_untouched(listener, what: str) -> None:
    time.sleep(0.05)
    assert not listener.calls, f"{what}: the listener was called: {listener.calls}"


def test_the_listener_sees_a_direct_service_call(listener):
    """The control: without newskg's walls, the engine does call the listener, so the tests below can fail."""
    import pyoxigraph as ox

    with pytest.raises(Exception):  # noqa: B017 - the listener answers nothing sensible
        list(ox.Store().query(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?a ?b ?c }} }}"))
    time.sleep(0.05)
    assert listener.calls
    listener.calls.clear()


@pytest.mark.parametrize("attack", ATTACKS, ids=[a["id"] for a in ATTACKS])
def test_kg_query_calls_no_one(attack, listener):
    import pyoxigraph as ox

    store = ox.Store()
    text = _text(attack, listener.port)
    if attack["expect"] == "answered":
        q.run(store, text)
    else:
        with pytest.raises(QueryError) as err:
            list(q.run(store, text, add_prefixes=True).rows)
        assert err.value.code == attack["expect"], err.value
    _assert_untouched(listener, attack["id"])


def test_the_cli_refuses_the_disguised_service(listener, tmp_path):
    graph = tmp_path / "g.nq"
    graph.write_text('<https://example.org/s> <https://example.org/p> "o" <https://example.org/g> .\n')
    done = subprocess.run([*KG, "query", _text(ATTACKS[0], listener.port), "--graph", str(graph)], capture_output=True, text=True)
    assert done.returncode == 2 and "[E042]" in done.stderr and "Traceback" not in done.stderr
    _assert_untouched(listener, "kg query")


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    port, process = serve_seed(tmp_path_factory.mktemp("attacks"), "--workers", "1", "--timeout", "5")
    yield f"http://127.0.0.1:{port}/sparql"
    stop(process)


@pytest.mark.parametrize("attack", ATTACKS, ids=[a["id"] for a in ATTACKS])
def test_kg_serve_calls_no_one(attack, endpoint, listener):
    text = _text(attack, listener.port)
    for data, ctype in ((text.encode(), "application/sparql-query"), (urllib.parse.urlencode({"query": text}).encode(), None)):
        headers = {"Content-Type": ctype or "application/x-www-form-urlencoded"}
        status, _, body = http(endpoint, data=data, headers=headers)
        assert status == STATUS[attack["expect"]], (attack["id"], status, body[:300])
    _assert_untouched(listener, attack["id"])


CUT = """
import sys
from kg.offline import cut_network
print(cut_network((sys.argv[1],)), flush=True)
import pyoxigraph as ox
try:
    list(ox.Store().query("SELECT * WHERE { SERVICE <http://127.0.0.1:%s/sparql> { ?a ?b ?c } }" % sys.argv[2]))
except Exception as exc:
    print("refused:", exc)
"""


@pytest.mark.parametrize("method", ["namespace", "user-namespace", "seccomp"])
def test_a_cut_off_worker_reaches_no_one_even_without_the_parser(method, listener):
    """The second wall alone: the engine is asked for SERVICE directly, in a process cut off by `method`."""
    import platform

    done = subprocess.run([sys.executable, "-c", CUT, method, str(listener.port)], capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        root = os.geteuid() == 0
        if method == "seccomp" and platform.machine() in ("x86_64", "aarch64"):
            pytest.fail(f"seccomp must work on {platform.machine()}: {done.stderr[-500:]}")
        if method == "namespace" and root:
            pytest.fail(f"a network namespace must work as root: {done.stderr[-500:]}")
        pytest.skip(f"{method} is not available here: {done.stderr.strip().splitlines()[-1]}")
    assert done.stdout.startswith(method) and "refused:" in done.stdout, done.stdout
    _assert_untouched(listener, method)


@pytest.mark.parametrize("body", ["a." * 32768, "'''a" * 16384, '"a' * 32768, "?a=" * 21845, "<a" * 32768, "{" * 65536,
                                  "ASK { " + "".join(f"<http://example.org/s> <http://example.org/p> ?v{i} . " for i in range(300)) + "}"])
def test_pathological_bodies_are_parsed_not_timed_out(endpoint, body):
    """64 KB of the shapes that made the old token scan quadratic: answered (400, or 200 for the valid one) within the timeout."""
    status, _, answer = http(endpoint, data=body.encode(), headers={"Content-Type": "application/sparql-query"})
    assert status in (200, 400), (status, answer[:200])


def test_the_tokenizer_is_linear():
    """Tokenizing ten times the text takes about ten times as long (a quadratic scan took a hundred)."""
    def cost(n: int) -> float:
        text = "a." * n + "'''a" * n + "?a=" * n
        begin = time.perf_counter()
        for _ in range(3):
            list(q.tokens(text))
        return time.perf_counter() - begin

    cost(1000)
    small = min(cost(2000) for _ in range(3))
    assert min(cost(20000) for _ in range(3)) / small < 30
