"""A read-only SPARQL 1.1 Protocol endpoint over the store, on the standard library's HTTP server.

Queries run in a pool of worker processes, each holding a read-only view of
the store. A query that runs past the timeout gets 503 and its worker is
killed and replaced, so a runaway query cannot hold a core. Refusals:

- updates (the `update` parameter, application/sparql-update, or a query
  that parses as an update): 403;
- SERVICE (a federated call to another host), found in the query's parse
  (escapes decoded), not by a scan of its text: 403. As a second wall the
  workers run cut off from the network (`kg.offline`), so even a SERVICE
  the parser missed reaches no one;
- a result with more than `max_rows` rows or triples: 422 with a message
  asking for a LIMIT; a result is never silently truncated;
- no worker free within `queue_timeout`, or the query still running
  `timeout` seconds after it started: 503. Waiting for a worker does not eat
  into a query's own time.

The server holds the store's write lock while it runs, so no build can
change the files under the readers; `kg query` can still read a snapshot.
"""
from __future__ import annotations

import io
import multiprocessing
import os
import queue
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
ACCEPT = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = ("application/n-triples", "text/turtle", "text/plain")
PATHS = ("/sparql", "/query")


@dataclass(frozen=True)
class Settings:
    """How the endpoint runs; `store` is a store directory, or `graph` a graph file held in memory."""

    store: str = "kgstore"
    graph: str | None = None
    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 10.0
    queue_timeout: float = 60.0
    max_rows: int = 10_000
    cors: str | None = None
    workers: int = 0  # 0: one per CPU
    verbose: bool = False


# ---------------------------------------------------------------- workers


def _open(settings: Settings):
    from kg.store import graph_file_store, open_store

    return graph_file_store(settings.graph) if settings.graph else open_store(settings.store, read_only=True)


def _answer(store, request: dict[str, Any], max_rows: int) -> tuple[int, str, bytes]:
    from kg.errors import KGError
    from kg.query import TooManyRows, run, write_results

    try:
        result = run(store, request["query"], default_graphs=request.get("default_graphs"), named_graphs=request.get("named_graphs"),
                     add_prefixes=True, where="query")
        out = io.BytesIO()
        if result.kind == "graph":
            write_results(result, "tsv", out, max_rows=max_rows)
            return 200, request["graph_type"], out.getvalue()
        fmt = request["format"]
        write_results(result, fmt, out, max_rows=max_rows)
        return 200, RESULT_TYPES[fmt], out.getvalue()
    except TooManyRows as exc:
        return 422, "text/plain", str(exc).encode()
    except KGError as exc:
        return (403 if exc.code == "E042" else 400), "text/plain", str(exc).encode()
    except Exception as exc:  # the engine's own errors (a type error in a function, ...)
        return 500, "text/plain", f"query failed: {exc}".encode()


def _worker(conn, settings: Settings) -> None:
    """A worker process: answer queries from the pipe until it closes."""
    import signal

    from kg.offline import cut_network

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself
    try:
        offline = cut_network()
    except OSError as exc:
        offline = f"NOT cut off from the network ({exc})"
    try:
        store = _open(settings)
        conn.send(("ready", offline))
    except Exception as exc:
        conn.send(("failed", str(exc)))
        return
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_answer(store, request, settings.max_rows))


