"""Derive word lists from WordNet 3.0 into kg/data: occupation nouns, and proper names that name no actor.

Run by a developer when the reference changes; the package reads only the derived files, each row keeping its
source (the WordNet synset: its offset in data.noun, its first lemma and the root it descends from).

- kg/data/occupations.jsonl: a noun is an occupation when its most frequent sense (the first in index.noun) is
  a hyponym of one of ROOTS or EXPERT_ROOTS: people who work or hold a post ('researcher', 'attorney', 'editor',
  'manager', 'representative', 'analyst', 'strategist'). Its other senses do not count, so 'head' (a body part
  first) and 'fan' (a device first) are left out. Such a noun states a position only with its organisation written beside it ('NAME, a
  researcher at ORG', 'ORG attorney NAME'): kg.extract.roles reads it in those constructions only, never alone.
- kg/data/office_verbs.jsonl: verbs from whose first senses WordNet derives a leader named with the verb's stem
  ('head' -> head, 'chair' -> chairman): 'NAME, who heads ORG' states that post (kg.extract.roles).
- kg/data/title_prefixes.jsonl: words written before a title for the post one rank below it ('deputy', 'vice',
  'assistant'; 'shadow', from 'shadow cabinet'): 'Deputy Foreign Minister NAME' holds no Foreign Minister's post and
  'shadow chancellor NAME' no Chancellor's (kg.extract.roles names the post with it).
- kg/data/place_nouns.jsonl: nouns one of whose two most frequent senses is a geographical area or a district
  ('village', 'province'): 'the village of X' names a place (kg.nlp).
- kg/data/speech_verbs.jsonl: verbs one of whose two most frequent senses is a verb of communication ('warn',
  'insist', 'deny', 'reply'): with a finite clause they report, kg.extract.events reads them as speech.
- kg/data/nonactor_names.jsonl: proper names whose every noun sense is a deity or spirit, a religion as a belief
  or a holiday ('Allah', 'Athena', 'Satan', 'Judaism'): the model tags them as people, organisations or places,
  and none is an actor or a place of the graph. A religion as a belief whose other senses are its followers
  as a body ('Islam' is a civilization too, 'Wicca' a community, 'Christianity' Christendom) is named for the
  faith, not for an organisation that acts; a name WordNet knows only as an organised body ('Scientology', the
  Church of Scientology) can act, and stays.
- kg/data/craft_nouns.jsonl: nouns of a ship, a plane or a spacecraft ('tanker', 'destroyer', 'flagship'; two-word ones
  too, 'aircraft carrier'): the name after one ('the tanker Stena Impero') is a vessel's, no actor's.
- kg/data/vehicle_nouns.jsonl: nouns of a conveyance ('car', 'bus', 'train', 'plane', 'rocket'): what crashes in an
  accident; 'shares crashed' names none (kg.extract.events).
- kg/data/device_nouns.jsonl: nouns of a device ('computer', 'phone'): 'its Macintosh computers' is a product line.
- kg/data/product_nouns.jsonl: nouns, one word or two, whose most frequent sense is software, electronic equipment or a
  computer ('software', 'operating system', 'web browser', 'phone', 'handset', 'laptop'): the name in apposition to
  one ('its web browser, Firefox') names that product, no actor (kg.nlp).
- kg/data/weapon_nouns.jsonl: nouns of a weapon ('missile', 'rocket'): 'launched a missile' releases no product.
- kg/data/structure_nouns.jsonl: nouns of a built structure ('building', 'bridge', 'dam'): one that collapses is an accident.
- kg/data/system_nouns.jsonl: nouns whose most frequent sense is a system of parts (system.n.01: 'system',
  'intercom', 'internet'), software ('software', 'spyware') or a database ('database', 'list', 'roster'): a name
  ending in one ('the Electronic Claims Information System') names a thing that runs or is read, no actor (kg.nlp).
- kg/data/motion_verbs.jsonl: one-word verbs whose most frequent sense is a verb of motion ('enter', 'leave',
  'reach', 'tour') or of fighting ('attack', 'shell', 'besiege'): a capital as their object is the city gone to or
  fought over ('Troops entered Khartoum'), not its government acting (kg.extract.entities).
- kg/data/creation_nouns.jsonl: nouns one of whose two most frequent senses is a piece of music, a film, a show or
  broadcast, a publication, a piece of writing or a work of art ('song', 'anthem', 'film', 'novel', 'play'), neither
  of them a group or a person: the name in apposition right after one ('the song Glory to Hong Kong', 'the opera
  Madama Butterfly') is the work's title, no actor or place (kg.nlp).
- kg/data/name_particles.jsonl: lower-case words written inside people's names before a capitalised part ('von',
  'de', 'bin', 'da', 'al'): WordNet's people ('Otto_von_Bismarck', 'Charles_de_Gaulle', 'Osama_bin_Laden') write them
  so, in at least two names and at least once after another word of the name ('van_der_Waals'); English function words (spaCy's stop
  words: 'Ivan_the_Terrible', 'Joan_of_Arc') are left out. 'Ursula von der Leyen' is one name (kg.nlp).
- kg/data/honorifics.jsonl: forms of address that WordNet writes both with and without a full stop ('Mr', 'Mr.',
  'Mrs', 'Ms'), and the abbreviations of people's nouns WordNet writes with a full stop ('Dr.' of doctor), in both
  spellings: 'Ms Buchtmann said', 'Dr Fauci said' name the person by the surname, the form of address aside (kg.nlp).
- kg/data/trade_body_nouns.jsonl: nouns one of whose senses is a business or a financial institution ('bank',
  'carrier', 'maker'): the name right after one ('the Dutch bank X') is a business's (kg.nlp).
- kg/data/trade_words.jsonl: the first words of WordNet's two-word nouns of a kind of company or industry
  ('food_company', 'shipping_company', 'steel_industry'): a name of two or more words ending in one, or its plural,
  ('Arla Foods', 'Halvard Shipping') is a company's, not a person's (kg.nlp).
- kg/data/body_nouns.jsonl: nouns one of whose senses is an organisation or a social group ('front', 'airline',
  'union', 'party', 'bank'): a name ending in one, with no given name in it, is a body's ('Nordwind Airlines', 'the
  Tigray People's Liberation Front'), not a person's; `first` says the body is the noun's most frequent sense
  ('company', 'party'; not 'host', 'executive'): 'NAME, the state energy company,' is a body's name (kg.nlp).
- kg/data/feature_nouns.jsonl: nouns one of whose two most frequent senses is a road, a body of water, a landform,
  dry land ('street', 'avenue', 'gulf', 'strait', 'hill', 'plain', 'island') or a building or tower ('hotel',
  'mosque', 'tower'; no sense of them an institution: 'church', 'court'), neither a group nor a person: the
  last word of a name ('Castlefrank Road', 'Rashid Boulevard') or the noun of 'the Plains of X' names a place.
- kg/data/person_nouns.jsonl: one-word nouns whose most frequent sense is a kind of person ('sheriff', 'emeritus',
  'fellow', 'detective'): capitalised at a sentence's start or before a title or a name ('Emeritus Professor NAME',
  "the Sheriff's detective", 'Fellow NATO member Poland'), such a noun states what someone is, and names no body
  or place (kg.nlp).
- kg/data/work_nouns.jsonl: one-word nouns whose most frequent sense is an investigation, an undertaking or a plan
  ('study', 'survey', 'census', 'project', 'programme', 'scheme'): capitalised words before one ('the National Iodine
  Nutrition study') are the name of the study, no actor's (kg.nlp).
- kg/data/document_nouns.jsonl: one-word nouns whose most frequent sense is a written agreement, a legal document or an
  agreement ('treaty', 'pact', 'act', 'charter', 'agreement'), no group or person: a name ending in one ('the Lisbon
  Treaty', 'the Patriot Act') or 'the Treaty of X' names a document, no actor, and the place in it is no mention (kg.nlp).
- kg/data/abstract_nouns.jsonl: one-word nouns whose most frequent sense is abstract, in WordNet's lexicographer files
  of attributes, cognition, communication, feelings, motives, possessions, quantities, relations, states and times
  ('share', 'lead', 'proposal', 'cancer', 'dominance'): a material act on one ('attacking Apple's lead in phones',
  'fighting the market share of Nokia') is no attack, whoever owns it (kg.extract.events).
- kg/data/happening_nouns.jsonl: one-word nouns whose most frequent sense is an event or a natural phenomenon, in WordNet's
  lexicographer files noun.event and noun.phenomenon ('fire', 'explosion', 'storm', 'flood', 'accident'): one that
  kills or injures ('a fire killed twelve people', 'the storm killed ten') is no one's attack; people died
  (kg.extract.events).
- kg/data/head_nouns.jsonl: one-word nouns of the WordNet synsets of a person in charge ('head', 'chief', 'boss',
  'supremo'): written between an organisation's name and a person's ('Ryanair boss NAME', 'Fiat chief NAME') they
  make the name before them an organisation's, and state that person's post in it (kg.nlp, kg.extract.roles).
- kg/data/post_nouns.jsonl: one-word nouns of the WordNet synsets of a post or job ('position', 'post', 'office',
  'job', 'role', 'capacity'): the owner of one holds the title after its 'as' ('from his position as chairman of the
  board', 'in her role as chief executive'; kg.extract.roles).
- kg/data/opinion_nouns.jsonl: one-word nouns whose most frequent sense is an opinion or a way of regarding things
  ('view', 'opinion', 'perspective', 'standpoint'): one offered or promised ('a contrary view is offered by NAME') is
  something said, no pledge (kg.extract.events).
- kg/data/likelihood_adjectives.jsonl: one-word adjectives of the WordNet head synsets of likelihood and possibility
  and their satellites ('likely', 'unlikely', 'probable', 'possible', 'impossible', 'conceivable'): an event noun
  judged so ('an arrest was unlikely', 'a ceasefire is possible') is talked of, not reported (kg.extract.events).
- kg/data/wrongdoing_nouns.jsonl: one-word nouns whose most frequent sense is a wrongdoing, a cruel act, a killing or
  a mistake ('crime', 'fraud', 'atrocity', 'murder', 'genocide', 'mistake'): one committed ('war crimes committed by
  the army', 'committed fraud') is perpetrated, no pledge (kg.extract.events).
- kg/data/office_words.jsonl: words that name the office of a title of kg/data/titles.jsonl without its holder:
  adjectives WordNet relates to the title's noun ('presidential', 'gubernatorial', 'mayoral': pertainyms) and nouns of
  a post WordNet derives from it ('presidency', 'governorship', 'premiership'): 'the presidential election ... the
  incumbent, NAME' says NAME holds that office (kg.extract.roles).
- kg/data/team_nouns.jsonl: one-word nouns whose most frequent sense is a team or a sports league ('team', 'club',
  'league'): an article that uses one speaks of teams, and 'Real Madrid', 'Manchester City' there are clubs (kg.nlp).
- kg/data/event_name_nouns.jsonl: one-word nouns one of whose two most frequent senses is a contest, a show or an
  exhibition for public display ('championship', 'tournament', 'show', 'expo', 'fair'), neither of the two an
  organisation or a person, none of its senses an undertaking ('campaign': 'Treatment Action Campaign' is a body),
  and the first, when not that sense, no act, communication, artifact or group: a name
  ending in one ('Paris Air Show', 'Northern Arena Esports Championship') names an event, no actor or place (kg.nlp).
- kg/data/facility_nouns.jsonl: one-word nouns one of whose two most frequent senses is a facility, a built structure
  or a room ('terminal', 'gate', 'hall'), neither of the two an organisation or a person: 'Terminal 3', 'Gate 12',
  'Hall 4' (the noun and a number or a letter) name a part of a site, a place, no organisation (kg.nlp).

    apt-get install wordnet-base      # Debian's WordNet 3.0 database, in /usr/share/wordnet
    .venv/bin/python scripts/derive_wordnet.py [/usr/share/wordnet]

Run it with the project's environment: the name particles leave out spaCy's English stop words.
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
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
# (offset in data.noun, first lemma) of the expert.n.01 synsets whose hyponyms are people employed for their expertise:
# expert.n.01 as a whole holds 'juror', 'sniper', 'old-timer', 'wine lover', no posts, so only these subtrees count
# ('NAME, an analyst at BANK', 'a currency strategist at Nomura', 'NAME, a nutritionist at the hospital')
EXPERT_ROOTS = {
    "09790482": "analyst",     # analyst.n.01: someone who is skilled at analyzing data (systems analyst)
    "09791530": "analyst",     # analyst.n.02: an expert who studies financial data (financial, market, credit analyst)
    "10661563": "strategist",  # strategist.n.01: an expert in strategy (market strategist)
    "10631941": "specialist",  # specialist.n.01: an expert devoted to one occupation or branch of learning
}
# subtrees that name no post in the organisation written beside them: 'politician X of PARTY' is membership (a
# relation), not a position
EXCLUDED = {"politician": "10451263"}  # politician.n.01 ('a leader engaged in civil administration')
GENERIC = {"worker", "professional"}  # roots too general to name a post ('a worker at', 'a professional'); their hyponyms do
WORD = re.compile(r"[a-z][a-z\-]+( [a-z][a-z\-]+){0,2}")  # lower-case words: no proper names ('President_of_the_United_States')


def synset_rows(folder: Path, pos: str = "noun") -> Iterator[tuple[list[str], list[str]]]:
    """The fields and the lemmas of every synset of `pos` ('noun', 'verb', 'adj', 'adv') in WordNet's data file."""
    for line in (folder / f"data.{pos}").read_text(encoding="latin-1").splitlines():
        if not line.startswith("  "):  # the licence header
            fields = line.split(" ")
            yield fields, [fields[4 + 2 * i] for i in range(int(fields[3], 16))]


