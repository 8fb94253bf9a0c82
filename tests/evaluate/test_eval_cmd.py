"""`kg eval` benchmarks: one folder layout, coded errors naming a missing file, halves on the command line."""
from __future__ import annotations

import json

import pytest

from kg.cli import main
from kg.cli.eval_cmd import BENCHMARKS


@pytest.mark.parametrize("name", BENCHMARKS)
def test_a_missing_file_is_e010_naming_it(name, tmp_path, capsys):
    (tmp_path / "eval").mkdir()
    (tmp_path / "corpus" / "wikinews").mkdir(parents=True)
    (tmp_path / "corpus" / "wikinews" / "SOURCE.md").write_text("", encoding="utf-8")
    assert main(["eval", f"--{name}", "--eval-dir", str(tmp_path / "eval"), "--quiet"]) == 2
    err = capsys.readouterr().err
    # --wikinews reads nothing in the evaluation folder itself: what it misses is an article of the corpus beside it
    assert "[E010]" in err and str(tmp_path / ("corpus" if name == "wikinews" else "eval")) in err


def test_no_eval_folder_is_e010(tmp_path, capsys):
    assert main(["eval", "--plover", "--eval-dir", str(tmp_path / "nowhere"), "--quiet"]) == 2
    assert "[E010]" in capsys.readouterr().err


def test_petrarch_half_check_prints_aggregates_only(eval_dir, tmp_path, capsys):
    out = tmp_path / "scores.json"
    assert main(["eval", "--petrarch", "--eval-dir", str(eval_dir), "--half", "check", "--details", "--quiet",
                 "--json", str(out)]) == 0
    text = capsys.readouterr().out
    assert "[check]" in text and "[tune]" not in text and "; ours " not in text
    assert set(json.loads(out.read_text(encoding="utf-8"))) == {"check"}
    assert main(["eval", "--petrarch", "--eval-dir", str(eval_dir), "--details", "--quiet"]) == 0
    text = capsys.readouterr().out
    assert "tune" in text and "check" in text and "gap" in text and "; ours " in text


def test_wikinews_without_an_evaluation_folder_reads_the_corpus_dir(tmp_path, capsys):
    assert main(["eval", "--wikinews", "--eval-dir", str(tmp_path / "nowhere"), "--corpus-dir", str(tmp_path / "corpus"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "[E010]" in err and str(tmp_path / "corpus") in err and "nowhere" not in err


@pytest.mark.slow
def test_wikinews_half_check_prints_aggregates_only(corpus_dir, tmp_path, capsys):
    out = tmp_path / "scores.json"
    assert main(["eval", "--wikinews", "--corpus-dir", str(corpus_dir / "wikinews"), "--half", "check", "--details", "--quiet",
                 "--json", str(out)]) == 0
    text = capsys.readouterr().out
    assert "[check]" in text and "[tune]" not in text and "missed" not in text and "unmatched" not in text
    scores = json.loads(out.read_text(encoding="utf-8"))
    assert set(scores) == {"check"} and "reports" not in scores["check"] and scores["check"]["sections"]["entities"]["f1"] > 0
