"""Derive titles, agent nouns, known actors and non-actor codes into kg/data from offline references.

Run by a developer when the references change; the package reads only the
derived files, each row keeping its source (file and line).

- kg/data/agents.jsonl: the PETRARCH-2 / Phoenix generic agents (`Phoenix.agents.txt`):
  every expanded form with its sector code and whether it names a person
  ("interior minister") or a body ("interior ministry", "airline").
- kg/data/agent_titles.jsonl: the person agents of the public sectors and of
  business, in the schema of kg/data/titles.jsonl (id, role, forms, kind) plus
  `sector` and `source`; military ranks get kind "rank" (a rank names no position); a noun written before and
  after many portfolios ('secretary') is a title of its own that takes one.
- kg/data/state_titles.jsonl: titles that name one state's office by themselves (a Countries actor synonym
  that is a title alone: 'SECRETARY_OF_STATE_' [USAGOV]).
- kg/data/actors.jsonl: named office holders from the Phoenix actor dictionaries,
  with their date-bounded codes (`[USAGOV 20090120-20170120]`), and named groups.
- kg/data/actor_aliases.jsonl: the short names those dictionaries give an office
  holder ('Putin', 'President Obama'), each with the id of its actors.jsonl row.
- kg/data/nonactor_codes.jsonl: ISO 4217 currency codes (Debian iso-codes) and
  time-zone abbreviations (the IANA tz database through Python's zoneinfo).

    python scripts/derive_titles.py ../shared/reference/petrarch2
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_gazetteers import _write  # noqa: E402  one writer of kg/data JSON Lines for every script

ISO_4217 = Path("/usr/share/iso-codes/json/iso_4217.json")
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
# sectors whose person agents hold positions a news text states (CAMEO sector codes)
POSITION_SECTORS = {"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "IGO", "PTY"}
COMPOUND_SECTORS = {"MED"}  # media: only compounds name a position ("chief editor"); business compounds name firms ("car maker")
AGENT_SUFFIX = re.compile(r"(er|or|ist|man|men|woman|women|person|ian|ief)$")  # agent-noun endings of English
MEDIA = "MED"  # the CAMEO sector of the media: outlets and journalists alike
RECENT = "1995-01-01"  # office holders of the news era; older bounds are history
MIN_HEAD_FORMS = 2  # a position noun heads several agent entries (minister, secretary, officer, spokesman)
CODE = re.compile(r"\[~?([A-Z]{3,})\s*([^\]]*)\]")


def _words(phrase: str) -> str:
    """'INTERIOR_MINISTER_' -> 'interior minister'."""
    return re.sub(r"\s+", " ", phrase.replace("_", " ")).strip().lower()


def _head(form: str) -> str:
    """The head noun of an agent form: 'chairman of the council' -> 'chairman'."""
    words = form.split()
    cut = next((i for i, w in enumerate(words) if i and w in {"of", "for", "to", "at", "in", "on"}), len(words))
    words = words[:cut]
    return words[-1] if words else ""


def actor_entries(path: Path) -> list[list[tuple[int, str]]]:
    """The entries of one Phoenix actor file, each its lines in order as (line number, text), comments cut: the name's
    line first, then its synonyms ('+PRESIDENT_BARACK_OBAMA') and code lines ('[USAGOV 20090120-20170120]')."""
    out: list[list[tuple[int, str]]] = []
    for number, raw in enumerate(path.read_text(encoding="latin-1").splitlines(), 1):
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        if line[0] in " \t[" or line.startswith("+"):
            if out:
                out[-1].append((number, line))
        else:
            out.append([(number, line)])
    return out


def _prename_words(folder: Path) -> dict[str, int]:
    """Words written before a named person's name in the actor synonyms ('+PRESIDENT_BARACK_OBAMA')."""
    counts: dict[str, int] = {}
    for name in ACTOR_FILES:
        for (_, head), *rest in actor_entries(folder / name):
            base = _words(CODE.split(head)[0]).split()
            for _, line in rest:
                syn = _words(line[1:]).split()
                if line.startswith("+") and base and len(syn) > len(base) and syn[-len(base):] == base:
                    word = syn[-len(base) - 1]
                    counts[word] = counts.get(word, 0) + 1
    return counts


