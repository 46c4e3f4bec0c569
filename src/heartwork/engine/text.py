"""Small text helpers shared by detectors: sentence splitting and quoted-speech masking."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Sentence ends: . ! ? … or a newline, keeping offsets into the original text.
_SENT = re.compile(r"[^.!?…\n]+(?:[.!?…]+[\"'”’)]*|\n|$)")
# Text inside double or curly quotes is someone else's words (reported speech), not the writer's own move.
_QUOTED = re.compile(r"\"[^\"\n]{1,300}\"|“[^”\n]{1,300}”")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    out = []
    for m in _SENT.finditer(text):
        raw = m.group(0)
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        start = m.start() + lead
        out.append(Sentence(start, start + len(stripped), stripped))
    return out


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)
