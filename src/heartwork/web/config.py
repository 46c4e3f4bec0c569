"""Web settings, built at ``create_app()`` time from :mod:`heartwork.settings` and the environment."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from heartwork.settings import Settings

# Where the Quick exit button leaves to: a neutral, common page (weather) that says nothing about the app.
DEFAULT_QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"
# Sign-in sessions last two weeks without activity limits beyond this (the cookie is signed and time-stamped).
SESSION_MAX_AGE_SECONDS = 14 * 24 * 3600
# Login rate limiting: failures allowed per account and per client address inside the window.
# Five tries per account per 15 minutes follows the OWASP authentication cheat sheet's guidance of a small
# number of attempts before slowing down; the per-address limit is wider because households share an address.
LOGIN_WINDOW_SECONDS = 15 * 60
LOGIN_MAX_FAILURES_PER_ACCOUNT = 5
LOGIN_MAX_FAILURES_PER_ADDRESS = 20
# The longest message the JSON API and forms accept (characters); longer input gets a clear 422/400.
MAX_TEXT_CHARS = 20_000


@dataclass(frozen=True)
class WebConfig:
    settings: Settings
    secret_key: str
    force_https_cookies: bool = (
        False  # Secure cookies even when the request arrived over http (behind a proxy)
    )
    quick_exit_url: str = DEFAULT_QUICK_EXIT_URL
    login_max_failures_account: int = LOGIN_MAX_FAILURES_PER_ACCOUNT
    login_max_failures_address: int = LOGIN_MAX_FAILURES_PER_ADDRESS
    login_window_seconds: int = LOGIN_WINDOW_SECONDS


def _secret_key(data_dir: Path) -> str:
    """HEARTWORK_WEB_SECRET, or a random key kept in the data directory (mode 0600), made on first run.

    Several workers serving one database must share the key: set HEARTWORK_WEB_SECRET for them all.
    """
    env = os.environ.get("HEARTWORK_WEB_SECRET")
    if env:
        if len(env) < 32:
            raise ValueError(
                "HEARTWORK_WEB_SECRET must be at least 32 characters (try: python -c "
                "'import secrets; print(secrets.token_urlsafe(48))')."
            )
        return env
    path = data_dir / "web-secret.key"
    for _ in range(3):
        if path.exists():
            key = path.read_text(encoding="ascii").strip()
            if len(key) >= 32:
                return key
            path.unlink()  # empty or truncated (e.g. a crash while writing): make a new one
        data_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        tmp = path.with_name(f".web-secret.{os.getpid()}.{secrets.token_hex(6)}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(key)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)  # atomic and exclusive: when several workers start at once, the first one wins
        except FileExistsError:
            continue  # another worker made it first: use theirs
        finally:
            tmp.unlink(missing_ok=True)
        return key
    raise RuntimeError(f"Could not create the web secret key at {path}; set HEARTWORK_WEB_SECRET instead.")


def build(settings: Settings) -> WebConfig:
    return WebConfig(
        settings=settings,
        secret_key=_secret_key(settings.data_dir),
        force_https_cookies=os.environ.get("HEARTWORK_WEB_HTTPS", "") in {"1", "true", "yes"},
        quick_exit_url=os.environ.get("HEARTWORK_QUICK_EXIT_URL") or DEFAULT_QUICK_EXIT_URL,
    )
