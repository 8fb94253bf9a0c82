"""Derive kg/data/armed_groups.jsonl: the names of armed non-state groups from the Phoenix actor dictionaries.

The statistical model misses or cuts up many of these names: 'Islamic State of Iraq and the Levant' becomes Iraq and
a place 'Levant', 'Daesh' a place, 'ISIL' and 'Boko Haram' nothing. Each row is one group: every entry of
`Phoenix.MilNonState.actors.txt` (the START TOPS non-state war actors) and every entry of the other actor files coded
as an international militarized group (`[IMG...]`, as 'THE_ISLAMIC_STATE' with '+ISIS_', '+ISIL_', '+DAESH_'), with its
names. Left out: names of persons of the group (many words, none of a group's, such as 'army', 'front' or 'jihad',
sharing no word with the entry's own name, '+ABU_BAKR_AL-BAGHDADI_', and the last word of such a name, '+AL-BAGHDADI'),
one-word names that are common English words in WordNet or their plurals ('Resistance', 'Tigers'), names of fewer
than three letters, and names the gazetteer already gives a state, a city or an organisation. Two entries with one
`[IMG...]` code, one's name beginning the other's ('Islamic State', 'Islamic State of Iraq and the Levant'), are one
group named by the shorter; a name two groups share names neither.

    python scripts/derive_armed_groups.py ../shared/reference/petrarch2
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_gazetteers import _write  # noqa: E402  one writer of kg/data JSON Lines for every script
from derive_titles import actor_entries  # noqa: E402  one reader of the Phoenix actor files
from derive_wordnet import synset_rows  # noqa: E402  one reader of WordNet's data files

DATA = Path(__file__).resolve().parent.parent / "kg" / "data"
WORDNET = Path("/usr/share/wordnet")  # Debian's wordnet-base: WordNet 3.0 (see scripts/derive_wordnet.py)
CODE = re.compile(r"\[~?([A-Z]{3,})[^\]]*\]")
SMALL = {"of", "and", "the", "in", "for", "on", "at", "to", "al", "el", "ul", "fi", "wa", "bin", "ibn", "de", "del", "la"}
GROUP_FILE = "Phoenix.MilNonState.actors.txt"
OTHER_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")


def _cased(phrase: str) -> str:
    """'ISLAMIC_STATE_OF_IRAQ_AND_THE_LEVANT_' -> 'Islamic State of Iraq and the Levant' (as English news writes it);
    'AL-SHABAAB' -> 'Al-Shabaab' at the start, 'al-Shabaab' inside."""
    words = re.sub(r"\s+", " ", phrase.replace("_", " ")).strip().lower().split()
    out = []
    for n, word in enumerate(words):
        parts = word.split("-")
        parts = [p if (p in SMALL and (n or m)) else p[:1].upper() + p[1:] for m, p in enumerate(parts)]
        out.append("-".join(parts))
    return " ".join(out)


def _common_words() -> set[str]:
    """Words WordNet spells in lower case somewhere: common words, not names ('resistance'; not 'Hamas')."""
    return {w.split("(")[0].replace("_", " ") for pos in ("noun", "verb", "adj", "adv")
            for _, lemmas in synset_rows(WORDNET, pos) for w in lemmas if w.islower()}


def _entries(path: Path, groups_only: bool) -> list[dict]:
    """(names, codes, source line) of every entry of one actor file."""
    out: list[dict] = []
    for (number, head), *rest in actor_entries(path):
        entry = {"names": [_cased(re.sub(r"\(.*?\)", "", CODE.split(head)[0]))], "codes": CODE.findall(head),
                 "source": f"petrarch2/{path.name}:{number}"}  # the parentheses: 'ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_'
        for _, line in rest:
            if line.startswith("+"):
                entry["names"].append(_cased(re.sub(r"\(.*?\)", "", CODE.split(line.lstrip("+"))[0])))
            entry["codes"] += CODE.findall(line)
        out.append(entry)
    return [e for e in out if not groups_only or any(c.startswith("IMG") for c in e["codes"])]


def _person_words() -> tuple[set[str], set[str]]:
    """Words, and first words, of the Phoenix office holders' names (kg/data/actors.jsonl): 'Abu', 'Mohammad'."""
    rows = [json.loads(line) for line in (DATA / "actors.jsonl").read_text(encoding="utf-8").splitlines()]
    names = [_words(n) for r in rows if r["type"] == "Person" for n in r["names"]]
    return {w for n in names for w in n}, {n[0] for n in names if n}


