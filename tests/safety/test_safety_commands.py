"""`heartwork safety`: resources for a country, JSON, the country list, and clear errors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from heartwork.cli import app

runner = CliRunner()


def test_safety_command_shows_country_resources() -> None:
    res = runner.invoke(app, ["safety", "--country", "US"])
    assert res.exit_code == 0, res.output
    assert "1-800-799-7233" in res.output and "988" in res.output and "findahelpline.com" in res.output
    assert "checked:" in res.output


def test_safety_command_json_and_env(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HEARTWORK_COUNTRY", "AU")
    res = runner.invoke(app, ["safety", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["country"] == "AU" and any(r["phone"] == "13 11 14" for r in data["resources"])


def test_safety_command_list_and_unknown_country() -> None:
    res = runner.invoke(app, ["safety", "--list-countries"])
    assert res.exit_code == 0 and "UK\tUnited Kingdom" in res.output
    res = runner.invoke(app, ["safety", "--country", "Narnia"])
    assert res.exit_code == 2
    assert "Available: AU, CA, INTL, UK, US" in res.output
    assert "Traceback" not in res.output


def test_safety_commands_have_help() -> None:
    for cmd in ("safety", "safety-check"):
        res = runner.invoke(app, [cmd, "--help"])
        assert res.exit_code == 0 and "Usage" in res.output
