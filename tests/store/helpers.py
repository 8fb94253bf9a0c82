"""What the store, query, serve and push tests share: the seed graph, gold facts, server processes."""
from __future__ import annotations

import json
import os
import socket
import socketserver
import subprocess
import sys
import threading
import time
import unicodedata
from functools import cache
from pathlib import Path

from rdflib import Dataset

from tests.conftest import DATA, ROOT

SEED = ROOT / "examples" / "2020-07-16-serbia-kosovo-brussels-talks.txt"
GOLD = json.loads((DATA / "gold" / "2020-07-16-serbia-kosovo-brussels-talks.json").read_text(encoding="utf-8"))
KG = [sys.executable, "-m", "kg"]


def gold_name(key: str) -> str:
    """The canonical name of a gold entity id."""
    return next(e["name"] for e in GOLD["entities"] if e["id"] == key)


def fold(text: str) -> str:
    """Whitespace, quote marks and accents folded, lower-cased: how gold strings are compared."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    for mark in "\"'`":
        text = text.replace(mark, "")
    return " ".join(text.lower().split())


@cache
def seed_dataset() -> Dataset:
    """The graph `kg build` makes from the seed article (built once per test process)."""
    from kg.pipeline import build
    from kg.rdf import to_dataset

    result = build([SEED])
    assert not result.errors, result.errors
    return to_dataset(result.extractions)


def seed_store(path: Path):
    """A store at `path` loaded with the seed graph."""
    from kg.store import load_dataset, open_store

    store = open_store(path)
    load_dataset(seed_dataset(), store)
    return store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60.0) -> None:
    """Return once something listens on the port; fail if the process dies first."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {process.stderr.read().decode() if process.stderr else ''}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port} after {timeout} s")


def start(args: list[str], port: int) -> subprocess.Popen:
    """A server process listening on `port` (its stderr kept for failure messages)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    try:
        wait_for_port(port, process)
    except BaseException:
        stop(process)
        raise
    return process


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)
    for pipe in (process.stdin, process.stdout, process.stderr):
        if pipe is not None:
            pipe.close()


class Listener(socketserver.ThreadingTCPServer):
    """A loopback server that records every connection made to it (what a SERVICE or LOAD would reach)."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        self.calls: list[bytes] = []
        outer = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                self.request.settimeout(1)
                try:
                    outer.calls.append(self.request.recv(200))
                except OSError:
                    outer.calls.append(b"(connected)")

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def port(self) -> int:
        return self.server_address[1]


def serve_seed(folder: Path, *options: str) -> tuple[int, subprocess.Popen]:
    """A real `kg serve` over a store of the seed graph made in `folder`, with `options`; (port, process)."""
    store = seed_store(folder / "store")
    del store  # the server takes the lock
    port = free_port()
    return port, start([*KG, "serve", "--store", str(folder / "store"), "--port", str(port), *options], port)
