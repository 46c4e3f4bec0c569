"""The engine's fast paths give exactly what the straightforward computation gives.

Literal prefilters (rules, feelings cues), the sparse n-gram transform, the in-place feature matrix and the
embedding's token sums are checked against the plain formulas on the project's own messages plus texts
written to hit the edge cases (case folding outside ASCII, curly apostrophes, emoji, empty rows).
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from heartwork.engine import embedding, features, feelings, rules
from heartwork.engine.classifier import load_heads
from heartwork.engine.pipeline import Doc
from heartwork.engine.text import LiteralFilter, fold, required_literals, sentences, spaced
from heartwork.model import Analysis
from heartwork.taxonomy import LABELS

ASCII = [chr(c) for c in range(128)]
DATA = Path(__file__).resolve().parents[2] / "data" / "train.jsonl"
EDGE = [
    "YOU ALWAYS DO THIS!!",
    "\u0130'm sorry I forgot. You're \u017fo \u017felfi\u017fh. \u212aEEP IT",  # letters re.IGNORECASE folds to ASCII
    "You’re so cold’ and I’m done talking",
    "whatever",
    "k",
    "love you ❤ but you never listen",
    "I feel hurt and lonely; can we take a break and talk later?",
    "   \n  You never call.\n\nI was busy!!  ",
    "🙄🙄 great job, genius",
    "Σ ΣΑΣ straße ǅ ﬀ",
    "",
]


def _texts() -> list[str]:
    rows = [json.loads(line)["text"] for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    return rows + EDGE


def _no_filter(n: int) -> LiteralFilter:
    return LiteralFilter(["(?:)"] * n)  # nothing required: every pattern is a candidate


def test_text_fold_matches_ignorecase() -> None:
    everything = "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    folds_to_ascii = set(re.findall("[a-z]", everything, re.IGNORECASE))
    assert folds_to_ascii == {"\u0130", "\u0131", "\u017f", "\u212a"}  # İ ı ſ, Kelvin sign
    for ch in folds_to_ascii:
        assert re.fullmatch(fold(ch), ch, re.IGNORECASE)
    assert len(fold(everything)) == len(everything)
    assert fold("\u0130'm \u017fo \u212aIND") == "i'm so kind"


def test_text_required_literals_are_in_every_match() -> None:
    patterns = [r.rx.pattern for r in rules._RULES] + [rx.pattern for _, rx in rules._VETOES]
    patterns += [rx.pattern for _, rx in feelings._cue_scanners()[0]]
    texts = [s.text for t in _texts() for s in sentences(t)]
    checked = 0
    for pattern in patterns:
        needs = required_literals(pattern)
        if needs is None:
            continue
        rx = re.compile(pattern, re.IGNORECASE)
        for text in texts:
            for m in rx.finditer(text):
                assert any(x in fold(m.group()) for x in needs), (pattern, m.group(), needs)
                checked += 1
    assert checked > 1000


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\byou (?:always|never)\b", {"always", "never"}),
        (r"\bi'?m (?:so )?sorry\b", {"sorry"}),
        (r"^\s*(?:k|kk)\.?\s*$", {"k"}),
        (r"\bx?\b", None),  # nothing is required
        (r"(?:a|\w+)b", {"b"}),
        (r"caf(?:é|e)s", {"caf"}),  # é is cased outside ASCII: not used
        (r"(?i:ab)c", {"c"}),  # inline flags: the group is not read
        (r"!{2,}|\bagain\?*!*$", {"!!", "again"}),
        (r"❤|💛|😘", {"❤", "💛", "😘"}),
        (r"[!?]|[a-z]", None),  # a range is not a fixed string
        (r"[^a]b", {"b"}),
    ],
)
def test_text_required_literals_examples(pattern: str, needs: set[str] | None) -> None:
    assert required_literals(pattern) == (None if needs is None else frozenset(needs))


@pytest.mark.parametrize(
    ("pattern", "expand", "needs"),
    [
        (r"\bhe\s+checks\s+my\s+phone\b", 1, {"he checks my phone"}),  # \s+ is the one space of spaced()
        (r"\b(?:he|she)\s+(?:checks|reads)\b", 4, {"he checks", "he reads", "she checks", "she reads"}),
        (r"\b(?:he|she)\s+(?:checks|reads)\b", 3, {"checks", "reads"}),  # too many alternatives
        (r"\bi'?m\s*scared\b", 4, {"i'm scared", "im scared", "i'mscared", "imscared"}),
        (r"\bhurts?\s+me\b", 2, {"hurt me", "hurts me"}),
        (r"[ \t]+x", 1, {" x"}),
    ],
)
def test_text_required_literals_spaced_examples(pattern: str, expand: int, needs: set[str]) -> None:
    assert required_literals(pattern, spaces=True, expand=expand) == frozenset(needs)
    lf = LiteralFilter([pattern], spaces=True, expand=expand)
    for text in ["HE \t CHECKS  my\nphone", "she  Reads", "I’m scared", "Im\tscared", "it hurts me", "a\t x"]:
        if re.search(pattern, text, re.IGNORECASE):
            assert lf.candidates(spaced(fold(text))) == {0}, text


def test_text_literal_filter_candidates_cover_every_match() -> None:
    patterns = [r.rx.pattern for r in rules._RULES]
    compiled = [re.compile(p, re.IGNORECASE) for p in patterns]
    lf = LiteralFilter(patterns)
    for text in _texts():
        candidates = lf.candidates(fold(text))
        for i, rx in enumerate(compiled):
            if rx.search(text):
                assert i in candidates and lf.may_match(i, fold(text)), (patterns[i], text)


def _rule_output(texts: list[str]) -> list[tuple[list[tuple[object, ...]], set[str]]]:
    docs = [Doc(t) for t in texts if t.strip()]
    rules.RuleDetector().run(docs)
    return [
        ([(f.label, f.span, f.score, f.evidence, f.explanation) for f in d.findings], d.vetoed) for d in docs
    ]


def test_rules_prefilter_finds_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    fast = _rule_output(texts)
    monkeypatch.setattr(rules, "_FILTER", _no_filter(len(rules._RULES) + len(rules._VETOES)))
    assert fast == _rule_output(texts)
    assert sum(len(found) for found, _ in fast) > 300  # the sample does exercise the rules


def test_feelings_cue_prefilter_counts_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    fast = [feelings.cue_scores(t) for t in texts]
    scanners, _ = feelings._cue_scanners()
    monkeypatch.setattr(feelings, "_cue_scanners", lambda: (scanners, _no_filter(len(scanners))))
    assert fast == [feelings.cue_scores(t) for t in texts]
    # and the same as scanning each cue's alternation directly
    assert fast == [
        {
            k: min(0.9, feelings.CUE_SCORE + feelings.CUE_STEP * (len(rx.findall(t)) - 1))
            for k, rx in scanners
            if rx.search(t)
        }
        for t in texts
    ]


def _dense_tfidf(vocab: features.NgramVocab, texts: list[str]) -> np.ndarray:
    out = np.zeros((len(texts), len(vocab.index)), dtype=np.float32)
    for row, t in enumerate(texts):
        for g in features.ngrams(t):
            j = vocab.index.get(g)
            if j is not None:
                out[row, j] += 1.0
    np.log1p(out, out=out)
    out *= vocab.idf
    norms = np.sqrt(np.einsum("ij,ij->i", out, out))[:, None]
    return out / np.maximum(norms, 1e-9)


def test_features_sparse_cells_are_the_dense_tfidf() -> None:
    vocab = load_heads().vocab
    texts = _texts()
    rows, cols, values = vocab.cells(texts)
    got = np.zeros((len(texts), len(vocab.index)), dtype=np.float32)
    got[rows, cols] = values
    norms = np.sqrt(np.einsum("ij,ij->i", got, got))[:, None]
    assert np.array_equal(got / np.maximum(norms, 1e-9), _dense_tfidf(vocab, texts))
    for t in [*texts, "You’re ‘so’ kind’", "’"]:
        toks = [x.replace("’", "'") for x in features._TOKEN.findall(t.lower())]
        assert features.ngrams(t) == toks + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]


def _plain_rule_matrix(found: list[set[str]], vetoed: list[set[str]]) -> np.ndarray:
    out = np.zeros((len(found), 2 * len(LABELS)), dtype=np.float32)
    for row, (f, v) in enumerate(zip(found, vetoed, strict=True)):
        for j, label in enumerate(LABELS):
            out[row, j] = label in f
            out[row, len(LABELS) + j] = label in v
    return out


def test_embedding_fast_tokens_and_sums_are_the_plain_ones() -> None:
    # every token count up to the 256-token cap (the pairwise order changes at 8, 128 and above)
    texts = _texts() + ["word " * n for n in range(1, 300)]
    tok = embedding.tokenizer()
    assert embedding.token_ids(texts) == [e.ids for e in tok.encode_batch(texts, add_special_tokens=False)]
    # random ASCII (controls, digits, punctuation, over-long words, special-token markup) tokenised here
    rng = random.Random(0)
    fuzz = ["".join(rng.choice(ASCII) for _ in range(rng.randint(0, 60))) for _ in range(3000)]
    fuzz += ["".join(rng.choice("ab C1!'\t\n\r\x00\x7f\x0b\x1f ") for _ in range(30)) for _ in range(2000)]
    curly = [*ASCII, "’", "‘", "“", "”", "…", "–", "—", "😂", "é"]
    fuzz += ["".join(rng.choice(curly) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    fuzz += ["x" * n for n in range(95, 106)] + ["Go [SEP] on [MASK]", "[UNK]", "a[CLS]", "it’s—“ok”…"]
    assert embedding.token_ids(fuzz) == [e.ids for e in tok.encode_batch(fuzz, add_special_tokens=False)]
    tab = embedding.table()
    ids = embedding.token_ids(texts)
    lengths = np.array([len(seq) for seq in ids])
    flat = np.array([t for seq in ids for t in seq], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])[lengths > 0]
    plain = np.zeros((len(texts), tab.shape[1]), dtype=np.float32)
    plain[lengths > 0] = np.add.reduceat(tab[flat].astype(np.float32), starts, axis=0)
    norms = np.sqrt(np.einsum("ij,ij->i", plain, plain))[:, None]
    assert np.array_equal(embedding.embed(texts), plain / np.maximum(norms, 1e-9))


def test_pipeline_parallel_batch_matches_serial_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """Helpers and this process split the batch; the helpers leave the safety backstop's contextual second
    reading to this process (they never load the transformer), which analyses those messages again, each
    once, as the helper's chunks come back."""
    from heartwork.engine import pipeline, safety
    from heartwork.engine.detectors import builtin_detectors

    read_again: list[str] = []  # what the second reading reads in this process
    second_reading = safety.second_reading

    def spy(t: list[str], static: list[float], reader: Callable[[list[str]], np.ndarray]) -> np.ndarray:
        read_again.extend(t)
        return second_reading(t, static, reader)

    monkeypatch.setattr(safety, "second_reading", spy)
    everyday = [t for t in _texts() if t.strip()][:3000]
    plain = pipeline.Pipeline.analyze_serial
    plain(pipeline.Pipeline(builtin_detectors()), everyday, [None] * len(everyday))
    gated = list(dict.fromkeys(read_again))[:40]
    assert len(gated) >= 2
    texts = [t for t in everyday if t not in gated][:560] + gated  # helpers take chunks from the back
    monkeypatch.setenv("HEARTWORK_WORKERS", "2")
    monkeypatch.setattr(pipeline, "PARALLEL_MIN", 100)
    monkeypatch.setattr(pipeline, "CHUNK", 50)  # 12 chunks: this process and the helper both take some
    here: list[list[str]] = []  # the batches analysed in this process

    def counted(self: pipeline.Pipeline, t: list[str], c: list[str | None]) -> list[Analysis]:
        here.append(t)
        return plain(self, t, c)

    monkeypatch.setattr(pipeline.Pipeline, "analyze_serial", counted)
    try:
        parallel = pipeline.Pipeline(builtin_detectors()).run(texts, [None] * len(texts))
    finally:
        pipeline._pool(1).shutdown(wait=True)
        pipeline._pool.cache_clear()
    slices = [texts[i : i + pipeline.CHUNK] for i in range(0, len(texts), pipeline.CHUNK)]
    mine = {t for batch in here if batch in slices for t in batch}  # the chunks this process took
    deferred = [t for batch in here if batch not in slices for t in batch]  # read again for the helper
    assert 0 < len(mine) < len(texts)  # both this process and the helper took chunks
    assert deferred and sorted(deferred) == sorted(t for t in gated if t not in mine)
    serial = plain(pipeline.Pipeline(builtin_detectors()), texts, [None] * len(texts))
    assert [a.to_dict() for a in parallel] == [a.to_dict() for a in serial]


