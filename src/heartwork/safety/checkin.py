"""A private safety check-in: a few plain questions about fear, control and harm, and a safety-planning pathway.

Written for this project (not a validated screening instrument, and it says so). Answers are stored only as a
*sensitive* journal entry (kind ``safety_checkin``) through the store's repositories: sensitive entries can
never be shared and are never visible to a partner (enforced by ``heartwork.store.journal`` and a database
constraint). The result feeds the one safety policy (``heartwork.safety.policy.assess``), so a check-in that
shows risk pauses accommodation coaching and makes shared features suggest individual support.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

__all__ = [
    "ANSWERS",
    "QUESTIONS",
    "CheckinResult",
    "InvalidAnswerError",
    "Question",
    "latest_result",
    "normalise_answer",
    "safety_plan",
    "save",
    "score",
]

ENTRY_KIND = "safety_checkin"
# Accepted answers, with short forms. "skip" is always fine: nobody has to answer anything.
ANSWERS = ("yes", "sometimes", "no", "not sure", "skip")
_SYNONYMS = {
    "y": "yes",
    "yes": "yes",
    "s": "sometimes",
    "sometimes": "sometimes",
    "n": "no",
    "no": "no",
    "u": "not sure",
    "?": "not sure",
    "unsure": "not sure",
    "not sure": "not sure",
    "notsure": "not sure",
    "": "skip",
    "skip": "skip",
    "-": "skip",
}


class InvalidAnswerError(ValueError):
    """An answer that is not one of ANSWERS."""


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    area: str  # fear | harm | control | isolation | sexual | self_harm | safe_now
    risk_answers: frozenset[str]  # answers that count as a sign of risk


_YES = frozenset({"yes", "sometimes", "not sure"})
QUESTIONS: tuple[Question, ...] = (
    Question(
        "fear",
        "In the last few months, have you felt afraid of your partner, or of what they might do?",
        "fear",
        _YES,
    ),
    Question(
        "harm",
        "Has your partner hurt you, threatened to hurt you, or broken your things on purpose?",
        "harm",
        _YES,
    ),
    Question(
        "control",
        "Does your partner check your phone, track where you go, or control your money in a way that leaves you "
        "unable to make your own choices?",
        "control",
        _YES,
    ),
    Question(
        "isolation",
        "Has your partner kept you from seeing friends or family, or made it hard to?",
        "isolation",
        _YES,
    ),
    Question(
        "sexual", "Have you felt pressured or forced into anything sexual you didn't want?", "sexual", _YES
    ),
    Question(
        "self_harm",
        "Have you had thoughts of hurting yourself, or of not wanting to be alive?",
        "self_harm",
        frozenset({"yes", "sometimes"}),
    ),
    Question(
        "safe_now", "Do you feel safe right now, where you are?", "safe_now", frozenset({"no", "not sure"})
    ),
)
_BY_ID = {q.id: q for q in QUESTIONS}


def normalise_answer(raw: str) -> str:
    key = " ".join(str(raw).strip().lower().split())
    if key in _SYNONYMS:
        return _SYNONYMS[key]
    raise InvalidAnswerError(
        f"Unknown answer {raw!r}. Answer one of: {', '.join(ANSWERS)} (or y / s / n / u)."
    )


@dataclass(frozen=True)
class CheckinResult:
    answers: dict[str, str]
    at_risk: bool
    areas: tuple[str, ...]  # areas answered with a sign of risk
    self_harm: bool
    unsafe_now: bool
    taken_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 1,
            "answers": dict(self.answers),
            "at_risk": self.at_risk,
            "areas": list(self.areas),
            "self_harm": self.self_harm,
            "unsafe_now": self.unsafe_now,
            "taken_at": self.taken_at,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> CheckinResult:
        return cls(
            answers=dict(d.get("answers", {})),
            at_risk=bool(d.get("at_risk")),
            areas=tuple(d.get("areas", ())),
            self_harm=bool(d.get("self_harm")),
            unsafe_now=bool(d.get("unsafe_now")),
            taken_at=str(d.get("taken_at", "")),
        )


def score(answers: Mapping[str, str]) -> CheckinResult:
    """Turn answers (question id -> answer) into a result. Unknown ids or answers raise a clear error."""
    clean: dict[str, str] = {}
    for qid, raw in answers.items():
        if qid not in _BY_ID:
            raise InvalidAnswerError(f"Unknown question {qid!r}. Questions: {', '.join(_BY_ID)}.")
        clean[qid] = normalise_answer(raw)
    areas = tuple(q.area for q in QUESTIONS if clean.get(q.id, "skip") in q.risk_answers)
    return CheckinResult(
        answers=clean,
        at_risk=bool(areas),
        areas=areas,
        self_harm="self_harm" in areas,
        unsafe_now="safe_now" in areas,
    )


def safety_plan(result: CheckinResult) -> list[str]:
    """The safety-planning pathway: practical steps, in plain words, matched to the answers."""
    steps: list[str] = []
    if result.unsafe_now:
        steps.append(
            "If you are in danger right now, call your local emergency number. That comes before anything else."
        )
    if result.self_harm:
        steps += [
            "Talk to someone today: a crisis line below, or a person you trust. Saying it out loud is a strong step.",
            "Make where you are safer for now: put away anything you might use to hurt yourself, or ask someone to.",
            "Write down two or three things that have helped you get through a hard night before, and keep them close.",
        ]
    abuse_areas = set(result.areas) - {"self_harm", "safe_now"}
    if abuse_areas or result.unsafe_now:
        steps += [
            "People: think of one or two people you could call, and agree a code word that means 'please get help'.",
            "Places: know where you could go at short notice (a friend, family, or a shelter; a helpline can find one).",
            "Things: keep copies of important documents, some money, spare keys, medicines and a phone charger where "
            "you can reach them quickly, or with someone you trust.",
            "Devices: if your phone or accounts may be checked or tracked, contact help from a safer device (a "
            "friend's phone, a library computer), and clear your history only if it is safe to do so.",
            "Leaving is a legitimate choice, and so is taking your time. Leaving can be a risky moment, so if you "
            "can, plan it with a trained advocate from one of the services below.",
        ]
    if not steps:
        steps.append(
            "Nothing in your answers points to a risk right now. You can take this check-in again any time, and the "
            "help below is there whenever you want it."
        )
    return steps


def save(result: CheckinResult, store: Any = None) -> int:
    """Store the result as a sensitive, private journal entry of the local user; returns its id.

    ``store``: an open ``heartwork.store`` Store (default: ``open_store()``). Sensitive entries are never
    shareable and never visible to a partner (heartwork.store.journal enforces it)."""
    from heartwork.store import journal, open_store, users

    own = store is None
    st = open_store() if own else store
    try:
        with st.session() as s:
            me = users.local_user(s)
            entry = journal.add_entry(
                s,
                me,
                ENTRY_KIND,
                title="Safety check-in",
                body="",
                data=result.to_dict(),
                sensitive=True,
            )
            return int(entry.id)
    finally:
        if own:
            st.close()


def latest_result(store: Any, user: Any) -> CheckinResult | None:
    """The user's most recent check-in (for the policy: joint features ask this before starting)."""
    from heartwork.store import journal

    with store.session(write=False) as s:
        entries = journal.list_entries(s, user, kind=ENTRY_KIND)
        if not entries:
            return None
        newest = max(entries, key=lambda e: (e.created_at, e.id))
        return CheckinResult.from_dict(newest.data or {})
