"""Security headers on every kind of response, and pages free of inline script and style (so the CSP holds)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from webtest_support import make_app, post_form, signup

from heartwork.web.security import CSP

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "heartwork" / "web" / "templates"


def _check(r) -> None:
    h = r.headers
    assert h["content-security-policy"] == CSP
    assert "unsafe-inline" not in CSP and "unsafe-eval" not in CSP
    assert "frame-ancestors 'none'" in CSP and "script-src 'self'" in CSP
    assert h["x-content-type-options"] == "nosniff"
    assert h["referrer-policy"] == "no-referrer"
    assert h["x-frame-options"] == "DENY"


@pytest.mark.parametrize(
    "path", ["/", "/read", "/respond", "/safety", "/login", "/signup", "/nope", "/static/heartwork.css"]
)
def test_headers_on_public_pages(client: TestClient, path: str) -> None:
    r = client.get(path)
    _check(r)
    if not path.startswith("/static/"):
        assert r.headers["cache-control"] == "no-store"  # private words never sit in a shared cache


def test_headers_on_api_and_private_pages(client: TestClient) -> None:
    _check(client.post("/api/analyze", json={"text": "You never listen"}))
    _check(client.post("/api/analyze", json={"text": ""}))
    signup(client, "dora")
    for path in ("/practice", "/progress", "/together", "/my-data"):
        r = client.get(path)
        assert r.status_code == 200
        _check(r)


def test_templates_have_no_inline_scripts_styles_or_handlers() -> None:
    for tpl in TEMPLATES.glob("*.html"):
        text = tpl.read_text()
        for m in re.finditer(r"<script\b([^>]*)>", text):
            assert "src=" in m.group(1), f"inline <script> in {tpl.name}"
        assert not re.search(r"\sstyle\s*=", text), f"inline style attribute in {tpl.name}"
        assert not re.search(r"\son[a-z]+\s*=", text), f"inline event handler in {tpl.name}"
        assert "<style" not in text, f"<style> block in {tpl.name}"
        assert "http://" not in text and "https://" not in text.replace("{{ quick_exit_url }}", ""), (
            f"external asset or link hard-coded in {tpl.name}"
        )


def test_cookies_are_httponly_samesite_and_secure_over_https(_hermetic_home) -> None:
    app = make_app(_hermetic_home)
    with TestClient(app) as plain:
        cookie = plain.get("/read").headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    with TestClient(app, base_url="https://testserver") as tls:
        r = tls.get("/read")
        assert "; Secure" in r.headers["set-cookie"]
        assert "max-age" in r.headers["strict-transport-security"]
    forced = make_app(_hermetic_home, force_https_cookies=True)
    with TestClient(forced) as behind_proxy:
        assert "; Secure" in behind_proxy.get("/read").headers["set-cookie"]


def test_api_responses_set_no_cookie(client: TestClient) -> None:
    r = client.post("/api/analyze", json={"text": "Thank you for dinner."})
    assert r.status_code == 200
    assert "set-cookie" not in r.headers


def test_secret_key_is_private_stable_and_shared_by_concurrent_workers(tmp_path) -> None:
    import stat
    from concurrent.futures import ThreadPoolExecutor

    from heartwork.web.config import _secret_key

    home = tmp_path / "fresh"
    with ThreadPoolExecutor(8) as pool:
        keys = set(pool.map(lambda _: _secret_key(home), range(16)))
    assert len(keys) == 1  # every worker starting at once ends up with the same key
    path = home / "web-secret.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert _secret_key(home) == keys.pop()
    assert not list(home.glob(".web-secret.*"))


def test_encrypted_store_locked_gives_a_clear_503_and_unlocked_works(_hermetic_home) -> None:
    from webtest_support import signup

    from heartwork.store import open_store

    url = f"sqlite:///{_hermetic_home / 'heartwork.db'}"
    st = open_store(url)
    st.set_passphrase("a long and private passphrase")
    st.close()
    locked = make_app(_hermetic_home)  # opens the store itself, without the passphrase
    with TestClient(locked) as c:
        signup(c, "lock-test")  # the account row itself is not a private column
        r = post_form(c, "/practice/self-compassion-break/start", page="/practice")  # a private journal entry
        assert r.status_code == 503 and "encrypted" in r.text.lower()
        assert "Traceback" not in r.text
    locked.state.web.data.close()
    unlocked_store = open_store(url)
    unlocked_store.unlock("a long and private passphrase")
    from heartwork.web.app import create_app

    app = create_app(config=locked.state.web.config, store=unlocked_store)
    with TestClient(app) as c:
        signup(c, "open-test")
        assert c.get("/my-data").status_code == 200
        assert (
            post_form(
                c, "/progress/choice", {"choice": "compassion", "note": "private note"}, page="/progress"
            ).status_code
            == 303
        )
    unlocked_store.close()
