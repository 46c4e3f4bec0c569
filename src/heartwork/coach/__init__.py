"""The compassion coach (issue 3): respond to a partner's message, review a draft, builders.

>>> from heartwork.coach import respond
>>> r = respond("You never listen to me!")
>>> [s.kind for s in r.suggestions]
['core_value', 'validation', 'amends', 'curiosity']
"""

from __future__ import annotations

from heartwork.coach.composer import KINDS
from heartwork.coach.respond import MessageTooLongError, Response, respond
from heartwork.coach.review import Review, review

__all__ = ["KINDS", "MessageTooLongError", "Response", "Review", "respond", "review"]
