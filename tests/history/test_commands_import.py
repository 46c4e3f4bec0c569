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
