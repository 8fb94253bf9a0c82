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
import signal
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http import HTTPStatus
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
    allow_hosts: tuple[str, ...] = ()  # Host names answered besides the address served and localhost; "*" for any
    max_body: int = 1 << 20  # bytes of a request body; larger ones get 413 unread
    max_header: int = 64 << 10  # bytes of a request's headers
    max_connections: int = 10_000  # open connections at once
    idle_timeout: float = 30.0  # seconds an idle connection stays open
    max_memory: int = 2048  # MiB of data memory per query worker; a query past it is stopped


# ---------------------------------------------------------------- workers


def _open(settings: Settings):
    from kg.graphio import read_file
    from kg.store import open_store

    return read_file(settings.graph, ontology=True) if settings.graph else open_store(settings.store, read_only=True)


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
    from kg.offline import cut_network

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself
    try:
        offline = cut_network()
    except OSError as exc:
        offline = f"NOT cut off from the network ({exc})"
    if settings.max_memory:
        import resource

        limit = settings.max_memory << 20
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    try:
        store = _open(settings)
        _answer(store, {"query": "ASK {}", "format": "json", "graph_type": ""}, 1)  # what answering loads on first use
        conn.send(("ready", offline))  # (0.2 s of imports and parser set-up) is start-up, not the first query's time
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
        try:
            if not ready:  # a fresh worker says "ready" first: its start-up is waiting in the queue, not the query's time
                if not conn.poll(max(self.settings.timeout, queued_until - time.monotonic())):
                    raise TimeoutError
                kind, detail = conn.recv()
                if kind != "ready":
                    return 500, "text/plain", f"a query worker cannot open the store: {detail}".encode()
            deadline = time.monotonic() + self.settings.timeout
            conn.send(request)
            if not conn.poll(max(0.0, deadline - time.monotonic())):
                raise TimeoutError
            answer = conn.recv()
        except (TimeoutError, EOFError, OSError) as exc:
            if not isinstance(exc, TimeoutError):
                process.join(2)
            died = process.exitcode
            self._replace(process, conn)
            if isinstance(exc, TimeoutError):
                return 503, "text/plain", f"the query ran past the {self.settings.timeout:g} s timeout and was stopped".encode()
            if died == -signal.SIGABRT:  # an allocation refused past RLIMIT_DATA aborts the engine
                limit = self.settings.max_memory
                return 503, "text/plain", (f"the query was stopped: it needed more than the {limit} MiB a query may use "
                                           f"(--max-memory); narrow it or add a LIMIT").encode()
            return 500, "text/plain", f"the query worker died ({exc}, exit code {died})".encode()
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


