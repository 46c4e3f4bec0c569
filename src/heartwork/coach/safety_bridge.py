"""The one place the coach asks the safety policy what to say when a message carries a safety risk.

The safety area owns the policy and the help resources (``heartwork.safety.policy``). The coach imports it
lazily and asks ``notice(analysis, country=...)`` for the calm message and the resources to show. The result may
be a mapping or an object with ``message`` and ``resources`` (each resource a mapping or an object with
``to_dict()``). While that module does not exist yet, a minimal local message is used instead.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from heartwork.model import Analysis

log = logging.getLogger(__name__)

POLICY_MODULE = "heartwork.safety.policy"

FALLBACK_MESSAGE = (
    "Something in this message may point to a risk to someone's safety, so coaching is paused. This is not "
    "something to fix by apologising, accommodating or taking the blame. If you or someone else is in danger "
    "right now, call your local emergency number. You can also talk in confidence to a domestic-abuse or "
    "crisis helpline."
)
FALLBACK_RESOURCES: tuple[dict[str, str], ...] = (
    {"name": "Emergency services", "contact": "your local emergency number (for example 911, 999, 112, 000)"},
    {
        "name": "Find a Helpline (international directory of free, confidential helplines)",
        "web": "https://findahelpline.com",
    },
)


@dataclass(frozen=True)
class SafetyNotice:
    message: str
    resources: tuple[dict[str, Any], ...]
    source: str  # "policy" (heartwork.safety.policy) or "fallback"

    def to_dict(self) -> dict[str, Any]:
        return {
            "message": self.message,
            "resources": [dict(r) for r in self.resources],
            "source": self.source,
        }


def _policy() -> Any | None:
    try:
        return importlib.import_module(POLICY_MODULE)
    except Exception:  # absent, or failing to import: the built-in message still reaches the person
        log.warning(
            "heartwork.safety.policy is unavailable; showing the built-in safety message", exc_info=True
        )
        return None


def _as_dict(obj: Any) -> dict[str, Any]:
    if isinstance(obj, Mapping):
        return dict(obj)
    if hasattr(obj, "to_dict"):
        return dict(obj.to_dict())
    return {"name": str(obj)}


def safety_notice(analysis: Analysis, country: str = "INTL") -> SafetyNotice:
    """What to show instead of coaching when ``analysis.safety.risk`` is true."""
    policy = _policy()
    notice = getattr(policy, "notice", None) if policy is not None else None
    if notice is None:
        return SafetyNotice(FALLBACK_MESSAGE, FALLBACK_RESOURCES, "fallback")
    try:
        result = notice(analysis, country=country)
    except Exception:  # a broken policy must never leave a person at risk without the message and help
        log.exception("heartwork.safety.policy.notice failed; showing the built-in safety message")
        return SafetyNotice(FALLBACK_MESSAGE, FALLBACK_RESOURCES, "fallback")
    if isinstance(result, Mapping):
        message, resources = result.get("message", FALLBACK_MESSAGE), result.get("resources", ())
    else:
        message = getattr(result, "message", FALLBACK_MESSAGE)
        resources = getattr(result, "resources", ())
    return SafetyNotice(str(message), tuple(_as_dict(r) for r in resources), "policy")
