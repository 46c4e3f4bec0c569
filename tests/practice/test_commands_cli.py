"""The real CLI, driven with scripted standard input: every practice end-to-end, bad input, Ctrl-C, safety."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from practice_helpers import PLAIN, scripted_inputs

from heartwork.practice.schema import load_all, load_practice

HEARTWORK = str(Path(sys.executable).with_name("heartwork"))


def run_cli(
    *args: str, stdin: str = "", timeout: float = 60, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "120", "HEARTWORK_PACE": "0"}
    return subprocess.run(
        [HEARTWORK, *args], input=stdin, capture_output=True, text=True, timeout=timeout, env=env, cwd=cwd
    )


class Entry:
    """A plain copy of a journal row (rows expire when their read transaction ends)."""

    def __init__(self, row: object) -> None:
        for name in ("id", "kind", "title", "body", "data", "shared", "sensitive"):
            setattr(self, name, getattr(row, name))


def entries(kind: str = "practice") -> list:
    """The local user's journal entries of ``kind``, oldest first, read from the real database file."""
    from heartwork.store import journal, open_store, users

    with open_store() as st, st.session(write=False) as s:
        u = users.get_user_by_username(s, "me")
        return [] if u is None else [Entry(e) for e in reversed(journal.list_entries(s, u, kind=kind))]


@pytest.mark.parametrize("practice_id", [p.id for p in load_all()])
def test_commands_every_practice_end_to_end(practice_id: str) -> None:
    lines = scripted_inputs(load_practice(practice_id))
    r = run_cli("practice", practice_id, "--no-pause", stdin="\n".join(lines) + "\n")
    assert r.returncode == 0, r.stderr
    assert "Saved to your journal" in r.stdout and "Streak: 1 day" in r.stdout
    assert "Traceback" not in r.stdout + r.stderr
    (e,) = entries()
    assert e.data["practice"] == practice_id and e.data["status"] == "complete"
    answered = {row["step"] for row in e.data["transcript"] if row["answer"]}
    assert answered == {k for k, v in e.data["answers"].items() if v is not None}
    assert PLAIN in e.body or practice_id == "soothing-touch"  # free-text answers are in the journal text


def test_commands_list_practices_with_descriptions() -> None:
    r = run_cli("practice")
    assert r.returncode == 0
    for p in load_all():
        assert p.id in r.stdout
    assert "mindfulness, common humanity and kindness" in r.stdout


def test_commands_unknown_practice_lists_valid_ones() -> None:
    r = run_cli("practice", "selfcompassion")
    assert r.returncode == 2
    assert "Did you mean self-compassion-break?" in r.stderr and "letter-to-myself" in r.stderr
    assert "Traceback" not in r.stderr


def test_commands_bad_answers_are_re_asked_kindly() -> None:
    # soothing-touch: intro, scale, choice, text, breath, timer, scale, optional prompt
    typed = ["", "", "eleven", "11", "3", "0", "9", "heart", "", "", "", "8", ""]
    r = run_cli("practice", "soothing-touch", "--no-pause", stdin="\n".join(typed) + "\n")
    assert r.returncode == 0, r.stderr
    assert "Please type a whole number from 0 to 10." in r.stdout
    assert "11 is outside the scale" in r.stdout
    assert "Please choose a number from 1 to 6." in r.stdout
    assert "9 isn't one of the choices" in r.stdout
    (e,) = entries()
    assert e.data["answers"] == {"settled_before": 3, "place": "heart", "settled_after": 8, "noticed": None}


def _read_until(proc: subprocess.Popen[bytes], marker: bytes, timeout: float = 30) -> bytes:
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    seen = b""
    deadline = time.monotonic() + timeout
    while marker not in seen:
        left = deadline - time.monotonic()
        assert left > 0, f"never saw {marker!r}; got {seen[-500:]!r}"
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 65536)
            assert chunk, f"process ended before {marker!r}: {seen[-500:]!r}"
            seen += chunk
    return seen


def test_commands_ctrl_c_mid_practice_saves_a_draft_and_resume_finishes_it() -> None:
    env = {**os.environ, "COLUMNS": "120", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [HEARTWORK, "practice", "core-value", "--no-pause"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        # a test run started in the background by a non-interactive shell inherits SIGINT ignored (POSIX), and so
        # would this child: give it the default, as a terminal would
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdin is not None
    _read_until(proc, b"(Press Enter to go on)")
    proc.stdin.write(b"\nShe said I never listen\n")
    proc.stdin.flush()
    _read_until(proc, b"what did you feel about yourself")
    proc.send_signal(signal.SIGINT)  # Ctrl-C while the practice waits for an answer
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert b"Saved what you wrote as a draft" in out and b"--resume" in out
    assert b"Traceback" not in out + err
    (draft,) = entries()
    assert draft.data["status"] == "draft" and draft.data["reason"] == "interrupted"
    assert draft.data["answers"]["conflict"] == "She said I never listen"
    assert draft.title.endswith("(draft)")

    # A new run mentions the draft; --resume continues where it stopped and completes the same entry.
    r = run_cli(
        "practice",
        "core-value",
        "--resume",
        "--no-pause",
        stdin="\n".join(
            ["not good enough", "", "", "someone who matters", "hurt", "", "kind", "I care about you", ""]
        )
        + "\n",
    )
    assert r.returncode == 0, r.stderr
    assert "Picking up where you left off" in r.stdout and "Saved to your journal" in r.stdout
    (done,) = entries()
    assert done.id == draft.id and done.data["status"] == "complete"
    assert done.data["answers"]["conflict"] == "She said I never listen"
    assert done.data["answers"]["my_value"] == "someone who matters"


def test_commands_closed_input_keeps_a_draft() -> None:
    r = run_cli("practice", "letter-to-myself", "--no-pause", stdin="\nI keep snapping at home\n")
    assert r.returncode == 0
    assert "Saved what you wrote as a draft" in r.stdout
    (e,) = entries()
    assert e.data["status"] == "draft" and e.data["answers"] == {"struggle": "I keep snapping at home"}


def test_commands_safety_signal_pauses_shows_help_and_keeps_a_private_draft() -> None:
    r = run_cli(
        "practice",
        "own-my-part",
        "--no-pause",
        stdin="\n\nHe checks my phone and won't let me see my friends.\n",
    )
    assert r.returncode == 0, r.stderr
    assert "Pausing here" in r.stdout and "emergency" in r.stdout.lower()
    assert "What was your part?" not in r.stdout  # never goes on to coach owning a part
    (e,) = entries()
    assert e.data["status"] == "draft" and e.data["safety"] is True and e.sensitive is True


def test_commands_safety_choice_pauses() -> None:
    p = load_practice("reactivity-check-in")
    lines = scripted_inputs(p)
    unsafe_at = [i for i, line in enumerate(lines) if line == "1"][1]  # the second choice is "unsafe"
    lines[unsafe_at] = "2"
    r = run_cli("practice", p.id, "--no-pause", stdin="\n".join(lines) + "\n")
    assert r.returncode == 0 and "Pausing here" in r.stdout
    (e,) = entries()
    assert e.data["answers"]["unsafe"] == "yes" and e.sensitive


def test_commands_help_for_every_command() -> None:
    for cmd in ("practice", "choice", "questionnaire", "progress", "reflect"):
        r = run_cli(cmd, "--help")
        assert r.returncode == 0 and "Usage" in r.stdout, cmd
