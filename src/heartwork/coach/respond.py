"""respond(): what lies beneath a partner's message, and 3–5 ways to answer the pain rather than the "facts"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from heartwork.coach.backends import TEMPLATE, Backend, BackendError, GenerationRequest, get_backend
from heartwork.coach.composer import NO_ACCOMMODATION, compose, normalise_part
from heartwork.coach.reading import Reading, read
from heartwork.coach.vetting import pick_first_passing
from heartwork.model import Analysis, Suggestion
from heartwork.safety.notice import SafetyNotice, safety_notice
from heartwork.taxonomy import TITLES

# The coach answers one message at a time. 20,000 characters is a very long letter (~3,500 words) and keeps a
# call well under a second; whole conversations belong in the history report (heartwork import / report).
MAX_MESSAGE_CHARS = 20_000
MIN_SUGGESTIONS = 3
MAX_SUGGESTIONS = 5


class MessageTooLongError(ValueError):
    """The message is longer than the coach reads at once."""


@dataclass(frozen=True)
class Response:
    """What the coach offers for one partner message."""

    analysis: Analysis
    reading: Reading
    suggestions: tuple[Suggestion, ...]
    paused_for_safety: bool = False
    safety: SafetyNotice | None = None
    guidance: tuple[str, ...] = ()  # what the coach wants the user to know (e.g. this is contempt)
    notices: tuple[str, ...] = ()  # technical notices (backend fallback, language)
    backend: str = TEMPLATE
    discarded: tuple[dict[str, str], ...] = field(default=())

    @property
    def summary(self) -> str:
        if self.paused_for_safety:
            return "This message may point to a risk to someone's safety. Coaching is paused."
        return self.reading.summary()

    def to_dict(self) -> dict[str, Any]:
        return {
            "beneath": self.analysis.to_dict(),
            "suggestions": [{"kind": s.kind, "text": s.text, "why": s.why} for s in self.suggestions],
            "paused_for_safety": self.paused_for_safety,
            "summary": self.summary,
            "reading": {
                "stance": self.reading.stance,
                "feelings": list(self.reading.feelings),
                "needs": list(self.reading.needs),
                "inferred": self.reading.inferred,
                "topic": self.reading.topic,
                "language": self.reading.language,
            },
            "guidance": list(self.guidance),
            "safety": self.safety.to_dict() if self.safety else None,
            "notices": list(self.notices),
            "backend": self.backend,
            "discarded": [dict(d) for d in self.discarded],
        }


def check_message(message: object, what: str = "message") -> str:
    if not isinstance(message, str):
        raise TypeError(f"The {what} must be text (str), not {type(message).__name__}.")
    if not message.strip():
        from heartwork.engine import EmptyMessageError

        raise EmptyMessageError(f"Nothing to read: the {what} is empty. Pass the words in quotes.")
    if len(message) > MAX_MESSAGE_CHARS:
        raise MessageTooLongError(
            f"The {what} is {len(message):,} characters long; the coach answers one message of up to "
            f"{MAX_MESSAGE_CHARS:,} characters. Paste the part you want to answer, or import the whole "
            "conversation for a pattern report (heartwork import)."
        )
    return message


def language_notice(reading: Reading) -> str | None:
    if reading.language == "none":
        return (
            "This message has no words (only emoji or symbols), so the coach can't tell what lies beneath it. "
            "The suggestions are general; asking what they mean is a kind start."
        )
    if reading.language == "other":
        return (
            "Heartwork reads English for now, and this message doesn't look like English, so the reading may "
            "miss what lies beneath it. The suggestions are general."
        )
    return None


def part_problem(part: str) -> str | None:
    """Why a named part is not a single part of one's own (None when it is fine)."""
    from heartwork.engine import analyze

    p = normalise_part(part)
    if not p:
        return "Your part is empty. Name one specific thing you did, e.g. 'forgot to call when I was late'."
    a = analyze(f"I'm sorry I {p}.")
    heavy = [f.evidence for f in a.patterns if f.label in ("self_criticism", "placating")]
    if heavy or re.search(r"\b(?:everything|all my fault|always|whole thing|all of it)\b", p, re.IGNORECASE):
        return (
            f"'{part.strip()}' sounds like more than your part. Owning the whole conflict tends to become a "
            "shame spiral; name one specific thing you did (e.g. 'forgot to call when I was late')."
        )
    if re.match(r"^(?:you|your|he|she|they)\b", p, re.IGNORECASE):
        return (
            f"'{part.strip()}' describes what your partner did. An apology is for your own part; their part "
            "belongs in a need statement (heartwork need-statement)."
        )
    return None


