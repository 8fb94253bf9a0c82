"""The one loader of bundled data: kg/data (gazetteers, lexicons, styles) and kg/queries."""
from __future__ import annotations

import csv
import json
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from kg.errors import DataError


def _text(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


@cache
def jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """Rows of kg/data/NAME (one JSON value a line; blank lines and # comments skipped).

    The lines are decoded as one JSON array (one call of the decoder, not one a row: the lexicons hold some 60,000
    rows, read at every start); a file that does not decode so is read again line by line, to name the wrong line.
    """
    numbered = [(number, line) for number, line in enumerate(_text("kg.data", name).splitlines(), 1)
                if line.strip() and not line.lstrip().startswith("#")]
    try:
        rows = json.loads("[" + ",".join(line for _, line in numbered) + "]")
        if len(rows) == len(numbered):
            return tuple(rows)
    except json.JSONDecodeError:
        pass
    for number, line in numbered:  # the first line that is not one JSON value (a line holding two is one)
        try:
            json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataError("E060", f"kg/data/{name}:{number}", str(exc)) from exc
    raise DataError("E060", f"kg/data/{name}", "the rows do not decode one a line")


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of the CSV file kg/data/NAME, as dicts keyed by the header."""
    return tuple(csv.DictReader(_text("kg.data", name).splitlines()))


@cache
def toml(name: str) -> dict[str, Any]:
    """The TOML file kg/data/NAME."""
    try:
        return tomllib.loads(_text("kg.data", name))
    except tomllib.TOMLDecodeError as exc:
        raise DataError("E060", f"kg/data/{name}", str(exc)) from exc


@cache
def eval_split() -> dict[str, dict[str, str]]:
    """The fixed tune/check split of the dev evaluation data: resource -> item -> half (kg/data/eval_split.jsonl)."""
    out: dict[str, dict[str, str]] = {}
    for row in jsonl("eval_split.jsonl"):
        out.setdefault(row["resource"], {})[row["item"]] = row["half"]
    return out


def ontology_text(name: str = "kg.ttl") -> str:
    """Turtle text of kg/ontology/NAME: the ontology (kg.ttl) or the SHACL shapes (shapes.ttl)."""
    return resources.files("kg").joinpath("ontology", name).read_text(encoding="utf-8")


def data_files() -> list[str]:
    """Names of every bundled data file."""
    return sorted(p.name for p in resources.files("kg.data").iterdir() if p.name.split(".")[-1] in {"jsonl", "csv", "toml"})


def query_files(folder: str = "") -> dict[str, str]:
    """SPARQL queries: name -> text of kg/queries/NAME.rq (the canned ones), or of kg/queries/FOLDER/NAME.rq."""
    root = resources.files("kg.queries")
    if folder:
        root = root.joinpath(folder)
    return {p.name[:-3]: p.read_text(encoding="utf-8") for p in root.iterdir() if p.name.endswith(".rq")}


def split(value: str) -> list[str]:
    """A `|`-separated CSV cell as a list."""
    return [v.strip() for v in value.split("|") if v.strip()]
