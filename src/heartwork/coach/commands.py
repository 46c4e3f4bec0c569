"""CLI commands of this area (registered by heartwork.cli): respond, review, apology, need-statement.

Module-level imports stay light (typer only): the coach, the engine and Rich load inside the commands.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer

from heartwork.taxonomy import COMPASSIONATE


class Format(StrEnum):
    text = "text"
    json = "json"


FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="Output: text (for people) or json (for tools).")
]
BackendOpt = Annotated[
    str | None,
    typer.Option(
        "--backend",
        help="template (offline, default), openai (any OpenAI-compatible server; default when "
        "HEARTWORK_LLM_URL is set) or llama-cpp (a GGUF file you supply).",
    ),
]


# typer >= 0.2x raises its own Abort from prompt(); older versions raise click's.
_ABORTS: tuple[type[BaseException], ...] = (typer.Abort, EOFError, KeyboardInterrupt)
try:
    import click as _click

    _ABORTS += (_click.exceptions.Abort,)
except ImportError:  # pragma: no cover
    pass


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


def _read_arg(value: str) -> str:
    """'-' reads the text from standard input."""
    return sys.stdin.read() if value == "-" else value


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _emit_json(data: dict[str, Any]) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _show_safety(console: Any, safety: Any) -> None:
    from rich.panel import Panel

    lines = [safety.message, ""]
    lines.extend(f"• {r.line()}" for r in safety.resources)
    console.print(Panel("\n".join(lines), title="Your safety comes first", border_style="yellow"))


def _highlight(text: str, spans: list[tuple[int, int, str]]) -> Any:
    from rich.text import Text

    out = Text(text)
    for start, end, style in spans:
        out.stylize(style, start, end)
    return out


KIND_TITLES = {
    "core_value": "Core value response",
    "validation": "Validation",
    "accountability": "Accountability",
    "amends": "Amends",
    "curiosity": "Curiosity",
    "need_statement": "Need statement",
}


def respond_cmd(
    message: Annotated[
        str, typer.Argument(help="Your partner's message, in quotes ('-' reads standard input).")
    ],
    my_part: Annotated[
        str | None,
        typer.Option("--my-part", help="The part you own, e.g. 'forgot to call' (offers an apology)."),
    ] = None,
    backend: BackendOpt = None,
    llm_url: Annotated[str | None, typer.Option("--llm-url", help="OpenAI-compatible endpoint URL.")] = None,
    llm_model: Annotated[str | None, typer.Option("--llm-model", help="Model name for the endpoint.")] = None,
    model_path: Annotated[
        str | None, typer.Option("--model-path", help="GGUF file for --backend llama-cpp.")
    ] = None,
    timeout: Annotated[
        float | None, typer.Option("--timeout", help="Seconds to wait for an LLM backend.")
    ] = None,
    fmt: FormatOpt = Format.text,
) -> None:
    """See what lies beneath your partner's message and get 3–5 ways to answer the pain, not the 'facts'."""
    from heartwork.coach import respond
    from heartwork.engine import EmptyMessageError

    options = {"url": llm_url, "model": llm_model, "model_path": model_path, "timeout": timeout}
    try:
        result = respond(_read_arg(message), my_part=my_part, backend=backend, backend_options=options)
    except (EmptyMessageError, ValueError, TypeError) as exc:
        _fail(str(exc))
        return
    if fmt is Format.json:
        _emit_json(result.to_dict())
        return
    from rich.panel import Panel

    console = _console()
    a = result.analysis
    spans = [
        (f.span.start, f.span.end, "bold red" if f.label != "safety_risk" else "bold yellow")
        for f in a.patterns
    ]
    spans = [s for s, f in zip(spans, a.patterns, strict=True) if f.label not in _COMPASSIONATE]
    console.print(Panel(_highlight(a.text, spans), title="Their message", border_style="dim"))
    console.print(f"[bold]Beneath the words:[/bold] {result.summary}")
    for f in a.patterns:
        if f.label not in _COMPASSIONATE:
            console.print(f"  [red]{f.label}[/red] “{f.evidence}” — {f.explanation}")
    for g in result.guidance:
        console.print(f"[italic]{g}[/italic]")
    for n in result.notices:
        console.print(f"[yellow]Note:[/yellow] {n}")
    if result.paused_for_safety and result.safety:
        _show_safety(console, result.safety)
        return
    console.print()
    for i, s in enumerate(result.suggestions, 1):
        console.print(f"[bold green]{i}. {KIND_TITLES.get(s.kind, s.kind)}[/bold green]")
        console.print(f"   {s.text}")
        if s.why:
            console.print(f"   [dim]{s.why}[/dim]")


