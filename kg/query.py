"""Run SPARQL over the store or a graph file; canned queries live in kg/queries/NAME.rq.

A canned query starts with a header of comments::

    # title: Who met whom
    # description: pairs of participants of meetings, with dates and places
    # param actor: name or IRI of an actor to follow (default any)

Parameters become RDF terms (an IRI, an xsd:date, an integer or a string,
escaped by the RDF serializer) put in place of their variables: a value is
never pasted into the query text as is.

>>> term("Vucic"), term("2020-07-16"), term("https://w3id.org/newskg/id/entity/state-Q403")
('"Vucic"', '"2020-07-16"^^<http://www.w3.org/2001/XMLSchema#date>', '<https://w3id.org/newskg/id/entity/state-Q403>')
>>> term('a" } ; DROP ALL ; #')
'"a\\\\" } ; DROP ALL ; #"'
>>> inspect("SELECT * WHERE { ?s ?p 'SERVICE' } # SERVICE").form
'SELECT'
>>> inspect("SELECT * WHERE { \\u0053ERVICE <http://example.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
kg.errors.QueryError: [E042] query: SERVICE calls to other servers are not allowed: the graph is queried offline
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import IO, TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

from kg.errors import QueryError
from kg.vocab import ONTOLOGY_GRAPH, PREFIXES

if TYPE_CHECKING:
    import pyoxigraph

FORMATS = ("table", "csv", "tsv", "json", "xml")
XSD = PREFIXES["xsd"]
UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})
QUERY_KEYWORDS = frozenset({"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"})

# Every alternative consumes what it starts (possessive runs; an unclosed string runs to its line's or the
# text's end), so tokenizing is linear in the text whatever it holds. Variable names are SPARQL's VARNAME.
_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*+)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*+(?:\"\"\"|\Z)|'''(?:[^'\\]|\\.|'(?!''))*+(?:'''|\Z)
       |"(?:[^"\\\n]|\\.)*+(?:"|(?=\n)|\Z)|'(?:[^'\\\n]|\\.)*+(?:'|(?=\n)|\Z))
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*+>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]++)
  | (?P<pname>(?:[^\W\d][\w.-]*+)?:(?:[\w.:%\u00B7-]|\\[_~.!$&'()*+,;=/?\#@%-])*+)
  | (?P<word>[^\W\d][\w.-]*+)
  | (?P<brace>[{}])
  | (?P<space>\s++)
  | (?P<other>.)
    """,
    re.X | re.S,
)
_HEADER = re.compile(r"#\s*(title|description):\s*(.*)")
_PARAM = re.compile(r"#\s*param\s+([A-Za-z_]\w*)\s*:\s*(.*?)\s*(?:\(default\s+(.*)\))?\s*$")


def tokens(text: str) -> Iterator[tuple[str, str, int]]:
    """(kind, text, offset) of the SPARQL tokens that matter: comments, strings and IRIs are single tokens."""
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind != "space":
            yield kind, m.group(), m.start()


@dataclass(frozen=True)
class Inspection:
    """What a query does, read from its parse: its form and whether it names its own dataset (FROM, FROM NAMED)."""

    form: str
    dataset: bool = False


def _deep(call, *args):
    """call(*args) on a thread with a large stack: the grammar recurses once per triple pattern."""
    import sys
    import threading

    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = call(*args)
        except BaseException as exc:  # handed back to the caller's thread
            box["error"] = exc

    limit, size = sys.getrecursionlimit(), threading.stack_size()
    sys.setrecursionlimit(max(limit, 200_000))
    threading.stack_size(64 * 1024 * 1024)
    try:
        thread = threading.Thread(target=target, name="sparql-parse")
        thread.start()
    finally:
        threading.stack_size(size)
    thread.join()
    sys.setrecursionlimit(limit)
    if "error" in box:
        raise box["error"]
    return box["value"]


