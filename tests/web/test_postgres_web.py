"""The web app on a real PostgreSQL server (HEARTWORK_DATABASE_URL), not only on SQLite.

Reuses the storage suite's throwaway server (tests/store/conftest.py: HEARTWORK_TEST_POSTGRES_URL, or initdb +
pg_ctl from the Debian binaries); skipped with the reason when neither is available.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from webtest_support import make_app, post_form, signup

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

_spec = importlib.util.spec_from_file_location(
    "heartwork_store_test_conftest", Path(__file__).resolve().parents[1] / "store" / "conftest.py"
)
assert _spec and _spec.loader
pg = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pg)


@pytest.fixture(scope="module")
def pg_admin_url() -> Iterator[str]:
    url = os.environ.get("HEARTWORK_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    server = pg._ThrowawayPostgres()
    try:
        yield server.admin_url
    finally:
        server.stop()


def test_postgres_web_pairing_repair_privacy_export_delete(pg_admin_url: str, tmp_path: Path) -> None:
    url, drop = pg._new_pg_database(pg_admin_url)
    app = make_app(tmp_path, database_url=url)
    try:
        a, b, c = TestClient(app), TestClient(app), TestClient(app)
        signup(a, "alice")
        signup(b, "bob")
        signup(c, "carol")
        code = re.search(
            r'id="invite-code">([^<]+)<', post_form(a, "/together/invite", page="/together").text
        )
        assert post_form(b, "/together/join", {"code": code.group(1)}, page="/together").status_code == 303
        cloc = post_form(a, "/together/repair", {"title": "pg talk"}, page="/together").headers["location"]
        post_form(a, cloc + "/draft", {"draft": "private draft on postgres", "turn": "0"}, page=cloc)
        turn = re.search(r'name="turn" value="(\d+)"', a.get(cloc).text).group(1)
        assert "private draft on postgres" not in b.get(cloc).text
        post_form(a, cloc + "/send", {"text": "I'm sorry I was late.", "turn": turn}, page=cloc)
        assert "sorry I was late" in b.get(cloc).text
        assert c.get(cloc).status_code == 404
        # A NUL character (PostgreSQL text cannot hold one) gets a clear answer, never a server error.
        r = post_form(a, cloc + "/draft", {"draft": "nul \x00 inside", "turn": "0"}, page=cloc)
        assert r.status_code < 500, r.text[:300]
        r = post_form(a, "/my-data/export", page="/my-data")
        assert any("sorry I was late" in (t["sent_text"] or "") for t in r.json()["conversation_turns"])
        r = post_form(
            c,
            "/my-data/delete",
            {"confirm": "delete everything", "password": "a calm long password"},
            page="/my-data",
        )
        assert r.status_code == 200
        assert c.get("/my-data", follow_redirects=False).status_code == 303
        assert app.state.web.data.store.dialect == "postgresql"
    finally:
        app.state.web.data.close()
        drop()
