"""The JSON API against its own OpenAPI schema (schemathesis, property-based), plus a hypothesis fuzz of the forms.

No input may crash the server (5xx) or produce a response that does not match the documented schema.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from webtest_support import csrf_of, make_app

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is in the dev extra")

# One app for the whole module, on its own temp data directory (the schema is loaded at import time).
_HOME = Path(tempfile.mkdtemp(prefix="heartwork-api-"))
APP = make_app(_HOME)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


def test_api_schema_documents_the_three_endpoints() -> None:
    with TestClient(APP) as c:
        doc = c.get("/openapi.json").json()
    assert {"/api/analyze", "/api/respond", "/api/review"} <= set(doc["paths"])
    for path in ("/api/analyze", "/api/respond", "/api/review"):
        op = doc["paths"][path]["post"]
        assert "200" in op["responses"] and "422" in op["responses"]


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case) -> None:
    excluded = []
    if case.path == "/api/review":
        # Known coach bug (see test_api_review_of_very_short_texts): some schema-valid short texts are refused
        # with a 422. Every other check (no 5xx, response shapes, status codes documented) still runs here.
        excluded = [schemathesis.checks.positive_data_acceptance]
    case.call_and_validate(excluded_checks=excluded)


def test_api_review_of_very_short_texts() -> None:
    with TestClient(APP) as c:
        r = c.post("/api/review", json={"to": "0", "draft": "I"})
    assert r.status_code == 200


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.text(max_size=400))
def test_api_analyze_fuzz_never_fails_on_text(text: str) -> None:
    with TestClient(APP, raise_server_exceptions=False) as c:
        r = c.post("/api/analyze", json={"text": text})
    if text.strip():
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["text"] == text
        for p in body["patterns"]:
            assert 0 <= p["start"] <= p["end"] <= len(text)
    else:
        assert r.status_code == 422
        assert "empty" in r.text


FORMS = [
    ("/read", "/read", ["text"]),
    ("/respond", "/respond", ["message", "my_part", "draft"]),
    ("/signup", "/signup", ["username", "display_name", "password", "confirm"]),
    ("/login", "/login", ["username", "password", "next"]),
]


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(form=st.sampled_from(FORMS), values=st.lists(st.text(max_size=300), min_size=4, max_size=4))
def test_forms_fuzz_never_crash(form, values) -> None:
    path, page, fields = form
    with TestClient(APP, raise_server_exceptions=False) as c:
        data = {"csrf_token": csrf_of(c, page), **dict(zip(fields, values, strict=False))}
        if path == "/respond":
            data["action"] = "review"
        r = c.post(path, data=data, follow_redirects=False)
    assert r.status_code < 500, (path, r.status_code, r.text[:300])


_SIGNED_IN: dict[str, object] = {}


def _signed_in_client() -> TestClient:
    """One signed-in client (with a started practice and a repair conversation) reused by the fuzz examples."""
    if "client" not in _SIGNED_IN:
        import re

        from webtest_support import post_form, signup

        a, b = TestClient(APP, raise_server_exceptions=False), TestClient(APP, raise_server_exceptions=False)
        signup(a, "fuzz-a")
        signup(b, "fuzz-b")
        code = re.search(
            r'id="invite-code">([^<]+)<', post_form(a, "/together/invite", page="/together").text
        )
        post_form(b, "/together/join", {"code": code.group(1)}, page="/together")
        _SIGNED_IN["practice"] = post_form(a, "/practice/soothing-touch/start", page="/practice").headers[
            "location"
        ]
        _SIGNED_IN["repair"] = post_form(a, "/together/repair", {"title": "t"}, page="/together").headers[
            "location"
        ]
        _SIGNED_IN["client"] = a
    return _SIGNED_IN["client"]  # type: ignore[return-value]


SIGNED_IN_FORMS = [
    ("{practice}", ["answer", "choice", "action", "step_index"]),
    ("{repair}/draft", ["draft", "turn", "x", "y"]),
    ("{repair}/send", ["text", "turn", "x", "y"]),
    ("{repair}/stage", ["stage", "x", "y", "z"]),
    ("/progress/choice", ["choice", "note", "x", "y"]),
    ("/progress/questionnaire/csi-4", ["item1", "item2", "item3", "item4"]),
    ("/together/join", ["code", "x", "y", "z"]),
    ("/safety/check-in", ["fear", "harm", "control", "safe_now"]),
    ("/entries/1/share", ["shared", "x", "y", "z"]),
    ("/my-data/delete", ["confirm", "password", "x", "y"]),
]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(form=st.sampled_from(SIGNED_IN_FORMS), values=st.lists(st.text(max_size=200), min_size=4, max_size=4))
def test_signed_in_forms_fuzz_never_crash(form, values) -> None:
    c = _signed_in_client()
    path = form[0].format(practice=_SIGNED_IN["practice"], repair=_SIGNED_IN["repair"])
    data = {"csrf_token": csrf_of(c, "/read"), **dict(zip(form[1], values, strict=False))}
    r = c.post(path, data=data, follow_redirects=False)
    assert r.status_code < 500, (path, r.status_code, r.text[:300])
