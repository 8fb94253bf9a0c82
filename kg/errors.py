"""One exception hierarchy; every message carries a code, a place and a remedy."""
from __future__ import annotations

CODES = {
    "E001": "file is empty",
    "E002": "file holds binary data (NUL bytes)",
    "E003": "file is not valid UTF-8",
    "E004": "missing date header",
    "E005": "impossible date",
    "E006": "JSON line is not valid JSON",
    "E007": "JSON line lacks required fields",
    "E008": "file is over the size limit",
    "E009": "directory holds no articles",
    "E010": "path does not exist",
    "E011": "article has no text",
    "E012": "article is not in English (skipped)",
    "E013": "article could not be extracted",
    "E014": "text holds a lone surrogate",
    "E015": "not a regular file (FIFO, device, socket)",
    "E016": "file is UTF-16 or UTF-32, not UTF-8",
    "E017": "web page holds no main text",
    "E020": "graph file cannot be parsed",
    "E021": "graph does not conform to the shapes",
    "E022": "unknown graph output format",
    "E030": "gold file is not valid",
    "E040": "SPARQL query is malformed",
    "E041": "unknown canned query or parameter",
    "E042": "query not allowed here: SERVICE or update",
    "E043": "result larger than the row cap",
    "E050": "store cannot be opened",
    "E051": "remote endpoint refused the request",
    "E052": "Dask cluster cannot be used",
    "E053": "no such article in the store",
    "E060": "data file is not valid",
    "E061": "identity decisions file is not valid",
    "E062": "gazetteer file is not valid",
    "E063": "no such entity in the graph",
}


class KGError(Exception):
    """Base of all newskg errors: `[E001] path: message`."""

    def __init__(self, code: str, where: str, detail: str = "") -> None:
        self.code = code
        self.where = where
        self.detail = detail or CODES.get(code, "")
        super().__init__(f"[{code}] {where}: {self.detail}")

    def __reduce__(self):
        """Pickled with its code, place and detail (and any attribute set on it), as worker processes send them back."""
        return (self.__class__, (self.code, self.where, self.detail), self.__dict__)


class ReadError(KGError):
    """An article file or line that cannot be read."""


class GraphError(KGError):
    """A graph file that cannot be parsed or does not conform."""


class EvalError(KGError):
    """A gold file that cannot be used for scoring."""


class QueryError(KGError):
    """A SPARQL query that cannot be run."""


class StoreError(KGError):
    """A store or remote endpoint that cannot be used."""


class DataError(KGError):
    """A bundled data file that is broken (a bug in the package)."""


class ArticleSkipped(ReadError):
    """An article that was read but is left out on purpose (not English): reported as a warning."""


class ExtractError(KGError):
    """An article whose extraction failed: the batch goes on without it (a bug worth reporting)."""


class IdentityError(KGError):
    """A decisions or gazetteer file for identity across articles that cannot be used, or an entity not in the graph."""
