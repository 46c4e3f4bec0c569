"""WhatsApp text exports ("Export chat" > "Without media"), from Android and iOS.

Line shapes seen in real exports (the date order and clock follow the phone's region settings)::

    15/01/2023, 22:04 - Sam: Are you coming home?            Android, day-first, 24-hour, dash style
    1/15/23, 10:04 PM - Sam: Are you coming home?            Android, month-first, 12-hour
    1/15/23, 10:04\u202fpm - Sam: ...                       newer Android: narrow no-break space before am/pm
    [15/01/2023, 22:04:51] Sam: Are you coming home?          iOS, bracketed, with seconds
    [2023-01-15, 22:04:51] Sam: ...                           year-first (e.g. Swedish, Canadian settings)
    [15.01.23, 22:04:51] Sam: ...                             dotted dates (German, Russian, ...)
    [12.3.2022 klo 14.08.18] Sam: ...                         Finnish iOS

A message continues on the following lines until the next timestamp. System lines ("Messages and calls are
end-to-end encrypted", "Sam created group", "Missed voice call"), media placeholders ("<Media omitted>",
"image omitted", "<attached: ...>") and deleted messages are left out and recorded with their line number.
iOS marks system lines and attachments with an invisible LEFT-TO-RIGHT MARK (U+200E); phone-number names are
wrapped in LEFT-TO-RIGHT EMBEDDING / POP DIRECTIONAL FORMATTING marks (U+202A ... U+202C), which are removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from heartwork.history.importers.base import (
    ChatImportError,
    ChatMessage,
    ImportLog,
    Sample,
    Source,
    detect_encoding,
    iter_lines,
)

_DATE = r"(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4})"
_TIME = r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)"
_AMPM = r"(?:[\s\u202f\u00a0]*(?P<ampm>[AaPp]\.?\s?[Mm]\.?))?"
BRACKET_RE = re.compile(r"^\[" + _DATE + r"[,.]?\s+(?:klo\s+)?" + _TIME + _AMPM + r"\]\s?(?P<rest>.*)$")
DASH_RE = re.compile(r"^" + _DATE + r"[,.]?\s+" + _TIME + _AMPM + r"\s[-\u2013]\s(?P<rest>.*)$")

_INVISIBLE = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff\u2068\u2069"
_STRIP_INVISIBLE = str.maketrans("", "", _INVISIBLE)

# Whole system lines (no author, or author = chat name on iOS).
SYSTEM_RE = re.compile(
    r"(messages and calls are end-to-end encrypted|messages to this (group|chat) (are|and calls are) now secured"
    r"|this chat is with a business account|created (group|this group)|changed the subject"
    r"|changed this group's (icon|settings|description)|changed the group (description|name)"
    r"|changed (their|your) phone number|security code (with .* )?changed|your security code with"
    r"|turned (on|off) disappearing messages|disappearing messages|joined using this group's invite link"
    r"|you're now an admin|missed (voice|video|group voice|group video) call|^(voice|video) call, "
    r"|pinned a message|^waiting for this message)",
    re.IGNORECASE,
)
MEDIA_RE = re.compile(
    r"^(<media omitted>|<m[ée]dias? omis>|<medien ausgeschlossen>|<multimedia omitido>|<media weggelaten>"
    r"|(image|video|audio|sticker|gif|document|contact card|photo) omitted|<attached: [^>]*>.*"
    r"|.+\.\w{2,5} \(file attached\)|null|location: https?://\S+|live location shared)$",
    re.IGNORECASE,
)
DELETED_RE = re.compile(
    r"^(this message was deleted|you deleted this message|this message was deleted by (an )?admin.*)\.?$",
    re.IGNORECASE,
)
# signal-export Markdown ("[2023-01-15 22:04:51] Name: ...") looks like a bracketed year-first WhatsApp line,
# but WhatsApp always puts a comma after the date.
_SIGNAL_MD_RE = re.compile(r"^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?\] ")
EDITED_SUFFIX = re.compile(r"\s*<this message was edited>\s*$", re.IGNORECASE)
# Longest author name we accept; longer "names" mean the colon belonged to a system line.
MAX_AUTHOR_CHARS = 80

DATE_ORDERS = ("auto", "dmy", "mdy", "ymd")


@dataclass
class _Pending:
    line: int
    when: tuple[str, float]
    author: str
    parts: list[str] = field(default_factory=list)
    media: bool = False


class WhatsAppImporter:
    name = "whatsapp"
    title = "WhatsApp text export (Android or iOS)"

    def sniff(self, sample: Sample) -> float:
        lines = [ln.lstrip(_INVISIBLE) for ln in sample.text.splitlines()[:200] if ln.strip()]
        lines = lines[:-1] if len(sample.head) >= 256 * 1024 else lines  # last line may be cut
        if not lines:
            return 0.0
        hits = sum(1 for ln in lines if _match(ln))
        if hits == 0:
            return 0.0
        first = 0.3 if _match(lines[0]) else 0.0
        score = min(1.0, first + 0.7 * hits / len(lines) + 0.1)
        if sum(1 for ln in lines if _SIGNAL_MD_RE.match(ln)) >= hits:
            score = min(score, 0.4)
        return score

    def parse(self, source: Source, log: ImportLog) -> Iterator[ChatMessage]:
        for f in source.files:
            order = str(source.options.get("date_order") or "auto")
            if order not in DATE_ORDERS:
                raise ChatImportError(f"Unknown date order {order!r}. Available: {', '.join(DATE_ORDERS)}.")
            if order == "auto":
                order = _guess_date_order(f, log)
            yield from self._parse_file(source, f, order, log)

    def _parse_file(self, source: Source, f: Path, order: str, log: ImportLog) -> Iterator[ChatMessage]:
        pending: _Pending | None = None
        orphan = False  # continuation lines after a line we could not read are skipped too
        seen_header = False
        for n, raw in iter_lines(source, f, log):
            line = raw.lstrip("\u200e\ufeff")
            m = _match(line)
            if m is None:
                if pending is not None:
                    pending.parts.append(raw)
                elif orphan:
                    if raw.strip():
                        log.skip(n, "continuation of a skipped line")
                elif raw.strip():
                    reason = "text before the first message" if not seen_header else "unreadable line"
                    log.skip(n, reason)
                continue
            seen_header = True
            if pending is not None:
                msg = _finish(pending, log)
                if msg is not None:
                    yield msg
                pending = None
            try:
                when = _stamp(m["date"], m["time"], m["ampm"], order)
            except ValueError as exc:
                log.skip(n, f"unreadable date/time: {exc}")
                orphan = True
                continue
            orphan = False
            pending = _start(n, when, m["rest"], log)
            if pending is None:
                orphan = True
        if pending is not None:
            msg = _finish(pending, log)
            if msg is not None:
                yield msg
        if not seen_header:
            raise ChatImportError(
                f"No WhatsApp messages found in {f.name}: no line starts with a date and time like "
                "'15/01/2023, 22:04 - Name: text' or '[15/01/2023, 22:04:51] Name: text'. Is this a WhatsApp "
                "export? Try --format auto."
            )


def _match(line: str) -> re.Match[str] | None:
    if not line:
        return None
    if line[0] == "[":
        return BRACKET_RE.match(line)
    if line[0].isdigit():
        return DASH_RE.match(line)
    return None


def _start(n: int, when: tuple[str, float], rest: str, log: ImportLog) -> _Pending | None:
    rest = rest.lstrip("\u200e")
    author, sep, body = rest.partition(": ")
    if not sep:
        if rest.endswith(":"):  # "Sam:" followed by text on the next lines
            author, body = rest[:-1], ""
        else:
            log.skip(n, f"system message: {_short(rest)}")
            return None
    author = author.translate(_STRIP_INVISIBLE).strip()
    if not author or len(author) > MAX_AUTHOR_CHARS or (" " in author and _maybe_system(author)):
        log.skip(n, f"system message: {_short(rest)}")
        return None
    marked = body.startswith("\u200e")
    body = body.lstrip("\u200e")
    pending = _Pending(line=n, when=when, author=author, parts=[body])
    stripped = body.strip()
    if _maybe_media(stripped) and MEDIA_RE.match(stripped):
        pending.media = True
    elif marked and DELETED_RE.match(stripped):
        log.skip(n, "deleted message")
        return None
    elif marked and SYSTEM_RE.search(stripped):
        log.skip(n, f"system message: {_short(stripped)}")
        return None
    return pending


_SYSTEM_HINTS = (
    "changed",
    "created",
    "security",
    "encrypt",
    "disappearing",
    "joined",
    "admin",
    "call",
    "pinned",
)


def _maybe_system(author: str) -> bool:
    """Cheap pre-check before the system-line regex (most authors are plain names)."""
    low = author.lower()
    return any(h in low for h in _SYSTEM_HINTS) and SYSTEM_RE.search(author) is not None


def _maybe_media(body: str) -> bool:
    if not body:
        return False
    low = body[-9:].lower()
    return (
        body[0] == "<"
        or low.endswith(("omitted", "attached)", "shared"))
        or body in ("null", "NULL")
        or (body[:9].lower() == "location:")
    )


def _finish(p: _Pending, log: ImportLog) -> ChatMessage | None:
    if p.media:
        caption = "\n".join(p.parts[1:]).strip()
        if not caption:
            log.skip(p.line, "media without text")
            return None
        text = caption
    else:
        text = "\n".join(p.parts).strip()
    text = EDITED_SUFFIX.sub("", text)
    if not text:
        log.skip(p.line, "empty message")
        return None
    if DELETED_RE.match(text):
        log.skip(p.line, "deleted message")
        return None
    if (
        SYSTEM_RE.match(text)
        and len(text) < 120
        and text.lower().startswith(("missed", "messages", "waiting"))
    ):
        log.skip(p.line, f"system message: {_short(text)}")
        return None
    return ChatMessage(timestamp=p.when[0], author=p.author, text=text, sort_key=p.when[1], line=p.line)


def _short(s: str, n: int = 60) -> str:
    s = s.translate(_STRIP_INVISIBLE).strip()
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def _split_date(date: str) -> tuple[str, str, str]:
    parts = re.split(r"[./-]", date)
    if len(parts) != 3:
        raise ValueError(f"'{date}' is not a date")
    return parts[0], parts[1], parts[2]


_DAY_CACHE: dict[tuple[str, str], tuple[int, int, int, int]] = {}
_EPOCH_ORDINAL = datetime(1970, 1, 1).toordinal()


def _clock(time: str, ampm: str | None) -> tuple[int, int, int]:
    """(hour 0-23, minute, second) of a WhatsApp time ("21:05", "9.05.30", "9:05" with "PM"). Raises ValueError
    for a 12-hour time out of 1-12; the caller checks the ranges."""
    tparts = time.replace(".", ":").split(":")
    hour, minute = int(tparts[0]), int(tparts[1])
    second = int(tparts[2]) if len(tparts) > 2 else 0
    if ampm:
        pm = ampm.lower().replace(".", "").replace(" ", "") == "pm"
        if not 1 <= hour <= 12:
            raise ValueError(f"'{time} {ampm}' is not a 12-hour time")
        hour = (hour % 12) + (12 if pm else 0)
    return hour, minute, second


def _stamp(date: str, time: str, ampm: str | None, order: str) -> tuple[str, float]:
    """(ISO-8601, sort key) for a WhatsApp date and time; the per-day part is cached (exports span few days
    compared with their messages). Raises ValueError for impossible dates or times."""
    day = _DAY_CACHE.get((date, order))
    if day is None:
        d = _to_datetime(date, "0:00", None, order)
        day = (d.year, d.month, d.day, d.toordinal() - _EPOCH_ORDINAL)
        if len(_DAY_CACHE) > 100_000:
            _DAY_CACHE.clear()
        _DAY_CACHE[(date, order)] = day
    hour, minute, second = _clock(time, ampm)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(f"'{date} {time}' (time out of range)")
    y, mo, d_, days = day
    iso = f"{y:04d}-{mo:02d}-{d_:02d}T{hour:02d}:{minute:02d}:{second:02d}"
    return iso, float(days * 86400 + hour * 3600 + minute * 60 + second)


def _to_datetime(date: str, time: str, ampm: str | None, order: str) -> datetime:
    a, b, c = _split_date(date)
    if len(a) == 4:
        year, month, day = int(a), int(b), int(c)
    elif order == "mdy":
        month, day, year = int(a), int(b), int(c)
    elif order == "ymd":
        year, month, day = int(a), int(b), int(c)
    else:
        day, month, year = int(a), int(b), int(c)
    if year < 100:
        year += 2000
    hour, minute, second = _clock(time, ampm)
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError as exc:
        raise ValueError(f"'{date} {time}' ({exc})") from None


# How many timestamped lines the date-order guess reads at most before deciding by chronology.
DATE_ORDER_SCAN_LINES = 200_000


def _guess_date_order(f: Path, log: ImportLog) -> str:
    """Decide day-first vs month-first from the dates themselves: a first number above 12 means day-first,
    a second number above 12 means month-first; if no date is decisive, pick the reading under which the
    messages run forward in time."""
    with f.open("rb") as fh:
        head = fh.read(64 * 1024)
    try:
        codec, _ = detect_encoding(head)
    except ChatImportError:
        return "dmy"  # the real read reports the problem
    prev: dict[str, datetime | None] = {"dmy": None, "mdy": None}
    backwards = {"dmy": 0, "mdy": 0}
    invalid = {"dmy": 0, "mdy": 0}
    seen = 0
    with f.open("r", encoding=codec, errors="replace") as fh:
        for line in fh:
            m = _match(line.lstrip("\u200e\ufeff"))
            if m is None:
                continue
            a, b, _c = _split_date(m["date"])
            if len(a) == 4:
                return "ymd"
            if int(a) > 12 >= int(b):
                return "dmy"
            if int(b) > 12 >= int(a):
                return "mdy"
            for order in ("dmy", "mdy"):
                try:
                    dt = _to_datetime(m["date"], m["time"], m["ampm"], order)
                except ValueError:
                    invalid[order] += 1
                    continue
                p = prev[order]
                if p is not None and dt < p:
                    backwards[order] += 1
                prev[order] = dt
            seen += 1
            if seen >= DATE_ORDER_SCAN_LINES:
                break
    if backwards["mdy"] + invalid["mdy"] < backwards["dmy"] + invalid["dmy"]:
        log.note(
            "No date settled whether the export is day-first or month-first; month/day/year fits the order "
            "of the messages best. Use --date-order dmy if that is wrong."
        )
        return "mdy"
    if seen:
        log.note(
            "No date settled whether the export is day-first or month-first; day/month/year was assumed. "
            "Use --date-order mdy if that is wrong."
        )
    return "dmy"
