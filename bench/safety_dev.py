"""Recall and precision of the safety_risk detector on the development data (never the evaluation sets).

Sets (a message is positive when its labels carry ``safety_risk``):

* ``own/tune``  — two thirds of ``data/train_safety.jsonl`` (line index % 3 != 2): rules are tuned on these;
* ``own/kept``  — the other third (index % 3 == 2): kept aside, never tuned on; its misses are not printed
  unless ``--show-kept`` is given (don't, while tuning);
* ``corpus``    — the safety cases and hard negatives (notes ``safety:`` / ``hard negative:``) of
  ``data/train.jsonl``, ``data/train_b.jsonl`` and the shared dev set;
* ``others``    — the same from any other ``data/train*.jsonl`` (written by other people in parallel): a second
  check the rules were not tuned on; errors printed only with ``--show-others``.

For each set: recall and precision of the full detector (phrase cues + classifier backstop) and of the phrase
cues alone. Misses and false alarms are printed (with the words that fired) for the tuning sets.

    .venv/bin/python bench/safety_dev.py [--show-kept] [--show-others] [--quiet] [--baseline OLD_SAFETY.py]

``--baseline`` also scores the phrase cues of another version of ``safety.py`` (e.g. ``git show
REV:src/heartwork/engine/safety.py > /tmp/old.py``) on the same sets, side by side.

``data/safety_eval.jsonl`` and ``data/heldout.jsonl`` are never read here.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path

import heartwork
from heartwork.engine.paths import REPO, SHARED_DEV
from heartwork.engine.safety import find_cues

OWN = REPO / "data" / "train_safety.jsonl"
NEVER = {"safety_eval.jsonl", "heldout.jsonl"}

Case = tuple[str, bool, str]  # text, is safety_risk, note


def _read(path: Path) -> list[dict[str, object]]:
    assert path.name not in NEVER, "evaluation sets are not for development"
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _case(row: dict[str, object]) -> Case:
    return str(row["text"]), "safety_risk" in row["labels"], str(row["note"])  # type: ignore[operator]


def own_split() -> tuple[list[Case], list[Case]]:
    rows = [_case(r) for r in _read(OWN)]
    return [c for i, c in enumerate(rows) if i % 3 != 2], [c for i, c in enumerate(rows) if i % 3 == 2]


CORPUS = ("train.jsonl", "train_b.jsonl")


def corpus_cases(others: bool = False) -> list[Case]:
    """Safety cases and hard negatives of the project's training files (or, with ``others``, of every other
    data/train*.jsonl) and the shared dev set, de-duplicated."""
    data = sorted(p for p in (REPO / "data").glob("train*.jsonl") if p != OWN)
    if others:
        paths = [p for p in data if p.name not in CORPUS]
    else:
        paths = [p for p in data if p.name in CORPUS] + ([SHARED_DEV] if SHARED_DEV.exists() else [])
    seen: set[str] = set()
    out: list[Case] = []
    for p in paths:
        for row in _read(p):
            text, pos, note = _case(row)
            if not (pos or note.startswith("hard negative:")) or text.lower() in seen:
                continue
            seen.add(text.lower())
            out.append((text, pos, note))
    return out


def score(cases: list[Case], baseline: Callable[[str], list[object]] | None = None) -> dict[str, object]:
    analyses = heartwork.analyze_many([c[0] for c in cases])
    full = [a.safety.risk for a in analyses]
    rules = [bool(find_cues(c[0])) for c in cases]
    out: dict[str, object] = {"n": len(cases), "positives": sum(c[1] for c in cases)}
    preds = [("full", full), ("rules", rules)]
    if baseline is not None:
        preds.append(("base", [bool(baseline(c[0])) for c in cases]))
    for name, pred in preds:
        tp = sum(p and c[1] for p, c in zip(pred, cases, strict=True))
        fp = sum(p and not c[1] for p, c in zip(pred, cases, strict=True))
        pos = sum(c[1] for c in cases)
        out[name] = (tp / pos if pos else 1.0, tp / (tp + fp) if tp + fp else 1.0, tp, fp)
    out["misses"] = [c for c, p in zip(cases, full, strict=True) if c[1] and not p]
    out["false_alarms"] = [
        (c, [(f.evidence, f.explanation[:60]) for f in a.safety.findings])
        for c, a, p in zip(cases, analyses, full, strict=True)
        if p and not c[1]
    ]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show-kept", action="store_true", help="also print the kept-aside part's errors")
    ap.add_argument("--show-others", action="store_true", help="also print the other files' errors")
    ap.add_argument("--quiet", action="store_true", help="numbers only")
    ap.add_argument("--baseline", type=Path, help="another safety.py whose phrase cues are scored alongside")
    args = ap.parse_args()
    baseline = None
    if args.baseline:
        spec = importlib.util.spec_from_file_location("safety_baseline", args.baseline)
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        sys.modules["safety_baseline"] = mod  # dataclasses look their module up there
        spec.loader.exec_module(mod)
        baseline = mod.find_cues
    tune, kept = own_split()
    sets = {"own/tune": tune, "own/kept": kept, "corpus": corpus_cases(), "others": corpus_cases(others=True)}
    head = f"{'set':10} {'n':>5} {'pos':>4}  {'full recall/precision':>24}  {'rules recall/precision':>24}"
    print(head + (f"  {'baseline rules':>24}" if baseline else ""))
    results = {name: score(cases, baseline) for name, cases in sets.items() if cases}
    for name, r in results.items():
        line = f"{name:10} {r['n']:>5} {r['positives']:>4}"
        for key in ("full", "rules", "base"):
            if key in r:
                rec, prec, _, fp = r[key]  # type: ignore[misc]
                line += f"  {rec:>9.3f} / {prec:.3f} ({fp:>3} FP)"
        print(line)
    if args.quiet:
        return
    for name, r in results.items():
        if (name == "own/kept" and not args.show_kept) or (name == "others" and not args.show_others):
            continue
        for text, _, note in r["misses"]:  # type: ignore[attr-defined]
            print(f"MISS  [{name}] ({note}) {text}")
        for (text, _, note), ev in r["false_alarms"]:  # type: ignore[attr-defined]
            print(f"FALSE [{name}] ({note}) {text}  <- {ev}")


if __name__ == "__main__":
    main()
