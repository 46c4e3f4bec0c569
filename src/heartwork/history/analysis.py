"""Patterns across a conversation history, built on ``heartwork.analyze_many``.

Messages stream through in chronological order, are read in batches, and are grouped into conversations (a
pause of ``CONVERSATION_GAP`` starts a new one). Each finished conversation updates the totals: per person and
per week/month counts of reactive patterns and compassionate moves, the kind-to-reactive balance during
conflict, escalation chains, repair attempts and what followed them, the hardest conversations (kept with
their messages) and any safety findings. Only the current conversation and the few hardest ones are held in
memory, so long histories stay cheap.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from heartwork.history.importers.base import ChatMessage
from heartwork.taxonomy import COMPASSIONATE, REACTIVE

# A pause at least this long between two messages starts a new conversation.
CONVERSATION_GAP = timedelta(hours=2)
# A message is read as answering the other person's last message if it came within this time of it; later
# messages are read on their own (and repeated short texts can then come from the engine's cache).
CONTEXT_WINDOW = timedelta(minutes=30)
# A conversation with at least this many reactive messages counts as a conflict (for the 5:1 balance).
CONFLICT_MIN_REACTIVE = 2
# Gottman & Levenson's observation: couples who stay together show about five positive interactions for each
# negative one *during conflict* (Gottman, "What Predicts Divorce?", 1994). Shown as a reference line only.
GOTTMAN_RATIO = 5.0
# Escalation chains: reactive messages from both people, each within this time of the previous one.
ESCALATION_WINDOW = timedelta(minutes=30)
ESCALATION_MIN_STEPS = 3
# How heavy each reactive pattern is in an escalation (the more it attacks the other person, the higher).
SEVERITY = {
    "non_apology": 1,
    "invalidation": 1,
    "defensiveness": 1,
    "criticism": 1,
    "stonewalling": 2,
    "contempt": 3,
}
# Moves that try to repair a tense moment (Gottman's "repair attempts", broadened to the taxonomy's moves).
REPAIR_LABELS = ("repair_attempt", "accountability", "amends", "validation", "reassurance", "need_statement")
# A repair attempt is "in a tense moment" if a reactive message came within this many messages before it ...
REPAIR_LOOKBACK_MESSAGES = 8
REPAIR_LOOKBACK_TIME = timedelta(minutes=60)
# ... and its outcome is read from the next messages in the same conversation (up to this many).
REPAIR_LOOKAHEAD_MESSAGES = 6
# Weights for ranking the hardest conversations.
HARDNESS = {
    "contempt": 3.0,
    "criticism": 2.0,
    "stonewalling": 2.0,
    "defensiveness": 1.5,
    "invalidation": 1.5,
    "non_apology": 1.0,
    "self_criticism": 0.5,
    "placating": 0.5,
}
HARDEST_KEPT = 5
EXCERPT_MESSAGES = 40
SAFETY_KEPT = 20
EXAMPLES_KEPT = 3
# Histories spanning up to this many days are shown week by week, longer ones month by month.
WEEKLY_MAX_DAYS = 200
# Messages per analyze_many call: large enough for the engine to spread a batch over its worker processes
# (heartwork.engine.pipeline.PARALLEL_MIN), small enough to keep memory flat.
BATCH_SIZE = 5000
# A single "conversation" longer than this is split (keeps memory bounded on never-pausing chats).
MAX_CONVERSATION = 5000

_REACTIVE = frozenset(REACTIVE)
_COMPASSIONATE = frozenset(COMPASSIONATE)


@dataclass(slots=True)
class Item:
    """One analysed message, as the report needs it."""

    index: int
    when: datetime
    timestamp: str
    author: str
    text: str
    findings: tuple[tuple[str, int, int], ...]  # (label, start, end)
    labels: frozenset[str]
    safety: bool

    @property
    def reactive(self) -> frozenset[str]:
        return self.labels & _REACTIVE

    @property
    def compassionate(self) -> frozenset[str]:
        return self.labels & _COMPASSIONATE

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "timestamp": self.timestamp,
            "author": self.author,
            "text": self.text,
            "findings": [{"label": lab, "start": s, "end": e} for lab, s, e in self.findings],
            "safety": self.safety,
        }


@dataclass
class Conversation:
    number: int
    start: str
    end: str
    messages: int
    score: float
    reactive: int
    compassionate: int
    by_author: dict[str, dict[str, int]]
    excerpt: list[Item]
    first_index: int
    omitted_before: int = 0
    omitted_after: int = 0


@dataclass
class Chain:
    start: str
    conversation: int
    steps: list[tuple[str, str, int]]  # (author, label, message index)

    @property
    def sequence(self) -> list[str]:
        out: list[str] = []
        for _, label, _ in self.steps:
            if not out or out[-1] != label:
                out.append(label)
        return out

    @property
    def escalating(self) -> bool:
        sev = [SEVERITY[label] for _, label, _ in self.steps]
        return max(sev[1:]) > sev[0]


@dataclass
class Repair:
    index: int
    timestamp: str
    author: str
    labels: list[str]
    outcome: str  # calmed | continued | no_reply
    conversation: int
    text: str


def _period_stats() -> dict[str, Any]:
    return {
        "messages": 0,
        "reactive": 0,
        "compassionate": 0,
        "conflict_reactive": 0,
        "conflict_compassionate": 0,
        "conflicts": 0,
        "chains": 0,
        "safety": 0,
        "by_author": defaultdict(lambda: {"messages": 0, "reactive": 0, "compassionate": 0}),
    }


@dataclass
class HistoryAnalysis:
    """Totals over a whole history. Build with :func:`analyse_history`."""

    participants: Counter[str] = field(default_factory=Counter)
    label_counts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    messages_with_reactive: Counter[str] = field(default_factory=Counter)
    messages_with_compassion: Counter[str] = field(default_factory=Counter)
    conflict_moves: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    weekly: dict[str, dict[str, Any]] = field(default_factory=lambda: defaultdict(_period_stats))
    monthly: dict[str, dict[str, Any]] = field(default_factory=lambda: defaultdict(_period_stats))
    chains: list[Chain] = field(default_factory=list)
    chain_count: int = 0
    escalating_count: int = 0
    chain_sequences: Counter[tuple[str, ...]] = field(default_factory=Counter)
    transitions: Counter[tuple[str, str]] = field(default_factory=Counter)
    replies_to_reactive: Counter[str] = field(default_factory=Counter)  # reactive | compassionate | neutral
    repairs: Counter[tuple[str, str]] = field(default_factory=Counter)  # (author, outcome)
    repair_examples: list[Repair] = field(default_factory=list)
    hardest: list[Conversation] = field(default_factory=list)
    safety_items: list[Item] = field(default_factory=list)
    safety_count: int = 0
    conversations: int = 0
    conflicts: int = 0
    messages: int = 0
    plain_messages: int = 0  # messages with no pattern and no safety finding
    notes: list[str] = field(default_factory=list)
    first: str | None = None
    last: str | None = None
    examples: dict[str, list[Item]] = field(default_factory=lambda: defaultdict(list))

    @property
    def granularity(self) -> str:
        if not self.first or not self.last:
            return "week"
        span = _parse(self.last) - _parse(self.first)
        return "week" if span.days <= WEEKLY_MAX_DAYS else "month"

    def periods(self, granularity: str | None = None) -> list[tuple[str, dict[str, Any]]]:
        """Periods in order, including empty ones in between (so gaps show on charts)."""
        g = granularity or self.granularity
        table = self.weekly if g == "week" else self.monthly
        if not table:
            return []
        keys = sorted(table)
        out = []
        for key in _period_range(keys[0], keys[-1], g):
            out.append((key, table[key] if key in table else _period_stats()))
        return out


def _parse(ts: str) -> datetime:
    dt = datetime.fromisoformat(ts)
    return dt.replace(tzinfo=None)


def week_key(d: date) -> str:
    return (d - timedelta(days=d.weekday())).isoformat()


def month_key(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def _period_range(first: str, last: str, g: str) -> Iterator[str]:
    if g == "week":
        d = date.fromisoformat(first)
        end = date.fromisoformat(last)
        while d <= end:
            yield d.isoformat()
            d += timedelta(days=7)
    else:
        y, m = int(first[:4]), int(first[5:7])
        ey, em = int(last[:4]), int(last[5:7])
        while (y, m) <= (ey, em):
            yield f"{y:04d}-{m:02d}"
            m += 1
            if m == 13:
                y, m = y + 1, 1


def analyse_history(
    messages: Iterable[ChatMessage],
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    analyze_many: Callable[..., Any] | None = None,
) -> HistoryAnalysis:
    """Read every message with the engine (in batches) and build the history's totals."""
    if analyze_many is None:
        from heartwork import analyze_many as _am

        analyze_many = _am
    result = HistoryAnalysis()
    builder = _Builder(result)
    batch: list[ChatMessage] = []
    contexts: list[str | None] = []
    last_by_author: dict[str, tuple[datetime, str]] = {}
    index = 0
    for msg in messages:
        when = _parse(msg.timestamp)
        # The context is the most recent message from someone else in the same conversation: what this answers.
        ctx = None
        latest: datetime | None = None
        for author, (t, text) in last_by_author.items():
            if author != msg.author and when - t <= CONTEXT_WINDOW and (latest is None or t > latest):
                ctx, latest = text, t
        last_by_author[msg.author] = (when, msg.text)
        batch.append(msg)
        contexts.append(ctx)
        if len(batch) >= batch_size:
            index = builder.feed(batch, contexts, analyze_many, index)
            if progress:
                progress(len(batch))
            batch, contexts = [], []
    if batch:
        builder.feed(batch, contexts, analyze_many, index)
        if progress:
            progress(len(batch))
    builder.close()
    return result


