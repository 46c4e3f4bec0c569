"""The web app's door to storage: a thin layer over the store's repositories (``heartwork.store``).

Everything here goes through ``store.session()`` units of work and the store's own permission rules
(private by default, partner sees only what was shared, sensitive entries never). The few queries the
repositories do not offer yet (delete an account, export everything of one person) live here, written with
the store's models.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from heartwork.settings import Settings
from heartwork.web.deps import Viewer


class Data:
    """Opens the store on first use (so building the app stays fast and tests can set the URL first)."""

    def __init__(self, settings: Settings, store: Any = None) -> None:
        self.settings = settings
        self._store: Any = store  # an open (and, if encrypted, unlocked) heartwork.store.Store, or None
        self._lock = threading.Lock()

    @property
    def store(self) -> Any:
        if self._store is None:
            with self._lock:
                if self._store is None:
                    from heartwork.store import open_store

                    self._store = open_store(self.settings.database_url)
        return self._store

    @contextmanager
    def session(self, write: bool = True) -> Iterator[Any]:
        with self.store.session(write=write) as s:
            yield s

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    # -- accounts ------------------------------------------------------------------------------------
    @staticmethod
    def to_viewer(user: Any) -> Viewer:
        return Viewer(id=user.id, email=user.username, name=user.display_name or user.username)

    def viewer(self, uid: int) -> Viewer | None:
        from heartwork.store.models import User

        with self.session(write=False) as s:
            user = s.get(User, uid)
            return None if user is None or not user.password_hash else self.to_viewer(user)

    def password_hash(self, username: str) -> tuple[int, str] | None:
        from heartwork.store import users

        with self.session(write=False) as s:
            user = users.get_user_by_username(s, username)
            if user is None or not user.password_hash:
                return None
            return user.id, user.password_hash

    def set_password_hash(self, uid: int, password_hash: str) -> None:
        from heartwork.store import users

        with self.session() as s:
            users.get_user(s, uid).password_hash = password_hash

    def create_account(self, username: str, password_hash: str, display_name: str) -> Viewer:
        from heartwork.store import users

        with self.session() as s:
            return self.to_viewer(
                users.create_user(s, username, password_hash=password_hash, display_name=display_name)
            )

    def delete_account(self, uid: int) -> None:
        """Delete the person and everything of theirs: the store's one erase path (heartwork.store.backup)."""
        from heartwork.store.backup import delete_user_data

        with self.session() as s:
            delete_user_data(s, uid)

    def export(self, uid: int) -> dict[str, Any]:
        """Everything stored about one person, as plain JSON-able data (what "My data → Export" gives)."""
        from sqlalchemy import or_, select

        from heartwork.store.models import (
            Chat,
            Conversation,
            ConversationTurn,
            DailyChoice,
            JournalEntry,
            Pair,
            QuestionnaireResponse,
            User,
        )

        def iso(value: datetime | None) -> str | None:
            return None if value is None else value.isoformat()

        with self.session(write=False) as s:
            user = s.get(User, uid)
            if user is None:
                return {}
            pairs = list(s.scalars(select(Pair).where(or_(Pair.user_a == uid, Pair.user_b == uid))))
            conv_ids = [
                c.id
                for c in s.scalars(
                    select(Conversation).where(Conversation.pair_id.in_([p.id for p in pairs]))
                )
            ]
            return {
                "format": "heartwork-export",
                "version": 1,
                "exported_at": datetime.now().astimezone().isoformat(),
                "account": {
                    "username": user.username,
                    "display_name": user.display_name,
                    "created_at": iso(user.created_at),
                },
                "journal_entries": [
                    {
                        "id": e.id,
                        "kind": e.kind,
                        "title": e.title,
                        "body": e.body,
                        "data": e.data,
                        "shared": e.shared,
                        "sensitive": e.sensitive,
                        "created_at": iso(e.created_at),
                    }
                    for e in s.scalars(
                        select(JournalEntry).where(JournalEntry.user_id == uid).order_by(JournalEntry.id)
                    )
                ],
                "daily_choices": [
                    {
                        "day": c.day.isoformat(),
                        "choice": c.choice,
                        "note": c.note,
                        "created_at": iso(c.created_at),
                    }
                    for c in s.scalars(
                        select(DailyChoice).where(DailyChoice.user_id == uid).order_by(DailyChoice.id)
                    )
                ],
                "questionnaire_responses": [
                    {
                        "instrument": r.instrument,
                        "answers": r.answers,
                        "scores": r.scores,
                        "share_consent": r.share_consent,
                        "created_at": iso(r.created_at),
                    }
                    for r in s.scalars(
                        select(QuestionnaireResponse)
                        .where(QuestionnaireResponse.user_id == uid)
                        .order_by(QuestionnaireResponse.id)
                    )
                ],
                "pairs": [{"created_at": iso(p.created_at), "ended_at": iso(p.ended_at)} for p in pairs],
                # My own turns only (drafts included); the partner's words are theirs to export.
                "conversation_turns": [
                    {
                        "conversation_id": t.conversation_id,
                        "private_draft": t.private_draft,
                        "sent_text": t.sent_text,
                        "sent_at": iso(t.sent_at),
                        "created_at": iso(t.created_at),
                    }
                    for t in s.scalars(
                        select(ConversationTurn)
                        .where(
                            ConversationTurn.user_id == uid, ConversationTurn.conversation_id.in_(conv_ids)
                        )
                        .order_by(ConversationTurn.id)
                    )
                ],
                "chats": [
                    {
                        "name": c.name,
                        "source_format": c.source_format,
                        "imported_at": iso(c.imported_at),
                        "messages": [
                            {"ts": iso(m.ts), "author": m.author, "text": m.text} for m in c.messages
                        ],
                    }
                    for c in s.scalars(select(Chat).where(Chat.user_id == uid).order_by(Chat.id))
                ],
            }


