"""How the safety backstop's cut-off trades recall for precision, out of fold, on training data only.

    .venv/bin/python bench/safety_threshold.py        # ~10 minutes on 2 cores

The classifier's ``safety_risk`` probability is computed out of fold twice: with the 5 random folds
``heartwork train`` uses, and with writer-grouped folds (each training file wholly in one fold, so every
message is scored by heads that never saw its writer). For each, the F1.5-best cut-off (the rule
``heartwork train`` applies) and recall/precision over a grid. With writer-grouped folds also the whole
detector without its contextual second reading (phrase cues and the static backstop; the reader was fine-tuned
on every fold, so bench/safety_reader_fold.py measures it) at each cut-off: recall, precision and the share of
training messages without safety_risk it flags. Last, what it costs on ordinary text: the share of GoEmotions
dev comments (Reddit, no safety labels; a few are real self-harm talk, so an upper bound on false alarms; the
safety head's out-of-domain negatives come from the train split, and these comments chose their weight) the
shipped model flags at each cut-off without the second reading, and with it as shipped.
Evaluation sets are never read.
"""

from __future__ import annotations

import sys
from dataclasses import replace

import numpy as np

from heartwork.engine import train as T
from heartwork.engine.classifier import SAFETY_INDEX, ClassifierDetector, load_heads
from heartwork.engine.feelings import goemotions_rows
from heartwork.engine.paths import SHARED_GOEMOTIONS
from heartwork.engine.pipeline import Doc
from heartwork.engine.rules import RuleDetector, shipped_trust
from heartwork.engine.safety import SafetyDetector
from heartwork.taxonomy import LABELS

SHOWN = (0.3, 0.4, 0.5, 0.525, 0.55, 0.575, 0.6)
WHOLE = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6)


def writer_folds(examples: list[T.Example]) -> list[list[int]]:
    """Each source wholly in one of FOLDS folds: largest sources first, each into the emptiest fold."""
    sizes: dict[str, int] = {}
    for e in examples:
        sizes[e.source] = sizes.get(e.source, 0) + 1
    folds: list[list[int]] = [[] for _ in range(T.FOLDS)]
    fold_of: dict[str, int] = {}
    load = [0] * T.FOLDS
    for name in sorted(sizes, key=lambda n: -sizes[n]):
        fold_of[name] = int(np.argmin(load))
        load[fold_of[name]] += sizes[name]
    for i, e in enumerate(examples):
        folds[fold_of[e.source]].append(i)
    return folds


def recall_at_precision(y: np.ndarray, p: np.ndarray, precision: float) -> float:
    """The highest recall reached, ranking by ``p``, at a point where precision is still >= ``precision``."""
    order = np.argsort(-p)
    tp = np.cumsum(y[order])
    ok = np.flatnonzero(tp / np.arange(1, len(p) + 1) >= precision)
    return float(tp[ok.max()] / y.sum()) if len(ok) else 0.0


def flagged(examples: list[T.Example], folds: list[T.Fold], cut: float) -> np.ndarray:
    """Which messages the whole detector flags (cue or static backstop; the second reading's reader saw every
    fold, bench/safety_reader_fold.py measures it) with the backstop's cut-off at ``cut``."""
    thresholds = dict(zip(LABELS, map(float, load_heads().thresholds), strict=True))
    labels = T.cross_validated_labels(examples, folds, {**thresholds, "safety_risk": cut})
    return np.array(["safety_risk" in got for got in labels])


def shipped_flags(texts: list[str], cut: float | None) -> np.ndarray:
    """The shipped detectors (heads, rule trust) with the backstop's cut-off at ``cut`` and no second reading;
    with ``cut`` None, as shipped (the second reading on)."""
    heads = load_heads()
    thresholds = heads.thresholds.copy()
    if cut is not None:
        thresholds[SAFETY_INDEX] = cut
    docs = [Doc(t) for t in texts]
    for det in (
        RuleDetector(shipped_trust()),
        ClassifierDetector(replace(heads, thresholds=thresholds)),
        SafetyDetector(second_reading=cut is None),
    ):
        det.run(docs)
    return np.array([any(f.label == "safety_risk" for f in d.findings) for d in docs])


def ordinary_text() -> list[str]:
    """GoEmotions dev comments: the safety head learns from train comments (``T.safety_negatives``), never these."""
    return [text for text, _ in goemotions_rows(SHARED_GOEMOTIONS, "dev")]


def main() -> int:
    examples = T.training_examples()
    j = LABELS.index("safety_risk")
    y = T.labels_matrix(examples)[:, j]
    for scheme, folds in (("random folds", None), ("writer-grouped folds", writer_folds(examples))):
        p, fitted = T.out_of_fold(examples, log=lambda _: None, folds=folds)
        p = p[:, j]
        best = max(T.GRID, key=lambda t: T.f_beta(y, p >= t, T.SAFETY_BETA))
        print(f"{scheme}: F1.5-best cut-off {best}")
        for t in SHOWN:
            pred = p >= t
            tp = int(np.sum(pred & (y == 1)))
            print(
                f"  {t:5.3f}  recall {tp / y.sum():.3f}  precision {tp / max(1, pred.sum()):.3f}", flush=True
            )
    print("whole detector without its second reading, writer-grouped folds (cue or backstop):")
    for t in WHOLE:
        pred = flagged(examples, fitted, t)
        tp = int(np.sum(pred & (y == 1)))
        print(
            f"  {t:5.3f}  recall {tp / y.sum():.3f}  precision {tp / max(1, pred.sum()):.3f}"
            f"  flags {pred[y == 0].mean():.1%} of the rest",
            flush=True,
        )
    ordinary = ordinary_text()
    print(
        f"ordinary text ({len(ordinary)} GoEmotions dev comments), shipped model without its second reading:"
    )
    for t in WHOLE:
        print(f"  {t:5.3f}  flags {shipped_flags(ordinary, t).mean():.2%}", flush=True)
    print(f"  as shipped (with the second reading): flags {shipped_flags(ordinary, None).mean():.2%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
