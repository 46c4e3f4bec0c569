"""Fixtures for the practice tests (helpers live in practice_helpers.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture
def store() -> Iterator[object]:
    """A real SQLite store in the hermetic HEARTWORK_HOME (migrated to the latest schema)."""
    from heartwork.store import open_store

    st = open_store()
    try:
        yield st
    finally:
        st.close()
