"""Write kg/data/eval_split.jsonl: every dev item of the evaluation data in a fixed `tune` or `check` half.

Rules and rules' debugging may look at `tune` item by item; `check` is read
only as aggregate scores. Run by a developer when the dev data changes; the
package reads only the written file (`kg.resources.eval_split`).

    python scripts/make_split.py [--eval-dir ../shared/eval] [--corpus-dir ../shared/corpus/wikinews]

How an item gets its half (deterministic: no clock, no random state):

- The split is by document. GUM and MEANTIME documents are the same articles
  as the Wikinews raw-article corpus (its SOURCE.md maps each file to its
  upstream document), so the unit is the article: a Wikinews file and its
  GUM or MEANTIME document always share a half. Date rows and event rows of
  the flat gold follow their document.
- Within each stratum (GUM; MEANTIME by topic; PLOVER by gold event type;
  PETRARCH-2 by record category; Re-DocRED as one), units are ordered by the
  SHA-256 of SEED, resource and unit; the named articles below go to `check`
  first, then `check` is filled to half the stratum in hash order and the
  rest is `tune`; a stratum's odd one out goes to the half that is smaller
  so far (to `check` on a tie), so the halves of a resource differ by one at most.
- The six Wikinews articles the maintainers treat as held-out-like are forced
  into `check`, with their GUM and MEANTIME documents.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "kg" / "data" / "eval_split.jsonl"
SEED = "newskg-eval-split-1"
# Held-out-like Wikinews articles (issue 10 brief): file-name prefixes, always `check`.
FORCED_CHECK = ("2007-12-20-indonesia-", "2015-05-18-over-900-", "2015-08-02-local-", "2015-08-21-north-korea-",
                "2017-07-21-after-visa-", "2023-02-23-")


def _hash(resource: str, unit: str) -> str:
    return hashlib.sha256(f"{SEED}\x1f{resource}\x1f{unit}".encode()).hexdigest()


def assign(resource: str, strata: dict[str, list[str]], forced: set[str]) -> dict[str, str]:
    """unit -> half: per stratum, forced units first into check, then check filled to half in hash order."""
    out: dict[str, str] = {}
    sizes = Counter()
    for _, units in sorted(strata.items()):
        order = sorted(set(units), key=lambda u: (u not in forced, _hash(resource, u)))
        odd = len(order) % 2 and sizes["check"] <= sizes["tune"]  # an odd one out goes to the smaller half so far
        n_check = max(len(order) // 2 + odd, sum(u in forced for u in order))
        for i, unit in enumerate(order):
            out[unit] = "check" if i < n_check else "tune"
            sizes[out[unit]] += 1
    return out


def corpus_table(corpus_dir: Path) -> dict[tuple[str, str], str]:
    """(resource, upstream document) -> Wikinews file name, from the corpus SOURCE.md table."""
    out = {}
    for line in (corpus_dir / "SOURCE.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not cells[0].endswith(".txt"):
            continue
        if cells[1].startswith("GUM"):
            out[("gum", cells[2])] = cells[0]
        elif cells[1].startswith("MEANTIME") and (m := re.search(r"\(([^)]+)\)", cells[2])):
            out[("meantime", m[1])] = cells[0]
    return out


def petrarch_ids(path: Path) -> list[tuple[str, str]]:
    """(item id, category) of every <Sentence>; a repeated upstream id gets '#2', '#3' in file order."""
    seen: Counter = Counter()
    out = []
    for el in ET.parse(path).getroot().iter("Sentence"):
        ident = el.get("id", "")
        seen[ident] += 1
        out.append((ident if seen[ident] == 1 else f"{ident}#{seen[ident]}", el.get("category", "")))
    return out


def rows(eval_dir: Path, corpus_dir: Path) -> list[dict]:
    """Every split row, sorted by resource and item."""
    table = corpus_table(corpus_dir)
    wikinews = sorted(p.name for p in corpus_dir.glob("*.txt"))
    forced_files = {f for f in wikinews if f.startswith(FORCED_CHECK)}
    out: list[dict] = []

    # the article unit: Wikinews file if the document has one, else the document itself
    gum_docs = sorted(p.stem for p in (eval_dir / "gum_news" / "dep").glob("GUM_news_*.conllu"))
    meantime_docs = {}
    for path in sorted((eval_dir / "meantime_en" / "intra_cross-doc_annotation").glob("*/*.xml")):
        meantime_docs[ET.parse(path).getroot().get("doc_name")] = path
    docs = [("gum", d, "gum", f"gum_news/dep/{d}.conllu") for d in gum_docs]
    docs += [("meantime", d, f"meantime-{p.parent.name}", str(p.relative_to(eval_dir))) for d, p in meantime_docs.items()]
    unit_of = {(r, d): table.get((r, d), f"{r}:{d}") for r, d, _, _ in docs}
    strata: dict[str, list[str]] = defaultdict(list)
    for r, d, stratum, _ in docs:
        strata[stratum].append(unit_of[(r, d)])
    half = assign("wikinews", strata, forced_files)
    for r, d, _, source in docs:
        unit = unit_of[(r, d)]
        out.append({"resource": r, "item": d, "half": half[unit], "unit": unit, "source": source})
    for f in wikinews:
        if f not in half:
            raise SystemExit(f"{f}: a Wikinews article with no GUM or MEANTIME document in {corpus_dir}/SOURCE.md")
        out.append({"resource": "wikinews", "item": f, "half": half[f], "unit": f, "source": f"corpus/wikinews/{f}"})

    plover = [r for r in json.loads((eval_dir / "plover_gsr" / "plover_dev.json").read_text(encoding="utf-8"))
              if r.get("event") != "DOCUMENT"]
    strata = defaultdict(list)
    for r in plover:
        strata[r["event"]].append(r["id"])
    half = assign("plover", strata, set())
    out += [{"resource": "plover", "item": r["id"], "half": half[r["id"]], "unit": r["id"],
             "source": "plover_gsr/plover_dev.json"} for r in plover]

    redocred = json.loads((eval_dir / "redocred_political" / "redocred_dev_political.json").read_text(encoding="utf-8"))
    half = assign("redocred", {"all": [d["title"] for d in redocred]}, set())
    out += [{"resource": "redocred", "item": d["title"], "half": half[d["title"]], "unit": d["title"],
             "source": "redocred_political/redocred_dev_political.json"} for d in redocred]

    petrarch = petrarch_ids(eval_dir / "petrarch2_unittest" / "PETR.UnitTest.records.xml")
    strata = defaultdict(list)
    for ident, category in petrarch:
        strata[category].append(ident)
    half = assign("petrarch", strata, set())
    out += [{"resource": "petrarch", "item": i, "half": half[i], "unit": i,
             "source": "petrarch2_unittest/PETR.UnitTest.records.xml"} for i, _ in petrarch]

    for row in out:
        row["id"] = f"{row['resource']}:{row['item']}"
    return sorted(({"id": r.pop("id"), **r} for r in out), key=lambda r: (r["resource"], r["item"]))


def main() -> None:
    shared = ROOT.parent / "shared"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=shared / "eval")
    parser.add_argument("--corpus-dir", type=Path, default=shared / "corpus" / "wikinews")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    out = rows(args.eval_dir, args.corpus_dir)
    header = (f"# Fixed tune/check split of the dev evaluation data, by document; written by scripts/make_split.py "
              f"(seed {SEED}). Debug on `tune`; read `check` only as aggregate scores.\n")
    tmp = args.output.with_suffix(".tmp")
    tmp.write_text(header + "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    tmp.replace(args.output)
    counts = Counter((r["resource"], r["half"]) for r in out)
    print(f"{args.output}: {len(out)} rows; " + ", ".join(f"{r} {h} {n}" for (r, h), n in sorted(counts.items())))


if __name__ == "__main__":
    main()
