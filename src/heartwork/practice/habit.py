"""The habit of choosing compassion: streaks that forgive a missed day, and weekly summaries. Pure functions.

A day counts as *practised* when you logged a daily choice (either kind: noticing that you reacted is part of
the practice) or completed a guided practice. A streak is a run of practised days in which no two days in a
row were missed: one missed day is forgiven (rest is part of training, APPROACH.md §3), two end it.
The streak's length is the number of practised days in it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Final

from heartwork.taxonomy import COMPASSIONATE, REACTIVE, TITLES

__all__ = [
    "FORGIVEN_MISSED_DAYS",
    "Streaks",
    "WeekSummary",
    "compute_streaks",
    "summarize_week",
    "week_start",
]

#: How many missed days in a row a streak survives (1: one missed day is forgiven, two in a row end it).
FORGIVEN_MISSED_DAYS: Final = 1


@dataclass(frozen=True, slots=True)
class Streaks:
    current: int  # practised days in the streak that is still alive today (0 if none)
    longest: int  # practised days in the longest streak ever
    forgiven: int  # missed days forgiven inside the current streak
    last_day: date | None  # the most recent practised day
    at_risk: bool  # True when today is not practised and one more missed day would end the streak


def compute_streaks(days: Iterable[date], today: date, forgive: int = FORGIVEN_MISSED_DAYS) -> Streaks:
    """Streaks over the practised ``days`` (duplicates and future days are ignored)."""
    uniq = sorted({d for d in days if d <= today})
    if not uniq:
        return Streaks(0, 0, 0, None, False)
    runs: list[tuple[int, int]] = []  # (practised days, forgiven days) per run
    count, forgiven = 1, 0
    for prev, cur in zip(uniq, uniq[1:], strict=False):
        missed = (cur - prev).days - 1
        if missed <= forgive:
            count += 1
            forgiven += missed
        else:
            runs.append((count, forgiven))
            count, forgiven = 1, 0
    runs.append((count, forgiven))
    last = uniq[-1]
    missed_since = max(0, (today - last).days - 1)  # today itself is not over yet, so it isn't missed
    alive = missed_since <= forgive
    current, cur_forgiven = runs[-1] if alive else (0, 0)
    if alive:
        cur_forgiven += missed_since
    at_risk = alive and last < today and missed_since == forgive
    return Streaks(
        current=current,
        longest=max(c for c, _ in runs),
        forgiven=cur_forgiven,
        last_day=last,
        at_risk=at_risk,
    )


def week_start(d: date) -> date:
    """The Monday of ``d``'s week."""
    return d - timedelta(days=d.weekday())


@dataclass
class WeekSummary:
    start: date
    end: date
    compassion: int = 0
    reacted: int = 0
    practices: Counter[str] = field(default_factory=Counter)
    reactive_labels: Counter[str] = field(default_factory=Counter)
    compassionate_labels: Counter[str] = field(default_factory=Counter)
    needs: Counter[str] = field(default_factory=Counter)
    days_practised: int = 0

    @property
    def moments(self) -> int:
        return self.compassion + self.reacted

    def sentences(self, previous: WeekSummary | None = None) -> list[str]:
        """A plain-language reading of the week (compared with the previous one when given)."""
        out: list[str] = []
        if not self.moments and not sum(self.practices.values()):
            return [
                "Nothing was logged this week. That's all right: a week off is part of training too. "
                "One small check-in is enough to start again."
            ]
        out.append(
            f"You practised on {self.days_practised} of 7 days and logged {self.compassion} "
            f"moment{'s' if self.compassion != 1 else ''} of choosing compassion and {self.reacted} "
            f"moment{'s' if self.reacted != 1 else ''} of reacting."
        )
        if self.reacted and not self.compassion:
            out.append(
                "Noticing when you react is where change begins. Next week, try catching one moment where you "
                "pause first."
            )
        if previous is not None and (previous.moments or self.moments):
            if self.compassion > previous.compassion:
                out.append(f"That's more compassionate moments than the week before ({previous.compassion}).")
            elif self.compassion < previous.compassion:
                out.append(
                    f"That's fewer compassionate moments than the week before ({previous.compassion}); "
                    "setbacks are part of the practice, not the end of it."
                )
        if self.practices:
            done = ", ".join(f"{name} ({n}x)" for name, n in self.practices.most_common())
            out.append(f"Guided practices: {done}.")
        if self.reactive_labels:
            label, n = self.reactive_labels.most_common(1)[0]
            out.append(
                f"In your notes the most frequent reactive pattern was {TITLES[label].lower()} ({n}x); that is "
                "the threat system to be gentle and curious with."
            )
        if self.compassionate_labels:
            label, n = self.compassionate_labels.most_common(1)[0]
            out.append(
                f"The most frequent compassionate move in your notes was {TITLES[label].lower()} ({n}x)."
            )
        if self.needs:
            top = [n for n, _ in self.needs.most_common(3)]
            out.append(f"Needs that came up: {', '.join(top)}.")
        return out


def summarize_week(
    start: date,
    choices: Iterable[dict[str, Any]],
    practices: Iterable[dict[str, Any]],
) -> WeekSummary:
    """Summarise the 7 days from ``start``.

    ``choices``: dicts with ``day`` (date), ``choice`` ("compassion"/"reacted"), optional ``labels`` and
    ``needs`` (lists of strings). ``practices``: dicts with ``day``, ``practice`` (title or id), ``labels``.
    Items outside the week are ignored, so callers may pass everything.
    """
    end = start + timedelta(days=6)
    w = WeekSummary(start=start, end=end)
    days: set[date] = set()
    for c in choices:
        if not start <= c["day"] <= end:
            continue
        days.add(c["day"])
        if c["choice"] == "compassion":
            w.compassion += 1
        elif c["choice"] == "reacted":
            w.reacted += 1
        _count_labels(w, c.get("labels") or [])
        w.needs.update(c.get("needs") or [])
    for p in practices:
        if not start <= p["day"] <= end:
            continue
        days.add(p["day"])
        w.practices[p["practice"]] += 1
        _count_labels(w, p.get("labels") or [])
    w.days_practised = len(days)
    return w


def _count_labels(w: WeekSummary, labels: Iterable[str]) -> None:
    for label in labels:
        if label in REACTIVE:
            w.reactive_labels[label] += 1
        elif label in COMPASSIONATE:
            w.compassionate_labels[label] += 1
