"""Validated questionnaires with their exact published scoring.

* **SCS-SF**: Self-Compassion Scale, short form (12 items). Raes, F., Pommier, E., Neff, K. D., & Van Gucht, D.
  (2011). Construction and factorial validation of a short form of the Self-Compassion Scale. *Clinical
  Psychology & Psychotherapy, 18*(3), 250-255. doi:10.1002/cpp.702. Answers 1 (almost never) to 5 (almost
  always). Items 1, 4, 8, 9, 11 and 12 (self-judgment, isolation, over-identification) are reverse-scored
  (6 - answer) for the total; the total is the mean of the 12 scored items (1-5). Subscale scores are the
  means of their two items' answers as given (so a high self-judgment score means more self-judgment).
  Kristin Neff's note accompanying the short form advises against relying on its subscale scores (two items
  each are less reliable); Heartwork shows them only as a secondary detail.
* **CSI-4**: Couples Satisfaction Index, 4 items. Funk, J. L., & Rogge, R. D. (2007). Testing the ruler with
  item response theory: Increasing precision of measurement for relationship satisfaction with the Couples
  Satisfaction Index. *Journal of Family Psychology, 21*(4), 572-583. doi:10.1037/0893-3200.21.4.572. Items
  1, 12, 19 and 22 of the CSI-32: item 1 scored 0-6, items 2-4 scored 0-5; the total is the sum (0-21).
  Totals below 13.5 suggest notable relationship dissatisfaction (the authors' CSI-4 cut-off).

See docs/practice.md for what was checked about their terms of use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

__all__ = [
    "CSI4",
    "CSI4_DISTRESS_CUTOFF",
    "INSTRUMENTS",
    "SCS_SF",
    "SCS_SF_REVERSED",
    "Instrument",
    "Item",
    "QuestionnaireNotFoundError",
    "get_instrument",
    "interpret",
    "score",
]

#: Funk & Rogge (2007): CSI-4 totals below this suggest notable relationship dissatisfaction.
CSI4_DISTRESS_CUTOFF: Final = 13.5
#: Raes et al. (2011): the negatively worded SCS-SF items, reverse-scored (6 - answer) for the total.
SCS_SF_REVERSED: Final = frozenset({1, 4, 8, 9, 11, 12})


class QuestionnaireNotFoundError(LookupError):
    """No questionnaire of that name; the message lists the valid ones."""


@dataclass(frozen=True, slots=True)
class Item:
    number: int
    text: str
    anchors: tuple[str, ...]  # the words for each answer, lowest first
    low: int  # the number the first anchor stands for

    @property
    def high(self) -> int:
        return self.low + len(self.anchors) - 1


@dataclass(frozen=True, slots=True)
class Instrument:
    id: str
    name: str
    citation: str
    instructions: str
    items: tuple[Item, ...]
    score_range: tuple[float, float]
    score_label: str


#: As published, only the ends of the 1-5 scale carry words.
_FREQ = ("Almost never", "", "", "", "Almost always")

SCS_SF: Final = Instrument(
    id="scs-sf",
    name="Self-Compassion Scale, short form (SCS-SF)",
    citation="Raes, F., Pommier, E., Neff, K. D., & Van Gucht, D. (2011). Construction and factorial validation "
    "of a short form of the Self-Compassion Scale. Clinical Psychology & Psychotherapy, 18, 250-255.",
    instructions="How I typically act towards myself in difficult times. Please read each statement carefully "
    "and answer how often you behave in the stated manner, from 1 (almost never) to 5 (almost always).",
    items=tuple(
        Item(n, t, _FREQ, 1)
        for n, t in enumerate(
            (
                "When I fail at something important to me I become consumed by feelings of inadequacy.",
                "I try to be understanding and patient towards those aspects of my personality I don't like.",
                "When something painful happens I try to take a balanced view of the situation.",
                "When I'm feeling down I tend to feel like most other people are probably happier than I am.",
                "I try to see my failings as part of the human condition.",
                "When I'm going through a very hard time, I give myself the caring and tenderness I need.",
                "When something upsets me I try to keep my emotions in balance.",
                "When I fail at something that's important to me, I tend to feel alone in my failure.",
                "When I'm feeling down I tend to obsess and fixate on everything that's wrong.",
                "When I feel inadequate in some way, I try to remind myself that feelings of inadequacy are "
                "shared by most people.",
                "I'm disapproving and judgmental about my own flaws and inadequacies.",
                "I'm intolerant and impatient towards those aspects of my personality I don't like.",
            ),
            start=1,
        )
    ),
    score_range=(1.0, 5.0),
    score_label="self-compassion (mean, 1-5)",
)

#: SCS-SF subscales (Raes et al. 2011, as listed with Neff's short-form scoring key).
SCS_SF_SUBSCALES: Final[dict[str, tuple[int, int]]] = {
    "self_kindness": (2, 6),
    "self_judgment": (11, 12),
    "common_humanity": (5, 10),
    "isolation": (4, 8),
    "mindfulness": (3, 7),
    "over_identification": (1, 9),
}

_TRUE = (
    "Not at all true",
    "A little true",
    "Somewhat true",
    "Mostly true",
    "Almost completely true",
    "Completely true",
)
_DEGREE = ("Not at all", "A little", "Somewhat", "Mostly", "Almost completely", "Completely")

CSI4: Final = Instrument(
    id="csi-4",
    name="Couples Satisfaction Index, 4 items (CSI-4)",
    citation="Funk, J. L., & Rogge, R. D. (2007). Testing the ruler with item response theory: Increasing "
    "precision of measurement for relationship satisfaction with the Couples Satisfaction Index. Journal of "
    "Family Psychology, 21, 572-583.",
    instructions="Four questions about your relationship as a whole. Answer for how things are now.",
    items=(
        Item(
            1,
            "Please indicate the degree of happiness, all things considered, of your relationship.",
            (
                "Extremely unhappy",
                "Fairly unhappy",
                "A little unhappy",
                "Happy",
                "Very happy",
                "Extremely happy",
                "Perfect",
            ),
            0,
        ),
        Item(2, "I have a warm and comfortable relationship with my partner.", _TRUE, 0),
        Item(3, "How rewarding is your relationship with your partner?", _DEGREE, 0),
        Item(4, "In general, how satisfied are you with your relationship?", _DEGREE, 0),
    ),
    score_range=(0.0, 21.0),
    score_label="relationship satisfaction (sum, 0-21)",
)

INSTRUMENTS: Final[dict[str, Instrument]] = {SCS_SF.id: SCS_SF, CSI4.id: CSI4}


def get_instrument(name: str) -> Instrument:
    key = name.strip().lower().replace("_", "-")
    aliases = {"scs": "scs-sf", "scssf": "scs-sf", "csi4": "csi-4", "csi": "csi-4"}
    key = aliases.get(key.replace("-", ""), key)
    if key not in INSTRUMENTS:
        raise QuestionnaireNotFoundError(
            f"Unknown questionnaire {name!r}. Available: {', '.join(INSTRUMENTS)}."
        )
    return INSTRUMENTS[key]


def _check(instrument: Instrument, answers: list[int] | tuple[int, ...]) -> list[int]:
    if len(answers) != len(instrument.items):
        raise ValueError(f"{instrument.id} has {len(instrument.items)} items; got {len(answers)} answers.")
    out = []
    for item, a in zip(instrument.items, answers, strict=True):
        if isinstance(a, bool) or not isinstance(a, int) or not item.low <= a <= item.high:
            raise ValueError(
                f"Item {item.number} takes a whole number from {item.low} to {item.high}; got {a!r}."
            )
        out.append(a)
    return out


def score(instrument: Instrument | str, answers: list[int] | tuple[int, ...]) -> dict[str, Any]:
    """Score a complete set of answers (in item order) exactly as published. Raises ValueError if invalid."""
    inst = get_instrument(instrument) if isinstance(instrument, str) else instrument
    a = _check(inst, answers)
    if inst.id == "scs-sf":
        scored = [6 - x if n in SCS_SF_REVERSED else x for n, x in enumerate(a, start=1)]
        subscales = {name: (a[i - 1] + a[j - 1]) / 2 for name, (i, j) in SCS_SF_SUBSCALES.items()}
        return {"total": sum(scored) / len(scored), "scored_items": scored, "subscales": subscales}
    if inst.id == "csi-4":
        total = sum(a)
        return {"total": total, "below_cutoff": total < CSI4_DISTRESS_CUTOFF, "cutoff": CSI4_DISTRESS_CUTOFF}
    raise AssertionError(inst.id)  # pragma: no cover - every instrument is scored above


def interpret(instrument: Instrument | str, scores: dict[str, Any]) -> str:
    """A plain, non-diagnostic sentence about one result."""
    inst = get_instrument(instrument) if isinstance(instrument, str) else instrument
    total = scores["total"]
    if inst.id == "scs-sf":
        if total < 2.5:
            lean = "Right now difficult moments tend to bring more self-judgment than kindness."
        elif total <= 3.5:
            lean = "Right now you meet difficult moments with a mix of kindness and self-judgment."
        else:
            lean = "Right now you often meet difficult moments with kindness toward yourself."
        return (
            f"Self-compassion: {total:.2f} on a scale from 1 to 5 (higher means more self-compassion). {lean} "
            "This is a snapshot, not a grade; it can grow with practice."
        )
    if total < CSI4_DISTRESS_CUTOFF:
        return (
            f"Relationship satisfaction: {total} out of 21. Scores below {CSI4_DISTRESS_CUTOFF} suggest notable "
            "dissatisfaction right now. That is worth taking seriously and talking about, possibly with a "
            "couples counsellor. It describes how things feel, not who is to blame."
        )
    return (
        f"Relationship satisfaction: {total} out of 21, above the {CSI4_DISTRESS_CUTOFF} line that suggests "
        "notable dissatisfaction. It describes how things feel now, and it can change either way."
    )