def _expand_stems(form: str, subs: dict[str, list[str]]) -> list[str]:
    """'FINANCE_MINIST' -> 'FINANCE_MINISTER', 'FINANCE_MINISTRY': a stem of a substitution set's words."""
    stems = {v[:6]: values for values in subs.values() for v in values if len(v) > 6}
    words = re.split(r"([_ ])", form)
    stem = next((w for w in words if w.lower() in stems), None)
    if stem is None:
        return [form]
    return ["".join(v.upper() if w == stem else w for w in words) for v in stems[stem.lower()]]


def agents(folder: Path) -> list[dict]:
    """Every expanded form of Phoenix.agents.txt with its sector and person/body reading."""
    path = folder / "Phoenix.agents.txt"
    prename = {w for w, n in _prename_words(folder).items() if n >= 2}
    subs: dict[str, list[str]] = {}
    person_subs: set[str] = set()
    rows = []
    for number, raw in enumerate(path.read_text(encoding="latin-1").splitlines(), 1):
        line = raw.split("#")[0].strip()
        if not line:
            continue
        sub = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
        if sub:
            subs[sub.group(1)] = [w.strip().lower() for w in sub.group(2).split(",")]
            if sub.group(1) == "PERSON":
                person_subs = set(subs["PERSON"])
            continue
        code = CODE.search(line)
        if not code:
            continue
        phrase = re.sub(r"\{[^}]*\}", "", line[:code.start()]).strip()
        sector = code.group(1)
        forms = [phrase]
        for name, values in subs.items():
            forms = [f.replace(f"!{name}!", v.upper()) for f in forms for v in values] if f"!{name}!" in "".join(forms) else forms
        forms = [expanded for f in forms for expanded in _expand_stems(f, subs)]
        for form in dict.fromkeys(_words(f) for f in forms):
            if not form or not re.fullmatch(r"[a-z][a-z .'\-]*", form):
                continue
            head = _head(form)
            plural = head.endswith(("s", "ies")) and not head.endswith(("ss", "us", "ics"))
            if plural:
                continue
            person = bool(AGENT_SUFFIX.search(head) or head in prename or any(head.endswith(p) for p in person_subs)
                          or head.endswith("."))
            rows.append({"id": f"agent-{form.replace(' ', '-').replace('.', '').replace(chr(39), '')}", "form": form,
                         "head": head, "sector": sector[:3], "codes": sector, "person": person, "before_names": head in prename,
                         "source": f"petrarch2/Phoenix.agents.txt:{number}"})
    unique = {}
    for row in rows:
        unique.setdefault(row["id"], row)
    return list(unique.values())


def _title_case(form: str) -> str:
    small = {"of", "the", "and", "for", "in", "on", "at", "to"}
    return " ".join(w if w in small and i else w[:1].upper() + w[1:] for i, w in enumerate(form.split()))


