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
    toks = [t.replace("’", "'") for t in _TOKEN.findall(text.lower())]
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

    def transform(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), len(self.index)), dtype=np.float32)
        for row, t in enumerate(texts):
            for g in ngrams(t):
                j = self.index.get(g)
                if j is not None:
                    out[row, j] += 1.0
        np.log1p(out, out=out)  # sublinear tf
        out *= self.idf
        norms = np.sqrt(np.einsum("ij,ij->i", out, out))[:, None]
        return out / np.maximum(norms, 1e-9)

    def save(self, path: Path) -> None:
        path.write_text(
            json.dumps({"ngrams": list(self.index), "idf": [round(float(x), 5) for x in self.idf]})
        )

    @classmethod
    def load(cls, path: Path) -> NgramVocab:
        raw = json.loads(path.read_text())
        return cls({g: i for i, g in enumerate(raw["ngrams"])}, np.asarray(raw["idf"], dtype=np.float32))


def rule_matrix(found: list[set[str]], vetoed: list[set[str]]) -> np.ndarray:
    """One column per label for 'a rule fired', one per label for 'a rule vetoed it'."""
    out = np.zeros((len(found), 2 * len(LABELS)), dtype=np.float32)
    for row, (f, v) in enumerate(zip(found, vetoed, strict=True)):
        for j, label in enumerate(LABELS):
            out[row, j] = label in f
            out[row, len(LABELS) + j] = label in v
    return out


def matrix(
    texts: list[str],
    vocab: NgramVocab,
    found: list[set[str]],
    vetoed: list[set[str]],
    vectors: np.ndarray | None = None,
) -> np.ndarray:
    """Feature rows; pass ``vectors`` (embed(texts)) when already computed."""
    vectors = embed(texts) if vectors is None else vectors
    return np.hstack([vectors, vocab.transform(texts), rule_matrix(found, vetoed)])
