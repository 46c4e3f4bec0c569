"""Does the classifier generalise to a writer it has never seen? Leave-one-writer-out, no evaluation set read.

    .venv/bin/python bench/cross_writer.py            # ~5 minutes on 2 cores

For each of the three original writers (data/train.jsonl, data/train_b.jsonl, the shared dev set), the heads
are trained (a) on the other two original writers only and (b) on those plus every later data/train_*.jsonl
file, then scored on the held-out writer at one fixed cut-off (no thresholds tuned, so the comparison is of
the training data alone). The gap between (a) and (b) is what the added writers buy on an unseen voice.
"""

from __future__ import annotations

import sys

import numpy as np

from heartwork.engine.metrics import score
from heartwork.engine.paths import REPO, SHARED_DEV
from heartwork.engine.train import fit, labels_matrix, load_sources, predict
from heartwork.taxonomy import LABELS

ORIGINAL = {
    "train": REPO / "data" / "train.jsonl",
    "train_b": REPO / "data" / "train_b.jsonl",
    "heartwork_dev": SHARED_DEV,
}
CUT_OFF = 0.7  # one cut-off for every label and setting: the comparison is of data, not of tuning


def main() -> int:
    later = [p for p in sorted((REPO / "data").glob("train_*.jsonl")) if p.stem not in ORIGINAL]
    sources = [(p, name) for name, p in ORIGINAL.items() if p.exists()] + [(p, p.stem) for p in later]
    examples = load_sources(sources)
    texts = np.array([e.text for e in examples], dtype=object)
    y = labels_matrix(examples)
    source = np.array([e.source for e in examples])
    print(f"{'held-out writer':16} {'trained on':24} {'macro-F1':>8} {'false alarms':>12}")
    for held in (name for name in ORIGINAL if (source == name).any()):
        test = np.where(source == held)[0]
        others = [n for n in ORIGINAL if n != held]
        for setting, keep in (
            ("other originals", np.isin(source, others)),
            (f"+ {len(later)} later writers", source != held),
        ):
            train = np.where(keep)[0]
            vocab, w, b = fit(list(texts[train]), y[train])
            p = predict(vocab, w, b, list(texts[test]))
            pred = [{LABELS[j] for j in np.flatnonzero(row >= CUT_OFF)} for row in p]
            s = score([set(examples[i].labels) for i in test], pred)
            print(f"{held:16} {setting:24} {s.macro_f1:8.3f} {s.false_alarm_rate:12.1%}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
