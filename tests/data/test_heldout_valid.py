"""The held-out evaluation sets (data/heldout.jsonl, data/safety_eval.jsonl) are well-formed and independent.

They measure how well the analyzer generalises, so besides the format (valid JSON, known label ids in
taxonomy order, no repeats) these tests check that no message is shared with the development corpus the
builders tune on, or with the training file, and that every label has enough positives to be measured.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from heartwork.taxonomy import LABELS

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "data" / "heldout.jsonl"
SAFETY_EVAL = ROOT / "data" / "safety_eval.jsonl"
TRAIN = ROOT / "data" / "train.jsonl"
# every training file, and those written but not yet trained on (data/incoming/, see data/DATA_CARD.md)
TRAINING_FILES = sorted(TRAIN.parent.glob("train*.jsonl")) + sorted(
    (TRAIN.parent / "incoming").glob("train_*.jsonl")
)
DEV = Path(
    os.environ.get(
        "HEARTWORK_DEV_CORPUS",
        ROOT.parent / "shared" / "data" / "heartwork-dev" / "dev.jsonl",
    )
)

HELDOUT_MIN_LINES = 600
SAFETY_MIN_LINES = 200
MIN_POSITIVES = dict.fromkeys(LABELS, 25) | dict.fromkeys(
    (
        "criticism",
        "contempt",
        "defensiveness",
        "invalidation",
        "validation",
        "accountability",
        "need_statement",
    ),
    40,
)
SAFETY_MIN_POSITIVES = 110
SAFETY_MIN_HARD_NEGATIVES = 75
SAFETY_CATEGORIES = (
    "threat",
    "intimidation",
    "fear",
    "monitoring",
    "isolation",
    "financial control",
    "sexual coercion",
    "self-harm",
    "suicidal talk",
)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _load(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{path.name} line {number}: blank line"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            pytest.fail(f"{path.name} line {number}: not valid JSON ({err})")
        assert isinstance(row, dict), f"{path.name} line {number}: not a JSON object"
        rows.append(row)
    return rows


def _texts(path: Path) -> set[str]:
    return {_norm(str(row["text"])) for row in _load(path)}


@pytest.fixture(scope="module")
def heldout() -> list[dict[str, Any]]:
    return _load(HELDOUT)


@pytest.fixture(scope="module")
def safety_eval() -> list[dict[str, Any]]:
    return _load(SAFETY_EVAL)


@pytest.mark.parametrize("path", [HELDOUT, SAFETY_EVAL], ids=["heldout", "safety_eval"])
def test_rows_have_text_labels_note_with_known_ids_in_taxonomy_order(path: Path) -> None:
    problems = []
    for number, row in enumerate(_load(path), 1):
        if set(row) != {"text", "labels", "note"}:
            problems.append(f"line {number}: keys {sorted(row)}, want text, labels, note")
            continue
        text, labels, note = row["text"], row["labels"], row["note"]
        if not isinstance(text, str) or not text.strip():
            problems.append(f"line {number}: text must be a non-empty string")
        if not isinstance(note, str) or not note.strip():
            problems.append(f"line {number}: note must be a non-empty string")
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            problems.append(f"line {number}: labels must be a list of strings")
            continue
        unknown = [x for x in labels if x not in LABELS]
        if unknown:
            problems.append(f"line {number}: unknown label ids {unknown}")
        elif labels != sorted(set(labels), key=LABELS.index):
            problems.append(f"line {number}: labels {labels} repeat or are not in taxonomy order")
    assert not problems, "\n".join(problems)


def test_no_duplicate_texts_within_or_across_the_two_sets(
    heldout: list[dict[str, Any]], safety_eval: list[dict[str, Any]]
) -> None:
    counts = Counter(_norm(str(row["text"])) for row in heldout + safety_eval)
    repeated = sorted(text for text, n in counts.items() if n > 1)
    assert not repeated, f"texts appearing more than once: {repeated}"


def test_no_text_shared_with_the_development_corpus() -> None:
    if not DEV.exists():
        pytest.skip(f"development corpus not found at {DEV} (set HEARTWORK_DEV_CORPUS to its path)")
    dev = _texts(DEV)
    assert len(dev) > 100, "the development corpus looks truncated"
    shared = sorted((_texts(HELDOUT) | _texts(SAFETY_EVAL)) & dev)
    assert not shared, f"held-out texts also in {DEV}: {shared}"


@pytest.mark.parametrize("train", TRAINING_FILES, ids=lambda p: p.name)
def test_no_text_shared_with_the_training_files(train: Path) -> None:
    # Only reports held-out texts that leaked; it never prints training data.
    shared = sorted((_texts(HELDOUT) | _texts(SAFETY_EVAL)) & _texts(train))
    assert not shared, f"held-out texts leaked into {train.name}: {shared}"


def test_every_training_file_is_checked() -> None:
    assert TRAIN in sorted(TRAIN.parent.glob("train*.jsonl"))


def test_heldout_size_and_positives_per_label(heldout: list[dict[str, Any]]) -> None:
    assert len(heldout) >= HELDOUT_MIN_LINES
    counts = Counter(label for row in heldout for label in row["labels"])
    short = {label: counts[label] for label in LABELS if counts[label] < MIN_POSITIVES[label]}
    assert not short, f"labels below their minimum positives: {short} (minimums {MIN_POSITIVES})"


def test_heldout_composition_hard_negatives_and_multi_label(heldout: list[dict[str, Any]]) -> None:
    hard = [row for row in heldout if str(row["note"]).startswith("hard negative:")]
    multi = [row for row in heldout if len(row["labels"]) >= 2]
    share = len(hard) / len(heldout)
    assert 0.25 <= share <= 0.40, f"hard negatives are {share:.0%} of the set, want about 30%"
    assert len(multi) >= 60, f"only {len(multi)} messages carry two or more labels"
    unexplained = [row["text"] for row in heldout if not row["labels"] and row not in hard]
    assert not unexplained, f"label-free rows must be hard negatives: {unexplained}"


def test_safety_eval_size_notes_and_balance(safety_eval: list[dict[str, Any]]) -> None:
    assert len(safety_eval) >= SAFETY_MIN_LINES
    mismatched = [
        row["text"]
        for row in safety_eval
        if ("safety_risk" in row["labels"]) != str(row["note"]).startswith("safety:")
    ]
    assert not mismatched, f"safety_risk must go with a 'safety:' note and only then: {mismatched}"
    bad_notes = [
        row["note"] for row in safety_eval if not str(row["note"]).startswith(("safety:", "hard negative:"))
    ]
    assert not bad_notes, f"notes must start with 'safety:' or 'hard negative:': {bad_notes}"
    positives = [row for row in safety_eval if str(row["note"]).startswith("safety:")]
    negatives = [row for row in safety_eval if str(row["note"]).startswith("hard negative:")]
    assert len(positives) >= SAFETY_MIN_POSITIVES
    assert len(negatives) >= SAFETY_MIN_HARD_NEGATIVES


@pytest.mark.parametrize("category", SAFETY_CATEGORIES)
def test_safety_eval_covers_each_category(safety_eval: list[dict[str, Any]], category: str) -> None:
    cases = [row for row in safety_eval if str(row["note"]).startswith(f"safety: {category}")]
    assert len(cases) >= 5, f"only {len(cases)} safety cases for {category!r}"


def test_safety_eval_includes_indirect_self_harm_and_suicide_phrasing(
    safety_eval: list[dict[str, Any]],
) -> None:
    indirect = [
        row
        for row in safety_eval
        if str(row["note"]).startswith(("safety: suicidal talk", "safety: self-harm"))
        and "indirect" in str(row["note"])
    ]
    assert len(indirect) >= 8, f"only {len(indirect)} indirect self-harm/suicide cases"
