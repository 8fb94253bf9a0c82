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
