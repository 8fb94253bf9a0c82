"""The only place that mints instance IRIs, deterministically from canonical keys.

>>> str(article_iri("eabb4999e4bc67c8"))
'https://w3id.org/newskg/id/article/eabb4999e4bc67c8'
>>> str(entity_iri("state-Q403"))
'https://w3id.org/newskg/id/entity/state-Q403'
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.vocab import ENTITIES_GRAPH as _ENTITIES_GRAPH
from kg.vocab import ID

ENTITIES_GRAPH = URIRef(_ENTITIES_GRAPH)
SOURCES_GRAPH = URIRef(ID + "graph/sources")  # a store's article nodes -> the file or URL each was read from
RECORDS_GRAPH = URIRef(ID + "graph/records")  # a store's build records (kg.corpus): bookkeeping, not published


def slug(text: str) -> str:
    """ASCII, lower-case, hyphenated form of a name, transliterated: 'Aleksandar Vučić' -> 'aleksandar-vucic'.

    >>> slug("Aleksandar Vučić"), slug("Đoković"), slug("Владимир Путин")
    ('aleksandar-vucic', 'dokovic', 'vladimir-putin')
    """
    folded = to_ascii(text).lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x"


def to_ascii(text: str) -> str:
    """ASCII letters for every letter: diacritics dropped (NFKD), other scripts and letters such as 'Đ' transliterated
    (anyascii); other non-ASCII characters dropped."""
    if text.isascii():
        return text
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch)
            continue
        plain = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
        if plain:
            out.append(plain)
        elif unicodedata.category(ch).startswith("L"):
            from anyascii import anyascii

            out.append(anyascii(ch))
    return "".join(out)


def digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]


def article_iri(article_id: str) -> URIRef:
    """The article node, also the IRI of its named graph."""
    return URIRef(f"{ID}article/{article_id}")


def record_iri(article_id: str) -> URIRef:
    """The build record of an article in a store (kg.corpus)."""
    return URIRef(f"{ID}record/{article_id}")


def entity_iri(key: str) -> URIRef:
    """An actor or place, shared by every article that names it."""
    return URIRef(f"{ID}entity/{key}")


def event_iri(article_id: str, key: str) -> URIRef:
    """An event reported in one article."""
    return URIRef(f"{ID}event/{article_id}-{key}")


def event_merge_iri(article_id: str, key: str) -> URIRef:
    """The record of one article's event joined to the event node of another article's report."""
    return URIRef(f"{ID}event-merge/{article_id}-{key}")


def role_iri(article_id: str, holder: str, name: str, of: str) -> URIRef:
    """A position as one article reports it."""
    return URIRef(f"{ID}role/{article_id}-{digest(holder, name, of)}")


def relation_iri(article_id: str, subject: str, predicate: str, obj: str) -> URIRef:
    """The reified statement of a lasting relation in one article."""
    return URIRef(f"{ID}relation/{article_id}-{digest(subject, predicate, obj)}")


def evidence_iri(article_id: str, start: int, end: int, extractor: str, fact: str = "") -> URIRef:
    """One piece of evidence: a span of the article read by one extractor for one fact."""
    return URIRef(f"{ID}evidence/{article_id}-{start}-{end}-{digest(extractor, fact)}")


def merge_iri(key: str, merged: str, rule: str, score: float) -> URIRef:
    """A merge across articles: local entities of key `merged` joined the entity `key` by `rule`."""
    return URIRef(f"{ID}entity/{key}/merge/{slug(merged)}-{digest(rule, round(score, 3))}")