def _walk(node: Any) -> Iterator[Any]:
    """Every node of an rdflib parse tree (CompValue, ParseResults, lists), depth first, without recursion."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, CompValue):
            stack.extend(node.values())
        elif isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
            stack.extend(node)


def syntax_error(text: str, line: int, col: int, reason: str, where: str, added: int = 0, raw: str = "") -> QueryError:
    """E040 for a malformed query: the line, a caret under the column and a one-line reason (`raw` kept on `.raw`).

    `added` is the number of lines put before the user's text (declared prefixes), so positions count the user's lines.

    >>> print(syntax_error("SELECT * WHERE { ?s ?p }", 1, 24, "unexpected '}'", "query"))
    [E040] query: error at 1:24: unexpected '}'
      SELECT * WHERE { ?s ?p }
                             ^
    """
    lines = text.splitlines() or [""]
    shown = lines[min(max(line, 1), len(lines)) - 1]
    cut = max(0, col - 60)
    snippet, caret = shown[cut : cut + 100], " " * (col - 1 - cut) + "^"
    error = QueryError("E040", where, f"error at {max(1, line - added)}:{col}: {reason}\n  {snippet}\n  {caret}")
    error.raw = raw or reason
    return error


def _reason(message: str, found: str) -> str:
    """A parser's expectation list cut to one line: short expectations are kept, long lists become 'unexpected X'."""
    message = " ".join(message.split())
    shown = repr(found) if found else "end of the query"
    if len(message) <= 60 and "|" not in message and "{" not in message:
        return f"{message[0].lower()}{message[1:]}, found {shown}" if message else f"unexpected {shown}"
    return f"unexpected {shown} here"


def _engine_failure(text: str, where: str, added: int) -> QueryError | None:
    """The engine's own syntax error for `text`, with its exact position; only asked in a process cut off from the network."""
    from kg.offline import is_offline

    if not is_offline():
        return None
    import pyoxigraph as ox

    try:
        ox.Store().query(text)
    except SyntaxError as exc:
        return _engine_syntax(exc, text, where, added)
    except Exception:  # noqa: BLE001 - it parsed; the grammar's refusal stands
        return None
    return None


def _engine_syntax(exc: SyntaxError, text: str, where: str, added: int) -> QueryError:
    m = re.search(r"error at (\d+):(\d+):\s*(.*)", str(exc), re.S)
    if not m:
        return QueryError("E040", where, str(exc))
    line, col, detail = int(m.group(1)), int(m.group(2)), m.group(3)
    lines = text.splitlines() or [""]
    shown = lines[min(max(line, 1), len(lines)) - 1]
    found = shown[col - 1 : col] if 0 < col <= len(shown) else ""
    if found and (found.isalnum() or found in "?$_"):
        found = re.match(r"[\w?$:.-]+", shown[col - 1 :]).group()[:30]
    reason = detail.splitlines()[0] if len(detail) < 80 and "[" not in detail else _reason("", found)
    return syntax_error(text, line, col, reason, where, added, raw=str(exc))


def _parse_failure(exc: Exception, text: str, where: str, added: int) -> QueryError:
    better = _engine_failure(text, where, added)
    if better is not None:
        return better
    loc = getattr(exc, "loc", 0)
    found = text[loc : loc + 1] if loc < len(text) else ""
    if found and (found.isalnum() or found in "?$_"):
        found = re.match(r"[\w?$:.-]+", text[loc:]).group()[:30]
    reason = _reason(getattr(exc, "msg", "") or str(exc), found)
    return syntax_error(text, getattr(exc, "lineno", 1), getattr(exc, "col", 1), reason, where, added, raw=str(exc))


def inspect(text: str, where: str = "query", *, allow_service: bool = False, added_lines: int = 0) -> Inspection:
    """Parse a query (\\u escapes decoded first, as SPARQL says) and decide by its parse what it may do.

    A SERVICE pattern anywhere (a call to another server) raises QueryError
    E042 unless allowed; an update (INSERT, LOAD, DROP, ...) raises E042; a
    malformed query raises E040 with its line and column. The check reads
    the grammar's parse, not the text, so strings, comments, escapes and odd
    spacing cannot hide a SERVICE.

    >>> inspect("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }")
    Inspection(form='SELECT', dataset=True)
    >>> inspect("LOAD <http://example.org/data>")
    Traceback (most recent call last):
    kg.errors.QueryError: [E042] query: updates are refused: this is a read-only query (LOAD, INSERT, DELETE, ... are not run)
    """
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql import parser

    try:
        tree = _deep(parser.parseQuery, text)
    except (ParseBaseException, RecursionError, ValueError) as exc:
        try:
            _deep(parser.parseUpdate, text)
        except Exception:
            if isinstance(exc, RecursionError):
                raise QueryError("E040", where, "the query is nested too deeply for the parser") from None
            raise _parse_failure(exc, text, where, added_lines) from None
        raise QueryError("E042", where, "updates are refused: this is a read-only query (LOAD, INSERT, DELETE, ... are not run)") from None
    except Exception as exc:  # the grammar's own actions (a bad IRI or literal)
        raise QueryError("E040", where, f"error: {exc}") from None
    names = {getattr(node, "name", None) for node in _walk(tree)}
    if "ServiceGraphPattern" in names and not allow_service:
        raise QueryError("E042", where, "SERVICE calls to other servers are not allowed: the graph is queried offline")
    body = tree[1]
    form = getattr(body, "name", "SelectQuery").removesuffix("Query").upper()
    return Inspection(form, bool("datasetClause" in body and body["datasetClause"]))


