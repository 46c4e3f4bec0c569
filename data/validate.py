"""Check Heartwork's labelled training corpus and print per-label counts.

Usage (from the repository root):

    .venv/bin/python data/validate.py                 # checks data/train.jsonl
    .venv/bin/python data/validate.py --markdown      # same, counts as a Markdown table
    .venv/bin/python data/validate.py path/to/other.jsonl --no-minimums

Checks, each reported as a problem (exit code 1 if there is any):

* every line is a JSON object with exactly the keys ``text``, ``labels`` and ``note``;
* ``text`` and ``note`` are non-empty strings, ``labels`` a list of known label ids (shared/TAXONOMY.md)
  without repeats and in taxonomy order;
* notes follow the corpus convention: a message labelled ``safety_risk`` has a note starting with
  ``safety:`` and a note starting with ``safety:`` carries ``safety_risk``; a hard negative note starts with
  ``hard negative:`` and never carries ``safety_risk``;
* no text appears twice (case- and whitespace-insensitive);
* no text also appears in the shared development set (``../shared/data/heartwork-dev/dev.jsonl``) or in
  the evaluation sets ``data/heldout.jsonl`` and ``data/safety_eval.jsonl`` (each if present), and no
  training text shares a run of ``NEAR_COPY_WORDS`` consecutive words with any of them (a near copy).
  Evaluation texts are never printed: only the training line number is reported;
* with minimums on (the default for ``data/train.jsonl``): the minimum positives per label of ``MINIMUMS``,
  at least ``MIN_MESSAGES`` messages, and a hard-negative share between 25% and 40%.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from heartwork.taxonomy import LABELS as LABEL_IDS  # the package is the single source of label ids

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_TRAIN = HERE / "train.jsonl"
DEFAULT_HELDOUT = HERE / "heldout.jsonl"
DEFAULT_SAFETY_EVAL = HERE / "safety_eval.jsonl"
DEFAULT_DEV = REPO.parent / "shared" / "data" / "heartwork-dev" / "dev.jsonl"

MAIN_LABELS = (
    "criticism",
    "contempt",
    "defensiveness",
    "invalidation",
    "validation",
    "accountability",
    "need_statement",
    "safety_risk",
)
MINIMUMS: dict[str, int] = {label: (120 if label in MAIN_LABELS else 70) for label in LABEL_IDS}
MIN_MESSAGES = 1600
HARD_NEGATIVE_SHARE = (0.25, 0.40)
NEAR_COPY_WORDS = 7
KEYS = {"text", "labels", "note"}
HARD_NEGATIVE = "hard negative:"
SAFETY = "safety:"


@dataclass
class Report:
    """What validation found: problems (each one makes the run fail) and the counts."""

    problems: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    messages: int = 0
    unlabelled: int = 0
    multi_label: int = 0
    hard_negatives: int = 0
    safety_cases: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def normalise(text: str) -> str:
    """Case- and whitespace-insensitive form of a text, used for duplicate checks."""
    return " ".join(text.casefold().split())


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.casefold().replace("\u2019", "'"))


def shingles(text: str, n: int = NEAR_COPY_WORDS) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def read_texts(path: Path) -> list[str]:
    """The ``text`` fields of a JSONL file (lines that are not valid records are skipped)."""
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(row, dict) and isinstance(row.get("text"), str):
            texts.append(row["text"])
    return texts


def check_record(row: object, where: str) -> list[str]:
    """Problems with one parsed line (empty list if it is a well-formed record)."""
    if not isinstance(row, dict):
        return [f"{where}: expected a JSON object, got {type(row).__name__}"]
    problems = []
    if set(row) != KEYS:
        missing, extra = sorted(KEYS - set(row)), sorted(set(row) - KEYS)
        problems.append(
            f"{where}: keys must be exactly text, labels, note (missing {missing}, extra {extra})"
        )
    text, labels, note = row.get("text"), row.get("labels"), row.get("note")
    if not isinstance(text, str) or not text.strip():
        problems.append(f"{where}: 'text' must be a non-empty string")
    if not isinstance(note, str) or not note.strip():
        problems.append(f"{where}: 'note' must be a non-empty string")
    if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
        problems.append(f"{where}: 'labels' must be a list of label id strings")
        return problems
    unknown = [x for x in labels if x not in LABEL_IDS]
    if unknown:
        problems.append(f"{where}: unknown label ids {unknown}; valid ids: {', '.join(LABEL_IDS)}")
    if len(set(labels)) != len(labels):
        problems.append(f"{where}: repeated label ids {labels}")
    known = [x for x in labels if x in LABEL_IDS]
    if known != sorted(known, key=LABEL_IDS.index):
        problems.append(f"{where}: labels {known} not in taxonomy order {sorted(known, key=LABEL_IDS.index)}")
    if isinstance(note, str):
        is_safety, is_hard = note.startswith(SAFETY), note.startswith(HARD_NEGATIVE)
        if "safety_risk" in labels and not is_safety:
            problems.append(f"{where}: labelled safety_risk, so the note must start with '{SAFETY}'")
        if is_safety and "safety_risk" not in labels:
            problems.append(f"{where}: note starts with '{SAFETY}' but safety_risk is not labelled")
        if is_hard and "safety_risk" in labels:
            problems.append(f"{where}: a hard negative cannot carry safety_risk")
    return problems


def validate_lines(
    lines: Sequence[str],
    *,
    forbidden: Mapping[str, Iterable[str]] | None = None,
    near_copy_sources: Mapping[str, Iterable[str]] | None = None,
    show_source_text: Iterable[str] = (),
    minimums: bool = False,
) -> Report:
    """Validate JSONL lines.

    ``forbidden`` maps a source name to texts that must not reappear (exact, normalised);
    ``near_copy_sources`` maps a source name to texts no line may share ``NEAR_COPY_WORDS`` consecutive
    words with. Matching source texts are quoted only for sources named in ``show_source_text``.
    """
    report = Report()
    seen: dict[str, int] = {}
    forbidden_sets = {name: {normalise(t) for t in texts} for name, texts in (forbidden or {}).items()}
    shows = set(show_source_text)
    shingle_index: dict[str, dict[tuple[str, ...], str]] = {}
    for name, texts in (near_copy_sources or {}).items():
        index: dict[tuple[str, ...], str] = {}
        for t in texts:
            for s in shingles(t):
                index.setdefault(s, t)
        shingle_index[name] = index

    for number, line in enumerate(lines, 1):
        where = f"line {number}"
        if not line.strip():
            report.problems.append(f"{where}: blank line")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            report.problems.append(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        record_problems = check_record(row, where)
        report.problems.extend(record_problems)
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            continue
        text = row["text"]
        key = normalise(text)
        if key in seen:
            report.problems.append(f"{where}: duplicate of line {seen[key]}: {text!r}")
        else:
            seen[key] = number
        for name, keys in forbidden_sets.items():
            if key in keys:
                shown = f": {text!r}" if name in shows else ""
                report.problems.append(f"{where}: text also appears in {name}{shown}")
        for name, index in shingle_index.items():
            hit = next((index[s] for s in shingles(text) if s in index), None)
            if hit is not None and normalise(hit) != key:
                shown = f" ({hit!r})" if name in shows else ""
                report.problems.append(
                    f"{where}: shares {NEAR_COPY_WORDS}+ consecutive words with a text in {name}{shown}"
                )
        labels = row.get("labels")
        if not isinstance(labels, list):
            continue
        raw_note = row.get("note")
        note = raw_note if isinstance(raw_note, str) else ""
        report.messages += 1
        report.counts.update(x for x in labels if x in LABEL_IDS)
        report.unlabelled += not labels
        report.multi_label += len(labels) >= 2
        report.hard_negatives += note.startswith(HARD_NEGATIVE)
        report.safety_cases += note.startswith(SAFETY)

    if minimums:
        for label in LABEL_IDS:
            if report.counts[label] < MINIMUMS[label]:
                report.problems.append(
                    f"{label}: {report.counts[label]} positives, want at least {MINIMUMS[label]}"
                )
        if report.messages < MIN_MESSAGES:
            report.problems.append(f"{report.messages} messages, want at least {MIN_MESSAGES}")
        share = report.hard_negatives / report.messages if report.messages else 0.0
        low, high = HARD_NEGATIVE_SHARE
        if not low <= share <= high:
            report.problems.append(f"hard negatives are {share:.0%} of messages, want {low:.0%}-{high:.0%}")
    return report


def validate_file(
    path: Path,
    *,
    dev: Path | None = DEFAULT_DEV,
    hidden: tuple[Path, ...] = (DEFAULT_HELDOUT, DEFAULT_SAFETY_EVAL),
    minimums: bool = True,
) -> Report:
    """Validate a corpus file against the shared dev set and the evaluation sets (each if it exists)."""
    forbidden: dict[str, list[str]] = {}
    near: dict[str, list[str]] = {}
    if dev is not None and dev.exists():
        forbidden["the shared dev set"] = near["the shared dev set"] = read_texts(dev)
    for split in hidden:
        if split.exists() and split.resolve() != path.resolve():
            name = f"data/{split.name}"
            forbidden[name] = near[name] = read_texts(split)
    return validate_lines(
        path.read_text(encoding="utf-8").splitlines(),
        forbidden=forbidden,
        near_copy_sources=near,
        show_source_text=("the shared dev set",),
        minimums=minimums,
    )


def format_counts(report: Report, markdown: bool = False) -> str:
    lines = []
    if markdown:
        lines += ["| label | positives |", "|---|---|"]
        lines += [f"| `{label}` | {report.counts[label]} |" for label in LABEL_IDS]
    else:
        lines += [f"{label:16} {report.counts[label]:5}" for label in LABEL_IDS]
    share = report.hard_negatives / report.messages if report.messages else 0.0
    lines.append("")
    lines.append(
        f"{report.messages} messages; {report.unlabelled} carry no label; {report.multi_label} carry two or "
        f"more labels; {report.hard_negatives} hard negatives ({share:.0%}); {report.safety_cases} safety cases."
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_TRAIN, help="corpus file (JSONL)")
    parser.add_argument("--markdown", action="store_true", help="print the counts as a Markdown table")
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="shared dev set to keep apart")
    parser.add_argument("--no-minimums", action="store_true", help="skip the minimum-count checks")
    args = parser.parse_args(argv)
    if not args.path.exists():
        print(f"error: {args.path} does not exist; pass the path of a JSONL corpus file", file=sys.stderr)
        return 2
    report = validate_file(args.path, dev=args.dev, minimums=not args.no_minimums)
    print(format_counts(report, markdown=args.markdown))
    for problem in report.problems:
        print(f"problem: {problem}", file=sys.stderr)
    if report.problems:
        print(f"{len(report.problems)} problem(s) in {args.path}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
