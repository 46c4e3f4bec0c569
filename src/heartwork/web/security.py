"""Web security: response headers, signed session cookies, CSRF tokens, login rate limiting, passwords.

Sessions are stateless signed cookies (itsdangerous): the app keeps no session table, so several workers can
serve one database. The cookie holds a random session id, the user id (once signed in) and the CSRF token;
signing in or out issues a brand-new session id and CSRF token, so a session id planted before sign-in is
useless afterwards (session fixation). Cookies are HttpOnly, SameSite=Lax, and Secure when the request came
over https (or HEARTWORK_WEB_HTTPS=1 behind a TLS-terminating proxy).
"""

from __future__ import annotations

import hmac
import json
import secrets
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SESSION_COOKIE = "hw_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"

# Content Security Policy: scripts and styles only from this app (no inline scripts, no inline styles, no
# eval), no plugins, no framing, forms post only to this app, no <base> rewriting.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]


class SecurityHeadersMiddleware:
    """Adds the security headers to every response; HTML pages are also never cached (private words)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_static = scope.get("path", "").startswith("/static/")

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers.extend(h for h in SECURITY_HEADERS if h[0] not in present)
                if not is_static and b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                if scope.get("scheme") == "https":
                    headers.append((b"strict-transport-security", b"max-age=31536000"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_wrapper)


class Session(dict[str, Any]):
    """The session dict; ``rotate()`` gives it a new id and CSRF token (call at sign-in and sign-out)."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        super().__init__(data or {})
        self.modified = False
        self.new = "sid" not in self
        if self.new:
            self.rotate(keep_user=False)
            self.modified = False  # a new session is only sent once something reads or writes it

    def rotate(self, keep_user: bool = False) -> None:
        uid = self.get("uid") if keep_user else None
        self.clear()
        self["sid"] = secrets.token_urlsafe(18)
        self["csrf"] = secrets.token_urlsafe(24)
        if uid is not None:
            self["uid"] = uid
        self.modified = True

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        self.modified = True

    def __delitem__(self, key: str) -> None:
        super().__delitem__(key)
        self.modified = True

    @property
    def csrf(self) -> str:
        if self.new:
            self.modified = True  # a page showed this token in a form: the browser must keep it
        return str(self["csrf"])


class SessionMiddleware:
    """Loads the signed session cookie into ``scope['session']`` and writes it back when it changed."""

    def __init__(self, app: ASGIApp, secret_key: str, max_age: int, force_secure: bool = False) -> None:
        self.app = app
        self.serializer = URLSafeTimedSerializer(secret_key, salt="heartwork-session")
        self.max_age = max_age
        self.force_secure = force_secure

    def _load(self, scope: Scope) -> tuple[Session, bool]:
        raw = None
        for k, v in scope.get("headers", []):
            if k == b"cookie":
                for part in v.decode("latin-1").split(";"):
                    name, _, value = part.strip().partition("=")
                    if name == SESSION_COOKIE:
                        raw = value
        if raw:
            try:
                data = self.serializer.loads(raw, max_age=self.max_age)
                if isinstance(data, dict) and "sid" in data and "csrf" in data:
                    return Session(data), True
            except (BadSignature, ValueError, json.JSONDecodeError):
                pass
        return Session(), False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path", "").startswith("/static/"):
            await self.app(scope, receive, send)
            return
        session, had_cookie = self._load(scope)
        scope["session"] = session
        secure = self.force_secure or scope.get("scheme") == "https"

        async def send_wrapper(message: Message) -> None:
            # Write on change, and re-sign on every signed-in response (a sliding expiry).
            if message["type"] == "http.response.start" and (
                session.modified or (had_cookie and session.get("uid"))
            ):
                value = self.serializer.dumps(dict(session))
                cookie = f"{SESSION_COOKIE}={value}; Path=/; Max-Age={self.max_age}; HttpOnly; SameSite=Lax"
                if secure:
                    cookie += "; Secure"
                headers = list(message.get("headers", []))
                headers.append((b"set-cookie", cookie.encode("latin-1")))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_wrapper)


def csrf_ok(session: Session, token: str | None) -> bool:
    return bool(token) and hmac.compare_digest(str(token), session.csrf)


class LoginLimiter:
    """Counts failed sign-ins per account and per client address in a sliding window (in this process).

    A deployment with several workers multiplies the allowance by the number of workers; see docs/web.md.
    """

    def __init__(self, per_account: int, per_address: int, window: float) -> None:
        self.per_account = per_account
        self.per_address = per_address
        self.window = window
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._failures.setdefault(key, deque())
        while q and q[0] <= now - self.window:
            q.popleft()
        return q

    def retry_after(self, account: str, address: str) -> int:
        """Seconds to wait before another try is allowed (0 = allowed now)."""
        now = time.monotonic()
        with self._lock:
            waits = []
            for key, limit in (
                (f"a:{account.lower()}", self.per_account),
                (f"i:{address}", self.per_address),
            ):
                q = self._recent(key, now)
                if len(q) >= limit:
                    waits.append(int(q[0] + self.window - now) + 1)
            return max(waits, default=0)

    def failed(self, account: str, address: str) -> None:
        now = time.monotonic()
        with self._lock:
            if len(self._failures) > 100_000:  # bound memory under a flood of made-up names
                self._failures.clear()
            for key in (f"a:{account.lower()}", f"i:{address}"):
                self._recent(key, now).append(now)

    def succeeded(self, account: str) -> None:
        with self._lock:
            self._failures.pop(f"a:{account.lower()}", None)


class Passwords:
    """argon2id hashing (argon2-cffi's RFC 9106 low-memory profile, its default)."""

    MIN_LENGTH = 10

    def __init__(self) -> None:
        from argon2 import PasswordHasher

        self._ph = PasswordHasher()
        # A real hash to verify against when the account does not exist, so timing does not reveal it.
        self._dummy = self._ph.hash(secrets.token_urlsafe(16))

    def hash(self, password: str) -> str:
        return self._ph.hash(password)

    def verify(self, stored: str | None, password: str) -> bool:
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            return self._ph.verify(stored or self._dummy, password) and stored is not None
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored: str) -> bool:
        return self._ph.check_needs_rehash(stored)
