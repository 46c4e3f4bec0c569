"""CLI of the practice area: practice, choice, questionnaire, progress, reflect.

Module-level imports stay light (typer only); everything else is imported inside the commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from heartwork.store.db import Store


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.secho(message, err=True, fg="red")
    return typer.Exit(code)


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def _open_store() -> Store:
    from heartwork.store import open_store
    from heartwork.store.errors import StoreError

    try:
        return open_store()
    except StoreError as exc:
        raise _fail(str(exc), 1) from None


def _country() -> str:
    from heartwork import settings

    return settings.load().country


def _streak_line(store: Store) -> str:
    from datetime import date

    from heartwork.practice.habit import compute_streaks
    from heartwork.practice.records import load_history

    h = load_history(store)
    st = compute_streaks(h.practised_days(), date.today())
    if not st.current:
        return "A new streak starts today."
    line = f"Streak: {st.current} day{'s' if st.current != 1 else ''} of practice"
    if st.forgiven:
        line += f" (with {st.forgiven} rest day{'s' if st.forgiven != 1 else ''} forgiven)"
    if st.at_risk:
        line += ". One check-in today keeps it going"
    return line + "."


# --- heartwork practice ------------------------------------------------------------------------------------
def practice_cmd(
    name: Annotated[str | None, typer.Argument(help="The practice to run; omit it to list them all.")] = None,
    no_pause: Annotated[
        bool,
        typer.Option(
            "--no-pause", help="Skip the waiting in breath and timer steps (also HEARTWORK_PACE=0)."
        ),
    ] = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue your unfinished draft of this practice.")
    ] = False,
) -> None:
    """Run a guided practice in the terminal, or list them. Your answers are saved to your private journal."""
    from heartwork.practice.schema import PracticeNotFoundError, ScriptError, load_all, load_practice

    console = _console()
    try:
        if name is None:
            from rich.table import Table

            table = Table(title="Guided practices", show_lines=False, expand=False)
            table.add_column("name", style="bold magenta", no_wrap=True)
            table.add_column("what it is")
            table.add_column("min", justify="right")
            for p in load_all():
                table.add_row(p.id, p.summary, str(p.minutes))
            console.print(table)
            console.print("Run one with: [bold]heartwork practice self-compassion-break[/bold]")
            return
        practice = load_practice(name)
    except PracticeNotFoundError as exc:
        raise _fail(str(exc)) from None
    except ScriptError as exc:
        raise _fail(f"A practice script is broken (please report it): {exc}", 1) from None

    from heartwork.practice.engine import Session
    from heartwork.practice.records import find_draft, save_practice
    from heartwork.practice.runner import TerminalRunner, pace_from_env, show_safety_note
    from heartwork.safety.notice import safety_notice
    from heartwork.store.errors import StoreError

    store = _open_store()
    try:
        draft = find_draft(store, practice.id)
        entry_id: int | None = None
        if resume and draft is not None:
            entry_id, record = draft
            session = Session.resume(practice, record)
        else:
            if resume:
                console.print("[dim]No unfinished draft of this practice; starting fresh.[/dim]")
            elif draft is not None:
                console.print(
                    f"[dim]You have an unfinished draft of this practice; "
                    f"[bold]heartwork practice {practice.id} --resume[/bold] continues it.[/dim]"
                )
            session = Session(practice)
        runner = TerminalRunner(console, pace=pace_from_env(no_pause))
        runner.run(session, resumed=entry_id is not None)
        try:
            save_practice(store, session, entry_id=entry_id)
        except StoreError as exc:
            raise _fail(f"Could not save your answers: {exc}", 1) from None
        if session.safety:
            show_safety_note(console, safety_notice(country=_country()))
            console.print("[dim]Your answers are saved as a private draft that is never shared.[/dim]")
            raise typer.Exit(0)
        if session.status != "complete":
            console.print(
                f"Saved what you wrote as a draft. Continue any time with "
                f"[bold]heartwork practice {practice.id} --resume[/bold]."
            )
            raise typer.Exit(130 if session.reason == "interrupted" else 0)
        console.print(f"[green]Saved to your journal.[/green] {_streak_line(store)}")
    finally:
        store.close()


# --- heartwork choice --------------------------------------------------------------------------------------
CHOICE_WORDS = {
    "compassion": "compassion",
    "compassionate": "compassion",
    "reacted": "reacted",
    "reactive": "reacted",
}


def choice_cmd(
    kind: Annotated[
        str, typer.Argument(help="compassion (a moment I chose compassion) or reacted (a moment I reacted).")
    ],
    note: Annotated[
        str | None, typer.Option("--note", "-n", help="A few words about the moment (optional).")
    ] = None,
) -> None:
    """Log today's choice: a moment you chose compassion, or a moment you reacted. Both count as practice."""
    choice = CHOICE_WORDS.get(kind.strip().lower())
    if choice is None:
        raise _fail(
            f'Unknown choice {kind!r}. Valid choices: compassion, reacted. E.g. heartwork choice compassion --note "..."'
        )
    from datetime import date

    from heartwork.practice.records import log_choice

    console = _console()
    analysis = None
    text = (note or "").strip()
    if text:
        from heartwork import analyze

        analysis = analyze(text)
    store = _open_store()
    try:
        from heartwork.store.errors import StoreError

        try:
            log_choice(store, choice, text, analysis, day=date.today())
        except StoreError as exc:
            raise _fail(str(exc), 1) from None
        if analysis is not None and analysis.safety.risk:
            # No practice suggestions here: safety comes first (APPROACH.md §5).
            console.print("Logged.")
            _show_note_reading(console, analysis)
            return
        if choice == "compassion":
            console.print(
                "[green]Logged: a moment you chose compassion.[/green] That choice is the muscle growing."
            )
        else:
            console.print(
                "[cyan]Logged: a moment you reacted.[/cyan] Noticing it is the practice; "
                "[bold]heartwork practice reactivity-check-in[/bold] can help you look at it kindly."
            )
        if analysis is not None:
            _show_note_reading(console, analysis)
        console.print(_streak_line(store))
    finally:
        store.close()


