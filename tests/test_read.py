"""Reading articles: formats, stable ids, and a coded error for every bad input while the batch goes on."""
from __future__ import annotations

import datetime as dt
import json
import os
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

    from kg.graphio import load
    from kg.vocab import KG

    quads = list(load(out).quads((None, None, None, None)))
    assert len({s for s, p, o, _ in quads if p == RDF.type and o == KG.Article}) == 1
    assert any(str(o) == "Avdullah Hoti" for _, _, o, _ in quads)


# ---------------------------------------------------------------- issue 14: inputs that broke or hung a batch


def _read_within(paths, seconds=30, **kwargs):
    """read_paths in a thread: a reader that blocks (a FIFO, /dev/zero) fails the test instead of hanging it."""
    import threading

    items: list = []
    worker = threading.Thread(target=lambda: items.extend(read_paths(paths, **kwargs)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"reading {paths} did not return within {seconds} s"
    return items


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = _write(tmp_path, "good.txt", GOOD)
    items = _read_within([tmp_path])
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [e.code for e in errors] == ["E015"] and "FIFO" in str(errors[0]) and str(fifo) in str(errors[0])
    assert [i.path for i in items if not isinstance(i, ReadError)] == [str(good)]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused(device):
    if not os.path.exists(device):
        pytest.skip(f"{device} is absent")
    (error,) = _read_within([device], max_bytes=1000)
    assert error.code == "E015" and "device" in str(error)


def test_a_file_longer_than_its_size_says_honours_max_bytes():
    """/proc files report size 0 but hold more: the reader stops at max_bytes + 1 bytes."""
    maps = "/proc/self/maps"
    if not os.path.isfile(maps):
        pytest.skip("no /proc")
    (error,) = _read_within([maps], max_bytes=100)
    assert error.code == "E008" and "100" in str(error)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-le-bom", "utf-16-be-bom"])
def test_utf16_and_utf32_with_a_bom_are_decoded(tmp_path, encoding):
    import codecs

    boms = {"utf-16-le-bom": (codecs.BOM_UTF16_LE, "utf-16-le"), "utf-16-be-bom": (codecs.BOM_UTF16_BE, "utf-16-be")}
    bom, codec = boms.get(encoding, (b"", encoding))
    article = read_text_file(_write(tmp_path, "a.txt", bom + GOOD.encode(codec)))
    assert article.text == GOOD.split(" ", 3)[3] and article.date == dt.date(2020, 7, 16)


@pytest.mark.parametrize("order", ["le", "be"])
def test_utf16_without_a_bom_is_named(tmp_path, order):
    bad = _write(tmp_path, "a.txt", GOOD.encode(f"utf-16-{order}"))
    (error,) = list(read_paths([bad]))
    assert error.code == "E016" and f"UTF-16-{order.upper()}" in str(error) and "NUL" not in str(error)


def test_binary_with_nul_bytes_is_still_binary(tmp_path):
    bad = _write(tmp_path, "a.txt", bytes(range(256)) * 4)
    (error,) = list(read_paths([bad]))
    assert error.code == "E002"


def test_suffixes_in_any_case_are_found_in_directories(tmp_path):
    _write(tmp_path, "UPPER.TXT", GOOD)
    row = {"id": "x", "date": "2021-01-02", "title": "T", "url": "", "source": "", "text": "Hoti met Vucic in Brussels."}
    _write(tmp_path, "Lines.JSONL", json.dumps(row))
    items = list(read_paths([tmp_path]))
    assert sorted(i.path.rsplit("/", 1)[-1] for i in items) == ["Lines.JSONL:1", "UPPER.TXT"]


def test_a_lone_surrogate_in_a_json_line_is_a_coded_error(tmp_path):
    row = {"id": "x", "date": "2021-01-02", "title": "T", "url": "", "source": "", "text": "Hoti met \ud800 Vucic."}
    good = {**row, "text": "Hoti met Vucic in Brussels."}
    path = _write(tmp_path, "a.jsonl", json.dumps(row) + "\n" + json.dumps(good))
    first, second = read_paths([path])
    assert isinstance(first, ReadError) and first.code == "E014" and "\\ud800" in str(first) and ":1" in first.where
    assert second.text == good["text"]


@pytest.mark.parametrize("line", ["[" * 100_000, '{"id": ' + "9" * 5000 + "}"], ids=["deep", "long-number"])
def test_json_python_cannot_parse_is_e006(tmp_path, line):
    (error,) = list(read_paths([_write(tmp_path, "a.jsonl", line)]))
    assert error.code == "E006"


# ---------------------------------------------------------------- language guard (issue 10, item 4)

FOREIGN = {  # news written for these tests, one paragraph a language
    "fr": "Le président serbe a rencontré mardi à Bruxelles le Premier ministre du Kosovo pour relancer le dialogue entre les deux "
          "pays. Selon le porte-parole de l'Union européenne, les discussions ont porté sur les personnes disparues pendant la guerre "
          "et sur la coopération économique. Une nouvelle réunion aura lieu en septembre, a-t-il ajouté.",
    "de": "Der serbische Präsident hat sich am Dienstag in Brüssel mit dem Ministerpräsidenten des Kosovo getroffen, um den Dialog "
          "zwischen den beiden Ländern wieder aufzunehmen. Nach Angaben eines Sprechers der Europäischen Union ging es bei den "
          "Gesprächen um die im Krieg vermissten Personen. Die Krise dauert seit Jahren an, und eine Lösung ist nicht in Sicht.",
    "es": "El presidente serbio se reunió el martes en Bruselas con el primer ministro de Kosovo para reanudar el diálogo entre los "
          "dos países. Según el portavoz de la Unión Europea, las conversaciones se centraron en las personas desaparecidas durante "
          "la guerra y en la cooperación económica. Habrá una nueva reunión en septiembre.",
    "it": "Il presidente serbo ha incontrato martedì a Bruxelles il primo ministro del Kosovo per rilanciare il dialogo tra i due "
          "paesi. Secondo il portavoce dell'Unione europea, i colloqui si sono concentrati sulle persone scomparse durante la guerra "
          "e sulla cooperazione economica. A settembre si terrà un nuovo incontro tra le due delegazioni.",
}


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_an_article_in_another_language_is_named(language):
    from kg.read import check_language, make_article

    problem = check_language(make_article(dt.date(2020, 7, 16), FOREIGN[language], path=f"{language}.txt"))
    assert problem is not None and problem.code == "E012" and repr(language) in str(problem) and "--allow-non-english" in str(problem)


def test_every_english_wikinews_article_passes_the_language_guard(corpus_dir):
    from kg.read import check_language

    files = sorted((corpus_dir / "wikinews").glob("*.txt")) + sorted((corpus_dir / "seed").glob("*.txt"))
    assert len(files) >= 80
    flagged = [str(problem) for problem in (check_language(read_text_file(f)) for f in files) if problem is not None]
    assert flagged == []


def test_a_short_text_is_too_little_evidence():
    from kg.read import check_language, make_article

    assert check_language(make_article(dt.date(2020, 7, 16), "Der Präsident traf den Premierminister in Brüssel.")) is None
