"""Faults: a writer killed (SIGKILL) mid-transaction loses nothing committed and leaves nothing partial;
two writer processes at once lose nothing. On SQLite and PostgreSQL."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from heartwork.store import Store, backup, chats, journal, users

WRITER = str(Path(__file__).with_name("writer_proc.py"))


def _spawn(url: str, name: str, count: int, messages: int, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, WRITER, url, name, str(count), str(messages), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _check_consistent(store: Store, messages: int) -> dict[str, int]:
    """Every chat is complete, and entries and chats came in pairs (one transaction each)."""
    with store.session(write=False) as s:
        me = users.local_user(s)
        entries = journal.list_entries(s, me)
        all_chats = chats.list_chats(s, me)
        for c in all_chats:
            assert chats.count_messages(s, c) == messages, f"partial chat {c.name}"
        assert sorted(e.title for e in entries) == sorted(c.name.replace("-chat-", "-") for c in all_chats)
        assert all(e.body != "must not survive" for e in entries)
        return backup.count_rows(s)


@pytest.mark.slow
def test_faults_sigkill_mid_transaction_loses_nothing_committed(store: Store) -> None:
    proc = _spawn(store.url, "w", 15, 400, "--hang-mid")
    assert proc.stdout is not None
    committed = []
    deadline = time.monotonic() + 120
    for line in proc.stdout:
        if line.startswith("committed"):
            committed.append(int(line.split()[2]))
        if line.strip() == "mid" or time.monotonic() > deadline:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert committed == list(range(15)), proc.stderr.read() if proc.stderr else ""
    counts = _check_consistent(store, 400)
    assert counts["journal_entries"] == 15 and counts["chats"] == 15 and counts["chat_messages"] == 15 * 400
    with store.session() as s:  # and the database still takes writes (no stale lock)
        journal.add_entry(s, users.local_user(s), "letter", body="after the crash")


@pytest.mark.slow
def test_faults_sigkill_at_random_moments(store: Store) -> None:
    rng = random.Random(1234)
    reported: list[int] = []
    for round_ in range(4):
        proc = _spawn(store.url, f"r{round_}", 10_000, 50)
        assert proc.stdout is not None
        first = proc.stdout.readline()  # it is writing now
        time.sleep(rng.random() * 0.5)
        proc.send_signal(signal.SIGKILL)
        out = first + proc.stdout.read()
        proc.wait(timeout=30)
        reported.append(out.count("committed"))
        counts = _check_consistent(store, 50)
        # Everything reported committed is there (one more may have committed before its print).
        assert counts["chats"] >= sum(reported)
    assert all(r > 0 for r in reported)


@pytest.mark.slow
def test_faults_two_writers_at_once_lose_nothing(store: Store) -> None:
    n, m = 60, 30
    procs = [_spawn(store.url, name, n, m) for name in ("a", "b")]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err[-2000:]
        assert out.count("committed") == n
    counts = _check_consistent(store, m)
    assert counts["users"] == 1  # both created "me" safely
    assert (
        counts["journal_entries"] == 2 * n
        and counts["chats"] == 2 * n
        and counts["chat_messages"] == 2 * n * m
    )
    with store.session(write=False) as s:
        bodies = {e.body for e in journal.list_entries(s, users.local_user(s))}
    assert bodies == {f"{w} entry {i}" for w in "ab" for i in range(n)}


def test_faults_two_threads_share_one_store(store: Store) -> None:
    """One process, several threads (a web server's workers): every write lands exactly once."""
    from concurrent.futures import ThreadPoolExecutor

    with store.session() as s:
        uid = users.local_user(s).id

    def write(k: int) -> int:
        with store.session() as s:
            return journal.add_entry(s, uid, "letter", body=f"thread write {k}").id

    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = list(pool.map(write, range(200)))
    assert len(set(ids)) == 200
    with store.session(write=False) as s:
        assert {e.body for e in journal.list_entries(s, uid)} == {f"thread write {k}" for k in range(200)}
