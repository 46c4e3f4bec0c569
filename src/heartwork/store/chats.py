"""Imported chat histories. An import is all-or-nothing: it happens inside the caller's unit of work, and
any error (bad message, full disk, killed process) leaves no partial chat behind."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from heartwork.store.errors import NotFound, PermissionDenied, StoreError
from heartwork.store.models import Chat, ChatMessage, User
from heartwork.store.types import utcnow

__all__ = ["count_messages", "delete_chat", "get_chat", "import_chat", "iter_messages", "list_chats"]

#: Rows per INSERT batch when importing (bounded memory for large exports).
IMPORT_BATCH = 1000


def _uid(user: User | int) -> int:
    return user if isinstance(user, int) else user.id


def _fields(m: Any) -> tuple[datetime | None, str, str]:
    """Accept heartwork.model.Message (text, author, timestamp), a mapping, or a (ts, author, text) tuple."""
    if isinstance(m, tuple):
        ts, author, text = m
    elif isinstance(m, dict):
        ts, author, text = m.get("ts", m.get("timestamp")), m.get("author", ""), m.get("text")
    else:
        ts, author, text = getattr(m, "timestamp", None), getattr(m, "author", ""), getattr(m, "text", None)
    if not isinstance(text, str):
        raise StoreError(f"A chat message has no text (got {type(text).__name__}); nothing was imported.")
    if ts is not None and not isinstance(ts, datetime):
        raise StoreError(f"A chat message timestamp must be a datetime, not {type(ts).__name__}.")
    return ts, str(author or "")[:200], text


def import_chat(s: Session, user: User | int, name: str, source_format: str, messages: Iterable[Any]) -> Chat:
    """Store a chat and all its messages in the current transaction. Returns the Chat (with id)."""
    if not name.strip():
        raise StoreError("A chat needs a name.")
    chat = Chat(user_id=_uid(user), name=name[:300], source_format=source_format[:40], imported_at=utcnow())
    s.add(chat)
    s.flush()
    batch: list[dict[str, Any]] = []
    for m in messages:
        ts, author, text = _fields(m)
        batch.append({"chat_id": chat.id, "ts": ts, "author": author, "text": text})
        if len(batch) >= IMPORT_BATCH:
            s.execute(insert(ChatMessage), batch)
            batch = []
    if batch:
        s.execute(insert(ChatMessage), batch)
    s.flush()
    return chat


def get_chat(s: Session, chat_id: int, viewer: User | int) -> Chat:
    chat = s.get(Chat, chat_id)
    if chat is None:
        raise NotFound(f"No imported chat with id {chat_id}.")
    if chat.user_id != _uid(viewer):
        raise PermissionDenied("Imported chats are private to the person who imported them.")
    return chat


def list_chats(s: Session, user: User | int) -> list[Chat]:
    return list(s.scalars(select(Chat).where(Chat.user_id == _uid(user)).order_by(Chat.id)))


def count_messages(s: Session, chat: Chat | int) -> int:
    cid = chat if isinstance(chat, int) else chat.id
    return int(s.scalar(select(func.count()).select_from(ChatMessage).where(ChatMessage.chat_id == cid)) or 0)


def iter_messages(s: Session, chat: Chat | int) -> list[ChatMessage]:
    """Messages in import order."""
    cid = chat if isinstance(chat, int) else chat.id
    return list(s.scalars(select(ChatMessage).where(ChatMessage.chat_id == cid).order_by(ChatMessage.id)))


def delete_chat(s: Session, chat: Chat | int, owner: User | int) -> None:
    c = get_chat(s, chat if isinstance(chat, int) else chat.id, owner)
    s.delete(c)
    s.flush()
