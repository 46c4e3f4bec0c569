"""Signal text exports (sigtop text, sigtop text-short, signal-export Markdown) and generic CSV."""

from __future__ import annotations

from pathlib import Path

import pytest

from heartwork.history.importers import ChatImportError
from heartwork.history.importing import import_chat

EXPECTED_TEXTS = [
    "Are you coming home?",
    "Yes, on my way.\nSaving you some cake.",
    "Thank you for waiting up last night.",
]


def test_signal_sigtop_text(fixtures: Path, read_chat) -> None:
    msgs, summary = read_chat(fixtures / "signal_sigtop.txt")
    assert summary["format"] == "signal"
    assert [m["text"] for m in msgs] == EXPECTED_TEXTS  # quote left out, latest edit kept
    assert [m["author"] for m in msgs] == ["Alex", "You", "You"]
    assert msgs[0]["timestamp"] == "2023-01-15T22:04:51+01:00"
    assert summary["skipped_lines"]["by_reason"] == {"media without text": 1, "system message": 1}


def test_signal_sigtop_text_short(fixtures: Path, read_chat) -> None:
    msgs, _ = read_chat(fixtures / "signal_sigtop_short.txt")
    assert [m["text"] for m in msgs] == EXPECTED_TEXTS
    assert msgs[1]["timestamp"] == "2023-01-15T22:05:00"


def test_signal_export_markdown(fixtures: Path, read_chat) -> None:
    msgs, summary = read_chat(fixtures / "signal_export_chat.md")
    assert summary["format"] == "signal"  # not mistaken for a year-first WhatsApp export
    assert [m["text"] for m in msgs] == [
        "Are you coming home?",
        "Yes, on my way.",
        "Thank you for waiting up last night.",
    ]
    assert summary["skipped_lines"]["by_reason"] == {"media without text": 1, "deleted message": 1}


def test_csv_default_columns_quoted_newlines_and_bad_rows(fixtures: Path, read_chat) -> None:
    msgs, summary = read_chat(fixtures / "chat.csv")
    assert summary["format"] == "csv"
    assert msgs == [
        {"timestamp": "2023-01-15T22:03:00", "author": "Alex", "text": "Earlier message listed out of order"},
        {"timestamp": "2023-01-15T22:04:51", "author": "Sam", "text": "Are you coming home?"},
        {
            "timestamp": "2023-01-15T22:05:10",
            "author": "Alex",
            "text": "Yes, on my way.\nSaving you some cake.",
        },
    ]
    skipped = {s["line"]: s["reason"] for s in summary["skipped_lines"]["lines"]}
    assert skipped[5].startswith("unreadable timestamp: 'not a time'")
    assert skipped[6] == "empty message"
    assert skipped[7].startswith("row has 2 columns")


def test_csv_column_mapping_options(fixtures: Path, read_chat) -> None:
    with pytest.raises(
        ChatImportError, match="which column.*'Zeit', 'Von', 'Nachricht', 'Gelesen'.*--csv-timestamp"
    ):
        import_chat(fixtures / "chat_custom.csv", "csv")
    msgs, _ = read_chat(
        fixtures / "chat_custom.csv",
        "csv",
        csv_timestamp="Zeit",
        csv_author="2",
        csv_text="nachricht",
        csv_time_format="%d.%m.%Y %H:%M",
    )
    assert msgs == [
        {"timestamp": "2023-01-15T22:04:00", "author": "Lena", "text": "Kommst du heute noch?"},
        {"timestamp": "2023-01-15T22:06:00", "author": "Jonas", "text": "Ja, bin gleich da."},
    ]
    with pytest.raises(ChatImportError, match="No column 'Wer'"):
        import_chat(fixtures / "chat_custom.csv", "csv", {"csv_timestamp": "Zeit", "csv_author": "Wer"})
