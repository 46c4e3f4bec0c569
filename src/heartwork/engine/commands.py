"""CLI: analyze (text, json, jsonl), train, eval, bench, and the interactive terminal session."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this area's commands to the main app."""
