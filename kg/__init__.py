"""newskg: news articles to a provenance-rich knowledge graph."""

__version__ = "0.1.0"


def open(source):  # noqa: A001 - kg.open(store_or_file), like io.open; pandas is imported only when called
    """A kg.api.Desk over a store directory, graph file, pyoxigraph Store or rdflib Dataset: tables and graphs for notebooks."""
    from kg.api import open as open_desk

    return open_desk(source)
