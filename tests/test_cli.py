"""The CLI is a skin: every command exists, has help text and is documented in the README."""
from __future__ import annotations

import subprocess
import sys

import pytest

from kg.cli import COMMANDS, main, parser

from .conftest import ROOT


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.count("\n") > 3 and f"kg {command}" in out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command):
    assert f"kg {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_all_commands_registered():
    choices = parser()._subparsers._group_actions[0].choices  # the subcommand table
    assert set(choices) == set(COMMANDS)


def test_python_dash_m_and_exit_code_for_a_missing_input(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(tmp_path / "none.txt"), "-o", str(tmp_path / "g.trig"), "--quiet"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1 and "[E010]" in proc.stderr


def test_validate_reports_a_broken_file(tmp_path):
    bad = tmp_path / "g.ttl"
    bad.write_text("@prefix kg: <https://w3id.org/newskg/ontology#> .\n<urn:x> a kg:Role .\n")
    proc = subprocess.run([sys.executable, "-m", "kg", "validate", str(bad)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1 and "[E021]" in proc.stderr and "holder" in proc.stderr
