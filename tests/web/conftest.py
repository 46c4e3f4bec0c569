"""Fixtures for the web tests: an app on a temp SQLite file, a TestClient, and a live server + chromium."""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from heartwork.settings import load
from heartwork.web import config as web_config
from heartwork.web.app import create_app

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
PASSWORD = "a calm long password"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_app(home: Path, **overrides: Any) -> FastAPI:
    settings = replace(load(), data_dir=home, database_url=f"sqlite:///{home / 'heartwork.db'}")
    config = replace(web_config.build(settings), **overrides)
    return create_app(config=config)


@pytest.fixture
def app(_hermetic_home: Path) -> Iterator[FastAPI]:
    application = make_app(_hermetic_home)
    yield application
    application.state.web.data.close()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.fixture
def make_client(app: FastAPI) -> Iterator[Any]:
    """More independent browsers-without-a-browser on the same app (separate cookie jars)."""
    clients: list[TestClient] = []

    def make() -> TestClient:
        c = TestClient(app)
        clients.append(c)
        return c

    yield make
    for c in clients:
        c.close()


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


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    home = tmp_path_factory.mktemp("live-home")
    application = make_app(home)
    server = LiveServer(application)
    server.start()
    yield server
    server.stop()
    application.state.web.data.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(
            f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run browser tests"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    if ARTIFACTS.exists():
        shutil.rmtree(ARTIFACTS)
    ARTIFACTS.mkdir(parents=True)
    return ARTIFACTS
