"""The analyst's desk: a graph or store as pandas DataFrames and networkx graphs, for notebooks.

A thin facade: tables come from canned queries (kg/queries/*.rq) run by
`kg.query`, graphs from `kg.analysis.project`; nothing here reads RDF
itself. Every IRI column has a readable label beside it, dates are
`datetime64` with their precision as a column, and small vocabularies
(types, roles, precision, status) are categoricals.

    >>> import kg
    >>> from kg.analysis.examples import example_dataset
    >>> desk = kg.open(example_dataset())
    >>> desk.events()[["label", "date", "precision"]].head(2).values.tolist()
    [['talks in Zenda', '2020-07-10', 'day'], ['meeting mediated by Carol', '2020-07-20', 'day']]
    >>> desk.events(end="2020-07-15").attrs["left_out"]
    {'out of range': 1, 'undated': 1}

The columns of each table are listed in `EVENT_COLUMNS`, `ACTOR_COLUMNS`
and `TIMELINE_COLUMNS` (name -> dtype), and in the README.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROLES = ("participant", "host", "mediator", "organizer", "speaker", "target", "about")
PRECISIONS = ("day", "week", "month", "year", "period")
ENTITY_TYPES = ("Person", "Organization", "State", "Place")

# name -> dtype, in column order: what `Desk.events()` returns and `kg export --events` writes
EVENT_COLUMNS: dict[str, str] = {
    "event": "string",        # the event's IRI
    "label": "string",        # its label ("Talks 2020-07-16: Serbia, Kosovo @ Brussels")
    "type": "category",       # its most specific class (Meeting, Statement, ...)
    "types": "string",        # every class, space-separated
    "date": "string",         # the date as the text gives it: 2020-07-16, 2020-07 or 2020; <NA> when undated
    "precision": "category",  # day, week, month or year (kg:datePrecision); period in a graph without it; <NA> when undated
    "earliest": "datetime64[s]",  # first day it may have happened on (a month or year is placed by its bounds)
    "latest": "datetime64[s]",    # last day it may have happened on
    "status": "category",     # occurred, planned, postponed, cancelled
    "plover": "string",       # PLOVER event type(s), space-separated
    "cameo": "string",        # CAMEO code(s), space-separated
    **{role: "string" for role in ROLES},  # the labels of the actors in that role, "; "-separated
    "actor_ids": "string",    # the IRIs of every actor of the event, space-separated
    "place": "string",        # the place's IRI
    "place_label": "string",  # the place's label
    "quote": "string",        # the quoted words of a statement
    "articles": "string",     # the id(s) of the article(s) reporting it, space-separated
    "published": "datetime64[s]",  # the publication day of (the first of) those articles
    "evidence": "Int64",      # how many evidence sentences support it
}
ACTOR_COLUMNS: dict[str, str] = {
    "actor": "string",        # the entity's IRI
    "label": "string",        # its canonical name
    "type": "category",       # Person, Organization, State or Place
    "alt_labels": "string",   # other names, "|"-separated
    "wikidata": "string",     # its Wikidata IRI when linked
    "events": "Int64",        # events it took part in, in any role
    "articles": "Int64",      # articles that mention it
}
TIMELINE_COLUMNS: dict[str, str] = {k: EVENT_COLUMNS[k] for k in (
    "date", "precision", "earliest", "latest", "type", "label", "participant", "place_label", "status", "articles", "event")}
TIMELINE_COLUMNS["participant"] = "string"  # every actor of the event, in any role, "; "-separated


@dataclass
class Desk:
    """A store opened for analysis; every method is one canned query or projection.

    Not a graph wrapper: `store` is the plain pyoxigraph Store, usable with
    kg.query and kg.analysis directly.
    """

    store: Any
    source: str = ""

    def query(self, text_or_name: str, *, limit: int | None = None, **params: str) -> Any:
        """A SELECT (your SPARQL, or a canned query's name with its parameters) as a DataFrame.

        Each IRI column X gets a column X_label beside it (where the IRIs have
        labels); typed literals become numbers and dates. The usual prefixes
        (kg:, rdfs:, schema:, ...) need no declaration.
        """
        from kg import query as q

        if _is_name(text_or_name):
            canned = q.get(text_or_name)
            q.check_names(self.store, canned, params)
            text, add = canned.render(params, limit=limit), False
        else:
            if params:
                text_or_name = q.bind(text_or_name, params)
            text, add = text_or_name, True
        result = q.run(self.store, text, add_prefixes=add, where=text_or_name if not add else "query")
        if result.kind != "select":
            raise _error(text_or_name, "only SELECT queries give a table")
        return _frame(self.store, result, limit=None if add is False else limit)

    def events(self, *, start: str | None = None, end: str | None = None, include_undated: bool = False,
               actor: str | None = None, types: Iterable[str] | None = None) -> Any:
        """One row per event (columns: EVENT_COLUMNS), dated first by earliest day, undated last.

        `start`/`end` (YYYY-MM-DD) keep events whose period overlaps them; an
        undated event is left out unless `include_undated` (then it is kept
        when its article appeared on or after `start`). What was left out is in
        ``frame.attrs["left_out"]``. `actor` (a name or IRI) keeps its events;
        `types` keeps those classes (e.g. ["Meeting", "Talks"]).
        """
        return _events(self, start=start, end=end, include_undated=include_undated, actor=actor, types=types)

    def actors(self, *, types: Iterable[str] = ("Person", "Organization", "State"), min_events: int = 0) -> Any:
        """One row per actor (columns: ACTOR_COLUMNS), busiest first; `types` may add "Place"."""
        import pandas as pd

        wanted = set(types)
        rows = self.query("actors-table")
        rows = rows[rows["type"].isin(wanted)]
        out = pd.DataFrame({
            "actor": rows["entity"], "label": rows["label"], "type": rows["type"], "alt_labels": rows.get("altLabels"),
            "wikidata": rows.get("wikidata"), "events": rows.get("events"), "articles": rows.get("articles"),
        })
        out = _typed(out, ACTOR_COLUMNS)
        out["events"] = out["events"].fillna(0)
        out["articles"] = out["articles"].fillna(0)
        out["type"] = out["type"].cat.set_categories([t for t in ENTITY_TYPES if t in wanted])
        return out[out["events"] >= min_events].reset_index(drop=True)

    def timeline(self, actor: str | None = None, *, start: str | None = None, end: str | None = None,
                 include_undated: bool = True, types: Iterable[str] | None = None) -> Any:
        """Events in time order, undated last (columns: TIMELINE_COLUMNS); `participant` lists every actor in any role.

        Unlike `events`, undated events are kept by default (at the end), since
        a story's timeline should show what it cannot place.
        """
        ev = self.events(start=start, end=end, include_undated=include_undated, actor=actor, types=types)
        everyone = ev[list(ROLES)].apply(lambda row: "; ".join(dict.fromkeys(
            name for cell in row.dropna() for name in str(cell).split("; ") if name)), axis=1) if len(ev) else ev["participant"]
        out = ev.assign(participant=everyone.astype("string") if len(ev) else ev["participant"])[list(TIMELINE_COLUMNS)]
        out.attrs = dict(ev.attrs)
        return out

    def graph(self, kind: str = "actors", **filters: Any) -> Any:
        """A networkx projection: "actors" (co-participation), "typed", "actor-event" or "states".

        Filters as in kg.analysis.project: articles, start, end, include_undated.
        """
        from kg.analysis import project

        makers = {"actors": project.coparticipation, "typed": project.typed_graph, "actor-event": project.actor_event_graph,
                  "states": project.state_relations}
        if kind not in makers:
            raise _error(kind, f"no such graph: choose {', '.join(makers)}")
        return makers[kind](project.facts(self.store, **filters))


def open(source: Any) -> Desk:  # noqa: A001 - kg.open, like io.open, opens a thing for reading
    """A Desk over a store directory, a graph file (.trig, .nq, .ttl, ...), a pyoxigraph Store or an rdflib Dataset.

    A store directory is opened read-only (a snapshot: `kg serve` may hold it).
    """
    import pyoxigraph as ox

    from kg import store as st

    if isinstance(source, ox.Store):
        return Desk(source, "store")
    if isinstance(source, str | Path):
        path = Path(source)
        if path.is_dir():
            return Desk(st.open_store(path, read_only=True), str(path))
        return Desk(st.graph_file_store(path), str(path))
    from kg.analysis.project import oxigraph_store

    store = oxigraph_store(source)
    st.load_ontology(store)
    return Desk(store, type(source).__name__)


# -- helpers ------------------------------------------------------------------------------------


def _is_name(text: str) -> bool:
    import re

    return bool(re.fullmatch(r"[a-z0-9][a-z0-9-]*", text.strip()))


def _error(where: str, message: str) -> Exception:
    from kg.errors import QueryError

    return QueryError("E041", where[:60], message)


_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS = {_XSD + t: "Int64" for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}
_NUMBERS.update({_XSD + t: "Float64" for t in ("decimal", "double", "float")})


def _frame(store: Any, result: Any, *, limit: int | None = None) -> Any:
    """A SELECT result as a DataFrame: labels beside IRI columns, numbers and dates typed by their datatype."""
    import itertools

    import pandas as pd
    import pyoxigraph as ox

    from kg.query import Results, labelled

    rows = list(itertools.islice(result.rows, limit) if limit else result.rows)
    named = list(labelled(store, Results("select", result.variables, rows=iter(rows))).rows)
    columns: dict[str, Any] = {}
    for i, name in enumerate(result.variables):
        terms = [row[i] for row in rows]
        values = [None if t is None else t.value for t in terms]
        kinds = {type(t) for t in terms if t is not None}
        types = {t.datatype.value for t in terms if isinstance(t, ox.Literal)}
        if kinds == {ox.Literal} and types == {_XSD + "date"}:
            columns[name] = pd.to_datetime(pd.Series(values, dtype="string"), format="%Y-%m-%d").astype("datetime64[s]")
        elif kinds == {ox.Literal} and len(types) == 1 and next(iter(types)) in _NUMBERS:
            columns[name] = pd.to_numeric(pd.Series(values, dtype="string")).astype(_NUMBERS[next(iter(types))])
        else:
            columns[name] = pd.Series(values, dtype="string")
        if ox.NamedNode in kinds and not name.endswith("Label"):
            labels = [row[i].value if isinstance(row[i], ox.Literal) else None for row in named]
            if any(labels):
                columns[f"{name}_label"] = pd.Series(labels, dtype="string")
    return pd.DataFrame(columns)


def _typed(frame: Any, columns: dict[str, str]) -> Any:
    import pandas as pd

    out = {}
    for name, dtype in columns.items():
        col = frame[name] if name in frame else pd.Series([None] * len(frame), index=frame.index)
        if dtype.startswith("datetime64"):
            col = pd.to_datetime(col, errors="coerce").astype(dtype)
        elif dtype == "category":
            col = col.astype("string").astype("category")
        else:
            col = col.astype(dtype)
        if dtype == "string":
            col = col.replace("", pd.NA)
        out[name] = col
    return pd.DataFrame(out, index=frame.index)


def _events(desk: Desk, *, start: str | None, end: str | None, include_undated: bool, actor: str | None,
            types: Iterable[str] | None) -> Any:
    import pandas as pd

    table = desk.query("events-table")
    who = desk.query("event-actors")
    if actor:
        wanted = set(desk.query("event-actors", actor=actor)["event"])
        table = table[table["event"].isin(wanted)]
    frame = pd.DataFrame({"event": table["event"], "label": table["label"], "types": table["types"], "date": table["date"],
                          "precision": table["precision"].replace("", pd.NA), "earliest": table["earliest"],
                          "latest": table["latest"], "status": table["status"], "plover": table["plover"], "cameo": table["cameo"],
                          "place": table["place"], "place_label": table["placeLabel"], "quote": table["quote"],
                          "articles": table["articles"], "published": table["published"], "evidence": table["evidence"]})
    frame["type"] = frame["types"].map(_specific, na_action="ignore")
    if len(who):
        by_role = who.groupby(["event", "role"], observed=True)["actorLabel"].agg(lambda s: "; ".join(sorted(set(s.dropna()))))
        by_role = by_role.unstack("role")
        ids = who.groupby("event")["actorNode"].agg(lambda s: " ".join(sorted(set(s))))
        frame = frame.join(by_role, on="event").join(ids.rename("actor_ids"), on="event")
    if types is not None:
        frame = frame[frame["type"].isin(set(types))]
    frame = _typed(frame, EVENT_COLUMNS)
    frame["precision"] = frame["precision"].cat.set_categories(list(PRECISIONS))
    frame.loc[frame["precision"].isna() & frame["earliest"].notna(), "precision"] = "period"
    left = {}
    if start or end:
        undated = frame["earliest"].isna()
        lo = frame["earliest"]
        hi = frame["latest"].fillna(frame["published"]) if include_undated else frame["latest"]
        keep = pd.Series(True, index=frame.index)
        if end:
            keep &= lo.isna() | (lo <= pd.Timestamp(end))
        if start:
            keep &= hi.notna() & (hi >= pd.Timestamp(start))
        if not include_undated:
            keep &= ~undated
            left["undated"] = int(undated.sum())
        left["out of range"] = int((~keep).sum()) - left.get("undated", 0)
        frame = frame[keep]
        left = {k: v for k, v in sorted(left.items()) if v}
    frame = frame.sort_values(["earliest", "label"], na_position="last", kind="stable").reset_index(drop=True)
    frame.attrs["left_out"] = left
    return frame


def _specific(types: str) -> str:
    """The most specific class of a space-separated list: anything before the generic Event.

    >>> _specific("Event Statement")
    'Statement'
    """
    names = [t for t in str(types).split() if t != "Event"]
    return sorted(names)[0] if names else "Event"
