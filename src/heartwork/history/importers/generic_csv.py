"""A generic CSV of messages: one row per message with a timestamp, a sender and the text.

Columns are found by name (``timestamp``/``time``/``date``..., ``sender``/``author``/``from``...,
``text``/``message``/``content``...) or set with ``--csv-timestamp``, ``--csv-author``, ``--csv-text`` (a
column name or a 1-based number). The delimiter is detected (``,`` ``;`` tab ``|``) unless
``--csv-delimiter`` is given. Timestamps may be ISO-8601, Unix seconds or milliseconds, or follow
``--csv-time-format`` (a ``strftime`` pattern such as ``%d/%m/%Y %H:%M``).
"""

from __future__ import annotations

import csv
import io
import re
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

TIMESTAMP_NAMES = (
    "timestamp",
    "time",
    "date",
    "datetime",
    "date_time",
    "sent",
    "sent_at",
    "created_at",
    "when",
)
AUTHOR_NAMES = ("author", "sender", "from", "sender_name", "name", "user", "speaker", "who")
TEXT_NAMES = ("text", "message", "content", "body", "msg")
_FALLBACK_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d.%m.%Y %H:%M",
)
# Unix times above this are milliseconds (1e11 s is the year 5138).
_MS_THRESHOLD = 1e11
# Python's csv module refuses fields above 128 KiB by default; a long message is still a message.
csv.field_size_limit(16 * 1024 * 1024)


class CsvImporter:
    name = "csv"
    title = "CSV with timestamp, sender and text columns"

    def sniff(self, sample: Sample) -> float:
        lines = [ln for ln in sample.text.splitlines()[:20] if ln.strip()]
        if len(lines) < 1 or lines[0].lstrip().startswith(("{", "[")):
            return 0.0
        header = re.split(r"[,;\t|]", lines[0].lower())
        names = {h.strip().strip('"') for h in header}
        known = sum(1 for group in (TIMESTAMP_NAMES, AUTHOR_NAMES, TEXT_NAMES) if names & set(group))
        if known == 3:
            return 0.9
        if sample.path.suffix.lower() in (".csv", ".tsv") and len(header) >= 3:
            return 0.5
        return 0.1 * known

    def parse(self, source: Source, log: ImportLog) -> Iterator[ChatMessage]:
        opts = source.options
        for f in source.files:
            with f.open("rb") as fh:
                head = fh.read(64 * 1024)
            if not head.strip():
                raise ChatImportError(
                    f"The file {f.name} is empty. It needs a header row and one row per message."
                )
            codec, note = detect_encoding(head)
            log.encoding = codec
            if note:
                log.note(note)
            sample_text = head.decode(codec, errors="replace")
            delimiter = opts.get("csv_delimiter") or _detect_delimiter(sample_text)
            if delimiter == "\\t":
                delimiter = "\t"
            with io.TextIOWrapper(
                source.open_binary(f), encoding=codec, errors="replace", newline=""
            ) as text:
                reader = csv.reader(text, delimiter=delimiter)
                try:
                    header = next(reader)
                except StopIteration:
                    raise ChatImportError(f"{f.name} has no rows.") from None
                except csv.Error as exc:
                    raise ChatImportError(f"{f.name} is not a readable CSV file: {exc}.") from None
                header = [h.strip().lstrip("\ufeff") for h in header]
                cols = _columns(header, opts, f.name)
                fmt = opts.get("csv_time_format")
                end = reader.line_num
                while True:
                    n = end + 1  # the line where this row starts (a quoted field may span lines)
                    try:
                        row = next(reader)
                    except StopIteration:
                        break
                    except csv.Error as exc:
                        log.skip(n, f"unreadable row: {exc}")
                        end = reader.line_num
                        continue
                    end = reader.line_num
                    if not any(cell.strip() for cell in row):
                        continue
                    if len(row) <= max(cols):
                        log.skip(n, f"row has {len(row)} columns, expected at least {max(cols) + 1}")
                        continue
                    raw_ts, author, body = row[cols[0]].strip(), row[cols[1]].strip(), row[cols[2]].strip()
                    if not body:
                        log.skip(n, "empty message")
                        continue
                    if not author:
                        log.skip(n, "message without a sender")
                        continue
                    try:
                        iso, key = _parse_time(raw_ts, fmt)
                    except ValueError:
                        hint = f" (expected format {fmt})" if fmt else " (set --csv-time-format)"
                        log.skip(n, f"unreadable timestamp: {raw_ts[:40]!r}{hint}")
                        continue
                    yield ChatMessage(timestamp=iso, author=author, text=body, sort_key=key, line=n)


def _detect_delimiter(sample: str) -> str:
    first = sample.splitlines()[0] if sample.splitlines() else ""
    counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _columns(header: list[str], opts: dict[str, Any], name: str) -> tuple[int, int, int]:
    lower = [h.lower() for h in header]
    out = []
    for opt, candidates, what in (
        ("csv_timestamp", TIMESTAMP_NAMES, "timestamp"),
        ("csv_author", AUTHOR_NAMES, "sender"),
        ("csv_text", TEXT_NAMES, "text"),
    ):
        chosen = opts.get(opt)
        if chosen:
            chosen = str(chosen)
            if chosen.isdigit() and 1 <= int(chosen) <= len(header):
                out.append(int(chosen) - 1)
                continue
            if chosen.lower() in lower:
                out.append(lower.index(chosen.lower()))
                continue
            raise ChatImportError(
                f"No column {chosen!r} in {name}. Columns: {', '.join(repr(h) for h in header)} "
                f"(or give a number 1-{len(header)})."
            )
        found = next((lower.index(c) for c in candidates if c in lower), None)
        if found is None:
            flag = "--" + opt.replace("_", "-")
            raise ChatImportError(
                f"Could not tell which column of {name} holds the {what}. Columns: "
                f"{', '.join(repr(h) for h in header)}. Name it with {flag} COLUMN."
            )
        out.append(found)
    if len(set(out)) < 3:
        raise ChatImportError(f"The timestamp, sender and text columns of {name} must be different columns.")
    return out[0], out[1], out[2]


def _parse_time(raw: str, fmt: str | None) -> tuple[str, float]:
    if fmt:
        return iso_from_naive(datetime.strptime(raw, fmt))
    try:
        return iso_from_naive(datetime.fromisoformat(raw.replace("Z", "+00:00")))
    except ValueError:
        pass
    try:
        num = float(raw)
    except ValueError:
        num = None
    if num is not None:
        return iso_from_epoch(num / 1000.0 if num > _MS_THRESHOLD else num)
    for candidate in _FALLBACK_FORMATS:
        try:
            return iso_from_naive(datetime.strptime(raw, candidate))
        except ValueError:
            continue
    raise ValueError(raw)