def _show_note_reading(console: Console, analysis: Any) -> None:
    from heartwork.taxonomy import TITLES

    if analysis.safety.risk:
        from heartwork.practice.runner import show_safety_note
        from heartwork.safety.notice import safety_notice

        show_safety_note(console, safety_notice(analysis, country=_country()))
        return
    shown = [f for f in analysis.patterns if f.label in TITLES]
    if shown:
        console.print("[dim]In your note:[/dim]")
        for f in shown:
            console.print(f"  [bold]{TITLES[f.label]}[/bold] ('{f.evidence}'): {f.explanation}")
    if analysis.needs:
        console.print(f"[dim]Needs beneath it: {', '.join(n.name for n in analysis.needs[:3])}.[/dim]")


# --- heartwork questionnaire -------------------------------------------------------------------------------
def questionnaire_cmd(
    name: Annotated[
        str,
        typer.Argument(
            help="scs-sf (self-compassion, 12 items) or csi-4 (relationship satisfaction, 4 items)."
        ),
    ],
    answers: Annotated[
        str | None,
        typer.Option("--answers", help="All answers at once, in item order, e.g. 3,4,2,5,1,3,4,2,5,1,4,3."),
    ] = None,
    history: Annotated[
        bool, typer.Option("--history", help="Show your past scores instead of answering.")
    ] = False,
) -> None:
    """Answer a validated questionnaire; it is scored exactly as published and kept in your history."""
    from heartwork.practice.questionnaires import QuestionnaireNotFoundError, get_instrument, interpret, score

    try:
        inst = get_instrument(name)
    except QuestionnaireNotFoundError as exc:
        raise _fail(str(exc)) from None
    console = _console()
    store = _open_store()
    try:
        if history:
            from heartwork.practice.records import load_history

            rows = [q for q in load_history(store).questionnaires if q["instrument"] == inst.id]
            if not rows:
                console.print(f"No {inst.id} answers yet. Take it with: heartwork questionnaire {inst.id}")
                return
            for q in rows:
                total = q["total"]
                console.print(
                    f"{q['day'].isoformat()}  {inst.id}  {total:.2f}"
                    if isinstance(total, float)
                    else f"{q['day'].isoformat()}  {inst.id}  {total}"
                )
            return
        if answers is not None:
            try:
                values = [int(x) for x in answers.replace(" ", "").split(",") if x != ""]
                scores = score(inst, values)
            except ValueError as exc:
                raise _fail(f"{exc} Give {len(inst.items)} whole numbers separated by commas.") from None
        else:
            asked = _ask_items(console, inst)
            if asked is None:
                console.print("Stopped; nothing was saved. You can take it again any time.")
                raise typer.Exit(130)
            values = asked
            scores = score(inst, values)
        from heartwork.practice.records import save_questionnaire
        from heartwork.store.errors import StoreError

        try:
            save_questionnaire(store, inst.id, values, scores)
        except StoreError as exc:
            raise _fail(str(exc), 1) from None
        console.print()
        console.print(interpret(inst, scores))
        if inst.id == "scs-sf":
            sub = ", ".join(f"{k.replace('_', ' ')} {v:.1f}" for k, v in scores["subscales"].items())
            console.print(f"[dim]Subscales (two items each, so only a rough hint): {sub}.[/dim]")
        console.print(f"[dim]{inst.citation}[/dim]")
    finally:
        store.close()


