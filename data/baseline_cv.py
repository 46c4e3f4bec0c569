"""A transparent bag-of-n-grams baseline, to put a cross-validated number on the corpora (not the shipped model).

    .venv/bin/python data/baseline_cv.py

Reports (1) 5-fold cross-validation over data/train.jsonl + the shared dev set, and (2) train on
data/train.jsonl only, test on the shared dev set (a different writer). For each: micro/macro F1 and the
false-alarm rate on kind messages (share of messages with no reactive label that get a reactive label).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, make_pipeline

from heartwork.taxonomy import LABELS, REACTIVE

HERE = Path(__file__).resolve().parent
DEV = HERE.parent.parent / "shared" / "data" / "heartwork-dev" / "dev.jsonl"


def load(path: Path) -> tuple[list[str], np.ndarray]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    y = np.array([[label in r["labels"] for label in LABELS] for r in rows], dtype=int)
    return [r["text"] for r in rows], y


def model() -> Any:
    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)),
        ]
    )
    clf = OneVsRestClassifier(LogisticRegression(C=8.0, class_weight="balanced", max_iter=2000))
    return make_pipeline(features, clf)


def scores(y: np.ndarray, p: np.ndarray) -> str:
    reactive = [LABELS.index(x) for x in REACTIVE]
    kind = y[:, reactive].sum(axis=1) == 0
    false_alarm = (p[kind][:, reactive].sum(axis=1) > 0).mean()
    return (
        f"micro-F1 {f1_score(y, p, average='micro', zero_division=0):.2f}, "
        f"macro-F1 {f1_score(y, p, average='macro', zero_division=0):.2f}, "
        f"false alarms on kind messages {false_alarm:.0%} (n={int(kind.sum())})"
    )


def main() -> None:
    train_x, train_y = load(HERE / "train.jsonl")
    dev_x, dev_y = load(DEV)
    x, y = np.array(train_x + dev_x, dtype=object), np.vstack([train_y, dev_y])
    pred = np.zeros_like(y)
    for fit, held in KFold(n_splits=5, shuffle=True, random_state=0).split(x):
        pred[held] = model().fit(list(x[fit]), y[fit]).predict(list(x[held]))
    print(f"5-fold CV, train+dev ({len(x)} messages): {scores(y, pred)}")
    cross = model().fit(train_x, train_y).predict(dev_x)
    print(f"train.jsonl -> shared dev set ({len(dev_x)} messages, other writer): {scores(dev_y, cross)}")


if __name__ == "__main__":
    main()
