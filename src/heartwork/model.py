"""The public data types. Frozen dataclasses: every face passes these around, none mutates them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into the analysed text (end exclusive)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Finding:
    """One label found in a message, with the words that show it and why."""

    label: str
    span: Span
    score: float
    evidence: str
    explanation: str
    source: str = "rules"  # which detector produced it: rules | classifier | safety

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "start": self.span.start,
            "end": self.span.end,
            "score": round(self.score, 3),
            "evidence": self.evidence,
            "explanation": self.explanation,
        }


@dataclass(frozen=True, slots=True)
class Feeling:
    name: str
    score: float


@dataclass(frozen=True, slots=True)
class Need:
    name: str
    score: float


@dataclass(frozen=True, slots=True)
class Safety:
    risk: bool
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    """What lies beneath one message."""

    text: str
    patterns: tuple[Finding, ...] = ()
    feelings: tuple[Feeling, ...] = ()
    needs: tuple[Need, ...] = ()
    safety: Safety = field(default_factory=lambda: Safety(risk=False))
    notes: tuple[str, ...] = ()  # e.g. "a detector failed" or "text was truncated"

    @property
    def labels(self) -> tuple[str, ...]:
        """Distinct labels in order of first appearance."""
        return tuple(dict.fromkeys(f.label for f in self.patterns))

    def has(self, label: str) -> bool:
        return any(f.label == label for f in self.patterns)

    def to_dict(self) -> dict[str, Any]:
        """The stable machine-readable shape of shared/TAXONOMY.md."""
        return {
            "text": self.text,
            "patterns": [f.to_dict() for f in self.patterns],
            "feelings": [{"name": x.name, "score": round(x.score, 3)} for x in self.feelings],
            "needs": [{"name": x.name, "score": round(x.score, 3)} for x in self.needs],
            "safety": {"risk": self.safety.risk, "findings": [f.to_dict() for f in self.safety.findings]},
        }


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A response the coach offers. kind is one of coach.KINDS."""

    kind: str
    text: str
    why: str = ""


@dataclass(frozen=True, slots=True)
class Message:
    """One message of a conversation (imported chat, repair conversation)."""

    text: str
    author: str = ""
    timestamp: str = ""  # ISO-8601

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
