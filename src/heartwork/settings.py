"""Settings read from the environment at CLI entry / create_app() time, never at import time."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    llm_url: str | None = None  # an OpenAI-compatible endpoint; None = no network at all
    llm_model: str | None = None
    country: str = "INTL"  # for safety resources


def load() -> Settings:
    """HEARTWORK_HOME overrides the platform data directory (tests point it at a temp folder)."""
    home = os.environ.get("HEARTWORK_HOME")
    if home:
        data_dir = Path(home)
    else:
        import platformdirs

        data_dir = Path(platformdirs.user_data_dir("heartwork", appauthor=False))
    url = os.environ.get("HEARTWORK_DATABASE_URL") or f"sqlite:///{data_dir / 'heartwork.db'}"
    return Settings(
        data_dir=data_dir,
        database_url=url,
        llm_url=os.environ.get("HEARTWORK_LLM_URL") or None,
        llm_model=os.environ.get("HEARTWORK_LLM_MODEL") or None,
        country=os.environ.get("HEARTWORK_COUNTRY", "INTL"),
    )
