"""Migrations: upgrade-from-previous keeps data, downgrade keeps data, and the migrated schema matches the
models. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text

from heartwork.store import Store, choices, journal, questionnaires, users
from heartwork.store.db import open_store

T0 = datetime(2024, 5, 1, 12, 30, 15, 123456)


def _seed_at_0001(st: Store) -> None:
    """Rows written the way revision 0001 stored them (plain text, JSON columns)."""
    with st.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (id, username, password_hash, display_name, created_at) VALUES (1, 'me', NULL, 'me', :t)"
            ),
            {"t": T0},
        )
        conn.execute(
            text(
                "INSERT INTO journal_entries (id, user_id, kind, title, body, data, shared, sensitive, created_at) "
                "VALUES (1, 1, 'practice', 'Self-compassion break', 'I was scared ✨', :d, false, false, :t)"
            ),
            {
                "d": json.dumps(
                    {"practice": "self-compassion-break", "answers": {"kindness": "May I be kind"}}
                ),
                "t": T0,
            },
        )
        conn.execute(
            text(
                "INSERT INTO journal_entries (id, user_id, kind, title, body, data, shared, sensitive, created_at) "
                "VALUES (2, 1, 'letter', 'p: looks like a tag', 'e1:not really encrypted', NULL, false, false, :t)"
            ),
            {"t": T0},
        )
        conn.execute(
            text(
                "INSERT INTO daily_choices (id, user_id, day, choice, note, analysis, created_at) "
                "VALUES (1, 1, :day, 'compassion', 'paused before answering', :a, :t)"
            ),
            {"day": date(2024, 5, 1), "a": json.dumps({"labels": ["validation"]}), "t": T0},
        )
        conn.execute(
            text(
                "INSERT INTO questionnaire_responses (id, user_id, instrument, answers, scores, share_consent, created_at) "
                "VALUES (1, 1, 'scs-sf', :ans, :sc, false, :t)"
            ),
            {
                "ans": json.dumps([1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2]),
                "sc": json.dumps({"total": 2.75}),
                "t": T0,
            },
        )
        if conn.dialect.name == "postgresql":  # explicit ids: move the sequences past them
            for table in ("users", "journal_entries", "daily_choices", "questionnaire_responses"):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                    )
                )


def _check_seed(st: Store) -> None:
    with st.session(write=False) as s:
        entries = {e.id: e for e in journal.list_entries(s, 1)}
        assert entries[1].body == "I was scared ✨"
        assert entries[1].data == {
            "practice": "self-compassion-break",
            "answers": {"kindness": "May I be kind"},
        }
        assert entries[1].created_at == T0.replace(tzinfo=UTC)
        assert entries[2].title == "p: looks like a tag" and entries[2].body == "e1:not really encrypted"
        assert entries[2].data is None
        [c] = choices.list_choices(s, 1)
        assert (c.day, c.choice, c.note, c.analysis) == (
            date(2024, 5, 1),
            "compassion",
            "paused before answering",
            {"labels": ["validation"]},
        )
        [r] = questionnaires.list_responses(s, 1, "scs-sf")
        assert r.answers == [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2] and r.scores == {"total": 2.75}
        assert users.get_user(s, 1).username == "me"


def test_migrations_upgrade_from_previous_keeps_data(db_url: str) -> None:
    st = open_store(db_url, upgrade=False)
    try:
        st.upgrade("0001")
        assert st.current_revision() == "0001"
        _seed_at_0001(st)
        st.upgrade()
        assert st.current_revision() == st.head_revision() == "0002"
        _check_seed(st)
        # And the upgraded database works normally afterwards.
        with st.session() as s:
            assert journal.add_entry(s, 1, "letter", body="after upgrade").id == 3
    finally:
        st.close()


def test_migrations_downgrade_keeps_data(db_url: str) -> None:
    st = open_store(db_url, upgrade=False)
    try:
        st.upgrade("0001")
        _seed_at_0001(st)
        st.upgrade()
        st.downgrade("0001")
        assert st.current_revision() == "0001"
        with st.engine.connect() as conn:
            body, title, data = conn.execute(
                text("SELECT body, title, data FROM journal_entries WHERE id = 1")
            ).one()
            assert body == "I was scared ✨" and title == "Self-compassion break"
            assert (json.loads(data) if isinstance(data, str) else data)["answers"] == {
                "kindness": "May I be kind"
            }
            assert (
                conn.execute(text("SELECT body FROM journal_entries WHERE id = 2")).scalar()
                == "e1:not really encrypted"
            )
        st.upgrade()
        _check_seed(st)
    finally:
        st.close()


def test_migrations_downgrade_refused_while_encrypted(db_url: str) -> None:
    from heartwork.store.crypto import KdfParams

    st = open_store(db_url)
    try:
        with st.session() as s:
            journal.add_entry(s, users.local_user(s), "letter", body="secret")
        st.set_passphrase("long enough pass", kdf=KdfParams(n=2**10))
        with pytest.raises(RuntimeError, match="remove the passphrase"):
            st.downgrade("0001")
        assert st.current_revision() == "0002"  # the failed downgrade changed nothing
        with st.session(write=False) as s:
            assert journal.list_entries(s, 1)[0].body == "secret"
    finally:
        st.close()


def test_migrations_schema_matches_models(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from heartwork.store.models import Base

    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": store.dialect == "postgresql"})
        diffs = compare_metadata(ctx, Base.metadata)
    # SQLite keeps the declared types of revision 0001 (it does not enforce them; see 0002's docstring).
    assert diffs == []
