"""Encryption at rest: what is on disk, lock/unlock, wrong passphrase, atomic passphrase change."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import text

from heartwork.store import (
    Store,
    StoreError,
    StoreLocked,
    WrongPassphrase,
    backup,
    journal,
    keys,
    open_store,
    users,
)
from heartwork.store.crypto import ENCRYPTED_COLUMNS, KdfParams

FAST = KdfParams(n=2**10)  # tests only; the default is n=2**15 (see crypto.KdfParams)


def _raw_values(store: Store) -> list[str]:
    out: list[str] = []
    with store.engine.connect() as conn:
        for table, column in ENCRYPTED_COLUMNS:
            out += [v for (v,) in conn.execute(text(f"SELECT {column} FROM {table}")) if v is not None]
    return out


def _export(store: Store) -> dict:
    with store.session(write=False) as s:
        d = backup.export_data(s)
    d.pop("exported_at")
    return d


def test_crypto_private_columns_are_ciphertext_on_disk(
    store: Store, populated: Callable[[Store], dict[str, int]], secret: str
) -> None:
    populated(store)
    plain = _raw_values(store)
    assert all(v.startswith("p:") for v in plain) and any(secret in v for v in plain)
    before = _export(store)
    store.set_passphrase("correct horse battery", kdf=FAST)
    raw = _raw_values(store)
    assert len(raw) == len(plain) and all(v.startswith("e1:") for v in raw)
    assert not any(secret in v or "WhatsApp" in v for v in raw)
    assert _export(store) == before  # same data, readable with the key in memory


def test_crypto_locked_store_refuses_reads_and_writes(
    store: Store, populated: Callable[[Store], dict[str, int]]
) -> None:
    ids = populated(store)
    store.set_passphrase("correct horse battery", kdf=FAST)
    other = open_store(store.url)  # e.g. another process: starts locked
    try:
        assert other.is_encrypted and other.is_locked
        with pytest.raises(StoreLocked), other.session(write=False) as s:
            journal.list_entries(s, ids["me"])
        with pytest.raises(StoreLocked), other.session() as s:
            journal.add_entry(s, ids["me"], "letter", body="would be written in plain")
        with pytest.raises(WrongPassphrase):
            other.unlock("not the passphrase")
        assert other.is_locked
        other.unlock("correct horse battery")
        with other.session() as s:
            journal.add_entry(s, ids["me"], "letter", body="written while unlocked")
        other.lock()
        with pytest.raises(StoreLocked), other.session(write=False) as s:
            journal.list_entries(s, ids["me"])
        # Counting and erasing need no key.
        with other.session(write=False) as s:
            assert backup.count_rows(s)["journal_entries"] == 5
    finally:
        other.close()
    with store.session(write=False) as s:
        assert journal.list_entries(s, ids["me"])[0].body == "written while unlocked"


def test_crypto_wrong_current_passphrase_changes_nothing(
    store: Store, populated: Callable[[Store], dict[str, int]]
) -> None:
    populated(store)
    store.set_passphrase("first passphrase", kdf=FAST)
    raw = _raw_values(store)
    with pytest.raises(WrongPassphrase):
        store.set_passphrase("second passphrase", current="not it at all", kdf=FAST)
    with pytest.raises(StoreError, match="current one"):
        store.set_passphrase("second passphrase", kdf=FAST)
    with pytest.raises(StoreError, match="at least"):
        store.set_passphrase("short", current="first passphrase", kdf=FAST)
    assert _raw_values(store) == raw
    store.lock()
    store.unlock("first passphrase")


def test_crypto_passphrase_change_is_atomic(
    store: Store, populated: Callable[[Store], dict[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    populated(store)
    store.set_passphrase("first passphrase", kdf=FAST)
    before_raw, before = _raw_values(store), _export(store)
    # Fail part-way through the re-encryption (after journal entries, chats not yet done).
    real = keys.encode_value
    calls = {"n": 0}

    def flaky(text_: str, aad: bytes, cipher: object) -> str:
        calls["n"] += 1
        if calls["n"] > 20:
            raise OSError("simulated crash during re-encryption")
        return real(text_, aad, cipher)  # type: ignore[arg-type]

    monkeypatch.setattr(keys, "encode_value", flaky)
    with pytest.raises(OSError):
        store.set_passphrase("second passphrase", current="first passphrase", kdf=FAST)
    monkeypatch.setattr(keys, "encode_value", real)
    assert calls["n"] > 20
    assert _raw_values(store) == before_raw  # nothing rewritten
    fresh = open_store(store.url)
    try:
        with pytest.raises(WrongPassphrase):
            fresh.unlock("second passphrase")
        fresh.unlock("first passphrase")
        assert _export(fresh) == before
    finally:
        fresh.close()
    # A successful change re-encrypts every value, and a store holding the old key notices.
    old_holder = open_store(store.url)
    old_holder.unlock("first passphrase")
    store.set_passphrase("second passphrase", current="first passphrase", kdf=FAST)
    after_raw = _raw_values(store)
    assert len(after_raw) == len(before_raw) and not set(after_raw) & set(before_raw)
    try:
        with pytest.raises(StoreLocked), old_holder.session() as s:
            journal.add_entry(s, users.get_user_by_username(s, "me"), "letter", body="with a stale key")
        old_holder.unlock("second passphrase")
        assert _export(old_holder) == before
    finally:
        old_holder.close()


def test_crypto_remove_passphrase_stores_plain_again(
    store: Store, populated: Callable[[Store], dict[str, int]]
) -> None:
    populated(store)
    before = _export(store)
    store.set_passphrase("first passphrase", kdf=FAST)
    with pytest.raises(WrongPassphrase):
        store.set_passphrase(None, current="nope nope nope")
    store.set_passphrase(None, current="first passphrase")
    assert all(v.startswith("p:") for v in _raw_values(store))
    assert not store.is_encrypted
    assert _export(store) == before


def test_crypto_ciphertext_bound_to_its_column(store: Store) -> None:
    """Moving a ciphertext into another column (or tampering) is detected, not silently accepted."""
    with store.session() as s:
        me = users.local_user(s)
        e = journal.add_entry(s, me, "letter", title="title", body="body")
        eid = e.id
    store.set_passphrase("first passphrase", kdf=FAST)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE journal_entries SET body = title WHERE id = :i"), {"i": eid})
    with pytest.raises(WrongPassphrase, match="tampered"), store.session(write=False) as s:
        journal.get_entry(s, eid)


def test_crypto_cli_passphrase_and_unlock(
    db_url: str, monkeypatch: pytest.MonkeyPatch, secret: str, populated: Callable[[Store], dict[str, int]]
) -> None:
    from typer.testing import CliRunner

    from heartwork.cli import app

    monkeypatch.setenv("HEARTWORK_DATABASE_URL", db_url)
    st = open_store(db_url)
    populated(st)
    st.close()
    run = CliRunner().invoke
    r = run(app, ["passphrase"], input="a good passphrase\nmismatch passphrase\n")
    assert r.exit_code == 1 and "differ" in r.output
    r = run(app, ["passphrase"], input="a good passphrase\na good passphrase\n")
    assert r.exit_code == 0, r.output
    r = run(app, ["export", "--out", "-"])  # no terminal, no env: a clear message, not a traceback
    assert r.exit_code == 1 and "HEARTWORK_PASSPHRASE" in r.output
    monkeypatch.setenv("HEARTWORK_PASSPHRASE", "wrong passphrase")
    r = run(app, ["unlock"])
    assert r.exit_code == 1 and "does not open" in r.output
    monkeypatch.setenv("HEARTWORK_PASSPHRASE", "a good passphrase")
    r = run(app, ["unlock"])
    assert r.exit_code == 0 and "Unlocked" in r.output
    r = run(app, ["export", "--out", "-"])
    assert r.exit_code == 0 and secret in r.output
    r = run(app, ["passphrase", "--remove"])
    assert r.exit_code == 0, r.output
    monkeypatch.delenv("HEARTWORK_PASSPHRASE")
    r = run(app, ["db", "status"])
    assert r.exit_code == 0 and "Encrypted at rest: no" in r.output
