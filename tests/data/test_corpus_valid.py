"""The training corpus (data/train.jsonl) passes data/validate.py, and the validator catches real problems."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from heartwork.taxonomy import LABELS

REPO = Path(__file__).resolve().parents[2]
TRAIN = REPO / "data" / "train.jsonl"
# files written but not yet trained on (data/DATA_CARD.md, "Written, not yet trained on"): checked the same way
INCOMING = sorted((REPO / "data" / "incoming").glob("train_*.jsonl"))


def _load_validator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("heartwork_data_validate", REPO / "data" / "validate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


validate = _load_validator()


def _line(text: str, labels: list[str], note: str = "test") -> str:
    return json.dumps({"text": text, "labels": labels, "note": note})


@pytest.fixture(scope="module")
def report() -> Any:
    return validate.validate_file(TRAIN)


def test_validator_uses_the_taxonomy_contract() -> None:
    assert validate.LABEL_IDS == LABELS
    assert set(validate.MINIMUMS) == set(LABELS)


def test_train_corpus_has_no_problems(report: Any) -> None:
    assert report.problems == []
    assert report.ok


def test_train_corpus_meets_minimum_counts(report: Any) -> None:
    assert report.messages >= 1600
    for label in LABELS:
        assert report.counts[label] >= validate.MINIMUMS[label], label
    for label in validate.MAIN_LABELS:
        assert report.counts[label] >= 120, label


def test_train_corpus_has_hard_negatives_and_multi_label(report: Any) -> None:
    share = report.hard_negatives / report.messages
    assert 0.25 <= share <= 0.40
    assert report.unlabelled >= 200
    assert report.multi_label >= 200


def test_train_corpus_is_kept_apart_from_the_dev_set() -> None:
    if not validate.DEFAULT_DEV.exists():
        pytest.skip("shared dev set not present in this checkout")
    dev = {validate.normalise(t) for t in validate.read_texts(validate.DEFAULT_DEV)}
    train = [validate.normalise(t) for t in validate.read_texts(TRAIN)]
    assert len(train) >= 1600
    assert not dev.intersection(train)


@pytest.mark.parametrize("path", sorted(TRAIN.parent.glob("train_*.jsonl")) + INCOMING, ids=lambda p: p.name)
def test_other_training_files_have_no_problems(path: Path) -> None:
    # train_b … train_j are written by other writers: same format and conventions, no minimums of their own.
    report = validate.validate_file(path, minimums=False)
    assert report.problems == [], report.problems[:5]
    assert report.messages >= 40


def test_no_text_in_two_training_files() -> None:
    seen: dict[str, str] = {}
    repeated = []
    for path in sorted(TRAIN.parent.glob("train*.jsonl")) + INCOMING:
        for text in validate.read_texts(path):
            key = validate.normalise(text)
            if key in seen and seen[key] != path.name:
                repeated.append((seen[key], path.name, text))
            seen.setdefault(key, path.name)
    assert not repeated, repeated[:5]


def test_validator_reports_bad_json_unknown_ids_order_and_keys() -> None:
    lines = [
        "{not json",
        _line("You never listen.", ["criticsm"]),
        _line("Sorry, I was wrong. I'll fix it.", ["amends", "accountability"]),
        json.dumps({"text": "hi", "labels": []}),
        _line("", []),
    ]
    problems = validate.validate_lines(lines).problems
    assert any(p.startswith("line 1: not valid JSON") for p in problems)
    assert any(p.startswith("line 2: unknown label ids ['criticsm']") and "criticism" in p for p in problems)
    assert any(p.startswith("line 3: labels") and "not in taxonomy order" in p for p in problems)
    assert any(p.startswith("line 4: keys must be exactly") for p in problems)
    assert any(p.startswith("line 5: 'text' must be a non-empty string") for p in problems)


def test_validator_reports_duplicates_ignoring_case_and_spaces() -> None:
    report = validate.validate_lines([_line("I love you", ["reassurance"]), _line("  i LOVE   you ", [])])
    assert report.problems == ["line 2: duplicate of line 1: '  i LOVE   you '"]


def test_validator_reports_texts_from_other_splits_without_quoting_hidden_ones() -> None:
    lines = [_line("Whatever.", ["stonewalling"]), _line("Could we talk after dinner tonight?", [])]
    report = validate.validate_lines(
        lines,
        forbidden={"dev": ["whatever."], "heldout": ["could we   talk after dinner tonight?"]},
        show_source_text=("dev",),
    )
    assert report.problems == [
        "line 1: text also appears in dev: 'Whatever.'",
        "line 2: text also appears in heldout",
    ]


def test_validate_file_keeps_training_apart_from_every_evaluation_set(tmp_path: Path) -> None:
    # Both evaluation sets are hidden sources: a near copy of either is reported, its text never quoted.
    heldout, safety_eval = tmp_path / "heldout.jsonl", tmp_path / "safety_eval.jsonl"
    heldout.write_text(_line("I feel so alone when you stay late at the office every night.", []) + "\n")
    safety_eval.write_text(_line("He reads every message on my phone before I go to sleep.", []) + "\n")
    train = tmp_path / "train_x.jsonl"
    train.write_text(
        _line("Honestly I feel so alone when you stay late at the office.", ["need_statement"])
        + "\n"
        + _line("ok so he reads every message on my phone before bed", ["safety_risk"], "safety: monitoring")
        + "\n"
    )
    report = validate.validate_file(train, dev=None, hidden=(heldout, safety_eval), minimums=False)
    assert report.problems == [
        "line 1: shares 7+ consecutive words with a text in data/heldout.jsonl",
        "line 2: shares 7+ consecutive words with a text in data/safety_eval.jsonl",
    ]


def test_validator_reports_near_copies() -> None:
    source = ["I feel so alone when you stay late at the office every night."]
    lines = [_line("Honestly I feel so alone when you stay late at the office, love.", ["need_statement"])]
    report = validate.validate_lines(lines, near_copy_sources={"dev": source})
    assert len(report.problems) == 1 and "consecutive words" in report.problems[0]
    unrelated = [_line("Thanks for the flowers, they're gorgeous.", ["appreciation"])]
    assert validate.validate_lines(unrelated, near_copy_sources={"dev": source}).ok


def test_validator_checks_note_conventions() -> None:
    lines = [
        _line("He reads all my messages.", ["safety_risk"], "monitoring"),
        _line("I'll kill you if you eat my cake lol", [], "safety: figurative"),
        _line("I'll hurt you.", ["safety_risk"], "hard negative: threat"),
    ]
    problems = validate.validate_lines(lines).problems
    assert any(p.startswith("line 1:") and "must start with 'safety:'" in p for p in problems)
    assert any(p.startswith("line 2:") and "safety_risk is not labelled" in p for p in problems)
    assert any(p.startswith("line 3:") and "cannot carry safety_risk" in p for p in problems)


def test_validator_counts_and_minimums() -> None:
    lines = [
        _line("You never help and you're lazy.", ["criticism"], "x"),
        _line("Thank you, and I'm sorry I was late.", ["accountability", "appreciation"], "x"),
        _line("bins tonight", [], "hard negative: logistics"),
    ]
    report = validate.validate_lines(lines, minimums=True)
    assert report.messages == 3
    assert report.counts["criticism"] == 1 and report.counts["appreciation"] == 1
    assert (report.unlabelled, report.multi_label, report.hard_negatives) == (1, 1, 1)
    assert any(p.startswith("criticism: 1 positives, want at least 120") for p in report.problems)
    assert any("want at least 1600" in p for p in report.problems)
    markdown = validate.format_counts(report, markdown=True)
    assert "| `criticism` | 1 |" in markdown and markdown.startswith("| label | positives |")


def test_command_line_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(_line("thanks for dinner", ["appreciation"]) + "\n", encoding="utf-8")
    assert validate.main([str(good), "--no-minimums", "--dev", str(tmp_path / "none.jsonl")]) == 0
    bad = tmp_path / "bad.jsonl"
    bad.write_text(_line("thanks for dinner", ["gratitude"]) + "\n", encoding="utf-8")
    assert validate.main([str(bad), "--no-minimums", "--dev", str(tmp_path / "none.jsonl")]) == 1
    assert "unknown label ids" in capsys.readouterr().err
    assert validate.main([str(tmp_path / "missing.jsonl")]) == 2
