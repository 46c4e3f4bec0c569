"""Streaks forgive one missed day; two missed days in a row end them."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from heartwork.practice.habit import compute_streaks, summarize_week, week_start

TODAY = date(2026, 3, 12)  # a Thursday


def d(n: int) -> date:
    """n days before TODAY."""
    return TODAY - timedelta(days=n)


def test_habit_no_days_no_streak() -> None:
    s = compute_streaks([], TODAY)
    assert (s.current, s.longest, s.last_day) == (0, 0, None)


def test_habit_consecutive_days_count() -> None:
    s = compute_streaks([d(2), d(1), d(0)], TODAY)
    assert (s.current, s.longest, s.forgiven, s.at_risk) == (3, 3, 0, False)


def test_habit_one_missed_day_is_forgiven() -> None:
    # practised 3 and 1 days ago and today; 2 days ago was missed -> forgiven, streak of 3 practised days
    s = compute_streaks([d(3), d(1), d(0)], TODAY)
    assert (s.current, s.forgiven) == (3, 1)


def test_habit_two_missed_days_end_the_streak() -> None:
    s = compute_streaks([d(5), d(4), d(1), d(0)], TODAY)  # 3 and 2 days ago missed
    assert (s.current, s.longest) == (2, 2)


def test_habit_today_not_over_yet_and_yesterday_forgiven() -> None:
    # last practised 2 days ago: yesterday is a forgiven miss; today isn't over, so the streak is alive but at risk
    s = compute_streaks([d(3), d(2)], TODAY)
    assert (s.current, s.forgiven, s.at_risk) == (2, 1, True)
    # last practised 3 days ago: two missed days (2 and 1 days ago) -> ended, longest remembered
    s = compute_streaks([d(4), d(3)], TODAY)
    assert (s.current, s.longest) == (0, 2)


def test_habit_duplicates_and_future_days_ignored() -> None:
    s = compute_streaks([d(0), d(0), d(1), TODAY + timedelta(days=3)], TODAY)
    assert (s.current, s.last_day) == (2, TODAY)


@given(st.sets(st.integers(min_value=0, max_value=60), max_size=40))
def test_habit_streak_invariants(offsets: set[int]) -> None:
    days = [d(n) for n in offsets]
    s = compute_streaks(days, TODAY)
    assert 0 <= s.current <= s.longest <= len(offsets)
    # alive exactly when the last practised day is today, yesterday or the day before
    assert (s.current > 0) == (bool(offsets) and min(offsets) <= 2)
    # with no forgiveness a streak is plain consecutive days
    strict = compute_streaks(days, TODAY, forgive=0)
    assert strict.longest <= s.longest


def test_habit_week_summary_counts_and_reads() -> None:
    start = week_start(TODAY)
    assert start == date(2026, 3, 9)  # Monday
    choices = [
        {"day": start, "choice": "compassion", "labels": ["validation"], "needs": ["care"]},
        {"day": start + timedelta(days=1), "choice": "reacted", "labels": ["criticism"]},
        {"day": start + timedelta(days=1), "choice": "reacted", "labels": ["criticism", "contempt"]},
        {"day": start - timedelta(days=1), "choice": "compassion"},  # previous week: ignored
    ]
    practices = [{"day": start + timedelta(days=2), "practice": "Soothing touch", "labels": []}]
    w = summarize_week(start, choices, practices)
    assert (w.compassion, w.reacted, w.days_practised) == (1, 2, 3)
    assert w.reactive_labels["criticism"] == 2 and w.compassionate_labels["validation"] == 1
    text = " ".join(w.sentences())
    assert "3 of 7 days" in text and "criticism (2x)" in text and "Soothing touch (1x)" in text
    empty = summarize_week(start + timedelta(days=7), choices, practices)
    assert "Nothing was logged this week" in empty.sentences()[0]
