"""Encryption at rest: a key derived from a passphrase (scrypt, memory-hard) and AES-256-GCM (authenticated).

How values are stored (``EncryptedText`` / ``EncryptedJSON`` columns):

* ``p:<text>``  — plain (no passphrase set for this database);
* ``e1:<base64(nonce | ciphertext+tag)>`` — AES-256-GCM with a random 96-bit nonce; the column's name is
  the associated data, so a ciphertext moved into another column fails to decrypt.

The key lives only in memory (``Store.unlock``); the database keeps the KDF salt and parameters and a
"key check" token (a known constant encrypted with the key) so a wrong passphrase is recognised before
anything is read or written. See docs/storage.md for the threat model.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from heartwork.store.errors import StoreError, StoreLocked, WrongPassphrase, check_no_nul

__all__ = [
    "DEFAULT_KDF",
    "ENCRYPTED_COLUMNS",
    "Cipher",
    "CryptoState",
    "EncryptedJSON",
    "EncryptedText",
    "KdfParams",
    "decode_value",
    "encode_value",
]

PLAIN_TAG = "p:"
ENC_TAG = "e1:"
_NONCE_LEN = 12
_KEY_CHECK = b"heartwork key check v1"
_KEY_CHECK_AAD = b"heartwork:keycheck"
MIN_PASSPHRASE_LEN = 8


@dataclass(frozen=True)
class KdfParams:
    """scrypt cost. Defaults follow the ``cryptography`` docs / RFC 7914 interactive-login guidance
    (n=2**15, r=8: 32 MiB of memory and ~0.3 s per derivation on the development machine), which makes offline guessing
    of a copied database expensive. Tests pass smaller values to stay fast."""

    n: int = 2**15
    r: int = 8
    p: int = 1

    def to_dict(self) -> dict[str, int]:
        return {"n": self.n, "r": self.r, "p": self.p}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> KdfParams:
        return cls(n=int(d["n"]), r=int(d["r"]), p=int(d["p"]))


DEFAULT_KDF = KdfParams()


def _b64e(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).decode("ascii")


def _b64d(s: str) -> bytes:
    return base64.urlsafe_b64decode(s.encode("ascii"))


def check_passphrase_strength(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LEN:
        raise StoreError(
            f"A passphrase needs at least {MIN_PASSPHRASE_LEN} characters; several unrelated words are "
            "easiest to remember and hardest to guess."
        )


class Cipher:
    """AES-256-GCM with a key derived from a passphrase. Holds the key in memory only."""

    def __init__(self, key: bytes, salt: bytes, kdf: KdfParams) -> None:
        if len(key) != 32:
            raise ValueError("key must be 32 bytes")
        self._aead = AESGCM(key)
        self.salt = salt
        self.kdf = kdf

    @classmethod
    def derive(cls, passphrase: str, salt: bytes | None = None, kdf: KdfParams = DEFAULT_KDF) -> Cipher:
        salt = salt if salt is not None else os.urandom(16)
        key = Scrypt(salt=salt, length=32, n=kdf.n, r=kdf.r, p=kdf.p).derive(passphrase.encode("utf-8"))
        return cls(key, salt, kdf)

    def encrypt(self, plaintext: bytes, aad: bytes) -> str:
        nonce = os.urandom(_NONCE_LEN)
        return ENC_TAG + _b64e(nonce + self._aead.encrypt(nonce, plaintext, aad))

    def decrypt(self, token: str, aad: bytes) -> bytes:
        raw = _b64d(token[len(ENC_TAG) :])
        return self._aead.decrypt(raw[:_NONCE_LEN], raw[_NONCE_LEN:], aad)

    def key_check(self) -> str:
        return self.encrypt(_KEY_CHECK, _KEY_CHECK_AAD)

    def verify(self, key_check: str) -> None:
        try:
            ok = self.decrypt(key_check, _KEY_CHECK_AAD) == _KEY_CHECK
        except (InvalidTag, ValueError):
            ok = False
        if not ok:
            raise WrongPassphrase("That passphrase does not open this data. Nothing was changed; try again.")


@dataclass
class CryptoState:
    """Per-Store encryption state, reached from column types through the engine's dialect."""

    enabled: bool = False  # the database has a passphrase
    salt: bytes | None = None  # salt of the database's current key (to notice a change by another process)
    cipher: Cipher | None = field(default=None, repr=False)  # None = locked

    @property
    def locked(self) -> bool:
        return self.enabled and self.cipher is None

    def observe(self, salt_b64: str | None) -> None:
        """Bring the state in line with the keyring's current salt (None = no passphrase)."""
        if salt_b64 is None:
            self.enabled, self.salt, self.cipher = False, None, None
            return
        salt = _b64d(salt_b64)
        if not self.enabled or salt != self.salt:
            # Newly encrypted, or re-keyed elsewhere: whatever key we held is no longer the right one.
            self.enabled, self.salt, self.cipher = True, salt, None


