"""Sentence embeddings from a static (per-token) table distilled from all-MiniLM-L6-v2.

Why static: the full transformer costs ~6 ms per sentence here, far from 2,500 messages/s on two cores.
Following model2vec (Tulkens & van Dongen 2024), each vocabulary token is passed through the transformer on
its own once, offline (see distill.py); at run time a message's embedding is the weighted mean of its tokens'
rows — a table lookup, thousands of messages per second. Both files load from the package: the tokenizer
(BERT-uncased ``tokenizer.json``, Apache-2.0, from sentence-transformers/all-MiniLM-L6-v2) and the table.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from itertools import chain
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


# ASCII text is tokenised here, a word at a time through a cache, instead of by the Rust tokenizer (~5x
# faster per message: most of the Rust call's time goes into per-character alignment bookkeeping nothing
# here reads). For ASCII, BERT's normaliser and pre-tokeniser come down to: drop control characters except
# \t \n \r (which become spaces), lower-case, split into runs of [a-z0-9] and single punctuation
# characters; WordPiece then reads each word on its own. Curly quotes, the ellipsis and dashes (Unicode
# punctuation the normaliser leaves alone) are single punctuation characters the same way. Text with "["
# may hold special-token markup ("[SEP]") and goes to the Rust tokenizer, as does any other non-ASCII
# text. Identical ids: tested on the corpora and fuzzed (test_embedding_fast_tokens_and_sums_are_the_plain_ones).
_PUNCTUATION = str.maketrans(dict.fromkeys("’‘“”…–—"))  # deleted when checking a text is otherwise ASCII
_CONTROLS = str.maketrans(
    {**{c: None for c in (*range(9), 11, 12, *range(14, 32), 127)}, 9: " ", 10: " ", 13: " "}
)
_WORD = re.compile(r"[a-z0-9]+|[^a-z0-9 ]")
_PIECES: dict[str, list[int]] = {}  # word -> its WordPiece ids
PIECES_MAX = 200_000  # words remembered (~40 MB at most); the cache starts afresh beyond


@cache
def _ascii_path() -> bool:
    """The shortcut holds only for the BERT-uncased setup it was written for."""
    tok = tokenizer()
    return (
        json.loads(tok.normalizer.__getstate__())
        == {
            "type": "BertNormalizer",
            "clean_text": True,
            "handle_chinese_chars": True,
            "strip_accents": None,
            "lowercase": True,
        }
        and json.loads(tok.pre_tokenizer.__getstate__()) == {"type": "BertPreTokenizer"}
        and type(tok.model).__name__ == "WordPiece"
        and all("[" in t.content for t in tok.get_added_tokens_decoder().values())
    )


def _ascii_ids(text: str) -> list[int]:
    low = text.lower()
    if not low.isprintable():
        low = low.translate(_CONTROLS)
    words = _WORD.findall(low)
    try:
        pieces = [_PIECES[w] for w in words]
    except KeyError:
        if len(_PIECES) > PIECES_MAX:
            _PIECES.clear()
        model = tokenizer().model
        pieces = [_PIECES.get(w) or _PIECES.setdefault(w, [t.id for t in model.tokenize(w)]) for w in words]
    ids = list(chain.from_iterable(pieces))
    limit = _max_length()
    return ids[:limit] if len(ids) > limit else ids


@cache
def _max_length() -> int:
    truncation = tokenizer().truncation
    return int(truncation["max_length"]) if truncation else 1 << 62


def token_ids(texts: list[str]) -> list[list[int]]:
    # add_special_tokens=False: [CLS]/[SEP] rows carry no meaning in a static table.
    # encode_batch_fast: the same ids without character offsets, which nothing here reads (~20% faster).
    ok = _ascii_path()
    here = [ok and (t.isascii() or t.translate(_PUNCTUATION).isascii()) and "[" not in t for t in texts]
    rest = [t for t, h in zip(texts, here, strict=True) if not h]
    encoded = iter(tokenizer().encode_batch_fast(rest, add_special_tokens=False) if rest else ())
    return [_ascii_ids(t) if h else next(encoded).ids for t, h in zip(texts, here, strict=True)]


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised mean of token rows, shape (len(texts), dim). Empty token lists give zeros."""
    tab = table()
    ids = token_ids(texts)
    lengths = np.fromiter((len(i) for i in ids), dtype=np.int64, count=len(ids))
    flat = np.fromiter((t for seq in ids for t in seq), dtype=np.int64, count=int(lengths.sum()))
    out = _token_sums(tab, flat, lengths)
    norms = np.sqrt(np.einsum("ij,ij->i", out, out))[:, None]
    return out / np.maximum(norms, 1e-9)


def _token_sums(tab: np.ndarray, flat: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Per text, the float32 sum of its tokens' rows (``flat`` holds each text's ids in turn).

    Bit for bit what ``np.add.reduceat(tab[flat], starts, axis=0, dtype=np.float32)`` gives, ~3x faster:
    reduceat sums each column of each text in a separate inner call (256 per text); here all texts with the
    same number of tokens are summed at once, whole rows at a time, in the order numpy's reduction uses —
    the first row plus the pairwise sum of the rest (test_embedding_fast_tokens_and_sums_are_the_plain_ones).
    """
    out = np.zeros((len(lengths), tab.shape[1]), dtype=np.float32)
    if not flat.size:
        return out
    uniq, inverse = np.unique(flat, return_inverse=True)
    rows = tab[uniq].astype(np.float32)[inverse]  # each distinct token widened from float16 once
    starts = np.cumsum(lengths) - lengths
    for n in np.unique(lengths[lengths > 0]).tolist():
        idx = np.flatnonzero(lengths == n)
        block = rows[starts[idx, None] + np.arange(n)]  # (texts, n, dim)
        out[idx] = block[:, 0] if n == 1 else block[:, 0] + _pairwise_sum(block[:, 1:])
    return out


def _pairwise_sum(a: np.ndarray) -> np.ndarray:
    """Sum over axis 1 of (texts, m, dim) in numpy's pairwise order (pairwise_sum, loops_utils.h.src):
    fewer than 8 terms in turn; up to 128 in 8 interleaved partial sums, then the rest in turn; more,
    split in two at a multiple of 8."""
    m = a.shape[1]
    if m < 8:
        res = a[:, 0].copy()
        for i in range(1, m):
            res += a[:, i]
        return res
    if m <= 128:
        r = a[:, :8].copy()
        full = m - m % 8
        for i in range(8, full, 8):
            r += a[:, i : i + 8]
        res = ((r[:, 0] + r[:, 1]) + (r[:, 2] + r[:, 3])) + ((r[:, 4] + r[:, 5]) + (r[:, 6] + r[:, 7]))
        for i in range(full, m):
            res += a[:, i]
        return res
    half = m // 2
    half -= half % 8
    return _pairwise_sum(a[:, :half]) + _pairwise_sum(a[:, half:])
