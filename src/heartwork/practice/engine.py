"""The practice engine: one UI-independent step model that runs any practice script.

A :class:`Session` walks through a :class:`~heartwork.practice.schema.Practice` one step at a time. A face
(the terminal runner, the web app) asks for :attr:`Session.current`, shows it with :meth:`Session.render`,
and then either calls :meth:`Session.submit` with the person's raw answer (prompt, choice, scale steps) or
:meth:`Session.acknowledge` (text, breath, timer and compose steps). The session parses and validates
answers (bad input gets a kind message and the same step again), analyses free text with
``heartwork.analyze`` (a ``safety_risk`` pauses the practice), and produces a record for the journal.
Nothing here prints, sleeps or reads input.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final

from heartwork.model import Analysis
from heartwork.practice.schema import Practice, Step

__all__ = [
    "COMPLETE",
    "DRAFT",
    "IN_PROGRESS",
    "MAX_ANSWER_CHARS",
    "PAUSED_SAFETY",
    "Outcome",
    "Session",
    "compose_need_statement",
    "parse_choice",
    "parse_scale",
]

IN_PROGRESS: Final = "in_progress"
COMPLETE: Final = "complete"
DRAFT: Final = "draft"  # stopped part-way (Ctrl-C, closed input); answers so far are kept
PAUSED_SAFETY: Final = "paused_safety"  # a safety signal paused the practice; kept as a draft

#: A generous cap so a pasted book doesn't stall the analyser; a letter fits many times over.
MAX_ANSWER_CHARS: Final = 20_000

Analyzer = Callable[[str], Analysis]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one submitted answer."""

    ok: bool
    error: str = ""  # when not ok: a kind message saying what to type; the step is asked again
    notes: tuple[str, ...] = ()  # gentle notices from the analysis of a free-text answer
    safety: bool = False  # the practice is paused for safety


def parse_scale(raw: str, step: Step) -> int:
    """A whole number within the step's range, else ValueError with a message for the person."""
    text = raw.strip()
    rng = f"a whole number from {step.min} to {step.max}"
    if not re.fullmatch(r"[+-]?\d+", text):
        raise ValueError(f"Please type {rng}.")
    value = int(text)
    if not step.min <= value <= step.max:
        raise ValueError(f"{value} is outside the scale. Please type {rng}.")
    return value


def parse_choice(raw: str, step: Step) -> str | list[str]:
    """Option value(s) from a number (1-based), a value or a label; several separated by commas if allowed."""
    n = len(step.options)
    how = f"a number from 1 to {n}"
    if step.multiple:
        how += " (for several, separate them with commas, e.g. 1,3)"
    parts = [p.strip() for p in re.split(r"[,;]|\s+(?=\d)", raw.strip()) if p.strip()]
    if not parts:
        raise ValueError(f"Please choose {how}.")
    chosen: list[str] = []
    for part in parts:
        match = None
        if part.isdigit():
            idx = int(part)
            if not 1 <= idx <= n:
                raise ValueError(f"{idx} isn't one of the choices. Please choose {how}.")
            match = step.options[idx - 1].value
        else:
            low = part.lower()
            for opt in step.options:
                if low in (opt.value.lower(), opt.label.lower()):
                    match = opt.value
                    break
        if match is None:
            raise ValueError(f"I didn't recognise {part!r}. Please choose {how}.")
        if match not in chosen:
            chosen.append(match)
    if not step.multiple:
        if len(chosen) > 1:
            raise ValueError(f"Please choose just one: {how}.")
        return chosen[0]
    return chosen


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _clean(text: str) -> str:
    return " ".join(text.split()).strip().rstrip(".!?;,")


def _lower_first(text: str) -> str:
    if not text or text.startswith("I ") or text == "I" or text[:2].isupper():
        return text
    return text[0].lower() + text[1:]


