"""Progress over time: streaks, practice counts, questionnaire scores, reactive vs compassionate moments.

:func:`build_progress` turns a :class:`~heartwork.practice.records.History` into plain numbers plus a
plain-language reading; :func:`render_terminal` draws it with Rich; :func:`write_chart` writes a PNG/SVG
(matplotlib, Agg backend) or a self-contained HTML page (the SVG inline, no external files or scripts).
"""

from __future__ import annotations

import html
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from heartwork.practice.habit import Streaks, compute_streaks, week_start
from heartwork.practice.questionnaires import CSI4_DISTRESS_CUTOFF
from heartwork.taxonomy import COMPASSIONATE, REACTIVE

if TYPE_CHECKING:
    from rich.console import Console

    from heartwork.practice.records import History

__all__ = ["SCORE_CHANGE_SHOWN", "Progress", "build_progress", "render_terminal", "write_chart"]

#: Smallest change in a questionnaire total that the reading calls a rise or a fall. These are display
#: choices for plain language (about a quarter of a scale point on the 1-5 SCS-SF; two points on the 0-21
#: CSI-4), not clinically validated change thresholds.
SCORE_CHANGE_SHOWN: Final[dict[str, float]] = {"scs-sf": 0.25, "csi-4": 2.0}
COMPASSION_COLOUR: Final = "#2a9d8f"
REACTED_COLOUR: Final = "#e76f51"
PRACTICE_COLOUR: Final = "#6d597a"


@dataclass
class Progress:
    today: date
    weeks: list[date]  # Monday of each week shown, oldest first
    streaks: Streaks
    compassion: list[int]  # daily choices per week
    reacted: list[int]
    practices: list[int]  # completed guided practices per week
    reactive_labels: list[int]  # reactive patterns found in notes and practice answers, per week
    compassionate_labels: list[int]
    practice_counts: Counter[str] = field(default_factory=Counter)  # all time, by title
    scores: dict[str, list[tuple[date, float]]] = field(default_factory=dict)  # instrument -> (day, total)
    drafts: int = 0
    reading: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            sum(self.compassion) + sum(self.reacted) + sum(self.practice_counts.values()) + len(self.scores)
        )


def _split(labels: list[str]) -> tuple[int, int]:
    return sum(1 for x in labels if x in REACTIVE), sum(1 for x in labels if x in COMPASSIONATE)


def build_progress(history: History, *, today: date, weeks: int = 8) -> Progress:
    first = week_start(today) - timedelta(weeks=weeks - 1)
    starts = [first + timedelta(weeks=i) for i in range(weeks)]
    index = {s: i for i, s in enumerate(starts)}
    comp, reac, prac, rl, cl = ([0] * weeks for _ in range(5))
    for c in history.choices:
        i = index.get(week_start(c["day"]))
        if i is None:
            continue
        if c["choice"] == "compassion":
            comp[i] += 1
        else:
            reac[i] += 1
        r, k = _split(c.get("labels") or [])
        rl[i] += r
        cl[i] += k
    counts: Counter[str] = Counter()
    for p in history.practices:
        counts[p["practice"]] += 1
        i = index.get(week_start(p["day"]))
        if i is None:
            continue
        prac[i] += 1
        r, k = _split(p.get("labels") or [])
        rl[i] += r
        cl[i] += k
    scores: dict[str, list[tuple[date, float]]] = {}
    for q in history.questionnaires:
        if q.get("total") is not None:
            scores.setdefault(q["instrument"], []).append((q["day"], float(q["total"])))
    prog = Progress(
        today=today,
        weeks=starts,
        streaks=compute_streaks(history.practised_days(), today),
        compassion=comp,
        reacted=reac,
        practices=prac,
        reactive_labels=rl,
        compassionate_labels=cl,
        practice_counts=counts,
        scores=scores,
        drafts=history.drafts,
    )
    prog.reading = read_progress(prog)
    return prog


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def read_progress(p: Progress) -> list[str]:
    """What changed, in plain words. Compares the last two weeks with the two before them."""
    if p.empty:
        return [
            "Nothing logged yet. Start small: heartwork choice compassion (or reacted) after a moment with your "
            "partner, or heartwork practice to try a guided practice."
        ]
    out: list[str] = []
    st = p.streaks
    if st.current:
        s = f"You're on a streak of {_plural(st.current, 'practised day')}"
        if st.forgiven:
            s += f" ({_plural(st.forgiven, 'rest day')} forgiven along the way)"
        out.append(s + f"; your longest so far is {_plural(st.longest, 'day')}.")
    elif st.longest:
        out.append(
            f"Your longest streak was {_plural(st.longest, 'day')}. Streaks end; practice doesn't have to. "
            "Any day is a good day to start again."
        )
    recent, before = slice(-2, None), slice(-4, -2)
    rc, rr = sum(p.compassion[recent]), sum(p.reacted[recent])
    bc, br = sum(p.compassion[before]), sum(p.reacted[before])
    if rc + rr:
        s = f"In the last two weeks you logged {_plural(rc, 'moment')} of choosing compassion and {rr} of reacting"
        if bc + br:
            share_now = rc / (rc + rr)
            share_then = bc / (bc + br)
            if share_now > share_then + 0.05:
                s += (
                    f", a larger share of compassionate moments than the two weeks before ({bc} of {bc + br})"
                )
            elif share_now < share_then - 0.05:
                s += (
                    f", a smaller share of compassionate moments than the two weeks before ({bc} of {bc + br}); "
                    "harder weeks happen, and noticing them is still practice"
                )
            else:
                s += ", about the same balance as the two weeks before"
        out.append(s + ".")
    elif bc + br:
        out.append(
            "No daily choices in the last two weeks. One quick log is enough to pick the habit back up."
        )
    rpr, bpr = sum(p.practices[recent]), sum(p.practices[before])
    if rpr or bpr:
        s = f"Guided practices: {rpr} in the last two weeks"
        s += (
            f" (up from {bpr})."
            if rpr > bpr
            else (f" (down from {bpr})." if rpr < bpr else f" (as many as the {bpr} before).")
        )
        out.append(s)
    if p.practice_counts:
        name, n = p.practice_counts.most_common(1)[0]
        out.append(f"Your most practised: {name} ({n}x).")
    rl, cl = sum(p.reactive_labels[recent]), sum(p.compassionate_labels[recent])
    if rl + cl:
        out.append(
            f"In your recent notes and answers, Heartwork read {_plural(cl, 'compassionate move')} and "
            f"{_plural(rl, 'reactive pattern')}."
        )
    names = {"scs-sf": "Self-compassion (SCS-SF, 1-5)", "csi-4": "Relationship satisfaction (CSI-4, 0-21)"}
    for inst, rows in p.scores.items():
        label = names.get(inst, inst)
        last_day, last = rows[-1]
        if len(rows) == 1:
            out.append(
                f"{label}: {last:g} on {last_day.isoformat()}. Take it again in a few weeks to see a trend."
            )
            continue
        first_day, first = rows[0]
        delta = last - first
        shown = SCORE_CHANGE_SHOWN.get(inst, 0.0)
        if delta >= shown:
            trend = "rose"
        elif delta <= -shown:
            trend = "fell"
        else:
            trend = "stayed about the same"
        out.append(
            f"{label} {trend}: from {first:.2f} ({first_day.isoformat()}) to {last:.2f} ({last_day.isoformat()})."
            if inst == "scs-sf"
            else f"{label} {trend}: from {first:g} ({first_day.isoformat()}) to {last:g} ({last_day.isoformat()})."
        )
    if p.drafts:
        out.append(f"{_plural(p.drafts, 'practice')} saved as unfinished drafts.")
    return out


