"""A benchmark corpus of N articles made from the real ones in ../shared/corpus: re-dated, renamed copies.

Each copy keeps its article's text and moves its date header by whole weeks
(so weekdays in the text still fall on the same weekday), which gives it a new
content hash and so a new article id. The copies are not new news: they are
the same 83 real articles, many times over, for measuring speed and memory.

    .venv/bin/python bench/make_corpus.py OUT_DIR [--count 2000] [--source ../shared/corpus]
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = re.compile(r"\A(\s*date\s+)(\d{4}-\d{2}-\d{2})(\s)")


def sources(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.txt") if HEADER.match(p.read_text(encoding="utf-8")))


def make(out: Path, count: int, source: Path) -> list[Path]:
    """Write `count` re-dated copies of the articles under `source` into `out`; return their paths."""
    originals = sources(source)
    if not originals:
        sys.exit(f"no dated articles under {source}")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for n in range(count):
        path = originals[n % len(originals)]
        text = path.read_text(encoding="utf-8")
        m = HEADER.match(text)
        weeks = n // len(originals)
        date = dt.date.fromisoformat(m.group(2)) + dt.timedelta(weeks=weeks)
        target = out / f"{n:05d}-{path.stem}.txt"
        target.write_text(m.group(1) + date.isoformat() + m.group(3) + text[m.end():], encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--source", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args(argv)
    written = make(args.out, args.count, args.source)
    print(f"wrote {len(written)} articles (re-dated copies of {len(sources(args.source))} real ones) into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
