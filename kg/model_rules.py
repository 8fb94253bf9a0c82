"""The model's own rule components, run as table look-ups over the Doc's arrays, with the same output.

spaCy's `attribute_ruler` runs its Matcher over every token of every Doc and
sets each match's attributes one token at a time; the rule `lemmatizer` walks
the tokens in Python. Both decide a token from a few of its attributes, so
the decision is worked out once per distinct combination and kept:

- `AttributeTable`: the ruler's one-token patterns (equality, IN, NOT_IN and
  REGEX on TAG, LOWER, DEP, IS_SPACE) decide a token from those four values;
  every other pattern (several tokens, other attributes or operators) stays
  in a Matcher of its own. Matches are applied in the ruler's order (by rule,
  then position), so a later rule wins as it does in spaCy.
- `LemmaTable`: the lemmatizer's own `lemmatize` is asked once per (ORTH,
  POS, MORPH), the key spaCy's rule lemmatizer caches on; tokens that already
  have a lemma (set by the attribute ruler) keep it unless it overwrites. Its
  word index (`lemma_index`: lists of up to 57,000 words, which `lemmatize`
  tests each candidate form against) is read as sets, with the same answers.

`kg.nlp.pipeline` puts them in place of the originals; tests/test_model_rules.py
checks that the Docs are byte-identical with spaCy's own components.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.matcher import Matcher
from spacy.tokens import Doc

# token attribute of a one-token pattern -> the array attribute it is read from
KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
OPERATORS = {"IN", "NOT_IN", "REGEX"}
MAX_KEPT = 500_000  # decisions kept per table before it starts afresh (memory stays bounded over an archive)


def _test(value: Any) -> Callable[[Any], bool]:
    """A Matcher token condition as a test of one value (a string, or a bool for IS_SPACE)."""
    if not isinstance(value, dict):
        return lambda v: v == value
    ((op, arg),) = value.items()
    if op == "REGEX":
        rx = re.compile(arg)
        return lambda v: bool(rx.search(v))
    words = frozenset(arg)
    return (lambda v: v in words) if op == "IN" else (lambda v: v not in words)


def _one_token(pattern: list[dict]) -> bool:
    return len(pattern) == 1 and set(pattern[0]) <= set(KEYS) and all(
        not isinstance(v, dict) or (len(v) == 1 and set(v) <= OPERATORS) for v in pattern[0].values())


class AttributeTable:
    """An `attribute_ruler`'s patterns, applied with the same result (see the module's docstring)."""

    def __init__(self, ruler: Any) -> None:
        self.vocab, self.attrs, self.indices = ruler.vocab, ruler.attrs, ruler.indices
        # (key, value) of an equality a one-token pattern holds -> (rule, [(key, test)]) of those patterns; patterns
        # with none under (None, None): a token is tested against the patterns of its TAG and LOWER and those
        self.rules: dict[tuple, list[tuple[int, list[tuple[str, Callable[[Any], bool]]]]]] = {}
        self.matcher = Matcher(ruler.vocab)
        # the Matcher's patterns, when each has a fixed length and a first token the four values decide: the tests of
        # their first tokens, and their longest length (the Matcher is run only where one of them can start)
        self.openers: list[list[tuple[str, Callable[[Any], bool]]]] | None = []
        self.reach = 0
        for rule in range(len(ruler.attrs)):
            patterns = ruler.matcher.get(str(rule))[1]
            for pattern in patterns:
                if _one_token(pattern):
                    token = pattern[0]
                    index = next(((k, token[k]) for k in ("TAG", "LOWER") if isinstance(token.get(k), str)), (None, None))
                    self.rules.setdefault(index, []).append((rule, [(k, _test(v)) for k, v in token.items()]))
            rest = [p for p in patterns if not _one_token(p)]
            if rest:
                self.matcher.add(str(rule), rest)
            for pattern in rest:
                if self.openers is not None and _one_token(pattern[:1]) and not any("OP" in token for token in pattern):
                    self.openers.append([(k, _test(v)) for k, v in pattern[0].items()])
                    self.reach = max(self.reach, len(pattern))
                else:
                    self.openers = None  # a pattern of varying length, or opened by another attribute: the whole Doc
        self.keys = sorted(KEYS)
        self.columns = sorted({a for attrs in ruler.attrs for a in attrs})
        self.at = {a: j for j, a in enumerate(self.columns)}  # attribute -> its column in `columns`
        self.kept: dict[tuple, tuple[tuple[int, ...], tuple[tuple[int, int], ...], bool]] = {}

    def _decide(self, row: tuple) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...], bool]:
        """The one-token rules a token of these key values matches, what they set ((column, value) pairs), and whether
        a pattern of the Matcher can start at it."""
        strings = self.vocab.strings
        values = {k: bool(v) if k == "IS_SPACE" else strings[v] for k, v in zip(self.keys, row, strict=True)}
        candidates = [*self.rules.get(("TAG", values["TAG"]), ()), *self.rules.get(("LOWER", values["LOWER"]), ()),
                      *self.rules.get((None, None), ())]
        rules = tuple(sorted({rule for rule, tests in candidates if all(test(values[k]) for k, test in tests)}))
        opens = self.openers is None or any(all(test(values[k]) for k, test in tests) for tests in self.openers)
        return rules, self._cells(rules), opens

    def _cells(self, rules: Iterable[int]) -> tuple[tuple[int, int], ...]:
        """(column, value) of what `rules` set, applied in their order (a later rule's value wins)."""
        final: dict = {}
        for rule in rules:
            final.update(self.attrs[rule])
        return tuple((self.at[attr], value) for attr, value in final.items())

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if len(self.kept) > MAX_KEPT:
            self.kept.clear()
        kept, decisions = self.kept, []
        for row in doc.to_array([KEYS[k] for k in self.keys]).tolist():
            key = tuple(row)
            decided = kept.get(key)
            if decided is None:
                decided = kept[key] = self._decide(key)
            decisions.append(decided)
        longer = self._longer(doc, [i for i, decided in enumerate(decisions) if decided[2]])
        values = doc.to_array(self.columns)
        grid = values.tolist()  # cells set in Python lists, not one numpy item at a time
        for i, (rules, cells, _) in enumerate(decisions):
            if i in longer:
                cells = self._cells(rule for rule, *_ in sorted([(r, i, i + 1) for r in rules] + longer[i]))
            line = grid[i]
            for column, value in cells:
                line[column] = value
        doc.from_array(self.columns, numpy.array(grid, dtype=values.dtype))
        return doc

    def _longer(self, doc: Doc, opening: list[int]) -> dict[int, list[tuple[int, int, int]]]:
        """Token -> (rule, start, end) of the Matcher's matches that set its attributes. With patterns of fixed length
        the Matcher reads a few tokens from each token that can open one (`opening`), not the whole Doc: a match
        opening there is the same (its tokens are tested alone), one opening further on is found from its own start."""
        if not len(self.matcher):
            return {}
        if self.openers is None:
            found = self.matcher(doc, allow_missing=True)
        else:
            found = [(match_id, i, i + end) for i in opening
                     for match_id, start, end in self.matcher(doc[i:i + self.reach], allow_missing=True) if start == 0]
        longer: dict[int, list[tuple[int, int, int]]] = {}
        for match_id, start, end in found:
            rule = int(self.vocab.strings[match_id])
            index = self.indices[rule]
            longer.setdefault(start + index if index >= 0 else end + index, []).append((rule, start, end))
        return longer


def _indexed(lookups: Lookups) -> Lookups:
    """`lookups` with the word lists of its `lemma_index` as frozensets: `lemmatize` asks `form in index` of every
    candidate form, a scan of a list; a set answers the same."""
    if not lookups.has_table("lemma_index"):
        return lookups
    out = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        out.add_table(name, {key: frozenset(words) if name == "lemma_index" and isinstance(words, list) else words
                             for key, words in table.items()})
    return out


class LemmaTable:
    """A rule `lemmatizer`, asked once per (ORTH, POS, MORPH) (see the module's docstring)."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        lemmatizer.lookups = _indexed(lemmatizer.lookups)  # the pipe it replaces is out of the pipeline: no one else reads it
        self.lookups, self.mode = lemmatizer.lookups, lemmatizer.mode  # read as the lemmatizer's (kg.nlp's word lists)
        self.kept: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lemmatizer, strings = self.lemmatizer, doc.vocab.strings
        if not lemmatizer._validated:
            lemmatizer(doc[:0].as_doc())  # validates its tables, as its first call does
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        if len(self.kept) > MAX_KEPT:
            self.kept.clear()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not lemmatizer.overwrite:
                continue
            key = (orth, pos, morph)
            value = self.kept.get(key)
            if value is None:
                value = self.kept[key] = strings.add(lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas)
        return doc


def register() -> None:
    """The factories `kg_attribute_table` and `kg_lemma_table`, each made from the pipe it replaces, still in place."""
    if "kg_attribute_table" in Language.factories:
        return

    @Language.factory("kg_attribute_table")
    def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
        return AttributeTable(nlp.get_pipe("attribute_ruler"))

    @Language.factory("kg_lemma_table")
    def make_lemma_table(nlp: Language, name: str) -> LemmaTable:
        return LemmaTable(nlp.get_pipe("lemmatizer"))


def install(nlp: Language) -> Language:
    """Put the tables in place of the model's `attribute_ruler` and rule `lemmatizer`, where it has them, under the
    same names (what reads the lemmatizer's lookups reads them through the table)."""
    register()
    for name, factory, wanted in (("attribute_ruler", "kg_attribute_table", True),
                                  ("lemmatizer", "kg_lemma_table", "rule")):
        if name not in nlp.pipe_names or (wanted is not True and getattr(nlp.get_pipe(name), "mode", "") != wanted):
            continue
        nlp.add_pipe(factory, after=name)
        nlp.remove_pipe(name)
        nlp.rename_pipe(factory, name)
    return nlp
