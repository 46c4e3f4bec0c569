"""Export everything as JSON, restore it exactly, and erase it.

The backup is a JSON document::

    {"format": "heartwork-backup", "version": 1, "schema_revision": "0002", "scope": "all",
     "exported_at": "...", "tables": {"users": [{"id": 1, ...}], "journal_entries": [...], ...}}

Values are decrypted (the backup is self-contained; encrypt it with ``--encrypt``, see crypto.encode_backup).
Ids are kept, so an export -> delete -> import -> export round trip gives an identical document (apart from
``exported_at``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from heartwork.store.errors import BackupError
from heartwork.store.models import (
    Base,
    Chat,
    ChatMessage,
    Conversation,
    ConversationTurn,
    DailyChoice,
    JournalEntry,
    Pair,
    PairInvite,
    QuestionnaireResponse,
    User,
)
from heartwork.store.types import UTCDateTime, utcnow

__all__ = [
    "BACKUP_FORMAT",
    "BACKUP_VERSION",
    "MODELS",
    "count_rows",
    "delete_all",
    "delete_user_data",
    "export_data",
    "import_data",
    "is_empty",
]

BACKUP_FORMAT = "heartwork-backup"
BACKUP_VERSION = 1

#: Tables in dependency order (parents first). The keyring is not data and is never exported.
MODELS: tuple[type[Base], ...] = (
    User,
    Pair,
    PairInvite,
    JournalEntry,
    DailyChoice,
    QuestionnaireResponse,
    Conversation,
    ConversationTurn,
    Chat,
    ChatMessage,
)
_BY_TABLE = {m.__tablename__: m for m in MODELS}


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _from_json(column: Any, value: Any) -> Any:
    if value is None:
        return None
    try:
        if isinstance(column.type, UTCDateTime):
            return datetime.fromisoformat(value)
        if isinstance(column.type, sa.Date):
            return date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise BackupError(
            f"Bad value {value!r} for {column.table.name}.{column.name} in the backup: {exc}"
        ) from exc
    return value


def _row(obj: Any) -> dict[str, Any]:
    return {c.key: _to_json(getattr(obj, c.key)) for c in obj.__table__.columns}


def export_data(s: Session, user: User | int | None = None, *, revision: str | None = None) -> dict[str, Any]:
    """Everything in the database (``user=None``), or one person's own data (``user``: for "My data" in
    the web app: their account without the password hash, their entries, choices, questionnaires, chats,
    their pairs and invites, and the repair conversations of their pairs with their own turns and the
    partner's *sent* turns only)."""
    tables: dict[str, list[dict[str, Any]]] = {}
    if user is None:
        for model in MODELS:
            tables[model.__tablename__] = [
                _row(o) for o in s.scalars(sa.select(model).order_by(model.__table__.c.id))
            ]
        scope: Any = "all"
    else:
        uid = user if isinstance(user, int) else user.id
        u = s.get(User, uid)
        if u is None:
            raise BackupError(f"No user with id {uid}.")
        me = _row(u)
        me["password_hash"] = None
        tables["users"] = [me]
        pairs = list(
            s.scalars(sa.select(Pair).where((Pair.user_a == uid) | (Pair.user_b == uid)).order_by(Pair.id))
        )
        tables["pairs"] = [_row(p) for p in pairs]
        own = {
            PairInvite: PairInvite.from_user,
            JournalEntry: JournalEntry.user_id,
            DailyChoice: DailyChoice.user_id,
            QuestionnaireResponse: QuestionnaireResponse.user_id,
            Chat: Chat.user_id,
        }
        for model, col in own.items():
            tables[model.__tablename__] = [
                _row(o) for o in s.scalars(sa.select(model).where(col == uid).order_by(model.__table__.c.id))
            ]
        convs = list(
            s.scalars(
                sa.select(Conversation)
                .where(Conversation.pair_id.in_([p.id for p in pairs]))
                .order_by(Conversation.id)
            )
        )
        tables["conversations"] = [_row(c) for c in convs]
        turns = []
        for t in s.scalars(
            sa.select(ConversationTurn)
            .where(ConversationTurn.conversation_id.in_([c.id for c in convs]))
            .order_by(ConversationTurn.id)
        ):
            if t.user_id == uid:
                turns.append(_row(t))
            elif t.sent_at is not None:
                r = _row(t)
                r["private_draft"] = ""  # the partner's private draft is theirs alone
                turns.append(r)
        tables["conversation_turns"] = turns
        chat_ids = [r["id"] for r in tables["chats"]]
        tables["chat_messages"] = [
            _row(m)
            for m in s.scalars(
                sa.select(ChatMessage).where(ChatMessage.chat_id.in_(chat_ids)).order_by(ChatMessage.id)
            )
        ]
        scope = {"user": u.username}
    return {
        "format": BACKUP_FORMAT,
        "version": BACKUP_VERSION,
        "schema_revision": revision,
        "scope": scope,
        "exported_at": utcnow().isoformat(),
        "tables": tables,
    }


def count_rows(s: Session) -> dict[str, int]:
    return {m.__tablename__: int(s.scalar(sa.select(sa.func.count()).select_from(m)) or 0) for m in MODELS}


def is_empty(s: Session) -> bool:
    return not any(count_rows(s).values())


