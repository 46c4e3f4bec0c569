"""Sentence embeddings from a static (per-token) table distilled from all-MiniLM-L6-v2.

Why static: the full transformer costs ~6 ms per sentence here, far from 2,500 messages/s on two cores.
Following model2vec (Tulkens & van Dongen 2024), each vocabulary token is passed through the transformer on
its own once, offline (see distill.py); at run time a message's embedding is the weighted mean of its tokens'
rows — a table lookup, thousands of messages per second. Both files load from the package: the tokenizer
(BERT-uncased ``tokenizer.json``, Apache-2.0, from sentence-transformers/all-MiniLM-L6-v2) and the table.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

MODELS = Path(__file__).resolve().parent.parent / "models"
TOKENIZER_FILE = MODELS / "tokenizer.json"
TABLE_FILE = MODELS / "static_minilm.npy"
# Tokens beyond this are ignored: the mean embedding of a long message is stable well before 256 tokens.
MAX_TOKENS = 256


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@cache
def tokenizer() -> Tokenizer:
    tok = Tokenizer.from_file(str(TOKENIZER_FILE))
    tok.no_padding()
    tok.enable_truncation(MAX_TOKENS + 2)
    return tok


@cache
def table() -> np.ndarray:
    if not TABLE_FILE.exists():
        raise FileNotFoundError(f"{TABLE_FILE} is missing; run `heartwork train --distill` to build it.")
    from heartwork.engine.manifest import check

    check(TABLE_FILE)
    # Kept as float16 (15 MB instead of 31 MB in every process); rows are widened when gathered.
    return np.load(TABLE_FILE)


def token_ids(texts: list[str]) -> list[list[int]]:
    # add_special_tokens=False: [CLS]/[SEP] rows carry no meaning in a static table.
    # encode_batch_fast: the same ids without character offsets, which nothing here reads (~2x faster).
    return [e.ids for e in tokenizer().encode_batch_fast(texts, add_special_tokens=False)]


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised mean of token rows, shape (len(texts), dim). Empty token lists give zeros."""
    tab = table()
    ids = token_ids(texts)
    lengths = np.fromiter((len(i) for i in ids), dtype=np.int64, count=len(ids))
    flat = np.fromiter((t for seq in ids for t in seq), dtype=np.int64, count=int(lengths.sum()))
    out = np.zeros((len(ids), tab.shape[1]), dtype=np.float32)
    nonempty = lengths > 0
    if flat.size:
        # Each message's rows are contiguous: sum them with reduceat (much faster than np.add.at); the
        # float16 rows are widened to float32 as they are summed (exact), not copied into a float32 array.
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])[nonempty]
        out[nonempty] = np.add.reduceat(tab[flat], starts, axis=0, dtype=np.float32)
    norms = np.sqrt(np.einsum("ij,ij->i", out, out))[:, None]
    return out / np.maximum(norms, 1e-9)
