"""Shared fixtures. Tests are hermetic: the user data directory is a temp folder, never the real one."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _hermetic_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "heartwork-home"
    home.mkdir()
    monkeypatch.setenv("HEARTWORK_HOME", str(home))
    monkeypatch.delenv("HEARTWORK_DATABASE_URL", raising=False)
    monkeypatch.delenv("HEARTWORK_LLM_URL", raising=False)
    return home
