"""Identity across the corpus: which entities of different articles are one real person, organisation, state or product.

`kg.resolve` makes one node of each thing inside an article and gives it a
key: a gazetteer id ('state-Q403'), or the slug of its fullest name
('person-timothy-d-cook', 'org-uaar'). This module decides, over the whole
corpus, which of those article-local entities are one thing, and gives each
the key of one canonical node. It runs in three steps, so that a build in
memory, a streamed build and a build on a Dask cluster decide the same:

    index = Index()
    for extraction in extractions:  index.add(extraction)    # a small profile per entity, nothing else kept
    identity = index.resolve(decisions, gazetteer)           # after the last article: the canonical nodes
    linked = identity.apply(extraction)                       # per article, as it is written

The rules (each merge names its rule, the articles and a score in the graph):

- same-name: the same key (gazetteer id, or the same name) in two articles;
- folded-name: names equal once folded for case, diacritics, transliteration,
  punctuation and corporate suffixes ('Vučić' = 'Vucic', 'U.S. Air Force' = 'US Air Force');
- state-name: an organisation's name led by a state's other name ('US Air Force' =
  'United States Air Force');
- gazetteer / former-name: a name, alias or dated former name of an entry of the
  gazetteer files (kg/data/known_entities.jsonl and the user's --gazetteer files);
  an article that states a former name ('Apple Inc., formerly Apple Computer') too;
- acronym-defined: an acronym an article defines ('... Atheists and Agnostics (UAAR)');
- acronym-initials: an acronym that is the initials of one organisation the corpus names;
- spelling: one long word of a long name spelled differently ('Defence' / 'Defense');
- truncated: a name cut before 'and' ('European Aeronautic Defence' of '... Defence and Space');
- name-variant: people of one surname whose given names agree: an initial ('T. Cook'), a
  middle name or initial present on one side ('Timothy D. Cook'), a short form from the
  nickname list kg/data/nicknames.jsonl ('Tim' / 'Timothy', 'Tom' / 'Thomas'); never
  when the short name fits two people, nor when the two hold roles of different bodies;
- type-conflict: a one-word name read as a person in one article and as an organisation
  in others ('Ryanair'), when no person of the corpus has it as a surname;
- model-code: a product named by its model code alone ('A380'), joined to the one maker's model of
  that code in the corpus ('Airbus A380');
- short-form: in one article, an organisation named by the end of another's name
  ('Air Force' where the article names the 'United States Air Force');
- surname: a person named by surname alone in an article, joined to the one person of
  that surname the corpus knows, or to the one whose articles share its context
  (the states and organisations named beside it); two people of one surname whose
  contexts differ stay apart.

A user's decisions file (`same | A | B`, `not same | A | B`) overrides every rule:
see `read_decisions`.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from kg import resources
from kg.records import Extraction

ACTOR_TYPES = ("Person", "Organization")
STOP_WORDS = {"and", "of", "the", "for", "de", "des", "du", "la", "le", "el", "in", "on", "at", "to", "a", "an", "&", "y", "e",
              "degli", "dei", "di", "del", "della", "der", "die", "das", "und", "et"}
CORPORATE = {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc", "ag", "sa", "nv",
             "n v", "se", "gmbh", "lp", "l p"}
PERSON_SUFFIX = {"jr", "sr", "ii", "iii", "iv"}
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")

# rule -> score: how sure the rule is, for the record (user decisions are 1.0)
SCORES = {"user-same": 1.0, "same-name": 1.0, "folded-name": 0.95, "gazetteer": 0.95, "acronym-defined": 0.95,
          "former-name": 0.9, "state-name": 0.9, "name-variant": 0.85, "spelling": 0.8, "short-form": 0.8,
          "acronym-initials": 0.75, "model-code": 0.75, "truncated": 0.7, "surname-context": 0.7, "surname": 0.6, "type-conflict": 0.6}


# -- names ------------------------------------------------------------------------------------------


def ascii_fold(text: str) -> str:
    """Transliterated to ASCII: 'Vučić' -> 'Vucic', 'Đoković' -> 'Dokovic', 'Путин' -> 'Putin'.

    >>> ascii_fold("Vučić"), ascii_fold("Đoković"), ascii_fold("Путин")
    ('Vucic', 'Dokovic', 'Putin')
    """
    from kg.ids import to_ascii

    return to_ascii(text)


_INNER_DOTS = re.compile(r"(?<=\w)[.'’](?=\w)|(?<=\b\w)\.")
_POSSESSIVE = re.compile(r"['’]s\b")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """A name folded for comparison: case, diacritics, transliteration, dots, '&', a leading 'the'.

    >>> fold("Aleksandar Vučić") == fold("aleksandar vucic"), fold("the U.S. Air Force"), fold("AT&T")
    (True, 'us air force', 'at and t')
    """
    text = ascii_fold(name.replace("’", "'")).lower().replace("&", " and ")
    text = _INNER_DOTS.sub("", text)  # U.S. -> us, O'Brien -> obrien
    text = _POSSESSIVE.sub("", text)
    words = _NOT_ALNUM.sub(" ", text).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def fold_org(name: str) -> str:
    """An organisation's folded name without corporate suffixes: 'Apple Inc.' = 'Apple', '... Space NV' = '... Space'.

    >>> fold_org("European Aeronautic Defence & Space Co. N.V.")
    'european aeronautic defence and space'
    """
    words = fold(name).split()
    while len(words) > 1 and (words[-1] in CORPORATE or " ".join(words[-2:]) in CORPORATE):
        words = words[:-2] if " ".join(words[-2:]) in CORPORATE else words[:-1]
    return " ".join(words)


def initials(name: str) -> str:
    """Initials of the content words: 'United States Air Force' -> 'USAF'; '' for fewer than two words.

    >>> initials("European Aeronautic Defence and Space Company"), initials("Boeing")
    ('EADSC', '')
    """
    words = [w for w in fold(name).split() if w not in STOP_WORDS]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


def is_acronym(name: str) -> bool:
    """'UAAR', 'USAF', 'EADS' (as written: capitals, 2-10 characters)."""
    return bool(ACRONYM.match(name.replace(".", "")))


@lru_cache(maxsize=1)
def nicknames() -> dict[str, frozenset[str]]:
    """Folded given name -> the names it may stand for or be short for (kg/data/nicknames.jsonl, both ways)."""
    out: dict[str, set[str]] = defaultdict(set)
    for row in resources.jsonl("nicknames.jsonl"):
        out[row["name"]].add(row["nickname"])
        out[row["nickname"]].add(row["name"])
    return {k: frozenset(v) for k, v in out.items()}


@dataclass(frozen=True)
class PersonName:
    given: str
    middle: tuple[str, ...]
    surname: str

    @classmethod
    def parse(cls, name: str) -> PersonName | None:
        words = [w for w in fold(name).split() if w not in PERSON_SUFFIX]
        if len(words) < 2:
            return None
        return cls(words[0], tuple(words[1:-1]), words[-1])


def _given_match(a: str, b: str) -> str:
    """'' when the given names differ; else how they agree: 'same', 'initial', 'nickname'."""
    if a == b:
        return "same"
    if (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return "initial"
    if b in nicknames().get(a, ()):
        return "nickname"
    return ""


def person_variant(a: str, b: str) -> str:
    """How two full names of people may name one person ('' if they cannot).

    >>> person_variant("Tim Cook", "Timothy D. Cook"), person_variant("T. Cook", "Tim Cook")
    ('nickname Tim/Timothy, middle name D.', 'initial T./Tim')
    >>> person_variant("Ed Miliband", "David Miliband")
    ''
    >>> person_variant("Tim Cook", "Timothy D. Cook")
    'nickname Tim/Timothy, middle name D.'
    >>> person_variant("George W. Bush", "George H. W. Bush")
    ''
    """
    pa, pb = PersonName.parse(a), PersonName.parse(b)
    if pa is None or pb is None or pa.surname != pb.surname or pa == pb:
        return ""
    how = _given_match(pa.given, pb.given)
    if not how:
        return ""
    if pa.middle and pb.middle:
        pairs = zip(pa.middle, pb.middle, strict=False)
        if len(pa.middle) != len(pb.middle) or not all(_given_match(x, y) in ("same", "initial") for x, y in pairs):
            return ""
    parts = [] if how == "same" else [f"{how} {_word(a, 0)}/{_word(b, 0)}"]
    if bool(pa.middle) != bool(pb.middle):
        parts.append("middle name " + " ".join(_word(n, i + 1) for n, p in ((a, pa), (b, pb)) for i in range(len(p.middle))))
    elif pa.middle != pb.middle:
        parts.append("middle initial")
    return ", ".join(parts) or "same name"


def _word(name: str, i: int) -> str:
    words = [w for w in name.split() if fold(w) not in PERSON_SUFFIX]
    return words[i] if i < len(words) else ""


# -- the gazetteer files ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Known:
    """A person or organisation of a gazetteer file: its key, names and dated former names."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    former: tuple[tuple[str, str], ...] = ()  # (name, until YYYY-MM-DD or '')
    wikidata: str = ""
    source: str = ""


