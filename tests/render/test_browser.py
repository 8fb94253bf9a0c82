"""The rendered page in a real headless Chromium, offline: loads clean, draws the graph, hovers, filters, runs no article text."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.analysis.project import typed_graph
from kg.cli import main
from tests.conftest import DATA, ROOT
from tests.render import browser

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("chromium")]

SEED = ROOT / "examples" / "2020-07-16-serbia-kosovo-brussels-talks.txt"
SMALL = Path(__file__).parent / "small.trig"
ARTIFACTS = ROOT / "test-artifacts"
SCRIPT_QUOTE = "<script>window.__pwned=1</script>"
IMG_QUOTE = '<img src=x onerror="window.__pwned=2">'
HOSTILE_ARTICLE = f""" date 2020-07-20 Serbian President Aleksandar Vucic told reporters in Belgrade: "{SCRIPT_QUOTE} is what they wrote."

Kosovo's Prime Minister Avdullah Hoti answered in Pristina that "{IMG_QUOTE} proves nothing".
"""


@pytest.fixture(scope="module")
def driver():
    if not browser.available():
        if os.environ.get("CI"):
            pytest.fail("chromium and chromedriver are required in CI: apt-get install chromium chromium-driver")
        pytest.skip("Debian's chromium and chromedriver are not installed")
    with browser.chromium() as d:
        yield d


def build(tmp: Path, *inputs: Path) -> Path:
    out = tmp / "graph.trig"
    subprocess.run([sys.executable, "-m", "kg", "build", *map(str, inputs), "-o", str(out), "--quiet"], check=True)
    return out


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("seed"), SEED)


@pytest.fixture(scope="module")
def hostile_graph(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    article = tmp / "2020-07-20-hostile-quotes.txt"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    return build(tmp, article)


def open_page(driver, graph: Path, tmp: Path, *argv: str) -> dict:
    """Render `graph` with `kg render ARGV`, load the page, wait for a stable layout; the page's summary."""
    from selenium.webdriver.support.ui import WebDriverWait

    out = tmp / "page.html"
    assert main(["render", str(graph), "-o", str(out), "--quiet", *argv]) == 0
    browser.requested_urls(driver)
    browser.console_errors(driver)
    driver.get(out.as_uri())
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return !!(window.kgRender && window.kgRender.state.stabilized)"))
    return driver.execute_script("""
        var k = window.kgRender;
        return {nodes: k.nodes.length, edges: k.edges.length, indices: k.network.body.nodeIndices.length,
                labels: k.nodes.map(function (n) { return n.kg.label; })};""")


def node_id(driver, name: str) -> str:
    """The one drawn node labelled `name`, or else the one whose label contains it."""
    ids = driver.execute_script("""
        var name = arguments[0];
        var exact = kgRender.nodes.getIds({filter: function (n) { return n.kg.label === name; }});
        return exact.length ? exact : kgRender.nodes.getIds({filter: function (n) { return n.kg.label.indexOf(name) >= 0; }});""", name)
    assert len(ids) == 1, ids
    return ids[0]


