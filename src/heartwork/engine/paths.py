"""Where a checkout keeps its data: the training, evaluation and benchmark commands read from here."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
SHARED_DEV = REPO.parent / "shared" / "data" / "heartwork-dev" / "dev.jsonl"  # the shared corpus (CC0)
SHARED_GOEMOTIONS = REPO.parent / "shared" / "data" / "goemotions"  # GoEmotions train/dev (Apache-2.0)
