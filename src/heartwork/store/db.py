"""Engine, unit of work and migrations: ``open_store()`` and ``Store``.

    from heartwork.store import open_store
    store = open_store()                 # settings.database_url; migrated to the latest schema
    with store.session() as s:           # one transaction: commits on success, rolls back on error
        me = users.local_user(s)
        journal.add_entry(s, me, "letter", title="To myself", body="...")

SQLite (the default, a file in the data directory) runs in WAL mode with foreign keys on, a busy timeout and
``synchronous=FULL``; write transactions start with ``BEGIN IMMEDIATE`` so two writers queue instead of
failing half-way. PostgreSQL is used when the URL says so (``postgresql+psycopg://...``).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, select, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError, StatementError
from sqlalchemy.orm import Session, sessionmaker

from heartwork.store.crypto import CryptoState
from heartwork.store.errors import (
    NUL_MESSAGE,
    NulCharacter,
    StoreError,
    StoreFull,
    StoreReadOnly,
    StoreUnavailable,
    check_no_nul,
)

__all__ = ["PASSPHRASE_ENV", "SQLITE_BUSY_TIMEOUT_MS", "Store", "open_cli_store", "open_store"]

#: Environment variable a script may use to give the passphrase of an encrypted database.
PASSPHRASE_ENV = "HEARTWORK_PASSPHRASE"

#: How long a SQLite writer waits for another writer before giving up (ms). Long enough for any single
#: Heartwork transaction (the largest is a chat import) to finish on a slow disk.
SQLITE_BUSY_TIMEOUT_MS = 30_000

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _normalise_url(url: str) -> str:
    # Accept the plain forms people paste; use psycopg 3 for PostgreSQL.
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def _refuse_nul(
    _conn: Connection, _cursor: Any, _statement: str, parameters: Any, _context: Any, executemany: bool
) -> None:
    """Refuse text holding a NUL character before it reaches the database, on SQLite and PostgreSQL alike.

    PostgreSQL text cannot hold NUL (the driver fails with a raw error); SQLite could, but then the same data
    would not move to PostgreSQL (backup/restore), so both refuse it with the same clear NulCharacter.
    Encrypted columns check the plain text themselves (crypto.EncryptedText), before it is encrypted.
    """
    for row in parameters if executemany else (parameters,):
        for value in row.values() if isinstance(row, dict) else row or ():
            check_no_nul(value)


def _make_engine(url: str) -> Engine:
    engine = _make_dialect_engine(url)
    event.listen(engine, "before_cursor_execute", _refuse_nul)
    return engine


def _make_dialect_engine(url: str) -> Engine:
    u = make_url(url)
    backend = u.get_backend_name()
    if backend == "sqlite":
        database = u.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            path = Path(database).expanduser()
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreUnavailable(
                    f"Cannot create the data folder {path.parent}: {exc.strerror or exc}. "
                    "Set HEARTWORK_HOME to a folder you can write to."
                ) from exc
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

        @event.listens_for(engine, "connect")
        def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
            # Let SQLAlchemy (not the driver) decide where transactions begin, so we can BEGIN IMMEDIATE.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            try:
                cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
                cur.execute("PRAGMA foreign_keys = ON")
                # Deleted content is overwritten, so erased entries do not linger in free pages.
                cur.execute("PRAGMA secure_delete = ON")
                # A read-only file/folder cannot switch to WAL; reads still work, writes get a clear error.
                with contextlib.suppress(sqlite3.OperationalError):
                    cur.execute("PRAGMA journal_mode = WAL")
                cur.execute("PRAGMA synchronous = FULL")
            finally:
                cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_on_begin(conn: Connection) -> None:
            if conn.get_execution_options().get("heartwork_readonly"):
                conn.exec_driver_sql("BEGIN")
            else:
                conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    if backend == "postgresql":
        try:
            return create_engine(url, pool_pre_ping=True)
        except ModuleNotFoundError as exc:
            raise StoreUnavailable(
                "PostgreSQL needs the psycopg driver: pip install 'heartwork[postgres]'"
            ) from exc
    raise StoreUnavailable(
        f"Unsupported database URL {u.render_as_string(hide_password=True)!r}. "
        "Use sqlite:///PATH or postgresql+psycopg://USER:PASSWORD@HOST/DB."
    )


def translate_db_error(exc: BaseException, where: str) -> StoreError | None:
    """Map driver errors to clear, actionable StoreErrors (None when it is not a known environment fault)."""
    msg = str(getattr(exc, "orig", exc) or exc).lower()
    if "nul (0x00)" in msg or "0x00 bytes" in msg:  # a path that bypassed the checks: same clear error
        return NulCharacter(NUL_MESSAGE)
    if "readonly database" in msg or "read-only" in msg or "read only" in msg:
        fix = (
            "Check that your database role may write and the server is not in read-only mode."
            if where.startswith("postgresql")
            else "Check the file and folder permissions, or set HEARTWORK_HOME to a writable folder."
        )
        return StoreReadOnly(
            f"The database at {where} is read-only, so nothing was saved (your earlier data is untouched). {fix}"
        )
    if "disk is full" in msg or "database or disk is full" in msg or "no space left" in msg:
        return StoreFull(
            f"The disk holding {where} is full, so nothing was saved (your earlier data is untouched). "
            "Free some space and try again."
        )
    if "unable to open database" in msg:
        return StoreUnavailable(
            f"Cannot open the database at {where}. Check that the folder exists and is writable, "
            "or set HEARTWORK_HOME / HEARTWORK_DATABASE_URL."
        )
    if isinstance(exc, OperationalError) and (
        "connection" in msg or "could not connect" in msg or "server closed" in msg
    ):
        return StoreUnavailable(
            f"Cannot reach the database server ({where}): {msg.splitlines()[0]}. "
            "Check HEARTWORK_DATABASE_URL and that PostgreSQL is running."
        )
    return None


class Store:
    """One database: an engine, a session factory, migrations, and (see ``heartwork.store.crypto``) the
    encryption state. Thread-safe; share one per process."""

    def __init__(self, url: str) -> None:
        self.url = _normalise_url(url)
        self.engine = _make_engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(
            self.engine.execution_options(heartwork_readonly=True), expire_on_commit=False
        )
        # Encryption state, reached by the Encrypted* column types through the dialect of this engine.
        self.crypto = CryptoState()
        self.engine.dialect.heartwork_crypto = self.crypto  # type: ignore[attr-defined]
        self._keyring_exists: bool | None = None

    # -- where ----------------------------------------------------------------------------------------
    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    # -- unit of work ---------------------------------------------------------------------------------
    @contextlib.contextmanager
    def session(self, *, write: bool = True) -> Iterator[Session]:
        """A unit of work: commits when the block ends normally, rolls back on any exception.

        ``write=False`` opens a read transaction (on SQLite it does not take the write lock).
        Driver errors for a read-only database, a full disk or an unreachable server become
        StoreReadOnly / StoreFull / StoreUnavailable with a message that says how to fix it.
        """
        factory = self._sessions if write else self._read_sessions
        session = factory()
        try:
            self._refresh_crypto(session, write=write)
            yield session
            if write:
                session.commit()
            else:
                session.rollback()
        except DBAPIError as exc:
            session.rollback()
            mapped = translate_db_error(exc, self.display_url)
            if mapped is not None:
                raise mapped from exc
            raise
        except StatementError as exc:
            # A column type refused a value (e.g. StoreLocked while encrypting): surface that error itself.
            session.rollback()
            if isinstance(exc.orig, StoreError):
                raise exc.orig from None
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    # -- encryption (see heartwork.store.crypto and heartwork.store.keys) -------------------------------
    def _refresh_crypto(self, session: Session, *, write: bool) -> None:
        """Read the keyring at the start of each unit of work, so a passphrase set or changed by another
        process is noticed (this store then counts as locked) instead of writing with a stale key. On
        PostgreSQL the row is read FOR SHARE: a passphrase change (FOR UPDATE) waits for running writers and
        they wait for it."""
        if self._keyring_exists is None:
            self._keyring_exists = inspect(session.connection()).has_table("keyring")
        if not self._keyring_exists:
            return
        from heartwork.store.models import Keyring

        q = select(Keyring.salt).where(Keyring.id == 1)
        if write:  # (a read-only PostgreSQL transaction may not take row locks; readers need none)
            q = q.with_for_update(read=True)
        salt = session.scalar(q)
        self.crypto.observe(salt)

    @property
    def is_encrypted(self) -> bool:
        """Whether this database has a passphrase (its private columns are encrypted)."""
        with self.session(write=False):
            return self.crypto.enabled

    @property
    def is_locked(self) -> bool:
        """Encrypted and not unlocked in this process."""
        with self.session(write=False):
            return self.crypto.locked

    def unlock(self, passphrase: str) -> None:
        """Derive the key and keep it in memory. WrongPassphrase if it does not match; nothing changes."""
        from heartwork.store import keys

        keys.unlock(self, passphrase)

    def lock(self) -> None:
        """Forget the key held in memory."""
        self.crypto.cipher = None

    def set_passphrase(self, new: str | None, *, current: str | None = None, kdf: Any = None) -> None:
        """Set, change (``current`` required) or remove (``new=None``) the passphrase, re-encrypting every
        private value in one transaction: either all values use the new key or nothing changed."""
        from heartwork.store import keys

        keys.set_passphrase(self, new, current=current, kdf=kdf)

    # -- migrations -----------------------------------------------------------------------------------
    def _alembic_config(self, connection: Connection) -> Any:
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        cfg.attributes["connection"] = connection
        return cfg

    def head_revision(self) -> str:
        from alembic.script import ScriptDirectory

        cfg = self._alembic_config(None)  # type: ignore[arg-type]
        head = ScriptDirectory.from_config(cfg).get_current_head()
        assert head is not None
        return head

    def current_revision(self) -> str | None:
        try:
            with self.engine.connect() as conn:
                if not inspect(conn).has_table("alembic_version"):
                    return None
                row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
                return None if row is None else str(row[0])
        except DBAPIError as exc:
            mapped = translate_db_error(exc, self.display_url)
            if mapped is not None:
                raise mapped from exc
            raise

    def upgrade(self, revision: str = "head") -> None:
        """Migrate the schema (one transaction on SQLite and PostgreSQL: all or nothing)."""
        self._run_alembic("upgrade", revision)

    def downgrade(self, revision: str) -> None:
        self._run_alembic("downgrade", revision)

    def _run_alembic(self, direction: str, revision: str) -> None:
        from alembic import command

        try:
            with self.engine.begin() as conn:
                cfg = self._alembic_config(conn)
                getattr(command, direction)(cfg, revision)
            self._keyring_exists = None
        except (OperationalError, ProgrammingError) as exc:
            mapped = translate_db_error(exc, self.display_url)
            if mapped is not None:
                raise mapped from exc
            raise

    def ensure_schema(self) -> None:
        """Upgrade to the latest schema if needed (cheap when already current)."""
        if self.current_revision() != self.head_revision():
            self.upgrade()

    def compact(self) -> None:
        """SQLite: fold the WAL into the database file and rebuild it, so deleted content is gone from disk."""
        if self.dialect != "sqlite":
            return
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            raw.execute("VACUUM")
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(url: str | None = None, *, upgrade: bool = True) -> Store:
    """Open the database at ``url`` (default: settings — SQLite in the data directory, or
    HEARTWORK_DATABASE_URL) and bring its schema up to date unless ``upgrade=False``."""
    if url is None:
        from heartwork import settings

        url = settings.load().database_url
    store = Store(url)
    if upgrade:
        try:
            store.ensure_schema()
        except BaseException:
            store.close()
            raise
    return store


def open_cli_store(url: str | None = None, *, prompt: bool = True) -> Store:
    """For terminal commands: open (and migrate) the store and, if it is encrypted, unlock it with
    $HEARTWORK_PASSPHRASE or by asking for the passphrase (hidden input, three tries).

    Raises StoreLocked when it is encrypted and no passphrase can be had (``prompt=False`` or no terminal),
    WrongPassphrase after three wrong tries. Both are StoreErrors: print ``str(exc)`` and exit 1.
    """
    import os
    import sys

    from heartwork.store.errors import StoreLocked, WrongPassphrase

    store = open_store(url)
    try:
        if not store.is_locked:
            return store
        env = os.environ.get(PASSPHRASE_ENV)
        if env:
            store.unlock(env)
            return store
        if not prompt or not sys.stdin.isatty():
            raise StoreLocked(
                f"Your Heartwork data is encrypted. Set {PASSPHRASE_ENV} or run this in a terminal to be "
                "asked for the passphrase."
            )
        import getpass

        for attempt in range(3):
            try:
                store.unlock(getpass.getpass("Heartwork passphrase: "))
                return store
            except WrongPassphrase:
                if attempt == 2:
                    raise
                print("That passphrase does not open your data; try again.", file=sys.stderr)
        return store
    except BaseException:
        store.close()
        raise