def _undeclared(text: str) -> list[str]:
    """The usual prefixes (kg.vocab.PREFIXES) a query uses without declaring them, sorted."""
    declared: set[str] = set()
    used: set[str] = set()
    previous = ""
    for kind, t, _ in tokens(text):
        if kind == "pname":
            (declared if previous == "PREFIX" else used).add(t.split(":", 1)[0])
        previous = t.upper() if kind == "word" else t
    return sorted(p for p in used - declared if p in PREFIXES)


def with_prefixes(text: str) -> str:
    """The query with one first line declaring the usual prefixes (kg.vocab.PREFIXES) it uses but does not declare.

    >>> first, rest = with_prefixes("SELECT ?l WHERE { ?s rdfs:label ?l ; a kg:State }").split("\\n")
    >>> first == f"PREFIX kg: <{PREFIXES['kg']}> PREFIX rdfs: <{PREFIXES['rdfs']}>", rest
    (True, 'SELECT ?l WHERE { ?s rdfs:label ?l ; a kg:State }')
    >>> with_prefixes("PREFIX rdfs: <http://example.org/> SELECT * WHERE { ?s rdfs:x ?o }")[:6]
    'PREFIX'
    """
    missing = _undeclared(text)
    if not missing:
        return text
    return " ".join(f"PREFIX {p}: <{PREFIXES[p]}>" for p in missing) + "\n" + text