def compose_need_statement(feeling: str, situation: str, need: str | list[str], request: str) -> str:
    """A plain need statement: "I felt <feeling> when <situation>. I need <need>. Could you <request>?"

    This is the fallback used when ``heartwork.coach`` offers no need-statement builder.
    """
    f = _lower_first(re.sub(r"^(i\s+(felt|feel|was|am)\s+)", "", _clean(feeling), flags=re.I))
    s = _lower_first(re.sub(r"^(when|that)\s+", "", _clean(situation), flags=re.I))
    needs = need if isinstance(need, list) else [need]
    n = _join([_clean(x) for x in needs if _clean(x)])
    r = _lower_first(
        re.sub(
            r"^((could|can|would|will)\s+you\s+|please\s+|i\s+(would like|want)\s+you\s+to\s+)",
            "",
            _clean(request),
            flags=re.I,
        )
    )
    parts = []
    if f and s:
        parts.append(f"I felt {f} when {s}.")
    elif f:
        parts.append(f"I felt {f}.")
    elif s:
        parts.append(f"When {s}, it was hard for me.")
    if n:
        parts.append(f"I need {n}.")
    if r:
        parts.append(f"Could you {r}?")
    return " ".join(parts)


def _coach_need_statement(inputs: dict[str, Any]) -> tuple[str, str, list[str]]:
    """Build with the coach's need-statement builder (``heartwork.coach.builders.build_need_statement``) when
    it is available; otherwise (or when it cannot use the answers) compose simply. Returns (text, source,
    notes); notes carry the coach's self-kindness step and its advice about the answers."""
    need = inputs["need"]
    need_text = _join([str(n) for n in need]) if isinstance(need, list) else str(need or "")
    notes: list[str] = []
    try:
        import importlib

        builders = importlib.import_module("heartwork.coach.builders")
        built = builders.build_need_statement(
            when=str(inputs["situation"]),
            felt=str(inputs["feeling"]),
            need=need_text,
            request=str(inputs["request"]),
        )
        text = getattr(built, "text", "")
        if isinstance(text, str) and text.strip() and not getattr(built, "paused_for_safety", False):
            kindness = getattr(built, "self_kindness", "")
            notes = ([kindness] if kindness else []) + [str(n) for n in getattr(built, "notes", ())]
            return text.strip(), "coach", notes
    except ImportError:
        pass
    except ValueError as exc:  # the coach's CoachInputError: its message says how to improve the answer
        notes.append(str(exc))
    fallback = compose_need_statement(
        inputs["feeling"], inputs["situation"], inputs["need"], inputs["request"]
    )
    return fallback, "practice", notes


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Session:
    """One run of a practice. Create it, then loop: ``current`` -> render -> submit/acknowledge."""

    practice: Practice
    analyzer: Analyzer | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    labels: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # notices shown during the run, for the record
    status: str = IN_PROGRESS
    reason: str = ""
    started_at: str = field(default_factory=_now)
    ended_at: str = ""
    builder_source: str = ""
    compose_notes: dict[str, list[str]] = field(default_factory=dict)
    index: int = 0

    def __post_init__(self) -> None:
        if self.analyzer is None:
            from heartwork import analyze

            self.analyzer = analyze
        self._settle()

    # --- where we are -------------------------------------------------------------------------------
    @property
    def current(self) -> Step | None:
        """The step to show now, or None when the practice is over (complete, draft or paused)."""
        if self.status != IN_PROGRESS or self.index >= len(self.practice.steps):
            return None
        return self.practice.steps[self.index]

    @property
    def done(self) -> bool:
        return self.current is None

    @property
    def progress(self) -> tuple[int, int]:
        """(steps passed, steps in the practice); for a progress indicator."""
        return self.index, len(self.practice.steps)

    def _visible(self, step: Step) -> bool:
        if step.when is None:
            return True
        got = self.answers.get(step.when.answer)
        values = got if isinstance(got, list) else [got]
        return any(str(v) in step.when.values for v in values if v is not None)

    def _settle(self) -> None:
        """Skip steps hidden by ``when``; compute compose steps on arrival; finish at the end."""
        while self.status == IN_PROGRESS and self.index < len(self.practice.steps):
            step = self.practice.steps[self.index]
            if not self._visible(step):
                self.index += 1
                continue
            if step.type == "compose" and step.id and step.id not in self.answers:
                inputs = {k: self.answers.get(v) or "" for k, v in step.inputs.items()}
                text, source, notes = _coach_need_statement(inputs)
                self.answers[step.id] = text
                self.builder_source = source
                self.compose_notes[step.id] = notes
                self.notes.extend(notes)
            break
        if self.status == IN_PROGRESS and self.index >= len(self.practice.steps):
            self.status = COMPLETE
            self.ended_at = _now()

    # --- showing a step ------------------------------------------------------------------------------
    def display(self, value: Any, step: Step | None = None) -> str:
        """An answer as words (option labels for choices)."""
        if value is None:
            return ""
        if step is not None and step.type == "choice":
            by_value = {o.value: o.label for o in step.options}
            vals = value if isinstance(value, list) else [value]
            return _join([by_value.get(str(v), str(v)) for v in vals])
        if isinstance(value, list):
            return _join([str(v) for v in value])
        return str(value)

    def render(self, step: Step) -> str:
        """The step's text with ``{answer_id}`` filled in from earlier answers."""
        values = {}
        for s in self.practice.steps:
            if s.id:
                values[s.id] = self.display(self.answers.get(s.id), s) or "…"
        try:
            return step.text.format(**values)
        except (KeyError, IndexError, ValueError):
            return step.text

    def default_for(self, step: Step) -> str | None:
        if step.default_from:
            value = self.answers.get(step.default_from)
            return str(value) if value else None
        return None

    def view(self) -> dict[str, Any] | None:
        """The current step as plain data for any face (a web template, JSON); None when the run is over."""
        step = self.current
        if step is None:
            return None
        done, total = self.progress
        v: dict[str, Any] = {
            "type": step.type,
            "id": step.id,
            "text": self.render(step),
            "hint": step.hint,
            "required": step.required,
            "position": done,
            "steps": total,
        }
        if step.type == "prompt":
            v.update(multiline=step.multiline, default=self.default_for(step))
        elif step.type == "choice":
            v.update(
                multiple=step.multiple, options=[{"value": o.value, "label": o.label} for o in step.options]
            )
        elif step.type == "scale":
            v.update(min=step.min, max=step.max, labels={str(k): w for k, w in step.labels.items()})
        elif step.type == "breath":
            v.update(count=step.count, inhale=step.inhale, hold=step.hold, exhale=step.exhale)
        elif step.type == "timer":
            v.update(seconds=step.seconds)
        elif step.type == "compose":
            v.update(
                result=self.answers.get(step.id or ""), notes=list(self.compose_notes.get(step.id or "", []))
            )
        return v

    # --- answering -------------------------------------------------------------------------------------
    def submit(self, raw: str) -> Outcome:
        """Give the current step an answer typed (or posted) by the person."""
        step = self.current
        if step is None:
            raise RuntimeError("The practice is over; there is no step to answer.")
        if not step.takes_answer or step.type == "compose":
            raise RuntimeError(f"A {step.type} step takes no answer; call acknowledge().")
        if not isinstance(raw, str):
            raise TypeError("answers are text (as typed)")
        text = raw.strip()
        if not text:
            default = self.default_for(step)
            if default is not None:
                return self._accept(step, default)
            if not step.required:
                self.answers[step.id or ""] = None
                self._next()
                return Outcome(ok=True)
            if step.type == "prompt":
                # How to stop for now (Ctrl-C, a button) is the face's to say; the engine stays UI-independent.
                return Outcome(ok=False, error="Take your time. A few words are enough.")
        if step.type == "scale":
            try:
                return self._accept(step, parse_scale(text, step))
            except ValueError as exc:
                return Outcome(ok=False, error=str(exc))
        if step.type == "choice":
            try:
                value = parse_choice(text, step)
            except ValueError as exc:
                return Outcome(ok=False, error=str(exc))
            chosen = value if isinstance(value, list) else [value]
            if any(o.safety for o in step.options if o.value in chosen):
                self.answers[step.id or ""] = value
                self._pause_for_safety()
                return Outcome(ok=True, safety=True)
            return self._accept(step, value)
        if len(text) > MAX_ANSWER_CHARS:
            return Outcome(
                ok=False,
                error=f"That's longer than this practice can hold ({len(text)} characters; the limit is "
                f"{MAX_ANSWER_CHARS}). Could you shorten it?",
            )
        return self._accept(step, text)

    def _accept(self, step: Step, value: Any) -> Outcome:
        assert step.id
        self.answers[step.id] = value
        notes: list[str] = []
        if step.type == "prompt" and isinstance(value, str):
            analysis = self._analyse(value)
            if analysis is not None:
                self.labels[step.id] = list(analysis.labels)
                if analysis.safety.risk:
                    self._pause_for_safety()
                    return Outcome(ok=True, safety=True)
                for label in analysis.labels:
                    note = step.notice.get(label)
                    if note and note not in notes:
                        notes.append(note)
        self.notes.extend(notes)
        self._next()
        return Outcome(ok=True, notes=tuple(notes))

    def _analyse(self, text: str) -> Analysis | None:
        assert self.analyzer is not None
        try:
            return self.analyzer(text)
        except Exception as exc:  # the practice must go on even if the reader fails
            self.notes.append(f"(reading this answer failed: {type(exc).__name__})")
            return None

    def acknowledge(self) -> None:
        """Move past a step that takes no typed answer (text, breath, timer, compose)."""
        step = self.current
        if step is None:
            raise RuntimeError("The practice is over.")
        if step.type in ("prompt", "choice", "scale"):
            raise RuntimeError(f"A {step.type} step needs an answer; call submit().")
        self._next()

    def _next(self) -> None:
        self.index += 1
        self._settle()

    # --- stopping ------------------------------------------------------------------------------------
    def _pause_for_safety(self) -> None:
        self.status = PAUSED_SAFETY
        self.reason = "safety"
        self.ended_at = _now()

    def stop(self, reason: str = "interrupted") -> None:
        """Stop part-way: the answers so far are kept as a draft."""
        if self.status == IN_PROGRESS:
            self.status = DRAFT
            self.reason = reason
            self.ended_at = _now()

    @property
    def safety(self) -> bool:
        return self.status == PAUSED_SAFETY

    # --- the journal record --------------------------------------------------------------------------
    @property
    def all_labels(self) -> list[str]:
        return list(dict.fromkeys(label for labels in self.labels.values() for label in labels))

    def transcript(self) -> list[dict[str, str]]:
        rows = []
        for step in self.practice.steps:
            if step.id and step.id in self.answers and self.answers[step.id] is not None:
                rows.append(
                    {
                        "step": step.id,
                        "question": self.render(step),
                        "answer": self.display(self.answers[step.id], step),
                    }
                )
        return rows

    def text(self) -> str:
        """A readable version of the run for the journal."""
        lines = [self.practice.title]
        for row in self.transcript():
            lines.append(f"\n{row['question']}\n> " + row["answer"].replace("\n", "\n> "))
        return "\n".join(lines)

    def record(self) -> dict[str, Any]:
        """Everything the journal keeps about this run (JSON-serialisable)."""
        return {
            "practice": self.practice.id,
            "title": self.practice.title,
            "version": self.practice.version,
            "status": COMPLETE if self.status == COMPLETE else DRAFT,
            "reason": self.reason,
            "safety": self.safety,
            "started_at": self.started_at,
            "ended_at": self.ended_at or _now(),
            "position": self.index,
            "answers": dict(self.answers),
            "labels": {k: list(v) for k, v in self.labels.items()},
            "notes": list(self.notes),
            "builder": self.builder_source,
            "transcript": self.transcript(),
        }

    @classmethod
    def resume(cls, practice: Practice, record: dict[str, Any], analyzer: Analyzer | None = None) -> Session:
        """Continue a draft from its record (answers kept; starts at the step where it stopped)."""
        if record.get("practice") != practice.id:
            raise ValueError(f"That draft belongs to {record.get('practice')!r}, not {practice.id!r}.")
        answers = dict(record.get("answers") or {})
        # A safety pause leaves the position on the step that raised the concern, so it is asked again.
        position = int(record.get("position") or 0)
        s = cls(practice, analyzer=analyzer, answers=answers, index=min(position, len(practice.steps)))
        s.labels = {k: list(v) for k, v in (record.get("labels") or {}).items()}
        return s
