"""Text with a NUL character (\\x00) is refused with one clear NulCharacter, identically on SQLite and PostgreSQL
(PostgreSQL text cannot hold NUL), for every text column, encrypted or not, and nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from heartwork.store import (
    NulCharacter,
    Store,
    StoreError,
    backup,
    chats,
    choices,
    conversations,
    journal,
    pairs,
    questionnaires,
    users,
)
from heartwork.store.crypto import KdfParams
from heartwork.store.models import ChatMessage, User
from heartwork.store.types import utcnow

FAST = KdfParams(n=2**10)  # tests only
NUL = "before\x00after"


def _pair(s: Session) -> tuple[User, User]:
    me = users.local_user(s)
    ben = users.get_user_by_username(s, "ben") or users.create_user(s, "ben")
    if pairs.current_pair(s, me) is None:
        pairs.accept_invite(s, ben, pairs.create_invite(s, me))
    return me, ben


def _me(s: Session) -> User:
    return users.local_user(s)


def _draft(s: Session) -> object:
    me = _pair(s)[0]
    conv = conversations.start_conversation(s, me, "the trip")
    return conversations.save_draft(s, conv, me, NUL)


def _edit_draft(s: Session) -> object:
    me = _pair(s)[0]
    conv = conversations.start_conversation(s, me, "the trip")
    turn = conversations.save_draft(s, conv, me, "a clean draft")
    return conversations.save_draft(s, conv, me, NUL, turn=turn)


def _send(s: Session) -> object:
    me = _pair(s)[0]
    turn = conversations.save_draft(
        s, conversations.start_conversation(s, me, "the trip"), me, "a clean draft"
    )
    return conversations.send_turn(s, turn, me, NUL)


def _update_entry(s: Session) -> object:
    return journal.update_entry(s, journal.add_entry(s, _me(s), "letter", body="clean"), _me(s), body=NUL)


def _set_attribute(s: Session) -> None:
    _me(s).display_name = NUL
    s.flush()


def _core_insert(s: Session) -> None:
    chat = chats.import_chat(s, _me(s), "c", "whatsapp", [])
    s.execute(insert(ChatMessage), [{"chat_id": chat.id, "author": "Ben", "text": NUL}])


# Every way the store writes text: (what, write(session)).
WRITES: list[tuple[str, Callable[[Session], object]]] = [
    ("users.username", lambda s: users.create_user(s, NUL)),
    ("users.display_name", lambda s: users.create_user(s, "cy", display_name=NUL)),
    ("users.password_hash", lambda s: users.create_user(s, "dee", password_hash=NUL)),
    ("journal.title", lambda s: journal.add_entry(s, _me(s), "letter", title=NUL)),
    ("journal.body", lambda s: journal.add_entry(s, _me(s), "letter", body=NUL)),
    ("journal.update_entry", _update_entry),
    ("choices.note", lambda s: choices.add_choice(s, _me(s), "compassion", note=NUL)),
    ("questionnaires.instrument", lambda s: questionnaires.add_response(s, _me(s), NUL, [], {})),
    ("conversations.title", lambda s: conversations.start_conversation(s, _pair(s)[0], NUL)),
    ("conversations.draft", _draft),
    ("conversations.edited_draft", _edit_draft),
    ("conversations.sent_text", _send),
    ("chats.name", lambda s: chats.import_chat(s, _me(s), NUL, "whatsapp", [])),
    ("chats.source_format", lambda s: chats.import_chat(s, _me(s), "c", NUL, [])),
    ("chats.message_text", lambda s: chats.import_chat(s, _me(s), "c", "whatsapp", [(utcnow(), "Ben", NUL)])),
    (
        "chats.message_author",
        lambda s: chats.import_chat(s, _me(s), "c", "whatsapp", [(utcnow(), NUL, "hi")]),
    ),
    ("orm_attribute", _set_attribute),
    ("core_insert", _core_insert),
]


def _snapshot(store: Store) -> dict[str, Any]:
    with store.session(write=False) as s:
        d = backup.export_data(s)
    d.pop("exported_at")
    return d


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
@pytest.mark.parametrize(("what", "write"), WRITES, ids=[w for w, _ in WRITES])
def test_nul_in_any_text_column_is_refused_clearly_and_nothing_is_written(
    store: Store, what: str, write: Callable[[Session], object], encrypted: bool
) -> None:
    with store.session() as s:  # the people the writes need exist before the snapshot
        _pair(s)
    if encrypted:
        store.set_passphrase("correct horse battery", kdf=FAST)
    before = _snapshot(store)
    with pytest.raises(NulCharacter) as info, store.session() as s:
        write(s)
    assert isinstance(info.value, StoreError)  # shown without a traceback, like every store error
    assert str(info.value).startswith("The text contains a NUL character (\\x00), which cannot be stored")
    assert "remove it" in str(info.value)
    assert _snapshot(store) == before, f"{what}: something was written"
    with store.session() as s:  # the store still works after the refusal
        journal.add_entry(s, users.local_user(s), "letter", body="before after")


def test_nul_in_a_lookup_is_refused_the_same_way(store: Store) -> None:
    """PostgreSQL cannot even compare with such text; SQLite answers the same way so callers see one behaviour."""
    with pytest.raises(NulCharacter), store.session(write=False) as s:
        users.get_user_by_username(s, NUL)
    with pytest.raises(NulCharacter), store.session(write=False) as s:
        s.scalar(select(User).where(User.display_name == NUL))


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_nul_inside_json_values_round_trips_unchanged(store: Store, encrypted: bool) -> None:
    """JSON columns write a NUL as the escape \\u0000 (plain text for both databases): lossless, so allowed."""
    if encrypted:
        store.set_passphrase("correct horse battery", kdf=FAST)
    data = {"answers": {"kindness": NUL}, NUL: [NUL]}
    with store.session() as s:
        entry_id = journal.add_entry(s, users.local_user(s), "letter", body="ok", data=data).id
    with store.session(write=False) as s:
        assert journal.get_entry(s, entry_id).data == data


def test_restoring_a_backup_with_nul_text_is_refused_and_changes_nothing(
    store: Store, populated: Callable[[Store], dict[str, int]]
) -> None:
    populated(store)
    before = _snapshot(store)
    payload = _snapshot(store)
    rows = payload["tables"]["journal_entries"]
    rows[0]["body"] = NUL
    with pytest.raises(NulCharacter), store.session() as s:
        backup.import_data(s, payload, replace=True)
    assert _snapshot(store) == before


def test_text_without_nul_still_round_trips_on_both_databases(store: Store) -> None:
    text = "tab\there, emoji ✨, a zero 0, the escape \\x00 written out, and U+2400 ␀"
    with store.session() as s:
        me = users.local_user(s)
        entry_id = journal.add_entry(s, me, "letter", title=text, body=text).id
        chats.import_chat(s, me, text, "whatsapp", [(utcnow() - timedelta(minutes=1), text, text)])
    with store.session(write=False) as s:
        e = journal.get_entry(s, entry_id)
        assert (e.title, e.body) == (text, text)
        (chat,) = chats.list_chats(s, users.local_user(s))
        (m,) = chats.iter_messages(s, chat)
        assert (chat.name, m.author, m.text) == (text, text, text)
