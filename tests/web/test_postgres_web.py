"""The web app on a real PostgreSQL server (HEARTWORK_DATABASE_URL), not only on SQLite.

Uses the server the storage suite uses (the ``postgres_url`` fixture in tests/conftest.py:
HEARTWORK_TEST_POSTGRES_URL, or initdb + pg_ctl from the Debian binaries); skipped with the reason when neither
is available.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from webtest_support import make_app, post_form, signup

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def test_postgres_web_pairing_repair_privacy_export_delete(postgres_url: str, tmp_path: Path) -> None:
    app = make_app(tmp_path, database_url=postgres_url)
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
