"""The label ids of shared/TAXONOMY.md (a public contract), their polarity and plain-language wording.

This module is the single source of label ids: everything else imports them from here.
"""

from __future__ import annotations

from typing import Final

REACTIVE: Final = (
    "criticism",
    "contempt",
    "defensiveness",
    "stonewalling",
    "invalidation",
    "self_criticism",
    "placating",
    "non_apology",
)
COMPASSIONATE: Final = (
    "validation",
    "accountability",
    "amends",
    "reassurance",
    "need_statement",
    "curiosity",
    "appreciation",
    "self_kindness",
    "repair_attempt",
)
SAFETY: Final = ("safety_risk",)
LABELS: Final = REACTIVE + COMPASSIONATE + SAFETY

TITLES: Final[dict[str, str]] = {
    "criticism": "Criticism",
    "contempt": "Contempt",
    "defensiveness": "Defensiveness",
    "stonewalling": "Stonewalling",
    "invalidation": "Invalidation",
    "self_criticism": "Self-criticism",
    "placating": "Placating",
    "non_apology": "Non-apology",
    "validation": "Validation",
    "accountability": "Accountability",
    "amends": "Amends",
    "reassurance": "Reassurance",
    "need_statement": "Need statement",
    "curiosity": "Curiosity",
    "appreciation": "Appreciation",
    "self_kindness": "Self-kindness",
    "repair_attempt": "Repair attempt",
    "safety_risk": "Safety risk",
}

# One kind, non-judgemental sentence per label; "{evidence}" is replaced by the words found.
EXPLANATIONS: Final[dict[str, str]] = {
    "criticism": "This describes your partner's character or generalises ('{evidence}') rather than naming the "
    "specific moment that hurt and how it felt.",
    "contempt": "These words ('{evidence}') carry mockery or scorn, which tends to make a partner feel small "
    "rather than heard.",
    "defensiveness": "This answers the complaint by defending or counter-attacking ('{evidence}'), which can "
    "leave the other person's pain unheard.",
    "stonewalling": "This closes the conversation ('{evidence}') without saying when it can continue.",
    "invalidation": "This tells the other person their feeling is wrong or too much ('{evidence}'), even though "
    "feelings are real whatever the facts.",
    "self_criticism": "This is a harsh judgement of yourself ('{evidence}'); owning a mistake doesn't need "
    "self-attack.",
    "placating": "This gives up your own feelings or needs to keep the peace ('{evidence}'); your needs matter "
    "too.",
    "non_apology": "This sounds like an apology but moves the responsibility away ('{evidence}'), so it may "
    "not feel like one.",
    "validation": "This acknowledges the other person's feeling as real and understandable ('{evidence}').",
    "accountability": "This owns a specific part of what happened ('{evidence}').",
    "amends": "This offers repair or asks what would help ('{evidence}').",
    "reassurance": "This affirms care and commitment ('{evidence}').",
    "need_statement": "This speaks from your own feelings and needs ('{evidence}') instead of blaming.",
    "curiosity": "This asks openly about the other person's experience ('{evidence}').",
    "appreciation": "This notices and thanks the good ('{evidence}').",
    "self_kindness": "This is a kind, understanding voice toward yourself ('{evidence}').",
    "repair_attempt": "This de-escalates and offers a way back into the conversation ('{evidence}').",
    "safety_risk": "These words ('{evidence}') may point to a risk to someone's safety; your safety comes "
    "first, and help is available.",
}


def polarity(label: str) -> str:
    """'reactive', 'compassionate' or 'safety'."""
    if label in REACTIVE:
        return "reactive"
    if label in COMPASSIONATE:
        return "compassionate"
    if label in SAFETY:
        return "safety"
    raise KeyError(f"Unknown label {label!r}. Valid labels: {', '.join(LABELS)}")


def explain(label: str, evidence: str) -> str:
    words = evidence.strip()
    if len(words) > 80:
        words = words[:77].rstrip() + "…"
    return EXPLANATIONS[label].format(evidence=words)
