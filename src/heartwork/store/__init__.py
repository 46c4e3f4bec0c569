"""Storage: SQLAlchemy models, Alembic migrations and small repositories (one module per aggregate).

    from heartwork.store import open_store, journal, users
    store = open_store()
    with store.session() as s:
        me = users.local_user(s)
        journal.record_practice(s, me, "self-compassion-break", {"mindfulness": "..."})

Submodules: users, pairs, journal, choices, questionnaires, conversations, chats, backup, crypto, keys,
errors, models. This package imports lazily (``import heartwork.store.commands`` must not load SQLAlchemy).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__all__ = [
    "BackupError",
    "InviteError",
    "NotFound",
    "NotShareable",
    "NulCharacter",
    "PermissionDenied",
    "Store",
    "StoreError",
    "StoreFull",
    "StoreLocked",
    "StoreReadOnly",
    "StoreUnavailable",
    "WrongPassphrase",
    "open_cli_store",
    "open_store",
]

_SUBMODULES = {
    "backup",
    "chats",
    "choices",
    "conversations",
    "crypto",
    "db",
    "errors",
    "journal",
    "keys",
    "models",
    "pairs",
    "questionnaires",
    "users",
}

if TYPE_CHECKING:
    from heartwork.store.db import Store, open_cli_store, open_store
    from heartwork.store.errors import (
        BackupError,
        InviteError,
        NotFound,
        NotShareable,
        NulCharacter,
        PermissionDenied,
        StoreError,
        StoreFull,
        StoreLocked,
        StoreReadOnly,
        StoreUnavailable,
        WrongPassphrase,
    )


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"heartwork.store.{name}")
    if name in ("Store", "open_store", "open_cli_store"):
        return getattr(importlib.import_module("heartwork.store.db"), name)
    if name in __all__:
        return getattr(importlib.import_module("heartwork.store.errors"), name)
    raise AttributeError(f"module 'heartwork.store' has no attribute {name!r}")
