"""The safety backstop's contextual second reading (engine/safety_reader.py): the neighbour vote, its file,
the transformer encoder, and when the detector consults it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from heartwork.engine.pipeline import Doc
from heartwork.engine.safety import SafetyDetector
from heartwork.engine.safety_reader import (
    GATE,
    NEIGHBOURS_FILE,
    READER_FILE,
    K,
    NeighbourVote,
    build_reader,
    encode,
    shipped_vote,
)


def unit(rows: list[list[float]]) -> np.ndarray:
    x = np.array(rows, dtype=np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


# Two clusters: "risk" messages near (1, 0, 0), everyday ones near (0, 1, 0).
RISK = unit([[1, 0.1 * i, 0] for i in range(K)])
EVERYDAY = unit([[0.1 * i, 1, 0] for i in range(K)])
VOTE_VECTORS = np.vstack([RISK, EVERYDAY])
VOTE_LABELS = np.array([1.0] * K + [0.0] * K)


def test_vote_is_the_share_of_the_nearest_neighbours_with_safety_risk() -> None:
    vote = NeighbourVote(VOTE_VECTORS.astype(np.float16), VOTE_LABELS)
    got = vote.vote(unit([[1, 0, 0.1], [0, 1, 0.1], [1, 1, 0]]))
    assert got[0] == 1.0 and got[1] == 0.0
    assert 0.0 < got[2] < 1.0  # halfway between the clusters: a mixed vote
    assert vote.vote(np.zeros((0, 3))).shape == (0,)
    assert NeighbourVote(RISK[:2], np.ones(2)).vote(RISK).tolist() == [0.0] * K  # fewer than K: no vote


def test_second_reading_averages_the_static_score_and_the_vote() -> None:
    vote = NeighbourVote(VOTE_VECTORS, VOTE_LABELS, encoder=lambda texts: unit([[1, 0, 0]] * len(texts)))
    assert vote.second_reading(["a", "b"], [0.3, 0.4]).tolist() == pytest.approx([0.65, 0.7])


def test_saved_neighbours_load_with_the_same_vote(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    vectors = unit(rng.normal(size=(200, 384)).tolist())
    labels = (rng.random(200) < 0.3).astype(float)
    path = tmp_path / "n.npz"
    NeighbourVote(vectors, labels).save(path)
    loaded = NeighbourVote.load(path)
    assert loaded.vectors.dtype == np.int8 and loaded.vectors.shape == (200, 384)  # 17 MB in memory, not 70
    queries = unit(rng.normal(size=(50, 384)).tolist())
    # int8 storage may swap a near-tied fifth neighbour, never more than one vote in K for most queries
    diff = np.abs(loaded.vote(queries) - NeighbourVote(vectors, labels).vote(queries))
    assert diff.max() <= 1 / K + 1e-9 and (diff == 0).mean() >= 0.8


def test_encoder_places_paraphrases_closer_than_unrelated_messages() -> None:
    v = encode(
        [
            "He hides my car keys so I can't leave the house.",
            "My husband takes my keys away so I can't go anywhere.",
            "Thanks for cooking, the lasagne was lovely.",
        ]
    )
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2
    assert encode([]).shape == (0, 384)
    # a message reads the same alone and beside others (the reader's activation scale is per run)
    assert np.array_equal(encode(["Thanks for cooking, the lasagne was lovely."])[0], v[2])


def test_requantized_reader_reads_like_the_pypi_transformer() -> None:
    """The shipped reader file is the PyPI MiniLM requantized (build_reader): its embeddings stay close to
    the original's, so the neighbours it was trained with mean what they meant."""
    import onnxruntime as ort

    from heartwork.engine import safety_reader
    from heartwork.engine.distill import onnx_path

    texts = [
        "He hides my car keys so I can't leave the house.",
        "I don't want to be here anymore.",
        "Thanks for cooking, the lasagne was lovely.",
        "Can you pick up milk on the way home? x",
        "If you tell anyone about last night you'll regret it.",
        "I'm sorry I snapped at you this morning, that wasn't fair.",
    ]
    shipped = encode(texts)
    original = ort.InferenceSession(str(onnx_path()), providers=["CPUExecutionProvider"])
    safety_reader._session.cache_clear()
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(safety_reader, "_session", lambda: original)
            reference = encode(texts)
    finally:
        safety_reader._session.cache_clear()
    cosines = (shipped * reference).sum(axis=1)
    assert cosines.min() > 0.9 and cosines.mean() > 0.97, cosines


