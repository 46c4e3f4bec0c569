"""The calm note a practice shows when it pauses for safety.

The safety area owns the policy and the help resources (``heartwork.safety.policy.notice(analysis,
country=...)``, returning a mapping or an object with ``message`` and ``resources``). It is imported lazily;
while it is missing, the short fallback below is used, so a practice can always pause safely.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from heartwork.model import Analysis, Safety

__all__ = ["FALLBACK_MESSAGE", "FALLBACK_RESOURCES", "PracticeSafetyNote", "safety_note"]

POLICY_MODULE: Final = "heartwork.safety.policy"

FALLBACK_MESSAGE: Final = (
    "Let's pause this practice here. Something you shared suggests you may not be safe, or may be carrying "
    "something very heavy right now. That is not something to work through with a self-help exercise, and it "
    "is never yours to fix by taking the blame or keeping the peace. Your answers are kept as a private draft. "
    "If you or someone else is in danger right now, call your local emergency number. You can also talk in "
    "confidence to a domestic-abuse or crisis helpline."
)
FALLBACK_RESOURCES: Final[tuple[dict[str, str], ...]] = (
    {"name": "Emergency services", "contact": "your local emergency number (for example 112, 911, 999, 000)"},
    {"name": "Find a Helpline (free, confidential helplines by country)", "web": "https://findahelpline.com"},
)


@dataclass(frozen=True)
class PracticeSafetyNote:
    message: str
    resources: tuple[dict[str, Any], ...]
    source: str  # "policy" or "fallback"


def _as_dict(obj: Any) -> dict[str, Any]:
    if isinstance(obj, Mapping):
        return dict(obj)
    if hasattr(obj, "to_dict"):
        return dict(obj.to_dict())
    return {"name": str(obj)}


def safety_note(analysis: Analysis | None = None, country: str = "INTL") -> PracticeSafetyNote:
    """The message and resources to show. ``analysis`` may be None when a choice (not words) raised it."""
    if analysis is None:
        analysis = Analysis(text="", safety=Safety(risk=True))
    try:
        policy = importlib.import_module(POLICY_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name not in (POLICY_MODULE, "heartwork.safety"):
            raise
        policy = None
    notice = getattr(policy, "notice", None) if policy is not None else None
    if callable(notice):
        try:
            result = notice(analysis, country=country)
            message = result["message"] if isinstance(result, Mapping) else result.message
            resources = result["resources"] if isinstance(result, Mapping) else result.resources
            if isinstance(message, str) and message.strip():
                return PracticeSafetyNote(message, tuple(_as_dict(r) for r in resources or ()), "policy")
        except Exception:  # a broken policy must never block the pause itself
            pass
    return PracticeSafetyNote(FALLBACK_MESSAGE, FALLBACK_RESOURCES, "fallback")