def agent_titles(rows: list[dict]) -> list[dict]:
    """Person agents of the position sectors, in the titles.jsonl schema; military ranks apart.

    A one-word title must also be written before named people in the actor synonyms ('PRESIDENT_X',
    'SENATOR_X'); other lone nouns name a trade ('lawyer'), not a position.
    A rank is a one-word military agent written abbreviated in the file ('COL.', 'GEN.') or whose
    abbreviation the file also lists ('COLONEL' next to 'COL.'); other one-word military agents
    ('BOMBER', 'CARRIER') are vehicles as often as people and are left out.
    """
    heads: dict[str, int] = {}
    for row in rows:
        if row["person"]:
            heads[row["head"]] = heads.get(row["head"], 0) + 1
    abbreviations = {r["form"] for r in rows if r["sector"] == "MIL" and r["form"].endswith(".") and " " not in r["form"]}
    out = []
    for row in rows:
        form, sector = row["form"], row["sector"]
        one_word = " " not in form
        rank = sector == "MIL" and one_word and (form in abbreviations or any(
            form.startswith(a[:-1]) and form[0] == a[0] for a in abbreviations if len(a) > 3))
        if rank:
            pass
        elif not row["person"] or heads[row["head"]] < MIN_HEAD_FORMS or (sector == "MIL" and one_word):
            continue
        elif one_word and not row["before_names"]:
            continue  # a lone noun ('lawyer', 'politician') names a trade; a position is written before names ('senator')
        elif sector not in POSITION_SECTORS and not (sector in COMPOUND_SECTORS and not one_word):
            continue
        if form.split()[-1] in SLOT_WORDS:
            continue  # 'AMBASSADOR_TO {}': a slot for what follows, not a title of its own ('ambassador' is one)
        forms = {form, _title_case(form)}
        forms |= {_hyphenated(f) for f in forms}
        out.append({"id": f"title-{row['id'][6:]}", "role": _title_case(form),
                    "forms": sorted(forms), "kind": "rank" if rank else sector.lower(),
                    "sector": row["codes"], "source": row["source"]})
    return out


MIN_PORTFOLIOS = 10  # a noun written before and after this many government agents' portfolios takes any portfolio


def portfolio_heads(rows: list[dict], have: set[str]) -> list[dict]:
    """A noun the government agents write both before and after many portfolios ('agriculture secretary', 'cabinet
    secretary' ... and 'secretary of agriculture', 'secretary of commerce' ...) that has no row of its own is a one-word
    title that takes a portfolio: 'Health Secretary', 'Brexit Secretary', 'press secretary' (kg/nlp.py keeps it only
    after a portfolio word). 'attorney general', 'director general' make no such noun: 'general' heads no 'of'."""
    before: dict[str, list[str]] = {}
    after: dict[str, int] = {}
    for row in rows:
        words = row["form"].split()
        if not row["person"] or row["sector"] != "GOV" or len(words) < 2:
            continue
        if words[-1] == row["head"]:
            before.setdefault(row["head"], []).append(row["source"].rsplit(":", 1)[-1])
        elif len(words) > 2 and words[1] in {"of", "for"}:
            after[words[0]] = after.get(words[0], 0) + 1
    return [{"id": f"title-{head}", "role": head.capitalize(), "forms": [head.capitalize(), head], "kind": "minister",
             "sector": "GOV", "source": f"petrarch2/Phoenix.agents.txt: written before {len(lines)} government agents' "
             f"portfolios (lines {', '.join(lines[:3])} ...) and after {after[head]}"}
            for head, lines in sorted(before.items())
            if len(lines) >= MIN_PORTFOLIOS and after.get(head, 0) >= MIN_PORTFOLIOS and head not in have]


SLOT_WORDS = {"of", "for", "to", "at", "in", "on"}
HYPHENATED = re.compile(r"\b(\w+) (general|in chief|in-chief)$", re.I)


def _hyphenated(form: str) -> str:
    """'director general' -> 'director-general', 'commander in chief' -> 'commander-in-chief': news writes both."""
    return HYPHENATED.sub(lambda m: f"{m.group(1)}-{m.group(2).replace(' ', '-')}", form)


WORDNET = Path("/usr/share/wordnet")  # Debian's wordnet-base (scripts/derive_wordnet.py reads it too)
SEAT_SECTORS = {"LEG", "JUD"}  # a legislature's or a court's seat is a position of the state, not a trade
SEAT_ROOTS = {"official": "10372373", "lawgiver": "10249270"}  # WordNet 3.0 official.n.01, lawgiver.n.01


