"""kg.render and `kg render` without a browser: the page's structure, escaping, styles, trimming."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDFS, Graph, URIRef

from kg.cli import main
from kg.render import CSP, load_styles, render, script_json, style_for
from tests.conftest import ROOT

SMALL = Path(__file__).parent / "small.trig"
HOSTILE = '<script src="https://cdn.example.org/x.js"></script><img src=x onerror="window.__pwned=2"> see node_modules/vis'


class Page(HTMLParser):
    """Every tag with its attributes, and the text of each <script>."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._in_script: dict[str, str] | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def data(self) -> dict:
        (text,) = [t for a, t in self.scripts if a.get("type") == "application/json"]
        return json.loads(text)


def hostile_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    ev = [{"sentence": f"Vucic said {HOSTILE}", "article": "a1", "date": "2020-07-16", "start": 0, "end": 5}]
    g.add_node("p", label="Vucic </script><b>", type="Person", kind="actor", evidence=ev, articles=["a1"])
    g.add_node("e", label="talks", type="https://w3id.org/newskg/ontology#Talks", kind="event", date="2020-07", evidence=ev)
    g.add_edge("e", "p", key="participant", label="participant", evidence=ev)
    return g


def test_page_loads_nothing_from_outside():
    page = render(hostile_graph())
    parsed = Page(page)
    links = [(tag, k, v) for tag, attrs in parsed.tags for k, v in attrs.items() if k in ("src", "href", "srcset", "action", "data")]
    assert links == []
    assert not any(tag in ("link", "img", "iframe", "object", "embed", "base") for tag, _ in parsed.tags)
    assert not re.search(r"node_modules|cdnjs|jsdelivr|unpkg|cdn\.example", page.replace("\\u003c", "<").split('id="kg-data">')[0])
    assert not re.search(r"url\((?!\"?data:)", page)
    assert "node_modules" not in page.split('id="kg-data">')[0]


def test_article_text_stays_data():
    page = render(hostile_graph())
    parsed = Page(page)
    assert HOSTILE not in page and "</script><b>" not in page
    assert [a.get("type") for a, _ in parsed.scripts] == ["application/json", None, None]
    data = parsed.data()
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels["p"] == "Vucic </script><b>"
    assert data["nodes"][0]["kg"]["evidence"][0]["sentence"] == f"Vucic said {HOSTILE}"
    assert "title" not in json.dumps(data["nodes"]) and all("title" not in e for e in data["edges"])


