"""Walk the route table: every route is either explicitly public or needs a signed-in user; every form POST
checks the CSRF token; the JSON API accepts only JSON."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from webtest_support import csrf_of, signup

from heartwork.web.deps import PUBLIC_ATTR, require_user

# The deliberately public surface (no account needed): reading, coaching, safety, signing in.
EXPECTED_PUBLIC = {
    ("GET", "/"),
    ("GET", "/read"),
    ("POST", "/read"),
    ("GET", "/respond"),
    ("POST", "/respond"),
    ("GET", "/safety"),
    ("GET", "/healthz"),
    ("GET", "/signup"),
    ("POST", "/signup"),
    ("GET", "/login"),
    ("POST", "/login"),
    ("POST", "/logout"),
    ("POST", "/api/analyze"),
    ("POST", "/api/respond"),
    ("POST", "/api/review"),
}


def _needs_user(route: APIRoute) -> bool:
    stack = [route.dependant]
    while stack:
        dep = stack.pop()
        if dep.call is require_user:
            return True
        stack.extend(dep.dependencies)
    return False


def _flatten(routes, prefix: str = "") -> list[tuple[str, APIRoute]]:
    """APIRoutes with their full paths; FastAPI may keep included routers as wrappers around the original."""
    out = []
    for r in routes:
        if isinstance(r, APIRoute):
            out.append((prefix + r.path, r))
        elif hasattr(r, "original_router"):
            ctx = getattr(r, "include_context", None)
            out.extend(_flatten(r.original_router.routes, prefix + (getattr(ctx, "prefix", "") or "")))
        elif hasattr(r, "routes") and not hasattr(r, "endpoint") and r.__class__.__name__ != "Mount":
            out.extend(_flatten(r.routes, prefix))
    return out


def _routes(app) -> list[tuple[str, str, APIRoute]]:
    out = []
    for path, r in _flatten(app.routes):
        for m in sorted(r.methods):
            out.append((m, path, r))
    return out


def test_routes_table_covers_every_route_in_the_app(app) -> None:
    # Everything the app answers besides our API routes: the OpenAPI schema and the static files.
    others = sorted(getattr(r, "path", "") for r in app.routes if not hasattr(r, "original_router"))
    assert others == ["/openapi.json", "/static"], others
    assert ("POST", "/api/analyze") in {(m, p) for m, p, _ in _routes(app)}


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path).replace(
        "/practice/1/start", "/practice/self-compassion-break/start"
    )


def test_routes_every_route_is_public_or_requires_a_user(app) -> None:
    routes = _routes(app)
    assert len(routes) > 20
    public = set()
    for method, path, route in routes:
        is_public = getattr(route.endpoint, PUBLIC_ATTR, False)
        assert is_public != _needs_user(route), (
            f"{method} {path}: must be either @public or depend on require_user"
        )
        if is_public:
            public.add((method, path))
    assert public == EXPECTED_PUBLIC


def test_routes_anonymous_requests_to_private_routes_are_refused(app, client: TestClient) -> None:
    token = csrf_of(client)
    checked = 0
    for method, path, route in _routes(app):
        if getattr(route.endpoint, PUBLIC_ATTR, False):
            continue
        url = _concrete(path)
        if method == "GET":
            r = client.get(url, follow_redirects=False)
        else:
            r = client.post(url, data={"csrf_token": token}, follow_redirects=False)
        assert r.status_code == 303, (method, path, r.status_code)
        assert r.headers["location"].startswith("/login?next="), (method, path)
        checked += 1
    assert checked >= 15


def test_routes_every_form_post_without_csrf_token_is_refused(app, client: TestClient) -> None:
    signup(client, "carol")
    for method, path, _route in _routes(app):
        if method != "POST" or path.startswith("/api/"):
            continue
        r = client.post(_concrete(path), data={"text": "hello"}, follow_redirects=False)
        assert r.status_code == 403, (path, r.status_code)
        r = client.post(
            _concrete(path), data={"text": "hello", "csrf_token": "forged"}, follow_redirects=False
        )
        assert r.status_code == 403, (path, r.status_code)
    # The user is still signed in and nothing was changed by the refused posts.
    assert "carol" in client.get("/my-data").text


@pytest.mark.parametrize("path", ["/api/analyze", "/api/respond", "/api/review"])
def test_routes_api_accepts_only_json(client: TestClient, path: str) -> None:
    # A cross-site HTML form can send text/plain or urlencoded bodies, never application/json.
    r = client.post(
        path,
        content=b'{"text": "hi", "message": "hi", "to": "hi", "draft": "hi"}',
        headers={"content-type": "text/plain"},
    )
    assert r.status_code == 415
    assert "application/json" in r.json()["detail"]


def test_routes_unknown_page_is_a_calm_404(client: TestClient) -> None:
    r = client.get("/no-such-page")
    assert r.status_code == 404
    assert "Page not found" in r.text and "Quick exit" in r.text