def _ask_items(console: Console, inst: Any) -> list[int] | None:
    from rich.text import Text

    console.print(Text(inst.name, style="bold"))
    console.print(Text(inst.instructions, style="dim"))
    values: list[int] = []
    try:
        for item in inst.items:
            console.print()
            console.print(Text(f"{item.number}. {item.text}", style="bold"))
            scale = "  ".join(
                f"{item.low + i}" + (f" {word}" if word else "") for i, word in enumerate(item.anchors)
            )
            console.print(Text(scale, style="dim"))
            while True:
                raw = console.input("> ").strip()
                if raw.isdigit() and item.low <= int(raw) <= item.high:
                    values.append(int(raw))
                    break
                console.print(
                    Text(f"Please type a whole number from {item.low} to {item.high}.", style="yellow")
                )
    except (KeyboardInterrupt, EOFError):
        console.print()
        return None
    return values


# --- heartwork progress ------------------------------------------------------------------------------------
def progress_cmd(
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Also write a chart: a .png, .svg or .html file.")
    ] = None,
    weeks: Annotated[int, typer.Option(help="How many weeks to show (1-104).", min=1, max=104)] = 8,
) -> None:
    """Your progress: streaks, practices, questionnaire scores over time, reactive vs compassionate moments."""
    from datetime import date

    from heartwork.practice.progress import build_progress, render_terminal, write_chart

    if out is not None and out.suffix.lower() not in (".png", ".svg", ".html"):
        raise _fail(f"Cannot write {out.name!r}: use a file name ending in .png, .svg or .html.")
    console = _console()
    store = _open_store()
    try:
        from heartwork.practice.records import load_history

        prog = build_progress(load_history(store), today=date.today(), weeks=weeks)
    finally:
        store.close()
    render_terminal(console, prog)
    if out is not None:
        try:
            write_chart(prog, out)
        except OSError as exc:
            raise _fail(
                f"Could not write {out}: {exc.strerror or exc}. Choose a folder you can write to.", 1
            ) from None
        console.print(f"[green]Wrote {out}[/green]")


# --- heartwork reflect -------------------------------------------------------------------------------------
REFLECT_QUESTIONS = (
    ("helped", "What helped you choose compassion this week (or what got in the way)?"),
    ("next", "What is one small thing you want to practise next week?"),
)


def reflect_cmd(
    no_prompt: Annotated[
        bool, typer.Option("--no-prompt", help="Only show the summary; don't ask questions.")
    ] = False,
) -> None:
    """The weekly reflection: a summary of the last 7 days, and two questions for you (saved to your journal)."""
    from datetime import date, timedelta

    from rich.panel import Panel
    from rich.text import Text

    from heartwork.practice.habit import summarize_week
    from heartwork.practice.records import load_history, save_reflection

    console = _console()
    store = _open_store()
    try:
        h = load_history(store)
        today = date.today()
        start = today - timedelta(days=6)
        week = summarize_week(start, h.choices, h.practices)
        prev = summarize_week(start - timedelta(days=7), h.choices, h.practices)
        sentences = week.sentences(prev)
        console.print(
            Panel(
                Text("\n".join(sentences)),
                title=f"Your week: {start.isoformat()} to {today.isoformat()}",
                border_style="magenta",
                padding=(1, 2),
            )
        )
        console.print(_streak_line(store))
        if no_prompt:
            return
        answers: dict[str, str] = {}
        try:
            for key, question in REFLECT_QUESTIONS:
                console.print()
                console.print(Text(question, style="bold"))
                console.print(Text("(Press Enter to skip.)", style="dim"))
                answers[key] = console.input("> ").strip()
        except (KeyboardInterrupt, EOFError):
            console.print()
        risky = False
        written = " ".join(a for a in answers.values() if a)
        if written:
            from heartwork import analyze

            if analyze(written).safety.risk:
                from heartwork.practice.runner import show_safety_note
                from heartwork.safety.notice import safety_notice

                risky = True
                show_safety_note(console, safety_notice(country=_country()))
        body = "\n".join(sentences)
        for key, question in REFLECT_QUESTIONS:
            if answers.get(key):
                body += f"\n\n{question}\n> {answers[key]}"
        data = {
            "start": start.isoformat(),
            "end": today.isoformat(),
            "compassion": week.compassion,
            "reacted": week.reacted,
            "practices": dict(week.practices),
            "days_practised": week.days_practised,
            "answers": answers,
        }
        from heartwork.store.errors import StoreError

        try:
            save_reflection(store, f"Week of {start.isoformat()}", body, data, sensitive=risky)
        except StoreError as exc:
            raise _fail(str(exc), 1) from None
        console.print("[green]Your reflection is saved to your journal.[/green]")
    finally:
        store.close()


def register(app: typer.Typer) -> None:
    """Add this area's commands to the main app."""
    app.command("practice")(practice_cmd)
    app.command("choice")(choice_cmd)
    app.command("questionnaire")(questionnaire_cmd)
    app.command("progress")(progress_cmd)
    app.command("reflect")(reflect_cmd)
