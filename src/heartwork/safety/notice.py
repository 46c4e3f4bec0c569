"""The safety pause in the small form the coach and the practices carry: the calm message and the help.

:func:`safety_notice` asks the one safety policy (``heartwork.safety.policy.notice``) and keeps just what a
face shows: the message and the resources (``Resource.line()`` prints one; ``to_dict()`` gives plain data for
JSON). This module stays light to import: the policy, and the safety detector behind it, load only when a
notice is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from heartwork.model import Analysis, Safety

if TYPE_CHECKING:
    from heartwork.safety.resources import Resource

__all__ = ["SafetyNotice", "safety_notice"]


@dataclass(frozen=True)
class SafetyNotice:
    """What to show instead of coaching or a practice: the policy's message and its help resources."""

    message: str
    resources: tuple[Resource, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"message": self.message, "resources": [r.to_dict() for r in self.resources]}


def safety_notice(analysis: Analysis | None = None, country: str | None = "INTL") -> SafetyNotice:
    """The policy's notice for ``analysis``, or for a risk a choice (not words) raised when it is None.

    ``country`` None means the configured one (settings). Help is shown even when the analysis carries no
    finding: the caller already knows there is a risk.
    """
    from heartwork.safety.policy import notice

    if analysis is None:
        analysis = Analysis(text="", safety=Safety(risk=True))
    decision = notice(analysis, country=country)
    return SafetyNotice(decision.message, decision.resources)