def _synsets(folder: Path, instances: bool = False) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Offset -> lemmas, and offset -> hypernym offsets, of every noun synset (with `instances`, what a named thing
    is an instance of too: 'Athena' is an instance of Greek deity)."""
    lemmas: dict[str, list[str]] = {}
    hypernyms: dict[str, list[str]] = defaultdict(list)
    for fields, words in synset_rows(folder):
        lemmas[fields[0]] = words
        at = 4 + 2 * len(words)
        pointers = fields[at + 1:at + 1 + 4 * int(fields[at])]
        for i in range(0, len(pointers), 4):
            if (pointers[i] == "@" or (instances and pointers[i] == "@i")) and pointers[i + 2] == "n":  # a kind of
                hypernyms[fields[0]].append(pointers[i + 1])
    return lemmas, hypernyms


def _senses(folder: Path, pos: str = "noun") -> dict[str, list[str]]:
    """Lemma -> the offsets of its senses of `pos` ('noun', 'verb'), most frequent first (index.noun lists them so)."""
    out = {}
    for line in (folder / f"index.{pos}").read_text(encoding="latin-1").splitlines():
        if not line.startswith("  "):  # the licence header
            fields = line.split(" ")
            count, pointers = int(fields[2]), int(fields[3])
            out[fields[0]] = fields[6 + pointers:6 + pointers + count]
    return out


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


SPORT = ("sport", "00523513")  # sport.n.01: the topic domain ';c' of the sports senses ('coach': '(sports) someone in charge of
# training an athlete or a team', 'referee')


def _in_domain(folder: Path, domain: str) -> set[str]:
    """Offsets of the noun synsets whose topic domain (pointer ';c') is the synset `domain`."""
    out = set()
    for fields, words in synset_rows(folder):
        at = 4 + 2 * len(words)
        pointers = fields[at + 1:at + 1 + 4 * int(fields[at])]
        if any(pointers[i] == ";c" and pointers[i + 1] == domain for i in range(0, len(pointers), 4)):
            out.add(fields[0])
    return out


def occupations(folder: Path) -> list[dict]:
    """Occupations, each its most frequent sense's root; a sense in the sport domain says so ('domain': 'sport')."""
    lemmas, hypernyms = _synsets(folder)
    if SPORT[0] not in lemmas.get(SPORT[1], []):
        sys.exit(f"{folder}/data.noun: synset {SPORT[1]} is not {SPORT[0]}: not WordNet 3.0?")
    sport = _in_domain(folder, SPORT[1])
    roots = {**{offset: name for name, offset in ROOTS.items()}, **EXPERT_ROOTS}
    excluded = {offset: name for name, offset in EXCLUDED.items()}
    for offset, name in [*((o, n) for n, o in {**ROOTS, **EXCLUDED}.items()), *EXPERT_ROOTS.items()]:
        if name not in lemmas.get(offset, []):
            sys.exit(f"{folder}/data.noun: synset {offset} is not {name}: not WordNet 3.0?")
    rows: dict[str, dict] = {}
    for lemma, senses in sorted(_senses(folder).items()):
        offset = senses[0]
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
        rows[key] = {"id": key, "role": form[:1].upper() + form[1:], "forms": [form], "kind": "occupation", "under": root,
                     **({"domain": SPORT[0]} if offset in sport else {}),
                     "source": f"WordNet 3.0 data.noun {offset} ({lemmas[offset][0]}), under {root}"}
    return list(rows.values())


# (first lemma, offset) of the synsets whose hyponyms and instances are names of no actor
NONACTOR_ROOTS = {
    "spiritual_being": "09504135",  # spiritual_being.n.01: deities, angels, devils (God, Allah, Athena, Satan)
    "religion": "05946687",         # religion.n.01: a strong belief in a supernatural power (Islam, Buddhism)
    "holiday": "15183428",          # holiday.n.01 (Christmas, Ramadan's fast is under fast.n.01: left to the dates)
}
# the body of a faith's followers ('Islam' as a civilization, 'Christendom', 'Wicca' as a community): with a sense
# under religion.n.01 beside it, the name is the faith's
FOLLOWERS = {"social_group": "07950920"}    # social_group.n.01


