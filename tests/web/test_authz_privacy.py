"""Authorization: private by default; a partner sees only what was shared or sent; another couple sees nothing;
safety check-ins are never visible and a risky one closes joint features without telling the partner why."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from webtest_support import post_form, signup

from heartwork.store import journal, users


def _uid(app, name: str) -> int:
    with app.state.web.data.session(write=False) as s:
        return users.get_user_by_username(s, name).id


def _entry(app, name: str, title: str, body: str, **kw) -> int:
    with app.state.web.data.session() as s:
        return journal.add_entry(
            s, _uid(app, name), kw.pop("kind", "letter"), title=title, body=body, **kw
        ).id


def _pair(a: TestClient, b: TestClient) -> None:
    r = post_form(a, "/together/invite", page="/together")
    code = re.search(r'id="invite-code">([^<]+)<', r.text).group(1)
    assert post_form(b, "/together/join", {"code": code}, page="/together").status_code == 303


@pytest.fixture
def couples(app, make_client):
    """alice+bob are paired; carol+dave are another couple; eve is alone."""
    clients = {}
    for name in ("alice", "bob", "carol", "dave", "eve"):
        clients[name] = make_client()
        signup(clients[name], name, display_name=name.title())
    _pair(clients["alice"], clients["bob"])
    _pair(clients["carol"], clients["dave"])
    return clients


def test_authz_partner_cannot_read_private_entries_but_can_read_shared(app, couples) -> None:
    private = _entry(app, "alice", "Private letter", "secret words only for me")
    shared = _entry(app, "alice", "Shared letter", "words for both of us", shared=True)
    bob = couples["bob"]
    r = bob.get(f"/entries/{private}")
    assert r.status_code == 404 and "secret words" not in r.text
    r = bob.get(f"/entries/{shared}")
    assert r.status_code == 200 and "words for both of us" in r.text
    together = bob.get("/together").text
    assert "Shared letter" in together and "Private letter" not in together
    # Alice sees both of hers.
    assert couples["alice"].get(f"/entries/{private}").status_code == 200


def test_authz_partner_cannot_share_or_unshare_someone_elses_entry(app, couples) -> None:
    private = _entry(app, "alice", "Mine", "not yours")
    r = post_form(couples["bob"], f"/entries/{private}/share", {"shared": "1"}, page="/together")
    assert r.status_code == 404
    with app.state.web.data.session(write=False) as s:
        assert journal.get_entry(s, private).shared is False


def test_authz_other_couple_reads_nothing(app, couples) -> None:
    shared = _entry(app, "alice", "Shared letter", "for bob only", shared=True)
    a = couples["alice"]
    cloc = post_form(a, "/together/repair", {"title": "our talk"}, page="/together").headers["location"]
    post_form(a, cloc + "/draft", {"draft": "I'm sorry I was late.", "turn": "0"}, page=cloc)
    for outsider in ("carol", "dave", "eve"):
        c = couples[outsider]
        r = c.get(f"/entries/{shared}")
        assert r.status_code == 404 and "for bob only" not in r.text
        r = c.get(cloc)
        assert r.status_code == 404 and "our talk" not in r.text and "sorry I was late" not in r.text
        for action in ("draft", "send", "stage"):
            r = post_form(
                c,
                f"{cloc}/{action}",
                {"draft": "x", "text": "x", "turn": "1", "stage": "amends"},
                page="/read",
            )
            assert r.status_code == 404, (outsider, action, r.status_code)
        assert "our talk" not in c.get("/together").text


def test_authz_repair_drafts_are_private_until_sent(app, couples) -> None:
    a, b = couples["alice"], couples["bob"]
    cloc = post_form(a, "/together/repair", {"title": "the dishes"}, page="/together").headers["location"]
    post_form(a, cloc + "/draft", {"draft": "raw angry draft words", "turn": "0"}, page=cloc)
    page = a.get(cloc).text
    assert "raw angry draft words" in page
    assert "raw angry draft words" not in b.get(cloc).text
    turn = re.search(r'name="turn" value="(\d+)"', page).group(1)
    post_form(a, cloc + "/send", {"text": "I'm sorry I left the dishes.", "turn": turn}, page=cloc)
    bob_view = b.get(cloc).text
    assert "I&#39;m sorry I left the dishes." in bob_view and "raw angry draft words" not in bob_view
    # Bob cannot send Alice's draft as her.
    post_form(a, cloc + "/draft", {"draft": "second draft", "turn": "0"}, page=cloc)
    t2 = re.search(r'name="turn" value="(\d+)"', a.get(cloc).text).group(1)
    r = post_form(b, cloc + "/send", {"text": "forged", "turn": t2}, page=cloc)
    assert r.status_code == 404
    assert "forged" not in a.get(cloc).text


def test_authz_unpair_ends_visibility(app, couples) -> None:
    shared = _entry(app, "alice", "Shared letter", "was shared", shared=True)
    assert couples["bob"].get(f"/entries/{shared}").status_code == 200
    post_form(couples["alice"], "/together/unpair", page="/together")
    assert couples["bob"].get(f"/entries/{shared}").status_code == 404
    assert "You are paired with" not in couples["bob"].get("/together").text


def test_authz_safety_checkin_never_shown_and_closes_repair_neutrally(app, couples) -> None:
    a, b = couples["alice"], couples["bob"]
    r = post_form(a, "/safety/check-in", {"fear": "yes", "control": "sometimes"}, page="/safety/check-in")
    assert r.status_code == 200 and "may not be safe" in r.text
    with app.state.web.data.session(write=False) as s:
        checkin = journal.list_entries(s, _uid(app, "alice"), kind="safety_checkin")[0].id
    assert b.get(f"/entries/{checkin}").status_code == 404
    # Sharing a safety entry is impossible.
    post_form(a, f"/entries/{checkin}/share", {"shared": "1"}, page="/together")
    with app.state.web.data.session(write=False) as s:
        assert journal.get_entry(s, checkin).shared is False
    alice_page = a.get("/together").text
    assert "Individual support" in alice_page and "/safety" in alice_page
    bob_page = b.get("/together").text
    assert "paused for now" in bob_page
    assert "check-in" not in bob_page.lower() and "Check-in" not in bob_page
    # Neither can start a repair conversation now.
    post_form(b, "/together/repair", {"title": "talk"}, page="/together")
    assert "/together/repair/" not in b.get("/together").text


def test_authz_questionnaire_revealed_only_when_both_answered_and_agreed(app, couples) -> None:
    a, b = couples["alice"], couples["bob"]

    def answer(c: TestClient, consent: bool) -> None:
        data = {f"item{i}": "3" for i in range(1, 5)}
        if consent:
            data["share_consent"] = "1"
        r = post_form(c, "/progress/questionnaire/csi-4", data, page="/progress/questionnaire/csi-4")
        assert r.status_code == 303

    answer(a, consent=True)
    assert "partner's latest total" not in b.get("/together").text  # bob has not answered
    answer(b, consent=False)
    assert "partner's latest total" not in b.get("/together").text  # bob did not agree
    assert "partner's latest total" not in a.get("/together").text
    answer(b, consent=True)
    assert "partner's latest total is 12.0" in b.get("/together").text
    assert "partner's latest total is 12.0" in a.get("/together").text
    # The other couple sees none of it.
    assert "latest total" not in couples["carol"].get("/together").text


def test_authz_practice_runs_are_private(app, couples) -> None:
    a = couples["alice"]
    loc = post_form(a, "/practice/self-compassion-break/start", page="/practice").headers["location"]
    assert a.get(loc).status_code == 200
    for other in ("bob", "carol"):
        r = couples[other].get(loc)
        assert r.status_code in (403, 404)
        r = post_form(couples[other], loc, {"step_index": "0"}, page="/practice")
        assert r.status_code in (403, 404)


def test_authz_export_contains_only_my_data(app, couples) -> None:
    _entry(app, "alice", "Alice letter", "alice words")
    _entry(app, "bob", "Bob letter", "bob words", shared=True)
    r = post_form(couples["alice"], "/my-data/export", page="/my-data")
    assert r.status_code == 200 and r.headers["content-disposition"].startswith("attachment")
    data = r.json()
    assert data["account"]["username"] == "alice"
    text = r.text
    assert "alice words" in text and "bob words" not in text


def test_authz_delete_account_removes_everything(app, couples) -> None:
    _entry(app, "eve", "Eve letter", "eve words")
    e = couples["eve"]
    r = post_form(
        e, "/my-data/delete", {"confirm": "delete everything", "password": "wrong"}, page="/my-data"
    )
    assert r.status_code == 400
    r = post_form(
        e,
        "/my-data/delete",
        {"confirm": "delete everything", "password": "a calm long password"},
        page="/my-data",
    )
    assert r.status_code == 200 and "deleted" in r.text
    with app.state.web.data.session(write=False) as s:
        assert users.get_user_by_username(s, "eve") is None
        from sqlalchemy import select

        from heartwork.store.models import JournalEntry

        assert not list(s.scalars(select(JournalEntry).where(JournalEntry.body == "eve words")))
    assert e.get("/my-data", follow_redirects=False).status_code == 303


def test_safety_checkin_pauses_partner_facing_practices_only(app, couples) -> None:
    a = couples["alice"]
    post_form(a, "/safety/check-in", {"harm": "yes"}, page="/safety/check-in")
    r = post_form(a, "/practice/own-my-part/start", page="/practice")
    assert r.status_code == 409 and "not your fault" in r.text
    r = post_form(a, "/practice/self-compassion-break/start", page="/practice")
    assert r.status_code == 303  # self-directed care stays open
    # Bob's practices are unaffected by Alice's private check-in.
    assert post_form(couples["bob"], "/practice/own-my-part/start", page="/practice").status_code == 303
