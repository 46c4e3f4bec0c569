from __future__ import annotations

import pytest
from sqlalchemy import text

from heartwork.store import Store, journal, users


def test_db_opens_migrated_and_round_trips_an_entry(store: Store) -> None:
    with store.session() as s:
        me = users.local_user(s)
        e = journal.record_practice(s, me, "self-compassion-break", {"kindness": "May I be kind to myself"})
        entry_id = e.id
    with store.session(write=False) as s:
        got = journal.get_entry(s, entry_id)
        assert got.kind == "practice"
        assert got.data == {
            "practice": "self-compassion-break",
            "answers": {"kindness": "May I be kind to myself"},
        }
        assert got.created_at.tzinfo is not None
    assert store.current_revision() == store.head_revision()


def test_db_rolls_back_a_failed_unit_of_work(store: Store) -> None:
    with store.session() as s:
        me_id = users.local_user(s).id
    with pytest.raises(RuntimeError), store.session() as s:
        journal.add_entry(s, me_id, "letter", body="half-written")
        raise RuntimeError("boom")
    with store.session(write=False) as s:
        assert journal.list_entries(s, me_id) == []


def test_db_sqlite_pragmas(store: Store) -> None:
    if store.dialect != "sqlite":
        pytest.skip("SQLite-specific")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_db_postgres_is_really_postgres(store: Store) -> None:
    if store.dialect != "postgresql":
        pytest.skip("PostgreSQL-specific")
    with store.engine.connect() as conn:
        assert "PostgreSQL" in conn.execute(text("SELECT version()")).scalar_one()
