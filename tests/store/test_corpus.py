"""A store that grows and shrinks (kg.corpus): real model, real store.

One corpus built whole, in two halves, or with an article removed and added
back is one graph; re-running a build parses nothing and changes nothing; an
edited article replaces its facts; `kg remove` retracts what only its
articles supported; the store passes `kg validate` after each.
"""
from __future__ import annotations

import gc
import shutil
import subprocess

import pytest

from kg.corpus import catalog, remove
from kg.errors import StoreError
from kg.pipeline import build_store
from kg.store import ENTITIES_GRAPH, ONTOLOGY_GRAPH, RECORDS_GRAPH, SOURCES_GRAPH, open_store
from tests.conftest import DATA, ROOT
from tests.store.helpers import KG

pytestmark = pytest.mark.xdist_group("corpus")  # heavy builds: one at a time, beside the rest of the suite

SEED = "2020-07-16-serbia-kosovo-brussels-talks.txt"
SURNAME_ONLY = "2020-07-20-vucic-surname-only.txt"
LAVROV = "2019-03-14-lavrov-cavusoglu-moscow.txt"
NEWS_PAGE = "grain-corridor-news-page.html"
ARTICLE = "https://w3id.org/newskg/id/article/"
ENTITY = "https://w3id.org/newskg/id/entity/"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
KG_NS = "https://w3id.org/newskg/ontology#"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The examples, the test articles and two saved pages, copied where the tests may edit them."""
    folder = tmp_path_factory.mktemp("corpus") / "articles"
    folder.mkdir()
    for path in [*sorted((ROOT / "examples").glob("*.txt")), *sorted((DATA / "articles").glob("*.txt")),
                 DATA / "html" / NEWS_PAGE, DATA / "html" / "meta-date-only.html"]:
        shutil.copy(path, folder / path.name)
    return folder


def build(store_path, paths, journal=None):
    """build_store in this process (the model loads once); the store is closed again, so it can be copied or reopened."""
    journal = journal or store_path.with_name(f".{store_path.name}.journal")
    journal.unlink(missing_ok=True)
    store = open_store(store_path)
    try:
        stream, report = build_store([str(p) for p in paths], store, journal, workers=1)
    finally:
        del store
        gc.collect()
    assert not [e for e in stream.errors if e.code != "E012"], stream.errors
    return report


def quads(store_path) -> set[str]:
    """Every quad but the ontology's, as text: the graphs hold no blank nodes, so equal sets are isomorphic graphs."""
    store = open_store(store_path, read_only=True)
    found = {str(q) for q in store.quads_for_pattern(None, None, None, None) if getattr(q.graph_name, "value", None) != ONTOLOGY_GRAPH}
    del store
    return found


def graph_of(found: set[str], iri: str) -> set[str]:
    return {q for q in found if q.endswith(f" <{iri}>")}


def article_ids(store_path) -> dict[str, str]:
    """File name -> article id, from the store's sources graph."""
    store = open_store(store_path, read_only=True)
    entries = catalog(store).entries
    del store
    return {e.path.rsplit("/", 1)[-1]: i for i, e in entries.items()}


