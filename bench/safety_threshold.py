"""How the safety backstop's cut-off trades recall for precision, out of fold, on training data only.

    .venv/bin/python bench/safety_threshold.py        # ~5 minutes on 2 cores

The classifier's ``safety_risk`` probability is computed out of fold twice: with the 5 random folds
``heartwork train`` uses, and with writer-grouped folds (each training file wholly in one fold, so every
message is scored by heads that never saw its writer). For each, the F1.5-best cut-off (the rule
``heartwork train`` applies) and recall/precision over a grid. Evaluation sets are never read.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np

from heartwork.engine import train as T
from heartwork.taxonomy import LABELS

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "data" / "heartwork-dev" / "dev.jsonl"
SHOWN = (0.3, 0.4, 0.5, 0.525, 0.55, 0.575, 0.6)


def f_beta(y: np.ndarray, pred: np.ndarray, beta: float = T.SAFETY_BETA) -> float:
    tp, fp, fn = np.sum(pred & (y == 1)), np.sum(pred & (y == 0)), np.sum(~pred & (y == 1))
    return float((1 + beta**2) * tp / max(1.0, (1 + beta**2) * tp + beta**2 * fn + fp))


def main() -> int:
    sources = [(p, p.stem) for p in sorted((REPO / "data").glob("train*.jsonl"))]
    sources += [(DEV, "heartwork_dev")] if DEV.exists() else []
    examples = [e for path, name in sources for e in T.load_jsonl(path, name)]
    texts, labels = [e.text for e in examples], T.labels_matrix(examples)
    y = labels[:, LABELS.index("safety_risk")]
    order = list(range(len(examples)))
    random.Random(T.SEED).shuffle(order)
    load = [0] * T.FOLDS
    fold_of: dict[str, int] = {}
    for _, name in sorted(sources, key=lambda s: -sum(e.source == s[1] for e in examples)):
        fold_of[name] = int(np.argmin(load))  # largest files first, each into the emptiest fold
        load[fold_of[name]] += sum(e.source == name for e in examples)
    schemes = {
        "random folds": [order[k :: T.FOLDS] for k in range(T.FOLDS)],
        "writer-grouped folds": [
            [i for i, e in enumerate(examples) if fold_of[e.source] == k] for k in range(T.FOLDS)
        ],
    }
    for scheme, folds in schemes.items():
        p = np.zeros(len(examples))
        for test in folds:
            held = set(test)
            train = [i for i in range(len(examples)) if i not in held]
            vocab, w, b = T.fit([texts[i] for i in train], labels[train])
            p[test] = T.predict(vocab, w, b, [texts[i] for i in test])[:, LABELS.index("safety_risk")]
        best = max(T.GRID, key=lambda t: f_beta(y, p >= t))
        print(f"{scheme}: F1.5-best cut-off {best}")
        for t in SHOWN:
            pred = p >= t
            tp = int(np.sum(pred & (y == 1)))
            print(
                f"  {t:5.3f}  recall {tp / y.sum():.3f}  precision {tp / max(1, pred.sum()):.3f}", flush=True
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
