"""Retract articles from a store, and everything only they supported.

Each ARTICLE is an article id (or its IRI), the path of the file it was read
from (a JSON Lines file: all its articles; FILE.jsonl:LINE: one), its URL, or
a file name or stem when no path matches. The article's named graph goes; the
articles that remain are linked across again as one build of them would, so
entities, and merges across articles, that other articles still support stay
with the evidence those give, and what nobody supports any more leaves the
entities graph. All in one transaction: a kill leaves the store as before or
as after. An ARTICLE the store does not hold is a coded error (E053, exit 2)
naming it, and then nothing is removed.

    kg remove 2020-07-16-serbia-kosovo-brussels-talks --store out/kgstore
    kg remove eabb4999e4bc67c8 https://example.com/news/1 archive/day3.jsonl --store out/kgstore
"""
from __future__ import annotations

import argparse

HELP = "retract articles (by id, file path, URL or file stem) from a store, and what only they supported"


def add_arguments(p: argparse.ArgumentParser) -> None:
    from kg.store import DEFAULT_STORE

    p.add_argument("articles", nargs="+", metavar="ARTICLE", help="article id or IRI, file path, URL, or file name or stem")
    p.add_argument("--store", default=DEFAULT_STORE, help=f"the store directory (default: {DEFAULT_STORE})")
    p.add_argument("--no-compact", action="store_true", help="skip compacting the store afterwards")
    p.add_argument("--quiet", action="store_true", help="no summary")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kg.corpus import remove
    from kg.errors import StoreError
    from kg.store import open_store

    if not (Path(args.store) / "CURRENT").is_file():
        raise StoreError("E050", args.store, "no store here: build one with `kg build ARTICLES --store PATH`")
    store = open_store(args.store)
    removed, report = remove(store, args.articles, compact=not args.no_compact)
    if not args.quiet:
        print(f"removed {len(removed)} article(s) from {args.store}: {' '.join(removed)}; "
              f"{report.rewritten} kept article(s) rewritten; {report.articles} article(s) in the store")
    return 0