def seat_titles(rows: list[dict], have: set[str], wordnet: Path = WORDNET) -> list[dict]:
    """One-word agents of a legislature or a court that name a seat in it: WordNet's first sense of the word is an
    official or a lawgiver ('judge', 'magistrate', 'legislator', 'lawmaker', 'congressman'; 'lawyer' is a
    professional, a trade), with the synset's other one-word lemmas whose first sense it is, capitalised ('jurist';
    'justice' is righteousness first, and 'the Justice Department' no judge); and a word of capitals that is the
    initials of a multi-word seat ('MP': member of parliament).
    A compound agent is a seat when it is itself such a WordNet lemma ('chief justice': its head 'justice' names no
    person to the agent rules).
    Such a word is written before names less often than 'senator', so agent_titles leaves it out."""
    import derive_wordnet as wn

    lemmas, hypernyms = wn._synsets(wordnet)
    senses = wn._senses(wordnet)
    roots = {offset: name for name, offset in SEAT_ROOTS.items()}
    for name, offset in SEAT_ROOTS.items():
        if name not in lemmas.get(offset, []):
            sys.exit(f"{wordnet}/data.noun: synset {offset} is not {name}: not WordNet 3.0?")
    out = []
    for row in rows:
        form, sector = row["form"], row["sector"]
        if sector not in SEAT_SECTORS or form in have or not form.replace(" ", "").isalpha():
            continue
        offset = senses.get(form.replace(" ", "_"), [""])[0]
        root = wn._root(offset, hypernyms, roots) if offset else None
        if " " in form and root is None:
            continue  # a compound is a seat only as WordNet's lemma of one ('chief justice'), never by its initials
        forms = {form, _title_case(form)}
        if root is not None:
            agent_forms = {r["form"] for r in rows}  # 'lawmaker' is a seat of its own, not a form of 'lawgiver'
            forms |= {w.capitalize() for w in lemmas[offset] if w.isalpha() and w.lower() not in have | agent_forms
                      and senses.get(w.lower(), [""])[0] == offset}  # 'justice' is righteousness first: no title
            source = f"{row['source']} + WordNet 3.0 data.noun {offset} ({lemmas[offset][0]}), under {root}"
        else:
            seats = [r["form"] for r in rows if r["sector"] == sector and r["person"] and " " in r["form"]
                     and "".join(w[0] for w in r["form"].split() if w not in SLOT_WORDS | {"the"}) == form]
            if len(form) > 3 or not seats:
                continue
            forms = {form.upper()}
            source = f"{row['source']}: the initials of {seats[0]}"
        out.append({"id": f"title-seat-{form.replace(' ', '-')}", "role": form.upper() if root is None else _title_case(form),
                    "forms": sorted(forms), "kind": sector.lower(), "sector": sector, "source": source})
    return out


def prename_titles(folder: Path, have: set[str]) -> list[dict]:
    """Agent nouns written before named people in the actor synonyms ('+DIRECTOR_...'), twice or more, not yet a title."""
    out = []
    for word, count in sorted(_prename_words(folder).items()):
        if count < 2 or len(word) < 5 or not (AGENT_SUFFIX.search(word) or word.endswith(".")) or word in have:
            continue
        out.append({"id": f"title-prename-{word.rstrip('.')}", "role": _title_case(word), "forms": sorted({word, _title_case(word)}),
                    "kind": "official", "sector": "", "source": f"petrarch2/{'+'.join(ACTOR_FILES)}: before {count} names"})
    return out


def state_titles(folder: Path, forms: set[str]) -> list[dict]:
    """Titles that name one state's office by themselves: a synonym of a Countries actor entry that is a title form
    alone ('+SECRETARY_OF_STATE_' under the United States' government, 'BUNDESKANZLER'), with the codes of one country."""
    out: dict[str, dict] = {}
    lines = (folder / "Phoenix.Countries.actors.txt").read_text(encoding="latin-1").splitlines()
    entry: list[tuple[int, str]] = []

    def flush() -> None:
        countries = {c["country"] for _, line in entry for c in _codes(line)}
        for number, line in entry:
            phrase = _words(CODE.split(line.split("#")[0])[0].lstrip("+"))
            if phrase in forms and len(countries) == 1:
                country = next(iter(countries))
                out.setdefault(phrase, {"id": f"state-title-{phrase.replace(' ', '-')}", "form": phrase, "country": country,
                                        "source": f"petrarch2/Phoenix.Countries.actors.txt:{number}"})

    for number, raw in enumerate(lines, 1):
        if raw and raw[0] not in " \t+[#":
            flush()
            entry = []
        if raw.strip() and not raw.lstrip().startswith("#"):
            entry.append((number, raw))
    flush()
    return sorted(out.values(), key=lambda r: r["id"])


