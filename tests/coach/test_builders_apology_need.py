"""The accountable-apology and need-statement builders."""

from __future__ import annotations

import pytest

import heartwork
from heartwork.coach.builders import CoachInputError, build_apology, build_need_statement
from heartwork.taxonomy import REACTIVE


def test_builders_apology_has_four_steps_and_self_kindness_first() -> None:
    built = build_apology(
        "I forgot to call when I was running late",
        "you waited an hour and felt unimportant",
        "I'll text you as soon as I know I'll be late",
        remorse="really bad",
    )
    assert [s for s, _ in built.steps] == ["what I did", "the impact I see", "remorse", "what I'll do"]
    assert built.text.startswith("I'm sorry I forgot to call when I was running late.")
    assert "I can see that you waited an hour" in built.text
    assert "Next time I'll text you" in built.text
    assert "Everyone makes mistakes" in built.self_kindness and "only my part" in built.self_kindness
    a = heartwork.analyze(built.text)
    assert not set(a.labels) & set(REACTIVE)
    assert "accountability" in a.labels


@pytest.mark.parametrize(
    "did", ["ruin everything", "it's all my fault", "always mess up", "you were rude first"]
)
def test_builders_apology_never_owns_more_than_a_part(did: str) -> None:
    with pytest.raises(CoachInputError) as err:
        build_apology(did, "you were hurt", "do better")
    assert "part" in str(err.value)


def test_builders_apology_refuses_a_hidden_but() -> None:
    with pytest.raises(CoachInputError, match="moves the responsibility away"):
        build_apology("was late", "you were upset, but you started it", "be on time")


def test_builders_apology_paused_for_safety() -> None:
    built = build_apology("was late", "you were upset", "call", to="If you leave I'll make you regret it.")
    assert built.paused_for_safety and built.text == "" and built.safety is not None


@pytest.mark.parametrize("missing", ["", "   "])
def test_builders_apology_missing_answer_says_how(missing: str) -> None:
    with pytest.raises(CoachInputError, match="For example"):
        build_apology(missing, "x", "y")


def test_builders_need_statement_shape() -> None:
    built = build_need_statement(
        "you said yes to dinner with your mom without checking with me",
        "I felt unseen",
        "because I need to be part of decisions about our weekends",
        "Could you check with me before saying yes?",
    )
    assert built.text == (
        "When you said yes to dinner with your mom without checking with me, I felt unseen, because I need to be "
        "part of decisions about our weekends. Would you be willing to check with me before saying yes?"
    )
    assert built.self_kindness.startswith("First, turn toward your own feeling")
    assert not set(heartwork.analyze(built.text).labels) & set(REACTIVE)


def test_builders_need_statement_rejects_always_and_fake_feelings() -> None:
    with pytest.raises(CoachInputError, match="specific moment"):
        build_need_statement("you always ignore me", "sad", "connection", "talk to me")
    with pytest.raises(CoachInputError, match="Name a feeling"):
        build_need_statement("you left early", "like you don't care", "care", "stay")


def test_builders_need_statement_rejects_criticism_in_request() -> None:
    with pytest.raises(CoachInputError, match="judges your partner"):
        build_need_statement("you left early", "lonely", "connection", "stop being so selfish")
