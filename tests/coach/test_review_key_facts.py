"""key_facts(): the names, times and amounts a rewrite must keep — and not an imperative capitalised only because
it opens a sentence. Regression: "Leave me alone. I'll call Ana on Saturday." took "Leave" for a name, so the
rewrite kept the stonewalling sentence as "my side" ("… I'd like to share my side too: Leave me alone.")."""

from __future__ import annotations

import pytest

from heartwork.coach import review
from heartwork.coach.review import key_facts


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("Leave me alone. I'll call Ana on Saturday.", ["Saturday", "Ana"]),
        ("Calm down, I was at Mark's until 11.", ["11", "Mark"]),
        ("Forget it! Ben can pick up the kids at 5pm.", ["5pm", "Ben"]),
        ('"Leave me alone" is what you said.', []),
        ("Get out of here. Ben saw it.", ["Ben"]),
        ("Sam, you always do this.", ["Sam"]),  # an address opens the sentence: still a name
        ("Ana's car broke down.", ["Ana"]),
        ("Tom paid. Mia stayed.", ["Tom", "Mia"]),  # a name followed by a verb
        ("Rose up early. I saw Rose at noon.", ["noon", "Rose"]),  # capitalised mid-sentence too: a name
        ("You always come home late, Sam, and dinner was cold by 8:30.", ["8:30", "Sam"]),
        ("I paid $120 on Monday.", ["$120", "Monday"]),
    ],
)
def test_key_facts_skip_words_capitalised_only_because_they_open_a_sentence(
    text: str, facts: list[str]
) -> None:
    assert key_facts(text) == facts


def test_review_does_not_keep_a_stonewalling_sentence_as_my_side() -> None:
    to, draft = "You said you'd call your mother back.", "Leave me alone. I'll call Ana on Saturday."
    result = review(to, draft)
    assert "stonewalling" in {f.label for f in result.findings}  # a clear case the rules catch
    assert result.rewrite is not None
    assert "Leave me alone" not in result.rewrite and not result.rewrite.startswith("Leave")
    assert "Ana" in result.rewrite and "Saturday" in result.rewrite
