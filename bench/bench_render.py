"""Time until a rendered page's layout is stable in headless Chromium, by graph size.

Synthetic typed graphs (a quarter events, each with 2-4 actors and sometimes
a place; one evidence sentence a node) are rendered with every node drawn
and opened offline in headless Chromium; the page records when vis-network
fires "stabilized". Also timed: rendering the HTML in Python. Baseline, same
run, same page: pyvis 0.3.2's default vis options (Barnes-Hut, improved
initial layout, dynamic smooth edges, 1,000 stabilization iterations) in place
of those in kg/data/styles.toml. The default `--max-nodes` of `kg render` is
the largest size whose page stabilises within the budget (3 s).

    .venv/bin/python bench/bench_render.py            # 200, 500, 1000, 2000, 5000 nodes
    .venv/bin/python bench/bench_render.py --sizes 200 1000 --repeat 1
"""
from __future__ import annotations

import argparse
import copy
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402

from kg.render import load_styles, render  # noqa: E402
from tests.render import browser  # noqa: E402

ACTOR_TYPES = [("Person", "actor")] * 8 + [("Organization", "actor")] * 3 + [("State", "actor")] * 2 + [("Place", "place")] * 2


def synthetic(n: int, seed: int = 7) -> nx.MultiDiGraph:
    """A typed graph of `n` nodes shaped like newskg's: a quarter events linked to 2-4 actors and maybe a place."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    n_events = n // 4
    actors, places = [], []
    for i in range(n - n_events):
        t, kind = rng.choice(ACTOR_TYPES)
        node = f"https://w3id.org/newskg/id/entity/{t.lower()}-{i}"
        day = f"20{rng.randint(10, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        g.add_node(node, label=f"{t} {i}", type=t, kind=kind, date="", articles=[f"a{i % 97}"],
                   evidence=[{"sentence": f"{t} {i} was mentioned in a sentence of article a{i % 97}.", "article": f"a{i % 97}",
                              "date": day, "start": 0, "end": 9}])
        (places if kind == "place" else actors).append(node)
    # preferential attachment: some actors take part in many events
    weights = [1 / (k + 1) ** 0.8 for k in range(len(actors))]
    for j in range(n_events):
        node = f"https://w3id.org/newskg/id/event/e{j}"
        day = f"20{rng.randint(10, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        t = rng.choice(["Meeting", "Statement", "Agreement", "Sanction", "Charge", "Election"])
        g.add_node(node, label=f"{t} {j}", type=t, kind="event", date=day, articles=[f"a{j % 97}"],
                   evidence=[{"sentence": f"Event {j} happened.", "article": f"a{j % 97}", "date": day, "start": 0, "end": 5}])
        for actor in set(rng.choices(actors, weights=weights, k=rng.randint(2, 4))):
            g.add_edge(node, actor, key="participant", label="participant", date=day)
        if places and rng.random() < 0.5:
            g.add_edge(node, rng.choice(places), key="place", label="place", date=day)
    return g


def pyvis_default_styles() -> dict:
    """kg/data/styles.toml with its vis options replaced by what a bare pyvis Network uses."""
    from pyvis.network import Network

    styles = copy.deepcopy(load_styles())
    styles["vis"] = json.loads(Network().options.to_json())
    return styles


def measure(driver, page: Path, timeout: float) -> tuple[float | None, int | None]:
    """Milliseconds from navigation start to the first "stabilized" event, and vis-network's iteration count."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get("about:blank")
    driver.get(page.as_uri())
    try:
        WebDriverWait(driver, timeout, poll_frequency=0.05).until(
            lambda d: d.execute_script("return !!(window.kgRender && window.kgRender.state.stabilized)"))
    except TimeoutException:
        return None, None
    stabilized, iterations = driver.execute_script("return [kgRender.state.stabilized, kgRender.state.iterations]")
    return float(stabilized), iterations


def _median(runs: list[tuple[float | None, int | None]]) -> float | None:
    """Median seconds, None when any run timed out."""
    times = [ms for ms, _ in runs if ms is not None]
    return statistics.median(times) / 1000 if len(times) == len(runs) else None


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[200, 500, 1000, 2000, 5000])
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--budget", type=float, default=3.0, help="seconds a layout may take (default 3)")
    p.add_argument("--timeout", type=float, default=240.0)
    p.add_argument("--baseline-max", type=int, default=1000, help="largest size to time with pyvis's default options (slow)")
    args = p.parse_args(argv)
    if not browser.available():
        print("chromium and chromedriver are not installed", file=sys.stderr)
        return 2
    rows = []
    baseline = pyvis_default_styles()
    with tempfile.TemporaryDirectory() as tmp, browser.chromium() as driver:
        for n in args.sizes:
            g = synthetic(n)
            centrality = nx.degree_centrality(g)
            page = Path(tmp) / f"g{n}.html"
            t0 = time.perf_counter()
            render(g, page, centrality=centrality, max_nodes=None)
            render_s = time.perf_counter() - t0
            runs = [measure(driver, page, args.timeout) for _ in range(args.repeat)]
            base = None
            if n <= args.baseline_max:
                render(g, page, centrality=centrality, max_nodes=None, styles=baseline)
                base = [measure(driver, page, args.timeout) for _ in range(args.repeat)]
            rows.append((n, g.number_of_edges(), render_s, page.stat().st_size, _median(runs), runs, _median(base) if base else "n/a"))
            print(f"{n} nodes: render {render_s:.2f} s, stabilized {[r[0] for r in runs]} ms, iterations {runs[0][1]}; "
                  f"pyvis defaults {base}", file=sys.stderr)
    print("| nodes | edges | render (Python) | stabilized, kg styles (median) | iterations | stabilized, pyvis defaults (median) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n, m, render_s, _size, median, runs, base in rows:
        shown = f">{args.timeout:.0f} s" if median is None else f"{median:.2f} s"
        base_shown = base if isinstance(base, str) else f">{args.timeout:.0f} s" if base is None else f"{base:.2f} s"
        print(f"| {n:,} | {m:,} | {render_s:.2f} s | {shown} | {runs[0][1]} | {base_shown} |")
    fits = [row[0] for row in rows if row[4] is not None and row[4] <= args.budget]
    print(f"\nlargest size stabilised within {args.budget:g} s: {max(fits) if fits else 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
