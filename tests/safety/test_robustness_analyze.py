"""Property tests for the public reading API: no crash, no hang, bounded time, exact spans, known labels.

Time bounds here are generous ceilings that catch a hang or catastrophic regex backtracking, not speed
targets (those live in the benchmarks).
"""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import heartwork
from heartwork.engine import EmptyMessageError
from heartwork.taxonomy import LABELS

# Words that wake the detectors up, mixed with arbitrary unicode, so the properties are checked on texts
# that produce findings and not only on noise.
TRIGGERS = [
    "you always",
    "you never",
    "I'm sorry",
    "if you feel",
    "whatever",
    "kill",
    "me",
    "my phone",
    "won't let me",
    "I want to die",
    "lol",
    "😂",
    "scared of him",
    "he hit me",
    "not",
    "never",
    "if you leave",
    "you'll regret it",
    "checks",
    "reads my messages",
    "my friends",
    "money",
    "sex",
    "said no",
    "\n",
    ".",
    "!",
    "?",
    "’",
    "\u202e",
    "\x00",
    "\u200b",
    "ﬁ",
    "İ",
    "ß",
    "\ud7ff",
    "   ",
    "\t",
    '"',
    "“",
    "”",
]
texts = st.lists(st.one_of(st.sampled_from(TRIGGERS), st.text(max_size=30)), min_size=1, max_size=40).map(
    " ".join
)
nonblank = texts.filter(lambda t: bool(t.strip()))

PER_MESSAGE_CEILING_S = 2.0  # a hang or exponential backtracking shows up as seconds, a normal read as ms


def _check(a: heartwork.Analysis, text: str) -> None:
    assert a.text == text
    for f in (*a.patterns, *a.safety.findings):
        assert f.label in LABELS
        assert 0 <= f.span.start < f.span.end <= len(text)
        assert f.evidence == text[f.span.start : f.span.end]
        assert f.explanation.strip()
        assert 0.0 <= f.score <= 1.0
    assert a.safety.risk == bool(a.safety.findings)
    assert set(a.safety.findings) <= set(a.patterns)
    assert a.to_dict()["text"] == text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(nonblank)
def test_robustness_analyze_properties(text: str) -> None:
    t0 = time.perf_counter()
    a = heartwork.analyze(text)
    assert time.perf_counter() - t0 < PER_MESSAGE_CEILING_S
    _check(a, text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(nonblank, min_size=1, max_size=20))
def test_robustness_analyze_many_matches_analyze(batch: list[str]) -> None:
    t0 = time.perf_counter()
    out = heartwork.analyze_many(batch)
    assert time.perf_counter() - t0 < PER_MESSAGE_CEILING_S * len(batch)
    assert len(out) == len(batch)
    for text, a in zip(batch, out, strict=True):
        _check(a, text)
        single = heartwork.analyze(text)
        assert single.safety.risk == a.safety.risk
        assert [f.span for f in single.safety.findings] == [f.span for f in a.safety.findings]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=" \t\n\r\u00a0\u2003", max_size=50))
def test_robustness_blank_text_is_a_clear_error(text: str) -> None:
    try:
        heartwork.analyze(text)
    except EmptyMessageError as exc:
        assert "empty" in str(exc)
    else:
        raise AssertionError("blank text must raise EmptyMessageError")


@settings(max_examples=50, deadline=None)
@given(st.one_of(st.integers(), st.none(), st.binary(max_size=20), st.lists(st.text(max_size=5), max_size=3)))
def test_robustness_non_text_is_a_type_error(value: object) -> None:
    try:
        heartwork.analyze(value)  # type: ignore[arg-type]
    except TypeError as exc:
        assert "text" in str(exc)
    else:
        raise AssertionError("non-str input must raise TypeError")


def test_robustness_long_unpunctuated_message_bounded() -> None:
    """A 200 kB message with no sentence ends and many trigger words: linear time, no hang."""
    text = " ".join(["you never let me see my friends and I am scared of him"] * 3_700)[:200_000]
    t0 = time.perf_counter()
    a = heartwork.analyze(text)
    elapsed = time.perf_counter() - t0
    assert a.safety.risk
    assert elapsed < 60, elapsed
    _check(a, text)
