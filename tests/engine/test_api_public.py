"""The public API: names, types, and the stable machine-readable shape of shared/TAXONOMY.md."""

from __future__ import annotations

import dataclasses

import pytest

import heartwork
from heartwork.taxonomy import LABELS


def test_api_public_all_names_exist_and_nothing_private() -> None:
    for name in heartwork.__all__:
        assert getattr(heartwork, name) is not None, name
    assert not [n for n in heartwork.__all__ if n.startswith("_") and n != "__version__"]
    assert {"analyze", "analyze_many", "respond", "review", "Analysis", "Finding"} <= set(heartwork.__all__)


def test_api_public_analyze_returns_frozen_analysis_with_valid_spans() -> None:
    text = "You're so selfish. I'm sorry I forgot; that was my mistake."
    a = heartwork.analyze(text)
    assert isinstance(a, heartwork.Analysis)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.text = "x"  # type: ignore[misc]
    assert a.patterns, "clear phrasing must be found"
    for f in a.patterns:
        assert f.label in LABELS
        assert 0 <= f.span.start < f.span.end <= len(text)
        assert text[f.span.start : f.span.end] == f.evidence
        assert 0.0 <= f.score <= 1.0
        assert f.explanation and f.explanation.endswith(".")
    assert {"criticism", "accountability"} <= set(a.labels)


def test_api_public_to_dict_matches_taxonomy_contract() -> None:
    d = heartwork.analyze("You never help with anything!").to_dict()
    assert set(d) == {"text", "patterns", "feelings", "needs", "safety"}
    assert set(d["safety"]) == {"risk", "findings"}
    for p in d["patterns"]:
        assert set(p) == {"label", "start", "end", "score", "evidence", "explanation"}
    for f in d["feelings"] + d["needs"]:
        assert set(f) == {"name", "score"}


def test_api_public_analyze_many_keeps_order_and_matches_single_calls() -> None:
    texts = ["Thank you for dinner tonight.", "Whatever.", "I always mess everything up.", "See you at 6"]
    many = heartwork.analyze_many(texts)
    assert [a.text for a in many] == texts
    assert [a.labels for a in many] == [heartwork.analyze(t).labels for t in texts]


def test_api_public_bad_input_gives_clear_errors() -> None:
    from heartwork.engine import EmptyMessageError

    for empty in ("", "   \n\t "):
        with pytest.raises(EmptyMessageError, match="empty"):
            heartwork.analyze(empty)
    with pytest.raises(TypeError, match="must be text"):
        heartwork.analyze(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="contexts"):
        heartwork.analyze_many(["a", "b"], contexts=["only one"])


def test_api_public_hostile_and_huge_text_is_read_without_crashing() -> None:
    hostile = "You never listen\x00\x07 <script>alert(1)</script> \u202eevil\u202c 🙄" * 3
    a = heartwork.analyze(hostile)
    assert all(hostile[f.span.start : f.span.end] == f.evidence for f in a.patterns)
    huge = ("We talked about the weekend and it was fine. " * 23_000) + "You're so selfish."
    assert len(huge) > 1_000_000
    b = heartwork.analyze(huge)
    assert "criticism" in b.labels  # the rules read the whole message, even past the classifier's window
