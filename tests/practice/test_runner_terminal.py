"""The terminal runner: pacing (skippable, scaled by HEARTWORK_PACE), and a real terminal session in tmux."""

from __future__ import annotations

import io
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from rich.console import Console

from heartwork.model import Analysis
from heartwork.practice.engine import Session
from heartwork.practice.runner import TerminalRunner, pace_from_env
from heartwork.practice.schema import load_practice

HEARTWORK = str(Path(sys.executable).with_name("heartwork"))


def _run(typed: list[str], pace: float) -> tuple[Session, list[float], str]:
    answers = iter(typed)
    slept: list[float] = []
    out = io.StringIO()
    runner = TerminalRunner(
        Console(file=out, width=100), pace=pace, read=lambda prompt: next(answers), sleep=slept.append
    )
    s = runner.run(Session(load_practice("soothing-touch"), analyzer=lambda t: Analysis(text=t)))
    return s, slept, out.getvalue()


# soothing-touch: intro, scale, choice, text, breath (5 x 4s in + 6s out), timer (30s), scale, optional prompt
TYPED = ["", "3", "1", "", "", "", "8", ""]


def test_runner_paces_breath_and_timer_by_their_seconds() -> None:
    s, slept, out = _run(TYPED, pace=1.0)
    assert s.status == "complete"
    assert sum(slept) == pytest.approx(5 * (4 + 6) + 30)
    assert "Breathe in" in out and "Breathe out" in out


def test_runner_pace_zero_is_instant_and_skip_skips() -> None:
    _, slept, _ = _run(TYPED, pace=0.0)
    assert sum(slept) == 0
    skipping = ["", "3", "1", "", "skip", "skip", "8", ""]
    s, slept, out = _run(skipping, pace=1.0)
    assert s.status == "complete" and slept == [] and out.count("Skipped.") == 2


def test_runner_pace_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HEARTWORK_PACE", raising=False)
    assert pace_from_env() == 1.0
    assert pace_from_env(no_pause=True) == 0.0
    for raw, expected in (("0", 0.0), ("0.5", 0.5), ("fast", 1.0), ("-2", 1.0)):
        monkeypatch.setenv("HEARTWORK_PACE", raw)
        assert pace_from_env() == expected


def test_runner_ctrl_c_in_the_middle_of_a_breath_keeps_a_draft() -> None:
    answers = iter(["", "3", "1", "", ""])
    out = io.StringIO()

    def sleep(_: float) -> None:
        raise KeyboardInterrupt

    runner = TerminalRunner(Console(file=out, width=100), pace=1.0, read=lambda p: next(answers), sleep=sleep)
    s = runner.run(Session(load_practice("soothing-touch"), analyzer=lambda t: Analysis(text=t)))
    assert s.status == "draft" and s.reason == "interrupted"
    assert s.record()["answers"] == {"settled_before": 3, "place": "heart"}


class Tmux:
    """A real terminal: a detached tmux session of our own (killed by name at the end)."""

    def __init__(self, command: str) -> None:
        self.name = f"heartwork-test-{uuid.uuid4().hex[:8]}"
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.name, "-x", "120", "-y", "60", command], check=True
        )

    def screen(self) -> str:
        return subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name, "-S", "-300"], capture_output=True, text=True
        ).stdout

    def wait_for(self, text: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared on screen:\n{self.screen()}")

    def type(self, text: str) -> None:
        if text:
            subprocess.run(["tmux", "send-keys", "-t", self.name, "-l", text], check=True)
        subprocess.run(["tmux", "send-keys", "-t", self.name, "Enter"], check=True)

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


def _command(home: Path, *args: str) -> str:
    run = " ".join(shlex.quote(a) for a in (HEARTWORK, *args))
    return f"cd {shlex.quote(str(home))} && HEARTWORK_HOME={shlex.quote(str(home))} {run}; echo EXIT=$?; sleep 120"


tmux_missing = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux (apt-get install -y tmux)")


@pytest.mark.slow
@tmux_missing
def test_runner_drives_a_practice_in_tmux(_hermetic_home: Path) -> None:
    t = Tmux(_command(_hermetic_home, "practice", "soothing-touch", "--no-pause"))
    try:
        t.wait_for("(Press Enter to go on)")
        t.type("")
        t.wait_for("How settled do you feel right now?")
        t.type("15")
        t.wait_for("15 is outside the scale")
        t.type("3")
        t.wait_for("Where would a warm hand feel good?")
        t.type("1")
        t.wait_for("Place your hand there now")
        t.type("")
        t.wait_for("Breathe slowly with your hand")
        t.type("")
        t.wait_for("Stay with the warmth")
        t.type("")
        t.wait_for("How settled do you feel now?")
        t.type("8")
        t.wait_for("Anything you noticed?")
        t.type("My shoulders dropped")
        screen = t.wait_for("EXIT=")
        assert "EXIT=0" in screen and "Saved to your journal" in screen
        assert "Traceback" not in screen
    finally:
        t.close()
    from heartwork.practice.records import load_history
    from heartwork.store import open_store

    with open_store() as st:
        h = load_history(st)
    assert [p["id"] for p in h.practices] == ["soothing-touch"]


@pytest.mark.slow
@tmux_missing
def test_runner_ctrl_c_in_a_real_terminal_saves_a_draft(_hermetic_home: Path) -> None:
    t = Tmux(_command(_hermetic_home, "practice", "letter-to-myself", "--no-pause"))
    try:
        t.wait_for("(Press Enter to go on)")
        t.type("")
        t.wait_for("What are you struggling with")
        t.type("I was short with my sister")
        t.wait_for("Imagine that friend")
        t.keys("C-c")
        screen = t.wait_for("EXIT=")
        assert "EXIT=130" in screen and "Saved what you wrote as a draft" in screen
        assert "Traceback" not in screen
    finally:
        t.close()
    from heartwork.practice.records import find_draft
    from heartwork.store import open_store

    with open_store() as st:
        found = find_draft(st, "letter-to-myself")
    assert found is not None and found[1]["answers"] == {"struggle": "I was short with my sister"}
