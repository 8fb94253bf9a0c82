"""Lasting relations between actors stated in the text."""
from __future__ import annotations

from kg.records import Relation


def extract_relations(doc, article, mentions) -> list[Relation]:
    """Every lasting relation the article states."""
    return []
