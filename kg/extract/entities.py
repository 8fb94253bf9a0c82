"""Mentions of actors, places and products from a parsed Doc.

Reads `doc.ents` as corrected by the nlp stage and writes Mention records:
names typed Person / Organization / State / Place, demonyms as mentions of
their state, capitals used for a government ("Belgrade rejected") as mentions
of the state, products named by their maker and model ("Boeing 787") or by a
company's possessive ("Apple's OS X Tiger"), and nominal mentions ("the Serbian
president", "the president of Serbia", "Apple CEO" before "Steve Jobs") for
coreference. Referring words are resolved here when the text
leaves no doubt: "he"/"she" as a subject to the one named person of the
previous sentence and this one, "the company"/"the ministry" to the one
organization of the last sentences that the word fits.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from kg import resources
from kg.gazetteer import (
    body_heads,
    business_nouns,
    by_name,
    capitals,
    city_posts,
    entries,
    financial_nouns,
    motion_verbs,
    names_state_body,
    person_nouns,
    place_nouns,
    speech_verbs,
    state_of_body,
    title_by_id,
    title_prefixes,
    titles,
)
from kg.ids import slug
from kg.nlp import doc_text, name_head, of_last_doc, own_possessive, strip_the, title_spans, titled_tokens, tokens_with, word_union
from kg.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PERSON_KEY_PREFIX = "person-"  # the keys of people named in the article ('person-aleksandar-vucic')
BODY_KEY_PREFIXES = ("state-", "org-")  # the keys of states and organisations (gazetteer ids, `organization_key`)
ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "dobj", "appos"}
ACTOR_PREPS = {"between", "by", "with", "against"}
NOMINAL_HEADS = frozenset({"counterpart", "capital"})



def ents(doc: Doc) -> tuple[Span, ...]:
    """doc.ents, built once per Doc."""
    return of_last_doc(doc, "ents", lambda d: tuple(d.ents))


def extract_mentions(doc: Doc) -> list[Mention]:
    """Every mention of an actor or place in the doc, in text order."""
    out = []
    titles = title_spans(doc)
    seats = _seats_owning_titles(doc, titles)
    for ent in ents(doc):
        if ent.label_ == "ORG" and not ent.ent_id_ and any(t.start <= ent.start and ent.end <= t.end for t in titles):
            continue  # "State" in "Secretary of State" is part of a title, not an organization
        mention = _mention(ent, seats.get(ent.start, ""))
        if mention is not None:
            out.append(mention)
    out = place_demonyms(doc, units_of_organizations(out))
    out.extend(product_mentions(doc))
    out.extend(possessed_mentions(doc))
    out.extend(nominal_mentions(doc))
    pairs = pair_mentions(doc)
    out = [m for m in out if not any(p.start <= m.start and m.end <= p.end for p in pairs)]  # 'Koreas' in 'the two Koreas'
    out.extend(pairs)
    back = title_back_mentions(doc, out)
    taken = {(m.start, m.end) for m in back}
    out = [m for m in out if not (m.rule == "nominal-title" and (m.start, m.end) in taken)] + back
    out.extend(title_before_name_mentions(doc, out))
    out.extend(pronoun_mentions(doc, out))
    out.extend(body_mentions(doc, out))
    out.extend(police_mentions(doc, out))
    out.extend(army_mentions(doc, out))
    return sorted(apposed_states(doc, out), key=lambda m: (m.start, m.end))


APPOSED_STATE_DEPS = {"poss", "amod", "compound"}


def apposed_states(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A person named with an apposition that gives them a state and says what kind of person they are belongs to that
    state: "Ana Costa, Brazil's chief negotiator", 'Salah Idris, Algeria's leading rights activist', 'Nadia Farouk,
    an Egyptian blogger' (`of`, as "Brazil's foreign minister" has it); the apposition's head a person noun of
    WordNet (kg/data/person_nouns.jsonl); not a place apposed ('Ana Costa, a Brazilian city councillor from Lisbon'
    keeps Brazil) nor a name with no person noun ('Ana Costa, Brazil's hope').

    A person the article gives a state some other way (a title) keeps it."""
    states = [m for m in mentions if m.type == "State"]
    out = []
    for m in mentions:
        if m.type != "Person" or m.of or m.rule != "ner-person" or (span := doc.char_span(m.start, m.end)) is None:
            out.append(m)
            continue
        heads = [c for c in span.root.children if c.dep_ == "appos" and c.i > span.root.i and c.pos_ == "NOUN"
                 and c.lemma_.lower() in person_nouns()]
        owners = [s.key for h in heads for c in h.children if c.dep_ in APPOSED_STATE_DEPS and c.i < h.i
                  for s in states if s.start <= c.idx < s.end]
        out.append(replace(m, of=owners[0]) if len(set(owners)) == 1 else m)
    return out


DEMONYM_ENDINGS = ("n", "an", "ian", "i", "ese")  # English demonym suffixes: Crimea-n, Tigray-an, Kashmir-i, Darfur-i


