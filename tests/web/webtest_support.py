"""Helpers shared by the web tests (imported by conftest and the test modules)."""

from __future__ import annotations

import re
import socket
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from heartwork.settings import load
from heartwork.web import config as web_config
from heartwork.web.app import create_app

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
PASSWORD = "a calm long password"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_app(home: Path, database_url: str | None = None, **overrides: Any) -> FastAPI:
    settings = replace(
        load(), data_dir=home, database_url=database_url or f"sqlite:///{home / 'heartwork.db'}"
    )
    config = replace(web_config.build(settings), **overrides)
    return create_app(config=config)


# ---- live server + real browser -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    def __init__(self, app: FastAPI) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def csrf_of(client: TestClient, path: str = "/read") -> str:
    r = client.get(path)
    m = CSRF_RE.search(r.text)
    assert m, f"no CSRF token on {path}"
    return m.group(1)


def signup(client: TestClient, username: str, password: str = PASSWORD, display_name: str = "") -> None:
    r = client.post(
        "/signup",
        data={
            "csrf_token": csrf_of(client, "/signup"),
            "username": username,
            "display_name": display_name,
            "password": password,
            "confirm": password,
        },
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text


def post_form(
    client: TestClient, path: str, data: dict[str, Any] | None = None, page: str = "/read", **kw: Any
) -> Any:
    return client.post(
        path, data={"csrf_token": csrf_of(client, page), **(data or {})}, follow_redirects=False, **kw
    )