# --- terminal ----------------------------------------------------------------------------------------------
def _bar(n: int, scale: float, char: str = "█") -> str:
    return char * max(0, round(n * scale)) if n else ""


def render_terminal(console: Console, p: Progress) -> None:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    st = p.streaks
    head = Text()
    head.append(f"Current streak: {st.current} ", style="bold")
    head.append(f"(longest {st.longest}; one missed day is forgiven)", style="dim")
    console.print(head)
    peak = max([*p.compassion, *p.reacted, *p.practices, 1])
    scale = min(1.0, 20 / peak)
    t = Table(title="Week by week", title_justify="left", show_edge=False)
    t.add_column("week of", no_wrap=True)
    t.add_column("chose compassion", no_wrap=True)
    t.add_column("reacted", no_wrap=True)
    t.add_column("practices", no_wrap=True)
    t.add_column("in notes: kind / reactive", no_wrap=True, justify="right")
    for i, w in enumerate(p.weeks):
        t.add_row(
            w.strftime("%d %b"),
            Text(_bar(p.compassion[i], scale) + f" {p.compassion[i]}", style=COMPASSION_COLOUR),
            Text(_bar(p.reacted[i], scale) + f" {p.reacted[i]}", style=REACTED_COLOUR),
            Text(_bar(p.practices[i], scale, "▒") + f" {p.practices[i]}", style=PRACTICE_COLOUR),
            f"{p.compassionate_labels[i]} / {p.reactive_labels[i]}",
        )
    console.print(t)
    if p.scores:
        q = Table(title="Questionnaires", title_justify="left", show_edge=False)
        q.add_column("questionnaire")
        q.add_column("scores over time (oldest first)")
        for inst, rows in p.scores.items():
            fmt = "{:.2f}" if inst == "scs-sf" else "{:g}"
            q.add_row(inst, "  ".join(f"{d.strftime('%d %b')}: {fmt.format(v)}" for d, v in rows))
        console.print(q)
    console.print(
        Panel(Text("\n".join(p.reading)), title="What changed", border_style="magenta", padding=(1, 2))
    )


