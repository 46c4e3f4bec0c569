"""Heartwork: read what lies beneath a message, answer the pain, practise compassion, stay safe.

Public API (every face — CLI, web, reports — uses these):

    >>> import heartwork
    >>> a = heartwork.analyze("You never listen to me!")
    >>> a.labels
    ('criticism',)

Heavy parts (models, storage, web) load lazily so ``import heartwork`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from heartwork.model import Analysis, Feeling, Finding, Message, Need, Safety, Span, Suggestion

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Feeling",
    "Finding",
    "Message",
    "Need",
    "Safety",
    "Span",
    "Suggestion",
    "__version__",
    "analyze",
    "analyze_many",
    "respond",
    "review",
]

if TYPE_CHECKING:
    from heartwork.coach.respond import respond
    from heartwork.coach.review import review
    from heartwork.engine import analyze, analyze_many

_LAZY = {
    "analyze": "heartwork.engine",
    "analyze_many": "heartwork.engine",
    "respond": "heartwork.coach",
    "review": "heartwork.coach",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'heartwork' has no attribute {name!r}")