def _state(dialect: Dialect) -> CryptoState | None:
    return getattr(dialect, "heartwork_crypto", None)


def encode_value(text: str, aad: bytes, cipher: Cipher | None) -> str:
    return PLAIN_TAG + text if cipher is None else cipher.encrypt(text.encode("utf-8"), aad)


def decode_value(stored: str, aad: bytes, cipher: Cipher | None) -> str:
    if stored.startswith(PLAIN_TAG):
        return stored[len(PLAIN_TAG) :]
    if stored.startswith(ENC_TAG):
        if cipher is None:
            raise StoreLocked(
                "This data is encrypted. Unlock it with your passphrase first "
                "(set HEARTWORK_PASSPHRASE or enter it when asked)."
            )
        try:
            return cipher.decrypt(stored, aad).decode("utf-8")
        except InvalidTag as exc:
            raise WrongPassphrase(
                "Stored data could not be decrypted with this key: it was changed elsewhere or tampered with."
            ) from exc
    raise StoreError("A stored value has an unknown format; the database may be damaged.")


class EncryptedText(TypeDecorator[str]):
    """Text stored plain-tagged, or encrypted when the database has a passphrase."""

    impl = Text
    cache_ok = True

    def __init__(self, column: str) -> None:
        super().__init__()
        self.column = column
        self._aad = f"heartwork:v1:{column}".encode()

    def _bind_cipher(self, dialect: Dialect) -> Cipher | None:
        st = _state(dialect)
        if st is None or not st.enabled:
            return None
        if st.cipher is None:
            raise StoreLocked(
                "The data is encrypted and locked, so nothing was saved. Unlock it with your passphrase first."
            )
        return st.cipher

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        text = self._to_text(value)
        check_no_nul(text)  # refused whether or not the value is encrypted (PostgreSQL text cannot hold NUL)
        return encode_value(text, self._aad, self._bind_cipher(dialect))

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        st = _state(dialect)
        return self._from_text(decode_value(value, self._aad, st.cipher if st else None))

    def _to_text(self, value: Any) -> str:
        if not isinstance(value, str):
            raise TypeError(f"{self.column} takes text, not {type(value).__name__}")
        return value

    def _from_text(self, text: str) -> Any:
        return text


class EncryptedJSON(EncryptedText):
    """JSON (dicts, lists, numbers, strings, null) stored as tagged/encrypted text."""

    cache_ok = True

    def _to_text(self, value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def _from_text(self, text: str) -> Any:
        return json.loads(text)


#: Every encrypted column (table, column). Passphrase set/change/remove rewrites exactly these.
ENCRYPTED_COLUMNS: tuple[tuple[str, str], ...] = (
    ("journal_entries", "title"),
    ("journal_entries", "body"),
    ("journal_entries", "data"),
    ("daily_choices", "note"),
    ("daily_choices", "analysis"),
    ("questionnaire_responses", "answers"),
    ("questionnaire_responses", "scores"),
    ("conversations", "title"),
    ("conversation_turns", "private_draft"),
    ("conversation_turns", "sent_text"),
    ("chats", "name"),
    ("chat_messages", "author"),
    ("chat_messages", "text"),
)


def aad_for(table: str, column: str) -> bytes:
    return f"heartwork:v1:{table}.{column}".encode()


def encode_backup(payload: bytes, passphrase: str, kdf: KdfParams = DEFAULT_KDF) -> dict[str, Any]:
    """An encrypted backup envelope (JSON-serialisable)."""
    check_passphrase_strength(passphrase)
    c = Cipher.derive(passphrase, kdf=kdf)
    return {
        "format": "heartwork-backup-encrypted",
        "version": 1,
        "kdf": {"name": "scrypt", **kdf.to_dict(), "salt": _b64e(c.salt)},
        "cipher": "aes-256-gcm",
        "ciphertext": c.encrypt(payload, b"heartwork:backup:v1"),
    }


def decode_backup(envelope: dict[str, Any], passphrase: str) -> bytes:
    try:
        kdf = envelope["kdf"]
        c = Cipher.derive(passphrase, _b64d(kdf["salt"]), KdfParams.from_dict(kdf))
        return c.decrypt(envelope["ciphertext"], b"heartwork:backup:v1")
    except InvalidTag as exc:
        raise WrongPassphrase("That passphrase does not open this backup. Nothing was changed.") from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"This encrypted backup is damaged or not a Heartwork backup ({exc}).") from exc