def read_gazetteer(path: str | Path) -> list[Known]:
    """Rows of a gazetteer file (JSON Lines, see README 'Identity'); IdentityError E061 naming the line when one is wrong."""
    from kg.errors import IdentityError

    out = []
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise IdentityError("E062", str(path), f"cannot read the gazetteer file: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            row = json.loads(line)
            etype, name = row["type"], row["name"]
            if etype not in ACTOR_TYPES:
                raise ValueError(f"type must be one of {', '.join(ACTOR_TYPES)}")
            wikidata = row.get("wikidata", "") or ""
            if wikidata and not re.fullmatch(r"Q\d+", wikidata):
                raise ValueError(f"wikidata must be a Q-id, not {wikidata!r}")
            prefix = "person" if etype == "Person" else "org"
            from kg.ids import slug

            key = row.get("id") or (f"{prefix}-{wikidata}" if wikidata else f"{prefix}-{slug(name)}")
            former = tuple((f["name"], f.get("until", "") or "") for f in row.get("former_names", ()))
            source = row.get("source") or f"{path.name}:{n}"
            out.append(Known(key, etype, name, tuple(row.get("aliases", ())), former, wikidata, source))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise IdentityError("E062", f"{path}:{n}", f"bad gazetteer row: {exc}") from exc
    return out


@lru_cache(maxsize=1)
def known_entities() -> tuple[Known, ...]:
    """The shipped gazetteer of people and organisations (kg/data/known_entities.jsonl)."""
    from importlib import resources as files

    return tuple(read_gazetteer(Path(str(files.files("kg.data").joinpath("known_entities.jsonl")))))


# -- the user's decisions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """One line of a decisions file: `same | A | B` or `not same | A | B`, with an optional `| note`."""

    same: bool
    left: str
    right: str
    note: str = ""
    where: str = ""  # file:line

    @property
    def text(self) -> str:
        return f"{'same' if self.same else 'not same'} | {self.left} | {self.right}"


def read_decisions(path: str | Path) -> list[Decision]:
    """A decisions file: one `same | A | B` or `not same | A | B` a line (`# ...` comments, blank lines).

    A and B name entities: a name as written ('Tim Cook': every entity so named, folded for case and
    diacritics), a name in one article ('Porter @ 2020-07-20-acme.txt': the file name, its stem or
    the article id), or a key or IRI ('person-tim-cook', 'id:entity/person-tim-cook'). IdentityError
    E061 naming the line when one cannot be read.
    """
    from kg.errors import IdentityError

    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise IdentityError("E061", str(path), f"cannot read the decisions file: {exc}") from exc
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        verb = " ".join(parts[0].lower().split())
        if verb not in ("same", "not same") or len(parts) not in (3, 4) or not parts[1] or not parts[2]:
            raise IdentityError("E061", f"{path}:{n}",
                                f"expected 'same | A | B' or 'not same | A | B' (optional '| note'), got {line.strip()!r}")
        out.append(Decision(verb == "same", parts[1], parts[2], parts[3] if len(parts) == 4 else "", f"{path.name}:{n}"))
    return out


# -- the index: what identity needs to know of each article -------------------------------------------


@dataclass(frozen=True)
class Local:
    """One entity of one article, as identity sees it."""

    article: str
    date: str
    file: str
    key: str
    type: str
    label: str
    names: tuple[str, ...]
    context: frozenset[str]  # keys of the states and organisations the article names beside it
    roles_of: frozenset[str]  # keys of what it holds a role in (people)


@dataclass
class Index:
    """Profiles of every article's entities, added one article at a time; `resolve` decides after the last."""

    locals: list[Local] = field(default_factory=list)
    acronyms: list[tuple[str, str, str]] = field(default_factory=list)  # (article, acronym key, expansion key)
    renames: list[tuple[str, str, str, str]] = field(default_factory=list)  # (article, former key, current key, date)

    def add(self, extraction: Extraction) -> None:
        article = extraction.article
        aid, date = article.id, article.date.isoformat()
        file = Path(article.path).name if article.path else ""
        keys = {e.key for e in extraction.entities}
        actors = frozenset(e.key for e in extraction.entities if e.type in ("State", "Organization"))
        roles: dict[str, set[str]] = defaultdict(set)
        for role in extraction.roles:
            if role.of in keys:
                roles[role.holder].add(role.of)
        for e in extraction.entities:
            names = tuple(dict.fromkeys(m.text for m in e.mentions if not m.rule.startswith("nominal")))
            self.locals.append(Local(aid, date, file, e.key, e.type, e.label, names, actors - {e.key}, frozenset(roles.get(e.key, ()))))
        self.acronyms.extend((aid, a, x) for a, x in defined_acronyms(extraction))
        self.renames.extend((aid, old, new, date) for old, new in stated_renames(extraction))

    def extend(self, extractions: Iterable[Extraction]) -> Index:
        for extraction in extractions:
            self.add(extraction)
        return self

    def resolve(self, decisions: Iterable[Decision] = (), gazetteer: Iterable[Known] = ()) -> Identity:
        return _Resolver(self, list(decisions), [*known_entities(), *gazetteer]).run()


ACRONYM_AFTER = re.compile(r"((?:\s+(?:and|&|of|for|the|[A-Z][\w-]*)){0,4}?)"  # the name running on past the mention
                           r"\s*(?:\(|,\s*(?:or|known as)\s+)[\"“]?([A-Z][A-Za-z0-9&.]{1,11})[\"”]?[),]")


def defined_acronyms(extraction: Extraction) -> list[tuple[str, str]]:
    """(acronym key, expansion key) for each 'Long Name (ACR)' in the article whose letters fit the name's initials.

    The letters must be the initials in order, or (a name translated from another language: 'Union of
    Rationalist Atheists and Agnostics (UAAR)') the same letters in another order, or three or more letters of the
    name in order from its first ('Singapore Airlines (SIA)'), or any capitals bracketed right after the whole name
    (`_bracketed_right_after`). The name may run on
    past the organisation's mention for a few capitalised words ('... Atheists and Agnostics (UAAR)',
    where the model ends the organisation at 'Atheists').
    """
    from kg.extract.entities import organization_key

    text = extraction.article.text
    out = []
    for e in extraction.entities:
        if e.type != "Organization":
            continue
        for m in e.mentions:
            if m.rule.startswith("nominal") or is_acronym(m.text):
                continue
            hit = ACRONYM_AFTER.match(text, m.end)
            if not hit:
                continue
            name = m.text + hit.group(1)
            acronym = hit.group(2).replace(".", "")
            letters = initials(name)
            content = "".join(w[0] for w in fold(name).split()).upper()
            if not is_acronym(acronym) or not letters or organization_key(acronym) == e.key:
                continue
            if (acronym in (letters, content) or sorted(acronym) == sorted(letters) or (letters.startswith(acronym) and len(acronym) >= 3)
                    or _letters_in_order(acronym, name) or _bracketed_right_after(text, m.end, hit)):
                out.append((organization_key(acronym), e.key))
    return list(dict.fromkeys(out))


def _bracketed_right_after(text: str, end: int, hit: re.Match) -> bool:
    """'the Polish Armaments Group (PGZ)', 'Doctors Without Borders (MSF)': capitals in brackets right after the whole
    name define its acronym even when they are the initials of its name in another language (Polska Grupa
    Zbrojeniowa); a name that runs on past the mention, or 'or'/'known as', still needs the letters to fit."""
    return not hit.group(1) and text[end:hit.start(2)].strip() == "("


def _letters_in_order(acronym: str, name: str) -> bool:
    """An acronym of three or more letters that opens with the name's first letter and takes the rest from its words
    in order, not only from their initials ('Singapore Airlines (SIA)').

    >>> _letters_in_order("SIA", "Singapore Airlines"), _letters_in_order("SAL", "Singapore Airlines")
    (True, True)
    >>> _letters_in_order("AS", "Air Seychelles"), _letters_in_order("ISA", "Singapore Airlines")
    (False, False)
    """
    letters = fold(name).replace(" ", "").upper()
    if len(acronym) < 3 or not letters.startswith(acronym[0]):
        return False
    at = 1
    for c in acronym[1:]:
        at = letters.find(c, at) + 1
        if not at:
            return False
    return True


RENAMED = (
    re.compile(r"^\s*,?\s*\(?(?:formerly|previously)(?: known as| called| named)?\s+(?:the\s+)?$"),  # NEW, formerly OLD
)
RENAMED_TO = (
    # OLD, now NEW
    re.compile(r"^\s*,?\s*\(?(?:now|since renamed|renamed|later renamed)(?: known as| called| named)?\s+(?:to\s+)?(?:the\s+)?$"),
    re.compile(r"^\s*(?:changed its name to|was renamed(?: to)?|renamed itself|became)\s+(?:the\s+)?$"),
)


def stated_renames(extraction: Extraction) -> list[tuple[str, str]]:
    """(former key, current key) for each organisation the article says was renamed: 'Apple Inc., formerly Apple Computer'."""
    text = extraction.article.text
    spans = sorted((m.start, m.end, e.key) for e in extraction.entities if e.type == "Organization"
                   for m in e.mentions if not m.rule.startswith("nominal"))
    out = []
    for (_s1, e1, k1), (s2, _, k2) in zip(spans, spans[1:], strict=False):
        between = text[e1:s2]
        if k1 == k2 or len(between) > 40:
            continue
        if any(p.match(between) for p in RENAMED):
            out.append((k2, k1))
        elif any(p.match(between) for p in RENAMED_TO):
            out.append((k1, k2))
    return out


# -- the result -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Merge:
    """Local entities of key `key` (named `names`) joined a canonical node by `rule`, with `score`."""

    key: str
    names: tuple[str, ...]
    rule: str
    score: float
    detail: str = ""


@dataclass
class Node:
    """A canonical entity: its key, type, label, every name, links, former names, affiliations, merges."""

    key: str
    type: str
    label: str
    names: Counter = field(default_factory=Counter)  # name -> articles
    articles: set[str] = field(default_factory=set)
    wikidata: str = ""
    source: str = ""
    former: tuple[tuple[str, str, str], ...] = ()  # (name, until, source)
    affiliations: tuple[tuple[str, str, str, str, str, str], ...] = ()  # (state key, sector, code, from, to, source)
    merges: dict[tuple[str, str], Merge] = field(default_factory=dict)  # (article, local key) -> how it joined
    apart: tuple[tuple[str, str], ...] = ()  # (other canonical key, why)


@dataclass
class Identity:
    """The corpus-level decision: (article, local key) -> canonical key, and the canonical nodes."""

    mapping: dict[tuple[str, str], str] = field(default_factory=dict)
    nodes: dict[str, Node] = field(default_factory=dict)
    unused: list[Decision] = field(default_factory=list)  # decisions that matched nothing

    def canonical(self, article: str, key: str) -> str:
        return self.mapping.get((article, key), key)

    def apply(self, extraction: Extraction) -> Extraction:
        """One article's records with canonical keys, labels and what identity knows of each node."""
        from kg.resolve import rekey

        aid = extraction.article.id
        key_map = {e.key: self.canonical(aid, e.key) for e in extraction.entities}
        before = {e.key: e for e in extraction.entities}
        linked = rekey(extraction, {k: v for k, v in key_map.items() if k != v}) if any(k != v for k, v in key_map.items()) else extraction
        locals_of: dict[str, list[str]] = {}  # canonical key -> the article's keys it took, in key_map's order
        for local, canon in key_map.items():
            locals_of.setdefault(canon, []).append(local)
        entities = []
        for e in linked.entities:
            node = self.nodes.get(e.key)
            if node is None:
                entities.append(e)
                continue
            merged = []
            for local in locals_of.get(e.key, ()):
                how = node.merges.get((aid, local))
                if how is not None:
                    spans = tuple((m.start, m.end, m.rule) for m in before[local].mentions)
                    merged.append((how.key, how.names, how.rule, how.score, how.detail, spans))
            aliases = tuple(sorted((set(e.aliases) | {e.label}) - {node.label}))  # as the article named it, the node's label aside
            entities.append(replace(e, type=node.type, label=node.label, aliases=aliases, wikidata=node.wikidata or e.wikidata,
                                    source=node.source, merged=tuple(merged), former=node.former,
                                    affiliations=node.affiliations, apart=node.apart))
        if entities == list(linked.entities):
            return linked
        from kg.resolve import event_label, placed_events

        names = {e.key: e.label for e in entities}
        events = placed_events(linked.events, {e.key: e.type for e in entities})
        events = tuple(replace(ev, label=event_label(ev, names)) for ev in events)
        return replace(linked, entities=tuple(entities), events=events)

    def apply_all(self, extractions: Iterable[Extraction]) -> list[Extraction]:
        return [self.apply(e) for e in extractions]


def corpus_identity(extractions: list[Extraction], decisions: Iterable[Decision] = (), gazetteer: Iterable[Known] = ()) -> list[Extraction]:
    """Identity across the articles of a batch held in memory: every extraction with canonical keys."""
    identity = Index().extend(extractions).resolve(decisions, gazetteer)
    return identity.apply_all(extractions)


# -- deciding ---------------------------------------------------------------------------------------


class _Find:
    """Union-find over local entities with cannot-link tags (a user's `not same`)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.tags: list[set[tuple[int, int]]] = [set() for _ in range(n)]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def blocked(self, a: int, b: int) -> tuple[int, int] | None:
        ra, rb = self.find(a), self.find(b)
        for pair, side in self.tags[ra]:
            if (pair, 1 - side) in self.tags[rb]:
                return pair, side
        return None

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or self.blocked(a, b) is not None:
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.tags[ra] |= self.tags[rb]
        return True


class _Resolver:
    def __init__(self, index: Index, decisions: list[Decision], gazetteer: list[Known]) -> None:
        self.index = index
        self.decisions = decisions
        self.gazetteer = gazetteer
        self.locals = sorted(index.locals, key=lambda x: (x.date, x.article, x.key))
        self.uf = _Find(len(self.locals))
        self.by_key: dict[str, list[int]] = defaultdict(list)
        for i, x in enumerate(self.locals):
            self.by_key[x.key].append(i)
        self.edges: dict[int, list[tuple[int, int, str, float, str]]] = defaultdict(list)  # local -> the joins it took part in
        self.weak: set[int] = set()
        self.known: dict[str, Known] = {}
        self.apart: list[tuple[set[int], set[int], Decision]] = []

    # edges --------------------------------------------------------------------------------------

    def join(self, a: int, b: int, rule: str, detail: str = "", score: float | None = None, cross: bool = False) -> bool:
        """Join local b to local a's node, unless their types differ or a user's `not same` keeps them apart."""
        if a < 0 or (self.locals[a].type != self.locals[b].type and not cross):
            return False
        already = self.uf.find(a) == self.uf.find(b)
        if not already and not self.uf.union(a, b):
            return False
        edge = (a, b, rule, SCORES[rule] if score is None else score, detail)  # kept when already joined too: the
        self.edges[a].append(edge)  # explanation takes the strongest path
        self.edges[b].append(edge)
        return not already

    def join_keys(self, k1: str, k2: str, rule: str, detail: str = "") -> None:
        """Every local of key k2 joins the first local of key k1 (locals decided per article aside)."""
        if k1 == k2 or k1 not in self.by_key or k2 not in self.by_key:
            return
        anchors = [i for i in self.by_key[k1] if i not in self.weak]
        if not anchors:
            return
        for b in self.by_key[k2]:
            if b not in self.weak:
                self.join(anchors[0], b, rule, detail)

    def run(self) -> Identity:
        self.weak = weak = self.weak_locals()
        self.user_decisions()
        for _key, members in self.by_key.items():  # same-name: one key in many articles is one thing
            strong = [i for i in members if i not in weak]
            for a, b in zip(strong, strong[1:], strict=False):
                self.uf.union(a, b)
        self.gazetteer_rule()
        self.org_rules()
        self.product_rules()
        self.person_rules()
        self.weak_rules(weak)
        for _key, members in self.by_key.items():  # what the weak rules left: one name, one thing
            left = [i for i in members if i in weak and not any(e[1] == i for e in self.edges.get(i, ()))]
            strong = [i for i in members if i not in weak]
            chain = (strong[:1] + left) if strong else left
            for a, b in zip(chain, chain[1:], strict=False):
                self.uf.union(a, b)
        return self.build()

    def user_decisions(self) -> None:
        for pair, d in enumerate(self.decisions):
            left, right = self.match(d.left), self.match(d.right)
            if not left or not right:
                continue
            if d.same:
                for b in sorted(left | right)[1:]:
                    self.join(min(left | right), b, "user-same", f"{d.text} ({d.where})" + (f": {d.note}" if d.note else ""))
            else:
                for i in left:
                    self.uf.tags[self.uf.find(i)].add((pair, 0))
                for i in right:
                    self.uf.tags[self.uf.find(i)].add((pair, 1))
                self.apart.append((left, right, d))

    def match(self, ref: str) -> set[int]:
        """The locals a decision's A or B names: 'NAME', 'NAME @ ARTICLE', a key or an IRI."""
        from kg.vocab import ID

        ref = ref.strip()
        key = ref
        for prefix in (ID + "entity/", "id:entity/"):
            if ref.startswith(prefix):
                key = ref[len(prefix):]
        if key in self.by_key:
            return set(self.by_key[key])
        name, _, article = (p.strip() for p in ref.partition("@"))
        want = fold(name)
        out = set()
        for i, x in enumerate(self.locals):
            if article and article not in (x.article, x.file, Path(x.file).stem):
                continue
            if want in {fold(n) for n in (x.label, *x.names)}:
                out.add(i)
        return out

    def weak_locals(self) -> set[int]:
        """Locals decided one article at a time: a person named by one word, an organisation by the end of another's name."""
        weak = set()
        orgs_by_article: dict[str, list[int]] = defaultdict(list)
        for i, x in enumerate(self.locals):
            if x.type == "Person" and len(fold(x.label).split()) == 1 and x.key.startswith("person-"):
                weak.add(i)
            if x.type == "Organization":
                orgs_by_article[x.article].append(i)
        for members in orgs_by_article.values():
            for i in members:
                short = fold_org(self.locals[i].label).split()
                if len(short) >= 2 and any(self._ends_with(self.locals[j].label, short) for j in members if j != i):
                    weak.add(i)
        return weak

    @staticmethod
    def _ends_with(label: str, short: list[str]) -> bool:
        words = fold_org(label).split()
        return len(words) > len(short) and words[-len(short):] == short

    def gazetteer_rule(self) -> None:
        names: dict[tuple[str, str], list[tuple[Known, str, str]]] = defaultdict(list)
        for k in self.gazetteer:
            self.known[k.id] = k
            fold_name = fold_org if k.type == "Organization" else fold
            for name in (k.name, *k.aliases):
                names[(k.type, fold_name(name))].append((k, "gazetteer", f"{name!r} in {k.source}"))
            for name, until in k.former:
                names[(k.type, fold_name(name))].append((k, "former-name", f"former name {name!r}" + (f" until {until}" if until else "")
                                                         + f" ({k.source})"))
        matches: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # entry id -> (key, rule, detail) of each name it has
        for key, members in self.by_key.items():
            x = self.locals[members[0]]
            fold_name = fold_org if x.type == "Organization" else fold
            hits = names.get((x.type, fold_name(x.label)), [])
            if len({k.id for k, _, _ in hits}) == 1:
                matches[hits[0][0].id].append((key, hits[0][1], hits[0][2]))
        self.known_roots: list[tuple[str, str]] = []  # (anchor key, entry id)
        for kid, hits in matches.items():
            anchor = kid if kid in self.by_key else hits[0][0]
            for key, rule, detail in hits:
                self.join_keys(anchor, key, rule, detail)
            self.known_roots.append((anchor, kid))

    def org_rules(self) -> None:
        from kg.gazetteer import by_name, entries

        keys = [k for k, m in self.by_key.items() if self.locals[m[0]].type == "Organization"]
        label = {k: self._label(k) for k in keys}
        # folded-name, state-name
        states = {fold(n): entries()[i].label for n, i in by_name().items() if entries()[i].type == "State"}
        groups: dict[str, list[str]] = defaultdict(list)
        expanded: dict[str, str] = {}  # 'us air force' -> 'united states air force'
        for k in keys:
            if label[k].islower():
                continue  # a body named by a common noun only ('police' of an article with no home state): no name to join by
            groups[fold_org(label[k]).replace(" ", "")].append(k)  # 'World Wide' = 'Worldwide' too
            words = fold(label[k]).split()
            for n in (3, 2, 1):
                state = states.get(" ".join(words[:n]), "")
                if len(words) > n and state and fold(state) != " ".join(words[:n]):
                    expanded[k] = fold_org(" ".join([state, *words[n:]]))
                    break
        for ks in groups.values():
            for k in ks[1:]:
                self.join_keys(ks[0], k, "folded-name", f"{label[ks[0]]!r} = {label[k]!r}")
        for k, f in expanded.items():
            f = f.replace(" ", "")
            if f in groups and groups[f][0] != k:
                self.join_keys(groups[f][0], k, "state-name", f"{label[k]!r} = {label[groups[f][0]]!r}")
        # acronym-defined
        defined: dict[str, set[str]] = defaultdict(set)
        where: dict[str, set[str]] = defaultdict(set)
        for article, acronym, expansion in self.index.acronyms:
            defined[acronym].add(expansion)
            where[acronym].add(article)
        self.local_acronyms: dict[tuple[str, str], str] = {}
        for acronym, expansions in defined.items():
            roots = {self.uf.find(self.by_key[x][0]) for x in expansions if x in self.by_key}
            if len(roots) == 1 and acronym in self.by_key:
                x = sorted(expansions)[0]
                self.join_keys(x, acronym, "acronym-defined", f"{self._label(acronym)!r} defined as {label.get(x, x)!r}")
            else:  # defined differently by different articles: each article's own definition only
                for article, a2, x in self.index.acronyms:
                    if a2 == acronym:
                        self.local_acronyms[(article, acronym)] = x
        # stated renames
        for _article, old, new, date in self.index.renames:
            if old in self.by_key and new in self.by_key:
                self.join_keys(new, old, "former-name", f"{self._label(old)!r} stated as a former name of {self._label(new)!r} ({date})")
        # spelling: one long word differs by one letter
        spaced = {fold_org(label[ks[0]]): ks for ks in groups.values()}
        by_shape: dict[tuple[str, int], list[str]] = defaultdict(list)
        for f in spaced:
            words = f.split()
            if len(words) >= 3:
                by_shape[(words[0], len(words))].append(f)
        for (_, _), fs in by_shape.items():
            for i, a in enumerate(fs):
                for b in fs[i + 1:]:
                    diff = [(x, y) for x, y in zip(a.split(), b.split(), strict=False) if x != y]
                    if len(diff) == 1 and min(len(diff[0][0]), len(diff[0][1])) >= 5 and _distance1(*diff[0]):
                        self.join_keys(spaced[a][0], spaced[b][0], "spelling", f"{label[spaced[a][0]]!r} ~ {label[spaced[b][0]]!r}")
        # truncated before 'and'
        starts: dict[str, set[str]] = defaultdict(set)
        for f in spaced:
            words = f.split()
            for n in range(2, len(words)):
                if words[n] == "and":
                    starts[" ".join(words[:n])].add(f)
        for f, longer in starts.items():
            if f in spaced and len({self.uf.find(self.by_key[spaced[g][0]][0]) for g in longer}) == 1:
                g = sorted(longer)[0]
                self.join_keys(spaced[g][0], spaced[f][0], "truncated", f"{label[spaced[f][0]]!r} cut from {label[spaced[g][0]]!r}")
        # acronym-initials: 'USAF' = the one organisation named 'United States Air Force'
        by_initials: dict[str, set[str]] = defaultdict(set)
        for k in keys:
            for name in (label[k], " ".join(filter(None, [expanded.get(k, "")]))):
                letters = initials(fold_org(name)) if name else ""
                if len(letters) >= 2:
                    by_initials[letters].add(k)
        for k in keys:
            if not is_acronym(label[k]) or len(label[k].replace(".", "")) < 3:
                continue  # two letters fit too many names
            candidates: dict[int, str] = {}
            for c in sorted(by_initials.get(label[k].replace(".", "").upper(), ())):  # sorted: the same name whatever the hash seed
                if c != k:
                    candidates.setdefault(self.uf.find(self.by_key[c][0]), c)
            if len(candidates) == 1:
                c = next(iter(candidates.values()))
                self.join_keys(c, k, "acronym-initials", f"{label[k]!r} = initials of {label[c]!r}")

    def _label(self, key: str) -> str:
        return Counter(self.locals[i].label for i in self.by_key[key]).most_common(1)[0][0]

    def product_rules(self) -> None:
        """model-code: a model named by its code alone ('A380', key product-a380) is the one model of that code a
        maker's name goes with in the corpus ('Airbus A380'); a code two makers' models end with joins neither."""
        keys = [k for k, m in self.by_key.items() if self.locals[m[0]].type == "Product" and k.startswith("product-")]
        ends: dict[str, set[str]] = defaultdict(set)
        for k in keys:
            parts = k[len("product-"):].split("-")
            for n in range(1, len(parts)):
                ends["-".join(parts[n:])].add(k)
        for k in keys:
            code = k[len("product-"):]
            makers = ends.get(code, set())
            if any(c.isdigit() for c in code) and len(makers) == 1:
                (full,) = makers
                self.join_keys(full, k, "model-code", f"{self._label(k)!r} = the model of {self._label(full)!r}")

    def _bodies(self, keys: frozenset[str]) -> frozenset[str]:
        """The nodes the organisation rules have made of the bodies a person holds roles in: 'Acme Automation' and
        'Acme Robotics (formerly Acme Automation)' are one body, so a founder of the one and a head of the other may be
        one person."""
        return frozenset(f"node-{self.uf.find(self.by_key[k][0])}" if k in self.by_key else k for k in keys)

    def person_rules(self) -> None:
        keys = [k for k, m in self.by_key.items() if self.locals[m[0]].type == "Person"]
        full = {k: self._label(k) for k in keys if PersonName.parse(self._label(k)) is not None}
        folded: dict[str, list[str]] = defaultdict(list)
        by_surname: dict[str, list[str]] = defaultdict(list)
        for k, name in full.items():
            folded[fold(name)].append(k)
            by_surname[PersonName.parse(name).surname].append(k)
        for _f, ks in folded.items():
            for k in ks[1:]:
                self.join_keys(ks[0], k, "folded-name", f"{full[ks[0]]!r} = {full[k]!r}")
        roles = {k: frozenset().union(*(self._bodies(self.locals[i].roles_of) for i in self.by_key[k])) for k in keys}
        for _surname, ks in by_surname.items():
            reps = sorted({fold(full[k]): k for k in ks}.values())
            partners = {k: [o for o in reps if o != k and person_variant(full[k], full[o])] for k in reps}
            # a name that fits two people who cannot be one ('George Bush': 'George W.' and 'George H. W.') joins neither
            ambiguous = {k for k, ps in partners.items()
                         if any(not person_variant(full[a], full[b]) for i, a in enumerate(ps) for b in ps[i + 1:])}
            articles = {k: {self.locals[i].article for i in self.by_key[k]} for k in reps}
            for k in reps:
                for o in reps:
                    pk, po = PersonName.parse(full[k]), PersonName.parse(full[o])
                    if (k < o and articles[k] & articles[o] and pk.middle == po.middle and min(len(pk.given), len(po.given)) >= 4
                            and _distance1(pk.given, po.given)):
                        self.join_keys(k, o, "spelling", f"{full[k]!r} ~ {full[o]!r}, in one article")
            for k in reps:
                for o in partners[k]:
                    if k > o or k in ambiguous or o in ambiguous:
                        continue
                    if roles[k] and roles[o] and not roles[k] & roles[o]:
                        continue  # roles in different bodies: two people
                    a, b = sorted((k, o), key=lambda x: (-len(self.by_key[x]), x))
                    self.join_keys(a, b, "name-variant", person_variant(full[b], full[a]))

    def weak_rules(self, weak: set[int]) -> None:
        """A surname alone, an organisation's short form: decided for each article on its own."""
        people: dict[str, set[int]] = defaultdict(set)  # surname -> roots of people with a full name
        context: dict[int, Counter] = defaultdict(Counter)
        roles: dict[int, set[str]] = defaultdict(set)
        for i, x in enumerate(self.locals):
            if i in weak:
                continue
            root = self.uf.find(i)
            context[root].update(x.context)
            roles[root] |= self._bodies(x.roles_of)
            if x.type == "Person":
                parsed = PersonName.parse(x.label)
                if parsed is not None:
                    people[parsed.surname].add(root)
        by_article: dict[str, list[int]] = defaultdict(list)
        orgs: dict[str, int] = {}
        org_articles: dict[int, set[str]] = defaultdict(set)
        for i, x in enumerate(self.locals):
            by_article[x.article].append(i)
            if x.type == "Organization" and i not in weak:
                orgs.setdefault(fold_org(x.label), i)
                org_articles[orgs[fold_org(x.label)]].add(x.article)
        orgs = {f: i for f, i in orgs.items() if len(f.split()) == 1 and len(f) >= 4}
        decided = {self.uf.find(i) for i in range(len(self.locals)) if i not in weak}
        for i in sorted(weak):
            x = self.locals[i]
            if self.uf.find(i) in decided:
                continue  # a user's `same` already put it with a named entity
            if x.type == "Person":
                candidates = sorted(people.get(fold(x.label), ()))
                held = self._bodies(x.roles_of)
                candidates = [c for c in candidates if not (held and roles[c] and not held & roles[c])]
                if not candidates:
                    org = orgs.get(fold_org(x.label))
                    if org is not None and fold(x.label) not in people:  # 'Ryanair' read as a person here, an organisation elsewhere
                        self.join(org, i, "type-conflict", f"{x.label!r} read as a person here, as an organisation in "
                                                           f"{len(org_articles[org])} article(s)", cross=True)
                    continue
                overlap = sorted(((sum(1 for k in x.context if context[c][k]), c) for c in candidates), reverse=True)
                if len(candidates) == 1:
                    rule = "surname-context" if overlap[0][0] else "surname"
                    self.join(candidates[0], i, rule, f"{x.label!r}: the one person of that surname"
                              + (f", {overlap[0][0]} shared name(s) beside it" if overlap[0][0] else ""))
                elif overlap[0][0] > 0 and overlap[0][0] > overlap[1][0]:
                    self.join(overlap[0][1], i, "surname-context",
                              f"{x.label!r}: of {len(candidates)} people of that surname, the one whose articles share "
                              f"{overlap[0][0]} name(s) beside it (next best {overlap[1][0]})")
            else:
                short = fold_org(x.label).split()
                longer = {self.uf.find(j): j for j in by_article[x.article] if j not in weak and self.locals[j].type == "Organization"
                          and self._ends_with(self.locals[j].label, short)}
                if len(longer) == 1:
                    j = next(iter(longer.values()))
                    self.join(j, i, "short-form", f"{x.label!r} for {self.locals[j].label!r} in the same article")
        for (article, acronym), expansion in getattr(self, "local_acronyms", {}).items():
            pairs = [(i, j) for i in by_article[article] for j in by_article[article]
                     if self.locals[i].key == acronym and self.locals[j].key == expansion]
            for i, j in pairs:
                self.join(j, i, "acronym-defined", f"{self.locals[i].label!r} defined as {self.locals[j].label!r} in this article")

    # the nodes ------------------------------------------------------------------------------------

    def build(self) -> Identity:
        from kg.gazetteer import entries

        components: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.locals)):
            components[self.uf.find(i)].append(i)
        identity = Identity()
        chosen: dict[str, list[tuple[int, int]]] = defaultdict(list)
        plan = []
        for root, members in components.items():
            keys = Counter()
            for i in members:
                keys[self.locals[i].key] += 1
            gazetteer = [k for k in keys if k in entries()]
            known = [k for k in keys if k in self.known] + [kid for anchor, kid in self.known_roots
                                                            if any(self.uf.find(i) == root for i in self.by_key[anchor])]
            if gazetteer:
                key = min(gazetteer, key=lambda k: (-keys[k], k))
            elif known:
                key = sorted(known)[0]
            else:  # a current name before a former one, a name before an acronym, then the most reported, the fullest
                former = {old for _, old, _, _ in self.index.renames}
                majority = Counter(self.locals[i].type for i in members).most_common(1)[0][0]
                prefix = "person-" if majority == "Person" else "org-" if majority == "Organization" else ""
                key = min(keys, key=lambda k: (not k.startswith(prefix), k in former, is_acronym(self._label(k)), -keys[k],
                                               -len(self._label(k).split()), -len(self._label(k)), k))
            plan.append((root, members, key, keys))
            chosen[key].append((len({self.locals[i].article for i in members}), root))
        suffix: dict[int, str] = {}
        for key, claims in chosen.items():
            if len(claims) > 1:  # one name, kept apart (a user's `not same`): the better-reported keeps the plain key
                claims.sort(key=lambda c: (-c[0], min(self.locals[i].article for i in components[c[1]])))
                for _, root in claims[1:]:
                    first = min(self.locals[i].article for i in components[root])
                    suffix[root] = f"{key}-{first[:8]}"
        roots_key = {}
        for root, members, key, keys in plan:
            canonical = suffix.get(root, key)
            roots_key[root] = canonical
            node = self.node(canonical, key, members, keys)
            identity.nodes[canonical] = node
            for i in members:
                x = self.locals[i]
                identity.mapping[(x.article, x.key)] = canonical
        for root, members, base, _ in plan:
            node = identity.nodes[roots_key[root]]
            reached = self.spanning(members, base)
            for i in members:
                x = self.locals[i]
                if x.key == base:
                    continue  # the node's own name (a namesake kept apart keeps its name, with a suffix)
                rule, score, detail = reached.get(x.key, ("same-name", 1.0, ""))
                node.merges[(x.article, x.key)] = Merge(x.key, tuple(dict.fromkeys((x.label, *x.names))), rule, score, detail)
        for left, right, d in self.apart:
            a = {roots_key[self.uf.find(i)] for i in left}
            b = {roots_key[self.uf.find(i)] for i in right}
            why = f"{d.text} ({d.where})" + (f": {d.note}" if d.note else "")
            for ka in a:
                identity.nodes[ka].apart += tuple((kb, why) for kb in sorted(b) if kb != ka)
            for kb in b:
                identity.nodes[kb].apart += tuple((ka, why) for ka in sorted(a) if ka != kb)
        identity.unused = [d for d in self.decisions if not self.match(d.left) or not self.match(d.right)]
        return identity

    def spanning(self, members: list[int], base: str) -> dict[str, tuple[str, float, str]]:
        """For each key of a node, the join that first reached it from the node's own key (strongest joins first)."""
        import heapq

        inside = set(members)
        reached: dict[str, tuple[str, float, str]] = {}
        seen = {i for i in members if self.locals[i].key == base}
        keys_seen = {base}
        heap = [(-e[3], n, e) for n, i in enumerate(sorted(seen)) for e in self.edges.get(i, ())]
        heapq.heapify(heap)
        order = len(heap)
        same = {i: [j for j in self.by_key[self.locals[i].key] if j in inside] for i in members}
        while heap:
            _, _, (a, b, rule, score, detail) = heapq.heappop(heap)
            for j in (a, b):
                if j in seen:
                    continue
                for k in same[j]:  # a key reached is reached in every article
                    if k in seen:
                        continue
                    seen.add(k)
                    if self.locals[k].key not in keys_seen:
                        keys_seen.add(self.locals[k].key)
                        reached[self.locals[k].key] = (rule, score, detail)
                    for e in self.edges.get(k, ()):
                        order += 1
                        heapq.heappush(heap, (-e[3], order, e))
        return reached

    def node(self, canonical: str, key: str, members: list[int], keys: Counter) -> Node:
        from kg.gazetteer import entries

        locs = [self.locals[i] for i in members]
        etype = Counter(x.type for x in locs).most_common(1)[0][0]
        entry, known = entries().get(key), self.known.get(key)
        if entry is not None:
            label, wikidata, source = entry.label, entry.wikidata, entry.source
        elif known is not None:
            label, wikidata, source = known.name, known.wikidata, known.source
        else:
            label, wikidata, source = self._label(key), "", ""
        names: Counter = Counter()
        for x in locs:
            for n in dict.fromkeys((x.label, *x.names)):
                names[n] += 1
        node = Node(canonical, etype, label, names, {x.article for x in locs}, wikidata, source)
        if known is not None:
            node.former = tuple((n, until, known.source) for n, until in known.former)
        renames = [(self._label(old), date) for article, old, new, date in self.index.renames
                   if new in keys and old in keys and old != new]
        node.former += tuple((n, "", f"stated in an article of {d}") for n, d in renames if n not in {f[0] for f in node.former})
        if etype == "Person":
            node.affiliations = affiliations(names, frozenset().union(*(x.context | x.roles_of for x in locs)))
        return node


def _distance1(a: str, b: str) -> bool:
    """One substitution, insertion or deletion apart."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=False)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


# -- Phoenix: known people's state and sector, dated -----------------------------------------------


@lru_cache(maxsize=1)
def _phoenix_people() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for row in resources.jsonl("actors.jsonl"):
        if row["type"] == "Person":
            for name in row["names"]:
                out[fold(name)].append(row)
    return out


def affiliations(names: Iterable[str], context: frozenset[str]) -> tuple[tuple[str, str, str, str, str, str], ...]:
    """(state key, sector, code, from, to, source) of the Phoenix office holder a person's full name matches, when one of
    the person's articles names that state (a name alone is not enough: 'Abdul Qadir' names many people)."""
    from kg.gazetteer import state_by_iso3

    out = []
    for name in names:
        if PersonName.parse(name) is None:
            continue
        for row in _phoenix_people().get(fold(name), ()):
            states = {state_by_iso3().get(c["country"], "") for c in row["codes"]}
            if not states & context:
                continue
            for c in row["codes"]:
                state = state_by_iso3().get(c["country"], "")
                if state:
                    out.append((state, c["sector"], c["code"], c["from"], c["to"], row["source"]))
    return tuple(sorted(set(out)))