class _Builder:
    def __init__(self, result: HistoryAnalysis) -> None:
        self.r = result
        self.conv: list[Item] = []
        self.conv_number = 0
        self._hard_heap: list[tuple[float, int, Conversation]] = []
        self._notes_seen: set[str] = set()

    def feed(
        self, batch: list[ChatMessage], contexts: list[str | None], analyze_many: Any, index: int
    ) -> int:
        analyses = analyze_many([m.text for m in batch], contexts)
        for msg, a in zip(batch, analyses, strict=True):
            # safety findings may also be listed among the patterns; they are counted once, from a.safety
            findings = tuple(
                (f.label, f.span.start, f.span.end) for f in a.patterns if f.label != "safety_risk"
            )
            labels = frozenset(f.label for f in a.patterns if f.label != "safety_risk")
            safety = bool(a.safety.risk)
            if safety:
                findings += tuple(("safety_risk", f.span.start, f.span.end) for f in a.safety.findings)
            for note in a.notes:
                if note not in self._notes_seen:
                    self._notes_seen.add(note)
                    self.r.notes.append(note)
            item = Item(
                index, _parse(msg.timestamp), msg.timestamp, msg.author, msg.text, findings, labels, safety
            )
            index += 1
            self.add(item)
        return index

    def add(self, item: Item) -> None:
        r = self.r
        if self.conv and (
            item.when - self.conv[-1].when > CONVERSATION_GAP or len(self.conv) >= MAX_CONVERSATION
        ):
            self.finish_conversation()
        self.conv.append(item)
        r.messages += 1
        if r.first is None:
            r.first = item.timestamp
        r.last = item.timestamp
        r.participants[item.author] += 1
        counts = r.label_counts[item.author]
        for label in item.labels:
            counts[label] += 1
            ex = r.examples[label]
            if len(ex) < EXAMPLES_KEPT:
                ex.append(item)
        if item.reactive:
            r.messages_with_reactive[item.author] += 1
        if item.compassionate:
            r.messages_with_compassion[item.author] += 1
        if not item.labels and not item.safety:
            r.plain_messages += 1
        if item.safety:
            r.safety_count += 1
            counts["safety_risk"] += 1
            if len(r.safety_items) < SAFETY_KEPT:
                r.safety_items.append(item)
        d = item.when.date()
        for table, key in ((r.weekly, week_key(d)), (r.monthly, month_key(d))):
            p = table[key]
            p["messages"] += 1
            p["reactive"] += len(item.reactive)
            p["compassionate"] += len(item.compassionate)
            p["safety"] += int(item.safety)
            pa = p["by_author"][item.author]
            pa["messages"] += 1
            pa["reactive"] += len(item.reactive)
            pa["compassionate"] += len(item.compassionate)

    def close(self) -> None:
        if self.conv:
            self.finish_conversation()
        self.r.hardest = [c for _, _, c in sorted(self._hard_heap, key=lambda t: (-t[0], -t[1]))]

    # -- per conversation ------------------------------------------------------------------------------------
    def finish_conversation(self) -> None:
        conv, self.conv = self.conv, []
        self.conv_number += 1
        r = self.r
        r.conversations += 1
        number = self.conv_number
        reactive_msgs = sum(1 for it in conv if it.reactive)
        conflict = reactive_msgs >= CONFLICT_MIN_REACTIVE
        if conflict:
            r.conflicts += 1
            counted: set[tuple[str, str]] = set()
            for it in conv:
                d = it.when.date()
                for table, key in ((r.weekly, week_key(d)), (r.monthly, month_key(d))):
                    p = table[key]
                    p["conflict_reactive"] += len(it.reactive)
                    p["conflict_compassionate"] += len(it.compassionate)
                    if (table is r.weekly and ("w", key) not in counted) or (
                        table is r.monthly and ("m", key) not in counted
                    ):
                        p["conflicts"] += 1
                        counted.add(("w" if table is r.weekly else "m", key))
                moves = r.conflict_moves[it.author]
                moves["reactive"] += len(it.reactive)
                moves["compassionate"] += len(it.compassionate)
        self._transitions(conv)
        self._chains(conv, number)
        self._repairs(conv, number)
        self._hardness(conv, number)

    def _transitions(self, conv: list[Item]) -> None:
        r = self.r
        for prev, cur in zip(conv, conv[1:], strict=False):
            if prev.author == cur.author or not prev.reactive:
                continue
            if cur.when - prev.when > ESCALATION_WINDOW:
                continue
            if cur.reactive:
                r.replies_to_reactive["reactive"] += 1
                for a in prev.reactive:
                    for b in cur.reactive:
                        r.transitions[(a, b)] += 1
            elif cur.compassionate:
                r.replies_to_reactive["compassionate"] += 1
            else:
                r.replies_to_reactive["neutral"] += 1

    def _chains(self, conv: list[Item], number: int) -> None:
        r = self.r
        steps: list[tuple[str, str, int]] = []
        last_when: datetime | None = None

        def close() -> None:
            if len(steps) >= ESCALATION_MIN_STEPS and len({a for a, _, _ in steps}) >= 2:
                chain = Chain(
                    start=conv_by_index[steps[0][2]].timestamp, conversation=number, steps=list(steps)
                )
                r.chain_count += 1
                r.chain_sequences[tuple(chain.sequence)] += 1
                if chain.escalating:
                    r.escalating_count += 1
                d = conv_by_index[steps[0][2]].when.date()
                r.weekly[week_key(d)]["chains"] += 1
                r.monthly[month_key(d)]["chains"] += 1
                if len(r.chains) < 200:
                    r.chains.append(chain)
            steps.clear()

        conv_by_index = {it.index: it for it in conv}
        for it in conv:
            chain_labels = [lab for lab in it.reactive if lab in SEVERITY]
            if it.compassionate and not chain_labels:
                close()
                last_when = None
                continue
            if not chain_labels:
                continue
            if last_when is not None and it.when - last_when > ESCALATION_WINDOW:
                close()
            label = max(chain_labels, key=lambda lab: (SEVERITY[lab], lab))
            steps.append((it.author, label, it.index))
            last_when = it.when
        close()

    def _repairs(self, conv: list[Item], number: int) -> None:
        r = self.r
        for k, it in enumerate(conv):
            moves = [lab for lab in REPAIR_LABELS if lab in it.labels]
            if not moves or it.reactive:
                continue
            before = conv[max(0, k - REPAIR_LOOKBACK_MESSAGES) : k]
            if not any(b.reactive and it.when - b.when <= REPAIR_LOOKBACK_TIME for b in before):
                continue
            after = conv[k + 1 : k + 1 + REPAIR_LOOKAHEAD_MESSAGES]
            others = [a for a in after if a.author != it.author]
            if not others:
                outcome = "no_reply"
            elif any(a.reactive for a in after):
                outcome = "continued"
            else:
                outcome = "calmed"
            r.repairs[(it.author, outcome)] += 1
            if len(r.repair_examples) < 60:
                r.repair_examples.append(
                    Repair(it.index, it.timestamp, it.author, moves, outcome, number, it.text)
                )

    def _hardness(self, conv: list[Item], number: int) -> None:
        score = 0.0
        for it in conv:
            score += sum(HARDNESS.get(lab, 0.0) for lab in it.reactive)
            if it.safety:
                score += 5.0
        if score < 4.0:  # a single sharp message is not a hard conversation
            return
        by_author: dict[str, dict[str, int]] = defaultdict(
            lambda: {"reactive": 0, "compassionate": 0, "messages": 0}
        )
        for it in conv:
            ba = by_author[it.author]
            ba["messages"] += 1
            ba["reactive"] += len(it.reactive)
            ba["compassionate"] += len(it.compassionate)
        heap = self._hard_heap
        if len(heap) >= HARDEST_KEPT and score <= heap[0][0]:
            return
        first_hot = next((k for k, it in enumerate(conv) if it.reactive or it.safety), 0)
        lo = max(0, first_hot - 3)
        hi = min(len(conv), lo + EXCERPT_MESSAGES)
        c = Conversation(
            number=number,
            start=conv[0].timestamp,
            end=conv[-1].timestamp,
            messages=len(conv),
            score=score,
            reactive=sum(len(it.reactive) for it in conv),
            compassionate=sum(len(it.compassionate) for it in conv),
            by_author=dict(by_author),
            excerpt=conv[lo:hi],
            first_index=conv[0].index,
            omitted_before=lo,
            omitted_after=len(conv) - hi,
        )
        entry = (score, number, c)
        if len(heap) < HARDEST_KEPT:
            heapq.heappush(heap, entry)
        else:
            heapq.heapreplace(heap, entry)
