"""Adapters to the other areas' public APIs (safety resources and policy, coach, practices).

Kept in one place so the pages stay simple and the seams to other areas are easy to see.
"""

from __future__ import annotations

from typing import Any

from heartwork.settings import Settings


def safety_context(settings: Settings) -> dict[str, Any]:
    """Help resources for the configured country (heartwork.safety), as plain dicts for the template."""
    resources: list[dict[str, Any]] = []
    try:
        from heartwork.safety import resources as res_mod  # type: ignore[attr-defined]

        for r in res_mod.for_country(settings.country):
            resources.append(
                {k: getattr(r, k, "") for k in ("name", "phone", "text", "web", "hours", "country")}
            )
    except (ImportError, AttributeError):
        pass
    return {"resources": resources, "country": settings.country}


def pace_seconds(step: Any) -> float:
    """How long the page paces a breath or timer step before Continue is offered (0 = no pacing)."""
    if step.type == "breath":
        return float(step.count * (step.inhale + step.hold + step.exhale))
    if step.type == "timer":
        return float(step.seconds)
    return 0.0


def review_draft(to: str, draft: str) -> dict[str, Any]:
    """The coach's review of a draft (heartwork.review) plus the highlighted analysis of the draft itself.

    When the draft carries a safety risk, coaching is paused (only the safety message is returned).
    """
    import heartwork
    from heartwork.web.render import view

    analysis = heartwork.analyze(draft)
    out: dict[str, Any] = {
        "view": view(analysis),
        "safety": analysis.safety.risk,
        "coach": None,
        "error": None,
    }
    if analysis.safety.risk:
        return out
    try:
        out["coach"] = coach_review_view(heartwork.review(to or "", draft))
    except NotImplementedError:
        out["error"] = (
            "The coach's review is not available in this version yet; the reading above still applies."
        )
    return out


def coach_review_view(result: Any) -> dict[str, Any]:
    """A coach review result as plain data for templates (tolerant of the coach's evolving result type)."""
    if hasattr(result, "to_dict"):
        d = result.to_dict()
    elif isinstance(result, dict):
        d = result
    else:
        d = {
            k: getattr(result, k)
            for k in dir(result)
            if not k.startswith("_") and not callable(getattr(result, k))
        }
    return d
