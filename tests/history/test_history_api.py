"""The public API of heartwork.history: every name in __all__ resolves, and importing it stays light."""

from __future__ import annotations

import subprocess
import sys

import heartwork.history as history


def test_history_all_names_resolve() -> None:
    for name in history.__all__:
        assert getattr(history, name) is not None, name


def test_history_commands_import_is_light() -> None:
    code = (
        "import sys, heartwork.history.commands, heartwork.history\n"
        "heavy = [m for m in ('sqlalchemy', 'jinja2', 'numpy', 'heartwork.engine') if m in sys.modules]\n"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
