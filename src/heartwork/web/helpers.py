"""Adapters to the other areas' public APIs (safety resources and policy, coach, practices).

Kept in one place so the pages stay simple and the seams to other areas are easy to see.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

from heartwork.settings import Settings


def resource_view(r: Any) -> dict[str, Any]:
    """One heartwork.safety Resource as plain data for templates."""
    phone = r.phone or ""
    dial = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    return {
        "name": r.name,
        "phone": phone,
        # a tel: link only when the phone field is a number (not words like "your local emergency number")
        "tel": dial if len(dial) >= 3 and not any(ch.isalpha() for ch in phone) else "",
        "text": r.text,
        "web": r.web,
        "hours": r.hours,
        "description": r.description,
        "verified": r.verified,
    }


def safety_context(settings: Settings) -> dict[str, Any]:
    """Help resources for the configured country (heartwork.safety.resources), for the Safety page."""
    from heartwork.safety import resources

    code = resources.resolve_country(settings.country)
    names = resources.countries()
    return {
        "resources": [resource_view(r) for r in resources.for_country(code)],
        "country": names.get(code, code),
    }


def safety_decision(analysis: Any, settings: Settings) -> dict[str, Any] | None:
    """The one safety policy's decision for an analysis (heartwork.safety.policy), or None when not paused."""
    from heartwork.safety import policy

    decision = policy.assess(analysis, country=settings.country)
    if not decision.paused:
        return None
    return {"message": decision.message, "resources": [resource_view(r) for r in decision.resources[:4]]}


def pace_seconds(step: Any) -> float:
    """How long the page paces a breath or timer step before Continue is offered (0 = no pacing)."""
    if step.type == "breath":
        return float(step.count * (step.inhale + step.hold + step.exhale))
    if step.type == "timer":
        return float(step.seconds)
    return 0.0


def coach_respond() -> Callable[..., Any]:
    """heartwork.respond (the public API)."""
    import heartwork

    fn: Any = heartwork.respond
    return fn  # type: ignore[no-any-return,unused-ignore]


def coach_review() -> Callable[..., Any]:
    """heartwork.review (the public API); tolerant of the coach package exposing the submodule of that name."""
    import heartwork

    fn: Any = heartwork.review
    if isinstance(fn, types.ModuleType):
        fn = fn.review
    return fn  # type: ignore[no-any-return,unused-ignore]


def review_draft(to: str, draft: str) -> dict[str, Any]:
    """The coach's review of a draft reply to ``to`` (heartwork.review), with the highlighted reading of the draft.

    Without a partner message to answer yet, only the reading of the draft is given. When either text carries a
    safety risk, coaching is paused (the safety notice is returned instead of tips and rewrites).
    """
    import heartwork
    from heartwork.web.render import view

    analysis = heartwork.analyze(draft, to or None)
    out: dict[str, Any] = {
        "view": view(analysis),
        "safety": analysis.safety.risk,
        "coach": None,
        "note": None,
    }
    if analysis.safety.risk:
        return out
    if not to.strip():
        out["note"] = (
            "The coach reviews a reply once your partner has written; for now, here is how your words read."
        )
        return out
    try:
        result = coach_review()(to, draft).to_dict()
    except ValueError as exc:  # the coach refused this input; say so instead of failing the page
        out["note"] = f"The coach could not review this draft: {exc}"
        return out
    out["coach"] = result
    out["safety"] = bool(result.get("paused_for_safety"))
    return out
