"""Context matters: fond 'always', third parties, quoted speech and jokes are not attacks on the partner."""

from __future__ import annotations

import pytest

from heartwork import analyze
from heartwork.taxonomy import REACTIVE


@pytest.mark.parametrize(
    "text",
    [
        "you always make me laugh",
        "my boss is so selfish",
        'My mum said "you are so lazy" about my brother, can you believe her?',
        "See you at 6, I'll grab milk on the way",
    ],
)
def test_rules_context_kind_or_third_party_text_gets_no_reactive_label(text: str) -> None:
    assert not set(analyze(text).labels) & set(REACTIVE), analyze(text).labels


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("You always ruin our plans.", "criticism"),
        ("You're so selfish.", "criticism"),
        ("What are you, five?", "contempt"),
        ("I'm sorry if you feel that way.", "non_apology"),
        ("I'm done talking.", "stonewalling"),
        ("You're overreacting.", "invalidation"),
        ("I always mess everything up.", "self_criticism"),
        ("It's fine, whatever you want.", "placating"),
        ("I'm sorry I forgot; that was my mistake.", "accountability"),
        ("What can I do to make it up to you?", "amends"),
        ("Can we take a break and come back in twenty minutes?", "repair_attempt"),
        ("Thank you for handling dinner tonight.", "appreciation"),
    ],
)
def test_rules_context_clear_phrasing_is_found(text: str, label: str) -> None:
    assert label in analyze(text).labels


def test_rules_context_explanation_names_the_words_kindly() -> None:
    a = analyze("You're so selfish.")
    f = next(f for f in a.patterns if f.label == "criticism")
    assert "so selfish" in f.evidence
    assert "character" in f.explanation and f.evidence in f.explanation


def test_rules_context_sincere_apology_is_not_a_non_apology() -> None:
    labels = analyze("I'm sorry I forgot your birthday. That was my mistake.").labels
    assert "accountability" in labels and "non_apology" not in labels
