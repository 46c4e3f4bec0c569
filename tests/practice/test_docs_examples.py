"""The commands in docs/practice.md's tour run as written."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from test_commands_cli import run_cli

DOC = Path(__file__).resolve().parents[2] / "docs" / "practice.md"


def test_docs_examples_tour_commands_run(tmp_path: Path) -> None:
    blocks = re.findall(r"```sh\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    commands = [line for block in blocks for line in block.splitlines() if line.startswith("heartwork ")]
    assert len(commands) >= 8
    for line in commands:
        r = run_cli(*shlex.split(line)[1:], cwd=tmp_path)
        assert r.returncode == 0, f"{line}\n{r.stdout}\n{r.stderr}"
        assert "Traceback" not in r.stdout + r.stderr
    assert (tmp_path / "progress.png").read_bytes()[:4] == b"\x89PNG"
    assert "<svg" in (tmp_path / "progress.html").read_text(encoding="utf-8")
