"""Derive newskg's CAMEO verb lexicon from the PETRARCH-2 verb dictionary, mapped to PLOVER.

Reads (developer-side only; the package reads just the files written here):

- ``shared/reference/petrarch2/CAMEO.2.0.txt``: verb blocks (``---  NAME [CODE]  ---``),
  each a WordNet-style synonym set of verbs with a default CAMEO code, and patterns
  ``- * OBJECT (PREP NOUN) [CODE] # VERB`` that refine it;
- ``shared/eval/plover_gsr/CAMEO2PLOVER-2021.txt``: CAMEO code -> PLOVER category and mode;
- ``shared/reference/petrarch2/Phoenix.agents.txt``: generic agent nouns (farmer, police,
  rebels ...), the nominal actors a political event can have as its object;
- WordNet 3.0 (``/usr/share/wordnet``, Debian's wordnet-base): which verbs name acts (`acting_verbs`).

Writes:

- ``kg/data/cameo_plover.csv``: every CAMEO code of the table with its PLOVER type, source line;
- ``kg/data/event_triggers_cameo.jsonl``: one row a verb sense, in the schema of
  ``event_triggers.jsonl`` (lemmas, pos, kind, cameo, plover, args, obj, needs) plus ``source``;
- ``kg/data/event_actor_nouns.csv``: agent nouns with their Phoenix sector code and source line.

Rules, chosen for precision:

- a pattern maps to the trigger machinery when it has nothing before the verb (subject
  patterns are skipped) and only words, ``{multi word}`` phrases, ``&SYNSETS`` and
  ``(PREP ...)`` phrases after it: the object's head word becomes ``obj`` (the words before
  the head of a ``{MULTI WORD}`` object become ``objmod``, which must modify it), a preposition
  becomes ``needs`` and the head of its object ``pobj``, a first bare word followed by an object is a particle (``SET OFF EXPLOSIVE``);
- a verb fires without a pattern (a bare row) only when its default code and every pattern
  code of its block give the same PLOVER type; otherwise it fires only with the pattern
  that distinguishes the sense (``FACE TRIAL`` is not a meeting because ``MEET`` is one);
- a verb found in two blocks with different types gets no bare row;
- codes the table leaves without a PLOVER type (CAMEO 01 statements, 02 appeals) are skipped;
- the kind (ontology class) and argument slots of a derived row are those of the hand-made
  row of ``event_triggers.jsonl`` with the same PLOVER type whose CAMEO code shares the
  longest prefix with it, so the existing argument-role logic applies unchanged.

The PLOVER GSR records newskg is scored on use the PLOVER 0.x labels DEMAND, DISAPPROVE,
INVESTIGATE and FIGHT where the 2021 table has REQUEST, ACCUSE (mode ``investigate`` or not)
and ASSAULT for CAMEO root 19 (conventional military force); ``GSR_LABEL`` below restates
that correspondence, which the 2021 table keeps in its mode column and code; the GSR records
also keep embargoes (163) under SANCTION where the 2021 table moved them to COERCE.

    python scripts/derive_triggers.py ../shared
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kg" / "data"
CAMEO_FILE = "reference/petrarch2/CAMEO.2.0.txt"
TABLE_FILE = "eval/plover_gsr/CAMEO2PLOVER-2021.txt"
AGENTS_FILE = "reference/petrarch2/Phoenix.agents.txt"
WORDNET = Path("/usr/share/wordnet")  # Debian's wordnet-base: WordNet 3.0 (see scripts/derive_wordnet.py)

BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
CODE = re.compile(r"\[([^\]]*)\]")
# a preposition of a pattern names the target ("AGAINST", "ON", "TO") unless it gives place, time, agent or purpose
NOT_TARGET_PREPS = {"in", "at", "by", "for", "into", "over", "under", "after", "before", "during", "until", "since", "of"}
# the verb dictionary's synonym sets that name people (its others name things: &WEAPON, &TREATY, &CURRENCY ...)
# with the Phoenix sector code their members take (SOURCE.md: MIL military, OPP opposition, REF refugees ...)
PEOPLE_SETS = {"&LEADER": "ELI", "&HOSTAGE": "", "&NEGOTIATOR": "GOV", "&REFUGEE": "REF", "&MILITARY": "MIL",
               "&OPPOSITION": "OPP", "&PEOPLE": "CVL", "&SUSPECT": ""}
# adverb particles of phrasal verbs (closed class): "crack down", "call up", "lash out", "back down", "give in"
PARTICLES = {"down", "up", "out", "off", "back", "away", "aside", "in", "together"}
MIN_HEAD_ENTRIES = 5  # a word heading this many multi-word agents is an agent noun itself
TABLE_ROW = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,?([^#]*)#?\s*(.*)$")


def gsr_label(code: str, category: str, mode: str) -> str:
    """The PLOVER GSR (0.x) label of a CAMEO code the 2021 table maps to `category` with `mode`."""
    if category == "REQUEST":
        return "DEMAND"
    if category == "ACCUSE":
        return "INVESTIGATE" if mode == "investigate" else "DISAPPROVE"
    if category == "ASSAULT" and code.startswith("19"):
        return "FIGHT"
    if code == "163":
        return "SANCTION"  # embargoes: the 2021 table moved them to COERCE, the GSR records keep SANCTION
    return category


def read_table(path: Path) -> list[dict]:
    """CAMEO2PLOVER rows: cameo, plover (GSR label), category and mode of the 2021 table, description, source."""
    rows, seen = [], set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = TABLE_ROW.match(line.strip())
        if not m or m.group(1) in seen:
            continue  # a code listed twice ("08", "175") keeps its first row
        seen.add(m.group(1))
        code, category, rest, description = m.groups()
        parts = [p.strip() for p in rest.split(",")]
        mode = parts[0] if parts else ""
        context = parts[1] if len(parts) > 1 else ""
        rows.append({"cameo": code, "plover": gsr_label(code, category, mode), "category_2021": category, "mode": mode,
                     "context": context, "description": description.strip(), "source": f"{TABLE_FILE}:{number}"})
    return rows


def plover_of(code: str, table: dict[str, str]) -> str:
    """PLOVER type of a CAMEO code: its own row, else the longest prefix the table has."""
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return ""


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """&NAME synonym sets at the head of the verb dictionary: name -> lower-case words."""
    sets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("####### VERB PATTERNS"):
            break
        if text.startswith("&"):
            current = text.rstrip("_")
            sets[current] = []
        elif text.startswith("+") and current:
            word = text[1:].strip().rstrip("_")
            if word and "_" not in word:
                sets[current].append(word.lower())
    return sets


def _first_code(field: str) -> str | None:
    """'042:043' -> '042'; ':173' (reversed actors) and '---' -> None."""
    code = field.split(":", 1)[0].strip()
    return code if code.isdigit() else None


def _words(token: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """Head words of one pattern element: WORD, {MULTI WORD} (its last word), &SET (its members)."""
    token = token.strip("{}")
    if not token:
        return None
    head = token.split()[-1]
    if head.startswith("&"):
        return synsets.get(head.rstrip("_")) or None
    if not re.fullmatch(r"[A-Z][A-Z'-]*", head):
        return None
    return [head.lower()]


def _modifiers(token: str, synsets: dict[str, list[str]]) -> list[list[str]] | None:
    """The words before the head of a {MULTI WORD} phrase, each as its alternatives: {WAR GAMES} -> [['war']]."""
    words = token.strip("{}").split()[:-1]
    out = []
    for word in words:
        if word.startswith("&"):
            members = synsets.get(word.rstrip("_"))
            if not members:
                return None
            out.append(members)
        elif re.fullmatch(r"[A-Z][A-Z'-]*", word):
            out.append([word.lower()])
        else:
            return None
    return out


def parse_pattern(text: str, synsets: dict[str, list[str]]) -> dict | None:
    """`* OFF DECISION`, `* (TO BORDER)`, `* {ARMS SHIPMENT}` -> {'particle', 'obj', 'prep', 'pobj'}; None if unusable."""
    before, star, after = text.partition("*")
    if not star or before.strip():
        return None  # a subject pattern: the verb's subject is not read from the lexicon
    after = re.sub(r"[$^%+=]", " ", after)
    elements = re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", after)
    out: dict = {"particle": None, "obj": None, "prep": None, "pobj": None, "objmod": None}
    bare = [e for e in elements if not e.startswith("(")]
    preps = [e for e in elements if e.startswith("(")]
    if len(bare) > 2 or len(preps) > 1:
        return None
    if len(bare) == 2:
        if bare[0].startswith(("{", "&")):
            return None
        out["particle"] = bare[0].lower()
        bare = bare[1:]
    if len(bare) == 1 and bare[0].lower() in PARTICLES:
        out["particle"] = bare[0].lower()  # "- * OUT" under LASH: the particle of "lash out", not an object
        bare = []
    if bare:
        words = _words(bare[0], synsets)
        if words is None:
            return None
        out["obj"] = words
        out["objmod"] = _modifiers(bare[0], synsets) if bare[0].startswith("{") else None
        if bare[0].startswith("{") and out["objmod"] is None:
            return None
    if preps:
        inner = re.findall(r"\{[^}]*\}|\S+", preps[0].strip("()"))
        if not inner or not re.fullmatch(r"[A-Z]+", inner[0]):
            return None
        out["prep"] = inner[0].lower()
        if len(inner) > 2:
            return None
        if len(inner) == 2:
            words = _words(inner[1], synsets)
            if words is None:
                return None
            out["pobj"] = words
    if not any(v for k, v in out.items() if k != "objmod"):
        return None
    return out


def read_blocks(path: Path) -> tuple[list[dict], dict[str, list[str]]]:
    """Verb blocks: name, default code, verbs (lemma, needed marker, own code, line), patterns (text, code, line)."""
    lines = path.read_text(encoding="latin-1").splitlines()
    synsets = read_synsets(lines)
    blocks: list[dict] = []
    in_verbs = False
    for number, line in enumerate(lines, 1):
        if line.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if line.startswith("######## TRANSFORMATIONS"):
            break
        if not in_verbs:
            continue
        m = BLOCK.match(line)
        if m:
            blocks.append({"name": m.group(1), "code": _first_code(m.group(2)), "line": number, "verbs": [], "patterns": []})
            continue
        text = line.split("#", 1)[0].rstrip()
        if not text.strip() or not blocks:
            continue
        block = blocks[-1]
        codes = CODE.findall(text)
        body = CODE.sub(" ", text)
        if text.startswith("-"):
            if not codes:
                continue
            comment = line.split("#", 1)[1].strip() if "#" in line else ""
            block["patterns"].append({"text": body[1:].strip(), "code": _first_code(codes[0]), "raw": codes[0].strip(),
                                      "verb": comment.split()[0].lower() if comment else "", "line": number})
            continue
        word = re.sub(r"\{[^}]*\}", " ", body).split()
        if not word:
            continue
        name = word[0]
        multi = name.startswith("+")
        parts = name.lstrip("+").rstrip("_").lower().split("_")
        if not re.fullmatch(r"[a-z][a-z-]*", parts[0]) or parts[0] == "re" or len(parts) > 2 or (multi and len(parts) != 2):
            continue
        own = _first_code(codes[0]) if codes else None
        explicit_none = bool(codes) and codes[0].strip() == "---"
        block["verbs"].append({"lemma": parts[0], "marker": parts[1] if len(parts) == 2 else None,
                               "code": None if explicit_none else (own or block["code"]), "line": number})
    return blocks, synsets


def templates(hand: list[dict]) -> list[dict]:
    """Hand-made verb rows with a PLOVER type: the kinds and argument slots derived rows borrow. A row with a `source`
    was written for one construction ("X set fire to Y", "rescued X"): it lends its kind to no CAMEO block, unless it
    says it does (`lends`: "hosted/received" is CAMEO 043 itself, whose RECEIVE rows take its host slot)."""
    return [r for r in hand if r.get("pos") == "VERB" and r.get("plover") and r.get("cameo") and not r.get("speech")
            and (not r.get("source") or r.get("lends"))]


def template_for(code: str, plover: str, hand: list[dict]) -> dict | None:
    """The hand row of the same PLOVER type whose CAMEO code shares the longest prefix with `code`."""
    best, score = None, -1
    for row in hand:
        if row["plover"] != plover:
            continue
        common = 0
        for a, b in zip(row["cameo"], code, strict=False):
            if a != b:
                break
            common += 1
        if common > score:
            best, score = row, common
    return best


# WordNet 3.0 lexicographer files (lexnames) of verbs of states, thought, perception, feeling, motion, the body and
# change: a synonym set member whose first sense is one of these ("need", "tend", "reside", "settle") is no act on
# someone when read alone
INERT_LEXFILES = {29: "verb.body", 30: "verb.change", 31: "verb.cognition", 37: "verb.emotion", 38: "verb.motion",
                  39: "verb.perception", 42: "verb.stative"}


MAX_SENSES = 6  # "face" (9 senses), "crush" (8), "determine" (8) mean too many things to be read alone
# from CAMEO 07 (aid) on, acts done to someone (the verbal 03-06 blocks gather "face", "contact", "ensure"), and only
# blocks of a specific code (111 denounce, 172 prohibit, 174 deport): a code ending in 0 is a block's catch-all
# (VERBAL_CONFLICT 110 holds "compete", DESTROY 190 "overtake", SUPPRESS 170 "moderate")
MATERIAL_ROOT = "07"


def acting_verbs(wordnet: Path) -> set[str]:
    """Verbs whose first (most frequent) WordNet sense is an act (communication, contact, competition, possession,
    social ...), not in INERT_LEXFILES, with at most MAX_SENSES senses: 'castigate', 'oust', 'stab' qualify; 'need',
    'tend', 'reside', 'face' do not."""
    lexfile = {}
    for line in (wordnet / "data.verb").read_text(encoding="latin-1").splitlines():
        if line and not line.startswith(" "):
            offset, number = line.split()[:2]
            lexfile[offset] = int(number)
    out = set()
    for line in (wordnet / "index.verb").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        offsets = parts[4 + int(parts[3]) + 2:]
        if offsets and len(offsets) <= MAX_SENSES and lexfile.get(offsets[0]) not in INERT_LEXFILES:
            out.add(parts[0])
    return out


NOUN_ACT = 4  # WordNet lexicographer file noun.act: acts ("deployment", "withdrawal", "bombardment")
NOMINAL_SENSES = 3  # the verb's most frequent senses ("deport" is first "behave", then "expel")


def event_nominals(wordnet: Path, verbs: set[str]) -> list[dict]:
    """Nouns of acts WordNet derives from a trigger verb's first senses ('+' pointers), spelled from the verb's stem:
    deploy -> deployment, withdraw -> withdrawal, bombard -> bombardment. Events reads them as the verb's event noun."""
    lexfile, lemmas, derived = {}, {}, defaultdict(list)
    for name in ("data.noun", "data.verb"):
        for line in (wordnet / name).read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split(" ")
            count = int(fields[3], 16)
            lexfile[fields[0], name] = int(fields[1])
            lemmas[fields[0], name] = [fields[4 + 2 * i].lower() for i in range(count)]
            at = 4 + 2 * count
            pointers = fields[at + 1:at + 1 + 4 * int(fields[at])]
            for i in range(0, len(pointers), 4):
                if name == "data.verb" and pointers[i] == "+" and pointers[i + 2] == "n":
                    derived[fields[0]].append(pointers[i + 1])
    first = {}
    for line in (wordnet / "index.verb").read_text(encoding="latin-1").splitlines():
        if not line.startswith(" "):
            parts = line.split()
            first[parts[0]] = parts[4 + int(parts[3]) + 2:][:NOMINAL_SENSES]
    rows = {}
    for verb in sorted(verbs):
        for offset, noun in ((o, n) for o in first.get(verb, ()) for n in derived.get(o, ())):
            if lexfile.get((noun, "data.noun")) != NOUN_ACT:
                continue
            for word in lemmas[noun, "data.noun"]:
                if word.isalpha() and word != verb and word.startswith(verb[:max(3, len(verb) - 2)]) and word not in rows:
                    rows[word] = {"id": f"nominal-{word}", "noun": word, "verb": verb,
                                  "source": f"WordNet 3.0 data.verb {offset} ({verb}) + data.noun {noun} ({word}), noun.act"}
    return list(rows.values())


