"""SQLAlchemy 2 models. The schema itself is created and changed only by the Alembic migrations in
``heartwork/store/migrations``; a test checks that these models and the migrated schema agree."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from heartwork.store.crypto import EncryptedJSON, EncryptedText
from heartwork.store.types import UTCDateTime, utcnow

__all__ = [
    "Base",
    "Chat",
    "ChatMessage",
    "Conversation",
    "ConversationTurn",
    "DailyChoice",
    "JournalEntry",
    "Keyring",
    "Pair",
    "PairInvite",
    "QuestionnaireResponse",
    "User",
]

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255), nullable=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, username={self.username!r})"


class Pair(Base):
    __tablename__ = "pairs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_a: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    user_b: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    __table_args__ = (CheckConstraint("user_a <> user_b", name="distinct_users"),)

    @property
    def active(self) -> bool:
        return self.ended_at is None

    def other(self, user_id: int) -> int:
        return self.user_b if user_id == self.user_a else self.user_a


class PairInvite(Base):
    __tablename__ = "pair_invites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(128), unique=True)
    from_user: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    used_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)


class JournalEntry(Base):
    __tablename__ = "journal_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(EncryptedText("journal_entries.title"), default="")
    body: Mapped[str] = mapped_column(EncryptedText("journal_entries.body"), default="")
    data: Mapped[Any] = mapped_column(EncryptedJSON("journal_entries.data"), nullable=True)
    shared: Mapped[bool] = mapped_column(Boolean, default=False)
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (
        # Safety-related entries can never be shared, whatever code path writes them.
        CheckConstraint("NOT (shared AND sensitive)", name="sensitive_never_shared"),
        Index("ix_journal_entries_user_created", "user_id", "created_at"),
    )


class DailyChoice(Base):
    __tablename__ = "daily_choices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    choice: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(EncryptedText("daily_choices.note"), default="")
    analysis: Mapped[Any] = mapped_column(EncryptedJSON("daily_choices.analysis"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (
        CheckConstraint("choice IN ('compassion', 'reacted')", name="choice_valid"),
        Index("ix_daily_choices_user_day", "user_id", "day"),
    )


class QuestionnaireResponse(Base):
    __tablename__ = "questionnaire_responses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    instrument: Mapped[str] = mapped_column(String(40))
    answers: Mapped[Any] = mapped_column(EncryptedJSON("questionnaire_responses.answers"))
    scores: Mapped[Any] = mapped_column(EncryptedJSON("questionnaire_responses.scores"))
    share_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Conversation(Base):
    """A repair conversation between the two people of a pair."""

    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pair_id: Mapped[int] = mapped_column(ForeignKey("pairs.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(EncryptedText("conversations.title"), default="")
    stage: Mapped[str] = mapped_column(String(40), default="own-your-part")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    turns: Mapped[list[ConversationTurn]] = relationship(
        back_populates="conversation", order_by="ConversationTurn.id", cascade="all, delete-orphan"
    )


class ConversationTurn(Base):
    __tablename__ = "conversation_turns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    private_draft: Mapped[str] = mapped_column(EncryptedText("conversation_turns.private_draft"), default="")
    sent_text: Mapped[str | None] = mapped_column(
        EncryptedText("conversation_turns.sent_text"), nullable=True
    )
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    conversation: Mapped[Conversation] = relationship(back_populates="turns")


class Chat(Base):
    """An imported chat history (e.g. a WhatsApp export)."""

    __tablename__ = "chats"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(EncryptedText("chats.name"))
    source_format: Mapped[str] = mapped_column(String(40))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    messages: Mapped[list[ChatMessage]] = relationship(
        back_populates="chat", order_by="ChatMessage.id", cascade="all, delete-orphan"
    )


class ChatMessage(Base):
    __tablename__ = "chat_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(ForeignKey("chats.id", ondelete="CASCADE"))
    ts: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    author: Mapped[str] = mapped_column(EncryptedText("chat_messages.author"), default="")
    text: Mapped[str] = mapped_column(EncryptedText("chat_messages.text"), default="")

    chat: Mapped[Chat] = relationship(back_populates="messages")

    __table_args__ = (Index("ix_chat_messages_chat_ts", "chat_id", "ts"),)


class Keyring(Base):
    """One row (id=1): how the database's key is derived, and a token to recognise the right passphrase.
    All NULL when no passphrase is set (data stored plain). Never holds the key or the passphrase."""

    __tablename__ = "keyring"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kdf: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON: {"name": "scrypt", "n":..., ...}
    salt: Mapped[str | None] = mapped_column(String(64), nullable=True)  # urlsafe base64
    key_check: Mapped[str | None] = mapped_column(Text, nullable=True)
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
