"""Derive kg/data/occupations.jsonl from WordNet 3.0: nouns that name a person by the work or post they hold.

Run by a developer when the reference changes; the package reads only the derived file, each row keeping its
source (the WordNet synset: its offset in data.noun, its first lemma and the root it descends from).

A noun is an occupation when its most frequent sense (the first in index.noun) is a hyponym of one of
ROOTS: people who work or hold a post ('researcher', 'attorney', 'editor', 'manager', 'representative').
Its other senses do not count, so 'head' (a body part first) and 'fan' (a device first) are left out.
Such a noun states a position only with its organisation written beside it ('NAME, a researcher at ORG',
'ORG attorney NAME'): kg.extract.roles reads it in those constructions only, never alone.

    apt-get install wordnet-base      # Debian's WordNet 3.0 database, in /usr/share/wordnet
    python scripts/derive_occupations.py [/usr/share/wordnet]
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_gazetteers import _write  # noqa: E402  one writer of kg/data JSON Lines for every script

# (first lemma, offset in data.noun) of the WordNet 3.0 synsets whose hyponyms are people at work or in a post
ROOTS = {
    "worker": "09632518",         # worker.n.01: a person who works at a specific occupation
    "professional": "10480253",   # professional.n.01: a person engaged in a learned profession
    "leader": "09623038",         # leader.n.01: a person who rules or guides or inspires others
    "scientist": "10560637",      # scientist.n.01
    "negotiator": "10351874",     # negotiator.n.01: representative, envoy, delegate
    "spokesperson": "10638385",   # spokesperson.n.01: spokesperson, representative
    "adviser": "09774266",        # adviser.n.01
}
# subtrees that name no post in the organisation written beside them: 'politician X of PARTY' is membership (a
# relation), not a position
EXCLUDED = {"politician": "10451263"}  # politician.n.01 ('a leader engaged in civil administration')
GENERIC = {"worker", "professional"}  # roots too general to name a post ('a worker at', 'a professional'); their hyponyms do
WORD = re.compile(r"[a-z][a-z\-]+( [a-z][a-z\-]+){0,2}")  # lower-case words: no proper names ('President_of_the_United_States')


def _synsets(folder: Path) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Offset -> lemmas, and offset -> hypernym offsets, of every noun synset."""
    lemmas: dict[str, list[str]] = {}
    hypernyms: dict[str, list[str]] = defaultdict(list)
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue  # the licence header
        fields = line.split(" ")
        count = int(fields[3], 16)
        lemmas[fields[0]] = [fields[4 + 2 * i] for i in range(count)]
        at = 4 + 2 * count
        pointers = fields[at + 1:at + 1 + 4 * int(fields[at])]
        for i in range(0, len(pointers), 4):
            if pointers[i] == "@" and pointers[i + 2] == "n":  # a kind of; not '@i', an instance of (a named person)
                hypernyms[fields[0]].append(pointers[i + 1])
    return lemmas, hypernyms


def _first_senses(folder: Path) -> dict[str, str]:
    """Lemma -> the offset of its most frequent noun sense (index.noun lists senses by frequency)."""
    first = {}
    for line in (folder / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split(" ")
        pointers = int(fields[3])
        first[fields[0]] = fields[6 + pointers]
    return first


def _root(offset: str, hypernyms: dict[str, list[str]], roots: dict[str, str]) -> str | None:
    """The root (of ROOTS) the synset descends from, nearest first; None if none."""
    seen, frontier = set(), [offset]
    while frontier:
        nxt = []
        for o in frontier:
            if o in roots:
                return roots[o]
            for h in hypernyms.get(o, ()):
                if h not in seen:
                    seen.add(h)
                    nxt.append(h)
        frontier = nxt
    return None


def occupations(folder: Path) -> list[dict]:
    lemmas, hypernyms = _synsets(folder)
    roots = {offset: name for name, offset in ROOTS.items()}
    excluded = {offset: name for name, offset in EXCLUDED.items()}
    for name, offset in {**ROOTS, **EXCLUDED}.items():
        if name not in lemmas.get(offset, []):
            sys.exit(f"{folder}/data.noun: synset {offset} is not {name}: not WordNet 3.0?")
    rows: dict[str, dict] = {}
    for lemma, offset in sorted(_first_senses(folder).items()):
        form = lemma.replace("_", " ")
        if not WORD.fullmatch(form) or len(form) < 3 or lemma not in lemmas[offset]:
            continue  # index.noun is lower case: the synset's own lemma is a proper name when it is capitalised
        if _root(offset, hypernyms, excluded) is not None:
            continue
        root = _root(offset, hypernyms, roots)
        if root is None or roots.get(offset) in GENERIC:
            continue
        key = f"occupation-{form.replace(' ', '-')}"
        if key in rows:  # 'hard hat' and 'hard-hat': one occupation, both forms
            rows[key]["forms"].append(form)
            continue
        rows[key] = {"id": key, "role": form[:1].upper() + form[1:], "forms": [form], "kind": "occupation",
                     "source": f"WordNet 3.0 data.noun {offset} ({lemmas[offset][0]}), under {root}"}
    return list(rows.values())


def main(folder: Path) -> None:
    _write("occupations.jsonl", occupations(folder))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/wordnet"))