def delete_all(s: Session) -> dict[str, int]:
    """Erase every record (children first). Returns how many rows each table had."""
    counts = count_rows(s)
    for model in reversed(MODELS):
        s.execute(sa.delete(model))
    s.expunge_all()
    return counts


def delete_user_data(s: Session, user: User | int) -> None:
    """Erase one person: their account and everything that belongs to it (database cascades), including
    their pairs and therefore the repair conversations of those pairs. Their partner's own journal,
    choices, questionnaires and chats are untouched."""
    uid = user if isinstance(user, int) else user.id
    # Delete children explicitly too, so this does not depend on cascade support of an old schema.
    pair_ids = sa.select(Pair.id).where((Pair.user_a == uid) | (Pair.user_b == uid))
    conv_ids = sa.select(Conversation.id).where(Conversation.pair_id.in_(pair_ids))
    chat_ids = sa.select(Chat.id).where(Chat.user_id == uid)
    s.execute(sa.delete(ConversationTurn).where(ConversationTurn.conversation_id.in_(conv_ids)))
    s.execute(sa.delete(ConversationTurn).where(ConversationTurn.user_id == uid))
    s.execute(sa.delete(Conversation).where(Conversation.pair_id.in_(pair_ids)))
    s.execute(sa.delete(ChatMessage).where(ChatMessage.chat_id.in_(chat_ids)))
    for model, col in (
        (Chat, Chat.user_id),
        (QuestionnaireResponse, QuestionnaireResponse.user_id),
        (DailyChoice, DailyChoice.user_id),
        (JournalEntry, JournalEntry.user_id),
        (PairInvite, PairInvite.from_user),
    ):
        s.execute(sa.delete(model).where(col == uid))
    s.execute(sa.update(PairInvite).where(PairInvite.used_by == uid).values(used_by=None))
    s.execute(sa.delete(Pair).where((Pair.user_a == uid) | (Pair.user_b == uid)))
    s.execute(sa.delete(User).where(User.id == uid))
    s.expunge_all()


def _reset_sequences(s: Session) -> None:
    if s.get_bind().dialect.name != "postgresql":
        return  # SQLite picks max(id)+1 by itself
    for model in MODELS:
        t = model.__tablename__
        s.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {t}), 1), (SELECT MAX(id) FROM {t}) IS NOT NULL)"
            )
        )


def import_data(s: Session, payload: Any, *, replace: bool = False) -> dict[str, int]:
    """Restore a whole-database backup exactly (same ids), in the caller's transaction: all or nothing.

    Refuses (BackupError) a non-empty database unless ``replace=True`` (which erases it first, in the
    same transaction), a per-person export, an unknown format/version, or unknown tables/columns.
    """
    if not isinstance(payload, dict) or payload.get("format") != BACKUP_FORMAT:
        raise BackupError("This is not a Heartwork backup (expected a JSON file made by `heartwork export`).")
    if payload.get("version") != BACKUP_VERSION:
        raise BackupError(
            f"Backup version {payload.get('version')!r} is not supported (this Heartwork reads {BACKUP_VERSION})."
        )
    if payload.get("scope") != "all":
        raise BackupError(
            "This is one person's export ('My data'), not a whole-database backup; it cannot be restored "
            "with import-backup. Use a backup made by `heartwork export`."
        )
    tables = payload.get("tables")
    if not isinstance(tables, dict):
        raise BackupError("The backup has no 'tables' section; the file is damaged.")
    unknown = sorted(set(tables) - set(_BY_TABLE))
    if unknown:
        raise BackupError(f"The backup has unknown tables {unknown}; valid tables: {sorted(_BY_TABLE)}.")
    if not is_empty(s):
        if not replace:
            raise BackupError(
                "This database already holds data, so nothing was imported. Run `heartwork delete-my-data` "
                "first, or use `heartwork import-backup FILE --replace` to erase and restore in one step."
            )
        delete_all(s)
    counts: dict[str, int] = {}
    for model in MODELS:
        rows = tables.get(model.__tablename__, [])
        if not isinstance(rows, list):
            raise BackupError(
                f"Table {model.__tablename__} in the backup is not a list; the file is damaged."
            )
        columns = {c.key: c for c in model.__table__.columns}
        converted = []
        for i, r in enumerate(rows):
            if not isinstance(r, dict):
                raise BackupError(f"Row {i} of {model.__tablename__} is not an object; the file is damaged.")
            extra = set(r) - set(columns)
            if extra:
                raise BackupError(
                    f"Row {i} of {model.__tablename__} has unknown columns {sorted(extra)}; "
                    f"valid columns: {sorted(columns)}."
                )
            missing = set(columns) - set(r)
            if missing:
                raise BackupError(
                    f"Row {i} of {model.__tablename__} lacks columns {sorted(missing)}; the file is damaged."
                )
            nulls = sorted(k for k, v in r.items() if v is None and not columns[k].nullable)
            if nulls:
                raise BackupError(
                    f"Row {i} of {model.__tablename__} has no value for {nulls}; the file is damaged."
                )
            converted.append({k: _from_json(columns[k], v) for k, v in r.items()})
        for start in range(0, len(converted), 1000):
            s.execute(sa.insert(model), converted[start : start + 1000])
        counts[model.__tablename__] = len(converted)
    s.flush()
    _reset_sequences(s)
    return counts
