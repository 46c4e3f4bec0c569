"""One parametrised fixture runs the storage suite on SQLite (a real file) and PostgreSQL (a real server).

PostgreSQL: each test gets its own new database (``postgres_url``) on the session's server
(``postgres_admin_url``); both fixtures live in tests/conftest.py, shared with the web app's PostgreSQL test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from heartwork.store import Store, chats, choices, conversations, journal, pairs, questionnaires, users
from heartwork.store.types import utcnow


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of a new, empty database: a SQLite file, or a fresh database on the PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'heartwork.db'}"
        return
    yield request.getfixturevalue("postgres_url")


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
