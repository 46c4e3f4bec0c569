"""Accounts and sessions: argon2 hashes, sign-in/out, session rotation (fixation), rate limiting, redirects."""

from __future__ import annotations

import copy

from fastapi.testclient import TestClient
from webtest_support import PASSWORD, csrf_of, make_app, post_form, signup

from heartwork.web.accounts import safe_next
from heartwork.web.security import SESSION_COOKIE


def _login(client: TestClient, username: str, password: str = PASSWORD, next: str = "/"):
    return client.post(
        "/login",
        data={
            "csrf_token": csrf_of(client, "/login"),
            "username": username,
            "password": password,
            "next": next,
        },
        follow_redirects=False,
    )


def test_accounts_password_is_stored_as_argon2id(app, client: TestClient) -> None:
    from heartwork.store import users

    signup(client, "erin")
    with app.state.web.data.session(write=False) as s:
        stored = users.get_user_by_username(s, "erin").password_hash
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_accounts_signup_rejects_bad_input_with_clear_messages(client: TestClient) -> None:
    token = csrf_of(client, "/signup")
    r = client.post(
        "/signup", data={"csrf_token": token, "username": "x", "password": "short", "confirm": "short"}
    )
    assert r.status_code == 400
    assert "3–40 characters" in r.text and "at least 10 characters" in r.text
    signup(client, "frank")
    other = TestClient(client.app)
    r = other.post(
        "/signup",
        data={
            "csrf_token": csrf_of(other, "/signup"),
            "username": "frank",
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
    )
    assert r.status_code == 400 and "taken" in r.text


def test_accounts_login_logout_and_wrong_password(make_client) -> None:
    a = make_client()
    signup(a, "gina")
    b = make_client()
    r = _login(b, "gina", "wrong password!!")
    assert r.status_code == 400 and "do not match" in r.text
    assert _login(b, "gina").status_code == 303
    assert b.get("/my-data").status_code == 200
    assert post_form(b, "/logout").status_code == 303
    assert b.get("/my-data", follow_redirects=False).status_code == 303


def test_accounts_session_id_rotates_at_login_and_planted_cookie_stays_anonymous(make_client) -> None:
    owner = make_client()
    signup(owner, "hana")
    attacker = make_client()
    attacker.get("/login")  # the attacker obtains a valid anonymous session ...
    planted = attacker.cookies.get(SESSION_COOKIE)
    assert planted
    victim = make_client()
    for cookie in attacker.cookies.jar:  # ... and plants it in the victim's browser
        victim.cookies.jar.set_cookie(copy.copy(cookie))
    csrf = csrf_of(victim, "/login")
    r = victim.post(
        "/login", data={"csrf_token": csrf, "username": "hana", "password": PASSWORD}, follow_redirects=False
    )
    assert r.status_code == 303
    after = victim.cookies.get(SESSION_COOKIE)
    assert after and after != planted
    # The new session has a new id and a new CSRF token.
    old_csrf = csrf
    assert csrf_of(victim, "/read") != old_csrf
    # The planted cookie is still just an anonymous session: it reaches nothing private.
    assert attacker.get("/my-data", follow_redirects=False).status_code == 303
    assert victim.get("/my-data").status_code == 200


def test_accounts_tampered_cookie_is_ignored(make_client) -> None:
    c = make_client()
    signup(c, "ivan")
    value = c.cookies.get(SESSION_COOKIE)
    for cookie in c.cookies.jar:
        cookie.value = value[:-3] + ("AAA" if not value.endswith("AAA") else "BBB")
    assert c.get("/my-data", follow_redirects=False).status_code == 303


def test_accounts_login_is_rate_limited_per_account(_hermetic_home) -> None:
    app = make_app(_hermetic_home, login_max_failures_account=3)
    with TestClient(app) as c:
        signup(c, "jane")
        post_form(c, "/logout")
        for _ in range(3):
            assert _login(c, "jane", "not the password").status_code == 400
        r = _login(c, "jane")  # even the right password waits now
        assert r.status_code == 429
        assert "Too many sign-in attempts" in r.text and "minute" in r.text
        # Another account from the same address is still allowed (per-address limit is wider).
        other = TestClient(app)
        signup(other, "kate")
        post_form(other, "/logout")
        assert _login(other, "kate").status_code == 303
    app.state.web.data.close()


def test_accounts_login_is_rate_limited_per_address(_hermetic_home) -> None:
    app = make_app(_hermetic_home, login_max_failures_address=4)
    with TestClient(app) as c:
        for i in range(4):
            assert _login(c, f"nobody{i}", "whatever password").status_code == 400
        assert _login(c, "someone-else", "whatever password").status_code == 429
    app.state.web.data.close()


def test_accounts_next_redirect_stays_on_site(make_client) -> None:
    assert safe_next("/practice") == "/practice"
    for bad in (
        "https://evil.example/",
        "//evil.example",
        "/\\evil.example",
        "",
        None,
        "javascript:alert(1)",
    ):
        assert safe_next(bad) == "/"
    c = make_client()
    signup(c, "lena")
    post_form(c, "/logout")
    assert _login(c, "lena", next="//evil.example/x").headers["location"] == "/"
    assert _login(c, "lena", next="/together").headers["location"] == "/together"


def test_accounts_private_page_redirects_to_login_and_back(make_client) -> None:
    c = make_client()
    r = c.get("/progress", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login?next=%2Fprogress"
