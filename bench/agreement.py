"""Are the labels the ceiling, or the model? Inter-annotator agreement on 600 training messages.

    .venv/bin/python bench/agreement.py        # ~6 minutes on 2 cores (the model row is cross-validated)

data/agreement.jsonl holds 600 training messages (90 each with criticism, defensiveness and contempt, 70 with
safety_risk, 260 at random; see data/DATA_CARD.md) with three label sets: the original writer's, and two
annotators' who labelled the texts blind (from shared/TAXONOMY.md and the data card's conventions only).
Per label, F1 and Cohen's kappa between every pair, and the same for the model: the whole run-time pipeline
with heads that never saw the message's writer (writer-grouped folds) at the shipped thresholds.
Evaluation sets are never read.
"""

from __future__ import annotations

import json
import sys

import numpy as np
from safety_threshold import writer_folds

from heartwork.engine import train as T
from heartwork.engine.classifier import load_heads
from heartwork.engine.paths import REPO
from heartwork.taxonomy import LABELS

SAMPLE = REPO / "data" / "agreement.jsonl"


def agreement(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """F1 of one annotator against the other (symmetric) and Cohen's kappa, for one label's yes/no."""
    f1 = 2 * float((x & y).sum()) / max(1, int(x.sum() + y.sum()))
    po = float((x == y).mean())
    pe = float(x.mean() * y.mean() + (1 - x.mean()) * (1 - y.mean()))
    return f1, (po - pe) / (1 - pe) if pe < 1 else 1.0


def model_labels(texts: list[str]) -> list[set[str]]:
    examples = T.training_examples()
    thr = load_heads().thresholds
    _, fitted = T.out_of_fold(examples, log=lambda _: None, folds=writer_folds(examples))
    labels = T.cross_validated_labels(
        examples,
        fitted,
        {lab: float(t) for lab, t in zip(LABELS, thr, strict=True)},
    )
    index = {e.text: i for i, e in enumerate(examples)}
    return [labels[index[t]] for t in texts]


def main() -> int:
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    sets = {
        "writer": [set(r["labels"]) for r in rows],
        "A": [set(r["labels_a"]) for r in rows],
        "B": [set(r["labels_b"]) for r in rows],
    }
    sets["model"] = model_labels([r["text"] for r in rows])
    pairs = [
        ("writer", "A"),
        ("writer", "B"),
        ("A", "B"),
        ("model", "writer"),
        ("model", "A"),
        ("model", "B"),
    ]
    print(f"{len(rows)} messages; per label F1 between two label sets (Cohen's kappa in the last two rows)")
    print(f"{'label':16}" + "".join(f"{a + '~' + b:>14}" for a, b in pairs) + f"{'writer count':>14}")
    table = []
    for lab in LABELS:
        has = {k: np.array([lab in s for s in v]) for k, v in sets.items()}
        cells = [agreement(has[a], has[b]) for a, b in pairs]
        table.append(cells)
        print(f"{lab:16}" + "".join(f"{f:14.2f}" for f, _ in cells) + f"{int(has['writer'].sum()):14d}")
    for name, k in (("macro F1", 0), ("macro kappa", 1)):
        print(
            f"{name:16}"
            + "".join(f"{np.mean([row[c][k] for row in table]):14.3f}" for c in range(len(pairs)))
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