def test_reader_rebuild_gives_the_shipped_file(tmp_path: Path) -> None:
    """`heartwork train --reader` is reproducible: rebuilding gives the file the manifest lists."""
    pytest.importorskip("onnx")
    from heartwork.engine.embedding import sha256

    assert sha256(build_reader(tmp_path / "reader.onnx")) == sha256(READER_FILE)


def test_reader_rebuild_without_onnx_is_a_clear_error(tmp_path: Path) -> None:
    import importlib.util

    from typer.testing import CliRunner

    from heartwork.cli import app
    from heartwork.engine.classifier import MODELS

    if importlib.util.find_spec("onnx") is not None:
        pytest.skip("onnx is installed here: --reader would really rebuild")
    before = {f.name: f.read_bytes() for f in MODELS.iterdir() if f.is_file()}
    dev = tmp_path / "dev.jsonl"
    dev.write_text('{"text": "Thanks for tonight.", "labels": ["appreciation"], "note": "thanks"}\n')
    res = CliRunner().invoke(app, ["train", "--reader", "--dev", str(dev)])
    assert res.exit_code == 2 and "pip install -e '.[finetune]'" in res.output
    assert {f.name: f.read_bytes() for f in MODELS.iterdir() if f.is_file()} == before


def test_shipped_neighbours_match_the_manifest_and_cover_the_corpus() -> None:
    assert NEIGHBOURS_FILE.exists()
    vote = shipped_vote()
    assert vote.vectors.shape[1] == 384 and len(vote.labels) == len(vote.vectors) > 10_000
    assert 0.05 < vote.labels.mean() < 0.5  # safety_risk is a minority label in the corpus


class Recorder:
    """An encoder that records what it was asked to read and places every message in one cluster."""

    def __init__(self, risky: bool) -> None:
        self.read: list[str] = []
        self.risky = risky

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.read += texts
        return unit([[1, 0, 0] if self.risky else [0, 1, 0]] * len(texts))


def flagged(text: str, prob: float, encoder: Recorder, second_reading: bool = True) -> bool:
    doc = Doc(text, probs={"safety_risk": prob}, safety_threshold=0.5)
    SafetyDetector(NeighbourVote(VOTE_VECTORS, VOTE_LABELS, encoder), second_reading).run([doc])
    return bool(doc.safety)


def test_detector_reads_again_only_messages_just_under_the_cut_off() -> None:
    text = "I keep the spare key at my sister's now, just in case."
    risky = Recorder(risky=True)
    assert flagged(text, 0.3, risky)  # (0.3 + 1.0) / 2 >= 0.5
    assert risky.read == [text]
    everyday = Recorder(risky=False)
    assert not flagged(text, 0.3, everyday)  # (0.3 + 0.0) / 2 < 0.5
    # below the gate, above the cut-off, or with the second reading off: the transformer is never asked
    for prob, on in ((GATE - 0.01, True), (0.6, True), (0.3, False)):
        r = Recorder(risky=True)
        assert flagged(text, prob, r, on) == (prob >= 0.5)
        assert r.read == []


def test_second_reading_respects_the_backstops_guards() -> None:
    # someone else's relationship, or a cue a guard ruled out, stay quiet: the vote is not consulted
    for text in ("My sister's husband keeps the spare key to her flat.", "He has never hit me."):
        r = Recorder(risky=True)
        assert not flagged(text, 0.45, r)
        assert r.read == []


def test_a_flag_from_the_second_reading_carries_the_score_that_decided() -> None:
    doc = Doc("I keep the spare key at my sister's now, just in case.", probs={"safety_risk": 0.3})
    doc.safety_threshold = 0.5
    SafetyDetector(NeighbourVote(VOTE_VECTORS, VOTE_LABELS, Recorder(risky=True))).run([doc])
    (f,) = doc.safety
    assert f.score == pytest.approx(0.65) and f.label == "safety_risk" and f.source == "safety"
