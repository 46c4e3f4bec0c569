"""Repair conversations: a shared space for a pair. Each turn starts as a private draft (only its author
sees it); sending makes the chosen text visible to the partner. The stages follow own-your-part, hear the
hurt, remorse, amends."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from heartwork.store.errors import NotFound, PermissionDenied, StoreError
from heartwork.store.models import Conversation, ConversationTurn, Pair, User
from heartwork.store.pairs import current_pair
from heartwork.store.types import utcnow

__all__ = [
    "STAGES",
    "get_conversation",
    "list_conversations",
    "save_draft",
    "send_turn",
    "set_stage",
    "start_conversation",
    "visible_turns",
]

STAGES = ("own-your-part", "hear-the-hurt", "remorse", "amends", "closed")


def _uid(user: User | int) -> int:
    return user if isinstance(user, int) else user.id


def _is_member(s: Session, conv: Conversation, uid: int) -> bool:
    pair = s.get(Pair, conv.pair_id)
    return pair is not None and uid in (pair.user_a, pair.user_b)


def start_conversation(s: Session, user: User | int, title: str = "") -> Conversation:
    """Start a repair conversation in the user's current pair."""
    pair = current_pair(s, user)
    if pair is None:
        raise PermissionDenied("A repair conversation needs a partner: pair with an invite code first.")
    conv = Conversation(pair_id=pair.id, title=title[:300], stage=STAGES[0])
    s.add(conv)
    s.flush()
    return conv


def get_conversation(s: Session, conversation_id: int, viewer: User | int) -> Conversation:
    conv = s.get(Conversation, conversation_id)
    if conv is None:
        raise NotFound(f"No conversation with id {conversation_id}.")
    if not _is_member(s, conv, _uid(viewer)):
        raise PermissionDenied("This conversation belongs to another couple.")
    return conv


def list_conversations(s: Session, viewer: User | int) -> list[Conversation]:
    """Conversations of every pair the viewer is (or was) part of, newest first."""
    uid = _uid(viewer)
    pair_ids = select(Pair.id).where((Pair.user_a == uid) | (Pair.user_b == uid))
    q = select(Conversation).where(Conversation.pair_id.in_(pair_ids))
    return list(s.scalars(q.order_by(Conversation.created_at.desc(), Conversation.id.desc())))


def set_stage(s: Session, conversation: Conversation | int, viewer: User | int, stage: str) -> Conversation:
    if stage not in STAGES:
        raise StoreError(f"Unknown stage {stage!r}. Valid stages: {', '.join(STAGES)}.")
    conv = (
        conversation if isinstance(conversation, Conversation) else get_conversation(s, conversation, viewer)
    )
    if not _is_member(s, conv, _uid(viewer)):
        raise PermissionDenied("This conversation belongs to another couple.")
    conv.stage = stage
    s.flush()
    return conv


def save_draft(
    s: Session,
    conversation: Conversation | int,
    user: User | int,
    draft: str,
    *,
    turn: ConversationTurn | int | None = None,
) -> ConversationTurn:
    """Create (or update, when ``turn`` is given and unsent) the user's private draft."""
    uid = _uid(user)
    conv = conversation if isinstance(conversation, Conversation) else get_conversation(s, conversation, uid)
    if not _is_member(s, conv, uid):
        raise PermissionDenied("This conversation belongs to another couple.")
    pair = s.get(Pair, conv.pair_id)
    if pair is not None and pair.ended_at is not None:
        raise PermissionDenied("This pair has ended; the conversation is read-only.")
    if turn is not None:
        t = s.get(ConversationTurn, turn) if isinstance(turn, int) else turn
        if t is None or t.conversation_id != conv.id or t.user_id != uid:
            raise PermissionDenied("You can only edit your own drafts in this conversation.")
        if t.sent_at is not None:
            raise StoreError("This turn was already sent; start a new draft instead.")
        t.private_draft = draft
    else:
        t = ConversationTurn(conversation_id=conv.id, user_id=uid, private_draft=draft)
        s.add(t)
    s.flush()
    return t


def send_turn(
    s: Session, turn: ConversationTurn | int, user: User | int, text: str, *, now: datetime | None = None
) -> ConversationTurn:
    """Send what the author chose (may differ from the draft). Only the author may send; once only."""
    t = s.get(ConversationTurn, turn) if isinstance(turn, int) else turn
    if t is None:
        raise NotFound(f"No conversation turn with id {turn}.")
    if t.user_id != _uid(user):
        raise PermissionDenied("Only the author of a draft can send it.")
    if t.sent_at is not None:
        raise StoreError("This turn was already sent.")
    if not text.strip():
        raise StoreError("There is nothing to send: write a message first.")
    conv = s.get(Conversation, t.conversation_id)
    pair = s.get(Pair, conv.pair_id) if conv is not None else None
    if pair is None or pair.ended_at is not None:
        raise PermissionDenied("This pair has ended; the conversation is read-only.")
    t.sent_text = text
    t.sent_at = now or utcnow()
    s.flush()
    return t


def visible_turns(s: Session, conversation: Conversation | int, viewer: User | int) -> list[ConversationTurn]:
    """Turns the viewer may see: all of their own (with drafts) and the partner's SENT turns only.

    For the partner's turns, callers must show ``sent_text`` only; ``private_draft`` belongs to its author.
    """
    uid = _uid(viewer)
    conv = conversation if isinstance(conversation, Conversation) else get_conversation(s, conversation, uid)
    if not _is_member(s, conv, uid):
        raise PermissionDenied("This conversation belongs to another couple.")
    q = (
        select(ConversationTurn)
        .where(ConversationTurn.conversation_id == conv.id)
        .where((ConversationTurn.user_id == uid) | ConversationTurn.sent_at.is_not(None))
        .order_by(ConversationTurn.id)
    )
    return list(s.scalars(q))
