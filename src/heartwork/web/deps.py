"""Request helpers shared by the routes: the session, the signed-in user, CSRF checks, page rendering.

Every route is either public (decorated with :func:`public`) or depends on :func:`require_user`; a test
walks the route table to make sure nothing is left in between.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from fastapi import Request
from fastapi.responses import HTMLResponse

from heartwork.web.security import CSRF_FIELD, CSRF_HEADER, Session, csrf_ok

if TYPE_CHECKING:
    from heartwork.web.app import Web

F = TypeVar("F", bound=Callable[..., Any])
PUBLIC_ATTR = "__heartwork_public__"


def public(fn: F) -> F:
    """Mark a route as deliberately reachable without signing in."""
    setattr(fn, PUBLIC_ATTR, True)
    return fn


class LoginRequired(Exception):
    """Raised by require_user; pages redirect to sign-in, the API answers 401."""


class CSRFError(Exception):
    """A form arrived without this session's CSRF token."""


class Problem(Exception):
    """A user mistake or refused action: shown as a calm page with the message and a way back."""

    def __init__(self, message: str, status: int = 400, back: str = "/") -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.back = back


@dataclass(frozen=True)
class Viewer:
    """The signed-in person as the pages see them."""

    id: int
    email: str
    name: str


def web(request: Request) -> Web:
    return request.app.state.web


def session(request: Request) -> Session:
    return request.scope["session"]


def current_user(request: Request) -> Viewer | None:
    if "viewer" in request.state._state:
        return request.state.viewer
    uid = session(request).get("uid")
    viewer = web(request).data.viewer(int(uid)) if uid is not None else None
    if uid is not None and viewer is None:  # the account was deleted: drop the stale sign-in
        session(request).rotate()
    request.state.viewer = viewer
    return viewer


def require_user(request: Request) -> Viewer:
    viewer = current_user(request)
    if viewer is None:
        raise LoginRequired()
    return viewer


async def check_csrf(request: Request) -> None:
    """Every state-changing form carries the session's CSRF token (hidden field or X-CSRF-Token header).

    Form text holding a NUL character is refused here with a clear message: no database text column can store
    it (PostgreSQL rejects it outright), and it is never part of real writing.
    """
    if request.method in {"GET", "HEAD", "OPTIONS"}:
        return
    token = request.headers.get(CSRF_HEADER)
    form = None
    ctype = request.headers.get("content-type", "")
    if ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
    if not token and form is not None:
        value = form.get(CSRF_FIELD)
        token = value if isinstance(value, str) else None
    if not csrf_ok(session(request), token):
        raise CSRFError()
    if form is not None and any(isinstance(v, str) and "\x00" in v for v in form.values()):
        raise Problem(
            "The text contains an invisible NUL character (\\0), which cannot be saved. "
            "Remove it (retyping the text works) and send again. Nothing was changed.",
            back=back_for(request.url.path),
        )


_ACTION_SUFFIXES = ("/draft", "/send", "/stage", "/share")
_BACK = {
    "/together/repair": "/together",
    "/together/invite": "/together",
    "/together/join": "/together",
    "/together/unpair": "/together",
    "/my-data/export": "/my-data",
    "/my-data/delete": "/my-data",
    "/progress/choice": "/progress",
    "/logout": "/",
}


def back_for(path: str) -> str:
    """A page to go back to after a refused form post (the post's own path may have no page)."""
    for suffix in _ACTION_SUFFIXES:
        if path.endswith(suffix):
            return path[: -len(suffix)]
    if path.startswith("/practice/") and path.endswith("/start"):
        return "/practice"
    return _BACK.get(path, path)


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    w = web(request)
    ctx = {
        "request": request,
        "viewer": current_user(request),
        "csrf_token": session(request).csrf,
        "quick_exit_url": w.config.quick_exit_url,
        "path": request.url.path,
        **context,
    }
    html = w.templates.get_template(template).render(ctx)
    return HTMLResponse(html, status_code=status)
