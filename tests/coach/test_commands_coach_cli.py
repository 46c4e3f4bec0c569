"""The coach's CLI: respond / review / apology / need-statement, text and json, bad input, interactive review."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from heartwork.cli import app

runner = CliRunner()


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    r = runner.invoke(app, list(args), input=input)
    return r.exit_code, r.stdout, r.stderr


def test_commands_respond_json_shape() -> None:
    code, out, _ = run("respond", "You never listen to me!", "--format", "json")
    assert code == 0
    d = json.loads(out)
    assert {"beneath", "suggestions", "paused_for_safety"} <= set(d)
    assert d["paused_for_safety"] is False
    assert {"text", "patterns", "feelings", "needs", "safety"} <= set(d["beneath"])
    assert d["beneath"]["text"] == "You never listen to me!"
    assert 3 <= len(d["suggestions"]) <= 5
    for s in d["suggestions"]:
        assert s["kind"] in {
            "core_value",
            "validation",
            "accountability",
            "amends",
            "curiosity",
            "need_statement",
        }
        assert s["text"]


def test_commands_respond_text_shows_beneath_and_suggestions() -> None:
    code, out, _ = run(
        "respond", "Why do you always leave the dishes in the sink?", "--my-part", "left the dishes"
    )
    assert code == 0
    assert "Beneath the words" in out and "criticism" in out
    assert "Core value response" in out and "Accountability" in out
    assert "I'm sorry I left the dishes" in out


def test_commands_respond_safety_json_and_text() -> None:
    code, out, _ = run("respond", "I don't want to be here anymore.", "-f", "json")
    d = json.loads(out)
    assert code == 0 and d["paused_for_safety"] is True and d["suggestions"] == []
    assert d["safety"]["message"] and d["safety"]["resources"]
    code, out, _ = run("respond", "I don't want to be here anymore.")
    assert "Your safety comes first" in out
    assert "Core value" not in out


@pytest.mark.parametrize(
    ("message", "expect"),
    [("", "empty"), ("   ", "empty"), ("x" * 30_000, "20,000 characters")],
)
def test_commands_respond_bad_input_is_a_clear_error(message: str, expect: str) -> None:
    code, out, err = run("respond", message)
    assert code == 2
    assert expect in err
    assert "Traceback" not in out + err


@pytest.mark.parametrize(
    ("message", "expect"),
    [
        ("😡😡😡", "no words"),
        ("🙄", "no words"),
        ("Je suis fatigué de tout faire seul à la maison.", "doesn't look like English"),
        ("你为什么总是不听我说话", "doesn't look like English"),
    ],
)
def test_commands_respond_unreadable_input_gets_general_help(message: str, expect: str) -> None:
    code, out, _ = run("respond", message, "-f", "json")
    assert code == 0
    d = json.loads(out)
    assert any(expect in n for n in d["notices"])
    assert len(d["suggestions"]) >= 3


def test_commands_respond_reads_stdin() -> None:
    code, out, _ = run("respond", "-", "-f", "json", input="You never call me back.\n")
    assert code == 0
    assert json.loads(out)["beneath"]["text"].startswith("You never call me back.")


def test_commands_respond_unknown_backend_lists_choices() -> None:
    code, _, err = run("respond", "hello", "--backend", "gpt")
    assert code == 2
    assert "Available: template" in err


def test_commands_review_json() -> None:
    code, out, _ = run(
        "review", "--to", "Where were you?", "Calm down, I was at Mark's until 11.", "-f", "json"
    )
    assert code == 0
    d = json.loads(out)
    assert {"findings", "score_before", "score_after", "rewrite"} <= set(d)
    assert "Mark" in d["rewrite"] and "11" in d["rewrite"]


def test_commands_review_needs_to() -> None:
    code, _, err = run("review", "my draft")
    assert code == 2 and "--to" in err


def test_commands_review_interactive_accept_edit_ignore() -> None:
    args = ("review", "--to", "You never help.", "Whatever.", "--interactive")
    code, out, _ = run(*args, input="a\n")
    assert code == 0 and "Your reply:" in out
    reply = out.split("Your reply:")[1].strip()
    assert reply and "Whatever" not in reply
    code, out, _ = run(*args, input="i\n")
    assert code == 0 and out.rstrip().endswith("Whatever.")
    code, out, _ = run(*args, input="e\nI can see you're tired. Can we talk in ten minutes?\n")
    assert code == 0
    assert out.rstrip().endswith("I can see you're tired. Can we talk in ten minutes?")


def test_commands_apology_and_need_statement() -> None:
    code, out, _ = run(
        "apology",
        "--did",
        "forgot to call",
        "--impact",
        "you were worried",
        "--will",
        "text you",
        "-f",
        "json",
    )
    assert code == 0
    d = json.loads(out)
    assert d["text"].startswith("I'm sorry I forgot to call.") and d["self_kindness"]
    code, out, _ = run("apology", "--did", "ruin everything", "--impact", "x", "--will", "y")
    assert code == 2
    code, out, _ = run(
        "need-statement", input="you left the party early\nlonely\nconnection\nstay until the end\n"
    )
    assert code == 0
    assert "When you left the party early, I felt lonely, because I need connection." in out


def test_commands_missing_answers_without_input_fail_clearly() -> None:
    code, out, err = run("need-statement", "--when", "you left early", input="")
    assert code == 2
    assert "Missing answer" in err


@pytest.mark.parametrize("cmd", ["respond", "review", "apology", "need-statement"])
def test_commands_have_help(cmd: str) -> None:
    code, out, _ = run(cmd, "--help")
    assert code == 0 and "--format" in out
