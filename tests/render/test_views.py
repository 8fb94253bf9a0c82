"""Every view of a realistic-size graph (1,000+ nodes) in headless Chromium, checked as a person sees it.

Labels drawn do not overlap (vis-network's own label boxes), the drawn nodes
and labels are bounded, what was folded or left out is said on the page, the
article view shows that article's sentences only, and the timeline reads
left to right in time with undated events last. Screenshots go to
test-artifacts/ (view-*.png).
"""
from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from kg.analysis.project import typed_graph
from kg.cli import main
from kg.render import DEFAULT_MAX_NODES, load_styles
from tests.conftest import ROOT
from tests.render import browser
from tests.render.big import big_dataset
from tests.render.test_browser import driver  # noqa: F401 - the shared headless Chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("chromium")]
ARTIFACTS = ROOT / "test-artifacts"
AT_FIT = int(load_styles()["labels"]["at_fit"])


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    from kg.graphio import save

    path = tmp_path_factory.mktemp("big") / "archive.trig"
    save(big_dataset(), path)
    return path


def busiest_article(path: Path) -> str:
    g = typed_graph(path)
    counts: dict[str, int] = {}
    for d in g.nodes.values():
        if d["kind"] == "event":
            for a in d["articles"]:
                counts[a] = counts.get(a, 0) + 1
    return max(sorted(counts), key=counts.get)


def show(driver, graph: Path, tmp: Path, name: str, *argv: str) -> dict:  # noqa: F811
    """Render a view, load it at 1400x900, wait for the layout; what is on screen."""
    from selenium.webdriver.support.ui import WebDriverWait

    out = tmp / f"{name}.html"
    assert main(["render", str(graph), "-o", str(out), "--quiet", *argv]) == 0
    driver.set_window_size(1400, 900)
    browser.console_errors(driver)
    driver.get(out.as_uri())
    WebDriverWait(driver, 120).until(lambda d: d.execute_script("return !!(window.kgRender && window.kgRender.state.stabilized)"))
    seen = driver.execute_script("""
        var k = kgRender, net = k.network, box = document.getElementById("kg-network");
        net.redraw();
        var ids = k.nodes.getIds({filter: function (n) { return !n.hidden; }});
        var pos = net.getPositions(ids), onScreen = 0;
        ids.forEach(function (id) {
          var p = net.canvasToDOM(pos[id]);
          if (p.x >= 0 && p.y >= 0 && p.x <= box.clientWidth && p.y <= box.clientHeight) { onScreen++; }
        });
        var labels = k.state.labelled.filter(function (id) { return k.nodes.get(id).label; }).map(function (id) {
          var s = net.body.nodes[id].labelModule.size;
          return {id: id, text: k.nodes.get(id).label, box: [s.left, s.top, s.left + s.width, s.top + s.height]};
        });
        return {drawn: ids.length, onScreen: onScreen, labels: labels, total: k.data.total.nodes,
                folded: document.getElementById("kg-folded").innerText, always: k.data.labels.always.length,
                nodes: k.data.nodes.map(function (n) { return n.kg; })};""")
    assert browser.console_errors(driver) == []
    assert all(u.startswith(("file://", "data:")) for u in browser.requested_urls(driver))
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"view-{name}.png"))
    assert (ARTIFACTS / f"view-{name}.png").stat().st_size > 20_000
    return seen


def overlapping(labels: list[dict]) -> list[tuple[str, str]]:
    def cross(a, b):
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    return [(a["text"], b["text"]) for a, b in itertools.combinations(labels, 2) if cross(a["box"], b["box"])]


@pytest.mark.parametrize("name, argv", [
    ("full", []),
    ("actors", ["--view", "actors"]),
    ("ego", ["--view", "ego", "--actor", "P016"]),
    ("timeline", ["--view", "timeline"]),
])
def test_a_view_of_a_large_archive_reads_well(driver, big, tmp_path, name, argv):  # noqa: F811
    seen = show(driver, big, tmp_path, name, *argv)
    assert typed_graph(big).number_of_nodes() > 1000
    assert 0 < seen["drawn"] <= DEFAULT_MAX_NODES
    assert seen["labels"] and not overlapping(seen["labels"])
    assert len(seen["labels"]) <= AT_FIT + seen["always"]
    if name == "full":
        folded = dict((m.group(2), int(m.group(1))) for m in re.finditer(r"(\d+) ([^\n]+)", seen["folded"]))
        assert folded.get("one-off statements", 0) > 0 and any(k.startswith("isolated") for k in folded)
        assert {n["community"] for n in seen["nodes"]} - {None}
        grouped = [n["label"] for n in seen["nodes"] if n["label"].startswith("Statements of ")]
        assert grouped and len({g.split(" (")[0] for g in grouped}) == len(grouped)  # one group per speaker


def test_zooming_in_shows_more_labels_and_none_overlap(driver, big, tmp_path):  # noqa: F811
    show(driver, big, tmp_path, "full-zoom")
    before = driver.execute_script("return kgRender.state.labelled.length")
    driver.execute_script("var n = kgRender.network; n.moveTo({scale: n.getScale() * 3, animation: false}); kgRender.placeLabels();")
    # vis-network measures a label when it draws it: compare the labels of the nodes on screen
    after = driver.execute_script("""var k = kgRender, net = k.network, box = document.getElementById("kg-network"); net.redraw();
        return k.state.labelled.filter(function (id) {
          var p = net.canvasToDOM(net.getPositions([id])[id]);
          return k.nodes.get(id).label && p.x > 0 && p.y > 0 && p.x < box.clientWidth && p.y < box.clientHeight;
        }).map(function (id) {
          var s = k.network.body.nodes[id].labelModule.size;
          return {text: k.nodes.get(id).label, box: [s.left, s.top, s.left + s.width, s.top + s.height]}; });""")
    assert len(after) > before / 2 and driver.execute_script("return kgRender.state.labelled.length") > before
    assert not overlapping(after)


def test_the_article_view_shows_that_articles_sentences_only(driver, big, tmp_path):  # noqa: F811
    article = busiest_article(big)
    seen = show(driver, big, tmp_path, "article", "--view", "article", "--article", article)
    sources = {ev["article"] for n in seen["nodes"] for ev in n["evidence"]}
    assert sources == {article}
    assert all(n["articles"] in ([], [article]) for n in seen["nodes"])


def test_the_timeline_reads_left_to_right_with_undated_last(driver, big, tmp_path):  # noqa: F811
    show(driver, big, tmp_path, "timeline-order", "--view", "timeline")
    rows = driver.execute_script("""var k = kgRender, pos = k.network.getPositions();
        return k.data.nodes.filter(function (n) { return n.kg.kind === "event"; })
          .map(function (n) { return [n.kg.date, pos[n.id].x, n.kg.lane]; });""")
    dated = sorted((r for r in rows if r[0] and len(r[0]) == 10), key=lambda r: r[0])
    undated = [r for r in rows if not r[0]]
    assert dated and undated
    xs = [x for _, x, _ in dated]
    assert xs == sorted(xs)
    assert min(x for _, x, _ in undated) > max(xs)
    lanes = driver.execute_script("return kgRender.data.nodes.filter(function (n) { return n.kg.kind !== 'event' "
                                  "&& n.kg.lane !== null; }).map(function (n) { return n.kg.label; })")
    assert len(lanes) == 12
