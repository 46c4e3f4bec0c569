"""Turning an Analysis into what a page shows: highlighted segments, a legend, feelings and needs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from heartwork.model import Analysis, Finding
from heartwork.taxonomy import COMPASSIONATE, SAFETY, TITLES


def polarity(label: str) -> str:
    if label in SAFETY:
        return "safety"
    if label in COMPASSIONATE:
        return "kind"
    return "reactive"


_RANK = {"safety": 0, "reactive": 1, "kind": 2}


@dataclass(frozen=True)
class Segment:
    text: str
    labels: tuple[str, ...]  # labels covering this stretch of text (empty = plain text)

    @property
    def kind(self) -> str:
        if not self.labels:
            return "plain"
        return min((polarity(x) for x in self.labels), key=_RANK.__getitem__)

    @property
    def title(self) -> str:
        return ", ".join(TITLES.get(x, x) for x in self.labels)


def segments(text: str, findings: tuple[Finding, ...] | list[Finding]) -> list[Segment]:
    """Split ``text`` at every span boundary; each piece carries the labels whose spans cover it."""
    spans = [
        (f.span.start, f.span.end, f.label) for f in findings if 0 <= f.span.start < f.span.end <= len(text)
    ]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        labels = tuple(dict.fromkeys(lab for s, e, lab in spans if s <= a and e >= b))
        out.append(Segment(text[a:b], labels))
    return out


def view(analysis: Analysis) -> dict[str, Any]:
    """Everything the Read template needs, from one Analysis."""
    findings = list(analysis.patterns) + [f for f in analysis.safety.findings if f not in analysis.patterns]
    return {
        "text": analysis.text,
        "segments": segments(analysis.text, findings),
        "findings": [
            {
                "label": f.label,
                "title": TITLES.get(f.label, f.label),
                "kind": polarity(f.label),
                "evidence": f.evidence,
                "explanation": f.explanation,
                "score": f.score,
            }
            for f in findings
        ],
        "feelings": [x.name for x in analysis.feelings],
        "needs": [x.name for x in analysis.needs],
        "safety_risk": analysis.safety.risk,
        "notes": list(analysis.notes),
    }
