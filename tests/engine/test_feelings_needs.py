"""Feelings and needs beneath the words (issue example)."""

from __future__ import annotations

from heartwork import analyze
from heartwork.engine.feelings import inventory

REQUIRED_NEEDS = {
    "care",
    "consideration",
    "to be seen and heard",
    "understanding",
    "connection",
    "respect",
    "trust and reliability",
    "support",
    "appreciation",
    "autonomy and space",
    "safety",
    "rest",
    "fairness and partnership",
}


def test_feelings_needs_issue_example() -> None:
    a = analyze("You don't care about me! You're cold and selfish!")
    feelings = {f.name for f in a.feelings}
    needs = {n.name for n in a.needs}
    assert {"hurt", "uncared for"} <= feelings
    assert {"care", "to matter"} <= needs


def test_feelings_needs_inventory_covers_taxonomy_minimum() -> None:
    _, needs = inventory()
    assert {n.name for n in needs} >= REQUIRED_NEEDS


def test_feelings_needs_kind_message_reads_as_pleasant() -> None:
    a = analyze("Thank you so much for looking after me when I was ill.")
    assert a.feelings and a.feelings[0].name == "grateful"
    assert "appreciation" in {n.name for n in a.needs}


def test_feelings_needs_scores_sorted_and_bounded() -> None:
    a = analyze("I'm exhausted and I do everything around here on my own.")
    for seq in (a.feelings, a.needs):
        scores = [x.score for x in seq]
        assert scores == sorted(scores, reverse=True)
        assert all(0 < s <= 1 for s in scores)
    assert "exhausted" in {f.name for f in a.feelings}
