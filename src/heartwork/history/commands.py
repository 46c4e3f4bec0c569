"""CLI commands of this area (registered by heartwork.cli): ``import-chat`` and ``report``.

Module-level imports stay light (typer only); the importers, the engine and the report load inside commands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from heartwork.history.importing import ImportResult

FORMATS = ("auto", "whatsapp", "telegram", "messenger", "instagram", "signal", "csv")
# From this many messages on, the report shows a progress bar while the engine reads them.
REPORT_PROGRESS_MIN_MESSAGES = 5000

# Options shared by import-chat and report (one definition, two commands).
ChatOption = Annotated[
    str | None, typer.Option("--chat", help="Telegram full-account exports: which chat to import.")
]
DateOrderOption = Annotated[str, typer.Option("--date-order", help="WhatsApp dates: auto, dmy, mdy or ymd.")]
CsvTimestampOption = Annotated[str | None, typer.Option("--csv-timestamp", help="CSV: column with the time.")]
CsvAuthorOption = Annotated[str | None, typer.Option("--csv-author", help="CSV: column with the sender.")]
CsvTextOption = Annotated[str | None, typer.Option("--csv-text", help="CSV: column with the message text.")]
CsvDelimiterOption = Annotated[
    str | None, typer.Option("--csv-delimiter", help="CSV: delimiter (default: detect).")
]
CsvTimeFormatOption = Annotated[
    str | None,
    typer.Option("--csv-time-format", help="CSV: strftime pattern of the time, e.g. '%d/%m/%Y %H:%M'."),
]


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


def _options(
    date_order: str,
    chat: str | None,
    csv_timestamp: str | None,
    csv_author: str | None,
    csv_text: str | None,
    csv_delimiter: str | None,
    csv_time_format: str | None,
) -> dict[str, Any]:
    return {
        "date_order": date_order,
        "chat": chat,
        "csv_timestamp": csv_timestamp,
        "csv_author": csv_author,
        "csv_text": csv_text,
        "csv_delimiter": csv_delimiter,
        "csv_time_format": csv_time_format,
    }


@contextmanager
def _progress(
    show: bool, label: str, total: int, *, in_bytes: bool = False
) -> Iterator[Callable[[int], None] | None]:
    """A transient progress bar on stderr while the block runs; yields what advances it by n (bytes with
    ``in_bytes``, else items), or None when ``show`` is false (a short job needs no bar)."""
    if not show:
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn() if in_bytes else MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


def _run_import(path: Path, fmt: str, options: dict[str, Any]) -> ImportResult:
    """Import with a progress bar (stderr) on long files; user mistakes become clear errors, not tracebacks."""
    from heartwork.history.importers import ChatImportError, all_importers
    from heartwork.history.importing import PROGRESS_MIN_BYTES, import_chat

    known = ("auto", *all_importers())
    if fmt not in known:
        _fail(f"Unknown format {fmt!r}. Available: {', '.join(known)}.", 2)
    size = path.stat().st_size if path.is_file() else 0
    try:
        with _progress(size >= PROGRESS_MIN_BYTES, f"Reading {path.name}", size, in_bytes=True) as advance:
            result = import_chat(path, fmt, options, progress=advance)
    except ChatImportError as exc:
        _fail(str(exc))
        raise  # unreachable; keeps type checkers calm
    how = "Detected format" if result.detected else "Format"
    typer.echo(f"{how}: {result.format_title} ({result.format}).", err=True)
    return result


def _describe(result: ImportResult) -> None:
    s = result.summary()
    skipped = s["skipped_lines"]
    typer.echo(
        f"Read {s['messages_parsed']:,} messages from {len(s['participants'])} "
        f"{'person' if len(s['participants']) == 1 else 'people'} ({', '.join(s['participants'][:6])}), "
        f"{s['first_message']} to {s['last_message']}.",
        err=True,
    )
    if skipped["count"]:
        reasons = ", ".join(f"{n} {r}" for r, n in skipped["by_reason"].items())
        typer.echo(f"Left out {skipped['count']:,} lines: {reasons}.", err=True)
    for note in s["notes"]:
        typer.echo(f"Note: {note}", err=True)


def import_chat_command(
    path: Annotated[
        Path,
        typer.Argument(
            help="The exported chat: a file (_chat.txt, result.json, message_1.json, "
            "a .csv) or a Messenger/Instagram conversation folder.",
        ),
    ],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"Export format: {', '.join(FORMATS)}.")
    ] = "auto",
    print_as: Annotated[
        str | None, typer.Option("--print", help="Write the messages to standard output: jsonl.")
    ] = None,
    save: Annotated[
        bool, typer.Option("--save", help="Store the chat in your Heartwork data (all or nothing).")
    ] = False,
    name: Annotated[
        str | None, typer.Option("--name", help="Name for the saved chat (default: the file name).")
    ] = None,
    chat: ChatOption = None,
    date_order: DateOrderOption = "auto",
    csv_timestamp: CsvTimestampOption = None,
    csv_author: CsvAuthorOption = None,
    csv_text: CsvTextOption = None,
    csv_delimiter: CsvDelimiterOption = None,
    csv_time_format: CsvTimeFormatOption = None,
) -> None:
    """Import a chat export (WhatsApp, Telegram, Messenger, Instagram, Signal or CSV) and print or save it.

    Messages come out in time order as {"timestamp", "author", "text"}; system lines, media without text and
    deleted messages are left out and counted with their line numbers.
    """
    if print_as is not None and print_as != "jsonl":
        _fail(f"Unknown --print format {print_as!r}. Available: jsonl.", 2)
    opts = _options(date_order, chat, csv_timestamp, csv_author, csv_text, csv_delimiter, csv_time_format)
    result = _run_import(path, fmt, opts)
    with result:
        _describe(result)
        if print_as == "jsonl":
            import json
            import sys

            out = sys.stdout
            for m in result.messages:
                out.write(json.dumps(m.to_dict(), ensure_ascii=False))
                out.write("\n")
            out.flush()
        if save:
            _save(result, name or result.log.chat_name or path.stem)
        if print_as is None and not save:
            typer.echo(
                "Nothing written: add --print jsonl to see the messages or --save to keep them.", err=True
            )


def _save(result: ImportResult, name: str) -> None:
    from datetime import datetime

    from heartwork.store import StoreError, open_cli_store, users
    from heartwork.store import chats as chat_repo

    try:
        store = open_cli_store()
    except StoreError as exc:
        _fail(str(exc))
        return
    try:
        with store.session() as s:
            me = users.local_user(s)
            rows = ((datetime.fromisoformat(m.timestamp), m.author, m.text) for m in result.messages)
            saved = chat_repo.import_chat(s, me, name, result.format, rows)
            chat_id = saved.id
    except StoreError as exc:
        _fail(f"{exc} Nothing was saved.")
        return
    finally:
        store.close()
    typer.echo(f"Saved {result.count:,} messages as chat {chat_id} ({name!r}).", err=True)


def report_command(
    path: Annotated[Path, typer.Argument(help="The exported chat (any format import-chat reads).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the HTML report.")],
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write a JSON summary here.")] = None,
    me: Annotated[
        str | None, typer.Option("--me", help="Your name as it appears in the chat (the report says 'you').")
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"Export format: {', '.join(FORMATS)}.")
    ] = "auto",
    chat: ChatOption = None,
    date_order: DateOrderOption = "auto",
    csv_timestamp: CsvTimestampOption = None,
    csv_author: CsvAuthorOption = None,
    csv_text: CsvTextOption = None,
    csv_delimiter: CsvDelimiterOption = None,
    csv_time_format: CsvTimeFormatOption = None,
) -> None:
    """Write a kind, self-contained report of the patterns across a conversation history (works offline)."""
    if out.suffix.lower() not in (".html", ".htm"):
        _fail(f"The report is an HTML page; give --out a name ending in .html (got {out.name!r}).", 2)
    opts = _options(date_order, chat, csv_timestamp, csv_author, csv_text, csv_delimiter, csv_time_format)
    result = _run_import(path, fmt, opts)
    with result:
        _describe(result)
        people = result.participants
        if me is not None:
            match = [p for p in people if p == me] or [p for p in people if p.casefold() == me.casefold()]
            if not match:
                _fail(
                    f"No one called {me!r} in this chat. People in it: {', '.join(repr(p) for p in people)}.",
                    2,
                )
            me = match[0]
        from heartwork import settings
        from heartwork.history.analysis import analyse_history
        from heartwork.history.report import build_summary, write_report

        country = settings.load().country
        show = result.count >= REPORT_PROGRESS_MIN_MESSAGES
        with _progress(show, "Reading the messages", result.count) as advance:
            analysis = analyse_history(result.messages, progress=advance)
        summary = build_summary(result.summary(), analysis, me)
        try:
            write_report(summary, analysis, out, json_out, country=country)
        except OSError as exc:
            _fail(f"Could not write the report: {exc}. Check the folder exists and you can write there.")
    typer.echo(f"Wrote {out}" + (f" and {json_out}" if json_out else "") + ".", err=True)
    if summary["safety"]["risk"]:
        typer.echo(
            "Some messages touch on safety; the report starts with a note and places to get support.",
            err=True,
        )


def register(app: typer.Typer) -> None:
    """Add this area's commands to the main app."""
    app.command("import-chat")(import_chat_command)
    app.command("report")(report_command)
