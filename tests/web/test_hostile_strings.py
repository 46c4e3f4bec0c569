"""Hostile strings (script tags, SQL-looking text, template syntax, bidi overrides) are shown as plain text on
every page that echoes user text, and stored/returned unchanged."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from webtest_support import post_form, signup

SCRIPT = '<script>alert("owned")</script>'
ATTR = '"><img src=x onerror=alert(1)>'
SQL = "Robert'); DROP TABLE users; --"
TEMPLATE = "{{ 7*7 }} {% if 1 %}x{% endif %}"
RTL = "I am fine \u202etxt.exe\u202c really"
HOSTILE = [SCRIPT, ATTR, SQL, TEMPLATE, RTL]
DANGEROUS = ["<script>alert", "<img src=x", "<img src=x onerror"]


def _assert_safe(html: str, where: str) -> None:
    for bad in DANGEROUS:
        assert bad not in html, f"{where}: unescaped {bad!r}"
    assert ">49<" not in html and " 49 " not in html, f"{where}: template syntax was evaluated"
    # Our own scripts are the only scripts on the page.
    for m in re.finditer(r"<script\b[^>]*>", html):
        assert re.search(r'src="/static/[a-z-]+\.js"', m.group(0)), f"{where}: unexpected {m.group(0)}"


class _BidiChecker(HTMLParser):
    """Tracks open elements; every text run holding a bidi override must sit inside an isolating element."""

    VOID = {"input", "meta", "link", "br", "img", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if any("\u202e" in (v or "") for _, v in attrs) and tag not in {"input", "textarea"}:
            self.bad.append(f"attribute of <{tag}>")
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs).get("class") or ""))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if "\u202e" in data and not any(
            t in {"bdi", "textarea", "title"} or "user-text" in c.split() for t, c in self.stack
        ):
            self.bad.append(" > ".join(t for t, _ in self.stack))


def _assert_rtl_isolated(html: str, where: str) -> None:
    """The bidi override only ever appears inside an element that isolates it (bdi, .user-text, a form field)."""
    checker = _BidiChecker()
    checker.feed(html)
    assert not checker.bad, f"{where}: bidi override outside an isolating element: {checker.bad}"


@pytest.mark.parametrize("text", HOSTILE, ids=["script", "attr", "sql", "template", "rtl"])
def test_hostile_read_and_respond_pages(client: TestClient, text: str) -> None:
    r = post_form(client, "/read", {"text": "You never listen. " + text})
    assert r.status_code == 200
    _assert_safe(r.text, "/read")
    _assert_rtl_isolated(r.text, "/read")
    r = post_form(
        client, "/respond", {"message": "You never listen. " + text, "draft": text, "action": "review"}
    )
    assert r.status_code == 200
    _assert_safe(r.text, "/respond")
    _assert_rtl_isolated(r.text, "/respond")


@pytest.mark.parametrize("text", HOSTILE, ids=["script", "attr", "sql", "template", "rtl"])
def test_hostile_api_returns_text_unchanged(client: TestClient, text: str) -> None:
    r = client.post("/api/analyze", json={"text": text})
    assert r.status_code == 200
    assert r.json()["text"] == text
    assert r.headers["content-type"].startswith("application/json")


def test_hostile_names_titles_answers_and_messages_on_signed_in_pages(make_client, app) -> None:
    a, b = make_client(), make_client()
    signup(a, "mallory", display_name=SCRIPT + RTL)
    signup(b, "trent", display_name=ATTR + SQL)
    r = post_form(a, "/together/invite", page="/together")
    code = re.search(r'id="invite-code">([^<]+)<', r.text).group(1)
    post_form(b, "/together/join", {"code": code}, page="/together")
    cloc = post_form(a, "/together/repair", {"title": TEMPLATE + SCRIPT}, page="/together").headers[
        "location"
    ]
    hostile = " ".join(HOSTILE)
    post_form(a, cloc + "/draft", {"draft": "I'm sorry I was late. " + hostile, "turn": "0"}, page=cloc)
    turn = re.search(r'name="turn" value="(\d+)"', a.get(cloc).text).group(1)
    post_form(a, cloc + "/send", {"text": "I'm sorry I was late. " + hostile, "turn": turn}, page=cloc)
    # A practice with hostile answers, finished so the transcript is echoed.
    loc = post_form(a, "/practice/self-compassion-break/start", page="/practice").headers["location"]
    for _ in range(30):
        page = a.get(loc).text
        if "step_index" not in page:
            break
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        idx = re.search(r'name="step_index" value="(\d+)"', page).group(1)
        data = {"csrf_token": token, "step_index": idx}
        if 'type="radio" name="answer"' in page:
            data["answer"] = "4"
        elif 'name="choice"' in page:
            data["choice"] = re.search(r'name="choice" value="([^"]+)"', page).group(1)
        elif 'name="answer"' in page:
            data["answer"] = hostile
        a.post(loc, data=data, follow_redirects=False)
    entry = loc.rsplit("/", 1)[1]  # the practice run is a journal entry: share it so the partner sees it too
    post_form(a, f"/entries/{entry}/share", {"shared": "1"}, page="/my-data")
    pages = {
        "entry-owner": a.get(f"/entries/{entry}").text,
        "entry-partner": b.get(f"/entries/{entry}").text,
        "welcome": a.get("/welcome").text,
        "together-a": a.get("/together").text,
        "together-b": b.get("/together").text,
        "repair-a": a.get(cloc).text,
        "repair-b": b.get(cloc).text,
        "practice-done": a.get(loc).text,
        "practice-list": a.get("/practice").text,
        "my-data": a.get("/my-data").text,
        "progress": a.get("/progress").text,
    }
    for where, html in pages.items():
        _assert_safe(html, where)
        _assert_rtl_isolated(html, where)
    assert "&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt;" in pages["repair-b"]
    assert (
        "Robert&#39;); DROP TABLE users; --" in pages["together-a"]
    )  # partner's display name, shown literally
    assert "{{ 7*7 }}" in pages["repair-a"]
    assert "&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt;" in pages["entry-partner"]
    # The SQL-looking text did nothing to the database.
    from heartwork.store import users

    with app.state.web.data.session(write=False) as s:
        assert {u.username for u in users.list_users(s)} >= {"mallory", "trent"}


def test_hostile_nul_character_gets_a_clear_refusal(make_client) -> None:
    c = make_client()
    signup(c, "nul-user")
    r = post_form(c, "/progress/choice", {"choice": "compassion", "note": "a\x00b"}, page="/progress")
    assert r.status_code == 400 and "NUL character" in r.text and 'href="/progress"' in r.text
    assert "a\x00b" not in c.get("/progress").text
