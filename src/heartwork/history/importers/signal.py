"""Signal text exports. Signal itself has no chat export, so people use Signal Desktop exporters:

* ``sigtop export-messages -f text`` (the default text format)::

      Conversation: Sam (+15551234567)

      From: Sam (+15551234567)
      Type: incoming
      Sent: Sun, 15 Jan 2023 22:04:51 +0100
      Received: Sun, 15 Jan 2023 22:04:53 +0100

      Are you coming home?

      From: You
      Type: outgoing
      Sent: Sun, 15 Jan 2023 22:05:10 +0100
      ...

* ``sigtop export-messages -f text-short``: ``2023-01-15 22:04 Sam: Are you coming home?``
* ``signal-export`` (sigexport) Markdown ``chat.md``: ``[2023-01-15 22:04:51] Sam: Are you coming home?``

Non-chat entries (group changes, key changes, calls: any ``Type`` other than incoming/outgoing), quotes of
earlier messages, reactions and attachment-only messages are left out and recorded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from heartwork.history.importers.base import (
    ChatImportError,
    ChatMessage,
    ImportLog,
    Sample,
    Source,
    iso_from_naive,
    iter_lines,
)

LONG_FIELD_RE = re.compile(r"^(From|Type|Sent|Received|Attachment|Reaction|Edited): ?(.*)$")
SHORT_RE = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2} \d{2}:\d{2}) (?P<rest>.*)$")
MD_RE = re.compile(r"^\[(?P<date>\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?)\] (?P<rest>.*)$")
_DETAIL_RE = re.compile(r"^\[(reply to [^\]]*|edited|\d+ attachments?|[^\]]*, [^\]]*)\] ?")
_SYSTEM_RE = re.compile(r"^\[[\w-]+ message\]$")
_REACTIONS_RE = re.compile(r"\n?\(- .* -\)\s*$")
_MD_ATTACHMENT_RE = re.compile(r"!?\[[^\]]*\]\(\.{1,2}/[^)]*\)\s*")
_STICKER_RE = re.compile(r"\n?\(\( .* \)\)\s*$")
_PHONE_SUFFIX = re.compile(r"\s*\((\+?[\d\s().-]{5,}|[0-9a-f-]{36})\)$")


def _name(s: str) -> str:
    return _PHONE_SUFFIX.sub("", s.strip()) or s.strip()


class SignalImporter:
    name = "signal"
    title = "Signal text export (sigtop text / text-short, signal-export chat.md)"

    def sniff(self, sample: Sample) -> float:
        lines = [ln for ln in sample.text.splitlines()[:200] if ln.strip()]
        if not lines:
            return 0.0
        if lines[0].startswith("Conversation: ") and any(ln.startswith("Type: ") for ln in lines[:12]):
            return 1.0
        short = sum(1 for ln in lines if SHORT_RE.match(ln))
        md = sum(1 for ln in lines if MD_RE.match(ln))
        best = max(short, md)
        if best == 0:
            return 0.0
        return min(1.0, 0.2 + 0.8 * best / len(lines))

    def parse(self, source: Source, log: ImportLog) -> Iterator[ChatMessage]:
        for f in source.files:
            yield from self._parse_file(source, f, log)

    def _parse_file(self, source: Source, f: Path, log: ImportLog) -> Iterator[ChatMessage]:
        lines = iter_lines(source, f, log)
        first: tuple[int, str] | None = None
        for n, line in lines:
            if line.strip():
                first = (n, line)
                break
        if first is None:
            raise ChatImportError(f"The file {f.name} is empty. Export the chat again and import that file.")
        if first[1].startswith("Conversation: "):
            log.chat_name = _name(first[1][len("Conversation: ") :])
            yield from _parse_long(lines, log)
        elif MD_RE.match(first[1]) or SHORT_RE.match(first[1]):
            yield from _parse_one_line(_chain(first, lines), log)
        else:
            raise ChatImportError(
                f"{f.name} is not a Signal text export: it should start with 'Conversation: ...' (sigtop text), "
                "'2023-01-15 22:04 Name: ...' (sigtop text-short) or '[2023-01-15 22:04:51] Name: ...' "
                "(signal-export). Try --format auto."
            )


def _chain(first: tuple[int, str], rest: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    yield first
    yield from rest


def _parse_long(lines: Iterator[tuple[int, str]], log: ImportLog) -> Iterator[ChatMessage]:
    """sigtop's text format: header fields, a blank line, the body; messages separated by blank lines.
    A message starts at a 'From:' line followed by a 'Type:' line (or a bare 'Type:' line) after a blank."""
    cur: _Long | None = None
    prev_blank = True
    for n, line, nxt in _with_next(lines):
        starts = prev_blank and (
            (line.startswith("From: ") and nxt is not None and nxt.startswith("Type: "))
            or line.startswith("Type: ")
        )
        prev_blank = not line.strip()
        if starts:
            if cur is not None:
                msg = _long_message(cur.start, cur.header, cur.body, log)
                if msg is not None:
                    yield msg
            cur = _Long(n)
        if cur is None:
            if line.strip():
                log.skip(n, "unreadable line")
            continue
        if not cur.in_body:
            m = LONG_FIELD_RE.match(line)
            if m is not None:
                cur.header.setdefault(m.group(1), m.group(2))
                continue
            cur.in_body = True
            if not line.strip():
                continue
        cur.body.append(line)
    if cur is not None:
        msg = _long_message(cur.start, cur.header, cur.body, log)
        if msg is not None:
            yield msg


class _Long:
    def __init__(self, start: int) -> None:
        self.start = start
        self.header: dict[str, str] = {}
        self.body: list[str] = []
        self.in_body = False


def _with_next(lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str, str | None]]:
    """Each line with the text of the line after it (streaming, one line of look-ahead)."""
    prev: tuple[int, str] | None = None
    for item in lines:
        if prev is not None:
            yield prev[0], prev[1], item[1]
        prev = item
    if prev is not None:
        yield prev[0], prev[1], None


def _long_message(n: int, header: dict[str, str], body: list[str], log: ImportLog) -> ChatMessage | None:
    mtype = header.get("Type", "unknown")
    if mtype not in ("incoming", "outgoing"):
        log.skip(n, f"system message: {mtype}")
        return None
    author = "You" if mtype == "outgoing" else _name(header.get("From", ""))
    if not author:
        log.skip(n, "message without a sender")
        return None
    try:
        when = parsedate_to_datetime(header.get("Sent", ""))
    except (TypeError, ValueError):
        log.skip(n, f"unreadable date: {header.get('Sent')!r}")
        return None
    if "Edited" in header:
        text_lines = _latest_version(body)
    else:
        text_lines = [ln for ln in body if not ln.startswith(">")]
    text = "\n".join(text_lines).strip()
    if not text:
        log.skip(n, "media without text" if "Attachment" in header else "empty message")
        return None
    iso, key = iso_from_naive(when)
    return ChatMessage(timestamp=iso, author=author, text=text, sort_key=key, line=n)


def _latest_version(body: list[str]) -> list[str]:
    out: list[str] = []
    versions = 0
    for ln in body:
        if ln.startswith("|Version:"):
            versions += 1
            if versions > 1:
                break
            continue
        if versions == 1 and ln.startswith("| ") and not ln.startswith("| >"):
            out.append(ln[2:])
    while out and not out[-1].strip():
        out.pop()
    return out


def _parse_one_line(lines: Iterator[tuple[int, str]], log: ImportLog) -> Iterator[ChatMessage]:
    """sigtop text-short and signal-export Markdown: one header per message, continuation lines follow."""
    cur: tuple[int, str, float, str, list[str]] | None = None
    for n, line in lines:
        m = MD_RE.match(line) or SHORT_RE.match(line)
        if m is None:
            if cur is not None:
                cur[4].append(line)
            elif line.strip():
                log.skip(n, "text before the first message")
            continue
        if cur is not None:
            msg = _one_line_message(*cur, log)
            if msg is not None:
                yield msg
            cur = None
        raw_date = m["date"]
        try:
            dt = datetime.strptime(
                raw_date, "%Y-%m-%d %H:%M:%S" if raw_date.count(":") == 2 else "%Y-%m-%d %H:%M"
            )
        except ValueError:
            log.skip(n, f"unreadable date: {raw_date!r}")
            continue
        author, sep, body = m["rest"].partition(": ")
        if not sep:
            if m["rest"].endswith(":"):
                author, body = m["rest"][:-1], ""
            else:
                log.skip(n, f"system message: {m['rest'][:60]}")
                continue
        iso, key = iso_from_naive(dt)
        cur = (n, iso, key, _name(author), [body])
    if cur is not None:
        msg = _one_line_message(*cur, log)
        if msg is not None:
            yield msg


def _one_line_message(
    n: int, iso: str, key: float, author: str, parts: list[str], log: ImportLog
) -> ChatMessage | None:
    first = parts[0]
    if _SYSTEM_RE.match(first.strip()):
        log.skip(n, f"system message: {first.strip()[1:-1]}")
        return None
    had_attachment = bool(re.match(r"^\[[^\]]*attachment", first)) or bool(_MD_ATTACHMENT_RE.search(first))
    parts = [_DETAIL_RE.sub("", first), *parts[1:]]
    text = "\n".join(p for p in parts if not p.startswith("> ") and p != ">")
    text = _REACTIONS_RE.sub("", text)
    text = _STICKER_RE.sub("", text)
    text = _MD_ATTACHMENT_RE.sub("", text).strip()
    if text == "(This message was deleted)":
        log.skip(n, "deleted message")
        return None
    if not text:
        log.skip(n, "media without text" if had_attachment else "empty message")
        return None
    return ChatMessage(timestamp=iso, author=author, text=text, sort_key=key, line=n)