def _given_names() -> set[str]:
    """Lower-cased given names: of the nickname table and the first words of the Phoenix office holders' names
    (kg/data, derived before this): 'Andrew' or 'Gabriel' are saints in WordNet and people in the news."""
    data = ROOT / "kg" / "data"
    names = set()
    for line in (data / "nicknames.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        names |= {row["name"].lower(), row["nickname"].lower()}
    for line in (data / "actors.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["type"] == "Person":
            names |= {n.split()[0].lower() for n in row["names"]}
    return names


def nonactor_names(folder: Path) -> list[dict]:
    """Capitalised lemmas all of whose noun senses descend from NONACTOR_ROOTS (instances included), given names
    left out; a religion's name whose other senses are bodies of its followers (FOLLOWERS) counts as the religion."""
    given = _given_names()
    lemmas, hypernyms = _synsets(folder, instances=True)
    roots = {offset: name for name, offset in NONACTOR_ROOTS.items()}
    followers = {offset: name for name, offset in FOLLOWERS.items()}
    for name, offset in {**NONACTOR_ROOTS, **FOLLOWERS}.items():
        if name not in lemmas.get(offset, []):
            sys.exit(f"{folder}/data.noun: synset {offset} is not {name}: not WordNet 3.0?")
    rows = {}
    for lemma, offsets in sorted(_senses(folder).items()):
        spelled = next((w for w in lemmas[offsets[0]] if w.lower() == lemma and w[:1].isupper()), None)
        if spelled is None or "_" in spelled or len(spelled) < 3:
            continue  # a common noun, or a many-word name the model keeps whole anyway
        found = [_root(o, hypernyms, roots) for o in offsets]
        if "religion" in found:  # 'Islam' the faith and its civilization: the faith's name
            found = [r or ("religion" if _root(o, hypernyms, followers) else None) for o, r in zip(offsets, found, strict=True)]
        elif lemma in given:
            continue  # 'Gabriel' alone is a person of the news more often than the archangel ('Islam' alone is the faith)
        if None in found:
            continue  # 'Mercury' is a planet too, 'Muhammad' a person
        at = next(o for o, r in zip(offsets, found, strict=True) if r in {found[0], "religion"} and _root(o, hypernyms, roots))
        kind = _root(at, hypernyms, roots)
        rows[spelled] = {"id": f"nonactor-{lemma}", "name": spelled, "kind": kind,
                         "source": f"WordNet 3.0 data.noun {at} ({lemmas[at][0]}), under {kind}"}
    return list(rows.values())


def _derived_nouns(folder: Path) -> dict[str, list[str]]:
    """Verb synset offset -> the noun synsets WordNet derives from it ('+' pointers: chair -> chairman)."""
    out: dict[str, list[str]] = defaultdict(list)
    for line in (folder / "data.verb").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split(" ")
        count = int(fields[3], 16)
        at = 4 + 2 * count
        pointers = fields[at + 1:at + 1 + 4 * int(fields[at])]
        for i in range(0, len(pointers), 4):
            if pointers[i] == "+" and pointers[i + 2] == "n":
                out[fields[0]].append(pointers[i + 1])
    return out


def office_verbs(folder: Path) -> list[dict]:
    """Verbs from whose first senses WordNet derives a leader (a noun synset under leader.n.01) named with the verb's
    own stem ('chair' -> chairman, 'head' -> head, 'direct' -> director): 'NAME, who chairs ORG' states that
    position; 'attends' or 'works for' do not (attendant, worker: no post of authority)."""
    lemmas, hypernyms = _synsets(folder)
    roots = {offset: name for name, offset in ROOTS.items()}
    excluded = {offset: name for name, offset in EXCLUDED.items()}
    derived = _derived_nouns(folder)
    rows = []
    for verb, offsets in sorted(_senses(folder, "verb").items()):
        if "_" in verb or len(verb) < 3:
            continue
        found = [(w, offset, noun) for offset in offsets[:VERB_SENSES] for noun in derived.get(offset, ())
                 if _root(noun, hypernyms, roots) == "leader" and not _root(noun, hypernyms, excluded)
                 for w in lemmas[noun] if w.islower() and "_" not in w and w.startswith(verb[:min(4, len(verb))])]
        if not found:
            continue
        word, offset, noun = found[0]
        rows.append({"id": f"office-verb-{verb}", "verb": verb, "role": word[:1].upper() + word[1:],
                     "source": f"WordNet 3.0 data.verb {offset} ({verb}) + data.noun {noun} ({word})"})
    return rows


PLACE_ROOTS = {
    "geographical_area": "08574314",  # geographical_area.n.01: village (a settlement), town, city, site
    "district": "08552138",           # district.n.01: province, territory, county seat, enclave
    "port": "08633957",               # port.n.01: a place where ships may ride secure ('the port of Primorsk', 'harbour')
}
# synsets whose own nouns name a place, though their hyponyms do not all ('presence', 'scene' are regions too)
PLACE_SYNSETS = {"region": "08630985"}  # region.n.03 (its third sense): 'the Tigray region', 'the region of X'


def place_nouns(folder: Path) -> list[dict]:
    """Common nouns one of whose two most frequent senses is a geographical area, a district or a port, and the nouns
    of PLACE_SYNSETS ('region', in its third sense): 'the village of X', 'the province of X', 'the port of X' name a place X
    (kg.nlp reads the name after them as one)."""
    lemmas, hypernyms = _synsets(folder)
    roots = {offset: name for name, offset in PLACE_ROOTS.items()}
    own = {offset: name for name, offset in PLACE_SYNSETS.items()}
    for name, offset in {**PLACE_ROOTS, **PLACE_SYNSETS}.items():
        if name not in lemmas.get(offset, []):
            sys.exit(f"{folder}/data.noun: synset {offset} is not {name}: not WordNet 3.0?")
    rows = []
    for lemma, offsets in sorted(_senses(folder).items()):
        if "_" in lemma or not lemma.isalpha() or lemma not in {w.lower() for w in lemmas[offsets[0]]}:
            continue
        found = next(((o, r) for o in offsets[:2] if (r := _root(o, hypernyms, roots))), None)
        found = found or next(((o, own[o]) for o in offsets if o in own), None)
        if found is None or not any(w == lemma for o in {*offsets[:2], found[0]} for w in lemmas[o]):
            continue
        rows.append({"id": f"place-noun-{lemma}", "noun": lemma, "under": found[1],
                     "source": f"WordNet 3.0 data.noun {found[0]} ({lemma}), under {found[1]}"})
    return rows


ASSISTANT = "09815790"  # assistant.n.01: a person who contributes to the fulfillment of a need or furtherance of an effort
# a compound's gloss that puts it one rank below the noun it ends with: 'vice chairman: one ranking below ... a chairman'
BELOW = r"\b(?:below|in the place of|deputy to|assistant to)(?: immediately)?(?: an?| the)?(?: full)? {}\b"
OUT_OF_POWER = r"\bout of power\b"  # 'shadow cabinet': senior members of the party that is out of power
MIN_BELOW = 2  # a prefix ranks several posts ('vice admiral', 'vice chairman'); one compound is a rank's own name


def _glosses(folder: Path) -> dict[str, str]:
    """Noun synset offset -> its gloss."""
    out = {}
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        if not line.startswith("  ") and " | " in line:
            out[line.split(" ", 1)[0]] = line.split(" | ", 1)[1].strip()
    return out


def title_prefixes(folder: Path) -> list[dict]:
    """Words that make a post one rank below the title after them: the lemmas of assistant.n.01 and of its kinds whose
    gloss says they act for a superior ('deputy'), each synset's first word, and the first word of two or more compounds of people
    whose gloss ranks them below the noun they end with ('vice admiral', 'vice chairman', 'vice president')."""
    lemmas, hypernyms = _synsets(folder)
    glosses = _glosses(folder)
    senses = _senses(folder)
    roots = {offset: name for name, offset in ROOTS.items()}
    if "assistant" not in lemmas.get(ASSISTANT, []):
        sys.exit(f"{folder}/data.noun: synset {ASSISTANT} is not assistant: not WordNet 3.0?")
    rows: dict[str, dict] = {}
    for offset in [ASSISTANT] + sorted(o for o, up in hypernyms.items() if ASSISTANT in up and "superior" in glosses.get(o, "")):
        word = lemmas[offset][0]  # the synset's own word: 'helper' or 'hatchet man' are no prefix of a post
        if word.isalpha() and word.islower():
            rows.setdefault(word, {"id": f"title-prefix-{word}", "prefix": word, "rank": "below",
                                   "source": f"WordNet 3.0 data.noun {offset} ({word}), under assistant"})

    def person(lemma: str) -> bool:
        return lemma in senses and _root(senses[lemma][0], hypernyms, roots) is not None

    below: dict[str, list[str]] = defaultdict(list)
    for lemma, offsets in sorted(senses.items()):
        parts = lemma.split("_")
        if len(parts) == 2 and parts[0].isalpha() and person(lemma) and person(parts[1]) \
                and re.search(BELOW.format(parts[1]), glosses.get(offsets[0], "")):
            below[parts[0]].append(f"{offsets[0]} ({lemma})")
    for word, compounds in sorted(below.items()):
        if len(compounds) >= MIN_BELOW:
            rows.setdefault(word, {"id": f"title-prefix-{word}", "prefix": word, "rank": "below",
                                   "source": f"WordNet 3.0 data.noun {', '.join(compounds)}: ranked below their last word"})
    # 'shadow': a cabinet of the party out of power ('shadow cabinet'): its word before a title names the opposition's
    # post ('shadow chancellor'), never the state's office of that title
    for lemma, offsets in sorted(senses.items()):
        parts = lemma.split("_")
        if len(parts) == 2 and parts[1] == "cabinet" and parts[0].isalpha() \
                and re.search(OUT_OF_POWER, glosses.get(offsets[0], "")):
            rows.setdefault(parts[0], {"id": f"title-prefix-{parts[0]}", "prefix": parts[0], "rank": "opposition",
                                       "source": f"WordNet 3.0 data.noun {offsets[0]} ({lemma}): the cabinet of the party out of power"})
    return list(rows.values())


FEATURE_ROOTS = {
    "road": "04096066",                  # road.n.01: street, avenue, boulevard, highway
    "body_of_water": "09225146",         # body_of_water.n.01: gulf, bay, strait, sea, river, lake
    "geological_formation": "09287968",  # geological_formation.n.01: hill, mountain, valley, coast
    "land": "09334396",                  # land.n.04 (dry land): plain, island, peninsula, continent
    "building": "02913152",              # building.n.01: hotel, mosque, cathedral, theatre
    "tower": "04460130",                 # tower.n.01: tower, skyscraper, minaret
}
# a building's noun is often an institution's too ('church', 'house', 'court', 'hospital', 'school'): it counts only
# when none of its senses is a group or a person
EVERY_SENSE = {"building", "tower"}
NOT_FEATURE = {"group": "00031264", "person": "00007846"}  # senses that make a noun a name of an actor too


def _roots(folder: Path, lemmas: dict[str, list[str]], *tables: dict[str, str]) -> list[dict[str, str]]:
    """Each table (name -> synset offset) turned round (offset -> name), after checking each offset holds its name:
    the offsets are WordNet 3.0's, and another version exits here."""
    for table in tables:
        for name, offset in table.items():
            if name not in lemmas.get(offset, []):
                sys.exit(f"{folder}/data.noun: synset {offset} is not {name}: not WordNet 3.0?")
    return [{offset: name for name, offset in table.items()} for table in tables]


def _one_words(folder: Path, lemmas: dict[str, list[str]]):
    """(lemma, its noun synsets by frequency) of the one-word, letters-only nouns that their first synset lists."""
    for lemma, offsets in sorted(_senses(folder).items()):
        if "_" not in lemma and lemma.isalpha() and lemma in lemmas[offsets[0]]:
            yield lemma, offsets


def feature_nouns(folder: Path) -> list[dict]:
    """Nouns one of whose two most frequent senses is a road, a body of water, a landform, dry land, a building or a
    tower, and neither of them (for a building, none of its senses) a group or a person ('bank' is a financial
    institution too, 'church' a body of Christians): a name ending in one ('Castlefrank Road', 'Persian
    Gulf') or 'the Plains of X' names a place (kg.nlp)."""
    lemmas, hypernyms = _synsets(folder)
    roots, others = _roots(folder, lemmas, FEATURE_ROOTS, NOT_FEATURE)
    rows = []
    for lemma, offsets in _one_words(folder, lemmas):
        found = next(((o, r) for o in offsets[:2] if (r := _root(o, hypernyms, roots))), None)
        if found is None or any(_root(o, hypernyms, others) for o in offsets[:None if found[1] in EVERY_SENSE else 2]):
            continue
        rows.append({"id": f"feature-noun-{lemma}", "noun": lemma, "kind": found[1],
                     "source": f"WordNet 3.0 data.noun {found[0]} ({lemma}), under {found[1]}"})
    return rows


CRAFT_ROOT = {
    "craft": "03125870",  # craft.n.02: a vehicle for navigation on water, in the air or in space
    "satellite": "04137444",  # satellite.n.03 (artificial satellite, orbiter): a craft put in orbit ("the orbiter Columbia")
}


def craft_nouns(folder: Path) -> list[dict]:
    """Nouns one of whose two most frequent senses is a craft (a ship, a plane, a spacecraft), the first of them no
    person or group ('destroyer' is a ship first, 'carrier' a person): the name after one ('the tanker Stena Impero',
    'the destroyer HMS Daring') names a vessel, no actor (kg.nlp)."""
    lemmas, hypernyms = _synsets(folder)
    roots, others = _roots(folder, lemmas, CRAFT_ROOT, NOT_FEATURE)
    rows = _two_sense_nouns(folder, lemmas, hypernyms, CRAFT_ROOT, "craft")
    for lemma, offsets in sorted(_senses(folder).items()):  # two-word crafts: 'aircraft carrier' ('carrier' is a person first)
        words = lemma.split("_")
        if len(words) == 2 and all(w.isalpha() for w in words) and lemma in lemmas[offsets[0]] \
                and not _root(offsets[0], hypernyms, others) and _root(offsets[0], hypernyms, roots):
            rows.append({"id": f"craft-noun-{'-'.join(words)}", "noun": " ".join(words),
                         "source": f"WordNet 3.0 data.noun {offsets[0]} ({lemma}), under craft"})
    return rows


VEHICLE_ROOT = {"conveyance": "03100490"}  # conveyance.n.03: a vehicle ('car', 'plane', 'rocket') or public transport ('bus', 'train')


def vehicle_nouns(folder: Path) -> list[dict]:
    """One-word nouns one of whose two most frequent senses is a conveyance (a car, a bus, a train, a plane, a ship, a
    rocket), the first of them no person or group: what crashes, collides or derails in an accident ('a bus crashed',
    'the plane crashed'); 'shares crashed', 'the website crashed' name none (kg.extract.events)."""
    lemmas, hypernyms = _synsets(folder)
    return _two_sense_nouns(folder, lemmas, hypernyms, VEHICLE_ROOT, "vehicle")


def _two_sense_nouns(folder: Path, lemmas: dict[str, list[str]], hypernyms: dict[str, list[str]], root: dict[str, str],
                     prefix: str) -> list[dict]:
    """One-word nouns one of whose two most frequent senses descends from `root` (one name: offset), the first of them
    no person or group (NOT_FEATURE): rows '<prefix>-noun-<lemma>' with the sense as their source."""
    roots, others = _roots(folder, lemmas, root, NOT_FEATURE)
    rows = []
    for lemma, offsets in _one_words(folder, lemmas):
        if _root(offsets[0], hypernyms, others):
            continue
        found = next((o for o in offsets[:2] if _root(o, hypernyms, roots)), None)
        if found is not None:
            rows.append({"id": f"{prefix}-noun-{lemma}", "noun": lemma,
                         "source": f"WordNet 3.0 data.noun {found} ({lemmas[found][0]}), under {next(iter(root))}"})
    return rows


CREATION_ROOTS = {
    "musical_composition": "07037465",  # musical_composition.n.01: song, anthem, hymn, opera's arias
    "movie": "06613686",                # movie.n.01: film, documentary
    "show": "06619065",                 # show.n.03 (a social event with a performance): play, broadcast, programme
    "publication": "06589574",          # publication.n.01: book, magazine
    "writing": "06362953",              # writing.n.02 (piece of writing): novel, poem, essay
    "work": "04599396",                 # work.n.02 (piece of work): a work of art, a publication
}


def creation_nouns(folder: Path) -> list[dict]:
    """Nouns one of whose two most frequent senses is a created work ('song', 'film', 'novel', 'anthem'), neither a
    group nor a person (see the module docstring)."""
    lemmas, hypernyms = _synsets(folder)
    roots, others = _roots(folder, lemmas, CREATION_ROOTS, NOT_FEATURE)
    rows = []
    for lemma, offsets in _one_words(folder, lemmas):
        found = next(((o, r) for o in offsets[:2] if (r := _root(o, hypernyms, roots))), None)
        if found is None or any(_root(o, hypernyms, others) for o in offsets[:2]):
            continue
        rows.append({"id": f"creation-noun-{lemma}", "noun": lemma, "kind": found[1],
                     "source": f"WordNet 3.0 data.noun {found[0]} ({lemmas[found[0]][0]}), under {found[1]}"})
    return rows


DEVICE_ROOT = {"device": "03183080"}  # device.n.01: an instrumentality invented for a purpose (computer, phone, player)


def device_nouns(folder: Path) -> list[dict]:
    """Nouns whose most frequent sense is a device ('computer', 'phone', 'laptop'; a 'truck' or a 'page' is none):
    'its Macintosh computers' names the owner's product line (kg.nlp)."""
    lemmas, hypernyms = _synsets(folder)
    (roots,) = _roots(folder, lemmas, DEVICE_ROOT)
    return [{"id": f"device-noun-{lemma}", "noun": lemma, "source": f"WordNet 3.0 data.noun {offsets[0]} ({lemma}), under device"}
            for lemma, offsets in _one_words(folder, lemmas) if _root(offsets[0], hypernyms, roots)]


PRODUCT_ROOTS = {
    "software": "06566077",              # software.n.01: written programs ('operating system', 'web browser', 'search engine')
    "electronic_equipment": "03278248",  # electronic_equipment.n.01: 'phone', 'handset', 'mobile phone', 'receiver'
    "computer": "03082979",              # computer.n.01: 'laptop', 'personal computer', 'workstation'
}
NOT_PRODUCT = {"web_site": "06359193"}  # web_site.n.01 (under computer): 'the website Politico' is run by a body, its publisher


def product_nouns(folder: Path) -> list[dict]:
    """Nouns of one or two words whose most frequent sense is software, electronic equipment or a computer, each row
    with its root as `kind` ('browser' alone is a person first; 'web browser' is software), no website (a body runs
    it: 'the website Politico' is an organisation): a name in apposition to one names the product (kg.nlp). One-word
    nouns with such a later sense come too, marked `first: false` ("Microsoft's Edge browser")."""
    lemmas, hypernyms = _synsets(folder)
    roots, others = _roots(folder, lemmas, PRODUCT_ROOTS, NOT_PRODUCT)
    rows = []
    for lemma, offsets in sorted(_senses(folder).items()):
        words = lemma.split("_")
        if len(words) <= 2 and all(w.isalpha() for w in words) and lemma in lemmas[offsets[0]] \
                and not _root(offsets[0], hypernyms, others) and (root := _root(offsets[0], hypernyms, roots)):
            rows.append({"id": f"product-noun-{'-'.join(words)}", "noun": " ".join(words), "kind": root,
                         "source": f"WordNet 3.0 data.noun {offsets[0]} ({lemma}), under {root}"})
    # one-word nouns with such a sense after a first sense of another kind ('browser' is a person first, web browser
    # second; 'console' a table first): `first` false; kg.nlp reads them only after a maker's or an owner's name
    for lemma, offsets in _one_words(folder, lemmas):
        later = next(((o, r) for o in offsets[1:] if not _root(o, hypernyms, others) and (r := _root(o, hypernyms, roots))), None)
        if later is not None and not _root(offsets[0], hypernyms, roots):
            rows.append({"id": f"product-noun-{lemma}", "noun": lemma, "kind": later[1], "first": False,
                         "source": f"WordNet 3.0 data.noun {later[0]} ({lemmas[later[0]][0]}), under {later[1]}"})
    return sorted(rows, key=lambda row: row["id"])


# weapon.n.01: an instrument of attack or defense in combat (missile, rocket, gun); weaponry.n.01 (munition): weapons
# considered collectively, over ammunition and armament (shell, grenade, artillery: what a weapon fires is one too)
WEAPON_ROOT = {"weapon": "04565375", "weaponry": "04566257"}


def weapon_nouns(folder: Path) -> list[dict]:
    """Nouns whose most frequent sense is a weapon or its ammunition ('missile', 'torpedo', 'shell'): what is 'launched'
    or 'fired' is then a weapon, not a product released nor anyone dismissed (kg.extract.events)."""
    return _first_sense_nouns(folder, WEAPON_ROOT, "weapon-noun")


def _first_sense_nouns(folder: Path, roots_by_name: dict[str, str], prefix: str) -> list[dict]:
    """One-word nouns whose most frequent sense falls under one of the roots, each with the root's name in its source."""
    lemmas, hypernyms = _synsets(folder)
    (roots,) = _roots(folder, lemmas, roots_by_name)
    return [{"id": f"{prefix}-{lemma}", "noun": lemma, "source": f"WordNet 3.0 data.noun {offsets[0]} ({lemma}), under {root}"}
            for lemma, offsets in _one_words(folder, lemmas) if (root := _root(offsets[0], hypernyms, roots))]


STRUCTURE_ROOT = {"structure": "04341686"}  # structure.n.01 (construction): a building, a bridge, a dam, a tower


def structure_nouns(folder: Path) -> list[dict]:
    """Nouns whose most frequent sense is a built structure ('building', 'bridge', 'dam', 'hotel'): one that collapses
    is an accident (kg.extract.events), where talks that collapse break down."""
    return _first_sense_nouns(folder, STRUCTURE_ROOT, "structure-noun")


SYSTEM_ROOTS = {
    "system": "04377057",    # system.n.01: an instrumentality of interacting artifacts (not the group sense, system.n.02)
    "software": "06566077",  # software.n.01: written programs and procedures
    "database": "06637824",  # database.n.01: an organised body of related information (list, roster, catalogue)
}


def _nouns_under(folder: Path, roots_by_kind: dict[str, str], prefix: str, any_sense: bool = False) -> list[dict]:
    """One-word nouns whose most frequent sense falls under one of the roots, each row with its root as `kind`; with
    `any_sense`, nouns one of whose senses does (the most frequent such), each row saying whether it is the `first`."""
    lemmas, hypernyms = _synsets(folder)
    (roots,) = _roots(folder, lemmas, roots_by_kind)
    rows = []
    for lemma, offsets in _one_words(folder, lemmas):
        found = next(((o, r) for o in (offsets if any_sense else offsets[:1]) if (r := _root(o, hypernyms, roots))), None)
        if found is None:
            continue
        offset, root = found
        row = {"id": f"{prefix}-noun-{lemma}", "noun": lemma, "kind": root}
        if any_sense:
            row["first"] = offset == offsets[0]
        rows.append({**row, "source": f"WordNet 3.0 data.noun {offset} ({lemmas[offset][0]}), under {root}"})
    return rows


def system_nouns(folder: Path) -> list[dict]:
    """Nouns whose most frequent sense is a system of parts, software or a database ('system', 'software',
    'database'; a 'network' or a 'service' is a group first): 'the Aircraft Communications Addressing and Reporting
    System' names equipment, no actor (kg.nlp)."""
    return _nouns_under(folder, SYSTEM_ROOTS, "system")


VERB_SENSES = 3  # a verb's most frequent senses: 'run' the company is its third sense; later ones are rare
COMMUNICATION = 32  # lexicographer file verb.communication (lexnames): verbs of telling, asking, ordering, singing
SPEECH_SENSES = 2  # 'add' says something in its second sense ('He added that ...'); later senses are rare in the news


def speech_verbs(folder: Path) -> list[dict]:
    """Verbs one of whose two most frequent senses is a verb of communication ('say', 'warn', 'insist', 'deny',
    'reply', 'point out'): 'NAME warned that CLAUSE' reports what NAME said. The list is wide (it has 'sing' and
    'ensure' too): kg.extract.events reads such a verb as speech only with a finite clause it reports."""
    kinds = _verb_files(folder)
    rows = []
    for verb, offsets in sorted(_senses(folder, "verb").items()):
        words = verb.split("_")
        if not all(w.isalpha() for w in words) or len(words) > 2 or len(words[0]) < 3:
            continue  # a phrasal verb has one particle ('point_out'); idioms ('shoot_a_line') are left out
        offset = next((o for o in offsets[:SPEECH_SENSES] if kinds[o] == COMMUNICATION), None)
        if offset is not None:
            form = " ".join(words)
            rows.append({"id": f"speech-verb-{form.replace(' ', '-')}", "verb": form,
                         "source": f"WordNet 3.0 data.verb {offset} ({verb}), verb.communication"})
    return rows


MOTION, COMPETITION = 38, 33  # lexicographer files verb.motion and verb.competition (lexnames)


def motion_verbs(folder: Path) -> list[dict]:
    """One-word verbs whose most frequent sense is a verb of motion or of fighting ('enter', 'reach', 'attack'; 'warn'
    and 'back' are none): their direct object is a place gone to or fought over (see the module docstring)."""
    kinds = _verb_files(folder)
    names = {MOTION: "verb.motion", COMPETITION: "verb.competition"}
    return [{"id": f"motion-verb-{verb}", "verb": verb,
             "source": f"WordNet 3.0 data.verb {offsets[0]} ({verb}), {names[kinds[offsets[0]]]}"}
            for verb, offsets in sorted(_senses(folder, "verb").items()) if verb.isalpha() and kinds[offsets[0]] in names]


def _verb_files(folder: Path) -> dict[str, int]:
    """Verb synset offset -> its lexicographer file number."""
    kinds: dict[str, int] = {}
    for line in (folder / "data.verb").read_text(encoding="latin-1").splitlines():
        if not line.startswith("  "):  # the licence header
            fields = line.split(" ", 2)
            kinds[fields[0]] = int(fields[1])
    return kinds


ADDRESS_ROOT = {"title": "06339416"}  # title.n.06 (title_of_respect, form_of_address): Mister, Mrs, Ms, Herr, Senor


def honorifics(folder: Path) -> list[dict]:
    """Forms of address written before a surname, abbreviated: the lemmas of a form of address that WordNet spells
    with a full stop too ('Mr' and 'Mr.'; 'Herr', 'Don' are no abbreviations and open given names too)."""
    lemmas, hypernyms = _synsets(folder)
    (roots,) = _roots(folder, lemmas, ADDRESS_ROOT)
    rows = []
    for offset, words in sorted(lemmas.items()):
        if offset in roots or not _root(offset, hypernyms, roots) or not any(w.endswith(".") for w in words):
            continue
        for word in words:
            if word.rstrip(".") + "." in words and " " not in word and "_" not in word:
                rows.append({"id": f"honorific-{word.lower()}", "form": word,
                             "source": f"WordNet 3.0 data.noun {offset} ({words[0]}), under form_of_address"})
    return rows + _person_abbreviations(folder, {row["form"] for row in rows})


def _person_abbreviations(folder: Path, known: set[str]) -> list[dict]:
    """Capitalised abbreviations with a full stop among the lemmas of people's synsets ('Dr.' of doctor), in both
    spellings: written before a surname as a form of address ('Dr Fauci')."""
    found: dict[str, str] = {}
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        fields = line.split(" ")
        if line.startswith("  ") or fields[1] != PERSON_FILE:
            continue
        words = [fields[4 + 2 * i] for i in range(int(fields[3], 16))]
        for word in words:
            if re.fullmatch(r"[A-Z][a-z]+\.", word) and word not in known:
                found.setdefault(word, f"{fields[0]} ({words[0]})")
    return [{"id": f"honorific-{form.lower()}", "form": form, "source": f"WordNet 3.0 data.noun {source}, a person's abbreviation"}
            for word, source in sorted(found.items()) for form in (word.rstrip("."), word)]


BODY_ROOTS = {
    "organization": "08008335",  # organization.n.01: a group of people who work together (airline, bank, union, party)
    "social_group": "07950920",  # social_group.n.01: people sharing some social relation (front, movement, congress)
}


def body_nouns(folder: Path) -> list[dict]:
    """One-word nouns one of whose senses is an organisation or a social group (see the module docstring)."""
    return _nouns_under(folder, BODY_ROOTS, "body", any_sense=True)


TRADE_BODY_ROOTS = {
    "enterprise": "08056231",             # enterprise.n.02: an organization created for business ventures (firm, carrier, chain)
    "financial_institution": "08054721",  # financial_institution.n.01: bank, lender's institutions, insurer
}


def trade_body_nouns(folder: Path) -> list[dict]:
    """One-word nouns one of whose senses is a business or a financial institution ('bank', 'carrier', 'maker',
    'chain'): 'the Dutch bank X', 'the German carrier X' name a business, whatever their other senses (kg.nlp)."""
    return [{k: v for k, v in row.items() if k != "first"} for row in _nouns_under(folder, TRADE_BODY_ROOTS, "trade-body", any_sense=True)]


PERSON_ROOT = {"person": "00007846"}  # person.n.01: a human being


def person_nouns(folder: Path) -> list[dict]:
    """One-word nouns whose most frequent sense is a kind of person ('sheriff', 'emeritus', 'fellow', 'detective'; see
    the module docstring)."""
    lemmas, hypernyms = _synsets(folder)
    (roots,) = _roots(folder, lemmas, PERSON_ROOT)
    return [{"id": f"person-noun-{lemma}", "noun": lemma,
             "source": f"WordNet 3.0 data.noun {offsets[0]} ({lemmas[offsets[0]][0]}), under person"}
            for lemma, offsets in _one_words(folder, lemmas) if offsets[0] not in roots and _root(offsets[0], hypernyms, roots)]


WORK_ROOTS = {
    "investigation": "00633864",  # investigation.n.02: study, survey, census, research
    "undertaking": "00795720",    # undertaking.n.01 (project, task): venture, enterprise
    "plan": "05898568",           # plan.n.01 (program, programme): scheme, agenda, policy
}


def work_nouns(folder: Path) -> list[dict]:
    """One-word nouns whose most frequent sense is an investigation, an undertaking or a plan ('study', 'survey',
    'project', 'programme'; see the module docstring)."""
    return _nouns_under(folder, WORK_ROOTS, "work")


DOCUMENT_ROOTS = {
    "written_agreement": "06771653",  # written_agreement.n.01: treaty, pact, contract
    "legal_document": "06479665",     # legal_document.n.01: act, constitution, charter, statute
    "agreement": "06770275",          # agreement.n.01 (understanding): agreement, bargain
}


def document_nouns(folder: Path) -> list[dict]:
    """One-word nouns whose most frequent sense is a written agreement, a legal document or an agreement, and no group
    or person ('treaty', 'act', 'charter'; see the module docstring)."""
    lemmas, hypernyms = _synsets(folder)
    roots, others = _roots(folder, lemmas, DOCUMENT_ROOTS, NOT_FEATURE)
    return [{"id": f"document-noun-{lemma}", "noun": lemma, "kind": root,
             "source": f"WordNet 3.0 data.noun {offsets[0]} ({lemmas[offsets[0]][0]}), under {root}"}
            for lemma, offsets in _one_words(folder, lemmas)
            if (root := _root(offsets[0], hypernyms, roots)) and not _root(offsets[0], hypernyms, others)]


TEAM_ROOTS = {
    "team": "08208560",    # team.n.01 (squad): a cooperative unit, especially in sports: team, club (baseball club)
    "league": "08231184",  # league.n.01: an association of sports teams that organizes matches
}


def team_nouns(folder: Path) -> list[dict]:
    """One-word nouns whose most frequent sense is a team or a sports league ('team', 'club', 'league'; see the module
    docstring)."""
    return _nouns_under(folder, TEAM_ROOTS, "team")


POST_SYNSETS = {
    "position": "00586262",    # position.n.06 (post, berth, office, spot, billet, place, situation): a job in an organization
    "occupation": "00582388",  # occupation.n.01 (business, job, line of work, line): the activity done to earn money
    "function": "00720565",    # function.n.03 (office, part, role): the activities expected of a person or group
    "capacity": "00720951",    # capacity.n.04: a specified function ('in his present capacity')
}


def _synset_nouns(folder: Path, synsets: dict[str, str], prefix: str) -> list[dict]:
    """The one-word lower-case nouns of the named synsets (not their hyponyms), each with the name of its synset."""
    lemmas, _ = _synsets(folder)
    (roots,) = _roots(folder, lemmas, synsets)
    rows = {}
    for offset, root in roots.items():
        for lemma in lemmas[offset]:
            if lemma.isalpha() and lemma.islower() and lemma not in rows:
                rows[lemma] = {"id": f"{prefix}-{lemma}", "noun": lemma, "kind": root,
                               "source": f"WordNet 3.0 data.noun {offset} ({lemmas[offset][0]}), {root}"}
    return [rows[k] for k in sorted(rows)]


TRADE_ROOTS = {
    "company": "08058098",   # company.n.01: an institution created to conduct business (food company, shipping company)
    "industry": "08065234",  # industry.n.01: the people or companies engaged in a particular kind of commercial enterprise
    **TRADE_BODY_ROOTS,
}
TRADE_HEADS = frozenset({"company", "industry", "firm", "business", "concern", "enterprise"})


def trade_words(folder: Path) -> list[dict]:
    """The lower-case first words of two-word nouns of a kind of company or industry whose second word is a company's
    or an industry's noun ('food' of food_company, 'shipping' of shipping_company, 'steel' of steel_industry): the
    trade a company's name ends with ('Arla Foods', 'Halvard Shipping') (see the module docstring)."""
    lemmas, hypernyms = _synsets(folder)
    (roots,) = _roots(folder, lemmas, TRADE_ROOTS)
    rows = {}
    for offset in sorted(lemmas):
        root = None if offset in roots else _root(offset, hypernyms, roots)
        for lemma in lemmas[offset] if root else ():
            word, _, head = lemma.partition("_")
            if head in TRADE_HEADS and word.isalpha() and word.islower() and word not in rows:
                rows[word] = {"id": f"trade-word-{word}", "word": word, "kind": root,
                              "source": f"WordNet 3.0 data.noun {offset} ({lemma}), under {root}"}
    return [rows[k] for k in sorted(rows)]


def post_nouns(folder: Path) -> list[dict]:
    """The one-word nouns of the synsets of a post or a job (`POST_SYNSETS`; see the module docstring)."""
    return _synset_nouns(folder, POST_SYNSETS, "post-noun")


HEAD_SYNSETS = {
    "head": "10162991",     # head.n.04 (chief, top dog): a person who is in charge
    "boss": "10104209",     # foreman.n.01 (chief, gaffer, honcho, boss): a person who exercises control over workers
    "supremo": "10678937",  # supremo.n.01: the most important person in an organization
}


def head_nouns(folder: Path) -> list[dict]:
    """The one-word nouns of the synsets of a person in charge (`HEAD_SYNSETS`; see the module docstring)."""
    return _synset_nouns(folder, HEAD_SYNSETS, "head-noun")


OPINION_ROOTS = {
    "opinion": "05945642",  # opinion.n.01 (sentiment, persuasion, view, thought): a personal belief or judgment
    "view": "06208751",     # position.n.03 (view, perspective): a way of regarding situations or topics
}


def opinion_nouns(folder: Path) -> list[dict]:
    """One-word nouns whose most frequent sense is an opinion or a way of regarding things ('view', 'opinion'; see the
    module docstring)."""
    return _nouns_under(folder, OPINION_ROOTS, "opinion")


LIKELIHOOD_HEADS = {
    "likely": "01411451",      # likely.a.01: has a good chance of being the case or of coming about
    "unlikely": "01412415",    # unlikely.a.01: has little chance of being the case or coming about
    "probable": "01413247",    # probable.a.01: likely but not certain to be or become true or real
    "improbable": "01413871",  # improbable.a.01: not likely to be true or to occur
    "possible": "01821267",    # possible.a.01: capable of happening or existing
    "impossible": "01823093",  # impossible.a.01: not capable of occurring or being accomplished
}


def likelihood_adjectives(folder: Path) -> list[dict]:
    """The one-word adjectives of the head synsets of likelihood and possibility and of their similar-to satellites
    (`LIKELIHOOD_HEADS`; see the module docstring)."""
    rows: dict[str, dict] = {}
    members: dict[str, str] = {offset: kind for kind, offset in LIKELIHOOD_HEADS.items()}
    synsets = {fields[0]: (fields, words) for fields, words in synset_rows(folder, "adj")}
    for kind, offset in LIKELIHOOD_HEADS.items():
        fields, words = synsets[offset]
        at = 4 + 2 * len(words)
        pointers = fields[at + 1:at + 1 + 4 * int(fields[at])]
        for i in range(0, len(pointers), 4):
            if pointers[i] == "&":  # similar to: a satellite of the head
                members.setdefault(pointers[i + 1], kind)
    for offset, kind in members.items():
        for word in synsets[offset][1]:
            word = re.sub(r"\(.*\)$", "", word).lower()
            if word.isalpha() and word not in rows:
                rows[word] = {"id": f"likelihood-adj-{word}", "adjective": word, "kind": kind,
                              "source": f"WordNet 3.0 data.adj {offset} ({synsets[offset][1][0]}), similar to {kind}"}
    return sorted(rows.values(), key=lambda r: r["id"])


WRONGDOING_ROOTS = {
    "wrongdoing": "00732746",  # wrongdoing.n.02 (misconduct): activity that transgresses moral or civil law (crime, fraud)
    "cruelty": "00424599",     # cruelty.n.01 (inhuman treatment): a cruel act (atrocity)
    "killing": "00219012",     # killing.n.02 (kill, putting to death): the act of terminating a life (murder, genocide)
    "mistake": "00070965",     # mistake.n.01 (error, fault): a wrong action attributable to bad judgment
}


def wrongdoing_nouns(folder: Path) -> list[dict]:
    """One-word nouns whose most frequent sense is a wrongdoing, a cruel act, a killing or a mistake ('crime',
    'atrocity', 'murder', 'mistake'; see the module docstring)."""
    return _nouns_under(folder, WRONGDOING_ROOTS, "wrongdoing")


# lexicographer files (lexnames) of abstract nouns: qualities, ideas, messages, feelings, holdings, amounts, relations,
# conditions and times ('share', 'lead', 'proposal', 'cancer', 'dominance'); not acts, events, groups or things
ABSTRACT_FILES = {"07": "attribute", "09": "cognition", "10": "communication", "12": "feeling", "16": "motive",
                  "21": "possession", "23": "quantity", "24": "relation", "26": "state", "28": "time"}


def _first_sense_files(folder: Path, files: dict[str, str], name: str) -> list[dict]:
    """One-word lower-case nouns whose most frequent sense is in one of the lexicographer `files` (number -> name)."""
    first_file = {}
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        if not line.startswith("  "):
            fields = line.split(" ")
            first_file[fields[0]] = (fields[1], fields[4])
    rows = []
    for lemma, senses in sorted(_senses(folder).items()):
        number, first = first_file[senses[0]]
        if lemma.isalpha() and lemma.islower() and number in files:
            rows.append({"id": f"{name}-noun-{lemma}", "noun": lemma, "kind": files[number],
                         "source": f"WordNet 3.0 data.noun {senses[0]} ({first}), noun.{files[number]}"})
    return rows


def abstract_nouns(folder: Path) -> list[dict]:
    """One-word nouns whose most frequent sense is abstract (`ABSTRACT_FILES`; see the module docstring)."""
    return _first_sense_files(folder, ABSTRACT_FILES, "abstract")


HAPPENING_FILES = {"11": "event", "19": "phenomenon"}  # lexnames noun.event, noun.phenomenon


def happening_nouns(folder: Path) -> list[dict]:
    """One-word nouns whose most frequent sense is an event or a natural phenomenon (`HAPPENING_FILES`; see the module
    docstring)."""
    return _first_sense_files(folder, HAPPENING_FILES, "happening")


PERSON_FILE = "18"  # lexicographer file noun.person (lexnames)
MIN_PARTICLE_NAMES = 2
MAX_PARTICLE = 5  # letters: longer lower-case words in names are epithets ('doubting_Thomas'), not particles


def name_particles(folder: Path) -> list[dict]:
    """Lower-case words inside people's names before a capitalised part (see the module docstring)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    found: dict[str, list[str]] = defaultdict(list)
    between: set[str] = set()
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        fields = line.split(" ")
        if line.startswith("  ") or fields[1] != PERSON_FILE:
            continue
        for i in range(int(fields[3], 16)):
            words = re.split(r"[_-]", fields[4 + 2 * i])
            for j, word in enumerate(words[:-1]):
                if word.isalpha() and word.islower() and len(words[j + 1]) > 1 and words[j + 1][:1].isupper():
                    found[word].append(f"{fields[0]} ({fields[4 + 2 * i]})")
                    between |= {word} if j else set()  # inside a name: 'non-Jew', 'anti-Semite' open theirs
    return [{"id": f"name-particle-{word}", "particle": word,
             "source": f"WordNet 3.0 data.noun noun.person, {len(names)} names, e.g. {', '.join(sorted(set(names))[:3])}"}
            for word, names in sorted(found.items())
            if len(set(names)) >= MIN_PARTICLE_NAMES and word in between and word not in STOP_WORDS and len(word) <= MAX_PARTICLE]


def doer_nouns(folder: Path) -> list[dict]:
    """One-word person nouns WordNet derives from one of a verb's most frequent senses, with the verb ('protester'
    from 'protest', 'demonstrator' from 'demonstrate', 'rioter' from 'riot'): who is named so does what the verb says."""
    lemmas, _ = _synsets(folder)
    derived = _derived_nouns(folder)
    person = {fields[0] for fields, _ in synset_rows(folder) if fields[1] == PERSON_FILE}
    rows: dict[str, dict] = {}
    for verb, offsets in sorted(_senses(folder, "verb").items()):
        if not verb.isalpha():
            continue
        for offset in offsets[:VERB_SENSES]:
            for noun in (n for n in derived.get(offset, ()) if n in person):
                for word in (w for w in lemmas[noun] if w.isalpha() and w.islower() and w.startswith(verb[:3])):
                    source = f"WordNet 3.0 data.verb {offset} ({verb}) + data.noun {noun} ({word}), noun.person"
                    rows.setdefault(f"{word} {verb}", {"id": f"doer-noun-{word}-{verb}", "noun": word, "verb": verb, "source": source})
    return list(rows.values())


def _pointers(fields: list[str]) -> list[tuple[str, str, str, str]]:
    """(symbol, target offset, target part of speech, source/target word numbers) of one synset row's pointers."""
    at = 4 + 2 * int(fields[3], 16)
    flat = fields[at + 1:at + 1 + 4 * int(fields[at])]
    return [(flat[i], flat[i + 1], flat[i + 2], flat[i + 3]) for i in range(0, len(flat), 4)]


def office_words(folder: Path) -> list[dict]:
    """Adjectives whose pertainym ('\\') and post nouns (under position.n.06) whose derivation ('+') is a one-word
    title of kg/data/titles.jsonl, written from the adjective's or the noun's own word (see the module docstring)."""
    rows_path = ROOT / "kg" / "data" / "titles.jsonl"
    titles = {form: row["id"] for row in map(json.loads, rows_path.read_text(encoding="utf-8").splitlines())
              for form in row["forms"] if form.isalpha() and form.islower()}
    lemmas, hypernyms = _synsets(folder)
    posts = {"position": POST_SYNSETS["position"]}
    out = {}
    for pos, symbol in (("adj", "\\"), ("noun", "+")):
        for fields, words in synset_rows(folder, pos):
            if pos == "noun" and _root(fields[0], hypernyms, {v: k for k, v in posts.items()}) is None:
                continue
            for sym, target, target_pos, numbers in _pointers(fields):
                if sym != symbol or target_pos != "n" or target not in lemmas:
                    continue
                word = words[int(numbers[:2], 16) - 1] if numbers != "0000" else words[0]
                noun = lemmas[target][int(numbers[2:], 16) - 1] if numbers != "0000" else lemmas[target][0]
                if word.isalpha() and word.islower() and noun in titles and word not in out:
                    out[word] = {"id": f"office-word-{word}", "word": word, "pos": pos, "title": titles[noun],
                                 "source": f"WordNet 3.0 data.{pos} {fields[0]} ({word}) {sym} data.noun {target} ({noun})"}
    return [out[k] for k in sorted(out)]


EVENT_NAME_ROOTS = {
    "contest": "07456188",     # contest.n.01: a social event involving a competition (championship, tournament, race)
    "show": "00520257",        # show.n.01: a social event involving a public performance or entertainment (air show, fair)
    "exhibition": "08407619",  # exhibition.n.01: a collection of things for public display (expo, exposition, fair)
}
NOT_EVENT_NAME = {"organization": "08008335", "person": "00007846"}  # a noun that names a body or a person too
UNDERTAKING = {"undertaking": "00795720"}  # undertaking.n.01: 'campaign' is also a body's work, bodies are named for it
FIRST_SENSE_OTHER = {  # when the event sense is the second, the first must be none of these ('display' is a sign first)
    "psychological_feature": "00023100", "communication": "00033020", "artifact": "00021939", "social_group": "07950920",
}


def event_name_nouns(folder: Path) -> list[dict]:
    """Nouns one of whose two most frequent senses is a contest, a show or an exhibition (see the module docstring)."""
    lemmas, hypernyms = _synsets(folder)
    roots, others, first_other, work = _roots(folder, lemmas, EVENT_NAME_ROOTS, NOT_EVENT_NAME, FIRST_SENSE_OTHER, UNDERTAKING)
    rows = []
    for lemma, offsets in _one_words(folder, lemmas):
        found = next(((o, r) for o in offsets[:2] if (r := _root(o, hypernyms, roots))), None)
        if found is None or any(_root(o, hypernyms, others) for o in offsets[:2]) or any(_root(o, hypernyms, work) for o in offsets):
            continue
        if found[0] != offsets[0] and _root(offsets[0], hypernyms, first_other):
            continue
        rows.append({"id": f"event-name-noun-{lemma}", "noun": lemma, "kind": found[1],
                     "source": f"WordNet 3.0 data.noun {found[0]} ({lemmas[found[0]][0]}), under {found[1]}"})
    return rows


FACILITY_ROOTS = {
    "facility": "03315023",   # facility.n.01 (installation): an airport's terminal ('terminal' > station > facility)
    "structure": "04341686",  # structure.n.01 (construction): a building, a gate, a tower
    "room": "04105893",       # room.n.01: an area within a building ('hall', 'lounge')
}


def facility_nouns(folder: Path) -> list[dict]:
    """Nouns one of whose two most frequent senses is a facility, a built structure or a room, neither of the two an
    organisation or a person (see the module docstring)."""
    lemmas, hypernyms = _synsets(folder)
    roots, others = _roots(folder, lemmas, FACILITY_ROOTS, NOT_EVENT_NAME)
    rows = []
    for lemma, offsets in _one_words(folder, lemmas):
        found = next(((o, r) for o in offsets[:2] if (r := _root(o, hypernyms, roots))), None)
        if found is None or any(_root(o, hypernyms, others) for o in offsets[:2]):
            continue
        rows.append({"id": f"facility-noun-{lemma}", "noun": lemma, "kind": found[1],
                     "source": f"WordNet 3.0 data.noun {found[0]} ({lemmas[found[0]][0]}), under {found[1]}"})
    return rows


PARTY = "08256968"  # party.n.01 (political_party): the kinds of party under it ('Democratic_Party', 'Green_Party')
PARTY_MEMBER_GLOSS = re.compile(r"^an? member of\b")  # not 'a fellow member of' ('Comrade', a form of address)
PARTY_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'-]* )+)Party\b")


def _plural(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"


def _party_kinds(folder: Path, lemmas: dict[str, list[str]], hypernyms: dict[str, list[str]],
                 glosses: dict[str, str]) -> dict[str, str]:
    """Party synset offset -> its name without 'Party', for the kinds of party.n.01 and their own kinds ('labor_party'
    -> 'Labour_Party'), none glossed 'a former political party' ('Whig_Party', 'Federalist_Party')."""
    kinds: dict[str, str] = {}
    for _ in range(2):
        for offset, parents in hypernyms.items():
            if (PARTY in parents or any(p in kinds for p in parents)) and offset not in kinds \
                    and not glosses.get(offset, "").startswith("a former"):
                names = [w for w in lemmas[offset] if w.lower().endswith("_party")]
                if names:
                    kinds[offset] = names[0][: -len("_party")].replace("_", " ")
    return kinds


def party_words(folder: Path) -> list[dict]:
    """Words that name a political party by its members: the member nouns WordNet ties to a kind of party, by a member
    holonym ('Democrat' #m Democratic_Party, 'Green' #m Green_Party, 'Labourite') or by a gloss 'a member of the X
    Party' ('Conservative', 'Tory'), with their plurals ('Democrats', 'Tories'); and the words of the kinds' own names
    without 'Party' ('Democratic', 'Social Democratic', 'Liberal Democrat', 'Labour'), kept when their last word is an
    adjective or a member noun (or its stem, 'Labour' of 'Labourite'): 'Prohibition' is neither. A kind WordNet glosses
    as 'a former political party' is left out with its members. Each row keeps its synset and the party kind."""
    lemmas, hypernyms = _synsets(folder)
    glosses = _glosses(folder)
    adjectives = {lemma.lower() for _, words in synset_rows(folder, "adj") for lemma in words}
    kinds = _party_kinds(folder, lemmas, hypernyms, glosses)
    by_name = {name.lower(): offset for offset, name in kinds.items()}
    rows: dict[str, dict] = {}

    def add(word: str, form: str, offset: str, kind: str) -> None:
        key = f"{form}-{word.lower().replace(' ', '-')}"
        if word[0].isupper() and key not in rows:
            rows[key] = {"id": f"party-word-{key}", "word": word, "form": form, "party": kind + " Party",
                         "source": f"WordNet 3.0 data.noun {offset} ({lemmas[offset][0]})"}

    for fields, words in synset_rows(folder):
        offset = fields[0]
        if fields[1] != "18":  # noun.person
            continue
        pointers = " ".join(fields)
        party = next((h for h in re.findall(r"#m (\d{8}) n", pointers) if h in kinds), None)
        gloss = glosses.get(offset, "")
        if party is None and PARTY_MEMBER_GLOSS.match(gloss):
            named = PARTY_NAME_BEFORE.search(gloss)
            party = by_name.get(named.group(1).strip().lower()) if named else None
        if party is not None:
            word = words[0].replace("_", " ")
            add(word, "member", offset, kinds[party])
            add(_plural(word), "members", offset, kinds[party])
    members = {r["word"] for r in rows.values() if r["form"] == "member"}
    stems = {w.removesuffix("ite") for w in members}  # 'Labourite': 'Labour'
    for offset, kind in sorted(kinds.items()):
        for name in [kind, *(w.replace("_", " ")[: -len(" party")] for w in lemmas[offset]
                             if w.lower().endswith("_party") and kind.endswith(w.replace("_", " ")[: -len(" party")]))]:
            last = name.split()[-1]
            if last.lower() in adjectives or last in members or last in stems:
                add(name, "name", offset, kind)
    return sorted(rows.values(), key=lambda r: r["id"])


def main(folder: Path) -> None:
    rows = occupations(folder)
    _write("occupations.jsonl", rows)
    _write("nonactor_names.jsonl", nonactor_names(folder))
    _write("office_verbs.jsonl", office_verbs(folder))
    _write("place_nouns.jsonl", place_nouns(folder))
    _write("speech_verbs.jsonl", speech_verbs(folder))
    _write("motion_verbs.jsonl", motion_verbs(folder))
    _write("title_prefixes.jsonl", title_prefixes(folder))
    _write("feature_nouns.jsonl", feature_nouns(folder))
    _write("craft_nouns.jsonl", craft_nouns(folder))
    _write("vehicle_nouns.jsonl", vehicle_nouns(folder))
    _write("device_nouns.jsonl", device_nouns(folder))
    _write("product_nouns.jsonl", product_nouns(folder))
    _write("weapon_nouns.jsonl", weapon_nouns(folder))
    _write("structure_nouns.jsonl", structure_nouns(folder))
    _write("creation_nouns.jsonl", creation_nouns(folder))
    _write("system_nouns.jsonl", system_nouns(folder))
    _write("name_particles.jsonl", name_particles(folder))
    _write("body_nouns.jsonl", body_nouns(folder))
    _write("trade_body_nouns.jsonl", trade_body_nouns(folder))
    _write("trade_words.jsonl", trade_words(folder))
    _write("honorifics.jsonl", honorifics(folder))
    _write("person_nouns.jsonl", person_nouns(folder))
    _write("work_nouns.jsonl", work_nouns(folder))
    _write("document_nouns.jsonl", document_nouns(folder))
    _write("team_nouns.jsonl", team_nouns(folder))
    _write("event_name_nouns.jsonl", event_name_nouns(folder))
    _write("facility_nouns.jsonl", facility_nouns(folder))
    _write("abstract_nouns.jsonl", abstract_nouns(folder))
    _write("happening_nouns.jsonl", happening_nouns(folder))
    _write("post_nouns.jsonl", post_nouns(folder))
    _write("head_nouns.jsonl", head_nouns(folder))
    _write("opinion_nouns.jsonl", opinion_nouns(folder))
    _write("wrongdoing_nouns.jsonl", wrongdoing_nouns(folder))
    _write("likelihood_adjectives.jsonl", likelihood_adjectives(folder))
    _write("doer_nouns.jsonl", doer_nouns(folder))
    _write("office_words.jsonl", office_words(folder))
    _write("party_words.jsonl", party_words(folder))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/wordnet"))
