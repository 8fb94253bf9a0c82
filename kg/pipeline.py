"""The order of the stages: read -> nlp -> extract -> resolve -> rdf. Implements none of them."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError, ReadError
from kg.records import Article, Extraction


@dataclass
class BuildResult:
    """What a build produced: the extractions and the errors of inputs that failed."""

    extractions: list[Extraction] = field(default_factory=list)
    errors: list[KGError] = field(default_factory=list)


def extract_articles(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
    """nlp, extract and resolve for each article, in order."""
    from kg.extract import extract
    from kg.nlp import pipeline
    from kg.resolve import resolve

    nlp = pipeline()
    articles = list(articles)
    for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=batch_size), strict=True):
        extraction, mentions = extract(article, doc)
        yield resolve(extraction, mentions)


def build(paths: Iterable[str | Path], *, max_bytes: int | None = None, progress: Callable[[int], None] | None = None,
          total: Callable[[int], None] | None = None) -> BuildResult:
    """Read every input, extract what the articles report; bad inputs are reported, not fatal.

    `total` is told how many articles will be extracted, `progress` is told of each one done.
    """
    from kg.read import DEFAULT_MAX_BYTES, read_paths

    result = BuildResult()
    articles: dict[str, Article] = {}
    for item in read_paths(paths, max_bytes or DEFAULT_MAX_BYTES):
        if isinstance(item, ReadError):
            result.errors.append(item)
        else:
            articles.setdefault(item.id, item)  # the same article twice is one article
    if total is not None:
        total(len(articles))
    from kg.resolve import link_across

    for extraction in extract_articles(articles.values()):
        result.extractions.append(extraction)
        if progress is not None:
            progress(1)
    result.extractions = link_across(result.extractions)
    return result
