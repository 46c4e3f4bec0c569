"""export -> delete -> import -> identical export; imports are all-or-nothing; delete-my-data erases."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from heartwork.store import BackupError, Store, backup, journal, users
from heartwork.store.crypto import KdfParams


def _export(store: Store) -> dict:
    with store.session(write=False) as s:
        data = backup.export_data(s, revision=store.current_revision())
    data.pop("exported_at")
    return json.loads(json.dumps(data))  # exactly what a file holds


def test_backup_round_trip_restores_identical_data(
    store: Store, populated: Callable[[Store], dict[str, int]], secret: str
) -> None:
    populated(store)
    before = _export(store)
    assert all(before["tables"][t] for t in before["tables"]), "every table has rows"
    with store.session() as s:
        backup.delete_all(s)
    with store.session(write=False) as s:
        assert backup.is_empty(s)
    with store.session() as s:
        counts = backup.import_data(s, before)
    assert counts["chat_messages"] == 50
    assert _export(store) == before
    # New rows continue after the restored ids (sequences reset on PostgreSQL).
    with store.session() as s:
        new_id = journal.add_entry(s, users.local_user(s), "letter", body="after restore").id
    assert new_id > max(r["id"] for r in before["tables"]["journal_entries"])


def test_backup_round_trip_of_encrypted_store(
    store: Store, populated: Callable[[Store], dict[str, int]], secret: str
) -> None:
    populated(store)
    store.set_passphrase("a long passphrase", kdf=KdfParams(n=2**10))
    before = _export(store)
    assert secret in json.dumps(before)  # the export holds the readable data
    with store.session() as s:
        backup.delete_all(s)
        backup.import_data(s, before)
    assert _export(store) == before
    store.lock()
    store.unlock("a long passphrase")
    assert _export(store) == before


def test_backup_import_refuses_non_empty_and_bad_files_changing_nothing(
    store: Store, populated: Callable[[Store], dict[str, int]], secret: str
) -> None:
    populated(store)
    before = _export(store)
    with store.session() as s, pytest.raises(BackupError, match="already holds data"):
        backup.import_data(s, before)
    bad_cases = []
    broken = copy.deepcopy(before)
    broken["tables"]["chat_messages"][-1]["text"] = None  # NOT NULL violated on the last table
    bad_cases.append(broken)
    unknown = copy.deepcopy(before)
    unknown["tables"]["journal_entries"][0]["mood"] = "x"
    bad_cases.append(unknown)
    bad_date = copy.deepcopy(before)
    bad_date["tables"]["daily_choices"][0]["day"] = "yesterday"
    bad_cases.append(bad_date)
    bad_cases.append({"format": "something-else"})
    bad_cases.append({**before, "version": 99})
    bad_cases.append({**before, "scope": {"user": "me"}})
    for case in bad_cases:
        with pytest.raises(Exception) as info, store.session() as s:  # noqa: PT011
            backup.import_data(s, case, replace=True)
        assert info.value is not None
        assert _export(store) == before, f"database changed by a failed import: {str(info.value)[:200]}"


def test_backup_import_replace_restores_in_one_step(
    store: Store, populated: Callable[[Store], dict[str, int]], secret: str
) -> None:
    populated(store)
    before = _export(store)
    with store.session() as s:
        journal.add_entry(s, users.local_user(s), "letter", body="written after the backup")
    with store.session() as s:
        backup.import_data(s, before, replace=True)
    assert _export(store) == before


def test_backup_user_export_holds_only_their_own(
    store: Store, populated: Callable[[Store], dict[str, int]], secret: str
) -> None:
    ids = populated(store)
    with store.session(write=False) as s:
        mine = backup.export_data(s, ids["ben"])
    t = mine["tables"]
    assert [u["username"] for u in t["users"]] == ["ben"] and t["users"][0]["password_hash"] is None
    assert {e["user_id"] for e in t["journal_entries"]} == {ids["ben"]}
    assert t["chats"] == [] and t["chat_messages"] == []
    assert secret not in json.dumps(mine)
    drafts = {x["private_draft"] for x in t["conversation_turns"] if x["user_id"] != ids["ben"]}
    assert drafts <= {""}  # the partner's unsent draft is not in Ben's export
    assert "still thinking" not in json.dumps(mine)


def test_backup_delete_user_data_leaves_the_partner_own_data(
    store: Store, populated: Callable[[Store], dict[str, int]], secret: str
) -> None:
    ids = populated(store)
    with store.session() as s:
        backup.delete_user_data(s, ids["ben"])
    with store.session(write=False) as s:
        assert users.get_user_by_username(s, "ben") is None
        counts = backup.count_rows(s)
        assert counts["pairs"] == 0 and counts["conversations"] == 0 and counts["conversation_turns"] == 0
        assert len(journal.list_entries(s, ids["me"])) == 3
        assert counts["chat_messages"] == 50


# -- the CLI ------------------------------------------------------------------------------------------------


@pytest.fixture
def cli_store(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Store:
    from heartwork.store import open_store

    monkeypatch.setenv("HEARTWORK_DATABASE_URL", db_url)
    st = open_store(db_url)
    yield st
    st.close()


def _run(*args: str, input: str | None = None) -> object:
    from heartwork.cli import app

    return CliRunner().invoke(app, list(args), input=input)


def test_backup_cli_export_delete_import_identical(
    cli_store: Store, tmp_path: Path, populated: Callable[[Store], dict[str, int]], secret: str
) -> None:
    populated(cli_store)
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    r = _run("export", "--out", str(first))
    assert r.exit_code == 0, r.output
    assert "50 chat messages" in r.output
    assert (first.stat().st_mode & 0o777) == 0o600
    r = _run("delete-my-data", input="no\n")
    assert r.exit_code == 1 and "Nothing was deleted" in r.output
    r = _run("delete-my-data", "--yes")
    assert r.exit_code == 0, r.output
    with cli_store.session(write=False) as s:
        assert backup.is_empty(s)
    r = _run("import-backup", str(first))
    assert r.exit_code == 0, r.output
    r = _run("import-backup", str(first))
    assert r.exit_code == 1 and "already holds data" in r.output and "Traceback" not in r.output
    assert _run("export", "--out", str(second)).exit_code == 0
    a, b = json.loads(first.read_text()), json.loads(second.read_text())
    a.pop("exported_at"), b.pop("exported_at")
    assert a == b


def test_backup_cli_encrypted_export(
    cli_store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    populated: Callable[[Store], dict[str, int]],
    secret: str,
) -> None:
    populated(cli_store)
    out = tmp_path / "secret.json"
    r = _run("export", "--encrypt", "--out", str(out), input="backup pass 123\nbackup pass 123\n")
    assert r.exit_code == 0, r.output
    raw = out.read_text()
    assert secret not in raw and json.loads(raw)["format"] == "heartwork-backup-encrypted"
    assert _run("delete-my-data", "--yes").exit_code == 0
    r = _run("import-backup", str(out), input="wrong passphrase\n")
    assert r.exit_code == 1 and "does not open this backup" in r.output
    with cli_store.session(write=False) as s:
        assert backup.is_empty(s)
    r = _run("import-backup", str(out), input="backup pass 123\n")
    assert r.exit_code == 0, r.output
    with cli_store.session(write=False) as s:
        assert backup.count_rows(s)["chat_messages"] == 50


def test_backup_cli_bad_files_clear_errors(cli_store: Store, tmp_path: Path) -> None:
    missing = _run("import-backup", str(tmp_path / "nope.json"))
    assert missing.exit_code == 1 and "No such file" in missing.output
    junk = tmp_path / "junk.json"
    junk.write_text("{not json")
    r = _run("import-backup", str(junk))
    assert r.exit_code == 1 and "not valid JSON" in r.output
    junk.write_text("[1, 2]")
    r = _run("import-backup", str(junk))
    assert r.exit_code == 1 and "not a Heartwork backup" in r.output


def test_backup_delete_my_data_leaves_no_trace_in_sqlite_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, populated: Callable[[Store], dict[str, int]], secret: str
) -> None:
    from heartwork.store import open_store

    db = tmp_path / "home" / "heartwork.db"
    monkeypatch.setenv("HEARTWORK_DATABASE_URL", f"sqlite:///{db}")
    st = open_store()
    populated(st)
    st.close()
    files = lambda: b"".join(p.read_bytes() for p in db.parent.glob("heartwork.db*"))  # noqa: E731
    assert secret.encode() in files()
    assert _run("delete-my-data", "--yes").exit_code == 0
    assert secret.encode() not in files()
    assert b"WhatsApp with Ben" not in files()
