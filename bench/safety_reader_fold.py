"""Does MiniLM fine-tuned on safety_risk read unseen writers better than the backstop's head? Training data only.

    .venv/bin/pip install -e '.[finetune]'
    .venv/bin/python bench/safety_reader_fold.py                 # ~50 minutes on 2 cores
    .venv/bin/python bench/safety_reader_fold.py --epochs 1      # the reader fine-tuned half as long
    .venv/bin/python bench/safety_reader_fold.py --gate 0.1 0.05 # read from a static score of 0.1, of 0.05
    .venv/bin/python bench/safety_reader_fold.py --teacher DIR   # fine-tune once, save to DIR; later runs load
                                                                 # it (~2 minutes)
    .venv/bin/python bench/safety_reader_fold.py --every 2       # learn from half the other writers (a
                                                                 # learning curve; ~20 minutes)
    .venv/bin/python bench/safety_reader_fold.py --add data/incoming  # also learn from files not yet trained on

Writer-grouped fold 0 (bench/safety_threshold.py's folds): the heads (fitted as ``heartwork train`` fits them)
and the reader (fine-tuned as ``build_reader`` does, exported, quantized, read one message per run as at run
time) learn from the other writers only. Prints the reader's time a message and, on the fold's messages,
average precision and recall at fixed precision for the head's ``safety_risk`` score, the reader's and their
mean; then recall, precision and the share of the other messages flagged at each cut-off, for the head alone
and for the run-time rule at each gate (the mean inside [gate, SURE), the head alone outside it), with the
F1.5- and F2-best cut-offs of that rule. Scores only: phrase cues and guards are left out. Evaluation sets are
never read; nothing here is shipped.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from safety_threshold import recall_at_precision, writer_folds
from sklearn.metrics import average_precision_score

from heartwork.engine import finetune as F
from heartwork.engine import safety_reader as R
from heartwork.engine import train as T
from heartwork.taxonomy import LABELS

CUTS = (0.3, 0.35, 0.375, 0.4, 0.45, 0.5)


def read_by_reader(head: np.ndarray, gate: float = R.GATE) -> np.ndarray:
    """The messages the reader reads at run time: head score in [gate, SURE)."""
    return (head >= gate) & (head < R.SURE)


def run_time_rule(head: np.ndarray, reader: np.ndarray, gate: float = R.GATE) -> np.ndarray:
    """The score the backstop decides on: the mean inside [gate, SURE), the head's score at SURE or above,
    nothing below gate."""
    return np.where(read_by_reader(head, gate), (head + reader) / 2, np.where(head >= R.SURE, 1.0, 0.0))


def table(name: str, y: np.ndarray, s: np.ndarray) -> None:
    print(name)
    for t in CUTS:
        pred = s >= t
        tp = int(np.sum(pred & (y == 1)))
        print(
            f"  {t:5.3f}  recall {tp / y.sum():.3f}  precision {tp / max(1, pred.sum()):.3f}"
            f"  flags {pred[y == 0].mean():.1%} of the rest"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--teacher", type=Path, help="folder of a fold-0 reader: load it if there, else save it there"
    )
    ap.add_argument("--epochs", type=int, default=R.READER_EPOCHS, help="fine-tuning epochs (as shipped)")
    ap.add_argument(
        "--gate", type=float, nargs="+", default=[R.GATE], help=f"static scores read from (shipped: {R.GATE})"
    )
    ap.add_argument(
        "--every",
        type=int,
        default=1,
        help="learn from every K-th of the other writers (by name): a learning curve",
    )
    ap.add_argument("--add", type=Path, help="also learn from the train_*.jsonl files in this folder")
    args = ap.parse_args()
    examples = T.training_examples()
    test = np.array(writer_folds(examples)[0])  # before --add: the same fold 0 either way
    if args.add:
        examples += T.load_sources([(p, p.stem) for p in sorted(args.add.glob("train_*.jsonl"))])
    texts = [e.text for e in examples]
    labels = T.labels_matrix(examples)
    y = labels[:, LABELS.index("safety_risk")]
    train = np.setdiff1d(np.arange(len(examples)), test)
    kept = set(sorted({examples[i].source for i in train})[:: args.every])
    train = np.array([i for i in train if examples[i].source in kept])
    print(
        f"fold 0: {len(test)} messages ({int(y[test].sum())} safety_risk) by writers left out; "
        f"{len(train)} by {len(kept)} writers to learn from",
        flush=True,
    )
    if args.teacher and (args.teacher / "head.pt").exists():
        teacher = F.Teacher.load(args.teacher)
    else:
        teacher = F.finetune([texts[i] for i in train], y[train, None].astype(np.float32), epochs=args.epochs)
        if args.teacher:
            teacher.save(args.teacher)
    vocab, w, b = T.fit([texts[i] for i in train], labels[train])
    head = T.predict(vocab, w, b, [texts[i] for i in test])[:, LABELS.index("safety_risk")]
    with tempfile.TemporaryDirectory() as tmp:
        R.READER_FILE = R.export_reader(teacher, Path(tmp) / "reader.onnx")
        R._session.cache_clear()
        import heartwork.engine.manifest as manifest

        manifest.check = lambda path: None  # this fold's file is not the shipped one
        t = time.perf_counter()
        reader = R.read([texts[i] for i in test])
        print(f"reader: {(time.perf_counter() - t) / len(test) * 1000:.2f} ms a message, one process")
    yt = y[test]
    for name, s in (("head", head), ("reader", reader), ("mean", (head + reader) / 2)):
        print(
            f"{name:7s} average precision {average_precision_score(yt, s):.3f}  recall at precision 0.8 "
            f"{recall_at_precision(yt, s, 0.8):.3f}, 0.7 {recall_at_precision(yt, s, 0.7):.3f}"
        )
    table("head alone:", yt, head)
    for gate in args.gate:
        rule = run_time_rule(head, reader, gate)
        print(f"read from {gate:g}: {read_by_reader(head, gate).mean():.1%} of the fold")
        for beta in (1.5, 2.0):
            best = max(T.GRID, key=lambda t: T.f_beta(yt, rule >= t, beta))
            print(f"  F{beta:g}-best cut-off of the run-time rule: {best}")
        table(f"run-time rule (reader inside [{gate:g}, SURE)):", yt, rule)
    return 0


if __name__ == "__main__":
    sys.exit(main())
