"""Event triggers and event dates on MEANTIME dev."""
from __future__ import annotations

import pytest

from kg.errors import EvalError
from kg.evaluate.meantime import corpus_files, format_meantime_report, score_meantime, token_offsets


@pytest.mark.parametrize("tokens, text, pieces", [
    (["Boeing", "won", "."], "Boeing won.", ["Boeing", "won", "."]),
    (["``", "Yes", "''", ",", "he", "said"], '"Yes", he said', ['"', "Yes", '"', ",", "he", "said"]),
    (["GB", "#", "20.1", "billion"], "GB\u00a320.1 billion", ["GB", "\u00a3", "20.1", "billion"]),
    (["``I", "do"], '"I do', ['"I', "do"]),
])
def test_tokens_map_to_character_spans(tokens, text, pieces):
    assert [text[a:b] for a, b in token_offsets(tokens, text)] == pieces


def test_tokens_that_do_not_spell_the_text_give_none():
    assert token_offsets(["Boeing", "lost"], "Boeing won") is None


def test_corpus_files_come_from_the_source_table(tmp_path):
    (tmp_path / "SOURCE.md").write_text(
        "| file | source | upstream document | date from | Wikinews URL |\n|---|---|---|---|---|\n"
        "| 2005-01-18-airbus.txt | MEANTIME airbus | 3307 (3307_Airbus_launches) | CREATION_TIME | http://x |\n"
        "| 2015-05-18-asylum.txt | GUM news | GUM_news_asylum | dateline | http://y |\n", encoding="utf-8")
    assert corpus_files(tmp_path) == {"3307_Airbus_launches": tmp_path / "2005-01-18-airbus.txt"}


@pytest.mark.slow
def test_meantime_runs_and_gives_rates(eval_dir, corpus_dir):
    result = score_meantime(eval_dir / "meantime_en", eval_dir / "flat" / "meantime_events.jsonl", corpus_dir / "wikinews")
    print(format_meantime_report(result))
    every = result["all"]
    assert every["documents"] == 58  # 60 dev documents, 2 without a creation date have no corpus text
    assert every["triggers"]["gold"] == 1258
    assert result["tune"]["triggers"]["gold"] + result["check"]["triggers"]["gold"] == 1258
    numbers = [every["triggers"][k] for k in ("precision", "recall", "f1")]
    numbers += [every["dates"][k] for k in ("accuracy_on_found", "accuracy_on_anchored", "coverage")]
    assert all(0.0 <= n <= 1.0 for n in numbers)
    assert every["dates"]["anchored"] > 100
    assert "wrong_dates" in result["tune"] and "wrong_dates" not in result["check"]
    assert "not found:" not in format_meantime_report(result, details=True, half="check")
    assert every["triggers"]["f1"] >= 0.23  # measured 0.257 (tune 0.251, check 0.262) 2026-11-30


def test_a_missing_folder_is_e010(tmp_path):
    with pytest.raises(EvalError) as exc:
        score_meantime(tmp_path / "meantime_en", tmp_path / "flat" / "meantime_events.jsonl", tmp_path)
    assert exc.value.code == "E010" and "meantime_en" in str(exc.value)
