"""A second, contextual reading for the messages the safety backstop cannot settle on its own.

The static head (token vectors, n-grams, rule features) reads new writers' wording poorly in its middle range.
For an open message (no cue, no guard, not read as kind) whose static score lies from GATE up to SURE,
all-MiniLM-L6-v2 fine-tuned on ``safety_risk`` alone reads the whole message, and the mean of the static score
and the reader's probability is held against READER_CUT, both ways: the reading can add a flag or clear one.
At SURE and above the static score flags by itself; below GATE nothing does. In batches only the calling
process reads (pipeline._helper_started).

Decided on training data only (``python bench/safety_reader_fold.py``: writer-grouped fold 0, 9,129 messages
by writers that neither the reader nor the head saw; 2026-12-07): the reader alone, fine-tuned READER_EPOCHS,
ranks those writers' messages better than the head (average precision 0.928 against 0.887; 0.907 after one
epoch), and the mean of the two reads best (0.931). Read only inside [GATE, SURE) (14% of that fold), at
READER_CUT it gives recall 0.905 / precision 0.759 / 6.5% of the other messages flagged, against the head alone
at its shipped cut-off 0.375: 0.882 / 0.704 / 8.4%. Reading from lower static scores still gains recall
(0.909 from 0.125, 0.914 from 0.1), but ``heartwork bench`` then read 2,801 and 2,443 msg/s, against 2,958
from GATE and 3,069 from 0.2 in the same session: GATE keeps the 2,500 target with room for this machine's
run-to-run swing. The neighbour vote over the plain MiniLM that this replaced read 0.896 average precision
beside the head. A three-layer student (twice as fast), a third epoch and sentence-wise reading were tried on
that fold and read no better at equal precision (docs/safety.md).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from heartwork.engine.embedding import MODELS, TOKENIZER_FILE

READER_FILE = MODELS / "safety_reader.onnx"  # build_reader()
GATE = 0.15
# reading above SURE changed neither recall nor precision at READER_CUT on fold 0 (a one-off experiment)
SURE = 0.8
# F2 on fold 0 (recall weighs twice precision) picks READER_CUT, and there the fold's false pauses stay below
# the head's at its own cut-off; F1.5, the static head's rule, would pick 0.475 (at 0.45: recall 0.881,
# precision 0.773).
READER_CUT = 0.35
MAX_TOKENS = 64  # per window, as fine-tuned (finetune.MAX_LENGTH)
# fold 0 at READER_CUT, read from 0.2: recall 0.901 / precision 0.764 after two epochs, 0.903 / 0.733 after one
READER_EPOCHS = 2


@cache
def _session() -> Any:
    import onnxruntime as ort

    from heartwork.engine.manifest import check

    check(READER_FILE)
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1  # batches already run one process per core (pipeline.py)
    opts.enable_cpu_mem_arena = False  # an arena keeps its largest run's activations for good
    return ort.InferenceSession(str(READER_FILE), opts, providers=["CPUExecutionProvider"])


@cache
def _tokenizer() -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(TOKENIZER_FILE))
    tok.no_padding()
    return tok


def _windows(ids: list[int]) -> list[list[int]]:
    """What the reader reads of a message: its first MAX_TOKENS word pieces and, when it is longer, its last
    ones too (a disclosure often closes a long message; every window of a 1 MB message would take minutes)."""
    if len(ids) <= MAX_TOKENS:
        return [ids]
    n = MAX_TOKENS - 2  # [CLS] and [SEP] around each window
    return [[ids[0], *ids[1 : 1 + n], ids[-1]], [ids[0], *ids[-1 - n : -1], ids[-1]]]


def read(texts: list[str]) -> np.ndarray:
    """The reader's ``safety_risk`` probability for each message (the higher of its windows), one window per
    run: its int8 activations take one scale per run, so in a batch a message's score would depend on the
    messages beside it."""
    out = np.zeros(len(texts))
    for i, e in enumerate(_tokenizer().encode_batch(texts) if texts else []):
        for window in _windows(e.ids):
            ids = np.array([window], np.int64)
            feed = {
                "input_ids": ids,
                "attention_mask": np.ones_like(ids),
                "token_type_ids": np.zeros_like(ids),
            }
            (prob,) = _session().run(None, feed)
            out[i] = max(out[i], float(prob[0]))
    return out


def second_reading(
    texts: list[str], static: list[float], reader: Callable[[list[str]], np.ndarray] = read
) -> np.ndarray:
    """The score held against READER_CUT: the static score and the reader's probability, averaged."""
    return (np.asarray(static, dtype=np.float64) + reader(texts)) / 2


def build_reader(
    texts: list[str], risk: np.ndarray, path: Path = READER_FILE, log: Callable[[str], None] = print
) -> Path:
    """The reader file: MiniLM fine-tuned on ``risk`` (1 where a message in ``texts`` carries safety_risk;
    engine/finetune.py, READER_EPOCHS, ~50 minutes on 2 cores for 45,000 messages), then ``export_reader``. Needs
    the ``[finetune]`` extra (torch, transformers, onnx)."""
    from heartwork.engine.finetune import finetune

    _quantizer()  # first: the install hint before 50 minutes of fine-tuning
    y = np.asarray(risk, np.float32).reshape(-1, 1)
    path = export_reader(finetune(texts, y, epochs=READER_EPOCHS, log=log), path)
    _session.cache_clear()
    return path


def _quantizer() -> Any:
    try:
        from onnxruntime.quantization import quantize_dynamic
    except ImportError as e:  # onnxruntime.quantization imports onnx
        raise RuntimeError("Rebuilding the safety reader needs `pip install -e '.[finetune]'`.") from e
    return quantize_dynamic


def export_reader(model: Any, path: Path) -> Path:
    """A fine-tuned ``finetune.Teacher`` as the reader file: one ONNX graph with its pooling and head,
    quantized dynamically per output channel (int8 MatMulInteger: ~23 MB, about 2x faster than float32)."""
    import logging
    import tempfile

    from onnxruntime.quantization import QuantType

    from heartwork.engine.finetune import export_probability

    quantize_dynamic = _quantizer()
    with tempfile.TemporaryDirectory() as tmp:
        plain = export_probability(model, Path(tmp) / "float.onnx")
        before = logging.root.manager.disable
        logging.disable(logging.WARNING)  # its advice to pre-process does not change this file
        try:
            quantize_dynamic(plain, path, weight_type=QuantType.QInt8, per_channel=True)
        finally:
            logging.disable(before)  # whatever the caller had, not NOTSET
    return path
