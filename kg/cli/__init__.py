"""The `kg` command: a thin skin over the library, one module a command.

Exit codes: 0 success, 1 some inputs failed or a check did not pass, 2 usage
or an unusable input.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from kg import __version__
from kg.errors import KGError

COMMANDS = ("build", "remove", "validate", "eval", "query", "explain", "serve", "push", "analyze", "render", "export")


def day(value: str) -> str:
    """An argparse type: a YYYY-MM-DD day, or a usage error naming the value."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def parser() -> argparse.ArgumentParser:
    """The argument parser with every available command."""
    top = argparse.ArgumentParser(prog="kg", description="newskg: news articles to a knowledge graph with evidence.")
    top.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"kg.cli.{name}_cmd")
        except ModuleNotFoundError as exc:
            if exc.name != f"kg.cli.{name}_cmd":
                raise
            continue
        p = sub.add_parser(name, help=module.HELP, description=module.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
                           conflict_handler="resolve")  # a command may give -h/--help its own action
        module.add_arguments(p)
        p.set_defaults(run=module.run)
    return top


def main(argv: list[str] | None = None) -> int:
    """Entry point of `kg` and `python -m kg`."""
    if argv is None:  # the process's own command line: the process ends with the command (`kg.pipeline.own_process`)
        from kg.pipeline import own_process

        own_process()
    args = parser().parse_args(argv)
    if not getattr(args, "run", None):
        parser().print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except KGError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