class App:
    """The SPARQL 1.1 Protocol as a WSGI application: GET and POST on /sparql (also /query).

    Before any query work it checks the Host header against the names the
    endpoint answers to (a web page that rebinds a DNS name to 127.0.0.1
    is refused) and the Origin / Sec-Fetch-Site headers against `--cors`
    (a page on another site cannot use a local endpoint by accident, not even
    with a plain form POST that needs no preflight).
    """

    def __init__(self, settings: Settings, pool: Pool) -> None:
        self.settings, self.pool = settings, pool
        self.listening(settings.port)

    def listening(self, port: int) -> None:
        """The port the server got: the Host and Origin values accepted follow from it."""
        self.port = port
        names = {self.settings.host, "localhost", "127.0.0.1", "[::1]", *self.settings.allow_hosts}
        self.hosts = {n.lower() for n in names} | {f"{n}:{port}".lower() for n in names}
        self.origins = {f"http://{h}" for h in self.hosts} | ({self.settings.cors.lower()} if self.settings.cors else set())

    def __call__(self, environ: dict[str, Any], start_response) -> list[bytes]:
        started = time.monotonic()
        status, ctype, body, extra = self._respond(environ)
        if not ctype.startswith("application/sparql") and "charset" not in ctype:
            ctype += "; charset=utf-8"
        headers = [("Content-Type", ctype), ("Content-Length", str(len(body)))]
        if self.settings.cors:
            headers += [("Access-Control-Allow-Origin", self.settings.cors), ("Vary", "Origin")]
        headers += list(extra.items())
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        if self.settings.verbose:
            took = 1000 * (time.monotonic() - started)
            who, what = environ.get("REMOTE_ADDR", "-"), f"{environ['REQUEST_METHOD']} {environ.get('PATH_INFO', '')}"
            sys.stderr.write(f"{who} {what} {status} {took:.0f} ms\n")
        return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [body]

    def _respond(self, environ: dict[str, Any]) -> tuple[int, str, bytes, dict[str, str]]:
        refused = self._refused(environ)
        if refused:
            return 403, "text/plain", (refused + "\n").encode(), {}
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "") or "/"
        params = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        if method == "OPTIONS":
            extra = {"Allow": "GET, POST, OPTIONS"}
            if self.settings.cors:
                extra |= {"Access-Control-Allow-Methods": "GET, POST, OPTIONS", "Access-Control-Allow-Headers": "Content-Type, Accept"}
            return 204, "text/plain", b"", extra
        if method in ("GET", "HEAD"):
            if path == "/" and "query" not in params:
                return self._text(200, f"newskg SPARQL endpoint (read-only): GET or POST a query to http://{self.settings.host}:{self.port}/sparql")
        elif method == "POST":
            ctype = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
            if ctype == "application/sparql-update":
                return self._text(403, "updates are refused: this endpoint is read-only")
            if ctype not in ("application/sparql-query", "application/x-www-form-urlencoded", ""):
                allowed = "application/sparql-query or application/x-www-form-urlencoded"
                return self._text(415, f"unsupported Content-Type {ctype}: use {allowed}")
            try:
                length = int(environ.get("CONTENT_LENGTH") or 0)
            except ValueError:
                return self._text(400, "Content-Length is not a number")
            body = environ["wsgi.input"].read(length) if length > 0 else b""
            text = body.decode("utf-8", "replace")
            if ctype == "application/sparql-query":
                params["query"] = [text]
            else:
                for key, values in urllib.parse.parse_qs(text, keep_blank_values=True).items():
                    params.setdefault(key, []).extend(values)
        else:
            return self._text(405, f"method {method} is not allowed: use GET or POST", {"Allow": "GET, POST, OPTIONS"})
        return self._dispatch(path, params, environ)

    def _refused(self, environ: dict[str, Any]) -> str:
        """Why a request is refused before it is read (a foreign Host or Origin), or ''."""
        host = (environ.get("HTTP_HOST") or "").strip().lower()
        if "*" not in self.settings.allow_hosts and host not in self.hosts:
            return f"Host {host or '(none)'} is not served here: add --allow-host {host.split(':')[0] or 'NAME'} to answer to it"
        origin = (environ.get("HTTP_ORIGIN") or "").strip().lower()
        if origin and origin != "null" and origin not in self.origins and self.settings.cors != "*":
            return f"requests from pages of {origin} are refused: start kg serve with --cors {origin} to allow them"
        if origin == "null" and self.settings.cors != "*":
            return "requests from sandboxed or local pages (Origin: null) are refused: start kg serve with --cors '*' to allow them"
        site = (environ.get("HTTP_SEC_FETCH_SITE") or "").lower()
        if site in ("cross-site", "same-site") and not origin and not self.settings.cors:
            return "requests from other sites' pages are refused: start kg serve with --cors ORIGIN to allow them"
        return ""

    @staticmethod
    def _text(status: int, message: str, extra: dict[str, str] | None = None) -> tuple[int, str, bytes, dict[str, str]]:
        return status, "text/plain", (message + "\n").encode(), extra or {}

    def _dispatch(self, path: str, params: dict[str, list[str]], environ: dict[str, Any]) -> tuple[int, str, bytes, dict[str, str]]:
        start = time.monotonic()
        if path.rstrip("/") not in PATHS and path not in ("/", ""):
            return self._text(404, f"no such path {path}: the endpoint is /sparql")
        if "update" in params:
            return self._text(403, "updates are refused: this endpoint is read-only")
        queries = params.get("query") or []
        if len(queries) != 1 or not queries[0].strip():
            return self._text(400, "give exactly one `query` parameter (or an application/sparql-query body)")
        accept = environ.get("HTTP_ACCEPT", "")
        request = {
            "query": queries[0],
            "format": negotiate(accept, (params.get("format") or [None])[0]),
            "graph_type": _graph_type(accept),
            "default_graphs": params.get("default-graph-uri") or None,
            "named_graphs": params.get("named-graph-uri") or None,
        }
        status, ctype, body = self.pool.run(request, start + self.settings.queue_timeout)
        if status >= 400:
            return self._text(status, body.decode("utf-8", "replace").rstrip("\n"))
        return status, ctype, body, {}


def _raise_open_files(wanted: int) -> int:
    """Raise this process's open-file limit towards `wanted` (each connection is a file); the limit reached."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if target > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        soft = target
    return soft


def make_server(settings: Settings):
    """The HTTP server (waitress) and its worker pool, ready to run().

    Idle and half-sent connections cost a socket, not a thread: waitress
    reads requests in one loop and hands only complete ones to its threads.
    """
    import logging

    from waitress import create_server

    logging.getLogger("waitress").setLevel(logging.INFO if settings.verbose else logging.ERROR)
    files = _raise_open_files(settings.max_connections + 256)
    pool = Pool(settings)
    app = App(settings, pool)
    try:
        server = create_server(
            app, host=settings.host, port=settings.port, ident="kg-serve",
            threads=max(8, 4 * pool.size), connection_limit=max(16, min(settings.max_connections, files - 128)),
            channel_timeout=settings.idle_timeout, cleanup_interval=max(1, min(30, int(settings.idle_timeout / 2) or 1)),
            max_request_body_size=settings.max_body, max_request_header_size=settings.max_header, backlog=1024,
            asyncore_use_poll=True, expose_tracebacks=False, clear_untrusted_proxy_headers=True,
        )
    except OSError:
        pool.close()
        raise
    app.listening(server.effective_port)
    return server, pool


def serve(settings: Settings, ready: Any = None) -> None:
    """Serve until interrupted; holds the store's lock so no build writes under the readers."""
    from pathlib import Path

    from kg.errors import StoreError
    from kg.store import open_store

    if not settings.graph and not (Path(settings.store) / "CURRENT").is_file():
        hint = "build one with `kg build ARTICLES --store PATH`, or serve a file with --graph"
        raise StoreError("E050", settings.store, f"no store here: {hint}")
    lock = None if settings.graph else open_store(settings.store)  # held for its write lock
    try:
        server, pool = make_server(settings)
    except OSError as exc:
        raise StoreError("E050", f"{settings.host}:{settings.port}", f"cannot listen: {exc}") from exc
    try:
        if ready is not None:
            ready((server.effective_host, server.effective_port), pool.offline)
        server.run()
    finally:
        server.close()
        pool.close()
        del lock
