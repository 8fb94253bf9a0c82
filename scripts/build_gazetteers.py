"""Derive kg/data/{states,cities,organizations}.jsonl from the verified reference tables.

Run by a developer when the reference tables change; the package reads only
the derived files. Every row keeps the reference's `source` column, so each
Wikidata id says where it came from.

    python scripts/build_gazetteers.py ../shared/reference
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kg" / "data"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write(name: str, rows: list[dict]) -> None:
    path = OUT / name
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    tmp.replace(path)
    print(f"{path}: {len(rows)} rows")


def main(reference: Path) -> None:
    states = [
        {
            "id": f"state-{r['wikidata']}",
            "wikidata": r["wikidata"],
            "name": r["name"],
            "iso2": r["iso2"],
            "iso3": r["iso3"],
            "capital": r["capital"],
            "capital_wikidata": r["capital_wikidata"],
            "recognition": r["recognition"],
            "source": "shared/reference/states.csv: " + r["source"],
        }
        for r in _rows(reference / "states.csv")
    ]
    cities = [
        {
            "id": f"place-{r['wikidata']}",
            "wikidata": r["wikidata"],
            "name": r["name"],
            "country_wikidata": r["country_wikidata"],
            "is_capital": r["is_capital"] == "1",
            "population": int(r["population"]) if r["population"] else None,
            "source": "shared/reference/cities.csv: " + r["source"],
        }
        for r in _rows(reference / "cities.csv")
    ]
    orgs = [
        {
            "id": f"org-{r['wikidata']}",
            "wikidata": r["wikidata"],
            "name": r["name"],
            "short_name": r["short_name"],
            "source": "shared/reference/organizations.csv: " + r["source"],
        }
        for r in _rows(reference / "organizations.csv")
    ]
    _write("states.jsonl", states)
    _write("cities.jsonl", cities)
    _write("organizations.jsonl", orgs)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference"))
