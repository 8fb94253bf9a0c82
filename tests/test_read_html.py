"""Saved web pages (.html, .htm): main text, title, canonical URL and date from the page; coded errors as for text files."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
from rdflib import RDF, RDFS, Dataset, Literal, URIRef

from kg.errors import ReadError
from kg.rdf import union
from kg.read import read_html_file, read_paths
from kg.vocab import KG, SCHEMA
from tests.conftest import DATA

HTML = DATA / "html"
NEWS = HTML / "grain-corridor-news-page.html"
BOILERPLATE = ("reader42", "skeptic", "cookies", "Accept all", "Sign in", "Subscribe", "newsletter", "Related stories",
               "Privacy policy", "Copyright", "Share", "Wheat prices", "By a staff reporter")


def test_a_news_page_gives_its_story_without_navigation_boilerplate_or_comments():
    article = read_html_file(NEWS)
    assert article.date == dt.date(2022, 7, 22)  # article:published_time, not the modified time
    assert article.title == "Ministers sign Black Sea grain deal in Istanbul"
    assert article.url == "https://ledger.example.com/world/black-sea-grain-deal"  # <link rel="canonical">
    assert article.source == "The Harbour Ledger"  # og:site_name
    assert article.path == str(NEWS)
    assert "Turkish Foreign Minister Mevlut Cavusoglu met Ukrainian Foreign Minister Dmytro Kuleba" in article.text
    assert "the ports of Odesa, Chornomorsk and Pivdennyi." in article.text
    for junk in BOILERPLATE:
        assert junk not in article.text, junk
    assert "\n\nUnited Nations Secretary-General" in article.text  # paragraphs as the seed format has them


def test_a_page_dated_only_by_a_meta_tag():
    article = read_html_file(HTML / "meta-date-only.html")
    assert article.date == dt.date(2019, 3, 14)
    assert article.title == "Lavrov hosts Cavusoglu for talks on Syria" and article.url == ""
    assert article.text.startswith("Lavrov hosts Cavusoglu") and "Printed from the archive" not in article.text


def test_a_page_without_a_date_is_e004():
    with pytest.raises(ReadError) as err:
        read_html_file(HTML / "no-date.html")
    assert err.value.code == "E004" and "no-date.html" in str(err.value) and "date YYYY-MM-DD" in str(err.value)


def test_a_page_without_a_date_takes_the_date_header_of_its_text(tmp_path):
    page = (HTML / "no-date.html").read_text(encoding="utf-8").replace("<h1>", "<p>date 2022-06-16</p><h1>")
    (tmp_path / "dated.html").write_text(page, encoding="utf-8")
    article = read_html_file(tmp_path / "dated.html")
    assert article.date == dt.date(2022, 6, 16)
    assert article.text.startswith("Scholz visits Kyiv") and "2022-06-16" not in article.text  # the header is not text
    assert article.url == "https://news.example.org/europe/scholz-visits-kyiv"


def test_a_broken_page_is_e017():
    with pytest.raises(ReadError) as err:
        read_html_file(HTML / "broken.html")
    assert err.value.code == "E017" and "broken.html" in str(err.value)


@pytest.mark.parametrize("body", ["", "<html><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav></body></html>"],
                         ids=["empty", "links-only"])
def test_a_page_with_no_main_text(tmp_path, body):
    path = tmp_path / "page.html"
    path.write_text(body or " \n", encoding="utf-8")
    with pytest.raises(ReadError) as err:
        read_html_file(path)
    assert err.value.code == ("E001" if not body else "E017")


def test_the_coded_errors_of_text_files_apply(tmp_path):
    story = NEWS.read_bytes()
    latin = tmp_path / "latin.html"
    latin.write_bytes(story.replace(b'<meta charset="utf-8">', b"").replace(b"Ministers sign", "Minist\u00e8res sign".encode("latin-1")))
    big = tmp_path / "big.html"
    big.write_bytes(story)
    binary = tmp_path / "binary.html"
    binary.write_bytes(b"<html>\x00\x01\x02" * 50)
    codes = {}
    for path, limit in ((latin, 10**6), (big, 1000), (binary, 10**6), (tmp_path / "missing.html", 10**6)):
        with pytest.raises(ReadError) as err:
            read_html_file(path, limit)
        codes[path.name] = err.value.code
    assert codes == {"latin.html": "E003", "big.html": "E008", "binary.html": "E002", "missing.html": "E010"}


def test_a_declared_charset_is_honoured(tmp_path):
    page = NEWS.read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="windows-1252"')
    page = page.replace("Ministers sign", "Minist\u00e8res sign")
    path = tmp_path / "cp1252.html"
    path.write_bytes(page.encode("cp1252"))
    assert read_html_file(path).title.startswith("Minist\u00e8res sign")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_html_is_refused_unopened(tmp_path):
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)
    with pytest.raises(ReadError) as err:
        read_html_file(fifo)
    assert err.value.code == "E015"


def test_directories_are_searched_for_pages(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "PAGE.HTM").write_bytes(NEWS.read_bytes())
    found = list(read_paths([tmp_path]))
    assert [a.title for a in found] == ["Ministers sign Black Sea grain deal in Istanbul"]
    assert {type(x).__name__ for x in read_paths([HTML])} == {"Article", "ReadError"}


def test_kg_build_builds_saved_pages(tmp_path):
    """The real model over the saved pages: the two readable ones are built, the other two are coded errors."""
    out = tmp_path / "pages.trig"
    done = subprocess.run([sys.executable, "-m", "kg", "build", str(HTML), "-o", str(out), "--quiet"], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 1, done.stderr  # some inputs failed, the rest was built
    assert "[E017]" in done.stderr and "broken.html" in done.stderr
    assert "[E004]" in done.stderr and "no-date.html" in done.stderr
    ds = Dataset()
    ds.parse(out, format="trig")
    g = union(ds)
    assert len(set(g.subjects(RDF.type, KG.Article))) == 2
    news = read_html_file(NEWS)
    node = URIRef(f"https://w3id.org/newskg/id/article/{news.id}")
    assert g.value(node, SCHEMA.headline) == Literal("Ministers sign Black Sea grain deal in Istanbul")
    assert str(g.value(node, SCHEMA.url)) == "https://ledger.example.com/world/black-sea-grain-deal"
    assert str(g.value(node, SCHEMA.publisher)) == "The Harbour Ledger"
    assert str(g.value(node, KG.file)) == NEWS.name
    text = str(g.value(node, KG.text))
    assert not [junk for junk in BOILERPLATE if junk in text]
    named = set(ds.graph(node).subjects(KG.evidence, None))  # the entities the page's graph gives evidence of
    people = {str(g.value(p, RDFS.label)) for p in g.subjects(RDF.type, KG.Person) if p in named}
    assert {"Mevlut Cavusoglu", "Dmytro Kuleba", "Antonio Guterres"} <= people, people
