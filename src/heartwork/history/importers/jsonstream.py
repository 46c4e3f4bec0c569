"""Reading a large JSON export piece by piece, so a 200 MB ``result.json`` never sits in memory whole.

Only the containers we walk (the top-level object, the ``messages`` array) are streamed; each message object is
decoded with the standard library's C decoder (``json.JSONDecoder.raw_decode``) from a sliding buffer.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any, TextIO

from heartwork.history.importers.base import ChatImportError

CHUNK_CHARS = 1 << 20
# A single JSON value (one message) larger than this is treated as a broken file rather than read on and on.
MAX_VALUE_CHARS = 64 << 20

_WS = " \t\r\n"
_decoder = json.JSONDecoder()


class JsonStream:
    def __init__(self, fh: TextIO | io.TextIOBase, name: str) -> None:
        self._fh = fh
        self.name = name
        self._buf = ""
        self._pos = 0
        self._eof = False
        self._lines_before = 1  # line number at buffer index 0
        self._cursor = 0  # buffer index up to which newlines are counted ...
        self._cursor_line = 1  # ... and the line number there

    # -- buffer ----------------------------------------------------------------------------------------------
    def _fill(self) -> bool:
        if self._eof:
            return False
        chunk = self._fh.read(CHUNK_CHARS)
        if not chunk:
            self._eof = True
            return False
        if self._pos > CHUNK_CHARS:  # drop what has been consumed
            self.line()  # advance the newline cursor to _pos first
            self._buf = self._buf[self._pos :]
            self._cursor -= self._pos
            self._pos = 0
        self._buf += chunk
        return True

    def line(self) -> int:
        """Line number of the current position (1-based)."""
        if self._pos > self._cursor:
            self._cursor_line += self._buf.count("\n", self._cursor, self._pos)
            self._cursor = self._pos
        return self._cursor_line

    def peek(self) -> str:
        while True:
            while self._pos < len(self._buf) and self._buf[self._pos] in _WS:
                self._pos += 1
            if self._pos < len(self._buf):
                return self._buf[self._pos]
            if not self._fill():
                return ""

    def expect(self, ch: str) -> None:
        got = self.peek()
        if got != ch:
            self._fail(f"expected '{ch}' but found {repr(got) if got else 'the end of the file'}")
        self._pos += 1

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                obj, end = _decoder.raw_decode(self._buf, self._pos)
            except json.JSONDecodeError as exc:
                if not self._eof and len(self._buf) - self._pos < MAX_VALUE_CHARS and self._fill():
                    continue
                self._fail(exc.msg)
            if end == len(self._buf) and not self._eof and self._fill():
                continue  # a number or literal may go on in the next chunk
            self._pos = end
            return obj

    def _fail(self, what: str) -> Any:
        raise ChatImportError(
            f"{self.name} is not valid JSON near line {self.line()}: {what}. The export may be cut off or "
            "damaged; export the chat again."
        )

    # -- containers ------------------------------------------------------------------------------------------
    def object_keys(self) -> Iterator[str]:
        """Walk an object: yields each key; the caller must consume its value (value(), or walk it)."""
        self.expect("{")
        first = True
        while True:
            c = self.peek()
            if c == "}":
                self._pos += 1
                return
            if not first:
                self.expect(",")
            key = self.value()
            if not isinstance(key, str):
                self._fail("expected a key")
            self.expect(":")
            first = False
            yield key

    def array_items(self) -> Iterator[int]:
        """Walk an array: yields the line where each element starts; the caller must consume the element."""
        self.expect("[")
        first = True
        while True:
            c = self.peek()
            if c == "]":
                self._pos += 1
                return
            if not first:
                self.expect(",")
                self.peek()
            first = False
            yield self.line()

    def skip(self) -> None:
        """Skip one value without keeping it (arrays and objects are walked, so big ones stay streamed)."""
        c = self.peek()
        if c == "[":
            for _ in self.array_items():
                self.skip()
        elif c == "{":
            for _ in self.object_keys():
                self.skip()
        else:
            self.value()
