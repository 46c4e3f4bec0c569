"""THE safety policy. Every face (API, CLI, coach, practices, web, history report) asks this module.

The rule (shared/TAXONOMY.md, APPROACH.md §5): when any message carries a ``safety_risk`` finding, or a
private check-in shows risk, coaching toward accommodation, apology or self-blame is paused; a calm message and
help resources are shown; the person is never told to take blame that is not theirs; leaving is a legitimate
outcome; joint features (repair conversation) suggest individual support instead.

    >>> from heartwork.safety.policy import assess
    >>> d = assess(heartwork.analyze("He checks my phone and won't let me see my friends."))
    >>> d.paused, [r.category for r in d.reasons]
    (True, ['monitoring', 'isolation'])

``notice(analysis, country=...)`` is the small form the coach and the practices ask for (through
``heartwork.safety.notice.safety_notice``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from heartwork.engine.safety import CATEGORIES as DETECTOR_CATEGORIES
from heartwork.model import Analysis, Suggestion
from heartwork.safety.resources import Resource, for_country, load, resolve_country

__all__ = [
    "ABUSE_CATEGORIES",
    "PAUSED_PRACTICES",
    "SafetyDecision",
    "SafetyReason",
    "assess",
    "filter_suggestions",
    "is_accommodating",
    "joint_feature_allowed",
    "notice",
    "practice_allowed",
    "report_section",
]

# The detector's categories (one source) that point at abuse by a partner, plus an answered check-in.
ABUSE_CATEGORIES = (frozenset(DETECTOR_CATEGORIES) - {"self_harm"}) | {"checkin"}
PLAIN: dict[str, str] = {
    "threat": "threats",
    "physical": "being physically hurt",
    "intimidation": "frightening behaviour",
    "fear": "being afraid of a partner",
    "monitoring": "being monitored",
    "isolation": "being kept from people or places",
    "financial": "control over money or work",
    "sexual": "pressure or force around sex",
    "self_harm": "thoughts of self-harm or suicide",
    "checkin": "your answers in the safety check-in",
    "other": "a possible risk to someone's safety",
}

# Practices that ask the person to own their part, apologise, reassure or soften toward the partner: paused.
# Practices that turn toward one's own feelings and care (self-compassion break, soothing touch, a letter to
# myself) stay available: they support the person without asking them to accommodate.
PAUSED_PRACTICES = frozenset(
    {"own-my-part", "core-value", "speaking-up", "unmet-needs", "reactivity-check-in"}
)

MSG_PAUSE = "Coaching is paused for now."
MSG_ABUSE = (
    "{lead} That can be part of a relationship that is not safe, and it is not "
    "something to fix by apologising, giving in or taking the blame: what another person chooses to do is not "
    "your fault. You deserve to feel safe. The people below are trained to listen in confidence and can help "
    "you think through your options, including staying safer where you are or leaving, if and when you choose. "
    "Both are legitimate, and so is taking your time."
)
MSG_OWN_WORDS = (
    "If some of these words are your own, the same services also talk with people who are worried about how "
    "they treat a partner; reaching out is a strong first step."
)
MSG_SELF_HARM = (
    "It sounds like you may be carrying something very painful right now. You don't have to carry it alone: "
    "you can talk to someone today, for free and in confidence, whatever time it is."
)
MSG_EMERGENCY = "If you or someone else is in danger right now, call your local emergency number."
MSG_JOINT = (
    "Shared exercises with your partner are not the right next step while safety is a concern; couples work can "
    "make things harder when one person is afraid. Individual support is the safer path: the services below "
    "can talk with you on your own."
)


@dataclass(frozen=True, slots=True)
class SafetyReason:
    category: str
    evidence: str
    explanation: str
    start: int = -1
    end: int = -1
    message_index: int = 0  # which of the assessed messages

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "evidence": self.evidence,
            "explanation": self.explanation,
            "start": self.start,
            "end": self.end,
            "message_index": self.message_index,
        }


@dataclass(frozen=True)
class SafetyDecision:
    paused: bool
    reasons: tuple[SafetyReason, ...] = ()
    message: str = ""
    resources: tuple[Resource, ...] = ()
    country: str = "INTL"

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.category for r in self.reasons))

    def to_dict(self) -> dict[str, Any]:
        return {
            "paused": self.paused,
            "categories": list(self.categories),
            "reasons": [r.to_dict() for r in self.reasons],
            "message": self.message,
            "resources": [r.to_dict() for r in self.resources],
            "country": self.country,
        }

    def render_text(self) -> str:
        if not self.paused:
            return ""
        lines = [self.message, ""]
        lines.extend(f"- {r.line()}" for r in self.resources)
        return "\n".join(lines)


def _reasons_of(a: Analysis, index: int) -> list[SafetyReason]:
    from heartwork.engine.safety import category_of

    out = []
    findings = a.safety.findings or tuple(f for f in a.patterns if f.label == "safety_risk")
    for f in findings:
        out.append(
            SafetyReason(category_of(f.evidence), f.evidence, f.explanation, f.span.start, f.span.end, index)
        )
    if a.safety.risk and not out:  # a risk flag without a finding (e.g. raised by a choice, not words)
        out.append(SafetyReason("other", "", PLAIN["other"], -1, -1, index))
    return out


def _as_analyses(x: Any) -> list[Analysis]:
    if isinstance(x, Analysis):
        return [x]
    if isinstance(x, str):
        from heartwork.engine import analyze

        return [analyze(x)] if x.strip() else []
    if isinstance(x, Iterable):
        out: list[Analysis] = []
        for item in x:
            out.extend(_as_analyses(item))
        return out
    raise TypeError(f"assess() takes an Analysis, a text, or a list of them, not {type(x).__name__}.")


def _help_for(country: str | None, categories: set[str]) -> tuple[str, tuple[Resource, ...]]:
    """(country code, its help resources ordered for ``categories``). A broken user resources file is skipped
    here (load(strict=False)): a person at risk always sees the shipped help."""
    directory = load(strict=False)
    code = resolve_country(country, directory)
    return code, _order_resources(for_country(code, directory=directory), categories)


def _order_resources(resources: list[Resource], categories: set[str]) -> tuple[Resource, ...]:
    want_crisis = "self_harm" in categories
    want_abuse = bool(categories & ABUSE_CATEGORIES) or "other" in categories
    want_sexual = "sexual" in categories

    def rank(r: Resource) -> int:
        t = set(r.topics)
        if "emergency" in t:
            return 0
        if "directory" in t:
            return 3
        if (
            (want_crisis and "crisis" in t)
            or (want_abuse and "abuse" in t)
            or (want_sexual and "sexual" in t)
        ):
            return 1
        return 2

    return tuple(sorted(resources, key=rank))


def compose_message(categories: Iterable[str], *, joint: bool = False) -> str:
    cats = list(dict.fromkeys(categories))
    parts = [MSG_PAUSE]
    abuse = [c for c in cats if c in ABUSE_CATEGORIES or c == "other"]
    if "self_harm" in cats:
        parts.append(MSG_SELF_HARM)
    if abuse:
        words = [c for c in abuse if c != "checkin"]
        if words:
            lead = (
                "Some of what you wrote points to "
                + ", ".join(PLAIN.get(c, PLAIN["other"]) for c in words)
                + "."
            )
        else:
            lead = "Your answers suggest that you may not be fully safe."
        parts.append(MSG_ABUSE.format(lead=lead))
        if "threat" in abuse or "intimidation" in abuse:
            parts.append(MSG_OWN_WORDS)
    if joint:
        parts.append(MSG_JOINT)
    parts.append(MSG_EMERGENCY)
    return " ".join(parts)


def assess(x: Any, *, country: str | None = None, joint: bool = False) -> SafetyDecision:
    """The one safety decision for one message, a text, or many (a conversation, a history, a session).

    ``x``: an Analysis, a text (analysed here), a list of them, a CheckinResult, or a SafetyDecision (returned
    as is). ``joint``: the caller is a shared feature (repair conversation): the message says so.
    """
    if isinstance(x, SafetyDecision):
        return x
    from heartwork.safety.checkin import CheckinResult

    reasons: list[SafetyReason] = []
    if isinstance(x, CheckinResult):
        if x.at_risk:
            reasons.append(
                SafetyReason("checkin", "", "Your answers in the safety check-in suggest a risk.", -1, -1, 0)
            )
            if x.self_harm:
                reasons.append(SafetyReason("self_harm", "", PLAIN["self_harm"], -1, -1, 0))
    else:
        for i, a in enumerate(_as_analyses(x)):
            reasons.extend(_reasons_of(a, i))
    if not reasons:
        return SafetyDecision(False, (), "", (), resolve_country(country, load(strict=False)))
    code, resources = _help_for(country, {r.category for r in reasons})
    return SafetyDecision(
        True, tuple(reasons), compose_message([r.category for r in reasons], joint=joint), resources, code
    )


def notice(analysis: Any, country: str | None = "INTL") -> SafetyDecision:
    """What to show instead of coaching (the coach and the practices ask through heartwork.safety.notice)."""
    d = assess(analysis, country=country)
    if not d.paused:  # the caller already knows there is a risk (e.g. a choice, not words): still show help
        code, resources = _help_for(country, {"other"})
        d = SafetyDecision(True, (), compose_message(["other"]), resources, code)
    return d


# --- the coach ---------------------------------------------------------------------------------------------
# Words that steer toward apology, accommodation or self-blame; a suggestion carrying them is never shown while
# safety coaching is paused.
_ACCOMMODATING = re.compile(
    r"\b(?:sorry|apologi[sz]e|apology|my\s+fault|i\s+was\s+wrong|i\s+should(?:\s+have|'?ve)|forgive\s+me|"
    r"i'?ll\s+(?:do\s+anything|change|try\s+harder|be\s+better|never\s+again|make\s+it\s+up)|make\s+it\s+up\s+to\s+you|"
    r"what\s+can\s+i\s+do|you'?re\s+right|i\s+(?:understand|see)\s+why\s+you|whatever\s+you\s+(?:want|need)|"
    r"i\s+care\s+about\s+you|i\s+don'?t\s+want\s+you\s+to\s+feel|my\s+part|i\s+(?:messed|screwed)\s+up|"
    r"i\s+promise|it\s+won'?t\s+happen\s+again|calm\s+(?:him|her|them)\s+down|keep\s+the\s+peace)\b",
    re.IGNORECASE,
)
# Kinds the coach offers that move toward the partner (core value response, validation, apology, amends...).
PAUSED_KINDS = frozenset(
    {
        "core_value",
        "validation",
        "accountability",
        "amends",
        "reassurance",
        "apology",
        "curiosity",
        "need_statement",
    }
)


def is_accommodating(text: str) -> bool:
    """Does this suggestion steer toward apology, accommodation or self-blame? (Checked by words and by the
    analyzer: placating or self-criticism in the suggestion count too.)"""
    if _ACCOMMODATING.search(text):
        return True
    from heartwork.engine import analyze

    try:
        a = analyze(text)
    except ValueError:
        return False
    return any(
        a.has(lbl) for lbl in ("placating", "self_criticism", "accountability", "amends", "non_apology")
    )


def filter_suggestions(decision: SafetyDecision, suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    """While paused, keep no suggestion that moves toward the partner or toward blame (see PAUSED_KINDS and
    is_accommodating); otherwise return them unchanged."""
    items = list(suggestions)
    if not decision.paused:
        return items
    return [s for s in items if s.kind not in PAUSED_KINDS and not is_accommodating(s.text)]


# --- practices and joint features -------------------------------------------------------------------------
def practice_allowed(practice_id: str, decision: SafetyDecision) -> tuple[bool, str]:
    """(allowed, message). Self-directed care stays open; practices that soften toward the partner pause."""
    if not decision.paused or practice_id not in PAUSED_PRACTICES:
        return True, ""
    return False, decision.message


def joint_feature_allowed(*signals: Any, country: str | None = None) -> tuple[bool, SafetyDecision]:
    """For shared features (repair conversation): not allowed if any partner's analyses or check-in show risk.
    Returns the decision whose message suggests individual support. It never says *whose* answers raised it."""
    reasons: list[SafetyReason] = []
    for sig in signals:
        if sig is None:
            continue
        d = assess(sig, country=country)
        reasons.extend(d.reasons)
    if not reasons:
        return True, SafetyDecision(False, country=resolve_country(country, load(strict=False)))
    # the shared message names no category: it must not reveal what either person wrote
    code, resources = _help_for(country, {"other", "self_harm"})
    return False, SafetyDecision(True, (), compose_message(["other"], joint=True), resources, code)


# --- history report --------------------------------------------------------------------------------------
def report_section(analyses: Iterable[Analysis], *, country: str | None = None) -> dict[str, Any]:
    """The safety part of a history report: how many messages carry a risk, by category, with the policy's
    message and resources. Counts only; the report decides what to quote."""
    items = list(analyses)
    d = assess(items, country=country)
    by_cat: dict[str, int] = {}
    flagged = {r.message_index for r in d.reasons}
    for r in d.reasons:
        by_cat[r.category] = by_cat.get(r.category, 0) + 1
    return {
        "paused": d.paused,
        "messages": len(items),
        "messages_with_risk": len(flagged),
        "findings_by_category": by_cat,
        "message": d.message,
        "resources": [r.to_dict() for r in d.resources],
    }
