"""One parametrised fixture runs the storage suite on SQLite (a real file) and PostgreSQL (a real server).

PostgreSQL: HEARTWORK_TEST_POSTGRES_URL (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres, a role
allowed to CREATE DATABASE) or, when it is unset, a throwaway server this fixture starts itself from the
Debian binaries (/usr/lib/postgresql/*/bin): initdb + pg_ctl on a temp dir and a free loopback port, run as
the ``postgres`` OS user when we are root, stopped at the end of the session. Each test gets its own new
database. Skipped (with the reason) only when no PostgreSQL binaries exist.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from heartwork.store import Store, chats, choices, conversations, journal, pairs, questionnaires, users
from heartwork.store.types import utcnow

PG_BIN_GLOB = "/usr/lib/postgresql/*/bin/initdb"


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
    url = os.environ.get("HEARTWORK_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    server = _ThrowawayPostgres()
    try:
        yield server.admin_url
    finally:
        server.stop()


def _new_pg_database(admin_url: str) -> tuple[str, Callable[[], None]]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = "hw_" + uuid.uuid4().hex[:12]
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url, drop


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of a new, empty database: a SQLite file, or a fresh database on the PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'heartwork.db'}"
        return
    admin_url = request.getfixturevalue("postgres_admin_url")
    url, drop = _new_pg_database(admin_url)
    try:
        yield url
    finally:
        drop()


@pytest.fixture
def store(db_url: str) -> Iterator[object]:
    """A migrated Store on db_url."""
    from heartwork.store import open_store

    st = open_store(db_url)
    try:
        yield st
    finally:
        st.close()


# -- a realistic data set touching every table -----------------------------------------------------------

SECRET = "the words only I should read 7f3a9c"


def populate(store: Store) -> dict[str, int]:
    now = utcnow()
    with store.session() as s:
        me = users.local_user(s)
        ben = users.create_user(
            s, "ben", password_hash="$argon2id$v=19$m=65536,t=3,p=4$abc$def", display_name="Ben"
        )
        cy = users.create_user(s, "cy")
        code = pairs.create_invite(s, me)
        pairs.accept_invite(s, ben, code)
        pairs.create_invite(s, cy)
        journal.record_practice(
            s,
            me,
            "self-compassion-break",
            {"mindfulness": SECRET, "kindness": "May I be kind ✨"},
            body="done",
        )
        journal.add_entry(s, me, "reactive_moment", title="dinner", body="I snapped — «again»", shared=True)
        journal.add_entry(s, me, "safety_checkin", body="I feel safe", data={"fear": 0, "control": None})
        journal.add_entry(s, ben, "letter", title="", body="", data=[1, 2.5, "x", None, True])
        choices.add_choice(s, me, "compassion", note="paused first", analysis={"labels": ["validation"]})
        choices.add_choice(s, me, "reacted", day=date.today() - timedelta(days=1))
        r = questionnaires.add_response(s, me, "scs-sf", list(range(1, 13)), {"total": 3.25, "subscales": {}})
        questionnaires.set_share_consent(s, r, me, True)
        questionnaires.add_response(s, ben, "csi-4", [4, 4, 5, 18], {"total": 16})
        conv = conversations.start_conversation(s, ben, "the trip")
        t1 = conversations.save_draft(s, conv, ben, "draft I will not send")
        conversations.send_turn(s, t1, ben, "I'm sorry I booked without asking you.")
        conversations.save_draft(s, conv, me, "still thinking")
        chats.import_chat(
            s,
            me,
            "WhatsApp with Ben",
            "whatsapp",
            [
                (
                    now - timedelta(minutes=i),
                    "Ben" if i % 2 else "me",
                    f"message {i} {SECRET if i == 3 else ''}",
                )
                for i in range(50)
            ],
        )
        return {"me": me.id, "ben": ben.id, "cy": cy.id}


@pytest.fixture
def populated() -> Callable[[Store], dict[str, int]]:
    """populate(store) -> ids: fills every table (see populate)."""
    return populate


@pytest.fixture
def secret() -> str:
    """A phrase populate() writes into a journal entry and a chat message."""
    return SECRET
