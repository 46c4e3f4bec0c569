"""The daily choice: "a moment I chose compassion" / "a moment I reacted", with an optional note."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from heartwork.store.errors import StoreError
from heartwork.store.models import DailyChoice, User
from heartwork.store.types import utcnow

__all__ = ["CHOICES", "add_choice", "list_choices"]

CHOICES = ("compassion", "reacted")


def _uid(user: User | int) -> int:
    return user if isinstance(user, int) else user.id


def add_choice(
    s: Session,
    user: User | int,
    choice: str,
    *,
    note: str = "",
    analysis: Any = None,
    day: date | None = None,
) -> DailyChoice:
    """Log a choice for ``day`` (default today, UTC). Several per day are allowed."""
    if choice not in CHOICES:
        raise StoreError(f"Unknown choice {choice!r}. Valid choices: {', '.join(CHOICES)}.")
    row = DailyChoice(
        user_id=_uid(user), day=day or utcnow().date(), choice=choice, note=note, analysis=analysis
    )
    s.add(row)
    s.flush()
    return row


def list_choices(
    s: Session, user: User | int, *, since: date | None = None, until: date | None = None
) -> list[DailyChoice]:
    """Choices in [since, until], oldest first."""
    q = select(DailyChoice).where(DailyChoice.user_id == _uid(user))
    if since is not None:
        q = q.where(DailyChoice.day >= since)
    if until is not None:
        q = q.where(DailyChoice.day <= until)
    return list(s.scalars(q.order_by(DailyChoice.day, DailyChoice.id)))