def test_content_security_policy_forbids_network():
    metas = [a for tag, a in Page(render(hostile_graph())).tags if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert [m["content"] for m in metas] == [CSP]
    assert "default-src 'none'" in CSP and "connect-src" not in CSP and "http" not in CSP


@pytest.mark.parametrize("value, expected", [
    ("</script>", '"\\u003c/script\\u003e"'),
    ("a & b", '"a \\u0026 b"'),
    ("<!--", '"\\u003c!--"'),
    ("\u2028", '"\\u2028"'),
    ("Vučić", '"Vučić"'),
])
def test_script_json_escapes(value, expected):
    assert script_json(value) == expected
    assert json.loads(script_json(value)) == value


@pytest.mark.parametrize("attrs, style", [
    ({"type": "Person", "kind": "actor"}, "person"),
    ({"type": "https://w3id.org/newskg/ontology#State", "kind": "actor"}, "state"),
    ({"type": "Organization"}, "organization"),
    ({"type": "Place", "kind": "place"}, "place"),
    ({"type": "VirtualMeeting", "kind": "event"}, "meeting"),
    ({"type": "TradeMeasure", "kind": "event"}, "conflict"),
    ({"type": "Charge", "kind": "event"}, "legal"),
    ({"type": "DeclarationOfIndependence", "kind": "event"}, "agreement"),
    ({"type": "Appeal", "kind": "event"}, "statement"),
    ({"type": "SomethingNew", "kind": "event"}, "event"),
    ({"type": "SomethingNew", "kind": "place"}, "place"),
])
def test_style_for(attrs, style):
    assert style_for(attrs, load_styles())["id"] == style


def test_styles_name_ontology_classes():
    styles = load_styles()
    ids = [s["id"] for s in styles["node"]]
    named = [t for s in styles["node"] for t in s["types"]]
    assert len(ids) == len(set(ids)) and len(named) == len(set(named))
    assert all(re.fullmatch(r"#[0-9a-f]{6}", s["color"]) for s in styles["node"])
    assert {s["fallback"] for s in styles["node"] if "fallback" in s} == {"actor", "place", "event", "axis"}
    onto = Graph().parse(ROOT / "kg" / "ontology" / "kg.ttl")
    kg = "https://w3id.org/newskg/ontology#"
    events = {str(c)[len(kg):] for c in onto.transitive_subjects(RDFS.subClassOf, URIRef(kg + "Event"))}
    classes = events | {"Person", "Organization", "State", "Place", "Axis"}  # Axis: the timeline's ticks and lanes, no class
    assert set(named) - classes == set(), "styles.toml names a class the ontology lacks"
    # a class no style names yet is still drawn, with its kind's fallback style
    assert {style_for({"type": t, "kind": "event"}, styles)["kind"] for t in events} == {"event"}


def star(n_leaves: int) -> tuple[nx.Graph, dict[str, float]]:
    """A hub (State) with leaves alternating Person / Place; centrality falls with the leaf number."""
    g = nx.Graph()
    g.add_node("hub", label="Hub", type="State", kind="actor")
    for i in range(n_leaves):
        g.add_node(f"n{i:02d}", label=f"N{i}", type="Person" if i % 2 == 0 else "Place", kind="actor" if i % 2 == 0 else "place")
        g.add_edge("hub", f"n{i:02d}", weight=i % 3 + 1)
    return g, {"hub": 1.0} | {f"n{i:02d}": 1.0 - (i + 1) / 100 for i in range(n_leaves)}


@pytest.mark.parametrize("max_nodes, keep, drawn, left_by_type", [
    (None, (), 11, {}),
    (20, (), 11, {}),
    (4, (), ["hub", "n00", "n01", "n02"], {"Person": 3, "Place": 4}),
    (4, ("n09",), ["n09", "hub", "n00", "n01"], {"Person": 4, "Place": 3}),
])
def test_most_central_nodes_are_drawn(max_nodes, keep, drawn, left_by_type):
    g, centrality = star(10)
    data = Page(render(g, centrality=centrality, max_nodes=max_nodes, keep=keep)).data()
    ids = [n["id"] for n in data["nodes"]]
    assert (len(ids) if isinstance(drawn, int) else ids) == drawn
    assert data["omitted"]["by_type"] == left_by_type
    assert data["omitted"]["nodes"] == sum(left_by_type.values())
    assert data["omitted"]["edges"] + len(data["edges"]) == g.number_of_edges()


def test_centrality_sets_size_and_weight_sets_width():
    g, centrality = star(4)
    data = Page(render(g, centrality=centrality)).data()
    size = {n["id"]: n["size"] for n in data["nodes"]}
    styles = load_styles()["size"]
    assert size["hub"] == styles["max"] and size["n03"] == styles["min"]
    assert size["n00"] > size["n01"] > size["n02"] > size["n03"]
    width = {e["to"]: e["width"] for e in data["edges"]}
    assert width["n02"] > width["n01"] > width["n00"]
    assert [e["label"] for e in data["edges"]] == ["1", "2", "3", "1"]


def test_page_is_written_atomically(tmp_path):
    out = tmp_path / "graph.html"
    page = render(hostile_graph(), out, title="A <b>title</b>")
    assert out.read_text(encoding="utf-8") == page
    assert "<title>A &lt;b&gt;title&lt;/b&gt;</title>" in page


@pytest.mark.parametrize("argv, nodes, edges", [
    (["--no-fold"], 7, 6),
    ([], 6, 5),  # Bob's statement ties to Bob alone: folded away
    (["--view", "actors"], 3, 2),
    (["--view", "ego", "--actor", "alice", "--radius", "1"], 2, 1),
    (["--view", "ego", "--actor", "https://w3id.org/newskg/id/entity/bob", "--radius", "1", "--no-fold"], 4, 3),
    (["--view", "ego", "--actor", "https://w3id.org/newskg/id/entity/bob", "--radius", "1"], 3, 2),  # his one-off statement folded
    (["--view", "article", "--article", "a2"], 3, 2),
    (["--view", "article", "--article", "a1"], 4, 3),
    (["--view", "article", "--article", "2021-03-01-ruritania-sanctions"], 3, 2),  # the file's stem
    (["--view", "article", "--article", "2021-03-01-ruritania-sanctions.txt"], 3, 2),
    (["--view", "article", "--article", "alice and bob meet"], 4, 3),  # the headline
    (["--start", "2021-01-01"], 3, 2),
    (["--max-nodes", "2", "--no-fold"], 2, 1),
    (["--size-by", "pagerank", "--max-nodes", "2", "--no-fold"], 2, 1),
    (["--size-by", "betweenness", "--view", "actors"], 3, 2),
    # lanes Bob (3 events), Alice (1), Ruritania (1); an event node per lane it is in; a tick per month from 2020-08 to 2021-03
    (["--view", "timeline"], 3 + 5 + 8, 2),
])
def test_cli_views(tmp_path, argv, nodes, edges):
    out = tmp_path / "g.html"
    assert main(["render", str(SMALL), "-o", str(out), "--quiet", *argv]) == 0
    data = Page(out.read_text(encoding="utf-8")).data()
    assert (len(data["nodes"]), len(data["edges"])) == (nodes, edges)


@pytest.mark.parametrize("argv, message", [
    (["--view", "ego"], "[E041] --view ego"),
    (["--view", "ego", "--actor", "Nobody"], "[E041] --actor Nobody"),
    (["--view", "article"], "[E041] --view article"),
    (["--view", "article", "--article", "zz"], "[E041] --article zz"),
])
def test_cli_usage_errors(tmp_path, capsys, argv, message):
    assert main(["render", str(SMALL), "-o", str(tmp_path / "g.html"), *argv]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "g.html").exists()


def test_cli_missing_graph(tmp_path, capsys):
    assert main(["render", str(tmp_path / "absent.trig"), "-o", str(tmp_path / "g.html")]) == 2
    assert "[E010]" in capsys.readouterr().err


def test_long_labels_are_cut_when_drawn_and_whole_in_the_data():
    g = nx.Graph()
    label = "Talks: Leaders of Serbia and Kosovo are meeting in Brussels for their first face-to-face talks"
    g.add_node("e", label=label, type="Talks", kind="event")
    (node,) = Page(render(g)).data()["nodes"]
    limit = load_styles()["tooltip"]["max_label_chars"]
    assert len(node["label"]) == limit and node["label"].endswith("…") and label.startswith(node["label"][:-1])
    assert node["kg"]["label"] == label


def test_folded_view_counts_what_it_folded(tmp_path):
    out = tmp_path / "g.html"
    assert main(["render", str(SMALL), "-o", str(out), "--quiet"]) == 0
    data = Page(out.read_text(encoding="utf-8")).data()
    assert data["folded"] == {"one-off statements": 1}
    assert all(n["kg"]["community"] is not None for n in data["nodes"])
    assert data["communities"] and all(re.fullmatch(r"#[0-9a-f]{6}", c["color"]) for c in data["communities"])


def test_date_filter_on_the_page_says_what_it_left_out(tmp_path):
    out = tmp_path / "g.html"
    assert main(["render", str(SMALL), "-o", str(out), "--quiet", "--start", "2021-01-01"]) == 0
    assert Page(out.read_text(encoding="utf-8")).data()["left_out"] == {"out of range": 2}


def test_timeline_places_events_by_date_and_lanes_by_activity(tmp_path):
    out = tmp_path / "t.html"
    assert main(["render", str(SMALL), "-o", str(out), "--quiet", "--view", "timeline"]) == 0
    data = Page(out.read_text(encoding="utf-8")).data()
    assert data["fixed"] and data["options"]["physics"] == {"enabled": False}
    events = {n["kg"]["label"]: n for n in data["nodes"] if n["kg"]["kind"] == "event"}
    assert events["meeting in Zenda"]["x"] < events["sanction on Bob"]["x"]
    lanes = {n["kg"]["label"]: n["y"] for n in data["nodes"] if n["kg"]["lane"] is not None and n["kg"]["kind"] == "actor"}
    assert lanes["Bob"] < lanes["Alice"] and lanes["Bob"] < lanes["Ruritania"]  # the busiest actor first


def test_the_article_view_is_titled_by_its_headline(tmp_path):
    out = tmp_path / "g.html"
    assert main(["render", str(SMALL), "-o", str(out), "--quiet", "--view", "article", "--article", "zenda"]) == 0
    assert "<title>Alice and Bob meet in Zenda" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("flag", ["--start", "--end"])
def test_cli_a_malformed_day_is_a_usage_error(tmp_path, capsys, flag):
    with pytest.raises(SystemExit) as stop:
        main(["render", str(SMALL), "-o", str(tmp_path / "g.html"), "--view", "timeline", flag, "2020-13-45"])
    assert stop.value.code == 2
    assert "'2020-13-45' is not a date (YYYY-MM-DD)" in capsys.readouterr().err
    assert not (tmp_path / "g.html").exists()
