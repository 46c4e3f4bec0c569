"""Journal entries: practice answers, reactive moments, letters, safety check-ins, ...

Private by default. The owner may share a specific entry with their partner; sensitive (safety-related)
entries can never be shared — enforced here and by a database CHECK constraint.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from heartwork.store.errors import NotFound, NotShareable, PermissionDenied, StoreError
from heartwork.store.models import JournalEntry, User
from heartwork.store.pairs import are_paired

__all__ = [
    "KNOWN_KINDS",
    "SENSITIVE_KINDS",
    "add_entry",
    "can_view",
    "delete_entry",
    "get_entry",
    "list_entries",
    "record_practice",
    "set_shared",
    "update_entry",
    "visible_entries",
]

#: Kinds in use (others are allowed: a kind is a short lowercase id).
KNOWN_KINDS = ("practice", "daily_choice", "reactive_moment", "safety_checkin", "letter", "weekly_reflection")
#: Kinds that are always sensitive (safety-related): never shareable, never visible to a partner.
SENSITIVE_KINDS = frozenset({"safety_checkin", "safety_plan"})


def _uid(user: User | int) -> int:
    return user if isinstance(user, int) else user.id


def _check_kind(kind: str) -> str:
    kind = kind.strip()
    if not kind or len(kind) > 40 or not all(c.isalnum() or c in "_-" for c in kind):
        raise StoreError(
            f"Invalid journal entry kind {kind!r}: use a short id such as {', '.join(KNOWN_KINDS)}."
        )
    return kind


def add_entry(
    s: Session,
    user: User | int,
    kind: str,
    *,
    title: str = "",
    body: str = "",
    data: Any = None,
    shared: bool = False,
    sensitive: bool = False,
    created_at: datetime | None = None,
) -> JournalEntry:
    """Write an entry (private unless ``shared``). Safety kinds are always marked sensitive."""
    kind = _check_kind(kind)
    sensitive = sensitive or kind in SENSITIVE_KINDS
    if shared and sensitive:
        raise NotShareable("Safety-related entries are private and can never be shared with a partner.")
    entry = JournalEntry(
        user_id=_uid(user),
        kind=kind,
        title=title[:300],
        body=body,
        data=data,
        shared=shared,
        sensitive=sensitive,
    )
    if created_at is not None:
        entry.created_at = created_at
    s.add(entry)
    s.flush()
    return entry


def record_practice(
    s: Session, user: User | int, practice: str, answers: Any, *, title: str = "", body: str = ""
) -> JournalEntry:
    """A completed (or draft) guided practice: kind="practice", data={"practice": ..., "answers": ...}."""
    return add_entry(
        s,
        user,
        "practice",
        title=title or practice,
        body=body,
        data={"practice": practice, "answers": answers},
    )


def get_entry(s: Session, entry_id: int, *, viewer: User | int | None = None) -> JournalEntry:
    """Fetch an entry; with ``viewer``, raise PermissionDenied unless they may see it."""
    entry = s.get(JournalEntry, entry_id)
    if entry is None:
        raise NotFound(f"No journal entry with id {entry_id}.")
    if viewer is not None and not can_view(s, viewer, entry):
        # Same message as not found for outsiders would leak less, but the owner-facing UI needs clarity.
        raise PermissionDenied("This entry is private.")
    return entry


def list_entries(
    s: Session, user: User | int, *, kind: str | None = None, limit: int | None = None
) -> list[JournalEntry]:
    """The owner's own entries, newest first."""
    q = select(JournalEntry).where(JournalEntry.user_id == _uid(user))
    if kind is not None:
        q = q.where(JournalEntry.kind == kind)
    q = q.order_by(JournalEntry.created_at.desc(), JournalEntry.id.desc())
    if limit is not None:
        q = q.limit(limit)
    return list(s.scalars(q))


def can_view(s: Session, viewer: User | int, entry: JournalEntry) -> bool:
    """The owner sees everything of theirs; a current partner sees shared, non-sensitive entries; nobody
    else sees anything."""
    vid = _uid(viewer)
    if entry.user_id == vid:
        return True
    return entry.shared and not entry.sensitive and are_paired(s, vid, entry.user_id)


def visible_entries(
    s: Session, viewer: User | int, owner: User | int, *, kind: str | None = None
) -> list[JournalEntry]:
    """The entries of ``owner`` that ``viewer`` may read, newest first (see can_view)."""
    vid, oid = _uid(viewer), _uid(owner)
    q = select(JournalEntry).where(JournalEntry.user_id == oid)
    if vid != oid:
        if not are_paired(s, vid, oid):
            return []
        q = q.where(JournalEntry.shared.is_(True), JournalEntry.sensitive.is_(False))
    if kind is not None:
        q = q.where(JournalEntry.kind == kind)
    return list(s.scalars(q.order_by(JournalEntry.created_at.desc(), JournalEntry.id.desc())))


def set_shared(s: Session, entry: JournalEntry | int, owner: User | int, shared: bool) -> JournalEntry:
    """Share or unshare one entry. Only the owner may; sensitive entries raise NotShareable."""
    e = get_entry(s, entry) if isinstance(entry, int) else entry
    if e.user_id != _uid(owner):
        raise PermissionDenied("Only the person who wrote an entry can share it.")
    if shared and e.sensitive:
        raise NotShareable("Safety-related entries are private and can never be shared with a partner.")
    e.shared = shared
    s.flush()
    return e


def update_entry(
    s: Session,
    entry: JournalEntry | int,
    owner: User | int,
    *,
    title: str | None = None,
    body: str | None = None,
    data: Any = None,
) -> JournalEntry:
    """Edit the owner's entry (e.g. finish a saved practice draft). ``data=None`` leaves data unchanged."""
    e = get_entry(s, entry) if isinstance(entry, int) else entry
    if e.user_id != _uid(owner):
        raise PermissionDenied("Only the person who wrote an entry can change it.")
    if title is not None:
        e.title = title[:300]
    if body is not None:
        e.body = body
    if data is not None:
        e.data = data
    s.flush()
    return e


def delete_entry(s: Session, entry: JournalEntry | int, owner: User | int) -> None:
    e = get_entry(s, entry) if isinstance(entry, int) else entry
    if e.user_id != _uid(owner):
        raise PermissionDenied("Only the person who wrote an entry can delete it.")
    s.delete(e)
    s.flush()
