"""The README's commands run as written after `make demo` (set-up, notebook and install blocks aside).

Every line starting with `kg` in a ```sh block is run by bash in a folder laid
out as a fresh clone (examples/ and tests/data beside it), in the README's
order: the first builds `out/` as `make demo` does. `kg serve` is started,
asked one query and stopped; `kg push` goes to a real `oxigraph serve` on the
port the README names.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED
from tests.store.helpers import start, stop, wait_for_port

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("readme")]
SKIP_BLOCKS = ("make ", "pip install", "jupyter")


def commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        if any(word in block for word in SKIP_BLOCKS):
            continue
        for line in block.splitlines():
            line = re.sub(r"\s+#\s.*$", "", line).strip()
            if line.startswith("kg "):
                found.append(line)
    return found


def test_the_readme_has_commands_to_run():
    lines = commands()
    assert any(c.startswith("kg build") for c in lines) and any(c.startswith("kg serve") for c in lines)


def _port(command: str, default: int) -> int:
    m = re.search(r"(?:--port |127\.0\.0\.1:)(\d+)", command)
    return int(m.group(1)) if m else default


def test_every_readme_command_runs_as_written(tmp_path):
    if not (SHARED / "eval").is_dir() and os.environ.get("KG_REQUIRE_EVAL") != "1":
        pytest.skip("the README's evaluation commands need ../shared/eval")
    for name in ("examples", "tests"):
        (tmp_path / name).symlink_to(ROOT / name)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", "KG_EVAL_DIR": str(SHARED / "eval")}
    failures = []
    for command in commands():
        if command.startswith("kg serve"):
            port = _port(command, 7878)
            process = subprocess.Popen(["bash", "-c", f"exec {command}"], cwd=tmp_path, env=env,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            try:
                wait_for_port(port, process)
                query = urllib.parse.urlencode({"query": "ASK { ?s a kg:Article }"})
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/sparql?{query}", timeout=60) as r:
                    assert b"true" in r.read(), command
            finally:
                stop(process)
            continue
        server = None
        if command.startswith("kg push"):
            port = _port(command, 7879)
            oxigraph = Path(sys.executable).parent / "oxigraph"
            server = start([str(oxigraph), "serve", "--location", str(tmp_path / "oxstore"), "--bind", f"127.0.0.1:{port}"], port)
        try:
            done = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900)
        finally:
            if server is not None:
                stop(server)
        if done.returncode != 0:
            failures.append(f"{command}: exit {done.returncode}: {done.stderr[-400:]}")
    assert not failures, "\n".join(failures)
