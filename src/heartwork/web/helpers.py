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
