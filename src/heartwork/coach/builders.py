"""Builders from short answers: an accountable apology and a need statement, each with a self-kindness step first.

An apology owns one specific part — what I did, the impact I see, remorse, what I'll do — and never more than
that part (owning the whole conflict becomes a shame spiral; APPROACH.md §2). A need statement speaks up from
kindness: "When …, I felt …, because I need … Would you be willing to …?" (APPROACH.md §5). Every built text
is re-read by the analyzer; words it reads as reactive are pointed out instead of being sent on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from heartwork.coach.composer import normalise_part
from heartwork.coach.respond import part_problem
from heartwork.model import Analysis
from heartwork.safety.notice import SafetyNotice, safety_notice
from heartwork.taxonomy import REACTIVE, TITLES

MAX_ANSWER_CHARS = 500  # a short answer; longer text belongs in review


class CoachInputError(ValueError):
    """An answer the builder cannot use; the message says how to fix it."""


@dataclass(frozen=True)
class Built:
    kind: str  # "apology" | "need_statement"
    self_kindness: str  # the first step, for the user
    text: str  # what the user could say
    steps: tuple[tuple[str, str], ...]  # (step, sentence)
    analysis: Analysis | None
    notes: tuple[str, ...] = ()
    paused_for_safety: bool = False
    safety: SafetyNotice | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "self_kindness": self.self_kindness,
            "text": self.text,
            "steps": [{"step": s, "text": t} for s, t in self.steps],
            "notes": list(self.notes),
            "paused_for_safety": self.paused_for_safety,
            "safety": self.safety.to_dict() if self.safety else None,
            "analysis": self.analysis.to_dict() if self.analysis else None,
        }


def _answer(value: object, name: str, example: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CoachInputError(f"Missing answer for {name}. For example: {example}")
    text = " ".join(value.split())
    if len(text) > MAX_ANSWER_CHARS:
        raise CoachInputError(
            f"The answer for {name} is {len(text)} characters; keep it to one short sentence "
            f"(up to {MAX_ANSWER_CHARS}). For example: {example}"
        )
    return text.rstrip(".!?")


def _strip(text: str, *prefixes: str) -> str:
    for p in prefixes:
        text = re.sub(rf"^\s*(?:{p})\s+", "", text, flags=re.IGNORECASE)
    return text.strip()


def _paused(kind: str, to: str | None, country: str | None) -> Built | None:
    if not to or not to.strip():
        return None
    from heartwork import settings
    from heartwork.engine import analyze

    a = analyze(to)
    if not a.safety.risk:
        return None
    return Built(
        kind,
        "",
        "",
        (),
        a,
        paused_for_safety=True,
        safety=safety_notice(a, country or settings.load().country),
    )


def _vet(text: str, kind: str, context: str | None) -> Analysis:
    from heartwork.engine import analyze

    a = analyze(text, context=context)
    if a.safety.risk:
        raise CoachInputError(
            "These answers mention a risk to someone's safety. Please see `heartwork safety`."
        )
    bad = [f for f in a.patterns if f.label in REACTIVE]
    if bad:
        words = "; ".join(f"{TITLES[f.label].lower()} in “{f.evidence}”" for f in bad)
        raise CoachInputError(
            f"The {kind} would carry {words}. Rephrase that answer as your own feeling or action (no 'but', "
            "no 'always/never', no judgement of your partner) and try again."
        )
    return a


# Checked on the answers themselves, besides the analyzer's reading of the whole text: an apology with "but" or
# "if you" moves the responsibility away (TAXONOMY: non_apology); a request that judges the partner is
# criticism however politely it is wrapped.
_DODGES = re.compile(r"\bbut\b|\bif you\b|\byou started\b|\byour fault\b|\banyway\b", re.IGNORECASE)
_JUDGES = re.compile(
    r"\bstop being\b|\byou(?:'re| are)\b|\b(?:selfish|lazy|stupid|useless|careless|inconsiderate|rude|cold|"
    r"immature|pathetic|ridiculous|crazy|dramatic|childish)\b",
    re.IGNORECASE,
)


def _guard(answer: str, rx: re.Pattern[str], name: str, advice: str) -> None:
    m = rx.search(answer)
    if m:
        raise CoachInputError(
            f"Your answer for {name} has “{m.group(0)}”: {advice} Rephrase it and try again."
        )


def build_apology(
    did: str,
    impact: str,
    will: str,
    *,
    remorse: str | None = None,
    to: str | None = None,
    country: str | None = None,
) -> Built:
    """An accountable apology for one specific part: what I did, the impact I see, remorse, what I'll do.

    ``to`` is the partner's message (optional): a safety risk in it pauses the apology.
    """
    paused = _paused("apology", to, country)
    if paused:
        return paused
    did = normalise_part(_answer(did, "what you did", "--did 'forgot to call when I was running late'"))
    problem = part_problem(did)
    if problem:
        raise CoachInputError(problem)
    impact = _strip(
        _answer(impact, "the impact you see", "--impact 'you waited an hour and felt unimportant'"),
        "i can see that",
        "i see that",
        "that",
    )
    will = _strip(
        _answer(will, "what you'll do", "--will 'text you as soon as I know I'll be late'"),
        "next time,?",
        "from now on,?",
        "i'?ll",
        "i will",
        "i am going to",
        "i'?m going to",
    )
    for answer, name in ((did, "what you did"), (impact, "the impact you see"), (will, "what you'll do")):
        _guard(
            answer, _DODGES, name, "it moves the responsibility away, so the apology may not feel like one."
        )
    feel = (
        _strip(_answer(remorse, "remorse", "--remorse 'really sorry'"), "i feel", "i'?m") if remorse else ""
    )
    kindness = (
        f"Before you apologise, a moment of kindness for yourself: “It's hard to admit that I {did}. Everyone "
        "makes mistakes, and this one doesn't make me a bad person. May I have the courage to own my part — and "
        "only my part.”"
    )
    steps = (
        ("what I did", f"I'm sorry I {did}."),
        ("the impact I see", f"I can see that {impact}."),
        ("remorse", f"I feel {feel} about it, and I regret it." if feel else "I really regret it."),
        ("what I'll do", f"Next time I'll {will}."),
    )
    text = " ".join(t for _, t in steps)
    analysis = _vet(text, "apology", to)
    notes = []
    if to:
        from heartwork.engine import analyze

        if analyze(to).has("contempt"):
            notes.append(
                "Their message carries contempt. You can own your part and still ask to be spoken to with respect."
            )
    return Built("apology", kindness, text, steps, analysis, tuple(notes))


_JUDGEMENT_FEELINGS = re.compile(
    r"^(?:that|like|as if|you|he|she|they)\b|\b(?:ignored|manipulated|abandoned|betrayed|attacked|used|cheated)\b",
    re.IGNORECASE,
)


def build_need_statement(
    when: str,
    felt: str,
    need: str,
    request: str,
    *,
    to: str | None = None,
    country: str | None = None,
) -> Built:
    """ "When …, I felt …, because I need … Would you be willing to …?" with a self-kindness step first."""
    paused = _paused("need_statement", to, country)
    if paused:
        return paused
    when = _strip(
        _answer(when, "when", "--when 'you said yes to dinner with your mom without checking with me'"),
        "when",
    )
    if re.search(r"\b(?:always|never|every time|constantly)\b", when, re.IGNORECASE):
        raise CoachInputError(
            f"'{when}' generalises. Name one specific moment instead, e.g. 'you said yes to Saturday without "
            "checking with me'."
        )
    felt = _strip(
        _answer(felt, "what you felt", "--felt 'unseen and a bit lonely'"), "i felt", "i feel", "felt"
    )
    notes = []
    if _JUDGEMENT_FEELINGS.search(felt):
        raise CoachInputError(
            f"'{felt}' describes what your partner did or thought rather than your feeling. Name a feeling, "
            "e.g. hurt, lonely, worried, unseen, overwhelmed, sad."
        )
    need = _strip(
        _answer(need, "what you need", "--need 'to be part of decisions about our weekends'"),
        "because",
        "i need",
        "i needed",
    )
    request = _strip(
        _answer(request, "your request", "--request 'check with me before saying yes'"),
        "would you be willing to",
        "could you",
        "can you",
        "would you",
        "will you",
        "please",
    )
    _guard(
        request,
        _JUDGES,
        "your request",
        "it judges your partner (criticism) rather than asking for an action.",
    )
    if re.match(r"^(?:stop|never|don'?t)\b", request, re.IGNORECASE):
        notes.append(
            "Requests land better as something to do than something to stop; consider the positive action."
        )
    kindness = (
        f"First, turn toward your own feeling: it makes sense to feel {felt} when you need {need}. "
        "Your needs matter too, and saying them kindly is part of caring for both of you."
    )
    steps = (
        ("when", f"When {when},"),
        ("I felt", f"I felt {felt},"),
        ("because I need", f"because I need {need}."),
        ("request", f"Would you be willing to {request}?"),
    )
    text = " ".join(t for _, t in steps)
    text = text[:1].upper() + text[1:]
    analysis = _vet(text, "need statement", to)
    return Built("need_statement", kindness, text, steps, analysis, tuple(notes))
