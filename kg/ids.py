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

from kg.vocab import ID

ENTITIES_GRAPH = URIRef(ID + "graph/entities")
SOURCES_GRAPH = URIRef(ID + "graph/sources")  # a store's article nodes -> the file or URL each was read from
RECORDS_GRAPH = URIRef(ID + "graph/records")  # a store's build records (kg.corpus): bookkeeping, not published


def slug(text: str) -> str:
    """ASCII, lower-case, hyphenated form of a name: 'Aleksandar Vučić' -> 'aleksandar-vucic'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x"


def _digest(*parts: object) -> str:
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


def role_iri(article_id: str, holder: str, name: str, of: str) -> URIRef:
    """A position as one article reports it."""
    return URIRef(f"{ID}role/{article_id}-{_digest(holder, name, of)}")


def relation_iri(article_id: str, subject: str, predicate: str, obj: str) -> URIRef:
    """The reified statement of a lasting relation in one article."""
    return URIRef(f"{ID}relation/{article_id}-{_digest(subject, predicate, obj)}")


def evidence_iri(article_id: str, start: int, end: int, extractor: str, fact: str = "") -> URIRef:
    """One piece of evidence: a span of the article read by one extractor for one fact."""
    return URIRef(f"{ID}evidence/{article_id}-{start}-{end}-{_digest(extractor, fact)}")
