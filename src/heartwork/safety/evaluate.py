"""Measure the safety_risk detector on a labelled jsonl file: recall, precision, and every mistake with its text.

A line is ``{"text": ..., "labels": [...], "note": ...}``; a line is a positive when ``"safety_risk"`` is in
its labels. Predictions come from the public API (``heartwork.analyze_many``), so the number measures what
every face sees. False positives are listed with the words that triggered them and the explanation the user
would read — explained, not hidden.

Call it from code (``evaluate_file(path)``), from ``bench/eval_safety.py``, or from ``heartwork eval``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Case", "EvalReport", "Mistake", "evaluate", "evaluate_file", "load_cases"]

LABEL = "safety_risk"


@dataclass(frozen=True, slots=True)
class Case:
    text: str
    positive: bool
    note: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class Mistake:
    kind: str  # "false_positive" | "false_negative"
    text: str
    note: str
    line: int
    evidence: tuple[str, ...] = ()  # for a false positive: the words that fired
    why: tuple[str, ...] = ()  # for a false positive: the explanation shown to the user


@dataclass
class EvalReport:
    source: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    mistakes: list[Mistake] = field(default_factory=list)

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float("nan")

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float("nan")

    @property
    def false_positives(self) -> list[Mistake]:
        return [m for m in self.mistakes if m.kind == "false_positive"]

    @property
    def false_negatives(self) -> list[Mistake]:
        return [m for m in self.mistakes if m.kind == "false_negative"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "n": self.n,
            "positives": self.tp + self.fn,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "recall": round(self.recall, 4),
            "precision": round(self.precision, 4),
            "false_positives": [
                {
                    "line": m.line,
                    "text": m.text,
                    "note": m.note,
                    "evidence": list(m.evidence),
                    "why": list(m.why),
                }
                for m in self.false_positives
            ],
            "false_negatives": [
                {"line": m.line, "text": m.text, "note": m.note} for m in self.false_negatives
            ],
        }

    def render(self) -> str:
        lines = [
            f"safety_risk on {self.source}: {self.n} messages, {self.tp + self.fn} positives",
            f"  recall    {self.recall:.3f}  ({self.tp}/{self.tp + self.fn})",
            f"  precision {self.precision:.3f}  ({self.tp}/{self.tp + self.fp})",
        ]
        if self.false_negatives:
            lines.append(f"  missed (false negatives): {len(self.false_negatives)}")
            lines += [f"    line {m.line}: {m.text!r}  [{m.note}]" for m in self.false_negatives]
        if self.false_positives:
            lines.append(f"  flagged but not labelled (false positives): {len(self.false_positives)}")
            for m in self.false_positives:
                lines.append(f"    line {m.line}: {m.text!r}  [{m.note}]")
                lines += [f"      fired on {e!r}: {w}" for e, w in zip(m.evidence, m.why, strict=True)]
        return "\n".join(lines)


class EvalDataError(ValueError):
    """The evaluation file cannot be read."""


def load_cases(path: str | Path) -> list[Case]:
    p = Path(path)
    if not p.exists():
        raise EvalDataError(
            f"No evaluation file at {p}. Pass a jsonl file with one {{'text', 'labels'}} per line."
        )
    cases: list[Case] = []
    for i, raw in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise EvalDataError(f"{p}:{i}: not valid JSON ({exc.msg}).") from exc
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            raise EvalDataError(f"{p}:{i}: each line needs a non-empty string 'text'.")
        labels = obj.get("labels", [])
        if not isinstance(labels, list):
            raise EvalDataError(f"{p}:{i}: 'labels' must be a list of label ids.")
        cases.append(Case(obj["text"], LABEL in labels, str(obj.get("note", "")), i))
    return cases


def evaluate(cases: Iterable[Case], source: str = "cases") -> EvalReport:
    from heartwork.engine import analyze_many

    items = list(cases)
    analyses = analyze_many([c.text for c in items])
    report = EvalReport(source)
    for case, a in zip(items, analyses, strict=True):
        predicted = a.safety.risk
        if predicted and case.positive:
            report.tp += 1
        elif predicted:
            report.fp += 1
            report.mistakes.append(
                Mistake(
                    "false_positive",
                    case.text,
                    case.note,
                    case.line,
                    tuple(f.evidence for f in a.safety.findings),
                    tuple(f.explanation for f in a.safety.findings),
                )
            )
        elif case.positive:
            report.fn += 1
            report.mistakes.append(Mistake("false_negative", case.text, case.note, case.line))
        else:
            report.tn += 1
    return report


def evaluate_file(path: str | Path) -> EvalReport:
    return evaluate(load_cases(path), source=str(path))
