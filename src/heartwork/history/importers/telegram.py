"""Telegram Desktop exports: "Export chat history" with format "Machine-readable JSON" (``result.json``).

A single-chat export is one object ``{"name", "type", "id", "messages": [...]}``; a full-account export
wraps chats as ``{"personal_information": ..., "chats": {"about": ..., "list": [chat, ...]}, ...}``.
Each message looks like::

    {"id": 12, "type": "message", "date": "2023-01-15T22:04:51", "date_unixtime": "1673820291",
     "from": "Sam", "from_id": "user1234", "text": "plain text" | ["part", {"type": "bold", "text": "part"}],
     "text_entities": [...]}

``type: "service"`` entries (calls, pins, joins) and media without a caption are left out and recorded.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from heartwork.history.importers.base import (
    ChatImportError,
    ChatMessage,
    ImportLog,
    Sample,
    Source,
    detect_encoding,
    iso_from_epoch,
    iso_from_naive,
)
from heartwork.history.importers.jsonstream import JsonStream

_MEDIA_KEYS = (
    "photo",
    "file",
    "media_type",
    "sticker_emoji",
    "poll",
    "location_information",
    "contact_information",
)


class TelegramImporter:
    name = "telegram"
    title = "Telegram Desktop JSON export (result.json)"

    def sniff(self, sample: Sample) -> float:
        t = sample.text.lstrip()
        if not t.startswith("{") or '"messages"' not in t and '"chats"' not in t:
            return 0.0
        score = 0.3
        for marker in (
            '"date_unixtime"',
            '"from_id"',
            '"text_entities"',
            '"personal_chat"',
            '"personal_information"',
        ):
            if marker in t:
                score += 0.2
        if '"sender_name"' in t or '"timestamp_ms"' in t:
            score -= 0.5
        return max(0.0, min(1.0, score))

    def parse(self, source: Source, log: ImportLog) -> Iterator[ChatMessage]:
        wanted = source.options.get("chat")
        for f in source.files:
            with f.open("rb") as fh:
                head = fh.read(64 * 1024)
            if not head.strip():
                raise ChatImportError(
                    f"The file {f.name} is empty. Export the chat again and import that file."
                )
            codec, note = detect_encoding(head)
            if note:
                log.note(note)
            with io.TextIOWrapper(source.open_binary(f), encoding=codec, errors="replace") as text:
                js = JsonStream(text, f.name)
                if js.peek() != "{":
                    raise ChatImportError(
                        f"{f.name} is not a Telegram JSON export (it does not start with '{{'). In Telegram Desktop "
                        "choose 'Export chat history' with format 'Machine-readable JSON'."
                    )
                yield from _walk_top(js, log, wanted)


def _walk_top(js: JsonStream, log: ImportLog, wanted: str | None) -> Iterator[ChatMessage]:
    found_messages = False
    chats_seen: list[str] = []
    name = ""
    for key in js.object_keys():
        if key == "name":
            v = js.value()
            name = v if isinstance(v, str) else ""
            log.chat_name = name
        elif key == "messages":
            found_messages = True
            yield from _messages(js, log)
        elif key == "chats":
            found_messages = True
            yield from _walk_chats(js, log, wanted, chats_seen)
        else:
            js.skip()
    if not found_messages:
        raise ChatImportError(
            f"{js.name} is JSON but has no 'messages' list: it is not a Telegram chat export. "
            "Try --format auto to detect the format."
        )


def _walk_chats(js: JsonStream, log: ImportLog, wanted: str | None, seen: list[str]) -> Iterator[ChatMessage]:
    taken: str | None = None
    for key in js.object_keys():
        if key != "list":
            js.skip()
            continue
        for _ in js.array_items():
            name = ""
            for ckey in js.object_keys():
                if ckey == "name":
                    v = js.value()
                    name = v if isinstance(v, str) else "(unnamed chat)"
                    seen.append(name)
                elif ckey == "messages":
                    take = (wanted is None and taken is None) or (wanted is not None and name == wanted)
                    if take:
                        taken = name
                        log.chat_name = name
                        yield from _messages(js, log)
                    else:
                        js.skip()
                else:
                    js.skip()
    if wanted is not None and taken is None:
        raise ChatImportError(
            f"No chat named {wanted!r} in this export. Chats in it: {', '.join(seen) or 'none'}."
        )
    if wanted is None and len(seen) > 1:
        raise ChatImportError(
            "This Telegram export holds several chats; choose one with --chat NAME. Chats in it: "
            + ", ".join(repr(s) for s in seen)
            + "."
        )


def _messages(js: JsonStream, log: ImportLog) -> Iterator[ChatMessage]:
    for line in js.array_items():
        m = js.value()
        if not isinstance(m, dict):
            log.skip(line, "not a message entry")
            continue
        msg = _convert(m, line, log)
        if msg is not None:
            yield msg


def _text_of(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = []
        for part in value:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict) and isinstance(part.get("text"), str):
                parts.append(part["text"])
        return "".join(parts)
    return ""


def _convert(m: dict[str, Any], line: int, log: ImportLog) -> ChatMessage | None:
    if m.get("type") == "service":
        log.skip(line, f"system message: {m.get('action', 'service entry')}")
        return None
    if m.get("type") not in (None, "message"):
        log.skip(line, f"unknown entry type: {m.get('type')}")
        return None
    text = _text_of(m.get("text")).strip()
    if not text:
        reason = "media without text" if any(k in m for k in _MEDIA_KEYS) else "empty message"
        log.skip(line, reason)
        return None
    try:
        when = iso_from_naive(datetime.fromisoformat(str(m.get("date"))))
    except ValueError:
        try:
            when = iso_from_epoch(float(m["date_unixtime"]))
        except (KeyError, TypeError, ValueError):
            log.skip(line, f"unreadable date: {m.get('date')!r}")
            return None
    author = m.get("from")
    if not isinstance(author, str) or not author.strip():
        author = "Deleted Account"  # what Telegram itself shows for a removed account
    return ChatMessage(timestamp=when[0], author=author.strip(), text=text, sort_key=when[1], line=line)
