"""Pairing: one-time invite codes, the current pair, unpairing. A person is in at most one active pair."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from heartwork.store.errors import InviteError, NotFound
from heartwork.store.models import Pair, PairInvite, User
from heartwork.store.types import utcnow

__all__ = [
    "INVITE_TTL",
    "accept_invite",
    "are_paired",
    "create_invite",
    "current_pair",
    "hash_code",
    "partner_of",
    "unpair",
]

#: How long an invite code stays valid: long enough to pass it on by phone, short enough to be harmless.
INVITE_TTL = timedelta(hours=48)
# Codes are 10 characters of an unambiguous alphabet (no 0/O, 1/I/L): ~50 bits, hashed at rest.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_CODE_LEN = 10


def _uid(user: User | int) -> int:
    return user if isinstance(user, int) else user.id


def hash_code(code: str) -> str:
    normalised = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(normalised.encode()).hexdigest()


def current_pair(s: Session, user: User | int) -> Pair | None:
    uid = _uid(user)
    return s.scalar(
        select(Pair)
        .where(Pair.ended_at.is_(None), or_(Pair.user_a == uid, Pair.user_b == uid))
        .order_by(Pair.id.desc())
    )


def partner_of(s: Session, user: User | int) -> User | None:
    pair = current_pair(s, user)
    return None if pair is None else s.get(User, pair.other(_uid(user)))


def are_paired(s: Session, a: User | int, b: User | int) -> bool:
    pair = current_pair(s, a)
    return pair is not None and pair.other(_uid(a)) == _uid(b) and _uid(a) != _uid(b)


def create_invite(
    s: Session, from_user: User | int, *, ttl: timedelta = INVITE_TTL, now: datetime | None = None
) -> str:
    """Create a one-time code for a partner; returns the code (only its hash is stored)."""
    uid = _uid(from_user)
    if s.get(User, uid) is None:
        raise NotFound(f"No user with id {uid}.")
    if current_pair(s, uid) is not None:
        raise InviteError("You are already paired. Unpair first if you want to pair with someone else.")
    now = now or utcnow()
    code = "".join(secrets.choice(_ALPHABET) for _ in range(_CODE_LEN))
    s.add(PairInvite(code_hash=hash_code(code), from_user=uid, created_at=now, expires_at=now + ttl))
    s.flush()
    return f"{code[:5]}-{code[5:]}"


def accept_invite(s: Session, user: User | int, code: str, *, now: datetime | None = None) -> Pair:
    """Use a partner's code: creates the pair and marks the code used (it cannot be used again)."""
    uid = _uid(user)
    now = now or utcnow()
    invite = s.scalar(select(PairInvite).where(PairInvite.code_hash == hash_code(code)).with_for_update())
    if invite is None:
        raise InviteError("That pairing code is not known. Check it with your partner (letters and digits).")
    if invite.used_at is not None:
        raise InviteError("That pairing code was already used. Ask your partner for a new one.")
    if invite.expires_at <= now:
        raise InviteError("That pairing code has expired. Ask your partner for a new one.")
    if invite.from_user == uid:
        raise InviteError("This is your own pairing code; give it to your partner to enter.")
    if current_pair(s, uid) is not None:
        raise InviteError("You are already paired. Unpair first if you want to pair with someone else.")
    if current_pair(s, invite.from_user) is not None:
        raise InviteError("The person who made this code is already paired with someone.")
    invite.used_at = now
    invite.used_by = uid
    pair = Pair(user_a=invite.from_user, user_b=uid, created_at=now)
    s.add(pair)
    s.flush()
    return pair


def unpair(s: Session, user: User | int, *, now: datetime | None = None) -> Pair | None:
    """End the current pair (either person may, at any time). Returns the ended pair, or None."""
    pair = current_pair(s, user)
    if pair is None:
        return None
    pair.ended_at = now or utcnow()
    s.flush()
    return pair
