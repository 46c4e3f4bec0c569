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
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_BIN_GLOB = "/usr/lib/postgresql/*/bin/initdb"


def _missing_system_programs() -> list[str]:
    missing = []
    if not os.environ.get("HEARTWORK_TEST_POSTGRES_URL") and not glob.glob(PG_BIN_GLOB):
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


# -- PostgreSQL, for the storage suite (tests/store) and the web app on PostgreSQL (tests/web) ----------------
# HEARTWORK_TEST_POSTGRES_URL (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres, a role allowed to
# CREATE DATABASE) or, when it is unset, a throwaway server started from the Debian binaries
# (/usr/lib/postgresql/*/bin): initdb + pg_ctl on a temp dir and a free loopback port, run as the ``postgres``
# OS user when we are root, stopped at the end of the session. Skipped (with the reason) only when no
# PostgreSQL binaries exist.


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


class _ThrowawayPostgres:
    def __init__(self) -> None:
        initdbs = sorted(glob.glob(PG_BIN_GLOB))
        if not initdbs:
            pytest.skip(
                "PostgreSQL tests need a server: set HEARTWORK_TEST_POSTGRES_URL or install the Debian "
                "package (`make system-deps` or `apt-get install -y postgresql`); no initdb found in "
                "/usr/lib/postgresql/*/bin"
            )
        self.bin = Path(initdbs[-1]).parent
        self.root = Path(tempfile.mkdtemp(prefix="heartwork-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        log = self.root / "server.log"
        subprocess.run(
            _as_postgres(
                [
                    str(self.bin / "initdb"),
                    "-D",
                    str(self.data),
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--no-locale",
                ]
            ),
            check=True,
            capture_output=True,
        )
        subprocess.run(
            _as_postgres(
                [
                    str(self.bin / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-l",
                    str(log),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    f"-h 127.0.0.1 -p {self.port} -k {self.root} -c fsync=off -c max_connections=100",
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
        )
        self.admin_url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        subprocess.run(
            _as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """A PostgreSQL URL of a role allowed to CREATE DATABASE: HEARTWORK_TEST_POSTGRES_URL, else the session's
    throwaway server (started on first use, stopped at the end). Skips when there is neither."""
    url = os.environ.get("HEARTWORK_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    server = _ThrowawayPostgres()
    try:
        yield server.admin_url
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_admin_url: str) -> Iterator[str]:
    """The URL of a new, empty database on the session's PostgreSQL server, dropped after the test."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = "hw_" + uuid.uuid4().hex[:12]
    admin = create_engine(postgres_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(postgres_admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
