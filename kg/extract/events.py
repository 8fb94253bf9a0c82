"""Events as n-ary nodes: trigger, participants with roles, place, time, status."""
from __future__ import annotations

from kg.records import Event


def extract_events(doc, article, mentions) -> list[Event]:
    """Every event the article reports."""
    return []
