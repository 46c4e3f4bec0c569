"""SHA-256 manifest of the shipped model files: verified before a file is loaded."""

from __future__ import annotations

import json
from pathlib import Path

from heartwork.engine.embedding import MODELS, sha256

MANIFEST = MODELS / "MANIFEST.json"


class ModelFileError(RuntimeError):
    """A shipped model file is missing or does not match its recorded SHA-256."""


def _read() -> dict[str, str]:
    return json.loads(MANIFEST.read_text()) if MANIFEST.exists() else {}


def record(path: Path) -> None:
    entries = _read()
    entries[path.name] = sha256(path)
    MANIFEST.write_text(json.dumps(dict(sorted(entries.items())), indent=2) + "\n")


def check(path: Path) -> None:
    expected = _read().get(path.name)
    if expected is None:
        raise ModelFileError(f"{path.name} is not listed in {MANIFEST}; rebuild it with `heartwork train`.")
    actual = sha256(path)
    if actual != expected:
        raise ModelFileError(
            f"{path} is damaged or was changed (SHA-256 {actual[:12]}…, expected {expected[:12]}…). "
            "Reinstall Heartwork or rebuild it with `heartwork train`."
        )