def pattern_types(block: dict, lemma: str, table: dict[str, str]) -> set[str]:
    """PLOVER types of a block's patterns that speak for `lemma`: those whose comment names it, in any form
    ('# RALLIED' for RALLY), and those whose comment names no verb."""
    stem = lemma[:max(3, len(lemma) - 1)]
    return {plover_of(p["code"], table) for p in block["patterns"]
            if p["code"] and (not p["verb"] or p["verb"].startswith(stem))} - {""}


def derive(blocks: list[dict], synsets: dict[str, list[str]], table: dict[str, str], hand: list[dict],
           acting: set[str] | None = None) -> list[dict]:
    """Trigger rows: bare verbs whose block agrees on one PLOVER type, and every usable pattern.

    A verb's bare row needs the patterns written for it (its comment names it) and the block's unattributed ones to
    agree with its code, and the verb to have no other PLOVER type in another block; a plain verb that is not the
    block's head must also be an acting verb of WordNet (`acting_verbs`), or every pattern of its block must agree.
    """
    # which PLOVER types each plain lemma gets as a bare verb, over all blocks
    bare_types: dict[str, set[str]] = defaultdict(set)
    for block in blocks:
        for verb in block["verbs"]:
            if verb["marker"] is None and verb["code"]:
                bare_types[verb["lemma"]].add(plover_of(verb["code"], table))
    # which PLOVER types the patterns written for a phrasal verb give it, over all blocks: "WALK * OUT (OF MEET)"
    # [164] under WALK says a walkout halts talks, so GO_SOMEWHERE's bare "+WALK_OUT" [040] is no meeting
    phrasal_types: dict[tuple[str, str], set[str]] = defaultdict(set)
    for block in blocks:
        for pattern in block["patterns"]:
            parsed = parse_pattern(pattern["text"], synsets) if pattern["code"] and pattern["verb"] else None
            if parsed and parsed["particle"] in PARTICLES and (plover := plover_of(pattern["code"], table)):
                phrasal_types[(pattern["verb"], parsed["particle"])].add(plover)
    rows: list[dict] = []

    def emit(lemmas: list[str], code: str, source: str, obj=None, pobj=None, objmod=None, markers=None, args_extra=None,
             patient=False) -> None:
        plover = plover_of(code, table)
        template = template_for(code, plover, hand) if plover else None
        if template is None or not lemmas:
            return
        args = dict(template["args"])
        for word in args_extra or ():
            args.setdefault(word, "target")
        row = {"id": "", "lemmas": sorted(set(lemmas)), "pos": "VERB", "kind": template["kind"], "cameo": code, "plover": plover,
               "args": args}
        if obj:
            row["obj"] = sorted(set(obj))
        if objmod:
            row["objmod"] = [sorted(set(words)) for words in objmod]
        if pobj:
            row["pobj"] = sorted(set(pobj))
        if markers:
            row["needs"] = {lemma: markers for lemma in row["lemmas"]}
        if patient:
            row["patient"] = True
        row["source"] = source
        rows.append(row)

    for block in blocks:


        block_types = {plover_of(p["code"], table) for p in block["patterns"] if p["code"]} - {""}
        bare: dict[tuple, list[str]] = defaultdict(list)  # (code, marker, needs a patient) -> lemmas
        for verb in block["verbs"]:
            if not verb["code"]:
                continue
            plover = plover_of(verb["code"], table)
            # a phrasal verb ("crack down", "call up") and the verb naming the block ("suppress") are read in the block's
            # sense unless patterns written for them say otherwise; any other verb needs every pattern to agree
            # (or, needing an actor to act on, every other verb that names an act in WordNet: "castigate", "oust")
            agree = plover and bare_types[verb["lemma"]] <= {plover}
            if verb["marker"] in PARTICLES and not phrasal_types[(verb["lemma"], verb["marker"])] <= {plover}:
                continue
            if agree and block_types <= {plover}:
                bare[(verb["code"], verb["marker"], False)].append(verb["lemma"])
            elif plover and pattern_types(block, verb["lemma"], table) <= {plover} and (verb["marker"] in PARTICLES or agree):
                if verb["marker"] in PARTICLES or verb["lemma"] == block["name"].lower():
                    bare[(verb["code"], verb["marker"], False)].append(verb["lemma"])
                elif (verb["marker"] is None and acting is not None and verb["lemma"] in acting and verb["code"] >= MATERIAL_ROOT
                      and not verb["code"].endswith("0")):
                    bare[(verb["code"], None, True)].append(verb["lemma"])
        for (code, marker, patient), lemmas in bare.items():
            lines = sorted(v["line"] for v in block["verbs"] if v["lemma"] in lemmas)
            emit(lemmas, code, f"{CAMEO_FILE}:{lines[0]} ({block['name']} [{code}])", markers=[marker] if marker else None,
                 patient=patient)
        plain = [v["lemma"] for v in block["verbs"] if v["marker"] is None]
        usable = []
        for pattern in block["patterns"]:
            parsed = parse_pattern(pattern["text"], synsets) if pattern["code"] else None
            if parsed is None or (parsed["particle"] and parsed["prep"]):
                continue  # two markers must both hold; `needs` checks one of them
            usable.append((pattern, parsed))
        # first each pattern for the verb it was written for (its comment), then for the block's other verbs:
        # "OPEN * BORDER [080]" and "REOPEN * BORDER [050]" keep their own codes, and synonyms share the rest
        for attributed in (True, False):
            for pattern, parsed in usable:
                if not attributed and not (parsed["obj"] or parsed["pobj"]):
                    continue  # a bare "(TO)" says little: it stays with the verb it was written for ("EXPORT (TO)", not "DISPATCH (TO)")
                lemmas = [v for v in plain if (v == pattern["verb"]) is attributed]
                markers = [m for m in (parsed["particle"], parsed["prep"]) if m]
                extra = [parsed["prep"]] if parsed["prep"] and parsed["prep"] not in NOT_TARGET_PREPS else None
                source = f"{CAMEO_FILE}:{pattern['line']} ({block['name']}: - {pattern['text']} [{pattern['raw']}])"
                emit(lemmas, pattern["code"], source, obj=parsed["obj"], pobj=parsed["pobj"], objmod=parsed["objmod"], markers=markers,
                     args_extra=extra)
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        base = f"cameo-{row['source'].split(':')[1].split()[0]}"
        counts[base] += 1
        row["id"] = base if counts[base] == 1 else f"{base}-{counts[base]}"
    return rows


