"""Short, trivial and odd texts (one word, a digit, emoji, punctuation, whitespace) never crash respond()/review().

Regression: ``heartwork.review("0", "I")`` raised EmptyMessageError from inside the rewrite — the analyzer read
the one-word draft as reactive, taking its words out left nothing, and the empty rewrite was re-analysed. Now
such a draft gets a clear, kind tip that there is nothing to rewrite.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import heartwork
from heartwork.coach.respond import MAX_SUGGESTIONS, MIN_SUGGESTIONS
from heartwork.coach.review import NOTHING_TO_REWRITE, Review
from heartwork.engine import EmptyMessageError


def _explained(r: Review) -> bool:
    """The user always learns what happened: a rewrite, a pause, "fine as it is", or why there is no rewrite."""
    if r.paused_for_safety:
        return r.safety is not None
    if r.rewrite is not None:
        return bool(r.rewrite.strip()) and r.score_after is not None
    if not r.findings and r.score_after == r.score_before:
        return True  # nothing reactive and it leads with their pain: no rewrite needed
    return NOTHING_TO_REWRITE in r.tips or any("could not write a rewrite" in n for n in r.notices)


def test_review_of_a_one_word_draft_to_a_digit_says_there_is_nothing_to_rewrite() -> None:
    r = heartwork.review("0", "I")  # raised EmptyMessageError inside coach.review._rewrite
    assert _explained(r)
    if r.findings and r.rewrite is None:  # the analyzer reads "I" as reactive: nothing of the draft is left
        assert NOTHING_TO_REWRITE in r.tips
        assert r.score_after is None
    assert r.to_dict()["draft"] == "I"  # the result serialises (the web API returns it)


def test_nothing_to_rewrite_tip_is_kind_and_says_what_to_do() -> None:
    assert "nothing in your draft" in NOTHING_TO_REWRITE
    assert "acknowledge how they feel" in NOTHING_TO_REWRITE


@pytest.mark.parametrize("draft", ["I", "0", "k", "ok", "Me", "?", "...", "🙂", "❤️", "—", "I I", "I.", "No."])
@pytest.mark.parametrize("to", ["0", "You never listen to me.", "🙂", "?"])
def test_review_of_short_drafts_never_raises(to: str, draft: str) -> None:
    assert _explained(heartwork.review(to, draft))


@pytest.mark.parametrize("text", ["", " ", "\n\t ", "\u3000"])
def test_whitespace_only_is_a_clear_empty_message_error(text: str) -> None:
    with pytest.raises(EmptyMessageError, match="empty"):
        heartwork.respond(text)
    with pytest.raises(EmptyMessageError, match="draft is empty"):
        heartwork.review("You never listen.", text)


_PIECES = st.sampled_from(
    ["I", "0", "you", "You", "!", "?", ".", "...", "😀", "❤️", "🙂", " ", "\n", "\t", "-", "—", "never",
     "always", "sorry", "but", "fine", "whatever", "k", "ok", ",", "'", '"', "I'm", "me", "u", "not", "why",
     "Sam", "$5", "8:30"]
)  # fmt: skip
SHORT_TEXT = st.one_of(
    st.lists(_PIECES, min_size=1, max_size=6).map(" ".join),
    st.lists(_PIECES, min_size=1, max_size=6).map("".join),
    st.text(max_size=12),
    st.text(alphabet=st.characters(categories=["P", "S", "Z"]), min_size=1, max_size=8),  # punctuation only
)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(to=SHORT_TEXT, draft=SHORT_TEXT, with_part=st.booleans())
def test_fuzz_respond_and_review_of_short_texts(to: str, draft: str, with_part: bool) -> None:
    part = draft if with_part else None
    if not to.strip():
        with pytest.raises(EmptyMessageError):
            heartwork.respond(to)
        return
    resp = heartwork.respond(to, my_part=part)
    if not resp.paused_for_safety:
        assert MIN_SUGGESTIONS <= len(resp.suggestions) <= MAX_SUGGESTIONS
        assert all(s.text.strip() for s in resp.suggestions)
    if not draft.strip():
        with pytest.raises(EmptyMessageError):
            heartwork.review(to, draft)
        return
    assert _explained(heartwork.review(to, draft, my_part=part))