def _plain_feelings(docs: list[Doc]) -> list[tuple[list[object], list[object]]]:
    """FeelingsDetector.run as first written: one feeling, one need at a time."""
    fe, ne = feelings.inventory()
    head = feelings.goemotions_head()
    assert head is not None
    names, w, b = head
    vectors = np.vstack([d.vector for d in docs])
    p = 1.0 / (1.0 + np.exp(-(vectors @ w + b)))
    out = []
    for doc, row in zip(docs, p, strict=True):
        e = dict(zip(names, row.tolist(), strict=True))
        cues = feelings.cue_scores(doc.text[:5000])
        fs = {k[2:]: v for k, v in cues.items() if k[0] == "f"}
        ns = {k[2:]: v for k, v in cues.items() if k[0] == "n"}
        for label in {f.label for f in doc.findings}:
            feelings._raise(fs, feelings.PATTERN_FEELINGS.get(label, {}))
            feelings._raise(ns, feelings.PATTERN_NEEDS.get(label, {}))
        for entry in fe:
            if entry.goemotions:
                boost = feelings.HEAD_WEIGHT * max(e[g] for g in entry.goemotions)
                fs[entry.name] = min(0.95, fs.get(entry.name, 0.0) + boost)
        fs = {k: v for k, v in fs.items() if v >= feelings.MIN_SCORE}
        for entry in ne:
            best = max((fs.get(f, 0.0) for f in entry.from_feelings), default=0.0)
            feelings._raise(ns, {entry.name: 0.8 * best})
        out.append((feelings._top(fs), feelings._top(ns)))
    return out


