"""The package's shape: no module of kg imports (at any level, lazily or not) one that imports it back."""
from __future__ import annotations

import ast

from tests.conftest import ROOT


def _imports() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in (ROOT / "kg").rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        deps = graph.setdefault(name, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "kg" and node.level == 0:
                # "from kg import query" imports the module kg.query; "from kg.x import name" the module kg.x
                subs = {f"{node.module}.{a.name}" for a in node.names}
                found = {m for m in subs if (ROOT / (m.replace(".", "/") + ".py")).is_file() or (ROOT / m.replace(".", "/")).is_dir()}
                deps |= found or {node.module}
            elif isinstance(node, ast.Import):
                deps |= {a.name for a in node.names if a.name.split(".")[0] == "kg"}
    return graph


def test_no_import_cycles():
    graph = _imports()
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        for dep in sorted(graph.get(node, ())):
            if dep in path:
                cycles.append(path[path.index(dep):] + [dep])
            elif dep in graph and len(path) < 12:
                visit(dep, path + [dep])

    for start in sorted(graph):
        visit(start, [start])
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles[:5])


def test_the_ontology_namespace_is_written_in_vocab_only():
    """kg.vocab spells the ontology namespace; every module and query of kg takes it from there."""
    spelt = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "kg").rglob("*")) if p.suffix in (".py", ".rq")
             and "w3id.org/newskg/ontology" in p.read_text(encoding="utf-8")]
    assert spelt == ["kg/vocab.py"]


def test_bundled_queries_declare_no_prefix_and_spell_no_newskg_iri():
    """kg/queries/**.rq get their PREFIX lines from kg.vocab, declared by the query loader."""
    from kg import query as q

    for path in sorted((ROOT / "kg" / "queries").rglob("*.rq")):
        text = path.read_text(encoding="utf-8")
        assert "w3id.org" not in text and not any(t.upper() == "PREFIX" for kind, t, _ in q.tokens(text) if kind == "word"), path
    for canned in q.canned().values():
        assert "PREFIX kg: <" in canned.text


def test_analysis_and_render_write_no_sparql():
    """The analysis and the renderer ask their questions as kg/queries/**.rq files, through kg.query."""
    import re

    for path in [*sorted((ROOT / "kg" / "analysis").glob("*.py")), ROOT / "kg" / "render.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert not re.search(r"\b(SELECT|CONSTRUCT|ASK)\b.*\bWHERE\b|\bPREFIX\s+\w*:", node.value, re.S), (path, node.value[:80])


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_no_module_uses_another_modules_private_names():
    """A name shared between modules is public, with a docstring: no `from kg.x import _name`, no `x._name` on a kg module."""
    found = []
    for path in sorted((ROOT / "kg").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules: set[str] = set()  # local names bound to kg modules
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "kg" and node.level == 0:
                found += [f"{path.relative_to(ROOT)}: from {node.module} import {a.name}" for a in node.names if _private(a.name)]
                modules |= {a.asname or a.name for a in node.names
                            if (ROOT / node.module.replace(".", "/") / f"{a.name}.py").is_file()
                            or (ROOT / node.module.replace(".", "/") / a.name).is_dir()}
            elif isinstance(node, ast.Import):
                modules |= {a.asname or a.name.split(".")[0] for a in node.names if a.name.split(".")[0] == "kg"}
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and _private(node.attr):
                root = node.value
                while isinstance(root, ast.Attribute):
                    root = root.value
                if isinstance(root, ast.Name) and root.id in modules:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    assert not found, "private names used across modules: " + "; ".join(found)
