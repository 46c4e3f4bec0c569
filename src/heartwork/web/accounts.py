"""Sign up, sign in, sign out. Passwords are hashed with argon2id; sessions rotate at sign-in and sign-out."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from heartwork.web.deps import check_csrf, current_user, public, render, session, web
from heartwork.web.security import Passwords

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)

USERNAME_RE = re.compile(r"^[A-Za-z0-9._-]{3,40}$")


def safe_next(target: str | None) -> str:
    """Only same-site paths: '/practice' yes; '//evil.example', 'https://...' and '/\\evil' no."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _sign_in(request: Request, uid: int) -> None:
    s = session(request)
    s.rotate()  # new session id and CSRF token: a session planted before sign-in is worthless
    s["uid"] = uid
    request.state._state.pop("viewer", None)


@router.get("/signup")
@public
def signup_form(request: Request) -> Response:
    if current_user(request):
        return RedirectResponse("/", status_code=303)
    return render(request, "signup.html", errors=[], username="", display_name="")


@router.post("/signup")
@public
def signup(
    request: Request,
    username: Annotated[str, Form(max_length=200)] = "",
    display_name: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    confirm: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    from heartwork.store.errors import StoreError

    w = web(request)
    username = username.strip()
    display_name = " ".join(display_name.split())[:80]
    errors = []
    if not USERNAME_RE.match(username):
        errors.append("Choose a username of 3–40 characters: letters, digits, dot, dash or underscore.")
    if len(password) < Passwords.MIN_LENGTH:
        errors.append(
            f"Choose a password of at least {Passwords.MIN_LENGTH} characters (a short sentence works well)."
        )
    elif password != confirm:
        errors.append("The two passwords are different; type the same password twice.")
    if not errors:
        try:
            viewer = w.data.create_account(username, w.passwords.hash(password), display_name or username)
        except StoreError:
            errors.append("That username is taken; please choose another.")
        else:
            _sign_in(request, viewer.id)
            return RedirectResponse("/welcome", status_code=303)
    return render(
        request, "signup.html", status=400, errors=errors, username=username, display_name=display_name
    )


@router.get("/login")
@public
def login_form(request: Request, next: str = "/") -> Response:
    return render(request, "login.html", error=None, username="", next=safe_next(next))


@router.post("/login")
@public
def login(
    request: Request,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    w = web(request)
    username = username.strip()
    address = request.client.host if request.client else "unknown"
    wait = w.limiter.retry_after(username, address)
    if wait:
        minutes = max(1, round(wait / 60))
        return render(
            request,
            "login.html",
            status=429,
            username=username,
            next=safe_next(next),
            error=f"Too many sign-in attempts. Please wait about {minutes} minute"
            f"{'s' if minutes != 1 else ''} and try again.",
        )
    found = w.data.password_hash(username)
    if not w.passwords.verify(found[1] if found else None, password) or found is None:
        w.limiter.failed(username, address)
        return render(
            request,
            "login.html",
            status=400,
            username=username,
            next=safe_next(next),
            error="That username and password do not match. Check them and try again.",
        )
    uid, stored = found
    w.limiter.succeeded(username)
    if w.passwords.needs_rehash(stored):
        w.data.set_password_hash(uid, w.passwords.hash(password))
    _sign_in(request, uid)
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout")
@public
def logout(request: Request) -> Response:
    session(request).rotate()
    return RedirectResponse("/", status_code=303)
