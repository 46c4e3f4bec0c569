"""Every command has help text, and --help works for each (DESIGN.md convention 9)."""

from __future__ import annotations

import typer
from typer.main import get_command
from typer.testing import CliRunner

from heartwork.cli import app


def _commands() -> dict[str, object]:
    group = get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    out: dict[str, object] = {}
    for name, cmd in group.commands.items():
        out[name] = cmd
        for sub, subcmd in getattr(cmd, "commands", {}).items():
            out[f"{name} {sub}"] = subcmd
    return out


def test_cli_help_every_command_has_help_text() -> None:
    commands = _commands()
    assert {"analyze", "eval", "train", "bench", "respond", "practice", "report", "serve", "start"} <= set(
        commands
    )
    missing = [name for name, cmd in commands.items() if not (getattr(cmd, "help", None) or "").strip()]
    assert not missing, f"commands without help: {missing}"


def test_cli_help_flag_works_for_every_command() -> None:
    runner = CliRunner()
    for name in _commands():
        res = runner.invoke(app, [*name.split(), "--help"])
        assert res.exit_code == 0, (name, res.output)
        assert "Usage" in res.output


def test_cli_help_user_mistake_gives_message_not_traceback() -> None:
    res = CliRunner().invoke(app, ["analyze", "   "])
    assert res.exit_code == 2
    assert "Traceback" not in res.output


def test_cli_help_shows_bracketed_words() -> None:
    """Help is rendered as rich markup, which silently drops an unescaped ``[word]``: a pip extra named in help
    (``pip install -e '.[finetune]'``) must reach the screen."""
    import re

    runner = CliRunner()
    checked = 0
    for name, cmd in _commands().items():
        texts = [getattr(p, "help", None) or "" for p in getattr(cmd, "params", [])] + [
            getattr(cmd, "help", "")
        ]
        words = {w for t in texts for w in re.findall(r"\.\\?\[([a-z][a-z-]*)\]", t or "")}
        if not words:
            continue
        res = runner.invoke(app, [*name.split(), "--help"], env={"COLUMNS": "400"})
        for w in words:
            checked += 1
            assert f"[{w}]" in res.output, (name, w)
    assert checked  # train's --distill and --reader name the [finetune] extra
