"""The README's commands work: every `heartwork ...` line names a real command, and the quick ones run."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
EXE = str(Path(sys.executable).with_name("heartwork"))
# Non-interactive, read-only commands that run in full; the rest are checked through --help.
RUN_FULLY = {"analyze", "safety"}


def readme_commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    lines = []
    for block in blocks:
        for line in block.splitlines():
            line = line.split(" #")[0].strip()
            for part in line.split(" ; "):
                if part.startswith(("heartwork ", "echo ")):
                    lines.append(part.strip())
    return lines


def test_readme_examples_has_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "make run" in text and "make test" in text


@pytest.mark.parametrize("line", readme_commands())
def test_readme_examples_command_works(line: str) -> None:
    if line.startswith("echo "):
        payload, cmd = line[len("echo ") :].split(" | ", 1)
        args = shlex.split(cmd)
        res = subprocess.run(
            [EXE, *args[1:]], input=shlex.split(payload)[0], capture_output=True, text=True, timeout=120
        )
        assert res.returncode == 0, res.stderr
        assert "patterns" in json.loads(res.stdout.splitlines()[0])
        return
    args = shlex.split(line)
    sub = args[1]
    if sub in RUN_FULLY:
        res = subprocess.run([EXE, *args[1:]], capture_output=True, text=True, timeout=120)
        assert res.returncode == 0, res.stderr
        assert res.stdout.strip()
    else:
        res = subprocess.run([EXE, sub, "--help"], capture_output=True, text=True, timeout=120)
        assert res.returncode == 0, f"README names `heartwork {sub}`, which does not exist: {res.stderr}"