_COMPASSIONATE = frozenset(COMPASSIONATE)  # the taxonomy is the single source of label ids


def review_cmd(
    draft: Annotated[str, typer.Argument(help="Your draft reply, in quotes ('-' reads standard input).")],
    to: Annotated[str, typer.Option("--to", help="Your partner's message you are answering.")] = "",
    my_part: Annotated[
        str | None, typer.Option("--my-part", help="The part you own (used in the rewrite).")
    ] = None,
    interactive: Annotated[
        bool | None,
        typer.Option(
            "--interactive/--no-interactive",
            help="Ask to accept, edit or ignore the rewrite (default: when run in a terminal).",
        ),
    ] = None,
    fmt: FormatOpt = Format.text,
) -> None:
    """Feedback on a draft reply before you send it: what may land badly, a score, and a kinder rewrite."""
    from heartwork.coach import review
    from heartwork.engine import EmptyMessageError

    if not to.strip():
        _fail(
            'Pass your partner\'s message with --to, e.g. heartwork review --to "You never call" "my draft".'
        )
    try:
        result = review(to, _read_arg(draft), my_part=my_part)
    except (EmptyMessageError, ValueError, TypeError) as exc:
        _fail(str(exc))
        return
    if fmt is Format.json:
        _emit_json(result.to_dict())
        return
    console = _console()
    _show_review(console, result)
    if result.paused_for_safety or result.rewrite is None:
        return
    if interactive is None:
        interactive = sys.stdin.isatty()
    if interactive:
        _choose(console, result)


def _show_review(console: Any, result: Any) -> None:
    from rich.panel import Panel

    spans = [(f.start, f.end, "bold red underline") for f in result.findings]
    console.print(Panel(_highlight(result.draft, spans), title="Your draft", border_style="dim"))
    for n in result.notices:
        console.print(f"[yellow]Note:[/yellow] {n}")
    if result.paused_for_safety and result.safety:
        _show_safety(console, result.safety)
        return
    for f in result.findings:
        console.print(f"[red]• {f.label}[/red] “{f.evidence}”")
        console.print(f"  [dim]Why it may land badly:[/dim] {f.why}")
        console.print(f"  [dim]Try instead:[/dim] {f.try_instead}")
    for t in result.tips:
        console.print(f"[italic]{t}[/italic]")
    after = "—" if result.score_after is None else str(result.score_after)
    console.print(f"[bold]Compassion score:[/bold] {result.score_before} → {after} (0–100)")
    if result.rewrite:
        console.print(Panel(result.rewrite, title="Suggested rewrite", border_style="green"))


def _choose(console: Any, result: Any) -> None:
    from heartwork.coach import review

    current = result
    for _ in range(5):
        try:
            choice = (
                typer.prompt("[a]ccept, [e]dit or [i]gnore the rewrite?", default="a").strip().lower()[:1]
            )
        except _ABORTS:
            return
        if choice == "a":
            console.print("[bold]Your reply:[/bold]")
            typer.echo(current.rewrite)
            return
        if choice == "i":
            console.print("[bold]Keeping your draft:[/bold]")
            typer.echo(result.draft)
            return
        if choice == "e":
            try:
                edited = typer.prompt("Your edited reply", default=current.rewrite)
            except _ABORTS:
                return
            try:
                current = review(result.to, edited)
            except ValueError as exc:
                console.print(f"[yellow]{exc}[/yellow]")
                continue
            _show_review(console, current)
            if current.rewrite is None or not current.findings:  # nothing reactive left: your words stand
                console.print("[bold]Your reply:[/bold]")
                typer.echo(current.draft)
                return
            continue
        console.print("Please type a, e or i.")


