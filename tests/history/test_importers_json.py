"""Telegram, Messenger and Instagram JSON exports, including Facebook's mis-encoded text."""

from __future__ import annotations

from pathlib import Path

import pytest

from heartwork.history.importers import ChatImportError
from heartwork.history.importers.messenger import fix_mojibake
from heartwork.history.importing import import_chat


def test_telegram_text_as_string_or_entities(fixtures: Path, read_chat) -> None:
    msgs, summary = read_chat(fixtures / "telegram_result.json")
    assert summary["format"] == "telegram"
    assert msgs[0] == {"timestamp": "2023-01-15T22:04:51", "author": "Sam", "text": "Are you coming home?"}
    assert msgs[1]["text"] == "I really appreciate you waiting up. See https://example.org"
    assert msgs[2]["text"] == "Of course.\nDrive safe ❤️"
    assert msgs[3]["author"] == "Deleted Account"
    reasons = summary["skipped_lines"]["by_reason"]
    assert reasons == {"media without text": 2, "system message": 1}
    # line numbers point into the pretty-printed file
    lines = (fixtures / "telegram_result.json").read_text(encoding="utf-8").splitlines()
    first_skip = summary["skipped_lines"]["lines"][0]["line"]
    assert '"type": "service"' in "\n".join(lines[first_skip - 1 : first_skip + 2])


def test_telegram_full_export_needs_a_chat_choice(fixtures: Path, read_chat) -> None:
    with pytest.raises(
        ChatImportError, match="several chats; choose one with --chat NAME.*'Alex', 'Work group'"
    ):
        import_chat(fixtures / "telegram_full_export.json")
    msgs, _ = read_chat(fixtures / "telegram_full_export.json", chat="Work group")
    assert msgs == [{"timestamp": "2023-02-01T10:00:00", "author": "Boss", "text": "Standup in 5"}]
    with pytest.raises(ChatImportError, match="No chat named 'Nope'"):
        import_chat(fixtures / "telegram_full_export.json", "telegram", {"chat": "Nope"})


def test_telegram_truncated_file_is_a_clear_error(fixtures: Path) -> None:
    with pytest.raises(ChatImportError, match=r"not valid JSON near line \d+.*export the chat again"):
        import_chat(fixtures / "telegram_truncated.json")


def test_fix_mojibake_repairs_and_leaves_good_text_alone() -> None:
    assert fix_mojibake("caf\u00c3\u00a9 \u00f0\u009f\u0098\u0094") == "café 😔"
    assert fix_mojibake("already fine: café 😔") == "already fine: café 😔"
    assert fix_mojibake("plain ascii") == "plain ascii"


def test_messenger_repairs_encoding_and_orders_oldest_first(fixtures: Path, read_chat) -> None:
    raw = (fixtures / "messenger_message_1.json").read_text(encoding="utf-8")
    assert "\\u00c3\\u00a9" in raw  # the fixture really is mis-encoded the way Facebook writes it
    msgs, summary = read_chat(fixtures / "messenger_message_1.json")
    assert summary["format"] == "messenger"
    assert [m["text"] for m in msgs] == [
        "Ça va? You seemed upset at the café ☕",
        "Je suis désolée, c'était ma faute 😔",
        "Let's start over. I love you.",
    ]
    assert msgs[1]["author"] == "Zoë Müller"
    assert msgs[0]["timestamp"] == "2023-01-15T22:06:31+00:00"
    assert summary["skipped_lines"]["by_reason"] == {
        "system message": 2,
        "media without text": 1,
        "call": 1,
        "unsent message": 1,
    }


def test_messenger_folder_with_several_files(fixtures: Path, read_chat) -> None:
    msgs, _ = read_chat(fixtures / "messenger_thread")
    assert [m["text"] for m in msgs] == ["oldest, in file 2", "middle, in file 1", "newest, in file 1"]


def test_messenger_end_to_end_encrypted_export(fixtures: Path, read_chat) -> None:
    msgs, summary = read_chat(fixtures / "messenger_e2ee.json", "messenger")
    assert msgs == [
        {"timestamp": "2023-01-15T22:04:51+00:00", "author": "Sam Lee", "text": "Café at 7?"},
        {"timestamp": "2023-01-15T22:04:52+00:00", "author": "Zoë Müller", "text": "Thank you for dinner ❤️"},
    ]
    assert summary["skipped_lines"]["by_reason"] == {"media without text": 1}


def test_instagram_detected_and_reactions_left_out(fixtures: Path, read_chat) -> None:
    path = fixtures / "instagram/your_instagram_activity/messages/inbox/sam_17843/message_1.json"
    msgs, summary = read_chat(path)
    assert summary["format"] == "instagram"
    assert msgs == [
        {
            "timestamp": "2023-01-15T22:04:51+00:00",
            "author": "sam.lee",
            "text": "You never ask how my day was.",
        },
        {
            "timestamp": "2023-01-15T22:04:52+00:00",
            "author": "zoë.m",
            "text": "I can see how hurt you are 💛",
        },
    ]
    assert summary["skipped_lines"]["count"] == 2