def read_agents(path: Path) -> list[dict]:
    """Generic agent nouns of Phoenix.agents.txt: one-word entries (and their !PERSON! forms) with their sector code."""
    lines = path.read_text(encoding="latin-1").splitlines()
    macros: dict[str, list[str]] = {}
    out, seen = [], set()
    heads: dict[str, list[int]] = defaultdict(list)  # head noun of a multi-word agent -> its lines
    head_sectors: dict[str, list[str]] = defaultdict(list)
    for number, line in enumerate(lines, 1):
        text = line.split("#", 1)[0].strip()
        m = re.match(r"^(!\w+!)\s*=\s*(.+)$", text)
        if m:
            macros[m.group(1)] = [w.strip().lower() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^([A-Z!][A-Z_!'-]*)\s*(\{[^}]*\})?\s*\[([^\]]*)\]", text)
        if not m:
            continue
        name, plurals, sector = m.group(1), m.group(2) or "", m.group(3).replace("~", "")
        forms = [name, *plurals.strip("{}").split()]
        for macro, words in macros.items():
            if macro in name:
                forms = [f.replace(macro, w.upper()) for f in forms for w in words]
        for form in forms:
            words = form.strip("_").lower().split("_")
            if len(words) > 1 and "of" not in words and "in" not in words:
                heads[words[-1]].append(number)
                head_sectors[words[-1]].append(sector[:3])
            if len(words) != 1 or not re.fullmatch(r"[a-z][a-z'-]+", words[0]) or words[0] in seen:
                continue
            seen.add(words[0])
            out.append({"noun": words[0], "sector": sector, "source": f"{AGENTS_FILE}:{number}"})
    for head, numbers in sorted(heads.items()):  # "SECURITY_OFFICIAL", "CUSTOMS_OFFICIAL", ...: an official is an agent
        if len(numbers) >= MIN_HEAD_ENTRIES and head not in seen and re.fullmatch(r"[a-z][a-z'-]+", head):
            seen.add(head)
            sectors = [x for x in head_sectors[head] if x]
            common = max(dict.fromkeys(sectors), key=sectors.count) if sectors else ""  # the sector most of them have, the first in a tie
            out.append({"noun": head, "sector": common, "source": f"{AGENTS_FILE}:{numbers[0]} (head of {len(numbers)} entries)"})
    return out


def synset_actors(path: Path, seen: set[str]) -> list[dict]:
    """Members of the verb dictionary's synonym sets of people (&LEADER, &HOSTAGE, &PEOPLE ...) not in the agents file."""
    lines = path.read_text(encoding="latin-1").splitlines()
    out, current = [], None
    for number, line in enumerate(lines, 1):
        text = line.split("#", 1)[0].strip()
        if text.startswith("####### VERB PATTERNS"):
            break
        if text.startswith("&"):
            current = text.rstrip("_")
        elif text.startswith("+") and current in PEOPLE_SETS:
            word = text[1:].strip().rstrip("_").lower()
            if re.fullmatch(r"[a-z][a-z'-]+", word) and word not in seen:
                seen.add(word)
                out.append({"noun": word, "sector": PEOPLE_SETS[current], "source": f"{CAMEO_FILE}:{number} ({current})"})
    return out


def _write_jsonl(name: str, header: str, rows: list[dict]) -> None:
    path = OUT / name
    text = header + "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    path.with_suffix(".tmp").write_text(text, encoding="utf-8")
    path.with_suffix(".tmp").replace(path)
    print(f"{path}: {len(rows)} rows")


def _write_csv(name: str, rows: list[dict]) -> None:
    path = OUT / name
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    print(f"{path}: {len(rows)} rows")


def main(shared: Path) -> None:
    table_rows = read_table(shared / TABLE_FILE)
    table = {r["cameo"]: r["plover"] for r in table_rows}
    blocks, synsets = read_blocks(shared / CAMEO_FILE)
    hand = templates(list(_hand_rows()))
    rows = derive(blocks, synsets, table, hand, acting_verbs(WORDNET))
    _write_csv("cameo_plover.csv", table_rows)
    header = ("# Derived by scripts/derive_triggers.py from the PETRARCH-2 CAMEO verb dictionary (MIT, Open Event Data Alliance)\n"
              "# and CAMEO2PLOVER-2021.txt (CC BY-SA 4.0, OEDA); do not edit by hand. Schema of event_triggers.jsonl;\n"
              "# `source` is the dictionary line of the verb or pattern.\n"
              "# Kind and args come from the hand-made row of the same PLOVER type.\n")
    _write_jsonl("event_triggers_cameo.jsonl", header, rows)
    verbs = {lemma for row in list(_hand_rows()) + rows if row["pos"] == "VERB" for lemma in row["lemmas"]}
    _write_jsonl("event_nominals.jsonl", "# Event nouns of trigger verbs, from WordNet 3.0 derivations (scripts/derive_triggers.py).\n",
                 event_nominals(WORDNET, verbs))
    agents = read_agents(shared / AGENTS_FILE)
    agents += synset_actors(shared / CAMEO_FILE, {a["noun"] for a in agents})
    _write_csv("event_actor_nouns.csv", agents)


def _hand_rows():
    for line in (OUT / "event_triggers.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield json.loads(line)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