def hover(driver, node: str) -> str:
    """Move the mouse onto a node's position on the canvas; the tooltip's text once shown."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    x, y, width, height = driver.execute_script("""
        var net = kgRender.network, id = arguments[0];
        var p = net.canvasToDOM(net.getPositions([id])[id]);
        var box = document.getElementById("kg-network");
        return [p.x, p.y, box.clientWidth, box.clientHeight];""", node)
    container = driver.find_element(By.ID, "kg-network")
    ActionChains(driver).move_to_element_with_offset(container, 0, 0).pause(0.1).perform()
    ActionChains(driver).move_to_element_with_offset(container, int(x - width / 2), int(y - height / 2)).perform()
    tip = driver.find_element(By.ID, "kg-tooltip")
    WebDriverWait(driver, 10).until(lambda d: tip.is_displayed())
    return tip.text


def visible(driver) -> list[str]:
    return sorted(driver.execute_script(
        "return kgRender.nodes.get({filter: function (n) { return !n.hidden; }}).map(function (n) { return n.kg.label; });"))


@pytest.mark.parametrize("argv", [[], ["--no-fold"], ["--view", "actors"], ["--view", "ego", "--actor", "Vucic"],
                                  ["--size-by", "pagerank"], ["--view", "timeline"]])
def test_seed_page_loads_offline_and_draws_the_graph(driver, seed_graph, tmp_path, argv):
    page = open_page(driver, seed_graph, tmp_path, *argv)
    assert browser.console_errors(driver) == []
    urls = browser.requested_urls(driver)
    assert urls and all(u.startswith(("file://", "data:")) for u in urls), urls
    if argv == ["--no-fold"]:
        expected = typed_graph(seed_graph)
        assert page["nodes"] == page["indices"] == expected.number_of_nodes()
        assert page["edges"] == expected.number_of_edges()
        gold = json.loads((DATA / "gold" / "2020-07-16-serbia-kosovo-brussels-talks.json").read_text(encoding="utf-8"))
        names = {e["name"] for e in gold["entities"] if e["type"] == "Person"}
        assert names <= set(page["labels"])
        ARTIFACTS.mkdir(exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / "render-seed.png"))
        assert (ARTIFACTS / "render-seed.png").stat().st_size > 10_000


def test_hovering_vucic_shows_his_evidence(driver, seed_graph, tmp_path):
    open_page(driver, seed_graph, tmp_path)
    text = hover(driver, node_id(driver, "Aleksandar Vucic"))
    assert "Aleksandar Vucic" in text.splitlines()[0]
    assert "Serbian President Aleksandar Vucic and Kosovo's Prime Minister Avdullah Hoti came to talk face-to-face in Brussels" in text
    assert "2020-07-16" in text and "Person" in text
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "render-seed-hover.png"))


def test_selecting_a_node_highlights_its_neighbourhood(driver, tmp_path):
    open_page(driver, SMALL, tmp_path, "--no-fold")
    bob = node_id(driver, "Bob")
    hover(driver, bob)
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).click().perform()
    kept = driver.execute_script("return kgRender.state.highlighted.map(function (id) { return kgRender.nodes.get(id).kg.label; });")
    assert sorted(kept) == ["Bob", "Bob's statement", "meeting in Zenda", "sanction on Bob"]


@pytest.mark.parametrize("action, shown", [
    ("document.querySelector('input.kg-type[value=person]').click()",
     ["Bob's statement", "Ruritania", "Zenda", "meeting in Zenda", "sanction on Bob"]),
    ("document.querySelector('input.kg-type[value=meeting]').click()",
     ["Alice", "Bob", "Bob's statement", "Ruritania", "Zenda", "sanction on Bob"]),
    ("var f = document.getElementById('kg-from'); f.value = '2021-01-01'; f.dispatchEvent(new Event('change'))",
     ["Bob", "Ruritania", "sanction on Bob"]),
    ("var f = document.getElementById('kg-to'); f.value = '2020-12-31'; f.dispatchEvent(new Event('change'))",
     ["Alice", "Bob", "Bob's statement", "Zenda", "meeting in Zenda"]),
])
def test_filters_hide_what_they_should(driver, tmp_path, action, shown):
    open_page(driver, SMALL, tmp_path, "--no-fold")
    assert len(visible(driver)) == 7
    driver.execute_script(action)
    assert visible(driver) == shown


def test_search_selects_matching_nodes(driver, tmp_path):
    from selenium.webdriver.common.by import By

    open_page(driver, SMALL, tmp_path, "--no-fold")
    driver.find_element(By.ID, "kg-search").send_keys("bob")
    selected = driver.execute_script(
        "return kgRender.network.getSelectedNodes().map(function (id) { return kgRender.nodes.get(id).kg.label; });")
    assert sorted(selected) == ["Bob", "Bob's statement", "sanction on Bob"]
    assert driver.find_element(By.ID, "kg-search-result").text == "3 match(es)"


@pytest.mark.parametrize("actor, quote", [("Aleksandar Vucic", SCRIPT_QUOTE), ("Avdullah Hoti", IMG_QUOTE)])
def test_article_markup_is_shown_as_text_and_never_runs(driver, hostile_graph, tmp_path, actor, quote):
    open_page(driver, hostile_graph, tmp_path)
    text = hover(driver, node_id(driver, actor))
    assert quote in text
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert driver.execute_script("return document.querySelectorAll('img, iframe, object, embed, link').length") == 0
    assert browser.console_errors(driver) == []
    assert all(u.startswith(("file://", "data:")) for u in browser.requested_urls(driver))


def test_small_graph_statement_markup_is_inert(driver, tmp_path):
    open_page(driver, SMALL, tmp_path, "--no-fold")
    text = hover(driver, node_id(driver, "Bob's statement"))
    assert "<script>window.__pwned=3</script> is not a threat" in text
    assert "https://example.org/x.js" in text
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert all(u.startswith(("file://", "data:")) for u in browser.requested_urls(driver))
