"""What every chat importer shares: the message record, the import log, errors, and careful file reading.

An importer is any object with:

* ``name`` (the ``--format`` value, e.g. ``"whatsapp"``) and ``title`` (shown to people),
* ``sniff(sample: Sample) -> float``: how sure it is (0..1) that a file is its format, from the first bytes,
* ``parse(source: Source, log: ImportLog) -> Iterator[ChatMessage]``: yields messages as it reads (in file
  order, which need not be chronological) and records every line or entry it leaves out in ``log``.

Importers register through the ``heartwork_importers`` pluggy hook (see :mod:`heartwork.plugins`).
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, Protocol, runtime_checkable

# How much of a file the sniffers and the encoding check look at.
SAMPLE_BYTES = 256 * 1024
# Share of control characters above which a "text" file is judged to be binary data.
BINARY_CONTROL_SHARE = 0.05
# At most this many skipped lines are listed one by one in the summary (the count is always exact).
MAX_LISTED_SKIPS = 1000


class ChatImportError(ValueError):
    """A file cannot be imported; the message says why and how to fix it. Nothing was saved."""


@dataclass(frozen=True, slots=True)
class ChatMessage:
    """One normalised message. ``sort_key`` orders messages (seconds; naive times are read as UTC)."""

    timestamp: str  # ISO-8601, with an offset when the export has one
    author: str
    text: str
    sort_key: float
    line: int = 0  # where it started in the source (line number, or entry number for JSON exports)

    def to_dict(self) -> dict[str, str]:
        return {"timestamp": self.timestamp, "author": self.author, "text": self.text}


@dataclass(frozen=True, slots=True)
class Skipped:
    line: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "reason": self.reason}


@dataclass
class ImportLog:
    """What an import left out and noticed. Counts are exact; the listing is capped at MAX_LISTED_SKIPS."""

    skipped: list[Skipped] = field(default_factory=list)
    skipped_count: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    encoding: str = "utf-8"
    chat_name: str = ""

    def skip(self, line: int, reason: str) -> None:
        self.skipped_count += 1
        key = reason.split(":", 1)[0]
        self.reasons[key] = self.reasons.get(key, 0) + 1
        if len(self.skipped) < MAX_LISTED_SKIPS:
            self.skipped.append(Skipped(line, reason))

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "count": self.skipped_count,
            "by_reason": dict(sorted(self.reasons.items(), key=lambda kv: -kv[1])),
            "lines": [s.to_dict() for s in self.skipped],
            "listed": len(self.skipped),
        }


@dataclass(frozen=True)
class Sample:
    """The first bytes of a file (or of the first JSON file in a folder), for sniffing."""

    path: Path
    head: bytes
    text: str  # head decoded leniently (BOM-aware), for pattern checks


class Source:
    """The file (or folder of files) being imported, with progress reporting by bytes read."""

    def __init__(
        self,
        path: Path,
        progress: Callable[[int], None] | None = None,
        options: dict[str, Any] | None = None,
    ) -> None:
        self.path = path
        self._progress = progress
        self.options: dict[str, Any] = dict(options or {})
        self.files = _source_files(path)
        self.total_bytes = sum(f.stat().st_size for f in self.files)

    def advance(self, nbytes: int) -> None:
        if self._progress is not None and nbytes:
            self._progress(nbytes)

    def open_binary(self, f: Path) -> io.BufferedReader:
        """The file for reading, buffered, reporting progress as bytes are read."""
        return io.BufferedReader(_CountingReader(f.open("rb"), self.advance), buffer_size=1 << 20)


class _CountingReader(io.RawIOBase):
    """Wraps a binary file and reports how many bytes were read (for the progress bar)."""

    def __init__(self, raw: BinaryIO, advance: Callable[[int], None]) -> None:
        self._raw = raw
        self._advance = advance

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        n = self._raw.readinto(b)  # type: ignore[attr-defined]
        self._advance(n or 0)
        return n or 0

    def close(self) -> None:
        self._raw.close()
        super().close()


def _source_files(path: Path) -> list[Path]:
    if path.is_dir():
        # A Messenger/Instagram conversation folder holds message_1.json, message_2.json, ...
        files = sorted(path.glob("message_*.json"), key=lambda p: _number_in(p.stem))
        if not files:
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in {".json", ".txt"})
        if not files:
            raise ChatImportError(
                f"The folder {path} holds no chat export files (message_1.json, result.json, _chat.txt, ...). "
                "Point to the exported file itself."
            )
        return files
    return [path]


def _number_in(stem: str) -> int:
    digits = "".join(ch for ch in stem if ch.isdigit())
    return int(digits) if digits else 0


@runtime_checkable
class Importer(Protocol):
    name: str
    title: str

    def sniff(self, sample: Sample) -> float: ...

    def parse(self, source: Source, log: ImportLog) -> Iterator[ChatMessage]: ...


# ---------------------------------------------------------------------------------------------------------
# Reading text carefully: encodings, BOMs, binary junk, exact line numbers.


def detect_encoding(head: bytes) -> tuple[str, str | None]:
    """Return (codec, note) for a text file from its first bytes. Raises ChatImportError for binary data."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", None
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16", "The file is UTF-16 encoded; it was read as such."
    if head and head.count(b"\x00") > len(head) // 4:
        # UTF-16 without a BOM: every other byte is zero for Latin text.
        even_zero = head[0::2].count(0)
        odd_zero = head[1::2].count(0)
        if odd_zero > len(head) // 3 and even_zero < len(head) // 20:
            return "utf-16-le", "The file is UTF-16 (little-endian) encoded; it was read as such."
        if even_zero > len(head) // 3 and odd_zero < len(head) // 20:
            return "utf-16-be", "The file is UTF-16 (big-endian) encoded; it was read as such."
    if looks_binary(head):
        raise ChatImportError(
            "This file holds binary data, not a text chat export (is it a photo, a database or a zip "
            "archive?). Export the chat as text: in WhatsApp 'Export chat' > 'Without media'; in Telegram "
            "Desktop 'Export chat history' > format 'Machine-readable JSON'."
        )
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the sample's end
            return "cp1252", (
                "The file is not valid UTF-8; it was read as Windows-1252 (Western European). If names or "
                "accents look wrong, re-export the chat or convert the file to UTF-8."
            )
    return "utf-8", None


