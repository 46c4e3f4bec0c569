"""The coach's safety pause: every coach path stops, and shows what the one safety policy says."""

from __future__ import annotations

import pytest

import heartwork
from heartwork.coach import respond, review
from heartwork.safety import policy

RISK = "He checks my phone every night and won't let me see my friends."


def test_safety_pause_shows_the_policy_notice_for_the_configured_country(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HEARTWORK_COUNTRY", "UK")
    result = respond(RISK)
    assert result.paused_for_safety and result.suggestions == ()
    decision = policy.notice(heartwork.analyze(RISK), country="UK")
    assert result.safety is not None
    assert result.safety.message == decision.message
    assert result.safety.resources == decision.resources
    assert any(r["phone"] == "0808 2000 247" for r in result.to_dict()["safety"]["resources"])


@pytest.mark.parametrize(
    "message",
    ["If you leave I'll make you regret it.", "I don't want to be here anymore.", RISK],
)
def test_safety_risk_pauses_every_coach_path(message: str) -> None:
    r = respond(message, my_part="was late")
    assert r.paused_for_safety and r.suggestions == () and r.to_dict()["paused_for_safety"] is True
    v = review(message, "I'm sorry, it's all my fault, I'll do anything.")
    assert v.paused_for_safety and v.rewrite is None
