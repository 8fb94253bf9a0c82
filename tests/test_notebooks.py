"""Every notebook is stored with its outputs, tells its story in labels (never raw IRIs), and a fresh run gives the same shape."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest

from tests.conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
IRI = re.compile(r"https://w3id\.org/newskg/id/")


def code_cells(nb) -> list:
    return [c for c in nb.cells if c.cell_type == "code"]


def shown(output) -> str:
    """What a reader sees of one output: its text, or its plain and HTML renderings."""
    if output.output_type == "stream":
        return output.text
    data = output.get("data", {})
    return "\n".join(str(data.get(kind, "")) for kind in ("text/plain", "text/html", "text/markdown"))


def shape(nb) -> list[tuple[str, str, tuple[str, ...]]]:
    """Per cell: its type, its source, and the kinds of output it gives (stderr aside: warnings come and go)."""
    return [(c.cell_type, c.source, tuple(sorted({o.output_type for o in c.get("outputs", [])
                                                   if not (o.output_type == "stream" and o.name == "stderr")})))
            for c in nb.cells]


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 3


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebooks_are_stored_with_their_outputs_and_no_errors(path: Path):
    nb = nbformat.read(path, as_version=4)
    code = code_cells(nb)
    assert code and all(c.outputs for c in code), "every code cell shows something"
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), "run top to bottom, once"
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for c in code for o in c.outputs), "at least one chart"
    assert any("text/html" in o.get("data", {}) for c in code for o in c.outputs), "at least one table"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebooks_show_labels_not_iris_and_read_only_the_repository(path: Path):
    nb = nbformat.read(path, as_version=4)
    leaks = [shown(o)[:200] for c in code_cells(nb) for o in c.outputs if IRI.search(shown(o))]
    assert not leaks, leaks
    raw = [shown(o)[:200] for c in code_cells(nb) for o in c.outputs if re.search(r"[\[{]'https?://", shown(o))]
    assert not raw, "a raw Python list or dict of IRIs"
    sources = "\n".join(c.source for c in nb.cells)
    assert "../shared" not in sources and "shared/corpus" not in sources and "/work/" not in sources


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_matches_its_stored_shape(path: Path):
    from jupyter_client.kernelspec import KernelSpecManager
    from nbclient import NotebookClient

    spec = KernelSpecManager().get_kernel_spec("python3")
    # "python" in a kernel spec is replaced by the interpreter running us, i.e. the venv's
    assert spec.argv[0] in ("python", sys.executable, "python3"), f"kernel python3 runs {spec.argv[0]}, not this venv"
    stored = nbformat.read(path, as_version=4)
    fresh = nbformat.read(path, as_version=4)
    for cell in code_cells(fresh):
        cell.outputs, cell.execution_count = [], None
    NotebookClient(fresh, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    assert not [o for c in code_cells(fresh) for o in c.outputs if o.output_type == "error"]
    assert shape(fresh) == shape(stored)
    assert not [c for c in code_cells(fresh) for o in c.outputs if IRI.search(shown(o))]
