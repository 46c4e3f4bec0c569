"""Users. The CLI uses one local user, ``me``, created on first use; the web app creates accounts."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from heartwork.store.errors import NotFound, StoreError
from heartwork.store.models import User

__all__ = ["LOCAL_USERNAME", "create_user", "get_user", "get_user_by_username", "list_users", "local_user"]

#: The single user of the terminal app.
LOCAL_USERNAME = "me"


def create_user(
    s: Session, username: str, *, password_hash: str | None = None, display_name: str = ""
) -> User:
    """Create an account. Raises StoreError if the username is taken or empty."""
    username = username.strip()
    if not username:
        raise StoreError("A username cannot be empty.")
    if len(username) > 100:
        raise StoreError("A username can be at most 100 characters.")
    if get_user_by_username(s, username) is not None:
        raise StoreError(f"The username {username!r} is already taken; choose another.")
    user = User(username=username, password_hash=password_hash, display_name=display_name or username)
    s.add(user)
    s.flush()
    return user


def get_user(s: Session, user_id: int) -> User:
    user = s.get(User, user_id)
    if user is None:
        raise NotFound(f"No user with id {user_id}.")
    return user


def get_user_by_username(s: Session, username: str) -> User | None:
    return s.scalar(select(User).where(User.username == username.strip()))


def list_users(s: Session) -> list[User]:
    return list(s.scalars(select(User).order_by(User.id)))


def local_user(s: Session) -> User:
    """The terminal's single local user ("me"), created (without a password) on first use."""
    user = get_user_by_username(s, LOCAL_USERNAME)
    if user is not None:
        return user
    try:
        # A savepoint: if another process creates "me" at the same moment, use theirs.
        with s.begin_nested():
            user = User(username=LOCAL_USERNAME, password_hash=None, display_name="me")
            s.add(user)
        return user
    except IntegrityError:
        existing = get_user_by_username(s, LOCAL_USERNAME)
        if existing is None:
            raise
        return existing