def _ask(value: str | None, question: str) -> str:
    """An answer from the option, else asked for (when a terminal or piped input can answer)."""
    if value is not None:
        return value
    try:
        return str(typer.prompt(question))
    except _ABORTS:
        _fail(f"Missing answer: {question} (pass it as an option; see --help).")
        raise


def apology_cmd(
    did: Annotated[str | None, typer.Option("--did", help="What you did — your part only.")] = None,
    impact: Annotated[
        str | None, typer.Option("--impact", help="The impact you see on your partner.")
    ] = None,
    will: Annotated[str | None, typer.Option("--will", help="What you'll do next time.")] = None,
    remorse: Annotated[
        str | None, typer.Option("--remorse", help="How you feel about it (optional).")
    ] = None,
    to: Annotated[str | None, typer.Option("--to", help="Their message (optional).")] = None,
    fmt: FormatOpt = Format.text,
) -> None:
    """Build an accountable apology from short answers, with a self-kindness step first."""
    from heartwork.coach.builders import CoachInputError, build_apology

    did = _ask(did, "What did you do? (your part only)")
    impact = _ask(impact, "What impact do you see on your partner?")
    will = _ask(will, "What will you do next time?")
    try:
        built = build_apology(did, impact, will, remorse=remorse, to=to)
    except CoachInputError as exc:
        _fail(str(exc))
        return
    _show_built(built, fmt, "Your apology")


def need_statement_cmd(
    when: Annotated[str | None, typer.Option("--when", help="The specific moment (no 'always').")] = None,
    felt: Annotated[str | None, typer.Option("--felt", help="What you felt, e.g. 'unseen'.")] = None,
    need: Annotated[
        str | None, typer.Option("--need", help="What you need, e.g. 'to be part of decisions'.")
    ] = None,
    request: Annotated[str | None, typer.Option("--request", help="What you'd like them to do.")] = None,
    to: Annotated[str | None, typer.Option("--to", help="Their message (optional).")] = None,
    fmt: FormatOpt = Format.text,
) -> None:
    """Build a need statement: 'When …, I felt …, because I need … Would you be willing to …?'"""
    from heartwork.coach.builders import CoachInputError, build_need_statement

    when = _ask(when, "When did it happen? (one specific moment)")
    felt = _ask(felt, "What did you feel?")
    need = _ask(need, "What do you need?")
    request = _ask(request, "What would you like them to do?")
    try:
        built = build_need_statement(when, felt, need, request, to=to)
    except CoachInputError as exc:
        _fail(str(exc))
        return
    _show_built(built, fmt, "Your need statement")


def _show_built(built: Any, fmt: Format, title: str) -> None:
    if fmt is Format.json:
        _emit_json(built.to_dict())
        return
    from rich.panel import Panel

    console = _console()
    if built.paused_for_safety and built.safety:
        _show_safety(console, built.safety)
        return
    console.print(Panel(built.self_kindness, title="First, kindness for yourself", border_style="cyan"))
    for step, text in built.steps:
        console.print(f"  [dim]{step}:[/dim] {text}")
    for n in built.notes:
        console.print(f"[italic]{n}[/italic]")
    console.print(Panel(built.text, title=title, border_style="green"))


def register(app: typer.Typer) -> None:
    """Add this area's commands to the main app."""
    app.command("respond")(respond_cmd)
    app.command("review")(review_cmd)
    app.command("apology")(apology_cmd)
    app.command("need-statement")(need_statement_cmd)
