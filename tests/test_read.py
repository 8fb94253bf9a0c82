"""Reading articles: formats, stable ids, and a coded error for every bad input while the batch goes on."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from kg.errors import ReadError
from kg.read import article_id, read_paths, read_text_file

GOOD = " date 2020-07-16 Serbian President Aleksandar Vucic met Kosovo's Prime Minister Avdullah Hoti in Brussels."


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_seed_format_header_is_not_text(tmp_path):
    article = read_text_file(_write(tmp_path, "a.txt", GOOD))
    assert article.date == dt.date(2020, 7, 16)
    assert article.text.startswith("Serbian President")
    assert "2020-07-16" not in article.text


def test_id_is_stable_and_content_derived(tmp_path):
    a = read_text_file(_write(tmp_path, "a.txt", GOOD))
    b = read_text_file(_write(tmp_path, "copy-elsewhere.txt", GOOD))
    c = read_text_file(_write(tmp_path, "c.txt", GOOD + " More."))
    assert a.id == b.id == article_id(a.date, a.text)
    assert a.id != c.id
    assert len(a.sha256) == 64


def test_jsonl_articles(tmp_path):
    rows = [{"id": "x1", "date": "2021-01-02", "title": "T", "url": "https://example.org/1", "source": "wire", "text": "Hoti met Vucic."}]
    items = list(read_paths([_write(tmp_path, "a.jsonl", "\n".join(json.dumps(r) for r in rows))]))
    assert [a.title for a in items] == ["T"]
    assert items[0].url == "https://example.org/1"


BAD = [
    ("empty.txt", b"", "E001", "empty"),
    ("binary.txt", b" date 2020-01-01 abc\x00def", "E002", "NUL"),
    ("latin1.txt", " date 2020-01-01 Vučić".encode("cp1250"), "E003", "UTF-8"),
    ("nodate.txt", b"Leaders met in Brussels.", "E004", "date header"),
    ("impossible.txt", b" date 2020-13-45 Leaders met.", "E005", "2020-13-45"),
    ("fields.jsonl", b'{"id": "1", "date": "2020-01-01", "text": "x"}', "E007", "title, url, source"),
    ("broken.jsonl", b'{"id": "1", "date": ', "E006", "not valid JSON"),
]


@pytest.mark.parametrize("name,data,code,words", BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_named_and_batch_goes_on(tmp_path, name, data, code, words):
    bad = _write(tmp_path, name, data)
    good = _write(tmp_path, "good.txt", GOOD)
    items = list(read_paths([bad, good]))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [e.code for e in errors] == [code]
    assert str(bad) in str(errors[0]) and words in str(errors[0])
    assert [i.path for i in items if not isinstance(i, ReadError)] == [str(good)]


def test_size_limit(tmp_path):
    big = _write(tmp_path, "big.txt", " date 2020-01-01 " + "word " * 400)
    (error,) = list(read_paths([big], max_bytes=1000))
    assert error.code == "E008" and "1000" in str(error)


def test_directory_without_articles(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.md").write_text("nothing")
    (error,) = list(read_paths([tmp_path / "empty"]))
    assert error.code == "E009" and "empty" in str(error)


def test_missing_path(tmp_path):
    (error,) = list(read_paths([tmp_path / "nope.txt"]))
    assert error.code == "E010"


def test_cli_builds_the_good_articles_and_exits_1(tmp_path):
    """Every bad input at once: each is reported by name, the good article is still in the graph, exit status 1."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data, _, _ in BAD:
        _write(folder, name, data)
    _write(folder, "good.txt", GOOD)
    out = tmp_path / "g.trig"
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(folder), "-o", str(out), "--quiet"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    for name, _, code, _ in BAD:
        assert f"[{code}]" in proc.stderr and name in proc.stderr
    from rdflib import RDF

    from kg.rdf import load
    from kg.vocab import KG

    quads = list(load(out).quads((None, None, None, None)))
    assert len({s for s, p, o, _ in quads if p == RDF.type and o == KG.Article}) == 1
    assert any(str(o) == "Avdullah Hoti" for _, _, o, _ in quads)
