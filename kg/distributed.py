"""Extraction on a Dask distributed cluster: the same function as on one machine, chunks spread over its workers.

`kg build --scheduler ADDRESS` sends chunks of articles to the cluster's
workers (each loads the spaCy pipeline once and keeps it) and takes the
records back in order; identity across articles and writing the graph happen
here afterwards, so the graph is the one a local build makes.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any


def client(scheduler: Any):
    """A dask.distributed Client for an address ('tcp://host:8786'), or the Client given; StoreError E052 without Dask."""
    from kg.errors import StoreError

    try:
        from dask.distributed import Client
    except ModuleNotFoundError as exc:
        raise StoreError("E052", str(scheduler), "Dask is not installed: pip install 'newskg[dask]'") from exc
    if isinstance(scheduler, Client):
        return scheduler
    try:
        return Client(scheduler, timeout=30)
    except OSError as exc:
        raise StoreError("E052", str(scheduler), f"cannot reach the Dask scheduler: {exc}") from exc


def map_chunks(scheduler: Any, function: Callable[[list], list], chunks: Iterable[list], window: int = 64) -> Iterator[list]:
    """function(chunk) for each chunk on the cluster, results in the chunks' order; at most `window` chunks in flight."""
    dask = client(scheduler)
    own = dask is not scheduler
    try:
        pending = []
        for chunk in chunks:
            pending.append(dask.submit(function, chunk, pure=False))
            if len(pending) >= window:
                yield pending.pop(0).result()
        while pending:
            yield pending.pop(0).result()
    finally:
        if own:
            dask.close()
