"""The reflection report: a JSON summary and a self-contained, offline HTML page.

The page loads nothing from anywhere (a Content-Security-Policy forbids it), has no scripts, and escapes
every piece of text from the chat. The plain-language summary treats every participant with the same words
and structure; it describes patterns, never who is "the problem".
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from html import escape
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from heartwork.history import charts
from heartwork.history.analysis import (
    GOTTMAN_RATIO,
    REPAIR_LABELS,
    SEVERITY,
    HistoryAnalysis,
    Item,
)
from heartwork.taxonomy import COMPASSIONATE, EXPLANATIONS, LABELS, REACTIVE, TITLES

if TYPE_CHECKING:
    from heartwork.safety.resources import Resource

__all__ = ["build_summary", "plain_summary", "render_html", "safety_resources", "write_report"]

# What tends to help with each reactive pattern (Gottman's "antidotes" and the approach in shared/APPROACH.md).
ANTIDOTES = {
    "criticism": 'a gentle start-up: name one specific moment, how it felt, and what you need ("I felt alone '
    'when the plans changed; could we decide together next time?")',
    "contempt": "a habit of appreciation: saying out loud, often, what you value in each other",
    "defensiveness": "answering the feeling before the facts, and owning even a small part (\"you're right that "
    "I didn't check with you\")",
    "stonewalling": "a break with a way back: \"I'm flooded, can we pause for twenty minutes and come back to "
    'this?" and then coming back',
    "invalidation": 'validation: "that makes sense, given what happened", whether or not you agree on the facts',
    "non_apology": 'an apology that owns a specific part, without "if" or "but"',
    "self_criticism": "self-kindness: owning a mistake in the voice you would use with a friend",
    "placating": "saying what you need, kindly, instead of giving it up to keep the peace",
}
# Wording for each label inside a sentence.
PHRASES = {label: TITLES[label].lower() for label in LABELS}
PHRASES.update({"need_statement": "saying what they need", "repair_attempt": "repair attempts"})

# ---------------------------------------------------------------------------------------------------------
# Safety resources (owned by heartwork.safety: the one policy chooses and orders them).


def safety_resources(country: str | None = None, texts: list[str] | None = None) -> list[dict[str, str]]:
    """Help resources for the safety note: the safety policy's, ordered for what the flagged messages are about
    (``heartwork.safety.policy.notice``, which skips a broken user resources file so help is always shown)."""
    from heartwork import analyze_many
    from heartwork.safety.policy import notice

    return [_resource(r) for r in notice(analyze_many(texts or []), country=country).resources]


def _resource(r: Resource) -> dict[str, str]:
    parts = [r.description]
    if r.phone:
        hours = f" ({r.hours})" if r.hours and r.hours != "depends on the service" else ""
        parts.append(f"Call {r.phone}{hours}.")
    if r.text:
        parts.append(r.text.rstrip(".") + ".")
    detail = " ".join(p.strip() for p in parts if p and p.strip())
    return {"name": r.name, "detail": detail, "url": r.web}


# ---------------------------------------------------------------------------------------------------------
# The JSON summary.


def _ratio(kind: int, reactive: int) -> float | None:
    return round(kind / reactive, 2) if reactive else None


def _period_rows(a: HistoryAnalysis, granularity: str) -> list[dict[str, Any]]:
    rows = []
    for key, p in a.periods(granularity):
        rows.append(
            {
                "period": key,
                "messages": p["messages"],
                "reactive": p["reactive"],
                "compassionate": p["compassionate"],
                "conflicts": p["conflicts"],
                "conflict_reactive": p["conflict_reactive"],
                "conflict_compassionate": p["conflict_compassionate"],
                "conflict_ratio": _ratio(p["conflict_compassionate"], p["conflict_reactive"]),
                "escalation_chains": p["chains"],
                "safety": p["safety"],
                "by_participant": {k: dict(v) for k, v in p["by_author"].items()},
            }
        )
    return rows


def build_summary(
    import_summary: dict[str, Any], a: HistoryAnalysis, me: str | None = None
) -> dict[str, Any]:
    from heartwork import __version__

    people = [name for name, _ in a.participants.most_common()]
    per: dict[str, Any] = {}
    for name in people:
        counts = a.label_counts[name]
        n = a.participants[name]
        moves: dict[str, int] = dict(a.conflict_moves.get(name, {}))
        per[name] = {
            "messages": n,
            "patterns": {label: counts.get(label, 0) for label in LABELS},
            "reactive_total": sum(counts.get(label, 0) for label in REACTIVE),
            "compassionate_total": sum(counts.get(label, 0) for label in COMPASSIONATE),
            "messages_with_reactive": a.messages_with_reactive[name],
            "messages_with_compassion": a.messages_with_compassion[name],
            "per_100_messages": {
                label: round(100 * counts.get(label, 0) / n, 1) for label in LABELS if counts.get(label, 0)
            },
            "conflict_ratio": _ratio(moves.get("compassionate", 0), moves.get("reactive", 0)),
            "repair_attempts": {o: a.repairs[(name, o)] for o in ("calmed", "continued", "no_reply")},
        }
    repairs = {
        o: sum(v for (_, oo), v in a.repairs.items() if oo == o) for o in ("calmed", "continued", "no_reply")
    }
    conflict_kind = sum(m.get("compassionate", 0) for m in a.conflict_moves.values())
    conflict_reactive = sum(m.get("reactive", 0) for m in a.conflict_moves.values())
    summary = dict(import_summary)
    summary.update(
        {
            "heartwork_version": __version__,
            "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "me": me,
            "messages_analysed": a.messages,
            "participants": people,
            "per_participant": per,
            "over_time": {
                "granularity": a.granularity,
                "weekly": _period_rows(a, "week"),
                "monthly": _period_rows(a, "month"),
            },
            "balance": {
                "reference_ratio": GOTTMAN_RATIO,
                "reference": "Gottman & Levenson: about 5 positive to 1 negative interaction during conflict in "
                "couples who stay together",
                "conflict_ratio": _ratio(conflict_kind, conflict_reactive),
                "conflict_compassionate": conflict_kind,
                "conflict_reactive": conflict_reactive,
                "conversations": a.conversations,
                "conflicts": a.conflicts,
            },
            "escalation": {
                "chains": a.chain_count,
                "escalating": a.escalating_count,
                "common_sequences": [
                    {"sequence": list(seq), "count": n} for seq, n in a.chain_sequences.most_common(8)
                ],
                "transitions": [
                    {"from": x, "to": y, "count": n} for (x, y), n in a.transitions.most_common(10)
                ],
                "replies_to_reactive": dict(a.replies_to_reactive),
            },
            "repairs": {"total": sum(repairs.values()), **repairs},
            "hardest_conversations": [
                {
                    "number": c.number,
                    "start": c.start,
                    "end": c.end,
                    "messages": c.messages,
                    "reactive": c.reactive,
                    "compassionate": c.compassionate,
                    "by_participant": c.by_author,
                }
                for c in a.hardest
            ],
            "safety": {"risk": a.safety_count > 0, "messages": a.safety_count},
            "analysis_notes": list(a.notes),
            "summary_text": plain_summary(a, me),
        }
    )
    return summary


# ---------------------------------------------------------------------------------------------------------
# Plain words, the same for everyone.


def _date(ts: str | None) -> str:
    if not ts:
        return ""
    d = datetime.fromisoformat(ts)
    return f"{d.day} {d.strftime('%B %Y')}"


def _list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class _Who:
    def __init__(self, name: str, me: str | None) -> None:
        self.you = me is not None and name == me
        self.name = name

    @property
    def subject(self) -> str:
        return "you" if self.you else self.name

    @property
    def Subject(self) -> str:  # noqa: N802 - sentence-initial form
        return "You" if self.you else self.name

    @property
    def Poss(self) -> str:  # noqa: N802
        return "Your" if self.you else f"{self.name}'s"

    @property
    def obj(self) -> str:
        return "you are" if self.you else f"{self.name} is"


def plain_summary(a: HistoryAnalysis, me: str | None = None) -> list[str]:
    """A short, kind, non-blaming reading in plain words. Every person gets the same sentences."""
    people = [name for name, _ in a.participants.most_common()]
    if me is not None and me in people:
        people.remove(me)
        people.insert(0, me)
    out: list[str] = []
    if not a.messages:
        return ["There were no messages to read."]
    share = round(100 * a.plain_messages / a.messages)
    names = _list([_Who(p, me).subject for p in people])
    out.append(
        f"This report reads {a.messages:,} messages between {names}, from {_date(a.first)} to {_date(a.last)}, "
        f"in {a.conversations:,} conversations. {share}% of the messages carry none of the patterns below: "
        "most of this history is ordinary, everyday talk."
    )
    warm, tense = [], []
    for p in people:
        w = _Who(p, me)
        counts = a.label_counts[p]
        kind = [
            lab
            for lab, _ in sorted(
                ((lab, counts[lab]) for lab in COMPASSIONATE if counts[lab]), key=lambda t: -t[1]
            )
        ][:2]
        reactive = [
            lab
            for lab, _ in sorted(((lab, counts[lab]) for lab in REACTIVE if counts[lab]), key=lambda t: -t[1])
        ][:2]
        if kind:
            warm.append(f"{w.Poss} warmest moves are most often {_list([PHRASES[k] for k in kind])}.")
        else:
            warm.append(
                f"{w.Poss} warmth does not show much in the words this reader recognises; care often "
                "shows in ways words don't capture."
            )
        if reactive:
            tense.append(
                f"When things get tense, {w.Poss.lower() if w.you else w.Poss} messages most often show "
                f"{_list([PHRASES[k] for k in reactive])}."
            )
        else:
            tense.append(f"{w.Poss} messages rarely show the reactive patterns this reader looks for.")
    out.append(" ".join(warm))
    out.append(
        " ".join(tense)
        + " These are the threat-and-defence system at work, common in every close relationship: signs of feeling "
        "hurt, accused or overwhelmed, not a measure of who anyone is."
    )
    if a.transitions:
        (x, y), n = a.transitions.most_common(1)[0]
        replies = a.replies_to_reactive
        total = sum(replies.values())
        kind_share = round(100 * replies.get("compassionate", 0) / total) if total else 0
        out.append(
            f"The loop that comes back most often: {PHRASES[x]} answered by {PHRASES[y]} ({n} "
            f"{'time' if n == 1 else 'times'}). A loop like this belongs to both people, since each reply makes "
            f"sense as a response to the one before it. When a message carried a reactive pattern, the reply "
            f"was a kind move {kind_share}% of the time."
        )
    periods = [(k, p) for k, p in a.periods() if p["conflict_reactive"]]
    total_kind = sum(p["conflict_compassionate"] for _, p in periods)
    total_reactive = sum(p["conflict_reactive"] for _, p in periods)
    if total_reactive:
        overall = total_kind / total_reactive
        sentence = (
            f"During disagreements there were {overall:.1f} kind moves for every reactive one (research on couples "
            f"who stay together found about {GOTTMAN_RATIO:g} to 1 during conflict; it is a reference, not a "
            "grade)."
        )
        if len(periods) >= 4:
            half = len(periods) // 2
            r1 = _ratio_of(periods[:half])
            r2 = _ratio_of(periods[half:])
            if r1 is not None and r2 is not None:
                if r2 > r1 * 1.25:
                    trend = "disagreements have been meeting more care lately"
                elif r2 < r1 / 1.25:
                    trend = "disagreements have been harder lately, which may be worth talking about gently"
                else:
                    trend = "it has stayed about the same"
                sentence += f" It went from {r1:.1f}:1 in the first half of this time to {r2:.1f}:1 in the second: {trend}."
        out.append(sentence)
    total_repairs = sum(a.repairs.values())
    if total_repairs:
        calmed = sum(v for (_, o), v in a.repairs.items() if o == "calmed")
        tried = [
            _Who(p, me) for p in people if sum(a.repairs[(p, o)] for o in ("calmed", "continued", "no_reply"))
        ]
        who = (
            "Both of you reached for repair"
            if len(tried) >= 2 and len(people) == 2
            else (f"{_list([w.Subject for w in tried])} reached for repair" if tried else "")
        )
        out.append(
            f"{who} in tense moments ({total_repairs} {'time' if total_repairs == 1 else 'times'}); after {calmed} of "
            "them the conversation grew calmer. An attempt that is noticed and taken up matters as much as the "
            "attempt itself."
        )
    overall_reactive = sum(((a.label_counts[p]) for p in people), start=_counter())
    top = [lab for lab, _ in overall_reactive.most_common() if lab in ANTIDOTES][:1]
    if top:
        out.append(f"A place you could start together: {ANTIDOTES[top[0]]}.")
    out.append(
        "This is a reading of words alone, by software. It can be wrong, and it cannot know tone, history, or what "
        "happened offline. It is meant to open a conversation between you, not to decide who is right."
    )
    return out


def _counter() -> Any:
    from collections import Counter

    return Counter()


def _ratio_of(periods: list[tuple[str, dict[str, Any]]]) -> float | None:
    k = sum(p["conflict_compassionate"] for _, p in periods)
    r = sum(p["conflict_reactive"] for _, p in periods)
    return k / r if r else None


# ---------------------------------------------------------------------------------------------------------
# HTML.


def highlight(item: Item) -> Markup:
    """The message text with the words behind each finding marked; everything escaped."""
    text = item.text
    spans = sorted((s, e, lab) for lab, s, e in item.findings if 0 <= s < e <= len(text))
    out: list[str] = []
    pos = 0
    for s, e, lab in spans:
        if s < pos:
            continue
        out.append(escape(text[pos:s]))
        kind = "safety" if lab == "safety_risk" else ("reactive" if lab in REACTIVE else "kind")
        out.append(f'<mark class="{kind}" title="{escape(TITLES.get(lab, lab))}">{escape(text[s:e])}</mark>')
        pos = e
    out.append(escape(text[pos:]))
    return Markup("".join(out).replace("\n", "<br>"))


def _label_chips(item: Item) -> list[dict[str, str]]:
    chips = []
    for lab in sorted(item.labels | ({"safety_risk"} if item.safety else set()), key=LABELS.index):
        kind = "safety" if lab == "safety_risk" else ("reactive" if lab in REACTIVE else "kind")
        chips.append({"label": TITLES[lab], "kind": kind, "why": EXPLANATIONS[lab].split("(")[0].strip()})
    return chips


def _period_label(key: str, granularity: str) -> str:
    if granularity == "week":
        d = datetime.fromisoformat(key)
        return f"{d.day} {d.strftime('%b')}"
    d = datetime.fromisoformat(key + "-01")
    return d.strftime("%b %Y")


def render_html(summary: dict[str, Any], a: HistoryAnalysis, country: str | None = None) -> str:
    import jinja2

    template_text = resources.files("heartwork.history").joinpath("report.html").read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = env.from_string(template_text)
    g = a.granularity
    periods = a.periods(g)
    every = max(1, len(periods) // 12)
    balance = charts.balance_chart(
        [
            (
                _period_label(k, g),
                (p["conflict_compassionate"] / p["conflict_reactive"]) if p["conflict_reactive"] else None,
                p["conflict_compassionate"],
                p["conflict_reactive"],
            )
            for k, p in periods
        ],
        GOTTMAN_RATIO,
        label_every=every,
    )
    moves = charts.moves_chart(
        [(_period_label(k, g), p["compassionate"], p["reactive"]) for k, p in periods], label_every=every
    )
    me = summary.get("me")
    order = list(summary["participants"])
    if me in order:
        order.remove(me)
        order.insert(1 if order else 0, me)
    people = []
    for i, name in enumerate(summary["participants"]):
        info = summary["per_participant"][name]
        n = max(1, info["messages"])
        kind_rows = [
            (TITLES[lab], round(100 * info["patterns"][lab] / n, 1), f"{info['patterns'][lab]} messages")
            for lab in COMPASSIONATE
            if info["patterns"][lab]
        ]
        reactive_rows = [
            (TITLES[lab], round(100 * info["patterns"][lab] / n, 1), f"{info['patterns'][lab]} messages")
            for lab in REACTIVE
            if info["patterns"][lab]
        ]
        kind_rows.sort(key=lambda r: -r[1])
        reactive_rows.sort(key=lambda r: -r[1])
        person_periods = [
            (
                _period_label(k, g),
                p["by_author"].get(name, {}).get("compassionate", 0),
                p["by_author"].get(name, {}).get("reactive", 0),
            )
            for k, p in periods
        ]
        rep = info["repair_attempts"]
        people.append(
            {
                "name": name,
                "you": name == me,
                "colour": charts.PERSON_COLOURS[i % len(charts.PERSON_COLOURS)],
                "messages": info["messages"],
                "kind_total": info["compassionate_total"],
                "reactive_total": info["reactive_total"],
                "kind_chart": charts.hbars(kind_rows[:6], charts.KIND, unit=" per 100"),
                "reactive_chart": charts.hbars(reactive_rows[:6], charts.REACTIVE, unit=" per 100"),
                "trend_chart": charts.moves_chart(
                    person_periods, label_every=every * 2, width=380, height=170
                ),
                "conflict_ratio": info["conflict_ratio"],
                "repairs": rep,
                "repairs_total": sum(rep.values()),
            }
        )
    hardest = []
    for rank, c in enumerate(a.hardest, 1):
        hardest.append(
            {
                "rank": rank,
                "anchor": f"conversation-{c.number}",
                "start": _when(c.start),
                "end": _when(c.end),
                "messages": c.messages,
                "reactive": c.reactive,
                "compassionate": c.compassionate,
                "omitted_before": c.omitted_before,
                "omitted_after": c.omitted_after,
                "items": [_item_view(it, order, me) for it in c.excerpt],
            }
        )
    seq = [
        {"steps": [TITLES[s] for s in row["sequence"]], "count": row["count"]}
        for row in summary["escalation"]["common_sequences"]
        if row["count"] > 1
    ]
    chain_examples: list[dict[str, Any]] = []
    for ch in a.chains:
        anchor = _anchor_for(a, ch.steps[0][2])
        if anchor or len(chain_examples) < 3:
            chain_examples.append(
                {
                    "when": _when(ch.start),
                    "steps": [TITLES[x] for x in ch.sequence],
                    "anchor": anchor,
                    "escalating": ch.escalating,
                }
            )
    chain_examples.sort(key=lambda c: (not c["anchor"], not c["escalating"]))
    chain_examples = chain_examples[:5]
    transitions = [
        {"from": TITLES[t["from"]], "to": TITLES[t["to"]], "count": t["count"]}
        for t in summary["escalation"]["transitions"][:6]
    ]
    repairs = summary["repairs"]
    repair_examples = []
    outcome_words = {
        "calmed": "calmer afterwards",
        "continued": "tension went on",
        "no_reply": "no reply in that conversation",
    }
    for outcome in ("calmed", "continued", "no_reply"):
        pool = [r for r in a.repair_examples if r.outcome == outcome]
        pool.sort(key=lambda r: -len(set(r.labels) & {"repair_attempt", "accountability", "amends"}))
        chosen: list[Any] = []
        seen_texts: set[str] = set()
        # two per outcome, from different people where possible (the same question for everyone)
        for r in pool:
            if r.text in seen_texts or (chosen and chosen[-1].author == r.author and len(pool) > 2):
                continue
            chosen.append(r)
            seen_texts.add(r.text)
            if len(chosen) == 2:
                break
        for r in chosen:
            repair_examples.append(
                {
                    "when": _when(r.timestamp),
                    "author": r.author,
                    "text": r.text,
                    "moves": [TITLES[m] for m in r.labels],
                    "outcome": outcome_words[outcome],
                    "outcome_kind": outcome,
                    "anchor": _anchor_for(a, r.index),
                }
            )
    skipped = summary["skipped_lines"]
    context = {
        "s": summary,
        "title_names": " & ".join(summary["participants"][:4]),
        "first": _date(summary.get("first_message")),
        "last": _date(summary.get("last_message")),
        "paragraphs": summary["summary_text"],
        "safety": summary["safety"],
        "resources": safety_resources(country, [it.text for it in a.safety_items])
        if summary["safety"]["risk"]
        else [],
        "safety_items": [_item_view(it, order, me) for it in a.safety_items],
        "balance_chart": balance,
        "moves_chart": moves,
        "granularity": "week" if g == "week" else "month",
        "people": people,
        "hardest": hardest,
        "sequences": seq,
        "chain_examples": chain_examples,
        "transitions": transitions,
        "chains": summary["escalation"]["chains"],
        "escalating": summary["escalation"]["escalating"],
        "repairs": repairs,
        "repair_chart": charts.repair_bar(repairs["calmed"], repairs["continued"], repairs["no_reply"]),
        "repair_examples": repair_examples,
        "repair_labels": [TITLES[x] for x in REPAIR_LABELS],
        "balance": summary["balance"],
        "skipped": skipped,
        "skipped_reasons": list(skipped["by_reason"].items()),
        "reference": GOTTMAN_RATIO,
        "severity_labels": [TITLES[x] for x in SEVERITY],
        "notes": summary.get("notes", []) + summary.get("analysis_notes", []),
    }
    return template.render(**context)


def _when(ts: str) -> str:
    d = datetime.fromisoformat(ts)
    return f"{d.strftime('%a')} {d.day} {d.strftime('%b %Y, %H:%M')}"


def _anchor_for(a: HistoryAnalysis, index: int) -> str:
    for c in a.hardest:
        if any(it.index == index for it in c.excerpt):
            return f"m{index}"
    return ""


def _item_view(it: Item, participants: list[str], me: str | None = None) -> dict[str, Any]:
    side = participants.index(it.author) if it.author in participants else 0
    if me is not None:
        side = 1 if it.author == me else 0
    return {
        "id": f"m{it.index}",
        "when": _when(it.timestamp),
        "time": datetime.fromisoformat(it.timestamp).strftime("%H:%M"),
        "author": it.author,
        "side": "left" if side % 2 == 0 else "right",
        "colour": charts.PERSON_COLOURS[side % len(charts.PERSON_COLOURS)],
        "html": highlight(it),
        "chips": _label_chips(it),
    }


def write_report(
    summary: dict[str, Any],
    a: HistoryAnalysis,
    out: Path,
    json_out: Path | None = None,
    country: str | None = None,
) -> None:
    """Write the HTML (and JSON) atomically: a half-written report never replaces a good one."""
    html = render_html(summary, a, country=country)
    _atomic_write(out, html)
    if json_out is not None:
        _atomic_write(json_out, json.dumps(summary, ensure_ascii=False, indent=2) + "\n")


def _atomic_write(path: Path, text: str) -> None:
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