def test_feelings_batched_boosts_give_the_plain_feelings_and_needs() -> None:
    texts = [t for t in _texts() if t.strip()]
    docs = [Doc(t) for t in texts]
    rules.RuleDetector().run(docs)
    for d, v in zip(docs, embedding.embed(texts), strict=True):
        d.vector = v
    plain = _plain_feelings(docs)
    feelings.FeelingsDetector().run(docs)
    got = [([(f.name, f.score) for f in d.feelings], [(n.name, n.score) for n in d.needs]) for d in docs]
    assert got == [([(n, round(s, 3)) for n, s in fs], [(n, round(s, 3)) for n, s in ns]) for fs, ns in plain]
    assert sum(len(fs) for fs, _ in got) > len(docs) // 2  # the sample does carry feelings


def test_text_sentences_cached_split_is_the_plain_split() -> None:
    from heartwork.engine import text

    for t in _texts() + ["x. " * 1500]:  # the last is too long to be kept
        first, again = sentences(t), sentences(t)
        assert first == again == list(text._split(t))
        assert first is not again  # a fresh list: one caller changing it cannot change another's
    mine = sentences("Hi. You there?")
    mine.append(text.Sentence(0, 1, "x"))
    assert sentences("Hi. You there?") == list(text._split("Hi. You there?"))


def test_features_logits_equal_the_dense_matrix_product() -> None:
    texts = _texts()[:300]
    texts += ["", "   ", "🙄🙄", "you you you you"]
    vocab = features.NgramVocab.fit(texts, max_features=800)
    rng = np.random.default_rng(0)
    found = [set(rng.choice(LABELS, size=int(rng.integers(0, 3)))) | {"not-a-label"} for _ in texts]
    vetoed = [set(rng.choice(LABELS, size=int(rng.integers(0, 2)))) for _ in texts]
    width = 256 + len(vocab.index) + 2 * len(LABELS)
    w = rng.normal(size=(width, len(LABELS))).astype(np.float32)
    b = rng.normal(size=len(LABELS)).astype(np.float32)
    plain = [embedding.embed(texts), _dense_tfidf(vocab, texts), _plain_rule_matrix(found, vetoed)]
    dense = np.hstack(plain) @ w + b
    got = features.logits(texts, vocab, found, vetoed, w, b)
    assert got.shape == dense.shape
    assert np.allclose(got, dense, atol=1e-4)
