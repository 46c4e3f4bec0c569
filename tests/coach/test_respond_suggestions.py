"""Issue 3 checks: every suggestion shown is free of reactive patterns and carries a compassionate move."""

from __future__ import annotations

import re

import pytest
from coach_data import MESSAGES

import heartwork
from heartwork.coach import KINDS, respond
from heartwork.coach.vetting import GROUNDING
from heartwork.taxonomy import REACTIVE


def test_message_set_is_large_and_varied() -> None:
    kinds = {m["kind"] for m in MESSAGES}
    assert len(MESSAGES) >= 60
    assert {
        "criticism",
        "contempt",
        "defensiveness",
        "invalidation",
        "stonewalling",
        "self_criticism",
        "neutral",
    } <= kinds
    assert len({m["text"] for m in MESSAGES}) == len(MESSAGES)


@pytest.mark.parametrize("item", MESSAGES, ids=lambda m: m["text"][:40])
def test_respond_every_suggestion_is_clean_and_compassionate(item: dict[str, str]) -> None:
    result = respond(item["text"], my_part=item.get("my_part"))
    if item["kind"] == "safety":
        assert result.paused_for_safety
        assert result.suggestions == ()
        return
    assert not result.paused_for_safety
    assert 3 <= len(result.suggestions) <= 5
    kinds = [s.kind for s in result.suggestions]
    assert len(set(kinds)) == len(kinds), "suggestions must be of different kinds"
    assert set(kinds) <= set(KINDS)
    for s in result.suggestions:
        for a in (heartwork.analyze(s.text), heartwork.analyze(s.text, context=item["text"])):
            reactive = [f.label for f in a.patterns if f.label in REACTIVE]
            assert not reactive, f"{s.text!r} reads as {reactive}"
            assert not a.safety.risk
            assert GROUNDING & set(a.labels), f"{s.text!r} carries none of {sorted(GROUNDING)} ({a.labels})"


@pytest.mark.parametrize("item", [m for m in MESSAGES if m["kind"] != "safety"], ids=lambda m: m["text"][:40])
def test_respond_never_takes_blame_unasked(item: dict[str, str]) -> None:
    """No accountability unless the user names their part; no apology/amends in answer to contempt."""
    result = respond(item["text"])
    kinds = {s.kind for s in result.suggestions}
    assert "accountability" not in kinds
    for s in result.suggestions:
        assert not re.search(
            r"\b(?:my fault|i'?m sorry|i was wrong|you'?re right)\b", s.text, re.IGNORECASE
        ), s.text
    if result.reading.stance == "contempt":
        assert not kinds & {"amends", "accountability"}
        assert any("contempt" in g for g in result.guidance)


def test_respond_owns_only_the_named_part() -> None:
    result = respond(
        "You always make plans without asking me.", my_part="said yes to Saturday without checking"
    )
    acc = [s for s in result.suggestions if s.kind == "accountability"]
    assert len(acc) == 1
    assert "said yes to Saturday without checking" in acc[0].text


def test_respond_refuses_a_part_that_is_more_than_a_part() -> None:
    result = respond("You never listen to me!", my_part="I ruin everything, it's all my fault")
    assert "accountability" not in {s.kind for s in result.suggestions}
    assert any("more than your part" in g for g in result.guidance)


def test_respond_is_not_sycophantic() -> None:
    """The coach never sides with the user against the partner."""
    for item in MESSAGES:
        if item["kind"] == "safety":
            continue
        result = respond(item["text"])
        for text in [s.text for s in result.suggestions] + list(result.guidance):
            assert not re.search(
                r"\b(?:you'?re right to be angry|your partner is (?:wrong|unfair|toxic)|you did nothing wrong|"
                r"they are wrong)\b",
                text,
                re.IGNORECASE,
            ), text


def test_respond_suggestions_are_specific_to_the_message() -> None:
    """Topic words of the message appear in its suggestions; the set is not one fixed template."""
    dishes = respond("Why do you always leave the dishes in the sink?")
    assert any("dishes" in s.text for s in dishes.suggestions)
    birthday = respond("You forgot my birthday again. You don't care about me.")
    assert any("your birthday" in s.text for s in birthday.suggestions)
    texts = {s.text for m in MESSAGES if m["kind"] != "safety" for s in respond(m["text"]).suggestions}
    assert len(texts) >= 60


def test_respond_names_what_lies_beneath() -> None:
    result = respond("You never listen to me!")
    assert result.reading.stance == "criticism"
    assert result.summary.startswith("This is likely")
    assert "criticism" in result.summary
    assert result.reading.needs and result.reading.feelings


def test_respond_contempt_is_named_kindly_without_accommodation() -> None:
    result = respond("You're pathetic. What are you, five?", my_part="forgot the tickets")
    assert result.reading.stance == "contempt"
    assert {s.kind for s in result.suggestions}.isdisjoint({"accountability", "amends"})
    assert any("don't deserve to be spoken to this way" in g for g in result.guidance)
    assert any(s.kind == "need_statement" and "respect" in s.text for s in result.suggestions)
