"""Questionnaire responses (e.g. "scs-sf", "csi-4") with their scores, and the partner-reveal rule:
a partner sees results only when both have answered the same instrument and both consented."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from heartwork.store.errors import NotFound, PermissionDenied, StoreError
from heartwork.store.models import QuestionnaireResponse, User
from heartwork.store.pairs import are_paired

__all__ = ["add_response", "latest_response", "list_responses", "partner_results", "set_share_consent"]


def _uid(user: User | int) -> int:
    return user if isinstance(user, int) else user.id


def add_response(
    s: Session,
    user: User | int,
    instrument: str,
    answers: Any,
    scores: Any,
    *,
    share_consent: bool = False,
) -> QuestionnaireResponse:
    instrument = instrument.strip().lower()
    if not instrument:
        raise StoreError("An instrument id (such as 'scs-sf' or 'csi-4') is required.")
    row = QuestionnaireResponse(
        user_id=_uid(user), instrument=instrument, answers=answers, scores=scores, share_consent=share_consent
    )
    s.add(row)
    s.flush()
    return row


def list_responses(
    s: Session, user: User | int, instrument: str | None = None
) -> list[QuestionnaireResponse]:
    """The person's own responses, oldest first (a history of scores)."""
    q = select(QuestionnaireResponse).where(QuestionnaireResponse.user_id == _uid(user))
    if instrument is not None:
        q = q.where(QuestionnaireResponse.instrument == instrument.lower())
    return list(s.scalars(q.order_by(QuestionnaireResponse.created_at, QuestionnaireResponse.id)))


def latest_response(s: Session, user: User | int, instrument: str) -> QuestionnaireResponse | None:
    rows = list_responses(s, user, instrument)
    return rows[-1] if rows else None


def set_share_consent(
    s: Session, response: QuestionnaireResponse | int, owner: User | int, consent: bool
) -> QuestionnaireResponse:
    row = s.get(QuestionnaireResponse, response) if isinstance(response, int) else response
    if row is None:
        raise NotFound(f"No questionnaire response with id {response}.")
    if row.user_id != _uid(owner):
        raise PermissionDenied("Only the person who answered can change who sees the result.")
    row.share_consent = consent
    s.flush()
    return row


def partner_results(
    s: Session, viewer: User | int, owner: User | int, instrument: str
) -> list[QuestionnaireResponse]:
    """What ``viewer`` may see of ``owner``'s answers to ``instrument``.

    The owner sees all of theirs. A partner sees the owner's consented responses only if the two are
    currently paired AND the viewer has also answered this instrument with consent. Otherwise: nothing.
    """
    vid, oid = _uid(viewer), _uid(owner)
    instrument = instrument.lower()
    if vid == oid:
        return list_responses(s, oid, instrument)
    if not are_paired(s, vid, oid):
        return []
    viewer_consented = s.scalar(
        select(QuestionnaireResponse.id)
        .where(
            QuestionnaireResponse.user_id == vid,
            QuestionnaireResponse.instrument == instrument,
            QuestionnaireResponse.share_consent.is_(True),
        )
        .limit(1)
    )
    if viewer_consented is None:
        return []
    return [r for r in list_responses(s, oid, instrument) if r.share_consent]
