"""The terminal face of the practice engine: Rich output, typed input, paced breathing.

Pacing: breath and timer steps sleep for their seconds multiplied by ``pace`` (``HEARTWORK_PACE`` in the
environment, 1 by default; ``--no-pause`` or ``HEARTWORK_PACE=0`` makes them instant), and each can be skipped
by typing ``skip`` when it starts. Ctrl-C or closed input at any point stops the practice and keeps what was
written as a draft; the caller saves it.

How to answer is the runner's wording, not the script's: scripts say only what the person reads (they are
shared with the web app, which shows its own buttons), and this runner adds "Press Enter to go on", "Press
Enter to skip." for optional questions, "Press Enter to keep it." when a question has a default, and so on.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from heartwork.practice.engine import Session
from heartwork.practice.schema import Step
from heartwork.safety.notice import SafetyNotice

__all__ = ["TerminalRunner", "pace_from_env", "show_safety_note"]

SKIP_WORDS = {"skip", "s", "no", "n"}

# The terminal's own words for how to answer (the web app renders buttons instead).
GO_ON = "(Press Enter to go on)"
TO_SKIP = "(Press Enter to skip.)"
TO_KEEP = "(Press Enter to keep it.)"
TO_FINISH = "(Finish with an empty line.)"
TO_STOP = "(Ctrl-C saves a draft and stops.)"


def pace_from_env(no_pause: bool = False) -> float:
    """The pacing factor: 0 with ``no_pause``; else HEARTWORK_PACE (a number >= 0; invalid values mean 1)."""
    if no_pause:
        return 0.0
    raw = os.environ.get("HEARTWORK_PACE", "").strip()
    if not raw:
        return 1.0
    try:
        value = float(raw)
    except ValueError:
        return 1.0
    return value if value >= 0 else 1.0


def show_safety_note(console: Console, note: SafetyNotice) -> None:
    body = Text(note.message + "\n")
    for r in note.resources:
        body.append(f"\n• {r.line()}")
    console.print(Panel(body, title="Pausing here", border_style="cyan", padding=(1, 2)))


class TerminalRunner:
    """Drive a :class:`Session` in the terminal. ``read`` is ``input``-like (tests may pass their own)."""

    def __init__(
        self,
        console: Console,
        *,
        pace: float = 1.0,
        read: Callable[[str], str] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.console = console
        self.pace = pace
        self._read = read or console.input
        self._sleep = sleep
        self._shown = ""  # the last composed text shown, so a following default isn't printed twice

    def run(self, session: Session, *, resumed: bool = False) -> Session:
        """Run to the end, a safety pause, or an interruption (then the session is a draft)."""
        p = session.practice
        intro = Text(p.summary + "\n", style="")
        intro.append(f"About {p.minutes} minutes. Ctrl-C at any time saves a draft and stops.", style="dim")
        if resumed:
            intro.append("\nPicking up where you left off.", style="dim")
        self.console.print(Panel(intro, title=p.title, border_style="magenta", padding=(1, 2)))
        try:
            while (step := session.current) is not None:
                self._step(session, step)
        except (KeyboardInterrupt, EOFError) as exc:
            session.stop("interrupted" if isinstance(exc, KeyboardInterrupt) else "input closed")
            self.console.print()
        if session.status == "complete" and p.closing:
            self.console.print(Panel(Text(p.closing), border_style="green", padding=(1, 2)))
        return session

    # --- steps -----------------------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.console.print()
        self.console.print(Text(text))

    def _step(self, session: Session, step: Step) -> None:
        text = session.render(step)
        if step.type == "text":
            self._say(text)
            self._read(f"[dim]{GO_ON}[/dim] ")
            session.acknowledge()
        elif step.type in ("breath", "timer"):
            self._paced(step, text)
            session.acknowledge()
        elif step.type == "compose":
            self._say(text)
            self._shown = str(session.answers.get(step.id or "", ""))
            self.console.print(Panel(Text(self._shown), border_style="blue"))
            for note in session.compose_notes.get(step.id or "", []):
                self.console.print(Text("  " + note, style="italic magenta"))
            session.acknowledge()
        else:
            self._ask(session, step, text)

    def _paced(self, step: Step, text: str) -> None:
        self._say(text)
        if self._read("[dim](Enter to begin, or type skip)[/dim] ").strip().lower() in SKIP_WORDS:
            self.console.print("[dim]Skipped.[/dim]")
            return
        if step.type == "breath":
            for i in range(1, step.count + 1):
                for word, secs in (
                    ("Breathe in", step.inhale),
                    ("Hold", step.hold),
                    ("Breathe out", step.exhale),
                ):
                    if secs <= 0:
                        continue
                    self.console.print(f"  [cyan]{word}[/cyan] [dim]({i}/{step.count}, {secs:g}s)[/dim]")
                    self._sleep(secs * self.pace)
        else:
            remaining = step.seconds
            chunk = 10.0
            while remaining > 0:
                self.console.print(f"  [dim]{remaining:g} seconds…[/dim]")
                self._sleep(min(chunk, remaining) * self.pace)
                remaining -= chunk
        self.console.print("  [green]Done.[/green]")

    def _ask(self, session: Session, step: Step, text: str) -> None:
        self.console.print()
        self.console.print(Text(text, style="bold"))
        if step.hint:
            self.console.print(Text(step.hint, style="dim italic"))
        if step.type == "choice":
            for i, opt in enumerate(step.options, start=1):
                self.console.print(f"  [bold]{i}[/bold]. {opt.label}")
        elif step.type == "scale":
            ends = ", ".join(f"{k} = {v}" for k, v in sorted(step.labels.items()))
            self.console.print(
                Text(f"{step.min} to {step.max}" + (f" ({ends})" if ends else ""), style="dim")
            )
        default = session.default_for(step)
        if default and default != self._shown:
            self.console.print(Panel(Text(default), border_style="blue"))
        if default:
            self.console.print(Text(TO_KEEP, style="dim"))
        elif not step.required:
            self.console.print(Text(TO_SKIP, style="dim"))
        if step.multiline:
            self.console.print(Text(TO_FINISH, style="dim"))
        while True:
            raw = self._multiline() if step.multiline else self._read("> ")
            outcome = session.submit(raw)
            if outcome.ok:
                for note in outcome.notes:
                    self.console.print(Text("  " + note, style="italic magenta"))
                return
            error = Text(outcome.error, style="yellow")
            if not raw.strip():  # stuck on a question that needs an answer: say how to stop for now
                error.append(" " + TO_STOP, style="dim")
            self.console.print(error)

    def _multiline(self) -> str:
        lines: list[str] = []
        while True:
            line = self._read("> " if not lines else "  ")
            if not line.strip():
                return "\n".join(lines)
            lines.append(line.rstrip())
