"""newskg: news articles to a provenance-rich knowledge graph."""

__version__ = "0.1.0"
