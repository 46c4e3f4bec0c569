"""Basic accessibility of every page: one h1, a language, a skip link, the quick exit, and a label for every
form control (by `for=` or by wrapping)."""

from __future__ import annotations

from html.parser import HTMLParser

from fastapi.testclient import TestClient
from webtest_support import post_form, signup


class _Controls(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids_with_label: set[str] = set()
        self.controls: list[tuple[str, str | None, bool]] = []  # (tag, id, inside a label)
        self.label_depth = 0
        self.h1 = 0
        self.lang = None
        self.skip = False
        self.quick_exit = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "h1":
            self.h1 += 1
        if tag == "a" and a.get("class") == "skip":
            self.skip = True
        if tag == "a" and a.get("id") == "quick-exit":
            self.quick_exit = True
        if tag == "label":
            self.label_depth += 1
            if a.get("for"):
                self.ids_with_label.add(a["for"] or "")
        if tag in {"input", "textarea", "select"} and a.get("type") not in {"hidden", "submit"}:
            self.controls.append((tag, a.get("id"), self.label_depth > 0))

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.label_depth -= 1


def _check(html: str, where: str) -> int:
    p = _Controls()
    p.feed(html)
    assert p.lang == "en", where
    assert p.h1 == 1, f"{where}: {p.h1} h1 elements"
    assert p.skip and p.quick_exit, where
    for tag, ident, wrapped in p.controls:
        assert wrapped or (ident and ident in p.ids_with_label), f"{where}: <{tag} id={ident}> has no label"
    return len(p.controls)


def test_accessibility_label_check_catches_a_bare_control() -> None:
    page = '<html lang="en"><a class="skip"></a><a id="quick-exit"></a><h1>x</h1><input id="q" type="text"></html>'
    try:
        _check(page, "bad")
    except AssertionError as exc:
        assert "has no label" in str(exc)
    else:
        raise AssertionError("an unlabelled input was not caught")


def test_accessibility_every_page(make_client) -> None:
    anon = make_client()
    for path in ("/", "/read", "/respond", "/safety", "/login", "/signup", "/nowhere"):
        _check(anon.get(path).text, path)
    _check(post_form(anon, "/read", {"text": "You never listen"}).text, "POST /read")
    _check(
        post_form(
            anon, "/respond", {"message": "You never listen", "draft": "Sorry", "action": "review"}
        ).text,
        "POST /respond",
    )
    me: TestClient = make_client()
    signup(me, "ally")
    for path in (
        "/welcome",
        "/practice",
        "/progress",
        "/together",
        "/my-data",
        "/safety/check-in",
        "/progress/questionnaire/scs-sf",
        "/progress/questionnaire/csi-4",
    ):
        _check(me.get(path).text, path)
    loc = post_form(me, "/practice/self-compassion-break/start", page="/practice").headers["location"]
    _check(me.get(loc).text, "practice step")
    _check(post_form(me, "/together/invite", page="/together").text, "invite")
    assert _check(me.get("/progress/questionnaire/scs-sf").text, "scs") >= 12 * 5  # every answer is labelled