def _taken_names() -> set[str]:
    """Names the gazetteer gives a state, a city or an organisation already."""
    out = set()
    for file, keys in (("states.jsonl", ("name",)), ("cities.jsonl", ("name",)), ("organizations.jsonl", ("name", "short_name"))):
        for line in (DATA / file).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            out.update(row[k].lower() for k in keys if row.get(k))
    return out


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s-]+", name.lower()) if w not in SMALL]


def _group_words(entries: list[dict], person: set[str]) -> set[str]:
    """Words of three or more groups' names that are no words of a person's name ('army', 'front', 'brigades'; not
    'abu', of 'Abu Nidal Organization'): a name with one is a group's."""
    counts: dict[str, int] = {}
    for entry in entries:
        for word in set(_words(entry["names"][0])):
            counts[word] = counts.get(word, 0) + 1
    return {w for w, n in counts.items() if n >= 3 and w not in person}


def _kept(names: list[str], starts: set[str], common: set[str], taken: set[str], group: set[str]) -> list[str]:
    """The names of one entry that name the group: a many-word name with no group word is a person's if it shares no
    word with the entry's own name ('Haitham al-Badri') or is the entry's own name and starts with a word of a Phoenix
    office holder's name ('Abdullah Sungkar', not 'Boko Haram'); so is its last word ('Al-Baghdadi')."""
    head = set(_words(names[0]))
    people = [n for n in names if len(n.split()) >= 2 and not set(_words(n)) & group
              and (_words(n)[0] in starts if n == names[0] else not head & set(_words(n)))]
    tails = {_words(p)[-1] for p in people} | {p.split()[-1].lower() for p in people}
    out = []
    for name in names:
        key = name.lower()
        one = " " not in name
        if name in people or key in tails or key in taken or sum(c.isalpha() for c in name) < 3:
            continue
        if one and {key.replace("-", " "), key[:-1], key[:-2]} & common:  # 'Resistance', 'Tigers'
            continue
        out.append(name)
        if one and len(name) <= 6 and "-" not in name:
            out.append(name.upper())  # 'ISIL', 'PKK', 'DAESH': one word, written as capitals as often
    out = [n[4:] if n.startswith("The ") else n for n in out]
    return list(dict.fromkeys(out))


def armed_groups(folder: Path) -> list[dict]:
    (person, starts), common, taken = _person_words(), _common_words(), _taken_names()
    found = _entries(folder / GROUP_FILE, False) + [e for f in OTHER_FILES for e in _entries(folder / f, True)]
    group_words = _group_words(found, person)
    rows: list[dict] = []
    by_code: dict[str, dict] = {}
    for entry in found:
        names = _kept(entry["names"], starts, common, taken, group_words)
        if not names:
            continue
        group = next((c for c in entry["codes"] if c.startswith("IMG")), None)
        row = by_code.get(group) if group else None
        if row is not None and (row["name"].startswith(names[0]) or names[0].startswith(row["name"])):
            row["names"] = list(dict.fromkeys([min(row["name"], names[0], key=len)] + row["names"] + names))
            row["name"] = row["names"][0]
            row["source"] += "; " + entry["source"]
            continue
        row = {"id": f"org-group-{len(rows) + 1}", "name": names[0], "names": names, "codes": sorted(set(entry["codes"])),
               "source": entry["source"]}
        rows.append(row)
        if group:
            by_code[group] = row
    seen: set[str] = set()
    for row in rows:  # a name two groups share names neither
        row["names"] = [n for n in row["names"] if n not in seen and not seen.add(n)]
    return [r for r in rows if r["names"]]


if __name__ == "__main__":
    _write("armed_groups.jsonl", armed_groups(Path(sys.argv[1])))
