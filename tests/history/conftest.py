"""Fixtures for the history tests: the fixture folder and a helper that imports a file completely."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from heartwork.history.importing import import_chat

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def read_chat() -> Callable[..., tuple[list[dict[str, str]], dict[str, Any]]]:
    """Import a file and return (messages as dicts, summary)."""

    def _read(path: Path, fmt: str = "auto", **options: Any) -> tuple[list[dict[str, str]], dict[str, Any]]:
        with import_chat(path, fmt, options) as result:
            return [m.to_dict() for m in result.messages], result.summary()

    return _read
