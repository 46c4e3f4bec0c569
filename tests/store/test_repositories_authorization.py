"""Private by default: who may see what, across pairing, sharing, sensitive entries, questionnaires,
repair conversations and imported chats. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from heartwork.store import (
    InviteError,
    NotShareable,
    PermissionDenied,
    Store,
    chats,
    conversations,
    journal,
    pairs,
    questionnaires,
    users,
)
from heartwork.store.types import utcnow


def _three(store: Store) -> tuple[int, int, int]:
    with store.session() as s:
        a = users.create_user(s, "ana", password_hash="x")
        b = users.create_user(s, "ben", password_hash="y")
        c = users.create_user(s, "cy", password_hash="z")
        return a.id, b.id, c.id


def _pair(store: Store, a: int, b: int) -> None:
    with store.session() as s:
        code = pairs.create_invite(s, a)
    with store.session() as s:
        pairs.accept_invite(s, b, code)


def test_repositories_entries_private_by_default_and_shared_only_with_partner(store: Store) -> None:
    a, b, c = _three(store)
    with store.session() as s:
        private = journal.add_entry(s, a, "letter", title="to me", body="private words").id
        shared = journal.add_entry(s, a, "reactive_moment", body="I snapped", shared=False).id
        journal.set_shared(s, shared, a, True)
    with store.session(write=False) as s:
        # Not paired yet: nobody but the owner sees anything, shared or not.
        assert journal.visible_entries(s, b, a) == []
        assert {e.id for e in journal.visible_entries(s, a, a)} == {private, shared}
    _pair(store, a, b)
    with store.session(write=False) as s:
        assert [e.id for e in journal.visible_entries(s, b, a)] == [shared]
        assert journal.visible_entries(s, c, a) == []  # an outsider sees nothing of another couple
        with pytest.raises(PermissionDenied):
            journal.get_entry(s, private, viewer=b)
        assert journal.get_entry(s, shared, viewer=b).body == "I snapped"
        with pytest.raises(PermissionDenied):
            journal.get_entry(s, shared, viewer=c)
    with store.session() as s:
        with pytest.raises(PermissionDenied):
            journal.set_shared(s, private, b, True)  # only the owner shares
        pairs.unpair(s, b)  # either partner may unpair at any time
    with store.session(write=False) as s:
        assert journal.visible_entries(s, b, a) == []


def test_repositories_sensitive_entries_never_visible_to_partner(store: Store) -> None:
    a, b, _ = _three(store)
    _pair(store, a, b)
    with store.session() as s:
        check = journal.add_entry(s, a, "safety_checkin", body="I am afraid of him", data={"fear": True})
        assert check.sensitive
        with pytest.raises(NotShareable):
            journal.set_shared(s, check, a, True)
        with pytest.raises(NotShareable):
            journal.add_entry(s, a, "letter", body="safety", sensitive=True, shared=True)
        check_id = check.id
    with store.session(write=False) as s:
        assert journal.visible_entries(s, b, a) == []
        with pytest.raises(PermissionDenied):
            journal.get_entry(s, check_id, viewer=b)
    # Even a write that bypasses the repository cannot make a sensitive entry shared: a CHECK constraint.
    with pytest.raises(IntegrityError), store.session() as s:
        e = journal.get_entry(s, check_id)
        e.shared = True
        s.flush()


def test_repositories_invite_codes_are_one_time_and_expire(store: Store) -> None:
    a, b, c = _three(store)
    with store.session() as s:
        code = pairs.create_invite(s, a)
        old = pairs.create_invite(s, c, now=utcnow() - timedelta(days=3))
    with store.session() as s, pytest.raises(InviteError, match="expired"):
        pairs.accept_invite(s, b, old)
    with store.session() as s, pytest.raises(InviteError, match="own"):
        pairs.accept_invite(s, a, code)
    with store.session() as s, pytest.raises(InviteError, match="not known"):
        pairs.accept_invite(s, b, "AAAAA-BBBBB")
    with store.session() as s:
        pair = pairs.accept_invite(s, b, code.lower().replace("-", " "))  # forgiving about case/spacing
        assert {pair.user_a, pair.user_b} == {a, b}
        assert pairs.are_paired(s, a, b) and pairs.are_paired(s, b, a)
        assert pairs.partner_of(s, a).id == b
    with store.session() as s, pytest.raises(InviteError, match="already used"):
        pairs.accept_invite(s, c, code)
    with store.session(write=False) as s:
        assert not pairs.are_paired(s, a, c)


def test_repositories_questionnaires_revealed_only_when_both_answered_and_consented(store: Store) -> None:
    a, b, c = _three(store)
    _pair(store, a, b)
    with store.session() as s:
        ra = questionnaires.add_response(s, a, "csi-4", [5, 4, 5, 20], {"total": 17}, share_consent=True).id
    with store.session(write=False) as s:
        assert questionnaires.partner_results(s, b, a, "csi-4") == []  # b has not answered
    with store.session() as s:
        rb = questionnaires.add_response(s, b, "csi-4", [3, 3, 3, 12], {"total": 12}, share_consent=False).id
    with store.session(write=False) as s:
        assert questionnaires.partner_results(s, b, a, "csi-4") == []  # b answered but did not agree
        assert questionnaires.partner_results(s, a, b, "csi-4") == []
        assert questionnaires.partner_results(s, b, a, "scs-sf") == []
    with store.session() as s:
        questionnaires.set_share_consent(s, rb, b, True)
    with store.session(write=False) as s:
        assert [r.id for r in questionnaires.partner_results(s, b, a, "csi-4")] == [ra]
        assert [r.id for r in questionnaires.partner_results(s, a, b, "csi-4")] == [rb]
        assert questionnaires.partner_results(s, c, a, "csi-4") == []
    with store.session() as s:
        questionnaires.set_share_consent(s, ra, a, False)  # consent can be withdrawn
        with pytest.raises(PermissionDenied):
            questionnaires.set_share_consent(s, ra, b, True)
    with store.session(write=False) as s:
        assert questionnaires.partner_results(s, b, a, "csi-4") == []


def test_repositories_conversation_drafts_private_until_sent(store: Store) -> None:
    a, b, c = _three(store)
    with store.session() as s, pytest.raises(PermissionDenied, match="partner"):
        conversations.start_conversation(s, a, "no partner")
    _pair(store, a, b)
    with store.session() as s:
        conv = conversations.start_conversation(s, a, "the dinner")
        t = conversations.save_draft(s, conv, a, "You always... no. I was hurt.")
        conv_id, turn_id = conv.id, t.id
    with store.session(write=False) as s:
        assert conversations.visible_turns(s, conv_id, b) == []
        assert [x.id for x in conversations.visible_turns(s, conv_id, a)] == [turn_id]
        with pytest.raises(PermissionDenied):
            conversations.visible_turns(s, conv_id, c)
        with pytest.raises(PermissionDenied):
            conversations.get_conversation(s, conv_id, c)
    with store.session() as s:
        with pytest.raises(PermissionDenied):
            conversations.send_turn(s, turn_id, b, "not mine")
        conversations.send_turn(s, turn_id, a, "I felt hurt when the plans changed.")
        conversations.set_stage(s, conv_id, b, "hear-the-hurt")
    with store.session(write=False) as s:
        seen = conversations.visible_turns(s, conv_id, b)
        assert [x.sent_text for x in seen] == ["I felt hurt when the plans changed."]
        assert conversations.get_conversation(s, conv_id, a).stage == "hear-the-hurt"
        assert [x.id for x in conversations.list_conversations(s, b)] == [conv_id]
        assert conversations.list_conversations(s, c) == []


def test_repositories_chats_are_private_and_import_is_all_or_nothing(store: Store) -> None:
    a, b, _ = _three(store)
    _pair(store, a, b)
    now = utcnow()
    with store.session() as s:
        chat = chats.import_chat(
            s, a, "us", "whatsapp", [(now, "Ana", "hi"), {"ts": None, "author": "Ben", "text": "hey ❤"}]
        )
        chat_id = chat.id
    with store.session(write=False) as s:
        assert [m.text for m in chats.iter_messages(s, chat_id)] == ["hi", "hey ❤"]
        assert chats.count_messages(s, chat_id) == 2
        with pytest.raises(PermissionDenied):
            chats.get_chat(s, chat_id, b)
    good = [(now, "Ana", f"message {i}") for i in range(2500)]
    with pytest.raises(Exception, match="no text"), store.session() as s:
        chats.import_chat(s, a, "broken", "whatsapp", [*good, (now, "Ana", None)])
    with store.session(write=False) as s:
        assert [c.name for c in chats.list_chats(s, a)] == ["us"]
        assert chats.count_messages(s, chat_id) == 2
        from heartwork.store import backup

        assert backup.count_rows(s)["chat_messages"] == 2


def test_repositories_local_user_created_once(store: Store) -> None:
    with store.session() as s:
        first = users.local_user(s).id
    with store.session() as s:
        assert users.local_user(s).id == first
        assert users.local_user(s).password_hash is None
        with pytest.raises(Exception, match="taken"):
            users.create_user(s, "me")
