"""review(): reactive spans with why/try-instead, before/after scores, a clean rewrite that keeps key facts."""

from __future__ import annotations

import pytest
from coach_data import DRAFTS

import heartwork
from heartwork.coach import review
from heartwork.coach.review import compassion_score, key_facts
from heartwork.taxonomy import REACTIVE


@pytest.mark.parametrize("item", DRAFTS, ids=lambda d: d["draft"][:40])
def test_review_rewrite_keeps_facts_and_reads_clean(item: dict[str, object]) -> None:
    to, draft, facts = str(item["to"]), str(item["draft"]), list(item["facts"])  # type: ignore[call-overload]
    result = review(to, draft)
    if result.rewrite is None:  # only a draft that is already fine has no rewrite
        assert not result.findings
        assert result.score_after == result.score_before
        return
    for fact in facts:
        assert fact in result.rewrite, f"{fact!r} lost from {result.rewrite!r}"
    a = heartwork.analyze(result.rewrite, context=to)
    assert not [f.label for f in a.patterns if f.label in REACTIVE], (result.rewrite, a.labels)
    assert result.score_after is not None and result.score_after >= result.score_before


@pytest.mark.parametrize("item", DRAFTS, ids=lambda d: d["draft"][:40])
def test_review_points_at_each_reactive_span(item: dict[str, object]) -> None:
    """Every reactive finding of the analyzer is shown with its exact words, why, and what to try instead."""
    to, draft = str(item["to"]), str(item["draft"])
    result = review(to, draft)
    analysis = heartwork.analyze(draft, context=to)
    assert [f.label for f in result.findings] == [f.label for f in analysis.patterns if f.label in REACTIVE]
    for f in result.findings:
        assert f.label in REACTIVE
        assert draft[f.start : f.end] == f.evidence
        assert f.why and f.try_instead


@pytest.mark.parametrize(
    ("draft", "label"),
    [
        ("Whatever.", "stonewalling"),
        ("You're overreacting.", "invalidation"),
        ("Sorry if you feel that way.", "non_apology"),
    ],
)
def test_review_flags_clear_cases(draft: str, label: str) -> None:
    result = review("You never listen to me.", draft)
    assert label in {f.label for f in result.findings}
    assert result.score_before < 50


def test_review_you_always_becomes_a_moment_and_a_feeling() -> None:
    result = review("Dinner was cold again.", "You always come home late, Sam, and dinner was cold by 8:30.")
    assert result.rewrite is not None
    assert "When you come home late" in result.rewrite
    assert "I feel" in result.rewrite
    assert "always" not in result.rewrite


def test_review_sorry_if_you_feel_becomes_ownership() -> None:
    result = review(
        "You left me alone at the party.", "I'm sorry if you feel hurt, but I had to stay at work until 9."
    )
    assert any(f.label == "non_apology" for f in result.findings)
    assert result.rewrite is not None
    assert "sorry if you feel" not in result.rewrite.lower()
    assert "I'm sorry for my part" in result.rewrite
    owned = review(
        "You left me alone at the party.",
        "Sorry if you feel that way.",
        my_part="left without saying goodbye",
    )
    assert owned.rewrite is not None and "I'm sorry I left without saying goodbye" in owned.rewrite


def test_review_leads_with_their_pain_before_facts() -> None:
    result = review(
        "You didn't even call! I waited for two hours.", "That's not true, I did call you at 6pm!"
    )
    assert result.rewrite is not None
    first = heartwork.analyze(result.rewrite.split(".")[0] + ".")
    assert {"validation", "reassurance"} & set(first.labels)
    assert result.rewrite.index("6pm") > len(result.rewrite) // 3
    assert any("Lead with their pain" in t for t in result.tips)


def test_review_a_kind_draft_is_left_alone() -> None:
    to = "You didn't pick up the kids."
    draft = "I can see how stressful that was. I'm sorry I forgot to pick up the kids. I'll set a reminder for 3pm."
    result = review(to, draft)
    assert not result.findings
    assert result.rewrite is None
    assert result.score_after == result.score_before


def test_review_safety_pauses_and_writes_no_rewrite() -> None:
    result = review(
        "If you leave I'll make you regret it.", "I'm sorry, I'll do anything, please don't be mad."
    )
    assert result.paused_for_safety
    assert result.rewrite is None
    assert result.safety is not None and result.safety.resources


def test_review_json_shape() -> None:
    d = review("You never listen.", "Whatever.").to_dict()
    assert {"findings", "score_before", "score_after", "rewrite", "paused_for_safety"} <= set(d)
    assert d["findings"] and {"label", "start", "end", "evidence", "why", "try_instead"} <= set(
        d["findings"][0]
    )


def test_compassion_score_orders_kind_above_reactive() -> None:
    kind = compassion_score(heartwork.analyze("I can see how hurt you are. What can I do to help?"))
    harsh = compassion_score(heartwork.analyze("You're overreacting. Whatever."))
    assert 0 <= harsh < 50 < kind <= 100


def test_key_facts_finds_names_times_amounts() -> None:
    facts = key_facts("Tom paid $40 at 6pm on Friday, and Mia stayed for 3 days.")
    for f in ("Tom", "$40", "6pm", "Friday", "Mia", "3 days"):
        assert f in facts
