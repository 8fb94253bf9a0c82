"""Derive kg/data/nicknames.jsonl from the `nicknames` package (PyPI nicknames==1.0.1, Apache-2.0).

The package is a hand-curated list of English given names and their short
forms (github.com/carltonnorthern/nicknames, by Carlton Northern and Nick
Crews). Identity across articles reads only the derived file: 'Tim' may be
'Timothy' and 'Tom' 'Thomas' because a row here says so. Each row keeps the
line of names.csv it came from.

    pip download --no-deps -d /tmp/nick nicknames==1.0.1
    python scripts/derive_nicknames.py /tmp/nick/nicknames-1.0.1-py3-none-any.whl

(or, with the package installed, no argument: its names.csv is read in place).
"""
from __future__ import annotations

import csv
import io
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_gazetteers import _write  # noqa: E402  one writer of kg/data JSON Lines for every script

VERSION = "1.0.1"


def _names_csv(wheel: Path | None) -> tuple[str, str]:
    """The text of names.csv and the name of its source."""
    if wheel is not None:
        with zipfile.ZipFile(wheel) as zf:
            version = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
            meta = zf.read(version).decode("utf-8")
            found = next(line.split(":", 1)[1].strip() for line in meta.splitlines() if line.startswith("Version:"))
            return zf.read("nicknames/names.csv").decode("utf-8"), f"pypi nicknames=={found}"
    import importlib.metadata
    import importlib.resources

    text = importlib.resources.files("nicknames").joinpath("names.csv").read_text(encoding="utf-8")
    return text, f"pypi nicknames=={importlib.metadata.version('nicknames')}"


def main(wheel: Path | None) -> None:
    text, origin = _names_csv(wheel)
    rows = []
    reader = csv.DictReader(io.StringIO(text))
    for line, row in enumerate(reader, start=2):
        if row["relationship"] != "has_nickname":
            continue
        rows.append({"id": f"nickname-{row['name1']}-{row['name2']}", "name": row["name1"], "nickname": row["name2"],
                     "source": f"{origin} nicknames/names.csv:{line}"})
    _write("nicknames.jsonl", rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
