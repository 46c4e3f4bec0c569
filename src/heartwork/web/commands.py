"""CLI commands of this area (registered by heartwork.cli): ``heartwork serve`` and ``heartwork start``."""

from __future__ import annotations

import typer

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def _run(host: str, port: int, *, sqlite_default: bool) -> None:
    import os
    import socket

    if sqlite_default:
        os.environ.pop("HEARTWORK_DATABASE_URL", None)  # `start` always uses the local SQLite file
    from heartwork.settings import load

    settings = load()
    try:  # say clearly when the port is taken, instead of a traceback from deep inside the server
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        typer.echo(
            f"Cannot listen on {host}:{port}: {exc.strerror}. Try another port: --port {port + 1}", err=True
        )
        raise typer.Exit(2) from exc

    import uvicorn

    from heartwork.store.db import open_cli_store
    from heartwork.store.errors import StoreError
    from heartwork.web.app import create_app

    try:  # migrate the schema now, and ask for the passphrase if the data is encrypted
        store = open_cli_store(settings.database_url)
    except StoreError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from exc
    app = create_app(settings, store=store)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"Heartwork is running at http://{shown}:{port}/  (press Ctrl+C to stop)")
    db = settings.database_url.split("@")[-1] if "@" in settings.database_url else settings.database_url
    typer.echo(f"Data: {db}")
    if host not in {"127.0.0.1", "localhost", "::1"}:
        typer.echo(
            "Note: listening beyond this computer. Put it behind HTTPS and set HEARTWORK_WEB_HTTPS=1.",
            err=True,
        )
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the main app."""

    @app.command()
    def serve(
        host: str = typer.Option(DEFAULT_HOST, help="Address to listen on (127.0.0.1 = this computer only)."),
        port: int = typer.Option(DEFAULT_PORT, min=1, max=65535, help="Port to listen on."),
    ) -> None:
        """Run the web app (database: HEARTWORK_DATABASE_URL, else SQLite in the data folder) and print its URL."""
        _run(host, port, sqlite_default=False)

    @app.command()
    def start() -> None:
        """Start Heartwork in the browser: the web app on local SQLite at http://127.0.0.1:8000 (what `make run` does)."""
        _run(DEFAULT_HOST, DEFAULT_PORT, sqlite_default=True)
