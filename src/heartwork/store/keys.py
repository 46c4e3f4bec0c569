"""Passphrase management: unlock, and set / change / remove with atomic re-encryption."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from heartwork.store.crypto import (
    DEFAULT_KDF,
    ENCRYPTED_COLUMNS,
    Cipher,
    KdfParams,
    _b64d,
    _b64e,
    aad_for,
    check_passphrase_strength,
    decode_value,
    encode_value,
)
from heartwork.store.errors import StoreError
from heartwork.store.models import Keyring
from heartwork.store.types import utcnow

if TYPE_CHECKING:
    from heartwork.store.db import Store

__all__ = ["REKEY_BATCH", "set_passphrase", "unlock"]

#: Rows re-encrypted per round trip during a passphrase change (bounded memory for big chat imports).
REKEY_BATCH = 2000


def _keyring(s: Session, *, for_update: bool = False) -> Keyring:
    q = sa.select(Keyring).where(Keyring.id == 1)
    if for_update:
        q = q.with_for_update()
    row = s.scalar(q)
    if row is None:
        raise StoreError("The database has no keyring row; run `heartwork db upgrade`.")
    return row


def _cipher_from(row: Keyring, passphrase: str) -> Cipher:
    assert row.kdf is not None and row.salt is not None and row.key_check is not None
    params = json.loads(row.kdf)
    cipher = Cipher.derive(passphrase, _b64d(row.salt), KdfParams.from_dict(params))
    cipher.verify(row.key_check)
    return cipher


def unlock(store: Store, passphrase: str) -> None:
    with store.session(write=False) as s:
        row = _keyring(s)
        if row.salt is None:
            raise StoreError("This database has no passphrase, so there is nothing to unlock.")
        cipher = _cipher_from(row, passphrase)  # raises WrongPassphrase
        salt = row.salt
    store.crypto.observe(salt)
    store.crypto.cipher = cipher


def _rekey(s: Session, old: Cipher | None, new: Cipher | None) -> int:
    """Rewrite every encrypted column from ``old`` (None = plain) to ``new``. Returns values rewritten."""
    total = 0
    for table, column in ENCRYPTED_COLUMNS:
        t = sa.table(table, sa.column("id", sa.Integer), sa.column(column, sa.Text))
        aad = aad_for(table, column)
        stmt = sa.update(t).where(t.c.id == sa.bindparam("_id")).values({column: sa.bindparam("_v")})
        last = 0
        while True:
            rows = s.execute(
                sa.select(t.c.id, t.c[column])
                .where(t.c.id > last, t.c[column].is_not(None))
                .order_by(t.c.id)
                .limit(REKEY_BATCH)
            ).all()
            if not rows:
                break
            params = [
                {"_id": rid, "_v": encode_value(decode_value(value, aad, old), aad, new)}
                for rid, value in rows
            ]
            s.connection().execute(stmt, params)
            total += len(params)
            last = rows[-1][0]
    return total


def set_passphrase(store: Store, new: str | None, *, current: str | None = None, kdf: Any = None) -> None:
    kdf = kdf or DEFAULT_KDF
    if new is not None:
        check_passphrase_strength(new)
    with store.session() as s:
        row = _keyring(s, for_update=True)
        old: Cipher | None = None
        if row.salt is not None:
            if current is None:
                raise StoreError("This database already has a passphrase; give the current one to change it.")
            old = _cipher_from(row, current)  # WrongPassphrase before anything is written
        elif new is None:
            raise StoreError("This database has no passphrase to remove.")
        fresh = Cipher.derive(new, kdf=kdf) if new is not None else None
        _rekey(s, old, fresh)
        if fresh is None:
            row.kdf = row.salt = row.key_check = None
        else:
            row.kdf = json.dumps({"name": "scrypt", **kdf.to_dict()})
            row.salt = _b64e(fresh.salt)
            row.key_check = fresh.key_check()
        row.changed_at = utcnow()
        new_salt = row.salt
    # Committed: switch this process to the new key.
    store.crypto.observe(new_salt)
    store.crypto.cipher = fresh
