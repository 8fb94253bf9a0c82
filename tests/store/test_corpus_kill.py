"""kill -9 during `kg remove` and during an edited re-ingest: the store is as it was before, or as it is after.

A real `kg` process runs against a real store, its store wrapped so that it
says on stdout where it is (store opened, the corpus transaction starting and
ended, compaction starting); the test kills it with SIGKILL at each point, and
at several delays into the transaction, then opens the store and compares
every quad with the store before the command and after an uninterrupted run.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT
from tests.store.test_corpus import SEED, build, quads

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("corpus")]

VARIANTS = 30  # articles naming 'Vucic' alone: removing or editing the seed rewrites them all in the one transaction

# Runs `kg ARGS...` with its store wrapped: each step the test may kill at is announced on stdout first.
WATCHED = r"""
import sys
import kg.store

real_open = kg.store.open_store


def say(point):
    sys.stdout.write(point + "\n")
    sys.stdout.flush()


class Watched:
    def __init__(self, store):
        self._store = store

    def __getattr__(self, name):
        return getattr(self._store, name)

    def update(self, text, **options):
        point = "ontology" if text.startswith("DROP SILENT GRAPH <https://w3id.org/newskg/ontology>") else "transaction"
        say(point + "-start")
        self._store.update(text, **options)
        say(point + "-end")

    def optimize(self):
        say("optimize-start")
        self._store.optimize()
        say("optimize-end")


def open_store(*args, **options):
    store = Watched(real_open(*args, **options))
    say("open")
    return store


kg.store.open_store = open_store
from kg.cli import main

sys.exit(main(sys.argv[1:]))
"""

# (point, seconds after it) to kill at: the removal's transaction rewrites the VARIANTS and lasts about 0.05-0.2 s on
# this machine, so the delays fall before it, through it and near its commit
POINTS = [("open", 0.0), *(("transaction-start", d) for d in (0.0, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16)), ("transaction-end", 0.0),
          ("ontology-start", 0.0), ("optimize-start", 0.0)]


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """A store of the examples and VARIANTS short reports that name Vucic by surname only, and the folder they came from."""
    folder = tmp_path_factory.mktemp("kill") / "articles"
    folder.mkdir()
    for path in sorted((ROOT / "examples").glob("*.txt")):
        shutil.copy(path, folder / path.name)
    for n in range(VARIANTS):
        (folder / f"2020-07-{17 + n % 10}-vucic-{n}.txt").write_text(
            f" date 2020-07-{17 + n % 10} Vucic said on Monday that the talks would continue (report {n}).\n", encoding="utf-8")
    store = folder.parent / "store"
    report = build(store, [folder])
    assert report.added == 7 + VARIANTS
    return folder, store


def run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", WATCHED, *args], capture_output=True, text=True, timeout=900, cwd=ROOT)


def kill_at(args: list[str], point: str, delay: float) -> list[str]:
    """Run the watched command, SIGKILL it `delay` seconds after it announces `point`; the points it announced."""
    process = subprocess.Popen([sys.executable, "-c", WATCHED, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               cwd=ROOT)
    seen = []
    try:
        for line in process.stdout:
            seen.append(line.strip())
            if line.strip() == point:
                if delay:
                    time.sleep(delay)
                os.kill(process.pid, signal.SIGKILL)
                break
    finally:
        process.stdout.close()
        process.wait(60)
    assert point in seen, f"the command never reached {point}: it announced {seen}"
    assert process.returncode == -signal.SIGKILL, f"the command finished before it could be killed at {point}"
    return seen


def outcomes(args_for, pristine, tmp_path, points, repair: bool) -> dict[tuple[str, float], str]:
    """Kill the command at each point on a fresh copy of `pristine`; 'before' or 'after' for each (anything else fails)."""
    reference = tmp_path / "reference"
    shutil.copytree(pristine, reference)
    done = run(args_for(reference))
    assert done.returncode == 0, done.stderr
    before, after = quads(pristine), quads(reference)
    assert before != after
    seen: dict[tuple[str, float], str] = {}
    for n, (point, delay) in enumerate(points):
        copy = tmp_path / f"killed-{n}"
        shutil.copytree(pristine, copy)
        kill_at(args_for(copy), point, delay)
        found = quads(copy)
        assert found in (before, after), f"killed at {point} + {delay} s: the store is neither as before nor as after"
        seen[(point, delay)] = "before" if found == before else "after"
        if repair and found == before:
            assert run(args_for(copy)).returncode == 0
            assert quads(copy) == after
        shutil.rmtree(copy)
    print(seen)
    assert seen[("open", 0.0)] == "before" and seen[("transaction-end", 0.0)] == "after"
    return seen


def test_kill_9_during_remove_leaves_the_store_before_or_after(prepared, tmp_path):
    _, store = prepared
    outcomes(lambda path: ["remove", SEED.removesuffix(".txt"), "--store", str(path)], store, tmp_path, POINTS, repair=True)


def test_kill_9_during_an_edited_reingest_leaves_the_store_before_or_after(prepared, tmp_path):
    folder, store = prepared
    edited = tmp_path / "articles"
    shutil.copytree(folder, edited)
    pristine = tmp_path / "pristine"
    build(pristine, [edited])  # the same store, built from the folder the edit happens in
    seed = edited / SEED
    seed.write_text(seed.read_text(encoding="utf-8") + "\nThe talks ended without an agreement, Borrell said.\n", encoding="utf-8")
    points = [p for p in POINTS if p[0] != "transaction-start" or p[1] in (0.0, 0.01, 0.04)]
    seen = outcomes(lambda path: ["build", str(edited), "--store", str(path), "--workers", "1", "--quiet"], pristine, tmp_path, points,
                    repair=False)
    assert set(seen.values()) == {"before", "after"}
