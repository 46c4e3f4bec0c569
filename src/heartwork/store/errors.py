"""Errors of the storage layer. Every message says what happened and how to fix it."""

from __future__ import annotations

__all__ = [
    "BackupError",
    "InviteError",
    "NotFound",
    "NotShareable",
    "NulCharacter",
    "PermissionDenied",
    "StoreError",
    "StoreFull",
    "StoreLocked",
    "StoreReadOnly",
    "StoreUnavailable",
    "WrongPassphrase",
    "check_no_nul",
]


class StoreError(Exception):
    """Base class: a storage problem the user can act on (shown without a traceback)."""


class StoreReadOnly(StoreError):
    """The database file (or its folder) cannot be written."""


class StoreFull(StoreError):
    """The disk holding the database is full."""


class StoreUnavailable(StoreError):
    """The database server cannot be reached or the file cannot be opened."""


class StoreLocked(StoreError):
    """Data is encrypted and the store has not been unlocked with the passphrase."""


class WrongPassphrase(StoreError):
    """The passphrase does not open this data."""


class NotFound(StoreError):
    """A record that was asked for does not exist."""


class PermissionDenied(StoreError):
    """The viewer may not see or change this record."""


class NotShareable(StoreError):
    """Safety-related (sensitive) entries can never be shared with a partner."""


class InviteError(StoreError):
    """A pairing code is unknown, used, expired, or cannot be used by this person."""


class BackupError(StoreError):
    """A backup file cannot be read or restored."""


class NulCharacter(StoreError):
    """Text holds a NUL character (\\x00). PostgreSQL text cannot hold it, so the store refuses it on every
    database alike (SQLite too), before anything is written, rather than silently altering a person's words.
    JSON values are not affected: their NUL is written as the escape ``\\u0000`` and reads back unchanged."""


NUL_MESSAGE = (
    "The text contains a NUL character (\\x00), which cannot be stored, so nothing was saved. "
    "It is invisible and usually comes from a copy-paste or a damaged file: remove it and try again."
)


def check_no_nul(value: object) -> None:
    """Raise NulCharacter if ``value`` is text holding a NUL character."""
    if isinstance(value, str) and "\x00" in value:
        raise NulCharacter(NUL_MESSAGE)
