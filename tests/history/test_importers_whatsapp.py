"""WhatsApp exports: Android and iOS, every clock and date order, system lines, media, multi-line messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from heartwork.history.importers import ChatImportError
from heartwork.history.importing import import_chat


def test_whatsapp_android_day_first_24h(fixtures: Path, read_chat) -> None:
    msgs, summary = read_chat(fixtures / "whatsapp_android_dmy_24h.txt")
    assert summary["format"] == "whatsapp" and summary["format_detected"] is True
    assert msgs[0] == {
        "timestamp": "2023-02-03T19:01:00",
        "author": "Sam",
        "text": "Are you coming home for dinner?",
    }
    # a multi-line message keeps its lines, including the blank one
    assert msgs[2]["text"] == "I made the soup you like.\nIt's on the stove.\n\nDon't eat all the bread 😄"
    # the edited marker is removed; emoji names and phone numbers (without their direction marks) are kept
    assert {
        "timestamp": "2023-02-03T19:21:00",
        "author": "Alex 🌻",
        "text": "Thank you, that's so kind",
    } in msgs
    assert any(m["author"] == "+44 7700 900123" for m in msgs)
    # a photo with a caption keeps the caption; a photo alone is left out
    assert {
        "timestamp": "2023-02-13T08:16:00",
        "author": "Sam",
        "text": "Look at this view from the train",
    } in msgs
    skipped = {s["line"]: s["reason"] for s in summary["skipped_lines"]["lines"]}
    assert skipped[1].startswith("system message: Messages and calls are end-to-end encrypted")
    assert skipped[2].startswith("system message") and skipped[3].startswith(
        "system message"
    )  # created, added
    assert skipped[6] == "media without text"
    assert skipped[11] == "deleted message"
    assert skipped[16] == "media without text"
    assert skipped[17].startswith("system message: Missed voice call")
    assert summary["messages_parsed"] == len(msgs) == 9
    assert summary["skipped_lines"]["count"] == 7


def test_whatsapp_android_month_first_12h_with_narrow_spaces(fixtures: Path, read_chat) -> None:
    msgs, _ = read_chat(fixtures / "whatsapp_android_mdy_12h.txt")
    assert [m["timestamp"] for m in msgs] == [
        "2023-01-15T22:04:00",
        "2023-01-15T22:06:00",
        "2023-01-15T23:58:00",
        "2023-01-16T00:01:00",  # 12:01 AM is just after midnight
        "2023-01-16T12:15:00",  # 12:15 pm is just after noon
        "2023-01-16T13:21:00",
    ]


def test_whatsapp_ios_bracketed_with_invisible_marks(fixtures: Path, read_chat) -> None:
    msgs, summary = read_chat(fixtures / "whatsapp_ios_dmy.txt")
    assert [m["text"] for m in msgs] == [
        "Good morning ☀️",
        "Morning! Look at the sunrise",
        "I felt hurt when you made plans without me.\nCould you check with me first next time?",
        "You're right that I didn't check with you. I'm sorry.",
    ]
    assert msgs[0]["timestamp"] == "2023-03-21T07:46:01"
    reasons = summary["skipped_lines"]["by_reason"]
    assert reasons == {"system message": 3, "media without text": 2, "deleted message": 1}


def test_whatsapp_ios_month_first_12h(fixtures: Path, read_chat) -> None:
    msgs, _ = read_chat(fixtures / "whatsapp_ios_mdy_12h.txt")
    assert msgs[0]["timestamp"] == "2023-01-05T21:03:11"
    assert msgs[-1] == {"timestamp": "2023-01-13T12:06:00", "author": "Jordan", "text": "Lunch?"}


def test_whatsapp_year_first_and_dotted_dates(fixtures: Path, read_chat) -> None:
    ymd, _ = read_chat(fixtures / "whatsapp_ymd.txt")
    assert [m["timestamp"] for m in ymd] == [
        "2023-01-15T22:04:51",
        "2023-01-15T22:05:10",
        "2023-01-16T08:00:00",
    ]
    de, _ = read_chat(fixtures / "whatsapp_dotted_de.txt")
    assert de[1] == {
        "timestamp": "2023-01-15T22:06:02",
        "author": "Jonas",
        "text": "Ja, bin gleich da. Grüße von Mama!",
    }


def test_whatsapp_ambiguous_dates_follow_chronology_and_say_so(fixtures: Path, read_chat) -> None:
    msgs, summary = read_chat(fixtures / "whatsapp_ambiguous.txt")
    assert msgs[3]["timestamp"] == "2023-02-01T09:00:00"
    assert any("--date-order" in n for n in summary["notes"])
    forced, _ = read_chat(fixtures / "whatsapp_ambiguous.txt", date_order="dmy")
    # read day-first, the same lines are different dates, and still come out in time order
    assert [m["timestamp"] for m in forced] == sorted(m["timestamp"] for m in forced)
    assert "2023-01-02T09:00:00" in [m["timestamp"] for m in forced]  # 2/1/23 read as 2 January


def test_whatsapp_malformed_lines_are_reported_not_merged(fixtures: Path, read_chat) -> None:
    msgs, summary = read_chat(fixtures / "whatsapp_malformed.txt")
    assert [m["text"] for m in msgs] == ["First real message", "Real reply", "Last one"]
    skipped = {s["line"]: s["reason"] for s in summary["skipped_lines"]["lines"]}
    assert skipped[1] == "text before the first message"
    assert skipped[3].startswith("unreadable date/time")
    assert skipped[4] == "continuation of a skipped line"
    assert skipped[6].startswith("unreadable date/time")
    assert skipped[7] == "empty message"


def test_whatsapp_other_encodings(fixtures: Path, read_chat) -> None:
    cp, summary = read_chat(fixtures / "whatsapp_cp1252.txt")
    assert cp[0] == {"timestamp": "2023-01-15T10:00:00", "author": "Zoë", "text": "Café later?"}
    assert any("Windows-1252" in n for n in summary["notes"])
    u16, _ = read_chat(fixtures / "whatsapp_utf16.txt")
    assert u16[0]["text"] == "Olá! 😊" and u16[1]["author"] == "João"


def test_whatsapp_invalid_bytes_midway_are_replaced_and_noted(tmp_path: Path, read_chat) -> None:
    p = tmp_path / "chat.txt"
    good = "15/01/2023, 10:00 - Sam: hello\n" * 10_000  # past the part read to choose the encoding
    p.write_bytes(
        good.encode() + b"15/01/2023, 10:01 - Alex: caf\xe9 \xff\n" + b"15/01/2023, 10:02 - Sam: ok\n"
    )
    msgs, summary = read_chat(p)
    assert len(msgs) == 10_002
    assert msgs[10_000]["text"] == "caf\ufffd \ufffd"
    assert msgs[10_001]["text"] == "ok"
    assert any("Line 10001" in n for n in summary["notes"])


def test_whatsapp_explicit_date_order_is_validated(fixtures: Path) -> None:
    with pytest.raises(ChatImportError, match="Unknown date order 'dym'. Available: auto, dmy, mdy, ymd"):
        import_chat(fixtures / "whatsapp_ambiguous.txt", "whatsapp", {"date_order": "dym"})
