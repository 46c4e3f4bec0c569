"""The reading engine: ``analyze(text)`` and ``analyze_many(texts)``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from heartwork.engine.pipeline import EmptyMessageError, get_pipeline
from heartwork.model import Analysis

__all__ = ["EmptyMessageError", "analyze", "analyze_many"]


def analyze(text: str, context: str | None = None) -> Analysis:
    """Read one message. ``context`` is the message it answers, if any (used for defensiveness etc.)."""
    return get_pipeline().run([text], [context])[0]


def analyze_many(texts: Iterable[str], contexts: Sequence[str | None] | None = None) -> list[Analysis]:
    """Read many messages at once (batched: much faster per message than calling analyze in a loop)."""
    items = list(texts)
    ctx: list[str | None] = list(contexts) if contexts is not None else [None] * len(items)
    if len(ctx) != len(items):
        raise ValueError(
            f"Got {len(items)} texts but {len(ctx)} contexts; pass one context per text or none."
        )
    return get_pipeline().run(items, ctx)
