"""The ``heartwork`` command. Each area registers its own commands; heavy imports happen inside commands."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="heartwork",
    help="Heartwork: see what lies beneath a message, answer the pain, practise compassion. Local and private.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)

# Each module defines register(app). Order = order in --help.
COMMAND_MODULES = (
    "heartwork.engine.commands",
    "heartwork.coach.commands",
    "heartwork.practice.commands",
    "heartwork.history.commands",
    "heartwork.store.commands",
    "heartwork.safety.commands",
    "heartwork.web.commands",
)

for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
