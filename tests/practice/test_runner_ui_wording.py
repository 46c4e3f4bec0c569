"""How to answer ("Press Enter to go on", "Press Enter to skip.", Ctrl-C) is the terminal runner's wording, never
the scripts' or the engine's: the same scripts run in the web app, which shows its own buttons."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from heartwork.model import Analysis
from heartwork.practice.engine import Session
from heartwork.practice.runner import GO_ON, TO_FINISH, TO_KEEP, TO_SKIP, TO_STOP, TerminalRunner
from heartwork.practice.schema import ScriptError, load_all, load_practice, parse_practice

SCRIPTS = Path(__file__).parents[2] / "src" / "heartwork" / "practice" / "scripts"
UI_WORDS = ("press enter", "enter to", "ctrl-c", "ctrl+c", "click", "empty line")


def _no_reader(text: str) -> Analysis:
    return Analysis(text=text)


def _run(practice_id: str, typed: list[str]) -> tuple[Session, str, list[str]]:
    answers = iter(typed)
    prompts: list[str] = []
    out = io.StringIO()

    def read(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    runner = TerminalRunner(Console(file=out, width=200), pace=0.0, read=read)
    session = runner.run(Session(load_practice(practice_id), analyzer=_no_reader))
    return session, out.getvalue(), prompts


@pytest.mark.parametrize("path", sorted(SCRIPTS.glob("*.yaml")), ids=lambda p: p.stem)
def test_shipped_scripts_hold_no_ui_wording(path: Path) -> None:
    text = path.read_text(encoding="utf-8").lower()
    assert not [w for w in UI_WORDS if w in text], path.name


def _walk(practice_id: str, override: dict[str, str] | None = None) -> list[str]:
    """The lines a person types to finish a practice (``override``: step id -> the line typed there)."""
    override = override or {}
    s = Session(load_practice(practice_id), analyzer=_no_reader)
    lines: list[str] = []
    while (step := s.current) is not None:
        if step.type == "compose":
            s.acknowledge()
            continue
        if step.type in ("text", "breath", "timer"):
            lines.append("")
            s.acknowledge()
            continue
        line = override.get(
            step.id or "", "5" if step.type == "scale" else "1" if step.type == "choice" else "ok"
        )
        lines.append(line)
        if step.multiline and line:
            lines.append("")
        assert s.submit(line).ok
    return lines


def test_engine_views_and_errors_hold_no_ui_wording() -> None:
    """Everything the engine hands a face (every step's view, the re-ask message) is free of terminal words."""
    for practice in load_all():
        s = Session(practice, analyzer=_no_reader)
        while (step := s.current) is not None:
            view = s.view()
            assert view is not None
            shown = " ".join(str(v) for v in view.values()).lower()
            assert not [w for w in UI_WORDS if w in shown], (practice.id, view)
            if not step.takes_answer or step.type == "compose":
                s.acknowledge()
                continue
            if step.type == "prompt" and step.required and not s.default_for(step):
                outcome = s.submit("   ")
                assert not outcome.ok and outcome.error == "Take your time. A few words are enough."
            answer = "5" if step.type == "scale" else "1" if step.type == "choice" else "a few plain words"
            assert s.submit(answer).ok
        assert s.status == "complete", practice.id


def test_schema_refuses_ui_wording_with_a_clear_message() -> None:
    script = {
        "id": "tiny",
        "title": "Tiny",
        "summary": "A test.",
        "steps": [
            {"type": "text", "text": "Hello. Press Enter to go on."},
            {"id": "a", "type": "prompt", "text": "Anything?", "hint": "Finish with an empty line."},
            {"id": "b", "type": "choice", "text": "Pick", "options": [
                {"value": "x", "label": "Click here"}, {"value": "y", "label": "Or here"}]},
        ],
        "closing": "Ctrl-C to stop.",
    }  # fmt: skip
    with pytest.raises(ScriptError) as info:
        parse_practice(script, "tiny.yaml")
    msg = str(info.value)
    assert "step 1 (text): says 'Press Enter'" in msg
    assert "step 2 (prompt a): says 'empty line'" in msg
    assert "step 3 (choice b): says 'Click'" in msg
    assert "closing: says 'Ctrl-C'" in msg
    assert "the web app shows a button" in msg


def test_terminal_says_press_enter_to_go_on_and_to_skip_an_optional_question() -> None:
    # soothing-touch: intro, scale, choice, text, breath, timer, scale, then the optional "Anything you noticed?"
    session, out, prompts = _run("soothing-touch", ["", "3", "1", "", "", "", "8", ""])
    assert session.status == "complete"
    assert session.answers["noticed"] is None  # Enter skipped it
    assert prompts.count(f"[dim]{GO_ON}[/dim] ") == 2  # the two text steps
    assert out.count(TO_SKIP) == 1  # only the optional question says it
    assert "Anything you noticed?" in out and "Anything you noticed? (Press" not in out


def test_terminal_says_press_enter_to_keep_a_default() -> None:
    typed = _walk("speaking-up", {"final": "", "curiosity": "What was going on for you?"})
    session, out, _ = _run("speaking-up", typed)
    assert session.status == "complete"
    assert session.answers["final"] == session.answers["statement"]  # Enter kept the composed statement
    assert out.count(TO_KEEP) == 1
    assert "Keep it as it is, or write your own version." in out


def test_terminal_multiline_and_stuck_wording() -> None:
    """letter-to-myself: an empty answer to a required question is asked again, saying how to stop for now."""
    typed = _walk("letter-to-myself")
    first_answer = next(i for i, line in enumerate(typed) if line)
    session, out, _ = _run("letter-to-myself", [*typed[:first_answer], "", *typed[first_answer:]])
    assert session.status == "complete"
    assert "Take your time. A few words are enough. " + TO_STOP in out
    assert out.count(TO_STOP) == 1
    assert TO_FINISH in out and "Write as many lines as you want." in out
