"""Derive kg/data/country_places.jsonl: the names the Phoenix Countries dictionary codes as one country.

A country entry of `Phoenix.Countries.actors.txt` ('PHILIPPINES_  [PHL]') lists, after its name, synonyms that
the coder reads as that country: spelling variants, older names, and the country's regions, cities and landmarks
('+CEBU_', '+TACLOBAN', '+LEYTE', '+GEZI_PARK_'). Each becomes a row with the country's ISO3 code, so that a name
the model types a person or a body ('Tacloban said' is no one) can be read as a place of that country. A name
listed under two countries is left out (it names no one place); its line in the dictionary is its source.

Run by a developer when the dictionaries change; the package reads only the derived file.

    python scripts/derive_country_places.py ../shared/reference/petrarch2
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_gazetteers import _write  # noqa: E402  one writer of kg/data JSON Lines for every script

HEADER = re.compile(r"^([A-Z][A-Z0-9_.'&-]*)\s+\[([A-Z]{3})\]\s*(?:#.*)?$")  # 'PHILIPPINES_  [PHL]': a country entry


def _name(raw: str) -> str:
    """'+GEZI_PARK_ ' -> 'Gezi Park' (the dictionary's upper case as a name is written)."""
    words = raw.lstrip("+").split("#")[0].strip().strip("_").split("_")
    return " ".join(w.capitalize() if w.isalpha() else w for w in words if w)


def places(folder: Path) -> list[dict]:
    lines = (folder / "Phoenix.Countries.actors.txt").read_text(encoding="latin-1").splitlines()
    found: dict[str, dict[str, str]] = defaultdict(dict)  # lower-cased name -> ISO3 -> source
    names: dict[str, str] = {}
    country = ""
    for number, raw in enumerate(lines, 1):
        header = HEADER.match(raw)
        if header is not None:
            country = header.group(2)
            continue
        if not raw.startswith("+"):
            country = ""  # another entry (a person, a body): its synonyms are its names, no place's
            continue
        name = _name(raw)
        if country and name and not any(ch.isdigit() for ch in name):
            found[name.lower()].setdefault(country, f"petrarch2/Phoenix.Countries.actors.txt:{number}")
            names.setdefault(name.lower(), name)
    rows: dict[str, dict] = {}
    for key, countries in sorted(found.items()):
        row_id = "country-place-" + re.sub(r"[^a-z0-9]+", "-", key).strip("-")
        if len(countries) == 1 and row_id not in rows:  # 'Ar-Raqqa' and 'Ar Raqqa': one row, the first
            (iso3, source), = countries.items()
            rows[row_id] = {"id": row_id, "name": names[key], "country": iso3, "source": source}
    return list(rows.values())


def main(folder: Path) -> None:
    _write("country_places.jsonl", places(folder))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/petrarch2"))
