"""CLI of the reading engine: analyze, read (interactive), eval, train, bench."""

from __future__ import annotations

import enum
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from heartwork.engine.paths import REPO, SHARED_DEV, SHARED_GOEMOTIONS


class Format(enum.StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.secho(message, err=True, fg="red")
    return typer.Exit(code)


def analyze_cmd(
    text: Annotated[
        str | None, typer.Argument(help="The message to read. Omit it with --format jsonl (reads stdin).")
    ] = None,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="text (coloured), json, or jsonl (batch: stdin -> stdout)."),
    ] = Format.text,
    context: Annotated[str | None, typer.Option(help="The message this one answers, if any.")] = None,
) -> None:
    """Show what lies beneath a message: patterns with their words and why, feelings, needs, safety.

    Batch: [bold]heartwork analyze --format jsonl < messages.jsonl > out.jsonl[/bold] (one {"text": ...} per line).
    """
    if fmt is Format.jsonl:
        if text is not None:
            raise _fail(
                "--format jsonl reads JSON lines from standard input; do not pass a message argument."
            )
        from heartwork.engine.jsonl import run

        raise typer.Exit(run(sys.stdin.buffer, sys.stdout))
    if text is None:
        if sys.stdin.isatty():
            raise _fail('Give a message to read, e.g. heartwork analyze "You never listen to me."')
        text = sys.stdin.read()
    from heartwork.engine import EmptyMessageError, analyze

    try:
        analysis = analyze(text, context=context)
    except EmptyMessageError as exc:
        raise _fail(
            f'{exc} Type the message in quotes, e.g. heartwork analyze "You never listen to me."'
        ) from None
    if fmt is Format.json:
        typer.echo(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    from heartwork.engine.render import render

    Console().print(render(analysis))


def read_cmd() -> None:
    """An interactive session: type a message, see what lies beneath it. Empty line or Ctrl-D to leave."""
    from rich.console import Console

    from heartwork.engine import analyze
    from heartwork.engine.render import render

    console = Console()
    console.print(
        "[bold]Heartwork[/bold] — type a message you received or want to send; I'll show what may lie "
        "beneath it.\nPress Enter on an empty line (or Ctrl-D) to leave.\n"
    )
    while True:
        try:
            line = console.input("[bold cyan]message>[/bold cyan] ")
        except (EOFError, KeyboardInterrupt):
            console.print()
            break
        if not line.strip():
            break
        console.print(render(analyze(line)))
        console.print()
    console.print("Take care of yourself. 💛")


def eval_cmd(
    path: Annotated[
        Path,
        typer.Argument(help='JSON lines with {"text": ..., "labels": [...]}.', exists=True, dir_okay=False),
    ],
    rules_only: Annotated[bool, typer.Option(help="Score the rules alone (a baseline).")] = False,
    mistakes: Annotated[int, typer.Option(help="Show this many misread messages.")] = 0,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text or json")] = Format.text,
) -> None:
    """Score the analyzer on a labelled file: per-label precision, recall, F1, macro-F1, false-alarm rate."""
    from heartwork.engine.evaluate import EvalFileError, evaluate

    try:
        report, wrong = evaluate(path, rules_only=rules_only)
    except EvalFileError as exc:
        raise _fail(str(exc)) from None
    if fmt is not Format.text:
        typer.echo(json.dumps(report.to_dict(), indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    from heartwork.taxonomy import REACTIVE

    table = Table(title=f"{path.name}: {report.n} messages" + (" (rules only)" if rules_only else ""))
    for col in ("label", "precision", "recall", "F1", "support", "predicted"):
        table.add_column(col, justify="left" if col == "label" else "right")
    for s in report.labels:
        table.add_row(
            s.label, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.support), str(s.predicted)
        )
    console = Console()
    console.print(table)
    console.print(
        f"[bold]macro-F1[/bold] {report.macro_f1:.3f}   [bold]false-alarm rate[/bold] {report.false_alarm_rate:.3f} "
        f"({report.false_alarms} of {report.kind_messages} kind/neutral messages got a reactive label: "
        f"{', '.join(REACTIVE[:3])}, ...)"
    )
    for text, gold, pred in wrong[:mistakes]:
        console.print(f"- {text!r}\n  gold {sorted(gold)}  got {sorted(pred)}", highlight=False)


def train_cmd(
    data: Annotated[
        Path, typer.Option(help="Folder with the project's own training files (train*.jsonl).")
    ] = REPO / "data",
    dev: Annotated[Path, typer.Option(help="The shared development corpus (CC0).")] = SHARED_DEV,
    distill: Annotated[
        bool,
        typer.Option(
            help="Also rebuild the static token table: fine-tune MiniLM on the corpus and distil it (~45 min; "
            "needs `pip install -e '.\\[finetune]'`). Retrains the feelings head too."
        ),
    ] = False,
    goemotions: Annotated[
        Path | None, typer.Option(help="GoEmotions folder (Apache-2.0): also retrain the feelings head.")
    ] = None,
    reader: Annotated[
        bool,
        typer.Option(
            help="Also rebuild the safety backstop's reader: fine-tune MiniLM on safety_risk (~50 min; "
            "needs `pip install -e '.\\[finetune]'`)."
        ),
    ] = False,
) -> None:
    """Train the classifier heads from data/train*.jsonl + the shared dev corpus; thresholds tuned out-of-fold."""
    from heartwork.engine.train import labels_matrix, load_sources, train

    files = sorted(data.glob("train*.jsonl"))
    if not files:
        raise _fail(f"No train*.jsonl files in {data}. Pass --data with the folder that holds them.")
    if not dev.exists():
        raise _fail(f"Shared dev corpus {dev} not found. Pass --dev with its path.")
    examples = load_sources([(p, p.stem) for p in files] + [(dev, "heartwork_dev")])
    if distill:
        from heartwork.engine.distill import distill as run_distill
        from heartwork.engine.embedding import table
        from heartwork.engine.manifest import record

        goemotions = goemotions or SHARED_GOEMOTIONS  # the feelings head reads the table: it must follow it
        if not (goemotions / "train.tsv").exists():
            raise _fail(f"GoEmotions train.tsv not found in {goemotions}. Pass --goemotions with its folder.")
        texts, y = [e.text for e in examples], labels_matrix(examples)
        try:
            record(run_distill(texts, y, goemotions, log=lambda m: typer.echo(m, err=True)))
        except RuntimeError as e:  # the optional extra is missing or a weights file fails its checksum
            raise _fail(str(e)) from e
        table.cache_clear()
    if reader:
        from heartwork.engine.manifest import record
        from heartwork.engine.safety_reader import build_reader
        from heartwork.taxonomy import LABELS

        risk = labels_matrix(examples)[:, LABELS.index("safety_risk")]
        try:
            record(build_reader([e.text for e in examples], risk, log=lambda m: typer.echo(m, err=True)))
        except RuntimeError as e:  # the optional extra is missing or a weights file fails its checksum
            raise _fail(str(e)) from e
    if goemotions is not None:
        from heartwork.engine.feelings import train_goemotions_head

        train_goemotions_head(goemotions, log=lambda m: typer.echo(m, err=True))
    metrics = train(examples, log=lambda m: typer.echo(m, err=True))
    for key in ("cross_validated_all", "cross_validated_heartwork_dev"):
        m = metrics[key]
        assert isinstance(m, dict)
        typer.echo(f"{key}: macro-F1 {m['macro_f1']:.3f}, false-alarm rate {m['false_alarm_rate']:.3f}")


def bench_cmd(
    messages: Annotated[int, typer.Option(help="Size of the generated batch corpus.")] = 20_000,
    single: Annotated[int, typer.Option(help="Warm single-message calls to time.")] = 300,
) -> None:
    """Benchmark throughput, latency, cold start and memory against a rules-only baseline in the same run."""
    from heartwork.engine.bench import run

    run(messages=messages, single=single)


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze_cmd)
    app.command("read")(read_cmd)
    app.command("eval")(eval_cmd)
    app.command("train")(train_cmd)
    app.command("bench")(bench_cmd)
