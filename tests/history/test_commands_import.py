"""`heartwork import-chat`: JSONL output, format detection message, clear errors, saving all-or-nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from heartwork.cli import app

runner = CliRunner()


def test_import_chat_prints_jsonl_in_time_order(fixtures: Path) -> None:
    res = runner.invoke(app, ["import-chat", str(fixtures / "messenger_message_1.json"), "--print", "jsonl"])
    assert res.exit_code == 0, res.output
    assert "Detected format: Facebook Messenger" in res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [set(r) for r in rows] == [{"timestamp", "author", "text"}] * 3
    assert [r["timestamp"] for r in rows] == sorted(r["timestamp"] for r in rows)
    assert rows[1]["text"] == "Je suis désolée, c'était ma faute 😔"


def test_import_chat_errors_are_clear(fixtures: Path) -> None:
    res = runner.invoke(app, ["import-chat", str(fixtures / "whatsapp_ios_dmy.txt"), "--format", "telegram"])
    assert res.exit_code == 1 and "--format whatsapp" in res.stderr and "Traceback" not in res.output
    res = runner.invoke(app, ["import-chat", str(fixtures / "chat.csv"), "--format", "skype"])
    assert res.exit_code == 2
    assert "Available: auto, whatsapp, telegram, messenger, instagram, signal, csv" in res.stderr
    res = runner.invoke(app, ["import-chat", str(fixtures / "chat.csv"), "--print", "xml"])
    assert res.exit_code == 2 and "Available: jsonl" in res.stderr


def test_import_chat_help_lists_formats() -> None:
    res = runner.invoke(app, ["import-chat", "--help"])
    assert res.exit_code == 0 and "--csv-timestamp" in res.output and "--save" in res.output


@pytest.mark.slow
def test_import_chat_save_is_all_or_nothing(fixtures: Path) -> None:
    from heartwork.store import chats, open_store, users

    res = runner.invoke(app, ["import-chat", str(fixtures / "telegram_result.json"), "--save"])
    assert res.exit_code == 0, res.output
    assert "Saved 5 messages" in res.stderr
    store = open_store()
    try:
        with store.session(write=False) as s:
            me = users.get_user_by_username(s, users.LOCAL_USERNAME)
            saved = chats.list_chats(s, me)
            assert [c.name for c in saved] == ["Alex"]
            assert chats.count_messages(s, saved[0]) == 5
            texts = [m.text for m in chats.iter_messages(s, saved[0])]
            assert texts[0] == "Are you coming home?"
        # a broken file saves nothing at all
        res = runner.invoke(app, ["import-chat", str(fixtures / "telegram_truncated.json"), "--save"])
        assert res.exit_code == 1
        with store.session(write=False) as s:
            me = users.get_user_by_username(s, users.LOCAL_USERNAME)
            assert len(chats.list_chats(s, me)) == 1
    finally:
        store.close()


@pytest.mark.slow
def test_save_rolls_back_when_the_import_breaks_midway() -> None:
    from types import SimpleNamespace

    from heartwork.history.commands import _save
    from heartwork.history.importers.base import ChatMessage
    from heartwork.store import chats, open_store, users

    def messages():  # type: ignore[no-untyped-def]
        for i in range(3):
            yield ChatMessage(f"2024-01-0{i + 1}T10:00:00", "Sam", f"message {i}", float(i), i)
        raise OSError("disk went away")

    broken = SimpleNamespace(messages=messages(), format="whatsapp", count=3)
    with pytest.raises(OSError, match="disk went away"):
        _save(broken, "half a chat")  # type: ignore[arg-type]
    store = open_store()
    try:
        with store.session(write=False) as s:
            me = users.get_user_by_username(s, users.LOCAL_USERNAME)
            assert me is None or chats.list_chats(s, me) == []
    finally:
        store.close()


def test_report_help() -> None:
    res = runner.invoke(app, ["report", "--help"])
    assert res.exit_code == 0 and "--out" in res.output and "--me" in res.output and "--json" in res.output
