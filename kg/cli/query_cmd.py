"""Run SPARQL against the store or a graph file: a query string, a .rq file or a canned query.

Queries see the union of all article graphs; --article ID restricts them to
one article's graph (and the ontology). The usual prefixes (kg:, id:, rdf:,
rdfs:, skos:, schema:, prov:, owl:, xsd:, wd:, and graph:, as in GRAPH
graph:entities) need no PREFIX line. Canned
queries take parameters as --param NAME=VALUE; values become IRIs, dates,
integers or strings, never query text.

    kg query --list
    kg query who-met-whom --param actor=Vucic
    kg query actor-timeline --param actor=id:entity/state-Q403 --limit 20
    kg query roles-as-of --param date=2020-07-16 --format csv
    kg query 'SELECT ?s WHERE { ?s a kg:State }' --graph out/graph.trig
    kg query my-query.rq --store kgstore --format json
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HELP = "run a SPARQL query (string, .rq file or canned query) on the store or a graph file"


class _Help(argparse.Action):
    """-h/--help: a canned query's own help when one is named before it (`kg query who-met-whom --help`)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):  # noqa: A002
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from kg.query import canned

        name = getattr(namespace, "query", None)
        if name in canned():
            sys.stdout.write(canned_help(name))
        else:
            parser.print_help()
        parser.exit()


def canned_help(name: str) -> str:
    """What a canned query answers, its parameters with their defaults, and an example."""
    from kg.query import get

    c = get(name)
    lines = [f"kg query {name}: {c.title}", "", f"  {c.description}", ""]
    if c.params:
        lines.append("parameters (--param NAME=VALUE; a name, an IRI, a prefixed name such as id:entity/..., or a date):")
        for p in c.params:
            default = "required" if p.default is None else f"default {p.default or 'any'}"
            lines.append(f"  {p.name:<8} {p.meaning} ({default})")
        example = " ".join(f"--param {p.name}={_EXAMPLES.get(p.name, 'VALUE')}" for p in c.params[:2])
    else:
        lines.append("parameters: none")
        example = ""
    lines += ["", "options: --store DIR | --graph FILE, --article ID, --format table|csv|tsv|json|xml, --limit N (default 100), --show",
              "", "example:", f"  kg query {name} {example}".rstrip(), ""]
    return "\n".join(lines)


_EXAMPLES = {"actor": "Vucic", "place": "Brussels", "state": "Serbia", "a": "Serbia", "b": "Kosovo", "date": "2020-07-16",
             "from": "2020-07-01", "to": "2020-07-31", "fact": "id:event/ID"}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("-h", "--help", action=_Help, help="show this help (after a canned query's name: that query's help)")
    p.add_argument("query", nargs="?", help="canned query name, path to a .rq file, or SPARQL text")
    p.add_argument("--list", action="store_true", help="list the canned queries and their parameters")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="a canned query parameter (repeatable)")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--store", default=None, help="store directory (default ./kgstore)")
    source.add_argument("--graph", help="graph file (.trig, .nq, .ttl, .jsonld) loaded into memory instead of a store")
    p.add_argument("--article", help="restrict the query to one article's graph (article id or graph IRI)")
    p.add_argument("--format", default="table", choices=("table", "csv", "tsv", "json", "xml"), help="output format (default table)")
    p.add_argument("--show", action="store_true", help="print the query text with its parameters bound instead of running it")
    p.add_argument("--verbose", action="store_true", help="with a syntax error, also print the parser's own detail")
    p.add_argument("--iris", action="store_true", help="tables show IRIs (prefixed) instead of the labels of what they name")
    p.add_argument("--limit", type=int, default=100, metavar="N",
                   help="rows a canned query answers at most (default 100; 0 for all); your own queries keep their LIMIT")


def _params(pairs: list[str]) -> dict[str, str]:
    from kg.errors import QueryError

    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError("E041", pair, "a parameter is NAME=VALUE, as in --param actor=Vucic")
        out[name.strip()] = value
    return out


def _list(out) -> None:
    from kg.query import canned

    for q in canned().values():
        out.write(f"{q.name}: {q.title}\n    {q.description}\n")
        for p in q.params:
            default = "required" if p.default is None else f"default {p.default or 'any'}"
            out.write(f"    --param {p.name}=...  {p.meaning} ({default})\n")


def run(args: argparse.Namespace) -> int:
    from kg import query as q
    from kg.errors import QueryError

    if args.list:
        _list(sys.stdout)
        return 0
    if not args.query:
        raise QueryError("E041", "kg query", "give a canned query name, a .rq file or SPARQL text (kg query --list shows the canned ones)")
    params = _params(args.param)
    where, chosen = "query", None
    if args.query in q.canned():
        chosen = q.get(args.query)
        text = chosen.render(params, limit=args.limit or None)
        where = f"kg/queries/{args.query}.rq"
    else:
        if params:
            raise QueryError("E041", args.query, "--param works with canned queries only")
        path = Path(args.query)
        if re.fullmatch(r"[\w.-]+", args.query) and not args.query.endswith(".rq") and not path.is_file():
            import difflib

            close = difflib.get_close_matches(args.query, list(q.canned()), n=3, cutoff=0.5)
            hint = f"did you mean {' or '.join(close)}? " if close else ""
            raise QueryError("E041", args.query, f"no canned query has that name: {hint}`kg query --list` shows them all")
        if args.query.endswith(".rq") or (len(args.query) < 255 and "{" not in args.query and path.is_file()):
            if not path.is_file():
                raise QueryError("E041", args.query, "no such query file and no canned query of that name (kg query --list)")
            text, where = path.read_text(encoding="utf-8"), str(path)
        else:
            text = args.query
    if args.show:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 0
    if args.graph:
        from kg.graphio import read_file

        store = read_file(args.graph, ontology=True)
    else:
        from kg.store import DEFAULT_STORE, open_store

        store = open_store(args.store or DEFAULT_STORE, read_only=True)
    try:  # kg query reads local files only: cut off, it cannot be made to call another server
        from kg.offline import cut_network

        cut_network()
    except OSError:
        pass  # SERVICE is still refused by the query's parse
    if chosen is not None:
        q.check_names(store, chosen, params)
    try:
        result = q.run(store, text, article=args.article, add_prefixes=True, where=where)
    except QueryError as exc:
        if args.verbose and getattr(exc, "raw", ""):
            raise QueryError(exc.code, exc.where, f"{exc.detail}\nthe parser said: {exc.raw}") from exc
        raise
    if args.format == "table" and not args.iris:
        result = q.labelled(store, result)
    count = q.write_results(result, args.format, sys.stdout.buffer)
    sys.stdout.flush()
    if chosen is not None and args.limit and count >= args.limit:
        print(f"(the first {args.limit} rows; --limit 0 shows all, or narrow with --param)", file=sys.stderr)
    return 0
