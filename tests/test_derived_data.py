"""Every derived data file is what its script writes today from its resources.

A row typed into a derived file by hand, or a script changed without rerunning it, makes the file say what no
resource says (the file's `source` would be false). Each script is run on a copy of the repository's `kg/` and
`scripts/`, and the copy's `kg/data` must be byte for byte the committed one.

The scripts read ../shared/reference (PETRARCH-2, Wikidata ids) and WordNet 3.0 at /usr/share/wordnet (Debian's
wordnet-base, which `.ci/run` installs). `derive_nicknames.py` reads a package the project does not install, so it
is not rerun here.
"""
from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SHARED, _shared_dir

WORDNET = Path("/usr/share/wordnet")

# script: its arguments, a folder under ../shared or WordNet's; and whether it also reads WordNet by itself
SCRIPTS = {
    "build_gazetteers.py": (("reference",), False),
    "derive_wordnet.py": (("wordnet",), True),
    "derive_titles.py": (("reference/petrarch2",), False),
    "derive_country_places.py": (("reference/petrarch2",), False),
    "derive_armed_groups.py": (("reference/petrarch2",), False),
    "derive_triggers.py": (("",), True),
}


def _wordnet() -> Path:
    """WordNet's dictionary folder; skip (or fail in CI, which installs it) when absent."""
    if not (WORDNET / "data.noun").is_file():
        reason = f"{WORDNET} has no WordNet 3.0 (Debian: apt-get install wordnet-base)"
        if os.environ.get("CI"):
            pytest.fail(reason + ", which CI installs")
        pytest.skip(reason)
    return WORDNET


def _argument(spec: str) -> str:
    """WordNet's folder, or a folder of ../shared (which must be there)."""
    if spec == "wordnet":
        return str(_wordnet())
    _shared_dir("reference")
    return str(SHARED / spec)


def _differences(ours: Path, theirs: Path) -> list[str]:
    """Files of `ours` that differ from, or are missing in, `theirs` (and new files in `theirs`)."""
    cmp = filecmp.dircmp(ours, theirs)
    out = [f"{name}: differs" for name in cmp.diff_files] + [f"{name}: not written" for name in cmp.left_only]
    out += [f"{name}: written but not committed" for name in cmp.right_only]
    out += [f"{name}: could not compare" for name in cmp.funny_files]
    return sorted(out)


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_a_derived_file_is_what_its_script_writes(script, tmp_path):
    specs, reads_wordnet = SCRIPTS[script]
    if reads_wordnet:
        _wordnet()
    args = [_argument(spec) for spec in specs]
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "kg", copy / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "scripts", copy / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    run = subprocess.run([sys.executable, str(copy / "scripts" / script), *args], cwd=copy, capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(copy)}, timeout=600)
    assert run.returncode == 0, f"{script} failed: {run.stderr[-2000:]}"
    changed = _differences(ROOT / "kg" / "data", copy / "kg" / "data")
    assert not changed, f"{script} writes kg/data files other than the committed ones (rerun it and commit): {changed}"
