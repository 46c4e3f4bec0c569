"""Facebook Messenger and Instagram exports ("Download your information", format JSON).

Both write ``messages/inbox/<thread>/message_1.json`` (older threads continue in message_2.json, ...)::

    {"participants": [{"name": "Sam"}, {"name": "Alex"}],
     "messages": [{"sender_name": "Sam", "timestamp_ms": 1673820291000, "content": "...", "type": "Generic"}],
     "title": "Sam", "is_still_participant": true, "thread_path": "inbox/sam_1a2b3c"}

Messages are listed newest first. The text is mis-encoded: every UTF-8 byte was written as its own
``\\u00XX`` escape, so "café" arrives as "cafÃ©" and emoji as four Latin-1 characters. We repair it with
``text.encode("latin-1").decode("utf-8")`` (and keep the text as is when that is not possible, i.e. it was
already correct). Newer end-to-end-encrypted Messenger exports use ``{"participants": ["Sam", ...],
"threadName": ..., "messages": [{"senderName", "timestamp", "text", "type", "isUnsent"}]}`` with correct UTF-8;
both shapes are read. Calls, joins, "sent a photo" notices, reactions and unsent messages are left out.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from heartwork.history.importers.base import (
    ChatImportError,
    ChatMessage,
    ImportLog,
    Sample,
    Source,
    detect_encoding,
    iso_from_epoch,
)
from heartwork.history.importers.jsonstream import JsonStream

_MEDIA_KEYS = ("photos", "videos", "audio_files", "gifs", "files", "sticker", "share", "media")
NOTICE_RE = re.compile(
    r"^(.{0,80} )?(sent|shared) (a|an|\d+) (photos?|attachments?|videos?|gifs?|stickers?|voice messages?|links?"
    r"|locations?|posts?|reels?|stor(y|ies))\.?$|^liked a message$|^reacted .{1,16} to your message$"
    r"|^.{0,80} (left|joined) the (group|conversation)\.?$|^.{0,80} (named|renamed) the group.*$"
    r"|^.{0,80} (missed|started) (a|an) (audio|video) call\.?$|^the video (chat|call) ended\.?$"
    r"|^.{0,80} set the nickname for .*$|^.{0,80} changed the (theme|chat theme|group photo)\b.*$"
    r"|^this message (was unsent|is unavailable)\.?$",
    re.IGNORECASE,
)
_SYSTEM_TYPES = {"Call": "call", "Subscribe": "system message: joined", "Unsubscribe": "system message: left"}


def fix_mojibake(s: str) -> str:
    """Undo Facebook's Latin-1 escaping of UTF-8 bytes; leave correct text untouched."""
    try:
        return s.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s


class MessengerImporter:
    name = "messenger"
    title = "Facebook Messenger JSON export (message_1.json)"
    instagram = False

    def sniff(self, sample: Sample) -> float:
        t = sample.text.lstrip()
        if not t.startswith("{") or '"messages"' not in t or '"participants"' not in t:
            return 0.0
        score = 0.5
        if '"sender_name"' in t or '"senderName"' in t:
            score += 0.3
        if '"timestamp_ms"' in t or '"threadName"' in t:
            score += 0.1
        insta = _looks_instagram(sample)
        if insta == self.instagram:
            score += 0.1
        else:
            score -= 0.2
        return max(0.0, min(1.0, score))

    def parse(self, source: Source, log: ImportLog) -> Iterator[ChatMessage]:
        for f in source.files:
            with f.open("rb") as fh:
                head = fh.read(64 * 1024)
            if not head.strip():
                raise ChatImportError(f"The file {f.name} is empty. Export your messages again as JSON.")
            codec, note = detect_encoding(head)
            if note:
                log.note(note)
            with io.TextIOWrapper(source.open_binary(f), encoding=codec, errors="replace") as text:
                js = JsonStream(text, f.name)
                if js.peek() != "{":
                    raise ChatImportError(f"{f.name} is not a {self.title}: it does not start with '{{'.")
                found = False
                for key in js.object_keys():
                    if key == "messages":
                        found = True
                        for line in js.array_items():
                            m = js.value()
                            msg = _convert(m, line, log) if isinstance(m, dict) else None
                            if msg is not None:
                                yield msg
                            elif not isinstance(m, dict):
                                log.skip(line, "not a message entry")
                    elif key in ("title", "threadName"):
                        v = js.value()
                        if isinstance(v, str):
                            log.chat_name = fix_mojibake(v)
                    else:
                        js.skip()
                if not found:
                    raise ChatImportError(
                        f"{f.name} is JSON but has no 'messages' list, so it is not a {self.title}. "
                        "Try --format auto."
                    )


class InstagramImporter(MessengerImporter):
    name = "instagram"
    title = "Instagram JSON export (message_1.json)"
    instagram = True


def _looks_instagram(sample: Sample) -> bool:
    t = sample.text
    parts = {p.lower() for p in sample.path.parts}
    return "is_geoblocked_for_viewer" in t or any("instagram" in p for p in parts)


def _convert(m: dict[str, Any], line: int, log: ImportLog) -> ChatMessage | None:
    legacy = "sender_name" in m
    if m.get("is_unsent") or m.get("isUnsent"):
        log.skip(line, "unsent message")
        return None
    mtype = m.get("type")
    if isinstance(mtype, str) and mtype in _SYSTEM_TYPES:
        log.skip(line, _SYSTEM_TYPES[mtype])
        return None
    raw_author = m.get("sender_name") if legacy else m.get("senderName")
    raw_text = m.get("content") if legacy else m.get("text")
    raw_ts = m.get("timestamp_ms") if legacy else m.get("timestamp")
    text = raw_text if isinstance(raw_text, str) else ""
    author = raw_author if isinstance(raw_author, str) else ""
    if legacy:
        text, author = fix_mojibake(text), fix_mojibake(author)
    text = text.strip()
    if not text:
        media = any(m.get(k) for k in _MEDIA_KEYS)
        log.skip(line, "media without text" if media else "empty message")
        return None
    if NOTICE_RE.match(text):
        log.skip(line, f"system message: {text[:60]}")
        return None
    if not author.strip():
        log.skip(line, "message without a sender")
        return None
    try:
        when = iso_from_epoch(float(raw_ts) / 1000.0)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError, OSError):
        log.skip(line, f"unreadable timestamp: {raw_ts!r}")
        return None
    return ChatMessage(timestamp=when[0], author=author.strip(), text=text, sort_key=when[1], line=line)
