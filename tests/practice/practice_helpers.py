"""Helpers for the practice tests: scripted answers that walk any practice to its end, a fake reader."""

from __future__ import annotations

from collections.abc import Callable

from heartwork.model import Analysis, Finding, Safety, Span
from heartwork.practice.engine import Session
from heartwork.practice.schema import Practice

# A plain, clearly safe answer for free-text steps; it carries no safety signal.
PLAIN = "We argued about the dishes and I felt tired"


def scripted_inputs(
    practice: Practice, *, text: str = PLAIN, choice: str = "1", scale: str = "5"
) -> list[str]:
    """The lines a person would type to walk ``practice`` to its end, answering every step.

    Walks a Session with a no-op analyser so it follows the same path (``when`` branches) the CLI will.
    Text, breath and timer steps get an empty line (Enter); multiline prompts end with an empty line.
    """
    s = Session(practice, analyzer=lambda t: Analysis(text=t))
    lines: list[str] = []
    while (step := s.current) is not None:
        if step.type in ("text", "breath", "timer"):
            lines.append("")
            s.acknowledge()
        elif step.type == "compose":
            s.acknowledge()
        elif step.type == "prompt":
            lines.append(text)
            if step.multiline:
                lines.append("")
            assert s.submit(text).ok
        elif step.type == "choice":
            lines.append(choice)
            assert s.submit(choice).ok
        else:
            lines.append(scale)
            assert s.submit(scale).ok
    return lines


def fake_analyzer(
    labels_by_word: dict[str, str], *, unsafe_word: str | None = None
) -> Callable[[str], Analysis]:
    """A deterministic stand-in for heartwork.analyze (used where the test is about the engine, not the reader)."""

    def run(text: str) -> Analysis:
        found = []
        for word, label in labels_by_word.items():
            i = text.find(word)
            if i >= 0:
                found.append(Finding(label, Span(i, i + len(word)), 0.9, word, "test"))
        risk = unsafe_word is not None and unsafe_word in text
        safety_findings = (
            (Finding("safety_risk", Span(0, len(text)), 0.9, text, "test", "safety"),) if risk else ()
        )
        return Analysis(text=text, patterns=tuple(found), safety=Safety(risk, safety_findings))

    return run
