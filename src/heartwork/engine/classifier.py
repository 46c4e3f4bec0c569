"""The learned classifier: per-label logistic heads over features.py, with thresholds tuned out-of-fold.

It makes the final call on every pattern label except safety_risk (owned by the safety detector, which may
read ``doc.probs["safety_risk"]``). Rule hits are features, so the heads learn how far to trust each rule;
a rule veto keeps a label out. Findings keep the rule's exact span when a rule fired; otherwise the span is
the sentence the head scores highest for that label.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

import numpy as np

from heartwork.engine.embedding import MODELS, embed
from heartwork.engine.features import NgramVocab, logits
from heartwork.engine.pipeline import MAX_CLASSIFIER_CHARS, Doc
from heartwork.engine.text import sentences
from heartwork.model import Finding, Span
from heartwork.taxonomy import LABELS, explain

HEADS_FILE = MODELS / "heads.npz"
VOCAB_FILE = MODELS / "ngrams.json"
THRESHOLDS_FILE = MODELS / "thresholds.json"
DECIDES = tuple(label for label in LABELS if label != "safety_risk")
SAFETY_INDEX = LABELS.index("safety_risk")
# A rule whose measured training precision (its finding's score, see rules.py) reaches this is accepted even
# when the message-level head disagrees: clear phrasing should not depend on the rest of the message.
TRUSTED_RULE = 0.85


@dataclass(frozen=True)
class Heads:
    weights: np.ndarray  # (features, labels)
    bias: np.ndarray  # (labels,)
    thresholds: np.ndarray  # (labels,) tuned out-of-fold by train.py
    vocab: NgramVocab

    def proba(
        self,
        texts: list[str],
        found: list[set[str]],
        vetoed: list[set[str]],
        vectors: np.ndarray | None = None,
    ) -> np.ndarray:
        z = logits(texts, self.vocab, found, vetoed, self.weights, self.bias, vectors)
        return 1.0 / (1.0 + np.exp(-z))


@cache
def load_heads() -> Heads:
    from heartwork.engine.manifest import check

    for f in (HEADS_FILE, VOCAB_FILE, THRESHOLDS_FILE):
        check(f)
    npz = np.load(HEADS_FILE)
    thr = json.loads(THRESHOLDS_FILE.read_text())
    return Heads(
        weights=npz["weights"].astype(np.float32),
        bias=npz["bias"].astype(np.float32),
        thresholds=np.array([thr[label] for label in LABELS], dtype=np.float32),
        vocab=NgramVocab.load(VOCAB_FILE),
    )


class ClassifierDetector:
    name = "classifier"
    order = 20
    needs = ("findings", "vetoed")
    assigns = ("probs", "findings", "vector", "safety_threshold")
    critical = False

    def __init__(self, heads: Heads | None = None) -> None:
        self._heads = heads  # None: the shipped heads (train.py passes fold heads for cross-validation)

    def run(self, docs: list[Doc]) -> None:
        heads = self._heads or load_heads()
        found = [{f.label for f in d.findings} for d in docs]
        vetoed = [d.vetoed for d in docs]
        texts = [d.text[:MAX_CLASSIFIER_CHARS] for d in docs]
        vectors = embed(texts)
        probs = heads.proba(texts, found, vetoed, vectors)
        need_span: list[tuple[Doc, str, float]] = []
        second_look: list[tuple[Doc, Finding]] = []
        for doc, p, f, v in zip(docs, probs, found, vectors, strict=True):
            doc.vector = v
            doc.safety_threshold = float(heads.thresholds[SAFETY_INDEX])
            doc.probs = {label: float(p[j]) for j, label in enumerate(LABELS)}
            present = {
                label
                for j, label in enumerate(LABELS)
                if label in DECIDES and p[j] >= heads.thresholds[j] and label not in doc.vetoed
            }
            kept = []
            for x in doc.findings:
                trusted = x.source == "rules" and x.score >= TRUSTED_RULE and x.label not in doc.vetoed
                if (
                    x.label in present
                    or trusted
                    or x.label not in DECIDES
                    or x.span.start >= MAX_CLASSIFIER_CHARS
                ):
                    kept.append(_rescore(x, doc.probs[x.label]) if x.label in present else x)
                else:
                    second_look.append((doc, x))
            doc.findings = kept
            need_span.extend((doc, label, doc.probs[label]) for label in sorted(present - f))
        self._second_look(heads, second_look)
        self._add_sentence_spans(heads, need_span)

    @staticmethod
    def _second_look(heads: Heads, items: list[tuple[Doc, Finding]]) -> None:
        """A rule hit the whole message outvoted ("You're so selfish. I'm sorry I forgot.") is judged again
        on its own sentence, so one kind sentence cannot hide a hurtful one beside it."""
        if not items:
            return
        sents = []
        for doc, f in items:
            sent = next((s for s in sentences(doc.text) if s.start <= f.span.start < s.end), None)
            sents.append(sent.text if sent else f.evidence)
        sp = heads.proba(sents, [{f.label} for _, f in items], [set() for _ in items])
        for (doc, f), row in zip(items, sp, strict=True):
            j = LABELS.index(f.label)
            if row[j] >= heads.thresholds[j] and f.label not in doc.vetoed:
                if not any(x.label == f.label for x in doc.findings):
                    doc.probs[f.label] = max(doc.probs[f.label], float(row[j]))
                doc.findings.append(_rescore(f, float(row[j])))

    @staticmethod
    def _add_sentence_spans(heads: Heads, items: list[tuple[Doc, str, float]]) -> None:
        """For labels found without a rule, point at the sentence the head scores highest."""
        if not items:
            return
        per_doc = {id(doc): sentences(doc.text[:MAX_CLASSIFIER_CHARS]) for doc, _, _ in items}
        keys = list(per_doc)
        flat = [s for k in keys for s in per_doc[k]]
        if not flat:
            return
        sp = heads.proba([s.text for s in flat], [set()] * len(flat), [set()] * len(flat))
        offset, start = 0, {}
        for k in keys:
            start[k] = offset
            offset += len(per_doc[k])
        for doc, label, score in items:
            sents = per_doc[id(doc)]
            if not sents:
                continue
            j = LABELS.index(label)
            rows = sp[start[id(doc)] : start[id(doc)] + len(sents), j]
            s = sents[int(np.argmax(rows))]
            doc.findings.append(
                Finding(label, Span(s.start, s.end), score, s.text, explain(label, s.text), "classifier")
            )


def _rescore(f: Finding, p: float) -> Finding:
    return Finding(
        f.label,
        f.span,
        max(p, f.score) if f.label in DECIDES else f.score,
        f.evidence,
        f.explanation,
        f.source,
    )
