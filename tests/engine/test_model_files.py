"""Shipped model files are verified by SHA-256 before loading."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

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


def test_model_files_backbone_hash_is_checked() -> None:
    from heartwork.engine.distill import ONNX_SHA256, onnx_path

    assert len(ONNX_SHA256) == 64
    assert onnx_path().name == "model.onnx"  # raises if the package file does not match the pinned hash
