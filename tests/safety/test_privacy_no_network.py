"""Local-first: the analyzer, coach, practices, history report, safety policy and check-in make no network call.

Every way out of the process is blocked (socket connect / connect_ex / create_connection / DNS lookups): any
attempt raises ``NetworkCallAttempted`` and the test fails loudly with the call it tried. Loopback is blocked
too: none of these features needs a server. The LLM backend is the one documented exception (only when the
user configures HEARTWORK_LLM_URL); conftest unsets it, and the coach's default composer must work without it.

Parts imported with ``pytest.importorskip`` skip (with the reason) only if that part of the product is absent
from this checkout; at the time of writing every part exists, so nothing is skipped.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import heartwork

RISKY = "He checks my phone and won't let me see my friends."
PLAIN = "You never listen to me! I'm sorry I forgot, that was my mistake."


class NetworkCallAttempted(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    attempts: list[str] = []

    def refuse(what: str) -> Any:
        def _blocked(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise NetworkCallAttempted(f"network call attempted: {what} {args!r}")

        return _blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket.socket, "sendto", refuse("socket.sendto"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    yield attempts
    assert attempts == [], f"network calls attempted: {attempts}"


def test_privacy_blocker_really_blocks(no_network: list[str]) -> None:
    with pytest.raises(NetworkCallAttempted):
        socket.create_connection(("127.0.0.1", 9))
    no_network.clear()  # the blocker itself was exercised; the real tests below must leave this empty


def test_privacy_analyzer_offline(no_network: list[str]) -> None:
    a = heartwork.analyze(PLAIN)
    assert a.labels
    many = heartwork.analyze_many([PLAIN, RISKY, "Thank you for dinner."])
    assert many[1].safety.risk


def test_privacy_coach_offline(no_network: list[str]) -> None:
    pytest.importorskip("heartwork.coach.respond", reason="coach not built yet")
    r = heartwork.respond("You always ruin our plans.")
    assert r.to_dict()
    paused = heartwork.respond(RISKY)
    assert paused.paused_for_safety
    rev = heartwork.review("You never help.", "Whatever, you never help either.")
    assert rev is not None


def test_privacy_practice_engine_offline(no_network: list[str]) -> None:
    engine = pytest.importorskip("heartwork.practice.engine", reason="practice engine not built yet")
    schema = pytest.importorskip("heartwork.practice.schema")
    for pid in schema.practice_ids():
        s = engine.Session(schema.load_practice(pid), analyzer=heartwork.analyze)
        guard = 0
        while (step := s.current) is not None and guard < 200:
            guard += 1
            if step.type in ("text", "breath", "timer", "compose"):
                s.acknowledge()
            elif step.type == "prompt":
                s.submit("We argued about the dishes and I felt tired")
            elif step.type == "choice":
                s.submit("1")
            else:
                s.submit(str(step.min))
        assert s.record()


def test_privacy_history_report_offline(no_network: list[str], tmp_path: Path) -> None:
    analysis = pytest.importorskip("heartwork.history.analysis", reason="history report not built yet")
    report = pytest.importorskip("heartwork.history.report")
    base = pytest.importorskip("heartwork.history.importers.base")
    msgs = [
        base.ChatMessage(f"2026-01-0{i % 9 + 1}T10:00:00", "A" if i % 2 else "B", t, float(i), i)
        for i, t in enumerate([PLAIN, "Whatever.", RISKY, "I care about you.", "Can we start over?"] * 4)
    ]
    a = analysis.analyse_history(msgs)
    imported = {
        "source": "chat.txt",
        "format": "test",
        "format_detected": False,
        "messages_parsed": len(msgs),
        "skipped_lines": {"count": 0, "by_reason": {}, "lines": []},
    }
    summary = report.build_summary(imported, a)
    report.write_report(summary, a, tmp_path / "report.html", tmp_path / "report.json", country="UK")
    assert (tmp_path / "report.html").stat().st_size > 0


def test_privacy_safety_policy_and_checkin_offline(no_network: list[str], tmp_path: Path) -> None:
    from heartwork.safety.checkin import save, score
    from heartwork.safety.policy import assess
    from heartwork.store import open_store

    d = assess(RISKY, country="US")
    assert d.paused and d.resources
    st = open_store(f"sqlite:///{tmp_path / 'h.db'}")
    try:
        assert save(score({"fear": "yes"}), st) > 0
    finally:
        st.close()


def test_privacy_cli_analyze_offline_in_a_fresh_process(tmp_path: Path) -> None:
    """The real entry point, in its own interpreter, with the same blocker installed before anything loads."""
    script = textwrap.dedent(
        """
        import socket, sys
        def blocked(*a, **k):
            sys.stderr.write("NETWORK CALL ATTEMPTED %r\\n" % (a,))
            raise SystemExit(97)
        socket.socket.connect = blocked
        socket.socket.connect_ex = blocked
        socket.create_connection = blocked
        socket.getaddrinfo = blocked
        from heartwork.cli import app
        sys.argv = ["heartwork"] + sys.argv[1:]
        app()
        """
    )
    env = {"HEARTWORK_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    for args in (
        ["analyze", RISKY],
        ["safety", "--country", "UK"],
        ["respond", "You always ruin our plans."],
    ):
        proc = subprocess.run(
            [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, timeout=120
        )
        assert proc.returncode != 97, proc.stderr
        assert "NETWORK CALL ATTEMPTED" not in proc.stderr
        assert proc.returncode == 0, (args, proc.stdout, proc.stderr)
