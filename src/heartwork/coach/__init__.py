"""The compassion coach (issue 3): respond to a partner's message, review a draft, builders."""

from __future__ import annotations

from typing import Any


def respond(message: str, **kwargs: Any) -> Any:
    raise NotImplementedError("The coach is not built yet (issue 3).")


def review(to: str, draft: str, **kwargs: Any) -> Any:
    raise NotImplementedError("The coach is not built yet (issue 3).")
