"""Fixtures for the web tests: an app on a temp SQLite file, a TestClient, and a live server + chromium."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from webtest_support import ARTIFACTS, CHROMIUM, LiveServer, make_app


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
