"""Every text the coach shows is re-read by the analyzer first.

A candidate is shown only when the analyzer finds no reactive pattern and no safety risk in it, and finds at
least one grounding move (validation, reassurance, accountability, amends or curiosity) — the Checks of
issue 3. Candidates are read in batches (one ``analyze_many`` call per round) because batched reading is much
cheaper per text once the learned classifier runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from heartwork.model import Analysis
from heartwork.taxonomy import REACTIVE

# At least one of these must be present in every suggestion the coach shows (issue 3, Checks).
GROUNDING = frozenset({"validation", "reassurance", "accountability", "amends", "curiosity"})


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str  # "" when ok; else e.g. "reactive: criticism" / "safety risk" / "no compassionate move found"
    analysis: Analysis


def judge(analysis: Analysis, require_grounding: bool = True) -> Verdict:
    reactive = [label for label in analysis.labels if label in REACTIVE]
    if analysis.safety.risk:
        return Verdict(False, "safety risk", analysis)
    if reactive:
        return Verdict(False, "reactive: " + ", ".join(reactive), analysis)
    if require_grounding and not GROUNDING & set(analysis.labels):
        return Verdict(False, "no compassionate move found by the analyzer", analysis)
    return Verdict(True, "", analysis)


def vet_many(texts: Sequence[str], context: str | None, require_grounding: bool = True) -> list[Verdict]:
    """Read every text in one batch — as a reply to ``context`` and on its own — and judge it.

    A text passes only if both readings pass: what the partner receives is read in context, but the words must
    also stand on their own (a suggestion may be copied elsewhere).
    """
    from heartwork.engine import analyze_many

    if not texts:
        return []
    n = len(texts)
    if context is None:
        return [judge(a, require_grounding) for a in analyze_many(list(texts))]
    analyses = analyze_many([*texts, *texts], [context] * n + [None] * n)
    out = []
    for in_context, alone in zip(analyses[:n], analyses[n:], strict=True):
        v = judge(in_context, require_grounding)
        out.append(v if not v.ok else judge(alone, require_grounding))
    return out


def pick_first_passing(
    queues: dict[str, list[tuple[str, str, str]]], context: str | None
) -> tuple[dict[str, tuple[str, str, str, Analysis]], list[dict[str, str]]]:
    """For each kind, the first candidate (text, why, source) that passes, reading one candidate per kind per round.

    Returns ({kind: (text, why, source, analysis)}, discarded) where discarded lists what was rejected and why.
    """
    chosen: dict[str, tuple[str, str, str, Analysis]] = {}
    discarded: list[dict[str, str]] = []
    pending = {k: list(q) for k, q in queues.items() if q}
    while pending:
        batch = [(k, q.pop(0)) for k, q in pending.items()]
        verdicts = vet_many([c[0] for _, c in batch], context)
        for (kind, (text, why, source)), v in zip(batch, verdicts, strict=True):
            if v.ok:
                chosen[kind] = (text, why, source, v.analysis)
                pending.pop(kind, None)
            else:
                discarded.append({"kind": kind, "text": text, "source": source, "reason": v.reason})
        pending = {k: q for k, q in pending.items() if q and k not in chosen}
    return chosen, discarded