# -- queries the repositories do not offer (yet) -------------------------------------------------------------

#: Journal kind the safety check-in writes (heartwork.store.journal.KNOWN_KINDS); always sensitive.
SAFETY_CHECKIN_KIND = "safety_checkin"


def latest_checkin(s: Any, uid: int) -> Any:
    """This person's most recent safety check-in (heartwork.safety.checkin.CheckinResult), or None."""
    from heartwork.safety.checkin import CheckinResult
    from heartwork.store import journal

    latest = journal.list_entries(s, uid, kind=SAFETY_CHECKIN_KIND, limit=1)
    if not latest or not isinstance(latest[0].data, dict):
        return None
    return CheckinResult.from_dict(latest[0].data)


def checkin_shows_risk(s: Any, uid: int) -> bool:
    """Whether this person's most recent safety check-in shows risk (read only for the joint-feature gate;
    never shown to the partner)."""
    result = latest_checkin(s, uid)
    return bool(result is not None and result.at_risk)


def joint_status(s: Any, uid: int, partner_id: int | None) -> dict[str, Any]:
    """May this pair use joint features (the repair conversation) now?

    ``open`` is False when either partner's latest check-in shows risk. ``me_at_risk`` is only about the
    viewer themself; the viewer is never told that it is their partner's check-in that closed it.
    """
    me = checkin_shows_risk(s, uid)
    other = checkin_shows_risk(s, partner_id) if partner_id is not None else False
    return {"open": not (me or other), "me_at_risk": me}


def joint_status_for_conv(s: Any, uid: int, conv: Any) -> dict[str, Any]:
    from heartwork.store.models import Pair

    pair = s.get(Pair, conv.pair_id)
    return joint_status(s, uid, pair.other(uid) if pair is not None else None)


def questionnaire_reveal(s: Any, uid: int, partner_id: int) -> list[dict[str, Any]]:
    """Per instrument: whether each of us answered and agreed, and the partner's latest result when revealed
    (both answered and both agreed — heartwork.store.questionnaires.partner_results enforces it)."""
    from heartwork.practice.questionnaires import INSTRUMENTS, interpret
    from heartwork.store import questionnaires

    out = []
    for inst in INSTRUMENTS.values():
        mine = questionnaires.latest_response(s, uid, inst.id)
        theirs = questionnaires.partner_results(s, uid, partner_id, inst.id)
        latest = theirs[-1] if theirs else None
        out.append(
            {
                "id": inst.id,
                "name": inst.name,
                "i_answered": mine is not None,
                "i_agreed": bool(mine is not None and mine.share_consent),
                "revealed": latest is not None,
                "partner_total": None if latest is None else latest.scores.get("total"),
                "partner_sentence": None if latest is None else interpret(inst, latest.scores),
            }
        )
    return out
