"""Extractors: a parsed Doc -> records. They never touch the graph or the store."""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.records import Article, Extraction, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract(article: Article, doc: Doc) -> tuple[Extraction, list[Mention]]:
    """Run every extractor over one article; keys are provisional until resolve."""
    from kg.extract.entities import extract_mentions
    from kg.extract.events import context, extract_events
    from kg.extract.relations import extract_relations, party_posts
    from kg.extract.roles import extract_roles

    mentions = extract_mentions(doc)
    roles = extract_roles(doc, article.date)
    ctx = context(doc, article, [m for m in mentions if m.type != "Product"])  # a product acts in no event
    events = extract_events(ctx)
    relations = extract_relations(ctx) + party_posts(ctx, roles)
    return Extraction(article=article, roles=tuple(roles), events=tuple(events), relations=tuple(relations)), mentions