def validate(store_path) -> None:
    done = subprocess.run([*KG, "validate", str(store_path)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


def entity(found: set[str], label: str) -> str:
    """The IRI of the entity the entities graph labels `label`."""
    return next(q.split(" ", 1)[0][1:-1] for q in graph_of(found, ENTITIES_GRAPH) if f'{LABEL} "{label}"' in q)


def named_in(found: set[str], graph: str) -> set[str]:
    """The entities an article graph gives evidence of."""
    return {q.split(" ", 1)[0][1:-1] for q in graph_of(found, graph)
            if q.startswith(f"<{ENTITY}") and f"<{KG_NS}evidence>" in q and "/merge/" not in q.split(" ", 1)[0]}


@pytest.fixture(scope="module")
def whole(corpus, tmp_path_factory):
    """The corpus built in one go."""
    path = tmp_path_factory.mktemp("whole") / "store"
    report = build(path, [corpus])
    assert report.parsed == report.added == report.articles == 13
    return path


def test_built_whole_in_halves_or_with_an_article_removed_and_added_back_is_one_graph(corpus, whole, tmp_path):
    expected = quads(whole)
    files = sorted(corpus.iterdir())
    first = sorted(f for f in files if f.name != SEED)[-7:]  # the surname-only article without the full name ...
    second = [f for f in files if f not in first]      # ... which the second half brings
    assert any(f.name == SURNAME_ONLY for f in first)
    halves = tmp_path / "halves"
    assert build(halves, first).added == 7
    report = build(halves, second)
    assert (report.added, report.parsed) == (6, 6)
    assert report.rewritten >= 1  # the surname-only article now links to the full name: its graph written again
    assert quads(halves) == expected

    again = tmp_path / "again"
    shutil.copytree(whole, again)
    store = open_store(again)
    removed, report = remove(store, [SEED])
    del store
    assert len(removed) == 1 and report.removed == 1 and report.articles == 12
    report = build(again, [corpus])
    assert (report.parsed, report.added, report.unchanged) == (1, 1, 12)
    assert quads(again) == expected


def test_rebuilding_an_unchanged_corpus_parses_nothing_and_changes_nothing(corpus, tmp_path):
    store = tmp_path / "store"
    command = [*KG, "build", str(corpus), "--store", str(store), "--workers", "2"]
    first = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert first.returncode == 0, first.stderr
    assert "13 read, 13 parsed, 0 unchanged, 13 added" in first.stdout
    before = quads(store)
    second = subprocess.run([*command, "-o", str(tmp_path / "graph.nq")], capture_output=True, text=True, timeout=900)
    assert second.returncode == 0, second.stderr
    assert "13 read, 0 parsed, 13 unchanged, 0 added, 0 replaced, 0 rewritten, 0 removed" in second.stdout
    assert "nothing changed" in second.stdout
    assert quads(store) == before
    written = {line.rstrip(" .\n") for line in (tmp_path / "graph.nq").read_text(encoding="utf-8").splitlines() if line.strip()}
    assert written == {q for q in before if not q.endswith(f"<{RECORDS_GRAPH}>")}  # the store's graph, without its bookkeeping


def test_article_nodes_keep_their_source_and_title(corpus, whole):
    found = quads(whole)
    ids = article_ids(whole)
    news = f"{ARTICLE}{ids[NEWS_PAGE]}"
    assert f'<{news}> <https://w3id.org/newskg/ontology#sourcePath> "{corpus / NEWS_PAGE}" <{SOURCES_GRAPH}>' in found
    assert f'<{news}> <https://schema.org/url> "https://ledger.example.com/world/black-sea-grain-deal"' \
           f'^^<http://www.w3.org/2001/XMLSchema#anyURI> <{news}>' in found
    assert f'<{news}> <https://schema.org/headline> "Ministers sign Black Sea grain deal in Istanbul" <{news}>' in found


def test_an_edited_article_replaces_its_facts(corpus, tmp_path):
    edited = tmp_path / "articles"
    shutil.copytree(corpus, edited)
    store = tmp_path / "store"
    build(store, [edited])
    old_id = article_ids(store)[LAVROV]
    text = (edited / LAVROV).read_text(encoding="utf-8")
    (edited / LAVROV).write_text(text.replace("Secretary of State Mike Pompeo", "Secretary of State Antony Blinken"), encoding="utf-8")

    report = build(store, [edited])
    assert (report.parsed, report.replaced, report.removed, report.added, report.unchanged) == (1, 1, 1, 0, 12)
    found = quads(store)
    new_id = article_ids(store)[LAVROV]
    assert new_id != old_id
    assert not [q for q in found if old_id in q]  # the old version's graph, source and record are gone
    assert graph_of(found, f"{ARTICLE}{new_id}")
    assert not [q for q in found if '"Mike Pompeo"' in q]  # supported by the old version only: gone from the entities graph too
    assert entity(found, "Antony Blinken") in named_in(found, f"{ARTICLE}{new_id}")
    validate(store)

    fresh = tmp_path / "fresh"
    build(fresh, [edited])
    assert quads(fresh) == found


def test_remove_retracts_what_only_the_article_supported(corpus, whole, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(whole, store)
    before = quads(store)
    ids = article_ids(store)
    seed, surname_only = f"{ARTICLE}{ids[SEED]}", f"{ARTICLE}{ids[SURNAME_ONLY]}"
    vucic = entity(before, "Aleksandar Vucic")
    assert vucic in named_in(before, seed) and vucic in named_in(before, surname_only)  # 'Vucic' alone joined the full name
    graphs = (seed, *(f"{ARTICLE}{i}" for i in ids.values()))
    entities_of = {g: named_in(before, g) for g in graphs}
    shared = sorted(e for e in entities_of[seed] if e != vucic and any(e in found for g, found in entities_of.items() if g != seed))
    assert shared, "no entity of the seed is named by another article"

    done = subprocess.run([*KG, "remove", SEED.removesuffix(".txt"), "--store", str(store)], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    assert f"removed 1 article(s) from {store}: {ids[SEED]}" in done.stdout
    found = quads(store)
    assert not graph_of(found, seed) and not [q for q in found if ids[SEED] in q]
    assert not [q for q in found if '"Miroslav Lajcak"' in q]  # only the seed named him: gone everywhere
    assert not [q for q in found if f"<{vucic}>" in q]  # the merge the seed supported is undone ...
    assert named_in(found, surname_only) and entity(found, "Vucic") in named_in(found, surname_only)  # ... 'Vucic' is his own node
    # what other articles name too stays, described in the entities graph, with the evidence of those articles
    entities = " ".join(graph_of(found, ENTITIES_GRAPH))
    for node in shared:
        assert f"<{node}> {LABEL}" in entities
        assert [q for q in found if q.startswith(f"<{node}> <{KG_NS}evidence>")]
    validate(store)

    without = tmp_path / "without"
    build(without, [p for p in corpus.iterdir() if p.name != SEED])
    assert quads(without) == found


def test_remove_finds_articles_by_id_path_url_and_stem_and_refuses_unknown_ones(corpus, whole, tmp_path):
    store_path = tmp_path / "store"
    shutil.copytree(whole, store_path)
    ids = article_ids(store_path)
    store = open_store(store_path)
    cat = catalog(store)
    from kg.corpus import find

    assert find(cat, ids[SEED]) == [ids[SEED]] == find(cat, f"{ARTICLE}{ids[SEED]}")
    assert find(cat, str(corpus / LAVROV)) == [ids[LAVROV]] == find(cat, LAVROV) == find(cat, LAVROV.removesuffix(".txt"))
    assert find(cat, "https://ledger.example.com/world/black-sea-grain-deal") == [ids[NEWS_PAGE]]
    before = quads_of(store)
    for name in ("0123456789abcdef", "no-such-article", "https://example.org/nothing", str(tmp_path / "missing.txt")):
        with pytest.raises(StoreError) as err:
            remove(store, [ids[SEED], name])  # one unknown name: nothing at all is removed
        assert err.value.code == "E053" and name in str(err.value)
    assert quads_of(store) == before
    del store, err  # the error's traceback holds the store too: both go, and the store's lock with them
    gc.collect()

    done = subprocess.run([*KG, "remove", "no-such-article", "--store", str(store_path)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 2 and "[E053] no-such-article" in done.stderr
    assert quads(store_path) == before


def quads_of(store) -> set[str]:
    return {str(q) for q in store.quads_for_pattern(None, None, None, None) if getattr(q.graph_name, "value", None) != ONTOLOGY_GRAPH}


def test_a_stem_that_names_files_of_two_folders_is_ambiguous(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        text = f" date 2020-01-0{len(folder)} Angela Merkel met Emmanuel Macron in Paris ({folder}).\n"
        (tmp_path / folder / "report.txt").write_text(text, encoding="utf-8")
    store_path = tmp_path / "store"
    build(store_path, [tmp_path / "a", tmp_path / "b"])
    store = open_store(store_path)
    with pytest.raises(StoreError) as err:
        remove(store, ["report"])
    assert err.value.code == "E053" and "2 files" in str(err.value)
    assert len(remove(store, [str(tmp_path / "a" / "report.txt")])[0]) == 1


def test_moved_files_and_rewritten_json_lines_are_followed(tmp_path):
    """A moved file is not parsed again; a JSON Lines file whose records changed keeps the store in step with it."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DATA / "articles" / LAVROV, folder / LAVROV)
    text = "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Monday ({})."
    records = [{"id": str(n), "date": f"2021-05-0{n}", "title": f"Report {n}", "url": f"https://example.org/{n}", "source": "wire",
                "text": text.format(n)} for n in (1, 2, 3)]
    import json

    def write(rows):
        (folder / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    write(records)
    store = tmp_path / "store"
    assert build(store, [folder]).added == 4
    (folder / "sub").mkdir()
    (folder / LAVROV).rename(folder / "sub" / "renamed.txt")
    records[0]["text"] += " They spoke about trade."  # an edit
    write([records[0], records[2]])                      # the second record deleted, the third moves up a line
    report = build(store, [folder])
    assert (report.parsed, report.replaced, report.removed, report.rewritten) == (1, 1, 2, 2), report
    found = quads(store)
    assert f'"{folder / "sub" / "renamed.txt"}" <{SOURCES_GRAPH}>' in " ".join(found)
    fresh = tmp_path / "fresh"
    build(fresh, [folder])
    assert quads(fresh) == found


def test_a_store_keeps_its_identity_decisions_for_later_builds_and_removals(tmp_path):
    """`same | A | B` given to a store build holds in the builds and removals that follow until other decisions come."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n, (who, where) in enumerate((("Angela Merkel met Emmanuel Macron", "Paris"), ("Olaf Scholz met Emmanuel Macron", "Berlin"),
                                      ("Angela Merkel met Boris Johnson", "London")), 1):
        (folder / f"report-{n}.txt").write_text(f" date 2021-03-0{n} German Chancellor {who} in {where} on Monday.\n", encoding="utf-8")
    decisions = tmp_path / "decisions.txt"
    decisions.write_text("same | Angela Merkel | Olaf Scholz\n", encoding="utf-8")
    store_path = tmp_path / "store"
    from kg.pipeline import identity_inputs

    def one_node(found) -> bool:
        labels = " ".join(q for q in graph_of(found, ENTITIES_GRAPH) if LABEL in q)
        return not (f'{LABEL} "Angela Merkel"' in labels and f'{LABEL} "Olaf Scholz"' in labels)

    store = open_store(store_path)
    build_store([str(folder)], store, tmp_path / "j1", workers=1, decisions=decisions, gazetteers=[])
    del store
    gc.collect()
    assert one_node(quads(store_path))
    assert build(store_path, [folder]).changed is False  # no decisions given: the store's hold, nothing to do
    store = open_store(store_path)
    remove(store, ["report-3"])
    del store
    gc.collect()
    assert one_node(quads(store_path))  # the removal linked the rest with the store's decisions
    store = open_store(store_path)
    report = build_store([str(folder)], store, tmp_path / "j2", workers=1, decisions=[], gazetteers=[])[1]
    del store
    gc.collect()
    assert report.parsed == 1 and not one_node(quads(store_path))  # other decisions (none): decided again, the merge undone
    assert identity_inputs([], []) == ([], [])


def test_graphs_an_older_newskg_wrote_are_written_again_from_the_records(corpus, whole, tmp_path):
    """A store whose article graphs another renderer wrote (here: the marker gone and a triple of every event's date
    precision dropped, as before events carried one) is brought back at the next build without parsing anything."""
    store_path = tmp_path / "store"
    shutil.copytree(whole, store_path)
    before = quads(store_path)
    store = open_store(store_path)
    store.update(f"DELETE WHERE {{ GRAPH <{RECORDS_GRAPH}> {{ <{RECORDS_GRAPH}> <{KG_NS}renderedWith> ?v }} }} ;"
                 f"DELETE WHERE {{ GRAPH ?g {{ ?e <{KG_NS}datePrecision> ?p }} }}")
    del store
    gc.collect()
    stale = quads(store_path)
    assert stale != before and not any(f"<{KG_NS}datePrecision>" in q for q in stale)
    report = build(store_path, [corpus])
    assert report.parsed == 0 and report.rewritten == report.articles == 13
    assert quads(store_path) == before
    validate(store_path)
