"""Shared fixtures. Tests are hermetic: the user data directory is a temp folder, never the real one.

Under CI (CI=true, as .ci/run sets it) the programs the suite needs — PostgreSQL's initdb (unless
HEARTWORK_TEST_POSTGRES_URL names a server), Debian chromium and tmux — must be present: their tests skip
on a developer machine without them, but a CI run that silently skipped them would look green while
testing less, so there it stops at once with the install command instead.
"""

from __future__ import annotations

import glob
import os
import shutil
from pathlib import Path

import pytest


def _missing_system_programs() -> list[str]:
    missing = []
    if not os.environ.get("HEARTWORK_TEST_POSTGRES_URL") and not glob.glob(
        "/usr/lib/postgresql/*/bin/initdb"
    ):
        missing.append("postgresql (initdb in /usr/lib/postgresql/*/bin)")
    if not Path("/usr/bin/chromium").exists():
        missing.append("chromium (/usr/bin/chromium)")
    if shutil.which("tmux") is None:
        missing.append("tmux")
    return missing


def pytest_sessionstart(session: pytest.Session) -> None:
    if os.environ.get("CI", "").lower() not in {"1", "true", "yes"}:
        return
    missing = _missing_system_programs()
    if missing:
        pytest.exit(
            "CI=true but these programs are missing, so their tests would only be skipped: "
            + ", ".join(missing)
            + ". Install them with `make system-deps` (as root: apt-get install -y postgresql chromium tmux).",
            returncode=3,
        )


@pytest.fixture(autouse=True)
def _hermetic_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "heartwork-home"
    home.mkdir()
    monkeypatch.setenv("HEARTWORK_HOME", str(home))
    monkeypatch.delenv("HEARTWORK_DATABASE_URL", raising=False)
    monkeypatch.delenv("HEARTWORK_LLM_URL", raising=False)
    monkeypatch.delenv("HEARTWORK_LLM_MODEL", raising=False)
    monkeypatch.delenv("HEARTWORK_COUNTRY", raising=False)
    return home