def looks_binary(head: bytes) -> bool:
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > BINARY_CONTROL_SHARE


def read_sample(path: Path) -> Sample:
    files = _source_files(path)
    f = files[0]
    with f.open("rb") as fh:
        head = fh.read(SAMPLE_BYTES)
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        text = head.decode("utf-16", errors="replace")
    else:
        text = head.decode("utf-8-sig", errors="replace")
    return Sample(path=f, head=head, text=text)


def iter_lines(source: Source, f: Path, log: ImportLog) -> Iterator[tuple[int, str]]:
    """Yield (line_number, text) with line endings removed. Invalid bytes are replaced and noted, never dropped
    silently; binary data and empty files raise ChatImportError."""
    with f.open("rb") as fh:
        head = fh.read(SAMPLE_BYTES)
    if not head:
        raise ChatImportError(
            f"The file {f.name} is empty (0 bytes). Export the chat again and import that file."
        )
    codec, note = detect_encoding(head)
    log.encoding = codec
    if note:
        log.note(note)
    if codec.startswith("utf-16"):
        with io.TextIOWrapper(source.open_binary(f), encoding=codec, errors="replace", newline=None) as text:
            for n, line in enumerate(text, 1):
                yield n, line.rstrip("\n")
        return
    bad_lines = 0
    with source.open_binary(f) as buffered:
        for n, bline in enumerate(buffered, 1):
            try:
                line = bline.decode(codec)
            except UnicodeDecodeError:
                line = bline.decode(codec, errors="replace")
                bad_lines += 1
                if bad_lines <= 20:
                    log.note(
                        f"Line {n} had bytes that are not valid {codec}; they were replaced with '\ufffd'."
                    )
            if n == 1:
                line = line.lstrip("\ufeff")
            yield n, line.rstrip("\r\n")
    if bad_lines > 20:
        log.note(f"{bad_lines} lines in all had invalid bytes replaced with '\ufffd'.")


def iso_from_epoch(seconds: float) -> tuple[str, float]:
    dt = datetime.fromtimestamp(seconds, tz=UTC)
    return dt.isoformat(timespec="seconds"), seconds


def iso_from_naive(dt: datetime) -> tuple[str, float]:
    """Local wall-clock time as exported (no offset known). Sort key reads it as UTC, consistently."""
    if dt.tzinfo is not None:
        return dt.isoformat(timespec="seconds"), dt.timestamp()
    return dt.isoformat(timespec="seconds"), dt.replace(tzinfo=UTC).timestamp()
