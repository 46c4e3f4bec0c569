"""The stable batch interface of shared/TAXONOMY.md: JSON lines in, one JSON object per line out, in order.

Every input line yields exactly one output line. A bad line (invalid UTF-8 or JSON, missing or non-string
text, empty text) yields ``{"id": ..., "line": n, "error": "..."}`` and processing continues.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

BATCH = 512  # lines analysed together; large enough to amortise, small enough to stream


def _parse(raw: bytes, n: int) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """Return (request, None) or (None, error object)."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, {
            "id": None,
            "line": n,
            "error": f"line is not valid UTF-8 (byte {exc.start}); re-save the file as UTF-8",
        }
    if not line.strip():
        return None, {"id": None, "line": n, "error": 'empty line; expected a JSON object with "text"'}
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, {"id": None, "line": n, "error": f"not valid JSON: {exc.msg} at column {exc.colno}"}
    if not isinstance(row, dict):
        return None, {"id": None, "line": n, "error": 'expected a JSON object like {"text": "..."}'}
    rid = row.get("id")
    if rid is not None and not isinstance(rid, str | int | float):
        return None, {"id": None, "line": n, "error": '"id" must be a string or a number'}
    text = row.get("text")
    if not isinstance(text, str):
        return None, {"id": rid, "line": n, "error": '"text" is missing or not a string'}
    if not text.strip():
        return None, {"id": rid, "line": n, "error": '"text" is empty'}
    context = row.get("context")
    if context is not None and not isinstance(context, str):
        return None, {"id": rid, "line": n, "error": '"context" must be a string when given'}
    speaker = row.get("speaker")
    if speaker is not None and not isinstance(speaker, str):
        return None, {"id": rid, "line": n, "error": '"speaker" must be a string when given'}
    return {"id": rid, "text": text, "context": context or None, "speaker": speaker}, None


def process(lines: Iterable[bytes]) -> Iterator[dict[str, Any]]:
    """Yield one output object per input line, in order."""
    from heartwork.engine import analyze_many

    pending: list[tuple[int, dict[str, Any] | None, dict[str, Any] | None]] = []

    def flush() -> Iterator[dict[str, Any]]:
        ok = [req for _, req, _ in pending if req is not None]
        results = iter(analyze_many([r["text"] for r in ok], [r["context"] for r in ok])) if ok else iter(())
        for _, req, err in pending:
            if req is None:
                assert err is not None
                yield err
                continue
            out: dict[str, Any] = {"id": req["id"]}
            if req["speaker"] is not None:
                out["speaker"] = req["speaker"]
            out.update(next(results).to_dict())
            yield out
        pending.clear()

    for n, raw in enumerate(lines, 1):
        req, err = _parse(raw.rstrip(b"\r\n"), n)
        pending.append((n, req, err))
        if len(pending) >= BATCH:
            yield from flush()
    yield from flush()


def run(stdin: IO[bytes], stdout: IO[str]) -> int:
    """Stream stdin to stdout; return the exit code (1 if any line failed)."""
    failed = False
    for obj in process(stdin):
        failed |= "error" in obj
        stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    stdout.flush()
    return 1 if failed else 0
