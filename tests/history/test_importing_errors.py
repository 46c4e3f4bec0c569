"""Bad input: empty files, binary junk, the wrong format named, unknown formats. Clear errors, nothing kept."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from heartwork.history.importers import ChatImportError, all_importers
from heartwork.history.importers.base import ChatMessage
from heartwork.history.importing import SortedMessages, import_chat


def test_builtin_importers_come_through_the_plugin_hook() -> None:
    names = list(all_importers())
    assert names[:6] == ["whatsapp", "telegram", "messenger", "instagram", "signal", "csv"]


def test_empty_file_is_a_clear_error(fixtures: Path) -> None:
    with pytest.raises(ChatImportError, match=r"empty \(0 bytes\)"):
        import_chat(fixtures / "empty.txt")
    with pytest.raises(ChatImportError, match="empty"):
        import_chat(fixtures / "empty.txt", "telegram")


def test_whitespace_only_file_has_no_messages(tmp_path: Path) -> None:
    p = tmp_path / "blank.txt"
    p.write_text("\n\n   \n", encoding="utf-8")
    with pytest.raises(ChatImportError, match="Could not recognise the format"):
        import_chat(p)


def test_binary_junk_is_refused_with_a_hint(tmp_path: Path) -> None:
    p = tmp_path / "IMG_0001.jpg"
    rng = random.Random(1)
    p.write_bytes(bytes(rng.randrange(256) for _ in range(50_000)))
    for fmt in ("auto", "whatsapp", "telegram", "csv"):
        with pytest.raises(ChatImportError, match="binary data, not a text chat export"):
            import_chat(p, fmt)


def test_wrong_format_named_points_to_the_right_one(fixtures: Path) -> None:
    with pytest.raises(
        ChatImportError, match="does not look like a Telegram.*looks like a WhatsApp.*--format whatsapp"
    ):
        import_chat(fixtures / "whatsapp_android_dmy_24h.txt", "telegram")
    with pytest.raises(ChatImportError, match="--format telegram"):
        import_chat(fixtures / "telegram_result.json", "whatsapp")
    with pytest.raises(ChatImportError, match="--format signal"):
        import_chat(fixtures / "signal_sigtop.txt", "csv")


def test_unknown_format_and_missing_file(fixtures: Path, tmp_path: Path) -> None:
    with pytest.raises(
        ChatImportError, match="Unknown format 'whatsap'. Available: auto, whatsapp, telegram"
    ):
        import_chat(fixtures / "chat.csv", "whatsap")
    with pytest.raises(ChatImportError, match="No such file"):
        import_chat(tmp_path / "nope.txt")


def test_unrecognised_text_file(tmp_path: Path) -> None:
    p = tmp_path / "notes.txt"
    p.write_text("Shopping list\n- milk\n- eggs\n", encoding="utf-8")
    with pytest.raises(
        ChatImportError, match="Could not recognise the format of notes.txt. Supported: whatsapp"
    ):
        import_chat(p)


def test_external_sort_orders_across_spilled_runs_and_cleans_up() -> None:
    rng = random.Random(3)
    keys = [rng.randrange(1000) for _ in range(2500)]
    with SortedMessages(run_size=300) as s:
        for i, k in enumerate(keys):
            s.add(ChatMessage(timestamp=str(k), author="a", text=f"m{i}", sort_key=float(k), line=i))
        runs = list(s._runs)
        assert len(runs) == 8 and all(p.exists() for p in runs)
        out = list(s)
    assert [m.sort_key for m in out] == sorted(float(k) for k in keys)
    # equal times keep their order of arrival
    for a, b in zip(out, out[1:], strict=False):
        if a.sort_key == b.sort_key:
            assert a.line < b.line
    assert not any(p.exists() for p in runs)
