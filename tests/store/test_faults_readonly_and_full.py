"""Faults: a read-only database and a full disk give a clear error and leave earlier data intact."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import make_url

from heartwork.store import Store, StoreFull, StoreReadOnly, backup, chats, journal, open_store, users


def _export(store: Store) -> dict:
    with store.session(write=False) as s:
        d = backup.export_data(s)
    d.pop("exported_at")
    return d


def _readonly_url(store: Store) -> str:
    """The same database, opened so that writes are refused by the database itself."""
    if store.dialect == "sqlite":
        return f"sqlite:///file:{make_url(store.url).database}?mode=ro&uri=true"
    name = make_url(store.url).database
    with store.engine.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
        conn.commit()
    return store.url


def _writable_again(store: Store) -> None:
    """Undo _readonly_url on PostgreSQL (a SQLite read-only URL changes nothing in the file)."""
    if store.dialect != "postgresql":
        return
    with store.engine.connect() as conn:
        conn.execute(text("SET default_transaction_read_only = off"))
        conn.execute(
            text(f'ALTER DATABASE "{make_url(store.url).database}" RESET default_transaction_read_only')
        )
        conn.commit()


def test_faults_readonly_database_clear_error_data_intact(
    store: Store, populated: Callable[[Store], dict[str, int]]
) -> None:
    ids = populated(store)
    before = _export(store)
    ro = Store(_readonly_url(store))
    try:
        with ro.session(write=False) as s:  # reading still works
            assert len(journal.list_entries(s, ids["me"])) == 3
        with pytest.raises(StoreReadOnly, match="read-only.*untouched") as info, ro.session() as s:
            journal.add_entry(s, ids["me"], "letter", body="cannot be saved")
        assert "HEARTWORK_HOME" in str(info.value) or "role may write" in str(info.value)
        with pytest.raises(StoreReadOnly), ro.session() as s:
            chats.import_chat(s, ids["me"], "x", "test", [(None, "a", "b")] * 10)
    finally:
        ro.close()
    _writable_again(store)
    store.engine.dispose()
    assert _export(store) == before


def test_faults_readonly_cli_message_without_traceback(
    store: Store,
    populated: Callable[[Store], dict[str, int]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from typer.testing import CliRunner

    from heartwork.cli import app

    populated(store)
    with store.session(write=False) as s:
        payload = backup.export_data(s)
    f = tmp_path / "b.json"
    f.write_text(json.dumps(payload))
    monkeypatch.setenv("HEARTWORK_DATABASE_URL", _readonly_url(store))
    r = CliRunner().invoke(app, ["import-backup", str(f), "--replace"])
    assert r.exit_code == 1
    assert "read-only" in r.output and "Traceback" not in r.output
    _writable_again(store)


def test_faults_sqlite_full_database_clear_error_data_intact(
    tmp_path: Path, populated: Callable[[Store], dict[str, int]]
) -> None:
    """SQLITE_FULL via max_page_count: the same error path as a full disk, on any machine."""
    url = f"sqlite:///{tmp_path / 'full.db'}"
    st = open_store(url)
    populated(st)
    before = _export(st)
    with st.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    st.close()
    full = Store(url)

    @event.listens_for(full.engine, "connect")
    def _cap(dbapi_conn: object, _rec: object) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # type: ignore[attr-defined]

    try:
        with pytest.raises(StoreFull, match="full.*untouched"), full.session() as s:
            chats.import_chat(s, users.local_user(s), "big", "test", [(None, "a", "x" * 500)] * 2000)
        assert _export(full) == before
    finally:
        full.close()


@pytest.fixture
def tiny_disk() -> Iterator[Path]:
    """A real 1 MiB filesystem (tmpfs), when we may mount one (root); else skip with the reason."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tiny tmpfs needs root; the max_page_count test covers SQLITE_FULL")
    mnt = Path("/tmp") / f"heartwork-full-{uuid.uuid4().hex[:8]}"
    mnt.mkdir()
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)], capture_output=True)
    if res.returncode != 0:
        mnt.rmdir()
        pytest.skip(f"cannot mount tmpfs here: {res.stderr.decode().strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)
        mnt.rmdir()


def test_faults_real_full_disk_clear_error_data_intact(
    tiny_disk: Path, populated: Callable[[Store], dict[str, int]]
) -> None:
    st = open_store(f"sqlite:///{tiny_disk / 'heartwork.db'}")
    try:
        populated(st)
        before = _export(st)
        with pytest.raises(StoreFull, match="Free some space"), st.session() as s:
            chats.import_chat(s, users.local_user(s), "big", "test", [(None, "a", "y" * 800)] * 5000)
        assert _export(st) == before
        with st.session(write=False) as s:
            assert [c.name for c in chats.list_chats(s, users.local_user(s))] == ["WhatsApp with Ben"]
    finally:
        st.close()
