"""Write flat tables of a graph for spreadsheets, pandas or R: one row per event, one row per actor.

The format follows the file's extension: .csv (UTF-8, a header line) or
.parquet (needs pyarrow: pip install 'newskg[parquet]'). Columns are listed in
the README ("Export") and in kg.api.EVENT_COLUMNS / ACTOR_COLUMNS. Each file
is written to a temporary file beside it and renamed into place.

    kg export out/kgstore --events out/events.csv --actors out/actors.csv
    kg export out/graph.trig --events out/events-2020.parquet --start 2020-01-01 --end 2020-12-31
"""
from __future__ import annotations

import argparse
import sys

from kg.cli import day

HELP = "flat exports: one row per event (--events) and per actor (--actors), as CSV or Parquet"
FORMATS = (".csv", ".parquet")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", metavar="GRAPH_OR_STORE", help="graph file (.trig, .nq, .ttl, .nt, .jsonld) or store directory")
    p.add_argument("--events", metavar="FILE", help="write one row per event to FILE.csv or FILE.parquet")
    p.add_argument("--actors", metavar="FILE", help="write one row per actor (person, organization, state) to FILE.csv or FILE.parquet")
    p.add_argument("--places", action="store_true", help="with --actors, add the places")
    p.add_argument("--start", type=day, metavar="YYYY-MM-DD", help="events whose period ends on or after this day")
    p.add_argument("--end", type=day, metavar="YYYY-MM-DD", help="events whose period starts on or before this day")
    p.add_argument("--include-undated", action="store_true", help="with --start/--end, keep undated events (left out by default)")
    p.add_argument("--quiet", action="store_true", help="no summary")


def write_table(frame, path: str) -> None:  # noqa: ANN001 - a pandas DataFrame
    """Write a DataFrame as CSV or Parquet by the file's extension, atomically (temporary file, then rename)."""
    import io
    from pathlib import Path

    from kg.errors import DataError
    from kg.graphio import write_atomic

    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        data = frame.to_csv(index=False, date_format="%Y-%m-%d").encode("utf-8")
    elif suffix == ".parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:
            raise DataError("E060", path, "Parquet needs pyarrow: pip install 'newskg[parquet]', or write .csv") from exc
        buf = io.BytesIO()
        frame.to_parquet(buf, index=False)
        data = buf.getvalue()
    else:
        raise DataError("E060", path, f"unknown table format {suffix or '(none)'}: use {' or '.join(FORMATS)}")
    write_atomic(path, data)


def run(args: argparse.Namespace) -> int:
    import kg
    from kg.errors import QueryError

    if not args.events and not args.actors:
        raise QueryError("E041", "kg export", "nothing to write: give --events FILE and/or --actors FILE")
    desk = kg.open(args.source)
    if args.events:
        events = desk.events(start=args.start, end=args.end, include_undated=args.include_undated)
        write_table(events, args.events)
        if not args.quiet:
            left = events.attrs.get("left_out") or {}
            note = ("; left out " + ", ".join(f"{n} {why}" for why, n in left.items())
                    + (" (--include-undated keeps the undated ones)" if left.get("undated") else "")) if left else ""
            print(f"wrote {args.events}: {len(events)} events{note}", file=sys.stderr)
    if args.actors:
        types = ("Person", "Organization", "State", "Place") if args.places else ("Person", "Organization", "State")
        actors = desk.actors(types=types)
        write_table(actors, args.actors)
        if not args.quiet:
            print(f"wrote {args.actors}: {len(actors)} actors", file=sys.stderr)
    return 0
