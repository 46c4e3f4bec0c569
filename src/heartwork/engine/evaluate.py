"""``heartwork eval FILE.jsonl``: run the full analyzer over labelled lines and score it."""

from __future__ import annotations

import json
from pathlib import Path

from heartwork.engine.metrics import Report, score
from heartwork.taxonomy import LABELS


class EvalFileError(ValueError):
    """The evaluation file cannot be read; the message says which line and why."""


def read_gold(path: Path) -> tuple[list[str], list[set[str]]]:
    texts, gold = [], []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalFileError(f"Cannot read {path}: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalFileError(f"{path}:{n}: not valid JSON ({exc.msg}).") from exc
        if (
            not isinstance(row, dict)
            or not isinstance(row.get("text"), str)
            or not isinstance(row.get("labels"), list)
        ):
            raise EvalFileError(f'{path}:{n}: each line needs {{"text": "...", "labels": [...]}}.')
        unknown = set(row["labels"]) - set(LABELS)
        if unknown:
            raise EvalFileError(
                f"{path}:{n}: unknown labels {sorted(unknown)}. Valid labels: {', '.join(LABELS)}"
            )
        texts.append(row["text"])
        gold.append(set(row["labels"]))
    if not texts:
        raise EvalFileError(f"{path} has no labelled lines.")
    return texts, gold


def evaluate(path: Path, rules_only: bool = False) -> tuple[Report, list[tuple[str, set[str], set[str]]]]:
    """Score the analyzer on a file; also return (text, gold, predicted) for every line it got wrong."""
    texts, gold = read_gold(path)
    pred = predict_labels(texts, rules_only)
    mistakes = [(t, g, p) for t, g, p in zip(texts, gold, pred, strict=True) if g != p]
    return score(gold, pred), mistakes


def predict_labels(texts: list[str], rules_only: bool = False) -> list[set[str]]:
    if rules_only:
        from heartwork.engine.pipeline import Doc
        from heartwork.engine.rules import RuleDetector
        from heartwork.engine.safety import SafetyDetector

        docs = [Doc(t) for t in texts]
        RuleDetector().run(docs)
        SafetyDetector().run(docs)
        return [{f.label for f in d.findings} for d in docs]
    from heartwork.engine import analyze_many

    return [set(a.labels) for a in analyze_many(texts)]