def place_demonyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'the Tigrayan side', 'Crimean Tatars' in an article that names Tigray, Crimea: a word made of a place's
    one-word name and a demonym ending, which the gazetteer does not know, points to that place (as 'Serbian' points
    to Serbia), whatever the model called it."""
    places = {m.text: m.key for m in mentions if m.type == "Place" and m.text.isalpha() and m.text[:1].isupper()}
    if not places:
        return mentions
    from spacy.attrs import ORTH

    forms = {name + end: key for name, key in places.items() for end in DEMONYM_ENDINGS}
    found = {}
    for token in tokens_with(doc, ORTH, frozenset(forms)):  # tagged by the model or not ('Kashmiri leaders')
        ent = next((e for e in ents(doc) if e.start <= token.i < e.end), None)
        if ent is not None and (ent.ent_id_ or len(ent) > 1):
            continue  # a gazetteer's demonym, or a word of a longer name
        found[token.idx] = Mention(type="Place", rule="place-demonym", key=forms[token.text], start=token.idx,
                                   end=token.idx + len(token), text=token.text, sentence=sentence_text(doc[token.i:token.i + 1]))
    if not found:
        return mentions
    return [m for m in mentions if m.start not in found] + list(found.values())


def paragraph_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """(first, last + 1) character of the paragraph (text between blank lines) holding text[start:end].

    >>> paragraph_bounds("One.\\n\\nTwo three.\\n\\nFour.", 8)
    (6, 16)
    """
    cut = text.rfind("\n\n", 0, start)
    stop = text.find("\n\n", start if end is None else end)
    return (cut + 2 if cut >= 0 else 0), (len(text) if stop < 0 else stop)


DOUBLE_MARKS = "\"\u201c\u201d"
# a double mark, or a single one in the shape of an opening ("'We", "\u2018We") or a closing mark ("go,'", "go.\u2019")
QUOTE_MARKS = re.compile(r"[\"\u201c\u201d]|(?<!\w)['\u2018](?=\w)|(?<=[\w.,!?])['\u2019](?!\w)")


def quotations(text: str) -> list[tuple[int, int]]:
    """Quoted passages of `text`, (opening mark, closing mark + 1): see `_quotations`; found once for the article's text,
    which three extractors ask of."""
    return list(_last_quotations(text))


@lru_cache(maxsize=2)
def _last_quotations(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_quotations(text))


def _quotations(text: str) -> list[tuple[int, int]]:
    """Quoted passages, (opening mark, closing mark + 1), their marks paired in turn within each paragraph (a
    mark's shape is no guide: a typed '\u201c' can close, and '," [' can open).

    A paragraph with an odd number of marks holds a quotation that goes on into the next paragraph or one
    that goes on from the paragraph before. News leaves a quotation open at its paragraph's end and opens the
    next paragraph with a mark of its own ('Scholz said: "A.' NEW PARAGRAPH '"B," he added.'): the open
    quotation ends with its paragraph, as if closed after its last character. When the next paragraph's first
    mark closes instead (it follows a word) and its marks are odd too, the quotation runs on to that mark.

    >>> text = 'He said: "We will not go.\\n\\n"Never," he added. A "term" here.\\n\\nShe said, "Yes.\\n\\nNo," then.'
    >>> [text[s + 1:e - 1] for s, e in _quotations(text)]
    ['We will not go', 'Never,', 'term', 'Yes.\\n\\nNo,']
    """
    out: list[tuple[int, int]] = []
    start, running = 0, False
    while start < len(text):
        stop = text.find("\n\n", start)
        stop = len(text) if stop < 0 else stop
        marks = [m.start() for m in QUOTE_MARKS.finditer(text, start, stop)]
        double = [m for m in marks if text[m] in DOUBLE_MARKS]
        if marks and not double:
            out += _single_quotations(text, marks)
            start, running = stop + 2, False
            continue
        single, marks, first = [m for m in marks if text[m] not in DOUBLE_MARKS], double, len(out)
        if running and len(marks) % 2 and marks[0] > start and not text[marks[0] - 1].isspace():
            out[-1] = (out[-1][0], marks.pop(0) + 1)  # the quotation of the paragraph before ends at this paragraph's first mark
        for opened, closed in zip(marks[::2], marks[1::2], strict=False):  # an odd last mark is left open
            if closed - opened > 2:
                out.append((opened, closed + 1))
        opened, end = (marks[-1] if len(marks) % 2 else stop), start + len(text[start:stop].rstrip())  # the paragraph alone: linear
        running = end - opened > 3
        if running:
            out.append((opened, end + (text[end - 1] not in ".!?,;:")))  # the last character stays a word's
        inside = out[max(0, first - 1):]
        single = [m for m in single if not any(s <= m < e for s, e in inside)]
        if single:  # 'called it "a" vote. \'B,\' the ministry said.': single marks outside the double quotations
            out[first:] = sorted(out[first:] + _single_quotations(text, single))
        start = stop + 2
    return out


def _single_quotations(text: str, marks: list[int]) -> list[tuple[int, int]]:
    """Quotations of a paragraph that uses single marks only ("'We will go,' he said.", "\u2018We will go\u2019"): each
    opening mark pairs with the next closing one; a closing shape with no quotation open is an apostrophe
    ("the ministers' talks")."""
    out, opened = [], None
    for mark in marks:
        opening = text[mark] != "\u2019" and (mark == 0 or not text[mark - 1].isalnum()) and text[mark + 1:mark + 2].isalnum()
        if opened is None and opening:
            opened = mark
        elif opened is not None and not opening and mark - opened > 2:
            out.append((opened, mark + 1))
            opened = None
    return out


def sentence_text(span: Span) -> str:
    """The text of the sentence a span starts in, the span's own text when the Doc has no sentences: an evidence's
    sentence (spaCy finds a span's sentence by walking the tokens at each ask)."""
    doc = span.doc
    if not doc.has_annotation("SENT_START"):
        return span.text
    starts, texts = of_last_doc(doc, "sentences", _sentences)
    return texts[bisect.bisect_right(starts, span.start) - 1]


def _sentences(doc: Doc) -> tuple[list[int], list[str]]:
    sents, text = list(doc.sents), doc_text(doc)
    return [s.start for s in sents], [text[s.start_char:s.end_char] for s in sents]  # slices: Span.text joins tokens


def _seats_owning_titles(doc: Doc, titles: tuple[Span, ...]) -> dict[int, str]:
    """Token start of a seat of power written as a title's owner ('Kremlin spokesman') -> the key of its office."""
    out = {}
    for title in titles:
        owner = owner_before_title(doc, title.start) if title.start else None
        if owner is not None and owner.id_ and owner.id_ != owner.ent_id_ and (
                owner.ent_id_ in capitals() or owner.ent_id_ in entries() and entries()[owner.ent_id_].extra.get("seat_of_body")):
            out[owner.start] = owner.id_
    return out


POSSESSIVES = {"'s", "\u2019s", "'", "\u2019"}


def _mention(ent: Span, seat_of: str = "") -> Mention | None:
    label, gid = ent.label_, ent.ent_id_  # read first: a slice of an entity span is a plain span, with no label
    if len(ent) > 1 and ent[-1].text in POSSESSIVES and not own_possessive(ent.doc, ent, ent.end):
        ent = ent[:-1]  # "Civic Passion's": the possessive is not part of the name
    if label == "ORG" and not gid:
        ent = _owner_of_possessed(ent)
    base = {"start": ent.start_char, "end": ent.end_char, "text": ent.text, "sentence": sentence_text(ent)}
    if label == "PERSON":
        return Mention(type="Person", rule="ner-person", key=f"{PERSON_KEY_PREFIX}{slug(ent.text)}", **base)
    if label == "NORP" and ent.root.dep_ == "acomp":
        return None  # 'This law is Russian in its essence': a quality said of something, no state named
    if gid:
        entry = entries()[gid]
        if entry.type == "Place" and gid in capitals() and _region_of_place(ent):
            # 'Everett, Washington': the region the place before it lies in, not the capital of that name
            return Mention(type="Place", rule="region-after-place", key=f"place-{slug(ent.text)}", **base)
        if entry.type == "Place" and gid in capitals() and _used_as_actor(ent) and not _dateline(ent) \
                and (entry.extra.get("seat_of_government") or (entry.extra.get("population") or 0) >= SMALL_CAPITAL
                     or capitals()[gid] in states_named(ent.doc) or not states_named(ent.doc)):
            return Mention(type="State", rule="capital-as-government", key=capitals()[gid], **base)
        if entry.extra.get("seat_of_body") and _used_as_actor(ent) and not _dateline(ent):
            # 'the Pentagon said': the building that names the body it houses (the Department of Defense), acting
            return Mention(type="Organization", rule="seat-as-body", key=organization_key(entry.label), **base)
        if seat_of:  # 'Pentagon spokesman': the building stands for the body it houses
            if entry.extra.get("seat_of_body"):
                return Mention(type="Organization", rule="seat-as-body", key=seat_of, **base)
            # 'Kremlin spokesman', 'White House press secretary': the office of the head of state or government that
            # sits there owns the post, an organization under the seat's name (`seat_of_government`)
            return Mention(type="Organization", rule="seat-as-office", key=seat_of, **base)
        rule = "gazetteer-demonym" if label == "NORP" else f"gazetteer-{entry.type.lower()}"
        return Mention(type=entry.type, rule=rule, key=gid, **base)
    if label == "ORG":
        return Mention(type="Organization", rule="ner-org", key=organization_key(ent.text), **base)
    if label in {"GPE", "LOC", "FAC"}:
        return Mention(type="Place", rule=f"ner-{label.lower()}", key=f"place-{slug(strip_the(ent.text))}", **base)
    return None


SMALL_CAPITAL = 100_000  # people (kg/data/cities.jsonl, Natural Earth): a smaller capital's name names other places more often


def states_named(doc: Doc) -> frozenset[str]:
    """The gazetteer ids of the states the Doc names by name or demonym. A small capital (under SMALL_CAPITAL people)
    acts for its state only in an article that names the state or names no state at all: 'Victoria's Police Minister'
    in an article on Melbourne and Australia is the Australian state, not the government of the Seychelles, whose
    capital is Victoria; 'Moscow said ... accused Kyiv' acts for Russia whether or not Russia is named."""
    return of_last_doc(doc, "states_named", lambda d: frozenset(
        e.ent_id_ for e in ents(d) if e.ent_id_ and entries()[e.ent_id_].type == "State"))


def _owner_of_possessed(ent: Span) -> Span:
    """"Apple's C.E.O.", "Apple Computer's Mac OS" read as one organization: the owner before the possessive, when
    the text names it on its own elsewhere as an organization ("People's Party", named only whole, stays whole)."""
    cut = next((t.i for t in ent[1:] if t.text in POSSESSIVES and t.tag_ == "POS"), None)
    if cut is None:
        return ent
    owner = ent.doc[ent.start:cut]
    alone = {(e[:-1] if e[-1].text in POSSESSIVES else e).text for e in ents(ent.doc) if e.label_ == "ORG" and e.start != ent.start}
    return owner if owner.text in alone else ent


def product_mentions(doc: Doc) -> list[Mention]:
    """Models the nlp stage found (PRODUCT spans with a model code): 'Boeing 787', "Boeing's 747", and 'the 787',
    'A380s' alone. A model right after its maker's name is named with it (the maker keeps a mention of its own);
    a model alone is the one its maker names in the article ('787' where the text says 'Boeing 787'), else the
    code alone ('product-a380', which identity across articles may join to the one maker's model)."""
    from kg.nlp import model_code, model_end

    found = []  # (maker span or None, model span)
    for ent in ents(doc):
        if ent.label_ != "PRODUCT" or not model_code(ent[0].text):
            continue
        i = ent.start - (ent.start > 0 and doc[ent.start - 1].tag_ == "POS")
        maker = next((e for e in ents(doc) if e.end == i and e.label_ == "ORG"), None) if i > 0 else None
        found.append((maker, ent))
    alone = {strip_the(e.text) for e in ents(doc) if e.label_ == "ORG"}
    makers: dict[str, set[str]] = {}
    for maker, ent in found:
        if maker is not None:
            makers.setdefault(model_code(ent[0].text), set()).add(_maker_name(maker, alone))
    out = []
    for maker, ent in found:
        code = model_code(ent[0].text) + "".join(t.text.upper() for t in doc[ent.start + 1:model_end(doc, ent.start)])
        by = {_maker_name(maker, alone)} if maker is not None else makers.get(model_code(ent[0].text), set())
        name = f"{next(iter(by))} {code}" if len(by) == 1 else code
        span = doc[maker.start:ent.end] if maker is not None else ent
        rule = "model-of-maker" if maker is not None else "model"
        out.append(Mention(type="Product", rule=rule, key=f"product-{slug(name)}", start=span.start_char, end=span.end_char,
                           text=span.text, sentence=sentence_text(span)))
    return out


MAX_POSSESSED = 4  # name words after "COMPANY's"


def possessed_mentions(doc: Doc) -> list[Mention]:
    """"Apple's OS X Tiger", "Apple Computer's Mac OS X": a company's possessive before a name that is no entity, no
    title and no model code is a product of that company, named with it.

    The company is an organization the gazetteer does not know (NATO's, the EU's are bodies, not makers) and keeps
    its own mention; the name runs over at most four capitalised words ('iTunes' counts). The product's key is its
    name ('product-mac-os-x'): the maker's may be written otherwise in another article ('Apple Computer's', 'Apple's').
    """
    from kg.nlp import model_code

    titled = titled_tokens(doc)
    in_ent = {i: e for e in ents(doc) for i in range(e.start, e.end)}
    out = []
    for ent in ents(doc):
        if ent.label_ != "ORG" or ent.ent_id_:
            continue
        cut = next((t.i for t in ent if t.text in POSSESSIVES and t.tag_ == "POS"), None)
        if cut is None:
            if ent.end >= len(doc) or doc[ent.end].tag_ != "POS":
                continue
            cut = ent.end
        if cut == ent.start or _people_possessive(doc[cut - 1]):
            continue
        end = cut + 1
        while (end < len(doc) and end - cut <= MAX_POSSESSED and end not in titled and not doc[end].is_space
               and any(c.isupper() for c in doc[end].text) and doc[end].is_alpha
               and (end < ent.end or end not in in_ent)):
            end += 1
        words = doc[cut + 1:end]
        if not len(words) or end - cut > MAX_POSSESSED or model_code(words[0].text):
            continue
        span = doc[ent.start:end]
        out.append(Mention(type="Product", rule="possessed-name", key=f"product-{slug(words.text)}",
                           start=span.start_char, end=span.end_char, text=span.text, sentence=sentence_text(span)))
    return out


def _people_possessive(word: Token) -> bool:
    """"People's", "Workers'": a possessive of a people noun of the Phoenix agents inside a body's name ("the Tigray
    People's Liberation Front", "the Workers' Party") names no maker of a product."""
    from kg.gazetteer import person_heads

    lower = word.lower_
    heads = word_union(body_heads(), person_heads())
    return lower in heads or lower[:-1] in heads


def _maker_name(maker: Span, alone: set[str]) -> str:
    """The maker's name: its gazetteer label, else the shortest organization the text names alone that ends its span
    ('Airbus' for 'First Airbus' in a headline), else its text without a corporate suffix."""
    if maker.ent_id_:
        return entries()[maker.ent_id_].label
    text = strip_the(maker.text)
    shorter = [a for a in alone if text.endswith(" " + a)]
    return CORPORATE_SUFFIX.sub("", min(shorter, key=len) if shorter else text)


def units_of_organizations(mentions: list[Mention]) -> list[Mention]:
    """'Boeing Commercial Airplanes', 'the Apple Worldwide Developers Conference' where the article says 'Boeing',
    'Apple' more often: a name that runs on past an organization's one-word name with two or more common words is a
    unit, event or product of it, not its full name, and so is a meeting named after it however often each is written;
    the mention records the owner in `of` (resolve keeps the two apart). One common word after the short name is the
    kind of body it is ('Labour Party', 'Toyota Motor Corporation', 'AirTran Airways'): the full name. So is a name
    that runs on with a name ('Northrop Grumman'), or one the article uses more than the short one."""
    from kg.nlp import is_dictionary_word

    names = [m for m in mentions if m.rule == "ner-org"]
    counts = Counter(m.text for m in names)
    out = []
    for m in mentions:
        words = CORPORATE_SUFFIX.sub("", strip_the(m.text)).split()
        tail = words[1:-1] if words[-1].lower() == "company" else words[1:]
        meeting = words[-1].lower() in meeting_nouns() and counts[words[0]] > 0  # 'Apple ... the Apple Developers Conference'
        if m.rule == "ner-org" and len(tail) > 1 and (counts[words[0]] > counts[m.text] or meeting) and all(
                w.isalpha() and is_dictionary_word(w) for w in tail):
            m = replace(m, of=organization_key(words[0]))
        out.append(m)
    return out


CORPORATE_SUFFIX = re.compile(r"[,\s]+(inc|incorporated|corp|corporation|co|ltd|limited|plc|llc|ag|sa|nv|n\.v|se|gmbh)\.?$", re.I)


def organization_key(name: str) -> str:
    """Key of an organization the gazetteer does not know: 'the State Department' -> 'org-state-department'.

    A corporate suffix is not part of the name: 'Apple Inc.' and 'Apple' are one key.

    >>> organization_key("Apple Inc."), organization_key("the Apple")
    ('org-apple', 'org-apple')
    """
    return f"org-{slug(CORPORATE_SUFFIX.sub('', strip_the(name)))}"


def _region_of_place(ent: Span) -> bool:
    """'PLACE, NAME': a name after a place and a comma names the region the place lies in ('Everett, Washington'),
    unless the two are items of a list ('Brussels, Belgrade and Pristina', 'Paris, London, Washington') or the name
    opens a clause that reports the one before the comma ('Troops leave Gao, Paris says')."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].text != "," or doc[ent.start - 2].ent_type_ not in {"GPE", "LOC"}:
        return False
    first = doc[ent.start - 2]
    while first.i > 0 and doc[first.i - 1].ent_type_ == first.ent_type_:
        first = doc[first.i - 1]
    root = ent.root
    if root.dep_ == "nsubj" and any(c.dep_ in {"ccomp", "parataxis"} and c.i < ent.start for c in root.head.children):
        return False  # 'Indonesia seizes trawler off Natuna, Beijing protests': the subject of a clause that reports
        # the one before the comma, not the region the place lies in
    after = doc[ent.end] if ent.end < len(doc) else None
    then = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
    listed = after is not None and (after.lower_ in {"and", "or"} or (
        after.text == "," and then is not None and (then.ent_type_ in {"GPE", "LOC"} or then.lower_ in {"and", "or"})))
    return not listed and not (first.i > 0 and doc[first.i - 1].text == ",")


def _dateline(ent: Span) -> bool:
    """The place a wire story was filed from, first on its line before a comma or a bracket: 'MOSCOW, March 5 -',
    'Belgrade (Reuters) -'. The parser may read it as the subject of the sentence after it; it names no government."""
    doc = ent.doc
    first = ent.start == 0 or "\n" in doc[ent.start - 1].text or "\n" in doc[ent.start - 1].whitespace_
    return first and ent.end < len(doc) and doc[ent.end].text in {",", "("}


def _used_as_actor(ent: Span) -> bool:
    """A capital names its government when it acts: subject, agent, 'between X and Y', possessor. Named in apposition
    to a place noun ('the nation's capital, Wellington', 'the city of X') it is the city, and so it is as the possessor
    of a city's post ("Rome's mayor": `city_posts`)."""
    head = ent.root
    if head.dep_ == "poss" and head.head.lower_ in city_posts():
        return False
    while head.dep_ in {"conj", "appos"} and head.head.i != head.i:
        if head.dep_ == "appos" and head.head.lemma_.lower() in word_union(place_nouns(), NOMINAL_HEADS):
            return False
        head = head.head
    if head.dep_ == "dobj" and _gone_to(head.head):
        return False
    if head.dep_ in ACTOR_DEPS:
        return True
    if head.dep_ == "pobj":
        prep = head.head
        return prep.lower_ in ACTOR_PREPS or prep.dep_ == "agent"
    return False


def _gone_to(verb: Token) -> bool:
    """A verb whose object is a place gone to or fought over: one of motion or fighting ('Troops entered Khartoum',
    'Russian drones struck Kyiv'; kg/data/motion_verbs.jsonl) or of a visit (the Visit rows of the trigger lexicon:
    'Blinken visited Kyiv'), with no clause after the object that tells it what to do ('Washington pushed Kyiv to
    negotiate': the government)."""
    return ((verb.lemma_ in motion_verbs() or verb.lemma_ in _visit_verbs())
            and not any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children))


@lru_cache(maxsize=1)
def _visit_verbs() -> frozenset[str]:
    """The verbs of the Visit rows of the hand-made trigger lexicon (kg/data/event_triggers.jsonl)."""
    return frozenset(lemma for row in resources.jsonl("event_triggers.jsonl")
                     if row["kind"] == "Visit" and row["pos"] == "VERB" for lemma in row["lemmas"])


def nominal_mentions(doc: Doc) -> list[Mention]:
    """'the Serbian president', "Kosovo's prime minister", 'his Serbian counterpart'.

    A title or 'counterpart' after a demonym or a possessive state, with no
    name following it, refers back to a person; resolve decides which.
    """
    out = []
    heads = [(t.start, t.end, t.label_) for t in title_spans(doc)]
    from spacy.attrs import LOWER

    heads += [(t.i, t.i + 1, "") for t in tokens_with(doc, LOWER, NOMINAL_HEADS)]
    for start, end, title in heads:
        if end < len(doc) and _is_name(doc[end]):
            continue  # 'President Hashim Thaci': a title before a name, not a nominal mention
        owner = owner_before_title(doc, start)
        if owner is None:
            owner = _owner_of(doc, start, end)  # 'the president of Serbia'
            if owner is None or doc[start].lower_ == "capital":
                continue
            span = doc[start - 1:owner.end]
        else:
            i = _owner_word(doc, start)  # "The commission's chairman": the owner named before, the mention its words here
            the = _article_before(doc, i)
            first = owner.start if owner.start <= i < owner.end else i if the is None else the
            if first > 0 and doc[first - 1].lower_ in {"the", "his", "her", "their", "its"}:
                first -= 1
            span = doc[first:end]
        base = {"start": span.start_char, "end": span.end_char, "text": span.text, "sentence": sentence_text(span)}
        if doc[start].lower_ == "capital":
            capital = entries()[gazetteer_id(owner)].capital if gazetteer_id(owner) else ""
            if capital:
                out.append(Mention(type="Place", rule="nominal-capital", key=capital, **base))
            continue
        role = role_name(doc[start:end].text, title_by_id().get(title, {}).get("role", ""))
        row, of = title_by_id().get(title, {}), gazetteer_id(owner)
        if "in_state" in row and of in entries() and entries()[of].type == "State":
            role = title_by_id()[row["in_state"]]["role"]  # "Ghana's top diplomat": its Foreign Minister, as roles read it
        if not role and doc[start].lower_ != "counterpart":
            continue
        rule = "nominal-title" if owner.start < start else "nominal-title-of"
        out.append(Mention(type="Person", rule=rule, key=f"nominal-{span.start_char}", role=role,
                           of=gazetteer_id(owner) or organization_key(owner.text), **base))
    return out


def title_back_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'the minister', 'the spokesman', 'the former president' with no owner and no name: the one person the article
    introduced earlier with a title of that head word ('Foreign Minister Pavel Novak ... the minister told reporters').

    The person was introduced by a title right before the name or in apposition right after it
    ('Pavel Novak, the foreign minister,'); two people introduced with that head word block it. A past marker
    must agree: 'the former president' is one introduced as 'former President X', and 'the president' is not. A
    title of more words names its own office: 'the prime minister' is one introduced as 'Prime Minister X', not
    'Foreign Minister Y' or 'Y, the deputy prime minister'. Of two holders, one introduced in the title's own
    paragraph is the one meant ('Premier Li ...' NEW PARAGRAPH 'Prime Minister X defended it. "...," the prime
    minister said').
    """
    spans = [(t.start, t.end, t.label_) for t in title_spans(doc)]
    people = [m for m in mentions if m.type == "Person" and m.rule == "ner-person"]
    introduced: list[tuple[int, str, bool, Mention, bool]] = []  # (character offset, title id, past, person, owned)
    chain = {start: end for start, end, _ in spans}
    for start, end, title in spans:
        if not _title_head(title):
            continue
        while end in chain:
            end = chain[end]  # 'Army spokesman Colonel Arun Chai': both titles introduce him
        after = next((m for m in people if m.start == doc[end].idx), None) if end < len(doc) else None
        if after is None and end + 1 < len(doc) and (_the_before(doc, start, DESCRIBING) is not None or _owner_lead(doc, start)):
            comma = doc[end].right_edge.i + 1 if doc[end].lower_ in {"of", "for"} and doc[end].head.i == end - 1 else end
            # 'The governor of Ouaddai province, NAME,': the parser may hang the name on the owner's noun, so the
            # owner's phrase ends at its first comma, not past the name
            comma = next((k for k in range(end + 1, comma) if doc[k].text == ","), comma)
            if comma + 1 < len(doc) and doc[comma].text == ",":  # 'his spokesman, Stéphane Dujarric,', 'the speaker
                after = next((m for m in people if m.start == doc[comma + 1].idx), None)  # of parliament, Woo Won-shik,'
        before = next((m for m in people if start >= 2 and doc[start - 1].lower_ == "the" and doc[start - 2].text == ","
                       and m.end == doc[start - 2].idx), None)
        if before is None and (lead := _the_before(doc, start, DESCRIBING)) is not None and lead >= 1 and doc[lead - 1].text == ",":
            before = next((m for m in people if m.end == doc[lead - 1].idx), None)  # 'Stéphane Dujarric, a UN spokesman,'
        if before is None and (lead := _possessive_lead(doc, start)) is not None and lead >= 1 and doc[lead - 1].text == ",":
            before = next((m for m in people if m.end == doc[lead - 1].idx), None)  # "NAME, Serbia's minister,"
        past = past_marked(doc[max(0, start - 2):start])
        owned = owner_before_title(doc, start) is not None or end < len(doc) and doc[end].lower_ in {"of", "for"}
        for person in (after, before):
            if person is not None:
                introduced.append((doc[start].idx, title, past, person, owned))
    out = []
    for start, end, title in spans:
        the, head = _the_before(doc, start), _title_head(title)
        if not head or (end < len(doc) and _is_name(doc[end])):
            continue
        owner = owner_before_title(doc, start)
        if owner is not None or _owner_of(doc, start, end) is not None:
            if owner is not None and (back := _owned_title_back(doc, start, title, owner, introduced, mentions, people)):
                out.append(back)  # 'President Emmanuel Macron spoke. "...," the French president said'
            continue  # else 'the Serbian president', 'the president of Serbia': nominal_mentions reads those
        if the is None:
            continue
        if end < len(doc) and doc[end].lower_ in {"of", "for"}:
            continue  # 'the spokesman for the army': a description of someone else
        past = past_marked(doc[the + 1:start])
        earlier = [(at, p) for at, t, was, p, _ in introduced if was == past and at < doc[start].idx
                   and (t == title if end - start > 1 else _title_head(t) == head)]
        if len({_person_name(p, people) for _, p in earlier}) != 1:  # two holders: one introduced in this paragraph
            here = paragraph_bounds(doc_text(doc), doc[start].idx)[0]
            holders, earlier = earlier, [(at, p) for at, p in earlier if at >= here]
            if not earlier:  # or the one holder named again in it ('Kiprono said ... "...," the outgoing minister said')
                named = {_person_name(m, people) for m in people if here <= m.start < doc[start].idx}
                earlier = [(at, p) for at, p in holders if _person_name(p, people) in named]
            if not holders and (subject := _subject_before(doc, start, end, title, people)) is not None:
                earlier = [(subject.start, subject)]
            if len({_person_name(p, people) for _, p in earlier}) != 1:
                continue
        span = doc[the:end]
        out.append(Mention(start=span.start_char, end=span.end_char, text=span.text, type="Person",
                           rule="nominal-back-title", key=earlier[-1][1].key, sentence=sentence_text(span)))
    return out


def _owned_title_back(doc: Doc, start: int, title: str, owner: Span, introduced: list[tuple[int, str, bool, Mention, bool]],
                      mentions: list[Mention], people: list[Mention]) -> Mention | None:
    """'President Emmanuel Macron addressed the summit. "...," the French president told the assembly': a title with an
    owner's demonym or possessive and no name is the one person the article introduced before with that same title and
    no owner ('US President Joe Biden ... the French president' is not Biden, nor 'NAME, the leader of the Labour Party'
    'the Chinese leader': an owner introduced with the title is matched through the roles, in resolve; two such people,
    or a past marker that differs, block it); not a title in apposition to a name ('The Ivorian interior minister, NAME,',
    'NAME, the Ivorian interior minister,'). The nominal mention of the phrase gives way to this one."""
    of = gazetteer_id(owner)
    past = past_marked(doc[max(0, start - 2):start])
    earlier = [p for at, t, was, p, owned in introduced if t == title and was == past and at < doc[start].idx and not owned]
    if not of or len({_person_name(p, people) for p in earlier}) != 1:
        return None
    nominal = next((m for m in mentions if m.rule == "nominal-title" and m.start <= doc[start].idx < m.end), None)
    if nominal is None:
        return None
    text = doc_text(doc)  # a title in apposition to a name introduces that person: 'The Ivorian interior minister, NAME,'
    if any(text[nominal.end:p.start].strip() == "," or text[p.end:nominal.start].strip() == "," for p in people):
        return None
    return Mention(start=nominal.start, end=nominal.end, text=nominal.text, type="Person", rule="nominal-back-title",
                   key=earlier[-1].key, sentence=nominal.sentence)


def _subject_before(doc: Doc, start: int, end: int, title: str, people: list[Mention]) -> Mention | None:
    """Who 'the TITLE' is when no one was introduced with that title: the subject of the sentence before, when the
    title is the subject of its own and that sentence names one person ('Justice Robert Beech-Jones sentenced him.
    "...," the judge told the court'; 'Müller, 62, has run Porsche. "...," the new chief executive said'), or one
    person as its main verb's subject, the others in what it reports ('Justice NAME said Hale had lied. "...," the
    judge told Hale'). Not an official's title, which names someone new as often ('Putin arrived. The spokesman
    said ...')."""
    if title_by_id().get(title, {}).get("kind") == "official" or doc[start:end].root.dep_ not in SUBJECT_DEPS:
        return None
    the = _the_before(doc, start)
    if the is not None and the >= 2 and doc[the - 1].text == "," and any(m.end == doc[the - 2].idx + len(doc[the - 2]) for m in people):
        return None  # 'Selma Rekik, the tourism minister, said': a title apposed to the name beside it, no reference back
    sent = doc[start].sent
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    if any(before.start <= t.start < start and _title_head(t.label_) == _title_head(title) for t in title_spans(doc)):
        return None  # 'Former President X spoke. The president said', 'X, an aide to the minister, ... the minister said'
    window = [m for m in people if before.start_char <= m.start and m.end <= doc[start].idx]
    other = {t.end for t in title_spans(doc) if _title_head(t.label_) != _title_head(title)}
    main = [m for m in window if _is_subject(doc, m) and _clause_head(doc, m) == before.root.i
            and doc.char_span(m.start, m.end, alignment_mode="expand").start not in other]  # not 'Prosecutor NAME said'
    if len({_person_name(m, people) for m in main}) == 1:
        return main[0]
    if len({_person_name(m, people) for m in window}) != 1 or not _is_subject(doc, window[0]):
        return None
    return window[0]


def _clause_head(doc: Doc, m: Mention) -> int | None:
    """The token index of the verb a mention's phrase hangs on (past the title words and appositions around it); None
    for one of a pair ('Justice NAME and Justice NAME2 said')."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    while root.dep_ in {"compound", "appos"} and root.head.i != root.i and root.head.i not in range(span.start, span.end):
        root = root.head
    return None if any(c.dep_ == "conj" for c in root.children) else root.head.i


def _the_before(doc: Doc, start: int, determiners: frozenset[str] = frozenset({"the"})) -> int | None:
    """Where the 'the' of a title without a name stands: right before it ('the minister'), or before at most two
    adjectives outside every entity ('the former president', 'the outgoing prime minister'). With `DESCRIBING` as
    the determiners, a title that describes a name set off by commas ('X, a spokesman for Y,', 'his spokesman, X,'):
    there its owner may stand between ('X, the commission's chief spokesman,', 'X, the UN spokesman,')."""
    i, owned = start - 1, determiners is DESCRIBING
    while i >= 0 and start - i <= 4 and (doc[i].pos_ == "ADJ" and not doc[i].ent_type_
                                          or owned and (_owning_word(doc, i) or _portfolio_word(doc, i, start))):
        i -= 1
    return i if i >= 0 and doc[i].lower_ in determiners else None


def _portfolio_word(doc: Doc, i: int, start: int) -> bool:
    """A common noun in lower case that the parser hangs on the title as its compound: the portfolio or body of a
    title the lexicon does not hold whole ('NAME, the sports minister,', 'NAME, Serbia's transport secretary,', 'the
    union leader, NAME,'). Only where a title describes a name: 'the sports minister said' alone may be another
    minister than the one introduced. A rank below the title ('the party's deputy leader', kg/data/title_prefixes.jsonl)
    is another post, no portfolio."""
    t = doc[i]
    return (t.pos_ == "NOUN" and t.dep_ == "compound" and t.is_lower and not t.ent_type_
            and t.lower_ not in title_prefixes() and start <= t.head.i <= start + 3)


def _owner_lead(doc: Doc, start: int) -> bool:
    """A title led by its owner's possessive with no determiner before ("Ghana's president, NAME,", "Apple's chief
    executive, NAME,"): the possessive describes the name that follows as a determiner would."""
    return _possessive_lead(doc, start) is not None


def _possessive_lead(doc: Doc, start: int) -> int | None:
    """Where the owner's possessive that leads a title with no determiner begins ("Ghana's president", "Serbia's sports
    minister": its portfolio between), if it follows a punctuation mark, a preposition, a conjunction or a verb."""
    start = next((k for k in range(start, max(start - 3, 0), -1) if not _portfolio_word(doc, k - 1, start)), start)
    i = start - 1
    while i >= 0 and start - i <= 4 and _owning_word(doc, i):
        i -= 1
    led = i < start - 1 and doc[start - 1].tag_ == "POS" and (i < 0 or doc[i].is_punct or doc[i].pos_ in {"ADP", "CCONJ", "SCONJ", "VERB"})
    return i + 1 if led else None


def _owning_word(doc: Doc, i: int) -> bool:
    """A word of an owner before a title: a name ('the UN spokesman'), a possessive or what it marks ("the
    commission's")."""
    marked = i + 1 < len(doc) and doc[i + 1].tag_ == "POS" and doc[i].pos_ in {"NOUN", "PROPN"}
    return bool(doc[i].ent_type_) or doc[i].tag_ == "POS" or marked


# the words before a title in apposition to a name ('X, a spokesman for Y', 'his spokesman, X'): it introduces X
DESCRIBING = frozenset({"the", "a", "an", "his", "her", "its", "their"})


# words that mark a title as no longer (or not yet) held: 'former U.S. President Bill Clinton'
PAST = {"former", "formerly", "previously", "ex", "then", "late", "erstwhile", "onetime", "one-time", "future", "incoming",
        "would-be", "prospective"}


def past_marked(words: Span) -> bool:
    """Whether a past marker stands among the words before a title ('former', 'ex-')."""
    return any(t.lower_ in PAST or t.lower_.startswith("ex-") for t in words)


def title_before_name_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'Apple Computer CEO Steve Jobs', "Airbus's chief executive Tom Enders": an organization and a title right
    before a person's name describe that person; the words before the name are a mention of the person (rule
    `nominal-before-name`, the organization keeps its own mention). A state's title ('Serbian President
    Aleksandar Vucic') is left as it is."""
    people = {m.start: m for m in mentions if m.type == "Person" and m.rule == "ner-person"}
    spans = sorted((t.start, t.end) for t in title_spans(doc))
    chain = dict(spans)
    continued = {end for _, end in spans}
    out = []
    for start, end in spans:
        if start in continued or start == 0:
            continue  # 'Army spokesman Colonel X': the chain is read from its first title
        while end in chain:
            end = chain[end]
        person = people.get(doc[end].idx) if end < len(doc) else None
        owner = owner_before_title(doc, start) if person is not None else None
        if owner is None or owner.label_ != "ORG" or (owner.ent_id_ and entries()[owner.ent_id_].type != "Organization"):
            continue
        span = doc[owner.start:end]
        out.append(Mention(start=span.start_char, end=span.end_char, text=span.text, type="Person", rule="nominal-before-name",
                           key=person.key, sentence=sentence_text(span)))
    return out


def _title_head(title_id: str) -> str:
    """The head word of a title's role ('Foreign Minister' -> 'minister'); '' for an unknown title."""
    role = title_by_id().get(title_id, {}).get("role", "")
    return role.split()[-1].lower() if role else ""


def _owner_of(doc: Doc, start: int, end: int) -> Span | None:
    """The state or organization in 'the TITLE of [the] OWNER' when no name follows ('the president of Serbia said')."""
    if start == 0 or doc[start - 1].lower_ != "the" or end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    i = end + 1 + (doc[end + 1].lower_ == "the")
    owner = next((e for e in ents(doc) if e.start <= i < e.end), None)
    if owner is None or owner.start not in {end + 1, i}:
        return None
    if not (owner.ent_id_ and entries()[owner.ent_id_].type in {"State", "Organization"} or (not owner.ent_id_ and owner.label_ == "ORG")):
        return None
    if owner.end < len(doc) and (_is_name(doc[owner.end]) or doc[owner.end].text == ","):
        return None  # 'the president of Serbia Aleksandar Vucic', 'the president of Serbia, Aleksandar Vucic,': a role, not a reference
    return owner


@lru_cache(maxsize=1)
def pair_heads() -> dict[str, str]:
    """Plural nouns of a pair ('both sides', 'the two countries') -> the type of the pair's members (kg/data/pair_heads.csv),
    and the plural of a word that ends two or more states' names ('the two Koreas', 'the two Sudans': the gazetteer)."""
    ends = Counter(e.label.split()[-1].lower() for e in entries().values() if e.type == "State")
    shared = {f"{w}s": "State" for w, n in ends.items() if n > 1 and w.isalpha() and not w.endswith("s")}
    return shared | {row["head"]: row["type"] for row in resources.table("pair_heads.csv")}


@lru_cache(maxsize=1)
def _pair_words() -> frozenset[str]:
    return frozenset(pair_heads())


def pair_mentions(doc: Doc) -> list[Mention]:
    """'both sides', 'the two leaders', 'the two countries': the article's main pair; resolve says who."""
    from spacy.attrs import LOWER

    heads = pair_heads()
    out = []
    for token in sorted([*tokens_with(doc, LOWER, _pair_words()), *_plural_state_names(doc)], key=lambda t: t.i):
        head = token.lower_
        if token.i == 0:
            continue
        first = token.i - 1
        while first > 0 and doc[first].pos_ == "ADJ":
            first -= 1  # "the two Balkan neighbors"
        if doc[first].lower_ == "two" and first > 0 and doc[first - 1].lower_ in {"the", "both"}:
            first -= 1
        elif doc[first].lower_ != "both":
            continue
        span = doc[first:token.i + 1]
        out.append(Mention(start=span.start_char, end=span.end_char, text=span.text, type=heads.get(head, "State"), rule="nominal-pair",
                           key=f"pair-{span.start_char}", sentence=sentence_text(span)))
    return out


def _plural_state_names(doc: Doc) -> list:
    """'the two Koreas', 'both Congos': a capitalised plural whose singular is a state's name in the gazetteer, the
    shared word of two states' names (resolve says which two: `kg.resolve.pair_referents`)."""
    from spacy.attrs import LOWER

    return [t for t in tokens_with(doc, LOWER, _plural_state_words()) if t.is_title and len(t) > 3]


@lru_cache(maxsize=1)
def _plural_state_words() -> frozenset[str]:
    """A state's gazetteer name with an 's' after it ('koreas', 'congos'), lower-cased: what `_plural_state_names` looks
    for, found over the Doc's array instead of a pass over every token."""
    return frozenset(name + "s" for name, key in by_name().items() if key.startswith("state-"))


PERSON_PRONOUNS = frozenset({"he", "she"})
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def pronoun_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'he' / 'she' as a subject: the one named person (or office without a name) of the previous sentence and this one,
    when it is their subject; a passive 'he was released' also the one person named there as an object ('Police
    arrested Khabeishvili').

    Conservative: gender is not known, so a second named person anywhere in that window blocks it;
    pronouns inside quotes (the speaker's own words) are left alone.
    """
    from spacy.attrs import LOWER

    if not doc.has_annotation("SENT_START"):
        return []
    text = doc_text(doc)
    quotes = quotations(text)
    # a named person, or an office named without its holder ("Kosovo's prime minister ... He met"), resolved later, or
    # 'the minister' standing for the person named before ('Minister X ... the minister met reporters. He said')
    people = [m for m in mentions if m.type == "Person"
              and (m.rule in {"ner-person", "nominal-back-title"} or m.rule.startswith("nominal-title"))]
    sents = list(doc.sents)
    firsts = [sent.start for sent in sents]
    out = []
    chain: tuple[str, int, int, str | None] | None = None  # the last main-clause subject pronoun resolved: word, sentence, offset, key
    for token in tokens_with(doc, LOWER, PERSON_PRONOUNS):  # the pronouns, over the Doc's array
        if token.dep_ not in SUBJECT_DEPS:
            continue
        n = bisect.bisect_right(firsts, token.i) - 1
        sent = sents[n]
        if any(s < token.idx < e for s, e in quotes):
            continue
        before, chain = chain, None  # a pronoun left open breaks the chain
        start = sents[n - 1].start_char if n else sent.start_char
        # '"A. B," he said.': the speaker was named before the quote's first sentence
        start = min(start, paragraph_bounds(text, token.idx)[0])
        window = [m for m in people if start <= m.start and m.end <= token.idx
                  and not any(s < m.start < e for s, e in quotes)]  # a name inside a quote is the speaker's word
        if not window:
            if before is not None and _goes_on(doc, before, token, n, people, mentions, quotes):
                # 'Jobs spoke. He talked about X. Programs run on Intel. He said ...': the 'he' before, no one named since
                out.append(Mention(start=token.idx, end=token.idx + len(token), text=token.text, type="Person",
                                   rule="nominal-pronoun", key=before[3], sentence=sent.text))
                chain = (token.lower_, n, token.idx, before[3]) if token.head.i == sent.root.i else None
            continue
        apposed = [m for m in window if _apposed_title(text, m, window)]
        window = [m for m in window if m not in apposed]
        names = {_person_name(m, people) for m in window}
        bound: list[Mention] = []
        if len(names) != 1 and (bound := _clause_subject(token, window)):
            window = bound  # 'Wang rejected what he called ...': the subject of the clause above the pronoun's
        elif len(names) != 1:
            if token.head.i != sent.root.i:
                continue  # a pronoun down in the sentence ('who had told Montalvo he would ...'): too many readings
            window = _centre(doc, window, people)
            spoken = [text[s + 1:e - 1] for s, e in quotes if sent.start_char <= s < sent.end_char]
            if not window or any(window[-1].text in words for words in spoken):
                continue  # '"Andy Warhol was the center ...," he said': a speaker does not name himself
        # 'Apple CEO and co-founder Steve Jobs gave ...': the parse makes the title the subject, the name its conjunct
        subject = bool(bound) or any(_is_subject(doc, m) for m in window + apposed) or (
            token.dep_ == "nsubjpass" and len(names) == 1 and _is_subject(doc, window[-1], OBJECT_DEPS))
        if not subject:
            continue
        antecedent = window[-1]
        if _new_unnamed_person(doc, antecedent.end, token, mentions, quotes):
            continue  # 'Gilani called it "a victory". A senior official told the BBC ... "...," he said': the official
        out.append(Mention(start=token.idx, end=token.idx + len(token), text=token.text, type="Person",
                           rule="nominal-pronoun", key=antecedent.key, sentence=sent.text))
        # only the subject of a main clause goes on ('... said she would not run. "...," she said': not that 'she')
        chain = (token.lower_, n, token.idx, antecedent.key) if token.head.i == sent.root.i else None
    return out


CHAIN_SENTENCES = 3  # how many sentences back the pronoun before may stand for a pronoun to go on with it


def _goes_on(doc: Doc, before: tuple[str, int, int, str | None], pronoun: Token, n: int, people: list[Mention],
             mentions: list[Mention], quotes: list[tuple[int, int]]) -> bool:
    """Whether a subject pronoun with no person named in its window goes on with the subject pronoun resolved before
    it: the same word (so the same gender), at most `CHAIN_SENTENCES` sentences back, and no person named, nor a new
    unnamed one, in between (in Wikinews each sentence is often its own paragraph: 'He talked about ... .
    Current programs ... . He said ...')."""
    word, sentence, offset, _ = before
    return (word == pronoun.lower_ and n - sentence <= CHAIN_SENTENCES
            and not any(offset < m.start and m.end <= pronoun.idx for m in people)
            and not _new_unnamed_person(doc, offset, pronoun, mentions, quotes))


def new_unnamed_person(token: Token) -> bool:
    """Whether a token is the subject of its clause naming a new person by a common noun alone, with 'a'/'an' ('A senior
    Pakistani intelligence official told the BBC ...'): someone else than the people named before."""
    return (token.dep_ in {"nsubj", "nsubjpass"} and token.tag_ == "NN" and token.lemma_.lower() in person_nouns()
            and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children))


def _new_unnamed_person(doc: Doc, after: int, pronoun: Token, mentions: list[Mention], quotes: list[tuple[int, int]]) -> bool:
    """Whether a new unnamed person (`new_unnamed_person`) stands between a named person and a pronoun: 'he' is that
    person, not the one named before."""
    first = bisect.bisect_left([t.idx for t in doc[:pronoun.i]], after)
    return any(new_unnamed_person(t) and not any(s <= t.idx < e for s, e in quotes) and not any(m.start <= t.idx < m.end for m in mentions)
               for t in doc[first:pronoun.i])


COORDINATED_TITLE = re.compile(r"^\s+and\s+(?!(?:his|her|their|its|the|a|an)\b)[a-z-]+(?:\s+[a-z-]+)?\s+$")


def _apposed_title(text: str, m: Mention, window: list[Mention]) -> bool:
    """Whether a title mention stands in apposition to a named person of the window ("South Korea's trade minister,
    Sung Yun-mo," or "Sung Yun-mo, South Korea's trade minister,"), or is the first of two titles before the name
    ('Apple CEO and co-founder Steve Jobs', 'Microsoft chairman and founder Bill Gates'): one person, named twice, not
    a second one ('the minister and his deputy NAME' are two)."""
    return m.rule.startswith("nominal-title") and any(
        p.rule == "ner-person" and (text[min(m.end, p.end):max(m.start, p.start)].strip() == ","
                                    or m.end <= p.start and COORDINATED_TITLE.match(text[m.end:p.start]))
        for p in window if p is not m)


def _clause_subject(token: Token, window: list[Mention]) -> list[Mention]:
    """A pronoun in a clause under another verb refers to that verb's subject, when it is a person named there ('Wang
    rejected what he called ...', 'Merkel told Obama she would ...'): the nearest verb above the pronoun's own with a
    subject decides, and a subject that is no named person leaves it open. A relative 'who' stands for the person
    the clause hangs on ('Ballmer, who said in August that he would retire'), unless a person is told something there
    too ('who had told Montalvo he would ...': either may be meant)."""
    node = token.head
    while node.head.i != node.i:
        node = node.head
        subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            if subject.tag_ == "WP" and node.dep_ == "relcl" and not any(
                    m.start <= c.idx < m.end for c in node.children if c.dep_ in {"dobj", "dative"} for m in window):
                subject = node.head
            return [m for m in window if m.start <= subject.idx < m.end]
    return []


def _centre(doc: Doc, window: list[Mention], people: list[Mention]) -> list[Mention]:
    """Of several people before a pronoun, the one a main clause has as its subject, when no other is an argument
    of a main clause ('Rathbun requested donations ... to help Montalvo. He described ...': Rathbun;
    'Doherty attributes Jobs' success to ... . He states': Doherty); else nobody ('X met Y. He said')."""
    subjects: list[Mention] = []
    others: set[str] = set()
    for m in sorted(window, key=lambda m: m.start, reverse=True):  # the nearest sentence with a person subject
        if subjects and _sent_start(doc, m) != _sent_start(doc, subjects[0]):
            break
        role = _main_role(doc, m)
        if role == "subject":
            subjects.append(m)
        elif role == "argument":
            others.add(_person_name(m, people))
    names = {_person_name(m, people) for m in subjects}
    if len(names) != 1 or others - names:
        return []
    name = next(iter(names))
    return [m for m in window if _person_name(m, people) == name]


def _sent_start(doc: Doc, m: Mention) -> int:
    return doc.char_span(m.start, m.end, alignment_mode="expand").sent.start


def _main_role(doc: Doc, m: Mention) -> str:
    """'subject' for the subject of a sentence's main verb, 'argument' for its object or a conjunct of either,
    '' for a name further down (a possessive, inside a prepositional phrase or a subordinate clause). A name the
    parser makes the sentence's root, with its verb hung on it as a clause ('Getachew Reda, a spokesman for the TPLF,
    signed ...'), is its subject."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return "argument"
    node = span.root
    while node.dep_ in {"compound", "appos", "conj", "flat"} and node.head.i != node.i:
        if node.dep_ == "conj":
            return "argument"
        node = node.head
    if node.head.i != node.sent.root.i and node.head.i != node.i:
        return ""
    if node.dep_ in SUBJECT_DEPS or _misparsed_subject(node):
        return "subject"
    return "argument" if node.dep_ in {"dobj", "dative", "attr", "oprd", "agent"} else ""


def _person_name(m: Mention, people: list[Mention]) -> str:
    """The full name a mention shortens ('Vucic' -> 'Aleksandar Vucic' when the text has it), else its text."""
    full = [p.text for p in people if len(p.text.split()) > 1 and m.text in p.text.split()]
    return full[0] if len(set(full)) == 1 else m.text


OBJECT_DEPS = {"dobj"}  # 'Police arrested Khabeishvili. He was released': one done to, then done to again


def _is_subject(doc: Doc, m: Mention, deps: set[str] = SUBJECT_DEPS) -> bool:
    """Whether a mention is a subject (or, given `deps`, an object) of its clause, itself and not one of a pair."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ in {"compound", "appos", "conj"} and root.head.i != root.i and root.head.i not in range(span.start, span.end):
        if root.dep_ == "conj":
            return False  # 'Vucic and Hoti said': a pair, not one antecedent
        root = root.head
    return root.dep_ in deps or deps == SUBJECT_DEPS and (_misparsed_subject(root) or _according_source(root))


def _according_source(node: Token) -> bool:
    """'According to analyst NAME of FIRM, regulators were unlikely to object. "...," he wrote': the person a clause is
    attributed to by 'according to' is its source, who speaks, as a subject of speech is."""
    prep = node.head
    return node.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lower_ == "according" and prep.head.i == prep.i - 1


def _misparsed_subject(node: Token) -> bool:
    """A proper noun the parser makes its sentence's root, with the sentence's verb hung on it as a clause ('Getachew
    Reda, a spokesman for the TPLF, signed ...'): the subject of that verb."""
    return node.dep_ == "ROOT" and node.pos_ == "PROPN" and any(c.dep_ == "acl" and c.pos_ == "VERB" for c in node.children)


@lru_cache(maxsize=1)
def _body_words() -> frozenset[str]:
    """The nouns that may name a body named before: body heads, business and financial nouns."""
    return body_heads() | business_nouns() | financial_nouns()


@lru_cache(maxsize=1)
def _financial_only() -> frozenset[str]:
    """The financial nouns that are neither business nouns nor body heads."""
    return financial_nouns() - business_nouns() - body_heads()


def body_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'the ministry', 'the company', 'the group' as an actor: the one organization of the last sentences that it names.

    'the ministry' goes to an organization whose name ends in that word ('the Interior Ministry');
    a business word ('the company', 'the airline') or a financial institution's ('the bank', 'the insurer') to the one
    organization the window names; a noun the
    article put before or beside an organization's name ('the human rights group Amnesty International',
    'Oxfam, a British charity,') to that organization (`_described`). An organization named inside a quotation is
    the speaker's word, not the one a noun outside it refers back to ('Samsung said it would appeal. "The verdict is
    no win for Apple," the company said': Samsung), as a person named there is none for a pronoun.
    """
    if not doc.has_annotation("SENT_START"):
        return []
    quotes = quotations(doc_text(doc))
    orgs = [m for m in mentions if m.type == "Organization" and not m.rule.startswith("nominal")]
    described = _described(doc, orgs)
    sents = list(doc.sents)
    index = {s.start: n for n, s in enumerate(sents)}
    from spacy.attrs import LOWER

    heads = frozenset(w for m in orgs if (w := m.text.lower().split()[-1]).isalpha() and len(m.text.split()) > 1)
    # the lexicons' words looked up apart from the article's own (a set made per article is not kept by `tokens_with`)
    found = {t.i: t for t in (*tokens_with(doc, LOWER, _body_words()), *tokens_with(doc, LOWER, frozenset(described) | heads))}
    out = []  # 'the commission' after 'the European Commission': the last word of a name the article gave
    for token in (found[i] for i in sorted(found)):
        if token.pos_ != "NOUN" or token.dep_ not in SUBJECT_DEPS | {"dobj", "pobj", "poss"}:
            continue
        if token.lower_ in _financial_only() and not (
                token.dep_ == "nsubj" and token.head.lemma_.lower() in speech_verbs()):
            continue  # 'the bank said' refers back to the bank the article named; 'the bank's next meeting' may be another
        if token.lower_ not in body_heads() and token.lower_ not in described and not _trade_word(token.lower_) and not (
                token.dep_ == "nsubj" and token.head.lemma_.lower() in speech_verbs()):
            continue  # a name's last word alone refers back only as a speaker ('"...," the commission said')
        n = index[token.sent.start]
        start = sents[max(0, n - 2)].start_char
        outside = not any(s < token.idx < e for s, e in quotes)
        window = [m for m in orgs if start <= m.start and m.end <= token.idx
                  and not (outside and any(s < m.start < e for s, e in quotes))]
        modifiers = _described_by_nationality(doc, token)
        last_words = _name_end_reference(doc, token, window) if modifiers is None and not token.ent_type_ else None
        if last_words is not None:  # 'the police service' after 'the National Police Service'
            span = doc[last_words[0] - 1:token.i + 1]
            out.append(Mention(start=span.start_char, end=span.end_char, text=span.text, type="Organization",
                               rule="nominal-body", key=last_words[1], sentence=token.sent.text))
            continue
        if modifiers is None or doc[modifiers - 1].lower_ != "the" or token.ent_type_:
            continue
        named = {m.key for m in window if m.text.lower().split()[-1] in {token.lower_, token.lower_ + "s"}
                 or _of_name_head(m.text) == token.lower_ or m.key in described.get(token.lower_, ())}
        if not named and _trade_word(token.lower_):
            named = {m.key for m in window if not m.key.startswith("org-Q")}
        if len(named) != 1:
            continue
        span = doc[modifiers - 1:token.i + 1]
        out.append(Mention(start=span.start_char, end=span.end_char, text=span.text, type="Organization",
                           rule="nominal-body", key=next(iter(named)), sentence=token.sent.text))
    return out


def _of_name_head(name: str) -> str:
    """The head word of a name written 'HEAD of X' ('Ministry of Interior': 'ministry'), lower-case; '' for others."""
    words = name.lower().split()
    return name_head(words) if "of" in words[1:] else ""


def _name_end_reference(doc: Doc, token: Token, window: list[Mention]) -> tuple[int, str] | None:
    """'the police service' after 'the National Police Service', 'the aviation administration' after 'the Federal
    Aviation Administration': 'the' and lower-case words that modify the noun and are, with it, the last two or more
    words of the one organisation `window` names (a longer name) refer back to it: (where the words start, its key)."""
    j = token.i
    while j > 0 and doc[j - 1].is_lower and doc[j - 1].is_alpha and not doc[j - 1].ent_type_ and doc[j - 1].head.i == token.i \
            and doc[j - 1].dep_ in {"compound", "amod"}:
        j -= 1
    if j == token.i or doc[j - 1].lower_ != "the" or any(c.dep_ in {"prep", "appos"} for c in token.children):
        return None
    words = [t.lower_ for t in doc[j:token.i + 1]]
    named = {m.key for m in window if len(m.text.split()) > len(words) and m.text.lower().split()[-len(words):] == words}
    return (j, named.pop()) if len(named) == 1 else None


def _described_by_nationality(doc: Doc, token: Token) -> int | None:
    """Where the words of a body noun begin after 'the': the noun itself ('the company'), or, for a business noun of
    the Phoenix agents ('carmaker', 'company') as a subject or possessor, a demonym and nouns of its trade before it
    ('the Japanese carmaker', 'the US software company', "the South Korean company's"); None when other words describe
    it ('the state company', 'the company of ...', 'the carmaker Hyundai'): a description, not a reference."""
    children = [c for c in token.children if c.dep_ in {"compound", "amod", "nmod", "prep", "appos"}]
    if not children:
        return token.i
    if not _business_word(token.lower_) or token.dep_ not in SUBJECT_DEPS | {"poss"}:
        return None
    if token.i + 1 < len(doc) and _is_name(doc[token.i + 1]):
        return None
    start = token.i
    while start > 0 and (start < token.i and doc[start].ent_iob_ == "I" or (  # 'South' of 'South Korean'
            doc[start - 1].head.i == token.i and doc[start - 1].dep_ in {"compound", "amod", "nmod"} and (
            doc[start - 1].ent_type_ in {"NORP", "GPE"} or doc[start - 1].pos_ == "NOUN" and doc[start - 1].is_lower))):
        start -= 1
    if any(c.i < start or c.i > token.i for c in children) or not any(
            doc[k].ent_type_ in {"NORP", "GPE"} for k in range(start, token.i)):
        return None
    return start


def _acting(token: Token) -> bool:
    """A noun as the doer of a verb: its subject ('police arrested') or a passive's agent ('detained by police')."""
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        token = token.head
    return token.dep_ in {"nsubj", "agent"} and token.head.pos_ in {"VERB", "AUX"}


POLICE_KEY = "nominal-police"  # key and rule of the article's own police force, unnamed: resolve says whose (kg.resolve.police_force)
FOLLOWED = 2  # an unnamed force the article follows acts at least twice; once is a passing mention


def police_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'Police arrested 37 people', 'riot police fired tear gas', 'clashed with the police': the police of the story's
    state, unnamed, as one body of the article (one key for all its mentions; resolve ties it to the state).

    Not when the article names its police force ('the Metropolitan Police': 'police' refers back to it), nor a noun
    that describes another ('a police officer', 'the police chief'), nor the police as a source ('police said',
    'according to police'): who speaks for them is a spokesman, and what they say is reported, not done. Only as
    the doer of a verb ('police arrested', 'detained by police'): elsewhere ('handed over to police', 'clashes with
    police') the force is no actor; and only when it acts at least twice (`FOLLOWED`): one passing 'police fired tear
    gas' in a story about something else is background, not a participant the story follows.
    A state named before it ('Kenyan police') is the state acting, as 'Israeli troops' are."""
    from spacy.attrs import LOWER

    from kg.gazetteer import police_nouns, speech_verbs

    nouns = police_nouns()
    if _force_named(mentions, nouns):
        return []
    out = []
    for token in tokens_with(doc, LOWER, nouns):
        if token.pos_ not in {"NOUN", "PROPN"} or token.ent_type_ or token.dep_ in {"compound", "amod", "nmod"}:
            continue
        if not _acting(token) or token.head.lemma_.lower() in speech_verbs():
            continue
        before = [c for c in token.children if c.i < token.i and c.dep_ in {"amod", "compound", "poss", "nmod"}]
        if any(c.ent_type_ for c in before):
            continue  # 'Kenyan police', "Israel's police": the state named acts (kg.extract.context.is_actor)
        start = min([c.i for c in before if c.i == token.i - 1] + [token.i])
        span = doc[start:token.i + 1]
        out.append(Mention(start=span.start_char, end=span.end_char, text=span.text, type="Organization",
                           rule=POLICE_KEY, key=POLICE_KEY, sentence=sentence_text(span)))
    return out if len(out) >= FOLLOWED else []


def _force_named(mentions: list[Mention], nouns: frozenset[str]) -> bool:
    """The article names a force with one of `nouns` ('the Sudanese Army', 'the Kenya Police Service'): its unnamed
    mentions are that force, no body of their own."""
    return any(m.type == "Organization" and not m.rule.startswith("nominal") and nouns & set(m.text.lower().split())
               for m in mentions)


ARMY_KEY = "nominal-army"  # key and rule of the article's own armed forces, unnamed: resolve says whose (kg.resolve.army_force)


def army_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'The army said it had seized power', 'the military detained the president', 'the army of Burkina Faso': the
    armed forces of the story's state, unnamed, as one body of the article, as its police are (`police_mentions`).

    Unlike the police, the army speaking is the army acting ('the military said the election was fraudulent' is its
    statement in a coup). Not when the article names an armed force with the noun ('the Sudanese Army'), nor a noun
    that describes another ('an army officer', 'military camps'), nor a state named before it ('Israeli army',
    "Myanmar's army": the state acts); only as the doer of a verb, at least twice (`FOLLOWED`)."""
    from spacy.attrs import LOWER

    from kg.gazetteer import army_nouns

    nouns = army_nouns()
    if _force_named(mentions, nouns):
        return []
    out = []
    for token in tokens_with(doc, LOWER, nouns):
        if token.pos_ not in {"NOUN", "PROPN"} or token.ent_type_ or token.dep_ in {"compound", "amod", "nmod"} or not _acting(token):
            continue
        if any(c.i < token.i and c.dep_ in {"amod", "compound", "poss", "nmod"} and c.ent_type_ for c in token.children):
            continue  # 'Israeli army', "Myanmar's army": the state named acts (kg.extract.context.is_actor)
        span = doc[token.i:token.i + 1]
        out.append(Mention(start=span.start_char, end=span.end_char, text=span.text, type="Organization",
                           rule=ARMY_KEY, key=ARMY_KEY, sentence=sentence_text(span)))
    return out if len(out) >= FOLLOWED else []


def _described(doc: Doc, orgs: list[Mention]) -> dict[str, set[str]]:
    """The common nouns the text describes organizations by, each with the organizations it describes: the noun
    right before the name ('the human rights group Amnesty International', 'opposition party Fidesz') or the head
    of an apposition after it ('Oxfam, a British charity,')."""
    out: dict[str, set[str]] = {}
    for m in orgs:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        nouns = [doc[span.start - 1]] if span.start > 0 else []
        nouns += [c for c in span.root.children if c.dep_ == "appos" and c.i >= span.end]
        for noun in nouns:
            if noun.pos_ == "NOUN" and noun.is_lower and not noun.ent_type_:
                out.setdefault(noun.lower_, set()).add(m.key)
    return out


def _business_word(word: str) -> bool:
    return word in business_nouns()


def _trade_word(word: str) -> bool:
    """A business word, or a financial institution's ('HSBC cut 500 jobs. The bank said ...': HSBC)."""
    return _business_word(word) or word in financial_nouns()


def _is_name(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and token.text[:1].isupper())


def owner_before_title(doc: Doc, start: int) -> Span | None:
    """The state or organization entity just before a title starting at token `start`: 'Serbian', "Kosovo's", 'EU',
    "the country's"; None when there is none."""
    i = _owner_word(doc, start)
    for ent in ents(doc):
        if i >= 0 and ent.start <= i < ent.end:
            if ent.end > start:  # "Kenya's Defence Cabinet Secretary": a name read over the title's words is its field
                return owner_before_title(doc, ent.start) if ent.start < start else None
            if ent.ent_id_ and entries()[ent.ent_id_].type in {"State", "Organization"} or (not ent.ent_id_ and ent.label_ == "ORG"):
                return ent
            return seat_of_government(doc, ent)
    if i > 0 and doc[i].lower_ in STATE_NOUNS and doc[i - 1].lower_ == "the" and i < start - 1:
        return the_country(doc, i - 1)
    the = _article_before(doc, i)
    if the is not None and i < start - 1 and (doc[i].lower_ in BODY_NOUNS or (doc[i].is_lower and doc[i].pos_ == "NOUN")):
        return the_body(doc, the, i)  # "the party's", "the ruling party's", "the commission's" after a name headed by it
    return None


def place_before_title(doc: Doc, start: int) -> Span | None:
    """The city or region just before a title starting at token `start`, past a possessive and modifiers ('Davao City
    Mayor NAME', "Catalonia's regional president"): that place's office, no post of its state; None when there is none."""
    i = _owner_word(doc, start)
    return next((e for e in ents(doc) if 0 <= i and e.start <= i < e.end and e.start < start and local_place(doc, e)), None)


def local_place(doc: Doc, ent: Span) -> bool:
    """A city, region or building named by the model or the gazetteer, no state (the gazetteer holds every state) and
    no seat of power ('Kremlin spokesman' holds a post of the Kremlin's office)."""
    if ent.label_ not in {"GPE", "LOC", "FAC"}:
        return False
    entry = entries().get(ent.ent_id_) if ent.ent_id_ else None
    return (entry is None and not ent.id_) or (entry is not None and entry.type == "Place" and seat_of_government(doc, ent) is None)


def _owner_word(doc: Doc, start: int) -> int:
    """The last word of a title's owner: the token before the title, past up to two modifiers and a possessive."""
    i = start - 1
    skipped = 0
    while i >= 0 and skipped < 2 and (_title_modifier(doc, i) or _joining_hyphen(doc, i)):
        i -= 2 if doc[i].text == "-" else 1  # "Israel's longest-serving prime minister": one modifier
        skipped += 1  # "Kosovo's new prime minister", 'Indonesian police spokesman', "Apple's senior vice president"
    if i >= 0 and doc[i].text in {"'s", "\u2019s", "'"}:
        i -= 1
    return i


def _article_before(doc: Doc, i: int) -> int | None:
    """Where 'the' stands before the noun at token i, past up to two lower-case words that describe it ('the ruling
    party', 'the main opposition party'), none of them an entity."""
    j = i - 1
    while j >= 0 and i - j <= 3 and doc[j].lower_ != "the":
        if not (doc[j].is_lower and doc[j].is_alpha and not doc[j].ent_type_ and doc[j].pos_ in {"ADJ", "NOUN", "VERB"}):
            return None
        j -= 1
    return j if j >= 0 and doc[j].lower_ == "the" else None


def _joining_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen written close between two words of one modifier ('longest-serving', 'newly-elected'), after the second
    word was read as a modifier; the first is no entity."""
    return (0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_
            and doc[i - 1].is_alpha and doc[i - 1].is_lower and not doc[i - 1].ent_type_ and doc[i + 1].is_alpha)


STATE_NOUNS = {"country", "nation", "government"}
# 'the company's chief executive': nouns that name the one organization the article has just named
BODY_NOUNS = {"company", "firm", "group", "bank", "airline", "carrier", "party", "agency", "ministry", "organisation",
              "organization", "union", "alliance", "bloc", "club", "team", "board", "university", "network", "department"}


def seat_of_government(doc: Doc, ent: Span) -> Span | None:
    """The owner of a post written with a seat of power: 'Kremlin spokesman', 'a spokeswoman for the White House', "the
    Elysee's diplomatic adviser" hold a post in the office of the head of state or government that sits there, an
    organization under the seat's name (the seat acting on its own, 'the Kremlin said', stands for its state:
    `_mention`); 'Pentagon spokesman': a building that names the body it houses stands for that body."""
    from spacy.tokens import Span

    entry = entries().get(ent.ent_id_) if ent.ent_id_ else None
    if entry is not None and entry.extra.get("seat_of_body"):
        return Span(doc, ent.start, ent.end, label="ORG", span_id=organization_key(entry.label))
    if entry is None or entry.type != "Place" or not entry.extra.get("seat_of_government") or not entry.country:
        return None
    return Span(doc, ent.start, ent.end, label="ORG", span_id=organization_key(entry.label))


def the_body(doc: Doc, i: int, noun_at: int | None = None) -> Span | None:
    """"the company's", "the party's": the one organization of this sentence or the previous one that the noun fits,
    else the one organization headed by the noun that the text names before it.

    'the party' takes an organization whose name is headed by 'Party', 'the commission' one headed by 'Commission'
    ('the Electoral Commission of Zambia'); a business noun of the body nouns ('company', 'airline') any
    organization the window names that is not a gazetteer body (an IGO or a ministry is no company); any other
    noun ('the alliance' after 'NATO', 'the bloc' after 'ECOWAS', 'the party' after 'the Patriotic Front'), when no
    name before it is headed by the noun, the one organization this sentence or the previous one names. `i` is the
    word before the noun; `noun_at` the noun when words describe it after 'the' ('the ruling party's').
    """
    from spacy.tokens import Span

    noun = doc[i + 1 if noun_at is None else noun_at].lower_
    sent = doc[i].sent
    previous = doc[sent.start - 1].sent if sent.start > 0 else None
    lo = previous.start if previous is not None else sent.start
    window = [e for e in ents(doc) if lo <= e.start and e.end <= i and e.label_ == "ORG"
              and (not e.ent_id_ or entries()[e.ent_id_].type == "Organization") and not _bracketed_short_name(doc, e)]
    named = {gazetteer_id(e) or organization_key(e.text) for e in window if _name_head(e) in {noun, noun + "s"}}
    introduced = _introduced_as(doc, i, noun) if not named else None
    if introduced is not None:
        return introduced
    if not named and _business_word(noun) and noun in BODY_NOUNS:
        window = [e for e in window if not meeting_name(e)]  # 'at the Apple Developers Conference'
        named = {organization_key(e.text) for e in window if not e.ent_id_}
        if not named:  # 'Apple unveils ... . Yesterday, company CEO NAME': the one company the text has named before
            window = [e for e in ents(doc) if e.end <= i and e.label_ == "ORG" and not e.ent_id_
                      and not meeting_name(e) and not _bracketed_short_name(doc, e)]
            named = {organization_key(e.text) for e in window}
    if not named:  # 'the party' paragraphs after the one party the story names: the text before
        near = window
        window = [e for e in ents(doc) if e.end <= i and e.label_ == "ORG" and _name_head(e) in {noun, noun + "s"}
                  and (not e.ent_id_ or entries()[e.ent_id_].type == "Organization")]
        named = {gazetteer_id(e) or organization_key(e.text) for e in window}
        quoted = sent[0].text in {'"', "\u201c"}  # 'The CDU ... . "We ...," said NAME, the party's leader.'
        if not _business_word(noun) and (not named or (quoted and len(named) > 1 and len(
                {gazetteer_id(e) or organization_key(e.text) for e in near}) == 1)):
            # "NATO ... the alliance's spokeswoman": a name the noun does not head; 'the party' after two parties named
            # paragraphs before, in a quotation's attribution right after the sentence naming one organisation
            window = near = [e for e in near if _fits_state_organ(noun, e)]
            named = {gazetteer_id(e) or organization_key(e.text) for e in window}
            same = [e for e in near if e.start >= sent.start]
            if len(named) > 1 and not quoted and len({gazetteer_id(e) or organization_key(e.text) for e in same}) == 1:
                # 'Boeing ... . Relations with the FAA worsened after NAME, who heads the agency,': the one
                # organisation of its own sentence, outside a quotation's attribution
                window, named = same, {gazetteer_id(same[0]) or organization_key(same[0].text)}
            close = next((k for k in range(sent.start + 1, i) if doc[k].text in {'"', "\u201d"}), None) if quoted else None
            outside = [e for e in near if close is not None and not sent.start < e.start < close]
            if len(named) > 1 and len({gazetteer_id(e) or organization_key(e.text) for e in outside}) == 1:
                # 'ORG ... . "ORG2 can start again," said NAME, the club's president': not one named inside the quotation
                window, named = outside, {gazetteer_id(outside[0]) or organization_key(outside[0].text)}
    if len(named) > 1:  # 'ANA ordered ... from Boeing, and the airline's president': the one named as a subject
        window = _subject_bodies(doc, i, [e for e in window if (gazetteer_id(e) or organization_key(e.text)) in named])
        named = {gazetteer_id(e) or organization_key(e.text) for e in window}
    if len(named) != 1:
        return None
    key = named.pop()
    ent = next(e for e in reversed(window) if (gazetteer_id(e) or organization_key(e.text)) == key)
    return ent if ent.ent_id_ else Span(doc, ent.start, ent.end, label="ORG")


def _fits_state_organ(noun: str, ent: Span) -> bool:
    """'the ministry', 'the army', 'the police', 'the court' (a state's body of the Phoenix agents, `names_state_body`)
    stand only for a body of a state: one whose name holds such a body ('Ministry of Foreign Affairs', 'Indonesian
    Navy') or opens with a state's name; not the UN, a rebel group or a company the sentence before names ('The UN
    envoy met ... . The ministry's spokeswoman' is no UN spokeswoman). Any other noun ('the alliance' after 'NATO')
    fits any body."""
    if not names_state_body([noun]):
        return True
    words = strip_the(ent.text).split()
    single = [*words[:-1], words[-1][:-1]] if words and words[-1].endswith("s") else words  # 'Defense Forces'
    return names_state_body(words) or names_state_body(single) or bool(state_of_body(ent.text))


def _subject_bodies(doc: Doc, i: int, window: list[Span]) -> list[Span]:
    """Of the organisations `window` names, those written as the subject of a clause (or as its subject's possessor:
    "Boeing's board removed ...", or coordinated with it) before word `i` in its sentence, else in the sentence before:
    'Qatar Airways signed a deal with Spotify. In a statement, the airline's chief executive' is Qatar Airways'; not the
    subject of what someone said ('NAME said that the SDF had taken Raqqa')."""
    sent = doc[i].sent
    for lo, hi in ((sent.start, i), (doc[sent.start - 1].sent.start, sent.start) if sent.start > 0 else (0, 0)):
        subjects = [t for t in doc[lo:hi] if t.dep_ in {"nsubj", "nsubjpass"} and not any(a.dep_ == "ccomp" for a in t.ancestors)]
        subjects += [c for t in subjects for c in t.conjuncts]  # 'Lufthansa and Air France ordered': either, so none
        heads = {t.i for t in subjects} | {c.i for t in subjects for c in t.children if c.dep_ == "poss"}
        found = [e for e in window if lo <= e.start and e.end <= hi and any(k in heads for k in range(e.start, e.end))]
        if found:
            return found
    return []


GENERIC_BODY_NOUNS = {"company", "firm"}  # 'the company' after 'the airline X': any business introduced the same way


def _introduced_as(doc: Doc, i: int, noun: str) -> Span | None:
    """"The Chilean airline Andes Air ordered ... . Airbus delivered ... . The airline's chief financial officer, NAME":
    the one organisation the text before word `i` introduced with the noun, written right before its name ('the
    airline X', 'the payments company X') or in apposition after it ('X, a Norwegian software company,'); for
    'company' or 'firm', with any business noun ('the company's chairman' after 'the airline X')."""
    from spacy.tokens import Span

    def fits(word: Token) -> bool:
        return word.lower_ == noun or (noun in GENERIC_BODY_NOUNS and _business_word(word.lower_))

    found: dict[str, Span] = {}
    for e in ents(doc):
        if e.end > i or e.label_ != "ORG" or (e.ent_id_ and entries()[e.ent_id_].type != "Organization"):
            continue
        before = doc[e.start - 1] if e.start > 0 else None
        after = next((t for t in doc[e.end + 1:min(e.end + 6, i)] if t.dep_ == "appos" and t.head.i in range(e.start, e.end)),
                     None) if e.end < len(doc) and doc[e.end].text == "," else None
        if (before is not None and before.pos_ == "NOUN" and fits(before)) or (after is not None and fits(after)):
            found.setdefault(gazetteer_id(e) or organization_key(e.text), e)
    if len(found) != 1:
        return None
    ent = found.popitem()[1]
    return ent if ent.ent_id_ else Span(doc, ent.start, ent.end, label="ORG")


@lru_cache(maxsize=1)
def meeting_nouns() -> frozenset[str]:
    """The nouns of a meeting in the trigger lexicon ('conference', 'summit'): a name they head is an occasion, no company."""
    return frozenset(lemma for row in resources.jsonl("event_triggers.jsonl") if row.get("pos") == "NOUN"
                     and row["kind"] in {"Meeting", "Summit"} for lemma in row["lemmas"])


def meeting_name(ent: Span) -> bool:
    """'the Worldwide Developers Conference', 'the Nuclear Security Summit': a name headed by a meeting noun."""
    return _name_head(ent) in meeting_nouns()


def _bracketed_short_name(doc: Doc, ent: Span) -> bool:
    """'the Christian Democratic Union (CDU)': a short name in brackets right after a name is that body again."""
    return (ent.start >= 2 and doc[ent.start - 1].text == "(" and ent.end < len(doc) and doc[ent.end].text == ")"
            and doc[ent.start - 2].ent_type_ == "ORG" and ent.text.isupper())


NAME_HEAD_ENDS = {"of", "on", "for"}  # 'Commission of Zambia', 'Committee on Public Accounts', 'Party for Freedom'


def _name_head(ent: Span) -> str:
    """The noun a name is headed by, in lower case: 'Labour Party' -> 'party', 'Electoral Commission of Zambia' ->
    'commission', 'Standing Committee on Public Accounts' -> 'committee' (the word before its first preposition)."""
    cut = next((k for k, t in enumerate(ent) if k and t.lower_ in NAME_HEAD_ENDS), len(ent))
    return ent[cut - 1].lower_


PORTFOLIO = re.compile(r"^(minister|secretary)\s+(?:of|for)\s+(?:the\s+)?(.+)$", re.I)
UNFLIPPED = {"state"}  # 'Secretary of State', 'Minister of State' are offices of their own


def role_name(text: str, role: str) -> str:
    """The canonical name of a position as written: 'Minister of Information' -> 'Information Minister'.

    A portfolio written after 'Minister of|for' names the same office as written before 'Minister'
    ('Minister for Immigration', 'Immigration Minister'); the title lists give the canonical form
    ('Minister for Foreign Affairs' -> 'Foreign Minister'); a portfolio of two joined by 'and' keeps the title as
    written ('Minister of Infrastructure and Transport'). Other titles keep the name of their row.
    """
    forms = _role_by_form()
    key = " ".join(text.split()).lower()
    portfolio = PORTFOLIO.match(key)
    if portfolio and portfolio.group(2).split()[0] in UNFLIPPED and " for " in f" {portfolio.group(2)} ":
        # 'Minister of State for Sport', 'Secretary of State for Health': the office of its own with its portfolio
        return " ".join(w if w.lower() in {"and", "of", "the", "for"} else w[:1].upper() + w[1:] for w in text.split())
    if portfolio and portfolio.group(2) not in UNFLIPPED:
        flipped = f"{portfolio.group(2)} {portfolio.group(1)}"
        if key in forms and forms[key].lower() != key:
            return forms[key]  # 'minister of foreign affairs' is a form of Foreign Minister
        if " and " in f" {portfolio.group(2)} ":  # 'Minister for Foreign Affairs and Trade': two portfolios, as written
            return " ".join(w if w in {"and", "of", "the", "for"} else w[:1].upper() + w[1:] for w in " ".join(text.split()).split())
        return forms.get(flipped, " ".join(w if w in {"and", "of", "the"} else w[:1].upper() + w[1:] for w in flipped.split()))
    written = " ".join(text.split())
    if len(written.split()) > 1 and len(role.split()) > 1 and not written.isupper() and _head_word(written) != _head_word(role):
        # another office's name, not a variant of the row's ('Home Secretary' is no 'Interior Minister' as written,
        # 'Premier' no 'Prime Minister'): the text's name, as an analyst reading it would record it
        return " ".join(w if w.lower() in {"and", "of", "the", "for"} else w[:1].upper() + w[1:] for w in written.split())
    return role


def _head_word(title: str) -> str:
    """The head of a title: the last word before 'of'/'for' ('Secretary of State' -> 'secretary'), else the last."""
    words = title.lower().split()
    cut = next((i for i, w in enumerate(words) if w in {"of", "for", "to"} and i > 0), len(words))
    return words[cut - 1] if cut else ""


@lru_cache(maxsize=1)
def _role_by_form() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in titles():
        for form in row["forms"]:
            out.setdefault(form.lower(), row["role"])
    return out


def _title_modifier(doc: Doc, i: int) -> bool:
    """A word between an owner and its title: an adjective or participle ('new', 'acting', 'former', 'senior'), an adverb
    before one ('newly elected') or a body noun of the Phoenix agents ('police', 'army', 'ministry'), outside every entity."""
    token = doc[i]
    if token.ent_type_ or not token.is_alpha:
        return False
    if token.pos_ == "ADJ" or token.tag_ in {"VBN", "VBG"}:
        return True
    if token.pos_ == "ADV" and token.is_lower and i + 1 < len(doc) and doc[i + 1].tag_ in {"VBN", "JJ"}:
        return True  # "Nigeria's newly elected president", "the country's recently appointed envoy": how the post was taken
    return token.pos_ == "NOUN" and token.lower_ in _agent_words()


def _agent_words() -> frozenset[str]:
    from kg.gazetteer import agent_sectors

    return frozenset(agent_sectors())


def gazetteer_id(span: Span) -> str:
    """The gazetteer id of an entity span, or of a span standing for one ("the country's" -> its state, 'Kremlin' -> Russia)."""
    return span.id_ or span.ent_id_


def the_country(doc: Doc, i: int) -> Span | None:
    """"the country's" in a title: the one state named in this sentence before it, or in the previous sentence; when
    those name none, the one state the text names before it."""
    from spacy.tokens import Span

    sent = doc[i].sent
    previous = doc[sent.start - 1].sent if sent.start > 0 else None
    lo = previous.start if previous is not None else sent.start
    named = [e for e in ents(doc) if e.end <= i and e.ent_id_ and entries()[e.ent_id_].type == "State"]
    states = {e.ent_id_ for e in named if lo <= e.start} or {e.ent_id_ for e in named}
    if len(states) != 1:
        return None
    return Span(doc, i, i + 2, label="GPE", span_id=states.pop())