def _guidance(analysis: Analysis, reading: Reading) -> list[str]:
    out = []
    if reading.stance == "contempt":
        words = [f.evidence for f in analysis.patterns if f.label == "contempt"][:2]
        quoted = " and ".join(f"“{w}”" for w in words)
        out.append(
            f"Your partner's message carries contempt ({quoted}). Whatever hurt is behind it, you don't deserve "
            "to be spoken to this way, and you don't need to apologise for being insulted. These replies stay "
            "open to the pain beneath without accepting the insult."
        )
    elif reading.stance == "criticism":
        out.append(
            "Their words sound like an accusation, but they are usually a cry for understanding. You don't have "
            "to agree with the facts to answer the pain."
        )
    elif reading.stance == "stonewalling":
        out.append("Shutting down often means feeling flooded. Give space, and offer a time to come back.")
    elif reading.stance in ("defensiveness", "invalidation", "non_apology"):
        out.append(
            f"Your partner's reply reads as {TITLES[reading.stance].lower()}. That doesn't make your feeling wrong; "
            "you can speak up for it from kindness without attacking back."
        )
    elif reading.stance == "self_criticism":
        out.append(
            "Your partner is being hard on themselves. Meet the shame with kindness, not with arguments."
        )
    return out


def respond(
    message: str,
    *,
    my_part: str | None = None,
    backend: str | Backend | None = None,
    backend_options: dict[str, Any] | None = None,
    country: str | None = None,
) -> Response:
    """Read a partner's message and offer 3–5 compassionate replies of different kinds.

    ``my_part`` is the part the user owns ("forgot to call"); only then is an accountability reply offered.
    ``backend`` is "template" (default, offline), a registered backend name ("openai", "llama-cpp") or a
    backend object; ``None`` means "openai" when HEARTWORK_LLM_URL is set, else the template composer.
    """
    from heartwork.engine import analyze

    check_message(message)
    analysis = analyze(message)
    reading = read(analysis)
    notices = [n for n in (language_notice(reading),) if n]
    notices.extend(analysis.notes)

    if analysis.safety.risk:
        from heartwork import settings

        return Response(
            analysis=analysis,
            reading=reading,
            suggestions=(),
            paused_for_safety=True,
            safety=safety_notice(analysis, country or settings.load().country),
            notices=tuple(notices),
        )

    guidance = _guidance(analysis, reading)
    part = my_part.strip() if my_part else None
    if part:
        problem = part_problem(part)
        if problem:
            guidance.append(problem)
            part = None
        elif reading.stance in NO_ACCOMMODATION:
            guidance.append(
                "Your part can wait until you are spoken to with respect; it is not offered here."
            )
            part = None

    composed = compose(reading, part)
    kinds = tuple(composed)
    queues: dict[str, list[tuple[str, str, str]]] = {k: [] for k in kinds}

    name, generator = _resolve_backend(backend, backend_options or {}, notices)
    if generator is not None:
        request = GenerationRequest(
            message=message,
            summary=reading.summary(),
            stance=reading.stance,
            kinds=kinds,
            feelings=reading.feelings,
            needs=reading.needs,
            my_part=part,
        )
        try:
            for kind, text in generator.generate(request):
                if kind in queues:
                    queues[kind].append(
                        (text, f"Written by the {name} backend; checked by the analyzer.", name)
                    )
        except Exception as exc:  # any backend failure (timeout, bad answer, plugin bug) falls back
            reason = str(exc) if isinstance(exc, BackendError) else f"{type(exc).__name__}: {exc}"
            notices.append(
                f"The {name} backend failed: {reason}. Showing the built-in composer's suggestions instead."
            )
            name = TEMPLATE
    for kind, cands in composed.items():
        queues[kind].extend((c.text, c.why, TEMPLATE) for c in cands)

    chosen, discarded = pick_first_passing(queues, context=message)
    suggestions = tuple(
        Suggestion(kind, chosen[kind][0], chosen[kind][1]) for kind in kinds if kind in chosen
    )
    if generator is not None and name != TEMPLATE:
        dropped = [d for d in discarded if d["source"] == name]
        if dropped:
            notices.append(
                f"{len(dropped)} suggestion(s) from the {name} backend were not shown because the analyzer "
                "read them as reactive or not compassionate enough; the next candidate was used."
            )
    if len(suggestions) < MIN_SUGGESTIONS:
        notices.append(f"Only {len(suggestions)} suggestion(s) passed the analyzer's check.")
    return Response(
        analysis=analysis,
        reading=reading,
        suggestions=suggestions[:MAX_SUGGESTIONS],
        guidance=tuple(guidance),
        notices=tuple(notices),
        backend=name,
        discarded=tuple(discarded),
    )


def _resolve_backend(
    backend: str | Backend | None, options: dict[str, Any], notices: list[str]
) -> tuple[str, Backend | None]:
    if backend is None:
        from heartwork import settings

        backend = "openai" if settings.load().llm_url else TEMPLATE
    if isinstance(backend, str):
        if backend == TEMPLATE:
            return TEMPLATE, None
        try:
            return backend, get_backend(backend, **options)
        except BackendError as exc:  # unavailable here: fall back, say why and how to fix
            notices.append(
                f"The {backend} backend is unavailable: {exc} Showing the built-in composer's suggestions."
            )
            return TEMPLATE, None
    return getattr(backend, "name", type(backend).__name__), backend
