"""Run an import: pick the importer, stream the file, put the messages in chronological order.

Memory stays bounded whatever the file size: messages are kept in memory in runs of at most ``RUN_SIZE``;
longer imports spill sorted runs to temporary files (readable by the owner only, deleted afterwards) and merge
them. Nothing is written anywhere until the whole file has been read, so an import either completes or fails
with a clear error having changed nothing.
"""

from __future__ import annotations

import heapq
import json
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from heartwork.history.importers import ChatImportError, check_explicit, detect, get_importer
from heartwork.history.importers.base import ChatMessage, ImportLog, Source

# Messages held in memory before a sorted run is written to a temporary file (about 60 MB of messages).
RUN_SIZE = 200_000
# Show a progress bar for files at least this large (smaller ones import in well under a second).
PROGRESS_MIN_BYTES = 8 * 1024 * 1024


class SortedMessages(AbstractContextManager["SortedMessages"]):
    """Collects messages in any order and gives them back by (time, arrival) — an external merge sort."""

    def __init__(self, run_size: int = RUN_SIZE) -> None:
        self.run_size = run_size
        self._buf: list[tuple[float, int, ChatMessage]] = []
        self._runs: list[Path] = []
        self._seq = 0
        self.count = 0
        self.authors: Counter[str] = Counter()
        self.in_order = True
        self._last = float("-inf")
        self.first: ChatMessage | None = None
        self.last: ChatMessage | None = None

    def add(self, msg: ChatMessage) -> None:
        if msg.sort_key < self._last:
            self.in_order = False
        else:
            self._last = msg.sort_key
        if self.first is None or msg.sort_key < self.first.sort_key:
            self.first = msg
        if self.last is None or msg.sort_key >= self.last.sort_key:
            self.last = msg
        self._buf.append((msg.sort_key, self._seq, msg))
        self._seq += 1
        self.count += 1
        self.authors[msg.author] += 1
        if len(self._buf) >= self.run_size:
            self._spill()

    def _spill(self) -> None:
        self._buf.sort(key=lambda t: (t[0], t[1]))
        fd, name = tempfile.mkstemp(prefix="heartwork-import-", suffix=".jsonl")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for key, seq, m in self._buf:
                fh.write(json.dumps([key, seq, m.timestamp, m.author, m.text, m.line], ensure_ascii=False))
                fh.write("\n")
        self._runs.append(Path(name))
        self._buf = []

    def __iter__(self) -> Iterator[ChatMessage]:
        self._buf.sort(key=lambda t: (t[0], t[1]))
        streams: list[Iterator[tuple[float, int, ChatMessage]]] = [_read_run(p) for p in self._runs]
        streams.append(iter(self._buf))
        for _, _, m in heapq.merge(*streams, key=lambda t: (t[0], t[1])):
            yield m

    def close(self) -> None:
        for p in self._runs:
            p.unlink(missing_ok=True)
        self._runs = []
        self._buf = []

    def __exit__(self, *exc: object) -> None:
        self.close()


def _read_run(path: Path) -> Iterator[tuple[float, int, ChatMessage]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            key, seq, ts, author, text, n = json.loads(line)
            yield key, seq, ChatMessage(timestamp=ts, author=author, text=text, sort_key=key, line=n)


@dataclass
class ImportResult:
    """A finished import: messages in chronological order (iterate ``messages``), and what was left out."""

    path: Path
    format: str
    format_title: str
    detected: bool
    messages: SortedMessages
    log: ImportLog
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return self.messages.count

    @property
    def participants(self) -> list[str]:
        return [a for a, _ in self.messages.authors.most_common()]

    def close(self) -> None:
        self.messages.close()

    def __enter__(self) -> ImportResult:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def summary(self) -> dict[str, Any]:
        first, last = self.messages.first, self.messages.last
        return {
            "source": self.path.name,
            "format": self.format,
            "format_detected": self.detected,
            "messages_parsed": self.count,
            "participants": self.participants,
            "messages_per_participant": dict(self.messages.authors.most_common()),
            "first_message": first.timestamp if first else None,
            "last_message": last.timestamp if last else None,
            "encoding": self.log.encoding,
            "notes": list(self.log.notes),
            "skipped_lines": self.log.to_dict(),
        }


def import_chat(
    path: str | Path,
    fmt: str = "auto",
    options: dict[str, Any] | None = None,
    progress: Callable[[int], None] | None = None,
    run_size: int = RUN_SIZE,
) -> ImportResult:
    """Read a chat export completely. Raises ChatImportError (with how to fix it) and keeps nothing on failure."""
    p = Path(path).expanduser()
    if fmt == "auto":
        importer = detect(p)
        detected = True
    else:
        importer = get_importer(fmt)
        check_explicit(p, importer)
        detected = False
    source = Source(p, progress=progress, options=options)
    log = ImportLog()
    sorted_msgs = SortedMessages(run_size=run_size)
    try:
        for msg in importer.parse(source, log):
            sorted_msgs.add(msg)
    except ChatImportError:
        sorted_msgs.close()
        raise
    except (UnicodeError, OSError) as exc:
        sorted_msgs.close()
        raise ChatImportError(f"Could not read {p.name}: {exc}. Check the file and its format.") from exc
    except BaseException:
        sorted_msgs.close()
        raise
    if sorted_msgs.count == 0:
        sorted_msgs.close()
        reasons = ", ".join(f"{n} {r}" for r, n in log.reasons.items()) or "nothing readable"
        raise ChatImportError(
            f"No messages with text found in {p.name} (read as {importer.title}; left out: {reasons}). "
            "Check that this is the right file, or name the format with --format."
        )
    return ImportResult(
        path=p,
        format=importer.name,
        format_title=importer.title,
        detected=detected,
        messages=sorted_msgs,
        log=log,
    )
