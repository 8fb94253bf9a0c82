"""Shared fixtures: the one place tests find data and models."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))


def _shared_dir(sub: str) -> Path:
    """A folder of the public dev data, read in place; skip (or fail in CI) when absent."""
    path = SHARED / sub
    if not path.is_dir():
        reason = f"{path} is absent: the public evaluation data ({sub}) is not on this machine"
        if os.environ.get("KG_REQUIRE_EVAL") == "1":
            pytest.fail(reason + " and KG_REQUIRE_EVAL=1 requires it")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    """../shared/eval (or $KG_SHARED/eval)."""
    return _shared_dir("eval")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """../shared/corpus (or $KG_SHARED/corpus)."""
    return _shared_dir("corpus")


SEED = ROOT / "examples" / "2020-07-16-serbia-kosovo-brussels-talks.txt"
SEED_GOLD = DATA / "gold" / "2020-07-16-serbia-kosovo-brussels-talks.json"


@pytest.fixture(scope="session")
def seed_build():
    """The seed article built once per test session (real spaCy model)."""
    from kg.pipeline import build

    result = build([SEED])
    assert not result.errors
    return result


@pytest.fixture(scope="session")
def seed_extraction(seed_build):
    """The seed's resolved Extraction record."""
    return seed_build.extractions[0]


@pytest.fixture(scope="session")
def seed_dataset(seed_build):
    """The seed as an rdflib Dataset (one named graph + the shared entities graph)."""
    from kg.rdf import to_dataset

    return to_dataset(seed_build.extractions)


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    """The hand-made reference answers for the seed article."""
    import json

    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def listener():
    """A loopback listener that must receive nothing from the attack tests (tests.store.helpers.Listener)."""
    from tests.store.helpers import Listener

    server = Listener()
    yield server
    server.shutdown()
    server.server_close()
