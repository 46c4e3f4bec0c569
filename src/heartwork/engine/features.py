"""Features the classifier heads read: the static embedding, word n-grams (tf-idf) and rule hits.

Pure NumPy at run time (scikit-learn alone takes ~1 s to import, which would break the cold-start budget);
the n-gram vocabulary and idf weights are learned by train.py and shipped as JSON.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from heartwork.engine.embedding import embed
from heartwork.taxonomy import LABELS

# Words, contractions, and !/? and emoji as tokens of their own ("you're", "!!", "🙄").
_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|[!?]|[^\w\s,.;:\"'()\-]", re.IGNORECASE)


def ngrams(text: str) -> list[str]:
    toks = _TOKEN.findall(text.lower())
    if "’" in text:
        toks = [t.replace("’", "'") for t in toks]
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]


@dataclass(frozen=True)
class NgramVocab:
    index: dict[str, int]
    idf: np.ndarray

    @classmethod
    def fit(cls, texts: list[str], min_df: int = 2, max_features: int = 6000) -> NgramVocab:
        df: dict[str, int] = {}
        for t in texts:
            for g in set(ngrams(t)):
                df[g] = df.get(g, 0) + 1
        kept = sorted((g for g, c in df.items() if c >= min_df), key=lambda g: (-df[g], g))[:max_features]
        n = len(texts)
        idf = np.array([np.log((1 + n) / (1 + df[g])) + 1.0 for g in kept], dtype=np.float32)
        return cls({g: i for i, g in enumerate(kept)}, idf)

    def cells(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The non-zero tf-idf cells as (rows, cols, values), sorted by row, before L2 normalisation.

        A row has ~30 non-zero cells of several thousand, so nothing here touches the zeros.
        """
        width = len(self.index)
        get = self.index.get
        flat_cells = [
            row * width + j for row, t in enumerate(texts) for g in ngrams(t) if (j := get(g)) is not None
        ]
        if not flat_cells:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, np.zeros(0, dtype=np.float32)
        flat, counts = np.unique(np.array(flat_cells, dtype=np.int64), return_counts=True)
        rows, cols = np.divmod(flat, width)
        # log1p of a float32 count, times its float32 idf: sublinear tf-idf, cell by cell
        return rows, cols, np.log1p(counts.astype(np.float32)) * self.idf[cols]

    def dot(self, texts: list[str], weights: np.ndarray) -> np.ndarray:
        """(L2-normalised tf-idf rows) @ ``weights`` without the dense matrix (texts x vocabulary would be
        ~60 MB per 1,000 messages at 15,000 n-grams): each non-zero cell adds its row of ``weights``."""
        out = np.zeros((len(texts), weights.shape[1]), dtype=np.float32)
        rows, cols, values = self.cells(texts)
        if not rows.size:
            return out
        norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=len(texts))).astype(np.float32)
        contrib = weights[cols] * (values / np.maximum(norms[rows], 1e-9))[:, None]
        present, starts = np.unique(rows, return_index=True)  # rows are sorted: one run per message
        out[present] = np.add.reduceat(contrib, starts, axis=0)
        return out

    def save(self, path: Path) -> None:
        path.write_text(
            json.dumps({"ngrams": list(self.index), "idf": [round(float(x), 5) for x in self.idf]})
        )

    @classmethod
    def load(cls, path: Path) -> NgramVocab:
        raw = json.loads(path.read_text())
        return cls({g: i for i, g in enumerate(raw["ngrams"])}, np.asarray(raw["idf"], dtype=np.float32))


_LABEL_INDEX = {label: j for j, label in enumerate(LABELS)}


def rule_matrix(found: list[set[str]], vetoed: list[set[str]]) -> np.ndarray:
    """One column per label for 'a rule fired', one per label for 'a rule vetoed it'."""
    out = np.zeros((len(found), 2 * len(LABELS)), dtype=np.float32)
    rows, cols = [], []
    for row, (f, v) in enumerate(zip(found, vetoed, strict=True)):
        for labels, shift in ((f, 0), (v, len(LABELS))):
            for label in labels:
                j = _LABEL_INDEX.get(label)
                if j is not None:
                    rows.append(row)
                    cols.append(shift + j)
    out[rows, cols] = 1.0
    return out


def logits(
    texts: list[str],
    vocab: NgramVocab,
    found: list[set[str]],
    vetoed: list[set[str]],
    weights: np.ndarray,
    bias: np.ndarray,
    vectors: np.ndarray | None = None,
) -> np.ndarray:
    """The heads' logits over the features [embedding | n-gram tf-idf | rule hits] @ ``weights`` + ``bias``,
    block by block, with the n-gram block kept sparse."""
    vectors = embed(texts) if vectors is None else vectors
    dim, width = vectors.shape[1], len(vocab.index)
    out = vectors @ weights[:dim]
    out += vocab.dot(texts, weights[dim : dim + width])
    out += rule_matrix(found, vetoed) @ weights[dim + width :]
    out += bias
    return out