class Pool:
    """Worker processes, each running one query at a time; a worker past the deadline is killed and replaced."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.size = settings.workers or os.cpu_count() or 2
        self.context = multiprocessing.get_context("spawn")
        self.idle: queue.Queue = queue.Queue()
        self.lock = threading.Lock()
        self.all: list = []
        self.offline = ""  # how the workers are cut off from the network
        for _ in range(self.size):
            self._start(wait=True)

    def _start(self, wait: bool = False) -> None:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_worker, args=(child, self.settings), daemon=True)
        process.start()
        child.close()
        slot = (process, parent)
        if wait:
            kind, detail = parent.recv()
            if kind != "ready":
                from kg.errors import StoreError

                raise StoreError("E050", self.settings.graph or self.settings.store, f"a query worker cannot open it: {detail}")
            self.offline = detail
        with self.lock:
            self.all.append(slot)
        self.idle.put((slot, wait))

    def run(self, request: dict[str, Any], queued_until: float) -> tuple[int, str, bytes]:
        """Answer a request: wait for a worker until `queued_until` (time.monotonic()), then give it `timeout` seconds, or 503."""
        try:
            (process, conn), ready = self.idle.get(timeout=max(0.0, queued_until - time.monotonic()))
        except queue.Empty:
            wait = self.settings.queue_timeout
            return 503, "text/plain", f"busy: no query worker became free within {wait:g} s (--queue-timeout)".encode()
        deadline = time.monotonic() + self.settings.timeout
        try:
            if not ready:  # a fresh worker says "ready" first
                if not conn.poll(max(0.0, deadline - time.monotonic())):
                    raise TimeoutError
                kind, detail = conn.recv()
                if kind != "ready":
                    return 500, "text/plain", f"a query worker cannot open the store: {detail}".encode()
            conn.send(request)
            if not conn.poll(max(0.0, deadline - time.monotonic())):
                raise TimeoutError
            answer = conn.recv()
        except (TimeoutError, EOFError, OSError) as exc:
            self._replace(process, conn)
            if isinstance(exc, TimeoutError):
                return 503, "text/plain", f"the query ran past the {self.settings.timeout:g} s timeout and was stopped".encode()
            return 500, "text/plain", f"the query worker died: {exc}".encode()
        self.idle.put(((process, conn), True))
        return answer

    def _replace(self, process, conn) -> None:
        process.kill()
        process.join(5)
        conn.close()
        with self.lock:
            self.all = [s for s in self.all if s[0] is not process]
        self._start()

    def close(self) -> None:
        with self.lock:
            slots, self.all = self.all, []
        for process, conn in slots:
            conn.close()
            process.kill()
            process.join(5)


# ---------------------------------------------------------------- HTTP


def negotiate(accept: str, fmt: str | None = None) -> str:
    """The results format for an Accept header (or an explicit `format` parameter); JSON by default."""
    if fmt in RESULT_TYPES:
        return fmt
    best, best_q = "json", -1.0
    for part in (accept or "").split(","):
        media, *attrs = [p.strip() for p in part.split(";")]
        q = 1.0
        for attr in attrs:
            if attr.startswith("q="):
                try:
                    q = float(attr[2:])
                except ValueError:
                    q = 0.0
        if media.lower() in ACCEPT and q > best_q:
            best, best_q = ACCEPT[media.lower()], q
    return best


def _graph_type(accept: str) -> str:
    accept = (accept or "").lower()
    return next((t for t in GRAPH_TYPES if t in accept), "application/n-triples")


class Handler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol: GET and POST on /sparql (also /query)."""

    protocol_version = "HTTP/1.1"
    server_version = "kg-serve"
    settings: Settings
    pool: Pool

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class names it so
        if self.settings.verbose:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def _send(self, status: int, ctype: str, body: bytes, extra: dict[str, str] | None = None) -> None:
        if not ctype.startswith("application/sparql") and "charset" not in ctype:
            ctype += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if self.settings.cors:
            self.send_header("Access-Control-Allow-Origin", self.settings.cors)
            self.send_header("Vary", "Origin")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, "text/plain", (message + "\n").encode())

    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
        extra = {"Allow": "GET, POST, OPTIONS"}
        if self.settings.cors:
            extra |= {"Access-Control-Allow-Methods": "GET, POST, OPTIONS", "Access-Control-Allow-Headers": "Content-Type, Accept"}
        self._send(204, "text/plain", b"", extra)

    def do_GET(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if url.path in ("/", "") and "query" not in params:
            self._error(200, f"newskg SPARQL endpoint (read-only): GET or POST a query to http://{self.settings.host}:{self.server.server_port}/sparql")
            return
        self._dispatch(url.path, params)

    def do_POST(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            self._error(403, "updates are refused: this endpoint is read-only")
            return
        if ctype == "application/sparql-query":
            params["query"] = [body.decode("utf-8", "replace")]
        elif ctype in ("application/x-www-form-urlencoded", ""):
            for key, values in urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        else:
            self._error(415, f"unsupported Content-Type {ctype}: use application/sparql-query or application/x-www-form-urlencoded")
            return
        self._dispatch(url.path, params)

    def _dispatch(self, path: str, params: dict[str, list[str]]) -> None:
        start = time.monotonic()
        if path.rstrip("/") not in PATHS and path not in ("/", ""):
            self._error(404, f"no such path {path}: the endpoint is /sparql")
            return
        if "update" in params:
            self._error(403, "updates are refused: this endpoint is read-only")
            return
        queries = params.get("query") or []
        if len(queries) != 1 or not queries[0].strip():
            self._error(400, "give exactly one `query` parameter (or an application/sparql-query body)")
            return
        text = queries[0]
        accept = self.headers.get("Accept", "")
        request = {
            "query": text,
            "format": negotiate(accept, (params.get("format") or [None])[0]),
            "graph_type": _graph_type(accept),
            "default_graphs": params.get("default-graph-uri") or None,
            "named_graphs": params.get("named-graph-uri") or None,
        }
        status, ctype, body = self.pool.run(request, start + self.settings.queue_timeout)
        if status >= 400:
            self._error(status, body.decode("utf-8", "replace"))
        else:
            self._send(status, ctype, body)


class Server(ThreadingHTTPServer):
    """A thread per connection; a listen backlog that takes many clients connecting at once (the default of 5 reset some)."""

    request_queue_size = 128
    daemon_threads = True


def make_server(settings: Settings) -> tuple[ThreadingHTTPServer, Pool]:
    """The HTTP server and its worker pool, ready to serve_forever()."""
    pool = Pool(settings)
    handler = type("BoundHandler", (Handler,), {"settings": settings, "pool": pool})
    try:
        server = Server((settings.host, settings.port), handler)
    except OSError:
        pool.close()
        raise
    return server, pool


def serve(settings: Settings, ready: Any = None) -> None:
    """Serve until interrupted; holds the store's lock so no build writes under the readers."""
    from kg.errors import StoreError
    from kg.store import open_store

    lock = None if settings.graph else open_store(settings.store)  # held for its write lock
    try:
        server, pool = make_server(settings)
    except OSError as exc:
        raise StoreError("E050", f"{settings.host}:{settings.port}", f"cannot listen: {exc}") from exc
    try:
        if ready is not None:
            ready(server.server_address, pool.offline)
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
        pool.close()
        del lock