# --- files -------------------------------------------------------------------------------------------------
def _figure(p: Progress) -> Any:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(11, 7.5), dpi=110, layout="constrained")
    axes = fig.subplots(2, 2)
    xs = list(range(len(p.weeks)))
    ticks = [w.strftime("%d %b") for w in p.weeks]
    width = 0.4

    ax = axes[0][0]
    ax.bar(
        [x - width / 2 for x in xs], p.compassion, width, label="chose compassion", color=COMPASSION_COLOUR
    )
    ax.bar([x + width / 2 for x in xs], p.reacted, width, label="reacted", color=REACTED_COLOUR)
    ax.set_title("Daily choices per week")
    ax.legend(loc="upper left", frameon=False)

    ax = axes[0][1]
    ax.bar(xs, p.practices, 0.6, color=PRACTICE_COLOUR)
    ax.set_title("Guided practices per week")

    ax = axes[1][0]
    ax.plot(xs, p.compassionate_labels, marker="o", color=COMPASSION_COLOUR, label="compassionate moves")
    ax.plot(xs, p.reactive_labels, marker="s", color=REACTED_COLOUR, label="reactive patterns")
    ax.set_title("What Heartwork read in your notes")
    ax.legend(loc="upper left", frameon=False)

    for a in (axes[0][0], axes[0][1], axes[1][0]):
        a.set_xticks(xs, ticks, rotation=45, ha="right", fontsize=8)
        a.yaxis.get_major_locator().set_params(integer=True)
        a.set_ylim(0, max(1.0, a.get_ylim()[1]))  # an empty week range still shows whole counts
        a.spines[["top", "right"]].set_visible(False)

    ax = axes[1][1]
    ax.set_title("Questionnaires over time")
    scs = p.scores.get("scs-sf", [])
    csi = p.scores.get("csi-4", [])
    if not scs and not csi:
        ax.text(
            0.5,
            0.5,
            "No questionnaire answers yet\n(heartwork questionnaire scs-sf)",
            ha="center",
            va="center",
        )
        ax.set_axis_off()
    else:
        handles = []
        if scs:
            handles += ax.plot(
                [d for d, _ in scs],
                [v for _, v in scs],
                marker="o",
                color=COMPASSION_COLOUR,
                label="SCS-SF (1-5)",
            )
        ax.set_ylim(1, 5)
        ax.set_ylabel("self-compassion (1-5)")
        ax.tick_params(axis="x", labelrotation=45, labelsize=8)
        from matplotlib.dates import DateFormatter

        ax.xaxis.set_major_formatter(DateFormatter("%d %b"))
        if csi:
            ax2 = ax.twinx()
            handles += ax2.plot(
                [d for d, _ in csi],
                [v for _, v in csi],
                marker="s",
                color=PRACTICE_COLOUR,
                label="CSI-4 (0-21)",
            )
            handles.append(
                ax2.axhline(
                    CSI4_DISTRESS_CUTOFF,
                    color=PRACTICE_COLOUR,
                    linestyle=":",
                    linewidth=1,
                    label=f"CSI-4 cut-off {CSI4_DISTRESS_CUTOFF}",
                )
            )
            ax2.set_ylim(0, 21)
            ax2.set_ylabel("relationship satisfaction (0-21)")
        ax.legend(handles=handles, loc="lower left", frameon=False, fontsize=8)
    st = p.streaks
    fig.suptitle(
        f"Heartwork progress to {p.today.isoformat()}  ·  streak {st.current} (longest {st.longest})"
    )
    return fig


def _svg(p: Progress) -> str:
    buf = io.StringIO()
    _figure(p).savefig(buf, format="svg")
    return buf.getvalue()


def write_chart(p: Progress, out: Path) -> Path:
    """Write a .png, .svg or .html file; returns the path."""
    suffix = out.suffix.lower()
    if suffix not in (".png", ".svg", ".html"):
        raise ValueError("Use a file name ending in .png, .svg or .html.")
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".html":
        svg = _svg(p)
        svg = svg[svg.find("<svg") :]
        reading = "".join(f"<li>{html.escape(s)}</li>" for s in p.reading)
        rows = "".join(
            f"<tr><td>{w.isoformat()}</td><td>{p.compassion[i]}</td><td>{p.reacted[i]}</td>"
            f"<td>{p.practices[i]}</td><td>{p.compassionate_labels[i]}</td><td>{p.reactive_labels[i]}</td></tr>"
            for i, w in enumerate(p.weeks)
        )
        page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Heartwork progress</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}}
svg{{max-width:100%;height:auto}} table{{border-collapse:collapse}} td,th{{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:right}}
th:first-child,td:first-child{{text-align:left}}</style></head>
<body><h1>Your progress</h1><p>Up to {p.today.isoformat()}. Current streak: {p.streaks.current} days
(longest {p.streaks.longest}; one missed day is forgiven).</p>
<h2>What changed</h2><ul>{reading}</ul>
<figure>{svg}</figure>
<h2>Week by week</h2><table><thead><tr><th>week of</th><th>chose compassion</th><th>reacted</th><th>practices</th>
<th>compassionate moves in notes</th><th>reactive patterns in notes</th></tr></thead><tbody>{rows}</tbody></table>
<p><small>Made by Heartwork on your own computer. Nothing in this file is loaded from the internet.</small></p>
</body></html>
"""
        out.write_text(page, encoding="utf-8")
    else:
        _figure(p).savefig(out, format=suffix[1:])
    return out
