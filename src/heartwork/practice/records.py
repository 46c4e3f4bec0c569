"""Where practice results live: a thin layer over ``heartwork.store`` repositories (no SQL here).

Every function takes an open :class:`heartwork.store.Store` and a user (the terminal uses the local user;
the web app passes its logged-in user id), writes in one transaction, and returns plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from heartwork.model import Analysis

if TYPE_CHECKING:
    from heartwork.practice.engine import Session
    from heartwork.store.db import Store

__all__ = [
    "History",
    "analysis_summary",
    "find_draft",
    "load_history",
    "log_choice",
    "save_practice",
    "save_questionnaire",
    "save_reflection",
]

PRACTICE_KIND = "practice"
REFLECTION_KIND = "weekly_reflection"


def _user_id(s: Any, user: int | None) -> int:
    if user is not None:
        return user
    from heartwork.store import users

    return int(users.local_user(s).id)


def _existing_user(s: Any, user: int | None) -> int | None:
    """The given user, or the local user if it exists yet (reads never create it)."""
    if user is not None:
        return user
    from heartwork.store import users

    u = users.get_user_by_username(s, users.LOCAL_USERNAME)
    return None if u is None else int(u.id)


def analysis_summary(a: Analysis) -> dict[str, Any]:
    """What is kept of an analysis of a note: labels (with evidence), feelings, needs, safety."""
    return {
        "labels": list(a.labels),
        "patterns": [{"label": f.label, "evidence": f.evidence} for f in a.patterns],
        "feelings": [f.name for f in a.feelings],
        "needs": [n.name for n in a.needs],
        "safety": a.safety.risk,
    }


def save_practice(
    store: Store, session: Session, *, user: int | None = None, entry_id: int | None = None
) -> int:
    """Record a run (complete or draft) as a journal entry of kind "practice"; returns the entry id.

    With ``entry_id`` (a resumed draft) that entry is updated instead of a new one being added. A run paused
    for safety is stored as sensitive, so it can never be shared with a partner.
    """
    from heartwork.store import journal

    rec = session.record()
    title = session.practice.title + ("" if rec["status"] == "complete" else " (draft)")
    with store.session() as s:
        uid = _user_id(s, user)
        if entry_id is not None:
            e = journal.update_entry(s, entry_id, uid, title=title, body=session.text(), data=rec)
        else:
            e = journal.add_entry(
                s, uid, PRACTICE_KIND, title=title, body=session.text(), data=rec, sensitive=session.safety
            )
        return int(e.id)


def find_draft(
    store: Store, practice_id: str, *, user: int | None = None
) -> tuple[int, dict[str, Any]] | None:
    """The newest draft of a practice that was stopped part-way (not for safety), if it is the newest run."""
    from heartwork.store import journal

    with store.session(write=False) as s:
        uid = _existing_user(s, user)
        if uid is None:
            return None
        for e in journal.list_entries(s, uid, kind=PRACTICE_KIND, limit=200):
            data = e.data or {}
            if data.get("practice") != practice_id:
                continue
            if data.get("status") == "draft" and not data.get("safety"):
                return int(e.id), dict(data)
            return None
    return None


def log_choice(
    store: Store,
    choice: str,
    note: str = "",
    analysis: Analysis | None = None,
    *,
    day: date | None = None,
    user: int | None = None,
) -> int:
    from heartwork.store import choices

    with store.session() as s:
        row = choices.add_choice(
            s,
            _user_id(s, user),
            choice,
            note=note,
            analysis=analysis_summary(analysis) if analysis is not None else None,
            day=day,
        )
        return int(row.id)


def save_questionnaire(
    store: Store, instrument: str, answers: list[int], scores: dict[str, Any], *, user: int | None = None
) -> int:
    from heartwork.store import questionnaires

    with store.session() as s:
        row = questionnaires.add_response(s, _user_id(s, user), instrument, list(answers), scores)
        return int(row.id)


def save_reflection(
    store: Store,
    title: str,
    body: str,
    data: dict[str, Any],
    *,
    sensitive: bool = False,
    user: int | None = None,
) -> int:
    """A weekly reflection; ``sensitive`` (its answers carried a safety signal) keeps it from ever being shared."""
    from heartwork.store import journal

    with store.session() as s:
        e = journal.add_entry(
            s, _user_id(s, user), REFLECTION_KIND, title=title, body=body, data=data, sensitive=sensitive
        )
        return int(e.id)


@dataclass
class History:
    """Everything progress and reflection need, as plain data."""

    choices: list[dict[str, Any]] = field(default_factory=list)
    practices: list[dict[str, Any]] = field(default_factory=list)  # complete runs only
    drafts: int = 0
    questionnaires: list[dict[str, Any]] = field(default_factory=list)

    def practised_days(self) -> list[date]:
        return [c["day"] for c in self.choices] + [p["day"] for p in self.practices]


def _day(dt: datetime) -> date:
    return dt.astimezone().date() if dt.tzinfo else dt.date()


def load_history(store: Store, *, user: int | None = None) -> History:
    from heartwork.store import choices, journal, questionnaires

    h = History()
    with store.session(write=False) as s:
        uid = _existing_user(s, user)
        if uid is None:
            return h
        for c in choices.list_choices(s, uid):
            a = c.analysis or {}
            h.choices.append(
                {
                    "day": c.day,
                    "choice": c.choice,
                    "note": c.note,
                    "labels": list(a.get("labels") or []),
                    "needs": list(a.get("needs") or []),
                }
            )
        for e in reversed(journal.list_entries(s, uid, kind=PRACTICE_KIND)):
            data = e.data or {}
            if data.get("status") != "complete":
                h.drafts += 1
                continue
            labels = [lab for labs in (data.get("labels") or {}).values() for lab in labs]
            h.practices.append(
                {
                    "day": _day(e.created_at),
                    "practice": data.get("title") or data.get("practice") or e.title,
                    "id": data.get("practice"),
                    "labels": labels,
                }
            )
        for r in questionnaires.list_responses(s, uid):
            scores = r.scores or {}
            h.questionnaires.append(
                {
                    "instrument": r.instrument,
                    "when": r.created_at,
                    "day": _day(r.created_at),
                    "total": scores.get("total"),
                }
            )
    return h
