"""Archive scale, whole processes: kg build with 1 and 2 workers and on a Dask LocalCluster, next to bare nlp.pipe.

Builds a corpus of re-dated copies of the real articles (bench/make_corpus.py)
and times each command as a whole process with /usr/bin/time -v (wall clock
and peak resident memory of the process and its children), in one run:

- bare: the same spaCy model's `nlp.pipe` over the same texts (the baseline);
- `kg build --workers 1` and `--workers 2` to N-Quads;
- `kg build --scheduler` on a dask LocalCluster of 2 worker processes
  (started before the timing, as a cluster is; its workers load the model
  within the timed build, as local workers do);
- `kg build --workers 1` on the first 500 articles, for memory against size.

    .venv/bin/python bench/bench_scale.py [--count 2000] [--small 500] [--single [--rounds N]]

`--single` runs the bare model and one worker only (the per-article cost); `--rounds N` runs that pair N times,
alternating, and takes each one's fastest run. CPU seconds (user + system) are reported beside wall time: on a
machine shared with other jobs they are the fairer ratio.
"""
from __future__ import annotations

import argparse
import compileall
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make  # noqa: E402

BARE = """
import sys
from pathlib import Path
from kg.read import read_paths
from kg.nlp import bare_pipeline
texts = [a.text for a in read_paths([sys.argv[1]]) if hasattr(a, "text")]
nlp = bare_pipeline()
for doc in nlp.pipe(texts, batch_size=16):
    pass
print(len(texts))
"""


def timed(command: list[str]) -> tuple[float, float, float]:
    """Wall-clock seconds, peak RSS (MiB) and CPU seconds (user + system) of a whole command, from /usr/bin/time -v.

    CPU seconds are the fairer ratio when the machine is shared with other jobs: they count what the command
    itself computed, not the time it waited for a core."""
    done = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{command} failed: {done.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    hours, minutes, seconds = int(wall.group(1) or 0), int(wall.group(2)), float(wall.group(3))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1)) / 1024
    cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", done.stderr).group(1)) for kind in ("User", "System"))
    return hours * 3600 + minutes * 60 + seconds, rss, cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--small", type=int, default=500)
    ap.add_argument("--source", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--single", action="store_true", help="bare nlp.pipe and --workers 1 only (the per-article cost)")
    ap.add_argument("--rounds", type=int, default=1,
                    help="with --single: run bare and --workers 1 this many times, alternating; the table takes each one's "
                         "fastest run and the paired ratio of every round is printed (a shared machine's speed drifts)")
    args = ap.parse_args(argv)
    print("command: .venv/bin/python bench/bench_scale.py " + " ".join(argv if argv is not None else sys.argv[1:]))
    work = Path(tempfile.mkdtemp(prefix="kg-bench-scale-"))
    corpus, small = work / "corpus", work / "small"
    make(corpus, args.count, args.source)
    make(small, args.small, args.source)
    # kg's modules compiled to bytecode first, as the model's installed packages are (an editable install and
    # PYTHONDONTWRITEBYTECODE would otherwise make every timed kg process compile kg from source, the bare one not)
    compileall.compile_dir(str(ROOT / "kg"), quiet=1)
    py, kg = sys.executable, [sys.executable, "-m", "kg", "build"]
    rows = {}
    rounds = []
    for _ in range(max(1, args.rounds if args.single else 1)):  # alternating: a drift in speed touches both alike
        bare = timed([py, "-c", BARE, str(corpus)])
        one = timed([*kg, str(corpus), "-o", str(work / "w1.nq"), "--workers", "1", "--quiet"])
        rounds.append((bare, one))
    rows["bare nlp.pipe"] = min((r[0] for r in rounds), key=lambda t: t[0])
    rows["kg build --workers 1"] = min((r[1] for r in rounds), key=lambda t: t[0])
    if args.single:
        _table(rows, args.count, args.small)
        if len(rounds) > 1:
            ratios = ", ".join(f"{one[0] / bare[0]:.2f}x" for bare, one in rounds)
            print(f"\nfastest runs in the table; each round's kg / bare wall time: {ratios}")
        return 0
    rows["kg build --workers 2"] = timed([*kg, str(corpus), "-o", str(work / "w2.nq"), "--workers", "2", "--quiet"])
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        rows["kg build --scheduler (LocalCluster, 2 workers)"] = timed(
            [*kg, str(corpus), "-o", str(work / "dask.nq"), "--scheduler", cluster.scheduler_address, "--quiet"])
    rows[f"kg build --workers 1, first {args.small}"] = timed([*kg, str(small), "-o", str(work / "small.nq"), "--workers", "1", "--quiet"])
    _table(rows, args.count, args.small)
    one, two = rows["kg build --workers 1"][0], rows["kg build --workers 2"][0]
    dask = rows["kg build --scheduler (LocalCluster, 2 workers)"][0]
    small_rss, big_rss = rows[f"kg build --workers 1, first {args.small}"][1], rows["kg build --workers 1"][1]
    print(f"\n2 workers / 1 worker throughput: {one / two:.2f}x; Dask / --workers 2 time: {dask / two:.2f}x; "
          f"peak RSS {args.count} / {args.small} articles: {big_rss / small_rss:.2f}x")
    return 0


def _table(rows: dict[str, tuple[float, float, float]], count: int, small: int) -> None:
    bare, bare_cpu = rows["bare nlp.pipe"][0], rows["bare nlp.pipe"][2]
    print(f"\n{count} articles (re-dated copies of the real ones), whole processes, /usr/bin/time -v\n")
    print("| run | wall s | articles/s | time / bare | CPU s | CPU / bare | peak RSS MiB |\n|---|---|---|---|---|---|---|")
    for name, (wall, rss, cpu) in rows.items():
        n = small if "first" in name else count
        print(f"| {name} | {wall:.1f} | {n / wall:.2f} | {wall / bare * (count / n):.2f}x | {cpu:.1f} | "
              f"{cpu / bare_cpu * (count / n):.2f}x | {rss:.0f} |")


if __name__ == "__main__":
    sys.exit(main())
