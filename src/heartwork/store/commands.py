"""CLI commands of the storage area (registered by heartwork.cli): export, import-backup, delete-my-data,
db upgrade/status, passphrase, unlock. Heavy imports happen inside the commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

db_app = typer.Typer(help="The database: schema upgrades and status.", no_args_is_help=True)


def _fail(message: str) -> None:
    typer.secho(message, fg=typer.colors.RED, err=True)
    raise typer.Exit(1)


def _ask_new_passphrase(what: str) -> str:
    first = typer.prompt(f"New {what} passphrase", hide_input=True, err=True)
    second = typer.prompt("Repeat it", hide_input=True, err=True)
    if first != second:
        _fail("The two passphrases differ; nothing was changed. Try again.")
    return str(first)


def _write_private(path: Path, text: str) -> None:
    """Write atomically (temp file + rename) with owner-only permissions."""
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".heartwork-export-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export(
    out: str = typer.Option(
        None, "--out", "-o", help="File to write (default: heartwork-export-<time>.json here; '-' = stdout)."
    ),
    encrypt: bool = typer.Option(False, "--encrypt", help="Encrypt the file with a passphrase (asked for)."),
) -> None:
    """Export all your data as JSON (optionally encrypted) — a complete backup."""
    import json
    from datetime import datetime

    from heartwork.store import StoreError, backup, open_cli_store

    try:
        store = open_cli_store()
        try:
            with store.session(write=False) as s:
                payload = backup.export_data(s, revision=store.current_revision())
        finally:
            store.close()
        text = json.dumps(payload, ensure_ascii=False, indent=1)
        if encrypt:
            from heartwork.store.crypto import encode_backup

            envelope = encode_backup(text.encode("utf-8"), _ask_new_passphrase("backup"))
            text = json.dumps(envelope, indent=1)
    except StoreError as exc:
        _fail(str(exc))
        return
    if out == "-":
        typer.echo(text)
        return
    path = Path(out) if out else Path(f"heartwork-export-{datetime.now():%Y%m%d-%H%M%S}.json")
    try:
        _write_private(path, text + "\n")
    except OSError as exc:
        _fail(f"Could not write {path}: {exc.strerror or exc}. Choose another place with --out.")
    counts = {k: len(v) for k, v in payload["tables"].items() if v}
    summary = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items()) or "no records yet"
    typer.echo(f"Exported {summary} to {path}" + (" (encrypted)" if encrypt else ""))


def import_backup(
    file: Annotated[Path, typer.Argument(help="A backup made by `heartwork export` (plain or encrypted).")],
    replace: bool = typer.Option(
        False, "--replace", help="Erase the current data and restore the backup, in one transaction."
    ),
) -> None:
    """Restore a backup exactly. All or nothing: on any problem the database is left as it was."""
    import json
    import os

    from heartwork.store import StoreError, backup, open_cli_store

    try:
        raw = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        _fail(f"No such file: {file}")
        return
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"Cannot read {file}: {exc}")
        return
    try:
        payload: Any = json.loads(raw)
    except json.JSONDecodeError as exc:
        _fail(f"{file} is not valid JSON ({exc.msg} at line {exc.lineno}); is it a Heartwork backup?")
        return
    try:
        if isinstance(payload, dict) and payload.get("format") == "heartwork-backup-encrypted":
            from heartwork.store.crypto import decode_backup

            secret = os.environ.get("HEARTWORK_BACKUP_PASSPHRASE") or typer.prompt(
                "Backup passphrase", hide_input=True, err=True
            )
            payload = json.loads(decode_backup(payload, secret).decode("utf-8"))
        store = open_cli_store()
        try:
            with store.session() as s:
                counts = backup.import_data(s, payload, replace=replace)
        finally:
            store.close()
    except StoreError as exc:
        _fail(str(exc))
        return
    summary = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items() if n) or "an empty backup"
    typer.echo(f"Restored {summary} from {file}.")


def delete_my_data(
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
) -> None:
    """Erase all your Heartwork data from this database (journal, practices, choices, questionnaires,
    conversations, imported chats, accounts). Export first if you may want it back."""
    from heartwork.store import StoreError, backup, open_store

    if not yes:
        typer.echo("This permanently erases all your Heartwork data. Consider `heartwork export` first.")
        answer = typer.prompt("Type 'delete' to confirm", default="", show_default=False)
        if answer.strip().lower() != "delete":
            typer.echo("Nothing was deleted.")
            raise typer.Exit(1)
    try:
        # Erasing needs no key: encrypted rows are deleted without being read.
        store = open_store()
        try:
            with store.session() as s:
                counts = backup.delete_all(s)
            store.compact()
        finally:
            store.close()
    except StoreError as exc:
        _fail(str(exc))
        return
    total = sum(counts.values())
    typer.echo(f"Deleted {total} records. Your Heartwork data is erased.")


def passphrase(
    remove: bool = typer.Option(False, "--remove", help="Remove the passphrase and store data unencrypted."),
) -> None:
    """Set or change the passphrase that encrypts your data at rest (or --remove it).

    Everything private is re-encrypted in one transaction. There is no way to recover a forgotten
    passphrase: keep it somewhere safe (or keep an export)."""
    import os

    from heartwork.store import StoreError, open_store

    try:
        store = open_store()
        try:
            current = None
            if store.is_encrypted:
                current = os.environ.get("HEARTWORK_PASSPHRASE") or typer.prompt(
                    "Current passphrase", hide_input=True, err=True
                )
                store.unlock(current)  # check before asking for the new one
            elif remove:
                _fail("Your data has no passphrase; nothing to remove.")
            new = None if remove else _ask_new_passphrase("Heartwork")
            store.set_passphrase(new, current=current)
        finally:
            store.close()
    except StoreError as exc:
        _fail(str(exc))
        return
    if remove:
        typer.echo("Passphrase removed: your data is now stored unencrypted.")
    else:
        typer.echo(
            "Done: your private data is encrypted with the new passphrase. Keep it safe; it cannot be recovered."
        )


def unlock() -> None:
    """Check your passphrase opens your data (each command asks for it, or reads $HEARTWORK_PASSPHRASE;
    the key is never written to disk)."""
    from heartwork.store import StoreError, open_cli_store

    try:
        store = open_cli_store()
        encrypted = store.is_encrypted
        store.close()
    except StoreError as exc:
        _fail(str(exc))
        return
    typer.echo("Unlocked: the passphrase opens your data." if encrypted else "Your data has no passphrase.")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Bring the database schema up to date (safe to run any time; all or nothing)."""
    from heartwork.store import StoreError, open_store

    try:
        store = open_store(upgrade=False)
        try:
            before = store.current_revision()
            store.upgrade()
            after = store.current_revision()
        finally:
            store.close()
    except StoreError as exc:
        _fail(str(exc))
        return
    if before == after:
        typer.echo(f"Database {store.display_url} is up to date (revision {after}).")
    else:
        typer.echo(f"Database {store.display_url} upgraded from {before or 'empty'} to {after}.")


@db_app.command("status")
def db_status() -> None:
    """Where the database is, its schema revision, whether it is encrypted, and how many records it holds."""
    from heartwork.store import StoreError, backup, open_store

    try:
        store = open_store(upgrade=False)
        try:
            rev, head = store.current_revision(), store.head_revision()
            typer.echo(f"Database: {store.display_url}")
            typer.echo(f"Schema revision: {rev or 'empty'} (latest {head})")
            if rev == head:
                typer.echo(f"Encrypted at rest: {'yes' if store.is_encrypted else 'no'}")
                with store.session(write=False) as s:
                    for table, n in backup.count_rows(s).items():
                        typer.echo(f"  {table}: {n}")
            else:
                typer.echo("Run `heartwork db upgrade` to update the schema.")
        finally:
            store.close()
    except StoreError as exc:
        _fail(str(exc))


def register(app: typer.Typer) -> None:
    """Add this area's commands to the main app."""
    app.command("export")(export)
    app.command("import-backup")(import_backup)
    app.command("delete-my-data")(delete_my_data)
    app.command("passphrase")(passphrase)
    app.command("unlock")(unlock)
    app.add_typer(db_app, name="db")