def declare_prefixes(text: str) -> str:
    """A bundled query (kg/queries/*.rq) with a PREFIX line for each usual prefix it uses, after its header comments.

    The .rq files spell no namespace: their prefixes are kg.vocab's.

    >>> print(declare_prefixes("# title: t\\nSELECT ?x WHERE { ?x a kg:State }").replace(PREFIXES["kg"], "..."))
    # title: t
    PREFIX kg: <...>
    SELECT ?x WHERE { ?x a kg:State }
    """
    missing = _undeclared(text)
    lines = text.splitlines(keepends=True)
    head = next((i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")), len(lines))
    return "".join(lines[:head]) + "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in missing) + "".join(lines[head:])


# ---------------------------------------------------------------- canned queries


@dataclass(frozen=True)
class Param:
    """A parameter of a canned query; no default means required."""

    name: str
    meaning: str
    default: str | None = None

    @property
    def names_a_thing(self) -> bool:
        """Whether the value names an actor or place in the graph (its meaning says "name or IRI")."""
        return "name or IRI" in self.meaning


@dataclass(frozen=True)
class Canned:
    """A canned query: kg/queries/NAME.rq with its header."""

    name: str
    title: str
    description: str
    text: str
    params: tuple[Param, ...] = field(default=())

    def render(self, values: dict[str, str] | None = None, limit: int | None = None) -> str:
        """The query text with its parameters bound (and at most `limit` rows); E041 for an unknown or missing parameter."""
        values = dict(values or {})
        known = {p.name for p in self.params}
        unknown = sorted(set(values) - known)
        if unknown:
            takes = ", ".join(sorted(known)) or "none"
            raise QueryError("E041", f"query {self.name}", f"unknown parameter {', '.join(unknown)}: it takes {takes}")
        bound = {}
        for p in self.params:
            value = values.get(p.name, p.default)
            if value is None:
                raise QueryError("E041", f"query {self.name}", f"parameter {p.name} is required ({p.meaning}): add --param {p.name}=VALUE")
            bound[p.name] = value
        text = bind(self.text, bound, where=f"query {self.name}")
        if limit:
            text = re.sub(r"\s*LIMIT\s+\d+\s*$", "", text.rstrip(), flags=re.I) + f"\nLIMIT {int(limit)}\n"
        return text


_LOOKUP = """SELECT DISTINCT ?label WHERE {
  GRAPH graph:entities { ?x rdfs:label ?label . ?x rdfs:label|skos:altLabel ?name }
  FILTER(?x = ?value || CONTAINS(LCASE(?name), LCASE(STR(?value))))
} LIMIT 1"""
_LABELS = """SELECT DISTINCT ?label WHERE { GRAPH graph:entities { ?x rdfs:label ?label } }"""


def check_names(store: pyoxigraph.Store, query: Canned, values: dict[str, str]) -> None:
    """QueryError E041 when a parameter names an actor or place the store does not know, with the closest names it does.

    A canned query given an unknown name would answer with no rows and no reason; this says why instead.
    """
    import difflib

    for p in query.params:
        value = (values.get(p.name) or "").strip()
        if not p.names_a_thing or not value:
            continue
        if select(store, bind(declare_prefixes(_LOOKUP), {"value": value})):
            continue
        labels = [row["label"] for row in select(store, declare_prefixes(_LABELS))]
        by_word: dict[str, list[str]] = {}
        for label in labels:
            for word in [label, *label.split()]:
                by_word.setdefault(word.lower(), []).append(label)
        words = difflib.get_close_matches(value.lower(), list(by_word), n=5, cutoff=0.7)
        close = list(dict.fromkeys(label for word in words for label in by_word[word]))[:5]
        hint = f"; close names: {', '.join(close)}" if close else ""
        raise QueryError("E041", f"query {query.name}", f"no actor or place in the store is named {value!r} ({p.name}){hint}")


def term(value: str) -> str:
    """A parameter value as a SPARQL term: <IRI>, xsd:date, xsd:integer or a string, escaped by the serializer.

    A prefixed name with one of the usual prefixes is the IRI it stands for:

    >>> term("id:entity/state-Q403")
    '<https://w3id.org/newskg/id/entity/state-Q403>'
    """
    import pyoxigraph as ox

    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://\S+$", value) or value.startswith("urn:"):
        try:
            return str(ox.NamedNode(value))
        except ValueError as exc:
            raise QueryError("E041", value, f"not a valid IRI: {exc}") from exc
    prefixed = re.fullmatch(r"([A-Za-z][\w.-]*):(\S+)", value)
    if prefixed and prefixed.group(1) in PREFIXES:
        return term(PREFIXES[prefixed.group(1)] + prefixed.group(2))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return str(ox.Literal(value, datatype=ox.NamedNode(XSD + "date")))
    if re.fullmatch(r"-?\d{1,18}", value):
        return str(ox.Literal(value, datatype=ox.NamedNode(XSD + "integer")))
    return str(ox.Literal(value))


def bind(text: str, values: dict[str, str], where: str = "query") -> str:
    """Put each value, as an RDF term, in place of ?NAME inside the WHERE clauses.

    Constants in the patterns and filters let the engine's optimizer filter
    early and start from the selective pattern (a VALUES block joined last
    cost Oxigraph 10x on a million triples). Where ?NAME stays a variable (in a
    projection or SELECT *, after AS, in GROUP BY, ORDER BY or HAVING, in a
    VALUES header or a CONSTRUCT template), a VALUES block opening every WHERE
    clause still binds it.

    >>> bind("SELECT ?x WHERE { ?x ?p ?v FILTER(?v != ?w) }", {"v": "a"})
    'SELECT ?x WHERE { ?x ?p "a" FILTER("a" != ?w) }'
    >>> print(bind("SELECT ?v WHERE { ?x ?p ?v }", {"v": "a"}))
    SELECT ?v WHERE {
      VALUES (?v) { ("a") } ?x ?p "a" }
    """
    if not values:
        return text
    terms = {name: term(value) for name, value in values.items()}
    toks = list(tokens(text))
    braces: list[int] = []  # offsets of the braces opening WHERE clauses
    edits: list[tuple[int, int, str]] = []  # (offset, length, replacement)
    stack: list[bool] = []  # per open brace: inside a WHERE clause
    mode, after_where, previous, kept = "", False, "", False
    for kind, t, off in toks:
        word = t.upper() if kind == "word" else ""
        if t == "{" and kind == "brace":
            in_where = after_where or bool(stack and stack[-1] and mode == "")
            if after_where:
                braces.append(off)
            stack.append(in_where)
            mode, after_where = "", False
        elif t == "}" and kind == "brace":
            if stack:
                stack.pop()
            mode = ""
        elif word == "WHERE":
            after_where = True
        elif word in ("SELECT", "CONSTRUCT", "DESCRIBE", "GROUP", "ORDER", "HAVING", "VALUES"):
            mode = word
        elif t == "*" and mode == "SELECT":
            kept = True  # SELECT * shows every variable in scope, the parameters included
        elif kind == "var" and t[1:] in terms:
            if stack and stack[-1] and mode == "" and previous != "AS":
                edits.append((off, len(t), terms[t[1:]]))
            else:
                kept = True
        previous = word or t
    if kept:
        if not braces:
            raise QueryError("E041", where, "the query has no WHERE { ... } to bind parameters in")
        names = " ".join(f"?{name}" for name in terms)
        block = f"\n  VALUES ({names}) {{ ({' '.join(terms.values())}) }}"
        edits += [(brace + 1, 0, block) for brace in set(braces)]
    for off, length, new in sorted(edits, reverse=True):
        text = text[:off] + new + text[off + length :]
    return text


def parse_canned(name: str, text: str) -> Canned:
    """A canned query from its file text: the header comments give title, description and parameters."""
    title, description, params = name, "", []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("#"):
            if line:
                break
            continue
        if m := _PARAM.match(line):
            default = m.group(3)
            if default is not None and (re.match(r"(any|none)\b", default.strip().lower()) or default.strip() in {'""', "''"}):
                default = ""
            params.append(Param(m.group(1), m.group(2), default))
        elif m := _HEADER.match(line):
            if m.group(1) == "title":
                title = m.group(2).strip()
            else:
                description = m.group(2).strip()
    return Canned(name, title, description, text, tuple(params))


def canned() -> dict[str, Canned]:
    """Every canned query by name."""
    from kg.resources import query_files

    return {name: parse_canned(name, declare_prefixes(text)) for name, text in sorted(query_files().items())}


@cache
def bundled(name: str) -> str:
    """The text of a query of the package's own, kg/queries/FOLDER/NAME.rq given as "FOLDER/NAME", its prefixes declared.

    >>> "SELECT" in bundled("project/events") and "PREFIX kg:" in bundled("project/events")
    True
    """
    from kg.resources import query_files

    folder, _, stem = name.rpartition("/")
    files = query_files(folder)
    if stem not in files:
        raise QueryError("E041", name, f"no bundled query of that name in kg/queries/{folder}: {', '.join(sorted(files))}")
    return declare_prefixes(files[stem])


def rows(store: pyoxigraph.Store, name: str) -> list[tuple[str | None, ...]]:
    """Answers of a bundled query (see `bundled`) over the union of the store's graphs: one tuple a row, in the order of
    its SELECT, of plain strings (IRIs and lexical forms), None where unbound.

    The package's own questions, so not read by `inspect` first: that guards the queries people write.
    """
    result = store.query(bundled(name), use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return [tuple(None if sol[v] is None else sol[v].value for v in names) for sol in result]


def get(name: str) -> Canned:
    """One canned query; QueryError E041 when there is none of that name."""
    queries = canned()
    if name not in queries:
        raise QueryError("E041", name, f"no canned query of that name: `kg query --list` shows {', '.join(queries)}")
    return queries[name]


# ---------------------------------------------------------------- running


@dataclass
class Results:
    """What a query returned: rows (kind 'select'), a boolean ('ask') or triples ('graph')."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: Iterator[tuple[Any, ...]] = field(default_factory=lambda: iter(()))
    boolean: bool = False
    triples: Iterator[Any] = field(default_factory=lambda: iter(()))


def article_graph(article: str) -> str:
    """The named graph of an article given its id or IRI."""
    from kg.ids import article_iri

    return article if "://" in article else str(article_iri(article))


def run(
    store: pyoxigraph.Store,
    text: str,
    *,
    article: str | None = None,
    default_graphs: Iterable[str] | None = None,
    named_graphs: Iterable[str] | None = None,
    allow_service: bool = False,
    add_prefixes: bool = False,
    where: str = "query",
) -> Results:
    """Run a query over the union of all graphs, or over one article's graph (plus the ontology).

    The query is first read by `inspect`: malformed queries raise QueryError
    E040 with their position; SERVICE (a call to another server) and updates
    raise E042. A query with FROM / FROM NAMED is answered over the dataset
    it names; `default_graphs` / `named_graphs` (the protocol's
    default-graph-uri and named-graph-uri) take precedence over it.
    `add_prefixes` declares the usual prefixes the query uses without
    declaring them (kg, rdfs, schema, ...); positions still count the
    query's own lines.
    """
    import pyoxigraph as ox

    added = 0
    if add_prefixes:
        full = with_prefixes(text)
        added, text = int(full != text), full
    shape = inspect(text, where, allow_service=allow_service, added_lines=added)
    options: dict[str, Any] = {} if shape.dataset else {"use_default_graph_as_union": True}
    graphs = list(default_graphs or [])
    if article:
        iri = article_graph(article)
        if not store.contains_named_graph(ox.NamedNode(iri)):
            raise QueryError("E041", article, f"no graph for this article in the store ({iri})")
        graphs = [iri, ONTOLOGY_GRAPH]
    named = list(named_graphs or [])
    if graphs or named:
        try:
            options = {"default_graph": [ox.NamedNode(g) for g in graphs]}
            if named:
                options["named_graphs"] = [ox.NamedNode(g) for g in named]
        except ValueError as exc:
            raise QueryError("E041", where, f"a graph name is not a valid IRI: {exc}") from None
    try:
        result = store.query(text, **options)
    except SyntaxError as exc:  # what the engine refuses though the grammar took it
        raise _engine_syntax(exc, text, where, added) from exc
    except OSError as exc:
        raise QueryError("E040", where, f"the query failed: {exc}") from exc
    if isinstance(result, ox.QueryBoolean):
        return Results("ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return Results("select", names, rows=(tuple(s[i] for i in range(len(names))) for s in result))
    return Results("graph", triples=iter(result))


def select(store: pyoxigraph.Store, text: str, **options: Any) -> list[dict[str, str]]:
    """Rows of a SELECT as dicts of plain strings (IRIs and lexical forms); unbound variables are left out."""
    result = run(store, text, **options)
    return [{name: value.value for name, value in zip(result.variables, row, strict=True) if value is not None} for row in result.rows]


# ---------------------------------------------------------------- results formats


class TooManyRows(QueryError):
    """A result larger than the allowed number of rows."""


def _capped(rows: Iterable[tuple[Any, ...]], max_rows: int | None) -> Iterator[tuple[Any, ...]]:
    for n, row in enumerate(rows):
        if max_rows is not None and n >= max_rows:
            raise TooManyRows("E043", "result", f"more than {max_rows} rows: add LIMIT {max_rows} to the query, or raise --max-rows")
        yield row


def _json_term(t: Any) -> dict[str, str]:
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != XSD + "string":
            out["datatype"] = t.datatype.value
        return out
    return {"type": "triple", "value": str(t)}


def _xml_term(t: Any) -> str:
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
        if t.datatype.value != XSD + "string":
            return f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
        return f"<literal>{escape(t.value)}</literal>"
    return f"<literal>{escape(str(t))}</literal>"


def _csv_term(t: Any) -> str:
    import pyoxigraph as ox

    if t is None:
        return ""
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    return t.value if isinstance(t, ox.NamedNode | ox.Literal) else str(t)


def labelled(store: pyoxigraph.Store, result: Results) -> Results:
    """The same SELECT result with each IRI that has an rdfs:label shown as that label (for tables people read)."""
    import pyoxigraph as ox

    if result.kind != "select":
        return result
    rows = list(result.rows)
    iris = list(dict.fromkeys(t for row in rows for t in row if isinstance(t, ox.NamedNode)))
    names: dict[Any, Any] = {}
    for start in range(0, len(iris), 500):
        values = " ".join(str(i) for i in iris[start : start + 500])
        label = "<http://www.w3.org/2000/01/rdf-schema#label>"
        text = f"SELECT ?x (MIN(?l) AS ?label) WHERE {{ VALUES ?x {{ {values} }} ?x {label} ?l }} GROUP BY ?x"
        for solution in store.query(text, use_default_graph_as_union=True):
            names[solution["x"]] = solution["label"]
    shown = [tuple(names.get(t, t) if isinstance(t, ox.NamedNode) else t for t in row) for row in rows]
    return Results("select", result.variables, rows=iter(shown))


def compact(t: Any) -> str:
    """A term for people: prefixed IRIs, literals by their lexical form, '' when unbound."""
    import pyoxigraph as ox

    if t is None:
        return ""
    if isinstance(t, ox.NamedNode):
        for prefix, ns in PREFIXES.items():
            if t.value.startswith(ns) and len(t.value) > len(ns):
                return f"{prefix}:{t.value[len(ns):]}"
        return t.value
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    return t.value if isinstance(t, ox.Literal) else str(t)


def write_select(
    variables: list[str], rows: Iterable[tuple[Any, ...]], fmt: str, out: IO[bytes], *, max_rows: int | None = None, width: int = 60
) -> int:
    """Write SELECT results as table, csv, tsv, json or xml (the SPARQL 1.1 results formats); returns the row count."""
    rows = _capped(rows, max_rows)
    count = 0
    if fmt == "json":
        out.write(json.dumps({"head": {"vars": variables}})[:-1].encode() + b', "results": {"bindings": [')
        for row in rows:
            binding = {v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None}
            out.write((b",\n" if count else b"\n") + json.dumps(binding, ensure_ascii=False).encode("utf-8"))
            count += 1
        out.write(b"\n]}}\n")
    elif fmt == "xml":
        out.write(b'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>')
        out.write("".join(f"<variable name={quoteattr(v)}/>" for v in variables).encode("utf-8") + b"</head>\n<results>\n")
        for row in rows:
            pairs = [(v, t) for v, t in zip(variables, row, strict=True) if t is not None]
            cells = "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>" for v, t in pairs)
            out.write(f"<result>{cells}</result>\n".encode())
            count += 1
        out.write(b"</results>\n</sparql>\n")
    elif fmt in ("csv", "tsv"):
        text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        if fmt == "csv":
            writer = csv.writer(text, lineterminator="\r\n")
            writer.writerow(variables)
            for row in rows:
                writer.writerow([_csv_term(t) for t in row])
                count += 1
        else:
            text.write("\t".join(f"?{v}" for v in variables) + "\n")
            for row in rows:
                text.write("\t".join("" if t is None else str(t) for t in row) + "\n")
                count += 1
        text.detach()
    elif fmt == "table":
        table = [[compact(t) for t in row] for row in rows]
        count = len(table)
        out.write(_table(variables, table, width).encode("utf-8"))
        out.write(f"({count} row{'s' if count != 1 else ''})\n".encode())
    else:
        raise QueryError("E041", fmt, f"unknown results format: use one of {', '.join(FORMATS)}")
    return count


def _table(header: list[str], rows: list[list[str]], width: int) -> str:
    def cut(s: str) -> str:
        s = " ".join(s.split())
        return s if len(s) <= width else s[: width - 1] + "…"

    cells = [[cut(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    line = "  ".join("-" * w for w in widths)
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)), line]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines) + "\n"


def write_results(result: Results, fmt: str, out: IO[bytes], *, max_rows: int | None = None) -> int:
    """Write any query result: SELECT in `fmt`, ASK as true/false (or SPARQL JSON/XML), graphs as N-Triples."""
    if result.kind == "select":
        return write_select(result.variables, result.rows, fmt, out, max_rows=max_rows)
    if result.kind == "ask":
        if fmt == "json":
            out.write(json.dumps({"head": {}, "boolean": result.boolean}).encode() + b"\n")
        elif fmt == "xml":
            out.write(f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/><boolean>{str(result.boolean).lower()}</boolean></sparql>\n'.encode())
        else:
            out.write(f"{str(result.boolean).lower()}\n".encode())
        return 1
    import pyoxigraph as ox

    triples = list(dict.fromkeys(t for (t,) in _capped(((t,) for t in result.triples), max_rows)))  # a graph is a set
    out.write(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
    return len(triples)