def _date(text: str, end: bool = False) -> str:
    """Phoenix dates: YYYYMMDD or YYMMDD (two-digit years before 30 are 20xx)."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year < 30 else 1900 + year}{text[2:]}"
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
    except ValueError:
        return ""


def _codes(text: str) -> list[dict]:
    out = []
    for code, bounds in CODE.findall(text):
        bounds = bounds.strip()
        start = end = ""
        if "-" in bounds:
            a, b = bounds.split("-", 1)
            start, end = _date(a.strip()), _date(b.strip(), end=True)
        elif bounds.startswith(">"):
            start = _date(bounds[1:].strip())
        elif bounds.startswith("<"):
            end = _date(bounds[1:].strip(), end=True)
        out.append({"code": code, "country": code[:3], "sector": code[3:6], "from": start, "to": end})
    return out


def _name(words: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in words.split())


def _state_names(row: dict) -> list[str]:
    return [row["name"], *row.get("other_names", []), *row.get("names", [])]


def actors(folder: Path, agent_words: set[str]) -> list[dict]:
    """Named persons with dated codes (office holders) and named groups, from the three actor files; a state's own
    entry (its name in kg/data/states.jsonl, derived before) is neither."""
    out = []
    state_names = {n.lower() for line in (Path(__file__).resolve().parent.parent / "kg" / "data" / "states.jsonl")
                   .read_text(encoding="utf-8").splitlines() for n in _state_names(json.loads(line))}
    for filename in ACTOR_FILES:

        def add(entry: dict, filename: str = filename) -> None:
            if not entry["codes"]:
                return
            dated = any(c["from"] or c["to"] for c in entry["codes"])
            recent = any(max(c["from"], c["to"]) >= RECENT or not (c["from"] or c["to"]) for c in entry["codes"])
            words = entry["name"].lower().split()
            if len(words) < 2 or set(words) & agent_words:
                return  # an office ('Un Secretary General'), not a name
            if entry["name"].lower() in state_names:
                return  # a state itself ('SOUTH_SUDAN [SSD >20110709]', dated by its independence), not a person
            if entry["inline"] and filename != "Phoenix.Countries.actors.txt":
                # 'ABU_NIDAL_ORGANIZATION [IMGMUSALQ]': a group, its code on the name's line; in the international
                # file two-word names with such codes are people as often as bodies ('Josep Borrell'), except companies
                company = any(c["code"].startswith("MNC") for c in entry["codes"])
                if filename == "Phoenix.International.actors.txt" and len(words) < 3 and not company:
                    return
                kind = "Organization"
            elif not dated and all(c["code"].endswith(MEDIA) for c in entry["codes"]):
                return  # 'AL_JAZEERA [MED]', 'DER_SPIEGEL', 'GLENN_GREENWALD': the media code is an outlet's or a journalist's
            elif (dated and recent) or (not entry["inline"] and filename == "Phoenix.International.actors.txt"):
                kind = "Person"  # an office holder: dated codes, or an official of an international body
            else:
                return
            names = [entry["name"]] + [n for n in entry["names"] if len(n.split()) >= 2 and not set(n.lower().split()) & agent_words]
            short = [n for n in entry["names"] if n not in names] if kind == "Person" else []
            out.append({"id": f"actor-{len(out) + 1}", "type": kind, "name": entry["name"],
                        "names": list(dict.fromkeys(names)), "codes": entry["codes"], "source": entry["source"],
                        "short": list(dict.fromkeys(short))})

        for (number, head), *rest in actor_entries(folder / filename):
            words = _words(CODE.split(head)[0])
            if not re.fullmatch(r"[a-z][a-z .'\-]*", words):
                continue
            entry = {"name": _name(words), "names": [], "codes": _codes(head), "inline": bool(CODE.search(head)),
                     "source": f"petrarch2/{filename}:{number}"}
            for _, line in rest:
                if line.startswith("+"):
                    entry["names"].append(_name(_words(CODE.split(line[1:])[0])))
                entry["codes"] += _codes(line)
            add(entry)
    return out


def actor_aliases(rows: list[dict]) -> list[dict]:
    """The short names the actor dictionaries give an office holder besides full names: a surname alone ('+PUTIN_') or
    with a title ('+PRESIDENT_OBAMA_'), which kg/data/actors.jsonl leaves out of `names` (they name no person by
    themselves: 'Obama' is also a Congolese minister's name); the dictionary says whom it means by them."""
    return [{"id": f"alias-{n}", "alias": alias, "actor": row["id"], "source": row["source"]}
            for n, (row, alias) in enumerate(((row, a) for row in rows for a in row["short"]), 1)]


def nonactor_codes() -> list[dict]:
    """Currency codes and time-zone abbreviations: tokens that name no actor ('USD', 'UTC', 'CEST')."""
    import zoneinfo

    rows = [{"id": f"currency-{c['alpha_3']}", "code": c["alpha_3"], "kind": "currency", "name": c["name"],
             "source": f"Debian iso-codes {ISO_4217}"} for c in json.loads(ISO_4217.read_text(encoding="utf-8"))["4217"]]
    seen = {r["code"] for r in rows}
    abbreviations: dict[str, str] = {}
    for zone in sorted(zoneinfo.available_timezones()):
        tz = zoneinfo.ZoneInfo(zone)
        for year in range(1990, 2031, 5):
            for month in (1, 7):
                name = dt.datetime(year, month, 15, 12, tzinfo=tz).tzname() or ""
                if re.fullmatch(r"[A-Z]{2,5}", name):
                    abbreviations.setdefault(name, zone)
    for zone in sorted(zoneinfo.available_timezones()):
        if re.fullmatch(r"[A-Z]{2,5}", zone):
            abbreviations.setdefault(zone, zone)
    for code, zone in sorted(abbreviations.items()):
        if code not in seen:
            rows.append({"id": f"timezone-{code}", "code": code, "kind": "timezone", "name": zone,
                         "source": "IANA tz database (Python zoneinfo/tzdata)"})
    return rows


def main(folder: Path) -> None:
    agent_rows = agents(folder)
    _write("agents.jsonl", agent_rows)
    titles = agent_titles(agent_rows)
    titles += prename_titles(folder, {f.lower() for t in titles for f in t["forms"]})
    titles += seat_titles(agent_rows, {f.lower() for t in titles for f in t["forms"]})
    titles += portfolio_heads(agent_rows, {f.lower() for t in titles for f in t["forms"]})
    _write("agent_titles.jsonl", titles)
    listed = Path(__file__).resolve().parent.parent / "kg" / "data" / "titles.jsonl"
    forms = {f.lower() for t in titles for f in t["forms"]}
    forms |= {f.lower() for line in listed.read_text(encoding="utf-8").splitlines() if line.startswith("{")
              for f in json.loads(line)["forms"]}
    _write("state_titles.jsonl", state_titles(folder, forms))
    agent_words = {w for r in agent_rows for w in r["form"].split() if len(w) > 2}
    rows = actors(folder, agent_words)
    _write("actors.jsonl", [{k: v for k, v in row.items() if k != "short"} for row in rows])
    _write("actor_aliases.jsonl", actor_aliases(rows))
    _write("nonactor_codes.jsonl", nonactor_codes())


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/petrarch2"))
