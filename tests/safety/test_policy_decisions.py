"""The one safety policy: pause, calm message, resources, never blame; helpers for coach, practices, joint, report."""

from __future__ import annotations

import re

import pytest

import heartwork
from heartwork.model import Suggestion
from heartwork.safety.checkin import score
from heartwork.safety.policy import (
    PAUSED_PRACTICES,
    SafetyDecision,
    assess,
    filter_suggestions,
    is_accommodating,
    joint_feature_allowed,
    notice,
    practice_allowed,
    report_section,
)

RISKY = "He checks my phone and won't let me see my friends."
SAFE = "Thank you for making dinner tonight, it was lovely."

# Phrases the policy must never say to the person (blame, accommodation, "fix it" advice).
BLAMING = re.compile(
    r"(?<!not )\byour fault\b|\byou should apologi[sz]e|\bsay sorry\b|\btry harder\b|\bkeep the peace\b|"
    r"\bcalm (?:him|her|them) down\b|\bwhat did you do\b|\bgive (?:him|her|them) another chance\b",
    re.IGNORECASE,
)


def test_policy_assess_pauses_with_reasons_message_and_resources() -> None:
    d = assess(heartwork.analyze(RISKY), country="US")
    assert d.paused
    assert d.categories == ("monitoring", "isolation")
    assert all(r.evidence and r.explanation for r in d.reasons)
    assert "paused" in d.message.lower()
    assert any(r.phone == "1-800-799-7233" for r in d.resources)
    assert d.resources[0].topics == ("emergency",)
    assert not BLAMING.search(d.message)
    assert "not your fault" in d.message and "leaving" in d.message


def test_policy_assess_no_risk_no_pause() -> None:
    d = assess(heartwork.analyze(SAFE))
    assert d == SafetyDecision(False, country=d.country)
    assert d.render_text() == ""


def test_policy_assess_accepts_text_and_many_messages() -> None:
    d = assess([SAFE, "I don't want to be here anymore."], country="UK")
    assert d.paused and d.categories == ("self_harm",)
    assert d.reasons[0].message_index == 1
    # crisis services come right after emergency for self-harm talk
    assert "crisis" in d.resources[1].topics
    assert any(r.phone == "116 123" for r in d.resources)


def test_policy_country_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEARTWORK_COUNTRY", "AU")
    d = assess(RISKY)
    assert d.country == "AU"
    assert any(r.phone == "1800 737 732" for r in d.resources)


@pytest.mark.parametrize(
    "text", [RISKY, "I want to die.", "If you leave I'll make you regret it.", "He hit me."]
)
def test_policy_message_never_blames(text: str) -> None:
    d = assess(text)
    assert d.paused and not BLAMING.search(d.message)


def test_policy_threat_message_also_speaks_to_the_writer() -> None:
    d = assess("If you leave I'll make you regret it.")
    assert "worried about how they treat a partner" in d.message


def test_policy_filter_suggestions_drops_apology_accommodation_and_self_blame() -> None:
    suggestions = [
        Suggestion("accountability", "I'm sorry, it was my fault."),
        Suggestion("core_value", "I care about you a great deal."),
        Suggestion("amends", "What can I do to make it up to you?"),
        Suggestion("self_kindness", "It makes sense to feel shaken. You deserve to be safe."),
        Suggestion("support", "I'll keep everything just the way you want it, I'll do anything."),
    ]
    paused = assess(RISKY)
    kept = filter_suggestions(paused, suggestions)
    assert [s.kind for s in kept] == ["self_kindness"]
    assert filter_suggestions(assess(SAFE), suggestions) == suggestions


def test_policy_is_accommodating() -> None:
    assert is_accommodating("I should have known better, I'll try harder.")
    assert is_accommodating("It's fine, whatever you want.")
    assert not is_accommodating("You deserve to feel safe.")


def test_policy_practices_pause_partner_facing_ones_only() -> None:
    d = assess(RISKY)
    for pid in PAUSED_PRACTICES:
        allowed, msg = practice_allowed(pid, d)
        assert not allowed and msg == d.message
    assert practice_allowed("self-compassion-break", d) == (True, "")
    assert practice_allowed("own-my-part", assess(SAFE)) == (True, "")


def test_policy_practice_ids_exist_in_practice_scripts() -> None:
    from importlib import resources

    scripts = {
        p.name.removesuffix(".yaml")
        for p in resources.files("heartwork.practice").joinpath("scripts").iterdir()
    }
    assert scripts >= PAUSED_PRACTICES, PAUSED_PRACTICES - scripts


def test_policy_joint_feature_suggests_individual_support_without_revealing_whose() -> None:
    ok, d = joint_feature_allowed(None, assess(SAFE))
    assert ok and not d.paused
    checkin = score({"fear": "yes"})
    ok, d = joint_feature_allowed(checkin, None)
    assert not ok and d.paused
    assert "Individual support" in d.message
    assert d.reasons == ()  # nothing of the check-in is carried into the shared decision
    assert "check-in" not in d.message


def test_policy_notice_is_what_the_coach_and_practices_show() -> None:
    from heartwork.safety.notice import safety_notice

    n = safety_notice(heartwork.analyze(RISKY), country="UK")
    d = notice(heartwork.analyze(RISKY), country="UK")
    assert (n.message, n.resources) == (d.message, d.resources)
    assert any(r["phone"] == "0808 2000 247" for r in n.to_dict()["resources"])
    # a risk flag without words (raised by a choice) still gets help
    from heartwork.model import Analysis, Safety

    d = notice(Analysis(text="", safety=Safety(risk=True)), country="CA")
    assert d.paused and any(r.phone == "988" for r in d.resources)
    n = safety_notice(None, country="CA")  # a practice pausing on a choice passes no analysis
    assert (n.message, n.resources) == (d.message, d.resources)


def test_policy_coach_respond_pauses_on_risk() -> None:
    r = heartwork.respond(RISKY)
    assert r.paused_for_safety
    assert r.safety is not None and r.safety.message == notice(heartwork.analyze(RISKY)).message


def test_policy_report_section_counts() -> None:
    analyses = heartwork.analyze_many([SAFE, RISKY, "I want to die."])
    sec = report_section(analyses, country="US")
    assert sec["paused"] and sec["messages"] == 3 and sec["messages_with_risk"] == 2
    assert sec["findings_by_category"] == {"monitoring": 1, "isolation": 1, "self_harm": 1}
    assert sec["resources"]
