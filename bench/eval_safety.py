"""Evaluate safety_risk detection: recall, precision and every mistake, with its text.

    .venv/bin/python bench/eval_safety.py                 # every default set that exists
    .venv/bin/python bench/eval_safety.py path/to/set.jsonl --json

Default sets: data/safety_eval.jsonl (independent set; never read while tuning the detector), the safety
lines of shared/data/heartwork-dev/dev.jsonl (with the rest of that file as negatives), and
tests/safety/dev_cases.jsonl (the detector's own tuning cases: optimistic by construction).
Exit code 1 if recall on any set is below the target.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from heartwork.engine.paths import REPO, SHARED_DEV
from heartwork.safety.evaluate import evaluate_file

DEFAULT_SETS = (
    REPO / "data" / "safety_eval.jsonl",
    SHARED_DEV,
    REPO / "tests" / "safety" / "dev_cases.jsonl",
)
RECALL_TARGET = 0.95  # issue 7: recall >= 0.95, false positives explained rather than hidden


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path, help="jsonl files with {text, labels, note}")
    ap.add_argument("--json", action="store_true", help="print the reports as JSON")
    args = ap.parse_args(argv)
    paths = args.paths or [p for p in DEFAULT_SETS if p.exists()]
    missing = [p for p in DEFAULT_SETS if not p.exists()] if not args.paths else []
    reports = [evaluate_file(p) for p in paths]
    if args.json:
        print(json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=2))
    else:
        for r in reports:
            print(r.render())
            print()
        for p in missing:
            print(f"(not found, skipped: {p})")
    return 0 if all(r.recall >= RECALL_TARGET for r in reports) else 1


if __name__ == "__main__":
    sys.exit(main())
