"""Fixtures for the safety, privacy and robustness tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def sqlite_store(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A real, migrated SQLite store in a temp file."""
    from heartwork.store import open_store

    st = open_store(f"sqlite:///{tmp_path / 'heartwork.db'}")
    try:
        yield st
    finally:
        st.close()
