"""Archive scale: the same graph from one worker, two worker processes and a Dask LocalCluster; a killed build resumes."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from rdflib import Dataset
from rdflib.compare import to_isomorphic

from tests.conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("scale")]
KG = [sys.executable, "-m", "kg"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """24 articles: re-dated copies of the bundled examples (bench/make_corpus.py), so chunks spread over workers."""
    sys.path.insert(0, str(ROOT / "bench"))
    from make_corpus import make

    folder = tmp_path_factory.mktemp("corpus")
    make(folder, 24, ROOT / "examples")
    return folder


def _graph(path) -> Dataset:
    ds = Dataset()
    ds.parse(str(path), format="nquads")
    return ds


def _same(a: Dataset, b: Dataset) -> bool:
    graphs = lambda ds: {str(g.identifier): to_isomorphic(g) for g in ds.graphs() if len(g)}  # noqa: E731
    ga, gb = graphs(a), graphs(b)
    return ga.keys() == gb.keys() and all(ga[k] == gb[k] for k in ga)


@pytest.fixture(scope="module")
def one_worker(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("one") / "g.nq"
    subprocess.run([*KG, "build", str(corpus), "-o", str(out), "--workers", "1", "--quiet"], check=True)
    return _graph(out)


def test_two_workers_build_the_graph_one_worker_builds(corpus, one_worker, tmp_path):
    out = tmp_path / "g.nq"
    subprocess.run([*KG, "build", str(corpus), "-o", str(out), "--workers", "2", "--quiet"], check=True)
    assert len(one_worker) > 1000 and _same(_graph(out), one_worker)


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_graph_files_rendered_in_two_processes_are_the_one_process_file(corpus, one_worker, tmp_path, monkeypatch, fmt):
    """The file is rendered in worker processes when a build has more than one chunk of articles: same graph."""
    from kg import pipeline
    from kg.graphio import load

    monkeypatch.setattr(pipeline, "RENDER_CHUNK", 5)  # 24 articles: five chunks over two processes
    stream = pipeline.build_stream([corpus], tmp_path / "journal", workers=1)
    stream.workers = 2
    counts = pipeline.write_stream(stream, tmp_path / f"g.{fmt}", None)
    assert counts["entities"] > 0 and counts["triples"] > counts["entities"]
    assert _same(load(tmp_path / f"g.{fmt}"), one_worker)


def test_a_dask_cluster_builds_the_graph_one_worker_builds(corpus, one_worker, tmp_path):
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert len(cluster.workers) == 2
        out = tmp_path / "g.nq"
        subprocess.run([*KG, "build", str(corpus), "-o", str(out), "--scheduler", cluster.scheduler_address, "--quiet"], check=True)
    assert _same(_graph(out), one_worker)


def test_an_unreachable_scheduler_is_a_coded_error(corpus, tmp_path):
    done = subprocess.run([*KG, "build", str(corpus), "-o", str(tmp_path / "g.nq"), "--scheduler", "tcp://127.0.0.1:9"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "[E052]" in done.stderr and "Traceback" not in done.stderr


def test_a_build_killed_halfway_resumes_to_the_uninterrupted_graph(corpus, one_worker, tmp_path):
    from kg.journal import Journal

    out = tmp_path / "g.nq"
    journal = Journal(tmp_path / ".g.nq.journal")
    process = subprocess.Popen([*KG, "build", str(corpus), "-o", str(out), "--workers", "1", "--quiet"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(journal.done()) < 6 and process.poll() is None:
        time.sleep(0.2)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    done_before = journal.done()
    assert 6 <= len(done_before) < 24 and not out.exists(), "the kill came too late to test a resume"
    resumed = subprocess.run([*KG, "build", str(corpus), "-o", str(out), "--workers", "1", "--resume"],
                             capture_output=True, text=True, check=True)
    assert f"resuming: {len(done_before)} article(s) already extracted" in resumed.stderr
    assert _same(_graph(out), one_worker)
    assert not journal.path.exists(), "a finished build removes its journal"
