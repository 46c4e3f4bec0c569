"""The coach's safety pause and its integration point with heartwork.safety.policy."""

from __future__ import annotations

import sys
import types
from typing import Any

import pytest

from heartwork.coach import respond, review
from heartwork.coach.safety_bridge import FALLBACK_MESSAGE, safety_notice

RISK = "He checks my phone every night and won't let me see my friends."


def _install_policy(monkeypatch: pytest.MonkeyPatch, notice: Any) -> None:
    mod = types.ModuleType("heartwork.safety.policy")
    mod.notice = notice  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "heartwork.safety.policy", mod)


def test_safety_bridge_uses_the_policy_when_present(monkeypatch: pytest.MonkeyPatch) -> None:
    class Res:
        def to_dict(self) -> dict[str, str]:
            return {"name": "Test helpline", "phone": "000"}

    class Decision:
        message = "Coaching is paused. You deserve to be safe."
        resources = (Res(),)

    seen: dict[str, Any] = {}

    def notice(analysis: Any, country: str = "INTL") -> Decision:
        seen["country"] = country
        return Decision()

    _install_policy(monkeypatch, notice)
    monkeypatch.setenv("HEARTWORK_COUNTRY", "UK")
    result = respond(RISK)
    assert result.paused_for_safety and result.suggestions == ()
    assert result.safety is not None and result.safety.source == "policy"
    assert result.safety.message == "Coaching is paused. You deserve to be safe."
    assert result.safety.resources == ({"name": "Test helpline", "phone": "000"},)
    assert seen["country"] == "UK"


def test_safety_bridge_falls_back_when_the_policy_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def notice(analysis: Any, country: str = "INTL") -> None:
        raise RuntimeError("policy under construction")

    _install_policy(monkeypatch, notice)
    result = respond(RISK)
    assert result.paused_for_safety
    assert result.safety is not None and result.safety.source == "fallback"
    assert result.safety.message == FALLBACK_MESSAGE and result.safety.resources


def test_safety_bridge_without_a_policy_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "heartwork.safety.policy", None)  # import raises ImportError
    import heartwork

    n = safety_notice(heartwork.analyze(RISK))
    assert n.source == "fallback" and "paused" in n.message


@pytest.mark.parametrize(
    "message",
    ["If you leave I'll make you regret it.", "I don't want to be here anymore.", RISK],
)
def test_safety_risk_pauses_every_coach_path(message: str) -> None:
    r = respond(message, my_part="was late")
    assert r.paused_for_safety and r.suggestions == () and r.to_dict()["paused_for_safety"] is True
    v = review(message, "I'm sorry, it's all my fault, I'll do anything.")
    assert v.paused_for_safety and v.rewrite is None
