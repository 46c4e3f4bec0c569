"""Fixtures for the coach tests: the message set, the drafts, and a real local OpenAI-compatible server."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def llm_server() -> Iterator[Callable[[str], str]]:
    """Start tests/coach/fake_llm_server.py in a subprocess; returns a function mode -> base URL."""
    procs: list[subprocess.Popen[bytes]] = []

    def start(mode: str) -> str:
        port = _free_port()
        proc = subprocess.Popen(
            [sys.executable, str(HERE / "fake_llm_server.py"), str(port), mode],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        procs.append(proc)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    return f"http://127.0.0.1:{port}/v1"
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the test LLM server did not start")

    yield start
    for p in procs:
        p.terminate()
        p.wait(timeout=5)
