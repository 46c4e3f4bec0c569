"""CLI: ``heartwork safety`` (help resources) and ``heartwork safety-check`` (the private check-in)."""

from __future__ import annotations

import json

import typer

_COUNTRY_HELP = "Country code (US, UK, CA, AU, INTL; default: $HEARTWORK_COUNTRY, else INTL)."


def register(app: typer.Typer) -> None:
    """Add this area's commands to the main app."""
    app.command("safety")(safety)
    app.command("safety-check")(safety_check)


def _resolve(country: str | None) -> str:
    from heartwork.safety.resources import ResourceError, UnknownCountryError, resolve_country

    try:
        return resolve_country(country, strict=country is not None)
    except (UnknownCountryError, ResourceError) as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None


def safety(
    country: str | None = typer.Option(None, "--country", "-c", help=_COUNTRY_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the resources as JSON."),
    list_countries: bool = typer.Option(False, "--list-countries", help="List the countries with resources."),
) -> None:
    """Show help resources (domestic abuse, crisis and emergency lines) for your country."""
    from heartwork.safety.resources import ResourceError, countries, for_country

    try:
        if list_countries:
            for code, name in countries().items():
                typer.echo(f"{code}\t{name}")
            return
        code = _resolve(country)
        items = for_country(code)
    except ResourceError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(
            json.dumps(
                {"country": code, "resources": [r.to_dict() for r in items]}, ensure_ascii=False, indent=2
            )
        )
        return
    typer.echo(f"Help is available ({code}). Everything here is free and confidential.\n")
    for r in items:
        hours = f" ({r.hours})" if r.hours else ""
        typer.echo(f"* {r.name}{hours}")
        if r.contact_line():
            typer.echo(f"    {r.contact_line()}")
        if r.description:
            typer.echo(f"    {r.description}")
        typer.echo(f"    checked: {r.verified}")
    typer.echo(
        "\nNumbers can change; the 'checked' date says when this list was last verified. To add or correct a "
        "service, see docs/safety.md. For a private check-in, run: heartwork safety-check"
    )


def safety_check(
    country: str | None = typer.Option(None, "--country", "-c", help=_COUNTRY_HELP),
    save: bool = typer.Option(
        True, "--save/--no-save", help="Keep the answers as a private, sensitive entry."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON (answers are still asked)."),
) -> None:
    """A private safety check-in: a few plain questions about fear, control and harm, and next steps."""
    from heartwork.safety.checkin import (
        ANSWERS,
        QUESTIONS,
        InvalidAnswerError,
        normalise_answer,
        safety_plan,
        score,
    )
    from heartwork.safety.policy import assess

    code = _resolve(country)
    if not as_json:
        typer.echo(
            "This is a private check-in. Nothing you answer is ever shown to a partner, and you can skip any "
            "question (press Enter). It is not a diagnosis; it helps you think about safety and where to find "
            "support.\n"
            "If someone might read your screen, you can stop at any time with Ctrl-C.\n"
        )
    answers: dict[str, str] = {}
    try:
        for q in QUESTIONS:
            while True:
                raw = typer.prompt(f"{q.text} [{' / '.join(ANSWERS)}]", default="skip", show_default=False)
                try:
                    answers[q.id] = normalise_answer(raw)
                    break
                except InvalidAnswerError as exc:
                    typer.echo(str(exc))
    except (typer.Abort, EOFError, KeyboardInterrupt):
        typer.echo("\nStopped. Nothing was saved.")
        raise typer.Exit(1) from None
    result = score(answers)
    decision = assess(result, country=code)
    plan = safety_plan(result)
    saved_id: int | None = None
    save_error = ""
    if save:
        try:
            from heartwork.safety.checkin import save as save_result
            from heartwork.store import StoreError, open_cli_store

            store = open_cli_store()
            try:
                saved_id = save_result(result, store)
            finally:
                store.close()
        except StoreError as exc:
            save_error = str(exc)
    if as_json:
        out = {
            "result": result.to_dict(),
            "plan": plan,
            "decision": decision.to_dict(),
            "saved_entry": saved_id,
            "save_error": save_error or None,
        }
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    typer.echo("")
    if decision.paused:
        typer.echo(decision.message + "\n")
    typer.echo("Some next steps, if and when they fit:")
    for step in plan:
        typer.echo(f"  - {step}")
    typer.echo("\nHelp:")
    for r in decision.resources if decision.paused else ():
        typer.echo(f"  * {r.line()}")
    if not decision.paused:
        typer.echo("  Run `heartwork safety` any time to see help lines for your country.")
    if saved_id is not None:
        typer.echo("\nYour answers are saved as a private entry that is never visible to a partner.")
    elif save_error:
        typer.echo(f"\nYour answers were not saved: {save_error}")
    else:
        typer.echo("\nYour answers were not saved (--no-save).")
